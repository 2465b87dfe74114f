"""The waitlist: clients waiting for a slot, and who to offer a freed slot to first.

Every public function that writes takes an open session inside a unit of work
(one user action) and returns plain data, never an ORM object. Entries are never
deleted: booking or removing one sets its status and the day it was resolved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from clientcare import audit, locale_format
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditAction,
    Client,
    ClientStatus,
    Practitioner,
    WaitlistEntry,
    WaitlistStatus,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.practice import get_settings
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import check_text, fold

MAX_NOTE = 2000

WEEKDAY_ABBREVIATIONS: dict[int, str] = {
    1: "Mon",
    2: "Tue",
    3: "Wed",
    4: "Thu",
    5: "Fri",
    6: "Sat",
    7: "Sun",
}

#: Appointments that still hold their time (a client in one cannot take another slot then).
_OCCUPYING = (AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED)

#: Client statuses that may not be (or stay) offered a slot, with the reason in words.
_REFUSED_CLIENT_STATUSES: dict[ClientStatus, str] = {
    ClientStatus.CLOSED: "{name}'s file is closed; reopen it before adding them to the waitlist.",
    ClientStatus.DECLINED: (
        "{name} declined to work with the practice; make them a prospect again "
        "before adding them to the waitlist."
    ),
}

_FIELDS = (
    "client_id",
    "practitioner_id",
    "preferred_weekdays",
    "earliest_time",
    "latest_time",
    "urgent",
    "note",
)


@dataclass(frozen=True)
class WaitlistInput:
    """What the waitlist form collects. Weekdays are ISO (1 = Monday … 7 = Sunday)."""

    client_id: int
    practitioner_id: int | None = None
    preferred_weekdays: frozenset[int] = frozenset()  # empty = any day
    earliest_time: dt.time | None = None
    latest_time: dt.time | None = None
    urgent: bool = False
    note: str = ""


@dataclass(frozen=True)
class WaitlistRow:
    """One waitlist entry as the waitlist screen shows it."""

    id: int
    client_id: int
    client_name: str
    client_preferred_name: str
    practitioner_id: int | None
    practitioner_name: str  # "" for any practitioner
    preferred_weekdays: frozenset[int]
    earliest_time: dt.time | None
    latest_time: dt.time | None
    urgent: bool
    note: str
    added_on: dt.date
    status: WaitlistStatus
    days_waiting: int  # until today, or until the day it was booked or removed


@dataclass(frozen=True)
class FreedSlot:
    """A time a practitioner has free again (e.g. after a cancellation)."""

    practitioner_id: int
    start: dt.datetime
    duration_minutes: int

    def __post_init__(self) -> None:
        if self.duration_minutes <= 0:
            raise ValueError("A freed slot must last at least one minute.")

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration_minutes)


# ---------------------------------------------------------------------------
# Weekdays as stored ("1,3,5")
# ---------------------------------------------------------------------------


def weekdays_to_text(weekdays: frozenset[int]) -> str:
    """The stored form of a set of ISO weekdays: "1,3,5"; "" for any day."""
    return ",".join(str(day) for day in sorted(weekdays))


def weekdays_from_text(text: str) -> frozenset[int]:
    """The ISO weekdays in a stored value; anything unreadable is ignored."""
    return frozenset(int(part) for part in text.split(",") if part.strip().isdigit())


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def _rows_query() -> Select[WaitlistEntry, str, str, str]:
    preferred = aliased(Practitioner)
    return (
        select(
            WaitlistEntry,
            Client.full_name,
            Client.preferred_name,
            func.coalesce(preferred.full_name, "").label("practitioner_name"),
        )
        .join(Client, Client.id == WaitlistEntry.client_id)
        .outerjoin(preferred, preferred.id == WaitlistEntry.practitioner_id)
    )


def _row(
    entry: WaitlistEntry,
    client_name: str,
    preferred_name: str,
    practitioner_name: str,
    today: dt.date,
) -> WaitlistRow:
    until = entry.resolved_on or today
    return WaitlistRow(
        id=entry.id,
        client_id=entry.client_id,
        client_name=client_name,
        client_preferred_name=preferred_name,
        practitioner_id=entry.practitioner_id,
        practitioner_name=practitioner_name,
        preferred_weekdays=weekdays_from_text(entry.preferred_weekdays),
        earliest_time=entry.earliest_time,
        latest_time=entry.latest_time,
        urgent=entry.urgent,
        note=entry.note,
        added_on=entry.added_on,
        status=entry.status,
        days_waiting=max(0, (until - entry.added_on).days),
    )


def _ranked(rows: list[WaitlistRow]) -> list[WaitlistRow]:
    """Urgent first, then the longest waiting, then by name (accents and case ignored)."""
    return sorted(
        rows,
        key=lambda r: (not r.urgent, r.added_on, fold(r.client_name), r.id),
    )


def get_entry(session: Session, entry_id: int, *, today: dt.date) -> WaitlistRow:
    """One entry, whatever its status; raises NotFoundError if it is gone."""
    found = session.execute(_rows_query().where(WaitlistEntry.id == entry_id)).first()
    if found is None:
        raise NotFoundError(f"Waitlist entry {entry_id} no longer exists.")
    return _row(*found, today=today)


def list_waiting(session: Session, *, today: dt.date) -> list[WaitlistRow]:
    """Everyone still waiting: urgent first, then the longest waiting."""
    query = _rows_query().where(WaitlistEntry.status == WaitlistStatus.WAITING)
    return _ranked([_row(*found, today=today) for found in session.execute(query)])


def _scope_condition(scope: Scope) -> ColumnElement[bool]:
    """An entry is in ``scope`` when it does not ask for another (active) practitioner,
    and it asks for the scope's practitioner or the client is theirs."""
    if scope.whole_practice:
        return true()
    return and_(
        scope.client_condition(WaitlistEntry.practitioner_id),
        or_(WaitlistEntry.practitioner_id == scope.practitioner_id, scope.client_condition()),
    )


def count_waiting(session: Session, scope: Scope = WHOLE_PRACTICE) -> int:
    """How many entries of ``scope`` are still waiting."""
    query = (
        select(func.count())
        .select_from(WaitlistEntry)
        .join(Client, Client.id == WaitlistEntry.client_id)
        .where(WaitlistEntry.status == WaitlistStatus.WAITING, _scope_condition(scope))
    )
    return session.scalar(query) or 0


def waiting_page(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    offset: int = 0,
    limit: int | None = None,
) -> list[WaitlistRow]:
    """Those of ``scope`` still waiting, urgent first, then the longest waiting, then by
    name, ordered in SQL: ``limit`` of them from ``offset``."""
    query = (
        _rows_query()
        .where(WaitlistEntry.status == WaitlistStatus.WAITING, _scope_condition(scope))
        .order_by(
            WaitlistEntry.urgent.desc(),
            WaitlistEntry.added_on,
            func.lower(Client.full_name),
            WaitlistEntry.id,
        )
        .offset(offset)
        .limit(limit)
    )
    return [_row(*found, today=today) for found in session.execute(query)]


def _fits_window(row: WaitlistRow, slot: FreedSlot) -> bool:
    """Whether the whole slot falls on a suitable day and inside the client's hours."""
    if row.preferred_weekdays and slot.start.isoweekday() not in row.preferred_weekdays:
        return False
    if row.earliest_time is not None and slot.start.time() < row.earliest_time:
        return False
    if row.latest_time is not None:
        # A slot running past midnight cannot end before a time of day.
        end = slot.end
        if end.date() != slot.start.date() or end.time() > row.latest_time:
            return False
    return True


def _clients_busy_during(session: Session, client_ids: set[int], slot: FreedSlot) -> set[int]:
    """Those of ``client_ids`` with an appointment still on that overlaps the slot."""
    if not client_ids:
        return set()
    mine = (Appointment.client_id.in_(client_ids), Appointment.status.in_(_OCCUPYING))
    # Overlap needs each appointment's end; bound the search by the longest one so
    # the query stays exact without date arithmetic in SQL.
    longest = session.scalar(select(func.max(Appointment.duration_minutes)).where(*mine))
    if longest is None:
        return set()
    query = select(Appointment.client_id, Appointment.start, Appointment.duration_minutes).where(
        *mine,
        Appointment.start < slot.end,
        Appointment.start > slot.start - dt.timedelta(minutes=longest),
    )
    return {
        client_id
        for client_id, start, minutes in session.execute(query)
        if start + dt.timedelta(minutes=minutes) > slot.start
    }


def candidates_for_slot(session: Session, slot: FreedSlot, *, today: dt.date) -> list[WaitlistRow]:
    """Who to offer a freed slot to, best first.

    Waiting entries for the slot's practitioner or any practitioner, whose days and
    hours contain the whole slot, for clients who are not closed or declined and are
    not already in an appointment at that time. Urgent first, then the longest
    waiting, then by name.
    """
    query = (
        _rows_query()
        .where(WaitlistEntry.status == WaitlistStatus.WAITING)
        .where(
            (WaitlistEntry.practitioner_id.is_(None))
            | (WaitlistEntry.practitioner_id == slot.practitioner_id)
        )
        .where(Client.status.not_in(list(_REFUSED_CLIENT_STATUSES)))
    )
    rows = [_row(*found, today=today) for found in session.execute(query)]
    fitting = [row for row in rows if _fits_window(row, slot)]
    busy = _clients_busy_during(session, {row.client_id for row in fitting}, slot)
    return _ranked([row for row in fitting if row.client_id not in busy])


_A_MONDAY = dt.date(2024, 1, 1)


def describe_preferences(row: WaitlistRow, locale: str = locale_format.DEFAULT_LOCALE) -> str:
    """The days, hours and practitioner in one line for display.

    For example "Mon, Wed · 09:00–12:00 · any practitioner" (en_GB); the weekdays and
    times are written for ``locale`` ("Mo., Mi. · …" in de, "9:00 AM–12:00 PM" in en_US).
    """
    if row.preferred_weekdays and len(row.preferred_weekdays) < len(WEEKDAY_ABBREVIATIONS):
        days = ", ".join(
            locale_format.weekday_short(_A_MONDAY + dt.timedelta(days=number - 1), locale)
            for number in sorted(row.preferred_weekdays)
        )
    else:
        days = "Any day"
    earliest, latest = row.earliest_time, row.latest_time
    if earliest and latest:
        hours = f"{locale_format.time(earliest, locale)}–{locale_format.time(latest, locale)}"
    elif earliest:
        hours = f"from {locale_format.time(earliest, locale)}"
    elif latest:
        hours = f"until {locale_format.time(latest, locale)}"
    else:
        hours = "any time"
    who = row.practitioner_name or "any practitioner"
    return f"{days} · {hours} · {who}"


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def _format_day(day: dt.date, locale: str) -> str:
    """A date in a message: "2 November 2026" (en_GB), "November 2, 2026" (en_US)."""
    return locale_format.day(day, locale, "long")


def _check_client(session: Session, client_id: int) -> tuple[Client | None, FieldError | None]:
    client = session.get(Client, client_id)
    if client is None:
        return None, FieldError("client_id", "That client no longer exists; choose another.")
    reason = _REFUSED_CLIENT_STATUSES.get(client.status)
    if reason:
        return client, FieldError("client_id", reason.format(name=client.preferred_name))
    return client, None


def _check_practitioner(session: Session, practitioner_id: int | None) -> FieldError | None:
    if practitioner_id is None:
        return None
    practitioner = session.get(Practitioner, practitioner_id)
    if practitioner is None:
        return FieldError("practitioner_id", "That practitioner no longer exists; choose another.")
    if not practitioner.active:
        return FieldError(
            "practitioner_id",
            f"{practitioner.full_name} is no longer seeing clients; "
            "choose another practitioner or any practitioner.",
        )
    return None


def _check_duplicate(
    session: Session, client: Client, practitioner_id: int | None, exclude_id: int | None
) -> FieldError | None:
    query = select(WaitlistEntry.added_on).where(
        WaitlistEntry.client_id == client.id,
        WaitlistEntry.status == WaitlistStatus.WAITING,
        WaitlistEntry.practitioner_id.is_(None)
        if practitioner_id is None
        else WaitlistEntry.practitioner_id == practitioner_id,
    )
    if exclude_id is not None:
        query = query.where(WaitlistEntry.id != exclude_id)
    since = session.scalar(query.order_by(WaitlistEntry.added_on).limit(1))
    if since is None:
        return None
    locale = get_settings(session).locale
    return FieldError(
        "client_id",
        f"{client.preferred_name} is already on the waitlist since {_format_day(since, locale)}.",
    )


def clean_and_validate(
    session: Session, data: WaitlistInput, *, exclude_id: int | None = None
) -> WaitlistInput:
    """Return the cleaned input, or raise ValidationError listing every problem."""
    cleaned = replace(data, note=data.note.strip())
    errors: list[FieldError] = []
    client, problem = _check_client(session, cleaned.client_id)
    if problem:
        errors.append(problem)
    if problem := _check_practitioner(session, cleaned.practitioner_id):
        errors.append(problem)
    if any(day not in WEEKDAY_ABBREVIATIONS for day in cleaned.preferred_weekdays):
        errors.append(FieldError("preferred_weekdays", "Choose days from Monday to Sunday only."))
    earliest, latest = cleaned.earliest_time, cleaned.latest_time
    if earliest is not None and latest is not None and latest <= earliest:
        errors.append(FieldError("latest_time", "The latest time must be after the earliest time."))
    if problem := check_text("note", "The note", cleaned.note, max_length=MAX_NOTE, multiline=True):
        errors.append(problem)
    if client is not None and not any(e.field == "client_id" for e in errors):
        duplicate = _check_duplicate(session, client, cleaned.practitioner_id, exclude_id)
        if duplicate:
            errors.append(duplicate)
    if errors:
        raise ValidationError(errors)
    return cleaned


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def _stored_values(data: WaitlistInput) -> dict[str, object]:
    values = {name: getattr(data, name) for name in _FIELDS}
    values["preferred_weekdays"] = weekdays_to_text(data.preferred_weekdays)
    return values


def _entry(session: Session, entry_id: int) -> WaitlistEntry:
    entry = session.get(WaitlistEntry, entry_id)
    if entry is None:
        raise NotFoundError(f"Waitlist entry {entry_id} no longer exists.")
    return entry


def _require_waiting(session: Session, entry: WaitlistEntry) -> None:
    if entry.status == WaitlistStatus.WAITING:
        return
    client = session.get(Client, entry.client_id)
    name = client.preferred_name if client else "This client"
    done = "booked" if entry.status == WaitlistStatus.BOOKED else "taken off the waitlist"
    when = (
        f" on {_format_day(entry.resolved_on, get_settings(session).locale)}"
        if entry.resolved_on
        else ""
    )
    raise ValidationError.single(
        "status", f"{name} was already {done}{when}; add them to the waitlist again if needed."
    )


def add_to_waitlist(session: Session, data: WaitlistInput, *, today: dt.date) -> WaitlistRow:
    """Validate and add a waiting client (added today); returns the entry as stored."""
    cleaned = clean_and_validate(session, data)
    entry = WaitlistEntry(**_stored_values(cleaned), added_on=today, status=WaitlistStatus.WAITING)
    session.add(entry)
    session.flush()
    audit.record(session, AuditAction.CREATE, "waitlist_entry", entry.id, (*_FIELDS, "status"))
    return get_entry(session, entry.id, today=today)


def update_entry(
    session: Session, entry_id: int, data: WaitlistInput, *, today: dt.date
) -> WaitlistRow:
    """Validate and store changes to a waiting entry; returns it as stored.

    Raises NotFoundError if it is gone, ValidationError if the input is wrong or
    the entry was already booked or removed.
    """
    entry = _entry(session, entry_id)
    _require_waiting(session, entry)
    values = _stored_values(clean_and_validate(session, data, exclude_id=entry_id))
    changed = [name for name in _FIELDS if getattr(entry, name) != values[name]]
    for name in changed:
        setattr(entry, name, values[name])
    if changed:
        session.flush()
        audit.record(session, AuditAction.UPDATE, "waitlist_entry", entry.id, changed)
    return get_entry(session, entry.id, today=today)


def _resolve(
    session: Session, entry_id: int, status: WaitlistStatus, today: dt.date
) -> WaitlistRow:
    entry = _entry(session, entry_id)
    _require_waiting(session, entry)
    entry.status = status
    entry.resolved_on = today
    session.flush()
    audit.record(session, AuditAction.UPDATE, "waitlist_entry", entry.id, ("status", "resolved_on"))
    return get_entry(session, entry.id, today=today)


def mark_booked(session: Session, entry_id: int, *, today: dt.date) -> WaitlistRow:
    """The client got a slot: the entry leaves the waitlist (kept, as booked today)."""
    return _resolve(session, entry_id, WaitlistStatus.BOOKED, today)


def remove_entry(session: Session, entry_id: int, *, today: dt.date) -> WaitlistRow:
    """The client no longer waits: the entry leaves the waitlist (kept, as removed today)."""
    return _resolve(session, entry_id, WaitlistStatus.REMOVED, today)


def book_from_waitlist(
    session: Session,
    entry_id: int,
    slot: FreedSlot,
    *,
    now: dt.datetime,
    allow_conflict: bool = False,
) -> WaitlistRow:
    """Book the waiting client into ``slot`` and mark the entry booked — one user action."""
    from clientcare.appointments import AppointmentInput, create_appointment

    entry = get_entry(session, entry_id, today=now.date())
    create_appointment(
        session,
        AppointmentInput(
            client_id=entry.client_id,
            practitioner_id=slot.practitioner_id,
            start=slot.start,
            duration_minutes=slot.duration_minutes,
        ),
        now=now,
        allow_conflict=allow_conflict,
    )
    return mark_booked(session, entry_id, today=now.date())
