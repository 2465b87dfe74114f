"""Two practitioners, one record: a stale save says who changed it, keeps the typing, reloads.

"The other practitioner" saves through the domain in a unit of work of its own (what a
second ClientCare on the shared server does) while the dialog here is open; then the
dialog is driven as a person would: type, Save, read the message, Reload, Save again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from clientcare import appointments, audit, clients, money
from clientcare import settings as practice_settings
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    Charge,
    ChargeStatus,
    ClientStatus,
    Practitioner,
)
from ui import ops as ops_module
from ui.dialogs.appointment import AppointmentDialog
from ui.dialogs.money import WaiveDialog
from ui.ops import EVERYTHING, Changes, Operations
from ui.screens.calendar import CalendarScreen
from ui.screens.today import TodayScreen

TODAY = dt.date.today()
# Next week's Tuesday, so the slot is in the future whatever day the tests run.
TUESDAY = TODAY + dt.timedelta(days=7 - TODAY.weekday() + 1)
SLOT = dt.datetime.combine(TUESDAY, dt.time(10))
GERMAN_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr. Ada Example", is_current_user=True)
        session.add(ada)
        session.flush()
        zoe = clients.create_client(
            session,
            ClientInput(full_name="Zoë Ñúñez", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        )
        return {"ada": ada.id, "zoe": zoe.id}


def book(db: Database, people: dict[str, int], start: dt.datetime = SLOT) -> int:
    with db.unit_of_work() as session:
        return appointments.create_appointment(
            session, AppointmentInput(people["zoe"], people["ada"], start, 50), now=start
        ).id


def as_sam(monkeypatch: pytest.MonkeyPatch) -> None:
    """What follows is saved at Sam Lee's computer (the audit log names Sam; undo() ends it)."""
    monkeypatch.setattr(audit, "current_actor", lambda: "sam")
    monkeypatch.setattr(audit, "current_practitioner", lambda session: "Sam Lee")


def other_practitioner_moves_it_to_room_2(
    db: Database, appointment_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sam Lee, at another computer, saves a change to the appointment."""
    as_sam(monkeypatch)
    with db.unit_of_work() as session:
        current = appointments.get_appointment(session, appointment_id)
        appointments.update_appointment(
            session,
            appointment_id,
            AppointmentInput(
                current.client_id,
                current.practitioner_id,
                current.start,
                current.duration_minutes,
                location="Room 2",
            ),
            now=current.start,
            expected_version=current.version,
        )
    monkeypatch.undo()


def stored(db: Database, appointment_id: int) -> Appointment:
    with db.reading() as session:
        appointment = session.get(Appointment, appointment_id)
        assert appointment is not None
        session.expunge(appointment)
        return appointment


def open_dialog(qtbot: QtBot, ops: Operations, appointment_id: int) -> AppointmentDialog:
    dialog = AppointmentDialog(ops, appointment_id=appointment_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --------------------------------------------------------------------------
# The appointment dialog
# --------------------------------------------------------------------------


def test_a_stale_appointment_save_says_who_keeps_the_typing_and_reloads(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    people: dict[str, int],
    typist,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    appointment_id = book(db, people)
    dialog = open_dialog(qtbot, ops, appointment_id)
    other_practitioner_moves_it_to_room_2(db, appointment_id, monkeypatch)

    typist(dialog.location, "Room 5")
    typist(dialog.notes, "Bring the GP letter")
    click(qtbot, dialog.save_button)

    message = dialog.form_error.text()
    assert dialog.form_error.isVisible()
    assert "Changed by Sam Lee at " in message and "since you opened it" in message
    assert dialog.reload_button.isVisible()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.location.text() == "Room 5"  # nothing typed is lost
    assert dialog.notes.toPlainText() == "Bring the GP letter"
    kept = stored(db, appointment_id)
    assert (kept.location, kept.notes) == ("Room 2", "")  # Sam's change stands

    click(qtbot, dialog.reload_button)

    assert dialog.location.text() == "Room 2"
    assert dialog.notes.toPlainText() == ""
    assert not dialog.form_error.isVisible() and not dialog.reload_button.isVisible()
    typist(dialog.notes, "Bring the GP letter")
    click(qtbot, dialog.save_button)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = stored(db, appointment_id)
    assert (saved.location, saved.notes) == ("Room 2", "Bring the GP letter")


def test_cancelling_from_a_stale_dialog_is_refused_until_reloaded(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    people: dict[str, int],
    typist,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    appointment_id = book(db, people)
    dialog = open_dialog(qtbot, ops, appointment_id)
    other_practitioner_moves_it_to_room_2(db, appointment_id, monkeypatch)
    asked: list[QDialog] = []

    def answer(cancel_dialog) -> bool:  # type: ignore[no-untyped-def]
        asked.append(cancel_dialog)
        cancel_dialog.by_practitioner.setChecked(True)
        typist(cancel_dialog.reason, "Unwell")
        return True

    dialog.run_cancel_dialog = answer  # type: ignore[method-assign]
    click(qtbot, dialog.cancel_appointment_button)

    assert len(asked) == 1  # not asked again: the cancel dialog cannot fix a stale view
    assert "since you opened it" in dialog.form_error.text()
    assert dialog.reload_button.isVisible() and dialog.isVisible()
    assert stored(db, appointment_id).status is AppointmentStatus.SCHEDULED

    click(qtbot, dialog.reload_button)
    assert dialog.location.text() == "Room 2"
    click(qtbot, dialog.cancel_appointment_button)

    assert dialog.result() == QDialog.DialogCode.Accepted
    cancelled = stored(db, appointment_id)
    assert (cancelled.status, cancelled.cancel_reason) == (AppointmentStatus.CANCELLED, "Unwell")


def test_marking_completed_from_a_stale_dialog_is_refused_until_reloaded(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    earlier = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(10))
    appointment_id = book(db, people, earlier)
    dialog = open_dialog(qtbot, ops, appointment_id)
    other_practitioner_moves_it_to_room_2(db, appointment_id, monkeypatch)

    click(qtbot, dialog.completed_button)

    assert "Changed by Sam Lee" in dialog.form_error.text()
    assert stored(db, appointment_id).status is AppointmentStatus.SCHEDULED
    click(qtbot, dialog.reload_button)
    click(qtbot, dialog.completed_button)
    assert stored(db, appointment_id).status is AppointmentStatus.COMPLETED
    assert "Completed" in dialog.status_label.text()


def test_the_cancel_question_gives_the_day_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    with db.unit_of_work() as session:
        current = practice_settings.get_practice(session)
        practice_settings.update_practice(session, dataclasses.replace(current, locale="de_DE"))
    appointment_id = book(db, people)
    dialog = open_dialog(qtbot, ops, appointment_id)
    cancel_dialog = dialog.make_cancel_dialog()
    qtbot.addWidget(cancel_dialog)

    question = next(
        label.text()
        for label in cancel_dialog.findChildren(QLabel)
        if label.text().startswith("Cancel ")
    )
    month = GERMAN_MONTHS[SLOT.month - 1]
    assert question == f"Cancel Zoë's appointment on Dienstag, {SLOT.day}. {month} at 10:00?"


def test_an_arrival_over_someone_elses_change_says_who_then_records_once_confirmed(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QTime

    from ui.dialogs.arrival import ArrivalDialog

    appointment_id = book(db, people)
    with db.reading() as session:
        shown = appointments.get_appointment(session, appointment_id)
    arrival = ArrivalDialog(ops, shown, now=SLOT)
    qtbot.addWidget(arrival)
    arrival.show()
    other_practitioner_moves_it_to_room_2(db, appointment_id, monkeypatch)
    arrival.arrived_at.setTime(QTime(10, 3))
    click(qtbot, arrival.record_button)
    assert "since you opened it" in arrival.time_field.error.text()
    assert "Sam Lee" in arrival.time_field.error.text()
    assert stored(db, appointment_id).status is AppointmentStatus.SCHEDULED
    click(qtbot, arrival.record_button)  # read again: now it acts on what is stored
    after = stored(db, appointment_id)
    assert after.status is AppointmentStatus.ARRIVED
    assert after.location == "Room 2"  # Sam's change kept


def test_a_drag_over_someone_elses_newer_save_is_refused_and_the_calendar_refreshed(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    appointment_id = book(db, people)
    screen = CalendarScreen(ops)
    qtbot.addWidget(screen)
    screen.anchor = TUESDAY
    screen.refresh()
    other_practitioner_moves_it_to_room_2(db, appointment_id, monkeypatch)
    errors: list[str] = []
    screen.ask = lambda title, text: True  # type: ignore[method-assign]
    screen.show_error = lambda title, text: errors.append(text)  # type: ignore[method-assign]

    screen.move_block(appointment_id, SLOT + dt.timedelta(hours=4))

    assert len(errors) == 1 and "since you opened it" in errors[0]
    assert stored(db, appointment_id).start == SLOT
    assert screen.details[appointment_id].location == "Room 2"  # the view was refreshed


# --------------------------------------------------------------------------
# Waiving a charge
# --------------------------------------------------------------------------


@pytest.fixture
def charge_id(db: Database, people: dict[str, int]) -> int:
    with db.unit_of_work() as session:
        return money.add_charge(
            session,
            people["zoe"],
            description="Individual session",
            amount="60.00",
            charged_on=TODAY,
        ).id


def test_a_waiver_over_someone_elses_waiver_says_who_and_reload_shows_theirs(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    charge_id: int,
    typist,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = WaiveDialog(ops, charge_id, "Individual session")
    qtbot.addWidget(dialog)
    dialog.show()
    as_sam(monkeypatch)
    with db.unit_of_work() as session:
        money.waive_charge(session, charge_id, "Bereavement", expected_version=1)
    monkeypatch.undo()

    typist(dialog.reason, "Hardship, agreed today")
    click(qtbot, dialog.save_button)

    message = dialog.form_error.text()
    assert "Changed by Sam Lee at " in message and "since you opened it" in message
    assert dialog.isVisible() and dialog.reload_button.isVisible()
    assert dialog.reason.text() == "Hardship, agreed today"
    with db.reading() as session:
        charge = session.get(Charge, charge_id)
        assert charge is not None
        assert (charge.status, charge.waived_reason) == (ChargeStatus.WAIVED, "Bereavement")

    click(qtbot, dialog.reload_button)

    assert "already waived" in dialog.intro.text()
    assert dialog.reason.text() == "Bereavement" and dialog.reason.isReadOnly()
    assert not dialog.save_button.isVisible()
    assert not dialog.form_error.isVisible()


def test_a_waiver_after_another_change_saves_once_reloaded(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    charge_id: int,
    typist,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = WaiveDialog(ops, charge_id, "Individual session")
    qtbot.addWidget(dialog)
    dialog.show()
    # Another ClientCare corrects the description (any save counts the version up).
    as_sam(monkeypatch)
    with db.unit_of_work() as session:
        charge = session.get(Charge, charge_id)
        assert charge is not None
        charge.description = "Individual session (50 min)"
        session.flush()
        audit.record(session, audit.AuditAction.UPDATE, "charge", charge_id, ("description",))
    monkeypatch.undo()

    typist(dialog.reason, "Hardship")
    click(qtbot, dialog.save_button)
    assert "since you opened it" in dialog.form_error.text()
    with db.reading() as session:
        assert money.get_charge(session, charge_id).status == ChargeStatus.DUE

    click(qtbot, dialog.reload_button)
    assert "Individual session (50 min)" in dialog.intro.text()
    click(qtbot, dialog.save_button)

    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.reading() as session:
        waived = money.get_charge(session, charge_id)
    assert (waived.status, waived.waived_reason) == (ChargeStatus.WAIVED, "Hardship")


# --------------------------------------------------------------------------
# The server stops answering while a screen refreshes on its own
# --------------------------------------------------------------------------


@pytest.mark.qt_no_exception_capture  # as in the app: an escaped exception reaches stderr
def test_a_refresh_during_an_outage_is_a_message_not_a_traceback_and_recovers(
    qtbot: QtBot,
    db: Database,
    people: dict[str, int],
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ops_module, "CHANGE_POLL_OFFLINE_MS", 50)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    ops = Operations(db)  # made here, so its hook wraps the one in place now
    problems: list[str] = []
    changes: list[Changes] = []
    ops.connection_problem.connect(problems.append)
    ops.changed.connect(changes.append)
    screen = TodayScreen(ops)
    qtbot.addWidget(screen)
    screen.show()

    down = True
    real_reading, real_changed = db.reading, db.changed_elsewhere

    def server_gone(*_args: object) -> None:
        raise OperationalError(
            "SELECT 1", {}, Exception("server closed the connection"), connection_invalidated=True
        )

    def reading():  # type: ignore[no-untyped-def]
        if down:
            server_gone()
        return real_reading()

    def changed_elsewhere() -> bool:
        if down:
            server_gone()
        return real_changed()

    monkeypatch.setattr(db, "reading", reading)
    monkeypatch.setattr(db, "changed_elsewhere", changed_elsewhere)
    capfd.readouterr()

    screen.timer.timeout.emit()  # the minute tick refreshes the screen
    qtbot.wait(120)  # a retry or two, still failing

    assert "Traceback" not in capfd.readouterr().err
    assert ops.offline
    assert problems and "not answering" in problems[0]
    assert changes == []

    later = dt.datetime.now().replace(second=0, microsecond=0) + dt.timedelta(minutes=5)
    if later.date() == TODAY:
        book(db, people, later)  # written meanwhile by another ClientCare
    down = False
    qtbot.waitUntil(lambda: not ops.offline, timeout=3000)

    assert problems[-1] == ""  # the message goes away
    assert changes and changes[-1] == EVERYTHING  # every screen reads again
    if later.date() == TODAY:
        assert screen.model.rowCount() == 1
    assert not ops.watching  # a file: no more asking once it answers
    assert "Traceback" not in capfd.readouterr().err
