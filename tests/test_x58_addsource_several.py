"""X58 (QA40 N2): several links pasted into one /addsource (spaces or new lines) are each
checked and added — a progress line, one answer per link, a count — and never become a source's
name; /renamesource repairs a name, refuses a link as a name, and is in /help. The real bot
against the emulator, the links served by a local site (digests.samplesite)."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from bot import welcome
from digests import sources
from digests.samplesite import Response, SampleSite


def _names(h: object) -> dict[str, str]:
    return {s.url: s.name for s in sources.list_sources(h.db)}  # type: ignore[attr-defined]


async def test_a_pasted_list_adds_each_link_and_names_none_by_a_link(tmp_path: Path) -> None:
    with SampleSite() as site:
        broken = site.add_route("/broken.xml", Response(status=404))
        main, world, economy = site.feed_url("main"), site.feed_url("world"), \
            site.feed_url("economy")
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)  # the template's site is gone
            msgs = await h.say(ADMIN, f"/addsource {main} {world}\n{broken}\n{economy} رئيسي",
                               n=6, timeout=30)
            texts = [m.plain_text.replace("\u200e", "").replace("\u200f", "") for m in msgs]
            assert "روابط في رسالة واحدة: ٤" in texts[0], texts[0]
            assert "الكلمات بين الروابط لا تصير أسماء" in texts[0]
            answers = texts[1:5]
            assert sum("✅ أُضيف المصدر" in a for a in answers) == 3, answers
            assert sum("تعذرت إضافة المصدر" in a and broken in a for a in answers) == 1, answers
            assert "انتهت الروابط (٤): أُضيف ٣، وتعذّر ١" in texts[5], texts[5]
            names = _names(h)
            assert set(names) >= {main, world, economy}, names
            assert broken not in names
            assert not any("://" in name for name in names.values()), names
            assert names[main] == "نشرة الشرق — الأخبار الرئيسية"  # its feed's title
            # English, two links on one line
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            en = await h.say(ADMIN + 1, f"/addsource {main} {world}", n=4, language_code="en",
                             timeout=30)
            assert "2 links in one message" in en[0].plain_text, en[0].plain_text
            # removed just above, so resumed, and counted so since X87 (QA58-12; was «2 added»)
            assert "Links done (2): 0 added, 2 resumed, 0 could not be" in en[3].plain_text, \
                en[3].plain_text


async def test_renamesource_renames_refuses_a_link_and_is_in_help(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        first = sources.list_sources(h.db)[0]
        [ok] = await h.say(ADMIN, f"/renamesource {first.id} بي بي سي عربي")
        assert "صار اسم المصدر" in ok.plain_text and "بي بي سي عربي" in ok.plain_text, \
            ok.plain_text
        assert sources.get_source(h.db, first.id).name == "بي بي سي عربي"  # type: ignore[union-attr]
        [link] = await h.say(ADMIN, f"/renamesource {first.id} http://x.example/feed.xml")
        assert "الاسم لا يكون رابطًا" in link.plain_text, link.plain_text
        assert sources.get_source(h.db, first.id).name == "بي بي سي عربي"  # type: ignore[union-attr]
        [missing] = await h.say(ADMIN, "/renamesource ٩٩٩ اسم")
        assert "لا مصدر بالرقم ٩٩٩" in missing.plain_text, missing.plain_text
        [usage] = await h.say(ADMIN, "/renamesource")
        assert "/renamesource رقم اسم" in usage.plain_text.replace("\u200e", "")
        [en] = await h.say(ADMIN + 1, f"/renamesource {first.id} BBC Arabic",
                           language_code="en")
        assert "Source" in en.plain_text and "BBC Arabic" in en.plain_text, en.plain_text
        [refused] = await h.say(READER, f"/renamesource {first.id} x")
        assert sources.get_source(h.db, first.id).name == "BBC Arabic", refused.plain_text  # type: ignore[union-attr]
    for lang in ("ar", "en"):
        admin = welcome.help_text(lang, admin=True, bot_username="b").replace("\u200e", "")
        assert "/renamesource " in admin
        assert "/renamesource" not in welcome.help_text(lang, admin=False, bot_username="b")
