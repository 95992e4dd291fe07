"""bot.origins and render_bundle(topics=…): a delivered digest says why it came (the followed
topic, or the general digest) and how to stop — in pure renders, for real bundles of a SQLite
archive, and end to end through the emulator (/push, the scheduled poll)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db
from telegram_html import check_message, visible_text
from test_welcome import displayed

from bot.bundles import Bundle
from bot.i18n import topic_list
from bot.origins import bundle_topics
from bot.render import render_bundle
from digests import subscriptions
from digests.models import Digest
from digests.records import ARTICLE_SELECT
from digests.storage import Database


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


NOW = datetime(2018, 2, 20, 15, 0, tzinfo=UTC)
STORY = Digest(url="https://news.example/1", source="نشرة", headline="قصف على الغوطة الشرقية",
               published_at=NOW - timedelta(hours=1))


def test_a_delivered_digest_names_its_topic_and_how_to_stop() -> None:
    [html] = render_bundle([STORY], "ar", NOW, topics=["الغوطة"])
    lines = _plain(visible_text(html)).split("\n")
    assert lines[0] == "📰 جديد «الغوطة»"
    assert lines[-1] == "لإيقاف المتابعة: /unsubscribe"
    assert "/unsubscribe" in displayed(html)[-1]  # shown in order in the Arabic line
    assert check_message(html) == []
    [html] = render_bundle([STORY], "ar", NOW, topics=[""])
    assert _plain(visible_text(html)).startswith("📰 النشرة العامة\n")
    [html] = render_bundle([STORY, STORY], "ar", NOW, topics=["الغوطة", "سوريا"])
    assert _plain(visible_text(html)).startswith("📰 جديد «الغوطة»، «سوريا»\n")
    [html] = render_bundle([STORY], "en", NOW, topics=["الغوطة"])
    text = _plain(visible_text(html))
    assert text.startswith("📰 New on «Ghouta (الغوطة)»\n") and text.endswith("\nTo stop: /unsubscribe")
    # /digest (no topics) keeps its plain header and no footer
    [html] = render_bundle([STORY], "ar", NOW, header=True)
    assert _plain(visible_text(html)).startswith("📰 نشرة الأخبار") and "/unsubscribe" not in html


def _bundle(db: Database, chat_id: int, ids: tuple[int, ...], kind: str = "instant"
            ) -> tuple[Bundle, list[dict[str, object]]]:
    marks = ",".join("?" * len(ids))
    found = {r["id"]: r for r in db.db.query(f"{ARTICLE_SELECT} where articles.id in ({marks})",
                                             ids)}
    rows = [found[a] for a in ids if a in found]  # in the bundle's order, as bot.courier does
    return Bundle(chat_id=chat_id, row_ids=(1,), article_ids=ids, kinds=frozenset({kind}),
                  attempts=0), rows


def test_bundle_topics_are_the_followed_topics_its_stories_match(tmp_path: Path) -> None:
    with Database(sample_db(tmp_path)) as db:
        now = datetime.now(UTC)
        ghouta = db.db.execute("select id from articles where title like '%الغوطة%'").fetchone()[0]
        other = db.db.execute("select id from articles where title not like '%الغوطة%' and "
                              "body not like '%غوطة%'").fetchone()[0]
        subscriptions.upsert_chat(db, 7, now=now, type="private")
        subscriptions.subscribe(db, 7, "الغوطة", now=now)
        subscriptions.subscribe(db, 7, "", now=now)
        assert bundle_topics(db, *_bundle(db, 7, (ghouta,))) == ["الغوطة"]
        assert bundle_topics(db, *_bundle(db, 7, (other,))) == [""]  # the general digest's
        subscriptions.upsert_chat(db, 8, now=now, type="private")
        assert bundle_topics(db, *_bundle(db, 8, (other,))) == []  # follows nothing now
        with db.transaction() as tx:
            tx.execute("insert into pushes (id, topic, created_at, stories) values (5, 'مصر', ?, 1)",
                       [now.isoformat()])
            tx.execute("insert into pushes (id, topic, created_at, stories) values (6, null, ?, 1)",
                       [now.isoformat()])
        assert bundle_topics(db, *_bundle(db, 7, (other,), "push:5")) == ["مصر"]
        assert bundle_topics(db, *_bundle(db, 7, (other,), "push:6")) == [""]


async def test_pushed_digests_say_which_topic_through_the_real_sender(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        await h.say(ADMIN, "/push الغوطة")
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        digest = h.emu.messages(READER)[-1]
        lines = _plain(digest.plain_text).split("\n")
        assert lines[0] == "📰 جديد «الغوطة»"
        assert lines[-1] == "لإيقاف المتابعة: /unsubscribe"
        assert check_message(digest.text) == []


async def test_a_pushed_topic_is_named_in_the_followers_own_spelling(tmp_path: Path) -> None:
    """QA15 N12: an English reader following «فيسبوك» got "📰 New on «فيس بوك»" (the admin's
    spelling of the push); each follower reads the topic as they follow it."""
    from delivery_helpers import add_article

    from digests.processing import StoreContext, run_steps
    from digests.settings import Settings

    path = sample_db(tmp_path)
    with Database(path) as db:
        source = int(db.db.execute("select min(id) from sources").fetchone()[0])
        article = add_article(db, source, "فيسبوك تحذف حسابات مزيفة قبل الانتخابات",
                              body="أعلنت شركة فيسبوك حذف مئات الحسابات المزيفة.",
                              published=datetime.now(UTC) - timedelta(hours=1))
        with db.transaction() as tx:
            run_steps(tx, article, StoreContext(datetime.now(UTC), Settings(), backfill=True))
        subscriptions.upsert_chat(db, 7, now=NOW, type="private")
        subscriptions.subscribe(db, 7, "فيسبوك", now=NOW)
        with db.transaction() as tx:
            tx.execute("insert into pushes (id, topic, created_at, stories) values (5, ?, ?, 1)",
                       ["فيس بوك", NOW.isoformat()])
        assert bundle_topics(db, *_bundle(db, 7, (article.id,), "push:5")) == ["فيسبوك"]
        subscriptions.upsert_chat(db, 8, now=NOW, type="private")  # follows no spelling of it
        assert bundle_topics(db, *_bundle(db, 8, (article.id,), "push:5")) == ["فيس بوك"]
    async with running_bot(path) as h:
        await h.say(READER, "/subscribe فيسبوك", language_code="en")
        await h.say(ADMIN, "/push فيس بوك")
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        digest = h.emu.messages(READER)[-1]
        # the follower's «فيسبوك» by its English name (the admin's «فيس بوك» has none)
        assert _plain(digest.plain_text).split("\n")[0] == "📰 New on «Facebook (فيسبوك)»"
        assert "فيس بوك" not in digest.plain_text


def test_a_bundle_of_topic_and_general_stories_names_both(tmp_path: Path) -> None:
    """QA16 F5: a bundle of general-digest stories and one «الغوطة» story was headed «📰 جديد
    «الغوطة»» for all of them; the header now names both reasons, so it is true of every story
    under it (and only the topic when every story answers it)."""
    with Database(sample_db(tmp_path)) as db:
        now = datetime.now(UTC)
        ghouta = db.db.execute("select id from articles where title like '%الغوطة%'").fetchone()[0]
        other = db.db.execute("select id from articles where title not like '%الغوطة%' and "
                              "body not like '%غوطة%'").fetchone()[0]
        subscriptions.upsert_chat(db, 7, now=now, type="private")
        subscriptions.subscribe(db, 7, "الغوطة", now=now)
        subscriptions.subscribe(db, 7, "", now=now)
        mixed = bundle_topics(db, *_bundle(db, 7, (other, ghouta)))
        assert mixed == ["الغوطة", ""]
        assert bundle_topics(db, *_bundle(db, 7, (ghouta,))) == ["الغوطة"]
        subscriptions.upsert_chat(db, 9, now=now, type="private")  # no general digest
        subscriptions.subscribe(db, 9, "الغوطة", now=now)
        assert bundle_topics(db, *_bundle(db, 9, (other, ghouta))) == ["الغوطة"]
    [html] = render_bundle([STORY, STORY], "ar", NOW, topics=mixed)
    assert _plain(visible_text(html)).startswith("📰 جديد «الغوطة» والنشرة العامة\n")
    [html] = render_bundle([STORY], "en", NOW, topics=mixed)
    assert _plain(visible_text(html)).startswith(
        "📰 New on «Ghouta (الغوطة)» and the general digest\n")
    [html] = render_bundle([STORY], "ar", NOW, topics=["الغوطة", "سوريا", ""],
                           kind="daily:2018-02-21")
    assert _plain(visible_text(html)).startswith(
        "📰 نشرتك اليومية — ٢١ فبراير ٢٠١٨: «الغوطة»، «سوريا» والنشرة العامة\n")
    assert check_message(html) == []


def test_the_header_names_first_the_topics_of_the_stories_shown_first(tmp_path: Path) -> None:
    """QA18 R4: a reader of four topics got «📰 جديد «الغوطة»، «ترامب»، «الدوري الإسباني»» over
    two oil stories — cut at three in subscription order. The topics now come in the order of
    the stories, all of them (the header counts the ones it does not name)."""
    with Database(sample_db(tmp_path)) as db:
        now = datetime.now(UTC)
        subscriptions.upsert_chat(db, 9, now=now, type="private")
        for topic in ("الغوطة", "لبنان", "مصر", "النفط"):
            subscriptions.subscribe(db, 9, topic, now=now)
        # stories: oil (4), Egypt (10), Lebanon and oil (1), Ghouta (9)
        topics = bundle_topics(db, *_bundle(db, 9, (4, 10, 1, 9)))
        assert topics == ["النفط", "مصر", "لبنان", "الغوطة"]
        assert topic_list(topics, "ar") == "«النفط»، «مصر»، «لبنان» وموضوع آخر"
        assert bundle_topics(db, *_bundle(db, 9, (9, 4))) == ["الغوطة", "النفط"]
        # a story answering two topics names them in the order the chat followed them
        assert bundle_topics(db, *_bundle(db, 9, (1,))) == ["لبنان", "النفط"]


def test_topic_list_counts_the_topics_it_does_not_name() -> None:
    names = ["أ", "ب", "ج", "د", "ه", "و"]
    assert topic_list(names[:3], "ar") == "«أ»، «ب»، «ج»"
    assert topic_list(names[:5], "ar") == "«أ»، «ب»، «ج» وموضوعان آخران"
    assert topic_list(names, "ar") == "«أ»، «ب»، «ج» و٣ مواضيع أخرى"  # with its noun (QA67-10)
    assert topic_list(["Ghouta", "oil", "Trump", "x"], "en") == \
        "«Ghouta», «oil», «Trump» and one more"
    # English names where the topic has one (bot.i18n.topic_label), with the Arabic as every
    # English answer names it (QA21 R6), else the topic itself
    assert _plain(topic_list(["الغوطة", "ترامب", "النفط", "مصر"], "en")) == \
        "«Ghouta (الغوطة)», «Trump (ترامب)», «Oil (النفط)» and one more"
    # towns with no English name in the tables (درعا, حمص … have one since X51)
    shown = _plain(topic_list(["سراقب", "جرابلس", "تلبيسة", "بنش"], "en"))
    assert shown == "«سراقب», «جرابلس», «تلبيسة» and one more"
    assert _plain(topic_list(["درعا", "حمص"], "en")) == "«Daraa (درعا)», «Homs (حمص)»"
    assert topic_list([], "en") == ""
