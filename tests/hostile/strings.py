"""Hostile text: the Big List of Naughty Strings (when present) plus our own extremes.

The shared list lives outside the repository (``../shared/data/blns.json``); a bare
clone runs with :data:`OWN` only and says so. Expensive paths use a deterministic
sample so the suite stays fast and every run feeds the same strings.
"""

from __future__ import annotations

import json
import random
from functools import cache
from pathlib import Path

BLNS = Path(__file__).resolve().parents[3] / "shared" / "data" / "blns.json"
SAMPLE_SEED = 20261123
SAMPLE_SIZE = 100
MEGABYTE = 1024 * 1024

#: Our own cases, kept here so the suite stands alone.
OWN: tuple[str, ...] = (
    "",
    "   ",
    "{{7*7}}",
    "{{ 7*7 }} {% for i in range(3) %}x{% endfor %}",
    "${7*7} #{7*7} <%= 7*7 %> {7*7}",
    "{preferred_name} {0.__class__} {minutes!r} {}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "<script>alert('x')</script>",
    "<b>Bob</b> &amp; <img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)> \' " ` &lt;',
    "'; DROP TABLE client; --",
    "Robert'); DROP TABLE students;--",
    "% _ \\ %% \\_ '' \"\"",
    '=HYPERLINK("http://x","click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "a\x00b",
    "\x00",
    "\ud800",
    "lone \udfff surrogate",
    "\u202eevil\u202c.exe",
    "\u202d\u202e\u2066\u2067\u2068\u2069",
    "a\u200db\u200cc\u200bd\ufeff",
    "👩\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 🇬🇧",
    "Zoë Ñúñez Søren Łukasz Ægir",
    "محمد بن سلمان",
    "שָׁלוֹם",
    "田中 太郎 김민준",
    "\x07\x1b[31mred\x1b[0m",
    "line one\nline two\r\nline three\rfour",
    "tab\there\vvertical\fform",
    "para\u2028sep\u2029end",
    "\x85next line",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
    "x" * 201,
    "y" * 5001,
    "A" * MEGABYTE,
    "🙂" * (MEGABYTE // 4),
)


@cache
def blns() -> tuple[str, ...]:
    """The shared list, or () when it is absent (a bare clone)."""
    if not BLNS.exists():
        return ()
    data = json.loads(BLNS.read_text(encoding="utf-8"))
    return tuple(item for item in data if isinstance(item, str)) if isinstance(data, list) else ()


def everything() -> tuple[str, ...]:
    """Our extremes then every string of the shared list."""
    return OWN + blns()


def sampled(size: int = SAMPLE_SIZE) -> tuple[str, ...]:
    """Our extremes then a seeded sample of the shared list (the same on every run)."""
    shared = blns()
    if len(shared) <= size:
        return OWN + shared
    return OWN + tuple(random.Random(SAMPLE_SEED).sample(shared, size))


def short(text: str, limit: int = 40) -> str:
    """A readable label for a string in a failure message."""
    shown = ascii(text[:limit])
    return shown + (f"…({len(text):,} chars)" if len(text) > limit else "")
