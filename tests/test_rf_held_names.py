"""Review RF of X80 (7dd3e13: the held line's durations) and X82 (dba2b5b: the push's held note):
the held chats are named as an Arabic list in Arabic. held_line and push_held_note joined them
with the English comma and counted the rest in Latin digits inside the Arabic line: «⏸ موقوفة …:
«ق1» (ساعتين), «ق2» (ساعتين) … +1.». Now «، » and «+١» in Arabic; ", " and "+1" in English.
The real /stats against the emulator, real SQLite (six held channels).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from bot.chat_holds import hold_chat
from bot.runtime import RUNTIME_KEY
from digests import subscriptions


async def test_held_chats_are_an_arabic_list(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        rt_now = h.app.bot_data[RUNTIME_KEY].now()
        for i in range(6):
            chat = -1001000 - i
            subscriptions.upsert_chat(h.db, chat, now=rt_now - timedelta(hours=2), type="channel",
                                      title=f"ق{i + 1}")
            hold_chat(h.db, chat, "Forbidden: need administrator rights in the channel chat",
                 rt_now - timedelta(hours=2))
        [stats] = await h.say(ADMIN, "/stats")
    line = next(x for x in stats.plain_text.split("\n") if "موقوفة" in x)
    assert line.count("، «") == 4 and ", «" not in line, line  # before: the English comma
    assert "+١" in line and "+1" not in line, line  # before: Latin digits
