"""QA42 B7: a story that became general news when a late second site reported it went out timed
by its newest face — «… — CNN · منذ ١٠ دقائق · ٥ مصادر» for an event first reported 21 h before.
A bundle's block is dated by its story's first report (digests.story_age); a story's update keeps
its new report's time. Real SQLite, the real sender and renderer against the emulator."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from bot.i18n import relative_time
from bot.stories import digest_by_article
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests.storage import Database
from digests.story_age import dated_by_story, story_starts
from test_x42_delivery import make_sender, queue

FIRST = "مقتل جنديين إسرائيليين في هجوم بسيارة في الضفة الغربية"
LATE = "شاهد.. لحظة الهجوم بسيارة على جنود إسرائيليين في الضفة"


async def test_a_late_second_report_is_sent_with_the_storys_age(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, topics=("",))
    first = add_article(database, add_source(database, "سكاي"), FIRST, story_id=30,
                        published=NOW - timedelta(hours=21))
    late = add_article(database, add_source(database, "سي إن إن"), LATE, story_id=30,
                       published=NOW - timedelta(minutes=10))
    assert story_starts(database.db, [30, None]) == {30: first.published_at}
    queue(database, 1, late)
    sender = make_sender(database, bot, render=None, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert relative_time(NOW - timedelta(hours=21), NOW, "ar") in message.plain_text
    # the age is the story's, said so beside CNN's name (QA47 Z7: read as CNN's report's)
    assert "أول خبر " + relative_time(NOW - timedelta(hours=21), NOW, "ar") in message.plain_text
    # was: «منذ ١٠ دقائق», the late video's age
    assert relative_time(NOW - timedelta(minutes=10), NOW, "ar") not in message.plain_text


def test_an_update_keeps_its_own_time(database: Database) -> None:
    first = add_article(database, add_source(database, "أ"), FIRST, story_id=31,
                        published=NOW - timedelta(hours=5))
    late = add_article(database, add_source(database, "ب"), LATE, story_id=31,
                       published=NOW - timedelta(minutes=10))
    digest = digest_by_article(database, late.id)
    assert digest is not None
    starts = story_starts(database.db, [31])
    [aged] = dated_by_story([digest], starts)
    assert aged.published_at == first.published_at
    [kept] = dated_by_story([digest], starts, keep={late.id})
    assert kept.published_at == late.published_at
