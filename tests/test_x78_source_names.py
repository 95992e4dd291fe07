"""QA52 R10: a Cyrillic «BВC» and «الجزيره» were accepted as source names beside «BBC» and
«الجزيرة» (/renamesource; /addsource URL NAME checked no name at all). A name that folds to
another active source's name (look-alike letters of another script, ة/ه, hamza seats, ى/ي) is
refused with a message naming that source; a name that only shares words is still a name. The
real bot against the emulator, real SQLite, a real local feed for /addsource."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.samplesite import SampleSite
from digests.source_names import name_problem


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def test_what_folds_to_another_name() -> None:
    others = {1: "BBC", 2: "الجزيرة", 3: "أخبار مصر"}
    for name, other in (("BВC", 1), ("ВВС", 1), ("الجزيره", 2), ("اخبار مصر", 3),
                        ("أخبار مصر", 3)):
        refused = name_problem(name, others)
        assert refused is not None and refused.other == other, name
    for name in ("BBC عربي", "الجزيرة مباشر", "CNN", "مصر"):
        assert name_problem(name, others) is None, name


async def test_renamesource_refuses_a_look_alike_name(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        first, second = sources.list_sources(h.db)[:2]
        before = first.name
        for other, name in (("الجزيرة", "الجزيره"), ("BBC", "BВC")):
            [ok] = await h.say(ADMIN, f"/renamesource {second.id} {other}")
            assert "صار اسم المصدر" in ok.plain_text
            [answer] = await h.say(ADMIN, f"/renamesource {first.id} {name}")
            text = _plain(answer.plain_text)
            assert "يُقرأ كاسم المصدر" in text and other in text, (name, text)
            assert "صار" not in text
        again = sources.get_source(h.db, first.id)
        assert again is not None and again.name == before


async def test_addsource_refuses_a_look_alike_name(tmp_path: Path) -> None:
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path)) as h:
            [one] = sources.list_sources(h.db)[:1]
            await h.say(ADMIN, f"/renamesource {one.id} الجزيرة")
            before = len(sources.list_sources(h.db))
            [answer] = await h.say(ADMIN, f"/addsource {site.feed_url('main')} الجزيره")
            assert "يُقرأ كاسم المصدر" in _plain(answer.plain_text)
            await h.settle()
            assert len(sources.list_sources(h.db)) == before
            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('main')} الجزيرة مباشر")
            assert "أُضيف المصدر" in m.plain_text
            assert len(sources.list_sources(h.db)) == before + 1
