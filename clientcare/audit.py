"""Who did what to which record, when — field names only, never the content of notes.

Writes are audited where they happen (create / update / delete). Reading a client's
notes, printing and exporting are audited too (view / print / export), each with the
system user name and, when one is marked as the user of this computer, the practitioner.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    ColumnExpressionArgument,
    String,
    Table,
    UnaryExpression,
    and_,
    case,
    cast,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from clientcare.csv_files import write_csv
from clientcare.db.engine import THIS_COMPUTER
from clientcare.db.lists import Column, escape_like
from clientcare.db.models import AuditAction, AuditEntry, Base, Client, Practitioner
from clientcare.text import clean_line, fold

T = TypeVar("T")

#: What the log calls each action, for people.
ACTION_LABELS: dict[AuditAction, str] = {
    AuditAction.CREATE: "Created",
    AuditAction.UPDATE: "Changed",
    AuditAction.DELETE: "Deleted",
    AuditAction.VIEW: "Viewed",
    AuditAction.PRINT: "Printed",
    AuditAction.EXPORT: "Exported",
}
#: At most this many characters of a printout's or export's description ("what").
MAX_WHAT = 200
AUDIT_CSV_HEADER = (
    "When (UTC)",
    "User",
    "Practitioner",
    "Action",
    "Record",
    "Record id",
    "Client",
    "Fields / what",
)


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system
        return ""


def current_practitioner_id(session: Session) -> int | None:
    """The practitioner using ClientCare on this computer, or None when not known.

    A SQLite file is one computer's: the practitioner marked "you" in it. On a shared
    server the mark would be everyone's, so the session carries this computer's own
    answer (``ThisComputer``); nobody chosen yet is None, never someone else's name.
    """
    computer = session.info.get(THIS_COMPUTER)
    with session.no_autoflush:
        if computer is not None:
            if computer.practitioner_id is None:
                return None
            practitioner = session.get(Practitioner, computer.practitioner_id)
            return practitioner.id if practitioner is not None and practitioner.active else None
        return session.scalar(
            select(Practitioner.id)
            .where(Practitioner.is_current_user.is_(True))
            .order_by(Practitioner.id)
            .limit(1)
        )


def current_practitioner(session: Session) -> str:
    """The name of the practitioner using ClientCare on this computer, or ""."""
    practitioner_id = current_practitioner_id(session)
    if practitioner_id is None:
        return ""
    with session.no_autoflush:
        practitioner = session.get(Practitioner, practitioner_id)
    return practitioner.full_name if practitioner is not None else ""


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
            practitioner=current_practitioner(session),
            action=action,
            entity=entity,
            entity_id=entity_id,
            fields=",".join(sorted(fields)),
        )
    )


def _what(what: str) -> str:
    # A description of a printout or file ("session summary for the client"),
    # never its content: one line, bounded.
    return clean_line(what)[:MAX_WHAT]


def record_view(session: Session, entity: str, entity_id: int, fields: Iterable[str] = ()) -> None:
    """Note that a record's notes were opened for reading (``fields``: which ones)."""
    record(session, AuditAction.VIEW, entity, entity_id, fields)


def viewed(
    session: Session, entity: str, entity_id: int, value: T, fields: Iterable[str] = ("notes",)
) -> T:
    """Record a view of a record's notes and return ``value`` (what was read for display)."""
    record_view(session, entity, entity_id, fields)
    return value


def record_print(session: Session, entity: str, entity_id: int, what: str) -> None:
    """Note that a printout of a record was made (printed, previewed to print, or PDF).

    ``what`` names the printout ("session summary (for the client)"), never its content.
    """
    session.add(
        AuditEntry(
            actor=current_actor(),
            practitioner=current_practitioner(session),
            action=AuditAction.PRINT,
            entity=entity,
            entity_id=entity_id,
            fields=_what(what),
        )
    )


def record_export(session: Session, entity: str, entity_id: int, what: str) -> None:
    """Note that records were written to a file (``entity_id`` 0 for "all of them")."""
    session.add(
        AuditEntry(
            actor=current_actor(),
            practitioner=current_practitioner(session),
            action=AuditAction.EXPORT,
            entity=entity,
            entity_id=entity_id,
            fields=_what(what),
        )
    )


def apply_changes(
    session: Session, row: object, entity: str, entity_id: int, values: Mapping[str, object]
) -> list[str]:
    """Set the fields of ``row`` that differ from ``values``, audit them, return their names."""
    changed = [field for field, value in values.items() if getattr(row, field) != value]
    for field in changed:
        setattr(row, field, values[field])
    session.flush()
    if changed:
        record(session, AuditAction.UPDATE, entity, entity_id, changed)
    return changed


# ---------------------------------------------------------------------------
# Reading the log
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditRow:
    """One line of the audit log, as the viewer and the CSV show it."""

    id: int
    at: dt.datetime  # UTC
    actor: str
    practitioner: str
    action: AuditAction
    entity: str
    entity_id: int
    client_name: str  # the client the record belongs to, "" if none or gone
    fields: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, str(self.action))

    @property
    def entity_label(self) -> str:
        return self.entity.replace("_", " ")


class AuditOrder(StrEnum):
    """What the log can be sorted by (in SQL; the newest first unless told otherwise)."""

    WHEN = "when"
    USER = "user"
    PRACTITIONER = "practitioner"
    ACTION = "action"
    RECORD = "record"
    CLIENT = "client"
    FIELDS = "fields"


@dataclass(frozen=True)
class AuditQuery:
    """Which entries: from ``begin`` (included) to ``finish`` (excluded), UTC; one kind of
    record (``entity``) or all; every word of ``search`` somewhere in the entry."""

    begin: dt.datetime
    finish: dt.datetime
    entity: str | None = None
    search: str = ""

    @classmethod
    def days(
        cls, start: dt.date, end: dt.date, entity: str | None = None, search: str = ""
    ) -> AuditQuery:
        """UTC days ``start`` to ``end``, both included."""
        return cls(
            dt.datetime.combine(start, dt.time.min),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min),
            entity,
            search,
        )


def _client_tables() -> list[Table]:
    """The tables whose rows belong to a client (they carry ``client_id``)."""
    return [
        table
        for name, table in sorted(Base.metadata.tables.items())
        if name != "client" and "client_id" in table.c
    ]


def _client_name() -> ColumnElement[str]:
    """The full name of the client the entry's record belongs to ("" if none or gone)."""
    whens = [
        (
            AuditEntry.entity == "client",
            select(Client.full_name).where(Client.id == AuditEntry.entity_id).scalar_subquery(),
        )
    ]
    for table in _client_tables():
        whens.append(
            (
                AuditEntry.entity == table.name,
                select(Client.full_name)
                .select_from(table)
                .join(Client, Client.id == table.c.client_id)
                .where(table.c.id == AuditEntry.entity_id)
                .scalar_subquery(),
            )
        )
    return func.coalesce(case(*whens, else_=None), "")


def _word_condition(session: Session, word: str) -> ColumnElement[bool]:
    """``word`` (folded) in the user, practitioner, action, record, client or fields.

    Accents are ignored where ClientCare keeps a folded copy (clients' names) or the
    values are few (practitioners, actions); elsewhere the database's lower() is used.
    """
    pattern = f"%{escape_like(word)}%"

    def like(column: ColumnExpressionArgument[str]) -> ColumnElement[bool]:
        return func.lower(column).like(pattern, escape="\\")

    practitioners = [
        name for name in session.scalars(select(Practitioner.full_name)) if word in fold(name)
    ]
    actions = [
        action
        for action in AuditAction
        if word in fold(ACTION_LABELS.get(action, "")) or word in str(action)
    ]
    clients = select(Client.id).where(Client.search_key.like(pattern, escape="\\"))
    of_client = [and_(AuditEntry.entity == "client", AuditEntry.entity_id.in_(clients))]
    for table in _client_tables():
        of_client.append(
            and_(
                AuditEntry.entity == table.name,
                AuditEntry.entity_id.in_(select(table.c.id).where(table.c.client_id.in_(clients))),
            )
        )
    conditions = [
        like(AuditEntry.actor),
        like(AuditEntry.practitioner),
        like(func.replace(AuditEntry.entity, "_", " ")),
        like(AuditEntry.fields),
        *of_client,
    ]
    if practitioners:
        conditions.append(AuditEntry.practitioner.in_(practitioners))
    if actions:
        conditions.append(AuditEntry.action.in_(actions))
    if word.isdigit():
        conditions.append(cast(AuditEntry.entity_id, String).like(pattern, escape="\\"))
    return or_(*conditions)


def _conditions(session: Session, query: AuditQuery) -> list[ColumnElement[bool]]:
    conditions = [AuditEntry.at >= query.begin, AuditEntry.at < query.finish]
    if query.entity:
        conditions.append(AuditEntry.entity == query.entity)
    conditions.extend(_word_condition(session, word) for word in fold(query.search).split())
    return conditions


def _order(order: AuditOrder, descending: bool) -> list[UnaryExpression[Any]]:
    """ORDER BY for ``order``; ties newest first."""
    key: Column | None = {
        AuditOrder.WHEN: None,
        AuditOrder.USER: func.lower(AuditEntry.actor),
        AuditOrder.PRACTITIONER: func.lower(AuditEntry.practitioner),
        AuditOrder.ACTION: case(
            *((AuditEntry.action == action, label) for action, label in ACTION_LABELS.items()),
            else_=AuditEntry.action,
        ),
        AuditOrder.RECORD: AuditEntry.entity,
        AuditOrder.CLIENT: func.lower(_client_name()),
        AuditOrder.FIELDS: func.lower(AuditEntry.fields),
    }[order]
    newest: list[UnaryExpression[Any]] = [AuditEntry.at.desc(), AuditEntry.id.desc()]
    if key is None:
        return newest if descending else [AuditEntry.at.asc(), AuditEntry.id.asc()]
    columns: list[UnaryExpression[Any]] = [key.desc() if descending else key.asc()]
    if order is AuditOrder.RECORD:
        columns.append(AuditEntry.entity_id.desc() if descending else AuditEntry.entity_id.asc())
    return columns + newest


def audit_page(
    session: Session,
    query: AuditQuery,
    *,
    order: AuditOrder = AuditOrder.WHEN,
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> list[AuditRow]:
    """The entries of ``query`` in ``order`` (filtered and sorted by the database): ``limit``
    of them from ``offset`` (all when ``limit`` is None)."""
    statement = (
        select(
            AuditEntry.id,
            AuditEntry.at,
            AuditEntry.actor,
            AuditEntry.practitioner,
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.entity_id,
            _client_name(),
            AuditEntry.fields,
        )
        .where(*_conditions(session, query))
        .order_by(*_order(order, descending))
        .offset(offset)
        .limit(limit)
    )
    return [
        AuditRow(
            id=row_id,
            at=at,
            actor=actor,
            practitioner=practitioner,
            action=AuditAction(action),
            entity=entity,
            entity_id=entity_id,
            client_name=client_name or "",
            fields=fields,
        )
        for row_id, at, actor, practitioner, action, entity, entity_id, client_name, fields in (
            session.execute(statement)
        )
    ]


def count_audit(session: Session, query: AuditQuery) -> int:
    """How many entries ``query`` matches (counted by the database)."""
    statement = select(func.count()).select_from(AuditEntry).where(*_conditions(session, query))
    return session.scalar(statement) or 0


def audit_log(
    session: Session,
    *,
    start: dt.date,
    end: dt.date,
    entity: str | None = None,
    search: str = "",
) -> list[AuditRow]:
    """Entries from ``start`` to ``end`` (UTC days, both included), newest first.

    ``entity`` keeps one kind of record ("client"); every word of ``search`` must
    appear in the user, practitioner, action, record, client name or fields
    (accents and case ignored).
    """
    return audit_page(session, AuditQuery.days(start, end, entity, search))


def audit_entities(session: Session) -> list[str]:
    """The kinds of record the log mentions, for a filter."""
    return list(session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity)))


def export_audit_csv(rows: Iterable[AuditRow], path: Path) -> int:
    """Write ``rows`` to a CSV file readable by the user only; returns how many rows."""
    lines = [
        (
            row.at.strftime("%Y-%m-%d %H:%M:%S"),
            row.actor,
            row.practitioner,
            row.action_label,
            row.entity_label,
            str(row.entity_id),
            row.client_name,
            row.fields,
        )
        for row in rows
    ]
    write_csv(path, AUDIT_CSV_HEADER, lines)
    return len(lines)
