"""Recurring appointment series: RFC 5545 rules (via dateutil) materialised as appointments.

Every occurrence is a real Appointment row with ``series_id`` and
``original_start`` (the start the rule gave it). An occurrence whose ``start``
differs from its ``original_start`` was moved on its own ("individually
moved"); changes to a whole series leave it where the person put it.

The dates of a rule always come from ``dateutil.rrule``; the only arithmetic
here is shifting by the delta the person chose when moving appointments.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from dateutil import rrule as rr
from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import audit, locale_format
from clientcare.appointments import (
    STATUS_LABELS,
    AppointmentDetail,
    AppointmentInput,
    Conflict,
    ConflictError,
    cancel_appointment,
    detail_of,
    find_conflicts,
    format_day,
    load,
    new_appointment,
    start_problem,
    update_appointment,
    validate_against,
    validate_input,
)
from clientcare.db.models import (
    Appointment,
    AppointmentSeries,
    AppointmentStatus,
    AuditAction,
    CancelledBy,
)
from clientcare.errors import FieldError, ValidationError
from clientcare.practice import get_settings

MAX_OCCURRENCES = 200
MAX_INTERVAL = 52

_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_STAMP = "%Y%m%dT%H%M%S"


class Frequency(StrEnum):
    WEEKLY = "weekly"  # with interval N: every N weeks, on the first start's weekday
    MONTHLY_BY_WEEKDAY = "monthly_by_weekday"  # e.g. "2nd Tuesday"; a 5th one means "last"


class Scope(StrEnum):
    THIS = "this"
    FOLLOWING = "following"
    ALL = "all"


@dataclass(frozen=True)
class SeriesRule:
    """How a series repeats; exactly one of ``until`` (a last date) or ``count``."""

    frequency: Frequency
    interval: int = 1
    until: dt.date | None = None
    count: int | None = None


@dataclass(frozen=True)
class SeriesResult:
    series_id: int
    rrule: str
    appointments: tuple[AppointmentDetail, ...]


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


def _week_of_month(first_start: dt.datetime) -> int:
    """1..4 for the 1st..4th weekday of its month; -1 (last) for a 5th."""
    nth = (first_start.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def _until_moment(until: dt.date) -> dt.datetime:
    # The whole last day counts, whatever the time of the appointments.
    return dt.datetime.combine(until, dt.time(23, 59, 59))


def _rule_problems(
    first_start: dt.datetime, rule: SeriesRule, locale: str = locale_format.DEFAULT_LOCALE
) -> list[FieldError]:
    errors: list[FieldError] = []
    try:
        Frequency(rule.frequency)
    except ValueError:
        errors.append(FieldError("frequency", "Please choose how often the series repeats."))
    if not isinstance(rule.interval, int) or not 1 <= rule.interval <= MAX_INTERVAL:
        errors.append(
            FieldError("interval", f"The interval is a whole number from 1 to {MAX_INTERVAL}.")
        )
    if (rule.until is None) == (rule.count is None):
        errors.append(FieldError("until", "Choose either an end date or a number of appointments."))
    elif rule.count is not None:
        if rule.count < 1:
            errors.append(FieldError("count", "A series has at least 1 appointment."))
        elif rule.count > MAX_OCCURRENCES:
            errors.append(
                FieldError(
                    "count",
                    f"A series has at most {MAX_OCCURRENCES} occurrences; "
                    "book a shorter series and extend it later.",
                )
            )
    elif rule.until is not None and rule.until < first_start.date():
        errors.append(
            FieldError(
                "until",
                f"The series cannot end before its first appointment "
                f"({format_day(first_start, year=True, locale=locale)}).",
            )
        )
    return errors


def _rrule(first_start: dt.datetime, rule: SeriesRule) -> rr.rrule:
    weekly = rule.frequency is Frequency.WEEKLY
    if weekly:
        weekday = rr.weekday(first_start.weekday())
    else:
        weekday = rr.weekday(first_start.weekday(), _week_of_month(first_start))
    return rr.rrule(
        rr.WEEKLY if weekly else rr.MONTHLY,
        dtstart=first_start,
        interval=rule.interval,
        byweekday=weekday,
        count=rule.count,
        until=_until_moment(rule.until) if rule.until is not None else None,
    )


def occurrences(
    first_start: dt.datetime, rule: SeriesRule, locale: str = locale_format.DEFAULT_LOCALE
) -> list[dt.datetime]:
    """Every start of the series, first included; raises ValidationError for a bad rule.

    The dates in its messages are written for ``locale`` (the practice's).
    """
    errors = _rule_problems(first_start, rule, locale)
    if errors:
        raise ValidationError(errors)
    starts = list(itertools.islice(_rrule(first_start, rule), MAX_OCCURRENCES + 1))
    if len(starts) > MAX_OCCURRENCES:
        raise ValidationError.single(
            "until",
            f"A series has at most {MAX_OCCURRENCES} occurrences; choose an earlier end date.",
        )
    return starts


def rrule_text(first_start: dt.datetime, rule: SeriesRule) -> str:
    """RFC 5545 text (DTSTART and RRULE lines) that dateutil.rrule.rrulestr reads back."""
    if rule.frequency is Frequency.WEEKLY:
        parts = ["FREQ=WEEKLY", f"INTERVAL={rule.interval}"]
        byday = _WEEKDAY_CODES[first_start.weekday()]
    else:
        parts = ["FREQ=MONTHLY", f"INTERVAL={rule.interval}"]
        byday = f"{_week_of_month(first_start)}{_WEEKDAY_CODES[first_start.weekday()]}"
    parts.append(f"BYDAY={byday}")
    if rule.count is not None:
        parts.append(f"COUNT={rule.count}")
    if rule.until is not None:
        parts.append(f"UNTIL={_until_moment(rule.until):{_STAMP}}")
    return f"DTSTART:{first_start:{_STAMP}}\nRRULE:{';'.join(parts)}"


@dataclass(frozen=True)
class _StoredRule:
    first_start: dt.datetime
    rule: SeriesRule
    exdates: tuple[dt.datetime, ...]

    def text(self) -> str:
        text = rrule_text(self.first_start, self.rule)
        if self.exdates:
            text += "\nEXDATE:" + ",".join(f"{when:{_STAMP}}" for when in self.exdates)
        return text


def _parse_stored(series: AppointmentSeries) -> _StoredRule:
    """Read back the rule text we (or the demo generator) stored."""
    first_start = dt.datetime.combine(series.starts_on, dt.time())
    parts: dict[str, str] = {}
    exdates: list[dt.datetime] = []
    for line in series.rrule.splitlines():
        name, _, value = line.partition(":")
        if name == "DTSTART":
            first_start = dt.datetime.strptime(value[:15], _STAMP)
        elif name == "RRULE":
            parts = dict(part.partition("=")[::2] for part in value.split(";"))
        elif name == "EXDATE":
            exdates.extend(dt.datetime.strptime(v[:15], _STAMP) for v in value.split(","))
    frequency = Frequency.MONTHLY_BY_WEEKDAY if parts.get("FREQ") == "MONTHLY" else Frequency.WEEKLY
    until = series.until
    if until is None and "UNTIL" in parts:
        until = dt.datetime.strptime(parts["UNTIL"][:8], "%Y%m%d").date()
    count = None if until is not None else (series.count or int(parts.get("COUNT", "1")))
    rule = SeriesRule(frequency, int(parts.get("INTERVAL", "1")), until=until, count=count)
    return _StoredRule(first_start, rule, tuple(exdates))


# ---------------------------------------------------------------------------
# Creating
# ---------------------------------------------------------------------------


def _series_conflict_message(
    found: Sequence[tuple[dt.datetime, list[Conflict]]], total: int, locale: str
) -> str:
    lines = "; ".join(
        f"{format_day(start, year=True, locale=locale)} {locale_format.time(start, locale)} "
        "overlaps " + ", ".join(c.describe(locale) for c in conflicts)
        for start, conflicts in found
    )
    return (
        f"{len(found)} of the {total} appointments overlap other bookings: {lines}. "
        "Choose another time, or book anyway (allow the overlaps) if that is intended."
    )


def _collect_conflicts(
    session: Session,
    practitioner_id: int,
    slots: Iterable[tuple[dt.datetime, int]],
    exclude_ids: Iterable[int] = (),
) -> list[tuple[dt.datetime, list[Conflict]]]:
    excluded = tuple(exclude_ids)
    found = []
    for start, minutes in slots:
        end = start + dt.timedelta(minutes=minutes)
        conflicts = find_conflicts(session, practitioner_id, start, end, exclude_ids=excluded)
        if conflicts:
            found.append((start, conflicts))
    return found


def _raise_conflicts(
    session: Session, found: list[tuple[dt.datetime, list[Conflict]]], total: int
) -> None:
    if found:
        every = [c for _start, conflicts in found for c in conflicts]
        locale = get_settings(session).locale
        raise ConflictError(every, _series_conflict_message(found, total, locale))


def create_series(
    session: Session,
    data: AppointmentInput,
    rule: SeriesRule,
    *,
    now: dt.datetime,
    allow_conflicts: bool = False,
) -> SeriesResult:
    """Book every occurrence of a series; nothing is stored if any problem is found.

    Raises ValidationError (the first appointment or the rule) or ConflictError
    naming every occurrence that overlaps something.
    """
    locale = get_settings(session).locale
    errors = _rule_problems(data.start, rule, locale) if isinstance(data.start, dt.datetime) else []
    try:
        cleaned = validate_input(session, data, now=now)
    except ValidationError as exc:
        raise ValidationError([*exc.errors, *errors]) from None
    starts = occurrences(cleaned.start, rule, locale)
    if start_problem(starts[-1], now) is not None:
        last = format_day(starts[-1], year=True, locale=locale)
        raise ValidationError.single(
            "until",
            f"The last appointment would be on {last}, too far ahead; end the series earlier.",
        )
    assert cleaned.practitioner_id is not None  # validated
    if not allow_conflicts:
        slots = [(start, cleaned.duration_minutes) for start in starts]
        found = _collect_conflicts(session, cleaned.practitioner_id, slots)
        _raise_conflicts(session, found, len(starts))
    text = rrule_text(cleaned.start, rule)
    series = AppointmentSeries(
        rrule=text, starts_on=cleaned.start.date(), until=rule.until, count=rule.count
    )
    session.add(series)
    session.flush()
    audit.record(
        session, AuditAction.CREATE, "appointment_series", series.id, ("rrule", "until", "count")
    )
    rows = [
        new_appointment(replace(cleaned, start=start), series_id=series.id, original_start=start)
        for start in starts
    ]
    session.add_all(rows)
    session.flush()
    for row in rows:
        audit.record(session, AuditAction.CREATE, "appointment", row.id, ("series_id", "start"))
    return SeriesResult(series.id, text, tuple(detail_of(session, row) for row in rows))


# ---------------------------------------------------------------------------
# Changing a series
# ---------------------------------------------------------------------------


def _slot(appointment: Appointment) -> dt.datetime:
    return appointment.original_start or appointment.start


def _individually_moved(appointment: Appointment) -> bool:
    return (
        appointment.original_start is not None and appointment.start != appointment.original_start
    )


def _members(session: Session, series_id: int) -> list[Appointment]:
    query = select(Appointment).where(Appointment.series_id == series_id)
    return sorted(session.scalars(query), key=lambda a: (_slot(a), a.id))


def _in_scope(
    session: Session, appointment: Appointment, scope: Scope, now: dt.datetime
) -> list[Appointment]:
    """The selected appointment plus the scheduled, not-yet-past others the scope reaches."""
    scope = Scope(scope)
    if scope is Scope.THIS or appointment.series_id is None:
        return [appointment]
    anchor = _slot(appointment)
    chosen = [appointment]
    for member in _members(session, appointment.series_id):
        if member.id == appointment.id or member.status is not AppointmentStatus.SCHEDULED:
            continue
        if member.start < now or (scope is Scope.FOLLOWING and _slot(member) < anchor):
            continue
        chosen.append(member)
    return sorted(chosen, key=lambda a: (a.start, a.id))


def _require_scheduled(appointment: Appointment, action: str) -> None:
    if appointment.status is not AppointmentStatus.SCHEDULED:
        raise ValidationError.single(
            "status",
            f"Only a scheduled appointment can be {action}; this one is "
            f"{STATUS_LABELS[appointment.status].lower()}.",
        )


def move_occurrence(
    session: Session,
    appointment_id: int,
    new_start: dt.datetime,
    *,
    scope: Scope,
    now: dt.datetime,
    allow_conflict: bool = False,
) -> list[AppointmentDetail]:
    """Move an occurrence, and with FOLLOWING/ALL the others by the same amount.

    Individually moved, past and no longer scheduled occurrences stay put.
    FOLLOWING splits the series: the old one ends the day before this
    occurrence, a new series holds this one and the later ones. Returns the
    appointments that moved, by start.
    """
    appointment = load(session, appointment_id)
    _require_scheduled(appointment, "moved")
    problem = start_problem(new_start, now)
    if problem:
        raise ValidationError([problem])
    scope = Scope(scope)
    delta = new_start - appointment.start
    reached = _in_scope(session, appointment, scope, now)
    moving = [appointment] + [
        a for a in reached if a.id != appointment.id and not _individually_moved(a)
    ]
    targets = {a.id: (new_start if a.id == appointment.id else a.start + delta) for a in moving}
    if not allow_conflict:
        slots = [(targets[a.id], a.duration_minutes) for a in moving]
        found = _collect_conflicts(session, appointment.practitioner_id, slots, targets)
        _raise_conflicts(session, found, len(moving))
    series = (
        session.get(AppointmentSeries, appointment.series_id)
        if appointment.series_id is not None and scope is not Scope.THIS
        else None
    )
    for row in moving:
        row.start = targets[row.id]
    if series is not None:
        _reshape_series(session, series, appointment, scope, delta, now)
    session.flush()
    for row in moving:
        audit.record(session, AuditAction.UPDATE, "appointment", row.id, ("start",))
    return [detail_of(session, row) for row in sorted(moving, key=lambda a: (a.start, a.id))]


def _reshape_series(
    session: Session,
    series: AppointmentSeries,
    selected: Appointment,
    scope: Scope,
    delta: dt.timedelta,
    now: dt.datetime,
) -> None:
    """Keep the rule and the occurrences' original starts in step after a move."""
    anchor = _slot(selected)
    members = _members(session, series.id)
    stored = _parse_stored(series)
    earlier = [m for m in members if _slot(m) < anchor]
    if scope is Scope.FOLLOWING and earlier:
        following = [m for m in members if _slot(m) >= anchor]
        for member in following:
            if member.original_start is not None:
                member.original_start += delta
        last = max(_slot(m) for m in following)
        new_series = AppointmentSeries(
            rrule=_StoredRule(
                anchor + delta,
                replace(stored.rule, until=last.date(), count=None),
                tuple(e + delta for e in stored.exdates if e > anchor),
            ).text(),
            starts_on=(anchor + delta).date(),
            until=last.date(),
            count=None,
        )
        session.add(new_series)
        session.flush()
        for member in following:
            member.series_id = new_series.id
        audit.record(
            session, AuditAction.CREATE, "appointment_series", new_series.id, ("rrule", "until")
        )
        old_until = anchor.date() - dt.timedelta(days=1)
        series.until, series.count = old_until, None
        series.rrule = _StoredRule(
            stored.first_start,
            replace(stored.rule, until=old_until, count=None),
            tuple(e for e in stored.exdates if e < anchor),
        ).text()
    else:
        # The rule now describes the new times; past occurrences keep their record.
        for member in members:
            if member.original_start is not None and (member is selected or member.start >= now):
                member.original_start += delta
        series.rrule = _StoredRule(
            stored.first_start + delta,
            stored.rule,
            tuple(e + delta for e in stored.exdates),
        ).text()
        series.starts_on = (stored.first_start + delta).date()
    audit.record(session, AuditAction.UPDATE, "appointment_series", series.id, ("rrule", "until"))


def cancel_occurrences(
    session: Session,
    appointment_id: int,
    *,
    scope: Scope,
    by: CancelledBy,
    reason: str,
    now: dt.datetime,
    circumstance: str | None = None,
) -> list[AppointmentDetail]:
    """Cancel an occurrence and, with FOLLOWING/ALL, the scheduled future ones.

    Past and completed occurrences are never touched. Each cancellation follows
    the practice's window (a client cancelling the next one late → late-cancelled).
    """
    appointment = load(session, appointment_id)
    reached = _in_scope(session, appointment, scope, now)
    done = [
        cancel_appointment(
            session, row.id, by=by, reason=reason, now=now, circumstance=circumstance
        )
        for row in reached
    ]
    return sorted(done, key=lambda d: (d.start, d.id))


def update_occurrences(
    session: Session,
    appointment_id: int,
    data: AppointmentInput,
    *,
    scope: Scope,
    now: dt.datetime,
    allow_conflict: bool = False,
) -> list[AppointmentDetail]:
    """Change practitioner, length, mode, location or notes for the occurrences in scope.

    The start is not changed here (use ``move_occurrence``); each occurrence keeps
    its own. Returns the appointments in scope, by start.
    """
    appointment = load(session, appointment_id)
    data = replace(data, start=appointment.start)
    if Scope(scope) is Scope.THIS or appointment.series_id is None:
        return [
            update_appointment(
                session, appointment.id, data, now=now, allow_conflict=allow_conflict
            )
        ]
    if data.client_id != appointment.client_id:
        raise ValidationError.single(
            "client_id",
            "A series belongs to one client; change only this appointment, "
            "or book a new series for the other client.",
        )
    _require_scheduled(appointment, "changed with the rest of its series")
    cleaned = validate_against(session, data, now, appointment)
    reached = _in_scope(session, appointment, scope, now)
    fields = ("practitioner_id", "duration_minutes", "mode", "location", "notes")
    ids = [row.id for row in reached]
    if not allow_conflict:
        assert cleaned.practitioner_id is not None  # validated
        slots = [(row.start, cleaned.duration_minutes) for row in reached]
        found = _collect_conflicts(session, cleaned.practitioner_id, slots, ids)
        _raise_conflicts(session, found, len(reached))
    for row in reached:
        changed = [name for name in fields if getattr(row, name) != getattr(cleaned, name)]
        for name in changed:
            setattr(row, name, getattr(cleaned, name))
        if changed:
            audit.record(session, AuditAction.UPDATE, "appointment", row.id, changed)
    session.flush()
    return [detail_of(session, row) for row in reached]
