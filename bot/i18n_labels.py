"""Button labels that carry a feed string: a headline's first words, cut and set as one unit.

A button label is one line laid out by the client from its first strong character: «📖 Story 3:
…» left to right, «📖 خبر ٣: …» right to left. A headline (or another feed string) inside it is
set apart as one isolate (`feed_unit`), RLI…PDI when it holds Arabic letters (a headline of
Arabic news is a right-to-left sentence even when it opens with «CNN»), LRI…PDI otherwise, with
a matching mark on each side for a client whose isolates are imperfect (tdesktop #27099, as
bot.lines.wrap_rtl). No mark goes INSIDE the headline: bot.lines.close_rtl (run by bot.i18n.t
on every English string) leaves an RLI…PDI whole. Before (QA51 L1/L2) close_rtl put an LRM
after «ولي عهد السعودية» in «…: بشار…», and the English line showed the headline's two parts
swapped, its «…» beside its first word and a leading «"» beside its last.

`label_words` cuts a headline for a label (QA51 L3): at a word, never leaving trailing
punctuation or dots before the «…» («يفوز بسهولة..…»), and without a quote mark the cut left
unclosed («هؤلاء "أكبر…»). Pure functions.
"""

from __future__ import annotations

import re

from bot.lines import LRI, LRM, PDI, clean, wrap_rtl

LABEL_CHARS = 28  # a headline's first words in a story button

ELLIPSIS = "…"
# What a cut label does not end in before its «…»: separators, dashes, dots (an «..» of the
# headline or a «...» would double the ellipsis) and an ellipsis of its own
_TRAILING = "،,:؛;-–—.…  "
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# quote marks that open and close a quotation; «"» is both
_PAIRS = (("«", "»"), ("“", "”"), ("‹", "›"), ("(", ")"), ("[", "]"))


def label_words(title: str, limit: int = LABEL_CHARS) -> str:
    """A headline's first words for a button label, cut at a word within `limit` characters
    («…» when cut, once); '' for none. A cut that leaves a quotation open drops its opening
    mark («هؤلاء "أكبر خاسر"…» → «هؤلاء أكبر…»). A headline that fits is kept as it is."""
    words = " ".join(clean(title).split())
    if len(words) <= limit:
        return words
    head = words[:limit + 1]  # a word that ends exactly at the limit is whole
    cut = head.rsplit(" ", 1)[0] if " " in head else words[:limit]
    cut = _balanced(cut.rstrip(_TRAILING)).rstrip(_TRAILING)
    return cut + ELLIPSIS if cut else ""


def _balanced(text: str) -> str:
    """`text` without the opening quote marks it leaves unclosed (the last ones), its spaces
    single again."""
    if text.count('"') % 2:
        at = text.rfind('"')
        text = text[:at] + text[at + 1:]
    for opening, closing in _PAIRS:
        while text.count(opening) > text.count(closing):
            at = text.rfind(opening)
            text = text[:at] + text[at + 1:]
    return " ".join(text.split())


def feed_unit(text: str) -> str:
    """A feed string as one unit of a label (see the module docstring): RLM RLI text PDI RLM
    when it holds an Arabic letter, LRM LRI text PDI LRM otherwise; '' for ''. Marks and
    isolates of its own are removed first (bot.lines.clean), so it cannot end ours early."""
    text = clean(text)
    if not text:
        return ""
    if _RTL_RE.search(text):
        return wrap_rtl(text)  # RLM RLI … PDI RLM, as Arabic text in an English line
    return f"{LRM}{LRI}{text}{PDI}{LRM}"


def headline_label(title: str, limit: int = LABEL_CHARS) -> str:
    """A headline's first words (`label_words`) as one unit of a label (`feed_unit`)."""
    return feed_unit(label_words(title, limit))
