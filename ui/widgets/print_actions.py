"""Preview…, Print… and Save as PDF… for one printout, with what happened said plainly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientcare.printouts import Printout
from ui import printing
from ui.dialogs.print_summary import last_folder, page_size, remember_folder
from ui.ops import Operations
from ui.widgets.fields import error_label
from ui.widgets.saved_file import SavedFileRow


class PrintActions(QWidget):
    """The three printing buttons for whatever ``make`` returns (None: not ready yet)."""

    output = Signal(str)  # "printed" or "PDF": the printout left the app (for the audit log)

    def __init__(
        self,
        ops: Operations,
        make: Callable[[], Printout | None],
        suggested_name: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.make = make
        self.suggested_name = suggested_name
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
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setAutoDefault(False)
            self.buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warnings)
        layout.addWidget(self.status)
        self.saved = SavedFileRow()
        layout.addWidget(self.saved)
        layout.addLayout(self.buttons)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)

    def set_ready(self, ready: bool) -> None:
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(ready)
        self.status.clear()

    # -- hooks tests replace -------------------------------------------------------

    def ask_save_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(suggested), self.tr("PDF (*.pdf)")
        )
        return Path(name) if name else None

    def run_preview(self, printout: Printout, size: str) -> None:
        printing.print_preview(self, printout, size)

    def run_print(self, printout: Printout, size: str) -> bool:
        return printing.print_dialog(self, printout, size)

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # -- actions ---------------------------------------------------------------------

    def printout(self) -> Printout | None:
        printout = self.make()
        if printout is not None:
            self.warnings.setText("\n".join(f"⚠ {w}" for w in printout.warnings))
            self.warnings.setVisible(bool(printout.warnings))
        return printout

    def preview(self) -> None:
        printout = self.printout()
        if printout is not None:
            self.run_preview(printout, page_size(self.ops))

    def print_(self) -> None:
        printout = self.printout()
        if printout is not None and self.run_print(printout, page_size(self.ops)):
            self.saved.clear()
            self.status.setText(self.tr("✓ Sent to the printer."))
            self.output.emit("printed")

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
        self.output.emit("PDF")
        self.status.clear()
        self.saved.show_saved(path, pages)
        return path
