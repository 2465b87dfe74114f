"""At 1280×800 the Follow-ups "Impact" and Referrals "Referred to" columns can be read in full.

Each cell's text, wrapped to the column's width, must fit in its row; the full text is
also the cell's tooltip.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from clientcare import clients
from clientcare import followups as fu
from clientcare import referrals as rf
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, Urgency
from clientcare.followups import IssueInput
from clientcare.referrals import ProviderInput, ReferralInput
from ui.main_window import MainWindow
from ui.models.followups import IssueColumn
from ui.models.referrals import ReferralColumn
from ui.ops import Operations

TODAY = dt.date.today()
LONG_IMPACT = (
    "Cannot claim from a workplace health plan until it is corrected, and the deadline "
    "for this year's claims is close, which worries them."
)
LONG_PROVIDER = "Sample Street Physiotherapy and Sports Injury Clinic (fictional)"
#: The item delegate's text margins (QStyle::PM_FocusFrameHMargin + 1, each side).
MARGINS = 8


def client(db: Database, name: str) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        ).id


def window_on(qtbot: QtBot, ops: Operations, key: str) -> MainWindow:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.go_to(key)
    QApplication.processEvents()
    return window


def assert_readable(table: QTableView, column: int) -> None:
    metrics = table.fontMetrics()
    width = table.columnWidth(column) - MARGINS
    assert table.model().rowCount() > 0
    for row in range(table.model().rowCount()):
        index = table.model().index(row, column)
        text = index.data()
        assert index.data(Qt.ItemDataRole.ToolTipRole) == text
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        assert needed.width() <= width and needed.height() <= table.rowHeight(row), (
            f"{text!r} needs {needed.width()}×{needed.height()}, "
            f"the cell is {width}×{table.rowHeight(row)}"
        )


def test_followups_impact_is_readable_at_1280_by_800(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    issues = [(client(db, "Mateo Örnek"), LONG_IMPACT), (client(db, "Ann"), "Time off work.")]
    with db.unit_of_work() as session:
        for client_id, impact in issues:
            fu.create_issue(
                session,
                IssueInput(
                    client_id,
                    "Receipt shows an old address",
                    Urgency.NORMAL,
                    TODAY,
                    impact=impact,
                    due_on=TODAY + dt.timedelta(days=10),
                ),
                today=TODAY,
            )
    window = window_on(qtbot, ops, "followups")
    table = window.screens["followups"].issues.table
    assert_readable(table, IssueColumn.IMPACT)
    assert_readable(table, IssueColumn.TITLE)


def test_referrals_referred_to_is_readable_at_1280_by_800(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    with db.unit_of_work() as session:
        provider = rf.create_provider(session, ProviderInput(name=LONG_PROVIDER), region="GB")
    client_id = client(db, "Katherine Beispiel")
    with db.unit_of_work() as session:
        rf.create_referral(
            session,
            ReferralInput(client_id, provider.id, "A better fit.", TODAY, TODAY),
            today=TODAY,
        )
    window = window_on(qtbot, ops, "referrals")
    panel = window.screens["referrals"].referrals
    assert_readable(panel.table, ReferralColumn.PROVIDER)
