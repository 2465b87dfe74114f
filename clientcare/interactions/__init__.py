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

from clientcare.interactions.drafts import (
    answer as answer,
)
from clientcare.interactions.drafts import (
    clear_answer as clear_answer,
)
from clientcare.interactions.drafts import (
    save_draft as save_draft,
)
from clientcare.interactions.finalising import (
    add_correction as add_correction,
)
from clientcare.interactions.finalising import (
    finalise as finalise,
)
from clientcare.interactions.finalising import (
    missing_message as missing_message,
)
from clientcare.interactions.principles import (
    checklist_for as checklist_for,
)
from clientcare.interactions.principles import (
    facts_for as facts_for,
)
from clientcare.interactions.principles import (
    has_overdue_balance as has_overdue_balance,
)
from clientcare.interactions.principles import (
    notice_answers as notice_answers,
)
from clientcare.interactions.principles import (
    recorded_minutes_late as recorded_minutes_late,
)
from clientcare.interactions.reading import (
    client_interactions as client_interactions,
)
from clientcare.interactions.reading import (
    count_client_interactions as count_client_interactions,
)
from clientcare.interactions.reading import (
    get_interaction as get_interaction,
)
from clientcare.interactions.reading import (
    latest_draft as latest_draft,
)
from clientcare.interactions.records import (
    FINALISED_MESSAGE as FINALISED_MESSAGE,
)
from clientcare.interactions.records import (
    KIND_LABELS as KIND_LABELS,
)
from clientcare.interactions.records import (
    MAX_ANSWER_TEXT as MAX_ANSWER_TEXT,
)
from clientcare.interactions.records import (
    MAX_DAYS_AHEAD as MAX_DAYS_AHEAD,
)
from clientcare.interactions.records import (
    MAX_REASON as MAX_REASON,
)
from clientcare.interactions.records import (
    MAX_TEXT as MAX_TEXT,
)
from clientcare.interactions.records import (
    SUMMARY_LENGTH as SUMMARY_LENGTH,
)
from clientcare.interactions.records import (
    TEXT_FIELDS as TEXT_FIELDS,
)
from clientcare.interactions.records import (
    TEXT_LABELS as TEXT_LABELS,
)
from clientcare.interactions.records import (
    AddendumRow as AddendumRow,
)
from clientcare.interactions.records import (
    AnswerRow as AnswerRow,
)
from clientcare.interactions.records import (
    ChecklistItem as ChecklistItem,
)
from clientcare.interactions.records import (
    InteractionDetail as InteractionDetail,
)
from clientcare.interactions.records import (
    InteractionInput as InteractionInput,
)
from clientcare.interactions.records import (
    InteractionSummary as InteractionSummary,
)
