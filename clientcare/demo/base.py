"""What the parts of the demo generator share: its size, the practice's hours and fees,
the row buffer, the diary, each client's plan, and the context holding them all.

Every part (practice, clients, appointments, …) is a module whose ``generate(ctx)`` adds
rows through ``ctx.rows`` and reads what earlier parts left on the context; the parts
never call each other (demo/generator.py runs them in order).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from clientcare.db.models import (
    Adjustment,
    Appointment,
    AppointmentMode,
    AppointmentSeries,
    Base,
    BusyTime,
    Charge,
    CheckIn,
    CheckInConsent,
    ChecklistAnswer,
    Client,
    ClientFact,
    ClientIssue,
    ClientStatus,
    Expectation,
    FeeArrangement,
    Instalment,
    Interaction,
    LatenessNotice,
    MoneyConversation,
    Payment,
    PaymentPlan,
    Practitioner,
    Provider,
    Referral,
    Service,
    SlidingScaleTier,
    WaitlistEntry,
)
from clientcare.demo.words import add_months, at, is_working_day


@dataclass(frozen=True)
class DemoSize:
    """How big a demo practice to make.

    ``months_of_history`` is how long ago the practice opened; appointments run
    from then until ``weeks_ahead`` weeks after today. A client's work with the
    practice lasts between six weeks and ``max_engagement_months``.
    """

    practitioners: int
    clients: int
    months_of_history: int
    weeks_ahead: int = 4
    max_engagement_months: int = 18

    def __post_init__(self) -> None:
        if self.practitioners < 1 or self.clients < 1:
            raise ValueError("A demo practice needs at least one practitioner and one client.")
        if self.months_of_history < 1 or self.weeks_ahead < 0 or self.max_engagement_months < 2:
            raise ValueError("months_of_history >= 1, weeks_ahead >= 0, max_engagement_months >= 2")


#: The demo practice `main.py --demo` opens.
DEMO = DemoSize(practitioners=3, clients=40, months_of_history=6)

#: A large practice for benchmarks: about 100,000 appointments over twelve and a half years
#: (five practitioners near capacity; builds in about 15 s on a laptop-class machine).
BENCHMARK = DemoSize(practitioners=5, clients=2000, months_of_history=150, max_engagement_months=40)


# Half-hour cells in a 09:00-17:00 working day: cell 0 is 09:00, cell 15 is 16:30.
DAY_START = dt.time(9, 0)
DAY_END = dt.time(17, 0)
CELLS_PER_DAY = 16
CELL_MINUTES = 30

LATE_CANCEL_FEE = 3750
NO_SHOW_FEE = 7500
STANDARD_FEE = 7500

#: The demo practice keeps its accounts in pounds.
DEMO_CURRENCY = "GBP"

#: A row to insert: a dict with every column of its table.
Row = dict[str, Any]

# --------------------------------------------------------------------------
# Rows: plain dicts with ids assigned here, inserted in bulk at the end
# --------------------------------------------------------------------------

INSERT_ORDER: tuple[type[Base], ...] = (
    Practitioner,
    BusyTime,
    Service,
    SlidingScaleTier,
    Provider,
    Client,
    ClientFact,
    WaitlistEntry,
    AppointmentSeries,
    Appointment,
    LatenessNotice,
    Interaction,
    FeeArrangement,
    Charge,
    PaymentPlan,
    Instalment,
    Payment,
    Adjustment,
    MoneyConversation,
    Referral,
    ClientIssue,
    Expectation,
    CheckInConsent,
    CheckIn,
    ChecklistAnswer,
)
BATCH = 10_000


def _table(model: type[Base]) -> Table:
    """The Core table of ``model``."""
    return Base.metadata.tables[model.__tablename__]


class Rows:
    """Rows per table, each a dict with every column key, and the next id of each table."""

    def __init__(self, session: Session) -> None:
        self.tables: dict[type[Base], list[Row]] = {m: [] for m in INSERT_ORDER}
        self._next_id: dict[type[Base], int] = {
            model: (session.scalar(select(func.max(_table(model).c.id))) or 0) + 1
            for model in INSERT_ORDER
        }

    def add(self, model: type[Base], **values: Any) -> Row:
        """A new row of ``model`` with the next id (money rows in the demo's currency)."""
        if model in (Charge, Payment, Adjustment):
            values.setdefault("currency", DEMO_CURRENCY)
        row = {"id": self._next_id[model], **values}
        self._next_id[model] += 1
        self.tables[model].append(row)
        return row

    def insert_all(self, session: Session) -> None:
        """Bulk-insert every table in foreign-key order (executemany in batches)."""
        rescheduled = [
            {
                "id": row["id"],
                "rescheduled_to_id": row["rescheduled_to_id"],
                "updated_at": row["updated_at"],
                # The row version just inserted (Appointment.version; the ORM bulk update
                # matches on it and counts it up, as for any update).
                "version": 1,
            }
            for row in self.tables[Appointment]
            if row["rescheduled_to_id"] is not None
        ]
        for model in INSERT_ORDER:
            rows = self.tables[model]
            if model is Appointment:  # the replacement may come later: link after inserting
                rows = [
                    {**row, "rescheduled_to_id": None} if row["rescheduled_to_id"] else row
                    for row in rows
                ]
            # Core inserts of the table: one executemany per batch. (ORM bulk inserts
            # split the rows into many small statements wherever a value is None.)
            for start in range(0, len(rows), BATCH):
                session.execute(insert(_table(model)), rows[start : start + BATCH])
        if rescheduled:
            session.execute(update(Appointment), rescheduled)
        if session.get_bind().dialect.name == "postgresql":
            self._advance_sequences(session)

    def _advance_sequences(self, session: Session) -> None:
        # Ids were given explicitly, so PostgreSQL's sequences must be moved past them.
        for model in INSERT_ORDER:
            table = model.__tablename__
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
            )


# --------------------------------------------------------------------------
# Booking without double-booking
# --------------------------------------------------------------------------


class Diary:
    """Which half-hour cells of each practitioner's working days are taken (a bit mask per day)."""

    def __init__(self) -> None:
        self._taken: dict[tuple[int, int], int] = {}
        self._orders: dict[tuple[int, int], tuple[int, ...]] = {}

    def _order(self, preferred: int, cells: int) -> tuple[int, ...]:
        key = (preferred, cells)
        if key not in self._orders:
            starts = range(CELLS_PER_DAY - cells + 1)
            self._orders[key] = tuple(sorted(starts, key=lambda c: (abs(c - preferred), c)))
        return self._orders[key]

    def take(self, practitioner_id: int, day: dt.date, cells: int, preferred: int) -> int | None:
        """Reserve ``cells`` cells on ``day`` as near ``preferred`` as possible; the first cell."""
        key = (practitioner_id, day.toordinal())
        taken = self._taken.get(key, 0)
        mask = (1 << cells) - 1
        for cell in self._order(preferred, cells):
            if not (taken >> cell) & mask:
                self._taken[key] = taken | (mask << cell)
                return cell
        return None

    def book(
        self,
        practitioner_id: int,
        day: dt.date,
        minutes: int,
        preferred: int,
        offsets: tuple[int, ...] = (0, 1, -1, 2),
    ) -> dt.datetime | None:
        """A free start on ``day`` or a nearby working day, reserved; None when all are full."""
        cells = -(-minutes // CELL_MINUTES)
        preferred = min(preferred, CELLS_PER_DAY - cells)
        for offset in offsets:
            candidate = day + dt.timedelta(days=offset)
            if not is_working_day(candidate):
                continue
            cell = self.take(practitioner_id, candidate, cells, preferred)
            if cell is not None:
                return at(candidate, DAY_START.hour) + dt.timedelta(minutes=CELL_MINUTES * cell)
        return None


# --------------------------------------------------------------------------
# Each client's story, and the context every part shares
# --------------------------------------------------------------------------


@dataclass
class Plan:
    """One client's story: who they are, when they came, how often, how they pay."""

    row: Row
    status: ClientStatus
    practitioner: Row
    first_day: dt.date
    last_day: dt.date | None
    rhythm_days: int
    preferred_cell: int
    mode: AppointmentMode
    service: Row
    payer: str = "prompt"
    fees: list[tuple[dt.date, int]] = field(default_factory=list)
    appointments: list[Row] = field(default_factory=list)
    sessions: dict[dt.date, Row] = field(default_factory=dict)
    behind_from: dt.date | None = None
    behind_until: dt.date | None = None
    charges: list[Row] = field(default_factory=list)
    # charge id → what the client pays of it (0 when it was waived)
    to_pay: dict[int, int] = field(default_factory=dict)

    @property
    def id(self) -> int:
        return int(self.row["id"])

    @property
    def preferred_name(self) -> str:
        return str(self.row["preferred_name"])

    def fee_on(self, day: dt.date) -> int:
        fee = int(self.service["standard_fee_minor"])
        for effective_from, amount in self.fees:
            if effective_from <= day:
                fee = amount
        return fee

    def session_on_or_after(self, day: dt.date) -> Row | None:
        """The first session notes on or after ``day`` (None: no session then or since)."""
        later = [d for d in self.sessions if d >= day]
        return self.sessions[min(later)] if later else None

    @property
    def sign_off(self) -> str:
        """How the practitioner signs a message: their first name."""
        return str(self.practitioner["full_name"]).removeprefix("Dr. ").split()[0]


class Context:
    """What the parts of the generator share: the session, the random generator, the rows,
    the diary, the clients' plans, and what each part leaves for the later ones."""

    def __init__(self, session: Session, size: DemoSize, seed: int, today: dt.date) -> None:
        self.session = session
        self.size = size
        self.rng = random.Random(seed)
        self.today = today
        self.opened = add_months(today, -size.months_of_history)
        self.horizon = today + dt.timedelta(weeks=size.weeks_ahead)
        self.rows = Rows(session)
        self.diary = Diary()
        # the practice
        self.practitioners: list[Row] = []
        self.services: dict[str, Row] = {}
        self.tiers: list[Row] = []
        self.providers: list[Row] = []
        # the clients
        self.plans: list[Plan] = []
        # appointments: appointment id → practitioner minutes late
        self.late_minutes: dict[int, int] = {}
        # interactions: interaction id → its row, and the principle numbers answered
        # "done" when it was finalised (later parts add to them)
        self.interactions: dict[int, Row] = {}
        self.answers: dict[int, list[int]] = {}

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        if last <= first:
            return first
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        while not is_working_day(day):
            day += dt.timedelta(days=1)
        return day
