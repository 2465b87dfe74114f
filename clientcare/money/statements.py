"""Statements and receipts (contexts for the printing layer), and the client page's
money."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clientcare.db.models import Payment
from clientcare.errors import NotFoundError, ValidationError
from clientcare.money._shared import _client
from clientcare.money.ledger import Ageing, Ledger, LedgerEntry, client_ageing, client_ledger
from clientcare.money.payments import PaymentRow, _payment_row
from clientcare.money.plans import PlanView, active_plan


@dataclass(frozen=True)
class Statement:
    client_name: str
    preferred_name: str
    address: str
    start: dt.date
    end: dt.date
    opening_minor: int
    entries: tuple[LedgerEntry, ...]
    charges_minor: int
    payments_minor: int
    closing_minor: int
    plan: PlanView | None


def statement(
    session: Session, client_id: int, *, start: dt.date, end: dt.date, today: dt.date
) -> Statement:
    """The client's account for a period: opening balance, lines, closing balance."""
    client = _client(session, client_id)
    if end < start:
        raise ValidationError.single("end", "The period ends before it starts.")
    ledger = client_ledger(session, client_id)
    opening = 0
    inside = []
    for entry in ledger.entries:
        if entry.day < start:
            opening = entry.balance_minor
        elif entry.day <= end:
            inside.append(entry)
    closing = inside[-1].balance_minor if inside else opening
    return Statement(
        client.full_name,
        client.preferred_name,
        client.address,
        start,
        end,
        opening,
        tuple(inside),
        sum(e.debit_minor for e in inside if e.kind == "charge"),
        sum(e.credit_minor for e in inside if e.kind == "payment"),
        closing,
        active_plan(session, client_id, today=today),
    )


@dataclass(frozen=True)
class Receipt:
    payment: PaymentRow
    client_name: str
    address: str
    balance_after_minor: int


def receipt(session: Session, payment_id: int) -> Receipt:
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFoundError(f"Payment {payment_id} no longer exists.")
    client = _client(session, payment.client_id)
    balance = 0
    for entry in client_ledger(session, client.id).entries:
        balance = entry.balance_minor
        if entry.kind in ("payment", "refund") and entry.ref_id == payment_id:
            break
    return Receipt(_payment_row(payment), client.full_name, client.address, balance)


def client_money(
    session: Session, client_id: int, *, today: dt.date
) -> tuple[Ledger, Ageing, PlanView | None]:
    """What the client page shows: the ledger, its ageing and any plan in progress."""
    return (
        client_ledger(session, client_id),
        client_ageing(session, client_id, today=today),
        active_plan(session, client_id, today=today),
    )
