"""Fingerprint the demo practice: every table's rows, for checking a refactor changes nothing.

    .venv/bin/python -m tools.demo_fingerprint > before.txt     (on the old code)
    .venv/bin/python -m tools.demo_fingerprint > after.txt      (on the new code)
    diff before.txt after.txt                                    (no output: identical rows)

For a few sizes and seeds (see CASES; ``--benchmark`` adds the benchmark practice, which
takes a minute or so), the demo is generated into a fresh SQLite file with a fixed
``today``, and each table's rows (``SELECT * ORDER BY`` every column) are hashed. One line
per table: case, table, row count, SHA-256 of the rows. ``--dump DIR`` also writes each
case's rows as text for a line-by-line diff when the fingerprints differ.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sqlite3
import sys
import tempfile
from pathlib import Path

from clientcare.demo import BENCHMARK, DEMO, DemoSize, create_demo_database

TODAY = dt.date(2026, 11, 23)

#: (name, size, seed): the app's demo, the tests' sizes, and odd corners (more
#: practitioners than fictional names, no weeks ahead, short engagements, another seed).
CASES: tuple[tuple[str, DemoSize, int], ...] = (
    ("demo", DEMO, 20261123),
    ("demo-seed-7", DEMO, 7),
    ("bigger", DemoSize(practitioners=4, clients=200, months_of_history=24), 20261123),
    (
        "wide",
        DemoSize(
            practitioners=7,
            clients=300,
            months_of_history=30,
            weeks_ahead=0,
            max_engagement_months=6,
        ),
        3,
    ),
    ("tiny", DemoSize(practitioners=1, clients=1, months_of_history=1, weeks_ahead=0), 1),
    ("small", DemoSize(practitioners=2, clients=12, months_of_history=3, weeks_ahead=2), 11),
)


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every user table's rows, sorted by all their columns (ids come first)."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if not name.startswith("sqlite_")
        ]
        rows: dict[str, list[tuple[object, ...]]] = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            order = ", ".join(f'"{column}"' for column in columns)
            rows[table] = connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
        return rows
    finally:
        connection.close()


def fingerprint(name: str, size: DemoSize, seed: int, folder: Path, dump: Path | None) -> list[str]:
    path = folder / f"{name}.sqlite3"
    create_demo_database(path, size=size, seed=seed, today=TODAY)
    lines = []
    for table, rows in table_rows(path).items():
        text = "\n".join(repr(row) for row in rows)
        digest = hashlib.sha256(text.encode()).hexdigest()
        lines.append(f"{name}\t{table}\t{len(rows)}\t{digest}")
        if dump is not None:
            (dump / f"{name}.{table}.txt").write_text(text + "\n", encoding="utf-8")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmark", action="store_true", help="also the benchmark practice")
    parser.add_argument("--dump", type=Path, help="write each table's rows as text here")
    args = parser.parse_args(argv)
    cases = list(CASES)
    if args.benchmark:
        cases.append(("benchmark", BENCHMARK, 20261123))
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, size, seed in cases:
            for line in fingerprint(name, size, seed, Path(folder), args.dump):
                print(line)
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
