"""Importing the occurrences of an .ics file as appointments or busy time, with a report line
for every one (imported, skipped and why, or already imported)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.models import (
    Appointment,
    AppointmentMode,
    AppointmentStatus,
    AuditAction,
    BusyTime,
    Client,
    ClientStatus,
    Practitioner,
)
from clientcare.errors import ValidationError
from clientcare.ical import records
from clientcare.ical.reading import Occurrence, Skip, overridden_starts, parse_events, read_event
from clientcare.ical.records import (
    ACTIVE_STATUSES,
    PAST_LIMIT_YEARS,
    UID_DOMAIN,
    ImportAs,
    ImportLine,
    ImportOutcome,
    ImportReport,
    zone_of,
)
from clientcare.text import fold

BUSY_TITLE = "Busy"
FUTURE_LIMIT_YEARS = 5
MIN_MINUTES = 5
MAX_MINUTES = 600
EXPANSION_SECONDS = 5.0  # all repeating events of one file together
_VIDEO_WORDS = ("video", "zoom", "teams", "meet.", "skype", "whereby", "online")


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for index in range(0, len(values), size):
        yield values[index : index + size]


def _own_appointment_ids(session: Session, uids: Iterable[str]) -> set[str]:
    """UIDs that ClientCare itself gave to appointments still in this database."""
    prefix, suffix = "clientcare-appointment-", f"@{UID_DOMAIN}"
    wanted: dict[int, str] = {}
    for uid in uids:
        middle = uid.removeprefix(prefix).removesuffix(suffix)
        if uid.startswith(prefix) and uid.endswith(suffix) and middle.isdigit():
            wanted[int(middle)] = uid
    found: set[str] = set()
    ids = sorted(wanted)
    for index in range(0, len(ids), 500):
        chunk = ids[index : index + 500]
        found |= {
            wanted[i]
            for i in session.scalars(select(Appointment.id).where(Appointment.id.in_(chunk)))
        }
    return found


def _limits(occurrence: Occurrence, now: dt.datetime) -> str:
    if occurrence.start < now - dt.timedelta(days=365 * PAST_LIMIT_YEARS):
        return f"is more than {PAST_LIMIT_YEARS} years in the past"
    if occurrence.start > now + dt.timedelta(days=365 * FUTURE_LIMIT_YEARS):
        return f"is more than {FUTURE_LIMIT_YEARS} years ahead"
    return ""


def _when(moment: dt.datetime, near: dt.datetime) -> str:
    return f"{moment:%H:%M}" if moment.date() == near.date() else f"{moment:%d %b %Y %H:%M}"


class _Calendar:
    """The practitioner's booked time: stored rows in range plus what this import adds."""

    def __init__(self, session: Session, practitioner_id: int, occurrences: list[Occurrence]):
        self.booked: list[tuple[dt.datetime, dt.datetime, str]] = []
        timed = [o for o in occurrences if o.end is not None]
        if not timed:
            return
        low = min(o.start for o in timed)
        high = max(o.end for o in timed if o.end is not None)
        appointments = session.execute(
            select(Appointment.start, Appointment.duration_minutes).where(
                Appointment.practitioner_id == practitioner_id,
                Appointment.status.in_(ACTIVE_STATUSES),
                Appointment.start >= low - dt.timedelta(days=1),
                Appointment.start < high,
            )
        )
        for start, minutes in appointments:
            self.add(start, start + dt.timedelta(minutes=minutes), "an appointment")
        busy = session.execute(
            select(BusyTime.starts_at, BusyTime.ends_at).where(
                BusyTime.practitioner_id == practitioner_id,
                BusyTime.ends_at > low,
                BusyTime.starts_at < high,
            )
        )
        for start, end in busy:
            self.add(start, end, "busy time")

    def add(self, start: dt.datetime, end: dt.datetime, kind: str) -> None:
        self.booked.append((start, end, kind))

    def clash(self, start: dt.datetime, end: dt.datetime) -> str:
        """The reason ``start``–``end`` cannot be booked, or ""."""
        for booked_start, booked_end, kind in sorted(self.booked):
            if booked_start < end and start < booked_end:
                return f"overlaps {kind} at {_when(booked_start, start)}"
        return ""


def _mode(occurrence: Occurrence) -> AppointmentMode:
    for mode, label in records.MODE_LABELS.items():
        if fold(occurrence.description) == fold(label):
            return mode
    place = fold(occurrence.location)
    if "phone" in place or "call" in place.split():
        return AppointmentMode.PHONE
    if any(word in place for word in _VIDEO_WORDS):
        return AppointmentMode.VIDEO
    return AppointmentMode.IN_PERSON


class _ClientIndex:
    """Clients by folded full name and preferred name."""

    def __init__(self, session: Session):
        self.by_name: dict[str, set[int]] = {}
        self.status: dict[int, ClientStatus] = {}
        rows = session.execute(
            select(Client.id, Client.full_name, Client.preferred_name, Client.status)
        )
        for client_id, full_name, preferred_name, status in rows:
            self.status[client_id] = status
            for name in {fold(full_name), fold(preferred_name)}:
                self.by_name.setdefault(name, set()).add(client_id)

    def find(self, summary: str) -> int:
        """The one client called ``summary``; raises Skip saying why there is not one."""
        if not summary:
            raise Skip("has no title, so ClientCare cannot tell which client it is for")
        matches = self.by_name.get(fold(summary), set())
        if not matches:
            raise Skip(f"no client named “{summary}”")
        if len(matches) > 1:
            raise Skip(f"more than one client matches “{summary}”")
        client_id = next(iter(matches))
        if self.status[client_id] is ClientStatus.CLOSED:
            raise Skip(f"the file of “{summary}” is closed")
        return client_id


def _plan_appointment(
    occurrence: Occurrence,
    *,
    clients: _ClientIndex,
    calendar: _Calendar,
    taken_keys: set[str],
    practitioner_id: int,
) -> Appointment:
    """The appointment to add for ``occurrence``; raises Skip (or _Already) saying why not."""
    if occurrence.all_day:
        raise Skip("all-day events are not appointments")
    if occurrence.end is None:
        raise Skip("has no end time")
    if occurrence.key in taken_keys:
        raise _Already()
    minutes = round((occurrence.end - occurrence.start).total_seconds() / 60)
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise Skip(
            f"lasts {minutes:,} minutes; "
            f"an appointment lasts {MIN_MINUTES} to {MAX_MINUTES} minutes"
        )
    client_id = clients.find(occurrence.summary)
    clash = calendar.clash(occurrence.start, occurrence.end)
    if clash:
        raise Skip(clash)
    return Appointment(
        client_id=client_id,
        practitioner_id=practitioner_id,
        start=occurrence.start,
        duration_minutes=minutes,
        mode=_mode(occurrence),
        location=occurrence.location,
        status=AppointmentStatus.SCHEDULED,
        ical_uid=occurrence.key,
    )


def _plan_busy(
    occurrence: Occurrence, *, taken: set[tuple[str, dt.datetime]], practitioner_id: int
) -> BusyTime:
    """The busy time to add for ``occurrence``; raises Skip (or _Already) saying why not."""
    if occurrence.end is None:
        raise Skip("has no end time")
    if occurrence.end <= occurrence.start:
        raise Skip("takes no time")
    if occurrence.free:
        raise Skip("is marked as free time")
    if (occurrence.uid, occurrence.start) in taken:
        raise _Already()
    return BusyTime(
        practitioner_id=practitioner_id,
        starts_at=occurrence.start,
        ends_at=occurrence.end,
        title=occurrence.summary or BUSY_TITLE,
        ical_uid=occurrence.uid,
    )


class _Already(Skip):
    """Imported before (or twice in this file)."""


def _taken_appointment_keys(session: Session, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(set(keys))):
        found |= set(
            session.scalars(select(Appointment.ical_uid).where(Appointment.ical_uid.in_(chunk)))
        )
    return found


def _taken_busy(
    session: Session, practitioner_id: int, uids: list[str]
) -> set[tuple[str, dt.datetime]]:
    found: set[tuple[str, dt.datetime]] = set()
    for chunk in _chunks(sorted(set(uids))):
        rows = session.execute(
            select(BusyTime.ical_uid, BusyTime.starts_at).where(
                BusyTime.practitioner_id == practitioner_id, BusyTime.ical_uid.in_(chunk)
            )
        )
        found |= {(uid, start) for uid, start in rows if uid is not None}  # IN never matches NULL
    return found


def import_ics(
    session: Session,
    data: bytes,
    *,
    practitioner_id: int,
    as_: ImportAs,
    tz_name: str,
    now: dt.datetime,
    dry_run: bool = False,
) -> ImportReport:
    """Import the events of an .ics file for one practitioner; returns a line per event.

    ``now`` is practice-local wall clock (it sets the past/future limits). With
    ``dry_run`` nothing is added. Raises ValidationError("file") for a file that
    is not a readable calendar, before anything is added.
    """
    zone = zone_of(tz_name)
    if session.get(Practitioner, practitioner_id) is None:
        raise ValidationError.single("practitioner_id", "That practitioner no longer exists.")
    now = now.replace(tzinfo=None)
    events = parse_events(data)
    overrides = overridden_starts(events, zone)
    lines: list[ImportLine] = []
    occurrences: list[Occurrence] = []
    deadline = time.monotonic() + EXPANSION_SECONDS
    for number, event in enumerate(events, start=1):
        result = read_event(event, number, zone, now, overrides, deadline)
        lines.extend(result.lines)
        for occurrence in result.occurrences:
            reason = _limits(occurrence, now)
            if reason:
                lines.append(_line(occurrence, ImportOutcome.SKIPPED, reason))
            else:
                occurrences.append(occurrence)
    rows, planned_lines = _plan(session, occurrences, practitioner_id, as_)
    lines.extend(planned_lines)
    lines.sort(key=lambda line: (line.number, line.start or dt.datetime.min))
    if not dry_run and rows:
        session.add_all(rows)
        session.flush()
        for row in rows:
            entity = "appointment" if isinstance(row, Appointment) else "busy_time"
            audit.record(session, AuditAction.CREATE, entity, row.id, ("ical_import",))
    imported = sum(1 for line in lines if line.outcome == ImportOutcome.IMPORTED)
    return ImportReport(tuple(lines), imported, len(lines) - imported)


def _line(occurrence: Occurrence, outcome: ImportOutcome, reason: str) -> ImportLine:
    return ImportLine(occurrence.number, occurrence.summary, occurrence.start, outcome, reason)


def _plan(
    session: Session, occurrences: list[Occurrence], practitioner_id: int, as_: ImportAs
) -> tuple[list[Appointment | BusyTime], list[ImportLine]]:
    """The rows to add and a report line for every occurrence."""
    own = _own_appointment_ids(session, {o.uid for o in occurrences})
    rows: list[Appointment | BusyTime] = []
    lines: list[ImportLine] = []
    if as_ is ImportAs.APPOINTMENTS:
        clients = _ClientIndex(session)
        calendar = _Calendar(session, practitioner_id, occurrences)
        taken_keys = _taken_appointment_keys(session, [o.key for o in occurrences])
    else:
        taken = _taken_busy(session, practitioner_id, [o.uid for o in occurrences])
    for occurrence in occurrences:
        try:
            if occurrence.uid in own:
                raise _Already("is already a ClientCare appointment")
            if as_ is ImportAs.APPOINTMENTS:
                appointment = _plan_appointment(
                    occurrence,
                    clients=clients,
                    calendar=calendar,
                    taken_keys=taken_keys,
                    practitioner_id=practitioner_id,
                )
                taken_keys.add(occurrence.key)
                calendar.add(
                    appointment.start, occurrence.end or appointment.start, "an appointment"
                )
                row: Appointment | BusyTime = appointment
            else:
                row = _plan_busy(occurrence, taken=taken, practitioner_id=practitioner_id)
                taken.add((occurrence.uid, occurrence.start))
        except _Already as already:
            lines.append(
                _line(
                    occurrence, ImportOutcome.ALREADY_IMPORTED, str(already) or "already imported"
                )
            )
            continue
        except Skip as skip:
            lines.append(_line(occurrence, ImportOutcome.SKIPPED, str(skip)))
            continue
        rows.append(row)
        lines.append(_line(occurrence, ImportOutcome.IMPORTED, ""))
    return rows, lines
