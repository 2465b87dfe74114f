"""A practice's own wording for a message, with named placeholders ({preferred_name}, …):
checked and filled in, never evaluated.

One home for the running-late notice (clientcare.lateness.templates) and the check-in
message (clientcare.followups.checkins). A template is only ever parsed, never passed to
``str.format``: ``{x.__class__}`` and friends are refused, not evaluated.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence

from clientcare.errors import FieldError
from clientcare.text import check_text

_HORIZONTAL_RUNS = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_NEWLINE = re.compile(r"[ \t]+\n")


def _choices(placeholders: Sequence[str]) -> str:
    """ "{a}, {b} or {c}"."""
    named = [f"{{{name}}}" for name in placeholders]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} or {named[-1]}"


def template_problems(
    text: str, *, field: str, placeholders: Sequence[str], max_length: int
) -> list[FieldError]:
    """The first problem with ``text`` as a message template (none when it can be used)."""
    if not isinstance(text, str) or not text.strip():
        return [FieldError(field, "The message cannot be empty.")]
    problem = check_text(field, "The message", text, max_length=max_length, multiline=True)
    if problem:
        return [problem]
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError:
        return [
            FieldError(
                field,
                "The message has a { or } that does not belong to a placeholder. Write "
                f"placeholders like {{{placeholders[0]}}}; for a brace itself write {{{{ or }}}}.",
            )
        ]
    for _literal, name, spec, conversion in pieces:
        if name is None:
            continue
        if name not in placeholders:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            return [
                FieldError(field, f"Unknown placeholder {{{shown}}}: use {_choices(placeholders)}.")
            ]
        if spec or conversion:
            return [
                FieldError(field, f"Write the placeholder as {{{name}}}, with nothing after it.")
            ]
    return []


def placeholders_used(template: str) -> list[str]:
    """The placeholders of a checked template, in order. Raises ValueError for a bad one."""
    return [name for _literal, name in _pieces(template) if name is not None]


def fill(template: str, values: Mapping[str, str]) -> str:
    """A checked template with its placeholders filled in; a placeholder filled with
    nothing leaves no double space behind."""
    text = "".join(
        literal + (values[name] if name is not None else "") for literal, name in _pieces(template)
    )
    return _SPACE_BEFORE_NEWLINE.sub("\n", _HORIZONTAL_RUNS.sub(" ", text)).strip()


def _pieces(text: str) -> list[tuple[str, str | None]]:
    """(literal, placeholder) pairs; raises ValueError for unbalanced braces or a field
    with a format spec or conversion."""
    pieces: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None and (spec or conversion):
            raise ValueError(f"{{{name}}}")
        pieces.append((literal, name))
    return pieces
