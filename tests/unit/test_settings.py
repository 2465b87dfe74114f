"""Settings: practice details, principles (add, edit, move, retire), word lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from clientcare import settings
from clientcare.clients import ClientInput, create_client
from clientcare.db.engine import Database
from clientcare.db.models import (
    AuditEntry,
    ChecklistAnswer,
    ChecklistAnswerValue,
    ClientStatus,
    Interaction,
    InteractionKind,
    LanguageWord,
    PracticeSettings,
    Principle,
    Requirement,
    WordList,
)
from clientcare.errors import ValidationError
from clientcare.language import load_checker
from clientcare.settings import PracticeInput

GOOD = PracticeInput(
    name="Riverside Counselling",
    address="1 River Lane\nTownsville",
    phone="020 7946 0000",
    email="hello@example.org",
    currency="gbp",
    locale="en-gb",
    lateness_threshold_minutes=15,
    default_session_minutes=60,
    cancellation_window_hours=48,
)


def error_for(exc: pytest.ExceptionInfo[ValidationError], field: str) -> str | None:
    return exc.value.for_field(field)


# -------------------------------------------------------------------- practice


def test_update_practice_stores_and_normalises(db: Database) -> None:
    with db.unit_of_work() as session:
        result = settings.update_practice(session, GOOD)
    assert result.lateness_threshold_minutes == 15
    assert result.currency == "GBP" and result.locale == "en_GB"
    with db.reading() as session:
        row = session.get(PracticeSettings, 1)
        assert row is not None
        assert (row.name, row.currency, row.locale) == ("Riverside Counselling", "GBP", "en_GB")
        assert (row.default_session_minutes, row.cancellation_window_hours) == (60, 48)
        assert row.address == "1 River Lane\nTownsville"
        assert settings.get_practice(session).email == "hello@example.org"
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "practice_settings")
        ).one()
        assert "lateness_threshold_minutes" in entry.fields
        assert "Riverside" not in entry.fields  # field names only


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("lateness_threshold_minutes", -1, "The lateness threshold is in minutes, from 0 to 120."),
        ("lateness_threshold_minutes", 121, "The lateness threshold is in minutes, from 0 to 120."),
        ("default_session_minutes", 4, "The default session length is in minutes, from 5 to 600."),
        (
            "default_session_minutes",
            601,
            "The default session length is in minutes, from 5 to 600.",
        ),
        ("cancellation_window_hours", 169, "The cancellation window is in hours, from 0 to 168."),
        ("cancellation_window_hours", -1, "The cancellation window is in hours, from 0 to 168."),
        ("currency", "£", "The currency is three letters A–Z, such as GBP or EUR."),
        ("currency", "EURO", "The currency is three letters A–Z, such as GBP or EUR."),
        ("locale", "english", "The locale is a language and a country, like en_GB or de_AT."),
        ("name", "x" * 201, "The practice name is too long (201 characters; at most 200)."),
        ("name", "a\x00b", "The practice name contains a null character. Please retype it."),
    ],
)
def test_update_practice_refuses_with_a_message_per_field(
    db: Database, field: str, value: object, message: str
) -> None:
    with db.unit_of_work() as session, pytest.raises(ValidationError) as exc:
        settings.update_practice(session, replace(GOOD, **{field: value}))
    assert error_for(exc, field) == message
    with db.reading() as session:
        assert session.get(PracticeSettings, 1).lateness_threshold_minutes == 10  # type: ignore[union-attr]


def test_update_practice_checks_email_and_address(db: Database) -> None:
    with db.unit_of_work() as session, pytest.raises(ValidationError) as exc:
        settings.update_practice(session, replace(GOOD, email="not an email", address="x" * 1001))
    assert error_for(exc, "email")
    assert error_for(exc, "address") == "The address is too long (1,001 characters; at most 1,000)."


def test_threshold_edges_are_allowed(db: Database) -> None:
    with db.unit_of_work() as session:
        settings.update_practice(session, replace(GOOD, lateness_threshold_minutes=0))
        assert (
            settings.update_practice(
                session, replace(GOOD, lateness_threshold_minutes=120)
            ).lateness_threshold_minutes
            == 120
        )


# -------------------------------------------------------------------- principles


def test_list_principles_is_ordered_by_number(db: Database) -> None:
    with db.reading() as session:
        rows = settings.list_principles(session)
    assert [r.number for r in rows] == sorted(r.number for r in rows)
    assert len(rows) == 14 and all(r.active for r in rows)


def test_add_principle_takes_the_next_number(db: Database) -> None:
    with db.unit_of_work() as session:
        row = settings.add_principle(
            session,
            "  Say   goodbye warmly. ",
            "Endings matter.",
            "every session",
            '{"kind_in": ["session"]}',
            Requirement.ADVISORY,
        )
    assert row.number == 15 and row.text == "Say goodbye warmly."
    assert row.rule_json == '{"kind_in": ["session"]}'
    with db.reading() as session:
        stored = session.get(Principle, row.id)
        assert stored is not None and stored.requirement is Requirement.ADVISORY
        assert (
            session.scalars(select(AuditEntry).where(AuditEntry.entity == "principle")).one().fields
            == "applies_when,explanation,number,requirement,rule,text"
        )


def test_invalid_rule_is_refused_with_its_message(db: Database) -> None:
    with db.unit_of_work() as session, pytest.raises(ValidationError) as exc:
        settings.add_principle(session, "Something", "", "", '{"fact": "sunny"}', "required")
    assert error_for(exc, "rule") == "Unknown fact 'sunny'."
    with db.unit_of_work() as session, pytest.raises(ValidationError) as exc:
        settings.add_principle(session, "Something", "", "", "{not json", "required")
    assert "not valid JSON" in (error_for(exc, "rule") or "")
    with db.unit_of_work() as session, pytest.raises(ValidationError) as exc:
        settings.add_principle(session, "", "", "", "", "sometimes")
    assert error_for(exc, "text") == "Please write the principle."
    assert error_for(exc, "rule") == 'Please write the rule, for example {"always": true}.'
    assert error_for(exc, "requirement") == "Choose required, advisory or automatic."
    with db.reading() as session:
        assert len(settings.list_principles(session)) == 14


def test_update_principle(db: Database) -> None:
    with db.reading() as session:
        first = settings.list_principles(session)[0]
    with db.unit_of_work() as session:
        row = settings.update_principle(
            session, first.id, "Greet warmly.", "Why.", "always", '{"always": true}', "advisory"
        )
    assert (row.number, row.text, row.requirement) == (1, "Greet warmly.", Requirement.ADVISORY)
    with db.unit_of_work() as session, pytest.raises(ValidationError) as exc:
        settings.update_principle(session, first.id, "Greet.", "", "", '{"always": 1}', "required")
    assert error_for(exc, "rule") == "'always' must be true."


def test_move_swaps_numbers_with_the_neighbour(db: Database) -> None:
    with db.reading() as session:
        rows = settings.list_principles(session)
    second, third = rows[1], rows[2]
    with db.unit_of_work() as session:
        moved = settings.move_principle(session, third.id, -1)
    assert moved.number == 2
    with db.reading() as session:
        numbers = {r.id: r.number for r in settings.list_principles(session)}
    assert numbers[third.id] == 2 and numbers[second.id] == 3
    assert sorted(numbers.values()) == list(range(1, 15))
    with db.unit_of_work() as session:
        settings.move_principle(session, third.id, +1)
        assert settings.move_principle(session, rows[0].id, -1).number == 1  # already first
        assert settings.move_principle(session, rows[-1].id, +1).number == 14  # already last
    with db.reading() as session:
        assert [r.id for r in settings.list_principles(session)] == [r.id for r in rows]


def test_retire_keeps_answers_pointing_at_the_principle(db: Database) -> None:
    with db.unit_of_work() as session:
        client = create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=dt.date.today(),
        )
        principle = settings.list_principles(session)[0]
        interaction = Interaction(
            client_id=client.id, kind=InteractionKind.SESSION, occurred_at=dt.datetime(2026, 1, 5)
        )
        session.add(interaction)
        session.flush()
        session.add(
            ChecklistAnswer(
                interaction_id=interaction.id,
                principle_id=principle.id,
                answer=ChecklistAnswerValue.DONE,
            )
        )
    with db.unit_of_work() as session:
        assert settings.retire_principle(session, principle.id).active is False
    with db.reading() as session:
        answer = session.scalars(select(ChecklistAnswer)).one()
        assert answer.principle_id == principle.id
        assert session.get(Principle, principle.id) is not None
        assert principle.id not in [r.id for r in settings.list_principles(session, False)]
        assert principle.id in [r.id for r in settings.list_principles(session)]
    with db.unit_of_work() as session:
        assert settings.restore_principle(session, principle.id).active is True


# -------------------------------------------------------------------- words


def test_add_word_and_the_checker_finds_it(db: Database) -> None:
    with db.unit_of_work() as session:
        row = settings.add_word(session, WordList.PET_NAME, " poppet ", "Use their name.")
    assert (row.word, row.suggestion) == ("poppet", "Use their name.")
    with db.reading() as session:
        assert "poppet" in [w.word for w in settings.list_words(session, WordList.PET_NAME)]
        assert "poppet" not in [w.word for w in settings.list_words(session, "money_shaming")]
        hits = load_checker(session).check("thanks poppet")
    assert [h.text for h in hits] == ["poppet"]


def test_duplicate_word_is_refused_ignoring_case(db: Database) -> None:
    with db.unit_of_work() as session:
        settings.add_word(session, WordList.PET_NAME, "poppet", "")
    with db.unit_of_work() as session, pytest.raises(ValidationError) as exc:
        settings.add_word(session, WordList.PET_NAME, "POPPET", "")
    assert error_for(exc, "word") == "“poppet” is already in the pet names."
    with db.unit_of_work() as session:  # another list is another list
        settings.add_word(session, WordList.MONEY_SHAMING, "poppet", "")


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("   ", "Please enter a word or phrase."),
        ("x" * 101, "The word is too long (101 characters; at most 100)."),
        (
            "poppet!",
            "A word or phrase starts and ends with a letter or digit; "
            "the check matches whole words only.",
        ),
    ],
)
def test_odd_words_are_refused(db: Database, word: str, message: str) -> None:
    with db.unit_of_work() as session, pytest.raises(ValidationError) as exc:
        settings.add_word(session, WordList.PET_NAME, word, "")
    assert error_for(exc, "word") == message


def test_remove_word(db: Database) -> None:
    with db.unit_of_work() as session:
        row = settings.add_word(session, WordList.MONEY_SHAMING, "skint", "")
    with db.unit_of_work() as session:
        settings.remove_word(session, row.id)
    with db.reading() as session:
        assert session.get(LanguageWord, row.id) is None
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "language_word").order_by(AuditEntry.id)
        ).all()[-1]
        assert entry.entity_id == row.id and entry.fields == ""
