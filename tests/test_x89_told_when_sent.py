"""X89 (REV s22 finding 2): a correction's figure is marked told when the chat reads it, not when
its row is queued. A daily chat's «🔄» row was marked (digests.chat_notices `fix:<story>:<mark>`)
when queued; a second correction while that row waited was skipped (the row renders the latest
text), so the digest showed 52 while the mark said 49, and a later flip back to 49 was silent
though the chat never read 49. An instant chat held by quiet hours had the same hole through its
row's kind (`update:fix:<mark>`).

Real parts: a local news site, the real poller and its re-read of corrected entries, real SQLite,
the real sender against the emulator (a new Sender each time = a restart)."""

from __future__ import annotations

from telegram import Bot

from bot.emulator import Emulator
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import Database
from test_x74_down_corrections import _send, _start, site
from test_x87_daily_flips import DAY, report_toll, start_daily

__all__ = ["site"]  # the fixture, used by name


async def test_a_daily_chat_gets_a_figure_its_digest_did_not_show(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    await start_daily(database, settings, site)
    await report_toll(site, database, settings, 40, 0)
    await _send(database, bot, 61)
    # 49 queued for the next digest, then 52 before it goes: the digest shows 52 only
    await report_toll(site, database, settings, 49, DAY)
    await report_toll(site, database, settings, 52, DAY + 20)
    await _send(database, bot, DAY + 61)
    texts = [m.plain_text for m in emu.messages(42)]
    assert len(texts) == 2 and "52" in texts[1] and "49" not in texts[1], texts
    # the site goes back to 49, which the chat never read: told; then 52 again: silent
    await report_toll(site, database, settings, 49, 2 * DAY)
    await _send(database, bot, 2 * DAY + 61)
    await report_toll(site, database, settings, 52, 3 * DAY)
    await _send(database, bot, 3 * DAY + 61)
    texts = [m.plain_text for m in emu.messages(42)]
    assert len(texts) == 3 and "49" in texts[2], texts


async def test_an_instant_chat_held_by_quiet_hours_likewise(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    await _start(database, settings, site, "نيبال")
    await report_toll(site, database, settings, 40, 0)
    assert await _send(database, bot, 1) == 1
    # quiet 13:00–15:00 its time (10:00–12:00 UTC): 49 comes at 10:10 and waits, 52 at 10:30
    database.db.execute("update chats set quiet_start = 13, quiet_end = 15 where id = 42")
    await report_toll(site, database, settings, 49, 70)
    await report_toll(site, database, settings, 52, 90)
    assert await _send(database, bot, 181) == 1
    texts = [m.plain_text for m in emu.messages(42)]
    assert "52" in texts[1] and "49" not in texts[1], texts
    # back to 49 after the quiet hours: the chat never read it
    await report_toll(site, database, settings, 49, 200)
    assert await _send(database, bot, 201) == 1
    assert "49" in emu.messages(42)[2].plain_text
    # and 52 again: it did read that one
    await report_toll(site, database, settings, 52, 220)
    assert await _send(database, bot, 221) == 0
    assert len(emu.messages(42)) == 3
