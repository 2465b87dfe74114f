"""Clients from a CSV file: which column is which, a preview, a report per line, then Import.

Also the File menu's two CSV exports (clients, the ledger). The rules — reading the
file, proposing the mapping, checking every row, all-or-nothing — are in
``clientcare.csv_io``; this module only shows them and collects the choices.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clientcare import csv_io
from clientcare.csv_io import CsvTable, ImportCheck, ImportRefusedError, Target
from clientcare.errors import ValidationError
from clientcare.practice import get_settings
from ui.dialog import Dialog
from ui.models.imports import CsvPreviewModel, CsvReportModel, shortened
from ui.ops import Operations
from ui.theme import look
from ui.widgets.fields import error_label
from ui.widgets.tables import read_only_table

#: What the preview shows, in this order, when the column is mapped.
PREVIEW_FIELDS = (
    Target.FULL_NAME,
    Target.PREFERRED,
    Target.PRONOUNS,
    Target.EMAIL,
    Target.PHONE,
    Target.STATUS,
    Target.ADDRESS,
    Target.NOTES,
)


class CsvImportDialog(Dialog):
    """Choose the file, check the mapping and the preview, read the report, import."""

    def __init__(self, ops: Operations, path: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.table: CsvTable | None = None
        self.check: ImportCheck | None = None
        self.imported: tuple[int, ...] = ()
        self.combos: list[QComboBox] = []
        self.setObjectName("csv_import_dialog")
        self.setWindowTitle(self.tr("Import clients from a CSV file"))
        self.resize(1000, 820)

        self.file_label = QLabel(self.tr("No file chosen yet."))
        self.file_label.setObjectName("csv_file")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        choose = QPushButton(self.tr("Choose file…"))
        choose.setObjectName("choose_file")
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        self.notes = QLabel()
        self.notes.setObjectName("csv_notes")
        self.notes.setWordWrap(True)
        self.notes.hide()

        self.mapping_box = QGroupBox(self.tr("Which column is which"))
        self.mapping_grid = QGridLayout()
        mapping_widget = QWidget()
        mapping_widget.setLayout(self.mapping_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(mapping_widget)
        scroll.setMinimumHeight(120)
        scroll.setMaximumHeight(190)
        box_layout = QVBoxLayout(self.mapping_box)
        box_layout.addWidget(scroll)
        self.mapping_error = error_label("mapping_error")

        self.preview_model = CsvPreviewModel(self)
        self.preview = self._table_view("csv_preview", self.preview_model)
        self.preview.setMaximumHeight(150)
        self.report_model = CsvReportModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.report_model)
        proxy.setSortRole(CsvReportModel.SortRole)
        self.report = self._table_view("csv_report", proxy)
        self.report.setSortingEnabled(True)
        # Five lines at least: the whole dialog fits a 600-pixel screen (it grows taller).
        self.report.setMinimumHeight(120)
        self.report.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.summary = QLabel()
        self.summary.setObjectName("csv_summary")
        self.summary.setWordWrap(True)
        self.valid_only = QCheckBox(self.tr("Import the valid rows only (leave out the refused)"))
        self.valid_only.setObjectName("valid_only")
        self.valid_only.setEnabled(False)
        self.valid_only.toggled.connect(self._update_button)
        self.error = error_label("csv_error")
        for label in (self.notes, self.mapping_error, self.summary, self.error):
            label.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("do_import")
        self.import_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.notes)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.mapping_error)
        layout.addWidget(QLabel(self.tr("<b>Preview</b> (the first rows, as they will be read)")))
        layout.addWidget(self.preview)
        layout.addWidget(QLabel(self.tr("<b>Every line</b>")))
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.valid_only)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if path is not None:
            self.load(path)

    def _table_view(self, name: str, model: Any) -> QTableView:
        view = read_only_table(name, model, single=False)
        view.setAlternatingRowColors(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        return view

    # -- the file ------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import clients from"), "", "CSV (*.csv *.txt);;All files (*)"
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read ``path``, propose a mapping and check every row."""
        self.file_label.setText(str(path))
        self.error.hide()
        try:
            self.table = csv_io.read_file(path)
        except ValidationError as error:
            self.table = None
            self._build_mapping()
            self._show_check(None)
            self._fail(error.for_field("file") or str(error))
            return
        self.notes.setText("\n".join(f"ℹ {note}" for note in self.table.notes))
        self.notes.setVisible(bool(self.table.notes))
        self._build_mapping()
        self.recheck()

    def _build_mapping(self) -> None:
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = []
        if self.table is None:
            return
        for column, text in enumerate((self.tr("Column in the file"), self.tr("First value"))):
            heading = QLabel(f"<b>{text}</b>")
            self.mapping_grid.addWidget(heading, 0, column)
        self.mapping_grid.addWidget(QLabel(f"<b>{self.tr('Is the client’s')}</b>"), 0, 2)
        proposed = csv_io.propose_mapping(self.table.header)
        first = self.table.rows[0][1] if self.table.rows else ()
        for index, name in enumerate(self.table.header):
            row = index + 1
            header = QLabel(shortened(name) or self.tr("(no name)"))
            header.setToolTip(name[:2000])
            sample = first[index] if index < len(first) else ""
            example = QLabel(shortened(sample))
            example.setToolTip(sample[:2000])
            look(example, "faint")
            for shown in (header, example):  # the file's text is never markup
                shown.setTextFormat(Qt.TextFormat.PlainText)
            combo = QComboBox()
            combo.setObjectName(f"map_{index}")
            combo.setAccessibleName(self.tr("Field for column {name}").format(name=name[:80]))
            for target, label in csv_io.TARGET_LABELS.items():
                combo.addItem(self.tr(label), target.value)
            combo.setCurrentIndex(combo.findData(proposed[index].value))
            combo.currentIndexChanged.connect(self.recheck)
            self.combos.append(combo)
            self.mapping_grid.addWidget(header, row, 0)
            self.mapping_grid.addWidget(example, row, 1)
            self.mapping_grid.addWidget(combo, row, 2)
        self.mapping_grid.setColumnStretch(3, 1)

    def mapping(self) -> tuple[Target, ...]:
        return tuple(Target(combo.currentData()) for combo in self.combos)

    # -- checking ------------------------------------------------------------

    def recheck(self) -> None:
        """Check every row with the current mapping (nothing is written)."""
        if self.table is None:
            return
        mapping = self.mapping()
        fields = [f for f in PREVIEW_FIELDS if f in mapping or (
            f is Target.FULL_NAME and {Target.FIRST_NAME, Target.LAST_NAME} & set(mapping)
        )]  # fmt: skip
        self.preview_model.set_preview(csv_io.preview(self.table, mapping), fields)
        problem = csv_io.mapping_problem(mapping)
        if problem:
            self.mapping_error.setText(f"⚠ {problem}")
            self.mapping_error.show()
            self._show_check(None)
            return
        self.mapping_error.hide()
        table = self.table

        def check(session):  # type: ignore[no-untyped-def]
            region = get_settings(session).phone_region
            return csv_io.check_import(session, table, mapping, region=region)

        try:
            self._show_check(self.ops.read(check))
        except ValidationError as error:
            self._show_check(None)
            self._fail(str(error))

    def _show_check(self, check: ImportCheck | None) -> None:
        self.check = check
        self.report_model.set_rows(check.rows if check else ())
        if check is None:
            self.summary.setText("")
            self.valid_only.setEnabled(False)
            self._update_button()
            return
        warned = sum(1 for row in check.valid if row.warnings)
        parts = [self.tr("{n} ready to import").format(n=len(check.valid))]
        if warned:
            parts.append(self.tr("{n} of them to check (a possible duplicate)").format(n=warned))
        if check.refused:
            parts.append(self.tr("{n} refused").format(n=len(check.refused)))
        text = "; ".join(parts) + "."
        if check.refused:
            text += " " + self.tr(
                "Nothing is imported while a line is refused, unless you tick “valid rows only”."
            )
        self.summary.setText(text)
        self.valid_only.setEnabled(bool(check.refused and check.valid))
        if not check.refused:
            self.valid_only.setChecked(False)
        self._update_button()

    def _update_button(self) -> None:
        check = self.check
        ready = check is not None and bool(check.valid)
        if check is not None and check.refused and not self.valid_only.isChecked():
            ready = False
        self.import_button.setEnabled(ready)
        if check is not None and ready:
            count = len(check.valid)
            self.import_button.setText(self.tr("Import {n} clients").format(n=count))
        else:
            self.import_button.setText(self.tr("Import"))

    def _fail(self, message: str) -> None:
        self.error.setText(f"⚠ {message}")
        self.error.show()
        self.import_button.setEnabled(False)

    # -- importing -----------------------------------------------------------

    def do_import(self) -> None:
        if self.table is None:
            return
        table, mapping, valid_only = self.table, self.mapping(), self.valid_only.isChecked()

        def action(session):  # type: ignore[no-untyped-def]
            region = get_settings(session).phone_region
            return csv_io.import_clients(
                session,
                table,
                mapping,
                region=region,
                today=dt.date.today(),
                valid_only=valid_only,
            )

        try:
            result = self.ops.run(action)
        except ImportRefusedError as error:
            self._show_check(error.check)
            self._fail(error.for_field("file") or str(error))
            return
        except ValidationError as error:
            self._fail(str(error))
            return
        self.imported = result.imported_ids
        self.accept()


# ---------------------------------------------------------------------------
# File menu actions
# ---------------------------------------------------------------------------


def _save_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), "CSV (*.csv)"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".csv")


def import_clients_csv(parent: QWidget, ops: Operations) -> str | None:
    """File → Import clients (CSV)…; returns a status-bar message, or None if cancelled."""
    dialog = CsvImportDialog(ops, None, parent)
    dialog.choose_file()
    if dialog.table is None and not dialog.error.isVisible():
        return None
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return parent.tr("Imported {n} clients.").format(n=len(dialog.imported))


def export_clients_csv(parent: QWidget, ops: Operations) -> str | None:
    """File → Export clients (CSV)…; asks whether to include the notes (no by default)."""
    path = _save_path(parent, parent.tr("Export clients to"), f"clients-{dt.date.today()}.csv")
    if path is None:
        return None
    answer = QMessageBox.question(
        parent,
        parent.tr("Include notes?"),
        parent.tr(
            "Include each client's notes in the file? They are confidential; the file is "
            "readable by you only, but wherever you copy it, the notes go with it."
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    include = answer == QMessageBox.StandardButton.Yes
    return _export(
        parent, ops, lambda s: csv_io.export_clients(s, path, include_notes=include), path
    )


def export_ledger_csv(parent: QWidget, ops: Operations, client_id: int | None = None) -> str | None:
    """File → Export ledger (CSV)…: every client's ledger lines (or one client's)."""
    path = _save_path(parent, parent.tr("Export the ledger to"), f"ledger-{dt.date.today()}.csv")
    if path is None:
        return None
    return _export(parent, ops, lambda s: csv_io.export_ledger(s, path, client_id=client_id), path)


def _export(parent: QWidget, ops: Operations, action: Any, path: Path) -> str | None:
    try:
        count = ops.run(action)
    except (OSError, ValidationError) as error:
        message = error.strerror if isinstance(error, OSError) else str(error)
        QMessageBox.critical(
            parent,
            parent.tr("Export failed"),
            parent.tr("The file could not be written: {error}").format(error=message),
        )
        return None
    return parent.tr("{n} lines saved to {path}").format(n=count, path=path)
