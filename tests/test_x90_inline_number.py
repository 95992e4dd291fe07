"""X90 (QA61-7): inline «@bot 1» listed the stories that hold a «1» («زلزال بقوة 5.1 درجات…»,
«التضخم … 14.4 بالمئة»), while a chat answers a lone number with «type a topic's name» (QA58-8).
Inline a half-typed query is the normal case: a number of one or two digits alone, either digit
set, has no results now (bot.inline). The real bot against the emulator (sample archive)."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


async def test_an_inline_lone_number_has_no_results(tmp_path: Path) -> None:
    from bot.emulator import User

    async with running_bot(sample_db(tmp_path)) as h:
        user = User(READER, language_code="ar")
        got = {q: await h.emu.await_inline_answer(h.emu.inline_query(q, user=user), timeout=10)
               for q in ("1", "١", "5", "سوريا")}
    for q in ("1", "١", "5"):
        assert got[q]["results"] == [], (q, got[q]["results"][:1])
    assert got["سوريا"]["results"]  # a name is still searched
