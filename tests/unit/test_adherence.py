"""Adherence per principle and per month, over final interactions only (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from clientcare import adherence as ad
from clientcare import clients
from clientcare import interactions as ix
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ChecklistAnswerValue, ClientStatus, InteractionKind, Principle
from clientcare.interactions import InteractionInput

NOW = dt.datetime(2026, 11, 23, 15, 0)
TODAY = NOW.date()
V = ChecklistAnswerValue
K = InteractionKind


def add_client(db: Database, name: str) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY - dt.timedelta(days=400),
        ).id


def principle_ids(db: Database) -> dict[int, int]:
    with db.reading() as session:
        return dict(session.execute(select(Principle.number, Principle.id)).all())  # type: ignore[arg-type]


def record(
    db: Database,
    client_id: int,
    when: dt.datetime,
    answers: dict[int, V],
    *,
    kind: InteractionKind = K.PHONE_CALL,
    final: bool = True,
) -> int:
    """An interaction with these answers (by principle number), finalised unless told not to."""
    ids = principle_ids(db)
    data = InteractionInput(client_id=client_id, kind=kind, occurred_at=when, notes="Talked.")
    with db.unit_of_work() as session:
        interaction_id = ix.save_draft(session, data, interaction_id=None, now=NOW).id
        for number, value in answers.items():
            text = {"reason": "Not relevant."} if value is V.NOT_APPLICABLE else {}
            if value is V.NOT_DONE:
                text = {"note": "Ran out of time."}
            ix.answer(session, interaction_id, ids[number], value, now=NOW, **text)
        if final:
            ix.finalise(session, interaction_id, now=NOW, today=TODAY)
    return interaction_id


def by_number(rows: list[ad.PrincipleAdherence]) -> dict[int, ad.PrincipleAdherence]:
    return {row.number: row for row in rows}


@pytest.fixture
def practice(db: Database) -> tuple[int, int]:
    ann = add_client(db, "Ann Example")
    bob = add_client(db, "Bob Example")
    record(db, ann, dt.datetime(2026, 9, 10, 10), {1: V.DONE, 5: V.NOT_APPLICABLE})
    record(db, ann, dt.datetime(2026, 11, 2, 10), {1: V.DONE})
    record(db, ann, dt.datetime(2026, 11, 20, 10), {1: V.NOT_DONE})
    # A session: 1, 2 and 14 (first session) are required; 3, 4 and 8 advisory.
    record(
        db,
        ann,
        dt.datetime(2026, 11, 21, 10),
        {1: V.DONE, 2: V.DONE, 14: V.DONE, 3: V.DONE},
        kind=K.SESSION,
    )
    # Drafts never count.
    record(db, ann, dt.datetime(2026, 11, 22, 10), {1: V.NOT_DONE, 2: V.NOT_DONE}, final=False)
    record(db, bob, dt.datetime(2026, 11, 3, 10), {1: V.DONE})
    return ann, bob


def test_counts_and_rates_over_final_interactions(db: Database, practice: tuple[int, int]) -> None:
    ann, _bob = practice
    with db.reading() as session:
        rows = by_number(ad.adherence(session, client_id=ann))
    first = rows[1]
    assert (first.applied, first.done, first.not_done, first.not_applicable) == (4, 3, 1, 0)
    assert first.unanswered == 0
    assert first.rate == pytest.approx(0.75)
    # Answered "not applicable" on its only contact: nothing left to judge.
    assert (rows[5].applied, rows[5].not_applicable, rows[5].rate) == (1, 1, None)
    assert rows[3].rate == 1.0
    # Advisory, session-only principles left unanswered on the one final session.
    for number in (4, 8):
        assert (rows[number].applied, rows[number].unanswered, rows[number].rate) == (1, 1, 0.0)
    # Never answered, and applicability depends on facts (or it is automatic): not applied.
    for number in (7, 9, 12):
        assert rows[number].applied == 0
        assert rows[number].rate is None


def test_every_active_principle_listed_in_number_order(db: Database) -> None:
    with db.reading() as session:
        rows = ad.adherence(session)
    assert [r.number for r in rows] == list(range(1, 15))
    assert all(r.applied == 0 and r.rate is None for r in rows)


def test_all_clients_and_one_client(db: Database, practice: tuple[int, int]) -> None:
    _ann, bob = practice
    with db.reading() as session:
        everyone = by_number(ad.adherence(session))
        only_bob = by_number(ad.adherence(session, client_id=bob))
    assert (everyone[1].applied, everyone[1].done) == (5, 4)
    assert (only_bob[1].applied, only_bob[1].done, only_bob[1].rate) == (1, 1, 1.0)
    assert only_bob[4].applied == 0


def test_date_range_is_inclusive(db: Database, practice: tuple[int, int]) -> None:
    with db.reading() as session:
        november = by_number(
            ad.adherence(session, start=dt.date(2026, 11, 2), end=dt.date(2026, 11, 20))
        )
        from_september = by_number(ad.adherence(session, end=dt.date(2026, 9, 30)))
    assert (november[1].applied, november[1].done, november[1].not_done) == (3, 2, 1)
    assert november[4].applied == 0  # the session on the 21st is outside
    assert (from_september[1].applied, from_september[5].not_applicable) == (1, 1)


def test_by_month_oldest_first_with_zero_months(db: Database, practice: tuple[int, int]) -> None:
    ann, _bob = practice
    with db.reading() as session:
        months = ad.adherence_by_month(session, client_id=ann, months=4, today=TODAY)
        everyone = ad.adherence_by_month(session, today=TODAY)
    assert [m.label for m in months] == ["Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026"]
    assert [m.period_start for m in months] == [dt.date(2026, m, 1) for m in (8, 9, 10, 11)]
    # September: principle 1 done; principle 5 "not applicable" is left out.
    assert [(m.applied, m.done) for m in months] == [(0, 0), (1, 1), (0, 0), (8, 5)]
    assert months[0].rate is None
    assert months[3].rate == pytest.approx(5 / 8)
    assert len(everyone) == 12
    assert everyone[0].label == "Dec 2025"
    assert (everyone[-1].applied, everyone[-1].done) == (9, 6)


def test_by_month_across_a_year_boundary(db: Database) -> None:
    ann = add_client(db, "Ann Example")
    record(db, ann, dt.datetime(2025, 12, 31, 23, 30), {1: V.DONE})
    with db.reading() as session:
        months = ad.adherence_by_month(session, months=2, today=dt.date(2026, 1, 5))
    assert [(m.label, m.applied, m.done) for m in months] == [
        ("Dec 2025", 1, 1),
        ("Jan 2026", 0, 0),
    ]


def test_your_clients_or_the_whole_practice(db: Database, practice: tuple[int, int]) -> None:
    """Reports start with your clients' contacts; the whole practice counts everyone's."""
    from clientcare.db.models import Client, Practitioner
    from clientcare.scope import WHOLE_PRACTICE, Scope

    ann, bob = practice
    with db.unit_of_work() as session:
        you = Practitioner(full_name="Ada You", is_current_user=True)
        colleague = Practitioner(full_name="Bo Colleague")
        session.add_all([you, colleague])
        session.flush()
        session.get(Client, ann).primary_practitioner_id = colleague.id  # type: ignore[union-attr]
        session.get(Client, bob).primary_practitioner_id = you.id  # type: ignore[union-attr]
        yours, theirs = Scope(you.id), Scope(colleague.id)
    with db.reading() as session:
        mine = by_number(ad.adherence(session, scope=yours))
        everyone = by_number(ad.adherence(session, scope=WHOLE_PRACTICE))
        only_bob = by_number(ad.adherence(session, client_id=bob))
        months_mine = ad.adherence_by_month(session, today=TODAY, scope=yours)
        months_theirs = ad.adherence_by_month(session, today=TODAY, scope=theirs)
        months_all = ad.adherence_by_month(session, today=TODAY)
    assert mine == only_bob  # Bob is yours; Ann is your colleague's
    assert (mine[1].applied, everyone[1].applied) == (1, 5)
    november = next(m for m in months_all if m.period_start == dt.date(2026, 11, 1))
    assert months_mine[-1].applied + months_theirs[-1].applied == november.applied
    assert [m.done for m in months_mine][-1] == 1
