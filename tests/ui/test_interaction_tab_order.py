"""The interaction editor sets its Tab order quietly, whatever the checklist ends with.

A contact whose checklist ends with the automatic language check (a phone call, a
message) used to chain a field that was never in the editor's window, and Qt printed
"QWidget::setTabOrder: 'first' and 'second' must be in the same window".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from pytestqt.qtbot import QtBot

from clientcare import clients, interactions
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, InteractionKind, Requirement
from clientcare.interactions import InteractionInput
from clientcare.practice import add_practitioner
from tests.ui.test_keyboard import assert_tab_order, show_dialog
from ui.dialogs.interaction import InteractionEditor
from ui.ops import Operations

TAB_ORDER_WARNING = "setTabOrder"


@contextmanager
def qt_messages() -> Iterator[list[str]]:
    """Every Qt message printed inside the block (works with or without ``-s``)."""
    messages: list[str] = []

    def keep(_kind: QtMsgType, _context: object, message: str) -> None:
        messages.append(message)

    previous = qInstallMessageHandler(keep)
    try:
        yield messages
    finally:
        qInstallMessageHandler(previous)


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


def saved_contact(db: Database, client_id: int, kind: InteractionKind) -> int:
    now = dt.datetime.now().replace(second=0, microsecond=0)
    with db.unit_of_work() as session:
        data = InteractionInput(client_id=client_id, kind=kind, occurred_at=now)
        return interactions.save_draft(session, data, interaction_id=None, now=now).id


@pytest.mark.parametrize("kind", [InteractionKind.PHONE_CALL, InteractionKind.MESSAGE])
def test_opening_a_saved_contact_prints_no_tab_order_warning(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, kind: InteractionKind
) -> None:
    interaction_id = saved_contact(db, client_id, kind)
    with qt_messages() as messages:
        editor = show_dialog(qtbot, InteractionEditor(ops, interaction_id=interaction_id))
    last_row = list(editor.checklist_rows.values())[-1]
    assert last_row.item.requirement is Requirement.AUTOMATIC  # the case that used to warn
    assert not [m for m in messages if TAB_ORDER_WARNING in m], messages


def test_choosing_each_kind_prints_no_tab_order_warning(
    qtbot: QtBot, ops: Operations, client_id: int
) -> None:
    editor = show_dialog(qtbot, InteractionEditor(ops, client_id=client_id))
    with qt_messages() as messages:
        for index in range(editor.kind.count()):
            editor.kind.setCurrentIndex(index)
    assert not [m for m in messages if TAB_ORDER_WARNING in m], messages


def test_tab_reaches_every_input_of_a_phone_call_in_reading_order(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    interaction_id = saved_contact(db, client_id, InteractionKind.PHONE_CALL)
    editor = show_dialog(qtbot, InteractionEditor(ops, interaction_id=interaction_id))
    assert_tab_order(qtbot, editor)
    # The checklist's answer field comes before the buttons at the bottom.
    answer = next(r for r in editor.checklist_rows.values() if r.buttons).text
    assert answer.nextInFocusChain() is editor.bottom_buttons[0]
