"""iCalendar (.ics) export of appointments and import as appointments or busy time.

Appointment times are naive practice-local wall clock; a file's times are turned
into that wall clock with the practice's time zone. Exports never carry notes:
the title follows the practice's privacy choice and the description only says
the mode. Imports never raise for one bad event: each event gets a line in the
report saying what happened and why, and the caller's unit of work commits the
whole import (or nothing, for a preview).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from dateutil.rrule import rrulestr
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
from clientcare.text import clean_line, fold

PRODID = "-//ClientCare//ClientCare//EN"
GENERIC_TITLE = "Client session"
BUSY_TITLE = "Busy"
UID_DOMAIN = "clientcare.invalid"
MAX_OCCURRENCES = 200
RECUR_YEARS_AHEAD = 2
PAST_LIMIT_YEARS = 10
FUTURE_LIMIT_YEARS = 5
MIN_MINUTES = 5
MAX_MINUTES = 600
MAX_TITLE = 200
MAX_LOCATION = 200
MAX_UID = 255
_COUNT_CAP = 10_000  # how far we count left-out occurrences of a rule with UNTIL
EXPANSION_SECONDS = 5.0  # all repeating events of one file together

# Appointments that hold a time slot (exported, and checked for overlaps).
ACTIVE_STATUSES = (
    AppointmentStatus.SCHEDULED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.COMPLETED,
)

MODE_LABELS: dict[AppointmentMode, str] = {
    AppointmentMode.IN_PERSON: "In person",
    AppointmentMode.PHONE: "Phone",
    AppointmentMode.VIDEO: "Video",
}
_VIDEO_WORDS = ("video", "zoom", "teams", "meet.", "skype", "whereby", "online")


class TitlePrivacy(StrEnum):
    """What an exported event's title says about the client."""

    FULL_NAME = "full_name"
    PREFERRED_NAME = "preferred_name"
    INITIALS = "initials"
    GENERIC = "generic"


class ImportAs(StrEnum):
    """What the events of an imported file become."""

    APPOINTMENTS = "appointments"
    BUSY_TIME = "busy_time"


class ImportOutcome(StrEnum):
    IMPORTED = "imported"
    SKIPPED = "skipped"
    ALREADY_IMPORTED = "already imported"


@dataclass(frozen=True)
class ImportLine:
    """What happened to one event (or one occurrence of a repeating event)."""

    number: int  # 1-based position of the event in the file
    summary: str
    start: dt.datetime | None
    outcome: str
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """Every line of an import; ``skipped`` counts every line that was not imported."""

    lines: tuple[ImportLine, ...]
    imported: int
    skipped: int


# ---------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------


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


def _zone(tz_name: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError.single(
            "tz_name", f"“{tz_name}” is not a time zone ClientCare knows."
        ) from exc


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
    zone = _zone(tz_name)
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
        event.add("description", MODE_LABELS[appointment.mode])
        calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=min(dt.date(1970, 1, 1), start),
        last_date=max(dt.date(2038, 1, 1), dt.date(end.year + 2, 1, 1)),
    )
    data: bytes = calendar.to_ical()
    return data


# ---------------------------------------------------------------------------
# Reading a file
# ---------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    """The file's text and its encoding: UTF-8 (with or without BOM), else latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _parse(data: bytes) -> list[icalendar.Component]:
    """The VEVENTs of ``data``; raises ValidationError("file") for an unreadable file."""
    text, encoding = _decode(data)
    if "BEGIN:VCALENDAR" not in text.upper() and "BEGIN:VEVENT" not in text.upper():
        raise ValidationError.single(
            "file", "This is not a calendar (.ics) file. Nothing was imported."
        )
    try:
        # multiple=True also reads a bare VEVENT and several calendars in one file,
        # but silently returns nothing for a cut-short file: check the ends too.
        components = icalendar.Calendar.from_ical(text, multiple=True)
        if not components or not _complete(text):
            raise ValueError("the file ends before its calendar does")
    except Exception as exc:  # icalendar raises ValueError and others for damaged files
        hint = (
            " Its text is not in UTF-8 either; save it again as UTF-8 and retry."
            if encoding == "latin-1"
            else " It may have been cut short while copying; export it again."
        )
        raise ValidationError.single(
            "file", f"This calendar file is damaged and cannot be read.{hint} Nothing was imported."
        ) from exc
    return [event for component in components for event in component.walk("VEVENT")]


def _complete(text: str) -> bool:
    """Whether every BEGIN: line of the file has its END: line (a cut-short file has not)."""
    open_blocks: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):  # not U+2028…
        if line[:1] in (" ", "\t"):
            continue  # the folded rest of the line before
        name, _, value = line.rstrip().upper().partition(":")
        if name == "BEGIN":
            open_blocks.append(value)
        elif name == "END" and (not open_blocks or open_blocks.pop() != value):
            return False
    return not open_blocks


def clean_text(value: object, limit: int) -> str:
    """One storable line: no control characters, whitespace collapsed, cut to ``limit``."""
    text = "" if value is None else str(value)
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch for ch in text
    )
    return clean_line(text)[:limit].rstrip()


def _clean_uid(value: object) -> str:
    text = "".join(ch for ch in str(value or "") if unicodedata.category(ch) not in ("Cc", "Cs"))
    text = text.strip()
    if len(text) > MAX_UID - 20:  # room for the "#YYYYmmddTHHMM" of an occurrence
        text = "sha256-" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text


@dataclass(frozen=True)
class _Occurrence:
    """One event or one occurrence of a repeating event, in practice-local wall clock."""

    number: int
    summary: str
    start: dt.datetime  # naive local; midnight for all-day events
    end: dt.datetime | None
    all_day: bool
    uid: str
    key: str  # unique per occurrence: the UID, or UID#start for a repetition
    location: str
    description: str
    free: bool


@dataclass
class _EventResult:
    occurrences: list[_Occurrence] = field(default_factory=list)
    lines: list[ImportLine] = field(default_factory=list)


class _Skip(Exception):
    """An event that cannot be imported; the message is the reason for the report."""


_PROPERTY_WORDS = {
    "DTSTART": "a start time",
    "DTEND": "an end time",
    "DURATION": "a length",
    "RECURRENCE-ID": "a changed repeat",
}


def _value(event: icalendar.Component, name: str) -> Any:
    prop = event.get(name)
    if prop is None:
        return None
    try:
        return prop.dt
    except Exception as exc:  # a vBroken property: icalendar 7 raises on .dt
        raise _Skip(f"has {_PROPERTY_WORDS.get(name, name)} ClientCare cannot read") from exc


def _local(value: dt.date | dt.datetime, zone: ZoneInfo) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    if value.tzinfo is None:
        return value  # floating time: already local
    return value.astimezone(zone).replace(tzinfo=None)


def _elapsed(begin: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """Real time between two moments (aware values across a clock change too)."""
    if begin.tzinfo is not None and end.tzinfo is not None:
        return end.astimezone(dt.UTC) - begin.astimezone(dt.UTC)
    return end.replace(tzinfo=None) - begin.replace(tzinfo=None)


def _length(event: icalendar.Component, begin: dt.date | dt.datetime) -> dt.timedelta | None:
    """How long the event lasts, from DTEND or DURATION; None when it says neither."""
    all_day = not isinstance(begin, dt.datetime)
    finish = _value(event, "DTEND")
    if finish is not None:
        if isinstance(finish, dt.datetime) == all_day:
            raise _Skip("has a start and an end of different kinds (a day and a time)")
        length = _elapsed(begin, finish) if isinstance(begin, dt.datetime) else finish - begin
    else:
        duration = _value(event, "DURATION")
        if isinstance(duration, dt.timedelta):
            length = duration
        elif all_day:
            length = dt.timedelta(days=1)
        else:
            return None
    if length < dt.timedelta(0):
        raise _Skip("ends before it starts")
    return length


def _rule_text(
    event: icalendar.Component, begin: dt.datetime, zone: ZoneInfo
) -> tuple[str, int | None, bool]:
    """The RRULE for dateutil (UNTIL made to agree with DTSTART), its COUNT, and whether it ends."""
    recur = event.get("RRULE")
    if isinstance(recur, list):
        recur = recur[0]
    recur = icalendar.vRecur(dict(recur))
    count = recur.get("COUNT", [None])[0]
    until = recur.get("UNTIL", [None])[0]
    if until is not None:
        if not isinstance(until, dt.datetime):
            until = dt.datetime.combine(until, dt.time(23, 59, 59))
        if begin.tzinfo is None and until.tzinfo is not None:
            until = until.astimezone(zone).replace(tzinfo=None)
        elif begin.tzinfo is not None and until.tzinfo is None:
            until = until.replace(tzinfo=begin.tzinfo).astimezone(dt.UTC)
        elif until.tzinfo is not None:
            until = until.astimezone(dt.UTC)
        recur["UNTIL"] = [until]
    text = recur.to_ical().decode("ascii")
    return text, int(count) if count is not None else None, count is not None or until is not None


def _expand(
    event: icalendar.Component,
    begin: dt.date | dt.datetime,
    zone: ZoneInfo,
    now: dt.datetime,
    overridden: set[dt.datetime],
) -> tuple[list[dt.datetime], str, dt.datetime | None]:
    """Local starts of a repeating event within the limits, and a reason when some were left out."""
    first = begin if isinstance(begin, dt.datetime) else dt.datetime.combine(begin, dt.time())
    text, count, ends = _rule_text(event, first, zone)
    if _never_happens(text):
        raise _Skip("repeats on a day that never comes (such as 30 February)")
    try:
        rule = rrulestr(text, dtstart=first)
    except (ValueError, TypeError) as exc:
        raise _Skip("repeats by a rule ClientCare cannot read") from exc
    tz = first.tzinfo
    window_start = (now - dt.timedelta(days=365 * PAST_LIMIT_YEARS)).replace(tzinfo=tz)
    window_end = (now + dt.timedelta(days=365 * RECUR_YEARS_AHEAD)).replace(tzinfo=tz)
    excluded = {_local(value, zone) for value in _exdates(event)}
    candidates: Iterator[dt.datetime] = rule.xafter(window_start, inc=True)
    starts: list[dt.datetime] = []
    first_left_out: dt.datetime | None = None
    for occurrence in candidates:
        if occurrence > window_end or len(starts) == MAX_OCCURRENCES:
            first_left_out = _local(occurrence, zone)
            break
        local = _local(occurrence, zone)
        if local not in excluded and local not in overridden:
            starts.append(local)
    if first_left_out is None:
        return starts, "", None
    limit = f"ClientCare imports at most {MAX_OCCURRENCES} repeats, up to {window_end:%d %b %Y}"
    if count is not None:
        left_out = max(count - len(starts), 0)
        return (
            starts,
            f"repeats {count:,} times; {limit}, so {left_out:,} were left out",
            first_left_out,
        )
    if ends:
        rest = sum(1 for _ in islice(candidates, _COUNT_CAP)) + 1
        amount = f"more than {_COUNT_CAP:,}" if rest > _COUNT_CAP else f"{rest:,}"
        return starts, f"{limit}, so {amount} later repeats were left out", first_left_out
    return (
        starts,
        f"repeats without end; {limit}, so all later repeats were left out",
        first_left_out,
    )


_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _never_happens(rule_text: str) -> bool:
    """Whether BYMONTH and BYMONTHDAY allow no day at all.

    dateutil looks for such a day until the year 9999 (seconds per event), so a
    file could otherwise stall the import.
    """
    parts = dict(part.partition("=")[::2] for part in rule_text.upper().split(";"))
    try:
        months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else []
        days = [int(d) for d in parts.get("BYMONTHDAY", "").split(",") if d]
    except ValueError:
        return False  # dateutil will refuse it with a clearer reason
    if not days:
        return False
    months = [m for m in months if 1 <= m <= 12] or list(range(1, 13))
    return not any(1 <= abs(day) <= _LONGEST_MONTH[m - 1] for m in months for day in days)


def _exdates(event: icalendar.Component) -> list[dt.date | dt.datetime]:
    if not isinstance(event, icalendar.Event):  # only an event has EXDATE here
        return []
    try:
        return list(event.exdates)
    except Exception:  # a broken EXDATE: repeat on those days rather than fail
        return []


def _first(event: icalendar.Component, name: str) -> Any:
    """A property's value; the first one when a file repeats a property that should be single."""
    value = event.get(name)
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _read_event(
    event: icalendar.Component,
    number: int,
    zone: ZoneInfo,
    now: dt.datetime,
    overrides: dict[str, set[dt.datetime]],
    deadline: float = float("inf"),
) -> _EventResult:
    """The occurrences of one event within the limits, and report lines for what was left out."""
    summary = clean_text(_first(event, "SUMMARY"), MAX_TITLE)
    result = _EventResult()
    try:
        if "RRULE" in event and time.monotonic() > deadline:
            raise _Skip(
                "the file has more repeating events than ClientCare can work out at once; "
                "import the rest from a smaller file"
            )
        _occurrences(event, number, summary, zone, now, overrides, result)
    except _Skip as skip:
        reason = str(skip)
    except (ValueError, TypeError, OverflowError, AttributeError, KeyError, IndexError):
        # A hostile or damaged event (icalendar and dateutil raise all of these):
        # report it and go on with the rest of the file.
        reason = "has dates or times ClientCare cannot use"
    else:
        return result
    start = _safe_start(event, zone)
    return _EventResult([], [ImportLine(number, summary, start, ImportOutcome.SKIPPED, reason)])


def _occurrences(
    event: icalendar.Component,
    number: int,
    summary: str,
    zone: ZoneInfo,
    now: dt.datetime,
    overrides: dict[str, set[dt.datetime]],
    result: _EventResult,
) -> None:
    """Add the occurrences of ``event`` to ``result``; raises _Skip saying why there are none."""
    if str(_first(event, "STATUS") or "").upper() == "CANCELLED":
        raise _Skip("was cancelled in the calendar it came from")
    begin = _value(event, "DTSTART")
    if begin is None:
        raise _Skip("has no start time")
    length = _length(event, begin)
    uid = _clean_uid(_first(event, "UID")) or _fallback_uid(summary, begin)
    recurrence_id = _value(event, "RECURRENCE-ID")
    if "RRULE" in event and recurrence_id is None:
        starts, reason, left_start = _expand(event, begin, zone, now, overrides.get(uid, set()))
        if not starts and not reason:
            raise _Skip(
                f"repeats by a rule that gives no dates from {PAST_LIMIT_YEARS} years ago "
                f"to {RECUR_YEARS_AHEAD} years ahead"
            )
        keys = [f"{uid}#{start:%Y%m%dT%H%M}" for start in starts]
        if reason:
            result.lines.append(
                ImportLine(number, summary, left_start, ImportOutcome.SKIPPED, reason)
            )
    elif recurrence_id is not None:
        starts = [_local(begin, zone)]
        keys = [f"{uid}#{_local(recurrence_id, zone):%Y%m%dT%H%M}"]
    else:
        starts, keys = [_local(begin, zone)], [uid]
    all_day = not isinstance(begin, dt.datetime)
    location = clean_text(_first(event, "LOCATION"), MAX_LOCATION)
    description = clean_text(_first(event, "DESCRIPTION"), MAX_TITLE)
    free = str(_first(event, "TRANSP") or "").upper() == "TRANSPARENT"
    for start, key in zip(starts, keys, strict=True):
        end = start + length if length is not None else None
        result.occurrences.append(
            _Occurrence(number, summary, start, end, all_day, uid, key, location, description, free)
        )


def _fallback_uid(summary: str, begin: dt.date) -> str:
    digest = hashlib.sha256(f"{summary}|{begin.isoformat()}".encode()).hexdigest()[:24]
    return f"no-uid-{digest}@{UID_DOMAIN}"


def _safe_start(event: icalendar.Component, zone: ZoneInfo) -> dt.datetime | None:
    """The local start for the report, or None when there is no usable one."""
    try:
        value = _value(event, "DTSTART")
        return _local(value, zone) if value is not None else None
    except (_Skip, ValueError, TypeError, OverflowError, AttributeError):
        return None


def _overrides(
    events: Iterable[icalendar.Component], zone: ZoneInfo
) -> dict[str, set[dt.datetime]]:
    """Per UID, the local starts of repeats that a separate event (RECURRENCE-ID) replaces."""
    replaced: dict[str, set[dt.datetime]] = {}
    for event in events:
        try:
            value = _value(event, "RECURRENCE-ID")
            if value is None:
                continue
            recurrence_id = _local(value, zone)
        except (_Skip, ValueError, TypeError, OverflowError, AttributeError):
            continue
        uid = _clean_uid(_first(event, "UID"))
        replaced.setdefault(uid, set()).add(recurrence_id)
    return replaced


# ---------------------------------------------------------------------------
# Import
# ---------------------------------------------------------------------------


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


def _limits(occurrence: _Occurrence, now: dt.datetime) -> str:
    if occurrence.start < now - dt.timedelta(days=365 * PAST_LIMIT_YEARS):
        return f"is more than {PAST_LIMIT_YEARS} years in the past"
    if occurrence.start > now + dt.timedelta(days=365 * FUTURE_LIMIT_YEARS):
        return f"is more than {FUTURE_LIMIT_YEARS} years ahead"
    return ""


def _when(moment: dt.datetime, near: dt.datetime) -> str:
    return f"{moment:%H:%M}" if moment.date() == near.date() else f"{moment:%d %b %Y %H:%M}"


class _Calendar:
    """The practitioner's booked time: stored rows in range plus what this import adds."""

    def __init__(self, session: Session, practitioner_id: int, occurrences: list[_Occurrence]):
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


def _mode(occurrence: _Occurrence) -> AppointmentMode:
    for mode, label in MODE_LABELS.items():
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
        """The one client called ``summary``; raises _Skip saying why there is not one."""
        if not summary:
            raise _Skip("has no title, so ClientCare cannot tell which client it is for")
        matches = self.by_name.get(fold(summary), set())
        if not matches:
            raise _Skip(f"no client named “{summary}”")
        if len(matches) > 1:
            raise _Skip(f"more than one client matches “{summary}”")
        client_id = next(iter(matches))
        if self.status[client_id] is ClientStatus.CLOSED:
            raise _Skip(f"the file of “{summary}” is closed")
        return client_id


def _plan_appointment(
    occurrence: _Occurrence,
    *,
    clients: _ClientIndex,
    calendar: _Calendar,
    taken_keys: set[str],
    practitioner_id: int,
) -> Appointment:
    """The appointment to add for ``occurrence``; raises _Skip (or _Already) saying why not."""
    if occurrence.all_day:
        raise _Skip("all-day events are not appointments")
    if occurrence.end is None:
        raise _Skip("has no end time")
    if occurrence.key in taken_keys:
        raise _Already()
    minutes = round((occurrence.end - occurrence.start).total_seconds() / 60)
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise _Skip(
            f"lasts {minutes:,} minutes; "
            f"an appointment lasts {MIN_MINUTES} to {MAX_MINUTES} minutes"
        )
    client_id = clients.find(occurrence.summary)
    clash = calendar.clash(occurrence.start, occurrence.end)
    if clash:
        raise _Skip(clash)
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
    occurrence: _Occurrence, *, taken: set[tuple[str, dt.datetime]], practitioner_id: int
) -> BusyTime:
    """The busy time to add for ``occurrence``; raises _Skip (or _Already) saying why not."""
    if occurrence.end is None:
        raise _Skip("has no end time")
    if occurrence.end <= occurrence.start:
        raise _Skip("takes no time")
    if occurrence.free:
        raise _Skip("is marked as free time")
    if (occurrence.uid, occurrence.start) in taken:
        raise _Already()
    return BusyTime(
        practitioner_id=practitioner_id,
        starts_at=occurrence.start,
        ends_at=occurrence.end,
        title=occurrence.summary or BUSY_TITLE,
        ical_uid=occurrence.uid,
    )


class _Already(_Skip):
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
        found |= {(uid, start) for uid, start in rows if uid is not None}
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
    zone = _zone(tz_name)
    if session.get(Practitioner, practitioner_id) is None:
        raise ValidationError.single("practitioner_id", "That practitioner no longer exists.")
    now = now.replace(tzinfo=None)
    events = _parse(data)
    overrides = _overrides(events, zone)
    lines: list[ImportLine] = []
    occurrences: list[_Occurrence] = []
    deadline = time.monotonic() + EXPANSION_SECONDS
    for number, event in enumerate(events, start=1):
        result = _read_event(event, number, zone, now, overrides, deadline)
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


def _line(occurrence: _Occurrence, outcome: ImportOutcome, reason: str) -> ImportLine:
    return ImportLine(occurrence.number, occurrence.summary, occurrence.start, outcome, reason)


def _plan(
    session: Session, occurrences: list[_Occurrence], practitioner_id: int, as_: ImportAs
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
        except _Skip as skip:
            lines.append(_line(occurrence, ImportOutcome.SKIPPED, str(skip)))
            continue
        rows.append(row)
        lines.append(_line(occurrence, ImportOutcome.IMPORTED, ""))
    return rows, lines
