"""Where the practice's data lives: this computer's file, or a shared PostgreSQL server.

The choice is this computer's (a file in the user's data folder, ``database.json``), made
in the first-run wizard or in Settings, and used when ClientCare starts without ``--db``.
Only the server's address is kept: host, port, database and user, never a password
(libpq reads ``~/.pgpass`` or ``PGPASSWORD``, or ClientCare asks at start).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from clientcare.config import data_dir
from clientcare.errors import FieldError, ValidationError
from clientcare.files import write_private

FILE_NAME = "database.json"
DEFAULT_PORT = 5432
#: Host names and addresses: letters, digits, dots, hyphens, colons (IPv6), no spaces.
_HOST = re.compile(r"^[A-Za-z0-9._:\-\[\]]{1,253}$")
#: PostgreSQL identifiers as a person types them: no spaces, quotes or slashes.
_NAME = re.compile(r"^[^\s'\"/\\@:?#]{1,63}$")


@dataclass(frozen=True)
class ServerInput:
    """The practice server's address as typed (the port as text: it is checked here)."""

    host: str
    port: str
    database: str
    user: str


def server_url(data: ServerInput) -> str:
    """The ``postgresql+psycopg://user@host:port/database`` URL (never a password).

    Raises ValidationError with a message per field a person can act on.
    """
    errors: list[FieldError] = []
    host = data.host.strip()
    if not host:
        errors.append(
            FieldError("host", "Enter the server's name or address, e.g. db.practice.lan.")
        )
    elif not _HOST.match(host):
        errors.append(
            FieldError("host", "A server name has no spaces or symbols; e.g. db.practice.lan.")
        )
    port_text = data.port.strip() or str(DEFAULT_PORT)
    port = int(port_text) if port_text.isdigit() else 0
    if not 1 <= port <= 65535:
        errors.append(
            FieldError("port", f"The port is a number from 1 to 65535 (usually {DEFAULT_PORT}).")
        )
    for field, label, value in (
        ("database", "the database's name", data.database.strip()),
        ("user", "your user name on the server", data.user.strip()),
    ):
        if not value:
            errors.append(FieldError(field, f"Enter {label}; the server's administrator has it."))
        elif not _NAME.match(value):
            errors.append(
                FieldError(field, f"Check {label}: it has no spaces, quotes, slashes or @.")
            )
    if errors:
        raise ValidationError(errors)
    url = URL.create(
        "postgresql+psycopg",
        username=data.user.strip(),
        host=host,
        port=port,
        database=data.database.strip(),
    )
    return url.render_as_string(hide_password=False)


def server_input(url: str) -> ServerInput:
    """A remembered server URL back into the form's fields (empty fields if unreadable)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return ServerInput("", str(DEFAULT_PORT), "", "")
    return ServerInput(
        parsed.host or "",
        str(parsed.port or DEFAULT_PORT),
        parsed.database or "",
        parsed.username or "",
    )


def remembered_database() -> str | None:
    """The server this computer opens by default, or None: the file in the data folder."""
    try:
        data = json.loads((data_dir() / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("database") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.startswith("postgresql"):
        return None
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    return _without_password(parsed)


def remember_database(url: str | None) -> None:
    """Open ``url`` (a server) by default from now on; None: this computer's file again.

    A password in the URL is never written.
    """
    path = data_dir() / FILE_NAME
    if url is None:
        path.unlink(missing_ok=True)
        return
    safe = _without_password(make_url(url))
    write_private(path, json.dumps({"database": safe}, indent=1).encode("utf-8"))


def forget_database() -> None:
    """Start on this computer's database file again (the server is not touched)."""
    remember_database(None)


def _without_password(url: URL) -> str:
    """The URL as text with no password in it (``URL.set`` keeps one when given None)."""
    return url._replace(password=None).render_as_string(hide_password=False)
