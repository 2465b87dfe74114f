"""Settings → Words: a word list with every word removed says what it is for and how to add one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare.db.engine import Database
from clientcare.db.models import LanguageWord, WordList
from ui.ops import Operations
from ui.screens.settings import SettingsScreen, WordListBox


def words_page(qtbot: QtBot, ops: Operations) -> SettingsScreen:
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    qtbot.mouseClick(  # the Words tab, as a person would
        screen.tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=screen.tabs.tabBar().tabRect(screen.tabs.indexOf(screen.words)).center(),
    )
    assert screen.tabs.currentWidget() is screen.words
    return screen


def remove_every_word(qtbot: QtBot, box: WordListBox) -> None:
    while box.model.rows:
        first_row = QPoint(
            box.table.columnViewportPosition(0) + 4, box.table.rowViewportPosition(0) + 4
        )
        qtbot.mouseClick(box.table.viewport(), Qt.MouseButton.LeftButton, pos=first_row)
        assert box.remove_button.isEnabled()
        qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)


def stored_words(db: Database, word_list: WordList) -> list[str]:
    with db.reading() as session:
        return list(
            session.scalars(select(LanguageWord.word).where(LanguageWord.word_list == word_list))
        )


@pytest.mark.parametrize(
    ("attribute", "word_list", "what"),
    [
        ("pet_names", WordList.PET_NAME, "pet names"),
        ("money_words", WordList.MONEY_SHAMING, "money words"),
    ],
)
def test_an_emptied_word_list_says_what_it_is_for_and_how_to_add(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    typist,
    attribute: str,
    word_list: WordList,
    what: str,
) -> None:
    screen = words_page(qtbot, ops)
    box: WordListBox = getattr(screen.words, attribute)
    assert box.table.isVisible()
    assert not box.empty.isVisible()

    remove_every_word(qtbot, box)

    assert stored_words(db, word_list) == []
    assert not box.table.isVisible()
    assert box.empty.isVisible()
    message = box.empty.text()
    assert f"No {what} in this list" in message
    assert "language check" in message  # what the list is for
    assert "click Add" in message  # how to add a word
    assert not box.remove_button.isEnabled()
    assert box.word.hasFocus()  # ready to type the next word

    typist(box.word, "pal")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)

    assert box.table.isVisible()
    assert not box.empty.isVisible()
    assert box.words() == ["pal"]
    assert stored_words(db, word_list) == ["pal"]


def test_the_other_list_keeps_its_words(qtbot: QtBot, ops: Operations) -> None:
    screen = words_page(qtbot, ops)
    remove_every_word(qtbot, screen.words.pet_names)
    assert screen.words.money_words.table.isVisible()
    assert not screen.words.money_words.empty.isVisible()
    assert screen.words.money_words.words()
