"""Date and time fields: one home for turning the domain's dates into Qt's and back, and
for the date field every form uses (a calendar pop-up, written as the practice's locale
writes dates)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit

from clientcare import locale_format
from ui.widgets.fields import localise_date_edit


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    """A wall-clock moment to the minute (seconds dropped, as the fields show it)."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def from_qdatetime(value: QDateTime) -> dt.datetime:
    day, time = value.date(), value.time()
    return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


def date_edit(
    day: dt.date,
    locale: str = locale_format.DEFAULT_LOCALE,
    *,
    weekday: bool = True,
    max_width: int | None = None,
) -> QDateEdit:
    """A date field with a calendar pop-up, showing the day as the locale writes it:
    "Tue 3 Mar 2026" (en_GB), "Tue, Mar 3, 2026" (en_US); without the weekday when
    ``weekday`` is False."""
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    localise_date_edit(edit, locale, weekday=weekday)
    if max_width is not None:
        edit.setMaximumWidth(max_width)
    return edit
