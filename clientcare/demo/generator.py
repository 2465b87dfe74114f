"""Run the parts of the demo generator in order, and the public functions that do it."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare.db.migrate import open_database
from clientcare.db.models import (
    Appointment,
    Base,
    Charge,
    CheckIn,
    Client,
    ClientIssue,
    Expectation,
    Interaction,
    Payment,
    Practitioner,
    Provider,
    Referral,
)
from clientcare.demo import (
    appointments,
    checklist,
    clients,
    followups,
    interactions,
    money,
    practice,
    referrals,
)
from clientcare.demo.base import DEMO, Context, DemoSize

DEFAULT_SEED = 20261123


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo database holds."""

    practitioners: int
    clients: int
    appointments: int
    interactions: int
    charges: int
    payments: int
    providers: int
    referrals: int
    issues: int
    expectations: int
    checkins: int


def _generate(ctx: Context) -> None:
    """Each part reads what the earlier ones left on ``ctx``; the rows are inserted at the end."""
    practice.generate(ctx)
    clients.generate(ctx)
    appointments.generate(ctx)
    interactions.generate(ctx)
    money.generate(ctx)
    referrals.generate(ctx)
    followups.generate(ctx)
    checklist.generate(ctx)
    ctx.rows.insert_all(ctx.session)


def _count(session: Session, model: type[Base]) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def demo_summary(session: Session) -> DemoSummary:
    """Count the rows of each kind the database holds now."""
    return DemoSummary(
        practitioners=_count(session, Practitioner),
        clients=_count(session, Client),
        appointments=_count(session, Appointment),
        interactions=_count(session, Interaction),
        charges=_count(session, Charge),
        payments=_count(session, Payment),
        providers=_count(session, Provider),
        referrals=_count(session, Referral),
        issues=_count(session, ClientIssue),
        expectations=_count(session, Expectation),
        checkins=_count(session, CheckIn),
    )


def generate_demo(
    session: Session,
    *,
    size: DemoSize = DEMO,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fill a migrated database that has no clients yet with a fictional practice.

    Runs inside the caller's transaction and returns the counts. The same
    ``seed`` and ``today`` always produce the same rows. Raises ValueError if the
    database already has clients.
    """
    if _count(session, Client):
        raise ValueError("The demo practice can only be generated into a database without clients.")
    _generate(Context(session, size, seed, today or dt.date.today()))
    session.flush()
    return demo_summary(session)


def create_demo_database(
    path: str | os.PathLike[str],
    *,
    size: DemoSize = DEMO,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
) -> DemoSummary:
    """Create (or open) the demo database at ``path`` and fill it if it has no clients yet.

    Idempotent: a database that already has clients is left as it is and its
    counts are returned. One unit of work; the engine is disposed afterwards.
    """
    database, _report = open_database(path)
    try:
        with database.unit_of_work() as session:
            if _count(session, Client):
                return demo_summary(session)
            return generate_demo(session, size=size, seed=seed, today=today)
    finally:
        database.dispose()
