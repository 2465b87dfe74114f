"""The layout of the main window (:class:`ui.main_window.MainWindow` behaves): the
sections in the sidebar, a page per section, the menus and the status bar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from ui import labels
from ui.icons import icon
from ui.labels import QT_TRANSLATE_NOOP
from ui.theme import sidebar_stylesheet


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    purpose: str


SECTIONS = (
    Section(
        "today",
        QT_TRANSLATE_NOOP("labels", "Today"),
        QT_TRANSLATE_NOOP(
            "labels",
            "Today brings together what needs care: the day's appointments, "
            "follow-ups due, check-ins with consent and issues by true urgency.",
        ),
    ),
    Section(
        "calendar",
        QT_TRANSLATE_NOOP("labels", "Calendar"),
        QT_TRANSLATE_NOOP(
            "labels",
            "Day and week views of appointments, recurring series, conflicts and the waitlist.",
        ),
    ),
    Section("clients", QT_TRANSLATE_NOOP("labels", "Clients"), ""),
    Section(
        "money",
        QT_TRANSLATE_NOOP("labels", "Money"),
        QT_TRANSLATE_NOOP(
            "labels", "Fees, sliding scale, charges, payments and gentle money conversations."
        ),
    ),
    Section(
        "referrals",
        QT_TRANSLATE_NOOP("labels", "Referrals"),
        QT_TRANSLATE_NOOP(
            "labels", "The provider directory, referrals out and in, warm hand-offs and follow-ups."
        ),
    ),
    Section(
        "followups",
        QT_TRANSLATE_NOOP("labels", "Follow-ups"),
        QT_TRANSLATE_NOOP(
            "labels",
            "Client issues by urgency, expectations to review and consent-based check-ins.",
        ),
    ),
    Section(
        "reports",
        QT_TRANSLATE_NOOP("labels", "Reports"),
        QT_TRANSLATE_NOOP("labels", "Reports on the practice over a period."),
    ),
    Section(
        "settings",
        QT_TRANSLATE_NOOP("labels", "Settings"),
        QT_TRANSLATE_NOOP("labels", "Practice settings, service principles and word lists."),
    ),
)


#: The File menu's CSV items, by name (the menu's words are in MainWindowView._build_menus).
CSV_ACTIONS = ("import_clients_csv", "export_clients_csv", "export_ledger_csv")


class MainWindowView(QMainWindow):
    """The sidebar of sections beside a stack with one page per section (a stand-in until
    the window builds the screen), the File, Go, Client and Help menus, and the database
    shown in the status bar.

    Every menu item is in ``named_actions`` by name (its object name is ``action_<name>``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setMinimumSize(QSize(960, 600))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setFixedWidth(170)
        self.sidebar.setSpacing(2)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setStyleSheet(sidebar_stylesheet())
        self.stack = QStackedWidget()
        for number, section in enumerate(SECTIONS, start=1):
            item = QListWidgetItem(icon(section.key), labels.translate(section.title))
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setToolTip(
                self.tr("{title} (Ctrl+{n})").format(
                    title=labels.translate(section.title), n=number
                )
            )
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())  # stands in until the screen is built

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.named_actions: dict[str, QAction] = {}
        self._build_menus()
        self.database_label = QLabel()
        self.database_label.setObjectName("database_label")
        self.statusBar().addPermanentWidget(self.database_label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            # Light ↔ dark: the icons are drawn in the palette's text colour.
            for row, section in enumerate(SECTIONS):
                item = self.sidebar.item(row)
                if item is not None:
                    item.setIcon(icon(section.key))
        super().changeEvent(event)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._add_action(file_menu, "backup", self.tr("&Back up now…"), "", "backup")
        self._add_action(file_menu, "restore", self.tr("&Restore…"), "")
        self._add_action(file_menu, "lock", self.tr("&Lock now"), "Ctrl+Shift+L", "lock")
        file_menu.addSeparator()
        self._add_action(file_menu, "print", self.tr("&Print…"), "Ctrl+P", "print")
        file_menu.addSeparator()
        self._add_action(file_menu, "export_ics", self.tr("&Export calendar (.ics)…"), "")
        self._add_action(file_menu, "import_ics", self.tr("&Import calendar (.ics)…"), "")
        csv_texts = (
            self.tr("Import &clients (CSV)…"),
            self.tr("Export clien&ts (CSV)…"),
            self.tr("Export le&dger (CSV)…"),
        )
        for name, text in zip(CSV_ACTIONS, csv_texts, strict=True):
            self._add_action(file_menu, name, text, "")
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        # Not every platform theme defines StandardKey.Quit; Ctrl+Q is what people expect.
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        if quit_action.shortcut().isEmpty():
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        file_menu.addAction(quit_action)
        self.named_actions["quit"] = quit_action

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, section in enumerate(SECTIONS, start=1):
            action = QAction(icon(section.key), labels.translate(section.title), self)
            action.setObjectName(f"action_go_{section.key}")
            keys = [QKeySequence(f"Ctrl+{number}")]
            if section.key == "today":
                keys.append(QKeySequence("Ctrl+T"))
            action.setShortcuts(keys)
            go_menu.addAction(action)
            self.named_actions[f"go_{section.key}"] = action

        client_menu = self.menuBar().addMenu(self.tr("&Client"))
        find = self._add_action(client_menu, "find", self.tr("&Find…"), "Ctrl+F")
        find.setStatusTip(self.tr("Search this screen's list; elsewhere, search the clients"))
        self._add_action(client_menu, "new_client", self.tr("New c&lient"), "Ctrl+Shift+N")
        self._add_action(client_menu, "new_appointment", self.tr("New &appointment…"), "Ctrl+N")
        self._add_action(
            client_menu, "new_interaction", self.tr("New &contact / session note…"), "Ctrl+I", "new"
        )
        client_menu.addSeparator()
        self._add_action(client_menu, "running_late", self.tr("I'm &running late…"), "Ctrl+L")

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._add_action(help_menu, "user_guide", self.tr("User &guide"), "F1")
        self._add_action(help_menu, "keyboard_shortcuts", self.tr("&Keyboard shortcuts"), "Ctrl+/")
        help_menu.addSeparator()
        self._add_action(help_menu, "set_up", self.tr("&Set up the practice…"), "")
        self._add_action(help_menu, "open_data_folder", self.tr("Open &data folder"), "")
        self._add_action(help_menu, "open_demo", self.tr("Look around the de&mo practice"), "")
        help_menu.addSeparator()
        self._add_action(help_menu, "about", self.tr("&About ClientCare"), "")

    def _add_action(
        self, menu: QMenu, name: str, text: str, keys: str, icon_name: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        action.setObjectName(f"action_{name}")
        if keys:
            action.setShortcut(QKeySequence(keys))
        menu.addAction(action)
        self.named_actions[name] = action
        return action
