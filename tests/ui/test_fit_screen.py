"""Every window fits the screen it opens on (issue 21: the note editor, 1180×760, and the
CSV import, 1000×820, ran off a 1366×768 laptop's screen)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui import fit_screen


class _Fitter(QObject):
    """The window filter's fitting alone (the main window's filter does it in the app)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        fit_screen.fit_when_shown(watched, event)
        return False


@pytest.fixture
def fitter(qapp: QApplication) -> Iterator[_Fitter]:
    installed = _Fitter()
    qapp.installEventFilter(installed)
    yield installed
    qapp.removeEventFilter(installed)


def _dialog(qtbot: QtBot, size: QSize, minimum: QSize | None = None) -> QDialog:
    dialog = QDialog()
    QVBoxLayout(dialog).addWidget(QLabel("A form"))
    if minimum is not None:
        dialog.setMinimumSize(minimum)
    dialog.resize(size)
    qtbot.addWidget(dialog)
    return dialog


def test_a_window_taller_and_wider_than_the_screen_is_fitted_onto_it(
    qtbot: QtBot, fitter: _Fitter
) -> None:
    dialog = _dialog(qtbot, QSize(5000, 4000), minimum=QSize(4000, 3000))
    dialog.move(-300, 2000)
    area = fit_screen.free_area(dialog)
    dialog.show()
    allowance = fit_screen.FRAME_ALLOWANCE
    assert dialog.width() <= area.width() - allowance.width()
    assert dialog.height() <= area.height() - allowance.height()
    assert area.contains(dialog.frameGeometry().topLeft())
    assert dialog.y() + dialog.height() <= area.bottom() + 1


def test_a_window_that_fits_keeps_the_size_it_asked_for(qtbot: QtBot, fitter: _Fitter) -> None:
    dialog = _dialog(qtbot, QSize(320, 200))
    dialog.show()
    assert dialog.size() == QSize(320, 200)


def test_the_note_editor_fits_the_screen(qtbot: QtBot, fitter: _Fitter, ops, db) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from clientcare import clients
    from clientcare.clients import ClientInput
    from ui.dialogs.interaction import InteractionEditor

    with db.unit_of_work() as session:
        client = clients.create_client(
            session, ClientInput(full_name="Kate Sample"), region="GB", today=dt.date.today()
        ).id
    editor = InteractionEditor(ops, client_id=client)
    qtbot.addWidget(editor)
    area = fit_screen.free_area(editor)
    editor.show()
    assert editor.height() <= area.height() - fit_screen.FRAME_ALLOWANCE.height()
    assert editor.width() <= area.width()


def test_the_main_window_fits_every_window_shown(qtbot: QtBot, ops) -> None:  # type: ignore[no-untyped-def]
    from ui.dialog import Dialog
    from ui.main_window import MainWindow

    window = MainWindow(ops)
    qtbot.addWidget(window)
    dialog = Dialog(window)  # every ClientCare dialog is one (tests/unit/test_ui_layering.py)
    QVBoxLayout(dialog).addWidget(QLabel("A form"))
    dialog.resize(5000, 4000)
    area = fit_screen.free_area(dialog)
    dialog.show()
    assert dialog.height() <= area.height() - fit_screen.FRAME_ALLOWANCE.height()
    assert dialog.width() <= area.width() - fit_screen.FRAME_ALLOWANCE.width()


def test_asking_for_a_windows_screen_leaves_the_screen_to_qt(
    qtbot: QtBot,
    fitter: _Fitter,
    ops,
    db,  # type: ignore[no-untyped-def]
) -> None:
    """Fitting a dialog, sizing the main window and folding the calendar's waiting list each
    asked a window for its screen; PySide6 then kept Qt's screen as that window's, and the
    collector freeing the window deleted the screen: the next window crashed (the suite's
    rare segfault in QDialog.__init__, found with gdb). The screen is nobody's."""
    from ui.main_window import MainWindow
    from ui.screens.calendar import waitlist_open_at_start

    dialog = _dialog(qtbot, QSize(400, 300))
    dialog.show()  # fitted to its screen as it is shown
    window = MainWindow(ops)  # sized for its screen at the first start
    qtbot.addWidget(window)
    waitlist_open_at_start(window)
    assert fit_screen.screen_of(dialog) is QGuiApplication.primaryScreen()
    screen = QGuiApplication.primaryScreen()
    holders = [type(h).__name__ for h in gc.get_referrers(screen) if isinstance(h, QWidget)]
    assert holders == []
