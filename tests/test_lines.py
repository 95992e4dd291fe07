"""bot.lines: escaping for Telegram HTML, UTF-16 lengths, and the right-to-left mark rule."""

from __future__ import annotations

from telegram_html import check_message

from bot.lines import (
    RLM,
    Span,
    escape_attr,
    escape_text,
    line_html,
    line_len,
    line_text,
    starts_rtl,
    utf16_len,
)


def test_escaping_uses_only_the_entities_telegram_knows() -> None:
    assert escape_text("a<b & 'c' \"d\">") == "a&lt;b &amp; 'c' \"d\"&gt;"
    assert escape_attr('x"y&z') == "x&quot;y&amp;z"


def test_utf16_length_counts_astral_characters_twice() -> None:
    assert utf16_len("غوطة") == 4
    assert utf16_len("😀a") == 3


def test_a_line_gets_an_rlm_unless_it_starts_right_to_left_or_with_an_english_label() -> None:
    arabic = (Span("الغوطة"), Span(" 2018"))
    latin = (Span("2018: "), Span("عام"))
    label = (Span("Related links:", bold=True, ltr=True),)
    assert line_text(arabic) == "الغوطة 2018" and line_len(arabic) == 11
    assert line_text(latin) == RLM + "2018: عام" and line_len(latin) == 10
    assert line_text(label) == "Related links:"
    assert starts_rtl("غ") and not starts_rtl("«غ") and not starts_rtl("")


def test_line_html_nests_styles_and_escapes_text_and_links() -> None:
    line = (Span("«قال»", italic=True), Span(" "),
            Span("<عنوان> & خبر", bold=True, href='https://x.example/?a=1&b="2"'))
    html = line_html(line)
    assert html == (RLM + "<i>«قال»</i> <b><a href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\">"
                    "&lt;عنوان&gt; &amp; خبر</a></b>")
    assert check_message(html) == []
