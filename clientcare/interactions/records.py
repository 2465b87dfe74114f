"""What an interaction is in plain data: the editor's input, the detail and summary views
show, checklist items and corrections, with the limits and labels of its fields."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clientcare.db.models import (
    ChecklistAnswerValue,
    InteractionKind,
    InteractionState,
    Requirement,
)

MAX_TEXT = 50_000
MAX_ANSWER_TEXT = 5_000
MAX_REASON = 5_000

#: How far ahead an interaction may be dated (a clock a little off, a late-night entry).
MAX_DAYS_AHEAD = 1
SUMMARY_LENGTH = 80

KIND_LABELS: dict[InteractionKind, str] = {
    InteractionKind.SESSION: "Session",
    InteractionKind.PHONE_CALL: "Phone call",
    InteractionKind.MESSAGE: "Message",
    InteractionKind.EMAIL: "E-mail",
    InteractionKind.CONTACT_ATTEMPT: "Contact attempt (no answer)",
}

TEXT_FIELDS: tuple[str, ...] = (
    "notes",
    "client_words",
    "next_steps",
    "more_helpful",
    "practitioner_only_notes",
)

TEXT_LABELS: dict[str, str] = {
    "notes": "The notes",
    "client_words": "The client's own words",
    "next_steps": "The next steps",
    "more_helpful": "What might have been more helpful",
    "practitioner_only_notes": "The practitioner-only notes",
}

FINALISED_MESSAGE = "This record is finalised; add a correction instead."
_FLAG_FIELDS = ("not_at_my_best", "plan_not_a_fit", "referral_considered", "checkins_discussed")

FIELDS = (
    "client_id",
    "kind",
    "occurred_at",
    "practitioner_id",
    "appointment_id",
    *TEXT_FIELDS,
    *_FLAG_FIELDS,
)


@dataclass(frozen=True)
class InteractionInput:
    """What the interaction editor collects; text as typed."""

    client_id: int
    kind: InteractionKind
    occurred_at: dt.datetime
    practitioner_id: int | None = None
    appointment_id: int | None = None
    notes: str = ""
    client_words: str = ""
    next_steps: str = ""
    more_helpful: str = ""
    practitioner_only_notes: str = ""
    not_at_my_best: bool = False
    plan_not_a_fit: bool = False
    referral_considered: bool = False
    checkins_discussed: bool = False
    # How late the practitioner started, entered in the editor; None: as the lateness
    # notices of the linked appointment say. Stored as a lateness notice, not here.
    practitioner_minutes_late: int | None = None


@dataclass(frozen=True)
class AnswerRow:
    principle_id: int
    answer: ChecklistAnswerValue
    reason: str
    note: str


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the checklist panel: the principle, why it applies, and its answer."""

    principle_id: int
    number: int
    text: str
    explanation: str
    requirement: Requirement
    reason: str
    answer: AnswerRow | None


@dataclass(frozen=True)
class AddendumRow:
    written_at: dt.datetime
    actor: str
    field: str
    old_value: str
    new_value: str
    reason: str


@dataclass(frozen=True)
class InteractionDetail:
    id: int
    client_id: int
    client_name: str
    client_preferred_name: str
    practitioner_id: int | None
    appointment_id: int | None
    kind: InteractionKind
    occurred_at: dt.datetime
    notes: str
    client_words: str
    next_steps: str
    more_helpful: str
    practitioner_only_notes: str
    not_at_my_best: bool
    plan_not_a_fit: bool
    referral_considered: bool
    checkins_discussed: bool
    state: InteractionState
    finalised_at: dt.datetime | None
    draft_saved_at: dt.datetime | None
    checklist: tuple[ChecklistItem, ...]
    addenda: tuple[AddendumRow, ...]

    def as_input(self) -> InteractionInput:
        """The editor's input for this record (to keep editing a draft)."""
        return InteractionInput(**{name: getattr(self, name) for name in FIELDS})


@dataclass(frozen=True)
class InteractionSummary:
    """One line of a client's interaction history."""

    id: int
    kind: InteractionKind
    occurred_at: dt.datetime
    state: InteractionState
    first_line: str
