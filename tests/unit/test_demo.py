"""The fictional demo practice: right size, deterministic, consistent, and clearly made up."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clientcare.clients import search_key_for
from clientcare.db.migrate import open_database
from clientcare.defaults import default_words
from clientcare.demo import (
    DEMO,
    DemoSize,
    DemoSummary,
    ascii_fold,
    create_demo_database,
    generate_demo,
)

TODAY = dt.date(2026, 11, 23)


def query(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in id order."""
    tables = [
        name
        for (name,) in query(path, "SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
    ]
    return {table: query(path, f"SELECT * FROM {table} ORDER BY 1") for table in sorted(tables)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    return path, create_demo_database(path, today=TODAY)


@pytest.fixture
def demo_path(demo: tuple[Path, DemoSummary]) -> Path:
    return demo[0]


def overlaps(path: Path) -> Iterator[tuple[Any, ...]]:
    """Pairs of appointments that overlap for one practitioner (none should)."""
    by_practitioner: dict[int, list[tuple[dt.datetime, dt.datetime, int]]] = defaultdict(list)
    for appointment_id, practitioner_id, start, minutes in query(
        path, "SELECT id, practitioner_id, start, duration_minutes FROM appointment"
    ):
        begins = dt.datetime.fromisoformat(start)
        by_practitioner[practitioner_id].append(
            (begins, begins + dt.timedelta(minutes=minutes), appointment_id)
        )
    for appointments in by_practitioner.values():
        appointments.sort()
        for earlier, later in itertools.pairwise(appointments):
            if later[0] < earlier[1]:
                yield earlier, later


def test_counts_match_the_size(demo: tuple[Path, DemoSummary]) -> None:
    path, summary = demo
    assert summary.clients == DEMO.clients == 40
    assert summary.practitioners == DEMO.practitioners == 3
    assert query(path, "SELECT count(*) FROM client") == [(40,)]
    assert query(path, "SELECT count(*) FROM appointment") == [(summary.appointments,)]
    assert summary.appointments > 300
    assert summary.interactions > 200
    assert summary.charges > 0 and summary.payments > 0
    statuses = dict(query(path, "SELECT status, count(*) FROM client GROUP BY status"))
    assert set(statuses) == {"prospect", "active", "paused", "closed", "declined"}
    assert max(statuses, key=statuses.__getitem__) == "active"
    assert query(path, "SELECT count(*) FROM practitioner WHERE is_current_user") == [(1,)]


def test_same_seed_and_day_give_identical_rows(demo_path: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite3"
    create_demo_database(again, today=TODAY)
    for sql in (
        "SELECT full_name FROM client ORDER BY id",
        "SELECT start FROM appointment ORDER BY id",
        "SELECT amount_minor FROM charge ORDER BY id",
    ):
        assert query(again, sql) == query(demo_path, sql)
    assert dump(again) == dump(demo_path)


def test_another_seed_gives_another_practice(demo_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    create_demo_database(other, seed=7, today=TODAY)
    assert query(other, "SELECT count(*) FROM client") == [(40,)]
    assert query(other, "SELECT start FROM appointment ORDER BY id") != query(
        demo_path, "SELECT start FROM appointment ORDER BY id"
    )


def test_no_practitioner_is_double_booked(demo_path: Path) -> None:
    assert list(overlaps(demo_path)) == []


def test_appointments_keep_clear_of_busy_time(demo_path: Path) -> None:
    assert query(demo_path, "SELECT count(*) FROM busy_time")[0][0] > 0
    clashes = query(
        demo_path,
        """
        SELECT a.id, b.id FROM appointment a JOIN busy_time b
          ON b.practitioner_id = a.practitioner_id
         AND a.start < b.ends_at
         AND b.starts_at < datetime(a.start, '+' || a.duration_minutes || ' minutes')
        """,
    )
    assert clashes == []


def test_cancellations_say_who_why_and_when(demo_path: Path) -> None:
    rows = query(
        demo_path,
        "SELECT status, cancelled_by, cancel_reason, cancelled_at, start FROM appointment",
    )
    for status, by, reason, cancelled_at, start in rows:
        if status in ("cancelled", "late_cancelled"):
            assert by in ("client", "practitioner") and reason
            notice = dt.datetime.fromisoformat(start) - dt.datetime.fromisoformat(cancelled_at)
            assert (notice < dt.timedelta(hours=24)) == (status == "late_cancelled")
        else:
            assert (by, reason, cancelled_at) == (None, "", None)


def test_series_rules_match_their_occurrences(demo_path: Path) -> None:
    series = query(demo_path, "SELECT id, rrule, starts_on, until FROM appointment_series")
    assert series
    occurrences: dict[int, list[str]] = defaultdict(list)
    for series_id, original_start in query(
        demo_path,
        "SELECT series_id, original_start FROM appointment WHERE series_id IS NOT NULL "
        "ORDER BY original_start",
    ):
        assert original_start is not None
        occurrences[series_id].append(original_start)
    for series_id, rule, starts_on, until in series:
        lines = rule.split("\n")
        assert lines[0].startswith("DTSTART:") and lines[1].startswith("RRULE:FREQ=WEEKLY;")
        assert occurrences[series_id][0].startswith(starts_on)
        assert occurrences[series_id][-1].startswith(until)


def test_series_rules_read_with_dateutil(demo_path: Path) -> None:
    rrule = pytest.importorskip("dateutil.rrule")
    for series_id, rule in query(demo_path, "SELECT id, rrule FROM appointment_series"):
        expected = [when.isoformat(sep=" ") for when in rrule.rrulestr(rule, forceset=True)]
        stored = [
            start[:19]
            for (start,) in query(
                demo_path,
                "SELECT original_start FROM appointment WHERE series_id = ? "
                "ORDER BY original_start",
                series_id,
            )
        ]
        assert stored == expected


def test_prospects_are_on_the_waitlist(demo_path: Path) -> None:
    entries = query(
        demo_path,
        "SELECT w.status, c.status, w.earliest_time < w.latest_time FROM waitlist_entry w "
        "JOIN client c ON c.id = w.client_id",
    )
    assert entries and all(client == "prospect" and ordered for _, client, ordered in entries)
    assert "waiting" in {status for status, _, _ in entries}


def test_a_client_has_at_most_one_appointment_a_day(demo_path: Path) -> None:
    assert (
        query(
            demo_path,
            "SELECT client_id, date(start) FROM appointment GROUP BY 1, 2 HAVING count(*) > 1",
        )
        == []
    )


def test_appointments_are_in_working_hours_on_the_half_hour(demo_path: Path) -> None:
    for start, minutes in query(demo_path, "SELECT start, duration_minutes FROM appointment"):
        begins = dt.datetime.fromisoformat(start)
        ends = begins + dt.timedelta(minutes=minutes)
        assert begins.weekday() < 5, start
        assert begins.minute in (0, 30) and begins.second == 0, start
        assert dt.time(9, 0) <= begins.time() and ends.time() <= dt.time(17, 0), start


def test_past_and_future_appointments(demo_path: Path) -> None:
    statuses = dict(
        query(
            demo_path,
            "SELECT status, count(*) FROM appointment WHERE date(start) < ? GROUP BY status",
            TODAY.isoformat(),
        )
    )
    assert statuses["completed"] > 0.8 * sum(statuses.values())
    for status in ("cancelled", "late_cancelled", "no_show", "rescheduled"):
        assert statuses.get(status, 0) >= 1, status
    assert "scheduled" not in statuses
    future = query(
        demo_path,
        "SELECT DISTINCT status FROM appointment WHERE date(start) > ?",
        TODAY.isoformat(),
    )
    assert future == [("scheduled",)]
    modes = dict(query(demo_path, "SELECT mode, count(*) FROM appointment GROUP BY mode"))
    assert modes["in_person"] > sum(modes.values()) / 2


def test_rescheduled_points_at_its_replacement(demo_path: Path) -> None:
    moved = query(
        demo_path,
        "SELECT a.client_id, b.client_id, a.start, b.start FROM appointment a "
        "JOIN appointment b ON b.id = a.rescheduled_to_id WHERE a.status = 'rescheduled'",
    )
    assert moved
    assert query(
        demo_path,
        "SELECT count(*) FROM appointment WHERE status = 'rescheduled' "
        "AND rescheduled_to_id IS NULL",
    ) == [(0,)]
    for client, replacement_client, start, new_start in moved:
        assert client == replacement_client and new_start > start


def test_contacts_are_reserved_for_fiction(demo_path: Path) -> None:
    (name, email, phone) = query(demo_path, "SELECT name, email, phone FROM practice_settings")[0]
    assert "fictional" in name or "Demo" in name
    emails = [email]
    phones = [phone]
    for table in ("client", "practitioner", "provider"):
        for e, p in query(demo_path, f"SELECT email, phone FROM {table}"):
            emails.append(e)
            phones.append(p)
    assert all(e == "" or e.endswith("@example.org") for e in emails)
    assert all(p == "" or p.startswith("07700 900") for p in phones)
    assert query(demo_path, "SELECT currency, locale FROM practice_settings") == [("GBP", "en_GB")]


def test_names_include_non_ascii_and_nicknames(demo_path: Path) -> None:
    clients = query(demo_path, "SELECT full_name, preferred_name, pronunciation FROM client")
    names = {full for full, _, _ in clients}
    assert "Zoë Ñúñez" in names
    assert any(not full.isascii() for full in names)
    assert any(re.search(r"[\u4e00-\u9fff]", full) for full in names)
    assert ("Robert Demo", "Bobby", "") in clients
    assert any(pronunciation for _, _, pronunciation in clients)


def test_search_keys_come_from_the_clients_module(demo_path: Path) -> None:
    for full, preferred, email, phone, key in query(
        demo_path, "SELECT full_name, preferred_name, email, phone, search_key FROM client"
    ):
        assert key == search_key_for(full, preferred, email, phone)


def test_integrity(demo_path: Path) -> None:
    assert query(demo_path, "PRAGMA foreign_key_check") == []
    assert query(demo_path, "PRAGMA integrity_check") == [("ok",)]


def test_a_second_call_adds_nothing(demo: tuple[Path, DemoSummary]) -> None:
    path, summary = demo
    before = dump(path)
    assert create_demo_database(path, today=TODAY + dt.timedelta(days=3), seed=1) == summary
    assert dump(path) == before


def test_generate_demo_refuses_a_database_with_clients(demo_path: Path) -> None:
    database, _ = open_database(demo_path)
    try:
        with database.unit_of_work() as session, pytest.raises(ValueError):
            generate_demo(session, today=TODAY)
    finally:
        database.dispose()


def test_the_ledger_is_consistent(demo_path: Path) -> None:
    balances = query(
        demo_path,
        """
        SELECT c.id,
          (SELECT coalesce(sum(amount_minor), 0) FROM charge
             WHERE client_id = c.id AND status = 'due')
          - (SELECT coalesce(sum(CASE kind WHEN 'payment' THEN amount_minor
                                           ELSE -amount_minor END), 0)
             FROM payment WHERE client_id = c.id)
          - (SELECT coalesce(sum(amount_minor), 0) FROM adjustment WHERE client_id = c.id)
        FROM client c
        """,
    )
    assert all(balance >= 0 for _, balance in balances), "no client is in credit"
    assert sum(1 for _, balance in balances if balance > 0) >= 3, "a few outstanding balances"
    waived = query(demo_path, "SELECT waived_reason FROM charge WHERE status = 'waived'")
    assert waived and all(reason for (reason,) in waived)
    assert query(demo_path, "SELECT count(*) FROM adjustment")[0][0] >= 1
    plans = query(
        demo_path,
        "SELECT p.total_minor, sum(i.amount_minor) FROM payment_plan p "
        "JOIN instalment i ON i.plan_id = p.id GROUP BY p.id",
    )
    assert plans and all(total == parts for total, parts in plans)
    topics = {t for (t,) in query(demo_path, "SELECT topic FROM money_conversation")}
    assert {"payment_plan", "overdue_balance"} <= topics


def test_lateness_notices(demo_path: Path) -> None:
    notices = query(
        demo_path,
        "SELECT expected_minutes, reschedule_offered, outcome FROM lateness_notice "
        "WHERE who_is_late = 'practitioner' ORDER BY expected_minutes",
    )
    assert notices == [(5, 0, "wait"), (15, 1, "wait")]


def test_referrals_follow_ups_and_consent(demo_path: Path) -> None:
    directions = dict(query(demo_path, "SELECT direction, count(*) FROM referral GROUP BY 1"))
    assert directions["outgoing"] >= 3 and directions["incoming"] >= 3
    assert (
        query(
            demo_path,
            "SELECT count(*) FROM referral WHERE direction = 'outgoing' "
            "AND status = 'introduced' AND follow_up_on <= ?",
            TODAY.isoformat(),
        )[0][0]
        >= 1
    ), "a referral awaits follow-up"
    assert query(demo_path, "SELECT count(*) FROM provider WHERE kind = 'internal'") == [
        (DEMO.practitioners - 1,)
    ]
    urgencies = {u for (u,) in query(demo_path, "SELECT urgency FROM client_issue")}
    assert len(urgencies) >= 3
    assert query(demo_path, "SELECT count(*) FROM client_issue WHERE status = 'open'")[0][0] >= 1
    # Check-ins only ever go to clients who consented.
    assert query(
        demo_path,
        "SELECT count(*) FROM checkin k JOIN client c ON c.id = k.client_id "
        "WHERE c.checkin_consent <> 'given'",
    ) == [(0,)]
    assert (
        query(
            demo_path,
            "SELECT count(*) FROM client WHERE status = 'paused' AND checkin_consent = 'given' "
            "AND checkin_channel IS NOT NULL AND checkin_interval_days > 0",
        )[0][0]
        >= 1
    )


def test_final_interactions_answered_their_checklist(demo_path: Path) -> None:
    assert query(
        demo_path,
        "SELECT count(*) FROM interaction WHERE state = 'final' AND finalised_at IS NULL",
    ) == [(0,)]
    unanswered = query(
        demo_path,
        """
        SELECT count(*) FROM interaction i WHERE i.kind = 'session' AND NOT EXISTS (
          SELECT 1 FROM checklist_answer a JOIN principle p ON p.id = a.principle_id
          WHERE a.interaction_id = i.id AND p.number = 2)
        """,
    )
    assert unanswered == [(0,)]


def test_texts_avoid_pet_names_and_shaming_money_words(demo_path: Path) -> None:
    words = [word for pairs in default_words().values() for word, _ in pairs]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    texts = [
        value
        for sql in (
            "SELECT notes, client_words, next_steps, more_helpful FROM interaction",
            "SELECT message_text FROM lateness_notice",
            "SELECT message_text FROM checkin",
            "SELECT summary, agreed_outcome FROM money_conversation",
            "SELECT text FROM client_fact",
            "SELECT description, conversation_note FROM expectation",
            "SELECT title, description, impact FROM client_issue",
            "SELECT notes FROM appointment",
        )
        for row in query(demo_path, sql)
        for value in row
    ]
    flagged = {text for text in texts if text and pattern.search(text)}
    assert flagged == set()


def test_ascii_fold_for_email_addresses() -> None:
    assert ascii_fold("Søren") == "soren"
    assert ascii_fold("Ñúñez") == "nunez"
    assert ascii_fold("Przykład") == "przyklad"
    assert ascii_fold("Dæmi") == "daemi"
    assert ascii_fold("李") == ""


def test_sizes_are_checked() -> None:
    with pytest.raises(ValueError):
        DemoSize(practitioners=0, clients=10, months_of_history=6)
    with pytest.raises(ValueError):
        DemoSize(practitioners=1, clients=10, months_of_history=0)


def test_the_demo_module_does_not_import_qt() -> None:
    code = (
        "import sys, clientcare.demo; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'ui')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_bigger_practice_is_quick_and_never_double_booked(tmp_path: Path) -> None:
    size = DemoSize(practitioners=4, clients=200, months_of_history=24)
    path = tmp_path / "bigger.sqlite3"
    started = time.perf_counter()
    summary = create_demo_database(path, size=size, today=TODAY)
    elapsed = time.perf_counter() - started
    assert summary.clients == 200 and summary.practitioners == 4
    assert summary.appointments > 3000
    assert elapsed < 30, f"took {elapsed:.1f} s"
    assert list(overlaps(path)) == []
    assert query(path, "PRAGMA foreign_key_check") == []


def test_a_tiny_practice_works(tmp_path: Path) -> None:
    size = DemoSize(practitioners=1, clients=1, months_of_history=1, weeks_ahead=0)
    summary = create_demo_database(tmp_path / "tiny.sqlite3", size=size, today=TODAY)
    assert summary.clients == 1 and summary.practitioners == 1
    assert query(tmp_path / "tiny.sqlite3", "PRAGMA foreign_key_check") == []
