"""Follow-ups: client issues in triage order, expectations, check-ins with consent,
contact attempts and the prospects pipeline; and the on-screen pre-session brief.

The four kinds of care come from the seeds:

- Issues are triaged (seed 000: "when everything is an escalation, then nothing is"):
  most urgent first, then whoever has waited longest. More than a third of the open
  issues marked crisis or high is over the *escalation budget*: the queue says so.
- Expectations are written down and reviewed (seed 001: "we had assumed").
- Check-ins only with recorded consent (seeds 002, 003). The next one is due an
  interval after the last logged contact of any kind; withdrawal stops them at once.
- Unreturned calls and messages are counted; several in a row bring a gentle
  suggestion, never an automatic status change ("there is always the next prospect").

Every public function that writes is one user action: it validates everything
first (raising ValidationError, nothing written), then writes and audits. Rows
handed out are frozen dataclasses, never ORM objects.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from clientcare import audit, locale_format
from clientcare.clients import STATUS_TRANSITIONS
from clientcare.db.engine import count_rows, limited, plain_rows
from clientcare.db.lists import SortKey, every_word, nulls_last, ordered, position
from clientcare.db.models import (
    DEFAULT_CHECKIN_TEMPLATE,
    Appointment,
    AppointmentStatus,
    AuditAction,
    CheckIn,
    CheckInConsent,
    Client,
    ClientFact,
    ClientIssue,
    ClientStatus,
    ConsentState,
    ContactChannel,
    Expectation,
    ExpectationOutcome,
    Interaction,
    InteractionKind,
    InteractionState,
    IssueStatus,
    PracticeSettings,
    Practitioner,
    ProspectStage,
    SetBy,
    Urgency,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.language import Hit, load_checker
from clientcare.practice import get_settings
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import check_text, clean_line, fold

MAX_TITLE = 200
MAX_NOTE = 20_000
MAX_IMPACT = 2_000
MAX_EXPECTATION = 2_000
MAX_WORDS = 2_000
MAX_MESSAGE = 4_000
MAX_TEMPLATE = 2_000
MAX_REASON = 1_000
MIN_INTERVAL_DAYS = 7
MAX_INTERVAL_DAYS = 365
DEFAULT_INTERVAL_DAYS = 42
MAX_SNOOZE_DAYS = 365
#: Unreturned calls or messages in a row before the app suggests letting it rest.
ATTEMPTS_BEFORE_SUGGESTION = 3
#: How far ahead a contact may be dated (a clock a little off, a late-night entry).
MAX_DAYS_AHEAD = 1
TEMPLATE_PLACEHOLDERS = ("preferred_name", "practitioner")
_SPACE_RUNS = re.compile(r"[ \t]{2,}")

URGENCY_LABELS: dict[Urgency, str] = {
    Urgency.CRISIS: "Crisis",
    Urgency.HIGH: "High",
    Urgency.NORMAL: "Normal",
    Urgency.LOW: "Low",
}
URGENCY_ORDER: dict[Urgency, int] = {urgency: rank for rank, urgency in enumerate(Urgency)}
URGENT = frozenset({Urgency.CRISIS, Urgency.HIGH})

SET_BY_LABELS: dict[SetBy, str] = {SetBy.PRACTICE: "The practice", SetBy.CLIENT: "The client"}
OUTCOME_LABELS: dict[ExpectationOutcome, str] = {
    ExpectationOutcome.OPEN: "Not reviewed yet",
    ExpectationOutcome.MET: "Met",
    ExpectationOutcome.NOT_MET: "Not met",
    ExpectationOutcome.CHANGED: "Changed",
}
CONSENT_LABELS: dict[ConsentState, str] = {
    ConsentState.NOT_ASKED: "Not asked",
    ConsentState.ASKED: "Asked, no answer yet",
    ConsentState.GIVEN: "Given",
    ConsentState.DECLINED: "Declined",
    ConsentState.WITHDRAWN: "Withdrawn",
}
CHANNEL_LABELS: dict[ContactChannel, str] = {
    ContactChannel.PHONE: "Phone call",
    ContactChannel.SMS: "SMS",
    ContactChannel.EMAIL: "E-mail",
    ContactChannel.POST: "Post",
    ContactChannel.IN_PERSON: "In person",
    ContactChannel.OTHER: "Other",
}


class PipelineStage(StrEnum):
    """Where someone who got in touch stands: the prospects pipeline."""

    INQUIRY = "inquiry"
    CONSULTATION = "consultation"
    CLIENT = "client"
    DECLINED = "declined"


STAGE_LABELS: dict[PipelineStage, str] = {
    PipelineStage.INQUIRY: "Inquiry",
    PipelineStage.CONSULTATION: "Consultation",
    PipelineStage.CLIENT: "Became a client",
    PipelineStage.DECLINED: "Declined",
}

_REAL_CONTACT_KINDS = (
    InteractionKind.SESSION,
    InteractionKind.PHONE_CALL,
    InteractionKind.MESSAGE,
    InteractionKind.EMAIL,
)
_HELD = (AppointmentStatus.COMPLETED, AppointmentStatus.ARRIVED)
_CONSULTATION_APPOINTMENTS = (
    AppointmentStatus.SCHEDULED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.COMPLETED,
)


# --------------------------------------------------------------------------
# Plain data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueInput:
    """What the issue form collects; text as typed."""

    client_id: int
    title: str
    urgency: Urgency
    raised_on: dt.date
    impact: str = ""
    description: str = ""
    due_on: dt.date | None = None


@dataclass(frozen=True)
class IssueRow:
    """One client issue; ``client_name`` is the preferred name."""

    id: int
    client_id: int
    client_name: str
    title: str
    urgency: Urgency
    impact: str
    raised_on: dt.date
    due_on: dt.date | None
    waiting_days: int
    status: IssueStatus
    client_full_name: str = ""
    description: str = ""
    resolved_on: dt.date | None = None
    resolution_note: str = ""
    reopened_count: int = 0
    overdue: bool = False

    def as_input(self) -> IssueInput:
        return IssueInput(
            client_id=self.client_id,
            title=self.title,
            urgency=self.urgency,
            raised_on=self.raised_on,
            impact=self.impact,
            description=self.description,
            due_on=self.due_on,
        )


@dataclass(frozen=True)
class EscalationBudget:
    """How many open issues are marked crisis or high, and whether that is too many."""

    open: int
    urgent: int
    over_budget: bool
    message: str


@dataclass(frozen=True)
class ExpectationInput:
    client_id: int
    description: str
    set_by: SetBy
    set_on: dt.date
    review_on: dt.date | None
    conversation_note: str = ""


@dataclass(frozen=True)
class ExpectationRow:
    """One expectation; ``due`` when it is open and its review date has come."""

    id: int
    client_id: int
    client_name: str
    description: str
    set_by: SetBy
    set_on: dt.date
    review_on: dt.date | None
    outcome: ExpectationOutcome
    reviewed_on: dt.date | None
    conversation_note: str
    due: bool
    client_full_name: str = ""


@dataclass(frozen=True)
class CheckInDue:
    """A consenting client whose next check-in has come."""

    client_id: int
    client_name: str
    due_on: dt.date
    last_contact_on: dt.date | None
    interval_days: int
    channel: ContactChannel | None
    client_full_name: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ConsentRow:
    id: int
    state: ConsentState
    recorded_on: dt.date
    channel: ContactChannel | None
    client_words: str


@dataclass(frozen=True)
class CheckInRow:
    id: int
    client_id: int
    sent_at: dt.datetime
    channel: ContactChannel
    message_text: str
    reply_note: str


@dataclass(frozen=True)
class CheckInStatus:
    """A client's check-in consent and where their next check-in stands."""

    client_id: int
    client_name: str
    consent: ConsentState
    channel: ContactChannel | None
    interval_days: int | None
    snoozed_until: dt.date | None
    last_contact_on: dt.date | None
    next_due_on: dt.date | None
    events: tuple[ConsentRow, ...]
    sent: tuple[CheckInRow, ...]

    @property
    def consented(self) -> bool:
        return self.consent is ConsentState.GIVEN


@dataclass(frozen=True)
class CheckInDraft:
    """A check-in ready to edit and send; ``hits`` are the language check's findings."""

    client_id: int
    client_name: str
    channel: ContactChannel | None
    text: str
    hits: list[Hit]
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class AttemptRow:
    """Someone with several calls or messages not returned, and a gentle suggestion."""

    client_id: int
    client_name: str
    status: ClientStatus
    attempts: int
    first_attempt_on: dt.date
    last_attempt_on: dt.date
    suggestion: str
    client_full_name: str = ""


@dataclass(frozen=True)
class ProspectRow:
    """One person in the prospects pipeline."""

    client_id: int
    client_name: str
    stage: PipelineStage
    inquired_on: dt.date
    waiting_days: int
    unreturned_attempts: int
    declined_reason: str
    client_full_name: str = ""


@dataclass(frozen=True)
class ProspectConversion:
    """What became of the people who got in touch between ``start`` and ``end``."""

    start: dt.date
    end: dt.date
    inquiries: int
    consultations: int
    became_clients: int
    declined: int
    still_open: int
    declined_reasons: tuple[tuple[str, int], ...]

    @property
    def decided(self) -> int:
        return self.became_clients + self.declined

    @property
    def conversion_rate(self) -> float | None:
        """Of those who have decided, the share who became clients (None: nobody yet)."""
        return self.became_clients / self.decided if self.decided else None

    @property
    def consultation_rate(self) -> float | None:
        return self.consultations / self.inquiries if self.inquiries else None


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Issues
# --------------------------------------------------------------------------


def _issue_row(issue: ClientIssue, client: Client | _ClientNames, today: dt.date) -> IssueRow:
    is_open = issue.status is IssueStatus.OPEN
    return IssueRow(
        id=issue.id,
        client_id=client.id,
        client_name=client.preferred_name,
        title=issue.title,
        urgency=issue.urgency,
        impact=issue.impact,
        raised_on=issue.raised_on,
        due_on=issue.due_on,
        waiting_days=max(
            0, ((today if is_open else issue.resolved_on or today) - issue.raised_on).days
        ),
        status=issue.status,
        client_full_name=client.full_name,
        description=issue.description,
        resolved_on=issue.resolved_on,
        resolution_note=issue.resolution_note,
        reopened_count=issue.reopened_count or 0,
        overdue=is_open and issue.due_on is not None and issue.due_on < today,
    )


def triage_key(row: IssueRow) -> tuple[int, dt.date, int]:
    """Most urgent first; within an urgency, whoever has waited longest."""
    return (URGENCY_ORDER[row.urgency], row.raised_on, row.id)


def triage_queue(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    limit: int | None = None,
) -> list[IssueRow]:
    """Open issues, by urgency (crisis, high, normal, low), then the longest waiting first.

    ``scope``: the clients whose issues are listed; ``limit``: only the first so many
    (ordered in SQL, so the first are the most urgent of them all).
    """
    query = limited(_open_issues(scope), limit)
    return [
        _issue_row(
            row,  # type: ignore[arg-type]
            _ClientNames(row.client_id, row.preferred_name, row.full_name),
            today,
        )
        for row in plain_rows(session, query)
    ]


@dataclass(frozen=True)
class _ClientNames:
    """What an IssueRow needs of its client (the triage queue reads no more)."""

    id: int
    preferred_name: str
    full_name: str


#: Triage order in SQL (``triage_key``): crisis, high, normal, low.
_URGENCY_RANK = case(
    {urgency.value: rank for urgency, rank in URGENCY_ORDER.items()},
    value=ClientIssue.urgency,
    else_=len(URGENCY_ORDER),
)


#: What an IssueRow is made of (read as plain columns: Today reads them on every refresh).
_ISSUE_COLUMNS = (
    ClientIssue.id,
    ClientIssue.client_id,
    ClientIssue.title,
    ClientIssue.description,
    ClientIssue.urgency,
    ClientIssue.impact,
    ClientIssue.raised_on,
    ClientIssue.due_on,
    ClientIssue.status,
    ClientIssue.resolved_on,
    ClientIssue.resolution_note,
    ClientIssue.reopened_count,
    Client.preferred_name,
    Client.full_name,
)


@cache
def _open_issues(scope: Scope = WHOLE_PRACTICE) -> Select:
    """Every open issue of ``scope``'s clients with their names, in triage order (built
    once per scope: Today reads it on every refresh)."""
    return (
        select(*_ISSUE_COLUMNS)
        .join(Client, Client.id == ClientIssue.client_id)
        .where(ClientIssue.status == IssueStatus.OPEN, scope.client_condition())
        .order_by(_URGENCY_RANK, ClientIssue.raised_on, ClientIssue.id)
    )


class IssueSort(StrEnum):
    """What the list of issues can be ordered by (each also turned around)."""

    TRIAGE = "triage"  # open first; crisis, high, normal, low; the longest waiting first
    CLIENT = "client"
    TITLE = "title"
    WAITING = "waiting"
    DUE = "due"
    IMPACT = "impact"


@dataclass(frozen=True)
class IssueCounts:
    """How many issues a list of issues has (``listed``), and of them how many are open
    and how many of those are marked crisis or high."""

    listed: int
    open: int
    urgent: int


def _issues_query(
    include_resolved: bool, text: str, scope: Scope, client_id: int | None = None
) -> Select:
    """The issues the list shows (no order): open, or open and resolved, of ``scope``'s
    clients; every word of ``text`` in the client's names, the title, the impact or the
    notes."""
    statuses = (IssueStatus.OPEN, IssueStatus.RESOLVED) if include_resolved else (IssueStatus.OPEN,)
    conditions = every_word(
        text,
        plain=(ClientIssue.title, ClientIssue.description, ClientIssue.impact),
        keys=(Client.search_key,),
    )
    if client_id is not None:
        conditions.append(ClientIssue.client_id == client_id)
    return (
        select(*_ISSUE_COLUMNS)
        .join(Client, Client.id == ClientIssue.client_id)
        .where(ClientIssue.status.in_(statuses), scope.client_condition(), *conditions)
    )


def _issue_order(sort: IssueSort, descending: bool) -> list[Any]:
    resolved = case((ClientIssue.status == IssueStatus.RESOLVED, 1), else_=0)
    keys: list[SortKey]
    match sort:
        case IssueSort.TRIAGE:
            keys = [resolved, _URGENCY_RANK, ClientIssue.raised_on]
        case IssueSort.CLIENT:
            keys = [func.lower(Client.full_name)]
        case IssueSort.TITLE:
            keys = [func.lower(ClientIssue.title)]
        case IssueSort.WAITING:  # open ones first; the longer waiting, the later
            keys = [resolved, (ClientIssue.raised_on, True)]
        case IssueSort.DUE:
            keys = [*nulls_last(ClientIssue.due_on)]
        case IssueSort.IMPACT:
            keys = [func.lower(ClientIssue.impact)]
    return ordered(keys, ClientIssue.id, descending)


def list_issues(
    session: Session,
    *,
    today: dt.date,
    include_resolved: bool = False,
    text: str = "",
    scope: Scope = WHOLE_PRACTICE,
    sort: IssueSort = IssueSort.TRIAGE,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[IssueRow]:
    """Issues of ``scope``'s clients in the order asked (by default the triage order:
    open ones first, then resolved ones, each most urgent first, then the longest
    waiting); ``offset``/``limit`` read one page. Filtered and ordered in SQL.

    ``text``: every word must match the client's names, the title, the impact or the
    notes (case and accents ignored).
    """
    query = _issues_query(include_resolved, text, scope).order_by(*_issue_order(sort, descending))
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [
        _issue_row(
            row,  # type: ignore[arg-type]
            _ClientNames(row.client_id, row.preferred_name, row.full_name),
            today,
        )
        for row in plain_rows(session, query)
    ]


def count_issues(
    session: Session,
    *,
    include_resolved: bool = False,
    text: str = "",
    scope: Scope = WHOLE_PRACTICE,
) -> IssueCounts:
    """What ``list_issues`` lists without a limit: how many, how many open, and how many
    of those crisis or high (one aggregate)."""
    listed = _issues_query(include_resolved, text, scope).subquery()
    is_open = listed.c.status == IssueStatus.OPEN
    urgent = and_(is_open, listed.c.urgency.in_(sorted(URGENT)))
    row = plain_rows(
        session,
        select(
            func.count(),
            func.sum(case((is_open, 1), else_=0)),
            func.sum(case((urgent, 1), else_=0)),
        ).select_from(listed),
    )[0]
    return IssueCounts(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))


def issue_position(
    session: Session,
    issue_id: int,
    *,
    include_resolved: bool = False,
    text: str = "",
    scope: Scope = WHOLE_PRACTICE,
    sort: IssueSort = IssueSort.TRIAGE,
    descending: bool = False,
) -> int | None:
    """Where ``issue_id`` is in ``list_issues`` (from 0), or None when it is not listed."""
    query = position(
        _issues_query(include_resolved, text, scope),
        _issue_order(sort, descending),
        ClientIssue.id,
    )
    rows = plain_rows(session, query, {"row_id": issue_id})
    return int(rows[0][0]) if rows else None


def client_issues(session: Session, client_id: int, *, today: dt.date) -> list[IssueRow]:
    """The client's open issues in triage order."""
    query = _issues_query(False, "", WHOLE_PRACTICE, client_id).order_by(
        *_issue_order(IssueSort.TRIAGE, False)
    )
    return [
        _issue_row(
            row,  # type: ignore[arg-type]
            _ClientNames(row.client_id, row.preferred_name, row.full_name),
            today,
        )
        for row in plain_rows(session, query)
    ]


def get_issue(session: Session, issue_id: int, *, today: dt.date) -> IssueRow:
    issue = _load_issue(session, issue_id)
    return _issue_row(issue, _client(session, issue.client_id), today)


def escalation_budget(
    session: Session,
    open_issues: Sequence[IssueRow] | None = None,
    *,
    scope: Scope = WHOLE_PRACTICE,
) -> EscalationBudget:
    """Open issues and how many are crisis or high; over budget at *more* than one third.

    Exactly one third is within the budget (3 of 9); 4 of 9 is over it. ``open_issues``:
    the whole triage queue when the caller has just read it; else the open issues of
    ``scope``'s clients are counted in SQL.
    """
    if open_issues is not None:
        counts: dict[Urgency, int] = {}
        for issue in open_issues:
            counts[issue.urgency] = counts.get(issue.urgency, 0) + 1
    else:
        counts = dict(
            session.execute(
                select(ClientIssue.urgency, func.count())
                .join(Client, Client.id == ClientIssue.client_id)
                .where(ClientIssue.status == IssueStatus.OPEN, scope.client_condition())
                .group_by(ClientIssue.urgency)
            ).all()
        )
    open_count = sum(counts.values())
    urgent = sum(counts.get(u, 0) for u in URGENT)
    over = urgent * 3 > open_count
    if open_count == 0:
        message = "No open issues."
    else:
        verb = "is" if urgent == 1 else "are"
        share = f"{urgent} of {_plural(open_count, 'open issue')} {verb} marked crisis or high."
        if over:
            message = (
                f"{share} When everything is urgent, nothing is: please look again and re-rank."
            )
        else:
            message = f"{share} That is within the budget of one in three."
    return EscalationBudget(open_count, urgent, over, message)


def _issue_errors(
    data: IssueInput, *, today: dt.date, check_due: bool, locale: str
) -> list[FieldError]:
    errors: list[FieldError] = []
    title = clean_line(data.title)
    if not title:
        errors.append(FieldError("title", "Give the issue a short title, in a few words."))
    _text_problem(errors, "title", "The title", title, MAX_TITLE, False)
    if not isinstance(data.urgency, Urgency):
        errors.append(
            FieldError("urgency", "Choose how urgent this is: crisis, high, normal or low.")
        )
    elif data.urgency is Urgency.CRISIS and not data.description.strip():
        errors.append(
            FieldError(
                "description",
                "An issue marked crisis needs a note: what is happening, and what has been "
                "done so far. If it can wait a day, it may be high rather than crisis.",
            )
        )
    _text_problem(errors, "description", "The note", data.description, MAX_NOTE, True)
    _text_problem(errors, "impact", "The impact", data.impact, MAX_IMPACT, True)
    if not _is_date(data.raised_on):
        errors.append(FieldError("raised_on", "Enter the day the issue was raised."))
    elif data.raised_on > today:
        errors.append(FieldError("raised_on", "An issue cannot be raised in the future."))
    if data.due_on is not None:
        if not _is_date(data.due_on):
            errors.append(FieldError("due_on", "Enter the due date as a day."))
        elif _is_date(data.raised_on) and data.due_on < data.raised_on:
            errors.append(
                FieldError(
                    "due_on",
                    f"The due date ({day_text(data.due_on, locale)}) is before the issue was "
                    f"raised ({day_text(data.raised_on, locale)}).",
                )
            )
        elif check_due and data.due_on < today:
            errors.append(
                FieldError(
                    "due_on",
                    f"The due date {day_text(data.due_on, locale)} has already passed; "
                    "choose today or a later day, or leave it empty.",
                )
            )
    return errors


_ISSUE_FIELDS = ("title", "urgency", "impact", "description", "raised_on", "due_on")


def _issue_values(data: IssueInput) -> dict[str, object]:
    return {
        "title": clean_line(data.title),
        "urgency": data.urgency,
        "impact": data.impact.strip(),
        "description": data.description.strip(),
        "raised_on": data.raised_on,
        "due_on": data.due_on,
    }


def create_issue(session: Session, data: IssueInput, *, today: dt.date) -> IssueRow:
    """Record a client issue; raises ValidationError (nothing stored) for bad input."""
    errors = _issue_errors(data, today=today, check_due=True, locale=_locale(session))
    client = session.get(Client, data.client_id) if data.client_id is not None else None
    if client is None:
        errors.append(FieldError("client_id", "Choose the client this issue is about."))
    _raise(errors)
    assert client is not None
    issue = ClientIssue(client_id=client.id, status=IssueStatus.OPEN, **_issue_values(data))
    session.add(issue)
    session.flush()
    audit.record(session, AuditAction.CREATE, "client_issue", issue.id, _ISSUE_FIELDS)
    return _issue_row(issue, client, today)


def _load_issue(session: Session, issue_id: int) -> ClientIssue:
    issue = session.get(ClientIssue, issue_id)
    if issue is None:
        raise NotFoundError("That issue no longer exists.")
    return issue


def update_issue(session: Session, issue_id: int, data: IssueInput, *, today: dt.date) -> IssueRow:
    """Change an issue (re-rank it, correct it). A due date already past may stay as it was."""
    issue = _load_issue(session, issue_id)
    errors = _issue_errors(
        data, today=today, check_due=data.due_on != issue.due_on, locale=_locale(session)
    )
    if data.client_id != issue.client_id:
        errors.append(
            FieldError("client_id", "An issue stays with its client; record a new one instead.")
        )
    _raise(errors)
    audit.apply_changes(session, issue, "client_issue", issue.id, _issue_values(data))
    return _issue_row(issue, _client(session, issue.client_id), today)


def resolve_issue(
    session: Session, issue_id: int, note: str, *, resolved_on: dt.date, today: dt.date
) -> IssueRow:
    """Mark an issue resolved with a note of how; raises ValidationError if it cannot be."""
    issue = _load_issue(session, issue_id)
    note = note.strip()
    errors: list[FieldError] = []
    locale = _locale(session)
    if issue.status is IssueStatus.RESOLVED:
        when = day_text(issue.resolved_on, locale) if issue.resolved_on else "earlier"
        errors.append(FieldError("status", f"This issue was already resolved on {when}."))
    if not note:
        errors.append(
            FieldError(
                "resolution_note",
                "Write how it was resolved, in a sentence, so it is there if it comes back.",
            )
        )
    _text_problem(errors, "resolution_note", "The resolution note", note, MAX_NOTE, True)
    if not _is_date(resolved_on):
        errors.append(FieldError("resolved_on", "Enter the day it was resolved."))
    elif resolved_on > today:
        errors.append(FieldError("resolved_on", "An issue cannot be resolved in the future."))
    elif resolved_on < issue.raised_on:
        errors.append(
            FieldError(
                "resolved_on",
                f"It was raised on {day_text(issue.raised_on, locale)}, so it cannot be resolved "
                "before that.",
            )
        )
    _raise(errors)
    audit.apply_changes(
        session,
        issue,
        "client_issue",
        issue.id,
        {"status": IssueStatus.RESOLVED, "resolved_on": resolved_on, "resolution_note": note},
    )
    return _issue_row(issue, _client(session, issue.client_id), today)


def reopen_issue(session: Session, issue_id: int, *, today: dt.date, reason: str = "") -> IssueRow:
    """Open a resolved issue again. The earlier resolution and the reason are kept in its notes."""
    issue = _load_issue(session, issue_id)
    reason = reason.strip()
    errors: list[FieldError] = []
    if issue.status is IssueStatus.OPEN:
        errors.append(FieldError("status", "This issue is still open."))
    _text_problem(errors, "reason", "The reason", reason, MAX_REASON, True)
    _raise(errors)
    history = [issue.description.strip()] if issue.description.strip() else []
    if issue.resolution_note.strip():
        when = f" on {_stored_day(issue.resolved_on)}" if issue.resolved_on else ""
        history.append(f"Resolved{when}: {issue.resolution_note.strip()}")
    history.append(f"Reopened on {_stored_day(today)}" + (f": {reason}" if reason else "."))
    audit.apply_changes(
        session,
        issue,
        "client_issue",
        issue.id,
        {
            "status": IssueStatus.OPEN,
            "resolved_on": None,
            "resolution_note": "",
            "description": "\n\n".join(history),
            "reopened_count": (issue.reopened_count or 0) + 1,
            "reopened_on": today,
        },
    )
    return _issue_row(issue, _client(session, issue.client_id), today)


# --------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------


def _expectation_row(row: Expectation, client: Client, today: dt.date) -> ExpectationRow:
    return ExpectationRow(
        id=row.id,
        client_id=client.id,
        client_name=client.preferred_name,
        description=row.description,
        set_by=row.set_by,
        set_on=row.set_on,
        review_on=row.review_on,
        outcome=row.outcome,
        reviewed_on=row.reviewed_on,
        conversation_note=row.conversation_note,
        due=row.outcome is ExpectationOutcome.OPEN
        and row.review_on is not None
        and row.review_on <= today,
        client_full_name=client.full_name,
    )


# The columns the lists of expectations show: read as plain rows, not as entities (the
# care list reads them on every refresh of Today).
_EXPECTATION_COLUMNS = (
    Expectation.id,
    Expectation.description,
    Expectation.set_by,
    Expectation.set_on,
    Expectation.review_on,
    Expectation.outcome,
    Expectation.reviewed_on,
    Expectation.conversation_note,
    Client.id.label("client_id"),
    Client.preferred_name,
    Client.full_name,
)


def _open_expectations_query(client_id: int | None = None):  # type: ignore[no-untyped-def]
    query = (
        select(*_EXPECTATION_COLUMNS)
        .join(Client, Client.id == Expectation.client_id)
        .where(Expectation.outcome == ExpectationOutcome.OPEN)
        .order_by(
            Expectation.review_on.is_(None),
            Expectation.review_on,
            Expectation.set_on,
            Expectation.id,
        )
    )
    if client_id is not None:
        query = query.where(Expectation.client_id == client_id)
    return query


def _listed_expectation(row: Any, today: dt.date) -> ExpectationRow:
    """An ExpectationRow from one row of ``_open_expectations_query`` (in its column order:
    unpacked, which is quicker than naming each column of every row)."""
    (
        id_,
        description,
        set_by,
        set_on,
        review_on,
        outcome,
        reviewed_on,
        conversation_note,
        client_id,
        preferred_name,
        full_name,
    ) = row
    return ExpectationRow(
        id=id_,
        client_id=client_id,
        client_name=preferred_name,
        description=description,
        set_by=set_by,
        set_on=set_on,
        review_on=review_on,
        outcome=outcome,
        reviewed_on=reviewed_on,
        conversation_note=conversation_note,
        due=outcome is ExpectationOutcome.OPEN and review_on is not None and review_on <= today,
        client_full_name=full_name,
    )


def expectations_due(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    limit: int | None = None,
) -> list[ExpectationRow]:
    """Open expectations of ``scope``'s clients whose review date has come, the oldest
    review date first; the first ``limit`` of them when given."""
    query = limited(_expectations_due(scope), limit)
    rows = plain_rows(session, query, {"today": today})
    return [_listed_expectation(row, today) for row in rows]


def count_expectations_due(
    session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE
) -> int:
    """How many expectations ``expectations_due`` would list without a limit."""
    return count_rows(session, _expectations_due(scope), {"today": today})


@cache
def _expectations_due(scope: Scope = WHOLE_PRACTICE) -> Select:
    """``expectations_due``'s statement, built once per scope (Today reads it on every
    refresh). Every row has a review date, so the order is the review-date index's."""
    return (
        _open_expectations_query()
        .where(
            Expectation.review_on.is_not(None),
            Expectation.review_on <= bindparam("today"),
            scope.client_condition(),
        )
        .order_by(None)
        .order_by(Expectation.review_on, Expectation.set_on, Expectation.id)
    )


class ExpectationSort(StrEnum):
    """What the list of expectations can be ordered by (each also turned around)."""

    REVIEW = "review"  # by review date (none last), then when set
    CLIENT = "client"
    SET_BY = "set_by"
    SET_ON = "set_on"
    DESCRIPTION = "description"


@dataclass(frozen=True)
class ExpectationCounts:
    """How many expectations a list has (``listed``), and how many of them are due."""

    listed: int
    due: int


def _expectations_query(client_id: int | None, text: str, scope: Scope) -> Select:
    """The open expectations the list shows (no order)."""
    conditions = every_word(text, plain=(Expectation.description,), keys=(Client.search_key,))
    if not scope.whole_practice:
        conditions.append(scope.client_condition())
    return _open_expectations_query(client_id).order_by(None).where(*conditions)


def _expectation_order(sort: ExpectationSort, descending: bool) -> list[Any]:
    keys: list[SortKey]
    match sort:
        case ExpectationSort.REVIEW:
            keys = [*nulls_last(Expectation.review_on), Expectation.set_on]
        case ExpectationSort.CLIENT:
            keys = [func.lower(Client.full_name)]
        case ExpectationSort.SET_BY:  # "The client" before "The practice"
            keys = [Expectation.set_by]
        case ExpectationSort.SET_ON:
            keys = [Expectation.set_on]
        case ExpectationSort.DESCRIPTION:
            keys = [func.lower(Expectation.description)]
    return ordered(keys, Expectation.id, descending)


def open_expectations(
    session: Session,
    *,
    today: dt.date,
    client_id: int | None = None,
    text: str = "",
    scope: Scope = WHOLE_PRACTICE,
    sort: ExpectationSort = ExpectationSort.REVIEW,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[ExpectationRow]:
    """Expectations not reviewed yet, of ``scope``'s clients (or one client), in the
    order asked (by default by review date: those due first); ``offset``/``limit`` read
    one page. ``text``: every word in the client's names or the expectation (case and
    accents ignored). Filtered and ordered in SQL."""
    query = _expectations_query(client_id, text, scope).order_by(
        *_expectation_order(sort, descending)
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [_listed_expectation(row, today) for row in plain_rows(session, query)]


def count_open_expectations(
    session: Session,
    *,
    today: dt.date,
    client_id: int | None = None,
    text: str = "",
    scope: Scope = WHOLE_PRACTICE,
) -> ExpectationCounts:
    """How many expectations ``open_expectations`` lists without a limit, and how many
    of them are due for review on ``today`` (one aggregate)."""
    listed = _expectations_query(client_id, text, scope).subquery()
    due = and_(listed.c.review_on.is_not(None), listed.c.review_on <= today)
    row = plain_rows(
        session, select(func.count(), func.sum(case((due, 1), else_=0))).select_from(listed)
    )[0]
    return ExpectationCounts(int(row[0] or 0), int(row[1] or 0))


def expectation_position(
    session: Session,
    expectation_id: int,
    *,
    text: str = "",
    scope: Scope = WHOLE_PRACTICE,
    sort: ExpectationSort = ExpectationSort.REVIEW,
    descending: bool = False,
) -> int | None:
    """Where ``expectation_id`` is in ``open_expectations`` (from 0); None if not listed."""
    query = position(
        _expectations_query(None, text, scope),
        _expectation_order(sort, descending),
        Expectation.id,
    )
    rows = plain_rows(session, query, {"row_id": expectation_id})
    return int(rows[0][0]) if rows else None


def record_expectation(
    session: Session, data: ExpectationInput, *, today: dt.date
) -> ExpectationRow:
    """Write down an expectation set or promised, with when to review it together."""
    errors: list[FieldError] = []
    description = data.description.strip()
    if not description:
        errors.append(FieldError("description", "Write what was set or promised, in plain words."))
    _text_problem(errors, "description", "The expectation", description, MAX_EXPECTATION, True)
    _text_problem(errors, "conversation_note", "The note", data.conversation_note, MAX_NOTE, True)
    if not isinstance(data.set_by, SetBy):
        errors.append(FieldError("set_by", "Say who set it: the practice or the client."))
    if not _is_date(data.set_on):
        errors.append(FieldError("set_on", "Enter the day it was set."))
    elif data.set_on > today:
        errors.append(FieldError("set_on", "An expectation cannot be set in the future."))
    if data.review_on is None:
        errors.append(
            FieldError(
                "review_on",
                "Choose when to review it together; an expectation nobody reviews turns "
                "into an assumption.",
            )
        )
    elif not _is_date(data.review_on):
        errors.append(FieldError("review_on", "Enter the review date as a day."))
    elif data.review_on < today:
        errors.append(
            FieldError(
                "review_on",
                f"The review date {day_text(data.review_on, _locale(session))} has already "
                "passed; choose today or a later day.",
            )
        )
    elif _is_date(data.set_on) and data.review_on < data.set_on:
        errors.append(FieldError("review_on", "The review date is before the day it was set."))
    client = session.get(Client, data.client_id) if data.client_id is not None else None
    if client is None:
        errors.append(FieldError("client_id", "Choose the client this expectation is with."))
    _raise(errors)
    assert client is not None
    row = Expectation(
        client_id=client.id,
        description=description,
        set_by=data.set_by,
        set_on=data.set_on,
        review_on=data.review_on,
        outcome=ExpectationOutcome.OPEN,
        conversation_note=data.conversation_note.strip(),
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        AuditAction.CREATE,
        "expectation",
        row.id,
        ("description", "set_by", "set_on", "review_on", "conversation_note"),
    )
    return _expectation_row(row, client, today)


def review_expectation(
    session: Session,
    expectation_id: int,
    outcome: ExpectationOutcome,
    note: str,
    *,
    reviewed_on: dt.date,
    today: dt.date,
) -> ExpectationRow:
    """Record that an expectation was reviewed together: met, not met or changed.

    "Not met" and "changed" need a note of what was said or agreed instead.
    """
    row = session.get(Expectation, expectation_id)
    if row is None:
        raise NotFoundError("That expectation no longer exists.")
    note = note.strip()
    errors: list[FieldError] = []
    locale = _locale(session)
    if row.outcome is not ExpectationOutcome.OPEN:
        when = f" on {day_text(row.reviewed_on, locale)}" if row.reviewed_on else ""
        errors.append(FieldError("outcome", f"This expectation was already reviewed{when}."))
    elif outcome not in (
        ExpectationOutcome.MET,
        ExpectationOutcome.NOT_MET,
        ExpectationOutcome.CHANGED,
    ):
        errors.append(FieldError("outcome", "Choose met, not met or changed."))
    elif outcome is not ExpectationOutcome.MET and not note:
        errors.append(
            FieldError(
                "conversation_note",
                "Write a line about the conversation: what you heard, and what you agreed instead.",
            )
        )
    _text_problem(errors, "conversation_note", "The note", note, MAX_NOTE, True)
    if not _is_date(reviewed_on):
        errors.append(FieldError("reviewed_on", "Enter the day you reviewed it."))
    elif reviewed_on > today:
        errors.append(FieldError("reviewed_on", "A review cannot be in the future."))
    elif reviewed_on < row.set_on:
        errors.append(
            FieldError(
                "reviewed_on",
                f"It was set on {day_text(row.set_on, locale)}, so it cannot be reviewed "
                "before that.",
            )
        )
    _raise(errors)
    values: dict[str, object] = {"outcome": outcome, "reviewed_on": reviewed_on}
    if note:
        earlier = row.conversation_note.strip()
        values["conversation_note"] = f"{earlier}\n\n{note}" if earlier else note
    audit.apply_changes(session, row, "expectation", row.id, values)
    return _expectation_row(row, _client(session, row.client_id), today)


# --------------------------------------------------------------------------
# Check-ins: consent, due dates, drafts
# --------------------------------------------------------------------------


def _max_by_client(
    session: Session, column: Any, ids: list[int] | None, *conditions: Any
) -> dict[int, dt.date]:
    """The latest ``column`` (a date or datetime) per client (of ``ids``, or all), as a day."""
    client_column = column.class_.client_id
    if ids is not None:
        conditions = (*conditions, client_column.in_(ids))
    result: dict[int, dt.date] = {}
    for client_id, value in session.execute(
        select(client_column, func.max(column)).where(*conditions).group_by(client_column)
    ):
        if value is not None:
            result[client_id] = value.date() if isinstance(value, dt.datetime) else value
    return result


def _merge_latest(*maps: dict[int, dt.date]) -> dict[int, dt.date]:
    merged: dict[int, dt.date] = {}
    for mapping in maps:
        for client_id, day in mapping.items():
            if client_id not in merged or day > merged[client_id]:
                merged[client_id] = day
    return merged


def last_contacts(session: Session, client_ids: Iterable[int] | None = None) -> dict[int, dt.date]:
    """The day of each client's last logged contact of any kind.

    Interactions of every kind (a contact attempt too), check-ins sent, and
    appointments the client came to. Consent given also counts: the check-ins were
    talked about that day.
    """
    ids = None if client_ids is None else list(client_ids)
    return _merge_latest(
        _max_by_client(session, Interaction.occurred_at, ids),
        _max_by_client(session, CheckIn.sent_at, ids),
        _max_by_client(session, Appointment.start, ids, Appointment.status.in_(_HELD)),
        _max_by_client(
            session,
            CheckInConsent.recorded_on,
            ids,
            CheckInConsent.state == ConsentState.GIVEN,
        ),
    )


def next_due_on(
    last_contact_on: dt.date | None, interval_days: int | None, fallback: dt.date
) -> dt.date:
    """An interval after the last contact (``fallback`` when there was none)."""
    base = last_contact_on or fallback
    return base + dt.timedelta(days=interval_days or DEFAULT_INTERVAL_DAYS)


class CheckInSort(StrEnum):
    """What the list of check-ins due can be ordered by (each also turned around)."""

    DUE = "due"  # the longest overdue first
    CLIENT = "client"
    LAST_CONTACT = "last_contact"
    EVERY = "every"
    CHANNEL = "channel"


def _checkin_key(sort: CheckInSort) -> Any:
    match sort:
        case CheckInSort.DUE:
            return lambda r: (r.due_on, fold(r.client_name), r.client_id)
        case CheckInSort.CLIENT:
            return lambda r: (fold(r.client_full_name or r.client_name), r.client_id)
        case CheckInSort.LAST_CONTACT:  # never contacted first
            return lambda r: (r.last_contact_on or dt.date.min, r.client_id)
        case CheckInSort.EVERY:
            return lambda r: (r.interval_days, r.client_id)
        case CheckInSort.CHANNEL:
            return lambda r: (r.channel.value if r.channel else "", r.client_id)


def checkins_due(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    text: str = "",
    sort: CheckInSort = CheckInSort.DUE,
    descending: bool = False,
) -> list[CheckInDue]:
    """Consenting clients of ``scope`` whose next check-in has come, the longest overdue
    first (or in the order asked); ``text``: every word in the client's names.

    Only clients whose consent is *given* ever appear. Due is an interval after the
    last logged contact of any kind; a client snoozed past today, or with an
    appointment booked, is left out. The candidates (consenting clients of the scope,
    found by index) are read in SQL; when each is due is worked out here, so the list
    is sorted here too.
    """
    query = _checkin_candidates(scope)
    words = every_word(text, keys=(Client.search_key,))
    if words:
        query = query.where(*words)
    candidates = plain_rows(
        session,
        query,
        {"today": today, "day_start": dt.datetime.combine(today, dt.time())},
    )
    rows: list[CheckInDue] = []
    # Unpacked in the statement's column order (quicker than naming each column).
    for (
        client_id,
        preferred_name,
        full_name,
        created_at,
        interval_days,
        channel,
        email,
        phone,
        *contacts,
    ) in candidates:
        days = [
            value.date() if isinstance(value, dt.datetime) else value
            for value in contacts
            if value is not None
        ]
        last = max(days) if days else None
        interval = interval_days or DEFAULT_INTERVAL_DAYS
        due = next_due_on(last, interval, created_at.date())
        if due > today:
            continue
        rows.append(
            CheckInDue(
                client_id=client_id,
                client_name=preferred_name,
                due_on=due,
                last_contact_on=last,
                interval_days=interval,
                channel=channel,
                client_full_name=full_name,
                email=email,
                phone=phone,
            )
        )
    return sorted(rows, key=_checkin_key(sort), reverse=descending)


@cache
def _checkin_candidates(scope: Scope = WHOLE_PRACTICE) -> Select:
    """Consenting clients, neither snoozed past ``today`` nor booked from ``day_start`` on,
    each with the day of every kind of contact ``last_contacts`` counts (built once:
    Today reads it on every refresh)."""
    booked = (
        select(Appointment.id)
        .where(
            Appointment.client_id == Client.id,
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.start >= bindparam("day_start"),
        )
        .exists()
    )

    def latest(column: Any, *conditions: Any) -> Any:
        return (
            select(func.max(column))
            .where(column.class_.client_id == Client.id, *conditions)
            .scalar_subquery()
        )

    return select(
        Client.id,
        Client.preferred_name,
        Client.full_name,
        Client.created_at,
        Client.checkin_interval_days,
        Client.checkin_channel,
        Client.email,
        Client.phone,
        latest(Interaction.occurred_at).label("interaction_at"),
        latest(CheckIn.sent_at).label("checkin_at"),
        latest(Appointment.start, Appointment.status.in_(_HELD)).label("held_at"),
        latest(CheckInConsent.recorded_on, CheckInConsent.state == ConsentState.GIVEN).label(
            "consent_on"
        ),
    ).where(
        Client.checkin_consent == ConsentState.GIVEN,
        scope.client_condition(),
        or_(
            Client.checkin_snoozed_until.is_(None),
            Client.checkin_snoozed_until <= bindparam("today"),
        ),
        ~booked,
    )


def checkin_status(session: Session, client_id: int, *, today: dt.date) -> CheckInStatus:
    """The client's consent (with its history), the check-ins sent, and the next due date."""
    client = _client(session, client_id)
    events = session.scalars(
        select(CheckInConsent)
        .where(CheckInConsent.client_id == client_id)
        .order_by(CheckInConsent.recorded_on.desc(), CheckInConsent.id.desc())
    ).all()
    sent = session.scalars(
        select(CheckIn)
        .where(CheckIn.client_id == client_id)
        .order_by(CheckIn.sent_at.desc(), CheckIn.id.desc())
    ).all()
    last = last_contacts(session, [client_id]).get(client_id)
    consented = client.checkin_consent is ConsentState.GIVEN
    due = None
    if consented:
        due = next_due_on(last, client.checkin_interval_days, client.created_at.date())
        if client.checkin_snoozed_until is not None and client.checkin_snoozed_until > due:
            due = client.checkin_snoozed_until
    return CheckInStatus(
        client_id=client.id,
        client_name=client.preferred_name,
        consent=client.checkin_consent,
        channel=client.checkin_channel,
        interval_days=client.checkin_interval_days,
        snoozed_until=client.checkin_snoozed_until,
        last_contact_on=last,
        next_due_on=due,
        events=tuple(
            ConsentRow(e.id, e.state, e.recorded_on, e.channel, e.client_words) for e in events
        ),
        sent=tuple(
            CheckInRow(c.id, c.client_id, c.sent_at, c.channel, c.message_text, c.reply_note)
            for c in sent
        ),
    )


def record_consent(
    session: Session,
    client_id: int,
    state: ConsentState,
    *,
    recorded_on: dt.date,
    today: dt.date,
    channel: ContactChannel | None = None,
    client_words: str = "",
    interval_days: int | None = None,
) -> CheckInStatus:
    """Record a consent event and make it the client's current consent, in one go.

    Given needs a channel and an interval; withdrawn stops check-ins at once (and
    clears any snooze). Raises ValidationError (nothing stored) for bad input.
    """
    client = _client(session, client_id)
    client_words = client_words.strip()
    errors: list[FieldError] = []
    if state not in (
        ConsentState.ASKED,
        ConsentState.GIVEN,
        ConsentState.DECLINED,
        ConsentState.WITHDRAWN,
    ):
        errors.append(FieldError("state", "Choose asked, given, declined or withdrawn."))
    elif state is ConsentState.WITHDRAWN and client.checkin_consent is not ConsentState.GIVEN:
        errors.append(
            FieldError(
                "state",
                f"{client.preferred_name} has no consent to withdraw (it is "
                f"{CONSENT_LABELS[client.checkin_consent].lower()}); record declined instead.",
            )
        )
    if state is ConsentState.GIVEN:
        if channel is None:
            errors.append(
                FieldError("channel", f"Choose how {client.preferred_name} would like to hear.")
            )
        if interval_days is None:
            errors.append(FieldError("interval_days", "Choose how often to check in."))
    if channel is not None and not isinstance(channel, ContactChannel):
        errors.append(FieldError("channel", "Choose a channel from the list."))
    if interval_days is not None and (
        isinstance(interval_days, bool)
        or not isinstance(interval_days, int)
        or not MIN_INTERVAL_DAYS <= interval_days <= MAX_INTERVAL_DAYS
    ):
        errors.append(
            FieldError(
                "interval_days",
                f"Check in every {MIN_INTERVAL_DAYS} to {MAX_INTERVAL_DAYS} days.",
            )
        )
    if not _is_date(recorded_on):
        errors.append(FieldError("recorded_on", "Enter the day the client said it."))
    elif recorded_on > today:
        errors.append(FieldError("recorded_on", "Consent cannot be recorded in the future."))
    else:
        latest = session.execute(
            select(CheckInConsent.recorded_on, CheckInConsent.state)
            .where(CheckInConsent.client_id == client.id)
            .order_by(CheckInConsent.recorded_on.desc(), CheckInConsent.id.desc())
            .limit(1)
        ).first()
        # The newest answer is the client's current one: an older date would contradict it.
        if latest is not None and recorded_on < latest.recorded_on:
            errors.append(
                FieldError(
                    "recorded_on",
                    f"{client.preferred_name}'s answer was last recorded on "
                    f"{day_text(latest.recorded_on, _locale(session))} "
                    f"({CONSENT_LABELS[latest.state].lower()}); "
                    "a new answer cannot be dated before that.",
                )
            )
    _text_problem(errors, "client_words", "The client's words", client_words, MAX_WORDS, True)
    _raise(errors)
    event = CheckInConsent(
        client_id=client.id,
        state=state,
        recorded_on=recorded_on,
        channel=channel,
        client_words=client_words,
    )
    session.add(event)
    session.flush()
    audit.record(
        session,
        AuditAction.CREATE,
        "checkin_consent",
        event.id,
        ("state", "recorded_on", "channel", "client_words"),
    )
    values: dict[str, object] = {"checkin_consent": state}
    if state is ConsentState.GIVEN:
        values["checkin_channel"] = channel
        values["checkin_interval_days"] = interval_days
    else:
        values["checkin_snoozed_until"] = None
    audit.apply_changes(session, client, "client", client.id, values)
    return checkin_status(session, client.id, today=today)


def _refuse_without_consent(client: Client) -> None:
    if client.checkin_consent is ConsentState.GIVEN:
        return
    name = client.preferred_name
    match client.checkin_consent:
        case ConsentState.WITHDRAWN:
            message = (
                f"{name} has withdrawn consent to check-ins, so this one was not logged and "
                "nothing was stored. Please do not send it."
            )
        case ConsentState.DECLINED:
            message = f"{name} declined check-ins, so none can be sent or logged."
        case _:
            message = (
                f"{name} has not given consent to check-ins yet. Ask first, and record their "
                "answer."
            )
    raise ValidationError.single("consent", message)


def validate_checkin_template(text: str) -> list[FieldError]:
    """The problems with a check-in template (none when it can be used)."""
    field = "checkin_template"
    if not isinstance(text, str) or not text.strip():
        return [FieldError(field, "The message cannot be empty.")]
    problem = check_text(field, "The message", text, max_length=MAX_TEMPLATE, multiline=True)
    if problem:
        return [problem]
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError:
        return [
            FieldError(
                field,
                "The message has a { or } that does not belong to a placeholder. Write "
                "{preferred_name} or {practitioner}; for a brace itself write {{ or }}.",
            )
        ]
    for _literal, name, spec, conversion in pieces:
        if name is None:
            continue
        if name not in TEMPLATE_PLACEHOLDERS or spec or conversion:
            return [
                FieldError(
                    field,
                    f"Unknown placeholder {{{name}}}: use {{preferred_name}} or {{practitioner}}.",
                )
            ]
    return []


def checkin_template(session: Session) -> str:
    row = session.get(PracticeSettings, 1)
    template = (row.checkin_template if row else None) or DEFAULT_CHECKIN_TEMPLATE
    # Stored by something other than update_checkin_template: never render it.
    return DEFAULT_CHECKIN_TEMPLATE if validate_checkin_template(template) else template


def render_checkin(template: str, *, preferred_name: str, practitioner: str) -> str:
    """The template with its placeholders filled in (a validated template only)."""
    values = {"preferred_name": preferred_name, "practitioner": practitioner}
    text = "".join(
        literal + (values[name] if name is not None else "")
        for literal, name, _spec, _conversion in string.Formatter().parse(template)
    )
    return _SPACE_RUNS.sub(" ", text).strip()


def update_checkin_template(session: Session, text: str) -> list[Hit]:
    """Store the practice's check-in wording; returns the language check's findings on it."""
    errors = validate_checkin_template(text)
    _raise(errors)
    row = session.get(PracticeSettings, 1)
    if row is None:
        row = PracticeSettings(id=1)
        session.add(row)
        session.flush()
    audit.apply_changes(session, row, "practice_settings", 1, {"checkin_template": text.strip()})
    return load_checker(session).check(row.checkin_template)


def draft_checkin(session: Session, client_id: int) -> CheckInDraft:
    """A check-in from the practice's template, by preferred name, with the language check.

    Writes nothing. Raises ValidationError when the client has not consented.
    """
    client = _client(session, client_id)
    _refuse_without_consent(client)
    text = render_checkin(
        checkin_template(session),
        preferred_name=client.preferred_name,
        practitioner=_current_practitioner_name(session, client),
    )
    return CheckInDraft(
        client_id=client.id,
        client_name=client.preferred_name,
        channel=client.checkin_channel,
        text=text,
        hits=load_checker(session).check(text),
        email=client.email,
        phone=client.phone,
    )


def log_checkin(
    session: Session,
    client_id: int,
    channel: ContactChannel,
    text: str,
    sent_at: dt.datetime,
    *,
    reply_note: str = "",
) -> CheckInRow:
    """Log a check-in as sent; the next one falls due an interval from it.

    Refused (ValidationError, nothing stored) unless the client's consent is given
    *now*: consent withdrawn while the draft was open stops it here.
    """
    client = _client(session, client_id)
    _refuse_without_consent(client)
    text = text.strip()
    errors: list[FieldError] = []
    if not text:
        errors.append(FieldError("message_text", "The message is empty; write a line or two."))
    _text_problem(errors, "message_text", "The message", text, MAX_MESSAGE, True)
    _text_problem(errors, "reply_note", "The reply", reply_note, MAX_WORDS, True)
    if not isinstance(channel, ContactChannel):
        errors.append(FieldError("channel", "Choose how it was sent."))
    if not isinstance(sent_at, dt.datetime):
        errors.append(FieldError("sent_at", "Enter when it was sent."))
    elif sent_at > dt.datetime.now() + dt.timedelta(days=MAX_DAYS_AHEAD):
        errors.append(
            FieldError("sent_at", "This is more than a day in the future; please check it.")
        )
    _raise(errors)
    row = CheckIn(
        client_id=client.id,
        sent_at=sent_at,
        channel=channel,
        message_text=text,
        reply_note=reply_note.strip(),
    )
    session.add(row)
    session.flush()
    audit.record(
        session, AuditAction.CREATE, "checkin", row.id, ("sent_at", "channel", "message_text")
    )
    if client.checkin_snoozed_until is not None:
        audit.apply_changes(session, client, "client", client.id, {"checkin_snoozed_until": None})
    return CheckInRow(
        row.id, row.client_id, row.sent_at, row.channel, row.message_text, row.reply_note
    )


def snooze_checkin(
    session: Session, client_id: int, until: dt.date, *, today: dt.date
) -> CheckInStatus:
    """Leave a due check-in until ``until`` (it comes back that day)."""
    client = _client(session, client_id)
    _refuse_without_consent(client)
    errors: list[FieldError] = []
    if not _is_date(until):
        errors.append(FieldError("until", "Choose the day it should come back."))
    elif until <= today:
        errors.append(
            FieldError("until", "Choose a day after today; a snooze until today changes nothing.")
        )
    elif until > today + dt.timedelta(days=MAX_SNOOZE_DAYS):
        errors.append(
            FieldError(
                "until",
                "That is more than a year away; if check-ins no longer fit, ask whether "
                f"{client.preferred_name} still wants them.",
            )
        )
    _raise(errors)
    audit.apply_changes(session, client, "client", client.id, {"checkin_snoozed_until": until})
    return checkin_status(session, client.id, today=today)


# --------------------------------------------------------------------------
# Contact attempts
# --------------------------------------------------------------------------


def record_contact_attempt(
    session: Session, client_id: int, *, occurred_at: dt.datetime, note: str, now: dt.datetime
) -> int:
    """Log a call or message that was not returned; returns how many are unreturned now.

    Kept as a final interaction of kind contact attempt: there was no conversation,
    so there is no checklist to answer. It never changes the client's status.
    """
    client = _client(session, client_id)
    note = note.strip() or "No answer."
    errors: list[FieldError] = []
    _text_problem(errors, "note", "The note", note, MAX_WORDS, True)
    if not isinstance(occurred_at, dt.datetime):
        errors.append(FieldError("occurred_at", "Enter when you tried."))
    elif occurred_at > now + dt.timedelta(days=MAX_DAYS_AHEAD):
        errors.append(
            FieldError("occurred_at", "This is more than a day in the future; please check it.")
        )
    _raise(errors)
    interaction = Interaction(
        client_id=client.id,
        practitioner_id=_current_practitioner_id(session),
        kind=InteractionKind.CONTACT_ATTEMPT,
        occurred_at=occurred_at,
        notes=note,
        state=InteractionState.FINAL,
        finalised_at=now,
    )
    session.add(interaction)
    session.flush()
    audit.record(
        session, AuditAction.CREATE, "interaction", interaction.id, ("kind", "occurred_at", "notes")
    )
    return unreturned_attempts(session, client.id)


def _unreturned(attempt: Any) -> ColumnElement[bool]:
    """``attempt`` (an Interaction, or an alias of it) is a contact attempt the client has
    not answered: no real contact with them (a reply, a call, a session held) at or after
    it. Checked per attempt by index: the client's interactions and appointments by
    time."""
    real = aliased(Interaction)
    replied = (
        select(real.id)
        .where(
            real.client_id == attempt.client_id,
            real.occurred_at >= attempt.occurred_at,
            real.kind.in_(_REAL_CONTACT_KINDS),
        )
        .exists()
    )
    seen = (
        select(Appointment.id)
        .where(
            Appointment.client_id == attempt.client_id,
            Appointment.status.in_(_HELD),
            Appointment.start >= attempt.occurred_at,
        )
        .exists()
    )
    return and_(attempt.kind == InteractionKind.CONTACT_ATTEMPT, ~replied, ~seen)


def _unreturned_count(client_id: Any) -> Any:
    """A scalar subquery: how many contact attempts to ``client_id`` are unreturned."""
    attempt = aliased(Interaction)
    return (
        select(func.count(attempt.id))
        .where(attempt.client_id == client_id, _unreturned(attempt))
        .scalar_subquery()
    )


def unreturned_attempts(session: Session, client_id: int) -> int:
    """How many calls or messages to the client are unreturned since they last got in touch."""
    return int(session.scalar(select(_unreturned_count(bindparam("client_id", client_id)))) or 0)


def attempt_suggestion(
    name: str,
    status: ClientStatus,
    attempts: int,
    since: dt.date,
    locale: str = locale_format.DEFAULT_LOCALE,
) -> str:
    """The gentle suggestion for someone who has not returned ``attempts`` calls or messages.

    The date in it is written for ``locale`` (the practice's).
    """
    tried = f"{attempts} calls or messages since {day_text(since, locale)} have not been returned."
    if status is ClientStatus.PROSPECT:
        return (
            f"{tried} Perhaps one last friendly note to {name} that the door stays open, and "
            "then let it rest \u2014 there is always the next prospect."
        )
    return (
        f"{tried} Perhaps one short, warm note that you are there when {name} is ready, "
        "and then give them space. Their choice is to be respected."
    )


class AttemptSort(StrEnum):
    """What the list of unreturned contact attempts can be ordered by."""

    ATTEMPTS = "attempts"  # the most attempts first, then the longest waiting
    CLIENT = "client"
    STATUS = "status"
    LAST = "last"


#: Who can be suggested to let it rest: prospects and clients not closed.
_SUGGESTED_STATUSES = (ClientStatus.PROSPECT, ClientStatus.ACTIVE, ClientStatus.PAUSED)


def _attempts_query(scope: Scope, text: str) -> tuple[Select, dict[str, Any]]:
    """Everyone of ``scope`` with several unreturned attempts, with how many and when the
    first and the last were; and the aggregates to order by."""
    attempts = func.count(Interaction.id)
    first = func.min(Interaction.occurred_at)
    last = func.max(Interaction.occurred_at)
    # Only someone with that many attempts in all can have that many unreturned: found
    # from the index of attempts alone, before each attempt is checked against the
    # client's later contacts.
    tried_often = (
        select(Interaction.client_id)
        .where(Interaction.kind == InteractionKind.CONTACT_ATTEMPT)
        .group_by(Interaction.client_id)
        .having(func.count() >= ATTEMPTS_BEFORE_SUGGESTION)
    )
    if not scope.whole_practice:
        tried_often = tried_often.where(Interaction.client_id.in_(scope.client_ids()))
    query = (
        select(
            Client.id,
            Client.preferred_name,
            Client.full_name,
            Client.status,
            attempts.label("attempts"),
            first.label("first_at"),
            last.label("last_at"),
        )
        .join(Client, Client.id == Interaction.client_id)
        .where(
            Interaction.client_id.in_(tried_often),
            _unreturned(Interaction),
            Client.status.in_(_SUGGESTED_STATUSES),
            scope.client_condition(),
            *every_word(text, keys=(Client.search_key,)),
        )
        .group_by(Client.id, Client.preferred_name, Client.full_name, Client.status)
        .having(attempts >= ATTEMPTS_BEFORE_SUGGESTION)
    )
    return query, {"attempts": attempts, "first": first, "last": last}


def _attempt_order(sort: AttemptSort, descending: bool, aggregates: dict[str, Any]) -> list[Any]:
    keys: list[SortKey]
    match sort:
        case AttemptSort.ATTEMPTS:
            keys = [(aggregates["attempts"], True), aggregates["first"]]
        case AttemptSort.CLIENT:
            keys = [func.lower(Client.full_name)]
        case AttemptSort.STATUS:
            keys = [Client.status]
        case AttemptSort.LAST:
            keys = [aggregates["last"]]
    return ordered(keys, Client.id, descending)


def contact_attempt_suggestions(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    text: str = "",
    sort: AttemptSort = AttemptSort.ATTEMPTS,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[AttemptRow]:
    """Prospects and clients of ``scope`` with several unreturned attempts in a row, most
    attempts first (or in the order asked); ``offset``/``limit``: one page. Counted,
    filtered and ordered in SQL.

    A suggestion only: nobody's status is ever changed here.
    """
    query, aggregates = _attempts_query(scope, text)
    query = query.order_by(*_attempt_order(sort, descending, aggregates))
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    rows = plain_rows(session, query)
    if not rows:
        return []
    locale = _locale(session)
    listed = []
    for client_id, preferred_name, full_name, status, attempts, first_at, last_at in rows:
        first = _as_datetime(first_at).date()
        listed.append(
            AttemptRow(
                client_id=client_id,
                client_name=preferred_name,
                status=status,
                attempts=attempts,
                first_attempt_on=first,
                last_attempt_on=_as_datetime(last_at).date(),
                suggestion=attempt_suggestion(preferred_name, status, attempts, first, locale),
                client_full_name=full_name,
            )
        )
    return listed


def count_attempt_suggestions(
    session: Session, *, scope: Scope = WHOLE_PRACTICE, text: str = ""
) -> int:
    """How many people ``contact_attempt_suggestions`` lists without a limit."""
    return count_rows(session, _attempts_query(scope, text)[0])


def _as_datetime(value: object) -> dt.datetime:
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value


# --------------------------------------------------------------------------
# The prospects pipeline
# --------------------------------------------------------------------------


def _inquired_on(client: Client) -> dt.date:
    return client.inquired_on or client.created_at.date()


def _has_appointment(statuses: Sequence[AppointmentStatus]) -> ColumnElement[bool]:
    """The client (of the enclosing query) has an appointment in one of ``statuses``."""
    return (
        select(Appointment.id)
        .where(Appointment.client_id == Client.id, Appointment.status.in_(statuses))
        .exists()
    )


def _stage_case() -> Any:
    """``_stage`` in SQL, over the client of the enclosing query."""
    consulted = _has_appointment(_CONSULTATION_APPOINTMENTS)
    return case(
        (
            Client.status == ClientStatus.PROSPECT,
            case(
                (
                    or_(Client.prospect_stage == ProspectStage.CONSULTATION, consulted),
                    PipelineStage.CONSULTATION.value,
                ),
                else_=PipelineStage.INQUIRY.value,
            ),
        ),
        (Client.status == ClientStatus.DECLINED, PipelineStage.DECLINED.value),
        (
            and_(Client.status == ClientStatus.CLOSED, ~_has_appointment(_HELD)),
            PipelineStage.DECLINED.value,  # closed before the work began
        ),
        else_=PipelineStage.CLIENT.value,
    )


def _stage(client: Client, consulted: bool, started: bool) -> PipelineStage:
    if client.status is ClientStatus.PROSPECT:
        if client.prospect_stage is ProspectStage.CONSULTATION or consulted:
            return PipelineStage.CONSULTATION
        return PipelineStage.INQUIRY
    if client.status is ClientStatus.DECLINED:
        return PipelineStage.DECLINED
    if client.status is ClientStatus.CLOSED and not started:
        return PipelineStage.DECLINED  # closed before the work began: did not go ahead
    return PipelineStage.CLIENT


class ProspectSort(StrEnum):
    """What the prospects pipeline can be ordered by (each also turned around)."""

    INQUIRED = "inquired"  # who got in touch first (the longest waiting) first
    CLIENT = "client"
    STAGE = "stage"
    UNRETURNED = "unreturned"


def _prospects_query(scope: Scope, text: str) -> Select:
    """Open prospects of ``scope`` (no order), with their stage and unreturned attempts."""
    return select(
        Client.id,
        Client.preferred_name,
        Client.full_name,
        Client.inquired_on,
        Client.created_at,
        Client.declined_reason,
        _stage_case().label("stage"),
        _unreturned_count(Client.id).label("unreturned"),
    ).where(
        Client.status == ClientStatus.PROSPECT,
        scope.client_condition(),
        *every_word(text, keys=(Client.search_key,)),
    )


def _prospect_order(sort: ProspectSort, descending: bool) -> list[Any]:
    keys: list[SortKey]
    match sort:
        case ProspectSort.INQUIRED:
            keys = [func.coalesce(Client.inquired_on, Client.created_at)]
        case ProspectSort.CLIENT:
            keys = [func.lower(Client.full_name)]
        case ProspectSort.STAGE:  # inquiry, then consultation
            keys = [
                case(
                    (_stage_case() == PipelineStage.CONSULTATION.value, 1),
                    else_=0,
                ),
                func.coalesce(Client.inquired_on, Client.created_at),
            ]
        case ProspectSort.UNRETURNED:
            keys = [_unreturned_count(Client.id)]
    return ordered(keys, Client.id, descending)


def prospects_pipeline(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    text: str = "",
    sort: ProspectSort = ProspectSort.INQUIRED,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[ProspectRow]:
    """Open prospects (inquiry or consultation) of ``scope``, those waiting longest
    first (or in the order asked); ``text``: every word in their names; ``offset``/
    ``limit``: one page. Filtered and ordered in SQL."""
    query = _prospects_query(scope, text).order_by(*_prospect_order(sort, descending))
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    rows = []
    for client_id, preferred, full, inquired, created, reason, stage, unreturned in plain_rows(
        session, query
    ):
        inquired_on = inquired or _as_datetime(created).date()
        rows.append(
            ProspectRow(
                client_id=client_id,
                client_name=preferred,
                stage=PipelineStage(stage),
                inquired_on=inquired_on,
                waiting_days=max(0, (today - inquired_on).days),
                unreturned_attempts=int(unreturned or 0),
                declined_reason=reason,
                client_full_name=full,
            )
        )
    return rows


def prospect_stage_counts(
    session: Session, *, scope: Scope = WHOLE_PRACTICE, text: str = ""
) -> dict[PipelineStage, int]:
    """How many open prospects of ``scope`` are at each stage (inquiry, consultation)."""
    listed = _prospects_query(scope, text).subquery()
    counts = {PipelineStage.INQUIRY: 0, PipelineStage.CONSULTATION: 0}
    for stage, count in plain_rows(
        session, select(listed.c.stage, func.count()).group_by(listed.c.stage)
    ):
        counts[PipelineStage(stage)] = int(count)
    return counts


def prospect_position(
    session: Session,
    client_id: int,
    *,
    scope: Scope = WHOLE_PRACTICE,
    text: str = "",
    sort: ProspectSort = ProspectSort.INQUIRED,
    descending: bool = False,
) -> int | None:
    """Where ``client_id`` is in ``prospects_pipeline`` (from 0); None if not listed."""
    query = position(_prospects_query(scope, text), _prospect_order(sort, descending), Client.id)
    rows = plain_rows(session, query, {"row_id": client_id})
    return int(rows[0][0]) if rows else None


def set_prospect_stage(
    session: Session,
    client_id: int,
    stage: PipelineStage,
    *,
    today: dt.date,
    reason: str = "",
) -> PipelineStage:
    """Move someone along the pipeline: consultation, became a client, or declined (with why).

    Declined needs a reason. Uses the client status rules (a declined prospect may
    come back as an inquiry). Raises ValidationError (nothing stored).
    """
    client = _client(session, client_id)
    reason = clean_line(reason)
    errors: list[FieldError] = []
    target_status = {
        PipelineStage.INQUIRY: ClientStatus.PROSPECT,
        PipelineStage.CONSULTATION: ClientStatus.PROSPECT,
        PipelineStage.CLIENT: ClientStatus.ACTIVE,
        PipelineStage.DECLINED: ClientStatus.DECLINED,
    }.get(stage)
    if target_status is None:
        errors.append(FieldError("stage", "Choose inquiry, consultation, client or declined."))
    elif (
        target_status is not client.status
        and target_status not in STATUS_TRANSITIONS[client.status]
    ):
        errors.append(
            FieldError(
                "stage",
                f"{client.preferred_name} is {client.status.value}, so they cannot move to "
                f"{STAGE_LABELS[stage].lower()} from here.",
            )
        )
    elif client.status not in (ClientStatus.PROSPECT, ClientStatus.DECLINED):
        errors.append(FieldError("stage", f"{client.preferred_name} is already a client."))
    if stage is PipelineStage.DECLINED and not reason:
        errors.append(
            FieldError(
                "declined_reason",
                "Note briefly why they decided not to go ahead, in their words if you can; "
                "it shows patterns, and is never a reason to chase.",
            )
        )
    _text_problem(errors, "declined_reason", "The reason", reason, MAX_REASON, False)
    _raise(errors)
    assert target_status is not None
    values: dict[str, object] = {"status": target_status}
    if target_status is not client.status:
        values["status_changed_on"] = today
    if stage is PipelineStage.CONSULTATION:
        values["prospect_stage"] = ProspectStage.CONSULTATION
    elif stage is PipelineStage.INQUIRY:
        values["prospect_stage"] = ProspectStage.INQUIRY
    if stage is PipelineStage.DECLINED:
        values["declined_reason"] = reason
    if client.inquired_on is None:
        values["inquired_on"] = _inquired_on(client)
    audit.apply_changes(session, client, "client", client.id, values)
    return stage


def prospect_conversion(
    session: Session, start: dt.date, end: dt.date, *, scope: Scope = WHOLE_PRACTICE
) -> ProspectConversion:
    """What became of the people of ``scope`` who got in touch from ``start`` to ``end``
    (inclusive): counted in SQL (the day they got in touch is the day they were added
    when it was not recorded)."""
    if end < start:
        raise ValidationError.single("end", "The end of the period is before its start.")
    in_period = or_(
        and_(
            Client.inquired_on.is_not(None),
            Client.inquired_on >= start,
            Client.inquired_on <= end,
        ),
        and_(
            Client.inquired_on.is_(None),
            Client.created_at >= dt.datetime.combine(start, dt.time()),
            Client.created_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
        ),
    )
    people = (
        select(
            _stage_case().label("stage"),
            case((_has_appointment(_CONSULTATION_APPOINTMENTS), 1), else_=0).label("consulted"),
            Client.declined_reason,
        )
        .where(in_period, scope.client_condition())
        .subquery()
    )
    # One statement: by stage, whether they came to a consultation, and the reason given
    # (only the declined have one; the others' reasons are blanked to group them).
    reason = case(
        (people.c.stage == PipelineStage.DECLINED.value, people.c.declined_reason), else_=""
    )
    counts: dict[PipelineStage, int] = dict.fromkeys(PipelineStage, 0)
    consulted = 0
    reasons: dict[str, int] = {}
    for stage, was_consulted, said, count in plain_rows(
        session,
        select(people.c.stage, people.c.consulted, reason, func.count()).group_by(
            people.c.stage, people.c.consulted, reason
        ),
    ):
        stage = PipelineStage(stage)
        counts[stage] += int(count)
        if was_consulted or stage in (PipelineStage.CONSULTATION, PipelineStage.CLIENT):
            consulted += int(count)
        if stage is PipelineStage.DECLINED:
            said = (said or "").strip() or "No reason noted"
            reasons[said] = reasons.get(said, 0) + int(count)
    return ProspectConversion(
        start=start,
        end=end,
        inquiries=sum(counts.values()),
        consultations=consulted,
        became_clients=counts[PipelineStage.CLIENT],
        declined=counts[PipelineStage.DECLINED],
        still_open=counts[PipelineStage.INQUIRY] + counts[PipelineStage.CONSULTATION],
        declined_reasons=tuple(sorted(reasons.items(), key=lambda item: (-item[1], item[0]))),
    )


# --------------------------------------------------------------------------
# The pre-session brief (on screen)
# --------------------------------------------------------------------------


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
    next_appointment: dt.datetime | None
    last_session: LastSession | None
    facts: tuple[tuple[dt.date, str], ...]
    expectations: tuple[ExpectationRow, ...]
    issues: tuple[IssueRow, ...]
    money: MoneyNote | None
    referrals: tuple[ReferralLine, ...] | None  # None: the referrals module is not there
    checkins: CheckInStatus
    unreturned_attempts: int
    first_session: bool

    @property
    def set_expectations(self) -> bool:
        """Principle 14 applies: a first session, or an expectation due for review."""
        return self.first_session or any(e.due for e in self.expectations)


def _last_session(session: Session, client_id: int) -> LastSession | None:
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
        row.occurred_at, row.kind, row.notes, row.client_words, row.next_steps, row.more_helpful
    )


def _money_note(session: Session, client_id: int, today: dt.date) -> MoneyNote | None:
    try:
        from clientcare import money

        ageing = money.client_ageing(session, client_id, today=today)
        plan = money.active_plan(session, client_id, today=today)
    except (ImportError, AttributeError):  # pragma: no cover - the money module is optional here
        return None
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
        locale = _locale(session)
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


def _referral_lines(
    session: Session, client_id: int, today: dt.date
) -> tuple[ReferralLine, ...] | None:
    try:
        from clientcare import referrals

        rows = referrals.list_referrals(session, today=today, open_only=True, client_id=client_id)
        labels = referrals.STATUS_LABELS
    except (ImportError, AttributeError, TypeError):  # another engineer's module, optional
        return None
    return tuple(
        ReferralLine(
            provider_name=r.provider_name,
            status=labels.get(r.status, str(r.status)),
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


def brief_for(session: Session, client_id: int, *, today: dt.date) -> Brief:
    """The on-screen pre-session brief; raises NotFoundError if the client is gone."""
    client = _client(session, client_id)
    next_start = session.scalar(
        select(func.min(Appointment.start)).where(
            Appointment.client_id == client_id,
            Appointment.status.in_((AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED)),
            Appointment.start >= dt.datetime.combine(today, dt.time()),
        )
    )
    if isinstance(next_start, str):
        next_start = dt.datetime.fromisoformat(next_start)
    facts = session.execute(
        select(ClientFact.noted_on, ClientFact.text)
        .where(ClientFact.client_id == client_id)
        .order_by(ClientFact.noted_on.desc(), ClientFact.id.desc())
    ).all()
    return Brief(
        client_id=client.id,
        full_name=client.full_name,
        preferred_name=client.preferred_name,
        pronunciation=client.pronunciation,
        pronouns=client.pronouns,
        status=client.status,
        next_appointment=next_start,
        last_session=_last_session(session, client_id),
        facts=tuple((day, text) for day, text in facts),
        expectations=tuple(open_expectations(session, today=today, client_id=client_id)),
        issues=tuple(client_issues(session, client_id, today=today)),
        money=_money_note(session, client_id, today),
        referrals=_referral_lines(session, client_id, today),
        checkins=checkin_status(session, client_id, today=today),
        unreturned_attempts=unreturned_attempts(session, client_id),
        first_session=_is_first_session(session, client_id),
    )
