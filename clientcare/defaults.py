"""What a new database starts with: practice settings, the principles, the word lists."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare.db.models import LanguageWord, PracticeSettings, Principle, Requirement, WordList


def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        resources.files("resources").joinpath(name).read_text(encoding="utf-8")
    )
    return loaded


def default_principles() -> list[dict[str, Any]]:
    """The 14 default principles as shipped in resources/principles.json."""
    return list(_load("principles.json")["principles"])


def default_words() -> dict[WordList, list[tuple[str, str]]]:
    data = _load("language_words.json")
    return {wl: [(w, s) for w, s in data[wl.value]] for wl in WordList}


def seed_defaults(session: Session) -> None:
    """Fill a new database with the shipped defaults; leaves existing rows alone."""
    if session.get(PracticeSettings, 1) is None:
        session.add(PracticeSettings(id=1))
    if not session.scalar(select(func.count()).select_from(Principle)):
        for item in default_principles():
            session.add(
                Principle(
                    number=item["number"],
                    text=item["text"],
                    explanation=item["explanation"],
                    applies_when=item["applies_when"],
                    rule=json.dumps(item["rule"], sort_keys=True),
                    requirement=Requirement(item["requirement"]),
                )
            )
    if not session.scalar(select(func.count()).select_from(LanguageWord)):
        for word_list, words in default_words().items():
            for word, suggestion in words:
                session.add(LanguageWord(word_list=word_list, word=word, suggestion=suggestion))
