"""The benchmark practices: the demo generator scaled, built once and cached.

``large``  5 practitioners, 2,000 clients, about 100,000 appointments (the demo's BENCHMARK size);
``x10``    the same practice ten times over: 50 practitioners, 20,000 clients, about a million
           appointments (for the scaling figures).

Both are deterministic (fixed seed and a fixed "today"), so every run measures the same rows.
They live in the user cache folder (``~/.cache/clientcare/bench`` on Linux, or
``$CLIENTCARE_BENCH_DIR``), never in the repository. They are rebuilt when
GENERATOR_VERSION (or the size, seed or day) changes: bump it when clientcare/demo/
changes what it generates. A newer schema alone does not rebuild them (the 10x practice
takes minutes): the cached database is upgraded with the real migrations instead.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from clientcare import demo

#: Bump when the benchmark data set changes in a way the key below would not see.
GENERATOR_VERSION = "bench-1"

#: The benchmark practice's "today": a Monday (the data and the measured screens use it).
TODAY = dt.date(2026, 11, 23)
SEED = demo.DEFAULT_SEED


@dataclass(frozen=True)
class Dataset:
    name: str
    size: demo.DemoSize


LARGE = Dataset("large", demo.BENCHMARK)
X10 = Dataset(
    "x10",
    demo.DemoSize(
        practitioners=demo.BENCHMARK.practitioners * 10,
        clients=demo.BENCHMARK.clients * 10,
        months_of_history=demo.BENCHMARK.months_of_history,
        weeks_ahead=demo.BENCHMARK.weeks_ahead,
        max_engagement_months=demo.BENCHMARK.max_engagement_months,
    ),
)
DATASETS = {d.name: d for d in (LARGE, X10)}


def cache_dir() -> Path:
    """Where the benchmark databases are kept (created user-only)."""
    override = os.environ.get("CLIENTCARE_BENCH_DIR")
    if override:
        folder = Path(override)
    else:
        import platformdirs

        folder = Path(platformdirs.user_cache_dir("clientcare")) / "bench"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def version_key() -> str:
    """The version the cached databases must have been built by."""
    return GENERATOR_VERSION


def _name(dataset: Dataset) -> str:
    """A file name that changes with the size, the seed, the day and the version."""
    size = dataset.size
    shape = f"p{size.practitioners}c{size.clients}m{size.months_of_history}"
    return f"{dataset.name}-{shape}-s{SEED}-{TODAY:%Y%m%d}-{version_key()}.sqlite3"


def database_path(dataset: Dataset) -> Path:
    return cache_dir() / _name(dataset)


def building(dataset: Dataset) -> bool:
    """True while ``dataset`` is being built (by this or another process): not to be used,
    nor built a second time."""
    return any(cache_dir().glob(f"building-{dataset.name}-*"))


def ensure(dataset: Dataset, *, log: bool = True) -> Path:
    """The cached database of ``dataset``, built first if missing or outdated."""
    path = database_path(dataset)
    if path.exists():
        _bring_up_to_date(path)
        return path
    folder = path.parent
    for old in folder.glob(f"{dataset.name}-*.sqlite3*"):  # older versions: not needed any more
        old.unlink()
    partial = folder / f"building-{path.name}"
    for leftover in folder.glob(f"{partial.name}*"):
        leftover.unlink()
    if log:
        print(f"building the {dataset.name} benchmark practice (once) …", file=sys.stderr)
    started = time.perf_counter()
    summary = demo.create_demo_database(partial, size=dataset.size, seed=SEED, today=TODAY)
    _checkpoint(partial)
    partial.rename(path)
    if log:
        print(
            f"  {summary.clients:,} clients, {summary.appointments:,} appointments, "
            f"{summary.interactions:,} interactions in {time.perf_counter() - started:.0f} s "
            f"→ {path}",
            file=sys.stderr,
        )
    return path


def _bring_up_to_date(path: Path) -> None:
    """Upgrade a cached database built before the newest migration (no backup: a cache)."""
    from clientcare.db.engine import make_engine
    from clientcare.db.migrate import SCHEMA_HEAD, current_revision, upgrade

    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
        if revision != SCHEMA_HEAD:
            print(f"upgrading {path.name} from schema {revision} …", file=sys.stderr)
            upgrade(engine)
    finally:
        engine.dispose()
    _checkpoint(path)


def prepare_for_app(path: Path) -> None:
    """Take today's automatic backup of ``path`` now, as ClientCare would at its first start
    of the day, so no measured start-up copies a 130 MB file in the background."""
    from clientcare.backup import daily_backup

    daily_backup(path)


def _checkpoint(path: Path) -> None:
    """Checkpoint the WAL into the file, so it can be renamed alone (no ANALYZE: as a real one)."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or list(DATASETS)
    for name in names:
        print(ensure(DATASETS[name]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
