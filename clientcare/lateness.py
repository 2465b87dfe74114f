"""Lateness on both sides: "I'm running late" notices, client arrivals, and their history.

The practitioner enters how late they expect to be; the app drafts the notice
from the practice's template (by the client's preferred name, with an apology)
and, past the practice threshold, the reschedule offer is always in it. The
notice is recorded with time, channel and text, and later the client's choice.
A client arriving late is recorded too, with the options the practice allows.

Every public function that writes takes an open session inside a unit of work
(one user action), validates everything before it writes, and returns plain
data, never an ORM object. Times are naive practice-local wall clock.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import appointments, audit, locale_format
from clientcare.appointments import AppointmentDetail, format_day
from clientcare.db.models import (
    DEFAULT_CLIENT_LATE_OPTIONS,
    DEFAULT_LATE_NOTICE_TEMPLATE,
    DEFAULT_RESCHEDULE_SENTENCE,
    Appointment,
    AppointmentStatus,
    AuditAction,
    CancelledBy,
    ContactChannel,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
    PracticeSettings,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.language import Hit, load_checker
from clientcare.practice import get_settings, list_practitioners
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import check_text

PLACEHOLDERS = ("preferred_name", "minutes", "time", "practitioner", "reschedule")
MIN_LATE_MINUTES = 1
MAX_LATE_MINUTES = 240
MAX_TEMPLATE = 2000
MAX_RESCHEDULE_SENTENCE = 500
MAX_NOTICE_TEXT = 4000
MAX_CLIENT_NOTE = 2000
SLOT_STEP_MINUTES = 15
SLOT_SEARCH_DAYS = 60
# How far from the start an arrival time may be before it is surely a typo.
MAX_EARLY_ARRIVAL = dt.timedelta(hours=12)
CANCEL_WITHOUT_FEE_REASON = "Practitioner running late \u2014 cancelled without fee"

MINUTES_MESSAGE = "Running late is 1 to 240 minutes; for longer, cancel or reschedule instead."
UNKNOWN_PLACEHOLDER = (
    "Unknown placeholder {{{name}}}: use {{preferred_name}}, {{minutes}}, {{time}}, "
    "{{practitioner}} or {{reschedule}}."
)

_NOTICE_FIELDS = ("expected_minutes", "told_at", "channel", "message_text", "reschedule_offered")
_OPEN = frozenset({AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED})
_HORIZONTAL_RUNS = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_NEWLINE = re.compile(r"[ \t]+\n")
_WHITESPACE = re.compile(r"\s+")


class ClientLateOption(StrEnum):
    """What the practice may offer a client who arrives past the threshold."""

    SHORTEN = "shorten"  # keep the end time, so the session is shorter
    RESCHEDULE = "reschedule"
    PROCEED = "proceed"  # see the client for the full length anyway


_CLIENT_CHOICES = frozenset(option.value for option in ClientLateOption)


OUTCOME_LABELS: dict[LatenessOutcome, str] = {
    LatenessOutcome.PENDING: "No answer yet",
    LatenessOutcome.WAIT: "Will wait",
    LatenessOutcome.RESCHEDULE: "Reschedule",
    LatenessOutcome.CANCEL_WITHOUT_FEE: "Cancel without fee",
    LatenessOutcome.SHORTEN: "Shorter session, same end time",
    LatenessOutcome.PROCEED: "Full session as booked",
}


# --------------------------------------------------------------------------
# Plain data out
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftNotice:
    """A notice ready to edit and send; ``hits`` are the language check's findings."""

    appointment_id: int
    client_preferred_name: str
    minutes: int
    text: str
    reschedule_offered: bool
    reschedule_required: bool
    hits: list[Hit]


@dataclass(frozen=True)
class NoticeRow:
    """One recorded lateness event (a notice sent, or a client arriving late)."""

    id: int
    appointment_id: int
    who_is_late: LatePerson
    expected_minutes: int
    told_at: dt.datetime | None
    channel: ContactChannel | None
    message_text: str
    reschedule_offered: bool
    outcome: LatenessOutcome
    note: str = ""


@dataclass(frozen=True)
class ClientArrival:
    """A client's arrival: how late, and what the practice may offer past the threshold.

    ``options`` is empty unless ``past_threshold``; ``remaining_minutes`` is how
    long the session is if it keeps its end time.
    """

    appointment: AppointmentDetail
    minutes_late: int
    past_threshold: bool
    options: tuple[ClientLateOption, ...]
    remaining_minutes: int
    notice_id: int | None


@dataclass(frozen=True)
class LatenessStats:
    """Lateness on both sides; every sent notice past the threshold must offer rescheduling."""

    practitioner_events: int
    practitioner_average_minutes: float
    client_events: int
    client_average_minutes: float
    offers_required: int
    offers_made: int
    #: What late clients chose, by ClientLateOption value (only options chosen at least once).
    client_choices: dict[str, int] = field(default_factory=dict)

    @property
    def offer_rate(self) -> float:
        """Offers made out of offers required (1.0 when none were required)."""
        return 1.0 if self.offers_required == 0 else self.offers_made / self.offers_required


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------


def _parse(text: str) -> list[tuple[str, str | None]]:
    """(literal, placeholder) pairs; raises ValueError for unbalanced braces or a bad field."""
    pieces: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None and (spec or conversion):
            raise ValueError(f"{{{name}}}")
        pieces.append((literal, name))
    return pieces


def validate_template(text: str) -> list[FieldError]:
    """The problems with a notice template (none when it can be used).

    The template is only ever parsed, never passed to ``str.format``, so
    ``{x.__class__}`` and friends are refused instead of evaluated.
    """
    field = "late_notice_template"
    if not isinstance(text, str) or not text.strip():
        return [FieldError(field, "The message cannot be empty.")]
    problem = check_text(field, "The message", text, max_length=MAX_TEMPLATE, multiline=True)
    if problem:
        return [problem]
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError:
        return [
            FieldError(
                field,
                "The message has a { or } that does not belong to a placeholder. "
                "Write placeholders like {preferred_name}; for a brace itself write {{ or }}.",
            )
        ]
    errors: list[FieldError] = []
    for _literal, name, spec, conversion in pieces:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            errors.append(FieldError(field, UNKNOWN_PLACEHOLDER.format(name=shown)))
        elif spec or conversion:
            errors.append(
                FieldError(field, f"Write the placeholder as {{{name}}}, with nothing after it.")
            )
    return errors[:1] if errors else []


def _render(template: str, values: dict[str, str]) -> str:
    """The template with its placeholders filled in (a validated template only)."""
    out = [
        literal + (values[name] if name is not None else "") for literal, name in _parse(template)
    ]
    text = "".join(out)
    # An empty {reschedule} must not leave a double space behind.
    text = _SPACE_BEFORE_NEWLINE.sub("\n", _HORIZONTAL_RUNS.sub(" ", text))
    return text.strip()


def _has_placeholder(template: str, placeholder: str) -> bool:
    return any(name == placeholder for _literal, name in _parse(template))


def _normalised(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def reschedule_required(minutes: int, threshold: int) -> bool:
    """Whether a notice for ``minutes`` late must offer rescheduling (strictly past it)."""
    return minutes > threshold


# --------------------------------------------------------------------------
# Practice settings for lateness
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Policy:
    threshold: int
    template: str
    reschedule_sentence: str
    client_options: tuple[ClientLateOption, ...]


def _policy(session: Session) -> _Policy:
    row = session.get(PracticeSettings, 1)
    options_text = (row.client_late_options if row else None) or DEFAULT_CLIENT_LATE_OPTIONS
    allowed = {part.strip() for part in options_text.split(",")}
    template = (row.late_notice_template if row else None) or DEFAULT_LATE_NOTICE_TEMPLATE
    if validate_template(template):
        # Stored by something other than update_templates: never render it.
        template = DEFAULT_LATE_NOTICE_TEMPLATE
    return _Policy(
        threshold=get_settings(session).lateness_threshold_minutes,
        template=template,
        reschedule_sentence=(row.reschedule_sentence if row else None)
        or DEFAULT_RESCHEDULE_SENTENCE,
        client_options=tuple(option for option in ClientLateOption if option.value in allowed),
    )


def update_templates(
    session: Session, *, late_notice_template: str, reschedule_sentence: str
) -> list[Hit]:
    """Store the practice's notice wording; raises ValidationError (nothing written).

    Returns the language check's hits on the stored texts, for the form to show.
    """
    errors = validate_template(late_notice_template)
    sentence = (reschedule_sentence or "").strip()
    if not sentence:
        errors.append(FieldError("reschedule_sentence", "The reschedule offer cannot be empty."))
    else:
        problem = check_text(
            "reschedule_sentence",
            "The reschedule offer",
            sentence,
            max_length=MAX_RESCHEDULE_SENTENCE,
        )
        if problem:
            errors.append(problem)
    if errors:
        raise ValidationError(errors)
    row = session.get(PracticeSettings, 1)
    if row is None:
        row = PracticeSettings(id=1)
        session.add(row)
    values = {
        "late_notice_template": late_notice_template.strip(),
        "reschedule_sentence": sentence,
    }
    audit.apply_changes(session, row, "practice_settings", 1, values)
    checker = load_checker(session)
    return checker.check(row.late_notice_template) + checker.check(row.reschedule_sentence)


# --------------------------------------------------------------------------
# The practitioner running late
# --------------------------------------------------------------------------


def _minutes_problem(minutes: object) -> FieldError | None:
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        return FieldError("minutes", "Please enter the minutes as a whole number.")
    if not MIN_LATE_MINUTES <= minutes <= MAX_LATE_MINUTES:
        return FieldError("minutes", MINUTES_MESSAGE)
    return None


def _open_appointment(session: Session, appointment_id: int, now: dt.datetime) -> Appointment:
    """The appointment a late notice is for; raises ValidationError if it is over or off."""
    appointment = appointments.load(session, appointment_id)
    if appointment.status not in _OPEN:
        label = appointments.STATUS_LABELS[appointment.status].lower()
        raise ValidationError.single(
            "appointment_id",
            f"This appointment is {label}, so there is nothing to be late for.",
        )
    end = appointment.start + dt.timedelta(minutes=appointment.duration_minutes)
    if end <= now:
        locale = get_settings(session).locale
        span = locale_format.time_range(appointment.start, end, locale)
        raise ValidationError.single(
            "appointment_id",
            f"This appointment has already ended ({format_day(appointment.start, locale=locale)} "
            f"{span}), so no late notice is needed.",
        )
    return appointment


def _require_minutes(minutes: object) -> int:
    problem = _minutes_problem(minutes)
    if problem:
        raise ValidationError([problem])
    assert isinstance(minutes, int)
    return minutes


def compose_notice(
    template: str,
    reschedule_sentence: str,
    *,
    preferred_name: str,
    minutes: int,
    start: dt.datetime,
    practitioner: str,
    offer_reschedule: bool,
    locale: str = locale_format.DEFAULT_LOCALE,
) -> str:
    """The notice text; the reschedule sentence is appended if the template has no place for it.

    The start time is written in ``locale`` (the practice's): ``14:00``, ``2:00 PM``.
    """
    values = {
        "preferred_name": preferred_name,
        "minutes": str(minutes),
        "time": locale_format.time(start, locale),
        "practitioner": practitioner,
        "reschedule": reschedule_sentence if offer_reschedule else "",
    }
    text = _render(template, values)
    if offer_reschedule and not _has_placeholder(template, "reschedule"):
        text = (
            f"{text}\n\n{reschedule_sentence}" if "\n" in text else f"{text} {reschedule_sentence}"
        )
    return text


def draft_notice(
    session: Session,
    appointment_id: int,
    minutes: int,
    *,
    now: dt.datetime,
    offer_reschedule: bool = False,
) -> DraftNotice:
    """Draft the "running late" notice for one appointment; writes nothing.

    Past the threshold the reschedule offer is always in the text; below it,
    only when ``offer_reschedule``. Raises ValidationError for bad minutes or an
    appointment that is cancelled or over, NotFoundError if it is gone.
    """
    minutes = _require_minutes(minutes)
    appointment = _open_appointment(session, appointment_id, now)
    detail = appointments.detail_of(session, appointment)
    policy = _policy(session)
    required = reschedule_required(minutes, policy.threshold)
    offered = required or offer_reschedule
    text = compose_notice(
        policy.template,
        policy.reschedule_sentence,
        preferred_name=detail.client_preferred_name,
        minutes=minutes,
        start=detail.start,
        practitioner=detail.practitioner_name,
        offer_reschedule=offered,
        locale=get_settings(session).locale,
    )
    return DraftNotice(
        appointment_id=detail.id,
        client_preferred_name=detail.client_preferred_name,
        minutes=minutes,
        text=text,
        reschedule_offered=offered,
        reschedule_required=required,
        hits=load_checker(session).check(text),
    )


def cascade(
    session: Session,
    practitioner_id: int,
    first_appointment_id: int,
    minutes: int,
    *,
    now: dt.datetime,
) -> list[tuple[AppointmentDetail, int]]:
    """How late each of the practitioner's remaining appointments today will be.

    Starts at ``first_appointment_id`` (``minutes`` late) and carries the delay
    over to the next appointment of the same day, less the free time between
    them; stops when the delay is used up. Durations are kept.
    """
    minutes = _require_minutes(minutes)
    first = _open_appointment(session, first_appointment_id, now)
    if first.practitioner_id != practitioner_id:
        raise ValidationError.single(
            "appointment_id", "That appointment belongs to another practitioner."
        )
    day_end = dt.datetime.combine(first.start.date(), dt.time()) + dt.timedelta(days=1)
    later = [
        detail
        for detail in appointments.appointments_between(
            session, first.start, day_end, practitioner_id, statuses=_OPEN
        )
        if detail.start >= first.start and detail.id != first.id
    ]
    result = [(appointments.detail_of(session, first), minutes)]
    delayed_end = result[0][0].end + dt.timedelta(minutes=minutes)
    for detail in later:
        if detail.start.date() != first.start.date():
            break
        late = int((delayed_end - detail.start).total_seconds() // 60)
        if late <= 0:
            break
        result.append((detail, late))
        delayed_end = detail.end + dt.timedelta(minutes=late)
    return result


def _to_row(notice: LatenessNotice) -> NoticeRow:
    return NoticeRow(
        id=notice.id,
        appointment_id=notice.appointment_id,
        who_is_late=notice.who_is_late,
        expected_minutes=notice.expected_minutes,
        told_at=notice.told_at,
        channel=notice.channel,
        message_text=notice.message_text or "",
        reschedule_offered=bool(notice.reschedule_offered),
        outcome=notice.outcome,
        note=notice.note or "",
    )


def record_notice(
    session: Session,
    appointment_id: int,
    minutes: int,
    text: str,
    channel: ContactChannel,
    *,
    now: dt.datetime,
    reschedule_offered: bool,
) -> NoticeRow:
    """Record that the client was told (at ``now``, by ``channel``, in ``text``).

    Past the threshold the text must hold the practice's reschedule sentence.
    Raises ValidationError (nothing written) or NotFoundError.
    """
    errors: list[FieldError] = []
    problem = _minutes_problem(minutes)
    if problem:
        errors.append(problem)
    text = (text or "").strip()
    if not text:
        errors.append(FieldError("text", "The message cannot be empty."))
    else:
        problem = check_text(
            "text", "The message", text, max_length=MAX_NOTICE_TEXT, multiline=True
        )
        if problem:
            errors.append(problem)
    try:
        channel = ContactChannel(channel)
    except ValueError:
        errors.append(FieldError("channel", "Please choose how the client was told."))
    appointment = _open_appointment(session, appointment_id, now)
    policy = _policy(session)
    if not errors:
        offered_in_text = _normalised(policy.reschedule_sentence) in _normalised(text)
        if reschedule_required(minutes, policy.threshold) and not (
            reschedule_offered and offered_in_text
        ):
            errors.append(
                FieldError(
                    "text",
                    f"Past {policy.threshold} minutes the message must offer rescheduling.",
                )
            )
    if errors:
        raise ValidationError(errors)
    notice = LatenessNotice(
        appointment_id=appointment.id,
        who_is_late=LatePerson.PRACTITIONER,
        expected_minutes=minutes,
        told_at=now,
        channel=channel,
        message_text=text,
        reschedule_offered=bool(reschedule_offered),
        reschedule_required=reschedule_required(minutes, policy.threshold),
        outcome=LatenessOutcome.PENDING,
    )
    session.add(notice)
    session.flush()
    audit.record(session, AuditAction.CREATE, "lateness_notice", notice.id, _NOTICE_FIELDS)
    return _to_row(notice)


def record_choice(
    session: Session, notice_id: int, outcome: LatenessOutcome, *, now: dt.datetime
) -> NoticeRow:
    """Record the client's answer to a notice: wait, reschedule or cancel without fee.

    Cancelling without fee cancels the appointment (by the practitioner, so no
    fee applies). Rescheduling only records the choice; the reschedule itself is
    its own action. Raises ValidationError (nothing written) or NotFoundError.
    """
    notice = session.get(LatenessNotice, notice_id)
    if notice is None or notice.who_is_late is not LatePerson.PRACTITIONER:
        raise NotFoundError(f"Late notice {notice_id} no longer exists.")
    try:
        outcome = LatenessOutcome(outcome)
    except ValueError:
        outcome = LatenessOutcome.PENDING
    if outcome is LatenessOutcome.PENDING:
        raise ValidationError.single(
            "outcome", "Please choose what the client would like: wait, reschedule or cancel."
        )
    if notice.outcome is LatenessOutcome.CANCEL_WITHOUT_FEE:
        raise ValidationError.single(
            "outcome", "The appointment was already cancelled without fee at the client's choice."
        )
    if outcome is LatenessOutcome.CANCEL_WITHOUT_FEE:
        appointments.cancel_appointment(
            session,
            notice.appointment_id,
            by=CancelledBy.PRACTITIONER,
            reason=CANCEL_WITHOUT_FEE_REASON,
            now=now,
        )
    notice.outcome = outcome
    session.flush()
    audit.record(session, AuditAction.UPDATE, "lateness_notice", notice.id, ("outcome",))
    return _to_row(notice)


def list_notices(session: Session, appointment_id: int) -> list[NoticeRow]:
    """The lateness events of one appointment, oldest first."""
    rows = session.scalars(
        select(LatenessNotice)
        .where(LatenessNotice.appointment_id == appointment_id)
        .order_by(LatenessNotice.id)
    )
    return [_to_row(row) for row in rows]


def suggest_slots(
    session: Session, appointment_id: int, *, now: dt.datetime, count: int = 5
) -> list[dt.datetime]:
    """The next free starts for the same practitioner and length, from tomorrow.

    Weekdays inside the practice's working hours only, on a quarter-hour grid,
    never overlapping an appointment or busy time; at most ``count`` and
    searching at most ``SLOT_SEARCH_DAYS`` days ahead.
    """
    appointment = appointments.load(session, appointment_id)
    settings = get_settings(session)
    length = dt.timedelta(minutes=appointment.duration_minutes)
    step = dt.timedelta(minutes=SLOT_STEP_MINUTES)
    slots: list[dt.datetime] = []
    day = now.date() + dt.timedelta(days=1)
    for _ in range(SLOT_SEARCH_DAYS):
        if day.weekday() < 5:
            day_start = dt.datetime.combine(day, settings.working_day_start)
            day_end = dt.datetime.combine(day, settings.working_day_end)
            candidate = day_start
            while candidate + length <= day_end and len(slots) < count:
                conflicts = appointments.find_conflicts(
                    session,
                    appointment.practitioner_id,
                    candidate,
                    candidate + length,
                )  # the appointment itself counts too: offering its own time is no choice
                if conflicts:
                    resume = max(conflict.end for conflict in conflicts)
                else:
                    slots.append(candidate)
                    resume = candidate + length
                # Back onto the grid, counted from the start of the working day.
                steps = -((day_start - resume) // step)
                candidate = max(day_start + steps * step, candidate + step)
        if len(slots) >= count:
            break
        day += dt.timedelta(days=1)
    return slots


# --------------------------------------------------------------------------
# The client arriving late
# --------------------------------------------------------------------------


def record_client_arrival(
    session: Session,
    appointment_id: int,
    arrived_at: dt.datetime,
    *,
    expected_version: int | None = None,
) -> ClientArrival:
    """Mark the client arrived at ``arrived_at`` and derive how late they were.

    A late arrival is kept as a client lateness event. Past the threshold the
    result lists the options the practice allows. Raises ValidationError
    (nothing written) or NotFoundError; StaleEdit when ``expected_version`` (the
    appointment as the screen showed it) is no longer the stored one.
    """
    appointment = appointments.load(session, appointment_id)
    if not isinstance(arrived_at, dt.datetime) or arrived_at.tzinfo is not None:
        raise ValidationError.single("arrived_at", "Please enter the local time they arrived.")
    end = appointment.start + dt.timedelta(minutes=appointment.duration_minutes)
    if arrived_at < appointment.start - MAX_EARLY_ARRIVAL or arrived_at >= end:
        locale = get_settings(session).locale
        span = locale_format.time_range(appointment.start, end, locale)
        raise ValidationError.single(
            "arrived_at",
            "The arrival time must be before the appointment ends "
            f"({format_day(appointment.start, locale=locale)} {span}); please check it.",
        )
    detail = appointments.mark_arrived(
        session, appointment_id, arrived_at=arrived_at, expected_version=expected_version
    )
    minutes_late = max(0, int((arrived_at - appointment.start).total_seconds() // 60))
    policy = _policy(session)
    past = minutes_late > policy.threshold
    notice_id = None
    if minutes_late > 0:
        notice = LatenessNotice(
            appointment_id=appointment.id,
            who_is_late=LatePerson.CLIENT,
            expected_minutes=minutes_late,
            # For a client, "required" means past the threshold: the options were due.
            reschedule_required=past,
            outcome=LatenessOutcome.PENDING,
        )
        session.add(notice)
        session.flush()
        audit.record(
            session, AuditAction.CREATE, "lateness_notice", notice.id, ("expected_minutes",)
        )
        notice_id = notice.id
    return ClientArrival(
        appointment=detail,
        minutes_late=minutes_late,
        past_threshold=past,
        options=policy.client_options if past else (),
        remaining_minutes=int((end - max(arrived_at, appointment.start)).total_seconds() // 60),
        notice_id=notice_id,
    )


def record_client_choice(
    session: Session,
    notice_id: int,
    option: ClientLateOption,
    *,
    note: str = "",
    now: dt.datetime,
) -> NoticeRow:
    """Store what a late client chose, and a note of their circumstances, on their notice.

    The note is clinical context (what made it hard to arrive), never a mark
    against the client. The option must be one the practice offers. Choosing to
    reschedule only records the choice; the reschedule itself is its own action.
    Raises ValidationError (nothing written) or NotFoundError.
    """
    notice = session.get(LatenessNotice, notice_id)
    if notice is None or notice.who_is_late is not LatePerson.CLIENT:
        raise NotFoundError(f"Client arrival {notice_id} no longer exists.")
    errors: list[FieldError] = []
    allowed = _policy(session).client_options
    try:
        chosen: ClientLateOption | None = ClientLateOption(option)
    except ValueError:
        chosen = None
    if chosen is None or chosen not in allowed:
        words = ", ".join(CLIENT_OPTION_LABELS[o] for o in allowed)
        errors.append(
            FieldError("option", f"Please choose one of the options the practice offers: {words}.")
        )
    note = (note or "").strip() if isinstance(note, str) else note
    if not isinstance(note, str):
        errors.append(FieldError("note", "The note must be text."))
    elif note:
        problem = check_text("note", "The note", note, max_length=MAX_CLIENT_NOTE, multiline=True)
        if problem:
            errors.append(problem)
    if errors or chosen is None:
        raise ValidationError(errors)
    notice.outcome = LatenessOutcome(chosen.value)
    notice.note = note
    session.flush()
    audit.record(session, AuditAction.UPDATE, "lateness_notice", notice.id, ("outcome", "note"))
    return _to_row(notice)


# --------------------------------------------------------------------------
# History
# --------------------------------------------------------------------------


def lateness_stats(
    session: Session,
    *,
    client_id: int | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    scope: Scope = WHOLE_PRACTICE,
) -> LatenessStats:
    """Lateness on both sides for appointments starting in [start, end) (of one client,
    or of the clients of ``scope``).

    An event is one appointment someone was late for (the latest minutes
    count). Offers are counted per notice sent: each one past the threshold
    in force when it was recorded (the current one for notices from before
    that was kept) must have offered rescheduling. ``client_choices`` counts
    what late clients chose, per appointment (the latest choice).
    """
    query = select(LatenessNotice).join(
        Appointment, Appointment.id == LatenessNotice.appointment_id
    )
    if client_id is not None:
        query = query.where(Appointment.client_id == client_id)
    if not scope.whole_practice:
        query = query.where(Appointment.client_id.in_(scope.client_ids()))
    if start is not None:
        query = query.where(Appointment.start >= start)
    if end is not None:
        query = query.where(Appointment.start < end)
    threshold = _policy(session).threshold
    latest: dict[tuple[int, LatePerson], int] = {}
    offers_required = offers_made = 0
    choices: dict[int, str] = {}
    for notice in session.scalars(query.order_by(LatenessNotice.id)):
        latest[notice.appointment_id, notice.who_is_late] = notice.expected_minutes
        if notice.who_is_late is LatePerson.CLIENT:
            if notice.outcome.value in _CLIENT_CHOICES:
                choices[notice.appointment_id] = notice.outcome.value
            continue
        if notice.told_at is None:
            continue
        required = notice.reschedule_required
        if required is None:
            required = reschedule_required(notice.expected_minutes, threshold)
        if required:
            offers_required += 1
            offers_made += bool(notice.reschedule_offered)

    def side(person: LatePerson) -> tuple[int, float]:
        minutes = [m for (_id, who), m in latest.items() if who is person and m > 0]
        return len(minutes), (round(sum(minutes) / len(minutes), 1) if minutes else 0.0)

    practitioner_events, practitioner_average = side(LatePerson.PRACTITIONER)
    client_events, client_average = side(LatePerson.CLIENT)
    return LatenessStats(
        practitioner_events=practitioner_events,
        practitioner_average_minutes=practitioner_average,
        client_events=client_events,
        client_average_minutes=client_average,
        offers_required=offers_required,
        offers_made=offers_made,
        client_choices={
            option.value: count
            for option in ClientLateOption
            if (count := sum(choice == option.value for choice in choices.values()))
        },
    )


CLIENT_OPTION_LABELS: dict[ClientLateOption, str] = {
    ClientLateOption.SHORTEN: "keep the end time (a shorter session)",
    ClientLateOption.RESCHEDULE: "find another time",
    ClientLateOption.PROCEED: "go ahead for the full length",
}


def client_late_options(session: Session) -> tuple[ClientLateOption, ...]:
    """What the practice offers a client who arrives past the threshold."""
    return _policy(session).client_options


@dataclass(frozen=True)
class MessageSettings:
    """What Settings › Messages edits, and what its preview of a notice needs."""

    template: str  # as stored (or the default), to edit
    reschedule_sentence: str
    client_options: tuple[ClientLateOption, ...]
    threshold: int
    locale: str
    practitioner: str  # the name the example notice is signed with


def message_settings(session: Session) -> MessageSettings:
    row = session.get(PracticeSettings, 1)
    settings = get_settings(session)
    people = list_practitioners(session)
    current = next((p for p in people if p.is_current_user), people[0] if people else None)
    return MessageSettings(
        template=(row.late_notice_template if row else None) or DEFAULT_LATE_NOTICE_TEMPLATE,
        reschedule_sentence=(row.reschedule_sentence if row else None)
        or DEFAULT_RESCHEDULE_SENTENCE,
        client_options=_policy(session).client_options,
        threshold=settings.lateness_threshold_minutes,
        locale=settings.locale,
        practitioner=current.full_name if current else "your practitioner",
    )


def update_client_late_options(session: Session, options: Iterable[ClientLateOption]) -> None:
    """Store which options a late client is offered; at least one (ValidationError)."""
    chosen = [option for option in ClientLateOption if option in set(options)]
    if not chosen:
        raise ValidationError.single(
            "client_late_options", "Choose at least one thing to offer a client who arrives late."
        )
    row = session.get(PracticeSettings, 1)
    if row is None:
        row = PracticeSettings(id=1)
        session.add(row)
    value = ",".join(option.value for option in chosen)
    audit.apply_changes(session, row, "practice_settings", 1, {"client_late_options": value})
