"""One ClientCare per database: the lock, its refusal message, and recovery after a crash."""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clientcare.instance_lock import (
    AlreadyRunningError,
    InstanceLock,
    LockHolder,
    already_open_message,
    holder_of,
    lock_path_for,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and permissions")


def test_a_second_lock_on_the_same_database_is_refused_with_a_clear_message(
    tmp_path: Path,
) -> None:
    database = tmp_path / "clientcare.sqlite3"
    with InstanceLock(database):
        with pytest.raises(AlreadyRunningError) as refused:
            InstanceLock(database).acquire()
        message = str(refused.value)
        assert message == (
            f"ClientCare is already open with this database (since {dt.datetime.now():%H:%M}). "
            "Switch to that window, or close it first."
        )
        assert refused.value.holder.pid == os.getpid()
        # Another database is not affected.
        with InstanceLock(tmp_path / "other.sqlite3"):
            pass
    # Released: the next start gets it.
    with InstanceLock(database):
        assert holder_of(database) is not None
    assert holder_of(database) is None


def test_the_message_names_another_computer_and_an_earlier_day() -> None:
    holder = LockHolder(pid=4242, hostname="front-desk-pc", since=dt.datetime(2026, 11, 20, 9, 12))
    message = already_open_message(holder, now=dt.datetime(2026, 11, 23, 10, 0))
    assert message == (
        "ClientCare is already open with this database on front-desk-pc "
        "(since 20 Nov 2026, 09:12). Switch to that window, or close it first."
    )


def test_a_lock_file_left_by_a_crash_is_not_in_the_way(tmp_path: Path) -> None:
    database = tmp_path / "clientcare.sqlite3"
    # What a crashed ClientCare leaves: the file, with a pid that no longer runs.
    lock_path_for(database).write_text(
        '{"pid": 999999, "hostname": "here", "since": "2026-01-01T09:12:00"}'
    )
    with InstanceLock(database) as lock:
        assert lock.held


@POSIX_ONLY
def test_the_lock_file_is_private(tmp_path: Path) -> None:
    database = tmp_path / "clientcare.sqlite3"
    with InstanceLock(database) as lock:
        assert stat.S_IMODE(lock.path.stat().st_mode) == 0o600


HOLDER = """
import sys, time
from pathlib import Path
from clientcare.instance_lock import InstanceLock
InstanceLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
time.sleep(120)
"""


@POSIX_ONLY
def test_the_lock_of_a_killed_process_is_recovered(tmp_path: Path) -> None:
    database = tmp_path / "clientcare.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        holder = holder_of(database)
        assert holder is not None and holder.pid == child.pid
        with pytest.raises(AlreadyRunningError):
            InstanceLock(database).acquire()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    # The operating system dropped the dead process's lock: no stale lock to clear by hand.
    with InstanceLock(database) as lock:
        assert lock.held


APP = """
import sys
from ui.launch import main
sys.exit(main(["--db", sys.argv[1]]))
"""


@POSIX_ONLY
def test_two_instances_of_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    """A real ClientCare runs; a second one on the same database is refused; kill the first."""
    from PySide6.QtWidgets import QMessageBox

    from ui import app

    database = tmp_path / "clientcare.sqlite3"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CLIENTCARE_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    first = subprocess.Popen(
        [sys.executable, "-c", APP, str(database)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while holder_of(database) is None:
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            assert time.monotonic() < deadline, "the first ClientCare never started"
            time.sleep(0.05)
        shown: list[tuple[str, str]] = []
        monkeypatch.setattr(
            QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text))
        )
        previous_umask = os.umask(0o022)
        try:
            assert app.main(["--db", str(database)]) == 1
        finally:
            # ClientCare made everything it writes private (exports included) from the start.
            assert os.umask(previous_umask) == 0o077
        assert shown == [
            (
                "ClientCare is already open",
                f"ClientCare is already open with this database "
                f"(since {holder_of(database).since:%H:%M}). "  # type: ignore[union-attr]
                "Switch to that window, or close it first.",
            )
        ]
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    # After the crash of the first, the database can be opened again.
    assert holder_of(database) is None
