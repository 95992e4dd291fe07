"""X100 (QA67-6, -7, -9, -10, -12, -13): the operator's and reader's wording in both languages —
/stats's last-wave count standing alone («— محادثتان»), English /push examples, a digest
header's count of the topics it does not name, the welcome's zone line. Real bot against the
Telegram emulator (tests/botkit.py) where a whole message is meant, pure functions otherwise."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from botkit import ADMIN, READER, running_bot, sample_db


async def test_stats_says_two_chats_in_the_nominative(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.push_to((READER, READER + 1))
        [stats] = await h.say(ADMIN, "/stats")
        line = stats.plain_text.split("آخر إرسال لخبر")[1].split("\n")[0]
        assert line.endswith("— محادثتان"), line


async def test_a_groups_help_keeps_the_operators_commands_private(tmp_path: Path) -> None:
    from bot.emulator import User
    group = -100967
    operator = User(id=ADMIN, first_name="A", language_code="ar")
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(group, type="supergroup", title="مجموعة", admins=[ADMIN])
        [in_group] = await h.say(group, "/help", user=operator)
        for command in ("/push", "/addsource", "/ingest", "/stats", "/removesource"):
            assert command not in in_group.plain_text, (command, in_group.plain_text)
        assert "مشغّل البوت" not in in_group.plain_text
        [private] = await h.say(ADMIN, "/help", user=operator)
        assert "أوامر مشغّل البوت:" in private.plain_text and "/addsource" in private.plain_text


def test_english_push_answers_give_an_english_example() -> None:
    from bot.i18n import t
    for key in ("push_no_followers", "push_unreadable_topic"):
        assert t(key, "en").endswith("/push Ghouta"), t(key, "en")
        assert t(key, "ar").endswith("/push الغوطة"), t(key, "ar")


@pytest.mark.parametrize(("n", "arabic"), [
    (4, "«أ»، «ب»، «ج» وموضوع آخر"), (5, "«أ»، «ب»، «ج» وموضوعان آخران"),
    (6, "«أ»، «ب»، «ج» و٣ مواضيع أخرى"), (13, "«أ»، «ب»، «ج» و١٠ مواضيع أخرى"),
    (14, "«أ»، «ب»، «ج» و١١ موضوعًا آخر"), (103, "«أ»، «ب»، «ج» و١٠٠ موضوع آخر"),
])
def test_a_header_counts_the_topics_it_does_not_name_with_their_noun(n: int, arabic: str) -> None:
    from bot.i18n import topic_list
    topics = ["أ", "ب", "ج"] + [f"م{i}" for i in range(n - 3)]
    assert topic_list(topics, "ar", limit=3) == arabic
    assert topic_list(topics, "en", limit=3).endswith(f" and {'one' if n == 4 else n - 3} more")


def test_the_utc_welcome_line_has_no_stray_conjunction() -> None:
    from bot.i18n import t
    assert t("zone_hint_utc", "ar").startswith(
        "🌐 الأوقات (النشرة اليومية وساعات الهدوء) بالتوقيت العالمي (UTC). ")


def test_a_push_says_its_stories_per_chat_in_words() -> None:
    from bot.i18n import t
    assert t("push_queued", "ar", chats="٣", stories=t("push_stories_range", "ar", low="١",
                                                       high="٢")) == (
        "📤 النشرة في قائمة الإرسال — المحادثات: ٣، الأخبار لكل محادثة: من ١ إلى ٢.")
    assert t("push_queued", "en", chats="3 chats", stories="1 to 2 stories") == (
        "📤 Digest queued: 3 chats, 1 to 2 stories per chat.")
    assert t("choose_lang", "en").startswith("Choose the language / ")


def test_a_zone_after_an_hour_has_no_bracket_in_a_bracket() -> None:
    from zoneinfo import ZoneInfo

    from bot.i18n import t
    from bot.source_alerts import zone_said
    now = datetime(2026, 12, 1, 4, 55, tzinfo=UTC)
    assert zone_said(ZoneInfo("Asia/Riyadh"), now, "ar") == "بتوقيت السعودية (UTC+3)"
    assert zone_said(UTC, now, "ar") == "بالتوقيت العالمي (UTC)"
    assert zone_said(UTC, now, "en") == "UTC"
    note = t("subscribed_quiet", "ar", hour="٧:٠٠ بالتوقيت العالمي (UTC)")
    assert note.endswith("عند ٧:٠٠ بالتوقيت العالمي (UTC)؛ لتغييرها: /settings."), note
    assert ") (" not in t("source_down_alert", "ar", name="س", id=1, number="١", since="أمس",
                           when="١ مارس الساعة ١:٣٠ بتوقيت السعودية (UTC+3)", failures="٥",
                           error="خطأ")
