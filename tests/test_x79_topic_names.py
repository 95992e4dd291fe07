"""X79 (QA51 L6): one topic named three ways to an English reader — a search for «Kirkuk» found
nothing «about «كركوك»», /unsubscribe said «Kirkuk (كركوك)», /push «Kirkuk». The search's
«nothing found» names it «Kirkuk (كركوك)» as /topics and the others do now (Arabic unchanged).
The real bot (PTB) against the emulator, on the sample archive in real SQLite."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

_MARKS = str.maketrans("", "", "\u200e\u200f\u2066\u2067\u2069")


async def test_nothing_found_names_the_topic_as_english_answers_do(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        assert h.db.db.execute("select count(*) from articles where title like '%كركوك%'"
                               ).fetchone()[0] == 0  # the sample has no Kirkuk news
        [en] = await h.say(READER, "Kirkuk", language_code="en")
        text = en.plain_text.translate(_MARKS)
        assert "«Kirkuk» is «كركوك»" in text, text  # how it was read, as before
        assert "I found no news about «Kirkuk (كركوك)»" in text, text
        [unfollow] = await h.say(READER, "/unsubscribe Kirkuk", language_code="en")
        assert "«Kirkuk (كركوك)»" in unfollow.plain_text.translate(_MARKS)
        [ar] = await h.say(READER + 1, "كركوك")
        assert "«كركوك»" in ar.plain_text and "Kirkuk" not in ar.plain_text
