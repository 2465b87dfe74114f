"""Interactions: session notes, contact attempts, calls and e-mails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from clientcare.db.models import (
    AppointmentStatus,
    ClientStatus,
    Interaction,
    InteractionKind,
    InteractionState,
)
from clientcare.demo.base import Context, Plan, Row
from clientcare.demo.words import (
    CALLS,
    CLIENT_WORDS,
    MORE_HELPFUL,
    NEXT_STEPS,
    NOT_A_FIT_WORDS,
    OBSERVATIONS,
    OPENERS,
    TOPICS,
    at,
)


def generate(ctx: Context) -> None:
    """Notes of the sessions that took place, and the contacts around them."""
    for plan in ctx.plans:
        _record_interactions(ctx, plan)


def _interaction(
    ctx: Context,
    plan: Plan,
    kind: InteractionKind,
    occurred_at: dt.datetime,
    notes: str,
    *,
    appointment: Row | None = None,
    answers: Iterable[int] = (),
    **values: Any,
) -> Row:
    finalised = occurred_at + dt.timedelta(minutes=ctx.rng.randint(55, 180))
    row = ctx.rows.add(
        Interaction,
        client_id=plan.id,
        practitioner_id=plan.practitioner["id"],
        appointment_id=appointment["id"] if appointment else None,
        kind=kind,
        occurred_at=occurred_at,
        notes=notes,
        client_words=values.get("client_words", ""),
        next_steps=values.get("next_steps", ""),
        more_helpful=values.get("more_helpful", ""),
        practitioner_only_notes=values.get("practitioner_only_notes", ""),
        not_at_my_best=values.get("not_at_my_best", False),
        plan_not_a_fit=values.get("plan_not_a_fit", False),
        referral_considered=False,
        state=InteractionState.FINAL,
        finalised_at=finalised,
        created_at=occurred_at,
        updated_at=finalised,
    )
    ctx.answers[row["id"]] = list(answers)
    ctx.interactions[row["id"]] = row
    return row


def _record_interactions(ctx: Context, plan: Plan) -> None:
    completed = [r for r in plan.appointments if r["status"] is AppointmentStatus.COMPLETED]
    last = completed[-1] if completed and plan.last_day is not None else None
    for index, row in enumerate(completed):
        if index == 0 or row is last or row["id"] in ctx.late_minutes or ctx.chance(0.95):
            _session_notes(ctx, plan, row, first=index == 0, last=row is last)
    for row in plan.appointments:
        if row["status"] is AppointmentStatus.NO_SHOW and ctx.chance(0.6):
            _interaction(
                ctx,
                plan,
                InteractionKind.CONTACT_ATTEMPT,
                row["start"] + dt.timedelta(minutes=20),
                "Called after the missed session and left a kind message; no reply yet.",
            )
    _other_contacts(ctx, plan)


def _session_notes(ctx: Context, plan: Plan, row: Row, *, first: bool, last: bool) -> None:
    rng, name = ctx.rng, plan.preferred_name
    answers: list[int] = [1, 2]
    values: dict[str, Any] = {}
    late = ctx.late_minutes.get(row["id"], 0)
    if first:
        notes = (
            f"Initial consultation. Talked through what {name} hopes for, how sessions "
            "work, fees and cancellations."
        )
        values["client_words"] = "I've been meaning to do this for a while."
        values["next_steps"] = "Decide whether to go ahead; book a first session if so."
        answers.append(14)
    elif last and plan.status is ClientStatus.PAUSED:
        notes = f"Agreed to pause for now. Offered occasional check-ins; {name} chose freely."
        values["client_words"] = "I'd like a break, but I may be back."
        answers.append(13)
    elif last:
        notes = "Closing session. Looked back at the goals from the start and what has changed."
        values["client_words"] = "I feel ready to try this on my own."
    else:
        notes = f"{rng.choice(OPENERS)} Talked through {rng.choice(TOPICS)}. "
        notes += rng.choice(OBSERVATIONS)
        if ctx.chance(0.05):
            values["client_words"] = NOT_A_FIT_WORDS
            values["next_steps"] = "Try a short voice note instead of written journaling."
            values["plan_not_a_fit"] = True
            answers.append(5)
        else:
            values["client_words"] = rng.choice(CLIENT_WORDS)
            values["next_steps"] = rng.choice(NEXT_STEPS)
    if ctx.chance(0.4):
        values["more_helpful"] = rng.choice(MORE_HELPFUL)
        answers.append(8)
    # Advisory principles are answered most of the time, not always: a living practice.
    if ctx.chance(0.85):
        answers.append(3)
    if ctx.chance(0.6):
        answers.append(4)
    if ctx.chance(0.005):
        values["not_at_my_best"] = True
        values["practitioner_only_notes"] = "Had a cold; said so briefly at the start."
        answers.append(10)
    if late:
        notes = f"Started {late} minutes late; apologised at the start. " + notes
        answers.extend((11, 12) if late > 10 else (11,))
    occurred = row["start"] + dt.timedelta(minutes=late)
    kind = InteractionKind.SESSION
    interaction = _interaction(
        ctx, plan, kind, occurred, notes, appointment=row, answers=answers, **values
    )
    plan.sessions[row["start"].date()] = interaction


def _other_contacts(ctx: Context, plan: Plan) -> None:
    rng, today = ctx.rng, ctx.today
    if plan.status is ClientStatus.PROSPECT and not plan.appointments:
        for attempt, text_ in enumerate(
            ("Returned the enquiry; left a voicemail.", "Second message left; no reply yet.")
        ):
            day = plan.first_day + dt.timedelta(days=3 * attempt)
            if day < today:
                _interaction(ctx, plan, InteractionKind.CONTACT_ATTEMPT, at(day, 12, 50), text_)
        return
    if plan.status is ClientStatus.PROSPECT:
        consult = plan.appointments[0]["start"]
        if plan.first_day < today:
            _interaction(
                ctx,
                plan,
                InteractionKind.PHONE_CALL,
                at(plan.first_day, 17, 10),
                f"Returned the enquiry; booked an initial consultation for "
                f"{consult:%d %B} at {consult:%H:%M}.",
                answers=[1],
            )
        return
    if plan.status is ClientStatus.DECLINED and plan.last_day:
        if plan.appointments:  # they decided after the consultation
            consulted = plan.appointments[0]["start"].date()
            plan.last_day = max(plan.last_day, consulted + dt.timedelta(days=2))
        if plan.last_day < today:
            _interaction(
                ctx,
                plan,
                InteractionKind.EMAIL,
                at(plan.last_day, 9, 30),
                "The client wrote to say they will not go ahead for now. Replied to wish "
                "them well and said they are welcome to get in touch again.",
            )
        plan.row["status_changed_on"] = min(plan.last_day, today)
        return
    last = min(plan.last_day or today, today - dt.timedelta(days=1))
    for _ in range(rng.randint(0, 2)):
        day = ctx.working_day_on_or_after(ctx.day_between(plan.first_day, last))
        if day < today:
            _interaction(
                ctx,
                plan,
                InteractionKind.PHONE_CALL,
                at(day, 12, 50),
                rng.choice(CALLS),
                answers=[1],
            )
    if plan.last_day is not None:
        plan.row["status_changed_on"] = plan.last_day
        plan.row["updated_at"] = at(plan.last_day, 18)
