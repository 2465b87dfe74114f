"""Consistent copies of a SQLite database with the online backup API (WAL included)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from pathlib import Path

from clientcare.config import backup_dir_for


def backup_to(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` atomically (temporary file, fsync, rename).

    Uses SQLite's backup API, so the copy is consistent even while the app has
    the database open in WAL mode. Returns ``destination``.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".partial-", suffix=".sqlite3", dir=destination.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                # A backup is one self-contained file: no WAL beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.chmod(tmp, 0o600)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, destination)
        _fsync_dir(destination.parent)
    finally:
        if tmp.exists():
            tmp.unlink()
    return destination


def read_only_uri(path: Path) -> str:
    """A SQLite URI opening ``path`` read-only; quoted, so '#', '?' and '%' stay in the name."""
    return path.resolve().as_uri() + "?mode=ro"


def backup_before_upgrade(source: Path, from_revision: str) -> Path:
    """A timestamped backup taken before a schema upgrade; returns its path (never overwrites)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = backup_dir_for(source)
    name = f"{source.stem}-before-upgrade-from-{from_revision}-{stamp}"
    target = folder / f"{name}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{name}-{counter}.sqlite3"
    return backup_to(source, target)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
