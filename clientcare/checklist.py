"""The checklist engine: which service principles apply to one interaction, and why.

A principle's applicability rule is JSON *data* with a tiny grammar::

    {"always": true}
    {"fact": NAME}                        a yes/no fact about the interaction
    {"kind_in": [KIND, ...]}              the interaction kind is one of these
    {"compare": [FACT, OP, NUMBER_OR_FACT]}  a numeric fact against a number or fact
    {"all": [RULE, ...]}  {"any": [RULE, ...]}  {"not": RULE}

``parse_rule`` validates a rule up front into a small frozen AST (never eval/exec);
``evaluate`` walks it with a match statement and says, in plain words, why it applies.
Pure Python: no Qt, and only ``applicable_principles`` touches the database.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeAlias

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare.config import DEFAULT_LATENESS_THRESHOLD_MINUTES
from clientcare.db.models import InteractionKind, Principle, Requirement

#: Rules nested deeper than this (the top level counts as 1) are refused.
MAX_DEPTH = 10

OPERATORS: tuple[str, ...] = ("<", "<=", "==", "!=", ">=", ">")


# --------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class InteractionFacts:
    """What is known about one interaction; the caller fills the threshold from settings."""

    kind: InteractionKind
    practitioner_minutes_late: int = 0
    lateness_threshold_minutes: int = DEFAULT_LATENESS_THRESHOLD_MINUTES
    money_conversation_linked: bool = False
    overdue_balance: bool = False
    referral_considered: bool = False
    plan_not_a_fit: bool = False
    not_at_my_best: bool = False
    first_session: bool = False
    expectations_due: bool = False
    client_paused_or_declined: bool = False
    checkins_discussed: bool = False


#: Numeric facts (usable in ``compare``).
NUMBER_FACTS: frozenset[str] = frozenset(
    {"practitioner_minutes_late", "lateness_threshold_minutes"}
)

#: Yes/no facts (usable in ``fact``): (phrase when true, phrase when false).
BOOL_FACTS: dict[str, tuple[str, str]] = {
    "money_conversation_linked": (
        "a money conversation is linked to this contact",
        "no money conversation is linked to this contact",
    ),
    "overdue_balance": (
        "the client has an overdue balance",
        "the client has no overdue balance",
    ),
    "referral_considered": ("a referral was considered", "no referral was considered"),
    "plan_not_a_fit": (
        "you marked the plan as not a fit",
        "you did not mark the plan as not a fit",
    ),
    "not_at_my_best": (
        "you marked yourself as not at your best",
        "you did not mark yourself as not at your best",
    ),
    "first_session": ("this is the first session", "this is not the first session"),
    "expectations_due": ("an expectation is due for review", "no expectation is due for review"),
    "client_paused_or_declined": (
        "the client is paused or declined",
        "the client is not paused or declined",
    ),
    "checkins_discussed": ("check-ins were discussed", "check-ins were not discussed"),
}

#: How a kind reads in a sentence ("every session or call").
_KIND_NOUNS: dict[InteractionKind, str] = {
    InteractionKind.SESSION: "session",
    InteractionKind.PHONE_CALL: "call",
    InteractionKind.MESSAGE: "message",
    InteractionKind.EMAIL: "email",
    InteractionKind.CONTACT_ATTEMPT: "contact attempt",
}


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


class InvalidRule(ValueError):
    """A rule that does not follow the grammar; ``message`` says what is wrong, for a person."""

    def __init__(self, message: str, principle_number: int | None = None) -> None:
        self.message = message
        self.principle_number = principle_number
        prefix = f"principle {principle_number}: " if principle_number is not None else ""
        super().__init__(prefix + message)


# --------------------------------------------------------------------------
# The rule AST
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Always:
    """Applies to every interaction."""


@dataclass(frozen=True)
class Fact:
    name: str


@dataclass(frozen=True)
class KindIn:
    kinds: tuple[InteractionKind, ...]


@dataclass(frozen=True)
class Compare:
    left: str
    op: str
    right: int | float | str  # a number, or the name of a numeric fact


@dataclass(frozen=True)
class AllOf:
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class AnyOf:
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Not:
    rule: Rule


Rule: TypeAlias = Always | Fact | KindIn | Compare | AllOf | AnyOf | Not

_KEYS = ("always", "fact", "kind_in", "compare", "all", "any", "not")


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InvalidRule(f"key '{key}' appears twice")
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise InvalidRule(f"'{name}' is not a number a rule can use")


def _type_name(value: object) -> str:
    match value:
        case None:
            return "null"
        case bool():
            return "true/false"
        case int() | float():
            return "a number"
        case str():
            return "text"
        case list() | tuple():
            return "a list"
        case dict():
            return "an object"
    return type(value).__name__


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_rule(text_or_obj: str | dict[str, Any]) -> Rule:
    """Validate a rule (JSON text or an already-decoded dict) into its AST.

    Raises InvalidRule, and nothing else, for anything that is not a valid rule.
    """
    obj: Any = text_or_obj
    if isinstance(text_or_obj, str):
        try:
            obj = json.loads(
                text_or_obj,
                object_pairs_hook=_no_duplicate_keys,
                parse_constant=_refuse_constant,
            )
        except InvalidRule:
            raise
        except RecursionError:
            raise InvalidRule(f"the rule is nested deeper than {MAX_DEPTH} levels") from None
        except ValueError as exc:  # JSONDecodeError, or an absurdly long number
            raise InvalidRule(f"the rule is not valid JSON ({exc})") from None
    try:
        return _parse(obj, 1)
    except RecursionError:  # a cyclic Python structure handed in directly
        raise InvalidRule(f"the rule is nested deeper than {MAX_DEPTH} levels") from None


def _parse(obj: Any, depth: int) -> Rule:
    if depth > MAX_DEPTH:
        raise InvalidRule(f"the rule is nested deeper than {MAX_DEPTH} levels")
    if not isinstance(obj, dict):
        raise InvalidRule(
            f'a rule must be a JSON object like {{"fact": ...}}, not {_type_name(obj)}'
        )
    if len(obj) != 1:
        if not obj:
            raise InvalidRule("a rule cannot be empty; use one of " + ", ".join(_KEYS))
        names = ", ".join(f"'{k}'" for k in obj)
        raise InvalidRule(f"a rule has exactly one key, this one has {len(obj)}: {names}")
    ((key, value),) = obj.items()
    match key:
        case "always":
            if value is not True:
                raise InvalidRule("'always' must be true")
            return Always()
        case "fact":
            return Fact(_bool_fact(value))
        case "kind_in":
            return KindIn(_kinds(value))
        case "compare":
            return _compare(value)
        case "all" | "any":
            if not isinstance(value, list) or not value:
                raise InvalidRule(f"'{key}' needs a non-empty list of rules")
            rules = tuple(_parse(item, depth + 1) for item in value)
            return AllOf(rules) if key == "all" else AnyOf(rules)
        case "not":
            return Not(_parse(value, depth + 1))
    raise InvalidRule(f"unknown key {_short(key)}; use one of " + ", ".join(_KEYS))


def _bool_fact(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidRule(f"'fact' needs the name of a fact, not {_type_name(value)}")
    if value in NUMBER_FACTS:
        raise InvalidRule(f"fact '{value}' is a number; use 'compare' with it")
    if value not in BOOL_FACTS:
        raise InvalidRule(f"unknown fact {_short(value)}")
    return value


def _kinds(value: Any) -> tuple[InteractionKind, ...]:
    if not isinstance(value, list) or not value:
        raise InvalidRule("'kind_in' needs a non-empty list of interaction kinds")
    kinds: list[InteractionKind] = []
    for item in value:
        if not isinstance(item, str) or item not in InteractionKind._value2member_map_:
            known = ", ".join(k.value for k in InteractionKind)
            raise InvalidRule(f"unknown interaction kind {_short(item)}; use one of {known}")
        kind = InteractionKind(item)
        if kind not in kinds:
            kinds.append(kind)
    return tuple(kinds)


def _number_fact(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidRule(f"'compare' needs a fact name first, not {_type_name(value)}")
    if value in BOOL_FACTS:
        raise InvalidRule(f"fact '{value}' is yes/no; use 'fact', not 'compare'")
    if value not in NUMBER_FACTS:
        raise InvalidRule(f"unknown fact {_short(value)}")
    return value


def _compare(value: Any) -> Compare:
    if not isinstance(value, list) or len(value) != 3:
        raise InvalidRule("'compare' needs [fact, operator, value]")
    left, op, right = value
    left = _number_fact(left)
    if not isinstance(op, str) or op not in OPERATORS:
        raise InvalidRule(f"operator {_short(op)} is not one of " + ", ".join(OPERATORS))
    if isinstance(right, str):
        right = _number_fact(right)
    elif isinstance(right, bool) or not isinstance(right, int | float):
        raise InvalidRule(
            f"'compare' needs a number or a fact to compare with, not {_short(right)}"
        )
    elif isinstance(right, float) and not math.isfinite(right):
        raise InvalidRule(f"{right} is not a number a rule can use")
    return Compare(left, op, right)


def rule_to_json(rule: Rule) -> dict[str, Any]:
    """The JSON-ready form of a rule (the inverse of ``parse_rule``)."""
    match rule:
        case Always():
            return {"always": True}
        case Fact(name):
            return {"fact": name}
        case KindIn(kinds):
            return {"kind_in": [k.value for k in kinds]}
        case Compare(left, op, right):
            return {"compare": [left, op, right]}
        case AllOf(rules):
            return {"all": [rule_to_json(r) for r in rules]}
        case AnyOf(rules):
            return {"any": [rule_to_json(r) for r in rules]}
        case Not(inner):
            return {"not": rule_to_json(inner)}
    raise TypeError(f"not a rule: {rule!r}")


# --------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------


def evaluate(rule: Rule, facts: InteractionFacts) -> tuple[bool, str]:
    """Whether ``rule`` applies to ``facts`` and, when it does, why in plain words."""
    applies, reason = _eval(rule, facts)
    return applies, reason if applies else ""


def _eval(rule: Rule, facts: InteractionFacts) -> tuple[bool, str]:
    """The result and a reason for it either way (why it holds, or why it does not)."""
    match rule:
        case Always():
            return True, "always"
        case Fact(name):
            value = bool(getattr(facts, name))
            return value, BOOL_FACTS[name][0 if value else 1]
        case KindIn(kinds):
            if facts.kind in kinds:
                return True, "every " + _or_list([_KIND_NOUNS[k] for k in kinds])
            here = _with_article(_KIND_NOUNS[facts.kind])
            wanted = _or_list([_with_article(_KIND_NOUNS[k]) for k in kinds])
            return False, f"this is {here}, not {wanted}"
        case Compare(left, op, right):
            return _eval_compare(left, op, right, facts)
        case AllOf(rules):
            results = [_eval(r, facts) for r in rules]
            failed = [reason for ok, reason in results if not ok]
            if failed:
                return False, _and_list(failed)
            return True, _and_list([reason for _ok, reason in results])
        case AnyOf(rules):
            results = [_eval(r, facts) for r in rules]
            held = [reason for ok, reason in results if ok]
            if held:
                return True, _and_list(held)
            return False, _and_list([reason for _ok, reason in results])
        case Not(inner):
            ok, reason = _eval(inner, facts)
            return not ok, reason
    raise TypeError(f"not a rule: {rule!r}")


_HOLDS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
}

#: (words when the comparison holds, words when it does not), before the right-hand side.
_OP_WORDS = {
    "<": ("less than", "not less than"),
    "<=": ("at most", "more than"),
    "==": ("exactly", "not exactly"),
    "!=": ("not", "exactly"),
    ">=": ("at least", "less than"),
    ">": ("more than", "not more than"),
}

#: Lateness against the threshold: (when it holds, when it does not).
_THRESHOLD_WORDS = {
    "<": ("within", "not within"),
    "<=": ("within", "past"),
    "==": ("exactly at", "not exactly at"),
    "!=": ("not exactly at", "exactly at"),
    ">=": ("at or past", "within"),
    ">": ("past", "within"),
}


def _num(n: int | float) -> str:
    return f"{n:g}" if isinstance(n, float) else str(n)


def _minutes(n: int | float) -> str:
    return f"{_num(n)} minute" if n == 1 else f"{_num(n)} minutes"


def _eval_compare(
    left: str, op: str, right: int | float | str, facts: InteractionFacts
) -> tuple[bool, str]:
    lv: int | float = getattr(facts, left)
    rv: int | float = getattr(facts, right) if isinstance(right, str) else right
    ok = _HOLDS[op](lv, rv)
    words = 0 if ok else 1
    if left == "practitioner_minutes_late":
        said = f"you were {_minutes(lv)} late" if lv > 0 else "you were on time"
        if right == "lateness_threshold_minutes":
            return ok, f"{said} — {_THRESHOLD_WORDS[op][words]} the {_num(rv)}-minute threshold"
        if (op, rv) in {(">", 0), (">=", 1)} or (not ok and (op, rv) in {("==", 0), ("<=", 0)}):
            return ok, said  # plain lateness needs no comparison spelled out
        return ok, f"{said} ({_OP_WORDS[op][words]} {_minutes(rv)})"
    said = f"the lateness threshold is {_minutes(lv)}"
    if right == "practitioner_minutes_late":
        return ok, f"{said} ({_OP_WORDS[op][words]} the {_minutes(rv)} you were late)"
    return ok, f"{said} ({_OP_WORDS[op][words]} {_minutes(rv)})"


def _with_article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------
# Principles
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicablePrinciple:
    """A principle that applies to this interaction, with the reason in plain words."""

    principle_id: int
    number: int
    text: str
    explanation: str
    requirement: Requirement
    reason: str


PrincipleRow: TypeAlias = tuple[int, int, str, str, Requirement | str, str | dict[str, Any]]


def applicable_from(
    principles: Iterable[PrincipleRow], facts: InteractionFacts
) -> list[ApplicablePrinciple]:
    """The principles that apply, ordered by number; rows are
    (id, number, text, explanation, requirement, rule_json).

    A broken rule raises InvalidRule naming the principle number: never silently skipped.
    """
    found: list[ApplicablePrinciple] = []
    for principle_id, number, text, explanation, requirement, rule_json in principles:
        try:
            rule = parse_rule(rule_json)
        except InvalidRule as exc:
            raise InvalidRule(exc.message, principle_number=number) from None
        applies, reason = evaluate(rule, facts)
        if applies:
            found.append(
                ApplicablePrinciple(
                    principle_id=principle_id,
                    number=number,
                    text=text,
                    explanation=explanation,
                    requirement=Requirement(requirement),
                    reason=reason,
                )
            )
    found.sort(key=lambda p: p.number)
    return found


def applicable_principles(session: Session, facts: InteractionFacts) -> list[ApplicablePrinciple]:
    """The active principles that apply to an interaction with these facts, by number."""
    rows = session.execute(
        select(
            Principle.id,
            Principle.number,
            Principle.text,
            Principle.explanation,
            Principle.requirement,
            Principle.rule,
        )
        .where(Principle.active.is_(True))
        .order_by(Principle.number)
    ).all()
    return applicable_from(
        ((r.id, r.number, r.text, r.explanation, r.requirement, r.rule) for r in rows), facts
    )


def missing_required(
    applicable: list[ApplicablePrinciple], answered_ids: set[int]
) -> list[ApplicablePrinciple]:
    """The required principles not yet answered: what blocks finalising the interaction."""
    return [
        p
        for p in applicable
        if p.requirement is Requirement.REQUIRED and p.principle_id not in answered_ids
    ]
