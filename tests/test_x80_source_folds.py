"""X80 item 8 (session 19 review RE): a source name is compared with the others after the
search's own fold (digests.arabic.normalize), not a copy of part of it. source_names folded
ة/ه, the alef forms, ى/ي and two Persian letters itself; the search also reads the Arabic-Indic
digits and the Persian/Kurdish letters as the Arabic ones, so «قناة ٢» beside «قناة 2» and
«ڤيتو نيوز» beside «فيتو نيوز» — one name to a reader — were accepted. Everything refused
before is refused still (test_x78_source_names). The real bot against the emulator, real
SQLite."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.source_names import name_problem


def test_the_search_fold_tells_the_names_apart() -> None:
    others = {1: "قناة 2", 2: "فيتو نيوز", 3: "الجزيرة", 4: "مؤتمر الأخبار", 5: "BBC"}
    for name, other in (("قناة ٢", 1), ("قناة ۲", 1), ("ڤيتو نيوز", 2), ("الجزيره", 3),
                        ("موتمر الاخبار", 4), ("BВC", 5), ("bbc", 5)):
        refused = name_problem(name, others)
        assert refused is not None and refused.other == other, name  # ٢, ڤ: None before
    for name in ("قناة 3", "فيتو", "الجزيرة مباشر", "CNN"):
        assert name_problem(name, others) is None, name


async def test_renamesource_refuses_the_digit_written_otherwise(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        first, second = sources.list_sources(h.db)[:2]
        before = first.name
        [ok] = await h.say(ADMIN, f"/renamesource {second.id} قناة 2")
        assert "صار اسم المصدر" in ok.plain_text
        [answer] = await h.say(ADMIN, f"/renamesource {first.id} قناة ٢")
        assert "يُقرأ كاسم المصدر" in answer.plain_text, answer.plain_text  # before: renamed
        again = sources.get_source(h.db, first.id)
        assert again is not None and again.name == before
