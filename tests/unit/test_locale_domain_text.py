"""Dates and times inside the domain's display sentences follow the locale they are given.

The sentences stay English for now; only the date or time inside them is written the
way the practice's locale writes it. Without a locale they read as they always did (en_GB).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from clientcare import appointments as ap
from clientcare import clients, followups, locale_format, money, waitlist
from clientcare import interactions as ix
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    ClientStatus,
    InteractionKind,
    LatenessNotice,
    LatePerson,
    PlanStatus,
    Practitioner,
    WaitlistStatus,
)
from clientcare.interactions import InteractionInput
from clientcare.money import Ageing, Bucket, InstalmentState, InstalmentView, PlanView

DECEMBER_19 = dt.date(2026, 12, 19)  # a Saturday
TODAY = dt.date(2026, 12, 1)


def owing(minor: int = 9000) -> Ageing:
    buckets = dict.fromkeys(Bucket, 0)
    buckets[Bucket.CURRENT] = minor
    return Ageing(buckets)


def plan_due(due_on: dt.date) -> PlanView:
    instalment = InstalmentView(1, 1, due_on, 4500, 0, InstalmentState.DUE)
    return PlanView(1, 1, TODAY, 9000, PlanStatus.ACTIVE, "", (instalment,))


# -- money.next_gentle_step -------------------------------------------------------------


def test_next_instalment_date_follows_the_locale() -> None:
    def step(locale: str) -> str:
        return money.next_gentle_step(
            owing(),
            plan=plan_due(DECEMBER_19),
            last_conversation=None,
            follow_up_due=None,
            today=TODAY,
            locale=locale,
        )

    assert step("de_DE") == "On a payment plan; next instalment 19. Dez."
    assert step("en_US") == "On a payment plan; next instalment Dec 19."
    assert step("en_GB") == "On a payment plan; next instalment 19 Dec."


def test_follow_up_date_follows_the_locale_and_defaults_to_en_gb() -> None:
    def step(**locale: str) -> str:
        return money.next_gentle_step(
            owing(),
            plan=None,
            last_conversation=None,
            follow_up_due=dt.date(2026, 3, 5),
            today=TODAY,
            **locale,
        )

    assert step(locale="de_DE") == "Follow up the money conversation (due 5. März)."
    assert step(locale="fr_FR") == "Follow up the money conversation (due 5 mars)."
    # No locale: en_GB as before, except that the day is no longer zero-padded ("05 Mar").
    assert step() == "Follow up the money conversation (due 5 Mar)."


# -- followups.day_text -----------------------------------------------------------------


def test_day_text_follows_the_locale() -> None:
    assert followups.day_text(DECEMBER_19) == "19 Dec 2026"
    assert followups.day_text(DECEMBER_19, "de_DE") == "19.12.2026"
    assert followups.day_text(DECEMBER_19, "en_US") == "Dec 19, 2026"
    assert followups.day_text(DECEMBER_19, "fr_FR") == "19 déc. 2026"


# -- appointments.format_day ------------------------------------------------------------


def test_format_day_follows_the_locale() -> None:
    start = dt.datetime(2026, 12, 19, 14, 5)
    assert ap.format_day(start) == "Sat 19 Dec"
    assert ap.format_day(start, year=True) == "Sat, 19 Dec 2026"
    assert ap.format_day(start, locale="de_DE") == "Sa., 19. Dez."
    assert ap.format_day(start, locale="en_US") == "Sat, Dec 19"
    assert ap.format_day(DECEMBER_19, year=True, locale="de_DE") == "Sa., 19. Dez. 2026"
    assert ap.format_day(DECEMBER_19, year=True, locale="en_US") == "Sat, Dec 19, 2026"


# -- waitlist.describe_preferences ------------------------------------------------------


def waiting_row(**changes: object) -> waitlist.WaitlistRow:
    row = waitlist.WaitlistRow(
        id=1,
        client_id=1,
        client_name="Pat Example",
        client_preferred_name="Pat",
        practitioner_id=None,
        practitioner_name="",
        preferred_weekdays=frozenset({3, 1}),
        earliest_time=dt.time(9),
        latest_time=dt.time(14, 30),
        urgent=False,
        note="",
        added_on=TODAY,
        status=WaitlistStatus.WAITING,
        days_waiting=0,
    )
    return dataclasses.replace(row, **changes)


def test_preferences_write_weekdays_and_times_in_the_locale() -> None:
    row = waiting_row()
    assert waitlist.describe_preferences(row) == "Mon, Wed · 09:00–14:30 · any practitioner"
    assert (
        waitlist.describe_preferences(row, "de_DE") == "Mo., Mi. · 09:00–14:30 · any practitioner"
    )
    assert (
        waitlist.describe_preferences(row, "en_US")
        == "Mon, Wed · 9:00\u202fAM–2:30\u202fPM · any practitioner"
    )
    later = waiting_row(preferred_weekdays=frozenset(), latest_time=None)
    assert (
        waitlist.describe_preferences(later, "en_US")
        == "Any day · from 9:00\u202fAM · any practitioner"
    )


# -- interactions: the notes of a running-late notice's answers ---------------------------


def test_notice_answer_gives_the_time_in_the_locale(db: Database) -> None:
    start = dt.datetime(2026, 11, 20, 14, 0)
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Ada Example")
        session.add(ada)
        session.flush()
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=start.date(),
        )
        booked = ap.create_appointment(
            session, AppointmentInput(client.id, ada.id, start, 50), now=start - dt.timedelta(7)
        )
        session.add(
            LatenessNotice(
                appointment_id=booked.id,
                who_is_late=LatePerson.PRACTITIONER,
                expected_minutes=15,
                told_at=start - dt.timedelta(minutes=8),
            )
        )
    data = InteractionInput(
        client_id=client.id,
        kind=InteractionKind.SESSION,
        occurred_at=start,
        appointment_id=booked.id,
        notes="Met.",
    )

    def note(**locale: str) -> str:
        with db.reading() as session:
            items = ix.checklist_for(
                session, data, interaction_id=None, today=start.date(), **locale
            )
        answer = {i.number: i for i in items}[11].answer
        assert answer is not None
        return answer.note

    assert "sent at 13:52 " in note()
    assert "sent at 1:52\u202fPM " in note(locale="en_US")
    assert "sent at 13:52 " in note(locale="de_DE")


# -- locale_format: the patterns the UI's date fields are built from ---------------------


def test_input_patterns_put_day_and_month_in_the_locale_order() -> None:
    assert locale_format.input_date_pattern("en_GB") == "d MMM y"
    assert locale_format.input_date_pattern("en_US") == "MMM d, y"
    assert locale_format.input_date_pattern("de_DE") == "d. MMM y"
    assert locale_format.input_date_pattern("de_DE", weekday=True) == "E, d. MMM y"
    assert locale_format.input_time_pattern("en_GB") == "HH:mm"
    assert locale_format.input_time_pattern("en_US") == "h:mm\u202fa"
    assert locale_format.input_date_time_pattern("de_DE") == "E, d. MMM y, HH:mm"
    assert locale_format.input_date_time_pattern("ja_JP") == "y年M月d日(E) H:mm"
    assert locale_format.input_date_pattern("xx_nowhere") == "d MMM y"  # en_GB
