"""Whose work a list shows (clientcare.scope), without Qt."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from clientcare import clients, scope
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import Client, ClientStatus, Practitioner
from clientcare.practice import add_practitioner

TODAY = dt.date(2026, 11, 23)


def _client(db: Database, name: str, practitioner_id: int | None) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(
                full_name=name, status=ClientStatus.ACTIVE, primary_practitioner_id=practitioner_id
            ),
            region="GB",
            today=TODAY,
        ).id


def _in_scope(db: Database, chosen: scope.Scope) -> set[str]:
    with db.reading() as session:
        return set(session.scalars(select(Client.full_name).where(chosen.client_condition())))


def test_yours_are_your_clients_and_nobodys_and_a_leavers(db: Database) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        sam = add_practitioner(session, "Sam Sample").id
        kit = add_practitioner(session, "Kit Muster").id
    _client(db, "Ann Yours", you)
    _client(db, "Ben Sams", sam)
    _client(db, "Cat Nobodys", None)
    _client(db, "Dan Kits", kit)
    with db.unit_of_work() as session:  # Kit leaves the practice: Dan is nobody's now
        session.execute(update(Practitioner).where(Practitioner.id == kit).values(active=False))
    with db.reading() as session:
        mine = scope.own_scope(session)
        assert mine == scope.Scope(you) and not mine.whole_practice
        assert scope.offers_choice(session) is True
    assert _in_scope(db, mine) == {"Ann Yours", "Cat Nobodys", "Dan Kits"}
    assert _in_scope(db, scope.WHOLE_PRACTICE) == {
        "Ann Yours",
        "Ben Sams",
        "Cat Nobodys",
        "Dan Kits",
    }
    with db.reading() as session:
        ids = set(session.scalars(mine.client_ids()))
        named = dict(session.execute(select(Client.id, Client.full_name)).all())
    assert {named[i] for i in ids} == {"Ann Yours", "Cat Nobodys", "Dan Kits"}


def test_nobody_known_as_you_means_the_whole_practice(db: Database) -> None:
    with db.unit_of_work() as session:
        sam = add_practitioner(session, "Sam Sample").id
        add_practitioner(session, "Kit Muster")
    _client(db, "Ben Sams", sam)
    with db.reading() as session:
        assert scope.own_scope(session).whole_practice
        assert scope.offers_choice(session) is False  # no "mine" to offer
    assert _in_scope(db, scope.Scope(None)) == {"Ben Sams"}


def test_a_solo_practice_is_not_offered_a_choice(db: Database) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
    _client(db, "Ann Yours", you)
    with db.reading() as session:
        assert scope.own_scope(session) == scope.Scope(you)
        assert scope.offers_choice(session) is False
