"""The soak's child process: ClientCare started as ``ui.app.main`` starts it, then driven.

``python -m tools.soak.child CONFIG_JSON`` (see tools/soak/__init__.py). It writes JSON lines
to stdout: ``{"action": name}`` before each action (so a crash names it), ``{"progress": …}``
now and then, and ``{"report": …}`` at the end, then closes the window as a person would and
exits with ``ui.app.main``'s exit code.
"""

from __future__ import annotations

import array
import datetime as dt
import faulthandler
import gc
import inspect
import json
import os
import random
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

#: The simulated working day: 08:30-18:00, Monday to Friday.
DAY_START = dt.time(8, 30)
DAY_MINUTES = 9 * 60 + 30
WORKING_DAYS = 5
PIN = "4821"
#: An unexpected modal dialog (a message) is answered after this long (seconds).
UNCLAIMED_AFTER_S = 0.3


class Skip(Exception):
    """Nothing for this action to do just now (no appointment left today, no row…)."""


class SoakError(Exception):
    """The screen is not as the soak expects (a widget missing: a screen changed?)."""


@dataclass(frozen=True)
class ClientRef:
    id: int
    full_name: str
    status: str


def rss_kib() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process, in KiB."""
    rss = peak = 0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1])
    return rss, peak


def settled_rss_kib() -> int:
    """VmRSS once garbage is collected and the C heap gives back what is free: what the app
    holds, without the allocator's slack (so a step of freed memory is not a leak)."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
    return rss_kib()[0]


#: The warm-up does every kind of action this many times (caches fill: statements compiled,
#: fonts, the models of every screen) before the counted actions start.
WARM_UP_ROUNDS = 3
#: The settled RSS is measured every this many actions (a collection costs a little).
SETTLED_EVERY = 40


def malloc_in_use() -> int:
    """Bytes the C heap has handed out and not had back (glibc ``mallinfo2``: small blocks
    plus mmapped ones), over every arena; 0 where that is not glibc. SOAK_NATIVE=1 sums its
    change over each kind of action: native memory that grows, by what grew it."""
    try:
        import ctypes

        class MallInfo2(ctypes.Structure):
            _fields_ = [
                (name, ctypes.c_size_t)
                for name in [
                    "arena",
                    "ordblks",
                    "smblks",
                    "hblks",
                    "hblkhd",
                    "usmblks",
                    "fsmblks",
                    "uordblks",
                    "fordblks",
                    "keepcost",
                ]
            ]

        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
        info = libc.mallinfo2()
        return int(info.uordblks + info.hblkhd)
    except (OSError, AttributeError):
        return 0


def _write_smaps_summary() -> None:
    """Resident memory by mapping (heap, anonymous, each library): where native memory is."""
    for where, kib in _smaps_sizes().most_common(12):
        sys.stderr.write(f"soak:   RSS {where:<40} {kib / 1024:>8,.1f} MiB\n")


def _empty_font_caches() -> None:
    """Empty Qt's font caches (each font engine and the glyphs it drew): adding and
    removing an application font makes Qt drop them."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

    family_file = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    handle = QFontDatabase.addApplicationFont(str(family_file))
    if handle >= 0:
        QFontDatabase.removeApplicationFont(handle)
    QFontInfo(QFont())  # a font looked up again


def _statements_cached(window: Any) -> int:
    """Compiled statements in the app's SQLAlchemy cache."""
    cache = window.ops.database.engine._compiled_cache
    return len(cache) if cache is not None else 0


def _smaps_sizes() -> Counter[str]:
    """Resident KiB by mapping name ([heap], [anon], each library)."""
    sizes: Counter[str] = Counter()
    name = ""
    with open("/proc/self/smaps", encoding="utf-8", errors="replace") as smaps:
        for line in smaps:
            head = line.split()
            if not head:
                continue
            if "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
                name = head[5].rsplit("/", 1)[-1] if len(head) > 5 else "[anon]"
            elif head[0] == "Rss:":
                sizes[name] += int(head[1])
    return sizes


def singleton_refs() -> dict[str, int]:
    """References to None, True and False. A binding that drops one on every call it makes
    (PySide6 6.12.0 on Python 3.11) runs them down until the process aborts; on a sound
    one they follow the objects alive and stay level (Python 3.12+: immortal, constant)."""
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
    }


def _object_types() -> Counter[str]:
    """How many objects of each type the collector sees (SOAK_DIAGNOSE=1: what grew)."""
    if not os.environ.get("SOAK_DIAGNOSE"):
        return Counter()
    gc.collect()
    return Counter(
        f"function {o.__module__}.{o.__qualname__}"
        if inspect.isfunction(o)
        else type(o).__qualname__
        for o in gc.get_objects()
    )


def _describe(thing: Any) -> str:
    name = type(thing).__name__
    if isinstance(thing, dict):
        return f"dict{list(thing)[:6]}"
    if callable(thing) and hasattr(thing, "__qualname__"):
        return f"{name}:{thing.__qualname__}"
    if isinstance(thing, list | tuple):
        return f"{name}[{len(thing)}]"
    return name


def emit(**values: Any) -> None:
    sys.stdout.write(json.dumps(values, default=str) + "\n")
    sys.stdout.flush()


class Soak:
    """The run: the window, the random generator, the clock, the counts, and the helpers
    the actions use to act as a person would (click, type, answer a dialog)."""

    def __init__(self, config: dict[str, Any], clock: Any) -> None:
        from PySide6.QtWidgets import QApplication

        self.config = config
        self.rng = random.Random(config["seed"])
        self.scratch = Path(config["scratch"])
        self.week_of = dt.date.fromisoformat(config["week_of"])
        self.minutes = float(config["minutes"])
        self.planned = config["actions"]
        self.min_actions = int(config.get("min_actions") or 0)
        self.clock = clock
        self.moment = dt.datetime.combine(self.week_of, DAY_START)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.window: Any = None
        self.clients: list[ClientRef] = []
        self.counts: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self.messages: Counter[str] = Counter()
        self.durations: dict[str, float] = {}
        #: SOAK_NATIVE=1: the change in C-heap bytes in use, summed by kind of action.
        self.native: Counter[str] | None = Counter() if os.environ.get("SOAK_NATIVE") else None
        self.native_n: Counter[str] = Counter()
        #: The change in references to None, summed by kind of action (a binding that
        #: takes references it never gives back shows here long before it shows in RSS).
        self.none_refs: Counter[str] = Counter()
        #: (actions done, C heap in use, resident memory by mapping) at each settled sample.
        self.native_samples: list[tuple[int, int, Counter[str]]] = []
        self._native_after = 0
        self.exceptions: list[dict[str, str]] = []
        self.rss = array.array("l")
        self.widgets = array.array("l")
        self.settled: list[tuple[int, int, int]] = []  # (actions done, settled RSS, widgets)
        self._last_emit = 0.0
        self.done = 0
        self.current = "(start-up)"
        self.started = 0.0  # the run, warm-up included: the time limit counts from here
        self.counting_since = 0.0  # the counted actions (actions per minute)
        self.files = 0
        self._claimed: list[Any] = []
        self._seen: dict[int, float] = {}
        self._queue: list[str] = []
        self.warming = 0
        self.warmed_up = 0
        self.singletons_first: dict[str, int] = {}
        self._finished = False

    # -- the run -------------------------------------------------------------------

    def start(self) -> None:
        """Find the main window once shown, read the clients to act on, start acting."""
        from PySide6.QtCore import QTimer

        from tools.soak import actions

        for widget in self.app.topLevelWidgets():
            if widget.objectName() == "main_window" and widget.isVisible():
                self.window = widget
        if self.window is None:
            QTimer.singleShot(50, self.start)
            return
        self.clients = self.window.ops.read(actions.read_clients)
        if not self.clients:
            raise SoakError("the practice has no clients to act on")
        actions.prepare(self)
        self.watchdog = QTimer()
        self.watchdog.setInterval(100)
        self.watchdog.timeout.connect(self._answer_unclaimed)
        self.watchdog.start()
        # A warm-up first, not counted: every kind of action three times, in a seeded order, so
        # the memory measured after the first tenth of the run is that of an app that has
        # met every screen and dialog (caches filled), not of one just started.
        for _ in range(WARM_UP_ROUNDS):
            kinds = list(actions.ACTIONS)
            self.rng.shuffle(kinds)
            self._queue.extend(kinds)
        self.warming = len(self._queue)
        self.started = time.monotonic()
        QTimer.singleShot(0, self.step)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def share_done(self) -> float:
        """How far through the run: by actions or by time, whichever is further."""
        by_time = self.elapsed() / (self.minutes * 60) if self.minutes else 0.0
        by_count = (
            self.done / (self.planned or self.min_actions or 0)
            if (self.planned or self.min_actions)
            else 0.0
        )
        return min(max(by_time, by_count), 1.0)

    def move_clock(self) -> None:
        """The simulated clock follows the run through the working week (never backwards)."""
        minutes = int(self.share_done() * WORKING_DAYS * DAY_MINUTES)
        day, minute = divmod(min(minutes, WORKING_DAYS * DAY_MINUTES - 1), DAY_MINUTES)
        moment = dt.datetime.combine(
            self.week_of + dt.timedelta(days=day), DAY_START
        ) + dt.timedelta(minutes=minute, seconds=self.done % 60)
        if moment > self.moment:
            self.moment = moment
            self.clock.move_to(moment)

    def next_kind(self) -> str:
        from tools.soak.actions import ACTIONS

        if self._queue:
            return self._queue.pop(0)
        names = list(ACTIONS)
        only = [n for n in os.environ.get("SOAK_ONLY", "").split(",") if n in ACTIONS]
        if only and not self.warming:  # to find which kind grows memory (after the warm-up)
            names = only
        return self.rng.choices(names, weights=[ACTIONS[n].weight for n in names])[0]

    def finished(self) -> bool:
        if self.exceptions:
            return True
        if self.planned is not None and self.done >= self.planned:
            return True
        if self.elapsed() >= self.minutes * 60 * 2:
            return True  # the floor of actions was not reached: the parent says so
        return self.elapsed() >= self.minutes * 60 and self.done >= self.min_actions

    def step(self) -> None:
        from PySide6.QtCore import QTimer

        from tools.soak.actions import ACTIONS

        if self._finished:
            return
        if self.finished():
            self.finish()
            return
        kind = self.next_kind()
        self.current = kind
        emit(action=kind)
        self.move_clock()
        faulthandler.dump_traceback_later(self.config["action_timeout"], exit=True)
        native = self.native is not None and not self.warming
        if native:
            before = self._native_settled()
            self.native["(between actions)"] += before - self._native_after
        none_before = sys.getrefcount(None)
        began = time.perf_counter()
        try:
            ACTIONS[kind].run(self)
            self.counts[kind] += 1
        except Skip:
            self.skipped[kind] += 1
        except Exception:
            self.record_exception(kind, traceback.format_exc())
        faulthandler.cancel_dump_traceback_later()
        took = time.perf_counter() - began
        if not self.warming:
            self.none_refs[kind] += sys.getrefcount(None) - none_before
        if native:
            self._native_after = self._native_settled()
            self.native[kind] += self._native_after - before
            self.native_n[kind] += 1
        self.durations[kind] = max(self.durations.get(kind, 0.0), took)
        if self.warming:
            self.warming -= 1
            self.warmed_up += 1
            if not self.warming:  # the counted actions start now
                self.singletons_first = singleton_refs()
                self.types_first = _object_types()
                self.counts.clear()
                self.skipped.clear()
                self.counting_since = time.monotonic()
                self._native_after = malloc_in_use()
                if os.environ.get("SOAK_TRACEMALLOC"):
                    import tracemalloc

                    tracemalloc.start(8)  # what allocated the memory that grows, by line
            QTimer.singleShot(0, self.step)
            return
        self.done += 1
        if self.done == int(os.environ.get("SOAK_TRACEMALLOC") or 0):
            import tracemalloc

            gc.collect()
            self.trace_first = tracemalloc.take_snapshot()
        self.rss.append(rss_kib()[0])
        self.widgets.append(len(self.app.allWidgets()))
        if took > 10:
            sys.stderr.write(f"soak: {kind} took {took:.1f} s\n")
        if self.done % SETTLED_EVERY == 0:
            self.settled.append((self.done, settled_rss_kib(), self.widgets[-1]))
            if self.native is not None:
                self.native_samples.append((self.done, malloc_in_use(), _smaps_sizes()))
                sys.stderr.write(
                    f"soak: native {self.done} in use {malloc_in_use() / 2**20:.1f} MiB, "
                    f"statements cached {_statements_cached(self.window)}\n"
                )
        if self.done % 50 == 0 or time.monotonic() - self._last_emit > 15:
            self._last_emit = time.monotonic()
            emit(
                progress={
                    "actions": self.done,
                    "seconds": round(time.monotonic() - self.counting_since, 1),
                    "rss_kib": self.rss[-1],
                    "widgets": self.widgets[-1],
                    "clock": self.moment.strftime("%a %H:%M"),
                }
            )
        QTimer.singleShot(0, self.step)

    def _native_settled(self) -> int:
        """The C heap in use; with SOAK_NATIVE=strict once what is due to be freed is (the
        deferred deletes, the garbage), so a change is the action's own."""
        if os.environ.get("SOAK_NATIVE") == "strict":
            from PySide6.QtCore import QCoreApplication, QEvent

            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            gc.collect()
        return malloc_in_use()

    def record_exception(self, action: str, text: str) -> None:
        sys.stderr.write(f"soak: exception during {action}:\n{text}\n")
        sys.stderr.flush()
        self.exceptions.append({"action": action, "traceback": text})

    def finish(self) -> None:
        """Report, then close the window as a person would at the end of the week."""
        self._finished = True
        self.watchdog.stop()
        try:
            self.close_dialogs()
            self.report()
            if os.environ.get("SOAK_EXIT_AFTER_REPORT"):  # a heap profiler sees what is alive
                sys.stdout.flush()
                os._exit(0)
        finally:  # whatever happened, the app is closed: the parent waits for it
            form = getattr(self.window.screens.get("clients"), "form", None)
            if form is not None and form.is_dirty():
                form.revert()
            self.window.close()

    def _caches_at_end(self) -> None:
        """How much of the resident memory at the end is each bounded cache: the settled
        RSS again after emptying, in turn, SQLAlchemy's compiled statements, SQLite's page
        caches (the pooled connections closed) and Qt's pixmap cache."""
        from PySide6.QtGui import QPixmapCache

        engine = self.window.ops.database.engine
        before = settled_rss_kib()
        cached = _statements_cached(self.window)
        steps: list[tuple[str, Callable[[], object]]] = [
            (f"{cached} compiled statements", lambda: engine._compiled_cache.clear()),
            ("SQLite's page caches", engine.dispose),
            ("Qt's pixmap cache", QPixmapCache.clear),
            ("Qt's font caches", _empty_font_caches),
        ]
        for what, empty in steps:
            empty()
            after = settled_rss_kib()
            freed = (before - after) / 1024
            sys.stderr.write(f"soak: emptying {what} gave back {freed:,.1f} MiB\n")
            before = after

    def report(self) -> None:
        first_at = min(max(int(self.done * 0.10), 1), self.done)
        peak = rss_kib()[1]
        rss_end = settled_rss_kib()
        # The settled RSS measured at the end of the first tenth (the first sample at or
        # after it), and at each tenth for the report.
        samples = [*self.settled, (self.done, rss_end, len(self.app.allWidgets()))]
        at_first = next(sample for sample in samples if sample[0] >= first_at)
        first_at = at_first[0]

        def at(share: float) -> int:
            return next(sample for sample in samples if sample[0] >= self.done * share)[1]

        report = {
            "warm_up": self.warmed_up,
            "actions": self.done,
            "seconds": round(time.monotonic() - (self.counting_since or self.started), 1),
            "counts": dict(self.counts),
            "skipped": dict(self.skipped),
            "messages": dict(self.messages),
            "slowest": sorted(self.durations.items(), key=lambda kv: -kv[1])[:6],
            "peak_kib": peak,
            "rss_first_kib": at_first[1],
            "rss_end_kib": rss_end,
            "first_at": first_at,
            "rss_deciles": [at(k / 10) for k in range(1, 11)],
            "widgets_first": at_first[2],
            "widgets_end": len(self.app.allWidgets()),
            "windows_end": dict(
                Counter(type(w).__name__ for w in self.app.topLevelWidgets()).most_common(8)
            ),
            "singletons_first": self.singletons_first,
            "singletons_end": singleton_refs(),
            "none_by_kind": dict(self.none_refs.most_common(6)),
            "exceptions": self.exceptions,
        }
        emit(report=report)
        if self.native is not None:
            sys.stderr.write(
                f"soak: C heap in use at the end {malloc_in_use() / 2**20:,.1f} MiB; "
                "change by kind of action (KiB total, bytes per action):\n"
            )
            for kind, change in self.native.most_common():
                count = self.native_n[kind] or 1
                sys.stderr.write(
                    f"soak:   {kind:<28} {change / 1024:>+10,.0f} {change / count:>+10,.0f}\n"
                )
            _write_smaps_summary()
            first = next((x for x in self.native_samples if x[0] >= self.done * 0.10), None)
            if first is not None:
                tenth = [
                    next(x for x in self.native_samples if x[0] >= self.done * k / 10)
                    for k in range(1, 10)
                ]
                sys.stderr.write(
                    "soak: C heap in use at each tenth (MiB): "
                    + " ".join(f"{x[1] / 2**20:.1f}" for x in tenth)
                    + f" {malloc_in_use() / 2**20:.1f}\n"
                )
                now = _smaps_sizes()
                for where in sorted(set(now) | set(first[2]), key=lambda w: -now.get(w, 0))[:14]:
                    then = first[2].get(where, 0) / 1024
                    sys.stderr.write(
                        f"soak:   RSS {where:<36} first tenth {then:>7,.1f}"
                        f" end {now.get(where, 0) / 1024:>7,.1f} MiB\n"
                    )
        if getattr(self, "trace_first", None) is not None:
            import tracemalloc

            gc.collect()
            later = tracemalloc.take_snapshot()
            ignore = [tracemalloc.Filter(False, tracemalloc.__file__)]
            grown = later.filter_traces(ignore).compare_to(
                self.trace_first.filter_traces(ignore), "traceback"
            )
            for stat in grown[:12]:
                where = " <- ".join(
                    f"{frame.filename.rsplit('/', 2)[-1]}:{frame.lineno}"
                    for frame in list(stat.traceback)[::-1][:6]  # the allocating line first
                )
                sys.stderr.write(
                    f"soak: grew {stat.size_diff / 1024:.0f} KiB in {stat.count_diff} blocks "
                    f"at {where}\n"
                )
        if os.environ.get("SOAK_DIAGNOSE"):
            self._caches_at_end()
        if os.environ.get("SOAK_DIAGNOSE") and getattr(self, "types_first", None):
            grown = _object_types() - self.types_first
            sys.stderr.write(f"soak: objects that grew in number: {grown.most_common(40)}\n")
            import shiboken6
            from PySide6.QtWidgets import QDialog, QWidget

            dialogs = [o for o in gc.get_objects() if isinstance(o, QDialog)]
            dead = [o for o in dialogs if not shiboken6.isValid(o)]
            widgets = [o for o in gc.get_objects() if isinstance(o, QWidget)]
            dead_widgets = sum(1 for o in widgets if not shiboken6.isValid(o))
            sys.stderr.write(
                f"soak: dialog wrappers {len(dialogs)}, of deleted dialogs {len(dead)}: "
                f"{Counter(type(o).__name__ for o in dead).most_common(8)}; widget wrappers "
                f"{len(widgets)}, of deleted widgets {dead_widgets}\n"
            )
            dead_by_type: dict[str, list[Any]] = {}
            for widget in widgets:
                if not shiboken6.isValid(widget):
                    dead_by_type.setdefault(type(widget).__name__, []).append(widget)
            counted = sorted(((k, len(v)) for k, v in dead_by_type.items()), key=lambda kv: -kv[1])
            sys.stderr.write(f"soak: deleted widgets still wrapped, by type: {counted[:12]}\n")
            from sqlalchemy.engine import Engine

            for engine in (o for o in gc.get_objects() if isinstance(o, Engine)):
                cache = engine._compiled_cache
                size = len(cache) if cache is not None else 0
                sys.stderr.write(f"soak: {engine.url}: {size} compiled statements cached\n")
            wanted = [t for t in os.environ.get("SOAK_DIAGNOSE_TYPES", "").split(",") if t]
            for type_name in wanted:
                found = [o for o in gc.get_objects() if type(o).__name__ == type_name]
                sys.stderr.write(f"soak: {len(found)} {type_name}\n")
                if not found:
                    continue
                thing = found[-1]
                del found
                for _ in range(8):
                    holders = [
                        h
                        for h in gc.get_referrers(thing)
                        if not inspect.isframe(h) and h is not dead_by_type
                    ]
                    named = [_describe(h) for h in holders[:4]]
                    sys.stderr.write(f"soak:   {_describe(thing)} held by {named}\n")
                    if not holders:
                        break
                    thing = holders[0]
            samples = [w for group in dead_by_type.values() for w in group[-2:]] + dead[:2]
            frame_lists = {id(widgets), id(dialogs), id(samples)}
            for index in range(min(12, len(samples))):
                one = samples[index]
                chain = []
                thing: Any = one
                for _ in range(6):
                    holders = [
                        h
                        for h in gc.get_referrers(thing)
                        if id(h) not in frame_lists
                        and not inspect.isframe(h)
                        and h is not dead_by_type
                        and not (isinstance(h, list) and any(h is g for g in dead_by_type.values()))
                    ]
                    chain.append([_describe(h) for h in holders[:3]])
                    if not holders:
                        break
                    thing = holders[0]
                sys.stderr.write(f"soak: {type(one).__name__} held by {chain}\n")
                # Held where the collector cannot see: shiboken's parent records (a child's
                # wrapper lives as long as its parent's). Walk up them.
                up: Any = one
                for _ in range(8):
                    dumped = shiboken6.dump(up)
                    parent_line = next(
                        (line for line in dumped.splitlines() if line.startswith("parent")), ""
                    )
                    sys.stderr.write(
                        f"soak:   {type(up).__name__} valid={shiboken6.isValid(up)} "
                        f"refs={sys.getrefcount(up)} {parent_line[:120]}\n"
                    )
                    parents = (
                        [h for h in gc.get_objects() if f"at 0x{id(h):x}>" in parent_line]
                        if parent_line
                        else []
                    )
                    if not parents:
                        break
                    up = parents[0]

    # -- acting as a person ----------------------------------------------------------

    def settle(self, rounds: int = 2) -> None:
        """Let the event loop run: paint, timers, refreshes after a change."""
        for _ in range(rounds):
            self.app.processEvents()

    def wait_until(self, condition: Callable[[], bool], seconds: float = 5.0) -> bool:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                if os.environ.get("SOAK_DIAGNOSE") and seconds >= 1:
                    caller = sys._getframe(1)
                    sys.stderr.write(
                        f"soak: waited {seconds} s in vain at {caller.f_code.co_name}:"
                        f"{caller.f_lineno} ({self.current})\n"
                    )
                return False
            self.app.processEvents()
            time.sleep(0.005)
        return True

    def pause(self, seconds: float) -> None:
        """A person reading the screen: the event loop runs (timers, background refresh)."""
        self.wait_until(lambda: False, seconds)

    def click(self, widget: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        if not widget.isEnabled():
            raise Skip(f"{widget.objectName() or type(widget).__name__} is disabled")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)

    def click_row(self, view: Any, row: int, *, double: bool = False) -> None:
        """Click (or double-click) the first cell of ``row`` of a list or table view."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        model = view.model()
        index = model.index(row, 0)
        view.scrollTo(index)
        point = view.visualRect(index).center()
        press = QTest.mouseDClick if double else QTest.mouseClick
        if not double:
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        else:
            press(view.viewport(), Qt.MouseButton.LeftButton, pos=point)

    def type(self, widget: Any, text: str, *, replace: bool = False) -> None:
        """Type ``text`` key by key (non-ASCII letters too), replacing what is there or not."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        widget.setFocus()
        if replace:
            QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(widget, Qt.Key.Key_Delete)
        for ch in text:
            if ch.isascii() and ch != "\n":
                QTest.keyClicks(widget, ch)
            elif ch == "\n":
                QTest.keyClick(widget, Qt.Key.Key_Return)
            else:
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier(0)
                )

    def child(self, parent: Any, kind: type[T], name: str) -> T:
        """``parent``'s child widget ``name`` (a SoakError names what is missing)."""
        from ui.object_tree import descendant  # never findChild: see ui/object_tree.py

        found = descendant(parent, kind, name)
        if found is None:
            raise SoakError(
                f"no {kind.__name__} named {name!r} in {parent.objectName() or parent}: "
                "did the screen change? Update tools/soak/actions.py"
            )
        return found

    def go(self, key: str) -> Any:
        """Go to a section by clicking it in the sidebar; its screen."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        sidebar = self.window.sidebar
        for row in range(sidebar.count()):
            item = sidebar.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                if sidebar.currentRow() != row:
                    point = sidebar.visualItemRect(item).center()
                    QTest.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=point)
                    if sidebar.currentRow() != row:  # the click missed (never, so far)
                        raise SoakError(f"clicking {key} in the sidebar did not open it")
                self.settle(1)
                return self.window.screens[key]
        raise SoakError(f"no section {key}")

    def modal(self, trigger: Callable[[], object], handler: Callable[[Any], T]) -> T | None:
        """Run ``trigger`` (a click that opens a modal dialog), and ``handler(dialog)`` once it
        is open, from inside its event loop, as a person would. The handler must close it;
        if it does not (or raises), the dialog is closed and the error raised here.

        Returns what the handler returned, or None when no dialog opened.
        """
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        outer = QApplication.activeModalWidget()
        state: dict[str, Any] = {"result": None, "error": None}
        timer = QTimer()
        timer.setInterval(5)

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or dialog is outer or not dialog.isVisible():
                return
            timer.stop()
            self._claimed.append(dialog)
            try:
                state["result"] = handler(dialog)
            except BaseException as error:
                state["error"] = error
            finally:
                self._claimed.remove(dialog)
                self.dismiss(dialog)

        timer.timeout.connect(poll)
        timer.start()
        try:
            trigger()
        finally:
            timer.stop()
            # The connection holds poll, poll holds the timer: a cycle through Qt that the
            # collector cannot see. Undone here, or every dialog opened stays in memory.
            timer.timeout.disconnect(poll)
            result, error = state["result"], state["error"]
            state.clear()
        if error is not None:
            raise error
        return result

    def dismiss(self, dialog: Any) -> None:
        """Close ``dialog`` if it is still open (Escape, as a person would)."""
        import shiboken6
        from PySide6.QtWidgets import QDialog

        if not shiboken6.isValid(dialog) or not dialog.isVisible():
            return
        if self.window.idle_lock.locked:
            self.unlock()
        if hasattr(dialog, "ask_discard"):
            # A filled form closed on purpose: the person answers "Discard" to its question.
            dialog.ask_discard = lambda: True
        try:
            if isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()
        finally:
            # Closing it failed (an exception in its done()): it must not stay open and
            # block the run; the exception is reported all the same.
            if shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.hide()

    def _answer_unclaimed(self) -> None:
        """A modal dialog nobody asked for (a message box): noted, and answered by Escape."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in self._claimed or not dialog.isVisible():
            self._seen.clear()
            return
        first = self._seen.setdefault(id(dialog), time.monotonic())
        if time.monotonic() - first < UNCLAIMED_AFTER_S:
            return
        if isinstance(dialog, QMessageBox):
            text = f"{dialog.windowTitle()}: {dialog.text()}"
        else:
            text = f"{type(dialog).__name__} {dialog.objectName()} {dialog.windowTitle()}"
        self.messages[f"[{self.current}] {text[:110]}"] += 1
        self._seen.pop(id(dialog), None)
        self.dismiss(dialog)

    def unlock(self) -> None:
        """Type the PIN on the lock's curtain and press Enter; it must open."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from ui.idle_lock import LockCurtain

        lock = self.window.idle_lock
        # The curtain of the window on top (a modal dialog's): the others take no keys.
        top = QApplication.activeModalWidget() or self.window
        from ui.object_tree import descendants

        curtains = [c for c in descendants(top, LockCurtain) if c.isVisible()]
        if not curtains:
            raise SoakError(f"locked, but {top.objectName()} shows no curtain")
        pin = curtains[-1].pin
        self.type(pin, PIN, replace=True)
        QTest.keyClick(pin, Qt.Key.Key_Return)
        if lock.locked:
            raise SoakError("the right PIN did not unlock ClientCare")

    def close_dialogs(self) -> None:
        from PySide6.QtWidgets import QApplication

        while (dialog := QApplication.activeModalWidget()) is not None:
            self.dismiss(dialog)
            self.settle(1)

    # -- files -----------------------------------------------------------------------

    def pdf_path(self, stem: str) -> Path:
        self.files += 1
        folder = self.scratch / "pdf"
        folder.mkdir(exist_ok=True)
        return folder / f"{self.files:06d}-{stem}.pdf"


def _install_hooks(soak_holder: dict[str, Soak]) -> None:
    """Every exception that reaches the event loop, a thread's end or the collector is kept."""
    previous = sys.excepthook

    def excepthook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        soak = soak_holder.get("soak")
        text = "".join(traceback.format_exception(kind, value, tb))
        if soak is not None:
            soak.record_exception(soak.current, text)
        else:
            sys.stderr.write(text)
        previous(kind, value, tb)

    def unraisable(info: Any) -> None:
        soak = soak_holder.get("soak")
        text = f"unraisable exception in {info.object!r}: {info.err_msg or ''}\n" + "".join(
            traceback.format_exception(info.exc_type, info.exc_value, info.exc_traceback)
        )
        if soak is not None:
            soak.record_exception(soak.current, text)
        else:
            sys.stderr.write(text)

    def thread_hook(args: Any) -> None:
        soak = soak_holder.get("soak")
        text = f"in thread {args.thread.name if args.thread else '?'}:\n" + "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        if soak is not None:
            soak.record_exception(soak.current, text)
        else:
            sys.stderr.write(text)

    sys.excepthook = excepthook
    sys.unraisablehook = unraisable
    threading.excepthook = thread_hook


def main(argv: list[str]) -> int:
    config = json.loads(argv[0])
    faulthandler.enable()
    import time_machine

    week_of = dt.date.fromisoformat(config["week_of"])
    travel = time_machine.travel(dt.datetime.combine(week_of, DAY_START), tick=False)
    clock = travel.start()

    if os.environ.get("SOAK_SQLITE_CACHE_KIB"):  # to tell a cache filling from a leak
        from clientcare.db import engine

        engine.SQLITE_CACHE_KIB = int(os.environ["SOAK_SQLITE_CACHE_KIB"])

    from ui import launch

    launch.prepare()  # as ui.launch.main does, before the app is imported
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from clientcare.security import LockSettings, save_lock_settings, with_new_pin

    # A PIN, so the idle lock can lock; the idle minutes long enough that it locks only
    # when the soak steps away (actions come every fraction of a second).
    save_lock_settings(
        LockSettings(idle_minutes=240, pin=with_new_pin(LockSettings(), PIN, PIN).pin)
    )
    app = QApplication(sys.argv[:1])
    if os.environ.get("SOAK_PIXMAP_CACHE_KIB"):  # Qt's pixmap cache (10 MiB): filling or leak?
        from PySide6.QtGui import QPixmapCache

        QPixmapCache.setCacheLimit(int(os.environ["SOAK_PIXMAP_CACHE_KIB"]))
    holder: dict[str, Soak] = {}
    _install_hooks(holder)
    soak = Soak(config, clock)
    holder["soak"] = soak
    QTimer.singleShot(0, soak.start)
    from ui.app import main as run_app

    code = run_app(["--db", config["database"]])
    del app
    gc.collect()
    emit(exit=code)
    return code


if __name__ == "__main__":
    # Run as tools.soak.child, not __main__: the actions import this module's classes.
    from tools.soak import child

    sys.exit(child.main(sys.argv[1:]))
