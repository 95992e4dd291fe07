"""QA52 R6/R7: the hold and resume notes.

- R6: a channel held before anything was waiting was told «أخبارها موقوفة (٠ في الانتظار)», and
  its resume «تُرسل الآن ٠ من الأخبار الموقوفة أو الفائتة»: zero clauses are left out.
- R7: a daily channel refused at its 20:00 and given its right back at 00:30 (quiet hours until
  07:00) was told its 3 kept stories come «في نشرتها اليومية القادمة»; they went at 07:00. The
  note now says when: «٣ تُرسل عند ٧:٠٠ بتوقيت السعودية (UTC+3)», and they do go then.

The real Application (PTB) and sender against the emulator, a real SQLite file, a pinned clock.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, running_bot
from delivery_helpers import add_chat, add_source
from test_x70_daily_quiet import _pin
from test_x71_chat_holds import CHANNEL, OWNER, _article, _no_gap, _told

from digests.models import iso
from digests.storage import Database


async def test_nothing_waiting_is_not_said_zero(tmp_path: Path) -> None:
    path = tmp_path / "zero.db"
    with Database(path) as db:
        add_chat(db, CHANNEL, type="channel", topics=("ترامب",))
        add_chat(db, OWNER, topics=())
        with db.transaction() as tx:
            tx.execute("update chats set title = 'قناة المجتمع' where id = ?", [CHANNEL])
    async with running_bot(path) as h:
        h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
        h.emu.take_rights(CHANNEL)
        h.emu.chat_member_update(CHANNEL, old_status="administrator", new_status="administrator",
                                 user=h.user(OWNER), rights={"can_post_messages": False})
        await h.until(lambda: _told(h, OWNER), 15)
        held = _told(h, OWNER)[0]
        assert "أخبارها موقوفة." in held and "في الانتظار" not in held and "waiting" not in held
        h.emu.give_rights(CHANNEL)
        h.emu.chat_member_update(CHANNEL, old_status="administrator", new_status="administrator",
                                 user=h.user(OWNER), rights={"can_post_messages": True})
        await h.until(lambda: any("عاد بوسعي النشر" in m for m in _told(h, OWNER)), 15)
        back = _told(h, OWNER)[-1]
        assert "✅ عاد بوسعي النشر في «قناة المجتمع»." in back, back
        assert "٠" not in back and " 0 " not in back, back


async def test_a_daily_channel_resumed_at_night_is_told_when(tmp_path: Path) -> None:
    path = tmp_path / "daily.db"
    with Database(path) as db:
        src = add_source(db, "src")
        arts = [_article(db, src, n) for n in range(3)]
        add_chat(db, CHANNEL, type="channel", topics=("ترامب",), mode="daily", daily_hour=20,
                 quiet=(23, 7))
        add_chat(db, OWNER, topics=())
        add_chat(db, ADMIN, topics=())
        with db.transaction() as tx:
            tx.execute("update chats set title = 'قناة المجتمع', time_zone = 'Asia/Riyadh'"
                       " where id = ?", [CHANNEL])
    clock = [datetime(2026, 3, 27, 16, 50, tzinfo=UTC)]
    async with running_bot(path) as h:
        _pin(h, clock)
        # Queued only once the clock is pinned: a sender pass before the pin, by the wall clock
        # at night in Riyadh (20:00–04:00 UTC), held the digest for the real morning.
        with h.db.transaction() as tx:
            for i, a in enumerate(arts):
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, not_before,"
                           " created_at, status) values (?,?,?,'daily:2026-03-27',?,?,'pending')",
                           [CHANNEL, 500 + i, a, iso(datetime(2026, 3, 27, 17, tzinfo=UTC)),
                            iso(datetime(2026, 3, 27, 12, tzinfo=UTC))])
        _no_gap(h)
        h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
        h.emu.take_rights(CHANNEL)
        clock[0] = datetime(2026, 3, 27, 17, 0, 30, tzinfo=UTC)  # its 20:00: refused, held
        await h.until(lambda: _told(h, OWNER), 20)
        clock[0] = datetime(2026, 3, 27, 21, 30, tzinfo=UTC)  # 00:30 Riyadh: quiet until 07:00
        h.emu.give_rights(CHANNEL)
        h.emu.chat_member_update(CHANNEL, old_status="administrator", new_status="administrator",
                                 user=h.user(OWNER), rights={"can_post_messages": True})
        await h.until(lambda: any("عاد بوسعي النشر" in m for m in _told(h, OWNER)), 15)
        back = _told(h, OWNER)[-1]
        # the count with its noun since X87 (QA58-14): «٣ أخبار تُرسل», was «٣ تُرسل»
        assert "٣ أخبار تُرسل عند ٧:٠٠ بتوقيت السعودية (UTC+3)" in back, back
        assert "نشرتها اليومية القادمة" not in back, back
        await asyncio.sleep(1)
        assert h.emu.messages(CHANNEL) == []  # quiet hours: not now
        clock[0] = datetime(2026, 3, 28, 4, 0, 30, tzinfo=UTC)  # 07:00:30 Riyadh
        await h.until(lambda: h.emu.messages(CHANNEL), 20)
