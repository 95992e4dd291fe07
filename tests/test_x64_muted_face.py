"""QA42 B2: a muted source's report was chosen as a story's face in a pushed bundle when
another source's report queued the story («… — سكاي نيوز عربية» to a chat that muted Sky). The
face of a chat's bundle is chosen among the reports of sources it reads (digests.story_face's
`muted`); another chat of the same broadcast still gets the best face. The rule on real SQLite,
then real bundles through the sender and the renderer (emulator)."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from bot.reader_sources import set_muted
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests.models import Article
from digests.storage import Database
from digests.story_face import face_ids, faces
from test_x42_delivery import make_sender, queue

TOLL = "مقتل 30 مدنيا في غارات على بلدات الغوطة الشرقية"
STRIKES = "غارات على بلدات الغوطة الشرقية"
NEW = "غارات جديدة على الغوطة الشرقية"


def _story(database: Database) -> tuple[int, int, Article, int]:
    sky, other, third = (add_source(database, n) for n in ("سكاي", "فرانس", "سي إن إن"))
    toll = add_article(database, sky, TOLL, story_id=108,
                       published=NOW - timedelta(hours=2))
    strikes = add_article(database, other, STRIKES, story_id=108,
                          published=NOW - timedelta(hours=1))
    add_article(database, third, NEW, story_id=108, published=NOW - timedelta(minutes=30))
    return sky, toll.id, strikes, other


def test_a_muted_sources_report_is_no_face(database: Database) -> None:
    sky, toll, article, other = _story(database)
    strikes = article.id
    assert faces(database.db, [108], current={108: strikes}) == {108: toll}  # the toll wins
    assert faces(database.db, [108], current={108: strikes},
                 muted=frozenset({sky})) == {108: strikes}
    assert face_ids(database.db, [strikes]) == (toll,)
    assert face_ids(database.db, [strikes], muted=frozenset({sky})) == (strikes,)
    # every report muted: no face (the caller keeps the queued report, which the sender skips)
    assert faces(database.db, [108], muted=frozenset({sky, other, sky + 2})) == {}


async def test_a_chat_that_muted_the_source_gets_another_face(
        database: Database, emu: Emulator, bot: Bot) -> None:
    for chat in (1, 2):
        add_chat(database, chat, topics=("الغوطة",))
    sky, _toll, strikes, _other = _story(database)
    for chat in (1, 2):
        queue(database, chat, strikes)
    set_muted(database, 1, sky, True, NOW)
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW)
    assert await sender.run_once() == 2  # type: ignore[attr-defined]
    [muting] = emu.messages(1)
    [reading] = emu.messages(2)
    # was: chat 1 got «مقتل 30 مدنيا…» under Sky's name though it muted Sky
    assert TOLL not in muting.plain_text and "سكاي" not in muting.plain_text
    assert STRIKES in muting.plain_text
    assert TOLL in reading.plain_text  # the chat reading Sky keeps the best face
