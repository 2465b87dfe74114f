"""Client rules: validation, preferred name, status transitions, search, facts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from clientcare import clients
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import AuditEntry, Client, ClientFact, ClientStatus, Practitioner
from clientcare.errors import NotFoundError, ValidationError

TODAY = dt.date(2026, 11, 23)


def add(db: Database, **fields: object) -> clients.ClientDetail:
    with db.unit_of_work() as session:
        return clients.create_client(session, ClientInput(**fields), region="GB", today=TODAY)


def test_preferred_name_defaults_to_first_name(db: Database) -> None:
    created = add(db, full_name="  Margaret   Example ")
    assert created.full_name == "Margaret Example"
    assert created.preferred_name == "Margaret"
    with db.reading() as session:
        stored = session.get(Client, created.id)
        assert stored is not None
        assert (stored.full_name, stored.preferred_name) == ("Margaret Example", "Margaret")


def test_explicit_preferred_name_is_kept(db: Database) -> None:
    created = add(db, full_name="Robert Sample", preferred_name="Bobby")
    assert created.preferred_name == "Bobby"


def test_every_problem_is_reported_and_nothing_is_stored(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        clients.create_client(
            session,
            ClientInput(full_name=" ", email="no-at-sign", phone="12"),
            region="GB",
            today=TODAY,
        )
    error = caught.value
    assert error.for_field("full_name") == "Please enter the client's full name."
    assert "@-sign" in (error.for_field("email") or "")
    assert "too few digits" in (error.for_field("phone") or "")
    with db.reading() as session:
        assert session.scalars(select(Client)).all() == []


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("07700 900123", "07700 900123"),
        ("+44 7700 900123", "07700 900123"),
        ("+1 202 555 0100", "+1 202-555-0100"),
    ],
)
def test_phone_numbers_are_read_and_formatted(db: Database, typed: str, stored: str) -> None:
    assert add(db, full_name="Pat Example", phone=typed).phone == stored


@pytest.mark.parametrize(
    ("email", "fragment"),
    [
        ("pat@", "after the @-sign"),
        ("pat.example.org", "must have an @-sign"),
        ("pat@@example.org", "after the @-sign"),
        ("pat example@example.org", "invalid characters before the @-sign"),
    ],
)
def test_bad_email_says_what_is_wrong(db: Database, email: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        clients.create_client(
            session, ClientInput(full_name="Pat", email=email), region="GB", today=TODAY
        )
    assert fragment in (caught.value.for_field("email") or "")


def test_text_that_cannot_be_stored_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        clients.create_client(
            session, ClientInput(full_name="Bad \ud800 surrogate"), region="GB", today=TODAY
        )
    assert "cannot be stored" in (caught.value.for_field("full_name") or "")
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        clients.create_client(session, ClientInput(full_name="x" * 201), region="GB", today=TODAY)
    assert "too long" in (caught.value.for_field("full_name") or "")


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        (ClientStatus.PROSPECT, ClientStatus.ACTIVE, True),
        (ClientStatus.PROSPECT, ClientStatus.DECLINED, True),
        (ClientStatus.ACTIVE, ClientStatus.PAUSED, True),
        (ClientStatus.PAUSED, ClientStatus.ACTIVE, True),
        (ClientStatus.CLOSED, ClientStatus.ACTIVE, True),
        (ClientStatus.ACTIVE, ClientStatus.PROSPECT, False),
        (ClientStatus.CLOSED, ClientStatus.PAUSED, False),
        (ClientStatus.DECLINED, ClientStatus.PAUSED, False),
    ],
)
def test_status_transitions(
    db: Database, start: ClientStatus, target: ClientStatus, allowed: bool
) -> None:
    created = add(db, full_name="Sam Sample", status=ClientStatus.PROSPECT)
    with db.unit_of_work() as session:
        # Put the client in the starting state directly: the path there is not under test.
        stored = session.get(Client, created.id)
        assert stored is not None
        stored.status = start
    later = TODAY + dt.timedelta(days=3)
    change = ClientInput(full_name="Sam Sample", status=target)
    if allowed:
        with db.unit_of_work() as session:
            updated = clients.update_client(session, created.id, change, region="GB", today=later)
        assert updated.status is target
        assert updated.status_changed_on == later
    else:
        with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
            clients.update_client(session, created.id, change, region="GB", today=later)
        assert "cannot become" in (caught.value.for_field("status") or "")
        with db.reading() as session:
            assert session.get(Client, created.id).status is start  # type: ignore[union-attr]


def test_new_client_cannot_start_closed(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        clients.create_client(
            session,
            ClientInput(full_name="Sam", status=ClientStatus.CLOSED),
            region="GB",
            today=TODAY,
        )
    assert "cannot start as closed" in (caught.value.for_field("status") or "")


def test_search_ignores_case_and_accents_and_matches_every_word(db: Database) -> None:
    add(db, full_name="Zoë Ñúñez", email="zoe@example.org")
    add(db, full_name="李小龙")
    add(db, full_name="Robert Sample", preferred_name="Bobby", phone="07700 900555")
    add(db, full_name="Zoe Other")
    add(db, full_name="Søren Łukasz Æbelø")
    with db.reading() as session:
        names = lambda text: [r.full_name for r in clients.list_clients(session, text)]  # noqa: E731
        assert names("zoe nunez") == ["Zoë Ñúñez"]
        assert names("ÑÚÑEZ") == ["Zoë Ñúñez"]
        assert names("小龙") == ["李小龙"]
        assert names("bobby") == ["Robert Sample"]
        assert names("900-555") == ["Robert Sample"]
        assert names("zoe") == ["Zoe Other", "Zoë Ñúñez"]
        assert names("100%") == []
        assert names("_") == []
        assert names("soren lukasz aebelo") == ["Søren Łukasz Æbelø"]
        assert len(names("")) == 5


def test_search_by_status(db: Database) -> None:
    add(db, full_name="Ann Active", status=ClientStatus.ACTIVE)
    add(db, full_name="Pia Prospect")
    with db.reading() as session:
        rows = clients.list_clients(session, "", frozenset({ClientStatus.ACTIVE}))
    assert [r.full_name for r in rows] == ["Ann Active"]


def test_update_records_changed_fields_in_audit_without_content(db: Database) -> None:
    created = add(db, full_name="Ann Example")
    with db.unit_of_work() as session:
        clients.update_client(
            session,
            created.id,
            ClientInput(full_name="Ann Example", notes="private words"),
            region="GB",
            today=TODAY,
        )
    with db.reading() as session:
        entries = [
            (e.action.value, e.entity, e.fields)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
    assert entries[-1] == (
        "update",
        "client",
        "notes",
    )
    assert all("private" not in fields for _action, _entity, fields in entries)


def test_unknown_practitioner_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        clients.create_client(
            session,
            ClientInput(full_name="Ann", primary_practitioner_id=999),
            region="GB",
            today=TODAY,
        )
    assert caught.value.for_field("primary_practitioner_id")


def test_practitioner_name_shows_in_list(db: Database) -> None:
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name="Dr. Ada Example")
        session.add(practitioner)
        session.flush()
        practitioner_id = practitioner.id
    add(db, full_name="Ann", primary_practitioner_id=practitioner_id)
    with db.reading() as session:
        assert clients.list_clients(session)[0].practitioner_name == "Dr. Ada Example"


def test_facts_are_added_dated_and_listed_in_order(db: Database) -> None:
    created = add(db, full_name="Ann")
    with db.unit_of_work() as session:
        clients.add_fact(session, created.id, "Has a dog called Biscuit", dt.date(2026, 3, 1))
        clients.add_fact(session, created.id, "Prefers mornings", dt.date(2026, 1, 5))
    with db.reading() as session:
        detail = clients.get_client(session, created.id)
    assert [(f.noted_on, f.text) for f in detail.facts] == [
        (dt.date(2026, 1, 5), "Prefers mornings"),
        (dt.date(2026, 3, 1), "Has a dog called Biscuit"),
    ]


def test_empty_fact_is_refused(db: Database) -> None:
    created = add(db, full_name="Ann")
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        clients.add_fact(session, created.id, "   ", TODAY)
    assert caught.value.for_field("fact")
    with db.reading() as session:
        assert session.scalars(select(ClientFact)).all() == []


def test_fact_for_missing_client(db: Database) -> None:
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        clients.add_fact(session, 12345, "Something", TODAY)


def test_allowed_statuses() -> None:
    assert clients.allowed_statuses(ClientStatus.ACTIVE) == [
        ClientStatus.ACTIVE,
        ClientStatus.PAUSED,
        ClientStatus.CLOSED,
    ]
    assert ClientStatus.CLOSED not in clients.allowed_statuses(None)
