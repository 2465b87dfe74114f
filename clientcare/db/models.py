"""The whole ClientCare domain model as typed SQLAlchemy 2 models.

Conventions (why, not what):
- Money is always an integer number of minor units (cents, pence): exact, and
  the same on SQLite and PostgreSQL. Never a float.
- Wall-clock datetimes (appointment starts, when something happened with a
  client) are naive *practice local time*, because that is how a practitioner
  thinks of them. Bookkeeping timestamps (created_at, audit) are naive UTC.
- Enumerations are stored as their string values with a CHECK constraint, so
  the database refuses a status the code does not know, on every backend.
- Constraints are named by convention so that SQLite batch migrations and
  PostgreSQL can find them again.
"""

# No ``from __future__ import annotations`` here: with it every ``Mapped[...]`` is a string
# that SQLAlchemy has to evaluate again, about 8 ms of each start-up for these 32 models.
# The two relationships to classes declared further down name them in quotes.

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
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from clientcare.config import (
    DEFAULT_CANCELLATION_WINDOW_HOURS,
    DEFAULT_LATENESS_THRESHOLD_MINUTES,
    DEFAULT_LOCALE,
    DEFAULT_SESSION_MINUTES,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Naive UTC now, for bookkeeping timestamps."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column(enum_cls: type[StrEnum], name: str) -> SAEnum:
    """A portable enum: VARCHAR plus a named CHECK constraint on its values."""
    return SAEnum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls),
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


# --------------------------------------------------------------------------
# Enumerations
# --------------------------------------------------------------------------


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


class Urgency(StrEnum):
    CRISIS = "crisis"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class IssueStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class ProspectStage(StrEnum):
    """Where a prospect stands before they become a client (or decline)."""

    INQUIRY = "inquiry"
    CONSULTATION = "consultation"


class SetBy(StrEnum):
    PRACTICE = "practice"
    CLIENT = "client"


class ExpectationOutcome(StrEnum):
    OPEN = "open"
    MET = "met"
    NOT_MET = "not_met"
    CHANGED = "changed"


class WordList(StrEnum):
    PET_NAME = "pet_name"
    MONEY_SHAMING = "money_shaming"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    # A client's notes opened for reading, a printout made, a file exported.
    VIEW = "view"
    PRINT = "print"
    EXPORT = "export"


# --------------------------------------------------------------------------
# Practice and people
# --------------------------------------------------------------------------

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


# --------------------------------------------------------------------------
# Appointments and lateness
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Interactions and the service principles
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Referrals
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Follow-ups: issues, expectations, check-ins
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Audit
# --------------------------------------------------------------------------


class AuditEntry(Base):
    """Who changed what, when. Field names only: never the content of notes."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    # The practitioner using the app (Practitioner.is_current_user) when there is one.
    practitioner: Mapped[str] = mapped_column(String(200), default="", server_default="")
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction, "audit_action"))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int] = mapped_column(Integer)
    fields: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------
# Freshness
# --------------------------------------------------------------------------


class ChangeCounter(Base):
    """One row counting committed units of work: other ClientCares on a shared server poll
    it every few seconds and refresh their screens when it moved (clientcare.db.engine)."""

    __tablename__ = "change_counter"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(Integer, default=0)
