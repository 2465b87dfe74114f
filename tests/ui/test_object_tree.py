"""Looking below a widget must not keep Qt's deleted widgets' wrappers alive.

In PySide6, ``findChildren``/``findChild`` record every object they return as a child of
the object they were called on, so its wrapper lives as long as the caller's. Locking the
window looked through the main window that way: every later-deleted scroll bar, viewport
and combo list stayed wrapped for the rest of the session (the hour-long soak grew
~4 KB an action). ``ui.object_tree`` walks ``children()`` instead.
"""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clientcare.security import LockSettings, save_lock_settings, with_new_pin
from ui.main_window import MainWindow
from ui.object_tree import descendant, descendants
from ui.ops import Operations

PIN = "4821"


def _watch(widget: QWidget) -> list[weakref.ref[QObject]]:
    """Weak references to the wrappers of everything inside ``widget``."""
    return [weakref.ref(thing) for thing in descendants(widget, QObject)]


def _still_wrapped(watched: list[weakref.ref[QObject]]) -> int:
    """How many of the watched wrappers are alive (after a collection)."""
    gc.collect()
    return sum(1 for ref in watched if ref() is not None)


def _delete(widget: QWidget) -> None:
    widget.deleteLater()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _panel(host: QWidget) -> QWidget:
    """A panel with Qt's own inner widgets (scroll bars, viewport, a combo's list)."""
    panel = QWidget(host)
    layout = QVBoxLayout(panel)
    combo = QComboBox()
    combo.setObjectName("choice")
    combo.addItems(["one", "two"])
    layout.addWidget(combo)
    layout.addWidget(QTableView())
    line = QLineEdit()
    line.setClearButtonEnabled(True)  # a QAction Qt makes and owns
    layout.addWidget(line)
    host.layout().addWidget(panel)
    panel.show()
    return panel


def test_descendants_are_what_find_children_finds_in_the_same_order(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host)
    panel = _panel(host)
    label = QLabel("x", panel)
    label.setObjectName("note")

    assert descendants(host, QWidget) == host.findChildren(QWidget)
    assert descendants(host, QAction) == host.findChildren(QAction)
    assert descendants(host, QWidget, direct_only=True) == [panel]
    assert descendant(host, QLabel, "note") is label
    assert descendant(host, QComboBox) is panel.findChild(QComboBox)
    assert descendant(host, QLabel, "nobody") is None


def test_looking_through_a_lasting_widget_keeps_nothing_qt_deleted(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host)
    host.show()
    watched: list[weakref.ref[QObject]] = []
    for _ in range(5):
        panel = _panel(host)
        assert len(descendants(host, QWidget)) > 5  # the inner widgets are wrapped
        assert descendant(host, QComboBox, "choice") is not None
        watched += _watch(panel)
        _delete(panel)
        del panel
    assert len(watched) > 25
    assert _still_wrapped(watched) == 0


def test_the_binding_still_keeps_what_find_children_found(qtbot: QtBot) -> None:
    """Why ui.object_tree exists. When this fails, a new PySide6 no longer keeps the
    wrappers (note it in the README's binding notes); the helpers stay harmless."""
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host)
    host.show()
    panel = _panel(host)
    watched = [weakref.ref(thing) for thing in host.findChildren(QWidget)]
    _delete(panel)
    del panel
    assert _still_wrapped(watched) > 5


def test_locking_the_window_keeps_no_deleted_widgets_wrapped(qtbot: QtBot, ops: Operations) -> None:
    save_lock_settings(
        LockSettings(idle_minutes=10, pin=with_new_pin(LockSettings(), PIN, PIN).pin)
    )
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    panel = _panel(window.centralWidget())

    lock = descendant(window, QAction, "action_lock")
    assert lock is not None
    lock.trigger()
    assert window.idle_lock.locked
    assert not window.centralWidget().isEnabled()
    assert window.idle_lock.try_unlock(PIN)
    assert window.centralWidget().isEnabled()
    watched = _watch(panel)  # the wrappers the lock looked through (the same objects)
    _delete(panel)  # a screen rebuilt, a dialog's table gone: Qt deletes the inner widgets
    del panel

    assert len(watched) > 5
    assert _still_wrapped(watched) == 0
