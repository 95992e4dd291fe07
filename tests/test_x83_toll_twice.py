"""X83 (QA55-1, S1): a correction headline already sent to a chat never goes to it again.

The site flips its toll in place 60 → 66 → 65 → 66 → 65, the 65 report saying the toll was
revised («… 65 وليس 66»). The reader gets the alert (60), the «🔄» of 66 and the «🔄» of 65 (a
figure it had not read: sent as a correction). The flip back to 66 is silent (its mark went). The
second 65 was then sent again as a downward revision (`update:down`), though 65 was the last
thing the reader was told: the same «🔄 تحديث · … 65» twice. Now it stays silent; a revision down
to a figure the reader read *before* the last one it was told (X74's 65 → 66 → 65) still goes.

Real parts: a local news site, the real poller and its re-read of corrected entries, real SQLite,
the real sender against the emulator.
"""

from __future__ import annotations

from telegram import Bot

from bot.emulator import Emulator
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import Database
from test_x74_down_corrections import (PLAIN, PLANE, SAID, _kinds, _report, _send, _start,
                                       site)

__all__ = ["site"]  # the fixture, used by name


async def test_a_headline_told_last_is_not_told_again_as_a_revision(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    await _start(database, settings, site, "الطائرة الإيرانية")
    steps = [(60, PLAIN.format(n=60)), (66, PLAIN.format(n=66)), (65, SAID.format(n=65, was=66))]
    for i, (n, body) in enumerate(steps):  # the alert, «🔄 66», «🔄 65» (new to the reader)
        await _report(site, database, settings, PLANE.format(n=n), [body], 20 * i)
        assert await _send(database, bot, 20 * i + 1) == 1
    # back to 66 without words (silent), then to 65 with the revision sentence again
    await _report(site, database, settings, PLANE.format(n=66), [PLAIN.format(n=66)], 60)
    assert await _send(database, bot, 61) == 0
    await _report(site, database, settings, PLANE.format(n=65), [SAID.format(n=65, was=66)], 80)
    await _send(database, bot, 81)
    texts = [m.plain_text for m in emu.messages(42)]
    assert len(texts) == 3, texts
    assert sum("65" in t and "🔄" in t for t in texts) == 1
    assert not any(k.startswith("update:down:") for k in _kinds(database))


async def test_a_revision_down_past_the_last_told_figure_still_goes(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    # 60 → 65 (told) → 66 (told) → 65 with the words: the reader read 66 last, so told
    await _start(database, settings, site, "الطائرة الإيرانية")
    for i, n in enumerate((60, 65, 66)):
        await _report(site, database, settings, PLANE.format(n=n), [PLAIN.format(n=n)], 20 * i)
        assert await _send(database, bot, 20 * i + 1) == 1
    await _report(site, database, settings, PLANE.format(n=65), [SAID.format(n=65, was=66)], 60)
    assert await _send(database, bot, 61) == 1
    assert _kinds(database)[3].startswith("update:down:")
