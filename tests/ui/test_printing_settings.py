"""Settings → Printouts: customise a template, see it listed, open the folder, reset it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from clientcare import printouts
from ui.models.settings import TemplateColumn
from ui.ops import Operations
from ui.screens.settings import SettingsScreen
from ui.screens.settings_printouts import PrintoutsTab


def open_tab(qtbot: QtBot) -> PrintoutsTab:
    tab = PrintoutsTab()
    qtbot.addWidget(tab)
    tab.show()
    return tab


def state_of(tab: PrintoutsTab, name: str) -> str:
    for number, row in enumerate(tab.model.rows):
        if row.name == name:
            return str(tab.model.index(number, TemplateColumn.STATE).data())
    raise KeyError(name)


def test_the_settings_screen_has_the_tab(qtbot: QtBot, ops: Operations) -> None:
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    titles = [screen.tabs.tabText(i).replace("&", "") for i in range(screen.tabs.count())]
    assert "Printouts" in titles


def test_customise_then_reset_with_confirmation(qtbot: QtBot) -> None:
    tab = open_tab(qtbot)
    assert state_of(tab, "session_summary_client.html") == "Default"
    assert not tab.customise_button.isEnabled()
    tab.select("session_summary_client.html")
    assert tab.customise_button.isEnabled()
    assert not tab.reset_button.isEnabled()
    qtbot.mouseClick(tab.customise_button, Qt.MouseButton.LeftButton)
    copy = printouts.user_templates_dir() / "session_summary_client.html"
    assert copy.read_text(encoding="utf-8") == (
        printouts.default_templates_dir() / "session_summary_client.html"
    ).read_text(encoding="utf-8")
    assert state_of(tab, "session_summary_client.html") == "Customised"
    assert tab.reset_button.isEnabled()

    copy.write_text("mine\n{% if %}", encoding="utf-8")
    tab.load()
    assert state_of(tab, "session_summary_client.html").startswith("Customised — error on line 2")

    asked: list[str] = []
    tab.confirm = lambda title, text: asked.append(text) is not None  # type: ignore[method-assign]
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert copy.exists()  # "Cancel" keeps it
    assert "session_summary_client.html.bak" in asked[0]
    tab.confirm = lambda title, text: True  # type: ignore[method-assign]
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert not copy.exists()
    assert copy.with_name("session_summary_client.html.bak").read_text(encoding="utf-8") == (
        "mine\n{% if %}"
    )
    assert state_of(tab, "session_summary_client.html") == "Default"
    assert "default again" in tab.status.text()


def test_open_the_folder(qtbot: QtBot) -> None:
    tab = open_tab(qtbot)
    opened: list[QUrl] = []
    tab.open_url = lambda url: opened.append(url) is None  # type: ignore[method-assign]
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    (url,) = opened
    assert Path(url.toLocalFile()) == printouts.user_templates_dir()
    assert printouts.user_templates_dir().is_dir()
    tab.open_url = lambda url: False  # type: ignore[method-assign]
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert str(printouts.user_templates_dir()) in tab.status.text()
