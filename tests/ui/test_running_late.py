"""The "I'm running late" dialog driven as a person would: minutes, text, send, answer."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QUrl, QUrlQuery
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import appointments, clients
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    ClientStatus,
    ContactChannel,
    LatenessNotice,
    LatenessOutcome,
    Practitioner,
)
from ui.dialogs.running_late import RunningLateDialog
from ui.ops import Operations

LEFT = Qt.MouseButton.LeftButton
# Tomorrow, so the appointments have not ended whenever the tests run.
TOMORROW = dt.date.today() + dt.timedelta(days=1)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(TOMORROW, dt.time(hour, minute))


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr. Ada Example", is_current_user=True)
        session.add(ada)
        session.flush()
        ids = {"ada": ada.id}
        for key, name, preferred, email in (
            ("zoe", "Zoë Ñúñez", "", "zoe@example.org"),
            ("bob", "Robert Sample", "Bobby", ""),
        ):
            ids[key] = clients.create_client(
                session,
                ClientInput(
                    full_name=name,
                    preferred_name=preferred,
                    email=email,
                    status=ClientStatus.ACTIVE,
                ),
                region="GB",
                today=dt.date.today(),
            ).id
    return ids


def book(db: Database, people: dict[str, int], who: str, start: dt.datetime) -> int:
    with db.unit_of_work() as session:
        return appointments.create_appointment(
            session,
            AppointmentInput(people[who], people["ada"], start, 50),
            now=dt.datetime.now(),
        ).id


def open_dialog(qtbot: QtBot, ops: Operations, appointment_id: int) -> RunningLateDialog:
    dialog = RunningLateDialog(ops, appointment_id)
    qtbot.addWidget(dialog)
    dialog.confirmations: list[str] = []  # type: ignore[misc]

    def confirm(title: str, text: str) -> bool:
        dialog.confirmations.append(text)  # type: ignore[attr-defined]
        return True

    dialog.confirm = confirm  # type: ignore[method-assign]
    dialog.opened: list[QUrl] = []  # type: ignore[misc]
    dialog.open_url = dialog.opened.append  # type: ignore[method-assign,attr-defined]
    dialog.show()
    return dialog


def set_minutes(dialog: RunningLateDialog, typist, minutes: int) -> None:  # type: ignore[no-untyped-def]
    dialog.minutes.selectAll()
    typist(dialog.minutes, str(minutes))


def notices(db: Database) -> list[LatenessNotice]:
    with db.reading() as session:
        rows = list(session.scalars(select(LatenessNotice).order_by(LatenessNotice.id)))
        session.expunge_all()
        return rows


RESCHEDULE_WORD = "reschedul"


def test_past_threshold_offer_is_kept_then_recorded_and_rescheduled(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    appointment_id = book(db, people, "zoe", at(10))
    dialog = open_dialog(qtbot, ops, appointment_id)
    assert "Zoë" in dialog.heading.text() and "10:00" in dialog.heading.text()
    assert dialog.minutes.value() == 10
    assert not dialog.locked_line.isVisible()  # 10 is not past the threshold of 10

    set_minutes(dialog, typist, 15)
    assert dialog.minutes.value() == 15
    drafted = dialog.message.toPlainText()
    assert "Zoë" in drafted and "15" in drafted
    assert RESCHEDULE_WORD in drafted.lower()
    assert dialog.locked_line.isVisible()
    assert "required past 10 minutes" in dialog.locked_line.text()

    # The person writes their own text, without the offer: refused, nothing stored.
    dialog.message.selectAll()
    typist(dialog.message, "Hi Zoë, I am 15 minutes late, sorry.")
    qtbot.mouseClick(dialog.record_button, LEFT)
    error = dialog.findChild(type(dialog.heading), "message_error")
    assert error.isVisible()
    assert "Past 10 minutes the message must offer rescheduling." in error.text()
    assert notices(db) == []
    assert not dialog.choice_box.isVisible()

    # Re-draft brings the offer back; record it as an SMS.
    qtbot.mouseClick(dialog.redraft_button, LEFT)
    assert dialog.message.toPlainText() == drafted
    dialog.channel.setCurrentIndex(dialog.channel.findData(ContactChannel.SMS.value))
    qtbot.mouseClick(dialog.record_button, LEFT)
    assert not error.isVisible()
    [notice] = notices(db)
    assert notice.appointment_id == appointment_id
    assert notice.reschedule_offered is True
    assert notice.channel is ContactChannel.SMS
    assert notice.expected_minutes == 15
    assert notice.message_text == drafted
    assert dialog.choice_box.isVisible()

    # The client chose to reschedule: the first suggested slot.
    qtbot.mouseClick(dialog.reschedule_button, LEFT)
    assert dialog.slot_list.isVisible() and dialog.slots
    first_slot = dialog.slots[0]
    dialog.slot_list.setCurrentRow(0)
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    assert len(dialog.confirmations) == 1  # type: ignore[attr-defined]
    with db.reading() as session:
        old = session.get(Appointment, appointment_id)
        assert old is not None and old.status is AppointmentStatus.RESCHEDULED
        new = session.get(Appointment, old.rescheduled_to_id)
        assert new is not None
        assert new.start == first_slot and new.status is AppointmentStatus.SCHEDULED
        assert new.client_id == people["zoe"]
    assert notices(db)[0].outcome is LatenessOutcome.RESCHEDULE
    assert "Reschedule" in dialog.outcome_label.text()


def test_below_threshold_no_offer_and_cascade_preview(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    first = book(db, people, "zoe", at(10))
    later = book(db, people, "bob", at(11))
    afternoon = book(db, people, "bob", at(14))
    dialog = open_dialog(qtbot, ops, first)
    set_minutes(dialog, typist, 8)
    assert RESCHEDULE_WORD not in dialog.message.toPlainText().lower()
    assert not dialog.locked_line.isVisible()

    assert not dialog.cascade_list.isVisible()
    qtbot.mouseClick(dialog.include_later, LEFT)
    assert dialog.cascade_list.isVisible()
    shown = [dialog.cascade_list.item(i).text() for i in range(dialog.cascade_list.count())]
    # 10:00–10:50 eight minutes late ends 10:58: no delay left for 11:00.
    assert shown == [
        "10:00 Zoë \u2014 8 min late",
        "11:00 Bobby \u2014 on time",
        "14:00 Bobby \u2014 on time",
    ]
    set_minutes(dialog, typist, 25)
    shown = [dialog.cascade_list.item(i).text() for i in range(dialog.cascade_list.count())]
    assert shown[1] == "11:00 Bobby \u2014 15 min late"

    # One unit of work: a notice for each late appointment, each with its own text.
    qtbot.mouseClick(dialog.record_button, LEFT)
    stored = notices(db)
    assert [(n.appointment_id, n.expected_minutes) for n in stored] == [(first, 25), (later, 15)]
    assert "Bobby" in stored[1].message_text and "Zoë" in stored[0].message_text
    assert all(n.reschedule_offered for n in stored)  # both past the threshold
    assert afternoon not in [n.appointment_id for n in stored]

    qtbot.mouseClick(dialog.wait_button, LEFT)
    assert notices(db)[0].outcome is LatenessOutcome.WAIT


def test_edits_kept_on_the_same_side_redrafted_across_the_threshold(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    dialog = open_dialog(qtbot, ops, book(db, people, "zoe", at(10)))
    set_minutes(dialog, typist, 5)
    typist(dialog.message, " See you soon.")
    edited = dialog.message.toPlainText()
    set_minutes(dialog, typist, 7)
    assert dialog.message.toPlainText() == edited
    assert not dialog.redraft_note.isVisible()
    set_minutes(dialog, typist, 20)
    assert "See you soon." not in dialog.message.toPlainText()
    assert RESCHEDULE_WORD in dialog.message.toPlainText().lower()
    assert dialog.redraft_note.isVisible()
    assert "drafted again" in dialog.redraft_note.text()


def test_copy_and_open_in_email(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    dialog = open_dialog(qtbot, ops, book(db, people, "zoe", at(10)))
    dialog.message.selectAll()
    typist(dialog.message, "Sorry Zoë & co = late + 10 min?")
    qtbot.mouseClick(dialog.copy_button, LEFT)
    assert QApplication.clipboard().text() == "Sorry Zoë & co = late + 10 min?"

    assert not dialog.sms_button.isEnabled()  # no phone number on file
    qtbot.mouseClick(dialog.email_button, LEFT)
    [url] = dialog.opened  # type: ignore[attr-defined]
    assert url.scheme() == "mailto" and url.path() == "zoe@example.org"
    encoded = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    assert "%26" in encoded and "%3D" in encoded and "%2B" in encoded
    query = QUrlQuery(url)
    body = query.queryItemValue("body", QUrl.ComponentFormattingOption.FullyDecoded)
    assert body == "Sorry Zoë & co = late + 10 min?"
    assert "10:00" in query.queryItemValue("subject", QUrl.ComponentFormattingOption.FullyDecoded)


def test_render_offscreen(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    first = book(db, people, "zoe", at(10))
    book(db, people, "bob", at(11))
    dialog = open_dialog(qtbot, ops, first)
    set_minutes(dialog, typist, 25)
    qtbot.mouseClick(dialog.include_later, LEFT)
    qtbot.mouseClick(dialog.record_button, LEFT)
    qtbot.mouseClick(dialog.reschedule_button, LEFT)
    dialog.adjustSize()
    assert dialog.grab().save("/tmp/running_late.png")


def test_calendar_button_opens_the_dialog_for_the_next_appointment_today(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    from PySide6.QtWidgets import QDialog

    from ui.screens.calendar import CalendarScreen

    start = (dt.datetime.now() + dt.timedelta(minutes=30)).replace(second=0, microsecond=0)
    if start.date() != dt.date.today() or start.hour >= 23:
        pytest.skip("too close to midnight for an appointment later today")
    screen = CalendarScreen(ops)
    qtbot.addWidget(screen)
    errors: list[str] = []
    screen.show_error = lambda title, text: errors.append(text)  # type: ignore[method-assign]
    seen: list[QDialog] = []
    screen.run_dialog = seen.append  # type: ignore[method-assign]
    button = screen.findChild(QPushButton, "running_late")
    assert button.text() == "I'm running late…"

    qtbot.mouseClick(button, LEFT)
    assert seen == [] and errors == ["There is no appointment left today to be late for."]

    appointment_id = book(db, people, "bob", start)
    qtbot.mouseClick(button, LEFT)
    [dialog] = seen
    assert isinstance(dialog, RunningLateDialog)
    assert dialog.appointment.id == appointment_id
    assert "Bobby" in dialog.heading.text()


def test_after_the_start_the_minutes_come_from_the_clock(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:  # type: ignore[no-untyped-def]
    """At 10:42 for the 10:30 session, "5 minutes" would skip the ten-minute rule."""
    appointment_id = book(db, people, "zoe", at(10, 30))
    clock = [at(10, 42)]
    dialog = RunningLateDialog(ops, appointment_id, clock=lambda: clock[0])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.minutes.value() == 12 and dialog.minutes.minimum() == 12
    assert dialog.started_on_time.isVisible()
    assert "12 min ago" in dialog.started_on_time.text()
    set_minutes(dialog, typist, 5)  # below the clock: the box will not take it
    assert dialog.minutes.value() >= 12
    assert dialog.locked_line.isVisible()  # past ten: rescheduling is offered, locked
    assert RESCHEDULE_WORD in dialog.message.toPlainText().lower()

    qtbot.mouseClick(dialog.started_on_time, Qt.MouseButton.LeftButton)
    assert dialog.minutes.minimum() == 1
    dialog.minutes.setValue(5)
    assert "5 minutes" in dialog.message.toPlainText()
    assert not dialog.locked_line.isVisible()
    qtbot.mouseClick(dialog.started_on_time, Qt.MouseButton.LeftButton)
    assert dialog.minutes.value() == 12  # back to the clock

    clock[0] = at(10, 50)  # the dialog stayed open: the client has waited 20 minutes now
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert "already 20 minutes past the start" in dialog.minutes_field.error.text()
    assert notices(db) == []


def test_before_the_start_the_usual_guess_stands(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    appointment_id = book(db, people, "zoe", at(10, 30))
    dialog = RunningLateDialog(ops, appointment_id, clock=lambda: at(10, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.minutes.value() == 10 and dialog.minutes.minimum() == 1
    assert not dialog.started_on_time.isVisible()
