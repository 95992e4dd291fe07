"""X114 (QA71-9): «/latest», the command a subscriber is likely to try for the news, got «لا
أعرف الأمر /latest.» and the whole help: it is no edit or two from any command. The names other
news bots use for one of ours (bot.command_guess.MEANINGS) are now offered it as a near name is:
«هل تقصد /digest؟» with the button that runs it. The real bot against the emulator, real SQLite.
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.command_guess import meant

KNOWN = frozenset({"start", "help", "search", "subscribe", "unsubscribe", "topics", "digest",
                   "settings", "zone", "lang"})


def _plain(text: str) -> str:
    return text.replace("\u200f", "").replace("\u200e", "")


def test_other_bots_names_mean_ours() -> None:
    assert meant("latest", KNOWN) == ("digest",) and meant("news", KNOWN) == ("digest",)
    assert meant("follow", KNOWN) == ("subscribe",) and meant("unfollow", KNOWN) == (
        "unsubscribe",)
    assert meant("find", KNOWN) == ("search",) and meant("tz", KNOWN) == ("zone",)
    assert meant("foo", KNOWN) == () and meant("follow", frozenset({"digest"})) == ()


async def test_latest_is_offered_the_digest(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [asked] = await h.say(READER, "/latest")
        text = _plain(asked.plain_text)
        assert "لا أعرف الأمر /latest. هل تقصد /digest؟" in text, text
        assert "/search" not in text  # not the whole help
        assert asked.button_texts() == ["/digest"]
        got = await h.click(asked, "/digest", n=2)  # «no topics yet» first, then the digest
        assert any("📰" in m.plain_text for m in got), [m.plain_text for m in got]
        # English; the words typed after it go with it
        [asked] = await h.say(READER + 1, "/follow Ghouta", user=h.user(READER + 1, "en"))
        assert "Did you mean /subscribe Ghouta?" in _plain(asked.plain_text), asked.plain_text
