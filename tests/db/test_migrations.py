"""Opening, creating and upgrading the database, and what the stored schema enforces.

Every database here is made by the real code (open_database / make_engine), never
by Base.metadata.create_all, so the tests see exactly what a user's file holds.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, Text, func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clientcare.backup import backup_before_upgrade
from clientcare.db import migrate
from clientcare.db.engine import Database, make_engine
from clientcare.db.migrate import MIGRATIONS_DIR, SCHEMA_HEAD, current_revision, open_database
from clientcare.db.models import (
    Base,
    Charge,
    ChargeKind,
    ChargeStatus,
    ChecklistAnswer,
    ChecklistAnswerValue,
    Client,
    ClientFact,
    FeeArrangement,
    Interaction,
    InteractionKind,
    LanguageWord,
    PracticeSettings,
    Principle,
    SlidingScaleTier,
)
from clientcare.defaults import default_principles, default_words
from clientcare.errors import DatabaseOpenError

from .make_fixture import FIXTURE_PATH, FIXTURE_REVISION, ROWS

# SQLite reflection (and so Alembic's comparison) cannot read an index on an expression:
# ix_client_name_order, on lower(full_name). Both say so in a warning and go on; whether the
# migrations build that index, and the client list uses it, is tests/db/test_query_plans.py's.
pytestmark = [
    pytest.mark.filterwarnings(
        "ignore:Skipped unsupported reflection of expression-based index ix_client_name_order"
    ),
    pytest.mark.filterwarnings(
        "ignore:autogenerate skipping metadata-specified expression-based index "
        "'ix_client_name_order'"
    ),
]

REPO_ROOT = Path(__file__).resolve().parents[2]
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")

# Rows keyed by id, column by column, as SQLite itself stores them.
TableSnapshot = dict[int, dict[str, Any]]


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _snapshot(path: Path) -> dict[str, TableSnapshot]:
    """Every row of every application table in the file, keyed by table and id."""
    connection = _read_only(path)
    connection.row_factory = sqlite3.Row
    try:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name <> 'alembic_version'"
            )
        ]
        return {
            name: {row["id"]: dict(row) for row in connection.execute(f'SELECT * FROM "{name}"')}
            for name in names
        }
    finally:
        connection.close()


def _table_counts(path: Path) -> dict[str, int]:
    return {name: len(rows) for name, rows in _snapshot(path).items()}


def _stored_revision(path: Path) -> str | None:
    connection = _read_only(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _count(database: Database, model: type[Base]) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _make_foreign_sqlite(path: Path) -> None:
    """A SQLite database some other program made: a table, no alembic_version."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
        connection.execute("INSERT INTO recipe (title) VALUES ('Bread')")
        connection.commit()
    finally:
        connection.close()
    os.chmod(path, 0o644)


# --------------------------------------------------------------------------
# A new database
# --------------------------------------------------------------------------


def test_fresh_database_gets_every_table_the_head_revision_and_the_defaults(
    tmp_path: Path,
) -> None:
    database, report = open_database(tmp_path / "x.sqlite3")
    try:
        assert report.created is True
        assert report.upgraded_from is None
        assert report.backup_path is None
        with database.engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            assert tables == set(Base.metadata.tables) | {"alembic_version"}
            assert current_revision(connection) == SCHEMA_HEAD
        with database.reading() as session:
            settings = session.scalars(select(PracticeSettings)).all()
            assert [(s.id, s.lateness_threshold_minutes) for s in settings] == [(1, 10)]
            principles = session.scalars(select(Principle).order_by(Principle.number)).all()
            assert [p.number for p in principles] == list(range(1, 15))
            assert [p.text for p in principles] == [p["text"] for p in default_principles()]
            stored_words = {
                (w.word_list, w.word, w.suggestion) for w in session.scalars(select(LanguageWord))
            }
        shipped_words = {
            (word_list, word, suggestion)
            for word_list, words in default_words().items()
            for word, suggestion in words
        }
        assert shipped_words, "the shipped word lists are empty"
        assert stored_words == shipped_words
    finally:
        database.dispose()


def test_reopening_a_current_database_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    open_database(path)[0].dispose()
    before = _snapshot(path)

    database, report = open_database(path)
    database.dispose()

    assert (report.created, report.upgraded_from, report.backup_path) == (False, None, None)
    assert _snapshot(path) == before
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_schema_head_is_the_head_of_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_heads() == [SCHEMA_HEAD], "one head, and SCHEMA_HEAD names it"


# --------------------------------------------------------------------------
# The models and the migrations describe the same schema
# --------------------------------------------------------------------------


def _schema_differences(path: Path, metadata: MetaData) -> list[Any]:
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def _copy_of_models_metadata() -> MetaData:
    copy = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.sorted_tables:
        table.to_metadata(copy)
    return copy


@pytest.fixture
def migrated_path(tmp_path: Path) -> Path:
    path = tmp_path / "migrated.sqlite3"
    open_database(path, seed=False)[0].dispose()
    return path


def test_migrations_build_exactly_the_schema_of_the_models(migrated_path: Path) -> None:
    differences = _schema_differences(migrated_path, Base.metadata)
    assert differences == [], (
        "The models and the migrations disagree; write a revision (make revision m=...):\n"
        + "\n".join(map(repr, differences))
    )


def test_schema_comparison_notices_an_added_column(migrated_path: Path) -> None:
    metadata = _copy_of_models_metadata()
    metadata.tables["client"].append_column(Column("extra", Integer))

    differences = _schema_differences(migrated_path, metadata)

    assert [(d[0], d[2], d[3].name) for d in differences] == [("add_column", "client", "extra")]


def test_schema_comparison_notices_a_changed_column_type(migrated_path: Path) -> None:
    metadata = _copy_of_models_metadata()
    metadata.tables["client"].c.full_name.type = Text()  # VARCHAR(200) in the migration

    differences = _schema_differences(migrated_path, metadata)

    assert len(differences) == 1, differences
    [(operation, _schema, table_name, column_name, *_details)] = differences[0]
    assert (operation, table_name, column_name) == ("modify_type", "client", "full_name")


# --------------------------------------------------------------------------
# Upgrading a database saved at an earlier revision keeps every row
# --------------------------------------------------------------------------


def test_fixture_is_a_single_file_at_its_revision() -> None:
    assert FIXTURE_PATH.is_file(), f"missing {FIXTURE_PATH}: run tests/db/make_fixture.py"
    assert _stored_revision(FIXTURE_PATH) == FIXTURE_REVISION
    header = FIXTURE_PATH.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01", "saved in WAL mode; it must be journal_mode=DELETE"
    assert not Path(f"{FIXTURE_PATH}-wal").exists()
    assert not Path(f"{FIXTURE_PATH}-shm").exists()


def test_upgrading_the_saved_database_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "clientcare.sqlite3"
    shutil.copyfile(FIXTURE_PATH, path)
    before = _snapshot(path)

    database, report = open_database(path)
    try:
        assert report.created is False
        if SCHEMA_HEAD == FIXTURE_REVISION:
            assert (report.upgraded_from, report.backup_path) == (None, None)
        else:
            assert report.upgraded_from == FIXTURE_REVISION
            assert report.backup_path is not None
            assert _snapshot(report.backup_path) == before
        with database.engine.connect() as connection:
            assert current_revision(connection) == SCHEMA_HEAD
            for table_name, expected_rows in ROWS.items():
                # Reflected, not the models: read the file as it is, typed by its own schema.
                table = Table(table_name, MetaData(), autoload_with=connection)
                stored = {row.id: row._mapping for row in connection.execute(select(table))}
                assert sorted(stored) == sorted(row["id"] for row in expected_rows), table_name
                for expected in expected_rows:
                    actual = {column: stored[expected["id"]][column] for column in expected}
                    assert actual == expected, f"{table_name} id {expected['id']}"
    finally:
        database.dispose()

    after = _snapshot(path)
    # Every row of every table (the seeded principles and words too) is still there; a
    # column a later revision adds is new, and a value a revision rewrites on purpose
    # belongs in an explicit exception here.
    for table_name, rows in before.items():
        assert table_name in after, f"table {table_name} disappeared"
        assert sorted(after[table_name]) == sorted(rows), f"rows lost or added in {table_name}"
        for row_id, old in rows.items():
            new = after[table_name][row_id]
            shared = old.keys() & new.keys()
            assert {c: new[c] for c in shared} == {c: old[c] for c in shared}, (
                f"{table_name} id {row_id}"
            )


def test_an_older_revision_is_backed_up_then_upgraded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path a real upgrade takes: backup first, then the upgrade, reported to the caller.

    The stored revision is made to look old by moving SCHEMA_HEAD; the upgrade itself
    then runs Alembic to head, a no-op while 0001 is the head.
    """
    path = tmp_path / "clientcare.sqlite3"
    shutil.copyfile(FIXTURE_PATH, path)
    open_database(path)[0].dispose()  # at head now (a no-op while the head is 0001)
    before = _snapshot(path)
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "0000-pretend-newer-head")

    database, report = open_database(path)
    database.dispose()

    assert report.created is False
    assert report.upgraded_from == SCHEMA_HEAD
    assert report.backup_path is not None
    assert report.backup_path.parent == tmp_path / "backups"
    assert _snapshot(report.backup_path) == before
    assert _snapshot(path) == before


# --------------------------------------------------------------------------
# The backup taken before an upgrade
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "folder",
    [
        "plain",
        "with space and ünïcödé",
        "hash#folder",
        "question?folder",
        "percent%41folder",
    ],
)
def test_backup_before_upgrade_is_a_complete_private_single_file(
    tmp_path: Path, folder: str
) -> None:
    path = tmp_path / folder / "clientcare.sqlite3"
    database, _report = open_database(path)
    try:
        # Left in the WAL (the engine keeps its connection): the backup must include it.
        with database.unit_of_work() as session:
            session.add(Client(full_name="Zoë Ñúñez", preferred_name="Zoë"))
        expected_counts = _table_counts(path)
        assert expected_counts["client"] == 1

        backup = backup_before_upgrade(path, "0001")
    finally:
        database.dispose()

    backups = path.parent / "backups"
    assert backup.parent == backups
    assert backup.name.startswith("clientcare-before-upgrade-from-0001-")
    stamp = backup.name.removeprefix("clientcare-before-upgrade-from-0001-").removesuffix(
        ".sqlite3"
    )
    dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S")  # raises if the name has no timestamp
    assert sorted(p.name for p in backups.iterdir()) == [backup.name], "no .partial- leftovers"
    assert _table_counts(backup) == expected_counts
    assert _stored_revision(backup) == SCHEMA_HEAD
    assert backup.read_bytes()[18:20] == b"\x01\x01", "a backup is not in WAL mode"
    if os.name == "posix":
        assert _mode(backup) == 0o600
        assert _mode(backups) == 0o700
    # Nothing else appeared beside the database (the stray file of a misread path).
    assert {p.name for p in tmp_path.iterdir()} == {folder}


def test_failed_backup_leaves_no_partial_file(tmp_path: Path) -> None:
    missing = tmp_path / "gone.sqlite3"
    with pytest.raises(sqlite3.Error):
        backup_before_upgrade(missing, "0001")
    assert list((tmp_path / "backups").iterdir()) == []
    assert not missing.exists()


# --------------------------------------------------------------------------
# Files ClientCare must refuse
# --------------------------------------------------------------------------


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "recipes.sqlite3"
    _make_foreign_sqlite(path)

    with pytest.raises(DatabaseOpenError, match="did not create"):
        open_database(path)

    connection = _read_only(path)
    try:
        assert connection.execute("SELECT title FROM recipe").fetchall() == [("Bread",)]
    finally:
        connection.close()


def test_a_refused_foreign_database_is_left_byte_for_byte_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "recipes.sqlite3"
    _make_foreign_sqlite(path)
    before = path.read_bytes()

    with pytest.raises(DatabaseOpenError):
        open_database(path)

    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recipes.sqlite3"]


@POSIX_ONLY
def test_a_refused_foreign_database_keeps_its_permissions(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    path = folder / "recipes.sqlite3"
    _make_foreign_sqlite(path)

    with pytest.raises(DatabaseOpenError):
        open_database(path)

    assert (_mode(path), _mode(folder)) == (0o644, 0o755)


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "clientcare.sqlite3"
    open_database(path)[0].dispose()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = _snapshot(path)

    with pytest.raises(DatabaseOpenError, match="newer version"):
        open_database(path)

    assert _stored_revision(path) == "9999"
    assert _snapshot(path) == before
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    content = bytes(range(256)) * 64  # not an SQLite header, deterministically
    path.write_bytes(content)

    with pytest.raises(DatabaseOpenError, match="not a database ClientCare can open"):
        open_database(path)

    assert path.read_bytes() == content


# --------------------------------------------------------------------------
# Opening a current database is cheap
# --------------------------------------------------------------------------

_OPEN_AND_REPORT = """
import json, sys
from clientcare.db.migrate import open_database
database, report = open_database(sys.argv[1])
database.dispose()
print(json.dumps({"created": report.created, "alembic": "alembic" in sys.modules}))
"""


def _open_in_fresh_interpreter(path: Path) -> dict[str, bool]:
    result = subprocess.run(
        [sys.executable, "-c", _OPEN_AND_REPORT, str(path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "clientcare.sqlite3"
    open_database(path)[0].dispose()

    assert _open_in_fresh_interpreter(path) == {"created": False, "alembic": False}


def test_creating_a_database_does_import_alembic(tmp_path: Path) -> None:
    """The control for the test above: the probe does see alembic when it is used."""
    assert _open_in_fresh_interpreter(tmp_path / "new.sqlite3") == {
        "created": True,
        "alembic": True,
    }


# --------------------------------------------------------------------------
# SQLite connection settings and file permissions
# --------------------------------------------------------------------------


def test_connections_have_foreign_keys_wal_and_full_sync(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "p.sqlite3")
    try:
        with engine.connect() as connection:

            def pragma(name: str) -> Any:
                return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

            assert pragma("foreign_keys") == 1
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("busy_timeout") == 5000
            assert pragma("cache_size") == -32 * 1024  # 32 MiB of pages, taken as read
    finally:
        engine.dispose()


@POSIX_ONLY
def test_database_file_and_folder_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "new-folder"
    path = folder / "clientcare.sqlite3"

    database, _report = open_database(path)
    database.dispose()

    assert _mode(folder) == 0o700
    assert _mode(path) == 0o600


# --------------------------------------------------------------------------
# Constraints the database itself enforces
# --------------------------------------------------------------------------


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    """A client, a sliding-scale tier and an interaction to hang the bad rows on."""
    with db.unit_of_work() as session:
        client = Client(full_name="Zoë Ñúñez", preferred_name="Zoë")
        tier = SlidingScaleTier(name="Reduced", fee_minor=4000)
        session.add_all([client, tier])
        session.flush()
        interaction = Interaction(
            client_id=client.id,
            kind=InteractionKind.SESSION,
            occurred_at=dt.datetime(2026, 2, 3, 14, 0),
        )
        session.add(interaction)
        session.flush()
        principle_id = session.scalar(select(Principle.id).where(Principle.number == 1))
        assert principle_id is not None
        return {
            "client": client.id,
            "tier": tier.id,
            "interaction": interaction.id,
            "principle": principle_id,
        }


def _negative_charge(session: Session, ids: dict[str, int]) -> None:
    session.add(
        Charge(
            currency="GBP",
            client_id=ids["client"],
            kind=ChargeKind.SESSION,
            amount_minor=-1,
            charged_on=dt.date(2026, 2, 3),
        )
    )


def _unknown_client_status(session: Session, ids: dict[str, int]) -> None:
    # Raw SQL: the ORM would refuse the value before the database sees it.
    session.execute(
        text(
            "INSERT INTO client (full_name, preferred_name, pronunciation, pronouns, email, "
            "phone, address, notes, status, status_changed_on, checkin_consent, search_key, "
            "created_at, updated_at) VALUES ('Ann Other', 'Ann', '', '', '', '', '', '', "
            "'archived', '2026-01-01', 'not_asked', '', '2026-01-01 00:00:00', "
            "'2026-01-01 00:00:00')"
        )
    )


def _waived_charge_without_reason(session: Session, ids: dict[str, int]) -> None:
    session.add(
        Charge(
            currency="GBP",
            client_id=ids["client"],
            kind=ChargeKind.LATE_CANCEL,
            amount_minor=4000,
            charged_on=dt.date(2026, 2, 3),
            status=ChargeStatus.WAIVED,
            waived_reason="",
        )
    )


def _tier_and_custom_fee(session: Session, ids: dict[str, int]) -> None:
    session.add(
        FeeArrangement(
            client_id=ids["client"],
            effective_from=dt.date(2026, 2, 1),
            tier_id=ids["tier"],
            custom_fee_minor=5000,
        )
    )


def _not_applicable_without_reason(session: Session, ids: dict[str, int]) -> None:
    session.add(
        ChecklistAnswer(
            interaction_id=ids["interaction"],
            principle_id=ids["principle"],
            answer=ChecklistAnswerValue.NOT_APPLICABLE,
            reason="",
        )
    )


def _second_practice_settings(session: Session, ids: dict[str, int]) -> None:
    session.add(PracticeSettings(id=2))


def _fact_for_missing_client(session: Session, ids: dict[str, int]) -> None:
    session.add(ClientFact(client_id=ids["client"] + 1000, noted_on=dt.date.today(), text="x"))


@pytest.mark.parametrize(
    ("write", "model", "refusal"),
    [
        (_negative_charge, Charge, "ck_charge_amount_non_negative"),
        (_unknown_client_status, Client, "ck_client_client_status"),
        (_waived_charge_without_reason, Charge, "ck_charge_waiver_has_reason"),
        (_tier_and_custom_fee, FeeArrangement, "ck_fee_arrangement_tier_or_custom_fee"),
        (
            _not_applicable_without_reason,
            ChecklistAnswer,
            "ck_checklist_answer_not_applicable_has_reason",
        ),
        (_second_practice_settings, PracticeSettings, "ck_practice_settings_single_row"),
        (
            _fact_for_missing_client,
            ClientFact,
            "FOREIGN KEY constraint failed|violates foreign key constraint",
        ),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_database_refuses_invalid_rows(
    db: Database,
    people: dict[str, int],
    write: Callable[[Session, dict[str, int]], None],
    model: type[Base],
    refusal: str,
) -> None:
    count_before = _count(db, model)

    with pytest.raises(IntegrityError, match=refusal), db.unit_of_work() as session:
        write(session, people)

    assert _count(db, model) == count_before


def test_a_failed_unit_of_work_stores_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError, match="changed my mind"), db.unit_of_work() as session:
        session.add(Client(full_name="Zoë Ñúñez", preferred_name="Zoë"))
        session.flush()  # the row is written inside the transaction ...
        raise RuntimeError("changed my mind")

    assert _count(db, Client) == 0  # ... and rolled back with it
