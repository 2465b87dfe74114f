"""After a file is saved: what was saved where, and Open / Show in folder beside it (a
PDF made for a client is usually e-mailed or printed next, so the file is one click away)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


def open_path(path: Path) -> bool:
    """Open ``path`` (a file or a folder) with the desktop's application for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SavedFileRow(QWidget):
    """ "✓ Saved ‹name› (2 pages) in ‹folder›. [Open] [Show in folder]", hidden until then."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saved_file")
        self.path: Path | None = None
        self.message = QLabel()
        self.message.setObjectName("saved_file_message")
        self.message.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("open_saved_file")
        self.folder_button = QPushButton(self.tr("Show in &folder"))
        self.folder_button.setObjectName("show_saved_file_folder")
        for button in (self.open_button, self.folder_button):
            button.setAutoDefault(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_folder)
        self.hide()

    def text(self) -> str:
        return self.message.text()

    def show_saved(self, path: Path, pages: int) -> None:
        """Say ``path`` was saved (``pages`` long) and offer to open it or its folder."""
        self.path = path
        pages_text = self.tr("1 page") if pages == 1 else self.tr("{n} pages").format(n=pages)
        self.message.setText(
            self.tr("✓ Saved {name} ({pages}) in {folder}.").format(
                name=path.name, pages=pages_text, folder=path.parent
            )
        )
        self.show()

    def clear(self) -> None:
        self.path = None
        self.message.clear()
        self.hide()

    # -- hooks tests replace -------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        return open_path(path)

    # -- actions ---------------------------------------------------------------------

    def open_file(self) -> None:
        if self.path is not None and not self.open_path(self.path):
            self.message.setText(
                self.tr("Could not open {name}: no application for PDF files was found.").format(
                    name=self.path.name
                )
            )

    def show_folder(self) -> None:
        if self.path is not None and not self.open_path(self.path.parent):
            self.message.setText(
                self.tr("Could not open the folder {folder}.").format(folder=self.path.parent)
            )
