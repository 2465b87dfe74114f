"""What each of the day's appointments still needs: its session note (due, a draft, or
finalised) and the running-late notice sent for it with the client's answer.

Today shows these beside each appointment, so an appointment that is over never just says
"Scheduled": it says the note is due, and a notice sent leaves its trace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare.appointments import AppointmentDetail
from clientcare.db.models import (
    AppointmentStatus,
    Interaction,
    InteractionState,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
)


class NoteState(StrEnum):
    NOT_YET = "not_yet"  # the session has not begun (or did not take place)
    DUE = "due"
    DRAFT = "draft"
    FINAL = "final"


NOTE_LABELS: dict[NoteState, str] = {
    NoteState.NOT_YET: "no note yet",
    NoteState.DUE: "note due",
    NoteState.DRAFT: "note drafted",
    NoteState.FINAL: "note finalised",
}

#: Appointments that did not take place need no note.
_NO_SESSION = frozenset(
    {
        AppointmentStatus.CANCELLED,
        AppointmentStatus.LATE_CANCELLED,
        AppointmentStatus.RESCHEDULED,
        AppointmentStatus.NO_SHOW,
    }
)


@dataclass(frozen=True)
class DayMarks:
    """Beside one appointment: its note, and the latest late notice sent (if any)."""

    note: NoteState
    late_minutes: int | None = None
    late_answer: LatenessOutcome | None = None


def day_marks(
    session: Session, appointments: Sequence[AppointmentDetail], *, now: dt.datetime
) -> dict[int, DayMarks]:
    """Each appointment's marks, by appointment id (two statements for the whole day)."""
    ids = [item.id for item in appointments]
    if not ids:
        return {}
    notes: dict[int, InteractionState] = {}
    for appointment_id, state in session.execute(
        select(Interaction.appointment_id, Interaction.state).where(
            Interaction.appointment_id.in_(ids)
        )
    ):
        if appointment_id is not None and notes.get(appointment_id) is not InteractionState.FINAL:
            notes[appointment_id] = state
    told: dict[int, tuple[int, LatenessOutcome]] = {}
    for appointment_id, minutes, outcome in session.execute(
        select(
            LatenessNotice.appointment_id,
            LatenessNotice.expected_minutes,
            LatenessNotice.outcome,
        )
        .where(
            LatenessNotice.appointment_id.in_(ids),
            LatenessNotice.who_is_late == LatePerson.PRACTITIONER,
            LatenessNotice.told_at.is_not(None),
        )
        .order_by(LatenessNotice.told_at, LatenessNotice.id)
    ):
        told[appointment_id] = (minutes, outcome)  # the latest one wins
    marks: dict[int, DayMarks] = {}
    for item in appointments:
        written = notes.get(item.id)
        if written is InteractionState.FINAL:
            note = NoteState.FINAL
        elif written is InteractionState.DRAFT:
            note = NoteState.DRAFT
        elif item.status in _NO_SESSION or item.start > now:
            note = NoteState.NOT_YET
        else:
            note = NoteState.DUE
        late = told.get(item.id)
        marks[item.id] = DayMarks(note, late[0], late[1]) if late is not None else DayMarks(note)
    return marks
