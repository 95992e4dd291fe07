"""X80 item 3: how long a chat has been held is told in days and hours. A channel the bot could
not post in for 40 days was named in /stats «قناة المجتمع» (٩٦٠ س) — hours, however many. Now
«(٤٠ يومًا)» / "(40 days)", «(يومين و٣ ساعات)» / "(2 days 3 h)" under a week, «(٥ ساعات)» under
a day (bot.i18n.lasted).

Real parts: the real Application (PTB) against the emulator, a real SQLite file.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from bot.chat_holds import Held, held_line
from bot.i18n import lasted
from digests.models import iso
from digests.storage import Database
from digests.subscriptions import upsert_chat

CHANNEL = -100880


async def test_stats_tells_a_long_hold_in_days(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    since = datetime.now(UTC) - timedelta(days=40, hours=3)
    with Database(path) as db:
        upsert_chat(db, CHANNEL, now=since, type="channel", title="قناة المجتمع")
        with db.transaction() as tx:  # held 40 days for lacking the right to post
            tx.execute("update chats set active = 0, deactivated_at = ?, deactivated_reason ="
                       " 'held: need administrator rights in the channel chat' where id = ?",
                       [iso(since), CHANNEL])
    async with running_bot(path) as h:
        stats = " ".join(m.plain_text for m in await h.say(ADMIN, "/stats", n=1, timeout=20))
    assert "«قناة المجتمع» (٤٠ يومًا)" in stats, stats  # before: «(٩٦٠ س)» … «(٩٦٣ س)»
    assert " س)" not in stats


def test_the_line_in_both_languages() -> None:
    now = datetime(2018, 3, 1, 12, tzinfo=UTC)
    chats = [Held(1, "أ", "channel", now - timedelta(days=2, hours=3), "x"),
             Held(2, "ب", "group", now - timedelta(hours=5, minutes=20), "x"),
             Held(3, "ج", "channel", now - timedelta(days=40), "x")]
    ar, en = held_line(chats, "ar", now), held_line(chats, "en", now)
    assert ar is not None and en is not None
    assert "«أ» (يومين و٣ ساعات)، «ب» (٥ ساعات)، «ج» (٤٠ يومًا)" in ar, ar  # the Arabic comma (review RF)
    assert "«أ» (2 days 3 h), «ب» (5 h), «ج» (40 days)" in en.replace("\u200e", ""), en
    assert lasted(30, "ar") == "دقيقة" and lasted(86400, "en") == "1 day"
