"""QA54-7: any member of a group could post the whole digest (3,681 characters, 63 lines) to its
40 people, and again. As with the group's topics and settings, its admins now choose: a member's
/digest (and «@bot آخر الأخبار», the same answer) gets one line, in the member's language, saying
to ask in a private chat; an admin's /digest is answered as before. The real bot against the
emulator, real SQLite.
"""

from __future__ import annotations

from pathlib import Path

from botkit import running_bot, sample_db

from bot.emulator import User

GROUP = -100500
DAUGHTER, MEMBER, ENGLISH = 1000, 3000, 3001


async def test_only_a_groups_admins_post_its_digest(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(GROUP, "العائلة", admins=[DAUGHTER])
        [said] = await h.say(GROUP, "/digest", user=User(id=MEMBER, first_name="m",
                                                         language_code="ar"))
        assert "يطلب النشرة مشرفو المجموعة وحدهم" in said.plain_text, said.plain_text
        assert len(said.plain_text) < 300 and "📰" not in said.plain_text
        [said] = await h.say(GROUP, "/digest", user=User(id=ENGLISH, first_name="e",
                                                         language_code="en"))
        assert "only the group's admins ask for the digest" in said.plain_text, said.plain_text
        [said] = await h.say(GROUP, "/search آخر الأخبار", user=User(id=MEMBER, first_name="m",
                                                                   language_code="ar"))
        assert "مشرفو المجموعة وحدهم" in said.plain_text, said.plain_text
        got = await h.say(GROUP, "/digest", user=User(id=DAUGHTER, first_name="d",
                                                      language_code="ar"), n=2)
        assert any("📰" in m.plain_text and len(m.plain_text) > 300 for m in got), [
            m.plain_text[:80] for m in got]


async def test_a_members_bare_zone_and_settings_show_what_is_set(tmp_path: Path) -> None:
    """QA54-15: a member's bare /zone and /settings showed the full pickers (31 buttons), each
    press refused with an alert; now what is set and who changes it, without buttons."""
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(GROUP, "العائلة", admins=[DAUGHTER])
        member = User(id=MEMBER, first_name="m", language_code="ar")
        [said] = await h.say(GROUP, "/zone", user=member)
        assert "التوقيت الآن: السعودية (UTC+3)" in said.plain_text.replace("\u200e", "")
        assert "مشرفو المجموعة وحدهم" in said.plain_text and not said.button_texts()
        [said] = await h.say(GROUP, "/settings", user=member)
        assert "مشرفو المجموعة وحدهم" in said.plain_text and not said.button_texts()
        [said] = await h.say(GROUP, "/settings", user=User(id=DAUGHTER, first_name="d",
                                                           language_code="ar"))
        assert said.button_texts()  # the admin's menu
