"""Settings → Practitioners driven as a person would: click the tab, Add…, type, Save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import appointments as ap
from clientcare import clients
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, Practitioner
from clientcare.practice import add_practitioner
from ui.models.settings import PractitionerColumn
from ui.ops import Operations
from ui.screens.settings import SettingsScreen
from ui.screens.settings_practitioners import PractitionersTab


def open_practitioners(qtbot: QtBot, ops: Operations) -> PractitionersTab:
    """Open Settings and click the "Practitioners" tab."""
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1000, 640)
    screen.show()
    bar = screen.tabs.tabBar()
    index = next(
        i for i in range(screen.tabs.count()) if screen.tabs.tabText(i) == "Pr&actitioners"
    )
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert screen.tabs.currentWidget() is screen.practitioners
    tab = screen.practitioners
    tab.screen_kept = screen  # type: ignore[attr-defined]  # qtbot holds widgets weakly
    return tab


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_row(qtbot: QtBot, tab: PractitionersTab, name: str) -> None:
    table: QTableView = tab.table
    row = next(i for i, p in enumerate(tab.model.rows) if p.full_name == name)
    rect = table.visualRect(tab.model.index(row, PractitionerColumn.NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.selected_row() is not None and tab.selected_row().full_name == name  # type: ignore[union-attr]


def shown(tab: PractitionersTab) -> dict[str, str]:
    """Name → what the Status column says, for each row the list shows."""
    model = tab.model
    return {
        model.index(r, PractitionerColumn.NAME).data(): model.index(
            r, PractitionerColumn.STATUS
        ).data()
        for r in range(model.rowCount())
    }


def stored(db: Database) -> list[tuple[str, str, bool, bool]]:
    with db.reading() as session:
        return [
            (p.full_name, p.email, p.is_current_user, p.active)
            for p in session.scalars(select(Practitioner).order_by(Practitioner.id))
        ]


def seed(db: Database) -> None:
    with db.unit_of_work() as session:
        add_practitioner(session, "Ada Example", is_current_user=True)
        add_practitioner(session, "Sam Taylor")


def test_add_yourself_on_an_empty_database(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    tab = open_practitioners(qtbot, ops)
    assert tab.empty.isVisible() and not tab.table.isVisible()
    assert "No practitioners yet" in tab.empty.text()
    assert "add yourself first" in tab.empty.text()

    click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    # Nobody is "you" yet, so the first person added is offered as you.
    assert dialog.is_me.isChecked()
    typist(dialog.full_name, "Zoë Taylor")
    typist(dialog.email, "zoe@example.org")
    click(qtbot, dialog.save_button)

    assert not dialog.isVisible()
    assert tab.table.isVisible() and not tab.empty.isVisible()
    assert shown(tab) == {"Zoë Taylor": "★ You"}
    assert tab.status.text() == "✓ Saved Zoë Taylor."
    assert stored(db) == [("Zoë Taylor", "zoe@example.org", True, True)]


def test_a_bad_email_is_shown_next_to_the_field_and_nothing_is_stored(
    qtbot: QtBot, ops: Operations, db: Database, typist
) -> None:
    tab = open_practitioners(qtbot, ops)
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert dialog is not None
    typist(dialog.full_name, "Sam Taylor")
    typist(dialog.email, "sam@")
    click(qtbot, dialog.save_button)

    assert dialog.isVisible()
    error = dialog.findChild(QLabel, "email_error")
    assert error is not None and error.isVisible()
    assert error.text().startswith("⚠ ") and "name@example.org" in error.text()
    name_error = dialog.findChild(QLabel, "full_name_error")
    assert name_error is not None and not name_error.isVisible()
    assert stored(db) == []
    assert tab.empty.isVisible()


def test_edit_changes_the_phone(qtbot: QtBot, ops: Operations, db: Database, typist) -> None:
    seed(db)
    tab = open_practitioners(qtbot, ops)
    click_row(qtbot, tab, "Sam Taylor")
    click(qtbot, tab.edit_button)
    dialog = tab.dialog
    assert dialog is not None and dialog.full_name.text() == "Sam Taylor"
    assert not dialog.is_me.isVisible()
    typist(dialog.phone, "07700 900123")
    click(qtbot, dialog.save_button)
    row = tab.model.rows[[p.full_name for p in tab.model.rows].index("Sam Taylor")]
    assert row.phone == "07700 900123"


def test_this_is_me_moves_the_marker(qtbot: QtBot, ops: Operations, db: Database) -> None:
    seed(db)
    tab = open_practitioners(qtbot, ops)
    assert shown(tab) == {"Ada Example": "★ You", "Sam Taylor": ""}
    click_row(qtbot, tab, "Ada Example")
    assert not tab.me_button.isEnabled()  # already you
    click_row(qtbot, tab, "Sam Taylor")
    click(qtbot, tab.me_button)
    assert shown(tab) == {"Ada Example": "", "Sam Taylor": "★ You"}
    assert [(name, you) for name, _e, you, _a in stored(db)] == [
        ("Ada Example", False),
        ("Sam Taylor", True),
    ]


def test_archive_hides_them_and_show_archived_brings_them_back(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    seed(db)
    tab = open_practitioners(qtbot, ops)
    click_row(qtbot, tab, "Sam Taylor")
    assert tab.archive_button.text() == "Arc&hive"
    click(qtbot, tab.archive_button)
    assert shown(tab) == {"Ada Example": "★ You"}
    assert "Sam Taylor is archived" in tab.status.text()
    assert stored(db)[1] == ("Sam Taylor", "", False, False)

    click(qtbot, tab.show_archived)
    assert shown(tab) == {"Ada Example": "★ You", "Sam Taylor": "Archived"}
    click_row(qtbot, tab, "Sam Taylor")
    assert tab.archive_button.text() == "Re&store"
    assert not tab.me_button.isEnabled()
    click(qtbot, tab.archive_button)
    assert stored(db)[1] == ("Sam Taylor", "", False, True)
    assert shown(tab) == {"Ada Example": "★ You", "Sam Taylor": ""}


def test_archiving_yourself_or_someone_with_bookings_is_explained(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    seed(db)
    start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=3), dt.time(10, 0))
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=dt.date.today(),
        )
        sam = session.scalar(select(Practitioner.id).where(Practitioner.full_name == "Sam Taylor"))
        ap.create_appointment(
            session, AppointmentInput(client.id, sam, start, 50), now=dt.datetime.now()
        )
    tab = open_practitioners(qtbot, ops)

    click_row(qtbot, tab, "Ada Example")
    click(qtbot, tab.archive_button)
    assert tab.message.isVisible()
    assert "Ada Example is you" in tab.message.text()

    click_row(qtbot, tab, "Sam Taylor")
    click(qtbot, tab.archive_button)
    assert "Sam Taylor still has 1 appointment booked" in tab.message.text()
    assert "Move them to another practitioner or cancel them" in tab.message.text()
    assert shown(tab) == {"Ada Example": "★ You", "Sam Taylor": ""}
    assert all(active for *_rest, active in stored(db))


def test_everyone_archived_says_how_to_see_them(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    with db.unit_of_work() as session:
        gone = add_practitioner(session, "Lee Left")
        session.get(Practitioner, gone.id).active = False  # type: ignore[union-attr]
    tab = open_practitioners(qtbot, ops)
    assert tab.empty.isVisible()
    assert "Everyone here is archived (1)" in tab.empty.text()
    assert "Show archived" in tab.empty.text()
