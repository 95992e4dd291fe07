"""X83 (QA55-5, S2): a story's face is a report whose page was fetched, when one ties with a
feed-only report.

The same «عفرين» report came from two sites: one whose pages are fetched, one whose pages are over
the size cap (stored from its feed alone: `page_status = 'feed_only'`, no quote, a link to a page
the bot could not load). The two headlines tie, and the feed-only report, which queued the story,
stayed its face: readers got the story under the oversized page with no quote line. Now a
fetched report wins a tie against a feed-only one (digests.story_face); a feed-only report that
is strictly more informative still wins, and a story of feed-only reports keeps its rule.

Real parts: real SQLite, the real sender and renderer against the emulator.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests.storage import Database
from digests.story_face import faces
from test_x42_delivery import make_sender, queue

HEADLINE = "القوات التركية تقصف قرى في ريف عفرين"
TOLL = "مقتل 12 مدنيا في قصف تركي على قرى ريف عفرين"


def _feed_only(database: Database, article_id: int) -> None:
    database.db.execute("update articles set page_status = 'feed_only', page_error = ?"
                        " where id = ?", ["الصفحة أكبر من الحد", article_id])


async def test_a_fetched_report_is_the_face_over_a_feed_only_tie(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 7, topics=("عفرين",))
    big, full = add_source(database, "صفحات كبيرة"), add_source(database, "أخبار عفرين")
    bare = add_article(database, big, HEADLINE, story_id=51,
                       published=NOW - timedelta(minutes=40))
    fetched = add_article(database, full, HEADLINE, story_id=51,
                          published=NOW - timedelta(minutes=50))
    _feed_only(database, bare.id)
    queue(database, 7, bare)  # the feed-only report queued the story
    assert faces(database.db, [51], current={51: bare.id}) == {51: fetched.id}
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(7)
    assert "أخبار عفرين" in message.plain_text and "صفحات كبيرة" not in message.plain_text, \
        message.plain_text


def test_a_feed_only_report_still_wins_when_it_says_more(database: Database) -> None:
    big, full = add_source(database, "صفحات كبيرة"), add_source(database, "أخبار عفرين")
    bare = add_article(database, big, TOLL, story_id=52, published=NOW - timedelta(minutes=40))
    fetched = add_article(database, full, HEADLINE, story_id=52,
                          published=NOW - timedelta(minutes=50))
    _feed_only(database, bare.id)
    assert faces(database.db, [52], current={52: fetched.id}) == {52: bare.id}  # the toll
    # only feed-only reports: the usual rule (the queued one on a tie)
    other = add_article(database, full, HEADLINE, story_id=53, published=NOW)
    alone = add_article(database, big, HEADLINE, story_id=53, published=NOW)
    for a in (other, alone):
        _feed_only(database, a.id)
    assert faces(database.db, [53], current={53: other.id}) == {53: other.id}
