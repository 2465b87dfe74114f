"""Payments, refunds and adjustments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.models import (
    Adjustment,
    AuditAction,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentPlan,
)
from clientcare.errors import FieldError
from clientcare.money._shared import (
    MAX_REASON,
    _amount,
    _client,
    _date,
    _Practice,
    _practice,
    _raise,
    _sum,
    _text,
    money_text,
)
from clientcare.money.ledger import client_balance, paid_and_refunded
from clientcare.money.plans import InstalmentState, PlanView, _plan_view, active_plan

MAX_REFERENCE = 200


@dataclass(frozen=True)
class PaymentRow:
    id: int
    client_id: int
    kind: PaymentKind
    method: PaymentMethod
    amount_minor: int
    paid_on: dt.date
    reference: str
    note: str
    refund_of_id: int | None
    currency: str


def _payment_row(p: Payment) -> PaymentRow:
    return PaymentRow(
        p.id,
        p.client_id,
        PaymentKind(p.kind),
        PaymentMethod(p.method),
        p.amount_minor,
        p.paid_on,
        p.reference,
        p.note,
        p.refund_of_id,
        p.currency,
    )


@dataclass(frozen=True)
class PaymentInput:
    client_id: int
    amount: str | int
    method: PaymentMethod
    paid_on: dt.date
    reference: str = ""
    note: str = ""
    currency: str | None = None
    #: Towards the client's payment plan in progress (its instalments in date order).
    towards_plan: bool = False


@dataclass(frozen=True)
class PaymentResult:
    payment: PaymentRow
    balance_minor: int

    @property
    def credit_minor(self) -> int:
        """What the client has paid beyond their charges (held as credit)."""
        return max(0, -self.balance_minor)


def _currency_problem(practice: _Practice, currency: str | None) -> FieldError | None:
    if currency is None or currency.strip().upper() == practice.currency:
        return None
    return FieldError(
        "currency",
        f"This practice keeps its accounts in {practice.currency}; a payment in "
        f"{currency.strip().upper()} can't be added to them. Convert it first and note the "
        "original amount in the note.",
    )


def _payment_fields(
    session: Session, data: PaymentInput, errors: list[FieldError]
) -> tuple[int, dt.date, str, str, PaymentMethod]:
    _client(session, data.client_id)
    practice = _practice(session)
    problem = _currency_problem(practice, data.currency)
    if problem:
        errors.append(problem)
    minor = _amount(errors, practice, data.amount)
    day = _date(errors, "paid_on", "The date", data.paid_on)
    reference = _text(
        errors,
        "reference",
        "The reference",
        data.reference,
        max_length=MAX_REFERENCE,
        multiline=False,
    )
    note = _text(errors, "note", "The note", data.note)
    try:
        method = PaymentMethod(data.method)
    except ValueError:
        errors.append(FieldError("method", "Choose how it was paid."))
        method = PaymentMethod.OTHER
    return minor, day, reference, note, method


def record_payment(session: Session, data: PaymentInput) -> PaymentResult:
    """A payment (partial payments welcome). More than the balance is kept as credit."""
    errors: list[FieldError] = []
    minor, day, reference, note, method = _payment_fields(session, data, errors)
    plan: PlanView | None = None
    if data.towards_plan and not errors:
        plan = active_plan(session, data.client_id, today=day)
        if plan is None:
            errors.append(
                FieldError("towards_plan", "This client has no payment plan in progress.")
            )
    _raise(errors)
    payment = Payment(
        client_id=data.client_id,
        kind=PaymentKind.PAYMENT,
        method=method,
        amount_minor=minor,
        paid_on=day,
        reference=reference,
        note=note,
        plan_id=plan.id if plan else None,
        currency=_practice(session).currency,
    )
    session.add(payment)
    session.flush()
    audit.record(session, AuditAction.CREATE, "payment", payment.id)
    if plan is not None:
        _mark_paid_instalments(session, plan.id, day)
    return PaymentResult(_payment_row(payment), client_balance(session, data.client_id))


def _mark_paid_instalments(session: Session, plan_id: int, day: dt.date) -> None:
    """Keep each instalment's paid-on date: the day the plan's payments first covered it."""
    plan = session.get(PaymentPlan, plan_id)
    if plan is None:
        return
    view = _plan_view(session, plan, day)
    states = {i.id: i.state for i in view.instalments}
    for instalment in plan.instalments:
        paid = states.get(instalment.id) is InstalmentState.PAID
        if paid and instalment.paid_on is None:
            instalment.paid_on = day
        elif not paid and instalment.paid_on is not None:
            instalment.paid_on = None
    session.flush()


def refundable(session: Session, client_id: int, refund_of_id: int | None = None) -> int:
    """What can still be refunded: all payments less refunds (or one payment's remainder)."""
    if refund_of_id is not None:
        original = session.get(Payment, refund_of_id)
        if (
            original is None
            or original.client_id != client_id
            or original.kind != PaymentKind.PAYMENT
        ):
            return 0
        done = _sum(session, Payment.amount_minor, Payment.refund_of_id == refund_of_id)
        return original.amount_minor - done
    paid, refunded = paid_and_refunded(session, client_id)
    return paid - refunded


def record_refund(
    session: Session, data: PaymentInput, *, refund_of_id: int | None = None
) -> PaymentResult:
    """Money given back; never more than was paid (in all, or of the payment named)."""
    errors: list[FieldError] = []
    minor, day, reference, note, method = _payment_fields(session, data, errors)
    if not errors:
        limit = refundable(session, data.client_id)
        if refund_of_id is not None:
            limit = min(limit, refundable(session, data.client_id, refund_of_id))
        if minor > limit:
            if limit <= 0:
                message = "There is nothing left to refund: everything paid has been refunded."
            else:
                of = " of that payment" if refund_of_id is not None else ""
                message = (
                    f"A refund can't be more than was paid: {money_text(session, limit)}{of} "
                    "can still be refunded."
                )
            errors.append(FieldError("amount", message))
    _raise(errors)
    payment = Payment(
        client_id=data.client_id,
        kind=PaymentKind.REFUND,
        method=method,
        amount_minor=minor,
        paid_on=day,
        reference=reference,
        note=note,
        refund_of_id=refund_of_id,
        plan_id=_refunded_plan(session, refund_of_id),
        currency=_practice(session).currency,
    )
    session.add(payment)
    session.flush()
    audit.record(session, AuditAction.CREATE, "payment", payment.id)
    if payment.plan_id is not None:
        _mark_paid_instalments(session, payment.plan_id, day)
    return PaymentResult(_payment_row(payment), client_balance(session, data.client_id))


def _refunded_plan(session: Session, refund_of_id: int | None) -> int | None:
    if refund_of_id is None:
        return None
    original = session.get(Payment, refund_of_id)
    return original.plan_id if original is not None else None


@dataclass(frozen=True)
class AdjustmentRow:
    id: int
    client_id: int
    amount_minor: int
    reason: str
    adjusted_on: dt.date


def record_adjustment(
    session: Session, client_id: int, *, amount: str | int, reason: str, adjusted_on: dt.date
) -> AdjustmentRow:
    """A correction with its reason. Positive reduces what the client owes; negative adds."""
    _client(session, client_id)
    practice = _practice(session)
    errors: list[FieldError] = []
    minor = _amount(errors, practice, amount, allow_negative=True)
    reason = _text(errors, "reason", "The reason", reason, max_length=MAX_REASON, required=True)
    day = _date(errors, "adjusted_on", "The date", adjusted_on)
    _raise(errors)
    row = Adjustment(
        client_id=client_id,
        amount_minor=minor,
        reason=reason,
        adjusted_on=day,
        currency=practice.currency,
    )
    session.add(row)
    session.flush()
    audit.record(session, AuditAction.CREATE, "adjustment", row.id)
    return AdjustmentRow(row.id, client_id, minor, reason, day)
