"""The operation runner: the GUI hands it a function; it runs it as one unit of work.

Widgets never hold a session. They call ``ops.run(fn, Changes.CLIENTS)``; the
runner opens a unit of work, runs ``fn(session)``, commits, and announces what
changed so that each view refreshes only what it must.

On a shared server (PostgreSQL) it also looks at the database's change counter every
few seconds, off the GUI thread; when another practitioner's ClientCare wrote, it
announces every kind of change, so open screens refresh (forms keep what is typed: they
do not reload while they hold unsaved edits). When the server stops answering, an action
or a read raises ServerUnavailable (a ValidationError: the form shows it and keeps the text)
and ``connection_problem`` says so until the server is back. A refresh a timer or a change
started has no form to show it in: its ServerUnavailable ends the refresh quietly (no
traceback), the runner keeps asking every few seconds, and once the server answers again
every view is told to refresh.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType
from typing import TypeAlias, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clientcare.changes import EVERYTHING as EVERYTHING
from clientcare.changes import Changes as Changes  # the screens' words for what changed
from clientcare.changes import changes_of
from clientcare.db.engine import Database, describe_url, tables_written
from clientcare.errors import FieldError, ValidationError
from ui.background import Background

T = TypeVar("T")


#: A user action: one function of the session, run as one unit of work.
Work: TypeAlias = Callable[[Session], T]

#: How often a shared database is asked whether someone else wrote (milliseconds).
CHANGE_POLL_MS = 3000
#: ... and how often while the server is not answering.
CHANGE_POLL_OFFLINE_MS = 15000


class ServerUnavailable(ValidationError):
    """The database server did not answer; nothing was written. Try again later."""

    def __init__(self, message: str) -> None:
        super().__init__([FieldError("database", message)])


def _lost_connection(error: DBAPIError, dialect: str) -> bool:
    """The server went away (not a deadlock or a constraint: those are real errors).

    A SQLite file has no server: only what SQLAlchemy itself calls a disconnect counts
    (its other errors, "no such table" included, are real errors and stay loud).
    """
    from sqlalchemy.exc import InterfaceError, OperationalError

    if error.connection_invalidated:
        return True
    if dialect == "sqlite" or not isinstance(error, OperationalError | InterfaceError):
        return False
    state = getattr(error.orig, "sqlstate", None)
    # No SQLSTATE: the client lost the connection; 08: connection exception; 57P: shutdown.
    return state is None or state.startswith(("08", "57P"))


def _problem(error: BaseException) -> str:
    """The driver's own words for a failure (kept for the log; never shown raw)."""
    return str(getattr(error, "orig", None) or error) or type(error).__name__


def _quiet_outages(previous: Callable[..., object]) -> Callable[..., None]:
    def hook(
        kind: type[BaseException], value: BaseException, traceback: TracebackType | None
    ) -> None:
        if isinstance(value, ServerUnavailable):
            return  # already told through connection_problem (the status bar)
        previous(kind, value, traceback)

    hook.clientcare_outages = True  # type: ignore[attr-defined]
    return hook


def report_outages_calmly() -> None:
    """A slot cut short by ServerUnavailable ends quietly instead of printing a traceback.

    Qt hands an exception escaping a slot (a timer's refresh, a click) to
    ``sys.excepthook``. ServerUnavailable has been reported already when it is raised,
    so it is dropped there; anything else goes on to the hook that was in place.
    """
    if not getattr(sys.excepthook, "clientcare_outages", False):
        sys.excepthook = _quiet_outages(sys.excepthook)


def _look_for_changes(database: Database) -> tuple[bool, str]:
    """One look at the change counter (run off the GUI thread: a slow server never stalls
    it); whether another ClientCare wrote, and the problem ("" when it answered)."""
    try:
        return database.changed_elsewhere(), ""
    except Exception as error:  # reported to the person by the runner
        return False, _problem(error)


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
        self._timer = QTimer(self)
        self._timer.setInterval(CHANGE_POLL_MS)
        self._timer.timeout.connect(self.poll)
        if watch is None:
            # Only a server has other writers; a SQLite file has one ClientCare.
            watch = database.engine.dialect.name != "sqlite"
        self._watch = watch
        if watch:
            self._timer.start()
        report_outages_calmly()

    @property
    def watching(self) -> bool:
        return self._timer.isActive()

    @property
    def _dialect(self) -> str:
        return self.database.engine.dialect.name

    def _server_message(self) -> str:
        what = "database" if self._dialect == "sqlite" else "database server"
        return (
            f"The {what} ({describe_url(self.database.engine.url)}) is not answering. "
            "Nothing was saved, and what you typed is still here: try again in a moment."
        )

    def run(self, action: Work[T]) -> T:
        """Run ``action`` in one transaction; on success emit ``changed`` with what the
        domain wrote (``clientcare.changes``: the tables written, never the caller's guess).

        Exceptions (ValidationError, NotFoundError, database errors) propagate
        after the rollback, so nothing is half-written. A server that stopped
        answering raises ServerUnavailable, a ValidationError the form shows.
        """
        try:
            with self.database.unit_of_work() as session:
                result = action(session)
                changes = changes_of(tables_written(session))
        except DBAPIError as error:
            if not _lost_connection(error, self._dialect):
                raise
            self._set_offline(_problem(error))
            raise ServerUnavailable(self._server_message()) from error
        if self._set_offline(""):
            changes = EVERYTHING  # views that could not refresh meanwhile catch up
        if changes:
            self.changed.emit(changes)
        return result

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a read-only ``query`` and return its plain-data result.

        A server that stopped answering raises ServerUnavailable (and ``connection_problem``
        says so); a refresh in a slot that meets it ends quietly.
        """
        try:
            with self.database.reading() as session:
                return query(session)
        except DBAPIError as error:
            if not _lost_connection(error, self._dialect):
                raise
            self._set_offline(_problem(error))
            raise ServerUnavailable(self._server_message()) from error

    # -- freshness ------------------------------------------------------------

    def poll(self) -> None:
        """Ask (off the GUI thread) whether another ClientCare wrote since the last look."""
        if self._polling:
            return
        self._polling = True
        database = self.database
        Background(
            lambda: _look_for_changes(database),
            lambda outcome: self._polled(*outcome),
            parent=self,
        )

    def check_for_changes(self) -> bool:
        """The same look, here and now (tests, and "refresh" on demand)."""
        try:
            moved = self.database.changed_elsewhere()
        except Exception as error:
            self._polling = True
            self._polled(False, _problem(error))
            return False
        self._polling = True
        self._polled(moved, "")
        return moved

    def _polled(self, moved: bool, problem: str) -> None:
        self._polling = False
        back = self._set_offline(problem)
        if moved or back:
            # Back after an outage: what failed to refresh meanwhile is read again.
            self.changed.emit(EVERYTHING)

    def _set_offline(self, problem: str) -> bool:
        """Note whether the database answers; True when it answers again after an outage.

        While it does not, the change counter is asked every CHANGE_POLL_OFFLINE_MS (also
        for a database not otherwise watched), so ClientCare notices when it is back.
        """
        offline = bool(problem)
        if offline == self.offline:
            return False
        self.offline = offline
        if offline:
            self._timer.setInterval(CHANGE_POLL_OFFLINE_MS)
            self._timer.start()
        elif self._watch:
            self._timer.setInterval(CHANGE_POLL_MS)
        else:
            self._timer.stop()
        self.connection_problem.emit(self._server_message() if offline else "")
        return not offline

    def stop_watching(self) -> None:
        self._watch = False
        self._timer.stop()
