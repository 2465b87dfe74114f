"""Clients and the ledger to and from CSV: detection, mapping, per-line report, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clientcare import clients, csv_io, money
from clientcare.clients import ClientInput
from clientcare.csv_io import Target
from clientcare.db.engine import Database
from clientcare.db.models import AuditAction, AuditEntry, Client, ClientStatus, PaymentMethod
from clientcare.errors import ValidationError

TODAY = dt.date(2026, 11, 23)
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")


def client_count(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Client)) or 0


def run_import(db: Database, data: bytes, *, valid_only: bool = False) -> csv_io.ImportResult:
    table = csv_io.read_table(data)
    mapping = csv_io.propose_mapping(table.header)
    with db.unit_of_work() as session:
        return csv_io.import_clients(
            session, table, mapping, region="GB", today=TODAY, valid_only=valid_only
        )


GOOD = (
    b"Full name,Preferred,Email,Phone,Pronouns,Status\n"
    b"Margaret Example,Maggie,maggie@example.org,07700 900123,she/her,active\n"
    b"Robert Sample,,rob@example.org,,,Prospect\n"
)


def test_a_good_file_is_imported_with_the_proposed_mapping(db: Database) -> None:
    result = run_import(db, GOOD)
    assert len(result.imported_ids) == 2
    with db.reading() as session:
        stored = {
            c.full_name: (c.preferred_name, c.status, c.pronouns, c.phone)
            for c in session.scalars(select(Client))
        }
    assert stored["Margaret Example"] == ("Maggie", ClientStatus.ACTIVE, "she/her", "07700 900123")
    assert stored["Robert Sample"] == ("Robert", ClientStatus.PROSPECT, "", "")


def test_mapping_is_proposed_from_header_names() -> None:
    header = ("First Name", "Surname", "E-mail", "Mobile", "Known as", "Notes", "Whatever")
    assert csv_io.propose_mapping(header) == (
        Target.FIRST_NAME,
        Target.LAST_NAME,
        Target.EMAIL,
        Target.PHONE,
        Target.PREFERRED,
        Target.NOTES,
        Target.IGNORE,
    )
    # The same field is proposed once only.
    assert csv_io.propose_mapping(("Name", "Full name")) == (Target.FULL_NAME, Target.IGNORE)


def test_first_and_last_name_columns_make_the_full_name(db: Database) -> None:
    run_import(db, b"first_name;last_name;email\nZo\xc3\xab;N\xc3\xba\xc3\xb1ez;z@example.org\n")
    with db.reading() as session:
        assert session.scalars(select(Client.full_name)).all() == ["Zoë Núñez"]


def test_semicolons_tabs_and_a_bom_are_recognised() -> None:
    for text in ("\ufeffName;Email\nA B;a@example.org\n", "Name\tEmail\nA B\ta@example.org\n"):
        table = csv_io.read_table(text.encode("utf-8"))
        assert table.header == ("Name", "Email")
        assert table.rows == ((2, ("A B", "a@example.org")),)
        assert table.notes == ()


def test_cp1252_is_read_with_a_note() -> None:
    table = csv_io.read_table("Name,Email\nRenée Dupré,r@example.org\n".encode("cp1252"))
    assert table.rows[0][1][0] == "Renée Dupré"
    assert table.encoding == "cp1252"
    assert "Windows-1252" in table.notes[0]


def test_utf16_from_a_spreadsheet_is_read() -> None:
    table = csv_io.read_table("Name\tEmail\nSøren Ås\ts@example.org\n".encode("utf-16"))
    assert table.rows[0][1] == ("Søren Ås", "s@example.org")


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", "empty"), (b"\n\n  \n", "empty"), (b'Name\n"unterminated', "")],
)
def test_unreadable_files_are_refused_with_a_message(data: bytes, words: str) -> None:
    try:
        table = csv_io.read_table(data)
    except ValidationError as error:
        assert error.for_field("file")
        assert words in (error.for_field("file") or "")
    else:  # the csv module reads an unterminated quote to the end of the file
        assert table.header == ("Name",)


def test_a_file_of_undecodable_bytes_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        csv_io.read_table(b"Name\n\x81\x8d\x8f\x90\x9d\n")
    assert "CSV UTF-8" in (caught.value.for_field("file") or "")


def test_line_numbers_count_quoted_line_breaks() -> None:
    data = b'Name,Address\n"A B","1 Road\nTown"\n\nC D,Street\n'
    table = csv_io.read_table(data)
    assert [line for line, _cells in table.rows] == [2, 5]


def test_bad_rows_are_reported_per_line_and_nothing_is_imported(db: Database) -> None:
    data = (
        b"Name,Email,Phone,Status\n"
        b"Good Person,good@example.org,,active\n"
        b",nobody@example.org,,\n"
        b"Bad Email,not-an-address,,\n"
        b"Bad Status,,,sleeping\n"
        b"Bad Phone,,12,\n"
        b"Too,Many,,,values\n"
    )
    with pytest.raises(csv_io.ImportRefusedError) as caught:
        run_import(db, data)
    check = caught.value.check
    assert "nothing was imported" in (caught.value.for_field("file") or "")
    assert [row.line for row in check.refused] == [3, 4, 5, 6, 7]
    by_line = {row.line: row for row in check.refused}
    assert by_line[3].errors[0].field == "full_name"
    assert by_line[4].errors[0].field == "email"
    assert "not a status" in by_line[5].errors[0].message
    assert "too few digits" in csv_io.describe_error(by_line[6].errors[0])
    assert "5 values but the header has 4" in by_line[7].errors[0].message
    assert client_count(db) == 0


def test_valid_rows_only_imports_exactly_those(db: Database) -> None:
    data = b"Name,Email\nGood One,one@example.org\nBad,nope\nGood Two,\n"
    result = run_import(db, data, valid_only=True)
    assert len(result.imported_ids) == 2
    assert [row.line for row in result.check.refused] == [3]
    with db.reading() as session:
        assert sorted(session.scalars(select(Client.full_name))) == ["Good One", "Good Two"]


def test_a_closed_status_cannot_start_a_new_client(db: Database) -> None:
    with pytest.raises(csv_io.ImportRefusedError) as caught:
        run_import(db, b"Name,Status\nOld Client,closed\n")
    assert caught.value.check.refused[0].errors[0].field == "status"


def test_duplicates_are_warnings(db: Database) -> None:
    with db.unit_of_work() as session:
        clients.create_client(
            session, ClientInput(full_name="Margaret Example"), region="GB", today=TODAY
        )
    data = b"Name,Email\nMargaret Example,m@example.org\nNew One,n@example.org\nNew One,\n"
    result = run_import(db, data)
    warnings = {row.line: row.warnings for row in result.check.rows}
    assert warnings[2] == ("A client called Margaret Example is already in ClientCare.",)
    assert warnings[3] == ()
    assert warnings[4] == ("Same name as line 3.",)
    assert len(result.imported_ids) == 3


def test_a_mapping_without_a_name_is_refused(db: Database) -> None:
    table = csv_io.read_table(b"Email\na@example.org\n")
    with pytest.raises(ValidationError) as caught, db.reading() as session:
        csv_io.check_import(session, table, (Target.EMAIL,), region="GB")
    assert "full name" in (caught.value.for_field("mapping") or "")
    problem = csv_io.mapping_problem((Target.EMAIL, Target.EMAIL, Target.FULL_NAME))
    assert problem and "Only one column can be Email" in problem


def test_preview_shows_the_first_rows_mapped() -> None:
    table = csv_io.read_table(GOOD)
    shown = csv_io.preview(table, csv_io.propose_mapping(table.header))
    assert shown[0]["line"] == 2
    assert shown[0]["full_name"] == "Margaret Example"
    assert shown[1]["email"] == "rob@example.org"


# ---------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------


def read_back(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@POSIX_ONLY
def test_clients_export_is_private_without_notes_unless_asked(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work() as session:
        clients.create_client(
            session,
            ClientInput(full_name="Margaret Example", notes="private words", email="m@example.org"),
            region="GB",
            today=TODAY,
        )
    path = tmp_path / "clients.csv"
    with db.unit_of_work() as session:
        assert csv_io.export_clients(session, path) == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = read_back(path)
    assert rows[0][0] == "Full name" and "Notes" not in rows[0]
    assert "private words" not in path.read_text(encoding="utf-8-sig")
    with db.unit_of_work() as session:
        csv_io.export_clients(session, path, include_notes=True)
    assert read_back(path)[1][-1] == "private words"
    with db.reading() as session:
        exports = session.scalars(
            select(AuditEntry.fields).where(AuditEntry.action == AuditAction.EXPORT)
        ).all()
    assert exports == ["clients CSV", "clients CSV, with notes"]


def test_export_then_import_round_trips(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work() as session:
        clients.create_client(
            session,
            ClientInput(
                full_name="Zoë Ñúñez",
                preferred_name="Zo",
                pronouns="they/them",
                email="zoe@example.org",
                phone="07700 900123",
                address="1 Road\nTown",
                status=ClientStatus.ACTIVE,
            ),
            region="GB",
            today=TODAY,
        )
    path = tmp_path / "clients.csv"
    with db.unit_of_work() as session:
        csv_io.export_clients(session, path)
    table = csv_io.read_file(path)
    mapping = csv_io.propose_mapping(table.header)
    with db.reading() as session:
        check = csv_io.check_import(session, table, mapping, region="GB")
    row = check.rows[0]
    assert row.data is not None
    assert row.data.address == "1 Road\nTown"
    assert row.data.status == ClientStatus.ACTIVE
    assert row.warnings == ("A client called Zoë Ñúñez is already in ClientCare.",)


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formula_cells_are_made_inert(db: Database, tmp_path: Path, start: str) -> None:
    name = f"{start}HYPERLINK(1) Person"
    with db.unit_of_work() as session:
        clients.create_client(session, ClientInput(full_name=name), region="GB", today=TODAY)
    path = tmp_path / "clients.csv"
    with db.unit_of_work() as session:
        csv_io.export_clients(session, path)
    assert read_back(path)[1][0] == "'" + name
    assert csv_io.escape_cell("plain") == "plain"


def test_ledger_export_for_one_and_every_client(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work() as session:
        one = clients.create_client(
            session, ClientInput(full_name="Margaret Example"), region="GB", today=TODAY
        )
        two = clients.create_client(
            session, ClientInput(full_name="Robert Sample"), region="GB", today=TODAY
        )
        money.add_charge(session, one.id, description="Report", amount="45.00", charged_on=TODAY)
        money.record_payment(
            session,
            money.PaymentInput(
                client_id=one.id, amount="20", method=PaymentMethod.CASH, paid_on=TODAY
            ),
        )
        money.add_charge(session, two.id, description="=1+1", amount="10.50", charged_on=TODAY)
    path = tmp_path / "ledger.csv"
    with db.unit_of_work() as session:
        assert csv_io.export_ledger(session, path) == 3
    rows = read_back(path)
    assert rows[0] == list(csv_io.LEDGER_HEADER)
    assert rows[1] == [
        "Margaret Example",
        "2026-11-23",
        "charge",
        "Report",
        "45.00",
        "",
        "45.00",
        "GBP",
    ]
    assert rows[2][4:7] == ["", "20.00", "25.00"]
    assert rows[3][3] == "'=1+1"
    with db.unit_of_work() as session:
        assert csv_io.export_ledger(session, path, client_id=two.id) == 1
    with pytest.raises(ValidationError), db.unit_of_work() as session:
        csv_io.export_ledger(session, path, client_id=9999)


def test_the_header_line_settles_a_misleading_sniff() -> None:
    """csv.Sniffer takes ' as a quote and ; as the separator here; the header says comma."""
    sniffed = "'; DROP TABLE client; --,'; DROP TABLE client; --,a@example.org\n"
    data = f"Name,Notes,Email\n{sniffed}Robert Sample,,r@example.org\n"
    assert csv.Sniffer().sniff(data, delimiters=",;\t|").delimiter == ";"  # the trap
    table = csv_io.read_table(data.encode())
    assert table.header == ("Name", "Notes", "Email")
    assert table.delimiter == ","
    assert table.rows[0][1] == (
        "'; DROP TABLE client; --",
        "'; DROP TABLE client; --",
        "a@example.org",
    )
