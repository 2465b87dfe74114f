"""The operation runner: the GUI hands it a function; it runs it as one unit of work.

Widgets never hold a session. They call ``ops.run(fn, Changes.CLIENTS)``; the
runner opens a unit of work, runs ``fn(session)``, commits, and announces what
changed so that each view refreshes only what it must.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from clientcare.db.engine import Database

T = TypeVar("T")


class Changes(Flag):
    NONE = 0
    CLIENTS = auto()
    APPOINTMENTS = auto()
    INTERACTIONS = auto()
    MONEY = auto()
    REFERRALS = auto()
    FOLLOWUPS = auto()
    SETTINGS = auto()


class Operations(QObject):
    """Runs user actions against the database and tells the views what changed."""

    changed = Signal(object)  # Changes

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database

    def run(self, action: Callable[[Session], T], changes: Changes) -> T:
        """Run ``action`` in one transaction; on success emit ``changed``.

        Exceptions (ValidationError, NotFoundError, database errors) propagate
        after the rollback, so nothing is half-written.
        """
        with self.database.unit_of_work() as session:
            result = action(session)
        if changes:
            self.changed.emit(changes)
        return result

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a read-only ``query`` and return its plain-data result."""
        with self.database.reading() as session:
            return query(session)
