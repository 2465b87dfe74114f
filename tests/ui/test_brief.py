"""The on-screen pre-session brief: greeting, last time, facts, open items, money, referrals."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from clientcare import clients
from clientcare import followups as fu
from clientcare.brief import pre_session_brief
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Charge,
    ChargeKind,
    ClientFact,
    ClientStatus,
    Expectation,
    Interaction,
    InteractionKind,
    InteractionState,
    SetBy,
    Urgency,
)
from ui.dialogs.brief import PreSessionBriefDialog
from ui.ops import Operations

TODAY = dt.date.today()


def make_client(db: Database, *, first_time: bool = False) -> int:
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(
                full_name="Siobhán Exemple",
                preferred_name="Shiv",
                pronunciation="shi-VAWN",
                pronouns="she/her",
                status=ClientStatus.ACTIVE,
            ),
            region="GB",
            today=TODAY - dt.timedelta(days=100),
        )
        if first_time:
            return client.id
        session.add(
            ClientFact(
                client_id=client.id, noted_on=TODAY - dt.timedelta(days=9), text="Has a new puppy"
            )
        )
        session.add(
            Interaction(
                client_id=client.id,
                kind=InteractionKind.SESSION,
                occurred_at=dt.datetime.combine(TODAY - dt.timedelta(days=7), dt.time(10)),
                notes="Talked about sleep and the new job.",
                client_words="I slept better this week.",
                next_steps="Keep the evening walk.",
                state=InteractionState.FINAL,
            )
        )
        session.add(
            Expectation(
                client_id=client.id,
                description="Replies to messages within two working days",
                set_by=SetBy.PRACTICE,
                set_on=TODAY - dt.timedelta(days=40),
                review_on=TODAY - dt.timedelta(days=1),
            )
        )
        session.add(
            Charge(
                client_id=client.id,
                kind=ChargeKind.SESSION,
                amount_minor=6000,
                charged_on=TODAY - dt.timedelta(days=50),
                currency="GBP",
            )
        )
        fu.create_issue(
            session,
            fu.IssueInput(client.id, "Needs a letter for work", Urgency.HIGH, TODAY),
            today=TODAY,
        )
        return client.id


def open_brief(qtbot: QtBot, ops: Operations, client_id: int) -> PreSessionBriefDialog:
    dialog = PreSessionBriefDialog(ops, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_brief_shows_how_to_greet_and_what_to_remember(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    dialog = open_brief(qtbot, ops, make_client(db))
    text = dialog.text.toPlainText()
    assert dialog.windowTitle() == "Before the session — Siobhán Exemple"
    assert text.startswith("Shiv\n")
    assert "say “shi-VAWN” · she/her · full name Siobhán Exemple" in text
    assert "Talked about sleep and the new job." in text
    assert "In their words: “I slept better this week.”" in text
    assert "Has a new puppy" in text
    assert "● due for review Replies to messages within two working days" in text
    assert "High: Needs a letter for work" in text  # one template: the printed form
    assert "Principle 14. An expectation is due for review" in text


def test_money_is_marked_practitioner_only_and_worded_gently(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    dialog = open_brief(qtbot, ops, make_client(db))
    text = dialog.text.toPlainText()
    assert "Money to handle gently" in text
    assert "Practitioner only. £60.00 outstanding; £60.00 of it is more than 30 days old." in text
    assert "no shame around money" in text
    for word in ("owe", "delinquent", "failed to pay"):
        assert word not in text


def test_a_first_session_asks_to_set_expectations(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    dialog = open_brief(qtbot, ops, make_client(db, first_time=True))
    text = dialog.text.toPlainText()
    assert "This is the first session: set expectations explicitly" in text
    assert "No session or call written up yet." in text
    assert "Money to handle gently" not in text
    assert "Consent: not asked." in text


def test_the_brief_opens_from_the_client_page(qtbot: QtBot, db: Database, ops: Operations) -> None:
    from PySide6.QtCore import Qt

    from ui.screens.clients import ClientsScreen

    client_id = make_client(db)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    assert screen.select_client(client_id)
    opened: list[PreSessionBriefDialog] = []
    form = screen.form

    def make(cid: int) -> PreSessionBriefDialog:
        dialog = PreSessionBriefDialog(ops, cid, form)
        qtbot.addWidget(dialog)
        dialog.exec = dialog.show  # type: ignore[method-assign]  # not modal in a test
        opened.append(dialog)
        return dialog

    form.make_brief_dialog = make  # type: ignore[method-assign]
    qtbot.mouseClick(form.brief_button, Qt.MouseButton.LeftButton)
    [dialog] = opened
    assert dialog.isVisible()
    assert dialog.text.toPlainText().startswith("Shiv\n")


def _section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_the_dialog_shows_what_the_print_shows(qtbot: QtBot, db: Database, ops: Operations) -> None:
    client_id = make_client(db)
    with db.unit_of_work() as session:
        for n in range(8):
            session.add(
                ClientFact(
                    client_id=client_id,
                    noted_on=TODAY - dt.timedelta(days=20 + n),
                    text=f"Older fact {n}",
                )
            )
        session.add(  # newer than the session, but a session is what "last time" means
            Interaction(
                client_id=client_id,
                kind=InteractionKind.PHONE_CALL,
                occurred_at=dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(9)),
                client_words="Called to move the time.",
                state=InteractionState.FINAL,
            )
        )
    dialog = open_brief(qtbot, ops, client_id)
    shown = dialog.text.toPlainText()
    with db.reading() as session:
        printout = pre_session_brief(session, client_id, now=dt.datetime.now())
    document = QTextDocument()
    document.setHtml(printout.html)
    printed = document.toPlainText()
    for start, end in (("Last time", "Facts to remember"), ("Facts to remember", "Open ")):
        assert _section(shown, start, end) == _section(printed, start, end)
    facts = _section(shown, "Facts to remember", "Open ")
    assert "Has a new puppy" in facts and "Older fact 4" in facts
    assert "Older fact 5" not in facts
    assert "And 3 more facts on the client's page." in facts
    last_time = _section(shown, "Last time", "Facts to remember")
    assert "I slept better this week." in last_time
    assert "Called to move the time." not in last_time
