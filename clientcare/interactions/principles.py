"""Which service principles apply to an interaction, and the answers it has.

The facts about the interaction (lateness, money, referrals, first session, expectations
due…) decide which principles apply (clientcare.checklist reads their rules); answers come
from the practitioner or from a running-late notice already sent."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from clientcare import locale_format
from clientcare.checklist import (
    InteractionFacts,
    applicable_from,
)
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    ChecklistAnswer,
    ChecklistAnswerValue,
    Client,
    ClientStatus,
    Expectation,
    ExpectationOutcome,
    Interaction,
    InteractionKind,
    InteractionState,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
    MoneyConversation,
    Principle,
    Referral,
    Requirement,
)
from clientcare.interactions.records import AnswerRow, ChecklistItem, InteractionInput
from clientcare.practice import get_settings


def recorded_minutes_late(session: Session, appointment_id: int | None) -> int:
    """How late the practitioner was for ``appointment_id``, from its lateness notices."""
    return _practitioner_minutes_late(session, appointment_id)


def record_own_lateness(session: Session, appointment_id: int, minutes: int) -> None:
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


def given_answers(session: Session, interaction_id: int | None) -> dict[int, AnswerRow]:
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
    apology = principles.get(json.dumps(_APOLOGY_RULE, sort_keys=True))
    if apology is not None:
        assert first.told_at is not None  # only notices sent to the client are read
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
        assert chosen[-1].told_at is not None  # only notices sent to the client are read
        outcome = chosen[-1].outcome.value.replace("_", " ")
        covered[offer] = AnswerRow(
            offer,
            ChecklistAnswerValue.DONE,
            "",
            f"Rescheduling was offered in the notice at "
            f"{locale_format.time(chosen[-1].told_at, locale)}; "
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
        **given_answers(session, interaction_id),
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
