"""Looking below a widget must not keep Qt's deleted widgets' wrappers alive.

In PySide6, ``findChildren``/``findChild`` record every object they return as a child of
the object they were called on, so its wrapper lives as long as the caller's. Locking the
window looked through the main window that way: every later-deleted scroll bar, viewport
and combo list stayed wrapped for the rest of the session (the hour-long soak grew
~4 KB an action). ``ui.object_tree`` walks ``children()`` instead.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import weakref
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QPalette, QPixmapCache
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clientcare.printouts import Printout
from clientcare.security import LockSettings, save_lock_settings, with_new_pin
from tools.soak.child import malloc_in_use
from ui import icons, printing
from ui.dialog import Dialog
from ui.finished_dialogs import FinishedDialogs
from ui.main_window import MainWindow
from ui.object_tree import delete_now, descendant, descendants
from ui.ops import Operations
from ui.theme import apply_theme, forget_cached_drawings, stylesheet

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


# -- Qt's style-sheet caches -----------------------------------------------------------


@pytest.fixture
def app_style_sheet() -> Iterator[None]:
    """ClientCare's application style sheet, as the app runs with it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(stylesheet())
    yield
    app.setStyleSheet(before)


def _booking_like_dialog() -> QDialog:
    """A dialog with the widgets whose inner parts Qt's style-sheet style remembers."""
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    widgets = [
        *(QSpinBox() for _ in range(4)),
        *(QDateEdit() for _ in range(4)),
        *(QComboBox() for _ in range(2)),
    ]
    for widget in widgets:
        layout.addWidget(widget)
    dialog.show()
    QApplication.processEvents()
    dialog.hide()
    return dialog


def _settled_c_heap() -> int:
    libc = ctypes.CDLL("libc.so.6")
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    gc.collect()
    libc.malloc_trim(0)
    return malloc_in_use()


def _least_growth(
    one: Callable[[], None], batches: int = 3, rounds: int = 100, warm_up: int = 30
) -> float:
    """Bytes of C heap kept per call of ``one``: the least of a few batches (whatever else
    the process allocates meanwhile only ever adds), after a warm-up."""
    for _ in range(warm_up):
        one()
    growth = []
    for _ in range(batches):
        start = _settled_c_heap()
        for _ in range(rounds):
            one()
        growth.append((_settled_c_heap() - start) / rounds)
    return min(growth)


def _c_heap_growth_per_dialog(delete: Callable[[QDialog], None]) -> float:
    """Bytes of C heap kept per dialog made and deleted with ``delete`` (the names of
    the style's cached drawings forgotten each time: only the style-sheet caches count)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def one() -> None:
        delete(_booking_like_dialog())
        forget_cached_drawings(app)

    return _least_growth(one)


def test_a_deleted_dialog_leaves_nothing_in_the_style_sheet_caches(
    qtbot: QtBot, app_style_sheet: None
) -> None:
    """Spin boxes, date edits and combo boxes in a dialog made again and again (the
    booking dialog) kept ~0.3 KB each in Qt before delete_now released
    what Qt's style-sheet style cached for their inner line edits and lists."""
    assert malloc_in_use() > 0, "glibc's mallinfo2 is needed to measure this"
    assert _c_heap_growth_per_dialog(delete_now) < 800


@pytest.fixture
def app_theme() -> Iterator[QApplication]:
    """ClientCare's theme (its style, palette and style sheet), put back after the test."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, palette, sheet = app.style().name(), QPalette(app.palette()), app.styleSheet()
    apply_theme(app, dark=False, follow=False)
    yield app
    app.setStyle(style)
    app.setPalette(palette)
    app.setStyleSheet(sheet)
    icons.clear_cache()


@pytest.fixture
def lone_finished_dialogs(qtbot: QtBot) -> Iterator[FinishedDialogs]:
    """A FinishedDialogs as the main window has, the one dialogs made now are handed to
    (made last; those of earlier tests' windows never see them)."""
    for _ in range(10):  # a modal window an earlier test left open would hold back sweeps
        modal = QApplication.activeModalWidget()
        if modal is None:
            break
        modal.hide()
    host = QWidget()
    qtbot.addWidget(host)
    yield FinishedDialogs(host)


def _closed_dialogs_growth(
    finished: FinishedDialogs,
    sweep: bool,
) -> float:
    """Bytes of C heap kept per dialog opened over the window, closed, and freed as the
    app frees them (FinishedDialogs) or only deleted (``sweep`` False)."""
    host = finished.parent()
    assert isinstance(host, QWidget)

    def one() -> None:
        dialog = Dialog(host)
        layout = QVBoxLayout(dialog)
        for widget in (QSpinBox(), QDateEdit(), QComboBox()):
            layout.addWidget(widget)
        dialog.show()
        QApplication.processEvents()
        dialog.hide()
        if sweep:
            del dialog
            freed = finished.sweep()
            assert freed == 1, (
                QApplication.activeModalWidget(),
                [type(holder) for holder in gc.get_referrers(*finished._pending)],
            )
        else:
            delete_now(dialog)

    gc.freeze()  # as ui.app does after start-up: the window is not looked at as a holder
    try:
        return _least_growth(one)
    finally:
        gc.unfreeze()


def test_freeing_closed_dialogs_lets_the_style_forget_their_drawings(
    app_theme: QApplication, lone_finished_dialogs: FinishedDialogs
) -> None:
    """Each dialog with a spin box, a date edit and a combo box, painted in ClientCare's
    theme, left ~12 KB of names of cached drawings in Qt (the soak's booking growth) until
    freeing finished dialogs made the style forget them."""
    assert _closed_dialogs_growth(lone_finished_dialogs, sweep=True) < 1000


def test_a_freed_print_preview_takes_its_drawings_with_it(
    app_theme: QApplication, lone_finished_dialogs: FinishedDialogs
) -> None:
    """A print preview draws its toolbar's icons into Qt's pixmap cache under names of its
    own that nothing finds again once it is gone: ~33 KB a preview stayed there until the
    cache was full (10 MiB: the hour-long soak's slow climb, printing briefs and day
    sheets). Freeing finished dialogs now empties it."""
    host = lone_finished_dialogs.parent()
    assert isinstance(host, QWidget)
    host.show()
    printout = Printout("Checklist", "<h1>Checklist</h1><p>A line to print.</p>", "Today", ())

    def look_and_close(preview: QDialog) -> None:
        for _ in range(3):  # shown on screen: its pages laid out, then all drawn
            QApplication.processEvents()
        preview.repaint()
        preview.close()

    def one() -> None:
        preview = printing.make_preview_dialog(host, printout, "A4")
        QTimer.singleShot(0, functools.partial(look_and_close, preview))
        preview.exec()
        del preview
        assert lone_finished_dialogs.sweep() == 1

    QPixmapCache.clear()  # an earlier test's drawings could fill it and hide the growth
    gc.freeze()  # as ui.app does after start-up: the window is not looked at as a holder
    try:
        growth = _least_growth(one, batches=2, rounds=30, warm_up=3)
    finally:
        gc.unfreeze()
    assert growth < 3000


def test_qt_still_keeps_the_names_of_cached_drawings(
    app_theme: QApplication, lone_finished_dialogs: FinishedDialogs
) -> None:
    """Why ui.theme.forget_cached_drawings exists. When this fails, a new Qt no longer keeps
    them (note it in the README's binding notes); forgetting stays harmless."""
    assert _closed_dialogs_growth(lone_finished_dialogs, sweep=False) > 4000
