"""Interactions: drafts, the checklist answers, finalising, and corrections afterwards.

An interaction is written as a DRAFT (autosaved while the practitioner types), its
checklist answered, then FINALISED once every required principle that applies has an
answer. A final record is never edited in place: a correction stores an addendum with
the old and the new text, so the original is always kept.

Every public function that writes takes an open session inside a unit of work
(one user action) and returns plain data, never an ORM object. Times are naive
practice-local wall-clock datetimes.

The package: ``records`` (plain data and labels), ``principles`` (what applies and what is
answered), ``reading``, ``drafts`` (writing a draft and its answers) and ``finalising`` (final
records and corrections). Public names are importable from ``clientcare.interactions``.
"""

# The module before the package offered these too (ui/dialogs/print_summary.py and the tests
# reach them as interactions.InteractionKind, ix.ChecklistAnswerValue).
from clientcare.db.models import ChecklistAnswerValue, InteractionKind
from clientcare.interactions.drafts import answer, clear_answer, save_draft
from clientcare.interactions.finalising import (
    FinaliseCheck,
    add_correction,
    appointment_to_complete,
    check_finalise,
    finalise,
    finalise_and_complete,
    missing_message,
)
from clientcare.interactions.principles import (
    checklist_for,
    facts_for,
    has_overdue_balance,
    notice_answers,
    recorded_minutes_late,
)
from clientcare.interactions.reading import (
    client_interactions,
    count_client_interactions,
    get_interaction,
    latest_draft,
)
from clientcare.interactions.records import (
    FINALISED_MESSAGE,
    KIND_LABELS,
    MAX_ANSWER_TEXT,
    MAX_DAYS_AHEAD,
    MAX_REASON,
    MAX_TEXT,
    SUMMARY_LENGTH,
    TEXT_FIELDS,
    TEXT_LABELS,
    AddendumRow,
    AnswerRow,
    ChecklistItem,
    InteractionDetail,
    InteractionInput,
    InteractionSummary,
)

__all__ = [
    "FINALISED_MESSAGE",
    "KIND_LABELS",
    "MAX_ANSWER_TEXT",
    "MAX_DAYS_AHEAD",
    "MAX_REASON",
    "MAX_TEXT",
    "SUMMARY_LENGTH",
    "TEXT_FIELDS",
    "TEXT_LABELS",
    "AddendumRow",
    "AnswerRow",
    "ChecklistAnswerValue",
    "ChecklistItem",
    "FinaliseCheck",
    "InteractionDetail",
    "InteractionInput",
    "InteractionKind",
    "InteractionSummary",
    "add_correction",
    "answer",
    "appointment_to_complete",
    "check_finalise",
    "checklist_for",
    "clear_answer",
    "client_interactions",
    "count_client_interactions",
    "facts_for",
    "finalise",
    "finalise_and_complete",
    "get_interaction",
    "has_overdue_balance",
    "latest_draft",
    "missing_message",
    "notice_answers",
    "recorded_minutes_late",
    "save_draft",
]
