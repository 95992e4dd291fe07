"""QA34 R2 (brief X52): two stored stories of one event in one bundle are one block — the
story model (read-only) calls their faces the same event with p ≥ 0.85 — while a story of
another event stays. Real SQLite, the real sender and renderer against the emulator."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests.storage import Database
from digests.story_folds import FOLD_PROBABILITY, fold_ids, pair_probability
from test_x42_delivery import make_sender, queue

MISSILE = ("اعترضت قوات الدفاع الجوي السعودية مساء الأحد صاروخا باليستيا أطلقته جماعة الحوثي"
           " من اليمن باتجاه العاصمة الرياض، وقال المتحدث باسم التحالف إن الصاروخ اعترض فوق"
           " شمال شرق الرياض وإن شظاياه سقطت على حي سكني دون إصابات، مضيفا أن الحوثيين أطلقوا"
           " سبعة صواريخ باليستية على المملكة في الليلة نفسها.")
OTHER = ("افتتح وزير الثقافة المصري معرض القاهرة الدولي للكتاب في دورته الجديدة بمشاركة دور"
         " نشر من أربعين دولة، ويستمر المعرض أسبوعين وتقام على هامشه ندوات وأمسيات شعرية.")


def _row(database: Database, article_id: int) -> tuple[object, ...]:
    return tuple(database.db.execute(
        "select id, title, body, published_at, story_id from articles where id = ?",
        [article_id]).fetchone())


async def test_two_stories_of_one_event_are_one_block(database: Database, emu: Emulator,
                                                      bot: Bot) -> None:
    add_chat(database, 1)
    sky, cnn, ahram = (add_source(database, n) for n in ("سكاي", "سي إن إن", "الأهرام"))
    a = add_article(database, sky, "الدفاع الجوي السعودي يعترض صاروخا باليستيا فوق الرياض",
                    story_id=1, body=MISSILE, published=NOW - timedelta(hours=1))
    b = add_article(database, cnn, "السعودية تعترض صاروخا باليستيا أطلقه الحوثيون على الرياض",
                    story_id=2, body=MISSILE.replace("مساء الأحد", "ليل الأحد"),
                    published=NOW - timedelta(minutes=20))
    c = add_article(database, ahram, "افتتاح معرض القاهرة الدولي للكتاب", story_id=3,
                    body=OTHER, published=NOW - timedelta(minutes=30))
    assert pair_probability(_row(database, a.id), _row(database, b.id)) >= FOLD_PROBABILITY
    assert pair_probability(_row(database, a.id), _row(database, c.id)) < FOLD_PROBABILITY
    assert fold_ids(database.db, [a.id, b.id, c.id]) == (a.id, c.id)
    assert fold_ids(database.db, [a.id, b.id], keep=[b.id]) == (a.id, b.id)  # an update stays
    for article in (a, b, c):
        queue(database, 1, article)
    sender = make_sender(database, bot, render=None, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    text = message.plain_text
    assert (a.title in text) != (b.title in text)  # one block for the missile
    assert c.title in text
    statuses = {r[0] for r in database.db.execute("select status from outbox").fetchall()}
    assert statuses == {"sent"}  # the folded story's row went with the bundle
