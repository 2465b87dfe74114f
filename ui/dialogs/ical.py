"""Calendar files: export a range to .ics, import an .ics with a preview of every event."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clientcare import ical
from clientcare.config import local_timezone_name
from clientcare.errors import ValidationError
from clientcare.ical import ImportAs, ImportReport, TitlePrivacy
from clientcare.practice import get_settings, list_practitioners
from ui import labels
from ui.dialog import Dialog
from ui.labels import QT_TRANSLATE_NOOP
from ui.models.imports import IcsReportModel
from ui.ops import Operations
from ui.widgets.fields import error_label, localise_date_edit

PRIVACY_LABELS = {
    TitlePrivacy.GENERIC: QT_TRANSLATE_NOOP("labels", "“Client session” (no names)"),
    TitlePrivacy.INITIALS: QT_TRANSLATE_NOOP("labels", "Initials"),
    TitlePrivacy.PREFERRED_NAME: QT_TRANSLATE_NOOP("labels", "Preferred name"),
    TitlePrivacy.FULL_NAME: QT_TRANSLATE_NOOP("labels", "Full name"),
}


def _date(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


class ExportDialog(Dialog):
    """Choose the range, practitioner and how much of a name the titles show."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export appointments to a calendar file"))
        today = QDate.currentDate()
        self.first = QDateEdit(today)
        self.last = QDateEdit(today.addMonths(3))
        locale = ops.read(get_settings).locale
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            localise_date_edit(edit, locale)
        self.practitioner = QComboBox()
        self.practitioner.addItem(self.tr("All practitioners"), None)
        for practitioner in ops.read(list_practitioners):
            self.practitioner.addItem(practitioner.full_name, practitioner.id)
        self.privacy = QComboBox()
        self.privacy.setObjectName("privacy")
        for value, label in PRIVACY_LABELS.items():
            self.privacy.addItem(labels.translate(label), value.value)
        note = QLabel(
            self.tr(
                "Calendar files are often synced to phones and shared calendars. Titles show "
                "only what you choose here; notes are never exported."
            )
        )
        note.setWordWrap(True)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("From"), self.first)
        form.addRow(self.tr("To"), self.last)
        form.addRow(self.tr("Practitioner"), self.practitioner)
        form.addRow(self.tr("Titles show"), self.privacy)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.written: Path | None = None

    def choose_file(self) -> str:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save calendar file"), "appointments.ics", "iCalendar (*.ics)"
        )
        return name

    def export(self) -> None:
        first, last = _date(self.first), _date(self.last)
        if last < first:
            self.error.setText("⚠ " + self.tr("The end date must be on or after the start date."))
            self.error.show()
            return
        target = self.choose_file()
        if not target:
            return
        practitioner_id = self.practitioner.currentData()
        privacy = TitlePrivacy(self.privacy.currentData())
        data = self.ops.read(
            lambda s: ical.export_ics(
                s,
                start=first,
                end=last,
                practitioner_id=practitioner_id,
                privacy=privacy,
                tz_name=local_timezone_name(),
                now=dt.datetime.now(),
            )
        )
        try:
            Path(target).write_bytes(data)
        except OSError as error:
            self.error.setText(
                "⚠ " + self.tr("Could not write the file: {e}").format(e=error.strerror)
            )
            self.error.show()
            return
        self.written = Path(target)
        self.accept()


class ImportDialog(Dialog):
    """Read an .ics, preview what would happen to every event, then import in one go."""

    def __init__(self, ops: Operations, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.path = path
        self.data = b""
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import {name}").format(name=path.name))
        self.resize(820, 520)
        self.practitioner = QComboBox()
        for practitioner in ops.read(list_practitioners):
            self.practitioner.addItem(practitioner.full_name, practitioner.id)
        self.as_ = QComboBox()
        self.as_.setObjectName("import_as")
        self.as_.addItem(self.tr("Busy time (blocks the calendar)"), ImportAs.BUSY_TIME.value)
        self.as_.addItem(
            self.tr("Appointments (event titles must be client names)"),
            ImportAs.APPOINTMENTS.value,
        )
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.model = IcsReportModel(self)
        self.model.locale = ops.read(lambda s: get_settings(s).locale)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("import_report")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error = error_label("import_error")
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("do_import")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("For"), self.practitioner)
        form.addRow(self.tr("Import as"), self.as_)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.practitioner.currentIndexChanged.connect(self.preview)
        self.as_.currentIndexChanged.connect(self.preview)
        try:
            self.data = path.read_bytes()
        except OSError as error:
            self._fail(self.tr("The file could not be read: {e}").format(e=error.strerror))
            return
        self.preview()

    def _fail(self, message: str) -> None:
        self.error.setText(f"⚠ {message}")
        self.error.show()
        self.import_button.setEnabled(False)
        self.model.set_report(None)

    def _run(self, *, dry_run: bool) -> ImportReport:
        practitioner_id = self.practitioner.currentData()
        as_ = ImportAs(self.as_.currentData())

        def action(session):  # type: ignore[no-untyped-def]
            return ical.import_ics(
                session,
                self.data,
                practitioner_id=practitioner_id,
                as_=as_,
                tz_name=local_timezone_name(),
                now=dt.datetime.now(),
                dry_run=dry_run,
            )

        if dry_run:
            return self.ops.read(action)
        return self.ops.run(action)

    def preview(self) -> None:
        if self.practitioner.currentData() is None:
            self._fail(self.tr("Add a practitioner in Settings before importing a calendar."))
            return
        try:
            report = self._run(dry_run=True)
        except ValidationError as error:
            self._fail(" ".join(e.message for e in error.errors))
            return
        self.error.hide()
        self.model.set_report(report)
        self.summary.setText(
            self.tr(
                "{imported} of {total} events can be imported; {skipped} will be skipped "
                "(the table says why). Nothing is stored until you click Import."
            ).format(imported=report.imported, total=len(report.lines), skipped=report.skipped)
        )
        self.import_button.setEnabled(report.imported > 0)

    def do_import(self) -> None:
        try:
            report = self._run(dry_run=False)
        except ValidationError as error:
            self._fail(" ".join(e.message for e in error.errors))
            return
        self.model.set_report(report)
        self.accept()
