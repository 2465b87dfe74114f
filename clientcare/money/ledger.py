"""The ledger, allocation and ageing.

balance = due charges − payments + refunds − adjustments, in integer minor units.
Payments and adjustments are applied to the oldest due charges first; what is left of
each charge is aged by days since it was charged. "Overdue" means more than 30 days old.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from clientcare.clients import search_conditions
from clientcare.db.engine import plain_rows
from clientcare.db.models import (
    Adjustment,
    Charge,
    ChargeStatus,
    Client,
    Payment,
    PaymentKind,
    PaymentMethod,
)
from clientcare.money._shared import METHOD_LABELS, _client, _number, _sum
from clientcare.scope import WHOLE_PRACTICE, Scope

#: Charges older than this many days are overdue (principle 6 and the Money screen).
OVERDUE_AFTER_DAYS = 30


class Bucket(StrEnum):
    CURRENT = "current"
    DAYS_1_30 = "1-30"
    DAYS_31_60 = "31-60"
    DAYS_61_90 = "61-90"
    OVER_90 = "90+"


BUCKET_LABELS: dict[Bucket, str] = {
    Bucket.CURRENT: "Current",
    Bucket.DAYS_1_30: "1–30 days",
    Bucket.DAYS_31_60: "31–60 days",
    Bucket.DAYS_61_90: "61–90 days",
    Bucket.OVER_90: "Over 90 days",
}


def bucket_for(age_days: int) -> Bucket:
    """The ageing bucket of an amount charged ``age_days`` ago (0 = today)."""
    if age_days <= 0:
        return Bucket.CURRENT
    if age_days <= 30:
        return Bucket.DAYS_1_30
    if age_days <= 60:
        return Bucket.DAYS_31_60
    if age_days <= 90:
        return Bucket.DAYS_61_90
    return Bucket.OVER_90


def currency_in_use(session: Session) -> str | None:
    """The currency of the ledger's entries, when there are any."""
    for model in (Charge, Payment, Adjustment):
        found = session.scalar(select(model.currency).limit(1))
        if found:
            return str(found)
    return None


def paid_and_refunded(session: Session, client_id: int) -> tuple[int, int]:
    """What the client has paid in all, and what has been given back to them."""
    paid = _sum(
        session,
        Payment.amount_minor,
        Payment.client_id == client_id,
        Payment.kind == PaymentKind.PAYMENT,
    )
    refunded = _sum(
        session,
        Payment.amount_minor,
        Payment.client_id == client_id,
        Payment.kind == PaymentKind.REFUND,
    )
    return paid, refunded


def client_balance(session: Session, client_id: int) -> int:
    """Due charges − payments + refunds − adjustments (negative = credit held)."""
    charges = _sum(
        session,
        Charge.amount_minor,
        Charge.client_id == client_id,
        Charge.status == ChargeStatus.DUE,
    )
    paid, refunded = paid_and_refunded(session, client_id)
    adjusted = _sum(session, Adjustment.amount_minor, Adjustment.client_id == client_id)
    return charges - paid + refunded - adjusted


@dataclass(frozen=True)
class LedgerEntry:
    """One line of a client's account, with the running balance after it."""

    day: dt.date
    kind: str  # "charge", "waived", "payment", "refund", "adjustment"
    description: str
    debit_minor: int  # adds to what the client owes
    credit_minor: int  # takes away from it
    balance_minor: int
    ref_id: int
    #: A charge's row version as read (the waive and delete buttons act against it).
    version: int | None = None


@dataclass(frozen=True)
class Ledger:
    entries: tuple[LedgerEntry, ...]
    balance_minor: int

    @property
    def credit_minor(self) -> int:
        return max(0, -self.balance_minor)


def _raw_entries(
    session: Session, client_id: int
) -> list[tuple[dt.date, int, str, str, int, int, int]]:
    """(day, order, kind, description, debit, credit, id) for every ledger line."""
    lines: list[tuple[dt.date, int, str, str, int, int, int]] = []
    for c in session.scalars(select(Charge).where(Charge.client_id == client_id)):
        if c.status == ChargeStatus.WAIVED:
            lines.append(
                (
                    c.charged_on,
                    0,
                    "waived",
                    f"{c.description} — waived: {c.waived_reason}",
                    0,
                    0,
                    c.id,
                )
            )
        else:
            lines.append((c.charged_on, 0, "charge", c.description, c.amount_minor, 0, c.id))
    for p in session.scalars(select(Payment).where(Payment.client_id == client_id)):
        method = METHOD_LABELS[PaymentMethod(p.method)].lower()
        if p.kind == PaymentKind.REFUND:
            lines.append((p.paid_on, 2, "refund", f"Refund ({method})", p.amount_minor, 0, p.id))
        else:
            lines.append((p.paid_on, 1, "payment", f"Payment ({method})", 0, p.amount_minor, p.id))
    for a in session.scalars(select(Adjustment).where(Adjustment.client_id == client_id)):
        debit, credit = (0, a.amount_minor) if a.amount_minor > 0 else (-a.amount_minor, 0)
        lines.append(
            (a.adjusted_on, 3, "adjustment", f"Adjustment: {a.reason}", debit, credit, a.id)
        )
    lines.sort(key=lambda line: (line[0], line[1], line[6]))
    return lines


def client_ledger(session: Session, client_id: int) -> Ledger:
    _client(session, client_id)
    running = 0
    entries = []
    versions = dict(
        session.execute(
            select(Charge.id, Charge.version).where(Charge.client_id == client_id)
        ).all()
    )
    for day, _order, kind, description, debit, credit, ref in _raw_entries(session, client_id):
        running += debit - credit
        version = versions.get(ref) if kind in ("charge", "waived") else None
        entries.append(LedgerEntry(day, kind, description, debit, credit, running, ref, version))
    return Ledger(tuple(entries), running)


@dataclass(frozen=True)
class Allocated:
    charge_id: int
    charged_on: dt.date
    amount_minor: int
    outstanding_minor: int


def _allocate_amounts(charges: Sequence[tuple[int, dt.date, int]], credits: int) -> list[Allocated]:
    """Apply ``credits`` to ``charges`` (id, day, amount) oldest first."""
    result = []
    remaining = credits
    for charge_id, day, amount in sorted(charges, key=lambda c: (c[1], c[0])):
        covered = min(amount, max(0, remaining))
        remaining -= covered
        result.append(Allocated(charge_id, day, amount, amount - covered))
    return result


Debit = tuple[int, dt.date, int]  # (charge id, or minus an adjustment's id; day; amount)


def _debits_and_credits(
    session: Session,
    client_id: int | None,
    today: dt.date,
    *,
    client_ids: Sequence[int] | None = None,
) -> tuple[dict[int, list[Debit]], dict[int, int]]:
    """Per client (``client_id``, those of ``client_ids``, or all): what adds to the
    balance (due charges, adjustments that add) and the sum of what takes away from it
    (payments less refunds, adjustments that reduce)."""
    where_charge: list[ColumnElement[bool]] = [Charge.status == ChargeStatus.DUE]
    where_payment: list[ColumnElement[bool]] = []
    where_adjustment: list[ColumnElement[bool]] = []
    if client_ids is not None:
        where_charge.append(Charge.client_id.in_(client_ids))
        where_payment.append(Payment.client_id.in_(client_ids))
        where_adjustment.append(Adjustment.client_id.in_(client_ids))
    if client_id is not None:
        where_charge.append(Charge.client_id == client_id)
        where_payment.append(Payment.client_id == client_id)
        where_adjustment.append(Adjustment.client_id == client_id)
    debits: dict[int, list[Debit]] = defaultdict(list)
    credits: dict[int, int] = defaultdict(int)
    for cid, charge_id, day, amount in session.execute(
        select(Charge.client_id, Charge.id, Charge.charged_on, Charge.amount_minor).where(
            *where_charge
        )
    ):
        debits[cid].append((charge_id, day, amount))
    for cid, kind, total in session.execute(
        select(Payment.client_id, Payment.kind, func.sum(Payment.amount_minor))
        .where(*where_payment)
        .group_by(Payment.client_id, Payment.kind)
    ):
        credits[cid] += int(total) if kind == PaymentKind.PAYMENT else -int(total)
    for cid, adjustment_id, day, amount in session.execute(
        select(
            Adjustment.client_id, Adjustment.id, Adjustment.adjusted_on, Adjustment.amount_minor
        ).where(*where_adjustment)
    ):
        if amount > 0:
            credits[cid] += amount
        else:
            debits[cid].append((-adjustment_id, day, -amount))
    for cid, credit in list(credits.items()):
        if credit < 0:  # more refunded than paid (only possible in data from elsewhere)
            debits[cid].append((0, today, -credit))
            credits[cid] = 0
    return debits, credits


def _allocate(session: Session, client_id: int, today: dt.date) -> list[Allocated]:
    debits, credits = _debits_and_credits(session, client_id, today)
    return _allocate_amounts(debits.get(client_id, []), credits.get(client_id, 0))


@dataclass(frozen=True)
class Ageing:
    buckets: dict[Bucket, int]
    credit_minor: int = 0

    @property
    def outstanding_minor(self) -> int:
        return sum(self.buckets.values())

    @property
    def overdue_minor(self) -> int:
        return (
            self.buckets[Bucket.DAYS_31_60]
            + self.buckets[Bucket.DAYS_61_90]
            + self.buckets[Bucket.OVER_90]
        )

    @property
    def oldest(self) -> Bucket | None:
        for bucket in reversed(list(Bucket)):
            if self.buckets[bucket] > 0:
                return bucket
        return None


_BUCKETS = tuple(Bucket)  # iterating an Enum is slow; ageing every client does it a lot


def _empty_buckets() -> dict[Bucket, int]:
    return dict.fromkeys(_BUCKETS, 0)


def age_amounts(
    charges: Sequence[tuple[int, dt.date, int]], credits: int, today: dt.date
) -> Ageing:
    """Pure ageing: ``charges`` (id, day, amount) less ``credits`` applied oldest first."""
    buckets = _empty_buckets()
    for item in _allocate_amounts(charges, credits):
        if item.outstanding_minor:
            buckets[bucket_for((today - item.charged_on).days)] += item.outstanding_minor
    total = sum(amount for _i, _d, amount in charges)
    return Ageing(buckets, max(0, credits - total))


def client_ageing(session: Session, client_id: int, *, today: dt.date) -> Ageing:
    debits, credits = _debits_and_credits(session, client_id, today)
    return age_amounts(debits.get(client_id, []), credits.get(client_id, 0), today)


def overdue_minor(session: Session, client_id: int, *, today: dt.date) -> int:
    """What is owed on charges more than 30 days old (after everything paid and adjusted)."""
    return client_ageing(session, client_id, today=today).overdue_minor


#: ``_ageing_select``'s column for each bucket.
_BUCKET_COLUMN: dict[Bucket, str] = {
    Bucket.CURRENT: "current",
    Bucket.DAYS_1_30: "days_1_30",
    Bucket.DAYS_31_60: "days_31_60",
    Bucket.DAYS_61_90: "days_61_90",
    Bucket.OVER_90: "over_90",
}


def _ageing_select(
    session: Session,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    search: str = "",
    *,
    by_age: bool = True,
) -> Select[*tuple[Any, ...]]:
    """Every client of ``scope`` (matching ``search``) with money on record, their
    balance and what they owe by age: ``client_ageing``'s rule in one SELECT, so the
    Money screen's figures are sums, and its balances are sorted and paged, by the
    database (however many clients the practice has).

    Columns: client_id, full_name, preferred_name, balance (negative: credit held),
    credit, and unless not ``by_age``: one column per bucket (``_BUCKET_COLUMN``), and
    oldest: the oldest bucket with something owed (0 current … 4 over 90 days; -1 none).

    Per client: owed = due charges + adjustments that add; credits = payments − refunds
    + adjustments that take away (when negative, the difference is owed today). The
    credits cover what is owed oldest first (by day, then id), so what is left of each
    item is what its running total exceeds the credits by, at most its amount.
    """

    def per_client(amount: Any, *conditions: Any) -> Any:
        return select(func.sum(amount)).where(*conditions).correlate(Client).scalar_subquery()

    conditions = list(search_conditions(search))
    if not scope.whole_practice:
        conditions.append(Client.id.in_(scope.client_ids()))  # an index's ids, then by id
    totals = (
        select(
            Client.id.label("client_id"),
            Client.full_name,
            Client.preferred_name,
            per_client(
                Charge.amount_minor,
                Charge.client_id == Client.id,
                Charge.status == ChargeStatus.DUE,
            ).label("due"),
            per_client(
                case(
                    (Payment.kind == PaymentKind.PAYMENT, Payment.amount_minor),
                    else_=-Payment.amount_minor,
                ),
                Payment.client_id == Client.id,
            ).label("paid"),
            per_client(
                case((Adjustment.amount_minor > 0, Adjustment.amount_minor), else_=_number(0)),
                Adjustment.client_id == Client.id,
            ).label("adds"),
            per_client(
                case((Adjustment.amount_minor < 0, -Adjustment.amount_minor), else_=_number(0)),
                Adjustment.client_id == Client.id,
            ).label("takes"),
        )
        .where(*conditions)
        .cte("money_totals")
    )
    credits = func.coalesce(totals.c.paid, 0) + func.coalesce(totals.c.adds, 0)
    owed = func.coalesce(totals.c.due, 0) + func.coalesce(totals.c.takes, 0)
    balances = (
        select(
            totals.c.client_id,
            totals.c.full_name,
            totals.c.preferred_name,
            (owed - credits).label("balance"),
            credits.label("credits"),
        )
        .where(
            or_(totals.c.due.is_not(None), totals.c.paid.is_not(None), totals.c.adds.is_not(None))
        )
        .cte("money_balances")
    )
    credit = case((balances.c.balance < 0, -balances.c.balance), else_=_number(0)).label("credit")
    if not by_age:
        return select(
            balances.c.client_id,
            balances.c.full_name,
            balances.c.preferred_name,
            balances.c.balance,
            credit,
        )
    owing = (
        select(balances.c.client_id, balances.c.credits)
        .where(balances.c.balance > 0)
        .cte("money_owing")
    )
    items = union_all(
        select(
            Charge.client_id,
            Charge.charged_on.label("day"),
            Charge.id.label("ord"),
            Charge.amount_minor.label("amount"),
        )
        .join(owing, owing.c.client_id == Charge.client_id)
        .where(Charge.status == ChargeStatus.DUE),
        select(
            Adjustment.client_id, Adjustment.adjusted_on, -Adjustment.id, -Adjustment.amount_minor
        )
        .join(owing, owing.c.client_id == Adjustment.client_id)
        .where(Adjustment.amount_minor < 0),
        select(owing.c.client_id, literal(today, Date), _number(0), -owing.c.credits).where(
            owing.c.credits < 0
        ),
    ).subquery("money_items")
    running = select(
        items.c.client_id,
        items.c.day,
        items.c.amount,
        func.sum(items.c.amount)
        .over(
            partition_by=items.c.client_id,
            order_by=(items.c.day, items.c.ord),
            rows=(None, 0),
        )
        .label("running"),
    ).subquery("money_running")
    covered = case((owing.c.credits > 0, owing.c.credits), else_=_number(0))
    beyond = running.c.running - covered
    left = case(
        (beyond <= 0, _number(0)), (beyond >= running.c.amount, running.c.amount), else_=beyond
    )
    day = running.c.day
    edges = [today - dt.timedelta(days=days) for days in (0, 30, 60, 90)]
    within = {
        Bucket.CURRENT: day >= edges[0],
        Bucket.DAYS_1_30: and_(day < edges[0], day >= edges[1]),
        Bucket.DAYS_31_60: and_(day < edges[1], day >= edges[2]),
        Bucket.DAYS_61_90: and_(day < edges[2], day >= edges[3]),
        Bucket.OVER_90: day < edges[3],
    }
    aged = (
        select(
            running.c.client_id,
            *[
                func.sum(case((within[bucket], left), else_=_number(0))).label(name)
                for bucket, name in _BUCKET_COLUMN.items()
            ],
        )
        .join(owing, owing.c.client_id == running.c.client_id)
        .group_by(running.c.client_id)
        .subquery("money_aged")
    )
    owed_by_age = {
        bucket: func.coalesce(aged.c[name], 0) for bucket, name in _BUCKET_COLUMN.items()
    }
    oldest = case(
        *[
            (owed_by_age[bucket] > 0, _number(rank))
            for rank, bucket in reversed(list(enumerate(_BUCKETS)))
        ],
        else_=_number(-1),
    )
    return (
        select(
            balances.c.client_id,
            balances.c.full_name,
            balances.c.preferred_name,
            balances.c.balance,
            credit,
            *[owed_by_age[bucket].label(name) for bucket, name in _BUCKET_COLUMN.items()],
            oldest.label("oldest"),
        )
        .select_from(balances)
        .outerjoin(aged, aged.c.client_id == balances.c.client_id)
    )


def _ageing_of(row: Any) -> Ageing:
    """An ``_ageing_select`` row's ageing."""
    return Ageing(
        {bucket: int(row._mapping[name]) for bucket, name in _BUCKET_COLUMN.items()},
        int(row.credit),
    )


def all_ageing(
    session: Session, today: dt.date, scope: Scope = WHOLE_PRACTICE
) -> dict[int, Ageing]:
    """The ageing of every client of ``scope`` with money on record (one statement)."""
    return {
        row.client_id: _ageing_of(row)
        for row in plain_rows(session, _ageing_select(session, today, scope))
    }
