"""The shared part of the table models: a list of plain rows and fixed column headers,
and the paged model every long list uses (rows read from SQL a page at a time)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A read-only table over ``rows``; subclasses set ``headers`` and implement ``data``."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.headers[section])
        return None


#: Rows read at a time: a screenful or two. A view (and a sort proxy) asks the model about
#: every row it holds, so a long list holds only what has been scrolled to.
PAGE_SIZE = 64

#: Reads ``limit`` rows starting at ``offset``, in the list's own (SQL) order.
PageReader = Callable[[int, int], Sequence[Any]]
#: Where a row id is in the whole list (from 0), or None when it is not listed.
Locator = Callable[[int], int | None]


class PagedRowsModel(RowsTableModel):
    """A table over rows read a page at a time, in the order the SQL gives them.

    ``set_source`` gives the model a function that reads ``limit`` rows from ``offset``;
    the view asks for the next page through ``canFetchMore``/``fetchMore`` as the person
    scrolls, so a list of 15,000 rows reads, measures and paints a screenful. Sorting and
    filtering belong in the SQL (a new reader), never in a proxy over the pages read.
    Rows must have an ``id`` (for :meth:`row_for_id`).
    """

    def __init__(self, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._reader: PageReader | None = None
        self._locate: Locator | None = None
        self._more = False

    def set_source(self, reader: PageReader, locate: Locator | None = None) -> None:
        """Show the rows ``reader`` gives, reading the first page now and the rest on demand.

        ``locate`` lets row_for_id find a row beyond the pages read without reading every
        page (and answer at once when the row is not in the list at all).
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

    @property
    def complete(self) -> bool:
        """Whether every row of the list has been read."""
        return not self._more

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

    def _read_up_to(self, position: int) -> None:
        """Read every row up to ``position`` (and a page beyond) in one statement: a client
        opened from elsewhere, 10,000 rows down a list, is one read, not 150 pages."""
        wanted = position + self.page_size - len(self.rows)
        if wanted <= 0 or not self._more or self._reader is None:
            return
        rows = list(self._reader(len(self.rows), wanted + 1))
        self._more = len(rows) > wanted
        rows = rows[:wanted]
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def fetch_all(self) -> None:
        """Read every remaining row (only for a list known to be short)."""
        while self._more:
            self.fetchMore()

    def row_for_id(self, row_id: int) -> int | None:
        """The row of ``row_id``, reading the pages up to it when it is further down."""
        for number, row in enumerate(self.rows):
            if row.id == row_id:
                return number
        if not self._more:
            return None
        start = len(self.rows)
        if self._locate is not None:
            position = self._locate(row_id)
            if position is None:
                return None
            self._read_up_to(position)
            start = 0
        while True:
            for number in range(start, len(self.rows)):
                if self.rows[number].id == row_id:
                    return number
            if not self._more:
                return None
            start = len(self.rows)
            self.fetchMore()


def select_row_with_id(table: QTableView, model: RowsTableModel, row_id: int) -> bool:
    """Select and show the row of ``model`` (shown by ``table`` as is) whose ``id`` is
    ``row_id``; False when it is not listed."""
    for number, row in enumerate(model.rows):
        if row.id == row_id:
            table.selectRow(number)
            table.scrollTo(model.index(number, 0))
            return True
    return False


def selected_model_row(table: QTableView, model: RowsTableModel) -> Any | None:
    """The row of ``model`` selected in ``table`` (which shows it as is), or None."""
    indexes = table.selectionModel().selectedRows()
    return model.rows[indexes[0].row()] if indexes else None
