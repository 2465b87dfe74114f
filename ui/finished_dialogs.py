"""Dialogs the screens are done with are freed.

A screen opens a dialog as its child (``SomeDialog(self.ops, parent=self)``, then ``exec()``)
so it is centred on the window and modal to it. When the method that opened it returns, the
hidden dialog is not freed: its buttons' connections hold lambdas that hold the dialog (a
cycle through Qt that Python's collector cannot see), and its Qt parent holds it too. It
lives as long as the screen, with every widget, model and client list it holds: every
dialog ever opened stayed in memory (the soak test, ``make soak``, counted thousands of
hidden windows after a few hundred actions, and the memory grew with them).

:class:`FinishedDialogs` watches dialogs being hidden; once nothing in Python refers to a
hidden dialog any more (the code that opened it has finished with it), it is deleted. A
dialog some code keeps (in an attribute, to show again) is left alone, and so is one Qt
made itself (a message box, a file dialog: Qt deletes those). What start-up made and froze out
of the collector's reach (``gc.freeze`` in ui/app.py) is not looked at: a module-level
registry of open dialogs, should one ever be wanted, must be a container made later.

It watches each dialog, not the application: every ClientCare dialog is a
:class:`ui.dialog.Dialog`, which hands itself to :func:`watch_window` as it is made (a
message box or progress window made in Python is handed over by the code that makes it).
The same watch fits each window to the screen as it is shown (:mod:`ui.fit_screen`). A
filter on the application would be a Python call for every event of the program: this one
cost 14 % of the time each section took to open (7 sections opened in turn: 819–859 ms
with it, 703–736 ms without).
"""

from __future__ import annotations

import gc
from types import CellType, MethodType

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui.fit_screen import fit_when_shown
from ui.object_tree import delete_now
from ui.theme import forget_cached_drawings

#: How often dialogs still held by the code that opened them are looked at again.
RECHECK_MS = 1000


def in_use(dialog: QDialog, ignore: object) -> bool:
    """Whether Python code still holds ``dialog``: a running function (the one that opened
    it, still reading what was typed), an attribute, a list or a dict. The closures and
    bound methods of its own signal connections do not count."""
    for holder in gc.get_referrers(dialog):
        if holder is ignore or isinstance(holder, CellType | MethodType):
            continue
        return True
    return False


#: The watch windows are handed to: the one made last (the main window's) while it lives.
_current: list[FinishedDialogs] = []


def current() -> FinishedDialogs:
    """The watch in use: the main window's, or (no main window) one of the application's."""
    _current[:] = [watch for watch in _current if shiboken6.isValid(watch)]
    if not _current:
        app = QApplication.instance()
        assert app is not None
        FinishedDialogs(app)
    return _current[-1]


def watch_window(window: QWidget) -> None:
    """Fit ``window`` to the screen each time it is shown; once hidden and no longer used by
    any Python code, delete it (see the module)."""
    current().watch(window)


class FinishedDialogs(QObject):
    """Deletes hidden dialogs that only their Qt parent still holds (see the module)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[QDialog] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sweep)
        _current.append(self)

    def watch(self, window: QWidget) -> None:
        """Watch ``window``'s own events (not those of the widgets in it)."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show:  # fitted to the screen as it is shown
            fit_when_shown(watched, event)
            return False
        if (
            kind == QEvent.Type.Hide
            and isinstance(watched, QDialog)
            and watched.parent() is not None
            and shiboken6.createdByPython(watched)
        ):
            if not any(watched is dialog for dialog in self._pending):
                self._pending.append(watched)
            self._timer.start(0)
        return False

    def _free(self, dialog: QDialog, pending: list[QDialog]) -> bool:
        """Delete ``dialog`` if nothing uses it now (else look again later)."""
        if not shiboken6.isValid(dialog) or dialog.isVisible():
            return False
        if in_use(dialog, pending):
            self._pending.append(dialog)  # look again later
            return False
        delete_now(dialog)  # not deleteLater: see ui.object_tree.delete_now
        return True

    def sweep(self) -> int:
        """Delete the hidden dialogs nothing uses now; how many were deleted."""
        if QApplication.activeModalWidget() is not None:  # the code that opened them waits
            self._timer.start(RECHECK_MS)
            return 0
        pending, self._pending = self._pending, []
        freed = 0
        while pending:
            if self._free(pending.pop(), pending):
                freed += 1
        if freed:
            forget_cached_drawings(QApplication.instance())  # type: ignore[arg-type]
        if self._pending:
            self._timer.start(RECHECK_MS)
        return freed
