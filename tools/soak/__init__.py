"""A soak test of the real app: a simulated working week of seeded actions on a copy of a practice.

    make soak                         # 60 minutes on a copy of the ten-times benchmark practice
    make soak SOAK_MINUTES=5          # shorter
    .venv/bin/python -m tools.soak --minutes 5 --seed 1234      # replay a run (same seed)
    .venv/bin/python -m tools.soak --db PRACTICE.sqlite3 --actions 300 --minutes 2

The practice is copied with SQLite's backup API into a scratch folder (the original is only
read), and ClientCare is started on the copy in a child process, as ``ui.app.main`` starts it
(offscreen, with its own data folder, a PIN for the idle lock, and the clock of a working
week: Monday to Friday of the practice's week, 08:30-18:00, moving on with the run). It
ends after ``--minutes`` of wall-clock time (or ``--actions`` counted actions) once it has
done at least ``--min-actions`` (20,000 in the default hour, so that a machine busy with other
work gives a longer run, not a thinner one; it stops at twice the minutes and fails if it has
not reached them), a warm-up
included: every kind of action three times, not counted, so the memory baseline is warm. The
child then drives the real main window with actions chosen by a seeded random generator
(``tools/soak/actions.py``: one table, name -> function): every section visited, clients
searched and opened, appointments booked, moved and cancelled, session notes drafted and
finalised, lateness notices, payments, referrals, issues and check-ins, printouts, the idle
lock, and the screens' refresh after each change and on Today's timer.

The run FAILS on
- a crash of the child (a non-zero exit, a signal, "Fatal Python error": its stderr is shown),
- a hang (one action running for more than ``--action-timeout`` seconds: the child's stacks
  are dumped to its stderr),
- any Python exception reaching the event loop (``sys.excepthook``, unraisable exceptions,
  exceptions in threads) or raised by an action: the action and the traceback are printed,
- resident memory (VmRSS) growing more than ``--max-growth`` (10%) between the end of the
  first tenth of the actions and the end,
- the references to None, True or False falling by more than a quarter over the run (a Qt
  binding that drops references, as PySide6 6.12.0 does on Python 3.11, before it aborts),
- the database failing ``PRAGMA integrity_check`` afterwards.

It prints the actions, actions per minute, the count of each kind, peak RSS (VmHWM), RSS at
10% and at the end and the growth, and the seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
#: The practice's "today" in the benchmark practices (bench.generate.TODAY): a Monday.
WEEK_OF = dt.date(2026, 11, 23)
MAX_GROWTH = 0.10
#: The actions a default (hour-long) run does at least: a working week's worth.
DEFAULT_MIN_ACTIONS = 20_000
#: References to None/True/False may not fall by more than this share over the run.
MAX_SINGLETON_FALL = 0.25
ACTION_TIMEOUT_S = 300
#: Resident memory is compared between the end of this share of the actions and the end.
FIRST_SHARE = 0.10


def default_database() -> Path:
    """The ten-times benchmark practice (see bench/generate.py); never written to here."""
    folder = Path(
        os.environ.get("CLIENTCARE_BENCH_DIR") or Path.home() / ".cache" / "clientcare" / "bench"
    )
    return folder / "x10-p50c20000m150-s20261123-20261123-bench-1.sqlite3"


@dataclass
class SoakResult:
    """What a soak run did and found; ``failures`` empty means it passed."""

    seed: int
    actions: int = 0
    warm_up: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    messages: dict[str, int] = field(default_factory=dict)
    slowest: list[tuple[str, float]] = field(default_factory=list)
    peak_kib: int = 0
    rss_first_kib: int = 0
    rss_end_kib: int = 0
    first_at: int = 0
    widgets_first: int = 0
    rss_deciles: list[int] = field(default_factory=list)
    widgets_end: int = 0
    windows_end: dict[str, int] = field(default_factory=dict)
    singletons_first: dict[str, int] = field(default_factory=dict)
    singletons_end: dict[str, int] = field(default_factory=dict)
    #: The change in references to None by kind of action, the largest six.
    none_by_kind: dict[str, int] = field(default_factory=dict)
    exceptions: list[dict[str, str]] = field(default_factory=list)
    exit_code: int | None = None
    stderr_tail: str = ""
    last_action: str = ""
    integrity: str = ""
    reported: bool = False
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def per_minute(self) -> float:
        return self.actions / (self.seconds / 60) if self.seconds else 0.0

    @property
    def growth(self) -> float:
        if not self.rss_first_kib:
            return 0.0
        return (self.rss_end_kib - self.rss_first_kib) / self.rss_first_kib

    def summary(self) -> str:
        """The figures, for people (the test report and ``make soak``)."""
        lines = [
            f"soak: {'PASSED' if self.passed else 'FAILED'} (seed {self.seed})",
            f"  actions: {self.actions:,} in {self.seconds / 60:.1f} min "
            f"= {self.per_minute:,.0f} actions/minute (after a warm-up of {self.warm_up}: "
            "every kind three times)",
            f"  peak RSS (VmHWM): {self.peak_kib / 1024:,.0f} MiB",
            f"  RSS (settled: after a collection and malloc_trim) after the first "
            f"{self.first_at:,} actions: "
            f"{self.rss_first_kib / 1024:,.0f} MiB; at the end: "
            f"{self.rss_end_kib / 1024:,.0f} MiB; growth {self.growth:+.1%}"
            f" (limit {MAX_GROWTH:+.0%})",
            "  settled RSS at each tenth of the run (MiB): "
            + " ".join(f"{kib / 1024:,.0f}" for kib in self.rss_deciles),
            f"  widgets alive: {self.widgets_first:,} after the first {self.first_at:,} actions,"
            f" {self.widgets_end:,} at the end; windows (shown or hidden) at the end: "
            + ", ".join(f"{name} {n:,}" for name, n in self.windows_end.items()),
            "  references to None/True/False after the warm-up -> at the end: "
            + ", ".join(
                f"{name} {self.singletons_first.get(name, 0):,} -> {count:,}"
                for name, count in self.singletons_end.items()
            ),
            f"  integrity_check: {self.integrity or '(not run)'}",
            "  per kind: "
            + ", ".join(f"{name} {count:,}" for name, count in sorted(self.counts.items())),
        ]
        if self.none_by_kind:
            # PySide6 6.11.3 takes a reference to None it never gives back for each widget
            # freed with its parent (+2), each layout item (+6), each window shown (+8):
            # harmless (None is never freed; no memory grows), but a new habit shows here.
            lines.insert(
                -2,
                "  references to None gained, by kind of action (total, per action): "
                + ", ".join(
                    f"{name} {gained:+,} ({gained / max(self.counts.get(name, 0), 1):+,.0f})"
                    for name, gained in self.none_by_kind.items()
                ),
            )
        if self.skipped:
            lines.append(
                "  skipped (nothing to do at that moment): "
                + ", ".join(f"{name} {count:,}" for name, count in sorted(self.skipped.items()))
            )
        if self.messages:
            lines.append(
                "  messages the app showed: "
                + "; ".join(f"{text} ×{count}" for text, count in sorted(self.messages.items()))
            )
        if self.slowest:
            lines.append(
                "  slowest actions: "
                + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.slowest)
            )
        for failure in self.failures:
            lines.append(f"  FAILURE: {failure}")
        for problem in self.exceptions[:5]:
            lines.append(f"  exception during {problem['action']}:\n{problem['traceback']}")
        if self.stderr_tail and not self.passed:
            lines.append("  the child's stderr (last lines):\n" + self.stderr_tail)
        lines.append(f"  replay: python -m tools.soak --seed {self.seed} (same options)")
        return "\n".join(lines)


def copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` with SQLite's online backup API, reading it read-only."""
    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows[:5])


def run_soak(
    database: Path,
    *,
    minutes: float,
    actions: int | None = None,
    min_actions: int = 0,
    seed: int | None = None,
    week_of: dt.date = WEEK_OF,
    workdir: Path | None = None,
    keep: bool = False,
    max_growth: float = MAX_GROWTH,
    action_timeout: float = ACTION_TIMEOUT_S,
    echo: bool = True,
    extra_env: dict[str, str] | None = None,
    python: str | None = None,
) -> SoakResult:
    """Copy ``database``, drive ClientCare on the copy in a child process, check the outcome.

    The run ends after ``minutes`` of wall-clock time or ``actions`` actions, whichever
    comes first, but not before ``min_actions`` actions (up to twice the minutes: a run that
    has not reached them by then fails). ``python`` is the interpreter of the child (another
    venv, to try another PySide6). ``echo`` prints progress as it goes.
    """
    seed = random.SystemRandom().randrange(1, 2**31) if seed is None else seed
    result = SoakResult(seed=seed)
    if not database.is_file():
        result.failures.append(f"no practice at {database}")
        return result
    scratch = Path(tempfile.mkdtemp(prefix="clientcare-soak-", dir=workdir))
    try:
        needed = database.stat().st_size * 2.2  # the copy and the daily backup beside it
        free = shutil.disk_usage(scratch).free
        if free < needed:
            result.failures.append(
                f"{scratch} has {free / 2**30:.1f} GiB free; the copy and its daily backup "
                f"need about {needed / 2**30:.1f} GiB (use --workdir elsewhere)"
            )
            return result
        copy = scratch / "practice.sqlite3"
        if echo:
            print(f"soak: copying {database} to {copy} …", flush=True)
        copy_database(database, copy)
        config = {
            "database": str(copy),
            "scratch": str(scratch),
            "seed": seed,
            "minutes": minutes,
            "actions": actions,
            "min_actions": min_actions,
            "week_of": week_of.isoformat(),
            "action_timeout": action_timeout,
        }
        _run_child(config, result, echo=echo, extra_env=extra_env, python=python)
        if result.exit_code is not None:  # the file is only read now the child has gone
            result.integrity = integrity(copy)
    finally:
        if keep:
            print(f"soak: kept {scratch}", flush=True)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    _judge(result, max_growth, min_actions)
    return result


def _run_child(
    config: dict[str, Any],
    result: SoakResult,
    *,
    echo: bool,
    extra_env: dict[str, str] | None,
    python: str | None,
) -> None:
    scratch = Path(config["scratch"])
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "CLIENTCARE_DATA_DIR": str(scratch / "data"),
            # Qt's settings (window geometry, the last PDF folder) stay in the scratch folder.
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "XDG_CACHE_HOME": str(scratch / "cache"),
            "PYTHONFAULTHANDLER": "1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.pop("CLIENTCARE_PASSPHRASE", None)
    env.update(extra_env or {})
    stderr_path = scratch / "stderr.txt"
    command = [python or sys.executable, "-m", "tools.soak.child", json.dumps(config)]
    longest = config["minutes"] * (2 if config.get("min_actions") else 1)
    deadline = time.monotonic() + longest * 60 + config["action_timeout"] + 600
    started = time.monotonic()
    last_echo = started
    with open(stderr_path, "wb") as stderr:
        child = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True
        )
        assert child.stdout is not None
        try:
            for line in child.stdout:
                if time.monotonic() > deadline:
                    result.failures.append("the child did not finish in time (killed)")
                    child.kill()
                    break
                try:
                    message = json.loads(line)
                except json.JSONDecodeError:
                    continue  # something the app printed
                if "action" in message:
                    result.last_action = message["action"]
                elif "progress" in message and echo and time.monotonic() - last_echo > 60:
                    last_echo = time.monotonic()
                    progress = message["progress"]
                    print(
                        f"soak: {progress['actions']:,} actions in "
                        f"{progress['seconds'] / 60:.1f} min, RSS {progress['rss_kib'] / 1024:,.0f}"
                        f" MiB, {progress['widgets']:,} widgets, simulated {progress['clock']}",
                        flush=True,
                    )
                elif "report" in message:
                    _take_report(message["report"], result)
            result.exit_code = child.wait(timeout=max(deadline - time.monotonic(), 60))
        except subprocess.TimeoutExpired:
            child.kill()
            result.exit_code = child.wait()
            result.failures.append("the child did not exit in time (killed)")
    result.stderr_tail = _tail(stderr_path)
    if not result.seconds:
        result.seconds = time.monotonic() - started


def _take_report(report: dict[str, Any], result: SoakResult) -> None:
    result.reported = True
    result.actions = report["actions"]
    result.warm_up = report["warm_up"]
    result.seconds = report["seconds"]
    result.counts = report["counts"]
    result.skipped = report["skipped"]
    result.messages = report["messages"]
    result.none_by_kind = report.get("none_by_kind", {})
    result.slowest = [tuple(pair) for pair in report["slowest"]]  # type: ignore[misc]
    result.peak_kib = report["peak_kib"]
    result.rss_first_kib = report["rss_first_kib"]
    result.rss_end_kib = report["rss_end_kib"]
    result.first_at = report["first_at"]
    result.widgets_first = report["widgets_first"]
    result.rss_deciles = report["rss_deciles"]
    result.widgets_end = report["widgets_end"]
    result.windows_end = report["windows_end"]
    result.exceptions = report["exceptions"]
    result.singletons_first = report["singletons_first"]
    result.singletons_end = report["singletons_end"]


#: What the offscreen platform says about every window; not the app's.
NOISE = ("This plugin does not support",)


def _tail(path: Path, lines: int = 60) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            kept = (line for line in handle if not line.startswith(NOISE))
            return "".join(deque(kept, maxlen=lines))
    except OSError:
        return ""


def _judge(result: SoakResult, max_growth: float, min_actions: int = 0) -> None:
    code = result.exit_code
    if code is not None and code != 0:
        how = f"signal {-code}" if code < 0 else f"exit code {code}"
        fatal = "Fatal Python error" in result.stderr_tail
        result.failures.append(
            f"the app's process ended with {how}"
            + (" (Fatal Python error: see its stderr below)" if fatal else "")
            + (f" during {result.last_action}" if result.last_action else "")
        )
    elif code is not None and "Fatal Python error" in result.stderr_tail:
        result.failures.append("Fatal Python error in the app's stderr")
    if code is not None and not result.reported and not result.failures:
        result.failures.append("the app ended without a report")
    if result.exceptions:
        first = result.exceptions[0]
        result.failures.append(
            f"{len(result.exceptions)} Python exception(s); the first during {first['action']}"
        )
    if result.rss_first_kib and result.growth > max_growth:
        result.failures.append(
            f"resident memory grew {result.growth:+.1%} between action {result.first_at:,} "
            f"and the end (limit {max_growth:+.0%})"
        )
    for name, first in result.singletons_first.items():
        end = result.singletons_end.get(name, first)
        if first and end < first * (1 - MAX_SINGLETON_FALL):
            result.failures.append(
                f"references to {name} fell from {first:,} to {end:,}: the Qt binding drops "
                "references it does not own (it will abort the app; see "
                "tests/ui/test_binding_refcounts.py)"
            )
    if result.reported and not result.exceptions and result.actions < min_actions:
        result.failures.append(
            f"only {result.actions:,} actions in {result.seconds / 60:.1f} minutes "
            f"(at least {min_actions:,} were asked for)"
        )
    if result.integrity and result.integrity != "ok":
        result.failures.append(f"PRAGMA integrity_check: {result.integrity}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.soak", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--minutes",
        type=float,
        default=float(os.environ.get("SOAK_MINUTES") or 60),
        help="wall-clock minutes (default 60, or $SOAK_MINUTES)",
    )
    parser.add_argument("--actions", type=int, default=None, help="stop after this many actions")
    parser.add_argument(
        "--min-actions",
        type=int,
        default=None,
        help=f"go on past --minutes until this many actions (default {DEFAULT_MIN_ACTIONS:,} "
        "for a run of an hour or more, else none); stop at twice the minutes",
    )
    parser.add_argument("--seed", type=int, default=None, help="replay a run (default: random)")
    parser.add_argument(
        "--db", type=Path, default=None, help="the practice to copy (default: the 10x benchmark)"
    )
    parser.add_argument("--workdir", type=Path, default=None, help="where the scratch copy goes")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument(
        "--action-timeout",
        type=float,
        default=ACTION_TIMEOUT_S,
        help="seconds one action may take before the run counts as hung",
    )
    parser.add_argument(
        "--python", default=None, help="the child's interpreter (e.g. another venv's python)"
    )
    args = parser.parse_args(argv)
    database = args.db or default_database()
    if args.db is None and any(database.parent.glob("building-x10-*")):
        print(f"soak: the 10x practice is still being built in {database.parent}; try later.")
        return 2
    if args.db is None and not database.exists():
        print(
            f"soak: {database} is missing. Build it with make bench (or "
            "`.venv/bin/python -c 'import bench.generate as g; g.ensure(g.X10)'`), "
            "or give --db PATH."
        )
        return 2
    result = run_soak(
        database,
        minutes=args.minutes,
        actions=args.actions,
        min_actions=args.min_actions
        if args.min_actions is not None
        else (DEFAULT_MIN_ACTIONS if args.minutes >= 60 else 0),
        seed=args.seed,
        workdir=args.workdir,
        keep=args.keep,
        action_timeout=args.action_timeout,
        python=args.python,
    )
    print(result.summary(), flush=True)
    return 0 if result.passed else 1
