"""Calendar, Reports and Settings at any size: your own work first (the practice's on
request), what is not shown is not built or read, and a change elsewhere is read when the
screen is next seen, not before."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clientcare import clients, interactions, waitlist
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    ChecklistAnswerValue,
    ClientStatus,
    InteractionKind,
    Practitioner,
)
from ui.ops import Changes, Operations
from ui.widgets.scope_choice import PRACTICE

NOW = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=2)


def practice(db: Database) -> dict[str, int]:
    """You (Ada) and a colleague (Bo), a client each, each with one finalised session."""
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Ada You", is_current_user=True)
        bo = Practitioner(full_name="Bo Colleague")
        session.add_all([ada, bo])
        session.flush()
        ids = {"ada": ada.id, "bo": bo.id}
        for name, practitioner in (("Ann Yours", ada.id), ("Ben Theirs", bo.id)):
            client = clients.create_client(
                session,
                ClientInput(
                    full_name=name,
                    status=ClientStatus.ACTIVE,
                    primary_practitioner_id=practitioner,
                ),
                region="GB",
                today=NOW.date(),
            )
            ids[name] = client.id
            draft = interactions.save_draft(
                session,
                interactions.InteractionInput(
                    client_id=client.id,
                    kind=InteractionKind.SESSION,
                    occurred_at=NOW,
                    notes="Talked.",
                ),
                interaction_id=None,
                now=NOW,
            )
            for item in draft.checklist:
                if item.requirement.value == "required":
                    interactions.answer(
                        session, draft.id, item.principle_id, ChecklistAnswerValue.DONE, now=NOW
                    )
            interactions.finalise(session, draft.id, now=NOW, today=NOW.date())
    return ids


def first_principle(screen) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    row = next(r for r in screen.chart.rows if r.number == 1)
    return row.applied, row.done


def test_reports_start_with_your_clients_and_count_the_practice_on_request(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    from ui.screens.reports import ReportsScreen

    practice(db)
    screen = ReportsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.scope_choice.isVisible()
    assert screen.scope_choice.combo.currentText() == "My clients"
    assert first_principle(screen) == (1, 1)  # Ann's session only
    screen.scope_choice.combo.setCurrentIndex(PRACTICE)  # "Whole practice"
    assert first_principle(screen) == (2, 2)


def test_a_hidden_report_reads_a_change_when_shown_again(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    from ui.screens.reports import ReportsScreen

    screen = ReportsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    reads: list[str] = []
    original = screen.refresh
    screen.refresh = lambda: (reads.append("read"), original())[1]  # type: ignore[method-assign]
    screen.hide()
    practice(db)  # written elsewhere, announced as the app would
    ops.changed.emit(Changes.INTERACTIONS | Changes.CLIENTS)
    ops.changed.emit(Changes.SETTINGS)
    assert reads == []  # nothing read while it is not on screen
    screen.show()
    assert reads == ["read"]  # once, for both changes
    assert first_principle(screen) == (1, 1)
    screen.hide()
    screen.show()
    assert reads == ["read"]  # shown again with nothing changed: nothing read


def test_the_calendar_opens_on_your_calendar_and_its_waitlist(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    from ui.screens.calendar import CalendarScreen

    ids = practice(db)
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    with db.unit_of_work() as session:
        for practitioner, client in (
            (ids["ada"], ids["Ann Yours"]),
            (ids["bo"], ids["Ben Theirs"]),
        ):
            session.add(
                Appointment(
                    client_id=client,
                    practitioner_id=practitioner,
                    start=dt.datetime.combine(monday, dt.time(10)),
                    duration_minutes=50,
                    status=AppointmentStatus.SCHEDULED,
                )
            )
        for client in (ids["Ann Yours"], ids["Ben Theirs"]):
            waitlist.add_to_waitlist(
                session, waitlist.WaitlistInput(client_id=client), today=dt.date.today()
            )
    screen = CalendarScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    assert screen.practitioner_filter.currentText() == "Ada You"
    assert [block.title for block in screen.grid.blocks] == ["Ann"]
    assert [row.client_name for row in screen.waitlist.model.rows] == ["Ann Yours"]
    assert screen.waitlist.count_label.text() == "1 waiting"
    # The whole practice on request: both calendars, both waiting.
    screen.practitioner_filter.setCurrentIndex(
        screen.practitioner_filter.findText("All practitioners")
    )
    assert sorted(block.title for block in screen.grid.blocks) == ["Ann", "Ben"]
    assert screen.waitlist.count_label.text() == "2 waiting"
    # The month: each day counted in SQL.
    qtbot.mouseClick(
        screen.findChild(type(screen.previous_button), "view_month"), Qt.MouseButton.LeftButton
    )
    assert screen.month.days[monday].count == 2


def test_a_long_waitlist_reads_a_page_and_says_how_many(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    from ui.widgets.waitlist_panel import WAITLIST_PAGE, WaitlistPanel

    with db.unit_of_work() as session:
        for number in range(WAITLIST_PAGE + 10):
            client = clients.create_client(
                session,
                ClientInput(full_name=f"Waiting {number:03}", status=ClientStatus.ACTIVE),
                region="GB",
                today=NOW.date(),
            )
            waitlist.add_to_waitlist(
                session, waitlist.WaitlistInput(client_id=client.id), today=NOW.date()
            )
    panel = WaitlistPanel(ops)
    qtbot.addWidget(panel)
    panel.resize(320, 600)
    panel.show()
    total = ops.read(lambda s: waitlist.count_waiting(s))
    assert panel.model.rowCount() == WAITLIST_PAGE
    assert panel.count_label.text() == f"{WAITLIST_PAGE} of {total} waiting shown"
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() == total)
    assert panel.count_label.text() == f"{total} waiting"


def test_settings_builds_a_tab_when_it_is_first_shown(qtbot: QtBot, ops: Operations) -> None:
    from ui.screens.settings import MessagesTab, SettingsScreen

    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    assert set(screen._built) == {"practice"}
    assert not screen.findChildren(MessagesTab)
    bar = screen.tabs.tabBar()
    index = next(i for i in range(screen.tabs.count()) if screen.tabs.tabText(i) == "&Messages")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert isinstance(screen.tabs.currentWidget(), MessagesTab)
    assert screen.tabs.currentWidget() is screen.messages
    assert screen.tabs.tabText(index) == "&Messages"
    assert set(screen._built) == {"practice", "messages"}
