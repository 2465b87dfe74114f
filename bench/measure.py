"""The in-process measurements (offscreen Qt where a screen is involved).

Each function returns plain seconds (lists of samples); bench/__main__.py turns them into
the table. Nothing here asserts: benchmarks are not tests.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from bench.child import Ticks, settle
from bench.generate import TODAY

#: A database the in-process measurements can read: a SQLite file, or a URL (PostgreSQL).
Target = Path | str | URL

#: The query typed letter by letter in the client search (a surname in the demo practice).
SEARCH_QUERY = "sample"


@dataclass(frozen=True)
class Samples:
    """Timings of one measurement, in seconds."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        ordered = sorted(self.values)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def worst(self) -> float:
        return max(self.values)


def alternate(rounds: int, measures: dict[str, Callable[[], Samples]]) -> dict[str, Samples]:
    """Each of ``measures`` once per round, in turn (1×, 10×, 1×, 10×, …), so all of them
    see the same machine (the load of a busy one changes from minute to minute); the
    samples of every round pooled, by name."""
    pooled: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(rounds):
        for name, measure in measures.items():
            pooled[name].extend(measure().values)
    return {name: Samples(tuple(values)) for name, values in pooled.items()}


def repeat(action: Callable[[], object], rounds: int, *, warm_up: int = 1) -> Samples:
    """Run ``action`` ``warm_up`` times unmeasured, then ``rounds`` times measured."""
    for _ in range(warm_up):
        action()
    values = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        values.append(time.perf_counter() - started)
    return Samples(tuple(values))


# --------------------------------------------------------------------------
# Whole processes
# --------------------------------------------------------------------------


def child_environment(scratch: Path) -> dict[str, str]:
    """Offscreen, and settings/data in a scratch folder (the user's own are never touched).

    Python may write its bytecode cache, as it does for a person starting ClientCare: a
    machine that forbids it (``PYTHONDONTWRITEBYTECODE``, set on some CI machines) would
    otherwise compile every module of the app again on every start-up measured.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(scratch / "config")
    env["CLIENTCARE_DATA_DIR"] = str(scratch / "data")
    return env


def run_child(
    mode: str, database: Path | None, scratch: Path, *more: str, timeout: float = 180
) -> tuple[float, dict[str, Any]]:
    """Start ``bench.child MODE``; seconds from starting it to its first painted window."""
    args = [sys.executable, "-m", "bench.child", mode]
    if database is not None:
        args += [str(database), TODAY.isoformat(), *more]
    started = time.monotonic()
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        env=child_environment(scratch),
        cwd=Path(__file__).resolve().parent.parent,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"bench.child {mode} failed:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["painted"] - started, report


def startup(database: Path, rounds: int) -> tuple[Samples, Samples, dict[str, Any]]:
    """ClientCare to Today painted, and the floor, alternated round by round."""
    app_times, floor_times = [], []
    last: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="clientcare-bench-") as folder:
        scratch = Path(folder)
        run_child("floor", None, scratch)  # warm the file cache for both
        run_child("startup", database, scratch)
        for _ in range(rounds):
            seconds, _report = run_child("floor", None, scratch)
            floor_times.append(seconds)
            seconds, last = run_child("startup", database, scratch)
            app_times.append(seconds)
    return Samples(tuple(app_times)), Samples(tuple(floor_times)), last


def peak_memory(database: Path) -> tuple[int, int, dict[str, Any]]:
    """Peak RSS (KiB) of ClientCare after visiting every screen, and of the floor."""
    with tempfile.TemporaryDirectory(prefix="clientcare-bench-") as folder:
        scratch = Path(folder)
        _seconds, floor_report = run_child("floor", None, scratch)
        _seconds, report = run_child("memory", database, scratch)
    return int(report["peak_kib"]), int(floor_report["peak_kib"]), report


def sections(database: Path, scratch: Path) -> dict[str, Any]:
    """One child: every section's first visit and re-visit in the real window (seconds)."""
    _seconds, report = run_child("sections", database, scratch, timeout=1800)
    return report


def dialogs(database: Path, scratch: Path) -> dict[str, Any]:
    """One child: each everyday dialog opened twice in the real window (seconds)."""
    _seconds, report = run_child("dialogs", database, scratch, timeout=600)
    return report


@dataclass(frozen=True)
class BackupRounds:
    """The start-up with today's backup due and with it taken, in alternating rounds."""

    #: Start-up to Today painted (seconds), backup due / already taken.
    due: Samples
    taken: Samples
    #: The longest gap of the 5 ms GUI timer in each round: from Today painted until the
    #: backup's completion was reported (due), over as long a time with none running (taken).
    due_worst: Samples
    taken_worst: Samples
    #: How long each backup took, from its start to its completion reported on the GUI thread.
    backup: Samples
    #: From the start of the daily backup (or of the look for today's) to Today painted:
    #: the part of the start-up the copy could slow down, due / taken.
    due_overlap: Samples
    taken_overlap: Samples
    #: Rounds whose first paint came before the backup was over.
    painted_first: int
    size_bytes: int
    #: What each child reported, due and taken in turn (for a closer look).
    reports: tuple[dict[str, Any], ...] = ()


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite file (the online backup API), read-only on the source."""
    from_source = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        to_target = sqlite3.connect(target)
        try:
            from_source.backup(to_target)  # one step: one consistent snapshot
        finally:
            to_target.close()
    finally:
        from_source.close()


def daily_backup_start(source: Path, rounds: int) -> BackupRounds:
    """ClientCare's first start of the day on a copy of ``source`` (backups go beside it, in
    a scratch folder), against a start with today's backup already taken, round by round.

    Each "due" round first deletes today's backup; the "taken" round after it finds the one
    it made. Everything is deleted at the end.
    """
    due: list[float] = []
    taken: list[float] = []
    due_worst: list[float] = []
    taken_worst: list[float] = []
    backup: list[float] = []
    painted_first = 0
    overlap: dict[str, list[float]] = {"due": [], "taken": []}
    reports: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="clientcare-bench-backup-") as folder:
        scratch = Path(folder)
        database = scratch / "practice.sqlite3"
        copy_database(source, database)
        backups = scratch / "backups"

        def run(mode: str, seconds: float = 0.0) -> tuple[float, dict[str, Any]]:
            if mode == "due":
                for old in backups.glob("*"):
                    old.unlink()
                # The deletion written out now, not while the next copy is being measured.
                os.sync()
            started, report = run_child(
                "backup", database, scratch, mode, f"{seconds:.3f}", timeout=1800
            )
            made = list(backups.glob("practice-daily-*.sqlite3"))
            if len(made) != 1 or made[0].stat().st_size == 0:
                raise RuntimeError(f"no daily backup after a {mode} start: {made}")
            reports.append({"mode": mode, **report})
            overlap[mode].append(report["painted"] - report["backup_started"])
            return started, report

        run("due")  # warms the file cache, and makes today's backup for the first "taken"
        for _ in range(rounds):
            seconds, report = run("due")
            due.append(seconds)
            took = report["backup_reported"] - report["backup_started"]
            backup.append(took)
            if report["worst_gap"] is not None:
                painted_first += 1
                due_worst.append(report["worst_gap"])
            seconds, report = run("taken", max(took, 0.5))
            taken.append(seconds)
            taken_worst.append(report["worst_gap"] or 0.0)
    return BackupRounds(
        Samples(tuple(due)),
        Samples(tuple(taken)),
        Samples(tuple(due_worst or [0.0])),
        Samples(tuple(taken_worst)),
        Samples(tuple(backup)),
        Samples(tuple(overlap["due"][1:])),  # the warm-up round left out
        Samples(tuple(overlap["taken"])),
        painted_first,
        source.stat().st_size,
        tuple(reports[1:]),
    )


# --------------------------------------------------------------------------
# In this process
# --------------------------------------------------------------------------


def qt_app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def open_ops(database: Target) -> Any:
    """The app's Operations on ``database`` (a file path or a URL), opened as the app does."""
    from clientcare.db.migrate import open_database
    from ui.ops import Operations

    opened, _report = open_database(database)
    return Operations(opened)


def client_search(database: Target, rounds: int) -> Samples:
    """The Clients screen: each letter of SEARCH_QUERY typed, list refreshed and painted."""
    from PySide6.QtCore import QEvent

    from ui.screens.clients import ClientsScreen

    app = qt_app()
    ops = open_ops(database)
    screen = ClientsScreen(ops)
    screen.resize(1280, 800)
    screen.show()
    app.processEvents()
    values: list[float] = []
    for round_number in range(rounds + 1):
        screen.search.clear()
        app.processEvents()
        for length in range(1, len(SEARCH_QUERY) + 1):
            started = time.perf_counter()
            screen.search.setText(SEARCH_QUERY[:length])  # textChanged → refresh
            screen.table.viewport().repaint()
            app.processEvents()
            if round_number:  # the first round warms up
                values.append(time.perf_counter() - started)
    screen.close()
    screen.deleteLater()
    # Outside a running event loop, processEvents() leaves deferred deletes alone: delete
    # the screen now, or its pending timers (the count once typing pauses) would fire in
    # the next measurement.
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()
    ops.database.dispose()
    return Samples(tuple(values))


def clients_to_open(session: Any, count: int) -> list[tuple[int, str]]:
    """The clients "you" see in the fortnight around today, first seen first: the ones a
    practitioner opens (ids and full names). The same kind of client at 1× and at 10×:
    a practitioner's case load does not grow with the practice."""
    from sqlalchemy import text

    from clientcare.practice import list_practitioners

    mine = [p.id for p in list_practitioners(session) if p.is_current_user] or [1]
    start = dt.datetime.combine(TODAY - dt.timedelta(days=7), dt.time())
    rows = session.execute(
        text(
            "SELECT c.id, c.full_name FROM appointment a JOIN client c ON c.id = a.client_id "
            "WHERE a.practitioner_id = :me AND a.start >= :start AND a.start < :end "
            "GROUP BY c.id, c.full_name ORDER BY min(a.start), c.id LIMIT :count"
        ),
        {"me": mine[0], "start": start, "end": start + dt.timedelta(days=14), "count": count},
    )
    return [(int(client_id), str(name)) for client_id, name in rows]


def client_open(database: Target, rounds: int, count: int = 8) -> Samples:
    """The Clients screen: a client opened as a person does, timed from the click on their
    row in the list until the client's page is filled (details, facts, appointments,
    contacts, money, referrals), painted and the event loop idle.

    Each of ``count`` clients (clients_to_open) is first found by typing their name in the
    search (not timed), then clicked; the first round warms up.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtTest import QTest

    from ui.screens.clients import ClientsScreen

    app = qt_app()
    ops = open_ops(database)
    targets = ops.read(lambda s: clients_to_open(s, count))
    if not targets:
        raise RuntimeError("no client to open around the benchmark's today")
    screen = ClientsScreen(ops)
    screen.resize(1280, 800)
    screen.show()
    settle(screen)
    values: list[float] = []
    for round_number in range(rounds + 1):
        for client_id, name in targets:
            screen.search.setText(name)
            _settle_timers(screen)
            row = screen.model.row_for_id(client_id)
            if row is None:
                raise RuntimeError(f"client {client_id} not in the list searched by name")
            index = screen.proxy.mapFromSource(screen.model.index(row, 0))
            screen.table.scrollTo(index)
            settle(screen)
            where = screen.table.visualRect(index).center()
            started = time.perf_counter()
            QTest.mouseClick(
                screen.table.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
                where,
            )
            settle(screen)
            seconds = time.perf_counter() - started
            opened = screen.form.client
            if opened is None or opened.id != client_id:
                raise RuntimeError(f"clicking client {client_id} did not open them")
            if round_number:  # the first round warms up
                values.append(seconds)
    screen.search.clear()
    _settle_timers(screen)
    screen.close()
    screen.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()
    ops.database.dispose()
    return Samples(tuple(values))


def _settle_timers(widget: Any, limit: float = 10.0) -> None:
    """Let the single-shot timers ``widget`` started run out (e.g. the count once typing
    pauses), so none fires in the next measurement."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        settle(widget)
        if not any(t.isActive() and t.isSingleShot() for t in widget.findChildren(QTimer)):
            return
        QTest.qWait(20)


def week_load(database: Target, rounds: int, practitioner_id: int | None = 1) -> Samples:
    """What the Calendar's week view reads: appointments and busy time of a week.

    Ten different weeks before the benchmark's today, each read once per round.
    """
    from clientcare import appointments, schedule

    ops = open_ops(database)
    monday = dt.datetime.combine(TODAY - dt.timedelta(days=TODAY.weekday()), dt.time())
    weeks = [monday - dt.timedelta(weeks=n) for n in range(10)]
    values: list[float] = []

    def one(start: dt.datetime) -> None:
        end = start + dt.timedelta(days=7)
        ops.read(
            lambda s: (
                appointments.appointments_between(s, start, end, practitioner_id),
                schedule.busy_between(s, start, end, practitioner_id),
            )
        )

    for week in weeks:  # warm up
        one(week)
    for _ in range(rounds):
        for week in weeks:
            started = time.perf_counter()
            one(week)
            values.append(time.perf_counter() - started)
    ops.database.dispose()
    return Samples(tuple(values))


@functools.cache
def todays_care_list(session: Any, today: dt.date, scope: Any) -> Any:
    """The care list as the Today screen reads it: ``scope``'s clients (the Today screen's
    "Show:" choice, read once as the screen does: ``own_scope``), at most
    ``TODAY_LIMIT`` of each kind, every kind counted."""
    from clientcare.care import TODAY_LIMIT, care_list

    return care_list(session, today=today, scope=scope, limit=TODAY_LIMIT)


def _own_scope(ops: Any) -> Any:
    from clientcare.scope import own_scope

    return ops.read(own_scope)


def _current_practitioner(ops: Any) -> int | None:
    from clientcare.practice import list_practitioners

    mine = [p.id for p in ops.read(list_practitioners) if p.is_current_user]
    return mine[0] if mine else None


def today_compute(
    database: Target, rounds: int, *, baseline: bool = True
) -> tuple[Samples, Samples, int, int]:
    """What the Today screen reads (the day's appointments of "you" and the care list, as
    todays_care_list reads it), and its baseline (today_raw_sql), round by round in turn
    so both see the same machine.

    Returns the ORM timings, the raw SQL timings (none without ``baseline``), the items
    shown and the statements.
    """
    from clientcare import appointments

    statements = today_statements(database)
    raw = _raw_connection(database)
    ops = open_ops(database)
    practitioner_id = _current_practitioner(ops)
    scope = _own_scope(ops)
    day_start = dt.datetime.combine(TODAY, dt.time())
    day_end = day_start + dt.timedelta(days=1)
    counts: list[int] = []

    def compute() -> None:
        def read(session: Any) -> int:
            items = appointments.appointments_between(session, day_start, day_end, practitioner_id)
            care = todays_care_list(session, TODAY, scope)
            return len(items) + len(care.items)

        counts.append(ops.read(read))

    def replay() -> None:
        raw.replay(statements)

    orm_times: list[float] = []
    raw_times: list[float] = []
    compute()
    replay()
    for _ in range(rounds):
        orm_times.extend(repeat(compute, 1, warm_up=0).values)
        if baseline:
            raw_times.extend(repeat(replay, 1, warm_up=0).values)
    ops.database.dispose()
    raw.close()
    return Samples(tuple(orm_times)), Samples(tuple(raw_times)), counts[-1], len(statements)


class _RawSqlite:
    """The baseline's connection to a SQLite file: the sqlite3 module, read-only."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def replay(self, statements: list[tuple[str, Any]]) -> None:
        self.connection.execute("BEGIN")
        for sql, parameters in statements:
            self.connection.execute(sql, parameters).fetchall()
        self.connection.execute("ROLLBACK")

    def close(self) -> None:
        self.connection.close()


class _RawDriver:
    """The baseline's connection to a server: the driver's own (psycopg), no SQLAlchemy."""

    def __init__(self, url: URL) -> None:
        from clientcare.db.engine import make_engine

        self.engine = make_engine(url)
        self.connection = self.engine.raw_connection()

    def replay(self, statements: list[tuple[str, Any]]) -> None:
        cursor = self.connection.cursor()
        for sql, parameters in statements:
            cursor.execute(sql, parameters)
            cursor.fetchall()
        cursor.close()
        self.connection.rollback()

    def close(self) -> None:
        self.connection.close()
        self.engine.dispose()


def _raw_connection(database: Target) -> _RawSqlite | _RawDriver:
    from clientcare.db.engine import database_url, sqlite_path

    url = database if not isinstance(database, str | Path) else database_url(database)
    path = sqlite_path(url)
    return _RawSqlite(path) if path is not None else _RawDriver(url)


def today_statements(database: Target) -> list[tuple[str, Any]]:
    """The SQL statements (with their parameters) that today_compute sends to the database.

    Replayed through sqlite3 (or the server's driver) with fetchall, they are the baseline:
    the database's share of the work, without the ORM and the Python that makes the
    screen's items (captured from the real code, so the baseline follows the care list as
    it grows).
    """
    from sqlalchemy import event

    from clientcare import appointments

    ops = open_ops(database)
    practitioner_id = _current_practitioner(ops)
    scope = _own_scope(ops)
    day_start = dt.datetime.combine(TODAY, dt.time())
    day_end = day_start + dt.timedelta(days=1)
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "ROLLBACK", "COMMIT")):
            statements.append((statement, parameters))

    event.listen(ops.database.engine, "before_cursor_execute", record)
    ops.read(
        lambda s: (
            appointments.appointments_between(s, day_start, day_end, practitioner_id),
            todays_care_list(s, TODAY, scope),
        )
    )
    ops.database.dispose()
    return statements


def _finalised_interactions(ops: Any, count: int) -> list[Any]:
    from clientcare import printouts

    items = ops.read(
        lambda s: printouts.batch_items(s, start=TODAY - dt.timedelta(days=3650), end=TODAY)
    )
    return items[-count:]


def pdf_single(database: Target, rounds: int) -> Samples:
    """One session summary (for the file): rendered and saved as an A4 PDF."""
    from clientcare import printouts
    from ui import printing

    qt_app()
    ops = open_ops(database)
    items = _finalised_interactions(ops, rounds + 1)
    now = dt.datetime.combine(TODAY, dt.time(17))
    values: list[float] = []
    with tempfile.TemporaryDirectory(prefix="clientcare-bench-") as folder:
        for number, item in enumerate(items):
            started = time.perf_counter()
            printout = ops.read(
                lambda s, item=item: printouts.session_summary(
                    s, item.interaction_id, variant=printouts.SummaryVariant.FILE, now=now
                )
            )
            printing.save_pdf(printout, Path(folder) / f"{number}.pdf", page_size="A4")
            if number:  # the first one warms up (fonts, templates)
                values.append(time.perf_counter() - started)
    ops.database.dispose()
    return Samples(tuple(values))


def idle_stalls(seconds: float) -> Samples:
    """The same timer on an idle event loop: what a busy machine alone costs (a baseline)."""
    from PySide6.QtCore import QEventLoop, QTimer

    qt_app()
    ticks = Ticks()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    ticks.timer.start()
    loop.exec()
    ticks.timer.stop()
    return Samples(tuple(ticks.gaps))


def pdf_batch(database: Target, count: int) -> tuple[float, Samples, int]:
    """The batch export (``ExportRun``) on ``count`` summaries, a 5 ms timer beside it.

    The export writes one summary per turn of the GUI event loop. Returns the wall time,
    the gaps between the timer's ticks (the longest is how long the event loop was blocked
    at worst) and the number of files written.
    """
    from PySide6.QtCore import QEventLoop

    from clientcare import printouts
    from ui import printing
    from ui.dialogs.batch_export import ExportRun

    app = qt_app()
    ops = open_ops(database)
    items = _finalised_interactions(ops, count)
    printing.font_family()  # as the dialog does before it starts
    gc.freeze()  # as ui.app.main does once the window is shown
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="clientcare-bench-") as folder:
        run = ExportRun(
            ops.database,
            items,
            variant=printouts.SummaryVariant.FILE,
            include_money=False,
            folder=Path(folder),
            combined_name=None,
            size="A4",
            now=dt.datetime.combine(TODAY, dt.time(17)),
        )
        loop = QEventLoop()
        ticks = Ticks()

        def finished(export_result: Any) -> None:
            result["written"] = len(export_result.written)
            result["failure"] = export_result.failure
            loop.quit()

        run.finished.connect(finished)
        started = time.perf_counter()
        ticks.timer.start()
        run.start()
        loop.exec()
        wall = time.perf_counter() - started
        ticks.timer.stop()
        app.processEvents()
    ops.database.dispose()
    if result.get("failure"):
        raise RuntimeError(result["failure"])
    return wall, Samples(tuple(ticks.gaps)), int(result.get("written", 0))
