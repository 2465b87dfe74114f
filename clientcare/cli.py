"""Command-line arguments, parsed without Qt, and the commands that need no window.

clientcare [--db PATH | --demo]                 open the app
clientcare [--db PATH] backup [--to FILE]       back up the database now
clientcare [--db PATH] restore FILE [--yes]     replace the database with a backup
clientcare migrate-db --from URL --to URL       copy a practice into another (empty) database
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from clientcare import config

if TYPE_CHECKING:  # the GUI's start-up reads its arguments here: nothing heavy imported
    from sqlalchemy.engine import URL

    from clientcare.encryption import Passphrase
    from clientcare.restore import BackupSummary


@dataclass(frozen=True)
class LaunchOptions:
    """What the user asked for on the command line."""

    database: str
    demo: bool
    #: "backup", "restore", or None to open the app.
    command: str | None = None
    backup_target: str | None = None
    restore_file: str | None = None
    assume_yes: bool = False
    #: migrate-db: the database to copy from and the empty one to copy into.
    copy_from: str | None = None
    copy_to: str | None = None


def _add_database_options(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    # In a subcommand the default is SUPPRESS, so "--db X backup" is not undone by it.
    default = argparse.SUPPRESS if in_subcommand else None
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="open this database file instead of the default one in your data folder",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if in_subcommand else False,
        help="open the fictional demo practice (a separate database, created on first use)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clientcare",
        description="ClientCare: a client-care manager for small practices. "
        "Without a command, it opens its window.",
    )
    _add_database_options(parser, in_subcommand=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    backup = commands.add_parser(
        "backup",
        help="back up the database now (consistent even while ClientCare is open)",
        description="Back up the database now. Without --to, the copy goes to the backups "
        "folder beside the database.",
    )
    backup.add_argument("--to", metavar="FILE", help="write the backup to this file or folder")
    _add_database_options(backup, in_subcommand=True)
    restore = commands.add_parser(
        "restore",
        help="replace the database with a backup (the current one is kept as a backup first)",
        description="Replace the database with a backup. The backup is checked first, and "
        "the current database is kept in the backups folder before it is replaced. "
        "ClientCare must be closed.",
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _add_database_options(restore, in_subcommand=True)
    migrate_db = commands.add_parser(
        "migrate-db",
        help="copy a whole practice into another, empty database (e.g. onto PostgreSQL)",
        description="Copy every record of a ClientCare database into an empty database, "
        "then compare row counts and ledger totals on both sides and print them. "
        "A URL is postgresql://user@host/dbname or sqlite:///path (or a file path). "
        "Leave the password out of the URL: ~/.pgpass, PGPASSWORD, or you are asked.",
    )
    migrate_db.add_argument("--from", dest="copy_from", metavar="URL", required=True)
    migrate_db.add_argument("--to", dest="copy_to", metavar="URL", required=True)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> LaunchOptions:
    """Parse ``argv``; the database is ``--db``, the demo one, the practice server chosen
    on this computer, or the file in the data folder."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db and args.demo:
        parser.error("--db and --demo cannot be used together")
    if args.demo:
        database = str(config.demo_database_path())
    elif args.db:
        database = args.db if "://" in args.db else str(Path(args.db).expanduser())
    else:
        # The practice server this computer was told to use (first run or Settings),
        # else the database file in the data folder.
        from clientcare.server_choice import remembered_database

        database = remembered_database() or str(config.default_database_path())
    return LaunchOptions(
        database=database,
        demo=bool(args.demo),
        command=args.command,
        backup_target=getattr(args, "to", None),
        restore_file=getattr(args, "file", None),
        assume_yes=bool(getattr(args, "yes", False)),
        copy_from=getattr(args, "copy_from", None),
        copy_to=getattr(args, "copy_to", None),
    )


# --------------------------------------------------------------------------
# Commands run without a window
# --------------------------------------------------------------------------


def run_command(
    options: LaunchOptions,
    out: TextIO | None = None,
    err: TextIO | None = None,
    ask: Callable[[str], str] = input,
    ask_secret: Callable[[str], str] | None = None,
) -> int:
    """Run the ``backup`` or ``restore`` command; returns the exit code (0 ok, 1 refused).

    An encrypted database's passphrase comes from ``CLIENTCARE_PASSPHRASE`` or is asked
    for without echo (``ask_secret``, getpass by default).
    """
    from clientcare.backup import BackupError
    from clientcare.db.engine import database_url, sqlite_path
    from clientcare.encryption import sqlcipher
    from clientcare.errors import DatabaseOpenError
    from clientcare.instance_lock import AlreadyRunningError
    from clientcare.security import use_private_file_permissions

    out = out or sys.stdout
    err = err or sys.stderr
    use_private_file_permissions()
    if options.command == "migrate-db":
        return _migrate_db(options, out, err, ask_secret)
    path = sqlite_path(database_url(options.database))
    if path is None:
        print(
            "This database is on a server; back it up and restore it with the server's tools.",
            file=err,
        )
        return 1
    try:
        if options.command == "backup":
            return _backup(path, options.backup_target, out, ask_secret)
        if options.command == "restore":
            assert options.restore_file is not None
            backup_file = Path(options.restore_file).expanduser()
            return _restore(path, backup_file, options, out, ask, ask_secret)
    except AlreadyRunningError as error:
        print(f"{error} Then run the restore again.", file=err)
        return 1
    except (BackupError, DatabaseOpenError) as error:
        print(str(error), file=err)
        return 1
    except OSError as error:
        print(f"ClientCare could not do that: {error.strerror} ({error.filename}).", file=err)
        return 1
    except (sqlite3.Error, sqlcipher.Error) as error:
        print(f"ClientCare could not read the database: {error}.", file=err)
        return 1
    print(f"Unknown command {options.command!r}.", file=err)
    return 2


def _passphrase_for(
    path: Path,
    what: str,
    ask_secret: Callable[[str], str] | None,
    tried: Passphrase | None = None,
) -> Passphrase | None:
    """None for a plain file; else a passphrase that opens ``path`` (or Wrong/Required)."""
    import getpass
    import os
    import warnings

    from clientcare.encryption import (
        PASSPHRASE_REQUIRED,
        Passphrase,
        PassphraseRequired,
        check_passphrase,
        is_encrypted,
        require_passphrase,
    )

    if not is_encrypted(path):
        return None
    if tried is not None and check_passphrase(path, tried):
        return tried
    from_env = os.environ.get("CLIENTCARE_PASSPHRASE")
    if from_env:  # a script: no question, a wrong one is refused
        return require_passphrase(path, Passphrase(from_env))
    if ask_secret is None and not _has_terminal():
        raise PassphraseRequired(
            f"{PASSPHRASE_REQUIRED} Without a terminal to type it in, give it in "
            "CLIENTCARE_PASSPHRASE. Nothing was changed."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", getpass.GetPassWarning)
            typed = (ask_secret or getpass.getpass)(f"Passphrase of {what}: ")
    except (EOFError, KeyboardInterrupt):
        typed = ""
    if not typed:
        raise PassphraseRequired()
    return require_passphrase(path, Passphrase(typed))


def _has_terminal() -> bool:
    """A terminal to type a passphrase in without echo (getpass reads /dev/tty)."""
    import os

    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return sys.stdin is not None and sys.stdin.isatty()
    os.close(fd)
    return True


def _backup(
    database: Path,
    target: str | None,
    out: TextIO,
    ask_secret: Callable[[str], str] | None = None,
) -> int:
    from clientcare.backup import BackupError, backup_to, manual_backup
    from clientcare.restore import inspect_backup

    if not database.is_file():
        raise BackupError(f"There is no database at {database}.")
    passphrase = _passphrase_for(database, "the database", ask_secret)
    if target is None:
        written = manual_backup(database, passphrase=passphrase)
    else:
        destination = Path(target).expanduser()
        if destination.is_dir():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            destination = destination / f"{database.stem}-manual-{stamp}.sqlite3"
        written = backup_to(database, destination, passphrase)
    print(f"Backup written to {written}", file=out)
    print(describe_summary(inspect_backup(written, passphrase=passphrase)), file=out)
    return 0


def _restore(
    database: Path,
    backup: Path,
    options: LaunchOptions,
    out: TextIO,
    ask: Callable[[str], str],
    ask_secret: Callable[[str], str] | None = None,
) -> int:
    from clientcare.encryption import WRONG_BACKUP_PASSPHRASE, WrongPassphrase
    from clientcare.instance_lock import InstanceLock
    from clientcare.restore import inspect_backup, restore_database

    passphrase = None
    if database.is_file() and database.stat().st_size > 0:
        passphrase = _passphrase_for(database, "the database", ask_secret)
    try:
        backup_passphrase = _passphrase_for(backup, "the backup", ask_secret, passphrase)
    except WrongPassphrase:
        raise WrongPassphrase(WRONG_BACKUP_PASSPHRASE) from None
    summary = inspect_backup(backup, passphrase=backup_passphrase)
    # Holding the app's lock: ClientCare cannot start on this database meanwhile.
    with InstanceLock(database):
        print(f"Backup: {backup}", file=out)
        print(describe_summary(summary), file=out)
        print(f"It will replace the database at {database}.", file=out)
        if not options.assume_yes:
            try:
                answer = ask("Restore it? The current database is kept as a backup first. [y/N] ")
            except EOFError:  # no terminal to answer from: --yes is needed
                answer = ""
            if answer.strip().lower() not in {"y", "yes"}:
                print("Nothing was changed.", file=out)
                return 1
        report = restore_database(
            backup, database, backup_passphrase=backup_passphrase, passphrase=passphrase
        )
    print("Restored.", file=out)
    if report.kept_current_at is not None:
        print(f"The database as it was is kept at {report.kept_current_at}", file=out)
    return 0


def _migrate_db(
    options: LaunchOptions,
    out: TextIO,
    err: TextIO,
    ask_secret: Callable[[str], str] | None,
) -> int:
    """clientcare migrate-db --from URL --to URL: copy, then print the comparison."""
    from clientcare.db.copy import CopyError, copy_database, describe_report

    assert options.copy_from is not None and options.copy_to is not None
    try:
        source = server_url_with_password(options.copy_from, ask_secret)
        target = server_url_with_password(options.copy_to, ask_secret)

        def progress(table: str, rows: int) -> None:
            print(f"\r  copying {table}: {rows} rows", end="", file=err, flush=True)

        report = copy_database(source, target, progress=progress)
    except CopyError as error:
        print(f"\n{error}", file=err)
        return 1
    print("", file=err)
    print(describe_report(report), file=out)
    return 0 if report.ok else 1


def server_url_with_password(target: str, ask_secret: Callable[[str], str] | None = None) -> URL:
    """The URL of ``target``; for a server that wants a password none of the usual places
    holds (~/.pgpass, PGPASSWORD), the password is asked for without echo and kept in
    memory only. A file path or a URL that works as it is comes back unchanged."""
    import getpass

    from clientcare.db.engine import database_url, is_postgresql, make_engine
    from clientcare.db.migrate import ServerPasswordError, connection_error

    url = database_url(target)
    if not is_postgresql(url) or url.password is not None:
        return url
    engine = make_engine(url)
    try:
        with engine.connect():
            return url
    except Exception as exc:
        if not isinstance(connection_error(url, exc), ServerPasswordError):
            return url  # the copy reports it in full
    finally:
        engine.dispose()
    ask = ask_secret or getpass.getpass
    try:
        password = ask(f"Password for {url.username or getpass.getuser()} at {url.host}: ")
    except EOFError:
        return url
    return url.set(password=password)


def describe_summary(summary: BackupSummary) -> str:
    """A few lines saying what a backup holds, for the terminal."""
    newest = "no records yet"
    if summary.newest_record is not None:
        local = summary.newest_record.replace(tzinfo=dt.UTC).astimezone()
        newest = f"{local:%Y-%m-%d %H:%M}"
    practice = summary.practice_name or "(no practice name)"
    return (
        f"  Taken:        {summary.taken_at:%Y-%m-%d %H:%M}\n"
        f"  Practice:     {practice}\n"
        f"  Clients:      {summary.clients}\n"
        f"  Appointments: {summary.appointments}\n"
        f"  Contacts:     {summary.interactions}\n"
        f"  Newest entry: {newest}\n"
        f"  Schema:       {summary.revision}"
    )
