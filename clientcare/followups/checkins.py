"""Check-ins: consent, due dates, drafts and the message template.

Check-ins only with recorded consent (seeds 002, 003). The next one is due an interval
after the last logged contact of any kind; withdrawal stops them at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.engine import plain_rows
from clientcare.db.lists import every_word
from clientcare.db.models import (
    DEFAULT_CHECKIN_TEMPLATE,
    Appointment,
    AppointmentStatus,
    AuditAction,
    CheckIn,
    CheckInConsent,
    Client,
    ConsentState,
    ContactChannel,
    Interaction,
    PracticeSettings,
)
from clientcare.errors import FieldError, ValidationError
from clientcare.followups._common import (
    _HELD,
    MAX_DAYS_AHEAD,
    MAX_WORDS,
    AnySelect,
    _client,
    _current_practitioner_name,
    _is_date,
    _locale,
    _raise,
    _text_problem,
    day_text,
)
from clientcare.language import Hit, load_checker
from clientcare.message_template import fill, template_problems
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import fold

MAX_MESSAGE = 4_000
MAX_TEMPLATE = 2_000


MIN_INTERVAL_DAYS = 7
MAX_INTERVAL_DAYS = 365
DEFAULT_INTERVAL_DAYS = 42
MAX_SNOOZE_DAYS = 365


TEMPLATE_PLACEHOLDERS = ("preferred_name", "practitioner")


CONSENT_LABELS: dict[ConsentState, str] = {
    ConsentState.NOT_ASKED: "Not asked",
    ConsentState.ASKED: "Asked, no answer yet",
    ConsentState.GIVEN: "Given",
    ConsentState.DECLINED: "Declined",
    ConsentState.WITHDRAWN: "Withdrawn",
}
CHANNEL_LABELS: dict[ContactChannel, str] = {
    ContactChannel.PHONE: "Phone call",
    ContactChannel.SMS: "SMS",
    ContactChannel.EMAIL: "E-mail",
    ContactChannel.POST: "Post",
    ContactChannel.IN_PERSON: "In person",
    ContactChannel.OTHER: "Other",
}


@dataclass(frozen=True)
class CheckInDue:
    """A consenting client whose next check-in has come."""

    client_id: int
    client_name: str
    due_on: dt.date
    last_contact_on: dt.date | None
    interval_days: int
    channel: ContactChannel | None
    client_full_name: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ConsentRow:
    id: int
    state: ConsentState
    recorded_on: dt.date
    channel: ContactChannel | None
    client_words: str


@dataclass(frozen=True)
class CheckInRow:
    id: int
    client_id: int
    sent_at: dt.datetime
    channel: ContactChannel
    message_text: str
    reply_note: str


@dataclass(frozen=True)
class CheckInStatus:
    """A client's check-in consent and where their next check-in stands."""

    client_id: int
    client_name: str
    consent: ConsentState
    channel: ContactChannel | None
    interval_days: int | None
    snoozed_until: dt.date | None
    last_contact_on: dt.date | None
    next_due_on: dt.date | None
    events: tuple[ConsentRow, ...]
    sent: tuple[CheckInRow, ...]

    @property
    def consented(self) -> bool:
        return self.consent is ConsentState.GIVEN


@dataclass(frozen=True)
class CheckInDraft:
    """A check-in ready to edit and send; ``hits`` are the language check's findings."""

    client_id: int
    client_name: str
    channel: ContactChannel | None
    text: str
    hits: list[Hit]
    email: str = ""
    phone: str = ""


def _max_by_client(
    session: Session, column: Any, ids: list[int] | None, *conditions: Any
) -> dict[int, dt.date]:
    """The latest ``column`` (a date or datetime) per client (of ``ids``, or all), as a day."""
    client_column = column.class_.client_id
    if ids is not None:
        conditions = (*conditions, client_column.in_(ids))
    result: dict[int, dt.date] = {}
    for client_id, value in session.execute(
        select(client_column, func.max(column)).where(*conditions).group_by(client_column)
    ):
        if value is not None:
            result[client_id] = value.date() if isinstance(value, dt.datetime) else value
    return result


def _merge_latest(*maps: dict[int, dt.date]) -> dict[int, dt.date]:
    merged: dict[int, dt.date] = {}
    for mapping in maps:
        for client_id, day in mapping.items():
            if client_id not in merged or day > merged[client_id]:
                merged[client_id] = day
    return merged


def last_contacts(session: Session, client_ids: Iterable[int] | None = None) -> dict[int, dt.date]:
    """The day of each client's last logged contact of any kind.

    Interactions of every kind (a contact attempt too), check-ins sent, and
    appointments the client came to. Consent given also counts: the check-ins were
    talked about that day.
    """
    ids = None if client_ids is None else list(client_ids)
    return _merge_latest(
        _max_by_client(session, Interaction.occurred_at, ids),
        _max_by_client(session, CheckIn.sent_at, ids),
        _max_by_client(session, Appointment.start, ids, Appointment.status.in_(_HELD)),
        _max_by_client(
            session,
            CheckInConsent.recorded_on,
            ids,
            CheckInConsent.state == ConsentState.GIVEN,
        ),
    )


def next_due_on(
    last_contact_on: dt.date | None, interval_days: int | None, fallback: dt.date
) -> dt.date:
    """An interval after the last contact (``fallback`` when there was none)."""
    base = last_contact_on or fallback
    return base + dt.timedelta(days=interval_days or DEFAULT_INTERVAL_DAYS)


class CheckInSort(StrEnum):
    """What the list of check-ins due can be ordered by (each also turned around)."""

    DUE = "due"  # the longest overdue first
    CLIENT = "client"
    LAST_CONTACT = "last_contact"
    EVERY = "every"
    CHANNEL = "channel"


def _checkin_key(sort: CheckInSort) -> Any:
    match sort:
        case CheckInSort.DUE:
            return lambda r: (r.due_on, fold(r.client_name), r.client_id)
        case CheckInSort.CLIENT:
            return lambda r: (fold(r.client_full_name or r.client_name), r.client_id)
        case CheckInSort.LAST_CONTACT:  # never contacted first
            return lambda r: (r.last_contact_on or dt.date.min, r.client_id)
        case CheckInSort.EVERY:
            return lambda r: (r.interval_days, r.client_id)
        case CheckInSort.CHANNEL:
            return lambda r: (r.channel.value if r.channel else "", r.client_id)


def checkins_due(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    text: str = "",
    sort: CheckInSort = CheckInSort.DUE,
    descending: bool = False,
) -> list[CheckInDue]:
    """Consenting clients of ``scope`` whose next check-in has come, the longest overdue
    first (or in the order asked); ``text``: every word in the client's names.

    Only clients whose consent is *given* ever appear. Due is an interval after the
    last logged contact of any kind; a client snoozed past today, or with an
    appointment booked, is left out. The candidates (consenting clients of the scope,
    found by index) are read in SQL; when each is due is worked out here, so the list
    is sorted here too.
    """
    query = _checkin_candidates(scope)
    words = every_word(text, keys=(Client.search_key,))
    if words:
        query = query.where(*words)
    candidates = plain_rows(
        session,
        query,
        {"today": today, "day_start": dt.datetime.combine(today, dt.time())},
    )
    rows: list[CheckInDue] = []
    # Unpacked in the statement's column order (quicker than naming each column).
    for (
        client_id,
        preferred_name,
        full_name,
        created_at,
        interval_days,
        channel,
        email,
        phone,
        *contacts,
    ) in candidates:
        days = [
            value.date() if isinstance(value, dt.datetime) else value
            for value in contacts
            if value is not None
        ]
        last = max(days) if days else None
        interval = interval_days or DEFAULT_INTERVAL_DAYS
        due = next_due_on(last, interval, created_at.date())
        if due > today:
            continue
        rows.append(
            CheckInDue(
                client_id=client_id,
                client_name=preferred_name,
                due_on=due,
                last_contact_on=last,
                interval_days=interval,
                channel=channel,
                client_full_name=full_name,
                email=email,
                phone=phone,
            )
        )
    return sorted(rows, key=_checkin_key(sort), reverse=descending)


@cache
def _checkin_candidates(scope: Scope = WHOLE_PRACTICE) -> AnySelect:
    """Consenting clients, neither snoozed past ``today`` nor booked from ``day_start`` on,
    each with the day of every kind of contact ``last_contacts`` counts (built once:
    Today reads it on every refresh)."""
    booked = (
        select(Appointment.id)
        .where(
            Appointment.client_id == Client.id,
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.start >= bindparam("day_start"),
        )
        .exists()
    )

    def latest(column: Any, *conditions: Any) -> Any:
        return (
            select(func.max(column))
            .where(column.class_.client_id == Client.id, *conditions)
            .scalar_subquery()
        )

    return select(
        Client.id,
        Client.preferred_name,
        Client.full_name,
        Client.created_at,
        Client.checkin_interval_days,
        Client.checkin_channel,
        Client.email,
        Client.phone,
        latest(Interaction.occurred_at).label("interaction_at"),
        latest(CheckIn.sent_at).label("checkin_at"),
        latest(Appointment.start, Appointment.status.in_(_HELD)).label("held_at"),
        latest(CheckInConsent.recorded_on, CheckInConsent.state == ConsentState.GIVEN).label(
            "consent_on"
        ),
    ).where(
        Client.checkin_consent == ConsentState.GIVEN,
        scope.client_condition(),
        or_(
            Client.checkin_snoozed_until.is_(None),
            Client.checkin_snoozed_until <= bindparam("today"),
        ),
        ~booked,
    )


def checkin_status(session: Session, client_id: int, *, today: dt.date) -> CheckInStatus:
    """The client's consent (with its history), the check-ins sent, and the next due date."""
    client = _client(session, client_id)
    events = session.scalars(
        select(CheckInConsent)
        .where(CheckInConsent.client_id == client_id)
        .order_by(CheckInConsent.recorded_on.desc(), CheckInConsent.id.desc())
    ).all()
    sent = session.scalars(
        select(CheckIn)
        .where(CheckIn.client_id == client_id)
        .order_by(CheckIn.sent_at.desc(), CheckIn.id.desc())
    ).all()
    last = last_contacts(session, [client_id]).get(client_id)
    consented = client.checkin_consent is ConsentState.GIVEN
    due = None
    if consented:
        due = next_due_on(last, client.checkin_interval_days, client.created_at.date())
        if client.checkin_snoozed_until is not None and client.checkin_snoozed_until > due:
            due = client.checkin_snoozed_until
    return CheckInStatus(
        client_id=client.id,
        client_name=client.preferred_name,
        consent=client.checkin_consent,
        channel=client.checkin_channel,
        interval_days=client.checkin_interval_days,
        snoozed_until=client.checkin_snoozed_until,
        last_contact_on=last,
        next_due_on=due,
        events=tuple(
            ConsentRow(e.id, e.state, e.recorded_on, e.channel, e.client_words) for e in events
        ),
        sent=tuple(
            CheckInRow(c.id, c.client_id, c.sent_at, c.channel, c.message_text, c.reply_note)
            for c in sent
        ),
    )


def record_consent(
    session: Session,
    client_id: int,
    state: ConsentState,
    *,
    recorded_on: dt.date,
    today: dt.date,
    channel: ContactChannel | None = None,
    client_words: str = "",
    interval_days: int | None = None,
) -> CheckInStatus:
    """Record a consent event and make it the client's current consent, in one go.

    Given needs a channel and an interval; withdrawn stops check-ins at once (and
    clears any snooze). Raises ValidationError (nothing stored) for bad input.
    """
    client = _client(session, client_id)
    client_words = client_words.strip()
    errors: list[FieldError] = []
    if state not in (
        ConsentState.ASKED,
        ConsentState.GIVEN,
        ConsentState.DECLINED,
        ConsentState.WITHDRAWN,
    ):
        errors.append(FieldError("state", "Choose asked, given, declined or withdrawn."))
    elif state is ConsentState.WITHDRAWN and client.checkin_consent is not ConsentState.GIVEN:
        errors.append(
            FieldError(
                "state",
                f"{client.preferred_name} has no consent to withdraw (it is "
                f"{CONSENT_LABELS[client.checkin_consent].lower()}); record declined instead.",
            )
        )
    if state is ConsentState.GIVEN:
        if channel is None:
            errors.append(
                FieldError("channel", f"Choose how {client.preferred_name} would like to hear.")
            )
        if interval_days is None:
            errors.append(FieldError("interval_days", "Choose how often to check in."))
    if channel is not None and not isinstance(channel, ContactChannel):
        errors.append(FieldError("channel", "Choose a channel from the list."))
    if interval_days is not None and (
        isinstance(interval_days, bool)
        or not isinstance(interval_days, int)
        or not MIN_INTERVAL_DAYS <= interval_days <= MAX_INTERVAL_DAYS
    ):
        errors.append(
            FieldError(
                "interval_days",
                f"Check in every {MIN_INTERVAL_DAYS} to {MAX_INTERVAL_DAYS} days.",
            )
        )
    if not _is_date(recorded_on):
        errors.append(FieldError("recorded_on", "Enter the day the client said it."))
    elif recorded_on > today:
        errors.append(FieldError("recorded_on", "Consent cannot be recorded in the future."))
    else:
        latest = session.execute(
            select(CheckInConsent.recorded_on, CheckInConsent.state)
            .where(CheckInConsent.client_id == client.id)
            .order_by(CheckInConsent.recorded_on.desc(), CheckInConsent.id.desc())
            .limit(1)
        ).first()
        # The newest answer is the client's current one: an older date would contradict it.
        if latest is not None and recorded_on < latest.recorded_on:
            errors.append(
                FieldError(
                    "recorded_on",
                    f"{client.preferred_name}'s answer was last recorded on "
                    f"{day_text(latest.recorded_on, _locale(session))} "
                    f"({CONSENT_LABELS[latest.state].lower()}); "
                    "a new answer cannot be dated before that.",
                )
            )
    _text_problem(errors, "client_words", "The client's words", client_words, MAX_WORDS, True)
    _raise(errors)
    event = CheckInConsent(
        client_id=client.id,
        state=state,
        recorded_on=recorded_on,
        channel=channel,
        client_words=client_words,
    )
    session.add(event)
    session.flush()
    audit.record(
        session,
        AuditAction.CREATE,
        "checkin_consent",
        event.id,
        ("state", "recorded_on", "channel", "client_words"),
    )
    values: dict[str, object] = {"checkin_consent": state}
    if state is ConsentState.GIVEN:
        values["checkin_channel"] = channel
        values["checkin_interval_days"] = interval_days
    else:
        values["checkin_snoozed_until"] = None
    audit.apply_changes(session, client, "client", client.id, values)
    return checkin_status(session, client.id, today=today)


def _refuse_without_consent(client: Client) -> None:
    if client.checkin_consent is ConsentState.GIVEN:
        return
    name = client.preferred_name
    match client.checkin_consent:
        case ConsentState.WITHDRAWN:
            message = (
                f"{name} has withdrawn consent to check-ins, so this one was not logged and "
                "nothing was stored. Please do not send it."
            )
        case ConsentState.DECLINED:
            message = f"{name} declined check-ins, so none can be sent or logged."
        case _:
            message = (
                f"{name} has not given consent to check-ins yet. Ask first, and record their "
                "answer."
            )
    raise ValidationError.single("consent", message)


def validate_checkin_template(text: str) -> list[FieldError]:
    """The problems with a check-in template (none when it can be used)."""
    return template_problems(
        text, field="checkin_template", placeholders=TEMPLATE_PLACEHOLDERS, max_length=MAX_TEMPLATE
    )


def checkin_template(session: Session) -> str:
    row = session.get(PracticeSettings, 1)
    template = (row.checkin_template if row else None) or DEFAULT_CHECKIN_TEMPLATE
    # Stored by something other than update_checkin_template: never render it.
    return DEFAULT_CHECKIN_TEMPLATE if validate_checkin_template(template) else template


def render_checkin(template: str, *, preferred_name: str, practitioner: str) -> str:
    """The template with its placeholders filled in (a validated template only)."""
    return fill(template, {"preferred_name": preferred_name, "practitioner": practitioner})


def update_checkin_template(session: Session, text: str) -> list[Hit]:
    """Store the practice's check-in wording; returns the language check's findings on it."""
    errors = validate_checkin_template(text)
    _raise(errors)
    row = session.get(PracticeSettings, 1)
    if row is None:
        row = PracticeSettings(id=1)
        session.add(row)
        session.flush()
    audit.apply_changes(session, row, "practice_settings", 1, {"checkin_template": text.strip()})
    return load_checker(session).check(row.checkin_template)


def draft_checkin(session: Session, client_id: int) -> CheckInDraft:
    """A check-in from the practice's template, by preferred name, with the language check.

    Writes nothing. Raises ValidationError when the client has not consented.
    """
    client = _client(session, client_id)
    _refuse_without_consent(client)
    text = render_checkin(
        checkin_template(session),
        preferred_name=client.preferred_name,
        practitioner=_current_practitioner_name(session, client),
    )
    return CheckInDraft(
        client_id=client.id,
        client_name=client.preferred_name,
        channel=client.checkin_channel,
        text=text,
        hits=load_checker(session).check(text),
        email=client.email,
        phone=client.phone,
    )


def log_checkin(
    session: Session,
    client_id: int,
    channel: ContactChannel,
    text: str,
    sent_at: dt.datetime,
    *,
    reply_note: str = "",
) -> CheckInRow:
    """Log a check-in as sent; the next one falls due an interval from it.

    Refused (ValidationError, nothing stored) unless the client's consent is given
    *now*: consent withdrawn while the draft was open stops it here.
    """
    client = _client(session, client_id)
    _refuse_without_consent(client)
    text = text.strip()
    errors: list[FieldError] = []
    if not text:
        errors.append(FieldError("message_text", "The message is empty; write a line or two."))
    _text_problem(errors, "message_text", "The message", text, MAX_MESSAGE, True)
    _text_problem(errors, "reply_note", "The reply", reply_note, MAX_WORDS, True)
    if not isinstance(channel, ContactChannel):
        errors.append(FieldError("channel", "Choose how it was sent."))
    if not isinstance(sent_at, dt.datetime):
        errors.append(FieldError("sent_at", "Enter when it was sent."))
    elif sent_at > dt.datetime.now() + dt.timedelta(days=MAX_DAYS_AHEAD):
        errors.append(
            FieldError("sent_at", "This is more than a day in the future; please check it.")
        )
    _raise(errors)
    row = CheckIn(
        client_id=client.id,
        sent_at=sent_at,
        channel=channel,
        message_text=text,
        reply_note=reply_note.strip(),
    )
    session.add(row)
    session.flush()
    audit.record(
        session, AuditAction.CREATE, "checkin", row.id, ("sent_at", "channel", "message_text")
    )
    if client.checkin_snoozed_until is not None:
        audit.apply_changes(session, client, "client", client.id, {"checkin_snoozed_until": None})
    return CheckInRow(
        row.id, row.client_id, row.sent_at, row.channel, row.message_text, row.reply_note
    )


def snooze_checkin(
    session: Session, client_id: int, until: dt.date, *, today: dt.date
) -> CheckInStatus:
    """Leave a due check-in until ``until`` (it comes back that day)."""
    client = _client(session, client_id)
    _refuse_without_consent(client)
    errors: list[FieldError] = []
    if not _is_date(until):
        errors.append(FieldError("until", "Choose the day it should come back."))
    elif until <= today:
        errors.append(
            FieldError("until", "Choose a day after today; a snooze until today changes nothing.")
        )
    elif until > today + dt.timedelta(days=MAX_SNOOZE_DAYS):
        errors.append(
            FieldError(
                "until",
                "That is more than a year away; if check-ins no longer fit, ask whether "
                f"{client.preferred_name} still wants them.",
            )
        )
    _raise(errors)
    audit.apply_changes(session, client, "client", client.id, {"checkin_snoozed_until": until})
    return checkin_status(session, client.id, today=today)
