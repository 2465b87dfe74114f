"""The idle lock's PIN and settings, and user-only files (no Qt)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from clientcare.errors import ValidationError
from clientcare.security import (
    LockSettings,
    hash_pin,
    load_lock_settings,
    pin_matches,
    save_lock_settings,
    set_idle_minutes,
    settings_path,
    use_private_file_permissions,
    validate_pin,
    with_new_pin,
)

POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")


def test_a_pin_is_stored_only_as_a_salted_hash() -> None:
    first, second = hash_pin("4821"), hash_pin("4821")
    assert first.salt != second.salt and first.digest != second.digest
    assert "4821" not in json.dumps(first.__dict__)
    assert pin_matches("4821", first) and pin_matches("4821", second)
    assert not pin_matches("4822", first)
    assert not pin_matches("", first)


@pytest.mark.parametrize(
    ("pin", "repeated", "field", "message"),
    [
        ("12a4", None, "pin", "digits only"),
        ("١٢٣٤", None, "pin", "digits only"),
        ("123", None, "pin", "4 to 12 digits"),
        ("1" * 13 + "2", None, "pin", "4 to 12 digits"),
        ("7777", None, "pin", "not one digit repeated"),
        ("4821", "4812", "repeated", "not the same"),
    ],
)
def test_pin_rules_say_what_is_wrong(
    pin: str, repeated: str | None, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        validate_pin(pin, repeated)
    assert message in (error.value.for_field(field) or "")


def test_settings_round_trip_without_the_pin_in_the_file() -> None:
    assert load_lock_settings() == LockSettings()  # nothing saved yet: no PIN, no idle lock
    assert not LockSettings().enabled
    settings = set_idle_minutes(with_new_pin(LockSettings(), "4821", "4821"), 5)
    save_lock_settings(settings)
    loaded = load_lock_settings()
    assert loaded == settings and loaded.enabled
    assert loaded.pin is not None and pin_matches("4821", loaded.pin)
    assert "4821" not in settings_path().read_text(encoding="utf-8")
    assert not set_idle_minutes(loaded, 0).enabled


def test_idle_minutes_out_of_range_are_refused() -> None:
    with pytest.raises(ValidationError):
        set_idle_minutes(LockSettings(), -1)
    with pytest.raises(ValidationError):
        set_idle_minutes(LockSettings(), 10_000)


def test_an_unreadable_settings_file_falls_back_to_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "security.json"
    path.write_text("{not json")
    assert load_lock_settings(path) == LockSettings()


@POSIX_ONLY
def test_the_settings_file_is_private() -> None:
    save_lock_settings(with_new_pin(LockSettings(), "4821", "4821"))
    assert stat.S_IMODE(settings_path().stat().st_mode) == 0o600


@POSIX_ONLY
def test_files_created_after_startup_are_private(tmp_path: Path) -> None:
    previous = use_private_file_permissions()
    try:
        (tmp_path / "export.ics").write_text("BEGIN:VCALENDAR")
        (tmp_path / "folder").mkdir()
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "export.ics").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "folder").stat().st_mode) == 0o700


def test_a_database_error_never_carries_the_values_written(db) -> None:  # type: ignore[no-untyped-def]
    """Note text must not reach an error message (or a log) through SQL parameters."""
    import pytest
    from sqlalchemy.exc import IntegrityError

    from clientcare.db.models import Client

    with pytest.raises(IntegrityError) as caught, db.unit_of_work() as session:
        session.add(Client(full_name="", preferred_name="SECRET-NOTE-TEXT"))
    assert "SECRET-NOTE-TEXT" not in str(caught.value)
