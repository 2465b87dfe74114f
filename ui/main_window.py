"""The main window: sidebar navigation, one screen at a time, menus and a status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from clientcare.care import CareItem, CareKind, CareList, sidebar_breakdown, sidebar_counts
from clientcare.db.migrate import OpenReport
from clientcare.practice import get_settings
from clientcare.scope import own_scope
from ui import labels
from ui.finished_dialogs import FinishedDialogs
from ui.fit_screen import screen_of
from ui.idle_lock import IdleLock
from ui.object_tree import delete_now, descendants
from ui.ops import Operations
from ui.screens.today import TodayScreen
from ui.subject import Subject, subject_of
from ui.views.main_window import CSV_ACTIONS, SECTIONS, MainWindowView, Section

if TYPE_CHECKING:
    from ui.screens.clients import ClientsScreen

# The other screens and the calendar dialogs are imported when first needed (start-up
# imports only what the first screens use).


class LazyScreens(dict[str, QWidget]):
    """The screens built so far, by section key; ``screens[key]`` builds one not built yet.

    ``get``, ``values`` and ``in`` see only the built ones (a screen never shown has no
    unsaved changes and nothing to refresh).
    """

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        if key not in {section.key for section in SECTIONS}:
            raise KeyError(key)
        screen = self._build(key)
        self[key] = screen
        return screen


class MainWindow(MainWindowView):
    """The window: the sections in the sidebar, the screen shown, the menus' actions.

    The layout (sidebar, stack, menus, status bar) is :class:`ui.views.main_window.MainWindowView`;
    this class builds the screens when first shown, runs the menus' actions and keeps the
    counts beside the sections up to date.
    """

    def __init__(
        self, ops: Operations, report: OpenReport | None = None, *, demo: bool = False
    ) -> None:
        super().__init__()
        self.ops = ops
        self.demo = demo
        self.refresh_title()
        # Screens are built when first shown (or asked for): start-up builds one, not eight.
        self.screens = LazyScreens(self._build_screen)
        self.sidebar.currentRowChanged.connect(self._show_section)
        self._connect_menus()
        self.named_actions["open_demo"].setVisible(not demo)  # it is the demo already
        self.idle_lock = IdleLock(self)
        self.finished_dialogs = FinishedDialogs(self)  # dialogs done with are freed
        self.database_label.setText(self._database_text(demo))
        if report is not None and report.upgraded_from is not None:
            where = f" {report.backup_path}" if report.backup_path else ""
            self.statusBar().showMessage(
                self.tr(
                    "The database was upgraded; the previous version was kept at{where}."
                ).format(where=where)
            )
        self._ask_who_on_a_shared_server()
        self.go_to("today")  # the day and what needs care come first
        self._restore_geometry()
        # Counts beside the sections: refreshed shortly after any change (several changes
        # in a row make one refresh).
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(300)
        self._counts_timer.timeout.connect(self.refresh_counts)
        ops.changed.connect(lambda _changes: self._counts_timer.start())
        if "today" not in self.screens:
            self.refresh_counts()

    def _ask_who_on_a_shared_server(self) -> None:
        """On a shared server, say how to tell ClientCare who uses this computer."""
        if getattr(self.ops.database, "this_computer", None) is None:
            return
        from clientcare.audit import current_practitioner_id
        from clientcare.practice import list_practitioners

        known = self.ops.read(current_practitioner_id)
        busy = bool(self.statusBar().currentMessage())  # e.g. "the database was upgraded"
        if known is None and not busy and self.ops.read(list_practitioners):
            self.statusBar().showMessage(
                self.tr(
                    "This practice's database is shared. Tell ClientCare who you are in "
                    "Settings → Practitioners (“This is me”), so what you change carries "
                    "your name."
                )
            )

    def refresh_counts(self) -> None:
        """Write how many items need care beside Today and the section that handles them.

        While Today is shown it reads the care list on every change and the counts come
        with it (``show_counts``); otherwise the care list is read here.
        """
        from ui.widgets.care_list import read_care_list

        today_screen = self.screens.get("today")
        if today_screen is not None and today_screen.isVisible():
            return
        # Whose care is counted: as Today shows it (your clients unless asked otherwise).
        panel = getattr(today_screen, "care", None)
        scope = panel.scope_choice.scope() if panel is not None else self.ops.read(own_scope)
        self.show_counts(read_care_list(self.ops, dt.date.today(), scope))

    def show_counts(self, care: CareList) -> None:
        """The counts of ``care`` beside Today and the sections that handle its items; the
        tooltip and the accessible name say what is counted."""
        counts = sidebar_counts(care)
        breakdown = sidebar_breakdown(care)
        for row, section in enumerate(SECTIONS):
            item = self.sidebar.item(row)
            title = labels.translate(section.title)
            number = counts.get(section.key, 0)
            item.setText(f"{title}  ({number})" if number else title)
            shortcut = self.tr("{title} (Ctrl+{n})").format(title=title, n=row + 1)
            if number:
                what = "; ".join(breakdown.get(section.key, []))
                item.setToolTip(
                    shortcut
                    + "\n"
                    + self.tr("{n} need your care: {what}").format(n=number, what=what)
                )
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    self.tr("{title}: {what}").format(title=title, what=what),
                )
            else:
                item.setToolTip(shortcut)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, title)

    def refresh_title(self) -> None:
        """The window title: the practice's name, and whether it is the demo (Qt adds
        " — ClientCare", the application's name, once: "Riverside — ClientCare")."""
        practice = self.ops.read(lambda s: get_settings(s).name)
        title = practice or "ClientCare"
        if self.demo and "demo" not in title.lower():  # the demo's own name says so already
            title += " " + self.tr("(demo practice)")
        self.setWindowTitle(title)

    def _show_section(self, row: int) -> None:
        if 0 <= row < len(SECTIONS):
            self.screens[SECTIONS[row].key]  # built on the first visit
        self.stack.setCurrentIndex(row)

    def _build_screen(self, key: str) -> QWidget:
        """Build the screen of section ``key`` in place of its stand-in in the stack."""
        row = next(number for number, section in enumerate(SECTIONS) if section.key == key)
        screen = self._make_screen(SECTIONS[row])
        screen.setObjectName(f"screen_{key}")
        # A key the window's menus own (Ctrl+N, Ctrl+L, Ctrl+F…) is handed to the screen by
        # the menu action; a second shortcut on the same key would cancel both out.
        menu_keys = self._menu_keys()
        for shortcut in descendants(screen, QShortcut):
            if shortcut.key().toString() in menu_keys:
                shortcut.setEnabled(False)
        stand_in = self.stack.widget(row)
        assert stand_in is not None  # every section has a page (a stand-in until built)
        self.stack.insertWidget(row, screen)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        return screen

    def _make_screen(self, section: Section) -> QWidget:
        if section.key == "clients":
            from ui.screens.clients import ClientsScreen

            clients_screen = ClientsScreen(self.ops)
            clients_screen.open_care_item.connect(self.show_care_item)
            return clients_screen
        if section.key == "today":
            today = TodayScreen(self.ops)
            today.open_client.connect(self.open_client)
            today.open_item.connect(self.show_care_item)
            today.open_section.connect(self.open_section_from_today)
            # The counts come from the care list Today reads anyway (one read, not two).
            today.care.loaded.connect(self.show_counts)
            self.show_counts(today.care.care)
            return today
        if section.key == "calendar":
            from ui.screens.calendar import CalendarScreen

            return CalendarScreen(self.ops)
        if section.key == "referrals":
            from ui.screens.referrals import ReferralsScreen

            return ReferralsScreen(self.ops)
        if section.key == "money":
            from ui.screens.money import MoneyScreen

            money_screen = MoneyScreen(self.ops)
            money_screen.open_client.connect(self.open_client)
            return money_screen
        if section.key == "followups":
            from ui.screens.followups import FollowUpsScreen

            return FollowUpsScreen(self.ops)
        if section.key == "reports":
            from ui.screens.reports import ReportsScreen

            return ReportsScreen(self.ops)
        if section.key == "settings":
            from ui.screens.settings import SettingsScreen

            return SettingsScreen(self.ops)
        raise ValueError(f"no screen for the section {section.key!r}")

    def _database_text(self, demo: bool) -> str:
        path = self.ops.database.path
        where = str(path) if path else self.ops.database.engine.url.render_as_string()
        prefix = self.tr("Demo practice (fictional)") if demo else self.tr("Database")
        return f"{prefix}: {where}"

    def _connect_menus(self) -> None:
        """What each menu item does (the menus are laid out by the view)."""
        # By the method's name, looked up when the item is chosen (as a connected bound
        # method is): a method replaced on the window (a test's stand-in) is the one called.
        methods = {
            "backup": "back_up_now",
            "restore": "restore_from_backup",
            "lock": "lock_now",
            "print": "print_current",
            "export_ics": "export_calendar",
            "import_ics": "import_calendar",
            "quit": "close",
            "find": "find_search",
            "new_client": "new_client",
            "new_appointment": "new_appointment",
            "new_interaction": "new_interaction",
            "running_late": "running_late",
            "user_guide": "show_guide",
            "keyboard_shortcuts": "show_shortcuts",
            "set_up": "set_up",
            "open_data_folder": "open_data_folder",
            "open_demo": "open_demo",
            "about": "show_about",
        }
        for name, method in methods.items():
            self.named_actions[name].triggered.connect(
                lambda _=False, method=method: getattr(self, method)()
            )
        for name in CSV_ACTIONS:
            self.named_actions[name].triggered.connect(
                lambda _=False, name=name: self.csv_file(name)
            )
        for section in SECTIONS:
            self.named_actions[f"go_{section.key}"].triggered.connect(
                lambda _=False, key=section.key: self.go_to(key)
            )

    def _menu_keys(self) -> set[str]:
        return {
            key.toString()
            for action in self.named_actions.values()  # the menus' actions
            for key in action.shortcuts()
            if not key.isEmpty()
        }

    def go_to(self, key: str) -> None:
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)
                return
        raise KeyError(key)

    def current_section(self) -> str:
        return str(self.sidebar.currentItem().data(Qt.ItemDataRole.UserRole))

    def clients_screen(self) -> ClientsScreen:
        """The Clients screen (built on first use: start-up does not import it)."""
        from ui.screens.clients import ClientsScreen

        screen = self.screens["clients"]
        assert isinstance(screen, ClientsScreen)
        return screen

    def _built_clients_screen(self) -> ClientsScreen | None:
        """The Clients screen if it was built (it can only have unsaved changes then)."""
        return self.screens.get("clients")  # type: ignore[return-value]

    def open_client(self, client_id: int) -> None:
        """Show ``client_id`` on the Clients screen (clearing its filters if they hide them)."""
        screen = self.clients_screen()
        self.go_to("clients")
        screen.show_client(client_id)

    def print_current(self) -> None:
        """File → Print: Today prints the day sheet, a client's page the pre-session brief."""
        screen = self.stack.currentWidget()
        if isinstance(screen, TodayScreen):
            screen.print_day_sheet()
        elif screen is self._built_clients_screen() and self.clients_screen().shown_client():
            self.clients_screen().form.print_brief()
        else:
            self.statusBar().showMessage(
                self.tr(
                    "Nothing to print here. Today prints the day sheet; a client's page "
                    "the pre-session brief; a session note its summary."
                ),
                8000,
            )

    def open_section_from_today(self, key: str) -> None:
        """A "… more" row of Today's care list: the section that lists them all, showing
        whose clients Today showed (yours, or the whole practice's)."""
        today = self.screens["today"]
        whole = today.care.scope_choice.scope().whole_practice  # type: ignore[attr-defined]
        self.go_to(key)
        choice = getattr(self.screens[key], "scope_choice", None)
        if choice is not None and not choice.isHidden():
            choice.show_whole_practice(whole)

    def show_care_item(self, item: CareItem) -> None:
        """Go to where a care item from Today is handled, with it selected."""
        from ui.screens.followups import FollowUpsScreen
        from ui.screens.referrals import ReferralsScreen

        if item.kind is CareKind.REFERRAL:
            screen = self.screens["referrals"]
            assert isinstance(screen, ReferralsScreen)
            self.go_to("referrals")
            screen.show_referral(item.ref_id)
            return
        followups = self.screens["followups"]
        assert isinstance(followups, FollowUpsScreen)
        select = {
            CareKind.ISSUE: followups.select_issue,
            CareKind.EXPECTATION: followups.select_expectation,
            CareKind.CHECKIN: followups.select_checkin,
        }.get(item.kind)
        if select is None:
            self.open_client(item.client_id)
            return
        self.go_to("followups")
        select(item.ref_id)

    def find_search(self) -> None:
        """Ctrl+F: the current screen's search box, or the client search."""
        screen = self.stack.currentWidget()
        focus_search = getattr(screen, "focus_search", None)
        if not callable(focus_search):
            self.go_to("clients")
            focus_search = self.screens["clients"].focus_search  # type: ignore[attr-defined]
        focus_search()

    def new_client(self) -> None:
        """Ctrl+Shift+N: an empty client form on the Clients screen."""
        screen = self.clients_screen()
        self.go_to("clients")
        screen.new_client()

    def new_appointment(self) -> None:
        """Ctrl+N: the Calendar's booking dialog."""
        self.go_to("calendar")
        self.screens["calendar"].open_new(None)  # type: ignore[attr-defined]

    def running_late(self) -> None:
        """Ctrl+L: "I'm running late" for the next appointment, from Today or the Calendar."""
        screen = self.stack.currentWidget()
        if screen is None or not hasattr(screen, "open_running_late"):
            self.go_to("today")
            screen = self.screens["today"]
        if isinstance(screen, TodayScreen):
            screen.refresh()
            if screen.model.upcoming() is None:
                self.statusBar().showMessage(
                    self.tr("There is no appointment left today to be late for."), 8000
                )
                return
        # Today or the Calendar (checked above); the window does not import the Calendar.
        screen.open_running_late()  # type: ignore[attr-defined]

    def new_interaction(self) -> None:
        """Ctrl+I: write up a contact with the client (and appointment) selected on the
        screen shown; with nobody selected there, ask which client. Never the client of a
        screen not shown."""
        subject = subject_of(self.stack.currentWidget())
        if subject is None:
            client_id = self.ask_client(
                self.tr("New contact / session note"),
                self.tr("Who is the contact or session with?"),
            )
            if client_id is None:
                return
            subject = Subject(client_id)
        self.run_dialog(self.make_interaction_editor(subject))

    def make_interaction_editor(self, subject: Subject) -> QDialog:
        from ui.dialogs.interaction import InteractionEditor

        if subject.appointment_id is not None:  # linked to it, with its practitioner
            return InteractionEditor(self.ops, appointment_id=subject.appointment_id, parent=self)
        return InteractionEditor(self.ops, client_id=subject.client_id, parent=self)

    def ask_client(self, title: str, question: str) -> int | None:
        """The client a command is for, chosen in a picker (None: cancelled)."""
        from ui.dialogs.choose_client import ChooseClientDialog

        dialog = ChooseClientDialog(self.ops, title, question, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        client_id = dialog.client_id
        delete_now(dialog)
        return client_id if accepted else None

    def run_dialog(self, dialog: QDialog) -> None:
        dialog.exec()
        delete_now(dialog)

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
        from clientcare.backup import backup_to

        try:
            written = backup_to(source, Path(target), self.ops.database.passphrase)
        except OSError as error:
            QMessageBox.critical(
                self,
                self.tr("Backup failed"),
                self.tr("The backup could not be written: {error}").format(error=error.strerror),
            )
            return
        self.statusBar().showMessage(self.tr("Backup saved to {path}").format(path=written), 8000)

    def restore_from_backup(self) -> None:
        """File → Restore…: the current database is kept as a backup, then replaced."""
        clients_screen = self._built_clients_screen()
        if clients_screen is not None and not clients_screen.confirm_leave():
            return
        from ui.dialogs.restore import choose_and_restore

        outcome = choose_and_restore(self, self.ops)
        if outcome is None:
            return
        for screen in self.screens.values():
            refresh = getattr(screen, "refresh", None)
            if callable(refresh):
                refresh()
        self.statusBar().showMessage(outcome.message, 15000)

    def lock_now(self) -> None:
        if not self.idle_lock.lock():
            self.statusBar().showMessage(
                self.tr("Set a PIN in Settings → Security first; it unlocks ClientCare."), 8000
            )

    def export_calendar(self) -> None:
        from ui.dialogs.ical import ExportDialog

        dialog = ExportDialog(self.ops, self)
        if dialog.exec() == ExportDialog.DialogCode.Accepted and dialog.written:
            self.statusBar().showMessage(
                self.tr("Calendar saved to {path}").format(path=dialog.written), 8000
            )

    def csv_file(self, name: str) -> None:
        """File → Import clients, Export clients or Export ledger (CSV); says how it went."""
        from ui.dialogs import csv_import

        message = getattr(csv_import, name)(self, self.ops)
        if message:
            self.statusBar().showMessage(message, 8000)

    def import_calendar(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a calendar file"), "", "iCalendar (*.ics);;All files (*)"
        )
        if not name:
            return
        from ui.dialogs.ical import ImportDialog

        dialog = ImportDialog(self.ops, Path(name), self)
        if dialog.exec() == ImportDialog.DialogCode.Accepted and dialog.model.report:
            self.statusBar().showMessage(
                self.tr("Imported {n} events from {name}").format(
                    n=dialog.model.report.imported, name=Path(name).name
                ),
                8000,
            )

    def show_about(self) -> None:
        from ui.dialogs.help import AboutDialog

        path = self.ops.database.path
        where = str(path) if path else self.ops.database.engine.url.render_as_string()
        AboutDialog(where, self).exec()

    def show_guide(self) -> None:
        from ui.dialogs.help import GuideDialog

        GuideDialog(self).exec()

    def show_shortcuts(self) -> None:
        from ui.dialogs.help import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def open_data_folder(self) -> None:
        from clientcare.config import data_dir
        from ui.dialogs.help import open_data_folder

        if not open_data_folder():
            self.statusBar().showMessage(
                self.tr("Could not open the data folder: {path}").format(path=data_dir()), 10000
            )

    def open_demo(self) -> None:
        """Help → Look around the demo practice: a fictional practice in its own window."""
        from ui.dialogs.help import open_demo_practice

        if open_demo_practice():
            self.statusBar().showMessage(
                self.tr("The demo practice opens in a window of its own (fictional clients)."),
                10000,
            )
        else:
            self.statusBar().showMessage(self.tr("Could not open the demo practice."), 10000)

    def set_up(self) -> None:
        """Help → Set up the practice: the first-run wizard, or Settings once set up."""
        from clientcare.practice import needs_setup
        from ui.dialogs.first_run import run_first_run

        if not self.ops.read(needs_setup):
            self.go_to("settings")
            self.statusBar().showMessage(
                self.tr("The practice is set up; its details are in Settings → Practice."), 8000
            )
            return
        run_first_run(self)

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        #: Whether ui.app shows the window filling the screen (a first start on a laptop).
        self.start_maximised = False
        if geometry is not None and self.restoreGeometry(geometry):
            return
        area = screen_of(self).availableGeometry()
        size, self.start_maximised = first_window_size(area.size())
        self.resize(size)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.idle_lock.locked:
            # No question that could show client details; drafts of notes are kept anyway.
            super().closeEvent(event)
            return
        clients_screen = self._built_clients_screen()
        if clients_screen is not None and not clients_screen.confirm_leave():
            event.ignore()
            return
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)


#: The window's size at its first start, when the screen has room for it.
PREFERRED_SIZE = QSize(1280, 800)


def first_window_size(available: QSize) -> tuple[QSize, bool]:
    """The window's first size on a screen with ``available`` room, and whether to fill the
    screen: a 1366×768 laptop (768 less its panel) has no room for 800 pixels of window and
    its title bar, so the window fills it instead of running off the bottom."""
    room = QSize(available.width() - 40, available.height() - 60)  # frame and title bar
    if room.width() >= PREFERRED_SIZE.width() and room.height() >= PREFERRED_SIZE.height():
        return PREFERRED_SIZE, False
    return PREFERRED_SIZE.boundedTo(room), True
