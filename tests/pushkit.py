"""Helpers shared by the /push tests: a sample archive whose readers follow the general digest, and
the admin's finished push report (X93, X125 wrote them alike; one copy here)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from botkit import ADMIN, BotHarness, sample_db
from delivery_helpers import add_chat

from digests.storage import Database


def general_readers(tmp_path: Path, readers: Iterable[int]) -> Path:
    """The sample archive with each of `readers` a private chat following the general digest."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        for reader in readers:
            add_chat(db, reader, topics=("",))
    return path


def push_report(h: BotHarness) -> str | None:
    """The admin's last «انتهت النشرة» message, or None before the push has finished."""
    done = [m.plain_text for m in h.emu.messages(ADMIN) if "انتهت النشرة" in m.plain_text]
    return done[-1] if done else None
