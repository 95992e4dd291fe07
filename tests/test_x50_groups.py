"""Brief X50 (4): a member's /topics in a supergroup the bot has not yet learnt is the group it
followed topics in (no service message, no send's 400 yet) was answered «no topics». Now the
supergroup's first update moves the group's rows first (bot.chat_moves): getChat of the stored
group of the same title answers 400 migrate_to_chat_id (the emulator answers getChat of an
upgraded group as Telegram does, QA49 M10). Real PTB against the emulator."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from botkit import BotHarness, running_bot, sample_db

from bot.emulator import User
from bot import zones
from digests import subscriptions

OLD, NEW, OTHER = -4100, -1004100, -1004200


async def _group_following(h: BotHarness) -> User:
    admin = User(id=5101, first_name="GA", language_code="en")
    h.emu.add_group(OLD, "أخبار الحي", admins=[admin.id], type="group")
    h.emu.chat_member_update(OLD, new_status="member", old_status="left", user=admin)
    await h.emu.await_messages(OLD, 1, timeout=15)  # the welcome
    await h.say(OLD, "/subscribe الغوطة", user=admin)
    await h.say(OLD, "/subscribe حلب", user=admin)
    zones.set_zone(h.db, OLD, "Europe/London", datetime.now(timezone.utc))
    # English chosen for the group (/lang en; since X86 not the adding admin's app language)
    h.db.db.execute("update chats set language = 'en' where id = ?", [OLD])
    return admin


async def test_topics_in_a_supergroup_not_yet_learnt_lists_the_groups_topics(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _group_following(h)
        h.emu.migrate(OLD, NEW)  # upgraded; the bot got no service message
        [answer] = await h.say(NEW, "/topics", user=User(id=5102, first_name="m"))
        text = answer.plain_text
        assert "الغوطة" in text and "حلب" in text and "لا تتابع" not in text, text
        assert subscriptions.get_chat(h.db, OLD) is None
        moved = subscriptions.get_chat(h.db, NEW)
        assert moved is not None and moved.type == "supergroup" and moved.language == "en"
        assert sorted(s.topic for s in subscriptions.list_subscriptions(h.db, NEW)) == \
            ["الغوطة", "حلب"]
        assert h.emu.chats_asked() == [OLD]
        # the next update finds the row: Telegram is not asked again
        await h.say(NEW, "/topics", user=User(id=5103, first_name="n"))
        assert h.emu.chats_asked() == [OLD]


async def test_a_new_supergroup_of_another_title_asks_telegram_nothing(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _group_following(h)
        h.emu.add_group(OTHER, "مجموعة أخرى")
        await h.say(OTHER, "/topics", user=User(id=5104, first_name="o"))
        assert h.emu.chats_asked() == []
        # a same-titled supergroup that is not the group's successor moves nothing
        h.emu.add_group(NEW, "أخبار الحي")
        [answer] = await h.say(NEW, "/topics", user=User(id=5105, first_name="p"))
        assert h.emu.chats_asked() == [OLD] and "حلب" not in answer.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, OLD)] != []
