"""Where the practice's data lives: the server's address checked, remembered, never a password."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientcare import config
from clientcare.cli import parse_args
from clientcare.errors import ValidationError
from clientcare.server_choice import (
    FILE_NAME,
    ServerInput,
    forget_database,
    remember_database,
    remembered_database,
    server_input,
    server_url,
)


def problems(data: ServerInput) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        server_url(data)
    return {e.field: e.message for e in caught.value.errors}


def test_a_server_address_becomes_a_url_without_a_password() -> None:
    url = server_url(ServerInput(" db.practice.lan ", "", "clientcare", "amara"))
    assert url == "postgresql+psycopg://amara@db.practice.lan:5432/clientcare"
    assert server_input(url) == ServerInput("db.practice.lan", "5432", "clientcare", "amara")


def test_each_field_says_what_is_wrong_with_it() -> None:
    found = problems(ServerInput("", "abc", "", ""))
    assert set(found) == {"host", "port", "database", "user"}
    assert "server's name or address" in found["host"]
    assert "1 to 65535" in found["port"]
    found = problems(ServerInput("db practice", "70000", "my db", "amara@home"))
    assert "no spaces" in found["host"]
    assert "1 to 65535" in found["port"]
    assert "no spaces" in found["database"] and "no spaces" in found["user"]


def test_the_choice_is_remembered_on_this_computer_without_the_password() -> None:
    assert remembered_database() is None
    remember_database("postgresql+psycopg://amara:secret@db.practice.lan:5432/clientcare")
    stored = (config.data_dir() / FILE_NAME).read_text(encoding="utf-8")
    assert "secret" not in stored
    assert remembered_database() == "postgresql+psycopg://amara@db.practice.lan:5432/clientcare"
    assert oct((config.data_dir() / FILE_NAME).stat().st_mode & 0o777) == "0o600"
    forget_database()
    assert remembered_database() is None


@pytest.mark.parametrize(
    "content", ["{not json", json.dumps(["a list"]), json.dumps({"database": "sqlite:///x.db"})]
)
def test_a_damaged_or_foreign_choice_means_this_computer_s_file(content: str) -> None:
    (config.data_dir() / FILE_NAME).write_text(content, encoding="utf-8")
    assert remembered_database() is None


def test_starting_without_db_opens_the_remembered_server_and_db_or_demo_win() -> None:
    assert parse_args([]).database == str(config.default_database_path())
    remember_database("postgresql+psycopg://amara@db.practice.lan:5432/clientcare")
    assert parse_args([]).database.startswith("postgresql+psycopg://amara@db.practice.lan")
    assert parse_args(["--db", "/tmp/other.sqlite3"]).database == str(Path("/tmp/other.sqlite3"))
    assert parse_args(["--demo"]).database == str(config.demo_database_path())
