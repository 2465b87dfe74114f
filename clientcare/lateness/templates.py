"""The running-late notice's wording: a practice template with placeholders, checked
(never evaluated: it is only ever parsed) and filled in."""

from __future__ import annotations

import datetime as dt
import re
import string

from clientcare import locale_format
from clientcare.errors import FieldError
from clientcare.text import check_text

PLACEHOLDERS = ("preferred_name", "minutes", "time", "practitioner", "reschedule")
MAX_TEMPLATE = 2000

UNKNOWN_PLACEHOLDER = (
    "Unknown placeholder {{{name}}}: use {{preferred_name}}, {{minutes}}, {{time}}, "
    "{{practitioner}} or {{reschedule}}."
)

_HORIZONTAL_RUNS = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_NEWLINE = re.compile(r"[ \t]+\n")
_WHITESPACE = re.compile(r"\s+")


def _parse(text: str) -> list[tuple[str, str | None]]:
    """(literal, placeholder) pairs; raises ValueError for unbalanced braces or a bad field."""
    pieces: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None and (spec or conversion):
            raise ValueError(f"{{{name}}}")
        pieces.append((literal, name))
    return pieces


def validate_template(text: str) -> list[FieldError]:
    """The problems with a notice template (none when it can be used).

    The template is only ever parsed, never passed to ``str.format``, so
    ``{x.__class__}`` and friends are refused instead of evaluated.
    """
    field = "late_notice_template"
    if not isinstance(text, str) or not text.strip():
        return [FieldError(field, "The message cannot be empty.")]
    problem = check_text(field, "The message", text, max_length=MAX_TEMPLATE, multiline=True)
    if problem:
        return [problem]
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError:
        return [
            FieldError(
                field,
                "The message has a { or } that does not belong to a placeholder. "
                "Write placeholders like {preferred_name}; for a brace itself write {{ or }}.",
            )
        ]
    errors: list[FieldError] = []
    for _literal, name, spec, conversion in pieces:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            errors.append(FieldError(field, UNKNOWN_PLACEHOLDER.format(name=shown)))
        elif spec or conversion:
            errors.append(
                FieldError(field, f"Write the placeholder as {{{name}}}, with nothing after it.")
            )
    return errors[:1] if errors else []


def _render(template: str, values: dict[str, str]) -> str:
    """The template with its placeholders filled in (a validated template only)."""
    out = [
        literal + (values[name] if name is not None else "") for literal, name in _parse(template)
    ]
    text = "".join(out)
    # An empty {reschedule} must not leave a double space behind.
    text = _SPACE_BEFORE_NEWLINE.sub("\n", _HORIZONTAL_RUNS.sub(" ", text))
    return text.strip()


def _has_placeholder(template: str, placeholder: str) -> bool:
    return any(name == placeholder for _literal, name in _parse(template))


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
    text = _render(template, values)
    if offer_reschedule and not _has_placeholder(template, "reschedule"):
        text = (
            f"{text}\n\n{reschedule_sentence}" if "\n" in text else f"{text} {reschedule_sentence}"
        )
    return text
