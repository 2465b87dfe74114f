"""Follow-ups as Qt table models: the triage queue, expectations, check-ins due,
contact-attempt suggestions and the prospects pipeline.

Each is read from SQL a page at a time and ordered there (``*_SORTS``: the order each
column heading asks for); a row's texts are formatted once. Urgency is shown as a word
*and* a mark (never colour alone); rows carry their id in ``IdRole``.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from clientcare import locale_format
from clientcare.db.models import IssueStatus, Urgency
from clientcare.followups import (
    CHANNEL_LABELS,
    OUTCOME_LABELS,
    SET_BY_LABELS,
    STAGE_LABELS,
    URGENCY_LABELS,
    AttemptRow,
    AttemptSort,
    CheckInDue,
    CheckInSort,
    ExpectationRow,
    ExpectationSort,
    IssueRow,
    IssueSort,
    ProspectRow,
    ProspectSort,
)
from ui import theme
from ui.labels import label
from ui.models.listing import IdRole as IdRole  # the screens' and tests' import
from ui.models.listing import SqlListModel

#: A mark beside the word, so urgency never relies on colour alone.
URGENCY_MARKS: dict[Urgency, str] = {
    Urgency.CRISIS: "\u25b2\u25b2",  # ▲▲
    Urgency.HIGH: "\u25b2",  # ▲
    Urgency.NORMAL: "\u25cf",  # ●
    Urgency.LOW: "\u25bd",  # ▽
}
#: Okabe–Ito colours (see ui.theme); the mark and the word always go with them.
URGENCY_COLOURS: dict[Urgency, str] = {
    urgency: theme.URGENCY[urgency.value].colour for urgency in Urgency
}


def short_date(day: dt.date | None, locale: str = locale_format.DEFAULT_LOCALE) -> str:
    """A day as the practice's ``locale`` writes it briefly, or an empty string.

    ``23 Nov 2026`` (en_GB), ``Nov 23, 2026`` (en_US), ``23.11.2026`` (de_DE).
    """
    if day is None:
        return ""
    return locale_format.day(day, locale)


def urgency_text(urgency: Urgency) -> str:
    return f"{URGENCY_MARKS[urgency]} {label(URGENCY_LABELS, urgency)}"


def days_text(days: int) -> str:
    if days == 0:
        return "today"
    return "1 day" if days == 1 else f"{days} days"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


# --------------------------------------------------------------------------
# Issues
# --------------------------------------------------------------------------


class IssueColumn(IntEnum):
    URGENCY = 0
    CLIENT = 1
    TITLE = 2
    WAITING = 3
    DUE = 4
    IMPACT = 5


#: The order each column's heading asks for.
ISSUE_SORTS = {
    IssueColumn.URGENCY: IssueSort.TRIAGE,
    IssueColumn.CLIENT: IssueSort.CLIENT,
    IssueColumn.TITLE: IssueSort.TITLE,
    IssueColumn.WAITING: IssueSort.WAITING,
    IssueColumn.DUE: IssueSort.DUE,
    IssueColumn.IMPACT: IssueSort.IMPACT,
}


class IssueTableModel(SqlListModel):
    headers = ("Urgency", "Client", "Issue", "Waiting", "Due", "Impact")
    rows: list[IssueRow]

    def style(self, row: IssueRow, column: int, role: int) -> Any:
        resolved = row.status is IssueStatus.RESOLVED
        if role == Qt.ItemDataRole.ForegroundRole:
            if resolved:
                return QBrush(theme.muted_text())
            if column == IssueColumn.URGENCY:
                return QBrush(theme.text_colour(URGENCY_COLOURS[row.urgency]))
            if column == IssueColumn.DUE and row.overdue:
                return QBrush(theme.text_colour(theme.OVERDUE.colour))
            return None
        if role == Qt.ItemDataRole.FontRole and not resolved:
            if column == IssueColumn.URGENCY and row.urgency in (Urgency.CRISIS, Urgency.HIGH):
                return _bold()
            if column == IssueColumn.DUE and row.overdue:
                return _bold()
        return None

    def format_row(self, row: IssueRow) -> tuple[str, ...]:
        resolved = row.status is IssueStatus.RESOLVED
        suffix = ""
        if resolved:
            suffix = f" (resolved {self.day(row.resolved_on)})"
        elif row.reopened_count:
            suffix = " (reopened)"
        if resolved:
            waiting = ""
        else:
            waiting = "since today" if row.waiting_days == 0 else days_text(row.waiting_days)
        due = ""
        if row.due_on is not None:
            due = self.day(row.due_on) + (" \u2014 overdue" if row.overdue else "")
        return (
            urgency_text(row.urgency),
            row.client_full_name or row.client_name,
            row.title + suffix,
            waiting,
            due,
            " ".join(row.impact.split()),
        )

    def day(self, day: dt.date | None) -> str:
        return short_date(day, self.locale)


# --------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------


class ExpectationColumn(IntEnum):
    REVIEW = 0
    CLIENT = 1
    SET_BY = 2
    SET_ON = 3
    EXPECTATION = 4


EXPECTATION_SORTS = {
    ExpectationColumn.REVIEW: ExpectationSort.REVIEW,
    ExpectationColumn.CLIENT: ExpectationSort.CLIENT,
    ExpectationColumn.SET_BY: ExpectationSort.SET_BY,
    ExpectationColumn.SET_ON: ExpectationSort.SET_ON,
    ExpectationColumn.EXPECTATION: ExpectationSort.DESCRIPTION,
}


class ExpectationTableModel(SqlListModel):
    headers = ("Review", "Client", "Set by", "Set on", "Expectation")
    rows: list[ExpectationRow]

    def __init__(self, parent: Any = None, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self.today = dt.date.today()

    def style(self, row: ExpectationRow, column: int, role: int) -> Any:
        if column == ExpectationColumn.REVIEW and row.due:
            if role == Qt.ItemDataRole.ForegroundRole:
                overdue = row.review_on and row.review_on < self.today
                return QBrush(theme.text_colour((theme.OVERDUE if overdue else theme.DUE).colour))
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
        return None

    def format_row(self, row: ExpectationRow) -> tuple[str, ...]:
        if row.reviewed_on is not None:
            review = f"{label(OUTCOME_LABELS, row.outcome)} ({self.day(row.reviewed_on)})"
        elif row.due and row.review_on is not None:
            review = (
                "\u25cf Due today"
                if row.review_on >= self.today
                else f"\u25cf Due since {self.day(row.review_on)}"
            )
        else:
            review = self.day(row.review_on)
        return (
            review,
            row.client_full_name or row.client_name,
            label(SET_BY_LABELS, row.set_by),
            self.day(row.set_on),
            " ".join(row.description.split()),
        )

    def day(self, day: dt.date | None) -> str:
        return short_date(day, self.locale)


# --------------------------------------------------------------------------
# Check-ins due
# --------------------------------------------------------------------------


class CheckInColumn(IntEnum):
    DUE = 0
    CLIENT = 1
    LAST_CONTACT = 2
    EVERY = 3
    CHANNEL = 4


CHECKIN_SORTS = {
    CheckInColumn.DUE: CheckInSort.DUE,
    CheckInColumn.CLIENT: CheckInSort.CLIENT,
    CheckInColumn.LAST_CONTACT: CheckInSort.LAST_CONTACT,
    CheckInColumn.EVERY: CheckInSort.EVERY,
    CheckInColumn.CHANNEL: CheckInSort.CHANNEL,
}


class CheckInTableModel(SqlListModel):
    headers = ("Due", "Client", "Last contact", "Every", "How they like to hear")
    id_attribute = "client_id"
    rows: list[CheckInDue]

    def __init__(self, parent: Any = None, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self.today = dt.date.today()

    def style(self, row: CheckInDue, column: int, role: int) -> Any:
        if column == CheckInColumn.DUE and role == Qt.ItemDataRole.FontRole:
            return _bold()
        return None

    def format_row(self, row: CheckInDue) -> tuple[str, ...]:
        late = (self.today - row.due_on).days
        return (
            "Due today" if late <= 0 else f"Due since {self.day(row.due_on)}",
            row.client_full_name or row.client_name,
            self.day(row.last_contact_on) or "None logged",
            f"{row.interval_days} days",
            label(CHANNEL_LABELS, row.channel) if row.channel else "",
        )

    def day(self, day: dt.date | None) -> str:
        return short_date(day, self.locale)


# --------------------------------------------------------------------------
# Contact attempts and prospects
# --------------------------------------------------------------------------


class AttemptColumn(IntEnum):
    CLIENT = 0
    STATUS = 1
    ATTEMPTS = 2
    LAST = 3
    SUGGESTION = 4


ATTEMPT_SORTS = {
    AttemptColumn.CLIENT: AttemptSort.CLIENT,
    AttemptColumn.STATUS: AttemptSort.STATUS,
    AttemptColumn.ATTEMPTS: AttemptSort.ATTEMPTS,
    AttemptColumn.LAST: AttemptSort.LAST,
    AttemptColumn.SUGGESTION: AttemptSort.ATTEMPTS,  # "N calls or messages since …"
}


class AttemptTableModel(SqlListModel):
    headers = ("Who", "Status", "Unreturned", "Last tried", "A gentle suggestion")
    id_attribute = "client_id"
    rows: list[AttemptRow]

    def style(self, row: AttemptRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AttemptColumn.ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def format_row(self, row: AttemptRow) -> tuple[str, ...]:
        return (
            row.client_full_name or row.client_name,
            row.status.value.capitalize(),
            str(row.attempts),
            short_date(row.last_attempt_on, self.locale),
            row.suggestion,
        )


class ProspectColumn(IntEnum):
    CLIENT = 0
    STAGE = 1
    INQUIRED = 2
    WAITING = 3
    UNRETURNED = 4


PROSPECT_SORTS = {
    ProspectColumn.CLIENT: ProspectSort.CLIENT,
    ProspectColumn.STAGE: ProspectSort.STAGE,
    ProspectColumn.INQUIRED: ProspectSort.INQUIRED,
    ProspectColumn.UNRETURNED: ProspectSort.UNRETURNED,
}


class ProspectTableModel(SqlListModel):
    headers = ("Prospect", "Stage", "Got in touch", "Waiting", "Unreturned")
    id_attribute = "client_id"
    rows: list[ProspectRow]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Waiting longest is who got in touch first: the same order, turned around.
        if column == ProspectColumn.WAITING:
            column = ProspectColumn.INQUIRED
            order = (
                Qt.SortOrder.AscendingOrder
                if order == Qt.SortOrder.DescendingOrder
                else Qt.SortOrder.DescendingOrder
            )
        super().sort(column, order)

    def format_row(self, row: ProspectRow) -> tuple[str, ...]:
        return (
            row.client_full_name or row.client_name,
            label(STAGE_LABELS, row.stage),
            short_date(row.inquired_on, self.locale),
            days_text(row.waiting_days),
            str(row.unreturned_attempts) if row.unreturned_attempts else "",
        )
