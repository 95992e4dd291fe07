"""QA65-3 (S2): /subscribe with more topics than one message takes (digests.several_topics.
MAX_TOPICS, 10) followed the first 10 and said nothing of the rest; the 50-topic limit said
«cannot follow more than 50 topics» and nothing of what to do. Now the answer says how many were
not followed and why (send the rest in another message), and the limit says to stop following
one first (/topics), naming what it left out. Arabic and English, group-safe wording
(tests/test_bot_following checks every string).

Real parts: the bot against the emulator (tests/botkit.py), a real SQLite archive.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions
from digests.several_topics import MAX_TOPICS


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def _names(n: int, start: int = 0) -> list[str]:
    return [f"موضوع{i}" for i in range(start, start + n)]


async def test_topics_past_one_message_s_cut_are_said_not_followed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "/subscribe " + "، ".join(_names(12)))
        [en] = await h.say(READER + 1, "/subscribe " + ", ".join(_names(300)),
                           language_code="en")
        followed = len(subscriptions.list_subscriptions(h.db, READER))
    text = _plain(ar.plain_text)
    assert followed == MAX_TOPICS
    assert "تمت متابعة ١٠ مواضيع" in text, text
    # QA70-1: the ones left are named, their count agrees with its noun
    assert "ولم أتابع موضوعين بعدها: «موضوع10»، «موضوع11». أتابع ١٠ مواضيع على الأكثر من رسالة " \
        "واحدة؛ أرسل الباقي في رسالة أخرى." in text, text
    assert "The other 290 topics were not followed: «موضوع10», " in _plain(en.plain_text), en.plain_text
    assert "«موضوع19», … At most 10 topics are followed from one message; send the rest in " \
        "another message." in _plain(en.plain_text), en.plain_text


async def test_the_limit_says_what_was_left_and_what_to_do(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/topics")  # the chat exists
        for name in _names(48, 100):
            subscriptions.subscribe(h.db, READER, name, now=now)
        [several] = await h.say(READER, "/subscribe " + "، ".join(_names(5)))
        [one] = await h.say(READER, "/subscribe الغوطة")
        subscriptions.set_language(h.db, READER, "en")
        [en] = await h.say(READER, "/subscribe الغوطة")
    text = _plain(several.plain_text)
    assert "موضوعين" in text and "«موضوع0»" in text and "«موضوع1»" in text, text
    assert "لا يمكن متابعة أكثر من ٥٠ موضوعًا. ألغِ متابعة موضوع أولًا: /topics" in text, text
    assert "ولم أتابع ٣ مواضيع بعدها: «موضوع2»، «موضوع3»، «موضوع4»." in text, text
    assert "ألغِ متابعة موضوع أولًا: /topics" in _plain(one.plain_text), one.plain_text
    assert "Stop following one first: /topics" in en.plain_text, en.plain_text
