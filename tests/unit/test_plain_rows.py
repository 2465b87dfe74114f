"""plain_rows: the ORM's set-up skipped, but never a stale read inside a unit of work."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clientcare.db.engine import Database, plain_rows
from clientcare.db.models import Practitioner


class Abandon(Exception):
    """Leaves the unit of work without committing."""


def test_pending_changes_are_written_before_reading(db: Database) -> None:
    with pytest.raises(Abandon), db.unit_of_work() as session:
        session.add(Practitioner(full_name="Pending Example"))  # not flushed yet
        names = [row.full_name for row in plain_rows(session, select(Practitioner.full_name))]
        assert "Pending Example" in names
        raise Abandon
    with db.reading() as session:  # nothing half-written: the unit of work rolled back
        assert plain_rows(session, select(Practitioner.full_name)) == []
