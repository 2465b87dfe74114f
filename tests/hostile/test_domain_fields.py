"""Every text field of every domain write API, fed hostile strings.

Each value is either stored and read back exactly as the field's documented cleaning
makes it (single-line fields: whitespace runs collapsed and trimmed; multi-line fields:
trimmed; e-mail and phone: normalised), or refused with a ValidationError whose
messages are non-empty and which names the field — never another exception, and a
refused write leaves every row (and the audit log) as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare import (
    appointments,
    clients,
    followups,
    interactions,
    lateness,
    money,
    referrals,
    settings,
    waitlist,
)
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    DEFAULT_LATE_NOTICE_TEMPLATE,
    DEFAULT_RESCHEDULE_SENTENCE,
    Adjustment,
    Appointment,
    AuditEntry,
    CancelledBy,
    Charge,
    ChecklistAnswer,
    ChecklistAnswerValue,
    Client,
    ClientFact,
    ClientIssue,
    ContactChannel,
    Expectation,
    Interaction,
    InteractionKind,
    LanguageWord,
    LatenessNotice,
    MoneyConversation,
    MoneyTopic,
    Payment,
    PaymentMethod,
    PaymentPlan,
    PracticeSettings,
    Practitioner,
    Principle,
    Provider,
    Referral,
    ReferralSourceKind,
    Service,
    SetBy,
    Urgency,
    WaitlistEntry,
    WordList,
)
from clientcare.errors import ValidationError
from clientcare.practice import add_practitioner
from clientcare.text import clean_line

from .conftest import note
from .strings import BLNS, OWN, SAMPLE_SIZE, blns, everything, sampled, short

TODAY = dt.date.today()
NOW = dt.datetime.combine(TODAY, dt.time(12, 0))
REGION = "GB"


def single(value: str) -> str:
    return clean_line(value)


def multi(value: str) -> str:
    return value.strip()


def raw(value: str) -> str:
    return value


@dataclass
class Ctx:
    client_id: int
    practitioner_id: int
    provider_id: int
    counter: list[int] = field(default_factory=lambda: [0])

    def next(self) -> int:
        self.counter[0] += 1
        return self.counter[0]


@dataclass(frozen=True)
class Case:
    """One text field of one write API."""

    api: str
    field: str
    model: type
    write: Callable[[Session, Ctx, str], int]  # returns the id of the row written
    read: Callable[[Session, int], str]
    expect: Callable[[str], str] | None  # None: normalised (e-mail, phone), not predicted
    error_fields: tuple[str, ...] = ()
    strings: Callable[[], tuple[str, ...]] = sampled

    @property
    def id(self) -> str:
        return f"{self.api}.{self.field}"


def attr(model: type, name: str) -> Callable[[Session, int], str]:
    def read(session: Session, row_id: int) -> str:
        row = session.get(model, row_id)
        assert row is not None
        return getattr(row, name)

    return read


# --------------------------------------------------------------------------
# The writes
# --------------------------------------------------------------------------


def create_client(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        values = {"full_name": "Test Person", name: value}
        return clients.create_client(session, ClientInput(**values), region=REGION, today=TODAY).id

    return write


def update_client(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        values = {"full_name": "Test Person", name: value}
        return clients.update_client(
            session, ctx.client_id, ClientInput(**values), region=REGION, today=TODAY
        ).id

    return write


def add_fact(session: Session, ctx: Ctx, value: str) -> int:
    return clients.add_fact(session, ctx.client_id, value, TODAY).id


def save_draft(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        data = interactions.InteractionInput(
            client_id=ctx.client_id,
            kind=InteractionKind.SESSION,
            occurred_at=NOW,
            practitioner_id=ctx.practitioner_id,
            **{name: value},
        )
        return interactions.save_draft(session, data, interaction_id=None, now=NOW).id

    return write


def add_charge(session: Session, ctx: Ctx, value: str) -> int:
    return money.add_charge(
        session, ctx.client_id, description=value, amount="10", charged_on=TODAY
    ).id


def waive_charge(session: Session, ctx: Ctx, value: str) -> int:
    charge = money.add_charge(
        session, ctx.client_id, description="Report", amount="10", charged_on=TODAY
    )
    return money.waive_charge(session, charge.id, value).id


def record_payment(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        data = money.PaymentInput(
            client_id=ctx.client_id,
            amount="5",
            method=PaymentMethod.CASH,
            paid_on=TODAY,
            **{name: value},
        )
        return money.record_payment(session, data).payment.id

    return write


def record_adjustment(session: Session, ctx: Ctx, value: str) -> int:
    return money.record_adjustment(
        session, ctx.client_id, amount="1", reason=value, adjusted_on=TODAY
    ).id


def record_conversation(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        data = money.ConversationInput(
            client_id=ctx.client_id, held_on=TODAY, topic=MoneyTopic.FEE, **{name: value}
        )
        return money.record_conversation(session, data).id

    return write


def save_service(session: Session, ctx: Ctx, value: str) -> int:
    return money.save_service(session, money.ServiceInput(name=value, standard_fee="45")).id


def create_provider(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        values = {"name": f"Provider {ctx.next()}", name: value}
        data = referrals.ProviderInput(**values)
        return referrals.create_provider(session, data, region=REGION, allow_duplicate=True).id

    return write


def _referral(session: Session, ctx: Ctx, reason: str) -> int:
    data = referrals.ReferralInput(
        client_id=ctx.client_id,
        provider_id=ctx.provider_id,
        reason=reason,
        follow_up_on=TODAY + dt.timedelta(days=14),
        referred_on=TODAY,
    )
    return referrals.create_referral(session, data, today=TODAY).id


def follow_up(session: Session, ctx: Ctx, value: str) -> int:
    referral_id = _referral(session, ctx, "A better fit for the work on sleep")
    answer = referrals.FollowUpInput(connected=True, answer=value)
    return referrals.record_follow_up(session, referral_id, answer, today=TODAY).id


def referral_source(session: Session, ctx: Ctx, value: str) -> int:
    data = referrals.SourceInput(kind=ReferralSourceKind.OTHER, referred_on=TODAY, detail=value)
    return referrals.set_referral_source(session, ctx.client_id, data, today=TODAY).referral_id


def update_practice(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        values = {"name": "Practice", name: value}
        settings.update_practice(session, settings.PracticeInput(**values))
        return 1

    return write


def update_templates(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        values = {
            "late_notice_template": DEFAULT_LATE_NOTICE_TEMPLATE,
            "reschedule_sentence": DEFAULT_RESCHEDULE_SENTENCE,
            name: value,
        }
        lateness.update_templates(session, **values)
        return 1

    return write


def add_principle(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        values = {"text": "Be kind", "explanation": "", "applies_when": "", name: value}
        return settings.add_principle(
            session, rule_json='{"always": true}', requirement="advisory", **values
        ).id

    return write


def add_word(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        values = {"word": f"word{ctx.next()}", "suggestion": "", name: value}
        return settings.add_word(session, WordList.PET_NAME, **values).id

    return write


def practitioner(session: Session, ctx: Ctx, value: str) -> int:
    return add_practitioner(session, value).id


def _appointment(session: Session, ctx: Ctx, **text: str) -> int:
    start = NOW + dt.timedelta(days=1, minutes=ctx.next())
    data = AppointmentInput(
        client_id=ctx.client_id,
        practitioner_id=ctx.practitioner_id,
        start=start,
        duration_minutes=50,
        **text,
    )
    return appointments.create_appointment(session, data, now=NOW, allow_conflict=True).id


def create_appointment(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        return _appointment(session, ctx, **{name: value})

    return write


def cancel_appointment(session: Session, ctx: Ctx, value: str) -> int:
    appointment_id = _appointment(session, ctx)
    appointments.cancel_appointment(
        session, appointment_id, by=CancelledBy.PRACTITIONER, reason=value, now=NOW
    )
    return appointment_id


def record_notice(session: Session, ctx: Ctx, value: str) -> int:
    start = NOW + dt.timedelta(minutes=30)
    data = AppointmentInput(
        client_id=ctx.client_id,
        practitioner_id=ctx.practitioner_id,
        start=start,
        duration_minutes=50,
    )
    appointment_id = appointments.create_appointment(session, data, now=NOW, allow_conflict=True).id
    return lateness.record_notice(
        session, appointment_id, 5, value, ContactChannel.PHONE, now=NOW, reschedule_offered=False
    ).id


def create_plan(session: Session, ctx: Ctx, value: str) -> int:
    # One plan in progress per client: a new client for each.
    client_id = clients.create_client(
        session, ClientInput(full_name=f"Plan Client {ctx.next()}"), region=REGION, today=TODAY
    ).id
    money.add_charge(session, client_id, description="Report", amount="100", charged_on=TODAY)
    due = TODAY + dt.timedelta(days=30)
    return money.create_plan(
        session,
        client_id,
        agreed_on=TODAY,
        instalments=[money.InstalmentInput(due_on=due, amount="50")],
        note=value,
        today=TODAY,
    ).id


def waitlist_note(session: Session, ctx: Ctx, value: str) -> int:
    client_id = clients.create_client(
        session, ClientInput(full_name=f"Waiting Client {ctx.next()}"), region=REGION, today=TODAY
    ).id
    data = waitlist.WaitlistInput(client_id=client_id, note=value)
    return waitlist.add_to_waitlist(session, data, today=TODAY).id


def not_applicable(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        contact = save_draft("notes")(session, ctx, "Session notes")
        principle_id = session.scalar(select(func.min(Principle.id)))
        assert principle_id is not None
        answer = (
            ChecklistAnswerValue.NOT_APPLICABLE
            if name == "reason"
            else ChecklistAnswerValue.NOT_DONE
        )
        interactions.answer(session, contact, principle_id, answer, now=NOW, **{name: value})
        return session.scalar(
            select(ChecklistAnswer.id).where(ChecklistAnswer.interaction_id == contact)
        )

    return write


def create_issue(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        values = {"title": "Invoice address", name: value}
        data = followups.IssueInput(
            client_id=ctx.client_id, urgency=Urgency.NORMAL, raised_on=TODAY, **values
        )
        return followups.create_issue(session, data, today=TODAY).id

    return write


def resolve_issue(session: Session, ctx: Ctx, value: str) -> int:
    issue_id = create_issue("title")(session, ctx, "Invoice address")
    followups.resolve_issue(session, issue_id, value, resolved_on=TODAY, today=TODAY)
    return issue_id


def record_expectation(name: str) -> Callable[[Session, Ctx, str], int]:
    def write(session: Session, ctx: Ctx, value: str) -> int:
        values = {"description": "Replies within two working days", name: value}
        data = followups.ExpectationInput(
            client_id=ctx.client_id,
            set_by=SetBy.PRACTICE,
            set_on=TODAY,
            review_on=TODAY + dt.timedelta(days=30),
            **values,
        )
        return followups.record_expectation(session, data, today=TODAY).id

    return write


def checkin_template(session: Session, ctx: Ctx, value: str) -> int:
    followups.update_checkin_template(session, value)
    return 1


def _client_fields(api: str, write: Callable[[str], Callable], strings=everything) -> list[Case]:
    fields = [
        ("full_name", single),
        ("preferred_name", None),
        ("pronunciation", single),
        ("pronouns", single),
        ("email", None),
        ("phone", None),
        ("address", multi),
        ("notes", multi),
    ]
    cases = []
    for name, expect in fields:
        if name == "preferred_name":
            expect = lambda v: clean_line(v) or "Test"  # noqa: E731 - the default first name
        cases.append(
            Case(api, name, Client, write(name), attr(Client, name), expect, strings=strings)
        )
    return cases


CASES: list[Case] = [
    *_client_fields("clients.create_client", create_client, everything),
    *_client_fields("clients.update_client", update_client),
    Case("clients.add_fact", "text", ClientFact, add_fact, attr(ClientFact, "text"), multi,
         ("fact",), everything),
    *[
        Case("interactions.save_draft", name, Interaction, save_draft(name),
             attr(Interaction, name), raw)
        for name in interactions.TEXT_FIELDS
    ],
    Case("money.add_charge", "description", Charge, add_charge,
         attr(Charge, "description"), single),
    Case("money.waive_charge", "reason", Charge, waive_charge, attr(Charge, "waived_reason"),
         multi),
    Case("money.record_payment", "reference", Payment, record_payment("reference"),
         attr(Payment, "reference"), single),
    Case("money.record_payment", "note", Payment, record_payment("note"), attr(Payment, "note"),
         multi),
    Case("money.record_adjustment", "reason", Adjustment, record_adjustment,
         attr(Adjustment, "reason"), multi),
    *[
        Case("money.record_conversation", name, MoneyConversation, record_conversation(name),
             attr(MoneyConversation, name), multi, ("summary",))
        for name in ("summary", "client_words", "agreed_outcome")
    ],
    Case("money.save_service", "name", Service, save_service, attr(Service, "name"), single),
    *[
        Case("referrals.create_provider", name, Provider, create_provider(name),
             attr(Provider, name), expect)
        for name, expect in (("name", single), ("specialty", single), ("address", multi),
                             ("notes", multi), ("email", None), ("phone", None))
    ],
    Case("referrals.create_referral", "reason", Referral, _referral, attr(Referral, "reason"),
         multi),
    Case("referrals.record_follow_up", "answer", Referral, follow_up,
         attr(Referral, "follow_up_answer"), multi, ("follow_up_answer",)),
    Case("referrals.set_referral_source", "detail", Referral, referral_source,
         attr(Referral, "source_detail"), single, ("source_detail",)),
    Case("settings.update_practice", "name", PracticeSettings, update_practice("name"),
         attr(PracticeSettings, "name"), single),
    Case("settings.update_practice", "address", PracticeSettings, update_practice("address"),
         attr(PracticeSettings, "address"), multi),
    *[
        Case("settings.add_principle", name, Principle, add_principle(name),
             attr(Principle, name), expect)
        for name, expect in (("text", single), ("explanation", multi), ("applies_when", single))
    ],
    *[
        Case("settings.add_word", name, LanguageWord, add_word(name), attr(LanguageWord, name),
             single)
        for name in ("word", "suggestion")
    ],
    Case("practice.add_practitioner", "full_name", Practitioner, practitioner,
         attr(Practitioner, "full_name"), single),
    *[
        Case("appointments.create_appointment", name, Appointment, create_appointment(name),
             attr(Appointment, name), expect)
        for name, expect in (("location", single), ("notes", multi))
    ],
    Case("appointments.cancel_appointment", "reason", Appointment, cancel_appointment,
         attr(Appointment, "cancel_reason"), multi, ("cancel_reason",)),
    *[
        Case("lateness.update_templates", name, PracticeSettings, update_templates(name),
             attr(PracticeSettings, name), multi)
        for name in ("late_notice_template", "reschedule_sentence")
    ],
    Case("lateness.record_notice", "text", LatenessNotice, record_notice,
         attr(LatenessNotice, "message_text"), multi),
    Case("waitlist.add_to_waitlist", "note", WaitlistEntry, waitlist_note,
         attr(WaitlistEntry, "note"), multi),
    Case("money.create_plan", "note", PaymentPlan, create_plan, attr(PaymentPlan, "note"),
         multi),
    *[
        Case("interactions.answer", name, ChecklistAnswer, not_applicable(name),
             attr(ChecklistAnswer, name), multi)
        for name in ("reason", "note")
    ],
    *[
        Case("followups.create_issue", name, ClientIssue, create_issue(name),
             attr(ClientIssue, name), expect)
        for name, expect in (("title", single), ("impact", multi), ("description", multi))
    ],
    Case("followups.resolve_issue", "note", ClientIssue, resolve_issue,
         attr(ClientIssue, "resolution_note"), multi, ("resolution_note",)),
    *[
        Case("followups.record_expectation", name, Expectation, record_expectation(name),
             attr(Expectation, name), multi)
        for name in ("description", "conversation_note")
    ],
    Case("followups.update_checkin_template", "checkin_template", PracticeSettings,
         checkin_template, attr(PracticeSettings, "checkin_template"), multi),
]  # fmt: skip


@pytest.fixture
def ctx(db: Database) -> Ctx:
    with db.unit_of_work() as session:
        practitioner_id = add_practitioner(session, "Dr Ada Example").id
        client_id = clients.create_client(
            session, ClientInput(full_name="Margaret Example"), region=REGION, today=TODAY
        ).id
        provider_id = referrals.create_provider(
            session, referrals.ProviderInput(name="Sleep Clinic"), region=REGION
        ).id
    return Ctx(client_id, practitioner_id, provider_id)


def _counts(session: Session, model: type) -> tuple[int, int]:
    rows = session.scalar(select(func.count()).select_from(model)) or 0
    audit_rows = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return rows, audit_rows


def feed(db: Database, ctx: Ctx, case: Case, value: str) -> tuple[str, str | None]:
    """Write ``value``; returns ("stored" | "refused" | "failure", what went wrong)."""
    update_of = 1 if case.model is PracticeSettings else None
    if case.api == "clients.update_client":
        update_of = ctx.client_id
    with db.reading() as session:
        before = _counts(session, case.model)
        previous = case.read(session, update_of) if update_of is not None else None
    try:
        with db.unit_of_work() as session:
            row_id = case.write(session, ctx, value)
    except ValidationError as error:
        with db.reading() as session:
            after = _counts(session, case.model)
            now_stored = case.read(session, update_of) if update_of is not None else None
        wanted = {case.field, *case.error_fields}
        if not error.errors or not all(e.message.strip() for e in error.errors):
            return "failure", f"empty message: {error!r}"
        if not wanted & {e.field for e in error.errors}:
            return "failure", f"refused naming other fields: {error}"
        if after != before or now_stored != previous:
            return "failure", f"refused but rows changed: {before} → {after}"
        return "refused", None
    except Exception as error:
        return "failure", f"{type(error).__name__}: {str(error)[:200]}"
    with db.reading() as session:
        stored = case.read(session, row_id)
    if case.expect is not None and stored != case.expect(value):
        return "failure", f"stored {short(stored)} instead of {short(case.expect(value))}"
    if "\x00" in stored or any("\ud800" <= ch <= "\udfff" for ch in stored):
        return "failure", f"stored an unstorable character: {short(stored)}"
    return "stored", None


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_text_field_stores_faithfully_or_refuses_clearly(
    db: Database, ctx: Ctx, case: Case
) -> None:
    failures = []
    for value in case.strings():
        outcome, problem = feed(db, ctx, case, value)
        note("domain", case.id, outcome)
        if problem:
            failures.append(f"{short(value)}: {problem}")
    assert not failures, f"{case.id}: {len(failures)} failures\n" + "\n".join(failures[:20])


def test_the_shared_list_of_naughty_strings_is_there() -> None:
    """Without ../shared/data/blns.json the suite runs on its own extremes only: say so."""
    if not blns():
        pytest.skip(f"no naughty strings at {BLNS}; only the {len(OWN)} cases in strings.py ran")
    assert len(everything()) == len(OWN) + len(blns())
    assert len(sampled()) == len(OWN) + min(len(blns()), SAMPLE_SIZE)
