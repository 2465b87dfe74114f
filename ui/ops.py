"""The operation runner: the GUI hands it a function; it runs it as one unit of work.

Widgets never hold a session. They call ``ops.run(fn, Changes.CLIENTS)``; the
runner opens a unit of work, runs ``fn(session)``, commits, and announces what
changed so that each view refreshes only what it must.

On a shared server (PostgreSQL) it also looks at the database's change counter every
few seconds, off the GUI thread; when another practitioner's ClientCare wrote, it
announces every kind of change, so open screens refresh (forms keep what is typed: they
do not reload while they hold unsaved edits). When the server stops answering, an action
raises ServerUnavailable (a ValidationError: the form shows it and keeps the text) and
``connection_problem`` says so until the server is back.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from enum import Flag, auto
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clientcare.db.engine import Database, describe_url
from clientcare.errors import FieldError, ValidationError

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


#: Every kind of change: what another practitioner's write may have touched.
EVERYTHING: Changes = functools.reduce(operator.or_, Changes)

#: How often a shared database is asked whether someone else wrote (milliseconds).
CHANGE_POLL_MS = 3000
#: ... and how often while the server is not answering.
CHANGE_POLL_OFFLINE_MS = 15000


class ServerUnavailable(ValidationError):
    """The database server did not answer; nothing was written. Try again later."""

    def __init__(self, message: str) -> None:
        super().__init__([FieldError("database", message)])


def _lost_connection(error: DBAPIError) -> bool:
    """The server went away (not a deadlock or a constraint: those are real errors)."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    if error.connection_invalidated:
        return True
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    state = getattr(error.orig, "sqlstate", None)
    # No SQLSTATE: the client lost the connection; 08: connection exception; 57P: shutdown.
    return state is None or state.startswith(("08", "57P"))


class _PollSignals(QObject):
    done = Signal(bool, str)  # changed elsewhere, problem ("" when none)


class _Poll(QRunnable):
    """One look at the change counter, on a pool thread (a slow server never stalls the GUI)."""

    def __init__(self, database: Database, signals: _PollSignals) -> None:
        super().__init__()
        self.database = database
        self.signals = signals

    def run(self) -> None:
        try:
            moved = self.database.changed_elsewhere()
        except Exception as error:  # reported to the person by the runner
            self.signals.done.emit(False, str(getattr(error, "orig", None) or error))
            return
        self.signals.done.emit(moved, "")


class Operations(QObject):
    """Runs user actions against the database and tells the views what changed."""

    changed = Signal(object)  # Changes
    #: A message when the server stops answering; "" when it answers again.
    connection_problem = Signal(str)

    def __init__(
        self, database: Database, parent: QObject | None = None, *, watch: bool | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.offline = False
        self._polling = False
        self._poll_signals = _PollSignals(self)
        self._poll_signals.done.connect(self._polled)
        self._timer = QTimer(self)
        self._timer.setInterval(CHANGE_POLL_MS)
        self._timer.timeout.connect(self.poll)
        if watch is None:
            # Only a server has other writers; a SQLite file has one ClientCare.
            watch = database.engine.dialect.name != "sqlite"
        if watch:
            self._timer.start()

    @property
    def watching(self) -> bool:
        return self._timer.isActive()

    def _server_message(self) -> str:
        return (
            f"The database server ({describe_url(self.database.engine.url)}) is not answering. "
            "Nothing was saved, and what you typed is still here: try again in a moment."
        )

    def run(self, action: Callable[[Session], T], changes: Changes) -> T:
        """Run ``action`` in one transaction; on success emit ``changed``.

        Exceptions (ValidationError, NotFoundError, database errors) propagate
        after the rollback, so nothing is half-written. A server that stopped
        answering raises ServerUnavailable, a ValidationError the form shows.
        """
        try:
            with self.database.unit_of_work() as session:
                result = action(session)
        except DBAPIError as error:
            if self.database.engine.dialect.name == "sqlite" or not _lost_connection(error):
                raise
            self._set_offline(str(error.orig or error))
            raise ServerUnavailable(self._server_message()) from error
        self._set_offline("")
        if changes:
            self.changed.emit(changes)
        return result

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a read-only ``query`` and return its plain-data result."""
        with self.database.reading() as session:
            return query(session)

    # -- freshness ------------------------------------------------------------

    def poll(self) -> None:
        """Ask (off the GUI thread) whether another ClientCare wrote since the last look."""
        if self._polling:
            return
        self._polling = True
        QThreadPool.globalInstance().start(_Poll(self.database, self._poll_signals))

    def check_for_changes(self) -> bool:
        """The same look, here and now (tests, and "refresh" on demand)."""
        try:
            moved = self.database.changed_elsewhere()
        except Exception as error:
            self._polling = True
            self._polled(False, str(getattr(error, "orig", None) or error))
            return False
        self._polling = True
        self._polled(moved, "")
        return moved

    @Slot(bool, str)
    def _polled(self, moved: bool, problem: str) -> None:
        self._polling = False
        self._set_offline(problem)
        if moved:
            self.changed.emit(EVERYTHING)

    def _set_offline(self, problem: str) -> None:
        offline = bool(problem)
        if offline == self.offline:
            return
        self.offline = offline
        if self._timer.isActive():
            self._timer.setInterval(CHANGE_POLL_OFFLINE_MS if offline else CHANGE_POLL_MS)
        self.connection_problem.emit(self._server_message() if offline else "")

    def stop_watching(self) -> None:
        self._timer.stop()
