"""Printouts without Qt: templates, escaping, the two summary variants, fallbacks, batches."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from markupsafe import escape

from clientcare import appointments, clients, interactions, printouts
from clientcare.appointments import AppointmentInput
from clientcare.brief import pre_session_brief
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    AppointmentMode,
    Charge,
    ChargeKind,
    ChecklistAnswerValue,
    ClientFact,
    ClientIssue,
    ClientStatus,
    Expectation,
    InteractionKind,
    Payment,
    PaymentKind,
    PaymentMethod,
    PracticeSettings,
    Practitioner,
    SetBy,
    Urgency,
)
from clientcare.errors import NotFoundError, ValidationError
from clientcare.interactions import InteractionInput
from clientcare.printouts import SummaryVariant

NOW = dt.datetime(2026, 11, 23, 16, 0)
SESSION_AT = NOW.replace(hour=10)
SECRET = "PRIVATE-NOTE-7f3a consider a referral"
CLINICAL = "CLINICAL-IMPRESSION-91b low mood"
BLNS = Path(__file__).resolve().parents[3] / "shared" / "data" / "blns.json"


@dataclasses.dataclass(frozen=True)
class World:
    practitioner: int
    client: int
    interaction: int
    appointment: int
    next_appointment: int


def make_world(
    db: Database,
    *,
    full_name: str = "<b>Bob</b> {{7*7}} Ñúñez",
    preferred_name: str = "Bob",
    notes: str = CLINICAL,
    client_words: str = "I feel like <i>nothing</i> changes {{7*7}}.\n\nThe walk helped.",
    finalise: bool = False,
) -> World:
    """A practice, a practitioner, a client with a written-up session, money and expectations."""
    with db.unit_of_work() as session:
        practice = session.get(PracticeSettings, 1)
        assert practice is not None
        practice.name = "Riverside Counselling"
        practice.address = "12 Mill Lane\nOxford OX1 2AB"
        practice.phone = "+44 1865 555 0100"
        practice.email = "hello@riverside.example"
        ada = Practitioner(full_name="Dr Ada Example", is_current_user=True)
        session.add(ada)
        session.flush()
        client = clients.create_client(
            session,
            ClientInput(
                full_name=full_name,
                preferred_name=preferred_name,
                pronouns="he/him",
                status=ClientStatus.ACTIVE,
            ),
            region="GB",
            today=NOW.date(),
        )
        booked = appointments.create_appointment(
            session,
            AppointmentInput(client.id, ada.id, SESSION_AT, 50, location="Room 2"),
            now=NOW - dt.timedelta(days=7),
        )
        coming = appointments.create_appointment(
            session,
            AppointmentInput(
                client.id, ada.id, SESSION_AT + dt.timedelta(days=7), 50, AppointmentMode.VIDEO
            ),
            now=NOW,
        )
        draft = interactions.save_draft(
            session,
            InteractionInput(
                client_id=client.id,
                kind=InteractionKind.SESSION,
                occurred_at=SESSION_AT,
                practitioner_id=ada.id,
                appointment_id=booked.id,
                notes=notes,
                client_words=client_words,
                next_steps="Walk three times this week.",
                more_helpful="More time at the end.",
                practitioner_only_notes=SECRET,
            ),
            interaction_id=None,
            now=NOW,
        )
        session.add_all(
            [
                Expectation(
                    client_id=client.id,
                    description="Replies to e-mails within two working days",
                    set_by=SetBy.PRACTICE,
                    set_on=NOW.date(),
                    review_on=NOW.date() + dt.timedelta(days=30),
                ),
                Charge(
                    client_id=client.id,
                    kind=ChargeKind.SESSION,
                    amount_minor=6000,
                    charged_on=NOW.date() - dt.timedelta(days=40),
                    currency="GBP",
                ),
                Payment(
                    client_id=client.id,
                    kind=PaymentKind.PAYMENT,
                    method=PaymentMethod.CARD,
                    amount_minor=1500,
                    paid_on=NOW.date(),
                    currency="GBP",
                ),
            ]
        )
        session.flush()
        if finalise:
            detail = interactions.get_interaction(session, draft.id, today=NOW.date())
            for item in detail.checklist:
                interactions.answer(
                    session, draft.id, item.principle_id, ChecklistAnswerValue.DONE, now=NOW
                )
            interactions.finalise(session, draft.id, now=NOW, today=NOW.date())
        return World(ada.id, client.id, draft.id, booked.id, coming.id)


def summary(
    db: Database, world: World, variant: SummaryVariant, *, include_money: bool = False
) -> printouts.Printout:
    with db.reading() as session:
        return printouts.session_summary(
            session, world.interaction, variant=variant, include_money=include_money, now=NOW
        )


def user_template(name: str, text: str) -> Path:
    folder = printouts.user_templates_dir(create=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- locale ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "size"),
    [
        ("en_US", "Letter"),
        ("fr_CA", "Letter"),
        ("es-MX", "Letter"),
        ("en_PH", "Letter"),
        ("en_GB", "A4"),
        ("de_DE", "A4"),
        ("ja_JP", "A4"),
        ("en", "A4"),
        ("", "A4"),
        ("en_US.UTF-8", "Letter"),
    ],
)
def test_page_size_follows_the_locale(locale: str, size: str) -> None:
    assert printouts.page_size_for_locale(locale) == size


def test_footer_names_the_day_and_the_practitioner() -> None:
    assert printouts.footer_text(NOW.date(), "Dr A. Example", "en_GB") == (
        "Printed 23 Nov 2026 · Dr A. Example"
    )
    assert printouts.footer_text(NOW.date(), "", "de_DE") == "Printed 23.11.2026"


# -- filters and escaping ------------------------------------------------------------


def test_paragraphs_escape_everything_and_keep_the_line_breaks() -> None:
    html = printouts.paragraphs("<b>one</b>\ntwo & {{7*7}}\n\n\nthree")
    assert html == ("<p>&lt;b&gt;one&lt;/b&gt;<br>two &amp; {{7*7}}</p><p>three</p>")
    assert printouts.paragraphs("") == ""
    assert printouts.paragraphs(None) == ""


def test_every_value_is_escaped_and_never_evaluated(db: Database) -> None:
    world = make_world(db)
    for variant in SummaryVariant:
        html = summary(db, world, variant).html
        assert "<b>Bob</b>" not in html
        assert "&lt;i&gt;nothing&lt;/i&gt;" in html
        assert "{{7*7}}" in html
        assert "49" not in html
    file_html = summary(db, world, SummaryVariant.FILE).html
    assert "&lt;b&gt;Bob&lt;/b&gt; {{7*7}} Ñúñez" in file_html


def test_money_and_dates_follow_the_practice_locale(db: Database) -> None:
    world = make_world(db)
    with db.unit_of_work() as session:
        practice = session.get(PracticeSettings, 1)
        assert practice is not None
        practice.currency = "EUR"
        practice.locale = "de_DE"
    html = summary(db, world, SummaryVariant.CLIENT, include_money=True).html
    assert "45,00\xa0€" in html
    assert "23.11.2026" in html


# -- the two variants ----------------------------------------------------------------


def test_the_file_variant_has_everything(db: Database) -> None:
    world = make_world(db, finalise=True)
    printout = summary(db, world, SummaryVariant.FILE)
    html = printout.html
    for text in (SECRET, CLINICAL, "Walk three times", "More time at the end", "Done"):
        assert text in html
    assert "Greet the client by their preferred name" in html  # the checklist
    assert "Replies to e-mails" in html
    assert "Dr Ada Example" in printout.footer_left
    assert printout.footer_left.startswith("Printed 23 Nov 2026")
    assert "for the file" in printout.title
    assert "DRAFT" not in html


def test_a_draft_says_so_on_the_file_copy(db: Database) -> None:
    world = make_world(db)
    assert "DRAFT" in summary(db, world, SummaryVariant.FILE).html


def test_the_client_variant_never_carries_notes_for_the_practitioner(db: Database) -> None:
    world = make_world(db, finalise=True)
    with db.reading() as session:
        context = printouts.session_summary_context(
            session, world.interaction, variant=SummaryVariant.CLIENT, now=NOW
        )
    assert not {"practitioner_only_notes", "notes", "checklist", "more_helpful"} & set(context)
    html = summary(db, world, SummaryVariant.CLIENT).html
    assert SECRET not in html
    assert CLINICAL not in html
    assert "Dear Bob," in html
    assert "Walk three times this week." in html
    assert "Replies to e-mails within two working days" in html
    assert "Monday, 30 November 2026" in html  # the next appointment
    assert "+44 1865 555 0100" in html  # how to reach the practice


def test_money_is_on_the_client_copy_only_when_chosen(db: Database) -> None:
    world = make_world(db)
    without = summary(db, world, SummaryVariant.CLIENT).html
    assert "£" not in without
    assert "account" not in without.lower()
    with_money = summary(db, world, SummaryVariant.CLIENT, include_money=True).html
    assert "£45.00" in with_money
    for html in (without, with_money, summary(db, world, SummaryVariant.FILE).html):
        lowered = html.lower()
        assert "overdue" not in lowered
        assert "owe" not in lowered.replace("owed", "")


def test_a_credit_and_a_settled_account_read_plainly(db: Database) -> None:
    world = make_world(db)
    with db.unit_of_work() as session:
        session.add(
            Payment(
                client_id=world.client,
                kind=PaymentKind.PAYMENT,
                method=PaymentMethod.CASH,
                amount_minor=4500,
                paid_on=NOW.date(),
                currency="GBP",
            )
        )
    assert "nothing to pay" in summary(db, world, SummaryVariant.CLIENT, include_money=True).html
    with db.unit_of_work() as session:
        session.add(
            Payment(
                client_id=world.client,
                kind=PaymentKind.PAYMENT,
                method=PaymentMethod.CASH,
                amount_minor=1000,
                paid_on=NOW.date(),
                currency="GBP",
            )
        )
    html = summary(db, world, SummaryVariant.CLIENT, include_money=True).html
    assert "£10.00 in credit" in html


def test_a_missing_record_is_reported(db: Database) -> None:
    with db.reading() as session, pytest.raises(NotFoundError):
        printouts.session_summary(session, 999, variant=SummaryVariant.FILE, now=NOW)


# -- the practice's own templates ------------------------------------------------------


def test_a_practice_copy_overrides_the_default(db: Database) -> None:
    world = make_world(db)
    user_template(
        "session_summary_client.html",
        '{% extends "base.html" %}{% block content %}<p>Hi {{ client.preferred_name }}'
        "!</p>{% endblock %}",
    )
    printout = summary(db, world, SummaryVariant.CLIENT)
    assert "Hi Bob!" in printout.html
    assert "Riverside Counselling" in printout.html  # the default base still frames it
    assert printout.warnings == ()


def test_a_broken_template_names_the_line_and_the_default_is_used(db: Database) -> None:
    world = make_world(db)
    user_template("session_summary_client.html", "<p>one</p>\n<p>two</p>\n{% if %}\n")
    printout = summary(db, world, SummaryVariant.CLIENT)
    assert "Dear Bob," in printout.html
    (warning,) = printout.warnings
    assert "'session_summary_client.html'" in warning
    assert "line 3" in warning
    assert "the default was used" in warning


def test_a_misspelt_name_is_an_error_on_its_line(db: Database) -> None:
    world = make_world(db)
    user_template(
        "session_summary_client.html",
        '{% extends "base.html" %}\n{% block content %}\n<p>{{ client.nickname }}</p>\n'
        "{% endblock %}\n",
    )
    printout = summary(db, world, SummaryVariant.CLIENT)
    (warning,) = printout.warnings
    assert "line 3" in warning
    assert "nickname" in warning
    assert "Dear Bob," in printout.html


def test_a_template_cannot_reach_python_internals(db: Database) -> None:
    world = make_world(db)
    user_template(
        "session_summary_client.html",
        "{{ client.__class__.__mro__[1].__subclasses__() }}",
    )
    printout = summary(db, world, SummaryVariant.CLIENT)
    assert printout.warnings
    assert "__subclasses__" not in printout.html
    assert "Dear Bob," in printout.html


def test_a_broken_base_is_named_too(db: Database) -> None:
    world = make_world(db)
    user_template("base.html", "<html>\n{% block content %}\n")
    printout = summary(db, world, SummaryVariant.FILE)
    (warning,) = printout.warnings
    assert "'base.html'" in warning
    assert SECRET in printout.html


def test_templates_are_listed_customised_and_reset(db: Database) -> None:
    names = [row.name for row in printouts.list_templates()]
    assert names[0] == "base.html"
    assert {
        "session_summary_file.html",
        "session_summary_client.html",
        "pre_session_brief.html",
        "day_sheet.html",
    } <= set(names)
    assert not any(row.customised for row in printouts.list_templates())
    path = printouts.customise_template("day_sheet.html")
    assert path.read_text(encoding="utf-8") == (
        printouts.default_templates_dir() / "day_sheet.html"
    ).read_text(encoding="utf-8")
    path.write_text("{% for %}", encoding="utf-8")
    row = next(r for r in printouts.list_templates() if r.name == "day_sheet.html")
    assert row.customised
    assert row.problem is not None and row.problem.startswith("line 1")
    backup = printouts.reset_template("day_sheet.html")
    assert backup is not None and backup.read_text(encoding="utf-8") == "{% for %}"
    assert not path.exists()
    assert printouts.reset_template("day_sheet.html") is None
    with pytest.raises(NotFoundError):
        printouts.customise_template("../../etc/passwd")


# -- brief and day sheet ---------------------------------------------------------------


def test_the_brief_says_how_to_greet_and_what_to_remember(db: Database) -> None:
    world = make_world(db, finalise=True)
    with db.unit_of_work() as session:
        session.add(ClientFact(client_id=world.client, noted_on=NOW.date(), text="Dog: Biscuit"))
        session.add(
            ClientIssue(
                client_id=world.client,
                title="Invoice address",
                urgency=Urgency.HIGH,
                raised_on=NOW.date(),
            )
        )
    later = NOW + dt.timedelta(days=6)
    with db.reading() as session:
        printout = pre_session_brief(session, world.client, now=later)
    html = printout.html
    assert "“Bob”" in html
    assert "he/him" in html
    assert "Dog: Biscuit" in html
    assert "Walk three times this week." in html  # last time's next steps
    assert "High:" in html
    assert "Monday, 30 November 2026" in html
    assert "mention it gently" in html  # the balance is older than 30 days
    assert SECRET not in html
    assert "overdue" not in html.lower()


def test_the_day_sheet_lists_the_days_appointments(db: Database) -> None:
    world = make_world(db)
    with db.reading() as session:
        printout = printouts.day_sheet(
            session, SESSION_AT.date(), practitioner_id=world.practitioner, now=NOW
        )
        empty = printouts.day_sheet(
            session, SESSION_AT.date() + dt.timedelta(days=1), practitioner_id=None, now=NOW
        )
    assert "Bob" in printout.html
    assert "10:00" in printout.html
    assert "Room 2" in printout.html
    assert "Monday, 23 November 2026" in printout.title
    assert "No appointments on this day." in empty.html


# -- batch -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-23 1000 Zoë Ñúñez - session", "2026-11-23 1000 Zoë Ñúñez - session"),
        ("../../etc/passwd", "etc passwd"),
        ('a<b>:c"d|e?f*g\\h', "a b c d e f g h"),
        ("line\nbreak\ttab\x00nul", "line break tab nul"),
        ("CON", "_CON"),
        ("...", "printout"),
        ("", "printout"),
    ],
)
def test_file_names_are_safe(text: str, expected: str) -> None:
    assert printouts.safe_file_name(text) == expected


def test_a_long_name_is_cut_on_a_character_boundary() -> None:
    name = printouts.safe_file_name("山" * 200)
    assert len(name.encode("utf-8")) <= printouts.FILE_NAME_LIMIT
    assert set(name) == {"山"}


def test_batch_items_for_a_client_and_a_range(db: Database) -> None:
    world = make_world(db, finalise=True)
    with db.unit_of_work() as session:
        for hour in (12, 13):
            interactions.save_draft(
                session,
                InteractionInput(
                    client_id=world.client,
                    kind=InteractionKind.PHONE_CALL,
                    occurred_at=SESSION_AT.replace(hour=hour),
                    client_words="A call.",
                ),
                interaction_id=None,
                now=NOW,
            )
    with db.reading() as session:
        finals = printouts.batch_items(session, client_id=world.client)
        everything = printouts.batch_items(
            session, start=SESSION_AT.date(), end=SESSION_AT.date(), include_drafts=True
        )
        outside = printouts.batch_items(
            session, start=NOW.date() + dt.timedelta(days=1), end=None, include_drafts=True
        )
        with pytest.raises(ValidationError) as backwards:
            printouts.batch_items(session, start=NOW.date(), end=NOW.date() - dt.timedelta(1))
        with pytest.raises(ValidationError):
            printouts.batch_items(session)
    assert [item.interaction_id for item in finals] == [world.interaction]
    assert finals[0].file_name == "2026-11-23 1000 b Bob b {{7 7}} Ñúñez - session.pdf"
    assert [item.kind for item in everything] == [
        InteractionKind.SESSION,
        InteractionKind.PHONE_CALL,
        InteractionKind.PHONE_CALL,
    ]
    assert len({item.file_name for item in everything}) == 3
    assert outside == []
    assert backwards.value.for_field("end") is not None
    assert printouts.combined_file_name(everything) == "Summaries 2026-11-23.pdf"


# -- naughty strings -------------------------------------------------------------------


def naughty_strings() -> list[str]:
    if not BLNS.exists():
        return []
    data = json.loads(BLNS.read_text(encoding="utf-8"))
    return [item for item in data if isinstance(item, str) and "\x00" not in item]


def test_naughty_names_and_words_print_literally(db: Database) -> None:
    strings = naughty_strings()
    if not strings:
        pytest.skip(f"no naughty strings at {BLNS}")
    world = make_world(db, finalise=True)
    with db.reading() as session:
        base = printouts.session_summary_context(
            session, world.interaction, variant=SummaryVariant.CLIENT, now=NOW
        )
    client = base["client"]
    assert isinstance(client, printouts.ClientLine)
    for text in strings:
        context = {
            **base,
            "client": dataclasses.replace(client, preferred_name=text, full_name=text),
            "next_steps": text,
        }
        printout = printouts.render_printout(
            "session_summary_client.html", context, title=text, footer_left=""
        )
        assert printout.warnings == ()
        assert str(escape(text)) in printout.html
        assert "root:" not in printout.html  # "{{ ''.__class__… /etc/passwd }}" stays text


def test_the_client_copy_never_dates_a_review_in_the_past_as_if_ahead(db: Database) -> None:
    """An expectation whose review date has passed is "at our next session" on the client's
    copy, not a date already gone; the file copy keeps the date, marked due."""
    world = make_world(db)
    with db.unit_of_work() as session:
        session.add(
            Expectation(
                client_id=world.client,
                description="A letter for the employer",
                set_by=SetBy.CLIENT,
                set_on=NOW.date() - dt.timedelta(days=60),
                review_on=NOW.date() - dt.timedelta(days=10),
            )
        )
    client_copy = summary(db, world, SummaryVariant.CLIENT).html
    row = client_copy[client_copy.index("A letter for the employer") :].split("</tr>")[0]
    assert "at our next session" in row
    assert "2026" not in row  # no date at all: it is not ahead
    file_copy = summary(db, world, SummaryVariant.FILE).html
    row = file_copy[file_copy.index("A letter for the employer") :].split("</tr>")[0]
    assert "(due)" in row
