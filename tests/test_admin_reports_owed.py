"""QA20 O1: the admin's /push report and /ingest answer survive the Bot API's transient errors.

A 502, a 500 or a dropped connection is tried again with a bounded backoff (bot.admin.deliver);
a report that still could not go stays owed in the database (`reported_at` null), and the next
start sends it. Real PTB against the emulator's injected faults, on real SQLite files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from botkit import ADMIN, READER, running_bot, sample_db

from bot import admin, reply_limiter
from digests import sources


def _bare(text: str) -> str:
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


def _reported(db_path: Path, table: str) -> list[object]:
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        return [r[0] for r in conn.execute(f"select reported_at from {table} order by id")]


async def test_a_502_on_the_push_acknowledgement_and_report_is_tried_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One 502 on «📤 …» and one 500 on the final report: both are sent again after a short
    wait, and the push is marked reported only then."""
    monkeypatch.setattr(admin, "TELL_BACKOFF", (0.2, 0.2))
    path = sample_db(tmp_path)
    async with running_bot(path, send_rate_per_second=2.0) as h:
        readers = [READER + i for i in range(4)]
        for chat in readers:
            await h.say(chat, "/subscribe الغوطة")
        before = len(h.emu.messages(ADMIN))
        h.emu.fail_next(1, 502, "Bad Gateway", chat_id=ADMIN)
        h.emu.send_user_message(ADMIN, "/push الغوطة", user=h.user(ADMIN))
        await h.until(lambda: len(h.emu.messages(ADMIN)) > before, 10)
        assert "📤" in h.emu.messages(ADMIN)[before].plain_text
        assert _reported(path, "pushes") == [None]  # the push is still on its way
        h.emu.fail_next(1, 500, "Internal Server Error", chat_id=ADMIN)  # the report's turn
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 20)
        answers = [_bare(m.plain_text) for m in h.emu.messages(ADMIN)[before:]]
        assert len(answers) == 2, answers
        assert answers[1] == "✅ انتهت النشرة — سُلّمت: ٤، فشلت: ٠.", answers
        assert await h.until(lambda: _reported(path, "pushes")[0] is not None, 5)


async def test_a_push_report_the_api_never_took_is_sent_after_the_restart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Bot API answers 502 to every try of the final report: the push stays owed its
    report (`reported_at` null), and the next start sends it, once."""
    monkeypatch.setattr(admin, "TELL_BACKOFF", (0.1, 0.1))
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_DELAY", 0.01)
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_MAX_DELAY", 0.08)  # X69: the cap scaled too
    path = sample_db(tmp_path)
    async with running_bot(path, send_rate_per_second=2.0) as h:
        readers = [READER + i for i in range(4)]
        for chat in readers:
            await h.say(chat, "/subscribe الغوطة")
        [queued] = await h.say(ADMIN, "/push الغوطة")
        assert "📤" in queued.plain_text
        # every try of the report: deliver's three (TELL_BACKOFF's two pauses), each sent
        # REPLY_5XX_TRIES times by the reply limiter (its delay shortened above; each try
        # still takes a slot of the chat's, about a second apart here)
        tries = (len(admin.TELL_BACKOFF) + 1) * reply_limiter.REPLY_5XX_TRIES
        h.emu.fail_next(tries, 502, "Bad Gateway", chat_id=ADMIN)
        await h.until(lambda: not any(f.remaining for f in h.emu._faults),
                      20 + 2 * tries)  # all refused
        await h.settle()
        assert len(h.emu.messages(ADMIN)) == 1  # «📤» only
        assert _reported(path, "pushes") == [None]  # still owed
    async with running_bot(path) as h:
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 20)
        [report] = h.emu.messages(ADMIN)
        assert "✅ انتهت النشرة — سُلّمت: ٤، فشلت: ٠." in _bare(report.plain_text)
        assert await h.until(lambda: _reported(path, "pushes")[0] is not None, 5)
    async with running_bot(path) as h:  # given: not sent again
        await h.settle()
        assert h.emu.messages(ADMIN) == []


async def test_an_ingest_answer_the_api_never_took_is_sent_after_the_restart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same for /ingest: the stored answer stays owed until Telegram takes it."""
    monkeypatch.setattr(admin, "TELL_BACKOFF", (0.1,))
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_DELAY", 0.01)
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_MAX_DELAY", 0.08)  # X69: the cap scaled too
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        for s in sources.list_sources(h.db):
            sources.remove_source(h.db, s.id)  # nothing to fetch: the poll is quick
        # «⏳» twice, the answer twice (deliver's two tries each), each sent REPLY_5XX_TRIES
        # times by the reply limiter (its delay shortened above)
        tries = 2 * (len(admin.TELL_BACKOFF) + 1) * reply_limiter.REPLY_5XX_TRIES
        h.emu.fail_next(tries, 502, "Bad Gateway", chat_id=ADMIN)
        h.emu.send_user_message(ADMIN, "/ingest", user=h.user(ADMIN))
        await h.until(lambda: not any(f.remaining for f in h.emu._faults), 20 + 2 * tries)
        await h.settle()
        assert h.emu.messages(ADMIN) == []
        assert await h.until(lambda: h.db.db.execute(
            "select report from ingest_requests").fetchone()[0], 5)
        assert _reported(path, "ingest_requests") == [None]
    async with running_bot(path) as h:
        await h.until(lambda: h.emu.messages(ADMIN), 20)
        [answer] = h.emu.messages(ADMIN)
        assert _bare(answer.plain_text).startswith("✅ انتهى الجلب"), answer.plain_text
        assert await h.until(lambda: _reported(path, "ingest_requests")[0] is not None, 5)


async def test_a_report_refused_for_good_is_not_owed_forever(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 403 (the admin blocked the bot) is no hiccup: not tried again, and not owed, so the
    next start does not try it once more."""
    monkeypatch.setattr(admin, "TELL_BACKOFF", (0.1,))
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        for s in sources.list_sources(h.db):
            sources.remove_source(h.db, s.id)
        h.emu.block(ADMIN, "blocked")
        h.emu.send_user_message(ADMIN, "/ingest", user=h.user(ADMIN))
        assert await h.until(lambda: _reported(path, "ingest_requests")
                             and _reported(path, "ingest_requests")[0] is not None, 20)
        assert h.emu.messages(ADMIN) == []


async def test_a_report_still_owed_is_sent_by_the_running_bot_once_the_api_is_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The API refuses every try of one round (`TELL_BACKOFF`); the running bot tries the owed
    report again after OWED_PAUSE and, the API back, sends it and marks it given — no restart
    needed."""
    from bot import reply_limiter

    monkeypatch.setattr(admin, "TELL_BACKOFF", (0.1,))
    monkeypatch.setattr(admin, "OWED_PAUSE", 0.5)
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_DELAY", 0.01)
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_MAX_DELAY", 0.08)  # X69: the cap scaled too
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        for s in sources.list_sources(h.db):
            sources.remove_source(h.db, s.id)
        # «⏳» twice, a round of two; each send is tried REPLY_5XX_TRIES times (QA32 R4)
        h.emu.fail_next(4 * reply_limiter.REPLY_5XX_TRIES, 502, "Bad Gateway", chat_id=ADMIN)
        h.emu.send_user_message(ADMIN, "/ingest", user=h.user(ADMIN))
        await h.until(lambda: h.emu.messages(ADMIN), 20)
        [answer] = h.emu.messages(ADMIN)
        assert _bare(answer.plain_text).startswith("✅ انتهى الجلب"), answer.plain_text
        assert await h.until(lambda: _reported(path, "ingest_requests")[0] is not None, 5)
