"""The client arriving late: the arrival recorded as a lateness event, and what they chose
from the options the practice offers past the threshold."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import appointments, audit, locale_format
from clientcare.appointments import AppointmentDetail, format_day
from clientcare.db.models import (
    AuditAction,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.lateness.history import NoticeRow, notice_row
from clientcare.lateness.policy import CLIENT_OPTION_LABELS, ClientLateOption, lateness_policy
from clientcare.practice import get_settings
from clientcare.text import check_text

MAX_CLIENT_NOTE = 2000

# How far from the start an arrival time may be before it is surely a typo.
MAX_EARLY_ARRIVAL = dt.timedelta(hours=12)


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


def announced_delay(session: Session, appointment_id: int) -> int:
    """The minutes the practitioner last told the client they would be late (0: none)."""
    minutes = session.scalar(
        select(LatenessNotice.expected_minutes)
        .where(
            LatenessNotice.appointment_id == appointment_id,
            LatenessNotice.who_is_late == LatePerson.PRACTITIONER,
        )
        .order_by(LatenessNotice.id.desc())
        .limit(1)
    )
    return int(minutes or 0)


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
    # Late against when the session could begin: a practitioner who said they would be
    # 12 minutes late does not make a client who waited those 12 minutes late.
    could_begin = appointment.start + dt.timedelta(minutes=announced_delay(session, appointment.id))
    minutes_late = max(0, int((arrived_at - could_begin).total_seconds() // 60))
    policy = lateness_policy(session)
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
    allowed = lateness_policy(session).client_options
    try:
        option = ClientLateOption(option)
    except ValueError:
        option = None  # type: ignore[assignment]
    if option is None or option not in allowed:
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
    if errors:
        raise ValidationError(errors)
    notice.outcome = LatenessOutcome(option.value)
    notice.note = note
    session.flush()
    audit.record(session, AuditAction.UPDATE, "lateness_notice", notice.id, ("outcome", "note"))
    return notice_row(notice)
