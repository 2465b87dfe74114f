"""Shared fixtures: offscreen Qt, and a fresh migrated database per test.

The domain, database and hostile-input tests that use ``db`` run on SQLite, and also on
PostgreSQL when ``CLIENTCARE_TEST_PG`` holds a server URL (``make test-pg`` starts a
throwaway server and sets it). The role in the URL must be allowed to create databases:
each test gets its own, copied from a template migrated once per session. A test that
only makes sense on SQLite (files, WAL, file backups, query plans) is marked
``@pytest.mark.sqlite_only("why")`` and runs on SQLite only.
"""

from __future__ import annotations

import inspect
import itertools
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: no screen here, and none in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from clientcare.db.engine import Database, database_url
from clientcare.db.migrate import open_database

#: The PostgreSQL server the tests may use, or None (SQLite only).
PG_URL: URL | None = (
    database_url(os.environ["CLIENTCARE_TEST_PG"]) if os.environ.get("CLIENTCARE_TEST_PG") else None
)
BACKENDS = ("sqlite", "postgresql") if PG_URL is not None else ("sqlite",)
#: Folders whose tests run on every backend (the UI tests stay on SQLite).
_BOTH_BACKENDS = ("unit", "db", "hostile")
_TESTS_DIR = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): the test is about SQLite itself; not run on PostgreSQL"
    )
    config.addinivalue_line("markers", "postgresql: needs the PostgreSQL test server")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    explicit = "backend" in inspect.signature(metafunc.function).parameters
    path = Path(str(metafunc.definition.path)).resolve()
    folder = path.relative_to(_TESTS_DIR).parts[0] if path.is_relative_to(_TESTS_DIR) else ""
    if not explicit and folder not in _BOTH_BACKENDS:
        return
    backends = list(BACKENDS)
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        backends = ["sqlite"]
    metafunc.parametrize("backend", backends, indirect=True, scope="function")


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend of this test run: "sqlite" (default) or "postgresql"."""
    return getattr(request, "param", "sqlite")


# --------------------------------------------------------------------------
# The PostgreSQL test server
# --------------------------------------------------------------------------

_names = itertools.count(1)


class PgServer:
    """Creates and drops whole databases on the test server (one per test)."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.prefix = f"cc_test_{os.getpid()}"
        self._admin = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.template: str | None = None

    def url_for(self, name: str) -> URL:
        return self.url.set(database=name)

    def create(self, *, template: str | None = None) -> URL:
        name = f"{self.prefix}_{next(_names)}"
        with self._admin.connect() as connection:
            suffix = f' TEMPLATE "{template}"' if template else ""
            connection.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
        return self.url_for(name)

    def drop(self, url: URL) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))

    def migrated(self) -> URL:
        """A fresh database at the head schema with the defaults (a copy of the template)."""
        if self.template is None:
            url = self.create()
            database, _report = open_database(url)
            database.dispose()
            self.template = url.database
        return self.create(template=self.template)

    def close(self) -> None:
        if self.template is not None:
            self.drop(self.url_for(self.template))
        self._admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if PG_URL is None:
        pytest.skip("no PostgreSQL test server (set CLIENTCARE_TEST_PG or run make test-pg)")
    server = PgServer(PG_URL)
    yield server
    server.close()


@pytest.fixture
def pg_empty_url(pg_server: PgServer) -> Iterator[URL]:
    """An empty database on the test server, dropped afterwards."""
    url = pg_server.create()
    yield url
    pg_server.drop(url)


# --------------------------------------------------------------------------
# SQLite, and the db fixture on either backend
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated by the real migration code, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database, _report = open_database(path)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user data folder or the user's Qt settings from a test."""
    monkeypatch.setenv("CLIENTCARE_DATA_DIR", str(tmp_path / "data"))
    if "PySide6.QtCore" not in sys.modules:
        return  # a domain test: keep Qt out of it entirely
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings")
    )


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "clientcare.sqlite3"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture
def db(backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh, migrated database with the shipped defaults.

    SQLite: a file (WAL, foreign keys on). PostgreSQL: a new database on the test server.
    """
    if backend == "postgresql":
        server: PgServer = request.getfixturevalue("pg_server")
        url = server.migrated()
        database, _report = open_database(url)
        yield database
        database.dispose()
        server.drop(url)
        return
    database, _report = open_database(request.getfixturevalue("db_path"))
    yield database
    database.dispose()
