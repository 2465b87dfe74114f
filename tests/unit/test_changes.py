"""The domain reports what a user action changed, from the tables it wrote."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from clientcare import audit, clients, money
from clientcare import followups as fu
from clientcare.changes import EVERYTHING, TABLE_CHANGES, Changes, changes_of
from clientcare.clients import ClientInput
from clientcare.db.engine import Database, tables_written
from clientcare.db.models import Base, Client, PaymentMethod, Urgency

TODAY = dt.date(2026, 11, 23)


def written(db: Database, action: Callable[[Session], Any]) -> tuple[frozenset[str], Changes]:
    with db.unit_of_work() as session:
        action(session)
        tables = tables_written(session)
    return tables, changes_of(tables)


def add_client(db: Database) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session, ClientInput(full_name="Sam Example"), region="GB", today=TODAY
        ).id


def test_every_table_says_what_a_write_to_it_changes() -> None:
    tables = set(Base.metadata.tables)
    assert tables - TABLE_CHANGES.keys() == set(), "add the new tables to TABLE_CHANGES"


def test_a_table_nobody_placed_or_raw_sql_counts_as_everything() -> None:
    assert changes_of(["no_such_table"]) == EVERYTHING
    assert changes_of(["*"]) == EVERYTHING
    assert changes_of([]) == Changes.NONE
    assert changes_of(["change_counter"]) == Changes.NONE


def test_a_new_client_is_a_client_change_with_its_audit_entry(db: Database) -> None:
    tables, changes = written(
        db,
        lambda s: clients.create_client(
            s, ClientInput(full_name="Ann Example"), region="GB", today=TODAY
        ),
    )
    assert "client" in tables
    assert changes & Changes.CLIENTS and not changes & Changes.MONEY


def test_a_payment_is_a_money_change_whoever_records_it(db: Database) -> None:
    client_id = add_client(db)
    data = money.PaymentInput(client_id, "40.00", PaymentMethod.CARD, TODAY)
    tables, changes = written(db, lambda s: money.record_payment(s, data))
    assert "payment" in tables
    assert changes & Changes.MONEY
    assert not changes & (Changes.CLIENTS | Changes.APPOINTMENTS | Changes.SETTINGS)


def test_an_issue_is_a_follow_up_change(db: Database) -> None:
    client_id = add_client(db)
    data = fu.IssueInput(client_id, "Letter for the GP", Urgency.NORMAL, TODAY)
    _tables, changes = written(db, lambda s: fu.create_issue(s, data, today=TODAY))
    assert changes & Changes.FOLLOWUPS and not changes & Changes.MONEY


def test_viewing_a_record_is_an_audit_change_only(db: Database) -> None:
    """A view writes the audit log and nothing else: the audit log refreshes, no other screen."""
    client_id = add_client(db)
    tables, changes = written(db, lambda s: audit.viewed(s, "client", client_id, None))
    assert tables == {"audit_entry"}
    assert changes == Changes.AUDIT


def test_a_bulk_update_statement_counts(db: Database) -> None:
    client_id = add_client(db)
    tables, changes = written(
        db,
        lambda s: s.execute(update(Client).where(Client.id == client_id).values(notes="x")),
    )
    assert tables == {"client"} and changes == Changes.CLIENTS


def test_reading_changes_nothing(db: Database) -> None:
    client_id = add_client(db)
    tables, changes = written(db, lambda s: clients.get_client(s, client_id))
    assert tables == frozenset() and changes == Changes.NONE


@pytest.mark.parametrize("table", sorted(TABLE_CHANGES))
def test_each_table_has_a_kind_or_says_none_on_purpose(table: str) -> None:
    if table in {"change_counter"}:
        assert TABLE_CHANGES[table] == Changes.NONE
    else:
        assert TABLE_CHANGES[table] != Changes.NONE
