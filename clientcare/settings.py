"""Settings: the practice's details, the service principles, the language word lists.

Every public function that writes takes an open session inside a unit of work
(one user action) and returns plain data, never an ORM object. Principles are
never deleted, only retired: past checklist answers keep pointing at them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.checklist import InvalidRule, parse_rule, rule_to_json
from clientcare.clients import normalise_email, normalise_phone
from clientcare.config import (
    DEFAULT_CANCELLATION_WINDOW_HOURS,
    DEFAULT_LATENESS_THRESHOLD_MINUTES,
    DEFAULT_LOCALE,
    DEFAULT_SESSION_MINUTES,
)
from clientcare.db.models import (
    AuditAction,
    LanguageWord,
    PracticeSettings,
    Principle,
    Requirement,
    WordList,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.money import currency_in_use
from clientcare.practice import Settings, get_settings, region_of
from clientcare.text import check_text, clean_line, fold

MAX_PRACTICE_NAME = 200
MAX_ADDRESS = 1000
MAX_PRINCIPLE_TEXT = 500
MAX_EXPLANATION = 4000
MAX_APPLIES_WHEN = 200
MAX_RULE = 10_000
MAX_WORD = 100
MAX_SUGGESTION = 500

THRESHOLD_RANGE = (0, 120)
SESSION_RANGE = (5, 600)
WINDOW_RANGE = (0, 168)

MESSAGES = {
    "lateness_threshold_minutes": "The lateness threshold is in minutes, from 0 to 120.",
    "default_session_minutes": "The default session length is in minutes, from 5 to 600.",
    "cancellation_window_hours": "The cancellation window is in hours, from 0 to 168.",
    "currency": "The currency is three letters A–Z, such as GBP or EUR.",
    "locale": "The locale is a language and a country, like en_GB or de_AT.",
}

REQUIREMENT_LABELS: dict[Requirement, str] = {
    Requirement.REQUIRED: "Required",
    Requirement.ADVISORY: "Advisory",
    Requirement.AUTOMATIC: "Automatic",
}

WORD_LIST_LABELS: dict[WordList, str] = {
    WordList.PET_NAME: "pet names",
    WordList.MONEY_SHAMING: "money words",
}

_LOCALE = re.compile(r"([A-Za-z]{2,3})_([A-Za-z]{2})")
_CURRENCY = re.compile(r"[A-Z]{3}")


# --------------------------------------------------------------------------
# Practice
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeInput:
    """What the Practice form holds."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    currency: str = "GBP"
    locale: str = DEFAULT_LOCALE
    lateness_threshold_minutes: int = DEFAULT_LATENESS_THRESHOLD_MINUTES
    default_session_minutes: int = DEFAULT_SESSION_MINUTES
    cancellation_window_hours: int = DEFAULT_CANCELLATION_WINDOW_HOURS


def get_practice(session: Session) -> PracticeInput:
    """The practice's details as stored, for the form."""
    row = session.get(PracticeSettings, 1)
    settings = get_settings(session)
    return PracticeInput(
        name=settings.name,
        address=(row.address or "") if row else "",
        phone=(row.phone or "") if row else "",
        email=(row.email or "") if row else "",
        currency=settings.currency,
        locale=settings.locale,
        lateness_threshold_minutes=settings.lateness_threshold_minutes,
        default_session_minutes=settings.default_session_minutes,
        cancellation_window_hours=settings.cancellation_window_hours,
    )


def _in_range(field: str, value: object, bounds: tuple[int, int]) -> FieldError | None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return FieldError(field, MESSAGES[field])
    return None


def clean_practice(data: PracticeInput) -> PracticeInput:
    """The input trimmed and normalised; raises ValidationError listing every problem."""
    errors: list[FieldError] = []
    name = clean_line(data.name)
    address = data.address.strip()
    for problem in (
        check_text("name", "The practice name", name, max_length=MAX_PRACTICE_NAME),
        check_text("address", "The address", address, max_length=MAX_ADDRESS, multiline=True),
    ):
        if problem:
            errors.append(problem)

    currency = data.currency.strip().upper()
    if not _CURRENCY.fullmatch(currency):
        errors.append(FieldError("currency", MESSAGES["currency"]))

    locale = data.locale.strip().replace("-", "_")
    match = _LOCALE.fullmatch(locale)
    if match:
        locale = f"{match.group(1).lower()}_{match.group(2).upper()}"
    else:
        errors.append(FieldError("locale", MESSAGES["locale"]))

    email, problem = normalise_email(data.email)
    if problem:
        errors.append(problem)
    phone, problem = normalise_phone(data.phone, region_of(locale) if match else None)
    if problem:
        errors.append(problem)

    for field, bounds in (
        ("lateness_threshold_minutes", THRESHOLD_RANGE),
        ("default_session_minutes", SESSION_RANGE),
        ("cancellation_window_hours", WINDOW_RANGE),
    ):
        problem = _in_range(field, getattr(data, field), bounds)
        if problem:
            errors.append(problem)
    if errors:
        raise ValidationError(errors)
    return PracticeInput(
        name=name,
        address=address,
        phone=phone,
        email=email,
        currency=currency,
        locale=locale,
        lateness_threshold_minutes=data.lateness_threshold_minutes,
        default_session_minutes=data.default_session_minutes,
        cancellation_window_hours=data.cancellation_window_hours,
    )


def update_practice(session: Session, data: PracticeInput) -> Settings:
    """Store the practice's details; raises ValidationError (nothing written) when wrong."""
    cleaned = clean_practice(data)
    in_use = currency_in_use(session)
    if in_use is not None and cleaned.currency != in_use:
        raise ValidationError.single(
            "currency",
            f"The accounts already hold amounts in {in_use}, so the currency can't change to "
            f"{cleaned.currency}: the balances would no longer add up.",
        )
    row = session.get(PracticeSettings, 1)
    if row is None:
        row = PracticeSettings(id=1)
        session.add(row)
    values = {field: getattr(cleaned, field) for field in PracticeInput.__dataclass_fields__}
    audit.apply_changes(session, row, "practice_settings", 1, values)
    return get_settings(session)


# --------------------------------------------------------------------------
# Principles
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PrincipleRow:
    id: int
    number: int
    text: str
    explanation: str
    applies_when: str
    rule_json: str
    requirement: Requirement
    active: bool


def _principle_row(p: Principle) -> PrincipleRow:
    return PrincipleRow(
        id=p.id,
        number=p.number,
        text=p.text,
        explanation=p.explanation or "",
        applies_when=p.applies_when or "",
        rule_json=p.rule or "",
        requirement=Requirement(p.requirement),
        active=bool(p.active),
    )


def list_principles(session: Session, include_retired: bool = True) -> list[PrincipleRow]:
    """The principles by number; retired ones too unless ``include_retired`` is False."""
    query = select(Principle).order_by(Principle.number)
    if not include_retired:
        query = query.where(Principle.active.is_(True))
    return [_principle_row(p) for p in session.scalars(query)]


def _get_principle(session: Session, principle_id: int) -> Principle:
    principle = session.get(Principle, principle_id)
    if principle is None:
        raise NotFoundError(f"Principle {principle_id} is no longer in the database.")
    return principle


def pretty_rule(rule_json: str) -> str:
    """A stored rule laid out for editing (the text as is when it does not parse)."""
    try:
        return json.dumps(json.loads(rule_json), indent=2)
    except ValueError:
        return rule_json


def _clean_principle(
    text: str, explanation: str, applies_when: str, rule_json: str, requirement: str
) -> tuple[str, str, str, str, Requirement]:
    errors: list[FieldError] = []
    text = clean_line(text)
    explanation = explanation.strip()
    applies_when = clean_line(applies_when)
    if not text:
        errors.append(FieldError("text", "Please write the principle."))
    for problem in (
        check_text("text", "The principle", text, max_length=MAX_PRINCIPLE_TEXT),
        check_text(
            "explanation",
            "The explanation",
            explanation,
            max_length=MAX_EXPLANATION,
            multiline=True,
        ),
        check_text("applies_when", "“Applies when”", applies_when, max_length=MAX_APPLIES_WHEN),
    ):
        if problem:
            errors.append(problem)
    stored_rule = ""
    if not rule_json.strip():
        errors.append(FieldError("rule", 'Please write the rule, for example {"always": true}.'))
    elif len(rule_json) > MAX_RULE:
        errors.append(
            FieldError("rule", f"The rule is too long (at most {MAX_RULE:,} characters).")
        )
    else:
        try:
            stored_rule = json.dumps(rule_to_json(parse_rule(rule_json)), sort_keys=True)
        except InvalidRule as exc:
            message = exc.message
            errors.append(FieldError("rule", message[:1].upper() + message[1:] + "."))
    try:
        wanted = Requirement(requirement)
    except ValueError:
        errors.append(FieldError("requirement", "Choose required, advisory or automatic."))
        wanted = Requirement.ADVISORY
    if errors:
        raise ValidationError(errors)
    return text, explanation, applies_when, stored_rule, wanted


def add_principle(
    session: Session,
    text: str,
    explanation: str,
    applies_when: str,
    rule_json: str,
    requirement: Requirement | str,
) -> PrincipleRow:
    """Add a principle after the last one. Raises ValidationError (field "rule" for a bad rule)."""
    text, explanation, applies_when, rule, wanted = _clean_principle(
        text, explanation, applies_when, rule_json, requirement
    )
    number = (session.scalar(select(func.max(Principle.number))) or 0) + 1
    principle = Principle(
        number=max(number, 1),
        text=text,
        explanation=explanation,
        applies_when=applies_when,
        rule=rule,
        requirement=wanted,
        active=True,
    )
    session.add(principle)
    session.flush()
    audit.record(
        session,
        AuditAction.CREATE,
        "principle",
        principle.id,
        ("number", "text", "explanation", "applies_when", "rule", "requirement"),
    )
    return _principle_row(principle)


def update_principle(
    session: Session,
    principle_id: int,
    text: str,
    explanation: str,
    applies_when: str,
    rule_json: str,
    requirement: Requirement | str,
) -> PrincipleRow:
    """Change a principle's wording, rule or requirement (its number stays)."""
    principle = _get_principle(session, principle_id)
    text, explanation, applies_when, rule, wanted = _clean_principle(
        text, explanation, applies_when, rule_json, requirement
    )
    values = {
        "text": text,
        "explanation": explanation,
        "applies_when": applies_when,
        "rule": rule,
        "requirement": wanted,
    }
    audit.apply_changes(session, principle, "principle", principle.id, values)
    return _principle_row(principle)


def _set_active(session: Session, principle_id: int, active: bool) -> PrincipleRow:
    principle = _get_principle(session, principle_id)
    if principle.active != active:
        principle.active = active
        session.flush()
        audit.record(session, AuditAction.UPDATE, "principle", principle.id, ("active",))
    return _principle_row(principle)


def retire_principle(session: Session, principle_id: int) -> PrincipleRow:
    """Stop offering a principle; it stays, so past answers keep pointing at it."""
    return _set_active(session, principle_id, False)


def restore_principle(session: Session, principle_id: int) -> PrincipleRow:
    return _set_active(session, principle_id, True)


def move_principle(session: Session, principle_id: int, direction: int) -> PrincipleRow:
    """Swap a principle's number with its neighbour above (-1) or below (+1).

    At the top or bottom already, nothing changes. ``number`` is UNIQUE, so the swap
    goes through a free temporary negative number within this one transaction.
    """
    if direction not in (-1, 1):
        raise ValueError(f"direction must be -1 or +1, not {direction!r}")
    principle = _get_principle(session, principle_id)
    query = select(Principle)
    if direction < 0:
        query = query.where(Principle.number < principle.number).order_by(Principle.number.desc())
    else:
        query = query.where(Principle.number > principle.number).order_by(Principle.number)
    neighbour = session.scalars(query.limit(1)).first()
    if neighbour is None:
        return _principle_row(principle)
    mine, theirs = principle.number, neighbour.number
    lowest = session.scalar(select(func.min(Principle.number))) or 0
    principle.number = min(lowest, 0) - 1
    session.flush()
    neighbour.number = mine
    session.flush()
    principle.number = theirs
    session.flush()
    for moved in (principle, neighbour):
        audit.record(session, AuditAction.UPDATE, "principle", moved.id, ("number",))
    return _principle_row(principle)


# --------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class WordRow:
    id: int
    word_list: WordList
    word: str
    suggestion: str


def list_words(session: Session, word_list: WordList | str) -> list[WordRow]:
    """One list's words, alphabetically (ignoring case and accents)."""
    rows = session.scalars(
        select(LanguageWord).where(LanguageWord.word_list == WordList(word_list))
    )
    words = [WordRow(w.id, WordList(w.word_list), w.word, w.suggestion or "") for w in rows]
    return sorted(words, key=lambda w: (fold(w.word), w.id))


def add_word(
    session: Session, word_list: WordList | str, word: str, suggestion: str = ""
) -> WordRow:
    """Add a word or phrase to a list; raises ValidationError for an empty, odd or repeated one."""
    wanted = WordList(word_list)
    label = WORD_LIST_LABELS[wanted]
    word = clean_line(word)
    suggestion = clean_line(suggestion)
    errors: list[FieldError] = []
    if not word:
        errors.append(FieldError("word", "Please enter a word or phrase."))
    elif problem := check_text("word", "The word", word, max_length=MAX_WORD):
        errors.append(problem)
    elif not (word[0].isalnum() and word[-1].isalnum()):
        errors.append(
            FieldError(
                "word",
                "A word or phrase starts and ends with a letter or digit; "
                "the check matches whole words only.",
            )
        )
    else:
        existing = session.scalars(
            select(LanguageWord.word).where(LanguageWord.word_list == wanted)
        ).all()
        key = word.casefold()
        taken = next((w for w in existing if w.casefold() == key), None)
        if taken is not None:
            errors.append(FieldError("word", f"“{taken}” is already in the {label}."))
    if problem := check_text("suggestion", "The suggestion", suggestion, max_length=MAX_SUGGESTION):
        errors.append(problem)
    if errors:
        raise ValidationError(errors)
    row = LanguageWord(word_list=wanted, word=word, suggestion=suggestion)
    session.add(row)
    session.flush()
    audit.record(
        session, AuditAction.CREATE, "language_word", row.id, ("word_list", "word", "suggestion")
    )
    return WordRow(row.id, wanted, word, suggestion)


def remove_word(session: Session, word_id: int) -> None:
    """Take a word off its list."""
    row = session.get(LanguageWord, word_id)
    if row is None:
        raise NotFoundError(f"Word {word_id} is no longer in the database.")
    session.delete(row)
    session.flush()
    audit.record(session, AuditAction.DELETE, "language_word", word_id)
