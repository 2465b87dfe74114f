"""The practitioner running late: the notice drafted, the delay carried over the day,
the notice and the client's answer recorded, and free slots to offer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clientcare import appointments, audit, locale_format
from clientcare.appointments import AppointmentDetail, format_day, free_starts
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditAction,
    CancelledBy,
    ContactChannel,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.language import Hit, load_checker
from clientcare.lateness.history import NoticeRow, notice_row
from clientcare.lateness.policy import lateness_policy
from clientcare.lateness.templates import compose_notice, normalised, reschedule_required
from clientcare.practice import get_settings
from clientcare.text import check_text

MIN_LATE_MINUTES = 1
MAX_LATE_MINUTES = 240
MAX_NOTICE_TEXT = 4000
SLOT_SEARCH_DAYS = 60
CANCEL_WITHOUT_FEE_REASON = "Practitioner running late \u2014 cancelled without fee"
MINUTES_MESSAGE = "Running late is 1 to 240 minutes; for longer, cancel or reschedule instead."
_NOTICE_FIELDS = ("expected_minutes", "told_at", "channel", "message_text", "reschedule_offered")
_OPEN = frozenset({AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED})


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


def minutes_elapsed(start: dt.datetime, now: dt.datetime) -> int:
    """Whole minutes since ``start`` (0 before it): how late the practitioner already is
    when the session has not begun."""
    return max(0, int((now - start).total_seconds() // 60))


def suggested_minutes(start: dt.datetime, now: dt.datetime, usual: int) -> int:
    """What "how late will you be?" starts at: the usual guess, or the minutes already
    gone since the start when that is more (at 10:42 for 10:30, at least 12)."""
    return min(max(usual, minutes_elapsed(start, now)), MAX_LATE_MINUTES)


def _behind_the_clock(
    session: Session,
    appointment: Appointment,
    minutes: int,
    now: dt.datetime,
    started_on_time: bool,
) -> FieldError | None:
    """A lateness smaller than the minutes already gone since the start, unless the
    practitioner confirms the session started on time: the client has been waiting at
    least that long, and the reschedule rule must see the true lateness."""
    elapsed = minutes_elapsed(appointment.start, now)
    if started_on_time or minutes >= elapsed:
        return None
    start = locale_format.time(appointment.start, get_settings(session).locale)
    return FieldError(
        "minutes",
        f"It is already {elapsed} minutes past the start ({start}): the client has been "
        f"waiting at least that long. Enter {elapsed} minutes or more, or confirm that "
        "the session started on time.",
    )


def _require_minutes(minutes: object) -> int:
    problem = _minutes_problem(minutes)
    if problem:
        raise ValidationError([problem])
    assert isinstance(minutes, int)
    return minutes


def draft_notice(
    session: Session,
    appointment_id: int,
    minutes: int,
    *,
    now: dt.datetime,
    offer_reschedule: bool = False,
    started_on_time: bool = False,
) -> DraftNotice:
    """Draft the "running late" notice for one appointment; writes nothing.

    Past the threshold the reschedule offer is always in the text; below it,
    only when ``offer_reschedule``. Raises ValidationError for bad minutes (fewer than
    have gone since the start, unless ``started_on_time``) or an appointment that is
    cancelled or over, NotFoundError if it is gone.
    """
    minutes = _require_minutes(minutes)
    appointment = _open_appointment(session, appointment_id, now)
    behind = _behind_the_clock(session, appointment, minutes, now, started_on_time)
    if behind:
        raise ValidationError([behind])
    detail = appointments.detail_of(session, appointment)
    policy = lateness_policy(session)
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


def record_notice(
    session: Session,
    appointment_id: int,
    minutes: int,
    text: str,
    channel: ContactChannel,
    *,
    now: dt.datetime,
    reschedule_offered: bool,
    started_on_time: bool = False,
) -> NoticeRow:
    """Record that the client was told (at ``now``, by ``channel``, in ``text``).

    Past the threshold the text must hold the practice's reschedule sentence. The
    minutes are never fewer than have gone since the start, unless ``started_on_time``.
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
    policy = lateness_policy(session)
    if not problem:
        behind = _behind_the_clock(session, appointment, minutes, now, started_on_time)
        if behind:
            errors.append(behind)
    if not errors:
        offered_in_text = normalised(policy.reschedule_sentence) in normalised(text)
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
    return notice_row(notice)


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
    return notice_row(notice)


def suggest_slots(
    session: Session, appointment_id: int, *, now: dt.datetime, count: int = 5
) -> list[dt.datetime]:
    """The next free starts for the same practitioner and length, from tomorrow.

    Weekdays inside the practice's working hours only, on a quarter-hour grid,
    never overlapping an appointment or busy time; at most ``count`` and
    searching at most ``SLOT_SEARCH_DAYS`` days ahead.
    """
    appointment = appointments.load(session, appointment_id)
    # The appointment itself counts too: offering its own time is no choice.
    tomorrow = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    return free_starts(
        session,
        appointment.practitioner_id,
        appointment.duration_minutes,
        after=tomorrow,
        count=count,
        days=SLOT_SEARCH_DAYS,
    )
