"""Follow-ups and Referrals at any size (issue 19), driven as a person would.

A long list reads a page (64 rows) and says "64 of N … shown"; scrolling reads more; the
search, the order of a clicked column heading and the "My clients / Whole practice"
choice are the database's, so the count always matches what is listed; a re-visit
reads nothing, and a change made elsewhere in the meantime still shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from clientcare import clients
from clientcare import followups as fu
from clientcare.clients import PICK_LIMIT, ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    ClientIssue,
    ClientStatus,
    Expectation,
    Provider,
    ProviderKind,
    Referral,
    ReferralDirection,
    ReferralStatus,
    SetBy,
    Urgency,
)
from clientcare.practice import add_practitioner
from tests.ui.conftest import choose_client
from ui.dialogs.followups import ConsentDialog
from ui.main_window import MainWindow
from ui.models.base import PAGE_SIZE
from ui.models.followups import IssueColumn
from ui.models.referrals import ReferralColumn
from ui.ops import Operations
from ui.screens.followups import FollowUpsScreen
from ui.screens.referrals import ReferralsScreen

TODAY = dt.date.today()
MINE, THEIRS = 100, 30  # referrals (and issues) of your clients, and of Sam's


@pytest.fixture
def practice(db: Database) -> dict[str, Any]:
    """You and Sam; 100 clients of yours and 30 of Sam's, each with an open referral
    and an open issue; two expectations (one of Sam's client)."""
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        sam = add_practitioner(session, "Sam Sample").id
        provider = Provider(name="Harbour Physio", kind=ProviderKind.EXTERNAL)
        session.add(provider)
        session.flush()
        ids: dict[str, Any] = {"you": you, "sam": sam, "mine": [], "theirs": []}
        for number in range(MINE + THEIRS):
            whose = you if number < MINE else sam
            name = f"Client {number:03} {'Mine' if whose == you else 'Sams'}"
            client = clients.create_client(
                session,
                ClientInput(
                    full_name=name, status=ClientStatus.ACTIVE, primary_practitioner_id=whose
                ),
                region="GB",
                today=TODAY,
            ).id
            ids["mine" if whose == you else "theirs"].append(client)
            session.add(
                Referral(
                    client_id=client,
                    direction=ReferralDirection.OUTGOING,
                    provider_id=provider.id,
                    reason=f"Reason {number:03}",
                    status=ReferralStatus.SUGGESTED,
                    follow_up_on=TODAY + dt.timedelta(days=1 + number),
                    referred_on=TODAY,
                )
            )
            session.add(
                ClientIssue(
                    client_id=client,
                    title=f"Issue {number:03}",
                    urgency=Urgency.HIGH if number % 10 == 0 else Urgency.NORMAL,
                    raised_on=TODAY - dt.timedelta(days=number),
                )
            )
        session.add_all(
            [
                Expectation(
                    client_id=ids["mine"][0],
                    description="Un café à chaque séance",
                    set_by=SetBy.CLIENT,
                    set_on=TODAY,
                    review_on=TODAY,
                ),
                Expectation(
                    client_id=ids["theirs"][0],
                    description="Replies within two days",
                    set_by=SetBy.PRACTICE,
                    set_on=TODAY,
                    review_on=TODAY + dt.timedelta(days=3),
                ),
            ]
        )
    return ids


@pytest.fixture
def selects(db: Database) -> Iterator[list[str]]:
    """The SELECT statements sent to the database while the test runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(db.engine, "before_cursor_execute", record)


def click_heading(qtbot: QtBot, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def scroll_to_the_end(table: QTableView) -> None:
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()


def column_texts(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def show(qtbot: QtBot, screen: Any) -> None:
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitExposed(screen)


# -- Referrals -------------------------------------------------------------------------------


def test_a_long_referrals_list_reads_a_page_and_scrolling_reads_more(
    qtbot: QtBot, ops: Operations, practice: dict[str, Any]
) -> None:
    screen = ReferralsScreen(ops)
    show(qtbot, screen)
    panel = screen.referrals
    assert screen.scope_choice.isVisible()  # a group practice: your clients first
    assert panel.table.model().rowCount() == PAGE_SIZE
    assert panel.count_label.text() == f"{PAGE_SIZE} of {MINE} referrals shown"
    assert all(name.endswith("Mine") for name in column_texts(panel.table, ReferralColumn.CLIENT))
    scroll_to_the_end(panel.table)
    assert panel.table.model().rowCount() == MINE
    assert panel.count_label.text() == f"{MINE} referrals"
    # The whole practice on request: listed and counted.
    screen.scope_choice.combo.setCurrentIndex(1)
    assert panel.table.model().rowCount() == PAGE_SIZE
    assert panel.count_label.text() == f"{PAGE_SIZE} of {MINE + THEIRS} referrals shown"
    screen.scope_choice.combo.setCurrentIndex(0)
    assert panel.count_label.text() == f"{PAGE_SIZE} of {MINE} referrals shown"


def test_the_referrals_search_and_order_are_the_databases(
    qtbot: QtBot, ops: Operations, practice: dict[str, Any], typist
) -> None:  # type: ignore[no-untyped-def]
    screen = ReferralsScreen(ops)
    show(qtbot, screen)
    panel = screen.referrals
    screen.scope_choice.combo.setCurrentIndex(1)
    # Client names descending: the first row is the last of all 130, not of the page read;
    # the referral selected stays selected (the pages up to it are read).
    click_heading(qtbot, panel.table, ReferralColumn.CLIENT)
    assert column_texts(panel.table, ReferralColumn.CLIENT)[0] == "Client 000 Mine"
    click_heading(qtbot, panel.table, ReferralColumn.CLIENT)
    assert column_texts(panel.table, ReferralColumn.CLIENT)[0] == "Client 129 Sams"
    assert panel.current().client_name == "Client 000 Mine"  # type: ignore[union-attr]
    # Searched in SQL (every referral, not the pages read), in the order chosen.
    typist(panel.search, "client 12")
    names = [f"Client {n:03} {'Mine' if n < MINE else 'Sams'}" for n in range(MINE + THEIRS)]
    expected = sorted((name for name in names if "12" in name), reverse=True)
    assert len(expected) == 12
    assert column_texts(panel.table, ReferralColumn.CLIENT) == expected
    assert panel.count_label.text() == "12 referrals"
    assert panel.current().client_name == expected[0]  # type: ignore[union-attr]


def test_a_referral_of_the_whole_practice_opens_from_today_selected(
    qtbot: QtBot, ops: Operations, practice: dict[str, Any]
) -> None:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    window.go_to("referrals")
    screen = window.screens["referrals"]
    assert isinstance(screen, ReferralsScreen)
    with ops.database.reading() as session:
        from sqlalchemy import select

        theirs = session.scalar(
            select(Referral.id).where(Referral.client_id == practice["theirs"][-1])
        )
    assert theirs not in screen.referrals.visible_ids()
    assert screen.show_referral(theirs)
    assert screen.referrals.current_id() == theirs
    assert screen.scope().whole_practice


# -- Follow-ups --------------------------------------------------------------------------------


def test_a_long_issues_list_reads_a_page_and_counts_in_sql(
    qtbot: QtBot, ops: Operations, practice: dict[str, Any], typist
) -> None:  # type: ignore[no-untyped-def]
    screen = FollowUpsScreen(ops)
    show(qtbot, screen)
    panel = screen.issues
    assert panel.table.model().rowCount() == PAGE_SIZE
    assert (
        panel.count_label.text() == f"{PAGE_SIZE} of {MINE} open issues shown · 10 crisis or high"
    )
    assert screen.tabs.tabText(0) == f"Issues ({MINE})"
    scroll_to_the_end(panel.table)
    assert panel.table.model().rowCount() == MINE
    assert panel.count_label.text() == f"{MINE} open issues · 10 crisis or high"
    screen.scope_choice.combo.setCurrentIndex(1)
    total = MINE + THEIRS
    assert (
        panel.count_label.text() == f"{PAGE_SIZE} of {total} open issues shown · 13 crisis or high"
    )
    assert screen.tabs.tabText(0) == f"Issues ({total})"
    # Triage order (high first, the longest waiting first), then a column's order.
    titles = column_texts(panel.table, IssueColumn.TITLE)
    assert titles[:2] == ["Issue 120", "Issue 110"]
    click_heading(qtbot, panel.table, IssueColumn.TITLE)
    assert column_texts(panel.table, IssueColumn.TITLE)[:2] == ["Issue 000", "Issue 001"]
    typist(panel.search, "issue 12")
    titles = [f"Issue {n:03}" for n in range(MINE + THEIRS) if "12" in f"{n:03}"]
    assert column_texts(panel.table, IssueColumn.TITLE) == titles  # by title, as clicked
    high = sum(1 for title in titles if title.endswith("0"))
    assert panel.count_label.text() == f"12 open issues · {high} crisis or high"
    panel.show_filter.setCurrentIndex(1)  # open and resolved
    assert panel.count_label.text() == f"12 issues · 12 open · {high} crisis or high"


def test_expectations_are_searched_in_sql_ignoring_accents_and_follow_the_scope(
    qtbot: QtBot, ops: Operations, practice: dict[str, Any], typist
) -> None:  # type: ignore[no-untyped-def]
    screen = FollowUpsScreen(ops)
    show(qtbot, screen)
    screen.show_tab("expectations")
    panel = screen.expectations
    assert column_texts(panel.table, 4) == ["Un café à chaque séance"]
    assert panel.count_label.text() == "1 due for review · 1 not reviewed yet"
    assert screen.tabs.tabText(1) == "Expectations (1)"
    screen.scope_choice.combo.setCurrentIndex(1)
    assert panel.table.model().rowCount() == 2
    assert panel.count_label.text() == "1 due for review · 2 not reviewed yet"
    typist(panel.search, "CAFE SEANCE")
    assert column_texts(panel.table, 4) == ["Un café à chaque séance"]
    assert panel.count_label.text() == "1 due for review · 1 not reviewed yet"


def test_a_revisit_reads_nothing_and_a_change_elsewhere_still_shows(
    qtbot: QtBot, ops: Operations, db: Database, practice: dict[str, Any], selects: list[str]
) -> None:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.go_to("followups")
    screen = window.screens["followups"]
    assert isinstance(screen, FollowUpsScreen)
    window.go_to("referrals")
    window.go_to("today")
    selects.clear()
    window.go_to("followups")
    window.go_to("referrals")
    QApplication.processEvents()
    assert selects == []  # nothing changed: nothing read again
    # A new issue, recorded elsewhere (Today, a dialog) while Follow-ups is hidden.
    window.go_to("today")
    client = practice["mine"][5]
    ops.run(
        lambda s: fu.create_issue(
            s,
            fu.IssueInput(
                client,
                "Frightened after the break-in",
                Urgency.CRISIS,
                TODAY,
                description="Staying with a friend.",
            ),
            today=TODAY,
        ),
    )
    window.go_to("followups")
    assert (
        column_texts(screen.issues.table, IssueColumn.TITLE)[0] == "Frightened after the break-in"
    )
    assert screen.tabs.tabText(0) == f"Issues ({MINE + 1})"


def test_the_consent_box_finds_a_client_typed(
    qtbot: QtBot, ops: Operations, practice: dict[str, Any], typist
) -> None:  # type: ignore[no-untyped-def]
    screen = FollowUpsScreen(ops)
    show(qtbot, screen)
    screen.show_tab("checkins")
    panel = screen.checkins
    picker = panel.consent_client
    assert picker.model.rowCount() == 0  # no client is listed until one is typed
    choose_client(qtbot, picker, "Client 007 Mine")
    assert picker.model.rowCount() <= PICK_LIMIT < MINE + THEIRS
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        seen.append(dialog)
        return False

    screen.run_dialog = run  # type: ignore[method-assign]
    qtbot.mouseClick(panel.consent_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and isinstance(seen[0], ConsentDialog)
    assert seen[0].client_id == practice["mine"][7]  # type: ignore[attr-defined]
