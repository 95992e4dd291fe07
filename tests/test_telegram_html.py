"""Telegram HTML parse mode as the emulator checks it."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.telegram_html import EntityParseError, is_valid_html, parse_html, utf16_len


def test_tags_entities_and_offsets() -> None:
    p = parse_html('😀<b>ب</b> <a href="https://x.test/?a=1&amp;b=2">رابط</a> &#x27;&quot;')
    assert p.text == "😀ب رابط '\""
    bold, link = p.entities
    assert (bold.type, bold.offset, bold.length) == ("bold", 2, 1)  # the emoji is 2 units
    assert (link.type, link.url) == ("text_link", "https://x.test/?a=1&b=2")
    assert parse_html('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>'
                      '<blockquote>q</blockquote><pre><code>c</code></pre>').text == "stqc"


@pytest.mark.parametrize("bad", [
    "<br>", "<b>x", "<b><i>x</b></i>", "x</b>", "<span>x</span>", "<a>x</a>", "a & b",
    "&nbsp;", "<b", "<p>x</p>", "&#0;",
])
def test_rejects_what_telegram_rejects(bad: str) -> None:
    with pytest.raises(EntityParseError):
        parse_html(bad)
    assert not is_valid_html(bad)


@given(st.text())
def test_escaped_text_always_parses_back(text: str) -> None:
    escaped = html.escape(text, quote=True)
    assert parse_html(f"<b>{escaped}</b>").text == text


def test_utf16_len() -> None:
    assert utf16_len("abc") == 3 and utf16_len("😀") == 2 and utf16_len("غوطة") == 4


_TAG_NAMES = ["b", "i", "u", "s", "code", "tg-spoiler", "blockquote"]


@st.composite
def html_tree(draw: st.DrawFn, depth: int = 0) -> tuple[str, str]:
    """(Telegram HTML, the plain text it shows) built from nested allowed tags."""
    parts = draw(st.lists(st.one_of(
        st.text(min_size=1).map(lambda t: (html.escape(t, quote=True), t)),
        st.sampled_from(_TAG_NAMES).flatmap(
            lambda tag: (html_tree(depth + 1) if depth < 3 else st.just(("x", "x"))).map(
                lambda inner: (f"<{tag}>{inner[0]}</{tag}>", inner[1]))),
    ), max_size=4))
    return "".join(p[0] for p in parts), "".join(p[1] for p in parts)


@given(html_tree())
def test_nested_tags_parse_to_their_text_and_entities(tree: tuple[str, str]) -> None:
    source, plain = tree
    parsed = parse_html(source)
    assert parsed.text == plain
    for e in parsed.entities:
        assert e.offset >= 0 and e.length > 0
        assert e.offset + e.length <= utf16_len(plain)
