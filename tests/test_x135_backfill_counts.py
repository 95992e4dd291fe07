"""X135 (after X134): every poll's report and /stats say how many articles were backfill.

Only a new source's first poll said it («أول جلب لمصدر جديد: حُفظت أخباره …»); the articles a
later poll stored as backfill (the rest of that source's backlog, old or gone pages) were counted
among «new» and said nowhere, though none was sent. Now `run.py ingest` (each source's line and
the summary), the admin's /ingest and /stats count them. The real bot on the emulator, polling a
feed served on 127.0.0.1; the CLI's lines from real reports.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, running_bot

from cli.ingest import format_report, format_summary
from digests.polls import PollSummary, SourceReport
from digests.samplesite import Response, SampleSite

RSS = "application/rss+xml"


def _bare(text: str) -> str:
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


def _feed(site: SampleSite, count: int) -> bytes:
    """An RSS feed of `count` undated items about سوريا, newest first."""
    body = "".join(
        f"<item><title>سوريا: الخبر رقم {i} عن {chr(0x628 + i % 20)}{chr(0x628 + i // 20)}</title>"
        f"<link>{site.url(f'/n/{i}.html')}</link><guid>g{i}</guid>"
        f"<description>ملخص الخبر {i}</description></item>" for i in range(count))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>الأرشيف'
            f'</title>{body}</channel></rss>').encode()


def test_the_cli_lines_count_the_backfill() -> None:
    report = SourceReport(3, "الأرشيف", "http://x.test/f.xml", "new", entries=25, new=10,
                          known=15, backfill=8)
    line = format_report(report)
    assert line == ("✓ [3] الأرشيف: جديد / new 10، موجود / known 15 من / of 25، منها للأرشيف دون"
                    " إرسال / backfill, not sent: 8")
    summary = PollSummary(datetime(2026, 12, 2, tzinfo=UTC), (report,))
    assert format_summary(summary) == (
        "الخلاصة / summary: مصادر / sources 1 — جديد / new 10، بلا تغيير / unchanged 0، فشل /"
        " failed 0، منها للأرشيف دون إرسال / backfill, not sent: 8")
    # no backfill: the lines as before
    plain = SourceReport(3, "الأرشيف", "http://x.test/f.xml", "new", entries=2, new=2)
    assert "backfill" not in format_report(plain)
    assert "backfill" not in format_summary(PollSummary(summary.started_at, (plain,)))


async def test_a_later_ingest_and_stats_say_what_was_stored_as_backfill(tmp_path: Path) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/archive.xml", Response(body=_feed(site, 25), content_type=RSS))
        async with running_bot(tmp_path / "nashra.db", admin_ids=frozenset({ADMIN, ADMIN + 1}),
                               max_entries_per_feed=10, fetch_pages=False) as h:
            await h.say(READER, "/subscribe سوريا")
            before = len(h.emu.messages(READER))
            await h.say(ADMIN, f"/addsource {site.url('/archive.xml')}")
            await h.say(ADMIN, "/ingest")
            await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 20)
            first = _bare(h.emu.messages(ADMIN)[-1].plain_text)
            assert "(أول جلب لمصدر جديد: حُفظت أخباره (١٠)" in first, first
            # the next poll stores the next ten of the same backlog (undated: X135's keys)
            await h.say(ADMIN, "/ingest")
            await h.until(lambda: _bare(h.emu.messages(ADMIN)[-1].plain_text) != first
                          and "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 20)
            second = _bare(h.emu.messages(ADMIN)[-1].plain_text)
            # before: «الأخبار الجديدة: ١٠» and no word that none of them was sent
            assert second.split("\n") == [
                "✅ انتهى الجلب — المصادر: ١، الأخبار الجديدة: ١٠، الإخفاقات: ٠.",
                "(حُفظ منها للبحث دون إرسال: ١٠ — نُشرت أو كانت في الخلاصة قبل إضافة مصادرها، أو"
                " قبل أكثر من ٤٨ ساعة، أو حُذفت صفحاتها)",
                "(تُرك ٥ من الأخبار الأقدم للجلب التالي: يُحفظ من كل خلاصة في الجلب الواحد ١٠ من"
                " الأخبار الجديدة على الأكثر، MAX_ENTRIES_PER_FEED)"], second
            await h.say(ADMIN + 1, "/ingest", language_code="en")
            await h.until(lambda: "Poll finished" in h.emu.messages(ADMIN + 1)[-1].plain_text, 20)
            third = _bare(h.emu.messages(ADMIN + 1)[-1].plain_text)
            assert ("(Of them stored for search, not sent: 5 articles — published or listed"
                    " before their source was added, over 48 h old, or their pages gone)"
                    in third), third
            await h.settle()
            assert len(h.emu.messages(READER)) == before  # none of the 25 was sent
            [stats] = await h.say(ADMIN, "/stats")
            assert ("• أخبار حُفظت للبحث دون إرسال (٢٤ ساعة): ٢٥ من ٢٥ جديدة — نُشرت أو كانت في"
                    " الخلاصة قبل إضافة مصادرها، أو قبل أكثر من ٤٨ ساعة، أو حُذفت صفحاتها"
                    in _bare(stats.plain_text)), stats.plain_text
            [stats_en] = await h.say(ADMIN + 1, "/stats", language_code="en")
            assert ("• Stored for search, not sent (24 h): 25 of 25 new articles"
                    in _bare(stats_en.plain_text)), stats_en.plain_text
