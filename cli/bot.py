"""Command group 'bot': run the Telegram bot, or the offline demo when there is no token.

`run.py` with no command runs the bot when TELEGRAM_BOT_TOKEN is set, the offline demo when
there is no token and no `.env` file was found (a fresh checkout), and fails (exit 1, naming the
file) when a `.env` was found without the token; `run.py bot` and `run.py demo` choose
explicitly (digests.envfile: which `.env`, QA20 O2).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from digests.envfile import EnvFile, describe, exposure_warning, find_env_file, no_token_message
from digests.errors import ConfigError
from digests.settings import Settings

log = logging.getLogger(__name__)


def _env_file(args: argparse.Namespace) -> EnvFile:
    found = getattr(args, "env_file", None)
    return found if isinstance(found, EnvFile) else find_env_file()


def run_bot_command(args: argparse.Namespace, settings: Settings) -> int:
    """`run.py bot`: the real bot (a clear error without a token, naming the .env read)."""
    from bot.app import run_bot

    found = _env_file(args)
    if not settings.telegram_bot_token:
        raise ConfigError(no_token_message(found))
    if not getattr(args, "env_described", False):  # cli.main logs it before the warnings
        log.info("%s", describe(found))
    exposed = exposure_warning(found)
    if exposed is not None:
        log.warning("%s", exposed)
    log.info("قاعدة البيانات / database path=%s", settings.database_path.absolute())
    return run_bot(settings)


def run_demo_command(args: argparse.Namespace, settings: Settings) -> int:
    """`run.py demo`: the offline demo in the terminal."""
    from bot.demo import run_demo

    if settings.log_level == "INFO":  # keep the terminal for the conversation
        logging.getLogger().setLevel(logging.WARNING)
    db_path = settings.database_path if getattr(args, "db", None) is not None else None
    return asyncio.run(run_demo(settings, db_path=db_path))


def default_command(args: argparse.Namespace, settings: Settings) -> int:
    """No command: the bot with a token; without one, the offline demo only when no .env was
    found at all (a fresh checkout: the README's first command). A .env without the token is
    a production start gone wrong (QA20 O2): it fails, exit 1, naming the file, instead of
    running a demo that exits 0 while the bot is down."""
    if settings.telegram_bot_token:
        return run_bot_command(args, settings)
    found = _env_file(args)
    if found.path is not None:
        raise ConfigError(no_token_message(found))
    print(f"{describe(found)} — لا TELEGRAM_BOT_TOKEN: العرض التجريبي / no TELEGRAM_BOT_TOKEN: "
          "the offline demo", file=sys.stderr)
    return run_demo_command(args, settings)
