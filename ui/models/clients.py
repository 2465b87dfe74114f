"""The client list as a Qt table model over plain rows."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from clientcare.clients import STATUS_LABELS, ClientRow
from ui.models.base import Index, RowsTableModel


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

    def row_for_id(self, client_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == client_id:
                return number
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = ClientColumn(index.column())
        if role == ClientIdRole:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
            value = self._display(row, column)
            return value.casefold() if role == SortRole else value
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[column]}: {self._display(row, column) or 'none'}"
        return None

    @staticmethod
    def _display(row: ClientRow, column: ClientColumn) -> str:
        match column:
            case ClientColumn.NAME:
                return row.full_name
            case ClientColumn.PREFERRED:
                return row.preferred_name
            case ClientColumn.STATUS:
                return STATUS_LABELS[row.status]
            case ClientColumn.PHONE:
                return row.phone
            case ClientColumn.EMAIL:
                return row.email
            case ClientColumn.PRACTITIONER:
                return row.practitioner_name
