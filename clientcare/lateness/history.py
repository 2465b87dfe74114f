"""The lateness events recorded (notices sent and late arrivals) and their statistics."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare.db.models import (
    Appointment,
    ContactChannel,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
)
from clientcare.lateness.policy import ClientLateOption, lateness_policy
from clientcare.lateness.templates import reschedule_required
from clientcare.scope import WHOLE_PRACTICE, Scope

_CLIENT_CHOICES = frozenset(option.value for option in ClientLateOption)

OUTCOME_LABELS: dict[LatenessOutcome, str] = {
    LatenessOutcome.PENDING: "No answer yet",
    LatenessOutcome.WAIT: "Will wait",
    LatenessOutcome.RESCHEDULE: "Reschedule",
    LatenessOutcome.CANCEL_WITHOUT_FEE: "Cancel without fee",
    LatenessOutcome.SHORTEN: "Shorter session, same end time",
    LatenessOutcome.PROCEED: "Full session as booked",
}


@dataclass(frozen=True)
class NoticeRow:
    """One recorded lateness event (a notice sent, or a client arriving late)."""

    id: int
    appointment_id: int
    who_is_late: LatePerson
    expected_minutes: int
    told_at: dt.datetime | None
    channel: ContactChannel | None
    message_text: str
    reschedule_offered: bool
    outcome: LatenessOutcome
    note: str = ""


@dataclass(frozen=True)
class LatenessStats:
    """Lateness on both sides; every sent notice past the threshold must offer rescheduling."""

    practitioner_events: int
    practitioner_average_minutes: float
    client_events: int
    client_average_minutes: float
    offers_required: int
    offers_made: int
    #: What late clients chose, by ClientLateOption value (only options chosen at least once).
    client_choices: dict[str, int] = field(default_factory=dict)

    @property
    def offer_rate(self) -> float:
        """Offers made out of offers required (1.0 when none were required)."""
        return 1.0 if self.offers_required == 0 else self.offers_made / self.offers_required


def notice_row(notice: LatenessNotice) -> NoticeRow:
    return NoticeRow(
        id=notice.id,
        appointment_id=notice.appointment_id,
        who_is_late=notice.who_is_late,
        expected_minutes=notice.expected_minutes,
        told_at=notice.told_at,
        channel=notice.channel,
        message_text=notice.message_text or "",
        reschedule_offered=bool(notice.reschedule_offered),
        outcome=notice.outcome,
        note=notice.note or "",
    )


def list_notices(session: Session, appointment_id: int) -> list[NoticeRow]:
    """The lateness events of one appointment, oldest first."""
    rows = session.scalars(
        select(LatenessNotice)
        .where(LatenessNotice.appointment_id == appointment_id)
        .order_by(LatenessNotice.id)
    )
    return [notice_row(row) for row in rows]


def lateness_stats(
    session: Session,
    *,
    client_id: int | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    scope: Scope = WHOLE_PRACTICE,
) -> LatenessStats:
    """Lateness on both sides for appointments starting in [start, end) (of one client,
    or of the clients of ``scope``).

    An event is one appointment someone was late for (the latest minutes
    count). Offers are counted per notice sent: each one past the threshold
    in force when it was recorded (the current one for notices from before
    that was kept) must have offered rescheduling. ``client_choices`` counts
    what late clients chose, per appointment (the latest choice).
    """
    query = select(LatenessNotice).join(
        Appointment, Appointment.id == LatenessNotice.appointment_id
    )
    if client_id is not None:
        query = query.where(Appointment.client_id == client_id)
    if not scope.whole_practice:
        query = query.where(Appointment.client_id.in_(scope.client_ids()))
    if start is not None:
        query = query.where(Appointment.start >= start)
    if end is not None:
        query = query.where(Appointment.start < end)
    threshold = lateness_policy(session).threshold
    latest: dict[tuple[int, LatePerson], int] = {}
    offers_required = offers_made = 0
    choices: dict[int, str] = {}
    for notice in session.scalars(query.order_by(LatenessNotice.id)):
        latest[notice.appointment_id, notice.who_is_late] = notice.expected_minutes
        if notice.who_is_late is LatePerson.CLIENT:
            if notice.outcome.value in _CLIENT_CHOICES:
                choices[notice.appointment_id] = notice.outcome.value
            continue
        if notice.told_at is None:
            continue
        required = notice.reschedule_required
        if required is None:
            required = reschedule_required(notice.expected_minutes, threshold)
        if required:
            offers_required += 1
            offers_made += bool(notice.reschedule_offered)

    def side(person: LatePerson) -> tuple[int, float]:
        minutes = [m for (_id, who), m in latest.items() if who is person and m > 0]
        return len(minutes), (round(sum(minutes) / len(minutes), 1) if minutes else 0.0)

    practitioner_events, practitioner_average = side(LatePerson.PRACTITIONER)
    client_events, client_average = side(LatePerson.CLIENT)
    return LatenessStats(
        practitioner_events=practitioner_events,
        practitioner_average_minutes=practitioner_average,
        client_events=client_events,
        client_average_minutes=client_average,
        offers_required=offers_required,
        offers_made=offers_made,
        client_choices={
            option.value: count
            for option in ClientLateOption
            if (count := sum(choice == option.value for choice in choices.values()))
        },
    )
