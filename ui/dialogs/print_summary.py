"""Print a session summary: for the file or for the client, chosen explicitly each time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clientcare import audit, interactions, locale_format, printouts
from clientcare.db.models import InteractionKind, InteractionState
from clientcare.practice import get_settings
from clientcare.printouts import Printout, SummaryVariant
from ui import printing
from ui.dialog import Dialog
from ui.labels import label
from ui.ops import Operations
from ui.theme import look, set_heading
from ui.widgets.fields import error_label
from ui.widgets.saved_file import SavedFileRow

LAST_FOLDER_KEY = "printing/last_folder"


def last_folder() -> Path:
    """Where the last PDF was saved, else the user's Documents folder."""
    saved = QSettings().value(LAST_FOLDER_KEY)
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(folder: Path) -> None:
    QSettings().setValue(LAST_FOLDER_KEY, str(folder))


def page_size(ops: Operations) -> str:
    """A4 or Letter, from the practice's locale."""
    return printouts.page_size_for_locale(ops.read(printouts.practice_context)["locale"])


def record_print(ops: Operations, entity: str, ids: int | list[int], what: str) -> None:
    """Note in the audit log that a printout of these records left the app (never its text)."""
    ids = [ids] if isinstance(ids, int) else ids

    def record(session: Any) -> None:  # a Session (dialogs import no SQLAlchemy)
        for i in ids:
            audit.record_print(session, entity, i, what)

    ops.run(record)


def quiet(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    look(label, "muted")
    return label


class PrintSummaryDialog(Dialog):
    """Choose the summary (no default: chosen each time), then preview, print or save."""

    def __init__(self, ops: Operations, interaction_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.interaction_id = interaction_id
        self.setObjectName("print_summary")
        self.setWindowTitle(self.tr("Print session summary"))
        self.setMinimumWidth(520)
        detail = ops.read(
            lambda s: interactions.get_interaction(s, interaction_id, today=dt.date.today())
        )
        self.client_name = detail.client_name
        self.practice_locale = ops.read(lambda s: get_settings(s).locale)
        self.occurred_at = detail.occurred_at
        kind = label(interactions.KIND_LABELS, detail.kind)
        heading = QLabel(
            self.tr("{kind} with {name}, {when}").format(
                kind=kind,
                name=detail.client_preferred_name,
                when=locale_format.day(detail.occurred_at.date(), self.practice_locale),
            )
        )
        heading.setObjectName("print_summary_heading")
        heading.setTextFormat(Qt.TextFormat.PlainText)  # a name like "<b>Bob</b>" stays text
        set_heading(heading, "subheading")

        self.for_file = QRadioButton(self.tr("For the &file"))
        self.for_file.setObjectName("variant_file")
        self.for_client = QRadioButton(self.tr("For the &client"))
        self.for_client.setObjectName("variant_client")
        self.variants = QButtonGroup(self)
        self.variants.addButton(self.for_file)
        self.variants.addButton(self.for_client)
        file_help = quiet(
            QLabel(
                self.tr(
                    "Everything: notes, the client's words, next steps, the checklist "
                    "answers and your notes for you only. Confidential."
                )
            )
        )
        client_help = quiet(
            QLabel(
                self.tr(
                    "In plain words: what they told you, the next steps you agreed, "
                    "expectations, the next appointment and how to reach you. Never your "
                    "session notes, never your notes for you only."
                )
            )
        )
        self.include_money = QCheckBox(self.tr("Include their account balance on this copy"))
        self.include_money.setObjectName("include_money")
        self.include_money.setEnabled(False)
        box = QGroupBox(self.tr("Which summary?"))
        box_layout = QVBoxLayout(box)
        left = (
            Qt.AlignmentFlag.AlignLeft
        )  # the radio's own width: a click beside it is not a choice
        box_layout.addWidget(self.for_file, 0, left)
        box_layout.addWidget(_indented(file_help))
        box_layout.addSpacing(6)
        box_layout.addWidget(self.for_client, 0, left)
        box_layout.addWidget(_indented(client_help))
        box_layout.addWidget(_indented(self.include_money))

        self.draft_note = quiet(
            QLabel(self.tr("This record is still a draft; the copy for the file says so."))
        )
        self.draft_note.setObjectName("draft_note")
        self.draft_note.setVisible(detail.state is InteractionState.DRAFT)
        self.hint = quiet(QLabel(self.tr("Choose which summary to print.")))
        self.hint.setObjectName("variant_hint")
        self.warnings = error_label("print_warnings")
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setObjectName("print_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.preview_button = QPushButton(self.tr("Pre&view…"))
        self.preview_button.setObjectName("preview")
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("print")
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.setObjectName("save_pdf")
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(False)
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.draft_note)
        layout.addWidget(box)
        layout.addWidget(self.hint)
        layout.addWidget(self.warnings)
        layout.addWidget(self.status)
        self.saved = SavedFileRow()
        layout.addWidget(self.saved)
        layout.addLayout(buttons)

        self.variants.buttonToggled.connect(self._variant_changed)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)

    # -- hooks tests replace -------------------------------------------------------

    def ask_save_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the summary as PDF"), str(suggested), self.tr("PDF (*.pdf)")
        )
        return Path(name) if name else None

    def run_preview(self, printout: Printout, size: str) -> None:
        printing.print_preview(self, printout, size)

    def run_print(self, printout: Printout, size: str) -> bool:
        return printing.print_dialog(self, printout, size)

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # -- choosing --------------------------------------------------------------------

    def variant(self) -> SummaryVariant | None:
        if self.for_file.isChecked():
            return SummaryVariant.FILE
        if self.for_client.isChecked():
            return SummaryVariant.CLIENT
        return None

    def _variant_changed(self) -> None:
        chosen = self.variant()
        is_client = chosen is SummaryVariant.CLIENT
        self.include_money.setEnabled(is_client)
        if not is_client:
            self.include_money.setChecked(False)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(chosen is not None)
        self.hint.setVisible(chosen is None)
        self.status.clear()

    def printout(self) -> Printout | None:
        """The summary as chosen, with any template warning shown; None if none chosen."""
        variant = self.variant()
        if variant is None:
            return None
        money = variant is SummaryVariant.CLIENT and self.include_money.isChecked()
        printout = self.ops.read(
            lambda s: printouts.session_summary(
                s,
                self.interaction_id,
                variant=variant,
                include_money=money,
                now=dt.datetime.now(),
            )
        )
        self.warnings.setText("\n".join(f"⚠ {w}" for w in printout.warnings))
        self.warnings.setVisible(bool(printout.warnings))
        return printout

    def _what(self, how: str) -> str:
        return f"session summary for the {self.variant()} ({how})"

    def suggested_name(self) -> str:
        stem = printouts.summary_file_name(
            self.occurred_at, self.client_name, InteractionKind.SESSION
        )[:-4]
        kind = "for the client" if self.variant() is SummaryVariant.CLIENT else "for the file"
        return printouts.safe_file_name(f"{stem} {kind}") + ".pdf"

    # -- actions ---------------------------------------------------------------------

    def preview(self) -> None:
        printout = self.printout()
        if printout is not None:
            self.run_preview(printout, page_size(self.ops))

    def print_(self) -> None:
        printout = self.printout()
        if printout is not None and self.run_print(printout, page_size(self.ops)):
            record_print(self.ops, "interaction", self.interaction_id, self._what("printed"))
            self.saved.clear()
            self.status.setText(self.tr("✓ Sent to the printer."))

    def save_pdf(self) -> Path | None:
        printout = self.printout()
        if printout is None:
            return None
        path = self.ask_save_path(last_folder() / self.suggested_name())
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            pages = printing.save_pdf(printout, path, page_size=page_size(self.ops))
        except OSError as error:
            self.show_error(
                self.tr("The PDF was not saved"),
                self.tr("ClientCare could not write to the folder {folder}: {reason}").format(
                    folder=path.parent, reason=error.strerror or error
                ),
            )
            return None
        remember_folder(path.parent)
        record_print(self.ops, "interaction", self.interaction_id, self._what("PDF"))
        self.status.clear()
        self.saved.show_saved(path, pages)
        return path


def _indented(widget: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(24, 0, 0, 0)
    row.addWidget(widget, 1 if isinstance(widget, QLabel) else 0)
    if not isinstance(widget, QLabel):
        row.addStretch(1)
    return holder
