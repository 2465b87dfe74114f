"""Appointments: validation, overlaps, status changes, cancellations and rescheduling.

Times are naive *practice-local wall-clock* datetimes, exactly as the practitioner
reads them on a clock. No time-zone arithmetic happens here: an appointment that
starts at 00:30 on a daylight-saving change day and lasts 120 minutes ends at
02:30 wall-clock, and is stored exactly as given. (The hour that "does not exist"
on the spring-forward night is still a perfectly good label for a diary slot.)

Every public function that writes takes an open session inside a unit of work
(one user action) and returns plain data, never an ORM object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, select
from sqlalchemy.orm import Session

from clientcare import audit, concurrency, locale_format
from clientcare.db.engine import plain_rows
from clientcare.db.models import (
    Appointment,
    AppointmentMode,
    AppointmentStatus,
    AuditAction,
    BusyTime,
    CancelledBy,
    Client,
    ClientStatus,
    PracticeSettings,
    Practitioner,
    Service,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.practice import get_settings
from clientcare.text import check_text, clean_line

MIN_DURATION = 5
MAX_DURATION = 600  # ten hours; also bounds the overlap query below
MAX_YEARS_PAST = 10
MAX_YEARS_AHEAD = 5
MAX_LOCATION = 200
MAX_NOTES = 20_000
MAX_REASON = 2000
DEFAULT_CANCELLATION_WINDOW_HOURS = 24

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

# Only these hold their slot; a cancelled, rescheduled or missed one frees it.
#: Appointments still to come or under way: the ones a practitioner can be late for.
OPEN_STATUSES: frozenset[AppointmentStatus] = frozenset(
    {AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED}
)
BLOCKING_STATUSES: frozenset[AppointmentStatus] = frozenset(
    {AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED, AppointmentStatus.COMPLETED}
)

_CANCELLED = frozenset({AppointmentStatus.CANCELLED, AppointmentStatus.LATE_CANCELLED})
# Statuses after which the time, client and practitioner are history, not a plan.
_SETTLED = frozenset(
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


# ---------------------------------------------------------------------------
# Plain data in and out
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def _detail_query() -> Select[*tuple[Any, ...]]:
    return (
        select(Appointment, Client.full_name, Client.preferred_name, Practitioner.full_name)
        .join(Client, Client.id == Appointment.client_id)
        .join(Practitioner, Practitioner.id == Appointment.practitioner_id)
    )


def _from_row(
    appointment: Appointment, client_name: str, preferred_name: str, practitioner_name: str
) -> AppointmentDetail:
    return AppointmentDetail(
        id=appointment.id,
        client_id=appointment.client_id,
        client_name=client_name,
        client_preferred_name=preferred_name,
        practitioner_id=appointment.practitioner_id,
        practitioner_name=practitioner_name,
        start=appointment.start,
        duration_minutes=appointment.duration_minutes,
        mode=appointment.mode,
        location=appointment.location,
        notes=appointment.notes,
        status=appointment.status,
        series_id=appointment.series_id,
        original_start=appointment.original_start,
        cancelled_by=appointment.cancelled_by,
        cancel_reason=appointment.cancel_reason or "",
        client_arrived_at=appointment.client_arrived_at,
        rescheduled_to_id=appointment.rescheduled_to_id,
        cancelled_at=appointment.cancelled_at,
        service_id=appointment.service_id,
        version=appointment.version,
    )


def detail_of(session: Session, appointment: Appointment) -> AppointmentDetail:
    """The plain-data view of a loaded appointment (for the series module too)."""
    client = session.get(Client, appointment.client_id)
    practitioner = session.get(Practitioner, appointment.practitioner_id)
    return _from_row(
        appointment,
        client.full_name if client else "",
        client.preferred_name if client else "",
        practitioner.full_name if practitioner else "",
    )


def load(session: Session, appointment_id: int) -> Appointment:
    """The appointment row; raises NotFoundError if it is gone."""
    appointment = session.get(Appointment, appointment_id)
    if appointment is None:
        raise NotFoundError(f"Appointment {appointment_id} no longer exists.")
    return appointment


def get_appointment(session: Session, appointment_id: int) -> AppointmentDetail:
    """One appointment; raises NotFoundError if it is gone."""
    return detail_of(session, load(session, appointment_id))


def load_version(
    session: Session, appointment_id: int, expected_version: int | None
) -> Appointment:
    """The appointment row, checked against the version a view loaded.

    Raises NotFoundError if it is gone, and StaleEdit (nothing written) when someone
    saved it after the view loaded ``expected_version``; None skips the check.
    """
    appointment = load(session, appointment_id)
    concurrency.check_version(
        session, "appointment", appointment.id, appointment.version, expected_version
    )
    return appointment


def _overlapping(start: dt.datetime, end: dt.datetime) -> ColumnElement[bool]:
    # Bounded on both sides of ``start`` so the (practitioner, start) index does
    # the work; the exact end is checked afterwards.
    return and_(
        Appointment.start < end,
        Appointment.start > start - dt.timedelta(minutes=MAX_DURATION),
    )


def appointments_between(
    session: Session,
    start: dt.datetime,
    end: dt.datetime,
    practitioner_id: int | None = None,
    *,
    statuses: Collection[AppointmentStatus] | None = None,
) -> list[AppointmentDetail]:
    """Appointments overlapping [start, end), ordered by start (all statuses unless given)."""
    if practitioner_id is not None and statuses is None:
        # One practitioner's day or week (Today, the Calendar): a statement built once.
        rows = plain_rows(
            session,
            _practitioner_window(),
            {
                "practitioner_id": practitioner_id,
                "end": end,
                "earliest": start - dt.timedelta(minutes=MAX_DURATION),
            },
        )
        # A plain row of the appointment's columns stands in for the Appointment (the same
        # attribute names): the ignore is for that, not for a stub.
        details = [
            _from_row(row, row.client_name, row.preferred_name, row.practitioner_name)  # type: ignore[arg-type]
            for row in rows
        ]
        return [d for d in details if d.end > start]
    query = _detail_query().where(_overlapping(start, end))
    if practitioner_id is not None:
        query = query.where(Appointment.practitioner_id == practitioner_id)
    if statuses is not None:
        query = query.where(Appointment.status.in_(sorted(statuses)))
    query = query.order_by(Appointment.start, Appointment.id)
    details = [_from_row(*row) for row in session.execute(query)]
    return [d for d in details if d.end > start]


#: The columns of an appointment that ``_from_row`` reads (read as plain columns where a
#: screen reads appointments every few seconds).
_DETAIL_COLUMNS = (
    "id",
    "client_id",
    "practitioner_id",
    "start",
    "duration_minutes",
    "mode",
    "location",
    "notes",
    "status",
    "series_id",
    "original_start",
    "cancelled_by",
    "cancel_reason",
    "client_arrived_at",
    "rescheduled_to_id",
    "cancelled_at",
    "service_id",
    "version",
)


@cache
def _practitioner_window() -> Select[*tuple[Any, ...]]:
    """``appointments_between`` for one practitioner, every status, with bound values.

    Built once: building a SELECT costs more than SQLite takes to run it, and the
    screens ask for a day or a week every time they refresh.
    """
    return (
        select(
            *(getattr(Appointment, name) for name in _DETAIL_COLUMNS),
            Client.full_name.label("client_name"),
            Client.preferred_name,
            Practitioner.full_name.label("practitioner_name"),
        )
        .join(Client, Client.id == Appointment.client_id)
        .join(Practitioner, Practitioner.id == Appointment.practitioner_id)
        .where(
            Appointment.practitioner_id == bindparam("practitioner_id"),
            Appointment.start < bindparam("end"),
            Appointment.start > bindparam("earliest"),
        )
        .order_by(Appointment.start, Appointment.id)
    )


def find_conflicts(
    session: Session,
    practitioner_id: int,
    start: dt.datetime,
    end: dt.datetime,
    *,
    exclude_ids: Iterable[int] = (),
) -> list[Conflict]:
    """Appointments that hold their slot and busy times overlapping [start, end).

    Touching is not overlapping: 10:00–10:50 and 10:50–11:40 do not conflict. On
    PostgreSQL the practitioner's schedule is locked until the transaction ends, so a
    booking made after this check cannot race another practitioner's booking.
    """
    concurrency.lock_schedule(session, practitioner_id)
    excluded = set(exclude_ids)
    query = (
        select(Appointment, Client.preferred_name)
        .join(Client, Client.id == Appointment.client_id)
        .where(
            Appointment.practitioner_id == practitioner_id,
            _overlapping(start, end),
            Appointment.status.in_(sorted(BLOCKING_STATUSES)),
        )
    )
    if excluded:
        query = query.where(Appointment.id.not_in(excluded))
    conflicts = []
    for appointment, name in session.execute(query):
        other_end = appointment.start + dt.timedelta(minutes=appointment.duration_minutes)
        if appointment.start < end and start < other_end:
            conflicts.append(
                Conflict("appointment", appointment.id, appointment.start, other_end, name)
            )
    busy = session.scalars(
        select(BusyTime).where(
            BusyTime.practitioner_id == practitioner_id,
            BusyTime.starts_at < end,
            BusyTime.ends_at > start,
        )
    )
    for row in busy:
        conflicts.append(Conflict("busy", row.id, row.starts_at, row.ends_at, row.title or "Busy"))
    return sorted(conflicts, key=lambda c: (c.start, c.kind, c.id))


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def start_problem(start: object, now: dt.datetime) -> FieldError | None:
    """Why ``start`` cannot be an appointment start, or None."""
    if not isinstance(start, dt.datetime):
        return FieldError("start", "Please choose the date and time of the appointment.")
    if start.tzinfo is not None:
        return FieldError("start", "The start must be a local clock time (no time zone).")
    from dateutil.relativedelta import relativedelta  # here: not on the way to Today

    if start < now - relativedelta(years=MAX_YEARS_PAST):
        return FieldError(
            "start",
            f"The start is more than {MAX_YEARS_PAST} years in the past; please check the year.",
        )
    if start > now + relativedelta(years=MAX_YEARS_AHEAD):
        return FieldError(
            "start",
            f"The start is more than {MAX_YEARS_AHEAD} years ahead; please check the year.",
        )
    return None


def _duration_problem(minutes: object) -> FieldError | None:
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        return FieldError("duration_minutes", "Please enter the length in minutes.")
    if minutes < MIN_DURATION:
        return FieldError(
            "duration_minutes", f"An appointment lasts at least {MIN_DURATION} minutes."
        )
    if minutes > MAX_DURATION:
        return FieldError(
            "duration_minutes",
            f"An appointment lasts at most {MAX_DURATION // 60} hours ({MAX_DURATION} minutes).",
        )
    return None


def _client_problem(session: Session, client_id: int | None) -> FieldError | None:
    if client_id is None:
        return FieldError("client_id", "Please choose the client.")
    client = session.get(Client, client_id)
    if client is None:
        return FieldError("client_id", "That client no longer exists; choose another.")
    if client.status is ClientStatus.CLOSED:
        return FieldError(
            "client_id",
            f"{client.full_name}'s file is closed. Reopen it on the Clients screen "
            "(set the status to active) before booking.",
        )
    if client.status is ClientStatus.DECLINED:
        return FieldError(
            "client_id",
            f"{client.full_name} is marked as declined. Set their status to prospect or "
            "active on the Clients screen before booking.",
        )
    return None


def _practitioner_problem(session: Session, practitioner_id: int | None) -> FieldError | None:
    if practitioner_id is None:
        return FieldError("practitioner_id", "Please choose the practitioner.")
    practitioner = session.get(Practitioner, practitioner_id)
    if practitioner is None:
        return FieldError("practitioner_id", "That practitioner no longer exists; choose another.")
    if not practitioner.active:
        return FieldError(
            "practitioner_id",
            f"{practitioner.full_name} is no longer active in the practice; choose another "
            "practitioner.",
        )
    return None


def _clean(data: AppointmentInput) -> tuple[AppointmentInput, list[FieldError]]:
    errors: list[FieldError] = []
    mode = data.mode
    try:
        mode = AppointmentMode(data.mode)
    except ValueError:
        errors.append(FieldError("mode", "Please choose in person, phone or video."))
    cleaned = replace(
        data, mode=mode, location=clean_line(data.location or ""), notes=(data.notes or "").strip()
    )
    for problem in (
        check_text("location", "The location", cleaned.location, max_length=MAX_LOCATION),
        check_text("notes", "The notes", cleaned.notes, max_length=MAX_NOTES, multiline=True),
    ):
        if problem:
            errors.append(problem)
    return cleaned, errors


def validate_against(
    session: Session, data: AppointmentInput, now: dt.datetime, current: Appointment | None
) -> AppointmentInput:
    """The cleaned input, or ValidationError listing every problem.

    For an existing appointment (``current``) an unchanged client, practitioner or
    start is not checked again, so a file closed later can still have its notes edited.
    """
    cleaned, errors = _clean(data)
    if current is None or data.client_id != current.client_id:
        problem = _client_problem(session, data.client_id)
        if problem:
            errors.append(problem)
    if current is None or data.practitioner_id != current.practitioner_id:
        problem = _practitioner_problem(session, data.practitioner_id)
        if problem:
            errors.append(problem)
    duration = _duration_problem(data.duration_minutes)
    if duration:
        errors.append(duration)
    if data.service_id is not None and session.get(Service, data.service_id) is None:
        errors.append(FieldError("service", "That service no longer exists; choose another."))
    if current is None or data.start != current.start:
        problem = start_problem(data.start, now)
        if problem:
            errors.append(problem)
    if not errors:
        try:
            end = data.start + dt.timedelta(minutes=data.duration_minutes)
        except OverflowError:
            end = None
        if end is None or end < data.start:
            errors.append(FieldError("duration_minutes", "The end must be after the start."))
    if errors:
        raise ValidationError(errors)
    return cleaned


def validate_input(
    session: Session, data: AppointmentInput, *, now: dt.datetime
) -> AppointmentInput:
    """The cleaned input for a new appointment; raises ValidationError with every problem."""
    return validate_against(session, data, now, None)


def _check_conflicts(
    session: Session,
    data: AppointmentInput,
    *,
    exclude_ids: Iterable[int] = (),
    allow_conflict: bool,
) -> None:
    if allow_conflict:
        return
    assert data.practitioner_id is not None  # validated
    end = data.start + dt.timedelta(minutes=data.duration_minutes)
    conflicts = find_conflicts(
        session, data.practitioner_id, data.start, end, exclude_ids=exclude_ids
    )
    if conflicts:
        raise ConflictError(conflicts, locale=get_settings(session).locale)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

_FIELDS = (
    "client_id",
    "practitioner_id",
    "start",
    "duration_minutes",
    "mode",
    "location",
    "notes",
    "service_id",
)


def new_appointment(data: AppointmentInput, **extra: object) -> Appointment:
    """An unsaved Appointment row from validated input."""
    return Appointment(**{name: getattr(data, name) for name in _FIELDS}, **extra)


def create_appointment(
    session: Session, data: AppointmentInput, *, now: dt.datetime, allow_conflict: bool = False
) -> AppointmentDetail:
    """Validate and book an appointment; raises ValidationError or ConflictError."""
    cleaned = validate_input(session, data, now=now)
    _check_conflicts(session, cleaned, allow_conflict=allow_conflict)
    appointment = new_appointment(cleaned)
    session.add(appointment)
    session.flush()
    audit.record(session, AuditAction.CREATE, "appointment", appointment.id, _FIELDS)
    return detail_of(session, appointment)


def update_appointment(
    session: Session,
    appointment_id: int,
    data: AppointmentInput,
    *,
    now: dt.datetime,
    allow_conflict: bool = False,
    expected_version: int | None = None,
) -> AppointmentDetail:
    """Validate and store changes; a series occurrence keeps its series and original start.

    With ``expected_version`` (AppointmentDetail.version as loaded), a save after someone
    else's raises StaleEdit and writes nothing.
    """
    appointment = load_version(session, appointment_id, expected_version)
    cleaned = validate_against(session, data, now, appointment)
    changed = [name for name in _FIELDS if getattr(appointment, name) != getattr(cleaned, name)]
    if not changed:
        return detail_of(session, appointment)
    moves = {"client_id", "practitioner_id", "start", "duration_minutes"} & set(changed)
    if moves and appointment.status in _SETTLED:
        label = STATUS_LABELS[appointment.status].lower()
        raise ValidationError.single(
            "status",
            f"This appointment is {label}, so its time and people are kept as a record. "
            "Book a new appointment instead.",
        )
    if moves and appointment.status in BLOCKING_STATUSES:
        _check_conflicts(
            session, cleaned, exclude_ids=(appointment.id,), allow_conflict=allow_conflict
        )
    for name in changed:
        setattr(appointment, name, getattr(cleaned, name))
    with concurrency.saving(session, "appointment", appointment.id):
        session.flush()
    audit.record(session, AuditAction.UPDATE, "appointment", appointment.id, changed)
    return detail_of(session, appointment)


# ---------------------------------------------------------------------------
# Status changes
# ---------------------------------------------------------------------------


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


def _after_outcome(session: Session, appointment_id: int, circumstance: str | None = None) -> None:
    """Charge the outcome at once when the practice charges automatically (clientcare.money)."""
    from clientcare import money  # money reads appointments; imported here to avoid a cycle

    money.after_outcome(session, appointment_id, circumstance)


def mark_completed(
    session: Session,
    appointment_id: int,
    *,
    now: dt.datetime,
    expected_version: int | None = None,
) -> AppointmentDetail:
    """Record that the appointment took place (StaleEdit: see ``mark_arrived``)."""
    appointment = load_version(session, appointment_id, expected_version)
    _require_transition(appointment, AppointmentStatus.COMPLETED)
    _require_started(session, appointment, now, "completed")
    detail = _set_status(session, appointment, AppointmentStatus.COMPLETED)
    _after_outcome(session, appointment.id)
    return detail


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
    _check_conflicts(session, cleaned, exclude_ids=(old.id,), allow_conflict=allow_conflict)
    new = new_appointment(
        cleaned,
        series_id=old.series_id,
        original_start=old.original_start,
    )
    session.add(new)
    session.flush()
    audit.record(session, AuditAction.CREATE, "appointment", new.id, _FIELDS)
    old.rescheduled_to_id = new.id
    _set_status(session, old, AppointmentStatus.RESCHEDULED, "rescheduled_to_id")
    return detail_of(session, new)


# ---------------------------------------------------------------------------
# A client's appointments
# ---------------------------------------------------------------------------

_UPCOMING = frozenset({AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED})
_ATTENDED = frozenset({AppointmentStatus.COMPLETED, AppointmentStatus.ARRIVED})


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


def _is_upcoming(now: dt.datetime) -> ColumnElement[bool]:
    return and_(Appointment.start >= now, Appointment.status.in_(sorted(_UPCOMING)))


def client_appointment_counts(
    session: Session, client_id: int, *, now: dt.datetime
) -> AppointmentCounts:
    """The counts of :func:`client_appointments`, counted by the database."""
    attended = Appointment.status.in_(sorted(_ATTENDED))

    def number(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    row = session.execute(
        select(
            func.count(),
            number(_is_upcoming(now)),
            number(attended),
            number(
                and_(
                    attended,
                    Appointment.client_arrived_at.is_not(None),
                    Appointment.client_arrived_at > Appointment.start,
                )
            ),
            number(Appointment.status == AppointmentStatus.NO_SHOW),
            number(Appointment.status.in_(sorted(_CANCELLED))),
        ).where(Appointment.client_id == client_id)
    ).one()
    total, upcoming, attended_count, late, no_show, cancelled = (int(n or 0) for n in row)
    return AppointmentCounts(
        upcoming=upcoming,
        past=total - upcoming,
        attended=attended_count,
        late=late,
        no_show=no_show,
        cancelled=cancelled,
    )


def client_upcoming(
    session: Session, client_id: int, *, now: dt.datetime, offset: int = 0, limit: int | None = None
) -> list[AppointmentDetail]:
    """The client's upcoming appointments (scheduled or arrived, from ``now`` on), soonest
    first; ``limit`` of them from ``offset``."""
    query = (
        _detail_query()
        .where(Appointment.client_id == client_id, _is_upcoming(now))
        .order_by(Appointment.start, Appointment.id)
        .offset(offset)
        .limit(limit)
    )
    return [_from_row(*row) for row in session.execute(query)]


def client_past(
    session: Session, client_id: int, *, now: dt.datetime, offset: int = 0, limit: int | None = None
) -> list[AppointmentDetail]:
    """Every other appointment of the client (what happened, and future ones cancelled or
    rescheduled), most recent first; ``limit`` of them from ``offset``."""
    query = (
        _detail_query()
        .where(Appointment.client_id == client_id, ~_is_upcoming(now))
        .order_by(Appointment.start.desc(), Appointment.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [_from_row(*row) for row in session.execute(query)]


def client_appointments(
    session: Session, client_id: int, *, now: dt.datetime
) -> ClientAppointments:
    """Upcoming and past appointments of a client with attendance counts."""
    query = (
        _detail_query()
        .where(Appointment.client_id == client_id)
        .order_by(Appointment.start, Appointment.id)
    )
    details = [_from_row(*row) for row in session.execute(query)]
    upcoming = [d for d in details if d.start >= now and d.status in _UPCOMING]
    upcoming_ids = {d.id for d in upcoming}
    past = [d for d in reversed(details) if d.id not in upcoming_ids]
    attended = {AppointmentStatus.COMPLETED, AppointmentStatus.ARRIVED}
    return ClientAppointments(
        upcoming=tuple(upcoming),
        past=tuple(past),
        attended=sum(1 for d in details if d.status in attended),
        late=sum(
            1
            for d in details
            if d.status in attended
            and d.client_arrived_at is not None
            and d.client_arrived_at > d.start
        ),
        no_show=sum(1 for d in details if d.status is AppointmentStatus.NO_SHOW),
        cancelled=sum(1 for d in details if d.status in _CANCELLED),
    )
