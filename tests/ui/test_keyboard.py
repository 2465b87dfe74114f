"""Keyboard first: menu shortcuts do what they say, Tab reaches every input in a sensible
order, and every button without text has an accessible name."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clientcare import clients
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus
from clientcare.practice import add_practitioner
from tests.ui.conftest import click_client_row
from ui.main_window import SECTIONS, MainWindow
from ui.ops import Operations
from ui.screens.clients import ClientsScreen

INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)


@pytest.fixture
def client_id(db: Database) -> int:
    with db.unit_of_work() as session:
        add_practitioner(session, "Sam Taylor", is_current_user=True)
        return clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=dt.date.today(),
        ).id


def make_window(qtbot: QtBot, ops: Operations) -> MainWindow:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


# -- shortcuts ---------------------------------------------------------------------


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_every_frequent_action_has_a_shortcut_shown_in_the_menus(
    qtbot: QtBot, ops: Operations
) -> None:
    from ui.dialogs.help import menu_shortcuts

    window = make_window(qtbot, ops)
    listed = {(keys, action) for _menu, keys, action in menu_shortcuts(window)}
    for keys, action in (
        ("Ctrl+N", "New appointment"),
        ("Ctrl+I", "New contact / session note"),
        ("Ctrl+F", "Find"),
        ("Ctrl+Shift+N", "New client"),
        ("Ctrl+L", "I'm running late"),
        ("Ctrl+P", "Print"),
        ("Ctrl+1 or Ctrl+T", "Today"),
        ("F1", "User guide"),
    ):
        assert (keys, action) in listed, (keys, action)


def test_ctrl_f_goes_to_the_client_search_and_ctrl_shift_n_starts_a_client(
    qtbot: QtBot, ops: Operations, client_id: int
) -> None:
    window = make_window(qtbot, ops)
    window.go_to("today")
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    screen = window.screens["clients"]
    assert isinstance(screen, ClientsScreen)
    assert window.current_section() == "clients"
    assert QApplication.focusWidget() is screen.search

    window.go_to("reports")
    press(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    assert window.current_section() == "clients"
    assert screen.form.client is None
    assert QApplication.focusWidget() is screen.form.full_name


def test_ctrl_f_on_a_screen_with_its_own_list_searches_that_list(
    qtbot: QtBot, ops: Operations
) -> None:
    window = make_window(qtbot, ops)
    window.go_to("referrals")
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    assert window.current_section() == "referrals"
    assert isinstance(QApplication.focusWidget(), QLineEdit)


def test_ctrl_n_opens_the_calendar_booking_dialog_from_anywhere(
    qtbot: QtBot, ops: Operations, client_id: int
) -> None:
    from ui.dialogs.appointment import AppointmentDialog

    window = make_window(qtbot, ops)
    calendar = window.screens["calendar"]
    seen: list[QDialog] = []
    calendar.run_dialog = seen.append  # type: ignore[attr-defined]
    window.go_to("money")
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert window.current_section() == "calendar"
    [dialog] = seen
    assert isinstance(dialog, AppointmentDialog)
    qtbot.addWidget(dialog)
    # On the calendar itself the key still books (its own shortcut gave way to the menu's).
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert len(seen) == 2
    qtbot.addWidget(seen[1])


def test_ctrl_l_from_any_screen_says_when_there_is_nothing_to_be_late_for(
    qtbot: QtBot, ops: Operations, client_id: int
) -> None:
    window = make_window(qtbot, ops)
    window.go_to("settings")
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.current_section() == "today"
    assert "no appointment left today" in window.statusBar().currentMessage()


def test_ctrl_t_goes_to_today_and_ctrl_p_prints_or_says_what_prints(
    qtbot: QtBot, ops: Operations
) -> None:
    window = make_window(qtbot, ops)
    window.go_to("reports")
    press(qtbot, window, Qt.Key.Key_T, CTRL)
    assert window.current_section() == "today"
    window.go_to("settings")
    press(qtbot, window, Qt.Key.Key_P, CTRL)
    assert "Nothing to print here" in window.statusBar().currentMessage()


# -- tab order ---------------------------------------------------------------------


def _owner(widget: QWidget) -> QWidget:
    """The input a focused part belongs to (a spin box's or combo box's line edit)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return parent
        parent = parent.parentWidget()
    return widget


def focusable_inputs(root: QWidget) -> list[QWidget]:
    """The inputs a person can Tab to inside ``root``, in focus-chain order.

    Walks ``nextInFocusChain()`` from ``root`` once around; keeps the visible, enabled
    inputs that accept Tab focus (parts of a spin box or combo box count as their owner).
    """
    found: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not root and widget is not None:
        owner = _owner(widget)
        if (
            isinstance(owner, INPUTS)
            and (root is owner or root.isAncestorOf(owner))
            and owner.isVisibleTo(root)
            and owner.isEnabled()
            and owner.focusPolicy() & Qt.FocusPolicy.TabFocus
            and owner not in found
            and widget.focusProxy() is None
        ):
            found.append(owner)
        widget = widget.nextInFocusChain()
    return found


def tab_through(qtbot: QtBot, root: QWidget, first: QWidget, limit: int) -> list[QWidget]:
    """Press Tab from ``first`` until focus leaves ``root`` or comes back; the inputs seen.

    Where each was on the screen when it took the focus (a scroll area may scroll to
    it) is kept in ``FOCUSED_AT`` for :func:`backwards_jumps`.
    """
    FOCUSED_AT.clear()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [first]
    FOCUSED_AT[id(first)] = first.mapToGlobal(first.rect().topLeft())
    for _ in range(limit):
        current = QApplication.focusWidget()
        assert current is not None
        QTest.keyClick(current, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is None or not (root is focused or root.isAncestorOf(focused)):
            break
        owner = _owner(focused)
        if owner is first and len(seen) > 1:
            break
        if not seen or seen[-1] is not owner:
            seen.append(owner)
            FOCUSED_AT.setdefault(id(owner), owner.mapToGlobal(owner.rect().topLeft()))
    return seen


#: Where each input was on the screen when Tab brought the focus to it.
FOCUSED_AT: dict[int, QPoint] = {}


def _stop(widget: QWidget) -> object:
    """One Tab stop: a widget, or the group of radio buttons it belongs to."""
    if isinstance(widget, QRadioButton) and widget.autoExclusive():
        return widget.group() or widget.parentWidget()
    return widget


def backwards_jumps(order: list[QWidget]) -> list[str]:
    """Moves up and to the left (against reading order), which a person would not expect."""
    problems = []
    inputs = [w for w in order if isinstance(w, INPUTS)]
    for before, after in itertools.pairwise(inputs):
        a = FOCUSED_AT.get(id(before)) or before.mapToGlobal(before.rect().topLeft())
        b = FOCUSED_AT.get(id(after)) or after.mapToGlobal(after.rect().topLeft())
        if b.y() < a.y() - 12 and b.x() < a.x() - 12:
            problems.append(f"{_name(before)} {a.toTuple()} → {_name(after)} {b.toTuple()}")
    return problems


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return widget.objectName() or widget.accessibleName() or text or type(widget).__name__


def assert_tab_order(qtbot: QtBot, root: QWidget) -> None:
    inputs = focusable_inputs(root)
    assert inputs, "nothing to Tab to"
    reached = tab_through(qtbot, root, inputs[0], limit=len(inputs) * 3)
    # Tab enters a group of radio buttons once; the arrow keys choose within it.
    stops = {_stop(w) for w in reached}
    missing = [_name(w) for w in inputs if _stop(w) not in stops]
    assert not missing, f"Tab never reaches: {missing}"
    assert not backwards_jumps(reached), backwards_jumps(reached)


def show_dialog(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _client_form(ops: Operations, client_id: int) -> QWidget:
    screen = ClientsScreen(ops)
    screen.resize(1280, 800)
    screen.select_client(client_id)
    return screen


def _appointment(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.appointment import AppointmentDialog

    return AppointmentDialog(ops)


def _interaction(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.interaction import InteractionEditor

    return InteractionEditor(ops, client_id=client_id)


def _payment(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.payment import PaymentDialog

    return PaymentDialog(ops, client_id)


def _referral(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.referral import ReferralDialog

    return ReferralDialog(ops, client_id=client_id)


def _issue(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.followups import IssueDialog

    return IssueDialog(ops, client_id=client_id)


DIALOGS: dict[str, Callable[[Operations, int], QWidget]] = {
    "client form": _client_form,
    "appointment": _appointment,
    "interaction editor": _interaction,
    "payment": _payment,
    "referral": _referral,
    "issue": _issue,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_tab_reaches_every_input_in_reading_order(
    qtbot: QtBot, ops: Operations, client_id: int, name: str
) -> None:
    widget = show_dialog(qtbot, DIALOGS[name](ops, client_id))
    # The client form is checked with its list: Tab goes from the list to the page's
    # header (the list's toggle, the brief…), its tabs, then the fields.
    assert_tab_order(qtbot, widget)


def test_the_first_run_wizard_tabs_through_its_fields(qtbot: QtBot, ops: Operations) -> None:
    from ui.dialogs.first_run import FirstRunWizard

    wizard = FirstRunWizard(ops)
    show_dialog(qtbot, wizard)
    wizard.next()
    assert_tab_order(qtbot, wizard.currentPage())
    wizard.practice_name.setText("Riverside")
    wizard.practitioner_name.setText("Sam Taylor")
    wizard.next()
    wizard.next()
    assert_tab_order(qtbot, wizard.currentPage())


# -- accessible names --------------------------------------------------------------


def unnamed_icon_buttons(root: QWidget) -> list[str]:
    """Buttons showing no text (an icon only) that have no accessible name either."""
    problems = []
    for button in root.findChildren(QAbstractButton):
        internal = button.objectName().startswith(("qt_", "_q_"))
        if internal or button.text().strip() or button.accessibleName().strip():
            continue
        if not button.isVisibleTo(root):
            continue
        where = button.parentWidget()
        problems.append(f"{type(button).__name__} in {_name(where) if where else '?'}")
    return problems


def test_every_icon_only_button_has_an_accessible_name(
    qtbot: QtBot, ops: Operations, client_id: int
) -> None:
    window = make_window(qtbot, ops)
    problems: dict[str, list[str]] = {}
    for section in SECTIONS:
        window.go_to(section.key)
        found = unnamed_icon_buttons(window.screens[section.key])
        if found:
            problems[section.key] = found
    for name, make in DIALOGS.items():
        widget = make(ops, client_id)
        qtbot.addWidget(widget)
        widget.show()
        found = unnamed_icon_buttons(widget)
        if found:
            problems[name] = found
    from ui.dialogs.first_run import FirstRunWizard
    from ui.dialogs.help import AboutDialog, GuideDialog, ShortcutsDialog

    for extra in (
        FirstRunWizard(ops),
        AboutDialog("x.sqlite3"),
        GuideDialog(),
        ShortcutsDialog(window),
    ):
        qtbot.addWidget(extra)
        extra.show()
        found = unnamed_icon_buttons(extra)
        if found:
            problems[type(extra).__name__] = found
    assert not problems, problems


def test_tab_leaves_every_list_on_every_screen(
    qtbot: QtBot, ops: Operations, client_id: int
) -> None:
    """Tab goes on to the next control; the arrow keys move inside a list (a table that
    is not edited in place never keeps Tab to itself, cell by cell)."""
    window = make_window(qtbot, ops)
    keeping = []
    for section in SECTIONS:
        window.go_to(section.key)
        for table in window.screens[section.key].findChildren(QTableView):
            editable = table.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
            if table.tabKeyNavigation() and not editable:
                keeping.append(f"{section.key}: {table.objectName() or type(table).__name__}")
    assert not keeping, keeping

    # As a person: in the client list, Tab goes on to the client's page.
    window.go_to("clients")
    screen = window.screens["clients"]
    assert isinstance(screen, ClientsScreen)
    click_client_row(qtbot, screen)
    screen.table.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(screen.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.list_toggle
