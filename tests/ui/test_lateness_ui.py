"""Lateness in the UI: a client arriving, the Messages tab, and the history figures."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import appointments, clients, lateness
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    DEFAULT_LATE_NOTICE_TEMPLATE,
    Appointment,
    AppointmentStatus,
    ClientStatus,
    ContactChannel,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
    PracticeSettings,
    Practitioner,
)
from tests.ui.conftest import open_client_tab
from ui.dialogs.appointment import AppointmentDialog
from ui.dialogs.arrival import ArrivalDialog
from ui.ops import Operations
from ui.screens.clients import ClientsScreen
from ui.screens.reports import ReportsScreen
from ui.screens.settings import SettingsScreen

TODAY = dt.date.today()
# Next week's Tuesday, so every appointment is in the future whatever day the tests run.
TUESDAY = TODAY + dt.timedelta(days=7 - TODAY.weekday() + 1)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(TUESDAY, dt.time(hour, minute))


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr. Ada Example", is_current_user=True)
        session.add(ada)
        session.flush()
        bob = clients.create_client(
            session,
            ClientInput(
                full_name="Robert Sample", preferred_name="Bobby", status=ClientStatus.ACTIVE
            ),
            region="GB",
            today=TODAY,
        )
    return {"ada": ada.id, "bob": bob.id}


def book(db: Database, people: dict[str, int], start: dt.datetime) -> int:
    with db.unit_of_work() as session:
        return appointments.create_appointment(
            session,
            AppointmentInput(people["bob"], people["ada"], start, 50, notes="Bring the forms."),
            now=dt.datetime.now(),
        ).id


def arrive_through_the_dialog(qtbot: QtBot, ops: Operations, appointment_id: int, handle):  # type: ignore[no-untyped-def]
    """Open the appointment, click Arrived, and let ``handle`` drive the arrival dialog."""
    dialog = AppointmentDialog(ops, appointment_id=appointment_id)
    qtbot.addWidget(dialog)
    seen: list[ArrivalDialog] = []

    def run(arrival: ArrivalDialog) -> None:
        qtbot.addWidget(arrival)
        arrival.show()
        seen.append(arrival)
        handle(arrival)

    dialog.run_arrival_dialog = run  # type: ignore[method-assign]
    dialog.show()
    qtbot.mouseClick(dialog.arrived_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    return dialog, seen[0]


def test_arriving_14_minutes_late_offers_the_options_and_stores_the_arrival(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    appointment_id = book(db, people, at(10))

    def handle(arrival: ArrivalDialog) -> None:
        assert not arrival.options_panel.isVisible()
        arrival.arrived_at.setTime(QTime(10, 14))
        qtbot.mouseClick(arrival.record_button, Qt.MouseButton.LeftButton)
        assert arrival.options_panel.isVisible()
        assert arrival.late_message.text() == (
            "Bobby arrived 14 minutes after the start. That happens; choose what suits you both:"
        )
        shown = [button.text() for button in arrival.option_buttons.values()]
        assert shown == [
            "Keep the end time: 36 minutes together, until 10:50",
            "Find another time that works better",
            "Go ahead as booked: the full 50 minutes",
        ]
        # Saving without a choice asks for one, kindly, and stores nothing more.
        qtbot.mouseClick(arrival.save_choice_button, Qt.MouseButton.LeftButton)
        assert arrival.option_error.isVisible()
        assert arrival.isVisible()
        arrival.option_buttons[lateness.ClientLateOption.SHORTEN].click()
        typist(arrival.note, "Bus was cancelled.")
        qtbot.mouseClick(arrival.save_choice_button, Qt.MouseButton.LeftButton)
        assert not arrival.isVisible()

    dialog, arrival = arrive_through_the_dialog(qtbot, ops, appointment_id, handle)
    assert arrival.chosen is lateness.ClientLateOption.SHORTEN
    assert arrival.choice_saved
    with db.reading() as session:
        stored = session.get(Appointment, appointment_id)
        assert stored is not None
        assert stored.status is AppointmentStatus.ARRIVED
        assert stored.client_arrived_at == at(10, 14)
        # The choice and the circumstances live on the notice, not in the appointment notes.
        assert stored.notes == "Bring the forms."
        notices = session.scalars(select(LatenessNotice)).all()
        assert [(n.who_is_late, n.expected_minutes, n.outcome, n.note) for n in notices] == [
            (LatePerson.CLIENT, 14, LatenessOutcome.SHORTEN, "Bus was cancelled.")
        ]
    assert dialog.status_label.text() == "Status: Arrived"
    assert not dialog.arrived_button.isEnabled()
    assert dialog.notes.toPlainText() == "Bring the forms."


def test_arriving_on_time_just_records_it(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    appointment_id = book(db, people, at(10))

    def handle(arrival: ArrivalDialog) -> None:
        arrival.arrived_at.setTime(QTime(9, 58))
        qtbot.mouseClick(arrival.record_button, Qt.MouseButton.LeftButton)
        assert not arrival.options_panel.isVisible()
        assert not arrival.isVisible()

    _dialog, arrival = arrive_through_the_dialog(qtbot, ops, appointment_id, handle)
    assert arrival.arrival is not None and arrival.arrival.minutes_late == 0
    assert arrival.option_buttons == {}
    with db.reading() as session:
        stored = session.get(Appointment, appointment_id)
        assert stored is not None and stored.status is AppointmentStatus.ARRIVED
        assert stored.client_arrived_at == at(9, 58)
        assert stored.notes == "Bring the forms."
        assert session.scalars(select(LatenessNotice)).all() == []


def test_an_impossible_arrival_time_shows_under_the_field(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    appointment_id = book(db, people, at(10))

    def handle(arrival: ArrivalDialog) -> None:
        arrival.arrived_at.setTime(QTime(11, 30))
        qtbot.mouseClick(arrival.record_button, Qt.MouseButton.LeftButton)
        error = arrival.findChild(QLabel, "arrived_at_error")
        assert error is not None and error.isVisible()
        assert "before the appointment ends" in error.text()
        arrival.reject()

    arrive_through_the_dialog(qtbot, ops, appointment_id, handle)
    with db.reading() as session:
        stored = session.get(Appointment, appointment_id)
        assert stored is not None and stored.status is AppointmentStatus.SCHEDULED


def settings_screen(qtbot: QtBot, ops: Operations) -> SettingsScreen:
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1100, 760)
    screen.show()
    screen.tabs.setCurrentWidget(screen.messages)
    return screen


def stored_template(db: Database) -> str:
    with db.reading() as session:
        row = session.get(PracticeSettings, 1)
        assert row is not None
        return row.late_notice_template


def test_messages_tab_refuses_an_unknown_placeholder(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    screen = settings_screen(qtbot, ops)
    tab = screen.messages
    before = stored_template(db)
    placeholders = tab.placeholders.text()
    for name in lateness.PLACEHOLDERS:
        assert f"{{{name}}}" in placeholders
    tab.template.selectAll()
    typist(tab.template, "Hi {first_name}, I am running {minutes} minutes late.")
    assert tab.preview.text().startswith("(No preview: Unknown placeholder {first_name}")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    error = tab.findChild(QLabel, "late_notice_template_error")
    assert error is not None and error.isVisible()
    assert error.text().startswith("⚠ Unknown placeholder {first_name}: use {preferred_name}")
    assert tab.status.text() == ""
    assert stored_template(db) == before


def test_messages_tab_previews_and_saves_a_valid_template(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    screen = settings_screen(qtbot, ops)
    tab = screen.messages
    assert tab.template.toPlainText() == DEFAULT_LATE_NOTICE_TEMPLATE
    tab.template.selectAll()
    typist(tab.template, "Hi {preferred_name}, {practitioner} is {minutes} min late for {time}.")
    tab.reschedule.selectAll()
    typist(tab.reschedule, "Happy to find another time if that suits you better.")
    assert tab.preview.text() == (
        "Hi Alex, Dr. Ada Example is 15 min late for 10:00. "
        "Happy to find another time if that suits you better."
    )
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "✓ Saved."
    assert stored_template(db) == (
        "Hi {preferred_name}, {practitioner} is {minutes} min late for {time}."
    )
    with db.reading() as session:
        row = session.get(PracticeSettings, 1)
        assert row is not None
        assert row.reschedule_sentence == "Happy to find another time if that suits you better."


def test_messages_tab_sets_what_a_late_client_is_offered(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    screen = settings_screen(qtbot, ops)
    tab = screen.messages
    boxes = tab.client_options
    assert all(box.isChecked() for box in boxes.values())  # all three by default
    for box in boxes.values():
        box.setChecked(False)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    error = tab.findChild(QLabel, "client_late_options_error")
    assert error is not None and error.isVisible() and "at least one" in error.text()
    boxes[lateness.ClientLateOption.PROCEED].setChecked(True)
    boxes[lateness.ClientLateOption.SHORTEN].setChecked(True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "✓ Saved."
    with db.reading() as session:
        assert lateness.client_late_options(session) == (
            lateness.ClientLateOption.SHORTEN,
            lateness.ClientLateOption.PROCEED,
        )


def seed_lateness(db: Database, people: dict[str, int]) -> None:
    """Ada late 16 (offer made) and 8 minutes; Bobby late 5, 9 and 7 minutes (counted from
    when the session could begin: after the delay Ada announced)."""
    ids = [book(db, people, at(hour)) for hour in (9, 11, 14)]
    now = dt.datetime.now()
    with db.unit_of_work() as session:
        for appointment_id, minutes in ((ids[0], 16), (ids[1], 8)):
            draft = lateness.draft_notice(session, appointment_id, minutes, now=now)
            lateness.record_notice(
                session,
                appointment_id,
                minutes,
                draft.text,
                ContactChannel.SMS,
                now=now,
                reschedule_offered=draft.reschedule_offered,
            )
        for appointment_id, hour, minutes in (
            (ids[0], 9, 16 + 5),
            (ids[1], 11, 8 + 9),
            (ids[2], 14, 7),
        ):
            lateness.record_client_arrival(session, appointment_id, at(hour, minutes))


def test_client_page_shows_lateness_both_ways(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    seed_lateness(db, people)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    assert screen.select_client(people["bob"])
    open_client_tab(qtbot, screen.form, "appointments")
    assert screen.form.lateness_summary.text() == (
        "Lateness: you were late 2× (avg 12 min, rescheduling offered 1 of 1 times it was "
        "required); the client arrived late 3× (avg 7 min)"
    )
    assert screen.form.lateness_chart.texts() == [
        "You",
        "late 2× · avg 12 min",
        "The client",
        "late 3× · avg 7 min",
        "Rescheduling offered when required: 100 % (1 of 1)",
    ]


def test_reports_show_running_late_for_the_period(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    seed_lateness(db, people)
    screen = ReportsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    assert "Practitioners did not run late." in screen.lateness_summary.text()
    assert screen.lateness_chart.texts() == ["No lateness recorded."]
    screen.last.setDate(screen.last.date().addDays(14))  # the period now holds next Tuesday
    assert screen.lateness_summary.text().splitlines() == [
        "Practitioners ran late 2× (avg 12 min).",
        "Clients arrived late 3× (avg 7 min).",
        "Rescheduling offered when required: 100 % (1 of 1)",
    ]
    assert screen.lateness_chart.texts() == [
        "Practitioners",
        "late 2× · avg 12 min",
        "Clients",
        "late 3× · avg 7 min",
        "Rescheduling offered when required: 100 % (1 of 1)",
    ]
