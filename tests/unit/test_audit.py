"""The audit log: who, when, which record, which action — never the content of notes."""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from clientcare import audit, clients
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import AuditAction, AuditEntry
from clientcare.practice import add_practitioner

TODAY = dt.date(2026, 11, 23)
NOTE = "She told me about her brother's illness"


def make_client(db: Database, name: str = "Margaret Example") -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session, ClientInput(full_name=name, notes=NOTE), region="GB", today=TODAY
        ).id


def log(db: Database, **kwargs: object) -> list[audit.AuditRow]:
    today = dt.datetime.now(dt.UTC).date()
    with db.reading() as session:
        return audit.audit_log(
            session, start=today - dt.timedelta(days=1), end=today + dt.timedelta(days=1), **kwargs
        )


def test_view_print_and_export_are_recorded_with_the_practitioner(db: Database) -> None:
    with db.unit_of_work() as session:
        add_practitioner(session, "Dr Ada Example", is_current_user=True)
    client_id = make_client(db)
    with db.unit_of_work() as session:
        audit.record_view(session, "client", client_id, ("notes",))
        audit.record_print(session, "client", client_id, "pre-session brief")
        audit.record_export(session, "client", 0, "clients CSV")
    rows = log(db)
    assert [r.action for r in rows[:3]] == [AuditAction.EXPORT, AuditAction.PRINT, AuditAction.VIEW]
    assert {r.practitioner for r in rows} == {"Dr Ada Example"}
    assert all(r.actor == audit.current_actor() for r in rows)
    view = rows[2]
    assert (view.entity, view.entity_id, view.client_name, view.fields) == (
        "client",
        client_id,
        "Margaret Example",
        "notes",
    )
    assert rows[1].action_label == "Printed" and rows[1].fields == "pre-session brief"


def test_without_a_current_practitioner_the_column_is_empty(db: Database) -> None:
    make_client(db)
    assert log(db)[0].practitioner == ""


def test_the_log_never_holds_the_content_of_notes(db: Database) -> None:
    client_id = make_client(db)
    with db.unit_of_work() as session:
        clients.update_client(
            session,
            client_id,
            ClientInput(full_name="Margaret Example", notes=NOTE + " and her job"),
            region="GB",
            today=TODAY,
        )
        clients.add_fact(session, client_id, "Has a dog called Biscuit", TODAY)
        audit.record_print(session, "client", client_id, "summary\nwith\ttabs " + "x" * 500)
    with db.reading() as session:
        stored = session.scalars(select(AuditEntry)).all()
        texts = " ".join(f"{e.fields} {e.entity} {e.actor}" for e in stored)
        printed = next(e.fields for e in stored if e.action == AuditAction.PRINT)
    assert "brother" not in texts and "Biscuit" not in texts
    assert "\n" not in printed and len(printed) == audit.MAX_WHAT


def test_search_entity_and_dates_filter(db: Database) -> None:
    first = make_client(db, "Zoë Ñúñez")
    make_client(db, "Robert Sample")
    with db.unit_of_work() as session:
        clients.add_fact(session, first, "Likes tea", TODAY)
    assert {r.client_name for r in log(db, search="zoe nunez")} == {"Zoë Ñúñez"}
    assert {r.entity for r in log(db, search="zoe")} == {"client", "client_fact"}
    assert [r.entity for r in log(db, entity="client_fact")] == ["client_fact"]
    assert log(db, search="created robert")[0].client_name == "Robert Sample"
    with db.reading() as session:
        assert audit.audit_log(session, start=dt.date(2000, 1, 1), end=dt.date(2000, 1, 2)) == []
        assert "client_fact" in audit.audit_entities(session)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
def test_export_audit_csv_is_private_and_complete(db: Database, tmp_path: Path) -> None:
    make_client(db, "=cmd| Person")
    rows = log(db)
    path = tmp_path / "audit.csv"
    assert audit.export_audit_csv(rows, path) == len(rows)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == list(audit.AUDIT_CSV_HEADER)
    assert lines[1][3:7] == ["Created", "client", str(rows[0].entity_id), "'=cmd| Person"]


def test_a_deleted_record_keeps_its_log_lines(db: Database) -> None:
    client_id = make_client(db)
    with db.unit_of_work() as session:
        fact = clients.add_fact(session, client_id, "Likes tea", TODAY)
    with db.unit_of_work() as session:
        clients.delete_fact(session, fact.id)
    fact_rows = log(db, entity="client_fact")
    assert [r.action for r in fact_rows] == [AuditAction.DELETE, AuditAction.CREATE]
    assert all(r.client_name == "" for r in fact_rows)


def _bulk_entries(db: Database, count: int, client_id: int) -> None:
    """``count`` entries, one a minute back from now, about the client and their fact."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.unit_of_work() as session:
        fact = clients.add_fact(session, client_id, "Likes tea", TODAY)
        for n in range(count):
            session.add(
                AuditEntry(
                    at=now - dt.timedelta(minutes=n + 1),
                    actor="ada",
                    practitioner="Zoë Practitioner" if n % 3 == 0 else "",
                    action=AuditAction.VIEW if n % 2 else AuditAction.UPDATE,
                    entity="client_fact" if n % 4 == 0 else "appointment",
                    entity_id=fact.id if n % 4 == 0 else 10_000 + n,
                    fields="notes",
                )
            )


def test_a_page_of_the_log_in_sql_order_with_its_count(db: Database) -> None:
    margaret = make_client(db)
    _bulk_entries(db, 30, margaret)
    today = dt.datetime.now(dt.UTC).date()
    query = audit.AuditQuery.days(today - dt.timedelta(days=1), today + dt.timedelta(days=1))
    with db.reading() as session:
        everything = audit.audit_page(session, query)
        first = audit.audit_page(session, query, limit=10)
        rest = audit.audit_page(session, query, offset=10, limit=100)
        total = audit.count_audit(session, query)
    assert first + rest == everything == log(db)
    assert total == len(everything) > 30  # the bulk, the client created, the fact added
    assert [row.at for row in everything] == sorted((row.at for row in everything), reverse=True)
    # The client a fact belongs to is named in SQL.
    assert {row.client_name for row in everything if row.entity == "client_fact"} == {
        "Margaret Example"
    }


def test_search_and_order_happen_in_sql(db: Database) -> None:
    margaret = make_client(db)
    make_client(db, "Ångström Zed")
    _bulk_entries(db, 12, margaret)
    with db.unit_of_work() as session:
        add_practitioner(session, "Zoë Practitioner")
    today = dt.datetime.now(dt.UTC).date()

    def query(search: str = "", entity: str | None = None) -> audit.AuditQuery:
        return audit.AuditQuery.days(
            today - dt.timedelta(days=1), today + dt.timedelta(days=1), entity, search
        )

    with db.reading() as session:
        by_client = audit.audit_page(session, query("margaret"))
        by_accentless = audit.audit_page(session, query("angstrom"))
        by_practitioner = audit.audit_page(session, query("zoe practitioner"))
        by_action = audit.audit_page(session, query("viewed"))
        counted = audit.count_audit(session, query("changed", "client_fact"))
        client_order = audit.audit_page(
            session, query(), order=audit.AuditOrder.CLIENT, descending=False
        )
        nothing = audit.count_audit(session, query("no-such-word"))
    assert by_client and {row.client_name for row in by_client} == {"Margaret Example"}
    assert {row.entity for row in by_client} == {"client", "client_fact"}
    assert {row.client_name for row in by_accentless} == {"Ångström Zed"}
    assert len(by_practitioner) == 4  # entries 0, 3, 6, 9 of the twelve
    assert {row.action for row in by_action} == {AuditAction.VIEW}
    assert counted == 3  # entries 0, 4 and 8 of the twelve change the fact
    names = [row.client_name for row in client_order]
    assert names == sorted(names, key=str.casefold)
    assert nothing == 0
