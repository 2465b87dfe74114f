"""A long list read from SQL a page at a time, in the order the SQL gives it.

:class:`SqlListModel` is a :class:`~ui.models.base.PagedRowsModel` whose sorting is the
database's: a click on a column heading (``sort``) does not reorder the pages read, it
asks for a new reading in that order (``sort_requested``). Each row's texts are
formatted once, when the row is first shown, and kept with the page; a view asks for
about ten roles per visible cell on every paint.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QTableView

from clientcare import locale_format
from ui.models.base import Index, PagedRowsModel
from ui.widgets.tables import paged_table

#: Role holding the id of a row (issue, expectation, referral, provider or client).
IdRole = Qt.ItemDataRole.UserRole + 1

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ID = int(IdRole)
#: The item delegate's text margins (QStyle::PM_FocusFrameHMargin + 1, each side).
TEXT_MARGINS = 8
WRAP = int(Qt.TextFlag.TextWordWrap)


class SqlListModel(PagedRowsModel):
    """Rows in SQL order, read a page at a time; ``sort`` asks for another order.

    Subclasses set ``headers`` and ``id_attribute``, and implement :meth:`format_row`
    (every column's text of a row) and, for colours and fonts, :meth:`style`.
    """

    #: Emitted when a column heading asks for another order (``sort_column``,
    #: ``descending``): the screen reads the list again in it.
    sort_requested = Signal()

    id_attribute = "id"

    def __init__(
        self,
        parent: Any = None,
        *,
        sort_column: int = 0,
        descending: bool = False,
    ) -> None:
        super().__init__(parent)
        self.locale = locale_format.DEFAULT_LOCALE  # the practice's; the screen sets it
        self.sort_column = sort_column
        self.descending = descending
        self._texts: dict[int, tuple[str, ...]] = {}
        self.modelAboutToBeReset.connect(self._texts.clear)

    # -- the order --------------------------------------------------------------------------

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self.sort_column, self.descending):
            return
        self.sort_column, self.descending = column, descending
        self.sort_requested.emit()

    # -- rows ----------------------------------------------------------------------------------

    def row_id(self, row: Any) -> int:
        return int(getattr(row, self.id_attribute))

    def row_for_id(self, row_id: int) -> int | None:
        """The row of ``row_id``: in the pages read, or further down (reading the pages up
        to it, when the reader's list can say where it is), else None."""
        for number, row in enumerate(self.rows):
            if self.row_id(row) == row_id:
                return number
        if self.complete or self._locate is None:
            return None
        place = self._locate(row_id)
        if place is None:
            return None
        self._read_up_to(place)  # in one statement
        for number in range(min(place, len(self.rows) - 1), -1, -1):
            if self.row_id(self.rows[number]) == row_id:
                return number
        return None

    def ids(self) -> list[int]:
        """The ids of the rows read so far, in order."""
        return [self.row_id(row) for row in self.rows]

    def texts(self, number: int) -> tuple[str, ...]:
        """Every column's text of row ``number``, formatted once."""
        found = self._texts.get(number)
        if found is None:
            found = self._texts[number] = tuple(self.format_row(self.rows[number]))
        return found

    def format_row(self, row: Any) -> Sequence[str]:
        raise NotImplementedError

    def style(self, row: Any, column: int, role: int) -> Any:
        """Colours, fonts and alignment (every role but text, id and accessible text)."""
        return None

    # -- Qt ------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount() first: two calls into Python
        # for every cell the view looks at; one here.
        if parent.isValid() or not (0 <= row < len(self.rows) and 0 <= column < len(self.headers)):
            return QModelIndex()
        return self.createIndex(row, column)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        number, column = index.row(), index.column()
        if role in (_DISPLAY, _TOOLTIP):
            return self.texts(number)[column]
        if role == _ID:
            return self.row_id(self.rows[number])
        if role == _ACCESSIBLE:
            text = self.texts(number)[column]
            return f"{self.tr(self.headers[column])}: {text or self.tr('none')}"
        return self.style(self.rows[number], column, role)


def list_table(name: str, accessible: str, model: SqlListModel) -> QTableView:
    """A paged table over ``model``, its sort indicator where the model sorts."""
    return paged_table(
        name, accessible, model, sort_column=model.sort_column, sort_order=model.sort_order
    )


def fit_columns_to_rows(table: QTableView, stretch: Sequence[int]) -> bool:
    """Give the short columns the width of the rows read (a page at most) and the
    ``stretch`` columns the rest (a longer text later is elided; its tooltip has it
    whole). False while the list is empty (nothing to measure yet)."""
    model = table.model()
    if model.rowCount() == 0:
        return False
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        if column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        width = max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
        table.setColumnWidth(column, width)
    return True


class ColumnFitter:
    """When a list's columns are measured: when it is first filled, and each time it is
    read for another choice (whose clients, which ones, which order); never while a
    search is typed (the columns stay put under the person's eyes) nor as pages are
    added by scrolling. Each time from the first page only."""

    def __init__(self, table: QTableView, stretch: Sequence[int]) -> None:
        self.table, self.stretch = table, tuple(stretch)
        self._choice: object = None
        self._fitted = False

    def fit(self, choice: object) -> None:
        """After a reading for ``choice`` (everything the list shows but the search)."""
        if self._fitted and choice == self._choice:
            return
        self._choice = choice
        self._fitted = fit_columns_to_rows(self.table, self.stretch)


class ProseRows(QObject):
    """Rows tall enough for their ``prose`` columns' text, wrapped to the column's width.

    Each row is measured when it is read (a page at a time) and again only when a prose
    column changes width: never the whole list on every change, as a view's
    resize-to-contents does. The texts are the model's ``texts``, formatted once (the SQL
    lists here, the Money screen's lists).
    """

    def __init__(self, table: QTableView, model: PagedRowsModel, prose: Sequence[int]) -> None:
        super().__init__(table)
        self.table, self.model, self.prose = table, model, tuple(prose)
        table.setWordWrap(True)
        line = table.fontMetrics().height()
        self.padding = table.verticalHeader().defaultSectionSize() - line
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.measure_all)
        model.rowsInserted.connect(lambda _parent, first, last: self.measure(first, last))
        model.modelReset.connect(self.measure_all)
        table.horizontalHeader().sectionResized.connect(self._resized)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column in self.prose:
            self._later.start()

    def measure_all(self) -> None:
        self.measure(0, self.model.rowCount() - 1)

    def measure(self, first: int, last: int) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.verticalHeader()
        default = header.defaultSectionSize()
        widths = {column: self.table.columnWidth(column) - TEXT_MARGINS for column in self.prose}
        for number in range(first, last + 1):
            texts = self.model.texts(number)
            height = default
            for column, width in widths.items():
                text = texts[column]
                if not text or width <= 0:
                    continue
                if metrics.horizontalAdvance(text) <= width:
                    continue
                box = metrics.boundingRect(QRect(0, 0, width, 10_000), WRAP, text)
                height = max(height, box.height() + self.padding)
            if header.sectionSize(number) != height:
                header.resizeSection(number, height)
