"""The main query of each busy screen uses an index: EXPLAIN QUERY PLAN, no timing.

The statements are captured from the real functions (so a change to a query is checked
as it is), on a database built by the real migrations and filled with a small demo
practice. No ANALYZE: a practitioner's database has no statistics either, so these are
the plans SQLite chooses there. "SCAN <table>" reads the whole table; a scan of a
covering index reads only the index (every key, not the rows), and a scan in the order
of an index stops early when the query has a LIMIT.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from clientcare import appointments, clients, money, schedule, scope
from clientcare.care import care_list
from clientcare.db.engine import Database
from clientcare.demo import DemoSize, generate_demo

pytestmark = pytest.mark.sqlite_only("SQLite's EXPLAIN QUERY PLAN")

TODAY = dt.date(2026, 11, 23)

#: Tables that grow with the years: never read whole by a screen's main query.
BIG_TABLES = (
    "appointment",
    "interaction",
    "checklist_answer",
    "charge",
    "payment",
    "client",
    "lateness_notice",
    "audit_entry",
    "busy_time",
)


@pytest.fixture
def practice(db: Database) -> Iterator[Database]:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN and these index choices are SQLite's")
    with db.unit_of_work() as session:
        size = DemoSize(practitioners=2, clients=30, months_of_history=4)
        generate_demo(session, size=size, today=TODAY)
    yield db


def plans(database: Database, action: Callable[[Session], object]) -> dict[str, list[str]]:
    """Every statement ``action`` runs, with its query plan (the detail of each step)."""
    captured: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            captured.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        with database.reading() as session:
            action(session)
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    assert captured, "the action ran no query"
    result: dict[str, list[str]] = {}
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        for statement, parameters in captured:
            rows = raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            result[statement] = [str(row[3]) for row in rows]
    return result


def full_scans(steps: list[str]) -> list[str]:
    """Steps that read a big table row by row (not through an index)."""
    return [
        step
        for step in steps
        for table in BIG_TABLES
        if step == f"SCAN {table}" or step.startswith(f"SCAN {table} ")
        if "INDEX" not in step
    ]


def assert_no_full_scan(found: dict[str, list[str]]) -> None:
    problems = {" ".join(sql.split())[:120]: full_scans(steps) for sql, steps in found.items()}
    assert not {sql: scans for sql, scans in problems.items() if scans}


def test_the_week_view_reads_a_week_through_the_indexes(practice: Database) -> None:
    start = dt.datetime(2026, 11, 16)
    end = start + dt.timedelta(days=7)
    for practitioner_id in (1, None):  # one practitioner's week, and everyone's
        found = plans(
            practice,
            lambda s, p=practitioner_id: (
                appointments.appointments_between(s, start, end, p),
                schedule.busy_between(s, start, end, p),
            ),
        )
        assert_no_full_scan(found)
        steps = [step for value in found.values() for step in value]
        assert not [step for step in steps if step.startswith(("SCAN appointment", "SCAN busy"))]
        assert any("appointment USING INDEX" in step for step in steps)


def test_client_search_reads_a_page_in_name_order_without_sorting(practice: Database) -> None:
    found = plans(
        practice,
        lambda s: clients.list_clients(s, "sample", None, offset=0, limit=65),
    )
    (steps,) = found.values()
    assert any("client USING INDEX ix_client_name_order" in step for step in steps), steps
    assert not [step for step in steps if "TEMP B-TREE" in step], steps
    assert_no_full_scan(found)


def test_client_search_counts_from_the_folded_key_index(practice: Database) -> None:
    found = plans(practice, lambda s: clients.count_matching(s, "zoe nunez"))
    (steps,) = found.values()
    assert steps == ["SCAN client USING COVERING INDEX ix_client_search_key"]
    found = plans(practice, lambda s: clients.position_in_list(s, 1, "zoe"))
    assert_no_full_scan(found)


def test_ageing_reads_covering_indexes_not_the_ledger(practice: Database) -> None:
    # The whole practice's ageing visits every client (the client table, once); each
    # client's totals come from covering indexes, and only those who owe have their
    # charges read again (the window over them is sorted, never the ledger).
    found = plans(practice, lambda s: money.all_ageing(s, TODAY))
    assert [scan for steps in found.values() for scan in full_scans(steps)] == ["SCAN client"]
    steps = [step for value in found.values() for step in value]
    assert any("charge USING COVERING INDEX ix_charge_status_client" in step for step in steps)
    assert any("payment USING COVERING INDEX ix_payment_client_kind" in step for step in steps)
    # Your clients' ageing reads no table whole: your clients' ids from an index, then each.
    found = plans(practice, lambda s: money.all_ageing(s, TODAY, scope.Scope(1)))
    assert_no_full_scan(found)


def test_your_money_lists_read_no_table_whole(practice: Database) -> None:
    yours = scope.Scope(1)
    found = plans(
        practice,
        lambda s: (
            money.overview(s, today=TODAY, scope=yours),
            money.balances(s, today=TODAY, scope=yours, limit=65),
            money.to_charge(s, until=TODAY, scope=yours, limit=65),
            money.conversation_follow_ups_due(s, today=TODAY, scope=yours, limit=65),
        ),
    )
    assert_no_full_scan(found)
    steps = [step for value in found.values() for step in value]
    # Each of your clients' appointments, by the index from the client (never all of them).
    assert any("appointment USING INDEX ix_appointment_client_" in step for step in steps)


def test_a_page_of_the_practices_list_to_charge_walks_the_date_index(practice: Database) -> None:
    found = plans(practice, lambda s: money.to_charge(s, until=TODAY, limit=65))
    (steps,) = [steps for sql, steps in found.items() if "LIMIT" in sql]
    assert any("appointment USING INDEX ix_appointment_start" in step for step in steps), steps
    assert not [step for step in steps if "TEMP B-TREE FOR ORDER BY" in step], steps


def test_todays_appointments_and_care_list_use_indexes(practice: Database) -> None:
    day = dt.datetime.combine(TODAY, dt.time())
    found = plans(
        practice,
        lambda s: (
            appointments.appointments_between(s, day, day + dt.timedelta(days=1), 1),
            care_list(s, today=TODAY),
        ),
    )
    assert_no_full_scan(found)


def test_your_care_list_starts_from_your_clients(practice: Database) -> None:
    """Today's care list of your clients (issue 19): from the client's practitioner to
    their open items, through the indexes of revision 0011, never from every open item
    of the practice, and ordered and cut in SQL."""
    found = plans(practice, lambda s: care_list(s, today=TODAY, scope=scope.own_scope(s), limit=50))
    assert_no_full_scan(found)
    steps = [step for value in found.values() for step in value]
    assert any("ix_client_consent_practitioner" in step for step in steps), steps
    assert any("ix_expectation_client_open" in step for step in steps), steps
    assert any("ix_client_primary_practitioner_id" in step for step in steps), steps
    held = [step for step in steps if "appointment USING" in step]
    assert held and all("ix_appointment_client_status_start" in step for step in held), held
    assert any(" LIMIT " in f" {' '.join(sql.split())} " for sql in found)


def test_the_checker_notices_a_full_scan(practice: Database) -> None:
    from sqlalchemy import select

    from clientcare.db.models import Appointment

    found = plans(practice, lambda s: s.execute(select(Appointment.notes)).all())
    assert full_scans(next(iter(found.values()))) == ["SCAN appointment"]
