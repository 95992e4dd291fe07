"""`run.py sandbox`: rehearse the real bot before going live, with no token and no network (QA30 O1).

The demo (`run.py demo`) runs the bot's code in-process for one user. The sandbox runs what an
operator runs: `run.py ingest --once` and `run.py bot` as their own processes, reading a `.env` in
a folder of their own, against the project's Telegram Bot API emulator (bot.emulator) and the
bundled sample news site (digests.samplesite), both on 127.0.0.1. The terminal then stands in
for Telegram: each typed line is a message to the bot, the bot's answers are printed as they
arrive (every chat, edits included) with their buttons numbered, and so is what it sends while
nobody types (an alert after /ingest: bundles are spaced; QA55-3).

    text            a message from the operator (user 1001, in ADMIN_IDS) in a private chat
    @2002 text      a message from another user (2002: not an admin) in their private chat
    #-100123 text   a message from the operator in a group (made on first use, operator admin)
    3               press button 3 of the last message printed with buttons
    '2018           the message «2018» (a number to search, not a button: QA68-17)
    /quit           stop the bot (Ctrl-C: the same), the emulator and the site

The folder (`--dir`, else a temporary one removed at the end) keeps the `.env`, the sources
file, the database and `bot.log`, so a start can be looked at, changed and tried again. A folder
holding a `.env` the sandbox did not write (its first line says who wrote it), or a `feeds.txt`
or `nashra.db` beside no sandbox `.env`, is refused, naming the file: `--dir .` in the
checkout once replaced the operator's `.env`, token and all (QA37 T2). `--db FILE` must name an
existing database; the sandbox copies it into the folder (`sandbox-copy.db`) and runs on the
copy, so the real file never gets the sample feeds nor marks its queue sent (QA37 T6). With
stdin not a terminal (scripts, tests) lines are read until the end of input, each answered
before the next is sent. The terminal's side (the typed lines, what is printed) is
cli.sandbox_console; this module sets up the folder and runs the processes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from bot.emulator import Emulator
from cli.dbpath import missing_database_message, path_problem
from cli.rehearsal import ENV_MARK, SANDBOX_TOKEN, mark_database
from cli.sandbox_console import OPERATOR, converse
from cli.sandbox_feeds import adopt_sample_feeds, earlier_port, last_message_id
from digests.errors import NashraError
from digests.envfile import PROJECT_DIR
from digests.logs import open_private_log
from digests.settings import Settings, env_keys
from digests.sqlite_uri import read_only_uri

if TYPE_CHECKING:
    from digests.samplesite import SampleSite

START_TIMEOUT = 90.0
COPY_NAME = "sandbox-copy.db"  # --db's copy: a name only the sandbox writes
_OWN_FILES = ("feeds.txt", "nashra.db")


# The keys the sandbox writes at every run; any other line of a kept folder's .env is the
# operator's, kept (QA69-14: DEFAULT_LANGUAGE=en added there was dropped at the next run).
OWN_KEYS = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL", "ADMIN_IDS", "ALLOW_PRIVATE_SOURCES",
            "SOURCES_FILE", "DATABASE_PATH")
_KEY_RE = re.compile(r"\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=")


def operator_lines(previous: str) -> list[str]:
    """The lines of an earlier sandbox `.env` that the sandbox did not write: settings and
    comments the operator added to rehearse them (its own keys and mark line left out)."""
    kept = []
    for line in previous.splitlines():
        key = _KEY_RE.match(line)
        if line.startswith(ENV_MARK) or (key and key.group(1).upper() in OWN_KEYS):
            continue
        if line.strip() == "# kept from the earlier run: your own lines":
            continue
        kept.append(line)
    while kept and not kept[0].strip():
        kept.pop(0)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def sandbox_env(emulator_base_url: str, database: Path | None, previous: str = "") -> str:
    """The sandbox's `.env`: the emulator as Telegram, the operator as admin, the sample feeds;
    then the lines the operator added to an earlier run's (`previous`)."""
    lines = [
        f"{ENV_MARK}: the Telegram emulator on 127.0.0.1, not Telegram",
        f"TELEGRAM_BOT_TOKEN={SANDBOX_TOKEN}",
        f"TELEGRAM_API_BASE_URL={emulator_base_url}",
        f"ADMIN_IDS={OPERATOR}",
        "ALLOW_PRIVATE_SOURCES=true  # the sample site is on 127.0.0.1",
        "SOURCES_FILE=feeds.txt",
        f"DATABASE_PATH={database if database is not None else 'nashra.db'}",
    ]
    kept = operator_lines(previous)
    if kept:
        lines += ["", "# kept from the earlier run: your own lines", *kept]
    return "\n".join(lines) + "\n"


def _not_ours(path: Path) -> str:
    path = path.absolute()
    return (f"{path} موجود ولم يكتبه run.py sandbox، فلن أكتب فوقه: اختر مجلدًا آخر، مثل "
            f"--dir sandbox / {path} exists and was not written by run.py sandbox, so it is "
            "not overwritten: choose another folder, such as --dir sandbox")


def folder_problem(folder: Path) -> str | None:
    """Why the sandbox must not write in `folder` (a file of someone else's there), in both
    languages; None when the folder is new, empty of those files, or an earlier sandbox's."""
    env = folder / ".env"
    if env.is_symlink() or env.exists():
        try:
            with open(env, encoding="utf-8", errors="replace") as f:
                first = f.readline()
        except OSError:
            first = ""
        return None if first.startswith(ENV_MARK) else _not_ours(env)
    for name in _OWN_FILES:
        if (folder / name).is_symlink() or (folder / name).exists():
            return _not_ours(folder / name)
    return None


def copy_database(source: Path, folder: Path) -> Path:
    """`--db`'s file copied (SQLite's backup: consistent even while a bot writes it) into the
    sandbox folder; the copy is what the sandbox runs on.

    Raises:
        NashraError: no database at `source` (a typo creates nothing: QA37 T6).
    """
    import sqlite3

    problem = path_problem(source)
    if problem is not None:
        raise NashraError(problem)
    if not source.is_file():
        raise NashraError(missing_database_message(source, "--db"))
    target = folder / COPY_NAME
    target.unlink(missing_ok=True)
    src = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _child_env() -> dict[str, str]:
    """The environment without Nashra's keys: the sandbox's `.env` decides, not the shell's."""
    keys = set(env_keys())
    return {k: v for k, v in os.environ.items() if k not in keys}


def _run_py(folder: Path, *args: str, log: IO[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, str(PROJECT_DIR / "run.py"), *args], cwd=folder,
                            env=_child_env(), stdin=subprocess.DEVNULL, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)


@contextmanager
def _folder(given: Path | None) -> Iterator[Path]:
    if given is not None:
        given.mkdir(parents=True, exist_ok=True)
        yield given.absolute()
        return
    tmp = Path(tempfile.mkdtemp(prefix="nashra-sandbox-"))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def _sample_site(folder: Path) -> Iterator[SampleSite]:
    """The sample news site, on the port of the folder's earlier run when it is free: the
    articles that run stored link to it (QA60-20: a second run's /push sent dead links)."""
    from digests.samplesite import SampleSite

    site = None
    earlier = earlier_port(folder / "feeds.txt")
    if earlier:
        try:
            site = SampleSite(port=earlier).start()
        except OSError:  # taken meanwhile: any port, and the feeds move to it (X56)
            site = None
    site = site or SampleSite().start()
    try:
        yield site
    finally:
        site.stop()


def _stop(proc: subprocess.Popen[bytes]) -> int:
    """Stop the bot as Ctrl-C does, then harder if it does not end."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def run_sandbox_command(args: argparse.Namespace, settings: Settings,
                        stdin: IO[str] | None = None, out: IO[str] | None = None) -> int:
    """`run.py sandbox`: see the module docstring. Returns the exit code."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    given_db = getattr(args, "db", None)
    if given_db is not None:  # before any folder is made: a typo leaves nothing behind
        problem = path_problem(given_db)
        if problem is None and not given_db.is_file():
            problem = missing_database_message(given_db, "--db")
        if problem is not None:
            raise NashraError(problem)
    if args.dir is not None and args.dir.is_dir():
        problem = folder_problem(args.dir)
        if problem is not None:
            raise NashraError(problem)
    with _folder(args.dir) as folder, _sample_site(folder) as site, \
            Emulator(token=SANDBOX_TOKEN, bot_username="nashra_sandbox_bot",
                     port=args.port) as emu:
        database = copy_database(given_db, folder) if given_db is not None else None
        env_path = folder / ".env"
        # folder_problem made sure an existing .env is an earlier sandbox's
        previous = env_path.read_text(encoding="utf-8", errors="replace") \
            if env_path.is_file() else ""
        env_path.write_text(sandbox_env(emu.base_url, database, previous), encoding="utf-8")
        env_path.chmod(0o600)
        (folder / "feeds.txt").write_text(
            "".join(f"{site.url(f['path'])} {f.get('title') or ''}\n" for f in site.feeds),
            encoding="utf-8")
        # a kept folder's earlier runs used another port: their sources take this one (X56)
        adopt_sample_feeds(database or folder / "nashra.db", site.url,
                           [f["path"] for f in site.feeds])
        # a kept folder run again: its messages are numbered past the stored ones (QA58-16)
        emu.continue_message_ids(last_message_id(database or folder / "nashra.db"))
        log_path = folder / "bot.log"
        out.write(f"🧪 مجلد التجربة / sandbox folder: {folder}\n"
                  f"   محاكي تيليجرام / Telegram emulator: TELEGRAM_API_BASE_URL={emu.base_url}\n"
                  f"   الأخبار التجريبية / sample news: {site.base_url}\n"
                  f"   السجل / log: {log_path}\n")
        out.flush()
        with open_private_log(log_path) as log:  # chat ids and what was typed: 0600
            ingest = _run_py(folder, "ingest", "--once", log=log)
            if ingest.wait(START_TIMEOUT) != 0:
                out.write(f"⚠️ فشل الجلب / ingest failed:\n{_tail(log_path)}\n")
            # rehearsal data: a real token is refused on it (QA60-9, cli.rehearsal)
            mark_database(database or folder / "nashra.db")
            bot = _run_py(folder, "bot", log=log)
            try:
                if not _wait_for_polling(emu, bot):
                    out.write(f"⚠️ لم يبدأ البوت / the bot did not start (rc={bot.poll()}):\n"
                              f"{_tail(log_path)}\n")
                    return 1
                out.write(_HOW_TO + "\n\n")
                out.flush()
                converse(emu, stdin, out)
            except KeyboardInterrupt:
                pass
            finally:
                code = _stop(bot)
                mark_database(database or folder / "nashra.db")  # made by the bot if not before
        out.write(f"\nتوقف البوت / the bot stopped (rc={code}).\n{_GO_LIVE}\n")
        out.flush()
    return 0 if code in (0, -signal.SIGINT, 130) else 1


def _wait_for_polling(emu: Emulator, bot: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if emu.counters.get("method:getUpdates", 0) > 0:
            return True
        if bot.poll() is not None:
            return False
        time.sleep(0.2)
    return False


_HOW_TO = (
    "✅ البوت يعمل. اكتب رسالة كما يكتبها المستخدم في تيليجرام (/start، موضوع، /help)؛ أنت "
    f"المستخدم {OPERATOR} وهو في ADMIN_IDS. «@2002 نص»: من مستخدم آخر، «#-100123 نص»: في "
    "مجموعة، رقم: يضغط الزر، /quit: إنهاء. ما يرسله البوت وأنت لا تكتب يظهر حين يصل: تنبيه "
    "بعد /ingest قد يتأخر حتى ٥ دقائق (حزمة واحدة لكل محادثة كل ٥ دقائق).\n"
    "✅ The bot is running. Type what a user would send on Telegram (/start, a topic, /help); "
    f"you are user {OPERATOR}, in ADMIN_IDS. «@2002 text»: from another user, «#-100123 text»: "
    "in a group, a number: press that button, /quit: stop. What the bot sends while you are not "
    "typing is printed when it arrives: an alert after /ingest can take up to 5 minutes (one "
    "bundle per chat every 5 minutes).")

# Not «put your token in .env»: the .env in view is the sandbox's, and a real token there is
# refused (QA60-9: ADMIN_IDS=1001 and ALLOW_PRIVATE_SOURCES=true went live in silence)
_GO_LIVE = (
    "للتشغيل الحقيقي لا تستعمل مجلد التجربة ولا ملف .env فيه: في مجلد المشروع "
    f"({PROJECT_DIR}) انسخ .env.example إلى .env لا يقرؤه غيرك (install -m 600 .env.example "
    ".env) وضع فيه رمزك من @BotFather ومعرّفك في ADMIN_IDS، ثم .venv/bin/python run.py bot / "
    "to go live, leave the sandbox folder and its .env: in the project folder "
    f"({PROJECT_DIR}) copy .env.example to a .env only you can read (install -m 600 "
    ".env.example .env), put your @BotFather token and your user id (ADMIN_IDS) in it, then "
    ".venv/bin/python run.py bot")


__all__ = ["register", "run_sandbox_command", "sandbox_env", "folder_problem", "copy_database",
           "SANDBOX_TOKEN", "ENV_MARK", "COPY_NAME"]
