"""Build tests/db/fixtures/schema_0001.sqlite3: a database saved at schema 0001, with data.

Run it from a checkout whose newest schema revision is 0001 (the script refuses
otherwise, because a later checkout would build a later schema):

    .venv/bin/python tests/db/make_fixture.py

The rows below are the record of what the fixture holds; tests/db/test_migrations.py
imports them and checks that every one survives the upgrade to head, field for field.
Values are plain Python (strings for enumerations), so they do not depend on the
model classes of whatever version runs the test.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

FIXTURE_REVISION = "0001"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
FIXTURE_PATH = FIXTURES_DIR / f"schema_{FIXTURE_REVISION}.sqlite3"

PRACTITIONER: dict[str, Any] = {
    "id": 1,
    "full_name": "Dr Amara Okafor",
    "email": "amara@example.org",
    "phone": "+44 20 7946 0000",
    "is_current_user": True,
    "active": True,
    "created_at": dt.datetime(2026, 1, 5, 9, 30, 15, 123456),
}

CLIENTS: list[dict[str, Any]] = [
    {
        "id": 1,
        "full_name": "Zoë Ñúñez",
        "preferred_name": "Zoë",
        "pronunciation": "ZOH-eh NOON-yes",
        "pronouns": "she/her",
        "email": "zoe.nunez@example.org",
        "phone": "+34 600 000 001",
        "address": "Calle Mayor 1\n28013 Madrid",
        "notes": "First contact by e-mail.",
        "status": "active",
        "status_changed_on": dt.date(2026, 1, 6),
        "checkin_consent": "given",
        "checkin_channel": "email",
        "checkin_interval_days": 30,
        "checkin_snoozed_until": dt.date(2026, 3, 1),
        "primary_practitioner_id": 1,
        "search_key": "zoe nunez zoe",
        "created_at": dt.datetime(2026, 1, 6, 10, 0, 0, 1),
        "updated_at": dt.datetime(2026, 1, 20, 16, 45, 30, 999999),
    },
    {
        "id": 2,
        "full_name": "李小龙",
        "preferred_name": "小龙",
        "pronunciation": "Lǐ Xiǎolóng",
        "pronouns": "",
        "email": "",
        "phone": "+86 10 0000 0000",
        "address": "",
        "notes": "",
        "status": "prospect",
        "status_changed_on": dt.date(2026, 1, 7),
        "checkin_consent": "not_asked",
        "checkin_channel": None,
        "checkin_interval_days": None,
        "checkin_snoozed_until": None,
        "primary_practitioner_id": None,
        "search_key": "李小龙 小龙",
        "created_at": dt.datetime(2026, 1, 7, 8, 15),
        "updated_at": dt.datetime(2026, 1, 7, 8, 15),
    },
    {
        "id": 3,
        "full_name": "Mary-Kate O'Brien",
        "preferred_name": "MK",
        "pronunciation": "",
        "pronouns": "they/them",
        "email": "mk@example.org",
        "phone": "",
        "address": "1 Quay St; Galway",
        "notes": 'Said "not on Fridays".',
        "status": "paused",
        "status_changed_on": dt.date(2026, 2, 1),
        "checkin_consent": "declined",
        "checkin_channel": "sms",
        "checkin_interval_days": None,
        "checkin_snoozed_until": None,
        "primary_practitioner_id": 1,
        "search_key": "mary-kate o'brien mk",
        "created_at": dt.datetime(2026, 1, 8, 12, 0),
        "updated_at": dt.datetime(2026, 2, 1, 9, 0),
    },
]

CLIENT_FACTS: list[dict[str, Any]] = [
    {
        "id": 1,
        "client_id": 1,
        "noted_on": dt.date(2026, 1, 6),
        "text": "Zoë, with the diaeresis; she minds when it is dropped.",
        "created_at": dt.datetime(2026, 1, 6, 10, 5),
    },
    {
        "id": 2,
        "client_id": 2,
        "noted_on": dt.date(2026, 1, 7),
        "text": "说普通话 at home; prefers tea to coffee.",
        "created_at": dt.datetime(2026, 1, 7, 8, 20),
    },
]

APPOINTMENTS: list[dict[str, Any]] = [
    {
        "id": 1,
        "client_id": 1,
        "practitioner_id": 1,
        "service_id": None,
        "series_id": None,
        "start": dt.datetime(2026, 2, 3, 14, 0),
        "duration_minutes": 50,
        "mode": "video",
        "location": "Video link in the invitation",
        "status": "completed",
        "rescheduled_to_id": None,
        "client_arrived_at": dt.datetime(2026, 2, 3, 13, 58, 30),
        "notes": "",
        "created_at": dt.datetime(2026, 1, 20, 16, 40),
        "updated_at": dt.datetime(2026, 2, 3, 14, 55),
    },
]

CHARGES: list[dict[str, Any]] = [
    {
        "id": 1,
        "client_id": 1,
        "appointment_id": 1,
        "kind": "session",
        "description": "Session 3 February",
        "amount_minor": 8500,
        "charged_on": dt.date(2026, 2, 3),
        "status": "due",
        "waived_reason": "",
        "created_at": dt.datetime(2026, 2, 3, 14, 56),
    },
]

PAYMENTS: list[dict[str, Any]] = [
    {
        "id": 1,
        "client_id": 1,
        "kind": "payment",
        "method": "card",
        "amount_minor": 8500,
        "paid_on": dt.date(2026, 2, 4),
        "reference": "POS-0042",
        "note": "Paid in full",
        "created_at": dt.datetime(2026, 2, 4, 9, 12),
    },
]

#: Every row the script inserts, by table, in an order that respects foreign keys.
ROWS: dict[str, list[dict[str, Any]]] = {
    "practitioner": [PRACTITIONER],
    "client": CLIENTS,
    "client_fact": CLIENT_FACTS,
    "appointment": APPOINTMENTS,
    "charge": CHARGES,
    "payment": PAYMENTS,
}


def build(path: Path) -> None:
    """Create the database at ``path`` (which must not exist) with the shipped defaults and ROWS.

    The file is left in journal_mode=DELETE: one self-contained file, no -wal beside it.
    Raises SystemExit when this checkout's schema head is not FIXTURE_REVISION.
    """
    from sqlalchemy import insert

    from clientcare.db.migrate import SCHEMA_HEAD, open_database
    from clientcare.db.models import Base

    if SCHEMA_HEAD != FIXTURE_REVISION:
        raise SystemExit(
            f"This checkout's schema head is {SCHEMA_HEAD}, not {FIXTURE_REVISION}: the fixture "
            f"for {FIXTURE_REVISION} must be built from a checkout at that revision."
        )
    if path.exists():
        raise FileExistsError(path)
    database, report = open_database(path)
    try:
        assert report.created, report
        with database.engine.begin() as connection:
            for table_name, rows in ROWS.items():
                connection.execute(insert(Base.metadata.tables[table_name]), rows)
    finally:
        database.dispose()
    save_as_single_file(path)


def save_as_single_file(path: Path, page_size: int | None = None) -> None:
    """Leave the closed database at ``path`` in journal_mode=DELETE, vacuumed, alone.

    One self-contained file, no -wal beside it: copying its bytes is a faithful copy.
    ``page_size`` (bytes, 512 the smallest) is set by the VACUUM when given.
    """
    connection = sqlite3.connect(path)
    try:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if mode != "delete":
            raise RuntimeError(f"could not leave WAL mode (journal_mode={mode})")
        if page_size is not None:
            connection.execute(f"PRAGMA page_size={int(page_size)}")
        connection.execute("VACUUM")
    finally:
        connection.close()
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-")]
    if leftovers:
        raise RuntimeError(f"files left beside the fixture: {leftovers}")


def main() -> int:
    """Rebuild FIXTURE_PATH: built in a private temporary folder, then copied into place."""
    with tempfile.TemporaryDirectory() as workdir:
        built = Path(workdir) / FIXTURE_PATH.name
        build(built)
        FIXTURES_DIR.mkdir(parents=True, exist_ok=True)
        # A single file in journal_mode=DELETE, closed: copying the bytes is a faithful copy.
        shutil.copyfile(built, FIXTURE_PATH)
    print(f"wrote {FIXTURE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
