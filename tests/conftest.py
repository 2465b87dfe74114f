"""Shared fixtures: offscreen Qt, and a fresh migrated database per test."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: no screen here, and none in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from clientcare.db.engine import Database
from clientcare.db.migrate import open_database


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
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, migrated database with the shipped defaults (WAL, foreign keys on)."""
    database, _report = open_database(db_path)
    yield database
    database.dispose()
