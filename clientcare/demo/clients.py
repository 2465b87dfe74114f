"""The clients: their statuses, names, windows of work, plans, fees and facts."""

from __future__ import annotations

import datetime as dt

from clientcare.clients import search_key_for
from clientcare.db.models import (
    AppointmentMode,
    Client,
    ClientFact,
    ClientStatus,
    ConsentState,
    FeeArrangement,
)
from clientcare.demo.base import Context, Plan, Row
from clientcare.demo.words import (
    DECLINED_REASONS,
    FACTS,
    FIRST_NAMES,
    NAMED_CLIENTS,
    PRONOUNS,
    SURNAMES,
    ascii_fold,
    at,
)


def generate(ctx: Context) -> None:
    """Every client, with a plan of their work with the practice, then a few facts."""
    emails: set[str] = set()
    weights = [1.4] + [1.0] * (len(ctx.practitioners) - 1)
    for index, status in enumerate(_statuses(ctx)):
        full_name, preferred, pronunciation, pronouns, local = _fictional_name(ctx, index)
        email = _email_for(emails, local) if ctx.chance(0.9) else ""
        phone = f"07700 900{100 + index % 800:03d}" if ctx.chance(0.9) else ""
        first_day, last_day = _window(ctx, status)
        practitioner = ctx.rng.choices(ctx.practitioners, weights)[0]
        enquired = first_day - dt.timedelta(days=ctx.rng.randint(2, 14))
        row = ctx.rows.add(
            Client,
            full_name=full_name,
            preferred_name=preferred,
            pronunciation=pronunciation,
            pronouns=pronouns,
            email=email,
            phone=phone,
            address=(
                f"{ctx.rng.randint(2, 120)} Sample Road\nDemo Town" if ctx.chance(0.4) else ""
            ),
            notes="",
            status=status,
            status_changed_on=first_day,
            checkin_consent=ConsentState.NOT_ASKED,
            checkin_channel=None,
            checkin_interval_days=None,
            checkin_snoozed_until=None,
            inquired_on=enquired,
            prospect_stage=None,  # a booked consultation says it
            declined_reason=(
                DECLINED_REASONS[index % len(DECLINED_REASONS)]
                if status is ClientStatus.DECLINED
                else ""
            ),
            primary_practitioner_id=practitioner["id"],
            search_key=search_key_for(full_name, preferred, email, phone),
            created_at=at(enquired, 10),
            updated_at=at(enquired, 10),
        )
        ctx.plans.append(_plan_for(ctx, row, status, practitioner, first_day, last_day))
    for plan in ctx.plans:
        _facts(ctx, plan)


def _statuses(ctx: Context) -> list[ClientStatus]:
    n, p = ctx.size.clients, ctx.size.practitioners
    prospects = min(round(n * 0.10), 4 * p)
    declined = min(round(n * 0.075), 3 * p)
    paused = min(round(n * 0.10), 8 * p)
    # A practitioner has a caseload of about 30; the rest of a big practice is history.
    active = max(0, min(n - prospects - declined - paused, round(n * 0.6), 30 * p))
    closed = n - prospects - declined - paused - active
    statuses = (
        [ClientStatus.ACTIVE] * active
        + [ClientStatus.PAUSED] * paused
        + [ClientStatus.CLOSED] * closed
        + [ClientStatus.PROSPECT] * prospects
        + [ClientStatus.DECLINED] * declined
    )
    ctx.rng.shuffle(statuses)
    return statuses


def _fictional_name(ctx: Context, index: int) -> tuple[str, str, str, str, str]:
    if index < len(NAMED_CLIENTS):
        return NAMED_CLIENTS[index]
    first, nickname, pronunciation = ctx.rng.choice(FIRST_NAMES)
    last = ctx.rng.choice(SURNAMES)
    preferred = nickname if nickname and ctx.chance(0.6) else first
    pronouns = ctx.rng.choice(PRONOUNS) if ctx.chance(0.4) else ""
    return f"{first} {last}", preferred, pronunciation, pronouns, f"{first}.{last}"


def _email_for(emails: set[str], local: str) -> str:
    local = ".".join(ascii_fold(part) for part in local.split(".")) or "client"
    candidate, number = f"{local}@example.org", 1
    while candidate in emails:
        number += 1
        candidate = f"{local}{number}@example.org"
    emails.add(candidate)
    return candidate


def _window(ctx: Context, status: ClientStatus) -> tuple[dt.date, dt.date | None]:
    """First and last day of a client's work with the practice (None: still going)."""
    rng, today, opened = ctx.rng, ctx.today, ctx.opened
    length = dt.timedelta(days=rng.randint(42, max(43, ctx.size.max_engagement_months * 30)))
    earliest = opened + dt.timedelta(days=rng.randint(0, 21))
    if status is ClientStatus.ACTIVE:
        return min(max(earliest, today - length), today - dt.timedelta(days=1)), None
    if status is ClientStatus.PROSPECT:
        return max(opened, today - dt.timedelta(days=rng.randint(1, 30))), None
    if status is ClientStatus.DECLINED:
        start = ctx.day_between(opened, today - dt.timedelta(days=10))
        return start, min(start + dt.timedelta(days=rng.randint(3, 10)), today)
    if status is ClientStatus.PAUSED:
        last = today - dt.timedelta(days=rng.randint(21, 100))
    else:
        last = ctx.day_between(opened + dt.timedelta(days=42), today - dt.timedelta(days=14))
    last = max(last, opened + dt.timedelta(days=14))
    first = max(earliest, last - length)
    return min(first, last - dt.timedelta(days=14)), last


def _plan_for(
    ctx: Context,
    row: Row,
    status: ClientStatus,
    practitioner: Row,
    first_day: dt.date,
    last_day: dt.date | None,
) -> Plan:
    rng = ctx.rng
    mode = rng.choices(
        (AppointmentMode.IN_PERSON, AppointmentMode.VIDEO, AppointmentMode.PHONE), (80, 14, 6)
    )[0]
    extended = ctx.chance(0.05)
    plan = Plan(
        row=row,
        status=status,
        practitioner=practitioner,
        first_day=first_day,
        last_day=last_day,
        rhythm_days=7 if ctx.chance(0.6) else 14,
        preferred_cell=rng.randrange(0, 15),
        mode=mode,
        service=ctx.services["extended" if extended else "session"],
    )
    engaged = status in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.CLOSED)
    if engaged and not extended and ctx.chance(0.25):
        if ctx.chance(0.65):
            tier = rng.choice(ctx.tiers)
            plan.fees.append((first_day, int(tier["fee_minor"])))
            ctx.rows.add(
                FeeArrangement,
                client_id=plan.id,
                effective_from=first_day,
                tier_id=tier["id"],
                custom_fee_minor=None,
                note=f"{tier['name']}, agreed at the first meeting.",
            )
        else:
            fee = rng.choice((6500, 5000, 3500))
            plan.fees.append((first_day, fee))
            ctx.rows.add(
                FeeArrangement,
                client_id=plan.id,
                effective_from=first_day,
                tier_id=None,
                custom_fee_minor=fee,
                note="A custom fee agreed at the first meeting.",
            )
    return plan


def _facts(ctx: Context, plan: Plan) -> None:
    engaged = plan.status in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.CLOSED)
    if not ctx.chance(0.6 if engaged else 0.2):
        return
    last = min(plan.last_day or ctx.today, ctx.today)
    texts = ctx.rng.sample(FACTS, ctx.rng.randint(1, 3) if engaged else 1)
    if plan.preferred_cell < 6 and ctx.chance(0.5):
        texts[0] = "Prefers morning sessions"
    for fact in texts:
        noted_on = ctx.day_between(plan.first_day, last)
        ctx.rows.add(
            ClientFact,
            client_id=plan.id,
            noted_on=noted_on,
            text=fact,
            created_at=at(noted_on, 17),
        )
