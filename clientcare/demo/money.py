"""Money: charges, payments, a correction, a payment plan, a refund and money conversations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from clientcare.db.models import (
    Adjustment,
    AppointmentMode,
    AppointmentStatus,
    Charge,
    ChargeKind,
    ChargeStatus,
    ClientStatus,
    Instalment,
    MoneyConversation,
    MoneyTopic,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentPlan,
    PlanStatus,
)
from clientcare.demo.base import LATE_CANCEL_FEE, NO_SHOW_FEE, STANDARD_FEE, Context, Plan, Row
from clientcare.demo.words import WAIVER_REASONS, add_months, at


def generate(ctx: Context) -> None:
    """Charges for the appointments, then payments and the conversations about money."""
    billable = [p for p in ctx.plans if p.status not in (ClientStatus.PROSPECT,)]
    _choose_payers(ctx, billable)
    first_no_show = True
    for plan in billable:
        for row in plan.appointments:
            charge = _charge_for(ctx, plan, row, waive=first_no_show)
            if charge and charge["kind"] is ChargeKind.NO_SHOW:
                first_no_show = False
    for plan in billable:  # one correction is enough
        if plan.fees and plan.payer == "prompt" and _overcharge(ctx, plan):
            break
    _payment_plan(ctx, billable)
    for plan in billable:
        _payments(ctx, plan)
    _fee_conversations(ctx, billable)
    _overdue_conversation(ctx, billable)
    _refund(ctx, billable)


def _choose_payers(ctx: Context, billable: list[Plan]) -> None:
    for plan in billable:
        plan.payer = ctx.rng.choices(("prompt", "monthly"), (85, 15))[0]
    active = [p for p in billable if p.status is ClientStatus.ACTIVE]
    closed = [p for p in billable if p.status is ClientStatus.CLOSED]
    # Outstanding balances of various ages: current, 30+, 60+ and 90+ days.
    count = max(3, len(active) // 8)
    ages = (25, 50, 80)  # the 90+ one is a client who has finished (below)
    for number, plan in enumerate(ctx.rng.sample(active, min(count, len(active)))):
        plan.payer = "behind"
        plan.behind_from = ctx.today - dt.timedelta(days=ages[number % len(ages)])
    if closed:
        target = ctx.today - dt.timedelta(days=120)
        plan = min(closed, key=lambda p: (abs(((p.last_day or target) - target).days), p.id))
        plan.payer = "behind"
        plan.behind_from = (plan.last_day or ctx.today) - dt.timedelta(days=20)


def _charge_for(ctx: Context, plan: Plan, row: Row, *, waive: bool) -> Row | None:
    status, day = row["status"], row["start"].date()
    service = ctx.services["consultation"] if row["series_id"] is None else plan.service
    fee = plan.fee_on(day) if service is plan.service else int(service["standard_fee_minor"])
    if status is AppointmentStatus.COMPLETED:
        kind, amount = ChargeKind.SESSION, fee
    elif status is AppointmentStatus.LATE_CANCELLED:
        kind, amount = ChargeKind.LATE_CANCEL, min(LATE_CANCEL_FEE, fee)
    elif status is AppointmentStatus.NO_SHOW:
        kind, amount = ChargeKind.NO_SHOW, min(NO_SHOW_FEE, fee)
    else:
        return None
    if amount <= 0:
        return None
    waived = kind is ChargeKind.NO_SHOW and (waive or ctx.chance(0.25))
    label = {
        ChargeKind.SESSION: service["name"],
        ChargeKind.LATE_CANCEL: "Late cancellation",
        ChargeKind.NO_SHOW: "Missed session",
    }[kind]
    charge = ctx.rows.add(
        Charge,
        client_id=plan.id,
        appointment_id=row["id"],
        kind=kind,
        description=f"{label}, {day:%d %b %Y}",
        amount_minor=amount,
        charged_on=day,
        status=ChargeStatus.WAIVED if waived else ChargeStatus.DUE,
        waived_reason=ctx.rng.choice(WAIVER_REASONS) if waived else "",
        created_at=at(day, 18),
    )
    plan.charges.append(charge)
    plan.to_pay[charge["id"]] = 0 if waived else amount
    return charge


def _overcharge(ctx: Context, plan: Plan) -> bool:
    """One session charged at the standard fee by mistake, paid as agreed, then corrected."""
    sessions = [c for c in plan.charges if c["kind"] is ChargeKind.SESSION]
    if len(sessions) < 2:
        return False
    charge = sessions[1]
    agreed = int(charge["amount_minor"])
    if agreed >= STANDARD_FEE or charge["charged_on"] + dt.timedelta(days=7) >= ctx.today:
        return False
    charge["amount_minor"] = STANDARD_FEE
    ctx.rows.add(
        Adjustment,
        client_id=plan.id,
        amount_minor=STANDARD_FEE - agreed,
        reason=(
            f"The session on {charge['charged_on']:%d %b} was charged at the standard fee "
            "instead of the agreed fee; corrected."
        ),
        adjusted_on=charge["charged_on"] + dt.timedelta(days=7),
        created_at=at(charge["charged_on"] + dt.timedelta(days=7), 11),
    )
    return True


def _payment(
    ctx: Context, plan: Plan, amount: int, day: dt.date, method: PaymentMethod, **kw: Any
) -> Row:
    return ctx.rows.add(
        Payment,
        client_id=plan.id,
        kind=kw.get("kind", PaymentKind.PAYMENT),
        method=method,
        amount_minor=amount,
        paid_on=day,
        reference=kw.get("reference", ""),
        note=kw.get("note", ""),
        refund_of_id=kw.get("refund_of_id"),
        plan_id=kw.get("plan_id"),
        created_at=at(day, 18, 30),
    )


def _payments(ctx: Context, plan: Plan) -> None:
    monthly: dict[tuple[int, int], int] = {}
    for charge in plan.charges:
        amount, day = plan.to_pay[charge["id"]], charge["charged_on"]
        if amount == 0:
            continue
        behind = (
            plan.payer == "behind"
            and plan.behind_from is not None
            and plan.behind_from <= day
            and (plan.behind_until is None or day < plan.behind_until)
        )
        if behind:
            continue
        if plan.payer == "monthly":
            monthly[(day.year, day.month)] = monthly.get((day.year, day.month), 0) + amount
            continue
        in_person = plan.mode is AppointmentMode.IN_PERSON
        paid_on = day if in_person else day + dt.timedelta(days=ctx.rng.randint(0, 3))
        if paid_on >= ctx.today:
            continue
        method = (
            ctx.rng.choice((PaymentMethod.CARD, PaymentMethod.CARD, PaymentMethod.CASH))
            if in_person
            else PaymentMethod.TRANSFER
        )
        _payment(ctx, plan, amount, paid_on, method)
    for (year, month), amount in monthly.items():
        paid_on = ctx.working_day_on_or_after(add_months(dt.date(year, month, 3), 1))
        if paid_on < ctx.today:
            _payment(
                ctx,
                plan,
                amount,
                paid_on,
                PaymentMethod.TRANSFER,
                reference=f"Sessions {year}-{month:02d}",
            )


def _fee_conversations(ctx: Context, billable: list[Plan]) -> None:
    for plan in billable:
        if not plan.fees or plan.first_day >= ctx.today:
            continue
        fee = plan.fees[0][1]
        day = min(plan.sessions) if plan.sessions else plan.fees[0][0]
        tiered = fee in {t["fee_minor"] for t in ctx.tiers}
        _conversation(
            ctx,
            plan,
            day,
            MoneyTopic.SLIDING_SCALE if tiered else MoneyTopic.FEE,
            "Talked through the standard fee and the options; no reasons or proof asked.",
            f"£{fee // 100}.{fee % 100:02d} a session from {day:%d %b %Y}.",
            None,
            words="Weekly sessions at the full fee would be hard to keep up." if tiered else "",
        )
    insured = next((p for p in billable if p.status is ClientStatus.ACTIVE and p.sessions), None)
    if insured is not None:
        day = max(insured.sessions)
        _conversation(
            ctx,
            insured,
            day,
            MoneyTopic.INSURANCE,
            "Asked whether sessions can be claimed through a workplace health plan.",
            "Itemised monthly receipts will be sent by e-mail.",
            None,
        )


def _conversation(
    ctx: Context,
    plan: Plan,
    day: dt.date,
    topic: MoneyTopic,
    summary: str,
    outcome: str,
    follow_up_on: dt.date | None,
    words: str = "",
) -> None:
    interaction = plan.sessions.get(day)
    if interaction is not None:
        ctx.answers[interaction["id"]].append(6)
    ctx.rows.add(
        MoneyConversation,
        client_id=plan.id,
        interaction_id=interaction["id"] if interaction else None,
        held_on=day,
        topic=topic,
        summary=summary,
        client_words=words,
        agreed_outcome=outcome,
        follow_up_on=follow_up_on,
    )


def _unpaid(plan: Plan, before: dt.date) -> int:
    return sum(
        plan.to_pay[c["id"]]
        for c in plan.charges
        if plan.behind_from is not None and plan.behind_from <= c["charged_on"] < before
    )


def _payment_plan(ctx: Context, billable: list[Plan]) -> None:
    """The client furthest behind agrees a plan in three monthly instalments."""
    behind = [p for p in billable if p.payer == "behind" and p.status is ClientStatus.ACTIVE]
    if not behind:
        return
    plan = min(behind, key=lambda p: (p.behind_from, p.id))
    assert plan.behind_from is not None
    session = plan.session_on_or_after(plan.behind_from + dt.timedelta(days=21))
    if session is None:
        return
    agreed_on = session["occurred_at"].date()
    total = _unpaid(plan, agreed_on)
    if total <= 0:
        return
    plan.behind_until = agreed_on  # new sessions are paid as they happen again
    parts = [total // 3] * 2 + [total - 2 * (total // 3)]
    dues = [agreed_on + dt.timedelta(days=14 + 30 * k) for k in range(3)]
    paid = [due for due in dues if due < ctx.today]
    row = ctx.rows.add(
        PaymentPlan,
        client_id=plan.id,
        agreed_on=agreed_on,
        total_minor=total,
        status=PlanStatus.COMPLETED if len(paid) == 3 else PlanStatus.ACTIVE,
        note="Three monthly instalments for the balance from earlier sessions.",
    )
    for number, (amount, due) in enumerate(zip(parts, dues, strict=True), start=1):
        ctx.rows.add(
            Instalment,
            plan_id=row["id"],
            due_on=due,
            amount_minor=amount,
            paid_on=due if due < ctx.today else None,
        )
        if due < ctx.today:
            _payment(
                ctx,
                plan,
                amount,
                due,
                PaymentMethod.TRANSFER,
                note=f"Payment plan instalment {number} of 3",
                plan_id=row["id"],
            )
    next_due = next((due for due in dues if due >= ctx.today), None)
    _conversation(
        ctx,
        plan,
        agreed_on,
        MoneyTopic.PAYMENT_PLAN,
        "Raised the balance gently and offered options: a payment plan or the sliding scale.",
        "Three monthly instalments; sessions from now on paid on the day.",
        next_due,
        words="Smaller amounts each month would take the pressure off.",
    )


def _overdue_conversation(ctx: Context, billable: list[Plan]) -> None:
    candidates = [
        p
        for p in billable
        if p.payer == "behind"
        and p.behind_until is None
        and p.status is ClientStatus.ACTIVE
        and _unpaid(p, ctx.today) > 0
        and p.sessions
    ]
    if not candidates:
        return
    plan = candidates[0]
    _conversation(
        ctx,
        plan,
        max(plan.sessions),
        MoneyTopic.OVERDUE_BALANCE,
        "Mentioned the balance from recent sessions, without pressure; asked what would help.",
        "Will pay part at the next session; we will look at the sliding scale together.",
        ctx.today + dt.timedelta(days=ctx.rng.randint(5, 14)),
        words="Knowing the exact amount helps; it has been a tight couple of months.",
    )


def _refund(ctx: Context, billable: list[Plan]) -> None:
    """A card payment taken twice by mistake, refunded the next day."""
    for payment in ctx.rows.tables[Payment]:
        if payment["method"] is PaymentMethod.CARD and payment[
            "paid_on"
        ] < ctx.today - dt.timedelta(days=3):
            plan = next(p for p in billable if p.id == payment["client_id"])
            day = payment["paid_on"]
            duplicate = _payment(
                ctx,
                plan,
                payment["amount_minor"],
                day,
                PaymentMethod.CARD,
                note="Card payment taken twice by mistake.",
            )
            _payment(
                ctx,
                plan,
                payment["amount_minor"],
                day + dt.timedelta(days=1),
                PaymentMethod.CARD,
                kind=PaymentKind.REFUND,
                refund_of_id=duplicate["id"],
                note="Refund of the duplicate card payment.",
            )
            return
