"""Entry point of the command line: parse arguments, read settings once, dispatch.

cli.commands holds every command's arguments (cli.backups still registers its own); a command
is a function `(args, settings) -> exit code` in its group's module, imported when it runs (so
`--help` loads none of them). Every command accepts `--db PATH`.
"""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cli import backups as backups_cmd
from cli import commands
from cli.commands import DEFAULT, INGEST, RUN_BOT, RUN_DEMO, SANDBOX
from cli.helptext import Parser, bilingual
from cli.rehearsal import go_live_problem
from digests.config_warnings import config_warnings
from digests.envfile import anchored, describe, find_env_file
from digests.errors import NashraError
from digests.logs import setup_logging
from digests.settings import Settings
from digests.start_warnings import sources_file_problem

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: `--db` on every command, each command from cli.commands and
    cli.backups, argparse's own words in both languages."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="مسار قاعدة بيانات SQLite (الافتراضي: DATABASE_PATH أو "
                             "data/nashra.db بجوار .env أو في مجلد المشروع) / SQLite database "
                             "path (default: DATABASE_PATH, or data/nashra.db beside the .env "
                             "read, else in the project's folder)")
    parser = Parser(
        prog="run.py", parents=[common],
        description="نشرة: ملخصات الأخبار العربية على تيليجرام. / Nashra: Arabic news digests "
                    "on Telegram.",
        epilog="دون أمر: البوت، أو العرض التجريبي إن لم يُضبط TELEGRAM_BOT_TOKEN. / Without a "
               "COMMAND: the bot, or the offline demo when TELEGRAM_BOT_TOKEN is not set.",
    )
    # its parsers are Parser's; Any, as the groups' register functions name ArgumentParser
    sub: argparse._SubParsersAction[Any] = parser.add_subparsers(dest="command",
                                                                 metavar="COMMAND")
    commands.register(sub, common)
    backups_cmd.register(sub, common)
    return bilingual(parser)  # argparse's own words (usage, options, -h) in both languages


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # after parsing, so `--help` and a mistyped command load neither: each imports
    # digests.storage (sqlite_utils, the migrations), about 0.5 s (QA73-19)
    from cli.dbpath import path_problem
    from digests.data_migrations import set_upgrade_settings
    from digests.sqlite_library import OldSqlite

    # the .env of the current folder, else the project's; relative paths anchored (QA20 O2)
    found = find_env_file()
    args.env_file = found
    try:
        settings = anchored(Settings.from_env(env_file=found.path), found)
    except NashraError as exc:
        if getattr(args, "func", None) != SANDBOX:
            print(f"خطأ في الإعدادات / configuration error: {exc}", file=sys.stderr)
            # the misspelt keys with it: they explain the errors a fixed value would show next
            # (QA58-6: «TELEGRAM_TOKEN … did you mean TELEGRAM_BOT_TOKEN» came only once the
            # first error was fixed, with the empty-token error)
            for warning in config_warnings(env_file=found.path):
                print(f"تنبيه / warning: {warning}", file=sys.stderr)
            return 2
        # the sandbox writes a .env of its own and needs no token (QA41 T8): a wrong .env here
        # is what it helps rehearse; its folder checks still refuse to write over that .env
        print(f"تنبيه / note: {exc} — التجريب لا يستعمل هذا الملف / the sandbox does not use"
              " this file", file=sys.stderr)
        settings = Settings()
    if getattr(args, "db", None) is not None:
        settings = settings.overridden("--db", database_path=args.db)
    setup_logging(settings.log_level, settings.telegram_bot_token)
    # the migrations run with this run's settings (QA73-8), and groups stored before their
    # language was get its DEFAULT_LANGUAGE pinned (QA22 U1)
    set_upgrade_settings(settings)
    func = getattr(args, "func", None) or DEFAULT
    # no command with a token runs the bot too (without one: the demo)
    runs_bot = func == RUN_BOT or (func == DEFAULT and bool(settings.telegram_bot_token))
    if runs_bot:
        # which .env first, then what is wrong in it (QA30 O8: the warnings came before)
        log.info("%s", describe(found))
        args.env_described = True
    # a misspelt key would otherwise be ignored in silence
    for warning in config_warnings(env_file=found.path):
        log.warning("%s", warning)
    problem = (sources_file_problem(settings.sources_file)
               if runs_bot or func == INGEST else None)
    if problem is not None:  # before the bot starts or a poll runs (QA30 O5)
        print(f"خطأ في الإعدادات / configuration error: {problem}", file=sys.stderr)
        return 2
    if runs_bot:  # the sandbox's .env or database with a real token (QA60-9)
        problem = go_live_problem(found.path, settings.database_path,
                                  settings.telegram_bot_token, settings.telegram_api_base_url)
        if problem is None:  # an address this machine does not have (QA69-1)
            from bot.startup import listen_problem
            problem = listen_problem(settings)
        if problem is not None:
            print(f"خطأ في الإعدادات / configuration error: {problem}", file=sys.stderr)
            return 2
    own_database = func in (RUN_DEMO, SANDBOX)
    problem = path_problem(settings.database_path)
    if problem is not None and (getattr(args, "db", None) is not None or not own_database):
        print(f"خطأ في قاعدة البيانات / database error: "
              f"{named(settings.database_path, args)}: {problem}", file=sys.stderr)
        return 1
    try:
        return int(func(args, settings) or 0)
    except (sqlite3.Error, OSError) as exc:
        # before NashraError: the storage boundary's DatabaseFaults are both (QA73-4), and
        # their line is the database's, with what to do
        if not _about_database(exc, settings.database_path):
            raise
        log.debug("database error", exc_info=True)
        print(database_error(settings.database_path, exc, named(settings.database_path, args)),
              file=sys.stderr)
        return 1
    except OldSqlite as exc:
        # 2, not the storage boundary's 1: only a newer Python fixes it, so systemd's
        # RestartPreventExitStatus=2 stops the unit instead of logging this every 30 s
        print(f"خطأ / error: {exc}", file=sys.stderr)
        return 2
    except NashraError as exc:
        print(f"خطأ / error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _about_database(exc: BaseException, path: Path) -> bool:
    """True for an SQLite error, or an OSError on the database file or one of its folders."""
    if isinstance(exc, sqlite3.Error):
        return True
    name = getattr(exc, "filename", None)
    if name is None:
        return False
    target = Path(name).absolute()
    db = path.absolute()
    return target == db or target in db.parents


def named(path: Path, args: argparse.Namespace) -> str:
    """The database path as the operator gave it: `--db '…'` or `DATABASE_PATH='…'` (QA60-1:
    a --db path was called DATABASE_PATH)."""
    if getattr(args, "db", None) is not None:
        return f"--db {str(path)!r}"
    return f"DATABASE_PATH={str(path)!r}"


def database_error(path: Path, exc: BaseException, where: str | None = None) -> str:
    """The operator's message for a database that cannot be opened or is not Nashra's;
    `where` names the path as it was given (default: DATABASE_PATH='…')."""
    where = where or f"DATABASE_PATH={str(path)!r}"
    detail = str(exc) if isinstance(exc, sqlite3.Error) else (exc.strerror or str(exc)
                                                              if isinstance(exc, OSError)
                                                              else str(exc))
    head = f"خطأ في قاعدة البيانات / database error: {where} ({detail}): "
    from digests.storage import fault_of

    kind = fault_of(exc) or ""
    # the .recover advice names the real file (QA17: it said «nashra.db» whatever the path)
    # the new file absolute: DATABASE_PATH in a .env is relative to the .env (QA60-8)
    names = {"db": shlex.quote(str(path)),
             "fixed": shlex.quote(str(path.absolute().with_name("fixed.db")))}
    if kind == "damaged" and "not a database" in detail:
        # a text file named by mistake, or Nashra's file with its header damaged: both advices
        hedged = _FAULT_ADVICE["damaged"].format(**names).replace(
            "الملف تالف", "إن كان ملف نشرة فهو تالف").replace(
            "the file is damaged", "if it is Nashra's file, it is damaged")
        return head + _WRONG_FILE + " — " + hedged
    if kind == "locked":
        # SQLite's English detail only after the Arabic, with the English (QA17)
        ar, en = _FAULT_ADVICE[kind].split(" / ", 1)
        return (f"خطأ في قاعدة البيانات {where}: {ar} / database error "
                f"({detail}): {en}")
    if kind == "readonly" and path.is_file() and not os.access(path, os.W_OK):
        return head + _READONLY_FILE  # the file, not its folder (QA22 U8)
    folder = path.absolute().parent
    if kind in ("", "readonly") and folder.is_dir() and not os.access(folder, os.W_OK):
        # the folder, by its name (QA66-11: «unable to open database file» got the advice
        # for a wrong path): SQLite writes its -wal and -shm beside the file
        return head + _READONLY_FOLDER.format(folder=shlex.quote(str(folder)))
    if kind in _FAULT_ADVICE:
        return head + _FAULT_ADVICE[kind].format(**names)
    return head + _WRONG_FILE


_WRONG_FILE = ("اختر ملفًا في مجلد قابل للكتابة، ملف SQLite لنشرة أو ملفًا جديدًا (أو --db) / "
               "choose a file in a writable folder, Nashra's SQLite file or a new one (or --db)")


_READONLY_FILE = ("الملف للقراءة فقط: امنح مستخدم البوت حق الكتابة فيه (chmod/chown، أو "
                  "chattr -i) / the file is read-only: give the bot's user write access to it "
                  "(chmod/chown, or chattr -i)")

_READONLY_FOLDER = ("المجلد {folder} للقراءة فقط، والبوت يكتب فيه بجانب قاعدة البيانات (ملفا -wal "
                    "و-shm): امنح مستخدم البوت حق الكتابة في المجلد (chmod/chown، أو chattr -i)"
                    " / the folder {folder} is read-only, and the bot writes beside the database "
                    "in it (its -wal and -shm files): give the bot's user write access to the "
                    "folder (chmod/chown, or chattr -i)")

# What to do about the database's own trouble (QA16 N4), instead of the advice for a wrong path.
# The rescue is Nashra's own (digests.rescue.recover): the sqlite3 shell's ".recover" fails on
# Debian's sqlite3 3.40 (no dbpage table) and its empty output file was opened as a new database
# (QA22 U3).
_FAULT_ADVICE = {
    "damaged": ("الملف تالف: استرجع نسخة احتياطية (python run.py --db {db} restore BACKUP.db) "
                "أو أنقذ ما فيه بـ python run.py --db {db} recover {fixed} ثم اجعل DATABASE_PATH "
                "يشير إلى {fixed} / the file is damaged: restore a backup (python run.py --db "
                "{db} restore BACKUP.db), or rescue what it holds with python run.py --db {db} "
                "recover {fixed} and point DATABASE_PATH at {fixed}"),
    "locked": ("برنامج آخر يمسك قاعدة البيانات (جلسة sqlite3 أو نسخ احتياطي أو أمر آخر لنشرة): "
               "انتظر حتى ينتهي أو أوقفه ثم أعد المحاولة / another program holds the database (a "
               "sqlite3 shell, a backup or another Nashra command): wait for it or stop it, "
               "then try again"),
    "full": ("القرص الذي يحمل قاعدة البيانات ممتلئ: وفّر مساحة ثم أعد المحاولة / the disk "
             "holding the database is full: free some space, then try again"),
}
