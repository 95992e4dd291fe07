"""X83 (QA55-12, S3): /ingest's report says how many stored articles their sites corrected.

A site corrects a toll in place («مقتل 40» → «مقتل 49»); the poll stores the new text (and the
readers sent the article get «🔄»), but /ingest reported only «✅ انتهى الجلب — المصادر: ١،
الأخبار الجديدة: ٠، الإخفاقات: ٠.»: the admin who ran it after the site's fix could not see the
fix was taken (the log alone said «corrected articles updated»). Now a line says how many.

Real parts: a local news site, the real Application and its /ingest poll against the emulator,
a real SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot
from test_x74_down_corrections import CRASH, NOW, _page, _rss

from digests.pipeline import poll_once
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

BODY = "قالت السلطات في نيبال إن {n} شخصا قتلوا حين تحطمت طائرة ركاب في مطار كاتماندو."


def _serve(site: SampleSite, n: int) -> None:
    site.add_route("/crash.html", _page(CRASH.format(n=n), [BODY.format(n=n)]))
    site.add_route("/f.xml", _rss(site, [("/crash.html", CRASH.format(n=n))]))


async def test_the_ingest_report_counts_corrected_articles(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with SampleSite(with_sample=False) as site:
        _serve(site, 40)
        settings = Settings(database_path=path, allow_private_sources=True,
                            fetch_timeout_seconds=5.0)
        with Database(path) as db:
            add_source(db, site.url("/f.xml"), settings=settings, now=NOW)
            await poll_once(db, settings, now=NOW)
        _serve(site, 49)  # the site corrects its toll in place
        async with running_bot(path) as h:
            before = len(h.emu.messages(ADMIN))
            h.emu.send_user_message(ADMIN, "/ingest", user=h.user(ADMIN))
            _, report = (await h.emu.await_messages(ADMIN, before + 2, timeout=20))[before:]
            text = report.plain_text
            assert "انتهى الجلب" in text and "الأخبار الجديدة: ٠" in text, text
            assert "صحّحتها مواقعها" in text and "١" in text.split("صحّحتها مواقعها")[1], text
            # a poll with nothing corrected says nothing of it
            before = len(h.emu.messages(ADMIN))
            h.emu.send_user_message(ADMIN, "/ingest", user=h.user(ADMIN))
            _, again = (await h.emu.await_messages(ADMIN, before + 2, timeout=20))[before:]
            assert "انتهى الجلب" in again.plain_text and "صحّحتها" not in again.plain_text
