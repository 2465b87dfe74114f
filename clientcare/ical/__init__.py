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
    GENERIC_TITLE as GENERIC_TITLE,
)
from clientcare.ical.export import (
    PRODID as PRODID,
)
from clientcare.ical.export import (
    TitlePrivacy as TitlePrivacy,
)
from clientcare.ical.export import (
    appointment_uid as appointment_uid,
)
from clientcare.ical.export import (
    client_title as client_title,
)
from clientcare.ical.export import (
    export_ics as export_ics,
)
from clientcare.ical.importing import (
    BUSY_TITLE as BUSY_TITLE,
)
from clientcare.ical.importing import (
    EXPANSION_SECONDS as EXPANSION_SECONDS,
)
from clientcare.ical.importing import (
    FUTURE_LIMIT_YEARS as FUTURE_LIMIT_YEARS,
)
from clientcare.ical.importing import (
    MAX_MINUTES as MAX_MINUTES,
)
from clientcare.ical.importing import (
    MIN_MINUTES as MIN_MINUTES,
)
from clientcare.ical.importing import (
    import_ics as import_ics,
)
from clientcare.ical.reading import (
    MAX_LOCATION as MAX_LOCATION,
)
from clientcare.ical.reading import (
    MAX_OCCURRENCES as MAX_OCCURRENCES,
)
from clientcare.ical.reading import (
    MAX_TITLE as MAX_TITLE,
)
from clientcare.ical.reading import (
    MAX_UID as MAX_UID,
)
from clientcare.ical.reading import (
    RECUR_YEARS_AHEAD as RECUR_YEARS_AHEAD,
)
from clientcare.ical.reading import (
    clean_text as clean_text,
)
from clientcare.ical.records import (
    ACTIVE_STATUSES as ACTIVE_STATUSES,
)
from clientcare.ical.records import (
    PAST_LIMIT_YEARS as PAST_LIMIT_YEARS,
)
from clientcare.ical.records import (
    UID_DOMAIN as UID_DOMAIN,
)
from clientcare.ical.records import (
    ImportAs as ImportAs,
)
from clientcare.ical.records import (
    ImportLine as ImportLine,
)
from clientcare.ical.records import (
    ImportOutcome as ImportOutcome,
)
from clientcare.ical.records import (
    ImportReport as ImportReport,
)
