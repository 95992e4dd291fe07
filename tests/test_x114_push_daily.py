"""X114 (QA71-6, QA71-10): an admin's /push reaches a daily-mode follower now, and its «still
queued» answer says the day and the zone.

QA71-6: at 17:00 Riyadh `/push الغوطة` sent nothing to a daily chat whose two Ghouta stories
waited for its next digest (the README: «نشرة المشرف لا تنتظر»), and answered «… يُرسلان نحو
الساعة ٠٨:٠٠» — no «غدًا», no zone, the hour padded. QA71-10: pinning the bot's clock pinned
the runtime and the planner, not the courier nor the hold teller; `running_bot(clock=…)`
(`BotHarness.pin`) pins them all, and the rows sent here are stamped on the pinned clock.

Real PTB Application against the emulator, real SQLite (the sample archive), a pinned clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import subscriptions
from digests.delivery_times import next_daily
from digests.models import iso
from digests.new_deliveries import insert_rows
from digests.push_queue import _top_stories
from digests.storage import Database

# 14:00 UTC: 17:00 in Riyadh (the chats' zone), the hour of QA71's /push
NOW = datetime(2026, 3, 25, 14, 0, tzinfo=UTC)


def _plain(text: str) -> str:
    """`text` without the direction marks around Latin runs («(\u200eUTC+3\u200e)»)."""
    return text.replace("\u200e", "").replace("\u200f", "")


def _follow(path: Path, *, mode: str, stories: int, not_before: datetime | None = None
            ) -> list[int]:
    """READER follows the general digest in `mode` (daily at 8:00) with rows of the push's
    first `stories` top stories waiting: the next digest's for a daily chat, instant alerts
    due at `not_before` otherwise. Returns the waiting stories."""
    with Database(path) as db:
        subscriptions.upsert_chat(db, READER, now=NOW)
        subscriptions.subscribe(db, READER, "", now=NOW)
        db.db.execute("update chats set mode = ?, daily_hour = 8, quiet_start = null,"
                      " quiet_end = null where id = ?", [mode, READER])
        chat = dict(zip(("mode", "daily_hour", "time_zone", "utc_offset_minutes"),
                        db.db.execute("select mode, daily_hour, time_zone, utc_offset_minutes"
                                      " from chats where id = ?", [READER]).fetchone()))
        kind, when = next_daily(NOW, chat) if mode == "daily" else ("instant", not_before)
        top = _top_stories(db.db, NOW, 5)[:stories]
        with db.transaction() as tx:
            insert_rows(tx, [(READER, s, a, kind, iso(when) if when else None)
                             for s, a in top], NOW)
    return [s for s, _a in top]


async def test_a_push_takes_a_daily_followers_waiting_stories_now(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    waiting = _follow(path, mode="daily", stories=2)
    async with running_bot(path, clock=lambda: NOW) as h:
        [answer] = await h.say(ADMIN, "/push")
        assert "لا أخبار جديدة" not in answer.plain_text, answer.plain_text
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text)
        rows = h.db.db.execute("select story_id, kind, status, sent_at from outbox"
                               " where chat_id = ? order by id", [READER]).fetchall()
        pushed = [r for r in rows if str(r[1]).startswith("push:")]
        assert {r[0] for r in pushed} >= set(waiting), rows  # both went with the push
        # nothing waits for the digest (X122: the digest row keeps the taken stories marked
        # «sent with push:1», skipped, so a row of it may remain — never pending)
        assert not [r for r in rows if str(r[1]).startswith("daily:")
                    and r[2] == "pending"], rows
        # QA71-10: stamped on the pinned clock (the courier's), not the wall clock
        assert {(r[2], r[3]) for r in pushed} == {("sent", iso(NOW))}, rows
        assert len(h.emu.messages(READER)) == 1  # one push message, now, not at 8:00


async def test_the_queued_answer_says_tomorrow_the_hour_as_set_and_the_zone(
        tmp_path: Path) -> None:
    """Instant alerts held until 8:00 tomorrow (Riyadh) are what the followers wait for: the
    answer says «غدًا نحو الساعة ٨:٠٠ بتوقيت السعودية (UTC+3)», in English too."""
    path = sample_db(tmp_path)
    tomorrow_eight = datetime(2026, 3, 26, 5, 0, tzinfo=UTC)  # 8:00 in Riyadh
    _follow(path, mode="instant", stories=5, not_before=tomorrow_eight)
    async with running_bot(path, clock=lambda: NOW) as h:
        [answer] = await h.say(ADMIN, "/push")
        text = _plain(answer.plain_text)
        assert "تُرسل غدًا نحو الساعة ٨:٠٠ بتوقيت السعودية (UTC+3)" in text, text
        assert "٠٨:٠٠" not in text
        await h.say(ADMIN, "/lang en")
        [answer] = await h.say(ADMIN, "/push")
        assert "tomorrow at about 8:00" in answer.plain_text, answer.plain_text
        assert "(UTC+3)" in _plain(answer.plain_text)


async def test_the_same_day_and_a_later_day(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _follow(path, mode="instant", stories=5, not_before=NOW + timedelta(hours=3))
    async with running_bot(path, clock=lambda: NOW) as h:
        [answer] = await h.say(ADMIN, "/push")
        assert "تُرسل نحو الساعة ٢٠:٠٠ بتوقيت السعودية (UTC+3)" in _plain(answer.plain_text), \
            answer.plain_text
        assert "غدًا" not in answer.plain_text
    later = tmp_path / "later"
    later.mkdir()
    path = sample_db(later)
    _follow(path, mode="instant", stories=5, not_before=NOW + timedelta(days=2))
    async with running_bot(path, clock=lambda: NOW) as h:
        [answer] = await h.say(ADMIN, "/push")
        assert "تُرسل يوم ٢٧ مارس ٢٠٢٦ نحو الساعة ١٧:٠٠" in answer.plain_text, \
            answer.plain_text
