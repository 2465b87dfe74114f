"""Money conversations: what was said, the client's own words, what was agreed, and
the follow-ups due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.engine import count_rows, limited, plain_rows
from clientcare.db.models import AuditAction, Client, Interaction, MoneyConversation, MoneyTopic
from clientcare.errors import FieldError, NotFoundError
from clientcare.money._shared import _client, _date, _raise, _text
from clientcare.scope import WHOLE_PRACTICE, Scope

TOPIC_LABELS: dict[MoneyTopic, str] = {
    MoneyTopic.FEE: "Fee",
    MoneyTopic.SLIDING_SCALE: "Sliding scale",
    MoneyTopic.PAYMENT_PLAN: "Payment plan",
    MoneyTopic.OVERDUE_BALANCE: "Balance from earlier sessions",
    MoneyTopic.INSURANCE: "Insurance",
    MoneyTopic.OTHER: "Other",
}


@dataclass(frozen=True)
class ConversationInput:
    client_id: int
    held_on: dt.date
    topic: MoneyTopic
    summary: str = ""
    client_words: str = ""
    agreed_outcome: str = ""
    follow_up_on: dt.date | None = None
    interaction_id: int | None = None


@dataclass(frozen=True)
class ConversationRow:
    id: int
    client_id: int
    client_name: str
    interaction_id: int | None
    held_on: dt.date
    topic: MoneyTopic
    summary: str
    client_words: str
    agreed_outcome: str
    follow_up_on: dt.date | None
    follow_up_done_on: dt.date | None
    #: The client's full name (two clients called "Mateo" told apart); "" when not read.
    client_full_name: str = ""

    @property
    def topic_label(self) -> str:
        return TOPIC_LABELS[self.topic]


def _conversation_row(c: MoneyConversation, name: str, full_name: str = "") -> ConversationRow:
    return ConversationRow(
        c.id,
        c.client_id,
        name,
        c.interaction_id,
        c.held_on,
        MoneyTopic(c.topic),
        c.summary,
        c.client_words,
        c.agreed_outcome,
        c.follow_up_on,
        c.follow_up_done_on,
        full_name,
    )


def record_conversation(
    session: Session, data: ConversationInput, conversation_id: int | None = None
) -> ConversationRow:
    """A money conversation: what was said, the client's own words, what was agreed."""
    client = _client(session, data.client_id)
    errors: list[FieldError] = []
    day = _date(errors, "held_on", "The date", data.held_on)
    try:
        topic = MoneyTopic(data.topic)
    except ValueError:
        errors.append(FieldError("topic", "Choose what the conversation was about."))
        topic = MoneyTopic.OTHER
    summary = _text(errors, "summary", "What was said", data.summary)
    words = _text(errors, "client_words", "The client's words", data.client_words)
    outcome = _text(errors, "agreed_outcome", "What was agreed", data.agreed_outcome)
    if not (summary or words or outcome):
        errors.append(FieldError("summary", "Write down what was said (a sentence is enough)."))
    if data.follow_up_on is not None and day != dt.date.min and data.follow_up_on < day:
        errors.append(FieldError("follow_up_on", "The follow-up date is before the conversation."))
    if data.interaction_id is not None:
        interaction = session.get(Interaction, data.interaction_id)
        if interaction is None or interaction.client_id != data.client_id:
            errors.append(FieldError("interaction", "That contact is not this client's."))
    _raise(errors)
    values = {
        "held_on": day,
        "topic": topic,
        "summary": summary,
        "client_words": words,
        "agreed_outcome": outcome,
        "follow_up_on": data.follow_up_on,
        "interaction_id": data.interaction_id,
    }
    if conversation_id is None:
        row = MoneyConversation(client_id=data.client_id, **values)
        session.add(row)
        session.flush()
        audit.record(session, AuditAction.CREATE, "money_conversation", row.id)
    else:
        found = session.get(MoneyConversation, conversation_id)
        if found is None:
            raise NotFoundError(f"Money conversation {conversation_id} no longer exists.")
        row = found
        audit.apply_changes(session, row, "money_conversation", row.id, values)
    return _conversation_row(row, client.preferred_name)


def client_conversations(session: Session, client_id: int) -> list[ConversationRow]:
    client = _client(session, client_id)
    rows = session.scalars(
        select(MoneyConversation)
        .where(MoneyConversation.client_id == client_id)
        .order_by(MoneyConversation.held_on.desc(), MoneyConversation.id.desc())
    )
    return [_conversation_row(r, client.preferred_name) for r in rows]


class FollowUpOrder(StrEnum):
    """The orders the follow-ups list is read in (each then by date and id)."""

    DUE = "due"
    CLIENT = "client"


def conversation_follow_ups_due(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    limit: int | None = None,
    offset: int = 0,
    order: FollowUpOrder = FollowUpOrder.DUE,
    descending: bool = False,
) -> list[ConversationRow]:
    """Money conversations with ``scope``'s clients whose follow-up date has come and that
    aren't followed up yet, the oldest date first (or by client: ``order``); the first
    ``limit`` from ``offset`` when given."""
    query = limited(
        _conversation_follow_ups(scope, FollowUpOrder(order), descending), limit, offset
    )
    rows = plain_rows(session, query, {"today": today})
    return [_conversation_row(row, row.preferred_name, row.full_name) for row in rows]  # type: ignore[arg-type]


def count_conversation_follow_ups_due(
    session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE
) -> int:
    """How many conversations ``conversation_follow_ups_due`` would list without a limit."""
    return count_rows(session, _conversation_follow_ups(scope), {"today": today})


@cache
def _conversation_follow_ups(
    scope: Scope = WHOLE_PRACTICE,
    order: FollowUpOrder = FollowUpOrder.DUE,
    descending: bool = False,
) -> Select[*tuple[Any, ...]]:
    """``conversation_follow_ups_due``'s statement, built once per scope and order (Today
    reads it often)."""
    keys: list[Any] = [func.lower(Client.full_name), Client.id] if order == "client" else []
    keys += [MoneyConversation.follow_up_on, MoneyConversation.id]
    return (
        select(
            MoneyConversation.id,
            MoneyConversation.client_id,
            MoneyConversation.interaction_id,
            MoneyConversation.held_on,
            MoneyConversation.topic,
            MoneyConversation.summary,
            MoneyConversation.client_words,
            MoneyConversation.agreed_outcome,
            MoneyConversation.follow_up_on,
            MoneyConversation.follow_up_done_on,
            Client.preferred_name,
            Client.full_name,
        )
        .join(Client, Client.id == MoneyConversation.client_id)
        .where(
            MoneyConversation.follow_up_on.is_not(None),
            MoneyConversation.follow_up_on <= bindparam("today"),
            MoneyConversation.follow_up_done_on.is_(None),
            scope.client_condition(),
        )
        .order_by(*[key.desc() if descending else key for key in keys])
    )


def complete_follow_up(
    session: Session, conversation_id: int, *, done_on: dt.date
) -> ConversationRow:
    row = session.get(MoneyConversation, conversation_id)
    if row is None:
        raise NotFoundError(f"Money conversation {conversation_id} no longer exists.")
    row.follow_up_done_on = done_on
    session.flush()
    audit.record(session, AuditAction.UPDATE, "money_conversation", row.id, ("follow_up_done_on",))
    return _conversation_row(row, _client(session, row.client_id).preferred_name)
