"""X74 item 4 (review RD 2): the catch-up after a hold.

- A channel was sent story S before its hold; while held, S gets a new report and 10 other
  stories come. Resumed, it gets the 10 new stories and nothing of S (before: S took one of the
  10 places, was not queued since the chat had it, and a newer story was counted «فاتتها»).
- A daily-digest channel resumed gets the stories it missed in its next daily digest: rows of
  its next 'daily:' kind, no alert at once (before: up to 10 instant alerts), and the owner is
  told they come in that digest.

Real parts: the real Application (PTB) and sender against the emulator, a real SQLite file.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import ADMIN, BotHarness, running_bot
from delivery_helpers import add_article, add_chat, add_source
from test_x71_chat_holds import CHANNEL, OWNER, _no_gap, _told

from bot.chat_holds import hold_chat
from digests.delivery_times import next_daily
from digests.models import iso
from digests.storage import Database


def _article(db: Database, src: int, title: str, story: int, fetched: datetime) -> int:
    art = add_article(db, src, title, story_id=story)
    with db.transaction() as tx:
        tx.execute("update articles set fetched_at = ?, published_at = ? where id = ?",
                   [iso(fetched), iso(fetched), art.id])
    return art.id


def _setup(path: Path, mode: str, daily_hour: int = 8) -> None:
    """The channel followed «ترامب», was sent story 700, held an hour ago; since then story 700
    has a new report and stories 701–710 came (the newest first: 700's report last)."""
    now = datetime.now(timezone.utc)
    with Database(path) as db:
        src = add_source(db, "src")
        add_chat(db, CHANNEL, type="channel", topics=("ترامب",), mode=mode,
                 daily_hour=daily_hour)
        add_chat(db, OWNER, topics=())
        add_chat(db, ADMIN, topics=())
        first = _article(db, src, "ترامب يعلن قرارًا أول", 700, now - timedelta(hours=3))
        with db.transaction() as tx:
            tx.execute("update chats set title = 'قناة المجتمع' where id = ?", [CHANNEL])
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                       " status, sent_at) values (?, 700, ?, 'instant', ?, 'sent', ?)",
                       [CHANNEL, first, iso(now - timedelta(hours=3)),
                        iso(now - timedelta(hours=3))])
        hold_chat(db, CHANNEL, "bot kicked", now - timedelta(hours=1))
        for n in range(1, 11):
            _article(db, src, f"ترامب يعلن قرارًا جديدًا رقم {n}", 700 + n,
                     now - timedelta(minutes=50 - n))
        _article(db, src, "ترامب يعدل قراره الأول", 700, now - timedelta(minutes=30))


def _resume(h: BotHarness) -> None:
    h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
    h.emu.chat_member_update(CHANNEL, old_status="left", new_status="administrator",
                             user=h.user(OWNER))


def _rows(h: BotHarness) -> list[tuple[int, str, str | None]]:
    # X122: a daily digest's stories are items of one row; outbox_stories shows one line a story
    return [(r[0], r[1], r[2]) for r in h.db.db.execute(
        "select story_id, kind, not_before from outbox_stories where chat_id = ?"
        " order by id, part", [CHANNEL])]


async def test_the_catch_up_skips_stories_the_chat_has(tmp_path: Path) -> None:
    path = tmp_path / "catch.db"
    _setup(path, "instant")
    async with running_bot(path) as h:
        _no_gap(h)
        _resume(h)
        await h.until(lambda: any("عاد بوسعي النشر" in m for m in _told(h, OWNER)))
        rows = _rows(h)
        assert sorted(r[0] for r in rows) == [700, *range(701, 711)]  # 700 only as it was sent
        back = _told(h, OWNER)[-1]
        assert "١٠" in back and "فاتتها" not in back, back
        await h.until(lambda: len(h.emu.messages(CHANNEL)) >= 1, 15)
        await h.settle()
        posted = " ".join(m.plain_text for m in h.emu.messages(CHANNEL))
        assert "يعدل قراره" not in posted and "رقم 10" in posted and "رقم 1" in posted


async def test_a_daily_chat_gets_the_catch_up_in_its_next_digest(tmp_path: Path) -> None:
    path = tmp_path / "daily.db"
    now = datetime.now(timezone.utc)
    _setup(path, "daily", daily_hour=(now.hour + 12) % 24)  # half a day away, whatever the zone
    async with running_bot(path) as h:
        _no_gap(h)
        _resume(h)
        await h.until(lambda: any("عاد بوسعي النشر" in m for m in _told(h, OWNER)))
        chat = next(iter(h.db.db.query("select mode, daily_hour, time_zone, utc_offset_minutes"
                                       " from chats where id = ?", [CHANNEL])))
        kind, when = next_daily(now, chat)
        caught = [r for r in _rows(h) if r[0] != 700]
        assert len(caught) == 10 and {r[1] for r in caught} == {kind}
        assert {r[2] for r in caught} == {iso(when)} and when > now + timedelta(hours=1)
        assert "نشرتها اليومية القادمة" in _told(h, OWNER)[-1]
        await h.settle()
        await h.settle()
        assert h.emu.messages(CHANNEL) == []  # no alert at once
