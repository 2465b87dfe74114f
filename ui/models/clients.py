"""The client list as a lazy Qt table model over plain rows.

A practice with ten years of history has thousands of clients, and a view (and its sort
proxy) asks the model about every row it holds. So the model holds a page at a time:
``set_source`` gives it a function that reads ``limit`` rows from ``offset`` in the
list's own order (name, then id), and the view asks for the next page through
``canFetchMore``/``fetchMore`` as the person scrolls.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from clientcare.clients import STATUS_LABELS, ClientRow
from ui.labels import label
from ui.models.base import Index, PagedRowsModel


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


class ClientTableModel(PagedRowsModel):
    headers = tuple(HEADERS[column] for column in ClientColumn)
    rows: list[ClientRow]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount() first: two calls into Python
        # for every cell the view or the sort proxy looks at; one here.
        if parent.isValid() or not (0 <= row < len(self.rows) and 0 <= column < _COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

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


class NameOrderProxy(QSortFilterProxyModel):
    """Sorts the client list; by name A–Z it passes the model's rows through unsorted.

    That is the order the model reads its pages in (``clients.search_query``), so sorting
    them again on every keystroke of a search would only cost time; and a page read as
    the list scrolls lands where the database put it.
    """

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column == ClientColumn.NAME and order == Qt.SortOrder.AscendingOrder:
            column = -1  # the source's own order
        super().sort(column, order)
