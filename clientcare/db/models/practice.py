"""The practice: its one row of settings (with the message templates it ships with)
and its practitioners."""

# No ``from __future__ import annotations`` here: see clientcare.db.models.base.

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, DateTime, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from clientcare.config import (
    DEFAULT_CANCELLATION_WINDOW_HOURS,
    DEFAULT_LATENESS_THRESHOLD_MINUTES,
    DEFAULT_LOCALE,
    DEFAULT_SESSION_MINUTES,
)
from clientcare.db.models.base import Base, enum_column, utcnow
from clientcare.db.models.money import ChargeMode

#: The running-late notice as shipped; {reschedule} is where the reschedule
#: sentence goes when the practitioner is later than the practice threshold.
DEFAULT_LATE_NOTICE_TEMPLATE = (
    "Hello {preferred_name}, I am so sorry \u2014 I am running about {minutes} minutes late "
    "for our {time} appointment. {reschedule} \u2014 {practitioner}"
)

DEFAULT_RESCHEDULE_SENTENCE = (
    "If you would rather reschedule, that is completely fine \u2014 just reply and I will "
    "offer you another time."
)

#: What the practice may offer a client who arrives past the threshold.
DEFAULT_CLIENT_LATE_OPTIONS = "shorten,reschedule,proceed"

#: The gentle check-in as shipped (seed 002: "Just thinking of you. Hope you are doing well.").
DEFAULT_CHECKIN_TEMPLATE = (
    "Hello {preferred_name}, just thinking of you. Hope you are doing well. "
    "Let me know if I can be supportive in any way. \u2014 {practitioner}"
)


class PracticeSettings(Base):
    """The one row of practice-wide business settings."""

    __tablename__ = "practice_settings"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("lateness_threshold_minutes >= 0", name="threshold_non_negative"),
        CheckConstraint("default_session_minutes > 0", name="session_positive"),
        CheckConstraint("cancellation_window_hours >= 0", name="window_non_negative"),
        CheckConstraint(
            "late_cancel_fee_minor IS NULL OR late_cancel_fee_minor >= 0",
            name="late_cancel_fee_non_negative",
        ),
        CheckConstraint(
            "no_show_fee_minor IS NULL OR no_show_fee_minor >= 0", name="no_show_fee_non_negative"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    currency: Mapped[str] = mapped_column(String(3), default="GBP")
    locale: Mapped[str] = mapped_column(String(20), default=DEFAULT_LOCALE)
    lateness_threshold_minutes: Mapped[int] = mapped_column(
        Integer, default=DEFAULT_LATENESS_THRESHOLD_MINUTES
    )
    default_session_minutes: Mapped[int] = mapped_column(Integer, default=DEFAULT_SESSION_MINUTES)
    cancellation_window_hours: Mapped[int] = mapped_column(
        Integer, default=DEFAULT_CANCELLATION_WINDOW_HOURS
    )
    late_cancel_fee_minor: Mapped[int | None] = mapped_column(Integer)
    no_show_fee_minor: Mapped[int | None] = mapped_column(Integer)
    charge_mode: Mapped[ChargeMode] = mapped_column(
        enum_column(ChargeMode, "charge_mode"),
        default=ChargeMode.CONFIRM,
        server_default=ChargeMode.CONFIRM.value,
    )
    working_day_start: Mapped[dt.time] = mapped_column(Time, default=dt.time(9, 0))
    working_day_end: Mapped[dt.time] = mapped_column(Time, default=dt.time(17, 0))
    late_notice_template: Mapped[str] = mapped_column(
        Text, default=DEFAULT_LATE_NOTICE_TEMPLATE, server_default=DEFAULT_LATE_NOTICE_TEMPLATE
    )
    reschedule_sentence: Mapped[str] = mapped_column(
        Text, default=DEFAULT_RESCHEDULE_SENTENCE, server_default=DEFAULT_RESCHEDULE_SENTENCE
    )
    # Comma-separated ClientLateOption values (see clientcare.lateness).
    client_late_options: Mapped[str] = mapped_column(
        String(100), default=DEFAULT_CLIENT_LATE_OPTIONS, server_default=DEFAULT_CLIENT_LATE_OPTIONS
    )
    # The check-in draft: {preferred_name} and {practitioner} (see clientcare.followups).
    checkin_template: Mapped[str] = mapped_column(
        Text, default=DEFAULT_CHECKIN_TEMPLATE, server_default=DEFAULT_CHECKIN_TEMPLATE
    )
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Practitioner(Base):
    __tablename__ = "practitioner"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    is_current_user: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
