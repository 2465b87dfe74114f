"""The main figures on PostgreSQL over loopback, beside SQLite (``python -m bench --pg``).

    make bench-pg                   # python -m bench --pg: the whole side-by-side table
    python -m bench --pg --quick    # fewer rounds
    python -m bench --pg --only search

A throwaway server is started by ``tests/pg_server.sh`` (as ``make test-pg`` does: initdb in
a temporary folder, 127.0.0.1 at a free port, a random password), and this benchmark runs
again inside it (``--pg-inside``), with the server's URL in ``CLIENTCARE_TEST_PG``. Inside,
the cached large practice (bench/generate.py) is copied into a new database on the server
with the app's own copier (``clientcare migrate-db``'s ``copy_database``), analysed, and the
main figures are measured on both backends in the same run, round by round in turn (so a
busy machine weighs on both alike). Nothing is cached on the server: the database is
dropped at the end, and the script stops the server and deletes its folder when this
benchmark ends, also on an error or Ctrl+C.

The start-up and memory rows (whole processes) and the 10x practice are not measured here.
The exit code is 0 whatever the figures: benchmarks are not tests.
"""

from __future__ import annotations

import collections
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from bench import generate, measure

ROOT = Path(__file__).resolve().parent.parent
SERVER_SCRIPT = ROOT / "tests" / "pg_server.sh"
#: The hidden option of the run inside the server script.
INSIDE = "--pg-inside"
#: The groups measured on both backends (start-up and memory are whole processes).
GROUPS = ("search", "week", "today", "pdf")
#: The database the practice is copied into on the throwaway server (dropped at the end).
DATABASE_NAME = "clientcare_bench"


# --------------------------------------------------------------------------
# Outside: the throwaway server
# --------------------------------------------------------------------------


def run_with_server(arguments: Sequence[str]) -> int:
    """Start the throwaway server (tests/pg_server.sh) and run ``python -m bench --pg
    --pg-inside ARGUMENTS`` inside it; the script stops the server and deletes its folder
    when that ends. Returns the inner run's exit code (not 0 when the server did not start).
    """
    if not SERVER_SCRIPT.exists():
        print(f"{SERVER_SCRIPT} is missing.", file=sys.stderr)
        return 1
    command = ["bash", str(SERVER_SCRIPT), sys.executable, "-m", "bench", "--pg", INSIDE]
    environment = dict(os.environ, PYTHON=sys.executable)
    # A session of its own, so that on Ctrl+C this process decides what the script gets:
    # SIGINT to the run inside (which drops its database), then the script's own clean-up.
    process = subprocess.Popen(
        [*command, *arguments], cwd=ROOT, env=environment, start_new_session=True
    )
    try:
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:
                _signal_group(process, signal.SIGINT)
    finally:
        if process.poll() is None:  # only on an error here: never leave the server behind
            _signal_group(process, signal.SIGTERM)
            process.wait()


def _signal_group(process: subprocess.Popen[bytes], number: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, number)


# --------------------------------------------------------------------------
# Inside: copy, measure both, print
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PairRow:
    """One figure on both backends, in seconds (None: could not be measured)."""

    name: str
    what: str
    sqlite: float | None
    postgresql: float | None
    budget: float | None = None
    problem: str = ""

    @property
    def ratio(self) -> float | None:
        if self.sqlite is None or self.postgresql is None or not self.sqlite:
            return None
        return self.postgresql / self.sqlite

    def cells(self) -> tuple[str, ...]:
        def shown(seconds: float | None) -> str:
            return "—" if seconds is None else f"{seconds * 1000:.1f} ms {self.what}"

        ratio = self.ratio
        verdict = ""
        if self.budget is not None and self.postgresql is not None:
            verdict = "PASS" if self.postgresql < self.budget else "MISS"
        return (
            self.name,
            shown(self.sqlite),
            shown(self.postgresql) if not self.problem else self.problem[:60],
            "" if ratio is None else f"{ratio:.2f}",
            "" if self.budget is None else f"< {self.budget * 1000:.1f} ms",
            verdict,
        )


@dataclass(frozen=True)
class CopyFigures:
    seconds: float
    rows: int
    tables: int
    matches: bool
    analyse_seconds: float


def print_pairs(rows: list[PairRow]) -> None:
    headers = ("measure", "SQLite", "PostgreSQL", "PG/SQLite", "goal", "PG")
    table = [headers] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(headers))]
    for number, line in enumerate(table):
        print(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            print("-+-".join("-" * width for width in widths))


def progress(text_: str) -> None:
    print(f"… {text_}", file=sys.stderr, flush=True)


def server_url() -> URL:
    """The throwaway server's URL, from the script (its maintenance database)."""
    from clientcare.db.engine import database_url

    value = os.environ.get("CLIENTCARE_TEST_PG")
    if not value:
        raise SystemExit(
            f"{INSIDE} runs inside tests/pg_server.sh (CLIENTCARE_TEST_PG is not set); "
            "use python -m bench --pg"
        )
    return database_url(value)


def copy_practice(source: Path, target: URL) -> CopyFigures:
    """The cached practice into the empty ``target`` with the app's copier, then analysed."""
    from clientcare.db.copy import copy_database

    last = {"shown": time.perf_counter()}

    def copied(table: str, rows: int) -> None:
        if time.perf_counter() - last["shown"] >= 15:
            last["shown"] = time.perf_counter()
            progress(f"  copying {table}: {rows:,} rows")

    progress(f"copying {source.name} into PostgreSQL (clientcare migrate-db's copier) …")
    started = time.perf_counter()
    report = copy_database(source, target, progress=copied)
    seconds = time.perf_counter() - started
    progress(f"  {report.total_rows:,} rows in {seconds:.0f} s; analysing …")
    # What autovacuum does on its own within a minute or two of the copy: the planner's
    # statistics (without them PostgreSQL guesses the size of every table).
    engine = create_engine(target, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        started = time.perf_counter()
        with engine.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))
        analyse_seconds = time.perf_counter() - started
    finally:
        engine.dispose()
    return CopyFigures(seconds, report.total_rows, len(report.tables), report.ok, analyse_seconds)


#: One round of a measurement on one database: its samples by name, and facts to show.
Round = tuple[dict[str, measure.Samples], dict[str, int]]


def interleaved(
    group: str, sqlite: Path, postgresql: URL, rounds: int, action: Callable[[Any], Round]
) -> tuple[dict[str, measure.Samples | None], dict[str, measure.Samples | None], dict[str, int]]:
    """``action`` round by round on SQLite then PostgreSQL in turn, so that both see the same
    machine (the load of a busy one changes from minute to minute); the samples of every
    round pooled. A backend that fails gets None (and is not tried again)."""
    pooled: dict[str, dict[str, list[float]]] = {"SQLite": {}, "PostgreSQL": {}}
    failed: set[str] = set()
    facts: dict[str, int] = {}
    progress(f"{group}: {rounds} rounds on SQLite and PostgreSQL in turn")
    for _ in range(rounds):
        for label, database in (("SQLite", sqlite), ("PostgreSQL", postgresql)):
            if label in failed:
                continue
            try:
                samples, found = action(database)
            except Exception as error:  # one broken measure must not lose the table
                print(f"… {group} on {label} failed: {error!r}", file=sys.stderr, flush=True)
                failed.add(label)
                continue
            facts = facts or found
            for name, values in samples.items():
                pooled[label].setdefault(name, []).extend(values.values)

    def result(label: str) -> dict[str, measure.Samples | None]:
        if label in failed:
            return collections.defaultdict(lambda: None)
        return {name: measure.Samples(tuple(values)) for name, values in pooled[label].items()}

    return result("SQLite"), result("PostgreSQL"), facts


def measure_pairs(sqlite: Path, postgresql: URL, groups: set[str], *, quick: bool) -> list[PairRow]:
    """The main figures on both backends, with as many samples as make bench takes."""
    rounds = 3 if quick else 7
    rows: list[PairRow] = []
    # On a server, Operations polls for other writers with a QTimer, as in the app: it needs
    # the application object even where nothing is painted.
    measure.qt_app()

    def pair(
        name: str,
        on_sqlite: measure.Samples | None,
        on_postgresql: measure.Samples | None,
        what: str,
        budget: float | None,
    ) -> PairRow:
        def figure(samples: measure.Samples | None) -> float | None:
            if samples is None:
                return None
            return samples.p95 if what == "p95" else samples.median

        problem = "failed (see above)" if on_postgresql is None else ""
        return PairRow(name, what, figure(on_sqlite), figure(on_postgresql), budget, problem)

    if "search" in groups:
        # Each round a new screen: one pass of the keystrokes to warm up, one measured.
        a, b, _ = interleaved(
            "client search",
            sqlite,
            postgresql,
            rounds,
            lambda db: ({"keystroke": measure.client_search(db, 1)}, {}),
        )
        rows.append(
            pair(
                "client search per keystroke, 2,000 clients",
                a["keystroke"],
                b["keystroke"],
                "p95",
                0.016,
            )
        )
    if "week" in groups:
        a, b, _ = interleaved(
            "week view",
            sqlite,
            postgresql,
            rounds,
            lambda db: ({"week": measure.week_load(db, 1)}, {}),
        )
        rows.append(
            pair("week view load, 100k appointments", a["week"], b["week"], "median", 0.030)
        )
    if "today" in groups:

        def today(db: measure.Target) -> Round:
            orm, raw, items, statements = measure.today_compute(db, 8)
            return {"orm": orm, "raw": raw}, {"items": items, "statements": statements}

        a, b, facts = interleaved("Today", sqlite, postgresql, rounds, today)
        rows.append(
            pair(
                f"Today dashboard compute ({facts.get('items', '?')} items)",
                a["orm"],
                b["orm"],
                "median",
                0.050,
            )
        )
        rows.append(
            pair(
                f"Today's {facts.get('statements', '?')} queries in raw SQL (driver only)",
                a["raw"],
                b["raw"],
                "median",
                None,
            )
        )
    if "pdf" in groups:
        try:
            import clientcare.printouts  # noqa: F401
            import ui.printing  # noqa: F401
        except ImportError:
            progress("no printing layer yet: PDF rows left out")
        else:
            a, b, _ = interleaved(
                "session summary PDF",
                sqlite,
                postgresql,
                rounds,
                lambda db: ({"pdf": measure.pdf_single(db, 3)}, {}),
            )
            rows.append(
                pair(
                    "session summary PDF, one (reads, renders, saves)",
                    a["pdf"],
                    b["pdf"],
                    "median",
                    0.100,
                )
            )
    return rows


def _server_facts(admin_url: URL) -> dict[str, str]:
    engine = create_engine(admin_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return {
                name: str(connection.execute(text(f"SHOW {name}")).scalar())
                for name in ("server_version", "shared_buffers", "work_mem", "fsync")
            }
    finally:
        engine.dispose()


def _database_size(url: URL) -> str:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return str(
                connection.execute(
                    text("SELECT pg_size_pretty(pg_database_size(current_database()))")
                ).scalar()
            )
    finally:
        engine.dispose()


def run_inside(groups: set[str], *, quick: bool, machine: Callable[[], str]) -> int:
    """Inside tests/pg_server.sh: copy the practice, measure both backends, print the table."""
    started = time.perf_counter()
    load_at_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    admin_url = server_url()
    target = admin_url.set(database=DATABASE_NAME)
    large = generate.ensure(generate.LARGE)
    measured = groups & set(GROUPS)
    facts = _server_facts(admin_url)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{DATABASE_NAME}"'))
        copy = copy_practice(large, target)
        size = _database_size(target)
        rows = measure_pairs(large, target, measured, quick=quick)
    finally:
        try:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)'))
        finally:
            admin.dispose()
    print()
    print(f"ClientCare benchmarks, SQLite and PostgreSQL — {machine()}")
    print(
        f"data: {large.name} ({large.stat().st_size / 2**20:.0f} MB) copied into PostgreSQL "
        f"{facts['server_version']} on 127.0.0.1 (TCP loopback; {size} on the server)"
    )
    print(
        f"copy: {copy.rows:,} rows of {copy.tables} tables in {copy.seconds:.0f} s with the "
        f"app's copier ({copy.rows / copy.seconds:,.0f} rows/s; counts and ledger "
        f"{'match' if copy.matches else 'DO NOT MATCH'}), then VACUUM ANALYZE "
        f"{copy.analyse_seconds:.1f} s"
    )
    print()
    print_pairs(rows)
    print()
    notes = [
        "goal: the budget of make bench; PG: PostgreSQL against it (SQLite's verdicts are in",
        "make bench). Not measured on PostgreSQL: start-up and peak memory (whole processes),",
        "the 10x practice (1M appointments; not copied) and the batch export's GUI stall.",
        f"server: tests/pg_server.sh's throwaway one on this machine (shared_buffers "
        f"{facts['shared_buffers']}, work_mem {facts['work_mem']},",
        f"fsync {facts['fsync']}: only the copy's writes are faster for it), reached as the app "
        "does (its engine, psycopg 3).",
        f"({time.perf_counter() - started:.0f} s in all, load {load_at_start:.1f} at the start; "
        f"{'--quick: ' if quick else ''}medians of several rounds, on SQLite and PostgreSQL "
        "in turn)",
    ]
    print("\n".join(notes))
    return 0
