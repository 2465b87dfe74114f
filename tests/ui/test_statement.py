"""Statements and receipts: chosen on screen, saved as PDF, read back with the right totals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clientcare import clients, money
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, PaymentMethod
from tests.ui.test_printing import flat, pdf_pages
from ui.dialogs.statement import ReceiptDialog, StatementDialog, period_for
from ui.ops import Operations

LEFT = Qt.MouseButton.LeftButton
TODAY = dt.date.today()


@pytest.fixture
def account(db: Database) -> dict[str, int]:
    """A client with an old balance, a charge this month, a waiver, a payment and a refund."""
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(
                full_name="<b>Bob</b> {{7*7}} Ångström",
                preferred_name="Bob",
                status=ClientStatus.ACTIVE,
            ),
            region="GB",
            today=TODAY,
        ).id
        old = TODAY.replace(day=1) - dt.timedelta(days=20)
        money.add_charge(session, client, description="Session", amount="60", charged_on=old)
        money.add_charge(
            session, client, description="Session this month", amount="60", charged_on=TODAY
        )
        waived = money.add_charge(
            session, client, description="Missed session", amount="40", charged_on=TODAY
        )
        money.waive_charge(session, waived.id, "PRIVATE-REASON family matter")
        payment = money.record_payment(
            session, money.PaymentInput(client, "100", PaymentMethod.CARD, TODAY, reference="R-1")
        ).payment.id
        money.record_adjustment(
            session, client, amount="5", reason="INTERNAL-NOTE rounding", adjusted_on=TODAY
        )
    return {"client": client, "payment": payment}


def test_period_presets() -> None:
    assert period_for("last_month", dt.date(2026, 3, 15)) == (
        dt.date(2026, 2, 1),
        dt.date(2026, 2, 28),
    )
    assert period_for("three_months", dt.date(2026, 3, 15)) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 3, 15),
    )
    assert period_for("this_month", dt.date(2026, 3, 15))[0] == dt.date(2026, 3, 1)


def test_statement_pdf_has_the_right_totals_and_no_private_words(
    qtbot: QtBot, ops: Operations, account: dict[str, int], tmp_path: Path
) -> None:
    dialog = StatementDialog(ops, account["client"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.period.currentText() == "This month"
    target = tmp_path / "statement.pdf"
    dialog.print_actions.ask_save_path = lambda suggested: target  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.print_actions.pdf_button, LEFT)
    assert "✓ Saved statement.pdf (1 page)" in dialog.print_actions.saved.text()
    text = flat(pdf_pages(target))
    assert "<b>Bob</b> {{7*7}} Ångström" in text  # escaped, printed literally
    assert "£60.00" in text  # the balance brought forward
    assert "Payments received, thank you £100.00" in text
    assert "Refunds and corrections (their effect on the balance) -£5.00" in text
    assert "Balance on" in text and "£15.00" in text  # 60 + 60 − 100 − 5
    assert "(no charge)" in text
    assert "PRIVATE-REASON" not in text and "INTERNAL-NOTE" not in text
    assert "overdue" not in text.lower() and "you owe" not in text.lower()


def test_a_backwards_period_is_refused_next_to_the_dates(
    qtbot: QtBot, ops: Operations, account: dict[str, int]
) -> None:
    dialog = StatementDialog(ops, account["client"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.period.setFocus()
    qtbot.keyClick(dialog.period, Qt.Key.Key_End)  # "Other dates"
    assert dialog.period.currentData() == "custom"
    assert dialog.start.isEnabled()
    dialog.start.setFocus()
    dialog.start.setCurrentSection(dialog.start.Section.YearSection)
    qtbot.keyClick(dialog.start, Qt.Key.Key_Up)  # a year later than the end
    assert dialog.date_error.isVisible()
    assert "ends before it starts" in dialog.date_error.text()
    assert not dialog.print_actions.pdf_button.isEnabled()


def test_receipt_pdf_shows_the_payment_and_the_balance_after(
    qtbot: QtBot, ops: Operations, account: dict[str, int], tmp_path: Path
) -> None:
    dialog = ReceiptDialog(ops, account["payment"])
    qtbot.addWidget(dialog)
    dialog.show()
    target = tmp_path / "receipt.pdf"
    dialog.print_actions.ask_save_path = lambda suggested: target  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.print_actions.pdf_button, LEFT)
    text = flat(pdf_pages(target))
    assert f"Number {TODAY:%Y}-{account['payment']:05d}" in text
    assert "Amount £100.00" in text
    assert "How Card" in text and "R-1" in text
    assert "Balance afterwards £20.00" in text  # 60 + 60 − 100, before the correction
    assert "Thank you." in text
