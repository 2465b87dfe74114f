"""The client list reads a page at a time, and still finds, counts and sorts every client."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clientcare import clients
from clientcare.clients import ClientInput, ClientRow
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus
from ui.models.base import PAGE_SIZE
from ui.models.clients import ClientColumn, ClientTableModel
from ui.ops import Operations
from ui.screens.clients import ClientsScreen

TODAY = dt.date(2026, 11, 23)


def rows(count: int) -> list[ClientRow]:
    moment = dt.datetime(2026, 1, 1)
    return [
        ClientRow(n, f"Client {n:03}", f"C{n}", "", "", "", ClientStatus.ACTIVE, "", moment)
        for n in range(1, count + 1)
    ]


class Reader:
    """A page reader over a list, counting its reads."""

    def __init__(self, source: list[ClientRow]) -> None:
        self.source = source
        self.reads: list[tuple[int, int]] = []

    def __call__(self, offset: int, limit: int) -> list[ClientRow]:
        self.reads.append((offset, limit))
        return self.source[offset : offset + limit]

    def locate(self, client_id: int) -> int | None:
        return next((n for n, row in enumerate(self.source) if row.id == client_id), None)


def test_the_model_reads_one_page_then_more_on_demand() -> None:
    model = ClientTableModel(page_size=10)
    reader = Reader(rows(25))
    model.set_source(reader)
    assert model.rowCount() == 10
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 25
    assert not model.canFetchMore()
    assert reader.reads == [(0, 11), (10, 11), (20, 11)]


def test_row_for_id_reads_up_to_the_client_or_answers_at_once() -> None:
    model = ClientTableModel(page_size=10)
    reader = Reader(rows(100))
    model.set_source(reader, reader.locate)
    assert model.row_for_id(57) == 56
    # Up to it and a page beyond, not all of them; in one read, not a page at a time
    # (a client opened from Today, 10,000 rows down the list, is one statement).
    assert model.rowCount() == 66
    assert reader.reads == [(0, 11), (10, 57)]
    assert model.canFetchMore()
    reads = len(reader.reads)
    assert model.row_for_id(1000) is None  # not listed: no page read
    assert len(reader.reads) == reads
    model.fetch_all()
    assert model.rowCount() == 100


def test_set_rows_shows_exactly_those_rows() -> None:
    model = ClientTableModel(page_size=10)
    model.set_rows(rows(30))
    assert model.rowCount() == 30
    assert not model.canFetchMore()
    assert model.row_for_id(30) == 29


def seed(db: Database, count: int) -> list[int]:
    with db.unit_of_work() as session:
        return [
            clients.create_client(
                session,
                ClientInput(full_name=f"Person {n:03} Example", status=ClientStatus.ACTIVE),
                region="GB",
                today=TODAY,
            ).id
            for n in range(count)
        ]


def test_the_screen_shows_a_page_counts_all_and_finds_any_client(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    ids = seed(db, PAGE_SIZE + 40)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    assert screen.model.rowCount() == PAGE_SIZE
    assert screen.count_label.text() == f"{PAGE_SIZE + 40} clients"
    screen.search.setText("example")
    qtbot.waitUntil(
        lambda: screen.count_label.text() == f"{PAGE_SIZE + 40} of {PAGE_SIZE + 40} clients"
    )
    assert screen.select_client(ids[-1])  # beyond the first page
    assert screen.table.currentIndex().data() == f"Person {PAGE_SIZE + 39:03} Example"
    screen.search.setText("person 007")
    qtbot.waitUntil(lambda: screen.count_label.text() == f"1 of {PAGE_SIZE + 40} clients")


def test_sorting_by_another_column_reads_every_client(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    seed(db, PAGE_SIZE + 5)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.table.sortByColumn(ClientColumn.NAME, Qt.SortOrder.DescendingOrder)
    assert screen.model.rowCount() == PAGE_SIZE + 5
    assert screen.proxy.index(0, ClientColumn.NAME).data() == f"Person {PAGE_SIZE + 4:03} Example"


def test_the_count_follows_typing_and_no_match_is_said_at_once(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    seed(db, 5)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.count_label.text() == "5 clients"
    screen.search.setText("person 00")
    assert screen.model.rowCount() == 5  # the list follows the keystroke at once
    qtbot.waitUntil(lambda: screen.count_label.text() == "5 of 5 clients")
    screen.search.setText("person 003")
    assert screen.model.rowCount() == 1
    qtbot.waitUntil(lambda: screen.count_label.text() == "1 of 5 clients")
    screen.search.setText("nobody by that name")
    # Nothing matches: the reason is needed now, not after a pause.
    assert screen.list_stack.currentWidget() is screen.empty
    assert "No client matches “nobody by that name”" in screen.empty.text()
    assert screen.count_label.text() == "0 of 5 clients"
    screen.search.setText("person")
    assert screen.list_stack.currentWidget() is screen.table


def shown_names(screen: ClientsScreen) -> list[str]:
    proxy = screen.proxy
    return [proxy.index(r, ClientColumn.NAME).data() for r in range(proxy.rowCount())]


def test_by_name_the_list_is_in_the_order_its_pages_are_read(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    with db.unit_of_work() as session:
        for name in ("bob Example", "Alice Example", "Émile Example", "Zed Example", "alan Ex"):
            clients.create_client(
                session,
                ClientInput(full_name=name, status=ClientStatus.ACTIVE),
                region="GB",
                today=TODAY,
            )
        stored_order = [row.full_name for row in clients.list_clients(session)]
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    assert shown_names(screen) == stored_order
    header = screen.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect()
        .center()
        .__class__(header.sectionViewportPosition(ClientColumn.NAME) + 5, 5),
    )
    assert shown_names(screen) != stored_order  # Z–A now
    assert shown_names(screen)[0] == "Zed Example" or shown_names(screen)[0] == "Émile Example"
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect()
        .center()
        .__class__(header.sectionViewportPosition(ClientColumn.NAME) + 5, 5),
    )
    assert shown_names(screen) == stored_order  # A–Z again: as read


def test_a_windowed_model_holds_the_pages_around_a_far_row_and_reads_up_on_demand() -> None:
    """A client opened from elsewhere, far down the list, is shown with the pages around
    them (two statements), not every row above them; the rows above come when asked."""
    model = ClientTableModel(page_size=10, window=True)
    reader = Reader(rows(1000))
    model.set_source(reader, reader.locate)
    assert model.row_for_id(901) == 5  # position 900: held from 895
    assert model.first_position == 895 and model.rowCount() == 20
    assert reader.reads == [(0, 11), (895, 21)]
    assert model.has_earlier and model.canFetchMore() and not model.complete
    assert model.fetch_earlier() == 10
    assert model.first_position == 885 and model.rows[0].id == 886
    assert model.row_for_id(901) == 15  # the same client, ten rows further down now
    # Close below what is held: read up to it, as an unwindowed model does.
    assert model.row_for_id(930) == 44 and model.first_position == 885
    model.fetch_all()
    assert model.complete and [row.id for row in model.rows] == list(range(1, 1001))


def test_the_clients_list_opens_a_far_client_without_reading_every_row_above(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    ids = seed(db, PAGE_SIZE * 6)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1000, 600)
    screen.show()
    assert screen.select_client(ids[-1])
    assert screen.model.rowCount() < PAGE_SIZE * 3  # the pages around them only
    assert screen.table.currentIndex().data() == f"Person {PAGE_SIZE * 6 - 1:03} Example"
    held = screen.model.rowCount()
    bar = screen.table.verticalScrollBar()
    bar.setValue(bar.minimum())  # the person scrolls up: the page above is read
    assert screen.model.rowCount() == held + PAGE_SIZE
    assert screen.table.currentIndex().data() == f"Person {PAGE_SIZE * 6 - 1:03} Example"
