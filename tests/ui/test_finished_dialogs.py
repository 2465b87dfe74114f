"""Dialogs a screen is done with are freed (found by the soak test: every dialog ever opened
stayed in memory, hidden, as a child of the screen that opened it)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.dialog import Dialog
from ui.finished_dialogs import FinishedDialogs
from ui.main_window import MainWindow
from ui.ops import Operations


class NoteDialog(Dialog):
    """Like the app's dialogs: a child of the screen, a button connected through a lambda."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.typed = "what the client said"
        save = QPushButton("Save", self)
        save.clicked.connect(lambda: self.accept())  # the lambda holds the dialog
        QVBoxLayout(self).addWidget(save)


def windows(name: str) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == name]


def run(dialog: QDialog) -> int:
    QTimer.singleShot(0, dialog.accept)
    return dialog.exec()


def test_a_dialog_opened_by_a_screen_is_freed_once_done_with(qtbot: QtBot, ops: Operations) -> None:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    screen = window.stack.currentWidget()

    def open_note() -> str:
        dialog = NoteDialog(screen, "note_dialog")
        assert run(dialog) == QDialog.DialogCode.Accepted
        return dialog.typed  # read after exec(): it must still be there

    for _ in range(3):
        assert open_note() == "what the client said"
    qtbot.waitUntil(lambda: not windows("note_dialog"), timeout=3000)


def test_a_dialog_kept_to_show_again_is_not_freed(qtbot: QtBot, ops: Operations) -> None:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    screen = window.stack.currentWidget()
    screen.kept = NoteDialog(screen, "kept_dialog")  # type: ignore[attr-defined]
    run(screen.kept)  # type: ignore[attr-defined]
    qtbot.wait(300)
    assert windows("kept_dialog")
    assert run(screen.kept) == QDialog.DialogCode.Accepted  # type: ignore[attr-defined]


def test_only_the_dialogs_are_watched_not_every_event(qtbot: QtBot, ops: Operations) -> None:
    """The watch sees each dialog's own events, not the application's: a filter on the
    whole application was a Python call for every event of the program (14 % of the time a
    section took to open)."""
    seen: list[str] = []

    class Counting(FinishedDialogs):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            seen.append(watched.objectName())
            return super().eventFilter(watched, event)

    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    counting = Counting(window)  # made last: the one dialogs are handed to
    label = QLabel("not a window", window)
    label.setObjectName("a_label")
    label.show()
    label.setText("changed")
    window.go_to("calendar")
    QApplication.processEvents()
    assert seen == []
    dialog = NoteDialog(window.stack.currentWidget(), "watched_note")
    assert run(dialog) == QDialog.DialogCode.Accepted
    assert seen and set(seen) == {"watched_note"}
    del dialog
    qtbot.waitUntil(lambda: not windows("watched_note"), timeout=3000)
    assert counting is not None
