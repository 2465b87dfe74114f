"""Calendar read queries: busy time and the month overview only see their range."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from clientcare import schedule
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    BusyTime,
    Client,
    Practitioner,
)


def seed(db: Database) -> tuple[int, int]:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Ada Example")
        sam = Practitioner(full_name="Sam Sample")
        ann = Client(full_name="Ann Example", preferred_name="Annie", search_key="ann")
        session.add_all([ada, sam, ann])
        session.flush()
        rows = [
            (ada, dt.datetime(2026, 11, 2, 9, 0), AppointmentStatus.COMPLETED),
            (ada, dt.datetime(2026, 11, 2, 11, 0), AppointmentStatus.CANCELLED),
            (sam, dt.datetime(2026, 11, 2, 10, 0), AppointmentStatus.SCHEDULED),
            (ada, dt.datetime(2026, 12, 1, 9, 0), AppointmentStatus.SCHEDULED),
        ]
        for practitioner, start, status in rows:
            session.add(
                Appointment(
                    client_id=ann.id,
                    practitioner_id=practitioner.id,
                    start=start,
                    duration_minutes=50,
                    status=status,
                )
            )
        session.add(
            BusyTime(
                practitioner_id=ada.id,
                starts_at=dt.datetime(2026, 11, 3, 12, 0),
                ends_at=dt.datetime(2026, 11, 3, 13, 0),
                title="Supervision",
            )
        )
        return ada.id, sam.id


def test_month_overview_counts_active_appointments_in_range(db: Database) -> None:
    ada, _sam = seed(db)
    with db.reading() as session:
        all_of_them = schedule.month_overview(session, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
        only_ada = schedule.month_overview(
            session, dt.date(2026, 11, 1), dt.date(2026, 11, 30), ada
        )
    assert all_of_them == {
        dt.date(2026, 11, 2): [(dt.time(9, 0), "Annie"), (dt.time(10, 0), "Annie")]
    }
    assert only_ada == {dt.date(2026, 11, 2): [(dt.time(9, 0), "Annie")]}


def test_month_days_counts_every_appointment_and_reads_the_first_few(db: Database) -> None:
    ada, sam = seed(db)
    with db.unit_of_work() as session:
        ann = session.scalar(select(Client.id))
        for hour in (12, 13, 14, 15, 16):  # a busy Monday for Sam
            session.add(
                Appointment(
                    client_id=ann,
                    practitioner_id=sam,
                    start=dt.datetime(2026, 11, 2, hour, 0),
                    duration_minutes=50,
                    status=AppointmentStatus.SCHEDULED,
                )
            )
    with db.reading() as session:
        month = schedule.month_days(session, dt.date(2026, 10, 26), dt.date(2026, 12, 6), per_day=3)
        only_ada = schedule.month_days(
            session, dt.date(2026, 10, 26), dt.date(2026, 12, 6), ada, per_day=3
        )
        counted = session.scalar(
            select(func.count())
            .select_from(Appointment)
            .where(
                Appointment.start >= dt.datetime(2026, 11, 2),
                Appointment.start < dt.datetime(2026, 11, 3),
                Appointment.status != AppointmentStatus.CANCELLED,
            )
        )
    monday = month[dt.date(2026, 11, 2)]
    # 9:00 Ada, 10:00 Sam, then Sam from 12:00 to 16:00 (the cancelled 11:00 is not counted).
    assert monday.count == counted == 7
    assert monday.first == ((dt.time(9), "Annie"), (dt.time(10), "Annie"), (dt.time(12), "Annie"))
    assert month[dt.date(2026, 12, 1)] == schedule.MonthDay(1, ((dt.time(9), "Annie"),))
    assert set(month) == {dt.date(2026, 11, 2), dt.date(2026, 12, 1)}
    assert only_ada[dt.date(2026, 11, 2)] == schedule.MonthDay(1, ((dt.time(9), "Annie"),))


def test_busy_time_overlapping_the_range(db: Database) -> None:
    _ada, sam = seed(db)
    with db.reading() as session:
        day = schedule.busy_between(
            session, dt.datetime(2026, 11, 3, 12, 30), dt.datetime(2026, 11, 3, 18, 0)
        )
        other = schedule.busy_between(
            session, dt.datetime(2026, 11, 3), dt.datetime(2026, 11, 4), sam
        )
        before = schedule.busy_between(
            session, dt.datetime(2026, 11, 3, 8), dt.datetime(2026, 11, 3, 12)
        )
    assert [(b.title, b.starts_at.hour) for b in day] == [("Supervision", 12)]
    assert other == []
    assert before == []  # ends exactly when the busy time starts: no overlap
