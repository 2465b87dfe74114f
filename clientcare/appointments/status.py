"""What happened to an appointment: arrived, completed, no-show, cancelled (late inside
the practice's window) or rescheduled, by the allowed transitions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from clientcare import audit, concurrency, locale_format
from clientcare.appointments.booking import FIELDS, check_conflicts, new_appointment, validate_input
from clientcare.appointments.queries import detail_of, load_version
from clientcare.appointments.records import (
    STATUS_LABELS,
    AppointmentDetail,
    AppointmentInput,
    Completion,
    format_day,
)
from clientcare.config import DEFAULT_CANCELLATION_WINDOW_HOURS
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditAction,
    CancelledBy,
    PracticeSettings,
)
from clientcare.errors import FieldError, ValidationError
from clientcare.practice import get_settings
from clientcare.text import check_text

MAX_REASON = 2000

# Where an appointment can go from each status. A no-show can still become
# "arrived" (the client turned up after all); everything else is final.
ALLOWED_TRANSITIONS: dict[AppointmentStatus, frozenset[AppointmentStatus]] = {
    AppointmentStatus.SCHEDULED: frozenset(
        {
            AppointmentStatus.ARRIVED,
            AppointmentStatus.COMPLETED,
            AppointmentStatus.NO_SHOW,
            AppointmentStatus.CANCELLED,
            AppointmentStatus.LATE_CANCELLED,
            AppointmentStatus.RESCHEDULED,
        }
    ),
    AppointmentStatus.ARRIVED: frozenset({AppointmentStatus.COMPLETED}),
    AppointmentStatus.NO_SHOW: frozenset({AppointmentStatus.ARRIVED}),
    AppointmentStatus.COMPLETED: frozenset(),
    AppointmentStatus.CANCELLED: frozenset(),
    AppointmentStatus.LATE_CANCELLED: frozenset(),
    AppointmentStatus.RESCHEDULED: frozenset(),
}


def _describe_options(current: AppointmentStatus) -> str:
    options = [
        STATUS_LABELS[s].lower() for s in AppointmentStatus if s in ALLOWED_TRANSITIONS[current]
    ]
    if not options:
        return "its status cannot change any more"
    if len(options) == 1:
        return f"it can only become {options[0]}"
    return f"it can become {', '.join(options[:-1])} or {options[-1]}"


def _require_transition(appointment: Appointment, target: AppointmentStatus) -> None:
    current = appointment.status
    if target in ALLOWED_TRANSITIONS[current]:
        return
    raise ValidationError.single(
        "status",
        f"This appointment is {STATUS_LABELS[current].lower()}, so it cannot be marked "
        f"{STATUS_LABELS[target].lower()}; {_describe_options(current)}.",
    )


def _set_status(
    session: Session, appointment: Appointment, status: AppointmentStatus, *fields: str
) -> AppointmentDetail:
    appointment.status = status
    with concurrency.saving(session, "appointment", appointment.id):
        session.flush()
    audit.record(session, AuditAction.UPDATE, "appointment", appointment.id, ("status", *fields))
    return detail_of(session, appointment)


def mark_arrived(
    session: Session,
    appointment_id: int,
    *,
    arrived_at: dt.datetime,
    expected_version: int | None = None,
) -> AppointmentDetail:
    """Record that the client is here (at ``arrived_at``, local wall clock).

    With ``expected_version`` (as the view loaded it), a change saved by someone else
    since raises StaleEdit and nothing is written; the same holds for every status change.
    """
    appointment = load_version(session, appointment_id, expected_version)
    _require_transition(appointment, AppointmentStatus.ARRIVED)
    appointment.client_arrived_at = arrived_at
    return _set_status(session, appointment, AppointmentStatus.ARRIVED, "client_arrived_at")


def _require_started(
    session: Session, appointment: Appointment, now: dt.datetime, what: str
) -> None:
    if now < appointment.start:
        locale = get_settings(session).locale
        start = appointment.start
        raise ValidationError.single(
            "status",
            f"This appointment has not started yet ({format_day(start, locale=locale)} "
            f"{locale_format.time(start, locale)}), so it cannot be marked {what}.",
        )


def _after_outcome(
    session: Session, appointment_id: int, circumstance: str | None = None
) -> int | None:
    """Charge the outcome at once when the practice charges automatically (clientcare.money);
    the charge's id, or None when nothing was charged."""
    from clientcare import money  # money reads appointments; imported here to avoid a cycle

    charge = money.after_outcome(session, appointment_id, circumstance)
    return charge.id if charge is not None else None


def can_complete(item: AppointmentDetail, now: dt.datetime) -> bool:
    """Whether ``item`` can be marked completed at ``now``: it has started, and its status
    allows it (scheduled or arrived)."""
    return AppointmentStatus.COMPLETED in ALLOWED_TRANSITIONS[item.status] and now >= item.start


def complete(
    session: Session,
    appointment_id: int,
    *,
    now: dt.datetime,
    expected_version: int | None = None,
) -> Completion:
    """Mark the appointment completed (charging it when the practice charges at once), and
    say what was written so :func:`undo_completion` can take it back."""
    return _complete(session, appointment_id, now, expected_version)


def undo_completion(
    session: Session, completion: Completion, *, today: dt.date
) -> AppointmentDetail:
    """Take back :func:`complete`: the appointment gets its status back and the charge made
    at that moment is deleted, in one unit of work.

    Refused (ValidationError, nothing written) once the appointment's status changed since
    or a payment stands against that charge (the payment must stay accounted for).
    """
    appointment = load_version(session, completion.appointment_id, None)
    if appointment.status is not AppointmentStatus.COMPLETED:
        raise ValidationError.single(
            "status",
            f"This appointment is {STATUS_LABELS[appointment.status].lower()} now, so marking "
            "it completed can no longer be undone.",
        )
    # Changed since it was completed (its notes, its service): someone else's work stands.
    concurrency.check_version(
        session, "appointment", appointment.id, appointment.version, completion.detail.version
    )
    if completion.charge_id is not None:
        from clientcare import money  # money reads appointments; imported here (no cycle)

        money.delete_charge(session, completion.charge_id, today=today)
    return _set_status(session, appointment, completion.previous_status)


def mark_completed(
    session: Session,
    appointment_id: int,
    *,
    now: dt.datetime,
    expected_version: int | None = None,
) -> AppointmentDetail:
    """Record that the appointment took place (StaleEdit: see ``mark_arrived``)."""
    return _complete(session, appointment_id, now, expected_version).detail


def _complete(
    session: Session, appointment_id: int, now: dt.datetime, expected_version: int | None
) -> Completion:
    appointment = load_version(session, appointment_id, expected_version)
    previous = appointment.status
    _require_transition(appointment, AppointmentStatus.COMPLETED)
    _require_started(session, appointment, now, "completed")
    detail = _set_status(session, appointment, AppointmentStatus.COMPLETED)
    charge_id = _after_outcome(session, appointment.id)
    return Completion(appointment.id, previous, charge_id, detail)


def mark_no_show(
    session: Session,
    appointment_id: int,
    *,
    now: dt.datetime,
    circumstance: str | None = None,
    expected_version: int | None = None,
) -> AppointmentDetail:
    """Record that the client did not come (only once the appointment has started).

    ``circumstance`` (e.g. "Illness") lets a grace rule forgive the fee. StaleEdit: see
    ``mark_arrived``.
    """
    appointment = load_version(session, appointment_id, expected_version)
    _require_transition(appointment, AppointmentStatus.NO_SHOW)
    _require_started(session, appointment, now, "a no-show")
    detail = _set_status(session, appointment, AppointmentStatus.NO_SHOW)
    _after_outcome(session, appointment.id, circumstance)
    return detail


def cancellation_window_hours(session: Session) -> int:
    settings = session.get(PracticeSettings, 1)
    if settings is None or settings.cancellation_window_hours is None:
        return DEFAULT_CANCELLATION_WINDOW_HOURS
    return settings.cancellation_window_hours


def is_late_cancellation(
    start: dt.datetime, by: CancelledBy, now: dt.datetime, window_hours: int
) -> bool:
    """A client cancelling inside the window before the start (or after it) cancels late."""
    return by is CancelledBy.CLIENT and now > start - dt.timedelta(hours=window_hours)


def _reason_problem(reason: str) -> FieldError | None:
    if not reason:
        return FieldError(
            "cancel_reason", "Please say why the appointment is cancelled (a few words are enough)."
        )
    return check_text("cancel_reason", "The reason", reason, max_length=MAX_REASON, multiline=True)


def cancel_appointment(
    session: Session,
    appointment_id: int,
    *,
    by: CancelledBy,
    reason: str,
    now: dt.datetime,
    circumstance: str | None = None,
    expected_version: int | None = None,
) -> AppointmentDetail:
    """Cancel; a client cancelling inside the practice's window makes it late-cancelled.

    ``circumstance`` (e.g. "Illness") lets a grace rule forgive a late-cancel fee. With
    ``expected_version``, a change saved by someone else since raises StaleEdit.
    """
    appointment = load_version(session, appointment_id, expected_version)
    by = CancelledBy(by)
    reason = (reason or "").strip()
    late = is_late_cancellation(appointment.start, by, now, cancellation_window_hours(session))
    target = AppointmentStatus.LATE_CANCELLED if late else AppointmentStatus.CANCELLED
    _require_transition(appointment, target)
    problem = _reason_problem(reason)
    if problem:
        raise ValidationError([problem])
    appointment.cancelled_by = by
    appointment.cancel_reason = reason
    appointment.cancelled_at = now
    detail = _set_status(
        session, appointment, target, "cancelled_by", "cancel_reason", "cancelled_at"
    )
    if late:
        _after_outcome(session, appointment.id, circumstance)
    return detail


def reschedule_appointment(
    session: Session,
    appointment_id: int,
    new_start: dt.datetime,
    *,
    now: dt.datetime,
    duration_minutes: int | None = None,
    allow_conflict: bool = False,
    expected_version: int | None = None,
) -> AppointmentDetail:
    """Book the same appointment at ``new_start`` and mark the old one rescheduled.

    The old slot is free at once. A series occurrence stays in its series (with
    its original start). Returns the new appointment. With ``expected_version`` (the
    old appointment as the view loaded it), a change saved since raises StaleEdit.
    """
    old = load_version(session, appointment_id, expected_version)
    _require_transition(old, AppointmentStatus.RESCHEDULED)
    data = AppointmentInput(
        client_id=old.client_id,
        practitioner_id=old.practitioner_id,
        start=new_start,
        duration_minutes=old.duration_minutes if duration_minutes is None else duration_minutes,
        mode=old.mode,
        location=old.location,
        notes=old.notes,
        service_id=old.service_id,
    )
    cleaned = validate_input(session, data, now=now)
    check_conflicts(session, cleaned, exclude_ids=(old.id,), allow_conflict=allow_conflict)
    new = new_appointment(
        cleaned,
        series_id=old.series_id,
        original_start=old.original_start,
    )
    session.add(new)
    session.flush()
    audit.record(session, AuditAction.CREATE, "appointment", new.id, FIELDS)
    old.rescheduled_to_id = new.id
    _set_status(session, old, AppointmentStatus.RESCHEDULED, "rescheduled_to_id")
    return detail_of(session, new)
