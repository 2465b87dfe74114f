"""Today's care list: everything that needs the practitioner's attention, in one calm order.

The order is the issue's: client issues in triage order, expectations to review,
check-ins due (consenting clients only), referral follow-ups, money follow-ups, and
payment plans with an instalment past its date. Each item says who, what, since
when, and which action it leads to; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import followups, locale_format, money, referrals
from clientcare.db.models import Client
from clientcare.scope import WHOLE_PRACTICE, Scope


class CareKind(StrEnum):
    ISSUE = "issue"
    EXPECTATION = "expectation"
    CHECKIN = "checkin"
    REFERRAL = "referral"
    MONEY_FOLLOW_UP = "money_follow_up"
    PLAN = "plan"


#: The groups of the care list, in the order Today shows them.
GROUP_LABELS: dict[CareKind, str] = {
    CareKind.ISSUE: "Issues, most urgent first",
    CareKind.EXPECTATION: "Expectations to review",
    CareKind.CHECKIN: "Check-ins due",
    CareKind.REFERRAL: "Referral follow-ups",
    CareKind.MONEY_FOLLOW_UP: "Money conversations to follow up",
    CareKind.PLAN: "Payment plans to check in about",
}


@dataclass(frozen=True)
class CareItem:
    kind: CareKind
    ref_id: int
    client_id: int
    client_name: str
    title: str
    due_on: dt.date | None
    #: The full name too: two clients may share a preferred name.
    client_full_name: str = ""

    def since(self, today: dt.date, locale: str = locale_format.DEFAULT_LOCALE) -> str:
        """ "due today", "for 3 days": when it came due, in words (a date in ``locale``)."""
        if self.due_on is None:
            return ""
        days = (today - self.due_on).days
        if days <= 0:
            if days == 0:
                return "due today"
            return f"due {locale_format.day_month(self.due_on, locale)}"
        return "since yesterday" if days == 1 else f"for {days} days"


@dataclass(frozen=True)
class CareList:
    """What needs care: ``items`` in the list's order, at most ``limit`` of each kind when
    the list was bounded; ``totals`` how many of each kind there are in all."""

    items: tuple[CareItem, ...]
    notice: str = ""  # e.g. the escalation budget, in plain words
    totals: dict[CareKind, int] = field(default_factory=dict)
    scope: Scope = WHOLE_PRACTICE

    def of(self, kind: CareKind) -> tuple[CareItem, ...]:
        return tuple(item for item in self.items if item.kind is kind)

    def total(self, kind: CareKind) -> int:
        """How many items of ``kind`` need care, listed or not."""
        return self.totals.get(kind, len(self.of(kind)))

    def counts(self) -> dict[CareKind, int]:
        return {kind: self.total(kind) for kind in CareKind}

    @property
    def cut(self) -> bool:
        """Whether some items are not listed (the list was bounded)."""
        return any(self.total(kind) > len(self.of(kind)) for kind in CareKind)


def _issue_items(issues: list[followups.IssueRow]) -> list[CareItem]:
    return [
        CareItem(
            CareKind.ISSUE,
            issue.id,
            issue.client_id,
            issue.client_name,
            f"{issue.title} ({issue.urgency.value})",
            issue.raised_on,
            issue.client_full_name,
        )
        for issue in issues
    ]


def _expectation_items(rows: list[followups.ExpectationRow]) -> list[CareItem]:
    return [
        CareItem(
            CareKind.EXPECTATION,
            expectation.id,
            expectation.client_id,
            expectation.client_name,
            expectation.description,
            expectation.review_on,
            expectation.client_full_name,
        )
        for expectation in rows
    ]


def _checkin_items(rows: list[followups.CheckInDue]) -> list[CareItem]:
    return [
        CareItem(
            CareKind.CHECKIN,
            due.client_id,
            due.client_id,
            due.client_name,
            "A gentle check-in",
            due.due_on,
            due.client_full_name,
        )
        for due in rows
    ]


def _referral_items(rows: list[referrals.ReferralRow]) -> list[CareItem]:
    return [
        CareItem(
            CareKind.REFERRAL,
            referral.id,
            referral.client_id,
            referral.client_preferred_name,
            f"Did they connect with {referral.provider_name}?",
            referral.follow_up_on,
            referral.client_name,
        )
        for referral in rows
    ]


def _money_items(rows: list[money.ConversationRow]) -> list[CareItem]:
    items = []
    for conversation in rows:
        what = conversation.agreed_outcome or conversation.summary or conversation.topic_label
        items.append(
            CareItem(
                CareKind.MONEY_FOLLOW_UP,
                conversation.id,
                conversation.client_id,
                conversation.client_name,
                f"{conversation.topic_label}: {what}",
                conversation.follow_up_on,
            )
        )
    return items


def _plan_items(session: Session, rows: list[money.PlanNeedingCare]) -> list[CareItem]:
    items = []
    for item in rows:
        first = item.plan.overdue[0]
        items.append(
            CareItem(
                CareKind.PLAN,
                item.plan.id,
                item.client_id,
                item.client_name,
                f"Instalment {first.number} of {len(item.plan.instalments)} "
                f"({money.money_text(session, first.amount_minor)}) has passed its date",
                first.due_on,
            )
        )
    return items


def care_list(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    limit: int | None = None,
) -> CareList:
    """What needs care today for ``scope``'s clients, in the care list's order.

    ``limit``: at most that many items of each kind, the first in each kind's own order
    (read so in SQL, so a practice of 20,000 clients reads a screenful); ``totals`` then
    still counts them all, and the escalation budget weighs every open issue of the
    scope.
    """
    # One more than shown is read: a kind with more is counted in SQL, one without is
    # counted as read (no count when a kind has exactly ``limit`` items).
    ask = None if limit is None else limit + 1

    def cut(rows: list[Any], count: Callable[[], int]) -> tuple[list[Any], int]:
        if ask is None or len(rows) < ask:
            return rows, len(rows)
        return rows[:limit], count()

    issues = followups.triage_queue(session, today=today, scope=scope, limit=ask)
    # The budget weighs every open issue: from the rows when all were read, else in SQL.
    whole = ask is None or len(issues) < ask
    budget = followups.escalation_budget(session, issues if whole else None, scope=scope)
    totals: dict[CareKind, int] = {CareKind.ISSUE: budget.open}
    items = _issue_items(issues[:limit])
    expectations, totals[CareKind.EXPECTATION] = cut(
        followups.expectations_due(session, today=today, scope=scope, limit=ask),
        lambda: followups.count_expectations_due(session, today=today, scope=scope),
    )
    items += _expectation_items(expectations)
    checkins = followups.checkins_due(session, today=today, scope=scope)
    totals[CareKind.CHECKIN] = len(checkins)
    items += _checkin_items(checkins[:limit])
    due, totals[CareKind.REFERRAL] = cut(
        referrals.follow_ups_due(session, today, scope=scope, limit=ask),
        lambda: referrals.count_follow_ups_due(session, today, scope=scope),
    )
    items += _referral_items(due)
    conversations, totals[CareKind.MONEY_FOLLOW_UP] = cut(
        money.conversation_follow_ups_due(session, today=today, scope=scope, limit=ask),
        lambda: money.count_conversation_follow_ups_due(session, today=today, scope=scope),
    )
    items += _money_items(conversations)
    plans = money.plans_past_their_date(session, today=today, scope=scope)
    totals[CareKind.PLAN] = len(plans)
    items += _plan_items(session, plans[:limit])
    # The full names the money sources don't carry (one query, and none when all do).
    missing = {i.client_id for i in items if not i.client_full_name}
    if missing:
        full_names = dict(
            session.execute(select(Client.id, Client.full_name).where(Client.id.in_(missing))).all()
        )
        items = [
            replace(i, client_full_name=full_names.get(i.client_id, ""))
            if not i.client_full_name
            else i
            for i in items
        ]
    return CareList(tuple(items), budget.message if budget.over_budget else "", totals, scope)


#: Today lists at most this many items of each kind (read so in SQL, the most pressing
#: first); each kind is still counted whole.
TODAY_LIMIT = 25


#: Which sidebar section handles each kind of care item.
SECTION_OF: dict[CareKind, str] = {
    CareKind.ISSUE: "followups",
    CareKind.EXPECTATION: "followups",
    CareKind.CHECKIN: "followups",
    CareKind.REFERRAL: "referrals",
    CareKind.MONEY_FOLLOW_UP: "money",
    CareKind.PLAN: "money",
}


#: What one item of each kind is, counted ("2 issues open", "1 check-in due").
COUNT_NOUNS: dict[CareKind, tuple[str, str]] = {
    CareKind.ISSUE: ("issue open", "issues open"),
    CareKind.EXPECTATION: ("expectation to review", "expectations to review"),
    CareKind.CHECKIN: ("check-in due", "check-ins due"),
    CareKind.REFERRAL: ("referral to follow up", "referrals to follow up"),
    CareKind.MONEY_FOLLOW_UP: (
        "money conversation to follow up",
        "money conversations to follow up",
    ),
    CareKind.PLAN: ("payment plan to check in about", "payment plans to check in about"),
}


def sidebar_breakdown(care: CareList) -> dict[str, list[str]]:
    """What each section's count is made of, in words ("2 issues open"), for its tooltip
    and accessible name: a number beside a section says what it counts."""
    parts: dict[str, list[str]] = {"today": []}
    for kind, number in care.counts().items():
        if not number:
            continue
        one, many = COUNT_NOUNS[kind]
        words = f"{number} {one if number == 1 else many}"
        parts["today"].append(words)
        parts.setdefault(SECTION_OF[kind], []).append(words)
    return parts


def sidebar_counts(care: CareList) -> dict[str, int]:
    """How many items need care, for Today and for the section that handles each (every
    item, listed or not)."""
    counts = {"today": 0}
    for kind, number in care.counts().items():
        counts["today"] += number
        section = SECTION_OF[kind]
        counts[section] = counts.get(section, 0) + number
    return counts
