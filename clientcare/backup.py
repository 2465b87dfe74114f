"""Backups: consistent atomic copies, the daily backup and its rotation.

Restoring a backup is ``clientcare.restore``.

Every copy uses SQLite's online backup API, so it is consistent even while the app
writes (WAL included), and is written atomically: a temporary file beside the
target, fsync, rename, fsync of the folder. A crash leaves either no file or a
complete one at the final name (a ``.partial-`` file at worst, removed later).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

from clientcare.config import backup_dir_for
from clientcare.encryption import (
    Passphrase,
    require_passphrase,
)
from clientcare.encryption import connect as keyed_connect
from clientcare.errors import DatabaseOpenError
from clientcare.files import PARTIAL_PREFIX, replacing

#: How backup files are named: ``<stem>-<kind>-YYYYMMDD-HHMMSS[-n].sqlite3``.
STAMP_FORMAT = "%Y%m%d-%H%M%S"
DAILY = "daily"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"


class BackupError(DatabaseOpenError):
    """A file cannot be used as a backup, or a backup/restore failed; the message says why."""


# --------------------------------------------------------------------------
# Copies
# --------------------------------------------------------------------------


def backup_to(source: Path, destination: Path, passphrase: Passphrase | None = None) -> Path:
    """Copy ``source`` to ``destination`` atomically (temporary file, fsync, rename).

    Uses SQLite's backup API, so the copy is consistent even while the app has
    the database open in WAL mode. The copy is readable by the user only. An
    encrypted database is copied encrypted, under the same ``passphrase``.
    Returns ``destination``; raises sqlite3.Error or OSError (and leaves no file),
    or PassphraseRequired / WrongPassphrase for an encrypted database.
    """
    key = require_passphrase(source, passphrase)
    destination.parent.mkdir(parents=True, exist_ok=True)
    with replacing(destination, suffix=".sqlite3") as tmp:
        if key is None:
            src = sqlite3.connect(read_only_uri(source), uri=True)
        else:
            src = keyed_connect(source, key, read_only=True)
        try:
            dst = sqlite3.connect(tmp) if key is None else keyed_connect(tmp, key)
            try:
                src.backup(dst)
                # A backup is one self-contained file: no WAL beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    return destination


def read_only_uri(path: Path) -> str:
    """A SQLite URI opening ``path`` read-only; quoted, so '#', '?' and '%' stay in the name."""
    return path.resolve().as_uri() + "?mode=ro"


def backup_before_upgrade(
    source: Path, from_revision: str, passphrase: Passphrase | None = None
) -> Path:
    """A timestamped backup taken before a schema upgrade; returns its path (never overwrites)."""
    return timestamped_backup(source, f"before-upgrade-from-{from_revision}", passphrase=passphrase)


def manual_backup(
    source: Path, now: dt.datetime | None = None, passphrase: Passphrase | None = None
) -> Path:
    """A backup asked for by the person (kept until they delete it); returns its path."""
    return timestamped_backup(source, MANUAL, now, passphrase)


def backup_target(source: Path, kind: str, now: dt.datetime | None = None) -> Path:
    """A new, unused timestamped name in the backups folder of ``source``."""
    stamp = (now or dt.datetime.now()).strftime(STAMP_FORMAT)
    folder = backup_dir_for(source)
    name = f"{source.stem}-{kind}-{stamp}"
    target = folder / f"{name}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{name}-{counter}.sqlite3"
    return target


def timestamped_backup(
    source: Path,
    kind: str,
    now: dt.datetime | None = None,
    passphrase: Passphrase | None = None,
) -> Path:
    """A backup of ``source`` under a new timestamped name (encrypted if it is)."""
    return backup_to(source, backup_target(source, kind, now), passphrase)


# --------------------------------------------------------------------------
# The daily backup and its rotation
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RotationPolicy:
    """How many automatic backups to keep: the newest of each of the last N days/weeks/months."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class StoredBackup:
    """A backup file in the backups folder and when it was taken (from its name)."""

    path: Path
    kind: str
    taken_at: dt.datetime


@dataclass(frozen=True)
class DailyBackupResult:
    """What the daily backup did: the new file (None if today's existed) and what it removed."""

    created: Path | None
    removed: tuple[Path, ...]


def list_backups(database: Path) -> list[StoredBackup]:
    """The backups of ``database`` in its backups folder, newest first."""
    folder = database.parent / "backups"
    if not folder.is_dir():
        return []
    pattern = re.compile(
        rf"^{re.escape(database.stem)}-(?P<kind>.+)-(?P<stamp>\d{{8}}-\d{{6}})(?:-\d+)?\.sqlite3$"
    )
    found: list[StoredBackup] = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match is None:
            continue
        try:
            taken_at = dt.datetime.strptime(match["stamp"], STAMP_FORMAT)
        except ValueError:
            continue
        found.append(StoredBackup(path, match["kind"], taken_at))
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)


def backups_to_keep(
    taken: Iterable[dt.datetime], policy: RotationPolicy = RotationPolicy()
) -> set[dt.datetime]:
    """The times to keep under ``policy`` (grandfather-father-son).

    For each of the last ``daily`` days that have a backup, the newest of that day;
    likewise per ISO week and per month. The newest backup is always kept.
    """
    newest_first = sorted(set(taken), reverse=True)
    keep: set[dt.datetime] = set(newest_first[:1])
    buckets: list[tuple[int, Callable[[dt.datetime], Hashable]]] = [
        (policy.daily, lambda moment: moment.date()),
        (policy.weekly, lambda moment: moment.isocalendar()[:2]),
        (policy.monthly, lambda moment: (moment.year, moment.month)),
    ]
    for count, bucket_of in buckets:
        seen: set[Hashable] = set()
        for moment in newest_first:
            if len(seen) >= count:
                break
            bucket = bucket_of(moment)
            if bucket not in seen:
                seen.add(bucket)
                keep.add(moment)
    return keep


def rotate_daily_backups(
    database: Path, policy: RotationPolicy = RotationPolicy()
) -> tuple[Path, ...]:
    """Delete the automatic daily backups ``policy`` no longer keeps; returns what was removed.

    Backups taken before an upgrade or a restore, and manual ones, are never rotated.
    """
    daily = [backup for backup in list_backups(database) if backup.kind == DAILY]
    keep = backups_to_keep((backup.taken_at for backup in daily), policy)
    removed = []
    for backup in daily:
        if backup.taken_at not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return tuple(removed)


def remove_stale_partials(folder: Path, older_than_seconds: float = 3600) -> tuple[Path, ...]:
    """Remove ``.partial-`` files a crash left behind (only old ones: one may be in progress)."""
    if not folder.is_dir():
        return ()
    limit = time.time() - older_than_seconds
    removed = []
    for path in folder.glob(f"{PARTIAL_PREFIX}*"):
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
    return tuple(removed)


def daily_backup(
    database: Path,
    now: dt.datetime | None = None,
    policy: RotationPolicy = RotationPolicy(),
    passphrase: Passphrase | None = None,
) -> DailyBackupResult:
    """Take today's automatic backup unless there is one, then rotate the old ones."""
    now = now or dt.datetime.now()
    remove_stale_partials(backup_dir_for(database))
    has_today = any(
        backup.kind == DAILY and backup.taken_at.date() == now.date()
        for backup in list_backups(database)
    )
    created = None if has_today else timestamped_backup(database, DAILY, now, passphrase)
    return DailyBackupResult(created, rotate_daily_backups(database, policy))
