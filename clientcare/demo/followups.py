"""Follow-ups: expectations, check-in consent and check-ins, issues and the waitlist."""

from __future__ import annotations

import datetime as dt

from clientcare.db.models import (
    CheckIn,
    CheckInConsent,
    ClientIssue,
    ClientStatus,
    ConsentState,
    ContactChannel,
    Expectation,
    ExpectationOutcome,
    IssueStatus,
    SetBy,
    Urgency,
    WaitlistEntry,
    WaitlistStatus,
)
from clientcare.demo.base import Context, Plan
from clientcare.demo.words import CLIENT_EXPECTATIONS, ISSUES, PRACTICE_EXPECTATION, at


def generate(ctx: Context) -> None:
    """Expectations and check-ins per client, then issues and the waitlist."""
    for plan in ctx.plans:
        _expectations(ctx, plan)
        _consent(ctx, plan)
    _issues(ctx)
    _waitlist(ctx)


def _waitlist(ctx: Context) -> None:
    """Prospects wait for a first slot; those already booked show how the list is used."""
    urgent_given = False
    for plan in ctx.plans:
        if plan.status is not ClientStatus.PROSPECT:
            continue
        booked = bool(plan.appointments)
        morning = plan.preferred_cell < 6
        if booked:
            weekdays = str(plan.appointments[0]["start"].isoweekday())
        else:
            weekdays = ctx.rng.choice(("", "1,3", "2,4", "1,2,3", "5"))
        urgent = not booked and not urgent_given
        urgent_given = urgent_given or urgent
        ctx.rows.add(
            WaitlistEntry,
            client_id=plan.id,
            practitioner_id=plan.practitioner["id"] if ctx.chance(0.5) else None,
            preferred_weekdays=weekdays,
            earliest_time=dt.time(9) if morning else dt.time(12),
            latest_time=dt.time(12) if morning else dt.time(17),
            urgent=urgent,
            note="Would like a regular morning slot." if morning else "Afternoons suit best.",
            added_on=min(plan.first_day, ctx.today),
            status=WaitlistStatus.BOOKED if booked else WaitlistStatus.WAITING,
            resolved_on=min(plan.first_day, ctx.today) if booked else None,
        )


def _expectations(ctx: Context, plan: Plan) -> None:
    if plan.status not in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.CLOSED):
        return
    if not plan.sessions:
        return
    first = min(plan.sessions)
    items = [(PRACTICE_EXPECTATION, SetBy.PRACTICE, 42)]
    if ctx.chance(0.5):
        items.append((ctx.rng.choice(CLIENT_EXPECTATIONS), SetBy.CLIENT, 28))
    for description, set_by, weeks in items:
        review_on = first + dt.timedelta(days=weeks)
        session = plan.session_on_or_after(review_on)
        outcome, reviewed_on, note = ExpectationOutcome.OPEN, None, ""
        reviewing = session is not None and ctx.chance(0.8)
        if not reviewing and plan.status is ClientStatus.CLOSED:
            session, reviewing = plan.sessions[max(plan.sessions)], True  # when closing
        if reviewing and session is not None:
            reviewed_on = session["occurred_at"].date()
            outcome = ctx.rng.choices(
                (
                    ExpectationOutcome.MET,
                    ExpectationOutcome.CHANGED,
                    ExpectationOutcome.NOT_MET,
                ),
                (80, 12, 8),
            )[0]
            note = {
                ExpectationOutcome.MET: "Reviewed together; it still works.",
                ExpectationOutcome.CHANGED: "Reviewed together and adjusted to fit better.",
                ExpectationOutcome.NOT_MET: "Reviewed together; it did not work out.",
            }[outcome]
            if 14 not in ctx.answers[session["id"]]:
                ctx.answers[session["id"]].append(14)
        ctx.rows.add(
            Expectation,
            client_id=plan.id,
            description=description,
            set_by=set_by,
            set_on=first,
            review_on=review_on,
            outcome=outcome,
            reviewed_on=reviewed_on,
            conversation_note=note,
        )


def _consent(ctx: Context, plan: Plan) -> None:
    """Check-ins only with recorded consent: mostly paused clients, some who finished."""
    row, rng = plan.row, ctx.rng
    day = plan.last_day or plan.first_day
    if day >= ctx.today:
        return
    recently_closed = plan.status is ClientStatus.CLOSED and (ctx.today - day).days < 365
    if plan.status is ClientStatus.PAUSED or (recently_closed and ctx.chance(0.3)):
        if plan.status is ClientStatus.PAUSED and ctx.chance(0.25):
            _consent_event(
                ctx,
                plan,
                ConsentState.DECLINED,
                day,
                None,
                "I'd rather get in touch myself when I'm ready.",
            )
            return
        channel = rng.choice((ContactChannel.SMS, ContactChannel.EMAIL, ContactChannel.PHONE))
        interval = rng.choice((30, 42, 60)) if plan.status is ClientStatus.PAUSED else 90
        _consent_event(
            ctx,
            plan,
            ConsentState.GIVEN,
            day,
            channel,
            "A short message now and then would be nice; no need to reply.",
        )
        row["checkin_channel"], row["checkin_interval_days"] = channel, interval
        _checkins(ctx, plan, day, channel, interval)
    elif plan.status is ClientStatus.DECLINED and ctx.chance(0.5):
        _consent_event(
            ctx, plan, ConsentState.DECLINED, day, None, "Please don't contact me for now."
        )
    elif plan.status is ClientStatus.ACTIVE and ctx.chance(0.1):
        _consent_event(ctx, plan, ConsentState.ASKED, day, None, "Will think about it.")


def _consent_event(
    ctx: Context,
    plan: Plan,
    state: ConsentState,
    day: dt.date,
    channel: ContactChannel | None,
    words: str,
) -> None:
    plan.row["checkin_consent"] = state
    ctx.rows.add(
        CheckInConsent,
        client_id=plan.id,
        state=state,
        recorded_on=day,
        channel=channel,
        client_words=words,
    )


def _checkins(
    ctx: Context, plan: Plan, since: dt.date, channel: ContactChannel, interval: int
) -> None:
    day = since + dt.timedelta(days=interval)
    while day < ctx.today:
        ctx.rows.add(
            CheckIn,
            client_id=plan.id,
            sent_at=at(day, 10),
            channel=channel,
            message_text=(
                f"Hi {plan.preferred_name}, just thinking of you. Let me know if I can be "
                f"supportive in any way. {plan.sign_off}"
            ),
            reply_note="Replied with thanks; doing fine for now." if ctx.chance(0.4) else "",
        )
        day += dt.timedelta(days=interval)
    if plan.id % 5 == 0 and day <= ctx.today + dt.timedelta(days=7):
        plan.row["checkin_snoozed_until"] = ctx.today + dt.timedelta(days=10)


def _issues(ctx: Context) -> None:
    eligible = [
        p
        for p in ctx.plans
        if p.status in (ClientStatus.ACTIVE, ClientStatus.PAUSED) and p.first_day < ctx.today
    ]
    count = min(len(eligible), max(4, round(len(eligible) * 0.15)))
    for number, plan in enumerate(ctx.rng.sample(eligible, count)):
        title, description, impact, urgency = ISSUES[number % len(ISSUES)]
        if urgency is Urgency.CRISIS and number >= len(ISSUES):
            urgency = Urgency.HIGH  # one crisis is plenty
        last = min(plan.last_day or ctx.today, ctx.today)
        resolved = urgency is Urgency.CRISIS or ctx.chance(0.4)
        earliest = plan.first_day if resolved else last - dt.timedelta(days=30)
        raised = ctx.day_between(max(plan.first_day, earliest), last)
        due_days = {Urgency.CRISIS: 1, Urgency.HIGH: 7, Urgency.NORMAL: 21}.get(urgency)
        resolved_on = min(raised + dt.timedelta(days=ctx.rng.randint(0, 10)), ctx.today)
        ctx.rows.add(
            ClientIssue,
            client_id=plan.id,
            title=title,
            description=description,
            urgency=urgency,
            impact=impact,
            raised_on=raised,
            due_on=raised + dt.timedelta(days=due_days) if due_days else None,
            status=IssueStatus.RESOLVED if resolved else IssueStatus.OPEN,
            resolved_on=resolved_on if resolved else None,
            resolution_note=(
                "Sorted together; the client was happy with the outcome." if resolved else ""
            ),
        )
