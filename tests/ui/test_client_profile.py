"""The client's page as a full-width profile (issue 21): headed by the name to greet them
by, its record in tabs, the list beside it folding away, and the client's open
follow-ups one click from where they are answered."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientcare import clients
from clientcare import followups as fu
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, Urgency
from tests.ui.conftest import click_client_row, open_client_tab
from ui.main_window import MainWindow
from ui.ops import Changes, Operations
from ui.screens.clients import LIST_SHOWN_KEY, ClientsScreen
from ui.screens.followups import FollowUpsScreen

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def kate(db: Database) -> dict[str, int]:
    """Kate (Katherine Sample), with an open issue; Rob, with none."""
    today = dt.date.today()
    with db.unit_of_work() as session:
        ids = {
            key: clients.create_client(
                session,
                ClientInput(full_name=name, preferred_name=preferred, status=ClientStatus.ACTIVE),
                region="GB",
                today=today,
            ).id
            for key, name, preferred in (
                ("kate", "Katherine Sample", "Kate"),
                ("rob", "Rob Sample", ""),
            )
        }
        ids["issue"] = fu.create_issue(
            session,
            fu.IssueInput(ids["kate"], "Needs a letter for work", Urgency.HIGH, today),
            today=today,
        ).id
    return ids


def open_screen(
    qtbot: QtBot, ops: Operations, size: tuple[int, int] = (1280, 760)
) -> ClientsScreen:
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    return screen


def test_the_page_is_headed_by_the_greeting_name_with_the_legal_name_under_it(
    qtbot: QtBot, ops: Operations, kate: dict[str, int]
) -> None:
    screen = open_screen(qtbot, ops)
    assert screen.select_client(kate["kate"])
    form = screen.form
    assert form.heading.text() == "Kate"
    assert form.subheading.text().startswith("Katherine Sample · ")
    assert form.accessibleName() == "Kate"
    # A client with no preferred name: the name they were given, once.
    assert screen.select_client(kate["rob"])
    assert form.heading.text() == "Rob"
    assert form.subheading.text().startswith("Rob Sample · ")


def test_the_record_is_in_tabs_each_whole_and_counted(
    qtbot: QtBot, ops: Operations, kate: dict[str, int]
) -> None:
    screen = open_screen(qtbot, ops)
    assert screen.select_client(kate["kate"])
    form = screen.form
    tabs = form.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles == ["Overview", "Notes", "Appointments", "Money", "Referrals, follow-ups (1)"]
    # Every tab's title in view: no scroll arrows hide one.
    bar = tabs.tabBar()
    assert all(bar.tabRect(i).right() <= bar.width() for i in range(bar.count()))
    for name in form.tab_names():
        open_client_tab(qtbot, form, name)
        assert form.current_tab() == name
    # The brief and a new contact are in the header, whichever tab is in front.
    assert form.brief_button.isVisible() and form.new_interaction_button.isVisible()

    # A new client: only the Overview until they are saved.
    qtbot.mouseClick(screen.new_button, LEFT)
    assert [tabs.isTabVisible(i) for i in range(tabs.count())] == [True, False, False, False, False]
    assert form.current_tab() == "overview"
    assert form.heading.text() == "New client"


def test_the_list_folds_away_for_a_full_width_page_and_stays_as_left(
    qtbot: QtBot, ops: Operations, kate: dict[str, int]
) -> None:
    screen = open_screen(qtbot, ops)
    assert screen.select_client(kate["kate"])
    narrow = screen.form.width()
    assert screen.table.isVisible()
    qtbot.mouseClick(screen.list_toggle, LEFT)
    assert not screen.table.isVisible()
    qtbot.waitUntil(lambda: screen.form.width() > narrow + 200)
    assert screen.form.client is not None and screen.form.client.id == kate["kate"]
    assert QSettings().value(LIST_SHOWN_KEY) in (False, "false")

    # The next time the screen is made (the next start), the list is still folded away;
    # the page of nobody offers it back, and so does Ctrl+F.
    again = open_screen(qtbot, ops)
    assert not again.table.isVisible()
    assert again.nobody_show_list.isVisible()
    assert again.nobody_title.isVisible() and again.nobody_title.text() == "Clients"
    qtbot.mouseClick(again.nobody_show_list, LEFT)
    assert again.table.isVisible() and not again.nobody_show_list.isVisible()
    assert QSettings().value(LIST_SHOWN_KEY) in (True, "true")
    assert again.select_client(kate["kate"])
    qtbot.mouseClick(again.list_toggle, LEFT)
    assert not again.table.isVisible()
    again.focus_search()
    assert again.table.isVisible() and QApplication.focusWidget() is again.search
    qtbot.mouseClick(again.list_toggle, LEFT)
    assert not again.table.isVisible()
    qtbot.mouseClick(again.list_toggle, LEFT)
    assert again.table.isVisible()


def test_an_open_issue_on_the_page_opens_where_it_is_answered(
    qtbot: QtBot, ops: Operations, kate: dict[str, int]
) -> None:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    window.open_client(kate["kate"])
    screen = window.screens["clients"]
    assert isinstance(screen, ClientsScreen)
    form = screen.form
    open_client_tab(qtbot, form, "referrals")
    view = form.followups_view
    lines = [view.model().index(row, 0).data() for row in range(view.model().rowCount())]
    assert (
        lines[0] == "Issue (high): Needs a letter for work — raised " + lines[0].split("raised ")[1]
    )
    assert lines[-1] == "Check-ins: consent not asked"
    assert not form.open_followups_button.isEnabled()
    view.setCurrentIndex(view.model().index(0, 0))
    assert form.open_followups_button.isEnabled()
    qtbot.mouseClick(form.open_followups_button, LEFT)

    assert window.current_section() == "followups"
    followups_screen = window.screens["followups"]
    assert isinstance(followups_screen, FollowUpsScreen)
    assert followups_screen.issues.list.current_id() == kate["issue"]

    # Rob has nothing open: the tab says so by having no count.
    window.open_client(kate["rob"])
    tabs = form.tabs
    assert tabs.tabText(tabs.count() - 1) == "Referrals, follow-ups"


def test_opening_a_client_reads_the_tab_in_front_and_the_others_when_opened(
    qtbot: QtBot, ops: Operations, db: Database, kate: dict[str, int]
) -> None:
    """Paging through clients on the Overview reads the counts and the Overview, not every
    tab's lists (the first visit and each client opened pay for one tab); a tab brought to
    the front shows its client's records, and a change made elsewhere meanwhile."""
    from sqlalchemy import event

    from clientcare import money
    from clientcare.db.models import PaymentMethod

    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    screen = open_screen(qtbot, ops)
    form = screen.form
    # Nobody's page is opened for the practitioner (not whoever sorts first).
    assert form.client is None
    assert screen.detail_stack.currentWidget() is screen.nobody
    assert screen.nobody.isVisible()
    click_client_row(qtbot, screen)
    assert form.current_tab() == "overview"
    assert form.client is not None and form.client.id == kate["kate"]  # the first row
    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert screen.select_client(kate["rob"])
        assert screen.select_client(kate["kate"])
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    tables = {
        match.group(2)
        for statement in statements
        for match in re.finditer(r"\b(FROM|JOIN) (\w+)", statement)
    }
    assert "client" in tables and "interaction" in tables  # the page and its counts
    assert not tables & {"payment", "charge", "referral", "lateness_notice"}, tables
    # The counts are read at once: the tabs say what is in them before they are opened.
    assert form.tabs.tabText(form.tabs.indexOf(form._tab_pages["referrals"])) == (
        "Referrals, follow-ups (1)"
    )

    # Money recorded elsewhere while the page shows the Overview: seen on opening the tab.
    with db.unit_of_work() as session:
        money.record_payment(
            session,
            money.PaymentInput(kate["kate"], "12.50", PaymentMethod.CARD, dt.date.today()),
        )
    ops.changed.emit(Changes.MONEY)
    open_client_tab(qtbot, form, "money")
    assert form.money_panel.snapshot is not None
    assert form.money_panel.snapshot.ledger.entries
    assert "12.50" in form.money_panel.balance_label.text()

    # Another client, opened while the Money tab is in front: their money at once, and the
    # follow-ups of the right client when that tab is opened.
    assert screen.select_client(kate["rob"])
    assert form.current_tab() == "money"
    assert not form.money_panel.snapshot.ledger.entries  # type: ignore[union-attr]
    open_client_tab(qtbot, form, "referrals")
    texts = [
        form.followups_model.item(row).text() for row in range(form.followups_model.rowCount())
    ]
    assert not any("letter for work" in text for text in texts)
    assert screen.select_client(kate["kate"])
    texts = [
        form.followups_model.item(row).text() for row in range(form.followups_model.rowCount())
    ]
    assert any("Needs a letter for work" in text for text in texts)


def test_a_note_written_elsewhere_shows_on_the_open_client_page(
    qtbot: QtBot, ops: Operations, kate: dict[str, int]
) -> None:
    """A note started from Today (or by a colleague) while Kate's page is open: her Notes
    tab counts it, the header offers to finish the draft, and the list shows it."""
    from clientcare import interactions
    from clientcare.db.models import InteractionKind
    from clientcare.interactions import InteractionInput

    screen = open_screen(qtbot, ops)
    form = screen.form
    assert screen.select_client(kate["kate"])
    notes_index = form.tabs.indexOf(form._tab_pages["notes"])
    assert form.tabs.tabText(notes_index) == "Notes"
    assert not form.draft_banner.isVisible()
    now = dt.datetime.now().replace(microsecond=0)
    ops.run(
        lambda s: interactions.save_draft(
            s,
            InteractionInput(
                client_id=kate["kate"],
                kind=InteractionKind.PHONE_CALL,
                occurred_at=now - dt.timedelta(minutes=5),
                client_words="Asked to move Thursday.",
            ),
            interaction_id=None,
            now=now,
        )
    )
    assert form.tabs.tabText(notes_index) == "Notes (1)"
    assert form.draft_banner.isVisible() and form.open_draft_button.isVisible()
    open_client_tab(qtbot, form, "notes")
    assert form.contacts_model.rowCount() == 1
    assert "Phone call" in form.contacts_model.item(0).text()
