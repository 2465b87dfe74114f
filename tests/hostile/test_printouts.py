"""Every printout rendered with hostile names, notes and money texts.

Whatever a client is called or a note says, the printout shows that text escaped:
never markup (``<script>`` appears only as ``&lt;script&gt;``), never a template
evaluated (``{{7*7}}`` stays ``{{7*7}}``; no ``49`` appears that was not there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from markupsafe import escape
from sqlalchemy.orm import Session

from clientcare import appointments, clients, interactions, money, printouts, referrals, settings
from clientcare.appointments import AppointmentInput
from clientcare.brief import pre_session_brief
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, InteractionKind, PaymentMethod, Practitioner
from clientcare.errors import ValidationError
from clientcare.interactions import InteractionInput
from clientcare.money_printouts import receipt_printout, statement_printout
from clientcare.printouts import SummaryVariant
from clientcare.referrals import letters

from .conftest import note
from .strings import sampled, short

TODAY = dt.date.today()
NOW = dt.datetime.combine(TODAY, dt.time(16, 0))
SESSION_AT = NOW.replace(hour=10)
FALLBACK = "Plain Person"


@dataclass(frozen=True)
class World:
    client_id: int
    interaction_id: int
    payment_id: int
    referral_id: int
    full_name: str  # as stored (the hostile text, or the fallback when it was refused)
    preferred_name: str
    location: str


def _try(session: Session, write, fallback):  # type: ignore[no-untyped-def]
    """``write()`` in a savepoint; ``fallback()`` when the text is refused."""
    try:
        with session.begin_nested():
            return write()
    except ValidationError:
        with session.begin_nested():
            return fallback()


def make_world(db: Database, text: str, practitioner_id: int, n: int) -> World:
    with db.unit_of_work() as session:
        client = _try(
            session,
            lambda: clients.create_client(
                session,
                ClientInput(
                    full_name=text,
                    preferred_name=text,
                    pronouns=text,
                    address=text,
                    status=ClientStatus.ACTIVE,
                ),
                region="GB",
                today=TODAY,
            ),
            lambda: clients.create_client(
                session,
                ClientInput(full_name=FALLBACK, status=ClientStatus.ACTIVE),
                region="GB",
                today=TODAY,
            ),
        )
        _try(
            session,
            lambda: clients.add_fact(session, client.id, text, TODAY),
            lambda: None,
        )
        start = SESSION_AT + dt.timedelta(minutes=n)
        appointment = _try(
            session,
            lambda: appointments.create_appointment(
                session,
                AppointmentInput(client.id, practitioner_id, start, 50, location=text),
                now=NOW - dt.timedelta(days=1),
                allow_conflict=True,
            ),
            lambda: appointments.create_appointment(
                session,
                AppointmentInput(client.id, practitioner_id, start, 50, location="Room 2"),
                now=NOW - dt.timedelta(days=1),
                allow_conflict=True,
            ),
        )

        def contact(words: str) -> interactions.InteractionDetail:
            return interactions.save_draft(
                session,
                InteractionInput(
                    client_id=client.id,
                    kind=InteractionKind.SESSION,
                    occurred_at=SESSION_AT,
                    practitioner_id=practitioner_id,
                    appointment_id=appointment.id,
                    notes=words,
                    client_words=words,
                    next_steps=words,
                    more_helpful=words,
                    practitioner_only_notes=words,
                ),
                interaction_id=None,
                now=NOW,
            )

        draft = _try(session, lambda: contact(text), lambda: contact("Plain words."))
        _try(
            session,
            lambda: money.add_charge(
                session, client.id, description=text, amount="45", charged_on=TODAY
            ),
            lambda: money.add_charge(
                session, client.id, description="Session", amount="45", charged_on=TODAY
            ),
        )

        def pay(reference: str) -> money.PaymentResult:
            data = money.PaymentInput(
                client_id=client.id,
                amount="20",
                method=PaymentMethod.CARD,
                paid_on=TODAY,
                reference=reference,
                note=reference,
            )
            return money.record_payment(session, data)

        payment = _try(session, lambda: pay(text), lambda: pay(""))
        provider = _try(
            session,
            lambda: referrals.create_provider(
                session,
                referrals.ProviderInput(name=text, specialty=text, address=text),
                region="GB",
                allow_duplicate=True,
            ),
            lambda: referrals.create_provider(
                session,
                referrals.ProviderInput(name=f"Clinic {n}"),
                region="GB",
                allow_duplicate=True,
            ),
        )

        def refer(reason: str) -> referrals.ReferralRow:
            return referrals.create_referral(
                session,
                referrals.ReferralInput(
                    client_id=client.id,
                    provider_id=provider.id,
                    reason=reason,
                    follow_up_on=TODAY + dt.timedelta(days=14),
                    referred_on=TODAY,
                ),
                today=TODAY,
            )

        referral = _try(session, lambda: refer(text), lambda: refer("A better fit."))
        referrals.record_consent(session, referral.id, TODAY, today=TODAY)
        _try(
            session,
            lambda: settings.update_practice(
                session, settings.PracticeInput(name=text, address=text)
            ),
            lambda: settings.update_practice(session, settings.PracticeInput(name="Practice")),
        )
        return World(
            client.id,
            draft.id,
            payment.payment.id,
            referral.id,
            client.full_name,
            client.preferred_name,
            appointment.location,
        )


def letter_background(session: Session, world: World, text: str) -> str:
    """The hostile text as the letter's background, or "" when the letter refuses it."""
    try:
        letters.referral_letter_context(
            session, world.referral_id, {"full_name", "background"}, background=text
        )
    except ValidationError as error:
        assert error.for_field("background"), error
        return ""
    return text


def render_all(db: Database, world: World, text: str) -> dict[str, str]:
    with db.reading() as session:
        background = letter_background(session, world, text)
        made = {
            "summary for the file": printouts.session_summary(
                session, world.interaction_id, variant=SummaryVariant.FILE, now=NOW
            ),
            "summary for the client": printouts.session_summary(
                session,
                world.interaction_id,
                variant=SummaryVariant.CLIENT,
                include_money=True,
                now=NOW,
            ),
            "pre-session brief": pre_session_brief(session, world.client_id, now=NOW),
            "day sheet": printouts.day_sheet(session, TODAY, practitioner_id=None, now=NOW),
            "statement": statement_printout(
                session, world.client_id, start=TODAY, end=TODAY, today=TODAY
            ),
            "receipt": receipt_printout(session, world.payment_id, today=TODAY),
            "referral letter": letters.referral_letter(
                session,
                world.referral_id,
                {"full_name", "preferred_name", "background"},
                background=background,
                today=TODAY,
            ),
        }
    for name, printout in made.items():
        assert not printout.warnings, (name, printout.warnings)
    return {name: printout.html for name, printout in made.items()}


def problems_in(html: dict[str, str], world: World, text: str) -> list[str]:
    """What is wrong with the pages; template syntax in a name must be there as typed."""
    found = []
    for name, page in html.items():
        if "<script" in page.lower():
            found.append(f"{name}: a raw <script> tag")
        if "<" in text and len(text) > 3 and text in page:
            found.append(f"{name}: the text appears unescaped")
    wanted = {
        "summary for the file": world.full_name,
        "pre-session brief": world.full_name,
        "statement": world.full_name,
        "receipt": world.full_name,
        "day sheet": world.preferred_name,
    }
    for name, value in wanted.items():
        if str(escape(value)) not in html[name]:
            found.append(f"{name}: the name {short(value)} is missing (escaped)")
    if "{{" in world.full_name and str(escape(world.full_name)) not in html["summary for the file"]:
        found.append("template syntax in the name did not stay as typed")
    return found


@pytest.fixture
def practitioner_id(db: Database) -> int:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr Ada Example", is_current_user=True)
        session.add(ada)
        session.flush()
        return ada.id


def test_printouts_escape_every_hostile_text(db: Database, practitioner_id: int) -> None:
    failures = []
    for n, text in enumerate(sampled(), start=1):
        try:
            world = make_world(db, text, practitioner_id, n)
            html = render_all(db, world, text)
        except Exception as error:
            failures.append(f"{short(text)}: {type(error).__name__}: {str(error)[:200]}")
            note("printouts", "all", "failure")
            continue
        stored = world.full_name != FALLBACK
        found = problems_in(html, world, text)
        failures += [f"{short(text)}: {problem}" for problem in found]
        note("printouts", "all", "failure" if found else "stored" if stored else "refused")
    assert not failures, f"{len(failures)} failures\n" + "\n".join(failures[:20])


def test_template_syntax_in_every_field_is_printed_literally(
    db: Database, practitioner_id: int
) -> None:
    text = "{{7*7}} {% if true %}yes{% endif %} ${7*7} <script>alert(1)</script>"
    world = make_world(db, text, practitioner_id, 1)
    for name, page in render_all(db, world, text).items():
        assert "{{7*7}}" in page, name
        assert "{% if true %}" in page, name
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, name
        assert "<script" not in page.lower(), name
        assert "49" not in page.replace(TODAY.strftime("%Y"), ""), name
