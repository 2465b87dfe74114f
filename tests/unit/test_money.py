"""Money rules without Qt: fees, charges and grace, payments, the ledger, ageing, plans."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from clientcare import appointments as ap
from clientcare import clients, money
from clientcare import interactions as ix
from clientcare import money_format as mf
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Charge,
    ChargeKind,
    ChargeMode,
    ChargeStatus,
    ClientStatus,
    GraceKind,
    InteractionKind,
    MoneyTopic,
    Payment,
    PaymentMethod,
    PlanStatus,
    Practitioner,
)
from clientcare.errors import ValidationError
from clientcare.interactions import InteractionInput
from clientcare.money import Bucket, InstalmentState, PaymentInput
from clientcare.money.charges import _charge_row
from clientcare.settings import PracticeInput, get_practice, update_practice

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 18, 0)
CARD = PaymentMethod.CARD


def add_client(db: Database, name: str = "Ann Example") -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        ).id


@pytest.fixture
def client_id(db: Database) -> int:
    return add_client(db)


@pytest.fixture
def practitioner_id(db: Database) -> int:
    with db.unit_of_work() as session:
        row = Practitioner(full_name="Pat Practitioner")
        session.add(row)
        session.flush()
        return row.id


def charge(db: Database, client_id: int, amount: str | int, days_ago: int = 0) -> int:
    with db.unit_of_work() as session:
        return money.add_charge(
            session,
            client_id,
            description="Session",
            amount=amount,
            charged_on=TODAY - dt.timedelta(days=days_ago),
        ).id


def pay(db: Database, client_id: int, amount: str | int, **kw: object) -> money.PaymentResult:
    with db.unit_of_work() as session:
        return money.record_payment(session, PaymentInput(client_id, amount, CARD, TODAY, **kw))  # type: ignore[arg-type]


def balance(db: Database, client_id: int) -> int:
    with db.reading() as session:
        return money.client_balance(session, client_id)


def count(db: Database, model: type) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def refused(db: Database, call, field: str) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        call(session)
    message = caught.value.for_field(field)
    assert message, caught.value
    return message


# --------------------------------------------------------------------------
# Amounts
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "locale", "minor"),
    [
        ("45", "GBP", "en_GB", 4500),
        ("£1,234.50", "GBP", "en_GB", 123450),
        ("12,34", "EUR", "de_DE", 1234),
        ("1.234,56 €", "EUR", "de_DE", 123456),
        ("500", "JPY", "ja_JP", 500),
        (" 0.5 ", "USD", "en_US", 50),
    ],
)
def test_amounts_are_read_exactly_in_the_practice_locale(
    text: str, currency: str, locale: str, minor: int
) -> None:
    assert mf.parse_amount(text, currency, locale) == minor


@pytest.mark.parametrize(
    ("text", "currency", "words"),
    [
        ("12.345", "GBP", "too many decimals"),
        ("5.5", "JPY", "JPY has no decimals"),
        ("-3", "GBP", "can't be negative"),
        ("0", "GBP", "more than zero"),
        ("EUR 5", "GBP", "keeps its accounts in GBP"),
        ("forty", "GBP", "is not a number"),
        ("", "GBP", "missing"),
        ("1e9999", "GBP", "is not a number"),
    ],
)
def test_bad_amounts_say_what_is_wrong(text: str, currency: str, words: str) -> None:
    with pytest.raises(mf.AmountError) as caught:
        mf.parse_amount(text, currency, "en_GB")
    assert words in caught.value.error.message


def test_amounts_are_written_for_the_locale() -> None:
    assert mf.format_money(123456, "GBP", "en_GB") == "£1,234.56"
    assert mf.format_money(123456, "EUR", "de_DE") == "1.234,56\xa0€"
    assert mf.format_money(500, "JPY", "ja_JP") == "￥500"


# --------------------------------------------------------------------------
# Fee schedule
# --------------------------------------------------------------------------


def test_fee_in_force_follows_the_arrangement_history(db: Database, client_id: int) -> None:
    with db.unit_of_work() as session:
        service = money.save_service(session, money.ServiceInput("Individual session", "80"))
        tier = money.save_tier(session, money.TierInput("Tier B", "45", "Low income"))
        money.set_fee_arrangement(
            session, client_id, effective_from=dt.date(2026, 3, 1), tier_id=tier.id
        )
        money.set_fee_arrangement(
            session, client_id, effective_from=dt.date(2026, 9, 1), custom_fee="30"
        )
    with db.reading() as session:
        before = money.fee_for(session, client_id, dt.date(2026, 2, 1), service.id)
        tiered = money.fee_for(session, client_id, dt.date(2026, 5, 1), service.id)
        custom = money.fee_for(session, client_id, dt.date(2026, 10, 1), service.id)
        history = money.fee_history(session, client_id)
    assert (before.amount_minor, before.source) == (8000, "standard fee of Individual session")
    assert (tiered.amount_minor, tiered.source) == (4500, "sliding scale: Tier B")
    assert custom.amount_minor == 3000
    assert [h.label for h in history] == ["Custom fee", "Tier B"]


def test_an_arrangement_needs_a_tier_or_a_custom_fee_not_both(db: Database, client_id: int) -> None:
    with db.unit_of_work() as session:
        tier = money.save_tier(session, money.TierInput("Tier A", "60"))
    message = refused(
        db,
        lambda s: money.set_fee_arrangement(
            s, client_id, effective_from=TODAY, tier_id=tier.id, custom_fee="20"
        ),
        "tier",
    )
    assert "one of the two" in message
    refused(db, lambda s: money.set_fee_arrangement(s, client_id, effective_from=TODAY), "tier")


def test_services_and_tiers_refuse_duplicates_and_bad_fees(db: Database) -> None:
    with db.unit_of_work() as session:
        money.save_service(session, money.ServiceInput("Couples session", "90"))
    assert "already a service" in refused(
        db, lambda s: money.save_service(s, money.ServiceInput("couples SESSION", "95")), "name"
    )
    assert "too many decimals" in refused(
        db, lambda s: money.save_tier(s, money.TierInput("Tier Z", "12.999")), "fee"
    )


# --------------------------------------------------------------------------
# Charges and grace rules
# --------------------------------------------------------------------------


def book(db: Database, client_id: int, practitioner_id: int, day: dt.date) -> int:
    start = dt.datetime.combine(day, dt.time(10, 0))
    with db.unit_of_work() as session:
        return ap.create_appointment(
            session,
            AppointmentInput(client_id, practitioner_id, start, 50),
            now=start - dt.timedelta(days=7),
        ).id


def set_policy(db: Database, *, no_show: str | None = None, late: str | None = None) -> None:
    with db.unit_of_work() as session:
        money.set_missed_fees(session, late_cancel=late, no_show=no_show)


def no_show(db: Database, appointment_id: int, circumstance: str | None = None) -> None:
    with db.unit_of_work() as session:
        ap.mark_no_show(session, appointment_id, now=NOW, circumstance=circumstance)


def charges(db: Database) -> list[money.ChargeRow]:
    with db.reading() as session:
        rows = session.scalars(select(Charge).order_by(Charge.id))
        return [_charge_row(row) for row in rows]


def test_confirm_mode_lists_a_completed_session_until_it_is_charged(
    db: Database, client_id: int, practitioner_id: int
) -> None:
    with db.unit_of_work() as session:
        money.save_service(session, money.ServiceInput("Individual session", "70"))
    appointment = book(db, client_id, practitioner_id, TODAY - dt.timedelta(days=2))
    with db.unit_of_work() as session:
        ap.mark_completed(session, appointment, now=NOW)
    assert charges(db) == []
    with db.reading() as session:
        waiting = money.uncharged(session, until=TODAY)
    assert [(p.appointment_id, p.amount_minor) for p in waiting] == [(appointment, 7000)]
    with db.unit_of_work() as session:
        money.charge_appointment(session, appointment, amount="65.50")
    assert [(c.kind, c.amount_minor) for c in charges(db)] == [(ChargeKind.SESSION, 6550)]
    with db.reading() as session:
        assert money.uncharged(session, until=TODAY) == []
    assert "already been charged" in refused(
        db, lambda s: money.charge_appointment(s, appointment), "amount"
    )


def test_automatic_mode_charges_on_completion_at_the_clients_fee(
    db: Database, client_id: int, practitioner_id: int
) -> None:
    with db.unit_of_work() as session:
        money.save_service(session, money.ServiceInput("Individual session", "70"))
        tier = money.save_tier(session, money.TierInput("Tier C", "25"))
        money.set_fee_arrangement(
            session, client_id, effective_from=TODAY - dt.timedelta(days=30), tier_id=tier.id
        )
        money.set_charge_mode(session, ChargeMode.AUTOMATIC)
    appointment = book(db, client_id, practitioner_id, TODAY)
    with db.unit_of_work() as session:
        ap.mark_completed(session, appointment, now=NOW)
    assert [(c.amount_minor, c.currency, c.status) for c in charges(db)] == [
        (2500, "GBP", ChargeStatus.DUE)
    ]


def test_no_show_fee_only_where_the_policy_says_so(
    db: Database, client_id: int, practitioner_id: int
) -> None:
    with db.unit_of_work() as session:
        money.set_charge_mode(session, ChargeMode.AUTOMATIC)
    first = book(db, client_id, practitioner_id, TODAY - dt.timedelta(days=1))
    no_show(db, first)
    assert charges(db) == []  # no fee in the policy: nothing charged, nothing to confirm
    with db.reading() as session:
        assert money.uncharged(session, until=TODAY) == []


def test_first_no_show_is_forgiven_and_recorded_waived_the_second_is_due(
    db: Database, client_id: int, practitioner_id: int
) -> None:
    set_policy(db, no_show="40")
    with db.unit_of_work() as session:
        money.set_charge_mode(session, ChargeMode.AUTOMATIC)
    first = book(db, client_id, practitioner_id, TODAY - dt.timedelta(days=14))
    second = book(db, client_id, practitioner_id, TODAY - dt.timedelta(days=7))
    no_show(db, first)
    no_show(db, second)
    rows = charges(db)
    assert [(c.status, c.amount_minor) for c in rows] == [
        (ChargeStatus.WAIVED, 4000),
        (ChargeStatus.DUE, 4000),
    ]
    assert "First missed session in 365 days: forgiven" in rows[0].waived_reason
    assert balance(db, client_id) == 4000


def test_illness_is_exempt_even_after_the_first_is_used(
    db: Database, client_id: int, practitioner_id: int
) -> None:
    set_policy(db, no_show="40", late="25")
    with db.unit_of_work() as session:
        money.set_charge_mode(session, ChargeMode.AUTOMATIC)
    first = book(db, client_id, practitioner_id, TODAY - dt.timedelta(days=14))
    no_show(db, first)
    later = book(db, client_id, practitioner_id, TODAY + dt.timedelta(days=1))
    with db.unit_of_work() as session:
        ap.cancel_appointment(
            session,
            later,
            by=ap.CancelledBy.CLIENT,
            reason="Flu",
            now=NOW,
            circumstance="illness",
        )
    rows = charges(db)
    assert rows[1].kind is ChargeKind.LATE_CANCEL
    assert rows[1].status is ChargeStatus.WAIVED
    assert rows[1].waived_reason.startswith("Illness: exempt")


def test_the_forgiveness_window_and_allowance_are_data(
    db: Database, client_id: int, practitioner_id: int
) -> None:
    set_policy(db, no_show="40")
    with db.unit_of_work() as session:
        for rule in money.list_grace_rules(session):
            if rule.kind is GraceKind.FIRST_FORGIVEN:
                money.save_grace_rule(
                    session,
                    money.GraceRuleInput(
                        GraceKind.FIRST_FORGIVEN, "no_show", allowance=1, window_days=30
                    ),
                    rule.id,
                )
    old = book(db, client_id, practitioner_id, TODAY - dt.timedelta(days=60))
    recent = book(db, client_id, practitioner_id, TODAY - dt.timedelta(days=2))
    for appointment in (old, recent):
        no_show(db, appointment)
        with db.unit_of_work() as session:
            money.charge_appointment(session, appointment)
    # The old one was the first in its 30 days; so is the recent one (60 days later).
    assert [c.status for c in charges(db)] == [ChargeStatus.WAIVED, ChargeStatus.WAIVED]


def test_a_bad_grace_rule_is_refused(db: Database) -> None:
    assert "1 to 20" in refused(
        db,
        lambda s: money.save_grace_rule(
            s, money.GraceRuleInput(GraceKind.FIRST_FORGIVEN, allowance=0)
        ),
        "allowance",
    )
    refused(
        db,
        lambda s: money.save_grace_rule(s, money.GraceRuleInput(GraceKind.CIRCUMSTANCE)),
        "circumstance",
    )


def test_waiving_keeps_the_charge_with_its_reason(db: Database, client_id: int) -> None:
    charge_id = charge(db, client_id, "60")
    refused(db, lambda s: money.waive_charge(s, charge_id, "  "), "reason")
    with db.unit_of_work() as session:
        money.waive_charge(session, charge_id, "Session cut short by a fire alarm.")
    assert count(db, Charge) == 1
    assert balance(db, client_id) == 0
    with db.reading() as session:
        ledger = money.client_ledger(session, client_id)
    assert "waived: Session cut short" in ledger.entries[0].description


def test_a_charge_with_payments_against_it_cannot_be_deleted(db: Database, client_id: int) -> None:
    paid = charge(db, client_id, "60", days_ago=10)
    unpaid = charge(db, client_id, "60", days_ago=3)
    pay(db, client_id, "20")
    message = refused(db, lambda s: money.delete_charge(s, paid, today=TODAY), "charge")
    assert "£20.00 of payments against it" in message
    assert count(db, Charge) == 2
    with db.unit_of_work() as session:
        money.delete_charge(session, unpaid, today=TODAY)
    assert count(db, Charge) == 1


# --------------------------------------------------------------------------
# Payments and refunds
# --------------------------------------------------------------------------


def test_paying_more_than_the_balance_is_kept_as_credit(db: Database, client_id: int) -> None:
    charge(db, client_id, "60")
    result = pay(db, client_id, "75")
    assert result.balance_minor == -1500
    assert result.credit_minor == 1500


def test_a_refund_beyond_what_was_paid_is_refused(db: Database, client_id: int) -> None:
    pay(db, client_id, "50")
    message = refused(
        db,
        lambda s: money.record_refund(s, PaymentInput(client_id, "60", CARD, TODAY)),
        "amount",
    )
    assert "£50.00 can still be refunded" in message
    with db.unit_of_work() as session:
        money.record_refund(session, PaymentInput(client_id, "50", CARD, TODAY))
    assert "nothing left to refund" in refused(
        db,
        lambda s: money.record_refund(s, PaymentInput(client_id, "1", CARD, TODAY)),
        "amount",
    )


def test_a_refund_of_one_payment_is_limited_to_it(db: Database, client_id: int) -> None:
    first = pay(db, client_id, "30").payment.id
    pay(db, client_id, "50")
    message = refused(
        db,
        lambda s: money.record_refund(
            s, PaymentInput(client_id, "40", CARD, TODAY), refund_of_id=first
        ),
        "amount",
    )
    assert "£30.00 of that payment" in message


def test_payment_problems_are_all_reported_and_nothing_is_stored(
    db: Database, client_id: int
) -> None:
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        money.record_payment(
            session,
            PaymentInput(client_id, "12.345", CARD, TODAY, reference="x" * 201, currency="EUR"),
        )
    fields = {e.field for e in caught.value.errors}
    assert fields == {"amount", "reference", "currency"}
    assert "keeps its accounts in GBP" in (caught.value.for_field("currency") or "")
    assert count(db, Payment) == 0


def test_the_currency_cannot_change_once_the_accounts_hold_amounts(
    db: Database, client_id: int
) -> None:
    with db.unit_of_work() as session:
        current = get_practice(session)
        update_practice(session, PracticeInput(**{**current.__dict__, "currency": "EUR"}))
        update_practice(session, PracticeInput(**{**current.__dict__, "currency": "GBP"}))
    charge(db, client_id, "10")
    with db.reading() as session:
        current = get_practice(session)
    message = refused(
        db,
        lambda s: update_practice(s, PracticeInput(**{**current.__dict__, "currency": "EUR"})),
        "currency",
    )
    assert "already hold amounts in GBP" in message


# --------------------------------------------------------------------------
# The ledger always balances (property test)
# --------------------------------------------------------------------------

operations = st.lists(
    st.one_of(
        st.tuples(st.just("charge"), st.integers(1, 50_000), st.integers(0, 200)),
        st.tuples(st.just("pay"), st.integers(1, 50_000), st.integers(0, 200)),
        st.tuples(st.just("refund"), st.integers(1, 50_000), st.integers(0, 200)),
        st.tuples(st.just("adjust"), st.integers(-20_000, 20_000), st.integers(0, 200)),
        st.tuples(st.just("waive"), st.integers(0, 30), st.integers(0, 200)),
        st.tuples(st.just("delete"), st.integers(0, 30), st.integers(0, 200)),
    ),
    max_size=25,
)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=operations)
def test_the_ledger_always_balances(db: Database, ops: list[tuple[str, int, int]]) -> None:
    """Whatever is recorded or refused, balance = charges − payments + refunds − adjustments."""
    client = add_client(db, "Property Example")
    expected = {"charges": 0, "paid": 0, "refunded": 0, "adjusted": 0}
    charge_amounts: dict[int, int] = {}
    for op, amount, days_ago in ops:
        day = TODAY - dt.timedelta(days=days_ago)
        try:
            with db.unit_of_work() as session:
                if op == "charge":
                    row = money.add_charge(
                        session, client, description="Session", amount=amount, charged_on=day
                    )
                    charge_amounts[row.id] = amount
                    expected["charges"] += amount
                elif op == "pay":
                    money.record_payment(session, PaymentInput(client, amount, CARD, day))
                    expected["paid"] += amount
                elif op == "refund":
                    money.record_refund(session, PaymentInput(client, amount, CARD, day))
                    expected["refunded"] += amount
                elif op == "adjust":
                    money.record_adjustment(
                        session, client, amount=amount, reason="Correction", adjusted_on=day
                    )
                    expected["adjusted"] += amount
                elif charge_amounts:
                    target = sorted(charge_amounts)[amount % len(charge_amounts)]
                    if op == "waive":
                        money.waive_charge(session, target, "Courtesy")
                    else:
                        money.delete_charge(session, target, today=TODAY)
                    expected["charges"] -= charge_amounts.pop(target)
        except ValidationError:
            pass  # refused: nothing may have changed
        with db.reading() as session:
            got = money.client_balance(session, client)
            ledger = money.client_ledger(session, client)
            ageing = money.client_ageing(session, client, today=TODAY)
            # The Money screen's reading of every client at once (totals first, the
            # charges only of those who owe) ages the client exactly the same.
            everyone = money.all_ageing(session, TODAY)
        want = expected["charges"] - expected["paid"] + expected["refunded"] - expected["adjusted"]
        if client in everyone:
            assert everyone[client] == ageing
        else:  # nothing recorded yet (or everything refused, waived or deleted)
            assert ageing.outstanding_minor == ageing.credit_minor == 0
        assert got == want
        assert ledger.balance_minor == want
        assert ageing.outstanding_minor - ageing.credit_minor == want
        assert expected["refunded"] <= expected["paid"]
        assert all(amount >= 0 for amount in ageing.buckets.values())


# --------------------------------------------------------------------------
# Ageing
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (0, Bucket.CURRENT),
        (1, Bucket.DAYS_1_30),
        (30, Bucket.DAYS_1_30),
        (31, Bucket.DAYS_31_60),
        (60, Bucket.DAYS_31_60),
        (61, Bucket.DAYS_61_90),
        (90, Bucket.DAYS_61_90),
        (91, Bucket.OVER_90),
        (400, Bucket.OVER_90),
    ],
)
def test_ageing_buckets_on_their_boundary_days(days: int, bucket: Bucket) -> None:
    assert money.bucket_for(days) is bucket
    ageing = money.age_amounts([(1, TODAY - dt.timedelta(days=days), 1000)], 0, TODAY)
    assert ageing.buckets[bucket] == 1000
    assert ageing.outstanding_minor == 1000


def test_payments_cover_the_oldest_charges_first(db: Database, client_id: int) -> None:
    charge(db, client_id, "60", days_ago=95)
    charge(db, client_id, "60", days_ago=45)
    charge(db, client_id, "60", days_ago=0)
    pay(db, client_id, "80")
    with db.reading() as session:
        ageing = money.client_ageing(session, client_id, today=TODAY)
        practice = money.overview(session, today=TODAY)
        rows = money.balances(session, today=TODAY)
    assert ageing.buckets == {
        Bucket.CURRENT: 6000,
        Bucket.DAYS_1_30: 0,
        Bucket.DAYS_31_60: 4000,
        Bucket.DAYS_61_90: 0,
        Bucket.OVER_90: 0,
    }
    assert ageing.overdue_minor == 4000
    assert practice.outstanding_minor == 10000
    assert practice.received_this_month_minor == 8000
    assert rows[0].next_step.startswith("Mention the balance gently")


def test_balances_are_searchable_and_oldest_first(db: Database) -> None:
    zoe = add_client(db, "Zoë Ångström")
    bob = add_client(db, "Bob Example")
    charge(db, zoe, "10", days_ago=100)
    charge(db, bob, "90", days_ago=5)
    with db.reading() as session:
        everyone = money.balances(session, today=TODAY)
        found = money.balances(session, today=TODAY, search="zoe")
    assert [r.client_id for r in everyone] == [zoe, bob]
    assert [r.client_id for r in found] == [zoe]
    assert "options" in everyone[0].next_step


def test_overdue_balance_feeds_principle_6(db: Database, client_id: int) -> None:
    charge(db, client_id, "60", days_ago=31)
    data = InteractionInput(
        client_id=client_id, kind=InteractionKind.SESSION, occurred_at=NOW - dt.timedelta(hours=2)
    )
    with db.reading() as session:
        assert ix.facts_for(session, data, today=TODAY).overdue_balance is True
    pay(db, client_id, "60")
    with db.reading() as session:
        assert ix.facts_for(session, data, today=TODAY).overdue_balance is False


# --------------------------------------------------------------------------
# Payment plans
# --------------------------------------------------------------------------


def test_split_evenly_adds_up_exactly() -> None:
    parts = money.split_evenly(10000, 3, dt.date(2026, 1, 31))
    assert [p.amount for p in parts] == [3334, 3333, 3333]
    assert [p.due_on for p in parts] == [
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
    ]


def test_instalments_are_paid_part_paid_due_or_past_their_date(
    db: Database, client_id: int
) -> None:
    charge(db, client_id, "90", days_ago=60)
    pay(db, client_id, "10")  # before the plan: not towards it
    agreed = TODAY - dt.timedelta(days=40)
    with db.unit_of_work() as session:
        plan = money.create_plan(
            session,
            client_id,
            agreed_on=agreed,
            instalments=money.split_evenly(8000, 4, agreed + dt.timedelta(days=7), every_days=14),
            today=agreed,
        )
    assert plan.status is PlanStatus.ACTIVE
    pay(db, client_id, "30", towards_plan=True)
    with db.reading() as session:
        view = money.active_plan(session, client_id, today=TODAY)
    assert view is not None
    assert [i.state for i in view.instalments] == [
        InstalmentState.PAID,
        InstalmentState.OVERDUE,  # 10 of 20 covered, its date passed
        InstalmentState.OVERDUE,
        InstalmentState.DUE,  # due in 9 days
    ]
    pay(db, client_id, "50", towards_plan=True)
    with db.reading() as session:
        done = money.client_plans(session, client_id, today=TODAY)[0]
    assert done.status is PlanStatus.COMPLETED
    assert balance(db, client_id) == 0


def test_a_plan_cannot_exceed_the_balance_or_repeat_a_date(db: Database, client_id: int) -> None:
    charge(db, client_id, "60")
    message = refused(
        db,
        lambda s: money.create_plan(
            s,
            client_id,
            agreed_on=TODAY,
            instalments=money.split_evenly(9000, 3, TODAY),
            today=TODAY,
        ),
        "instalments",
    )
    assert "balance is £60.00" in message
    same_day = [money.InstalmentInput(TODAY, "30"), money.InstalmentInput(TODAY, "30")]
    assert "same day" in refused(
        db,
        lambda s: money.create_plan(
            s, client_id, agreed_on=TODAY, instalments=same_day, today=TODAY
        ),
        "instalments",
    )


# --------------------------------------------------------------------------
# Money conversations
# --------------------------------------------------------------------------


def test_a_conversation_linked_to_a_contact_makes_principle_6_apply(
    db: Database, client_id: int
) -> None:
    data = InteractionInput(
        client_id=client_id, kind=InteractionKind.PHONE_CALL, occurred_at=NOW - dt.timedelta(days=3)
    )
    with db.unit_of_work() as session:
        interaction = ix.save_draft(session, data, interaction_id=None, now=NOW)
    with db.reading() as session:
        before = ix.facts_for(session, data, today=TODAY, interaction_id=interaction.id)
    with db.unit_of_work() as session:
        money.record_conversation(
            session,
            money.ConversationInput(
                client_id,
                held_on=TODAY,
                topic=MoneyTopic.SLIDING_SCALE,
                client_words="Fortnightly sessions would make it possible.",
                agreed_outcome="Tier B from next month.",
                follow_up_on=TODAY + dt.timedelta(days=14),
                interaction_id=interaction.id,
            ),
        )
    with db.reading() as session:
        after = ix.facts_for(session, data, today=TODAY, interaction_id=interaction.id)
    assert before.money_conversation_linked is False
    assert after.money_conversation_linked is True


def test_conversation_follow_ups_come_due_and_can_be_done(db: Database, client_id: int) -> None:
    with db.unit_of_work() as session:
        row = money.record_conversation(
            session,
            money.ConversationInput(
                client_id,
                held_on=TODAY - dt.timedelta(days=10),
                topic=MoneyTopic.OVERDUE_BALANCE,
                summary="Talked about the balance from the summer.",
                follow_up_on=TODAY,
            ),
        )
    with db.reading() as session:
        assert [r.id for r in money.conversation_follow_ups_due(session, today=TODAY)] == [row.id]
        assert money.conversation_follow_ups_due(session, today=TODAY - dt.timedelta(days=1)) == []
    with db.unit_of_work() as session:
        money.complete_follow_up(session, row.id, done_on=TODAY)
    with db.reading() as session:
        assert money.conversation_follow_ups_due(session, today=TODAY) == []


def test_a_conversation_needs_words_and_a_sensible_follow_up(db: Database, client_id: int) -> None:
    empty = money.ConversationInput(client_id, held_on=TODAY, topic=MoneyTopic.FEE)
    assert "what was said" in refused(db, lambda s: money.record_conversation(s, empty), "summary")
    backwards = money.ConversationInput(
        client_id,
        held_on=TODAY,
        topic=MoneyTopic.FEE,
        summary="Fee review",
        follow_up_on=TODAY - dt.timedelta(days=1),
    )
    assert "before the conversation" in refused(
        db, lambda s: money.record_conversation(s, backwards), "follow_up_on"
    )


# --------------------------------------------------------------------------
# Statements and receipts
# --------------------------------------------------------------------------


def test_a_statement_has_opening_lines_and_closing_balance(db: Database, client_id: int) -> None:
    charge(db, client_id, "60", days_ago=40)
    charge(db, client_id, "60", days_ago=10)
    payment = pay(db, client_id, "50").payment
    with db.reading() as session:
        statement = money.statement(
            session, client_id, start=TODAY - dt.timedelta(days=30), end=TODAY, today=TODAY
        )
        receipt = money.receipt(session, payment.id)
    assert statement.opening_minor == 6000
    assert statement.charges_minor == 6000
    assert statement.payments_minor == 5000
    assert statement.closing_minor == 7000
    assert receipt.balance_after_minor == 7000
    with pytest.raises(ValidationError), db.reading() as session:
        money.statement(
            session, client_id, start=TODAY, end=TODAY - dt.timedelta(days=1), today=TODAY
        )


def test_a_free_service_is_never_charged_whatever_the_arrangement(
    db: Database, client_id: int, practitioner_id: int
) -> None:
    with db.unit_of_work() as session:
        free = money.save_service(session, money.ServiceInput("Initial consultation", "0"))
        tier = money.save_tier(session, money.TierInput("Tier B", "45"))
        money.set_fee_arrangement(
            session, client_id, effective_from=TODAY - dt.timedelta(days=30), tier_id=tier.id
        )
        start = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(10))
        appointment = ap.create_appointment(
            session,
            AppointmentInput(client_id, practitioner_id, start, 30, service_id=free.id),
            now=start - dt.timedelta(days=3),
        ).id
        ap.mark_completed(session, appointment, now=NOW)
    with db.reading() as session:
        assert (
            money.fee_for(session, client_id, TODAY, free.id).source
            == "Initial consultation is free"
        )
        assert money.propose_charge(session, appointment) is None
        assert money.uncharged(session, until=TODAY) == []


def test_an_exempt_circumstance_does_not_use_up_the_forgiven_fee(
    db: Database, client_id: int, practitioner_id: int
) -> None:
    set_policy(db, no_show="40", late="25")
    with db.unit_of_work() as session:
        money.set_charge_mode(session, ChargeMode.AUTOMATIC)
    ill = book(db, client_id, practitioner_id, TODAY - dt.timedelta(days=14))
    no_show(db, ill, circumstance="Illness")
    missed = book(db, client_id, practitioner_id, TODAY - dt.timedelta(days=7))
    no_show(db, missed)
    rows = charges(db)
    assert rows[0].waived_reason.startswith("Illness: exempt")
    assert rows[1].waived_reason.startswith("First missed session in 365 days")
    with db.reading() as session:
        descriptions = [rule.description for rule in money.list_grace_rules(session)]
        policy = money.fee_policy(session)
    assert descriptions == [
        "Forgive the first late cancellation or missed session in 365 days",
        "Illness: no fee for a late cancellation or missed session",
    ]
    assert (policy.late_cancel_minor, policy.no_show_minor) == (2500, 4000)
