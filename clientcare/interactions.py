"""Interactions: drafts, the checklist answers, finalising, and corrections afterwards.

An interaction is written as a DRAFT (autosaved while the practitioner types), its
checklist answered, then FINALISED once every required principle that applies has an
answer. A final record is never edited in place: a correction stores an addendum with
the old and the new text, so the original is always kept.

Every public function that writes takes an open session inside a unit of work
(one user action) and returns plain data, never an ORM object. Times are naive
practice-local wall-clock datetimes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from clientcare import audit, locale_format
from clientcare.checklist import (
    ApplicablePrinciple,
    InteractionFacts,
    applicable_from,
    applicable_principles,
    missing_required,
)
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditAction,
    ChecklistAnswer,
    ChecklistAnswerValue,
    Client,
    ClientStatus,
    Expectation,
    ExpectationOutcome,
    Interaction,
    InteractionAddendum,
    InteractionKind,
    InteractionState,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
    MoneyConversation,
    Practitioner,
    Principle,
    Referral,
    Requirement,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.practice import get_settings
from clientcare.text import check_text

MAX_TEXT = 50_000
MAX_ANSWER_TEXT = 5_000
MAX_REASON = 5_000
#: How far ahead an interaction may be dated (a clock a little off, a late-night entry).
MAX_DAYS_AHEAD = 1
SUMMARY_LENGTH = 80

KIND_LABELS: dict[InteractionKind, str] = {
    InteractionKind.SESSION: "Session",
    InteractionKind.PHONE_CALL: "Phone call",
    InteractionKind.MESSAGE: "Message",
    InteractionKind.EMAIL: "E-mail",
    InteractionKind.CONTACT_ATTEMPT: "Contact attempt (no answer)",
}

TEXT_FIELDS: tuple[str, ...] = (
    "notes",
    "client_words",
    "next_steps",
    "more_helpful",
    "practitioner_only_notes",
)

TEXT_LABELS: dict[str, str] = {
    "notes": "The notes",
    "client_words": "The client's own words",
    "next_steps": "The next steps",
    "more_helpful": "What might have been more helpful",
    "practitioner_only_notes": "The practitioner-only notes",
}

FINALISED_MESSAGE = "This record is finalised; add a correction instead."

_FLAG_FIELDS = ("not_at_my_best", "plan_not_a_fit", "referral_considered", "checkins_discussed")
_FIELDS = (
    "client_id",
    "kind",
    "occurred_at",
    "practitioner_id",
    "appointment_id",
    *TEXT_FIELDS,
    *_FLAG_FIELDS,
)


# --------------------------------------------------------------------------
# Plain data in and out
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class InteractionInput:
    """What the interaction editor collects; text as typed."""

    client_id: int
    kind: InteractionKind
    occurred_at: dt.datetime
    practitioner_id: int | None = None
    appointment_id: int | None = None
    notes: str = ""
    client_words: str = ""
    next_steps: str = ""
    more_helpful: str = ""
    practitioner_only_notes: str = ""
    not_at_my_best: bool = False
    plan_not_a_fit: bool = False
    referral_considered: bool = False
    checkins_discussed: bool = False
    # How late the practitioner started, entered in the editor; None: as the lateness
    # notices of the linked appointment say. Stored as a lateness notice, not here.
    practitioner_minutes_late: int | None = None


@dataclass(frozen=True)
class AnswerRow:
    principle_id: int
    answer: ChecklistAnswerValue
    reason: str
    note: str


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the checklist panel: the principle, why it applies, and its answer."""

    principle_id: int
    number: int
    text: str
    explanation: str
    requirement: Requirement
    reason: str
    answer: AnswerRow | None


@dataclass(frozen=True)
class AddendumRow:
    written_at: dt.datetime
    actor: str
    field: str
    old_value: str
    new_value: str
    reason: str


@dataclass(frozen=True)
class InteractionDetail:
    id: int
    client_id: int
    client_name: str
    client_preferred_name: str
    practitioner_id: int | None
    appointment_id: int | None
    kind: InteractionKind
    occurred_at: dt.datetime
    notes: str
    client_words: str
    next_steps: str
    more_helpful: str
    practitioner_only_notes: str
    not_at_my_best: bool
    plan_not_a_fit: bool
    referral_considered: bool
    checkins_discussed: bool
    state: InteractionState
    finalised_at: dt.datetime | None
    draft_saved_at: dt.datetime | None
    checklist: tuple[ChecklistItem, ...]
    addenda: tuple[AddendumRow, ...]

    def as_input(self) -> InteractionInput:
        """The editor's input for this record (to keep editing a draft)."""
        return InteractionInput(**{name: getattr(self, name) for name in _FIELDS})


@dataclass(frozen=True)
class InteractionSummary:
    """One line of a client's interaction history."""

    id: int
    kind: InteractionKind
    occurred_at: dt.datetime
    state: InteractionState
    first_line: str


# --------------------------------------------------------------------------
# Facts and the checklist
# --------------------------------------------------------------------------


def recorded_minutes_late(session: Session, appointment_id: int | None) -> int:
    """How late the practitioner was for ``appointment_id``, from its lateness notices."""
    return _practitioner_minutes_late(session, appointment_id)


def _record_own_lateness(session: Session, appointment_id: int, minutes: int) -> None:
    """Keep the minutes entered in the editor as the appointment's practitioner notice."""
    notice = session.scalars(
        select(LatenessNotice)
        .where(
            LatenessNotice.appointment_id == appointment_id,
            LatenessNotice.who_is_late == LatePerson.PRACTITIONER,
        )
        .order_by(LatenessNotice.id.desc())
    ).first()
    if notice is None:
        if minutes > 0:
            session.add(
                LatenessNotice(
                    appointment_id=appointment_id,
                    who_is_late=LatePerson.PRACTITIONER,
                    expected_minutes=minutes,
                )
            )
    elif notice.expected_minutes != minutes:
        notice.expected_minutes = minutes


def _practitioner_minutes_late(session: Session, appointment_id: int | None) -> int:
    if appointment_id is None:
        return 0
    minutes = session.scalar(
        select(func.max(LatenessNotice.expected_minutes)).where(
            LatenessNotice.appointment_id == appointment_id,
            LatenessNotice.who_is_late == LatePerson.PRACTITIONER,
        )
    )
    return minutes or 0


def has_overdue_balance(session: Session, client_id: int, *, today: dt.date) -> bool:
    """Whether the client owes money on charges more than 30 days old (see clientcare.money)."""
    from clientcare.money import overdue_minor

    return overdue_minor(session, client_id, today=today) > 0


def _money_conversation_linked(
    session: Session, data: InteractionInput, interaction_id: int | None
) -> bool:
    same_day = (MoneyConversation.client_id == data.client_id) & (
        MoneyConversation.held_on == data.occurred_at.date()
    )
    condition: ColumnElement[bool] = same_day
    if interaction_id is not None:
        condition = or_(same_day, MoneyConversation.interaction_id == interaction_id)
    return session.scalar(select(MoneyConversation.id).where(condition).limit(1)) is not None


def _referral_linked(session: Session, interaction_id: int | None) -> bool:
    if interaction_id is None:
        return False
    found = session.scalar(
        select(Referral.id).where(Referral.interaction_id == interaction_id).limit(1)
    )
    return found is not None


def _first_session(session: Session, data: InteractionInput, interaction_id: int | None) -> bool:
    if data.kind is not InteractionKind.SESSION:
        return False
    earlier_session = select(Interaction.id).where(
        Interaction.client_id == data.client_id,
        Interaction.kind == InteractionKind.SESSION,
        Interaction.occurred_at < data.occurred_at,
    )
    if interaction_id is not None:
        earlier_session = earlier_session.where(Interaction.id != interaction_id)
    if session.scalar(earlier_session.limit(1)) is not None:
        return False
    earlier_appointment = select(Appointment.id).where(
        Appointment.client_id == data.client_id,
        Appointment.status == AppointmentStatus.COMPLETED,
        Appointment.start < data.occurred_at,
    )
    if data.appointment_id is not None:
        earlier_appointment = earlier_appointment.where(Appointment.id != data.appointment_id)
    return session.scalar(earlier_appointment.limit(1)) is None


def _expectations_due(session: Session, client_id: int, day: dt.date) -> bool:
    found = session.scalar(
        select(Expectation.id)
        .where(
            Expectation.client_id == client_id,
            Expectation.outcome == ExpectationOutcome.OPEN,
            Expectation.review_on.is_not(None),
            Expectation.review_on <= day,
        )
        .limit(1)
    )
    return found is not None


def facts_for(
    session: Session,
    data: InteractionInput,
    *,
    today: dt.date,
    interaction_id: int | None = None,
) -> InteractionFacts:
    """What is known about this interaction, for deciding which principles apply.

    ``interaction_id`` (when the record is saved) also finds the money conversations
    and referrals linked to it.
    """
    status = session.scalar(select(Client.status).where(Client.id == data.client_id))
    return InteractionFacts(
        kind=data.kind,
        practitioner_minutes_late=(
            data.practitioner_minutes_late
            if data.practitioner_minutes_late is not None
            else _practitioner_minutes_late(session, data.appointment_id)
        ),
        lateness_threshold_minutes=get_settings(session).lateness_threshold_minutes,
        money_conversation_linked=_money_conversation_linked(session, data, interaction_id),
        overdue_balance=has_overdue_balance(session, data.client_id, today=today),
        referral_considered=data.referral_considered or _referral_linked(session, interaction_id),
        plan_not_a_fit=data.plan_not_a_fit,
        not_at_my_best=data.not_at_my_best,
        first_session=_first_session(session, data, interaction_id),
        # Principle 14 is about sessions, on the day they happen (not the day written up).
        expectations_due=data.kind is InteractionKind.SESSION
        and _expectations_due(session, data.client_id, data.occurred_at.date()),
        client_paused_or_declined=status in (ClientStatus.PAUSED, ClientStatus.DECLINED),
        checkins_discussed=data.checkins_discussed,
    )


def _answers(session: Session, interaction_id: int | None) -> dict[int, AnswerRow]:
    if interaction_id is None:
        return {}
    rows = session.scalars(
        select(ChecklistAnswer).where(ChecklistAnswer.interaction_id == interaction_id)
    ).all()
    return {
        row.principle_id: AnswerRow(row.principle_id, row.answer, row.reason, row.note)
        for row in rows
    }


_APOLOGY_RULE = {"compare": ["practitioner_minutes_late", ">", 0]}
_RESCHEDULE_RULE = {"compare": ["practitioner_minutes_late", ">", "lateness_threshold_minutes"]}


def notice_answers(
    session: Session, appointment_id: int | None, locale: str = locale_format.DEFAULT_LOCALE
) -> dict[int, AnswerRow]:
    """Checklist answers already given by the running-late notices of the appointment.

    A notice sent to the client answers "acknowledge and apologise" (principle 11 by
    default); one that offered rescheduling and has the client's choice recorded
    answers "offer rescheduling and record the choice" (12). The principles are found
    by their rule, so renumbering them in Settings changes nothing. The notes (shown,
    never stored) give the notice's time for ``locale``.
    """
    if appointment_id is None:
        return {}
    notices = session.scalars(
        select(LatenessNotice)
        .where(
            LatenessNotice.appointment_id == appointment_id,
            LatenessNotice.who_is_late == LatePerson.PRACTITIONER,
            LatenessNotice.told_at.is_not(None),
        )
        .order_by(LatenessNotice.told_at)
    ).all()
    if not notices:
        return {}
    wanted = {
        json.dumps(_APOLOGY_RULE, sort_keys=True),
        json.dumps(_RESCHEDULE_RULE, sort_keys=True),
    }
    principles = {}
    for principle in session.scalars(select(Principle).where(Principle.active.is_(True))):
        try:
            key = json.dumps(json.loads(principle.rule), sort_keys=True)
        except ValueError:
            continue
        if key in wanted:
            principles[key] = principle.id
    covered: dict[int, AnswerRow] = {}
    first = notices[0]
    assert first.told_at is not None  # the query reads only the notices that were given
    apology = principles.get(json.dumps(_APOLOGY_RULE, sort_keys=True))
    if apology is not None:
        channel = first.channel.value.replace("_", " ") if first.channel else "a message"
        covered[apology] = AnswerRow(
            apology,
            ChecklistAnswerValue.DONE,
            "",
            f"Covered by the running-late notice sent at "
            f"{locale_format.time(first.told_at, locale)} ({channel}).",
        )
    offer = principles.get(json.dumps(_RESCHEDULE_RULE, sort_keys=True))
    chosen = [
        n for n in notices if n.reschedule_offered and n.outcome is not LatenessOutcome.PENDING
    ]
    if offer is not None and chosen:
        last_told = chosen[-1].told_at
        assert last_told is not None  # the query reads only the notices that were given
        outcome = chosen[-1].outcome.value.replace("_", " ")
        covered[offer] = AnswerRow(
            offer,
            ChecklistAnswerValue.DONE,
            "",
            f"Rescheduling was offered in the notice at "
            f"{locale_format.time(last_told, locale)}; "
            f"the client chose: {outcome}.",
        )
    return covered


def _facts_day(session: Session, interaction_id: int | None, today: dt.date) -> dt.date:
    """A final record is judged as it was on the day it was finalised."""
    if interaction_id is None:
        return today
    finalised_at = session.scalar(
        select(Interaction.finalised_at).where(
            Interaction.id == interaction_id, Interaction.state == InteractionState.FINAL
        )
    )
    return finalised_at.date() if finalised_at is not None else today


def checklist_for(
    session: Session,
    data: InteractionInput,
    *,
    interaction_id: int | None,
    today: dt.date,
    locale: str = locale_format.DEFAULT_LOCALE,
) -> tuple[ChecklistItem, ...]:
    """The principles that apply, by number, each with its answer if it has one.

    A principle answered earlier is shown too, even when it no longer applies or has
    been retired since, so a final record shows its answers as they were. ``locale``
    writes the times in the notes of the answers a running-late notice gave.
    """
    # Answers given by a running-late notice count, unless the practitioner answered.
    answers = {
        **notice_answers(session, data.appointment_id, locale),
        **_answers(session, interaction_id),
    }
    facts = facts_for(
        session,
        data,
        today=_facts_day(session, interaction_id, today),
        interaction_id=interaction_id,
    )
    principles = session.scalars(
        select(Principle)
        .where(or_(Principle.active.is_(True), Principle.id.in_(answers)))
        .order_by(Principle.number)
    ).all()
    applicable = {
        p.principle_id: p
        for p in applicable_from(
            (
                (p.id, p.number, p.text, p.explanation, p.requirement, p.rule)
                for p in principles
                if p.active
            ),
            facts,
        )
    }
    items: list[ChecklistItem] = []
    for principle in principles:
        found = applicable.get(principle.id)
        if found is None and principle.id not in answers:
            continue
        if found is not None:
            reason = found.reason
        elif not principle.active:
            reason = "answered before this principle was retired"
        else:
            reason = "answered, although it does not apply now"
        items.append(
            ChecklistItem(
                principle_id=principle.id,
                number=principle.number,
                text=principle.text,
                explanation=principle.explanation,
                requirement=Requirement(principle.requirement),
                reason=reason,
                answer=answers.get(principle.id),
            )
        )
    return tuple(items)


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


def _load(session: Session, interaction_id: int) -> Interaction:
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        raise NotFoundError(f"Interaction {interaction_id} no longer exists.")
    return interaction


def _input_of(interaction: Interaction) -> InteractionInput:
    return InteractionInput(**{name: getattr(interaction, name) for name in _FIELDS})


def _detail(session: Session, interaction: Interaction, today: dt.date) -> InteractionDetail:
    client = session.get(Client, interaction.client_id)
    addenda = session.scalars(
        select(InteractionAddendum)
        .where(InteractionAddendum.interaction_id == interaction.id)
        .order_by(InteractionAddendum.written_at, InteractionAddendum.id)
    ).all()
    data = _input_of(interaction)
    return InteractionDetail(
        id=interaction.id,
        client_name=client.full_name if client else "",
        client_preferred_name=client.preferred_name if client else "",
        state=interaction.state,
        finalised_at=interaction.finalised_at,
        draft_saved_at=interaction.draft_saved_at,
        checklist=checklist_for(session, data, interaction_id=interaction.id, today=today),
        addenda=tuple(
            AddendumRow(a.written_at, a.actor, a.field, a.old_value, a.new_value, a.reason)
            for a in addenda
        ),
        **{name: getattr(data, name) for name in _FIELDS},
    )


def get_interaction(session: Session, interaction_id: int, *, today: dt.date) -> InteractionDetail:
    """One interaction with its checklist and corrections; raises NotFoundError if gone."""
    return _detail(session, _load(session, interaction_id), today)


def _first_line(text: str) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= SUMMARY_LENGTH else line[: SUMMARY_LENGTH - 1] + "…"


def client_interactions(
    session: Session, client_id: int, *, offset: int = 0, limit: int | None = None
) -> list[InteractionSummary]:
    """The client's interactions, newest first, each with the first line of its notes;
    ``limit`` of them from ``offset`` (all when ``limit`` is None)."""
    rows = session.execute(
        select(
            Interaction.id,
            Interaction.kind,
            Interaction.occurred_at,
            Interaction.state,
            Interaction.notes,
        )
        .where(Interaction.client_id == client_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return [
        InteractionSummary(r.id, r.kind, r.occurred_at, r.state, _first_line(r.notes)) for r in rows
    ]


def count_client_interactions(session: Session, client_id: int) -> int:
    """How many interactions the client has (every state)."""
    return (
        session.scalar(
            select(func.count()).select_from(Interaction).where(Interaction.client_id == client_id)
        )
        or 0
    )


def latest_draft(
    session: Session, client_id: int, *, today: dt.date | None = None
) -> InteractionDetail | None:
    """The client's most recently saved unfinished interaction (offered back after a crash)."""
    interaction = session.scalars(
        select(Interaction)
        .where(Interaction.client_id == client_id, Interaction.state == InteractionState.DRAFT)
        .order_by(
            func.coalesce(Interaction.draft_saved_at, Interaction.updated_at).desc(),
            Interaction.id.desc(),
        )
        .limit(1)
    ).first()
    if interaction is None:
        return None
    return _detail(session, interaction, today or dt.date.today())


# --------------------------------------------------------------------------
# Drafts
# --------------------------------------------------------------------------


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


def _refuse_if_final(interaction: Interaction) -> None:
    if interaction.state is InteractionState.FINAL:
        raise ValidationError.single("state", FINALISED_MESSAGE)


def save_draft(
    session: Session, data: InteractionInput, *, interaction_id: int | None, now: dt.datetime
) -> InteractionDetail:
    """Create (``interaction_id`` None) or update a draft, and note the autosave time.

    Raises ValidationError listing every problem (nothing is stored), including on a
    final record; NotFoundError if ``interaction_id`` is gone.
    """
    interaction = _load(session, interaction_id) if interaction_id is not None else None
    if interaction is not None:
        _refuse_if_final(interaction)
    data = replace(data, kind=_as_kind(data.kind))
    errors = _validate(session, data, now)
    minutes = data.practitioner_minutes_late
    if minutes is not None and not 0 <= minutes <= 600:
        errors.append(
            FieldError("practitioner_minutes_late", "Minutes late must be from 0 to 600.")
        )
    if errors:
        raise ValidationError(errors)
    if minutes is not None and data.appointment_id is not None:
        _record_own_lateness(session, data.appointment_id, minutes)
    if interaction is None:
        interaction = Interaction(**{name: getattr(data, name) for name in _FIELDS})
        interaction.state = InteractionState.DRAFT
        interaction.draft_saved_at = now
        session.add(interaction)
        session.flush()
        audit.record(session, AuditAction.CREATE, "interaction", interaction.id, _FIELDS)
    else:
        changed = [name for name in _FIELDS if getattr(interaction, name) != getattr(data, name)]
        for name in changed:
            setattr(interaction, name, getattr(data, name))
        interaction.draft_saved_at = now
        session.flush()
        if changed:
            audit.record(session, AuditAction.UPDATE, "interaction", interaction.id, changed)
    return _detail(session, interaction, now.date())


def _as_kind(kind: InteractionKind) -> InteractionKind:
    """A kind given as its string value becomes the enum; anything else is left to validation
    (a caller outside the type checker may hand a form's raw value)."""
    if isinstance(kind, str) and kind in InteractionKind._value2member_map_:
        return InteractionKind(kind)
    return kind


# --------------------------------------------------------------------------
# Checklist answers
# --------------------------------------------------------------------------


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
    interaction = _load(session, interaction_id)
    _refuse_if_final(interaction)
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
    return _detail(session, interaction, now.date())


def clear_answer(
    session: Session, interaction_id: int, principle_id: int, *, today: dt.date | None = None
) -> InteractionDetail:
    """Remove the answer to one checklist item (nothing happens if it had none).

    Raises ValidationError on a final record.
    """
    interaction = _load(session, interaction_id)
    _refuse_if_final(interaction)
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
    return _detail(session, interaction, today or dt.date.today())


# --------------------------------------------------------------------------
# Finalising and corrections
# --------------------------------------------------------------------------


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


def finalise(
    session: Session, interaction_id: int, *, now: dt.datetime, today: dt.date
) -> InteractionDetail:
    """Make the record final once every required principle that applies is answered.

    Raises ValidationError listing what is missing (and, for a session, when neither
    notes nor the client's own words were written); nothing is stored then.
    """
    interaction = _load(session, interaction_id)
    if interaction.state is InteractionState.FINAL:
        raise ValidationError.single("state", "This record is already finalised.")
    data = _input_of(interaction)
    errors: list[FieldError] = []
    if (
        interaction.kind is InteractionKind.SESSION
        and not interaction.notes.strip()
        and not interaction.client_words.strip()
    ):
        errors.append(FieldError("notes", "Write at least the notes or the client's own words."))
    facts = facts_for(session, data, today=today, interaction_id=interaction_id)
    answered = set(_answers(session, interaction_id)) | set(
        notice_answers(session, interaction.appointment_id)
    )
    missing = missing_required(applicable_principles(session, facts), answered)
    if missing:
        errors.append(FieldError("checklist", missing_message(missing)))
    if errors:
        raise ValidationError(errors)
    interaction.state = InteractionState.FINAL
    interaction.finalised_at = now
    session.flush()
    audit.record(
        session, AuditAction.UPDATE, "interaction", interaction_id, ["state", "finalised_at"]
    )
    return _detail(session, interaction, today)


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
    interaction = _load(session, interaction_id)
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
    return _detail(session, interaction, now.date())
