"""QA54-6: a mistyped command («/subscripe الغوطه») got «لا أعرف الأمر …» and the whole /help, and
the topic typed after it was lost. The nearest command is now offered as a button that runs it
with the words typed («هل تقصد /subscribe الغوطه؟»); the help stays for a name near nothing. The
real bot against the emulator, real SQLite.
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.command_guess import edits, nearest
from digests import subscriptions

KNOWN = frozenset({"start", "help", "search", "subscribe", "unsubscribe", "topics", "digest",
                   "settings", "zone", "lang"})


def test_the_nearest_command() -> None:
    assert edits("subscripe", "subscribe") == 1 and edits("digset", "digest") == 1  # a swap
    assert nearest("subscripe", KNOWN) == ("subscribe",)
    assert nearest("digets", KNOWN) == ("digest",) and nearest("topcs", KNOWN) == ("topics",)
    assert nearest("foo", KNOWN) == () and nearest("stop", KNOWN) == ()
    assert nearest("push", KNOWN) == ()  # an admin command a reader is not offered


async def test_a_mistyped_command_is_offered_and_run(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [asked] = await h.say(READER, "/subscripe الغوطه")
        text = asked.plain_text.replace("\u200f", "").replace("\u200e", "")
        assert "هل تقصد /subscribe الغوطه؟" in text, text
        assert "/search" not in text  # not the whole help
        assert asked.button_texts() == ["/subscribe الغوطه"]
        [done] = await h.click(asked, "/subscribe الغوطه")
        assert "الغوطه" in done.plain_text or "الغوطة" in done.plain_text, done.plain_text
        topics = [s.topic for s in subscriptions.list_subscriptions(h.db, READER)]
        assert len(topics) == 1 and topics[0].startswith("الغوط"), topics
        # English, and a name near nothing keeps the help
        [asked] = await h.say(READER + 1, "/digets", user=h.user(READER + 1, "en"))
        assert "Did you mean /digest?" in asked.plain_text, asked.plain_text
        got = await h.click(asked, "/digest", n=2)  # «no topics yet» first, then the digest
        assert any("📰" in m.plain_text for m in got), [m.plain_text for m in got]
        [help_text] = await h.say(READER, "/qwertyuiop")
        assert "/search" in help_text.plain_text and "هل تقصد" not in help_text.plain_text
