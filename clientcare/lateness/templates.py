"""The running-late notice's wording: a practice template with placeholders, checked
(never evaluated: it is only ever parsed) and filled in by clientcare.message_template."""

from __future__ import annotations

import datetime as dt
import re

from clientcare import locale_format
from clientcare.errors import FieldError
from clientcare.message_template import fill, placeholders_used, template_problems

PLACEHOLDERS = ("preferred_name", "minutes", "time", "practitioner", "reschedule")
MAX_TEMPLATE = 2000

_WHITESPACE = re.compile(r"\s+")


def validate_template(text: str) -> list[FieldError]:
    """The problems with a notice template (none when it can be used)."""
    return template_problems(
        text, field="late_notice_template", placeholders=PLACEHOLDERS, max_length=MAX_TEMPLATE
    )


def normalised(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def reschedule_required(minutes: int, threshold: int) -> bool:
    """Whether a notice for ``minutes`` late must offer rescheduling (strictly past it)."""
    return minutes > threshold


def compose_notice(
    template: str,
    reschedule_sentence: str,
    *,
    preferred_name: str,
    minutes: int,
    start: dt.datetime,
    practitioner: str,
    offer_reschedule: bool,
    locale: str = locale_format.DEFAULT_LOCALE,
) -> str:
    """The notice text; the reschedule sentence is appended if the template has no place for it.

    The start time is written in ``locale`` (the practice's): ``14:00``, ``2:00 PM``.
    """
    values = {
        "preferred_name": preferred_name,
        "minutes": str(minutes),
        "time": locale_format.time(start, locale),
        "practitioner": practitioner,
        "reschedule": reschedule_sentence if offer_reschedule else "",
    }
    text = fill(template, values)
    if offer_reschedule and "reschedule" not in placeholders_used(template):
        text = (
            f"{text}\n\n{reschedule_sentence}" if "\n" in text else f"{text} {reschedule_sentence}"
        )
    return text
