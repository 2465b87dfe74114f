"""The payment dialog: typed amounts, the balance after, credit, refunds, and refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clientcare import clients, money
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, Payment, PaymentKind, PaymentMethod
from clientcare.money import PaymentInput
from ui.dialogs.payment import PaymentDialog
from ui.ops import Operations

TODAY = dt.date.today()


def add_client(db: Database, name: str = "Ann Example") -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        ).id


def charge(db: Database, client_id: int, amount: str, days_ago: int = 0) -> None:
    with db.unit_of_work() as session:
        money.add_charge(
            session,
            client_id,
            description="Session",
            amount=amount,
            charged_on=TODAY - dt.timedelta(days=days_ago),
        )


def pay(db: Database, client_id: int, amount: str) -> None:
    with db.unit_of_work() as session:
        money.record_payment(session, PaymentInput(client_id, amount, PaymentMethod.CARD, TODAY))


def balance(db: Database, client_id: int) -> int:
    with db.reading() as session:
        return money.client_balance(session, client_id)


def stored_payments(db: Database, kind: PaymentKind = PaymentKind.PAYMENT) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(Payment.id)).where(Payment.kind == kind)) or 0


@pytest.fixture
def client_id(db: Database) -> int:
    cid = add_client(db)
    charge(db, cid, "90", days_ago=10)
    return cid


def open_dialog(qtbot: QtBot, ops: Operations, client_id: int, **kw: bool) -> PaymentDialog:
    dialog = PaymentDialog(ops, client_id, None, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot: QtBot, dialog: PaymentDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_shows_the_balance_and_what_it_will_be_after(
    qtbot: QtBot, ops: Operations, client_id: int
) -> None:
    dialog = open_dialog(qtbot, ops, client_id)
    assert dialog.windowTitle() == "Record payment"
    assert dialog.balance_label.text() == "Balance now: £90.00."
    assert dialog.after_label.isHidden()
    qtbot.keyClicks(dialog.amount, "40")
    assert dialog.after_label.text() == "Balance after: £50.00."
    qtbot.keyClicks(dialog.amount, "0")  # 400
    assert dialog.after_label.text().startswith("£310.00 more than the balance")
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "90")
    assert dialog.after_label.text() == "This settles the balance."
    assert dialog.fields["towards_plan"].isHidden()  # no plan, no checkbox


def test_paying_more_than_the_balance_is_kept_as_credit(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    dialog = open_dialog(qtbot, ops, client_id)
    qtbot.keyClicks(dialog.amount, "100")
    after = dialog.after_label
    assert after.isVisible()
    assert after.text() == (
        "£10.00 more than the balance: it will be kept as credit. Credit held after: £10.00."
    )
    assert dialog.fields["amount"].error.isHidden()  # said plainly, not as an error
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.TRANSFER.value))
    qtbot.keyClicks(dialog.reference, "TX-1")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.stored is not None and dialog.stored.credit_minor == 1000
    assert balance(db, client_id) == -1000
    with db.reading() as session:
        payment = session.scalars(select(Payment)).one()
        assert (payment.amount_minor, payment.method, payment.reference, payment.paid_on) == (
            10000,
            PaymentMethod.TRANSFER,
            "TX-1",
            TODAY,
        )


def test_too_many_decimals_is_said_next_to_the_amount_and_nothing_is_stored(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    dialog = open_dialog(qtbot, ops, client_id)
    qtbot.keyClicks(dialog.amount, "12.345")
    assert dialog.after_label.isHidden()  # nothing to preview; no error while typing
    save(qtbot, dialog)
    error = dialog.fields["amount"].error
    assert error.isVisible()
    assert "too many decimals" in error.text()
    assert "GBP has at most 2 decimals" in error.text()
    assert dialog.isVisible() and dialog.stored is None
    assert stored_payments(db) == 0
    assert balance(db, client_id) == 9000
    # Correcting it clears the message, and then it stores.
    dialog.amount.clear()
    assert error.isHidden()
    qtbot.keyClicks(dialog.amount, "12.34")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert balance(db, client_id) == 9000 - 1234


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("-5", "can't be negative"),
        ("0", "must be more than zero"),
        ("€20", "this practice keeps its accounts in GBP"),
        ("", "is missing"),
    ],
)
def test_bad_amounts_are_refused_next_to_the_field(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typed: str, said: str
) -> None:
    dialog = open_dialog(qtbot, ops, client_id)
    dialog.amount.setText(typed)  # "€" is not ASCII: keyClicks can't type it
    save(qtbot, dialog)
    assert said in dialog.fields["amount"].error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert stored_payments(db) == 0


def test_a_refund_beyond_what_was_paid_is_refused(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    pay(db, client_id, "50")
    dialog = open_dialog(qtbot, ops, client_id, refund=True)
    assert dialog.windowTitle() == "Refund"
    assert dialog.balance_label.text() == "Balance now: £40.00. Up to £50.00 can be refunded."
    assert dialog.fields["towards_plan"].isHidden()
    qtbot.keyClicks(dialog.amount, "60")
    save(qtbot, dialog)
    message = dialog.fields["amount"].error.text()
    assert "can't be more than was paid: £50.00 can still be refunded" in message
    assert stored_payments(db, PaymentKind.REFUND) == 0
    assert balance(db, client_id) == 4000
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "20")
    assert dialog.after_label.text() == "Balance after: £60.00."
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored_payments(db, PaymentKind.REFUND) == 1
    assert balance(db, client_id) == 6000


def test_nothing_to_refund_says_so(qtbot: QtBot, ops: Operations, client_id: int) -> None:
    dialog = open_dialog(qtbot, ops, client_id, refund=True)
    assert "Nothing has been paid that could be refunded." in dialog.balance_label.text()


def test_towards_the_plan_is_offered_only_with_a_plan_and_stored(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    with db.unit_of_work() as session:
        plan = money.create_plan(
            session,
            client_id,
            agreed_on=TODAY,
            instalments=money.split_evenly(9000, 3, TODAY + dt.timedelta(days=7)),
            today=TODAY,
        )
    dialog = open_dialog(qtbot, ops, client_id)
    assert dialog.fields["towards_plan"].isVisible()
    assert dialog.towards_plan.isChecked()
    assert dialog.plan_label.text().startswith("Next instalment: £30.00 on ")
    qtbot.keyClicks(dialog.amount, "30")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.reading() as session:
        assert session.scalars(select(Payment.plan_id)).one() == plan.id
        view = money.active_plan(session, client_id, today=TODAY)
    assert view is not None and view.paid_minor == 3000


def test_paying_with_nothing_owed_is_kept_as_credit(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    cid = add_client(db, "Ben Sample")
    dialog = open_dialog(qtbot, ops, cid)
    assert dialog.balance_label.text() == "No balance at the moment."
    qtbot.keyClicks(dialog.amount, "25")
    assert dialog.after_label.text() == (
        "There is no balance now: it will be kept as credit. Credit held after: £25.00."
    )
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert balance(db, cid) == -2500
