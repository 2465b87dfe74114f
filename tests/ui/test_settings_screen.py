"""The Settings screen driven as a person would: type, click Save, pick rows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare.db.engine import Database
from clientcare.db.models import LanguageWord, PracticeSettings, Principle, WordList
from clientcare.language import load_checker
from ui.ops import Changes, Operations
from ui.screens.settings import SettingsScreen

NUMBER, TEXT, APPLIES, REQUIREMENT = range(4)


def make_screen(qtbot: QtBot, ops: Operations) -> SettingsScreen:
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    return screen


def shown_principles(screen: SettingsScreen) -> list[str]:
    model = screen.principles.model
    return [model.index(r, TEXT).data() for r in range(model.rowCount())]


def principle_count(db: Database) -> int:
    with db.reading() as session:
        return len(session.scalars(select(Principle)).all())


def test_change_the_lateness_threshold(qtbot: QtBot, ops: Operations, db: Database, typist) -> None:
    screen = make_screen(qtbot, ops)
    practice = screen.practice
    labels = [w.text() for w in practice.findChildren(QLabel)]
    assert "Offer rescheduling when running late by more than" in labels
    assert practice.threshold.value() == 10
    assert practice.threshold.suffix() == " minutes"
    practice.threshold.lineEdit().selectAll()
    typist(practice.threshold, "15")
    with qtbot.waitSignal(ops.changed) as signal:
        qtbot.mouseClick(practice.save_button, Qt.MouseButton.LeftButton)
    assert signal.args == [Changes.SETTINGS | Changes.AUDIT]  # the change and its audit entry
    assert practice.status.text() == "✓ Saved."
    with db.reading() as session:
        assert session.get(PracticeSettings, 1).lateness_threshold_minutes == 15  # type: ignore[union-attr]
    assert practice.threshold.value() == 15


def test_practice_errors_show_next_to_the_field(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    screen = make_screen(qtbot, ops)
    practice = screen.practice
    practice.currency.lineEdit().selectAll()
    typist(practice.currency, "pounds")
    qtbot.mouseClick(practice.save_button, Qt.MouseButton.LeftButton)
    error = practice.findChild(QLabel, "currency_error")
    assert error is not None and error.isVisible()
    assert error.text() == "⚠ The currency is three letters A–Z, such as GBP or EUR."
    with db.reading() as session:
        assert session.get(PracticeSettings, 1).currency == "GBP"  # type: ignore[union-attr]


def test_add_a_principle_invalid_rule_then_valid(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    screen = make_screen(qtbot, ops)
    screen.tabs.setCurrentWidget(screen.principles)
    qtbot.mouseClick(screen.principles.add_button, Qt.MouseButton.LeftButton)
    dialog = screen.principles.dialog
    assert dialog is not None and dialog.isVisible()
    typist(dialog.text, "Say goodbye warmly.")
    typist(dialog.applies_when, "every session")
    dialog.rule.selectAll()
    typist(dialog.rule, '{"fact": "sunny"}')
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    rule_error = dialog.findChild(QLabel, "principle_rule_error")
    assert rule_error is not None and rule_error.isVisible()
    assert rule_error.text() == "⚠ Unknown fact 'sunny'."
    assert dialog.isVisible()
    assert principle_count(db) == 14

    dialog.rule.selectAll()
    typist(dialog.rule, '{"kind_in": ["session"]}')
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert principle_count(db) == 15
    assert shown_principles(screen)[-1] == "Say goodbye warmly."
    model = screen.principles.model
    assert model.index(14, NUMBER).data() == "15"
    assert model.index(14, APPLIES).data() == "every session"
    assert model.index(14, REQUIREMENT).data() == "Advisory"
    assert screen.principles.selected_row().text == "Say goodbye warmly."  # type: ignore[union-attr]


def test_retire_shows_retired_and_restore(qtbot: QtBot, ops: Operations, db: Database) -> None:
    screen = make_screen(qtbot, ops)
    tab = screen.principles
    screen.tabs.setCurrentWidget(tab)
    tab.table.selectRow(2)
    assert tab.retire_button.text() == "&Retire"
    qtbot.mouseClick(tab.retire_button, Qt.MouseButton.LeftButton)
    assert shown_principles(screen)[2].startswith("(retired) ")
    assert tab.retire_button.text() == "&Restore"
    with db.reading() as session:
        third = session.scalars(select(Principle).where(Principle.number == 3)).one()
        assert third.active is False
    qtbot.mouseClick(tab.retire_button, Qt.MouseButton.LeftButton)
    assert not shown_principles(screen)[2].startswith("(retired)")


def test_move_down_and_up(qtbot: QtBot, ops: Operations, db: Database) -> None:
    screen = make_screen(qtbot, ops)
    tab = screen.principles
    screen.tabs.setCurrentWidget(tab)
    before = shown_principles(screen)
    tab.table.selectRow(0)
    assert not tab.up_button.isEnabled()
    qtbot.mouseClick(tab.down_button, Qt.MouseButton.LeftButton)
    after = shown_principles(screen)
    assert after[:2] == [before[1], before[0]]
    assert tab.selected_row().text == before[0]  # type: ignore[union-attr]
    with db.reading() as session:
        assert (
            session.scalars(select(Principle.text).where(Principle.number == 1)).one() == before[1]
        )
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert shown_principles(screen) == before


def test_add_a_pet_name_and_the_checker_finds_it(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    screen = make_screen(qtbot, ops)
    screen.tabs.setCurrentWidget(screen.words)
    box = screen.words.pet_names
    typist(box.word, "poppet")
    typist(box.suggestion, "Use the client's preferred name.")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert "poppet" in box.words()
    assert box.word.text() == ""
    with db.reading() as session:
        hits = load_checker(session).check("thanks poppet")
    assert [h.text for h in hits] == ["poppet"]

    typist(box.word, "Poppet")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.error.isVisible()
    assert box.error.text() == "⚠ “poppet” is already in the pet names."


def test_remove_a_money_word(qtbot: QtBot, ops: Operations, db: Database) -> None:
    screen = make_screen(qtbot, ops)
    screen.tabs.setCurrentWidget(screen.words)
    box = screen.words.money_words
    first = box.words()[0]
    box.table.selectRow(0)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert first not in box.words()
    with db.reading() as session:
        stored = session.scalars(
            select(LanguageWord.word).where(LanguageWord.word_list == WordList.MONEY_SHAMING)
        ).all()
    assert first not in stored


def test_cancel_changes_is_offered_only_when_something_changed(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    screen = make_screen(qtbot, ops)
    practice = screen.practice
    assert not practice.revert_button.isEnabled()  # nothing typed: nothing to cancel
    stored_name = practice.name.text()
    practice.name.setFocus()
    practice.name.end(False)
    typist(practice.name, " and Partners")
    assert practice.revert_button.isEnabled()
    qtbot.mouseClick(practice.revert_button, Qt.MouseButton.LeftButton)
    assert practice.name.text() == stored_name
    assert not practice.revert_button.isEnabled()
    # Changed and changed back is no change.
    practice.threshold.setValue(practice.threshold.value() + 5)
    assert practice.revert_button.isEnabled()
    practice.threshold.setValue(practice.threshold.value() - 5)
    assert not practice.revert_button.isEnabled()
    # Saved: what is stored is what is shown, so nothing to cancel again.
    practice.threshold.setValue(20)
    qtbot.mouseClick(practice.save_button, Qt.MouseButton.LeftButton)
    assert practice.status.text() == "✓ Saved."
    assert not practice.revert_button.isEnabled()

    messages = screen.messages
    screen.tabs.setCurrentWidget(messages)
    assert not messages.revert_button.isEnabled()
    box = next(iter(messages.client_options.values()))
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().topLeft() + QPoint(8, 8))
    assert messages.revert_button.isEnabled()
    qtbot.mouseClick(messages.revert_button, Qt.MouseButton.LeftButton)
    assert not messages.revert_button.isEnabled()

    money_tab = screen.money
    screen.tabs.setCurrentWidget(money_tab)
    assert not money_tab.revert_button.isEnabled()
    typist(money_tab.no_show_fee, "40")
    assert money_tab.revert_button.isEnabled()


def test_currency_and_locale_are_the_wizards_pickers(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    screen = make_screen(qtbot, ops)
    practice = screen.practice
    assert practice.currency.currentText() == "GBP"
    assert practice.locale_field.currentText() == "en_GB — English (United Kingdom)"
    assert "EUR" in [practice.currency.itemText(i) for i in range(practice.currency.count())]
    practice.locale_field.setCurrentIndex(practice.locale_field.findData("de_DE"))
    assert practice.revert_button.isEnabled()
    qtbot.mouseClick(practice.save_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        assert session.get(PracticeSettings, 1).locale == "de_DE"  # type: ignore[union-attr]
    assert practice.locale_field.currentText() == "de_DE — Deutsch (Deutschland)"
