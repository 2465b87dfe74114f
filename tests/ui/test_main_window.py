"""The main window: navigation, menus, start-up, and Today leading to where care happens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientcare import clients, followups
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.migrate import OpenReport
from clientcare.db.models import ClientStatus, Urgency
from ui.main_window import SECTIONS, MainWindow
from ui.models.clients import ClientColumn
from ui.ops import Operations
from ui.screens.clients import ClientsScreen
from ui.screens.today import TodayScreen


def make_window(qtbot: QtBot, ops: Operations, report: OpenReport | None = None) -> MainWindow:
    window = MainWindow(ops, report)
    qtbot.addWidget(window)
    window.show()
    return window


def test_sidebar_lists_every_section_and_opens_on_today(qtbot: QtBot, ops: Operations) -> None:
    window = make_window(qtbot, ops)
    titles = [window.sidebar.item(r).text() for r in range(window.sidebar.count())]
    assert titles == [
        "Today",
        "Calendar",
        "Clients",
        "Money",
        "Referrals",
        "Follow-ups",
        "Reports",
        "Settings",
    ]
    assert isinstance(window.stack.currentWidget(), TodayScreen)


def test_every_section_is_a_real_screen_and_a_click_opens_it(qtbot: QtBot, ops: Operations) -> None:
    window = make_window(qtbot, ops)
    item = window.sidebar.item(3)
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_section() == "money"
    screens = set()
    for section in SECTIONS:
        window.go_to(section.key)
        screen = window.stack.currentWidget()
        assert type(screen).__module__ == f"ui.screens.{section.key}", section.key
        screens.add(type(screen))
    assert len(screens) == len(SECTIONS)  # one screen of its own each


def test_a_care_item_on_today_opens_where_it_is_handled(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    today = dt.date.today()
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=today,
        ).id
        issue = followups.create_issue(
            session,
            followups.IssueInput(
                client_id=client,
                title="Needs a letter for work",
                urgency=Urgency.NORMAL,
                raised_on=today,
            ),
            today=today,
        )
    window = make_window(qtbot, ops)
    window.go_to("today")
    today_screen = window.screens["today"]
    tree = today_screen.care.tree  # type: ignore[attr-defined]
    row = tree.topLevelItem(1)
    assert row.text(1).startswith("Needs a letter for work")
    rect = tree.visualItemRect(row)
    # A person's double-click: the first click selects, the second opens.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_section() == "followups"
    screen = window.screens["followups"]
    assert screen.issues.selected_id(screen.issues.table) == issue.id  # type: ignore[attr-defined]


def test_keyboard_shortcuts_switch_sections(qtbot: QtBot, ops: Operations) -> None:
    window = make_window(qtbot, ops)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "today"
    qtbot.keyClick(window.sidebar, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "clients"
    assert len(SECTIONS) == window.stack.count()


def test_status_bar_names_the_database_and_reports_an_upgrade(
    qtbot: QtBot, ops: Operations, db_path: Path
) -> None:
    report = OpenReport(created=False, upgraded_from="0000", backup_path=Path("/x/b.sqlite3"))
    window = make_window(qtbot, ops, report)
    assert str(db_path) in window.database_label.text()
    assert "upgraded" in window.statusBar().currentMessage()
    assert "/x/b.sqlite3" in window.statusBar().currentMessage()


def test_app_main_opens_the_database_given(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    """`clientcare --db PATH` creates and migrates the file, then shows the window."""
    from ui import app as app_module

    shown: list[MainWindow] = []
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    original_show = MainWindow.show

    def remember(window: MainWindow) -> None:
        shown.append(window)
        original_show(window)

    monkeypatch.setattr(MainWindow, "show", remember)
    from ui.dialogs.first_run import FirstRunWizard

    offered: list[FirstRunWizard] = []  # a new database: the set-up is offered, then cancelled
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: offered.append(self) or 0)
    target = tmp_path / "practice.sqlite3"
    assert app_module.main(["--db", str(target)]) == 0
    assert target.exists()
    assert len(shown) == 1 and str(target) in shown[0].database_label.text()
    assert len(offered) == 1 and offered[0].parent() is shown[0]
    shown[0].close()


def test_demo_practice_shows_in_clients_and_search_narrows(
    qtbot: QtBot, tmp_path: Path, monkeypatch, typist
) -> None:
    """`clientcare --demo`: the fictional practice opens on Clients; search narrows it."""
    from ui import app as app_module

    shown: list[MainWindow] = []
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    original_show = MainWindow.show
    monkeypatch.setattr(
        MainWindow, "show", lambda window: (shown.append(window), original_show(window))
    )
    assert app_module.main(["--demo"]) == 0
    window = shown[0]
    # The demo's own name says what it is, once ("…Demo Practice (fictional)").
    assert window.windowTitle().lower().count("demo practice") == 1
    assert "fictional" in window.windowTitle().lower()
    screen = window.screens["clients"]
    assert isinstance(screen, ClientsScreen)
    assert screen.proxy.rowCount() == 40
    assert screen.count_label.text() == "40 clients"
    typist(screen.search, "example")
    narrowed = screen.proxy.rowCount()
    assert 0 < narrowed < 40
    for row in range(narrowed):
        name = screen.proxy.index(row, ClientColumn.NAME).data()
        email = screen.proxy.index(row, ClientColumn.EMAIL).data()
        assert "example" in f"{name} {email}".lower()
    window.close()


def test_the_sidebar_counts_what_needs_care(qtbot: QtBot, ops: Operations, db: Database) -> None:
    today = dt.date.today()
    window = make_window(qtbot, ops)
    titles = [window.sidebar.item(r).text() for r in range(window.sidebar.count())]
    assert titles[0] == "Today" and titles[5] == "Follow-ups"  # nothing yet: no numbers
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=today,
        ).id
    ops.run(
        lambda s: followups.create_issue(
            s,
            followups.IssueInput(
                client_id=client, title="Letter for work", urgency=Urgency.HIGH, raised_on=today
            ),
            today=today,
        ),
    )
    qtbot.waitUntil(lambda: window.sidebar.item(0).text() == "Today  (1)", timeout=2000)
    assert window.sidebar.item(5).text() == "Follow-ups  (1)"
    assert window.sidebar.item(3).text() == "Money"
    # The number says what it counts, to the eye (tooltip) and to a screen reader.
    assert (
        window.sidebar.item(5).data(Qt.ItemDataRole.AccessibleTextRole)
        == "Follow-ups: 1 issue open"
    )
    assert window.sidebar.item(0).toolTip() == "Today (Ctrl+1)\n1 need your care: 1 issue open"
    assert window.sidebar.item(3).toolTip() == "Money (Ctrl+4)"


def test_counts_and_today_follow_a_change_made_on_another_screen(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    """Today hidden: the counts are read for the sidebar, and Today reads again when shown."""
    today = dt.date.today()
    window = make_window(qtbot, ops)
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Bo Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=today,
        ).id
    window.go_to("followups")
    today_screen = window.screens["today"]
    assert isinstance(today_screen, TodayScreen)
    assert not today_screen.isVisible()
    ops.run(
        lambda s: followups.create_issue(
            s,
            followups.IssueInput(
                client_id=client,
                title="Receipt for insurer",
                urgency=Urgency.NORMAL,
                raised_on=today,
            ),
            today=today,
        ),
    )
    qtbot.waitUntil(lambda: window.sidebar.item(5).text() == "Follow-ups  (1)", timeout=2000)
    assert window.sidebar.item(0).text() == "Today  (1)"
    assert today_screen.care.care.items == ()  # not read while hidden
    window.go_to("today")
    assert [item.title for item in today_screen.care.care.items] == ["Receipt for insurer (normal)"]


def test_the_first_window_fits_a_laptop_screen() -> None:
    """A 1366x768 laptop (its panel takes some 40 pixels) has no room for 1280x800: the
    window fills the screen instead of running off its bottom edge (issue 19's tours saw
    every screen's last row and buttons cut off)."""
    from PySide6.QtCore import QSize

    from ui.main_window import PREFERRED_SIZE, first_window_size

    size, maximised = first_window_size(QSize(1366, 728))
    assert maximised and size.height() <= 728 - 60 and size.width() <= 1366
    assert first_window_size(QSize(1920, 1050)) == (PREFERRED_SIZE, False)


def test_more_care_in_a_section_opens_it_for_whose_clients_today_showed(
    qtbot: QtBot, ops: Operations
) -> None:
    """Today's '32 more: see them all in Follow-ups' opens Follow-ups on the same clients:
    the whole practice when Today showed the whole practice."""
    from clientcare.practice import add_practitioner

    with ops.database.unit_of_work() as session:
        add_practitioner(session, "Ada Example", is_current_user=True)
        add_practitioner(session, "Sam Sample")
    window = make_window(qtbot, ops)
    today = window.screens["today"]
    today.care.scope_choice.show_whole_practice(True)  # type: ignore[attr-defined]
    window.open_section_from_today("followups")
    assert window.current_section() == "followups"
    assert window.screens["followups"].scope_choice.scope().whole_practice  # type: ignore[attr-defined]
    window.go_to("today")
    today.care.scope_choice.show_whole_practice(False)  # type: ignore[attr-defined]
    window.open_section_from_today("followups")
    assert not window.screens["followups"].scope_choice.scope().whole_practice  # type: ignore[attr-defined]
