"""The tables every screen and dialog shows: one home for how a read-only list looks and
behaves (rows selected whole, nothing edited in place, alternating rows, no row numbers).

- ``read_only_table``: the common base.
- ``paged_table``: a long list read a page at a time (one line per row, fixed row height so
  nothing is measured beyond the rows read, sorted by the SQL when a heading is clicked).
- ``fitted_table``: a short list (Settings) with every column fitted to its text and one
  column taking the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.theme import look


def read_only_table(
    name: str, model: QAbstractItemModel, *, accessible: str = "", single: bool = True
) -> QTableView:
    """A table over ``model`` whose rows are selected whole (one at a time when ``single``)
    and never edited in place."""
    table = QTableView()
    table.setObjectName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
    if accessible:
        table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    return table


def paged_table(
    name: str,
    accessible: str,
    model: QAbstractItemModel,
    *,
    sort_column: int = -1,
    sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> QTableView:
    """A long list read a page at a time: one line per row (longer text elided), rows of one
    fixed height, columns the person can widen, sorted by clicking a heading (the model
    reads the list again in that order: the SQL sorts, never a proxy)."""
    table = read_only_table(name, model, accessible=accessible)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    rows = table.verticalHeader()
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSortIndicator(sort_column, sort_order)
    table.setSortingEnabled(True)
    return table


def fitted_table(name: str, model: QAbstractItemModel, stretch: int) -> QTableView:
    """A short list: each column as wide as its text, column ``stretch`` takes the rest;
    rows fitted to their text with room to breathe."""
    table = read_only_table(name, model)
    look(table, "roomy")
    table.setMinimumHeight(130)
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return table
