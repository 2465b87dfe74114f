"""Free times for a booking: on the quarter-hour grid, inside working hours, on weekdays,
never overlapping what holds a slot (one home: the booking dialog and "running late")."""

from __future__ import annotations

import datetime as dt

from clientcare import appointments
from clientcare.db.engine import Database
from tests.unit.test_lateness import TODAY_10, book, people  # noqa: F401 (a fixture)

MONDAY = TODAY_10.date()


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def test_the_next_free_start_is_after_now_on_the_grid_and_never_overlaps(
    db: Database,
    people: tuple[int, int],  # noqa: F811
) -> None:
    _client, practitioner = people
    book(db, people, TODAY_10, 50)  # 10:00–10:50
    book(db, people, _at(MONDAY, 11), 60)  # 11:00–12:00
    with db.reading() as session:
        # 09:42 (the session in progress is the one at 10:00): not 09:45, it would overlap
        assert appointments.next_free_start(
            session, practitioner, 50, after=_at(MONDAY, 9, 42)
        ) == _at(MONDAY, 12)
        # Short enough for the gap before 10:00.
        assert appointments.next_free_start(
            session, practitioner, 15, after=_at(MONDAY, 9, 42)
        ) == _at(MONDAY, 9, 45)
        # Late on Friday: the next weekday's first free time.
        friday = MONDAY + dt.timedelta(days=4)
        assert appointments.next_free_start(
            session, practitioner, 50, after=_at(friday, 16, 55)
        ) == _at(MONDAY + dt.timedelta(days=7), 9)
        starts = appointments.free_starts(session, practitioner, 50, after=_at(MONDAY, 9), count=3)
    assert starts == [_at(MONDAY, 9), _at(MONDAY, 12), _at(MONDAY, 13)]


def test_the_usual_service_is_the_one_booked_most_lately(
    db: Database,
    people: tuple[int, int],  # noqa: F811
) -> None:
    from clientcare import money
    from clientcare.appointments import AppointmentInput
    from clientcare.money import ServiceInput

    client, practitioner = people
    today = MONDAY
    with db.unit_of_work() as session:
        assert money.usual_service_id(session, today=today) is None  # nothing to go by
        single = money.save_service(session, ServiceInput("Session", "70.00"))
    with db.reading() as session:
        assert money.usual_service_id(session, today=today) == single.id  # the only one
    with db.unit_of_work() as session:
        couple = money.save_service(session, ServiceInput("Couples session", "95.00", 80))
        for days, service in ((1, single), (2, couple), (3, couple), (200, single), (201, single)):
            appointments.create_appointment(
                session,
                AppointmentInput(
                    client,
                    practitioner,
                    _at(today - dt.timedelta(days=days), 9),
                    50,
                    service_id=service.id,
                ),
                now=_at(today - dt.timedelta(days=days), 8),
            )
    with db.reading() as session:
        assert money.usual_service_id(session, today=today) == couple.id  # 2 of 3 lately
