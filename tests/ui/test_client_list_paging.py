"""The client list reads a page at a time, and still finds, counts and sorts every client."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clientcare import clients
from clientcare.clients import ClientInput, ClientRow
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus
from ui.models.clients import PAGE_SIZE, ClientColumn, ClientTableModel
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
    assert model.rowCount() == 60  # the pages up to it, not all of them
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
    assert screen.count_label.text() == f"{PAGE_SIZE + 40} of {PAGE_SIZE + 40} clients"
    assert screen.select_client(ids[-1])  # beyond the first page
    assert screen.table.currentIndex().data() == f"Person {PAGE_SIZE + 39:03} Example"
    screen.search.setText("person 007")
    assert screen.count_label.text() == f"1 of {PAGE_SIZE + 40} clients"


def test_sorting_by_another_column_reads_every_client(
    qtbot: QtBot, db: Database, ops: Operations
) -> None:
    seed(db, PAGE_SIZE + 5)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.table.sortByColumn(ClientColumn.NAME, Qt.SortOrder.DescendingOrder)
    assert screen.model.rowCount() == PAGE_SIZE + 5
    assert screen.proxy.index(0, ClientColumn.NAME).data() == f"Person {PAGE_SIZE + 4:03} Example"
