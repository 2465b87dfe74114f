"""The shared part of the table models: a list of plain rows and fixed column headers."""

from __future__ import annotations

from collections.abc import Sequence
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
