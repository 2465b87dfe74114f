"""Practice settings and practitioners, as plain data for the rest of the app.

Practitioners are the people who work in the practice. Exactly one of them may be
"you" (``is_current_user``: the person using ClientCare on this computer). Nobody is
ever deleted (appointments and notes name them); someone who leaves is archived
(``active`` false): kept on everything past, no longer offered for anything new.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare import audit, locale_format
from clientcare.clients import normalise_email, normalise_phone
from clientcare.config import (
    DEFAULT_CANCELLATION_WINDOW_HOURS,
    DEFAULT_LATENESS_THRESHOLD_MINUTES,
    DEFAULT_SESSION_MINUTES,
)
from clientcare.db.engine import THIS_COMPUTER, ThisComputer
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditAction,
    PracticeSettings,
    Practitioner,
    Provider,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.text import check_text, clean_line, fold

MAX_NAME = 200
#: Appointments that still hold a practitioner to a time (booked, not yet over).
_BOOKED = (AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED)


@dataclass(frozen=True)
class Settings:
    name: str
    currency: str
    locale: str
    lateness_threshold_minutes: int
    default_session_minutes: int
    cancellation_window_hours: int
    working_day_start: dt.time
    working_day_end: dt.time

    @property
    def phone_region(self) -> str | None:
        """The country phone numbers without a +prefix belong to, from the locale."""
        return region_of(self.locale)


@dataclass(frozen=True)
class PractitionerRow:
    id: int
    full_name: str
    is_current_user: bool
    active: bool
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class PractitionerInput:
    """What the practitioner form collects; strings as typed."""

    full_name: str
    email: str = ""
    phone: str = ""


def region_of(locale: str) -> str | None:
    """'en_GB' → 'GB', 'de-AT' → 'AT', 'en' → None."""
    parts = locale.replace("-", "_").split(".")[0].split("_")
    if len(parts) >= 2 and len(parts[1]) == 2 and parts[1].isalpha():
        return parts[1].upper()
    return None


def needs_setup(session: Session) -> bool:
    """True when the practice has no name and no practitioner: nothing was set up yet."""
    has_practitioner = session.scalar(select(Practitioner.id).limit(1)) is not None
    return not get_settings(session).name and not has_practitioner


def get_settings(session: Session) -> Settings:
    row = session.get(PracticeSettings, 1) or PracticeSettings(id=1)
    defaults = PracticeSettings.__table__.c
    return Settings(
        name=row.name or "",
        currency=row.currency or defaults.currency.default.arg,
        locale=row.locale or defaults.locale.default.arg,
        lateness_threshold_minutes=_or_default(
            row.lateness_threshold_minutes, DEFAULT_LATENESS_THRESHOLD_MINUTES
        ),
        default_session_minutes=_or_default(row.default_session_minutes, DEFAULT_SESSION_MINUTES),
        cancellation_window_hours=_or_default(
            row.cancellation_window_hours, DEFAULT_CANCELLATION_WINDOW_HOURS
        ),
        working_day_start=row.working_day_start or dt.time(9, 0),
        working_day_end=row.working_day_end or dt.time(17, 0),
    )


def _or_default(value: int | None, default: int) -> int:
    return default if value is None else value


def _row(practitioner: Practitioner, you: int | None) -> PractitionerRow:
    """``you``: the practitioner using this computer (``audit.current_practitioner_id``)."""
    return PractitionerRow(
        id=practitioner.id,
        full_name=practitioner.full_name,
        is_current_user=practitioner.id == you,
        active=bool(practitioner.active),
        email=practitioner.email or "",
        phone=practitioner.phone or "",
    )


def list_practitioners(
    session: Session, *, include_inactive: bool = False
) -> list[PractitionerRow]:
    """The practitioners by name; archived ones only with ``include_inactive``."""
    query = select(Practitioner).order_by(func.lower(Practitioner.full_name), Practitioner.id)
    if not include_inactive:
        query = query.where(Practitioner.active.is_(True))
    you = audit.current_practitioner_id(session)
    return [_row(p, you) for p in session.scalars(query)]


def get_practitioner(session: Session, practitioner_id: int) -> PractitionerRow:
    """One practitioner; raises NotFoundError if they are gone."""
    return _row(_load(session, practitioner_id), audit.current_practitioner_id(session))


def _load(session: Session, practitioner_id: int) -> Practitioner:
    practitioner = session.get(Practitioner, practitioner_id)
    if practitioner is None:
        raise NotFoundError("That practitioner is no longer in the practice's list.")
    return practitioner


def clean_practitioner(
    session: Session, data: PractitionerInput, *, practitioner_id: int | None = None
) -> PractitionerInput:
    """The cleaned input, or ValidationError listing every problem (one per field)."""
    errors: list[FieldError] = []
    name = clean_line(data.full_name)
    if not name:
        errors.append(FieldError("full_name", "Please enter the practitioner's name."))
    else:
        problem = check_text("full_name", "The name", name, max_length=MAX_NAME)
        if problem:
            errors.append(problem)
        else:
            taken = _same_name(session, name, practitioner_id)
            if taken is not None:
                errors.append(FieldError("full_name", _taken_message(taken)))
    email, problem = normalise_email(data.email)
    if problem:
        errors.append(problem)
    phone, problem = normalise_phone(data.phone, get_settings(session).phone_region)
    if problem:
        errors.append(problem)
    if errors:
        raise ValidationError(errors)
    return PractitionerInput(full_name=name, email=email, phone=phone)


def _same_name(session: Session, name: str, practitioner_id: int | None) -> Practitioner | None:
    """Another practitioner whose name is this one, ignoring case and accents."""
    wanted = fold(name)
    for practitioner in session.scalars(select(Practitioner).order_by(Practitioner.id)):
        if practitioner.id != practitioner_id and fold(practitioner.full_name) == wanted:
            return practitioner
    return None


def _taken_message(taken: Practitioner) -> str:
    if taken.active:
        return f"{taken.full_name} is already a practitioner here."
    return (
        f"{taken.full_name} is already a practitioner here, archived. Tick “Show archived” "
        "and restore them instead."
    )


def add_practitioner(
    session: Session,
    full_name: str,
    *,
    is_current_user: bool = False,
    email: str = "",
    phone: str = "",
) -> PractitionerRow:
    """Add someone who works in the practice; ``is_current_user`` makes them "you".

    Raises ValidationError (nothing stored) for a missing, duplicate or unstorable name,
    or an e-mail address or phone number that cannot be read.
    """
    cleaned = clean_practitioner(
        session, PractitionerInput(full_name=full_name, email=email, phone=phone)
    )
    computer = _this_computer(session)
    mark = is_current_user and computer is None  # a shared server: kept on this computer
    if mark:
        _clear_current_user(session, keep=None)
    practitioner = Practitioner(
        full_name=cleaned.full_name,
        email=cleaned.email,
        phone=cleaned.phone,
        is_current_user=mark,
        active=True,
    )
    session.add(practitioner)
    session.flush()
    if is_current_user and computer is not None:
        computer.choose(practitioner.id)  # first: their own creation carries their name
    fields = ["full_name"] + [f for f in ("email", "phone") if getattr(cleaned, f)]
    if mark:
        fields.append("is_current_user")
    audit.record(session, AuditAction.CREATE, "practitioner", practitioner.id, fields)
    return _row(practitioner, audit.current_practitioner_id(session))


def update_practitioner(
    session: Session, practitioner_id: int, data: PractitionerInput
) -> PractitionerRow:
    """Store a changed name, e-mail or phone; raises ValidationError or NotFoundError.

    The practitioner's co-worker entry in the referral directory follows where it still
    showed the old value (a name the practice chose for the directory is kept).
    """
    practitioner = _load(session, practitioner_id)
    cleaned = clean_practitioner(session, data, practitioner_id=practitioner_id)
    fields = ("full_name", "email", "phone")
    before = {field: getattr(practitioner, field) for field in fields}
    after = {field: getattr(cleaned, field) for field in fields}
    audit.apply_changes(session, practitioner, "practitioner", practitioner_id, after)
    provider = _coworker_entry(session, practitioner_id)
    if provider is not None:
        names = {"full_name": "name", "email": "email", "phone": "phone"}
        follows = {
            names[field]: after[field]
            for field in after
            if getattr(provider, names[field]) == before[field]
        }
        audit.apply_changes(session, provider, "provider", provider.id, follows)
    return _row(practitioner, audit.current_practitioner_id(session))


def set_current_user(session: Session, practitioner_id: int) -> PractitionerRow:
    """Make this practitioner "you" on this computer, and nobody else.

    Raises ValidationError for an archived practitioner, NotFoundError when gone.
    """
    practitioner = _load(session, practitioner_id)
    if not practitioner.active:
        raise ValidationError.single(
            "is_current_user",
            f"{practitioner.full_name} is archived. Restore them first, then choose “This is me”.",
        )
    computer = _this_computer(session)
    if computer is not None:
        # A shared server: who uses this computer is this computer's to know, and the
        # other practitioners' computers keep their own answer.
        computer.choose(practitioner_id)
        return _row(practitioner, practitioner_id)
    _clear_current_user(session, keep=practitioner_id)
    audit.apply_changes(
        session, practitioner, "practitioner", practitioner_id, {"is_current_user": True}
    )
    return _row(practitioner, practitioner_id)


def _this_computer(session: Session) -> ThisComputer | None:
    """A shared server database's record of who uses this computer (None: a SQLite file)."""
    computer = session.info.get(THIS_COMPUTER)
    return computer if isinstance(computer, ThisComputer) else None


def _clear_current_user(session: Session, *, keep: int | None) -> None:
    """Nobody but ``keep`` is "you" any more (each change audited)."""
    query = select(Practitioner).where(Practitioner.is_current_user.is_(True))
    if keep is not None:
        query = query.where(Practitioner.id != keep)
    for other in list(session.scalars(query)):
        audit.apply_changes(session, other, "practitioner", other.id, {"is_current_user": False})


def booked_appointments(
    session: Session, practitioner_id: int, *, now: dt.datetime
) -> list[dt.datetime]:
    """The starts of this practitioner's appointments still booked from ``now`` on."""
    return list(
        session.scalars(
            select(Appointment.start)
            .where(
                Appointment.practitioner_id == practitioner_id,
                Appointment.status.in_(_BOOKED),
                Appointment.start >= now,
            )
            .order_by(Appointment.start)
        )
    )


def archive_practitioner(
    session: Session, practitioner_id: int, *, now: dt.datetime
) -> PractitionerRow:
    """Archive someone who no longer works here: kept on everything past, offered for
    nothing new. Their co-worker entry in the referral directory is archived with them.

    Refused (ValidationError on "active", nothing stored) for "you", and while they still
    have appointments booked from ``now`` on: an archived practitioner cannot be booked,
    so those clients would be left with sessions nobody can move. The message says how
    many, from when, and what to do.
    """
    practitioner = _load(session, practitioner_id)
    if not practitioner.active:
        return _row(practitioner, audit.current_practitioner_id(session))
    if practitioner.id == audit.current_practitioner_id(session):
        raise ValidationError.single(
            "active",
            f"{practitioner.full_name} is you, the person using ClientCare on this "
            "computer, so they cannot be archived. If someone else uses it now, choose "
            "them and press “This is me” first.",
        )
    starts = booked_appointments(session, practitioner_id, now=now)
    if starts:
        count = "1 appointment" if len(starts) == 1 else f"{len(starts)} appointments"
        first = locale_format.weekday_day(starts[0].date(), get_settings(session).locale)
        raise ValidationError.single(
            "active",
            f"{practitioner.full_name} still has {count} booked, the first on {first}. "
            "Move them to another practitioner or cancel them in the Calendar, then "
            "archive: nobody can be booked with an archived practitioner, so those "
            "clients would be left waiting for sessions that cannot be changed.",
        )
    audit.apply_changes(session, practitioner, "practitioner", practitioner_id, {"active": False})
    _archive_coworker_entry(session, practitioner_id, archived=True)
    return _row(practitioner, audit.current_practitioner_id(session))


def restore_practitioner(session: Session, practitioner_id: int) -> PractitionerRow:
    """Bring an archived practitioner back, with their co-worker directory entry."""
    practitioner = _load(session, practitioner_id)
    audit.apply_changes(session, practitioner, "practitioner", practitioner_id, {"active": True})
    _archive_coworker_entry(session, practitioner_id, archived=False)
    return _row(practitioner, audit.current_practitioner_id(session))


def _coworker_entry(session: Session, practitioner_id: int) -> Provider | None:
    return session.scalar(select(Provider).where(Provider.practitioner_id == practitioner_id))


def _archive_coworker_entry(session: Session, practitioner_id: int, *, archived: bool) -> None:
    # The directory entry stays on past referrals either way; archived, it is not offered.
    provider = _coworker_entry(session, practitioner_id)
    if provider is not None:
        audit.apply_changes(session, provider, "provider", provider.id, {"archived": archived})
