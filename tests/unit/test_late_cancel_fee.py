"""The late-cancellation fee decision (what the cancel dialog shows), without Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from clientcare import money
from clientcare.db.engine import Database
from clientcare.db.models import CancelledBy, ChargeKind
from clientcare.money.late_cancel import late_cancel_fee
from clientcare.settings import PracticeInput, get_practice, update_practice

START = dt.datetime(2026, 11, 24, 10, 0)


def set_policy(db: Database, *, fee: str | None, window_hours: int = 24) -> None:
    with db.unit_of_work() as session:
        money.set_missed_fees(session, late_cancel=fee, no_show=None)
        current = get_practice(session)
        update_practice(
            session,
            PracticeInput(**{**current.__dict__, "cancellation_window_hours": window_hours}),
        )


def applies(db: Database, now: dt.datetime, by: CancelledBy = CancelledBy.CLIENT) -> bool:
    with db.reading() as session:
        return late_cancel_fee(session, START, now=now).applies(by)


def test_inside_the_notice_window_the_client_pays_the_fee(db: Database) -> None:
    set_policy(db, fee="25.00", window_hours=24)
    now = START - dt.timedelta(hours=3)
    with db.reading() as session:
        policy = late_cancel_fee(session, START, now=now)
    assert policy.fee_minor == 2500 and policy.fee_text == "£25.00"
    assert policy.applies(CancelledBy.CLIENT)
    assert policy.circumstance(CancelledBy.CLIENT, "Illness") == "Illness"
    # The practice cancelling is never a late cancellation.
    assert not policy.applies(CancelledBy.PRACTITIONER)
    assert policy.circumstance(CancelledBy.PRACTITIONER, "Illness") is None


@pytest.mark.parametrize(
    ("before_start", "late"),
    [
        (dt.timedelta(hours=25), False),  # more notice than the window
        (dt.timedelta(hours=24), False),  # exactly the window's notice: on time
        (dt.timedelta(hours=23, minutes=59), True),
        (dt.timedelta(0), True),
        (-dt.timedelta(hours=1), True),  # after the start
    ],
)
def test_the_notice_window_decides(db: Database, before_start: dt.timedelta, late: bool) -> None:
    set_policy(db, fee="25.00", window_hours=24)
    assert applies(db, START - before_start) is late


def test_the_practice_window_is_read(db: Database) -> None:
    set_policy(db, fee="25.00", window_hours=48)
    assert applies(db, START - dt.timedelta(hours=30))
    set_policy(db, fee="25.00", window_hours=0)
    assert not applies(db, START - dt.timedelta(minutes=1))


@pytest.mark.parametrize("fee", [None, "", "0"])
def test_no_fee_configured_no_fee_applies(db: Database, fee: str | None) -> None:
    set_policy(db, fee=fee)
    now = START - dt.timedelta(hours=1)
    with db.reading() as session:
        policy = late_cancel_fee(session, START, now=now)
    assert policy.fee_minor is None and policy.fee_text == ""
    assert not policy.applies(CancelledBy.CLIENT)
    assert policy.circumstance(CancelledBy.CLIENT, "Illness") is None


def test_the_exempt_circumstances_are_offered(db: Database) -> None:
    set_policy(db, fee="25.00")
    with db.reading() as session:
        policy = late_cancel_fee(session, START, now=START)
        expected = money.exempt_circumstances(session, ChargeKind.LATE_CANCEL)
    assert "Illness" in policy.circumstances  # the shipped rule
    assert policy.circumstances == tuple(expected)
