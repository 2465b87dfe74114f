"""File → Restore…, driven as a person would: choose the file, read what it holds, confirm."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from clientcare.backup import BEFORE_RESTORE, list_backups, manual_backup
from clientcare.db.models import Client
from ui import background
from ui.dialogs.restore import RestoreDialog
from ui.main_window import MainWindow
from ui.ops import Operations
from ui.screens.clients import ClientsScreen

FIXTURE_0001 = Path(__file__).resolve().parents[1] / "db" / "fixtures" / "schema_0001.sqlite3"


def _add_client(ops: Operations, name: str) -> None:
    def add(session):  # type: ignore[no-untyped-def]
        session.add(Client(full_name=name, preferred_name=name.split()[0]))

    ops.run(add)


def _names_in(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {name for (name,) in connection.execute("SELECT full_name FROM client")}
    finally:
        connection.close()


def _listed(window: MainWindow) -> set[str]:
    window.go_to("clients")  # what the person sees there (a hidden list reads when shown)
    screen = window.screens["clients"]
    assert isinstance(screen, ClientsScreen)
    screen.model.fetch_all()
    return {row.full_name for row in screen.model.rows}


def make_window(qtbot: QtBot, ops: Operations) -> MainWindow:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def get_open_file_name(_parent, _caption, directory, _filter):  # type: ignore[no-untyped-def]
        asked.append(directory)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    return asked


def _when_dialog_opens(qtbot: QtBot, act: Callable[[RestoreDialog], None]) -> list[str]:
    """Run ``act`` on the restore dialog once it is on screen (it is modal)."""
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, look)
            return
        seen.extend(label.text() for label in dialog.findChildren(QLabel) if label.objectName())
        act(dialog)

    QTimer.singleShot(0, look)
    return seen


def _restore_action(window: MainWindow) -> QAction:
    action = window.findChild(QAction, "action_restore")
    assert action is not None
    return action


def test_restore_round_trip(qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, ops)
    path = ops.database.path
    assert path is not None
    _add_client(ops, "Ada Before")
    backup = manual_backup(path)
    _add_client(ops, "Bea After")
    assert _listed(window) == {"Ada Before", "Bea After"}

    asked = _choose_file(monkeypatch, backup)
    seen = _when_dialog_opens(
        qtbot, lambda dialog: qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    )
    _restore_action(window).trigger()

    assert asked == [str(path.parent / "backups")]
    assert "2" in seen and "1" in seen  # clients now, and in the backup
    assert any(text.startswith("Restore the backup from") for text in seen)
    assert any("is kept first" in text for text in seen)
    # What the person sees, and what is stored.
    assert _listed(window) == {"Ada Before"}
    assert _names_in(path) == {"Ada Before"}
    message = window.statusBar().currentMessage()
    assert message.startswith("Restored the backup from")
    kept = [b for b in list_backups(path) if b.kind == BEFORE_RESTORE]
    assert len(kept) == 1 and f"kept at {kept[0].path}" in message
    assert _names_in(kept[0].path) == {"Ada Before", "Bea After"}
    # The app goes on working on the restored database.
    _add_client(ops, "Cy Later")
    assert _listed(window) == {"Ada Before", "Cy Later"}

    # And back again, from the copy kept before the restore.
    _choose_file(monkeypatch, kept[0].path)
    _when_dialog_opens(
        qtbot, lambda dialog: qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    )
    _restore_action(window).trigger()
    assert _listed(window) == {"Ada Before", "Bea After"}


def test_restore_of_an_older_backup_brings_it_up_to_date(
    qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, ops)
    _choose_file(monkeypatch, FIXTURE_0001)
    seen = _when_dialog_opens(
        qtbot, lambda dialog: qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    )
    _restore_action(window).trigger()
    assert any("earlier version of ClientCare" in text for text in seen)
    assert _listed(window) == _names_in(FIXTURE_0001)
    assert "brought up to date" in window.statusBar().currentMessage()


def test_cancel_changes_nothing(
    qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, ops)
    path = ops.database.path
    assert path is not None
    backup = manual_backup(path)
    _add_client(ops, "Stays Here")
    _choose_file(monkeypatch, backup)
    _when_dialog_opens(qtbot, lambda dialog: dialog.reject())
    _restore_action(window).trigger()
    assert _names_in(path) == {"Stays Here"}
    assert not [b for b in list_backups(path) if b.kind == BEFORE_RESTORE]


def test_a_file_that_is_not_clientcare_is_refused_with_a_message(
    qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window(qtbot, ops)
    _add_client(ops, "Stays Here")
    photo = tmp_path / "holiday.sqlite3"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n not a database")
    _choose_file(monkeypatch, photo)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text))
    )
    _restore_action(window).trigger()
    assert len(shown) == 1
    assert shown[0][0] == "This file cannot be restored"
    assert shown[0][1].startswith("This file is not a ClientCare database")
    assert _listed(window) == {"Stays Here"}


def test_the_daily_backup_runs_in_the_background_and_says_so(qtbot: QtBot, ops: Operations) -> None:
    from ui.app import start_daily_backup

    window = make_window(qtbot, ops)
    path = ops.database.path
    assert path is not None
    _add_client(ops, "In Today's Backup")
    start_daily_backup(path, window)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Daily backup saved to"),
        timeout=10000,
    )
    (daily,) = [b for b in list_backups(path) if b.kind == "daily"]
    assert str(daily.path) in window.statusBar().currentMessage()
    assert _names_in(daily.path) == {"In Today's Backup"}
    # Once a day: a second start the same day adds nothing.
    start_daily_backup(path, window)
    assert background.wait_for_all(timeout=30)
    assert len([b for b in list_backups(path) if b.kind == "daily"]) == 1


def test_the_window_keeps_answering_while_the_daily_backup_copies(
    qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy runs beside the event loop, not on it: a timer on the GUI thread ticks while
    the backup is under way (counted, not timed: the copy waits for the ticks)."""
    import threading

    import clientcare.backup
    from ui.app import start_daily_backup

    window = make_window(qtbot, ops)
    path = ops.database.path
    assert path is not None
    _add_client(ops, "Copied While Ticking")
    under_way = threading.Event()
    ticked_meanwhile = threading.Event()
    real_daily_backup = clientcare.backup.daily_backup

    def slow_daily_backup(*args, **kwargs):  # type: ignore[no-untyped-def]
        under_way.set()
        # On the GUI thread this would wait in vain: no tick can come while it waits.
        ticked_meanwhile.wait(timeout=10)
        return real_daily_backup(*args, **kwargs)

    monkeypatch.setattr(clientcare.backup, "daily_backup", slow_daily_backup)
    ticks = {"while under way": 0}

    def tick() -> None:
        if under_way.is_set() and not ticked_meanwhile.is_set():
            ticks["while under way"] += 1
            if ticks["while under way"] >= 3:
                ticked_meanwhile.set()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    start_daily_backup(path, window)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Daily backup saved to"),
        timeout=15000,
    )
    timer.stop()
    assert ticks["while under way"] >= 3
    (daily,) = [b for b in list_backups(path) if b.kind == "daily"]
    assert _names_in(daily.path) == {"Copied While Ticking"}
