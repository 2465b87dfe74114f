"""Clients: validation, status transitions, search, facts to remember.

Every public function that writes takes an open session inside a unit of work
(one user action) and returns plain data, never an ORM object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from clientcare import audit, concurrency
from clientcare.db.engine import plain_rows
from clientcare.db.lists import escape_like
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditAction,
    Client,
    ClientFact,
    ClientStatus,
    ConsentState,
    Practitioner,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.text import check_text, clean_line, fold

MAX_NAME = 200
MAX_PREFERRED = 100
MAX_PRONUNCIATION = 200
MAX_PRONOUNS = 50
MAX_EMAIL = 254
MAX_PHONE = 50
MAX_ADDRESS = 1000
MAX_NOTES = 20_000
MAX_FACT = 2000

STATUS_LABELS: dict[ClientStatus, str] = {
    ClientStatus.PROSPECT: "Prospect",
    ClientStatus.ACTIVE: "Active",
    ClientStatus.PAUSED: "Paused",
    ClientStatus.CLOSED: "Closed",
    ClientStatus.DECLINED: "Declined",
}

#: Clients who can be booked or put on the waitlist (appointments and the waitlist say
#: why a closed or declined client cannot, when one is typed in full).
BOOKABLE_STATUSES: frozenset[ClientStatus] = frozenset(
    {ClientStatus.PROSPECT, ClientStatus.ACTIVE, ClientStatus.PAUSED}
)

# Where a client can go from each status. A prospect may decline ("there is
# always the next prospect") and come back later; a closed file can be reopened.
STATUS_TRANSITIONS: dict[ClientStatus, frozenset[ClientStatus]] = {
    ClientStatus.PROSPECT: frozenset(
        {ClientStatus.ACTIVE, ClientStatus.DECLINED, ClientStatus.CLOSED}
    ),
    ClientStatus.ACTIVE: frozenset({ClientStatus.PAUSED, ClientStatus.CLOSED}),
    ClientStatus.PAUSED: frozenset({ClientStatus.ACTIVE, ClientStatus.CLOSED}),
    ClientStatus.CLOSED: frozenset({ClientStatus.ACTIVE}),
    ClientStatus.DECLINED: frozenset({ClientStatus.PROSPECT, ClientStatus.ACTIVE}),
}


def allowed_statuses(current: ClientStatus | None) -> list[ClientStatus]:
    """The statuses a client may be given next (a new client may start anywhere but closed)."""
    if current is None:
        return [s for s in ClientStatus if s is not ClientStatus.CLOSED]
    order = list(ClientStatus)
    return sorted({current, *STATUS_TRANSITIONS[current]}, key=order.index)


@dataclass(frozen=True)
class ClientInput:
    """What the client form collects. Strings as typed; the domain cleans them."""

    full_name: str
    preferred_name: str = ""
    pronunciation: str = ""
    pronouns: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    notes: str = ""
    status: ClientStatus = ClientStatus.PROSPECT
    primary_practitioner_id: int | None = None


@dataclass(frozen=True)
class FactRow:
    id: int
    noted_on: dt.date
    text: str


@dataclass(frozen=True)
class ClientRow:
    """One line of the client list."""

    id: int
    full_name: str
    preferred_name: str
    pronouns: str
    email: str
    phone: str
    status: ClientStatus
    practitioner_name: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class ClientDetail:
    id: int
    full_name: str
    preferred_name: str
    pronunciation: str
    pronouns: str
    email: str
    phone: str
    address: str
    notes: str
    status: ClientStatus
    status_changed_on: dt.date
    checkin_consent: ConsentState
    primary_practitioner_id: int | None
    facts: tuple[FactRow, ...] = field(default_factory=tuple)
    #: The row version the form loaded; handed back to update_client (concurrent edits).
    version: int = 0

    def as_input(self) -> ClientInput:
        return ClientInput(
            full_name=self.full_name,
            preferred_name=self.preferred_name,
            pronunciation=self.pronunciation,
            pronouns=self.pronouns,
            email=self.email,
            phone=self.phone,
            address=self.address,
            notes=self.notes,
            status=self.status,
            primary_practitioner_id=self.primary_practitioner_id,
        )


# ---------------------------------------------------------------------------
# Cleaning and validation
# ---------------------------------------------------------------------------


def default_preferred_name(full_name: str) -> str:
    """The first word of the full name: what to call someone until they tell us otherwise."""
    words = full_name.split()
    return words[0] if words else ""


def client_label(full_name: str, preferred_name: str) -> str:
    """ "Benjamin Sample (Ben)"; the preferred name only when the full name doesn't show it."""
    if preferred_name and preferred_name not in full_name.split():
        return f"{full_name} ({preferred_name})" if full_name else preferred_name
    return full_name or preferred_name


def search_key_for(full_name: str, preferred_name: str, email: str, phone: str) -> str:
    """The folded text a client is found by: names, e-mail, and phone digits."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return " ".join(fold(part) for part in (full_name, preferred_name, email, digits) if part)


def normalise_email(email: str) -> tuple[str, FieldError | None]:
    """The address to store, or an error saying what is wrong with it."""
    email = email.strip()
    if not email:
        return "", None
    problem = check_text("email", "The e-mail address", email, max_length=MAX_EMAIL)
    if problem:
        return email, problem
    from email_validator import EmailNotValidError, validate_email  # only when saving

    try:
        result = validate_email(email, check_deliverability=False)
    except EmailNotValidError as exc:
        return email, FieldError("email", f"{exc} Example: name@example.org")
    return result.normalized, None


def normalise_phone(phone: str, region: str | None) -> tuple[str, FieldError | None]:
    """The number formatted for display, or an error saying what is wrong with it.

    Numbers in the practice's own country are shown in national format; others in
    international format (they must then start with + and the country code).
    """
    phone = phone.strip()
    if not phone:
        return "", None
    problem = check_text("phone", "The phone number", phone, max_length=MAX_PHONE)
    if problem:
        return phone, problem
    if any(ch.isalpha() for ch in phone.replace("ext", "").replace("x", "")):
        return phone, FieldError("phone", "A phone number has digits only (and + ( ) - spaces).")
    import phonenumbers  # only when saving: a large module, not needed to start

    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        hint = (
            "Start it with + and the country code, e.g. +44 7700 900123."
            if region is None
            else "Check the digits, or start with + and the country code for a number abroad."
        )
        return phone, FieldError("phone", f"This is not a phone number ClientCare can read. {hint}")
    if not phonenumbers.is_possible_number(number):
        reason = phonenumbers.is_possible_number_with_reason(number)
        words = {
            phonenumbers.ValidationResult.TOO_SHORT: "has too few digits",
            phonenumbers.ValidationResult.TOO_LONG: "has too many digits",
            phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "has an unknown country code",
        }.get(reason, "is not a possible number")
        return phone, FieldError("phone", f"This phone number {words}.")
    same_country = (
        region is not None
        and number.country_code is not None
        and phonenumbers.region_code_for_country_code(number.country_code) == region
    )
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if same_country
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style), None


def clean_and_validate(
    data: ClientInput, *, region: str | None, current_status: ClientStatus | None
) -> ClientInput:
    """Return the cleaned input, or raise ValidationError listing every problem."""
    errors: list[FieldError] = []
    full_name = clean_line(data.full_name)
    preferred = clean_line(data.preferred_name) or default_preferred_name(full_name)[:MAX_PREFERRED]
    cleaned = replace(
        data,
        full_name=full_name,
        preferred_name=preferred,
        pronunciation=clean_line(data.pronunciation),
        pronouns=clean_line(data.pronouns),
        address=data.address.strip(),
        notes=data.notes.strip(),
    )
    if not full_name:
        errors.append(FieldError("full_name", "Please enter the client's full name."))
    checks = [
        ("full_name", "The full name", cleaned.full_name, MAX_NAME, False),
        ("preferred_name", "The preferred name", cleaned.preferred_name, MAX_PREFERRED, False),
        ("pronunciation", "The pronunciation", cleaned.pronunciation, MAX_PRONUNCIATION, False),
        ("pronouns", "The pronouns", cleaned.pronouns, MAX_PRONOUNS, False),
        ("address", "The address", cleaned.address, MAX_ADDRESS, True),
        ("notes", "The notes", cleaned.notes, MAX_NOTES, True),
    ]
    for name, label, value, limit, multiline in checks:
        problem = check_text(name, label, value, max_length=limit, multiline=multiline)
        if problem and not any(e.field == name for e in errors):
            errors.append(problem)
    email, problem = normalise_email(data.email)
    if problem:
        errors.append(problem)
    phone, problem = normalise_phone(data.phone, region)
    if problem:
        errors.append(problem)
    if cleaned.status not in allowed_statuses(current_status):
        errors.append(FieldError("status", _status_message(current_status, cleaned.status)))
    if errors:
        raise ValidationError(errors)
    return replace(cleaned, email=email, phone=phone)


def _status_message(current: ClientStatus | None, wanted: ClientStatus) -> str:
    options = ", ".join(STATUS_LABELS[s].lower() for s in allowed_statuses(current) if s != current)
    if current is None:
        return f"A new client cannot start as {STATUS_LABELS[wanted].lower()}; choose {options}."
    return (
        f"A {STATUS_LABELS[current].lower()} client cannot become "
        f"{STATUS_LABELS[wanted].lower()} directly; they can become {options}."
    )


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def _detail(client: Client) -> ClientDetail:
    return ClientDetail(
        id=client.id,
        full_name=client.full_name,
        preferred_name=client.preferred_name,
        pronunciation=client.pronunciation,
        pronouns=client.pronouns,
        email=client.email,
        phone=client.phone,
        address=client.address,
        notes=client.notes,
        status=client.status,
        status_changed_on=client.status_changed_on,
        checkin_consent=client.checkin_consent,
        primary_practitioner_id=client.primary_practitioner_id,
        facts=tuple(FactRow(f.id, f.noted_on, f.text) for f in client.facts),
        version=client.version,
    )


def get_client(session: Session, client_id: int) -> ClientDetail:
    """The client with their facts; raises NotFoundError if it is gone."""
    client = session.get(Client, client_id)
    if client is None:
        raise NotFoundError(f"Client {client_id} no longer exists.")
    return _detail(client)


def _search_conditions(
    text: str, statuses: frozenset[ClientStatus] | None
) -> list[ColumnElement[bool]]:
    """Every word of ``text`` must match somewhere; the status must be one of ``statuses``."""
    conditions: list[ColumnElement[bool]] = []
    for word in fold(text).split():
        digits = "".join(ch for ch in word if ch.isdigit())
        pattern = f"%{escape_like(word)}%"
        if digits and digits != word and not any(ch.isalpha() for ch in word):
            # "07700 900-123" typed with punctuation: match the stored digits.
            pattern = f"%{escape_like(digits)}%"
        conditions.append(Client.search_key.like(pattern, escape="\\"))
    if statuses:
        conditions.append(Client.status.in_(sorted(statuses)))
    return conditions


def search_conditions(text: str) -> list[ColumnElement[bool]]:
    """WHERE conditions on a client row for the Clients list's search (names, e-mail,
    phone; accents and case ignored), for other lists searched by client."""
    return _search_conditions(text, None)


def search_query(
    text: str, statuses: frozenset[ClientStatus] | None = None
) -> Select[*tuple[Any, ...]]:
    """The SELECT behind the client list: every word of ``text`` must match somewhere.

    Ordered by lower(full_name), id: the ix_client_name_order index gives that order
    without sorting, so a page of the list (LIMIT) stops reading early.
    """
    query = select(
        Client.id,
        Client.full_name,
        Client.preferred_name,
        Client.pronouns,
        Client.email,
        Client.phone,
        Client.status,
        func.coalesce(Practitioner.full_name, "").label("practitioner_name"),
        Client.updated_at,
    ).outerjoin(Practitioner, Practitioner.id == Client.primary_practitioner_id)
    conditions = _search_conditions(text, statuses)
    if conditions:
        query = query.where(and_(*conditions))
    return query.order_by(func.lower(Client.full_name), Client.id)


def list_clients(
    session: Session,
    text: str = "",
    statuses: frozenset[ClientStatus] | None = None,
    *,
    offset: int = 0,
    limit: int | None = None,
) -> list[ClientRow]:
    """Clients matching ``text`` (names, e-mail, phone; accents and case ignored).

    ``offset``/``limit`` read one page of the list (the Clients screen reads it a page
    at a time; the name-order index lets SQLite stop after the page).
    """
    query = search_query(text, statuses)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    # Plain rows (Core, not the ORM's per-row loading): a client opened from elsewhere is
    # found by reading the list up to them, thousands of rows in a large practice.
    return [ClientRow(*row) for row in plain_rows(session, query)]


def count_matching(
    session: Session, text: str = "", statuses: frozenset[ClientStatus] | None = None
) -> tuple[int, int]:
    """How many clients list_clients would return for ``text`` and ``statuses``, and how
    many clients there are: (matching, total), in one pass."""
    conditions = _search_conditions(text, statuses)
    matching = func.sum(case((and_(*conditions), 1), else_=0)) if conditions else func.count()
    row = session.execute(select(matching, func.count()).select_from(Client)).one()
    return int(row[0] or 0), int(row[1] or 0)


def position_in_list(
    session: Session,
    client_id: int,
    text: str = "",
    statuses: frozenset[ClientStatus] | None = None,
) -> int | None:
    """Where ``client_id`` is in list_clients(text, statuses), from 0; None when not listed."""
    conditions = _search_conditions(text, statuses)
    name_key = func.lower(Client.full_name)
    key = session.scalar(select(name_key).where(Client.id == client_id, *conditions))
    if key is None:
        return None
    before = or_(name_key < key, and_(name_key == key, Client.id < client_id))
    query = select(func.count()).select_from(Client).where(before, *conditions)
    return session.scalar(query) or 0


# ---------------------------------------------------------------------------
# Choosing a client (the type-ahead client pickers)
# ---------------------------------------------------------------------------

#: Suggestions a client picker shows at most: a practice of 20,000 clients is searched,
#: never listed.
PICK_LIMIT = 12

#: How far back "recent" looks for the clients you saw.
RECENT_DAYS = 21


@dataclass(frozen=True)
class ClientChoice:
    """One suggestion of a client picker."""

    id: int
    full_name: str
    preferred_name: str
    status: ClientStatus
    #: Booked today (an appointment not cancelled).
    today: bool = False
    #: Only when another client has the same full name: the next appointment, else the last.
    next_at: dt.datetime | None = None
    last_at: dt.datetime | None = None
    same_name: bool = False

    @property
    def label(self) -> str:
        """What the picker shows and what typing it in full finds again."""
        return client_label(self.full_name, self.preferred_name)


def first_choices(
    session: Session, *, now: dt.datetime, practitioner_id: int | None, limit: int = PICK_LIMIT
) -> list[int]:
    """The clients a picker offers first: today's, in the order of the day, then the most
    recently seen (the last ``RECENT_DAYS``), newest first; ``practitioner_id``'s
    appointments when known, else everyone's. Read through the (practitioner, start)
    index, so the size of the practice does not matter."""
    day_start = dt.datetime.combine(now.date(), dt.time())
    day_end = day_start + dt.timedelta(days=1)
    query = select(Appointment.client_id, Appointment.start).where(
        Appointment.start >= day_start - dt.timedelta(days=RECENT_DAYS),
        Appointment.start < day_end,
        Appointment.status.not_in([AppointmentStatus.CANCELLED, AppointmentStatus.RESCHEDULED]),
    )
    if practitioner_id is not None:
        query = query.where(Appointment.practitioner_id == practitioner_id)
    else:  # every practitioner's, still through the index: one range per practitioner
        query = query.where(Appointment.practitioner_id.in_(select(Practitioner.id)))
    rows = session.execute(query.order_by(Appointment.start.desc()).limit(limit * 20)).all()
    todays = sorted((start, client) for client, start in rows if start >= day_start)
    ordered: list[int] = []
    for client in [client for _start, client in todays] + [
        client for client, start in rows if start < day_start
    ]:
        if client not in ordered:
            ordered.append(client)
    return ordered[:limit]


def pick_clients(
    session: Session,
    text: str,
    *,
    now: dt.datetime,
    first: Sequence[int] = (),
    statuses: frozenset[ClientStatus] | None = None,
    exclude: Sequence[int] = (),
    limit: int = PICK_LIMIT,
) -> list[ClientChoice]:
    """Suggestions for a client picker: the clients matching ``text`` (the Clients list's
    search: every word, accents and case ignored; names, e-mail, phone), at most
    ``limit``, none of ``exclude``. The clients in ``first`` (``first_choices``: today's
    and the recent ones)
    come first, in that order, then the others by name. With no text, only ``first``.

    Clients who share their full name with another client carry their next appointment
    (else their last) so the two can be told apart.
    """
    conditions = _search_conditions(text, statuses)
    if exclude:  # e.g. the client themself, as who referred them
        conditions.append(Client.id.not_in(list(exclude)))
    columns = (Client.id, Client.full_name, Client.preferred_name, Client.status)
    found: list[Any] = []
    if first:
        wanted = list(dict.fromkeys(first))
        rows = {
            row.id: row
            for row in session.execute(select(*columns).where(Client.id.in_(wanted), *conditions))
        }
        found = [rows[client] for client in wanted if client in rows][:limit]
    if text.strip() and len(found) < limit:
        query = select(*columns).where(*conditions)
        if found:
            query = query.where(Client.id.not_in([row.id for row in found]))
        query = query.order_by(func.lower(Client.full_name), Client.id).limit(limit - len(found))
        found += list(session.execute(query))
    if not found:
        return []
    today = set(first_choices_today(session, now, [row.id for row in found]))
    shared = _shared_full_names(session, {row.full_name for row in found})
    told_apart = [row.id for row in found if row.full_name.casefold() in shared]
    next_at, last_at = _next_and_last(session, told_apart, now)
    choices = []
    for row in found:
        same = row.full_name.casefold() in shared
        choices.append(
            ClientChoice(
                row.id,
                row.full_name,
                row.preferred_name,
                row.status,
                today=row.id in today,
                next_at=next_at.get(row.id),
                last_at=last_at.get(row.id),
                same_name=same,
            )
        )
    return choices


def first_choices_today(session: Session, now: dt.datetime, client_ids: Sequence[int]) -> list[int]:
    """Which of ``client_ids`` have an appointment today (not cancelled)."""
    day_start = dt.datetime.combine(now.date(), dt.time())
    return list(
        session.scalars(
            select(Appointment.client_id)
            .where(
                Appointment.client_id.in_(list(client_ids)),
                Appointment.start >= day_start,
                Appointment.start < day_start + dt.timedelta(days=1),
                Appointment.status.not_in(
                    [AppointmentStatus.CANCELLED, AppointmentStatus.RESCHEDULED]
                ),
            )
            .distinct()
        )
    )


def _shared_full_names(session: Session, names: set[str]) -> set[str]:
    """Which of ``names`` (case-folded) more than one client has."""
    lowered = sorted({name.lower() for name in names})
    if not lowered:
        return set()
    key = func.lower(Client.full_name)
    rows = session.execute(
        select(key).where(key.in_(lowered)).group_by(key).having(func.count() > 1)
    ).scalars()
    return {name.casefold() for name in rows}


def _next_and_last(
    session: Session, client_ids: Sequence[int], now: dt.datetime
) -> tuple[dict[int, dt.datetime], dict[int, dt.datetime]]:
    """Each client's next appointment still on, and their last one before ``now`` (two
    statements for all of them)."""
    if not client_ids:
        return {}, {}
    ids = Appointment.client_id.in_(list(client_ids))
    upcoming = select(Appointment.client_id, func.min(Appointment.start)).where(
        ids, Appointment.status == AppointmentStatus.SCHEDULED, Appointment.start >= now
    )
    past = select(Appointment.client_id, func.max(Appointment.start)).where(
        ids,
        Appointment.status.not_in([AppointmentStatus.CANCELLED, AppointmentStatus.RESCHEDULED]),
        Appointment.start < now,
    )
    return (
        {c: at for c, at in session.execute(upcoming.group_by(Appointment.client_id))},
        {c: at for c, at in session.execute(past.group_by(Appointment.client_id))},
    )


def find_by_label(session: Session, text: str) -> int | None:
    """The client whose full name, or picker label, is exactly ``text`` (case ignored),
    when exactly one client has it; None otherwise (none, or several: choose from the
    list then)."""
    typed = text.strip().casefold()
    if not typed:
        return None
    # The search finds every client whose names hold the typed words; then exactly.
    rows = session.execute(
        select(Client.id, Client.full_name, Client.preferred_name)
        .where(*_search_conditions(typed.rsplit(" (", 1)[0], None))
        .limit(200)
    ).all()
    for matches in (
        [r.id for r in rows if client_label(r.full_name, r.preferred_name).casefold() == typed],
        [r.id for r in rows if r.full_name.casefold() == typed],
    ):
        if matches:
            return matches[0] if len(matches) == 1 else None
    return None


def find_duplicates(
    session: Session, data: ClientInput, *, exclude_id: int | None = None
) -> list[str]:
    """Names of existing clients with the same full name or e-mail (a warning, not an error)."""
    conditions = [func.lower(Client.full_name) == data.full_name.strip().lower()]
    if data.email.strip():
        conditions.append(func.lower(Client.email) == data.email.strip().lower())
    query = select(Client.full_name).where(or_(*conditions))
    if exclude_id is not None:
        query = query.where(Client.id != exclude_id)
    return list(session.scalars(query))


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

_FIELDS = (
    "full_name",
    "preferred_name",
    "pronunciation",
    "pronouns",
    "email",
    "phone",
    "address",
    "notes",
    "status",
    "primary_practitioner_id",
)


def _check_practitioner(session: Session, practitioner_id: int | None) -> None:
    if practitioner_id is not None and session.get(Practitioner, practitioner_id) is None:
        raise ValidationError.single(
            "primary_practitioner_id", "That practitioner no longer exists; choose another."
        )


def create_client(
    session: Session, data: ClientInput, *, region: str | None, today: dt.date
) -> ClientDetail:
    """Validate and add a client; returns it as stored."""
    cleaned = clean_and_validate(data, region=region, current_status=None)
    _check_practitioner(session, cleaned.primary_practitioner_id)
    client = Client(**{name: getattr(cleaned, name) for name in _FIELDS})
    client.status_changed_on = today
    client.search_key = search_key_for(
        cleaned.full_name, cleaned.preferred_name, cleaned.email, cleaned.phone
    )
    session.add(client)
    session.flush()
    audit.record(session, AuditAction.CREATE, "client", client.id, _FIELDS)
    return _detail(client)


def update_client(
    session: Session,
    client_id: int,
    data: ClientInput,
    *,
    region: str | None,
    today: dt.date,
    expected_version: int | None = None,
) -> ClientDetail:
    """Validate and store changes to a client; returns it as stored.

    ``expected_version`` is ClientDetail.version as the form loaded it: when another
    practitioner saved since, StaleEdit is raised and nothing is written.
    """
    client = session.get(Client, client_id)
    if client is None:
        raise NotFoundError(f"Client {client_id} no longer exists.")
    concurrency.check_version(session, "client", client.id, client.version, expected_version)
    cleaned = clean_and_validate(data, region=region, current_status=client.status)
    _check_practitioner(session, cleaned.primary_practitioner_id)
    changed = [name for name in _FIELDS if getattr(client, name) != getattr(cleaned, name)]
    if not changed:
        return _detail(client)
    if client.status != cleaned.status:
        client.status_changed_on = today
    for name in changed:
        setattr(client, name, getattr(cleaned, name))
    client.search_key = search_key_for(
        cleaned.full_name, cleaned.preferred_name, cleaned.email, cleaned.phone
    )
    with concurrency.saving(session, "client", client.id):
        session.flush()
    audit.record(session, AuditAction.UPDATE, "client", client.id, changed)
    return _detail(client)


def add_fact(session: Session, client_id: int, text: str, noted_on: dt.date) -> FactRow:
    """Write down something the client told us. Raises ValidationError for empty text."""
    text = text.strip()
    if not text:
        raise ValidationError.single("fact", "Write what the client told you before adding it.")
    problem = check_text("fact", "The fact", text, max_length=MAX_FACT, multiline=True)
    if problem:
        raise ValidationError([problem])
    if noted_on > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError.single("fact_date", "A fact cannot be noted in the future.")
    if session.get(Client, client_id) is None:
        raise NotFoundError(f"Client {client_id} no longer exists.")
    fact = ClientFact(client_id=client_id, text=text, noted_on=noted_on)
    session.add(fact)
    session.flush()
    audit.record(session, AuditAction.CREATE, "client_fact", fact.id, ("text", "noted_on"))
    return FactRow(fact.id, fact.noted_on, fact.text)


def delete_fact(session: Session, fact_id: int) -> None:
    """Remove a fact (e.g. written on the wrong client)."""
    fact = session.get(ClientFact, fact_id)
    if fact is None:
        raise NotFoundError("That fact was already removed.")
    session.delete(fact)
    audit.record(session, AuditAction.DELETE, "client_fact", fact_id)
