"""Settings → Audit log: who created, changed, viewed, printed or exported which record, when.

The log holds field names and printout names only, never the content of notes. It is
searchable (user, practitioner, action, record, client, fields), sortable by any
column, filtered by period and kind of record, and exportable to CSV.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clientcare import audit, locale_format
from clientcare.audit import AuditRow
from clientcare.db.models import AuditAction
from clientcare.practice import get_settings
from clientcare.printouts import format_moment
from ui.models.base import Index, RowsTableModel
from ui.ops import Changes, Operations
from ui.theme import empty_state
from ui.widgets.fields import localise_date_edit

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_DAYS = 30


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


class AuditTableModel(RowsTableModel):
    headers = ("When", "User", "Practitioner", "Action", "Record", "Client", "Fields / what")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = "en_GB"  # the practice's, set by the tab on each load

    def _text(self, row: AuditRow, column: AuditColumn) -> str:
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
        row: AuditRow = self.rows[index.row()]
        column = AuditColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            if column is AuditColumn.WHEN:
                return f"{row.at.isoformat()} {row.id:012d}"
            if column is AuditColumn.RECORD:
                return f"{row.entity} {row.entity_id:012d}"
            return self._text(row, column).casefold()
        return None


class AuditLogTab(QWidget):
    """The audit log, newest first, with a period, a record filter, a search and Export CSV."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("audit_log")
        self._stale = True
        explain = QLabel(
            self.tr(
                "Who created, changed, viewed, printed or exported which record, and when. "
                "Only the names of the fields are kept, never what the notes say."
            )
        )
        explain.setWordWrap(True)
        today = QDate.currentDate()
        self.first = QDateEdit(today.addDays(-DEFAULT_DAYS))
        self.first.setObjectName("audit_from")
        self.last = QDateEdit(today)
        self.last.setObjectName("audit_to")
        self.first.setAccessibleName(self.tr("Changes from"))
        self.last.setAccessibleName(self.tr("Changes to"))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            localise_date_edit(edit, locale_format.DEFAULT_LOCALE)  # the practice's: load()
            edit.dateChanged.connect(self.load)
        self.entity = QComboBox()
        self.entity.setObjectName("audit_entity")
        self.entity.setAccessibleName(self.tr("Kind of record"))
        self.entity.currentIndexChanged.connect(self.load)
        self.search = QLineEdit()
        self.search.setObjectName("audit_search")
        self.search.setAccessibleName(self.tr("Search the audit log"))
        self.search.setPlaceholderText(self.tr("Search user, client, action, field…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.load)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("audit_export")
        self.export_button.clicked.connect(self.export_csv)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.first)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.last)
        filters.addWidget(self.entity)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.export_button)

        self.model = AuditTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AuditColumn.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = empty_state(object_name="audit_empty")
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self.count = QLabel()
        self.count.setObjectName("audit_count")

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(filters)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.count)
        ops.changed.connect(self._changed)

    def _changed(self, _changes: Changes) -> None:
        # Every change is audited; read again when next shown (or now, if on screen).
        self._stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def _day(self, edit: QDateEdit) -> dt.date:
        day = edit.date()
        return dt.date(day.year(), day.month(), day.day())

    def _fill_entities(self) -> None:
        current = self.entity.currentData()
        entities = self.ops.read(audit.audit_entities)
        self.entity.blockSignals(True)
        self.entity.clear()
        self.entity.addItem(self.tr("All records"), None)
        for name in entities:
            self.entity.addItem(name.replace("_", " ").capitalize(), name)
        found = self.entity.findData(current)
        self.entity.setCurrentIndex(max(found, 0))
        self.entity.blockSignals(False)

    def load(self) -> None:
        """Read the entries for the period, kind of record and search."""
        self._stale = False
        self._fill_entities()
        self.model.locale = self.ops.read(get_settings).locale
        for edit in (self.first, self.last):
            localise_date_edit(edit, self.model.locale)
        start, end = self._day(self.first), self._day(self.last)
        # The log is kept in UTC; a local day may reach into the UTC day before or after.
        rows = self.ops.read(
            lambda s: audit.audit_log(
                s,
                start=start - dt.timedelta(days=1),
                end=end + dt.timedelta(days=1),
                entity=self.entity.currentData(),
                search=self.search.text(),
            )
        )
        rows = [row for row in rows if start <= local_time(row.at).date() <= end]
        self.model.set_rows(rows)
        self.count.setText(self.tr("{n} entries").format(n=len(rows)))
        self.empty.setText(self.empty_text(start, end))
        self.body.setCurrentWidget(self.table if rows else self.empty)
        self.export_button.setEnabled(bool(rows))

    def empty_text(self, start: dt.date, end: dt.date) -> str:
        """Why the log shows nothing, and what to do: widen the dates or the filters."""
        first = locale_format.day(start, self.model.locale)
        last = locale_format.day(end, self.model.locale)
        search = self.search.text().strip()
        if search or self.entity.currentData():
            what = f"“{search}”" if search else self.entity.currentText().lower()
            return self.tr(
                "No entry from {first} to {last} matches {what}.\n\n"
                "Clear the search, choose “All records”, or widen the dates."
            ).format(first=first, last=last, what=what)
        return self.tr(
            "Nothing was recorded from {first} to {last}.\n\n"
            "Entries appear here as records are created, changed, viewed, printed or "
            "exported. Choose an earlier “From” date to look further back."
        ).format(first=first, last=last)

    def shown_rows(self) -> list[AuditRow]:
        """The rows in the order the table shows them."""
        return [
            self.model.rows[self.proxy.mapToSource(self.proxy.index(i, 0)).row()]
            for i in range(self.proxy.rowCount())
        ]

    def export_csv(self, path: Path | None = None) -> Path | None:
        """Write the entries shown to a CSV file (asks where, unless ``path`` is given)."""
        if not path:
            suggested = Path.home() / f"audit-log-{dt.date.today()}.csv"
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the audit log to"), str(suggested), "CSV (*.csv)"
            )
            if not name:
                return None
            path = Path(name)
        rows = self.shown_rows()
        try:
            audit.export_audit_csv(rows, path)
        except OSError as error:
            QMessageBox.critical(
                self,
                self.tr("Export failed"),
                self.tr("The file could not be written: {error}").format(error=error.strerror),
            )
            return None
        self.ops.run(
            lambda s: audit.record_export(s, "audit_entry", 0, "audit log CSV"), Changes.NONE
        )
        return path
