"""The Calendar and who "you" are: the first practitioner asked for, and nobody "you" yet.

With nobody set up, booking asks for the person's name and says where practitioners are
managed. On a shared server a computer may have nobody marked "you": booking still works
(the chooser picks a practitioner), and "I'm running late" never tells a co-worker's
client that they are late.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import appointments, audit, clients
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database, ThisComputer
from clientcare.db.models import ClientStatus, Practitioner
from clientcare.practice import add_practitioner
from ui.dialogs.appointment import AppointmentDialog
from ui.dialogs.running_late import RunningLateDialog
from ui.ops import Operations
from ui.screens.calendar import CalendarScreen

LEFT = Qt.MouseButton.LeftButton


def make_screen(qtbot: QtBot, ops: Operations) -> CalendarScreen:
    screen = CalendarScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    return screen


def capture_dialogs(screen: CalendarScreen) -> list[QDialog]:
    """The dialogs the screen opens, kept instead of run modally."""
    seen: list[QDialog] = []
    screen.run_dialog = seen.append  # type: ignore[method-assign]
    return seen


def test_the_who_are_you_prompt_says_where_practitioners_are_managed(
    qtbot: QtBot, ops: Operations, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []

    def answer(_parent: QWidget, title: str, label: str, *_args: object) -> tuple[str, bool]:
        asked.append((title, label))
        return "Dr. Ada Example", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    screen = make_screen(qtbot, ops)
    opened = capture_dialogs(screen)
    qtbot.mouseClick(screen.new_button, LEFT)

    [(title, text)] = asked
    assert title == "Who are you?"
    assert "What is your name, as clients see it?" in text
    assert "Settings → Practitioners" in text
    assert "Co-workers" in text
    [dialog] = opened
    assert isinstance(dialog, AppointmentDialog)
    assert dialog.practitioner.currentText() == "Dr. Ada Example"
    with db.reading() as session:
        ada = session.scalars(select(Practitioner)).one()
        assert audit.current_practitioner_id(session) == ada.id


@pytest.fixture
def nobody_is_you(db: Database, tmp_path: Path) -> Operations:
    """Sam's computer on a shared server, before Sam says who uses it (Ada marked hers)."""
    now = dt.datetime.now()
    start = (now + dt.timedelta(minutes=30)).replace(second=0, microsecond=0)
    if start.date() != now.date() or start.hour >= 22:
        pytest.skip("too close to midnight for appointments later today")
    with db.unit_of_work() as session:
        ada = add_practitioner(session, "Ada Example", is_current_user=True)
        sam = add_practitioner(session, "Sam Taylor")
        for name, practitioner, minutes in (("Zoe Client", ada, 0), ("Bob Client", sam, 60)):
            client = clients.create_client(
                session,
                ClientInput(full_name=name, status=ClientStatus.ACTIVE),
                region="GB",
                today=now.date(),
            )
            appointments.create_appointment(
                session,
                AppointmentInput(
                    client.id, practitioner.id, start + dt.timedelta(minutes=minutes), 50
                ),
                now=now - dt.timedelta(days=1),
            )
    shared = Database(db.engine)
    shared.this_computer = ThisComputer("practice-server/practice", store=tmp_path / "sam.json")
    with shared.reading() as session:
        assert audit.current_practitioner_id(session) is None
    return Operations(shared, watch=False)


def test_with_nobody_you_booking_asks_no_name_and_offers_every_practitioner(
    qtbot: QtBot, nobody_is_you: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args: pytest.fail("asked for a name"))
    screen = make_screen(qtbot, nobody_is_you)
    assert screen.practitioner_filter.isVisible()
    assert screen.practitioner_filter.currentText() == "All practitioners"
    assert sorted(block.title for block in screen.grid.blocks) == ["Bob", "Zoe"]

    opened = capture_dialogs(screen)
    qtbot.mouseClick(screen.new_button, LEFT)
    [dialog] = opened
    assert isinstance(dialog, AppointmentDialog)
    names = [dialog.practitioner.itemText(i) for i in range(dialog.practitioner.count())]
    assert names == ["Ada Example", "Sam Taylor"]


def test_with_nobody_you_running_late_says_how_to_choose_instead_of_guessing(
    qtbot: QtBot, nobody_is_you: Operations
) -> None:
    screen = make_screen(qtbot, nobody_is_you)
    errors: list[str] = []
    screen.show_error = lambda _title, text: errors.append(text)  # type: ignore[method-assign]
    opened = capture_dialogs(screen)

    qtbot.mouseClick(screen.running_late_button, LEFT)
    assert opened == []  # Ada's client is next in the practice, and Sam is not late for her
    [message] = errors
    assert "does not know which practitioner you are" in message
    assert "Settings → Practitioners" in message

    screen.practitioner_filter.setCurrentIndex(screen.practitioner_filter.findText("Sam Taylor"))
    qtbot.mouseClick(screen.running_late_button, LEFT)
    [dialog] = opened
    assert isinstance(dialog, RunningLateDialog)
    assert "Bob" in dialog.heading.text()
    assert "Sam Taylor" in dialog.heading.text()


def test_a_new_booking_is_with_you_unless_you_choose_someone_else(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    with db.unit_of_work() as session:
        add_practitioner(session, "Ada Example")
        zed = add_practitioner(session, "Zed Example", is_current_user=True)  # last A–Z
    dialog = AppointmentDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.practitioner.currentData() == zed.id
    assert dialog.practitioner.currentText() == "Zed Example"
