"""A client with twelve years of history: the client's page reads a page of each list, says
how many of how many it shows (counted in SQL), and reads more as the person scrolls."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clientcare import clients
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    ClientStatus,
    Interaction,
    InteractionKind,
    InteractionState,
    Practitioner,
)
from tests.ui.conftest import open_client_tab
from ui.models.paged_items import ITEM_PAGE
from ui.ops import Operations
from ui.screens.clients import ClientsScreen

TODAY = dt.date.today()
WEEKS = 12 * 52  # twelve years of weekly sessions
UPCOMING = 8


def long_history(db: Database) -> int:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr. Ada Example")
        session.add(ada)
        session.flush()
        client_id = clients.create_client(
            session,
            ClientInput(full_name="Ann Longtime", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        ).id
        monday = dt.datetime.combine(TODAY, dt.time(10))
        for week in [*range(-WEEKS, 0), *range(1, UPCOMING + 1)]:
            start = monday + dt.timedelta(weeks=week)
            past = week < 0
            session.add(
                Appointment(
                    client_id=client_id,
                    practitioner_id=ada.id,
                    start=start,
                    duration_minutes=50,
                    status=AppointmentStatus.COMPLETED if past else AppointmentStatus.SCHEDULED,
                )
            )
            if past:
                session.add(
                    Interaction(
                        client_id=client_id,
                        practitioner_id=ada.id,
                        kind=InteractionKind.SESSION,
                        occurred_at=start,
                        notes=f"Week {week}",
                        state=InteractionState.FINAL,
                    )
                )
    return client_id


def count(db: Database, model: type, client_id: int) -> int:
    with db.reading() as session:
        return session.scalar(
            select(func.count()).select_from(model).where(model.client_id == client_id)  # type: ignore[attr-defined]
        )


def test_a_long_history_reads_a_page_of_each_list_and_says_how_many(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    client_id = long_history(db)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    assert screen.select_client(client_id)
    form = screen.form
    appointments_total = count(db, Appointment, client_id)
    contacts_total = count(db, Interaction, client_id)
    assert (appointments_total, contacts_total) == (WEEKS + UPCOMING, WEEKS)

    # Contacts: one page read; "20 of 624 contacts shown", against the count in SQL.
    open_client_tab(qtbot, form, "notes")
    assert form.tabs.tabText(form.tabs.currentIndex()) == f"Notes ({contacts_total})"
    assert form.contacts_model.rowCount() <= 2 * ITEM_PAGE
    shown = form.contacts_model.shown
    assert shown < contacts_total
    assert form.contacts_count.isVisible()
    assert form.contacts_count.text() == f"{shown} of {contacts_total} contacts shown"
    newest = form.contacts_model.item(0).text()
    assert "Week -1" in newest  # newest first

    # Appointments: the upcoming ones, then the most recent of the past, a page at a time.
    open_client_tab(qtbot, form, "appointments")
    model = form.appointments_model
    lines = [model.item(row).text().strip() for row in range(model.rowCount())]
    assert lines[0] == "Upcoming" and lines[UPCOMING + 1] == "Past"
    assert model.rowCount() < 2 * ITEM_PAGE + 2
    assert form.appointments_count_label.text() == (
        f"{model.shown} of {appointments_total} appointments shown"
    )
    assert form.appointment_counts.text().startswith(f"Attended {WEEKS} ·")

    # Scrolling to the end of a list reads the next page, and the line follows.
    form.contacts_view.scrollToBottom()
    qtbot.waitUntil(lambda: form.contacts_model.shown > shown)
    assert form.contacts_count.text() == (
        f"{form.contacts_model.shown} of {contacts_total} contacts shown"
    )
    before = model.shown
    model.fetchMore()
    assert model.shown == before + ITEM_PAGE
    # Read to the end, the list is whole and says nothing more.
    form.contacts_model.fetch_all()
    model.fetch_all()
    assert form.contacts_model.shown == contacts_total
    assert model.shown == appointments_total
    assert not form.contacts_count.isVisible()
    open_client_tab(qtbot, form, "appointments")
    assert form.appointments_view.isVisible() and not form.appointments_count_label.isVisible()
    oldest = model.item(model.rowCount() - 1).text()
    first_start = dt.datetime.combine(TODAY, dt.time(10)) - dt.timedelta(weeks=WEEKS)
    assert oldest.strip().startswith(f"{first_start:%a %-d %b %Y}")


def test_the_ledger_shows_its_latest_lines_and_earlier_ones_on_request(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    from clientcare import money
    from clientcare.db.models import PaymentMethod
    from ui.widgets.client_money import LEDGER_LINES

    client_id = long_history(db)
    with db.unit_of_work() as session:
        for day in range(60):
            money.record_payment(
                session,
                money.PaymentInput(
                    client_id=client_id,
                    amount=1000 + day,
                    method=PaymentMethod.CARD,
                    paid_on=TODAY - dt.timedelta(days=60 - day),
                ),
            )
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    assert screen.select_client(client_id)
    open_client_tab(qtbot, screen.form, "money")
    panel = screen.form.money_panel
    total = len(panel.model.entries)
    assert total >= 60
    assert panel.model.rowCount() == LEDGER_LINES
    assert panel.model.rows[-1] == panel.model.entries[-1]  # the latest line last
    assert panel.ledger_shown.text() == f"{LEDGER_LINES} of {total} lines shown"
    qtbot.mouseClick(panel.earlier_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == min(2 * LEDGER_LINES, total)
    assert panel.model.rows == panel.model.entries[-panel.model.rowCount() :]
