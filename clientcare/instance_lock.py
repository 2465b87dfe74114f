"""One ClientCare per database: a lock file beside the database.

Pure Python (the command line uses it too, without Qt). The lock is an OS file
lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) on
``<database>.lock``, so the operating system releases it when the process ends,
however it ends: after a crash or a kill the next start simply gets the lock
(stale-lock recovery needs no guessing from pids). The file also records who holds
it (pid, computer, since when) so the refusal can say so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Windows locks are mandatory: lock a byte past the record so it stays readable.
    _WINDOWS_LOCK_OFFSET = 1 << 20
else:
    import fcntl


@dataclass(frozen=True)
class LockHolder:
    """Who holds the lock, as far as the lock file says."""

    pid: int | None
    hostname: str
    since: dt.datetime | None


class AlreadyRunningError(Exception):
    """Another ClientCare has this database open; the message says what to do."""

    def __init__(self, holder: LockHolder, lock_path: Path) -> None:
        self.holder = holder
        self.lock_path = lock_path
        super().__init__(already_open_message(holder))


def already_open_message(holder: LockHolder, now: dt.datetime | None = None) -> str:
    """The refusal a person sees: where and since when the other ClientCare runs."""
    now = now or dt.datetime.now()
    where = ""
    if holder.hostname and holder.hostname != socket.gethostname():
        where = f" on {holder.hostname}"
    since = ""
    if holder.since is not None:
        if holder.since.date() == now.date():
            since = f" (since {holder.since:%H:%M})"
        else:
            since = f" (since {holder.since:%d %b %Y, %H:%M})"
    return (
        f"ClientCare is already open with this database{where}{since}. "
        "Switch to that window, or close it first."
    )


def lock_path_for(database: Path) -> Path:
    """The lock file of ``database``: beside it, named after it."""
    return database.with_name(database.name + ".lock")


class InstanceLock:
    """Hold the lock on one database file for as long as this object is acquired.

    ``acquire()`` raises AlreadyRunningError when another process holds it.
    Use as a context manager, or call ``release()`` (also done at process exit).
    """

    def __init__(self, database: Path) -> None:
        self.database = Path(database)
        self.path = lock_path_for(self.database)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> InstanceLock:
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _try_lock(fd):
                holder = _read_holder(fd)
                raise AlreadyRunningError(holder, self.path)
            _write_holder(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Empty the record first: a reader never sees our details without our lock.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def holder_of(database: Path) -> LockHolder | None:
    """Who holds the lock on ``database`` now, or None when nobody does."""
    probe = InstanceLock(database)
    try:
        probe.acquire()
    except AlreadyRunningError as error:
        return error.holder
    probe.release()
    return None


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover
        try:
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        with contextlib.suppress(OSError):
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def _write_holder(fd: int) -> None:
    record = {
        "pid": os.getpid(),
        "hostname": socket.gethostname(),
        "since": dt.datetime.now().isoformat(timespec="seconds"),
    }
    data = json.dumps(record).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    os.fsync(fd)
    if os.name == "posix":
        os.fchmod(fd, 0o600)


def _read_holder(fd: int) -> LockHolder:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096)
    try:
        record = json.loads(raw.decode("utf-8"))
        since = dt.datetime.fromisoformat(record["since"])
        return LockHolder(int(record["pid"]), str(record.get("hostname", "")), since)
    except (ValueError, KeyError, TypeError):
        # Caught between taking the lock and writing the record.
        return LockHolder(None, "", None)
