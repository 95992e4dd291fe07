"""Brief X75 item 7 (QA48 R12): with every source muted, /digest said «You follow no topic yet;
here are the latest stories.» then «No recent news on your topics right now.» — a promise, then
topics the reader does not have; inline gave 0 results with no hint. Now one clear answer, like
the search's («كل ما وجدته … من مصادر مكتومة»), in Arabic and in English; a day's news says it
too, and inline's button says so. The real bot on the emulator; real SQLite (X61's archive)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot
from test_x61_digest_mutes import _archive

import pytest

from bot.emulator import Emulator, User
from bot.reader_sources import set_muted
from bot.runtime import RUNTIME_KEY

ENGLISH = 7070


def _spy_buttons(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The `button` of each answerInlineQuery, by query id, as the bot sent it (the emulator
    keeps the results only)."""
    buttons: dict[str, object] = {}
    real = Emulator._answer_inline_query

    def answer(self: Emulator, params: dict[str, object]) -> bool:
        buttons[str(params.get("inline_query_id", ""))] = params.get("button")
        return real(self, params)

    monkeypatch.setattr(Emulator, "_answer_inline_query", answer)
    return buttons


async def test_every_source_muted_is_said_once(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    buttons = _spy_buttons(monkeypatch)
    path = tmp_path / "nashra.db"
    now = datetime.now(timezone.utc)
    _archive(path, now)
    async with running_bot(path) as h:
        await h.say(READER, "/start")
        await h.say(ENGLISH, "/start", language_code="en")
        await h.settle()
        for chat in (READER, ENGLISH):
            set_muted(h.db, chat, [1, 2, 3], True, now)
        before = len(h.emu.messages(READER))
        [ar] = await h.say(READER, "/digest")
        await h.settle()
        assert len(h.emu.messages(READER)) == before + 1  # one answer (before: two)
        assert "مصادر مكتومة" in ar.plain_text and "/settings" in ar.plain_text, ar.plain_text
        assert "أحدث الأخبار" not in ar.plain_text and "مواضيعك" not in ar.plain_text
        [en] = await h.say(ENGLISH, "/digest", language_code="en")
        assert "sources muted in this chat" in en.plain_text, en.plain_text
        assert "topic" not in en.plain_text.lower()
        # «اخبار اليوم» asks for the news now: /digest's answer (bot.answers, 0 days back)
        [day] = await h.say(READER, "اخبار اليوم")
        assert "مصادر مكتومة" in day.plain_text, day.plain_text
        # inline: no result, and a button that says why
        query = h.emu.inline_query("", user=User(READER))
        assert not (await h.emu.await_inline_answer(query, timeout=10))["results"]
        assert "مصادر مكتومة" in str(buttons[query]), buttons  # before: no button
        query = h.emu.inline_query("معرض الكتاب", user=User(ENGLISH, language_code="en"))
        assert not (await h.emu.await_inline_answer(query, timeout=10))["results"]
        assert "muted source" in str(buttons[query]), buttons  # before: «No results»
        # a reader who mutes nothing still gets the stories
        got = await h.say(READER + 9, "/digest", n=2)
        assert "مكتومة" not in got[-1].plain_text


async def test_a_days_news_all_muted_says_so(tmp_path: Path) -> None:
    """A past day's news (bot.my_digest.send_days_news, «اخبار الامس») whose every story is in
    the chat's muted sources says the same one line. The bot's clock is pinned at noon in
    Riyadh, so the archive's stories are yesterday's whatever the hour the suite runs at."""
    now = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
    path = tmp_path / "nashra.db"
    _archive(path, now - timedelta(days=1))  # 09:00-11:00 Riyadh, the day before
    async with running_bot(path) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: now
        await h.say(READER, "/start")
        set_muted(h.db, READER, [1, 2, 3], True, now)
        [day] = await h.say(READER, "اخبار الامس")
        # before: «لا أخبار جديدة في مواضيعك الآن.»
        assert "مصادر مكتومة" in day.plain_text, day.plain_text
        [other] = await h.say(READER + 9, "اخبار الامس")  # mutes nothing: yesterday's stories
        assert "مكتومة" not in other.plain_text and "أمس" in other.plain_text, other.plain_text
