"""First run: the wizard sets the practice up in one go, or opens the demo, or lets be."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from clientcare.db.engine import Database
from clientcare.practice import get_settings, list_practitioners, needs_setup
from ui.dialogs import first_run
from ui.dialogs.first_run import FirstRunChoice, FirstRunWizard, maybe_run_first_run
from ui.main_window import MainWindow
from ui.ops import Operations


def make_wizard(qtbot: QtBot, ops: Operations) -> FirstRunWizard:
    wizard = FirstRunWizard(ops)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click(qtbot: QtBot, wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


def test_a_new_database_needs_setting_up_and_a_named_practice_does_not(db: Database) -> None:
    with db.reading() as session:
        assert needs_setup(session)


def test_the_wizard_stores_the_practice_and_the_practitioner(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    wizard = make_wizard(qtbot, ops)
    qtbot.mouseClick(wizard.welcome.set_up, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.practice_page
    # Next with nothing typed: the messages say what is missing, and the page stays.
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.practice_page
    assert wizard.fields["practice_name"].error.isVisibleTo(wizard)
    typist(wizard.practice_name, "Riverside Counselling")
    typist(wizard.practitioner_name, "Zoë Taylor")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.money_page
    wizard.currency.setCurrentText("EUR")
    wizard.locale_choice.setCurrentIndex(wizard.locale_choice.findData("en_IE"))
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.day_page
    assert wizard.threshold.value() == 10  # the default the product promises
    wizard.day_start.setTime(QTime(8, 30))
    wizard.day_end.setTime(QTime(18, 0))
    wizard.session_minutes.setValue(60)
    wizard.threshold.setValue(15)
    click(qtbot, wizard, FINISH)

    assert wizard.choice is FirstRunChoice.SET_UP
    assert not wizard.isVisible()
    with db.reading() as session:
        settings = get_settings(session)
        practitioners = list_practitioners(session)
        assert not needs_setup(session)
    assert settings.name == "Riverside Counselling"
    assert (settings.currency, settings.locale) == ("EUR", "en_IE")
    assert (settings.working_day_start, settings.working_day_end) == (
        dt.time(8, 30),
        dt.time(18, 0),
    )
    assert settings.default_session_minutes == 60
    assert settings.lateness_threshold_minutes == 15
    assert [(p.full_name, p.is_current_user) for p in practitioners] == [("Zoë Taylor", True)]


def test_a_day_that_ends_before_it_starts_is_refused_and_nothing_is_stored(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    wizard = make_wizard(qtbot, ops)
    click(qtbot, wizard, NEXT)
    typist(wizard.practice_name, "Riverside")
    typist(wizard.practitioner_name, "Sam Taylor")
    click(qtbot, wizard, NEXT)
    wizard.currency.setCurrentText("euros")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.money_page
    assert "three letters" in wizard.fields["currency"].error.text()
    wizard.currency.setCurrentText("EUR")
    click(qtbot, wizard, NEXT)
    wizard.day_end.setTime(QTime(8, 0))
    click(qtbot, wizard, FINISH)
    assert wizard.isVisible() and wizard.choice is None
    assert "end after it starts" in wizard.fields["working_day_end"].error.text()
    with db.reading() as session:
        assert needs_setup(session)
        assert list_practitioners(session) == []


def test_choosing_the_demo_finishes_at_once_and_stores_nothing(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    wizard = make_wizard(qtbot, ops)
    qtbot.mouseClick(wizard.welcome.demo, Qt.MouseButton.LeftButton)
    assert wizard.choice is FirstRunChoice.DEMO
    assert not wizard.isVisible()
    with db.reading() as session:
        assert needs_setup(session)


def test_cancel_leaves_the_window_as_it_was_and_asks_again_next_time(
    qtbot: QtBot, ops: Operations, db: Database, monkeypatch
) -> None:
    shown: list[FirstRunWizard] = []
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: shown.append(self) or 0)
    window = MainWindow(ops)
    qtbot.addWidget(window)
    assert maybe_run_first_run(window) is None
    assert maybe_run_first_run(window) is None
    assert len(shown) == 2  # offered each time until the practice is set up
    with db.reading() as session:
        assert needs_setup(session)


def test_after_set_up_the_window_shows_the_practice_and_is_not_asked_again(
    qtbot: QtBot, ops: Operations, db: Database, monkeypatch
) -> None:
    def finish(self: FirstRunWizard) -> int:
        self.practice_name.setText("Riverside")
        self.practitioner_name.setText("Sam Taylor")
        self.next()
        self.next()
        self.next()
        self.accept()
        return 1

    monkeypatch.setattr(FirstRunWizard, "exec", finish)
    window = MainWindow(ops)
    qtbot.addWidget(window)
    assert maybe_run_first_run(window) is FirstRunChoice.SET_UP
    assert window.windowTitle() == "Riverside"  # shown as "Riverside — ClientCare"
    monkeypatch.setattr(first_run, "run_first_run", lambda w: 1 / 0)  # never reached
    assert maybe_run_first_run(window) is None


def test_render_offscreen(qtbot: QtBot, ops: Operations) -> None:
    wizard = make_wizard(qtbot, ops)
    for page in range(4):
        assert wizard.grab().save(f"/tmp/first_run_{page}.png")
        wizard.practice_name.setText("Riverside")
        wizard.practitioner_name.setText("Sam Taylor")
        wizard.next()


def test_help_set_up_opens_settings_once_the_practice_is_set_up(
    qtbot: QtBot, ops: Operations, db: Database, monkeypatch
) -> None:
    from clientcare.first_run import SetupInput, set_up_practice

    with db.unit_of_work() as session:
        set_up_practice(session, SetupInput(practice_name="Riverside", practitioner_name="Sam"))
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: 1 / 0)  # must not be shown
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.findChild(QAction, "action_set_up").trigger()
    assert window.current_section() == "settings"
