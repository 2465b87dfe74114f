"""What a backup holds, and restoring it: a file checked (a ClientCare database, not
damaged, of a schema this version knows) before it replaces the database, the database
as it was kept first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from clientcare.backup import (
    BEFORE_RESTORE,
    STAMP_FORMAT,
    BackupError,
    read_only_uri,
    timestamped_backup,
)
from clientcare.db.migrate import known_revisions as revisions_of_this_version
from clientcare.encryption import (
    DATABASE_ERRORS,
    WRONG_BACKUP_PASSPHRASE,
    Passphrase,
    export_copy,
    require_passphrase,
)
from clientcare.encryption import connect as keyed_connect

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: What keeping the current database as a backup first may raise.
_KEEPING_ERRORS: tuple[type[Exception], ...] = (OSError, *DATABASE_ERRORS)

NOT_CLIENTCARE = (
    "This file is not a ClientCare database, so nothing was restored. "
    "Choose a backup ClientCare made (in the backups folder beside your database)."
)


@dataclass(frozen=True)
class BackupSummary:
    """What a ClientCare database file holds, for a person deciding whether to restore it."""

    path: Path
    revision: str
    practice_name: str
    clients: int
    appointments: int
    interactions: int
    #: The newest change recorded in it (UTC, like every bookkeeping time), or None.
    newest_record: dt.datetime | None
    #: When the backup was taken: from a ClientCare backup's name, else the file's time.
    taken_at: dt.datetime


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did: what it put in place, and where the replaced database was kept."""

    summary: BackupSummary
    kept_current_at: Path | None


def inspect_backup(
    path: Path,
    known_revisions: Iterable[str] | None = None,
    passphrase: Passphrase | None = None,
) -> BackupSummary:
    """Check that ``path`` is an intact ClientCare database and say what it holds.

    ``known_revisions`` defaults to the revisions this version of ClientCare knows;
    a newer one is refused. Raises BackupError with a message for a person, or
    PassphraseRequired / WrongPassphrase for an encrypted file.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no file at {path}.")
    key = require_passphrase(path, passphrase, WRONG_BACKUP_PASSPHRASE)
    if key is None:
        with open(path, "rb") as handle:
            if handle.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
                raise BackupError(NOT_CLIENTCARE)
    try:
        if key is None:
            connection = sqlite3.connect(read_only_uri(path), uri=True)
        else:
            connection = keyed_connect(path, key, read_only=True)
        try:
            summary = _summarise(connection, path)
        finally:
            connection.close()
    except DATABASE_ERRORS as exc:
        raise BackupError(
            f"This file cannot be read as a database ({exc}), so nothing was restored."
        ) from exc
    if known_revisions is None:
        known_revisions = revisions_of_this_version()
    if summary.revision not in set(known_revisions):
        raise BackupError(
            f"This backup was made by a newer version of ClientCare (schema {summary.revision}). "
            "Install that version to restore it; nothing was restored."
        )
    return summary


def _summarise(connection: sqlite3.Connection, path: Path) -> BackupSummary:
    tables = {
        name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if not {"alembic_version", "client", "appointment", "interaction"} <= tables:
        raise BackupError(NOT_CLIENTCARE)
    problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise BackupError(
            "This backup is damaged (the database check found problems), so nothing was "
            "restored. Choose another backup."
        )
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None:
        raise BackupError(NOT_CLIENTCARE)

    def count(table: str) -> int:
        return int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    practice_name = ""
    if "practice_settings" in tables:
        row = connection.execute("SELECT name FROM practice_settings LIMIT 1").fetchone()
        practice_name = (row[0] or "") if row else ""
    return BackupSummary(
        path=path,
        revision=str(revision[0]),
        practice_name=practice_name,
        clients=count("client"),
        appointments=count("appointment"),
        interactions=count("interaction"),
        newest_record=_newest_record(connection, ("client", "appointment", "interaction")),
        taken_at=_taken_at(path),
    )


def _newest_record(connection: sqlite3.Connection, tables: Sequence[str]) -> dt.datetime | None:
    newest: dt.datetime | None = None
    for table in tables:
        columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        for column in ("created_at", "updated_at"):
            if column not in columns:
                continue
            value = connection.execute(f'SELECT max("{column}") FROM "{table}"').fetchone()[0]
            if not value:
                continue
            try:
                moment = dt.datetime.fromisoformat(str(value))
            except ValueError:
                continue
            newest = moment if newest is None or moment > newest else newest
    return newest


def _taken_at(path: Path) -> dt.datetime:
    match = re.search(r"-(\d{8}-\d{6})(?:-\d+)?\.sqlite3$", path.name)
    if match:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(match[1], STAMP_FORMAT)
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def restore_database(
    backup: Path,
    database: Path,
    known_revisions: Iterable[str] | None = None,
    *,
    backup_passphrase: Passphrase | None = None,
    passphrase: Passphrase | None = None,
) -> RestoreReport:
    """Replace the contents of ``database`` with ``backup``, keeping the current one first.

    The backup is checked (inspect_backup) before anything changes; the current
    database is copied to ``backups/<stem>-before-restore-<time>.sqlite3``; then the
    backup is written into the database file in one transaction (the online backup
    API), so a crash leaves the old or the new contents, never a mixture. Nothing
    else may have the database open (close the app's engine first). A backup from
    an older schema is upgraded the next time the database is opened.

    An encrypted backup needs ``backup_passphrase``, an encrypted database its
    ``passphrase`` (to keep it first). The restored database is encrypted as the
    backup is (under ``backup_passphrase``, or not at all).
    """
    backup, database = Path(backup), Path(database)
    summary = inspect_backup(backup, known_revisions, backup_passphrase)
    backup_key = require_passphrase(backup, backup_passphrase, WRONG_BACKUP_PASSPHRASE)
    current_key = None
    if database.exists() and database.stat().st_size > 0:
        current_key = require_passphrase(database, passphrase)
    if database.exists() and database.resolve() == backup.resolve():
        raise BackupError("This is the database itself, not a backup of it; nothing was changed.")
    kept = None
    if database.exists() and database.stat().st_size > 0:
        try:
            kept = timestamped_backup(database, BEFORE_RESTORE, passphrase=current_key)
        except _KEEPING_ERRORS as exc:
            raise BackupError(
                f"The current database could not be kept as a backup first ({exc}), "
                "so nothing was restored."
            ) from exc
    try:
        if backup_key is None and current_key is None:
            _copy_into(backup, database)
        else:
            _replace_with(backup, backup_key, database, current_key)
    except DATABASE_ERRORS as exc:
        kept_text = f" The database as it was is also kept at {kept}." if kept else ""
        raise BackupError(
            f"The restore could not be completed ({exc}); the database is as it was.{kept_text}"
        ) from exc
    return RestoreReport(summary=summary, kept_current_at=kept)


def _copy_into(backup: Path, database: Path) -> None:
    if not database.exists():
        fd = os.open(database, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        target = sqlite3.connect(database, isolation_level=None)
        try:
            target.execute("PRAGMA busy_timeout=5000")
            # Rollback-journal mode while copying (page sizes may differ); with no other
            # connection open this also folds the WAL into the file first.
            target.execute("PRAGMA journal_mode=DELETE")
            target.execute("PRAGMA synchronous=FULL")
            source.backup(target)  # one step: one transaction on the target
            target.execute("PRAGMA journal_mode=WAL")
            problems = [row[0] for row in target.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise sqlite3.DatabaseError("; ".join(problems[:3]))
        finally:
            target.close()
    finally:
        source.close()


def _replace_with(
    backup: Path, backup_key: Passphrase | None, database: Path, current_key: Passphrase | None
) -> None:
    """Restore when either side is encrypted: the backup API cannot copy between keys.

    The current database's WAL is folded in and removed first, then a checked copy of
    the backup (under its own key) is renamed over the database file.
    """
    if database.exists() and database.stat().st_size > 0:
        current = (
            sqlite3.connect(database, isolation_level=None)
            if current_key is None
            else keyed_connect(database, current_key)
        )
        try:
            current.isolation_level = None
            current.execute("PRAGMA busy_timeout=5000")
            current.execute("PRAGMA journal_mode=DELETE")
        finally:
            current.close()
    export_copy(backup, backup_key, database, backup_key)
