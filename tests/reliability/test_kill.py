"""Crash safety: SIGKILL a process at random moments, reopen, nothing acknowledged is lost.

Each test spawns ``python -c …`` children that work through the app's own code
(``Database.unit_of_work``, ``backup_to``, ``open_database``), reports each
completed step on stdout (flushed), and is killed with SIGKILL at a random
(seeded) moment. The parent then reopens the file and checks it. The figures
(attempted, acknowledged, found) appear in the test report's summary.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from clientcare.backup import PARTIAL_PREFIX, remove_stale_partials
from clientcare.db.migrate import SCHEMA_HEAD, open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURE_0001 = REPO_ROOT / "tests" / "db" / "fixtures" / "schema_0001.sqlite3"
SEED = int(os.environ.get("CLIENTCARE_KILL_SEED", "20261123"))


@dataclass
class Child:
    """A child process whose stdout lines are collected, with the time each arrived."""

    process: subprocess.Popen[str]
    lines: list[tuple[float, str]] = field(default_factory=list)
    reader: threading.Thread | None = None

    @classmethod
    def start(cls, code: str, *args: str) -> Child:
        process = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        child = cls(process)
        child.reader = threading.Thread(target=child._read, daemon=True)
        child.reader.start()
        return child

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line.strip()))

    def wait_for(self, text: str, timeout: float = 60) -> float:
        """Wait until a line ``text`` arrives; returns when it did."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for when, line in list(self.lines):
                if line == text:
                    return when
            if self.process.poll() is not None and self.reader and not self.reader.is_alive():
                break
            time.sleep(0.002)
        stderr = self.process.stderr.read() if self.process.stderr else ""
        raise AssertionError(f"the child never said {text!r}: {stderr}")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        if self.reader is not None:
            self.reader.join(timeout=10)

    def said(self, prefix: str) -> list[str]:
        return [line.removeprefix(prefix) for _when, line in self.lines if line.startswith(prefix)]


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


# --------------------------------------------------------------------------
# Many small committed writes
# --------------------------------------------------------------------------

WRITER = """
import datetime as dt, sys
from clientcare.db.engine import Database, make_engine
from clientcare.db.models import Client, ClientFact

database = Database(make_engine(sys.argv[1]))
number = int(sys.argv[2])
print("ready", flush=True)
while True:
    number += 1
    print(f"attempt {number}", flush=True)
    with database.unit_of_work() as session:
        client = Client(full_name=f"Kill test {number}", preferred_name="K", notes="n" * 300)
        session.add(client)
        session.flush()
        for letter in "ab":
            session.add(ClientFact(client_id=client.id, noted_on=dt.date.today(), text=letter))
    print(f"committed {number}", flush=True)
"""


def test_killed_writer_loses_no_acknowledged_write(
    db_path: Path, report_figures: list[str]
) -> None:
    rng = random.Random(SEED)
    rounds, attempted, acknowledged, found = 6, 0, 0, 0
    for round_number in range(rounds):
        child = Child.start(WRITER, str(db_path), str(round_number * 1_000_000))
        child.wait_for("ready")
        time.sleep(rng.uniform(0.05, 0.6))
        child.kill()
        tried = {int(n) for n in child.said("attempt ")}
        committed = {int(n) for n in child.said("committed ")}
        assert committed, "the child committed nothing before the kill; give it longer"

        assert _integrity(db_path) == "ok"
        connection = sqlite3.connect(db_path)
        try:
            rows = connection.execute(
                "SELECT c.full_name, count(f.id) FROM client c "
                "LEFT JOIN client_fact f ON f.client_id = c.id "
                "WHERE c.full_name LIKE 'Kill test %' GROUP BY c.id"
            ).fetchall()
        finally:
            connection.close()
        stored = {int(name.removeprefix("Kill test ")): facts for name, facts in rows}
        round_stored = {n for n in stored if n in tried}
        assert committed <= round_stored, f"lost: {sorted(committed - round_stored)}"
        # A unit of work is all or nothing: every client has both of its facts.
        assert all(facts == 2 for facts in stored.values())
        # At most the one write in flight at the kill is there without an acknowledgement.
        assert round_stored - committed <= {max(tried)}
        attempted += len(tried)
        acknowledged += len(committed)
        found += len(round_stored)
    # The app opens the database afterwards as usual.
    database, _report = open_database(db_path)
    database.dispose()
    report_figures.append(
        f"writes: {rounds} SIGKILLs, attempted {attempted}, acknowledged {acknowledged}, "
        f"found after reopen {found} (every acknowledged one; integrity_check ok each time)"
    )


# --------------------------------------------------------------------------
# A kill during a backup
# --------------------------------------------------------------------------

BACKUPS = """
import sys
from pathlib import Path
from clientcare.backup import backup_to

source, target = Path(sys.argv[1]), Path(sys.argv[2])
print("ready", flush=True)
done = 0
while True:
    backup_to(source, target)
    done += 1
    print(f"done {done}", flush=True)
"""


def _fill(path: Path, clients: int) -> None:
    database, _report = open_database(path)
    try:
        from clientcare.db.models import Client

        with database.unit_of_work() as session:
            session.add_all(
                Client(full_name=f"Backup {n}", preferred_name="B", notes="note " * 400)
                for n in range(clients)
            )
    finally:
        database.dispose()


def test_killed_backup_leaves_no_file_or_a_complete_one(
    db_path: Path, tmp_path: Path, report_figures: list[str]
) -> None:
    rng = random.Random(SEED + 1)
    _fill(db_path, 2000)  # about 5 MB, so a copy takes a moment
    rounds, absent, complete, partial_left = 6, 0, 0, 0
    for round_number in range(rounds):
        folder = tmp_path / f"round{round_number}"
        target = folder / "copy.sqlite3"
        child = Child.start(BACKUPS, str(db_path), str(target))
        child.wait_for("ready")
        time.sleep(rng.uniform(0.0, 0.4))
        child.kill()
        if not target.exists():
            absent += 1
        else:
            assert _integrity(target) == "ok"
            connection = sqlite3.connect(target)
            try:
                count = connection.execute("SELECT count(*) FROM client").fetchone()[0]
            finally:
                connection.close()
            assert count >= 2000
            complete += 1
        leftovers = list(folder.glob(f"{PARTIAL_PREFIX}*")) if folder.exists() else []
        partial_left += any(p.name.endswith(".sqlite3") for p in leftovers)
        # What a kill leaves behind is only a hidden .partial- file, cleared later.
        assert {p.name for p in folder.iterdir()} <= {target.name} | {p.name for p in leftovers}
        remove_stale_partials(folder, older_than_seconds=0)
        assert not list(folder.glob(f"{PARTIAL_PREFIX}*"))
    assert _integrity(db_path) == "ok"
    report_figures.append(
        f"backup: {rounds} SIGKILLs during repeated backups: destination absent {absent}, "
        f"complete and valid {complete}, never partial; {partial_left} kills mid-copy "
        "left a hidden .partial- file, all removed by the next cleanup"
    )


# --------------------------------------------------------------------------
# A kill during a migration
# --------------------------------------------------------------------------

MIGRATOR = """
import sys
from clientcare.db import migrate

real_upgrade = migrate.upgrade


def upgrade(engine, revision="head"):
    print("upgrading", flush=True)
    real_upgrade(engine, revision)
    print("upgraded", flush=True)


migrate.upgrade = upgrade  # only to say when the upgrade itself starts and ends
database, report = migrate.open_database(sys.argv[1])
database.dispose()
print("migrated", flush=True)
"""


def _revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def _client_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM client").fetchone()[0]
    finally:
        connection.close()


def test_killed_migration_leaves_the_old_or_the_new_revision(
    tmp_path: Path, report_figures: list[str]
) -> None:
    rng = random.Random(SEED + 2)
    clients = _client_count(FIXTURE_0001)
    # A first run to completion measures how long the upgrade takes here.
    calibration = tmp_path / "calibration.sqlite3"
    shutil.copyfile(FIXTURE_0001, calibration)
    child = Child.start(MIGRATOR, str(calibration))
    started = child.wait_for("upgrading")
    duration = child.wait_for("upgraded") - started
    child.wait_for("migrated")
    child.kill()
    assert _revision(calibration) == SCHEMA_HEAD

    rounds = 8
    outcomes = {"0001": 0, SCHEMA_HEAD: 0}
    for round_number in range(rounds):
        path = tmp_path / f"round{round_number}" / "clientcare.sqlite3"
        path.parent.mkdir()
        shutil.copyfile(FIXTURE_0001, path)
        child = Child.start(MIGRATOR, str(path))
        child.wait_for("upgrading")
        # Mostly inside the upgrade's transaction, sometimes just after its commit.
        time.sleep(rng.uniform(0.0, duration * 1.25))
        child.kill()

        assert _integrity(path) == "ok"
        revision = _revision(path)
        assert revision in outcomes, f"the database is at {revision}, between revisions"
        outcomes[revision] += 1
        assert _client_count(path) == clients
        backups = path.parent / "backups"
        if backups.exists():
            for backup in backups.iterdir():
                if not backup.name.startswith(PARTIAL_PREFIX):
                    assert _integrity(backup) == "ok"
                    assert _revision(backup) == "0001"
        # And the next start finishes the job.
        database, _report = open_database(path)
        database.dispose()
        assert _revision(path) == SCHEMA_HEAD
        assert _client_count(path) == clients
    report_figures.append(
        f"migration 0001→{SCHEMA_HEAD} (the upgrade takes {duration:.2f} s here): "
        f"{rounds} SIGKILLs, "
        f"left at 0001 {outcomes['0001']}, at {SCHEMA_HEAD} {outcomes[SCHEMA_HEAD]}, "
        "never between; integrity ok and every client row there each time"
    )


# --------------------------------------------------------------------------
# A kill during a restore
# --------------------------------------------------------------------------

RESTORER = """
import sys
from pathlib import Path
from clientcare.restore import restore_database

print("restoring", flush=True)
restore_database(Path(sys.argv[1]), Path(sys.argv[2]), known_revisions=[sys.argv[3]])
print("restored", flush=True)
"""


def _names(path: Path) -> frozenset[str]:
    connection = sqlite3.connect(path)
    try:
        return frozenset(name for (name,) in connection.execute("SELECT full_name FROM client"))
    finally:
        connection.close()


def test_killed_restore_leaves_the_old_or_the_restored_database(
    db_path: Path, tmp_path: Path, report_figures: list[str]
) -> None:
    from clientcare.backup import backup_to
    from clientcare.db.models import Client
    from clientcare.restore import restore_database

    rng = random.Random(SEED + 3)
    _fill(db_path, 2000)
    backup = backup_to(db_path, tmp_path / "backup.sqlite3")
    database, _report = open_database(db_path)
    with database.unit_of_work() as session:
        session.add(Client(full_name="Only in the current database", preferred_name="C"))
    database.dispose()
    current, restored = _names(db_path), _names(backup)
    assert current != restored

    pristine = tmp_path / "pristine.sqlite3"
    backup_to(db_path, pristine)
    child = Child.start(RESTORER, str(backup), str(db_path), SCHEMA_HEAD)
    started = child.wait_for("restoring")
    duration = child.wait_for("restored") - started
    child.kill()
    assert _names(db_path) == restored

    rounds, outcomes = 6, {"as it was": 0, "restored": 0}
    for _round in range(rounds):
        restore_database(pristine, db_path, known_revisions=[SCHEMA_HEAD])
        assert _names(db_path) == current
        child = Child.start(RESTORER, str(backup), str(db_path), SCHEMA_HEAD)
        child.wait_for("restoring")
        time.sleep(rng.uniform(0.0, duration * 1.5))
        child.kill()
        assert _integrity(db_path) == "ok"
        names = _names(db_path)
        assert names in (current, restored), "a mixture of the two databases"
        outcomes["restored" if names == restored else "as it was"] += 1
    report_figures.append(
        f"restore (takes {duration:.2f} s here): {rounds} SIGKILLs, database as it was "
        f"{outcomes['as it was']}, fully restored {outcomes['restored']}, never a mixture; "
        "integrity ok each time"
    )
