"""Practice settings and practitioners, as plain data for the rest of the app."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.models import AuditAction, PracticeSettings, Practitioner
from clientcare.errors import ValidationError
from clientcare.text import check_text, clean_line


@dataclass(frozen=True)
class Settings:
    name: str
    currency: str
    locale: str
    lateness_threshold_minutes: int
    default_session_minutes: int
    cancellation_window_hours: int
    working_day_start: dt.time
    working_day_end: dt.time

    @property
    def phone_region(self) -> str | None:
        """The country phone numbers without a +prefix belong to, from the locale."""
        return region_of(self.locale)


@dataclass(frozen=True)
class PractitionerRow:
    id: int
    full_name: str
    is_current_user: bool
    active: bool


def region_of(locale: str) -> str | None:
    """'en_GB' → 'GB', 'de-AT' → 'AT', 'en' → None."""
    parts = locale.replace("-", "_").split(".")[0].split("_")
    if len(parts) >= 2 and len(parts[1]) == 2 and parts[1].isalpha():
        return parts[1].upper()
    return None


def get_settings(session: Session) -> Settings:
    row = session.get(PracticeSettings, 1) or PracticeSettings(id=1)
    defaults = PracticeSettings.__table__.c
    return Settings(
        name=row.name or "",
        currency=row.currency or defaults.currency.default.arg,
        locale=row.locale or defaults.locale.default.arg,
        lateness_threshold_minutes=_or_default(row.lateness_threshold_minutes, 10),
        default_session_minutes=_or_default(row.default_session_minutes, 50),
        cancellation_window_hours=_or_default(row.cancellation_window_hours, 24),
        working_day_start=row.working_day_start or dt.time(9, 0),
        working_day_end=row.working_day_end or dt.time(17, 0),
    )


def _or_default(value: int | None, default: int) -> int:
    return default if value is None else value


def list_practitioners(
    session: Session, *, include_inactive: bool = False
) -> list[PractitionerRow]:
    query = select(Practitioner).order_by(Practitioner.full_name)
    if not include_inactive:
        query = query.where(Practitioner.active.is_(True))
    return [
        PractitionerRow(p.id, p.full_name, p.is_current_user, p.active)
        for p in session.scalars(query)
    ]


def add_practitioner(
    session: Session, full_name: str, *, is_current_user: bool = False
) -> PractitionerRow:
    """Add someone who works in the practice. Raises ValidationError for a bad name."""
    name = clean_line(full_name)
    if not name:
        raise ValidationError.single("full_name", "Please enter the practitioner's name.")
    problem = check_text("full_name", "The name", name, max_length=200)
    if problem:
        raise ValidationError([problem])
    taken = session.scalar(select(Practitioner.id).where(Practitioner.full_name == name))
    if taken is not None:
        raise ValidationError.single("full_name", f"{name} is already a practitioner here.")
    practitioner = Practitioner(full_name=name, is_current_user=is_current_user)
    session.add(practitioner)
    session.flush()
    audit.record(session, AuditAction.CREATE, "practitioner", practitioner.id, ("full_name",))
    return PractitionerRow(practitioner.id, practitioner.full_name, is_current_user, True)
