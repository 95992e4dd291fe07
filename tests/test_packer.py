"""bot.packer at small limits: every message fits and is well-formed, nothing is lost or reordered,
a story that fits in one message is never split, and truncate keeps what fits with «…».

(tests/test_render.py checks the same through the digest layout at Telegram's real 4096.)
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from telegram_html import check_message, visible_text

from bot.lines import RLM, Line, Span, line_len
from bot.packer import pack, shorten, split_line, truncate

_chars = st.sampled_from(list("ابتثجحخد غوطة") + ["Latin", " ", ". ", "؟ ", "😀", "<&>", "1"])
_texts = st.lists(_chars, min_size=1, max_size=80).map("".join)
_spans = st.builds(Span, text=_texts, bold=st.booleans(), italic=st.booleans(),
                   href=st.sampled_from([None, "https://x.example/a?b=1&c=2"]))
_lines = st.lists(_spans, min_size=1, max_size=3).map(tuple)
_stories = st.lists(st.lists(_lines, min_size=1, max_size=4), min_size=1, max_size=4)


def _bare(text: str) -> str:
    """Text without what a cut may add or drop: whitespace, line breaks and RLMs."""
    return "".join(text.replace(RLM, "").split())


@settings(max_examples=100, deadline=None)
@given(stories=_stories, limit=st.integers(12, 300))
def test_packed_messages_fit_and_keep_every_character_in_order(
        stories: list[list[Line]], limit: int) -> None:
    messages = pack(stories, limit)
    for m in messages:
        assert check_message(m, limit) == [], m
    shown = "".join(visible_text(m) for m in messages)
    given_text = "".join(s.text for story in stories for line in story for s in line)
    assert _bare(shown) == _bare(given_text)


@settings(max_examples=100, deadline=None)
@given(stories=_stories, limit=st.integers(40, 300))
def test_a_story_that_fits_is_never_split(stories: list[list[Line]], limit: int) -> None:
    # Each line starts with a marker no generated text can contain («ق<story>س<line>ك»).
    tagged = [[(Span(f"ق{i}س{j}ك "), *line) for j, line in enumerate(story)]
              for i, story in enumerate(stories)]
    messages = [_bare(visible_text(m)) for m in pack(tagged, limit)]
    for i, story in enumerate(tagged):
        if sum(line_len(line) + 1 for line in story) > limit:  # too long for a message alone
            continue
        markers = [f"ق{i}س{j}ك" for j in range(len(story))]
        assert any(all(x in m for x in markers) for m in messages), (i, messages)


@settings(max_examples=100, deadline=None)
@given(line=_lines, limit=st.integers(12, 200))
def test_split_line_pieces_fit_with_their_rlm(line: Line, limit: int) -> None:
    pieces = split_line(line, limit)
    assert all(line_len(p) <= limit for p in pieces)
    assert _bare("".join(s.text for p in pieces for s in p)) == _bare(
        "".join(s.text for s in line))


def test_split_line_cuts_at_sentences_before_words() -> None:
    line = (Span("الجملة الأولى هنا. الجملة الثانية هنا."),)
    assert [p[0].text for p in split_line(line, 25)] == ["الجملة الأولى هنا.",
                                                          "الجملة الثانية هنا."]


def test_truncate_keeps_what_fits_and_marks_the_cut() -> None:
    lines: list[Line] = [(Span("عنوان"),), (Span("نص طويل جدا " * 20),), (Span("لن يظهر"),)]
    kept = truncate(lines, 60)
    assert kept[0] == lines[0] and len(kept) == 2
    assert kept[1][-1] == Span("…")
    [message] = pack([kept], 60)
    assert check_message(message, 60) == []
    assert "لن يظهر" not in message
    assert truncate(lines[:1], 60) == lines[:1]  # nothing to cut: nothing marked


def test_shorten_cuts_the_quote_at_a_word_and_keeps_its_mark_and_speaker() -> None:
    """A compact bundle's key quote (bot.render.KEY_QUOTE_UNITS): the quote span is cut, «…»
    before its closing mark; the italic speaker is never touched."""
    text = "«" + " ".join(f"كلمة{i}" for i in range(80)) + "»"
    line: Line = (Span(text), Span(" — "), Span("المتحدث الرسمي", italic=True))
    short, cut = shorten(line, 120)
    assert cut and line_len(short) <= 120
    assert short[0].text.endswith("…»") and short[0].text.startswith("«كلمة0 ")
    assert short[1:] == line[1:]
    words = short[0].text[1:-2].split(" ")
    assert all(w.startswith("كلمة") and w[4:].isdigit() for w in words)  # whole words only
    assert shorten(line, 2000) == (line, False)


def test_shorten_closes_an_isolate_it_cuts_open() -> None:
    """A Latin run with Arabic letters is wrapped LRI…PDI (bot.lines): a cut inside it closes
    the isolate, or «…» and the speaker would be laid out inside it."""
    inner = "\u2066" + " ".join(["http://x.test/أخبار"] * 30) + "\u2069"
    short, cut = shorten((Span("قال " + inner), Span(" — "), Span("س", italic=True)), 80)
    assert cut and short[0].text.count("\u2066") == short[0].text.count("\u2069")
