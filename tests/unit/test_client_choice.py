"""Choosing a client in a picker (clientcare.clients.pick_clients and friends), without Qt."""

from __future__ import annotations

import datetime as dt

from clientcare import appointments, clients
from clientcare.appointments import AppointmentInput
from clientcare.clients import PICK_LIMIT, ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import AppointmentMode, ClientStatus
from clientcare.practice import add_practitioner

NOW = dt.datetime(2031, 3, 3, 9, 0)  # a Monday in the future: bookings are valid


def add(db: Database, name: str, status: ClientStatus = ClientStatus.ACTIVE, **more: str) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, status=status, **more),  # type: ignore[arg-type]
            region="GB",
            today=NOW.date(),
        ).id


def book(db: Database, client_id: int, practitioner_id: int, start: dt.datetime) -> int:
    with db.unit_of_work() as session:
        return appointments.create_appointment(
            session,
            AppointmentInput(client_id, practitioner_id, start, 50, AppointmentMode.IN_PERSON),
            now=start - dt.timedelta(days=60),
        ).id


def test_matches_are_searched_as_the_clients_list_and_bounded(db: Database) -> None:
    zoe = add(db, "Zoë Ñúñez", email="zoe@example.org")
    for n in range(PICK_LIMIT + 5):
        add(db, f"Person {n:02} Example")
    with db.reading() as session:
        assert [c.id for c in clients.pick_clients(session, "zoe nunez", now=NOW)] == [zoe]
        assert [c.id for c in clients.pick_clients(session, "ZOE@EXAMPLE", now=NOW)] == [zoe]
        found = clients.pick_clients(session, "example", now=NOW)
        assert len(found) == PICK_LIMIT
        assert [c.full_name for c in found] == sorted(c.full_name for c in found)
        assert clients.pick_clients(session, "", now=NOW) == []  # nothing typed, nothing first
        assert clients.pick_clients(session, "example", now=NOW, limit=3, exclude=[zoe]) != []


def test_todays_and_recent_clients_come_first(db: Database) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        sam = add_practitioner(session, "Sam Sample").id
    ann, ben, cy, dee, eve = (add(db, f"{n} Example") for n in ("Ann", "Ben", "Cy", "Dee", "Eve"))
    book(db, ann, you, NOW - dt.timedelta(days=5))  # seen last week
    book(db, ben, you, NOW - dt.timedelta(days=40))  # too long ago to be recent
    book(db, cy, you, NOW.replace(hour=15))  # today, later
    book(db, dee, you, NOW.replace(hour=10))  # today, first
    book(db, eve, sam, NOW.replace(hour=11))  # today, but a co-worker's
    with db.reading() as session:
        first = clients.first_choices(session, now=NOW, practitioner_id=you)
        assert first == [dee, cy, ann]
        everyone = clients.first_choices(session, now=NOW, practitioner_id=None)
        assert everyone == [dee, eve, cy, ann]
        picked = clients.pick_clients(session, "example", now=NOW, first=first)
    assert [c.full_name for c in picked] == [
        "Dee Example",
        "Cy Example",
        "Ann Example",
        "Ben Example",
        "Eve Example",
    ]
    assert [c.today for c in picked] == [True, True, False, False, True]


def test_two_clients_of_the_same_name_are_told_apart_by_their_appointments(
    db: Database,
) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
    older, newer, alone = add(db, "Sam Example"), add(db, "sam example"), add(db, "Sam Other")
    book(db, older, you, NOW - dt.timedelta(days=90))
    book(db, newer, you, NOW + dt.timedelta(days=2))
    with db.reading() as session:
        picked = {c.id: c for c in clients.pick_clients(session, "sam", now=NOW)}
        assert picked[older].same_name and picked[newer].same_name
        assert not picked[alone].same_name
        assert picked[older].last_at == NOW - dt.timedelta(days=90)
        assert picked[older].next_at is None
        assert picked[newer].next_at == NOW + dt.timedelta(days=2)
        # Typed in full, a shared name is not guessed; a unique one is found.
        assert clients.find_by_label(session, "Sam Example") is None
        assert clients.find_by_label(session, "sam other") == alone
        assert clients.find_by_label(session, "Nobody Known") is None


def test_a_label_with_the_preferred_name_is_found_again(db: Database) -> None:
    bob = add(db, "Robert Sample", preferred_name="Bobby")
    add(db, "Robert Sample Junior")
    with db.reading() as session:
        (choice,) = clients.pick_clients(session, "bobby", now=NOW)
        assert choice.label == "Robert Sample (Bobby)"
        assert clients.find_by_label(session, "Robert Sample (Bobby)") == bob
        assert clients.find_by_label(session, "robert sample") == bob
