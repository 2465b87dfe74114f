"""The right client, always: a window-wide command acts on what is selected on the screen
the practitioner is looking at, or asks; never on a hidden screen's client (issue 21)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from clientcare import appointments, clients
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import AppointmentMode, ClientStatus, Practitioner
from ui.dialogs.appointment import AppointmentDialog
from ui.dialogs.arrival import ArrivalDialog
from ui.dialogs.choose_client import ChooseClientDialog
from ui.dialogs.interaction import InteractionEditor
from ui.dialogs.running_late import RunningLateDialog
from ui.main_window import MainWindow
from ui.models.today import TodayColumn
from ui.ops import Operations
from ui.screens.clients import ClientsScreen
from ui.screens.today import TodayScreen
from ui.subject import Subject


@pytest.fixture
def practice(db: Database) -> dict[str, int]:
    """Kate (an appointment later today, with Sam) and Rob (none), two practitioners."""
    start = (dt.datetime.now() + dt.timedelta(minutes=40)).replace(second=0, microsecond=0)
    if start.date() != dt.date.today() or start.hour >= 23:
        pytest.skip("too close to midnight for an appointment later today")
    with db.unit_of_work() as session:
        sam = Practitioner(full_name="Sam Example", is_current_user=True)
        other = Practitioner(full_name="Alex Example")
        session.add_all([other, sam])
        session.flush()
        ids = {"sam": sam.id, "alex": other.id}
        for key, name, preferred in (
            ("kate", "Katherine Sample", "Kate"),
            ("rob", "Rob Sample", ""),
        ):
            ids[key] = clients.create_client(
                session,
                ClientInput(full_name=name, preferred_name=preferred, status=ClientStatus.ACTIVE),
                region="GB",
                today=dt.date.today(),
            ).id
        ids["kate_appointment"] = appointments.create_appointment(
            session,
            AppointmentInput(ids["kate"], sam.id, start, 50, AppointmentMode.IN_PERSON),
            now=dt.datetime.now(),
        ).id
    return ids


def _window(qtbot: QtBot, ops: Operations) -> tuple[MainWindow, list[QDialog]]:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    opened: list[QDialog] = []
    window.run_dialog = opened.append  # type: ignore[method-assign]
    return window, opened


def _ctrl_i(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.sidebar, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)


def _select_on_clients(window: MainWindow, client_id: int) -> ClientsScreen:
    screen = window.screens["clients"]
    assert isinstance(screen, ClientsScreen)
    window.go_to("clients")
    assert screen.select_client(client_id)
    return screen


def test_ctrl_i_on_today_writes_up_the_selected_appointment_not_the_hidden_client(
    qtbot: QtBot, ops: Operations, practice: dict[str, int]
) -> None:
    window, opened = _window(qtbot, ops)
    _select_on_clients(window, practice["rob"])  # then left: Rob stays on the hidden page
    window.go_to("today")
    today = window.screens["today"]
    assert isinstance(today, TodayScreen)
    rows = today.model.rowCount()
    kate_row = next(
        r for r in range(rows) if today.model.index(r, TodayColumn.CLIENT).data() == "Kate"
    )
    qtbot.mouseClick(
        today.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=today.table.visualRect(today.model.index(kate_row, TodayColumn.CLIENT)).center(),
    )
    _ctrl_i(qtbot, window)

    [editor] = opened
    assert isinstance(editor, InteractionEditor)
    qtbot.addWidget(editor)
    assert editor.client_id == practice["kate"]
    assert editor.appointment.currentData() == practice["kate_appointment"]
    assert editor.practitioner.currentData() == practice["sam"]


def test_ctrl_i_with_nobody_selected_asks_and_never_guesses(
    qtbot: QtBot, ops: Operations, practice: dict[str, int]
) -> None:
    window, opened = _window(qtbot, ops)
    _select_on_clients(window, practice["rob"])
    window.go_to("today")  # nothing selected on Today
    asked: list[str] = []

    def cancel(title: str, question: str) -> int | None:
        asked.append(question)
        return None

    window.ask_client = cancel  # type: ignore[method-assign]
    _ctrl_i(qtbot, window)
    assert asked == ["Who is the contact or session with?"]
    assert opened == []

    window.ask_client = lambda title, question: practice["kate"]  # type: ignore[method-assign]
    _ctrl_i(qtbot, window)
    [editor] = opened
    assert isinstance(editor, InteractionEditor)
    qtbot.addWidget(editor)
    assert editor.client_id == practice["kate"]
    assert editor.appointment.currentData() is None


def test_ctrl_i_on_the_clients_page_is_for_the_client_shown(
    qtbot: QtBot, ops: Operations, practice: dict[str, int]
) -> None:
    window, opened = _window(qtbot, ops)
    screen = _select_on_clients(window, practice["rob"])
    assert screen.subject() == Subject(practice["rob"])
    _ctrl_i(qtbot, window)
    [editor] = opened
    assert isinstance(editor, InteractionEditor)
    qtbot.addWidget(editor)
    assert editor.client_id == practice["rob"]


def test_a_search_that_hides_the_client_shown_shows_nobody(
    qtbot: QtBot, ops: Operations, practice: dict[str, int], typist
) -> None:  # type: ignore[no-untyped-def]
    window, _opened = _window(qtbot, ops)
    screen = _select_on_clients(window, practice["rob"])
    assert screen.form.full_name.text() == "Rob Sample"
    typist(screen.search, "Katherine")
    assert screen.proxy.rowCount() == 1
    assert screen.detail_stack.currentWidget() is screen.nobody
    assert screen.nobody.isVisible() and "No client selected" in screen.nobody_text.text()
    assert screen.subject() is None
    qtbot.mouseClick(
        screen.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=screen.table.visualRect(screen.proxy.index(0, 0)).center(),
    )
    assert screen.form.full_name.text() == "Katherine Sample"
    assert screen.subject() == Subject(practice["kate"])


def test_an_edited_client_hidden_by_a_search_keeps_what_was_typed(
    qtbot: QtBot, ops: Operations, practice: dict[str, int], typist
) -> None:  # type: ignore[no-untyped-def]
    window, _opened = _window(qtbot, ops)
    screen = _select_on_clients(window, practice["rob"])
    typist(screen.form.notes, "Prefers mornings")
    typist(screen.search, "Katherine")
    assert screen.detail_stack.currentWidget() is screen.form
    assert "Prefers mornings" in screen.form.notes.toPlainText()
    assert screen.subject() is None  # not the list's selection: Ctrl+I asks
    screen.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]


def test_today_rows_open_and_act_on_their_appointment(
    qtbot: QtBot, ops: Operations, practice: dict[str, int]
) -> None:
    screen = TodayScreen(ops)
    qtbot.addWidget(screen)
    shown: list[QDialog] = []
    screen.run_dialog = shown.append  # type: ignore[method-assign]
    screen.resize(900, 560)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.model.rowCount() == 1
    index = screen.model.index(0, TodayColumn.CLIENT)
    where = screen.table.visualRect(index).center()
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    [dialog] = shown
    assert isinstance(dialog, AppointmentDialog)
    qtbot.addWidget(dialog)
    assert dialog.existing is not None and dialog.existing.id == practice["kate_appointment"]

    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert len(shown) == 2 and isinstance(shown[1], AppointmentDialog)
    qtbot.addWidget(shown[1])

    menu = screen.make_row_menu(screen.model.row(index))
    texts = [action.text() for action in menu.actions()]
    assert texts == [
        "Open appointment…",
        "Kate has arrived…",
        "Write up the session with Kate…",
        "I'm running late…",
        "Open Kate's page",
    ]
    menu.actions()[1].trigger()
    assert isinstance(shown[2], ArrivalDialog)
    qtbot.addWidget(shown[2])
    assert shown[2].appointment.client_id == practice["kate"]
    menu.actions()[2].trigger()
    assert isinstance(shown[3], InteractionEditor)
    qtbot.addWidget(shown[3])
    assert shown[3].client_id == practice["kate"]
    menu.actions()[3].trigger()
    assert isinstance(shown[4], RunningLateDialog)
    qtbot.addWidget(shown[4])
    with qtbot.waitSignal(screen.open_client) as opened:
        menu.actions()[4].trigger()
    assert opened.args == [practice["kate"]]


def test_today_keeps_the_chosen_row_when_it_refreshes_and_tab_leaves_the_list(
    qtbot: QtBot, ops: Operations, practice: dict[str, int]
) -> None:
    screen = TodayScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.select_appointment(practice["kate_appointment"])
    screen.refresh()  # the minute's refresh
    assert screen.subject() == Subject(practice["kate"], practice["kate_appointment"])
    assert not screen.table.tabKeyNavigation()


def test_choose_client_dialog_insists_on_a_client(
    qtbot: QtBot, ops: Operations, practice: dict[str, int], typist
) -> None:  # type: ignore[no-untyped-def]
    dialog = ChooseClientDialog(ops, "New contact", "Who is it with?")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.picker
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Choose a client" in dialog.error.text()
    typist(dialog.picker, "Rob Sample")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.client_id == practice["rob"]


def test_a_new_client_saved_while_a_search_hides_them_is_shown(
    qtbot: QtBot, ops: Operations, practice: dict[str, int], typist
) -> None:  # type: ignore[no-untyped-def]
    window, _opened = _window(qtbot, ops)
    screen = _select_on_clients(window, practice["rob"])
    typist(screen.search, "Katherine")
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    assert screen.detail_stack.currentWidget() is screen.form
    typist(screen.form.full_name, "Ngozi Example")
    qtbot.mouseClick(screen.form.save_button, Qt.MouseButton.LeftButton)
    assert screen.form.client is not None
    assert screen.form.client.full_name == "Ngozi Example"
    assert screen.search.text() == ""  # cleared: the list shows who was just saved
    assert screen.subject() == Subject(screen.form.client.id)
