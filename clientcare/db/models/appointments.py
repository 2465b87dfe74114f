"""Appointments, their series, busy time, the waiting list and running-late notices."""

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
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column

from clientcare.db.models.base import Base, enum_column, utcnow
from clientcare.db.models.clients import ContactChannel


class AppointmentMode(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


class AppointmentStatus(StrEnum):
    SCHEDULED = "scheduled"
    ARRIVED = "arrived"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    LATE_CANCELLED = "late_cancelled"
    NO_SHOW = "no_show"
    RESCHEDULED = "rescheduled"


class CancelledBy(StrEnum):
    CLIENT = "client"
    PRACTITIONER = "practitioner"


class WaitlistStatus(StrEnum):
    WAITING = "waiting"
    BOOKED = "booked"
    REMOVED = "removed"


class LatePerson(StrEnum):
    PRACTITIONER = "practitioner"
    CLIENT = "client"


class LatenessOutcome(StrEnum):
    PENDING = "pending"
    WAIT = "wait"
    RESCHEDULE = "reschedule"
    CANCEL_WITHOUT_FEE = "cancel_without_fee"
    # A client who arrived past the threshold: a shorter session keeping the
    # end time, or the full session as booked (RESCHEDULE is shared).
    SHORTEN = "shorten"
    PROCEED = "proceed"


class AppointmentSeries(Base):
    """A recurring series; occurrences are materialised appointments with this series id."""

    __tablename__ = "appointment_series"
    __table_args__ = (CheckConstraint("count IS NULL OR count > 0", name="count_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # RFC 5545 text with DTSTART, read with dateutil.rrule.rrulestr.
    rrule: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)
    count: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Appointment(Base):
    __tablename__ = "appointment"
    __table_args__ = (
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        Index("ix_appointment_practitioner_start", "practitioner_id", "start"),
        Index("ix_appointment_client_start", "client_id", "start"),
        # (0011) A client's last session attended and whether one is booked (check-ins).
        Index("ix_appointment_client_status_start", "client_id", "status", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"))
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("practitioner.id", ondelete="RESTRICT"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id", ondelete="SET NULL"))
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment_series.id", ondelete="SET NULL"), index=True
    )
    start: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    mode: Mapped[AppointmentMode] = mapped_column(
        enum_column(AppointmentMode, "appointment_mode"), default=AppointmentMode.IN_PERSON
    )
    location: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[AppointmentStatus] = mapped_column(
        enum_column(AppointmentStatus, "appointment_status"), default=AppointmentStatus.SCHEDULED
    )
    rescheduled_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("appointment.id", ondelete="SET NULL")
    )
    client_arrived_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Cancellations: who cancelled, why, and when (inside the window → late-cancelled).
    cancelled_by: Mapped[CancelledBy | None] = mapped_column(
        enum_column(CancelledBy, "appointment_cancelled_by")
    )
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # For an occurrence of a series: the start the series rule gave it. Moving one
    # occurrence changes ``start`` only, so the series never moves it back or twice.
    original_start: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # A stable identifier for iCalendar export/import (the UID of an imported event).
    ical_uid: Mapped[str | None] = mapped_column(String(255), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Optimistic concurrency: every ORM update says "WHERE version = the one I read" and
    # adds one, so a second practitioner's stale save changes nothing (clientcare.concurrency).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class BusyTime(Base):
    """Time a practitioner is not available (e.g. imported from another calendar)."""

    __tablename__ = "busy_time"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        Index("ix_busy_time_practitioner_start", "practitioner_id", "starts_at"),
        # Performance (0009): a week of every practitioner's busy time.
        Index("ix_busy_time_ends_at", "ends_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("practitioner.id", ondelete="CASCADE"))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    title: Mapped[str] = mapped_column(String(200), default="")
    ical_uid: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class WaitlistEntry(Base):
    """A client waiting for a slot, with the days and times that suit them."""

    __tablename__ = "waitlist_entry"
    __table_args__ = (
        CheckConstraint(
            "earliest_time IS NULL OR latest_time IS NULL OR latest_time > earliest_time",
            name="time_window_ordered",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    practitioner_id: Mapped[int | None] = mapped_column(
        ForeignKey("practitioner.id", ondelete="SET NULL")
    )
    # ISO weekdays that suit the client, e.g. "1,3,5" (Mon, Wed, Fri); empty = any day.
    preferred_weekdays: Mapped[str] = mapped_column(String(20), default="")
    earliest_time: Mapped[dt.time | None] = mapped_column(Time)
    latest_time: Mapped[dt.time | None] = mapped_column(Time)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    added_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[WaitlistStatus] = mapped_column(
        enum_column(WaitlistStatus, "waitlist_status"), default=WaitlistStatus.WAITING
    )
    resolved_on: Mapped[dt.date | None] = mapped_column(Date)


class LatenessNotice(Base):
    __tablename__ = "lateness_notice"
    __table_args__ = (CheckConstraint("expected_minutes >= 0", name="minutes_non_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(
        ForeignKey("appointment.id", ondelete="CASCADE"), index=True
    )
    who_is_late: Mapped[LatePerson] = mapped_column(enum_column(LatePerson, "lateness_who"))
    expected_minutes: Mapped[int] = mapped_column(Integer)
    told_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    channel: Mapped[ContactChannel | None] = mapped_column(
        enum_column(ContactChannel, "lateness_channel")
    )
    message_text: Mapped[str] = mapped_column(Text, default="")
    reschedule_offered: Mapped[bool] = mapped_column(Boolean, default=False)
    # Whether the threshold in force when the notice was recorded required the
    # offer; NULL for rows from before 0005 (the current threshold is used).
    reschedule_required: Mapped[bool | None] = mapped_column(Boolean)
    outcome: Mapped[LatenessOutcome] = mapped_column(
        enum_column(LatenessOutcome, "lateness_outcome"), default=LatenessOutcome.PENDING
    )
    # The client's circumstances, as they told them: clinical context, never a mark against them.
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
