"""Clients and what they told us to remember.

With the words for a client's status and prospect stage, consent and contact channel.
"""

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
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clientcare.db.models.base import Base, enum_column, utcnow


class ClientStatus(StrEnum):
    PROSPECT = "prospect"
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"
    DECLINED = "declined"


class ConsentState(StrEnum):
    NOT_ASKED = "not_asked"
    ASKED = "asked"
    GIVEN = "given"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class ContactChannel(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    EMAIL = "email"
    POST = "post"
    IN_PERSON = "in_person"
    OTHER = "other"


class ProspectStage(StrEnum):
    """Where a prospect stands before they become a client (or decline)."""

    INQUIRY = "inquiry"
    CONSULTATION = "consultation"


class Client(Base):
    __tablename__ = "client"
    __table_args__ = (
        CheckConstraint(
            "checkin_interval_days IS NULL OR checkin_interval_days > 0",
            name="checkin_interval_positive",
        ),
        CheckConstraint("length(full_name) > 0", name="full_name_not_empty"),
        CheckConstraint("length(preferred_name) > 0", name="preferred_name_not_empty"),
        # Performance (0009): the Clients list's order, so a page of it stops early, with
        # the folded key so the search is checked in the index; the care list's check-ins.
        Index("ix_client_name_order", text("lower(full_name)"), "id", "search_key"),
        # (0011) The care list's check-ins of your clients: whose they are, in the index.
        Index("ix_client_consent_practitioner", "checkin_consent", "primary_practitioner_id"),
        # (0012) The prospects pipeline: the practice's prospects, and whose they are.
        Index("ix_client_status_practitioner", "status", "primary_practitioner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    preferred_name: Mapped[str] = mapped_column(String(100))
    pronunciation: Mapped[str] = mapped_column(String(200), default="")
    pronouns: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ClientStatus] = mapped_column(
        enum_column(ClientStatus, "client_status"), default=ClientStatus.PROSPECT
    )
    status_changed_on: Mapped[dt.date] = mapped_column(Date, default=dt.date.today)
    checkin_consent: Mapped[ConsentState] = mapped_column(
        enum_column(ConsentState, "client_consent"), default=ConsentState.NOT_ASKED
    )
    checkin_channel: Mapped[ContactChannel | None] = mapped_column(
        enum_column(ContactChannel, "client_checkin_channel")
    )
    checkin_interval_days: Mapped[int | None] = mapped_column(Integer)
    checkin_snoozed_until: Mapped[dt.date | None] = mapped_column(Date)
    # The prospects pipeline: when they first got in touch, how far they have come
    # (NULL for a client; a booked consultation also counts), and why they declined.
    inquired_on: Mapped[dt.date | None] = mapped_column(Date)
    prospect_stage: Mapped[ProspectStage | None] = mapped_column(
        enum_column(ProspectStage, "client_prospect_stage")
    )
    declined_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    primary_practitioner_id: Mapped[int | None] = mapped_column(
        ForeignKey("practitioner.id", ondelete="SET NULL"), index=True
    )
    # Case- and accent-folded names and contacts, so "zoe" finds "Zoë" on any backend.
    search_key: Mapped[str] = mapped_column(Text, default="", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Optimistic concurrency: every ORM update says "WHERE version = the one I read" and
    # adds one, so a second practitioner's stale save changes nothing (clientcare.concurrency).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    facts: Mapped[list["ClientFact"]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="ClientFact.noted_on"
    )


class ClientFact(Base):
    """Something the client told us that we should remember ("ask again and write it down")."""

    __tablename__ = "client_fact"
    __table_args__ = (CheckConstraint("length(text) > 0", name="text_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    noted_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    client: Mapped[Client] = relationship(back_populates="facts")
