"""Appointments: booking, series, what happened to them, reschedules, rare events and lateness."""

from __future__ import annotations

import datetime as dt

from clientcare.db.models import (
    Appointment,
    AppointmentMode,
    AppointmentSeries,
    AppointmentStatus,
    CancelledBy,
    ClientStatus,
    ContactChannel,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
)
from clientcare.demo.base import CELL_MINUTES, CELLS_PER_DAY, DAY_START, Context, Plan, Row
from clientcare.demo.words import at


def generate(ctx: Context) -> None:
    """Each client's consultation and series, a few reschedules and rare events, lateness."""
    for plan in ctx.plans:
        _book(ctx, plan)
    _guarantee_rare_events(ctx)
    _lateness(ctx)


def _appointment(
    ctx: Context, plan: Plan, start: dt.datetime, service: Row, series_id: int | None
) -> Row:
    mode = plan.mode
    if mode is AppointmentMode.IN_PERSON and ctx.chance(0.05):
        mode = AppointmentMode.VIDEO
    location = {
        AppointmentMode.IN_PERSON: f"Room {plan.practitioner['id'] % 3 + 1}, 1 Example Street",
        AppointmentMode.VIDEO: "Video call (link sent by e-mail)",
        AppointmentMode.PHONE: "Phone call (the practitioner calls)",
    }[mode]
    booked = max(start - dt.timedelta(days=7), plan.row["created_at"])
    row = ctx.rows.add(
        Appointment,
        client_id=plan.id,
        practitioner_id=plan.practitioner["id"],
        service_id=service["id"],
        series_id=series_id,
        start=start,
        duration_minutes=service["default_minutes"],
        mode=mode,
        location=location,
        status=AppointmentStatus.SCHEDULED,
        rescheduled_to_id=None,
        client_arrived_at=None,
        notes="",
        cancelled_by=None,
        cancel_reason="",
        cancelled_at=None,
        original_start=None,
        ical_uid=None,
        created_at=booked,
        updated_at=booked,
    )
    plan.appointments.append(row)
    return row


def _book(ctx: Context, plan: Plan) -> None:
    """The initial consultation, then weekly or fortnightly sessions until the work ends."""
    if plan.status is ClientStatus.PROSPECT and (ctx.size.weeks_ahead == 0 or ctx.chance(0.5)):
        return
    consult_day = plan.first_day
    if plan.status is ClientStatus.PROSPECT:
        consult_day = ctx.today + dt.timedelta(days=ctx.rng.randint(1, 7 * ctx.size.weeks_ahead))
    consult_day = ctx.working_day_on_or_after(consult_day)
    consult = ctx.services["consultation"]
    start = ctx.diary.book(
        plan.practitioner["id"], consult_day, consult["default_minutes"], plan.preferred_cell
    )
    if start is None:
        return
    _settle(ctx, _appointment(ctx, plan, start, consult, None), regular=False)
    if plan.status in (ClientStatus.PROSPECT, ClientStatus.DECLINED):
        return
    _book_series(ctx, plan, start.date())


def _book_series(ctx: Context, plan: Plan, consult_day: dt.date) -> None:
    """Weekly or fortnightly occurrences of a series, each remembering its rule start.

    An occurrence that had to move keeps its ``original_start``; a week with no
    appointment (the client was away, the practice closed, the diary full) is an
    EXDATE of the rule, so the rule and the stored occurrences always agree.
    """
    end = plan.last_day or ctx.horizon
    first = consult_day + dt.timedelta(days=7)
    minutes = int(plan.service["default_minutes"])
    cells = -(-minutes // CELL_MINUTES)
    rule_time = (
        at(first, DAY_START.hour)
        + dt.timedelta(minutes=CELL_MINUTES * min(plan.preferred_cell, CELLS_PER_DAY - cells))
    ).time()
    occurrences: list[Row] = []
    skipped: list[dt.datetime] = []
    day = first
    while day <= end:
        rule_start = dt.datetime.combine(day, rule_time)
        start = None
        if day == first or ctx.chance(0.94):  # now and then the client is away
            start = ctx.diary.book(plan.practitioner["id"], day, minutes, plan.preferred_cell)
        if start is not None and start.date() <= end:
            row = _appointment(ctx, plan, start, plan.service, None)
            row["original_start"] = rule_start
            _settle(ctx, row)
            occurrences.append(row)
        else:
            skipped.append(rule_start)
        day += dt.timedelta(days=plan.rhythm_days)
    if not occurrences:
        return
    _add_series(ctx, plan, occurrences, skipped, created=consult_day)
    if plan.last_day is not None:
        plan.last_day = occurrences[-1]["start"].date()
        _settle(ctx, occurrences[-1], status=AppointmentStatus.COMPLETED)  # it took place


def _add_series(
    ctx: Context,
    plan: Plan,
    occurrences: list[Row],
    skipped: list[dt.datetime],
    *,
    created: dt.date,
) -> None:
    first: dt.datetime = occurrences[0]["original_start"]
    last: dt.datetime = occurrences[-1]["original_start"]
    byday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[first.weekday()]
    lines = [
        f"DTSTART:{first:%Y%m%dT%H%M%S}",
        f"RRULE:FREQ=WEEKLY;INTERVAL={plan.rhythm_days // 7};BYDAY={byday};"
        f"UNTIL={last:%Y%m%dT%H%M%S}",
    ]
    exdates = [f"{when:%Y%m%dT%H%M%S}" for when in skipped if when < last]
    if exdates:
        lines.append("EXDATE:" + ",".join(exdates))
    series = ctx.rows.add(
        AppointmentSeries,
        rrule="\n".join(lines),
        starts_on=first.date(),
        until=last.date(),
        count=None,
        created_at=at(created, 18),
    )
    for row in occurrences:
        row["series_id"] = series["id"]


def _settle(
    ctx: Context,
    row: Row,
    *,
    regular: bool = True,
    status: AppointmentStatus | None = None,
) -> None:
    """Give a past appointment what happened to it; future ones stay scheduled."""
    start: dt.datetime = row["start"]
    if start.date() >= ctx.today:
        return
    cancelled_by = CancelledBy.CLIENT
    if status is None:
        roll = ctx.rng.random() if regular else 1.0
        if roll < 0.004:
            cancelled_by = CancelledBy.PRACTITIONER
        status = (
            AppointmentStatus.CANCELLED
            if roll < 0.04
            else AppointmentStatus.LATE_CANCELLED
            if roll < 0.065
            else AppointmentStatus.NO_SHOW
            if roll < 0.09
            else AppointmentStatus.COMPLETED
        )
    row["status"] = status
    row["notes"] = (
        "Did not come; no message received." if status is AppointmentStatus.NO_SHOW else ""
    )
    _cancellation(ctx, row, status, cancelled_by)
    end = start + dt.timedelta(minutes=row["duration_minutes"])
    row["updated_at"] = end
    row["client_arrived_at"] = None
    if status is AppointmentStatus.COMPLETED and row["mode"] is AppointmentMode.IN_PERSON:
        if ctx.chance(0.06):
            row["client_arrived_at"] = start + dt.timedelta(minutes=ctx.rng.randint(3, 12))
        elif ctx.chance(0.7):
            row["client_arrived_at"] = start - dt.timedelta(minutes=ctx.rng.randint(0, 8))


def _cancellation(ctx: Context, row: Row, status: AppointmentStatus, by: CancelledBy) -> None:
    """Who cancelled, why and when: inside the 24-hour window makes it a late cancellation."""
    start: dt.datetime = row["start"]
    if status is AppointmentStatus.CANCELLED:
        hours = ctx.rng.randint(26, 120)
        reason = (
            "Practitioner unwell; the client was offered another time without a fee."
            if by is CancelledBy.PRACTITIONER
            else ctx.rng.choice(
                ("Away that week.", "A work trip came up.", "Family visiting that week.")
            )
        )
    elif status is AppointmentStatus.LATE_CANCELLED:
        by, hours = CancelledBy.CLIENT, ctx.rng.randint(2, 20)
        reason = ctx.rng.choice(("Unwell this morning.", "Childcare fell through."))
    else:
        row["cancelled_by"], row["cancel_reason"], row["cancelled_at"] = None, "", None
        return
    row["cancelled_by"], row["cancel_reason"] = by, reason
    row["cancelled_at"] = start - dt.timedelta(hours=hours)


def _reschedule(ctx: Context, plan: Plan, original: Row) -> bool:
    """Move ``original`` a few working days on; it keeps a link to the replacement."""
    day = original["start"].date()
    service = ctx.services["consultation"] if original["series_id"] is None else plan.service
    busy_days = {row["start"].date() for row in plan.appointments}
    for offset in (2, 3, 4, 1, 5):
        candidate = day + dt.timedelta(days=offset)
        if candidate in busy_days:  # one appointment a day for a client
            continue
        start = ctx.diary.book(
            plan.practitioner["id"],
            candidate,
            int(original["duration_minutes"]),
            plan.preferred_cell,
            offsets=(0,),
        )
        if start is not None:
            break
    else:
        return False
    replacement = _appointment(ctx, plan, start, service, None)
    replacement["mode"], replacement["location"] = original["mode"], original["location"]
    replacement["created_at"] = original["start"] - dt.timedelta(days=2)
    replacement["notes"] = "Moved from an earlier time at the client's request."
    _settle(ctx, replacement, status=AppointmentStatus.COMPLETED)
    original["status"] = AppointmentStatus.RESCHEDULED
    original["rescheduled_to_id"] = replacement["id"]
    original["notes"] = "Moved at the client's request (childcare)."
    original["client_arrived_at"] = None
    original["updated_at"] = replacement["created_at"]
    plan.appointments.sort(key=lambda row: row["start"])
    return True


def _guarantee_rare_events(ctx: Context) -> None:
    """About 1% rescheduled, and at least one of each rare status in any demo."""
    candidates = [
        (plan, row)
        for plan in ctx.plans
        for row in plan.appointments[1:-1]
        if row["series_id"] is not None
        and row["status"] is AppointmentStatus.COMPLETED
        and row["start"].date() < ctx.today - dt.timedelta(days=7)
    ]
    if not candidates:
        return
    wanted = max(1, len(candidates) // 100)
    for plan, row in ctx.rng.sample(candidates, min(len(candidates), wanted * 2)):
        if wanted and _reschedule(ctx, plan, row):
            wanted -= 1
    past = [row for plan in ctx.plans for row in plan.appointments]
    for status in (AppointmentStatus.NO_SHOW, AppointmentStatus.LATE_CANCELLED):
        if not any(row["status"] is status for row in past):
            plan, row = candidates[len(candidates) // 3]
            if row["status"] is AppointmentStatus.COMPLETED:
                _settle(ctx, row, status=status)


def _lateness(ctx: Context) -> None:
    """The practitioner was late twice (5 and 15 minutes); a client once texted ahead."""
    current = ctx.practitioners[0]["id"]
    recent = sorted(
        (
            (plan, row)
            for plan in ctx.plans
            for row in plan.appointments
            if row["practitioner_id"] == current
            and row["status"] is AppointmentStatus.COMPLETED
            and ctx.today - dt.timedelta(days=45)
            <= row["start"].date()
            < ctx.today - dt.timedelta(days=3)
        ),
        key=lambda pair: (pair[1]["start"], pair[1]["id"]),
    )
    for minutes, (plan, row) in zip((5, 15), recent[-2:][::-1], strict=False):
        ctx.late_minutes[row["id"]] = minutes
        offer = minutes > 10
        words = (
            "Would you prefer to wait, or shall we find another time? There is no fee either way."
            if offer
            else "I'll be with you as soon as I can."
        )
        ctx.rows.add(
            LatenessNotice,
            appointment_id=row["id"],
            who_is_late=LatePerson.PRACTITIONER,
            expected_minutes=minutes,
            told_at=row["start"] - dt.timedelta(minutes=8),
            channel=ContactChannel.SMS,
            message_text=(
                f"Hi {plan.preferred_name}, I'm sorry: I'm running about {minutes} minutes "
                f"late. {words} {plan.sign_off}"
            ),
            reschedule_offered=offer,
            outcome=LatenessOutcome.WAIT,
            created_at=row["start"] - dt.timedelta(minutes=8),
        )
    late_clients = [
        row
        for _, row in recent
        if row["client_arrived_at"] is not None and row["client_arrived_at"] > row["start"]
    ]
    if late_clients:
        row = late_clients[0]
        minutes = int((row["client_arrived_at"] - row["start"]).total_seconds() // 60)
        ctx.rows.add(
            LatenessNotice,
            appointment_id=row["id"],
            who_is_late=LatePerson.CLIENT,
            expected_minutes=minutes,
            told_at=row["start"] - dt.timedelta(minutes=5),
            channel=ContactChannel.SMS,
            message_text=f"The bus is late, I'll be about {minutes} minutes. Sorry!",
            reschedule_offered=False,
            outcome=LatenessOutcome.WAIT,
            created_at=row["start"] - dt.timedelta(minutes=5),
        )
