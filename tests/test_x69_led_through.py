"""X69 (7): «يقود X لـ<round>» — a player leading a team through to a round — is a result: the
tie was won (QA41's «رونالدو يقود الريال لربع النهائي», left by X60 and X64). A follower sent
the preview gets it as the «🔄 تحديث», and a queued preview gives way to it as the story's face;
a hedge, a promise, a question or «في ربع النهائي» (a match of that round) stay out.
Headlines: the dev corpus's two (CN-sport-105, BB-sport-73) and invented ones; the delivery
through the real enqueue path, sender and renderer against the emulator (as test_x64)."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests.new_deliveries import enqueue_article
from digests.storage import Database
from digests.story_outcomes import new_outcome
from test_x42_delivery import make_sender

PREVIEW = "برشلونة يستضيف تشيلسي في إياب ثمن نهائي دوري الأبطال"
THROUGH = "ميسي يقود برشلونة إلى ربع نهائي دوري الأبطال الأوروبي"


def test_leading_a_team_through_to_a_round_is_a_result() -> None:
    for headline in (THROUGH, 'ميسي "يعاقب" تشيلسي ويقود برشلونة إلى ربع نهائي دوري الأبطال',
                     "رونالدو يقود الريال لربع النهائي", "صلاح يقود ليفربول للنهائي",
                     "صلاح قاد ليفربول إلى نصف النهائي"):
        assert new_outcome([PREVIEW], headline), headline
    for headline in ("هل يقود ميسي برشلونة إلى ربع النهائي", "قد يقود ميسي برشلونة لربع النهائي",
                     "تقارير: ميسي يقود برشلونة إلى ربع النهائي",
                     "فالفيردي: ميسي سيقود برشلونة إلى ربع النهائي",
                     "من يقود برشلونة إلى ربع النهائي؟", "ميسي يقود برشلونة في ربع النهائي",
                     "ميسي يقود هجوم برشلونة أمام تشيلسي"):
        assert not new_outcome([PREVIEW], headline), headline
    # the same outcome in other words is no update, either way round
    assert not new_outcome([THROUGH], "برشلونة يتأهل إلى ربع النهائي بثلاثية في تشيلسي")
    assert not new_outcome(["برشلونة يقصي تشيلسي"], THROUGH)


async def test_the_follower_gets_it_after_the_preview(database: Database, emu: Emulator,
                                                      bot: Bot) -> None:
    add_chat(database, 1, topics=("برشلونة",))
    one, two = (add_source(database, n) for n in ("مصدر أ", "مصدر ب"))
    preview = add_article(database, one, PREVIEW, story_id=69,
                          body="يستضيف برشلونة تشيلسي الليلة.", published=NOW - timedelta(hours=6))
    enqueue_article(database.db, preview, ctx(NOW - timedelta(hours=6)))
    [first] = rows(database)
    database.db.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                        [(NOW - timedelta(hours=6)).isoformat(), first["id"]])
    through = add_article(database, two, THROUGH, story_id=69,
                          body="قاد ميسي برشلونة للفوز على تشيلسي.",
                          published=NOW - timedelta(minutes=5))
    enqueue_article(database.db, through, ctx(NOW))
    [_, update] = rows(database)  # before: no row, the same-day report was not news
    assert update["article_id"] == through.id and str(update["kind"]).startswith("update:")
    sender = make_sender(database, bot, render=None, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert "🔄 تحديث" in message.plain_text and "ربع نهائي" in message.plain_text


async def test_a_queued_preview_gives_way_to_it_as_the_face(database: Database, emu: Emulator,
                                                            bot: Bot) -> None:
    from bot.origins import bundle_topics
    from test_x42_delivery import queue

    add_chat(database, 1, topics=("برشلونة",))
    one, two = (add_source(database, n) for n in ("مصدر أ", "مصدر ب"))
    preview = add_article(database, one, PREVIEW, story_id=70, published=NOW - timedelta(hours=10))
    add_article(database, two, THROUGH, story_id=70, published=NOW - timedelta(hours=9))
    queue(database, 1, preview)  # queued for the morning digest before the result came
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert "يقود برشلونة" in message.plain_text and PREVIEW not in message.plain_text
