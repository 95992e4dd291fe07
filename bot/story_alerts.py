"""A story's rest as a button's alert: what a channel's «📖 خبر ٣» answers (pure, plain text).

A channel's story buttons cannot send a message (it would be a post to every reader), so they
answer with an alert of at most ALERT_CHARS UTF-16 units: the story's headline, then what its
compact block (bot.render, the quote chosen by bot.story_quotes.key_quote) leaves out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.i18n import t
from bot.lines import Line, Span, clean, line_len, line_text, utf16_len
from bot.packer import shorten
from bot.story_quotes import key_line, ltr, related_lines
from digests.models import Digest

ALERT_CHARS = 200  # Telegram's limit for a callback answer's text
# A quote that does not fit an alert whole is shortened (its speaker kept) only when at least
# this much room is left; else it is left out: a few words and «…» say nothing (QA21 R3).
ALERT_MIN_QUOTE = 80


def story_alert(digest: Digest, lang: str, now: datetime, topics: Sequence[str] = ()) -> str:
    """The rest of a story as a button's alert (plain text, at most ALERT_CHARS UTF-16 units,
    as Telegram counts): the story's headline first — a channel post shows several stories and
    the reader must see which one «📖 خبر ٣» opened (X30) —, cut at a word to
    ALERT_HEADLINE_UNITS; then what its compact block (shown for `topics`, `key_quote`) does
    not show — the other quotes, the key quote whole when the block cut it, then the related
    headlines while room is left. A channel's story buttons answer this way (a message would
    be a post to every reader of the channel; bot.buttons).

    Cut by whole lines, so a quote never loses its speaker (QA21 R3: «…حالا» —…»): a quote
    that does not fit is shortened inside its «…» (bot.packer.shorten) when ALERT_MIN_QUOTE
    units are left, else left out. Quotes come before headlines, and the headlines are titled
    «أخبار ذات صلة» — nothing can be opened from an alert, so they are not called links.
    Nothing is HTML-escaped: an alert is plain text («&» stays «&»)."""
    head = _alert_headline(digest)
    room = ALERT_CHARS - line_len(head) - 1  # the headline and its newline
    rest = _alert_rest(digest, lang, topics, room)
    return "\n".join([line_text(head), rest or t("story_no_more", lang)])



# The headline that opens an alert, cut at a word: a phone shows an alert's first two lines or
# so before the rest; ALERT_MIN_QUOTE units are left for a quote after it.
ALERT_HEADLINE_UNITS = ALERT_CHARS - ALERT_MIN_QUOTE - 30


def _alert_headline(digest: Digest) -> Line:
    """A story's headline as an alert's first line: plain, its Latin runs isolated (bidi-safe
    in either chat), cut at a word with «…» past ALERT_HEADLINE_UNITS."""
    headline = clean(digest.headline) or clean(digest.url) or "—"
    line, _cut = shorten((Span(ltr(headline)),), ALERT_HEADLINE_UNITS)
    return line


def _alert_rest(digest: Digest, lang: str, topics: Sequence[str], room: int) -> str:
    """What the compact block leaves out, within `room` UTF-16 units ("" when nothing)."""
    _shown, at, cut, lines = key_line(digest, lang, topics)
    others = [line for i, line in enumerate(lines) if i != at]
    titles = [line_text(line[1:]) for line in related_lines(digest, lang)[1:]]
    if not others and not cut and not titles:
        return ""
    out: list[str] = []
    # The quotes the block did not show come first; the shown one whole (the block cut it)
    # after them, and only whole: shortened again it would repeat what the block shows.
    for line, whole_only in [(line, False) for line in others] + ([(lines[at], True)] if cut
                                                                 else []):
        sep = 1 if out else 0
        if line_len(line) + sep <= room:
            out.append(line_text(line))
            room -= line_len(line) + sep
            continue
        if not out or (not whole_only and room - sep >= ALERT_MIN_QUOTE):
            short, _cut = shorten(line, room - sep)
            if line_len(short) + sep <= room:
                out.append(line_text(short))
        room = 0
        break
    if titles and room > 0:
        label = t("related_titles", lang)
        used = utf16_len(label) + (1 if out else 0)
        fitting: list[str] = []
        for title in titles:
            item = "• " + title
            if used + utf16_len(item) + 1 > room:
                break
            fitting.append(item)
            used += utf16_len(item) + 1
        if fitting:
            out += [label, *fitting]
        elif not out:  # one related headline longer than the room: cut it at a word
            text = f"{label}\n• {titles[0]}"
            while text and utf16_len(text) + 1 > room:
                text = text.rsplit(" ", 1)[0] if " " in text else text[:-1]
            text = text.rstrip(" ،,")
            if "•" in text and not text.endswith("•"):
                out.append(text + "…")
    return "\n".join(out)
