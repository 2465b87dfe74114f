"""A shared server: each computer knows who uses it; the database's mark is nobody's.

Two ClientCares on one database stand for two practitioners' computers: each has its
own ``ThisComputer`` store (on a real server each is in that computer's data folder).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from clientcare import audit, clients, practice
from clientcare.clients import ClientInput
from clientcare.concurrency import StaleEdit
from clientcare.db.engine import Database, ThisComputer
from clientcare.db.models import AuditEntry, ClientStatus, Practitioner

TODAY = dt.date(2026, 11, 23)
SERVER = "clientcare@practice-server:5432/practice"


def computer(db: Database, store: Path) -> Database:
    """Another ClientCare on the same database, as on a shared server."""
    other = Database(db.engine)
    other.this_computer = ThisComputer(SERVER, store=store)
    return other


@pytest.fixture
def two(db: Database, tmp_path: Path) -> tuple[Database, Database]:
    return computer(db, tmp_path / "sam.json"), computer(db, tmp_path / "ada.json")


def you(database: Database) -> list[str]:
    with database.reading() as session:
        return [p.full_name for p in practice.list_practitioners(session) if p.is_current_user]


def test_each_computer_has_its_own_you_and_the_database_mark_is_left_alone(
    db: Database, two: tuple[Database, Database], tmp_path: Path
) -> None:
    sams, adas = two
    with sams.unit_of_work() as session:
        sam = practice.add_practitioner(session, "Sam Example", is_current_user=True)
    assert sam.is_current_user
    assert you(sams) == ["Sam Example"]
    assert you(adas) == []  # not someone else's name: nobody, until Ada says
    with adas.unit_of_work() as session:
        ada = practice.add_practitioner(session, "Ada Example")
        practice.set_current_user(session, ada.id)
    assert you(adas) == ["Ada Example"]
    assert you(sams) == ["Sam Example"]
    with db.reading() as session:
        marked = session.scalars(
            select(Practitioner.full_name).where(Practitioner.is_current_user.is_(True))
        ).all()
    assert marked == []  # every computer would have read it as theirs
    # Remembered on the computer: Sam's ClientCare opened again still knows.
    assert ThisComputer(SERVER, store=tmp_path / "sam.json").practitioner_id == sam.id


def test_changes_carry_the_name_of_whoever_made_them(two: tuple[Database, Database]) -> None:
    sams, adas = two
    with sams.unit_of_work() as session:
        practice.add_practitioner(session, "Sam Example", is_current_user=True)
    with adas.unit_of_work() as session:
        practice.add_practitioner(session, "Ada Example", is_current_user=True)
    with sams.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Bea Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        )
    with adas.reading() as session:
        loaded = clients.get_client(session, client.id)
    with sams.unit_of_work() as session:
        clients.update_client(
            session,
            client.id,
            ClientInput(full_name="Bea Example", pronouns="she/her", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
            expected_version=loaded.version,
        )
    with pytest.raises(StaleEdit) as caught, adas.unit_of_work() as session:
        clients.update_client(
            session,
            client.id,
            ClientInput(
                full_name="Bea Example", notes="Prefers mornings", status=ClientStatus.ACTIVE
            ),
            region="GB",
            today=TODAY,
            expected_version=loaded.version,
        )
    assert caught.value.who == "Sam Example"
    with adas.reading() as session:
        names = session.scalars(
            select(AuditEntry.practitioner).where(AuditEntry.entity == "client")
        ).all()
        assert audit.current_practitioner(session) == "Ada Example"
    assert set(names) == {"Sam Example"}


def test_you_cannot_archive_yourself_but_may_archive_someone_else_s_you(
    two: tuple[Database, Database],
) -> None:
    sams, adas = two
    with sams.unit_of_work() as session:
        sam = practice.add_practitioner(session, "Sam Example", is_current_user=True)
    with adas.unit_of_work() as session:
        ada = practice.add_practitioner(session, "Ada Example", is_current_user=True)
    with pytest.raises(Exception, match="is you"), sams.unit_of_work() as session:
        practice.archive_practitioner(session, sam.id, now=dt.datetime(2026, 11, 23, 9))
    with sams.unit_of_work() as session:
        practice.archive_practitioner(session, ada.id, now=dt.datetime(2026, 11, 23, 9))
    # Ada's computer no longer has an active "you": nobody, rather than an archived name.
    assert you(adas) == []
    with adas.reading() as session:
        assert audit.current_practitioner_id(session) is None


def test_a_damaged_store_is_nobody_chosen_not_a_crash(tmp_path: Path) -> None:
    store = tmp_path / "this_computer.json"
    store.write_text("{not json", encoding="utf-8")
    assert ThisComputer(SERVER, store=store).practitioner_id is None
    chosen = ThisComputer(SERVER, store=store)
    chosen.choose(7)
    assert ThisComputer(SERVER, store=store).practitioner_id == 7
    assert oct(store.stat().st_mode & 0o777) == "0o600"
