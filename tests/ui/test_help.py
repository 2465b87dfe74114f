"""The Help menu: the shortcuts sheet from the menus, the guide, About, the data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from clientcare import config
from ui.dialogs import help as help_dialogs
from ui.dialogs.help import GUIDE, AboutDialog, GuideDialog, ShortcutsDialog, menu_actions
from ui.main_window import MainWindow
from ui.ops import Operations


def make_window(qtbot: QtBot, ops: Operations) -> MainWindow:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    return window


def test_the_shortcuts_sheet_lists_every_menu_shortcut(qtbot: QtBot, ops: Operations) -> None:
    window = make_window(qtbot, ops)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    keys_listed = {keys for _where, keys, _what in rows}
    for action in menu_actions(window):
        for key in action.shortcuts():
            assert any(key.toString() in keys for keys in keys_listed), action.text()
    assert ("Client", "Ctrl+N", "New appointment") in rows
    assert any(where == "Session note" and keys == "Ctrl+P" for where, keys, _ in rows)
    dialog.resize(640, 560)
    assert dialog.grab().save("/tmp/help_shortcuts.png")


def test_the_guide_ships_and_opens(qtbot: QtBot) -> None:
    assert GUIDE.is_file()
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "running late" in text.lower()
    assert "Ctrl+N" in text
    assert dialog.grab().save("/tmp/help_guide.png")


def test_about_says_the_version_and_where_the_data_is(qtbot: QtBot, ops: Operations) -> None:
    window = make_window(qtbot, ops)
    where = str(ops.database.path)
    dialog = AboutDialog(where)
    qtbot.addWidget(dialog)
    facts = dict(dialog.facts)
    assert facts["Version"] == "0.1.0" or facts["Version"]
    assert facts["Data folder"] == str(config.data_dir())
    assert facts["Database"] == where
    assert "PySide6" in facts["Qt"]
    assert window.findChild(type(menu_actions(window)[0]), "action_about") is not None
    assert dialog.grab().save("/tmp/help_about.png")


def test_open_data_folder_asks_the_desktop_to_open_it(
    qtbot: QtBot, ops: Operations, monkeypatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True
    )
    window = make_window(qtbot, ops)
    [action] = [a for a in menu_actions(window) if a.objectName() == "action_open_data_folder"]
    action.trigger()
    assert opened == [config.data_dir()]
    assert help_dialogs.open_data_folder() is True


def test_help_opens_the_demo_practice_in_a_window_of_its_own(
    qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[str, list[str]]] = []

    class FakeProcess:
        @staticmethod
        def startDetached(program: str, arguments: list[str]) -> tuple[bool, int]:
            started.append((program, arguments))
            return True, 4321

    monkeypatch.setattr(help_dialogs, "QProcess", FakeProcess)
    window = MainWindow(ops)
    qtbot.addWidget(window)
    action = window.named_actions["open_demo"]
    assert action.isVisible() and action.text() == "Look around the de&mo practice"
    action.trigger()
    assert started == [(sys.executable, [started[0][1][0], "--demo"])]
    assert Path(started[0][1][0]).name == "main.py" and Path(started[0][1][0]).is_file()
    assert "demo practice" in window.statusBar().currentMessage()
    # The demo window does not offer to open itself again.
    demo = MainWindow(ops, demo=True)
    qtbot.addWidget(demo)
    assert not demo.named_actions["open_demo"].isVisible()
