"""Writing a draft: its text (autosaved) and its checklist answers; a final record refuses both."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.models import (
    Appointment,
    AuditAction,
    ChecklistAnswer,
    ChecklistAnswerValue,
    Client,
    Interaction,
    InteractionKind,
    InteractionState,
    Practitioner,
    Principle,
)
from clientcare.errors import FieldError, ValidationError
from clientcare.interactions.principles import record_own_lateness
from clientcare.interactions.reading import detail_of, load
from clientcare.interactions.records import (
    FIELDS,
    FINALISED_MESSAGE,
    MAX_ANSWER_TEXT,
    MAX_DAYS_AHEAD,
    MAX_REASON,
    MAX_TEXT,
    TEXT_FIELDS,
    TEXT_LABELS,
    InteractionDetail,
    InteractionInput,
)
from clientcare.text import check_text


def _validate(session: Session, data: InteractionInput, now: dt.datetime) -> list[FieldError]:
    errors: list[FieldError] = []
    client = session.get(Client, data.client_id) if data.client_id is not None else None
    if client is None:
        errors.append(FieldError("client_id", "That client no longer exists; choose another."))
    if not isinstance(data.kind, InteractionKind):
        errors.append(FieldError("kind", "Please choose what kind of contact this was."))
    if not isinstance(data.occurred_at, dt.datetime):
        errors.append(FieldError("occurred_at", "Please enter when this happened."))
    elif data.occurred_at.tzinfo is not None:
        errors.append(FieldError("occurred_at", "The time must be a local clock time."))
    elif data.occurred_at > now + dt.timedelta(days=MAX_DAYS_AHEAD):
        errors.append(
            FieldError("occurred_at", "This is more than a day in the future; please check it.")
        )
    if data.practitioner_id is not None and session.get(Practitioner, data.practitioner_id) is None:
        errors.append(
            FieldError("practitioner_id", "That practitioner no longer exists; choose another.")
        )
    if data.appointment_id is not None:
        appointment = session.get(Appointment, data.appointment_id)
        if appointment is None:
            errors.append(FieldError("appointment_id", "That appointment no longer exists."))
        elif appointment.client_id != data.client_id:
            errors.append(FieldError("appointment_id", "That appointment is with another client."))
    for name in TEXT_FIELDS:
        problem = check_text(
            name, TEXT_LABELS[name], getattr(data, name), max_length=MAX_TEXT, multiline=True
        )
        if problem:
            errors.append(problem)
    return errors


def refuse_if_final(interaction: Interaction) -> None:
    if interaction.state is InteractionState.FINAL:
        raise ValidationError.single("state", FINALISED_MESSAGE)


def save_draft(
    session: Session, data: InteractionInput, *, interaction_id: int | None, now: dt.datetime
) -> InteractionDetail:
    """Create (``interaction_id`` None) or update a draft, and note the autosave time.

    Raises ValidationError listing every problem (nothing is stored), including on a
    final record; NotFoundError if ``interaction_id`` is gone.
    """
    interaction = load(session, interaction_id) if interaction_id is not None else None
    if interaction is not None:
        refuse_if_final(interaction)
    data = replace(data, kind=cast(InteractionKind, _as_kind(data.kind)))  # checked next
    errors = _validate(session, data, now)
    minutes = data.practitioner_minutes_late
    if minutes is not None and not 0 <= minutes <= 600:
        errors.append(
            FieldError("practitioner_minutes_late", "Minutes late must be from 0 to 600.")
        )
    if errors:
        raise ValidationError(errors)
    if minutes is not None and data.appointment_id is not None:
        record_own_lateness(session, data.appointment_id, minutes)
    if interaction is None:
        interaction = Interaction(**{name: getattr(data, name) for name in FIELDS})
        interaction.state = InteractionState.DRAFT
        interaction.draft_saved_at = now
        session.add(interaction)
        session.flush()
        audit.record(session, AuditAction.CREATE, "interaction", interaction.id, FIELDS)
    else:
        changed = [name for name in FIELDS if getattr(interaction, name) != getattr(data, name)]
        for name in changed:
            setattr(interaction, name, getattr(data, name))
        interaction.draft_saved_at = now
        session.flush()
        if changed:
            audit.record(session, AuditAction.UPDATE, "interaction", interaction.id, changed)
    return detail_of(session, interaction, now.date())


def _as_kind(kind: object) -> object:
    """A kind given as its string value becomes the enum; anything else is left to validation."""
    if isinstance(kind, str) and kind in InteractionKind._value2member_map_:
        return InteractionKind(kind)
    return kind


def answer(
    session: Session,
    interaction_id: int,
    principle_id: int,
    value: ChecklistAnswerValue,
    *,
    reason: str = "",
    note: str = "",
    now: dt.datetime,
) -> InteractionDetail:
    """Record (or change) the answer to one checklist item.

    "Not applicable" needs a reason, "not done" a note of what happened instead.
    Raises ValidationError (nothing stored), also on a final record.
    """
    interaction = load(session, interaction_id)
    refuse_if_final(interaction)
    reason, note = reason.strip(), note.strip()
    errors: list[FieldError] = []
    principle = session.get(Principle, principle_id)
    if principle is None:
        errors.append(FieldError("principle_id", "That principle no longer exists."))
    elif not principle.active:
        errors.append(FieldError("principle_id", "That principle has been retired."))
    if value not in ChecklistAnswerValue._value2member_map_:
        errors.append(FieldError("answer", "Please choose done, not applicable or not done."))
    elif ChecklistAnswerValue(value) is ChecklistAnswerValue.NOT_APPLICABLE and not reason:
        errors.append(FieldError("reason", "Say why it does not apply."))
    elif ChecklistAnswerValue(value) is ChecklistAnswerValue.NOT_DONE and not note:
        errors.append(FieldError("note", "Write what happened instead."))
    for name, label, text, limit in (
        ("reason", "The reason", reason, MAX_REASON),
        ("note", "The note", note, MAX_ANSWER_TEXT),
    ):
        problem = check_text(name, label, text, max_length=limit, multiline=True)
        if problem and not any(e.field == name for e in errors):
            errors.append(problem)
    if errors:
        raise ValidationError(errors)
    row = session.scalar(
        select(ChecklistAnswer).where(
            ChecklistAnswer.interaction_id == interaction_id,
            ChecklistAnswer.principle_id == principle_id,
        )
    )
    if row is None:
        row = ChecklistAnswer(interaction_id=interaction_id, principle_id=principle_id)
        session.add(row)
    row.answer = ChecklistAnswerValue(value)
    row.reason = reason
    row.note = note
    row.answered_at = now
    session.flush()
    audit.record(
        session, AuditAction.UPDATE, "interaction", interaction_id, [f"checklist:{principle_id}"]
    )
    return detail_of(session, interaction, now.date())


def clear_answer(
    session: Session, interaction_id: int, principle_id: int, *, today: dt.date | None = None
) -> InteractionDetail:
    """Remove the answer to one checklist item (nothing happens if it had none).

    Raises ValidationError on a final record.
    """
    interaction = load(session, interaction_id)
    refuse_if_final(interaction)
    row = session.scalar(
        select(ChecklistAnswer).where(
            ChecklistAnswer.interaction_id == interaction_id,
            ChecklistAnswer.principle_id == principle_id,
        )
    )
    if row is not None:
        session.delete(row)
        session.flush()
        audit.record(
            session,
            AuditAction.UPDATE,
            "interaction",
            interaction_id,
            [f"checklist:{principle_id}"],
        )
    return detail_of(session, interaction, today or dt.date.today())
