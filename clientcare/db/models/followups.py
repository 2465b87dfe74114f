"""Follow-ups: a client's issues and expectations, check-in consent and check-ins."""

# No ``from __future__ import annotations`` here: see clientcare.db.models.base.

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from clientcare.db.models.base import Base, enum_column
from clientcare.db.models.clients import ConsentState, ContactChannel


class Urgency(StrEnum):
    CRISIS = "crisis"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class IssueStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class SetBy(StrEnum):
    PRACTICE = "practice"
    CLIENT = "client"


class ExpectationOutcome(StrEnum):
    OPEN = "open"
    MET = "met"
    NOT_MET = "not_met"
    CHANGED = "changed"


class ClientIssue(Base):
    __tablename__ = "client_issue"
    __table_args__ = (
        CheckConstraint("length(title) > 0", name="title_not_empty"),
        # (0011) A client's open issues, for the care list of your clients.
        Index("ix_client_issue_client_status", "client_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[Urgency] = mapped_column(enum_column(Urgency, "issue_urgency"))
    impact: Mapped[str] = mapped_column(Text, default="")
    raised_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[IssueStatus] = mapped_column(
        enum_column(IssueStatus, "issue_status"), default=IssueStatus.OPEN, index=True
    )
    resolved_on: Mapped[dt.date | None] = mapped_column(Date)
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    # Reopening keeps the earlier resolution note; these say it happened.
    reopened_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reopened_on: Mapped[dt.date | None] = mapped_column(Date)


class Expectation(Base):
    __tablename__ = "expectation"
    __table_args__ = (
        CheckConstraint("length(description) > 0", name="description_not_empty"),
        # (0011) A client's open expectations, for the care list of your clients.
        Index("ix_expectation_client_open", "client_id", "outcome", "review_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    description: Mapped[str] = mapped_column(Text)
    set_by: Mapped[SetBy] = mapped_column(enum_column(SetBy, "expectation_set_by"))
    set_on: Mapped[dt.date] = mapped_column(Date)
    review_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    outcome: Mapped[ExpectationOutcome] = mapped_column(
        enum_column(ExpectationOutcome, "expectation_outcome"), default=ExpectationOutcome.OPEN
    )
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    conversation_note: Mapped[str] = mapped_column(Text, default="")


class CheckInConsent(Base):
    """One recorded consent event; the client's current consent is also kept on the client."""

    __tablename__ = "checkin_consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    state: Mapped[ConsentState] = mapped_column(enum_column(ConsentState, "consent_state"))
    recorded_on: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[ContactChannel | None] = mapped_column(
        enum_column(ContactChannel, "consent_channel")
    )
    client_words: Mapped[str] = mapped_column(Text, default="")


class CheckIn(Base):
    """A gentle check-in sent to a client who consented to them."""

    __tablename__ = "checkin"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime)
    channel: Mapped[ContactChannel] = mapped_column(enum_column(ContactChannel, "checkin_channel"))
    message_text: Mapped[str] = mapped_column(Text, default="")
    reply_note: Mapped[str] = mapped_column(Text, default="")
