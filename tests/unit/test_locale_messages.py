"""Times in the messages the domain drafts for clients follow the practice's locale."""

from __future__ import annotations

import dataclasses
import datetime as dt

from clientcare import appointments as ap
from clientcare import clients, lateness
from clientcare import locale_format as fmt
from clientcare import settings as practice_settings
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, Practitioner

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
