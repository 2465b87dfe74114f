"""Table columns that can be read at any window size: short values fit, prose wraps."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView


def fit_columns(
    table: QTableView, *, prose: Iterable[int] = (), stretch: Iterable[int] = ()
) -> None:
    """Short columns (dates, statuses, names) take the width of their contents; ``prose``
    and ``stretch`` columns share what is left, and prose wraps onto more lines.

    Whatever still does not fit is elided at the end; the models give the full text
    as the tooltip (``ToolTipRole``), so nothing is ever out of reach.
    """
    prose = tuple(prose)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in (*prose, *stretch):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    if prose:
        table.setWordWrap(True)
        rows = table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
