"""Checks on free text that every field shares: storable, single-line, not too long."""

from __future__ import annotations

import unicodedata

from clientcare.errors import FieldError

# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSABLE = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ı": "i"}
)  # fmt: skip


def fold(text: str) -> str:
    """Case- and accent-folded text for searching ("Zoë" → "zoe", "Søren" → "soren")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def clean_line(text: str) -> str:
    """Trim a single-line value and collapse runs of whitespace (a pasted line break too)."""
    return " ".join(text.split()) if text else ""


def check_text(
    field: str, label: str, value: str, *, max_length: int, multiline: bool = False
) -> FieldError | None:
    """A FieldError when ``value`` cannot be stored as this field, else None."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return FieldError(
            field, f"{label} contains characters that cannot be stored. Please retype it."
        )
    if "\x00" in value:
        return FieldError(field, f"{label} contains a null character. Please retype it.")
    if not multiline and any(ch in value for ch in "\r\n\t\v\f\u2028\u2029"):
        return FieldError(field, f"{label} must be on one line.")
    if not multiline and any(unicodedata.category(ch) == "Cc" for ch in value):
        return FieldError(field, f"{label} contains a control character. Please retype it.")
    if len(value) > max_length:
        return FieldError(
            field, f"{label} is too long ({len(value):,} characters; at most {max_length:,})."
        )
    return None
