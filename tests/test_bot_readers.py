"""Reader stories end to end: the real PTB Application against the emulator, sample news."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st
from botkit import ADMIN, READER, running_bot, sample_db
from telegram_html import check_message

from bot import answers, deep_links
from bot.emulator import SentMessage
from bot.i18n import READER_COMMANDS, format_date
from digests import subscriptions
from digests.models import iso
from digests.search import search
from digests.storage import Database


def _ok(messages: list[SentMessage]) -> None:
    for m in messages:
        assert check_message(m.text) == [], m.text


async def test_start_welcomes_in_arabic_with_example_topic_buttons(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "/start")
        _ok([msg])
        assert "أهلًا بك في" in msg.plain_text
        assert "الغوطة" in msg.button_texts()
        # pressing an example topic asks about it
        [answer] = await h.click(msg, "الغوطة")
        _ok([answer])
        assert "نتائج «الغوطة»" in answer.plain_text


async def test_english_user_gets_english(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "/start", language_code="en-GB")
        assert "Welcome to" in msg.plain_text


async def test_topic_question_answers_with_digests_and_buttons(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        _ok([msg])
        text = msg.plain_text
        assert "نتائج «الغوطة»" in text
        assert "دوما" in text or "الغوطة الشرقية" in text
        buttons = msg.button_texts()
        assert "🔔 تابع هذا الموضوع" in buttons
        assert any(b.startswith("🔗 روابط الخبر") for b in buttons)
        # headline linked, quotes as «…» — speaker
        assert '<a href="http://127.0.0.1' in msg.text
        # every callback_data is an opaque id, not an action or a topic
        for b in msg.buttons():
            assert "الغوطة" not in b["callback_data"] and len(b["callback_data"]) <= 64


async def test_related_links_button(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        label = next(b for b in msg.button_texts() if b.startswith("🔗 روابط الخبر"))
        [related] = await h.click(msg, label)
        _ok([related])
        assert "روابط ذات صلة" in related.plain_text
        assert related.text.count("<a href=") >= 2  # the headline and at least one link


async def test_follow_button_subscribes(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        [done] = await h.click(msg, "🔔 تابع هذا الموضوع")
        assert "تمت متابعة «الغوطة»" in done.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == ["الغوطة"]


async def test_pagination_with_more(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers, "PAGE_SIZE", 1)
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        assert "١ إلى ١ من" in msg.plain_text
        assert "المزيد" in msg.button_texts()
        first = msg.plain_text
        h.emu.click(msg, "المزيد")
        edited = await h.until(lambda: [m for m in h.emu.messages(READER)
                                        if m.message_id == msg.message_id and m.edits > 0])
        page2 = edited[0]
        _ok([page2])
        assert "٢ إلى ٢ من" in page2.plain_text and page2.plain_text != first
        assert len(h.emu.messages(READER)) == 1  # edited in place, not a new message


async def test_more_appears_only_when_another_page_has_stories(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the sample holds 5 articles about الغوطة in 4 stories: pages fold to 4
    monkeypatch.setattr(answers, "PAGE_SIZE", 2)
    async with running_bot(sample_db(tmp_path)) as h:
        folded = search(h.db.db, "الغوطة", limit=50, fold_stories=True)
        assert folded.total > len(folded.hits) == 4  # the case where counting articles misleads
        [msg] = await h.say(READER, "الغوطة")
        assert "١ إلى ٢ من ٤" in msg.plain_text and "المزيد" in msg.button_texts()  # stories
        h.emu.click(msg, "المزيد")
        page2 = (await h.until(lambda: [m for m in h.emu.messages(READER)
                                        if m.message_id == msg.message_id and m.edits > 0]))[0]
        _ok([page2])
        assert "٣ إلى ٤ من ٤" in page2.plain_text  # the last page knows the exact count
        assert "المزيد" not in page2.button_texts()  # no button leading to "no more results"
        assert "🔔 تابع هذا الموضوع" in page2.button_texts()


async def test_nothing_found_says_so_and_suggests(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "زلزال في كوكب المريخ")
        _ok([msg])
        assert "لم أجد أخبارًا عن «زلزال في كوكب المريخ»" in msg.plain_text
        assert "🔔 تابع هذا الموضوع" in msg.button_texts()
        # a misspelt known topic offers the right spelling
        [near] = await h.say(READER, "الغوطا")
        assert "لم أجد" in near.plain_text and "هل تقصد" in near.plain_text
        assert "الغوطة" in near.button_texts()
        [answer] = await h.click(near, "الغوطة")
        assert "نتائج «الغوطة»" in answer.plain_text


async def test_only_stop_words_gets_a_hint(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "في من على")
        assert "لا يحوي كلمات يمكن البحث عنها" in msg.plain_text


async def test_ali_is_a_name_and_alone_asks_for_the_full_name(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "علي الزعتري")  # the sample quotes the UN's Ali al-Za'tari
        _ok([msg])
        assert "نتائج «علي الزعتري»" in msg.plain_text and "الزعتري" in msg.plain_text
        [alone] = await h.say(READER, "علي")
        assert "لا يمكن البحث عن «علي» وحده" in alone.plain_text
        assert "اكتب الاسم كاملًا" in alone.plain_text


async def test_subscribe_unsubscribe_topics(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/subscribe الغوطة")
        assert "تمت متابعة «الغوطة»" in m.plain_text
        link = "https://t.me/nashra_test_bot?start=" + deep_links.encode_start_payload("الغوطة")
        assert f"<a href=\"{link}\">رابط المتابعة</a>" in m.text  # whoever opens it follows
        [m] = await h.say(READER, "/subscribe غوطة")
        assert "أنت تتابع «الغوطة» بالفعل" in m.plain_text
        [m] = await h.say(READER, "/subscribe")  # asks first: a button follows the general digest
        assert "أي موضوع تريد متابعته" in m.plain_text
        [m] = await h.click(m, "📰 النشرة العامة")
        assert "النشرة العامة" in m.plain_text
        [m] = await h.say(READER, "/topics")
        assert "• الغوطة" in m.plain_text and "• النشرة العامة" in m.plain_text
        [menu] = await h.say(READER, "/unsubscribe")
        assert menu.button_texts() == ["❌ إلغاء الغوطة", "❌ إلغاء النشرة العامة"]
        [gone] = await h.click(menu, "❌ إلغاء الغوطة")
        assert "أُلغيت متابعة «الغوطة»" in gone.plain_text
        [m] = await h.say(READER, "/unsubscribe النشرة")
        assert "لست تتابع" in m.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == [""]


async def test_deep_link_subscribes_to_an_encoded_arabic_topic(tmp_path: Path) -> None:
    payload = deep_links.encode_start_payload("الغوطة الشرقية")
    assert payload.isascii() and len(payload) <= 64
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, f"/start {payload}", n=2)  # the link's answer last (QA74-4)
        assert "تمت متابعة «الغوطة الشرقية» عبر الرابط" in got[1].plain_text
        assert "أهلًا بك" in got[0].plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == [
            "الغوطة الشرقية"]


def test_deep_link_payloads() -> None:
    for topic in ("الغوطة", "syria", "إيران", "Ghouta east"):
        assert deep_links.decode_start_payload(deep_links.encode_start_payload(topic)) == topic
    assert deep_links.decode_start_payload("syria_news") == "syria news"
    assert deep_links.decode_start_payload("t-!!!") == ""
    with pytest.raises(ValueError):
        deep_links.encode_start_payload("الغوطة " * 10)


async def test_digest_now(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/digest", n=2)
        assert "لا تتابع أي موضوع" in got[0].plain_text
        assert "نشرة الأخبار" in got[1].plain_text
        await h.say(READER, "/subscribe لبنان")
        [mine] = await h.say(READER, "/digest")
        _ok([mine])
        assert "لبنان" in mine.plain_text


async def test_settings_daily_hour_and_quiet_hours(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [menu] = await h.say(READER, "/settings")
        assert "التنبيهات: فورية" in menu.plain_text
        h.emu.click(menu, "🗓 يومية")
        await h.until(lambda: "في أي ساعة" in h.emu.messages(READER)[-1].plain_text)
        hours = h.emu.messages(READER)[-1]
        h.emu.click(hours, "٢٠:٠٠")
        await h.until(lambda: "نشرة يومية الساعة ٢٠:٠٠" in h.emu.messages(READER)[-1].plain_text)
        chat = subscriptions.get_chat(h.db, READER)
        assert chat is not None and (chat.mode, chat.daily_hour) == ("daily", 20)
        h.emu.click(h.emu.messages(READER)[-1], "🌙 ساعات الهدوء")
        await h.until(lambda: "ساعات الهدوء" in h.emu.messages(READER)[-1].plain_text
                      and "٢٢:٠٠ إلى ٧:٠٠" in h.emu.messages(READER)[-1].button_texts())
        h.emu.click(h.emu.messages(READER)[-1], "٢٢:٠٠ إلى ٧:٠٠")
        await h.until(lambda: "من ٢٢:٠٠ إلى ٧:٠٠" in h.emu.messages(READER)[-1].plain_text)
        chat = subscriptions.get_chat(h.db, READER)
        assert chat is not None and (chat.quiet_start, chat.quiet_end) == (22, 7)
        assert "التوقيت: السعودية (UTC+3)" in h.emu.messages(READER)[-1].plain_text.replace(
            "\u200e", "")  # a new chat starts on a named zone (QA5 N13)
        h.emu.click(h.emu.messages(READER)[-1], "🌐 التوقيت")
        await h.until(lambda: "اختر توقيتك" in h.emu.messages(READER)[-1].plain_text)
        h.emu.click(h.emu.messages(READER)[-1], "تونس")
        await h.until(lambda: "التوقيت: تونس (" in h.emu.messages(READER)[-1].plain_text)
        chat = subscriptions.get_chat(h.db, READER)
        assert chat is not None and chat.utc_offset_minutes == 60


async def test_lang_switches_to_english(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [menu] = await h.say(READER, "/lang")
        h.emu.click(menu, "English")
        await h.until(lambda: "Language is now English" in h.emu.messages(READER)[-1].plain_text)
        [m] = await h.say(READER, "/start")  # the user's Telegram language is still Arabic
        assert "Welcome to" in m.plain_text
        [m] = await h.say(READER, "الغوطة")
        # an English reader sees the topic as /topics names it (QA19 N6); the LRM keeps the
        # numbers in order
        assert "Results for «Ghouta (الغوطة\u200e)»: " in m.plain_text
        assert "🔔 Follow this topic" in m.button_texts()


async def test_help_lists_every_command(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/help")
        for command, _, _ in READER_COMMANDS:
            assert f"/{command}" in m.plain_text
        assert "/push" not in m.plain_text  # admin commands only for admins
        [m] = await h.say(READER, "/nosuchcommand")
        assert "/subscribe" in m.plain_text


async def test_tampered_and_foreign_callback_data_do_nothing(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        before = len(h.emu.messages())
        answer = await h.click_answer(msg, data="subscribe:الغوطة")
        assert "هذا الزر لا يعمل" in answer.get("text", "")  # forged: not «expired» (QA65-9)
        # a real id from another chat's message pressed here: refused too, saying so (QA49 M11)
        [other] = await h.say(READER + 1, "الغوطة")
        foreign = next(b["callback_data"] for b in other.buttons()
                       if b["text"] == "🔔 تابع هذا الموضوع")
        answer = await h.click_answer(msg, data=foreign)
        assert "هذا الزر من محادثة أخرى" in answer.get("text", "")
        await h.settle()
        assert len(h.emu.messages()) == before + 1  # only the other chat's answer
        assert subscriptions.list_subscriptions(h.db, READER) == []
        assert subscriptions.list_subscriptions(h.db, READER + 1) == []


async def test_group_only_admins_change_subscriptions(tmp_path: Path) -> None:
    group = -100500
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[READER])
        member = h.user(READER + 7)
        [m] = await h.say(group, "/subscribe الغوطة", user=member)
        assert "مشرفو المجموعة وحدهم" in m.plain_text
        assert subscriptions.list_subscriptions(h.db, group) == []
        [m] = await h.say(group, "/subscribe الغوطة", user=h.user(READER))
        assert "تمت متابعة «الغوطة»" in m.plain_text
        [menu] = await h.say(group, "/unsubscribe", user=h.user(READER))
        answer = await h.click_answer(menu, "❌ إلغاء الغوطة", user=member)
        assert "مشرفو المجموعة" in answer.get("text", "")
        assert len(subscriptions.list_subscriptions(h.db, group)) == 1
        # plain text in a group is not a topic question (the bot would answer every chat line)
        await h.settle()
        count = len(h.emu.messages(group))
        h.emu.send_user_message(group, "الغوطة", user=member)
        await h.settle()
        assert len(h.emu.messages(group)) == count


async def test_channel_posts_can_subscribe(tmp_path: Path) -> None:
    channel = -100777
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(channel, type="channel", title="قناة")
        [m] = await h.say(channel, "/subscribe لبنان")
        assert "تمت متابعة «لبنان»" in m.plain_text
        chat = subscriptions.get_chat(h.db, channel)
        assert chat is not None and chat.type == "channel"


@pytest.mark.parametrize("removal", ["left", "kicked"])
async def test_bot_removed_from_group_deactivates_it(tmp_path: Path, removal: str) -> None:
    group = -100600
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "g", admins=[READER])
        h.emu.chat_member_update(group, new_status="member", old_status="left")
        await h.until(lambda: subscriptions.get_chat(h.db, group) is not None)
        assert subscriptions.get_chat(h.db, group).active  # type: ignore[union-attr]
        h.emu.chat_member_update(group, new_status=removal, old_status="member")
        await h.until(lambda: not subscriptions.get_chat(h.db, group).active)  # type: ignore


async def test_group_migration_moves_subscriptions_queue_and_buttons(tmp_path: Path) -> None:
    old, new = -600700, -1000600700
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(old, "g", admins=[READER], type="group")
        admin = h.user(READER)
        [m] = await h.say(old, "/subscribe الغوطة", user=admin)
        assert "تمت متابعة" in m.plain_text
        await h.say(old, "/unsubscribe", user=admin)  # stores a button for the group
        # a daily digest row the group is still waiting for (not due yet)
        story, article = h.db.db.execute(
            "select coalesce(story_id, -id), id from articles where title not like '%غوطة%' "
            "order by id limit 1").fetchone()
        later = iso(datetime.now(timezone.utc) + timedelta(days=1))
        with h.db.transaction() as tx:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, not_before, "
                       "created_at) values (?, ?, ?, 'daily:later', ?, ?)",
                       [old, story, article, later, later])

        def chat_ids(table: str) -> set[int]:
            return {r[0] for r in h.db.db.execute(f"select chat_id from {table}")}

        assert chat_ids("callbacks") >= {old} and chat_ids("outbox") == {old}
        h.emu.migrate(old, new, announce=True, user=admin)
        await h.until(lambda: subscriptions.get_chat(h.db, new) is not None)
        await h.settle()
        assert subscriptions.get_chat(h.db, old) is None
        assert subscriptions.list_subscriptions(h.db, old) == []
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, new)] == ["الغوطة"]
        assert chat_ids("outbox") == {new}
        assert old not in chat_ids("callbacks") and new in chat_ids("callbacks")
        # a later push reaches the supergroup, and nothing is even tried on the old id
        old_count = len(h.emu.messages(old))
        [queued] = await h.say(ADMIN, "/push الغوطة")
        assert "المحادثات: ١،" in queued.plain_text
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        assert "سُلّمت: ١، فشلت: ٠" in h.emu.messages(ADMIN)[-1].plain_text
        assert "الغوطة" in h.emu.messages(new)[-1].plain_text
        assert len(h.emu.messages(old)) == old_count
        assert [r for r in h.emu.refusals() if r.chat_id == old] == []



async def test_subscriber_gets_new_stories_from_the_scheduled_poll(tmp_path: Path) -> None:
    from datetime import datetime, timezone

    from bot.app import poll_job
    from digests import sources
    from digests.pipeline import poll_once
    from digests.samplesite import SampleSite

    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            sources.add_source(h.db, site.feed_url("main"), settings=h.settings,
                               now=datetime.now(timezone.utc))
            await poll_once(h.db, h.settings, now=datetime.now(timezone.utc), only_due=False)
            await h.say(READER, "/subscribe عمان")
            await h.say(READER + 1, "/subscribe الغوطة")
            await h.say(READER + 2, "/subscribe عمّان")  # a daily-digest reader of the topic
            subscriptions.set_mode(h.db, READER + 2, "daily", 20, now=datetime.now(timezone.utc))
            site.publish(slug="amman-summit", feed="main",
                         title="قمة عربية طارئة في عمّان لبحث التصعيد",
                         paragraphs=["قال وزير الخارجية الأردني إن «القمة ستبحث سبل وقف التصعيد "
                                     "في المنطقة بشكل عاجل» خلال اجتماع الخميس."],
                         published=datetime.now(timezone.utc))
            with h.db.transaction() as tx:  # POLL_INTERVAL_MINUTES later: the source is due
                tx.execute("update sources set next_poll_at = null")
            assert h.app.job_queue is not None
            h.app.job_queue.run_once(poll_job, 0)  # the scheduled poll, run now
            await h.emu.await_messages(READER, 2, timeout=20)
            alert = h.emu.messages(READER)[-1]
            assert check_message(alert.text) == []
            assert "قمة عربية طارئة في عمّان" in alert.plain_text
            assert "منذ" in alert.plain_text or "الآن" in alert.plain_text
            await h.settle()
            assert len(h.emu.messages(READER + 1)) == 1  # not his topic: nothing new
            assert len(h.emu.messages(READER + 2)) == 1  # daily: kept for 20:00, not sent now
            [(kind, status)] = h.db.db.execute(
                "select kind, status from outbox where chat_id = ?", [READER + 2]).fetchall()
            assert kind.startswith("daily:") and status == "pending"
            # The digest hour comes: one message headed as the daily digest of that local date
            # (QA12: it was headed «📰 جديد «عمّان»» like an instant alert).
            with h.db.transaction() as tx:
                tx.execute("update outbox set not_before = null where chat_id = ?", [READER + 2])
            [daily] = (await h.emu.await_messages(READER + 2, 2, timeout=10))[1:]
            day = date.fromisoformat(kind[len("daily:"):])
            assert check_message(daily.text) == []
            assert daily.plain_text.replace("\u200f", "").startswith(
                f"📰 نشرتك اليومية — {format_date(datetime(day.year, day.month, day.day), 'ar')}"
                ": «عمّان»\n"), daily.plain_text
            assert "قمة عربية طارئة في عمّان" in daily.plain_text


async def test_pressing_more_twice_is_harmless(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers, "PAGE_SIZE", 1)
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        more_id = next(b["callback_data"] for b in msg.buttons() if b["text"] == "المزيد")
        h.emu.click(msg, data=more_id)
        await h.until(lambda: h.emu.messages(READER)[0].edits == 1)
        page2 = h.emu.messages(READER)[0].plain_text
        # the same (now replaced) button pressed again, as a double tap would
        await h.click_answer(msg, data=more_id)
        await h.settle()
        assert len(h.emu.messages(READER)) == 1  # no error message, no duplicate page
        assert h.emu.messages(READER)[0].plain_text == page2


async def test_huge_digest_is_split_within_telegram_limits(tmp_path: Path) -> None:
    import json

    db_path = sample_db(tmp_path)
    sentence = "وقال المتحدث إن القصف على الغوطة استمر طوال الليل وإن المدنيين لجأوا إلى الأقبية. "
    quotes = [{"text": sentence * 60, "speaker": f"متحدث {i}", "kind": "direct"}
              for i in range(3)]
    with Database(db_path) as db, db.transaction() as tx:
        tx.execute("update articles set quotes_json = ? where title like '%الغوطة%'",
                   [json.dumps(quotes, ensure_ascii=False)])
    async with running_bot(db_path) as h:
        h.emu.send_user_message(READER, "الغوطة")
        # the page is complete when its last part (the one with the buttons) has arrived
        await h.until(lambda: h.emu.messages(READER)
                      and h.emu.messages(READER)[-1].button_texts())
        messages = h.emu.messages(READER)
        assert len(messages) > 2  # one page split into several messages
        _ok(messages)  # the emulator accepted each (≤ 4096 units after parsing)
        assert "عذرًا" not in "".join(m.plain_text for m in messages)
        assert messages[-1].button_texts()  # the buttons ride on the last part


@hypothesis.settings(max_examples=200, deadline=None)
@hypothesis.given(st.text(min_size=1, max_size=20).map(str.strip).filter(bool))
def test_deep_link_roundtrip_any_short_topic(topic: str) -> None:
    try:
        payload = deep_links.encode_start_payload(topic)
    except ValueError:
        return  # too long for 64 characters: the bot does not offer such a link
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", payload)
    assert deep_links.decode_start_payload(payload) == topic


async def test_group_migration_keeps_the_named_time_zone(tmp_path: Path) -> None:
    """A group that chose «Asia/Beirut» keeps it (and its offset) as a supergroup, whether or
    not the supergroup's row already exists (its own messages may have created it first)."""
    from bot import zones

    for old, new, early in ((-600701, -1000600701, False), (-600702, -1000600702, True)):
        (tmp_path / str(-old)).mkdir()
        async with running_bot(sample_db(tmp_path / str(-old))) as h:
            h.emu.add_group(old, "g", admins=[READER], type="group")
            admin = h.user(READER)
            await h.say(old, "/subscribe الغوطة", user=admin)
            zones.set_zone(h.db, old, "Asia/Beirut", datetime.now(timezone.utc))
            offset = subscriptions.get_chat(h.db, old).utc_offset_minutes  # type: ignore
            if early:  # the supergroup's row exists before the migration message is handled
                subscriptions.upsert_chat(h.db, new, now=datetime.now(timezone.utc))
            h.emu.migrate(old, new, announce=True, user=admin)
            await h.until(lambda: subscriptions.get_chat(h.db, old) is None)
            await h.settle()
            assert zones.chat_zone(h.db, new) == "Asia/Beirut", early
            chat = subscriptions.get_chat(h.db, new)
            assert chat is not None and chat.utc_offset_minutes == offset


async def test_a_reader_in_another_language_gets_the_operators_default(tmp_path: Path) -> None:
    """QA12: with DEFAULT_LANGUAGE=en, a reader whose Telegram speaks French gets English (it
    was Arabic: any code but English counted as Arabic); an Arabic one still gets Arabic."""
    async with running_bot(sample_db(tmp_path), default_language="en") as h:
        [fr] = await h.say(READER, "/help", language_code="fr")
        assert "/subscribe" in fr.plain_text and "تابع" not in fr.plain_text
        [ar] = await h.say(READER + 1, "/help", language_code="ar")
        assert "تابع" in ar.plain_text
