"""The Follow-ups screen driven as a person would: issues, expectations, check-ins, prospects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QRadioButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clientcare import clients
from clientcare import followups as fu
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    CheckIn,
    Client,
    ClientIssue,
    ClientStatus,
    ConsentState,
    ContactChannel,
    Expectation,
    ExpectationOutcome,
    Interaction,
    InteractionKind,
    InteractionState,
    IssueStatus,
    SetBy,
)
from tests.ui.conftest import choose_client
from ui.dialogs.followups import (
    CheckInDialog,
    DeclineDialog,
    IssueDialog,
    ReviewExpectationDialog,
)
from ui.models.followups import CheckInColumn, IssueColumn
from ui.ops import Operations
from ui.screens.followups import FollowUpsScreen

TODAY = dt.date.today()


def add_client(
    db: Database, name: str, preferred: str = "", status: ClientStatus = ClientStatus.PAUSED
) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, preferred_name=preferred, status=status),
            region="GB",
            today=TODAY - dt.timedelta(days=200),
        ).id


def last_contact(db: Database, client_id: int, days_ago: int) -> None:
    with db.unit_of_work() as session:
        session.add(
            Interaction(
                client_id=client_id,
                kind=InteractionKind.SESSION,
                occurred_at=dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(10)),
                notes="Agreed to pause for now.",
                state=InteractionState.FINAL,
            )
        )


def consent(db: Database, client_id: int, state: ConsentState, days_ago: int = 60) -> None:
    given = state is ConsentState.GIVEN
    with db.unit_of_work() as session:
        fu.record_consent(
            session,
            client_id,
            state,
            recorded_on=TODAY - dt.timedelta(days=days_ago),
            today=TODAY,
            channel=ContactChannel.SMS if given else None,
            interval_days=30 if given else None,
            client_words="A short message now and then would be nice." if given else "",
        )


def count(db: Database, model: type) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def screen(qtbot: QtBot, ops: Operations) -> FollowUpsScreen:
    widget = FollowUpsScreen(ops)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def drive(screen: FollowUpsScreen, qtbot: QtBot, act: Callable[[QDialog], None]) -> list[QDialog]:
    """Replace the modal exec: each dialog is registered, shown, driven by ``act``."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog)
        act(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    screen.run_dialog = run  # type: ignore[method-assign]
    return seen


def cell(table, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return str(table.model().index(row, column).data())


# --------------------------------------------------------------------------
# Check-ins
# --------------------------------------------------------------------------


def test_a_due_checkin_is_listed_only_for_the_consenting_client(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    yes = add_client(db, "Zoë Núñez", "Zoë")
    asked = add_client(db, "Ben Asked")
    never = add_client(db, "Cat Neverasked")
    withdrawn = add_client(db, "Dan Withdrawn")
    for client in (yes, asked, never, withdrawn):
        last_contact(db, client, 60)
    consent(db, yes, ConsentState.GIVEN)
    consent(db, asked, ConsentState.ASKED)
    consent(db, withdrawn, ConsentState.GIVEN)
    consent(db, withdrawn, ConsentState.WITHDRAWN, days_ago=5)
    screen = FollowUpsScreen(ops)
    qtbot.addWidget(screen)
    screen.show_tab("checkins")
    table = screen.checkins.table
    assert table.model().rowCount() == 1
    assert cell(table, 0, CheckInColumn.CLIENT) == "Zoë Núñez"
    assert cell(table, 0, CheckInColumn.CHANNEL) == "SMS"
    assert screen.tabs.tabText(2) == "Check-ins (1)"


def test_logging_a_checkin_from_the_list_moves_the_next_due_date(
    qtbot: QtBot, db: Database, screen: FollowUpsScreen
) -> None:
    client = add_client(db, "Samantha Example", "Sam")
    last_contact(db, client, 45)
    consent(db, client, ConsentState.GIVEN, days_ago=50)
    screen.refresh()
    screen.show_tab("checkins")
    assert screen.checkins.table.model().rowCount() == 1

    def send(dialog: QDialog) -> None:
        assert isinstance(dialog, CheckInDialog)
        assert dialog.message.toPlainText().startswith("Hello Sam, just thinking of you.")
        dialog.message.moveCursor(dialog.message.textCursor().MoveOperation.End)
        qtbot.keyClicks(dialog.message, " Take care.")
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)

    seen = drive(screen, qtbot, send)
    qtbot.mouseClick(screen.checkins.draft_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and seen[0].result() == QDialog.DialogCode.Accepted
    assert screen.checkins.table.model().rowCount() == 0
    assert screen.checkins.empty.isVisible()
    with db.reading() as session:
        [(text, channel)] = session.execute(select(CheckIn.message_text, CheckIn.channel)).all()
        status = fu.checkin_status(session, client, today=TODAY)
    assert text.endswith("Take care.")
    assert channel is ContactChannel.SMS
    assert status.next_due_on == TODAY + dt.timedelta(days=30)


def test_consent_withdrawn_while_the_draft_is_open_keeps_the_text_and_stores_nothing(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    client = add_client(db, "Samantha Example", "Sam")
    last_contact(db, client, 45)
    consent(db, client, ConsentState.GIVEN, days_ago=50)
    dialog = CheckInDialog(ops, client)
    qtbot.addWidget(dialog)
    dialog.show()
    consent(db, client, ConsentState.WITHDRAWN, days_ago=0)
    text = dialog.message.toPlainText()
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.log_error.isVisible()
    assert "Sam has withdrawn consent to check-ins" in dialog.log_error.text()
    assert dialog.message.toPlainText() == text
    assert count(db, CheckIn) == 0


def test_the_draft_flags_a_pet_name_as_it_is_typed(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    client = add_client(db, "Samantha Example", "Sam")
    consent(db, client, ConsentState.GIVEN)
    dialog = CheckInDialog(ops, client)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.hints.isVisible()
    dialog.message.moveCursor(dialog.message.textCursor().MoveOperation.End)
    qtbot.keyClicks(dialog.message, " Thanks, honey.")
    assert dialog.hints.isVisible()
    assert "honey" in dialog.hints.text()


# --------------------------------------------------------------------------
# Issues
# --------------------------------------------------------------------------


def test_a_crisis_needs_a_note_then_tops_the_queue_and_the_budget_speaks_up(
    qtbot: QtBot, db: Database, screen: FollowUpsScreen
) -> None:
    client = add_client(db, "Ann Example", status=ClientStatus.ACTIVE)
    with db.unit_of_work() as session:
        fu.create_issue(
            session,
            fu.IssueInput(client, "Receipt address", fu.Urgency.NORMAL, TODAY - dt.timedelta(3)),
            today=TODAY,
        )
    screen.refresh()
    assert not screen.issues.banner.isVisible()
    attempts: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, IssueDialog)
        choose_client(qtbot, dialog.client, "Ann Example")
        qtbot.keyClicks(dialog.title, "Frightened after the break-in")
        dialog.urgency.setCurrentIndex(dialog.urgency.findData("crisis"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        attempts.append(dialog.fields["description"].error.text())
        assert dialog.fields["description"].error.isVisible()
        assert count(db, ClientIssue) == 1
        qtbot.keyClicks(dialog.description, "Called tonight; staying with a friend.")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    drive(screen, qtbot, fill)
    qtbot.mouseClick(screen.issues.new_button, Qt.MouseButton.LeftButton)
    assert attempts[0].startswith("⚠ An issue marked crisis needs a note")
    table = screen.issues.table
    assert cell(table, 0, IssueColumn.URGENCY) == "▲▲ Crisis"
    assert cell(table, 0, IssueColumn.TITLE) == "Frightened after the break-in"
    assert cell(table, 1, IssueColumn.URGENCY) == "● Normal"
    assert screen.issues.banner.isVisible()
    assert "1 of 2 open issues is marked crisis or high" in screen.issues.banner.text()
    assert "re-rank" in screen.issues.banner.text()


def test_resolve_then_reopen_an_issue(qtbot: QtBot, db: Database, screen: FollowUpsScreen) -> None:
    client = add_client(db, "Ann Example", status=ClientStatus.ACTIVE)
    with db.unit_of_work() as session:
        issue = fu.create_issue(
            session,
            fu.IssueInput(client, "Letter for work", fu.Urgency.HIGH, TODAY, description="Asked."),
            today=TODAY,
        )
    screen.refresh()

    def resolve(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.note, "Posted the letter.")  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    drive(screen, qtbot, resolve)
    qtbot.mouseClick(screen.issues.resolve_button, Qt.MouseButton.LeftButton)
    assert screen.issues.table.isHidden() and screen.issues.empty.isVisible()
    screen.issues.show_filter.setCurrentIndex(1)
    assert "(resolved" in cell(screen.issues.table, 0, IssueColumn.TITLE)
    assert screen.issues.reopen_button.isEnabled()
    qtbot.mouseClick(screen.issues.reopen_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        row = fu.get_issue(session, issue.id, today=TODAY)
    assert (row.status, row.reopened_count) == (IssueStatus.OPEN, 1)
    assert "Posted the letter." in row.description
    assert "Posted the letter." in screen.issues.detail.text()


# --------------------------------------------------------------------------
# Expectations and prospects
# --------------------------------------------------------------------------


def test_reviewing_an_expectation_not_met_asks_for_the_conversation(
    qtbot: QtBot, db: Database, screen: FollowUpsScreen
) -> None:
    client = add_client(db, "Ann Example", status=ClientStatus.ACTIVE)
    with db.unit_of_work() as session:
        session.add(
            Expectation(
                client_id=client,
                description="Replies to messages within two working days",
                set_by=SetBy.PRACTICE,
                set_on=TODAY - dt.timedelta(days=40),
                review_on=TODAY - dt.timedelta(days=3),
            )
        )
    screen.refresh()
    screen.show_tab("expectations")
    assert screen.tabs.tabText(1) == "Expectations (1)"
    assert "Due since" in cell(screen.expectations.table, 0, 0)

    def review(dialog: QDialog) -> None:
        assert isinstance(dialog, ReviewExpectationDialog)
        not_met = dialog.findChild(QRadioButton, "outcome_not_met")
        qtbot.mouseClick(not_met, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.fields["conversation_note"].error.isVisible()
        qtbot.keyClicks(dialog.note, "Holidays made it four days; agreed to say so in advance.")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    drive(screen, qtbot, review)
    qtbot.mouseClick(screen.expectations.review_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        stored = session.scalars(select(Expectation)).one()
        assert (stored.outcome, stored.reviewed_on) == (ExpectationOutcome.NOT_MET, TODAY)
        assert stored.conversation_note.startswith("Holidays made it four days")
    assert screen.expectations.empty.isVisible()
    assert screen.tabs.tabText(1) == "Expectations"


def test_a_prospect_declines_with_a_reason_and_the_figures_follow(
    qtbot: QtBot, db: Database, screen: FollowUpsScreen
) -> None:
    prospect = add_client(db, "Pat Prospect", status=ClientStatus.PROSPECT)
    screen.refresh()
    screen.show_tab("contacts")
    panel = screen.contacts
    assert panel.prospects_table.model().rowCount() == 1
    assert "Inquiry: 1" in panel.stage_counts.text()

    def decline(dialog: QDialog) -> None:
        assert isinstance(dialog, DeclineDialog)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.fields["declined_reason"].error.isVisible()
        qtbot.keyClicks(dialog.reason, "Found someone closer to home")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    drive(screen, qtbot, decline)
    qtbot.mouseClick(panel.decline_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        stored = session.get(Client, prospect)
        assert stored is not None
        assert (stored.status, stored.declined_reason) == (
            ClientStatus.DECLINED,
            "Found someone closer to home",
        )
    assert panel.prospects_empty.isVisible()
    assert "1</b> decided not to go ahead" in panel.conversion.text()
    assert "Found someone closer to home" in panel.conversion.text()
