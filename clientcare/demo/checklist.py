"""The checklist answers of the finalised interactions."""

from __future__ import annotations

from sqlalchemy import select

from clientcare.db.models import ChecklistAnswer, ChecklistAnswerValue, Principle
from clientcare.demo.base import Context


def generate(ctx: Context) -> None:
    """The principles each finalised interaction answered "done"."""
    rows = ctx.session.execute(select(Principle.number, Principle.id))
    principles = {number: principle_id for number, principle_id in rows}
    for interaction_id, numbers in ctx.answers.items():
        interaction = ctx.interactions[interaction_id]
        for number in dict.fromkeys(numbers):
            if number in principles:
                ctx.rows.add(
                    ChecklistAnswer,
                    interaction_id=interaction_id,
                    principle_id=principles[number],
                    answer=ChecklistAnswerValue.DONE,
                    reason="",
                    answered_at=interaction["finalised_at"],
                )
