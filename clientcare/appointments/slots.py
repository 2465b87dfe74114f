"""Free times: where a practitioner has room for an appointment of a given length.

Weekdays inside the practice's working hours, on a quarter-hour grid counted from the
start of the working day, never overlapping an appointment that holds its slot or a busy
time. The booking dialog proposes the first one from now; "I'm running late" offers the
next few from tomorrow.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from clientcare.appointments.queries import find_conflicts
from clientcare.practice import get_settings

SLOT_STEP_MINUTES = 15
#: How far ahead a search looks before it gives up.
SLOT_SEARCH_DAYS = 28


def free_starts(
    session: Session,
    practitioner_id: int,
    minutes: int,
    *,
    after: dt.datetime,
    count: int = 1,
    days: int = SLOT_SEARCH_DAYS,
) -> list[dt.datetime]:
    """Up to ``count`` starts, at ``after`` or later, where ``practitioner_id`` is free
    for ``minutes``; searching ``days`` days from ``after``'s."""
    settings = get_settings(session)
    length = dt.timedelta(minutes=minutes)
    step = dt.timedelta(minutes=SLOT_STEP_MINUTES)
    slots: list[dt.datetime] = []
    day = after.date()
    for _ in range(days):
        if day.weekday() < 5:
            day_start = dt.datetime.combine(day, settings.working_day_start)
            day_end = dt.datetime.combine(day, settings.working_day_end)
            candidate = _on_grid(max(day_start, after), day_start, step)
            while candidate + length <= day_end and len(slots) < count:
                conflicts = find_conflicts(session, practitioner_id, candidate, candidate + length)
                if conflicts:
                    resume = max(conflict.end for conflict in conflicts)
                else:
                    slots.append(candidate)
                    resume = candidate + length
                candidate = max(_on_grid(resume, day_start, step), candidate + step)
        if len(slots) >= count:
            break
        day += dt.timedelta(days=1)
    return slots


def next_free_start(
    session: Session, practitioner_id: int, minutes: int, *, after: dt.datetime
) -> dt.datetime | None:
    """The first free start at ``after`` or later (None: nothing free for weeks)."""
    found = free_starts(session, practitioner_id, minutes, after=after, count=1)
    return found[0] if found else None


def _on_grid(moment: dt.datetime, day_start: dt.datetime, step: dt.timedelta) -> dt.datetime:
    """``moment``, or the next point of the grid after it (counted from ``day_start``)."""
    steps = -((day_start - moment) // step)
    return day_start + steps * step
