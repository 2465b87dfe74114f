"""Every window fits the screen it opens on.

A dialog is laid out for a comfortable size (the note editor asks for 1180×760, the CSV
import for 1000×820), but a 1366×768 laptop has about 728 pixels of height once its panel
is counted, less a title bar: the Finalise row and the status bar ran off the bottom. As
each window is shown, :func:`fit_when_shown` shrinks it to the screen's free area, less the
frame the window manager adds, and moves it back onto the screen; a window that fits is left
exactly as it asked. The watch on each dialog (:class:`ui.dialog.Dialog`, through
:class:`ui.finished_dialogs.FinishedDialogs`) calls it; nothing watches the whole
application for windows (a filter on the application is a Python call for every event of
the program).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QWidget

#: Room kept at least for the frame and title bar the window manager adds (before the
#: first show the frame is not known yet).
FRAME_ALLOWANCE = QSize(16, 40)
_NOT_WINDOWS = (
    Qt.WindowType.Popup,
    Qt.WindowType.ToolTip,
    Qt.WindowType.SplashScreen,
    Qt.WindowType.Desktop,
)


def screen_of(widget: QWidget) -> QScreen:
    """The screen ``widget`` is on (its centre), or the primary screen.

    Not ``widget.screen()``: PySide6 (6.11.3 checked) records the screen that returns as
    belonging to the widget's Python object, so each window asked in turn became its
    holder, and once Python's collector freed such a window it deleted Qt's own screen
    with it (gdb: ``QScreen::~QScreen`` called from the collector). Every window made after
    that crashed as it looked up its screen (the test suite's rare segfault in
    ``QDialog.__init__``). The application's static look-ups hand the screen to nobody.
    """
    centre = widget.mapToGlobal(widget.rect().center())
    return QGuiApplication.screenAt(centre) or QGuiApplication.primaryScreen()


def free_area(window: QWidget) -> QRect:
    """The part of ``window``'s screen not taken by panels and docks."""
    return screen_of(window).availableGeometry()


def fit_to_screen(window: QWidget) -> None:
    """Shrink ``window`` to its screen's free area (less the frame) and move it onto it."""
    area = free_area(window)
    # The frame as known (after a first show), and never less than the usual title bar.
    frame = (window.frameGeometry().size() - window.size()).expandedTo(FRAME_ALLOWANCE)
    room = QSize(area.width() - frame.width(), area.height() - frame.height())
    if window.isMaximized() or window.isFullScreen():
        return
    if window.minimumWidth() > room.width():
        window.setMinimumWidth(room.width())
    if window.minimumHeight() > room.height():
        window.setMinimumHeight(room.height())
    size = window.size()
    if size.width() > room.width() or size.height() > room.height():
        window.resize(size.boundedTo(room))
    outer = window.frameGeometry()
    width = window.width() + frame.width()
    height = window.height() + frame.height()
    left = min(max(outer.left(), area.left()), area.right() + 1 - width)
    top = min(max(outer.top(), area.top()), area.bottom() + 1 - height)
    if (left, top) != (outer.left(), outer.top()):
        window.move(left, top)


def fit_when_shown(watched: QObject, event: QEvent) -> None:
    """From an event filter on a window: fit ``watched`` if it is a window being shown.
    Not the main window: it has its own first size (``first_window_size``, filling a
    laptop's screen) and Qt keeps a restored size on the screen."""
    if (
        event.type() == QEvent.Type.Show
        and isinstance(watched, QWidget)
        and watched.isWindow()
        and not isinstance(watched, QMainWindow)
        and watched.windowType() not in _NOT_WINDOWS
    ):
        fit_to_screen(watched)
