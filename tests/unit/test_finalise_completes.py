"""Finalising a session note completes its appointment in the same step, and that step can
be taken back: the status it had and the charge made at that moment (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from clientcare import appointments as ap
from clientcare import clients, money
from clientcare import interactions as ix
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    Charge,
    ChargeMode,
    ClientStatus,
    InteractionKind,
    InteractionState,
    PaymentMethod,
    Practitioner,
)
from clientcare.errors import ValidationError
from clientcare.interactions import InteractionInput
from clientcare.money import PaymentInput

START = dt.datetime(2026, 11, 23, 10, 0)
NOW = dt.datetime(2026, 11, 23, 11, 0)
TODAY = NOW.date()


@pytest.fixture
def booked(db: Database) -> tuple[int, int]:
    """(client, appointment at 10:00 today), the practice charging sessions at once at 60."""
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name="Pat Example", is_current_user=True)
        session.add(practitioner)
        session.flush()
        client_id = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY - dt.timedelta(days=30),
        ).id
        service = money.save_service(session, money.ServiceInput("Individual session", "60"))
        money.set_charge_mode(session, ChargeMode.AUTOMATIC)
        appointment_id = ap.create_appointment(
            session,
            AppointmentInput(client_id, practitioner.id, START, 50, service_id=service.id),
            now=START - dt.timedelta(days=2),
        ).id
    return client_id, appointment_id


def note_for(db: Database, client_id: int, appointment_id: int | None) -> int:
    """A session note ready to finalise (every required item answered)."""
    with db.unit_of_work() as session:
        detail = ix.save_draft(
            session,
            InteractionInput(
                client_id=client_id,
                kind=InteractionKind.SESSION,
                occurred_at=START,
                appointment_id=appointment_id,
                notes="Talked about the week.",
                client_words="It was a hard week.",
            ),
            interaction_id=None,
            now=NOW,
        )
        for item in detail.checklist:
            if item.requirement == "required" and item.answer is None:
                ix.answer(
                    session,
                    detail.id,
                    item.principle_id,
                    ix.ChecklistAnswerValue.DONE,
                    now=NOW,
                )
    return detail.id


def bare_draft(db: Database, client_id: int, appointment_id: int) -> ix.InteractionDetail:
    """A session note with nothing written and nothing answered (it cannot be finalised)."""
    with db.unit_of_work() as session:
        return ix.save_draft(
            session,
            InteractionInput(
                client_id=client_id,
                kind=InteractionKind.SESSION,
                occurred_at=START,
                appointment_id=appointment_id,
            ),
            interaction_id=None,
            now=NOW,
        )


def status_of(db: Database, appointment_id: int) -> AppointmentStatus:
    with db.reading() as session:
        appointment = session.get(Appointment, appointment_id)
        assert appointment is not None
        return appointment.status


def charges_of(db: Database, appointment_id: int) -> list[int]:
    with db.reading() as session:
        return list(
            session.scalars(
                select(Charge.amount_minor).where(Charge.appointment_id == appointment_id)
            )
        )


def test_finalising_offers_the_linked_appointment_once_it_has_started(
    db: Database, booked: tuple[int, int]
) -> None:
    client_id, appointment_id = booked
    note = note_for(db, client_id, appointment_id)
    with db.reading() as session:
        assert (
            ix.appointment_to_complete(session, note, now=START - dt.timedelta(minutes=5)) is None
        )
        offered = ix.appointment_to_complete(session, note, now=NOW)
    assert offered is not None and offered.id == appointment_id
    unlinked = note_for(db, client_id, None)
    with db.reading() as session:
        assert ix.appointment_to_complete(session, unlinked, now=NOW) is None


def test_finalise_and_complete_is_one_step_and_can_be_undone(
    db: Database, booked: tuple[int, int]
) -> None:
    client_id, appointment_id = booked
    note = note_for(db, client_id, appointment_id)
    with db.unit_of_work() as session:
        detail, completion = ix.finalise_and_complete(session, note, now=NOW, today=TODAY)
    assert detail.state is InteractionState.FINAL
    assert completion is not None
    assert completion.previous_status is AppointmentStatus.SCHEDULED
    assert status_of(db, appointment_id) is AppointmentStatus.COMPLETED
    assert charges_of(db, appointment_id) == [6000]  # charged at once, as the practice does

    with db.unit_of_work() as session:
        back = ap.undo_completion(session, completion, today=TODAY)
    assert back.status is AppointmentStatus.SCHEDULED
    assert status_of(db, appointment_id) is AppointmentStatus.SCHEDULED
    assert charges_of(db, appointment_id) == []
    # The note stays final: only the completion was taken back.
    with db.reading() as session:
        assert ix.get_interaction(session, note, today=TODAY).state is InteractionState.FINAL
    # Undone once; a second undo finds nothing to take back and writes nothing.
    with pytest.raises(ValidationError, match="scheduled now"), db.unit_of_work() as session:
        ap.undo_completion(session, completion, today=TODAY)


def test_an_arrived_client_goes_back_to_arrived(db: Database, booked: tuple[int, int]) -> None:
    client_id, appointment_id = booked
    with db.unit_of_work() as session:
        ap.mark_arrived(session, appointment_id, arrived_at=START)
    note = note_for(db, client_id, appointment_id)
    with db.unit_of_work() as session:
        _detail, completion = ix.finalise_and_complete(session, note, now=NOW, today=TODAY)
    assert completion is not None
    with db.unit_of_work() as session:
        ap.undo_completion(session, completion, today=TODAY)
    assert status_of(db, appointment_id) is AppointmentStatus.ARRIVED


def test_undo_is_refused_once_the_charge_is_paid_and_nothing_changes(
    db: Database, booked: tuple[int, int]
) -> None:
    client_id, appointment_id = booked
    note = note_for(db, client_id, appointment_id)
    with db.unit_of_work() as session:
        _detail, completion = ix.finalise_and_complete(session, note, now=NOW, today=TODAY)
        money.record_payment(session, PaymentInput(client_id, "60", PaymentMethod.CARD, TODAY))
    assert completion is not None
    with (
        pytest.raises(ValidationError, match="payments against it"),
        db.unit_of_work() as session,
    ):
        ap.undo_completion(session, completion, today=TODAY)
    assert status_of(db, appointment_id) is AppointmentStatus.COMPLETED
    assert charges_of(db, appointment_id) == [6000]


def test_a_refused_finalise_completes_nothing(db: Database, booked: tuple[int, int]) -> None:
    client_id, appointment_id = booked
    bare = bare_draft(db, client_id, appointment_id).id
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        ix.finalise_and_complete(session, bare, now=NOW, today=TODAY)
    assert status_of(db, appointment_id) is AppointmentStatus.SCHEDULED
    assert charges_of(db, appointment_id) == []


def test_the_check_before_finalising_names_what_is_missing_and_writes_nothing(
    db: Database, booked: tuple[int, int]
) -> None:
    client_id, appointment_id = booked
    bare = bare_draft(db, client_id, appointment_id)
    with db.reading() as session:
        check = ix.check_finalise(session, bare.id, today=TODAY)
    required = [i.number for i in bare.checklist if i.requirement == "required"]
    assert not check.ready
    assert check.missing == tuple(required) and required
    assert [e.field for e in check.errors] == ["notes", "checklist"]
    ready = note_for(db, client_id, appointment_id)
    with db.reading() as session:
        assert ix.check_finalise(session, ready, today=TODAY).ready
        assert ix.get_interaction(session, ready, today=TODAY).state is InteractionState.DRAFT
