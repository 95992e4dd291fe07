"""/addsource when the database refuses the write (REV s25 #4): a DatabaseFault is a NashraError
(701ce6f), so a locked or full database fell into the «refused link» branch and the admin read
«سبب غير معروف؛ التفاصيل في سجل البوت». The admin is told the database is busy (try again) or
its disk full (free space at DATABASE_PATH), in the chat's language, and the fault goes to the
log's once-a-minute WARNING and the admins' write alert like every other refused write. The
real bot, the emulator, a feed server on 127.0.0.1; the lock is a second connection's, as
another program's would be."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from botkit import ADMIN, running_bot, sample_db
from lockkit import locked_while

from bot.reasons import error_text
from bot.runtime import RUNTIME_KEY
from digests import sources
from digests.db_faults import as_fault
from digests.errors import SourceError
from digests.samplesite import SampleSite
from digests.storage import FAULTS, DatabaseBusy

FAILED = {"ar": "تعذرت إضافة المصدر", "en": "Could not add the source"}


def _full(*args: Any, **kwargs: Any) -> Any:
    raise as_fault(sqlite3.OperationalError("database or disk is full"))


async def _addsource(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                     broken: Callable[[Path], Callable[..., Any]]) -> tuple[str, Any]:
    """The admin's answer to /addsource of a good feed while add_source meets `broken`, and the
    runtime's write state after it."""
    FAULTS.forget()  # this test sees its own WARNING
    path = sample_db(tmp_path)
    with SampleSite() as site:
        async with running_bot(path, busy_seconds=0.05) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            await h.say(ADMIN, "/start", language_code=lang)  # the chat and its language stored
            monkeypatch.setattr(sources, "add_source", broken(path))
            await h.say(ADMIN, f"/addsource {site.feed_url('main')}", language_code=lang)
            await h.until(lambda: FAILED[lang] in h.emu.messages(ADMIN)[-1].plain_text, 20)
            answer = h.emu.messages(ADMIN)[-1].plain_text
            writes = h.app.bot_data[RUNTIME_KEY].writes
            return answer, (writes.fault, [s.url for s in sources.list_sources(h.db)])


@pytest.mark.parametrize("lang", ["ar", "en"])
async def test_a_locked_database_says_busy_try_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        lang: str) -> None:
    real = sources.add_source
    with caplog.at_level(logging.INFO):
        answer, (fault, stored) = await _addsource(
            tmp_path, monkeypatch, lang, lambda path: locked_while(real, path))
    busy = {"ar": "قاعدة البيانات مشغولة الآن", "en": "The database is busy right now"}[lang]
    again = {"ar": "أعد المحاولة بعد قليل", "en": "try again shortly"}[lang]
    assert busy in answer and again in answer, answer
    assert "سبب غير معروف" not in answer and "Unknown reason" not in answer
    assert fault == "locked"  # the admins' write alert hears of it (bot.db_alerts)
    assert stored == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("database is locked" in m and "where=source add" in m for m in warnings), warnings


@pytest.mark.parametrize("lang", ["ar", "en"])
async def test_a_full_disk_says_free_space(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    answer, (fault, _) = await _addsource(tmp_path, monkeypatch, lang, lambda path: _full)
    full = {"ar": "القرص الذي يحمل قاعدة البيانات ممتلئ",
            "en": "The disk holding the database is full"}[lang]
    assert full in answer and "DATABASE_PATH" in answer, answer
    assert "سبب غير معروف" not in answer and "Unknown reason" not in answer
    assert fault == "full"


def test_every_fault_has_its_words() -> None:
    """error_text of each DatabaseFault names it (never «unknown reason»), in both languages."""
    for message in ("database is locked", "database or disk is full",
                    "database disk image is malformed", "attempt to write a readonly database"):
        exc = as_fault(sqlite3.OperationalError(message))
        assert not isinstance(exc, DatabaseBusy) or "locked" in message
        for lang in ("ar", "en"):
            text = error_text(exc, lang, adding=True)  # type: ignore[arg-type]
            assert text != error_text(SourceError("x"), lang, adding=True), message
