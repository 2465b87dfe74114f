"""The Money screen at any size: each list reads a page and says how much it shows, its
totals are the whole list's (the SQL's), header clicks sort in SQL, "My clients / Whole
practice" changes the lists and the figures, and a visit with nothing changed reads
nothing (a change elsewhere still shows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from clientcare import appointments as ap
from clientcare import clients, money, scope
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, PaymentMethod
from clientcare.practice import add_practitioner
from ui.main_window import MainWindow
from ui.models.base import PAGE_SIZE
from ui.models.money import BalanceColumn, ToChargeColumn
from ui.ops import Operations
from ui.screens.money import MoneyScreen

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 18, 0)
YOURS = 150  # sessions of your clients waiting to be charged (more than two pages)
SAMS = 30  # and of Sam's clients


def add_client(db: Database, name: str, practitioner_id: int) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(
                full_name=name, status=ClientStatus.ACTIVE, primary_practitioner_id=practitioner_id
            ),
            region="GB",
            today=TODAY,
        ).id


def completed_sessions(db: Database, client_ids: list[int], practitioner_id: int, n: int) -> None:
    """``n`` completed sessions, oldest first, shared out between ``client_ids``."""
    with db.unit_of_work() as session:
        made = []
        for number in range(n):
            day = TODAY - dt.timedelta(days=1 + number // 4)
            start = dt.datetime.combine(day, dt.time(9 + 2 * (number % 4), 0))
            made.append(
                ap.create_appointment(
                    session,
                    AppointmentInput(
                        client_ids[number % len(client_ids)], practitioner_id, start, 50
                    ),
                    now=start - dt.timedelta(days=60),
                ).id
            )
        for appointment in made:
            ap.mark_completed(session, appointment, now=NOW)


@pytest.fixture
def practice(db: Database) -> dict[str, Any]:
    """You (Ada) with 15 clients, Sam with 3; one service at £70. Your fifth client has a
    sliding-scale fee of £25 from 10 days ago (three of their sessions since)."""
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        sam = add_practitioner(session, "Sam Sample").id
        money.save_service(session, money.ServiceInput("Individual session", "70"))
        tier = money.save_tier(session, money.TierInput("Tier C", "25")).id
    yours = [add_client(db, f"Client {n:02} Yours", you) for n in range(15)]
    sams = [add_client(db, f"Client {n:02} Sams", sam) for n in range(3)]
    with db.unit_of_work() as session:
        money.set_fee_arrangement(
            session, yours[4], effective_from=TODAY - dt.timedelta(days=10), tier_id=tier
        )
    completed_sessions(db, yours, you, YOURS)
    completed_sessions(db, sams, sam, SAMS)
    return {"you": you, "sam": sam, "yours": yours, "sams": sams}


def make_screen(qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch) -> MoneyScreen:
    monkeypatch.setattr(MoneyScreen, "today", lambda self: TODAY)
    screen = MoneyScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1300, 900)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def column(table: QTableView, number: int) -> list[str]:
    model = table.model()
    return [model.index(row, number).data() for row in range(model.rowCount())]


def click_header(qtbot: QtBot, table: QTableView, section: int) -> None:
    header = table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(section) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)


@pytest.fixture
def statements(db: Database) -> Iterator[list[str]]:
    """Every SELECT sent to the database while the test runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


def test_the_list_to_charge_reads_a_page_and_says_so(
    qtbot: QtBot, ops: Operations, practice: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = make_screen(qtbot, ops, monkeypatch)
    model, table = screen.to_charge_model, screen.to_charge_table
    assert model.rowCount() == PAGE_SIZE
    assert screen.lists.tabText(0) == "To charge (150)"
    # The total is the whole list's: 147 sessions at £70 and 3 at the tier's £25.
    with ops.database.reading() as session:
        whole = money.to_charge(session, until=TODAY, scope=scope.Scope(practice["you"]))
    assert len(whole) == YOURS
    total = sum(row.amount_minor or 0 for row in whole)
    assert total == 147 * 7000 + 3 * 2500
    assert screen.to_charge_count.text() == "64 of 150 appointments shown · £10,365.00 to charge"
    shown_total = sum(row.amount_minor or 0 for row in model.rows)
    assert shown_total < total  # ... not the sum of the rows shown
    # Scrolling to the end reads the next page, and the line follows.
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE)
    assert screen.to_charge_count.text().startswith("128 of 150 appointments shown")
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == YOURS)
    assert screen.to_charge_count.text() == "150 appointments · £10,365.00 to charge"
    assert [row.appointment_id for row in model.rows] == [row.appointment_id for row in whole]


def test_a_header_click_sorts_the_whole_list_in_the_database(
    qtbot: QtBot, ops: Operations, practice: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = make_screen(qtbot, ops, monkeypatch)
    table, model = screen.to_charge_table, screen.to_charge_model
    # Oldest first: the tier's £25 sessions are the latest, far beyond the first page.
    assert "£25.00" not in column(table, ToChargeColumn.AMOUNT)
    click_header(qtbot, table, ToChargeColumn.AMOUNT)
    amounts = column(table, ToChargeColumn.AMOUNT)
    assert model.rowCount() == PAGE_SIZE  # still a page
    assert amounts[:3] == ["£25.00"] * 3 and amounts[3] == "£70.00"
    click_header(qtbot, table, ToChargeColumn.AMOUNT)
    assert column(table, ToChargeColumn.AMOUNT)[0] == "£70.00"
    # The note is a sentence: a click on it leaves the order as it was.
    before = [row.appointment_id for row in model.rows]
    click_header(qtbot, table, ToChargeColumn.NOTE)
    assert [row.appointment_id for row in model.rows] == before
    assert table.horizontalHeader().sortIndicatorSection() == ToChargeColumn.AMOUNT
    assert screen.to_charge_count.text().startswith("64 of 150 appointments shown")


def test_my_clients_or_the_whole_practice(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    practice: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with db.unit_of_work() as session:
        money.add_charge(
            session,
            practice["sams"][0],
            description="Report",
            amount="120",
            charged_on=TODAY - dt.timedelta(days=45),
        )
        money.add_charge(
            session,
            practice["yours"][0],
            description="Report",
            amount="80",
            charged_on=TODAY - dt.timedelta(days=5),
        )
    screen = make_screen(qtbot, ops, monkeypatch)
    assert screen.scope_choice.isVisible()
    assert screen.scope_choice.combo.currentText() == "My clients"
    assert screen.figures.title() == "Overview — my clients"
    assert screen.outstanding.value.text() == "£80.00"
    assert column(screen.balance_table, BalanceColumn.CLIENT) == ["Client 00 Yours"]
    assert screen.lists.tabText(0) == "To charge (150)"
    assert all(name.endswith("Yours") for name in column(screen.to_charge_table, 0))

    screen.scope_choice.combo.setFocus()
    qtbot.keyClick(screen.scope_choice.combo, Qt.Key.Key_Down)
    assert screen.scope_choice.combo.currentText() == "Whole practice"
    assert screen.figures.title() == "Overview — whole practice"
    assert screen.balances_box.title() == "Balances — whole practice"
    assert screen.outstanding.value.text() == "£200.00"
    assert screen.outstanding.note.text() == "£120.00 from more than 30 days ago"
    assert column(screen.balance_table, BalanceColumn.CLIENT) == [
        "Client 00 Sams",
        "Client 00 Yours",
    ]
    assert screen.lists.tabText(0) == "To charge (180)"
    assert screen.to_charge_count.text() == "64 of 180 appointments shown · £12,465.00 to charge"


def test_the_balances_say_how_many_are_shown_and_total_them_all(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    typist,  # type: ignore[no-untyped-def]
) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
    owing = [add_client(db, f"Owing {n:02}", you) for n in range(70)]
    with db.unit_of_work() as session:
        for n, client in enumerate(owing):
            money.add_charge(
                session,
                client,
                description="Session",
                amount=str(10 + n),
                charged_on=TODAY - dt.timedelta(days=n),
            )
    screen = make_screen(qtbot, ops, monkeypatch)
    assert screen.balance_model.rowCount() == PAGE_SIZE
    assert screen.balance_count.text() == (
        "64 of 70 clients shown · 70 with a balance · 0 with credit"
    )
    # £10 + £11 + ... + £79, every client's, not only the 64 read.
    assert screen.outstanding.value.text() == "£3,115.00"
    # The oldest debts first: the SQL's order, over the whole list.
    assert column(screen.balance_table, BalanceColumn.CLIENT)[0] == "Owing 69"
    typist(screen.search, "owing 05")
    assert column(screen.balance_table, BalanceColumn.CLIENT) == ["Owing 05"]
    assert screen.balance_count.text() == "1 with a balance · 0 with credit"
    assert screen.outstanding.value.text() == "£3,115.00"  # the overview is not searched


def test_a_visit_with_nothing_changed_reads_nothing_and_a_change_elsewhere_shows(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    practice: dict[str, Any],
    statements: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(MoneyScreen, "today", lambda self: TODAY)
    with db.unit_of_work() as session:
        money.add_charge(
            session,
            practice["yours"][1],
            description="Report",
            amount="80",
            charged_on=TODAY - dt.timedelta(days=5),
        )
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.go_to("money")
    screen = window.screens["money"]
    assert isinstance(screen, MoneyScreen)
    assert screen.outstanding.value.text() == "£80.00"
    window.go_to("calendar")
    QApplication.processEvents()
    statements.clear()
    window.go_to("money")
    QApplication.processEvents()
    assert statements == []  # nothing changed: nothing read
    window.go_to("calendar")
    QApplication.processEvents()
    ops.run(  # a payment recorded elsewhere (the client's page, say)
        lambda s: money.record_payment(
            s, money.PaymentInput(practice["yours"][1], "30", PaymentMethod.CARD, TODAY)
        ),
    )
    assert screen.outstanding.value.text() == "£80.00"  # hidden: not read meanwhile
    window.go_to("money")
    QApplication.processEvents()
    assert screen.outstanding.value.text() == "£50.00"
    assert screen.received.value.text() == "£30.00"
