"""No dialog is filled with every client: each "which client?" is a type-ahead picker that
holds a few suggestions, however large the practice (issue 19: a combo of 2,000 clients
filled a few dozen times was slow, and the call that crashed the app)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget
from pytestqt.qtbot import QtBot

from clientcare import clients
from clientcare.clients import PICK_LIMIT, ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus
from tests.ui.conftest import choose_client
from ui.ops import Operations
from ui.widgets.client_picker import ClientPicker

CLIENTS = PICK_LIMIT * 5


@pytest.fixture
def many(db: Database) -> list[int]:
    with db.unit_of_work() as session:
        return [
            clients.create_client(
                session,
                ClientInput(full_name=f"Person {n:03} Example", status=ClientStatus.ACTIVE),
                region="GB",
                today=__import__("datetime").date(2026, 11, 23),
            ).id
            for n in range(CLIENTS)
        ]


def _appointment(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.appointment import AppointmentDialog

    return AppointmentDialog(ops)


def _referral(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.referral import ReferralDialog

    return ReferralDialog(ops)


def _source(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.referral import SourceDialog

    return SourceDialog(ops, client_id)


def _issue(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.followups import IssueDialog

    return IssueDialog(ops)


def _expectation(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.followups import ExpectationDialog

    return ExpectationDialog(ops)


def _attempt(ops: Operations, client_id: int) -> QWidget:
    from ui.dialogs.followups import ContactAttemptDialog

    return ContactAttemptDialog(ops, None)


def _waitlist(ops: Operations, client_id: int) -> QWidget:
    from ui.widgets.waitlist_panel import WaitlistDialog

    return WaitlistDialog(ops)


def _followups_screen(ops: Operations, client_id: int) -> QWidget:
    from ui.screens.followups import FollowUpsScreen

    screen = FollowUpsScreen(ops)
    screen.tabs.setCurrentWidget(screen.checkins)  # its "Consent…" asks which client
    return screen


ASKING: dict[str, Callable[[Operations, int], QWidget]] = {
    "appointment": _appointment,
    "referral": _referral,
    "referral source": _source,
    "issue": _issue,
    "expectation": _expectation,
    "contact attempt": _attempt,
    "waitlist": _waitlist,
    "follow-ups screen": _followups_screen,
}


def _largest_list(root: QWidget) -> int:
    """The most rows any combo box or completer under ``root`` holds."""
    sizes = [combo.count() for combo in root.findChildren(QComboBox)]
    for completer in root.findChildren(QCompleter):
        model: QAbstractItemModel | None = completer.model()
        if model is not None:
            sizes.append(model.rowCount())
    return max(sizes, default=0)


@pytest.mark.parametrize("name", list(ASKING))
def test_no_list_holds_every_client_and_typing_finds_one(
    qtbot: QtBot, ops: Operations, many: list[int], name: str
) -> None:
    widget = ASKING[name](ops, many[0])
    qtbot.addWidget(widget)
    widget.show()
    assert _largest_list(widget) < PICK_LIMIT  # nothing listed until asked
    pickers = [p for p in widget.findChildren(ClientPicker) if p.isVisibleTo(widget)]
    assert pickers, "no client picker to type in"
    picker = pickers[0]
    choose_client(qtbot, picker, "Person 042 Example")
    assert picker.client_id() == many[42]
    assert _largest_list(widget) <= PICK_LIMIT


@pytest.mark.parametrize(
    "name", ["appointment", "referral", "issue", "expectation", "contact attempt", "waitlist"]
)
def test_a_new_record_starts_in_its_client_field(
    qtbot: QtBot, ops: Operations, many: list[int], name: str
) -> None:
    """Qt would give the first focus to Save (made before the fields): typing a name
    straight away must land in the client field."""
    widget = ASKING[name](ops, many[0])
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.focusWidget() is not None, timeout=2000)
    assert isinstance(widget.focusWidget(), ClientPicker), widget.focusWidget()
