"""QA54-1 (S1): «اخبار امبارح» on a day that had no news. The real bot against the emulator, real
SQLite (the sample site's articles, dated 9 February to 11 March 2018), a pinned clock.

`bot.stories.latest_digests` fell back to the newest stories stored when the day's window was
empty, and `bot.my_digest.send_days_news` still headed them «📰 أخبار أمس — <date>»: last week's
news arrived labelled as yesterday's (after a quiet day or a sources' outage). The answer now says
that day had nothing and shows the latest under a title that claims no day.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY


def _plain(message: object) -> str:
    """The text without the bidi marks that keep its runs in order."""
    return str(getattr(message, "plain_text", message)).replace("\u200e", "").replace(
        "\u200f", "")


async def _asked(clock: datetime, text: str, tmp_path: Path, user_lang: str = "ar") -> str:
    tmp_path.mkdir(parents=True, exist_ok=True)
    async with running_bot(sample_db(tmp_path)) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: clock
        [answer] = await h.say(READER, text, user=h.user(READER, user_lang))
        return _plain(answer)


async def test_yesterday_without_news_is_said_not_claimed(tmp_path: Path) -> None:
    # 20 March 2018 12:00 UTC: the newest sample story is of 11 March; 19 March had none
    for n, asked in enumerate(("اخبار امبارح", "شو صار امبارح")):
        text = await _asked(datetime(2018, 3, 20, 12, tzinfo=UTC), asked, tmp_path / str(n))
        assert "أخبار أمس — ١٩ مارس ٢٠١٨" not in text, text  # the old headline, over old news
        assert text.startswith("📰 لم تصلني أخبار أمس (١٩ مارس ٢٠١٨)؛ هذه أحدث الأخبار:"), text
        assert "١١ مارس ٢٠١٨" in text  # the latest stories still follow


async def test_yesterday_without_news_in_english(tmp_path: Path) -> None:
    text = await _asked(datetime(2018, 3, 20, 12, tzinfo=UTC), "what happened yesterday",
                        tmp_path, "en")
    assert "Yesterday's news — 19 March 2018" not in text, text
    assert text.startswith("📰 No news reached me yesterday (19 March 2018); here is the latest:")


async def test_a_day_with_news_keeps_its_title(tmp_path: Path) -> None:
    # 6 March 12:00 UTC: yesterday in Riyadh is 5 March (three stories): unchanged
    text = await _asked(datetime(2018, 3, 6, 12, tzinfo=UTC), "اخبار امبارح", tmp_path)
    assert text.startswith("📰 أخبار أمس — ٥ مارس ٢٠١٨"), text
    assert "لم تصلني" not in text
