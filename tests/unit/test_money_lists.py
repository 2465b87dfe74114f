"""The Money screen's lists in SQL, without Qt: what is waiting to be charged (the fee and
any grace worked out by the database, exactly as ``propose_charge`` would), every client's
ageing and balance, follow-ups due; each counted and summed for the whole list, sorted
and read a page at a time, for your clients or the whole practice.

Run on SQLite and, with ``make test-pg``, on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import update

from clientcare import appointments as ap
from clientcare import clients, money, scope
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    ChargeKind,
    ClientStatus,
    MoneyTopic,
    PaymentMethod,
    Practitioner,
)
from clientcare.money import BalanceOrder, Bucket, ToChargeOrder
from clientcare.practice import add_practitioner

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 18, 0)


def add_client(db: Database, name: str, practitioner_id: int | None = None) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(
                full_name=name, status=ClientStatus.ACTIVE, primary_practitioner_id=practitioner_id
            ),
            region="GB",
            today=TODAY,
        ).id


def session_on(
    db: Database,
    client_id: int,
    practitioner_id: int,
    days_ago: int,
    *,
    status: AppointmentStatus = AppointmentStatus.COMPLETED,
    service_id: int | None = None,
    hour: int = 10,
) -> int:
    start = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(hour, 0))
    with db.unit_of_work() as session:
        appointment = ap.create_appointment(
            session,
            AppointmentInput(client_id, practitioner_id, start, 50, service_id=service_id),
            now=start - dt.timedelta(days=30),
        ).id
    with db.unit_of_work() as session:
        if status is AppointmentStatus.COMPLETED:
            ap.mark_completed(session, appointment, now=NOW)
        else:  # a late cancellation or a missed session, as recorded
            session.execute(
                update(Appointment).where(Appointment.id == appointment).values(status=status)
            )
    return appointment


def charged_outcome(
    db: Database, client_id: int, practitioner_id: int, days_ago: int, status: AppointmentStatus
) -> None:
    """A late cancellation or missed session, charged (or recorded waived) at the time."""
    appointment = session_on(db, client_id, practitioner_id, days_ago, status=status)
    with db.unit_of_work() as session:
        money.charge_appointment(session, appointment)


def charge(db: Database, client_id: int, amount: int, days_ago: int) -> None:
    with db.unit_of_work() as session:
        money.add_charge(
            session,
            client_id,
            description="Session",
            amount=amount,
            charged_on=TODAY - dt.timedelta(days=days_ago),
        )


def pay(db: Database, client_id: int, amount: int, days_ago: int = 0) -> None:
    with db.unit_of_work() as session:
        money.record_payment(
            session,
            money.PaymentInput(
                client_id, amount, PaymentMethod.CARD, TODAY - dt.timedelta(days=days_ago)
            ),
        )


@pytest.fixture
def practice(db: Database) -> dict[str, int]:
    """You (Ada) and Sam; a fee for every case the list can meet, for your clients,
    Sam's, and a client nobody looks after."""
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        sam = add_practitioner(session, "Sam Sample").id
        standard = money.save_service(session, money.ServiceInput("Individual session", "70")).id
        free = money.save_service(session, money.ServiceInput("Initial consultation", "0")).id
        tier = money.save_tier(session, money.TierInput("Tier C", "25")).id
        money.set_missed_fees(session, late_cancel="35", no_show="40")
    ann = add_client(db, "Ann Example", you)
    ben = add_client(db, "Benjamin Sample", sam)
    cleo = add_client(db, "Cleo Instance", None)
    dan = add_client(db, "Dan Beispiel", you)
    with db.unit_of_work() as session:
        money.set_fee_arrangement(
            session, ben, effective_from=TODAY - dt.timedelta(days=20), tier_id=tier
        )
        money.set_fee_arrangement(
            session, cleo, effective_from=TODAY - dt.timedelta(days=400), custom_fee="55"
        )
    session_on(db, ann, you, 3, service_id=standard)  # standard fee
    session_on(db, ann, you, 1, service_id=free)  # free: never listed
    session_on(db, ben, sam, 30, service_id=standard)  # before the tier: standard fee
    session_on(db, ben, sam, 10, service_id=standard)  # the tier's fee
    session_on(db, cleo, you, 5)  # no service: the custom fee
    session_on(db, dan, you, 8)  # no service, no arrangement: two services, no fee set
    session_on(db, dan, you, 6, status=AppointmentStatus.NO_SHOW)  # Dan's first: forgiven
    session_on(db, cleo, you, 12, status=AppointmentStatus.LATE_CANCELLED)  # forgiven too
    # Ben's first late cancellation was charged (waived) 40 days ago: this one is due.
    charged_outcome(db, ben, sam, 40, AppointmentStatus.LATE_CANCELLED)
    session_on(db, ben, sam, 4, status=AppointmentStatus.LATE_CANCELLED)
    return {"you": you, "sam": sam, "ann": ann, "ben": ben, "cleo": cleo, "dan": dan}


def fields(proposal: money.ChargeProposal) -> tuple[object, ...]:
    return (
        proposal.appointment_id,
        proposal.client_id,
        proposal.client_name,
        proposal.start,
        proposal.kind,
        proposal.amount_minor,
        proposal.description,
        proposal.source,
        proposal.grace_reason,
    )


def test_each_row_to_charge_is_what_propose_charge_proposes(
    db: Database, practice: dict[str, int]
) -> None:
    with db.reading() as session:
        listed = money.to_charge(session, until=TODAY)
        expected = [money.propose_charge(session, row.appointment_id) for row in listed]
        amounts = {row.client_id: [] for row in listed}  # type: ignore[var-annotated]
        for row in listed:
            amounts[row.client_id].append(row.amount_minor)
    assert [fields(row) for row in listed] == [fields(row) for row in expected if row]
    assert len(listed) == 8  # the free consultation is not listed
    assert amounts[practice["ann"]] == [7000]
    assert amounts[practice["ben"]] == [7000, 2500, 3500]  # standard, then the tier's fee
    assert amounts[practice["cleo"]] == [3500, 5500]  # the policy's fee, the custom fee
    assert amounts[practice["dan"]] == [None, 4000]  # two services and no arrangement
    forgiven = [row for row in listed if row.grace_reason]
    assert [(row.client_id, row.kind) for row in forgiven] == [
        (practice["cleo"], ChargeKind.LATE_CANCEL),
        (practice["dan"], ChargeKind.NO_SHOW),
    ]
    assert [row.client_full_name for row in listed if row.client_id == practice["dan"]] == [
        "Dan Beispiel",
        "Dan Beispiel",
    ]


def test_the_totals_are_the_whole_lists_whatever_page_is_read(
    db: Database, practice: dict[str, int]
) -> None:
    with db.reading() as session:
        listed = money.to_charge(session, until=TODAY)
        totals = money.to_charge_totals(session, until=TODAY)
        page, same = money.to_charge_and_totals(session, until=TODAY, limit=3)
        ids = money.to_charge_with_fee(session, until=TODAY)
    assert totals == same
    assert totals.count == len(listed) == 8
    assert totals.with_fee == 7 and totals.no_fee == 1
    assert totals.forgiven == 2
    # Forgiven fees are recorded waived: they add nothing to the balances.
    assert totals.total_minor == sum(r.amount_minor or 0 for r in listed if not r.grace_reason)
    assert totals.total_minor == 7000 + 2500 + 5500 + 3500 + 7000
    assert [fields(row) for row in page] == [fields(row) for row in listed[:3]]
    assert ids == [row.appointment_id for row in listed if row.amount_minor is not None]
    with db.reading() as session:
        nothing = money.to_charge_and_totals(session, until=TODAY - dt.timedelta(days=100))
    assert nothing == ([], money.ToChargeTotals(0, 0, 0, 0))


@pytest.mark.parametrize("order", list(ToChargeOrder))
@pytest.mark.parametrize("descending", [False, True])
def test_the_list_to_charge_is_sorted_by_the_database_and_read_in_pages(
    db: Database, practice: dict[str, int], order: ToChargeOrder, descending: bool
) -> None:
    with db.reading() as session:
        whole = money.to_charge(session, until=TODAY, order=order, descending=descending)
        pages = [
            money.to_charge(
                session, until=TODAY, order=order, descending=descending, offset=n, limit=3
            )
            for n in (0, 3, 6)
        ]
    assert [row.appointment_id for page in pages for row in page] == [
        row.appointment_id for row in whole
    ]
    keys = {
        ToChargeOrder.DATE: lambda r: r.start,
        ToChargeOrder.CLIENT: lambda r: r.client_full_name.lower(),
        ToChargeOrder.WHAT: lambda r: r.description.split(",")[0].lower(),
        ToChargeOrder.AMOUNT: lambda r: -1 if r.amount_minor is None else r.amount_minor,
    }
    values = [keys[order](row) for row in whole]
    assert values == sorted(values, reverse=descending)


def test_your_list_to_charge_is_your_clients_and_nobodys(
    db: Database, practice: dict[str, int]
) -> None:
    with db.reading() as session:
        yours = scope.own_scope(session)
        mine = money.to_charge(session, until=TODAY, scope=yours)
        totals = money.to_charge_totals(session, until=TODAY, scope=yours)
        everyone = money.to_charge_totals(session, until=TODAY)
    assert {row.client_id for row in mine} == {practice["ann"], practice["cleo"], practice["dan"]}
    assert totals.count == len(mine) == 5
    assert totals.total_minor == 7000 + 5500  # Ann's session, Cleo's (her late fee forgiven)
    assert everyone.count == 8


def test_a_grace_rules_window_counts_only_fees_inside_it(db: Database) -> None:
    with db.unit_of_work() as session:
        practitioner = add_practitioner(session, "Ada Example", is_current_user=True).id
        money.set_missed_fees(session, late_cancel=None, no_show="40")
    eve = add_client(db, "Eve Example", practitioner)
    charged_outcome(db, eve, practitioner, 400, AppointmentStatus.NO_SHOW)  # long ago
    charge(db, eve, 7000, 200)  # a session's fee: not a missed session, does not count
    latest = session_on(db, eve, practitioner, 2, status=AppointmentStatus.NO_SHOW)
    with db.reading() as session:
        (row,) = money.to_charge(session, until=TODAY)
        proposal = money.propose_charge(session, latest)
    assert proposal is not None and fields(row) == fields(proposal)
    assert row.grace_reason.startswith("First missed session in 365 days")
    charged_outcome(db, eve, practitioner, 100, AppointmentStatus.NO_SHOW)  # inside the year
    with db.reading() as session:
        (row,) = money.to_charge(session, until=TODAY)
        proposal = money.propose_charge(session, latest)
    assert proposal is not None and fields(row) == fields(proposal)
    assert row.grace_reason == ""  # one inside the 365 days already: this one is due
    with db.reading() as session:
        assert money.to_charge_totals(session, until=TODAY) == money.ToChargeTotals(1, 1, 4000, 0)


# --------------------------------------------------------------------------
# Ageing and balances
# --------------------------------------------------------------------------


@pytest.fixture
def ledgers(db: Database) -> dict[str, int]:
    """Seventy clients of yours owing from all ages, one of Sam's, one holding credit."""
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        sam = add_practitioner(session, "Sam Sample").id
    chance = random.Random(19)
    ids = {}
    for n in range(70):
        client = add_client(db, f"Client {n:02}", you)
        ids[f"c{n}"] = client
        for days_ago in chance.sample(range(0, 200), 3):
            charge(db, client, chance.choice([2500, 5000, 7000]), days_ago)
        if n % 3 == 0:
            pay(db, client, chance.choice([2500, 6000]), days_ago=chance.randrange(0, 30))
    ids["sam_client"] = add_client(db, "Zed Other", sam)
    charge(db, ids["sam_client"], 9000, 45)
    ids["credit"] = add_client(db, "Cara Credit", you)
    charge(db, ids["credit"], 1000, 10)
    pay(db, ids["credit"], 3000, days_ago=3)
    with db.unit_of_work() as session:  # a refund beyond what was paid (data from elsewhere)
        money.record_adjustment(
            session, ids["c1"], amount=-1500, reason="Correction", adjusted_on=TODAY
        )
    ids["you"], ids["sam"] = you, sam
    return ids


def test_every_clients_ageing_in_sql_is_the_ledgers_rule(
    db: Database, ledgers: dict[str, int]
) -> None:
    with db.reading() as session:
        everyone = money.all_ageing(session, TODAY)
        one_by_one = {cid: money.client_ageing(session, cid, today=TODAY) for cid in everyone}
        yours = money.all_ageing(session, TODAY, scope.own_scope(session))
    assert everyone == one_by_one
    assert set(everyone) - set(yours) == {ledgers["sam_client"]}
    assert everyone[ledgers["credit"]] == money.Ageing(
        {bucket: 0 for bucket in Bucket}, credit_minor=2000
    )


def test_balances_are_sorted_in_sql_and_read_in_pages(
    db: Database, ledgers: dict[str, int]
) -> None:
    with db.reading() as session:
        yours = scope.own_scope(session)
        for order in [*BalanceOrder, *Bucket]:
            whole = money.balances(session, today=TODAY, scope=yours, order=order)
            pages = [
                money.balances(session, today=TODAY, scope=yours, order=order, offset=n, limit=25)
                for n in (0, 25, 50)
            ]
            assert [r.client_id for p in pages for r in p] == [r.client_id for r in whole]
            for number in (0, 30, len(whole) - 1):
                assert (
                    money.balance_position(
                        session, whole[number].client_id, today=TODAY, scope=yours, order=order
                    )
                    == number
                )
        oldest = money.balances(session, today=TODAY, scope=yours)
        by_balance = money.balances(
            session, today=TODAY, scope=yours, order=BalanceOrder.BALANCE, descending=True
        )
        assert (
            money.balance_position(session, ledgers["sam_client"], today=TODAY, scope=yours) is None
        )
    ranks = [
        max((i for i, b in enumerate(Bucket) if r.ageing.buckets[b]), default=-1) for r in oldest
    ]
    assert ranks == sorted(ranks, reverse=True)
    assert [r.balance_minor for r in by_balance] == sorted(
        (r.balance_minor for r in by_balance), reverse=True
    )
    assert by_balance[-1].client_id == ledgers["credit"] and by_balance[-1].balance_minor == -2000


def test_the_figures_are_the_whole_lists_not_the_pages(
    db: Database, ledgers: dict[str, int]
) -> None:
    with db.reading() as session:
        yours = scope.own_scope(session)
        whole = money.balances(session, today=TODAY, scope=yours)
        page, totals = money.balances_and_totals(session, today=TODAY, scope=yours, limit=10)
        alone = money.balance_totals(session, today=TODAY, scope=yours)
        practice = money.overview(session, today=TODAY)
        mine = money.overview(session, today=TODAY, scope=yours)
        found, searched = money.balances_and_totals(
            session, today=TODAY, scope=yours, search="cara", limit=5
        )
    assert totals == alone
    assert [r.client_id for r in page] == [r.client_id for r in whole[:10]]
    assert totals.counts.listed == len(whole) > 10
    assert totals.counts.owing == sum(1 for r in whole if r.balance_minor > 0)
    assert totals.counts.in_credit == 1
    assert totals.credit_minor == 2000
    for bucket in Bucket:
        assert totals.buckets[bucket] == sum(r.ageing.buckets[bucket] for r in whole)
    assert mine.outstanding_minor == totals.outstanding_minor
    assert practice.outstanding_minor == mine.outstanding_minor + 9000  # Sam's client
    assert practice.balances.owing == totals.counts.owing + 1
    assert searched.counts == money.BalanceCounts(1, 0, 1)
    assert [r.client_id for r in found] == [ledgers["credit"]]


def test_received_this_month_follows_the_scope(db: Database, ledgers: dict[str, int]) -> None:
    pay(db, ledgers["sam_client"], 4000)
    with db.reading() as session:
        everyone = money.received_this_month(session, today=TODAY)
        yours = money.received_this_month(session, today=TODAY, scope=scope.own_scope(session))
    assert everyone[0] - yours[0] == 4000
    assert everyone[1] == yours[1] == 0


# --------------------------------------------------------------------------
# Follow-ups due
# --------------------------------------------------------------------------


def test_follow_ups_due_are_paged_counted_and_scoped(db: Database) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        sam = add_practitioner(session, "Sam Sample").id
    yours = [add_client(db, f"Mine {n}", you) for n in range(5)]
    theirs = add_client(db, "Sams Client", sam)
    for days, client in enumerate([*yours, theirs]):
        with db.unit_of_work() as session:
            money.record_conversation(
                session,
                money.ConversationInput(
                    client,
                    TODAY - dt.timedelta(days=30),
                    MoneyTopic.FEE,
                    summary="Talked about the fee",
                    follow_up_on=TODAY - dt.timedelta(days=days),
                ),
            )
    with db.reading() as session:
        mine = scope.own_scope(session)
        everyone = money.conversation_follow_ups_due(session, today=TODAY)
        first = money.conversation_follow_ups_due(session, today=TODAY, scope=mine, limit=2)
        rest = money.conversation_follow_ups_due(
            session, today=TODAY, scope=mine, offset=2, limit=10
        )
        by_client = money.conversation_follow_ups_due(
            session, today=TODAY, scope=mine, order=money.FollowUpOrder.CLIENT, descending=True
        )
        counts = (
            money.count_conversation_follow_ups_due(session, today=TODAY),
            money.count_conversation_follow_ups_due(session, today=TODAY, scope=mine),
        )
        same = money.conversation_follow_ups_due(session, today=TODAY)
    assert counts == (6, 5)
    assert [r.id for r in everyone] == [r.id for r in same]
    assert [r.client_id for r in first + rest] == list(reversed(yours))  # the oldest due first
    assert [r.client_full_name for r in by_client] == [f"Mine {n}" for n in range(4, -1, -1)]


def test_a_client_of_a_practitioner_who_left_is_yours(db: Database) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        kit = add_practitioner(session, "Kit Muster").id
        money.save_service(session, money.ServiceInput("Individual session", "70"))
    dan = add_client(db, "Dan Kits", kit)
    session_on(db, dan, kit, 3)
    charge(db, dan, 5000, 50)
    with db.reading() as session:
        assert money.to_charge_totals(session, until=TODAY, scope=scope.Scope(you)).count == 0
    with db.unit_of_work() as session:
        session.execute(update(Practitioner).where(Practitioner.id == kit).values(active=False))
    with db.reading() as session:
        yours = scope.Scope(you)
        assert money.to_charge_totals(session, until=TODAY, scope=yours).count == 1
        assert [r.client_id for r in money.balances(session, today=TODAY, scope=yours)] == [dan]


def test_counting_the_same_list_again_reuses_its_counting_statement(db: Database) -> None:
    """A new counting SELECT had its cache key worked out on every count (3 ms of Python
    for a list SQLite counts in a tenth of that); the list's own is built once."""
    from clientcare.db import engine

    with db.reading() as session:
        first = money.count_conversation_follow_ups_due(session, today=TODAY)
        hits = engine._counted.cache_info().hits
        again = money.count_conversation_follow_ups_due(session, today=TODAY)
    assert first == again == 0
    assert engine._counted.cache_info().hits == hits + 1
