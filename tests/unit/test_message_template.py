"""One home for a practice's message wording (the running-late notice, the check-in):
the same checks and the same filling-in for both."""

from __future__ import annotations

import pytest

from clientcare.followups.checkins import render_checkin, validate_checkin_template
from clientcare.lateness.templates import validate_template
from clientcare.message_template import fill, placeholders_used, template_problems

CHECKIN = ("preferred_name", "practitioner")
AS_IS = "Write the placeholder as {preferred_name}, with nothing after it."


def _message(text: str) -> str:
    problems = template_problems(text, field="f", placeholders=CHECKIN, max_length=200)
    return problems[0].message if problems else ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello {preferred_name}", ""),
        ("   ", "The message cannot be empty."),
        ("Hi {name}", "Unknown placeholder {name}: use {preferred_name} or {practitioner}."),
        ("{x.__class__}", "Unknown placeholder {x.__class__}"),
        ("{preferred_name!r}", AS_IS),
        ("{preferred_name:>9}", AS_IS),
        ("Hello {preferred_name", "does not belong to a placeholder"),
        ("x" * 201, "200"),
    ],
)
def test_a_template_is_checked_and_never_evaluated(text: str, expected: str) -> None:
    message = _message(text)
    assert (expected in message) if expected else message == ""


def test_the_notice_and_the_check_in_use_the_same_rules() -> None:
    for text in ("{x.__class__}", "Hi {", "{preferred_name!s}", ""):
        notice = [e.message for e in validate_template(text)]
        checkin = [e.message for e in validate_checkin_template(text)]
        assert len(notice) == len(checkin) == 1
        assert notice[0].split(":")[0] == checkin[0].split(":")[0]


def test_filling_in_leaves_no_double_space_and_keeps_lines() -> None:
    assert fill("Hi {a}  and {b}.\n{a} \nBye", {"a": "Zoë", "b": ""}) == "Hi Zoë and .\nZoë\nBye"
    assert (
        render_checkin(
            "Hello {preferred_name},  from {practitioner}", preferred_name="Zoë", practitioner=""
        )
        == "Hello Zoë, from"
    )
    assert placeholders_used("{a} {{b}} {c}") == ["a", "c"]
