"""The Help menu's windows: keyboard shortcuts, the user guide, About, the data folder."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QProcess, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clientcare import config
from ui.dialog import Dialog

GUIDE = Path(__file__).resolve().parents[2] / "resources" / "guide" / "guide.md"

#: Shortcuts that belong to one screen or dialog rather than to a menu: (where, keys, what).
SCREEN_SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("Clients", "Ctrl+S", "Save the client's details"),
    ("Calendar", "Left / Right", "The previous or next day (in the time grid)"),
    ("Calendar", "Double-click", "Book the empty slot, or open the appointment"),
    ("Session note", "Ctrl+P", "Print the session summary"),
    ("Any list", "Type letters", "Jump to the first row starting with them"),
    ("Any dialog", "Esc", "Close without saving"),
)


def plain(text: str) -> str:
    """A menu text without its mnemonic ampersands and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """Every menu action with a shortcut, as (menu, keys, action), in menu order.

    Read from the menus themselves, so the sheet never lists a key that is not there.
    """
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()  # a QMenu in a widgets application (typed QObject)
            if sub is not None:
                assert isinstance(sub, QMenu)
                walk(sub, f"{path} → {plain(action.text())}")
                continue
            keys = [
                key.toString(QKeySequence.SequenceFormat.NativeText)
                for key in action.shortcuts()
                if not key.isEmpty()
            ]
            if keys and not action.isSeparator():
                rows.append((path, " or ".join(keys), plain(action.text())))

    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            assert isinstance(menu, QMenu)
            walk(menu, plain(top.text()))
    return rows


class ShortcutsDialog(Dialog):
    """Help → Keyboard shortcuts: every menu shortcut, then the screens' own keys."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = menu_shortcuts(window)
        rows += [(where, keys, what) for where, keys, what in SCREEN_SHORTCUTS]
        self.table = QTableWidget(len(rows), 3)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("shortcuts_table")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Where"), self.tr("Keys"), self.tr("What it does")]
        )
        for row, (where, keys, what) in enumerate(rows):
            for column, text in enumerate((self.tr(where), keys, self.tr(what))):
                item = QTableWidgetItem(text)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(660, 640)

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            (self._text(r, 0), self._text(r, 1), self._text(r, 2))
            for r in range(self.table.rowCount())
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        assert item is not None  # __init__ fills every cell
        return item.text()


class GuideDialog(Dialog):
    """Help → User guide: the short guide shipped in resources/guide/, read here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("ClientCare user guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)
        try:
            self.browser.setMarkdown(GUIDE.read_text(encoding="utf-8"))
        except OSError as error:
            self.browser.setPlainText(
                self.tr("The guide could not be read ({path}: {error}).").format(
                    path=GUIDE, error=error.strerror
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)


def about_facts(database_location: str) -> list[tuple[str, str]]:
    """What About shows: (label, value) pairs."""
    try:
        version = importlib.metadata.version("clientcare")
    except importlib.metadata.PackageNotFoundError:
        version = "not installed (running from the source folder)"
    return [
        ("Version", version),
        ("Data folder", str(config.data_dir())),
        ("Database", database_location),
        ("Qt", f"{qVersion()} (PySide6 {pyside_version})"),
    ]


class AboutDialog(Dialog):
    """Help → About: what this is, its version, and where the data is."""

    def __init__(self, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About ClientCare"))
        title = QLabel(self.tr("<h2>ClientCare</h2>"))
        blurb = QLabel(
            self.tr(
                "A client-care manager for small practices: clients, appointments, session "
                "notes, money and referrals, with the practice's service principles in front "
                "of you when they matter. Everything is kept in one database on this computer "
                "(or your practice's server)."
            )
        )
        blurb.setWordWrap(True)
        facts = QLabel()
        facts.setObjectName("about_facts")
        facts.setTextFormat(Qt.TextFormat.RichText)
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.setWordWrap(True)
        self.facts = about_facts(database_location)
        facts.setText(
            "<table cellspacing='4'>"
            + "".join(
                f"<tr><td><b>{self.tr(label)}</b></td><td>{_escape(value)}</td></tr>"
                for label, value in self.facts
            )
            + "</table>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_folder = buttons.addButton(
            self.tr("Open data &folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder.setObjectName("open_data_folder")
        self.open_folder.clicked.connect(open_data_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addWidget(facts)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 320)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_data_folder() -> bool:
    """Open ClientCare's data folder in the file manager; False when that failed."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(config.data_dir())))


def own_command(*arguments: str) -> list[str]:
    """How to start ClientCare again with ``arguments``: the packaged program itself, or
    this Python running the project's main.py."""
    if getattr(sys, "frozen", False):  # a packaged build: the executable is ClientCare
        return [sys.executable, *arguments]
    return [sys.executable, str(Path(__file__).resolve().parents[2] / "main.py"), *arguments]


def open_demo_practice() -> bool:
    """Open the fictional demo practice in a window of its own (its own database, created on
    first use; the practitioner's own stays open and untouched). False when it could not
    be started."""
    program, *arguments = own_command("--demo")
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


def menu_actions(window: QMainWindow) -> list[QAction]:
    """Every action in the window's menus (including sub-menus), in order."""
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            sub = action.menu()  # a QMenu in a widgets application (typed QObject)
            if sub is not None:
                assert isinstance(sub, QMenu)
                walk(sub)
            elif not action.isSeparator():
                found.append(action)

    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            assert isinstance(menu, QMenu)
            walk(menu)
    return found
