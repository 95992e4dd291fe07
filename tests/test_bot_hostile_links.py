"""QA14 through the real bot and the emulator: malformed links never break /addsource or
/ingest (F1), an article URL with «<», «>», «"» keeps its link (F8), zero-width characters
from feeds do not reach readers (F11)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from botkit import ADMIN, READER, running_bot, sample_db
from telegram_html import check_message

from digests import sources
from digests.samplesite import Response, SampleSite


@pytest.mark.parametrize("link", ["http://xn--/feed", f"http://{'a' * 64}.com/feed"])
async def test_addsource_of_a_malformed_host_is_refused_clearly(
        tmp_path: Path, link: str, caplog: pytest.LogCaptureFixture) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        before = len(sources.list_sources(h.db))
        [m] = await h.say(ADMIN, f"/addsource {link}")
        assert "تعذرت إضافة المصدر" in m.plain_text and "ليس رابط موقع صالحًا" in m.plain_text
        assert "سبب غير معروف" not in m.plain_text and check_message(m.text) == []
        assert len(sources.list_sources(h.db)) == before
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def _feed(site: SampleSite, items: list[tuple[str, str]]) -> bytes:
    now = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    body = "".join(f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
                   f"<pubDate>{now}</pubDate><description>ملخص {title}</description></item>"
                   for title, link in items)
    return (f'<rss version="2.0"><channel><title>روابط</title><link>{site.url("/")}</link>'
            f"{body}</channel></rss>").encode()


async def test_ingest_with_malformed_links_stores_the_rest_and_keeps_odd_links(
        tmp_path: Path) -> None:
    with SampleSite() as site:
        page = ("<html><body><article><h1>حصار الغوطة</h1><p>قال المتحدث إن القصف على الغوطة"
                " الشرقية استمر طوال الليل وإن المدنيين بلا مأوى.</p></article></body></html>")
        site.add_route("/p/b.html", Response(body=page.encode()))
        site.add_route("/redir-idna", Response(status=302,
                                               headers={"Location": "http://xn--/feed"}))
        odd = site.url("/p/b.html") + "?x=1&amp;y=&lt;2&gt;&amp;q=%22quoted%22"
        site.add_route("/odd.xml", Response(body=_feed(site, [
            ("رابط معطوب عن الغوطة", "http://xn--zz/y"),
            ("رابط معطوب آخر عن الغوطة", "http://xn--/x"),
            ("تحويل معطوب عن الغوطة", site.url("/redir-idna")),
            ("\ufeffقصف\u200b الغوطة الليلة", odd)])))
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)  # the sample template's site is gone
            await h.say(ADMIN, f"/addsource {site.url('/odd.xml')}")
            [started] = await h.say(ADMIN, "/ingest")
            assert "بدأ جلب الأخبار" in started.plain_text
            await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 20)
            done = h.emu.messages(ADMIN)[-1].plain_text
            assert "الإخفاقات: ٠" in done and "فشل الجلب" not in done, done
            stored = dict(h.db.db.execute("select url, page_status from articles"
                                          " where url like '%xn--%' or url like '%b.html%'"
                                          " or url like '%redir-idna'"))
            assert len(stored) == 4, stored
            assert stored[site.url("/p/b.html") + "?x=1&y=<2>&q=%22quoted%22"] == "ok"
            [answer] = await h.say(READER, "قصف الغوطة الليلة")
            assert check_message(answer.text) == []
            assert ('href="' + site.url("/p/b.html") + '?x=1&amp;y=%3C2%3E&amp;q=%22quoted%22"'
                    in answer.text), answer.text
            assert "قصف الغوطة الليلة" in answer.plain_text
            assert "\u200b" not in answer.text and "\ufeff" not in answer.text
