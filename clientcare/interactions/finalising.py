"""Finalising a record once every required principle that applies is answered, and
correcting a final record afterwards (the old text kept in an addendum)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clientcare import appointments, audit
from clientcare.appointments import AppointmentDetail, Completion
from clientcare.checklist import (
    ApplicablePrinciple,
    applicable_principles,
    missing_required,
)
from clientcare.db.models import (
    AuditAction,
    InteractionAddendum,
    InteractionKind,
    InteractionState,
)
from clientcare.errors import FieldError, ValidationError
from clientcare.interactions.principles import facts_for, given_answers, notice_answers
from clientcare.interactions.reading import detail_of, input_of, load
from clientcare.interactions.records import (
    MAX_REASON,
    MAX_TEXT,
    TEXT_FIELDS,
    TEXT_LABELS,
    InteractionDetail,
)
from clientcare.text import check_text


def _short_text(text: str, limit: int = 40) -> str:
    """The start of a principle's text, to name it in a message ("Listen carefully…")."""
    cut = len(text)
    for mark in ":;,(.—":
        at = text.find(mark)
        if 0 < at < cut:
            cut = at
    short = text[:cut].strip()
    if len(short) > limit:
        short = short[:limit].rsplit(" ", 1)[0]
    return short + ("…" if short != text.strip() else "")


def missing_message(missing: list[ApplicablePrinciple]) -> str:
    """ "Before finalising, answer: 2 (Listen carefully…), 12 (…)"."""
    return "Before finalising, answer: " + ", ".join(
        f"{p.number} ({_short_text(p.text)})" for p in missing
    )


@dataclass(frozen=True)
class FinaliseCheck:
    """What stops a record being finalised: the messages (``errors``, empty when it can
    be), and the numbers of the checklist items still to answer (``missing``)."""

    errors: tuple[FieldError, ...]
    missing: tuple[int, ...]

    @property
    def ready(self) -> bool:
        return not self.errors


def check_finalise(session: Session, interaction_id: int, *, today: dt.date) -> FinaliseCheck:
    """Whether the record can be finalised now, and if not what is missing (nothing written:
    the editor asks before it finalises, and lists the missing items it can scroll to)."""
    interaction = load(session, interaction_id)
    if interaction.state is InteractionState.FINAL:
        return FinaliseCheck((FieldError("state", "This record is already finalised."),), ())
    data = input_of(interaction)
    errors: list[FieldError] = []
    if (
        interaction.kind is InteractionKind.SESSION
        and not interaction.notes.strip()
        and not interaction.client_words.strip()
    ):
        errors.append(FieldError("notes", "Write at least the notes or the client's own words."))
    facts = facts_for(session, data, today=today, interaction_id=interaction_id)
    answered = set(given_answers(session, interaction_id)) | set(
        notice_answers(session, interaction.appointment_id)
    )
    missing = missing_required(applicable_principles(session, facts), answered)
    if missing:
        errors.append(FieldError("checklist", missing_message(missing)))
    return FinaliseCheck(tuple(errors), tuple(p.number for p in missing))


def finalise(
    session: Session, interaction_id: int, *, now: dt.datetime, today: dt.date
) -> InteractionDetail:
    """Make the record final once every required principle that applies is answered.

    Raises ValidationError listing what is missing (and, for a session, when neither
    notes nor the client's own words were written); nothing is stored then.
    """
    check = check_finalise(session, interaction_id, today=today)
    if check.errors:
        raise ValidationError(list(check.errors))
    interaction = load(session, interaction_id)
    interaction.state = InteractionState.FINAL
    interaction.finalised_at = now
    session.flush()
    audit.record(
        session, AuditAction.UPDATE, "interaction", interaction_id, ["state", "finalised_at"]
    )
    return detail_of(session, interaction, today)


def appointment_to_complete(
    session: Session, interaction_id: int, *, now: dt.datetime
) -> AppointmentDetail | None:
    """The appointment finalising this record offers to mark completed: the one it is
    linked to, once that has started and while it is still scheduled or arrived."""
    appointment_id = load(session, interaction_id).appointment_id
    if appointment_id is None:
        return None
    detail = appointments.get_appointment(session, appointment_id)
    return detail if appointments.can_complete(detail, now) else None


def finalise_and_complete(
    session: Session, interaction_id: int, *, now: dt.datetime, today: dt.date
) -> tuple[InteractionDetail, Completion | None]:
    """Finalise the record and mark its appointment completed, in one unit of work (one
    step for the practitioner; the completion can be undone with
    ``appointments.undo_completion``). Nothing is stored when finalising is refused."""
    detail = finalise(session, interaction_id, now=now, today=today)
    offered = appointment_to_complete(session, interaction_id, now=now)
    if offered is None:
        return detail, None
    return detail, appointments.complete(session, offered.id, now=now)


def add_correction(
    session: Session,
    interaction_id: int,
    field: str,
    new_value: str,
    *,
    reason: str,
    now: dt.datetime,
    actor: str,
) -> InteractionDetail:
    """Correct one text field of a final record; the old text is kept in an addendum.

    Raises ValidationError (nothing stored) on a draft, an unknown field, an empty
    reason, or text that cannot be stored.
    """
    interaction = load(session, interaction_id)
    if interaction.state is not InteractionState.FINAL:
        raise ValidationError.single(
            "state", "This record is still a draft; change the text directly."
        )
    if field not in TEXT_FIELDS:
        raise ValidationError.single("field", "Only the written text of a record can be corrected.")
    reason = reason.strip()
    errors: list[FieldError] = []
    problem = check_text(
        "new_value", TEXT_LABELS[field], new_value, max_length=MAX_TEXT, multiline=True
    )
    if problem:
        errors.append(problem)
    elif new_value == getattr(interaction, field):
        errors.append(FieldError("new_value", "The corrected text is the same as before."))
    if not reason:
        errors.append(FieldError("reason", "Say why this is being corrected."))
    else:
        problem = check_text("reason", "The reason", reason, max_length=MAX_REASON, multiline=True)
        if problem:
            errors.append(problem)
    if errors:
        raise ValidationError(errors)
    session.add(
        InteractionAddendum(
            interaction_id=interaction_id,
            written_at=now,
            actor=actor,
            field=field,
            old_value=getattr(interaction, field),
            new_value=new_value,
            reason=reason,
        )
    )
    setattr(interaction, field, new_value)
    session.flush()
    audit.record(session, AuditAction.UPDATE, "interaction", interaction_id, [field])
    return detail_of(session, interaction, now.date())
