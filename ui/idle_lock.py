"""The idle lock: after some minutes without input, every window hides behind a curtain.

A curtain covers each visible ClientCare window (the main window and any dialog,
such as an open session note), so no client data shows; everything under it is
disabled, together with the window's actions, so printing, exporting and keyboard
shortcuts do nothing until the PIN is entered (or, for an encrypted database, its
passphrase: then no PIN is needed). The rules (PIN hash, minutes) are in
:mod:`clientcare.security`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientcare.encryption import PASSPHRASE_MAX_LENGTH, Passphrase
from clientcare.security import LockSettings, load_lock_settings, pin_matches
from ui.object_tree import descendants
from ui.theme import set_heading
from ui.widgets.fields import error_label

#: Input that counts as "someone is using ClientCare".
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
#: Wrong PINs in a row before the lock makes the person wait.
ATTEMPTS_BEFORE_WAIT = 5
WAIT_SECONDS = 30
LOCKED_TITLE = "Locked"  # shown as "Locked — ClientCare"


class LockSettingsNotifier(QObject):
    """Settings → Security tells the idle lock about a change, or asks it to lock now."""

    changed = Signal()
    lock_now = Signal()


_notifier: LockSettingsNotifier | None = None


def lock_settings_notifier() -> LockSettingsNotifier:
    """The one notifier of this process."""
    global _notifier
    if _notifier is None or not shiboken6.isValid(_notifier):
        _notifier = LockSettingsNotifier()
    return _notifier


class LockCurtain(QWidget):
    """Covers one window: "ClientCare is locked", a PIN field and an Unlock button."""

    unlock_requested = Signal(str)

    def __init__(self, host: QWidget, passphrase: bool = False) -> None:
        super().__init__(host)
        self.setObjectName("lock_curtain")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Its background: the application stylesheet's "QWidget#lock_curtain" rule.

        card = QFrame(self)
        card.setObjectName("lock_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(380)
        title = QLabel(self.tr("ClientCare is locked"))
        title.setObjectName("lock_title")
        set_heading(title, "heading")
        self.hint = hint = QLabel(self.tr("Client details are hidden. Enter your PIN to continue."))
        hint.setWordWrap(True)
        self.pin = QLineEdit()
        self.pin.setObjectName("unlock_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.setMaxLength(32)
        if passphrase:
            hint.setText(
                self.tr("Client details are hidden. Enter the database passphrase to continue.")
            )
            self.pin.setPlaceholderText(self.tr("Passphrase"))
            self.pin.setAccessibleName(self.tr("Passphrase"))
            self.pin.setMaxLength(PASSPHRASE_MAX_LENGTH)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.error = error_label("unlock_error")
        row = QHBoxLayout()
        row.addWidget(self.pin, 1)
        row.addWidget(self.unlock_button)
        self.inner = inner = QVBoxLayout(card)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.addWidget(title)
        inner.addWidget(hint)
        inner.addLayout(row)
        inner.addWidget(self.error)

        self.outer = outer = QVBoxLayout(self)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(card, 4)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(1)

        self.unlock_button.clicked.connect(self._submit)
        self.pin.returnPressed.connect(self._submit)
        host.installEventFilter(self)
        self._fit(host)
        self.setGeometry(host.rect())
        self.raise_()
        self.show()

    def _fit(self, host: QWidget) -> None:
        """In a small window (a message box), drop the hint and the margins; grow it if need be."""
        if host.height() < self.sizeHint().height() or host.width() < self.sizeHint().width():
            self.hint.hide()
            self.inner.setContentsMargins(10, 6, 10, 6)
            self.outer.setContentsMargins(4, 4, 4, 4)
        needed = self.minimumSizeHint()
        if host.width() < needed.width() or host.height() < needed.height():
            host.resize(max(host.width(), needed.width()), max(host.height(), needed.height()))

    def _submit(self) -> None:
        self.unlock_requested.emit(self.pin.text())

    def show_error(self, message: str) -> None:
        self.pin.clear()
        self.error.setText(f"⚠ {message}")
        self.error.setVisible(bool(message))

    def set_waiting(self, waiting: bool) -> None:
        self.pin.setEnabled(not waiting)
        self.unlock_button.setEnabled(not waiting)
        if not waiting:
            self.pin.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
            self.raise_()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Nothing reaches the window behind: Escape would close a dialog under the curtain.
        event.accept()


@dataclass
class _Covered:
    """One covered window and what was switched off in it, to switch back on."""

    host: QWidget
    curtain: LockCurtain
    title: str
    widgets: list[QWidget] = field(default_factory=list)
    actions: list[QAction] = field(default_factory=list)


class IdleLock(QObject):
    """Locks every ClientCare window after the idle minutes; the PIN unlocks them.

    Watches the application's input events. Without a PIN (or with 0 minutes)
    it never locks. ``main_window`` may be closed while locked; any other window
    refuses to close until unlocked.
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        main_window: QWidget,
        load_settings: Callable[[], LockSettings] = load_lock_settings,
    ) -> None:
        super().__init__(main_window)
        self.main_window = main_window
        self._load_settings = load_settings
        self.settings = load_settings()
        self._covered: list[_Covered] = []
        self._focus: QWidget | None = None
        self._failures = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self._end_wait)
        # Activity is watched on each window the person works in (its QWindow, which
        # receives the mouse and the keyboard before the widgets do), not on the whole
        # application: every event of every widget would pass through a Python filter (the
        # sections opened 17-34 % slower with one). The application is watched only while
        # locked (a window opened then is covered too).
        self._watching = False
        gui = QGuiApplication.instance()
        assert isinstance(gui, QGuiApplication)
        gui.focusWindowChanged.connect(self._watch_window)
        self._watch_window(QGuiApplication.focusWindow())
        main_window.installEventFilter(self)  # its own events: its window once it has one
        notifier = lock_settings_notifier()
        notifier.changed.connect(self.reload_settings)
        notifier.lock_now.connect(self.lock)
        self._restart_timer()

    @property
    def locked(self) -> bool:
        return bool(self._covered)

    def reload_settings(self) -> None:
        self.settings = self._load_settings()
        self._restart_timer()

    def _passphrase(self) -> Passphrase | None:
        """The open database's passphrase when it is encrypted: it unlocks instead of a PIN."""
        ops = getattr(self.main_window, "ops", None)
        database = getattr(ops, "database", None)
        secret = getattr(database, "passphrase", None)
        return secret if isinstance(secret, Passphrase) else None

    @property
    def enabled(self) -> bool:
        """Locks itself: some minutes, and a PIN or a database passphrase to unlock with."""
        has_secret = self.settings.pin is not None or self._passphrase() is not None
        return has_secret and self.settings.idle_minutes > 0

    def _restart_timer(self) -> None:
        if self.enabled and not self.locked:
            self.timer.start(self.settings.idle_minutes * 60_000)
        else:
            self.timer.stop()
        self._watch(self.locked)

    def _watch_window(self, window: QWindow | None) -> None:
        """Watch a window the person works in for activity (installed once: Qt keeps one)."""
        if window is not None:
            window.installEventFilter(self)

    def _watch(self, wanted: bool) -> None:
        """Watch every event of the application (windows shown while locked) or not."""
        if wanted == self._watching:
            return
        app = QApplication.instance()
        assert app is not None
        if wanted:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = wanted

    def set_interval_for_tests(self, milliseconds: int) -> None:
        """Lock after ``milliseconds`` instead of the minutes (tests cannot wait minutes)."""
        self.timer.setInterval(milliseconds)
        if self.timer.isActive():
            self.timer.start(milliseconds)

    # -- watching ----------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.main_window and kind == QEvent.Type.Show:
            self._watch_window(self.main_window.windowHandle())
        if not self._covered:
            if kind in ACTIVITY_EVENTS and self.timer.isActive():
                self.timer.start()
            return False
        # A main window closed while locked (and being destroyed) has nothing left to guard.
        if not shiboken6.isValid(self.main_window) or not self.main_window.isVisible():
            return False
        if not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.Show and self._should_cover(watched):
            if not self._is_covered(watched):
                self._open_way_to(watched)
                self._cover(watched)  # a window that opened while locked
        elif (
            kind == QEvent.Type.Close
            and watched is not self.main_window
            and self._is_covered(watched)
        ):
            event.ignore()
            return True
        return False

    # -- locking -----------------------------------------------------------

    def lock(self) -> bool:
        """Hide every window behind a curtain; False when there is no PIN to unlock with."""
        if self.locked:
            return True
        no_secret = self.settings.pin is None and self._passphrase() is None
        if no_secret or not self.main_window.isVisible():
            return False
        self.timer.stop()
        self._focus = QApplication.focusWidget()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if self._should_cover(widget):
                self._cover(widget)
        self._watch(True)  # a window opened while locked is covered too
        self._focus_top_curtain()
        self.locked_changed.emit(True)
        return True

    def _should_cover(self, widget: QWidget) -> bool:
        """A visible window of this main window: itself, its dialogs, or a parentless one."""
        if not widget.isWindow() or not widget.isVisible() or isinstance(widget, LockCurtain):
            return False
        kind = widget.windowType()
        if kind in (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen):
            return False
        top = widget
        while (parent := top.parentWidget()) is not None:
            top = parent
        return top is self.main_window or (top is widget and not isinstance(widget, QMainWindow))

    def _is_covered(self, widget: QWidget) -> bool:
        return any(covered.host is widget for covered in self._covered)

    def _cover(self, host: QWidget) -> None:
        curtain = LockCurtain(host, passphrase=self._passphrase() is not None)
        curtain.unlock_requested.connect(self.try_unlock)
        covered = _Covered(host=host, curtain=curtain, title=host.windowTitle())
        self._disable_under(host, curtain, covered)
        for action in descendants(host, QAction):
            if action.isEnabled():
                action.setEnabled(False)
                covered.actions.append(action)
        host.setWindowTitle(LOCKED_TITLE)
        if self._wait.isActive():
            curtain.set_waiting(True)
        self._covered.append(covered)

    def _disable_under(self, parent: QWidget, curtain: QWidget, covered: _Covered) -> None:
        """Disable what the curtain covers, except the way to a dialog (a window of its own).

        A screen opens its dialogs as its children, and a disabled widget disables its
        child windows too: their curtains would take no PIN. So a widget with a window
        somewhere below it stays enabled and its own children are disabled instead.
        """
        for child in descendants(parent, QWidget, direct_only=True):
            if child is curtain or child.isWindow() or not child.isEnabled():
                continue  # a dialog is a child too, but a window with its own curtain
            if any(self._should_cover(below) for below in descendants(child, QWidget)):
                self._disable_under(child, curtain, covered)
            else:
                child.setEnabled(False)
                covered.widgets.append(child)

    def _open_way_to(self, window: QWidget) -> None:
        """A window opened while locked, as the child of a widget disabled under a curtain:
        enable that widget again and disable its other children instead (see above)."""
        ancestors: list[QWidget] = []
        parent = window.parentWidget()
        while parent is not None:
            ancestors.append(parent)
            parent = parent.parentWidget()
        for ancestor in reversed(ancestors):  # the outermost first
            for covered in self._live():
                if ancestor in covered.widgets:
                    covered.widgets.remove(ancestor)
                    ancestor.setEnabled(True)
                    self._disable_under(ancestor, covered.curtain, covered)
                    return

    def _focus_top_curtain(self) -> None:
        live = [c for c in self._covered if shiboken6.isValid(c.curtain)]
        if not live:
            return
        modal = QApplication.activeModalWidget()
        target = next((c for c in live if c.host is modal), live[-1])
        target.host.activateWindow()
        target.curtain.pin.setFocus()

    # -- unlocking ---------------------------------------------------------

    def try_unlock(self, pin: str) -> bool:
        """Unlock when ``pin`` is right; returns whether it did.

        A wrong PIN is said so on every curtain; after several in a row the person waits.
        """
        if not self.locked or self._wait.isActive():
            return not self.locked
        stored = self.settings.pin
        secret = self._passphrase()
        if secret is not None:
            right = bool(pin) and secret.matches(pin)
        else:
            right = stored is not None and bool(pin) and pin_matches(pin, stored)
        if right:
            self.unlock()
            return True
        self._failures += 1
        if secret is not None:
            message = self.tr("That passphrase is not right. Check Caps Lock and try again.")
        else:
            message = self.tr("That PIN is not right. Try again.")
        if self._failures % ATTEMPTS_BEFORE_WAIT == 0:
            what = self.tr("passphrase") if secret is not None else self.tr("PIN")
            message = self.tr("That {what} is not right. Wait {n} seconds, then try again.").format(
                what=what, n=WAIT_SECONDS
            )
            self._wait.start(WAIT_SECONDS * 1000)
        for covered in self._live():
            covered.curtain.show_error(message)
            covered.curtain.set_waiting(self._wait.isActive())
        return False

    def _end_wait(self) -> None:
        for covered in self._live():
            covered.curtain.set_waiting(False)
            covered.curtain.show_error("")

    def _live(self) -> list[_Covered]:
        return [c for c in self._covered if shiboken6.isValid(c.curtain)]

    def unlock(self) -> None:
        covered_list, self._covered = self._covered, []
        for covered in covered_list:
            if not shiboken6.isValid(covered.host):
                continue
            for widget in covered.widgets:
                if shiboken6.isValid(widget):
                    widget.setEnabled(True)
            for action in covered.actions:
                if shiboken6.isValid(action):
                    action.setEnabled(True)
            covered.host.setWindowTitle(covered.title)
            if shiboken6.isValid(covered.curtain):
                covered.curtain.hide()
                covered.curtain.deleteLater()
        self._failures = 0
        if self._focus is not None and shiboken6.isValid(self._focus):
            self._focus.setFocus()
        self._focus = None
        self._restart_timer()
        self.locked_changed.emit(False)
