"""What an appointment is in plain data: the form's input, the detail views show,
conflicts, the statuses and their labels."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from clientcare import locale_format
from clientcare.db.models import (
    AppointmentMode,
    AppointmentStatus,
    CancelledBy,
)
from clientcare.errors import FieldError, ValidationError

MAX_DURATION = 600  # ten hours; also bounds the overlap query (queries)

STATUS_LABELS: dict[AppointmentStatus, str] = {
    AppointmentStatus.SCHEDULED: "Scheduled",
    AppointmentStatus.ARRIVED: "Arrived",
    AppointmentStatus.COMPLETED: "Completed",
    AppointmentStatus.CANCELLED: "Cancelled",
    AppointmentStatus.LATE_CANCELLED: "Late-cancelled",
    AppointmentStatus.NO_SHOW: "No-show",
    AppointmentStatus.RESCHEDULED: "Rescheduled",
}

MODE_LABELS: dict[AppointmentMode, str] = {
    AppointmentMode.IN_PERSON: "In person",
    AppointmentMode.PHONE: "Phone",
    AppointmentMode.VIDEO: "Video",
}

# Only these hold their slot; a cancelled, rescheduled or missed one frees it.
#: Appointments still to come or under way: the ones a practitioner can be late for.
OPEN_STATUSES: frozenset[AppointmentStatus] = frozenset(
    {AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED}
)

BLOCKING_STATUSES: frozenset[AppointmentStatus] = frozenset(
    {AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED, AppointmentStatus.COMPLETED}
)

CANCELLED_STATUSES = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.LATE_CANCELLED})

# Statuses after which the time, client and practitioner are history, not a plan.
SETTLED_STATUSES = frozenset(
    {
        AppointmentStatus.CANCELLED,
        AppointmentStatus.LATE_CANCELLED,
        AppointmentStatus.NO_SHOW,
        AppointmentStatus.RESCHEDULED,
    }
)


def format_day(
    when: dt.datetime | dt.date, *, year: bool = False, locale: str = locale_format.DEFAULT_LOCALE
) -> str:
    """'Mon 23 Nov' (or 'Mon, 23 Nov 2026') in ``locale``, whatever the process locale."""
    day = when.date() if isinstance(when, dt.datetime) else when
    if year:
        return locale_format.weekday_day_year_short(day, locale)
    return locale_format.weekday_day_short(day, locale)


@dataclass(frozen=True)
class AppointmentInput:
    """What the appointment form collects; ``start`` is naive practice-local wall clock."""

    client_id: int | None
    practitioner_id: int | None
    start: dt.datetime
    duration_minutes: int
    mode: AppointmentMode = AppointmentMode.IN_PERSON
    location: str = ""
    notes: str = ""
    #: What is offered (its fee is the session's charge unless the client has an arrangement).
    service_id: int | None = None


@dataclass(frozen=True)
class Conflict:
    """Another appointment or a busy time that overlaps the slot asked for."""

    kind: str  # "appointment" or "busy"
    id: int
    start: dt.datetime
    end: dt.datetime
    label: str

    def describe(self, locale: str = locale_format.DEFAULT_LOCALE) -> str:
        """E.g. 'Ann (Mon 23 Nov 10:00–10:50)'; 'Ann (Mon, Nov 23 10:00 AM–10:50 AM)' in en_US."""
        start_day = format_day(self.start, locale=locale)
        if self.start.date() == self.end.date():
            span = f"{start_day} {locale_format.time_range(self.start, self.end, locale)}"
        else:
            span = (
                f"{start_day} {locale_format.time(self.start, locale)}–"
                f"{format_day(self.end, locale=locale)} {locale_format.time(self.end, locale)}"
            )
        return f"{self.label} ({span})"


class ConflictError(ValidationError):
    """The slot overlaps other appointments or busy time; ``conflicts`` says which.

    It is a ValidationError on the field "start", so a form shows it next to the
    time; the caller may repeat the action with ``allow_conflict=True``.
    """

    def __init__(
        self,
        conflicts: Iterable[Conflict],
        message: str | None = None,
        *,
        locale: str = locale_format.DEFAULT_LOCALE,
    ) -> None:
        self.conflicts: tuple[Conflict, ...] = tuple(conflicts)
        text = message or conflict_message(self.conflicts, locale)
        super().__init__([FieldError("start", text)])


def conflict_message(
    conflicts: Iterable[Conflict], locale: str = locale_format.DEFAULT_LOCALE
) -> str:
    """A sentence naming what the slot overlaps and how to book it anyway (dates in ``locale``)."""
    names = "; ".join(c.describe(locale) for c in conflicts)
    return (
        f"This time overlaps {names}. Choose another time, or book it anyway "
        "(allow the overlap) if that is intended."
    )


@dataclass(frozen=True)
class AppointmentDetail:
    """One appointment with the names the calendar and the dialog show."""

    id: int
    client_id: int
    client_name: str
    client_preferred_name: str
    practitioner_id: int
    practitioner_name: str
    start: dt.datetime
    duration_minutes: int
    mode: AppointmentMode
    location: str
    notes: str
    status: AppointmentStatus
    series_id: int | None
    original_start: dt.datetime | None
    cancelled_by: CancelledBy | None
    cancel_reason: str
    client_arrived_at: dt.datetime | None
    rescheduled_to_id: int | None
    cancelled_at: dt.datetime | None = None
    service_id: int | None = None
    #: The row version the dialog loaded; handed back to update_appointment.
    version: int = 0

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration_minutes)

    @property
    def individually_moved(self) -> bool:
        """A series occurrence that no longer sits where the series rule put it."""
        return self.original_start is not None and self.start != self.original_start

    def as_input(self) -> AppointmentInput:
        return AppointmentInput(
            client_id=self.client_id,
            practitioner_id=self.practitioner_id,
            start=self.start,
            duration_minutes=self.duration_minutes,
            mode=self.mode,
            location=self.location,
            notes=self.notes,
            service_id=self.service_id,
        )


@dataclass(frozen=True)
class Completion:
    """An appointment marked completed in one step (finalising its note), with what that
    wrote, so the step can be undone: the status it had, and the charge made at once."""

    appointment_id: int
    previous_status: AppointmentStatus
    charge_id: int | None
    detail: AppointmentDetail


@dataclass(frozen=True)
class ClientAppointments:
    """A client's appointments: what is coming, what happened, and how it went.

    ``upcoming`` holds scheduled or arrived appointments from ``now`` on, soonest
    first; ``past`` holds every other appointment (including future ones that
    were cancelled or rescheduled), most recent first.
    """

    upcoming: tuple[AppointmentDetail, ...]
    past: tuple[AppointmentDetail, ...]
    attended: int
    late: int
    no_show: int
    cancelled: int


@dataclass(frozen=True)
class AppointmentCounts:
    """How many appointments a client has, and how they went (one aggregate query).

    ``upcoming``: scheduled or arrived from ``now`` on; ``past``: every other one (the
    same split as :class:`ClientAppointments`).
    """

    upcoming: int
    past: int
    attended: int
    late: int
    no_show: int
    cancelled: int
