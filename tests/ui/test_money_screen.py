"""The Money screen: the overview and its chart, charging, follow-ups, balances."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QDialog, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import appointments as ap
from clientcare import clients, money
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    Charge,
    ChargeKind,
    ChargeStatus,
    ClientStatus,
    MoneyConversation,
    MoneyTopic,
    PaymentMethod,
    Practitioner,
)
from clientcare.money import Bucket, PaymentInput
from ui.dialogs.charge_confirm import ChargeDialog
from ui.dialogs.payment import PaymentDialog
from ui.main_window import MainWindow
from ui.models.money import BalanceColumn, ToChargeColumn
from ui.ops import Operations
from ui.screens.money import MoneyScreen
from ui.widgets.ageing_chart import AgeingChart

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 18, 0)


def add_client(db: Database, name: str, preferred: str = "") -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, preferred_name=preferred, status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        ).id


def charge(db: Database, client_id: int, amount: str, days_ago: int) -> None:
    with db.unit_of_work() as session:
        money.add_charge(
            session,
            client_id,
            description="Session",
            amount=amount,
            charged_on=TODAY - dt.timedelta(days=days_ago),
        )


def pay(db: Database, client_id: int, amount: str, day: dt.date = TODAY) -> None:
    with db.unit_of_work() as session:
        money.record_payment(session, PaymentInput(client_id, amount, PaymentMethod.CARD, day))


def completed_session(db: Database, client_id: int, days_ago: int) -> int:
    start = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(10, 0))
    with db.unit_of_work() as session:
        practitioner = session.scalar(select(Practitioner.id).limit(1))
        if practitioner is None:
            row = Practitioner(full_name="Pat Practitioner")
            session.add(row)
            session.flush()
            practitioner = row.id
        appointment = ap.create_appointment(
            session,
            AppointmentInput(client_id, practitioner, start, 50),
            now=start - dt.timedelta(days=7),
        ).id
    with db.unit_of_work() as session:
        ap.mark_completed(session, appointment, now=NOW)
    return appointment


@pytest.fixture
def practice(db: Database) -> dict[str, int]:
    """Ann owes from 10 and 40 days ago, Ben from today and 100 days ago, Cleo holds credit."""
    ann = add_client(db, "Ann Example")
    ben = add_client(db, "Benjamin Sample", "Ben")
    cleo = add_client(db, "Cleo Instance")
    charge(db, ann, "90", days_ago=10)
    charge(db, ann, "50", days_ago=40)
    charge(db, ben, "70", days_ago=0)
    charge(db, ben, "120", days_ago=100)
    charge(db, cleo, "40", days_ago=5)
    pay(db, cleo, "50")
    pay(db, ann, "20", day=TODAY - dt.timedelta(days=60))  # last month: not "this month"
    return {"ann": ann, "ben": ben, "cleo": cleo}


def make_screen(qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch) -> MoneyScreen:
    monkeypatch.setattr(MoneyScreen, "today", lambda self: TODAY)
    monkeypatch.setattr(PaymentDialog, "today", lambda self: TODAY)
    screen = MoneyScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def shown(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def answering(action: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """A ``run_dialog`` replacement: act on the dialog as a person would, return its result."""

    def run(dialog: QDialog) -> int:
        dialog.show()
        action(dialog)
        return dialog.result()

    return run


def test_overview_figures_and_chart_match_the_ledger(
    qtbot: QtBot, ops: Operations, practice: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = make_screen(qtbot, ops, monkeypatch)
    # Ann's £20 from last month covers her oldest charge first: 50 → 30 left.
    assert screen.received.value.text() == "£50.00"
    assert screen.outstanding.value.text() == "£310.00"
    assert screen.outstanding.note.text() == "£150.00 from more than 30 days ago"
    assert screen.credit.value.text() == "£10.00"
    assert screen.chart.buckets == {
        Bucket.CURRENT: 7000,
        Bucket.DAYS_1_30: 9000,
        Bucket.DAYS_31_60: 3000,
        Bucket.DAYS_61_90: 0,
        Bucket.OVER_90: 12000,
    }
    assert screen.chart.texts()[:4] == ["£70.00", "Current", "£90.00", "1–30 days"]
    assert "Over 90 days: £120.00." in screen.chart.accessibleDescription()
    table = screen.balance_table
    assert shown(table, BalanceColumn.CLIENT) == [
        "Benjamin Sample (Ben)",
        "Ann Example",
        "Cleo Instance",
    ]
    assert shown(table, BalanceColumn.BALANCE) == ["£190.00", "£120.00", "Credit £10.00"]
    assert shown(table, BalanceColumn.OVER_90) == ["£120.00", "", ""]
    assert shown(table, BalanceColumn.DAYS_31_60) == ["", "£30.00", ""]
    steps = shown(table, BalanceColumn.NEXT_STEP)
    assert steps[0].startswith("Offer a conversation about options")
    assert steps[2].startswith("Credit held")
    assert screen.balance_count.text() == "2 with a balance · 1 with credit"


def test_nothing_yet_is_said_plainly(
    qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = make_screen(qtbot, ops, monkeypatch)
    assert screen.outstanding.value.text() == "£0.00"
    assert screen.chart.is_empty()
    assert screen.balance_stack.currentWidget() is screen.balance_empty
    assert "Everything is settled" in screen.balance_empty.text()
    assert screen.to_charge_stack.currentWidget() is screen.to_charge_empty
    assert not screen.charge_all_button.isEnabled()
    assert not screen.pay_button.isEnabled()


def test_search_filters_the_balances(
    qtbot: QtBot,
    ops: Operations,
    practice: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    typist,  # type: ignore[no-untyped-def]
) -> None:
    screen = make_screen(qtbot, ops, monkeypatch)
    typist(screen.search, "ben")
    assert shown(screen.balance_table, BalanceColumn.CLIENT) == ["Benjamin Sample (Ben)"]
    screen.search.clear()
    typist(screen.search, "nobody")
    assert screen.balance_stack.currentWidget() is screen.balance_empty
    assert screen.balance_empty.text() == "No balance matches “nobody”."
    screen.search.clear()
    assert len(shown(screen.balance_table, BalanceColumn.CLIENT)) == 3


def test_sorting_by_balance_puts_credit_lowest(
    qtbot: QtBot, ops: Operations, practice: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = make_screen(qtbot, ops, monkeypatch)
    header = screen.balance_table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(BalanceColumn.BALANCE) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    first = shown(screen.balance_table, BalanceColumn.BALANCE)
    assert first in (
        ["Credit £10.00", "£120.00", "£190.00"],
        ["£190.00", "£120.00", "Credit £10.00"],
    )
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert shown(screen.balance_table, BalanceColumn.BALANCE) == list(reversed(first))


def test_record_a_payment_updates_the_balance_and_ageing(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    practice: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = make_screen(qtbot, ops, monkeypatch)
    assert not screen.pay_button.isEnabled()
    click_row(qtbot, screen.balance_table, 1)  # Ann: £30 from 40 days ago, £90 from 10
    assert screen.pay_button.isEnabled()

    def pay_forty(dialog: QDialog) -> None:
        assert isinstance(dialog, PaymentDialog)
        qtbot.keyClicks(dialog.amount, "40")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    screen.run_dialog = answering(pay_forty)  # type: ignore[method-assign]
    qtbot.mouseClick(screen.pay_button, Qt.MouseButton.LeftButton)
    # Oldest first: the £30 from 40 days ago is covered, then £10 of the £90.
    row = shown(screen.balance_table, BalanceColumn.CLIENT).index("Ann Example")
    table = screen.balance_table.model()
    assert table.index(row, BalanceColumn.BALANCE).data() == "£80.00"
    assert table.index(row, BalanceColumn.DAYS_31_60).data() == ""
    assert table.index(row, BalanceColumn.DAYS_1_30).data() == "£80.00"
    assert screen.received.value.text() == "£90.00"
    assert screen.chart.buckets[Bucket.DAYS_31_60] == 0
    assert screen.notice.text() == "Payment of £40.00 recorded for Ann Example; balance £80.00."
    assert screen.selected_client_id() == practice["ann"]  # still selected after the refresh
    with db.reading() as session:
        assert money.client_balance(session, practice["ann"]) == 8000


def test_charge_from_to_charge_with_an_edited_amount(
    qtbot: QtBot, ops: Operations, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = add_client(db, "Ann Example")
    with db.unit_of_work() as session:
        money.save_service(session, money.ServiceInput("Individual session", "70"))
    appointment = completed_session(db, ann, days_ago=2)
    screen = make_screen(qtbot, ops, monkeypatch)
    assert screen.lists.tabText(0) == "To charge (1)"
    assert shown(screen.to_charge_table, ToChargeColumn.AMOUNT) == ["£70.00"]
    assert shown(screen.to_charge_table, ToChargeColumn.CLIENT) == ["Ann Example"]
    assert not screen.charge_button.isEnabled()
    click_row(qtbot, screen.to_charge_table, 0)

    def confirm_lower(dialog: QDialog) -> None:
        assert isinstance(dialog, ChargeDialog)
        assert dialog.amount.text() == "70.00"
        assert dialog.grace_label.isHidden()
        dialog.amount.selectAll()
        qtbot.keyClicks(dialog.amount, "65.555")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "too many decimals" in dialog.amount_field.error.text()
        dialog.amount.selectAll()
        qtbot.keyClicks(dialog.amount, "65.50")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    screen.run_dialog = answering(confirm_lower)  # type: ignore[method-assign]
    qtbot.mouseClick(screen.charge_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        stored = session.scalars(select(Charge)).one()
        assert (stored.appointment_id, stored.amount_minor, stored.kind) == (
            appointment,
            6550,
            ChargeKind.SESSION,
        )
    assert screen.to_charge_stack.currentWidget() is screen.to_charge_empty
    assert shown(screen.balance_table, BalanceColumn.BALANCE) == ["£65.50"]
    assert screen.notice.text().endswith("charged: £65.50.")


def test_a_forgiven_fee_is_recorded_waived(
    qtbot: QtBot, ops: Operations, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = add_client(db, "Ann Example")
    with db.unit_of_work() as session:
        money.set_missed_fees(session, late_cancel=None, no_show="40")
    appointment = completed_session(db, ann, days_ago=3)
    with db.unit_of_work() as session:
        session.get(Appointment, appointment).status = AppointmentStatus.NO_SHOW  # type: ignore[union-attr]
    with db.reading() as session:
        proposal = money.propose_charge(session, appointment)
    # The shipped grace rules forgive a first missed session.
    assert proposal is not None and proposal.grace_reason
    screen = make_screen(qtbot, ops, monkeypatch)
    assert shown(screen.to_charge_table, ToChargeColumn.NOTE)[0].startswith("Forgiven: ")
    click_row(qtbot, screen.to_charge_table, 0)

    def accept(dialog: QDialog) -> None:
        assert isinstance(dialog, ChargeDialog)
        assert dialog.grace_label.isVisible()
        assert "recorded as waived" in dialog.grace_label.text()
        assert dialog.save_button.text() == "Record as waived"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    screen.run_dialog = answering(accept)  # type: ignore[method-assign]
    qtbot.mouseClick(screen.charge_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        stored = session.scalars(select(Charge)).one()
        assert stored.status == ChargeStatus.WAIVED and stored.waived_reason
    assert screen.balance_stack.currentWidget() is screen.balance_empty


def test_charge_all_with_a_known_fee_in_one_go(
    qtbot: QtBot, ops: Operations, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = add_client(db, "Ann Example")
    ben = add_client(db, "Ben Sample")
    with db.unit_of_work() as session:
        money.save_service(session, money.ServiceInput("Individual session", "70"))
        tier = money.save_tier(session, money.TierInput("Tier C", "25"))
        money.set_fee_arrangement(
            session, ben, effective_from=TODAY - dt.timedelta(days=30), tier_id=tier.id
        )
    completed_session(db, ann, days_ago=3)
    completed_session(db, ben, days_ago=2)
    screen = make_screen(qtbot, ops, monkeypatch)
    asked: list[str] = []

    def confirm(title: str, text: str) -> bool:
        asked.append(text)
        return True

    screen.confirm = confirm  # type: ignore[method-assign]
    qtbot.mouseClick(screen.charge_all_button, Qt.MouseButton.LeftButton)
    assert asked == ["Charge 2 appointments, £95.00 in all?"]
    with db.reading() as session:
        amounts = sorted(c.amount_minor for c in session.scalars(select(Charge)))
    assert amounts == [2500, 7000]
    assert screen.to_charge_model.rows == []
    assert screen.notice.text() == "Charged 2 appointments: £95.00."
    assert screen.outstanding.value.text() == "£95.00"


def test_mark_a_money_conversation_followed_up(
    qtbot: QtBot, ops: Operations, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = add_client(db, "Ann Example")
    with db.unit_of_work() as session:
        money.record_conversation(
            session,
            money.ConversationInput(
                ann,
                TODAY - dt.timedelta(days=14),
                MoneyTopic.SLIDING_SCALE,
                agreed_outcome="Try tier C for two months",
                follow_up_on=TODAY - dt.timedelta(days=1),
            ),
        )
    screen = make_screen(qtbot, ops, monkeypatch)
    assert screen.lists.tabText(1) == "Follow-ups due (1)"
    screen.lists.setCurrentWidget(screen.follow_up_page)
    assert shown(screen.follow_up_table, 3) == ["Try tier C for two months"]
    assert not screen.followed_up_button.isEnabled()
    click_row(qtbot, screen.follow_up_table, 0)
    qtbot.mouseClick(screen.followed_up_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        assert session.scalars(select(MoneyConversation.follow_up_done_on)).one() == TODAY
    assert screen.follow_up_stack.currentWidget() is screen.follow_up_empty
    assert screen.notice.text() == "Followed up with Ann (sliding scale)."


def test_double_click_opens_the_client_on_the_clients_screen(
    qtbot: QtBot, ops: Operations, practice: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MoneyScreen, "today", lambda self: TODAY)
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    window.go_to("money")
    screen = window.screens["money"]
    assert isinstance(screen, MoneyScreen)
    table = screen.balance_table
    row = shown(table, BalanceColumn.CLIENT).index("Cleo Instance")
    rect = table.visualRect(table.model().index(row, BalanceColumn.CLIENT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_section() == "clients"
    assert window.screens["clients"].form.client.id == practice["cleo"]  # type: ignore[attr-defined]


def test_the_chart_writes_every_amount(qtbot: QtBot) -> None:
    chart = AgeingChart()
    qtbot.addWidget(chart)
    assert chart.texts()[-1] == "Nothing outstanding."
    chart.set_data({Bucket.DAYS_61_90: 4500}, lambda minor: f"£{minor / 100:.2f}")
    assert chart.texts() == [
        "£0.00",
        "Current",
        "£0.00",
        "1–30 days",
        "£0.00",
        "31–60 days",
        "£45.00",
        "61–90 days",
        "£0.00",
        "Over 90 days",
    ]
    chart.resize(600, chart.sizeHint().height())
    assert not chart.grab().isNull()


def test_empty_index_is_ignored(qtbot: QtBot, ops: Operations, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, ops, monkeypatch)
    with qtbot.assertNotEmitted(screen.open_client):
        screen._open_from(QModelIndex())
