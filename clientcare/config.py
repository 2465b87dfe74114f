"""Where ClientCare keeps its files, and the practice defaults a new database starts with."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ClientCare"
APP_AUTHOR = "ClientCare"

#: The locale a new practice writes dates and money in until Settings says otherwise.
DEFAULT_LOCALE = "en_GB"
DEFAULT_LATENESS_THRESHOLD_MINUTES = 10
DEFAULT_SESSION_MINUTES = 50
DEFAULT_CANCELLATION_WINDOW_HOURS = 24


def data_dir() -> Path:
    """The user's data folder for ClientCare (created, user-only, on first use).

    ``CLIENTCARE_DATA_DIR`` overrides it (tests, portable installs).
    """
    override = os.environ.get("CLIENTCARE_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    ensure_private_dir(path)
    return path


def default_database_path() -> Path:
    return data_dir() / "clientcare.sqlite3"


def demo_database_path() -> Path:
    return data_dir() / "demo-practice.sqlite3"


def backup_dir_for(database: Path) -> Path:
    """Backups live beside the database, in a folder of their own."""
    path = database.parent / "backups"
    ensure_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) readable by the user only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)


def local_timezone_name() -> str:
    """The IANA name of this computer's time zone (e.g. "Europe/London"), or "UTC".

    Appointment times are the practice's wall clock; calendar files need the zone's
    name to say which wall clock that is.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

    candidates: list[str] = []
    if os.environ.get("TZ"):
        candidates.append(os.environ["TZ"].lstrip(":"))
    timezone_file = Path("/etc/timezone")
    if timezone_file.exists():
        candidates.append(timezone_file.read_text(encoding="utf-8").strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        if name in available_timezones() or name == "UTC":
            return name
    return "UTC"
