"""Booking that flows (issue 21): the client field first, the usual service, a free time
proposed (never over the session in progress), and Esc never throws a form away unasked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientcare import appointments, clients, money
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, Practitioner
from clientcare.money import ServiceInput
from ui.dialogs.appointment import AppointmentDialog
from ui.ops import Operations
from ui.widgets.dates import from_qdatetime


def _practice(db: Database) -> dict[str, int]:
    now = dt.datetime.now().replace(second=0, microsecond=0)
    with db.unit_of_work() as session:
        me = Practitioner(full_name="Sam Example", is_current_user=True)
        session.add(me)
        session.flush()
        client = clients.create_client(
            session,
            ClientInput(full_name="Kate Sample", status=ClientStatus.ACTIVE),
            region="GB",
            today=now.date(),
        ).id
        money.save_service(session, ServiceInput("Assessment", "90.00", 80))
        usual = money.save_service(session, ServiceInput("Session", "70.00", 50)).id
        # The session in progress, with the usual service.
        in_progress = appointments.create_appointment(
            session,
            AppointmentInput(client, me.id, now - dt.timedelta(minutes=10), 50, service_id=usual),
            now=now - dt.timedelta(minutes=20),
        )
    return {"me": me.id, "client": client, "usual": usual, "in_progress": in_progress.id}


def _new_booking(qtbot: QtBot, ops: Operations) -> AppointmentDialog:
    dialog = AppointmentDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_new_booking_starts_on_the_client_with_the_usual_service_at_a_free_time(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    ids = _practice(db)
    dialog = _new_booking(qtbot, ops)
    assert dialog.focusWidget() is dialog.client
    assert dialog.service.currentData() == ids["usual"]
    assert dialog.duration.value() == 50
    start = from_qdatetime(dialog.start.dateTime())
    assert start > dt.datetime.now() - dt.timedelta(minutes=1)
    assert start.minute % 15 == 0
    with db.reading() as session:
        conflicts = appointments.find_conflicts(
            session, ids["me"], start, start + dt.timedelta(minutes=50)
        )
    assert conflicts == []  # never over the session in progress


def test_esc_on_a_changed_booking_asks_before_throwing_it_away(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:  # type: ignore[no-untyped-def]
    _practice(db)
    dialog = _new_booking(qtbot, ops)
    asked: list[bool] = []
    answers = [False, True]

    def ask() -> bool:
        asked.append(True)
        return answers.pop(0)

    dialog.ask_discard = ask  # type: ignore[method-assign]
    typist(dialog.notes, "Bring the forms")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [True] and dialog.isVisible()  # "Cancel": the form stays as typed
    assert dialog.notes.toPlainText() == "Bring the forms"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [True, True] and not dialog.isVisible()


def test_esc_on_an_untouched_booking_just_closes(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    _practice(db)
    dialog = _new_booking(qtbot, ops)
    asked: list[bool] = []
    dialog.ask_discard = lambda: asked.append(True) or True  # type: ignore[method-assign]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()
    assert QApplication.activeModalWidget() is None
