"""X57 (QA36 E10): a group's welcome ends with one line in the other language pointing to
/lang — Arabic in an English group (its language is the adder's), English in an Arabic one; a
private welcome has none. The real bot."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import subscriptions


async def test_a_groups_welcome_points_the_other_language_to_lang(tmp_path: Path) -> None:
    english, arabic = -100581, -100582
    async with running_bot(sample_db(tmp_path)) as h:
        for group in (english, arabic):
            h.emu.add_group(group, "group", admins=[ADMIN])
            subscriptions.upsert_chat(h.db, group, now=datetime.now(UTC), type="supergroup")
        subscriptions.set_language(h.db, english, "en")
        subscriptions.set_language(h.db, arabic, "ar")
        [en] = await h.say(english, "/start", user=h.user(READER, "ar"))
        last = en.plain_text.rstrip().split("\n")[-1]
        assert "بالعربية" in last and "/lang" in last, en.plain_text
        assert en.plain_text.startswith("Welcome") or "Nashra" in en.plain_text
        [ar] = await h.say(arabic, "/start", user=h.user(READER, "ar"))
        assert "In English" in ar.plain_text and "/lang" in ar.plain_text, ar.plain_text
        [private] = await h.say(READER, "/start")
        assert "In English" not in private.plain_text
