"""Reading an .ics file into occurrences in practice-local wall clock.

A damaged or hostile file is refused as a whole (ValidationError); one bad event becomes a
report line saying why (``Skip``), and repeating events are expanded within limits."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrulestr

from clientcare.errors import ValidationError
from clientcare.ical.records import PAST_LIMIT_YEARS, UID_DOMAIN, ImportLine, ImportOutcome
from clientcare.text import clean_line

MAX_OCCURRENCES = 200
RECUR_YEARS_AHEAD = 2
MAX_TITLE = 200
MAX_LOCATION = 200
MAX_UID = 255
_COUNT_CAP = 10_000  # how far we count left-out occurrences of a rule with UNTIL


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


def parse_events(data: bytes) -> list[icalendar.Component]:
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
class Occurrence:
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
    occurrences: list[Occurrence] = field(default_factory=list)
    lines: list[ImportLine] = field(default_factory=list)


class Skip(Exception):
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
        raise Skip(f"has {_PROPERTY_WORDS.get(name, name)} ClientCare cannot read") from exc


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
            raise Skip("has a start and an end of different kinds (a day and a time)")
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
        raise Skip("ends before it starts")
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
        raise Skip("repeats on a day that never comes (such as 30 February)")
    try:
        rule = rrulestr(text, dtstart=first)
    except (ValueError, TypeError) as exc:
        raise Skip("repeats by a rule ClientCare cannot read") from exc
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
    try:
        return list(event.exdates)  # type: ignore[attr-defined]  # icalendar 6+, no stub
    except Exception:  # a broken EXDATE: repeat on those days rather than fail
        return []


def _first(event: icalendar.Component, name: str) -> Any:
    """A property's value; the first one when a file repeats a property that should be single."""
    value = event.get(name)
    if isinstance(value, list):
        return value[0] if value else None
    return value


def read_event(
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
            raise Skip(
                "the file has more repeating events than ClientCare can work out at once; "
                "import the rest from a smaller file"
            )
        _occurrences(event, number, summary, zone, now, overrides, result)
    except Skip as skip:
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
    """Add the occurrences of ``event`` to ``result``; raises Skip saying why there are none."""
    if str(_first(event, "STATUS") or "").upper() == "CANCELLED":
        raise Skip("was cancelled in the calendar it came from")
    begin = _value(event, "DTSTART")
    if begin is None:
        raise Skip("has no start time")
    length = _length(event, begin)
    uid = _clean_uid(_first(event, "UID")) or _fallback_uid(summary, begin)
    recurrence_id = _value(event, "RECURRENCE-ID")
    if "RRULE" in event and recurrence_id is None:
        starts, reason, left_start = _expand(event, begin, zone, now, overrides.get(uid, set()))
        if not starts and not reason:
            raise Skip(
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
            Occurrence(number, summary, start, end, all_day, uid, key, location, description, free)
        )


def _fallback_uid(summary: str, begin: dt.date) -> str:
    digest = hashlib.sha256(f"{summary}|{begin.isoformat()}".encode()).hexdigest()[:24]
    return f"no-uid-{digest}@{UID_DOMAIN}"


def _safe_start(event: icalendar.Component, zone: ZoneInfo) -> dt.datetime | None:
    """The local start for the report, or None when there is no usable one."""
    try:
        value = _value(event, "DTSTART")
        return _local(value, zone) if value is not None else None
    except (Skip, ValueError, TypeError, OverflowError, AttributeError):
        return None


def overridden_starts(
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
        except (Skip, ValueError, TypeError, OverflowError, AttributeError):
            continue
        uid = _clean_uid(_first(event, "UID"))
        replaced.setdefault(uid, set()).add(recurrence_id)
    return replaced
