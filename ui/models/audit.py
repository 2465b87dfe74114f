"""The audit log as a table: read a page at a time, sorted by the database."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, Qt, Signal

from clientcare.audit import AuditRow
from clientcare.db.models import AuditAction
from clientcare.printouts import format_moment
from ui.models.base import Index, PagedRowsModel


class AuditColumn(IntEnum):
    WHEN = 0
    USER = 1
    PRACTITIONER = 2
    ACTION = 3
    RECORD = 4
    CLIENT = 5
    FIELDS = 6


def local_time(moment: dt.datetime) -> dt.datetime:
    """A stored UTC time as this computer's local time."""
    return moment.replace(tzinfo=dt.UTC).astimezone()


class SortInSql(QIdentityProxyModel):
    """The log as the model holds it; a click on a header asks the model to sort (the
    model has the database read it in that order)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)


class AuditTableModel(PagedRowsModel):
    """The log a page at a time, in the database's order; each row's texts are made once."""

    headers = ("When", "User", "Practitioner", "Action", "Record", "Client", "Fields / what")

    #: Asked to sort by a column (the tab reads the log again in that order).
    sort_requested = Signal(int, Qt.SortOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = "en_GB"  # the practice's, set by the tab on each load
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_source(self, reader: Any, locate: Any = None) -> None:
        self._texts = {}
        super().set_source(reader, locate)

    def _text(self, row: AuditRow, column: AuditColumn) -> str:
        texts = self._texts.get(row.id)
        if texts is None:
            texts = self._texts[row.id] = tuple(self._make_text(row, c) for c in AuditColumn)
        return texts[column]

    def _make_text(self, row: AuditRow, column: AuditColumn) -> str:
        if column is AuditColumn.WHEN:
            return format_moment(local_time(row.at).replace(tzinfo=None), self.locale)
        if column is AuditColumn.ACTION:
            return self.tr(row.action_label)
        if column is AuditColumn.RECORD:
            return (
                f"{row.entity_label} {row.entity_id}"
                if row.entity_id
                else f"{row.entity_label} (all)"
            )
        if column is AuditColumn.FIELDS:
            if row.action in (AuditAction.PRINT, AuditAction.EXPORT):
                return row.fields  # the name of the printout or file
            return ", ".join(name.replace("_", " ") for name in row.fields.split(",") if name)
        return {
            AuditColumn.USER: row.actor,
            AuditColumn.PRACTITIONER: row.practitioner,
            AuditColumn.CLIENT: row.client_name,
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(self.rows[index.row()], AuditColumn(index.column()))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(column, order)
