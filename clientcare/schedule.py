"""Read-side queries for the calendar: busy time and the month overview, range-limited."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare.db.models import Appointment, AppointmentStatus, BusyTime, Client

#: Statuses that occupy a slot in the calendar.
ACTIVE_STATUSES = (
    AppointmentStatus.SCHEDULED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.COMPLETED,
)


@dataclass(frozen=True)
class BusyRow:
    id: int
    practitioner_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    title: str


def busy_between(
    session: Session, start: dt.datetime, end: dt.datetime, practitioner_id: int | None = None
) -> list[BusyRow]:
    """Busy time overlapping [start, end), for one practitioner or all."""
    query = (
        select(BusyTime)
        .where(BusyTime.starts_at < end, BusyTime.ends_at > start)
        .order_by(BusyTime.starts_at)
    )
    if practitioner_id is not None:
        query = query.where(BusyTime.practitioner_id == practitioner_id)
    return [
        BusyRow(b.id, b.practitioner_id, b.starts_at, b.ends_at, b.title or "Busy")
        for b in session.scalars(query)
    ]


def month_overview(
    session: Session, first: dt.date, last: dt.date, practitioner_id: int | None = None
) -> dict[dt.date, list[tuple[dt.time, str]]]:
    """Per day from ``first`` to ``last``: (start, preferred name) of each active appointment."""
    start = dt.datetime.combine(first, dt.time(0))
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0))
    query = (
        select(Appointment.start, Client.preferred_name)
        .join(Client, Client.id == Appointment.client_id)
        .where(
            Appointment.start >= start,
            Appointment.start < end,
            Appointment.status.in_(ACTIVE_STATUSES),
        )
        .order_by(Appointment.start)
    )
    if practitioner_id is not None:
        query = query.where(Appointment.practitioner_id == practitioner_id)
    days: dict[dt.date, list[tuple[dt.time, str]]] = defaultdict(list)
    for moment, name in session.execute(query):
        days[moment.date()].append((moment.time(), name))
    return dict(days)


@dataclass(frozen=True)
class MonthDay:
    """One day of the month overview: how many active appointments, and the first few."""

    count: int
    first: tuple[tuple[dt.time, str], ...]


def month_days(
    session: Session,
    first: dt.date,
    last: dt.date,
    practitioner_id: int | None = None,
    *,
    per_day: int,
) -> dict[dt.date, MonthDay]:
    """Per day from ``first`` to ``last`` with any active appointment: their number, and
    (start, preferred name) of the first ``per_day`` of them in time order.

    A month of a large practice's whole calendar is thousands of appointments; a day's
    square shows a handful. The database counts them and picks the first few of each day
    (a window function), so what is read does not grow with the practice.
    """
    start = dt.datetime.combine(first, dt.time(0))
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0))
    day = func.date(Appointment.start)
    conditions = [
        Appointment.start >= start,
        Appointment.start < end,
        Appointment.status.in_(ACTIVE_STATUSES),
    ]
    if practitioner_id is not None:
        conditions.append(Appointment.practitioner_id == practitioner_id)
    ranked = (
        select(
            Appointment.start.label("start"),
            Client.preferred_name.label("name"),
            func.row_number()
            .over(partition_by=day, order_by=(Appointment.start, Appointment.id))
            .label("place"),
            func.count().over(partition_by=day).label("count"),
        )
        .join(Client, Client.id == Appointment.client_id)
        .where(*conditions)
        .subquery()
    )
    query = (
        select(ranked.c.start, ranked.c.name, ranked.c.count)
        .where(ranked.c.place <= per_day)
        .order_by(ranked.c.start, ranked.c.place)
    )
    counts: dict[dt.date, int] = {}
    entries: dict[dt.date, list[tuple[dt.time, str]]] = defaultdict(list)
    for moment, name, count in session.execute(query):
        counts[moment.date()] = count
        entries[moment.date()].append((moment.time(), name))
    return {key: MonthDay(counts[key], tuple(entries[key])) for key in counts}
