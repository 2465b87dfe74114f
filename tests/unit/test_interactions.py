"""Interactions: drafts, checklist answers, finalising, corrections (no Qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select, update

from clientcare import appointments as ap
from clientcare import clients
from clientcare import interactions as ix
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Base,
    Charge,
    ChargeKind,
    ChecklistAnswer,
    ChecklistAnswerValue,
    ClientStatus,
    Expectation,
    Interaction,
    InteractionAddendum,
    InteractionKind,
    InteractionState,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
    Payment,
    PaymentMethod,
    Practitioner,
    Principle,
    SetBy,
)
from clientcare.errors import NotFoundError, ValidationError
from clientcare.interactions import InteractionInput

NOW = dt.datetime(2026, 11, 23, 15, 0)
TODAY = NOW.date()
SESSION_AT = dt.datetime(2026, 11, 23, 10, 0)

V = ChecklistAnswerValue


def add_client(db: Database, name: str = "Ann Example", **fields: object) -> int:
    with db.unit_of_work() as session:
        detail = clients.create_client(
            session,
            ClientInput(full_name=name, status=ClientStatus.ACTIVE, **fields),  # type: ignore[arg-type]
            region="GB",
            today=TODAY - dt.timedelta(days=90),
        )
    return detail.id


def add_practitioner(db: Database, name: str = "Pat Practitioner") -> int:
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name=name)
        session.add(practitioner)
        session.flush()
        return practitioner.id


@pytest.fixture
def client_id(db: Database) -> int:
    return add_client(db)


def session_input(client_id: int, **fields: object) -> InteractionInput:
    base = InteractionInput(
        client_id=client_id, kind=InteractionKind.SESSION, occurred_at=SESSION_AT
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def save(
    db: Database, data: InteractionInput, interaction_id: int | None = None, now: dt.datetime = NOW
) -> ix.InteractionDetail:
    with db.unit_of_work() as session:
        return ix.save_draft(session, data, interaction_id=interaction_id, now=now)


def principle_id(db: Database, number: int) -> int:
    with db.reading() as session:
        found = session.scalar(select(Principle.id).where(Principle.number == number))
    assert found is not None
    return found


def answer(
    db: Database, interaction_id: int, number: int, value: V = V.DONE, **text: str
) -> ix.InteractionDetail:
    with db.unit_of_work() as session:
        return ix.answer(session, interaction_id, principle_id(db, number), value, now=NOW, **text)


def finalise(db: Database, interaction_id: int) -> ix.InteractionDetail:
    with db.unit_of_work() as session:
        return ix.finalise(session, interaction_id, now=NOW, today=TODAY)


def get(db: Database, interaction_id: int) -> ix.InteractionDetail:
    with db.reading() as session:
        return ix.get_interaction(session, interaction_id, today=TODAY)


def numbers(detail: ix.InteractionDetail) -> list[int]:
    return [item.number for item in detail.checklist]


def item(detail: ix.InteractionDetail, number: int) -> ix.ChecklistItem:
    return next(i for i in detail.checklist if i.number == number)


def facts(db: Database, data: InteractionInput, interaction_id: int | None = None):  # type: ignore[no-untyped-def]
    with db.reading() as session:
        return ix.facts_for(session, data, today=TODAY, interaction_id=interaction_id)


def counts(db: Database) -> dict[str, int]:
    models: list[type[Base]] = [Interaction, ChecklistAnswer, InteractionAddendum]
    with db.reading() as session:
        return {
            m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0
            for m in models
        }


def answer_required(db: Database, interaction_id: int) -> None:
    """Answer every required item currently missing."""
    for checklist_item in get(db, interaction_id).checklist:
        if checklist_item.requirement == "required" and checklist_item.answer is None:
            answer(db, interaction_id, checklist_item.number)


# --------------------------------------------------------------------------
# Drafts
# --------------------------------------------------------------------------


def test_a_draft_is_created_then_updated_with_its_autosave_time(
    db: Database, client_id: int
) -> None:
    first = save(db, session_input(client_id, notes="Talked about work."))
    assert first.state is InteractionState.DRAFT
    assert first.draft_saved_at == NOW
    assert first.client_name == "Ann Example"
    assert first.client_preferred_name == "Ann"
    assert first.notes == "Talked about work."

    later = NOW + dt.timedelta(seconds=30)
    second = save(
        db, session_input(client_id, notes="Talked about work.\nAnd sleep."), first.id, later
    )

    assert second.id == first.id
    assert second.notes == "Talked about work.\nAnd sleep."
    assert second.draft_saved_at == later
    assert get(db, first.id).draft_saved_at == later
    assert counts(db)["interaction"] == 1
    assert second.as_input() == session_input(client_id, notes="Talked about work.\nAnd sleep.")


def test_kind_labels_cover_every_kind() -> None:
    assert set(ix.KIND_LABELS) == set(InteractionKind)
    assert ix.KIND_LABELS[InteractionKind.CONTACT_ATTEMPT] == "Contact attempt (no answer)"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"client_id": 9999}, "client_id"),
        ({"occurred_at": NOW + dt.timedelta(days=1, minutes=1)}, "occurred_at"),
        ({"notes": "x" * 50_001}, "notes"),
        ({"client_words": "bad\x00text"}, "client_words"),
        ({"practitioner_id": 9999}, "practitioner_id"),
        ({"appointment_id": 9999}, "appointment_id"),
    ],
)
def test_a_draft_with_a_problem_is_refused_and_nothing_stored(
    db: Database, client_id: int, change: dict[str, object], field: str
) -> None:
    before = counts(db)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ix.save_draft(
            session, replace(session_input(client_id), **change), interaction_id=None, now=NOW
        )
    assert caught.value.for_field(field)
    assert counts(db) == before


def test_a_draft_may_be_dated_up_to_a_day_ahead(db: Database, client_id: int) -> None:
    detail = save(db, session_input(client_id, occurred_at=NOW + dt.timedelta(hours=23)))
    assert detail.occurred_at == NOW + dt.timedelta(hours=23)


def test_an_appointment_of_another_client_is_refused(db: Database, client_id: int) -> None:
    other = add_client(db, "Bob Other")
    appointment_id = book(db, other, add_practitioner(db))
    before = counts(db)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ix.save_draft(
            session,
            session_input(client_id, appointment_id=appointment_id),
            interaction_id=None,
            now=NOW,
        )
    assert caught.value.for_field("appointment_id") == "That appointment is with another client."
    assert counts(db) == before


def test_latest_draft_is_the_unfinished_one(db: Database, client_id: int) -> None:
    assert _latest(db, client_id) is None
    done = save(db, session_input(client_id, notes="Finished one."))
    answer_required(db, done.id)
    finalise(db, done.id)
    assert _latest(db, client_id) is None

    older = save(db, session_input(client_id, notes="Older draft"), now=NOW)
    newer = save(
        db,
        session_input(client_id, kind=InteractionKind.PHONE_CALL, notes="Half written"),
        now=NOW + dt.timedelta(minutes=5),
    )

    latest = _latest(db, client_id)
    assert latest is not None
    assert (latest.id, latest.notes) == (newer.id, "Half written")
    assert older.id != newer.id
    assert _latest(db, add_client(db, "Carol Nobody")) is None


def _latest(db: Database, client_id: int) -> ix.InteractionDetail | None:
    with db.reading() as session:
        return ix.latest_draft(session, client_id, today=TODAY)


def test_client_interactions_newest_first_with_the_first_line(db: Database, client_id: int) -> None:
    save(db, session_input(client_id, occurred_at=SESSION_AT - dt.timedelta(days=7), notes="A"))
    long_line = "word " * 40
    newer = save(db, session_input(client_id, notes=f"\n{long_line}\nsecond line"))

    with db.reading() as session:
        rows = ix.client_interactions(session, client_id)

    assert [r.id for r in rows] == [newer.id, rows[1].id]
    assert rows[0].first_line.startswith("word word")
    assert len(rows[0].first_line) <= 80
    assert rows[0].first_line.endswith("…")
    assert rows[1].first_line == "A"


def test_client_interactions_a_page_at_a_time_and_counted(db: Database, client_id: int) -> None:
    saved = [
        save(db, session_input(client_id, occurred_at=SESSION_AT - dt.timedelta(days=n)))
        for n in range(5)
    ]
    with db.reading() as session:
        first = ix.client_interactions(session, client_id, limit=2)
        rest = ix.client_interactions(session, client_id, offset=2, limit=10)
        count = ix.count_client_interactions(session, client_id)
        nobody = ix.count_client_interactions(session, add_client(db, "Carol Nobody"))
    assert [r.id for r in first + rest] == [i.id for i in saved]
    assert (len(first), count, nobody) == (2, 5, 0)


# --------------------------------------------------------------------------
# Facts and which principles apply
# --------------------------------------------------------------------------


def book(db: Database, client_id: int, practitioner_id: int, late_minutes: int = 0) -> int:
    with db.unit_of_work() as session:
        detail = ap.create_appointment(
            session,
            AppointmentInput(client_id, practitioner_id, SESSION_AT, 50),
            now=NOW - dt.timedelta(days=1),
        )
        if late_minutes:
            session.add(
                LatenessNotice(
                    appointment_id=detail.id,
                    who_is_late=LatePerson.PRACTITIONER,
                    expected_minutes=late_minutes,
                )
            )
            # A client's lateness does not count as the practitioner's.
            session.add(
                LatenessNotice(
                    appointment_id=detail.id, who_is_late=LatePerson.CLIENT, expected_minutes=40
                )
            )
    return detail.id


def test_twelve_minutes_late_requires_principle_12(db: Database, client_id: int) -> None:
    appointment_id = book(db, client_id, add_practitioner(db), late_minutes=12)
    detail = save(db, session_input(client_id, appointment_id=appointment_id))

    twelve = item(detail, 12)
    assert twelve.requirement == "required"
    assert "12 minutes late" in twelve.reason
    assert 11 in numbers(detail)


def test_ten_minutes_late_does_not_reach_the_threshold(db: Database, client_id: int) -> None:
    appointment_id = book(db, client_id, add_practitioner(db), late_minutes=10)
    detail = save(db, session_input(client_id, appointment_id=appointment_id))

    assert 12 not in numbers(detail)
    assert "10 minutes late" in item(detail, 11).reason


def test_on_time_without_an_appointment(db: Database, client_id: int) -> None:
    found = facts(db, session_input(client_id))
    assert found.practitioner_minutes_late == 0
    assert found.lateness_threshold_minutes == 10


def test_first_session_only_the_first_time(db: Database, client_id: int) -> None:
    week_ago = session_input(client_id, occurred_at=SESSION_AT - dt.timedelta(days=7))
    first = save(db, week_ago)
    assert facts(db, week_ago, first.id).first_session is True
    assert 14 in numbers(first)

    assert facts(db, session_input(client_id)).first_session is False
    call = session_input(client_id, kind=InteractionKind.PHONE_CALL)
    assert facts(db, call).first_session is False
    assert 14 not in numbers(save(db, session_input(client_id)))
    # The first session stays the first, even with later ones saved.
    assert facts(db, week_ago, first.id).first_session is True


def test_a_completed_appointment_before_means_not_the_first_session(
    db: Database, client_id: int
) -> None:
    appointment_id = book(db, client_id, add_practitioner(db))
    with db.unit_of_work() as session:
        ap.mark_completed(session, appointment_id, now=NOW)
    # The appointment this interaction records does not count against it ...
    assert facts(db, session_input(client_id, appointment_id=appointment_id)).first_session
    # ... but for a later session it is an earlier one.
    later = session_input(client_id, occurred_at=SESSION_AT + dt.timedelta(days=7))
    assert facts(db, later).first_session is False


def test_an_overdue_balance_makes_principle_6_apply(db: Database, client_id: int) -> None:
    assert 6 not in numbers(save(db, session_input(client_id)))
    with db.unit_of_work() as session:
        session.add(
            Charge(
                currency="GBP",
                client_id=client_id,
                kind=ChargeKind.SESSION,
                amount_minor=6000,
                charged_on=TODAY - dt.timedelta(days=45),
            )
        )
    assert facts(db, session_input(client_id)).overdue_balance is True
    detail = save(db, session_input(client_id))
    assert item(detail, 6).requirement == "required"
    assert "overdue balance" in item(detail, 6).reason

    with db.unit_of_work() as session:
        session.add(
            Payment(
                currency="GBP",
                client_id=client_id,
                method=PaymentMethod.CARD,
                amount_minor=6000,
                paid_on=TODAY - dt.timedelta(days=2),
            )
        )
    assert facts(db, session_input(client_id)).overdue_balance is False


def test_a_recent_charge_is_not_overdue(db: Database, client_id: int) -> None:
    with db.unit_of_work() as session:
        session.add(
            Charge(
                currency="GBP",
                client_id=client_id,
                kind=ChargeKind.SESSION,
                amount_minor=6000,
                charged_on=TODAY - dt.timedelta(days=10),
            )
        )
    assert facts(db, session_input(client_id)).overdue_balance is False


def test_an_expectation_due_makes_principle_14_apply(db: Database, client_id: int) -> None:
    save(db, session_input(client_id, occurred_at=SESSION_AT - dt.timedelta(days=14)))
    later = session_input(client_id)
    assert 14 not in numbers(save(db, later))
    with db.unit_of_work() as session:
        session.add(
            Expectation(
                client_id=client_id,
                description="Reply to messages within two working days",
                set_by=SetBy.PRACTICE,
                set_on=TODAY - dt.timedelta(days=30),
                review_on=TODAY,
            )
        )
    assert facts(db, later).expectations_due is True
    detail = save(db, later)
    assert "an expectation is due for review" in item(detail, 14).reason


def test_flags_and_client_status_become_facts(db: Database) -> None:
    paused = add_client(db, "Dee Paused")
    with db.unit_of_work() as session:
        current = clients.get_client(session, paused).as_input()
        clients.update_client(
            session, paused, replace(current, status=ClientStatus.PAUSED), region="GB", today=TODAY
        )
    data = session_input(
        paused,
        not_at_my_best=True,
        plan_not_a_fit=True,
        referral_considered=True,
        checkins_discussed=True,
    )
    found = facts(db, data)
    assert found.client_paused_or_declined
    assert found.not_at_my_best and found.plan_not_a_fit
    assert found.referral_considered and found.checkins_discussed
    detail = save(db, data)
    assert {5, 7, 10, 13} <= set(numbers(detail))
    assert detail.checkins_discussed is True


# --------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------


def test_answers_are_shown_on_the_checklist_and_can_change(db: Database, client_id: int) -> None:
    draft = save(db, session_input(client_id))
    detail = answer(db, draft.id, 3, V.NOT_APPLICABLE, reason="Nothing uncertain came up.")
    assert item(detail, 3).answer == ix.AnswerRow(
        principle_id(db, 3), V.NOT_APPLICABLE, "Nothing uncertain came up.", ""
    )
    detail = answer(db, draft.id, 3, V.NOT_DONE, note="We ran out of time.")
    assert item(detail, 3).answer is not None
    assert item(detail, 3).answer.answer is V.NOT_DONE  # type: ignore[union-attr]
    assert counts(db)["checklist_answer"] == 1

    with db.unit_of_work() as session:
        detail = ix.clear_answer(session, draft.id, principle_id(db, 3), today=TODAY)
    assert item(detail, 3).answer is None
    assert counts(db)["checklist_answer"] == 0


@pytest.mark.parametrize(
    ("value", "text", "field", "message"),
    [
        (V.NOT_APPLICABLE, {"reason": "  "}, "reason", "Say why it does not apply."),
        (V.NOT_DONE, {"note": ""}, "note", "Write what happened instead."),
    ],
)
def test_an_answer_without_its_explanation_is_refused(
    db: Database,
    client_id: int,
    value: V,
    text: dict[str, str],
    field: str,
    message: str,
) -> None:
    draft = save(db, session_input(client_id))
    before = counts(db)
    with pytest.raises(ValidationError) as caught:
        answer(db, draft.id, 2, value, **text)
    assert caught.value.for_field(field) == message
    assert counts(db) == before


def test_answers_are_refused_after_finalising(db: Database, client_id: int) -> None:
    draft = save(db, session_input(client_id, notes="Fine."))
    answer_required(db, draft.id)
    finalise(db, draft.id)
    before = counts(db)

    with pytest.raises(ValidationError) as caught:
        answer(db, draft.id, 3)
    assert caught.value.for_field("state") == ix.FINALISED_MESSAGE
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        ix.clear_answer(session, draft.id, principle_id(db, 1))
    with pytest.raises(ValidationError) as caught:
        save(db, session_input(client_id, notes="Changed"), draft.id)
    assert caught.value.for_field("state") == ix.FINALISED_MESSAGE
    assert counts(db) == before
    assert get(db, draft.id).notes == "Fine."


# --------------------------------------------------------------------------
# Finalising
# --------------------------------------------------------------------------


def test_finalise_lists_the_missing_items_then_accepts(db: Database, client_id: int) -> None:
    appointment_id = book(db, client_id, add_practitioner(db), late_minutes=12)
    draft = save(db, session_input(client_id, appointment_id=appointment_id, notes="Good."))

    with pytest.raises(ValidationError) as caught:
        finalise(db, draft.id)
    message = caught.value.for_field("checklist")
    assert message is not None
    assert message.startswith("Before finalising, answer: 1 (Greet the client")
    assert "2 (Listen carefully…)" in message
    for number in (11, 12, 14):
        assert f", {number} (" in message
    assert "3 (" not in message  # advisory
    assert get(db, draft.id).state is InteractionState.DRAFT

    answer_required(db, draft.id)
    final = finalise(db, draft.id)

    assert final.state is InteractionState.FINAL
    assert final.finalised_at == NOW


def test_a_session_needs_notes_or_the_clients_words(db: Database, client_id: int) -> None:
    draft = save(db, session_input(client_id))
    answer_required(db, draft.id)
    with pytest.raises(ValidationError) as caught:
        finalise(db, draft.id)
    assert caught.value.for_field("notes") == "Write at least the notes or the client's own words."
    assert caught.value.for_field("checklist") is None

    save(db, session_input(client_id, client_words="I feel lighter."), draft.id)
    assert finalise(db, draft.id).state is InteractionState.FINAL


def test_an_unanswered_contact_attempt_needs_no_notes(db: Database, client_id: int) -> None:
    draft = save(db, session_input(client_id, kind=InteractionKind.CONTACT_ATTEMPT))
    assert finalise(db, draft.id).state is InteractionState.FINAL


def test_a_retired_principle_answered_before_still_shows_on_the_final_record(
    db: Database, client_id: int
) -> None:
    draft = save(db, session_input(client_id, notes="Fine."))
    answer(db, draft.id, 4, V.DONE, note="Asked about her sister's name again.")
    with db.unit_of_work() as session:
        session.execute(update(Principle).where(Principle.number == 4).values(active=False))
    answer_required(db, draft.id)
    final = finalise(db, draft.id)

    four = item(final, 4)
    assert four.answer is not None
    assert four.answer.note == "Asked about her sister's name again."
    assert "retired" in four.reason
    assert 4 in numbers(get(db, draft.id))
    # A new interaction does not offer the retired principle.
    assert 4 not in numbers(save(db, session_input(client_id)))


def test_a_final_record_keeps_the_facts_of_its_day(db: Database, client_id: int) -> None:
    draft = save(db, session_input(client_id, notes="Fine."))
    answer_required(db, draft.id)
    finalise(db, draft.id)
    with db.unit_of_work() as session:
        session.add(
            Expectation(
                client_id=client_id,
                description="Homework review",
                set_by=SetBy.CLIENT,
                set_on=TODAY,
                review_on=TODAY + dt.timedelta(days=7),
            )
        )
    with db.reading() as session:
        later = ix.get_interaction(session, draft.id, today=TODAY + dt.timedelta(days=30))
    assert numbers(later) == numbers(get(db, draft.id))


# --------------------------------------------------------------------------
# Corrections
# --------------------------------------------------------------------------


def test_a_correction_keeps_the_original_in_an_addendum(db: Database, client_id: int) -> None:
    draft = save(db, session_input(client_id, notes="Client has two sons."))
    answer_required(db, draft.id)
    finalise(db, draft.id)

    later = NOW + dt.timedelta(days=1)
    with db.unit_of_work() as session:
        corrected = ix.add_correction(
            session,
            draft.id,
            "notes",
            "Client has two daughters.",
            reason="Misheard; she corrected me.",
            now=later,
            actor="pat",
        )

    assert corrected.notes == "Client has two daughters."
    assert corrected.state is InteractionState.FINAL
    assert corrected.addenda == (
        ix.AddendumRow(
            later,
            "pat",
            "notes",
            "Client has two sons.",
            "Client has two daughters.",
            "Misheard; she corrected me.",
        ),
    )
    assert get(db, draft.id).addenda == corrected.addenda


@pytest.mark.parametrize(
    ("field", "new_value", "reason", "problem"),
    [
        ("notes", "New text", "  ", "reason"),
        ("state", "draft", "Want to edit", "field"),
        ("notes", "Same.", "No change", "new_value"),
    ],
)
def test_a_bad_correction_is_refused(
    db: Database, client_id: int, field: str, new_value: str, reason: str, problem: str
) -> None:
    draft = save(db, session_input(client_id, notes="Same."))
    answer_required(db, draft.id)
    finalise(db, draft.id)
    before = counts(db)

    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ix.add_correction(session, draft.id, field, new_value, reason=reason, now=NOW, actor="pat")

    assert caught.value.for_field(problem)
    assert counts(db) == before
    assert get(db, draft.id).notes == "Same."


def test_a_draft_is_edited_not_corrected(db: Database, client_id: int) -> None:
    draft = save(db, session_input(client_id, notes="Draft"))
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ix.add_correction(session, draft.id, "notes", "x", reason="y", now=NOW, actor="pat")
    assert caught.value.for_field("state")
    assert counts(db)["interaction_addendum"] == 0


def test_a_missing_interaction_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError), db.reading() as session:
        ix.get_interaction(session, 12345, today=TODAY)


def test_minutes_late_entered_in_the_editor_drive_the_facts_and_are_kept(db: Database) -> None:
    """Typing 12 minutes late makes principle 12 apply and is kept as a lateness notice."""
    today = dt.date(2026, 11, 23)
    start = dt.datetime(2026, 11, 20, 10, 0)
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Ada Example")
        session.add(ada)
        session.flush()
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=today,
        )
        booked = ap.create_appointment(
            session, AppointmentInput(client.id, ada.id, start, 50), now=start - dt.timedelta(7)
        )
    data = InteractionInput(
        client_id=client.id,
        kind=InteractionKind.SESSION,
        occurred_at=start,
        appointment_id=booked.id,
        practitioner_minutes_late=12,
    )
    with db.unit_of_work() as session:
        assert ix.facts_for(session, data, today=today).practitioner_minutes_late == 12
        ix.save_draft(session, data, interaction_id=None, now=start)
    with db.reading() as session:
        assert [n.expected_minutes for n in session.scalars(select(LatenessNotice))] == [12]
    bad = replace(data, appointment_id=None, practitioner_minutes_late=-3)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        ix.save_draft(session, bad, interaction_id=None, now=start)
    assert caught.value.for_field("practitioner_minutes_late")


def test_a_running_late_notice_answers_principles_11_and_12(db: Database) -> None:
    """Sent notice → 11 answered; offer made and the client's choice recorded → 12 answered."""
    start = dt.datetime(2026, 11, 20, 10, 0)
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Ada Example")
        session.add(ada)
        session.flush()
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=start.date(),
        )
        booked = ap.create_appointment(
            session, AppointmentInput(client.id, ada.id, start, 50), now=start - dt.timedelta(7)
        )
        notice = LatenessNotice(
            appointment_id=booked.id,
            who_is_late=LatePerson.PRACTITIONER,
            expected_minutes=15,
            told_at=start - dt.timedelta(minutes=8),
            reschedule_offered=True,
        )
        session.add(notice)
    data = InteractionInput(
        client_id=client.id,
        kind=InteractionKind.SESSION,
        occurred_at=start,
        appointment_id=booked.id,
        notes="Met.",
    )
    with db.reading() as session:
        items = {
            i.number: i
            for i in ix.checklist_for(session, data, interaction_id=None, today=start.date())
        }
    assert items[11].answer is not None and "09:52" in items[11].answer.note
    assert items[12].answer is None  # offered, but the client's choice is not recorded yet
    with db.unit_of_work() as session:
        session.execute(update(LatenessNotice).values(outcome=LatenessOutcome.WAIT))
    with db.reading() as session:
        items = {
            i.number: i
            for i in ix.checklist_for(session, data, interaction_id=None, today=start.date())
        }
    assert items[12].answer is not None and "chose: wait" in items[12].answer.note
