"""What changed: the audit trail, and the counter other ClientCares poll for freshness."""

# No ``from __future__ import annotations`` here: see clientcare.db.models.base.

import datetime as dt
from enum import StrEnum

from sqlalchemy import CheckConstraint, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clientcare.db.models.base import Base, enum_column, utcnow


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    # A client's notes opened for reading, a printout made, a file exported.
    VIEW = "view"
    PRINT = "print"
    EXPORT = "export"


class AuditEntry(Base):
    """Who changed what, when. Field names only: never the content of notes."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    # The practitioner using the app (Practitioner.is_current_user) when there is one.
    practitioner: Mapped[str] = mapped_column(String(200), default="", server_default="")
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction, "audit_action"))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int] = mapped_column(Integer)
    fields: Mapped[str] = mapped_column(Text, default="")


class ChangeCounter(Base):
    """One row counting committed units of work: other ClientCares on a shared server poll
    it every few seconds and refresh their screens when it moved (clientcare.db.engine)."""

    __tablename__ = "change_counter"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(Integer, default=0)
