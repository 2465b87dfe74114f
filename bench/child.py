"""Whole-process measurements, run by bench/__main__.py as ``python -m bench.child MODE DB``.

MODE ``floor``    a bare PySide6 QMainWindow shown and painted, plus ``import sqlalchemy.orm``;
MODE ``startup``  ClientCare as ``ui.launch.main`` starts it, on DB, until Today is painted
                  (``python -m bench.child startup DB YYYY-MM-DD``: the Today of the data);
MODE ``memory``   the same, then every screen of the sidebar visited; peak RSS (VmHWM);
MODE ``sections`` the same (without the daily backup, measured on its own), the window at
                  1366×768, then every section visited twice: the first visit and, once the
                  others were visited, the re-visit, each timed from ``go_to`` until painted
                  (by the event loop, as on screen: never forced on top) and the event loop
                  is idle;
MODE ``dialogs``  the same, then each dialog of DIALOGS opened twice for Today's first
                  appointment (or its client), timed until shown, painted and idle;
MODE ``backup``   ``backup DB DAY due|taken SECONDS``: the start-up with the daily backup
                  due (it runs) or already taken today, then a 5 ms timer on the GUI thread
                  from Today painted until the backup's completion is reported (``due``) or
                  for SECONDS (``taken``): the longest gap between its ticks.

The child prints one JSON line: ``painted`` is ``time.monotonic()`` (one clock for the whole
machine on Linux, so the parent subtracts its own reading from before it started the process),
``peak_kib`` the child's peak resident memory. The child leaves with ``os._exit`` once it has
printed, so tearing the window down is not counted.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

#: The window size the sections are measured at (a common laptop screen).
SECTIONS_SIZE = (1366, 768)


def _peak_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _report(**values: Any) -> None:
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()
    os._exit(0)


class Ticks:
    """A 5 ms QTimer on the GUI thread: the gaps between its ticks (event loop stalls)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = 0.0
        self.gaps: list[float] = []
        #: The longest gap so far, and when it ended (``time.monotonic()``).
        self.worst = 0.0
        self.worst_at = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        moment = time.perf_counter()
        if self.last:
            gap = moment - self.last
            self.gaps.append(gap)
            if gap > self.worst:
                self.worst, self.worst_at = gap, time.monotonic()
        self.last = moment


def settle(root: Any = None, limit: float = 60.0) -> int:
    """Process events until the event loop is idle; returns the passes it took.

    Idle: a pass of the event dispatcher found nothing to do (no posted event, no timer
    due) and no work handed to a pool thread (ui.background) under ``root`` is waiting for
    its result; while some is, wait for the timer that picks it up.
    """
    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop

    dispatcher = QAbstractEventDispatcher.instance()
    every = QEventLoop.ProcessEventsFlag.AllEvents
    passes = 0
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        passes += 1
        if dispatcher.processEvents(every):
            continue
        if root is None or not _background_busy(root):
            break
        dispatcher.processEvents(every | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    return passes


def _background_busy(root: Any) -> bool:
    background = sys.modules.get("ui.background")
    if background is None:
        return False
    return bool(root.findChildren(background.Background))


def floor() -> None:
    import sqlalchemy.orm  # noqa: F401  (the floor includes it: the app cannot do without)
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is window and event.type() == QEvent.Type.Paint:
                _report(painted=time.monotonic(), peak_kib=_peak_kib())
            return False

    watcher = Painted()
    app.installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    app.exec()


#: What a mode does once Today is painted: (window, app, painted, appointments shown).
OnPainted = Callable[[Any, Any, float, int], None]


def _clientcare(
    database: str, day: str, on_painted: OnPainted, patch: Callable[[], None] | None = None
) -> None:
    from ui import launch

    launch.prepare()  # as ui.launch.main does, before anything of the app is imported
    if patch is not None:
        patch()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    today = dt.date.fromisoformat(day)  # bench.generate.TODAY (not imported: it imports demo)

    # The benchmark practice's "today" is fixed so the Today screen shows a full day.
    import ui.screens.today as today_module

    today_module.TodayScreen.now = lambda self: dt.datetime.combine(  # type: ignore[method-assign]
        today, dt.time(8, 30)
    )

    state: dict[str, Any] = {"window": None}

    def main_window() -> Any:
        if state["window"] is None:
            for widget in app.topLevelWidgets():
                if widget.objectName() == "main_window" and widget.isVisible():
                    state["window"] = widget
        return state["window"]

    def finish() -> None:
        window = main_window()
        today = window.screens["today"]
        shown = today.model.rowCount() if hasattr(today, "model") else -1
        on_painted(window, app, time.monotonic(), shown)

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window = main_window()
                if window is not None and watched is window.stack.currentWidget():
                    if window.current_section() == "today":
                        app.removeEventFilter(self)
                        QTimer.singleShot(0, finish)
                    else:  # opened elsewhere: go to Today, as a person would, and wait for it
                        QTimer.singleShot(0, lambda: window.go_to("today"))
            return False

    watcher = Painted()
    app.installEventFilter(watcher)
    from ui.app import main

    main(["--db", database])


def startup(window: Any, app: Any, painted: float, shown: int) -> None:
    _report(painted=painted, peak_kib=_peak_kib(), today_rows=shown)


def memory(window: Any, app: Any, painted: float, shown: int) -> None:
    sections = [window.sidebar.item(row).data(256) for row in range(window.sidebar.count())]
    started = time.perf_counter()
    for key in sections:
        window.go_to(key)
        screen = window.stack.currentWidget()
        screen.repaint()
        app.processEvents()
    _report(
        painted=painted,
        peak_kib=_peak_kib(),
        today_rows=shown,
        visited=sections,
        visit_seconds=time.perf_counter() - started,
    )


def paint_counter() -> Any:
    """An event filter counting the paint events of the widgets it is installed on (a
    class made once Qt is imported)."""
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    return Counter()


def sections(window: Any, app: Any, painted: float, shown: int) -> None:
    """Each section's first visit, then (every other one visited since) its re-visit."""
    window.resize(*SECTIONS_SIZE)
    settle(window)
    keys = [window.sidebar.item(row).data(256) for row in range(window.sidebar.count())]
    visits: dict[str, dict[str, float]] = {"first": {}, "again": {}}
    passes: dict[str, dict[str, int]] = {"first": {}, "again": {}}
    painted_by = paint_counter()
    for visit in ("first", "again"):
        for key in keys:
            started = time.perf_counter()
            window.go_to(key)
            # Painted as a person sees it: by the update the section's showing posts, in
            # the event loop (not forced once more on top: that painted every section
            # twice or three times). A section the loop did not paint is painted here.
            screen = window.stack.currentWidget()
            screen.installEventFilter(painted_by)
            painted_by.count = 0
            passes[visit][key] = settle(window)
            if not painted_by.count:
                screen.repaint()
            screen.removeEventFilter(painted_by)
            visits[visit][key] = time.perf_counter() - started
    _report(
        painted=painted,
        peak_kib=_peak_kib(),
        today_rows=shown,
        size=list(SECTIONS_SIZE),
        first=visits["first"],
        again=visits["again"],
        passes=passes,
    )


def _without_daily_backup() -> None:
    """Leave the daily backup out (the sections are measured without a copy running)."""
    import ui.app

    ui.app.start_daily_backup = lambda *args, **kwargs: None  # type: ignore[assignment]


def _watch_daily_backup(due: bool, seconds: float) -> tuple[Callable[[], None], OnPainted]:
    """The backup mode: the real start_daily_backup, its completion watched; a 5 ms timer
    on the GUI thread from Today painted until it is reported (due) or for ``seconds``.

    Returns the patch (applied once ui.launch has prepared the start-up) and what to do
    once Today is painted.
    """
    state: dict[str, Any] = {"reported": None, "started": None, "ticks": None}

    def finish() -> None:
        ticks = state["ticks"]
        if ticks is not None:
            ticks.timer.stop()
        gaps = sorted(ticks.gaps) if ticks is not None else []
        _report(
            painted=state["painted"],
            peak_kib=_peak_kib(),
            today_rows=state["shown"],
            backup_started=state["started"],
            backup_reported=state["reported"],
            ticks=len(gaps) + (1 if gaps else 0),
            worst_gap=gaps[-1] if gaps else None,
            p99_gap=gaps[min(len(gaps) - 1, round(0.99 * (len(gaps) - 1)))] if gaps else None,
            worst_at=ticks.worst_at if gaps else None,
        )

    def reported() -> None:
        state["reported"] = time.monotonic()
        if due and state.get("painted") is not None:
            finish()

    def patch() -> None:
        import ui.app
        from ui.background import Background

        original = ui.app.start_daily_backup

        def watched(database: Any, window: Any, passphrase: Any = None) -> None:
            before = set(window.findChildren(Background))
            state["started"] = time.monotonic()
            original(database, window, passphrase)
            for work in window.findChildren(Background):
                if work not in before:
                    work.destroyed.connect(lambda *_args: reported())

        ui.app.start_daily_backup = watched  # type: ignore[assignment]

    def on_painted(window: Any, app: Any, painted: float, shown: int) -> None:
        from PySide6.QtCore import QTimer

        state["painted"], state["shown"] = painted, shown
        if due and state["reported"] is not None:
            finish()  # the copy was over before Today was painted: no stall to measure
            return
        ticks = Ticks()
        state["ticks"] = ticks
        ticks.timer.start()
        if not due:
            QTimer.singleShot(int(seconds * 1000), finish)

    return patch, on_painted


#: The dialogs a practitioner opens all day, measured by ``dialogs``.
DIALOGS = ("note editor", "appointment", "running late", "payment", "referral")


def _make_dialog(kind: str, window: Any, appointment: Any) -> Any:
    """A dialog as the screens make it, for ``appointment`` (or its client)."""
    ops = window.ops
    if kind == "note editor":
        from ui.dialogs.interaction import InteractionEditor

        return InteractionEditor(ops, appointment_id=appointment.id, parent=window)
    if kind == "appointment":
        from ui.dialogs.appointment import AppointmentDialog

        return AppointmentDialog(ops, appointment_id=appointment.id, parent=window)
    if kind == "running late":
        from ui.dialogs.running_late import RunningLateDialog

        return RunningLateDialog(ops, appointment.id, window)
    if kind == "payment":
        from ui.dialogs.payment import PaymentDialog

        return PaymentDialog(ops, appointment.client_id, window)
    from ui.dialogs.referral import ReferralDialog

    return ReferralDialog(ops, client_id=appointment.client_id, parent=window)


def _is_field(widget: Any) -> bool:
    """Whether ``widget`` is something to fill in (not a button, not a scroll area)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()  # a check box or a radio button is a field
    return isinstance(widget, QLineEdit | QAbstractSpinBox | QComboBox | QPlainTextEdit | QTextEdit)


def dialogs(window: Any, app: Any, painted: float, shown: int) -> None:
    """Each dialog opened twice for Today's first appointment: from the call that makes it
    until it is shown with its data, painted, and the event loop idle; and which widget has
    the focus then (a dialog opens on its first field)."""
    from ui.app import WARM_UP_AFTER_MS

    window.resize(*SECTIONS_SIZE)
    settle(window)
    # As a practitioner does: Today is read a moment before the first dialog is opened
    # (ClientCare prepares the dialogs' code meanwhile).
    until = time.monotonic() + WARM_UP_AFTER_MS / 1000 + 0.5
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.01)
    settle(window)
    today = window.screens["today"]
    appointment = today.model.rows[0].appointment
    opened: dict[str, dict[str, float]] = {"first": {}, "again": {}}
    focus: dict[str, str] = {}
    for visit in ("first", "again"):
        for kind in DIALOGS:
            started = time.perf_counter()
            dialog = _make_dialog(kind, window, appointment)
            dialog.show()
            dialog.repaint()
            settle(dialog)
            opened[visit][kind] = time.perf_counter() - started
            widget = dialog.focusWidget()
            focus[kind] = (
                f"{widget.objectName() or '?'} ({type(widget).__name__})"
                + (" field" if _is_field(widget) else "")
                if widget is not None
                else ""
            )
            dialog.hide()
            dialog.deleteLater()
            settle(window)
    _report(
        painted=painted,
        peak_kib=_peak_kib(),
        first=opened["first"],
        again=opened["again"],
        focus=focus,
    )


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "floor":
        floor()
    elif mode == "startup":
        _clientcare(argv[1], argv[2], startup)
    elif mode == "memory":
        _clientcare(argv[1], argv[2], memory)
    elif mode == "sections":
        _clientcare(argv[1], argv[2], sections, _without_daily_backup)
    elif mode == "dialogs":
        _clientcare(argv[1], argv[2], dialogs, _without_daily_backup)
    elif mode == "backup":
        patch, on_painted = _watch_daily_backup(argv[3] == "due", float(argv[4]))
        _clientcare(argv[1], argv[2], on_painted, patch)
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 1  # not reached: the modes leave with os._exit


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
