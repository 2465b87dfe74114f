"""iCalendar export and import: privacy, time zones, damaged files, repeats, duplicates."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from sqlalchemy import select

from clientcare import clients
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.migrate import open_database
from clientcare.db.models import (
    Appointment,
    AppointmentMode,
    AppointmentStatus,
    BusyTime,
    Client,
    ClientStatus,
    Practitioner,
)
from clientcare.errors import ValidationError
from clientcare.ical import (
    ImportAs,
    ImportReport,
    TitlePrivacy,
    client_title,
    export_ics,
    import_ics,
)

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 9, 0)
TZ = "Europe/London"
BLNS = Path(__file__).resolve().parents[3] / "shared" / "data" / "blns.json"
OWN_NAUGHTY = [
    "",
    " ",
    "\x00null\x00",
    "line\r\nbreak",
    "tab\there",
    "\x1b[31mred\x1b[0m",
    "\u202eright-to-left override",
    "Zoë\u2028Ñúñez",
    "END:VEVENT",
    "BEGIN:VCALENDAR",
    "semi;colon,comma\\backslash",
    "'; DROP TABLE appointment; --",
    "𝕋𝕙𝕖 𝕢𝕦𝕚𝕔𝕜",
    "x" * 5000,
]


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


@pytest.fixture
def other_db(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    """A second fresh database, for round trips between practices."""
    path = tmp_path / "other.sqlite3"
    shutil.copyfile(migrated_template, path)
    database, _report = open_database(path)
    yield database
    database.dispose()


def setup_practice(database: Database) -> tuple[int, dict[str, int]]:
    """A practitioner and three clients; returns their ids."""
    with database.unit_of_work() as session:
        practitioner = Practitioner(full_name="Pat Practitioner")
        session.add(practitioner)
        session.flush()
        ids = {}
        for full_name, preferred in [
            ("Zoë Ñúñez", "Zo"),
            ("Sam Smith", "Sammy"),
            ("Robert Sample", "Bobby"),
        ]:
            created = clients.create_client(
                session,
                ClientInput(full_name=full_name, preferred_name=preferred),
                region="GB",
                today=TODAY,
            )
            ids[full_name] = created.id
        return practitioner.id, ids


def book(
    database: Database,
    practitioner_id: int,
    client_id: int,
    start: dt.datetime,
    minutes: int = 50,
    **fields: object,
) -> int:
    with database.unit_of_work() as session:
        appointment = Appointment(
            client_id=client_id,
            practitioner_id=practitioner_id,
            start=start,
            duration_minutes=minutes,
            **fields,
        )
        session.add(appointment)
        session.flush()
        return appointment.id


def calendar(*events: str) -> bytes:
    """A calendar file around raw VEVENT bodies (lines separated by newlines)."""
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n{body}END:VCALENDAR\r\n"
    return text.replace("\n", "\r\n").replace("\r\r\n", "\r\n").encode("utf-8")


def event(uid: str, summary: str, start: str, end: str | None = None, *extra: str) -> str:
    lines = [f"UID:{uid}", f"SUMMARY:{summary}", f"DTSTART:{start}"]
    if end is not None:
        lines.append(f"DTEND:{end}")
    return "\n".join([*lines, *extra])


def run_import(
    database: Database,
    data: bytes,
    practitioner_id: int,
    as_: ImportAs = ImportAs.APPOINTMENTS,
    *,
    dry_run: bool = False,
) -> ImportReport:
    with database.unit_of_work() as session:
        return import_ics(
            session,
            data,
            practitioner_id=practitioner_id,
            as_=as_,
            tz_name=TZ,
            now=NOW,
            dry_run=dry_run,
        )


def stored_appointments(database: Database) -> set[tuple[str, dt.datetime, int]]:
    with database.reading() as session:
        rows = session.execute(
            select(Client.full_name, Appointment.start, Appointment.duration_minutes).join(
                Client, Client.id == Appointment.client_id
            )
        )
        return {tuple(row) for row in rows}  # type: ignore[misc]


def do_export(database: Database, privacy: TitlePrivacy = TitlePrivacy.FULL_NAME) -> bytes:
    with database.reading() as session:
        return export_ics(
            session,
            start=dt.date(2026, 12, 1),
            end=dt.date(2026, 12, 31),
            practitioner_id=None,
            privacy=privacy,
            tz_name=TZ,
            now=NOW,
        )


# ---------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------


def test_titles_follow_the_privacy_choice() -> None:
    assert client_title("Zoë Ñúñez", "Zo", TitlePrivacy.FULL_NAME) == "Zoë Ñúñez"
    assert client_title("Zoë Ñúñez", "Zo", TitlePrivacy.PREFERRED_NAME) == "Zo"
    assert client_title("Zoë Ñúñez", "Zo", TitlePrivacy.INITIALS) == "Z. Ñ."
    assert client_title("Zoë Ñúñez", "Zo", TitlePrivacy.GENERIC) == "Client session"
    assert client_title("'' ", "x", TitlePrivacy.INITIALS) == "Client session"


def test_export_has_range_statuses_time_zone_and_no_notes(db: Database) -> None:
    practitioner_id, ids = setup_practice(db)
    zoe = ids["Zoë Ñúñez"]
    kept = book(db, practitioner_id, zoe, dt.datetime(2026, 12, 1, 10), notes="SECRET NOTE")
    book(db, practitioner_id, zoe, dt.datetime(2026, 12, 31, 16), mode=AppointmentMode.VIDEO)
    book(db, practitioner_id, zoe, dt.datetime(2026, 12, 2, 10), status=AppointmentStatus.CANCELLED)
    book(db, practitioner_id, zoe, dt.datetime(2026, 11, 30, 10))  # before the range
    book(db, practitioner_id, zoe, dt.datetime(2027, 1, 1, 0))  # after the range
    book(db, practitioner_id, zoe, dt.datetime(2026, 12, 3, 10), ical_uid="abc@elsewhere")

    data = do_export(db, TitlePrivacy.GENERIC)
    text = data.decode("utf-8")
    parsed = icalendar.Calendar.from_ical(data)
    events = list(parsed.walk("VEVENT"))
    assert len(events) == 3
    assert str(parsed["PRODID"]) == "-//ClientCare//ClientCare//EN"
    assert str(parsed["VERSION"]) == "2.0"
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/London" in text
    assert "DTSTART;TZID=Europe/London:20261201T100000" in text
    assert "SECRET" not in text
    for name in ("Zoë", "Ñúñez", "Zo", "Z."):
        assert name not in text.replace("TZNAME", "")
    assert {str(e["SUMMARY"]) for e in events} == {"Client session"}
    assert {str(e["DESCRIPTION"]) for e in events} == {"In person", "Video"}
    uids = {str(e["UID"]) for e in events}
    assert f"clientcare-appointment-{kept}@clientcare.invalid" in uids
    assert "abc@elsewhere" in uids
    assert do_export(db, TitlePrivacy.GENERIC).count(b"UID:") == 3  # stable

    initials = do_export(db, TitlePrivacy.INITIALS).decode("utf-8")
    assert "SUMMARY:Z. Ñ." in initials and "Zoë" not in initials


def test_export_for_one_practitioner_only(db: Database) -> None:
    practitioner_id, ids = setup_practice(db)
    with db.unit_of_work() as session:
        other = Practitioner(full_name="Other")
        session.add(other)
        session.flush()
        other_id = other.id
    book(db, practitioner_id, ids["Sam Smith"], dt.datetime(2026, 12, 1, 10))
    book(db, other_id, ids["Sam Smith"], dt.datetime(2026, 12, 1, 12))
    with db.reading() as session:
        data = export_ics(
            session,
            start=dt.date(2026, 12, 1),
            end=dt.date(2026, 12, 1),
            practitioner_id=other_id,
            privacy=TitlePrivacy.PREFERRED_NAME,
            tz_name=TZ,
            now=NOW,
        )
    assert data.count(b"BEGIN:VEVENT") == 1
    assert b"SUMMARY:Sammy" in data


# ---------------------------------------------------------------------------
# Round trip
# ---------------------------------------------------------------------------


def test_round_trip_into_a_fresh_database(db: Database, other_db: Database) -> None:
    practitioner_id, ids = setup_practice(db)
    book(db, practitioner_id, ids["Zoë Ñúñez"], dt.datetime(2026, 12, 1, 10), 50)
    book(db, practitioner_id, ids["Sam Smith"], dt.datetime(2026, 12, 1, 11), 90)
    book(db, practitioner_id, ids["Robert Sample"], dt.datetime(2026, 12, 24, 9, 30), 5)
    book(db, practitioner_id, ids["Sam Smith"], dt.datetime(2026, 12, 29, 8), 600)
    book(
        db,
        practitioner_id,
        ids["Zoë Ñúñez"],
        dt.datetime(2026, 12, 30, 12),
        mode=AppointmentMode.PHONE,
        location="Room 2",
    )
    data = do_export(db)

    other_practitioner, _ = setup_practice(other_db)
    report = run_import(other_db, data, other_practitioner)

    assert (report.imported, report.skipped) == (5, 0)
    assert stored_appointments(other_db) == stored_appointments(db)
    with other_db.reading() as session:
        stored = session.scalars(select(Appointment)).all()
        assert {a.status for a in stored} == {AppointmentStatus.SCHEDULED}
        assert {a.practitioner_id for a in stored} == {other_practitioner}
        assert all(a.ical_uid and a.ical_uid.startswith("clientcare-appointment-") for a in stored)
        phone = [a for a in stored if a.mode is AppointmentMode.PHONE]
        assert [(a.start, a.location) for a in phone] == [(dt.datetime(2026, 12, 30, 12), "Room 2")]


def test_importing_own_export_into_the_same_database_adds_nothing(db: Database) -> None:
    practitioner_id, ids = setup_practice(db)
    book(db, practitioner_id, ids["Sam Smith"], dt.datetime(2026, 12, 1, 11), 50)
    data = do_export(db)
    for as_ in ImportAs:
        report = run_import(db, data, practitioner_id, as_)
        assert report.imported == 0
        assert [line.outcome for line in report.lines] == ["already imported"]
    assert len(stored_appointments(db)) == 1


# ---------------------------------------------------------------------------
# Import: times
# ---------------------------------------------------------------------------


def test_utc_event_in_summer_becomes_london_wall_clock(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    data = calendar(event("u1", "Sam Smith", "20270615T090000Z", "20270615T095000Z"))
    report = run_import(db, data, practitioner_id)
    assert report.imported == 1
    assert report.lines[0].start == dt.datetime(2027, 6, 15, 10, 0)
    assert stored_appointments(db) == {("Sam Smith", dt.datetime(2027, 6, 15, 10, 0), 50)}


def test_tzid_and_floating_times(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    data = calendar(
        event(
            "paris",
            "Zoë Ñúñez",
            "20270115T100000",
            None,
            "DTEND;TZID=Europe/Paris:20270115T110000",
        ).replace("DTSTART:", "DTSTART;TZID=Europe/Paris:"),
        event("floating", "Robert Sample", "20270115T140000", "20270115T150000"),
    )
    report = run_import(db, data, practitioner_id, ImportAs.BUSY_TIME)
    assert report.imported == 2
    with db.reading() as session:
        busy = {(b.title, b.starts_at, b.ends_at) for b in session.scalars(select(BusyTime))}
    assert busy == {
        ("Zoë Ñúñez", dt.datetime(2027, 1, 15, 9), dt.datetime(2027, 1, 15, 10)),
        ("Robert Sample", dt.datetime(2027, 1, 15, 14), dt.datetime(2027, 1, 15, 15)),
    }


# ---------------------------------------------------------------------------
# Import: damaged files
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"hello",
        b"",
        b"\x00\x01\x02\xff",
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026",
    ],
    ids=["hello", "empty", "binary", "truncated"],
)
def test_unreadable_files_raise_and_store_nothing(db: Database, data: bytes) -> None:
    practitioner_id, _ids = setup_practice(db)
    with pytest.raises(ValidationError) as caught:
        run_import(db, data, practitioner_id)
    assert caught.value.for_field("file")
    assert "Nothing was imported" in (caught.value.for_field("file") or "")
    assert stored_appointments(db) == set()


def test_truncated_file_after_good_events_stores_nothing(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    whole = calendar(
        event("a", "Sam Smith", "20261201T100000", "20261201T105000"),
        event("b", "Sam Smith", "20261202T100000", "20261202T105000"),
    )
    with pytest.raises(ValidationError):
        run_import(db, whole[: len(whole) - 60], practitioner_id)
    assert stored_appointments(db) == set()


def test_latin1_and_bom_files_are_read(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    text = calendar(event("l1", "Zoë Ñúñez", "20261201T100000", "20261201T105000")).decode()
    report = run_import(db, text.encode("latin-1"), practitioner_id)
    assert report.imported == 1
    assert report.lines[0].summary == "Zoë Ñúñez"
    bom = "\ufeff" + text.replace("l1", "bom").replace("T10", "T12")
    assert run_import(db, bom.encode("utf-8"), practitioner_id).imported == 1


# ---------------------------------------------------------------------------
# Import: per-event problems
# ---------------------------------------------------------------------------


def test_problem_events_are_reported_not_raised(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    data = calendar(
        "UID:nostart\nSUMMARY:Sam Smith",
        event("backwards", "Sam Smith", "20261201T100000", "20261201T090000"),
        event("cancelled", "Sam Smith", "20261202T100000", "20261202T105000", "STATUS:CANCELLED"),
        event("old", "Sam Smith", "20100101T100000", "20100101T105000"),
        event("far", "Sam Smith", "20350101T100000", "20350101T105000"),
        event("short", "Sam Smith", "20261203T100000", "20261203T100200"),
        event("noend", "Sam Smith", "20261204T100000"),
        event("broken", "Sam Smith", "garbage", "20261204T100000"),
        event("ok", "sam SMITH", "20261205T100000", None, "DURATION:PT45M"),
    )
    report = run_import(db, data, practitioner_id)
    reasons = {line.number: line.reason for line in report.lines}
    assert reasons[1] == "has no start time"
    assert reasons[2] == "ends before it starts"
    assert "cancelled" in reasons[3]
    assert "10 years in the past" in reasons[4]
    assert "5 years ahead" in reasons[5]
    assert "lasts 2 minutes" in reasons[6]
    assert reasons[7] == "has no end time"
    assert "cannot read" in reasons[8]
    assert report.lines[-1].outcome == "imported"
    assert (report.imported, report.skipped) == (1, 8)
    assert stored_appointments(db) == {("Sam Smith", dt.datetime(2026, 12, 5, 10), 45)}


def test_client_matching(db: Database) -> None:
    practitioner_id, ids = setup_practice(db)
    with db.unit_of_work() as session:
        clients.create_client(
            session, ClientInput(full_name="Sammy Jones"), region="GB", today=TODAY
        )
        session.get(Client, ids["Robert Sample"]).status = ClientStatus.CLOSED  # type: ignore[union-attr]
    data = calendar(
        event("1", "Nobody Known", "20261201T100000", "20261201T105000"),
        event("2", "Sammy", "20261201T110000", "20261201T115000"),
        event("3", "Bobby", "20261201T120000", "20261201T125000"),
        event("4", "ZOE NUNEZ", "20261201T130000", "20261201T135000"),
        event("5", "zo", "20261201T140000", "20261201T145000"),
    )
    report = run_import(db, data, practitioner_id)
    reasons = [line.reason for line in report.lines]
    assert reasons[0] == "no client named “Nobody Known”"
    assert reasons[1] == "more than one client matches “Sammy”"
    assert "closed" in reasons[2]
    assert report.imported == 2


def test_overlaps_are_skipped_naming_the_time(db: Database) -> None:
    practitioner_id, ids = setup_practice(db)
    book(db, practitioner_id, ids["Sam Smith"], dt.datetime(2026, 12, 1, 10), 50)
    with db.unit_of_work() as session:
        session.add(
            BusyTime(
                practitioner_id=practitioner_id,
                starts_at=dt.datetime(2026, 12, 1, 13),
                ends_at=dt.datetime(2026, 12, 1, 14),
            )
        )
    data = calendar(
        event("a", "Zoë Ñúñez", "20261201T103000", "20261201T112000"),
        event("b", "Zoë Ñúñez", "20261201T133000", "20261201T142000"),
        event("c", "Zoë Ñúñez", "20261201T150000", "20261201T155000"),
        event("d", "Robert Sample", "20261201T152000", "20261201T160000"),
    )
    report = run_import(db, data, practitioner_id)
    reasons = [line.reason for line in report.lines]
    assert reasons == [
        "overlaps an appointment at 10:00",
        "overlaps busy time at 13:00",
        "",
        "overlaps an appointment at 15:00",
    ]


def test_huge_repeat_count_is_capped_and_says_how_many_were_left_out(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    data = calendar(
        event(
            "daily",
            "Busy thing",
            "20261124T080000",
            "20261124T083000",
            "RRULE:FREQ=DAILY;COUNT=100000",
        )
    )
    report = run_import(db, data, practitioner_id, ImportAs.BUSY_TIME)
    assert report.imported == 200
    left_out = [line for line in report.lines if line.outcome == "skipped"]
    assert len(left_out) == 1
    assert "99,800" in left_out[0].reason
    with db.reading() as session:
        assert len(session.scalars(select(BusyTime)).all()) == 200


def test_endless_weekly_repeat_stops_two_years_ahead(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    data = calendar(
        event(
            "weekly",
            "Sam Smith",
            "20261124T160000",
            "20261124T165000",
            "RRULE:FREQ=WEEKLY",
            "EXDATE:20261201T160000",
        )
    )
    report = run_import(db, data, practitioner_id)
    assert 100 <= report.imported <= 105
    assert "without end" in report.lines[-1].reason
    starts = sorted(start for _name, start, _m in stored_appointments(db))
    assert dt.datetime(2026, 12, 1, 16) not in starts
    assert starts[0] == dt.datetime(2026, 11, 24, 16)
    # Repeats get their own identifier, so a second import adds nothing.
    again = run_import(db, data, practitioner_id)
    assert again.imported == 0


def test_all_day_events(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    data = calendar(
        "UID:holiday\nSUMMARY:Holiday\nDTSTART;VALUE=DATE:20261228\nDTEND;VALUE=DATE:20261230",
        "UID:oneday\nSUMMARY:Sam Smith\nDTSTART;VALUE=DATE:20261231",
    )
    as_appointments = run_import(db, data, practitioner_id, ImportAs.APPOINTMENTS)
    assert {line.reason for line in as_appointments.lines} == {
        "all-day events are not appointments"
    }
    as_busy = run_import(db, data, practitioner_id, ImportAs.BUSY_TIME)
    assert as_busy.imported == 2
    with db.reading() as session:
        busy = {(b.title, b.starts_at, b.ends_at) for b in session.scalars(select(BusyTime))}
    assert busy == {
        ("Holiday", dt.datetime(2026, 12, 28), dt.datetime(2026, 12, 30)),
        ("Sam Smith", dt.datetime(2026, 12, 31), dt.datetime(2027, 1, 1)),
    }


@pytest.mark.parametrize("as_", list(ImportAs))
def test_duplicate_import_says_already_imported(db: Database, as_: ImportAs) -> None:
    practitioner_id, _ids = setup_practice(db)
    data = calendar(
        event("dup", "Sam Smith", "20261201T100000", "20261201T105000"),
        event("dup", "Sam Smith", "20261201T100000", "20261201T105000"),
    )
    first = run_import(db, data, practitioner_id, as_)
    assert [line.outcome for line in first.lines] == ["imported", "already imported"]
    second = run_import(db, data, practitioner_id, as_)
    assert [line.outcome for line in second.lines] == ["already imported"] * 2
    assert second.imported == 0


def test_dry_run_reports_the_same_but_stores_nothing(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    data = calendar(
        event("a", "Sam Smith", "20261201T100000", "20261201T105000"),
        event("b", "Nobody", "20261201T110000", "20261201T115000"),
    )
    preview = run_import(db, data, practitioner_id, dry_run=True)
    assert stored_appointments(db) == set()
    real = run_import(db, data, practitioner_id)
    assert preview == real
    assert len(stored_appointments(db)) == 1


def test_unknown_practitioner_or_time_zone(db: Database) -> None:
    data = calendar(event("a", "Sam Smith", "20261201T100000", "20261201T105000"))
    with pytest.raises(ValidationError) as caught:
        run_import(db, data, 999)
    assert caught.value.for_field("practitioner_id")
    practitioner_id, _ids = setup_practice(db)
    with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
        import_ics(
            session,
            data,
            practitioner_id=practitioner_id,
            as_=ImportAs.BUSY_TIME,
            tz_name="Mars/Olympus",
            now=NOW,
        )
    assert caught.value.for_field("tz_name")


@pytest.mark.parametrize(
    "body",
    [
        "DTSTART:20261201T100000\nRRULE:garbage",
        "DTSTART:20261201T100000\nDURATION:garbage",
        "DTSTART:20261201T100000\nDTEND:20261201T110000\nEXDATE:garbage\nRRULE:FREQ=DAILY;COUNT=3",
        "DTSTART:20261201T100000\nDTEND:20261201T110000\nRECURRENCE-ID:garbage",
        "DTSTART;VALUE=DATE:20261201\nDTEND:20261201T110000",
        "DTSTART:20261201T100000\nDTSTART:20261202T100000\nDTEND:20261201T110000",
        "SUMMARY:a\nSUMMARY:b\nDTSTART:20261201T100000\nDTEND:20261201T110000",
        "DTSTART:20261201T100000\nDTEND:20261201T110000\nRRULE:FREQ=DAILY;COUNT=0",
        "DTSTART:20261201T100000\nDTEND:20261201T110000\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "DTSTART:20261201T100000\nDTEND:20261201T100001\nRRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
        "DTSTART:20261201T100000\nDURATION:-PT1H",
        "DTSTART:99991231T235959\nDTEND:99991231T235959",
        "DTSTART:00010101T000000Z\nDTEND:00010101T010000Z",
        "DTSTART:20261201T100000Z\nDTEND:20261201T110000Z\nRRULE:FREQ=SECONDLY;UNTIL=20300101T000000Z",
    ],
)
def test_odd_properties_give_a_line_never_an_exception(db: Database, body: str) -> None:
    practitioner_id, _ids = setup_practice(db)
    report = run_import(db, calendar(f"UID:odd\n{body}"), practitioner_id, ImportAs.BUSY_TIME)
    assert report.lines
    assert all(line.outcome == "imported" or line.reason for line in report.lines)


def test_a_changed_repeat_replaces_its_occurrence(db: Database) -> None:
    practitioner_id, _ids = setup_practice(db)
    data = calendar(
        event("s", "Sam Smith", "20261201T100000", "20261201T105000", "RRULE:FREQ=DAILY;COUNT=3"),
        event(
            "s", "Sam Smith", "20261202T150000", "20261202T155000", "RECURRENCE-ID:20261202T100000"
        ),
    )
    report = run_import(db, data, practitioner_id)
    assert report.imported == 3
    starts = sorted(start for _name, start, _minutes in stored_appointments(db))
    assert starts == [
        dt.datetime(2026, 12, 1, 10),
        dt.datetime(2026, 12, 2, 15),
        dt.datetime(2026, 12, 3, 10),
    ]


# ---------------------------------------------------------------------------
# Hostile text
# ---------------------------------------------------------------------------


def naughty_strings() -> list[str]:
    strings = list(OWN_NAUGHTY)
    if BLNS.exists():
        loaded = json.loads(BLNS.read_text(encoding="utf-8"))
        strings += [s for s in loaded if isinstance(s, str)][::7]
    return strings


def has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in text)


@pytest.mark.parametrize("as_", list(ImportAs))
def test_naughty_summaries_never_crash_or_store_control_characters(
    db: Database, as_: ImportAs
) -> None:
    practitioner_id, _ids = setup_practice(db)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Test//EN")
    cal.add("version", "2.0")
    strings = naughty_strings()
    base = dt.datetime(2026, 12, 1, 8)
    for index, text in enumerate(strings):
        item = icalendar.Event()
        item.add("uid", f"n{index}")
        item.add("summary", text)
        item.add("location", text)
        item.add("dtstart", base + dt.timedelta(hours=index))
        item.add("dtend", base + dt.timedelta(hours=index, minutes=30))
        cal.add_component(item)
    report = run_import(db, cal.to_ical(), practitioner_id, as_)
    assert len(report.lines) == len(strings)
    assert all(not has_control(line.summary) for line in report.lines)
    with db.reading() as session:
        titles = session.scalars(select(BusyTime.title)).all()
        places = session.scalars(select(Appointment.location)).all()
    assert all(not has_control(text) and len(text) <= 200 for text in [*titles, *places])
    if as_ is ImportAs.BUSY_TIME:
        assert report.imported == len(strings)


def test_naughty_strings_pasted_raw_into_the_file(db: Database) -> None:
    """Unescaped text may break the file; that is a ValidationError, never a crash."""
    practitioner_id, _ids = setup_practice(db)
    for index, text in enumerate(naughty_strings()[:60]):
        data = calendar(event(f"raw{index}", text, "20261201T100000", "20261201T103000"))
        try:
            report = run_import(db, data, practitioner_id, ImportAs.BUSY_TIME, dry_run=True)
        except ValidationError as error:
            assert error.for_field("file")
        else:
            assert all(not has_control(line.summary) for line in report.lines)
