"""Practitioners: add and edit with messages per field, "you", archive and restore."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from clientcare import appointments as ap
from clientcare import clients, practice, referrals
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    AuditEntry,
    CancelledBy,
    ClientStatus,
    Practitioner,
    Provider,
    ProviderKind,
)
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import PractitionerInput

NOW = dt.datetime(2026, 11, 23, 9, 0)
MONDAY_10 = dt.datetime(2026, 11, 30, 10, 0)


def add(db: Database, name: str, **kwargs: object) -> practice.PractitionerRow:
    with db.unit_of_work() as session:
        return practice.add_practitioner(session, name, **kwargs)  # type: ignore[arg-type]


def refused(db: Database, action) -> ValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        action(session)
    return caught.value


def everyone(db: Database) -> list[practice.PractitionerRow]:
    with db.reading() as session:
        return practice.list_practitioners(session, include_inactive=True)


def audit_of(db: Database, entity: str = "practitioner") -> list[tuple[str, int, str]]:
    with db.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        )
        return [(str(e.action), e.entity_id, e.fields) for e in entries]


def book(db: Database, practitioner_id: int, start: dt.datetime = MONDAY_10) -> int:
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=NOW.date(),
        )
        return ap.create_appointment(
            session, AppointmentInput(client.id, practitioner_id, start, 50), now=NOW
        ).id


# --------------------------------------------------------------------------
# Add and edit
# --------------------------------------------------------------------------


def test_add_with_email_and_phone_is_cleaned_and_audited(db: Database) -> None:
    added = add(db, "  Sam   Taylor ", email=" Sam@Example.org ", phone="07700 900123")
    assert (added.full_name, added.email, added.phone) == (
        "Sam Taylor",
        "Sam@example.org",
        "07700 900123",
    )
    assert not added.is_current_user and added.active
    assert audit_of(db) == [("create", added.id, "email,full_name,phone")]


def test_add_reports_every_bad_field_and_stores_nothing(db: Database) -> None:
    error = refused(
        db,
        lambda s: practice.add_practitioner(s, "   ", email="sam@", phone="call me"),
    )
    assert error.for_field("full_name") == "Please enter the practitioner's name."
    assert "name@example.org" in (error.for_field("email") or "")
    assert error.for_field("phone") == "A phone number has digits only (and + ( ) - spaces)."
    assert everyone(db) == []
    assert audit_of(db) == []


def test_same_name_is_refused_ignoring_case_and_accents(db: Database) -> None:
    add(db, "Zoë Taylor")
    error = refused(db, lambda s: practice.add_practitioner(s, "zoe taylor"))
    assert error.for_field("full_name") == "Zoë Taylor is already a practitioner here."


def test_same_name_as_an_archived_practitioner_says_restore_them(db: Database) -> None:
    you = add(db, "Ada Example", is_current_user=True)
    gone = add(db, "Lee Left")
    with db.unit_of_work() as session:
        practice.archive_practitioner(session, gone.id, now=NOW)
    error = refused(db, lambda s: practice.add_practitioner(s, "Lee Left"))
    assert "archived" in (error.for_field("full_name") or "")
    assert "restore them" in (error.for_field("full_name") or "")
    assert you.is_current_user


def test_update_changes_the_fields_audits_them_and_validates(db: Database) -> None:
    sam = add(db, "Sam Taylor")
    add(db, "Robin Other")
    data = PractitionerInput("Sam Taylor-Jones", email="sam@example.org", phone="")
    with db.unit_of_work() as session:
        changed = practice.update_practitioner(session, sam.id, data)
    assert (changed.full_name, changed.email) == ("Sam Taylor-Jones", "sam@example.org")
    assert audit_of(db)[-1] == ("update", sam.id, "email,full_name")

    error = refused(
        db,
        lambda s: practice.update_practitioner(
            s, sam.id, PractitionerInput("Robin Other", email="not an address")
        ),
    )
    assert error.for_field("full_name") == "Robin Other is already a practitioner here."
    assert error.for_field("email") is not None
    with db.reading() as session:
        assert practice.get_practitioner(session, sam.id).full_name == "Sam Taylor-Jones"
    # Keeping one's own name is not a duplicate.
    with db.unit_of_work() as session:
        practice.update_practitioner(session, sam.id, PractitionerInput("sam taylor-jones"))


def test_update_of_a_missing_practitioner_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        practice.update_practitioner(session, 999, PractitionerInput("Nobody"))


def test_rename_follows_into_the_coworker_directory_entry(db: Database) -> None:
    sam = add(db, "Sam Taylor", email="sam@example.org")
    with db.unit_of_work() as session:
        referrals.add_coworkers(session)
    with db.unit_of_work() as session:
        practice.update_practitioner(
            session, sam.id, PractitionerInput("Sam Jones", email="sj@example.org")
        )
    with db.reading() as session:
        provider = session.scalar(select(Provider).where(Provider.practitioner_id == sam.id))
        assert provider is not None
        assert (provider.name, provider.email) == ("Sam Jones", "sj@example.org")


# --------------------------------------------------------------------------
# "You": exactly one
# --------------------------------------------------------------------------


def current(db: Database) -> list[str]:
    return [p.full_name for p in everyone(db) if p.is_current_user]


def test_exactly_one_practitioner_is_you(db: Database) -> None:
    ada = add(db, "Ada Example", is_current_user=True)
    sam = add(db, "Sam Taylor")
    assert current(db) == ["Ada Example"]
    with db.unit_of_work() as session:
        now_you = practice.set_current_user(session, sam.id)
    assert now_you.is_current_user
    assert current(db) == ["Sam Taylor"]
    # Adding someone as "you" moves the mark too.
    robin = add(db, "Robin Other", is_current_user=True)
    assert current(db) == ["Robin Other"]
    if db.this_computer is not None:
        # A shared server: "you" is this computer's answer; the shared mark stays unset
        # (tests/unit/test_this_computer.py).
        assert db.this_computer.practitioner_id == robin.id
        with db.reading() as session:
            assert not session.scalars(
                select(Practitioner).where(Practitioner.is_current_user.is_(True))
            ).all()
        return
    assert ("create", robin.id, "full_name,is_current_user") in audit_of(db)
    log = audit_of(db)
    assert ("update", ada.id, "is_current_user") in log
    assert ("update", sam.id, "is_current_user") in log


def test_an_archived_practitioner_cannot_be_you(db: Database) -> None:
    add(db, "Ada Example", is_current_user=True)
    gone = add(db, "Lee Left")
    with db.unit_of_work() as session:
        practice.archive_practitioner(session, gone.id, now=NOW)
    error = refused(db, lambda s: practice.set_current_user(s, gone.id))
    assert "Restore them first" in (error.for_field("is_current_user") or "")
    assert current(db) == ["Ada Example"]


# --------------------------------------------------------------------------
# Archive and restore
# --------------------------------------------------------------------------


def test_you_cannot_be_archived(db: Database) -> None:
    ada = add(db, "Ada Example", is_current_user=True)
    error = refused(db, lambda s: practice.archive_practitioner(s, ada.id, now=NOW))
    message = error.for_field("active") or ""
    assert "Ada Example is you" in message and "This is me" in message
    assert everyone(db)[0].active


def test_future_booked_appointments_block_archiving_with_how_many(db: Database) -> None:
    add(db, "Ada Example", is_current_user=True)
    lee = add(db, "Lee Left")
    book(db, lee.id, MONDAY_10)
    book(db, lee.id, MONDAY_10 + dt.timedelta(days=7))
    error = refused(db, lambda s: practice.archive_practitioner(s, lee.id, now=NOW))
    message = error.for_field("active") or ""
    assert "Lee Left still has 2 appointments booked, the first on Monday 30 November." in message
    assert "Move them to another practitioner or cancel them" in message
    assert [p.active for p in everyone(db) if p.id == lee.id] == [True]
    assert [e for e in audit_of(db) if e[:2] == ("update", lee.id)] == []


def test_past_and_cancelled_appointments_do_not_block_archiving(db: Database) -> None:
    add(db, "Ada Example", is_current_user=True)
    lee = add(db, "Lee Left")
    book(db, lee.id, MONDAY_10)
    with db.unit_of_work() as session:
        booked = practice.booked_appointments(session, lee.id, now=NOW)
    assert booked == [MONDAY_10]
    # A week later the appointment is in the past (it was kept or not; it is history).
    later = MONDAY_10 + dt.timedelta(days=7)
    with db.unit_of_work() as session:
        archived = practice.archive_practitioner(session, lee.id, now=later)
    assert not archived.active
    with db.reading() as session:
        assert session.get(Practitioner, lee.id).active is False  # type: ignore[union-attr]
        assert [p.full_name for p in practice.list_practitioners(session)] == ["Ada Example"]
    assert ("update", lee.id, "active") in audit_of(db)


def test_cancelled_appointment_does_not_count(db: Database) -> None:
    lee = add(db, "Lee Left")
    appointment_id = book(db, lee.id, MONDAY_10)
    with db.unit_of_work() as session:
        ap.cancel_appointment(
            session, appointment_id, by=CancelledBy.PRACTITIONER, reason="Unwell", now=NOW
        )
    with db.unit_of_work() as session:
        assert not practice.archive_practitioner(session, lee.id, now=NOW).active


def test_archive_and_restore_take_the_coworker_entry_along(db: Database) -> None:
    add(db, "Ada Example", is_current_user=True)
    lee = add(db, "Lee Left")
    with db.unit_of_work() as session:
        entry = next(p for p in referrals.add_coworkers(session) if p.practitioner_id == lee.id)
        assert entry.kind is ProviderKind.INTERNAL
    with db.unit_of_work() as session:
        practice.archive_practitioner(session, lee.id, now=NOW)
    with db.reading() as session:
        offered = [p.name for p in referrals.list_providers(session)]
        kept = [p.name for p in referrals.list_providers(session, include_archived=True)]
        assert referrals.get_provider(session, entry.id).archived
    assert "Lee Left" not in offered and "Lee Left" in kept
    assert ("update", entry.id, "archived") in audit_of(db, "provider")
    with db.unit_of_work() as session:
        restored = practice.restore_practitioner(session, lee.id)
    assert restored.active
    with db.reading() as session:
        assert "Lee Left" in [p.name for p in referrals.list_providers(session)]
    assert audit_of(db)[-1] == ("update", lee.id, "active")
