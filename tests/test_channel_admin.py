"""bot.channel_admin (brief X18): a channel's settings and topics managed from a private chat with
/channels — the real Application against the emulator, real SQLite. Admins (asked of Telegram
at every press) change the channel's zone, daily hour, language and topics; a non-admin sees no
channel; forged and foreign ids do nothing; a demoted admin is refused; a channel the bot left
is not listed and an old menu of it changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, BotHarness, running_bot, sample_db
from hypothesis import given
from hypothesis import strategies as st
from telegram import ChatMemberAdministrator, ChatMemberMember, ChatMemberOwner, User

from bot import callbacks
from bot.channel_admin import CHANNEL_KEY, Scope, _may_manage_member, scope_of
from bot.emulator import SentMessage
from bot.zones import DEFAULT_ZONE
from digests import delivery_times, subscriptions

CHANNEL = -100555
TITLE = "قناة الأخبار"


def _chat(h: BotHarness, chat_id: int = CHANNEL) -> subscriptions.Chat:
    chat = subscriptions.get_chat(h.db, chat_id)
    assert chat is not None
    return chat


def _shown(h: BotHarness, message: SentMessage) -> SentMessage:
    """The message as edited so far (menus change in place)."""
    return next(m for m in h.emu.messages(message.chat_id)
                if m.message_id == message.message_id)


async def _until_shown(h: BotHarness, message: SentMessage, words: str) -> SentMessage:
    await h.until(lambda: words in _shown(h, message).plain_text.replace("\u200e", ""))
    return _shown(h, message)


async def _channel(h: BotHarness, admins: list[int]) -> None:
    """A channel with the bot in it, following «لبنان» (posted by its admin)."""
    h.emu.add_chat(CHANNEL, type="channel", title=TITLE, admins=admins)
    [done] = await h.say(CHANNEL, "/subscribe لبنان")
    assert "لبنان" in done.plain_text


async def _open_menu(h: BotHarness, user_id: int = ADMIN) -> SentMessage:
    [listing] = await h.say(user_id, "/channels")
    assert listing.button_texts() == [f"📢 {TITLE}"]
    h.emu.click(listing, f"📢 {TITLE}")
    return await _until_shown(h, listing, "الإعدادات الحالية")


async def test_an_admin_retimes_the_channels_daily_digest_from_a_private_chat(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _channel(h, admins=[ADMIN])
        menu = await _open_menu(h)
        first = menu.plain_text.lstrip("\u200f").split("\n")[0]
        assert f"القناة «{TITLE}»" in first and "العربية" in first  # the menu names the channel
        assert {"📋 مواضيع القناة", "🌐 لغة القناة", "↪️ رجوع"} <= set(menu.button_texts())
        # a daily digest at 9:00
        h.emu.click(menu, "🗓 يومية")
        picker = await _until_shown(h, menu, "في أي ساعة تصل القناةَ النشرة اليومية")
        h.emu.click(picker, "٩:٠٠")
        menu = await _until_shown(h, menu, "نشرة يومية الساعة ٩:٠٠")
        assert (_chat(h).mode, _chat(h).daily_hour) == ("daily", 9)
        # a story queued for the channel's next daily digest, at 9:00 in its zone (Riyadh)
        now = datetime.now(UTC)
        kind, when = delivery_times.next_daily(now, {"daily_hour": 9, "time_zone": DEFAULT_ZONE})
        story, article = h.db.db.execute(
            "select story_id, max(id) from articles where story_id is not null"
            " group by story_id order by story_id limit 1").fetchone()
        with h.db.transaction() as tx:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, not_before,"
                       " created_at) values (?,?,?,?,?,?)",
                       [CHANNEL, story, article, kind, when.isoformat(), now.isoformat()])
        # the channel moves to New York: its digest is re-timed to 9:00 there
        h.emu.click(menu, "🌐 التوقيت")
        zones = await _until_shown(h, menu, "اختر توقيت القناة")
        assert "✓ السعودية (مختار)" in zones.button_texts()
        h.emu.click(zones, "نيويورك")
        menu = await _until_shown(h, menu, "التوقيت: نيويورك")
        assert h.db.db.execute("select time_zone from chats where id = ?",
                               [CHANNEL]).fetchone()[0] == "America/New_York"
        [(new_kind, not_before)] = h.db.db.execute(
            "select kind, not_before from outbox where chat_id = ?", [CHANNEL]).fetchall()
        expected_kind, expected = delivery_times.next_daily(
            datetime.now(UTC), {"daily_hour": 9, "time_zone": "America/New_York"})
        assert new_kind == expected_kind
        assert datetime.fromisoformat(not_before) == expected
        assert datetime.fromisoformat(not_before) != when  # moved, not left at Riyadh's 9:00
        # the private chat's own settings did not change
        mine = _chat(h, ADMIN)
        assert mine.mode == "instant"
        assert h.db.db.execute("select time_zone from chats where id = ?",
                               [ADMIN]).fetchone()[0] == DEFAULT_ZONE
        # quiet hours for the channel
        h.emu.click(menu, "🌙 ساعات الهدوء")
        quiet = await _until_shown(h, menu, "اختر ساعات الهدوء")
        h.emu.click(quiet, "٢٢:٠٠ إلى ٧:٠٠")
        await _until_shown(h, menu, "من ٢٢:٠٠ إلى ٧:٠٠")
        assert (_chat(h).quiet_start, _chat(h).quiet_end) == (22, 7)
        # «↪️ رجوع» from the menu: the list again
        h.emu.click(_shown(h, menu), "↪️ رجوع")
        listing = await _until_shown(h, menu, "اختر قناة")
        assert listing.button_texts() == [f"📢 {TITLE}"]


async def test_the_channels_language_and_topics_from_its_menu(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _channel(h, admins=[ADMIN])
        await h.say(CHANNEL, "/subscribe غزة")
        menu = await _open_menu(h)
        h.emu.click(menu, "🌐 لغة القناة")
        langs = await _until_shown(h, menu, "اختر لغة منشورات القناة")
        assert "✓ العربية (مختار)" in langs.button_texts()
        h.emu.click(langs, "English")
        menu = await _until_shown(h, menu, "لغة منشوراتها: الإنجليزية")
        assert _chat(h).language == "en"
        assert "الإعدادات الحالية" in menu.plain_text  # this chat keeps its Arabic
        # the topics: each with ❌, how to add one, back to the settings
        h.emu.click(menu, "📋 مواضيع القناة")
        topics = await _until_shown(h, menu, "المواضيع التي تتابعها القناة")
        assert "/subscribe" in topics.plain_text
        assert {"❌ إلغاء لبنان", "❌ إلغاء غزة", "↪️ رجوع"} <= set(topics.button_texts())
        before = len(h.emu.messages(ADMIN))
        h.emu.click(topics, "❌ إلغاء لبنان")
        await h.until(lambda: "❌ إلغاء لبنان" not in _shown(h, menu).button_texts())
        await h.emu.await_messages(ADMIN, before + 1)
        assert "لم تعد القناة تتابع «لبنان»" in h.emu.messages(ADMIN)[before].plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, CHANNEL)] == ["غزة"]
        h.emu.click(_shown(h, menu), "↪️ رجوع")
        await _until_shown(h, menu, "الإعدادات الحالية")


async def test_a_non_admin_sees_no_channel_and_forged_or_foreign_ids_do_nothing(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _channel(h, admins=[ADMIN])
        settings_before = _chat(h)
        [none] = await h.say(READER, "/channels")
        assert none.buttons() == []
        assert TITLE not in none.plain_text
        assert "أضفني إليها مشرفًا" in none.plain_text and "/subscribe" in none.plain_text
        # an id stored for the reader's chat that names the channel (as a menu of a former
        # admin would): Telegram is asked, the reader is refused, nothing changes
        stored = callbacks.new_callback(h.db, chat_id=READER, action="mode",
                                        payload={"mode": "daily", "hour": 6,
                                                 CHANNEL_KEY: CHANNEL},
                                        now=datetime.now(UTC))
        refused = await h.click_answer(none, data=stored, user=h.user(READER))
        assert refused.get("show_alert") is True
        assert "لمشرفيها الذين يملكون النشر" in refused.get("text", "")
        # a forged id, and the admin's own button pressed in the reader's chat
        [admin_list] = await h.say(ADMIN, "/channels")
        admins_button = admin_list.buttons()[0]["callback_data"]
        for data, said in (("forged-id-123", "هذا الزر لا يعمل"),  # not «expired» (QA65-9)
                           (admins_button, "هذا الزر من محادثة أخرى")):  # QA49 M11
            answer = await h.click_answer(none, data=data, user=h.user(READER))
            assert said in answer.get("text", "")
        await h.settle()
        assert _chat(h) == settings_before  # mode, hour, quiet hours, language as they were
        # the channel's settings never reached the reader's chat
        assert not any("الإعدادات الحالية" in m.plain_text for m in h.emu.messages(READER))


async def test_an_admin_demoted_between_list_and_press_is_refused(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _channel(h, admins=[ADMIN])
        [listing] = await h.say(ADMIN, "/channels")
        h.emu.set_admins(CHANNEL, [])
        answer = await h.click_answer(listing, f"📢 {TITLE}")
        assert answer.get("show_alert") is True
        refused = await _until_shown(h, listing, "فلم يتغير شيء")
        assert refused.button_texts() == ["↪️ رجوع"]
        assert "الإعدادات الحالية" not in refused.plain_text
        # made admin again, the menu opens; demoted while it is open, a press changes nothing
        h.emu.set_admins(CHANNEL, [ADMIN])
        h.emu.click(refused, "↪️ رجوع")
        listing = await _until_shown(h, listing, "اختر قناة")
        h.emu.click(listing, f"📢 {TITLE}")
        menu = await _until_shown(h, listing, "الإعدادات الحالية")
        h.emu.set_admins(CHANNEL, [])
        answer = await h.click_answer(menu, "🗓 يومية")
        assert "لمشرفيها الذين يملكون النشر" in answer.get("text", "")
        await _until_shown(h, menu, "فلم يتغير شيء")
        assert _chat(h).mode == "instant"
        [none] = await h.say(ADMIN, "/channels")  # and the list no longer shows it
        assert none.buttons() == []


async def test_the_english_interface(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _channel(h, admins=[ADMIN])
        [listing] = await h.say(ADMIN, "/channels", language_code="en")
        assert "Choose a channel to manage its settings and topics" in listing.plain_text
        h.emu.click(listing, f"📢 {TITLE}")
        menu = await _until_shown(h, listing, "Current settings")
        assert f"Channel «{TITLE}» (its posts in Arabic)" in menu.plain_text.replace("\u200e", "")
        assert {"📋 Channel topics", "🌐 Channel language", "↩️ Back"} <= set(menu.button_texts())
        h.emu.click(menu, "🌐 Time zone")
        zones = await _until_shown(h, menu, "Choose the channel's time zone")
        h.emu.click(zones, "London")
        await _until_shown(h, menu, "Time zone: London")
        h.emu.set_admins(CHANNEL, [])
        answer = await h.click_answer(_shown(h, menu), "🗓 Daily")
        assert "Only the admins of «قناة الأخبار»" in answer.get("text", "")
        [none] = await h.say(ADMIN, "/channels", language_code="en")
        assert "No channel to manage from here" in none.plain_text


async def test_a_channel_the_bot_left_is_not_listed_and_changing_it_fails_cleanly(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _channel(h, admins=[ADMIN])
        other = CHANNEL - 1
        h.emu.add_chat(other, type="channel", title="قناة ثانية", admins=[ADMIN])
        await h.say(other, "/subscribe غزة")
        [listing] = await h.say(ADMIN, "/channels")
        assert set(listing.button_texts()) == {f"📢 {TITLE}", "📢 قناة ثانية"}
        h.emu.click(listing, f"📢 {TITLE}")
        menu = await _until_shown(h, listing, "الإعدادات الحالية")
        # removed from the first channel (Telegram tells the bot), and the second one's
        # getChatMember refused although the bot never heard it was removed
        h.emu.chat_member_update(CHANNEL, new_status="left", old_status="administrator")
        await h.until(lambda: not _chat(h).active)
        h.emu.fail_next(-1, 403, "Forbidden: bot is not a member of the channel chat",
                        chat_id=other, methods={"getChatMember"})
        [none] = await h.say(ADMIN, "/channels")
        assert none.buttons() == []
        answer = await h.click_answer(menu, "🗓 يومية")
        assert "لم أعد في القناة" in answer.get("text", "")
        gone = await _until_shown(h, menu, "لم أعد في القناة")
        assert gone.button_texts() == ["↪️ رجوع"]
        assert _chat(h).mode == "instant"


async def test_channels_outside_a_private_chat_is_one_line(tmp_path: Path) -> None:
    group = -100888
    async with running_bot(sample_db(tmp_path)) as h:
        await _channel(h, admins=[ADMIN])
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        [line] = await h.say(group, "/channels", user=h.user(ADMIN))
        assert line.buttons() == [] and TITLE not in line.plain_text
        assert "/channels" in line.plain_text and "@" in line.plain_text
        [post] = await h.say(CHANNEL, "/channels")
        assert post.buttons() == [] and "/channels" in post.plain_text


def test_scope_of_reads_only_an_integer_channel() -> None:
    now = datetime.now(UTC)

    def cb(payload: dict[str, object]) -> callbacks.Callback:
        return callbacks.Callback(id="x", chat_id=READER, action="mode", payload=payload,
                                  created_at=now)

    assert scope_of(cb({CHANNEL_KEY: CHANNEL})) == Scope(READER, CHANNEL)
    assert scope_of(cb({CHANNEL_KEY: CHANNEL})).channel
    for junk in ("-100555", True, None, 1.5):
        assert scope_of(cb({CHANNEL_KEY: junk})) == Scope(READER, READER), junk
    assert not scope_of(cb({})).channel


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8))
def test_only_an_integer_payload_names_another_chat(value: object) -> None:
    """Whatever a stored payload holds under the channel key, a button acts on another chat
    only when it is an int (json gives bools as bools: True is no chat id)."""
    cb = callbacks.Callback(id="x", chat_id=READER, action="mode",
                            payload={CHANNEL_KEY: value, "mode": "daily"})
    scope = scope_of(cb)
    assert scope.chat_id == READER
    is_id = isinstance(value, int) and not isinstance(value, bool)
    assert scope.target == (value if is_id else READER)


def test_who_may_manage_a_channel() -> None:
    user = User(id=ADMIN, first_name="A", is_bot=False)

    def admin(*, post: bool | None, info: bool) -> ChatMemberAdministrator:
        return ChatMemberAdministrator(
            user, can_be_edited=False, is_anonymous=False, can_manage_chat=True,
            can_delete_messages=False, can_manage_video_chats=False, can_restrict_members=False,
            can_promote_members=False, can_change_info=info, can_invite_users=False,
            can_post_stories=False, can_edit_stories=False, can_delete_stories=False,
            can_post_messages=post)

    assert _may_manage_member(ChatMemberOwner(user, is_anonymous=False))
    assert _may_manage_member(admin(post=True, info=False))
    assert _may_manage_member(admin(post=None, info=True))
    assert not _may_manage_member(admin(post=False, info=False))  # may only delete, invite …
    assert not _may_manage_member(ChatMemberMember(user))



async def test_a_channel_the_bot_was_just_added_to_is_listed_and_in_the_command_menu(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(CHANNEL, type="channel", title=TITLE, admins=[ADMIN])
        h.emu.chat_member_update(CHANNEL, new_status="administrator", old_status="left",
                                 user=h.user(ADMIN))
        await h.until(lambda: subscriptions.get_chat(h.db, CHANNEL) is not None)
        # the adder is told the channel's language (X86) in the private chat; a /channels sent
        # before that note arrives would take the note for its answer (a CI failure on a loaded host)
        [note] = await h.emu.await_messages(ADMIN, 1)
        assert f"«{TITLE}»" in note.plain_text
        menu = await _open_menu(h)  # no post yet: the admin sets it up from here
        h.emu.click(menu, "📋 مواضيع القناة")
        topics = await _until_shown(h, menu, "القناة لا تتابع أي موضوع بعد")
        assert "/subscribe" in topics.plain_text and topics.button_texts() == ["➕ أضف موضوعًا",
                                                                     "↪️ رجوع"]
        assert h.emu.messages(CHANNEL) == []  # nothing was posted in the channel
        for lang in ("", "ar", "en"):
            assert "channels" in [c["command"] for c in h.emu.commands(language_code=lang)]


async def test_telegram_not_answering_the_check_changes_nothing(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _channel(h, admins=[ADMIN])
        menu = await _open_menu(h)
        h.emu.fail_next(1, 500, "Internal Server Error", chat_id=CHANNEL,
                        methods={"getChatMember"})
        answer = await h.click_answer(menu, "🗓 يومية")
        assert "تعذر التحقق الآن" in answer.get("text", "")
        await _until_shown(h, menu, "حاول بعد قليل")
        assert _chat(h).mode == "instant"
        h.emu.click(_shown(h, menu), "↪️ رجوع")  # the next check is answered: the list again
        await _until_shown(h, menu, "اختر قناة")
        # a list Telegram did not fully answer says so, rather than «no channel»
        h.emu.fail_next(1, 500, "Internal Server Error", chat_id=CHANNEL,
                        methods={"getChatMember"})
        [partial] = await h.say(ADMIN, "/channels")
        assert partial.buttons() == [] and "لم يجب تيليجرام الآن عن بعض القنوات" in \
            partial.plain_text
        [whole] = await h.say(ADMIN, "/channels")
        assert whole.button_texts() == [f"📢 {TITLE}"] and "لم يجب" not in whole.plain_text


def _reply_to(message: SentMessage) -> dict[str, object]:
    """The Message fields of a user's reply to `message` (Telegram sends the replied message)."""
    return {"reply_to_message": {"message_id": message.message_id, "date": 0,
                                 "chat": {"id": message.chat_id, "type": "private",
                                          "first_name": "U"},
                                 "text": message.plain_text}}


async def test_an_admin_adds_a_topic_to_the_channel_by_answering_the_prompt(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await _channel(h, admins=[ADMIN])
        posts = len(h.emu.messages(CHANNEL))
        menu = await _open_menu(h)
        h.emu.click(menu, "📋 مواضيع القناة")
        topics = await _until_shown(h, menu, "المواضيع التي تتابعها القناة")
        [prompt] = await h.click(topics, "➕ أضف موضوعًا")
        assert f"الموضوعَ الذي تتابعه القناة «{TITLE}»" in prompt.plain_text
        assert prompt.reply_markup is not None and prompt.reply_markup.get("force_reply")
        before = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "الغوطة", extra=_reply_to(prompt))
        [done] = (await h.emu.await_messages(ADMIN, before + 1))[before:]
        assert "تمت متابعة «الغوطة» في القناة" in done.plain_text
        assert "t.me/" not in done.text  # no share link for a channel's topic
        await h.settle()
        assert len(h.emu.messages(ADMIN)) == before + 1  # not also answered as a search
        assert {s.topic for s in subscriptions.list_subscriptions(h.db, CHANNEL)} == {
            "لبنان", "الغوطة"}
        assert subscriptions.list_subscriptions(h.db, ADMIN) == []  # not the admin's own chat
        assert len(h.emu.messages(CHANNEL)) == posts  # nothing posted in the channel
        # demoted, an answer to the same prompt changes nothing
        h.emu.set_admins(CHANNEL, [])
        before = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "حلب", extra=_reply_to(prompt))
        [refused] = (await h.emu.await_messages(ADMIN, before + 1))[before:]
        assert "فلم يتغير شيء" in refused.plain_text
        assert "حلب" not in {s.topic for s in subscriptions.list_subscriptions(h.db, CHANNEL)}
        # a reply to any other message is a question as before
        before = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "الغوطة", extra=_reply_to(refused))
        [answer] = (await h.emu.await_messages(ADMIN, before + 1))[before:]
        assert "فلم يتغير شيء" not in answer.plain_text and "تمت متابعة" not in answer.plain_text
        assert subscriptions.list_subscriptions(h.db, ADMIN) == []
