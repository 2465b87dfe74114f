"""Whose work a list shows: yours (the default) or the whole practice's.

In a group practice of 50 practitioners and 20,000 clients, a care list, a money list or
a referrals list of the whole practice is hundreds of rows about other people's clients.
So every working list starts with **your clients**, and shows the whole practice when
asked. One rule, used by every list:

- A client is *yours* when their primary practitioner is you, **or nobody's**: no
  primary practitioner, or one who has left the practice (archived). A client nobody
  looks after must not drop out of every list.
- When ClientCare does not know who you are (a shared server before "This is me" is
  chosen), every list shows the whole practice: never a co-worker's list as if it were
  yours, and never an empty one.
- In a practice with one active practitioner, yours *is* the whole practice; the
  screens do not offer a choice that changes nothing (:func:`offers_choice`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from clientcare.audit import current_practitioner_id
from clientcare.db.models import Client, Practitioner


@dataclass(frozen=True)
class Scope:
    """``practitioner_id`` None: the whole practice; else that practitioner's clients."""

    practitioner_id: int | None = None

    @property
    def whole_practice(self) -> bool:
        return self.practitioner_id is None

    def client_condition(
        self, primary_practitioner: InstrumentedAttribute[int | None] | None = None
    ) -> ColumnElement[bool]:
        """A WHERE condition on a client row: the client is in this scope.

        ``primary_practitioner`` is the client's primary-practitioner column to test
        (``Client.primary_practitioner_id`` unless an aliased client is queried).
        """
        if self.practitioner_id is None:
            return true()
        column = (
            Client.primary_practitioner_id if primary_practitioner is None else primary_practitioner
        )
        # "Not someone else's" written as what it is (you, or a practitioner who has left)
        # so the index on the client's practitioner answers it: the foreign key makes
        # every non-null value a practitioner.
        yours = select(Practitioner.id).where(
            or_(Practitioner.id == self.practitioner_id, Practitioner.active.is_(False))
        )
        return or_(column.is_(None), column.in_(yours))

    def client_ids(self) -> Select[int]:
        """The ids of the clients in this scope, for ``column.in_(scope.client_ids())`` on
        a table that carries a client id without joining the client."""
        return select(Client.id).where(self.client_condition())


WHOLE_PRACTICE = Scope(None)


def own_scope(session: Session) -> Scope:
    """Your clients; the whole practice when ClientCare does not know who you are."""
    return Scope(current_practitioner_id(session))


def offers_choice(session: Session) -> bool:
    """Whether "yours" and "the whole practice" can differ: more than one active
    practitioner, and ClientCare knows which one is you."""
    if current_practitioner_id(session) is None:
        return False
    active = session.scalar(
        select(func.count()).select_from(Practitioner).where(Practitioner.active.is_(True))
    )
    return (active or 0) > 1
