"""Encryption at rest: a SQLite database encrypted with SQLCipher under a passphrase.

Pure Python (no Qt). The passphrase lives only in memory, in a :class:`Passphrase`
(its ``repr`` and ``str`` hide it), and is never written to a file or a message.

Turning encryption on, changing the passphrase and turning it off all work the same
way: the database is exported (``sqlcipher_export``) into a hidden ``.partial-`` file
beside it under the new key (or none), the copy is checked (it opens with the new key
and ``quick_check`` is ok), fsynced, and renamed over the database. A crash leaves the
old file or the new one, never a mixture; a backup is taken first anyway.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import sqlite3
from pathlib import Path
from typing import NoReturn

import sqlcipher3.dbapi2 as sqlcipher

from clientcare.errors import DatabaseOpenError, ValidationError
from clientcare.files import fsync_dir, replacing

_SQLITE_MAGIC = b"SQLite format 3\x00"
PASSPHRASE_MIN_LENGTH = 8
PASSPHRASE_MAX_LENGTH = 1024

#: Errors either SQLite driver raises for a file it cannot read.
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)

PASSPHRASE_REQUIRED = (
    "This practice's database is locked with a passphrase. Type the passphrase to open it."
)
WRONG_PASSPHRASE = (
    "This practice's database is locked with a passphrase. The passphrase you typed "
    "doesn't open it; check Caps Lock and try again."
)
WRONG_BACKUP_PASSPHRASE = (
    "This backup is locked with a passphrase, and the passphrase given doesn't open it; "
    "check Caps Lock and try again. Nothing was restored."
)


class PassphraseError(DatabaseOpenError):
    """An encrypted database (or backup) could not be opened with the passphrase given."""


class PassphraseRequired(PassphraseError):
    """The file is encrypted and no passphrase was given."""

    def __init__(self, message: str = PASSPHRASE_REQUIRED) -> None:
        super().__init__(message)


class WrongPassphrase(PassphraseError):
    """The file is encrypted and the passphrase given does not open it."""

    def __init__(self, message: str = WRONG_PASSPHRASE) -> None:
        super().__init__(message)


class Passphrase:
    """A passphrase held in memory only; it never shows in a repr, a str or a log."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str) or not value:
            raise ValueError("a passphrase is a non-empty string")
        self._value = value

    def reveal(self) -> str:
        """The passphrase itself, for SQLCipher's key only."""
        return self._value

    def matches(self, typed: str) -> bool:
        """True when ``typed`` is this passphrase (constant-time comparison)."""
        return hmac.compare_digest(typed.encode("utf-8"), self._value.encode("utf-8"))

    def __repr__(self) -> str:
        return "Passphrase(<hidden>)"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("a passphrase is never pickled")


def validate_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """Raise ValidationError (field ``passphrase`` or ``repeated``) unless it can be used."""
    if len(passphrase) < PASSPHRASE_MIN_LENGTH or not passphrase.strip():
        raise ValidationError.single(
            "passphrase",
            f"A passphrase has at least {PASSPHRASE_MIN_LENGTH} characters; "
            "a few unrelated words are easy to remember and hard to guess.",
        )
    if len(passphrase) > PASSPHRASE_MAX_LENGTH:
        raise ValidationError.single(
            "passphrase", f"A passphrase has at most {PASSPHRASE_MAX_LENGTH} characters."
        )
    if "\x00" in passphrase:
        raise ValidationError.single("passphrase", "A passphrase cannot contain a NUL character.")
    if repeated is not None and repeated != passphrase:
        raise ValidationError.single("repeated", "The two passphrases are not the same.")


# --------------------------------------------------------------------------
# Looking at a file, connecting
# --------------------------------------------------------------------------

_quiet_done = False


def _quiet() -> None:
    """SQLCipher logs a failed decryption to stderr; a wrong passphrase must print nothing."""
    global _quiet_done
    if _quiet_done:
        return
    connection = sqlcipher.connect(":memory:")
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
    finally:
        connection.close()
    _quiet_done = True


def _literal(passphrase: Passphrase) -> str:
    """The passphrase as a SQL string literal (single quotes doubled)."""
    return "'" + passphrase.reveal().replace("'", "''") + "'"


def is_plain_sqlite(path: Path) -> bool:
    """True for a file that starts like an unencrypted SQLite database."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def is_encrypted(path: Path) -> bool:
    """True when ``path`` looks like a SQLCipher database (a passphrase is needed to know).

    A plain SQLite file starts with "SQLite format 3"; an encrypted one is made of whole
    pages (a multiple of 512 bytes) that look random. Any other file is neither, and is
    refused as "not a database" when opened (a file of random bytes is taken for an
    encrypted one, and no passphrase opens it).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        return False
    if size < 1024 or size % 512 != 0:
        return False
    try:
        with open(path, "rb") as handle:
            start = handle.read(1024)
    except OSError:
        return False
    if start.startswith(_SQLITE_MAGIC):
        return False
    # Ciphertext (AES-CBC, random IVs) never repeats a 16-byte block; text, zeros and
    # other structured files do.
    blocks = [start[offset : offset + 16] for offset in range(0, len(start), 16)]
    return len(set(blocks)) == len(blocks)


def connect(
    path: Path,
    passphrase: Passphrase | None,
    *,
    read_only: bool = False,
    check_same_thread: bool = True,
) -> sqlcipher.Connection:
    """A SQLCipher connection to ``path`` with the key applied first (no key: plaintext)."""
    _quiet()
    if read_only:
        target = Path(path).resolve().as_uri() + "?mode=ro"
        connection = sqlcipher.connect(target, uri=True, check_same_thread=check_same_thread)
    else:
        connection = sqlcipher.connect(str(path), check_same_thread=check_same_thread)
    if passphrase is not None:
        try:
            connection.execute(f"PRAGMA key = {_literal(passphrase)}")
        except BaseException:
            connection.close()
            raise
    return connection


def check_passphrase(path: Path, passphrase: Passphrase | None) -> bool:
    """True when ``passphrase`` opens the database at ``path`` (read-only look)."""
    if passphrase is None:
        return False
    try:
        connection = connect(path, passphrase, read_only=True)
    except DATABASE_ERRORS:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DATABASE_ERRORS:
        return False
    finally:
        connection.close()
    return True


def require_passphrase(
    path: Path, passphrase: Passphrase | None, wrong: str = WRONG_PASSPHRASE
) -> Passphrase | None:
    """The key to open ``path`` with: None for a plain file, else ``passphrase`` if it opens it.

    Raises PassphraseRequired or WrongPassphrase for an encrypted file.
    """
    if not is_encrypted(path):
        return None
    if passphrase is None:
        raise PassphraseRequired()
    if not check_passphrase(path, passphrase):
        raise WrongPassphrase(wrong)
    return passphrase


# --------------------------------------------------------------------------
# Converting: encrypt, change the passphrase, decrypt
# --------------------------------------------------------------------------


def export_copy(
    source: Path,
    source_key: Passphrase | None,
    destination: Path,
    destination_key: Passphrase | None,
) -> Path:
    """Write a copy of ``source`` to ``destination`` under ``destination_key`` (None: plain).

    ``sqlcipher_export`` into a hidden ``.partial-`` file, checked, fsynced, renamed.
    ``destination`` may be ``source`` itself (nothing may have it open then). Raises
    WrongPassphrase, or a database error / OSError with nothing changed.
    """
    source, destination = Path(source), Path(destination)
    if source_key is not None and not check_passphrase(source, source_key):
        raise WrongPassphrase()
    in_place = destination.exists() and destination.resolve() == source.resolve()
    with replacing(destination, suffix=".sqlite3") as tmp:
        connection = connect(source, source_key)
        try:
            connection.isolation_level = None
            if in_place:
                # Fold the WAL into the file and remove it: no stale -wal (holding the old,
                # perhaps unencrypted, pages) may remain beside the new file.
                connection.execute("PRAGMA journal_mode=DELETE")
            key = destination_key.reveal() if destination_key is not None else ""
            connection.execute("ATTACH DATABASE ? AS converted KEY ?", (str(tmp), key))
            connection.execute("SELECT sqlcipher_export('converted')")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            connection.execute(f"PRAGMA converted.user_version = {int(version)}")
            connection.execute("DETACH DATABASE converted")
        finally:
            connection.close()
        _verify(tmp, destination_key)
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{destination}{suffix}")
    fsync_dir(destination.parent)
    return destination


def _verify(path: Path, key: Passphrase | None) -> None:
    connection = connect(path, key, read_only=True)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    finally:
        connection.close()
    if problems != ["ok"]:
        raise sqlcipher.DatabaseError("the converted copy failed its check: " + problems[0])
    if key is not None and is_plain_sqlite(path):
        raise sqlcipher.DatabaseError("the converted copy is not encrypted")


__all__ = [
    "DATABASE_ERRORS",
    "PASSPHRASE_MAX_LENGTH",
    "PASSPHRASE_MIN_LENGTH",
    "PASSPHRASE_REQUIRED",
    "WRONG_BACKUP_PASSPHRASE",
    "WRONG_PASSPHRASE",
    "Passphrase",
    "PassphraseError",
    "PassphraseRequired",
    "WrongPassphrase",
    "check_passphrase",
    "connect",
    "export_copy",
    "is_encrypted",
    "is_plain_sqlite",
    "require_passphrase",
    # SQLCipher's DB-API module, for the engine's ``module=`` and its callers' ``except``.
    "sqlcipher",
    "validate_passphrase",
]
