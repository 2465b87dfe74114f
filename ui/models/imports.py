"""The import dialogs' tables: the CSV preview and report (clients from a CSV file) and the
calendar (.ics) import report."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from clientcare import csv_io, locale_format
from clientcare.csv_io import RowCheck, Target
from clientcare.ical import ImportReport
from ui import theme
from ui.models.base import Index, RowsTableModel

SHOWN = 80  # characters of a cell shown in a table (the whole text is in the tooltip)


def shortened(text: str) -> str:
    """``text`` on one line, cut to ``SHOWN`` characters (the tables' cells, the samples)."""
    line = " ".join(text.split())
    return line if len(line) <= SHOWN else line[: SHOWN - 1] + "…"


class CsvPreviewModel(RowsTableModel):
    """The first rows of the file as they would be read into the client fields."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.fields: list[Target] = []

    def set_preview(self, rows: list[dict], fields: list[Target]) -> None:
        self.beginResetModel()
        self.fields = fields
        self.headers = ("Line", *(csv_io.TARGET_LABELS[f] for f in fields))
        self.rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        value = (
            str(row["line"])
            if index.column() == 0
            else row.get(self.fields[index.column() - 1].value, "")
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return shortened(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return value[:2000]
        return None


class CsvReportModel(RowsTableModel):
    """Every line of the file: ready, ready with a warning, or refused and why."""

    headers = ("Line", "Client", "Outcome", "Why")
    SortRole = Qt.ItemDataRole.UserRole + 1

    def _outcome(self, row: RowCheck) -> str:
        if not row.ok:
            return self.tr("Refused")
        return self.tr("Ready — check") if row.warnings else self.tr("Ready")

    def _why(self, row: RowCheck) -> str:
        if not row.ok:
            return " ".join(csv_io.describe_error(e) for e in row.errors)
        return " ".join(row.warnings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: RowCheck = self.rows[index.row()]
        column = index.column()
        if role == self.SortRole:
            return (row.line, row.full_name.casefold(), self._outcome(row), self._why(row))[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            name = row.full_name or self.tr("(no name)")
            values = (str(row.line), name, self._outcome(row), self._why(row))
            text = values[column]
            return shortened(text) if role == Qt.ItemDataRole.DisplayRole and column == 1 else text
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            if not row.ok:
                return theme.text_colour(theme.OVERDUE.colour)
            if row.warnings:
                return theme.text_colour(theme.DUE.colour)
        return None


class IcsReportModel(RowsTableModel):
    headers = ("#", "Event", "Starts", "Result", "Why")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report: ImportReport | None = None
        self.locale = locale_format.DEFAULT_LOCALE  # the practice's; the dialog sets it

    def set_report(self, report: ImportReport | None) -> None:
        self.report = report
        self.set_rows(report.lines if report else ())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        line = self.rows[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (
            str(line.number),
            line.summary,
            locale_format.weekday_day_time(line.start, self.locale) if line.start else "—",
            str(line.outcome).replace("_", " "),
            line.reason,
        )[index.column()]
