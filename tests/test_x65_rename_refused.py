"""QA44 T1/T2: /renamesource refuses a name made only of invisible direction marks, a name over
MAX_NAME_CHARS and another active source's exact name, each with its own answer in Arabic and
English; the source keeps its name. Marks around a real name are trimmed. The real bot against
the emulator, real SQLite."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.source_names import MAX_NAME_CHARS, name_problem, visible_name


def _name(h: object, source_id: int) -> str:
    source = sources.get_source(h.db, source_id)  # type: ignore[attr-defined]
    assert source is not None
    return source.name


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


async def test_invisible_long_and_taken_names_are_refused(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        first, second = sources.list_sources(h.db)[:2]
        before = _name(h, first.id)
        [marks] = await h.say(ADMIN, f"/renamesource {first.id} \u200f\u200f")
        assert "الاسم فارغ" in marks.plain_text, marks.plain_text
        [isolates] = await h.say(ADMIN, f"/renamesource {first.id} \u2066\u2067 \u200b")
        assert "الاسم فارغ" in isolates.plain_text, isolates.plain_text
        [long] = await h.say(ADMIN, f"/renamesource {first.id} {'ن' * 500}")
        assert "الاسم طويل" in _plain(long.plain_text) and "٥٠٠" in long.plain_text, \
            long.plain_text
        [taken] = await h.say(ADMIN, f"/renamesource {first.id} {second.name}")
        assert "اسم المصدر" in taken.plain_text and str(second.id).translate(
            str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) in taken.plain_text, taken.plain_text
        assert _name(h, first.id) == before
        [en] = await h.say(ADMIN + 1, f"/renamesource {first.id} \u200f", language_code="en")
        assert "empty" in en.plain_text, en.plain_text
        [en_taken] = await h.say(ADMIN + 1, f"/renamesource {first.id} {second.name.upper()}",
                                 language_code="en")
        assert f"already the name of source {second.id}" in en_taken.plain_text, \
            en_taken.plain_text
        assert _name(h, first.id) == before
        # marks around a visible name are trimmed, and the exact cap is still a name
        [ok] = await h.say(ADMIN, f"/renamesource {first.id} \u200fوكالة\u2066 المدى\u2069")
        assert "صار اسم المصدر" in ok.plain_text, ok.plain_text
        assert _name(h, first.id) == "وكالة المدى"
        [cap] = await h.say(ADMIN, f"/renamesource {first.id} {'م' * MAX_NAME_CHARS}")
        assert "صار اسم المصدر" in cap.plain_text, cap.plain_text
        # renaming a source to its own name again is no clash
        [same] = await h.say(ADMIN, f"/renamesource {first.id} {'م' * MAX_NAME_CHARS}")
        assert "صار اسم المصدر" in same.plain_text, same.plain_text


def test_name_problem_reads_the_trimmed_name() -> None:
    assert visible_name("\u200f \u2066 \u2069") == ""
    assert name_problem(visible_name("\u200f\u200f"), {}) is not None
    refused = name_problem("الجزيرة", {3: "\u200fالجزيرة"})
    assert refused is not None and refused.problem == "taken" and refused.other == 3
    assert name_problem("الجزيرة نت", {3: "الجزيرة"}) is None
