"""Payment plans: instalments with due dates, covered in date order by the payments made
towards the plan (less refunds of them); a plan whose instalments are all covered is
complete. Plans past their date, for the care list."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, case, func, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.engine import plain_rows
from clientcare.db.models import (
    AuditAction,
    Client,
    Instalment,
    Payment,
    PaymentKind,
    PaymentPlan,
    PlanStatus,
)
from clientcare.errors import FieldError, NotFoundError
from clientcare.money._shared import (
    MAX_REASON,
    _amount,
    _client,
    _date,
    _practice,
    _raise,
    _text,
    money_text,
)
from clientcare.money.ledger import client_balance
from clientcare.scope import WHOLE_PRACTICE, Scope

MAX_INSTALMENTS = 60


class InstalmentState(StrEnum):
    PAID = "paid"
    PART_PAID = "part_paid"
    DUE = "due"
    OVERDUE = "overdue"


INSTALMENT_LABELS: dict[InstalmentState, str] = {
    InstalmentState.PAID: "Paid",
    InstalmentState.PART_PAID: "Part paid",
    InstalmentState.DUE: "Due",
    InstalmentState.OVERDUE: "Past its date",
}


@dataclass(frozen=True)
class InstalmentInput:
    due_on: dt.date
    amount: str | int


@dataclass(frozen=True)
class InstalmentView:
    id: int
    number: int
    due_on: dt.date
    amount_minor: int
    covered_minor: int
    state: InstalmentState


@dataclass(frozen=True)
class PlanView:
    id: int
    client_id: int
    agreed_on: dt.date
    total_minor: int
    stored_status: PlanStatus
    note: str
    instalments: tuple[InstalmentView, ...]

    @property
    def status(self) -> PlanStatus:
        if self.stored_status is PlanStatus.CANCELLED:
            return PlanStatus.CANCELLED
        if self.instalments and all(i.state is InstalmentState.PAID for i in self.instalments):
            return PlanStatus.COMPLETED
        return PlanStatus.ACTIVE

    @property
    def paid_minor(self) -> int:
        return sum(i.covered_minor for i in self.instalments)

    @property
    def next_due(self) -> InstalmentView | None:
        return next((i for i in self.instalments if i.state is not InstalmentState.PAID), None)

    @property
    def overdue(self) -> tuple[InstalmentView, ...]:
        return tuple(i for i in self.instalments if i.state is InstalmentState.OVERDUE)


def split_evenly(
    total_minor: int, count: int, first_due: dt.date, *, every_days: int = 0, every_months: int = 1
) -> list[InstalmentInput]:
    """``count`` instalments adding up to exactly ``total_minor`` (the odd pennies go first)."""
    if count < 1 or total_minor < count:
        return []
    from dateutil.relativedelta import (  # only here: not on the way to Today
        relativedelta,
    )

    base, extra = divmod(total_minor, count)
    result = []
    for index in range(count):
        if every_days:
            due = first_due + dt.timedelta(days=every_days * index)
        else:
            due = first_due + relativedelta(months=every_months * index)  # 31 Jan → 28 Feb
        result.append(InstalmentInput(due, base + (1 if index < extra else 0)))
    return result


def instalment_states(
    instalments: Sequence[tuple[int, dt.date, int]], paid: int, today: dt.date
) -> list[InstalmentView]:
    """Pure: ``paid`` covers (id, due_on, amount) in due-date order."""
    views = []
    remaining = paid
    for number, (inst_id, due_on, amount) in enumerate(
        sorted(instalments, key=lambda i: (i[1], i[0])), 1
    ):
        covered = min(amount, max(0, remaining))
        remaining -= covered
        if covered == amount:
            state = InstalmentState.PAID
        elif due_on < today:
            state = InstalmentState.OVERDUE
        elif covered > 0:
            state = InstalmentState.PART_PAID
        else:
            state = InstalmentState.DUE
        views.append(InstalmentView(inst_id, number, due_on, amount, covered, state))
    return views


@cache
def _paid_towards_plan() -> Select[*tuple[Any, ...]]:
    """Payments towards plan ``plan_id`` less refunds of them (built once)."""
    return select(
        func.coalesce(
            func.sum(
                case(
                    (Payment.kind == PaymentKind.REFUND, -Payment.amount_minor),
                    else_=Payment.amount_minor,
                )
            ),
            0,
        )
    ).where(
        Payment.plan_id == bindparam("plan_id"),
        Payment.kind.in_([PaymentKind.PAYMENT, PaymentKind.REFUND]),
    )


def _plan_view(session: Session, plan: PaymentPlan, today: dt.date) -> PlanView:
    # Paid towards the plan, less refunds of it (one query).
    paid = int(session.scalar(_paid_towards_plan(), {"plan_id": plan.id}) or 0)
    instalments = [(i.id, i.due_on, i.amount_minor) for i in plan.instalments]
    return PlanView(
        plan.id,
        plan.client_id,
        plan.agreed_on,
        plan.total_minor,
        PlanStatus(plan.status),
        plan.note,
        tuple(instalment_states(instalments, paid, today)),
    )


def client_plans(session: Session, client_id: int, *, today: dt.date) -> list[PlanView]:
    plans = session.scalars(
        select(PaymentPlan)
        .where(PaymentPlan.client_id == client_id)
        .order_by(PaymentPlan.agreed_on.desc())
    )
    return [_plan_view(session, plan, today) for plan in plans]


def active_plan(session: Session, client_id: int, *, today: dt.date) -> PlanView | None:
    return next(
        (p for p in client_plans(session, client_id, today=today) if p.status is PlanStatus.ACTIVE),
        None,
    )


def create_plan(
    session: Session,
    client_id: int,
    *,
    agreed_on: dt.date,
    instalments: Iterable[InstalmentInput],
    note: str = "",
    today: dt.date,
) -> PlanView:
    """A payment plan agreed with the client; the instalments add up to no more than owed."""
    _client(session, client_id)
    practice = _practice(session)
    errors: list[FieldError] = []
    day = _date(errors, "agreed_on", "The date agreed", agreed_on)
    items = list(instalments)
    if not items:
        errors.append(FieldError("instalments", "Add at least one instalment."))
    if len(items) > MAX_INSTALMENTS:
        errors.append(FieldError("instalments", f"At most {MAX_INSTALMENTS} instalments."))
    amounts: list[tuple[dt.date, int]] = []
    for number, item in enumerate(items, 1):
        item_errors: list[FieldError] = []
        minor = _amount(
            item_errors,
            practice,
            item.amount,
            field_name="instalments",
            label=f"Instalment {number}",
        )
        due = _date(item_errors, "instalments", f"The date of instalment {number}", item.due_on)
        if not item_errors and due < day:
            item_errors.append(
                FieldError("instalments", f"Instalment {number} is due before the plan was agreed.")
            )
        errors.extend(item_errors)
        amounts.append((due, minor))
    dates = [due for due, _ in amounts]
    if len(set(dates)) != len(dates):
        errors.append(FieldError("instalments", "Two instalments fall on the same day; move one."))
    note = _text(errors, "note", "The note", note)
    if active_plan(session, client_id, today=today) is not None:
        errors.append(
            FieldError(
                "instalments",
                "This client already has a plan in progress; change or cancel it first.",
            )
        )
    total = sum(minor for _d, minor in amounts)
    balance = client_balance(session, client_id)
    if not errors and total > balance:
        errors.append(
            FieldError(
                "instalments",
                f"The instalments come to {money_text(session, total)} but the balance is "
                f"{money_text(session, max(balance, 0))}; a plan covers what is owed.",
            )
        )
    _raise(errors)
    plan = PaymentPlan(client_id=client_id, agreed_on=day, total_minor=total, note=note)
    plan.instalments = [
        Instalment(due_on=due, amount_minor=minor) for due, minor in sorted(amounts)
    ]
    session.add(plan)
    session.flush()
    audit.record(session, AuditAction.CREATE, "payment_plan", plan.id)
    return _plan_view(session, plan, today)


def cancel_plan(session: Session, plan_id: int, *, reason: str, today: dt.date) -> PlanView:
    plan = session.get(PaymentPlan, plan_id)
    if plan is None:
        raise NotFoundError(f"Payment plan {plan_id} no longer exists.")
    errors: list[FieldError] = []
    reason = _text(errors, "reason", "The reason", reason, max_length=MAX_REASON, required=True)
    if plan.status == PlanStatus.CANCELLED:
        errors.append(FieldError("reason", "This plan is already cancelled."))
    _raise(errors)
    plan.status = PlanStatus.CANCELLED
    plan.note = (plan.note + "\n" if plan.note else "") + f"Cancelled {today:%d %b %Y}: {reason}"
    session.flush()
    audit.record(session, AuditAction.UPDATE, "payment_plan", plan.id, ("status", "note"))
    return _plan_view(session, plan, today)


@dataclass(frozen=True)
class PlanNeedingCare:
    client_id: int
    client_name: str
    plan: PlanView


@cache
def _plans_in_progress(scope: Scope = WHOLE_PRACTICE) -> Select[*tuple[Any, ...]]:
    """Plans in progress: their columns, the client's preferred name and what has been paid
    towards each (less refunds), in one statement built once."""
    paid = (
        select(
            func.coalesce(
                func.sum(
                    case(
                        (Payment.kind == PaymentKind.REFUND, -Payment.amount_minor),
                        else_=Payment.amount_minor,
                    )
                ),
                0,
            )
        )
        .where(
            Payment.plan_id == PaymentPlan.id,
            Payment.kind.in_([PaymentKind.PAYMENT, PaymentKind.REFUND]),
        )
        .scalar_subquery()
    )
    return (
        select(
            PaymentPlan.id,
            PaymentPlan.client_id,
            PaymentPlan.agreed_on,
            PaymentPlan.total_minor,
            PaymentPlan.status,
            PaymentPlan.note,
            Client.preferred_name,
            paid.label("paid"),
        )
        .join(Client, Client.id == PaymentPlan.client_id)
        .where(PaymentPlan.status == PlanStatus.ACTIVE, scope.client_condition())
    )


def plans_past_their_date(
    session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE
) -> list[PlanNeedingCare]:
    """Plans in progress of ``scope``'s clients with an instalment whose date has passed
    uncovered (oldest first).

    Two statements however many plans: the plans with what was paid, then their
    instalments (the same states as ``_plan_view`` gives one plan).
    """
    rows = plain_rows(session, _plans_in_progress(scope))
    if not rows:
        return []
    instalments: dict[int, list[tuple[int, dt.date, int]]] = defaultdict(list)
    for instalment in plain_rows(
        session,
        select(Instalment.plan_id, Instalment.id, Instalment.due_on, Instalment.amount_minor)
        .where(Instalment.plan_id.in_([row.id for row in rows]))
        .order_by(Instalment.plan_id, Instalment.due_on, Instalment.id),
    ):
        instalments[instalment.plan_id].append(
            (instalment.id, instalment.due_on, instalment.amount_minor)
        )
    result = []
    for row in rows:
        view = PlanView(
            row.id,
            row.client_id,
            row.agreed_on,
            row.total_minor,
            PlanStatus(row.status),
            row.note,
            tuple(instalment_states(instalments[row.id], int(row.paid or 0), today)),
        )
        if view.status is PlanStatus.ACTIVE and view.overdue:
            result.append(PlanNeedingCare(row.client_id, row.preferred_name, view))
    result.sort(key=lambda item: (item.plan.overdue[0].due_on, item.client_id))
    return result
