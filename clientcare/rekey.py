"""Encrypting, re-keying and decrypting a database file, a backup kept first.

The conversion itself is ``encryption.export_copy``; this module adds the backup taken
before it (``clientcare.backup``), so that neither of those two imports the other.
"""

from __future__ import annotations

from pathlib import Path

from clientcare.backup import backup_target, list_backups, timestamped_backup
from clientcare.encryption import (
    Passphrase,
    PassphraseError,
    export_copy,
    is_encrypted,
    is_plain_sqlite,
    require_passphrase,
)


def encrypt_database(path: Path, passphrase: Passphrase) -> Path:
    """Encrypt the plain database at ``path`` under ``passphrase``; returns the backup taken.

    The backup taken first is encrypted under the same passphrase: a plain copy left
    beside an encrypted database would undo the point. (Until the rename, the plain
    database itself is untouched, so a failure changes nothing.)
    """
    path = Path(path)
    if is_encrypted(path):
        raise PassphraseError("This database is already locked with a passphrase.")
    kept = export_copy(path, None, backup_target(path, "before-encryption"), passphrase)
    export_copy(path, None, path, passphrase)
    return kept


def change_passphrase(path: Path, old: Passphrase, new: Passphrase) -> Path:
    """Re-key the database at ``path`` from ``old`` to ``new``; returns the backup taken first.

    The backup keeps the old passphrase (it is the database as it was).
    """
    path = Path(path)
    require_passphrase(path, old)
    kept = timestamped_backup(path, "before-passphrase-change", passphrase=old)
    export_copy(path, old, path, new)
    return kept


def decrypt_database(path: Path, passphrase: Passphrase) -> Path:
    """Store the database at ``path`` unencrypted again; returns the (encrypted) backup taken."""
    path = Path(path)
    require_passphrase(path, passphrase)
    kept = timestamped_backup(path, "before-decryption", passphrase=passphrase)
    export_copy(path, passphrase, path, None)
    return kept


def encrypt_plain_backups(database: Path, passphrase: Passphrase) -> list[Path]:
    """Encrypt, in place, the unencrypted backups of ``database`` in its backups folder."""
    done = []
    for stored in list_backups(Path(database)):
        if is_plain_sqlite(stored.path):
            export_copy(stored.path, None, stored.path, passphrase)
            done.append(stored.path)
    return done
