"""Build tests/db/fixtures/schema-NNNN.sqlite3: one small database per schema revision, with data.

    .venv/bin/python -m tests.db.make_revision_fixtures

Each file is an empty database upgraded with Alembic to revision NNNN (the released
revision scripts, which never change), then filled with ``rows_at(NNNN)`` by plain SQL
INSERTs written for that revision's columns: never the current models, which change.
Every table that exists at NNNN gets rows, including the rows each later data migration
works on (0003, 0005 and 0008 rebuild checklist_answer, lateness_notice and audit_entry;
0006 fills in every charge's, payment's and adjustment's currency; 0007 every client's
first contact), with the edge cases they meet: NULLs, naughty strings (copied from the
Big List of Naughty Strings, ../shared/data/blns.json, MIT), zero and the largest amounts,
datetimes at the last microsecond of a day and on a leap day.

The rows are the record of what each fixture holds: tests/db/test_revision_fixtures.py
checks that each file holds exactly them, then that every one reaches the head revision
with the values written out there. The same inserts run on PostgreSQL in
tests/db/test_pg_migrations.py. Every person and place here is fictional.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Time, bindparam, text

from clientcare.db import migrate
from clientcare.db.engine import make_engine
from tests.db.make_fixture import FIXTURES_DIR, save_as_single_file

REVISIONS = tuple(f"{n:04d}" for n in range(1, 13))

Row = dict[str, Any]


def fixture_path(revision: str) -> Path:
    return FIXTURES_DIR / f"schema-{revision}.sqlite3"


# Naughty strings, each short enough for the narrowest column it goes in (PostgreSQL
# enforces VARCHAR lengths). No NUL: PostgreSQL text cannot hold it.
SQL_QUOTE = "' OR '1'='1"
SCRIPT = "<svg><script>123<1>alert(123)</script>"
NULL_WORD = "NULL"
PERSIAN = "گچپژ"
BIDI = "test\u2060test\u202b"
EMOJI = "👨\u200d🦰 👨🏿\u200d🦰 ✋🏿"
FORMAT = "%s%s%s%s%s"
SHELL = "$(touch /tmp/blns.fail)"
CONTROL = "The quic\x08\x08k brown fo\x07\x07x... [Beeeep]"
NUMBER_LIKE = "1E2"
SCRIPT_LIKE = "𝑻𝒉𝒆 𝒒𝒖𝒊𝒄𝒌"
QUOTES = "\"'\"'\"''''\""
LINES = "first line\r\nsecond line\n\ttabbed  "

INT_MAX = 2_147_483_647  # the largest INTEGER on PostgreSQL

#: The revision that added each column to a table that existed before it.
COLUMN_ADDED_IN: dict[str, dict[str, str]] = {
    "appointment": {
        "cancelled_by": "0002",
        "cancel_reason": "0002",
        "cancelled_at": "0002",
        "original_start": "0002",
        "ical_uid": "0002",
        "version": "0010",
    },
    "checklist_answer": {"note": "0003"},
    "interaction": {"checkins_discussed": "0003", "draft_saved_at": "0003"},
    "practice_settings": {
        "late_notice_template": "0004",
        "reschedule_sentence": "0004",
        "client_late_options": "0004",
        "charge_mode": "0006",
        "checkin_template": "0007",
    },
    "lateness_notice": {"reschedule_required": "0005", "note": "0005"},
    "adjustment": {"currency": "0006"},
    "charge": {"grace_rule_id": "0006", "currency": "0006", "version": "0010"},
    "money_conversation": {"client_words": "0006", "follow_up_done_on": "0006"},
    "payment": {"refund_of_id": "0006", "plan_id": "0006", "currency": "0006", "version": "0010"},
    "provider": {"archived": "0006"},
    "referral": {"followed_up_on": "0006", "consent_to_share_on": "0006"},
    "client": {
        "inquired_on": "0007",
        "prospect_stage": "0007",
        "declined_reason": "0007",
        "version": "0010",
    },
    "client_issue": {"reopened_count": "0007", "reopened_on": "0007"},
    "audit_entry": {"practitioner": "0008"},
}

#: The revision that created each table 0001 did not.
TABLE_ADDED_IN = {
    "busy_time": "0002",
    "waitlist_entry": "0002",
    "interaction_addendum": "0003",
    "grace_rule": "0006",
    "change_counter": "0010",
}

D = dt.date
T = dt.datetime

# Every row of the story, with the value of every column it has at the head revision;
# "_since" (default 0001) is the first revision whose schema can hold the row. The rows
# are listed parents first, so foreign keys hold at every insert.
STORY: dict[str, list[Row]] = {
    "practitioner": [
        {
            "id": 1,
            "full_name": "Dr Amara Okafor",
            "email": "amara@example.org",
            "phone": "+44 20 7946 0000",
            "is_current_user": True,
            "active": True,
            "created_at": T(2026, 1, 5, 9, 30, 15, 123456),
        },
        {
            "id": 2,
            "full_name": f"Sam {PERSIAN} Example",
            "email": "",
            "phone": NUMBER_LIKE,
            "is_current_user": False,
            "active": False,
            "created_at": T(1999, 12, 31, 23, 59, 59, 999999),
        },
    ],
    "practice_settings": [
        {
            "id": 1,
            "name": "Example Wellbeing (fictional)",
            "address": LINES,
            "phone": "",
            "email": "desk@example.org",
            "currency": "EUR",
            "locale": "de_DE",
            "lateness_threshold_minutes": 0,
            "default_session_minutes": 1,
            "cancellation_window_hours": 0,
            "late_cancel_fee_minor": None,
            "no_show_fee_minor": 0,
            "working_day_start": dt.time(0, 0),
            "working_day_end": dt.time(23, 59, 59),
            "updated_at": T(2026, 1, 5, 9, 31),
            "late_notice_template": f"Late {{minutes}} {FORMAT} {{preferred_name}}",
            "reschedule_sentence": "",
            "client_late_options": "proceed",
            "charge_mode": "automatic",
            "checkin_template": f"Hi {{preferred_name}} {EMOJI}",
        }
    ],
    "principle": [
        {
            "id": 1,
            "number": 1,
            "text": "Be on time, and say so when you are not.",
            "explanation": "",
            "applies_when": "always",
            "rule": '{"kind": "manual"}',
            "requirement": "required",
            "active": True,
        },
        {
            "id": 2,
            "number": 14,
            "text": SCRIPT,
            "explanation": QUOTES,
            "applies_when": NULL_WORD,
            "rule": "{}",
            "requirement": "advisory",
            "active": False,
        },
    ],
    "language_word": [
        {"id": 1, "word_list": "pet_name", "word": "sweetie", "suggestion": "their name"},
        {"id": 2, "word_list": "money_shaming", "word": PERSIAN, "suggestion": SQL_QUOTE},
    ],
    "service": [
        {
            "id": 1,
            "name": "Individual session",
            "standard_fee_minor": 8500,
            "default_minutes": 50,
            "active": True,
        },
        {"id": 2, "name": EMOJI, "standard_fee_minor": 0, "default_minutes": 1, "active": False},
    ],
    "sliding_scale_tier": [
        {
            "id": 1,
            "name": "Reduced",
            "fee_minor": 4000,
            "criteria_note": "",
            "sort_order": 1,
            "active": True,
        },
        {
            "id": 2,
            "name": "Free",
            "fee_minor": 0,
            "criteria_note": CONTROL,
            "sort_order": -1,
            "active": False,
        },
    ],
    "appointment_series": [
        {
            "id": 1,
            "rrule": "FREQ=WEEKLY;BYDAY=TU",
            "starts_on": D(2026, 2, 3),
            "until": None,
            "count": 10,
            "created_at": T(2026, 1, 20, 16, 40),
        },
        {
            "id": 2,
            "rrule": "FREQ=MONTHLY;BYMONTHDAY=29",
            "starts_on": D(2024, 2, 29),
            "until": D(2038, 1, 19),
            "count": None,
            "created_at": T(2024, 2, 29, 0, 0),
        },
    ],
    "audit_entry": [
        {
            "id": 1,
            "at": T(2026, 1, 6, 10, 0, 0, 1),
            "actor": "amara",
            "action": "create",
            "entity": "client",
            "entity_id": 1,
            "fields": '{"full_name": "Zo\\u00eb \\u00d1\\u00fa\\u00f1ez"}',
            "practitioner": "Dr Amara Okafor",
        },
        {
            "id": 2,
            "at": T(2026, 1, 31, 23, 59, 59, 999999),
            "actor": SHELL,
            "action": "update",
            "entity": "charge",
            "entity_id": 2,
            "fields": "{}",
            "practitioner": "",
        },
        {
            "id": 3,
            "at": T(2024, 2, 29, 12, 0),
            "actor": "",
            "action": "delete",
            "entity": "client_fact",
            "entity_id": INT_MAX,
            "fields": SCRIPT,
            "practitioner": EMOJI,
        },
        {
            "_since": "0008",
            "id": 4,
            "at": T(2026, 2, 3, 14, 1),
            "actor": "amara",
            "action": "view",
            "entity": "client",
            "entity_id": 1,
            "fields": "",
            "practitioner": "Dr Amara Okafor",
        },
        {
            "_since": "0008",
            "id": 5,
            "at": T(2026, 2, 3, 14, 2),
            "actor": "amara",
            "action": "print",
            "entity": "client",
            "entity_id": 3,
            "fields": NULL_WORD,
            "practitioner": SQL_QUOTE,
        },
        {
            "_since": "0008",
            "id": 6,
            "at": T(2026, 2, 3, 14, 3),
            "actor": "amara",
            "action": "export",
            "entity": "practice",
            "entity_id": 0,
            "fields": '{"format": "csv"}',
            "practitioner": "Dr Amara Okafor",
        },
    ],
    "client": [
        {
            "id": 1,
            "full_name": "Zoë Ñúñez",
            "preferred_name": "Zoë",
            "pronunciation": "ZOH-eh NOON-yes",
            "pronouns": "she/her",
            "email": "zoe.nunez@example.org",
            "phone": "+34 600 000 001",
            "address": "Calle Ejemplo 1\n28013 Madrid",
            "notes": "First contact by e-mail.",
            "status": "active",
            "status_changed_on": D(2026, 1, 6),
            "checkin_consent": "given",
            "checkin_channel": "email",
            "checkin_interval_days": 30,
            "checkin_snoozed_until": D(2026, 3, 1),
            "inquired_on": D(2025, 12, 1),
            "prospect_stage": None,
            "declined_reason": "",
            "primary_practitioner_id": 1,
            "search_key": "zoe nunez zoe",
            "created_at": T(2026, 1, 6, 10, 0, 0, 1),
            "updated_at": T(2026, 1, 20, 16, 45, 30, 999999),
            "version": 5,
        },
        {
            "id": 2,
            "full_name": "李小龙",
            "preferred_name": "小龙",
            "pronunciation": "Lǐ Xiǎolóng",
            "pronouns": "",
            "email": "",
            "phone": "",
            "address": "",
            "notes": "",
            "status": "prospect",
            "status_changed_on": D(2026, 1, 31),
            "checkin_consent": "not_asked",
            "checkin_channel": None,
            "checkin_interval_days": None,
            "checkin_snoozed_until": None,
            "inquired_on": D(2026, 1, 31),
            "prospect_stage": "consultation",
            "declined_reason": "",
            "primary_practitioner_id": None,
            "search_key": "李小龙 小龙",
            # The last microsecond of a month: its first contact is still 31 January.
            "created_at": T(2026, 1, 31, 23, 59, 59, 999999),
            "updated_at": T(2026, 1, 31, 23, 59, 59, 999999),
            "version": 1,
        },
        {
            "id": 3,
            "full_name": SQL_QUOTE,
            "preferred_name": NULL_WORD,
            "pronunciation": BIDI,
            "pronouns": "they/them",
            "email": "mk@example.org",
            "phone": NUMBER_LIKE,
            "address": LINES,
            "notes": SCRIPT,
            "status": "closed",
            "status_changed_on": D(2024, 2, 29),
            "checkin_consent": "declined",
            "checkin_channel": "sms",
            "checkin_interval_days": None,
            "checkin_snoozed_until": None,
            "inquired_on": None,
            "prospect_stage": None,
            "declined_reason": "",
            "primary_practitioner_id": 1,
            "search_key": SQL_QUOTE.lower(),
            "created_at": T(2024, 2, 29, 0, 0),  # midnight on a leap day
            "updated_at": T(2024, 3, 1, 9, 0),
            "version": 1,
        },
        {
            "id": 4,
            "full_name": "Olu Example",
            "preferred_name": EMOJI,
            "pronunciation": "",
            "pronouns": FORMAT,
            "email": "",
            "phone": "",
            "address": "",
            "notes": CONTROL,
            "status": "declined",
            "status_changed_on": D(2000, 1, 1),
            "checkin_consent": "withdrawn",
            "checkin_channel": "other",
            "checkin_interval_days": 1,
            "checkin_snoozed_until": D(9999, 12, 31),
            "inquired_on": D(1999, 12, 1),
            "prospect_stage": "inquiry",
            "declined_reason": SHELL,
            "primary_practitioner_id": 2,
            "search_key": "olu example",
            "created_at": T(1999, 12, 31, 23, 59, 59),
            "updated_at": T(2000, 1, 1, 0, 0),
            "version": INT_MAX,
        },
    ],
    "provider": [
        {
            "id": 1,
            "name": "Example Counselling Service",
            "kind": "external",
            "practitioner_id": None,
            "specialty": "Couples",
            "phone": "",
            "email": "intake@example.org",
            "address": "",
            "notes": QUOTES,
            "accepting_clients": True,
            "archived": True,
        },
        {
            "id": 2,
            "name": "Sam (in house)",
            "kind": "internal",
            "practitioner_id": 2,
            "specialty": SCRIPT_LIKE,
            "phone": "",
            "email": "",
            "address": "",
            "notes": "",
            "accepting_clients": False,
            "archived": False,
        },
    ],
    "adjustment": [
        {
            "id": 1,
            "client_id": 1,
            "amount_minor": -INT_MAX,
            "reason": SQL_QUOTE,
            "adjusted_on": D(2026, 2, 5),
            "currency": "JPY",
            "created_at": T(2026, 2, 5, 9, 0),
        },
        {
            "id": 2,
            "client_id": 3,
            "amount_minor": 1,
            "reason": "Goodwill",
            "adjusted_on": D(2024, 2, 29),
            "currency": "EUR",
            "created_at": T(2024, 2, 29, 23, 59, 59, 999999),
        },
    ],
    "appointment": [
        {
            "id": 1,
            "client_id": 1,
            "practitioner_id": 1,
            "service_id": 1,
            "series_id": None,
            "start": T(2026, 2, 3, 14, 0),
            "duration_minutes": 50,
            "mode": "video",
            "location": "Video link in the invitation",
            "status": "completed",
            "rescheduled_to_id": None,
            "client_arrived_at": T(2026, 2, 3, 13, 58, 30),
            "notes": "",
            "cancelled_by": None,
            "cancel_reason": "",
            "cancelled_at": None,
            "original_start": None,
            "ical_uid": None,
            "created_at": T(2026, 1, 20, 16, 40),
            "updated_at": T(2026, 2, 3, 14, 55),
            "version": 2,
        },
        {
            "id": 2,
            "client_id": 1,
            "practitioner_id": 1,
            "service_id": None,
            "series_id": 1,
            "start": T(2026, 2, 10, 14, 0),
            "duration_minutes": 50,
            "mode": "in_person",
            "location": PERSIAN,
            "status": "cancelled",
            "rescheduled_to_id": None,
            "client_arrived_at": None,
            "notes": LINES,
            "cancelled_by": "client",
            "cancel_reason": SCRIPT,
            "cancelled_at": T(2026, 2, 8, 23, 59, 59, 999999),
            "original_start": T(2026, 2, 10, 13, 0),
            "ical_uid": "series-1-2@example.invalid",
            "created_at": T(2026, 1, 20, 16, 40),
            "updated_at": T(2026, 2, 8, 23, 59, 59, 999999),
            "version": 1,
        },
        {
            "id": 4,
            "client_id": 3,
            "practitioner_id": 2,
            "service_id": 2,
            "series_id": 2,
            "start": T(2024, 2, 29, 0, 0),
            "duration_minutes": 1,
            "mode": "phone",
            "location": "",
            "status": "scheduled",
            "rescheduled_to_id": None,
            "client_arrived_at": None,
            "notes": NULL_WORD,
            "cancelled_by": None,
            "cancel_reason": "",
            "cancelled_at": None,
            "original_start": None,
            "ical_uid": SQL_QUOTE,
            "created_at": T(2024, 2, 1, 8, 0),
            "updated_at": T(2024, 2, 1, 8, 0),
            "version": 1,
        },
        {
            "id": 3,
            "client_id": 3,
            "practitioner_id": 1,
            "service_id": None,
            "series_id": None,
            "start": T(2024, 2, 28, 9, 0),
            "duration_minutes": 50,
            "mode": "in_person",
            "location": "Room 1",
            "status": "rescheduled",
            "rescheduled_to_id": 4,
            "client_arrived_at": None,
            "notes": "",
            "cancelled_by": "practitioner",
            "cancel_reason": "",
            "cancelled_at": None,
            "original_start": None,
            "ical_uid": None,
            "created_at": T(2024, 2, 1, 8, 0),
            "updated_at": T(2024, 2, 1, 8, 5),
            "version": 3,
        },
        {
            "id": 5,
            "client_id": 2,
            "practitioner_id": 1,
            "service_id": 1,
            "series_id": None,
            "start": T(2026, 2, 4, 9, 0),
            "duration_minutes": 60,
            "mode": "in_person",
            "location": SHELL,
            "status": "late_cancelled",
            "rescheduled_to_id": None,
            "client_arrived_at": None,
            "notes": "",
            "cancelled_by": "client",
            "cancel_reason": "Ill",
            "cancelled_at": T(2026, 2, 4, 8, 0),
            "original_start": None,
            "ical_uid": None,
            "created_at": T(2026, 1, 31, 12, 0),
            "updated_at": T(2026, 2, 4, 8, 0),
            "version": 1,
        },
    ],
    "busy_time": [
        {
            "_since": "0002",
            "id": 1,
            "practitioner_id": 1,
            "starts_at": T(2026, 2, 5, 12, 0),
            "ends_at": T(2026, 2, 5, 12, 0, 0, 1),
            "title": SCRIPT,
            "ical_uid": None,
            "created_at": T(2026, 1, 30, 8, 0),
        },
        {
            "_since": "0002",
            "id": 2,
            "practitioner_id": 2,
            "starts_at": T(2026, 12, 31, 23, 0),
            "ends_at": T(2027, 1, 1, 1, 0),
            "title": "",
            "ical_uid": "busy-2@example.invalid",
            "created_at": T(2026, 1, 30, 8, 0),
        },
    ],
    "waitlist_entry": [
        {
            "_since": "0002",
            "id": 1,
            "client_id": 2,
            "practitioner_id": None,
            "preferred_weekdays": "0,2,4",
            "earliest_time": dt.time(9, 0),
            "latest_time": dt.time(17, 30),
            "urgent": True,
            "note": PERSIAN,
            "added_on": D(2026, 1, 31),
            "status": "waiting",
            "resolved_on": None,
        },
        {
            "_since": "0002",
            "id": 2,
            "client_id": 4,
            "practitioner_id": 2,
            "preferred_weekdays": "",
            "earliest_time": None,
            "latest_time": dt.time(0, 0, 1),
            "urgent": False,
            "note": "",
            "added_on": D(2000, 1, 1),
            "status": "removed",
            "resolved_on": D(2000, 1, 2),
        },
    ],
    "checkin": [
        {
            "id": 1,
            "client_id": 1,
            "sent_at": T(2026, 2, 20, 9, 0),
            "channel": "email",
            "message_text": f"Hello Zoë {EMOJI}",
            "reply_note": "",
        },
        {
            "id": 2,
            "client_id": 4,
            "sent_at": T(1999, 12, 31, 23, 59, 59, 999999),
            "channel": "post",
            "message_text": "",
            "reply_note": CONTROL,
        },
    ],
    "checkin_consent": [
        {
            "id": 1,
            "client_id": 1,
            "state": "given",
            "recorded_on": D(2026, 1, 6),
            "channel": "email",
            "client_words": "Yes, a note once a month is fine.",
        },
        {
            "id": 2,
            "client_id": 4,
            "state": "withdrawn",
            "recorded_on": D(2000, 1, 1),
            "channel": None,
            "client_words": QUOTES,
        },
    ],
    "client_fact": [
        {
            "id": 1,
            "client_id": 1,
            "noted_on": D(2026, 1, 6),
            "text": "Zoë, with the diaeresis; she minds when it is dropped.",
            "created_at": T(2026, 1, 6, 10, 5),
        },
        {
            "id": 2,
            "client_id": 3,
            "noted_on": D(2024, 2, 29),
            "text": BIDI,
            "created_at": T(2024, 2, 29, 0, 0),
        },
    ],
    "client_issue": [
        {
            "id": 1,
            "client_id": 1,
            "title": "Housing",
            "description": "",
            "urgency": "crisis",
            "impact": SCRIPT,
            "raised_on": D(2026, 2, 3),
            "due_on": None,
            "status": "open",
            "resolved_on": None,
            "resolution_note": "",
            "reopened_count": 0,
            "reopened_on": None,
        },
        {
            "id": 2,
            "client_id": 3,
            "title": SQL_QUOTE,
            "description": LINES,
            "urgency": "low",
            "impact": "",
            "raised_on": D(2024, 2, 29),
            "due_on": D(2024, 3, 1),
            "status": "resolved",
            "resolved_on": D(2024, 3, 1),
            "resolution_note": NULL_WORD,
            "reopened_count": 2,
            "reopened_on": D(2024, 2, 29),
        },
    ],
    "expectation": [
        {
            "id": 1,
            "client_id": 1,
            "description": "Reply to messages within two working days.",
            "set_by": "practice",
            "set_on": D(2026, 1, 6),
            "review_on": D(2026, 4, 6),
            "outcome": "open",
            "reviewed_on": None,
            "conversation_note": "",
        },
        {
            "id": 2,
            "client_id": 3,
            "description": FORMAT,
            "set_by": "client",
            "set_on": D(2024, 2, 29),
            "review_on": None,
            "outcome": "not_met",
            "reviewed_on": D(2024, 3, 1),
            "conversation_note": EMOJI,
        },
    ],
    "fee_arrangement": [
        {
            "id": 1,
            "client_id": 1,
            "effective_from": D(2026, 1, 6),
            "tier_id": 1,
            "custom_fee_minor": None,
            "note": "",
        },
        {
            "id": 2,
            "client_id": 1,
            "effective_from": D(2026, 3, 1),
            "tier_id": None,
            "custom_fee_minor": 0,
            "note": SCRIPT_LIKE,
        },
    ],
    "payment_plan": [
        {
            "id": 1,
            "client_id": 3,
            "agreed_on": D(2024, 2, 29),
            "total_minor": INT_MAX,
            "status": "active",
            "note": "",
        },
        {
            "id": 2,
            "client_id": 1,
            "agreed_on": D(2026, 2, 1),
            "total_minor": 1,
            "status": "cancelled",
            "note": SHELL,
        },
    ],
    "grace_rule": [
        # Rules 1 and 2 are the ones 0006 ships; this one a practice added.
        {
            "_since": "0006",
            "id": 3,
            "kind": "first_forgiven",
            "applies_to": "no_show",
            "allowance": 2,
            "window_days": None,
            "circumstance": PERSIAN,
            "active": False,
            "sort_order": 0,
        },
    ],
    "charge": [
        {
            "id": 1,
            "client_id": 1,
            "appointment_id": 1,
            "kind": "session",
            "description": "Session 3 February",
            "amount_minor": 8500,
            "charged_on": D(2026, 2, 3),
            "status": "due",
            "waived_reason": "",
            "grace_rule_id": None,
            "currency": "CHF",
            "created_at": T(2026, 2, 3, 14, 56),
            "version": 4,
        },
        {
            "id": 2,
            "client_id": 2,
            "appointment_id": 5,
            "kind": "late_cancel",
            "description": SQL_QUOTE,
            "amount_minor": 4000,
            "charged_on": D(2026, 2, 4),
            "status": "waived",
            "waived_reason": "Illness",
            "grace_rule_id": 2,
            "currency": "EUR",
            "created_at": T(2026, 2, 4, 8, 1),
            "version": 1,
        },
        # Two charges of one kind without an appointment: 0006's unique
        # (appointment_id, kind) must let them both through (NULLs are distinct).
        {
            "id": 3,
            "client_id": 1,
            "appointment_id": None,
            "kind": "other",
            "description": "",
            "amount_minor": 0,
            "charged_on": D(2024, 2, 29),
            "status": "due",
            "waived_reason": "",
            "grace_rule_id": None,
            "currency": "GBP",
            "created_at": T(2024, 2, 29, 0, 0),
            "version": 1,
        },
        {
            "id": 4,
            "client_id": 1,
            "appointment_id": None,
            "kind": "other",
            "description": EMOJI,
            "amount_minor": INT_MAX,
            "charged_on": D(2026, 2, 28),
            "status": "waived",
            "waived_reason": CONTROL,
            "grace_rule_id": 3,
            "currency": "JPY",
            "created_at": T(2026, 2, 28, 23, 59, 59, 999999),
            "version": INT_MAX,
        },
    ],
    "instalment": [
        {"id": 1, "plan_id": 1, "due_on": D(2024, 3, 31), "amount_minor": 1, "paid_on": None},
        {
            "id": 2,
            "plan_id": 1,
            "due_on": D(2024, 2, 29),
            "amount_minor": INT_MAX - 1,
            "paid_on": D(2024, 2, 29),
        },
    ],
    "interaction": [
        {
            "id": 1,
            "client_id": 1,
            "practitioner_id": 1,
            "appointment_id": 1,
            "kind": "session",
            "occurred_at": T(2026, 2, 3, 14, 0),
            "notes": LINES,
            "client_words": "I slept better this week.",
            "next_steps": "",
            "more_helpful": QUOTES,
            "practitioner_only_notes": SCRIPT,
            "not_at_my_best": False,
            "plan_not_a_fit": True,
            "referral_considered": False,
            "checkins_discussed": True,
            "state": "final",
            "finalised_at": T(2026, 2, 3, 14, 55),
            "draft_saved_at": T(2026, 2, 3, 14, 50),
            "created_at": T(2026, 2, 3, 14, 0),
            "updated_at": T(2026, 2, 3, 14, 55),
        },
        {
            "id": 2,
            "client_id": 3,
            "practitioner_id": None,
            "appointment_id": None,
            "kind": "contact_attempt",
            "occurred_at": T(2024, 2, 29, 23, 59, 59, 999999),
            "notes": "",
            "client_words": BIDI,
            "next_steps": FORMAT,
            "more_helpful": "",
            "practitioner_only_notes": "",
            "not_at_my_best": True,
            "plan_not_a_fit": False,
            "referral_considered": True,
            "checkins_discussed": False,
            "state": "draft",
            "finalised_at": None,
            "draft_saved_at": None,
            "created_at": T(2024, 2, 29, 23, 59, 59, 999999),
            "updated_at": T(2024, 2, 29, 23, 59, 59, 999999),
        },
    ],
    "lateness_notice": [
        {
            "id": 1,
            "appointment_id": 1,
            "who_is_late": "practitioner",
            "expected_minutes": 10,
            "told_at": None,
            "channel": None,
            "message_text": "",
            "reschedule_offered": False,
            "reschedule_required": None,
            "outcome": "pending",
            "note": "",
            "created_at": T(2026, 2, 3, 13, 50),
        },
        {
            "id": 2,
            "appointment_id": 1,
            "who_is_late": "client",
            "expected_minutes": 5,
            "told_at": T(2026, 2, 3, 13, 55),
            "channel": "sms",
            "message_text": EMOJI,
            "reschedule_offered": True,
            "reschedule_required": True,
            "outcome": "wait",
            "note": SCRIPT,
            "created_at": T(2026, 2, 3, 13, 55),
        },
        {
            "id": 3,
            "appointment_id": 4,
            "who_is_late": "practitioner",
            "expected_minutes": INT_MAX,
            "told_at": T(2024, 2, 29, 0, 0),
            "channel": "phone",
            "message_text": SQL_QUOTE,
            "reschedule_offered": True,
            "reschedule_required": False,
            "outcome": "reschedule",
            "note": "",
            "created_at": T(2024, 2, 28, 23, 59, 59, 999999),
        },
        {
            "id": 4,
            "appointment_id": 4,
            "who_is_late": "client",
            "expected_minutes": 0,
            "told_at": None,
            "channel": "other",
            "message_text": CONTROL,
            "reschedule_offered": False,
            "reschedule_required": None,
            "outcome": "cancel_without_fee",
            "note": NULL_WORD,
            "created_at": T(2024, 2, 29, 0, 0),
        },
        {
            "_since": "0005",
            "id": 5,
            "appointment_id": 1,
            "who_is_late": "client",
            "expected_minutes": 20,
            "told_at": T(2026, 2, 3, 13, 56),
            "channel": "phone",
            "message_text": "",
            "reschedule_offered": False,
            "reschedule_required": False,
            "outcome": "shorten",
            "note": "Bus strike",
            "created_at": T(2026, 2, 3, 13, 56),
        },
        {
            "_since": "0005",
            "id": 6,
            "appointment_id": 4,
            "who_is_late": "client",
            "expected_minutes": 1,
            "told_at": None,
            "channel": None,
            "message_text": "",
            "reschedule_offered": True,
            "reschedule_required": True,
            "outcome": "proceed",
            "note": PERSIAN,
            "created_at": T(2024, 2, 29, 0, 1),
        },
    ],
    "payment": [
        {
            "id": 1,
            "client_id": 1,
            "kind": "payment",
            "method": "card",
            "amount_minor": 8500,
            "paid_on": D(2026, 2, 4),
            "reference": NUMBER_LIKE,
            "note": "Paid in full",
            "refund_of_id": None,
            "plan_id": None,
            "currency": "CHF",
            "created_at": T(2026, 2, 4, 9, 12),
            "version": 3,
        },
        {
            "id": 2,
            "client_id": 1,
            "kind": "refund",
            "method": "cash",
            "amount_minor": 1,
            "paid_on": D(2026, 2, 5),
            "reference": "",
            "note": SQL_QUOTE,
            "refund_of_id": 1,
            "plan_id": None,
            "currency": "CHF",
            "created_at": T(2026, 2, 5, 23, 59, 59, 999999),
            "version": 1,
        },
        {
            "id": 3,
            "client_id": 3,
            "kind": "payment",
            "method": "transfer",
            "amount_minor": INT_MAX,
            "paid_on": D(2024, 2, 29),
            "reference": SCRIPT,
            "note": "",
            "refund_of_id": None,
            "plan_id": 1,
            "currency": "EUR",
            "created_at": T(2024, 2, 29, 0, 0),
            "version": 1,
        },
    ],
    "checklist_answer": [
        {
            "id": 1,
            "interaction_id": 1,
            "principle_id": 1,
            "answer": "done",
            "reason": "",
            "note": "",
            "answered_at": T(2026, 2, 3, 14, 55),
        },
        {
            "id": 2,
            "interaction_id": 1,
            "principle_id": 2,
            "answer": "not_applicable",
            "reason": SCRIPT,
            "note": EMOJI,
            "answered_at": T(2026, 2, 3, 14, 55, 0, 1),
        },
        {
            "id": 4,
            "interaction_id": 2,
            "principle_id": 2,
            "answer": "done",
            "reason": NULL_WORD,
            "note": "",
            "answered_at": T(2024, 2, 29, 23, 59, 59, 999999),
        },
        {
            "_since": "0003",
            "id": 3,
            "interaction_id": 2,
            "principle_id": 1,
            "answer": "not_done",
            "reason": "",
            "note": "Ran out of time",
            "answered_at": T(2024, 2, 29, 23, 59, 59, 999999),
        },
    ],
    "interaction_addendum": [
        {
            "_since": "0003",
            "id": 1,
            "interaction_id": 1,
            "written_at": T(2026, 2, 4, 9, 0),
            "actor": "amara",
            "field": "notes",
            "old_value": LINES,
            "new_value": SCRIPT,
            "reason": "Typo",
        },
        {
            "_since": "0003",
            "id": 2,
            "interaction_id": 2,
            "written_at": T(2024, 3, 1, 0, 0),
            "actor": "",
            "field": "client_words",
            "old_value": "",
            "new_value": BIDI,
            "reason": "",
        },
    ],
    "money_conversation": [
        {
            "id": 1,
            "client_id": 1,
            "interaction_id": 1,
            "held_on": D(2026, 2, 3),
            "topic": "fee",
            "summary": "Agreed the reduced fee.",
            "client_words": QUOTES,
            "agreed_outcome": "",
            "follow_up_on": D(2026, 3, 3),
            "follow_up_done_on": D(2026, 3, 2),
        },
        {
            "id": 2,
            "client_id": 3,
            "interaction_id": None,
            "held_on": D(2024, 2, 29),
            "topic": "other",
            "summary": SQL_QUOTE,
            "client_words": "",
            "agreed_outcome": FORMAT,
            "follow_up_on": None,
            "follow_up_done_on": None,
        },
    ],
    "referral": [
        {
            "id": 1,
            "client_id": 1,
            "direction": "outgoing",
            "provider_id": 1,
            "source_kind": None,
            "source_client_id": None,
            "source_detail": "",
            "interaction_id": 1,
            "reason": "Couples work",
            "urgency": "urgent",
            "status": "introduced",
            "warm_handoff": "coworker_calls",
            "handoff_on": D(2026, 2, 4),
            "follow_up_on": D(2026, 2, 18),
            "connected": None,
            "follow_up_answer": "",
            "followed_up_on": D(2026, 2, 18),
            "consent_to_share_on": D(2026, 2, 3),
            "referred_on": D(2026, 2, 3),
        },
        {
            "id": 2,
            "client_id": 2,
            "direction": "incoming",
            "provider_id": None,
            "source_kind": "client",
            "source_client_id": 1,
            "source_detail": SCRIPT,
            "interaction_id": None,
            "reason": "",
            "urgency": "routine",
            "status": "declined",
            "warm_handoff": "none",
            "handoff_on": None,
            "follow_up_on": None,
            "connected": False,
            "follow_up_answer": CONTROL,
            "followed_up_on": None,
            "consent_to_share_on": None,
            "referred_on": D(2026, 1, 31),
        },
    ],
}


def _exists_at(revision: str, since: str) -> bool:
    return since <= revision


def rows_at(revision: str) -> dict[str, list[Row]]:
    """The rows the fixture for ``revision`` holds, as inserted, in its schema's columns."""
    if revision not in REVISIONS:
        raise ValueError(f"no such revision: {revision}")
    rows: dict[str, list[Row]] = {}
    for table, story_rows in STORY.items():
        if not _exists_at(revision, TABLE_ADDED_IN.get(table, "0001")):
            continue
        added = COLUMN_ADDED_IN.get(table, {})
        rows[table] = [
            {
                column: value
                for column, value in row.items()
                if column != "_since" and _exists_at(revision, added.get(column, "0001"))
            }
            for row in story_rows
            if _exists_at(revision, row.get("_since", "0001"))
        ]
    return rows


def _typed(name: str, value: Any):  # type: ignore[no-untyped-def]
    """A bound parameter typed by its value, so each dialect stores it its own way."""
    if isinstance(value, dt.datetime):
        return bindparam(name, type_=DateTime())
    if isinstance(value, dt.date):
        return bindparam(name, type_=Date())
    if isinstance(value, dt.time):
        return bindparam(name, type_=Time())
    if isinstance(value, bool):
        return bindparam(name, type_=Boolean())
    return None


def insert_rows(connection: Connection, rows: dict[str, list[Row]]) -> None:
    """Plain INSERTs, one a row, with every column named (no default is relied on)."""
    for table, table_rows in rows.items():
        for row in table_rows:
            columns = list(row)
            names = ", ".join(f'"{c}"' for c in columns)
            values = ", ".join(f":{c}" for c in columns)
            statement = text(f'INSERT INTO "{table}" ({names}) VALUES ({values})')
            typed = [p for c in columns if (p := _typed(c, row[c])) is not None]
            if typed:
                statement = statement.bindparams(*typed)
            connection.execute(statement, row)


def build(path: Path, revision: str) -> None:
    """Create the database at ``path`` (which must not exist) at ``revision``, with its rows."""
    if path.exists():
        raise FileExistsError(path)
    engine = make_engine(path)
    try:
        migrate.upgrade(engine, revision)
        with engine.begin() as connection:
            insert_rows(connection, rows_at(revision))
    finally:
        engine.dispose()
    # Every table and index takes at least a page: the smallest pages keep the files small.
    save_as_single_file(path, page_size=512)


def main() -> int:
    """Rebuild every fixture: built in a private temporary folder, then copied into place.

    The rows and the schema come out the same each time, the bytes not quite: Alembic's
    batch rebuilds (0002 on) write a rebuilt table's constraints in the order of a set of
    objects, which differs from run to run.
    """
    with tempfile.TemporaryDirectory() as workdir:
        for revision in REVISIONS:
            built = Path(workdir) / fixture_path(revision).name
            build(built, revision)
            FIXTURES_DIR.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(built, fixture_path(revision))
            print(f"wrote {fixture_path(revision)} ({built.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
