"""Reading appointments: one by id, a window of the diary, the conflicts of a slot, a client's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, select
from sqlalchemy.orm import Session

from clientcare import concurrency
from clientcare.appointments.records import (
    BLOCKING_STATUSES,
    CANCELLED_STATUSES,
    MAX_DURATION,
    AppointmentCounts,
    AppointmentDetail,
    ClientAppointments,
    Conflict,
)
from clientcare.db.engine import plain_rows
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    BusyTime,
    Client,
    Practitioner,
)
from clientcare.errors import NotFoundError


def _detail_query() -> Select[Appointment, str, str, str]:
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


def _details(
    session: Session, query: Select[Appointment, str, str, str]
) -> list[AppointmentDetail]:
    return [
        _from_row(appointment, client_name, preferred_name, practitioner_name)
        for appointment, client_name, preferred_name, practitioner_name in session.execute(query)
    ]


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
    details = _details(session, query)
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
def _practitioner_window() -> Select[Any]:
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


_UPCOMING = frozenset({AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED})
_ATTENDED = frozenset({AppointmentStatus.COMPLETED, AppointmentStatus.ARRIVED})


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
            number(Appointment.status.in_(sorted(CANCELLED_STATUSES))),
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
    return _details(session, query)


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
    return _details(session, query)


def client_appointments(
    session: Session, client_id: int, *, now: dt.datetime
) -> ClientAppointments:
    """Upcoming and past appointments of a client with attendance counts."""
    query = (
        _detail_query()
        .where(Appointment.client_id == client_id)
        .order_by(Appointment.start, Appointment.id)
    )
    details = _details(session, query)
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
        cancelled=sum(1 for d in details if d.status in CANCELLED_STATUSES),
    )
