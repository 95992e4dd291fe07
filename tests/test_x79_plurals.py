"""X79 (QA51 L11): English counts with their noun in the right number — «📤 Digest queued: 1
chats, 5 stories.» and /stats' «Last story sent: … — 1 chats» read «1 chat» now (bot.i18n.counted;
the Arabic wording, the number after its label, is unchanged). The real bot (PTB) and sender
against the emulator, on the sample archive in real SQLite."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

_MARKS = str.maketrans("", "", "\u200e\u200f\u2066\u2067\u2069")


async def test_one_chat_is_one_chat(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        await h.say(ADMIN, "/lang en", language_code="en")
        [queued] = await h.say(ADMIN, "/push الغوطة", language_code="en")
        text = queued.plain_text.translate(_MARKS)
        assert re.fullmatch(r"📤 Digest queued: 1 chat, (1 story|(?!1 )\d+ stories) per chat\.",
                            text), text
        await h.until(lambda: "finished" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        [stats] = await h.say(ADMIN, "/stats", language_code="en")
        lines = [x for x in stats.plain_text.translate(_MARKS).split("\n")
                 if x.startswith("• Last story sent")]
        assert len(lines) == 1 and lines[0].endswith(" — 1 chat"), stats.plain_text
