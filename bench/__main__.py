"""Entry point of `make bench`: builds (once) the benchmark practices, measures, prints one table.

    make bench                      # everything (the 10x practice is built once, minutes)
    python -m bench --quick         # fewer rounds, no 10x practice (for trying the harness)
    python -m bench --only search   # one group: startup, search, week, today, pdf, memory
    python -m bench --pg            # the main figures on PostgreSQL too, side by side (bench/pg.py)

Every row shows the median (or p95 / worst where the goal says so), the baseline it is
compared with, the ratio, the goal and PASS or MISS. The exit code is 0 whatever the
figures: benchmarks are not tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import generate, measure, pg

GROUPS = ("startup", "search", "week", "today", "pdf", "memory")


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


def run(groups: set[str], *, quick: bool) -> list[Row]:
    rows: list[Row] = []
    for group in GROUPS:
        if group not in groups:
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
    x10 = None if quick or group not in ("search", "week") else generate.ensure(generate.X10)
    groups = {group}
    rows: list[Row] = []

    def progress(text: str) -> None:
        print(f"… {text}", file=sys.stderr, flush=True)

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
        for label, database in (("2,000", large), ("20,000", x10)):
            if database is None:
                continue
            progress(f"client search, {label} clients")
            samples = measure.client_search(database, rounds)
            rows.append(
                budget_row(
                    f"client search per keystroke, {label} clients", samples.p95, 0.016, "p95"
                )
            )
    if "week" in groups:
        progress("week view")
        week = measure.week_load(large, rounds)
        rows.append(budget_row("week view load, 100k appointments", week.median, 0.030))
        if x10 is not None:
            week10 = measure.week_load(x10, rounds)
            ratio = week10.median / week.median
            rows.append(
                Row(
                    "week view load, 10x data (1M appointments)",
                    f"{ms(week10.median)} median",
                    f"100k: {ms(week.median)}",
                    ratio,
                    "ratio < 1.5",
                    ratio < 1.5,
                )
            )
    if "today" in groups:
        progress("Today")
        today, raw, items, statements = measure.today_compute(large, rounds * 8)
        rows.append(budget_row(f"Today dashboard compute ({items} items)", today.median, 0.050))
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
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, no 10x practice")
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
    rows = run(set(options.only or GROUPS), quick=options.quick)
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
