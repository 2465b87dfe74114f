"""The main window: sidebar navigation, one screen at a time, menus and a status bar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from clientcare.backup import backup_to
from clientcare.db.migrate import OpenReport
from clientcare.practice import get_settings
from ui.dialogs.ical import ExportDialog, ImportDialog
from ui.ops import Operations
from ui.screens.calendar import CalendarScreen
from ui.screens.clients import ClientsScreen
from ui.screens.placeholder import ComingSoonScreen
from ui.screens.reports import ReportsScreen
from ui.screens.settings import SettingsScreen
from ui.screens.today import TodayScreen


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    purpose: str


SECTIONS = (
    Section(
        "today",
        "Today",
        "Today brings together what needs care: the day's appointments, "
        "follow-ups due, check-ins with consent and issues by true urgency.",
    ),
    Section(
        "calendar",
        "Calendar",
        "Day and week views of appointments, recurring series, conflicts and the waitlist.",
    ),
    Section("clients", "Clients", ""),
    Section(
        "money", "Money", "Fees, sliding scale, charges, payments and gentle money conversations."
    ),
    Section(
        "referrals",
        "Referrals",
        "The provider directory, referrals out and in, warm hand-offs and follow-ups.",
    ),
    Section(
        "followups",
        "Follow-ups",
        "Client issues by urgency, expectations to review and consent-based check-ins.",
    ),
    Section("reports", "Reports", "Reports on the practice over a period."),
    Section("settings", "Settings", "Practice settings, service principles and word lists."),
)


class MainWindow(QMainWindow):
    def __init__(
        self, ops: Operations, report: OpenReport | None = None, *, demo: bool = False
    ) -> None:
        super().__init__()
        self.ops = ops
        self.setObjectName("main_window")
        practice = ops.read(lambda s: get_settings(s).name)
        title = "ClientCare" + (f" — {practice}" if practice else "")
        if demo:
            title += " " + self.tr("(demo practice)")
        self.setWindowTitle(title)
        self.setMinimumSize(QSize(960, 600))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setFixedWidth(170)
        self.sidebar.setSpacing(2)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { border: none; background: palette(window); padding-top: 8px; }"
            "QListWidget#sidebar::item { padding: 8px 14px; border-radius: 4px; }"
            "QListWidget#sidebar::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.stack = QStackedWidget()
        self.screens: dict[str, QWidget] = {}
        for number, section in enumerate(SECTIONS, start=1):
            item = QListWidgetItem(self.tr(section.title))
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setToolTip(self.tr("{title} (Ctrl+{n})").format(title=section.title, n=number))
            self.sidebar.addItem(item)
            screen = self._make_screen(section)
            screen.setObjectName(f"screen_{section.key}")
            self.screens[section.key] = screen
            self.stack.addWidget(screen)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.database_label = QLabel(self._database_text(demo))
        self.database_label.setObjectName("database_label")
        self.statusBar().addPermanentWidget(self.database_label)
        if report is not None and report.upgraded_from is not None:
            where = f" {report.backup_path}" if report.backup_path else ""
            self.statusBar().showMessage(
                self.tr(
                    "The database was upgraded; the previous version was kept at{where}."
                ).format(where=where)
            )
        self.go_to("clients")
        self._restore_geometry()

    def _make_screen(self, section: Section) -> QWidget:
        if section.key == "clients":
            return ClientsScreen(self.ops)
        if section.key == "today":
            return TodayScreen(self.ops)
        if section.key == "calendar":
            return CalendarScreen(self.ops)
        if section.key == "reports":
            return ReportsScreen(self.ops)
        if section.key == "settings":
            return SettingsScreen(self.ops)
        return ComingSoonScreen(self.tr(section.title), self.tr(section.purpose))

    def _database_text(self, demo: bool) -> str:
        path = self.ops.database.path
        where = str(path) if path else self.ops.database.engine.url.render_as_string()
        prefix = self.tr("Demo practice (fictional)") if demo else self.tr("Database")
        return f"{prefix}: {where}"

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        backup = QAction(self.tr("&Back up now…"), self)
        backup.setObjectName("action_backup")
        backup.triggered.connect(self.back_up_now)
        file_menu.addAction(backup)
        file_menu.addSeparator()
        export_ics = QAction(self.tr("&Export calendar (.ics)…"), self)
        export_ics.setObjectName("action_export_ics")
        export_ics.triggered.connect(self.export_calendar)
        file_menu.addAction(export_ics)
        import_ics = QAction(self.tr("&Import calendar (.ics)…"), self)
        import_ics.setObjectName("action_import_ics")
        import_ics.triggered.connect(self.import_calendar)
        file_menu.addAction(import_ics)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        # Not every platform theme defines StandardKey.Quit; Ctrl+Q is what people expect.
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        if quit_action.shortcut().isEmpty():
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, section in enumerate(SECTIONS, start=1):
            action = QAction(self.tr(section.title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, key=section.key: self.go_to(key))
            go_menu.addAction(action)

        client_menu = self.menuBar().addMenu(self.tr("&Client"))
        new_contact = QAction(self.tr("New &contact / session note…"), self)
        new_contact.setObjectName("action_new_interaction")
        new_contact.setShortcut(QKeySequence("Ctrl+I"))
        new_contact.triggered.connect(self.new_interaction)
        client_menu.addAction(new_contact)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ClientCare"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def go_to(self, key: str) -> None:
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)
                return
        raise KeyError(key)

    def current_section(self) -> str:
        return str(self.sidebar.currentItem().data(Qt.ItemDataRole.UserRole))

    def new_interaction(self) -> None:
        """Write up a contact with the client selected on the Clients screen."""
        screen = self.screens["clients"]
        assert isinstance(screen, ClientsScreen)
        if screen.form.client is None:
            self.go_to("clients")
            self.statusBar().showMessage(
                self.tr("Choose a client first, then press Ctrl+I again."), 6000
            )
            return
        screen.form.open_interaction(None)

    def back_up_now(self) -> None:
        source = self.ops.database.path
        if source is None:
            QMessageBox.information(
                self,
                self.tr("Back up"),
                self.tr("This database is on a server; back it up with the server's tools."),
            )
            return
        suggested = source.parent / f"clientcare-backup-{dt.datetime.now():%Y%m%d-%H%M}.sqlite3"
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database to"), str(suggested), "SQLite (*.sqlite3)"
        )
        if not target:
            return
        try:
            written = backup_to(source, Path(target))
        except OSError as error:
            QMessageBox.critical(
                self,
                self.tr("Backup failed"),
                self.tr("The backup could not be written: {error}").format(error=error.strerror),
            )
            return
        self.statusBar().showMessage(self.tr("Backup saved to {path}").format(path=written), 8000)

    def export_calendar(self) -> None:
        dialog = ExportDialog(self.ops, self)
        if dialog.exec() == ExportDialog.DialogCode.Accepted and dialog.written:
            self.statusBar().showMessage(
                self.tr("Calendar saved to {path}").format(path=dialog.written), 8000
            )

    def import_calendar(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a calendar file"), "", "iCalendar (*.ics);;All files (*)"
        )
        if not name:
            return
        dialog = ImportDialog(self.ops, Path(name), self)
        if dialog.exec() == ImportDialog.DialogCode.Accepted and dialog.model.report:
            self.statusBar().showMessage(
                self.tr("Imported {n} events from {name}").format(
                    n=dialog.model.report.imported, name=Path(name).name
                ),
                8000,
            )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ClientCare"),
            self.tr(
                "<h3>ClientCare</h3><p>A client-care manager for small practices: clients, "
                "appointments and the service principles, kept on your own computer.</p>"
            ),
        )

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        clients_screen = self.screens.get("clients")
        if isinstance(clients_screen, ClientsScreen) and not clients_screen.confirm_leave():
            event.ignore()
            return
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
