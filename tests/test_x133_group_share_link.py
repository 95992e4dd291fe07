"""QA76-14 (X133): in a group, a member's share link to a topic the archive has no news of
posted the «press to follow» question to the whole group, though every press of it (and every
other link of theirs) is refused «admins only». Now the member's link is refused at once, as
the follow would be; an admin's link still asks. The real bot against the emulator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from bot.deep_links import encode_start_payload
from digests import subscriptions

GROUP, MEMBER = -100301, 2080
ADMINS_ONLY = "مشرفو المجموعة وحدهم"


async def test_a_members_link_to_a_topic_without_news_is_refused_not_asked(
        tmp_path: Path) -> None:
    link = "/start " + encode_start_payload("بريكست")
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(GROUP, "Levant news club", admins=[ADMIN])
        subscriptions.upsert_chat(h.db, GROUP, now=datetime.now(UTC), type="supergroup")
        [answer] = await h.say(GROUP, link, user=h.user(MEMBER))
        await h.settle()
        said = [m.plain_text.replace("\u200f", "") for m in h.emu.messages(GROUP)]
        assert ADMINS_ONLY in said[-1], said
        assert not any("يطلب هذا الرابط" in text for text in said), said
        assert not any(b.startswith("🔔") for m in h.emu.messages(GROUP) for b in m.button_texts())
        # the group's admin is still asked
        [asked] = await h.say(GROUP, link, user=h.user(ADMIN))
        assert "يطلب هذا الرابط متابعة «بريكست»" in asked.plain_text, asked.plain_text
        assert asked.button_texts() == ["🔔 تابع «بريكست»"]
        assert not subscriptions.list_subscriptions(h.db, GROUP)
