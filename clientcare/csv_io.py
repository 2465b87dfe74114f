"""Clients and the ledger to and from CSV: the file, the mapping, the per-line report.

Import is three steps, each plain data: :func:`read_table` reads the bytes (encoding
and dialect detected, with a note when it had to guess), :func:`propose_mapping`
suggests which column is which from the header, and :func:`check_import` validates
every row with the same rules as the client form, line by line. :func:`import_clients`
then stores all rows or none — or, when the person asks for it, exactly the valid ones
— in the caller's one unit of work.

Export writes files readable by the user only. Cells that a spreadsheet would run as a
formula (starting with = + - @, a tab or a carriage return) are prefixed with a single
quote (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import audit, clients, money
from clientcare.csv_files import escape_cell as escape_cell
from clientcare.csv_files import write_csv as write_csv
from clientcare.db.models import Client, ClientStatus, Practitioner
from clientcare.errors import FieldError, ValidationError
from clientcare.money_format import to_decimal
from clientcare.practice import get_settings
from clientcare.text import fold

#: A bigger file than this is not a client list.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
#: Cells may be long (an address, notes); the validation then says what is too long.
FIELD_SIZE_LIMIT = 4 * 1024 * 1024
PREVIEW_ROWS = 5
_SNIFF_BYTES = 64 * 1024


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


CLIENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("full_name", "Full name"),
    ("preferred_name", "Preferred name"),
    ("pronunciation", "Pronunciation"),
    ("pronouns", "Pronouns"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("address", "Address"),
    ("status", "Status"),
    ("practitioner", "Practitioner"),
    ("created_on", "Added on"),
)


def export_clients(session: Session, path: Path, *, include_notes: bool = False) -> int:
    """Write every client to ``path`` (notes only when asked); returns how many."""
    header = [label for _key, label in CLIENT_COLUMNS]
    if include_notes:
        header.append("Notes")
    query = (
        select(Client, Practitioner.full_name)
        .outerjoin(Practitioner, Practitioner.id == Client.primary_practitioner_id)
        .order_by(Client.full_name, Client.id)
    )
    rows = []
    for client, practitioner in session.execute(query):
        row = [
            client.full_name,
            client.preferred_name,
            client.pronunciation,
            client.pronouns,
            client.email,
            client.phone,
            client.address,
            clients.STATUS_LABELS[ClientStatus(client.status)],
            practitioner or "",
            client.created_at.date().isoformat() if client.created_at else "",
        ]
        if include_notes:
            row.append(client.notes)
        rows.append(row)
    write_csv(path, header, rows)
    what = "clients CSV, with notes" if include_notes else "clients CSV"
    audit.record_export(session, "client", 0, what)
    return len(rows)


LEDGER_HEADER = (
    "Client",
    "Date",
    "Entry",
    "Description",
    "Charged",
    "Paid or credited",
    "Balance",
    "Currency",
)


def export_ledger(session: Session, path: Path, *, client_id: int | None = None) -> int:
    """Write the ledger of one client, or of every client, to ``path``; returns lines."""
    currency = get_settings(session).currency
    query = select(Client.id, Client.full_name).order_by(Client.full_name, Client.id)
    if client_id is not None:
        query = query.where(Client.id == client_id)
    people = list(session.execute(query))
    if client_id is not None and not people:
        raise ValidationError.single("client", "That client no longer exists.")

    def amount(minor: int) -> str:
        return str(to_decimal(minor, currency)) if minor else ""

    rows = []
    for person_id, full_name in people:
        ledger = money.client_ledger(session, person_id)
        for entry in ledger.entries:
            rows.append(
                (
                    full_name,
                    entry.day.isoformat(),
                    entry.kind,
                    entry.description,
                    amount(entry.debit_minor),
                    amount(entry.credit_minor),
                    str(to_decimal(entry.balance_minor, currency)),
                    currency,
                )
            )
    write_csv(path, LEDGER_HEADER, rows)
    audit.record_export(session, "client" if client_id else "ledger", client_id or 0, "ledger CSV")
    return len(rows)


# ---------------------------------------------------------------------------
# Reading a file
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvTable:
    """A CSV file as read: the header, the rows with their line numbers, how it was read."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number, cells)
    encoding: str
    delimiter: str
    notes: tuple[str, ...] = ()


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    """The text, the encoding used, and a note when it is a guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValidationError.single(
            "file",
            "ClientCare can't read the letters in this file. Save it from your spreadsheet "
            'as "CSV UTF-8" and choose it again.',
        ) from None
    return (
        text,
        "cp1252",
        [
            "The file is not UTF-8, so it was read as Windows-1252 (Western European). "
            "Check accented letters in the preview; if they look wrong, save it as "
            '"CSV UTF-8" and choose it again.'
        ],
    )


_DELIMITERS = ",;\t|"


def _dialect(sample: str) -> tuple[type[csv.Dialect] | csv.Dialect, list[str]]:
    """The file's dialect: csv.Sniffer's guess, checked against the header line.

    The sniffer counts characters over the whole sample, so cells full of semicolons
    or pipes can mislead it; a header line rarely holds anything but names and the
    separator, so when another separator is more frequent there, that one wins.
    """
    header = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    try:
        sniffed: type[csv.Dialect] | csv.Dialect | None = csv.Sniffer().sniff(
            sample, delimiters=_DELIMITERS
        )
    except csv.Error:
        sniffed = None
    if sniffed is not None and counts[sniffed.delimiter] >= counts[best]:
        return sniffed, []
    if counts[best]:
        return type("HeaderDialect", (csv.excel,), {"delimiter": best}), []
    return csv.excel, ["The separator could not be recognised, so commas were assumed."]


def read_table(data: bytes) -> CsvTable:
    """Read a CSV file's bytes. Raises ValidationError (field "file") when it can't."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError.single(
            "file",
            f"This file is {len(data) / 1024 / 1024:.0f} MB; a client list is at most "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB.",
        )
    text, encoding, notes = _decode(data)
    if not text.strip():
        raise ValidationError.single("file", "The file is empty.")
    dialect, more_notes = _dialect(text[:_SNIFF_BYTES])
    notes += more_notes
    # The limit is process-wide in the csv module; only ever raise it.
    if csv.field_size_limit() < FIELD_SIZE_LIMIT:
        csv.field_size_limit(min(FIELD_SIZE_LIMIT, sys.maxsize))
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[tuple[int, tuple[str, ...]]] = []
    header: tuple[str, ...] | None = None
    next_line = 1
    try:
        for cells in reader:
            line, next_line = next_line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = tuple(cell.strip() for cell in cells)
                continue
            rows.append((line, tuple(cells)))
            if len(rows) > MAX_ROWS:
                raise ValidationError.single(
                    "file", f"This file has more than {MAX_ROWS:,} clients; split it first."
                )
    except csv.Error as error:
        raise ValidationError.single(
            "file", f"Line {next_line} can't be read as CSV ({error}). Check the quotes there."
        ) from None
    if header is None:
        raise ValidationError.single("file", "The file is empty.")
    delimiter = getattr(dialect, "delimiter", ",")
    return CsvTable(header, tuple(rows), encoding, delimiter, tuple(notes))


def read_file(path: Path) -> CsvTable:
    """Read a CSV file from disk (see :func:`read_table`)."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError.single(
                "file",
                f"This file is {size / 1024 / 1024:.0f} MB; a client list is at most "
                f"{MAX_FILE_BYTES // 1024 // 1024} MB.",
            )
        data = Path(path).read_bytes()
    except OSError as error:
        raise ValidationError.single(
            "file", f"The file can't be opened: {error.strerror or error}."
        ) from None
    return read_table(data)


# ---------------------------------------------------------------------------
# Mapping columns to fields
# ---------------------------------------------------------------------------


class Target(StrEnum):
    """What a column of the file holds."""

    IGNORE = "ignore"
    FULL_NAME = "full_name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    PREFERRED = "preferred_name"
    PRONUNCIATION = "pronunciation"
    PRONOUNS = "pronouns"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    STATUS = "status"
    NOTES = "notes"


TARGET_LABELS: dict[Target, str] = {
    Target.IGNORE: "(leave out)",
    Target.FULL_NAME: "Full name",
    Target.FIRST_NAME: "First name",
    Target.LAST_NAME: "Last name",
    Target.PREFERRED: "Preferred name",
    Target.PRONUNCIATION: "Pronunciation",
    Target.PRONOUNS: "Pronouns",
    Target.EMAIL: "Email",
    Target.PHONE: "Phone",
    Target.ADDRESS: "Address",
    Target.STATUS: "Status",
    Target.NOTES: "Notes",
}

# Header words (folded, without spaces, dashes or underscores) → field.
_HEADER_WORDS: dict[str, Target] = {
    "fullname": Target.FULL_NAME,
    "name": Target.FULL_NAME,
    "clientname": Target.FULL_NAME,
    "client": Target.FULL_NAME,
    "firstname": Target.FIRST_NAME,
    "givenname": Target.FIRST_NAME,
    "forename": Target.FIRST_NAME,
    "first": Target.FIRST_NAME,
    "lastname": Target.LAST_NAME,
    "surname": Target.LAST_NAME,
    "familyname": Target.LAST_NAME,
    "last": Target.LAST_NAME,
    "preferredname": Target.PREFERRED,
    "preferred": Target.PREFERRED,
    "nickname": Target.PREFERRED,
    "knownas": Target.PREFERRED,
    "pronunciation": Target.PRONUNCIATION,
    "pronouns": Target.PRONOUNS,
    "pronoun": Target.PRONOUNS,
    "email": Target.EMAIL,
    "emailaddress": Target.EMAIL,
    "mail": Target.EMAIL,
    "phone": Target.PHONE,
    "phonenumber": Target.PHONE,
    "telephone": Target.PHONE,
    "tel": Target.PHONE,
    "mobile": Target.PHONE,
    "cell": Target.PHONE,
    "address": Target.ADDRESS,
    "postaladdress": Target.ADDRESS,
    "homeaddress": Target.ADDRESS,
    "status": Target.STATUS,
    "notes": Target.NOTES,
    "note": Target.NOTES,
}


def _header_key(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalnum())


def propose_mapping(header: Sequence[str]) -> tuple[Target, ...]:
    """A field for each column, from its header; each field is proposed once at most."""
    taken: set[Target] = set()
    mapping = []
    for name in header:
        target = _HEADER_WORDS.get(_header_key(name), Target.IGNORE)
        if target in taken:
            target = Target.IGNORE
        if target is not Target.IGNORE:
            taken.add(target)
        mapping.append(target)
    return tuple(mapping)


def mapping_problem(mapping: Sequence[Target]) -> str | None:
    """What is wrong with a mapping, in words, or None."""
    used = [t for t in mapping if t is not Target.IGNORE]
    twice = sorted({TARGET_LABELS[t] for t in used if used.count(t) > 1})
    if twice:
        return f"Only one column can be {', '.join(twice)}; set the other to “(leave out)”."
    if Target.FULL_NAME not in used and not ({Target.FIRST_NAME, Target.LAST_NAME} & set(used)):
        return "Choose the column with the full name (or the first and last name columns)."
    if Target.FULL_NAME in used and ({Target.FIRST_NAME, Target.LAST_NAME} & set(used)):
        return "Use either the full name column or first and last names, not both."
    return None


_STATUS_WORDS: dict[str, ClientStatus] = {
    **{fold(status.value): status for status in ClientStatus},
    **{fold(label): status for status, label in clients.STATUS_LABELS.items()},
    "current": ClientStatus.ACTIVE,
    "inactive": ClientStatus.PAUSED,
    "onhold": ClientStatus.PAUSED,
    "lead": ClientStatus.PROSPECT,
    "enquiry": ClientStatus.PROSPECT,
    "inquiry": ClientStatus.PROSPECT,
}


def mapped_values(cells: Sequence[str], mapping: Sequence[Target]) -> dict[Target, str]:
    """The cells of one row by field (first and last names joined into the full name)."""
    values: dict[Target, str] = {}
    for index, target in enumerate(mapping):
        if target is Target.IGNORE:
            continue
        values[target] = cells[index] if index < len(cells) else ""
    if Target.FULL_NAME not in values and (
        Target.FIRST_NAME in values or Target.LAST_NAME in values
    ):
        parts = (values.get(Target.FIRST_NAME, ""), values.get(Target.LAST_NAME, ""))
        values[Target.FULL_NAME] = " ".join(part.strip() for part in parts if part.strip())
    return values


def preview(
    table: CsvTable, mapping: Sequence[Target], rows: int = PREVIEW_ROWS
) -> list[dict[str, int | str]]:
    """The first rows as they would be read into the client fields (before validation)."""
    return [
        {"line": line, **{t.value: v for t, v in mapped_values(cells, mapping).items()}}
        for line, cells in table.rows[:rows]
    ]


# ---------------------------------------------------------------------------
# Checking and importing
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RowCheck:
    """One line of the file: the client it becomes, or why it is refused."""

    line: int
    full_name: str
    data: clients.ClientInput | None  # cleaned; None when refused
    errors: tuple[FieldError, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.data is not None


@dataclass(frozen=True)
class ImportCheck:
    rows: tuple[RowCheck, ...]
    notes: tuple[str, ...] = ()

    @property
    def valid(self) -> tuple[RowCheck, ...]:
        return tuple(row for row in self.rows if row.ok)

    @property
    def refused(self) -> tuple[RowCheck, ...]:
        return tuple(row for row in self.rows if not row.ok)


@dataclass(frozen=True)
class ImportResult:
    imported_ids: tuple[int, ...]
    check: ImportCheck


class ImportRefusedError(ValidationError):
    """Some rows are refused and the person did not ask for the valid ones only."""

    def __init__(self, check: ImportCheck) -> None:
        self.check = check
        count = len(check.refused)
        super().__init__(
            [
                FieldError(
                    "file",
                    f"{count} line{'s' if count != 1 else ''} of the file can't be imported "
                    "(see the report), so nothing was imported. Correct the file, or import "
                    "the valid lines only.",
                )
            ]
        )


FIELD_LABELS: dict[str, str] = {
    "full_name": "Full name",
    "preferred_name": "Preferred name",
    "pronunciation": "Pronunciation",
    "pronouns": "Pronouns",
    "email": "Email",
    "phone": "Phone",
    "address": "Address",
    "notes": "Notes",
    "status": "Status",
}


def describe_error(error: FieldError) -> str:
    """ "Email: must have an @-sign." — the field as the file calls it, then the problem."""
    return f"{FIELD_LABELS.get(error.field, error.field)}: {error.message}"


def _row_input(values: dict[Target, str], errors: list[FieldError]) -> clients.ClientInput:
    status = ClientStatus.PROSPECT
    status_text = values.get(Target.STATUS, "").strip()
    if status_text:
        found = _STATUS_WORDS.get(_header_key(status_text))
        if found is None:
            choices = ", ".join(label.lower() for label in clients.STATUS_LABELS.values())
            shown = status_text if len(status_text) <= 40 else status_text[:40] + "…"
            errors.append(FieldError("status", f"“{shown}” is not a status; use {choices}."))
        else:
            status = found
    return clients.ClientInput(
        full_name=values.get(Target.FULL_NAME, ""),
        preferred_name=values.get(Target.PREFERRED, ""),
        pronunciation=values.get(Target.PRONUNCIATION, ""),
        pronouns=values.get(Target.PRONOUNS, ""),
        email=values.get(Target.EMAIL, ""),
        phone=values.get(Target.PHONE, ""),
        address=values.get(Target.ADDRESS, ""),
        notes=values.get(Target.NOTES, ""),
        status=status,
    )


def check_import(
    session: Session, table: CsvTable, mapping: Sequence[Target], *, region: str | None
) -> ImportCheck:
    """Validate every row as the client form would; nothing is written.

    Raises ValidationError (field "mapping") when the mapping can't work at all.
    """
    problem = mapping_problem(mapping)
    if problem:
        raise ValidationError.single("mapping", problem)
    width = len(table.header)
    seen_names: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    checks = []
    for line, cells in table.rows:
        values = mapped_values(cells, mapping)
        errors: list[FieldError] = []
        warnings: list[str] = []
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            errors.append(
                FieldError(
                    "file",
                    f"This line has {len(cells)} values but the header has {width}: "
                    "probably a comma inside a value that is not in quotes.",
                )
            )
        data = _row_input(values, errors)
        cleaned: clients.ClientInput | None = None
        try:
            cleaned = clients.clean_and_validate(data, region=region, current_status=None)
        except ValidationError as error:
            errors.extend(error.errors)
        shown_name = " ".join(values.get(Target.FULL_NAME, "").split())[:200]
        if cleaned is not None and not errors:
            warnings += _duplicate_warnings(session, cleaned, line, seen_names, seen_emails)
        checks.append(
            RowCheck(
                line=line,
                full_name=cleaned.full_name if cleaned is not None else shown_name,
                data=cleaned if not errors else None,
                errors=tuple(errors),
                warnings=tuple(warnings),
            )
        )
    return ImportCheck(tuple(checks), table.notes)


def _duplicate_warnings(
    session: Session,
    cleaned: clients.ClientInput,
    line: int,
    seen_names: dict[str, int],
    seen_emails: dict[str, int],
) -> list[str]:
    warnings = [
        f"A client called {name} is already in ClientCare."
        for name in clients.find_duplicates(session, cleaned)
    ]
    name_key = fold(cleaned.full_name)
    if name_key in seen_names:
        warnings.append(f"Same name as line {seen_names[name_key]}.")
    else:
        seen_names[name_key] = line
    if cleaned.email:
        email_key = cleaned.email.casefold()
        if email_key in seen_emails:
            warnings.append(f"Same e-mail as line {seen_emails[email_key]}.")
        else:
            seen_emails[email_key] = line
    return warnings


def import_clients(
    session: Session,
    table: CsvTable,
    mapping: Sequence[Target],
    *,
    region: str | None,
    today: dt.date,
    valid_only: bool = False,
) -> ImportResult:
    """Add the file's clients in the caller's unit of work: all of them, or none.

    With ``valid_only`` exactly the valid rows are added. Raises
    :class:`ImportRefusedError` (nothing written) when rows are refused and
    ``valid_only`` is false, or when no row at all can be imported.
    """
    check = check_import(session, table, mapping, region=region)
    if (check.refused and not valid_only) or not check.valid:
        if not check.rows:
            raise ValidationError.single("file", "The file has a header but no clients.")
        raise ImportRefusedError(check)
    ids = []
    for row in check.valid:
        assert row.data is not None
        detail = clients.create_client(session, replace(row.data), region=region, today=today)
        ids.append(detail.id)
    return ImportResult(tuple(ids), check)
