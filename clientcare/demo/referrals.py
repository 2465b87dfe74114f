"""Referrals: outgoing ones to the directory and co-workers, and how clients found the practice."""

from __future__ import annotations

import datetime as dt

from clientcare.db.models import (
    ClientStatus,
    ProviderKind,
    Referral,
    ReferralDirection,
    ReferralSourceKind,
    ReferralStatus,
    ReferralUrgency,
    WarmHandoff,
)
from clientcare.demo.base import Context, Plan


def generate(ctx: Context) -> None:
    """Outgoing referrals from sessions, and an incoming referral for some clients."""
    engaged = [
        p
        for p in ctx.plans
        if p.status in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.CLOSED)
        and len(p.sessions) >= 2
    ]
    count = min(len(engaged), max(3, ctx.size.clients // 12))
    # The first referral was made two to three weeks ago, so its follow-up is due now.
    due = [
        (plan, day)
        for plan in engaged
        if plan.status is ClientStatus.ACTIVE
        for day in plan.sessions
        if 14 <= (ctx.today - day).days <= 20
    ]
    chosen = ctx.rng.sample(engaged, count)
    if due and count:
        plan, day = ctx.rng.choice(due)
        chosen = [plan, *(p for p in chosen if p is not plan)][:count]
        _outgoing(ctx, plan, 0, day)
    for number, plan in enumerate(chosen):
        if number or not due:
            _outgoing(ctx, plan, number)
    newcomers = [p for p in ctx.plans if p.status is not ClientStatus.DECLINED]
    count = min(len(newcomers), max(3, round(ctx.size.clients * 0.15)))
    for number, plan in enumerate(ctx.rng.sample(newcomers, count)):
        _incoming(ctx, plan, number)


def _outgoing(ctx: Context, plan: Plan, number: int, day: dt.date | None = None) -> None:
    if day is None:
        day = ctx.rng.choice(sorted(plan.sessions)[1:])
    session = plan.sessions[day]
    session["referral_considered"] = True
    ctx.answers[session["id"]].append(7)
    choices = [pr for pr in ctx.providers if pr["practitioner_id"] != plan.practitioner["id"]]
    provider = choices[number % len(choices)]
    internal = provider["kind"] is ProviderKind.INTERNAL
    follow_up = day + dt.timedelta(days=14)
    age = (ctx.today - day).days
    status = (
        ReferralStatus.INTRODUCED
        if age < 21
        else ctx.rng.choice(
            (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED, ReferralStatus.DECLINED)
        )
    )
    followed_up = follow_up < ctx.today and status is not ReferralStatus.INTRODUCED
    ctx.rows.add(
        Referral,
        client_id=plan.id,
        direction=ReferralDirection.OUTGOING,
        provider_id=provider["id"],
        source_kind=None,
        source_client_id=None,
        source_detail="",
        interaction_id=session["id"],
        reason=(f"{provider['specialty']}: may be a better fit for this part of the work."),
        urgency=ReferralUrgency.SOON if number == 1 else ReferralUrgency.ROUTINE,
        status=status,
        warm_handoff=WarmHandoff.COWORKER_CALLS if internal else WarmHandoff.IN_PERSON,
        handoff_on=day + dt.timedelta(days=2) if day + dt.timedelta(days=2) < ctx.today else None,
        follow_up_on=follow_up,
        connected=None if not followed_up else status is not ReferralStatus.DECLINED,
        follow_up_answer=(
            ""
            if not followed_up
            else "Decided not to go ahead for now."
            if status is ReferralStatus.DECLINED
            else "Has been twice and finds it useful."
        ),
        # Asked on the follow-up day, so answered referrals are not due again.
        followed_up_on=follow_up if followed_up else None,
        referred_on=day,
    )


def _incoming(ctx: Context, plan: Plan, number: int) -> None:
    kind = (
        ReferralSourceKind.CLIENT,
        ReferralSourceKind.WEBSITE,
        ReferralSourceKind.PROVIDER,
        ReferralSourceKind.OTHER,
    )[number % 4]
    earlier = [p for p in ctx.plans if p.first_day < plan.first_day and p.sessions]
    if kind is ReferralSourceKind.CLIENT and not earlier:
        kind = ReferralSourceKind.WEBSITE
    source_client = ctx.rng.choice(earlier).id if kind is ReferralSourceKind.CLIENT else None
    detail = {
        ReferralSourceKind.CLIENT: "Recommended by a friend who also comes here.",
        ReferralSourceKind.WEBSITE: "Enquiry form on the practice website.",
        ReferralSourceKind.PROVIDER: "Referred by the physiotherapy clinic.",
        ReferralSourceKind.OTHER: "Saw a leaflet in the Demo Town library.",
    }[kind]
    accepted = plan.status is not ClientStatus.PROSPECT
    ctx.rows.add(
        Referral,
        client_id=plan.id,
        direction=ReferralDirection.INCOMING,
        provider_id=ctx.providers[1]["id"] if kind is ReferralSourceKind.PROVIDER else None,
        source_kind=kind,
        source_client_id=source_client,
        source_detail=detail,
        interaction_id=None,
        reason="Looking for support; asked about availability.",
        urgency=ReferralUrgency.ROUTINE,
        status=ReferralStatus.ACCEPTED if accepted else ReferralStatus.SUGGESTED,
        warm_handoff=WarmHandoff.NONE,
        handoff_on=None,
        follow_up_on=None,
        connected=None,
        follow_up_answer="",
        followed_up_on=None,
        referred_on=min(plan.row["created_at"].date(), ctx.today),
    )
