"""Money: services, fees and sliding-scale tiers, grace rules, charges, payments,
adjustments, payment plans and money conversations."""

# No ``from __future__ import annotations`` here: see clientcare.db.models.base.

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clientcare.db.models.base import Base, enum_column, utcnow


class ChargeKind(StrEnum):
    SESSION = "session"
    LATE_CANCEL = "late_cancel"
    NO_SHOW = "no_show"
    OTHER = "other"


class ChargeStatus(StrEnum):
    DUE = "due"
    WAIVED = "waived"


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    TRANSFER = "transfer"
    OTHER = "other"


class PaymentKind(StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"


class ChargeMode(StrEnum):
    """When a completed appointment becomes a charge."""

    AUTOMATIC = "automatic"
    CONFIRM = "confirm"


class GraceKind(StrEnum):
    """A grace rule: forgive the first N fees, or exempt a named circumstance."""

    FIRST_FORGIVEN = "first_forgiven"
    CIRCUMSTANCE = "circumstance"


class PlanStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class MoneyTopic(StrEnum):
    FEE = "fee"
    SLIDING_SCALE = "sliding_scale"
    PAYMENT_PLAN = "payment_plan"
    OVERDUE_BALANCE = "overdue_balance"
    INSURANCE = "insurance"
    OTHER = "other"


class Service(Base):
    __tablename__ = "service"
    __table_args__ = (
        CheckConstraint("standard_fee_minor >= 0", name="fee_non_negative"),
        CheckConstraint("default_minutes > 0", name="minutes_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    standard_fee_minor: Mapped[int] = mapped_column(Integer)
    default_minutes: Mapped[int] = mapped_column(Integer, default=50)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SlidingScaleTier(Base):
    __tablename__ = "sliding_scale_tier"
    __table_args__ = (CheckConstraint("fee_minor >= 0", name="fee_non_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    fee_minor: Mapped[int] = mapped_column(Integer)
    criteria_note: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class FeeArrangement(Base):
    """A client's fee from a date on: a sliding-scale tier or a custom fee (history is kept)."""

    __tablename__ = "fee_arrangement"
    __table_args__ = (
        UniqueConstraint("client_id", "effective_from"),
        CheckConstraint(
            "(tier_id IS NULL) <> (custom_fee_minor IS NULL)", name="tier_or_custom_fee"
        ),
        CheckConstraint(
            "custom_fee_minor IS NULL OR custom_fee_minor >= 0", name="custom_fee_non_negative"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    tier_id: Mapped[int | None] = mapped_column(
        ForeignKey("sliding_scale_tier.id", ondelete="RESTRICT")
    )
    custom_fee_minor: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class GraceRule(Base):
    """Practice policy as data: when a late-cancel or no-show fee is forgiven.

    ``first_forgiven``: the first ``allowance`` fees of ``applies_to`` (within
    ``window_days``, or ever when NULL) are waived. ``circumstance``: a fee is waived
    when the practitioner says the named circumstance (e.g. "Illness") applied.
    """

    __tablename__ = "grace_rule"
    __table_args__ = (
        CheckConstraint("allowance >= 1", name="allowance_positive"),
        CheckConstraint("window_days IS NULL OR window_days >= 1", name="window_positive"),
        CheckConstraint(
            "kind <> 'circumstance' OR length(circumstance) > 0", name="circumstance_named"
        ),
        CheckConstraint("applies_to IN ('late_cancel', 'no_show', 'both')", name="applies_to"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[GraceKind] = mapped_column(enum_column(GraceKind, "grace_kind"))
    applies_to: Mapped[str] = mapped_column(String(11), default="both")
    allowance: Mapped[int] = mapped_column(Integer, default=1)
    window_days: Mapped[int | None] = mapped_column(Integer)
    circumstance: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Charge(Base):
    __tablename__ = "charge"
    __table_args__ = (
        UniqueConstraint("appointment_id", "kind"),
        CheckConstraint("amount_minor >= 0", name="amount_non_negative"),
        CheckConstraint(
            "status <> 'waived' OR length(waived_reason) > 0", name="waiver_has_reason"
        ),
        Index("ix_charge_client_charged_on", "client_id", "charged_on"),
        # Performance (0009): every client's ageing reads only this (covering) index.
        Index("ix_charge_status_client", "status", "client_id", "charged_on", "amount_minor"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"))
    appointment_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[ChargeKind] = mapped_column(enum_column(ChargeKind, "charge_kind"))
    description: Mapped[str] = mapped_column(String(200), default="")
    amount_minor: Mapped[int] = mapped_column(Integer)
    charged_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[ChargeStatus] = mapped_column(
        enum_column(ChargeStatus, "charge_status"), default=ChargeStatus.DUE
    )
    waived_reason: Mapped[str] = mapped_column(Text, default="")
    grace_rule_id: Mapped[int | None] = mapped_column(
        ForeignKey("grace_rule.id", ondelete="SET NULL")
    )
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Optimistic concurrency: every ORM update says "WHERE version = the one I read" and
    # adds one, so a second practitioner's stale save changes nothing (clientcare.concurrency).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Payment(Base):
    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        Index("ix_payment_client_paid_on", "client_id", "paid_on"),
        # Performance (0009): what each client has paid and been refunded (covering).
        Index("ix_payment_client_kind", "client_id", "kind", "amount_minor"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"))
    kind: Mapped[PaymentKind] = mapped_column(
        enum_column(PaymentKind, "payment_kind"), default=PaymentKind.PAYMENT
    )
    method: Mapped[PaymentMethod] = mapped_column(enum_column(PaymentMethod, "payment_method"))
    amount_minor: Mapped[int] = mapped_column(Integer)
    paid_on: Mapped[dt.date] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    refund_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("payment.id", ondelete="RESTRICT"), index=True
    )
    # A payment made towards a payment plan's instalments (a refund of it names it too).
    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("payment_plan.id", ondelete="SET NULL"), index=True
    )
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Optimistic concurrency: every ORM update says "WHERE version = the one I read" and
    # adds one, so a second practitioner's stale save changes nothing (clientcare.concurrency).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Adjustment(Base):
    """A correction to a balance; positive reduces what the client owes. Always has a reason."""

    __tablename__ = "adjustment"
    __table_args__ = (
        CheckConstraint("amount_minor <> 0", name="amount_not_zero"),
        CheckConstraint("length(reason) > 0", name="reason_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    adjusted_on: Mapped[dt.date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PaymentPlan(Base):
    __tablename__ = "payment_plan"
    __table_args__ = (CheckConstraint("total_minor > 0", name="total_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    agreed_on: Mapped[dt.date] = mapped_column(Date)
    total_minor: Mapped[int] = mapped_column(Integer)
    status: Mapped[PlanStatus] = mapped_column(
        enum_column(PlanStatus, "payment_plan_status"), default=PlanStatus.ACTIVE
    )
    note: Mapped[str] = mapped_column(Text, default="")

    instalments: Mapped[list["Instalment"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Instalment.due_on"
    )


class Instalment(Base):
    __tablename__ = "instalment"
    __table_args__ = (CheckConstraint("amount_minor > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("payment_plan.id", ondelete="CASCADE"), index=True
    )
    due_on: Mapped[dt.date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(Integer)
    paid_on: Mapped[dt.date | None] = mapped_column(Date)

    plan: Mapped[PaymentPlan] = relationship(back_populates="instalments")


class MoneyConversation(Base):
    __tablename__ = "money_conversation"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL"), index=True
    )
    held_on: Mapped[dt.date] = mapped_column(Date)
    topic: Mapped[MoneyTopic] = mapped_column(enum_column(MoneyTopic, "money_topic"))
    summary: Mapped[str] = mapped_column(Text, default="")
    # The client's own words about what would help.
    client_words: Mapped[str] = mapped_column(Text, default="", server_default="")
    agreed_outcome: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    follow_up_done_on: Mapped[dt.date | None] = mapped_column(Date)
