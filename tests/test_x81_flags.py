"""QA54-2: a repeated flag at the end of a query («الغوطه الشرقيه 🇸🇾🇸🇾») was its country twice,
«… سوريا سوريا»: two more required words in the search, and in the topic «🔔 تابع» then stored.
A country is now written once, and not at all beside its written name. The real bot against the
emulator, real SQLite (the sample site's articles).
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions
from digests.named_questions import flags_named


def test_a_country_is_written_once() -> None:
    assert flags_named("الغوطه الشرقيه 🇸🇾🇸🇾") == "الغوطه الشرقيه سوريا"
    assert flags_named("🇸🇾 حلب 🇸🇾") == "سوريا حلب"
    assert flags_named("سوريا 🇸🇾") == "سوريا"  # named already
    assert flags_named("🇪🇬 انتخابات") == "مصر انتخابات"  # QA33 S4 kept
    assert flags_named("🇸🇾 🇱🇧 حدود") == "سوريا لبنان حدود"  # two countries, both


async def test_a_doubled_flag_is_searched_and_followed_once(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [answer] = await h.say(READER, "الغوطه الشرقيه 🇸🇾🇸🇾")
        assert "سوريا سوريا" not in answer.plain_text, answer.plain_text
        await h.click(answer, "🔔 تابع هذا الموضوع", n=0)
        await h.settle()
        topics = [s.topic for s in subscriptions.list_subscriptions(h.db, READER)]
        # followed as the words asked, the country once (the follow path may split the names)
        assert topics and not any("سوريا سوريا" in topic for topic in topics), topics
        # at most once: since X85 (QA57-3) a flag only restating where Ghouta is adds no word
        assert " ".join(topics).count("سوريا") <= 1, topics
