"""clientcare migrate-db: a whole practice copied into an empty database, then compared."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import URL

from clientcare.cli import parse_args, run_command
from clientcare.db.copy import CopyError, copy_database, describe_report
from clientcare.db.engine import Database
from clientcare.db.migrate import open_database
from clientcare.db.models import Appointment, Client, Payment
from clientcare.demo import DemoSize, generate_demo

TODAY = dt.date(2026, 11, 23)


def _target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> URL | Path:
    if backend == "postgresql":
        return request.getfixturevalue("pg_empty_url")
    return tmp_path / "moved.sqlite3"


def test_copy_moves_every_row_and_the_ledger_adds_up(
    tmp_path: Path, request: pytest.FixtureRequest, backend: str
) -> None:
    source = tmp_path / "practice.sqlite3"
    database, _ = open_database(source)
    with database.unit_of_work() as session:
        generate_demo(session, size=DemoSize(2, 12, 3, weeks_ahead=2), today=TODAY)
        first, last = session.execute(
            select(func.min(Appointment.id), func.max(Appointment.id))
        ).one()
        session.get(Appointment, first).rescheduled_to_id = last  # type: ignore[union-attr]
    database.dispose()
    target = _target(backend, tmp_path, request)

    report = copy_database(source, target, batch_size=50)

    assert report.ok, describe_report(report)
    assert report.total_rows > 500
    assert any(label.startswith("payments") for label in report.ledger_source)
    text_report = describe_report(report)
    assert "counts and totals match" in text_report

    moved, opened = open_database(target)
    try:
        assert opened.upgraded_from is None and not opened.created
        with moved.unit_of_work() as session:
            assert session.get(Appointment, first).rescheduled_to_id == last  # type: ignore[union-attr]
            # New rows get new ids after the copied ones (sequences reset on PostgreSQL).
            client = Client(full_name="Ann New", preferred_name="Ann")
            session.add(client)
            session.flush()
            assert client.id > session.scalar(select(func.count()).select_from(Client)) - 1
            assert session.scalar(select(func.count()).select_from(Payment)) > 0
    finally:
        moved.dispose()


def test_copy_into_a_database_with_data_is_refused(
    tmp_path: Path, request: pytest.FixtureRequest, backend: str
) -> None:
    source = tmp_path / "practice.sqlite3"
    open_database(source)[0].dispose()
    target = _target(backend, tmp_path, request)
    used, _ = open_database(target)  # seeded with the defaults: not empty any more
    with used.unit_of_work() as session:
        session.add(Client(full_name="Already Here", preferred_name="Al"))
    used.dispose()

    with pytest.raises(CopyError, match="already holds data"):
        copy_database(source, target)

    check, _ = open_database(target)
    with check.reading() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 1
    check.dispose()


def test_copy_refuses_the_same_database_and_an_unknown_source(tmp_path: Path) -> None:
    source = tmp_path / "practice.sqlite3"
    open_database(source)[0].dispose()
    with pytest.raises(CopyError, match="same database"):
        copy_database(source, source)
    stranger = tmp_path / "empty.sqlite3"
    stranger.touch()
    with pytest.raises(CopyError, match="not a ClientCare database"):
        copy_database(stranger, tmp_path / "t.sqlite3")


def test_cli_migrate_db_prints_the_comparison(tmp_path: Path) -> None:
    source = tmp_path / "practice.sqlite3"
    database, _ = open_database(source)
    with database.unit_of_work() as session:
        session.add(Client(full_name="Zoë Ñúñez", preferred_name="Zoë"))
    database.dispose()
    options = parse_args(
        ["migrate-db", "--from", f"sqlite:///{source}", "--to", str(tmp_path / "t.sqlite3")]
    )
    out, err = io.StringIO(), io.StringIO()

    assert run_command(options, out=out, err=err) == 0, err.getvalue()

    assert "client" in out.getvalue()
    assert "counts and totals match" in out.getvalue()
    again = io.StringIO()
    assert run_command(options, out=io.StringIO(), err=again) == 1
    assert "already holds data" in again.getvalue()
    assert "Traceback" not in again.getvalue()


def test_cli_migrate_db_to_an_unreachable_server_says_so(tmp_path: Path) -> None:
    source = tmp_path / "practice.sqlite3"
    open_database(source)[0].dispose()
    options = parse_args(
        ["migrate-db", "--from", str(source), "--to", "postgresql://nobody@127.0.0.1:1/none"]
    )
    err = io.StringIO()

    assert run_command(options, out=io.StringIO(), err=err) == 1

    assert "could not reach the PostgreSQL server at 127.0.0.1:1" in err.getvalue()


def test_the_ledger_totals_count_on_both_sides(db: Database) -> None:
    from clientcare.db.copy import ledger_totals

    with db.engine.connect() as connection:
        assert ledger_totals(connection) == {}
        assert connection.execute(text("SELECT 1")).scalar() == 1
