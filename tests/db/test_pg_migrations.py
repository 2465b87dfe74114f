"""The same Alembic revisions on PostgreSQL: create, upgrade with data, refuse, connect.

Runs only with a test server (CLIENTCARE_TEST_PG, or ``make test-pg``); the SQLite side
of each check is in test_migrations.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, Table, create_engine, inspect, select, text
from sqlalchemy.engine import URL

from clientcare.db import migrate
from clientcare.db.copy import copy_database
from clientcare.db.engine import make_engine
from clientcare.db.migrate import (
    SCHEMA_HEAD,
    ServerPasswordError,
    ServerUnreachableError,
    current_revision,
    open_database,
)
from clientcare.db.models import Base, PracticeSettings, Principle
from clientcare.errors import DatabaseOpenError

from .make_fixture import FIXTURE_PATH, ROWS
from .make_revision_fixtures import REVISIONS, insert_rows, rows_at
from .test_revision_fixtures import assert_rows_are, expected_rows, read_rows

pytestmark = pytest.mark.postgresql


def _revision(url: URL) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return current_revision(connection)
    finally:
        engine.dispose()


def test_a_new_server_database_gets_every_table_and_the_defaults(pg_empty_url: URL) -> None:
    database, report = open_database(pg_empty_url)
    try:
        assert (report.created, report.backup_path) == (True, None)
        with database.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) == set(Base.metadata.tables) | {
                "alembic_version"
            }
            assert current_revision(connection) == SCHEMA_HEAD
        with database.reading() as session:
            assert session.get(PracticeSettings, 1) is not None
            assert len(session.scalars(select(Principle)).all()) == 14
    finally:
        database.dispose()

    again, report = open_database(pg_empty_url)
    again.dispose()
    assert (report.created, report.upgraded_from) == (False, None)


def test_the_migrations_build_the_models_schema_on_postgresql(pg_empty_url: URL) -> None:
    open_database(pg_empty_url, seed=False)[0].dispose()
    engine = make_engine(pg_empty_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences: list[Any] = list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()
    assert differences == [], "\n".join(map(repr, differences))


def test_upgrading_a_server_database_from_0001_keeps_every_row(pg_empty_url: URL) -> None:
    """Schema 0001 with the saved fixture's rows, then upgraded to head on the server."""
    engine = make_engine(pg_empty_url)
    migrate.upgrade(engine, "0001")
    source = create_engine(f"sqlite:///{FIXTURE_PATH}")
    try:
        with source.connect() as reading, engine.begin() as writing:
            metadata = MetaData()
            metadata.reflect(reading)
            for table in metadata.sorted_tables:
                if table.name == "alembic_version":
                    continue
                rows = [dict(row._mapping) for row in reading.execute(select(table))]
                if rows:
                    target = Table(table.name, MetaData(), autoload_with=writing)
                    writing.execute(target.insert(), rows)
    finally:
        source.dispose()
        engine.dispose()

    database, report = open_database(pg_empty_url)
    try:
        assert report.upgraded_from == "0001"
        assert report.backup_path is None  # a server is backed up by its administrator
        with database.engine.connect() as connection:
            assert current_revision(connection) == SCHEMA_HEAD
            for table_name, expected_rows in ROWS.items():
                table = Table(table_name, MetaData(), autoload_with=connection)
                stored = {row.id: row._mapping for row in connection.execute(select(table))}
                assert sorted(stored) == sorted(row["id"] for row in expected_rows), table_name
                for expected in expected_rows:
                    actual = {column: stored[expected["id"]][column] for column in expected}
                    assert actual == expected, f"{table_name} id {expected['id']}"
    finally:
        database.dispose()


@pytest.mark.parametrize("revision", REVISIONS)
def test_the_rows_saved_at_every_revision_reach_head_on_postgresql(
    pg_empty_url: URL, revision: str
) -> None:
    """The SQLite fixtures' own INSERTs, run on the server at their revision, then upgraded."""
    engine = make_engine(pg_empty_url)
    try:
        migrate.upgrade(engine, revision)
        with engine.begin() as connection:
            insert_rows(connection, rows_at(revision))
    finally:
        engine.dispose()

    database, report = open_database(pg_empty_url)
    try:
        assert report.upgraded_from == (None if revision == SCHEMA_HEAD else revision)
        assert report.backup_path is None
        with database.engine.connect() as connection:
            assert current_revision(connection) == SCHEMA_HEAD
            assert_rows_are(read_rows(connection), expected_rows(revision))
    finally:
        database.dispose()


def test_a_server_database_from_a_newer_clientcare_is_refused_never_downgraded(
    pg_empty_url: URL,
) -> None:
    open_database(pg_empty_url)[0].dispose()
    engine = make_engine(pg_empty_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()

    with pytest.raises(DatabaseOpenError, match="newer version of ClientCare"):
        open_database(pg_empty_url)

    assert _revision(pg_empty_url) == "9999"


def test_a_server_database_of_another_program_is_refused(pg_empty_url: URL) -> None:
    engine = make_engine(pg_empty_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE recipe (id serial PRIMARY KEY, title text)"))
    engine.dispose()

    with pytest.raises(DatabaseOpenError, match="did not create"):
        open_database(pg_empty_url)


def test_a_wrong_password_is_said_plainly(pg_empty_url: URL) -> None:
    wrong = pg_empty_url.set(password="not-the-password")

    with pytest.raises(ServerPasswordError) as caught:
        open_database(wrong)

    message = str(caught.value)
    assert "refused the password" in message
    assert "not-the-password" not in message
    assert "Traceback" not in message


def test_an_unreachable_server_is_said_plainly(pg_empty_url: URL) -> None:
    nowhere = pg_empty_url.set(port=1)

    with pytest.raises(ServerUnreachableError, match=r"could not reach .*:1 .*try again"):
        open_database(nowhere)


def test_a_missing_database_on_the_server_is_named(pg_empty_url: URL) -> None:
    with pytest.raises(DatabaseOpenError, match="no database called 'no_such_practice'"):
        open_database(pg_empty_url.set(database="no_such_practice"))


def test_a_lost_connection_mid_session_is_recovered_on_the_next_action(
    pg_empty_url: URL, pg_server: Any
) -> None:
    """The server drops every connection (restart, network): the next action reconnects."""
    database, _ = open_database(pg_empty_url)
    try:
        with database.reading() as session:
            assert session.get(PracticeSettings, 1) is not None
        with pg_server._admin.connect() as admin:
            admin.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": pg_empty_url.database},
            )
        with database.reading() as session:  # pool_pre_ping replaces the dead connection
            assert session.get(PracticeSettings, 1) is not None
    finally:
        database.dispose()


def test_copy_from_sqlite_then_open_on_the_server(tmp_path, pg_empty_url: URL) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "practice.sqlite3"
    open_database(source)[0].dispose()

    report = copy_database(source, pg_empty_url)

    assert report.ok
    database, opened = open_database(pg_empty_url)
    database.dispose()
    assert (opened.created, opened.upgraded_from) == (False, None)
