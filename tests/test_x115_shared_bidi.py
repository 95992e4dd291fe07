"""One table of the bidi overrides a reader's text loses (REV s25 #7): bot.runtime's, which
ui() applies to every value, serves the deep-link button's label too. bot/welcome.py had its own
copy of the range (range(0x202A, 0x202F)), which a change to ui()'s would have missed."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot import runtime, welcome
from bot.deep_links import encode_start_payload

OVERRIDES = re.compile("[\u202a-\u202e]")


def test_the_welcome_uses_the_runtimes_table() -> None:
    assert welcome.BIDI_OVERRIDES is runtime.BIDI_OVERRIDES
    assert set(runtime.BIDI_OVERRIDES) == set(range(0x202A, 0x202F))
    source = Path(welcome.__file__).read_text(encoding="utf-8")
    assert "0x202A" not in source.upper().replace("0X", "0x")  # no second copy of the range


async def test_a_deep_links_follow_button_carries_no_override(tmp_path: Path) -> None:
    """QA14 F5 for the button: «Follow …» for a topic not followed at once (QA65-6)."""
    payload = encode_start_payload("\u202eموضوع نادر \u202dجدًا")
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, f"/start {payload}", n=2, language_code="en")
    labels = [label for m in got for label in m.button_texts()]
    asked = [label for label in labels if "موضوع نادر" in label]
    assert asked, labels
    assert not any(OVERRIDES.search(label) for label in labels), labels
    assert not any(OVERRIDES.search(m.text) for m in got)
