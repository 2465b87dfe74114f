"""A client's account as a table: the ledger lines with the running balance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from clientcare import locale_format, money
from clientcare.money_format import format_money
from ui.models.base import Index, RowsTableModel
from ui.theme import muted_text


class LedgerColumn(IntEnum):
    DATE = 0
    WHAT = 1
    CHARGES = 2
    PAYMENTS = 3
    BALANCE = 4


class LedgerModel(RowsTableModel):
    """The client's account, oldest first, with the running balance after each line."""

    headers = ("Date", "What", "Charges", "Payments", "Balance")
    rows: list[money.LedgerEntry]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.currency = "GBP"
        self.locale = "en_GB"
        self.year = dt.date.today().year
        #: Every line of the account; ``rows`` holds the latest of them (what is shown).
        self.entries: list[money.LedgerEntry] = []
        self._texts: dict[tuple[int, LedgerColumn, bool], str] = {}

    def set_entries(self, entries: Sequence[money.LedgerEntry], shown: int) -> None:
        """The whole account, showing its latest ``shown`` lines (a table measures and
        paints only those)."""
        self.entries = list(entries)
        self._texts = {}
        self.set_rows(self.entries[max(len(self.entries) - shown, 0) :])

    @property
    def hidden(self) -> int:
        """How many earlier lines are not shown."""
        return len(self.entries) - len(self.rows)

    def show_earlier(self, count: int) -> None:
        """Show up to ``count`` more of the earlier lines, above the ones shown."""
        count = min(count, self.hidden)
        if count <= 0:
            return
        first = self.hidden - count
        self.beginInsertRows(QModelIndex(), 0, count - 1)
        self.rows[0:0] = self.entries[first : first + count]
        self.endInsertRows()

    def amount(self, minor: int) -> str:
        return format_money(minor, self.currency, self.locale)

    def balance_text(self, minor: int) -> str:
        if minor < 0:
            return self.tr("{amount} credit").format(amount=self.amount(-minor))
        return self.amount(minor)

    def _text(self, entry: money.LedgerEntry, column: LedgerColumn, display: bool) -> str:
        if column is LedgerColumn.DATE:
            # This year's dates without the year, so the description keeps its room.
            if display and entry.day.year == self.year:
                return locale_format.day_month(entry.day, self.locale)
            return locale_format.day(entry.day, self.locale)
        if column is LedgerColumn.WHAT:
            return entry.description
        if column is LedgerColumn.CHARGES:
            return self.amount(entry.debit_minor) if entry.debit_minor else ""
        if column is LedgerColumn.PAYMENTS:
            return self.amount(entry.credit_minor) if entry.credit_minor else ""
        return self.balance_text(entry.balance_minor)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        column = LedgerColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # Formatted once per line (the view asks again at every paint and measure).
            key = (id(entry), column, role == Qt.ItemDataRole.DisplayRole)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._text(entry, column, key[2])
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (LedgerColumn.CHARGES, LedgerColumn.PAYMENTS, LedgerColumn.BALANCE):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and entry.kind == "waived":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and entry.kind == "waived":
            return muted_text()
        return None
