"""The pre-session brief: what to glance at before a session with a client, one context
for the screen and for paper.

:func:`brief_for` gathers it (a frozen :class:`Brief`); :func:`brief_printout` renders it
through the one template, ``pre_session_brief.html``, which the Brief dialog shows and
the printer prints. The rules, in one place:

- *Last time* is the client's last session; a phone call is shown only when there has
  been no session, even when the call is newer.
- The newest :data:`BRIEF_FACTS` facts, and how many more there are.
- Texts from earlier are cut to a length that keeps the brief to about a page.
- Money to handle gently is practitioner-only and worded without shame; the
  practitioner-only notes of a session are never in the brief.

It lives beside, not inside, :mod:`clientcare.followups` because it reads from
follow-ups, money, referrals, interactions and appointments alike, and renders through
:mod:`clientcare.printouts`; none of those needs to know it exists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare import followups, interactions, money, referrals
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    ClientFact,
    ClientStatus,
    Interaction,
    InteractionKind,
)
from clientcare.errors import NotFoundError
from clientcare.followups import (
    CheckInStatus,
    ExpectationRow,
    IssueRow,
    checkin_status,
    client_issues,
    day_text,
    open_expectations,
    unreturned_attempts,
)
from clientcare.followups._common import _client, _plural
from clientcare.practice import get_settings
from clientcare.printouts import (
    AppointmentLine,
    Printout,
    appointment_line,
    current_practitioner_name,
    footer_text,
    practice_context,
    render_printout,
)

#: How many facts the brief lists, newest first (it says how many more there are).
BRIEF_FACTS = 6
#: How much of an earlier text (last session's notes, words, next steps) the brief shows.
BRIEF_TEXT_LIMIT = 600
#: ... of "what would have been more helpful", a fact, or an issue's description.
BRIEF_SHORT_TEXT_LIMIT = 300
BRIEF_FACT_LIMIT = 200
TEMPLATE = "pre_session_brief.html"

#: The label tables the template reads (``labels.urgency[issue.urgency]``, …); read
#: through their modules so that ui.labels finds each table at its home.
LABELS: Mapping[str, object] = {
    "kind": interactions.KIND_LABELS,
    "urgency": followups.URGENCY_LABELS,
    "urgent": followups.URGENT,
    "set_by": followups.SET_BY_LABELS,
    "consent": followups.CONSENT_LABELS,
}


@dataclass(frozen=True)
class LastSession:
    occurred_at: dt.datetime
    kind: InteractionKind
    notes: str
    client_words: str
    next_steps: str
    more_helpful: str


@dataclass(frozen=True)
class MoneyNote:
    """Money to handle gently (practitioner-only)."""

    outstanding: str
    overdue: str
    plan: str
    advice: str


@dataclass(frozen=True)
class ReferralLine:
    provider_name: str
    status: str
    reason: str
    follow_up_on: dt.date | None
    follow_up_due: bool


@dataclass(frozen=True)
class Brief:
    """What to glance at before a session with the client."""

    client_id: int
    full_name: str
    preferred_name: str
    pronunciation: str
    pronouns: str
    status: ClientStatus
    appointment: AppointmentLine | None
    last_session: LastSession | None
    facts: tuple[tuple[dt.date, str], ...]  # the newest BRIEF_FACTS, newest first
    more_facts: int  # how many older facts are not listed
    expectations: tuple[ExpectationRow, ...]
    issues: tuple[IssueRow, ...]
    money: MoneyNote | None
    referrals: tuple[ReferralLine, ...]
    checkins: CheckInStatus
    unreturned_attempts: int
    first_session: bool

    @property
    def next_appointment(self) -> dt.datetime | None:
        return self.appointment.start if self.appointment is not None else None

    @property
    def set_expectations(self) -> bool:
        """Principle 14 applies: a first session, or an expectation due for review."""
        return self.first_session or any(e.due for e in self.expectations)


def shorten(text: str, limit: int = BRIEF_TEXT_LIMIT) -> str:
    """``text`` cut at a word before ``limit`` characters, with " …" when it was cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip() + " …"


def _last_session(session: Session, client_id: int) -> LastSession | None:
    """The last session; the last phone call only when there has been no session."""
    row = session.scalars(
        select(Interaction)
        .where(
            Interaction.client_id == client_id,
            Interaction.kind.in_((InteractionKind.SESSION, InteractionKind.PHONE_CALL)),
        )
        .order_by(
            (Interaction.kind == InteractionKind.SESSION).desc(),
            Interaction.occurred_at.desc(),
            Interaction.id.desc(),
        )
        .limit(1)
    ).first()
    if row is None:
        return None
    return LastSession(
        row.occurred_at,
        row.kind,
        shorten(row.notes),
        shorten(row.client_words),
        shorten(row.next_steps),
        shorten(row.more_helpful, BRIEF_SHORT_TEXT_LIMIT),
    )


def _facts(session: Session, client_id: int) -> tuple[tuple[tuple[dt.date, str], ...], int]:
    """The newest BRIEF_FACTS facts (newest first) and how many more there are."""
    rows = session.execute(
        select(ClientFact.noted_on, ClientFact.text)
        .where(ClientFact.client_id == client_id)
        .order_by(ClientFact.noted_on.desc(), ClientFact.id.desc())
        .limit(BRIEF_FACTS)
    ).all()
    total = session.scalar(
        select(func.count(ClientFact.id)).where(ClientFact.client_id == client_id)
    )
    facts = tuple((day, shorten(text, BRIEF_FACT_LIMIT)) for day, text in rows)
    return facts, max(0, int(total or 0) - len(facts))


def _appointment(
    session: Session, client_id: int, today: dt.date, appointment_id: int | None
) -> AppointmentLine | None:
    """The given appointment, or the next one booked from the start of ``today``."""
    if appointment_id is not None:
        row = session.get(Appointment, appointment_id)
        if row is None or row.client_id != client_id:
            raise NotFoundError(f"Appointment {appointment_id} is not this client's.")
        return appointment_line(session, row)
    row = session.scalars(
        select(Appointment)
        .where(
            Appointment.client_id == client_id,
            Appointment.status.in_((AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED)),
            Appointment.start >= dt.datetime.combine(today, dt.time()),
        )
        .order_by(Appointment.start, Appointment.id)
        .limit(1)
    ).first()
    return appointment_line(session, row) if row is not None else None


def _money_note(session: Session, client_id: int, today: dt.date) -> MoneyNote | None:
    ageing = money.client_ageing(session, client_id, today=today)
    plan = money.active_plan(session, client_id, today=today)
    if ageing.outstanding_minor <= 0 and plan is None:
        return None
    outstanding = (
        f"{money.money_text(session, ageing.outstanding_minor)} outstanding"
        if ageing.outstanding_minor > 0
        else "Nothing outstanding"
    )
    overdue = (
        f"{money.money_text(session, ageing.overdue_minor)} of it is more than 30 days old"
        if ageing.overdue_minor > 0
        else ""
    )
    plan_text = ""
    if plan is not None:
        upcoming = plan.next_due
        locale = get_settings(session).locale
        plan_text = f"A payment plan agreed on {day_text(plan.agreed_on, locale)}"
        if plan.overdue:
            plan_text += f"; {_plural(len(plan.overdue), 'instalment')} past its date"
        elif upcoming is not None:
            plan_text += (
                f"; next instalment {money.money_text(session, upcoming.amount_minor)} "
                f"on {day_text(upcoming.due_on, locale)}"
            )
    advice = (
        "If it feels right, mention it gently and offer options (sliding scale, payment "
        "plan); no shame around money."
        if ageing.overdue_minor > 0 or (plan is not None and plan.overdue)
        else ""
    )
    return MoneyNote(outstanding, overdue, plan_text, advice)


def _referral_lines(session: Session, client_id: int, today: dt.date) -> tuple[ReferralLine, ...]:
    rows = referrals.list_referrals(session, today=today, open_only=True, client_id=client_id)
    return tuple(
        ReferralLine(
            provider_name=r.provider_name,
            status=referrals.STATUS_LABELS.get(r.status, str(r.status)),
            reason=r.reason,
            follow_up_on=r.follow_up_on,
            follow_up_due=r.follow_up_due,
        )
        for r in rows
    )


def _is_first_session(session: Session, client_id: int) -> bool:
    had_session = session.scalar(
        select(Interaction.id)
        .where(Interaction.client_id == client_id, Interaction.kind == InteractionKind.SESSION)
        .limit(1)
    )
    if had_session is not None:
        return False
    held = session.scalar(
        select(Appointment.id)
        .where(
            Appointment.client_id == client_id, Appointment.status == AppointmentStatus.COMPLETED
        )
        .limit(1)
    )
    return held is None


def brief_for(
    session: Session, client_id: int, *, today: dt.date, appointment_id: int | None = None
) -> Brief:
    """The pre-session brief for the client's next (or the given) appointment.

    Raises NotFoundError if the client is gone or the appointment is not theirs.
    """
    client = _client(session, client_id)
    facts, more_facts = _facts(session, client_id)
    issues = client_issues(session, client_id, today=today)
    return Brief(
        client_id=client.id,
        full_name=client.full_name,
        preferred_name=client.preferred_name or client.full_name,
        pronunciation=client.pronunciation or "",
        pronouns=client.pronouns or "",
        status=client.status,
        appointment=_appointment(session, client_id, today, appointment_id),
        last_session=_last_session(session, client_id),
        facts=facts,
        more_facts=more_facts,
        expectations=tuple(open_expectations(session, today=today, client_id=client_id)),
        issues=tuple(
            replace(i, description=shorten(i.description, BRIEF_SHORT_TEXT_LIMIT)) for i in issues
        ),
        money=_money_note(session, client_id, today),
        referrals=_referral_lines(session, client_id, today),
        checkins=checkin_status(session, client_id, today=today),
        unreturned_attempts=unreturned_attempts(session, client_id),
        first_session=_is_first_session(session, client_id),
    )


def brief_printout(
    session: Session, brief: Brief, *, now: dt.datetime, on_screen: bool = False
) -> Printout:
    """``brief`` rendered through the brief template: for paper, or for the Brief dialog
    (``on_screen``: without the practice's letterhead)."""
    practice = practice_context(session)
    practitioner = (
        brief.appointment.practitioner_name
        if brief.appointment is not None
        else current_practitioner_name(session)
    )
    context = {
        "practice": practice,
        "brief": brief,
        "labels": LABELS,
        "today": now.date(),
        "on_screen": on_screen,
    }
    return render_printout(
        TEMPLATE,
        context,
        title=f"Pre-session brief — {brief.full_name}",
        footer_left=footer_text(now.date(), practitioner, practice["locale"]),
    )


def brief_on_screen(
    session: Session, client_id: int, *, today: dt.date, now: dt.datetime
) -> tuple[Brief, Printout]:
    """The brief and its page for the Brief dialog: what :func:`pre_session_brief` prints
    for the same client on the same day, without the letterhead."""
    brief = brief_for(session, client_id, today=today)
    return brief, brief_printout(session, brief, now=now, on_screen=True)


def pre_session_brief(
    session: Session, client_id: int, *, now: dt.datetime, appointment_id: int | None = None
) -> Printout:
    """The one-page brief for the client's next (or the given) appointment, for paper."""
    brief = brief_for(session, client_id, today=now.date(), appointment_id=appointment_id)
    return brief_printout(session, brief, now=now)
