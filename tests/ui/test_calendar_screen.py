"""The Calendar screen driven as a person would: double-click, fill the dialog, drag."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import appointments, clients, money, series, waitlist
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import Appointment, AppointmentStatus, ClientStatus, Practitioner
from ui.dialogs.appointment import AppointmentDialog
from ui.ops import Operations
from ui.screens.calendar import CalendarScreen
from ui.widgets.waitlist_panel import FreedSlotDialog

# Next week's Tuesday, so every slot is in the future whatever day the tests run.
TODAY = dt.date.today()
TUESDAY = TODAY + dt.timedelta(days=7 - TODAY.weekday() + 1)


def at(hour: int, minute: int = 0, day: dt.date = TUESDAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr. Ada Example", is_current_user=True)
        session.add(ada)
        session.flush()
        ids = {"ada": ada.id}
        for key, name, preferred in (
            ("zoe", "Zoë Ñúñez", ""),
            ("bob", "Robert Sample", "Bobby"),
        ):
            ids[key] = clients.create_client(
                session,
                ClientInput(full_name=name, preferred_name=preferred, status=ClientStatus.ACTIVE),
                region="GB",
                today=TODAY,
            ).id
    return ids


def make_screen(qtbot: QtBot, ops: Operations) -> CalendarScreen:
    screen = CalendarScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    screen.anchor = TUESDAY
    screen.refresh()
    return screen


def stored(db: Database) -> list[tuple[int, dt.datetime, int, str]]:
    with db.reading() as session:
        return [
            (a.client_id, a.start, a.duration_minutes, a.status.value)
            for a in session.scalars(select(Appointment).order_by(Appointment.start))
        ]


def book(db: Database, people: dict[str, int], who: str, start: dt.datetime) -> int:
    with db.unit_of_work() as session:
        return appointments.create_appointment(
            session,
            AppointmentInput(people[who], people["ada"], start, 50),
            now=dt.datetime.now(),
        ).id


def capture_dialogs(screen: CalendarScreen, handle) -> list[QDialog]:  # type: ignore[no-untyped-def]
    """Replace the modal exec() with ``handle(dialog)`` so the test can drive it."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> None:
        seen.append(dialog)
        handle(dialog)

    screen.run_dialog = run  # type: ignore[method-assign]
    return seen


def test_double_click_an_empty_slot_and_book(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    screen = make_screen(qtbot, ops)

    def fill(dialog: AppointmentDialog) -> None:
        assert dialog.start.dateTime().toString("HH:mm") == "10:00"
        assert dialog.duration.value() == 50  # the practice's default session length
        typist(dialog.client, "Zoë Ñúñez")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted

    seen = capture_dialogs(screen, fill)
    qtbot.mouseDClick(screen.grid, Qt.MouseButton.LeftButton, pos=screen.grid.point_for(at(10)))
    assert len(seen) == 1
    assert stored(db) == [(people["zoe"], at(10), 50, "scheduled")]
    assert [b.title for b in screen.grid.blocks] == ["Zoë"]  # the preferred name
    assert "Zoë" in screen.grid.accessibleDescription()


def test_conflict_message_then_explicit_override(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    book(db, people, "bob", at(10))
    screen = make_screen(qtbot, ops)
    dialog = AppointmentDialog(ops, start=at(10, 30), practitioner_id=people["ada"])
    qtbot.addWidget(dialog)
    dialog.show()
    typist(dialog.client, "Zoë Ñúñez")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.conflict_box.isVisible()
    assert "Bobby" in dialog.conflict_box.text()
    assert dialog.override.isVisible() and not dialog.override.isChecked()
    assert len(stored(db)) == 1
    dialog.override.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(stored(db)) == 2
    screen.refresh()
    assert sorted(b.title for b in screen.grid.blocks) == ["Bobby", "Zoë"]


def test_the_chosen_service_is_booked_with_its_usual_length(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    with db.unit_of_work() as session:
        money.save_service(session, money.ServiceInput("Individual session", "70", 50))
        couples = money.save_service(session, money.ServiceInput("Couples session", "90", 80))
    dialog = AppointmentDialog(ops, start=at(9), practitioner_id=people["ada"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fields["service"].isVisible()
    assert dialog.service.currentText() == "(not set)"
    typist(dialog.client, "Zoë Ñúñez")
    dialog.service.setFocus()
    qtbot.keyClick(dialog.service, Qt.Key.Key_Down)  # the first: Couples session (A–Z)
    assert dialog.service.currentText() == "Couples session"
    assert dialog.duration.value() == 80
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        [row] = session.scalars(select(Appointment)).all()
        assert (row.service_id, row.duration_minutes) == (couples.id, 80)


def test_bad_duration_and_unknown_client_are_explained(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    dialog = AppointmentDialog(ops, start=at(9), practitioner_id=people["ada"])
    qtbot.addWidget(dialog)
    dialog.show()
    typist(dialog.client, "Nobody Known")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "No client called “Nobody Known”" in dialog.fields["client_id"].error.text()
    dialog.client.clear()
    typist(dialog.client, "Robert Sample (Bobby)")
    dialog.duration.setValue(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.fields["duration_minutes"].error.isVisible()
    assert "5 minutes" in dialog.fields["duration_minutes"].error.text()
    assert stored(db) == []


def test_drag_a_block_to_reschedule(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    book(db, people, "bob", at(10))
    screen = make_screen(qtbot, ops)
    asked: list[str] = []
    screen.ask = lambda title, text: asked.append(text) or True  # type: ignore[method-assign]
    grid = screen.grid
    start, target = grid.point_for(at(10)), grid.point_for(at(14))
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, pos=start + type(start)(0, 20))
    qtbot.mouseMove(grid, pos=target)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=target)
    assert len(asked) == 1 and "Bobby" in asked[0] and "14:00" in asked[0]
    assert stored(db) == [(people["bob"], at(14), 50, "scheduled")]
    assert [b.start for b in grid.blocks] == [at(14)]


def test_drag_refused_when_the_person_says_no(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    book(db, people, "bob", at(10))
    screen = make_screen(qtbot, ops)
    screen.ask = lambda title, text: False  # type: ignore[method-assign]
    grid = screen.grid
    start, target = grid.point_for(at(10)), grid.point_for(at(15))
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, pos=target)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=target)
    assert stored(db) == [(people["bob"], at(10), 50, "scheduled")]


def test_cancel_one_occurrence_of_a_series(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    with db.unit_of_work() as session:
        created = series.create_series(
            session,
            AppointmentInput(people["zoe"], people["ada"], at(9), 50),
            series.SeriesRule(series.Frequency.WEEKLY, 1, count=4),
            now=dt.datetime.now(),
        )
    second = created.appointments[1]
    screen = make_screen(qtbot, ops)

    def cancel(dialog: AppointmentDialog) -> None:
        def answer(cancel_dialog) -> bool:  # type: ignore[no-untyped-def]
            cancel_dialog.by_client.setChecked(True)
            typist(cancel_dialog.reason, "Away that week")
            cancel_dialog.scope_buttons[series.Scope.THIS].setChecked(True)
            return True

        dialog.run_cancel_dialog = answer  # type: ignore[method-assign]
        qtbot.mouseClick(dialog.cancel_appointment_button, Qt.MouseButton.LeftButton)

    capture_dialogs(screen, cancel)
    screen.open_existing(second.id)
    statuses = [row[3] for row in stored(db)]
    assert statuses == ["scheduled", "cancelled", "scheduled", "scheduled"]
    with db.reading() as session:
        reason = session.get(Appointment, second.id).cancel_reason  # type: ignore[union-attr]
    assert reason == "Away that week"


def test_cancelling_offers_the_slot_to_the_waitlist(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    appointment_id = book(db, people, "bob", at(11))
    with db.unit_of_work() as session:
        waitlist.add_to_waitlist(
            session, waitlist.WaitlistInput(client_id=people["zoe"], urgent=True), today=TODAY
        )
    screen = make_screen(qtbot, ops)
    offers: list[FreedSlotDialog] = []

    def handle(dialog: QDialog) -> None:
        if isinstance(dialog, FreedSlotDialog):
            offers.append(dialog)
            qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
            return

        def answer(cancel_dialog) -> bool:  # type: ignore[no-untyped-def]
            cancel_dialog.by_practitioner.setChecked(True)
            typist(cancel_dialog.reason, "Practitioner unwell")
            return True

        dialog.run_cancel_dialog = answer  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.cancel_appointment_button, Qt.MouseButton.LeftButton)

    capture_dialogs(screen, handle)
    screen.open_existing(appointment_id)
    assert len(offers) == 1
    assert offers[0].model.rows[0].client_preferred_name == "Zoë"
    assert stored(db) == [
        (people["bob"], at(11), 50, "cancelled"),
        (people["zoe"], at(11), 50, "scheduled"),
    ]
    with db.reading() as session:
        assert waitlist.list_waiting(session, today=TODAY) == []


def test_views_and_navigation(qtbot: QtBot, ops: Operations, people: dict[str, int]) -> None:
    screen = make_screen(qtbot, ops)
    first, days = screen.visible_range()
    assert days == 7 and first.weekday() == 0 and first <= TUESDAY < first + dt.timedelta(7)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.visible_range()[0] == first + dt.timedelta(days=7)
    day_button = next(b for b in screen.view_buttons.buttons() if b.property("view") == "day")
    qtbot.mouseClick(day_button, Qt.MouseButton.LeftButton)
    assert screen.visible_range()[1] == 1
    before = screen.anchor
    screen.grid.setFocus()
    qtbot.keyClick(screen.grid, Qt.Key.Key_Right)
    assert screen.anchor == before + dt.timedelta(days=1)
    qtbot.keyClick(screen.grid, Qt.Key.Key_Left)
    assert screen.anchor == before
    qtbot.mouseClick(screen.today_button, Qt.MouseButton.LeftButton)
    assert screen.anchor == TODAY
    month_button = next(b for b in screen.view_buttons.buttons() if b.property("view") == "month")
    qtbot.mouseClick(month_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.month


def test_editing_a_series_asks_which_and_changes_the_following(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    with db.unit_of_work() as session:
        created = series.create_series(
            session,
            AppointmentInput(people["zoe"], people["ada"], at(9), 50),
            series.SeriesRule(series.Frequency.WEEKLY, 1, count=4),
            now=dt.datetime.now(),
        )
    third = created.appointments[2]
    dialog = AppointmentDialog(ops, appointment_id=third.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask_scope = lambda: series.Scope.FOLLOWING  # type: ignore[method-assign]
    typist(dialog.location, "Room 2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        locations = [
            a.location for a in session.scalars(select(Appointment).order_by(Appointment.start))
        ]
    assert locations == ["", "", "Room 2", "Room 2"]


def test_reschedule_links_old_to_new_and_frees_the_slot(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    appointment_id = book(db, people, "bob", at(10))
    screen = make_screen(qtbot, ops)
    offered: list[object] = []
    screen.offer_freed_slot = lambda item: offered.append(item)  # type: ignore[method-assign]

    def handle(dialog: AppointmentDialog) -> None:
        dialog.ask_new_start = lambda: at(15, day=TUESDAY + dt.timedelta(days=1))  # type: ignore[method-assign]
        qtbot.mouseClick(dialog.reschedule_button, Qt.MouseButton.LeftButton)

    capture_dialogs(screen, handle)
    screen.open_existing(appointment_id)
    with db.reading() as session:
        old = session.get(Appointment, appointment_id)
        assert old is not None and old.status is AppointmentStatus.RESCHEDULED
        new = session.get(Appointment, old.rescheduled_to_id)
        assert new is not None and new.start == at(15, day=TUESDAY + dt.timedelta(days=1))
    assert len(offered) == 1


def test_a_closed_client_is_refused_with_the_reason(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    with db.unit_of_work() as session:
        clients.update_client(
            session,
            people["bob"],
            ClientInput(
                full_name="Robert Sample", preferred_name="Bobby", status=ClientStatus.CLOSED
            ),
            region="GB",
            today=TODAY,
        )
    dialog = AppointmentDialog(ops, start=at(9), practitioner_id=people["ada"])
    qtbot.addWidget(dialog)
    dialog.show()
    typist(dialog.client, "Robert Sample")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    message = dialog.fields["client_id"].error.text()
    assert "closed" in message and "Robert Sample" in message
    assert stored(db) == []


def test_first_booking_sets_up_the_practitioner(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    screen = make_screen(qtbot, ops)
    answers = iter(["", "Dr. Ada Example"])
    problems: list[str] = []

    def ask(problem: str = "") -> str | None:
        problems.append(problem)
        return next(answers)

    screen.ask_own_name = ask  # type: ignore[method-assign]
    opened = capture_dialogs(screen, lambda dialog: None)
    screen.open_new(at(9))
    assert problems[1] == "Please enter the practitioner's name."
    assert len(opened) == 1
    assert opened[0].practitioner.currentText() == "Dr. Ada Example"  # type: ignore[attr-defined]
    with db.reading() as session:
        practitioner = session.scalars(select(Practitioner)).one()
        assert (practitioner.full_name, practitioner.is_current_user) == ("Dr. Ada Example", True)


def test_the_waitlist_folds_away_on_a_laptop_and_stays_as_left(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    with db.unit_of_work() as session:
        waitlist.add_to_waitlist(
            session, waitlist.WaitlistInput(client_id=people["zoe"], urgent=True), today=TODAY
        )
    screen = make_screen(qtbot, ops)
    # The offscreen screen is narrower than 1,600 pixels: folded, and says who waits.
    assert not screen.waitlist.isVisible()
    assert screen.waitlist_button.text() == "Waitlist (1)"
    assert screen.waitlist_button.toolTip() == "Show the waitlist (1 waiting)"
    qtbot.mouseClick(screen.waitlist_button, Qt.MouseButton.LeftButton)
    assert screen.waitlist.isVisible() and screen.waitlist.table.isVisible()
    assert screen.waitlist.add_button.width() >= screen.waitlist.add_button.sizeHint().width()
    again = make_screen(qtbot, ops)  # opened again (the next start): as it was left
    assert again.waitlist.isVisible()
    qtbot.mouseClick(again.waitlist_button, Qt.MouseButton.LeftButton)
    assert not again.waitlist.isVisible()
    assert not make_screen(qtbot, ops).waitlist.isVisible()


def test_blocks_read_name_first_and_say_everything_in_a_tooltip(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from ui.widgets.time_grid import block_title

    appointment = book(db, people, "bob", at(10))
    with db.unit_of_work() as session:
        appointments.mark_completed(session, appointment, now=at(11))
    screen = make_screen(qtbot, ops)
    block = next(b for b in screen.grid.blocks if b.id == appointment)
    assert block_title(block) == "Bobby ✓"  # the name survives a narrow block
    rect = screen.grid.block_rect(block)
    assert rect is not None
    where = rect.center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, where, screen.grid.mapToGlobal(where))
    QApplication.sendEvent(screen.grid, event)
    assert QToolTip.text() == block.accessible_text
    assert "Bobby" in QToolTip.text() and "Completed" in QToolTip.text()
    QToolTip.hideText()
    assert screen.grid.rect().contains(QPoint(int(rect.left()), int(rect.top())))


def test_the_grid_fills_the_height_and_draws_now_across_today(
    qtbot: QtBot, ops: Operations, people: dict[str, int]
) -> None:
    screen = make_screen(qtbot, ops)
    screen.resize(1200, 1400)  # a tall window: the hours stretch, no band left empty
    qtbot.waitUntil(
        lambda: screen.grid.height() >= screen.grid_scroll.viewport().height() - 1, timeout=2000
    )
    assert screen.grid.hour_height > 56
    screen.grid.now = lambda: at(10, 30)  # type: ignore[method-assign]
    where = screen.grid.now_line_y()
    assert where is not None
    y, left, right = where
    assert right - left == screen.grid.column_width()
    assert y == screen.grid.y_for(at(10, 30))
    assert left == 56 + (TUESDAY - screen.grid.first_day).days * screen.grid.column_width()
    screen.grid.now = lambda: at(10, 30, TUESDAY + dt.timedelta(days=14))  # type: ignore[method-assign]
    assert screen.grid.now_line_y() is None  # not this week: no line


def test_the_whole_practice_shows_each_practitioner_in_a_colour_with_a_legend(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    with db.unit_of_work() as session:
        ben = Practitioner(full_name="Ben Example")
        session.add(ben)
        session.flush()
        ben_id = ben.id
        appointments.create_appointment(
            session, AppointmentInput(people["zoe"], ben_id, at(9), 50), now=at(8, 0, TODAY)
        )
    ada_booking = book(db, people, "bob", at(9))
    screen = make_screen(qtbot, ops)
    assert not screen.legend.isVisible()  # your own calendar: no colours needed
    screen.practitioner_filter.setCurrentIndex(screen.practitioner_filter.findData(None))
    assert screen.legend.isVisible()
    assert "Dr. Ada Example" in screen.legend.text() and "Ben Example" in screen.legend.text()
    blocks = {b.id: b for b in screen.grid.blocks if b.kind == "appointment"}
    stripes = {block.stripe for block in blocks.values()}
    assert len(stripes) == 2 and None not in stripes
    # Colour never alone: the practitioner is named in the block too.
    assert blocks[ada_booking].detail.endswith("Dr. Ada Example")
