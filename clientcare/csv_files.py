"""How ClientCare writes a CSV file: UTF-8 with a BOM (for spreadsheets), private to the
user, moved into place whole, and every cell made inert when a spreadsheet would read it as
a formula. Every export (clients, the ledger, the audit log) writes through here."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from clientcare.files import replacing

#: A cell starting with one of these is a formula to a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> str:
    """The cell as text, made inert for spreadsheets when it would start a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write a CSV file (UTF-8 with a BOM, for spreadsheets) readable by the user only.

    The file is written beside its final name and moved into place, so a failure
    leaves no half-written file.
    """
    with (
        replacing(Path(path)) as temporary,
        open(temporary, "w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow([escape_cell(cell) for cell in header])
        for row in rows:
            writer.writerow([escape_cell(cell) for cell in row])
