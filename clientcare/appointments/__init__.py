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
    MAX_LOCATION as MAX_LOCATION,
)
from clientcare.appointments.booking import (
    MAX_NOTES as MAX_NOTES,
)
from clientcare.appointments.booking import (
    MAX_YEARS_AHEAD as MAX_YEARS_AHEAD,
)
from clientcare.appointments.booking import (
    MAX_YEARS_PAST as MAX_YEARS_PAST,
)
from clientcare.appointments.booking import (
    MIN_DURATION as MIN_DURATION,
)
from clientcare.appointments.booking import (
    create_appointment as create_appointment,
)
from clientcare.appointments.booking import (
    new_appointment as new_appointment,
)
from clientcare.appointments.booking import (
    start_problem as start_problem,
)
from clientcare.appointments.booking import (
    update_appointment as update_appointment,
)
from clientcare.appointments.booking import (
    validate_against as validate_against,
)
from clientcare.appointments.booking import (
    validate_input as validate_input,
)
from clientcare.appointments.queries import (
    appointments_between as appointments_between,
)
from clientcare.appointments.queries import (
    client_appointment_counts as client_appointment_counts,
)
from clientcare.appointments.queries import (
    client_appointments as client_appointments,
)
from clientcare.appointments.queries import (
    client_past as client_past,
)
from clientcare.appointments.queries import (
    client_upcoming as client_upcoming,
)
from clientcare.appointments.queries import (
    detail_of as detail_of,
)
from clientcare.appointments.queries import (
    find_conflicts as find_conflicts,
)
from clientcare.appointments.queries import (
    get_appointment as get_appointment,
)
from clientcare.appointments.queries import (
    load as load,
)
from clientcare.appointments.queries import (
    load_version as load_version,
)
from clientcare.appointments.records import (
    BLOCKING_STATUSES as BLOCKING_STATUSES,
)
from clientcare.appointments.records import (
    MAX_DURATION as MAX_DURATION,
)
from clientcare.appointments.records import (
    MODE_LABELS as MODE_LABELS,
)
from clientcare.appointments.records import (
    OPEN_STATUSES as OPEN_STATUSES,
)
from clientcare.appointments.records import (
    STATUS_LABELS as STATUS_LABELS,
)
from clientcare.appointments.records import (
    AppointmentCounts as AppointmentCounts,
)
from clientcare.appointments.records import (
    AppointmentDetail as AppointmentDetail,
)
from clientcare.appointments.records import (
    AppointmentInput as AppointmentInput,
)
from clientcare.appointments.records import (
    ClientAppointments as ClientAppointments,
)
from clientcare.appointments.records import (
    Conflict as Conflict,
)
from clientcare.appointments.records import (
    ConflictError as ConflictError,
)
from clientcare.appointments.records import (
    conflict_message as conflict_message,
)
from clientcare.appointments.records import (
    format_day as format_day,
)
from clientcare.appointments.status import (
    ALLOWED_TRANSITIONS as ALLOWED_TRANSITIONS,
)
from clientcare.appointments.status import (
    DEFAULT_CANCELLATION_WINDOW_HOURS as DEFAULT_CANCELLATION_WINDOW_HOURS,
)
from clientcare.appointments.status import (
    MAX_REASON as MAX_REASON,
)
from clientcare.appointments.status import (
    cancel_appointment as cancel_appointment,
)
from clientcare.appointments.status import (
    cancellation_window_hours as cancellation_window_hours,
)
from clientcare.appointments.status import (
    is_late_cancellation as is_late_cancellation,
)
from clientcare.appointments.status import (
    mark_arrived as mark_arrived,
)
from clientcare.appointments.status import (
    mark_completed as mark_completed,
)
from clientcare.appointments.status import (
    mark_no_show as mark_no_show,
)
from clientcare.appointments.status import (
    reschedule_appointment as reschedule_appointment,
)
