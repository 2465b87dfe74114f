"""Lateness: running-late notices, the run-late cascade, client arrivals, templates, history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clientcare import appointments as ap
from clientcare import clients, lateness
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    DEFAULT_LATE_NOTICE_TEMPLATE,
    DEFAULT_RESCHEDULE_SENTENCE,
    AppointmentStatus,
    CancelledBy,
    Client,
    ClientStatus,
    ContactChannel,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
    PracticeSettings,
    Practitioner,
)
from clientcare.errors import NotFoundError, ValidationError
from clientcare.lateness import ClientLateOption

NOW = dt.datetime(2026, 11, 23, 9, 0)  # a Monday
TODAY_10 = dt.datetime(2026, 11, 23, 10, 0)

OUTCOME = LatenessOutcome
SENTENCE = DEFAULT_RESCHEDULE_SENTENCE


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def add_client(db: Database, name: str = "Ann Example", preferred: str = "") -> int:
    with db.unit_of_work() as session:
        detail = clients.create_client(
            session,
            ClientInput(full_name=name, preferred_name=preferred, status=ClientStatus.ACTIVE),
            region="GB",
            today=NOW.date(),
        )
    return detail.id


def add_practitioner(db: Database, name: str = "Pat Practitioner") -> int:
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name=name, active=True)
        session.add(practitioner)
        session.flush()
        return practitioner.id


@pytest.fixture
def people(db: Database) -> tuple[int, int]:
    return add_client(db, "Zoë Ångström", "Zoë"), add_practitioner(db)


def book(
    db: Database,
    people: tuple[int, int],
    start: dt.datetime = TODAY_10,
    minutes: int = 50,
    *,
    client_id: int | None = None,
    practitioner_id: int | None = None,
) -> ap.AppointmentDetail:
    data = AppointmentInput(client_id or people[0], practitioner_id or people[1], start, minutes)
    with db.unit_of_work() as session:
        return ap.create_appointment(session, data, now=NOW)


def notice_count(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(LatenessNotice)) or 0


def draft(db: Database, appointment_id: int, minutes: int, now: dt.datetime = NOW, **kw: object):
    with db.reading() as session:
        return lateness.draft_notice(session, appointment_id, minutes, now=now, **kw)  # type: ignore[arg-type]


def record(
    db: Database,
    appointment_id: int,
    minutes: int,
    text: str,
    *,
    offered: bool = True,
    now: dt.datetime = NOW,
    channel: ContactChannel = ContactChannel.SMS,
) -> lateness.NoticeRow:
    with db.unit_of_work() as session:
        return lateness.record_notice(
            session, appointment_id, minutes, text, channel, now=now, reschedule_offered=offered
        )


def refused(db: Database, action, *args: object, **kwargs: object) -> ValidationError:  # type: ignore[no-untyped-def]
    """Run ``action`` in a unit of work; it must refuse and store no notice."""
    before = notice_count(db)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        action(session, *args, **kwargs)
    assert notice_count(db) == before
    return caught.value


def set_threshold(db: Database, minutes: int) -> None:
    with db.unit_of_work() as session:
        session.get(PracticeSettings, 1).lateness_threshold_minutes = minutes  # type: ignore[union-attr]


# --------------------------------------------------------------------------
# Schema defaults
# --------------------------------------------------------------------------


def test_migrated_practice_has_the_default_wording(db: Database) -> None:
    with db.reading() as session:
        row = session.get(PracticeSettings, 1)
        assert row is not None
        assert row.late_notice_template == DEFAULT_LATE_NOTICE_TEMPLATE
        assert row.reschedule_sentence == DEFAULT_RESCHEDULE_SENTENCE
        assert row.client_late_options == "shorten,reschedule,proceed"
    assert lateness.validate_template(DEFAULT_LATE_NOTICE_TEMPLATE) == []


# --------------------------------------------------------------------------
# The threshold
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("minutes", "required"), [(9, False), (10, False), (11, True)])
def test_reschedule_required_strictly_past_the_threshold(minutes: int, required: bool) -> None:
    assert lateness.reschedule_required(minutes, 10) is required


@pytest.mark.parametrize(("minutes", "required"), [(9, False), (10, False), (11, True)])
def test_draft_offers_rescheduling_only_past_the_threshold(
    db: Database, people: tuple[int, int], minutes: int, required: bool
) -> None:
    appointment = book(db, people)
    drafted = draft(db, appointment.id, minutes)
    assert drafted.reschedule_required is required
    assert drafted.reschedule_offered is required
    assert (SENTENCE in drafted.text) is required
    assert "  " not in drafted.text


def test_threshold_comes_from_the_practice(db: Database, people: tuple[int, int]) -> None:
    set_threshold(db, 5)
    appointment = book(db, people)
    assert draft(db, appointment.id, 6).reschedule_required
    assert not draft(db, appointment.id, 5).reschedule_required


def test_offer_can_be_added_below_the_threshold(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    drafted = draft(db, appointment.id, 5, offer_reschedule=True)
    assert drafted.reschedule_offered and not drafted.reschedule_required
    assert SENTENCE in drafted.text


# --------------------------------------------------------------------------
# Drafting
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("full", "preferred"), [("Zoë Ångström", "Zoë"), ("李小龙", "李小龙")])
def test_draft_uses_the_preferred_name_and_apologises(
    db: Database, full: str, preferred: str
) -> None:
    client_id = add_client(db, full, preferred)
    practitioner_id = add_practitioner(db, "Siân O’Brien")
    appointment = book(db, (client_id, practitioner_id))
    drafted = draft(db, appointment.id, 15)
    assert drafted.client_preferred_name == preferred
    assert drafted.text == (
        f"Hello {preferred}, I am so sorry — I am running about 15 minutes late for our 10:00 "
        f"appointment. {SENTENCE} — Siân O’Brien"
    )
    assert drafted.hits == []


def test_draft_below_threshold_leaves_no_gap(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    assert draft(db, appointment.id, 5).text == (
        "Hello Zoë, I am so sorry — I am running about 5 minutes late for our 10:00 "
        "appointment. — Pat Practitioner"
    )


def test_sentence_is_appended_when_the_template_has_no_place_for_it(
    db: Database, people: tuple[int, int]
) -> None:
    with db.unit_of_work() as session:
        lateness.update_templates(
            session,
            late_notice_template="Dear {preferred_name}, sorry, {minutes} minutes late at {time}.",
            reschedule_sentence="Happy to move it to another day if you prefer.",
        )
    appointment = book(db, people)
    late = draft(db, appointment.id, 20)
    assert late.text == (
        "Dear Zoë, sorry, 20 minutes late at 10:00. Happy to move it to another day if you prefer."
    )
    assert draft(db, appointment.id, 3).text == "Dear Zoë, sorry, 3 minutes late at 10:00."


def test_draft_reports_language_hits(db: Database, people: tuple[int, int]) -> None:
    with db.unit_of_work() as session:
        hits = lateness.update_templates(
            session,
            late_notice_template="Hello sweetie, {minutes} minutes late, sorry. {reschedule}",
            reschedule_sentence=SENTENCE,
        )
    assert hits, "the settings form shows the language check too"
    appointment = book(db, people)
    drafted = draft(db, appointment.id, 5)
    assert [hit.text.lower() for hit in drafted.hits] == ["sweetie"]


# --------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [0, -5, 241, 600, True, 7.5])
def test_absurd_minutes_are_refused(db: Database, people: tuple[int, int], minutes: object) -> None:
    appointment = book(db, people)
    error = refused(db, lateness.draft_notice, appointment.id, minutes, now=NOW)
    assert error.for_field("minutes")
    refused(
        db,
        lateness.record_notice,
        appointment.id,
        minutes,
        "Sorry, running late.",
        ContactChannel.SMS,
        now=NOW,
        reschedule_offered=True,
    )
    refused(db, lateness.cascade, people[1], appointment.id, minutes, now=NOW)


def test_600_minutes_message(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    error = refused(db, lateness.draft_notice, appointment.id, 600, now=NOW)
    assert error.for_field("minutes") == (
        "Running late is 1 to 240 minutes; for longer, cancel or reschedule instead."
    )


def test_cancelled_appointment_is_refused(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    with db.unit_of_work() as session:
        ap.cancel_appointment(
            session, appointment.id, by=CancelledBy.CLIENT, reason="Unwell", now=NOW
        )
    error = refused(db, lateness.draft_notice, appointment.id, 5, now=NOW)
    assert "late-cancelled" in (error.for_field("appointment_id") or "")
    refused(
        db,
        lateness.record_notice,
        appointment.id,
        5,
        "Sorry",
        ContactChannel.SMS,
        now=NOW,
        reschedule_offered=False,
    )


def test_past_appointment_is_refused(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    after_end = TODAY_10 + dt.timedelta(minutes=50)
    error = refused(db, lateness.draft_notice, appointment.id, 5, now=after_end)
    assert "already ended" in (error.for_field("appointment_id") or "")
    refused(
        db,
        lateness.record_notice,
        appointment.id,
        5,
        "Sorry",
        ContactChannel.SMS,
        now=after_end,
        reschedule_offered=False,
    )
    # Still running: a notice is fine (as late as the clock says, or the session began).
    still = after_end - dt.timedelta(minutes=1)
    assert draft(db, appointment.id, 49, now=still).minutes == 49
    assert draft(db, appointment.id, 5, now=still, started_on_time=True).minutes == 5


def test_the_minutes_start_from_the_clock_and_never_go_below_it(
    db: Database, people: tuple[int, int]
) -> None:
    """At 10:12 for the 10:00 session the practitioner is 12 minutes late already: "5
    minutes" would skip the ten-minute rule without anyone noticing (issue 21)."""
    appointment = book(db, people)
    at_10_12 = TODAY_10 + dt.timedelta(minutes=12, seconds=30)
    assert lateness.minutes_elapsed(TODAY_10, at_10_12) == 12
    assert lateness.minutes_elapsed(TODAY_10, TODAY_10 - dt.timedelta(minutes=5)) == 0
    assert lateness.suggested_minutes(TODAY_10, at_10_12, usual=10) == 12
    assert lateness.suggested_minutes(TODAY_10, TODAY_10 + dt.timedelta(minutes=3), 10) == 10

    error = refused(db, lateness.draft_notice, appointment.id, 5, now=at_10_12)
    message = error.for_field("minutes") or ""
    assert "already 12 minutes past the start (10:00)" in message
    assert "started on time" in message
    error = refused(
        db,
        lateness.record_notice,
        appointment.id,
        5,
        "Sorry, about 5 minutes",
        ContactChannel.SMS,
        now=at_10_12,
        reschedule_offered=False,
    )
    assert "Enter 12 minutes or more" in (error.for_field("minutes") or "")

    true = draft(db, appointment.id, 12, now=at_10_12)
    assert true.reschedule_required and true.reschedule_offered  # past ten: offered
    on_time = draft(db, appointment.id, 5, now=at_10_12, started_on_time=True)
    assert not on_time.reschedule_required


def test_missing_appointment(db: Database) -> None:
    with pytest.raises(NotFoundError), db.reading() as session:
        lateness.draft_notice(session, 999, 5, now=NOW)


# --------------------------------------------------------------------------
# Recording the notice
# --------------------------------------------------------------------------


def test_record_notice_keeps_time_channel_and_text(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    drafted = draft(db, appointment.id, 15)
    told_at = NOW + dt.timedelta(minutes=50)
    row = record(db, appointment.id, 15, drafted.text, now=told_at, channel=ContactChannel.PHONE)
    assert row.who_is_late is LatePerson.PRACTITIONER
    assert (row.expected_minutes, row.told_at, row.channel) == (15, told_at, ContactChannel.PHONE)
    assert row.message_text == drafted.text
    assert row.reschedule_offered and row.outcome is OUTCOME.PENDING
    with db.reading() as session:
        assert lateness.list_notices(session, appointment.id) == [row]


def test_reschedule_offer_cannot_be_left_out(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    drafted = draft(db, appointment.id, 15)
    without = drafted.text.replace(SENTENCE, "")
    message = "Past 10 minutes the message must offer rescheduling."
    for text, offered in ((without, True), (without, False), (drafted.text, False)):
        error = refused(
            db,
            lateness.record_notice,
            appointment.id,
            15,
            text,
            ContactChannel.SMS,
            now=NOW,
            reschedule_offered=offered,
        )
        assert error.for_field("text") == message
    # Re-wrapped lines still count as the sentence being there.
    rewrapped = drafted.text.replace("completely fine", "completely\nfine")
    assert record(db, appointment.id, 15, rewrapped).reschedule_offered


def test_below_threshold_needs_no_offer(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    row = record(db, appointment.id, 10, "Sorry, ten minutes late.", offered=False)
    assert not row.reschedule_offered


@pytest.mark.parametrize("text", ["", "   \n "])
def test_empty_notice_text_is_refused(db: Database, people: tuple[int, int], text: str) -> None:
    appointment = book(db, people)
    error = refused(
        db,
        lateness.record_notice,
        appointment.id,
        5,
        text,
        ContactChannel.SMS,
        now=NOW,
        reschedule_offered=False,
    )
    assert error.for_field("text") == "The message cannot be empty."


# --------------------------------------------------------------------------
# The client's choice
# --------------------------------------------------------------------------


def choose(db: Database, notice_id: int, outcome: LatenessOutcome) -> lateness.NoticeRow:
    with db.unit_of_work() as session:
        return lateness.record_choice(session, notice_id, outcome, now=NOW)


def test_choice_wait_and_reschedule_keep_the_appointment(
    db: Database, people: tuple[int, int]
) -> None:
    appointment = book(db, people)
    notice = record(db, appointment.id, 5, "Sorry, five minutes late.", offered=False)
    assert choose(db, notice.id, OUTCOME.WAIT).outcome is OUTCOME.WAIT
    assert choose(db, notice.id, OUTCOME.RESCHEDULE).outcome is OUTCOME.RESCHEDULE
    with db.reading() as session:
        assert ap.get_appointment(session, appointment.id).status is AppointmentStatus.SCHEDULED


def test_cancel_without_fee_cancels_the_appointment(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    drafted = draft(db, appointment.id, 30)
    notice = record(db, appointment.id, 30, drafted.text)
    assert choose(db, notice.id, OUTCOME.CANCEL_WITHOUT_FEE).outcome is OUTCOME.CANCEL_WITHOUT_FEE
    with db.reading() as session:
        detail = ap.get_appointment(session, appointment.id)
    assert detail.status is AppointmentStatus.CANCELLED  # never late-cancelled: no fee
    assert detail.cancelled_by is CancelledBy.PRACTITIONER
    assert detail.cancel_reason == "Practitioner running late — cancelled without fee"
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        lateness.record_choice(session, notice.id, OUTCOME.WAIT, now=NOW)


def test_pending_or_unknown_choice_is_refused(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    notice = record(db, appointment.id, 5, "Sorry.", offered=False)
    for outcome in (OUTCOME.PENDING, "maybe"):
        with pytest.raises(ValidationError), db.unit_of_work() as session:
            lateness.record_choice(session, notice.id, outcome, now=NOW)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        lateness.record_choice(session, 999, OUTCOME.WAIT, now=NOW)


def test_cancel_choice_for_an_arrived_appointment_changes_nothing(
    db: Database, people: tuple[int, int]
) -> None:
    appointment = book(db, people)
    notice = record(db, appointment.id, 5, "Sorry.", offered=False)
    with db.unit_of_work() as session:
        ap.mark_arrived(session, appointment.id, arrived_at=TODAY_10)
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        lateness.record_choice(session, notice.id, OUTCOME.CANCEL_WITHOUT_FEE, now=NOW)
    with db.reading() as session:
        assert lateness.list_notices(session, appointment.id)[0].outcome is OUTCOME.PENDING
        assert ap.get_appointment(session, appointment.id).status is AppointmentStatus.ARRIVED


# --------------------------------------------------------------------------
# The run-late cascade
# --------------------------------------------------------------------------


def cascade(
    db: Database, practitioner_id: int, first_id: int, minutes: int
) -> list[tuple[str, int]]:
    with db.reading() as session:
        result = lateness.cascade(session, practitioner_id, first_id, minutes, now=NOW)
    return [(f"{detail.start:%H:%M}", late) for detail, late in result]


def test_cascade_uses_up_the_slack(db: Database, people: tuple[int, int]) -> None:
    first = book(db, people, TODAY_10)
    book(db, people, TODAY_10.replace(hour=11))
    book(db, people, TODAY_10.replace(hour=13))
    assert cascade(db, people[1], first.id, 20) == [("10:00", 20), ("11:00", 10)]
    assert cascade(db, people[1], first.id, 10) == [("10:00", 10)]
    assert cascade(db, people[1], first.id, 150) == [("10:00", 150), ("11:00", 140), ("13:00", 70)]


def test_cascade_without_slack_carries_everything(db: Database, people: tuple[int, int]) -> None:
    first = book(db, people, TODAY_10)
    book(db, people, TODAY_10.replace(minute=50))
    book(db, people, TODAY_10.replace(hour=11, minute=40), 30)
    assert cascade(db, people[1], first.id, 20) == [("10:00", 20), ("10:50", 20), ("11:40", 20)]


def test_cascade_ignores_others_cancelled_and_tomorrow(
    db: Database, people: tuple[int, int]
) -> None:
    other_practitioner = add_practitioner(db, "Sam Other")
    first = book(db, people, TODAY_10)
    cancelled = book(db, people, TODAY_10.replace(minute=50))
    with db.unit_of_work() as session:
        ap.cancel_appointment(
            session, cancelled.id, by=CancelledBy.PRACTITIONER, reason="Moved", now=NOW
        )
    book(db, people, TODAY_10.replace(minute=50), practitioner_id=other_practitioner)
    book(db, people, TODAY_10.replace(hour=11, minute=5))
    book(db, people, TODAY_10 + dt.timedelta(days=1))
    assert cascade(db, people[1], first.id, 30) == [("10:00", 30), ("11:05", 15)]
    refused(db, lateness.cascade, other_practitioner, first.id, 30, now=NOW)


# --------------------------------------------------------------------------
# Suggested slots
# --------------------------------------------------------------------------


def test_suggest_slots_skips_conflicts_and_weekends(db: Database, people: tuple[int, int]) -> None:
    friday = dt.datetime(2026, 11, 27, 14, 0)
    appointment = book(db, people, friday)
    book(db, people, dt.datetime(2026, 11, 30, 9, 0), 90)  # Monday morning taken
    with db.reading() as session:
        slots = lateness.suggest_slots(session, appointment.id, now=friday, count=5)
        many = lateness.suggest_slots(session, appointment.id, now=friday, count=20)
    monday = dt.date(2026, 11, 30)
    assert slots == [dt.datetime.combine(monday, dt.time(h, 30)) for h in (10, 11, 12, 13, 14)]
    assert all(slot.weekday() < 5 for slot in many)
    assert all(
        dt.time(9) <= slot.time() and (slot + dt.timedelta(minutes=50)).time() <= dt.time(17)
        for slot in many
    )
    assert many[5] == dt.datetime.combine(monday, dt.time(15, 30))
    assert many[6] == dt.datetime(2026, 12, 1, 9, 0)


# --------------------------------------------------------------------------
# Client lateness
# --------------------------------------------------------------------------


def arrive(db: Database, appointment_id: int, at: dt.datetime) -> lateness.ClientArrival:
    with db.unit_of_work() as session:
        return lateness.record_client_arrival(session, appointment_id, at)


def test_client_12_minutes_late_is_past_the_threshold(
    db: Database, people: tuple[int, int]
) -> None:
    appointment = book(db, people)
    arrival = arrive(db, appointment.id, TODAY_10 + dt.timedelta(minutes=12, seconds=40))
    assert arrival.minutes_late == 12 and arrival.past_threshold
    assert arrival.options == (
        ClientLateOption.SHORTEN,
        ClientLateOption.RESCHEDULE,
        ClientLateOption.PROCEED,
    )
    assert arrival.remaining_minutes == 37
    assert arrival.appointment.status is AppointmentStatus.ARRIVED
    with db.reading() as session:
        [notice] = lateness.list_notices(session, appointment.id)
    assert (notice.who_is_late, notice.expected_minutes) == (LatePerson.CLIENT, 12)


def test_client_options_follow_the_practice(db: Database, people: tuple[int, int]) -> None:
    with db.unit_of_work() as session:
        session.get(PracticeSettings, 1).client_late_options = "proceed,shorten"  # type: ignore[union-attr]
    appointment = book(db, people)
    arrival = arrive(db, appointment.id, TODAY_10 + dt.timedelta(minutes=20))
    assert arrival.options == (ClientLateOption.SHORTEN, ClientLateOption.PROCEED)


def test_client_slightly_late_or_early(db: Database, people: tuple[int, int]) -> None:
    late = book(db, people)
    early = book(db, people, TODAY_10.replace(hour=11))
    arrival = arrive(db, late.id, TODAY_10 + dt.timedelta(minutes=10))
    assert (arrival.minutes_late, arrival.past_threshold, arrival.options) == (10, False, ())
    arrival = arrive(db, early.id, TODAY_10.replace(hour=10, minute=55))
    assert (arrival.minutes_late, arrival.notice_id, arrival.remaining_minutes) == (0, None, 50)
    assert notice_count(db) == 1


def test_client_arrival_refused_leaves_nothing(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    with db.unit_of_work() as session:
        ap.cancel_appointment(
            session, appointment.id, by=CancelledBy.PRACTITIONER, reason="Ill", now=NOW
        )
    refused(db, lateness.record_client_arrival, appointment.id, TODAY_10)
    other = book(db, people, TODAY_10.replace(hour=12))
    for at in (TODAY_10.replace(hour=12, minute=50), TODAY_10 - dt.timedelta(days=1)):
        error = refused(db, lateness.record_client_arrival, other.id, at)
        assert error.for_field("arrived_at")
    with db.reading() as session:
        assert ap.get_appointment(session, other.id).status is AppointmentStatus.SCHEDULED


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("", "The message cannot be empty."),
        ("   ", "The message cannot be empty."),
        (
            "Hi {foo}",
            "Unknown placeholder {foo}: use {preferred_name}, {minutes}, {time}, "
            "{practitioner} or {reschedule}.",
        ),
        ("{x.__class__}", "Unknown placeholder {x.__class__}"),
        ("{preferred_name.__class__.__mro__}", "Unknown placeholder"),
        ("{minutes[0]}", "Unknown placeholder"),
        ("{}", "Unknown placeholder {}"),
        ("{0}", "Unknown placeholder {0}"),
        ("{minutes!r}", "Write the placeholder as {minutes}"),
        ("{minutes:>{time}}", "Write the placeholder as {minutes}"),
        ("Hello {preferred_name", "does not belong to a placeholder"),
        ("Hello preferred_name}", "does not belong to a placeholder"),
    ],
)
def test_template_validation(template: str, expected: str) -> None:
    [error] = lateness.validate_template(template)
    assert error.field == "late_notice_template"
    assert error.message.startswith(expected) or expected in error.message


def test_literal_braces_are_fine(db: Database, people: tuple[int, int]) -> None:
    template = "Hi {preferred_name} {{not a field}} {minutes} {reschedule}"
    assert lateness.validate_template(template) == []
    with db.unit_of_work() as session:
        lateness.update_templates(
            session, late_notice_template=template, reschedule_sentence=SENTENCE
        )
    appointment = book(db, people)
    assert draft(db, appointment.id, 3).text == "Hi Zoë {not a field} 3"


def test_bad_templates_are_not_stored(db: Database) -> None:
    for template, sentence in (("{x.__class__}", SENTENCE), ("", SENTENCE), ("Hi {minutes}", "")):
        with pytest.raises(ValidationError), db.unit_of_work() as session:
            lateness.update_templates(
                session, late_notice_template=template, reschedule_sentence=sentence
            )
    with db.reading() as session:
        row = session.get(PracticeSettings, 1)
        assert row is not None
        assert row.late_notice_template == DEFAULT_LATE_NOTICE_TEMPLATE
        assert row.reschedule_sentence == DEFAULT_RESCHEDULE_SENTENCE


def test_multiline_template_gets_the_sentence_on_its_own_paragraph(
    db: Database, people: tuple[int, int]
) -> None:
    with db.unit_of_work() as session:
        lateness.update_templates(
            session,
            late_notice_template="Hello {preferred_name},\n\nSorry, {minutes} minutes late.",
            reschedule_sentence=SENTENCE,
        )
    appointment = book(db, people)
    assert draft(db, appointment.id, 25).text == (
        f"Hello Zoë,\n\nSorry, 25 minutes late.\n\n{SENTENCE}"
    )


# --------------------------------------------------------------------------
# History
# --------------------------------------------------------------------------


def test_stats_count_both_sides_and_offers(db: Database, people: tuple[int, int]) -> None:
    other_client = add_client(db, "Bea Other")
    first = book(db, people, TODAY_10)
    second = book(db, people, TODAY_10.replace(hour=11))
    third = book(db, people, TODAY_10.replace(hour=12), client_id=other_client)
    record(db, first.id, 15, draft(db, first.id, 15).text)
    record(db, first.id, 25, draft(db, first.id, 25).text)  # an update: one event, 25 minutes
    record(db, second.id, 5, "Sorry, five minutes.", offered=False)
    arrive(db, third.id, TODAY_10.replace(hour=12, minute=12))
    with db.reading() as session:
        stats = lateness.lateness_stats(session)
        for_zoe = lateness.lateness_stats(session, client_id=people[0])
        morning = lateness.lateness_stats(session, start=TODAY_10, end=TODAY_10.replace(hour=11))
    assert (stats.practitioner_events, stats.practitioner_average_minutes) == (2, 15.0)
    assert (stats.client_events, stats.client_average_minutes) == (1, 12.0)
    assert (stats.offers_required, stats.offers_made, stats.offer_rate) == (2, 2, 1.0)
    assert (for_zoe.client_events, for_zoe.practitioner_events) == (0, 2)
    assert (morning.practitioner_events, morning.practitioner_average_minutes) == (1, 25.0)
    # Your clients only (Bea is a colleague's), or the whole practice.
    from clientcare.scope import WHOLE_PRACTICE, Scope

    colleague = add_practitioner(db, "Bo Colleague")
    with db.unit_of_work() as session:
        session.get(Client, other_client).primary_practitioner_id = colleague  # type: ignore[union-attr]
        session.get(Client, people[0]).primary_practitioner_id = people[1]  # type: ignore[union-attr]
    with db.reading() as session:
        yours = lateness.lateness_stats(session, scope=Scope(people[1]))
        theirs = lateness.lateness_stats(session, scope=Scope(colleague))
        everyone = lateness.lateness_stats(session, scope=WHOLE_PRACTICE)
    assert (yours.practitioner_events, yours.client_events) == (2, 0)
    assert (theirs.practitioner_events, theirs.client_events) == (0, 1)
    assert everyone == stats


def test_stats_when_nothing_happened(db: Database) -> None:
    with db.reading() as session:
        stats = lateness.lateness_stats(session)
    assert stats == lateness.LatenessStats(0, 0.0, 0, 0.0, 0, 0)
    assert stats.offer_rate == 1.0


def test_a_broken_stored_template_falls_back_to_the_default(
    db: Database, people: tuple[int, int]
) -> None:
    with db.unit_of_work() as session:
        session.get(PracticeSettings, 1).late_notice_template = "{x.__class__}"  # type: ignore[union-attr]
    appointment = book(db, people)
    assert draft(db, appointment.id, 5).text.startswith("Hello Zoë, I am so sorry")


def test_suggested_slots_never_offer_the_appointments_own_time(
    db: Database, people: tuple[int, int]
) -> None:
    tomorrow_9 = NOW + dt.timedelta(days=1)  # Tuesday 09:00, the start of the working day
    booked = book(db, people, tomorrow_9)
    with db.reading() as session:
        slots = lateness.suggest_slots(session, booked.id, now=NOW, count=3)
    assert tomorrow_9 not in slots
    assert all(
        slot >= booked.end or slot + dt.timedelta(minutes=50) <= booked.start for slot in slots
    )
    assert slots[0] == tomorrow_9 + dt.timedelta(minutes=60)  # the next 15-minute step after it


# --------------------------------------------------------------------------
# The late client's choice and circumstances
# --------------------------------------------------------------------------


def choose_for_client(
    db: Database, notice_id: int, option: object, note: str = ""
) -> lateness.NoticeRow:
    with db.unit_of_work() as session:
        return lateness.record_client_choice(session, notice_id, option, note=note, now=NOW)  # type: ignore[arg-type]


def stored_notice(db: Database, notice_id: int) -> tuple[LatenessOutcome, str]:
    with db.reading() as session:
        notice = session.get(LatenessNotice, notice_id)
        assert notice is not None
        return notice.outcome, notice.note


def test_client_choice_and_note_are_stored_on_the_notice(
    db: Database, people: tuple[int, int]
) -> None:
    appointment = book(db, people)
    arrival = arrive(db, appointment.id, TODAY_10 + dt.timedelta(minutes=14))
    assert arrival.notice_id is not None
    row = choose_for_client(
        db, arrival.notice_id, ClientLateOption.SHORTEN, "  Bus was cancelled; Zoë ran.  "
    )
    assert (row.outcome, row.note) == (OUTCOME.SHORTEN, "Bus was cancelled; Zoë ran.")
    assert stored_notice(db, arrival.notice_id) == (OUTCOME.SHORTEN, "Bus was cancelled; Zoë ran.")
    with db.reading() as session:
        assert ap.get_appointment(session, appointment.id).notes == ""  # notes untouched


def test_client_choice_without_a_note(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    arrival = arrive(db, appointment.id, TODAY_10 + dt.timedelta(minutes=20))
    assert arrival.notice_id is not None
    choose_for_client(db, arrival.notice_id, ClientLateOption.PROCEED)
    assert stored_notice(db, arrival.notice_id) == (OUTCOME.PROCEED, "")


def test_client_choice_the_practice_does_not_offer_is_refused(
    db: Database, people: tuple[int, int]
) -> None:
    with db.unit_of_work() as session:
        session.get(PracticeSettings, 1).client_late_options = "shorten,reschedule"  # type: ignore[union-attr]
    appointment = book(db, people)
    arrival = arrive(db, appointment.id, TODAY_10 + dt.timedelta(minutes=20))
    assert arrival.notice_id is not None
    for option in (ClientLateOption.PROCEED, "wait", "nonsense"):
        error = refused(
            db, lateness.record_client_choice, arrival.notice_id, option, note="x", now=NOW
        )
        assert [e.field for e in error.errors] == ["option"]
        assert "keep the end time" in error.errors[0].message
    assert stored_notice(db, arrival.notice_id) == (OUTCOME.PENDING, "")


def test_client_note_is_checked_like_any_text(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    arrival = arrive(db, appointment.id, TODAY_10 + dt.timedelta(minutes=20))
    assert arrival.notice_id is not None
    error = refused(
        db,
        lateness.record_client_choice,
        arrival.notice_id,
        ClientLateOption.SHORTEN,
        note="x" * (lateness.MAX_CLIENT_NOTE + 1),
        now=NOW,
    )
    assert [e.field for e in error.errors] == ["note"]
    assert stored_notice(db, arrival.notice_id) == (OUTCOME.PENDING, "")


def test_client_choice_only_for_a_client_notice(db: Database, people: tuple[int, int]) -> None:
    appointment = book(db, people)
    notice = record(db, appointment.id, 5, "Sorry, five minutes.", offered=False)
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        lateness.record_client_choice(session, notice.id, ClientLateOption.SHORTEN, now=NOW)
    with pytest.raises(NotFoundError), db.unit_of_work() as session:
        lateness.record_client_choice(session, 9999, ClientLateOption.SHORTEN, now=NOW)


def test_stats_count_client_choices(db: Database, people: tuple[int, int]) -> None:
    starts = [TODAY_10.replace(hour=hour) for hour in (9, 11, 13, 15)]
    ids = [book(db, people, start).id for start in starts]
    choices = (ClientLateOption.SHORTEN, ClientLateOption.SHORTEN, ClientLateOption.PROCEED)
    for appointment_id, start, option in zip(ids, starts, choices, strict=False):
        arrival = arrive(db, appointment_id, start + dt.timedelta(minutes=15))
        assert arrival.notice_id is not None
        choose_for_client(db, arrival.notice_id, option)
    arrive(db, ids[3], starts[3] + dt.timedelta(minutes=15))  # no choice yet
    with db.reading() as session:
        stats = lateness.lateness_stats(session)
    assert stats.client_events == 4
    assert stats.client_choices == {"shorten": 2, "proceed": 1}


def test_required_is_fixed_by_the_threshold_of_the_day(
    db: Database, people: tuple[int, int]
) -> None:
    set_threshold(db, 10)
    appointment = book(db, people)
    record(db, appointment.id, 15, draft(db, appointment.id, 15).text)
    set_threshold(db, 20)  # 15 minutes would no longer need the offer, but it did then
    with db.reading() as session:
        stats = lateness.lateness_stats(session)
        [notice] = session.scalars(select(LatenessNotice)).all()
        assert notice.reschedule_required is True
    assert (stats.offers_required, stats.offers_made) == (1, 1)


def test_older_notices_fall_back_to_the_current_threshold(
    db: Database, people: tuple[int, int]
) -> None:
    appointment = book(db, people)
    record(db, appointment.id, 15, draft(db, appointment.id, 15).text)
    with db.unit_of_work() as session:  # as a row from before schema 0005 looks
        session.scalars(select(LatenessNotice)).one().reschedule_required = None
    set_threshold(db, 20)
    with db.reading() as session:
        assert lateness.lateness_stats(session).offers_required == 0
    set_threshold(db, 10)
    with db.reading() as session:
        assert lateness.lateness_stats(session).offers_required == 1


def test_a_client_who_waited_for_a_late_practitioner_is_not_late(
    db: Database, people: tuple[int, int]
) -> None:
    """Lateness is counted from when the session could begin: the practitioner said 12
    minutes late, so a client there at 10:12 is on time, and at 10:20 eight minutes late."""
    appointment = book(db, people)
    with db.unit_of_work() as session:
        session.add(
            LatenessNotice(
                appointment_id=appointment.id,
                who_is_late=LatePerson.PRACTITIONER,
                expected_minutes=12,
            )
        )
    arrival = arrive(db, appointment.id, TODAY_10 + dt.timedelta(minutes=12))
    assert arrival.minutes_late == 0 and not arrival.past_threshold
    assert arrival.notice_id is None  # nothing counted against the client
    other = book(db, people, TODAY_10 + dt.timedelta(hours=2))
    with db.unit_of_work() as session:
        session.add(
            LatenessNotice(
                appointment_id=other.id, who_is_late=LatePerson.PRACTITIONER, expected_minutes=12
            )
        )
    later = arrive(db, other.id, TODAY_10 + dt.timedelta(hours=2, minutes=20))
    assert later.minutes_late == 8 and not later.past_threshold
