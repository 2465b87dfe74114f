"""Entry point of `make bench`: builds (once) the benchmark practices, measures, prints one table.

    make bench                      # everything (the 10x practice is built once, minutes)
    python -m bench --quick         # fewer rounds, the 10x practice only if already built,
                                    # no backup group (for trying the harness)
    python -m bench --only search   # one group: startup, search, week, today, client-open,
                                    # sections, pdf, memory, backup
    python -m bench --pg            # the main figures on PostgreSQL too, side by side (bench/pg.py)

Every row shows the median (or p95 / worst where the goal says so), the baseline it is
compared with, the ratio, the goal and PASS or MISS. The exit code is 0 whatever the
figures: benchmarks are not tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import generate, measure, pg

GROUPS = (
    "startup",
    "search",
    "week",
    "today",
    "client-open",
    "sections",
    "dialogs",
    "pdf",
    "memory",
    "backup",
)
#: Left out of --quick unless asked for by name (--only): they copy the practices' files.
NOT_QUICK = ("backup",)
#: The groups that compare the 10x practice with the 1x one (in alternating rounds).
SCALING = ("search", "week", "today", "client-open", "sections", "backup")


@dataclass(frozen=True)
class Row:
    name: str
    value: str
    baseline: str
    ratio: float | None
    goal: str
    passed: bool | None

    @property
    def verdict(self) -> str:
        return "" if self.passed is None else ("PASS" if self.passed else "MISS")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def budget_row(name: str, seconds: float, budget: float, what: str = "median") -> Row:
    """A row against an absolute goal: the baseline is the budget itself."""
    ratio = seconds / budget
    return Row(name, f"{ms(seconds)} {what}", f"budget {ms(budget)}", ratio, "ratio < 1", ratio < 1)


def scaling_row(name: str, ten: float, one: float, what: str = "median") -> Row:
    """A 10x figure against the 1x one, measured in alternating rounds."""
    ratio = ten / one
    return Row(name, f"{ms(ten)} {what}", f"1x: {ms(one)}", ratio, "ratio <= 1.5", ratio <= 1.5)


def percentile(samples: measure.Samples, fraction: float) -> float:
    ordered = sorted(samples.values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def print_table(rows: list[Row]) -> None:
    headers = ("measure", "measured", "baseline", "ratio", "goal", "")
    table = [headers] + [
        (
            r.name,
            r.value,
            r.baseline,
            "" if r.ratio is None else f"{r.ratio:.2f}",
            r.goal,
            r.verdict,
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(headers))]
    for number, line in enumerate(table):
        print(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if number == 0:
            print("-+-".join("-" * width for width in widths))


def machine() -> str:
    cores = os.cpu_count() or 0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.processor() or platform.machine()}, {cores} cores, load {load:.1f}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def run(groups: set[str], *, quick: bool, named: bool = False) -> list[Row]:
    rows: list[Row] = []
    for group in GROUPS:
        if group not in groups or (quick and group in NOT_QUICK and not named):
            continue
        try:
            rows.extend(measure_group(group, quick=quick))
        except Exception as error:  # one broken measure must not lose the table
            print(f"… {group} failed: {error!r}", file=sys.stderr, flush=True)
            rows.append(
                Row(f"{group}: could not be measured", str(error)[:60], "", None, "", False)
            )
    return rows


def measure_group(group: str, *, quick: bool) -> list[Row]:
    rounds = 3 if quick else 7
    large = generate.ensure(generate.LARGE)
    if group in ("startup", "memory"):
        generate.prepare_for_app(large)
    groups = {group}
    rows: list[Row] = []

    def progress(text: str) -> None:
        print(f"… {text}", file=sys.stderr, flush=True)

    x10 = ten_times(quick, progress) if group in SCALING else None

    if "startup" in groups:
        progress("start-up (whole processes)")
        app, floor, report = measure.startup(large, rounds)
        ratio = app.median / floor.median
        rows.append(
            Row(
                f"start-up to Today painted ({report.get('today_rows', '?')} appointments shown)",
                f"{ms(app.median)} median",
                f"floor {ms(floor.median)}",
                ratio,
                "ratio <= 1.25",
                ratio <= 1.25,
            )
        )
    if "search" in groups:
        progress("client search" + (", 2,000 and 20,000 clients in turn" if x10 else ""))
        searched = measure.alternate(
            rounds, both(large, x10, lambda db: measure.client_search(db, 1))
        )
        for label, key in (("2,000", "1x"), ("20,000", "10x")):
            if key in searched:
                rows.append(
                    budget_row(
                        f"client search per keystroke, {label} clients",
                        searched[key].p95,
                        0.016,
                        "p95",
                    )
                )
        if x10 is not None:
            rows.append(
                scaling_row(
                    "client search per keystroke, 20,000 vs 2,000 clients",
                    searched["10x"].median,
                    searched["1x"].median,
                )
            )
    if "week" in groups:
        progress("week view" + (", 1x and 10x in turn" if x10 else ""))
        weeks = measure.alternate(rounds, both(large, x10, lambda db: measure.week_load(db, 1)))
        week = weeks["1x"]
        rows.append(budget_row("week view load, 100k appointments", week.median, 0.030))
        if x10 is not None:
            rows.append(
                scaling_row(
                    "week view load, 10x data (1M appointments)", weeks["10x"].median, week.median
                )
            )
    if "today" in groups:
        progress("Today" + (", 1x and 10x in turn" if x10 else ""))
        pooled: dict[str, list[float]] = {"1x": [], "raw": [], "10x": []}
        found: dict[str, int] = {}
        statements = 0
        for _ in range(rounds):
            orm, raw_sql, found["1x"], statements = measure.today_compute(large, 8)
            pooled["1x"].extend(orm.values)
            pooled["raw"].extend(raw_sql.values)
            if x10 is not None:
                orm, _raw, found["10x"], _ = measure.today_compute(x10, 8, baseline=False)
                pooled["10x"].extend(orm.values)
        today, raw = measure.Samples(tuple(pooled["1x"])), measure.Samples(tuple(pooled["raw"]))
        items = found["1x"]
        rows.append(budget_row(f"Today dashboard compute ({items} items)", today.median, 0.050))
        if x10 is not None:
            rows.append(
                scaling_row(
                    f"Today dashboard compute, 10x data ({found['10x']} items)",
                    statistics.median(pooled["10x"]),
                    today.median,
                )
            )
        ratio = today.median / raw.median
        rows.append(
            Row(
                f"Today dashboard vs its {statements} queries in raw SQL",
                f"{ms(today.median)} median",
                f"raw SQL {ms(raw.median)}",
                ratio,
                "ratio <= 2",
                ratio <= 2,
            )
        )
    if "client-open" in groups:
        progress("opening clients" + (", 1x and 10x in turn" if x10 else ""))
        opened = measure.alternate(rounds, both(large, x10, lambda db: measure.client_open(db, 1)))
        rows.append(
            budget_row(
                "open a client (click → page filled), 2,000 clients", opened["1x"].median, 0.100
            )
        )
        if x10 is not None:
            rows.append(
                scaling_row(
                    "open a client, 20,000 clients", opened["10x"].median, opened["1x"].median
                )
            )
    if "sections" in groups:
        rows.extend(section_rows(large, x10, 1 if quick else 5, progress))
    if "dialogs" in groups:
        generate.prepare_for_app(large)
        rows.extend(dialog_rows(large, 1 if quick else 5, progress))
    if "pdf" in groups:
        try:
            import clientcare.printouts  # noqa: F401
            import ui.printing  # noqa: F401
        except ImportError:
            progress("no printing layer yet: PDF rows left out")
        else:
            progress("session summary PDFs")
            single = measure.pdf_single(large, rounds * 3)
            rows.append(budget_row("session summary PDF, one", single.median, 0.100))
            count = 100 if quick else 500
            # The worst stall of one run is at the mercy of the machine: the median of three.
            runs = sorted(
                (measure.pdf_batch(large, count) for _ in range(1 if quick else 3)),
                key=lambda run: run[1].worst,
            )
            wall, gaps, written = runs[len(runs) // 2]
            idle = measure.idle_stalls(min(wall, 10.0))
            rows.append(
                Row(
                    f"batch of {written} PDFs ({wall:.1f} s): GUI stall, worst"
                    + (f" (median of {len(runs)} runs)" if len(runs) > 1 else ""),
                    f"{ms(gaps.worst)} (p99 {ms(percentile(gaps, 0.99))})",
                    f"idle loop {ms(idle.worst)} (p99 {ms(percentile(idle, 0.99))})",
                    gaps.worst / 0.050,
                    "worst < 50 ms",
                    gaps.worst < 0.050,
                )
            )
    if "memory" in groups:
        progress("peak memory (whole process)")
        peak, floor_peak, _report = measure.peak_memory(large)
        mib, floor_mib = peak / 1024, floor_peak / 1024
        rows.append(
            Row(
                "peak memory after every screen",
                f"{mib:.0f} MiB",
                f"budget 250 MiB (floor {floor_mib:.0f} MiB)",
                mib / 250,
                "ratio < 1",
                mib < 250,
            )
        )
    if "backup" in groups:
        rows.extend(backup_rows(large, x10, 2 if quick else 5, progress))
    return rows


def ten_times(quick: bool, progress: Callable[[str], None]) -> Path | None:
    """The 10x practice: built first if needed (not in --quick: then only if already built);
    None while another process is building it."""
    if generate.building(generate.X10):
        progress("the 10x practice is being built elsewhere: its rows are left out")
        return None
    if quick and not generate.database_path(generate.X10).exists():
        return None
    return generate.ensure(generate.X10)


def both(
    large: Path, x10: Path | None, measure_one: Callable[[Path], measure.Samples]
) -> dict[str, Callable[[], measure.Samples]]:
    """The measures alternate() runs in turn: on the 1x practice, then (if any) on the 10x."""
    measures = {"1x": lambda: measure_one(large)}
    if x10 is not None:
        measures["10x"] = lambda: measure_one(x10)
    return measures


def section_rows(
    large: Path, x10: Path | None, rounds: int, progress: Callable[[str], None]
) -> list[Row]:
    """Each section of the real window: first visit and re-visit, 1x and 10x children in turn."""
    from ui.main_window import SECTIONS

    databases = {"1x": large} | ({"10x": x10} if x10 is not None else {})
    reports: dict[str, list[dict[str, Any]]] = {label: [] for label in databases}
    failed: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="clientcare-bench-") as folder:
        for number in range(rounds):
            for label, database in databases.items():
                if label in failed:
                    continue
                progress(f"sections, round {number + 1} of {rounds}, {label} (a whole process)")
                try:
                    reports[label].append(measure.sections(database, Path(folder)))
                except Exception as error:  # the other size's rows are still worth having
                    print(f"… sections at {label} failed: {error!r}", file=sys.stderr, flush=True)
                    failed[label] = str(error)
    if not reports["1x"]:
        raise RuntimeError(failed.get("1x", "no round measured"))

    def median(label: str, visit: str, key: str) -> float:
        return statistics.median(report[visit][key] for report in reports[label])

    ten = bool(reports.get("10x"))
    rows: list[Row] = []
    for section in SECTIONS:
        key, title = section.key, section.title
        for visit, what, budget in (("first", "first visit", 0.200), ("again", "re-visit", 0.050)):
            shown = " (shown at start-up)" if key == "today" and visit == "first" else ""
            one = median("1x", visit, key)
            rows.append(budget_row(f"{title}: {what}{shown}, 2,000 clients", one, budget))
            if ten:
                rows.append(
                    scaling_row(f"{title}: {what}, 10x data", median("10x", visit, key), one)
                )
    if "10x" in failed:
        rows.append(
            Row(
                "sections, 10x data: could not be measured", failed["10x"][:60], "", None, "", False
            )
        )
    return rows


def dialog_rows(large: Path, rounds: int, progress: Callable[[str], None]) -> list[Row]:
    """Each everyday dialog in the real window on the large practice: opened (first time in
    the process, and again), a whole process a round; budget 150 ms, focus in a field."""
    from bench.child import DIALOGS

    reports: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="clientcare-bench-") as folder:
        for number in range(rounds):
            progress(f"dialogs, round {number + 1} of {rounds} (a whole process)")
            reports.append(measure.dialogs(large, Path(folder)))
    rows: list[Row] = []
    for kind in DIALOGS:
        for visit, what in (("first", "first time"), ("again", "again")):
            seconds = statistics.median(report[visit][kind] for report in reports)
            rows.append(budget_row(f"{kind} dialog: {what}, 2,000 clients", seconds, 0.150))
        focus = reports[-1]["focus"][kind]
        rows.append(
            Row(
                f"{kind} dialog: focus when it opens",
                focus or "(nothing)",
                "",
                None,
                "a field",
                bool(focus) and "button" not in focus.lower(),
            )
        )
    return rows


def backup_rows(
    large: Path, x10: Path | None, rounds: int, progress: Callable[[str], None]
) -> list[Row]:
    """The first start of the day (the daily backup due) against a later start, each size."""
    rows: list[Row] = []
    for label, database in (("1x", large), ("10x", x10)):
        if database is None:
            continue
        progress(f"first start of the day, {label} copy: {rounds} rounds due / taken in turn")
        figures = measure.daily_backup_start(database, rounds)
        size = (
            f"{figures.size_bytes / 1e6:,.0f} MB"
            if figures.size_bytes < 1e9
            else (f"{figures.size_bytes / 1e9:.1f} GB")
        )
        ratio = figures.due.median / figures.taken.median
        rows.append(
            Row(
                f"start-up to Today painted, daily backup due ({size}; painted first "
                f"{figures.painted_first} of {len(figures.due.values)})",
                f"{ms(figures.due.median)} median ({ms(figures.due_overlap.median)} after "
                "the backup's start)",
                f"backup taken: {ms(figures.taken.median)} ({ms(figures.taken_overlap.median)})",
                ratio,
                "ratio <= 1.25",
                ratio <= 1.25,
            )
        )
        worst = figures.due_worst.median
        rows.append(
            Row(
                f"GUI stall while the daily backup runs ({size}, backup "
                f"{figures.backup.median:.1f} s), worst (median of {len(figures.due.values)})",
                ms(worst),
                f"backup taken: {ms(figures.taken_worst.median)}",
                worst / 0.050,
                "worst < 50 ms",
                worst < 0.050,
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer rounds, the 10x practice only if built, no backup group",
    )
    parser.add_argument("--only", action="append", choices=GROUPS, help="measure only these")
    parser.add_argument(
        "--pg",
        action="store_true",
        help="the main figures on a throwaway PostgreSQL server (tests/pg_server.sh) beside "
        "SQLite; needs Debian's postgresql",
    )
    parser.add_argument(pg.INSIDE, action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.pg and not options.pg_inside:
        arguments = ["--quick"] if options.quick else []
        for group in options.only or ():
            arguments += ["--only", group]
        return pg.run_with_server(arguments)
    if options.pg_inside:
        return pg.run_inside(set(options.only or GROUPS), quick=options.quick, machine=machine)
    started = time.perf_counter()
    rows = run(set(options.only or GROUPS), quick=options.quick, named=bool(options.only))
    print()
    print(f"ClientCare benchmarks — {machine()}")
    print(f"data: {generate.cache_dir()} ({generate.version_key()}); Qt offscreen")
    print()
    print_table(rows)
    print()
    print(f"({time.perf_counter() - started:.0f} s; medians of several rounds; ratios are robust")
    print(" to a busy machine, absolute times are not)")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Leave without Python's finalisation: PySide6 can crash tearing down Qt objects the
    # measurements made, and nothing needs saving.
    os._exit(code)
