"""Encryption at rest (SQLCipher), without Qt: encrypt, open, refuse, re-key, decrypt, back up."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from clientcare import backup
from clientcare.backup import BackupError, list_backups
from clientcare.cli import parse_args, run_command
from clientcare.db.engine import Database
from clientcare.db.migrate import SCHEMA_HEAD, open_database
from clientcare.db.models import Client
from clientcare.encryption import (
    WRONG_PASSPHRASE,
    Passphrase,
    PassphraseRequired,
    WrongPassphrase,
    check_passphrase,
    is_encrypted,
    validate_passphrase,
)
from clientcare.errors import ValidationError
from clientcare.rekey import (
    change_passphrase,
    decrypt_database,
    encrypt_database,
    encrypt_plain_backups,
)
from clientcare.restore import inspect_backup, restore_database

FIXTURE_0001 = Path(__file__).resolve().parents[1] / "db" / "fixtures" / "schema_0001.sqlite3"
SECRET = "Zebulon Quartermaine-Oyelaran"
PASSPHRASE = "blue kettle o'clock river"
OTHER = "seventeen quiet lanterns"


@pytest.fixture(autouse=True)
def _keep_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


def _add_client(database: Database, name: str) -> None:
    with database.unit_of_work() as session:
        session.add(Client(full_name=name, preferred_name=name.split()[0]))


def _names(database: Database) -> set[str]:
    with database.reading() as session:
        return {client.full_name for client in session.query(Client)}


def _no_plaintext(path: Path) -> bool:
    data = path.read_bytes()
    return SECRET.encode() not in data and b"SQLite format 3" not in data[:16]


@pytest.fixture
def encrypted(db_path: Path) -> Path:
    database, _ = open_database(db_path)
    _add_client(database, SECRET)
    database.dispose()
    encrypt_database(db_path, Passphrase(PASSPHRASE))
    return db_path


def test_passphrase_never_shows_in_repr_or_str() -> None:
    secret = Passphrase(PASSPHRASE)
    assert PASSPHRASE not in repr(secret) and PASSPHRASE not in str(secret)
    assert PASSPHRASE not in f"{secret!r} {secret}"
    assert secret.matches(PASSPHRASE) and not secret.matches(PASSPHRASE.upper())
    with pytest.raises(TypeError):
        import pickle

        pickle.dumps(secret)


def test_passphrase_rules() -> None:
    with pytest.raises(ValidationError) as short:
        validate_passphrase("short")
    assert short.value.for_field("passphrase")
    with pytest.raises(ValidationError) as different:
        validate_passphrase(PASSPHRASE, OTHER)
    assert different.value.for_field("repeated") == "The two passphrases are not the same."
    validate_passphrase(PASSPHRASE, PASSPHRASE)


def test_encrypt_hides_the_data_and_opens_with_the_passphrase(encrypted: Path) -> None:
    assert is_encrypted(encrypted)
    assert _no_plaintext(encrypted)
    assert not Path(f"{encrypted}-wal").exists()
    assert check_passphrase(encrypted, Passphrase(PASSPHRASE))
    database, report = open_database(encrypted, passphrase=Passphrase(PASSPHRASE))
    try:
        assert report.upgraded_from is None
        assert database.passphrase is not None
        assert _names(database) == {SECRET}
        _add_client(database, "Written While Encrypted")
    finally:
        database.dispose()
    # Written through WAL and checkpointed: still no plaintext anywhere beside it.
    for file in encrypted.parent.glob(f"{encrypted.name}*"):
        assert SECRET.encode() not in file.read_bytes(), file
    # The backup taken first is encrypted too.
    (kept,) = [b for b in list_backups(encrypted) if b.kind == "before-encryption"]
    assert is_encrypted(kept.path) and _no_plaintext(kept.path)


def test_wrong_or_missing_passphrase_is_a_clear_refusal_with_nothing_on_stderr(
    encrypted: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = encrypted.read_bytes()
    with pytest.raises(WrongPassphrase) as wrong:
        open_database(encrypted, passphrase=Passphrase(PASSPHRASE.upper()))
    assert str(wrong.value) == WRONG_PASSPHRASE
    assert "Caps Lock" in str(wrong.value)
    with pytest.raises(PassphraseRequired):
        open_database(encrypted)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert encrypted.read_bytes() == before


def test_a_text_file_is_not_taken_for_an_encrypted_database(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_bytes(b"hello\n" * 100)
    assert not is_encrypted(text)


def test_change_passphrase_then_decrypt(encrypted: Path) -> None:
    old, new = Passphrase(PASSPHRASE), Passphrase(OTHER)
    kept = change_passphrase(encrypted, old, new)
    assert check_passphrase(kept, old)  # the backup is the database as it was
    assert not check_passphrase(encrypted, old)
    database, _ = open_database(encrypted, passphrase=new)
    assert _names(database) == {SECRET}
    database.dispose()
    with pytest.raises(WrongPassphrase):
        change_passphrase(encrypted, old, new)
    decrypt_database(encrypted, new)
    assert not is_encrypted(encrypted)
    database, _ = open_database(encrypted)
    assert _names(database) == {SECRET}
    database.dispose()


def test_backups_of_an_encrypted_database_stay_encrypted_and_restore(encrypted: Path) -> None:
    key = Passphrase(PASSPHRASE)
    database, _ = open_database(encrypted, passphrase=key)
    taken = backup.manual_backup(encrypted, passphrase=key)
    daily = backup.daily_backup(encrypted, passphrase=key).created
    _add_client(database, "After The Backup")
    database.dispose()
    for copy in (taken, daily):
        assert copy is not None and is_encrypted(copy) and _no_plaintext(copy)
    with pytest.raises(PassphraseRequired):
        backup.manual_backup(encrypted)
    with pytest.raises(PassphraseRequired):
        inspect_backup(taken)
    with pytest.raises(WrongPassphrase, match="backup"):
        inspect_backup(taken, passphrase=Passphrase(OTHER))
    assert inspect_backup(taken, passphrase=key).clients == 1

    report = restore_database(taken, encrypted, backup_passphrase=key, passphrase=key)
    assert report.kept_current_at is not None and is_encrypted(report.kept_current_at)
    assert is_encrypted(encrypted)
    database, _ = open_database(encrypted, passphrase=key)
    assert _names(database) == {SECRET}
    database.dispose()


def test_restoring_a_backup_with_another_passphrase_keeps_the_backups(encrypted: Path) -> None:
    old, new = Passphrase(PASSPHRASE), Passphrase(OTHER)
    taken = backup.manual_backup(encrypted, passphrase=old)
    change_passphrase(encrypted, old, new)
    with pytest.raises(PassphraseRequired):
        restore_database(taken, encrypted, backup_passphrase=old)  # the current one is needed
    restore_database(taken, encrypted, backup_passphrase=old, passphrase=new)
    assert check_passphrase(encrypted, old)  # the restored database is as the backup was


def test_a_plain_backup_restores_over_an_encrypted_database(encrypted: Path) -> None:
    plain = encrypted.parent / "plain.sqlite3"
    shutil.copy(FIXTURE_0001, plain)
    restore_database(plain, encrypted, passphrase=Passphrase(PASSPHRASE))
    assert not is_encrypted(encrypted)
    database, report = open_database(encrypted)
    database.dispose()
    assert report.upgraded_from == "0001"


def test_migrations_run_on_an_encrypted_database(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE_0001, path)
    key = Passphrase(PASSPHRASE)
    encrypt_database(path, key)
    database, report = open_database(path, passphrase=key)
    try:
        assert report.upgraded_from == "0001"
        assert report.backup_path is not None and is_encrypted(report.backup_path)
        with database.reading() as session:
            assert session.query(Client).count() > 0
    finally:
        database.dispose()
    assert inspect_backup(path, passphrase=key).revision == SCHEMA_HEAD


def test_a_new_database_can_be_created_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    database, report = open_database(path, passphrase=Passphrase(PASSPHRASE))
    _add_client(database, SECRET)
    database.dispose()
    assert report.created and is_encrypted(path) and _no_plaintext(path)


def test_encrypting_the_old_plain_backups(encrypted: Path) -> None:
    plain = backup.backup_target(encrypted, "manual")
    shutil.copy(FIXTURE_0001, plain)
    assert encrypt_plain_backups(encrypted, Passphrase(PASSPHRASE)) == [plain]
    assert is_encrypted(plain) and check_passphrase(plain, Passphrase(PASSPHRASE))


def test_cli_backup_and_restore_ask_for_the_passphrase(
    encrypted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLIENTCARE_PASSPHRASE", raising=False)
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "by-hand.sqlite3"
    args = parse_args(["--db", str(encrypted), "backup", "--to", str(target)])
    assert run_command(args, out, err, ask_secret=lambda _p: "wrong passphrase") == 1
    assert "Caps Lock" in err.getvalue() and "Traceback" not in err.getvalue()
    assert not target.exists()
    out, err = io.StringIO(), io.StringIO()
    assert run_command(args, out, err, ask_secret=lambda _p: PASSPHRASE) == 0, err.getvalue()
    assert is_encrypted(target) and "Clients:      1" in out.getvalue()

    monkeypatch.setenv("CLIENTCARE_PASSPHRASE", PASSPHRASE)
    out, err = io.StringIO(), io.StringIO()
    restore = parse_args(["--db", str(encrypted), "restore", str(target), "--yes"])
    asked: list[str] = []
    assert run_command(restore, out, err, ask_secret=asked.append) == 0, err.getvalue()
    assert asked == [] and "Restored." in out.getvalue()
    assert PASSPHRASE not in out.getvalue() + err.getvalue()


def test_a_file_that_is_not_a_database_is_still_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0 not a database")
    with pytest.raises(BackupError, match="not a ClientCare database"):
        inspect_backup(foreign)


def test_a_structured_binary_file_is_not_taken_for_an_encrypted_database(tmp_path: Path) -> None:
    binary = tmp_path / "notes.sqlite3"
    binary.write_bytes(bytes(range(256)) * 64)
    assert not is_encrypted(binary)
