"""The "My clients / Whole practice" choice (ui.widgets.scope_choice), driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from clientcare import scope
from clientcare.practice import add_practitioner
from ui.ops import Operations
from ui.widgets.scope_choice import ScopeChoice, shown_text


def _on_a_screen(qtbot: QtBot, ops: Operations) -> tuple[QWidget, ScopeChoice]:
    screen = QWidget()
    qtbot.addWidget(screen)
    choice = ScopeChoice(ops, screen)
    QVBoxLayout(screen).addWidget(choice)
    screen.show()
    return screen, choice


def test_a_group_practice_chooses_between_mine_and_the_whole_practice(
    qtbot: QtBot, ops: Operations
) -> None:
    with ops.database.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        add_practitioner(session, "Sam Sample")
    _screen, choice = _on_a_screen(qtbot, ops)
    assert choice.isVisible()
    assert choice.combo.currentText() == "My clients"
    assert choice.scope() == scope.Scope(you)
    with qtbot.waitSignal(choice.changed):
        choice.combo.setFocus()
        qtbot.keyClick(choice.combo, Qt.Key.Key_Down)
    assert choice.combo.currentText() == "Whole practice"
    assert choice.scope() == scope.WHOLE_PRACTICE


def test_a_solo_practice_sees_no_choice(qtbot: QtBot, ops: Operations) -> None:
    with ops.database.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
    _screen, choice = _on_a_screen(qtbot, ops)
    assert not choice.isVisible()
    assert choice.scope() == scope.Scope(you)  # every client: nobody else looks after any
    with ops.database.unit_of_work() as session:  # a co-worker joins
        add_practitioner(session, "Sam Sample")
    choice.reload()
    assert choice.isVisible() and choice.scope() == scope.Scope(you)


def test_a_cut_list_says_how_much_is_shown() -> None:
    assert shown_text(64, 14_700, "en_GB", "sessions") == "64 of 14,700 sessions shown"
    assert shown_text(12, 12, "en_GB", "sessions") == "12 sessions"
    assert shown_text(64, 14_700, "de_DE", "Sitzungen") == "64 of 14.700 Sitzungen shown"
