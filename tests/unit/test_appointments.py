"""Appointment rules: validation, overlaps, status changes, cancellations, rescheduling."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clientcare import appointments as ap
from clientcare import clients
from clientcare.appointments import AppointmentInput, ConflictError
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentMode,
    AppointmentStatus,
    AuditEntry,
    BusyTime,
    CancelledBy,
    Client,
    ClientStatus,
    Practitioner,
)
from clientcare.errors import NotFoundError, ValidationError

NOW = dt.datetime(2026, 11, 23, 9, 0)
MONDAY_10 = dt.datetime(2026, 11, 30, 10, 0)

S = AppointmentStatus


def add_client(db: Database, name: str = "Ann Example", **fields: object) -> int:
    with db.unit_of_work() as session:
        detail = clients.create_client(
            session,
            ClientInput(full_name=name, status=ClientStatus.ACTIVE, **fields),  # type: ignore[arg-type]
            region="GB",
            today=NOW.date(),
        )
    return detail.id


def add_practitioner(db: Database, name: str = "Pat Practitioner", active: bool = True) -> int:
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name=name, active=active)
        session.add(practitioner)
        session.flush()
        return practitioner.id


@pytest.fixture
def people(db: Database) -> tuple[int, int]:
    return add_client(db), add_practitioner(db)


def book(
    db: Database,
    people: tuple[int, int],
    start: dt.datetime = MONDAY_10,
    minutes: int = 50,
    *,
    allow_conflict: bool = False,
    client_id: int | None = None,
    **fields: object,
) -> ap.AppointmentDetail:
    data = AppointmentInput(
        client_id or people[0],
        people[1],
        start,
        minutes,
        **fields,  # type: ignore[arg-type]
    )
    with db.unit_of_work() as session:
        return ap.create_appointment(session, data, now=NOW, allow_conflict=allow_conflict)


def count_rows(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Appointment)) or 0


def refused(db: Database, data: AppointmentInput, **kwargs: object) -> ValidationError:
    before = count_rows(db)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ap.create_appointment(session, data, now=NOW, **kwargs)  # type: ignore[arg-type]
    assert count_rows(db) == before
    return caught.value


# ---------------------------------------------------------------------------
# Creating and reading
# ---------------------------------------------------------------------------


def test_create_and_read_back(db: Database, people: tuple[int, int]) -> None:
    created = book(
        db,
        people,
        mode=AppointmentMode.VIDEO,
        location="  Video   link ",
        notes=" Bring the form \n",
    )
    assert created.start == MONDAY_10
    assert created.end == dt.datetime(2026, 11, 30, 10, 50)
    assert created.client_name == "Ann Example"
    assert created.client_preferred_name == "Ann"
    assert created.practitioner_name == "Pat Practitioner"
    assert created.location == "Video link"
    assert created.notes == "Bring the form"
    assert created.status is S.SCHEDULED
    assert created.series_id is None
    with db.reading() as session:
        assert ap.get_appointment(session, created.id) == created
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "appointment")).one()
        assert "notes" in entry.fields.split(",")
        assert "Bring" not in entry.fields


def test_missing_appointment_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError), db.reading() as session:
        ap.get_appointment(session, 999)


def test_appointments_between_is_ordered_and_limited_to_the_range(
    db: Database, people: tuple[int, int]
) -> None:
    other = add_practitioner(db, "Robin Other")
    late = book(db, people, MONDAY_10 + dt.timedelta(hours=3))
    early = book(db, people, MONDAY_10 - dt.timedelta(hours=1))
    book(db, (people[0], other), MONDAY_10)
    book(db, people, MONDAY_10 + dt.timedelta(days=1))
    day_start = dt.datetime(2026, 11, 30)
    with db.reading() as session:
        mine = ap.appointments_between(
            session, day_start, day_start + dt.timedelta(days=1), people[1]
        )
        everyone = ap.appointments_between(session, day_start, day_start + dt.timedelta(days=1))
        # An appointment still running at the start of the range is in it.
        running = ap.appointments_between(session, MONDAY_10 - dt.timedelta(minutes=30), MONDAY_10)
    assert [a.id for a in mine] == [early.id, late.id]
    assert len(everyone) == 3
    assert [a.id for a in running] == [early.id]


def test_every_problem_is_reported_at_once(db: Database) -> None:
    error = refused(db, AppointmentInput(None, None, MONDAY_10, 0, location="x" * 201))
    assert error.for_field("client_id") == "Please choose the client."
    assert error.for_field("practitioner_id") == "Please choose the practitioner."
    assert "at least 5 minutes" in (error.for_field("duration_minutes") or "")
    assert "too long" in (error.for_field("location") or "")


@pytest.mark.parametrize(
    ("minutes", "fragment"),
    [(0, "at least 5 minutes"), (-30, "at least 5 minutes"), (4, "at least 5 minutes"),
     (601, "at most 10 hours"), (100_000, "at most 10 hours")],
)  # fmt: skip
def test_duration_limits(
    db: Database, people: tuple[int, int], minutes: int, fragment: str
) -> None:
    error = refused(db, AppointmentInput(people[0], people[1], MONDAY_10, minutes))
    assert fragment in (error.for_field("duration_minutes") or "")


@pytest.mark.parametrize("minutes", [5, 600])
def test_duration_bounds_are_allowed(db: Database, people: tuple[int, int], minutes: int) -> None:
    assert book(db, people, minutes=minutes).duration_minutes == minutes


@pytest.mark.parametrize(
    ("start", "fragment"),
    [
        (dt.datetime(2016, 11, 1, 10, 0), "more than 10 years in the past"),
        (dt.datetime(2031, 12, 1, 10, 0), "more than 5 years ahead"),
    ],
)
def test_start_far_away_is_refused(
    db: Database, people: tuple[int, int], start: dt.datetime, fragment: str
) -> None:
    error = refused(db, AppointmentInput(people[0], people[1], start, 50))
    assert fragment in (error.for_field("start") or "")


def test_recent_past_start_is_allowed(db: Database, people: tuple[int, int]) -> None:
    assert book(db, people, dt.datetime(2020, 1, 6, 10, 0)).start.year == 2020


def test_closed_client_is_refused_with_the_way_out(db: Database, people: tuple[int, int]) -> None:
    with db.unit_of_work() as session:
        session.get(Client, people[0]).status = ClientStatus.CLOSED  # type: ignore[union-attr]
    error = refused(db, AppointmentInput(people[0], people[1], MONDAY_10, 50))
    assert error.for_field("client_id") == (
        "Ann Example's file is closed. Reopen it on the Clients screen "
        "(set the status to active) before booking."
    )


def test_declined_client_is_refused(db: Database, people: tuple[int, int]) -> None:
    with db.unit_of_work() as session:
        session.get(Client, people[0]).status = ClientStatus.DECLINED  # type: ignore[union-attr]
    error = refused(db, AppointmentInput(people[0], people[1], MONDAY_10, 50))
    assert "declined" in (error.for_field("client_id") or "")


def test_missing_client_and_inactive_or_missing_practitioner(
    db: Database, people: tuple[int, int]
) -> None:
    error = refused(db, AppointmentInput(9999, 9999, MONDAY_10, 50))
    assert "no longer exists" in (error.for_field("client_id") or "")
    assert "no longer exists" in (error.for_field("practitioner_id") or "")
    gone = add_practitioner(db, "Lee Left", active=False)
    error = refused(db, AppointmentInput(people[0], gone, MONDAY_10, 50))
    assert "Lee Left is no longer active" in (error.for_field("practitioner_id") or "")


def test_dst_spring_forward_is_plain_wall_clock(db: Database, people: tuple[int, int]) -> None:
    # 2027-03-28 01:00 GMT the UK clocks jump to 02:00; the diary does not care.
    start = dt.datetime(2027, 3, 28, 0, 30)
    created = book(db, people, start, 120)
    assert (created.start, created.end) == (start, dt.datetime(2027, 3, 28, 2, 30))
    with db.reading() as session:
        stored = session.get(Appointment, created.id)
        assert stored is not None
        assert (stored.start, stored.duration_minutes) == (start, 120)


# ---------------------------------------------------------------------------
# Overlaps
# ---------------------------------------------------------------------------


def test_overlap_with_another_appointment_names_it(db: Database, people: tuple[int, int]) -> None:
    first = book(db, people)
    bob = add_client(db, "Robert Sample", preferred_name="Bob")
    error = refused(db, AppointmentInput(bob, people[1], MONDAY_10 + dt.timedelta(minutes=30), 50))
    assert isinstance(error, ConflictError)
    assert [(c.kind, c.id) for c in error.conflicts] == [("appointment", first.id)]
    message = error.for_field("start") or ""
    assert "Ann (Mon 30 Nov 10:00–10:50)" in message
    assert "book it anyway" in message


def test_overlap_with_busy_time(db: Database, people: tuple[int, int]) -> None:
    with db.unit_of_work() as session:
        session.add(
            BusyTime(
                practitioner_id=people[1],
                starts_at=MONDAY_10 - dt.timedelta(hours=2),
                ends_at=MONDAY_10 + dt.timedelta(minutes=5),
                title="Dentist",
            )
        )
    error = refused(db, AppointmentInput(people[0], people[1], MONDAY_10, 50))
    assert isinstance(error, ConflictError)
    assert error.conflicts[0].kind == "busy"
    assert "Dentist (Mon 30 Nov 08:00–10:05)" in (error.for_field("start") or "")


def test_override_books_the_overlap(db: Database, people: tuple[int, int]) -> None:
    book(db, people)
    book(db, people, allow_conflict=True)
    assert count_rows(db) == 2


def test_adjacent_appointments_do_not_conflict(db: Database, people: tuple[int, int]) -> None:
    book(db, people, MONDAY_10, 50)
    book(db, people, MONDAY_10 + dt.timedelta(minutes=50), 50)
    book(db, people, MONDAY_10 - dt.timedelta(minutes=50), 50)
    assert count_rows(db) == 3


def test_other_practitioner_and_cancelled_slots_do_not_block(
    db: Database, people: tuple[int, int]
) -> None:
    first = book(db, people)
    with db.unit_of_work() as session:
        ap.cancel_appointment(session, first.id, by=CancelledBy.PRACTITIONER, reason="Ill", now=NOW)
    book(db, people)
    book(db, (people[0], add_practitioner(db, "Robin Other")))
    assert count_rows(db) == 3


@pytest.mark.parametrize("status", [S.CANCELLED, S.LATE_CANCELLED, S.NO_SHOW, S.RESCHEDULED])
def test_only_held_slots_block(
    db: Database, people: tuple[int, int], status: AppointmentStatus
) -> None:
    first = book(db, people)
    end = MONDAY_10 + dt.timedelta(hours=1)
    with db.unit_of_work() as session:
        assert [c.id for c in ap.find_conflicts(session, people[1], MONDAY_10, end)] == [first.id]
        session.get(Appointment, first.id).status = status  # type: ignore[union-attr]
        session.flush()
        assert ap.find_conflicts(session, people[1], MONDAY_10, end) == []
        assert ap.find_conflicts(session, people[1], MONDAY_10, end, exclude_ids=[first.id]) == []


def test_long_earlier_appointment_is_found(db: Database, people: tuple[int, int]) -> None:
    long_one = book(db, people, MONDAY_10 - dt.timedelta(hours=9), 600)
    with db.reading() as session:
        found = ap.find_conflicts(
            session,
            people[1],
            MONDAY_10 + dt.timedelta(minutes=30),
            MONDAY_10 + dt.timedelta(hours=2),
        )
    assert [c.id for c in found] == [long_one.id]


def test_update_keeps_series_fields_and_checks_overlaps(
    db: Database, people: tuple[int, int]
) -> None:
    first = book(db, people)
    second = book(db, people, MONDAY_10 + dt.timedelta(hours=2))
    with db.unit_of_work() as session:
        row = session.get(Appointment, second.id)
        assert row is not None
        row.original_start = row.start
    moved = replace_start(second, MONDAY_10 + dt.timedelta(minutes=20))
    with pytest.raises(ConflictError), db.unit_of_work() as session:
        ap.update_appointment(session, second.id, moved, now=NOW)
    with db.unit_of_work() as session:
        updated = ap.update_appointment(session, second.id, moved, now=NOW, allow_conflict=True)
    assert updated.start == MONDAY_10 + dt.timedelta(minutes=20)
    assert updated.original_start == MONDAY_10 + dt.timedelta(hours=2)
    # Changing only the notes of the first does not trip over the overlap it now has.
    with db.unit_of_work() as session:
        noted = ap.update_appointment(
            session,
            first.id,
            ap.AppointmentInput(**{**vars(first.as_input()), "notes": "x"}),
            now=NOW,
        )
    assert noted.notes == "x"


def replace_start(detail: ap.AppointmentDetail, start: dt.datetime) -> AppointmentInput:
    return AppointmentInput(**{**vars(detail.as_input()), "start": start})


# ---------------------------------------------------------------------------
# Status changes
# ---------------------------------------------------------------------------


def test_arrive_then_complete(db: Database, people: tuple[int, int]) -> None:
    created = book(db, people)
    arrived_at = MONDAY_10 + dt.timedelta(minutes=4)
    with db.unit_of_work() as session:
        arrived = ap.mark_arrived(session, created.id, arrived_at=arrived_at)
    assert (arrived.status, arrived.client_arrived_at) == (S.ARRIVED, arrived_at)
    with db.unit_of_work() as session:
        done = ap.mark_completed(session, created.id, now=MONDAY_10 + dt.timedelta(hours=1))
    assert done.status is S.COMPLETED


def test_complete_directly_and_no_show_then_arrived(db: Database, people: tuple[int, int]) -> None:
    one = book(db, people)
    two = book(db, people, MONDAY_10 + dt.timedelta(hours=1))
    later = MONDAY_10 + dt.timedelta(hours=3)
    with db.unit_of_work() as session:
        assert ap.mark_completed(session, one.id, now=later).status is S.COMPLETED
        assert ap.mark_no_show(session, two.id, now=later).status is S.NO_SHOW
        back = ap.mark_arrived(session, two.id, arrived_at=later)
    assert back.status is S.ARRIVED


def test_every_allowed_transition_is_offered() -> None:
    assert ap.ALLOWED_TRANSITIONS[S.SCHEDULED] == {
        S.ARRIVED, S.COMPLETED, S.NO_SHOW, S.CANCELLED, S.LATE_CANCELLED, S.RESCHEDULED
    }  # fmt: skip
    for final in (S.COMPLETED, S.CANCELLED, S.LATE_CANCELLED, S.RESCHEDULED):
        assert ap.ALLOWED_TRANSITIONS[final] == frozenset()
    assert set(ap.STATUS_LABELS) == set(S)
    assert set(ap.MODE_LABELS) == set(AppointmentMode)


def test_illegal_transitions_say_what_is_possible(db: Database, people: tuple[int, int]) -> None:
    created = book(db, people)
    later = MONDAY_10 + dt.timedelta(hours=2)
    with db.unit_of_work() as session:
        ap.mark_completed(session, created.id, now=later)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ap.mark_no_show(session, created.id, now=later)
    assert caught.value.for_field("status") == (
        "This appointment is completed, so it cannot be marked no-show; "
        "its status cannot change any more."
    )
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ap.cancel_appointment(
            session, created.id, by=CancelledBy.CLIENT, reason="Forgot", now=later
        )
    assert "cannot be marked" in (caught.value.for_field("status") or "")
    arrived = book(db, people, MONDAY_10 + dt.timedelta(days=1))
    with db.unit_of_work() as session:
        ap.mark_arrived(session, arrived.id, arrived_at=arrived.start)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ap.mark_no_show(session, arrived.id, now=later + dt.timedelta(days=1))
    assert "it can only become completed" in (caught.value.for_field("status") or "")
    with db.reading() as session:
        assert session.get(Appointment, created.id).status is S.COMPLETED  # type: ignore[union-attr]


def test_no_show_and_completed_wait_for_the_start(db: Database, people: tuple[int, int]) -> None:
    created = book(db, people)
    for mark in (ap.mark_no_show, ap.mark_completed):
        with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
            mark(session, created.id, now=NOW)
        assert "has not started yet" in (caught.value.for_field("status") or "")


@pytest.mark.parametrize(
    ("hours_before", "by", "expected"),
    [
        (30, CancelledBy.CLIENT, S.CANCELLED),
        (24, CancelledBy.CLIENT, S.CANCELLED),
        (23, CancelledBy.CLIENT, S.LATE_CANCELLED),
        (-1, CancelledBy.CLIENT, S.LATE_CANCELLED),
        (2, CancelledBy.PRACTITIONER, S.CANCELLED),
    ],
)
def test_cancellation_window(
    db: Database,
    people: tuple[int, int],
    hours_before: int,
    by: CancelledBy,
    expected: AppointmentStatus,
) -> None:
    created = book(db, people)
    now = MONDAY_10 - dt.timedelta(hours=hours_before)
    with db.unit_of_work() as session:
        cancelled = ap.cancel_appointment(session, created.id, by=by, reason="  Unwell ", now=now)
    assert cancelled.status is expected
    assert (cancelled.cancelled_by, cancelled.cancel_reason, cancelled.cancelled_at) == (
        by,
        "Unwell",
        now,
    )


def test_cancel_needs_a_reason(db: Database, people: tuple[int, int]) -> None:
    created = book(db, people)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ap.cancel_appointment(session, created.id, by=CancelledBy.CLIENT, reason=" ", now=NOW)
    assert "Please say why" in (caught.value.for_field("cancel_reason") or "")
    with db.reading() as session:
        assert session.get(Appointment, created.id).status is S.SCHEDULED  # type: ignore[union-attr]


def test_reschedule_links_old_to_new_and_frees_the_slot(
    db: Database, people: tuple[int, int]
) -> None:
    old = book(db, people, location="Room 2", notes="Bring form")
    new_start = MONDAY_10 + dt.timedelta(days=2)
    with db.unit_of_work() as session:
        new = ap.reschedule_appointment(session, old.id, new_start, now=NOW, duration_minutes=60)
    assert (new.start, new.duration_minutes, new.location, new.notes) == (
        new_start,
        60,
        "Room 2",
        "Bring form",
    )
    with db.reading() as session:
        former = ap.get_appointment(session, old.id)
    assert (former.status, former.rescheduled_to_id) == (S.RESCHEDULED, new.id)
    book(db, people)  # the old slot is free again
    assert count_rows(db) == 3


def test_reschedule_into_a_taken_slot_is_refused(db: Database, people: tuple[int, int]) -> None:
    old = book(db, people)
    taken = book(db, people, MONDAY_10 + dt.timedelta(days=1))
    with pytest.raises(ConflictError) as caught, db.unit_of_work() as session:
        ap.reschedule_appointment(session, old.id, taken.start, now=NOW)
    assert caught.value.conflicts[0].id == taken.id
    assert count_rows(db) == 2
    with db.reading() as session:
        assert ap.get_appointment(session, old.id).status is S.SCHEDULED


def test_moving_a_cancelled_appointment_is_refused(db: Database, people: tuple[int, int]) -> None:
    created = book(db, people)
    with db.unit_of_work() as session:
        ap.cancel_appointment(session, created.id, by=CancelledBy.CLIENT, reason="Away", now=NOW)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ap.update_appointment(
            session, created.id, replace_start(created, MONDAY_10 + dt.timedelta(days=1)), now=NOW
        )
    assert "Book a new appointment instead" in (caught.value.for_field("status") or "")


# ---------------------------------------------------------------------------
# A client's history
# ---------------------------------------------------------------------------


def test_client_appointments_lists_and_counts(db: Database, people: tuple[int, int]) -> None:
    week = dt.timedelta(days=7)
    early = dt.datetime(2026, 10, 5, 10, 0)
    attended_on_time = book(db, people, early)
    attended_late = book(db, people, early + week)
    missed = book(db, people, early + 2 * week)
    cancelled = book(db, people, early + 3 * week)
    late_cancelled = book(db, people, early + 4 * week)
    upcoming = book(db, people, MONDAY_10)
    cancelled_future = book(db, people, MONDAY_10 + week)
    later = early + 5 * week
    with db.unit_of_work() as session:
        ap.mark_arrived(session, attended_on_time.id, arrived_at=early - dt.timedelta(minutes=5))
        ap.mark_completed(session, attended_on_time.id, now=later)
        ap.mark_arrived(
            session, attended_late.id, arrived_at=attended_late.start + dt.timedelta(minutes=12)
        )
        ap.mark_no_show(session, missed.id, now=later)
        ap.cancel_appointment(
            session, cancelled.id, by=CancelledBy.CLIENT, reason="Away", now=early
        )
        ap.cancel_appointment(
            session, late_cancelled.id, by=CancelledBy.CLIENT, reason="Ill",
            now=late_cancelled.start - dt.timedelta(hours=2),
        )  # fmt: skip
        ap.cancel_appointment(
            session, cancelled_future.id, by=CancelledBy.PRACTITIONER, reason="Course", now=NOW
        )
    with db.reading() as session:
        summary = ap.client_appointments(session, people[0], now=NOW)
    assert [a.id for a in summary.upcoming] == [upcoming.id]
    assert [a.id for a in summary.past] == [
        cancelled_future.id,
        late_cancelled.id,
        cancelled.id,
        missed.id,
        attended_late.id,
        attended_on_time.id,
    ]
    assert (summary.attended, summary.late, summary.no_show, summary.cancelled) == (2, 1, 1, 3)
    # The same lists a page at a time, and the same counts from one aggregate query.
    with db.reading() as session:
        counts = ap.client_appointment_counts(session, people[0], now=NOW)
        upcoming_page = ap.client_upcoming(session, people[0], now=NOW, limit=5)
        first = ap.client_past(session, people[0], now=NOW, limit=4)
        rest = ap.client_past(session, people[0], now=NOW, offset=4, limit=4)
    assert counts == ap.AppointmentCounts(
        upcoming=1, past=6, attended=2, late=1, no_show=1, cancelled=3
    )
    assert upcoming_page == list(summary.upcoming)
    assert first + rest == list(summary.past)
    assert len(first) == 4 and len(rest) == 2


def test_appointment_counts_of_a_client_without_appointments(
    db: Database, people: tuple[int, int]
) -> None:
    with db.reading() as session:
        counts = ap.client_appointment_counts(session, people[0], now=NOW)
        assert ap.client_past(session, people[0], now=NOW, limit=10) == []
    assert counts == ap.AppointmentCounts(0, 0, 0, 0, 0, 0)
