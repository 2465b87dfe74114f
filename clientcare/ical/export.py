"""Exporting appointments as an .ics file: titles by the practice's privacy choice, never notes."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import icalendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare.db.models import (
    Appointment,
    Client,
)
from clientcare.errors import ValidationError
from clientcare.ical import records
from clientcare.ical.records import ACTIVE_STATUSES, UID_DOMAIN, zone_of

PRODID = "-//ClientCare//ClientCare//EN"
GENERIC_TITLE = "Client session"


class TitlePrivacy(StrEnum):
    """What an exported event's title says about the client."""

    FULL_NAME = "full_name"
    PREFERRED_NAME = "preferred_name"
    INITIALS = "initials"
    GENERIC = "generic"


def client_title(full_name: str, preferred_name: str, privacy: TitlePrivacy) -> str:
    """The event title for a client under ``privacy`` ("Zoë Ñúñez" → "Z. Ñ." as initials)."""
    if privacy is TitlePrivacy.FULL_NAME:
        return full_name
    if privacy is TitlePrivacy.PREFERRED_NAME:
        return preferred_name or full_name
    if privacy is TitlePrivacy.INITIALS:
        letters = [next((ch for ch in word if ch.isalnum()), "") for word in full_name.split()]
        initials = " ".join(f"{letter.upper()}." for letter in letters if letter)
        return initials or GENERIC_TITLE
    return GENERIC_TITLE


def appointment_uid(appointment_id: int, ical_uid: str | None) -> str:
    """The stable UID of an appointment in exported files."""
    return ical_uid or f"clientcare-appointment-{appointment_id}@{UID_DOMAIN}"


def _as_utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC; a naive value is taken to be UTC already (bookkeeping time)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def export_ics(
    session: Session,
    *,
    start: dt.date,
    end: dt.date,
    practitioner_id: int | None,
    privacy: TitlePrivacy,
    tz_name: str,
    now: dt.datetime,
) -> bytes:
    """The non-cancelled appointments starting from ``start`` to ``end`` (inclusive) as .ics.

    ``now`` is the export time for DTSTAMP (naive means UTC, like other bookkeeping
    times). Titles follow ``privacy``; notes are never written. Raises
    ValidationError for an unknown time zone or an end before the start.
    """
    if end < start:
        raise ValidationError.single("end", "The last day is before the first day.")
    zone = zone_of(tz_name)
    query = (
        select(Appointment, Client.full_name, Client.preferred_name)
        .join(Client, Client.id == Appointment.client_id)
        .where(
            Appointment.start >= dt.datetime.combine(start, dt.time()),
            Appointment.start < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
            Appointment.status.in_(ACTIVE_STATUSES),
        )
        .order_by(Appointment.start, Appointment.id)
    )
    if practitioner_id is not None:
        query = query.where(Appointment.practitioner_id == practitioner_id)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    stamp = _as_utc(now)
    for appointment, full_name, preferred_name in session.execute(query):
        event = icalendar.Event()
        event.add("uid", appointment_uid(appointment.id, appointment.ical_uid))
        event.add("dtstamp", stamp)
        event.add("summary", client_title(full_name, preferred_name, privacy))
        begins = appointment.start.replace(tzinfo=zone)
        event.add("dtstart", begins)
        event.add("dtend", begins + dt.timedelta(minutes=appointment.duration_minutes))
        if appointment.location:
            event.add("location", appointment.location)
        event.add("description", records.MODE_LABELS[appointment.mode])
        calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=min(dt.date(1970, 1, 1), start),
        last_date=max(dt.date(2038, 1, 1), dt.date(end.year + 2, 1, 1)),
    )
    data: bytes = calendar.to_ical()
    return data
