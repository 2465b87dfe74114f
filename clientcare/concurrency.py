"""Two practitioners, one record: optimistic concurrency and the schedule lock.

Clients, appointments, charges and payments carry a ``version`` (the mapper's
``version_id_col``): a form remembers the version it loaded and hands it back with the
save. When someone else saved in between, the save raises ``StaleEdit`` ("Changed by Sam
at 14:05 since you opened it") and nothing is written; the form offers to reload.

Double-booking: on PostgreSQL, the conflict check and the booking of one practitioner's
slots run under a transaction-level advisory lock, so two bookings racing for the same
slot are checked one after the other. SQLite needs none: one ClientCare per file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from clientcare.db.models import AuditAction, AuditEntry
from clientcare.errors import FieldError, ValidationError

#: The advisory-lock namespace of the practitioners' schedules (PostgreSQL).
SCHEDULE_LOCK_SPACE = 0x436C


class StaleEdit(ValidationError):
    """Someone else saved this record after the form loaded it; nothing was written."""

    def __init__(self, entity: str, entity_id: int, who: str, at: dt.datetime | None) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.who = who
        self.at = at
        super().__init__([FieldError("version", stale_message(who, at))])


def stale_message(who: str, at: dt.datetime | None) -> str:
    """ "Changed by Sam at 14:05 since you opened it. Reload to see the changes." """
    by = f" by {who}" if who else " by someone else"
    when = f" at {_local_time(at):%H:%M}" if at is not None else ""
    return f"Changed{by}{when} since you opened it. Reload to see the changes."


def _local_time(at: dt.datetime) -> dt.datetime:
    """Audit times are UTC; a person reads their own clock."""
    return at.replace(tzinfo=dt.UTC).astimezone()


def last_change(session: Session, entity: str, entity_id: int) -> tuple[str, dt.datetime | None]:
    """Who last created or changed the record, and when (UTC), from the audit log."""
    row = session.execute(
        select(AuditEntry.practitioner, AuditEntry.actor, AuditEntry.at)
        .where(
            AuditEntry.entity == entity,
            AuditEntry.entity_id == entity_id,
            AuditEntry.action.in_([AuditAction.CREATE, AuditAction.UPDATE]),
        )
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return "", None
    practitioner, actor, at = row
    return (practitioner or actor or ""), at


def stale_edit(session: Session, entity: str, entity_id: int) -> StaleEdit:
    """The StaleEdit for a record, told from the audit log's latest entry.

    Read on a connection of its own: after a failed flush the session's transaction can
    no longer be used, and the other practitioner's save is committed anyway.
    """
    bind = session.get_bind()
    who: str = ""
    at: dt.datetime | None = None
    if not isinstance(bind, Engine):  # a session on a connection: the message has no name
        return StaleEdit(entity, entity_id, who, at)
    try:
        with bind.connect() as connection, Session(bind=connection) as fresh:
            who, at = last_change(fresh, entity, entity_id)
    except Exception:  # the message is still right without a name
        who, at = "", None
    return StaleEdit(entity, entity_id, who, at)


def check_version(
    session: Session, entity: str, entity_id: int, stored: int, expected: int | None
) -> None:
    """Raise StaleEdit when the form loaded another version than the one stored."""
    if expected is not None and stored != expected:
        raise stale_edit(session, entity, entity_id)


@contextmanager
def saving(session: Session, entity: str, entity_id: int) -> Iterator[None]:
    """Turn the mapper's "0 rows updated" (a save raced past the check) into StaleEdit."""
    try:
        yield
    except StaleDataError as error:
        raise stale_edit(session, entity, entity_id) from error


def lock_schedule(session: Session, practitioner_id: int) -> None:
    """Serialise conflict checks and bookings for one practitioner until the commit.

    PostgreSQL: ``pg_advisory_xact_lock`` (released at commit or rollback). SQLite: no-op,
    one ClientCare writes a file at a time and its writes are serialised by SQLite.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        text("SELECT pg_advisory_xact_lock(:space, :key)"),
        {"space": SCHEDULE_LOCK_SPACE, "key": practitioner_id},
    )
