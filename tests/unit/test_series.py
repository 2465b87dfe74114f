"""Recurring series: rules, materialised occurrences, moving/cancelling/editing by scope."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.rrule import rrulestr
from sqlalchemy import func, select

from clientcare import appointments as ap
from clientcare import clients, series
from clientcare.appointments import AppointmentInput, ConflictError
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentMode,
    AppointmentSeries,
    AppointmentStatus,
    CancelledBy,
    ClientStatus,
    Practitioner,
)
from clientcare.errors import ValidationError
from clientcare.series import Frequency, Scope, SeriesRule

NOW = dt.datetime(2026, 11, 23, 9, 0)
TUESDAY_10 = dt.datetime(2026, 12, 1, 10, 0)
WEEK = dt.timedelta(days=7)
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def people(db: Database) -> tuple[int, int]:
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=NOW.date(),
        )
        practitioner = Practitioner(full_name="Pat Practitioner")
        session.add(practitioner)
        session.flush()
        return client.id, practitioner.id


def make_series(
    db: Database,
    people: tuple[int, int],
    rule: SeriesRule,
    start: dt.datetime = TUESDAY_10,
    **kwargs: object,
) -> series.SeriesResult:
    data = AppointmentInput(people[0], people[1], start, 50, location="Room 1")
    with db.unit_of_work() as session:
        return series.create_series(session, data, rule, now=NOW, **kwargs)  # type: ignore[arg-type]


def weekly(count: int = 6, interval: int = 1) -> SeriesRule:
    return SeriesRule(Frequency.WEEKLY, interval=interval, count=count)


def starts(db: Database, series_id: int | None = None) -> dict[int, tuple[dt.datetime, ...]]:
    """id → (start, original_start) of every appointment (of one series if given)."""
    with db.reading() as session:
        query = select(Appointment).order_by(Appointment.id)
        if series_id is not None:
            query = query.where(Appointment.series_id == series_id)
        return {a.id: (a.start, a.original_start) for a in session.scalars(query)}  # type: ignore[misc]


def row_counts(db: Database) -> tuple[int, int]:
    with db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(Appointment)) or 0,
            session.scalar(select(func.count()).select_from(AppointmentSeries)) or 0,
        )


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


def test_weekly_and_every_two_weeks() -> None:
    assert series.occurrences(TUESDAY_10, weekly(3)) == [
        TUESDAY_10,
        TUESDAY_10 + WEEK,
        TUESDAY_10 + 2 * WEEK,
    ]
    assert series.occurrences(TUESDAY_10, weekly(3, interval=2)) == [
        dt.datetime(2026, 12, 1, 10),
        dt.datetime(2026, 12, 15, 10),
        dt.datetime(2026, 12, 29, 10),
    ]


def test_until_includes_the_last_day() -> None:
    rule = SeriesRule(Frequency.WEEKLY, interval=2, until=dt.date(2026, 12, 29))
    assert series.occurrences(TUESDAY_10, rule)[-1] == dt.datetime(2026, 12, 29, 10)
    rule = SeriesRule(Frequency.WEEKLY, interval=2, until=dt.date(2026, 12, 28))
    assert series.occurrences(TUESDAY_10, rule)[-1] == dt.datetime(2026, 12, 15, 10)


def test_monthly_second_tuesday() -> None:
    rule = SeriesRule(Frequency.MONTHLY_BY_WEEKDAY, count=3)
    assert series.occurrences(dt.datetime(2026, 12, 8, 14, 0), rule) == [
        dt.datetime(2026, 12, 8, 14, 0),
        dt.datetime(2027, 1, 12, 14, 0),
        dt.datetime(2027, 2, 9, 14, 0),
    ]


def test_monthly_fifth_tuesday_means_the_last() -> None:
    rule = SeriesRule(Frequency.MONTHLY_BY_WEEKDAY, until=dt.date(2027, 3, 31))
    assert series.occurrences(dt.datetime(2026, 12, 29, 9, 0), rule) == [
        dt.datetime(2026, 12, 29, 9, 0),
        dt.datetime(2027, 1, 26, 9, 0),
        dt.datetime(2027, 2, 23, 9, 0),
        dt.datetime(2027, 3, 30, 9, 0),
    ]


@pytest.mark.parametrize(
    ("rule", "field", "fragment"),
    [
        (SeriesRule(Frequency.WEEKLY), "until", "either an end date or a number"),
        (
            SeriesRule(Frequency.WEEKLY, until=dt.date(2027, 1, 1), count=3),
            "until",
            "either an end date or a number",
        ),
        (SeriesRule(Frequency.WEEKLY, until=dt.date(2026, 11, 30)), "until", "cannot end before"),
        (SeriesRule(Frequency.WEEKLY, count=100_000), "count", "at most 200 occurrences"),
        (SeriesRule(Frequency.WEEKLY, count=0), "count", "at least 1"),
        (SeriesRule(Frequency.WEEKLY, interval=0, count=3), "interval", "from 1 to 52"),
        (SeriesRule(Frequency.WEEKLY, until=dt.date(2031, 1, 1)), "until", "at most 200"),
    ],
)
def test_bad_rules_are_explained(rule: SeriesRule, field: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        series.occurrences(TUESDAY_10, rule)
    assert fragment in (caught.value.for_field(field) or "")


@pytest.mark.parametrize(
    ("first", "rule"),
    [
        (TUESDAY_10, weekly(10, interval=2)),
        (TUESDAY_10, SeriesRule(Frequency.WEEKLY, until=dt.date(2027, 6, 30))),
        (dt.datetime(2026, 12, 8, 14, 0), SeriesRule(Frequency.MONTHLY_BY_WEEKDAY, count=12)),
        (
            dt.datetime(2026, 12, 29, 9, 0),
            SeriesRule(Frequency.MONTHLY_BY_WEEKDAY, interval=2, until=dt.date(2028, 1, 1)),
        ),
    ],
)
def test_rrule_text_round_trips_through_dateutil(first: dt.datetime, rule: SeriesRule) -> None:
    text = series.rrule_text(first, rule)
    assert text.startswith("DTSTART:")
    assert list(rrulestr(text)) == series.occurrences(first, rule)


def test_rrule_text_shape() -> None:
    assert series.rrule_text(TUESDAY_10, weekly(10, interval=2)) == (
        "DTSTART:20261201T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10"
    )


# ---------------------------------------------------------------------------
# Creating
# ---------------------------------------------------------------------------


def test_create_series_materialises_every_occurrence(db: Database, people: tuple[int, int]) -> None:
    result = make_series(db, people, weekly(4, interval=2))
    assert [a.start for a in result.appointments] == [TUESDAY_10 + 2 * n * WEEK for n in range(4)]
    assert all(a.series_id == result.series_id for a in result.appointments)
    assert all(a.original_start == a.start for a in result.appointments)
    assert all(a.location == "Room 1" for a in result.appointments)
    with db.reading() as session:
        stored = session.get(AppointmentSeries, result.series_id)
        assert stored is not None
        assert (stored.rrule, stored.starts_on, stored.count) == (
            result.rrule,
            TUESDAY_10.date(),
            4,
        )
    assert row_counts(db) == (4, 1)


def test_huge_count_stores_nothing(db: Database, people: tuple[int, int]) -> None:
    with pytest.raises(ValidationError) as caught:
        make_series(db, people, weekly(100_000))
    assert "at most 200 occurrences" in (caught.value.for_field("count") or "")
    assert row_counts(db) == (0, 0)


def test_bad_first_appointment_and_rule_are_reported_together(
    db: Database, people: tuple[int, int]
) -> None:
    data = AppointmentInput(people[0], None, TUESDAY_10, 0)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        series.create_series(session, data, SeriesRule(Frequency.WEEKLY), now=NOW)
    fields = {e.field for e in caught.value.errors}
    assert fields == {"practitioner_id", "duration_minutes", "until"}
    assert row_counts(db) == (0, 0)


def test_every_conflicting_date_is_listed_and_nothing_stored(
    db: Database, people: tuple[int, int]
) -> None:
    blockers = []
    for week in (1, 3):
        data = AppointmentInput(people[0], people[1], TUESDAY_10 + week * WEEK + HOUR / 2, 50)
        with db.unit_of_work() as session:
            blockers.append(ap.create_appointment(session, data, now=NOW).id)
    with pytest.raises(ConflictError) as caught:
        make_series(db, people, weekly(5))
    assert sorted(c.id for c in caught.value.conflicts) == blockers
    message = caught.value.for_field("start") or ""
    assert "2 of the 5 appointments" in message
    assert "Tue, 8 Dec 2026 10:00" in message
    assert "Tue, 22 Dec 2026 10:00" in message
    assert row_counts(db) == (2, 0)
    result = make_series(db, people, weekly(5), allow_conflicts=True)
    assert len(result.appointments) == 5


# ---------------------------------------------------------------------------
# Moving
# ---------------------------------------------------------------------------


def test_move_this_keeps_the_others(db: Database, people: tuple[int, int]) -> None:
    result = make_series(db, people, weekly(4))
    before = starts(db)
    third = result.appointments[2]
    with db.unit_of_work() as session:
        moved = series.move_occurrence(
            session, third.id, third.start + dt.timedelta(days=1), scope=Scope.THIS, now=NOW
        )
    assert [(m.id, m.start, m.original_start) for m in moved] == [
        (third.id, third.start + dt.timedelta(days=1), third.start)
    ]
    after = starts(db)
    assert {k: v for k, v in after.items() if k != third.id} == {
        k: v for k, v in before.items() if k != third.id
    }


def test_move_following_splits_the_series(db: Database, people: tuple[int, int]) -> None:
    result = make_series(db, people, weekly(6))
    ids = [a.id for a in result.appointments]
    # One earlier and one later occurrence were moved on their own before.
    with db.unit_of_work() as session:
        series.move_occurrence(
            session, ids[1], TUESDAY_10 + WEEK + 3 * HOUR, scope=Scope.THIS, now=NOW
        )
        series.move_occurrence(
            session, ids[4], TUESDAY_10 + 4 * WEEK - 2 * HOUR, scope=Scope.THIS, now=NOW
        )
    before = starts(db)
    with db.unit_of_work() as session:
        moved = series.move_occurrence(
            session, ids[3], TUESDAY_10 + 3 * WEEK + HOUR, scope=Scope.FOLLOWING, now=NOW
        )
    assert [m.id for m in moved] == [ids[3], ids[5]]
    after = starts(db)
    for index in (0, 1, 2):  # earlier ones, including the individually moved one
        assert after[ids[index]] == before[ids[index]]
    assert after[ids[3]] == (TUESDAY_10 + 3 * WEEK + HOUR,) * 2
    assert after[ids[5]] == (TUESDAY_10 + 5 * WEEK + HOUR,) * 2
    assert after[ids[4]][0] == before[ids[4]][0]  # moved on its own: stays put
    with db.reading() as session:
        rows = {a.id: a for a in session.scalars(select(Appointment))}
        old = session.get(AppointmentSeries, result.series_id)
        assert old is not None
        new_id = rows[ids[3]].series_id
        assert new_id != result.series_id
        assert [rows[i].series_id for i in ids] == [result.series_id] * 3 + [new_id] * 3
        assert old.until == dt.date(2026, 12, 21)
        assert list(rrulestr(old.rrule)) == [TUESDAY_10 + n * WEEK for n in range(3)]
        new = session.get(AppointmentSeries, new_id)
        assert new is not None
        assert list(rrulestr(new.rrule)) == [TUESDAY_10 + n * WEEK + HOUR for n in (3, 4, 5)]


def test_move_all_skips_past_and_individually_moved(db: Database, people: tuple[int, int]) -> None:
    result = make_series(db, people, weekly(6))
    ids = [a.id for a in result.appointments]
    with db.unit_of_work() as session:
        series.move_occurrence(
            session, ids[4], TUESDAY_10 + 4 * WEEK + 2 * HOUR, scope=Scope.THIS, now=NOW
        )
        ap.mark_completed(session, ids[0], now=TUESDAY_10 + HOUR)
    before = starts(db)
    later = TUESDAY_10 + WEEK + 2 * HOUR  # the first two are past now
    with db.unit_of_work() as session:
        moved = series.move_occurrence(
            session, ids[3], TUESDAY_10 + 3 * WEEK - HOUR / 2, scope=Scope.ALL, now=later
        )
    assert [m.id for m in moved] == [ids[2], ids[3], ids[5]]
    after = starts(db)
    for index in (0, 1):
        assert after[ids[index]] == before[ids[index]]
    assert after[ids[4]][0] == before[ids[4]][0]
    for index in (2, 3, 5):
        assert after[ids[index]][0] == before[ids[index]][0] - HOUR / 2
        assert after[ids[index]][1] == after[ids[index]][0]
    with db.reading() as session:
        assert {a.series_id for a in session.scalars(select(Appointment))} == {result.series_id}


def test_move_into_a_conflict_lists_it_and_changes_nothing(
    db: Database, people: tuple[int, int]
) -> None:
    result = make_series(db, people, weekly(3))
    blocker = AppointmentInput(people[0], people[1], TUESDAY_10 + 2 * WEEK + HOUR, 50)
    with db.unit_of_work() as session:
        blocker_id = ap.create_appointment(session, blocker, now=NOW).id
    before = starts(db)
    with pytest.raises(ConflictError) as caught, db.unit_of_work() as session:
        series.move_occurrence(
            session, result.appointments[0].id, TUESDAY_10 + HOUR, scope=Scope.ALL, now=NOW
        )
    assert [c.id for c in caught.value.conflicts] == [blocker_id]
    assert starts(db) == before


# ---------------------------------------------------------------------------
# Cancelling and editing
# ---------------------------------------------------------------------------


def test_cancel_one_occurrence(db: Database, people: tuple[int, int]) -> None:
    result = make_series(db, people, weekly(4))
    second = result.appointments[1]
    with db.unit_of_work() as session:
        done = series.cancel_occurrences(
            session, second.id, scope=Scope.THIS, by=CancelledBy.CLIENT, reason="Away", now=NOW
        )
    assert [(d.id, d.status) for d in done] == [(second.id, AppointmentStatus.CANCELLED)]
    with db.reading() as session:
        statuses = [ap.get_appointment(session, a.id).status for a in result.appointments]
    assert statuses.count(AppointmentStatus.SCHEDULED) == 3


def test_cancel_following_leaves_past_and_completed(db: Database, people: tuple[int, int]) -> None:
    result = make_series(db, people, weekly(5))
    ids = [a.id for a in result.appointments]
    with db.unit_of_work() as session:
        ap.mark_completed(session, ids[0], now=TUESDAY_10 + HOUR)
    now = TUESDAY_10 + WEEK + 2 * HOUR  # the second is past but still "scheduled"
    with db.unit_of_work() as session:
        done = series.cancel_occurrences(
            session, ids[2], scope=Scope.ALL, by=CancelledBy.CLIENT, reason="Moving away", now=now
        )
    assert [d.id for d in done] == ids[2:]
    assert done[0].status is AppointmentStatus.CANCELLED  # six days ahead: outside the window
    with db.reading() as session:
        statuses = [ap.get_appointment(session, i).status for i in ids]
    assert statuses[:2] == [AppointmentStatus.COMPLETED, AppointmentStatus.SCHEDULED]


def test_update_following_changes_details_not_times(db: Database, people: tuple[int, int]) -> None:
    result = make_series(db, people, weekly(4))
    third = result.appointments[2]
    change = AppointmentInput(
        people[0], people[1], third.start, 60, mode=AppointmentMode.VIDEO, location="Online"
    )
    with db.unit_of_work() as session:
        updated = series.update_occurrences(
            session, third.id, change, scope=Scope.FOLLOWING, now=NOW
        )
    assert [u.id for u in updated] == [a.id for a in result.appointments[2:]]
    with db.reading() as session:
        rows = [ap.get_appointment(session, a.id) for a in result.appointments]
    assert [(r.location, r.duration_minutes) for r in rows] == [
        ("Room 1", 50),
        ("Room 1", 50),
        ("Online", 60),
        ("Online", 60),
    ]
    assert [r.start for r in rows] == [a.start for a in result.appointments]
