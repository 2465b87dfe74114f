"""Counts what the hostile suite fed in and what became of it, printed at the end."""

from __future__ import annotations

from collections import Counter

import pytest

from .strings import BLNS, blns

#: (area, outcome) → count; outcome is "stored", "refused" or "failure".
OUTCOMES: Counter[tuple[str, str]] = Counter()
FIELDS: set[str] = set()


def note(area: str, field: str, outcome: str) -> None:
    OUTCOMES[(area, outcome)] += 1
    FIELDS.add(f"{area}:{field}")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not OUTCOMES:
        return
    write = terminalreporter.write_line
    source = f"{len(blns())} from {BLNS.name}" if blns() else "none (shared list absent)"
    write("")
    write(f"hostile input: shared strings {source}; {len(FIELDS)} fields/paths")
    areas = sorted({area for area, _ in OUTCOMES})
    for area in areas:
        counts = {
            outcome: OUTCOMES[(area, outcome)] for outcome in ("stored", "refused", "failure")
        }
        total = sum(counts.values())
        write(
            f"  {area:<14} {total:>6} inputs: {counts['stored']:>6} stored, "
            f"{counts['refused']:>6} refused, {counts['failure']} failures"
        )
