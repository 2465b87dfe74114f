"""Today's care list without Qt: what needs care, in the issue's order."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from clientcare import care, clients, followups, money
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
)

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
