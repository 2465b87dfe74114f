"""Today's appointments as a table, each marked past, now, next or later."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from clientcare import appointments, locale_format
from clientcare.appointments import OPEN_STATUSES, AppointmentDetail
from clientcare.day import NOTE_LABELS, DayMarks, NoteState
from clientcare.lateness import OUTCOME_LABELS
from ui import labels
from ui.models.base import Index, RowsTableModel
from ui.theme import muted_text


class Moment(StrEnum):
    """Where an appointment stands against the clock, as the list says it."""

    PAST = "past"
    NOW = "now"
    NEXT = "next"
    LATER = "later"


@dataclass(frozen=True)
class TodayRow:
    appointment: AppointmentDetail
    moment: Moment
    #: Its note (due, drafted, finalised) and the late notice sent for it.
    marks: DayMarks | None = None

    @property
    def muted(self) -> bool:
        return self.moment is Moment.PAST or self.appointment.status not in OPEN_STATUSES


def rows_for(
    items: list[AppointmentDetail],
    now: dt.datetime,
    marks: dict[int, DayMarks] | None = None,
) -> list[TodayRow]:
    """Mark each appointment past, now, next (the first open one to come) or later,
    with what it still needs (``marks``, by appointment id)."""
    rows: list[TodayRow] = []
    next_marked = False
    for item in items:
        if item.end <= now:
            moment = Moment.PAST
        elif item.status not in OPEN_STATUSES:
            moment = Moment.LATER
        elif item.start <= now:
            moment = Moment.NOW
        elif not next_marked:
            moment = Moment.NEXT
            next_marked = True
        else:
            moment = Moment.LATER
        rows.append(TodayRow(item, moment, (marks or {}).get(item.id)))
    return rows


class TodayColumn(IntEnum):
    MARK = 0
    TIME = 1
    CLIENT = 2
    MODE = 3
    STATUS = 4


MARK_TEXT = {Moment.NOW: "Now", Moment.NEXT: "Next", Moment.PAST: "Over", Moment.LATER: ""}


class TodayModel(RowsTableModel):
    """Today's appointments: a word for now/next, time, preferred name, mode, status."""

    headers = ("", "Time", "Client", "Mode", "Status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = locale_format.DEFAULT_LOCALE  # the practice's, set on each refresh

    def row(self, index: Index) -> TodayRow:
        return self.rows[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: TodayRow = self.rows[index.row()]
        column = TodayColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Whole, for a cell cut short on a narrow window ("Scheduled · note d…").
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and row.muted:
            # Readable grey, not the faint "disabled" one: past rows are still to be read.
            # Read now: the palette changes with light and dark.
            return muted_text()
        if role == Qt.ItemDataRole.FontRole and row.moment in (Moment.NOW, Moment.NEXT):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            mark = MARK_TEXT[row.moment]
            return ", ".join(
                t for t in (mark, *(self._text(row, c) for c in TodayColumn if c)) if t
            )
        return None

    def _text(self, row: TodayRow, column: TodayColumn) -> str:
        item = row.appointment
        if column is TodayColumn.MARK:
            return self.tr(MARK_TEXT[row.moment]) if MARK_TEXT[row.moment] else ""
        if column is TodayColumn.TIME:
            return locale_format.time_range(item.start, item.end, self.locale)
        if column is TodayColumn.CLIENT:
            return item.client_preferred_name
        if column is TodayColumn.MODE:
            return labels.label(appointments.MODE_LABELS, item.mode)
        status = labels.label(appointments.STATUS_LABELS, item.status)
        return " · ".join([status, *self._marks(row.marks)])

    def _marks(self, marks: DayMarks | None) -> list[str]:
        """What the appointment still needs, in words: "note due", "told 12 min late:
        Will wait"."""
        if marks is None:
            return []
        found = [] if marks.note is NoteState.NOT_YET else [labels.label(NOTE_LABELS, marks.note)]
        if marks.late_minutes is not None and marks.late_answer is not None:
            found.append(
                self.tr("told {n} min late: {answer}").format(
                    n=marks.late_minutes, answer=labels.label(OUTCOME_LABELS, marks.late_answer)
                )
            )
        return found

    def upcoming(self) -> TodayRow | None:
        """The current appointment, or else the next one."""
        for moment in (Moment.NOW, Moment.NEXT):
            for row in self.rows:
                if row.moment is moment:
                    return row
        return None
