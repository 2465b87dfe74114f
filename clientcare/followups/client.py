"""What is open with one client, for their page: issues in triage order, expectations
not yet reviewed, and where their check-ins stand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clientcare.followups.checkins import CheckInStatus, checkin_status
from clientcare.followups.expectations import ExpectationRow, open_expectations
from clientcare.followups.issues import IssueRow, client_issues


@dataclass(frozen=True)
class OpenFollowUps:
    """One client's open follow-ups on ``today``."""

    today: dt.date
    issues: tuple[IssueRow, ...]
    expectations: tuple[ExpectationRow, ...]
    checkins: CheckInStatus

    @property
    def checkin_due(self) -> bool:
        """A check-in is due: the client said yes and its day has come."""
        due = self.checkins.next_due_on
        return self.checkins.consented and due is not None and due <= self.today

    @property
    def count(self) -> int:
        """How many things are open: each issue, each expectation, a check-in that is due."""
        return len(self.issues) + len(self.expectations) + int(self.checkin_due)


def open_followups(session: Session, client_id: int, *, today: dt.date) -> OpenFollowUps:
    """The client's open issues, unreviewed expectations and check-in status.

    Raises NotFoundError if the client is gone.
    """
    checkins = checkin_status(session, client_id, today=today)
    return OpenFollowUps(
        today=today,
        issues=tuple(client_issues(session, client_id, today=today)),
        expectations=tuple(open_expectations(session, today=today, client_id=client_id)),
        checkins=checkins,
    )
