"""Booking an appointment: the input checked (every problem at once) and written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy.orm import Session

from clientcare import audit, concurrency
from clientcare.appointments.queries import detail_of, find_conflicts, load_version
from clientcare.appointments.records import (
    BLOCKING_STATUSES,
    MAX_DURATION,
    SETTLED_STATUSES,
    STATUS_LABELS,
    AppointmentDetail,
    AppointmentInput,
    ConflictError,
)
from clientcare.db.models import (
    Appointment,
    AppointmentMode,
    AuditAction,
    Client,
    ClientStatus,
    Practitioner,
    Service,
)
from clientcare.errors import FieldError, ValidationError
from clientcare.practice import get_settings
from clientcare.text import check_text, clean_line

MIN_DURATION = 5
MAX_YEARS_PAST = 10
MAX_YEARS_AHEAD = 5
MAX_LOCATION = 200
MAX_NOTES = 20_000


def start_problem(start: object, now: dt.datetime) -> FieldError | None:
    """Why ``start`` cannot be an appointment start, or None."""
    if not isinstance(start, dt.datetime):
        return FieldError("start", "Please choose the date and time of the appointment.")
    if start.tzinfo is not None:
        return FieldError("start", "The start must be a local clock time (no time zone).")
    # Here: not on the way to Today. (No stubs for python-dateutil in the environment.)
    from dateutil.relativedelta import relativedelta

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


def check_conflicts(
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


FIELDS = (
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
    return Appointment(**{name: getattr(data, name) for name in FIELDS}, **extra)


def create_appointment(
    session: Session, data: AppointmentInput, *, now: dt.datetime, allow_conflict: bool = False
) -> AppointmentDetail:
    """Validate and book an appointment; raises ValidationError or ConflictError."""
    cleaned = validate_input(session, data, now=now)
    check_conflicts(session, cleaned, allow_conflict=allow_conflict)
    appointment = new_appointment(cleaned)
    session.add(appointment)
    session.flush()
    audit.record(session, AuditAction.CREATE, "appointment", appointment.id, FIELDS)
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
    changed = [name for name in FIELDS if getattr(appointment, name) != getattr(cleaned, name)]
    if not changed:
        return detail_of(session, appointment)
    moves = {"client_id", "practitioner_id", "start", "duration_minutes"} & set(changed)
    if moves and appointment.status in SETTLED_STATUSES:
        label = STATUS_LABELS[appointment.status].lower()
        raise ValidationError.single(
            "status",
            f"This appointment is {label}, so its time and people are kept as a record. "
            "Book a new appointment instead.",
        )
    if moves and appointment.status in BLOCKING_STATUSES:
        check_conflicts(
            session, cleaned, exclude_ids=(appointment.id,), allow_conflict=allow_conflict
        )
    for name in changed:
        setattr(appointment, name, getattr(cleaned, name))
    with concurrency.saving(session, "appointment", appointment.id):
        session.flush()
    audit.record(session, AuditAction.UPDATE, "appointment", appointment.id, changed)
    return detail_of(session, appointment)
