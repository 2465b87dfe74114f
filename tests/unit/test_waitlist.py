"""Waitlist rules: who may wait, ranking, and who fits a freed slot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from clientcare import clients, waitlist
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditEntry,
    Client,
    ClientStatus,
    Practitioner,
    WaitlistEntry,
    WaitlistStatus,
)
from clientcare.errors import NotFoundError, ValidationError
from clientcare.waitlist import FreedSlot, WaitlistInput

TODAY = dt.date(2026, 11, 23)  # a Monday
MONDAY = dt.date(2026, 11, 30)
WEDNESDAY = MONDAY + dt.timedelta(days=2)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def add_client(db: Database, full_name: str, **fields: object) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session, ClientInput(full_name=full_name, **fields), region="GB", today=TODAY
        ).id


def set_status(db: Database, client_id: int, status: ClientStatus) -> None:
    # Put the client in that state directly: the path there is not under test.
    with db.unit_of_work() as session:
        client = session.get(Client, client_id)
        assert client is not None
        client.status = status


def add_practitioner(db: Database, full_name: str, *, active: bool = True) -> int:
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name=full_name, active=active)
        session.add(practitioner)
        session.flush()
        return practitioner.id


def wait(
    db: Database, client_id: int, *, today: dt.date = TODAY, **fields: object
) -> waitlist.WaitlistRow:
    with db.unit_of_work() as session:
        return waitlist.add_to_waitlist(
            session, WaitlistInput(client_id=client_id, **fields), today=today
        )


def waiting(db: Database, *, today: dt.date = TODAY) -> list[waitlist.WaitlistRow]:
    with db.reading() as session:
        return waitlist.list_waiting(session, today=today)


def candidates(db: Database, slot: FreedSlot) -> list[str]:
    with db.reading() as session:
        return [row.client_name for row in waitlist.candidates_for_slot(session, slot, today=TODAY)]


def stored_entries(db: Database) -> list[WaitlistEntry]:
    with db.reading() as session:
        entries = list(session.scalars(select(WaitlistEntry).order_by(WaitlistEntry.id)))
        session.expunge_all()  # keep them readable after the read-only session rolls back
        return entries


@pytest.fixture
def practitioner_id(db: Database) -> int:
    return add_practitioner(db, "Alex Practitioner")


# ---------------------------------------------------------------------------
# Adding and ranking
# ---------------------------------------------------------------------------


def test_added_entry_is_stored_and_returned(db: Database, practitioner_id: int) -> None:
    client_id = add_client(db, "Margaret Example", preferred_name="Maggie")
    row = wait(
        db,
        client_id,
        today=TODAY - dt.timedelta(days=5),
        practitioner_id=practitioner_id,
        preferred_weekdays=frozenset({3, 1}),
        earliest_time=dt.time(9),
        latest_time=dt.time(12),
        urgent=True,
        note="  Mornings before work.  ",
    )
    assert (row.client_name, row.client_preferred_name) == ("Margaret Example", "Maggie")
    assert (row.practitioner_id, row.practitioner_name) == (practitioner_id, "Alex Practitioner")
    assert row.preferred_weekdays == frozenset({1, 3})
    assert row.note == "Mornings before work."
    assert row.status is WaitlistStatus.WAITING
    assert row.days_waiting == 0
    [entry] = stored_entries(db)
    assert entry.preferred_weekdays == "1,3"
    assert entry.added_on == TODAY - dt.timedelta(days=5)
    assert waiting(db)[0].days_waiting == 5
    with db.reading() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.entity == "waitlist_entry"))
        assert [a.entity_id for a in audit] == [entry.id]


def test_list_ranks_urgent_first_then_longest_waiting(db: Database) -> None:
    recent = add_client(db, "Recent Waiter")
    oldest = add_client(db, "Oldest Waiter")
    urgent_recent = add_client(db, "Urgent Recent")
    urgent_older = add_client(db, "Urgent Older")
    wait(db, recent, today=TODAY - dt.timedelta(days=2))
    wait(db, oldest, today=TODAY - dt.timedelta(days=30))
    wait(db, urgent_recent, today=TODAY - dt.timedelta(days=1), urgent=True)
    wait(db, urgent_older, today=TODAY - dt.timedelta(days=3), urgent=True)
    names = [row.client_name for row in waiting(db)]
    assert names == ["Urgent Older", "Urgent Recent", "Oldest Waiter", "Recent Waiter"]


def test_describe_preferences() -> None:
    row = waitlist.WaitlistRow(
        id=1,
        client_id=1,
        client_name="Pat Example",
        client_preferred_name="Pat",
        practitioner_id=None,
        practitioner_name="",
        preferred_weekdays=frozenset({3, 1}),
        earliest_time=dt.time(9),
        latest_time=dt.time(12),
        urgent=False,
        note="",
        added_on=TODAY,
        status=WaitlistStatus.WAITING,
        days_waiting=0,
    )
    assert waitlist.describe_preferences(row) == "Mon, Wed · 09:00–12:00 · any practitioner"
    anything = waitlist.WaitlistRow(
        **{
            **row.__dict__,
            "preferred_weekdays": frozenset(),
            "earliest_time": None,
            "latest_time": dt.time(17),
            "practitioner_id": 2,
            "practitioner_name": "Alex Practitioner",
        }
    )
    assert waitlist.describe_preferences(anything) == "Any day · until 17:00 · Alex Practitioner"


# ---------------------------------------------------------------------------
# Refusals: nothing stored
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "fragment"),
    [(ClientStatus.CLOSED, "file is closed"), (ClientStatus.DECLINED, "declined")],
)
def test_closed_or_declined_client_is_refused(
    db: Database, status: ClientStatus, fragment: str
) -> None:
    client_id = add_client(db, "Sam Sample", status=ClientStatus.ACTIVE)
    set_status(db, client_id, status)
    with pytest.raises(ValidationError) as caught:
        wait(db, client_id)
    message = caught.value.for_field("client_id") or ""
    assert message.startswith("Sam") and fragment in message
    assert stored_entries(db) == []


def test_missing_client_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        wait(db, 999)
    assert "no longer exists" in (caught.value.for_field("client_id") or "")
    assert stored_entries(db) == []


def test_duplicate_for_same_practitioner_is_refused_with_date(
    db: Database, practitioner_id: int
) -> None:
    client_id = add_client(db, "Robert Sample", preferred_name="Bobby")
    wait(db, client_id, today=dt.date(2026, 11, 2), practitioner_id=practitioner_id)
    with pytest.raises(ValidationError) as caught:
        wait(db, client_id, practitioner_id=practitioner_id, urgent=True)
    assert caught.value.for_field("client_id") == (
        "Bobby is already on the waitlist since 2 November 2026."
    )
    assert len(stored_entries(db)) == 1
    # Waiting for any practitioner as well is a different wish, and allowed.
    wait(db, client_id)
    assert len(stored_entries(db)) == 2


def test_waiting_again_after_booking_is_allowed(db: Database) -> None:
    client_id = add_client(db, "Robert Sample")
    first = wait(db, client_id)
    with db.unit_of_work() as session:
        waitlist.mark_booked(session, first.id, today=TODAY)
    again = wait(db, client_id)
    assert [row.id for row in waiting(db)] == [again.id]


def test_latest_before_earliest_is_refused(db: Database) -> None:
    client_id = add_client(db, "Pat Example")
    for latest in (dt.time(9), dt.time(8, 30)):
        with pytest.raises(ValidationError) as caught:
            wait(db, client_id, earliest_time=dt.time(9), latest_time=latest)
        assert caught.value.for_field("latest_time") == (
            "The latest time must be after the earliest time."
        )
    assert stored_entries(db) == []


def test_every_problem_is_reported_at_once(db: Database) -> None:
    client_id = add_client(db, "Pat Example")
    gone = add_practitioner(db, "Former Colleague", active=False)
    with pytest.raises(ValidationError) as caught:
        wait(
            db,
            client_id,
            practitioner_id=gone,
            preferred_weekdays=frozenset({0, 8}),
            note="bad \ud800 text",
        )
    error = caught.value
    assert "no longer seeing clients" in (error.for_field("practitioner_id") or "")
    assert error.for_field("preferred_weekdays") == "Choose days from Monday to Sunday only."
    assert "cannot be stored" in (error.for_field("note") or "")
    assert stored_entries(db) == []


# ---------------------------------------------------------------------------
# Updating, booking, removing
# ---------------------------------------------------------------------------


def test_update_changes_entry_but_keeps_when_added(db: Database, practitioner_id: int) -> None:
    client_id = add_client(db, "Pat Example")
    row = wait(db, client_id, today=TODAY - dt.timedelta(days=10))
    with db.unit_of_work() as session:
        updated = waitlist.update_entry(
            session,
            row.id,
            WaitlistInput(client_id=client_id, practitioner_id=practitioner_id, urgent=True),
            today=TODAY,
        )
    assert updated.urgent and updated.practitioner_name == "Alex Practitioner"
    assert (updated.added_on, updated.days_waiting) == (TODAY - dt.timedelta(days=10), 10)


def test_update_refused_leaves_entry_unchanged(db: Database) -> None:
    client_id = add_client(db, "Pat Example")
    row = wait(db, client_id, earliest_time=dt.time(9))
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        waitlist.update_entry(
            session,
            row.id,
            WaitlistInput(client_id=client_id, earliest_time=dt.time(14), latest_time=dt.time(10)),
            today=TODAY,
        )
    [entry] = stored_entries(db)
    assert (entry.earliest_time, entry.latest_time) == (dt.time(9), None)


def test_update_of_missing_entry_is_not_found(db: Database) -> None:
    client_id = add_client(db, "Pat Example")
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        waitlist.update_entry(session, 42, WaitlistInput(client_id=client_id), today=TODAY)


@pytest.mark.parametrize(
    ("resolve", "status"),
    [
        (waitlist.mark_booked, WaitlistStatus.BOOKED),
        (waitlist.remove_entry, WaitlistStatus.REMOVED),
    ],
)
def test_booked_or_removed_entries_leave_the_lists_but_are_kept(
    db: Database,
    practitioner_id: int,
    resolve: Callable[..., waitlist.WaitlistRow],
    status: WaitlistStatus,
) -> None:
    stays = add_client(db, "Stays Waiting")
    leaves = add_client(db, "Leaves List")
    wait(db, stays)
    row = wait(db, leaves, today=TODAY - dt.timedelta(days=4))
    later = TODAY + dt.timedelta(days=3)
    with db.unit_of_work() as session:
        resolved = resolve(session, row.id, today=later)
    assert (resolved.status, resolved.days_waiting) == (status, 7)
    assert [r.client_name for r in waiting(db)] == ["Stays Waiting"]
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 10), 50)) == ["Stays Waiting"]
    entry = next(e for e in stored_entries(db) if e.id == row.id)
    assert (entry.status, entry.resolved_on) == (status, later)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        waitlist.remove_entry(session, row.id, today=later)
    assert "already" in (caught.value.for_field("status") or "")


# ---------------------------------------------------------------------------
# Candidates for a freed slot
# ---------------------------------------------------------------------------


def test_slot_must_fall_on_a_preferred_weekday(db: Database, practitioner_id: int) -> None:
    wait(db, add_client(db, "Monday Only"), preferred_weekdays=frozenset({1}))
    wait(db, add_client(db, "Wednesday Only"), preferred_weekdays=frozenset({3}))
    wait(db, add_client(db, "Any Day"))
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 10), 50)) == [
        "Any Day",
        "Monday Only",
    ]
    assert candidates(db, FreedSlot(practitioner_id, at(WEDNESDAY, 10), 50)) == [
        "Any Day",
        "Wednesday Only",
    ]


def test_whole_slot_must_fit_the_time_window(db: Database, practitioner_id: int) -> None:
    wait(db, add_client(db, "Morning Person"), earliest_time=dt.time(9), latest_time=dt.time(12))
    wait(db, add_client(db, "Afternoon Person"), earliest_time=dt.time(12))
    wait(db, add_client(db, "Before Noon"), latest_time=dt.time(12, 20))
    # 11:30–12:20 runs past a window ending at 12:00.
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 11, 30), 50)) == ["Before Noon"]
    # 11:10–12:00 ends exactly when the window does.
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 11, 10), 50)) == [
        "Before Noon",
        "Morning Person",
    ]
    # 08:30 starts before a window opening at 09:00.
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 8, 30), 50)) == ["Before Noon"]
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 12), 50)) == ["Afternoon Person"]


def test_practitioner_specific_and_any_practitioner(db: Database, practitioner_id: int) -> None:
    other_id = add_practitioner(db, "Jo Colleague")
    wait(db, add_client(db, "Wants Alex"), practitioner_id=practitioner_id)
    wait(db, add_client(db, "Wants Jo"), practitioner_id=other_id)
    wait(db, add_client(db, "Anyone Will Do"))
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 10), 50)) == [
        "Anyone Will Do",
        "Wants Alex",
    ]
    assert candidates(db, FreedSlot(other_id, at(MONDAY, 10), 50)) == [
        "Anyone Will Do",
        "Wants Jo",
    ]


def test_candidates_ranked_urgent_then_longest_waiting_then_name(
    db: Database, practitioner_id: int
) -> None:
    wait(db, add_client(db, "Zed Newer"), today=TODAY)
    wait(db, add_client(db, "Yan Older"), today=TODAY - dt.timedelta(days=9))
    wait(db, add_client(db, "Beth Same Day"), today=TODAY - dt.timedelta(days=9))
    wait(db, add_client(db, "Urgent Newest"), today=TODAY, urgent=True)
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 10), 50)) == [
        "Urgent Newest",
        "Beth Same Day",
        "Yan Older",
        "Zed Newer",
    ]


def test_client_already_in_an_overlapping_appointment_is_excluded(
    db: Database, practitioner_id: int
) -> None:
    other_id = add_practitioner(db, "Jo Colleague")
    booked = add_client(db, "Already Booked")
    cancelled = add_client(db, "Cancelled Own")
    earlier = add_client(db, "Earlier Appointment")
    for client_id in (booked, cancelled, earlier):
        wait(db, client_id)
    with db.unit_of_work() as session:
        session.add_all(
            [
                # With another practitioner, overlapping 10:00–10:50 from 09:30 to 10:20.
                Appointment(
                    client_id=booked,
                    practitioner_id=other_id,
                    start=at(MONDAY, 9, 30),
                    duration_minutes=50,
                ),
                Appointment(
                    client_id=cancelled,
                    practitioner_id=practitioner_id,
                    start=at(MONDAY, 10),
                    duration_minutes=50,
                    status=AppointmentStatus.CANCELLED,
                ),
                # Ends exactly when the slot begins: no overlap.
                Appointment(
                    client_id=earlier,
                    practitioner_id=other_id,
                    start=at(MONDAY, 9, 10),
                    duration_minutes=50,
                ),
            ]
        )
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 10), 50)) == [
        "Cancelled Own",
        "Earlier Appointment",
    ]
    # The same client is a candidate for a slot that does not overlap their appointment.
    assert "Already Booked" in candidates(db, FreedSlot(practitioner_id, at(MONDAY, 14), 50))


def test_client_closed_after_joining_is_not_a_candidate(db: Database, practitioner_id: int) -> None:
    client_id = add_client(db, "Sam Sample", status=ClientStatus.ACTIVE)
    wait(db, client_id)
    set_status(db, client_id, ClientStatus.CLOSED)
    assert candidates(db, FreedSlot(practitioner_id, at(MONDAY, 10), 50)) == []
    assert [row.client_name for row in waiting(db)] == ["Sam Sample"]


def test_slot_needs_a_positive_duration() -> None:
    with pytest.raises(ValueError):
        FreedSlot(1, at(MONDAY, 10), 0)


def test_waiting_page_reads_a_page_in_the_ranked_order(db: Database) -> None:
    for day in range(7):
        wait(db, add_client(db, f"Waiter {day}"), today=TODAY - dt.timedelta(days=day))
    wait(db, add_client(db, "Urgent Zed"), today=TODAY, urgent=True)
    with db.reading() as session:
        first = waitlist.waiting_page(session, today=TODAY, limit=3)
        rest = waitlist.waiting_page(session, today=TODAY, offset=3, limit=10)
        total = waitlist.count_waiting(session)
    assert [row.id for row in first + rest] == [row.id for row in waiting(db)]
    assert [row.client_name for row in first] == ["Urgent Zed", "Waiter 6", "Waiter 5"]
    assert (len(first), len(rest), total) == (3, 5, 8)


def test_waiting_of_your_clients_or_asking_for_you(db: Database) -> None:
    from clientcare.scope import WHOLE_PRACTICE, Scope

    you = add_practitioner(db, "Ada You")
    colleague = add_practitioner(db, "Bo Colleague")
    left = add_practitioner(db, "Cy Left", active=False)
    yours = add_client(db, "Yours Any", primary_practitioner_id=you)
    theirs = add_client(db, "Theirs Any", primary_practitioner_id=colleague)
    nobodys = add_client(db, "Nobodys Any")
    wait(db, yours)
    wait(db, theirs)
    wait(db, nobodys)
    wait(
        db,
        add_client(db, "Theirs Asks You", primary_practitioner_id=colleague),
        practitioner_id=you,
    )
    wait(
        db, add_client(db, "Yours Asks Bo", primary_practitioner_id=you), practitioner_id=colleague
    )
    wait(db, add_client(db, "Of Cy", primary_practitioner_id=left))
    with db.reading() as session:
        mine = waitlist.waiting_page(session, today=TODAY, scope=Scope(you))
        counted = waitlist.count_waiting(session, Scope(you))
        everyone = waitlist.count_waiting(session, WHOLE_PRACTICE)
        bos = waitlist.waiting_page(session, today=TODAY, scope=Scope(colleague))
    assert sorted(row.client_name for row in mine) == [
        "Nobodys Any",
        "Of Cy",
        "Theirs Asks You",
        "Yours Any",
    ]
    assert (counted, everyone) == (4, 6)
    assert sorted(row.client_name for row in bos) == [
        "Nobodys Any",
        "Of Cy",
        "Theirs Any",
        "Yours Asks Bo",
    ]
