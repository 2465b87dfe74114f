"""Interactions (sessions, calls, messages) and their corrections.

With the service principles and their checklist answers, and the language word lists.
"""

# No ``from __future__ import annotations`` here: see clientcare.db.models.base.

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from clientcare.db.models.base import Base, enum_column, utcnow


class InteractionKind(StrEnum):
    SESSION = "session"
    PHONE_CALL = "phone_call"
    MESSAGE = "message"
    EMAIL = "email"
    CONTACT_ATTEMPT = "contact_attempt"


class InteractionState(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class Requirement(StrEnum):
    REQUIRED = "required"
    ADVISORY = "advisory"
    AUTOMATIC = "automatic"


class ChecklistAnswerValue(StrEnum):
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"
    NOT_DONE = "not_done"


class WordList(StrEnum):
    PET_NAME = "pet_name"
    MONEY_SHAMING = "money_shaming"


class Interaction(Base):
    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_client_occurred", "client_id", "occurred_at"),
        # (0012) The practice's contact attempts by index (the unreturned ones on Follow-ups).
        Index("ix_interaction_kind_client", "kind", "client_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"))
    practitioner_id: Mapped[int | None] = mapped_column(
        ForeignKey("practitioner.id", ondelete="SET NULL")
    )
    appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[InteractionKind] = mapped_column(enum_column(InteractionKind, "interaction_kind"))
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    client_words: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    more_helpful: Mapped[str] = mapped_column(Text, default="")
    practitioner_only_notes: Mapped[str] = mapped_column(Text, default="")
    not_at_my_best: Mapped[bool] = mapped_column(Boolean, default=False)
    plan_not_a_fit: Mapped[bool] = mapped_column(Boolean, default=False)
    referral_considered: Mapped[bool] = mapped_column(Boolean, default=False)
    checkins_discussed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    state: Mapped[InteractionState] = mapped_column(
        enum_column(InteractionState, "interaction_state"), default=InteractionState.DRAFT
    )
    finalised_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # When the editor last autosaved the draft (practice local time).
    draft_saved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class InteractionAddendum(Base):
    """A correction to a finalised interaction: the original text is kept here, never lost."""

    __tablename__ = "interaction_addendum"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interaction.id", ondelete="CASCADE"), index=True
    )
    written_at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200), default="")
    field: Mapped[str] = mapped_column(String(50))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class Principle(Base):
    """A service principle; its applicability rule is data (JSON), never code."""

    __tablename__ = "principle"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    text: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")
    applies_when: Mapped[str] = mapped_column(Text, default="")
    rule: Mapped[str] = mapped_column(Text, default="{}")
    requirement: Mapped[Requirement] = mapped_column(
        enum_column(Requirement, "principle_requirement")
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ChecklistAnswer(Base):
    __tablename__ = "checklist_answer"
    __table_args__ = (
        UniqueConstraint("interaction_id", "principle_id"),
        CheckConstraint(
            "answer <> 'not_applicable' OR length(reason) > 0", name="not_applicable_has_reason"
        ),
        CheckConstraint("answer <> 'not_done' OR length(note) > 0", name="not_done_has_note"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interaction.id", ondelete="CASCADE"), index=True
    )
    principle_id: Mapped[int] = mapped_column(ForeignKey("principle.id", ondelete="RESTRICT"))
    answer: Mapped[ChecklistAnswerValue] = mapped_column(
        enum_column(ChecklistAnswerValue, "checklist_answer_value")
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    # What happened instead, for a principle answered "not done".
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    answered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class LanguageWord(Base):
    """A word the text checks flag (pet names, shaming money words), with a neutral suggestion."""

    __tablename__ = "language_word"
    __table_args__ = (
        UniqueConstraint("word_list", "word"),
        CheckConstraint("length(word) > 0", name="word_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    word_list: Mapped[WordList] = mapped_column(enum_column(WordList, "language_word_list"))
    word: Mapped[str] = mapped_column(String(100))
    suggestion: Mapped[str] = mapped_column(Text, default="")
