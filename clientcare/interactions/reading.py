"""Reading interactions: one with its checklist and corrections, a client's list, a draft."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare.db.models import (
    Client,
    Interaction,
    InteractionAddendum,
    InteractionState,
)
from clientcare.errors import NotFoundError
from clientcare.interactions.principles import checklist_for
from clientcare.interactions.records import (
    FIELDS,
    SUMMARY_LENGTH,
    AddendumRow,
    InteractionDetail,
    InteractionInput,
    InteractionSummary,
)


def load(session: Session, interaction_id: int) -> Interaction:
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        raise NotFoundError(f"Interaction {interaction_id} no longer exists.")
    return interaction


def input_of(interaction: Interaction) -> InteractionInput:
    return InteractionInput(**{name: getattr(interaction, name) for name in FIELDS})


def detail_of(session: Session, interaction: Interaction, today: dt.date) -> InteractionDetail:
    client = session.get(Client, interaction.client_id)
    addenda = session.scalars(
        select(InteractionAddendum)
        .where(InteractionAddendum.interaction_id == interaction.id)
        .order_by(InteractionAddendum.written_at, InteractionAddendum.id)
    ).all()
    data = input_of(interaction)
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
        **{name: getattr(data, name) for name in FIELDS},
    )


def get_interaction(session: Session, interaction_id: int, *, today: dt.date) -> InteractionDetail:
    """One interaction with its checklist and corrections; raises NotFoundError if gone."""
    return detail_of(session, load(session, interaction_id), today)


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
    return detail_of(session, interaction, today or dt.date.today())
