"""X122's rig (QA72-3): three simulated days of polls and sender passes for ~200 chats.

Daily and instant chats in four zones and three daily hours, following the general digest
and/or a topic; a story whose next-day report raises its toll (an update); a chat that mutes
a source and one that blocks the bot mid-way; a kill after a digest went (its rows left
`sending`, re-sent by the next sender: at least once). The clock is pinned at each step, so
the messages the emulator records are the same run after run: `run_days` returns them
(simulated time, chat, text, button texts, silent) in a stable order, with the outbox rows
and bytes the daily chats cost. The same scenario on two versions of the code must give
byte-identical messages (tests/test_x122_daily_rows.py keeps main's as a golden file).
Invented texts; the real sender, render and outbox on a real SQLite file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from bot.sender import Sender
from delivery_helpers import add_article, add_chat, add_source
from digests import new_deliveries
from digests.models import iso
from digests.processing import StoreContext
from digests.settings import Settings
from digests.storage import Database

START = datetime(2026, 11, 30, 0, 0, tzinfo=timezone.utc)
DAYS = 3
STEP = timedelta(minutes=30)  # a sender pass every 30 simulated minutes
POLL_HOURS = (1, 4, 7, 10, 13, 16, 19, 22)  # UTC hours a poll stores its articles
ZONES = ("Asia/Riyadh", "Africa/Cairo", "Europe/London", "America/New_York")
HOURS = (7, 8, 20)
TOPICS = ("سوريا", "مصر", "النفط")
MUTER, BLOCKER, KILLED = 13, 8, 11  # daily chats: mutes source c, blocks the bot, killed mid-send

PLACES = ("حلب", "دمشق", "القاهرة", "الإسكندرية", "البصرة", "عمان", "الرياض", "بيروت")
VERBS = ("افتتاح", "إغلاق", "اجتماع", "احتجاج", "اتفاق", "زيارة", "انتخاب", "إضراب")
FIRST = ("سوريا: مقتل 12 مدنيا في قصف على ريف إدلب", "قتل 12 مدنيا في قصف على ريف إدلب في سوريا.")
TOLL = ("سوريا: ارتفاع حصيلة قصف ريف إدلب إلى 27 قتيلا و40 جريحا",
        "ارتفعت حصيلة القصف على ريف إدلب في سوريا إلى 27 قتيلا.")


@dataclass(frozen=True)
class Sent:
    """One message the emulator accepted, as a reader sees it."""

    at: str  # the simulated time of the sender pass
    chat_id: int
    text: str
    buttons: tuple[str, ...]
    silent: bool

    def as_list(self) -> list[Any]:
        return [self.at, self.chat_id, self.text, list(self.buttons), self.silent]


@dataclass(frozen=True)
class DayRun:
    """What the three days sent, and what the daily chats cost the outbox."""

    messages: list[Sent]
    daily_chats: int
    daily_rows: int  # outbox rows of the daily chats at the end (nothing pruned in 3 days)
    outbox_bytes: int  # the outbox table and its indexes (dbstat)
    instant_rows: int
    # /stats over the three days: stories behind unpressed «more» buttons, stories lost with
    # a chat that blocked the bot, stories waiting (bot.stats, digests.outbox_upkeep)
    stats: tuple[int, int, int] = (0, 0, 0)

    @property
    def rows_per_daily_chat_day(self) -> float:
        return self.daily_rows / self.daily_chats / DAYS


def chats(n: int) -> list[dict[str, Any]]:
    """The chats: two in three daily, four zones, general and/or a topic."""
    out = []
    for i in range(1, n + 1):
        topics: tuple[str, ...] = ("",) if i % 4 == 0 else \
            (TOPICS[i % 3],) if i % 4 == 1 else ("", TOPICS[i % 3])
        out.append({"id": i, "mode": "instant" if i % 3 == 0 else "daily",
                    "zone": ZONES[i % len(ZONES)], "hour": HOURS[i % len(HOURS)],
                    "topics": topics})
    return out


def _setup(db: Database, n: int) -> tuple[list[int], list[dict[str, Any]]]:
    sources = [add_source(db, name) for name in ("a", "b", "c")]
    people = chats(n)
    for c in people:
        add_chat(db, c["id"], topics=c["topics"], mode=c["mode"], daily_hour=c["hour"])
    with db.transaction() as tx:
        for c in people:
            tx.execute("update chats set time_zone = ?, created_at = ? where id = ?",
                       [c["zone"], iso(START - timedelta(days=1)), c["id"]])
    return sources, people


def _poll(db: Database, sources: list[int], now: datetime, day: int, poll: int) -> None:
    """One poll's articles: six stories (two reported by two sites: the general digest
    takes them), each enqueued as the processing step does, in one transaction each."""
    for k in range(6):
        n = (day * len(POLL_HOURS) + poll) * 6 + k
        topic = TOPICS[n % len(TOPICS)]
        title = f"{topic}: {VERBS[n % len(VERBS)]} في {PLACES[(n // 3) % len(PLACES)]} رقم {n}"
        story = 1000 + n
        reporters = sources[:2] if k < 2 else [sources[(n + k) % 3]]
        for j, src in enumerate(reporters):
            a = add_article(db, src, title if j == 0 else f"{title} (تقرير آخر)",
                            story_id=story, body=f"{title}. تفاصيل الخبر رقم {n}.",
                            published=now - timedelta(minutes=20 - j))
            _enqueue(db, a, now)
    if day == 0 and poll == 2:  # the toll story's first report, from two sites
        for src in sources[:2]:
            _enqueue(db, add_article(db, src, FIRST[0], body=FIRST[1], story_id=12,
                                     published=now - timedelta(minutes=15)), now)
    if day == 1 and poll == 5:  # its next-day report: the toll rose (an update)
        _enqueue(db, add_article(db, sources[0], TOLL[0], body=TOLL[1], story_id=12,
                                 published=now - timedelta(minutes=10)), now)


def _enqueue(db: Database, article: Any, now: datetime) -> None:
    with db.transaction() as tx:
        tx.execute("update articles set fetched_at = ? where id = ?", [iso(now), article.id])
        new_deliveries.enqueue_article(tx, article, StoreContext(now=now, settings=Settings()))


def _sender(db: Database, bot: Bot, clock: list[datetime]) -> Sender:
    settings = Settings(database_path=Path(db.path), send_rate_per_second=1000.0)
    return Sender(db, bot, settings, clock=lambda: clock[0], topics_of=bundle_topics,
                  instant_settle=0, retry_delay=0.01)


def _outbox_bytes(db: Database) -> int:
    names = [r[0] for r in db.db.execute(
        "select name from sqlite_master where tbl_name = 'outbox'")]
    marks = ",".join("?" * len(names))
    return int(db.db.execute(f"select coalesce(sum(pgsize), 0) from dbstat where name in ({marks})",
                             names).fetchone()[0])


async def run_days(db: Database, emu: Emulator, bot: Bot, n: int = 200) -> DayRun:
    """The three days; returns the messages and the daily chats' outbox cost."""
    sources, people = _setup(db, n)
    for c in people:
        emu.add_chat(c["id"], type="private")
    clock = [START]
    sender = _sender(db, bot, clock)
    messages: list[Sent] = []
    seen = 0
    now = START
    killed = False
    while now < START + timedelta(days=DAYS):
        clock[0] = now
        day = (now - START).days
        if now.minute == 0 and now.hour in POLL_HOURS:
            _poll(db, sources, now, day, POLL_HOURS.index(now.hour))
        if day == 1 and now.hour == 6 and now.minute == 0:  # mid-way: a mute and a block
            with db.transaction() as tx:
                tx.execute("insert into chat_muted_sources (chat_id, source_id, created_at)"
                           " values (?, ?, ?)", [MUTER, sources[2], iso(now)])
            emu.block(BLOCKER, "blocked")
        sender.planner.clock_seen = None  # the pinned clock steps: no clock jump
        await sender.drain(timeout=5)
        log = emu.sent_log()
        step = sorted(log[seen:], key=lambda m: m.chat_id)  # a pass's chats go side by side
        seen = len(log)
        messages += [Sent(now.isoformat(), m.chat_id, m.text, tuple(m.button_texts()), m.silent)
                     for m in step]
        if not killed and day == 1 and any(m.chat_id == KILLED for m in step):
            # killed after the digest went, before its outcome was written: the rows stay
            # `sending`; the next start sends them again (at least once)
            with db.transaction() as tx:
                tx.execute("update outbox set status = 'sending', sent_at = null"
                           " where chat_id = ? and status = 'sent' and sent_at = ?",
                           [KILLED, iso(now)])
            sender = _sender(db, bot, clock)
            killed = True
            sender.planner.clock_seen = None
            await sender.drain(timeout=5)
            log = emu.sent_log()
            messages += [Sent(now.isoformat(), m.chat_id, m.text, tuple(m.button_texts()), m.silent)
                         for m in sorted(log[seen:], key=lambda m: m.chat_id)]
            seen = len(log)
        now += STEP
    daily = [c["id"] for c in people if c["mode"] == "daily"]
    marks = ",".join("?" * len(daily))
    daily_rows = int(db.db.execute(f"select count(*) from outbox where chat_id in ({marks})",
                                   daily).fetchone()[0])
    instant_rows = int(db.db.execute(f"select count(*) from outbox where chat_id not in ({marks})",
                                     daily).fetchone()[0])
    from bot.stats import behind_buttons, lost_deliveries  # late: the bot's side
    from digests.outbox_upkeep import queue_stats

    figures = (behind_buttons(db, iso(START)), lost_deliveries(db, iso(START) or ""),
               queue_stats(db, now).pending)
    return DayRun(messages, len(daily), daily_rows, _outbox_bytes(db), instant_rows, figures)
