"""Command-line arguments, parsed without Qt."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clientcare import config


@dataclass(frozen=True)
class LaunchOptions:
    """What the user asked for on the command line."""

    database: str
    demo: bool


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clientcare",
        description="ClientCare: a client-care manager for small practices.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="open this database file instead of the default one in your data folder",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the fictional demo practice (a separate database, created on first use)",
    )
    return parser


def parse_args(argv: Sequence[str] | None = None) -> LaunchOptions:
    """Parse ``argv``; the database is the default, the demo one, or ``--db``."""
    args = build_parser().parse_args(argv)
    if args.db and args.demo:
        build_parser().error("--db and --demo cannot be used together")
    if args.demo:
        database = str(config.demo_database_path())
    elif args.db:
        database = args.db if "://" in args.db else str(Path(args.db).expanduser())
    else:
        database = str(config.default_database_path())
    return LaunchOptions(database=database, demo=bool(args.demo))
