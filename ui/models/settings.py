"""The tables of the Settings screen: practitioners, printout templates, the money rows
(services, tiers, grace rules), service principles and word lists."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from clientcare import money
from clientcare.money_format import format_money
from clientcare.practice import PractitionerRow
from clientcare.settings import REQUIREMENT_LABELS, PrincipleRow, WordRow
from ui.models.base import Index, RowsTableModel
from ui.theme import muted_text

if TYPE_CHECKING:  # printouts loads Jinja2: only when the Printouts tab is opened
    from clientcare.printouts import TemplateInfo

#: Role holding the id of a row (principle or word).
IdRole = Qt.ItemDataRole.UserRole + 1


#: The mark shown with the word "You" (never the colour or the mark alone).
YOU_MARK = "★"


class PractitionerColumn(IntEnum):
    NAME = 0
    EMAIL = 1
    PHONE = 2
    STATUS = 3


class PractitionerTableModel(RowsTableModel):
    headers = ("Name", "E-mail", "Phone", "Status")
    rows: list[PractitionerRow]

    def status_text(self, row: PractitionerRow) -> str:
        if row.is_current_user:
            return f"{YOU_MARK} " + self.tr("You")
        if not row.active:
            return self.tr("Archived")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == PractitionerColumn.NAME:
                return row.full_name
            if column == PractitionerColumn.EMAIL:
                return row.email
            if column == PractitionerColumn.PHONE:
                return row.phone
            return self.status_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(muted_text())
        if role == Qt.ItemDataRole.FontRole and row.is_current_user:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            status = self.status_text(row)
            return f"{row.full_name}, {status}" if status else row.full_name
        return None


class TemplateColumn(IntEnum):
    NAME = 0
    PRINTS = 1
    STATE = 2


def state_text(row: TemplateInfo) -> str:
    if not row.customised:
        return "Default"
    if row.problem:
        return f"Customised — error on {row.problem}; the default is printed"
    return "Customised"


class TemplateTableModel(RowsTableModel):
    headers = ("Template", "What it prints", "State")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: TemplateInfo = self.rows[index.row()]
        column = TemplateColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column is TemplateColumn.NAME:
                return row.name
            if column is TemplateColumn.PRINTS:
                return self.tr(row.description)
            return self.tr(state_text(row))
        if role == Qt.ItemDataRole.FontRole and column is TemplateColumn.STATE and row.customised:
            font = QFont()
            font.setBold(True)
            return font
        return None


class MoneyRowsModel(RowsTableModel):
    """Rows with an ``active`` flag; inactive ones are greyed and say so in words."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.currency, self.locale = "GBP", "en_GB"

    def amount(self, minor: int) -> str:
        return format_money(minor, self.currency, self.locale)

    def cell(self, row: Any, column: int) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return muted_text()
        return None


class ServiceModel(MoneyRowsModel):
    headers = ("Service", "Standard fee", "Length", "Offered")

    def cell(self, row: money.ServiceRow, column: int) -> str:
        return (
            row.name,
            self.amount(row.standard_fee_minor),
            self.tr("{n} min").format(n=row.default_minutes),
            self.tr("Yes") if row.active else self.tr("No longer offered"),
        )[column]


class TierModel(MoneyRowsModel):
    headers = ("Tier", "Fee", "Criteria", "Offered")

    def cell(self, row: money.TierRow, column: int) -> str:
        return (
            row.name,
            self.amount(row.fee_minor),
            " ".join(row.criteria_note.split()),
            self.tr("Yes") if row.active else self.tr("No longer offered"),
        )[column]


class GraceModel(MoneyRowsModel):
    headers = ("Rule", "In use")

    def cell(self, row: money.GraceRuleRow, column: int) -> str:
        if column == 0:
            return row.description
        return self.tr("Yes") if row.active else self.tr("Not in use")


class PrincipleTableModel(RowsTableModel):
    headers = ("No.", "Principle", "Applies when", "Requirement")
    rows: list[PrincipleRow]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(row.number)
            if column == 1:
                retired = self.tr("(retired)") + " " if not row.active else ""
                return retired + row.text
            if column == 2:
                return row.applies_when
            return self.tr(REQUIREMENT_LABELS[row.requirement])
        if role == IdRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(muted_text())
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class WordTableModel(RowsTableModel):
    headers = ("Word or phrase", "Suggestion")
    rows: list[WordRow]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.word if index.column() == 0 else row.suggestion
        if role == IdRole:
            return row.id
        return None
