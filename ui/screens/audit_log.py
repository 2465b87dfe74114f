"""Settings → Audit log: who created, changed, viewed, printed or exported which record, when.

The log holds field names and printout names only, never the content of notes. It is
searchable (user, practitioner, action, record, client, fields), sortable by any
column, filtered by period and kind of record, and exportable to CSV.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
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
from clientcare.practice import get_settings
from ui.models.audit import AuditColumn, AuditTableModel, SortInSql
from ui.ops import Changes, Operations
from ui.theme import empty_state
from ui.widgets.fields import localise_date_edit
from ui.widgets.scope_choice import shown_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_DAYS = 30
#: How long after the last keystroke of a search a long log is read again (a log of more
#: than QUICK_SEARCH_ENTRIES in the period: a search of it can take a few tenths of a second).
SEARCH_AFTER_TYPING_MS = 200
QUICK_SEARCH_ENTRIES = 10_000


#: The SQL order of each column (the log is sorted by the database, not the view).
ORDERS = {
    AuditColumn.WHEN: audit.AuditOrder.WHEN,
    AuditColumn.USER: audit.AuditOrder.USER,
    AuditColumn.PRACTITIONER: audit.AuditOrder.PRACTITIONER,
    AuditColumn.ACTION: audit.AuditOrder.ACTION,
    AuditColumn.RECORD: audit.AuditOrder.RECORD,
    AuditColumn.CLIENT: audit.AuditOrder.CLIENT,
    AuditColumn.FIELDS: audit.AuditOrder.FIELDS,
}


def utc_start_of(day: dt.date) -> dt.datetime:
    """This computer's local midnight at the start of ``day``, in UTC (as stored)."""
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC).replace(tzinfo=None)


class AuditLogTab(QWidget):
    """The audit log, newest first, with a period, a record filter, a search and Export CSV.

    It can hold hundreds of thousands of entries: the database filters, sorts and counts
    them, and the table reads a page at a time as it scrolls ("64 of 212,000 entries
    shown").
    """

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("audit_log")
        self._stale = True
        self._entities_stale = True
        self.order = audit.AuditOrder.WHEN
        self.descending = True
        self.total = 0
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
        # Each keystroke reads the log again while the period holds few entries; a long
        # log (a year of a busy practice) is read again when typing pauses.
        self._slow = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_AFTER_TYPING_MS)
        self._search_timer.timeout.connect(self.load)
        self.search.textChanged.connect(self._search_typed)
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
        # Passes the rows through (the database sorts them); the view sorts through it.
        self.proxy = SortInSql(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("audit_table")
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(
            AuditColumn.WHEN, Qt.SortOrder.DescendingOrder
        )
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        # Columns fitted to the first page when the log is read, not measured over every
        # row read as it scrolls.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty = empty_state(object_name="audit_empty")
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self.count = QLabel()
        self.count.setObjectName("audit_count")
        self.model.rowsInserted.connect(lambda *_: self._show_count())

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(filters)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.count)
        self.model.sort_requested.connect(self._sort)  # after the view's first sort
        ops.changed.connect(self._changed)

    def _changed(self, _changes: Changes) -> None:
        # Every change is audited; read again when next shown (or now, if on screen).
        self._stale = True
        self._entities_stale = True
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
        """The kinds of record logged (read when the log changed, not per search)."""
        if not self._entities_stale:
            return
        self._entities_stale = False
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

    def query(self) -> audit.AuditQuery:
        """The entries asked for: this computer's local days, the kind and the search."""
        start, end = self._day(self.first), self._day(self.last)
        return audit.AuditQuery(
            utc_start_of(start),
            utc_start_of(end + dt.timedelta(days=1)),
            self.entity.currentData(),
            self.search.text(),
        )

    def _search_typed(self, _text: str) -> None:
        if self._slow:
            self._search_timer.start()
        else:
            self.load()

    def load(self) -> None:
        """Read the entries for the period, kind of record and search: a page, and the count."""
        self._search_timer.stop()
        self._stale = False
        self._fill_entities()
        self.model.locale = self.ops.read(get_settings).locale
        for edit in (self.first, self.last):
            localise_date_edit(edit, self.model.locale)
        start, end = self._day(self.first), self._day(self.last)
        query, order, descending = self.query(), self.order, self.descending
        self.total = self.ops.read(lambda s: audit.count_audit(s, query))
        self.model.set_source(
            lambda offset, limit: self.ops.read(
                lambda s: audit.audit_page(
                    s, query, order=order, descending=descending, offset=offset, limit=limit
                )
            )
        )
        if self.model.rows:
            self.table.resizeColumnsToContents()
        self._show_count()
        self.empty.setText(self.empty_text(start, end))
        self.body.setCurrentWidget(self.table if self.model.rows else self.empty)
        self.export_button.setEnabled(bool(self.model.rows))
        self._slow = self.total > QUICK_SEARCH_ENTRIES

    def _show_count(self) -> None:
        """ "12 entries", or "64 of 212,000 entries shown" while the list is cut."""
        self.count.setText(
            shown_text(len(self.model.rows), self.total, self.model.locale, self.tr("entries"))
        )

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self.order = ORDERS[AuditColumn(column)]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.load()

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
        """Every entry the log shows (the pages not read yet too), in the table's order."""
        query, order, descending = self.query(), self.order, self.descending
        return self.ops.read(
            lambda s: audit.audit_page(s, query, order=order, descending=descending)
        )

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
        self.ops.run(lambda s: audit.record_export(s, "audit_entry", 0, "audit log CSV"))
        return path
