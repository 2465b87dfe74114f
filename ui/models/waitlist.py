"""The waitlist as a table, read a page at a time."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from clientcare import locale_format, waitlist
from clientcare.waitlist import WaitlistRow
from ui.models.base import PAGE_SIZE, Index, PagedRowsModel


class WaitColumn(IntEnum):
    CLIENT = 0
    PREFERENCES = 1
    WAITING = 2


class WaitlistModel(PagedRowsModel):
    headers = ("Client", "Suits them", "Waiting")
    rows: list[WaitlistRow]
    locale = locale_format.DEFAULT_LOCALE  # the practice's, set by the view

    def __init__(self, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent, page_size=page_size)
        self._preferences: dict[tuple[int, str], str] = {}

    def set_source(self, reader: Any, locate: Any = None) -> None:
        self._preferences = {}
        super().set_source(reader, locate)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        match WaitColumn(index.column()):
            case WaitColumn.CLIENT:
                return ("⚑ " + self.tr("urgent") + " · " if row.urgent else "") + row.client_name
            case WaitColumn.PREFERENCES:
                # Formatted once per row read (a view asks again at every paint and measure).
                key = (row.id, self.locale)
                text = self._preferences.get(key)
                if text is None:
                    text = self._preferences[key] = waitlist.describe_preferences(row, self.locale)
                return (
                    f"{text} — {row.note}"
                    if row.note and role == Qt.ItemDataRole.ToolTipRole
                    else text
                )
            case WaitColumn.WAITING:
                return self.tr("{n} days").format(n=row.days_waiting)
        return None
