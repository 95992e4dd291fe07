"""X88 / QA60-16: `<database>.held-updates.jsonl` (what readers typed, with their names and
usernames, kept across a stop) was created 0644 under the usual umask 022 while the database
beside it is 0600 (digests.file_modes). It is created 0600 now, its `.tmp` rewrite too, and one
an older version left open to others is narrowed. A real file, real Update objects."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from telegram import Chat, Message, Update, User


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _update(n: int) -> Update:
    user = User(id=3000 + n, first_name=f"Reader{n}", is_bot=False, username=f"reader{n}")
    chat = Chat(id=-100555, type="supergroup")
    msg = Message(message_id=n, date=datetime.now(timezone.utc), chat=chat, from_user=user,
                  text=f"/search سر خاص {n}")
    return Update(update_id=n, message=msg)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_held_updates_are_readable_by_their_owner_only(tmp_path: Path, umask_022: None) -> None:
    from bot.held_updates import answered, held_path, hold

    path = held_path(tmp_path / "nashra.db")
    hold(path, _update(1))
    assert _mode(path) == 0o600
    hold(path, _update(2))
    answered(path, _update(1))  # rewritten through its .tmp
    assert "سر خاص 2" in path.read_text(encoding="utf-8")
    assert _mode(path) == 0o600


def test_an_older_versions_open_file_is_narrowed(tmp_path: Path, umask_022: None) -> None:
    from bot.held_updates import held_path, hold

    path = held_path(tmp_path / "nashra.db")
    path.write_text("", encoding="utf-8")
    path.chmod(0o644)
    hold(path, _update(3))
    assert _mode(path) == 0o600
