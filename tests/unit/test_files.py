"""The one atomic private write: 0600, fsynced, renamed into place, nothing left on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from clientcare import files

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


class Boom(Exception):
    pass


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(files.PARTIAL_PREFIX))


@posix_only
def test_write_private_makes_a_file_only_the_user_can_read(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # as loose as a default desktop session
    try:
        target = tmp_path / "settings.json"
        files.write_private(target, b"{}")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"{}"
    assert _mode(target) == 0o600
    assert _leftovers(tmp_path) == []


@posix_only
def test_an_existing_loose_file_is_replaced_by_a_private_one(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"old")
    target.chmod(0o644)
    files.write_private(target, b"new")
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o600


@posix_only
def test_the_temporary_file_is_private_before_any_data_is_written(tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite3"
    with files.replacing(target, suffix=".sqlite3") as temporary:
        assert temporary.parent == tmp_path
        assert temporary.name.startswith(files.PARTIAL_PREFIX)
        assert temporary.name.endswith(".sqlite3")
        assert temporary.stat().st_size == 0
        assert _mode(temporary) == 0o600
        temporary.write_bytes(b"copy")
    assert target.read_bytes() == b"copy"
    assert _mode(target) == 0o600


def test_the_old_file_survives_a_failure_mid_write(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"the old export")
    with pytest.raises(Boom), files.replacing(target) as temporary:
        temporary.write_bytes(b"half of the new")
        raise Boom
    assert target.read_bytes() == b"the old export"
    assert _leftovers(tmp_path) == []


def test_a_failed_write_of_bytes_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "lock.json"
    target.write_bytes(b"old")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space"):
        files.write_private(target, b"new")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_failure_with_no_old_file_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new.pdf"
    with pytest.raises(Boom), files.replacing(target):
        raise Boom
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_an_os_error_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        files.write_private(tmp_path / "gone" / "file.json", b"{}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("way", ["bytes", "path"])
def test_the_file_and_its_folder_are_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    synced: list[tuple[str, bool]] = []
    real_fsync = os.fsync
    real_replace = os.replace
    replaced: list[bool] = []

    def recording_fsync(fd: int) -> None:
        is_dir = stat.S_ISDIR(os.fstat(fd).st_mode)
        synced.append(("folder" if is_dir else "file", bool(replaced)))
        real_fsync(fd)

    def recording_replace(src: str | Path, dst: str | Path) -> None:
        replaced.append(True)
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    monkeypatch.setattr(os, "replace", recording_replace)
    target = tmp_path / "out.bin"
    if way == "bytes":
        files.write_private(target, b"data")
    else:
        with files.replacing(target) as temporary:
            temporary.write_bytes(b"data")
    assert target.read_bytes() == b"data"
    # The file is fsynced before the rename; the folder after it (where the OS allows).
    assert synced[0] == ("file", False)
    if os.name == "posix":
        assert synced[1:] == [("folder", True)]
