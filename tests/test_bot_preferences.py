"""bot.preferences and bot.zones: the settings text, time zones by IANA name with daylight saving time (and the
fixed offsets stored before them), and the settings buttons driven end to end through the
emulator: group members refused at the first press, «✓» on the current choice, «↪️ رجوع»."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot import callbacks
from bot.emulator import SentMessage
from bot.settings_words import hour_label, settings_text
from bot.zones import (
    DEFAULT_ZONE,
    ZONES,
    chat_offset,
    chat_zone,
    set_fixed_offset,
    set_zone,
    zone_label,
    zone_offset,
)
from digests import delivery_times, subscriptions
from digests.storage import Database
from digests.subscriptions import Chat

WINTER = datetime(2026, 1, 15, 12, tzinfo=UTC)
SUMMER = datetime(2026, 7, 15, 12, tzinfo=UTC)


def test_zone_labels() -> None:
    # fixed offsets chosen before zones existed keep their labels
    assert zone_label(180, "ar") == "UTC+3 (مكة، بغداد، دمشق، عمّان)"
    assert zone_label(60, "en") == "UTC+1 (Morocco, Algeria, Tunisia)"
    assert zone_label(330, "en") == "UTC+5:30"
    assert zone_label(-300, "ar") == "UTC−5"
    # a named zone shows its country and its offset now
    assert zone_label(180, "ar", "Asia/Beirut") == "لبنان (UTC+3)"
    assert zone_label(-240, "en", "America/New_York") == "New York (UTC−4)"


def test_every_zone_is_known_to_zoneinfo_and_the_list_covers_the_brief() -> None:
    names = {zone for zone, _, _ in ZONES}
    for zone in ("Africa/Cairo", "Asia/Beirut", "Asia/Gaza", "Asia/Damascus", "Asia/Amman",
                 "Asia/Baghdad", "Asia/Riyadh", "Asia/Dubai", "Asia/Qatar", "Asia/Kuwait",
                 "Africa/Casablanca", "Africa/Algiers", "Africa/Tunis", "Africa/Tripoli",
                 "Africa/Khartoum", "Africa/Nouakchott", "Asia/Muscat", "Asia/Aden",
                 "Europe/London", "Europe/Berlin", "America/New_York"):
        assert zone in names
    for zone in names:
        zone_offset(zone, WINTER)  # raises ZoneInfoNotFoundError without a tz database


def test_daylight_saving_time_is_followed() -> None:
    assert (zone_offset("Asia/Beirut", WINTER), zone_offset("Asia/Beirut", SUMMER)) == (120, 180)
    assert (zone_offset("Europe/London", WINTER), zone_offset("Europe/London", SUMMER)) == (0, 60)
    assert zone_offset("Asia/Riyadh", WINTER) == zone_offset("Asia/Riyadh", SUMMER) == 180


def test_hour_labels() -> None:
    assert hour_label(8, "ar") == "٨:٠٠" and hour_label(20, "en") == "20:00"


def test_settings_text() -> None:
    daily = Chat(id=1, mode="daily", daily_hour=20, quiet_start=23, quiet_end=7,
                 utc_offset_minutes=120)
    text = settings_text(daily, "ar", now=WINTER).replace("\u200e", "")
    assert "نشرة يومية الساعة ٢٠:٠٠" in text and "من ٢٣:٠٠ إلى ٧:٠٠" in text
    assert "UTC+2 (مصر" in text
    assert all(line[0] == "\u200f" or "\u0600" <= line[0] <= "\u06ff"
               for line in text.split("\n"))  # right-to-left lines
    english = settings_text(Chat(id=1), "en", now=WINTER)
    assert "Alerts: instant" in english and "Quiet hours: not set" in english
    assert "ساعات الهدوء: غير مفعّلة" in settings_text(Chat(id=1), "ar", now=WINTER)
    assert "التوقيت: لبنان (" in settings_text(daily, "ar", "Asia/Beirut", now=WINTER)


def test_the_settings_label_reads_the_zones_offset_when_shown() -> None:
    """No job keeps a stored offset in step: a zoned chat's label is its zone's offset at the
    moment it is shown (Beirut: UTC+2 in winter, UTC+3 in summer, whatever was stored when it
    was chosen); a fixed offset from before zones is shown as stored."""
    beirut = Chat(id=1, utc_offset_minutes=120)  # stored in winter, never refreshed
    for now, shown in ((WINTER, "لبنان (UTC+2)"), (SUMMER, "لبنان (UTC+3)")):
        text = settings_text(beirut, "ar", "Asia/Beirut", now=now).replace("\u200e", "")
        assert f"التوقيت: {shown}" in text
    london = settings_text(Chat(id=1, utc_offset_minutes=0), "en", "Europe/London", now=SUMMER)
    assert "London (UTC+1)" in london.replace("\u200e", "")
    fixed = settings_text(Chat(id=1, utc_offset_minutes=120), "ar", None, now=SUMMER)
    assert "UTC+2 (مصر" in fixed.replace("\u200e", "")
    assert chat_offset("Asia/Beirut", 120, SUMMER) == 180
    assert chat_offset(None, 120, SUMMER) == chat_offset("Mars/Olympus", 120, SUMMER) == 120


def _chat_row(db: Database, chat_id: int) -> dict[str, object]:
    return dict(next(db.db.query("select * from chats where id = ?", [chat_id])))


def test_zoned_chats_follow_the_clocks_and_old_offsets_keep_working(tmp_path: Path) -> None:
    with Database(tmp_path / "z.db") as db:
        for chat_id in (1, 2):
            subscriptions.upsert_chat(db, chat_id, now=WINTER, type="private")
            subscriptions.set_mode(db, chat_id, "daily", 8, now=WINTER)
        set_zone(db, 1, "Asia/Beirut", WINTER)
        set_fixed_offset(db, 2, 120, WINTER)  # a fixed offset, as stored before zones
        assert chat_zone(db, 1) == "Asia/Beirut" and chat_zone(db, 2) is None
        # winter: 08:00 in Beirut is 06:00 UTC for both
        assert delivery_times.next_daily(WINTER, _chat_row(db, 1))[1].hour == 6
        assert delivery_times.next_daily(WINTER, _chat_row(db, 2))[1].hour == 6
        # summer: the zoned chat moves with Lebanon's clocks with no job run in between (its
        # stored offset is still winter's); the fixed one stays at UTC+2
        assert delivery_times.next_daily(SUMMER, _chat_row(db, 1))[1].hour == 5
        assert delivery_times.next_daily(SUMMER, _chat_row(db, 2))[1].hour == 6
        chat = subscriptions.get_chat(db, 1)
        assert chat is not None and chat.utc_offset_minutes == 120
        assert "لبنان (UTC+3)" in settings_text(chat, "ar", chat_zone(db, 1),
                                                now=SUMMER).replace("\u200e", "")


async def test_zone_picker_marks_the_current_zone_and_goes_back(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [menu] = await h.say(READER, "/settings")
        assert "✓ ⚡ فورية (مختار)" in menu.button_texts()
        h.emu.click(menu, "🌐 التوقيت")
        await h.until(lambda: "اختر توقيتك" in h.emu.messages(READER)[-1].plain_text)
        picker = h.emu.messages(READER)[-1]
        assert {"لبنان", "السودان", "موريتانيا", "لندن", "↪️ رجوع"} <= set(picker.button_texts())
        h.emu.click(picker, "لبنان")
        await h.until(lambda: "التوقيت: لبنان (" in h.emu.messages(READER)[-1].plain_text)
        row = _chat_row(h.db, READER)
        assert row["time_zone"] == "Asia/Beirut"
        assert row["utc_offset_minutes"] == zone_offset("Asia/Beirut", datetime.now(UTC))
        h.emu.click(h.emu.messages(READER)[-1], "🌐 التوقيت")
        await h.until(lambda: "✓ لبنان (مختار)" in h.emu.messages(READER)[-1].button_texts())
        h.emu.click(h.emu.messages(READER)[-1], "↪️ رجوع")
        await h.until(lambda: "الإعدادات الحالية" in h.emu.messages(READER)[-1].plain_text)
        # the daily hour picker marks the hour in use
        h.emu.click(h.emu.messages(READER)[-1], "🗓 يومية")
        await h.until(lambda: "في أي ساعة" in h.emu.messages(READER)[-1].plain_text)
        h.emu.click(h.emu.messages(READER)[-1], "٩:٠٠")
        await h.until(lambda: "✓ 🗓 يومية (مختار)" in h.emu.messages(READER)[-1].button_texts())
        h.emu.click(h.emu.messages(READER)[-1], "✓ 🗓 يومية (مختار)")
        await h.until(lambda: "✓ ٩:٠٠ (مختار)" in h.emu.messages(READER)[-1].button_texts())


async def test_an_old_fixed_offset_button_still_works(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [menu] = await h.say(READER, "/settings")
        old = callbacks.new_callback(h.db, chat_id=READER, action="zone",
                                     payload={"minutes": 60}, now=datetime.now(UTC))
        await h.click_answer(menu, data=old)
        await h.until(lambda: "UTC+1 (المغرب" in h.emu.messages(READER)[-1].plain_text
                      .replace("\u200e", ""))
        chat = subscriptions.get_chat(h.db, READER)
        assert chat is not None and chat.utc_offset_minutes == 60
        assert chat_zone(h.db, READER) is None


async def test_group_members_are_refused_at_the_first_settings_press(tmp_path: Path) -> None:
    group = -100900
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[READER])
        member = h.user(READER + 7)
        # a member's own /settings shows what is set, without buttons (QA54-15); the admin's
        # menu, pressed by the member, is refused at the press
        [seen] = await h.say(group, "/settings", user=member)
        assert seen.buttons() == [] and "مشرفو المجموعة وحدهم" in seen.plain_text
        [menu] = await h.say(group, "/settings", user=h.user(READER))
        for label in ("🗓 يومية", "🌙 ساعات الهدوء", "🌐 التوقيت"):
            answer = await h.click_answer(menu, label, user=member)
            assert answer.get("show_alert")
            assert "يغيّر الإعدادات والمتابعات مشرفو المجموعة وحدهم" in answer.get("text", "")
        await h.settle()
        assert h.emu.messages(group)[-1].plain_text == menu.plain_text  # the menu is unchanged
        # a member's /lang is refused at once (QA31 G9); pressing the admin's picker too
        [refusal] = await h.say(group, "/lang", user=member)
        assert "مشرفو المجموعة وحدهم" in refusal.plain_text and refusal.buttons() == []
        [langs] = await h.say(group, "/lang", user=h.user(READER))
        answer = await h.click_answer(langs, "English", user=member)
        assert "مشرفو المجموعة وحدهم" in answer.get("text", "")
        chat = subscriptions.get_chat(h.db, group)
        assert chat is not None and chat.language != "en"
        # the group's admin may
        h.emu.click(menu, "🌐 التوقيت", user=h.user(READER))
        # the picker speaks of the group's zone, not «توقيتك» (QA B4)
        await h.until(lambda: any("اختر توقيت المجموعة" in m.plain_text
                                  for m in h.emu.messages(group)))
        assert not any("توقيتك" in m.plain_text for m in h.emu.messages(group))
        def now_shown() -> SentMessage:  # the menu message as edited so far
            return next(m for m in h.emu.messages(group) if m.message_id == menu.message_id)

        h.emu.click(now_shown(), "↪️ رجوع", user=h.user(READER))
        await h.until(lambda: "🗓 يومية" in now_shown().button_texts())
        h.emu.click(now_shown(), "🗓 يومية", user=h.user(READER))
        await h.until(lambda: any("في أي ساعة تصل المجموعةَ النشرة اليومية" in m.plain_text
                                  for m in h.emu.messages(group)))
        assert not any("تصلك" in m.plain_text for m in h.emu.messages(group))


def test_a_new_chat_starts_on_a_named_zone_and_existing_chats_keep_theirs(tmp_path: Path) -> None:
    """QA5 N13: a new chat started on the fixed UTC+3 «مكة، بغداد، دمشق، عمّان», which no picker
    button marks. It starts on Asia/Riyadh now; a chat stored before keeps its fixed offset."""
    with Database(tmp_path / "n.db") as db:
        subscriptions.upsert_chat(db, 1, now=WINTER)
        assert chat_zone(db, 1) == DEFAULT_ZONE == "Asia/Riyadh"
        chat = subscriptions.upsert_chat(db, 1, now=SUMMER, title="again")  # not a new chat
        assert chat_zone(db, 1) == DEFAULT_ZONE and chat.utc_offset_minutes == 180
        assert zone_offset(DEFAULT_ZONE, WINTER) == zone_offset(DEFAULT_ZONE, SUMMER) == 180
        assert "التوقيت: السعودية (UTC+3)" in settings_text(
            chat, "ar", chat_zone(db, 1), now=WINTER).replace("\u200e", "")
        # a chat that chose Beirut keeps it when it writes again
        set_zone(db, 1, "Asia/Beirut", WINTER)
        subscriptions.upsert_chat(db, 1, now=WINTER)
        assert chat_zone(db, 1) == "Asia/Beirut"
        # an old fixed-offset button takes the chat out of its zone, and the clocks leave it be
        fixed = set_fixed_offset(db, 1, 60, WINTER)
        assert chat_zone(db, 1) is None
        assert "UTC+1 (المغرب" in settings_text(fixed, "ar", None, now=SUMMER).replace(
            "\u200e", "")

    # a database from before the migration: its chats keep their fixed offsets
    path = tmp_path / "old.db"
    with Database(path) as db:  # undo 014 to get a database as it was before it
        db.db.execute("drop trigger chats_new_chat_zone")
        db.db.execute("delete from _migrations where name = '014_new_chat_zone'")
        subscriptions.upsert_chat(db, 5, now=WINTER)
        assert chat_zone(db, 5) is None
    with Database(path) as db:
        assert "014_new_chat_zone" in db.applied_migrations()
        assert chat_zone(db, 5) is None
        kept = subscriptions.get_chat(db, 5)
        assert kept is not None and kept.utc_offset_minutes == 180
        subscriptions.upsert_chat(db, 6, now=WINTER)
        assert chat_zone(db, 6) == DEFAULT_ZONE


async def test_the_zone_picker_marks_a_new_chats_zone(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [menu] = await h.say(READER, "/settings")
        assert "التوقيت: السعودية (UTC+3)" in menu.plain_text.replace("\u200e", "")
        h.emu.click(menu, "🌐 التوقيت")
        await h.until(lambda: "اختر توقيتك" in h.emu.messages(READER)[-1].plain_text)
        assert "✓ السعودية (مختار)" in h.emu.messages(READER)[-1].button_texts()


async def test_a_reader_switching_to_instant_gets_the_queued_digest_now(tmp_path: Path) -> None:
    """QA16 F3: stories queued for tomorrow's daily digest go at once, as one instant bundle,
    when the reader presses «⚡ فورية» — not ~20 h later under a daily header."""
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        now = datetime.now(UTC)
        subscriptions.set_mode(h.db, READER, "daily", 9, now=now)
        [menu] = await h.say(READER, "/settings")
        kind, when = delivery_times.next_daily(now + timedelta(days=1), {"daily_hour": 9,
                                                                         "time_zone": DEFAULT_ZONE})
        picked = h.db.db.execute("select story_id, max(id) from articles where story_id is not"
                                 " null group by story_id order by story_id limit 3").fetchall()
        with h.db.transaction() as tx:
            for story, article in picked:
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, not_before,"
                           " created_at) values (?,?,?,?,?,?)",
                           [READER, story, article, kind, when.isoformat(), now.isoformat()])
        before = len(h.emu.messages(READER))
        h.emu.click(menu, "⚡ فورية")
        await h.until(lambda: h.db.db.execute(
            "select count(*) from outbox where chat_id = ? and status = 'sent'",
            [READER]).fetchone()[0] == 3)
        await h.settle()
        sent = [m.plain_text for m in h.emu.messages(READER)[before:]
                if "📰" in m.plain_text]
        assert len(sent) == 1 and "نشرتك اليومية" not in sent[0]  # one bundle, instant
        assert {r[0] for r in h.db.db.execute(
            "select kind from outbox where chat_id = ?", [READER])} == {"instant"}


async def test_an_english_reader_starts_on_utc_and_is_told_how_to_pick_a_zone(
        tmp_path: Path) -> None:
    """Brief X25: an English reader started on Riyadh's zone (UTC+3), so their daily digest and
    quiet hours came three hours off for most of them, and nothing said so. A new private chat
    whose Telegram speaks English starts on UTC (labelled, marked in the picker), /start says
    where to pick a zone, and a digest at 8:00 is 08:00 UTC; an Arabic reader keeps Riyadh and
    gets no such line."""
    english, arabic = READER + 20, READER + 21
    async with running_bot(sample_db(tmp_path)) as h:
        [welcome] = await h.say(english, "/start", language_code="en")
        # the last line before the topic buttons is «Try one of these topics:» (QA26 N16)
        assert welcome.plain_text.split("\n")[-2:] == [
            # /zone, as the hint of a chat in another zone says (X79, QA51 L9)
            "🌐 Times (the daily digest, quiet hours) are in UTC. To pick your time zone: /zone",
            "Try one of these topics:"]
        assert chat_zone(h.db, english) == "UTC"
        [menu] = await h.say(english, "/settings", language_code="en")
        assert "Time zone: UTC" in menu.plain_text.replace("\u200e", "")
        h.emu.click(menu, "🌐 Time zone")
        await h.until(lambda: "✓ UTC (selected)" in h.emu.messages(english)[-1].button_texts())
        chat = subscriptions.get_chat(h.db, english)
        assert chat is not None
        _, when = delivery_times.next_daily(datetime(2026, 11, 30, 5, tzinfo=UTC),
                                            {"daily_hour": chat.daily_hour, "time_zone": "UTC"})
        assert when == datetime(2026, 11, 30, 8, tzinfo=UTC)  # 8:00 is 08:00 UTC
        # picking a zone takes the UTC hint away; the welcome names the zone picked (QA47 Z2)
        h.emu.click(h.emu.messages(english)[-1], "London")
        await h.until(lambda: "Time zone: London" in h.emu.messages(english)[-1].plain_text)
        [again] = await h.say(english, "/start", language_code="en")
        assert "are in UTC." not in again.plain_text and "London time" in again.plain_text
        [ar] = await h.say(arabic, "/start")
        assert chat_zone(h.db, arabic) == DEFAULT_ZONE and "/settings" not in ar.plain_text
        assert "بتوقيت السعودية" in ar.plain_text  # Riyadh's, said (QA47 Z2: it said nothing)


def test_the_utc_zone_is_labelled_once() -> None:
    assert zone_label(0, "en", "UTC") == "UTC"
    assert zone_label(0, "ar", "UTC") == "التوقيت العالمي (UTC)"
    assert chat_offset("UTC", 180, SUMMER) == 0
