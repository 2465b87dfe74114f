"""Contact attempts: unreturned calls and messages, counted.

Several in a row bring a gentle suggestion, never an automatic status change ("there is
always the next prospect").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, func, select
from sqlalchemy.orm import Session, aliased

from clientcare import audit, locale_format
from clientcare.db.engine import count_rows, plain_rows
from clientcare.db.lists import SortKey, every_word, ordered
from clientcare.db.models import (
    Appointment,
    AuditAction,
    Client,
    ClientStatus,
    Interaction,
    InteractionKind,
    InteractionState,
)
from clientcare.errors import FieldError
from clientcare.followups._common import (
    _HELD,
    MAX_DAYS_AHEAD,
    MAX_WORDS,
    AnySelect,
    _as_datetime,
    _client,
    _current_practitioner_id,
    _locale,
    _raise,
    _text_problem,
    day_text,
)
from clientcare.scope import WHOLE_PRACTICE, Scope

#: Unreturned calls or messages in a row before the app suggests letting it rest.
ATTEMPTS_BEFORE_SUGGESTION = 3


_REAL_CONTACT_KINDS = (
    InteractionKind.SESSION,
    InteractionKind.PHONE_CALL,
    InteractionKind.MESSAGE,
    InteractionKind.EMAIL,
)


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


def _attempts_query(scope: Scope, text: str) -> tuple[AnySelect, dict[str, Any]]:
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
