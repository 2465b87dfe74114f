"""Bringing a database to the schema this version of ClientCare expects.

Alembic is imported only when an upgrade is actually needed, so opening a
current database costs one small query and no import.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import URL

from clientcare.backup import backup_before_upgrade, read_only_uri
from clientcare.db.engine import (
    Database,
    database_url,
    describe_url,
    is_postgresql,
    make_engine,
    sqlite_path,
)
from clientcare.encryption import DATABASE_ERRORS, Passphrase, require_passphrase
from clientcare.encryption import connect as keyed_connect
from clientcare.errors import DatabaseOpenError

if TYPE_CHECKING:
    from alembic.config import Config

#: The newest revision in migrations/versions; a test keeps the two in step.
SCHEMA_HEAD = "0012"

#: The advisory lock (PostgreSQL) held while the schema is upgraded.
UPGRADE_LOCK_KEY = 0x436C6943  # "CliC"

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent.parent / "migrations"


@dataclass(frozen=True)
class OpenReport:
    """What opening the database did: created it, upgraded it (and where the backup is)."""

    created: bool
    upgraded_from: str | None
    backup_path: Path | None


def current_revision(connection: Connection) -> str | None:
    """The schema revision stored in the database, or None for an unversioned one."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _has_tables(connection: Connection) -> bool:
    return bool(inspect(connection).get_table_names())


def _alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    config = _alembic_config_for_scripts()
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def _alembic_config_for_scripts() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic upgrade in one transaction (atomic on SQLite and PostgreSQL).

    On SQLite, foreign keys are switched off around it (a batch migration
    recreates tables, and dropping a parent with foreign keys on would cascade),
    and ``foreign_key_check`` must come back empty before the commit.
    """
    from alembic import command

    is_sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None  # a connection checked out of the pool has its driver's
        if is_sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or it is ignored
        try:
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    # Two practitioners starting a newer ClientCare at once: the second
                    # waits here, then finds the schema current and does nothing.
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK_KEY}
                    )
                command.upgrade(_alembic_config(connection), revision)
                if is_sqlite:
                    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise DatabaseOpenError(
                            f"The upgrade would leave {len(problems)} broken references; "
                            "nothing was changed."
                        )
        finally:
            if is_sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def open_database(
    target: str | os.PathLike[str] | URL,
    *,
    seed: bool = True,
    passphrase: Passphrase | None = None,
) -> tuple[Database, OpenReport]:
    """Open (creating or upgrading as needed) the database at ``target``.

    A new database gets the schema and the default principles and word lists. An
    older one is copied to a timestamped backup, then upgraded (a SQLite file; a
    PostgreSQL database is upgraded in one transaction, and backing up the server is the
    server's administrator's job). A database from a newer ClientCare is refused, never
    downgraded. Raises
    DatabaseOpenError with a message for a person when it cannot be used.

    An encrypted (SQLCipher) file needs its ``passphrase``: without it PassphraseRequired,
    with another one WrongPassphrase (both DatabaseOpenError). A new file is created
    encrypted when a passphrase is given; for a plain file it is not used.
    """
    url = target if isinstance(target, URL) else database_url(target)
    path = sqlite_path(url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        passphrase = require_passphrase(path, passphrase)
        _refuse_foreign_sqlite(path, passphrase)
    engine = make_engine(url, passphrase)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            has_tables = _has_tables(connection)
    except Exception as exc:
        engine.dispose()
        raise connection_error(url, exc) from exc
    report = OpenReport(created=False, upgraded_from=None, backup_path=None)
    if revision != SCHEMA_HEAD:
        report = _bring_up_to_date(engine, revision, has_tables, passphrase)
    database = Database(engine, passphrase)
    if seed:
        _ensure_defaults(database, fresh=report.created)
    database.changed_elsewhere()  # what the screens about to be built will show
    return database, report


class ServerPasswordError(DatabaseOpenError):
    """The PostgreSQL server wants a password and the one given (or none) was refused."""


class ServerUnreachableError(DatabaseOpenError):
    """The PostgreSQL server did not answer (down, wrong host or port, no network)."""


def connection_error(url: URL, exc: BaseException) -> DatabaseOpenError:
    """A message for a person for a failed connection: no traceback, never the password."""
    where = describe_url(url)
    if not is_postgresql(url):
        return DatabaseOpenError(f"ClientCare could not open the database at {where}: {exc}")
    detail = str(getattr(exc, "orig", None) or exc).strip()
    lowered = detail.lower()
    server = f"{url.host or 'localhost'}:{url.port or 5432}"
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return ServerPasswordError(
            f"The PostgreSQL server at {server} refused the password for user "
            f"{url.username or '(your login name)'}. Check the password (in ~/.pgpass, "
            "PGPASSWORD, or as typed) and try again. Nothing was changed."
        )
    if "does not exist" in lowered and "database" in lowered:
        return DatabaseOpenError(
            f"The PostgreSQL server at {server} has no database called {url.database!r}. "
            "Ask the server's administrator to create it (empty; ClientCare makes the tables)."
        )
    if "permission denied" in lowered or "not permitted" in lowered:
        return DatabaseOpenError(
            f"The PostgreSQL server at {server} does not let {url.username or 'you'} use "
            f"{url.database!r} ({detail.splitlines()[0]}). Ask the server's administrator."
        )
    reason = detail.splitlines()[0].removeprefix("connection failed: ") if detail else "no answer"
    return ServerUnreachableError(
        f"ClientCare could not reach the PostgreSQL server at {server} ({reason}). "
        "Check that the server is "
        "running and the network is up, then try again. Nothing was changed."
    )


def _ensure_defaults(database: Database, *, fresh: bool) -> None:
    """Seed the shipped defaults into a new database, or one a crash left without them."""
    from clientcare.db.models import PracticeSettings

    if not fresh:
        with database.reading() as session:
            if session.get(PracticeSettings, 1) is not None:
                return
    from clientcare.defaults import seed_defaults

    with database.unit_of_work() as session:
        seed_defaults(session)


def _refuse_foreign_sqlite(path: Path, passphrase: Passphrase | None = None) -> None:
    """Look at an existing file read-only, before anything (WAL, permissions) touches it."""
    try:
        if passphrase is None:
            connection = sqlite3.connect(read_only_uri(path), uri=True)
        else:
            connection = keyed_connect(path, passphrase, read_only=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            connection.close()
    except DATABASE_ERRORS as exc:
        raise DatabaseOpenError(
            f"{path} is not a database ClientCare can open ({exc}). It was left untouched."
        ) from exc
    if tables and "alembic_version" not in tables:
        raise DatabaseOpenError(FOREIGN_DATABASE)


FOREIGN_DATABASE = (
    "This file holds a database that ClientCare did not create, so it was left untouched. "
    "Choose a ClientCare database or a new file name."
)


def _bring_up_to_date(
    engine: Engine, revision: str | None, has_tables: bool, passphrase: Passphrase | None = None
) -> OpenReport:
    if revision is None and has_tables:
        engine.dispose()
        raise DatabaseOpenError(FOREIGN_DATABASE)
    if revision is not None and revision not in known_revisions():
        engine.dispose()
        raise DatabaseOpenError(
            f"This database was made by a newer version of ClientCare (schema {revision}). "
            "Please install the newer version to open it; nothing was changed."
        )
    backup_path = None
    path = sqlite_path(engine.url)
    try:
        if revision is not None and path is not None:
            backup_path = backup_before_upgrade(path, revision, passphrase)
        upgrade(engine)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        kept = f" A copy from before the attempt is at {backup_path}." if backup_path else ""
        raise DatabaseOpenError(
            f"ClientCare could not upgrade the database ({exc}). The upgrade was rolled back, "
            f"so the database is as it was.{kept}"
        ) from exc
    return OpenReport(created=revision is None, upgraded_from=revision, backup_path=backup_path)
