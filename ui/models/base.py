"""The shared part of the table models: a list of plain rows and fixed column headers,
and the paged model every long list uses (rows read from SQL a page at a time)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

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

    ``window``: a row far down the list (found by ``row_for_id``) is shown by reading the
    pages around it, not every row above it; the rows above are read as the view is
    scrolled up (:func:`read_earlier_when_scrolled_up`). ``first_position`` is then the
    place in the whole list of the first row held.
    """

    def __init__(
        self, parent: Any = None, *, page_size: int = PAGE_SIZE, window: bool = False
    ) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.window = window
        self._reader: PageReader | None = None
        self._locate: Locator | None = None
        self._more = False
        self.first_position = 0

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
        self.first_position = 0
        self.rows = page[: self.page_size]
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show exactly ``rows`` (all of them, nothing more to fetch)."""
        self._reader = None
        self._locate = None
        self._more = False
        self.first_position = 0
        super().set_rows(rows)

    @property
    def complete(self) -> bool:
        """Whether every row of the list has been read."""
        return not self._more and not self.first_position

    @property
    def has_earlier(self) -> bool:
        """Whether rows above the first one held are still to be read."""
        return self.first_position > 0

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._reader is None:
            return
        self._append(self.page_size)

    def _append(self, wanted: int) -> None:
        """Read ``wanted`` rows after the last one held (one statement)."""
        assert self._reader is not None
        rows = list(self._reader(self.first_position + len(self.rows), wanted + 1))
        self._more = len(rows) > wanted
        rows = rows[:wanted]
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def fetch_earlier(self) -> int:
        """Read the page above the first row held; how many rows were put in at the top."""
        if not self.first_position or self._reader is None:
            return 0
        count = min(self.page_size, self.first_position)
        start = self.first_position - count
        rows = list(self._reader(start, count))
        if not rows:  # the list changed under it: start again from the top
            self.first_position = 0
            return 0
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        self.rows[:0] = rows
        self.first_position = start
        self.endInsertRows()
        return len(rows)

    def _read_up_to(self, position: int) -> None:
        """Hold the row at ``position`` (of the whole list) and a page beyond.

        Close below the rows held, the rows up to it are read in one statement (a client
        opened from elsewhere is one read, not 150 pages); further down a windowed model
        holds the pages around it instead of every row above it.
        """
        if self._reader is None:
            return
        end = self.first_position + len(self.rows)
        if self.window and (position < self.first_position or position - end > 4 * self.page_size):
            start = max(0, position - self.page_size // 2)
            rows = list(self._reader(start, 2 * self.page_size + 1))
            self.beginResetModel()
            self.first_position = start
            self._more = len(rows) > 2 * self.page_size
            self.rows = rows[: 2 * self.page_size]
            self.endResetModel()
            return
        wanted = position + self.page_size - end
        if wanted > 0 and self._more:
            self._append(wanted)

    def fetch_all(self) -> None:
        """Read every row of the list (only for a list known to be short)."""
        while self.fetch_earlier():
            pass
        while self._more:
            self.fetchMore()

    def texts(self, number: int) -> tuple[str, ...]:
        """Every column's text of row ``number``, for the lists that format each row once
        (what :class:`~ui.models.listing.ProseRows` measures)."""
        raise NotImplementedError

    def row_for_id(self, row_id: int) -> int | None:
        """The row of ``row_id``, reading the pages up to (or around) it when it is not
        held yet."""
        for number, row in enumerate(self.rows):
            if row.id == row_id:
                return number
        if not self._more and not self.first_position:
            return None
        if self._locate is not None:
            position = self._locate(row_id)
            if position is None:
                return None
            self._read_up_to(position)
            return next((n for n, row in enumerate(self.rows) if row.id == row_id), None)
        start = len(self.rows)
        while self._more:
            self.fetchMore()
            for number in range(start, len(self.rows)):
                if self.rows[number].id == row_id:
                    return number
            start = len(self.rows)
        return None


def read_earlier_when_scrolled_up(view: QAbstractItemView, model: PagedRowsModel) -> None:
    """Read the rows above a windowed model's first row when ``view`` is scrolled to its
    top, keeping in view the row that was at the top."""
    bar = view.verticalScrollBar()

    def scrolled(value: int) -> None:
        if value != bar.minimum() or not model.has_earlier:
            return
        added = model.fetch_earlier()
        shown = view.model()
        if added and shown is not None and shown.rowCount() > added:
            view.scrollTo(shown.index(added, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    bar.valueChanged.connect(scrolled)


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
