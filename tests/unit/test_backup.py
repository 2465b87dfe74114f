"""Backups without Qt: rotation, the daily backup, what a backup holds, restore, the CLI."""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from clientcare import backup
from clientcare.backup import (
    BackupError,
    RotationPolicy,
    backups_to_keep,
    daily_backup,
    list_backups,
)
from clientcare.cli import parse_args, run_command
from clientcare.db.engine import Database
from clientcare.db.migrate import SCHEMA_HEAD, open_database
from clientcare.db.models import (
    Appointment,
    AppointmentMode,
    Client,
    Interaction,
    InteractionKind,
    Practitioner,
)
from clientcare.instance_lock import InstanceLock
from clientcare.restore import inspect_backup, restore_database

pytestmark = pytest.mark.sqlite_only("backups and restores of a SQLite file")

FIXTURE_0001 = Path(__file__).resolve().parents[1] / "db" / "fixtures" / "schema_0001.sqlite3"
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")


@pytest.fixture(autouse=True)
def _keep_umask() -> Iterator[None]:
    """The commands set a private umask for the process; give the test run its own back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _add_client(database: Database, name: str) -> int:
    with database.unit_of_work() as session:
        client = Client(full_name=name, preferred_name=name.split()[0])
        session.add(client)
        session.flush()
        return client.id


def _client_names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {name for (name,) in connection.execute("SELECT full_name FROM client")}
    finally:
        connection.close()


# --------------------------------------------------------------------------
# Rotation
# --------------------------------------------------------------------------


def test_rotation_keeps_7_daily_4_weekly_12_monthly_of_a_year_of_daily_backups() -> None:
    start = dt.datetime(2025, 11, 24, 9, 0)
    taken = [start + dt.timedelta(days=n) for n in range(365)]
    keep = backups_to_keep(taken, RotationPolicy(daily=7, weekly=4, monthly=12))
    newest = taken[-1]
    assert newest in keep
    # The last seven days.
    assert {newest - dt.timedelta(days=n) for n in range(7)} <= keep
    # The newest of each of the last 4 ISO weeks, and of each of the last 12 months.
    weeks = {moment.isocalendar()[:2] for moment in keep}
    months = {(moment.year, moment.month) for moment in keep}
    assert len(weeks) >= 4
    assert len(months) == 12
    # Nothing else: 7 days + up to 3 older weeks + up to 11 older months.
    assert len(keep) <= 7 + 3 + 11
    assert min(keep) >= dt.datetime(2025, 12, 1)


def test_rotation_keeps_the_newest_backup_of_a_day() -> None:
    morning = dt.datetime(2026, 11, 23, 8, 0)
    evening = dt.datetime(2026, 11, 23, 20, 0)
    assert backups_to_keep([morning, evening], RotationPolicy(1, 0, 0)) == {evening}


def test_rotation_with_few_backups_keeps_them_all() -> None:
    taken = [dt.datetime(2026, 1, 1), dt.datetime(2026, 3, 1), dt.datetime(2026, 6, 1)]
    assert backups_to_keep(taken) == set(taken)


def test_daily_backup_once_a_day_then_rotated(db: Database) -> None:
    path = db.path
    assert path is not None
    start = dt.datetime(2026, 1, 1, 9, 0)
    for day in range(40):
        now = start + dt.timedelta(days=day)
        first = daily_backup(path, now=now, policy=RotationPolicy(3, 2, 2))
        again = daily_backup(path, now=now + dt.timedelta(hours=2), policy=RotationPolicy(3, 2, 2))
        assert first.created is not None and again.created is None
    daily = [b for b in list_backups(path) if b.kind == backup.DAILY]
    kept_days = sorted(b.taken_at.date() for b in daily)
    # 3 newest days, the newest of 2 weeks and of 2 months (overlapping).
    assert kept_days[-3:] == [dt.date(2026, 2, 7), dt.date(2026, 2, 8), dt.date(2026, 2, 9)]
    assert dt.date(2026, 1, 31) in kept_days  # the newest of January
    assert len(kept_days) <= 3 + 1 + 1


def test_rotation_never_removes_backups_before_upgrade_restore_or_manual(db: Database) -> None:
    path = db.path
    assert path is not None
    kept = [
        backup.backup_before_upgrade(path, "0001"),
        backup.manual_backup(path, now=dt.datetime(2020, 1, 1)),
    ]
    for day in range(10):
        daily_backup(path, now=dt.datetime(2021, 1, 1) + dt.timedelta(days=day))
    backup.rotate_daily_backups(path, RotationPolicy(1, 0, 0))
    remaining = {b.path for b in list_backups(path)}
    assert set(kept) <= remaining
    assert len([b for b in list_backups(path) if b.kind == backup.DAILY]) == 1


@POSIX_ONLY
def test_daily_backup_is_private_and_consistent_while_open(db: Database) -> None:
    _add_client(db, "Zoë Ñúñez")  # left in the WAL: the engine is still open
    result = daily_backup(db.path)  # type: ignore[arg-type]
    assert result.created is not None
    assert _mode(result.created) == 0o600
    assert _mode(result.created.parent) == 0o700
    assert "Zoë Ñúñez" in _client_names(result.created)
    assert result.created.read_bytes()[18:20] == b"\x01\x01", "a single file, not WAL"


def test_stale_partial_files_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    old = tmp_path / ".partial-old.sqlite3"
    fresh = tmp_path / ".partial-fresh.sqlite3"
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(old, (0, 0))
    assert backup.remove_stale_partials(tmp_path) == (old,)
    assert fresh.exists()


# --------------------------------------------------------------------------
# What a backup holds
# --------------------------------------------------------------------------


def test_inspect_says_what_a_backup_holds(db: Database) -> None:
    client_id = _add_client(db, "Zoë Ñúñez")
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name="Dr Amara Okafor")
        session.add(practitioner)
        session.flush()
        session.add(
            Appointment(
                client_id=client_id,
                practitioner_id=practitioner.id,
                start=dt.datetime(2026, 11, 23, 9, 0),
                duration_minutes=50,
                mode=AppointmentMode.IN_PERSON,
            )
        )
        session.add(
            Interaction(
                client_id=client_id,
                kind=InteractionKind.SESSION,
                occurred_at=dt.datetime(2026, 11, 23, 9, 0),
                notes="confidential",
            )
        )
    written = backup.manual_backup(db.path, now=dt.datetime(2026, 11, 23, 12, 34, 56))  # type: ignore[arg-type]
    summary = inspect_backup(written)
    assert (summary.clients, summary.appointments, summary.interactions) == (1, 1, 1)
    assert summary.revision == SCHEMA_HEAD
    assert summary.taken_at == dt.datetime(2026, 11, 23, 12, 34, 56)
    assert summary.newest_record is not None
    assert abs(summary.newest_record - dt.datetime.now(dt.UTC).replace(tzinfo=None)) < (
        dt.timedelta(minutes=5)
    )


def test_inspect_reads_an_older_schema() -> None:
    summary = inspect_backup(FIXTURE_0001)
    assert summary.revision == "0001"
    assert summary.clients > 0


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, this is a text file\n", b"SQLite format 3\x00" + b"\x00" * 100],
    ids=["empty", "text", "truncated"],
)
def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(BackupError):
        inspect_backup(path)


def test_a_foreign_database_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "recipes.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="This file is not a ClientCare database"):
        inspect_backup(path)


def test_a_backup_from_a_newer_clientcare_is_refused(db: Database, tmp_path: Path) -> None:
    written = backup.backup_to(db.path, tmp_path / "newer.sqlite3")  # type: ignore[arg-type]
    connection = sqlite3.connect(written)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="newer version of ClientCare"):
        inspect_backup(written)


def test_a_damaged_backup_is_refused(db: Database, tmp_path: Path) -> None:
    _add_client(db, "Ada Lovelace")
    written = backup.backup_to(db.path, tmp_path / "damaged.sqlite3")  # type: ignore[arg-type]
    data = bytearray(written.read_bytes())
    page = 4096
    # Scribble over the middle of every page after the first: the tree is damaged.
    for offset in range(page + 100, len(data), page):
        data[offset : offset + 200] = b"\xff" * 200
    written.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        inspect_backup(written)


# --------------------------------------------------------------------------
# Restore
# --------------------------------------------------------------------------


def test_restore_round_trip_keeps_the_current_database_first(db: Database) -> None:
    path = db.path
    assert path is not None
    _add_client(db, "Before Backup")
    taken = backup.manual_backup(path)
    _add_client(db, "After Backup")
    db.dispose()

    report = restore_database(taken, path)

    assert _client_names(path) >= {"Before Backup"}
    assert "After Backup" not in _client_names(path)
    assert report.kept_current_at is not None
    assert report.kept_current_at.name.startswith("clientcare-before-restore-")
    assert "After Backup" in _client_names(report.kept_current_at)
    assert report.summary.path == taken
    # The restored database is a normal ClientCare database again: WAL, opens, writes.
    reopened, opened = open_database(path)
    try:
        assert opened.upgraded_from is None
        _add_client(reopened, "After Restore")
        with reopened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        reopened.dispose()
    # And the kept copy restores the state before the restore.
    restore_database(report.kept_current_at, path)
    assert {"Before Backup", "After Backup"} <= _client_names(path)


def test_restore_of_an_older_schema_is_upgraded_on_next_open(db: Database) -> None:
    path = db.path
    assert path is not None
    db.dispose()
    restore_database(FIXTURE_0001, path)
    database, report = open_database(path)
    database.dispose()
    assert report.upgraded_from == "0001"
    assert _client_names(path) == _client_names(FIXTURE_0001)


def test_restore_refuses_a_foreign_file_and_changes_nothing(db: Database, tmp_path: Path) -> None:
    path = db.path
    assert path is not None
    _add_client(db, "Still Here")
    db.dispose()
    foreign = tmp_path / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0 not a database")
    with pytest.raises(BackupError, match="not a ClientCare database"):
        restore_database(foreign, path)
    assert "Still Here" in _client_names(path)
    assert not [b for b in list_backups(path) if b.kind == backup.BEFORE_RESTORE]


@POSIX_ONLY
def test_restored_and_kept_files_are_private(db: Database) -> None:
    path = db.path
    assert path is not None
    os.chmod(path, 0o600)
    taken = backup.manual_backup(path)
    db.dispose()
    report = restore_database(taken, path)
    assert _mode(path) == 0o600, "the database keeps its permissions"
    assert report.kept_current_at is not None and _mode(report.kept_current_at) == 0o600


# --------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------


def test_parse_backup_and_restore_commands(tmp_path: Path) -> None:
    db_file = str(tmp_path / "x.sqlite3")
    assert parse_args(["--db", db_file]).command is None
    options = parse_args(["--db", db_file, "backup", "--to", "/tmp/b.sqlite3"])
    assert (options.command, options.database, options.backup_target) == (
        "backup",
        db_file,
        "/tmp/b.sqlite3",
    )
    options = parse_args(["restore", "old.sqlite3", "--db", db_file, "--yes"])
    assert (options.command, options.restore_file, options.assume_yes) == (
        "restore",
        "old.sqlite3",
        True,
    )
    assert options.database == db_file


def test_cli_backup_then_restore(db: Database, tmp_path: Path) -> None:
    path = db.path
    assert path is not None
    _add_client(db, "In The Backup")
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "by-hand.sqlite3"
    code = run_command(parse_args(["--db", str(path), "backup", "--to", str(target)]), out, err)
    assert code == 0, err.getvalue()
    assert f"Backup written to {target}" in out.getvalue()
    assert "Clients:      1" in out.getvalue()
    _add_client(db, "Not In The Backup")
    db.dispose()

    out = io.StringIO()
    answers: list[str] = []

    def ask(prompt: str) -> str:
        answers.append(prompt)
        return "y"

    code = run_command(parse_args(["--db", str(path), "restore", str(target)]), out, err, ask)
    assert code == 0, err.getvalue()
    assert answers and "Restore it?" in answers[0]
    assert "The database as it was is kept at" in out.getvalue()
    assert _client_names(path) == {"In The Backup"}


def test_cli_restore_asks_and_no_changes_nothing(db: Database) -> None:
    path = db.path
    assert path is not None
    taken = backup.manual_backup(path)
    _add_client(db, "Kept")
    db.dispose()
    out, err = io.StringIO(), io.StringIO()
    code = run_command(
        parse_args(["--db", str(path), "restore", str(taken)]), out, err, lambda _p: "n"
    )
    assert code == 1
    assert "Nothing was changed." in out.getvalue()
    assert "Kept" in _client_names(path)


def test_cli_restore_is_refused_while_clientcare_is_open(db: Database) -> None:
    path = db.path
    assert path is not None
    taken = backup.manual_backup(path)
    out, err = io.StringIO(), io.StringIO()
    with InstanceLock(path):
        code = run_command(
            parse_args(["--db", str(path), "restore", str(taken), "--yes"]), out, err
        )
    assert code == 1
    assert "ClientCare is already open with this database" in err.getvalue()


def test_cli_restore_of_a_foreign_file_says_so(db: Database, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    out, err = io.StringIO(), io.StringIO()
    code = run_command(parse_args(["--db", str(db.path), "restore", str(text), "--yes"]), out, err)
    assert code == 1
    assert "This file is not a ClientCare database" in err.getvalue()
