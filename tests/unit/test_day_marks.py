"""What each of the day's appointments still needs (clientcare.day): its note and the
late notice sent for it."""

from __future__ import annotations

import datetime as dt

from clientcare import appointments, interactions
from clientcare.day import DayMarks, NoteState, day_marks
from clientcare.db.engine import Database
from clientcare.db.models import CancelledBy, InteractionKind, LatenessOutcome
from clientcare.interactions import InteractionInput
from tests.unit.test_lateness import NOW, TODAY_10, book, people, record  # noqa: F401

SENTENCE_FREE = "Sorry, I am running about 5 minutes late."


def _marks(db: Database, ids: list[int], now: dt.datetime) -> dict[int, DayMarks]:
    with db.reading() as session:
        details = [appointments.get_appointment(session, i) for i in ids]
        return day_marks(session, details, now=now)


def test_a_note_is_due_once_the_session_began_and_until_one_is_written(
    db: Database,
    people: tuple[int, int],  # noqa: F811
) -> None:
    client, practitioner = people
    ten = book(db, people, TODAY_10).id
    eleven = book(db, people, TODAY_10 + dt.timedelta(hours=1)).id
    two = book(db, people, TODAY_10 + dt.timedelta(hours=4)).id
    assert {k: v.note for k, v in _marks(db, [ten, eleven, two], TODAY_10).items()} == {
        ten: NoteState.DUE,  # it has begun
        eleven: NoteState.NOT_YET,
        two: NoteState.NOT_YET,
    }
    with db.unit_of_work() as session:
        interactions.save_draft(
            session,
            InteractionInput(
                client_id=client,
                kind=InteractionKind.SESSION,
                occurred_at=TODAY_10,
                practitioner_id=practitioner,
                appointment_id=ten,
                notes="Talked about the week.",
            ),
            interaction_id=None,
            now=TODAY_10 + dt.timedelta(minutes=50),
        )
    with db.unit_of_work() as session:
        appointments.cancel_appointment(
            session, two, by=CancelledBy.PRACTITIONER, reason="Unwell", now=NOW
        )
    later = TODAY_10 + dt.timedelta(hours=5)
    marks = _marks(db, [ten, eleven, two], later)
    assert marks[ten].note is NoteState.DRAFT
    assert marks[eleven].note is NoteState.DUE
    assert marks[two].note is NoteState.NOT_YET  # cancelled: no session, no note


def test_the_latest_late_notice_and_its_answer_are_kept(
    db: Database,
    people: tuple[int, int],  # noqa: F811
) -> None:
    ten = book(db, people, TODAY_10).id
    record(db, ten, 5, SENTENCE_FREE, offered=False, now=NOW)
    record(
        db,
        ten,
        8,
        SENTENCE_FREE.replace("5", "8"),
        offered=False,
        now=NOW + dt.timedelta(minutes=5),
    )
    marks = _marks(db, [ten], NOW + dt.timedelta(minutes=6))[ten]
    assert (marks.late_minutes, marks.late_answer) == (8, LatenessOutcome.PENDING)
    assert marks.note is NoteState.NOT_YET
