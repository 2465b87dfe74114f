"""Export the summaries of a client or a date range to PDFs, cancellable.

One summary per turn of the event loop (see ExportRun): each is read in its own short
read-only session and painted with QPdfWriter, and the window answers in between, so the
progress dialog can cancel.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clientcare import clients, printouts
from clientcare.db.engine import Database
from clientcare.errors import ValidationError
from clientcare.files import write_private
from clientcare.practice import get_settings
from clientcare.printouts import BatchItem, SummaryVariant
from ui import printing
from ui.dialog import Dialog
from ui.dialogs.print_summary import last_folder, page_size, quiet, record_print, remember_folder
from ui.finished_dialogs import watch_window
from ui.ops import Operations
from ui.widgets.fields import error_label, localise_date_edit


@dataclass
class ExportResult:
    """What a batch run did: the files written, whether it was cancelled, and any failure."""

    total: int
    written: list[Path] = field(default_factory=list)
    pages: int = 0
    cancelled: bool = False
    failure: str = ""


def free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or "name (2).pdf" … when a file of that name is already there."""
    path = folder / name
    stem, suffix, number = path.stem, path.suffix, 2
    while path.exists():
        path = folder / f"{stem} ({number}){suffix}"
        number += 1
    return path


class ExportRun(QObject):
    """Reads, paints and writes the PDFs on the GUI thread, one summary per turn of its
    event loop, so the window answers (and Cancel works) between summaries.

    Not in a worker thread, as it once was: painting text from a Python thread could hang
    the app. The worker held Python's interpreter lock while Qt took one of its shared
    connection locks; the GUI thread, holding that lock while it deleted an object, waited
    for the interpreter lock (seen once in seven full runs of the tests). One summary takes
    about 20 ms to read, lay out and write (``make bench`` measures the longest the event
    loop then waits).
    """

    progress = Signal(int, str)  # summaries done, what is being done
    finished = Signal(object)  # ExportResult

    def __init__(
        self,
        database: Database,
        items: list[BatchItem],
        *,
        variant: SummaryVariant,
        include_money: bool,
        folder: Path,
        combined_name: str | None,
        size: str,
        now: dt.datetime,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.items = items
        self.variant = variant
        self.include_money = include_money
        self.folder = folder
        self.combined_name = combined_name
        self.size = size
        self.now = now
        self.result = ExportResult(total=len(items))
        self._next = 0
        self._cancelled = False
        self._busy = False
        self._ended = False
        self._combined: printing.PdfInProgress | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.step)

    def start(self) -> None:
        """Begin; returns at once (the summaries are written as the event loop turns)."""
        self._timer.start()

    def running(self) -> bool:
        """True until ``finished`` has been emitted."""
        return not self._ended

    def cancel(self) -> None:
        """Stop before the next summary (the one being written is finished first)."""
        self._cancelled = True

    def step(self) -> None:
        """Do the next summary (or end the run); nothing when one is already under way."""
        if self._busy or self._ended:
            return  # e.g. called again while the progress dialog processes events
        self._busy = True
        try:
            self._advance()
        except OSError as error:
            self._end(
                f"Could not write to the folder {self.folder}: " + (error.strerror or str(error))
            )
        except Exception as error:  # reported in the dialog rather than lost
            self._end(f"The export stopped: {error}")
        finally:
            self._busy = False

    def _printout(self, item: BatchItem) -> printouts.Printout:
        with self.database.reading() as session:  # one short read-only session per summary
            return printouts.session_summary(
                session,
                item.interaction_id,
                variant=self.variant,
                include_money=self.include_money,
                now=self.now,
            )

    def _advance(self) -> None:
        if self._cancelled:
            self.result.cancelled = True
            self._end()
            return
        if self._next >= len(self.items):
            self._write_combined()
            self.progress.emit(len(self.items), "")
            self._end()
            return
        item = self.items[self._next]
        self.progress.emit(self._next, item.file_name)
        printout = self._printout(item)
        if self.combined_name is None:
            content, pages = printing.pdf_bytes([printout], page_size=self.size)
            path = free_path(self.folder, item.file_name)
            write_private(path, content)
            self.result.written.append(path)
            self.result.pages += pages
        else:
            if self._combined is None:
                title = printout.title if len(self.items) == 1 else "ClientCare printouts"
                self._combined = printing.PdfInProgress(page_size=self.size, title=title)
            self._combined.add(printout)
        self._next += 1

    def _write_combined(self) -> None:
        if self._combined is None or self.combined_name is None:
            return
        self.progress.emit(len(self.items), self.combined_name)
        content = self._combined.finish()
        pages = self._combined.pages
        self._combined = None
        path = free_path(self.folder, self.combined_name)
        write_private(path, content)
        self.result.written.append(path)
        self.result.pages = pages

    def _end(self, failure: str = "") -> None:
        self._timer.stop()
        if self._combined is not None:  # cancelled or failed half-way: nothing is written
            self._combined.abandon()
            self._combined = None
        if failure:
            self.result.failure = failure
        self._ended = True
        self.finished.emit(self.result)


class BatchExportDialog(Dialog):
    """Choose what to export (a client, a period), which summary, and where."""

    export_finished = Signal(object)  # ExportResult, once the run has ended

    def __init__(
        self, ops: Operations, *, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.client_id = client_id
        self.setObjectName("batch_export")
        self.setWindowTitle(self.tr("Export summaries to PDF"))
        self.setMinimumWidth(560)
        self.run: ExportRun | None = None
        self.progress: QProgressDialog | None = None
        self.export_result: ExportResult | None = None

        self.client_name = ""
        self.only_client = QRadioButton()
        self.only_client.setObjectName("scope_client")
        self.all_clients = QRadioButton(self.tr("All clients"))
        self.all_clients.setObjectName("scope_all")
        scope = QButtonGroup(self)
        scope.addButton(self.only_client)
        scope.addButton(self.all_clients)
        if client_id is not None:
            self.client_name = ops.read(lambda s: clients.get_client(s, client_id).full_name)
            self.only_client.setText(self.tr("Only {name}").format(name=self.client_name))
            self.only_client.setChecked(True)
        else:
            self.only_client.hide()
            self.all_clients.setChecked(True)

        today = QDate.currentDate()
        self.whole_history = QCheckBox(self.tr("Their whole history"))
        self.whole_history.setObjectName("whole_history")
        self.start = QDateEdit(today.addDays(-30))
        self.start.setObjectName("start")
        self.end = QDateEdit(today)
        self.end.setObjectName("end")
        locale = ops.read(get_settings).locale
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            localise_date_edit(edit, locale)
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        period.addWidget(self.whole_history)
        period.addStretch(1)

        self.for_file = QRadioButton(self.tr("For the file"))
        self.for_file.setObjectName("variant_file")
        self.for_client = QRadioButton(self.tr("For the client"))
        self.for_client.setObjectName("variant_client")
        variants = QButtonGroup(self)
        variants.addButton(self.for_file)
        variants.addButton(self.for_client)
        self.include_money = QCheckBox(self.tr("with their account balance"))
        self.include_money.setObjectName("include_money")
        self.include_money.setEnabled(False)
        which = QHBoxLayout()
        which.addWidget(self.for_file)
        which.addWidget(self.for_client)
        which.addWidget(self.include_money)
        which.addStretch(1)

        self.include_drafts = QCheckBox(self.tr("Include unfinished drafts (marked as drafts)"))
        self.include_drafts.setObjectName("include_drafts")

        self.one_each = QRadioButton(self.tr("One PDF per summary"))
        self.one_each.setObjectName("one_each")
        self.one_each.setChecked(True)
        self.combined = QRadioButton(self.tr("One combined PDF"))
        self.combined.setObjectName("combined")
        shape = QButtonGroup(self)
        shape.addButton(self.one_each)
        shape.addButton(self.combined)
        files = QHBoxLayout()
        files.addWidget(self.one_each)
        files.addWidget(self.combined)
        files.addStretch(1)

        self.folder = QLineEdit(str(last_folder()))
        self.folder.setObjectName("folder")
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("choose_folder")
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(choose)

        form = QFormLayout()
        form.addRow(self.tr("Whose"), _row(self.only_client, self.all_clients))
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Summary"), which)
        form.addRow("", self.include_drafts)
        form.addRow(self.tr("Files"), files)
        form.addRow(self.tr("Folder"), where)

        self.count = quiet(QLabel())
        self.count.setObjectName("batch_count")
        self.error = error_label("batch_error")
        self.status = QLabel()
        self.status.setObjectName("batch_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        for button in (self.only_client, self.all_clients, self.for_file, self.for_client):
            button.toggled.connect(self._update)
        for box in (self.whole_history, self.include_drafts):
            box.toggled.connect(self._update)
        self.start.dateChanged.connect(self._update)
        self.end.dateChanged.connect(self._update)
        choose.clicked.connect(self.choose_folder)
        self.export_button.clicked.connect(self.export)
        close.clicked.connect(self.reject)
        self.whole_history.setChecked(client_id is not None)
        self._update()

    # -- hooks tests replace -------------------------------------------------------

    def ask_folder(self, current: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Export the summaries to"), str(current)
        )
        return Path(name) if name else None

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # -- choosing --------------------------------------------------------------------

    def variant(self) -> SummaryVariant | None:
        if self.for_file.isChecked():
            return SummaryVariant.FILE
        if self.for_client.isChecked():
            return SummaryVariant.CLIENT
        return None

    def _scope(self) -> tuple[int | None, dt.date | None, dt.date | None]:
        client_id = self.client_id if self.only_client.isChecked() else None
        whole = self.whole_history.isChecked() and client_id is not None
        start = None if whole else self.start.date().toPython()
        end = None if whole else self.end.date().toPython()
        return client_id, start, end  # type: ignore[return-value]

    def items(self) -> list[BatchItem]:
        """The summaries chosen; raises ValidationError for a period that makes no sense."""
        client_id, start, end = self._scope()
        drafts = self.include_drafts.isChecked()
        return self.ops.read(
            lambda s: printouts.batch_items(
                s, client_id=client_id, start=start, end=end, include_drafts=drafts
            )
        )

    def _update(self) -> None:
        is_client = self.variant() is SummaryVariant.CLIENT
        self.include_money.setEnabled(is_client)
        if not is_client:
            self.include_money.setChecked(False)
        whole_allowed = self.only_client.isChecked()
        self.whole_history.setVisible(self.client_id is not None)
        self.whole_history.setEnabled(whole_allowed)
        dated = not (whole_allowed and self.whole_history.isChecked())
        self.start.setEnabled(dated)
        self.end.setEnabled(dated)
        self.error.hide()
        try:
            found = len(self.items())
        except ValidationError as error:
            self.count.setText("")
            self.error.setText("⚠ " + " ".join(e.message for e in error.errors))
            self.error.show()
            self.export_button.setEnabled(False)
            return
        self.count.setText(
            self.tr("1 summary") if found == 1 else self.tr("{n} summaries").format(n=found)
        )
        self.export_button.setEnabled(found > 0 and self.variant() is not None)
        if self.variant() is None:
            self.count.setText(self.count.text() + " · " + self.tr("choose which summary"))

    def choose_folder(self) -> None:
        chosen = self.ask_folder(Path(self.folder.text() or str(last_folder())))
        if chosen is not None:
            self.folder.setText(str(chosen))

    # -- exporting -------------------------------------------------------------------

    def _writable_folder(self) -> Path | None:
        text = self.folder.text().strip()
        folder = Path(text).expanduser() if text else None
        if folder is None or not folder.is_dir():
            self.show_error(
                self.tr("Choose another folder"),
                self.tr("The folder {folder} does not exist.").format(folder=text or "(none)"),
            )
            return None
        if not os.access(folder, os.W_OK | os.X_OK):
            self.show_error(
                self.tr("Choose another folder"),
                self.tr(
                    "ClientCare cannot write to the folder {folder}. Choose a folder of "
                    "your own, such as Documents."
                ).format(folder=folder),
            )
            return None
        return folder

    def export(self) -> None:
        """Start the export; returns at once (the window stays usable while it runs)."""
        variant = self.variant()
        if variant is None or self.run is not None:
            return
        try:
            items = self.items()
        except ValidationError as error:
            self.error.setText("⚠ " + " ".join(e.message for e in error.errors))
            self.error.show()
            return
        folder = self._writable_folder()
        if folder is None or not items:
            return
        remember_folder(folder)
        printing.font_family()  # looked up once, before the first summary
        combined = None
        if self.combined.isChecked():
            combined = printouts.combined_file_name(
                items, client_name=self.client_name if self._scope()[0] else None
            )
        self.run = ExportRun(
            self.ops.database,
            items,
            variant=variant,
            include_money=self.include_money.isChecked(),
            folder=folder,
            combined_name=combined,
            size=page_size(self.ops),
            now=dt.datetime.now(),
            parent=self,
        )
        self.progress = QProgressDialog(
            self.tr("Exporting summaries…"), self.tr("Cancel"), 0, len(items), self
        )
        watch_window(self.progress)
        self.progress.setObjectName("batch_progress")
        self.progress.setWindowTitle(self.tr("Exporting summaries"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._cancel_requested)
        self.run.progress.connect(self._on_progress)
        self.run.finished.connect(self._on_finished)
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        self.run.start()
        self.progress.show()

    def _cancel_requested(self) -> None:
        if self.run is not None:
            self.run.cancel()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelling after the file being written…"))

    def _on_progress(self, done: int, name: str) -> None:
        # A local reference: a modal QProgressDialog.setValue() processes events, and a
        # Cancel or the dialog closing may run inside it and drop self.progress.
        progress = self.progress
        if progress is None:
            return
        progress.setValue(done)
        if name and self.progress is progress:
            total = progress.maximum()
            progress.setLabelText(
                self.tr("Writing {name} ({done} of {total})").format(
                    name=name, done=min(done + 1, total), total=total
                )
            )

    def _on_finished(self, result: ExportResult) -> None:
        self.export_result = result
        if result.written and self.run is not None:  # the audit log: what left the app
            ids = [item.interaction_id for item in self.run.items]
            record_print(self.ops, "interaction", ids, "session summary (PDF export)")
        if self.run is not None:
            self.run.deleteLater()
        self.run = None
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        self.export_button.setEnabled(True)
        self.status.setText(self.describe(result))
        if result.failure:
            self.show_error(self.tr("The export did not finish"), result.failure)
        self.export_finished.emit(result)

    def describe(self, result: ExportResult) -> str:
        files = len(result.written)
        where = result.written[0].parent if result.written else self.folder.text()
        if result.cancelled:
            return self.tr(
                "Cancelled. {files} of {total} files were written to {folder}; "
                "nothing was left half-written."
            ).format(files=files, total=result.total, folder=where)
        if result.failure:
            return "⚠ " + result.failure
        pages = (
            self.tr("1 page") if result.pages == 1 else self.tr("{n} pages").format(n=result.pages)
        )
        if files == 1:
            return self.tr("✓ Saved {name} ({pages}) in {folder}.").format(
                name=result.written[0].name, pages=pages, folder=where
            )
        return self.tr("✓ Saved {files} PDFs ({pages}) in {folder}.").format(
            files=files, pages=pages, folder=where
        )

    def done(self, result: int) -> None:
        """Closing while exporting cancels it; what was written is kept and recorded."""
        if self.run is not None:
            self.run.cancel()
            self.run.step()  # ends the run now, unless a summary is being written
        super().done(result)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
