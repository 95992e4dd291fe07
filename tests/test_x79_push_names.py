"""X79 (QA51 L4): `/push Real Madrid` answered «Nobody follows «Real Madrid»; no digest was
sent.» while two chats followed «ريال مدريد»: /subscribe, /unsubscribe and search read an
English name as its Arabic topic (digests.topic_names.arabic_topic), /push did not. The real
bot (PTB) against the emulator, on the sample archive in real SQLite."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

_MARKS = str.maketrans("", "", "\u200e\u200f\u2066\u2067\u2069")


async def test_push_takes_the_english_name_of_a_followed_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe Ghouta", language_code="en")
        await h.say(READER + 1, "/subscribe الغوطة")
        await h.say(ADMIN, "/lang en", language_code="en")
        [none] = await h.say(ADMIN, "/push Kirkuk", language_code="en")
        # named as every English answer names a topic (QA51 L6)
        assert none.plain_text.translate(_MARKS) == (
            "Nobody follows «Kirkuk (كركوك)»; no digest was sent."), none.plain_text
        [queued] = await h.say(ADMIN, "/push Ghouta", language_code="en")
        assert "📤 Digest queued: 2 chats" in queued.plain_text, queued.plain_text
        assert h.db.db.execute("select topic from pushes").fetchall() == [("الغوطة",)]
        await h.until(lambda: any("الغوطة" in m.plain_text for m in h.emu.messages(READER)[1:]),
                      15)


async def test_an_arabic_admin_may_push_by_the_english_name_too(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        [queued] = await h.say(ADMIN, "/push ghouta")
        assert "المحادثات: ١" in queued.plain_text, queued.plain_text
        [none] = await h.say(ADMIN, "/push Idleb")  # no such name: nobody can follow it
        assert "لا أحد يتابع «Idleb»" in none.plain_text.translate(_MARKS), none.plain_text
