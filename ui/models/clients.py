"""The client list as a lazy Qt table model over plain rows.

A practice with ten years of history has thousands of clients, and a view (and its sort
proxy) asks the model about every row it holds. So the model holds a page at a time:
``set_source`` gives it a function that reads ``limit`` rows from ``offset`` in the
list's own order (name, then id), and the view asks for the next page through
``canFetchMore``/``fetchMore`` as the person scrolls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from clientcare.clients import STATUS_LABELS, ClientRow
from ui.labels import label
from ui.models.base import Index, RowsTableModel

#: Rows read at a time: a screenful or two, so typing a letter reads and sorts only these.
PAGE_SIZE = 64

#: Reads ``limit`` rows starting at ``offset`` (in name order).
PageReader = Callable[[int, int], Sequence[ClientRow]]
#: Where a client id is in the whole list (from 0), or None when it is not listed.
Locator = Callable[[int], int | None]


class ClientColumn(IntEnum):
    NAME = 0
    PREFERRED = 1
    STATUS = 2
    PHONE = 3
    EMAIL = 4
    PRACTITIONER = 5


HEADERS = {
    ClientColumn.NAME: "Name",
    ClientColumn.PREFERRED: "Preferred name",
    ClientColumn.STATUS: "Status",
    ClientColumn.PHONE: "Phone",
    ClientColumn.EMAIL: "E-mail",
    ClientColumn.PRACTITIONER: "Practitioner",
}

#: Role holding the client id of a row.
ClientIdRole = Qt.ItemDataRole.UserRole + 1
#: Role holding the value sorted by (case-folded text).
SortRole = Qt.ItemDataRole.UserRole + 2


class ClientTableModel(RowsTableModel):
    headers = tuple(HEADERS[column] for column in ClientColumn)
    rows: list[ClientRow]

    def __init__(self, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._reader: PageReader | None = None
        self._locate: Locator | None = None
        self._more = False

    def set_source(self, reader: PageReader, locate: Locator | None = None) -> None:
        """Show the rows ``reader`` gives, reading the first page now and the rest on demand.

        ``locate`` lets row_for_id find a client beyond the pages read without reading
        every page (and answer at once when the client is not in the list at all).
        """
        page = list(reader(0, self.page_size + 1))
        self.beginResetModel()
        self._reader = reader
        self._locate = locate
        self._more = len(page) > self.page_size
        self.rows = page[: self.page_size]
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show exactly ``rows`` (all of them, nothing more to fetch)."""
        self._reader = None
        self._locate = None
        self._more = False
        super().set_rows(rows)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount() first: two calls into Python
        # for every cell the view or the sort proxy looks at; one here.
        if parent.isValid() or not (0 <= row < len(self.rows) and 0 <= column < _COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._reader is None:
            return
        page = list(self._reader(len(self.rows), self.page_size + 1))
        self._more = len(page) > self.page_size
        page = page[: self.page_size]
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def fetch_all(self) -> None:
        """Read every remaining row (before sorting by a column other than the name)."""
        while self._more:
            self.fetchMore()

    def row_for_id(self, client_id: int) -> int | None:
        """The row of ``client_id``, reading the pages up to it when it is further down."""
        for number, row in enumerate(self.rows):
            if row.id == client_id:
                return number
        if not self._more:
            return None
        start = len(self.rows)
        if self._locate is not None:
            position = self._locate(client_id)
            if position is None:
                return None
            while self._more and len(self.rows) <= position:
                self.fetchMore()
            start = 0
        while True:
            for number in range(start, len(self.rows)):
                if self.rows[number].id == client_id:
                    return number
            if not self._more:
                return None
            start = len(self.rows)
            self.fetchMore()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for about ten roles per visible cell and the sort proxy for the sort
        # role on every comparison: answer the roles not used first, and cheaply.
        if role not in _ROLES or not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ClientIdRole:
            return row.id
        column = _COLUMNS[index.column()]
        if role == SortRole:
            return self._display(row, column).casefold()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[column]}: {self._display(row, column) or 'none'}"
        return self._display(row, column)  # display and tool tip

    @staticmethod
    def _display(row: ClientRow, column: ClientColumn) -> str:
        match column:
            case ClientColumn.NAME:
                return row.full_name
            case ClientColumn.PREFERRED:
                return row.preferred_name
            case ClientColumn.STATUS:
                return label(STATUS_LABELS, row.status)
            case ClientColumn.PHONE:
                return row.phone
            case ClientColumn.EMAIL:
                return row.email
            case ClientColumn.PRACTITIONER:
                return row.practitioner_name


_COLUMNS = tuple(ClientColumn)
_COLUMN_COUNT = len(_COLUMNS)
_ROLES = frozenset(
    {
        int(Qt.ItemDataRole.DisplayRole),
        int(Qt.ItemDataRole.ToolTipRole),
        int(Qt.ItemDataRole.AccessibleTextRole),
        int(ClientIdRole),
        int(SortRole),
    }
)
