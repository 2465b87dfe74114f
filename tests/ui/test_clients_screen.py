"""The Clients screen driven as a person would: click, type, select."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import clients
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import Client, ClientFact, ClientStatus, Practitioner
from tests.ui.conftest import click_client_row, open_client_tab
from ui.models.clients import ClientColumn
from ui.ops import Operations
from ui.screens.clients import ClientsScreen

TODAY = dt.date.today()


def make_screen(qtbot: QtBot, ops: Operations) -> ClientsScreen:
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    return screen


def seed(db: Database, *names: str) -> list[int]:
    ids = []
    with db.unit_of_work() as session:
        for name in names:
            ids.append(
                clients.create_client(
                    session,
                    ClientInput(full_name=name, status=ClientStatus.ACTIVE),
                    region="GB",
                    today=TODAY,
                ).id
            )
    return ids


def visible_names(screen: ClientsScreen) -> list[str]:
    proxy = screen.proxy
    return [proxy.index(r, ClientColumn.NAME).data() for r in range(proxy.rowCount())]


def stored_clients(db: Database) -> list[tuple[str, str, str, str]]:
    with db.reading() as session:
        return [
            (c.full_name, c.preferred_name, c.email, c.phone)
            for c in session.scalars(select(Client).order_by(Client.id))
        ]


def test_page_is_built_when_the_first_client_is_opened(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    """The section opens on nobody at once: the client's page (its tabs, models and
    fields) is built when a client is first opened, and a change made elsewhere meanwhile
    does not build it."""
    seed(db, "Ada Lovelace", "Grace Hopper")
    screen = make_screen(qtbot, ops)
    assert screen.nobody.isVisible()
    assert screen.findChild(QWidget, "client_form") is None
    ops.run(  # a save elsewhere in the app (the list follows it)
        lambda s: clients.create_client(
            s, ClientInput(full_name="Mary Somerville"), region="GB", today=TODAY
        )
    )
    assert screen.proxy.rowCount() == 3
    assert screen.findChild(QWidget, "client_form") is None
    assert screen.subject() is None

    click_client_row(qtbot, screen, 0)
    page = screen.findChild(QWidget, "client_form")
    assert page is not None and page.isVisible()
    assert screen.form.full_name.text() == "Ada Lovelace"
    assert screen.subject() is not None
    # The list's toggle is in the page's header, after the list in the Tab order.
    assert screen.list_toggle.isVisible() and screen.list_toggle.window() is screen.window()
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(screen.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.list_toggle
    # Opening another client uses the same page.
    click_client_row(qtbot, screen, 1)
    assert screen.form is page and page.full_name.text() == "Grace Hopper"


def test_add_client_through_the_form(qtbot: QtBot, ops: Operations, db: Database, typist) -> None:
    screen = make_screen(qtbot, ops)
    assert screen.empty.isVisible() and "No clients yet" in screen.empty.text()
    assert "Help → Look around the demo practice" in screen.empty.text()  # not a command line
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    form = screen.form
    typist(form.full_name, "Margaret Example")
    typist(form.phone, "07700 900123")
    typist(form.email, "margaret@example.org")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert stored_clients(db) == [
        ("Margaret Example", "Margaret", "margaret@example.org", "07700 900123")
    ]
    assert visible_names(screen) == ["Margaret Example"]
    assert screen.table.isVisible()
    # The page is headed by the name to greet them by; the legal name is under it.
    assert form.heading.text() == "Margaret"
    assert form.subheading.text().startswith("Margaret Example · ")
    assert screen.count_label.text() == "1 client"
    assert not form.is_dirty()


def test_non_ascii_names_typed_and_found(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    screen = make_screen(qtbot, ops)
    for name in ("Zoë Ñúñez", "李小龙"):
        qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
        typist(screen.form.full_name, name)
        qtbot.mouseClick(screen.form.save_button, Qt.MouseButton.LeftButton)
    assert [row[0] for row in stored_clients(db)] == ["Zoë Ñúñez", "李小龙"]
    assert [row[1] for row in stored_clients(db)] == ["Zoë", "李小龙"]
    typist(screen.search, "zoe nu")
    assert visible_names(screen) == ["Zoë Ñúñez"]
    screen.search.clear()
    typist(screen.search, "小龙")
    assert visible_names(screen) == ["李小龙"]


def test_bad_email_shows_message_next_to_field_and_stores_nothing(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    screen = make_screen(qtbot, ops)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    typist(screen.form.full_name, "Pat Example")
    typist(screen.form.email, "pat.example.org")
    qtbot.mouseClick(screen.form.save_button, Qt.MouseButton.LeftButton)

    error = screen.form.fields["email"].error
    assert error.isVisible()
    assert "must have an @-sign" in error.text()
    assert not screen.form.fields["full_name"].error.isVisible()
    assert stored_clients(db) == []
    # The text the person typed is still there to correct.
    assert screen.form.email.text() == "pat.example.org"
    assert screen.form.full_name.text() == "Pat Example"

    screen.form.email.clear()
    typist(screen.form.email, "pat@example.org")
    qtbot.mouseClick(screen.form.save_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert stored_clients(db) == [("Pat Example", "Pat", "pat@example.org", "")]


def test_missing_name_and_bad_phone(qtbot: QtBot, ops: Operations, db: Database, typist) -> None:
    screen = make_screen(qtbot, ops)
    typist(screen.form.phone, "12")
    qtbot.mouseClick(screen.form.save_button, Qt.MouseButton.LeftButton)
    assert "full name" in screen.form.fields["full_name"].error.text()
    assert "too few digits" in screen.form.fields["phone"].error.text()
    assert stored_clients(db) == []


def test_search_filters_the_list(qtbot: QtBot, ops: Operations, db: Database, typist) -> None:
    seed(db, "Ann Example", "Bob Sample", "Anna Sample")
    screen = make_screen(qtbot, ops)
    assert visible_names(screen) == ["Ann Example", "Anna Sample", "Bob Sample"]
    typist(screen.search, "sample")
    assert visible_names(screen) == ["Anna Sample", "Bob Sample"]
    # The count follows once typing pauses; the list follows every keystroke.
    qtbot.waitUntil(lambda: screen.count_label.text() == "2 of 3 clients")
    typist(screen.search, " an")
    assert visible_names(screen) == ["Anna Sample"]
    screen.search.clear()
    typist(screen.search, "nobody")
    assert visible_names(screen) == []
    assert screen.empty.isVisible() and "No client matches “nobody”" in screen.empty.text()


def test_status_filter_and_sorting(qtbot: QtBot, ops: Operations, db: Database) -> None:
    seed(db, "Cara Active", "Abe Active")
    with db.unit_of_work() as session:
        clients.create_client(
            session, ClientInput(full_name="Pia Prospect"), region="GB", today=TODAY
        )
    screen = make_screen(qtbot, ops)
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("prospect"))
    assert visible_names(screen) == ["Pia Prospect"]
    screen.status_filter.setCurrentIndex(0)
    header = screen.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.viewport().rect().topLeft()
        + type(header.viewport().rect().topLeft())(header.sectionPosition(0) + 5, 5),
    )
    assert visible_names(screen) == ["Pia Prospect", "Cara Active", "Abe Active"]


def test_select_edit_and_save(qtbot: QtBot, ops: Operations, db: Database, typist) -> None:
    seed(db, "Ann Example", "Bob Sample")
    screen = make_screen(qtbot, ops)
    screen.table.selectRow(1)
    assert screen.form.full_name.text() == "Bob Sample"
    screen.form.preferred_name.clear()
    typist(screen.form.preferred_name, "Bobby")
    screen.form.status.setCurrentIndex(screen.form.status.findData("paused"))
    qtbot.mouseClick(screen.form.save_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        bob = session.scalars(select(Client).where(Client.full_name == "Bob Sample")).one()
        assert (bob.preferred_name, bob.status) == ("Bobby", ClientStatus.PAUSED)
    # Only the statuses a paused client can move to are offered now.
    offered = [screen.form.status.itemData(i) for i in range(screen.form.status.count())]
    assert offered == ["active", "paused", "closed"]


def test_cancel_changes_loses_nothing_stored(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    seed(db, "Ann Example")
    screen = make_screen(qtbot, ops)
    screen.table.selectRow(0)
    screen.form.full_name.clear()
    typist(screen.form.full_name, "Somebody Else")
    assert screen.form.cancel_button.isEnabled()
    qtbot.mouseClick(screen.form.cancel_button, Qt.MouseButton.LeftButton)
    assert screen.form.full_name.text() == "Ann Example"
    assert stored_clients(db)[0][0] == "Ann Example"


def test_unsaved_changes_are_not_lost_when_switching(
    qtbot: QtBot, ops: Operations, db: Database, typist, monkeypatch
) -> None:
    seed(db, "Ann Example", "Bob Sample")
    screen = make_screen(qtbot, ops)
    screen.table.selectRow(0)
    typist(screen.form.notes, "Said mornings are hard.")
    asked: list[bool] = []

    def cancel() -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(screen, "ask_unsaved", cancel)
    screen.table.selectRow(1)
    assert asked == [True]
    assert screen.form.full_name.text() == "Ann Example"
    assert screen.form.notes.toPlainText() == "Said mornings are hard."

    monkeypatch.setattr(screen, "ask_unsaved", lambda: QMessageBox.StandardButton.Save)
    screen.table.selectRow(1)
    assert screen.form.full_name.text() == "Bob Sample"
    with db.reading() as session:
        ann = session.scalars(select(Client).where(Client.full_name == "Ann Example")).one()
        assert ann.notes == "Said mornings are hard."


def test_add_facts_to_remember(qtbot: QtBot, ops: Operations, db: Database, typist) -> None:
    seed(db, "Ann Example")
    screen = make_screen(qtbot, ops)
    form = screen.form
    screen.table.selectRow(0)
    assert form.add_fact_button.isEnabled()
    qtbot.mouseClick(form.add_fact_button, Qt.MouseButton.LeftButton)
    assert (
        form.fact_error.isVisible() and "Write what the client told you" in form.fact_error.text()
    )
    typist(form.fact_text, "Has a dog called Biscuit")
    qtbot.keyClick(form.fact_text, Qt.Key.Key_Return)
    assert not form.fact_error.isVisible()
    shown = [form.facts_model.item(r).text() for r in range(form.facts_model.rowCount())]
    assert shown == [f"{TODAY:%-d %b %Y} — Has a dog called Biscuit"]
    with db.reading() as session:
        assert [(f.text, f.noted_on) for f in session.scalars(select(ClientFact))] == [
            ("Has a dog called Biscuit", TODAY)
        ]


def test_facts_need_a_saved_client(qtbot: QtBot, ops: Operations) -> None:
    screen = make_screen(qtbot, ops)
    assert not screen.form.add_fact_button.isEnabled()
    assert not screen.form.fact_text.isEnabled()


def test_practitioner_choice_is_stored(qtbot: QtBot, ops: Operations, db: Database, typist) -> None:
    with db.unit_of_work() as session:
        session.add(Practitioner(full_name="Dr. Ada Example"))
    screen = make_screen(qtbot, ops)
    typist(screen.form.full_name, "Ann Example")
    screen.form.practitioner.setCurrentIndex(screen.form.practitioner.findText("Dr. Ada Example"))
    qtbot.mouseClick(screen.form.save_button, Qt.MouseButton.LeftButton)
    assert screen.proxy.index(0, ClientColumn.PRACTITIONER).data() == "Dr. Ada Example"


def test_client_page_lists_appointments_with_outcome_counts(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    from clientcare import appointments
    from clientcare.appointments import AppointmentInput
    from clientcare.db.models import CancelledBy

    (ann_id,) = seed(db, "Ann Example")
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr. Ada Example")
        session.add(ada)
        session.flush()
        now = dt.datetime.now()
        past = dt.datetime.combine(TODAY - dt.timedelta(days=14), dt.time(10))
        done = appointments.create_appointment(
            session, AppointmentInput(ann_id, ada.id, past, 50), now=now
        )
        appointments.mark_arrived(session, done.id, arrived_at=past + dt.timedelta(minutes=7))
        appointments.mark_completed(session, done.id, now=now)
        missed = appointments.create_appointment(
            session, AppointmentInput(ann_id, ada.id, past + dt.timedelta(days=7), 50), now=now
        )
        appointments.mark_no_show(session, missed.id, now=now)
        future = dt.datetime.combine(TODAY + dt.timedelta(days=10), dt.time(11))
        appointments.create_appointment(
            session, AppointmentInput(ann_id, ada.id, future, 50), now=now
        )
        cancelled = appointments.create_appointment(
            session, AppointmentInput(ann_id, ada.id, future + dt.timedelta(days=7), 50), now=now
        )
        appointments.cancel_appointment(
            session, cancelled.id, by=CancelledBy.CLIENT, reason="Holiday", now=now
        )
    screen = make_screen(qtbot, ops)
    screen.table.selectRow(0)
    form = screen.form
    assert form.tabs.tabText(form.tabs.indexOf(form._tab_pages["appointments"])) == (
        "Appointments (1 ahead)"
    )
    assert form.appointment_counts.text() == ""  # the tab is read when it is opened
    open_client_tab(qtbot, form, "appointments")
    assert form.appointment_counts.text() == ("Attended 1 · late 1 · no-show 1 · cancelled 1")
    lines = [
        form.appointments_model.item(r).text().strip()
        for r in range(form.appointments_model.rowCount())
    ]
    assert lines[0] == "Upcoming"
    assert lines[1].startswith(f"{future:%a %-d %b %Y %H:%M}") and "Scheduled" in lines[1]
    assert lines[2] == "Past"
    assert len(lines) == 6
