"""The words and plain data shared by export and import: time zones, the statuses
that hold a slot, the mode labels written into files, and the import report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from clientcare.db.models import (
    AppointmentMode,
    AppointmentStatus,
)
from clientcare.errors import ValidationError

UID_DOMAIN = "clientcare.invalid"
PAST_LIMIT_YEARS = 10

# Appointments that hold a time slot (exported, and checked for overlaps).
ACTIVE_STATUSES = (
    AppointmentStatus.SCHEDULED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.COMPLETED,
)

#: Written into exported files (and read back on import). Export and import read it as
#: ``records.MODE_LABELS`` so that the UI's label tables (ui/labels.py) see it in one module.
MODE_LABELS: dict[AppointmentMode, str] = {
    AppointmentMode.IN_PERSON: "In person",
    AppointmentMode.PHONE: "Phone",
    AppointmentMode.VIDEO: "Video",
}


class ImportAs(StrEnum):
    """What the events of an imported file become."""

    APPOINTMENTS = "appointments"
    BUSY_TIME = "busy_time"


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    SKIPPED = "skipped"
    ALREADY_IMPORTED = "already imported"


@dataclass(frozen=True)
class ImportLine:
    """What happened to one event (or one occurrence of a repeating event)."""

    number: int  # 1-based position of the event in the file
    summary: str
    start: dt.datetime | None
    outcome: str
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """Every line of an import; ``skipped`` counts every line that was not imported."""

    lines: tuple[ImportLine, ...]
    imported: int
    skipped: int


def zone_of(tz_name: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError.single(
            "tz_name", f"“{tz_name}” is not a time zone ClientCare knows."
        ) from exc
