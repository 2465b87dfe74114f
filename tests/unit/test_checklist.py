"""The checklist engine: the rule grammar, the 14 default rules, reasons, and the database."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from clientcare import checklist
from clientcare.checklist import (
    AllOf,
    Always,
    AnyOf,
    ApplicablePrinciple,
    Compare,
    Fact,
    InteractionFacts,
    InvalidRule,
    KindIn,
    Not,
    applicable_from,
    applicable_principles,
    evaluate,
    missing_required,
    parse_rule,
    rule_to_json,
)
from clientcare.db.engine import Database
from clientcare.db.models import InteractionKind, PracticeSettings, Principle, Requirement
from clientcare.defaults import default_principles

SESSION = InteractionKind.SESSION
CALL = InteractionKind.PHONE_CALL

ALL_BOOL_FACTS = {name: True for name in checklist.BOOL_FACTS}


def default_rows() -> list[tuple[int, int, str, str, str, dict[str, Any]]]:
    """The shipped principles as applicable_from rows (id = 100 + number)."""
    return [
        (100 + p["number"], p["number"], p["text"], p["explanation"], p["requirement"], p["rule"])
        for p in default_principles()
    ]


def numbers(facts: InteractionFacts) -> list[int]:
    return [p.number for p in applicable_from(default_rows(), facts)]


def default_rule(number: int) -> checklist.Rule:
    (item,) = [p for p in default_principles() if p["number"] == number]
    return parse_rule(item["rule"])


# --------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------


def test_every_fact_field_is_known_to_the_grammar() -> None:
    names = {f.name for f in dataclasses.fields(InteractionFacts)} - {"kind"}
    assert names == checklist.NUMBER_FACTS | checklist.BOOL_FACTS.keys()
    assert not checklist.NUMBER_FACTS & checklist.BOOL_FACTS.keys()


# --------------------------------------------------------------------------
# Each default rule: applies / does not apply
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "applies", "does_not"),
    [
        (1, InteractionFacts(SESSION), InteractionFacts(InteractionKind.EMAIL)),
        (1, InteractionFacts(CALL), InteractionFacts(InteractionKind.MESSAGE)),
        (2, InteractionFacts(SESSION), InteractionFacts(CALL)),
        (3, InteractionFacts(SESSION), InteractionFacts(CALL)),
        (4, InteractionFacts(SESSION), InteractionFacts(InteractionKind.CONTACT_ATTEMPT)),
        (5, InteractionFacts(CALL, plan_not_a_fit=True), InteractionFacts(SESSION)),
        (6, InteractionFacts(SESSION, money_conversation_linked=True), InteractionFacts(SESSION)),
        (6, InteractionFacts(InteractionKind.EMAIL, overdue_balance=True), InteractionFacts(CALL)),
        (7, InteractionFacts(SESSION, referral_considered=True), InteractionFacts(SESSION)),
        (8, InteractionFacts(SESSION), InteractionFacts(InteractionKind.EMAIL)),
        (10, InteractionFacts(SESSION, not_at_my_best=True), InteractionFacts(SESSION)),
        (11, InteractionFacts(SESSION, practitioner_minutes_late=1), InteractionFacts(SESSION)),
        (
            12,
            InteractionFacts(SESSION, practitioner_minutes_late=11),
            InteractionFacts(SESSION, practitioner_minutes_late=10),
        ),
        (13, InteractionFacts(SESSION, client_paused_or_declined=True), InteractionFacts(SESSION)),
        (13, InteractionFacts(CALL, checkins_discussed=True), InteractionFacts(CALL)),
        (14, InteractionFacts(SESSION, first_session=True), InteractionFacts(SESSION)),
        (14, InteractionFacts(SESSION, expectations_due=True), InteractionFacts(SESSION)),
    ],
)
def test_default_rule_applies_and_does_not(
    number: int, applies: InteractionFacts, does_not: InteractionFacts
) -> None:
    rule = default_rule(number)
    ok, reason = evaluate(rule, applies)
    assert ok and reason
    assert evaluate(rule, does_not) == (False, "")


@pytest.mark.parametrize("kind", list(InteractionKind))
def test_principle_9_always_applies(kind: InteractionKind) -> None:
    assert evaluate(default_rule(9), InteractionFacts(kind)) == (True, "always")


def test_all_fourteen_defaults_parse_and_round_trip() -> None:
    items = default_principles()
    assert [p["number"] for p in items] == list(range(1, 15))
    for item in items:
        rule = parse_rule(item["rule"])
        assert rule_to_json(rule) == item["rule"]
        assert parse_rule(json.dumps(item["rule"])) == rule


# --------------------------------------------------------------------------
# Lateness thresholds
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("late", "threshold", "p11", "p12"),
    [
        (0, 10, False, False),
        (1, 10, True, False),
        (9, 10, True, False),
        (10, 10, True, False),
        (11, 10, True, True),
        (11, 15, True, False),
        (15, 15, True, False),
        (16, 15, True, True),
        (1, 0, True, True),
    ],
)
def test_lateness_thresholds(late: int, threshold: int, p11: bool, p12: bool) -> None:
    facts = InteractionFacts(
        SESSION, practitioner_minutes_late=late, lateness_threshold_minutes=threshold
    )
    assert evaluate(default_rule(11), facts)[0] is p11
    assert evaluate(default_rule(12), facts)[0] is p12


def test_lateness_reasons_name_the_minutes_and_the_threshold() -> None:
    facts = InteractionFacts(SESSION, practitioner_minutes_late=14)
    assert evaluate(default_rule(12), facts) == (
        True,
        "you were 14 minutes late — past the 10-minute threshold",
    )
    assert evaluate(default_rule(11), facts) == (True, "you were 14 minutes late")
    late5 = InteractionFacts(SESSION, practitioner_minutes_late=5)
    assert evaluate(default_rule(11), late5) == (True, "you were 5 minutes late")
    late1 = InteractionFacts(SESSION, practitioner_minutes_late=1)
    assert evaluate(default_rule(11), late1) == (True, "you were 1 minute late")
    strict = InteractionFacts(SESSION, practitioner_minutes_late=20, lateness_threshold_minutes=15)
    assert evaluate(default_rule(12), strict)[1] == (
        "you were 20 minutes late — past the 15-minute threshold"
    )


def test_other_comparisons_read_plainly() -> None:
    facts = InteractionFacts(SESSION, practitioner_minutes_late=7)
    rule = parse_rule({"compare": ["practitioner_minutes_late", ">=", 5]})
    assert evaluate(rule, facts) == (True, "you were 7 minutes late (at least 5 minutes)")
    within = parse_rule(
        {"compare": ["practitioner_minutes_late", "<=", "lateness_threshold_minutes"]}
    )
    assert evaluate(within, facts) == (
        True,
        "you were 7 minutes late — within the 10-minute threshold",
    )
    threshold = parse_rule({"compare": ["lateness_threshold_minutes", "==", 10]})
    assert evaluate(threshold, facts) == (
        True,
        "the lateness threshold is 10 minutes (exactly 10 minutes)",
    )
    on_time = parse_rule({"not": {"compare": ["practitioner_minutes_late", ">", 0]}})
    assert evaluate(on_time, InteractionFacts(SESSION)) == (True, "you were on time")


# --------------------------------------------------------------------------
# Combinations
# --------------------------------------------------------------------------


def test_first_late_session_with_money_talk() -> None:
    facts = InteractionFacts(
        SESSION, first_session=True, practitioner_minutes_late=12, money_conversation_linked=True
    )
    assert numbers(facts) == [1, 2, 3, 4, 6, 8, 9, 11, 12, 14]


def test_the_same_as_a_phone_call() -> None:
    facts = InteractionFacts(
        CALL, first_session=True, practitioner_minutes_late=12, money_conversation_linked=True
    )
    assert numbers(facts) == [1, 6, 9, 11, 12, 14]


def test_a_plain_email_only_gets_the_automatic_check() -> None:
    assert numbers(InteractionFacts(InteractionKind.EMAIL)) == [9]


def test_everything_true_on_a_session_gives_all_fourteen() -> None:
    facts = InteractionFacts(SESSION, practitioner_minutes_late=30, **ALL_BOOL_FACTS)
    assert numbers(facts) == list(range(1, 15))


def test_reasons_come_from_the_facts_that_made_the_rule_true() -> None:
    facts = InteractionFacts(
        SESSION, first_session=True, practitioner_minutes_late=12, money_conversation_linked=True
    )
    reasons = {p.number: p.reason for p in applicable_from(default_rows(), facts)}
    assert reasons[1] == "every session or call"
    assert reasons[2] == "every session"
    assert reasons[6] == "a money conversation is linked to this contact"
    assert reasons[12] == "you were 12 minutes late — past the 10-minute threshold"
    assert reasons[14] == "this is the first session"
    both = InteractionFacts(SESSION, money_conversation_linked=True, overdue_balance=True)
    assert evaluate(default_rule(6), both)[1] == (
        "a money conversation is linked to this contact and the client has an overdue balance"
    )


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("money_conversation_linked", "a money conversation is linked to this contact"),
        ("overdue_balance", "the client has an overdue balance"),
        ("referral_considered", "a referral was considered"),
        ("plan_not_a_fit", "you marked the plan as not a fit"),
        ("not_at_my_best", "you marked yourself as not at your best"),
        ("first_session", "this is the first session"),
        ("expectations_due", "an expectation is due for review"),
        ("client_paused_or_declined", "the client is paused or declined"),
        ("checkins_discussed", "check-ins were discussed"),
    ],
)
def test_fact_reasons(name: str, phrase: str) -> None:
    facts = InteractionFacts(SESSION, **{name: True})
    assert evaluate(Fact(name), facts) == (True, phrase)
    negated = evaluate(Not(Fact(name)), InteractionFacts(SESSION))
    assert negated[0] and negated[1] != phrase


def test_all_any_not() -> None:
    rule = parse_rule(
        {
            "all": [
                {"kind_in": ["session", "phone_call", "message"]},
                {"not": {"fact": "first_session"}},
                {"any": [{"fact": "overdue_balance"}, {"fact": "referral_considered"}]},
            ]
        }
    )
    assert rule == AllOf(
        (
            KindIn((SESSION, CALL, InteractionKind.MESSAGE)),
            Not(Fact("first_session")),
            AnyOf((Fact("overdue_balance"), Fact("referral_considered"))),
        )
    )
    facts = InteractionFacts(CALL, overdue_balance=True)
    assert evaluate(rule, facts) == (
        True,
        "every session, call or message, this is not the first session"
        " and the client has an overdue balance",
    )
    assert evaluate(rule, dataclasses.replace(facts, first_session=True)) == (False, "")
    assert evaluate(rule, dataclasses.replace(facts, kind=InteractionKind.EMAIL)) == (False, "")
    assert evaluate(rule, dataclasses.replace(facts, overdue_balance=False)) == (False, "")
    not_email = parse_rule({"not": {"kind_in": ["email"]}})
    assert evaluate(not_email, InteractionFacts(SESSION)) == (
        True,
        "this is a session, not an email",
    )


def test_parse_gives_a_small_frozen_ast() -> None:
    assert parse_rule('{"always": true}') == Always()
    rule = parse_rule({"compare": ["practitioner_minutes_late", ">", "lateness_threshold_minutes"]})
    assert rule == Compare("practitioner_minutes_late", ">", "lateness_threshold_minutes")
    with pytest.raises(dataclasses.FrozenInstanceError):
        rule.op = "<"  # type: ignore[misc]


# --------------------------------------------------------------------------
# Invalid rules
# --------------------------------------------------------------------------


def nested(depth: int) -> dict[str, Any]:
    rule: dict[str, Any] = {"fact": "first_session"}
    for _ in range(depth - 1):
        rule = {"not": rule}
    return rule


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"fact": "lateness"}, "unknown fact 'lateness'"),
        ({"fact": 3}, "'fact' needs the name of a fact, not a number"),
        ({"fact": "practitioner_minutes_late"}, "is a number; use 'compare'"),
        ({"compare": ["overdue_balance", ">", 0]}, "is yes/no; use 'fact'"),
        ({"compare": ["lateness", ">", 0]}, "unknown fact 'lateness'"),
        ({"compare": ["practitioner_minutes_late", ">", "lateness"]}, "unknown fact 'lateness'"),
        ({"compare": ["practitioner_minutes_late", "=~", 1]}, "operator '=~' is not one of"),
        (
            {"compare": ["practitioner_minutes_late", ">"]},
            "'compare' needs [fact, operator, value]",
        ),
        ({"compare": "practitioner_minutes_late > 0"}, "'compare' needs [fact, operator, value]"),
        ({"compare": ["practitioner_minutes_late", ">", True]}, "a number or a fact"),
        ({"compare": ["practitioner_minutes_late", ">", None]}, "a number or a fact"),
        ({"kind_in": ["visit"]}, "unknown interaction kind 'visit'"),
        ({"kind_in": "session"}, "'kind_in' needs a non-empty list"),
        ({"kind_in": []}, "'kind_in' needs a non-empty list"),
        ({"all": []}, "'all' needs a non-empty list of rules"),
        ({"any": {"fact": "first_session"}}, "'any' needs a non-empty list of rules"),
        ({"not": [{"fact": "first_session"}]}, "must be a JSON object"),
        ({"always": False}, "'always' must be true"),
        ({"always": 1}, "'always' must be true"),
        ({}, "cannot be empty"),
        ({"fact": "first_session", "always": True}, "exactly one key"),
        ({"lambda": "x"}, "unknown key 'lambda'"),
        ({"all": [{"fact": "first_session"}, {"fakt": "x"}]}, "unknown key 'fakt'"),
        ([{"fact": "first_session"}], "must be a JSON object"),
        ("[1, 2]", "must be a JSON object"),
        ("42", "must be a JSON object"),
        ("null", "must be a JSON object"),
        (None, "must be a JSON object"),
        ("", "not valid JSON"),
        ("__import__('os')", "not valid JSON"),
        ("{'fact': 'first_session'}", "not valid JSON"),
        ('{"fact": "first_session", "fact": "overdue_balance"}', "appears twice"),
        ('{"compare": ["practitioner_minutes_late", ">", NaN]}', "not a number a rule can use"),
        ({"compare": ["practitioner_minutes_late", ">", float("inf")]}, "not a number"),
        (nested(11), "nested deeper than 10 levels"),
        (json.dumps(nested(11)), "nested deeper than 10 levels"),
        ("[" * 100_000 + "]" * 100_000, "nested deeper than 10 levels"),
    ],
)
def test_invalid_rules(rule: Any, message: str) -> None:
    with pytest.raises(InvalidRule) as caught:
        parse_rule(rule)
    assert message in caught.value.message
    assert isinstance(caught.value, ValueError)
    assert caught.value.principle_number is None


def test_ten_levels_is_still_fine() -> None:
    assert evaluate(parse_rule(nested(10)), InteractionFacts(SESSION))[0] is True  # 9 nots


def test_huge_and_fractional_numbers_do_not_crash() -> None:
    huge = parse_rule({"compare": ["practitioner_minutes_late", "<", 10**400]})
    ok, reason = evaluate(huge, InteractionFacts(SESSION, practitioner_minutes_late=3))
    assert ok and str(10**400) in reason
    with pytest.raises(InvalidRule, match="not a number"):
        parse_rule('{"compare": ["practitioner_minutes_late", "<", 1e400]}')
    half = parse_rule('{"compare": ["practitioner_minutes_late", ">", 2.5]}')
    assert evaluate(half, InteractionFacts(SESSION, practitioner_minutes_late=3)) == (
        True,
        "you were 3 minutes late (more than 2.5 minutes)",
    )


def test_a_cyclic_structure_is_invalid_not_a_crash() -> None:
    rule: dict[str, Any] = {}
    rule["not"] = rule
    with pytest.raises(InvalidRule, match="nested deeper"):
        parse_rule(rule)


def test_a_broken_rule_names_its_principle() -> None:
    rows = default_rows()
    rows[11] = (*rows[11][:5], {"compare": ["lateness", ">", 10]})
    with pytest.raises(InvalidRule) as caught:
        applicable_from(rows, InteractionFacts(SESSION))
    assert caught.value.principle_number == 12
    assert str(caught.value) == "principle 12: unknown fact 'lateness'"


json_ish = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(
        [*checklist.BOOL_FACTS, *checklist.NUMBER_FACTS, *checklist.OPERATORS, "session"]
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["always", "fact", "kind_in", "compare", "all", "any", "not", "x"])
            | st.text(max_size=8),
            children,
            max_size=3,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_ish)
def test_parse_rule_only_ever_raises_invalid_rule(value: Any) -> None:
    for candidate in (value, json.dumps(value)):
        try:
            rule = parse_rule(candidate)
        except InvalidRule as exc:
            assert exc.message
        else:
            assert parse_rule(rule_to_json(rule)) == rule
            evaluate(rule, InteractionFacts(SESSION, practitioner_minutes_late=3))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parse_rule_on_random_text(text: str) -> None:
    with contextlib.suppress(InvalidRule):
        parse_rule(text)


# --------------------------------------------------------------------------
# missing_required
# --------------------------------------------------------------------------


def test_missing_required() -> None:
    facts = InteractionFacts(
        SESSION, first_session=True, practitioner_minutes_late=12, money_conversation_linked=True
    )
    applicable = applicable_from(default_rows(), facts)
    missing = missing_required(applicable, set())
    assert [p.number for p in missing] == [1, 2, 6, 11, 12, 14]
    assert all(p.requirement is Requirement.REQUIRED for p in missing)
    answered = {101, 106, 103}  # principles 1 and 6 (and advisory 3)
    assert [p.number for p in missing_required(applicable, answered)] == [2, 11, 12, 14]
    every_id = {p.principle_id for p in applicable}
    assert missing_required(applicable, every_id) == []
    assert missing_required([], set()) == []


# --------------------------------------------------------------------------
# Against the seeded database
# --------------------------------------------------------------------------


def threshold(db: Database) -> int:
    with db.reading() as session:
        settings_row = session.get(PracticeSettings, 1)
        assert settings_row is not None
        return settings_row.lateness_threshold_minutes


def test_seeded_db_all_true_session_gives_the_fourteen_defaults(db: Database) -> None:
    facts = InteractionFacts(
        SESSION,
        practitioner_minutes_late=25,
        lateness_threshold_minutes=threshold(db),
        **ALL_BOOL_FACTS,
    )
    with db.reading() as session:
        found = applicable_principles(session, facts)
        ids = dict(session.execute(select(Principle.number, Principle.id)).all())
    assert [p.number for p in found] == list(range(1, 15))
    assert all(isinstance(p, ApplicablePrinciple) for p in found)
    assert [p.principle_id for p in found] == [ids[n] for n in range(1, 15)]
    shipped = {p["number"]: p for p in default_principles()}
    for p in found:
        assert p.text == shipped[p.number]["text"]
        assert p.explanation == shipped[p.number]["explanation"]
        assert p.requirement is Requirement(shipped[p.number]["requirement"])
        assert p.reason


def test_seeded_db_matches_the_pure_version(db: Database) -> None:
    facts = InteractionFacts(CALL, practitioner_minutes_late=12, first_session=True)
    with db.reading() as session:
        found = applicable_principles(session, facts)
    assert [p.number for p in found] == [1, 9, 11, 12, 14]


def test_practice_threshold_of_15(db: Database) -> None:
    with db.unit_of_work() as session:
        row = session.get(PracticeSettings, 1)
        assert row is not None
        row.lateness_threshold_minutes = 15
    for late, expected in [(11, [1, 9, 11]), (15, [1, 9, 11]), (16, [1, 9, 11, 12])]:
        facts = InteractionFacts(
            CALL, practitioner_minutes_late=late, lateness_threshold_minutes=threshold(db)
        )
        with db.reading() as session:
            found = applicable_principles(session, facts)
        assert [p.number for p in found] == expected
    with db.reading() as session:
        reason = applicable_principles(
            session,
            InteractionFacts(CALL, practitioner_minutes_late=16, lateness_threshold_minutes=15),
        )[-1].reason
    assert reason == "you were 16 minutes late — past the 15-minute threshold"


def test_a_retired_principle_is_not_returned(db: Database) -> None:
    with db.unit_of_work() as session:
        principle = session.scalars(select(Principle).where(Principle.number == 2)).one()
        principle.active = False
    with db.reading() as session:
        found = applicable_principles(session, InteractionFacts(SESSION))
    assert [p.number for p in found] == [1, 3, 4, 8, 9]


def test_a_rule_edited_in_the_db_changes_what_applies(db: Database) -> None:
    facts = InteractionFacts(CALL, overdue_balance=True)
    with db.reading() as session:
        before = [p.number for p in applicable_principles(session, facts)]
    assert before == [1, 6, 9]
    with db.unit_of_work() as session:
        principle = session.scalars(select(Principle).where(Principle.number == 7)).one()
        principle.rule = json.dumps({"fact": "overdue_balance"})
    with db.reading() as session:
        after = applicable_principles(session, facts)
    assert [p.number for p in after] == [1, 6, 7, 9]
    assert after[2].reason == "the client has an overdue balance"


def test_a_broken_rule_in_the_db_is_visible(db: Database) -> None:
    with db.unit_of_work() as session:
        principle = session.scalars(select(Principle).where(Principle.number == 5)).one()
        principle.rule = "__import__('os')"
    with db.reading() as session, pytest.raises(InvalidRule, match=r"^principle 5: ") as caught:
        applicable_principles(session, InteractionFacts(SESSION))
    assert caught.value.principle_number == 5


def test_a_broken_rule_on_a_retired_principle_does_not_block(db: Database) -> None:
    with db.unit_of_work() as session:
        principle = session.scalars(select(Principle).where(Principle.number == 5)).one()
        principle.rule = '{"fact": "nonsense"}'
        principle.active = False
    with db.reading() as session:
        found = applicable_principles(session, InteractionFacts(SESSION, plan_not_a_fit=True))
    assert 5 not in [p.number for p in found]
