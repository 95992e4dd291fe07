"""Admin stories end to end: /push with delivery report, sources, /ingest, /stats, refusals."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from botkit import ADMIN, READER, running_bot, sample_db
from telegram_html import check_message
from test_welcome import displayed

from bot import admin, reply_limiter, sources_admin
from bot.telegram_html import is_valid_html
from digests import sources, subscriptions
from digests.errors import Reason
from digests.models import iso
from digests.story_updates import REPEAT_REASON
from digests.pipeline import poll_once
from digests.samplesite import Request, Response, SampleSite, render_feed
from digests.settings import Settings
from digests.storage import Database


def _follow_general(db: Database, chat_id: int) -> None:
    """The chat follows the general digest (how a reader gets there is the readers' tests)."""
    now = datetime.now(UTC)
    subscriptions.upsert_chat(db, chat_id, now=now)
    subscriptions.subscribe(db, chat_id, "", now=now)


def _count(db: Database, table: str) -> int:
    return int(db.db.execute(f"select count(*) from {table}").fetchone()[0])


async def test_non_admins_are_refused_and_nothing_happens(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe")
        sources_before = _count(h.db, "sources")
        for command in ("/push", "/push الغوطة", "/addsource http://127.0.0.1:9/feed.xml",
                        "/removesource 1", "/ingest", "/stats", "/sources"):
            [m] = await h.say(READER, command)
            assert "هذا الأمر لمشغّل البوت فقط" in m.plain_text, command
            # their own id, to copy into ADMIN_IDS (QA8 F5): it grants nothing
            assert f"معرّفك في تيليجرام: <code>{READER}</code>" in m.text, m.text
            assert "ADMIN_IDS" in m.plain_text
        await h.settle()
        assert _count(h.db, "outbox") == 0
        assert _count(h.db, "pushes") == 0
        assert _count(h.db, "sources") == sources_before
        assert len(sources.list_sources(h.db)) == sources_before
        assert h.db.db.execute("select count(*) from polls").fetchone()[0] == 1  # the sample's
        # an English reader is refused in English
        [m] = await h.say(READER + 1, "/push", language_code="en")
        assert "for the bot's operator only" in m.plain_text
        assert f"Your Telegram user id: {READER + 1}." in m.plain_text
        # in a group, the refusal does not tell the group its member's id
        h.emu.add_group(-100700, "مجموعة", admins=[READER])
        [g] = await h.say(-100700, "/stats", user=h.user(READER))
        assert "لمشغّل البوت فقط" in g.plain_text and str(READER) not in g.plain_text
        assert _count(h.db, "pushes") == 0


async def test_push_delivers_and_reports(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        await h.say(READER + 1, "/subscribe غوطة")
        await h.say(READER + 2, "/subscribe والغوطة")
        h.emu.block(READER + 2)  # this subscriber blocked the bot
        [queued] = await h.say(ADMIN, "/push الغوطة")
        assert "المحادثات: ٣" in queued.plain_text
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        report = h.emu.messages(ADMIN)[-1]
        assert "سُلّمت: ٢، فشلت: ١" in report.plain_text
        for chat in (READER, READER + 1):
            digest = h.emu.messages(chat)[-1]
            assert check_message(digest.text) == []
            assert "الغوطة" in digest.plain_text and "<b><a href=" in digest.text
            assert len(h.emu.messages(chat)) == 2  # several stories, one message
        blocked = subscriptions.get_chat(h.db, READER + 2)
        assert blocked is not None and blocked.active is False  # blocked → deactivated


async def test_a_chat_telegram_does_not_find_is_reported_and_not_tried_again(
        tmp_path: Path) -> None:
    """QA12: a 400 «chat not found» chat stayed active and failed on every push. It is counted
    under its reason in the report, deactivated (its topic kept), and the next push skips it."""
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        await h.say(READER + 1, "/subscribe الغوطة")
        h.emu.fail_next(1, 400, "Bad Request: chat not found", chat_id=READER + 1)
        await h.say(ADMIN, "/push الغوطة")
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        report = _bare(h.emu.messages(ADMIN)[-1].plain_text)
        assert "سُلّمت: ١، فشلت: ١" in report and "• ١: لم يجد تيليجرام المحادثة" in report
        chat = subscriptions.get_chat(h.db, READER + 1)
        assert chat is not None and chat.active is False
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER + 1)] == ["الغوطة"]
        def active_followers() -> int:
            return int(h.db.db.execute(
                "select count(*) from chats c join subscriptions s on s.chat_id = c.id"
                " where c.active = 1 and s.topic = 'الغوطة'").fetchone()[0])

        assert active_followers() == 1  # a later push leaves it out
        await h.say(READER + 1, "/topics")  # the chat comes back: active, its topic there
        chat = subscriptions.get_chat(h.db, READER + 1)
        assert chat is not None and chat.active is True and active_followers() == 2


async def test_push_general_reaches_only_the_general_digests_followers(tmp_path: Path) -> None:
    """A general /push goes to the chats that follow the general digest, not to a group that
    follows only «الغوطة» (which could not stop it with /unsubscribe); /push الغوطة reaches
    that group. The admin's counts are what was queued (QA5 N4)."""
    db_path = sample_db(tmp_path)
    with Database(db_path) as db:  # a sample without a story to push is broken: fail (X104)
        assert db.db.execute("select count(story_id) from articles").fetchone()[0], \
            "the sample database holds no story to push: its ingest is broken"
    group = -100900
    async with running_bot(db_path) as h:
        h.emu.add_group(group, "مجموعة", admins=[READER + 5])
        await h.say(group, "/subscribe الغوطة", user=h.user(READER + 5))
        await h.say(READER + 1, "/subscribe لبنان")
        [nobody] = await h.say(ADMIN, "/push")  # topics are followed, the general digest is not
        assert _bare(nobody.plain_text) == ("لا أحد يتابع النشرة العامة؛ لم تُرسل نشرة. لمتابعي"
                                            " موضوع: /push الغوطة")
        assert _count(h.db, "pushes") == 0 and _count(h.db, "outbox") == 0

        _follow_general(h.db, READER)
        group_before, other_before = len(h.emu.messages(group)), len(h.emu.messages(READER + 1))
        [queued] = await h.say(ADMIN, "/push")
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        assert "سُلّمت: ١، فشلت: ٠" in h.emu.messages(ADMIN)[-1].plain_text
        digest = h.emu.messages(READER)[-1]
        assert _bare(digest.plain_text).startswith("📰 النشرة العامة\n")
        assert check_message(digest.text) == []
        await h.settle()
        assert len(h.emu.messages(group)) == group_before  # «الغوطة» only: no general digest
        assert len(h.emu.messages(READER + 1)) == other_before
        rows = h.db.db.execute("select chat_id, count(*) from outbox group by chat_id").fetchall()
        assert [r[0] for r in rows] == [READER]
        stories = str(rows[0][1]).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        assert f"المحادثات: ١، الأخبار لكل محادثة: {stories}." in _bare(queued.plain_text)

        [topic] = await h.say(ADMIN, "/push الغوطة")
        assert "المحادثات: ١،" in topic.plain_text
        await h.until(lambda: len(h.emu.messages(group)) == group_before + 1, 15)
        assert _bare(h.emu.messages(group)[-1].plain_text).startswith("📰 جديد «الغوطة»\n")


async def test_push_of_invisible_characters_is_no_general_push(tmp_path: Path) -> None:
    """«/push \u200f» (an RLM copied with Arabic text) cleans to nothing: it is refused, never
    turned into the general digest for every one of its followers (QA15 N1)."""
    async with running_bot(sample_db(tmp_path)) as h:
        _follow_general(h.db, READER)
        for marks in ("\u200f", "\u202e", "\u200b\ufeff"):
            [answer] = await h.say(ADMIN, f"/push {marks}")
            assert "لا يحوي الموضوع حروفًا تُقرأ؛ لم تُرسل نشرة" in answer.plain_text
        assert _count(h.db, "pushes") == 0 and _count(h.db, "outbox") == 0
        await h.settle()
        assert not any("📰" in m.plain_text for m in h.emu.messages(READER))


async def test_push_topic_reaches_only_its_subscribers(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        await h.say(READER + 1, "/subscribe مصر")
        [queued] = await h.say(ADMIN, "/push غوطة")
        assert "المحادثات: ١،" in queued.plain_text
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        assert "الغوطة" in h.emu.messages(READER)[-1].plain_text
        assert len(h.emu.messages(READER + 1)) == 1  # only the /subscribe answer
        [none] = await h.say(ADMIN, "/push موضوع_لا_مشتركين_فيه")
        # named as /subscribe would store it: the stop-word «فيه» at its end is trimmed
        assert "لا أحد يتابع «موضوع_لا_مشتركين»؛ لم تُرسل نشرة." in _bare(none.plain_text)


async def test_sources_add_remove_with_health(tmp_path: Path) -> None:
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path)) as h:
            [listing] = await h.say(ADMIN, "/sources")
            assert check_message(listing.text) == []
            assert "آخر نجاح" in listing.plain_text
            [m] = await h.say(ADMIN, "/addsource ftp://example.org/feed")
            assert "تعذرت إضافة المصدر" in m.plain_text
            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('main')} جديد")
            assert "أُضيف المصدر" in m.plain_text and "جديد" in m.plain_text
            new = [s for s in sources.list_sources(h.db) if s.url == site.feed_url("main")]
            assert len(new) == 1
            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('main')}")
            assert "المصدر مضاف من قبل برقم " in m.plain_text
            [m] = await h.say(ADMIN, "/removesource 999")
            assert "لا مصدر بالرقم" in m.plain_text
            [m] = await h.say(ADMIN, "/removesource")
            assert "الاستخدام" in m.plain_text


def _bare(text: str) -> str:
    """`text` without the direction marks and isolates the bot adds around mixed lines."""
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


def _page(*links: str) -> Response:
    heads = "".join(f'<link rel="alternate" type="application/rss+xml" title="RSS" href="{link}">'
                    for link in links)
    return Response(body=(f'<!doctype html><html lang="ar"><head><meta charset="utf-8">{heads}'
                          "<title>الشرق</title></head><body><p>أخبار</p></body></html>"
                          ).encode(), content_type="text/html; charset=utf-8")


async def test_addsource_checks_the_link_before_it_confirms(tmp_path: Path) -> None:
    """/addsource fetches the link once: a feed is added under its own title, a page that
    declares its feed adds that feed (and says so), anything else is refused with a plain
    reason and nothing is added (A5)."""
    with SampleSite() as site:
        home = site.add_route("/home.html", _page("/feeds/world.atom"))
        plain = site.add_route("/about.html", _page())
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)  # the sample template's site is gone
            before = _count(h.db, "sources")

            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('main')}")
            assert "✅ أُضيف المصدر" in m.plain_text
            assert "نشرة الشرق — الأخبار الرئيسية" in m.plain_text  # the feed's own title
            # the link, then when its first fetch comes (QA20 O4: no poll in this test's bot)
            *_, link, first = _bare(m.plain_text).split("\n")
            assert link == f"الرابط: {site.feed_url('main')}"
            assert first == "⏳ سيُجلب في الجلب التالي (لا جلب مجدول في هذه العملية)، أو أرسل " \
                "/ingest الآن", first
            [m] = await h.say(ADMIN, f"/addsource {home}")
            assert _bare(m.plain_text).startswith(
                f"✅ الرابط صفحة ويب تشير إلى خلاصة أخبار، فأضفت الخلاصة: {site.feed_url('world')}")
            assert "وكالة المدى — العالم العربي" in m.plain_text
            assert _bare(m.plain_text).split("\n")[-2] == f"الرابط: {home}"
            added = {s.url: s.name for s in sources.list_sources(h.db)}
            assert added == {site.feed_url("main"): "نشرة الشرق — الأخبار الرئيسية",
                             site.feed_url("world"): "وكالة المدى — العالم العربي"}

            refusals = {
                plain: "الرابط صفحة ويب وليس خلاصة أخبار (RSS/Atom)، ولا تشير الصفحة إلى خلاصة.",
                site.url("/missing.xml"): f"الصفحة غير موجودة على 127.0.0.1:{site.port} (الخطأ ٤٠٤)",
                "http://127.0.0.1:9/feed.xml": "تعذر الاتصال بالموقع 127.0.0.1:9 (رفض الاتصال)",
                "http://nonexistent.invalid/feed.xml": "لم أجد الموقع nonexistent.invalid",
            }
            for link, reason in refusals.items():
                [m] = await h.say(ADMIN, f"/addsource {link}")
                assert _bare(m.plain_text).startswith(f"تعذرت إضافة المصدر: {link}\n"), m.plain_text
                assert reason in _bare(m.plain_text), (link, m.plain_text)
            assert _count(h.db, "sources") == before + 2  # nothing more was added


async def test_a_slow_check_does_not_hold_up_other_chats(tmp_path: Path) -> None:
    """While /addsource waits for a slow site, readers are answered; the admin hears that the
    check is under way, then the outcome."""
    arrived, release = threading.Event(), threading.Event()
    feed = render_feed({"format": "rss", "title": "الخلاصة البطيئة", "path": "/slow.xml"}, [],
                       "http://127.0.0.1")

    def slow(request: Request) -> Response:
        arrived.set()
        release.wait(10)
        return Response(body=feed, content_type="application/rss+xml; charset=utf-8")

    with SampleSite() as site:
        site.add_route("/slow.xml", slow)
        async with running_bot(sample_db(tmp_path)) as h:
            before = len(h.emu.messages(ADMIN))
            h.emu.send_user_message(ADMIN, f"/addsource {site.url('/slow.xml')}")
            await h.until(arrived.is_set)  # the site has the request and holds its answer
            [help_answer] = await h.say(READER, "/help")  # answered while the site is silent
            assert "/subscribe" in help_answer.plain_text
            [checking] = await h.emu.await_messages(ADMIN, before + 1)
            assert "أتحقق من الرابط" in checking.plain_text
            release.set()
            await h.until(lambda: len(h.emu.messages(ADMIN)) == before + 2)
            assert "الخلاصة البطيئة" in h.emu.messages(ADMIN)[-1].plain_text
            assert "أُضيف المصدر" in h.emu.messages(ADMIN)[-1].plain_text


async def test_a_source_named_by_its_host_takes_its_feed_title(settings: Settings) -> None:
    """Sources nobody named (the sources file, older versions) are named by the feed's title at
    their first good poll; a name an admin gave stays."""
    with SampleSite() as site, Database(settings.database_path) as db:
        now = datetime.now(UTC)
        unnamed = sources.add_source(db, site.feed_url("main"), settings=settings, now=now)
        named = sources.add_source(db, site.feed_url("economy"), settings=settings, now=now,
                                   name="اقتصاد")
        assert unnamed.name == "127.0.0.1"
        await poll_once(db, settings, now=now, only_due=False)
        names = {s.id: s.name for s in sources.list_sources(db)}
    assert names == {unnamed.id: "نشرة الشرق — الأخبار الرئيسية", named.id: "اقتصاد"}


async def test_ingest_runs_in_background_and_reports(tmp_path: Path) -> None:
    with SampleSite() as site:
        site.publish(slug="flash", feed="main", title="قمة عربية طارئة في عمّان لبحث الأزمة",
                     paragraphs=["قال وزير الخارجية الأردني إن القمة ستبحث سبل وقف التصعيد."],
                     published=datetime.now(UTC))
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)  # the sample template's site is gone
            await h.say(ADMIN, f"/addsource {site.feed_url('main')}")
            [started] = await h.say(ADMIN, "/ingest")
            assert "بدأ جلب الأخبار" in started.plain_text
            await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 20)
            done = h.emu.messages(ADMIN)[-1].plain_text
            assert "الإخفاقات: ٠" in done and "الأخبار الجديدة: ٠" not in done, done
            [answer] = await h.say(READER, "قمة عمان")
            assert "قمة عربية طارئة" in answer.plain_text


async def test_stats(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        _follow_general(h.db, READER)
        await h.say(READER + 1, "/subscribe الغوطة")
        [m] = await h.say(ADMIN, "/stats")
        text = m.plain_text
        assert "محادثات لها متابعات: ٢" in text and "كل المحادثات النشطة: " in text
        articles = _count(h.db, "articles")
        assert f"المقالات: {str(articles).translate(str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩'))}" in text
        assert "في قائمة الإرسال: ٠" in text and "آخر جلب:" in text
        assert "تكرر خبرًا" not in text  # said only when some update was skipped (X24, N3)
        story, article = h.db.db.execute("select story_id, id from articles limit 1").fetchone()
        h.db.db.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                        " status, last_error) values (?, ?, ?, 'update:2026-11-30', ?,"
                        " 'skipped', ?)", [READER, story, article,
                                           iso(datetime.now(UTC)), REPEAT_REASON])
        h.db.db.conn.commit()
        [m] = await h.say(ADMIN, "/stats")
        assert "تحديثات لم تُرسل لأنها تكرر خبرًا وصل المحادثة (٢٤ ساعة): ١" in m.plain_text
        [m] = await h.say(ADMIN, "/help")
        assert "/push" in m.plain_text and "/stats" in m.plain_text
        # the arguments are documented, and /removesource says it stops polling
        help_text = _bare(m.plain_text)
        assert "/addsource رابط [اسم]" in help_text and "/push موضوع" in help_text
        assert "أوقف جلب مصدر (تبقى أخباره): /removesource رقم" in help_text


async def test_a_long_source_list_is_split_and_errors_are_in_the_admins_language(
        tmp_path: Path) -> None:
    """Forty failing sources with long bilingual errors: /sources answers in several messages,
    each one valid for Telegram, and an English admin reads the reason in English only."""
    path = sample_db(tmp_path)
    db = Database(path)
    settings = Settings()
    now = datetime(2026, 11, 29, tzinfo=UTC)
    error = ("شهادة الأمان (TLS) للموقع غير صالحة: news{n}.example — موقّعة ذاتيًا / the site's TLS"
             " certificate is invalid: news{n}.example — self-signed. على الموقع إصلاحها؛ نعيد"
             " المحاولة كل 6 ساعات / the site must fix it: checked again every 6 h")
    with db.transaction() as tx:
        for n in range(40):
            tx.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                       [f"https://news{n}.example/feed-with-a-long-path/{n}.xml", f"مصدر {n}",
                        iso(now)])
            sid = tx.execute("select id from sources where url like ?",
                             [f"%news{n}.example%"]).fetchone()[0]
            sources.record_failure(tx, sid, now, settings, error=error.format(n=n),
                                   why=Reason("tls", f"news{n}.example", "self_signed"))
    db.close()
    async with running_bot(path) as h:
        before = len(h.emu.messages(ADMIN))
        await h.say(ADMIN, "/sources", n=2, language_code="en")
        await h.settle()
        messages = h.emu.messages(ADMIN)[before:]
        assert len(messages) >= 2
        # Each one passed the emulator's Telegram checks (≤ 4096 units after parsing) to be here.
        assert all(is_valid_html(m.text) for m in messages)
        text = "\n".join(m.plain_text for m in messages)
        missing = [n for n in range(40) if f"news{n}.example/feed" not in text]
        assert not missing, (missing, text[-600:])  # nothing dropped
        assert ("The security certificate of news39.example is invalid: self-signed. The site"
                " must fix it") in text
        assert "شهادة" not in text and "TLS" not in text


async def test_sources_lists_a_feed_without_its_credentials(tmp_path: Path) -> None:
    """X15: a feed behind `user:password@` is listed without them, in both languages; the
    stored URL keeps them (the poll needs them)."""
    path = sample_db(tmp_path)
    url = "https://reader:s3cret@private.example/feed.xml"
    with Database(path) as db, db.transaction() as tx:
        tx.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                   [url, "خاص", iso(datetime(2026, 11, 29, tzinfo=UTC))])
    async with running_bot(path, admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        [ar] = await h.say(ADMIN, "/sources")
        [en] = await h.say(ADMIN + 1, "/sources", language_code="en")
        for listing in (ar, en):
            assert "private.example/feed.xml" in listing.plain_text
            assert "s3cret" not in listing.text and "reader:" not in listing.text
        assert h.db.db.execute("select count(*) from sources where url = ?", [url]
                               ).fetchone()[0] == 1


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_INTERNALS = ("ConnectError", "Errno", "mismatched", "<unknown>", "Traceback", "bozo", " / ")


async def test_source_errors_are_worded_in_the_admins_language(settings: Settings) -> None:
    """Sources that fail in four ways, polled by the real pipeline: /sources says why in the
    admin's language only, with what to do, and no Python or parser internals (A6)."""
    with SampleSite() as site, Database(settings.database_path) as db:
        now = datetime.now(UTC)
        host = f"127.0.0.1:{site.port}"
        for url in ("http://127.0.0.1:9/feed.xml", site.article_url("ghouta-macron-rouhani"),
                    site.url("/gone.xml"), "http://nonexistent.invalid/feed.xml"):
            sources.add_source(db, url, settings=settings, now=now)
        summary = await poll_once(db, settings, now=now, only_due=False)
        assert summary.failed == 4
    async with running_bot(settings.database_path, admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        [ar] = await h.say(ADMIN, "/sources")
        [en] = await h.say(ADMIN + 1, "/sources", language_code="en")
        [bad] = await h.say(ADMIN + 1, "/addsource notaurl", language_code="en")
    # a polled source is retried by itself, and its lines say so (X87, QA58-10: they gave
    # /addsource's advice, «جرّب لاحقًا», «أرسل رابط الخلاصة»)
    assert ("تعذر الاتصال بالموقع 127.0.0.1:9 (رفض الاتصال). أعيد المحاولة تلقائيًا؛ إن طال ذلك"
            " فتأكد من الرابط." in _bare(ar.plain_text))
    assert (f"أرسل الموقع {host} صفحة ليست خلاصة أخبار (RSS/Atom)، وقد تكون صفحة صيانة عابرة. "
            "أعيد المحاولة تلقائيًا" in _bare(ar.plain_text))
    assert "أرسل رابط الخلاصة" not in _bare(ar.plain_text)
    # polled again by itself, as the admin's notice says (QA77-6: was «تأكد من الرابط.» only)
    assert (f"الصفحة غير موجودة على {host} (الخطأ ٤٠٤). أعيد المحاولة تلقائيًا؛ إن دام ذلك فتأكد"
            " من الرابط." in _bare(ar.plain_text))
    assert "لم أجد الموقع nonexistent.invalid: لا نطاق بهذا الاسم." in _bare(ar.plain_text)
    assert ("Could not connect to 127.0.0.1:9 (connection refused). I will try again by myself;"
            " if it lasts, check the link." in _bare(en.plain_text))
    assert (f"{host} served a page that is not a news feed (RSS/Atom), perhaps a passing "
            "maintenance page. I will try again by myself" in _bare(en.plain_text))
    assert "Send the feed's link" not in _bare(en.plain_text)
    assert (f"The page does not exist on {host} (error 404). I will try again by myself; if it"
            " lasts, check the link." in _bare(en.plain_text))
    assert "Could not find the site nonexistent.invalid: no such domain." in _bare(en.plain_text)
    assert not _ARABIC_LETTER.search(en.plain_text), en.plain_text  # names are hosts here
    for text in (ar.plain_text, en.plain_text, bad.plain_text):
        assert not [x for x in _INTERNALS if x in text], text
    assert _bare(bad.plain_text) == ("Could not add the source: notaurl\n«notaurl» is not a valid"
                                     " web link: a link is http:// or https:// then the site's"
                                     " name (such as https://example.com/rss). Send it in full as"
                                     " your browser shows it.")


async def test_removesource_says_it_stops_polling_and_numbers_are_arabic(tmp_path: Path) -> None:
    """/removesource stops polling (articles stay) and says so; a second time it says the
    source is stopped already; ids and percentages use Arabic-Indic digits (A13)."""
    async with running_bot(sample_db(tmp_path)) as h:
        first = sources.list_sources(h.db)[0]
        articles = _count(h.db, "articles")
        ar_id = str(first.id).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        [listing] = await h.say(ADMIN, "/sources")
        assert f"{ar_id}. {first.name}" in _bare(listing.plain_text)
        [m] = await h.say(ADMIN, f"/removesource {ar_id}")  # typed with Arabic-Indic digits
        assert _bare(m.plain_text).startswith(
            f"⏸ أُوقف جلب المصدر {ar_id}: {first.name} (تبقى أخباره في الأرشيف). لإعادته: "
            f"/addsource {first.url}"), m.plain_text
        assert "حُذف" not in m.plain_text
        assert _count(h.db, "articles") == articles  # nothing deleted
        [again] = await h.say(ADMIN, f"/removesource {first.id}")
        assert _bare(again.plain_text) == f"المصدر {ar_id} موقوف من قبل."
        [missing] = await h.say(ADMIN, "/removesource 999")
        assert _bare(missing.plain_text) == "لا مصدر بالرقم ٩٩٩. الأرقام في /sources"
        [huge] = await h.say(ADMIN, "/removesource 99999999999999999999")  # past SQLite's ints
        assert _bare(huge.plain_text).startswith("لا مصدر بالرقم ٩٩٩٩٩"), huge.plain_text

        await h.say(READER, "/subscribe الغوطة")
        await h.say(ADMIN, "/push الغوطة")
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        [stats] = await h.say(ADMIN, "/stats")
        # counted per story and chat, and the percentage says what it is (QA8 F9)
        assert "(خبر لمحادثة) — سُلّمت:" in _bare(stats.plain_text), stats.plain_text
        assert "فشلت: ٠ (نسبة التسليم: ١٠٠٪)" in _bare(stats.plain_text), stats.plain_text
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN + 1})) as h:
        [en] = await h.say(ADMIN + 1, f"/removesource {first.id}", language_code="en")
        assert _bare(en.plain_text).startswith(
            f"⏸ Stopped polling source {first.id}: {first.name} (its articles stay in the "
            "archive).")


async def test_ingest_with_failures_warns_and_names_them(tmp_path: Path) -> None:
    """/ingest that could not read some sources ends with ⚠️, names them and points to
    /sources, instead of a green tick (A14)."""
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)  # the sample template's site is gone
            now = datetime.now(UTC)
            sources.add_source(h.db, site.feed_url("main"), settings=h.settings, now=now,
                               name="الشرق")
            closed = sources.add_source(h.db, "http://127.0.0.1:9/feed.xml",
                                        settings=h.settings, now=now, name="المغلق")
            gone = sources.add_source(h.db, site.url("/gone.xml"), settings=h.settings,
                                      now=now, name="Gone")
            ar = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
            ar_closed, ar_gone = str(closed.id).translate(ar), str(gone.id).translate(ar)
            await h.say(ADMIN, "/ingest")
            await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 20)
            done = _bare(h.emu.messages(ADMIN)[-1].plain_text)
            # named by number and name, as /sources lists them (QA8 F9)
            assert re.fullmatch(f"⚠️ انتهى الجلب مع إخفاقات — المصادر: ٣، أخفق منها: ٢ "
                                f"\\({ar_closed}: المغلق، {ar_gone}: Gone\\)، الأخبار الجديدة: "
                                "[٠-٩]+. التفاصيل في /sources", done), done
            await h.say(ADMIN + 1, "/ingest", language_code="en")
            await h.until(lambda: "Poll finished" in h.emu.messages(ADMIN + 1)[-1].plain_text, 20)
            done = _bare(h.emu.messages(ADMIN + 1)[-1].plain_text)
            assert done.startswith("⚠️ Poll finished with failures: 2 of 3 sources failed "
                                   f"({closed.id}: المغلق, {gone.id}: Gone);"), done
            assert "✅" not in done


def _push_rows(db: Database, chat_id: int) -> dict[str, int]:
    rows = db.db.execute("select kind, count(*) from outbox where chat_id = ? and kind like"
                         " 'push:%' and status = 'sent' group by kind", [chat_id]).fetchall()
    return {kind: n for kind, n in rows}


async def test_push_says_why_nothing_was_sent_and_counts_what_readers_get(tmp_path: Path) -> None:
    """/push tells apart «nobody follows», «nothing searchable» and «nothing new»; the number of
    stories it reports is what the reader receives after the «never twice» rule (A15)."""
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(ADMIN, "/push")
        assert _bare(m.plain_text).startswith("لا أحد يتابع النشرة العامة؛ لم تُرسل نشرة.")
        [m] = await h.say(ADMIN, "/push ترامب")
        assert _bare(m.plain_text) == "لا أحد يتابع «ترامب»؛ لم تُرسل نشرة."
        [m] = await h.say(ADMIN, "/push 🙂")
        assert "لا يحوي كلمات يمكن البحث عنها" in m.plain_text
        assert _count(h.db, "pushes") == 0 and _count(h.db, "outbox") == 0

        await h.say(READER, "/subscribe الغوطة")
        _follow_general(h.db, READER)
        [first] = await h.say(ADMIN, "/push الغوطة")
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        [again] = await h.say(ADMIN, "/push الغوطة")
        assert _bare(again.plain_text) == ("لا أخبار جديدة لإرسالها: أُرسلت هذه الأخبار إلى "
                                           "المتابعين من قبل (سُلّمت، أو تعذّر تسليمها كما قال "
                                           "تقرير تلك النشرة).")
        [general] = await h.say(ADMIN, "/push")  # 5 top stories, of which the reader had 3
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text
                      and len(_push_rows(h.db, READER)) == 2, 15)
        sent = _push_rows(h.db, READER)
    reported = [re.search(r"الأخبار لكل محادثة: (\S+)\.", _bare(m.plain_text))
                for m in (first, general)]
    assert all(reported), (first.plain_text, general.plain_text)
    got = [int(r.group(1).translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
           for r in reported if r]
    assert got == [sent[k] for k in sorted(sent, key=lambda k: int(k.split(":")[1]))], (got, sent)


async def test_a_broken_check_still_answers_and_adds_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in the check (not the link's fault) is logged; the admin is still answered."""
    async def broken(urls: object, settings: Settings, **_: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(sources_admin, "check_link", broken)
    async with running_bot(sample_db(tmp_path)) as h:
        before = _count(h.db, "sources")
        [m] = await h.say(ADMIN, "/addsource http://127.0.0.1:9/feed.xml")
        assert _bare(m.plain_text).startswith("تعذرت إضافة المصدر: http://127.0.0.1:9/feed.xml\n"
                                              "سبب غير معروف؛ التفاصيل في سجل البوت")
        assert "RuntimeError" not in m.plain_text and "a bug" not in m.plain_text
        assert _count(h.db, "sources") == before


_CUT_FEED = Response(body=b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                          b"<title>x</title><item><title>broken",
                     content_type="application/rss+xml; charset=utf-8")


async def test_addsource_refusals_are_worded_for_a_link_that_was_not_added(
        tmp_path: Path) -> None:
    """Nothing was added, so a refused /addsource never promises «أعيد المحاولة تلقائيًا» (the
    admin retries: «أعد المحاولة بعد قليل»); a feed cut off mid-item is «الخلاصة تالفة (XML غير
    صالح)», not «not a feed», whatever type it is served as. /sources, where the source is
    polled again by itself, keeps «أعيد المحاولة تلقائيًا» (QA5 N6)."""
    with SampleSite() as site:
        boom = site.add_route("/boom.xml", Response(status=500))
        cut = site.add_route("/cut.xml", _CUT_FEED)
        cut_html = site.add_route("/cut-html.xml", Response(body=_CUT_FEED.body))
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
            before = _count(h.db, "sources")
            [failed] = await h.say(ADMIN, f"/addsource {boom}")
            [failed_en] = await h.say(ADMIN + 1, f"/addsource {boom}", language_code="en")
            damaged = [(await h.say(ADMIN, f"/addsource {link}"))[0] for link in (cut, cut_html)]
            [damaged_en] = await h.say(ADMIN + 1, f"/addsource {cut}", language_code="en")
            assert _count(h.db, "sources") == before

            sources.add_source(h.db, boom, settings=h.settings, now=datetime.now(UTC))
            sources.add_source(h.db, cut, settings=h.settings, now=datetime.now(UTC))
            await poll_once(h.db, h.settings, now=datetime.now(UTC), only_due=False)
            [listing] = await h.say(ADMIN, "/sources")
    host = f"127.0.0.1:{site.port}"
    text = _bare(failed.plain_text)
    assert f"الموقع {host} يواجه عطلًا (الخطأ ٥٠٠). لم يُضف شيء؛ أعد المحاولة بعد قليل." in text
    assert "تلقائيًا" not in text
    assert "try again in a little while" in failed_en.plain_text
    assert "by myself" not in failed_en.plain_text
    for m in damaged:
        assert _bare(m.plain_text).endswith(  # the link, with its host, is on the line above
            "\nالخلاصة تالفة (XML غير صالح) ولا أخبار مقروءة فيها. تحقق منها مع الموقع، ثم أعد"
            " المحاولة."), m.plain_text
        assert "ليست خلاصة" not in m.plain_text and "صفحة ويب" not in m.plain_text
    assert "The feed is damaged (invalid XML)" in damaged_en.plain_text
    listed = _bare(listing.plain_text)
    assert f"الموقع {host} يواجه عطلًا (الخطأ ٥٠٠). أعيد المحاولة تلقائيًا لاحقًا." in listed
    assert f"خلاصة {host} تالفة (XML غير صالح) ولا أخبار مقروءة فيها. أعيد المحاولة تلقائيًا" \
        in listed


async def test_two_addsource_answers_each_name_their_link(tmp_path: Path) -> None:
    """Two /addsource in a row, the first one slow: the «⏳ أتحقق من …» line and both outcomes
    name the link they are about, whatever order they arrive in (QA5 N7)."""
    arrived, release = threading.Event(), threading.Event()

    def slow(request: Request) -> Response:
        arrived.set()
        release.wait(10)
        return Response(body=b"<html><body>no feed</body></html>")

    with SampleSite() as site:
        slow_url = site.add_route("/slow.xml", slow)
        missing = site.url("/missing.xml")
        async with running_bot(sample_db(tmp_path)) as h:
            before = len(h.emu.messages(ADMIN))
            h.emu.send_user_message(ADMIN, f"/addsource {slow_url}")
            await h.until(arrived.is_set)
            h.emu.send_user_message(ADMIN, f"/addsource {missing}")
            await h.emu.await_messages(ADMIN, before + 2)  # the 404 and «⏳ …», any order
            release.set()
            await h.emu.await_messages(ADMIN, before + 3)
            answers = [_bare(m.plain_text) for m in h.emu.messages(ADMIN)[before:]]
    checking = [a for a in answers if a.startswith("⏳")]
    assert checking == [f"⏳ أتحقق من الرابط: {slow_url}"], answers
    refusals = [a for a in answers if a.startswith("تعذرت إضافة المصدر")]
    assert sorted(refusals) == sorted([
        f"تعذرت إضافة المصدر: {missing}\nالصفحة غير موجودة على 127.0.0.1:{site.port} (الخطأ ٤٠٤)."
        " تأكد من الرابط.",
        f"تعذرت إضافة المصدر: {slow_url}\nالرابط صفحة ويب وليس خلاصة أخبار (RSS/Atom)، ولا تشير"
        " الصفحة إلى خلاصة. أرسل رابط الخلاصة، وغالبًا ينتهي بـ rss أو feed."]), answers


def test_a_long_link_is_named_by_its_start_and_end() -> None:
    link = "https://news.example/" + "a" * 300 + "/feed.xml"
    label = admin.link_label(link)
    assert len(label) == admin.LINK_CHARS
    assert label.startswith("https://news.example/aaa") and label.endswith("aaa/feed.xml")
    assert admin.link_label(" https://news.example/rss ") == "https://news.example/rss"


def _failing_source(db: Database, name: str, failures: int) -> None:
    now = datetime(2026, 11, 29, tzinfo=UTC)
    source = sources.add_source(db, f"http://news{failures}.example/feed.xml",
                                settings=Settings(), now=now, name=name, require_dns=False)
    with db.transaction() as tx:
        for _ in range(failures):
            sources.record_failure(tx, source.id, now, Settings(), error="refused",
                                   why=Reason("refused", f"news{failures}.example"))


async def test_english_sources_read_left_to_right_with_arabic_names(tmp_path: Path) -> None:
    """An English /sources line whose source has an Arabic name starts with an LRM, so the
    number, the name and the health keep their order on screen; one failure is «1 time»
    (QA5 N8)."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        _failing_source(db, "مصدر الاختبار", 1)
        _failing_source(db, "وكالة الاختبار", 3)
        ids = [s.id for s in sources.list_sources(db) if "الاختبار" in s.name]
    async with running_bot(path, admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        [en] = await h.say(ADMIN, "/sources", language_code="en")
        [ar] = await h.say(ADMIN + 1, "/sources")
    lines = [line for line in en.plain_text.split("\n") if " — " in line]
    assert len(lines) >= 2 and all(line.startswith("\u200e") for line in lines), lines
    shown = [displayed(line)[0] for line in lines if "الاختبار" in line]
    # one failure is no streak (X87, QA58-10: «failing 1 time in a row», «إخفاقات متتالية: ١»)
    assert shown[0].startswith(f"{ids[0]}. ") and "⚠️ failed at the last poll: Could not" in shown[0]
    assert shown[1].startswith(f"{ids[1]}. ") and "⚠️ failing 3 times in a row" in shown[1]
    assert "⚠️ فشل آخر جلب —" in _bare(ar.plain_text)
    assert "إخفاقات متتالية: ٣ —" in _bare(ar.plain_text)  # Arabic: a count after a colon
    assert not [line for line in ar.plain_text.split("\n") if line.startswith("\u200e")]


async def test_a_source_name_with_latin_markup_is_isolated_alike_everywhere(
        tmp_path: Path) -> None:
    """«مصدر <b>تجريبي</b> & شركاه» shows in its own order in the /addsource answer and in
    /sources: one code path names a source in admin replies (QA5 N14). Since X82 (QA56-4) the
    tags an admin types are left out of the name: «مصدر تجريبي & شركاه» is stored and shown;
    a name holding markup (an older one) is still isolated alike (admin.source_name)."""
    name = "مصدر <b>تجريبي</b> & شركاه"
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path)) as h:
            [added] = await h.say(ADMIN, f"/addsource {site.feed_url('economy')} {name}")
            [listing] = await h.say(ADMIN, "/sources")
    assert "أُضيف المصدر" in added.plain_text
    added_line = next(line for line in added.plain_text.split("\n") if "شركاه" in line)
    listed_line = next(line for line in listing.plain_text.split("\n") if "شركاه" in line)
    for line in (added_line, listed_line):
        assert "<b>" not in line and "</b>" not in line, line
        assert admin.source_name("مصدر تجريبي & شركاه", "ar") in line, line
    isolated = admin.source_name(name, "ar")
    assert isolated == "مصدر \u200e<b>\u200eتجريبي\u200e</b>\u200e & شركاه"


async def test_push_heads_the_digest_with_the_trimmed_topic(tmp_path: Path) -> None:
    """/push ما آخر أخبار الغوطة؟ pushes «الغوطة» as /subscribe would follow it: the words of
    asking reach neither the pushes row nor the delivered header."""
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        [queued] = await h.say(ADMIN, "/push ما آخر أخبار الغوطة؟")
        assert "المحادثات: ١" in queued.plain_text
        await h.until(lambda: len(h.emu.messages(READER)) == 2, 15)
        digest = h.emu.messages(READER)[-1].plain_text
        assert "الغوطة" in digest and "ما آخر" not in digest and "؟" not in digest.split("\n")[0]
        assert h.db.db.execute("select topic from pushes").fetchall() == [("الغوطة",)]


async def test_push_reaches_the_followers_of_another_spelling(tmp_path: Path) -> None:
    """/push ترمب is for the followers of «ترامب» too (one man, two house styles), and /push آخر
    الأخبار is the general digest, not a topic nobody follows."""
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe ترامب")
        [reply] = await h.say(ADMIN, "/push ترمب")
        assert "لا أحد يتابع" not in reply.plain_text  # the follower of «ترامب» counts
        [general] = await h.say(ADMIN, "/push آخر الأخبار")
        assert "«آخر الأخبار»" not in general.plain_text
        assert "النشرة العامة" in general.plain_text  # nobody follows the general digest here


async def test_addsource_without_a_scheme_tries_https_then_http_and_says_which(
        tmp_path: Path) -> None:
    """QA B6: «/addsource www.example.invalid/feed» was refused as «must start with http://»,
    though a pasted link without one is read. A link typed without a scheme is checked as
    https://, then as http:// when https:// cannot connect, and the answer says which; «http://»
    alone is a clear refusal that no longer contradicts itself."""
    with SampleSite() as site:
        typed = site.feed_url("main").removeprefix("http://")
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            [m] = await h.say(ADMIN, f"/addsource {typed}")
            lines = _bare(m.plain_text).split("\n")
            assert lines[0].startswith("✅ أُضيف المصدر"), m.plain_text
            assert f"الرابط: {site.feed_url('main')}" in lines, lines  # as stored (QA9 N5)
            assert lines[-2] == ("كُتب الرابط دون http:// أو https://، ولم يُجب الموقع على "
                                 "https://، فجرّبته بـ http://")
            assert lines[-1].startswith("⏳ سيُجلب في الجلب التالي")  # QA20 O4
            assert [s.url for s in sources.list_sources(h.db)] == [site.feed_url("main")]
            [again] = await h.say(ADMIN, f"/addsource {typed}")  # either scheme is a duplicate
            assert "المصدر مضاف من قبل برقم" in again.plain_text
            assert "فقرأته" not in again.plain_text
            [unknown] = await h.say(ADMIN, "/addsource www.example.invalid/feed")
            text = _bare(unknown.plain_text)
            assert "لم أجد الموقع www.example.invalid: لا نطاق بهذا الاسم." in text
            assert text.endswith("كُتب الرابط دون http:// أو https://، فقرأته بـ https://")
            [bare] = await h.say(ADMIN, "/addsource http://")
            text = _bare(bare.plain_text)
            assert ("«http://» ليس رابط موقع صالحًا: الرابط http:// أو https:// ثم اسم الموقع"
                    in text)
            assert "يجب أن يبدأ" not in text and "فقرأته" not in text
            assert len(sources.list_sources(h.db)) == 1


async def test_a_429_on_the_push_acknowledgement_loses_no_report(tmp_path: Path) -> None:
    """QA8 F1: Telegram answers 429 to the admin's «📤 …» (likely while a push fills the bot's
    limit): the acknowledgement is sent again after the wait, the final report still comes,
    every follower gets the digest exactly once, and the failed ones are counted with their
    reasons (F9), under ⚠️, not ✅."""
    async with running_bot(sample_db(tmp_path)) as h:
        readers = [READER + i for i in range(6)]
        for chat in readers:
            await h.say(chat, "/subscribe الغوطة")
        h.emu.block(readers[1], "blocked")
        h.emu.block(readers[2], "kicked")
        h.emu.fail_next(1, 403, "Forbidden: bot can't initiate conversation with a user",
                        chat_id=readers[3])
        before = {chat: len(h.emu.messages(chat)) for chat in readers}
        h.emu.inject_429(2, retry_after=1, chat_id=ADMIN)  # the acknowledgement, twice
        h.emu.inject_429(2, retry_after=1)  # and the next two sends, whoever they are for
        [queued] = await h.say(ADMIN, "/push الغوطة", timeout=20)
        assert "📤 النشرة في قائمة الإرسال — المحادثات: ٦" in _bare(queued.plain_text)
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 20)
        assert check_message(h.emu.messages(ADMIN)[-1].text) == []
        report = _bare(h.emu.messages(ADMIN)[-1].plain_text)
        assert report.startswith("⚠️ انتهت النشرة مع إخفاقات — سُلّمت: ٣، فشلت: ٣."), report
        for reason in ("• ١: حظر المستخدم البوت", "• ١: أُخرج البوت من المجموعة",
                       "• ١: لم يبدأ المستخدم محادثة مع البوت (عليه أن يرسل /start)"):
            assert reason in report, report
        assert "✅" not in report
        await h.settle()
        got = {chat: len(h.emu.messages(chat)) - before[chat] for chat in readers}
        assert got == {readers[0]: 1, readers[1]: 0, readers[2]: 0, readers[3]: 0,
                       readers[4]: 1, readers[5]: 1}, got
        assert len([m for m in h.emu.messages(ADMIN) if "📤" in m.plain_text]) == 1


async def test_an_acknowledgement_refused_for_good_heads_the_final_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When every attempt at the «📤 …» answer gets 429, the final report says what it would
    have said, then the outcome (✅: every follower got it), in the admin's language."""
    monkeypatch.setattr(admin, "TELL_ATTEMPTS", 2)
    monkeypatch.setattr(reply_limiter, "REPLY_TRIES", 1)  # each attempt is one request
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        h.emu.inject_429(2, retry_after=1, chat_id=ADMIN)
        before = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "/push الغوطة", language_code="en")
        await h.until(lambda: len(h.emu.messages(ADMIN)) > before, 20)
        [report] = h.emu.messages(ADMIN)[before:]
        lines = report.plain_text.split("\n")
        assert lines[0].startswith("📤 Digest queued: 1 chat, "), lines  # X79: «1 chat»
        assert lines[1] == "✅ Digest finished: 1 delivered, 0 failed.", lines
        assert len([m for m in h.emu.messages(READER) if "الغوطة" in m.plain_text]) >= 2


async def test_a_429_on_the_ingest_acknowledgement_loses_no_report(tmp_path: Path) -> None:
    """QA8 F1 for /ingest: «⏳ …» refused with 429 is sent again after the wait, then the poll
    runs and its report arrives."""
    async with running_bot(sample_db(tmp_path)) as h:
        for s in sources.list_sources(h.db):
            sources.remove_source(h.db, s.id)  # nothing to fetch: the poll is quick
        polls = _count(h.db, "polls")
        h.emu.inject_429(1, retry_after=1, chat_id=ADMIN)
        [started] = await h.say(ADMIN, "/ingest", timeout=20)
        assert "بدأ جلب الأخبار" in started.plain_text
        await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 20)
        assert _bare(h.emu.messages(ADMIN)[-1].plain_text).startswith("✅ انتهى الجلب")
        assert _count(h.db, "polls") == polls + 1


async def test_a_429_during_a_push_still_ends_with_the_green_report(tmp_path: Path) -> None:
    """QA8 F1, as the QA ran it: the next sends answer 429 whoever they are for (the admin's
    acknowledgement among them); every follower gets the digest exactly once and the admin gets
    «📤 …» once, then «✅ …»."""
    async with running_bot(sample_db(tmp_path)) as h:
        readers = [READER + i for i in range(4)]
        for chat in readers:
            await h.say(chat, "/subscribe الغوطة")
        before = {chat: len(h.emu.messages(chat)) for chat in readers}
        admin_before = len(h.emu.messages(ADMIN))
        h.emu.inject_429(1, retry_after=1, chat_id=ADMIN)
        h.emu.inject_429(3, retry_after=1)
        h.emu.send_user_message(ADMIN, "/push الغوطة")
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 20)
        await h.settle()
        answers = [_bare(m.plain_text) for m in h.emu.messages(ADMIN)[admin_before:]]
        assert len(answers) == 2, answers
        assert answers[0].startswith("📤 النشرة في قائمة الإرسال — المحادثات: ٤")
        assert answers[1] == "✅ انتهت النشرة — سُلّمت: ٤، فشلت: ٠.", answers
        assert {chat: len(h.emu.messages(chat)) - before[chat] for chat in readers} == \
            dict.fromkeys(readers, 1)


async def test_an_admin_answer_refused_with_429_is_sent_after_the_wait(tmp_path: Path) -> None:
    """Other admin answers (/stats, /removesource …) are not lost to a 429 either: sent again
    from a background task, and the bot goes on handling updates meanwhile."""
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.inject_429(1, retry_after=1, chat_id=ADMIN)
        [stats] = await h.say(ADMIN, "/stats", timeout=20)
        assert _bare(stats.plain_text).startswith("📊 الإحصاءات")
        h.emu.inject_429(1, retry_after=2, chat_id=ADMIN)
        h.emu.send_user_message(ADMIN, "/removesource abc")
        [m] = await h.say(READER, "/start")  # answered while the admin's answer waits
        assert "أهلًا" in m.plain_text
        await h.until(lambda: any("/removesource" in x.plain_text
                                  for x in h.emu.messages(ADMIN)), 20)
        assert len(h.emu.messages(ADMIN)) == 2


async def test_ingest_says_a_new_sources_first_poll_is_stored_not_pushed(tmp_path: Path) -> None:
    """QA10 F6: /ingest of a new source said «الأخبار الجديدة: ٨» and followers got nothing (a
    first poll is backfill), with no word why. The report says so now; at the next poll of an
    old source it does not. English counts take their noun in the singular (QA10 F12)."""
    with SampleSite() as site:
        site.publish(slug="flash", feed="main", title="قمة عربية طارئة في عمّان لبحث الأزمة",
                     paragraphs=["قال وزير الخارجية الأردني إن القمة ستبحث سبل وقف التصعيد."],
                     published=datetime.now(UTC))
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)  # the sample template's site is gone
            await h.say(READER, "/subscribe عمان")
            before = len(h.emu.messages(READER))
            await h.say(ADMIN, f"/addsource {site.feed_url('main')}")
            await h.say(ADMIN, "/ingest")
            await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 20)
            done, note = _bare(h.emu.messages(ADMIN)[-1].plain_text).split("\n")
            assert done.startswith("✅ انتهى الجلب — المصادر: ١، الأخبار الجديدة: ")
            assert note.startswith("(أول جلب لمصدر جديد: حُفظت أخباره (") and \
                "ولم تُرسل إلى المتابعين" in note, note
            await h.settle()
            assert len(h.emu.messages(READER)) == before  # stored for search, not pushed
            # the next poll of the same source is no first poll: no note; English counts
            await h.say(ADMIN + 1, "/ingest", language_code="en")
            await h.until(lambda: "Poll finished" in h.emu.messages(ADMIN + 1)[-1].plain_text, 20)
            again = _bare(h.emu.messages(ADMIN + 1)[-1].plain_text)
            assert again.startswith("✅ Poll finished: 1 source, ") and "1 sources" not in again
            assert "\n" not in again and "first poll" not in again, again


async def test_a_removed_source_added_again_is_said_to_be_resumed(tmp_path: Path) -> None:
    """QA10 F12: /addsource of a paused source said «✅ أُضيف المصدر ١»; it is resumed."""
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path)) as h:
            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('main')} الشرق")
            added = _bare(m.plain_text)
            assert added.startswith("✅ أُضيف المصدر ")
            number = added.split("المصدر ", 1)[1].split(":", 1)[0]
            await h.say(ADMIN, f"/removesource {number}")
            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('main')} الشرق")
            assert _bare(m.plain_text).startswith(f"✅ أُعيد تفعيل المصدر {number}: الشرق"), \
                m.plain_text
            # QA16 N5: resumed without a name, it keeps the operator's, not the feed's title
            await h.say(ADMIN, f"/removesource {number}")
            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('main')}")
            assert _bare(m.plain_text).startswith(f"✅ أُعيد تفعيل المصدر {number}: الشرق"), \
                m.plain_text


async def test_a_feed_title_escaped_twice_names_the_source_readably(tmp_path: Path) -> None:
    """QA10 F1 end to end: «أخبار &amp;quot;المحلية&amp;quot; &#x2014; اختبار» became the source
    «أخبار &quot;المحلية&quot; — اختبار» in every admin reply and digest. Now the name is
    decoded, and a digest's source line is laid out in order (python-bidi)."""
    title = "أخبار &amp;quot;المحلية&amp;quot; &#x2014; اختبار"
    with SampleSite() as site:
        page = site.url("/story.html")
        site.add_route("/story.html", Response(body=(
            "<html><head><title>زلزال في الحسيمة</title></head><body><article><h1>زلزال في "
            "الحسيمة</h1><p>" + "ضرب زلزال مدينة الحسيمة صباح اليوم وقال مسؤول محلي إن الأضرار "
            "محدودة. " * 6 + "</p></article></body></html>").encode()))
        feed = site.add_route("/wp.xml", Response(body=(
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><item><title>زلزال في الحسيمة</title><link>{page}</link>"
            "</item></channel></rss>").encode(), content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path)) as h:
            [m] = await h.say(ADMIN, f"/addsource {feed}")
            assert 'أخبار "المحلية" — اختبار' in _bare(m.plain_text) and "&quot;" not in \
                m.plain_text, m.plain_text
            await poll_once(h.db, h.settings, now=datetime.now(UTC), only_due=False)
            [answer] = await h.say(READER, "الحسيمة")
            assert 'أخبار "المحلية" — اختبار' in _bare(answer.plain_text)
            assert "quot" not in answer.plain_text and "quot" not in answer.text
            line = next(x for x in answer.text.split("\n") if "المحلية" in x)
            [shown] = displayed(line)
            assert '"ةيلحملا" رابخأ' in shown, shown  # the name as an RTL reader sees it


async def test_links_with_an_arabic_path_read_in_order_in_admin_replies(tmp_path: Path) -> None:
    """QA10 F5: «تعذرت إضافة المصدر: http://127.0.0.1:38101/أخبار.xml» showed the path before the
    host (python-bidi, as libfribidi did for QA). /addsource's answer and /sources show links
    in order now, an Arabic path or a trailing slash included."""
    with SampleSite() as site:
        arabic = site.url("/أخبار.xml")  # nothing served there: a 404
        async with running_bot(sample_db(tmp_path)) as h:
            [m] = await h.say(ADMIN, f"/addsource {arabic}")
            shown = "\n".join(displayed(m.text))
            assert "تعذرت إضافة المصدر" in m.plain_text
            host = arabic.split("/أخبار")[0]
            assert f"{host}/رابخأ.xml" in shown, shown
            slash = site.url("/feeds/")
            with h.db.transaction() as tx:
                for url in (slash, arabic):
                    tx.execute("insert into sources (url, name, added_at, active, "
                               "consecutive_failures) values (?, 'x', ?, 1, 0)",
                               [url, iso(datetime.now(UTC))])
            [listed] = await h.say(ADMIN, "/sources")
            shown = "\n".join(displayed(listed.text))
            assert slash in shown and f"{host}/رابخأ.xml" in shown, shown


async def test_a_push_stopped_midway_is_finished_and_reported_after_the_restart(
        tmp_path: Path) -> None:
    """QA12 F1 and F4: the bot is stopped (SIGTERM: a deploy) in the middle of a /push. The
    messages already on their way finish, the rest wait; started again, the bot sends the rest
    and the admin gets the final report it still owed — each chat got the digest exactly once,
    and the report is not sent again at the next start."""
    path = sample_db(tmp_path)
    readers = [7100 + n for n in range(10)]
    received: dict[int, int] = {}
    async with running_bot(path, send_rate_per_second=2.0) as h:
        for chat in readers:
            _follow_general(h.db, chat)
        [queued] = await h.say(ADMIN, "/push")
        assert "المحادثات: ١٠" in queued.plain_text
        await h.until(lambda: sum(len(h.emu.messages(c)) for c in readers) >= 2, 15)
        h.emu.slow_next(1, 2.0)  # the next digest is delivered, its answer comes 2 s late
        await h.until(lambda: sum(len(h.emu.messages(c)) for c in readers) >= 3, 15)
        # leaving the block now stops the bot as SIGTERM does (bot.app._post_stop), with that
        # message on the wire: it is waited for, not cancelled and sent again after the restart
    for chat in readers:
        received[chat] = len(h.emu.messages(chat))
    with Database(path) as db:
        rows = db.db.execute("select chat_id, status from outbox where kind = 'push:1'"
                             ).fetchall()
        assert "sending" not in {s for _, s in rows}  # nothing half-sent for a restart to repeat
        assert 2 <= len({c for c, s in rows if s == "sent"}) < 10
        owed = db.db.execute("select admin_chat_id, admin_lang, reported_at from pushes"
                             " where id = 1").fetchone()
        assert owed == (ADMIN, "ar", None)
    async with running_bot(path, send_rate_per_second=20.0) as h:
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 20)
        [report] = [m for m in h.emu.messages(ADMIN) if "انتهت النشرة" in m.plain_text]
        assert "المحادثات: ١٠" in report.plain_text  # the counts head it: a fresh process
        assert "✅ انتهت النشرة — سُلّمت: ١٠، فشلت: ٠." in report.plain_text
        assert check_message(report.text) == []
        for chat in readers:
            received[chat] += len(h.emu.messages(chat))
        # the report is marked as given once Telegram answered it: a moment after the
        # emulator recorded the message
        assert await h.until(lambda: h.db.db.execute(
            "select reported_at from pushes where id = 1").fetchone()[0], 10)
    assert received == {chat: 1 for chat in readers}
    async with running_bot(path) as h:  # owed no more: not reported twice
        await h.settle()
        assert h.emu.messages(ADMIN) == []


async def test_an_ingest_that_fails_on_a_bug_is_still_answered(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA12 F2: a poll that raised something unforeseen (a non-ASCII USER_AGENT made httpx
    raise UnicodeEncodeError) left «⏳ بدأ جلب الأخبار…» without its final answer."""
    import digests.pipeline

    async def broken(*args: object, **kwargs: object) -> None:
        raise UnicodeEncodeError("ascii", "نشرة", 0, 1, "ordinal not in range(128)")

    path = sample_db(tmp_path)
    monkeypatch.setattr(digests.pipeline, "poll_once", broken)
    async with running_bot(path) as h:
        got = await h.say(ADMIN, "/ingest", n=2)
        assert "بدأ جلب الأخبار" in got[0].plain_text
        assert got[1].plain_text.lstrip("\u200f").startswith("⚠️ فشل الجلب:")
        assert "سجل البوت" in got[1].plain_text


async def test_sources_lists_paused_sources_last_with_how_to_resume(tmp_path: Path) -> None:
    """QA12 F8: after /removesource, /sources still names the paused source (last), marked
    «⏸ موقوف» with how to resume it; with every source paused it does not say there are none."""
    async with running_bot(sample_db(tmp_path)) as h:
        first = sources.list_sources(h.db)[0]
        await h.say(ADMIN, f"/removesource {first.id}")
        [listing] = await h.say(ADMIN, "/sources")
        assert check_message(listing.text) == []
        lines = [_bare(line) for line in listing.plain_text.split("\n")]
        number = str(first.id).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        paused = next(i for i, line in enumerate(lines) if line.startswith(f"{number}. "))
        assert "⏸ موقوف (تبقى أخباره) — لإعادته: /addsource والرابط أدناه" in lines[paused]
        assert lines[paused + 1] == first.url and paused + 2 == len(lines)  # the last one
        for s in sources.list_sources(h.db):
            await h.say(ADMIN, f"/removesource {s.id}")
        [listing] = await h.say(ADMIN, "/sources")
        assert "لا مصادر" not in listing.plain_text
        assert _bare(listing.plain_text).count("⏸ موقوف (تبقى أخباره)") == 3


async def test_a_digest_telegram_answers_late_is_not_sent_twice(tmp_path: Path) -> None:
    """QA12 F5: Telegram answering a send 6 s late (PTB's default read timeout is 5 s) made the
    sender take it as "maybe sent" and send it again; the bot waits longer for an answer."""
    async with running_bot(sample_db(tmp_path)) as h:
        readers = (7300, 7301)
        for chat in readers:
            _follow_general(h.db, chat)
        [queued] = await h.say(ADMIN, "/push")
        h.emu.slow_next(1, 6.0)  # the first digest is delivered, its answer comes 6 s late
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 30)
        assert [len(h.emu.messages(chat)) for chat in readers] == [1, 1]
        assert "✅ انتهت النشرة — سُلّمت: ٢، فشلت: ٠." in h.emu.messages(ADMIN)[-1].plain_text
        assert h.db.db.execute("select max(attempts) from outbox").fetchone()[0] == 1


async def test_a_push_right_after_an_unfinished_one_says_its_stories_are_queued(
        tmp_path: Path) -> None:
    """QA12 (run H): a second /push while the first is still being sent was told the stories
    «أُرسلت … من قبل»; they are in the queue, and its report follows."""
    async with running_bot(sample_db(tmp_path)) as h:
        _follow_general(h.db, READER)
        h.emu.slow_next(2, 3.0)  # the acknowledgement and the digest are answered late
        await h.say(ADMIN, "/push")
        [again] = await h.say(ADMIN, "/push")
        assert _bare(again.plain_text).startswith(
            "لا أخبار جديدة لإرسالها: هذه الأخبار في قائمة الإرسال الآن (نشرة سابقة لم تنتهِ بعد")
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 20)
        [done] = await h.say(ADMIN, "/push")
        assert "أُرسلت هذه الأخبار إلى المتابعين من قبل" in done.plain_text


async def test_a_forwarded_admin_command_is_not_run(tmp_path: Path) -> None:
    """QA14 F10: an admin forwarding a reader's «/stats» (or «/push», «/removesource 3») ran it.
    A command in a forwarded message is not run, and the admin is told why."""
    import time as _time

    from bot.emulator_model import User

    async with running_bot(sample_db(tmp_path)) as h:
        reader = User(READER, "Reader").to_json()
        origin = {"type": "user", "date": int(_time.time()) - 60, "sender_user": reader}
        before = _count(h.db, "sources")
        for command in ("/stats", "/removesource 1", "/push"):
            seen = len(h.emu.messages(ADMIN))
            h.emu.send_user_message(ADMIN, command, extra={"forward_origin": origin})
            m = (await h.emu.await_messages(ADMIN, seen + 1))[seen]
            assert "مُعاد توجيهها" in m.plain_text, m.plain_text
        await h.settle()
        assert _count(h.db, "pushes") == 0
        assert len(sources.list_sources(h.db)) == before  # source 1 still polled
        [m] = await h.say(ADMIN, "/stats")  # typed by the admin: runs
        assert "المقالات" in m.plain_text


async def test_an_anonymous_group_admin_is_told_to_send_as_themselves(tmp_path: Path) -> None:
    """QA14 F10: a command sent as the group (GroupAnonymousBot) was refused with no hint that
    the bot cannot tell who sent it."""
    from bot.emulator_model import User

    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(-100710, "مجموعة", admins=[ADMIN])
        anonymous = User(1087968824, "Group", username="GroupAnonymousBot", is_bot=True)
        group = {"id": -100710, "type": "supergroup", "title": "مجموعة"}
        seen = len(h.emu.messages(-100710))
        h.emu.send_user_message(-100710, "/stats", user=anonymous, extra={"sender_chat": group})
        m = (await h.emu.await_messages(-100710, seen + 1))[seen]
        assert "أرسل الأمر باسمك، لا باسم المجموعة" in m.plain_text
        assert "1087968824" not in m.plain_text


async def test_many_sources_are_summed_up_with_those_that_need_the_admin_first(
        tmp_path: Path) -> None:
    """QA14 F15: 159 sources made /sources 25 messages. Past SOURCES_LISTED, the answer counts
    them by health, lists the failing, never-polled and paused ones first, and says how many
    were left out and where to see them all."""
    path = tmp_path / "many.db"  # no sample sources: these 120 only
    db = Database(path)
    settings = Settings()
    now = datetime(2026, 11, 29, tzinfo=UTC)
    with db.transaction() as tx:
        for n in range(120):
            tx.execute("insert into sources (id, url, name, added_at, last_success_at)"
                       " values (?, ?, ?, ?, ?)",
                       [n + 1, f"https://s{n}.example/feed.xml", f"مصدر {n}", iso(now),
                        iso(now) if n < 100 else None])
        for n in range(60, 100):  # 40 failing, 20 never polled, 60 fine
            sources.record_failure(tx, n + 1, now, settings, error="x",
                                   why=Reason("http_status", f"s{n}.example", "500"))
    db.close()
    async with running_bot(path) as h:
        before = len(h.emu.messages(ADMIN))
        await h.say(ADMIN, "/sources")
        await h.settle()
        messages = h.emu.messages(ADMIN)[before:]
        text = _bare("\n".join(m.plain_text for m in messages))
        assert len(messages) <= 10 and all(is_valid_html(m.text) for m in messages)
        assert text.startswith("المصادر: ١٢٠ — ✅ ٦٠، ⚠️ ٤٠، ⏳ ٢٠، ⏸ ٠"), text[:120]
        shown = [n for n in range(120) if f"s{n}.example/feed" in text]
        assert shown == list(range(60, 110)), shown  # the 40 failing, then 10 never polled
        assert "و٧٠ غيرها لم تُعرض" in text and "python run.py sources list" in text
