"""Referrals: the provider directory and referrals in and out."""

# No ``from __future__ import annotations`` here: see clientcare.db.models.base.

import datetime as dt
from enum import StrEnum

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from clientcare.db.models.base import Base, enum_column


class ProviderKind(StrEnum):
    EXTERNAL = "external"
    INTERNAL = "internal"


class ReferralDirection(StrEnum):
    OUTGOING = "outgoing"
    INCOMING = "incoming"


class ReferralSourceKind(StrEnum):
    CLIENT = "client"
    PROVIDER = "provider"
    WEBSITE = "website"
    OTHER = "other"


class ReferralUrgency(StrEnum):
    ROUTINE = "routine"
    SOON = "soon"
    URGENT = "urgent"


class ReferralStatus(StrEnum):
    SUGGESTED = "suggested"
    INTRODUCED = "introduced"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    COMPLETED = "completed"


class WarmHandoff(StrEnum):
    NONE = "none"
    IN_PERSON = "in_person"
    COWORKER_CALLS = "coworker_calls"


class Provider(Base):
    """Someone a client can be referred to: an external provider or a co-worker."""

    __tablename__ = "provider"
    __table_args__ = (
        CheckConstraint(
            "kind <> 'internal' OR practitioner_id IS NOT NULL", name="internal_is_practitioner"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ProviderKind] = mapped_column(enum_column(ProviderKind, "provider_kind"))
    practitioner_id: Mapped[int | None] = mapped_column(
        ForeignKey("practitioner.id", ondelete="SET NULL"), unique=True
    )
    specialty: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    accepting_clients: Mapped[bool] = mapped_column(Boolean, default=True)
    # Kept for the referrals that name it, but no longer offered.
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Referral(Base):
    __tablename__ = "referral"
    __table_args__ = (
        CheckConstraint(
            "direction <> 'outgoing' OR provider_id IS NOT NULL", name="outgoing_has_provider"
        ),
        CheckConstraint(
            "direction <> 'incoming' OR source_kind IS NOT NULL", name="incoming_has_source"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    direction: Mapped[ReferralDirection] = mapped_column(
        enum_column(ReferralDirection, "referral_direction")
    )
    provider_id: Mapped[int | None] = mapped_column(
        ForeignKey("provider.id", ondelete="RESTRICT"), index=True
    )
    source_kind: Mapped[ReferralSourceKind | None] = mapped_column(
        enum_column(ReferralSourceKind, "referral_source_kind")
    )
    source_client_id: Mapped[int | None] = mapped_column(
        ForeignKey("client.id", ondelete="SET NULL")
    )
    source_detail: Mapped[str] = mapped_column(Text, default="")
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL")
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[ReferralUrgency] = mapped_column(
        enum_column(ReferralUrgency, "referral_urgency"), default=ReferralUrgency.ROUTINE
    )
    status: Mapped[ReferralStatus] = mapped_column(
        enum_column(ReferralStatus, "referral_status"), default=ReferralStatus.SUGGESTED
    )
    warm_handoff: Mapped[WarmHandoff] = mapped_column(
        enum_column(WarmHandoff, "referral_handoff"), default=WarmHandoff.NONE
    )
    handoff_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    connected: Mapped[bool | None] = mapped_column(Boolean)
    follow_up_answer: Mapped[str] = mapped_column(Text, default="")
    followed_up_on: Mapped[dt.date | None] = mapped_column(Date)
    # When the client agreed that their details may be shared with the provider.
    consent_to_share_on: Mapped[dt.date | None] = mapped_column(Date)
    referred_on: Mapped[dt.date] = mapped_column(Date)
