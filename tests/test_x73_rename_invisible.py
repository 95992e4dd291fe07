"""QA48 R8: /renamesource refuses names made only of invisible characters beyond X65's list
(ZWNJ/ZWJ, invisible operators, soft hyphens, Hangul and braille fillers, tag characters, bare
harakat, tatweel) and another source's name written with a ZWNJ, a tatweel or fullwidth letters
inside. The real bot against the emulator, real SQLite; the source keeps its name."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources

EMPTY = ["\u200c\u200d", "\u2060\u2061\u2062\u2063\u2064", "\u00ad\u00ad", "\u3164",
         "\u2800", "\U000e0041\U000e0042", "\u064b\u0651", "ـــ"]


async def test_invisible_names_and_disguised_duplicates_are_refused(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        first, second = sources.list_sources(h.db)[:2]
        before = first.name
        for name in EMPTY:
            [answer] = await h.say(ADMIN, f"/renamesource {first.id} {name}")
            assert "الاسم فارغ" in answer.plain_text, (name, answer.plain_text)
        words = second.name.split()
        disguised = [" ".join([words[0] + "\u200c", *words[1:]]),
                     second.name[0] + "ـ" + second.name[1:],
                     second.name.upper().translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})]
        for name in disguised:
            [answer] = await h.say(ADMIN, f"/renamesource {first.id} {name}")
            assert "اسم المصدر" in answer.plain_text and "صار" not in answer.plain_text, \
                (name, answer.plain_text)
        again = sources.get_source(h.db, first.id)
        assert again is not None and again.name == before
        # a real name with a tatweel and harakat is still a name, stored as typed
        [ok] = await h.say(ADMIN, f"/renamesource {first.id} نشرة الشـرقِ")
        assert "صار اسم المصدر" in ok.plain_text, ok.plain_text
        renamed = sources.get_source(h.db, first.id)
        assert renamed is not None and renamed.name == "نشرة الشـرقِ"
