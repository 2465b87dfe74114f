"""Atomic private file writes: the one way ClientCare replaces a file on disk.

A file is written to a hidden temporary file in the folder of its final name, made
readable by the user only (0600) before any data goes in, flushed and fsynced, renamed
over the final name in one step (``os.replace``), and then the folder is fsynced (where
the system allows it), so the new name survives a power cut. A failure at any point
removes the temporary file and leaves the old file, if any, as it was. A crash leaves
either the old file or the new one, and at worst a hidden ``.partial-`` file beside it
(the backups folder removes old ones: ``backup.remove_stale_partials``).

``write_private`` writes bytes; ``replacing`` yields the temporary path for a writer
that needs a path of its own (SQLite's backup API, ``sqlcipher_export``, a CSV writer).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: How every temporary file starts: hidden, and recognisable as unfinished.
PARTIAL_PREFIX = ".partial-"
#: Readable and writable by the user only.
PRIVATE_MODE = 0o600


def write_private(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, readable by the user only.

    Raises OSError (the folder is missing or not writable, the disk is full …); the
    file as it was is then untouched and no temporary file is left.
    """
    path = Path(path)
    fd, temporary = _new_temporary(path, "")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _put_in_place(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def replacing(path: Path, *, suffix: str = "") -> Iterator[Path]:
    """Yield an empty private temporary file beside ``path`` to be written by name.

    When the block ends normally, the file is fsynced and renamed over ``path`` (then
    the folder fsynced); when it raises, the temporary file is removed and ``path`` is
    left as it was. ``suffix`` ends the temporary name (".sqlite3" for a database).
    """
    path = Path(path)
    fd, temporary = _new_temporary(path, suffix)
    os.close(fd)
    try:
        yield temporary
        os.chmod(temporary, PRIVATE_MODE)  # a writer may have re-created it
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        _put_in_place(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; elsewhere the rename is as durable as
    the system makes it)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _new_temporary(path: Path, suffix: str) -> tuple[int, Path]:
    """A new empty file beside ``path``, mode 0600 before anything is written to it."""
    fd, name = tempfile.mkstemp(prefix=PARTIAL_PREFIX, suffix=suffix, dir=path.parent)
    temporary = Path(name)
    try:
        os.chmod(temporary, PRIVATE_MODE)  # mkstemp's mode already; said, not assumed
    except BaseException:
        os.close(fd)
        temporary.unlink(missing_ok=True)
        raise
    return fd, temporary


def _put_in_place(temporary: Path, path: Path) -> None:
    os.replace(temporary, path)
    fsync_dir(path.parent)
