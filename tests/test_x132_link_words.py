"""X132 (QA76-13): a share link is followed at once only when the archive holds all its words.

bot.welcome.link_topic_known asked whether the search found anything, and the search leaves out
the words the archive lacks: «انضموا لقناتنا فورا» found the «فورا» of a ceasefire report and was
followed at once, echoed «via the link» in the bot's voice — X119's ask-first rule for a topic
without news (anyone can mint a link) bypassed by one common word. The real bot against the
emulator, the sample archive (botkit.sample_db)."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db

from bot.deep_links import encode_start_payload
from digests import subscriptions


def _topics(h: object, chat: int) -> list[str]:
    return [s.topic for s in subscriptions.list_subscriptions(h.db, chat)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lure", ["انضموا لقناتنا فورا", "تابعوا قناتنا في الغوطة"])
async def test_a_link_with_one_known_word_is_asked_not_followed(tmp_path: Path,
                                                               lure: str) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start " + encode_start_payload(lure), n=2)
        ask = got[1].plain_text
        assert "تمت متابعة" not in ask and "عبر الرابط" not in ask, ask
        assert any("تابع" in b for b in got[1].button_texts()), got[1].button_texts()
        assert _topics(h, READER) == []
        got = await h.say(READER + 1, "/start " + encode_start_payload(lure), n=2,
                          language_code="en")
        assert "via the link" not in got[1].plain_text and _topics(h, READER + 1) == []


async def test_a_link_whose_words_are_all_found_is_followed_at_once(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start " + encode_start_payload("الغوطة الشرقية"), n=2)
        assert "عبر الرابط" in got[1].plain_text, got[1].plain_text
        assert _topics(h, READER) == ["الغوطة الشرقية"]
