"""Date and time fields are written in the practice's locale (Settings), not in en_GB order.

The conversion from CLDR patterns to Qt display formats is checked on its own; then the
practice locale is set the way Settings sets it, a dialog is opened, and the field's
format and the text a person sees are read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit
from pytestqt.qtbot import QtBot

from clientcare import clients, locale_format, money
from clientcare import settings as practice_settings
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, Practitioner
from ui.dialogs.appointment import AppointmentDialog
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.money import AddChargeDialog
from ui.dialogs.payment import PaymentDialog
from ui.ops import Operations
from ui.widgets.fields import localise_date_edit, qt_display_format

TODAY = dt.date.today()
DECEMBER_19 = QDate(2026, 12, 19)  # a Saturday
AT_14_05 = QDateTime(DECEMBER_19, QTime(14, 5))


def set_locale(db: Database, locale: str) -> None:
    with db.unit_of_work() as session:
        current = practice_settings.get_practice(session)
        practice_settings.update_practice(session, dataclasses.replace(current, locale=locale))


@pytest.fixture
def client_id(db: Database) -> int:
    with db.unit_of_work() as session:
        session.add(Practitioner(full_name="Ada Example", is_current_user=True))
        cid = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        ).id
        money.add_charge(session, cid, description="Session", amount="90", charged_on=TODAY)
        return cid


# -- the conversion, for five locales ----------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "date", "with_weekday", "time"),
    [
        ("en_GB", "d MMM yyyy", "ddd, d MMM yyyy", "HH:mm"),
        ("en_US", "MMM d, yyyy", "ddd, MMM d, yyyy", "h:mm Ap"),
        ("de_DE", "d. MMM yyyy", "ddd, d. MMM yyyy", "HH:mm"),
        ("fr_FR", "d MMM yyyy", "ddd d MMM yyyy", "HH:mm"),
        ("ja_JP", "yyyy'年'M'月'd'日'", "yyyy'年'M'月'd'日('ddd)", "H:mm"),
    ],
)
def test_the_locale_gives_the_field_format(
    locale: str, date: str, with_weekday: str, time: str
) -> None:
    assert qt_display_format(locale_format.input_date_pattern(locale)) == date
    assert qt_display_format(locale_format.input_date_pattern(locale, weekday=True)) == (
        with_weekday
    )
    assert qt_display_format(locale_format.input_time_pattern(locale)) == time


def test_cldr_letters_and_quotes_become_qt_ones() -> None:
    assert qt_display_format("EEEE d MMMM y") == "dddd d MMMM yyyy"
    assert qt_display_format("dd/MM/yy") == "dd/MM/yyyy"  # a typed year has four digits
    assert qt_display_format("LLL y") == "MMM yyyy"
    assert qt_display_format("d 'de' MMM 'de' y") == "d 'de 'MMM 'de 'yyyy"
    assert qt_display_format("h 'o''clock' a") == "h 'o''clock 'Ap"


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("en_GB", "19 Dec 2026"),
        ("en_US", "Dec 19, 2026"),
        ("de_DE", "19. Dez. 2026"),
        ("fr_FR", "19 déc. 2026"),
        ("ja_JP", "2026年12月19日"),
    ],
)
def test_a_date_field_shows_the_day_as_the_locale_writes_it(
    qtbot: QtBot, locale: str, shown: str
) -> None:
    edit = QDateEdit(DECEMBER_19)
    qtbot.addWidget(edit)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(2026, 1, 1))
    localise_date_edit(edit, locale)
    assert edit.text() == shown
    # The field keeps what it had: its date, its range, its pop-up.
    assert edit.date() == DECEMBER_19
    assert edit.minimumDate() == QDate(2026, 1, 1)
    assert edit.calendarPopup()
    edit.setDate(QDate(2027, 3, 5))
    assert edit.date() == QDate(2027, 3, 5)


def test_time_and_date_time_fields(qtbot: QtBot) -> None:
    time = QTimeEdit(QTime(14, 5))
    both = QDateTimeEdit(AT_14_05)
    for edit in (time, both):
        qtbot.addWidget(edit)
    localise_date_edit(time, "en_US")
    localise_date_edit(both, "en_US")
    assert time.text() == "2:05 PM"
    assert both.text() == "Sat, Dec 19, 2026, 2:05 PM"
    localise_date_edit(time, "de_DE")
    assert time.text() == "14:05"
    assert time.time() == QTime(14, 5)


def test_an_unknown_locale_falls_back_to_en_gb(qtbot: QtBot) -> None:
    edit = QDateEdit(DECEMBER_19)
    qtbot.addWidget(edit)
    localise_date_edit(edit, "xx_nowhere")
    assert edit.text() == "19 Dec 2026"


# -- dialogs, with the practice's locale from Settings -----------------------------------


def open_payment(qtbot: QtBot, ops: Operations, client_id: int) -> PaymentDialog:
    dialog = PaymentDialog(ops, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.paid_on.setDate(DECEMBER_19)
    return dialog


def test_payment_date_in_german(qtbot: QtBot, ops: Operations, db: Database, client_id: int):
    set_locale(db, "de_DE")
    dialog = open_payment(qtbot, ops, client_id)
    assert dialog.paid_on.displayFormat() == "d. MMM yyyy"
    assert dialog.paid_on.text() == "19. Dez. 2026"  # day first, German month


def test_payment_date_in_american(qtbot: QtBot, ops: Operations, db: Database, client_id: int):
    set_locale(db, "en_US")
    dialog = open_payment(qtbot, ops, client_id)
    assert dialog.paid_on.displayFormat() == "MMM d, yyyy"
    assert dialog.paid_on.text() == "Dec 19, 2026"  # month first


def test_payment_date_in_british_by_default(qtbot: QtBot, ops: Operations, client_id: int):
    dialog = open_payment(qtbot, ops, client_id)
    assert dialog.paid_on.text() == "19 Dec 2026"


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("de_DE", "Sa., 19. Dez. 2026, 14:05"),
        ("en_US", "Sat, Dec 19, 2026, 2:05 PM"),
    ],
)
def test_appointment_start_follows_the_practice_locale(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, locale: str, shown: str
) -> None:
    set_locale(db, locale)
    dialog = AppointmentDialog(ops, start=dt.datetime(2026, 12, 19, 14, 5))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.start.text() == shown
    assert dialog.start.dateTime() == AT_14_05
    dialog.until.setDate(DECEMBER_19)
    assert dialog.until.text() == ("19. Dez. 2026" if locale == "de_DE" else "Dec 19, 2026")


def test_money_dialog_date_in_german(qtbot: QtBot, ops: Operations, db: Database, client_id: int):
    set_locale(db, "de_DE")
    dialog = AddChargeDialog(ops, client_id)
    qtbot.addWidget(dialog)
    dialog.charged_on.setDate(DECEMBER_19)
    assert dialog.charged_on.text() == "19. Dez. 2026"


def test_first_run_times_follow_the_chosen_language(qtbot: QtBot, ops: Operations) -> None:
    wizard = FirstRunWizard(ops)
    qtbot.addWidget(wizard)
    wizard.day_start.setTime(QTime(9, 0))
    assert wizard.day_start.text() == "09:00"  # en_GB, the first choice
    wizard.locale_choice.setCurrentIndex(wizard.locale_choice.findData("en_US"))
    assert wizard.day_start.text() == "9:00 AM"
    assert wizard.day_start.time() == QTime(9, 0)
