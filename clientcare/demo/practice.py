"""The practice: its settings, practitioners, supervision, price list and directory."""

from __future__ import annotations

import datetime as dt

from clientcare.config import (
    DEFAULT_CANCELLATION_WINDOW_HOURS,
    DEFAULT_LATENESS_THRESHOLD_MINUTES,
    DEFAULT_LOCALE,
    DEFAULT_SESSION_MINUTES,
)
from clientcare.db.models import (
    BusyTime,
    PracticeSettings,
    Practitioner,
    Provider,
    ProviderKind,
    Service,
    SlidingScaleTier,
)
from clientcare.demo.base import (
    DAY_END,
    DAY_START,
    DEMO_CURRENCY,
    LATE_CANCEL_FEE,
    NO_SHOW_FEE,
    STANDARD_FEE,
    Context,
)
from clientcare.demo.words import (
    PRACTICE_ADDRESS,
    PRACTICE_EMAIL,
    PRACTICE_NAME,
    PRACTICE_PHONE,
    PRACTITIONER_NAMES,
    SPECIALTIES,
    ascii_fold,
    at,
    is_working_day,
)


def generate(ctx: Context) -> None:
    """The practice's settings, practitioners, price list, directory and supervision."""
    _settings(ctx)
    _people(ctx)
    _price_list(ctx)
    _directory(ctx)
    _supervision(ctx)


def _settings(ctx: Context) -> None:
    settings = ctx.session.get(PracticeSettings, 1)
    if settings is None:
        settings = PracticeSettings(id=1)
        ctx.session.add(settings)
    settings.name = PRACTICE_NAME
    settings.address = PRACTICE_ADDRESS
    settings.phone = PRACTICE_PHONE
    settings.email = PRACTICE_EMAIL
    settings.currency = DEMO_CURRENCY
    settings.locale = DEFAULT_LOCALE
    settings.lateness_threshold_minutes = DEFAULT_LATENESS_THRESHOLD_MINUTES
    settings.default_session_minutes = DEFAULT_SESSION_MINUTES
    settings.cancellation_window_hours = DEFAULT_CANCELLATION_WINDOW_HOURS
    settings.late_cancel_fee_minor = LATE_CANCEL_FEE
    settings.no_show_fee_minor = NO_SHOW_FEE
    settings.working_day_start = DAY_START
    settings.working_day_end = DAY_END
    settings.updated_at = at(ctx.opened, 8)
    ctx.session.flush()


def _people(ctx: Context) -> None:
    for index in range(ctx.size.practitioners):
        if index < len(PRACTITIONER_NAMES):
            name = PRACTITIONER_NAMES[index]
        else:
            name = f"Practitioner {index + 1} Example"
        local = ".".join(ascii_fold(part) for part in name.removeprefix("Dr. ").split())
        row = ctx.rows.add(
            Practitioner,
            full_name=name,
            email=f"{local}@example.org",
            phone=f"07700 900{index + 1:03d}",
            is_current_user=index == 0,
            active=True,
            created_at=at(ctx.opened, 8),
        )
        ctx.practitioners.append(row)


def _supervision(ctx: Context) -> None:
    """Every other Wednesday at noon each practitioner has supervision (busy time)."""
    for practitioner in ctx.practitioners:
        day = ctx.opened + dt.timedelta(days=(2 - ctx.opened.weekday()) % 7)
        day += dt.timedelta(days=7 * (practitioner["id"] % 2))  # not all on the same week
        while day <= ctx.horizon:
            if is_working_day(day) and ctx.diary.take(practitioner["id"], day, 2, 6) == 6:
                ctx.rows.add(
                    BusyTime,
                    practitioner_id=practitioner["id"],
                    starts_at=at(day, 12),
                    ends_at=at(day, 13),
                    title="Supervision",
                    ical_uid=None,
                    created_at=at(ctx.opened, 8),
                )
            day += dt.timedelta(days=14)


def _price_list(ctx: Context) -> None:
    for key, name, fee, minutes, active in (
        ("consultation", "Initial consultation", 0, 30, True),
        ("session", "Individual session 50 min", STANDARD_FEE, 50, True),
        ("extended", "Extended session 80 min", 11000, 80, True),
        ("workshop", "Evening workshop (discontinued)", 2500, 90, False),
    ):
        ctx.services[key] = ctx.rows.add(
            Service, name=name, standard_fee_minor=fee, default_minutes=minutes, active=active
        )
    for order, (name, fee, note) in enumerate(
        (
            ("Tier A", 6000, "A reduced fee for a lower household income."),
            ("Tier B", 4500, "For a low income or benefits; no proof asked."),
            ("Tier C", 2500, "Students, and anyone going through hardship."),
        ),
        start=1,
    ):
        ctx.tiers.append(
            ctx.rows.add(
                SlidingScaleTier,
                name=name,
                fee_minor=fee,
                criteria_note=note,
                sort_order=order,
                active=True,
            )
        )


def _directory(ctx: Context) -> None:
    for number, (name, specialty, address) in enumerate(
        (
            (
                "Example Nutrition Clinic (fictional)",
                "Nutrition and eating",
                "2 Sample Road\nDemo Town",
            ),
            (
                "Sample Street Physiotherapy (fictional)",
                "Physiotherapy and back pain",
                "3 Sample Street\nDemo Town",
            ),
        ),
        start=901,
    ):
        local = ascii_fold(name.split("(")[0].split()[1])
        ctx.providers.append(
            ctx.rows.add(
                Provider,
                name=name,
                kind=ProviderKind.EXTERNAL,
                practitioner_id=None,
                specialty=specialty,
                phone=f"07700 900{number}",
                email=f"{local}-referrals@example.org",
                address=address,
                notes="A fictional provider in the demo practice.",
                accepting_clients=True,
            )
        )
    for index, practitioner in enumerate(ctx.practitioners[1:]):
        ctx.providers.append(
            ctx.rows.add(
                Provider,
                name=practitioner["full_name"],
                kind=ProviderKind.INTERNAL,
                practitioner_id=practitioner["id"],
                specialty=SPECIALTIES[index % len(SPECIALTIES)],
                phone=practitioner["phone"],
                email=practitioner["email"],
                address="",
                notes="A co-worker at the practice.",
                accepting_clients=True,
            )
        )
