"""The Money screen's lists as Qt table models: balances with their ageing, appointments
waiting to be charged, and money conversations to follow up.

Each list can be long (a group practice has thousands of sessions waiting), so each
model holds a page at a time (``PagedRowsModel``): the SQL sorts, filters, counts and
sums; the model reads the rows the person scrolls to, in the order the SQL gives them.
A row's strings are written once, when the view first asks for it, not on every paint.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt

from clientcare import locale_format
from clientcare.clients import client_label
from clientcare.money import (
    BUCKET_LABELS,
    BalanceOrder,
    BalanceRow,
    Bucket,
    ChargeProposal,
    ConversationRow,
    FollowUpOrder,
    ToChargeOrder,
)
from ui import labels
from ui.models.base import PAGE_SIZE, Index, PagedRowsModel

#: Role holding the client id of a row.
ClientIdRole = Qt.ItemDataRole.UserRole + 1

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES = frozenset({DISPLAY, TOOLTIP, ACCESSIBLE, ALIGNMENT, int(ClientIdRole)})


class _MoneyListModel(PagedRowsModel):
    """A page-at-a-time list that writes amounts and dates for the practice's locale.

    ``orders`` maps the columns the list can be sorted by to the domain's order; the
    screen reads the list again in that order (the SQL sorts: never a proxy over the
    pages read). Subclasses write a row's strings in ``format_row``.
    """

    #: Column → the domain's order for it; columns not here are not sortable.
    orders: ClassVar[dict[int, Any]] = {}
    #: Columns whose figures are right-aligned.
    right_aligned: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent, page_size=page_size)
        self.format_amount: Callable[[int], str] = str
        self.locale = locale_format.DEFAULT_LOCALE  # dates in the practice's locale
        self.sort_column = -1
        self.descending = False
        self._texts: dict[int, tuple[str, ...]] = {}
        self.modelAboutToBeReset.connect(self._texts.clear)

    def order(self) -> Any:
        """The domain's order for the column sorted by (None: the list's own order)."""
        return self.orders.get(self.sort_column)

    def format_row(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def texts(self, number: int) -> tuple[str, ...]:
        """The strings of row ``number``, written the first time they are asked for."""
        texts = self._texts.get(number)
        if texts is None:
            texts = self._texts[number] = self.format_row(self.rows[number])
        return texts

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount() first: two calls into Python
        # for every cell the view looks at; one here.
        if parent.isValid() or not (0 <= row < len(self.rows) and 0 <= column < len(self.headers)):
            return QModelIndex()
        return self.createIndex(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for about ten roles per visible cell: the ones not used are answered
        # first, and cheaply.
        if role not in _ROLES or not index.isValid():
            return None
        number, column = index.row(), index.column()
        if role == ClientIdRole:
            return self.rows[number].client_id
        if role == ALIGNMENT:
            return RIGHT if column in self.right_aligned else None
        text = self.texts(number)[column]
        if role == ACCESSIBLE:
            return f"{self.accessible_header(column)}: {text or self.tr('nothing')}"
        return text  # display and tool tip

    def accessible_header(self, column: int) -> str:
        """What a screen reader says the column is."""
        return self.tr(self.headers[column])


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


class BalanceTableModel(_MoneyListModel):
    """One row per client with a balance or credit; credit is written "Credit £10.00"."""

    headers = tuple(BALANCE_HEADERS[column] for column in BalanceColumn)
    rows: list[BalanceRow]
    orders: ClassVar[dict[int, Any]] = {
        BalanceColumn.CLIENT: BalanceOrder.CLIENT,
        BalanceColumn.BALANCE: BalanceOrder.BALANCE,
        **{column: bucket for column, bucket in BUCKET_COLUMNS.items()},
    }
    right_aligned: ClassVar[frozenset[int]] = frozenset({BalanceColumn.BALANCE, *BUCKET_COLUMNS})

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

    def accessible_header(self, column: int) -> str:
        bucket = BUCKET_COLUMNS.get(BalanceColumn(column))
        if bucket is not None:  # "1–30 days", not just "1–30"
            return labels.label(BUCKET_LABELS, bucket)
        return super().accessible_header(column)

    def balance_text(self, row: BalanceRow) -> str:
        if row.balance_minor < 0:
            return self.tr("Credit {amount}").format(amount=self.format_amount(-row.balance_minor))
        return self.format_amount(row.balance_minor)

    def format_row(self, row: BalanceRow) -> tuple[str, ...]:
        amounts = [row.ageing.buckets[bucket] for bucket in BUCKET_COLUMNS.values()]
        return (
            client_label(row.full_name, row.preferred_name),
            self.balance_text(row),
            *[self.format_amount(amount) if amount else "" for amount in amounts],
            self.tr(row.next_step),
        )


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


class ToChargeModel(_MoneyListModel):
    """Appointments whose outcome calls for a charge that hasn't been made."""

    headers = tuple(TO_CHARGE_HEADERS[column] for column in ToChargeColumn)
    rows: list[ChargeProposal]
    orders: ClassVar[dict[int, Any]] = {
        ToChargeColumn.CLIENT: ToChargeOrder.CLIENT,
        ToChargeColumn.DATE: ToChargeOrder.DATE,
        ToChargeColumn.WHAT: ToChargeOrder.WHAT,
        ToChargeColumn.AMOUNT: ToChargeOrder.AMOUNT,
    }
    right_aligned: ClassVar[frozenset[int]] = frozenset({ToChargeColumn.AMOUNT})

    def format_row(self, row: ChargeProposal) -> tuple[str, ...]:
        if row.amount_minor is None:
            amount = self.tr("no fee set")
        else:
            amount = self.format_amount(row.amount_minor)
        if row.grace_reason:
            note = self.tr("Forgiven: {reason}").format(reason=row.grace_reason)
        else:
            note = row.source
        return (
            client_label(row.client_full_name, row.client_name),
            locale_format.day(row.start.date(), self.locale),
            row.description,
            amount,
            note,
        )


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


class FollowUpModel(_MoneyListModel):
    """Money conversations whose follow-up date has come."""

    headers = tuple(FOLLOW_UP_HEADERS[column] for column in FollowUpColumn)
    rows: list[ConversationRow]
    orders: ClassVar[dict[int, Any]] = {
        FollowUpColumn.DUE: FollowUpOrder.DUE,
        FollowUpColumn.CLIENT: FollowUpOrder.CLIENT,
    }

    def format_row(self, row: ConversationRow) -> tuple[str, ...]:
        due = locale_format.day(row.follow_up_on, self.locale) if row.follow_up_on else ""
        agreed = row.agreed_outcome or row.summary or row.client_words
        return (
            due,
            client_label(row.client_full_name, row.client_name),
            self.tr(row.topic_label),
            " ".join(agreed.split()),
        )
