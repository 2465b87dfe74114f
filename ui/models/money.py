"""The Money screen's lists as Qt table models over plain rows: balances with their
ageing, appointments waiting to be charged, and money conversations to follow up."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from clientcare import locale_format
from clientcare.clients import client_label
from clientcare.money import (
    BUCKET_LABELS,
    BalanceRow,
    Bucket,
    ChargeProposal,
    ConversationRow,
)
from clientcare.text import fold
from ui.models.base import Index, RowsTableModel

#: Role holding the client id of a row.
ClientIdRole = Qt.ItemDataRole.UserRole + 1
#: Role holding the value sorted by (numbers for amounts, folded text for words).
SortRole = Qt.ItemDataRole.UserRole + 2

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _AmountModel(RowsTableModel):
    """A table that writes amounts with the practice's currency and locale."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.format_amount: Callable[[int], str] = str
        self.locale = locale_format.DEFAULT_LOCALE  # dates in the practice's locale
        #: Client id → full name, so two clients called "Mateo" can be told apart.
        self.full_names: dict[int, str] = {}


class BalanceColumn(IntEnum):
    CLIENT = 0
    BALANCE = 1
    CURRENT = 2
    DAYS_1_30 = 3
    DAYS_31_60 = 4
    DAYS_61_90 = 5
    OVER_90 = 6
    NEXT_STEP = 7


BUCKET_COLUMNS: dict[BalanceColumn, Bucket] = {
    BalanceColumn.CURRENT: Bucket.CURRENT,
    BalanceColumn.DAYS_1_30: Bucket.DAYS_1_30,
    BalanceColumn.DAYS_31_60: Bucket.DAYS_31_60,
    BalanceColumn.DAYS_61_90: Bucket.DAYS_61_90,
    BalanceColumn.OVER_90: Bucket.OVER_90,
}

#: Short headers leave room for the next step; the tooltip names the bucket in full.
BALANCE_HEADERS = {
    BalanceColumn.CLIENT: "Client",
    BalanceColumn.BALANCE: "Balance",
    BalanceColumn.CURRENT: "Current",
    BalanceColumn.DAYS_1_30: "1–30",
    BalanceColumn.DAYS_31_60: "31–60",
    BalanceColumn.DAYS_61_90: "61–90",
    BalanceColumn.OVER_90: "Over 90",
    BalanceColumn.NEXT_STEP: "Next gentle step",
}


class BalanceTableModel(_AmountModel):
    """One row per client with a balance or credit; credit is written "Credit £10.00"."""

    headers = tuple(BALANCE_HEADERS[column] for column in BalanceColumn)
    rows: list[BalanceRow]

    def row_for_id(self, client_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.client_id == client_id:
                return number
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            column = BalanceColumn(section)
            if column is BalanceColumn.CURRENT:
                return self.tr("Charged today")
            if column in BUCKET_COLUMNS:
                return self.tr("Charged {bucket} ago").format(
                    bucket=BUCKET_LABELS[BUCKET_COLUMNS[column]].lower()
                )
            return None
        return super().headerData(section, orientation, role)

    def balance_text(self, row: BalanceRow) -> str:
        if row.balance_minor < 0:
            return self.tr("Credit {amount}").format(amount=self.format_amount(-row.balance_minor))
        return self.format_amount(row.balance_minor)

    def display(self, row: BalanceRow, column: BalanceColumn) -> str:
        if column is BalanceColumn.CLIENT:
            return client_label(row.full_name, row.preferred_name)
        if column is BalanceColumn.BALANCE:
            return self.balance_text(row)
        if column is BalanceColumn.NEXT_STEP:
            return self.tr(row.next_step)
        amount = row.ageing.buckets[BUCKET_COLUMNS[column]]
        return self.format_amount(amount) if amount else ""

    def sort_value(self, row: BalanceRow, column: BalanceColumn) -> Any:
        if column is BalanceColumn.CLIENT:
            return fold(row.full_name)
        if column is BalanceColumn.BALANCE:
            return row.balance_minor
        if column is BalanceColumn.NEXT_STEP:
            return fold(row.next_step)
        return row.ageing.buckets[BUCKET_COLUMNS[column]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = BalanceColumn(index.column())
        if role == ClientIdRole:
            return row.client_id
        if role == SortRole:
            return self.sort_value(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (
            BalanceColumn.CLIENT,
            BalanceColumn.NEXT_STEP,
        ):
            return int(RIGHT)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            header = BALANCE_HEADERS[column]
            if column in BUCKET_COLUMNS:
                header = BUCKET_LABELS[BUCKET_COLUMNS[column]]
            return f"{header}: {self.display(row, column) or 'nothing'}"
        return None


class ToChargeColumn(IntEnum):
    CLIENT = 0
    DATE = 1
    WHAT = 2
    AMOUNT = 3
    NOTE = 4


TO_CHARGE_HEADERS = {
    ToChargeColumn.CLIENT: "Client",
    ToChargeColumn.DATE: "Date",
    ToChargeColumn.WHAT: "What",
    ToChargeColumn.AMOUNT: "Amount",
    ToChargeColumn.NOTE: "Note",
}


class ToChargeModel(_AmountModel):
    """Appointments whose outcome calls for a charge that hasn't been made."""

    headers = tuple(TO_CHARGE_HEADERS[column] for column in ToChargeColumn)
    rows: list[ChargeProposal]

    def display(self, row: ChargeProposal, column: ToChargeColumn) -> str:
        match column:
            case ToChargeColumn.CLIENT:
                return client_label(self.full_names.get(row.client_id, ""), row.client_name)
            case ToChargeColumn.DATE:
                return locale_format.day(row.start.date(), self.locale)
            case ToChargeColumn.WHAT:
                return row.description
            case ToChargeColumn.AMOUNT:
                if row.amount_minor is None:
                    return self.tr("no fee set")
                return self.format_amount(row.amount_minor)
            case ToChargeColumn.NOTE:
                if row.grace_reason:
                    return self.tr("Forgiven: {reason}").format(reason=row.grace_reason)
                return row.source
        return ""

    def sort_value(self, row: ChargeProposal, column: ToChargeColumn) -> Any:
        if column is ToChargeColumn.DATE:
            return row.start.isoformat()
        if column is ToChargeColumn.AMOUNT:
            return -1 if row.amount_minor is None else row.amount_minor
        return fold(self.display(row, column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = ToChargeColumn(index.column())
        if role == ClientIdRole:
            return row.client_id
        if role == SortRole:
            return self.sort_value(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is ToChargeColumn.AMOUNT:
            return int(RIGHT)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{TO_CHARGE_HEADERS[column]}: {self.display(row, column)}"
        return None


class FollowUpColumn(IntEnum):
    DUE = 0
    CLIENT = 1
    TOPIC = 2
    AGREED = 3


FOLLOW_UP_HEADERS = {
    FollowUpColumn.DUE: "Follow up on",
    FollowUpColumn.CLIENT: "Client",
    FollowUpColumn.TOPIC: "About",
    FollowUpColumn.AGREED: "What was agreed",
}


class FollowUpModel(_AmountModel):
    """Money conversations whose follow-up date has come."""

    headers = tuple(FOLLOW_UP_HEADERS[column] for column in FollowUpColumn)
    rows: list[ConversationRow]

    def display(self, row: ConversationRow, column: FollowUpColumn) -> str:
        match column:
            case FollowUpColumn.DUE:
                return locale_format.day(row.follow_up_on, self.locale) if row.follow_up_on else ""
            case FollowUpColumn.CLIENT:
                return client_label(self.full_names.get(row.client_id, ""), row.client_name)
            case FollowUpColumn.TOPIC:
                return self.tr(row.topic_label)
            case FollowUpColumn.AGREED:
                text = row.agreed_outcome or row.summary or row.client_words
                return " ".join(text.split())
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = FollowUpColumn(index.column())
        if role == ClientIdRole:
            return row.client_id
        if role == SortRole:
            if column is FollowUpColumn.DUE:
                return row.follow_up_on.isoformat() if row.follow_up_on else ""
            return fold(self.display(row, column))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{FOLLOW_UP_HEADERS[column]}: {self.display(row, column)}"
        return None
