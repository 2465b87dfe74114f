"""Command-line arguments, parsed without Qt, and the commands that need no window.

clientcare [--db PATH | --demo]                 open the app
clientcare [--db PATH] backup [--to FILE]       back up the database now
clientcare [--db PATH] restore FILE [--yes]     replace the database with a backup
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from clientcare import config
from clientcare.backup import BackupSummary


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
    return parser


def parse_args(argv: Sequence[str] | None = None) -> LaunchOptions:
    """Parse ``argv``; the database is the default, the demo one, or ``--db``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db and args.demo:
        parser.error("--db and --demo cannot be used together")
    if args.demo:
        database = str(config.demo_database_path())
    elif args.db:
        database = args.db if "://" in args.db else str(Path(args.db).expanduser())
    else:
        database = str(config.default_database_path())
    return LaunchOptions(
        database=database,
        demo=bool(args.demo),
        command=args.command,
        backup_target=getattr(args, "to", None),
        restore_file=getattr(args, "file", None),
        assume_yes=bool(getattr(args, "yes", False)),
    )


# --------------------------------------------------------------------------
# Commands run without a window
# --------------------------------------------------------------------------


def run_command(
    options: LaunchOptions,
    out: TextIO | None = None,
    err: TextIO | None = None,
    ask: Callable[[str], str] = input,
) -> int:
    """Run the ``backup`` or ``restore`` command; returns the exit code (0 ok, 1 refused)."""
    from clientcare.backup import BackupError
    from clientcare.db.engine import database_url, sqlite_path
    from clientcare.errors import DatabaseOpenError
    from clientcare.instance_lock import AlreadyRunningError
    from clientcare.security import use_private_file_permissions

    out = out or sys.stdout
    err = err or sys.stderr
    use_private_file_permissions()
    path = sqlite_path(database_url(options.database))
    if path is None:
        print(
            "This database is on a server; back it up and restore it with the server's tools.",
            file=err,
        )
        return 1
    try:
        if options.command == "backup":
            return _backup(path, options.backup_target, out)
        if options.command == "restore":
            assert options.restore_file is not None
            return _restore(path, Path(options.restore_file).expanduser(), options, out, ask)
    except AlreadyRunningError as error:
        print(f"{error} Then run the restore again.", file=err)
        return 1
    except (BackupError, DatabaseOpenError) as error:
        print(str(error), file=err)
        return 1
    except OSError as error:
        print(f"ClientCare could not do that: {error.strerror} ({error.filename}).", file=err)
        return 1
    except sqlite3.Error as error:
        print(f"ClientCare could not read the database: {error}.", file=err)
        return 1
    print(f"Unknown command {options.command!r}.", file=err)
    return 2


def _backup(database: Path, target: str | None, out: TextIO) -> int:
    from clientcare.backup import BackupError, backup_to, inspect_backup, manual_backup

    if not database.is_file():
        raise BackupError(f"There is no database at {database}.")
    if target is None:
        written = manual_backup(database)
    else:
        destination = Path(target).expanduser()
        if destination.is_dir():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            destination = destination / f"{database.stem}-manual-{stamp}.sqlite3"
        written = backup_to(database, destination)
    print(f"Backup written to {written}", file=out)
    print(describe_summary(inspect_backup(written)), file=out)
    return 0


def _restore(
    database: Path,
    backup: Path,
    options: LaunchOptions,
    out: TextIO,
    ask: Callable[[str], str],
) -> int:
    from clientcare.backup import inspect_backup, restore_database
    from clientcare.instance_lock import InstanceLock

    summary = inspect_backup(backup)
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
        report = restore_database(backup, database)
    print("Restored.", file=out)
    if report.kept_current_at is not None:
        print(f"The database as it was is kept at {report.kept_current_at}", file=out)
    return 0


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
