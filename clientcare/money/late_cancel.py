"""What cancelling an appointment now would cost under the practice's fee policy.

The rule: a late-cancellation fee applies when the practice has one (Settings), and the
cancellation is late (``appointments.is_late_cancellation``: the client cancelling
inside the notice window before the start, or after it). A grace rule may still forgive
it, and an exempt circumstance the person chooses records it waived.

This module reads appointments (the notice window and the lateness rule live there), and
appointments charges an outcome through this package: so the package's ``__init__`` does
not import this module, and callers import it by name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clientcare.appointments import cancellation_window_hours, is_late_cancellation
from clientcare.db.models import CancelledBy, ChargeKind, PracticeSettings
from clientcare.money._shared import money_text
from clientcare.money.fees import _policy_fee
from clientcare.money.grace import exempt_circumstances


@dataclass(frozen=True)
class LateCancelFee:
    """The fee policy for cancelling an appointment starting at ``start``, at ``now``."""

    start: dt.datetime
    now: dt.datetime
    window_hours: int
    #: The practice's late-cancellation fee; None when it charges none.
    fee_minor: int | None
    #: The fee in the practice's currency ("£25.00"); "" when there is none.
    fee_text: str
    #: The circumstances the practice exempts from the fee (for the person to choose).
    circumstances: tuple[str, ...]

    def applies(self, by: CancelledBy) -> bool:
        """Whether a cancellation by ``by`` now calls for the fee."""
        return self.fee_minor is not None and is_late_cancellation(
            self.start, by, self.now, self.window_hours
        )

    def circumstance(self, by: CancelledBy, chosen: str | None) -> str | None:
        """The exempt circumstance ``chosen`` when the fee applies, else None."""
        return chosen if self.applies(by) else None


def late_cancel_fee(session: Session, start: dt.datetime, *, now: dt.datetime) -> LateCancelFee:
    """The practice's fee, notice window and exempt circumstances for cancelling an
    appointment that starts at ``start``, at ``now`` (one read)."""
    fee = _policy_fee(session.get(PracticeSettings, 1), ChargeKind.LATE_CANCEL)
    return LateCancelFee(
        start,
        now,
        cancellation_window_hours(session),
        fee,
        money_text(session, fee) if fee is not None else "",
        tuple(exempt_circumstances(session, ChargeKind.LATE_CANCEL)),
    )
