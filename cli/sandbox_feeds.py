"""A kept sandbox folder reuses its sample feeds (X56 item 5).

The sample news site listens on a free port chosen at each `run.py sandbox`, and `feeds.txt`
names its feeds on that port; in a folder kept with `--dir`, the database of the earlier runs
still held their feeds on the earlier ports, so every run added 3 more sources (after five runs,
15, 12 of them dead and failing). `adopt_sample_feeds` gives the earlier runs' sample sources this
run's address before anything reads feeds.txt: SOURCES_FILE then finds them there and adds
nothing, and their articles stay theirs (one source each, as before).

Only sources on 127.0.0.1 whose path is one of the sample site's feeds are touched, in the
sandbox's own database (the folder's, or the copy `--db` made); a source already at the new
address is left as it is.

`last_message_id` is the highest Telegram message id the database keeps (QA58-16): the emulator
of a run again numbers its messages past it, as Telegram never reuses one.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from digests.sqlite_uri import read_only_uri

log = logging.getLogger(__name__)


def earlier_port(feeds_file: Path) -> int:
    """The port of the sample site in a kept folder's feeds.txt (0: none, or not the sandbox's
    127.0.0.1 form). A run asks for it again so the stored articles' links stay live (QA60-20)."""
    try:
        first = feeds_file.read_text(encoding="utf-8").split(maxsplit=1)[0]
        parts = urlsplit(first)
        port = parts.port if parts.hostname == "127.0.0.1" else None
    except (OSError, UnicodeDecodeError, IndexError, ValueError):
        return 0
    return port or 0


def adopt_sample_feeds(database: Path, url_of: Callable[[str], str], paths: Iterable[str]) -> int:
    """Move the sample sources of earlier runs in `database` to this run's address (`url_of`
    a feed path → its URL now); returns how many moved. Nothing when there is no database."""
    if not database.is_file():
        return 0
    wanted = set(paths)
    moved = 0
    conn = sqlite3.connect(database)
    try:
        rows = conn.execute("select id, url from sources where url like 'http://127.0.0.1:%'"
                            ).fetchall()
        for source_id, url in rows:
            parts = urlsplit(str(url))
            if parts.hostname != "127.0.0.1" or parts.path not in wanted:
                continue
            new = url_of(parts.path)
            if new == url:
                continue
            try:  # validators of the old server mean nothing to the new one: fetched afresh
                conn.execute("update sources set url = ?, etag = null, last_modified = null,"
                             " next_poll_at = null where id = ?", [new, source_id])
            except sqlite3.IntegrityError:  # the new address is a source already
                continue
            moved += 1
        conn.commit()
    finally:
        conn.close()
    if moved:
        log.info("sandbox sample feeds moved to this run's port count=%d", moved)
    return moved


__all__ = ["adopt_sample_feeds"]


# The tables that keep a Telegram message id the bot may match a new message against.
_MESSAGE_ID_TABLES = ("ingest_requests", "pending_prompts")


def last_message_id(database: Path) -> int:
    """The highest message id stored in `database`'s `_MESSAGE_ID_TABLES` (0 when there is no
    database, table or row): a redelivered /ingest is recognised by its message id
    (bot.ingests.owe_ingest), so ids of an earlier run must not come again."""
    if not database.is_file():
        return 0
    highest = 0
    conn = sqlite3.connect(read_only_uri(database), uri=True)
    try:
        for table in _MESSAGE_ID_TABLES:
            try:
                row = conn.execute(f"select max(message_id) from {table}").fetchone()
            except sqlite3.Error:  # an older database without the table
                continue
            highest = max(highest, int(row[0] or 0))
    finally:
        conn.close()
    return highest
