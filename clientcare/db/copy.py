"""Moving a practice from one database to another (SQLite → PostgreSQL, or any pair).

``copy_database`` copies every row of every table, parents before children, in batches,
inside one transaction on the target: it either copies everything or leaves the target
as empty as it found it. At the end it counts the rows and adds up the ledger on both
sides and reports them, so the person moving the practice can see nothing was lost.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    Table,
    bindparam,
    func,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL

from clientcare.db.engine import database_url, describe_url, make_engine
from clientcare.db.migrate import SCHEMA_HEAD, connection_error, current_revision, upgrade
from clientcare.db.models import Base

#: Rows read and written at a time (memory stays small on a large practice).
BATCH_SIZE = 1000


class CopyError(Exception):
    """The copy was refused or failed; the message says why. The target is unchanged."""


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int

    @property
    def matches(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True)
class CopyReport:
    """What was copied: rows per table and the ledger totals, on both sides."""

    source: str
    target: str
    tables: tuple[TableCount, ...]
    ledger_source: dict[str, int] = field(default_factory=dict)
    ledger_target: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(t.matches for t in self.tables) and self.ledger_source == self.ledger_target

    @property
    def total_rows(self) -> int:
        return sum(t.target for t in self.tables)


def copy_database(
    source: str | os.PathLike[str] | URL,
    target: str | os.PathLike[str] | URL,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy the ClientCare database ``source`` into the empty database ``target``.

    The source must be at this version's schema (open it with this ClientCare once
    first: it backs it up and upgrades it). The target must hold no rows; it is brought
    to the same schema first. ``progress(table, rows_so_far)`` is called after each batch.
    """
    source_url = source if isinstance(source, URL) else database_url(source)
    target_url = target if isinstance(target, URL) else database_url(target)
    if describe_url(source_url) == describe_url(target_url):
        raise CopyError("The source and the target are the same database.")
    source_engine = _engine(source_url)
    target_engine = _engine(target_url)
    try:
        _check_source(source_engine)
        _check_target_empty(target_engine)
        try:
            upgrade(target_engine)
        except Exception as exc:
            raise CopyError(f"ClientCare could not make the tables in the target: {exc}") from exc
        with target_engine.connect() as connection:
            seeded = _rows_in(connection)  # rows a migration adds (grace rules): replaced
        with source_engine.connect() as reading, target_engine.connect() as writing:
            if reading.dialect.name == "postgresql":
                # One snapshot for every table, while practitioners may go on working.
                reading = reading.execution_options(isolation_level="REPEATABLE READ")
            with writing.begin():
                _check_target_unchanged(writing, seeded)
                for table in reversed(Base.metadata.sorted_tables):
                    writing.execute(table.delete())
                for table in Base.metadata.sorted_tables:
                    _copy_table(reading, writing, table, batch_size, progress)
                if writing.dialect.name == "postgresql":
                    _reset_sequences(writing)
            reading.rollback()
        return _report(source_engine, target_engine)
    finally:
        source_engine.dispose()
        target_engine.dispose()


def _engine(url: URL) -> Engine:
    engine = make_engine(url)
    try:
        with engine.connect():
            pass
    except Exception as exc:
        engine.dispose()
        raise CopyError(str(connection_error(url, exc))) from exc
    return engine


def _check_source(engine: Engine) -> None:
    with engine.connect() as connection:
        revision = current_revision(connection)
    where = describe_url(engine.url)
    if revision is None:
        raise CopyError(f"{where} is not a ClientCare database; nothing was copied.")
    if revision != SCHEMA_HEAD:
        raise CopyError(
            f"{where} is at schema {revision}, and this ClientCare copies schema "
            f"{SCHEMA_HEAD}. Open it once with this version of ClientCare (it is backed up "
            "and upgraded), then copy it; nothing was copied."
        )


def _rows_in(connection: Connection) -> dict[str, int]:
    names = [n for n in inspect(connection).get_table_names() if n != "alembic_version"]
    return {
        name: connection.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
        for name in names
    }


def _refuse_if_not_empty(counts: dict[str, int], where: str) -> None:
    full = {name: count for name, count in counts.items() if count}
    if full:
        listed = ", ".join(f"{name} ({count})" for name, count in sorted(full.items())[:5])
        raise CopyError(
            f"The target {where} already holds data: {listed}. ClientCare copies only into "
            "an empty database, so nothing is overwritten; nothing was copied."
        )


def _check_target_empty(engine: Engine) -> None:
    with engine.connect() as connection:
        revision = current_revision(connection)
        counts = _rows_in(connection)
    where = describe_url(engine.url)
    _refuse_if_not_empty(counts, where)
    if revision is None and counts:
        raise CopyError(
            f"The target {where} has tables ClientCare did not make; nothing was copied."
        )
    if revision is not None and revision != SCHEMA_HEAD:
        raise CopyError(
            f"The target {where} is at schema {revision}, not {SCHEMA_HEAD}; "
            "copy into a new, empty database. Nothing was copied."
        )


def _check_target_unchanged(connection: Connection, seeded: dict[str, int]) -> None:
    """Checked again inside the copy's transaction: someone may have started the app on it."""
    if connection.dialect.name == "postgresql":
        for table in Base.metadata.sorted_tables:
            connection.execute(text(f'LOCK TABLE "{table.name}" IN EXCLUSIVE MODE'))
    now = _rows_in(connection)
    if now != seeded:
        grown = {name: count for name, count in now.items() if count != seeded.get(name, 0)}
        _refuse_if_not_empty(grown, describe_url(connection.engine.url))


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _batches(connection: Connection, table: Table, size: int) -> Iterator[list[dict[str, Any]]]:
    [key] = table.primary_key.columns
    last = None
    while True:
        query = select(table).order_by(key).limit(size)
        if last is not None:
            query = query.where(key > last)
        rows = [dict(row._mapping) for row in connection.execute(query)]
        if not rows:
            return
        yield rows
        last = rows[-1][key.name]


def _copy_table(
    reading: Connection,
    writing: Connection,
    table: Table,
    size: int,
    progress: Callable[[str, int], None] | None,
) -> None:
    # A row may point at a later row of its own table (an appointment rescheduled to a
    # newer one): those columns are written empty first and filled in afterwards.
    later = _self_references(table)
    [key] = table.primary_key.columns
    deferred: list[dict[str, Any]] = []
    copied = 0
    for rows in _batches(reading, table, size):
        if later:
            for row in rows:
                links = {column: row[column] for column in later if row[column] is not None}
                if links:
                    deferred.append({"_key": row[key.name], **links})
                    row.update(dict.fromkeys(later))
        writing.execute(table.insert(), rows)
        copied += len(rows)
        if progress is not None:
            progress(table.name, copied)
    for column in later:
        pending = [
            {"_key": row["_key"], "_value": row[column]} for row in deferred if column in row
        ]
        if pending:
            writing.execute(
                update(table).where(key == bindparam("_key")).values({column: bindparam("_value")}),
                pending,
            )


def _reset_sequences(connection: Connection) -> None:
    """Rows were copied with their ids: the next id the server hands out follows them."""
    for table in Base.metadata.sorted_tables:
        [key] = table.primary_key.columns
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": key.name},
        ).scalar()
        if sequence is None:
            continue
        connection.execute(
            text(
                f'SELECT setval(:sequence, COALESCE((SELECT MAX("{key.name}") '
                f'FROM "{table.name}"), 0) + 1, false)'
            ),
            {"sequence": sequence},
        )


# --------------------------------------------------------------------------
# Comparing both sides
# --------------------------------------------------------------------------


def ledger_totals(connection: Connection) -> dict[str, int]:
    """The ledger added up, in minor units per currency: what a move must not change."""
    from clientcare.db.models import Adjustment, Charge, ChargeStatus, Payment, PaymentKind

    totals: dict[str, int] = {}

    def add(label: str, query: Select[Any, Any]) -> None:
        for currency, amount in connection.execute(query):
            totals[f"{label} ({currency})"] = int(amount or 0)

    charges = Charge.__table__
    payments = Payment.__table__
    adjustments = Adjustment.__table__
    add(
        "charges due",
        select(charges.c.currency, func.sum(charges.c.amount_minor))
        .where(charges.c.status == ChargeStatus.DUE.value)
        .group_by(charges.c.currency),
    )
    add(
        "charges waived",
        select(charges.c.currency, func.sum(charges.c.amount_minor))
        .where(charges.c.status == ChargeStatus.WAIVED.value)
        .group_by(charges.c.currency),
    )
    add(
        "payments",
        select(payments.c.currency, func.sum(payments.c.amount_minor))
        .where(payments.c.kind == PaymentKind.PAYMENT.value)
        .group_by(payments.c.currency),
    )
    add(
        "refunds",
        select(payments.c.currency, func.sum(payments.c.amount_minor))
        .where(payments.c.kind == PaymentKind.REFUND.value)
        .group_by(payments.c.currency),
    )
    add(
        "adjustments",
        select(adjustments.c.currency, func.sum(adjustments.c.amount_minor)).group_by(
            adjustments.c.currency
        ),
    )
    return totals


def _report(source: Engine, target: Engine) -> CopyReport:
    with source.connect() as reading, target.connect() as writing:
        source_counts = _rows_in(reading)
        target_counts = _rows_in(writing)
        tables = tuple(
            TableCount(t.name, source_counts.get(t.name, 0), target_counts.get(t.name, 0))
            for t in Base.metadata.sorted_tables
        )
        return CopyReport(
            source=describe_url(source.url),
            target=describe_url(target.url),
            tables=tables,
            ledger_source=ledger_totals(reading),
            ledger_target=ledger_totals(writing),
        )


def describe_report(report: CopyReport) -> str:
    """The comparison for the terminal: a line per table and per ledger total."""
    width = max(len(t.table) for t in report.tables)
    lines = [f"Copied {report.source} → {report.target}", "", "  rows per table (from → to):"]
    for count in report.tables:
        mark = "ok" if count.matches else "DIFFERENT"
        lines.append(f"    {count.table:<{width}}  {count.source:>8} → {count.target:>8}  {mark}")
    lines += ["", "  ledger totals, in minor units (from → to):"]
    labels = sorted(report.ledger_source.keys() | report.ledger_target.keys())
    if not labels:
        lines.append("    (no charges, payments or adjustments)")
    for label in labels:
        before = report.ledger_source.get(label, 0)
        after = report.ledger_target.get(label, 0)
        mark = "ok" if before == after else "DIFFERENT"
        lines.append(f"    {label:<24} {before:>12} → {after:>12}  {mark}")
    lines += [
        "",
        f"All {report.total_rows} rows copied; counts and totals match."
        if report.ok
        else "The copy does NOT match the source: do not use the target.",
    ]
    return "\n".join(lines)
