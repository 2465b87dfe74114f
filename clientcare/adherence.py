"""Adherence: per service principle, how often it applied to a contact and was done.

Only FINAL interactions count (a draft may still change). What "applied" means:

- every principle a final interaction has an answer for (done, not applicable or
  not done) applied to it — finalising requires an answer to each required
  principle that applies, so required principles are fully counted this way;
- an active advisory or required principle whose rule depends on nothing but the
  interaction kind (``always``, ``kind_in`` and their ``all``/``any``/``not``
  combinations — e.g. "ask what might have been more helpful" for every session)
  also applied to each final interaction of a matching kind that left it
  *unanswered*. That is exact and cheap: one count per kind.
- an unanswered principle whose rule depends on other facts (lateness, money,
  referrals...) is not counted: knowing whether it applied would mean rebuilding
  each interaction's facts (several queries per interaction), far too slow over
  tens of thousands of records. Automatic principles (checked by the text checks,
  never answered by hand) are likewise only counted where answered.

Unanswered applicable principles count against the rate: nothing says they were done.
Everything here is a handful of grouped queries, whatever the number of interactions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, extract, func, select
from sqlalchemy.orm import Session

from clientcare.checklist import (
    AllOf,
    Always,
    AnyOf,
    InteractionFacts,
    InvalidRule,
    KindIn,
    Not,
    Rule,
    evaluate,
    parse_rule,
)
from clientcare.db.models import (
    ChecklistAnswer,
    ChecklistAnswerValue,
    Interaction,
    InteractionKind,
    InteractionState,
    Principle,
    Requirement,
)
from clientcare.scope import WHOLE_PRACTICE, Scope

V = ChecklistAnswerValue


@dataclass(frozen=True)
class PrincipleAdherence:
    """One principle over the final interactions in scope.

    ``applied`` = done + not_applicable + not_done + unanswered.
    """

    principle_id: int
    number: int
    text: str
    applied: int
    done: int
    not_applicable: int
    not_done: int
    unanswered: int

    @property
    def counted(self) -> int:
        """The contacts the rate is over: applied, less those marked not applicable."""
        return self.applied - self.not_applicable

    @property
    def rate(self) -> float | None:
        """done / (applied - not_applicable); None when nothing is left to judge."""
        counted = self.counted
        return self.done / counted if counted > 0 else None


@dataclass(frozen=True)
class PeriodAdherence:
    """All principles together over one calendar month.

    ``applied`` is the rate's denominator: done + not done + unanswered-where-applicable
    (answers of "not applicable" are left out).
    """

    period_start: dt.date
    label: str
    applied: int
    done: int

    @property
    def rate(self) -> float | None:
        return self.done / self.applied if self.applied > 0 else None


# --------------------------------------------------------------------------
# Rules that depend on the kind alone
# --------------------------------------------------------------------------


def _kind_only(rule: Rule) -> bool:
    match rule:
        case Always() | KindIn():
            return True
        case AllOf(rules) | AnyOf(rules):
            return all(_kind_only(r) for r in rules)
        case Not(inner):
            return _kind_only(inner)
    return False


def _kinds_applying(rule_json: str, requirement: Requirement | str) -> frozenset[InteractionKind]:
    """The kinds an unanswered principle certainly applies to; empty when unknowable."""
    if Requirement(requirement) is Requirement.AUTOMATIC:
        return frozenset()
    try:
        rule = parse_rule(rule_json)
    except InvalidRule:
        return frozenset()
    if not _kind_only(rule):
        return frozenset()
    return frozenset(k for k in InteractionKind if evaluate(rule, InteractionFacts(kind=k))[0])


# --------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------


def _scope(
    client_id: int | None,
    start: dt.datetime | None,
    end: dt.datetime | None,
    scope: Scope = WHOLE_PRACTICE,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Interaction.state == InteractionState.FINAL]
    if client_id is not None:
        conditions.append(Interaction.client_id == client_id)
    if not scope.whole_practice:
        conditions.append(Interaction.client_id.in_(scope.client_ids()))
    if start is not None:
        conditions.append(Interaction.occurred_at >= start)
    if end is not None:
        conditions.append(Interaction.occurred_at < end)
    return conditions


def _day_start(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime.combine(day, dt.time())


def adherence(
    session: Session,
    *,
    client_id: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    scope: Scope = WHOLE_PRACTICE,
) -> list[PrincipleAdherence]:
    """Per principle, by number: its counts over final interactions (one client's, those
    of the clients of ``scope``, or all) that occurred from ``start`` to ``end`` inclusive.

    Lists every active principle (with zeros when never applied) and any retired one
    that was answered in scope.
    """
    conditions = _scope(
        client_id,
        _day_start(start),
        _day_start(end + dt.timedelta(days=1)) if end is not None else None,
        scope,
    )
    answers = session.execute(
        select(
            ChecklistAnswer.principle_id,
            Interaction.kind,
            ChecklistAnswer.answer,
            func.count(),
        )
        .join(Interaction, Interaction.id == ChecklistAnswer.interaction_id)
        .where(*conditions)
        .group_by(ChecklistAnswer.principle_id, Interaction.kind, ChecklistAnswer.answer)
    ).all()
    by_kind = {
        InteractionKind(kind): count
        for kind, count in session.execute(
            select(Interaction.kind, func.count()).where(*conditions).group_by(Interaction.kind)
        ).all()
    }
    counts: dict[int, dict[V, int]] = defaultdict(lambda: defaultdict(int))
    answered_by_kind: dict[int, dict[InteractionKind, int]] = defaultdict(lambda: defaultdict(int))
    for principle_id, kind, value, count in answers:
        counts[principle_id][V(value)] += count
        answered_by_kind[principle_id][InteractionKind(kind)] += count

    principles = session.execute(
        select(
            Principle.id,
            Principle.number,
            Principle.text,
            Principle.rule,
            Principle.requirement,
            Principle.active,
        ).order_by(Principle.number)
    ).all()
    rows: list[PrincipleAdherence] = []
    for pid, number, text, rule, requirement, active in principles:
        if not active and pid not in counts:
            continue
        unanswered = 0
        if active:
            for kind in _kinds_applying(rule, requirement):
                unanswered += max(by_kind.get(kind, 0) - answered_by_kind[pid][kind], 0)
        done = counts[pid][V.DONE]
        not_applicable = counts[pid][V.NOT_APPLICABLE]
        not_done = counts[pid][V.NOT_DONE]
        rows.append(
            PrincipleAdherence(
                principle_id=pid,
                number=number,
                text=text,
                applied=done + not_applicable + not_done + unanswered,
                done=done,
                not_applicable=not_applicable,
                not_done=not_done,
                unanswered=unanswered,
            )
        )
    return rows


def _month_back(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


def adherence_by_month(
    session: Session,
    *,
    client_id: int | None = None,
    months: int = 12,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
) -> list[PeriodAdherence]:
    """The last ``months`` calendar months up to and including ``today``'s, oldest first,
    each with all principles together (months with nothing have zeros); one client's,
    the clients of ``scope``, or all."""
    if months <= 0:
        return []
    this_month = today.replace(day=1)
    first = _month_back(this_month, months - 1)
    after = _month_back(this_month, -1)
    conditions = _scope(client_id, _day_start(first), _day_start(after), scope)
    year = extract("year", Interaction.occurred_at)
    month = extract("month", Interaction.occurred_at)
    answers = session.execute(
        select(
            year,
            month,
            ChecklistAnswer.principle_id,
            Interaction.kind,
            ChecklistAnswer.answer,
            func.count(),
        )
        .join(Interaction, Interaction.id == ChecklistAnswer.interaction_id)
        .where(*conditions)
        .group_by(
            year, month, ChecklistAnswer.principle_id, Interaction.kind, ChecklistAnswer.answer
        )
    ).all()
    interactions = session.execute(
        select(year, month, Interaction.kind, func.count())
        .where(*conditions)
        .group_by(year, month, Interaction.kind)
    ).all()
    kinds_applying = {
        pid: _kinds_applying(rule, requirement)
        for pid, rule, requirement in session.execute(
            select(Principle.id, Principle.rule, Principle.requirement).where(
                Principle.active.is_(True)
            )
        ).all()
    }

    applied: dict[dt.date, int] = defaultdict(int)
    done: dict[dt.date, int] = defaultdict(int)
    answered: dict[tuple[dt.date, int, InteractionKind], int] = defaultdict(int)
    for y, m, pid, kind, value, count in answers:
        period = dt.date(int(y), int(m), 1)
        answered[period, pid, InteractionKind(kind)] += count
        if V(value) is V.NOT_APPLICABLE:
            continue
        applied[period] += count
        if V(value) is V.DONE:
            done[period] += count
    for y, m, kind, count in interactions:
        period = dt.date(int(y), int(m), 1)
        kind = InteractionKind(kind)
        for pid, kinds in kinds_applying.items():
            if kind in kinds:
                applied[period] += max(count - answered[period, pid, kind], 0)

    result: list[PeriodAdherence] = []
    for back in range(months - 1, -1, -1):
        period = _month_back(this_month, back)
        result.append(
            PeriodAdherence(
                period_start=period,
                label=f"{period:%b %Y}",
                applied=applied[period],
                done=done[period],
            )
        )
    return result
