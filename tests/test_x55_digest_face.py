"""X55 item 2: /digest shows a story under its face (digests.story_face), the rule bundles and
the daily digest use, not under its newest report (a reaction, a side angle)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot

from bot.stories import latest_digests
from digests.models import iso
from digests.storage import Database

EVENT = "موسكو تطرد 23 دبلوماسيا بريطانيا"
EVENT_TOO = "روسيا تطرد 23 دبلوماسيا بريطانيا ردا على لندن"
REACTION = "أول تعليق لماي على قرار موسكو"
OTHER = "افتتاح معرض الكتاب في القاهرة"


def _archive(path: Path, now: datetime) -> None:
    """Story 10: the event twice, then a reaction (its newest report); story 20: one report."""
    with Database(path) as db, db.transaction() as tx:
        for sid in (1, 2, 3):
            tx.execute("insert into sources (id, url, name, added_at) values (?,?,?,?)",
                       [sid, f"https://s{sid}.example/feed", f"مصدر {sid}", iso(now)])
        for n, source, story, title, hours in ((1, 1, 10, EVENT, 3), (2, 2, 10, EVENT_TOO, 2),
                                               (3, 3, 10, REACTION, 1), (4, 1, 20, OTHER, 1.5)):
            at = iso(now - timedelta(hours=hours))
            tx.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title,"
                " headline, published_at, fetched_at, updated_at, story_id)"
                " values (?,?,?,?,?,?,?,?,?,?,?)",
                [n, source, f"https://news.example/{n}", f"news.example/{n}", f"h{n}", title,
                 title, at, at, at, story])


def test_top_stories_are_shown_by_their_face(tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    _archive(tmp_path / "n.db", now)
    with Database(tmp_path / "n.db") as db:
        got = latest_digests(db, now=now, limit=5)
        assert [d.headline for d in got] == [EVENT, OTHER]
        # at a clock before the first report was published, story 10 has no report yet
        early = latest_digests(db, now=now - timedelta(hours=2.5), limit=5)
        assert [d.headline for d in early] == [EVENT]


async def test_digest_command_shows_the_face_not_the_newest_report(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    _archive(path, datetime.now(timezone.utc))
    async with running_bot(path) as h:
        got = await h.say(READER, "/digest", n=2)
        shown = got[1].plain_text
        assert EVENT in shown and OTHER in shown
        assert REACTION not in shown
