"""iCalendar (.ics) export of appointments and import as appointments or busy time.

Appointment times are naive practice-local wall clock; a file's times are turned
into that wall clock with the practice's time zone. Exports never carry notes:
the title follows the practice's privacy choice and the description only says
the mode. Imports never raise for one bad event: each event gets a line in the
report saying what happened and why, and the caller's unit of work commits the
whole import (or nothing, for a preview).

The package: ``records`` (shared words and the import report), ``export``, ``reading`` (a file
into occurrences) and ``importing`` (occurrences into rows). Public names are importable from
``clientcare.ical``.
"""

from clientcare.ical.export import (
    GENERIC_TITLE,
    PRODID,
    TitlePrivacy,
    appointment_uid,
    client_title,
    export_ics,
)
from clientcare.ical.importing import (
    BUSY_TITLE,
    EXPANSION_SECONDS,
    FUTURE_LIMIT_YEARS,
    MAX_MINUTES,
    MIN_MINUTES,
    import_ics,
)
from clientcare.ical.reading import (
    MAX_LOCATION,
    MAX_OCCURRENCES,
    MAX_TITLE,
    MAX_UID,
    RECUR_YEARS_AHEAD,
    clean_text,
)
from clientcare.ical.records import (
    ACTIVE_STATUSES,
    PAST_LIMIT_YEARS,
    UID_DOMAIN,
    ImportAs,
    ImportLine,
    ImportOutcome,
    ImportReport,
)

__all__ = [
    "ACTIVE_STATUSES",
    "BUSY_TITLE",
    "EXPANSION_SECONDS",
    "FUTURE_LIMIT_YEARS",
    "GENERIC_TITLE",
    "MAX_LOCATION",
    "MAX_MINUTES",
    "MAX_OCCURRENCES",
    "MAX_TITLE",
    "MAX_UID",
    "MIN_MINUTES",
    "PAST_LIMIT_YEARS",
    "PRODID",
    "RECUR_YEARS_AHEAD",
    "UID_DOMAIN",
    "ImportAs",
    "ImportLine",
    "ImportOutcome",
    "ImportReport",
    "TitlePrivacy",
    "appointment_uid",
    "clean_text",
    "client_title",
    "export_ics",
    "import_ics",
]
