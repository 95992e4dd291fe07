"""QA48 R6: /digest's intro («لا تتابع أي موضوع بعد؛ هذه أحدث الأخبار…») answered late by
Telegram (PTB's TimedOut: it was most likely delivered) no longer ends the answer there: the
digest it promises follows, and the intro is not sent twice. The real bot against the emulator,
whose `slow_next` records the message, then answers after the bot's read timeout."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.app as app_module
from bot.i18n import t
from tests.botkit import READER, running_bot, sample_db


async def test_a_late_intro_is_followed_by_the_digest(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "READ_TIMEOUT_SECONDS", 0.5)
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/digest", n=2)  # the whole answer, on time: intro and digest
        await h.settle()
        on_time = h.emu.messages(READER)
        assert len(on_time) >= 2, [m.plain_text for m in on_time]
        before = len(h.emu.messages(READER))
        h.emu.slow_next(1, 1.5)  # the intro is recorded, its HTTP answer comes 1.5 s late
        h.emu.send_user_message(READER, "/digest")
        await h.until(lambda: len(h.emu.messages(READER)) >= before + len(on_time), 15)
        await h.settle()
        late = [m.plain_text for m in h.emu.messages(READER)[before:]]
    assert late == [m.plain_text for m in on_time], late  # intro once, then the digest
    assert not any(t("error", "ar").split("،")[0] in x for x in late)
