"""The idle lock, driven as a person would: step away, come back, type the PIN."""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from clientcare.security import (
    LockSettings,
    load_lock_settings,
    pin_matches,
    save_lock_settings,
    with_new_pin,
)
from ui.idle_lock import LOCKED_TITLE, LockCurtain
from ui.main_window import MainWindow
from ui.ops import Operations

PIN = "4821"


def _with_pin(minutes: int = 10) -> None:
    save_lock_settings(
        LockSettings(idle_minutes=minutes, pin=with_new_pin(LockSettings(), PIN, PIN).pin)
    )


def make_window(qtbot: QtBot, ops: Operations, idle_ms: int | None = None) -> MainWindow:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if idle_ms is not None:
        window.idle_lock.set_interval_for_tests(idle_ms)
    return window


def _curtain(widget: object) -> LockCurtain:
    curtains = [c for c in widget.findChildren(LockCurtain) if c.isVisible()]  # type: ignore[attr-defined]
    assert len(curtains) == 1
    return curtains[0]


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None
    return action


def test_without_a_pin_clientcare_never_locks(qtbot: QtBot, ops: Operations) -> None:
    window = make_window(qtbot, ops)
    assert not window.idle_lock.timer.isActive()
    _action(window, "action_lock").trigger()
    assert not window.idle_lock.locked
    assert "Set a PIN in Settings → Security first" in window.statusBar().currentMessage()


def test_after_the_idle_time_client_data_is_hidden_and_print_export_blocked(
    qtbot: QtBot, ops: Operations, typist
) -> None:  # type: ignore[no-untyped-def]
    _with_pin()
    window = make_window(qtbot, ops, idle_ms=150)
    printed: list[bool] = []
    window.print_current = lambda: printed.append(True)  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=3000)

    curtain = _curtain(window)
    assert curtain.geometry() == window.rect()  # it covers the whole window: menus, status too
    assert window.windowTitle() == LOCKED_TITLE
    assert not window.centralWidget().isEnabled()
    assert not window.menuBar().isEnabled()
    for name in ("action_print", "action_export_ics", "action_backup", "action_restore"):
        assert not _action(window, name).isEnabled(), name
    QTest.keyClick(curtain.pin, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    _action(window, "action_print").trigger()
    assert printed == []

    typist(curtain.pin, "1111")
    qtbot.keyClick(curtain.pin, Qt.Key.Key_Return)
    assert window.idle_lock.locked
    assert curtain.error.isVisible() and "That PIN is not right" in curtain.error.text()
    assert curtain.pin.text() == ""

    typist(curtain.pin, PIN)
    qtbot.mouseClick(curtain.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.idle_lock.locked
    assert window.windowTitle().startswith("ClientCare")
    assert window.windowTitle() != LOCKED_TITLE
    assert window.centralWidget().isEnabled()
    assert _action(window, "action_print").isEnabled()
    _action(window, "action_print").trigger()
    assert printed == [True]
    qtbot.waitUntil(lambda: not window.findChildren(LockCurtain))


def test_using_the_app_keeps_it_unlocked(qtbot: QtBot, ops: Operations) -> None:
    _with_pin()
    window = make_window(qtbot, ops, idle_ms=1000)
    started = time.monotonic()
    handle = window.windowHandle()  # the mouse and the keyboard reach the window first
    for step in range(10):
        qtbot.wait(150)
        if step % 2:
            QTest.mouseMove(handle, QPoint(300 + step, 300 + step))
        else:
            QTest.keyClick(handle, Qt.Key.Key_Shift)
    assert time.monotonic() - started > 1.0
    assert not window.idle_lock.locked
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=5000)


def test_an_open_note_dialog_is_covered_and_cannot_be_closed_while_locked(
    qtbot: QtBot, ops: Operations, typist
) -> None:  # type: ignore[no-untyped-def]
    _with_pin()
    window = make_window(qtbot, ops)
    dialog = QDialog(window)
    dialog.setWindowTitle("Session with Zoë Ñúñez")
    notes = QLineEdit("what the client said")
    QVBoxLayout(dialog).addWidget(notes)
    dialog.resize(500, 300)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert window.idle_lock.lock()
    curtain = _curtain(dialog)
    assert dialog.windowTitle() == LOCKED_TITLE
    assert not notes.isEnabled()
    qtbot.keyClick(curtain.pin, Qt.Key.Key_Escape)  # Escape would close a dialog
    dialog.close()
    assert dialog.isVisible()

    typist(curtain.pin, PIN)
    qtbot.keyClick(curtain.pin, Qt.Key.Key_Return)
    assert not window.idle_lock.locked
    assert dialog.windowTitle() == "Session with Zoë Ñúñez"
    assert notes.isEnabled() and notes.text() == "what the client said"


def test_with_a_modal_dialog_open_the_pin_is_typed_in_the_dialog(
    qtbot: QtBot, ops: Operations
) -> None:
    _with_pin()
    window = make_window(qtbot, ops)
    dialog = QDialog(window)
    dialog.setWindowTitle("Write up: Zoë Ñúñez")
    dialog.setModal(True)
    dialog.resize(400, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert QApplication.activeModalWidget() is dialog

    assert window.idle_lock.lock()
    curtain = _curtain(dialog)
    qtbot.waitUntil(curtain.pin.hasFocus)
    for digit in PIN:
        qtbot.keyClick(QApplication.focusWidget(), digit)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not window.idle_lock.locked
    assert dialog.isVisible() and dialog.windowTitle() == "Write up: Zoë Ñúñez"


def test_a_dialog_opened_from_a_screen_can_be_unlocked(qtbot: QtBot, ops: Operations) -> None:
    """Screens open their dialogs as their own children (a session note from the Clients
    screen, the note from an appointment dialog on the Calendar). Disabling the main
    window's content under the curtain must not disable those dialogs' curtains: the PIN
    could not be typed, and ClientCare stayed locked (found by the soak test)."""
    _with_pin()
    window = make_window(qtbot, ops)
    screen = window.stack.currentWidget()
    other = screen.findChildren(QPushButton)[0]
    appointment = QDialog(screen)
    appointment.setWindowTitle("Appointment")
    appointment.setModal(True)
    appointment.show()
    note = QDialog(appointment)
    note.setWindowTitle("Write up: Zoë Ñúñez")
    note.setModal(True)
    note.resize(400, 300)
    notes = QLineEdit(note)
    note.show()
    qtbot.waitExposed(note)
    assert QApplication.activeModalWidget() is note
    message = QDialog(window.sidebar)  # made before, shown while locked
    message.setModal(True)

    assert window.idle_lock.lock()
    curtain = _curtain(note)
    assert curtain.pin.isEnabled()
    assert not notes.isEnabled()  # what is under the curtain takes no input
    assert not other.isEnabled()  # nor the rest of the screen the dialogs came from
    qtbot.waitUntil(curtain.pin.hasFocus)
    # A window opening while locked (a refresh's message, a timer) is covered, and usable.
    assert not window.sidebar.isEnabled()
    message.show()
    qtbot.waitExposed(message)
    assert _curtain(message).pin.isEnabled() and not other.isEnabled()
    assert not window.sidebar.viewport().isEnabled()
    message.hide()
    note.activateWindow()
    curtain.pin.setFocus()
    for digit in PIN:
        qtbot.keyClick(curtain.pin, digit)
    qtbot.keyClick(curtain.pin, Qt.Key.Key_Return)
    assert not window.idle_lock.locked
    assert notes.isEnabled() and other.isEnabled() and window.centralWidget().isEnabled()
    assert note.isVisible() and note.windowTitle() == "Write up: Zoë Ñúñez"


def test_a_window_opened_while_locked_is_covered_too(qtbot: QtBot, ops: Operations) -> None:
    _with_pin()
    window = make_window(qtbot, ops)
    assert window.idle_lock.lock()
    late = QDialog(window)
    late.setWindowTitle("Reminder for Zoë")
    late.show()
    qtbot.waitExposed(late)
    assert late.windowTitle() == LOCKED_TITLE
    assert _curtain(late).isVisible()
    window.idle_lock.try_unlock(PIN)
    assert late.windowTitle() == "Reminder for Zoë"


def test_after_five_wrong_pins_the_person_must_wait(qtbot: QtBot, ops: Operations, typist) -> None:  # type: ignore[no-untyped-def]
    _with_pin()
    window = make_window(qtbot, ops)
    window.idle_lock.lock()
    curtain = _curtain(window)
    for _ in range(5):
        typist(curtain.pin, "0000")
        qtbot.keyClick(curtain.pin, Qt.Key.Key_Return)
    assert "Wait 30 seconds" in curtain.error.text()
    assert not curtain.pin.isEnabled() and not curtain.unlock_button.isEnabled()
    assert not window.idle_lock.try_unlock(PIN)  # not even the right one, until the wait ends
    window.idle_lock._wait.stop()
    window.idle_lock._end_wait()
    assert window.idle_lock.try_unlock(PIN)


def test_closing_the_locked_window_asks_nothing(qtbot: QtBot, ops: Operations) -> None:
    _with_pin()
    window = make_window(qtbot, ops)
    window.idle_lock.lock()
    window.close()
    assert not window.isVisible()


def test_setting_a_pin_in_settings_turns_the_lock_on(qtbot: QtBot, ops: Operations, typist) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, ops)
    window.go_to("settings")
    settings = window.screens["settings"]
    settings.tabs.setCurrentWidget(settings.security)  # type: ignore[attr-defined]
    tab = settings.security  # type: ignore[attr-defined]
    assert "No PIN yet" in tab.pin_state.text()
    assert not tab.lock_now_button.isEnabled()

    typist(tab.new_pin, "12a4")
    qtbot.mouseClick(tab.set_pin_button, Qt.MouseButton.LeftButton)
    assert "digits only" in tab.new_pin_field.error.text()
    tab.new_pin.clear()
    typist(tab.new_pin, "2468")
    typist(tab.repeat_pin, "2486")
    qtbot.mouseClick(tab.set_pin_button, Qt.MouseButton.LeftButton)
    assert "not the same" in tab.repeat_pin_field.error.text()
    assert load_lock_settings().pin is None

    typist(tab.repeat_pin, "2468")
    qtbot.keyClick(tab.repeat_pin, Qt.Key.Key_Return)
    stored = load_lock_settings().pin
    assert stored is not None and pin_matches("2468", stored)
    assert "A PIN is set" in tab.pin_state.text()
    assert tab.new_pin.text() == "" and tab.repeat_pin.text() == ""

    tab.idle_minutes.setValue(3)
    assert load_lock_settings().idle_minutes == 3
    assert window.idle_lock.timer.isActive()
    assert window.idle_lock.timer.interval() == 3 * 60_000

    qtbot.mouseClick(tab.lock_now_button, Qt.MouseButton.LeftButton)
    assert window.idle_lock.locked
    assert not window.centralWidget().isEnabled()
    assert window.idle_lock.try_unlock("2468")

    qtbot.mouseClick(tab.remove_pin_button, Qt.MouseButton.LeftButton)
    assert load_lock_settings().pin is None
    assert not window.idle_lock.timer.isActive()
    assert QApplication.activePopupWidget() is None


def test_a_window_destroyed_while_locked_leaves_no_trouble(qtbot: QtBot, ops: Operations) -> None:
    """The lock watches the whole application: a dead window must not break other windows."""
    _with_pin()
    window = MainWindow(ops)  # not given to qtbot: this test destroys it itself
    window.show()
    qtbot.waitExposed(window)
    window.idle_lock.lock()
    window.close()
    window.deleteLater()
    qtbot.wait(50)
    other = QDialog()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    assert not other.findChildren(LockCurtain)


def test_the_lock_watches_the_windows_not_every_widget(qtbot: QtBot, ops: Operations) -> None:
    """Activity is seen where the mouse and the keyboard arrive, the window; the events of
    the widgets inside it (painting, layout, a label's new text) never pass through the
    lock's Python filter (one on the whole application cost every event of the program);
    while locked it watches everything, to cover a window that opens."""
    from PySide6.QtWidgets import QLabel, QWidget

    from clientcare.security import load_lock_settings
    from ui.idle_lock import IdleLock

    widgets: list[str] = []

    class Counting(IdleLock):  # a subclass: patching a Qt virtual on a class is unsafe
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if isinstance(watched, QWidget) and watched is not self.main_window:
                widgets.append(watched.objectName())
            return super().eventFilter(watched, event)

    _with_pin()
    window = MainWindow(ops)
    qtbot.addWidget(window)
    lock = Counting(window, load_lock_settings)
    window.show()
    qtbot.waitExposed(window)
    lock.set_interval_for_tests(2000)
    window.go_to("calendar")
    label = QLabel("a widget", window)
    label.show()
    label.setText("changed")
    qtbot.wait(400)
    assert widgets == []
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Shift)
    assert lock.timer.remainingTime() > 1700  # the person is there

    assert lock.lock()
    dialog = QDialog(window)
    dialog.show()
    assert widgets  # locked: every window shown is looked at, and covered
    assert lock.try_unlock(PIN)
    widgets.clear()
    label.setText("again")
    qtbot.wait(50)
    assert widgets == []
