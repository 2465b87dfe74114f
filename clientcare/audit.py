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
