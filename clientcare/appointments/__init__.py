"""Appointments: validation, overlaps, status changes, cancellations and rescheduling.

Times are naive *practice-local wall-clock* datetimes, exactly as the practitioner
reads them on a clock. No time-zone arithmetic happens here: an appointment that
starts at 00:30 on a daylight-saving change day and lasts 120 minutes ends at
02:30 wall-clock, and is stored exactly as given. (The hour that "does not exist"
on the spring-forward night is still a perfectly good label for a diary slot.)

Every public function that writes takes an open session inside a unit of work
(one user action) and returns plain data, never an ORM object.

The package holds one idea per module: ``records`` (plain data, statuses and labels),
``queries`` (reading), ``booking`` (checking and writing an appointment) and ``status``
(what happened to it). Every public name is importable from ``clientcare.appointments``.
"""

from clientcare.appointments.booking import (
    MAX_LOCATION,
    MAX_NOTES,
    MAX_YEARS_AHEAD,
    MAX_YEARS_PAST,
    MIN_DURATION,
    create_appointment,
    new_appointment,
    start_problem,
    update_appointment,
    validate_against,
    validate_input,
)
from clientcare.appointments.queries import (
    appointments_between,
    client_appointment_counts,
    client_appointments,
    client_past,
    client_upcoming,
    detail_of,
    find_conflicts,
    get_appointment,
    load,
    load_version,
)
from clientcare.appointments.records import (
    BLOCKING_STATUSES,
    MAX_DURATION,
    MODE_LABELS,
    OPEN_STATUSES,
    STATUS_LABELS,
    AppointmentCounts,
    AppointmentDetail,
    AppointmentInput,
    ClientAppointments,
    Completion,
    Conflict,
    ConflictError,
    conflict_message,
    format_day,
)
from clientcare.appointments.slots import (
    SLOT_STEP_MINUTES,
    free_starts,
    next_free_start,
)
from clientcare.appointments.status import (
    ALLOWED_TRANSITIONS,
    MAX_REASON,
    can_complete,
    cancel_appointment,
    cancellation_window_hours,
    complete,
    is_late_cancellation,
    mark_arrived,
    mark_completed,
    mark_no_show,
    reschedule_appointment,
    undo_completion,
)
from clientcare.config import DEFAULT_CANCELLATION_WINDOW_HOURS

# CancelledBy: the module before the package offered it too (tests reach it as ap.CancelledBy).
from clientcare.db.models import CancelledBy

__all__ = [
    "ALLOWED_TRANSITIONS",
    "BLOCKING_STATUSES",
    "DEFAULT_CANCELLATION_WINDOW_HOURS",
    "MAX_DURATION",
    "MAX_LOCATION",
    "MAX_NOTES",
    "MAX_REASON",
    "MAX_YEARS_AHEAD",
    "MAX_YEARS_PAST",
    "MIN_DURATION",
    "MODE_LABELS",
    "OPEN_STATUSES",
    "SLOT_STEP_MINUTES",
    "STATUS_LABELS",
    "AppointmentCounts",
    "AppointmentDetail",
    "AppointmentInput",
    "CancelledBy",
    "ClientAppointments",
    "Completion",
    "Conflict",
    "ConflictError",
    "appointments_between",
    "can_complete",
    "cancel_appointment",
    "cancellation_window_hours",
    "client_appointment_counts",
    "client_appointments",
    "client_past",
    "client_upcoming",
    "complete",
    "conflict_message",
    "create_appointment",
    "detail_of",
    "find_conflicts",
    "format_day",
    "free_starts",
    "get_appointment",
    "is_late_cancellation",
    "load",
    "load_version",
    "mark_arrived",
    "mark_completed",
    "mark_no_show",
    "new_appointment",
    "next_free_start",
    "reschedule_appointment",
    "start_problem",
    "undo_completion",
    "update_appointment",
    "validate_against",
    "validate_input",
]
