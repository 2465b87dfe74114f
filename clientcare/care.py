"""Today's care list: everything that needs the practitioner's attention, in one calm order.

The order is the issue's: client issues in triage order, expectations to review,
check-ins due (consenting clients only), referral follow-ups, money follow-ups, and
payment plans with an instalment past its date. Each item says who, what, since
when, and which action it leads to; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import followups, locale_format, money, referrals
from clientcare.db.models import Client


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
    items: tuple[CareItem, ...]
    notice: str = ""  # e.g. the escalation budget, in plain words

    def of(self, kind: CareKind) -> tuple[CareItem, ...]:
        return tuple(item for item in self.items if item.kind is kind)

    def counts(self) -> dict[CareKind, int]:
        return {kind: len(self.of(kind)) for kind in CareKind}


def _follow_up_items(
    session: Session, today: dt.date, issues: list[followups.IssueRow]
) -> list[CareItem]:
    """Issues in triage order, expectations to review, check-ins due (clientcare.followups)."""
    items: list[CareItem] = []
    for issue in issues:
        title = f"{issue.title} ({issue.urgency.value})"
        items.append(
            CareItem(
                CareKind.ISSUE,
                issue.id,
                issue.client_id,
                issue.client_name,
                title,
                issue.raised_on,
                issue.client_full_name,
            )
        )
    for expectation in followups.expectations_due(session, today=today):
        items.append(
            CareItem(
                CareKind.EXPECTATION,
                expectation.id,
                expectation.client_id,
                expectation.client_name,
                expectation.description,
                expectation.review_on,
                expectation.client_full_name,
            )
        )
    for due in followups.checkins_due(session, today=today):
        items.append(
            CareItem(
                CareKind.CHECKIN,
                due.client_id,
                due.client_id,
                due.client_name,
                "A gentle check-in",
                due.due_on,
                due.client_full_name,
            )
        )
    return items


def care_list(session: Session, *, today: dt.date) -> CareList:
    issues = followups.triage_queue(session, today=today)
    items = _follow_up_items(session, today, issues)
    for referral in referrals.follow_ups_due(session, today):
        items.append(
            CareItem(
                CareKind.REFERRAL,
                referral.id,
                referral.client_id,
                referral.client_preferred_name,
                f"Did they connect with {referral.provider_name}?",
                referral.follow_up_on,
                referral.client_name,
            )
        )
    for conversation in money.conversation_follow_ups_due(session, today=today):
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
    for item in money.plans_past_their_date(session, today=today):
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
    order = list(CareKind)
    items.sort(key=lambda i: order.index(i.kind))  # stable: each source's own order kept
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
    budget = followups.escalation_budget(session, issues)
    return CareList(tuple(items), budget.message if budget.over_budget else "")


#: Which sidebar section handles each kind of care item.
SECTION_OF: dict[CareKind, str] = {
    CareKind.ISSUE: "followups",
    CareKind.EXPECTATION: "followups",
    CareKind.CHECKIN: "followups",
    CareKind.REFERRAL: "referrals",
    CareKind.MONEY_FOLLOW_UP: "money",
    CareKind.PLAN: "money",
}


def sidebar_counts(care: CareList) -> dict[str, int]:
    """How many items need care, for Today and for the section that handles each."""
    counts = {"today": len(care.items)}
    for item in care.items:
        section = SECTION_OF[item.kind]
        counts[section] = counts.get(section, 0) + 1
    return counts
