"""Every screen of the demo practice can be used with a screen reader.

Buttons without text have an accessible name; every input has an accessible name or
a label pointing at it (its buddy); the calendar blocks say what they show in words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clientcare.db.migrate import open_database
from clientcare.demo import create_demo_database
from ui.main_window import SECTIONS, MainWindow
from ui.ops import Operations

INPUTS = (QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit, QTextEdit, QCheckBox)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "demo.sqlite3"
    create_demo_database(path)
    database, report = open_database(path)
    main = MainWindow(Operations(database), report, demo=True)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    yield main
    database.dispose()


def _described(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip():
        return True
    if id(widget) in buddies:
        return True
    if isinstance(widget, QCheckBox) and widget.text().strip():
        return True
    # A line edit inside a combo box or a spin box is named by its owner.
    parent = widget.parentWidget()
    return isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QSpinBox, QDateEdit))


def _name(widget: QWidget) -> str:
    chain = []
    while widget is not None:
        chain.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(chain[:5]))


def gaps(screen: QWidget) -> list[str]:
    """What a screen reader could not name on ``screen`` (its visible parts)."""
    buddies = {
        id(label.buddy()) for label in screen.findChildren(QLabel) if label.buddy() is not None
    }
    found = []
    for button in screen.findChildren(QAbstractButton):
        if isinstance(button, QCheckBox) or button.objectName().startswith("qt_"):
            continue  # Qt's own parts (a table's corner button) are not ours to name
        named = button.text().strip() or button.accessibleName().strip()
        if not button.isHidden() and not named:
            found.append(f"button without a name: {_name(button)}")
    for kind in INPUTS:
        for widget in screen.findChildren(kind):
            if not widget.isHidden() and not _described(widget, buddies):
                found.append(f"{type(widget).__name__} without a name: {_name(widget)}")
    return found


@pytest.mark.parametrize("section", [section.key for section in SECTIONS])
def test_every_control_on_every_screen_has_a_name(window: MainWindow, section: str) -> None:
    window.go_to(section)
    screen = window.screens[section]
    assert gaps(screen) == []


def test_a_client_page_has_a_name_for_every_field(window: MainWindow) -> None:
    from sqlalchemy import select

    from clientcare.db.models import Client
    from ui.screens.clients import ClientsScreen

    window.go_to("clients")
    screen = window.screens["clients"]
    assert isinstance(screen, ClientsScreen)
    client_id = window.ops.read(lambda s: s.scalars(select(Client.id).limit(1)).one())
    assert screen.select_client(client_id)
    assert gaps(screen) == []


def test_the_calendar_blocks_are_described_in_words(window: MainWindow) -> None:
    from ui.screens.calendar import CalendarScreen

    window.go_to("calendar")
    calendar = window.screens["calendar"]
    assert isinstance(calendar, CalendarScreen)
    grid = calendar.findChild(QWidget, "time_grid")
    assert grid is not None
    blocks = [block for block in grid.blocks if block.kind == "appointment"]
    assert blocks
    for block in blocks:
        text = block.accessible_text
        # The client, the time and the status, in words (colour is never the only signal).
        assert block.title in text
        assert any(ch.isdigit() for ch in text)
    assert grid.accessibleDescription()
