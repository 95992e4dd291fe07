"""QA20 O3 and O6: /stats says how many readers were lost and what they did not get, and that
Telegram's flood wait holds the queue. Real PTB against the emulator, real SQLite."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY, Runtime


def _bare(text: str) -> str:
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


def _ar(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


async def test_stats_counts_the_chats_lost_and_what_they_did_not_get(tmp_path: Path) -> None:
    """Six followers, three lost in a push (blocked, account deleted, «chat not found»): the
    stories they did not get are counted as undelivered (the rate is under 100٪), the chats
    lost have their line, and «المتابعات» counts only the active chats' subscriptions, like
    «محادثات لها متابعات»."""
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        readers = [READER + i for i in range(6)]
        for chat in readers:
            await h.say(chat, "/subscribe الغوطة")
        lost = readers[:3]
        h.emu.block(lost[0], "blocked")
        h.emu.block(lost[1], "deactivated")
        h.emu.fail_next(-1, 400, "Bad Request: chat not found", chat_id=lost[2])
        await h.say(ADMIN, "/push الغوطة")
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 20)
        marks = ",".join("?" * len(lost))
        skipped = h.db.db.execute(f"select count(*) from outbox where status = 'skipped'"
                                  f" and chat_id in ({marks})", lost).fetchone()[0]
        assert skipped >= 3  # every story of the push, for each lost chat
        [m] = await h.say(ADMIN, "/stats")
        text = _bare(m.plain_text)
        assert "محادثات لها متابعات: ٣" in text, text
        assert "• المتابعات: ٣\n" in text, text  # not 6: the lost chats' are apart
        assert f"أخبار لم تُسلَّم لأن المحادثة فُقدت (٢٤ ساعة): {_ar(skipped)}" in text, text
        assert "فُقدت (حظرت البوت" in text and ": ٣، منها ٣ في ٢٤ ساعة؛ متابعاتها (٣)" in text
        rate = re.search(r"نسبة التسليم: ([٠-٩]+)٪", text)
        assert rate is not None and rate.group(1) != "١٠٠", text
        # English, from the same figures (another admin, whose Telegram is in English)
        [m] = await h.say(ADMIN + 1, "/stats", language_code="en")
        text = _bare(m.plain_text)
        assert f"Stories not delivered because the chat was lost (24 h): {skipped}" in text
        assert "Chats lost (blocked the bot" in text and ": 3, 3 of them in 24 h" in text


async def test_stats_without_losses_says_nothing_of_them(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        await h.say(ADMIN, "/push الغوطة")
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 20)
        [m] = await h.say(ADMIN, "/stats")
        text = _bare(m.plain_text)
        assert "فُقدت" not in text and "متوقف" not in text, text
        assert "نسبة التسليم: ١٠٠٪" in text, text


async def test_stats_shows_that_telegrams_flood_wait_holds_the_queue(tmp_path: Path) -> None:
    """A 429 with retry_after=30 on every follower's digest (one chat's alone, while others are
    accepted, holds that chat only: QA27 D1): the sender pauses every send, and /stats says so, with how long and what
    waits."""
    async with running_bot(sample_db(tmp_path)) as h:
        readers = [READER + i for i in range(3)]
        for chat in readers:
            await h.say(chat, "/subscribe الغوطة")
        for chat in readers:
            h.emu.inject_429(1, retry_after=30, chat_id=chat)
        await h.say(ADMIN, "/push الغوطة")
        rt = h.app.bot_data[RUNTIME_KEY]
        assert isinstance(rt, Runtime)
        from bot.stats import paused_seconds

        await h.until(lambda: paused_seconds(rt) > 0, 10)
        [m] = await h.say(ADMIN, "/stats")
        text = _bare(m.plain_text)
        found = re.search(r"⏸ الإرسال متوقف بطلب تيليجرام \(429، حد الإرسال\) لمدة ([٠-٩]+) ثانية"
                          r" أخرى؛ مستحقة الآن: ([٠-٩]+)", text)
        assert found is not None, text
        seconds = int(found.group(1).translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
        assert 20 <= seconds <= 30
        assert "في قائمة الإرسال: ٠" not in text
