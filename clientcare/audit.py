"""Who did what to which record, when — field names only, never the content of notes.

Writes are audited where they happen (create / update / delete). Reading a client's
notes, printing and exporting are audited too (view / print / export), each with the
system user name and, when one is marked as the user of this computer, the practitioner.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare.db.engine import THIS_COMPUTER
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


def _client_names(session: Session, wanted: dict[str, set[int]]) -> dict[tuple[str, int], str]:
    """For each (entity, id), the full name of the client it belongs to, where there is one."""
    names: dict[tuple[str, int], str] = {}
    client_of: dict[tuple[str, int], int] = {}
    for entity, ids in wanted.items():
        if entity == "client":
            client_of.update({(entity, i): i for i in ids})
            continue
        table = Base.metadata.tables.get(entity)
        if table is None or "client_id" not in table.c or not ids:
            continue
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):
            chunk = id_list[start : start + 500]
            query = select(table.c.id, table.c.client_id).where(table.c.id.in_(chunk))
            for row_id, client_id in session.execute(query):
                if client_id is not None:
                    client_of[(entity, row_id)] = client_id
    client_ids = sorted(set(client_of.values()))
    full_names: dict[int, str] = {}
    for start in range(0, len(client_ids), 500):
        chunk = client_ids[start : start + 500]
        full_names.update(
            session.execute(select(Client.id, Client.full_name).where(Client.id.in_(chunk))).all()
        )
    for key, client_id in client_of.items():
        if client_id in full_names:
            names[key] = full_names[client_id]
    return names


def _matches(row: AuditRow, words: Sequence[str]) -> bool:
    haystack = fold(
        " ".join(
            (
                row.actor,
                row.practitioner,
                row.action_label,
                str(row.action),
                row.entity_label,
                str(row.entity_id),
                row.client_name,
                row.fields,
            )
        )
    )
    return all(word in haystack for word in words)


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
    begin = dt.datetime.combine(start, dt.time.min)
    finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)
    query = select(AuditEntry).where(AuditEntry.at >= begin, AuditEntry.at < finish)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    entries = list(session.scalars(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())))
    wanted: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        wanted[entry.entity].add(entry.entity_id)
    names = _client_names(session, wanted)
    rows = [
        AuditRow(
            id=e.id,
            at=e.at,
            actor=e.actor,
            practitioner=e.practitioner,
            action=AuditAction(e.action),
            entity=e.entity,
            entity_id=e.entity_id,
            client_name=names.get((e.entity, e.entity_id), ""),
            fields=e.fields,
        )
        for e in entries
    ]
    words = fold(search).split()
    return [row for row in rows if _matches(row, words)] if words else rows


def audit_entities(session: Session) -> list[str]:
    """The kinds of record the log mentions, for a filter."""
    return list(session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity)))


def export_audit_csv(rows: Iterable[AuditRow], path: Path) -> int:
    """Write ``rows`` to a CSV file readable by the user only; returns how many rows."""
    from clientcare.csv_io import write_csv  # csv_io reads clients, which audit themselves

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
