"""QA47 Z1: the hour picker offers ٦:٠٠ (and 22:00), new chats are quiet 23:00–07:00, and the
digest the reader chose for 6:00 came at 7:00 (22:00 with quiet 22–07: next morning, under the
day before's date) while the toast and /settings said 6:00. A daily digest is asked for, not an
alert: it now comes at its hour, quiet or not; one found due after its hour (the bot was down)
still waits for the quiet hours' end. The real bot against the emulator, real SQLite, a pinned
clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY
from bot.settings_words import hour_label
from digests.models import iso

# 02:30 UTC is 05:30 in Riyadh (a new chat's zone): inside the new chat's quiet hours 23–07
NIGHT = datetime(2026, 3, 28, 2, 30, tzinfo=UTC)


def _pin(h, clock: list[datetime]) -> None:  # type: ignore[no-untyped-def]
    rt = h.app.bot_data[RUNTIME_KEY]
    rt.clock = lambda: clock[0]
    rt.sender.clock = lambda: clock[0]


def _queue_alerts(h, n: int, held_until: datetime) -> None:  # type: ignore[no-untyped-def]
    picked = h.db.db.execute("select story_id, max(id) from articles where story_id is not"
                             " null group by story_id order by story_id limit ?", [n]).fetchall()
    with h.db.transaction() as tx:
        for story, article in picked:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, not_before,"
                       " created_at) values (?,?,?,'instant',?,?)",
                       [READER, story, article, iso(held_until), iso(NIGHT)])


async def _pick_daily(h, hour: int) -> dict:  # type: ignore[no-untyped-def, type-arg]
    [menu] = await h.say(READER, "/settings")
    daily = next(b for b in menu.button_texts() if "🗓 يومية" in b)  # «✓ … (مختار)» when set
    await h.click(menu, daily, n=0)

    def edited() -> list:  # type: ignore[type-arg]
        return [m for m in h.emu.messages(READER) if m.message_id == menu.message_id
                and hour_label(hour, "ar") in m.button_texts()]

    await h.until(edited)
    [hours] = edited()
    return await h.click_answer(hours, hour_label(hour, "ar"))  # type: ignore[no-any-return]


async def test_a_six_oclock_digest_comes_at_six_inside_quiet_hours(tmp_path: Path) -> None:
    clock = [NIGHT]
    async with running_bot(sample_db(tmp_path), night_quiet=True) as h:
        _pin(h, clock)
        await h.say(READER, "/start")
        quiet = h.db.db.execute("select quiet_start, quiet_end, time_zone from chats"
                                " where id = ?", [READER]).fetchone()
        assert tuple(quiet) == (23, 7, "Asia/Riyadh")
        _queue_alerts(h, 3, NIGHT + timedelta(hours=1, minutes=30))  # held until 07:00
        answer = await _pick_daily(h, 6)
        assert "٦:٠٠" in str(answer.get("text"))
        due = {r[0] for r in h.db.db.execute(
            "select not_before from outbox where chat_id = ? and status = 'pending'", [READER])}
        # 06:00 Riyadh = 03:00 UTC (was 04:00 UTC, the end of the quiet hours)
        assert due == {iso(datetime(2026, 3, 28, 3, tzinfo=UTC))}
        before = len(h.emu.messages(READER))
        clock[0] = datetime(2026, 3, 28, 3, 0, 30, tzinfo=UTC)  # 06:00:30 Riyadh
        got = await h.emu.await_messages(READER, before + 1, timeout=10.0)
        assert "نشرتك اليومية" in got[before].plain_text
        await h.until(lambda: h.db.db.execute(  # marked sent just after the message
            "select count(*) from outbox where chat_id = ? and status = 'sent'",
            [READER]).fetchone()[0] == 3)


async def test_a_digest_found_due_hours_late_at_night_still_waits(tmp_path: Path) -> None:
    """The bot down at the reader's 20:00: found due at 01:30 local, the digest waits for 07:00
    (README: quiet hours hold a digest found due at night because the bot was down)."""
    clock = [datetime(2026, 3, 27, 12, tzinfo=UTC)]
    async with running_bot(sample_db(tmp_path), night_quiet=True) as h:
        _pin(h, clock)
        await h.say(READER, "/start")
        await _pick_daily(h, 20)
        story, article = h.db.db.execute("select story_id, max(id) from articles where story_id"
                                         " is not null group by story_id limit 1").fetchone()
        with h.db.transaction() as tx:  # the 20:00 digest of the 27th, never sent
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, not_before,"
                       " created_at) values (?,?,?,'daily:2026-03-27',?,?)",
                       [READER, story, article, iso(datetime(2026, 3, 27, 17, tzinfo=UTC)),
                        iso(clock[0])])
        clock[0] = datetime(2026, 3, 27, 22, 30, tzinfo=UTC)  # 01:30 Riyadh, quiet
        await h.until(lambda: h.db.db.execute(
            "select not_before from outbox where chat_id = ? and status = 'pending'",
            [READER]).fetchone()[0] == iso(datetime(2026, 3, 28, 4, tzinfo=UTC)))
        assert not [m for m in h.emu.messages(READER) if "نشرتك اليومية" in m.plain_text]


async def test_a_new_hour_after_todays_digest_is_said_to_start_tomorrow(tmp_path: Path) -> None:
    """QA47 Z9: a change of hour after today's digest starts tomorrow (right), and the toast
    said nothing of it."""
    clock = [datetime(2026, 3, 28, 9, tzinfo=UTC)]  # 12:00 Riyadh
    async with running_bot(sample_db(tmp_path)) as h:
        _pin(h, clock)
        await h.say(READER, "/start")
        answer = await _pick_daily(h, 20)
        assert "النشرة التالية: اليوم الساعة ٢٠:٠٠." in str(answer.get("text"))
        story, article = h.db.db.execute("select story_id, max(id) from articles where story_id"
                                         " is not null group by story_id limit 1").fetchone()
        with h.db.transaction() as tx:  # today's digest went (at 8:00, an hour chosen before)
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                       " created_at, sent_at) values (?,?,?,'daily:2026-03-28','sent',?,?)",
                       [READER, story, article, iso(clock[0]), iso(clock[0])])
        answer = await _pick_daily(h, 21)
        assert "النشرة التالية: غدًا الساعة ٢١:٠٠." in str(answer.get("text"))


async def test_a_zone_change_says_when_it_ends_or_starts_the_quiet_hours(tmp_path: Path) -> None:
    """QA47 Z9: a zone change that releases held alerts (or holds new ones) said only
    «✅ التوقيت: لندن (UTC+0)»; the behaviour itself was right."""
    clock = [datetime(2026, 3, 27, 21, 30, tzinfo=UTC)]  # 00:30 Riyadh (quiet), 21:30 London
    async with running_bot(sample_db(tmp_path), night_quiet=True) as h:
        _pin(h, clock)
        await h.say(READER, "/start")
        _queue_alerts(h, 2, datetime(2026, 3, 28, 4, tzinfo=UTC))  # held until 07:00 Riyadh
        [picker] = await h.say(READER, "/zone")
        answer = await h.click_answer(picker, "لندن")
        assert "التنبيهات المنتظرة في طريقها الآن." in str(answer.get("text"))
        [picker] = await h.say(READER, "/zone")
        answer = await h.click_answer(picker, "الإمارات")  # 01:30 in Dubai: quiet
        assert "ساعات الهدوء الآن: تصل التنبيهات عند ٧:٠٠." in str(answer.get("text"))
