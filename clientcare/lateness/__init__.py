"""Lateness on both sides: "I'm running late" notices, client arrivals, and their history.

The practitioner enters how late they expect to be; the app drafts the notice
from the practice's template (by the client's preferred name, with an apology)
and, past the practice threshold, the reschedule offer is always in it. The
notice is recorded with time, channel and text, and later the client's choice.
A client arriving late is recorded too, with the options the practice allows.

Every public function that writes takes an open session inside a unit of work
(one user action), validates everything before it writes, and returns plain
data, never an ORM object. Times are naive practice-local wall clock.

The package: ``templates`` (the wording), ``policy`` (the practice's settings), ``running_late``
(the practitioner), ``arrivals`` (the client) and ``history`` (events and statistics). Public
names are importable from ``clientcare.lateness``.
"""

from clientcare.appointments.slots import SLOT_STEP_MINUTES
from clientcare.lateness.arrivals import (
    MAX_CLIENT_NOTE,
    MAX_EARLY_ARRIVAL,
    ClientArrival,
    record_client_arrival,
    record_client_choice,
)
from clientcare.lateness.history import (
    OUTCOME_LABELS,
    LatenessStats,
    NoticeRow,
    lateness_stats,
    list_notices,
)
from clientcare.lateness.policy import (
    CLIENT_OPTION_LABELS,
    MAX_RESCHEDULE_SENTENCE,
    ClientLateOption,
    MessageSettings,
    client_late_options,
    message_settings,
    update_client_late_options,
    update_templates,
)
from clientcare.lateness.running_late import (
    CANCEL_WITHOUT_FEE_REASON,
    MAX_LATE_MINUTES,
    MAX_NOTICE_TEXT,
    MIN_LATE_MINUTES,
    MINUTES_MESSAGE,
    SLOT_SEARCH_DAYS,
    DraftNotice,
    cascade,
    draft_notice,
    minutes_elapsed,
    record_choice,
    record_notice,
    suggest_slots,
    suggested_minutes,
)
from clientcare.lateness.templates import (
    MAX_TEMPLATE,
    PLACEHOLDERS,
    compose_notice,
    reschedule_required,
    validate_template,
)

__all__ = [
    "CANCEL_WITHOUT_FEE_REASON",
    "CLIENT_OPTION_LABELS",
    "MAX_CLIENT_NOTE",
    "MAX_EARLY_ARRIVAL",
    "MAX_LATE_MINUTES",
    "MAX_NOTICE_TEXT",
    "MAX_RESCHEDULE_SENTENCE",
    "MAX_TEMPLATE",
    "MINUTES_MESSAGE",
    "MIN_LATE_MINUTES",
    "OUTCOME_LABELS",
    "PLACEHOLDERS",
    "SLOT_SEARCH_DAYS",
    "SLOT_STEP_MINUTES",
    "ClientArrival",
    "ClientLateOption",
    "DraftNotice",
    "LatenessStats",
    "MessageSettings",
    "NoticeRow",
    "cascade",
    "client_late_options",
    "compose_notice",
    "draft_notice",
    "lateness_stats",
    "list_notices",
    "message_settings",
    "minutes_elapsed",
    "record_choice",
    "record_client_arrival",
    "record_client_choice",
    "record_notice",
    "reschedule_required",
    "suggest_slots",
    "suggested_minutes",
    "update_client_late_options",
    "update_templates",
    "validate_template",
]
