"""The idle lock's settings and PIN, and user-only files.

The PIN and the idle minutes are kept in ``security.json`` in the user's data
folder (user-only, 0600), not in the database: the idle lock protects *this
computer's* window, so each person on each computer has their own (a group
practice sharing one PostgreSQL database would otherwise share one PIN), it
survives restoring an older backup, and it needs no schema change. Only a salted
scrypt hash of the PIN is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, replace
from pathlib import Path

from clientcare import config
from clientcare.errors import ValidationError
from clientcare.files import write_private

DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 240
PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 12

# scrypt cost: about 50 ms per check here; a PIN has few digits, so each guess must be slow.
_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1


@dataclass(frozen=True)
class PinHash:
    """A salted scrypt hash of a PIN (never the PIN itself)."""

    salt: str
    digest: str
    n: int = _SCRYPT_N
    r: int = _SCRYPT_R
    p: int = _SCRYPT_P


@dataclass(frozen=True)
class LockSettings:
    """When the window locks itself, and the PIN that unlocks it."""

    idle_minutes: int = DEFAULT_IDLE_MINUTES
    pin: PinHash | None = None

    @property
    def enabled(self) -> bool:
        """The idle lock works only with a PIN to unlock it and a time greater than zero."""
        return self.pin is not None and self.idle_minutes > 0


def validate_pin(pin: str, repeated: str | None = None) -> None:
    """Raise ValidationError (field ``pin`` or ``repeated``) unless ``pin`` can be a PIN."""
    if not pin.isdigit() or not pin.isascii():
        raise ValidationError.single("pin", "A PIN is made of digits only (0–9).")
    if not PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH:
        raise ValidationError.single(
            "pin", f"A PIN has {PIN_MIN_LENGTH} to {PIN_MAX_LENGTH} digits."
        )
    if len(set(pin)) == 1:
        raise ValidationError.single("pin", "Choose a PIN that is not one digit repeated.")
    if repeated is not None and repeated != pin:
        raise ValidationError.single("repeated", "The two PINs are not the same.")


def hash_pin(pin: str) -> PinHash:
    """A new salted hash of ``pin`` (after validate_pin)."""
    validate_pin(pin)
    salt = secrets.token_bytes(16)
    return PinHash(salt=salt.hex(), digest=_scrypt(pin, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P))


def pin_matches(pin: str, stored: PinHash) -> bool:
    """True when ``pin`` is the PIN ``stored`` was made from (constant-time comparison)."""
    try:
        salt = bytes.fromhex(stored.salt)
    except ValueError:
        return False
    candidate = _scrypt(pin, salt, stored.n, stored.r, stored.p)
    return hmac.compare_digest(candidate, stored.digest)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> str:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32).hex()


def settings_path() -> Path:
    return config.data_dir() / "security.json"


def load_lock_settings(path: Path | None = None) -> LockSettings:
    """The saved settings, or the defaults (no PIN: no idle lock) if none or unreadable."""
    path = path or settings_path()
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        minutes = int(record.get("idle_minutes", DEFAULT_IDLE_MINUTES))
        pin_record = record.get("pin")
        pin = PinHash(**pin_record) if isinstance(pin_record, dict) else None
    except (OSError, ValueError, TypeError):
        return LockSettings()
    return LockSettings(idle_minutes=max(0, min(minutes, MAX_IDLE_MINUTES)), pin=pin)


def save_lock_settings(settings: LockSettings, path: Path | None = None) -> None:
    """Write ``settings`` atomically, readable by the user only."""
    path = path or settings_path()
    record: dict[str, object] = {"idle_minutes": settings.idle_minutes}
    if settings.pin is not None:
        record["pin"] = settings.pin.__dict__
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, json.dumps(record, indent=2).encode("utf-8"))


def with_new_pin(settings: LockSettings, pin: str, repeated: str) -> LockSettings:
    """``settings`` with ``pin`` as the PIN (validated; raises ValidationError)."""
    validate_pin(pin, repeated)
    return replace(settings, pin=hash_pin(pin))


def set_idle_minutes(settings: LockSettings, minutes: int) -> LockSettings:
    if not 0 <= minutes <= MAX_IDLE_MINUTES:
        raise ValidationError.single(
            "idle_minutes", f"Choose between 0 (never) and {MAX_IDLE_MINUTES} minutes."
        )
    return replace(settings, idle_minutes=minutes)


def use_private_file_permissions() -> int:
    """From now on, files and folders this process creates are the user's only (umask 077).

    Covers everything ClientCare writes (exports, PDFs, backups, settings) even
    where the code does not set a mode itself. Returns the previous umask.
    """
    if os.name != "posix":
        return 0
    return os.umask(0o077)
