"""UI test helpers: the screens over a fresh database, and typing as a person would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clientcare.db.engine import Database
from ui.ops import Operations


@pytest.fixture(autouse=True)
def _discard_when_the_test_closes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A booking left changed at the end of a test is closed without the "Discard
    changes?" question (a modal box would wait for ever); the tests of that question set
    their own answer on the dialog."""
    from ui.dialogs.appointment import AppointmentDialog

    monkeypatch.setattr(AppointmentDialog, "ask_discard", lambda _self: True)


@pytest.fixture(autouse=True)
def _finalise_without_completing(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Finalise the note?" is answered Finalise, leaving its appointment as it is (a modal
    box would wait for ever). The tests of that question answer it themselves."""
    from ui.dialogs.interaction import InteractionEditor

    def answer(_self: InteractionEditor, dialog: QWidget) -> bool:
        dialog.complete.setChecked(False)  # type: ignore[attr-defined]
        return True

    monkeypatch.setattr(InteractionEditor, "run_finalise_dialog", answer)


@pytest.fixture
def ops(db: Database) -> Iterator[Operations]:
    yield Operations(db)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, non-ASCII characters included.

    ``qtbot.keyClicks`` aborts on non-ASCII text, so such characters are sent
    as key events carrying the character.
    """
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


@pytest.fixture
def typist(qtbot: QtBot):  # type: ignore[no-untyped-def]
    return lambda widget, text: type_text(qtbot, widget, text)


def choose_client(qtbot: QtBot, picker: QWidget, name: str) -> None:
    """Type ``name`` into a client picker and choose it from the suggestions with the
    keyboard, as a person would (ui.widgets.client_picker)."""
    from ui.widgets.client_picker import CHOICE_ROLE, ClientPicker

    assert isinstance(picker, ClientPicker)
    popup = picker.completer_.popup()
    popup.hide()
    picker.clear()
    type_text(qtbot, picker, name)
    qtbot.waitUntil(
        lambda: (
            popup.isVisible()
            and any(label.split(" · ")[0] == name for label in picker.suggestions())
        ),
        timeout=3000,
    )
    for _ in range(picker.model.rowCount()):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        choice = popup.currentIndex().data(CHOICE_ROLE)
        if choice is not None and choice.label == name:
            break
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.text().split(" · ")[0] == name, picker.text()


def click_client_row(qtbot: QtBot, screen: QWidget, row: int = 0) -> None:
    """Click row ``row`` of the Clients list, as a person would: that client's page opens
    (the screen opens on nobody)."""
    table = screen.table  # type: ignore[attr-defined]
    index = screen.proxy.index(row, 0)  # type: ignore[attr-defined]
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert screen.form.client is not None  # type: ignore[attr-defined]
    assert screen.detail_stack.currentWidget() is screen.form  # type: ignore[attr-defined]


def open_client_tab(qtbot: QtBot, form: QWidget, name: str) -> None:
    """Click the client page's tab called ``name`` (overview, notes, appointments, money,
    referrals), as a person would."""
    page = form._tab_pages[name]  # type: ignore[attr-defined]
    tabs = form.tabs  # type: ignore[attr-defined]
    bar = tabs.tabBar()
    index = tabs.indexOf(page)
    assert bar.isTabVisible(index), f"the {name} tab is not shown"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentWidget() is page
