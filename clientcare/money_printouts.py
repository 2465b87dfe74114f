"""Statements and receipts for the client, through the printing layer (no Qt here).

Everything printed for the client is neutral: no overdue status, no "you owe";
waived charges show as "no charge" without the practitioner's reason, and
corrections without their internal wording.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clientcare import money
from clientcare.db.models import PaymentKind
from clientcare.money import METHOD_LABELS, InstalmentState
from clientcare.printouts import (
    Printout,
    current_practitioner_name,
    footer_text,
    practice_context,
    render_printout,
)

#: What the client reads for each instalment state (never "overdue").
CLIENT_INSTALMENT_LABELS: dict[InstalmentState, str] = {
    InstalmentState.PAID: "Received, thank you",
    InstalmentState.PART_PAID: "Partly received",
    InstalmentState.DUE: "To come",
    InstalmentState.OVERDUE: "Not yet received",
}


@dataclass(frozen=True)
class StatementLine:
    day: dt.date
    description: str
    debit_minor: int
    credit_minor: int
    balance_minor: int
    waived: bool


def _client_description(entry: money.LedgerEntry) -> str:
    if entry.kind == "waived":
        return entry.description.split(" — waived:", 1)[0]
    if entry.kind == "adjustment":
        return "Correction to the account"
    return entry.description


def statement_context(
    session: Session, client_id: int, *, start: dt.date, end: dt.date, today: dt.date
) -> dict[str, object]:
    """The statement's data: a plain dict of plain values for the template."""
    statement = money.statement(session, client_id, start=start, end=end, today=today)
    lines = [
        StatementLine(
            e.day,
            _client_description(e),
            e.debit_minor,
            e.credit_minor,
            e.balance_minor,
            e.kind == "waived",
        )
        for e in statement.entries
    ]
    other = sum(
        e.credit_minor - e.debit_minor
        for e in statement.entries
        if e.kind in ("refund", "adjustment")
    )
    plan = None
    if statement.plan is not None:
        plan = {
            "agreed_on": statement.plan.agreed_on,
            "instalments": [
                {
                    "number": i.number,
                    "due_on": i.due_on,
                    "amount_minor": i.amount_minor,
                    "state_label": CLIENT_INSTALMENT_LABELS[i.state],
                }
                for i in statement.plan.instalments
            ],
        }
    return {
        "practice": practice_context(session),
        "client": {
            "full_name": statement.client_name,
            "preferred_name": statement.preferred_name,
            "address": statement.address,
        },
        "start": start,
        "end": end,
        "today": today,
        "opening_minor": statement.opening_minor,
        "closing_minor": statement.closing_minor,
        "charges_minor": statement.charges_minor,
        "payments_minor": statement.payments_minor,
        "other_minor": -other,
        "lines": lines,
        "plan": plan,
    }


def statement_printout(
    session: Session, client_id: int, *, start: dt.date, end: dt.date, today: dt.date
) -> Printout:
    context = statement_context(session, client_id, start=start, end=end, today=today)
    practice = context["practice"]
    assert isinstance(practice, dict)
    client = context["client"]
    assert isinstance(client, dict)
    return render_printout(
        "statement.html",
        context,
        title=f"Statement — {client['full_name']}",
        footer_left=footer_text(today, current_practitioner_name(session), practice["locale"]),
    )


def receipt_number(payment_id: int, paid_on: dt.date) -> str:
    """A stable, readable receipt number: the year and the payment's number."""
    return f"{paid_on:%Y}-{payment_id:05d}"


def receipt_context(session: Session, payment_id: int, *, today: dt.date) -> dict[str, object]:
    receipt = money.receipt(session, payment_id)
    payment = receipt.payment
    return {
        "practice": practice_context(session),
        "client": {"full_name": receipt.client_name, "address": receipt.address},
        "number": receipt_number(payment.id, payment.paid_on),
        "payment": {
            "paid_on": payment.paid_on,
            "amount_minor": payment.amount_minor,
            "method": METHOD_LABELS[payment.method],
            "reference": payment.reference,
            "is_refund": payment.kind is PaymentKind.REFUND,
        },
        "balance_after_minor": receipt.balance_after_minor,
        "today": today,
    }


def receipt_printout(session: Session, payment_id: int, *, today: dt.date) -> Printout:
    context = receipt_context(session, payment_id, today=today)
    practice = context["practice"]
    assert isinstance(practice, dict)
    return render_printout(
        "receipt.html",
        context,
        title=f"Receipt {context['number']}",
        footer_left=footer_text(today, current_practitioner_name(session), practice["locale"]),
    )
