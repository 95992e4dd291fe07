"""X79 (QA51 L7): in an English group an Arabic member's typed «/subscribe الغوطة» was refused in
English, the same member's press of a settings button in Arabic (QA49 M6). One rule now: a
refusal that concerns the sender alone is in the sender's language, typed or pressed. The real
bot (PTB) against the emulator, real SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import subscriptions

GROUP, MEMBER = -100793, 6006
ARABIC = "في المجموعات، يغيّر الإعدادات والمتابعات مشرفو المجموعة وحدهم."


async def test_a_member_is_refused_in_their_language_typed_or_pressed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(GROUP, "Levant news club", admins=[ADMIN])
        subscriptions.upsert_chat(h.db, GROUP, now=datetime.now(UTC), type="supergroup")
        subscriptions.set_language(h.db, GROUP, "en")
        member = h.user(MEMBER, "ar")
        [typed] = await h.say(GROUP, "/subscribe الغوطة", user=member)
        assert ARABIC in typed.plain_text.replace("\u200f", ""), typed.plain_text
        [menu] = await h.say(GROUP, "/settings", user=h.user(ADMIN, "en"))
        pressed = await h.click_answer(menu, menu.button_texts()[0], user=member)
        assert pressed.get("show_alert") and ARABIC in pressed["text"], pressed
        [english] = await h.say(GROUP, "/subscribe سوريا", user=h.user(MEMBER + 1, "en"))
        assert "only the group's admins" in english.plain_text, english.plain_text
        assert not subscriptions.list_subscriptions(h.db, GROUP)
