"""Two practitioners on one database: stale saves are refused, the same slot is booked once."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from clientcare import appointments, audit, clients, concurrency, money
from clientcare.appointments import AppointmentInput, ConflictError
from clientcare.clients import ClientInput
from clientcare.concurrency import StaleEdit, stale_message
from clientcare.db.engine import Database
from clientcare.db.migrate import open_database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    CancelledBy,
    Charge,
    ChargeKind,
    ChargeStatus,
    Client,
    Practitioner,
)
from clientcare.errors import NotFoundError

NOW = dt.datetime(2026, 11, 23, 9, 0)
SLOT = dt.datetime(2026, 11, 24, 10, 0)


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        practitioner = Practitioner(full_name="Dr Amara Okafor")
        session.add(practitioner)
        session.flush()
        client = clients.create_client(
            session, ClientInput(full_name="Zoë Ñúñez"), region="GB", today=NOW.date()
        )
        return {"practitioner": practitioner.id, "client": client.id}


def _as(monkeypatch: pytest.MonkeyPatch, actor: str) -> None:
    monkeypatch.setattr(audit, "current_actor", lambda: actor)


def test_a_stale_client_save_names_who_changed_it_and_when_and_writes_nothing(
    db: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.reading() as session:
        mine = clients.get_client(session, people["client"])  # the form opens
    _as(monkeypatch, "sam")
    with db.unit_of_work() as session:  # another practitioner saves first
        theirs = clients.update_client(
            session,
            people["client"],
            ClientInput(full_name="Zoë Ñúñez", pronouns="she/her"),
            region="GB",
            today=NOW.date(),
            expected_version=mine.version,
        )
    assert theirs.version == mine.version + 1
    _as(monkeypatch, "me")

    with pytest.raises(StaleEdit) as caught, db.unit_of_work() as session:
        clients.update_client(
            session,
            people["client"],
            ClientInput(full_name="Zoë Ñúñez", notes="my notes"),
            region="GB",
            today=NOW.date(),
            expected_version=mine.version,
        )

    message = caught.value.for_field("version")
    assert message is not None
    assert message.startswith("Changed by sam at ")
    assert "since you opened it" in message
    with db.reading() as session:
        stored = clients.get_client(session, people["client"])
    assert (stored.pronouns, stored.notes, stored.version) == ("she/her", "", theirs.version)


def test_a_save_with_the_current_version_succeeds_and_counts_up(
    db: Database, people: dict[str, int]
) -> None:
    with db.reading() as session:
        loaded = clients.get_client(session, people["client"])
    with db.unit_of_work() as session:
        saved = clients.update_client(
            session,
            people["client"],
            ClientInput(full_name="Zoë Ñúñez", notes="first"),
            region="GB",
            today=NOW.date(),
            expected_version=loaded.version,
        )
    with db.unit_of_work() as session:
        again = clients.update_client(
            session,
            people["client"],
            ClientInput(full_name="Zoë Ñúñez", notes="second"),
            region="GB",
            today=NOW.date(),
            expected_version=saved.version,
        )
    assert again.version == loaded.version + 2


def test_a_stale_appointment_save_is_refused(
    db: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = AppointmentInput(people["client"], people["practitioner"], SLOT, 50)
    with db.unit_of_work() as session:
        booked = appointments.create_appointment(session, data, now=NOW)
    _as(monkeypatch, "sam")
    with db.unit_of_work() as session:
        appointments.update_appointment(
            session,
            booked.id,
            AppointmentInput(people["client"], people["practitioner"], SLOT, 50, location="Room 2"),
            now=NOW,
            expected_version=booked.version,
        )

    with pytest.raises(StaleEdit, match="Changed by sam at"), db.unit_of_work() as session:
        appointments.update_appointment(
            session,
            booked.id,
            AppointmentInput(people["client"], people["practitioner"], SLOT, 60),
            now=NOW,
            expected_version=booked.version,
        )
    with db.reading() as session:
        stored = session.get(Appointment, booked.id)
        assert stored is not None
        assert (stored.location, stored.duration_minutes) == ("Room 2", 50)


def test_a_stale_charge_waiver_is_refused(
    db: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.unit_of_work() as session:
        charge = Charge(
            client_id=people["client"],
            kind=ChargeKind.SESSION,
            amount_minor=6000,
            charged_on=NOW.date(),
            currency="GBP",
        )
        session.add(charge)
        session.flush()
        audit.record(session, audit.AuditAction.CREATE, "charge", charge.id)
        charge_id, loaded_version = charge.id, charge.version
    _as(monkeypatch, "sam")
    with db.unit_of_work() as session:
        money.waive_charge(session, charge_id, "Illness", expected_version=loaded_version)

    with pytest.raises(StaleEdit, match="Changed by sam"), db.unit_of_work() as session:
        money.waive_charge(session, charge_id, "Other reason", expected_version=loaded_version)
    # Deleting it as first shown is refused too, and the waived charge stays on record.
    with pytest.raises(StaleEdit, match="Changed by sam"), db.unit_of_work() as session:
        money.delete_charge(session, charge_id, today=NOW.date(), expected_version=loaded_version)
    with db.reading() as session:
        assert session.get(Charge, charge_id) is not None


STARTED = SLOT + dt.timedelta(minutes=30)  # "now" once the appointment has begun

#: Status changes made from a loaded view, each with the version the view loaded.
STATUS_CHANGES = {
    "arrived": lambda s, i, v: appointments.mark_arrived(s, i, arrived_at=SLOT, expected_version=v),
    "completed": lambda s, i, v: appointments.mark_completed(s, i, now=STARTED, expected_version=v),
    "no-show": lambda s, i, v: appointments.mark_no_show(s, i, now=STARTED, expected_version=v),
    "cancelled": lambda s, i, v: appointments.cancel_appointment(
        s, i, by=CancelledBy.PRACTITIONER, reason="Unwell", now=NOW, expected_version=v
    ),
    "rescheduled": lambda s, i, v: appointments.reschedule_appointment(
        s, i, SLOT + dt.timedelta(days=7), now=NOW, expected_version=v
    ),
}


def _book_and_change_elsewhere(
    db: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, int]:
    """Book; sam moves it to Room 2 after "my" view loaded it. (id, version I loaded)."""
    data = AppointmentInput(people["client"], people["practitioner"], SLOT, 50)
    with db.unit_of_work() as session:
        booked = appointments.create_appointment(session, data, now=NOW)
    _as(monkeypatch, "sam")
    with db.unit_of_work() as session:
        appointments.update_appointment(
            session,
            booked.id,
            AppointmentInput(people["client"], people["practitioner"], SLOT, 50, location="Room 2"),
            now=NOW,
            expected_version=booked.version,
        )
    _as(monkeypatch, "me")
    return booked.id, booked.version


@pytest.mark.parametrize("change", sorted(STATUS_CHANGES))
def test_a_status_change_from_a_stale_view_is_refused_and_writes_nothing(
    db: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    appointment_id, loaded = _book_and_change_elsewhere(db, people, monkeypatch)

    with pytest.raises(StaleEdit) as caught, db.unit_of_work() as session:
        STATUS_CHANGES[change](session, appointment_id, loaded)

    assert (caught.value.entity, caught.value.entity_id) == ("appointment", appointment_id)
    assert (caught.value.for_field("version") or "").startswith("Changed by sam at ")
    with db.reading() as session:
        stored = appointments.get_appointment(session, appointment_id)
        bookings = session.scalar(select(func.count()).select_from(Appointment))
    assert (stored.status, stored.location, stored.version) == (
        AppointmentStatus.SCHEDULED,
        "Room 2",
        loaded + 1,
    )
    assert bookings == 1  # a refused reschedule booked nothing


@pytest.mark.parametrize("change", sorted(STATUS_CHANGES))
def test_a_status_change_from_a_fresh_view_is_stored_and_counts_up(
    db: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    appointment_id, loaded = _book_and_change_elsewhere(db, people, monkeypatch)
    with db.reading() as session:
        fresh = appointments.get_appointment(session, appointment_id)  # after Reload
    assert fresh.version == loaded + 1

    with db.unit_of_work() as session:
        STATUS_CHANGES[change](session, appointment_id, fresh.version)

    with db.reading() as session:
        stored = appointments.get_appointment(session, appointment_id)
    assert appointments.STATUS_LABELS[stored.status].lower() == change
    assert stored.version == fresh.version + 1


def test_status_changes_without_a_version_are_not_checked(
    db: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    appointment_id, _loaded = _book_and_change_elsewhere(db, people, monkeypatch)
    with db.unit_of_work() as session:
        cancelled = appointments.cancel_appointment(
            session, appointment_id, by=CancelledBy.CLIENT, reason="Moving away", now=NOW
        )
    assert (cancelled.status, cancelled.cancel_reason) == (
        AppointmentStatus.CANCELLED,
        "Moving away",
    )


def test_a_view_of_a_deleted_appointment_is_told_it_is_gone(
    db: Database, people: dict[str, int]
) -> None:
    with pytest.raises(NotFoundError), db.reading() as session:
        appointments.load_version(session, 999_999, 1)


def test_a_charge_is_read_with_the_version_a_waiver_hands_back(
    db: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.unit_of_work() as session:
        charge = money.add_charge(
            session, people["client"], description="Report", amount="40", charged_on=NOW.date()
        )
    with db.reading() as session:
        shown = money.get_charge(session, charge.id)
    assert (shown.description, shown.amount_minor, shown.version) == ("Report", 4000, 1)
    _as(monkeypatch, "sam")
    with db.unit_of_work() as session:
        money.waive_charge(session, charge.id, "Agreed", expected_version=shown.version)
    with db.reading() as session:
        again = money.get_charge(session, charge.id)
    assert (again.status, again.waived_reason, again.version) == (
        ChargeStatus.WAIVED,
        "Agreed",
        2,
    )
    with pytest.raises(NotFoundError), db.reading() as session:
        money.get_charge(session, 999_999)


def test_the_message_reads_as_a_person_would_say_it() -> None:
    at = dt.datetime(2026, 11, 23, 14, 5)
    local = at.replace(tzinfo=dt.UTC).astimezone()
    assert stale_message("Sam Lee", at) == (
        f"Changed by Sam Lee at {local:%H:%M} since you opened it. Reload to see the changes."
    )
    assert stale_message("", None).startswith("Changed by someone else since you opened it")


# --------------------------------------------------------------------------
# Two connections at once (PostgreSQL: a real server with real concurrent sessions)
# --------------------------------------------------------------------------


@pytest.fixture
def second(db: Database, backend: str) -> Database:
    """A second practitioner's ClientCare on the same database (its own engine)."""
    if backend != "postgresql":
        pytest.skip("one ClientCare per SQLite file: concurrent writers need a server")
    other, _ = open_database(db.engine.url)
    yield other  # type: ignore[misc]
    other.dispose()


def test_a_save_racing_past_the_check_is_caught_by_the_row_version(
    db: Database, second: Database, people: dict[str, int]
) -> None:
    """Both load version 1; the first commits; the second's UPDATE ... WHERE version = 1
    matches nothing, and the save is refused as stale (no lost update)."""
    with db.unit_of_work() as session:
        client = session.get(Client, people["client"])
        assert client is not None
        with second.unit_of_work() as other:
            theirs = other.get(Client, people["client"])
            assert theirs is not None
            theirs.notes = "theirs"
        client.notes = "mine"
        with pytest.raises(StaleEdit), concurrency.saving(session, "client", client.id):
            session.flush()
        session.rollback()
    with db.reading() as session:
        assert session.get(Client, people["client"]).notes == "theirs"  # type: ignore[union-attr]


def _race_for_the_slot(db: Database, second: Database, people: dict[str, int]) -> list[str]:
    """A books and holds its transaction open; B tries the same slot meanwhile."""
    data = AppointmentInput(people["client"], people["practitioner"], SLOT, 50)
    a_checked = threading.Event()
    outcomes: list[str] = []

    def first() -> None:
        with db.unit_of_work() as session:
            appointments.create_appointment(session, data, now=NOW)
            a_checked.set()
            threading.Event().wait(0.5)  # B checks now, before A commits
        outcomes.append("A booked")

    def then() -> None:
        a_checked.wait(10)
        try:
            with second.unit_of_work() as session:
                appointments.create_appointment(session, data, now=NOW)
            outcomes.append("B booked")
        except ConflictError:
            outcomes.append("B refused")

    threads = [threading.Thread(target=first), threading.Thread(target=then)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return sorted(outcomes)


def _bookings(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(
            select(func.count()).select_from(Appointment).where(Appointment.start == SLOT)
        )  # type: ignore[return-value]


def test_two_practitioners_racing_for_one_slot_end_with_one_booking(
    db: Database, second: Database, people: dict[str, int]
) -> None:
    assert _race_for_the_slot(db, second, people) == ["A booked", "B refused"]
    assert _bookings(db) == 1


def test_without_the_schedule_lock_the_race_double_books(
    db: Database, second: Database, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: the test above would notice if the lock did nothing."""
    monkeypatch.setattr(concurrency, "lock_schedule", lambda session, practitioner_id: None)
    assert _race_for_the_slot(db, second, people) == ["A booked", "B booked"]
    assert _bookings(db) == 2
