"""X87 (review REV of session 21): a daily chat was told a toll that flips back, once a day. A
site flipping its toll in place (40 → 49 → 52 → 49 → 52) reaches an instant chat once per figure
(the correction row's kind carries the headline's mark, X56/X83); a daily chat's rows are kind
`daily:<date>`, so no mark was kept and each flip back went into the next day's digest again.
Now a daily chat's corrections are marked too (digests.chat_notices `fix:<story>:<mark>`), and a
headline told once is not queued again for it, as for an instant chat.

Real parts: a local news site, the real poller and its re-read of corrected entries, real SQLite,
the real sender against the emulator (a new Sender each day = a restart)."""

from __future__ import annotations

from telegram import Bot

from bot.emulator import Emulator
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import Database
from test_x74_down_corrections import CRASH, _report, _send, _start, site

__all__ = ["site"]  # the fixture, used by name

DAY = 24 * 60  # minutes
BODY = "قالت السلطات في نيبال إن {n} شخصا قتلوا حين تحطمت طائرة ركاب في مطار كاتماندو."


async def start_daily(database: Database, settings: Settings, site: SampleSite) -> None:
    """Chat 42 follows «نيبال», daily at 13:00 its time (UTC+3): 10:00 UTC, an hour after each
    day's poll (09:00 UTC)."""
    await _start(database, settings, site, "نيبال")
    database.db.execute("update chats set mode = 'daily', daily_hour = 13 where id = 42")


async def report_toll(site: SampleSite, database: Database, settings: Settings, n: int,
                      minutes: int) -> None:
    """The site reports the crash with `n` dead, `minutes` after the start."""
    await _report(site, database, settings, CRASH.format(n=n), [BODY.format(n=n)], minutes)


async def test_a_daily_chat_is_told_each_figure_once(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    await start_daily(database, settings, site)
    told = []
    for day, n in enumerate((40, 49, 52, 49, 52)):
        await report_toll(site, database, settings, n, DAY * day)
        await _send(database, bot, DAY * day + 61)
        told.append(len(emu.messages(42)))
    # a digest the first three days (the report, «49», «52»); the flips back: nothing
    assert told == [1, 2, 3, 3, 3], (told, [m.plain_text for m in emu.messages(42)])
