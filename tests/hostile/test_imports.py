"""Hostile text in the files people import: clients CSV and calendar (.ics).

An import never crashes: a file that can't be read is a ValidationError on "file";
otherwise every line (event) gets an outcome, and every refused one a reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata

import icalendar
import pytest
from sqlalchemy import func, select

from clientcare import csv_io
from clientcare.db.engine import Database
from clientcare.db.models import Appointment, BusyTime, Client
from clientcare.errors import ValidationError
from clientcare.ical import ImportAs, ImportOutcome, import_ics
from clientcare.practice import add_practitioner

from .conftest import note
from .strings import everything, sampled, short

TODAY = dt.date.today()
NOW = dt.datetime.combine(TODAY, dt.time(8, 0))
COLUMNS = ("Name", "Preferred name", "Pronouns", "Email", "Phone", "Address", "Notes")


def storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def bad_character(text: str) -> bool:
    return "\x00" in text or any(unicodedata.category(ch) == "Cs" for ch in text)


def clients_in(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Client)) or 0


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8", "surrogatepass")


def test_csv_import_of_hostile_cells(db: Database) -> None:
    """Each string in each column (benign cells elsewhere): stored as cleaned, or refused."""
    rows = []
    # 1 MB cells and bytes that are not UTF-8 at all: see the tests below.
    strings = [s for s in everything() if len(s) < 100_000 and storable(s)]
    for index, text in enumerate(strings):
        row = [f"Person {index}", "", "", "", "", "", ""]
        row[index % len(COLUMNS)] = text
        rows.append(row)
    table = csv_io.read_table(csv_bytes(rows))
    assert table.header == COLUMNS  # the hostile cells did not fool the separator detection
    assert len(table.rows) == sum(1 for row in rows if any(cell.strip() for cell in row))
    mapping = csv_io.propose_mapping(table.header)
    with db.reading() as session:
        check = csv_io.check_import(session, table, mapping, region="GB")
    for row in check.rows:
        if row.ok:
            assert row.data is not None and not bad_character(row.data.full_name)
        else:
            assert row.errors and all(e.message.strip() and e.field for e in row.errors)
            assert all(csv_io.describe_error(e) for e in row.errors)
    with pytest.raises(csv_io.ImportRefusedError), db.unit_of_work() as session:
        csv_io.import_clients(session, table, mapping, region="GB", today=TODAY)
    assert clients_in(db) == 0  # all or nothing
    with db.unit_of_work() as session:
        result = csv_io.import_clients(
            session, table, mapping, region="GB", today=TODAY, valid_only=True
        )
    assert len(result.imported_ids) == len(check.valid) == clients_in(db)
    with db.reading() as session:
        stored = {
            c.id: (c.full_name, c.preferred_name, c.pronouns, c.address, c.notes)
            for c in session.scalars(select(Client))
        }
    for client_id, row in zip(result.imported_ids, check.valid, strict=True):
        assert row.data is not None
        wanted = (
            row.data.full_name,
            row.data.preferred_name,
            row.data.pronouns,
            row.data.address,
            row.data.notes,
        )
        assert stored[client_id] == wanted, row.line
    for row in check.rows:
        note("csv import", "cells", "stored" if row.ok else "refused")


def test_csv_extremes_never_crash() -> None:
    """1 MB cells, NUL bytes, raw unquoted naughty lines, invalid UTF-8, a BOM in the middle."""
    big = "A" * (1024 * 1024)
    files = [
        csv_bytes([[big, "", "", "", "", "", ""]]),
        b"Name,Email\nA\x00B,a@example.org\n",
        b"Name\n" + "\n".join(s for s in sampled() if storable(s)).encode("utf-8"),
        b"Name\n" + "\n".join(sampled()).encode("utf-8", "surrogatepass"),
        b"Name,Email\n\xef\xbb\xbfA B,\xff\xfe\n",
        b'Name\n"' + b"x" * 100 + b"\n",
        b"\x00" * 1000,
    ]
    for data in files:
        try:
            table = csv_io.read_table(data)
        except ValidationError as error:
            assert error.for_field("file")
            note("csv import", "file", "refused")
            continue
        mapping = csv_io.propose_mapping(table.header)
        mapping = (
            mapping
            if csv_io.mapping_problem(mapping) is None
            else (
                csv_io.Target.FULL_NAME,
                *mapping[1:],
            )
        )
        for _line, cells in table.rows:
            values = csv_io.mapped_values(cells, mapping)
            assert isinstance(values, dict)
        note("csv import", "file", "stored")


def test_csv_extremes_are_reported_per_line(db: Database) -> None:
    big = "A" * (1024 * 1024)
    data = csv_bytes(
        [
            [big, "", "", "", "", "", ""],
            ["Ok Person", "", "", "", "", "", big],
            ["Nul\x00Person", "", "", "", "", "", ""],
            ["Fine Person", "", "", "", "", "", ""],
        ]
    )
    table = csv_io.read_table(data)
    with db.reading() as session:
        check = csv_io.check_import(
            session, table, csv_io.propose_mapping(table.header), region="GB"
        )
    by_line = {row.line: row for row in check.rows}
    assert "too long" in by_line[2].errors[0].message and by_line[2].errors[0].field == "full_name"
    assert by_line[3].errors[0].field == "notes"
    assert "null character" in by_line[4].errors[0].message
    assert by_line[5].ok


def ics_with(strings: list[str]) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Test//EN")
    cal.add("version", "2.0")
    start = NOW + dt.timedelta(days=1)
    for index, text in enumerate(strings):
        event = icalendar.Event()
        event.add("uid", f"hostile-{index}")
        event.add("summary", text)
        event.add("description", text)
        event.add("location", text)
        event.add("dtstart", start + dt.timedelta(hours=index))
        event.add("dtend", start + dt.timedelta(hours=index, minutes=50))
        cal.add_component(event)
    return cal.to_ical()


@pytest.mark.parametrize("as_", list(ImportAs))
def test_ics_import_of_hostile_events(db: Database, as_: ImportAs) -> None:
    """Naughty summaries, descriptions and locations: a line per event, never a crash."""
    strings = [s for s in sampled() if storable(s)]
    with db.unit_of_work() as session:
        practitioner_id = add_practitioner(session, "Dr Ada Example").id
    with db.unit_of_work() as session:
        report = import_ics(
            session,
            ics_with(strings),
            practitioner_id=practitioner_id,
            as_=as_,
            tz_name="Europe/London",
            now=NOW,
        )
    numbers = {line.number for line in report.lines}
    assert numbers == set(range(1, len(strings) + 1))
    for line in report.lines:
        assert not bad_character(line.summary)
        if line.outcome != ImportOutcome.IMPORTED:
            assert line.reason.strip(), short(line.summary)
        note("ics import", as_.value, "stored" if line.outcome == "imported" else "refused")
    with db.reading() as session:
        texts = [
            *session.scalars(select(BusyTime.title)),
            *session.scalars(select(Appointment.location)),
            *session.scalars(select(Appointment.notes)),
        ]
    assert all(not bad_character(text) and "\n" not in text for text in texts if text)


def test_ics_file_with_raw_bytes_is_refused_or_reported(db: Database) -> None:
    with db.unit_of_work() as session:
        practitioner_id = add_practitioner(session, "Dr Ada Example").id
    for index, text in enumerate(sampled()):
        body = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:raw{index}\r\nDTSTART:20261201T100000\r\nDTEND:20261201T105000\r\n"
            f"SUMMARY:{text}\r\nDESCRIPTION:{text}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ).encode("utf-8", "surrogatepass")
        try:
            with db.unit_of_work() as session:
                report = import_ics(
                    session,
                    body,
                    practitioner_id=practitioner_id,
                    as_=ImportAs.BUSY_TIME,
                    tz_name="Europe/London",
                    now=NOW,
                    dry_run=True,
                )
        except ValidationError as error:
            assert error.for_field("file"), short(text)
            note("ics import", "raw", "refused")
            continue
        assert all(not bad_character(line.summary) for line in report.lines)
        note("ics import", "raw", "stored")
