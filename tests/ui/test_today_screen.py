"""The Today screen driven as a person would: the day's list and "I'm running late…"."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import appointments, clients, money
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentMode,
    AppointmentStatus,
    ClientStatus,
    LatenessNotice,
    LatenessOutcome,
    MoneyConversation,
    MoneyTopic,
    Practitioner,
)
from ui.dialogs.running_late import RunningLateDialog
from ui.models.today import TodayColumn
from ui.ops import Changes, Operations
from ui.screens.today import TodayScreen

LEFT = Qt.MouseButton.LeftButton
# A fixed Monday in the future, so bookings are valid whenever the tests run.
DAY = dt.date(2031, 3, 3)
assert DAY.weekday() == 0


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute))


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
            ("cy", "Cyrus Other", "Cy"),
        ):
            ids[key] = clients.create_client(
                session,
                ClientInput(full_name=name, preferred_name=preferred, status=ClientStatus.ACTIVE),
                region="GB",
                today=dt.date.today(),
            ).id
    return ids


def book(
    db: Database,
    people: dict[str, int],
    who: str,
    start: dt.datetime,
    mode: AppointmentMode = AppointmentMode.IN_PERSON,
) -> int:
    with db.unit_of_work() as session:
        return appointments.create_appointment(
            session,
            AppointmentInput(people[who], people["ada"], start, 50, mode),
            now=dt.datetime.now(),
        ).id


def make_screen(qtbot: QtBot, ops: Operations, now: dt.datetime) -> TodayScreen:
    """The screen on a clock fixed at ``now``; dialogs are collected, not shown modally."""
    screen = TodayScreen(ops)
    qtbot.addWidget(screen)
    screen.clock = now  # type: ignore[attr-defined]
    screen.now = lambda: screen.clock  # type: ignore[method-assign,attr-defined]
    screen.dialogs: list[QDialog] = []  # type: ignore[misc]
    screen.run_dialog = screen.dialogs.append  # type: ignore[method-assign,attr-defined]
    screen.resize(900, 560)
    screen.show()
    return screen


def shown_rows(screen: TodayScreen) -> list[list[str]]:
    model = screen.table.model()
    return [[model.index(r, c).data() for c in TodayColumn] for r in range(model.rowCount())]


def test_running_late_from_today_reschedules_past_the_threshold(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], typist
) -> None:
    appointment_id = book(db, people, "zoe", at(10))
    screen = make_screen(qtbot, ops, at(9))
    assert screen.heading.text() == "Today — Monday 3 March"
    assert "Dr. Ada Example" in screen.practitioner_label.text()
    assert shown_rows(screen) == [["Next", "10:00–10:50", "Zoë", "In person", "Scheduled"]]
    button = screen.running_late_button
    assert button.text() == "I'm running late…" and button.isEnabled()

    qtbot.mouseClick(button, LEFT)
    [dialog] = screen.dialogs  # type: ignore[attr-defined]
    assert isinstance(dialog, RunningLateDialog)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda title, text: True  # type: ignore[method-assign]
    dialog.show()
    assert dialog.now() == at(9)
    assert "Zoë" in dialog.heading.text() and "10:00" in dialog.heading.text()

    dialog.minutes.selectAll()
    typist(dialog.minutes, "15")
    drafted = dialog.message.toPlainText()
    assert "15" in drafted and "reschedul" in drafted.lower()

    # Deleting the offer is refused: nothing is recorded.
    dialog.message.selectAll()
    typist(dialog.message, "Hi Zoë, I am 15 minutes late, sorry.")
    qtbot.mouseClick(dialog.record_button, LEFT)
    error = dialog.findChild(QLabel, "message_error")
    assert error.isVisible() and "must offer rescheduling" in error.text()
    with db.reading() as session:
        assert list(session.scalars(select(LatenessNotice))) == []

    qtbot.mouseClick(dialog.redraft_button, LEFT)
    assert dialog.message.toPlainText() == drafted
    qtbot.mouseClick(dialog.record_button, LEFT)
    assert dialog.choice_box.isVisible()

    qtbot.mouseClick(dialog.reschedule_button, LEFT)
    first_slot = dialog.slots[0]
    assert first_slot.date() > DAY  # suggestions start the next day
    dialog.slot_list.setCurrentRow(0)
    qtbot.mouseClick(dialog.confirm_button, LEFT)

    with db.reading() as session:
        old = session.get(Appointment, appointment_id)
        assert old is not None and old.status is AppointmentStatus.RESCHEDULED
        new = session.get(Appointment, old.rescheduled_to_id)
        assert new is not None and new.start == first_slot
        assert new.status is AppointmentStatus.SCHEDULED and new.client_id == people["zoe"]
        [notice] = session.scalars(select(LatenessNotice))
        assert notice.appointment_id == appointment_id
        assert notice.outcome is LatenessOutcome.RESCHEDULE
        assert notice.message_text == drafted

    # Today refreshed on the change: the moved appointment is shown as such, nothing left.
    # The notice sent leaves its trace, with the client's answer.
    assert shown_rows(screen) == [
        ["", "10:00–10:50", "Zoë", "In person", "Rescheduled · told 15 min late: Reschedule"]
    ]
    assert not button.isEnabled()
    assert button.toolTip() == "Nothing left today"


def test_list_marks_past_now_and_next_in_words(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    book(db, people, "zoe", at(9))
    book(db, people, "bob", at(11), AppointmentMode.VIDEO)
    book(db, people, "cy", at(14), AppointmentMode.PHONE)
    book(db, people, "cy", at(10) + dt.timedelta(days=1))  # tomorrow: not today's
    screen = make_screen(qtbot, ops, at(10, 30))
    assert shown_rows(screen) == [
        ["Over", "09:00–09:50", "Zoë", "In person", "Scheduled · note due"],
        ["Next", "11:00–11:50", "Bobby", "Video", "Scheduled"],
        ["", "14:00–14:50", "Cy", "Phone", "Scheduled"],
    ]
    model = screen.table.model()
    muted = model.index(0, TodayColumn.CLIENT).data(Qt.ItemDataRole.ForegroundRole)
    assert muted is not None
    assert model.index(1, TodayColumn.CLIENT).data(Qt.ItemDataRole.ForegroundRole) is None
    assert screen.upcoming_label.text() == "Next: 11:00 with Bobby"

    screen.clock = at(11, 10)  # type: ignore[attr-defined]
    screen.hide()
    screen.show()  # shown again: refreshed
    assert [row[0] for row in shown_rows(screen)] == ["Over", "Now", "Next"]
    assert screen.upcoming_label.text() == "Now: 11:00 with Bobby"
    qtbot.mouseClick(screen.running_late_button, LEFT)
    [dialog] = screen.dialogs  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert "Bobby" in dialog.heading.text()


def test_empty_day_says_how_to_book_and_nothing_to_be_late_for(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    screen = make_screen(qtbot, ops, at(9))
    assert screen.body.currentWidget() is screen.empty_label
    assert screen.empty_label.isVisible()
    assert "No appointments today." in screen.empty_label.text()
    assert "Calendar (Ctrl+2)" in screen.empty_label.text()
    assert not screen.running_late_button.isEnabled()
    assert screen.running_late_button.toolTip() == "Nothing left today"
    assert screen.care.empty.isVisible()
    assert screen.care.empty.text() == "Nothing needs care today."

    book(db, people, "bob", at(15))
    ops.changed.emit(Changes.APPOINTMENTS)
    assert screen.body.currentWidget() is screen.listing
    assert screen.running_late_button.isEnabled()


def test_a_practitioner_choice_when_several(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    book(db, people, "zoe", at(10))
    with db.unit_of_work() as session:
        session.add(Practitioner(full_name="Sam Colleague"))
    screen = make_screen(qtbot, ops, at(9))
    choice = screen.practitioner_choice
    assert choice.isVisible() and choice.count() == 2
    assert choice.currentText() == "Dr. Ada Example"  # the current user first
    assert len(shown_rows(screen)) == 1
    choice.setCurrentIndex(choice.findText("Sam Colleague"))
    assert shown_rows(screen) == []
    assert not screen.running_late_button.isEnabled()


def test_ctrl_l_on_today_in_the_main_window(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    window.go_to("today")
    screen = window.screens["today"]
    assert isinstance(screen, TodayScreen)
    seen: list[QDialog] = []
    screen.run_dialog = seen.append  # type: ignore[method-assign]
    calendar = window.screens["calendar"]
    calendar.run_dialog = seen.append  # type: ignore[attr-defined]
    calendar.show_error = lambda title, text: seen.append(text)  # type: ignore[attr-defined]
    start = (dt.datetime.now() + dt.timedelta(minutes=30)).replace(second=0, microsecond=0)
    if start.date() != dt.date.today() or start.hour >= 23:
        pytest.skip("too close to midnight for an appointment later today")
    book(db, people, "bob", start)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    [dialog] = seen
    assert isinstance(dialog, RunningLateDialog) and dialog.parent() is screen
    qtbot.addWidget(dialog)


def test_render_offscreen(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    book(db, people, "zoe", at(9))
    book(db, people, "bob", at(11), AppointmentMode.VIDEO)
    book(db, people, "cy", at(14), AppointmentMode.PHONE)
    screen = make_screen(qtbot, ops, at(10, 30))
    screen.resize(800, 520)
    assert screen.grab().save("/tmp/today.png")


def care_rows(screen: TodayScreen) -> list[tuple[str, ...]]:
    tree = screen.care.tree
    return [
        tuple(tree.topLevelItem(i).text(c).strip() for c in range(3))
        for i in range(tree.topLevelItemCount())
    ]


def test_money_follow_ups_and_plans_need_care_and_are_one_click_from_their_action(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    today = DAY
    with db.unit_of_work() as session:
        talk = money.record_conversation(
            session,
            money.ConversationInput(
                people["zoe"],
                held_on=today - dt.timedelta(days=14),
                topic=MoneyTopic.SLIDING_SCALE,
                client_words="Fortnightly would be easier.",
                agreed_outcome="Look at Tier B together",
                follow_up_on=today - dt.timedelta(days=3),
            ),
        )
        money.add_charge(
            session,
            people["bob"],
            description="Sessions in January",
            amount="120",
            charged_on=today - dt.timedelta(days=60),
        )
        agreed = today - dt.timedelta(days=40)
        money.create_plan(
            session,
            people["bob"],
            agreed_on=agreed,
            instalments=money.split_evenly(12000, 3, agreed + dt.timedelta(days=10)),
            today=agreed,
        )
    screen = make_screen(qtbot, ops, at(9))
    assert care_rows(screen) == [
        ("Money conversations to follow up (1)", "", ""),
        ("Zoë Ñúñez", "Sliding scale: Look at Tier B together", "for 3 days"),
        ("Payment plans to check in about (1)", "", ""),
        ("Robert Sample (Bobby)", "Instalment 1 of 3 (£40.00) has passed its date", "for 30 days"),
    ]
    opened: list[int] = []
    screen.open_client.connect(opened.append)

    tree = screen.care.tree
    rect = tree.visualItemRect(tree.topLevelItem(3))
    qtbot.mouseClick(tree.viewport(), LEFT, pos=rect.center())
    assert not screen.care.action_button.isVisible()
    qtbot.mouseClick(screen.care.open_button, LEFT)
    assert opened == [people["bob"]]

    rect = tree.visualItemRect(tree.topLevelItem(1))
    qtbot.mouseClick(tree.viewport(), LEFT, pos=rect.center())
    assert screen.care.action_button.text() == "Mark followed up"
    qtbot.mouseClick(screen.care.action_button, LEFT)
    assert [row[0] for row in care_rows(screen)] == [
        "Payment plans to check in about (1)",
        "Robert Sample (Bobby)",
    ]
    with db.reading() as session:
        assert session.get(MoneyConversation, talk.id).follow_up_done_on == today


def test_a_group_practice_sees_its_own_care_first_and_the_whole_practice_on_request(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    from clientcare import followups
    from clientcare.db.models import Urgency

    with db.unit_of_work() as session:
        sam = Practitioner(full_name="Sam Sample")
        session.add(sam)
        session.flush()
        sams = clients.create_client(
            session,
            ClientInput(
                full_name="Pat Colleague",
                status=ClientStatus.ACTIVE,
                primary_practitioner_id=sam.id,
            ),
            region="GB",
            today=dt.date.today(),
        ).id
        for client, title in ((people["zoe"], "Invoice query"), (sams, "Room change")):
            followups.create_issue(
                session,
                followups.IssueInput(client, title, Urgency.NORMAL, DAY - dt.timedelta(days=2)),
                today=DAY,
            )
    screen = make_screen(qtbot, ops, at(9))
    choice = screen.care.scope_choice
    assert choice.isVisible() and choice.combo.currentText() == "My clients"
    assert care_rows(screen) == [
        ("Issues, most urgent first (1)", "", ""),
        ("Zoë Ñúñez", "Invoice query (normal)", "for 2 days"),
    ]
    choice.combo.setFocus()
    qtbot.keyClick(choice.combo, Qt.Key.Key_Down)  # "Whole practice"
    assert care_rows(screen) == [
        ("Issues, most urgent first (2)", "", ""),
        ("Zoë Ñúñez", "Invoice query (normal)", "for 2 days"),
        ("Pat Colleague", "Room change (normal)", "for 2 days"),
    ]


def test_a_long_care_group_lists_the_first_and_leads_to_the_rest(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    from clientcare import followups
    from clientcare.db.models import Urgency
    from ui.widgets.care_list import CARE_LIMIT

    with db.unit_of_work() as session:
        for number in range(CARE_LIMIT + 4):
            followups.create_issue(
                session,
                followups.IssueInput(
                    people["bob"], f"Issue {number:02}", Urgency.LOW, DAY - dt.timedelta(days=40)
                ),
                today=DAY,
            )
    screen = make_screen(qtbot, ops, at(9))
    rows = care_rows(screen)
    assert rows[0] == (f"Issues, most urgent first ({CARE_LIMIT} of {CARE_LIMIT + 4})", "", "")
    assert len(rows) == 1 + CARE_LIMIT + 1
    assert rows[-1] == ("4 more: see them all in Follow-ups", "", "")
    sections: list[str] = []
    screen.open_section.connect(sections.append)
    tree = screen.care.tree
    last = tree.topLevelItem(tree.topLevelItemCount() - 1)
    tree.scrollToItem(last)
    rect = tree.visualItemRect(last)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=rect.center())
    assert screen.care.action_button.text() == "Open Follow-ups"
    qtbot.mouseClick(screen.care.action_button, LEFT)
    assert sections == ["followups"]
    qtbot.mousePress(tree.viewport(), LEFT, pos=rect.center())  # a double-click does the same
    qtbot.mouseDClick(tree.viewport(), LEFT, pos=rect.center())
    assert sections == ["followups", "followups"]


def test_each_row_says_what_its_appointment_still_needs(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    """An appointment that is over says its note is due until one is written; a draft
    and a finalised note say so (issue 21: Today was a dead end)."""
    from clientcare import interactions
    from clientcare.db.models import InteractionKind
    from clientcare.interactions import InteractionInput

    first = book(db, people, "zoe", at(9))
    second = book(db, people, "bob", at(10))
    book(db, people, "cy", at(14))
    with db.unit_of_work() as session:
        interactions.save_draft(
            session,
            InteractionInput(
                client_id=people["bob"],
                kind=InteractionKind.SESSION,
                occurred_at=at(10),
                appointment_id=second,
                practitioner_id=people["ada"],
                notes="Talked about the week.",
            ),
            interaction_id=None,
            now=at(10, 50),
        )
    screen = make_screen(qtbot, ops, at(11))
    assert [row[4] for row in shown_rows(screen)] == [
        "Scheduled · note due",
        "Scheduled · note drafted",
        "Scheduled",
    ]
    assert first  # booked for its row


def test_the_selected_row_can_be_acted_on_with_buttons_under_the_list(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    from ui.dialogs.arrival import ArrivalDialog
    from ui.dialogs.interaction import InteractionEditor

    earlier = book(db, people, "zoe", at(9))
    current = book(db, people, "bob", at(10, 30))
    screen = make_screen(qtbot, ops, at(10, 42))
    buttons = screen.row_buttons()
    # Nothing chosen yet: the bar says what to do and no button acts on a guess.
    assert not any(button.isEnabled() for button in buttons)
    assert screen.row_label.text() == "Select an appointment to act on it."

    row = screen.model.rows.index(next(r for r in screen.model.rows if r.appointment.id == current))
    rect = screen.table.visualRect(screen.model.index(row, TodayColumn.CLIENT))
    qtbot.mouseClick(screen.table.viewport(), LEFT, pos=rect.center())
    assert "Bobby" in screen.row_label.text()
    assert all(button.isVisible() and button.isEnabled() for button in buttons)

    qtbot.mouseClick(screen.row_arrived_button, LEFT)
    arrival = screen.dialogs[-1]
    assert isinstance(arrival, ArrivalDialog)
    assert arrival.appointment.id == current
    qtbot.addWidget(arrival)
    qtbot.mouseClick(arrival.record_button, LEFT)
    with db.unit_of_work() as session:
        assert session.get(Appointment, current).status is AppointmentStatus.ARRIVED
        assert session.get(Appointment, earlier).status is AppointmentStatus.SCHEDULED
    # Told of the change, the list keeps the row; it can no longer become "arrived".
    ops.changed.emit(Changes.APPOINTMENTS)
    assert screen.selected_row().appointment.id == current
    assert not screen.row_arrived_button.isEnabled()
    assert screen.row_write_up_button.isEnabled()

    qtbot.mouseClick(screen.row_write_up_button, LEFT)
    editor = screen.dialogs[-1]
    assert isinstance(editor, InteractionEditor)
    qtbot.addWidget(editor)
    assert editor.appointment.currentData() == current

    opened: list[int] = []
    screen.open_client.connect(opened.append)
    qtbot.mouseClick(screen.row_client_button, LEFT)
    assert opened == [people["bob"]]


def test_past_rows_stay_readable_after_switching_to_dark(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int], qapp: QApplication
) -> None:
    from PySide6.QtGui import QPalette

    from ui import icons, theme

    book(db, people, "zoe", at(9))
    screen = make_screen(qtbot, ops, at(10, 42))
    style, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    try:
        theme.apply_theme(qapp, dark=True, follow=False)  # switched after the list was made
        grey = screen.model.index(0, TodayColumn.TIME).data(Qt.ItemDataRole.ForegroundRole)
        base = qapp.palette().color(QPalette.ColorRole.Base)
        assert theme.contrast(grey, base) >= 4.5
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)
        icons.clear_cache()
