"""Dates and times on screen follow the practice's locale (Settings), not en_GB or Qt's own.

Each test sets the locale the way a person does (the practice form's domain function),
opens a screen or dialog, and reads what it shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from clientcare import appointments, clients, interactions
from clientcare import followups as fu
from clientcare import referrals as rf
from clientcare import settings as practice_settings
from clientcare.adherence import PeriodAdherence
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, InteractionKind, Practitioner, Urgency
from clientcare.followups import IssueInput
from clientcare.printouts import format_day
from clientcare.referrals import ProviderInput, ReferralInput
from ui.dialogs.arrival import ArrivalDialog
from ui.dialogs.brief import PreSessionBriefDialog
from ui.dialogs.interaction import InteractionEditor
from ui.dialogs.running_late import RunningLateDialog
from ui.models.followups import IssueColumn
from ui.models.referrals import ReferralColumn
from ui.ops import Operations
from ui.screens.followups import FollowUpsScreen
from ui.screens.referrals import ReferralsScreen
from ui.widgets.adherence_chart import AdherenceChart

TODAY = dt.date.today()
TOMORROW = TODAY + dt.timedelta(days=1)
DUE = TODAY + dt.timedelta(days=30)
GERMAN_WEEKDAYS = ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.")


def german(day: dt.date) -> str:
    """23.11.2026: how de_DE writes a day (CLDR medium)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def british(day: dt.date) -> str:
    """23 Nov 2026: the en_GB form these screens used to show whatever the setting."""
    return f"{day.day} {day:%b} {day.year}"


def _update_locale(session: Session, locale: str) -> None:
    current = practice_settings.get_practice(session)
    practice_settings.update_practice(session, dataclasses.replace(current, locale=locale))


def set_locale(db: Database, locale: str) -> None:
    with db.unit_of_work() as session:
        _update_locale(session, locale)


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr. Ada Example", is_current_user=True)
        session.add(ada)
        session.flush()
        zoe = clients.create_client(
            session,
            ClientInput(full_name="Zoë Ñúñez", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        )
        return {"ada": ada.id, "zoe": zoe.id}


def book(db: Database, people: dict[str, int], start: dt.datetime) -> int:
    with db.unit_of_work() as session:
        return appointments.create_appointment(
            session,
            AppointmentInput(people["zoe"], people["ada"], start, 50),
            now=dt.datetime.now(),
        ).id


def test_running_late_dialog_writes_times_and_days_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    set_locale(db, "en_US")
    appointment_id = book(db, people, dt.datetime.combine(TOMORROW, dt.time(14, 0)))
    dialog = RunningLateDialog(ops, appointment_id)
    qtbot.addWidget(dialog)
    heading = dialog.heading.text()
    assert "2:00\u202fPM" in heading or "2:00 PM" in heading
    assert "14:00" not in heading
    # The message the client gets says the time as they read it, and so does the subject.
    assert "2:00" in dialog.message.toPlainText() and "PM" in dialog.message.toPlainText()
    assert "14:00" not in dialog.message.toPlainText()
    assert "PM" in dialog.subject()


def test_running_late_dialog_in_german_names_the_day_the_german_way(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    set_locale(db, "de_DE")
    appointment_id = book(db, people, dt.datetime.combine(TOMORROW, dt.time(9, 0)))
    dialog = RunningLateDialog(ops, appointment_id)
    qtbot.addWidget(dialog)
    heading = dialog.heading.text()
    assert f"{GERMAN_WEEKDAYS[TOMORROW.weekday()]}, {TOMORROW.day}." in heading
    assert f"{TOMORROW:%a} {TOMORROW.day} {TOMORROW:%b}" not in heading  # "Tue 24 Nov"
    assert dialog.slot_text(dt.datetime.combine(TOMORROW, dt.time(9, 0))).startswith(
        GERMAN_WEEKDAYS[TOMORROW.weekday()]
    )


def test_arrival_dialog_says_the_booked_time_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    set_locale(db, "en_US")
    appointment_id = book(db, people, dt.datetime.combine(TOMORROW, dt.time(15, 0)))
    detail = ops.read(lambda s: appointments.get_appointment(s, appointment_id))
    dialog = ArrivalDialog(ops, detail, now=detail.start)
    qtbot.addWidget(dialog)
    booked = dialog.findChild(type(dialog.late_message), "arrival_booked").text()
    assert "3:00" in booked and "PM" in booked
    assert "15:00" not in booked


def test_followups_screen_shows_due_dates_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    set_locale(db, "de_DE")
    with db.unit_of_work() as session:
        fu.create_issue(
            session,
            IssueInput(people["zoe"], "Invoice query", Urgency.HIGH, TODAY, due_on=DUE),
            today=TODAY,
        )
    screen = FollowUpsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    panel = screen.issues
    due = panel.table.model().index(0, IssueColumn.DUE).data()
    assert due.startswith(german(DUE)), due
    assert british(DUE) not in due
    panel.table.setCurrentIndex(panel.table.model().index(0, 0))
    assert german(DUE) in panel.detail.text() and german(TODAY) in panel.detail.text()

    # Changing the setting (as the Settings screen does) changes the screen at once.
    ops.run(lambda s: _update_locale(s, "en_US"))
    due = panel.table.model().index(0, IssueColumn.DUE).data()
    assert due.startswith(f"{DUE:%b} {DUE.day}, {DUE.year}"), due


def test_referrals_screen_shows_dates_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    set_locale(db, "de_DE")
    with db.unit_of_work() as session:
        provider = rf.create_provider(session, ProviderInput(name="Quiet Mind"), region="DE")
        rf.create_referral(
            session,
            ReferralInput(people["zoe"], provider.id, "A better fit.", DUE, TODAY),
            today=TODAY,
        )
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    panel = screen.referrals
    referred = panel.table.model().index(0, ReferralColumn.REFERRED).data()
    follow_up = panel.table.model().index(0, ReferralColumn.FOLLOW_UP).data()
    assert referred == german(TODAY)
    assert follow_up == german(DUE)
    panel.table.setCurrentIndex(panel.table.model().index(0, 0))
    assert german(TODAY) in panel.detail.text()
    assert british(TODAY) not in panel.detail.text()


def test_brief_and_contact_note_write_dates_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    set_locale(db, "de_DE")
    appointment_id = book(db, people, dt.datetime.combine(TOMORROW, dt.time(9, 0)))
    brief = PreSessionBriefDialog(ops, people["zoe"], today=TODAY)
    qtbot.addWidget(brief)
    text = brief.text.toPlainText()
    # The brief is the printed brief's template: the appointment's day written in full.
    assert f"{format_day(TOMORROW, 'de_DE', 'full')}, 09:00" in text, text

    editor = InteractionEditor(ops, appointment_id=appointment_id)
    qtbot.addWidget(editor)
    shown = [editor.appointment.itemText(i) for i in range(editor.appointment.count())]
    assert f"{GERMAN_WEEKDAYS[TOMORROW.weekday()]} {german(TOMORROW)} 09:00" in shown, shown
    assert interactions.KIND_LABELS[InteractionKind(editor.kind.currentData())] in (
        editor.kind.currentText()
    )


def test_adherence_chart_names_months_in_the_given_locale(qtbot: QtBot) -> None:
    chart = AdherenceChart()
    qtbot.addWidget(chart)
    months = [
        PeriodAdherence(period_start=dt.date(2026, 3, 1), label="Mar 2026", applied=2, done=1),
        PeriodAdherence(period_start=dt.date(2026, 5, 1), label="May 2026", applied=2, done=2),
    ]
    chart.set_data([], months, locale="fr_FR")
    drawn = chart.texts()
    assert "mars" in drawn and "mai" in drawn, drawn
    assert "Mar" not in drawn
    assert "mars 2026" in chart.months_title()


def test_a_qt_locale_elsewhere_does_not_leak_into_the_dates(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    """Qt's default locale (the computer's) is not the practice's: the setting wins."""
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        set_locale(db, "en_GB")
        with db.unit_of_work() as session:
            fu.create_issue(
                session,
                IssueInput(people["zoe"], "Invoice query", Urgency.NORMAL, TODAY, due_on=DUE),
                today=TODAY,
            )
        screen = FollowUpsScreen(ops)
        qtbot.addWidget(screen)
        due = (
            screen.issues.table.model().index(0, IssueColumn.DUE).data(Qt.ItemDataRole.DisplayRole)
        )
        assert due.startswith(british(DUE)), due
    finally:
        QLocale.setDefault(previous)


def test_messages_settings_preview_shows_the_example_time_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    from ui.screens.settings import MessagesTab

    set_locale(db, "en_US")
    tab = MessagesTab(ops)
    qtbot.addWidget(tab)
    for shown in (tab.preview.text(), tab.preview_caption.text()):
        assert "10:00" in shown and "AM" in shown, shown


def test_waitlist_days_are_named_in_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, people: dict[str, int]
) -> None:
    from ui.widgets.waitlist_panel import WaitlistDialog

    set_locale(db, "de_DE")
    dialog = WaitlistDialog(ops)
    qtbot.addWidget(dialog)
    assert [box.text() for box in dialog.days] == list(GERMAN_WEEKDAYS)
