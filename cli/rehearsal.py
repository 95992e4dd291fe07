"""What `run.py sandbox` writes is for rehearsal only: a real token meeting it is refused (QA60-9).

The sandbox writes a `.env` of its own (ADMIN_IDS=1001: the sandbox's stand-in operator, which on
Telegram is a stranger's account; ALLOW_PRIVATE_SOURCES=true; sample feeds on 127.0.0.1) and a
database of fake chats and their follows. The README and the sandbox's last line said «to go
live, put your token in TELEGRAM_BOT_TOKEN in .env»: done in the sandbox folder, the live bot
started with a stranger as admin and private fetching on, and said nothing. Now the sandbox
marks what it writes — the `.env`'s first line, and a `meta` row in its database — and `run.py
bot` with any token but the sandbox's own refuses both (exit 2, as a configuration error),
naming the file and saying what to do: a fresh `.env` from `.env.example`, a new database.
Refusing beats warning: a warning scrolls past while the bot already answers as admin to 1001.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from digests.envfile import PROJECT_DIR
from digests.sqlite_uri import read_only_uri

ENV_MARK = "# written by run.py sandbox"
# @BotFather's shape (digits, a colon, 35 characters): the emulator accepts only this token.
SANDBOX_TOKEN = "700000001:SANDBOX-not-a-real-token-0123456789"
DB_MARK = "made_by_sandbox"  # meta key of a database the sandbox ran on (its value: "1")
TELEGRAM_API = "https://api.telegram.org/bot"


def written_by_sandbox(env_path: Path | None) -> bool:
    """True when the `.env` at `env_path` starts with the sandbox's mark."""
    if env_path is None:
        return False
    try:
        with open(env_path, encoding="utf-8-sig", errors="replace") as f:
            return f.readline().startswith(ENV_MARK)
    except OSError:
        return False


def mark_database(path: Path) -> None:
    """Record in the database at `path` (when there is one) that the sandbox ran on it."""
    if not path.is_file():
        return
    conn = sqlite3.connect(path, timeout=30)
    try:
        conn.execute("create table if not exists meta (key text primary key, value text)")
        conn.execute("insert or replace into meta (key, value) values (?, '1')", [DB_MARK])
        conn.commit()
    finally:
        conn.close()


def database_marked(path: Path) -> bool:
    """True when the database at `path` was marked by the sandbox (read-only: makes no file)."""
    if not path.is_file():
        return False
    try:
        # a file URI: a folder named «nashra#2» or «what?» cut the plain path (review REV)
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
    except sqlite3.Error:
        return False
    try:
        row = conn.execute("select value from meta where key = ?", [DB_MARK]).fetchone()
    except sqlite3.Error:  # no meta table, not a database: the start says what is wrong
        return False
    finally:
        conn.close()
    return bool(row)


def go_live_problem(env_path: Path | None, database: Path, token: str,
                    api_base_url: str) -> str | None:
    """Why the bot must not start with these rehearsal files (both languages); None when it may.

    The sandbox's own start (its token, against its emulator) passes; any other token, or its
    token sent to Telegram itself, on a sandbox `.env` or database does not."""
    rehearsal = token == SANDBOX_TOKEN and api_base_url.rstrip("/") != TELEGRAM_API
    if rehearsal:
        return None
    example = PROJECT_DIR / ".env.example"
    if written_by_sandbox(env_path):
        return (f"الملف {env_path} كتبه run.py sandbox للتجربة (ADMIN_IDS=1001 مستخدم تجريبي هو "
                "على تيليجرام شخص غريب، ALLOW_PRIVATE_SOURCES=true، خلاصات تجريبية على 127.0.0.1، "
                f"قاعدة بيانات التجربة) فلا يصلح للتشغيل الحقيقي: ابدأ ملف .env جديدًا من {example} "
                "(install -m 600 .env.example .env في مجلد المشروع، الخطوة ٣ من البداية السريعة) "
                f"وضع فيه رمزك ومعرّفك / {env_path} was written by run.py sandbox for a rehearsal "
                "(ADMIN_IDS=1001 is its sample user, a stranger on Telegram; "
                "ALLOW_PRIVATE_SOURCES=true; sample feeds on 127.0.0.1; the rehearsal's "
                f"database), not for going live: start a fresh .env from {example} (install -m "
                "600 .env.example .env in the project folder, Quick start step 3) with your token "
                "and your user id")
    if database_marked(database):
        return (f"قاعدة البيانات {database.absolute()} صنعها run.py sandbox للتجربة (محادثاتها "
                "ومصادرها تجريبية) فلا تصلح للتشغيل الحقيقي: اجعل DATABASE_PATH يشير إلى ملف آخر "
                "(يُنشأ ملف جديد عند أول تشغيل)، أو استرجع نسخة احتياطية حقيقية / the database "
                f"{database.absolute()} was made by run.py sandbox for a rehearsal (its chats and "
                "sources are the sample ones), not for going live: point DATABASE_PATH at another "
                "file (a new one is made at the first start), or restore a real backup")
    return None


__all__ = ["ENV_MARK", "SANDBOX_TOKEN", "DB_MARK", "written_by_sandbox", "mark_database",
           "database_marked", "go_live_problem"]
