"""The database, its -wal/-shm, every backup and the held updates readable by their owner only
(QA38 A6, QA60-16).

They list every reader's Telegram id with the topics they follow, their language, time zone and
quiet hours: under the usual umask 022 they were 0644, readable by any local user of a shared
host. SQLite creates a database's -wal and -shm with the database file's own permissions, so a
database made 0600 as soon as it exists keeps its journals 0600 too; an existing file left open
to others is narrowed (logged) when the bot opens it. chmod after creation, not a process umask:
the bot has threads that create other files meanwhile.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import TextIO

log = logging.getLogger(__name__)

OWNER_ONLY = 0o600
_JOURNALS = ("", "-wal", "-shm", "-journal")


def owner_only(path: str | Path) -> list[str]:
    """Take group and other permissions off `path` and its SQLite journals (those that exist);
    returns the files changed. Never raises: a file system without modes keeps what it has."""
    changed: list[str] = []
    for suffix in _JOURNALS:
        name = f"{path}{suffix}"
        try:
            mode = stat.S_IMODE(os.stat(name).st_mode)
            if mode & 0o077:
                os.chmod(name, mode & 0o700)
                changed.append(name)
        except OSError:
            continue
    return changed


def open_private(path: str | Path, *, truncate: bool = False) -> TextIO:
    """`path` opened for writing text (appending, or emptied with `truncate`), readable by its
    owner only: created 0600 whatever the umask, and one left open to others narrowed. For the
    files beside the database that hold what readers typed (QA60-16: held updates were 0644)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if truncate else os.O_APPEND)
    fd = os.open(path, flags, OWNER_ONLY)
    try:
        os.fchmod(fd, OWNER_ONLY)
    except OSError:  # a file system without modes keeps what it has
        pass
    return os.fdopen(fd, "w" if truncate else "a", encoding="utf-8")


def narrow_database(path: str | Path, *, existed: bool) -> None:
    """`owner_only` for a database being opened, logging a file that `existed` before (a new
    one is narrowed silently: it holds nothing yet)."""
    changed = owner_only(path)
    if changed and existed:
        log.debug("database files made readable by their owner only files=%s mode=0600"
                  " (they name every reader and what they follow)", ",".join(changed))
