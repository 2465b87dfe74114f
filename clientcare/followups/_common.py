"""What the follow-ups modules share: limits on text, the day in words, and the small
checks every write goes through (private to the package)."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

from sqlalchemy import Select
from sqlalchemy.orm import Session

from clientcare import audit, locale_format
from clientcare.db.models import (
    AppointmentStatus,
    Client,
    PracticeSettings,
    Practitioner,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.practice import get_settings
from clientcare.text import check_text

#: A SELECT of any columns, as the list queries build them.
AnySelect: TypeAlias = Select[*tuple[Any, ...]]

MAX_NOTE = 20_000


MAX_WORDS = 2_000


MAX_REASON = 1_000


#: How far ahead a contact may be dated (a clock a little off, a late-night entry).
MAX_DAYS_AHEAD = 1


_HELD = (AppointmentStatus.COMPLETED, AppointmentStatus.ARRIVED)


def day_text(day: dt.date, locale: str = locale_format.DEFAULT_LOCALE) -> str:
    """A date in plain words for a message: "3 Nov 2026" (en_GB), "Nov 3, 2026" (en_US)."""
    return locale_format.day(day, locale)


def _locale(session: Session) -> str:
    """The practice's locale, for the dates in messages shown to a person."""
    return get_settings(session).locale


def _stored_day(day: dt.date) -> str:
    """A date written into stored text (an issue's history): one fixed form, "3 Nov 2026",
    so what was written years ago and what is written today read alike."""
    return f"{day.day} {day:%b %Y}"


def _client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFoundError(f"Client {client_id} no longer exists.")
    return client


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _text_problem(
    errors: list[FieldError], field: str, label: str, value: str, limit: int, multiline: bool
) -> None:
    problem = check_text(field, label, value, max_length=limit, multiline=multiline)
    if problem and not any(e.field == field for e in errors):
        errors.append(problem)


def _raise(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _current_practitioner_name(session: Session, client: Client) -> str:
    if client.primary_practitioner_id is not None:
        practitioner = session.get(Practitioner, client.primary_practitioner_id)
        if practitioner is not None:
            return practitioner.full_name
    name = audit.current_practitioner(session)
    if name:
        return name
    practice = session.get(PracticeSettings, 1)
    return practice.name if practice and practice.name else ""


def _current_practitioner_id(session: Session) -> int | None:
    return audit.current_practitioner_id(session)


def _as_datetime(value: object) -> dt.datetime:
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value
