"""Issue 12's polish of the main screens: headings on the theme's type scale, the waitlist's
empty state, domain labels through the translator, the practice's locale everywhere, the
client list readable at 1280×800, and only active co-workers offered in the directory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from clientcare import appointments, clients, locale_format, practice
from clientcare import followups as fu
from clientcare import referrals as rf
from clientcare import settings as practice_settings
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    AppointmentMode,
    ClientStatus,
    ConsentState,
    ContactChannel,
    ProviderKind,
    Urgency,
)
from clientcare.followups import IssueInput
from clientcare.referrals import ProviderInput
from tests.ui.conftest import click_client_row
from ui import labels, theme
from ui.dialogs.followups import ConsentDialog
from ui.dialogs.provider import ProviderForm
from ui.main_window import SECTIONS, MainWindow
from ui.models.clients import ClientColumn
from ui.models.today import TodayColumn
from ui.ops import Operations
from ui.screens.calendar import CalendarScreen, block_for
from ui.screens.clients import ClientsScreen
from ui.screens.money import MoneyScreen
from ui.screens.reports import ReportsScreen
from ui.screens.today import TodayScreen
from ui.widgets.lateness_chart import format_minutes
from ui.widgets.waitlist_panel import WaitlistPanel

TODAY = dt.date.today()


def set_locale(db: Database, locale: str) -> None:
    with db.unit_of_work() as session:
        current = practice_settings.get_practice(session)
        practice_settings.update_practice(session, dataclasses.replace(current, locale=locale))


def show(qtbot: QtBot, widget: QWidget, width: int = 1000, height: int = 700) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    QApplication.processEvents()
    return widget


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        ada = practice.add_practitioner(session, "Dr. Ada Example", is_current_user=True)
        zoe = clients.create_client(
            session,
            ClientInput(
                full_name="Zoë Ñúñez",
                status=ClientStatus.ACTIVE,
                email="zoe.nunez@example.org",
                phone="07700 900123",
            ),
            region="GB",
            today=TODAY,
        )
        return {"ada": ada.id, "zoe": zoe.id}


# --------------------------------------------------------------------------
# Headings from the theme's type scale
# --------------------------------------------------------------------------


def scale_of(label: QLabel) -> float:
    return label.font().pointSizeF() / QApplication.font().pointSizeF()


def assert_role(label: QLabel | None, role: str) -> None:
    assert label is not None
    assert label.property("typeRole") == role, label.objectName()
    assert scale_of(label) == pytest.approx(theme.TYPE_SCALE[role]), label.objectName()
    assert label.font().bold()


def test_screen_titles_use_the_theme_type_scale(
    qtbot: QtBot, ops: Operations, people: dict[str, int]
) -> None:
    today = show(qtbot, TodayScreen(ops))
    assert_role(today.findChild(QLabel, "today_heading"), "title")
    calendar = show(qtbot, CalendarScreen(ops))
    assert_role(calendar.findChild(QLabel, "calendar_range"), "title")
    assert_role(calendar.findChild(QLabel, "waitlist_title"), "heading")
    screen = show(qtbot, ClientsScreen(ops))
    assert_role(screen.findChild(QLabel, "clients_title"), "title")
    click_client_row(qtbot, screen)  # the client's page: their name is its title
    assert_role(screen.findChild(QLabel, "client_heading"), "title")
    money = show(qtbot, MoneyScreen(ops))
    assert_role(money.findChild(QLabel, "money_title"), "title")
    # The overview's amounts are figures: their own step of the scale, from the theme.
    assert_role(money.findChild(QLabel, "received_this_month"), "figure")


def test_dialog_headings_use_the_theme_type_scale(
    qtbot: QtBot, ops: Operations, people: dict[str, int]
) -> None:
    from ui.dialogs.payment import PaymentDialog
    from ui.idle_lock import LockCurtain

    form = show(qtbot, ProviderForm(ops))
    assert_role(form.findChild(QLabel, "provider_heading"), "heading")
    payment = show(qtbot, PaymentDialog(ops, people["zoe"]), 480, 400)
    assert_role(payment.findChild(QLabel, "payment_heading"), "subheading")
    consent = show(qtbot, ConsentDialog(ops, people["zoe"]), 480, 400)
    assert_role(consent.findChild(QLabel, "dialog_heading"), "subheading")
    host = show(qtbot, QWidget(), 600, 400)
    curtain = LockCurtain(host)
    assert_role(curtain.findChild(QLabel, "lock_title"), "heading")


# --------------------------------------------------------------------------
# The waitlist when nobody waits
# --------------------------------------------------------------------------


def test_empty_waitlist_says_what_it_is_for_right_under_its_title(
    qtbot: QtBot, ops: Operations
) -> None:
    panel = show(qtbot, WaitlistPanel(ops), 320, 700)
    assert isinstance(panel, WaitlistPanel)
    assert not panel.table.isVisible()
    message = panel.findChild(QLabel, "waitlist_empty")
    title = panel.findChild(QLabel, "waitlist_title")
    assert message is not None and title is not None and message.isVisible()
    words = message.text()
    assert words.startswith("Nobody is waiting.")
    assert "asked for a time you cannot offer yet" in words  # what the list is for
    assert "press “Add…”" in words  # how to add someone
    assert panel.add_button.text() == "Add…"

    def top_of(widget: QWidget) -> int:
        return widget.mapTo(panel, QPoint(0, 0)).y()

    title_bottom = top_of(title) + title.height()
    # The title at the top, the message right under it: not floating in the middle.
    assert top_of(title) < 10
    assert 0 <= top_of(message) - title_bottom < 2 * title.fontMetrics().lineSpacing()
    text_bottom = top_of(message) + message.heightForWidth(message.width())
    assert text_bottom < top_of(panel.add_button) - 200  # the room is below the words
    # Someone added: the list takes the message's place.
    with ops.database.unit_of_work() as session:
        client_id = clients.create_client(
            session, ClientInput(full_name="Ann Example"), region="GB", today=TODAY
        ).id
    from clientcare import waitlist

    ops.run(
        lambda s: waitlist.add_to_waitlist(s, waitlist.WaitlistInput(client_id), today=TODAY),
    )
    assert panel.table.isVisible() and not message.isVisible()


# --------------------------------------------------------------------------
# Domain labels through the translator ("labels" context)
# --------------------------------------------------------------------------


class GermanLabels(QTranslator):
    WORDS: ClassVar[dict[str, str]] = {"Scheduled": "Geplant", "In person": "Vor Ort"}

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.WORDS.get(source) if context == labels.CONTEXT else None


@pytest.fixture
def german(qapp: QCoreApplication) -> Iterator[None]:
    translator = GermanLabels()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_appointment_status_and_mode_are_translated_labels(
    german: None, qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    morning = dt.datetime.combine(TODAY, dt.time(8, 0))
    start = dt.datetime.combine(TODAY, dt.time(10, 0))
    with db.unit_of_work() as session:
        created = appointments.create_appointment(
            session,
            AppointmentInput(people["zoe"], people["ada"], start, 50, AppointmentMode.IN_PERSON),
            now=morning,
        )
    screen = TodayScreen(ops)
    qtbot.addWidget(screen)
    screen.now = lambda: morning  # type: ignore[method-assign]
    screen.refresh()
    model = screen.table.model()
    assert model.index(0, TodayColumn.STATUS).data() == "Geplant"
    assert model.index(0, TodayColumn.MODE).data() == "Vor Ort"
    block = block_for(created)
    assert "Vor Ort" in block.detail and "Geplant" in block.accessible_text

    from ui.dialogs.appointment import AppointmentDialog

    dialog = AppointmentDialog(ops, appointment_id=created.id)
    qtbot.addWidget(dialog)
    assert dialog.status_label.text().startswith("Status: Geplant")
    assert dialog.mode.itemText(dialog.mode.findData(AppointmentMode.IN_PERSON.value)) == "Vor Ort"


# --------------------------------------------------------------------------
# The practice's locale
# --------------------------------------------------------------------------


def test_care_list_due_date_is_written_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    set_locale(db, "de_DE")
    with db.unit_of_work() as session:
        fu.create_issue(
            session,
            IssueInput(people["zoe"], "Invoice query", Urgency.NORMAL, TODAY),
            today=TODAY,
        )
    screen = TodayScreen(ops)
    qtbot.addWidget(screen)
    # Seen two days earlier, the issue's date is still to come: "due 25. Nov." in German.
    earlier = dt.datetime.combine(TODAY - dt.timedelta(days=2), dt.time(9, 0))
    screen.now = lambda: earlier  # type: ignore[method-assign]
    screen.refresh()
    tree = screen.care.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    since = [row.text(2) for row in rows if row.text(1).startswith("Invoice query")]
    german_day = locale_format.day_month(TODAY, "de_DE")
    assert since == [f"due {german_day}"]
    assert german_day != locale_format.day_month(TODAY, "en_GB")


def test_consent_dialog_dates_are_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    set_locale(db, "de_DE")
    with db.unit_of_work() as session:
        status = fu.record_consent(
            session,
            people["zoe"],
            ConsentState.GIVEN,
            recorded_on=TODAY,
            today=TODAY,
            channel=ContactChannel.SMS,
            interval_days=42,
        )
    assert status.next_due_on is not None
    dialog = ConsentDialog(ops, people["zoe"])
    qtbot.addWidget(dialog)
    current = dialog.findChild(QLabel, "consent_current")
    assert current is not None
    german = locale_format.day(status.next_due_on, "de_DE")  # 04.01.2027
    assert f"Next check-in due {german}." in current.text()
    assert f"Last recorded {locale_format.day(TODAY, 'de_DE')}:" in current.text()
    assert locale_format.day(TODAY, "en_GB") not in current.text()


def test_lateness_minutes_and_restore_dates_follow_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    assert format_minutes(7.5, "de_DE") == "7,5"
    assert format_minutes(7.5, "en_GB") == "7.5"
    set_locale(db, "de_DE")
    reports = ReportsScreen(ops)
    qtbot.addWidget(reports)
    assert reports.practice_locale == "de_DE"
    assert reports.lateness_chart.practice_locale == "de_DE"

    from pathlib import Path

    from clientcare.restore import BackupSummary
    from ui.dialogs.restore import RestoreDialog

    taken = dt.datetime(2026, 11, 23, 14, 5)
    summary = BackupSummary(
        path=Path("backup.sqlite3"),
        taken_at=taken,
        revision="head",
        practice_name="Willow Lane",
        clients=1234,
        appointments=5,
        interactions=6,
        newest_record=None,
    )
    dialog = RestoreDialog(summary, None, Path("kept"), locale="de_DE")
    qtbot.addWidget(dialog)
    heading = dialog.findChild(QLabel, "restore_heading")
    assert heading is not None and "23.11.2026" in heading.text()
    counted = dialog.findChild(QLabel, "backup_clients")
    assert counted is not None and counted.text() == "1.234"


# --------------------------------------------------------------------------
# The Clients screen at 1280×800
# --------------------------------------------------------------------------


def test_client_list_email_and_contacts_are_readable_at_1280_by_800(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.go_to("clients")
    QApplication.processEvents()
    screen = window.screens["clients"]
    assert isinstance(screen, ClientsScreen)
    table = screen.table
    email = screen.proxy.index(0, ClientColumn.EMAIL)
    assert email.data() == "zoe.nunez@example.org"
    assert email.data(Qt.ItemDataRole.ToolTipRole) == email.data()
    needed = table.fontMetrics().horizontalAdvance(email.data()) + 8
    assert table.columnWidth(ClientColumn.EMAIL) >= needed
    # Nothing runs off the list's right edge (once the columns are fitted).
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2000)
    # The contacts list wraps to the page rather than scrolling sideways.
    view = screen.form.contacts_view
    assert view.wordWrap()
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.maximumHeight() >= 10 * view.fontMetrics().lineSpacing()


# --------------------------------------------------------------------------
# The directory offers only active co-workers
# --------------------------------------------------------------------------


def test_provider_form_offers_only_active_practitioners(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    with db.unit_of_work() as session:
        noor = practice.add_practitioner(session, "Noor Placeholder")
        practice.add_practitioner(session, "Sam Sample")
        linked = rf.create_provider(
            session,
            ProviderInput(
                name="Noor (co-worker)", kind=ProviderKind.INTERNAL, practitioner_id=noor.id
            ),
            region="GB",
        )
        practice.archive_practitioner(session, noor.id, now=dt.datetime.now())
    form = show(qtbot, ProviderForm(ops))
    assert isinstance(form, ProviderForm)
    offered = [form.practitioner.itemText(i) for i in range(form.practitioner.count())]
    assert offered == ["(choose)", "Dr. Ada Example", "Sam Sample"]
    # A provider that already names the archived practitioner keeps the link, marked.
    form.load(ops.read(lambda s: rf.get_provider(s, linked.id)))
    assert form.practitioner.currentData() == noor.id
    assert form.practitioner.currentText() == "Noor Placeholder (archived)"
    assert form.collect().practitioner_id == noor.id


def test_every_section_has_a_heading(qtbot: QtBot, ops: Operations, people: dict[str, int]) -> None:
    """Issue 21: a heading on every section, on the theme's type scale, in view."""
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    for section in SECTIONS:
        window.go_to(section.key)
        QApplication.processEvents()
        titles = [
            label
            for label in window.screens[section.key].findChildren(QLabel)
            if label.property("typeRole") == "title" and label.isVisible() and label.text()
        ]
        assert titles, f"{section.key} has no heading"
        assert_role(titles[0], "title")
