"""X61 item 2: /digest and inline results honour the chat's muted sources (bot.reader_sources):
a story only a muted source told is not offered, another is shown by a report the chat reads —
its face among those (digests.story_face), not its newest reaction. Inline mode reads the
mutes of the user's private chat. The real bot on the emulator; real SQLite."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot

from bot.emulator import User
from bot.reader_sources import set_muted
from bot.stories import latest_digests
from digests.models import iso
from digests.search_index import reindex
from digests.storage import Database

EVENT = "موسكو تطرد 23 دبلوماسيا بريطانيا"           # story 10's face, by source 1
EVENT_TOO = "روسيا تطرد 23 دبلوماسيا بريطانيا ردا على لندن"  # story 10, source 2
REACTION = "أول تعليق لماي على قرار موسكو"           # story 10's newest report, source 3
OTHER = "افتتاح معرض الكتاب في القاهرة"               # story 20: source 1 alone
THIRD = "قمة اقتصادية في عمان"                          # story 30: source 2


def _archive(path: Path, now: datetime) -> None:
    with Database(path) as db, db.transaction() as tx:
        for sid in (1, 2, 3):
            tx.execute("insert into sources (id, url, name, added_at) values (?,?,?,?)",
                       [sid, f"https://s{sid}.example/feed", f"مصدر {sid}", iso(now)])
        for n, source, story, title, hours in ((1, 1, 10, EVENT, 3), (2, 2, 10, EVENT_TOO, 2),
                                               (3, 3, 10, REACTION, 1), (4, 1, 20, OTHER, 1.5),
                                               (5, 2, 30, THIRD, 2.5)):
            at = iso(now - timedelta(hours=hours))
            tx.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title,"
                " headline, published_at, fetched_at, updated_at, story_id)"
                " values (?,?,?,?,?,?,?,?,?,?,?)",
                [n, source, f"https://news.example/{n}", f"news.example/{n}", f"h{n}", title,
                 title, at, at, at, story])
            reindex(tx, n, title, title)  # as the ingest step indexes it


def test_top_stories_leave_out_a_muted_source(tmp_path: Path) -> None:
    now = datetime.now(timezone.utc)
    _archive(tmp_path / "n.db", now)
    with Database(tmp_path / "n.db") as db:
        assert [d.headline for d in latest_digests(db, now=now, limit=5)] == [EVENT, OTHER,
                                                                              THIRD]
        got = latest_digests(db, now=now, limit=5, muted=frozenset({1}))
        # story 10 by its face among sources 2 and 3 (not the reaction), story 20 gone
        assert [d.headline for d in got] == [EVENT_TOO, THIRD]


async def test_digest_and_inline_honour_the_mutes(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    now = datetime.now(timezone.utc)
    _archive(path, now)
    async with running_bot(path) as h:
        await h.say(READER, "/start")
        set_muted(h.db, READER, 1, True, now)
        got = await h.say(READER, "/digest", n=2)
        shown = got[1].plain_text
        assert EVENT_TOO in shown and THIRD in shown, shown
        assert EVENT not in shown and OTHER not in shown and REACTION not in shown, shown
        # inline: the user's private-chat mutes; another user mutes nothing
        mine = await h.emu.await_inline_answer(h.emu.inline_query("", user=User(READER)),
                                               timeout=10)
        titles = [r["title"] for r in mine["results"]]
        assert EVENT_TOO in titles and OTHER not in titles and EVENT not in titles, titles
        theirs = await h.emu.await_inline_answer(
            h.emu.inline_query("", user=User(READER + 7)), timeout=10)
        assert OTHER in [r["title"] for r in theirs["results"]]
        found = await h.emu.await_inline_answer(
            h.emu.inline_query("معرض الكتاب", user=User(READER)), timeout=10)
        assert not found["results"], found
        found = await h.emu.await_inline_answer(
            h.emu.inline_query("معرض الكتاب", user=User(READER + 7)), timeout=10)
        assert [r["title"] for r in found["results"]] == [OTHER], found
