"""QA40 N9: a general-digest story sent with two sources grows afterwards. Its third report (no new
result or figure) is not sent — the documented update rules (digests.story_updates: a «🔄» the
same day only for a new result or figure, else after 18 h) — and /stats now says the story grew:
sources then and now, and how many of its chats got an update. A fourth report with a toll the
headlines did not give comes as «🔄 تحديث» under the same rules, and /stats counts it.

Real parts: the real queueing step (digests.new_deliveries.enqueue_article), the real sender and
renderer on the emulator, real SQLite, the real bot's /stats.
"""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from botkit import ADMIN, running_bot
from delivery_helpers import add_article, add_chat, add_source, ctx
from digests.models import Article, iso
from digests.new_deliveries import enqueue_article
from digests.storage import Database
from digests.story_growth import grown
from test_x42_delivery import make_sender

NOW = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
STORY = 7


def _report(db: Database, source: str, title: str, minutes: int) -> Article:
    article = add_article(db, add_source(db, source), title, story_id=STORY,
                          published=NOW + timedelta(minutes=minutes))
    db.db.execute("update articles set fetched_at = ? where id = ?",
                  [iso(NOW + timedelta(minutes=minutes)), article.id])
    enqueue_article(db.db, article, ctx(NOW + timedelta(minutes=minutes)))
    return article


def _bare(text: str) -> str:
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


async def _stats(path: Path) -> str:
    async with running_bot(path) as h:
        [answer] = await h.say(ADMIN, "/stats")
        await asyncio.sleep(0.1)
        return _bare(answer.plain_text)


async def test_a_story_that_grew_after_it_was_sent_is_told_in_stats(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1)  # the general digest, quiet hours off
    _report(database, "a", "القوات التركية تتوغل في مدينة عفرين", 0)
    _report(database, "b", "القوات التركية والجيش الحر يدخلان عفرين", 2)
    clock = [NOW + timedelta(minutes=3)]
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: clock[0])
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    assert len(emu.messages(1)) == 1

    # the third source, minutes later, with nothing the headlines did not say: not sent
    _report(database, "c", "القوات التركية تسيطر على مركز مدينة عفرين", 10)
    clock[0] = NOW + timedelta(minutes=11)
    await sender.run_once()  # type: ignore[attr-defined]
    assert len(emu.messages(1)) == 1
    [g] = grown(database.db, NOW + timedelta(minutes=12))
    assert (g.story_id, g.sources_then, g.sources_now, g.chats, g.updated) == (STORY, 2, 3, 1, 0)
    database.close()  # the bot opens the file itself
    text = await _stats(Path(database.path))
    # was: nothing in /stats (nor anywhere) said the sent story had grown
    assert "📈 قصص كبرت بعد إرسالها (آخر ٢٤ ساعة): ١" in text, text
    assert "مصادرها من ٢ إلى ٣" in text and "«🔄 تحديث»: ٠ من ١" in text, text

    # a fourth with a toll none of the sent headlines gave: «🔄 تحديث» the same day
    with Database(database.path) as db:
        _report(db, "d", "مقتل 64 مدنيا في قصف تركي على عفرين", 20)
        late = make_sender(db, bot, render=None, topics_of=bundle_topics,
                           clock=lambda: NOW + timedelta(minutes=21))
        assert await late.run_once() == 1  # type: ignore[attr-defined]
    update = emu.messages(1)[-1].plain_text
    assert "🔄" in update and "64" in update, update
    text = await _stats(Path(database.path))
    assert "مصادرها من ٢ إلى ٤" in text and "«🔄 تحديث»: ١ من ١" in text, text


def test_a_story_sent_with_all_its_sources_did_not_grow(database: Database) -> None:
    add_chat(database, 1)
    first = _report(database, "a", "زلزال بقوة 6 درجات يضرب جنوب إيران", 0)
    _report(database, "b", "زلزال يضرب جنوب إيران", 1)
    database.db.execute("update outbox set status = 'sent', sent_at = ?",
                        [iso(NOW + timedelta(minutes=2))])
    assert first.story_id == STORY and grown(database.db, NOW + timedelta(minutes=5)) == []
    # sent more than a day ago: out of the window even when it grew
    _report(database, "c", "زلزال جنوب إيران", 3)
    assert grown(database.db, NOW + timedelta(minutes=5))
    assert grown(database.db, NOW + timedelta(days=2)) == []
