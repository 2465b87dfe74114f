"""Opening the database: one engine per database, one unit of work per user action."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Engine,
    Executable,
    Row,
    Select,
    TextClause,
    create_engine,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from clientcare.config import data_dir, ensure_private_dir
from clientcare.db.lists import register_functions
from clientcare.files import write_private

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine.interfaces import ExceptionContext
    from sqlalchemy.orm import ORMExecuteState
    from sqlalchemy.pool import ConnectionPoolEntry

    from clientcare.encryption import Passphrase

#: Seconds to wait for a PostgreSQL server before saying it cannot be reached.
CONNECT_TIMEOUT_SECONDS = 5


def database_url(target: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL for a database URL or a plain file path.

    ``postgresql://`` (and ``postgres://``) mean PostgreSQL through psycopg 3, the driver
    ClientCare ships with; a password is best left out of the URL (``~/.pgpass``, the
    ``PGPASSWORD`` variable, or the app asks for it).
    """
    text = os.fspath(target)
    if "://" in text:
        url = make_url(text)
        if url.drivername in {"postgresql", "postgres"}:
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))


def is_postgresql(url: URL) -> bool:
    return url.get_backend_name() == "postgresql"


def describe_url(url: URL) -> str:
    """The database for a message: a file path, or user@host:port/name (never a password)."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None (another backend, or in memory)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _create_private_file(path: Path) -> None:
    """Create a new database file readable by the user only before SQLite opens it.

    An existing file and folder keep the permissions the user gave them (a folder
    they chose, such as Documents, is never narrowed behind their back).
    """
    if not path.parent.exists():
        ensure_private_dir(path.parent)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)


#: SQLite's page cache per connection, in KiB (PRAGMA cache_size takes it negative).
SQLITE_CACHE_KIB = 32 * 1024


def _set_sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Take transaction control away from the sqlite3 module (it would not begin a
    # transaction before DDL); SQLAlchemy's "begin" event below emits BEGIN itself,
    # so a migration is atomic and a user action is one transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: an acknowledged commit survives power loss, not only a crash of the app.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Up to 32 MiB of pages kept per connection (SQLite's default is 2 MiB), taken only as
    # pages are read: a group practice's file of a gigabyte and more reads its indexes
    # again from the operating system on every screen otherwise (Today's care list on
    # the ten-times practice 3.4 ms -> 2.5 ms, the Money screen's reads about half).
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def _without_server_detail(context: ExceptionContext) -> None:
    """Keep the values written out of PostgreSQL's error messages.

    The server adds a DETAIL line such as "Failing row contains (..., note text, ...)"
    or "Key (email)=(...)"; like hide_parameters, ClientCare keeps only the primary
    message (which names the constraint), so note text never reaches a message or log.
    """
    original = context.original_exception
    diag = getattr(original, "diag", None)
    primary = getattr(diag, "message_primary", None)
    if not primary:
        return
    detailed = str(original)
    original.args = (primary,)
    wrapped = context.sqlalchemy_exception
    if wrapped is not None and wrapped.args and isinstance(wrapped.args[0], str):
        wrapped.args = (wrapped.args[0].replace(detailed, primary), *wrapped.args[1:])


def _sqlcipher_engine(url: URL, path: Path, passphrase: Passphrase) -> Engine:
    """The same SQLite dialect over SQLCipher connections keyed before any other statement."""
    from clientcare import encryption

    def keyed() -> object:
        return encryption.connect(path, passphrase, check_same_thread=False)

    # The URL keeps the file's path (Database.path) and no password, so none can leak.
    return create_engine(url, hide_parameters=True, module=encryption.sqlcipher, creator=keyed)


def _begin_sqlite(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(
    target: str | os.PathLike[str] | URL, passphrase: Passphrase | None = None
) -> Engine:
    """Create the engine for a database URL or file path (the file is created user-only).

    With ``passphrase``, a SQLite file is opened (or created) encrypted with SQLCipher.
    """
    url = target if isinstance(target, URL) else database_url(target)
    path = sqlite_path(url)
    if path is not None:
        _create_private_file(path)
        # hide_parameters: a database error never carries note text into a message or log.
        if passphrase is None:
            engine = create_engine(url, hide_parameters=True)
        else:
            engine = _sqlcipher_engine(url, path, passphrase)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "connect", register_functions)  # cc_fold: searches in SQL
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    connect_args: dict[str, object] = {}
    if is_postgresql(url):
        connect_args = {
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "application_name": "ClientCare",
        }
    # pool_pre_ping: a connection the server dropped (restart, network) is replaced
    # before it is used, so a short outage costs the action in flight at most.
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args)
    if is_postgresql(url):
        event.listen(engine, "handle_error", _without_server_detail)
    return engine


_WROTE = "clientcare_wrote"
_WRITE_WORDS = ("insert", "update", "delete", "replace")


#: ``session.info`` key: the names of the tables this session wrote ("*": raw SQL).
_WRITTEN = "clientcare_written"


def _written(session: Session) -> set[str]:
    written: set[str] = session.info.setdefault(_WRITTEN, set())
    return written


def _note_write_after_flush(session: Session, _context: object) -> None:
    session.info[_WROTE] = True
    written = _written(session)
    for row in (*session.new, *session.dirty, *session.deleted):
        table = getattr(type(row), "__tablename__", None)
        written.add(table if isinstance(table, str) else "*")


def tables_written(session: Session) -> frozenset[str]:
    """The tables written in ``session`` so far (flushed rows and INSERT, UPDATE or DELETE
    statements; "*" for raw SQL that wrote): what ``clientcare.changes`` reports from."""
    session.flush()
    return frozenset(session.info.get(_WRITTEN, ()))


def _note_write_statement(state: ORMExecuteState) -> None:
    statement = state.statement
    if (
        state.is_insert
        or state.is_update
        or state.is_delete
        or (
            isinstance(statement, TextClause)
            and statement.text.lstrip().lower().startswith(_WRITE_WORDS)
        )
    ):
        state.session.info[_WROTE] = True
        table = getattr(statement, "table", None)
        _written(state.session).add(str(getattr(table, "name", "*")))


def plain_rows(
    session: Session, statement: Executable, parameters: dict[str, Any] | None = None
) -> Sequence[Row[*tuple[Any, ...]]]:
    """The rows of a SELECT of columns (no entities), run on the session's connection.

    The ORM's per-statement set-up is skipped (a few tenths of a millisecond, which add up
    on the screens that read every few seconds); anything pending in the session is
    written first, as the ORM's autoflush would.
    """
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection().execute(statement, parameters or {}).all()


@lru_cache(maxsize=256)
def limited(
    statement: Select[*tuple[Any, ...]], limit: int | None, offset: int = 0
) -> Select[*tuple[Any, ...]]:
    """``statement`` with its LIMIT and OFFSET, built once per statement, limit and offset.

    A new SELECT has its cache key worked out again on every execution (a traversal of the
    whole statement, longer than SQLite takes to run a small query); the statements built
    once (``functools.cache``) keep theirs, and so do these.
    """
    if limit is not None:
        statement = statement.limit(limit)
    return statement.offset(offset) if offset else statement


def count_rows(
    session: Session, statement: Select[*tuple[Any, ...]], parameters: dict[str, Any] | None = None
) -> int:
    """How many rows ``statement`` gives in all (its ORDER BY and LIMIT set aside): the
    total beside a list that shows only its first rows."""
    return int(plain_rows(session, _counted(statement), parameters)[0][0] or 0)


@lru_cache(maxsize=64)
def _counted(statement: Select[*tuple[Any, ...]]) -> Select[int]:
    """``count_rows``' SELECT of ``statement``, built once per statement (as ``limited``:
    a new one had its cache key worked out on every count, 3 ms for a list of follow-ups,
    ten times what SQLite takes to count them)."""
    return select(func.count()).select_from(
        statement.order_by(None).limit(None).offset(None).subquery()
    )


#: ``session.info`` key of a shared (server) database's sessions: ``ThisComputer``.
THIS_COMPUTER = "clientcare.this_computer"


class ThisComputer:
    """Who uses ClientCare on this computer, for a database on a shared server.

    A server database is the same for every computer, so its "you" mark would be
    everyone's: the answer is kept on this computer instead, in the user's data folder
    (``this_computer.json``, per server database), and given to each session.
    """

    FILE_NAME = "this_computer.json"

    def __init__(self, key: str, store: Path | None = None) -> None:
        self.key = key
        #: The file of this computer's answers (default: in the user's data folder).
        self.store = store
        self.practitioner_id: int | None = self._stored().get(key)

    def _file(self) -> Path:
        return self.store if self.store is not None else data_dir() / self.FILE_NAME

    def _stored(self) -> dict[str, int]:
        try:
            data = json.loads(self._file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, int)}

    def choose(self, practitioner_id: int | None) -> None:
        """Remember ``practitioner_id`` as the person using this computer (None: nobody)."""
        self.practitioner_id = practitioner_id
        data = self._stored()
        if practitioner_id is None:
            data.pop(self.key, None)
        else:
            data[self.key] = practitioner_id
        write_private(self._file(), json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))


class Database:
    """One open database: its engine and a session factory for units of work."""

    def __init__(self, engine: Engine, passphrase: Passphrase | None = None) -> None:
        self.engine = engine
        #: The SQLCipher passphrase of an encrypted database (in memory only), else None.
        self.passphrase = passphrase
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "after_flush", _note_write_after_flush)
        event.listen(self._sessions, "do_orm_execute", _note_write_statement)
        #: The change counter as this process last knew it (None: not looked yet).
        self.last_seen_change: int | None = None
        self._has_counter: bool | None = None
        self._change_lock = threading.Lock()
        #: A server database's "you" lives on this computer (None for a SQLite file,
        #: which one computer uses: there the database's own mark says it).
        self.this_computer = (
            ThisComputer(describe_url(engine.url)) if engine.dialect.name != "sqlite" else None
        )

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.engine.url)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all.

        A unit of work that wrote anything also counts up the shared change counter
        (in the same transaction), which other ClientCares on the server poll.
        """
        with self._sessions() as session:
            if self.this_computer is not None:
                session.info[THIS_COMPUTER] = self.this_computer
            with session.begin():
                yield session
                session.flush()
                counted = self._count_change(session) if session.info.get(_WROTE) else None
            self._note_own_change(counted)

    def _count_change(self, session: Session) -> int | None:
        if self._has_counter is None:
            self._has_counter = inspect(session.connection()).has_table("change_counter")
        if not self._has_counter:
            return None  # a database from before revision 0010 (e.g. mid-restore)
        return session.execute(
            text("UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value")
        ).scalar()

    def _note_own_change(self, value: int | None) -> None:
        if value is None:
            return
        with self._change_lock:
            # Only our own step: if another process counted in between, the next look
            # at the counter still sees that it moved.
            if self.last_seen_change is None or value == self.last_seen_change + 1:
                self.last_seen_change = value

    def change_count(self) -> int | None:
        """The shared change counter now (None: this database has none)."""
        with self.engine.connect() as connection:
            if self._has_counter is None:
                self._has_counter = inspect(connection).has_table("change_counter")
            if not self._has_counter:
                return None
            return connection.execute(
                text("SELECT value FROM change_counter WHERE id = 1")
            ).scalar()

    def changed_elsewhere(self) -> bool:
        """True when another ClientCare committed since the last look (then noted as seen).

        Raises the database's error when the server cannot be reached.
        """
        value = self.change_count()
        with self._change_lock:
            if value is None or value == self.last_seen_change:
                return False
            first_look = self.last_seen_change is None
            self.last_seen_change = value
            return not first_look

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look (rolled back at the end)."""
        with self._sessions() as session:
            if self.this_computer is not None:
                session.info[THIS_COMPUTER] = self.this_computer
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
