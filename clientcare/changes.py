"""What a user action changed, in the words the screens refresh by.

The domain reports it; callers do not choose it. Every unit of work notes the tables it
wrote (``clientcare.db.engine.tables_written``: rows flushed by the ORM and INSERT, UPDATE
and DELETE statements), and ``changes_of`` turns them into ``Changes``: a payment recorded
is MONEY because the ``payment`` table was written, whatever screen recorded it.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable
from enum import Flag, auto


class Changes(Flag):
    NONE = 0
    CLIENTS = auto()
    APPOINTMENTS = auto()
    INTERACTIONS = auto()
    MONEY = auto()
    REFERRALS = auto()
    FOLLOWUPS = auto()
    SETTINGS = auto()
    #: The audit log (written beside almost every action, and alone when a record is viewed).
    AUDIT = auto()


#: Every kind of change: what another practitioner's write may have touched.
EVERYTHING: Changes = functools.reduce(operator.or_, Changes)

#: Each table, and what a write to it changes. A table missing here counts as EVERYTHING
#: (a test keeps this list whole).
TABLE_CHANGES: dict[str, Changes] = {
    "practice_settings": Changes.SETTINGS,
    # Practitioners are in Settings and in the referral directory (co-workers).
    "practitioner": Changes.SETTINGS | Changes.REFERRALS,
    "client": Changes.CLIENTS,
    "client_fact": Changes.CLIENTS,
    "appointment_series": Changes.APPOINTMENTS,
    "appointment": Changes.APPOINTMENTS,
    "busy_time": Changes.APPOINTMENTS,
    "waitlist_entry": Changes.APPOINTMENTS,
    "lateness_notice": Changes.APPOINTMENTS,
    "interaction": Changes.INTERACTIONS,
    "interaction_addendum": Changes.INTERACTIONS,
    "checklist_answer": Changes.INTERACTIONS,
    "principle": Changes.SETTINGS,
    "language_word": Changes.SETTINGS,
    # The fee schedule is a setting that money screens show.
    "service": Changes.SETTINGS | Changes.MONEY,
    "sliding_scale_tier": Changes.SETTINGS | Changes.MONEY,
    "grace_rule": Changes.SETTINGS | Changes.MONEY,
    "fee_arrangement": Changes.MONEY,
    "charge": Changes.MONEY,
    "payment": Changes.MONEY,
    "adjustment": Changes.MONEY,
    "payment_plan": Changes.MONEY,
    "instalment": Changes.MONEY,
    "money_conversation": Changes.MONEY,
    "provider": Changes.REFERRALS,
    "referral": Changes.REFERRALS,
    "client_issue": Changes.FOLLOWUPS,
    "expectation": Changes.FOLLOWUPS,
    "checkin_consent": Changes.FOLLOWUPS,
    "checkin": Changes.FOLLOWUPS,
    "audit_entry": Changes.AUDIT,
    # The shared change counter is how other ClientCares learn of a write, not a change.
    "change_counter": Changes.NONE,
    "alembic_version": EVERYTHING,
}

#: The name ``tables_written`` gives a write it cannot place (raw SQL): everything.
UNKNOWN_TABLE = "*"


def changes_of(tables: Iterable[str]) -> Changes:
    """What writing to ``tables`` changed (EVERYTHING for a table not in TABLE_CHANGES)."""
    changes = Changes.NONE
    for table in tables:
        changes |= TABLE_CHANGES.get(table, EVERYTHING)
    return changes
