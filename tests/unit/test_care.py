"""Today's care list without Qt: what needs care, in the issue's order."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from clientcare import care, clients, followups, money, scope
from clientcare.care import CareKind
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Client,
    ClientStatus,
    ConsentState,
    ContactChannel,
    MoneyTopic,
    PaymentMethod,
    SetBy,
    Urgency,
)
from clientcare.practice import add_practitioner

TODAY = dt.date(2026, 11, 23)


def add_client(db: Database, name: str) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        ).id


def test_an_empty_practice_needs_no_care(db: Database) -> None:
    with db.reading() as session:
        assert care.care_list(session, today=TODAY).items == ()


def test_money_follow_ups_come_before_plans_and_say_since_when(db: Database) -> None:
    ann, ben = add_client(db, "Ann Example"), add_client(db, "Ben Example")
    with db.unit_of_work() as session:
        money.add_charge(
            session,
            ben,
            description="Sessions",
            amount="90",
            charged_on=TODAY - dt.timedelta(days=50),
        )
        agreed = TODAY - dt.timedelta(days=45)
        money.create_plan(
            session,
            ben,
            agreed_on=agreed,
            instalments=money.split_evenly(9000, 3, agreed + dt.timedelta(days=14)),
            today=agreed,
        )
        money.record_conversation(
            session,
            money.ConversationInput(
                ann,
                held_on=TODAY - dt.timedelta(days=7),
                topic=MoneyTopic.FEE,
                summary="Fee review",
                follow_up_on=TODAY,
            ),
        )
        money.record_conversation(
            session,
            money.ConversationInput(
                ann,
                held_on=TODAY,
                topic=MoneyTopic.FEE,
                summary="Not yet",
                follow_up_on=TODAY + dt.timedelta(days=1),
            ),
        )
    with db.reading() as session:
        found = care.care_list(session, today=TODAY)
    assert [(i.kind, i.client_id) for i in found.items] == [
        (CareKind.MONEY_FOLLOW_UP, ann),
        (CareKind.PLAN, ben),
    ]
    assert found.items[0].since(TODAY) == "due today"
    assert found.items[1].since(TODAY) == "for 31 days"
    assert found.counts()[CareKind.PLAN] == 1
    # Paying the instalment takes the plan off the list.
    with db.unit_of_work() as session:
        money.record_payment(
            session,
            money.PaymentInput(ben, "30", PaymentMethod.TRANSFER, TODAY, towards_plan=True),
        )
    with db.reading() as session:
        assert care.care_list(session, today=TODAY).of(CareKind.PLAN) == ()


def test_a_check_in_due_names_its_client_by_id_and_full_name(db: Database) -> None:
    cara = add_client(db, "Cara Example")
    with db.unit_of_work() as session:
        # A client of long standing, whose last contact was giving consent 120 days ago.
        session.execute(
            update(Client).where(Client.id == cara).values(created_at=dt.datetime(2026, 1, 5))
        )
        followups.record_consent(
            session,
            cara,
            ConsentState.GIVEN,
            recorded_on=TODAY - dt.timedelta(days=120),
            today=TODAY - dt.timedelta(days=120),
            channel=ContactChannel.EMAIL,
            interval_days=30,
        )
    with db.reading() as session:
        found = care.care_list(session, today=TODAY)
    (item,) = found.of(CareKind.CHECKIN)
    assert item.client_id == cara and item.ref_id == cara
    assert item.client_full_name == "Cara Example"
    assert item.due_on == TODAY - dt.timedelta(days=90)


def _client_of(db: Database, name: str, practitioner_id: int | None) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(
                full_name=name, status=ClientStatus.ACTIVE, primary_practitioner_id=practitioner_id
            ),
            region="GB",
            today=TODAY,
        ).id


def _issue(db: Database, client_id: int, urgency: Urgency, days_ago: int, title: str) -> int:
    with db.unit_of_work() as session:
        return followups.create_issue(
            session,
            followups.IssueInput(
                client_id,
                title,
                urgency,
                TODAY - dt.timedelta(days=days_ago),
                description="What happened, and what was done.",
            ),
            today=TODAY,
        ).id


def test_your_care_list_holds_your_clients_and_nobodys_not_a_co_workers(db: Database) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        sam = add_practitioner(session, "Sam Sample").id
    ann = _client_of(db, "Ann Yours", you)
    ben = _client_of(db, "Ben Sams", sam)
    cat = _client_of(db, "Cat Nobodys", None)
    for client in (ann, ben, cat):
        _issue(db, client, Urgency.NORMAL, 3, "Letter")
        with db.unit_of_work() as session:
            followups.record_expectation(
                session,
                followups.ExpectationInput(
                    client, "Reply within a day", SetBy.PRACTICE, TODAY, review_on=TODAY
                ),
                today=TODAY,
            )
    with db.reading() as session:
        mine = care.care_list(session, today=TODAY, scope=scope.own_scope(session))
        everyone = care.care_list(session, today=TODAY, scope=scope.WHOLE_PRACTICE)
    assert {i.client_full_name for i in mine.items} == {"Ann Yours", "Cat Nobodys"}
    assert mine.counts()[CareKind.ISSUE] == 2 and mine.counts()[CareKind.EXPECTATION] == 2
    assert {i.client_full_name for i in everyone.items} == {"Ann Yours", "Ben Sams", "Cat Nobodys"}
    assert care.sidebar_counts(mine) == {
        "today": 4,
        "followups": 4,
        "referrals": 0,
        "money": 0,
    }
    # What each number counts, in words (one noun for one, another for several).
    assert care.sidebar_breakdown(mine) == {
        "today": ["2 issues open", "2 expectations to review"],
        "followups": ["2 issues open", "2 expectations to review"],
    }


def test_a_bounded_care_list_shows_the_most_urgent_and_counts_them_all(db: Database) -> None:
    """Cut in SQL to the first of each kind in triage order; the totals, the sidebar and
    the escalation budget still count every open issue."""
    ann = add_client(db, "Ann Example")
    _issue(db, ann, Urgency.LOW, 30, "Oldest, low")
    _issue(db, ann, Urgency.NORMAL, 20, "Normal")
    _issue(db, ann, Urgency.HIGH, 2, "High, new")
    _issue(db, ann, Urgency.HIGH, 9, "High, waiting")
    _issue(db, ann, Urgency.CRISIS, 1, "Crisis")
    _issue(db, ann, Urgency.HIGH, 5, "High, middle")
    with db.reading() as session:
        bounded = care.care_list(session, today=TODAY, limit=3)
        whole = care.care_list(session, today=TODAY)
    assert [i.title for i in bounded.of(CareKind.ISSUE)] == [
        "Crisis (crisis)",
        "High, waiting (high)",
        "High, middle (high)",
    ]
    assert [i.title for i in whole.of(CareKind.ISSUE)][:3] == [
        i.title for i in bounded.of(CareKind.ISSUE)
    ]
    assert bounded.total(CareKind.ISSUE) == 6 and bounded.cut and not whole.cut
    assert care.sidebar_counts(bounded)["today"] == 6
    # 4 of 6 marked crisis or high: over the budget, counted over all six, not the three shown.
    assert bounded.notice == whole.notice
    assert "4 of 6 open issues" in bounded.notice
