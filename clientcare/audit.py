"""Who changed what, when — field names only, never the content of notes."""

from __future__ import annotations

import getpass
from collections.abc import Iterable

from sqlalchemy.orm import Session

from clientcare.db.models import AuditAction, AuditEntry


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system
        return ""


def record(
    session: Session,
    action: AuditAction,
    entity: str,
    entity_id: int,
    fields: Iterable[str] = (),
) -> None:
    """Add an audit entry to the current unit of work."""
    session.add(
        AuditEntry(
            actor=current_actor(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            fields=",".join(sorted(fields)),
        )
    )


def apply_changes(
    session: Session, row: object, entity: str, entity_id: int, values: dict[str, object]
) -> list[str]:
    """Set the fields of ``row`` that differ from ``values``, audit them, return their names."""
    changed = [field for field, value in values.items() if getattr(row, field) != value]
    for field in changed:
        setattr(row, field, values[field])
    session.flush()
    if changed:
        record(session, AuditAction.UPDATE, entity, entity_id, changed)
    return changed
