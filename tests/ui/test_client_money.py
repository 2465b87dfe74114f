"""The Money section of the client page, driven as a person would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import clients, money
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import Charge, ChargeStatus, ClientStatus, MoneyTopic, PaymentMethod
from tests.ui.conftest import open_client_tab
from ui.models.ledger import LedgerColumn
from ui.ops import Changes, Operations
from ui.screens.clients import ClientsScreen
from ui.widgets.client_money import ClientMoneyPanel

TODAY = dt.date.today()


@pytest.fixture
def client_id(db: Database) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name="Zoë Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        ).id


def add_charge(db: Database, client_id: int, amount: str, days_ago: int, what: str) -> int:
    with db.unit_of_work() as session:
        return money.add_charge(
            session,
            client_id,
            description=what,
            amount=amount,
            charged_on=TODAY - dt.timedelta(days=days_ago),
        ).id


def pay(
    db: Database, client_id: int, amount: str, days_ago: int = 0, *, towards_plan: bool = False
) -> None:
    with db.unit_of_work() as session:
        money.record_payment(
            session,
            money.PaymentInput(
                client_id,
                amount,
                PaymentMethod.CARD,
                TODAY - dt.timedelta(days=days_ago),
                towards_plan=towards_plan,
            ),
        )


def open_page(qtbot: QtBot, ops: Operations, client_id: int) -> ClientsScreen:
    """The client page, opened on the client, as the person sees it."""
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    assert screen.select_client(client_id)
    open_client_tab(qtbot, screen.form, "money")
    panel = screen.form.money_panel
    assert panel.isVisible() and panel.client_id == client_id
    return screen


def ledger_column(panel: ClientMoneyPanel, column: LedgerColumn) -> list[str]:
    model = panel.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_record_a_payment_updates_the_balance_and_the_ageing(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typist
) -> None:
    add_charge(db, client_id, "45.00", 45, "Session, earlier")
    add_charge(db, client_id, "45.00", 0, "Session, today")
    screen = open_page(qtbot, ops, client_id)
    panel = screen.form.money_panel
    assert panel.balance_label.text() == "Balance £90.00"
    assert panel.ageing_label.text() == (
        "Current £45.00 · 1–30 days £0.00 · 31–60 days £45.00 · 61–90 days £0.00 · "
        "Over 90 days £0.00"
    )

    def drive(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        assert dialog.objectName() == "payment_dialog"
        typist(dialog.amount, "45.00")  # type: ignore[attr-defined]
        click(qtbot, dialog.save_button)  # type: ignore[attr-defined]
        return dialog.result() == QDialog.DialogCode.Accepted

    panel.run_dialog = drive  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.money_changed):
        click(qtbot, panel.record_payment_button)

    # The payment covers the oldest charge first: what is left is today's session.
    assert panel.balance_label.text() == "Balance £45.00"
    assert panel.ageing_label.text() == (
        "Current £45.00 · 1–30 days £0.00 · 31–60 days £0.00 · 61–90 days £0.00 · "
        "Over 90 days £0.00"
    )
    assert ledger_column(panel, LedgerColumn.WHAT)[-1] == "Payment (cash)"
    assert ledger_column(panel, LedgerColumn.PAYMENTS)[-1] == "£45.00"
    assert ledger_column(panel, LedgerColumn.BALANCE)[-1] == "£45.00"
    with db.reading() as session:
        assert money.client_balance(session, client_id) == 4500


def test_paying_more_than_the_balance_shows_credit_then_settled(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    add_charge(db, client_id, "60.00", 3, "Session")
    screen = open_page(qtbot, ops, client_id)
    panel = screen.form.money_panel
    pay(db, client_id, "70.00")
    ops.changed.emit(Changes.MONEY)  # what ops.run announces after any money change
    assert panel.balance_label.text() == "Credit £10.00"
    assert not panel.ageing_label.isVisible()
    assert ledger_column(panel, LedgerColumn.BALANCE)[-1] == "£10.00 credit"
    add_charge(db, client_id, "10.00", 0, "Printed workbook")
    ops.changed.emit(Changes.MONEY)
    assert panel.balance_label.text() == "Settled"


def test_waive_with_a_reason_shows_it_in_the_ledger_and_lowers_the_balance(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typist
) -> None:
    add_charge(db, client_id, "60.00", 10, "Session")
    missed = add_charge(db, client_id, "30.00", 3, "Missed session")
    screen = open_page(qtbot, ops, client_id)
    panel = screen.form.money_panel
    assert panel.balance_label.text() == "Balance £90.00"
    assert not panel.waive_button.isEnabled()

    assert panel.select_charge(missed)
    assert panel.waive_button.isEnabled()

    def drive(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        typist(dialog.reason, "Car broke down on the way")  # type: ignore[attr-defined]
        click(qtbot, dialog.save_button)  # type: ignore[attr-defined]
        return dialog.result() == QDialog.DialogCode.Accepted

    panel.run_dialog = drive  # type: ignore[method-assign]
    click(qtbot, panel.waive_button)

    assert panel.balance_label.text() == "Balance £60.00"
    assert "Missed session — waived: Car broke down on the way" in ledger_column(
        panel, LedgerColumn.WHAT
    )
    with db.reading() as session:
        charge = session.get(Charge, missed)
        assert charge is not None and charge.status == ChargeStatus.WAIVED


def test_deleting_a_paid_charge_is_refused_with_a_message(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    paid = add_charge(db, client_id, "60.00", 10, "Session")
    pay(db, client_id, "20.00", 5)
    screen = open_page(qtbot, ops, client_id)
    panel = screen.form.money_panel
    messages: list[str] = []
    panel.confirm = lambda title, text: True  # type: ignore[method-assign]
    panel.inform = lambda title, text: messages.append(text)  # type: ignore[method-assign]

    assert panel.select_charge(paid)
    click(qtbot, panel.delete_button)

    assert len(messages) == 1
    assert "£20.00 of payments against it" in messages[0]
    assert "can't be deleted" in messages[0]
    with db.reading() as session:
        assert session.get(Charge, paid) is not None
    assert panel.balance_label.text() == "Balance £40.00"


def test_deleting_a_charge_entered_by_mistake(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    add_charge(db, client_id, "60.00", 10, "Session")
    mistake = add_charge(db, client_id, "600.00", 1, "Session typed wrong")
    screen = open_page(qtbot, ops, client_id)
    panel = screen.form.money_panel
    asked: list[str] = []
    panel.confirm = lambda title, text: asked.append(text) or True  # type: ignore[method-assign]
    assert panel.select_charge(mistake)
    click(qtbot, panel.delete_button)
    assert asked and "Session typed wrong" in asked[0]
    assert panel.balance_label.text() == "Balance £60.00"
    with db.reading() as session:
        assert session.scalar(select(Charge.id).where(Charge.id == mistake)) is None


def test_deleting_a_charge_someone_else_changed_since_it_was_shown_is_refused(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    """The ledger was drawn; another practitioner waived the charge; Delete says so."""
    typo = add_charge(db, client_id, "600.00", 1, "Session typed wrong")
    screen = open_page(qtbot, ops, client_id)
    panel = screen.form.money_panel
    messages: list[str] = []
    panel.confirm = lambda title, text: True  # type: ignore[method-assign]
    panel.inform = lambda title, text: messages.append(text)  # type: ignore[method-assign]
    assert panel.select_charge(typo)
    with db.unit_of_work() as session:  # at another computer, after the ledger was drawn
        money.waive_charge(session, typo, "Agreed at the session")
    click(qtbot, panel.delete_button)
    assert len(messages) == 1 and "since you opened it" in messages[0]
    with db.reading() as session:
        kept = session.get(Charge, typo)
        assert kept is not None and kept.status == ChargeStatus.WAIVED
    assert any(
        "waived: Agreed at the session" in text for text in ledger_column(panel, LedgerColumn.WHAT)
    )  # the ledger as it is now


def test_plan_in_progress_shows_each_instalment_state_in_words(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    add_charge(db, client_id, "90.00", 70, "Sessions in the spring")
    agreed = TODAY - dt.timedelta(days=40)
    with db.unit_of_work() as session:
        money.create_plan(
            session,
            client_id,
            agreed_on=agreed,
            instalments=[
                money.InstalmentInput(agreed, "30.00"),
                money.InstalmentInput(TODAY - dt.timedelta(days=10), "30.00"),
                money.InstalmentInput(TODAY + dt.timedelta(days=20), "30.00"),
            ],
            today=TODAY,
        )
    pay(db, client_id, "40.00", 30, towards_plan=True)
    screen = open_page(qtbot, ops, client_id)
    panel = screen.form.money_panel
    lines = panel.plan_label.text().splitlines()
    assert lines[0].endswith("£40.00 of £90.00 paid")
    assert lines[1].endswith("— £30.00 — Paid")
    assert lines[2].endswith("— £30.00 — Past its date (£10.00 so far)")
    assert lines[3].endswith("— £30.00 — Due")
    text = panel.plan_label.text().lower()
    assert "overdue" not in text and "owe" not in text


def test_fee_line_and_recent_conversation(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    with db.unit_of_work() as session:
        tier = money.save_tier(session, money.TierInput("Tier B", "45.00"))
        money.set_fee_arrangement(
            session, client_id, effective_from=dt.date(2026, 3, 3), tier_id=tier.id
        )
        money.record_conversation(
            session,
            money.ConversationInput(
                client_id,
                TODAY,
                MoneyTopic.OVERDUE_BALANCE,
                summary="Mentioned the balance from earlier sessions.",
                client_words="Paying after payday would help.",
                follow_up_on=TODAY + dt.timedelta(days=14),
            ),
        )
    screen = open_page(qtbot, ops, client_id)
    panel = screen.form.money_panel
    assert panel.fee_label.text() == "Sliding scale: Tier B — £45.00 from 3 Mar 2026"
    text = panel.conversations_label.text()
    assert "Balance from earlier sessions" in text
    assert "In their words: “Paying after payday would help.”" in text
    assert panel.balance_label.text() == "Settled — nothing charged yet"


def test_a_new_client_has_no_money_section(qtbot: QtBot, ops: Operations) -> None:
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    screen.new_client()
    assert not screen.form.money_panel.isVisible()
    # Only the Overview tab until the client is saved.
    tabs = screen.form.tabs
    assert [tabs.isTabVisible(i) for i in range(tabs.count())] == [True] + [False] * 4


def test_a_receipt_for_the_selected_payment_and_a_statement_from_the_page(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, tmp_path
) -> None:
    from tests.ui.test_printing import flat, pdf_pages
    from ui.dialogs.statement import ReceiptDialog, StatementDialog

    add_charge(db, client_id, "60.00", 3, "Session")
    pay(db, client_id, "25.00")
    screen = open_page(qtbot, ops, client_id)
    panel = screen.form.money_panel
    assert not panel.receipt_button.isEnabled()  # nothing selected yet
    row = ledger_column(panel, LedgerColumn.WHAT).index("Payment (card)")
    rect = panel.ledger_view.visualRect(panel.model.index(row, LedgerColumn.WHAT))
    qtbot.mouseClick(panel.ledger_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.receipt_button.isEnabled()
    seen: list[QDialog] = []

    def drive(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        seen.append(dialog)
        target = tmp_path / f"{dialog.objectName()}.pdf"
        dialog.print_actions.ask_save_path = lambda suggested: target  # type: ignore[attr-defined]
        click(qtbot, dialog.print_actions.pdf_button)  # type: ignore[attr-defined]
        return False

    panel.run_dialog = drive  # type: ignore[method-assign]
    click(qtbot, panel.receipt_button)
    click(qtbot, panel.statement_button)
    assert [type(d) for d in seen] == [ReceiptDialog, StatementDialog]
    receipt = flat(pdf_pages(tmp_path / "receipt_dialog.pdf"))
    assert "Amount £25.00" in receipt and "Balance afterwards £35.00" in receipt
    statement = flat(pdf_pages(tmp_path / "statement_dialog.pdf"))
    assert "£35.00" in statement
