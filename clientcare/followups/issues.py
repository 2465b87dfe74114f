"""Client issues in triage order, with urgency and the escalation budget.

Issues are triaged (seed 000: "when everything is an escalation, then nothing is"):
most urgent first, then whoever has waited longest. More than a third of the open
issues marked crisis or high is over the *escalation budget*: the queue says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.engine import limited, plain_rows
from clientcare.db.lists import SortKey, every_word, nulls_last, ordered, position
from clientcare.db.models import (
    AuditAction,
    Client,
    ClientIssue,
    IssueStatus,
    Urgency,
)
from clientcare.errors import FieldError, NotFoundError
from clientcare.followups._common import (
    MAX_NOTE,
    MAX_REASON,
    AnySelect,
    _client,
    _is_date,
    _locale,
    _plural,
    _raise,
    _stored_day,
    _text_problem,
    day_text,
)
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import clean_line

MAX_TITLE = 200


MAX_IMPACT = 2_000


URGENCY_LABELS: dict[Urgency, str] = {
    Urgency.CRISIS: "Crisis",
    Urgency.HIGH: "High",
    Urgency.NORMAL: "Normal",
    Urgency.LOW: "Low",
}
URGENCY_ORDER: dict[Urgency, int] = {urgency: rank for rank, urgency in enumerate(Urgency)}
URGENT = frozenset({Urgency.CRISIS, Urgency.HIGH})


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
def _open_issues(scope: Scope = WHOLE_PRACTICE) -> AnySelect:
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
) -> AnySelect:
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
