"""QA50 E11: `/ingest URL` polled every source and ignored the link without a word; a pasted link
not in the archive told an admin only «أرسل اسم الموضوع». The README promises neither a fetch of
one page (/ingest polls the sources; a pasted link is looked up, never fetched: a reader's URL
never makes the bot connect anywhere), so the bot says what it did and what the operator can do:
/ingest with a link says it takes none and still polls; the admin's pasted link gets the ways
(/ingest then paste again, /addsource, `run.py digest URL`) — a reader's answer is unchanged.

Real PTB Application against the emulator, the sample archive, a real local site polled.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import sources
from digests.samplesite import SampleSite


async def test_ingest_with_a_link_says_it_takes_none_and_polls(tmp_path: Path) -> None:
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            sources.add_source(h.db, site.feed_url("main"), settings=h.settings,
                               now=datetime.now(UTC))
            link = site.article_url("ghouta-macron-rouhani")
            [note] = await h.say(ADMIN, f"/ingest {link}")
            assert "الأمر /ingest لا يأخذ رابطًا" in note.plain_text, note.plain_text
            assert "python run.py digest" in note.plain_text
            await h.until(lambda: any("انتهى الجلب" in m.plain_text or "✅" in m.plain_text
                                      for m in h.emu.messages(ADMIN)[1:]), 20)
            assert site.hits("/feeds/main.xml") >= 1  # the poll ran as /ingest does
            [plain] = await h.say(ADMIN, "/ingest")  # no link: no note
            assert "لا يأخذ رابطًا" not in plain.plain_text


async def test_a_pasted_link_not_archived_tells_an_admin_what_to_do(tmp_path: Path) -> None:
    link = "https://news.example.org/world/2018/unknown-article.html"
    async with running_bot(sample_db(tmp_path)) as h:
        [admin] = await h.say(ADMIN, link)
        assert "هذا الرابط ليس في الأرشيف" in admin.plain_text
        assert "للمشغّل: لا يجلب البوت رابطًا يُلصق له" in admin.plain_text, admin.plain_text
        assert "/addsource" in admin.plain_text
        [reader] = await h.say(READER, link)
        assert "هذا الرابط ليس في الأرشيف" in reader.plain_text
        assert "للمشغّل" not in reader.plain_text
