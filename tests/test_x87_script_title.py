"""X87 (QA58-1): a `<script>` in a feed's title leaked its code into the source's name: the
feed titled «&lt;b&gt;وكالة&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt; الأنباء» was added as
«وكالة alert(1) الأنباء», the public name under every story, and «/renamesource 4 <b>Agency</b>
<script>x</script>» named it «Agency x». Tags were dropped, the code between script (and style)
tags kept. Now that code goes with its tags. Pure, and the real bot against the emulator, the
sample site on 127.0.0.1, a real SQLite file (as tests/test_x82_source_tags)."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.reader_text import strip_markup
from digests.samplesite import Response, SampleSite

TITLE = ("&lt;b&gt;وكالة&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt; الأنباء"
         " &lt;STYLE type='text/css'&gt;b {color: red}&lt;/STYLE&gt;")


def test_script_and_style_go_with_their_code() -> None:
    assert strip_markup("<b>وكالة</b> <script>alert(1)</script> الأنباء") == "وكالة الأنباء"
    assert strip_markup("a <SCRIPT src=x>\nvar a = 1;\n</SCRIPT> b <style>p{}</style>") == "a b"
    assert strip_markup("ترامب < أوباما") == "ترامب < أوباما"  # a comparison is no tag
    assert strip_markup("<script>") == ""  # an opening tag alone: the tag only


def _feed(site: SampleSite) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f'<title>{TITLE}</title><item><title>خبر</title>'
            f'<link>{site.url("/n/1.html")}</link></item></channel></rss>').encode()


async def test_addsource_and_renamesource_leave_the_code_out(tmp_path: Path) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/s.xml", Response(body=_feed(site), content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path)) as h:
            [added] = await h.say(ADMIN, f"/addsource {site.url('/s.xml')}", timeout=20)
            assert "وكالة الأنباء" in added.plain_text and "alert" not in added.plain_text, (
                added.plain_text)
            first = next(s for s in sources.list_sources(h.db) if s.name == "وكالة الأنباء")
            [renamed] = await h.say(ADMIN, f"/renamesource {first.id} <b>Agency</b>"
                                           " <script>x</script>")
            shown = renamed.plain_text.replace("\u200e", "")
            assert "Agency" in shown and "Agency x" not in shown, shown
