"""A deterministic, obviously fictional demo practice: for trying the app, teaching and benchmarks.

Everything is made up. Surnames are words for "example" or "sample" in many
languages, the address is in Demo Town, e-mail addresses are at example.org
(reserved by RFC 2606) and phone numbers are in Ofcom's 07700 900xxx drama
range. The same seed and the same ``today`` give identical rows: the generator
uses its own ``random.Random`` and never reads the clock except to default
``today``; even bookkeeping timestamps are derived from the demo's dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from clientcare.clients import search_key_for
from clientcare.config import (
    DEFAULT_CANCELLATION_WINDOW_HOURS,
    DEFAULT_LATENESS_THRESHOLD_MINUTES,
    DEFAULT_LOCALE,
    DEFAULT_SESSION_MINUTES,
)
from clientcare.db.migrate import open_database
from clientcare.db.models import (
    Adjustment,
    Appointment,
    AppointmentMode,
    AppointmentSeries,
    AppointmentStatus,
    Base,
    BusyTime,
    CancelledBy,
    Charge,
    ChargeKind,
    ChargeStatus,
    CheckIn,
    CheckInConsent,
    ChecklistAnswer,
    ChecklistAnswerValue,
    Client,
    ClientFact,
    ClientIssue,
    ClientStatus,
    ConsentState,
    ContactChannel,
    Expectation,
    ExpectationOutcome,
    FeeArrangement,
    Instalment,
    Interaction,
    InteractionKind,
    InteractionState,
    IssueStatus,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
    MoneyConversation,
    MoneyTopic,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentPlan,
    PlanStatus,
    PracticeSettings,
    Practitioner,
    Principle,
    Provider,
    ProviderKind,
    Referral,
    ReferralDirection,
    ReferralSourceKind,
    ReferralStatus,
    ReferralUrgency,
    Service,
    SetBy,
    SlidingScaleTier,
    Urgency,
    WaitlistEntry,
    WaitlistStatus,
    WarmHandoff,
)

DEFAULT_SEED = 20261123


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


# --------------------------------------------------------------------------
# The fictional world
# --------------------------------------------------------------------------

PRACTICE_NAME = "Willow Lane Demo Practice (fictional)"
PRACTICE_ADDRESS = "1 Example Street\nDemo Town (a fictional place)"
PRACTICE_EMAIL = "willow-lane@example.org"
PRACTICE_PHONE = "07700 900000"

_PRACTITIONER_NAMES = (
    "Dr. Ada Example",
    "Sam Sample",
    "Noor Placeholder",
    "Tomás Ejemplo",
    "Kit Muster",
)
_SPECIALTIES = (
    "Couples and family work",
    "Grief and bereavement",
    "Work stress and burnout",
    "Anxiety and panic",
    "Young adults",
)

# (full name, preferred name, pronunciation, pronouns, e-mail local part); the first
# clients get these so even a small demo shows non-ASCII names and nicknames.
_NAMED_CLIENTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Zoë Ñúñez", "Zoë", "ZOH-ee NOON-yeth", "she/her", "zoe.nunez"),
    ("Robert Demo", "Bobby", "", "he/him", "robert.demo"),
    ("Siobhán Sampla", "Siobhán", "SHIV-awn", "she/her", "siobhan.sampla"),
    ("Søren Eksempel", "Søren", "SUR-en", "", "soren.eksempel"),
    ("Ngozi Example", "Ngozi", "n-GOH-zee", "she/her", "ngozi.example"),
    ("山田例子", "Reiko", "RAY-koh yah-MAH-dah", "", "reiko.yamada"),
    ("李范例", "Fanli", "fahn-LEE", "he/him", "fanli.li"),
    ("홍길동", "Gildong", "gil-DONG", "", "gildong.hong"),
    ("Nguyễn Thị Mẫu", "Mẫu", "", "she/her", "mau.nguyen"),
    ("Oluwaseun Apẹẹrẹ", "Seun", "SHAY-oon", "he/him", "seun.apeere"),
    ("Katherine Beispiel", "Kate", "", "she/they", "katherine.beispiel"),
    ("Ólafur Dæmi", "Óli", "OH-la-vur", "he/him", "olafur.daemi"),
    ("Zofia Przykład", "Zosia", "ZOH-sha", "she/her", "zofia.przyklad"),
    ("Ayşe Örnek", "Ayşe", "EYE-sheh", "", "ayse.ornek"),
    ("Xóchitl Ejemplo", "Xóchitl", "SO-cheetl", "they/them", "xochitl.ejemplo"),
)

# (first name, a nickname some people go by, pronunciation hint)
_FIRST_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Zoë", "", ""),
    ("Søren", "", "SUR-en"),
    ("Siobhán", "", "SHIV-awn"),
    ("Ngozi", "", "n-GOH-zee"),
    ("José", "Pepe", "ho-SEH"),
    ("Anaïs", "", "ah-nah-EES"),
    ("Björn", "", "BYURN"),
    ("Chloé", "", ""),
    ("Dagný", "", "DAHG-nee"),
    ("Élodie", "", ""),
    ("Fatima", "", ""),
    ("Grzegorz", "Greg", "GZHEH-gosh"),
    ("Hélène", "", ""),
    ("Inés", "", ""),
    ("Jonas", "", ""),
    ("Kai", "", ""),
    ("Leilani", "Lani", "lay-LAH-nee"),
    ("Mateo", "", ""),
    ("Noor", "", ""),
    ("Oisín", "", "uh-SHEEN"),
    ("Renée", "", ""),
    ("Sanjay", "", ""),
    ("Tomás", "", ""),
    ("Uma", "", ""),
    ("Wiktoria", "Wika", "vik-TOR-ya"),
    ("Yusuf", "", ""),
    ("Zainab", "", ""),
    ("Robert", "Bobby", ""),
    ("Katherine", "Kate", ""),
    ("William", "Will", ""),
    ("Elizabeth", "Liz", ""),
    ("Alexander", "Sasha", ""),
    ("Margaret", "Maggie", ""),
    ("Benjamin", "Ben", ""),
    ("Jonathan", "Jon", ""),
    ("Aoife", "", "EE-fa"),
    ("Niamh", "", "NEEV"),
    ("Saoirse", "", "SEER-sha"),
    ("Tadhg", "", "TIGE"),
    ("Łukasz", "", "WOO-kash"),
    ("Ayşe", "", "EYE-sheh"),
    ("Kwame", "", "KWAH-may"),
    ("Priya", "", ""),
    ("Dmitri", "Dima", ""),
    ("Ingrid", "", ""),
    ("Rosa", "", ""),
    ("Theo", "", ""),
)

# Words for "example" or "sample" (and one test-string favourite, Ñúñez).
_SURNAMES = (
    "Example",
    "Sample",
    "Demo",
    "Placeholder",
    "Ñúñez",
    "Ejemplo",
    "Exemplo",
    "Esempio",
    "Exemple",
    "Beispiel",
    "Muster",
    "Voorbeeld",
    "Eksempel",
    "Exempel",
    "Esimerkki",
    "Przykład",
    "Příklad",
    "Példa",
    "Örnek",
    "Sampla",
    "Dæmi",
    "Apẹẹrẹ",
)

_PRONOUNS = ("she/her", "he/him", "they/them", "she/they", "he/they")

_FACTS = (
    "Has a dog called Biscuit",
    "Training for a 10k in spring",
    "Likes to start with a few quiet minutes",
    "Works night shifts every other week",
    "Allergic to lavender: no diffuser in the room",
    "Cycles to sessions and needs somewhere for the bike",
    "Youngest starts school in September",
    "Finds the ground-floor room easier",
    "Prefers e-mail to phone calls",
    "Learning the cello",
    "Grandmother's birthday in June is an important date",
    "Hears better on the right side: sit to their right",
    "Takes the 8:15 bus; Monday mornings are tight",
    "Volunteers at the Demo Town library on Saturdays",
)

_TOPICS = (
    "the sleep routine",
    "boundaries at work",
    "a recent family visit",
    "planning for the holidays",
    "the breathing exercise",
    "a difficult conversation with a flatmate",
    "getting back into running",
    "settling into a new job",
    "making time for rest",
    "keeping in touch with friends",
    "a change of plans at home",
    "what a good week looks like",
)
_OPENERS = (
    "Checked in on the week.",
    "Picked up from last time.",
    "Started with a few quiet minutes.",
    "Began by looking back at the last two weeks.",
)
_OBSERVATIONS = (
    "Some progress since the last session.",
    "A mixed week, with some good days.",
    "Agreed the plan still fits.",
    "Wants to take this more slowly.",
    "Seemed more settled by the end of the session.",
)
_CLIENT_WORDS = (
    "It helps to say it out loud.",
    "I actually slept better this week.",
    "Small steps seem to work for me.",
    "I didn't expect to feel this calm.",
    "Some days are easier than others.",
    "I'd like to keep going with this.",
    "Work has been a lot lately.",
)
_NOT_A_FIT_WORDS = "I'm not sure the journaling is for me."
_NEXT_STEPS = (
    "Try the breathing exercise before bed.",
    "A short walk at lunchtime on three days this week.",
    "Bring the list of questions next time.",
    "Write down one good thing each evening.",
    "Talk to the manager about the rota.",
    "Keep the same time next week.",
)
_MORE_HELPFUL = (
    "A few more minutes at the end to plan the week.",
    "Would have liked the summary by e-mail.",
    "Nothing this time; it felt right.",
    "More time on the practical side.",
    "A glass of water in the room.",
)
_CALLS = (
    "Called to move next week's session; a new time was agreed.",
    "Returned a call about a receipt for last month.",
    "Called to check the room change for next week.",
)
_ISSUES: tuple[tuple[str, str, str, Urgency], ...] = (
    (
        "Needs a letter confirming attendance",
        "Their employer asked for confirmation of regular appointments.",
        "Time off work depends on it.",
        Urgency.HIGH,
    ),
    (
        "Receipt shows an old address",
        "The monthly receipt still has the previous home address.",
        "Cannot claim from a workplace health plan until it is corrected.",
        Urgency.NORMAL,
    ),
    (
        "Would like evening sessions",
        "Only daytime sessions are offered at present.",
        "Hard to attend during a busy period at work.",
        Urgency.NORMAL,
    ),
    (
        "Waiting area feels visible from the street",
        "Would prefer to wait somewhere less on view.",
        "Feels uneasy arriving.",
        Urgency.LOW,
    ),
    (
        "Side ramp blocked on bin day",
        "Bins are left across the ramp on Tuesdays.",
        "Cannot reach the room step-free.",
        Urgency.HIGH,
    ),
    (
        "Weekend support numbers",
        "Asked who to contact between sessions at weekends.",
        "Wants a plan for weekends.",
        Urgency.CRISIS,
    ),
    (
        "Copy of session summaries",
        "Would like a copy of the summaries kept so far.",
        "Helps them remember what was agreed.",
        Urgency.LOW,
    ),
)
_CLIENT_EXPECTATIONS = (
    "Will try the breathing exercise most evenings",
    "Will say if a session time stops working",
    "Would like a short written summary after each session",
)
_WAIVER_REASONS = (
    "A courtesy: a family emergency that morning.",
    "The first missed session, and the reminder had not been sent.",
    "The client was unwell and could not call in time.",
)
_PRACTICE_EXPECTATION = (
    "Sessions are 50 minutes and start on time. If I am running late you can wait, "
    "reschedule, or cancel without a fee."
)

# Half-hour cells in a 09:00-17:00 working day: cell 0 is 09:00, cell 15 is 16:30.
_DAY_START = dt.time(9, 0)
_CELLS_PER_DAY = 16
_CELL_MINUTES = 30

_LATE_CANCEL_FEE = 3750
_NO_SHOW_FEE = 7500
_STANDARD_FEE = 7500

_ASCII_FOR = {"ø": "o", "æ": "ae", "ł": "l", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "œ": "oe"}


def ascii_fold(name: str) -> str:
    """Lower-case ASCII letters and digits only, for e-mail local parts ("Søren" → "soren")."""
    lowered = "".join(_ASCII_FOR.get(ch, ch) for ch in name.lower())
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


#: The demo practice keeps its accounts in pounds.
DEMO_CURRENCY = "GBP"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clipped to the end of a short month."""
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, except the practice's closure from 24 December to 1 January."""
    closed = (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1)
    return day.weekday() < 5 and not closed


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


# --------------------------------------------------------------------------
# Rows: plain dicts with ids assigned here, inserted in bulk at the end
# --------------------------------------------------------------------------

_INSERT_ORDER: tuple[type[Base], ...] = (
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
_BATCH = 10_000


#: Why a demo prospect did not go ahead (chosen by position, so the random draws stay as they were).
_DECLINED_REASONS = (
    "Decided to wait until after moving house.",
    "Found a practitioner closer to work.",
    "The fee does not fit this year's budget; may come back later.",
    "Wants to try a group programme first.",
)


class _Rows:
    """Rows per table, each a dict with every column key, and the next id of each table."""

    def __init__(self, session: Session) -> None:
        self.tables: dict[type[Base], list[dict[str, Any]]] = {m: [] for m in _INSERT_ORDER}
        self._next_id: dict[type[Base], int] = {
            model: (session.scalar(select(func.max(model.__table__.c.id))) or 0) + 1
            for model in _INSERT_ORDER
        }

    def add(self, model: type[Base], **values: Any) -> dict[str, Any]:
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
        for model in _INSERT_ORDER:
            rows = self.tables[model]
            if model is Appointment:  # the replacement may come later: link after inserting
                rows = [
                    {**row, "rescheduled_to_id": None} if row["rescheduled_to_id"] else row
                    for row in rows
                ]
            # Core inserts of the table: one executemany per batch. (ORM bulk inserts
            # split the rows into many small statements wherever a value is None.)
            table = model.__table__
            assert isinstance(table, Table)  # every model is mapped to a table of its own
            for start in range(0, len(rows), _BATCH):
                session.execute(insert(table), rows[start : start + _BATCH])
        if rescheduled:
            session.execute(update(Appointment), rescheduled)
        if session.get_bind().dialect.name == "postgresql":
            self._advance_sequences(session)

    def _advance_sequences(self, session: Session) -> None:
        # Ids were given explicitly, so PostgreSQL's sequences must be moved past them.
        for model in _INSERT_ORDER:
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


class _Diary:
    """Which half-hour cells of each practitioner's working days are taken (a bit mask per day)."""

    def __init__(self) -> None:
        self._taken: dict[tuple[int, int], int] = {}
        self._orders: dict[tuple[int, int], tuple[int, ...]] = {}

    def _order(self, preferred: int, cells: int) -> tuple[int, ...]:
        key = (preferred, cells)
        if key not in self._orders:
            starts = range(_CELLS_PER_DAY - cells + 1)
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
        cells = -(-minutes // _CELL_MINUTES)
        preferred = min(preferred, _CELLS_PER_DAY - cells)
        for offset in offsets:
            candidate = day + dt.timedelta(days=offset)
            if not is_working_day(candidate):
                continue
            cell = self.take(practitioner_id, candidate, cells, preferred)
            if cell is not None:
                return _at(candidate, _DAY_START.hour) + dt.timedelta(minutes=_CELL_MINUTES * cell)
        return None


# --------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------


@dataclass
class _Plan:
    """One client's story: who they are, when they came, how often, how they pay."""

    row: dict[str, Any]
    status: ClientStatus
    practitioner: dict[str, Any]
    first_day: dt.date
    last_day: dt.date | None
    rhythm_days: int
    preferred_cell: int
    mode: AppointmentMode
    service: dict[str, Any]
    payer: str = "prompt"
    fees: list[tuple[dt.date, int]] = field(default_factory=list)
    appointments: list[dict[str, Any]] = field(default_factory=list)
    sessions: dict[dt.date, dict[str, Any]] = field(default_factory=dict)
    behind_from: dt.date | None = None
    behind_until: dt.date | None = None

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


class _Generator:
    def __init__(self, session: Session, size: DemoSize, seed: int, today: dt.date) -> None:
        self.session = session
        self.size = size
        self.rng = random.Random(seed)
        self.today = today
        self.opened = add_months(today, -size.months_of_history)
        self.horizon = today + dt.timedelta(weeks=size.weeks_ahead)
        self.rows = _Rows(session)
        self.diary = _Diary()
        self.plans: list[_Plan] = []
        self.practitioners: list[dict[str, Any]] = []
        self.services: dict[str, dict[str, Any]] = {}
        self.tiers: list[dict[str, Any]] = []
        self.providers: list[dict[str, Any]] = []
        # interaction id → principle numbers answered "done" when it was finalised
        self.answers: dict[int, list[int]] = {}
        self.interactions: dict[int, dict[str, Any]] = {}
        self.charges: dict[int, list[dict[str, Any]]] = {}
        self.pay_amount: dict[int, int] = {}
        self.emails: set[str] = set()
        self.late_minutes: dict[int, int] = {}  # appointment id → practitioner minutes late

    # -- helpers ----------------------------------------------------------

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

    @staticmethod
    def sign_off(practitioner: dict[str, Any]) -> str:
        return str(practitioner["full_name"]).removeprefix("Dr. ").split()[0]

    # -- the practice -----------------------------------------------------

    def run(self) -> None:
        self.practice()
        self.people()
        self.price_list()
        self.directory()
        self.supervision()
        self.clients()
        for plan in self.plans:
            self.book(plan)
        self.guarantee_rare_events()
        self.lateness()
        for plan in self.plans:
            self.record_interactions(plan)
        self.money()
        self.referrals()
        self.follow_ups()
        self.checklist_answers()
        self.rows.insert_all(self.session)

    def practice(self) -> None:
        settings = self.session.get(PracticeSettings, 1)
        if settings is None:
            settings = PracticeSettings(id=1)
            self.session.add(settings)
        settings.name = PRACTICE_NAME
        settings.address = PRACTICE_ADDRESS
        settings.phone = PRACTICE_PHONE
        settings.email = PRACTICE_EMAIL
        settings.currency = DEMO_CURRENCY
        settings.locale = DEFAULT_LOCALE
        settings.lateness_threshold_minutes = DEFAULT_LATENESS_THRESHOLD_MINUTES
        settings.default_session_minutes = DEFAULT_SESSION_MINUTES
        settings.cancellation_window_hours = DEFAULT_CANCELLATION_WINDOW_HOURS
        settings.late_cancel_fee_minor = _LATE_CANCEL_FEE
        settings.no_show_fee_minor = _NO_SHOW_FEE
        settings.working_day_start = _DAY_START
        settings.working_day_end = dt.time(17, 0)
        settings.updated_at = _at(self.opened, 8)
        self.session.flush()

    def people(self) -> None:
        for index in range(self.size.practitioners):
            if index < len(_PRACTITIONER_NAMES):
                name = _PRACTITIONER_NAMES[index]
            else:
                name = f"Practitioner {index + 1} Example"
            local = ".".join(ascii_fold(part) for part in name.removeprefix("Dr. ").split())
            row = self.rows.add(
                Practitioner,
                full_name=name,
                email=f"{local}@example.org",
                phone=f"07700 900{index + 1:03d}",
                is_current_user=index == 0,
                active=True,
                created_at=_at(self.opened, 8),
            )
            self.practitioners.append(row)

    def supervision(self) -> None:
        """Every other Wednesday at noon each practitioner has supervision (busy time)."""
        for practitioner in self.practitioners:
            day = self.opened + dt.timedelta(days=(2 - self.opened.weekday()) % 7)
            day += dt.timedelta(days=7 * (practitioner["id"] % 2))  # not all on the same week
            while day <= self.horizon:
                if is_working_day(day) and self.diary.take(practitioner["id"], day, 2, 6) == 6:
                    self.rows.add(
                        BusyTime,
                        practitioner_id=practitioner["id"],
                        starts_at=_at(day, 12),
                        ends_at=_at(day, 13),
                        title="Supervision",
                        ical_uid=None,
                        created_at=_at(self.opened, 8),
                    )
                day += dt.timedelta(days=14)

    def price_list(self) -> None:
        for key, name, fee, minutes, active in (
            ("consultation", "Initial consultation", 0, 30, True),
            ("session", "Individual session 50 min", _STANDARD_FEE, 50, True),
            ("extended", "Extended session 80 min", 11000, 80, True),
            ("workshop", "Evening workshop (discontinued)", 2500, 90, False),
        ):
            self.services[key] = self.rows.add(
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
            self.tiers.append(
                self.rows.add(
                    SlidingScaleTier,
                    name=name,
                    fee_minor=fee,
                    criteria_note=note,
                    sort_order=order,
                    active=True,
                )
            )

    def directory(self) -> None:
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
            self.providers.append(
                self.rows.add(
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
        for index, practitioner in enumerate(self.practitioners[1:]):
            self.providers.append(
                self.rows.add(
                    Provider,
                    name=practitioner["full_name"],
                    kind=ProviderKind.INTERNAL,
                    practitioner_id=practitioner["id"],
                    specialty=_SPECIALTIES[index % len(_SPECIALTIES)],
                    phone=practitioner["phone"],
                    email=practitioner["email"],
                    address="",
                    notes="A co-worker at the practice.",
                    accepting_clients=True,
                )
            )

    # -- clients ----------------------------------------------------------

    def statuses(self) -> list[ClientStatus]:
        n, p = self.size.clients, self.size.practitioners
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
        self.rng.shuffle(statuses)
        return statuses

    def name(self, index: int) -> tuple[str, str, str, str, str]:
        if index < len(_NAMED_CLIENTS):
            return _NAMED_CLIENTS[index]
        first, nickname, pronunciation = self.rng.choice(_FIRST_NAMES)
        last = self.rng.choice(_SURNAMES)
        preferred = nickname if nickname and self.chance(0.6) else first
        pronouns = self.rng.choice(_PRONOUNS) if self.chance(0.4) else ""
        return f"{first} {last}", preferred, pronunciation, pronouns, f"{first}.{last}"

    def email_for(self, local: str) -> str:
        local = ".".join(ascii_fold(part) for part in local.split(".")) or "client"
        candidate, number = f"{local}@example.org", 1
        while candidate in self.emails:
            number += 1
            candidate = f"{local}{number}@example.org"
        self.emails.add(candidate)
        return candidate

    def window(self, status: ClientStatus) -> tuple[dt.date, dt.date | None]:
        """First and last day of a client's work with the practice (None: still going)."""
        rng, today, opened = self.rng, self.today, self.opened
        length = dt.timedelta(days=rng.randint(42, max(43, self.size.max_engagement_months * 30)))
        earliest = opened + dt.timedelta(days=rng.randint(0, 21))
        if status is ClientStatus.ACTIVE:
            return min(max(earliest, today - length), today - dt.timedelta(days=1)), None
        if status is ClientStatus.PROSPECT:
            return max(opened, today - dt.timedelta(days=rng.randint(1, 30))), None
        if status is ClientStatus.DECLINED:
            start = self.day_between(opened, today - dt.timedelta(days=10))
            return start, min(start + dt.timedelta(days=rng.randint(3, 10)), today)
        if status is ClientStatus.PAUSED:
            last = today - dt.timedelta(days=rng.randint(21, 100))
        else:
            last = self.day_between(opened + dt.timedelta(days=42), today - dt.timedelta(days=14))
        last = max(last, opened + dt.timedelta(days=14))
        first = max(earliest, last - length)
        return min(first, last - dt.timedelta(days=14)), last

    def clients(self) -> None:
        weights = [1.4] + [1.0] * (len(self.practitioners) - 1)
        for index, status in enumerate(self.statuses()):
            full_name, preferred, pronunciation, pronouns, local = self.name(index)
            email = self.email_for(local) if self.chance(0.9) else ""
            phone = f"07700 900{100 + index % 800:03d}" if self.chance(0.9) else ""
            first_day, last_day = self.window(status)
            practitioner = self.rng.choices(self.practitioners, weights)[0]
            enquired = first_day - dt.timedelta(days=self.rng.randint(2, 14))
            row = self.rows.add(
                Client,
                full_name=full_name,
                preferred_name=preferred,
                pronunciation=pronunciation,
                pronouns=pronouns,
                email=email,
                phone=phone,
                address=(
                    f"{self.rng.randint(2, 120)} Sample Road\nDemo Town" if self.chance(0.4) else ""
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
                    _DECLINED_REASONS[index % len(_DECLINED_REASONS)]
                    if status is ClientStatus.DECLINED
                    else ""
                ),
                primary_practitioner_id=practitioner["id"],
                search_key=search_key_for(full_name, preferred, email, phone),
                created_at=_at(enquired, 10),
                updated_at=_at(enquired, 10),
            )
            self.plans.append(self.plan_for(row, status, practitioner, first_day, last_day))
        for plan in self.plans:
            self.facts(plan)

    def plan_for(
        self,
        row: dict[str, Any],
        status: ClientStatus,
        practitioner: dict[str, Any],
        first_day: dt.date,
        last_day: dt.date | None,
    ) -> _Plan:
        rng = self.rng
        mode = rng.choices(
            (AppointmentMode.IN_PERSON, AppointmentMode.VIDEO, AppointmentMode.PHONE), (80, 14, 6)
        )[0]
        extended = self.chance(0.05)
        plan = _Plan(
            row=row,
            status=status,
            practitioner=practitioner,
            first_day=first_day,
            last_day=last_day,
            rhythm_days=7 if self.chance(0.6) else 14,
            preferred_cell=rng.randrange(0, 15),
            mode=mode,
            service=self.services["extended" if extended else "session"],
        )
        engaged = status in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.CLOSED)
        if engaged and not extended and self.chance(0.25):
            if self.chance(0.65):
                tier = rng.choice(self.tiers)
                plan.fees.append((first_day, int(tier["fee_minor"])))
                self.rows.add(
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
                self.rows.add(
                    FeeArrangement,
                    client_id=plan.id,
                    effective_from=first_day,
                    tier_id=None,
                    custom_fee_minor=fee,
                    note="A custom fee agreed at the first meeting.",
                )
        return plan

    def facts(self, plan: _Plan) -> None:
        engaged = plan.status in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.CLOSED)
        if not self.chance(0.6 if engaged else 0.2):
            return
        last = min(plan.last_day or self.today, self.today)
        texts = self.rng.sample(_FACTS, self.rng.randint(1, 3) if engaged else 1)
        if plan.preferred_cell < 6 and self.chance(0.5):
            texts[0] = "Prefers morning sessions"
        for fact in texts:
            noted_on = self.day_between(plan.first_day, last)
            self.rows.add(
                ClientFact,
                client_id=plan.id,
                noted_on=noted_on,
                text=fact,
                created_at=_at(noted_on, 17),
            )

    # -- appointments -----------------------------------------------------

    def appointment(
        self, plan: _Plan, start: dt.datetime, service: dict[str, Any], series_id: int | None
    ) -> dict[str, Any]:
        mode = plan.mode
        if mode is AppointmentMode.IN_PERSON and self.chance(0.05):
            mode = AppointmentMode.VIDEO
        location = {
            AppointmentMode.IN_PERSON: f"Room {plan.practitioner['id'] % 3 + 1}, 1 Example Street",
            AppointmentMode.VIDEO: "Video call (link sent by e-mail)",
            AppointmentMode.PHONE: "Phone call (the practitioner calls)",
        }[mode]
        booked = max(start - dt.timedelta(days=7), plan.row["created_at"])
        row = self.rows.add(
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

    def book(self, plan: _Plan) -> None:
        """The initial consultation, then weekly or fortnightly sessions until the work ends."""
        if plan.status is ClientStatus.PROSPECT and (
            self.size.weeks_ahead == 0 or self.chance(0.5)
        ):
            return
        consult_day = plan.first_day
        if plan.status is ClientStatus.PROSPECT:
            consult_day = self.today + dt.timedelta(
                days=self.rng.randint(1, 7 * self.size.weeks_ahead)
            )
        consult_day = self.working_day_on_or_after(consult_day)
        consult = self.services["consultation"]
        start = self.diary.book(
            plan.practitioner["id"], consult_day, consult["default_minutes"], plan.preferred_cell
        )
        if start is None:
            return
        self.settle(self.appointment(plan, start, consult, None), regular=False)
        if plan.status in (ClientStatus.PROSPECT, ClientStatus.DECLINED):
            return
        self.book_series(plan, start.date())

    def book_series(self, plan: _Plan, consult_day: dt.date) -> None:
        """Weekly or fortnightly occurrences of a series, each remembering its rule start.

        An occurrence that had to move keeps its ``original_start``; a week with no
        appointment (the client was away, the practice closed, the diary full) is an
        EXDATE of the rule, so the rule and the stored occurrences always agree.
        """
        end = plan.last_day or self.horizon
        first = consult_day + dt.timedelta(days=7)
        minutes = int(plan.service["default_minutes"])
        cells = -(-minutes // _CELL_MINUTES)
        rule_time = (
            _at(first, _DAY_START.hour)
            + dt.timedelta(minutes=_CELL_MINUTES * min(plan.preferred_cell, _CELLS_PER_DAY - cells))
        ).time()
        occurrences: list[dict[str, Any]] = []
        skipped: list[dt.datetime] = []
        day = first
        while day <= end:
            rule_start = dt.datetime.combine(day, rule_time)
            start = None
            if day == first or self.chance(0.94):  # now and then the client is away
                start = self.diary.book(plan.practitioner["id"], day, minutes, plan.preferred_cell)
            if start is not None and start.date() <= end:
                row = self.appointment(plan, start, plan.service, None)
                row["original_start"] = rule_start
                self.settle(row)
                occurrences.append(row)
            else:
                skipped.append(rule_start)
            day += dt.timedelta(days=plan.rhythm_days)
        if not occurrences:
            return
        self.add_series(plan, occurrences, skipped, created=consult_day)
        if plan.last_day is not None:
            plan.last_day = occurrences[-1]["start"].date()
            self.settle(occurrences[-1], status=AppointmentStatus.COMPLETED)  # it took place

    def add_series(
        self,
        plan: _Plan,
        occurrences: list[dict[str, Any]],
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
        series = self.rows.add(
            AppointmentSeries,
            rrule="\n".join(lines),
            starts_on=first.date(),
            until=last.date(),
            count=None,
            created_at=_at(created, 18),
        )
        for row in occurrences:
            row["series_id"] = series["id"]

    def settle(
        self,
        row: dict[str, Any],
        *,
        regular: bool = True,
        status: AppointmentStatus | None = None,
    ) -> None:
        """Give a past appointment what happened to it; future ones stay scheduled."""
        start: dt.datetime = row["start"]
        if start.date() >= self.today:
            return
        cancelled_by = CancelledBy.CLIENT
        if status is None:
            roll = self.rng.random() if regular else 1.0
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
        self.cancellation(row, status, cancelled_by)
        end = start + dt.timedelta(minutes=row["duration_minutes"])
        row["updated_at"] = end
        row["client_arrived_at"] = None
        if status is AppointmentStatus.COMPLETED and row["mode"] is AppointmentMode.IN_PERSON:
            if self.chance(0.06):
                row["client_arrived_at"] = start + dt.timedelta(minutes=self.rng.randint(3, 12))
            elif self.chance(0.7):
                row["client_arrived_at"] = start - dt.timedelta(minutes=self.rng.randint(0, 8))

    def cancellation(self, row: dict[str, Any], status: AppointmentStatus, by: CancelledBy) -> None:
        """Who cancelled, why and when: inside the 24-hour window makes it a late cancellation."""
        start: dt.datetime = row["start"]
        if status is AppointmentStatus.CANCELLED:
            hours = self.rng.randint(26, 120)
            reason = (
                "Practitioner unwell; the client was offered another time without a fee."
                if by is CancelledBy.PRACTITIONER
                else self.rng.choice(
                    ("Away that week.", "A work trip came up.", "Family visiting that week.")
                )
            )
        elif status is AppointmentStatus.LATE_CANCELLED:
            by, hours = CancelledBy.CLIENT, self.rng.randint(2, 20)
            reason = self.rng.choice(("Unwell this morning.", "Childcare fell through."))
        else:
            row["cancelled_by"], row["cancel_reason"], row["cancelled_at"] = None, "", None
            return
        row["cancelled_by"], row["cancel_reason"] = by, reason
        row["cancelled_at"] = start - dt.timedelta(hours=hours)

    def reschedule(self, plan: _Plan, original: dict[str, Any]) -> bool:
        """Move ``original`` a few working days on; it keeps a link to the replacement."""
        day = original["start"].date()
        service = self.services["consultation"] if original["series_id"] is None else plan.service
        busy_days = {row["start"].date() for row in plan.appointments}
        for offset in (2, 3, 4, 1, 5):
            candidate = day + dt.timedelta(days=offset)
            if candidate in busy_days:  # one appointment a day for a client
                continue
            start = self.diary.book(
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
        replacement = self.appointment(plan, start, service, None)
        replacement["mode"], replacement["location"] = original["mode"], original["location"]
        replacement["created_at"] = original["start"] - dt.timedelta(days=2)
        replacement["notes"] = "Moved from an earlier time at the client's request."
        self.settle(replacement, status=AppointmentStatus.COMPLETED)
        original["status"] = AppointmentStatus.RESCHEDULED
        original["rescheduled_to_id"] = replacement["id"]
        original["notes"] = "Moved at the client's request (childcare)."
        original["client_arrived_at"] = None
        original["updated_at"] = replacement["created_at"]
        plan.appointments.sort(key=lambda row: row["start"])
        return True

    def guarantee_rare_events(self) -> None:
        """About 1% rescheduled, and at least one of each rare status in any demo."""
        candidates = [
            (plan, row)
            for plan in self.plans
            for row in plan.appointments[1:-1]
            if row["series_id"] is not None
            and row["status"] is AppointmentStatus.COMPLETED
            and row["start"].date() < self.today - dt.timedelta(days=7)
        ]
        if not candidates:
            return
        wanted = max(1, len(candidates) // 100)
        for plan, row in self.rng.sample(candidates, min(len(candidates), wanted * 2)):
            if wanted and self.reschedule(plan, row):
                wanted -= 1
        past = [row for plan in self.plans for row in plan.appointments]
        for status in (AppointmentStatus.NO_SHOW, AppointmentStatus.LATE_CANCELLED):
            if not any(row["status"] is status for row in past):
                plan, row = candidates[len(candidates) // 3]
                if row["status"] is AppointmentStatus.COMPLETED:
                    self.settle(row, status=status)

    def lateness(self) -> None:
        """The practitioner was late twice (5 and 15 minutes); a client once texted ahead."""
        current = self.practitioners[0]["id"]
        recent = sorted(
            (
                (plan, row)
                for plan in self.plans
                for row in plan.appointments
                if row["practitioner_id"] == current
                and row["status"] is AppointmentStatus.COMPLETED
                and self.today - dt.timedelta(days=45)
                <= row["start"].date()
                < self.today - dt.timedelta(days=3)
            ),
            key=lambda pair: (pair[1]["start"], pair[1]["id"]),
        )
        for minutes, (plan, row) in zip((5, 15), recent[-2:][::-1], strict=False):
            self.late_minutes[row["id"]] = minutes
            offer = minutes > 10
            words = (
                "Would you prefer to wait, or shall we find another time? There is no fee "
                "either way."
                if offer
                else "I'll be with you as soon as I can."
            )
            self.rows.add(
                LatenessNotice,
                appointment_id=row["id"],
                who_is_late=LatePerson.PRACTITIONER,
                expected_minutes=minutes,
                told_at=row["start"] - dt.timedelta(minutes=8),
                channel=ContactChannel.SMS,
                message_text=(
                    f"Hi {plan.preferred_name}, I'm sorry: I'm running about {minutes} minutes "
                    f"late. {words} {self.sign_off(plan.practitioner)}"
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
            self.rows.add(
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

    # -- interactions -----------------------------------------------------

    def interaction(
        self,
        plan: _Plan,
        kind: InteractionKind,
        occurred_at: dt.datetime,
        notes: str,
        *,
        appointment: dict[str, Any] | None = None,
        answers: Iterable[int] = (),
        **values: Any,
    ) -> dict[str, Any]:
        finalised = occurred_at + dt.timedelta(minutes=self.rng.randint(55, 180))
        row = self.rows.add(
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
        self.answers[row["id"]] = list(answers)
        self.interactions[row["id"]] = row
        return row

    def record_interactions(self, plan: _Plan) -> None:
        completed = [r for r in plan.appointments if r["status"] is AppointmentStatus.COMPLETED]
        last = completed[-1] if completed and plan.last_day is not None else None
        for index, row in enumerate(completed):
            if index == 0 or row is last or row["id"] in self.late_minutes or self.chance(0.95):
                self.session_notes(plan, row, first=index == 0, last=row is last)
        for row in plan.appointments:
            if row["status"] is AppointmentStatus.NO_SHOW and self.chance(0.6):
                self.interaction(
                    plan,
                    InteractionKind.CONTACT_ATTEMPT,
                    row["start"] + dt.timedelta(minutes=20),
                    "Called after the missed session and left a kind message; no reply yet.",
                )
        self.other_contacts(plan)

    def session_notes(self, plan: _Plan, row: dict[str, Any], *, first: bool, last: bool) -> None:
        rng, name = self.rng, plan.preferred_name
        answers: list[int] = [1, 2]
        values: dict[str, str | bool] = {}
        late = self.late_minutes.get(row["id"], 0)
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
            notes = f"{rng.choice(_OPENERS)} Talked through {rng.choice(_TOPICS)}. "
            notes += rng.choice(_OBSERVATIONS)
            if self.chance(0.05):
                values["client_words"] = _NOT_A_FIT_WORDS
                values["next_steps"] = "Try a short voice note instead of written journaling."
                values["plan_not_a_fit"] = True
                answers.append(5)
            else:
                values["client_words"] = rng.choice(_CLIENT_WORDS)
                values["next_steps"] = rng.choice(_NEXT_STEPS)
        if self.chance(0.4):
            values["more_helpful"] = rng.choice(_MORE_HELPFUL)
            answers.append(8)
        # Advisory principles are answered most of the time, not always: a living practice.
        if self.chance(0.85):
            answers.append(3)
        if self.chance(0.6):
            answers.append(4)
        if self.chance(0.005):
            values["not_at_my_best"] = True
            values["practitioner_only_notes"] = "Had a cold; said so briefly at the start."
            answers.append(10)
        if late:
            notes = f"Started {late} minutes late; apologised at the start. " + notes
            answers.extend((11, 12) if late > 10 else (11,))
        occurred = row["start"] + dt.timedelta(minutes=late)
        kind = InteractionKind.SESSION
        interaction = self.interaction(
            plan, kind, occurred, notes, appointment=row, answers=answers, **values
        )
        plan.sessions[row["start"].date()] = interaction

    def other_contacts(self, plan: _Plan) -> None:
        rng, today = self.rng, self.today
        if plan.status is ClientStatus.PROSPECT and not plan.appointments:
            for attempt, text_ in enumerate(
                ("Returned the enquiry; left a voicemail.", "Second message left; no reply yet.")
            ):
                day = plan.first_day + dt.timedelta(days=3 * attempt)
                if day < today:
                    self.interaction(plan, InteractionKind.CONTACT_ATTEMPT, _at(day, 12, 50), text_)
            return
        if plan.status is ClientStatus.PROSPECT:
            consult = plan.appointments[0]["start"]
            if plan.first_day < today:
                self.interaction(
                    plan,
                    InteractionKind.PHONE_CALL,
                    _at(plan.first_day, 17, 10),
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
                self.interaction(
                    plan,
                    InteractionKind.EMAIL,
                    _at(plan.last_day, 9, 30),
                    "The client wrote to say they will not go ahead for now. Replied to wish "
                    "them well and said they are welcome to get in touch again.",
                )
            plan.row["status_changed_on"] = min(plan.last_day, today)
            return
        last = min(plan.last_day or today, today - dt.timedelta(days=1))
        for _ in range(rng.randint(0, 2)):
            day = self.working_day_on_or_after(self.day_between(plan.first_day, last))
            if day < today:
                self.interaction(
                    plan,
                    InteractionKind.PHONE_CALL,
                    _at(day, 12, 50),
                    rng.choice(_CALLS),
                    answers=[1],
                )
        if plan.last_day is not None:
            plan.row["status_changed_on"] = plan.last_day
            plan.row["updated_at"] = _at(plan.last_day, 18)

    # -- money ------------------------------------------------------------

    def session_on_or_after(self, plan: _Plan, day: dt.date) -> dict[str, Any] | None:
        later = [d for d in plan.sessions if d >= day]
        return plan.sessions[min(later)] if later else None

    def money(self) -> None:
        billable = [p for p in self.plans if p.status not in (ClientStatus.PROSPECT,)]
        self.choose_payers(billable)
        first_no_show = True
        for plan in billable:
            for row in plan.appointments:
                charge = self.charge_for(plan, row, waive=first_no_show)
                if charge and charge["kind"] is ChargeKind.NO_SHOW:
                    first_no_show = False
        for plan in billable:  # one correction is enough
            if plan.fees and plan.payer == "prompt" and self.overcharge(plan):
                break
        self.payment_plan(billable)
        for plan in billable:
            self.payments(plan)
        self.fee_conversations(billable)
        self.overdue_conversation(billable)
        self.refund(billable)

    def choose_payers(self, billable: list[_Plan]) -> None:
        for plan in billable:
            plan.payer = self.rng.choices(("prompt", "monthly"), (85, 15))[0]
        active = [p for p in billable if p.status is ClientStatus.ACTIVE]
        closed = [p for p in billable if p.status is ClientStatus.CLOSED]
        # Outstanding balances of various ages: current, 30+, 60+ and 90+ days.
        count = max(3, len(active) // 8)
        ages = (25, 50, 80)  # the 90+ one is a client who has finished (below)
        for number, plan in enumerate(self.rng.sample(active, min(count, len(active)))):
            plan.payer = "behind"
            plan.behind_from = self.today - dt.timedelta(days=ages[number % len(ages)])
        if closed:
            target = self.today - dt.timedelta(days=120)
            plan = min(closed, key=lambda p: (abs(((p.last_day or target) - target).days), p.id))
            plan.payer = "behind"
            plan.behind_from = (plan.last_day or self.today) - dt.timedelta(days=20)

    def charge_for(self, plan: _Plan, row: dict[str, Any], *, waive: bool) -> dict[str, Any] | None:
        status, day = row["status"], row["start"].date()
        service = self.services["consultation"] if row["series_id"] is None else plan.service
        fee = plan.fee_on(day) if service is plan.service else int(service["standard_fee_minor"])
        if status is AppointmentStatus.COMPLETED:
            kind, amount = ChargeKind.SESSION, fee
        elif status is AppointmentStatus.LATE_CANCELLED:
            kind, amount = ChargeKind.LATE_CANCEL, min(_LATE_CANCEL_FEE, fee)
        elif status is AppointmentStatus.NO_SHOW:
            kind, amount = ChargeKind.NO_SHOW, min(_NO_SHOW_FEE, fee)
        else:
            return None
        if amount <= 0:
            return None
        waived = kind is ChargeKind.NO_SHOW and (waive or self.chance(0.25))
        label = {
            ChargeKind.SESSION: service["name"],
            ChargeKind.LATE_CANCEL: "Late cancellation",
            ChargeKind.NO_SHOW: "Missed session",
        }[kind]
        charge = self.rows.add(
            Charge,
            client_id=plan.id,
            appointment_id=row["id"],
            kind=kind,
            description=f"{label}, {day:%d %b %Y}",
            amount_minor=amount,
            charged_on=day,
            status=ChargeStatus.WAIVED if waived else ChargeStatus.DUE,
            waived_reason=self.rng.choice(_WAIVER_REASONS) if waived else "",
            created_at=_at(day, 18),
        )
        self.charges.setdefault(plan.id, []).append(charge)
        self.pay_amount[charge["id"]] = 0 if waived else amount
        return charge

    def overcharge(self, plan: _Plan) -> bool:
        """One session charged at the standard fee by mistake, paid as agreed, then corrected."""
        sessions = [c for c in self.charges.get(plan.id, []) if c["kind"] is ChargeKind.SESSION]
        if len(sessions) < 2:
            return False
        charge = sessions[1]
        agreed = int(charge["amount_minor"])
        if agreed >= _STANDARD_FEE or charge["charged_on"] + dt.timedelta(days=7) >= self.today:
            return False
        charge["amount_minor"] = _STANDARD_FEE
        self.rows.add(
            Adjustment,
            client_id=plan.id,
            amount_minor=_STANDARD_FEE - agreed,
            reason=(
                f"The session on {charge['charged_on']:%d %b} was charged at the standard fee "
                "instead of the agreed fee; corrected."
            ),
            adjusted_on=charge["charged_on"] + dt.timedelta(days=7),
            created_at=_at(charge["charged_on"] + dt.timedelta(days=7), 11),
        )
        return True

    def payment(
        self, plan: _Plan, amount: int, day: dt.date, method: PaymentMethod, **kw: Any
    ) -> dict[str, Any]:
        return self.rows.add(
            Payment,
            client_id=plan.id,
            kind=kw.get("kind", PaymentKind.PAYMENT),
            method=method,
            amount_minor=amount,
            paid_on=day,
            reference=kw.get("reference", ""),
            note=kw.get("note", ""),
            refund_of_id=kw.get("refund_of_id"),
            plan_id=kw.get("plan_id"),
            created_at=_at(day, 18, 30),
        )

    def payments(self, plan: _Plan) -> None:
        monthly: dict[tuple[int, int], int] = {}
        for charge in self.charges.get(plan.id, []):
            amount, day = self.pay_amount[charge["id"]], charge["charged_on"]
            if amount == 0:
                continue
            behind = (
                plan.payer == "behind"
                and plan.behind_from is not None
                and plan.behind_from <= day
                and (plan.behind_until is None or day < plan.behind_until)
            )
            if behind:
                continue
            if plan.payer == "monthly":
                monthly[(day.year, day.month)] = monthly.get((day.year, day.month), 0) + amount
                continue
            in_person = plan.mode is AppointmentMode.IN_PERSON
            paid_on = day if in_person else day + dt.timedelta(days=self.rng.randint(0, 3))
            if paid_on >= self.today:
                continue
            method = (
                self.rng.choice((PaymentMethod.CARD, PaymentMethod.CARD, PaymentMethod.CASH))
                if in_person
                else PaymentMethod.TRANSFER
            )
            self.payment(plan, amount, paid_on, method)
        for (year, month), amount in monthly.items():
            paid_on = self.working_day_on_or_after(add_months(dt.date(year, month, 3), 1))
            if paid_on < self.today:
                self.payment(
                    plan,
                    amount,
                    paid_on,
                    PaymentMethod.TRANSFER,
                    reference=f"Sessions {year}-{month:02d}",
                )

    def fee_conversations(self, billable: list[_Plan]) -> None:
        for plan in billable:
            if not plan.fees or plan.first_day >= self.today:
                continue
            fee = plan.fees[0][1]
            day = min(plan.sessions) if plan.sessions else plan.fees[0][0]
            tiered = fee in {t["fee_minor"] for t in self.tiers}
            self.conversation(
                plan,
                day,
                MoneyTopic.SLIDING_SCALE if tiered else MoneyTopic.FEE,
                "Talked through the standard fee and the options; no reasons or proof asked.",
                f"£{fee // 100}.{fee % 100:02d} a session from {day:%d %b %Y}.",
                None,
                words="Weekly sessions at the full fee would be hard to keep up." if tiered else "",
            )
        insured = next(
            (p for p in billable if p.status is ClientStatus.ACTIVE and p.sessions), None
        )
        if insured is not None:
            day = max(insured.sessions)
            self.conversation(
                insured,
                day,
                MoneyTopic.INSURANCE,
                "Asked whether sessions can be claimed through a workplace health plan.",
                "Itemised monthly receipts will be sent by e-mail.",
                None,
            )

    def conversation(
        self,
        plan: _Plan,
        day: dt.date,
        topic: MoneyTopic,
        summary: str,
        outcome: str,
        follow_up_on: dt.date | None,
        words: str = "",
    ) -> None:
        interaction = plan.sessions.get(day)
        if interaction is not None:
            self.answers[interaction["id"]].append(6)
        self.rows.add(
            MoneyConversation,
            client_id=plan.id,
            interaction_id=interaction["id"] if interaction else None,
            held_on=day,
            topic=topic,
            summary=summary,
            client_words=words,
            agreed_outcome=outcome,
            follow_up_on=follow_up_on,
        )

    def unpaid(self, plan: _Plan, before: dt.date) -> int:
        return sum(
            self.pay_amount[c["id"]]
            for c in self.charges.get(plan.id, [])
            if plan.behind_from is not None and plan.behind_from <= c["charged_on"] < before
        )

    def payment_plan(self, billable: list[_Plan]) -> None:
        """The client furthest behind agrees a plan in three monthly instalments."""
        behind = [p for p in billable if p.payer == "behind" and p.status is ClientStatus.ACTIVE]
        if not behind:
            return
        plan = min(behind, key=lambda p: (p.behind_from, p.id))
        assert plan.behind_from is not None
        session = self.session_on_or_after(plan, plan.behind_from + dt.timedelta(days=21))
        if session is None:
            return
        agreed_on = session["occurred_at"].date()
        total = self.unpaid(plan, agreed_on)
        if total <= 0:
            return
        plan.behind_until = agreed_on  # new sessions are paid as they happen again
        parts = [total // 3] * 2 + [total - 2 * (total // 3)]
        dues = [agreed_on + dt.timedelta(days=14 + 30 * k) for k in range(3)]
        paid = [due for due in dues if due < self.today]
        row = self.rows.add(
            PaymentPlan,
            client_id=plan.id,
            agreed_on=agreed_on,
            total_minor=total,
            status=PlanStatus.COMPLETED if len(paid) == 3 else PlanStatus.ACTIVE,
            note="Three monthly instalments for the balance from earlier sessions.",
        )
        for number, (amount, due) in enumerate(zip(parts, dues, strict=True), start=1):
            self.rows.add(
                Instalment,
                plan_id=row["id"],
                due_on=due,
                amount_minor=amount,
                paid_on=due if due < self.today else None,
            )
            if due < self.today:
                self.payment(
                    plan,
                    amount,
                    due,
                    PaymentMethod.TRANSFER,
                    note=f"Payment plan instalment {number} of 3",
                    plan_id=row["id"],
                )
        next_due = next((due for due in dues if due >= self.today), None)
        self.conversation(
            plan,
            agreed_on,
            MoneyTopic.PAYMENT_PLAN,
            "Raised the balance gently and offered options: a payment plan or the sliding scale.",
            "Three monthly instalments; sessions from now on paid on the day.",
            next_due,
            words="Smaller amounts each month would take the pressure off.",
        )

    def overdue_conversation(self, billable: list[_Plan]) -> None:
        candidates = [
            p
            for p in billable
            if p.payer == "behind"
            and p.behind_until is None
            and p.status is ClientStatus.ACTIVE
            and self.unpaid(p, self.today) > 0
            and p.sessions
        ]
        if not candidates:
            return
        plan = candidates[0]
        self.conversation(
            plan,
            max(plan.sessions),
            MoneyTopic.OVERDUE_BALANCE,
            "Mentioned the balance from recent sessions, without pressure; asked what would help.",
            "Will pay part at the next session; we will look at the sliding scale together.",
            self.today + dt.timedelta(days=self.rng.randint(5, 14)),
            words="Knowing the exact amount helps; it has been a tight couple of months.",
        )

    def refund(self, billable: list[_Plan]) -> None:
        """A card payment taken twice by mistake, refunded the next day."""
        for payment in self.rows.tables[Payment]:
            if payment["method"] is PaymentMethod.CARD and payment[
                "paid_on"
            ] < self.today - dt.timedelta(days=3):
                plan = next(p for p in billable if p.id == payment["client_id"])
                day = payment["paid_on"]
                duplicate = self.payment(
                    plan,
                    payment["amount_minor"],
                    day,
                    PaymentMethod.CARD,
                    note="Card payment taken twice by mistake.",
                )
                self.payment(
                    plan,
                    payment["amount_minor"],
                    day + dt.timedelta(days=1),
                    PaymentMethod.CARD,
                    kind=PaymentKind.REFUND,
                    refund_of_id=duplicate["id"],
                    note="Refund of the duplicate card payment.",
                )
                return

    # -- referrals --------------------------------------------------------

    def referrals(self) -> None:
        engaged = [
            p
            for p in self.plans
            if p.status in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.CLOSED)
            and len(p.sessions) >= 2
        ]
        count = min(len(engaged), max(3, self.size.clients // 12))
        # The first referral was made two to three weeks ago, so its follow-up is due now.
        due = [
            (plan, day)
            for plan in engaged
            if plan.status is ClientStatus.ACTIVE
            for day in plan.sessions
            if 14 <= (self.today - day).days <= 20
        ]
        chosen = self.rng.sample(engaged, count)
        if due and count:
            plan, day = self.rng.choice(due)
            chosen = [plan, *(p for p in chosen if p is not plan)][:count]
            self.outgoing(plan, 0, day)
        for number, plan in enumerate(chosen):
            if number or not due:
                self.outgoing(plan, number)
        newcomers = [p for p in self.plans if p.status is not ClientStatus.DECLINED]
        count = min(len(newcomers), max(3, round(self.size.clients * 0.15)))
        for number, plan in enumerate(self.rng.sample(newcomers, count)):
            self.incoming(plan, number)

    def outgoing(self, plan: _Plan, number: int, day: dt.date | None = None) -> None:
        if day is None:
            day = self.rng.choice(sorted(plan.sessions)[1:])
        session = plan.sessions[day]
        session["referral_considered"] = True
        self.answers[session["id"]].append(7)
        choices = [pr for pr in self.providers if pr["practitioner_id"] != plan.practitioner["id"]]
        provider = choices[number % len(choices)]
        internal = provider["kind"] is ProviderKind.INTERNAL
        follow_up = day + dt.timedelta(days=14)
        age = (self.today - day).days
        status = (
            ReferralStatus.INTRODUCED
            if age < 21
            else self.rng.choice(
                (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED, ReferralStatus.DECLINED)
            )
        )
        followed_up = follow_up < self.today and status is not ReferralStatus.INTRODUCED
        self.rows.add(
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
            handoff_on=day + dt.timedelta(days=2)
            if day + dt.timedelta(days=2) < self.today
            else None,
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

    def incoming(self, plan: _Plan, number: int) -> None:
        kind = (
            ReferralSourceKind.CLIENT,
            ReferralSourceKind.WEBSITE,
            ReferralSourceKind.PROVIDER,
            ReferralSourceKind.OTHER,
        )[number % 4]
        earlier = [p for p in self.plans if p.first_day < plan.first_day and p.sessions]
        if kind is ReferralSourceKind.CLIENT and not earlier:
            kind = ReferralSourceKind.WEBSITE
        source_client = self.rng.choice(earlier).id if kind is ReferralSourceKind.CLIENT else None
        detail = {
            ReferralSourceKind.CLIENT: "Recommended by a friend who also comes here.",
            ReferralSourceKind.WEBSITE: "Enquiry form on the practice website.",
            ReferralSourceKind.PROVIDER: "Referred by the physiotherapy clinic.",
            ReferralSourceKind.OTHER: "Saw a leaflet in the Demo Town library.",
        }[kind]
        accepted = plan.status is not ClientStatus.PROSPECT
        self.rows.add(
            Referral,
            client_id=plan.id,
            direction=ReferralDirection.INCOMING,
            provider_id=self.providers[1]["id"] if kind is ReferralSourceKind.PROVIDER else None,
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
            referred_on=min(plan.row["created_at"].date(), self.today),
        )

    # -- follow-ups -------------------------------------------------------

    def follow_ups(self) -> None:
        for plan in self.plans:
            self.expectations(plan)
            self.consent(plan)
        self.issues()
        self.waitlist()

    def waitlist(self) -> None:
        """Prospects wait for a first slot; those already booked show how the list is used."""
        urgent_given = False
        for plan in self.plans:
            if plan.status is not ClientStatus.PROSPECT:
                continue
            booked = bool(plan.appointments)
            morning = plan.preferred_cell < 6
            if booked:
                weekdays = str(plan.appointments[0]["start"].isoweekday())
            else:
                weekdays = self.rng.choice(("", "1,3", "2,4", "1,2,3", "5"))
            urgent = not booked and not urgent_given
            urgent_given = urgent_given or urgent
            self.rows.add(
                WaitlistEntry,
                client_id=plan.id,
                practitioner_id=plan.practitioner["id"] if self.chance(0.5) else None,
                preferred_weekdays=weekdays,
                earliest_time=dt.time(9) if morning else dt.time(12),
                latest_time=dt.time(12) if morning else dt.time(17),
                urgent=urgent,
                note="Would like a regular morning slot." if morning else "Afternoons suit best.",
                added_on=min(plan.first_day, self.today),
                status=WaitlistStatus.BOOKED if booked else WaitlistStatus.WAITING,
                resolved_on=min(plan.first_day, self.today) if booked else None,
            )

    def expectations(self, plan: _Plan) -> None:
        if plan.status not in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.CLOSED):
            return
        if not plan.sessions:
            return
        first = min(plan.sessions)
        items = [(_PRACTICE_EXPECTATION, SetBy.PRACTICE, 42)]
        if self.chance(0.5):
            items.append((self.rng.choice(_CLIENT_EXPECTATIONS), SetBy.CLIENT, 28))
        for description, set_by, weeks in items:
            review_on = first + dt.timedelta(days=weeks)
            session = self.session_on_or_after(plan, review_on)
            outcome, reviewed_on, note = ExpectationOutcome.OPEN, None, ""
            reviewing = session is not None and self.chance(0.8)
            if not reviewing and plan.status is ClientStatus.CLOSED:
                session, reviewing = plan.sessions[max(plan.sessions)], True  # when closing
            if reviewing and session is not None:
                reviewed_on = session["occurred_at"].date()
                outcome = self.rng.choices(
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
                if 14 not in self.answers[session["id"]]:
                    self.answers[session["id"]].append(14)
            self.rows.add(
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

    def consent(self, plan: _Plan) -> None:
        """Check-ins only with recorded consent: mostly paused clients, some who finished."""
        row, rng = plan.row, self.rng
        day = plan.last_day or plan.first_day
        if day >= self.today:
            return
        recently_closed = plan.status is ClientStatus.CLOSED and (self.today - day).days < 365
        if plan.status is ClientStatus.PAUSED or (recently_closed and self.chance(0.3)):
            if plan.status is ClientStatus.PAUSED and self.chance(0.25):
                self.consent_event(
                    plan,
                    ConsentState.DECLINED,
                    day,
                    None,
                    "I'd rather get in touch myself when I'm ready.",
                )
                return
            channel = rng.choice((ContactChannel.SMS, ContactChannel.EMAIL, ContactChannel.PHONE))
            interval = rng.choice((30, 42, 60)) if plan.status is ClientStatus.PAUSED else 90
            self.consent_event(
                plan,
                ConsentState.GIVEN,
                day,
                channel,
                "A short message now and then would be nice; no need to reply.",
            )
            row["checkin_channel"], row["checkin_interval_days"] = channel, interval
            self.checkins(plan, day, channel, interval)
        elif plan.status is ClientStatus.DECLINED and self.chance(0.5):
            self.consent_event(
                plan, ConsentState.DECLINED, day, None, "Please don't contact me for now."
            )
        elif plan.status is ClientStatus.ACTIVE and self.chance(0.1):
            self.consent_event(plan, ConsentState.ASKED, day, None, "Will think about it.")

    def consent_event(
        self,
        plan: _Plan,
        state: ConsentState,
        day: dt.date,
        channel: ContactChannel | None,
        words: str,
    ) -> None:
        plan.row["checkin_consent"] = state
        self.rows.add(
            CheckInConsent,
            client_id=plan.id,
            state=state,
            recorded_on=day,
            channel=channel,
            client_words=words,
        )

    def checkins(self, plan: _Plan, since: dt.date, channel: ContactChannel, interval: int) -> None:
        day = since + dt.timedelta(days=interval)
        while day < self.today:
            self.rows.add(
                CheckIn,
                client_id=plan.id,
                sent_at=_at(day, 10),
                channel=channel,
                message_text=(
                    f"Hi {plan.preferred_name}, just thinking of you. Let me know if I can be "
                    f"supportive in any way. {self.sign_off(plan.practitioner)}"
                ),
                reply_note="Replied with thanks; doing fine for now." if self.chance(0.4) else "",
            )
            day += dt.timedelta(days=interval)
        if plan.id % 5 == 0 and day <= self.today + dt.timedelta(days=7):
            plan.row["checkin_snoozed_until"] = self.today + dt.timedelta(days=10)

    def issues(self) -> None:
        eligible = [
            p
            for p in self.plans
            if p.status in (ClientStatus.ACTIVE, ClientStatus.PAUSED) and p.first_day < self.today
        ]
        count = min(len(eligible), max(4, round(len(eligible) * 0.15)))
        for number, plan in enumerate(self.rng.sample(eligible, count)):
            title, description, impact, urgency = _ISSUES[number % len(_ISSUES)]
            if urgency is Urgency.CRISIS and number >= len(_ISSUES):
                urgency = Urgency.HIGH  # one crisis is plenty
            last = min(plan.last_day or self.today, self.today)
            resolved = urgency is Urgency.CRISIS or self.chance(0.4)
            earliest = plan.first_day if resolved else last - dt.timedelta(days=30)
            raised = self.day_between(max(plan.first_day, earliest), last)
            due_days = {Urgency.CRISIS: 1, Urgency.HIGH: 7, Urgency.NORMAL: 21}.get(urgency)
            resolved_on = min(raised + dt.timedelta(days=self.rng.randint(0, 10)), self.today)
            self.rows.add(
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

    # -- the checklist ----------------------------------------------------

    def checklist_answers(self) -> None:
        rows = self.session.execute(select(Principle.number, Principle.id))
        principles = {number: principle_id for number, principle_id in rows}
        for interaction_id, numbers in self.answers.items():
            interaction = self.interactions[interaction_id]
            for number in dict.fromkeys(numbers):
                if number in principles:
                    self.rows.add(
                        ChecklistAnswer,
                        interaction_id=interaction_id,
                        principle_id=principles[number],
                        answer=ChecklistAnswerValue.DONE,
                        reason="",
                        answered_at=interaction["finalised_at"],
                    )


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------


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
    _Generator(session, size, seed, today or dt.date.today()).run()
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
