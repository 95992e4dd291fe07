"""X69 (5, QA43 C5): a minute's Bot API outage (every send answered 502 for 60 s) no longer drops
the answer to a command: the bounded retry of bot.reply_limiter covers 90 s. Real PTB against
the emulator's timed outage, the retry's delays and the outage scaled down by the same factor
(1/20): 60 s → 3 s. Before (six tries in 23 s → 1.15 s) the admin got nothing. No apology is
added (X66 C4): one answer, the figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db

from bot import reply_limiter

SCALE = 20.0


async def test_a_stats_answer_outlasts_a_60_second_outage(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_DELAY", reply_limiter.REPLY_5XX_DELAY / SCALE)
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_MAX_DELAY",
                        reply_limiter.REPLY_5XX_MAX_DELAY / SCALE)
    async with running_bot(sample_db(tmp_path)) as h:
        before = len(h.emu.messages(ADMIN))
        h.emu.outage(60.0 / SCALE)
        h.emu.send_user_message(ADMIN, "/stats")
        await h.emu.await_messages(ADMIN, before + 1, timeout=20)
        await h.settle()
        answers = h.emu.messages(ADMIN)[before:]
        refused = len(h.emu.refusals(502))
    assert len(answers) == 1 and "📊" in answers[0].plain_text, [a.plain_text for a in answers]
    assert 2 <= refused < reply_limiter.REPLY_5XX_TRIES, refused
