"""Times in the messages the domain drafts for clients follow the practice's locale."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from clientcare import appointments as ap
from clientcare import clients, followups, lateness, money, series, waitlist
from clientcare import locale_format as fmt
from clientcare import settings as practice_settings
from clientcare.appointments import AppointmentInput
from clientcare.brief import brief_for
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    ClientStatus,
    ConsentState,
    ContactChannel,
    ExpectationOutcome,
    PaymentMethod,
    Practitioner,
    SetBy,
    Urgency,
)
from clientcare.errors import ValidationError
from clientcare.series import Frequency, SeriesRule
from clientcare.waitlist import WaitlistInput

NOW = dt.datetime(2026, 11, 23, 9, 0)  # a Monday
START = dt.datetime(2026, 11, 23, 14, 0)
TEMPLATE = "Hello {preferred_name}, about {minutes} minutes late for {time}. {reschedule}"


def compose(locale: str | None) -> str:
    extra = {} if locale is None else {"locale": locale}
    return lateness.compose_notice(
        TEMPLATE,
        "Shall we find another time?",
        preferred_name="Zoë",
        minutes=5,
        start=START,
        practitioner="Ada",
        offer_reschedule=False,
        **extra,
    )


def test_the_notice_writes_the_start_time_in_the_given_locale() -> None:
    assert compose(None) == "Hello Zoë, about 5 minutes late for 14:00."  # en_GB, as before
    us = compose("en_US")
    assert "2:00" in us and "PM" in us and "14:00" not in us


def test_draft_notice_uses_the_practice_locale(db: Database) -> None:
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name="Ada Example", is_current_user=True)
        session.add(practitioner)
        session.flush()
        client = clients.create_client(
            session,
            ClientInput(full_name="Zoë Ñúñez", status=ClientStatus.ACTIVE),
            region="GB",
            today=NOW.date(),
        )
        appointment = ap.create_appointment(
            session, AppointmentInput(client.id, practitioner.id, START, 50), now=NOW
        )
        current = practice_settings.get_practice(session)
        practice_settings.update_practice(session, dataclasses.replace(current, locale="en_US"))
    with db.reading() as session:
        draft = lateness.draft_notice(session, appointment.id, 5, now=NOW)
    assert "2:00" in draft.text and "PM" in draft.text
    assert "14:00" not in draft.text


def test_short_months_and_seconds() -> None:
    day = dt.date(2026, 11, 23)
    assert fmt.month_short(day, "en_GB") == "Nov"
    assert fmt.month_short(day, "fr_FR") == "nov."
    assert fmt.month_year_short(day, "en_GB") == "Nov 2026"
    assert fmt.month_year_short(day, "de_DE") == "Nov. 2026"
    moment = dt.datetime(2026, 11, 23, 14, 5, 7)
    assert fmt.time(moment, "en_GB", seconds=True) == "14:05:07"
    assert "2:05:07" in fmt.time(moment, "en_US", seconds=True)
    assert fmt.time(moment, "en_GB") == "14:05"


# --------------------------------------------------------------------------
# Dates (and times) inside the domain's validation messages follow the practice's locale
# --------------------------------------------------------------------------

TODAY = NOW.date()  # Monday 23 Nov 2026
NNBSP = "\u202f"  # CLDR writes "10:00 AM" with a narrow no-break space
LOCALES = ("en_GB", "en_US", "de_DE")


def set_locale(db: Database, locale: str) -> None:
    with db.unit_of_work() as session:
        current = practice_settings.get_practice(session)
        practice_settings.update_practice(session, dataclasses.replace(current, locale=locale))


def add_people(db: Database) -> tuple[int, int]:
    """A client (preferred name Ann) and a practitioner."""
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name="Pat Practitioner")
        session.add(practitioner)
        session.flush()
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY - dt.timedelta(days=200),
        )
        return client.id, practitioner.id


def book(db: Database, people: tuple[int, int], start: dt.datetime, minutes: int = 50) -> int:
    with db.unit_of_work() as session:
        data = AppointmentInput(people[0], people[1], start, minutes)
        return ap.create_appointment(session, data, now=NOW, allow_conflict=True).id


def refusal(db: Database, call: Callable[[Session], object], field: str) -> str:
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        call(session)
    message = caught.value.for_field(field)
    assert message is not None, caught.value.errors
    return message


@pytest.mark.parametrize(
    ("locale", "span"),
    [
        ("en_GB", "Ann (Mon 23 Nov 10:00–10:50)"),
        ("en_US", f"Ann (Mon, Nov 23 10:00{NNBSP}AM–10:50{NNBSP}AM)"),
        ("de_DE", "Ann (Mo., 23. Nov. 10:00–10:50)"),
    ],
)
def test_a_booking_conflict_names_the_other_appointment_in_the_practice_locale(
    db: Database, locale: str, span: str
) -> None:
    people = add_people(db)
    set_locale(db, locale)
    book(db, people, dt.datetime(2026, 11, 23, 10, 0))
    data = AppointmentInput(people[0], people[1], dt.datetime(2026, 11, 23, 10, 30), 50)
    with pytest.raises(ap.ConflictError) as caught, db.unit_of_work() as session:
        ap.create_appointment(session, data, now=NOW)
    assert caught.value.for_field("start") == (
        f"This time overlaps {span}. Choose another time, or book it anyway "
        "(allow the overlap) if that is intended."
    )


def test_a_conflict_over_midnight_and_the_default_description() -> None:
    conflict = ap.Conflict(
        "busy", 1, dt.datetime(2026, 11, 23, 22, 0), dt.datetime(2026, 11, 24, 1, 0), "Retreat"
    )
    assert conflict.describe() == "Retreat (Mon 23 Nov 22:00–Tue 24 Nov 01:00)"
    assert conflict.describe("en_US") == (
        f"Retreat (Mon, Nov 23 10:00{NNBSP}PM–Tue, Nov 24 1:00{NNBSP}AM)"
    )


@pytest.mark.parametrize(
    ("locale", "when"),
    [
        ("en_GB", "Mon 23 Nov 14:00"),
        ("en_US", f"Mon, Nov 23 2:00{NNBSP}PM"),
        ("de_DE", "Mo., 23. Nov. 14:00"),
    ],
)
def test_completing_before_the_start_names_the_start_in_the_practice_locale(
    db: Database, locale: str, when: str
) -> None:
    people = add_people(db)
    set_locale(db, locale)
    appointment = book(db, people, START)
    message = refusal(db, lambda s: ap.mark_completed(s, appointment, now=NOW), "status")
    assert message == (
        f"This appointment has not started yet ({when}), so it cannot be marked completed."
    )


# -- lateness --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "span"),
    [
        ("en_GB", "Mon 23 Nov 10:00–10:50"),
        ("en_US", f"Mon, Nov 23 10:00{NNBSP}AM–10:50{NNBSP}AM"),
        ("de_DE", "Mo., 23. Nov. 10:00–10:50"),
    ],
)
def test_lateness_messages_name_the_appointment_in_the_practice_locale(
    db: Database, locale: str, span: str
) -> None:
    people = add_people(db)
    set_locale(db, locale)
    appointment = book(db, people, dt.datetime(2026, 11, 23, 10, 0))
    late = dt.datetime(2026, 11, 23, 11, 0)
    ended = refusal(
        db, lambda s: lateness.draft_notice(s, appointment, 5, now=late), "appointment_id"
    )
    assert ended == f"This appointment has already ended ({span}), so no late notice is needed."
    arrival = refusal(
        db, lambda s: lateness.record_client_arrival(s, appointment, late), "arrived_at"
    )
    assert arrival == (
        f"The arrival time must be before the appointment ends ({span}); please check it."
    )


# -- series ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "first", "overlap"),
    [
        ("en_GB", "Tue, 1 Dec 2026", "Tue, 8 Dec 2026 10:00 overlaps Ann (Tue 8 Dec 10:30–11:20)"),
        (
            "en_US",
            "Tue, Dec 1, 2026",
            f"Tue, Dec 8, 2026 10:00{NNBSP}AM overlaps "
            f"Ann (Tue, Dec 8 10:30{NNBSP}AM–11:20{NNBSP}AM)",
        ),
        (
            "de_DE",
            "Di., 1. Dez. 2026",
            "Di., 8. Dez. 2026 10:00 overlaps Ann (Di., 8. Dez. 10:30–11:20)",
        ),
    ],
)
def test_series_messages_write_their_dates_in_the_practice_locale(
    db: Database, locale: str, first: str, overlap: str
) -> None:
    people = add_people(db)
    set_locale(db, locale)
    tuesday = dt.datetime(2026, 12, 1, 10, 0)
    data = AppointmentInput(people[0], people[1], tuesday, 50)

    def create(rule: SeriesRule) -> Callable[[Session], object]:
        return lambda s: series.create_series(s, data, rule, now=NOW)

    early_end = SeriesRule(Frequency.WEEKLY, until=dt.date(2026, 11, 30))
    assert refusal(db, create(early_end), "until") == (
        f"The series cannot end before its first appointment ({first})."
    )
    book(db, people, dt.datetime(2026, 12, 8, 10, 30))
    with pytest.raises(ap.ConflictError) as caught, db.unit_of_work() as session:
        create(SeriesRule(Frequency.WEEKLY, count=3))(session)
    assert caught.value.for_field("start") == (
        f"1 of the 3 appointments overlap other bookings: {overlap}. "
        "Choose another time, or book anyway (allow the overlaps) if that is intended."
    )


@pytest.mark.parametrize(
    ("locale", "last"),
    [
        ("en_GB", "Tue, 23 Nov 2032"),
        ("en_US", "Tue, Nov 23, 2032"),
        ("de_DE", "Di., 23. Nov. 2032"),
    ],
)
def test_a_series_too_far_ahead_names_its_last_day_in_the_practice_locale(
    db: Database, locale: str, last: str
) -> None:
    people = add_people(db)
    set_locale(db, locale)
    data = AppointmentInput(people[0], people[1], dt.datetime(2026, 12, 1, 10, 0), 50)
    rule = SeriesRule(Frequency.WEEKLY, interval=52, count=7)
    message = refusal(db, lambda s: series.create_series(s, data, rule, now=NOW), "until")
    assert message == (
        f"The last appointment would be on {last}, too far ahead; end the series earlier."
    )


# -- waitlist --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "since", "resolved"),
    [
        ("en_GB", "2 November 2026", "23 November 2026"),
        ("en_US", "November 2, 2026", "November 23, 2026"),
        ("de_DE", "2. November 2026", "23. November 2026"),
    ],
)
def test_waitlist_messages_write_their_dates_in_the_practice_locale(
    db: Database, locale: str, since: str, resolved: str
) -> None:
    client, _practitioner = add_people(db)
    set_locale(db, locale)
    with db.unit_of_work() as session:
        entry = waitlist.add_to_waitlist(
            session, WaitlistInput(client_id=client), today=dt.date(2026, 11, 2)
        ).id
    duplicate = refusal(
        db,
        lambda s: waitlist.add_to_waitlist(s, WaitlistInput(client_id=client), today=TODAY),
        "client_id",
    )
    assert duplicate == f"Ann is already on the waitlist since {since}."
    with db.unit_of_work() as session:
        waitlist.mark_booked(session, entry, today=TODAY)
    again = refusal(db, lambda s: waitlist.remove_entry(s, entry, today=TODAY), "status")
    assert again == (
        f"Ann was already booked on {resolved}; add them to the waitlist again if needed."
    )


# -- follow-ups ------------------------------------------------------------------------

DAYS = {
    "en_GB": ("3 Nov 2026", "13 Nov 2026", "20 Nov 2026", "23 Nov 2026"),
    "en_US": ("Nov 3, 2026", "Nov 13, 2026", "Nov 20, 2026", "Nov 23, 2026"),
    "de_DE": ("03.11.2026", "13.11.2026", "20.11.2026", "23.11.2026"),
}
NOV_3, NOV_13, NOV_20 = dt.date(2026, 11, 3), dt.date(2026, 11, 13), dt.date(2026, 11, 20)


@pytest.mark.parametrize("locale", LOCALES)
def test_issue_messages_write_their_dates_in_the_practice_locale(db: Database, locale: str) -> None:
    nov_3, nov_13, nov_20, nov_23 = DAYS[locale]
    client, _practitioner = add_people(db)
    set_locale(db, locale)

    def issue(raised: dt.date, due: dt.date) -> Callable[[Session], object]:
        data = followups.IssueInput(client, "Letter", Urgency.NORMAL, raised, due_on=due)
        return lambda s: followups.create_issue(s, data, today=TODAY)

    assert refusal(db, issue(NOV_13, NOV_3), "due_on") == (
        f"The due date ({nov_3}) is before the issue was raised ({nov_13})."
    )
    assert refusal(db, issue(NOV_3, NOV_20), "due_on") == (
        f"The due date {nov_20} has already passed; choose today or a later day, or leave it empty."
    )
    with db.unit_of_work() as session:
        issue_id = followups.create_issue(
            session, followups.IssueInput(client, "Letter", Urgency.NORMAL, NOV_13), today=TODAY
        ).id
        # Changing it: the same check, with the practice's locale.
        data = followups.IssueInput(client, "Letter", Urgency.NORMAL, NOV_13, due_on=NOV_3)
    update = refusal(db, lambda s: followups.update_issue(s, issue_id, data, today=TODAY), "due_on")
    assert update == f"The due date ({nov_3}) is before the issue was raised ({nov_13})."
    early = refusal(
        db,
        lambda s: followups.resolve_issue(s, issue_id, "Sent.", resolved_on=NOV_3, today=TODAY),
        "resolved_on",
    )
    assert early == f"It was raised on {nov_13}, so it cannot be resolved before that."
    with db.unit_of_work() as session:
        followups.resolve_issue(session, issue_id, "Sent.", resolved_on=TODAY, today=TODAY)
    twice = refusal(
        db,
        lambda s: followups.resolve_issue(s, issue_id, "Again.", resolved_on=TODAY, today=TODAY),
        "status",
    )
    assert twice == f"This issue was already resolved on {nov_23}."


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_a_reopened_issue_keeps_its_history_in_one_fixed_form(db: Database, locale: str) -> None:
    """The history is stored text: it stays "23 Nov 2026" whatever the locale."""
    client, _practitioner = add_people(db)
    set_locale(db, locale)
    with db.unit_of_work() as session:
        data = followups.IssueInput(client, "Letter", Urgency.NORMAL, NOV_13, description="Asked.")
        issue_id = followups.create_issue(session, data, today=TODAY).id
        followups.resolve_issue(session, issue_id, "Sent.", resolved_on=TODAY, today=TODAY)
        row = followups.reopen_issue(session, issue_id, today=TODAY, reason="Lost in the post")
    stored = row.description
    assert "Resolved on 23 Nov 2026: Sent." in stored
    assert "Reopened on 23 Nov 2026: Lost in the post" in stored


@pytest.mark.parametrize("locale", LOCALES)
def test_expectation_messages_write_their_dates_in_the_practice_locale(
    db: Database, locale: str
) -> None:
    _, nov_13, nov_20, nov_23 = DAYS[locale]
    client, _practitioner = add_people(db)
    set_locale(db, locale)
    passed = followups.ExpectationInput(
        client, "Replies in two days", SetBy.PRACTICE, NOV_3, NOV_20
    )
    assert refusal(
        db, lambda s: followups.record_expectation(s, passed, today=TODAY), "review_on"
    ) == (f"The review date {nov_20} has already passed; choose today or a later day.")
    with db.unit_of_work() as session:
        data = followups.ExpectationInput(
            client, "Replies in two days", SetBy.PRACTICE, NOV_13, TODAY
        )
        expectation = followups.record_expectation(session, data, today=TODAY).id

    def review(on: dt.date) -> Callable[[Session], object]:
        return lambda s: followups.review_expectation(
            s, expectation, ExpectationOutcome.MET, "", reviewed_on=on, today=TODAY
        )

    assert refusal(db, review(NOV_3), "reviewed_on") == (
        f"It was set on {nov_13}, so it cannot be reviewed before that."
    )
    with db.unit_of_work() as session:
        review(TODAY)(session)
    assert refusal(db, review(TODAY), "outcome") == (
        f"This expectation was already reviewed on {nov_23}."
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_consent_and_attempt_messages_write_their_dates_in_the_practice_locale(
    db: Database, locale: str
) -> None:
    nov_3, nov_13, _, _ = DAYS[locale]
    client, _practitioner = add_people(db)
    set_locale(db, locale)
    with db.unit_of_work() as session:
        followups.record_consent(
            session,
            client,
            ConsentState.GIVEN,
            recorded_on=NOV_13,
            today=TODAY,
            channel=ContactChannel.SMS,
            interval_days=30,
        )
    message = refusal(
        db,
        lambda s: followups.record_consent(
            s, client, ConsentState.DECLINED, recorded_on=NOV_3, today=TODAY
        ),
        "recorded_on",
    )
    assert message == (
        f"Ann's answer was last recorded on {nov_13} (given); a new answer cannot be dated "
        "before that."
    )
    for day in (NOV_3, NOV_13, NOV_20):
        with db.unit_of_work() as session:
            followups.record_contact_attempt(
                session,
                client,
                occurred_at=dt.datetime.combine(day, dt.time(12)),
                note="Left a message.",
                now=NOW,
            )
    with db.reading() as session:
        [row] = followups.contact_attempt_suggestions(session, today=TODAY)
    assert row.suggestion.startswith(
        f"3 calls or messages since {nov_3} have not been returned. Perhaps"
    )
    assert followups.attempt_suggestion("Ann", ClientStatus.ACTIVE, 3, NOV_3).startswith(
        "3 calls or messages since 3 Nov 2026 "
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_the_brief_money_note_writes_its_dates_in_the_practice_locale(
    db: Database, locale: str
) -> None:
    _, nov_13, _, _ = DAYS[locale]
    client, _practitioner = add_people(db)
    set_locale(db, locale)
    with db.unit_of_work() as session:
        money.add_charge(session, client, description="Report", amount=9000, charged_on=NOV_3)
        money.create_plan(
            session,
            client,
            agreed_on=NOV_13,
            instalments=[
                money.InstalmentInput(NOV_13, 4500),
                money.InstalmentInput(dt.date(2026, 12, 13), 4500),
            ],
            today=NOV_13,
        )
        money.record_payment(
            session,
            money.PaymentInput(client, 4500, PaymentMethod.CARD, NOV_13, towards_plan=True),
        )
    with db.reading() as session:
        brief = brief_for(session, client, today=TODAY)
    assert brief.money is not None
    plan_text = brief.money.plan
    assert plan_text.startswith(f"A payment plan agreed on {nov_13}; next instalment ")
    assert plan_text.endswith(f" on {fmt.day(dt.date(2026, 12, 13), locale)}")
