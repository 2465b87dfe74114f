"""Reports: adherence to the service principles over the finalised contacts."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from clientcare import clients, interactions
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ChecklistAnswerValue, ClientStatus, InteractionKind
from ui.ops import Operations
from ui.screens.reports import ReportsScreen


def finalised_session(db: Database) -> None:
    now = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=2)
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=now.date(),
        )
        data = interactions.InteractionInput(
            client_id=client.id,
            kind=InteractionKind.SESSION,
            occurred_at=now,
            notes="Talked about work.",
        )
        draft = interactions.save_draft(session, data, interaction_id=None, now=now)
        for item in draft.checklist:
            if item.requirement.value == "required":
                interactions.answer(
                    session, draft.id, item.principle_id, ChecklistAnswerValue.DONE, now=now
                )
        interactions.finalise(session, draft.id, now=now, today=now.date())


def test_reports_show_adherence_of_finalised_contacts(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    screen = ReportsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    assert any("Nothing to show yet" in text for text in screen.chart.texts())
    finalised_session(db)
    screen.refresh()
    texts = screen.chart.texts()
    assert "100 % (1 of 1)" in texts  # principle 1, answered done
    assert "0 % (0 of 1)" in texts  # an advisory principle left unanswered
    assert "100 %" in screen.chart.accessibleDescription()
