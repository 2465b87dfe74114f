"""Balances (every client's, sorted and paged in SQL), the next gentle step for each,
and the Money screen's overview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from clientcare import locale_format
from clientcare.db.engine import plain_rows
from clientcare.db.models import MoneyConversation, Payment, PaymentKind, PaymentPlan, PlanStatus
from clientcare.money.conversations import count_conversation_follow_ups_due
from clientcare.money.ledger import (
    _BUCKET_COLUMN,
    Ageing,
    Bucket,
    _ageing_of,
    _ageing_select,
    _empty_buckets,
)
from clientcare.money.plans import PlanView, _plan_view
from clientcare.money.to_charge import ToChargeTotals, to_charge_totals
from clientcare.scope import WHOLE_PRACTICE, Scope


@dataclass(frozen=True)
class BalanceRow:
    client_id: int
    full_name: str
    preferred_name: str
    balance_minor: int
    ageing: Ageing
    next_step: str
    on_plan: bool

    @property
    def id(self) -> int:
        """The client's id (a list row's id)."""
        return self.client_id


def next_gentle_step(
    ageing: Ageing,
    *,
    plan: PlanView | None,
    last_conversation: dt.date | None,
    follow_up_due: dt.date | None,
    today: dt.date,
    locale: str = locale_format.DEFAULT_LOCALE,
) -> str:
    """What to do next about a balance, kindly. Never a threat, never a deadline.

    The dates in it are written for ``locale`` (the text is shown, never stored).
    """
    if follow_up_due is not None:
        due = locale_format.day_month(follow_up_due, locale)
        return f"Follow up the money conversation (due {due})."
    if ageing.credit_minor > 0 and ageing.outstanding_minor == 0:
        return "Credit held: ask whether to keep it for future sessions or refund it."
    if plan is not None and plan.status is PlanStatus.ACTIVE:
        if plan.overdue:
            return "An instalment has passed its date: check in about whether the plan still works."
        upcoming = plan.next_due
        if upcoming is not None:
            due = locale_format.day_month(upcoming.due_on, locale)
            # "19. Dez." already ends the sentence; never "19. Dez.."
            return f"On a payment plan; next instalment {due.removesuffix('.')}."
    if ageing.outstanding_minor == 0:
        return ""
    talked_recently = last_conversation is not None and (today - last_conversation).days <= 30
    if ageing.buckets[Bucket.OVER_90] or ageing.buckets[Bucket.DAYS_61_90]:
        if talked_recently:
            return "Talked recently: give it time, and follow what was agreed."
        return "Offer a conversation about options: the sliding scale or a payment plan."
    if ageing.buckets[Bucket.DAYS_31_60]:
        if talked_recently:
            return "Talked recently: follow what was agreed."
        return "Mention the balance gently at the next session and ask what would help."
    return "Nothing to do yet: it will be on the next statement."


class BalanceOrder(StrEnum):
    """The orders balances are read in (besides by a bucket's amount: a ``Bucket``)."""

    OLDEST = "oldest"  # the oldest debts first, then the largest balance
    CLIENT = "client"
    BALANCE = "balance"


@dataclass(frozen=True)
class BalanceCounts:
    """How many clients a balances list holds (``listed``), and of those how many owe
    something and how many hold credit."""

    listed: int
    owing: int
    in_credit: int


@dataclass(frozen=True)
class BalanceTotals:
    """A balances list in figures: its counts, what is owed by age, the credit held."""

    counts: BalanceCounts
    buckets: dict[Bucket, int]
    credit_minor: int

    @property
    def outstanding_minor(self) -> int:
        return sum(self.buckets.values())


def _balance_figures(listed: Any) -> list[Any]:
    """The aggregates of ``BalanceTotals`` over the rows of ``listed`` (an
    ``_ageing_select`` subquery): owing, in credit, credit, then each bucket."""
    return [
        func.count(case((listed.c.balance > 0, 1))),
        func.count(case((listed.c.balance < 0, 1))),
        func.sum(listed.c.credit),
        *[func.sum(listed.c[name]) for name in _BUCKET_COLUMN.values()],
    ]


def _balance_totals(figures: Sequence[Any]) -> BalanceTotals:
    owing, in_credit, credit, *by_age = (int(value or 0) for value in figures)
    return BalanceTotals(
        BalanceCounts(owing + in_credit, owing, in_credit),
        dict(zip(_BUCKET_COLUMN, by_age, strict=True)),
        credit,
    )


def balances(
    session: Session,
    *,
    today: dt.date,
    search: str = "",
    include_settled: bool = False,
    locale: str = locale_format.DEFAULT_LOCALE,
    scope: Scope = WHOLE_PRACTICE,
    order: BalanceOrder | Bucket = BalanceOrder.OLDEST,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[BalanceRow]:
    """Clients of ``scope`` with something owed or credit held (``include_settled``: and
    those settled), oldest debts first or in ``order``; ``offset``/``limit`` read a page.

    ``search`` is the Clients list's (names, e-mail, phone; accents and case ignored).
    ``locale`` writes the dates of each row's next step.
    """
    listed = _ageing_select(session, today, scope, search).subquery("money_ageing")
    query = select(listed).order_by(*_balance_order(listed, order, descending))
    if not include_settled:
        query = query.where(listed.c.balance != 0)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    rows = plain_rows(session, query)
    return _balance_rows(session, rows, today=today, locale=locale)


def _balance_order(listed: Any, order: BalanceOrder | Bucket, descending: bool) -> list[Any]:
    name = func.lower(listed.c.full_name)
    if order == BalanceOrder.OLDEST:
        keys = [listed.c.oldest.desc(), listed.c.balance.desc(), name]
    elif order == BalanceOrder.CLIENT:
        keys = [name]
    elif order == BalanceOrder.BALANCE:
        keys = [listed.c.balance, name]
    else:
        keys = [listed.c[_BUCKET_COLUMN[Bucket(order)]], name]
    keys.append(listed.c.client_id)
    return [key.desc() if descending else key for key in keys]


def balance_position(
    session: Session,
    client_id: int,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    search: str = "",
    order: BalanceOrder | Bucket = BalanceOrder.OLDEST,
    descending: bool = False,
) -> int | None:
    """Where ``client_id`` is in ``balances`` (same arguments), from 0; None when the
    client is not listed (settled, or not in the scope or the search)."""
    listed = _ageing_select(session, today, scope, search).subquery("money_ageing")
    numbered = (
        select(
            listed.c.client_id,
            func.row_number().over(order_by=_balance_order(listed, order, descending)).label("n"),
        )
        .where(listed.c.balance != 0)
        .subquery("money_numbered")
    )
    found = session.scalar(select(numbered.c.n).where(numbered.c.client_id == client_id))
    return None if found is None else int(found) - 1


def _balance_rows(
    session: Session, rows: Sequence[Any], *, today: dt.date, locale: str
) -> list[BalanceRow]:
    """Balance rows with their next gentle step (read for these clients only)."""
    ids = [row.client_id for row in rows]
    if not ids:
        return []
    last_talk = dict(
        session.execute(
            select(MoneyConversation.client_id, func.max(MoneyConversation.held_on))
            .where(MoneyConversation.client_id.in_(ids))
            .group_by(MoneyConversation.client_id)
        ).all()
    )
    due_follow_ups: dict[int, dt.date | None] = {}
    for client_id, follow_up_on in session.execute(
        select(MoneyConversation.client_id, MoneyConversation.follow_up_on)
        .where(
            MoneyConversation.client_id.in_(ids),
            MoneyConversation.follow_up_on.is_not(None),
            MoneyConversation.follow_up_on <= today,
            MoneyConversation.follow_up_done_on.is_(None),
        )
        .order_by(MoneyConversation.follow_up_on, MoneyConversation.id)
    ):
        due_follow_ups.setdefault(client_id, follow_up_on)
    plans: dict[int, PlanView] = {}
    for plan in session.scalars(
        select(PaymentPlan)
        .where(PaymentPlan.status == PlanStatus.ACTIVE, PaymentPlan.client_id.in_(ids))
        .order_by(PaymentPlan.id)
    ):
        view = _plan_view(session, plan, today)
        if view.status is PlanStatus.ACTIVE:
            plans[plan.client_id] = view
    result = []
    for row in rows:
        age = _ageing_of(row)
        step = next_gentle_step(
            age,
            plan=plans.get(row.client_id),
            last_conversation=last_talk.get(row.client_id),
            follow_up_due=due_follow_ups.get(row.client_id),
            today=today,
            locale=locale,
        )
        result.append(
            BalanceRow(
                row.client_id,
                row.full_name,
                row.preferred_name,
                int(row.balance),
                age,
                step,
                row.client_id in plans,
            )
        )
    return result


def balance_totals(
    session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE, search: str = ""
) -> BalanceTotals:
    """``balances`` for ``scope`` and ``search`` in figures (one statement)."""
    listed = _ageing_select(session, today, scope, search).subquery("money_ageing")
    return _balance_totals(plain_rows(session, select(*_balance_figures(listed)))[0])


def balances_and_totals(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    search: str = "",
    order: BalanceOrder | Bucket = BalanceOrder.OLDEST,
    descending: bool = False,
    limit: int | None = None,
    locale: str = locale_format.DEFAULT_LOCALE,
) -> tuple[list[BalanceRow], BalanceTotals]:
    """The first ``limit`` rows of ``balances`` and the whole list's figures, in one
    statement (window sums over every row listed, before the page is cut)."""
    listed = _ageing_select(session, today, scope, search).subquery("money_ageing")
    figures = [
        figure.over().label(f"figure_{n}") for n, figure in enumerate(_balance_figures(listed))
    ]
    query = (
        select(listed, *figures)
        .where(listed.c.balance != 0)
        .order_by(*_balance_order(listed, order, descending))
    )
    if limit is not None:
        query = query.limit(limit)
    rows = plain_rows(session, query)
    totals = _balance_totals(rows[0][-len(figures) :] if rows else [0] * len(figures))
    return _balance_rows(session, rows, today=today, locale=locale), totals


_NOTHING_TO_CHARGE = ToChargeTotals(0, 0, 0, 0)


@dataclass(frozen=True)
class Overview:
    received_this_month_minor: int
    refunded_this_month_minor: int
    outstanding_minor: int
    credit_minor: int
    buckets: dict[Bucket, int] = field(default_factory=_empty_buckets)
    #: The sessions waiting to be charged, in figures.
    to_charge: ToChargeTotals = _NOTHING_TO_CHARGE
    follow_ups_due: int = 0
    #: How many clients owe something or hold credit.
    balances: BalanceCounts = BalanceCounts(0, 0, 0)

    @property
    def to_confirm(self) -> int:
        """How many sessions wait to be charged."""
        return self.to_charge.count


def overview(session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE) -> Overview:
    """The Money screen's figures for the clients of ``scope``: received this month,
    outstanding by age, credit held, sessions to charge, follow-ups due (SQL sums)."""
    received, refunded = received_this_month(session, today=today, scope=scope)
    balances = balance_totals(session, today=today, scope=scope)
    return Overview(
        received,
        refunded,
        balances.outstanding_minor,
        balances.credit_minor,
        balances.buckets,
        to_charge_totals(session, until=today, scope=scope),
        count_conversation_follow_ups_due(session, today=today, scope=scope),
        balances.counts,
    )


def received_this_month(
    session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE
) -> tuple[int, int]:
    """What the clients of ``scope`` paid, and were refunded, from the 1st to ``today``."""
    paid = select(
        func.sum(case((Payment.kind == PaymentKind.PAYMENT, Payment.amount_minor))),
        func.sum(case((Payment.kind == PaymentKind.REFUND, Payment.amount_minor))),
    ).where(Payment.paid_on >= today.replace(day=1), Payment.paid_on <= today)
    if not scope.whole_practice:
        paid = paid.where(Payment.client_id.in_(scope.client_ids()))
    received, refunded = tuple(plain_rows(session, paid)[0])
    return int(received or 0), int(refunded or 0)
