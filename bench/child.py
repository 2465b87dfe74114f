"""Whole-process measurements, run by bench/__main__.py as ``python -m bench.child MODE DB``.

MODE ``floor``   a bare PySide6 QMainWindow shown and painted, plus ``import sqlalchemy.orm``;
MODE ``startup`` ClientCare as ``ui.launch.main`` starts it, on DB, until Today is painted
                 (``python -m bench.child startup DB YYYY-MM-DD``: the Today of the data);
MODE ``memory``  the same, then every screen of the sidebar visited; peak RSS (VmHWM).

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
from typing import Any


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


def _clientcare(database: str, day: str, visit_all: bool) -> None:
    from ui import launch

    launch.prepare()  # as ui.launch.main does, before anything of the app is imported
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
        painted = time.monotonic()
        if not visit_all:
            _report(painted=painted, peak_kib=_peak_kib(), today_rows=shown)
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


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "floor":
        floor()
    elif mode in ("startup", "memory"):
        _clientcare(argv[1], argv[2], visit_all=mode == "memory")
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 1  # not reached: the modes leave with os._exit


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
