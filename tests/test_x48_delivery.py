"""QA32's delivery findings (brief X48): a clock set back no longer re-postpones a chat's next
alert at every pass (R1); a Telegram outage pauses the sender instead of spending each row's
attempts, and nothing it touches is lost (R2); a chat's own repeated 429, or a 5xx between two
chats' 429s, holds that chat only (R3). Real SQLite, real PTB against the emulator; every chat
has quiet hours off (delivery_helpers.add_chat) and the sender's clock is pinned where the test
does not need it to move."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source, rows
from digests.models import iso
from digests.storage import Database
from test_x42_delivery import make_sender, queue

# ------------------------------------------------------------------------------------- R1


async def test_a_clock_set_back_delivers_the_next_alert_within_the_gap(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """QA32 R1: the last alert's `sent_at`, written an hour «ahead» before the clock was set
    back, was clamped to now at every pass, so the next alert was postponed 5 min again and
    again (S6: 0 of 814 delivered in 8 min, and after a restart). Now the alerts sent before
    now space it: due 5 min after the true last one, it goes at the pass that finds it due, and
    a restart does not send it again."""
    src = add_source(database, "src")
    old, older, new = (add_article(database, src, f"خبر {i}", story_id=70 + i)
                       for i in range(3))
    add_chat(database, 1)
    ahead = queue(database, 1, old)
    before = queue(database, 1, older)
    database.db.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                        [iso(NOW + timedelta(hours=1)), ahead])
    database.db.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                        [iso(NOW - timedelta(minutes=2)), before])
    row = queue(database, 1, new)
    clock = [NOW]
    gap = timedelta(minutes=5)
    sender = make_sender(database, bot, clock=lambda: clock[0], instant_gap=gap)
    assert await sender.run_once() == 0  # type: ignore[attr-defined]
    [held] = rows(database, "id = ?", [row])
    assert held["status"] == "pending"
    assert str(held["not_before"]) == iso(NOW + timedelta(minutes=3))  # the true last + 5 min
    clock[0] = NOW + timedelta(minutes=5, seconds=1)  # past it: the second pass sends it
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    clock[0] += timedelta(seconds=1)
    restarted = make_sender(database, bot, clock=lambda: clock[0], instant_gap=gap)
    assert await restarted.run_once() == 0  # type: ignore[attr-defined]
    assert len(emu.messages(1)) == 1
    [done] = rows(database, "id = ?", [row])
    assert done["status"] == "sent"


async def test_only_alerts_ahead_of_the_clock_leave_the_next_one_unspaced(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """QA32 R1's forward case (S13b: chats served while the clock was 3 h ahead): no alert
    sent before now, so the next one goes at the first pass, not 3 h later."""
    src = add_source(database, "src")
    old, new = (add_article(database, src, f"خبر {i}", story_id=80 + i) for i in range(2))
    add_chat(database, 1)
    ahead = queue(database, 1, old)
    database.db.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                        [iso(NOW + timedelta(hours=3)), ahead])
    queue(database, 1, new)
    clock = [NOW]
    sender = make_sender(database, bot, clock=lambda: clock[0],
                         instant_gap=timedelta(minutes=5))
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    assert len(emu.messages(1)) == 1
