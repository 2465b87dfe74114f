"""The practice's lateness policy: its threshold, the notice wording it stores, and what it
offers a client who arrives past the threshold (Settings › Messages)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.models import (
    DEFAULT_CLIENT_LATE_OPTIONS,
    DEFAULT_LATE_NOTICE_TEMPLATE,
    DEFAULT_RESCHEDULE_SENTENCE,
    PracticeSettings,
)
from clientcare.errors import FieldError, ValidationError
from clientcare.language import Hit, load_checker
from clientcare.lateness.templates import validate_template
from clientcare.practice import get_settings, list_practitioners
from clientcare.text import check_text

MAX_RESCHEDULE_SENTENCE = 500


class ClientLateOption(StrEnum):
    """What the practice may offer a client who arrives past the threshold."""

    SHORTEN = "shorten"  # keep the end time, so the session is shorter
    RESCHEDULE = "reschedule"
    PROCEED = "proceed"  # see the client for the full length anyway


@dataclass(frozen=True)
class Policy:
    threshold: int
    template: str
    reschedule_sentence: str
    client_options: tuple[ClientLateOption, ...]


def lateness_policy(session: Session) -> Policy:
    row = session.get(PracticeSettings, 1)
    options_text = (row.client_late_options if row else None) or DEFAULT_CLIENT_LATE_OPTIONS
    allowed = {part.strip() for part in options_text.split(",")}
    template = (row.late_notice_template if row else None) or DEFAULT_LATE_NOTICE_TEMPLATE
    if validate_template(template):
        # Stored by something other than update_templates: never render it.
        template = DEFAULT_LATE_NOTICE_TEMPLATE
    return Policy(
        threshold=get_settings(session).lateness_threshold_minutes,
        template=template,
        reschedule_sentence=(row.reschedule_sentence if row else None)
        or DEFAULT_RESCHEDULE_SENTENCE,
        client_options=tuple(option for option in ClientLateOption if option.value in allowed),
    )


def update_templates(
    session: Session, *, late_notice_template: str, reschedule_sentence: str
) -> list[Hit]:
    """Store the practice's notice wording; raises ValidationError (nothing written).

    Returns the language check's hits on the stored texts, for the form to show.
    """
    errors = validate_template(late_notice_template)
    sentence = (reschedule_sentence or "").strip()
    if not sentence:
        errors.append(FieldError("reschedule_sentence", "The reschedule offer cannot be empty."))
    else:
        problem = check_text(
            "reschedule_sentence",
            "The reschedule offer",
            sentence,
            max_length=MAX_RESCHEDULE_SENTENCE,
        )
        if problem:
            errors.append(problem)
    if errors:
        raise ValidationError(errors)
    row = session.get(PracticeSettings, 1)
    if row is None:
        row = PracticeSettings(id=1)
        session.add(row)
    values: dict[str, object] = {
        "late_notice_template": late_notice_template.strip(),
        "reschedule_sentence": sentence,
    }
    audit.apply_changes(session, row, "practice_settings", 1, values)
    checker = load_checker(session)
    return checker.check(row.late_notice_template) + checker.check(row.reschedule_sentence)


CLIENT_OPTION_LABELS: dict[ClientLateOption, str] = {
    ClientLateOption.SHORTEN: "keep the end time (a shorter session)",
    ClientLateOption.RESCHEDULE: "find another time",
    ClientLateOption.PROCEED: "go ahead for the full length",
}


def client_late_options(session: Session) -> tuple[ClientLateOption, ...]:
    """What the practice offers a client who arrives past the threshold."""
    return lateness_policy(session).client_options


@dataclass(frozen=True)
class MessageSettings:
    """What Settings › Messages edits, and what its preview of a notice needs."""

    template: str  # as stored (or the default), to edit
    reschedule_sentence: str
    client_options: tuple[ClientLateOption, ...]
    threshold: int
    locale: str
    practitioner: str  # the name the example notice is signed with


def message_settings(session: Session) -> MessageSettings:
    row = session.get(PracticeSettings, 1)
    settings = get_settings(session)
    people = list_practitioners(session)
    current = next((p for p in people if p.is_current_user), people[0] if people else None)
    return MessageSettings(
        template=(row.late_notice_template if row else None) or DEFAULT_LATE_NOTICE_TEMPLATE,
        reschedule_sentence=(row.reschedule_sentence if row else None)
        or DEFAULT_RESCHEDULE_SENTENCE,
        client_options=lateness_policy(session).client_options,
        threshold=settings.lateness_threshold_minutes,
        locale=settings.locale,
        practitioner=current.full_name if current else "your practitioner",
    )


def update_client_late_options(session: Session, options: Iterable[ClientLateOption]) -> None:
    """Store which options a late client is offered; at least one (ValidationError)."""
    chosen = [option for option in ClientLateOption if option in set(options)]
    if not chosen:
        raise ValidationError.single(
            "client_late_options", "Choose at least one thing to offer a client who arrives late."
        )
    row = session.get(PracticeSettings, 1)
    if row is None:
        row = PracticeSettings(id=1)
        session.add(row)
    value = ",".join(option.value for option in chosen)
    audit.apply_changes(session, row, "practice_settings", 1, {"client_late_options": value})
