"""The type-ahead client picker (ui.widgets.client_picker), typed into as a person would."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clientcare import appointments, clients
from clientcare.appointments import AppointmentInput
from clientcare.clients import PICK_LIMIT, ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import AppointmentMode, ClientStatus
from clientcare.practice import add_practitioner
from ui.ops import Operations
from ui.widgets.client_picker import ClientPicker

NOW = dt.datetime(2031, 3, 3, 9, 0)  # a Monday in the future: bookings are valid


def add(db: Database, name: str, status: ClientStatus = ClientStatus.ACTIVE) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session, ClientInput(full_name=name, status=status), region="GB", today=NOW.date()
        ).id


def book(db: Database, client_id: int, practitioner_id: int, start: dt.datetime) -> None:
    with db.unit_of_work() as session:
        appointments.create_appointment(
            session,
            AppointmentInput(client_id, practitioner_id, start, 50, AppointmentMode.IN_PERSON),
            now=start - dt.timedelta(days=60),
        )


def picker_on(qtbot: QtBot, ops: Operations, **kwargs: object) -> ClientPicker:
    picker = ClientPicker(ops, **kwargs)  # type: ignore[arg-type]
    picker.now = lambda: NOW  # type: ignore[method-assign]
    qtbot.addWidget(picker)
    picker.show()
    picker.setFocus()
    return picker


def type_and_wait(qtbot: QtBot, picker: ClientPicker, text: str) -> list[str]:
    picker.completer_.popup().hide()
    qtbot.keyClicks(picker, text)
    qtbot.waitUntil(lambda: picker.completer_.popup().isVisible(), timeout=2000)
    return picker.suggestions()


def test_typing_suggests_a_few_matches_and_tells_two_of_the_same_name_apart(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
    for number in range(PICK_LIMIT + 10):
        add(db, f"Person {number:02} Sampleton")
    first, second = add(db, "Sam Example"), add(db, "Sam Example")
    book(db, first, you, dt.datetime(2031, 3, 5, 10, 0))
    book(db, second, you, dt.datetime(2031, 3, 12, 14, 0))
    picker = picker_on(qtbot, ops)

    shown = type_and_wait(qtbot, picker, "sampl")
    assert len(shown) == PICK_LIMIT  # a page of suggestions, never every client
    picker.clear()
    shown = type_and_wait(qtbot, picker, "sam ex")
    assert shown == [
        "Sam Example · next Wed 5 Mar 2031 10:00",
        "Sam Example · next Wed 12 Mar 2031 14:00",
    ]
    popup = picker.completer_.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.chosen) as chosen:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert chosen.args == [second]
    # Chosen, the field still tells the two apart.
    assert picker.text() == "Sam Example · next Wed 12 Mar 2031 14:00"
    assert picker.client_id() == second
    # Typed in full, a name two clients share is not guessed: choose from the list.
    picker.clear()
    qtbot.keyClicks(picker, "Sam Example")
    assert picker.client_id() is None


def test_accents_and_case_are_ignored_and_a_full_name_typed_is_found(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    zoe = add(db, "Zoë Ñúñez")
    declined = add(db, "Cato Declined", ClientStatus.DECLINED)
    picker = picker_on(qtbot, ops, statuses=clients.BOOKABLE_STATUSES)
    assert type_and_wait(qtbot, picker, "zoe nunez") == ["Zoë Ñúñez"]
    picker.clear()
    qtbot.keyClicks(picker, "cato")
    qtbot.wait(200)  # a declined client is not suggested for a booking...
    assert picker.suggestions() == []
    picker.setText("cato declined")  # ...but typed in full is found, so the reason can be said
    assert picker.client_id() == declined
    picker.set_client(zoe)
    assert picker.text() == "Zoë Ñúñez" and picker.client_id() == zoe


def test_down_on_an_empty_field_offers_todays_clients_first(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
    seen_last_week, today_late, today_early = (
        add(db, "Ann Recent"),
        add(db, "Ben Late"),
        add(db, "Cy Early"),
    )
    add(db, "Dee Never")
    book(db, seen_last_week, you, NOW - dt.timedelta(days=7))
    book(db, today_late, you, NOW.replace(hour=15))
    book(db, today_early, you, NOW.replace(hour=10))
    picker = picker_on(qtbot, ops)
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: picker.completer_.popup().isVisible(), timeout=2000)
    assert picker.suggestions() == ["Cy Early · today", "Ben Late · today", "Ann Recent"]
