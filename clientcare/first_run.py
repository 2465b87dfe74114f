"""First run: is the practice set up yet, and setting it up in one step.

A new database already holds a practice settings row with defaults (the shipped
principles and word lists are seeded with it), so "first run" means: the practice
has no name and nobody works in it yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.config import (
    DEFAULT_CANCELLATION_WINDOW_HOURS,
    DEFAULT_LATENESS_THRESHOLD_MINUTES,
    DEFAULT_LOCALE,
    DEFAULT_SESSION_MINUTES,
)
from clientcare.db.models import PracticeSettings
from clientcare.errors import FieldError, ValidationError
from clientcare.practice import Settings, add_practitioner, get_settings
from clientcare.settings import PracticeInput, clean_practice, update_practice
from clientcare.text import clean_line


@dataclass(frozen=True)
class SetupInput:
    """What the first-run wizard asks for."""

    practice_name: str = ""
    practitioner_name: str = ""
    currency: str = "GBP"
    locale: str = DEFAULT_LOCALE
    working_day_start: dt.time = dt.time(9, 0)
    working_day_end: dt.time = dt.time(17, 0)
    default_session_minutes: int = DEFAULT_SESSION_MINUTES
    lateness_threshold_minutes: int = DEFAULT_LATENESS_THRESHOLD_MINUTES


def _practice_input(data: SetupInput, session: Session | None = None) -> PracticeInput:
    current = get_settings(session) if session is not None else None
    return PracticeInput(
        name=data.practice_name,
        currency=data.currency,
        locale=data.locale,
        lateness_threshold_minutes=data.lateness_threshold_minutes,
        default_session_minutes=data.default_session_minutes,
        cancellation_window_hours=current.cancellation_window_hours
        if current
        else DEFAULT_CANCELLATION_WINDOW_HOURS,
    )


def validate_setup(data: SetupInput) -> None:
    """Check everything the wizard collected; raises ValidationError listing every problem.

    Field names: ``practice_name``, ``practitioner_name``, ``currency``, ``locale``,
    ``working_day_end``, ``default_session_minutes``, ``lateness_threshold_minutes``.
    """
    errors: list[FieldError] = []
    if not clean_line(data.practice_name):
        errors.append(FieldError("practice_name", "Please enter the practice's name."))
    if not clean_line(data.practitioner_name):
        errors.append(FieldError("practitioner_name", "Please enter your name."))
    try:
        clean_practice(_practice_input(data))
    except ValidationError as error:
        renamed = {"name": "practice_name"}
        errors.extend(FieldError(renamed.get(e.field, e.field), e.message) for e in error.errors)
    if data.working_day_end <= data.working_day_start:
        errors.append(FieldError("working_day_end", "The working day has to end after it starts."))
    if errors:
        raise ValidationError(errors)


def set_up_practice(session: Session, data: SetupInput) -> Settings:
    """Store the practice's settings and add the user as its first practitioner.

    Call inside one unit of work: either all of it is stored or, on ValidationError,
    nothing. Returns the practice settings as stored.
    """
    validate_setup(data)
    update_practice(session, _practice_input(data, session))
    row = session.get(PracticeSettings, 1)
    assert row is not None  # update_practice creates it
    audit.apply_changes(
        session,
        row,
        "practice_settings",
        1,
        {"working_day_start": data.working_day_start, "working_day_end": data.working_day_end},
    )
    try:
        add_practitioner(session, data.practitioner_name, is_current_user=True)
    except ValidationError as error:
        raise ValidationError(
            FieldError("practitioner_name", e.message) for e in error.errors
        ) from error
    return get_settings(session)
