"""Expectations, written down and reviewed (seed 001: "we had assumed")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, case, func, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.engine import count_rows, limited, plain_rows
from clientcare.db.lists import SortKey, every_word, nulls_last, ordered, position
from clientcare.db.models import (
    AuditAction,
    Client,
    Expectation,
    ExpectationOutcome,
    SetBy,
)
from clientcare.errors import FieldError, NotFoundError
from clientcare.followups._common import (
    MAX_NOTE,
    AnySelect,
    _client,
    _is_date,
    _locale,
    _raise,
    _text_problem,
    day_text,
)
from clientcare.scope import WHOLE_PRACTICE, Scope

MAX_EXPECTATION = 2_000


SET_BY_LABELS: dict[SetBy, str] = {SetBy.PRACTICE: "The practice", SetBy.CLIENT: "The client"}
OUTCOME_LABELS: dict[ExpectationOutcome, str] = {
    ExpectationOutcome.OPEN: "Not reviewed yet",
    ExpectationOutcome.MET: "Met",
    ExpectationOutcome.NOT_MET: "Not met",
    ExpectationOutcome.CHANGED: "Changed",
}


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


def _open_expectations_query(client_id: int | None = None) -> AnySelect:
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
def _expectations_due(scope: Scope = WHOLE_PRACTICE) -> AnySelect:
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


def _expectations_query(client_id: int | None, text: str, scope: Scope) -> AnySelect:
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
