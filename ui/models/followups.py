"""Follow-ups as Qt table models: the triage queue, expectations, check-ins due,
contact-attempt suggestions and the prospects pipeline.

Urgency is shown as a word *and* a mark (never colour alone); rows carry their id
in ``IdRole`` and a sortable value in ``SortRole``.
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
    URGENCY_ORDER,
    AttemptRow,
    CheckInDue,
    ExpectationRow,
    IssueRow,
    ProspectRow,
)
from ui import theme
from ui.labels import label
from ui.models.base import Index, RowsTableModel

#: Role holding the id of a row (issue, expectation or client).
IdRole = Qt.ItemDataRole.UserRole + 1
#: Role holding the value sorted by.
SortRole = Qt.ItemDataRole.UserRole + 2

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


class _IdModel(RowsTableModel):
    id_attribute = "id"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = locale_format.DEFAULT_LOCALE  # the practice's; the screen sets it

    def day(self, day: dt.date | None) -> str:
        """``day`` in the practice's locale, or an empty string."""
        return short_date(day, self.locale)

    def row_for_id(self, row_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if getattr(row, self.id_attribute) == row_id:
                return number
        return None

    def _common(self, row: Any, column: int, role: int, text: str, sort: Any) -> Any:
        if role == IdRole:
            return getattr(row, self.id_attribute)
        if role == SortRole:
            return sort
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.headers[column]}: {text or 'none'}"
        return None


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


class IssueTableModel(_IdModel):
    headers = ("Urgency", "Client", "Issue", "Waiting", "Due", "Impact")
    rows: list[IssueRow]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: IssueRow = self.rows[index.row()]
        column = IssueColumn(index.column())
        resolved = row.status is IssueStatus.RESOLVED
        if role == Qt.ItemDataRole.ForegroundRole:
            if resolved:
                return QBrush(theme.muted_text())
            if column is IssueColumn.URGENCY:
                return QBrush(theme.text_colour(URGENCY_COLOURS[row.urgency]))
            if column is IssueColumn.DUE and row.overdue:
                return QBrush(theme.text_colour(theme.OVERDUE.colour))
            return None
        if role == Qt.ItemDataRole.FontRole and not resolved:
            if column is IssueColumn.URGENCY and row.urgency in (Urgency.CRISIS, Urgency.HIGH):
                return _bold()
            if column is IssueColumn.DUE and row.overdue:
                return _bold()
            return None
        return self._common(row, column, role, self._text(row, column), self._sort(row, column))

    def _text(self, row: IssueRow, column: IssueColumn) -> str:
        match column:
            case IssueColumn.URGENCY:
                return urgency_text(row.urgency)
            case IssueColumn.CLIENT:
                return row.client_full_name or row.client_name
            case IssueColumn.TITLE:
                suffix = ""
                if row.status is IssueStatus.RESOLVED:
                    suffix = f" (resolved {self.day(row.resolved_on)})"
                elif row.reopened_count:
                    suffix = " (reopened)"
                return row.title + suffix
            case IssueColumn.WAITING:
                if row.status is IssueStatus.RESOLVED:
                    return ""
                return "since today" if row.waiting_days == 0 else days_text(row.waiting_days)
            case IssueColumn.DUE:
                if row.due_on is None:
                    return ""
                return self.day(row.due_on) + (" \u2014 overdue" if row.overdue else "")
            case IssueColumn.IMPACT:
                return " ".join(row.impact.split())

    def _sort(self, row: IssueRow, column: IssueColumn) -> Any:
        resolved = 1 if row.status is IssueStatus.RESOLVED else 0
        match column:
            case IssueColumn.URGENCY:
                # Triage order: open first, urgency, then the longest waiting.
                rank = URGENCY_ORDER[row.urgency]
                return f"{resolved}|{rank}|{row.raised_on.isoformat()}|{row.id:09d}"
            case IssueColumn.WAITING:
                return row.waiting_days
            case IssueColumn.DUE:
                return row.due_on.isoformat() if row.due_on else "9999"
            case _:
                return self._text(row, column).casefold()


# --------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------


class ExpectationColumn(IntEnum):
    REVIEW = 0
    CLIENT = 1
    SET_BY = 2
    SET_ON = 3
    EXPECTATION = 4


class ExpectationTableModel(_IdModel):
    headers = ("Review", "Client", "Set by", "Set on", "Expectation")
    rows: list[ExpectationRow]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: ExpectationRow = self.rows[index.row()]
        column = ExpectationColumn(index.column())
        if column is ExpectationColumn.REVIEW and row.due:
            if role == Qt.ItemDataRole.ForegroundRole:
                overdue = row.review_on and row.review_on < self.today
                return QBrush(theme.text_colour((theme.OVERDUE if overdue else theme.DUE).colour))
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
        return self._common(row, column, role, self._text(row, column), self._sort(row, column))

    def _text(self, row: ExpectationRow, column: ExpectationColumn) -> str:
        match column:
            case ExpectationColumn.REVIEW:
                if row.reviewed_on is not None:
                    return f"{label(OUTCOME_LABELS, row.outcome)} ({self.day(row.reviewed_on)})"
                if row.due and row.review_on is not None:
                    if row.review_on >= self.today:
                        return "\u25cf Due today"
                    return f"\u25cf Due since {self.day(row.review_on)}"
                return self.day(row.review_on)
            case ExpectationColumn.CLIENT:
                return row.client_full_name or row.client_name
            case ExpectationColumn.EXPECTATION:
                return " ".join(row.description.split())
            case ExpectationColumn.SET_BY:
                return label(SET_BY_LABELS, row.set_by)
            case ExpectationColumn.SET_ON:
                return self.day(row.set_on)

    def _sort(self, row: ExpectationRow, column: ExpectationColumn) -> Any:
        match column:
            case ExpectationColumn.REVIEW:
                return (row.review_on or dt.date.max).isoformat()
            case ExpectationColumn.SET_ON:
                return row.set_on.isoformat()
            case _:
                return self._text(row, column).casefold()


# --------------------------------------------------------------------------
# Check-ins due
# --------------------------------------------------------------------------


class CheckInColumn(IntEnum):
    DUE = 0
    CLIENT = 1
    LAST_CONTACT = 2
    EVERY = 3
    CHANNEL = 4


class CheckInTableModel(_IdModel):
    headers = ("Due", "Client", "Last contact", "Every", "How they like to hear")
    id_attribute = "client_id"
    rows: list[CheckInDue]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: CheckInDue = self.rows[index.row()]
        column = CheckInColumn(index.column())
        if column is CheckInColumn.DUE and role == Qt.ItemDataRole.FontRole:
            return _bold()
        return self._common(row, column, role, self._text(row, column), self._sort(row, column))

    def _text(self, row: CheckInDue, column: CheckInColumn) -> str:
        match column:
            case CheckInColumn.DUE:
                late = (self.today - row.due_on).days
                return "Due today" if late <= 0 else f"Due since {self.day(row.due_on)}"
            case CheckInColumn.CLIENT:
                return row.client_full_name or row.client_name
            case CheckInColumn.LAST_CONTACT:
                return self.day(row.last_contact_on) or "None logged"
            case CheckInColumn.EVERY:
                return f"{row.interval_days} days"
            case CheckInColumn.CHANNEL:
                return label(CHANNEL_LABELS, row.channel) if row.channel else ""

    def _sort(self, row: CheckInDue, column: CheckInColumn) -> Any:
        match column:
            case CheckInColumn.DUE:
                return row.due_on.isoformat()
            case CheckInColumn.LAST_CONTACT:
                return row.last_contact_on.isoformat() if row.last_contact_on else ""
            case CheckInColumn.EVERY:
                return row.interval_days
            case _:
                return self._text(row, column).casefold()


# --------------------------------------------------------------------------
# Contact attempts and prospects
# --------------------------------------------------------------------------


class AttemptColumn(IntEnum):
    CLIENT = 0
    STATUS = 1
    ATTEMPTS = 2
    LAST = 3
    SUGGESTION = 4


class AttemptTableModel(_IdModel):
    headers = ("Who", "Status", "Unreturned", "Last tried", "A gentle suggestion")
    id_attribute = "client_id"
    rows: list[AttemptRow]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: AttemptRow = self.rows[index.row()]
        column = AttemptColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column is AttemptColumn.ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return self._common(row, column, role, self._text(row, column), self._sort(row, column))

    def _text(self, row: AttemptRow, column: AttemptColumn) -> str:
        match column:
            case AttemptColumn.CLIENT:
                return row.client_full_name or row.client_name
            case AttemptColumn.STATUS:
                return row.status.value.capitalize()
            case AttemptColumn.ATTEMPTS:
                return str(row.attempts)
            case AttemptColumn.LAST:
                return self.day(row.last_attempt_on)
            case AttemptColumn.SUGGESTION:
                return row.suggestion

    def _sort(self, row: AttemptRow, column: AttemptColumn) -> Any:
        if column is AttemptColumn.ATTEMPTS:
            return row.attempts
        if column is AttemptColumn.LAST:
            return row.last_attempt_on.isoformat()
        return self._text(row, column).casefold()


class ProspectColumn(IntEnum):
    CLIENT = 0
    STAGE = 1
    INQUIRED = 2
    WAITING = 3
    UNRETURNED = 4


class ProspectTableModel(_IdModel):
    headers = ("Prospect", "Stage", "Got in touch", "Waiting", "Unreturned")
    id_attribute = "client_id"
    rows: list[ProspectRow]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: ProspectRow = self.rows[index.row()]
        column = ProspectColumn(index.column())
        return self._common(row, column, role, self._text(row, column), self._sort(row, column))

    def _text(self, row: ProspectRow, column: ProspectColumn) -> str:
        match column:
            case ProspectColumn.CLIENT:
                return row.client_full_name or row.client_name
            case ProspectColumn.STAGE:
                return label(STAGE_LABELS, row.stage)
            case ProspectColumn.INQUIRED:
                return self.day(row.inquired_on)
            case ProspectColumn.WAITING:
                return days_text(row.waiting_days)
            case ProspectColumn.UNRETURNED:
                return str(row.unreturned_attempts) if row.unreturned_attempts else ""

    def _sort(self, row: ProspectRow, column: ProspectColumn) -> Any:
        match column:
            case ProspectColumn.INQUIRED:
                return row.inquired_on.isoformat()
            case ProspectColumn.WAITING:
                return row.waiting_days
            case ProspectColumn.UNRETURNED:
                return row.unreturned_attempts
            case ProspectColumn.STAGE:
                return list(STAGE_LABELS).index(row.stage)
            case _:
                return self._text(row, column).casefold()
