"""The one pre-session brief (clientcare.brief), without Qt: which session is "last
time", and the newest six facts with how many more there are, on screen and on paper."""

from __future__ import annotations

import datetime as dt

from clientcare import clients
from clientcare.brief import BRIEF_FACTS, brief_for, brief_on_screen, pre_session_brief
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    ClientFact,
    ClientStatus,
    Interaction,
    InteractionKind,
    InteractionState,
)

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime.combine(TODAY, dt.time(9))


def make_client(db: Database) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY - dt.timedelta(days=200),
        ).id


def add_contact(
    db: Database, client_id: int, kind: InteractionKind, days_ago: int, words: str
) -> None:
    with db.unit_of_work() as session:
        session.add(
            Interaction(
                client_id=client_id,
                kind=kind,
                occurred_at=dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(10)),
                client_words=words,
                state=InteractionState.FINAL,
            )
        )


def add_facts(db: Database, client_id: int, count: int) -> None:
    with db.unit_of_work() as session:
        for n in range(1, count + 1):  # fact 1 is the oldest
            session.add(
                ClientFact(
                    client_id=client_id,
                    noted_on=TODAY - dt.timedelta(days=100 - n),
                    text=f"Fact number {n:02d}",
                )
            )


def test_the_last_session_is_the_last_session_even_when_a_call_is_newer(db: Database) -> None:
    client = make_client(db)
    add_contact(db, client, InteractionKind.SESSION, 10, "Said in the session")
    add_contact(db, client, InteractionKind.PHONE_CALL, 2, "Said on the phone")
    with db.reading() as session:
        brief = brief_for(session, client, today=TODAY)
        printed = pre_session_brief(session, client, now=NOW).html
        _, shown = brief_on_screen(session, client, today=TODAY, now=NOW)
    assert brief.last_session is not None
    assert brief.last_session.kind is InteractionKind.SESSION
    assert brief.last_session.client_words == "Said in the session"
    for html in (printed, shown.html):
        assert "Said in the session" in html
        assert "Said on the phone" not in html


def test_a_call_is_last_time_only_when_there_has_been_no_session(db: Database) -> None:
    client = make_client(db)
    add_contact(db, client, InteractionKind.PHONE_CALL, 5, "An older call")
    add_contact(db, client, InteractionKind.PHONE_CALL, 2, "The newest call")
    with db.reading() as session:
        brief = brief_for(session, client, today=TODAY)
    assert brief.last_session is not None
    assert brief.last_session.kind is InteractionKind.PHONE_CALL
    assert brief.last_session.client_words == "The newest call"


def test_the_newest_six_facts_and_how_many_more(db: Database) -> None:
    client = make_client(db)
    add_facts(db, client, BRIEF_FACTS + 3)
    with db.reading() as session:
        brief = brief_for(session, client, today=TODAY)
        printed = pre_session_brief(session, client, now=NOW).html
        _, shown = brief_on_screen(session, client, today=TODAY, now=NOW)
    assert BRIEF_FACTS == 6
    assert [text for _, text in brief.facts] == [f"Fact number {n:02d}" for n in range(9, 3, -1)]
    assert brief.more_facts == 3
    for html in (printed, shown.html):
        assert "And 3 more facts on the client's page." in html
        assert "Fact number 09" in html and "Fact number 04" in html
        assert "Fact number 03" not in html and "Fact number 01" not in html


def test_six_facts_or_fewer_say_nothing_more(db: Database) -> None:
    client = make_client(db)
    add_facts(db, client, BRIEF_FACTS)
    with db.reading() as session:
        brief = brief_for(session, client, today=TODAY)
        printed = pre_session_brief(session, client, now=NOW).html
    assert len(brief.facts) == BRIEF_FACTS and brief.more_facts == 0
    assert "more fact" not in printed
