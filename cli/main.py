"""Entry point of the command line: parse arguments, read settings once, dispatch.

Each command group lives in its own module with `register(subparsers)`; a command is a function
`(args, settings) -> exit code`. Every command accepts `--db PATH`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cli import bot as bot_cmd
from cli import digest as digest_cmd
from cli import ingest as ingest_cmd
from cli import search as search_cmd
from digests.errors import NashraError
from digests.logs import setup_logging
from digests.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="SQLite database path (default: DATABASE_PATH or data/nashra.db)")
    parser = argparse.ArgumentParser(
        prog="run.py", parents=[common],
        description="Nashra (نشرة): Arabic news digests on Telegram.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (bot_cmd, ingest_cmd, search_cmd, digest_cmd):
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except NashraError as exc:
        print(f"خطأ في الإعدادات / configuration error: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "db", None) is not None:
        settings = settings.replace(database_path=args.db)
    setup_logging(settings.log_level, settings.telegram_bot_token)
    func = getattr(args, "func", None) or bot_cmd.default_command
    try:
        return int(func(args, settings) or 0)
    except NashraError as exc:
        print(f"خطأ / error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
