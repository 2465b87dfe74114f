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

from clientcare.lateness.arrivals import (
    MAX_CLIENT_NOTE as MAX_CLIENT_NOTE,
)
from clientcare.lateness.arrivals import (
    MAX_EARLY_ARRIVAL as MAX_EARLY_ARRIVAL,
)
from clientcare.lateness.arrivals import (
    ClientArrival as ClientArrival,
)
from clientcare.lateness.arrivals import (
    record_client_arrival as record_client_arrival,
)
from clientcare.lateness.arrivals import (
    record_client_choice as record_client_choice,
)
from clientcare.lateness.history import (
    OUTCOME_LABELS as OUTCOME_LABELS,
)
from clientcare.lateness.history import (
    LatenessStats as LatenessStats,
)
from clientcare.lateness.history import (
    NoticeRow as NoticeRow,
)
from clientcare.lateness.history import (
    lateness_stats as lateness_stats,
)
from clientcare.lateness.history import (
    list_notices as list_notices,
)
from clientcare.lateness.policy import (
    CLIENT_OPTION_LABELS as CLIENT_OPTION_LABELS,
)
from clientcare.lateness.policy import (
    MAX_RESCHEDULE_SENTENCE as MAX_RESCHEDULE_SENTENCE,
)
from clientcare.lateness.policy import (
    ClientLateOption as ClientLateOption,
)
from clientcare.lateness.policy import (
    MessageSettings as MessageSettings,
)
from clientcare.lateness.policy import (
    client_late_options as client_late_options,
)
from clientcare.lateness.policy import (
    message_settings as message_settings,
)
from clientcare.lateness.policy import (
    update_client_late_options as update_client_late_options,
)
from clientcare.lateness.policy import (
    update_templates as update_templates,
)
from clientcare.lateness.running_late import (
    CANCEL_WITHOUT_FEE_REASON as CANCEL_WITHOUT_FEE_REASON,
)
from clientcare.lateness.running_late import (
    MAX_LATE_MINUTES as MAX_LATE_MINUTES,
)
from clientcare.lateness.running_late import (
    MAX_NOTICE_TEXT as MAX_NOTICE_TEXT,
)
from clientcare.lateness.running_late import (
    MIN_LATE_MINUTES as MIN_LATE_MINUTES,
)
from clientcare.lateness.running_late import (
    MINUTES_MESSAGE as MINUTES_MESSAGE,
)
from clientcare.lateness.running_late import (
    SLOT_SEARCH_DAYS as SLOT_SEARCH_DAYS,
)
from clientcare.lateness.running_late import (
    SLOT_STEP_MINUTES as SLOT_STEP_MINUTES,
)
from clientcare.lateness.running_late import (
    DraftNotice as DraftNotice,
)
from clientcare.lateness.running_late import (
    cascade as cascade,
)
from clientcare.lateness.running_late import (
    draft_notice as draft_notice,
)
from clientcare.lateness.running_late import (
    record_choice as record_choice,
)
from clientcare.lateness.running_late import (
    record_notice as record_notice,
)
from clientcare.lateness.running_late import (
    suggest_slots as suggest_slots,
)
from clientcare.lateness.templates import (
    MAX_TEMPLATE as MAX_TEMPLATE,
)
from clientcare.lateness.templates import (
    PLACEHOLDERS as PLACEHOLDERS,
)
from clientcare.lateness.templates import (
    UNKNOWN_PLACEHOLDER as UNKNOWN_PLACEHOLDER,
)
from clientcare.lateness.templates import (
    compose_notice as compose_notice,
)
from clientcare.lateness.templates import (
    reschedule_required as reschedule_required,
)
from clientcare.lateness.templates import (
    validate_template as validate_template,
)
