"""Follow-ups (no Qt): triage and the escalation budget, expectations, check-ins with
consent, contact attempts, the prospects pipeline, principle 14, the brief."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clientcare import clients
from clientcare import followups as fu
from clientcare import interactions as ix
from clientcare.brief import brief_for
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    CheckIn,
    CheckInConsent,
    Client,
    ClientFact,
    ClientIssue,
    ClientStatus,
    ConsentState,
    ContactChannel,
    Expectation,
    ExpectationOutcome,
    Interaction,
    InteractionKind,
    InteractionState,
    IssueStatus,
    Practitioner,
    SetBy,
    Urgency,
)
from clientcare.errors import ValidationError
from clientcare.interactions import InteractionInput

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 12, 0)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def add_client(
    db: Database,
    name: str = "Samantha Example",
    *,
    preferred: str = "",
    status: ClientStatus = ClientStatus.ACTIVE,
) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, preferred_name=preferred, status=status),
            region="GB",
            today=days_ago(200),
        ).id


def add_issue(
    db: Database, client_id: int, urgency: Urgency, raised: int, title: str = "Something"
) -> int:
    with db.unit_of_work() as session:
        return fu.create_issue(
            session,
            fu.IssueInput(
                client_id, title, urgency, days_ago(raised), description="What happened."
            ),
            today=TODAY,
        ).id


def log_contact(
    db: Database, client_id: int, day: dt.date, kind: InteractionKind = InteractionKind.PHONE_CALL
) -> None:
    with db.unit_of_work() as session:
        session.add(
            Interaction(
                client_id=client_id,
                kind=kind,
                occurred_at=dt.datetime.combine(day, dt.time(10)),
                state=InteractionState.FINAL,
            )
        )


def give_consent(db: Database, client_id: int, *, on: dt.date, interval: int = 30) -> None:
    with db.unit_of_work() as session:
        fu.record_consent(
            session,
            client_id,
            ConsentState.GIVEN,
            recorded_on=on,
            today=TODAY,
            channel=ContactChannel.SMS,
            client_words="A message now and then would be nice.",
            interval_days=interval,
        )


def due_list(db: Database, today: dt.date = TODAY) -> list[fu.CheckInDue]:
    with db.reading() as session:
        return fu.checkins_due(session, today=today)


def count(db: Database, model: type) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


# --------------------------------------------------------------------------
# Triage and the escalation budget
# --------------------------------------------------------------------------


def test_triage_orders_by_urgency_then_the_longest_waiting(db: Database) -> None:
    ann, ben = add_client(db, "Ann Example"), add_client(db, "Ben Example")
    low_old = add_issue(db, ann, Urgency.LOW, 60, "Room is cold")
    normal_new = add_issue(db, ben, Urgency.NORMAL, 2, "Receipt address")
    high_new = add_issue(db, ann, Urgency.HIGH, 1, "Letter for work")
    normal_old = add_issue(db, ann, Urgency.NORMAL, 20, "Evening sessions")
    crisis = add_issue(db, ben, Urgency.CRISIS, 0, "Safety plan")
    high_old = add_issue(db, ben, Urgency.HIGH, 9, "Invoice twice")
    with db.reading() as session:
        queue = fu.triage_queue(session, today=TODAY)
    assert [row.id for row in queue] == [
        crisis,
        high_old,
        high_new,
        normal_old,
        normal_new,
        low_old,
    ]
    first = queue[1]
    assert (first.client_name, first.waiting_days, first.status) == ("Ben", 9, IssueStatus.OPEN)


def test_resolved_issues_leave_the_queue(db: Database) -> None:
    ann = add_client(db)
    issue = add_issue(db, ann, Urgency.HIGH, 3)
    with db.unit_of_work() as session:
        fu.resolve_issue(session, issue, "Sent the letter.", resolved_on=TODAY, today=TODAY)
    with db.reading() as session:
        assert fu.triage_queue(session, today=TODAY) == []
        listed = fu.list_issues(session, today=TODAY, include_resolved=True)
    assert [(r.id, r.status, r.resolution_note) for r in listed] == [
        (issue, IssueStatus.RESOLVED, "Sent the letter.")
    ]


def _issues(db: Database, urgent: int, others: int) -> None:
    client = add_client(db)
    for n in range(urgent):
        add_issue(db, client, Urgency.HIGH if n % 2 else Urgency.CRISIS, n)
    for n in range(others):
        add_issue(db, client, Urgency.NORMAL if n % 2 else Urgency.LOW, n)


def test_exactly_one_third_urgent_is_within_the_budget(db: Database) -> None:
    _issues(db, urgent=3, others=6)
    with db.reading() as session:
        budget = fu.escalation_budget(session)
    assert (budget.open, budget.urgent, budget.over_budget) == (9, 3, False)
    assert budget.message == (
        "3 of 9 open issues are marked crisis or high. That is within the budget of one in three."
    )


def test_more_than_one_third_urgent_is_over_the_budget(db: Database) -> None:
    _issues(db, urgent=4, others=5)
    with db.reading() as session:
        budget = fu.escalation_budget(session)
    assert (budget.open, budget.urgent, budget.over_budget) == (9, 4, True)
    assert budget.message == (
        "4 of 9 open issues are marked crisis or high. When everything is urgent, nothing is: "
        "please look again and re-rank."
    )


def test_budget_with_no_open_issues_and_resolved_ones_not_counted(db: Database) -> None:
    with db.reading() as session:
        assert fu.escalation_budget(session) == fu.EscalationBudget(0, 0, False, "No open issues.")
    client = add_client(db)
    crisis = add_issue(db, client, Urgency.CRISIS, 1)
    add_issue(db, client, Urgency.LOW, 1)
    add_issue(db, client, Urgency.LOW, 1)
    with db.unit_of_work() as session:
        fu.resolve_issue(session, crisis, "Safe now.", resolved_on=TODAY, today=TODAY)
    with db.reading() as session:
        budget = fu.escalation_budget(session)
    assert (budget.open, budget.urgent, budget.over_budget) == (2, 0, False)


def test_a_crisis_without_a_note_is_refused_and_nothing_is_stored(db: Database) -> None:
    client = add_client(db)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.create_issue(
            session, fu.IssueInput(client, "Very upset", Urgency.CRISIS, TODAY), today=TODAY
        )
    message = caught.value.for_field("description")
    assert message is not None and message.startswith("An issue marked crisis needs a note")
    assert count(db, ClientIssue) == 0


def test_due_dates_in_the_past_are_refused_with_the_date_named(db: Database) -> None:
    client = add_client(db)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.create_issue(
            session,
            fu.IssueInput(client, "Letter", Urgency.NORMAL, days_ago(10), due_on=days_ago(3)),
            today=TODAY,
        )
    assert caught.value.for_field("due_on") == (
        "The due date 20 Nov 2026 has already passed; choose today or a later day, or leave "
        "it empty."
    )
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.create_issue(
            session,
            fu.IssueInput(client, "Letter", Urgency.NORMAL, TODAY, due_on=days_ago(1)),
            today=TODAY,
        )
    assert "before the issue was raised" in (caught.value.for_field("due_on") or "")
    assert count(db, ClientIssue) == 0


def test_an_overdue_issue_can_be_re_ranked_without_moving_its_due_date(db: Database) -> None:
    client = add_client(db)
    with db.unit_of_work() as session:
        row = fu.create_issue(
            session,
            fu.IssueInput(client, "Letter", Urgency.HIGH, days_ago(10), due_on=days_ago(5)),
            today=days_ago(10),
        )
    with db.unit_of_work() as session:
        changed = fu.update_issue(
            session,
            row.id,
            fu.IssueInput(client, "Letter", Urgency.NORMAL, days_ago(10), due_on=days_ago(5)),
            today=TODAY,
        )
    assert (changed.urgency, changed.overdue) == (Urgency.NORMAL, True)


def test_resolving_needs_a_note_and_reopening_keeps_it(db: Database) -> None:
    client = add_client(db)
    issue = add_issue(db, client, Urgency.NORMAL, 5)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.resolve_issue(session, issue, "  ", resolved_on=TODAY, today=TODAY)
    assert caught.value.for_field("resolution_note")
    with db.unit_of_work() as session:
        fu.resolve_issue(session, issue, "Moved to Tuesdays.", resolved_on=days_ago(1), today=TODAY)
    with db.unit_of_work() as session:
        row = fu.reopen_issue(session, issue, today=TODAY, reason="Tuesdays clash again.")
    assert (row.status, row.resolved_on, row.reopened_count) == (IssueStatus.OPEN, None, 1)
    assert row.description == (
        "What happened.\n\nResolved on 22 Nov 2026: Moved to Tuesdays.\n\n"
        "Reopened on 23 Nov 2026: Tuesdays clash again."
    )
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        fu.reopen_issue(session, issue, today=TODAY)


# --------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------


def add_expectation(db: Database, client_id: int, text: str, review_on: dt.date) -> int:
    with db.unit_of_work() as session:
        session.add(
            row := Expectation(
                client_id=client_id,
                description=text,
                set_by=SetBy.PRACTICE,
                set_on=days_ago(60),
                review_on=review_on,
            )
        )
        session.flush()
        return row.id


def test_expectations_due_are_open_ones_whose_review_date_has_come_oldest_first(
    db: Database,
) -> None:
    client = add_client(db)
    later = add_expectation(db, client, "Replies within two days", days_ago(1))
    today = add_expectation(db, client, "Homework is optional", TODAY)
    add_expectation(db, client, "Sessions are 50 minutes", TODAY + dt.timedelta(days=1))
    older = add_expectation(db, client, "Fees reviewed each year", days_ago(30))
    reviewed = add_expectation(db, client, "Cancellation window", days_ago(40))
    with db.unit_of_work() as session:
        fu.review_expectation(
            session, reviewed, ExpectationOutcome.MET, "", reviewed_on=TODAY, today=TODAY
        )
    with db.reading() as session:
        due = fu.expectations_due(session, today=TODAY)
    assert [row.id for row in due] == [older, later, today]
    assert all(row.due and row.client_name == "Samantha" for row in due)


def test_recording_an_expectation_needs_a_review_date_not_in_the_past(db: Database) -> None:
    client = add_client(db)
    data = fu.ExpectationInput(client, "Replies within two days", SetBy.PRACTICE, TODAY, None)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.record_expectation(session, data, today=TODAY)
    assert "turns into an assumption" in (caught.value.for_field("review_on") or "")
    data = fu.ExpectationInput(
        client, "Replies within two days", SetBy.PRACTICE, TODAY, days_ago(2)
    )
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.record_expectation(session, data, today=TODAY)
    assert "has already passed" in (caught.value.for_field("review_on") or "")
    assert count(db, Expectation) == 0


def test_reviewing_not_met_needs_the_conversation_and_keeps_the_earlier_note(
    db: Database,
) -> None:
    client = add_client(db)
    with db.unit_of_work() as session:
        row = fu.record_expectation(
            session,
            fu.ExpectationInput(
                client,
                "Replies within two days",
                SetBy.PRACTICE,
                TODAY,
                TODAY + dt.timedelta(days=28),
                "Asked how quickly we answer.",
            ),
            today=TODAY,
        )
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.review_expectation(
            session, row.id, ExpectationOutcome.NOT_MET, "", reviewed_on=TODAY, today=TODAY
        )
    assert caught.value.for_field("conversation_note")
    with db.unit_of_work() as session:
        reviewed = fu.review_expectation(
            session,
            row.id,
            ExpectationOutcome.CHANGED,
            "Three days suits better over the holidays.",
            reviewed_on=TODAY,
            today=TODAY,
        )
    assert reviewed.outcome is ExpectationOutcome.CHANGED
    assert reviewed.conversation_note == (
        "Asked how quickly we answer.\n\nThree days suits better over the holidays."
    )
    with db.reading() as session:
        assert fu.open_expectations(session, today=TODAY) == []


# --------------------------------------------------------------------------
# Check-ins
# --------------------------------------------------------------------------


def test_due_is_an_interval_after_the_last_contact_of_any_kind(db: Database) -> None:
    client = add_client(db, "Zoë Núñez")
    give_consent(db, client, on=days_ago(100), interval=30)
    log_contact(db, client, days_ago(50), InteractionKind.CONTACT_ATTEMPT)
    [due] = due_list(db)
    assert (due.client_name, due.last_contact_on, due.due_on) == ("Zoë", days_ago(50), days_ago(20))
    # A completed appointment later on is a contact too.
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name="Ada Example")
        session.add(practitioner)
        session.flush()
        session.add(
            Appointment(
                client_id=client,
                practitioner_id=practitioner.id,
                start=dt.datetime.combine(days_ago(10), dt.time(9)),
                duration_minutes=50,
                status=AppointmentStatus.COMPLETED,
            )
        )
    assert due_list(db) == []
    assert [row.due_on for row in due_list(db, TODAY + dt.timedelta(days=20))] == [
        TODAY + dt.timedelta(days=20)
    ]


def test_logging_a_checkin_moves_the_next_due_date(db: Database) -> None:
    client = add_client(db)
    give_consent(db, client, on=days_ago(45), interval=30)
    assert [row.due_on for row in due_list(db)] == [days_ago(15)]
    with db.unit_of_work() as session:
        fu.log_checkin(session, client, ContactChannel.SMS, "Thinking of you.", NOW)
    assert due_list(db) == []
    with db.reading() as session:
        status = fu.checkin_status(session, client, today=TODAY)
    assert (status.last_contact_on, status.next_due_on) == (TODAY, TODAY + dt.timedelta(days=30))


def test_snooze_hides_a_due_checkin_until_its_day_without_moving_the_base(db: Database) -> None:
    client = add_client(db)
    give_consent(db, client, on=days_ago(40), interval=30)
    with db.unit_of_work() as session:
        fu.snooze_checkin(session, client, TODAY + dt.timedelta(days=5), today=TODAY)
    assert due_list(db) == []
    assert due_list(db, TODAY + dt.timedelta(days=4)) == []
    [back] = due_list(db, TODAY + dt.timedelta(days=5))
    # Still due from the last contact, not from the reminder or the snooze.
    assert back.due_on == days_ago(10)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.snooze_checkin(session, client, TODAY, today=TODAY)
    assert caught.value.for_field("until")


def test_only_clients_with_consent_given_are_ever_due(db: Database) -> None:
    given = add_client(db, "Ann Given")
    asked = add_client(db, "Ben Asked")
    declined = add_client(db, "Cat Declined")
    never = add_client(db, "Dan Never")
    for client in (given, asked, declined, never):
        log_contact(db, client, days_ago(300))
    give_consent(db, given, on=days_ago(200))
    with db.unit_of_work() as session:
        fu.record_consent(
            session, asked, ConsentState.ASKED, recorded_on=days_ago(200), today=TODAY
        )
        fu.record_consent(
            session, declined, ConsentState.DECLINED, recorded_on=days_ago(200), today=TODAY
        )
    assert [row.client_id for row in due_list(db)] == [given]


def test_withdrawal_stops_checkins_at_once_and_a_draft_cannot_be_logged(db: Database) -> None:
    client = add_client(db, "Samantha Example", preferred="Sam")
    give_consent(db, client, on=days_ago(60))
    with db.reading() as session:
        draft = fu.draft_checkin(session, client)
    assert draft.text.startswith("Hello Sam, just thinking of you.")
    with db.unit_of_work() as session:
        status = fu.record_consent(
            session,
            client,
            ConsentState.WITHDRAWN,
            recorded_on=TODAY,
            today=TODAY,
            client_words="Please stop for now.",
        )
    assert (status.consent, status.next_due_on) == (ConsentState.WITHDRAWN, None)
    assert due_list(db) == []
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.log_checkin(session, client, ContactChannel.SMS, draft.text, NOW)
    assert caught.value.for_field("consent") == (
        "Sam has withdrawn consent to check-ins, so this one was not logged and nothing was "
        "stored. Please do not send it."
    )
    assert count(db, CheckIn) == 0
    with db.reading() as session:
        states = session.scalars(select(CheckInConsent.state).order_by(CheckInConsent.id)).all()
        current = session.get(Client, client)
        assert current is not None and current.checkin_consent is ConsentState.WITHDRAWN
    assert states == [ConsentState.GIVEN, ConsentState.WITHDRAWN]


def test_consent_given_needs_a_channel_and_an_interval(db: Database) -> None:
    client = add_client(db)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.record_consent(session, client, ConsentState.GIVEN, recorded_on=TODAY, today=TODAY)
    assert {e.field for e in caught.value.errors} == {"channel", "interval_days"}
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.record_consent(session, client, ConsentState.WITHDRAWN, recorded_on=TODAY, today=TODAY)
    assert "no consent to withdraw" in (caught.value.for_field("state") or "")
    assert count(db, CheckInConsent) == 0


def test_the_draft_uses_the_practice_wording_and_the_language_check(db: Database) -> None:
    client = add_client(db, "Samantha Example", preferred="Sam")
    give_consent(db, client, on=days_ago(60))
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.update_checkin_template(session, "Hi {name}")
    assert "Unknown placeholder {name}" in (caught.value.for_field("checkin_template") or "")
    with db.unit_of_work() as session:
        hits = fu.update_checkin_template(
            session, "Hi {preferred_name} honey, just thinking of you. {practitioner}"
        )
    assert [hit.text for hit in hits] == ["honey"]
    with db.reading() as session:
        draft = fu.draft_checkin(session, client)
    assert draft.text.startswith("Hi Sam honey, just thinking of you.")
    assert [hit.text for hit in draft.hits] == ["honey"]


# --------------------------------------------------------------------------
# Contact attempts
# --------------------------------------------------------------------------


def attempt(db: Database, client_id: int, day: dt.date) -> int:
    with db.unit_of_work() as session:
        return fu.record_contact_attempt(
            session,
            client_id,
            occurred_at=dt.datetime.combine(day, dt.time(12)),
            note="Left a voicemail.",
            now=NOW,
        )


def test_three_unreturned_attempts_bring_a_gentle_suggestion_and_no_status_change(
    db: Database,
) -> None:
    prospect = add_client(db, "Pat Prospect", status=ClientStatus.PROSPECT)
    log_contact(db, prospect, days_ago(20))
    assert [attempt(db, prospect, days_ago(n)) for n in (9, 6)] == [1, 2]
    with db.reading() as session:
        assert fu.contact_attempt_suggestions(session, today=TODAY) == []
    assert attempt(db, prospect, days_ago(3)) == 3
    with db.reading() as session:
        [row] = fu.contact_attempt_suggestions(session, today=TODAY)
        status = session.get(Client, prospect).status  # type: ignore[union-attr]
    assert (row.client_name, row.attempts, row.first_attempt_on) == ("Pat", 3, days_ago(9))
    assert row.suggestion == (
        "3 calls or messages since 14 Nov 2026 have not been returned. Perhaps one last "
        "friendly note to Pat that the door stays open, and then let it rest \u2014 there is "
        "always the next prospect."
    )
    assert status is ClientStatus.PROSPECT
    # They got back in touch: the count starts again.
    log_contact(db, prospect, days_ago(1), InteractionKind.EMAIL)
    with db.reading() as session:
        assert fu.contact_attempt_suggestions(session, today=TODAY) == []
        assert fu.unreturned_attempts(session, prospect) == 0


# --------------------------------------------------------------------------
# The prospects pipeline
# --------------------------------------------------------------------------


def set_inquired(db: Database, client_id: int, day: dt.date) -> None:
    with db.unit_of_work() as session:
        client = session.get(Client, client_id)
        assert client is not None
        client.inquired_on = day


def test_prospect_conversion_over_a_period(db: Database) -> None:
    people = {
        name: add_client(db, name, status=ClientStatus.PROSPECT)
        for name in ("Ann One", "Ben Two", "Cat Three", "Dan Four", "Eve Five", "Old Six")
    }
    for name, client_id in people.items():
        set_inquired(db, client_id, days_ago(400 if name == "Old Six" else 20))
    with db.unit_of_work() as session:
        stage = fu.PipelineStage
        fu.set_prospect_stage(session, people["Ann One"], stage.CONSULTATION, today=TODAY)
        fu.set_prospect_stage(session, people["Ann One"], stage.CLIENT, today=TODAY)
        fu.set_prospect_stage(session, people["Ben Two"], stage.CLIENT, today=TODAY)
        fu.set_prospect_stage(session, people["Cat Three"], stage.CONSULTATION, today=TODAY)
        fu.set_prospect_stage(
            session, people["Dan Four"], stage.DECLINED, today=TODAY, reason="Found someone nearer"
        )
        fu.set_prospect_stage(session, people["Old Six"], stage.CLIENT, today=TODAY)
    with db.reading() as session:
        figures = fu.prospect_conversion(session, days_ago(90), TODAY)
        pipeline = fu.prospects_pipeline(session, today=TODAY)
    assert (
        figures.inquiries,
        figures.consultations,
        figures.became_clients,
        figures.declined,
        figures.still_open,
    ) == (5, 3, 2, 1, 2)
    assert figures.conversion_rate == pytest.approx(2 / 3)
    assert figures.declined_reasons == (("Found someone nearer", 1),)
    assert [(row.client_name, row.stage) for row in pipeline] == [
        ("Cat", fu.PipelineStage.CONSULTATION),
        ("Eve", fu.PipelineStage.INQUIRY),
    ]
    with db.reading() as session:
        statuses = dict(session.execute(select(Client.full_name, Client.status)).all())
    assert statuses["Ann One"] is ClientStatus.ACTIVE
    assert statuses["Dan Four"] is ClientStatus.DECLINED


def test_declining_needs_a_reason_and_nothing_changes_without_one(db: Database) -> None:
    prospect = add_client(db, "Pat Prospect", status=ClientStatus.PROSPECT)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.set_prospect_stage(session, prospect, fu.PipelineStage.DECLINED, today=TODAY)
    assert "why they decided not to go ahead" in (caught.value.for_field("declined_reason") or "")
    with db.reading() as session:
        assert session.get(Client, prospect).status is ClientStatus.PROSPECT  # type: ignore[union-attr]


def test_a_booked_consultation_moves_a_prospect_to_that_stage(db: Database) -> None:
    prospect = add_client(db, "Pat Prospect", status=ClientStatus.PROSPECT)
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name="Ada Example")
        session.add(practitioner)
        session.flush()
        session.add(
            Appointment(
                client_id=prospect,
                practitioner_id=practitioner.id,
                start=dt.datetime.combine(TODAY + dt.timedelta(days=3), dt.time(9)),
                duration_minutes=50,
            )
        )
    with db.reading() as session:
        [row] = fu.prospects_pipeline(session, today=TODAY)
    assert row.stage is fu.PipelineStage.CONSULTATION


# --------------------------------------------------------------------------
# Principle 14 in the interaction checklist
# --------------------------------------------------------------------------


def facts(db: Database, client_id: int, kind: InteractionKind, at: dt.datetime):  # type: ignore[no-untyped-def]
    with db.reading() as session:
        return ix.facts_for(
            session, InteractionInput(client_id, kind, at), today=at.date(), interaction_id=None
        )


def test_principle_14_applies_to_a_first_session_and_to_expectations_due(db: Database) -> None:
    client = add_client(db)
    at = dt.datetime.combine(TODAY, dt.time(10))
    first = facts(db, client, InteractionKind.SESSION, at)
    assert (first.first_session, first.expectations_due) == (True, False)
    log_contact(db, client, days_ago(7), InteractionKind.SESSION)
    later = facts(db, client, InteractionKind.SESSION, at)
    assert (later.first_session, later.expectations_due) == (False, False)
    expectation = add_expectation(db, client, "Replies within two days", TODAY)
    assert facts(db, client, InteractionKind.SESSION, at).expectations_due is True
    with db.unit_of_work() as session:
        fu.review_expectation(
            session, expectation, ExpectationOutcome.MET, "", reviewed_on=TODAY, today=TODAY
        )
    assert facts(db, client, InteractionKind.SESSION, at).expectations_due is False
    add_expectation(db, client, "Homework is optional", TODAY + dt.timedelta(days=1))
    assert facts(db, client, InteractionKind.SESSION, at).expectations_due is False


def test_principle_14_uses_the_day_of_the_interaction(db: Database) -> None:
    client = add_client(db)
    log_contact(db, client, days_ago(30), InteractionKind.SESSION)
    add_expectation(db, client, "Replies within two days", days_ago(2))
    last_week = dt.datetime.combine(days_ago(7), dt.time(10))
    with db.reading() as session:
        written_today = ix.facts_for(
            session,
            InteractionInput(client, InteractionKind.SESSION, last_week),
            today=TODAY,
            interaction_id=None,
        )
    # The session a week ago came before the review date: nothing was due then.
    assert written_today.expectations_due is False


# --------------------------------------------------------------------------
# The pre-session brief
# --------------------------------------------------------------------------


def test_the_brief_gathers_what_to_glance_at(db: Database) -> None:
    with db.unit_of_work() as session:
        detail = clients.create_client(
            session,
            ClientInput(
                full_name="Siobhán Exemple",
                preferred_name="Shiv",
                pronunciation="shi-VAWN",
                pronouns="she/her",
                status=ClientStatus.ACTIVE,
            ),
            region="GB",
            today=days_ago(100),
        )
        session.add(ClientFact(client_id=detail.id, noted_on=days_ago(5), text="Has a new puppy"))
        session.add(
            Interaction(
                client_id=detail.id,
                kind=InteractionKind.SESSION,
                occurred_at=dt.datetime.combine(days_ago(7), dt.time(10)),
                notes="Talked about sleep.",
                client_words="I slept better.",
                state=InteractionState.FINAL,
            )
        )
    client = detail.id
    add_issue(db, client, Urgency.HIGH, 2, "Letter for work")
    add_expectation(db, client, "Replies within two days", days_ago(1))
    with db.reading() as session:
        brief = brief_for(session, client, today=TODAY)
    assert (brief.preferred_name, brief.pronunciation, brief.pronouns) == (
        "Shiv",
        "shi-VAWN",
        "she/her",
    )
    assert brief.last_session is not None
    assert (brief.last_session.notes, brief.last_session.client_words) == (
        "Talked about sleep.",
        "I slept better.",
    )
    assert brief.facts == ((days_ago(5), "Has a new puppy"),)
    assert [e.description for e in brief.expectations] == ["Replies within two days"]
    assert [i.title for i in brief.issues] == ["Letter for work"]
    assert brief.money is None
    assert brief.first_session is False and brief.set_expectations is True
    assert brief.checkins.consent is ConsentState.NOT_ASKED


def test_principle_14_for_expectations_due_is_about_sessions(db: Database) -> None:
    client = add_client(db)
    log_contact(db, client, days_ago(30), InteractionKind.SESSION)
    add_expectation(db, client, "Replies within two days", days_ago(2))
    at = dt.datetime.combine(TODAY, dt.time(10))
    assert facts(db, client, InteractionKind.EMAIL, at).expectations_due is False


def test_a_consent_answer_cannot_be_dated_before_the_latest_one(db: Database) -> None:
    client = add_client(db, "Samantha Example", preferred="Sam")
    give_consent(db, client, on=days_ago(10))
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        fu.record_consent(
            session, client, ConsentState.DECLINED, recorded_on=days_ago(20), today=TODAY
        )
    assert caught.value.for_field("recorded_on") == (
        "Sam's answer was last recorded on 13 Nov 2026 (given); a new answer cannot be dated "
        "before that."
    )
    assert count(db, CheckInConsent) == 1


@pytest.mark.parametrize("what", ["issue", "expectation"])
def test_no_client_chosen_is_refused_by_name_without_asking_the_database(
    db: Database, what: str
) -> None:
    """A form sent before a client was chosen: the message names the field, and no lookup
    of a client with no id is made (SQLAlchemy warns that it can never find one)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
            if what == "issue":
                fu.create_issue(
                    session,
                    fu.IssueInput(None, "Letter", Urgency.NORMAL, TODAY),
                    today=TODAY,  # type: ignore[arg-type]
                )
            else:
                fu.record_expectation(
                    session,
                    fu.ExpectationInput(None, "Replies", SetBy.PRACTICE, TODAY, TODAY),  # type: ignore[arg-type]
                    today=TODAY,
                )
    assert (caught.value.for_field("client_id") or "").startswith("Choose the client")
    assert count(db, ClientIssue) == 0 and count(db, Expectation) == 0


def test_a_clients_open_followups_are_theirs_only_and_counted(db: Database) -> None:
    client = add_client(db, "Samantha Example", preferred="Sam")
    other = add_client(db, "Robin Sample")
    add_issue(db, client, Urgency.NORMAL, 3, "Invoice address wrong")
    add_issue(db, client, Urgency.HIGH, 1, "Needs a letter for work")
    add_issue(db, other, Urgency.CRISIS, 1, "Not theirs")
    with db.unit_of_work() as session:
        fu.record_expectation(
            session,
            fu.ExpectationInput(
                client, "Replies within two days", SetBy.PRACTICE, days_ago(10), TODAY
            ),
            today=days_ago(10),
        )
    with db.reading() as session:
        open_now = fu.open_followups(session, client, today=TODAY)
    assert [i.title for i in open_now.issues] == [
        "Needs a letter for work",
        "Invoice address wrong",
    ]
    assert [e.description for e in open_now.expectations] == ["Replies within two days"]
    assert not open_now.checkin_due  # never asked: no check-in is ever due
    assert open_now.count == 3

    give_consent(db, client, on=days_ago(60), interval=30)
    with db.reading() as session:
        open_now = fu.open_followups(session, client, today=TODAY)
    assert open_now.checkin_due and open_now.count == 4
    with db.reading() as session:
        assert fu.open_followups(session, other, today=TODAY).count == 1
