"""What a results header names: the topic the archive was searched for, as the bot and
`run.py search` both head their results («نتائج «عفرين»» for «شو صار بعفرين», QA33 S11).

Pure: plain text (the bot's layout escapes it, the terminal prints it). The topic searched
(`digests.asked_topics.topic_shown`: asking words and a first word's proclitics dropped), an
English reader's topic with its English name (bot.i18n.topic_label); a long pasted text searched
by the names it holds is headed by those names, not a cut piece of the text (QA31 G6); a text
too long to be a topic is quoted short. A quote mark the reader opened inside the topic is closed
again where the topic's end was cut off with the words around it («غزة & "حماس"» was headed
«غزة & "حماس»: QA33 S11). A search that left out words the archive never holds is headed by the
words it searched, never as if the whole text was answered («Real Madrid» searched as «Real»
was headed «Results for «Real Madrid»»: QA36 E2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.i18n import list_sep, topic_label
from digests.asked_topics import topic_shown, topic_too_long
from digests.reader_text import ECHO_CHARS, echo

PASTED_HEADER_CHARS = 40  # a long pasted text quoted in a results header (QA31 G6)
# quote marks and the mark that closes each (a straight quote closes itself)
_CLOSING = {'"': '"', "«": "»", "“": "”", "„": "“", "'": "'"}


def closed_quotes(text: str) -> str:
    """`text` with a quote mark left open closed at its end («غزة & "حماس» → «غزة & "حماس"»),
    and a closing one whose opening mark went (the reading drops a leading «"»: «"حساب المواطن"
    يُتيح» came back «حساب المواطن" يتيح», QA36 E12) opened at its start; balanced text
    unchanged."""
    for opening, closing in _CLOSING.items():
        if opening == closing:
            if text.count(opening) % 2:
                text = opening + text if _closes(text, opening) else text + closing
        elif text.count(opening) > text.count(closing):
            text += closing
        elif text.count(closing) > text.count(opening):
            text = opening + text
    return text


def _closes(text: str, mark: str) -> bool:
    """Whether the first `mark` of `text` closes a quotation: it follows a letter and ends a
    word («المواطن" يتيح»), where an opening one starts a word («& "حماس»)."""
    at = text.find(mark)
    after = text[at + 1:at + 2]
    return at > 0 and not text[at - 1].isspace() and (not after or not after.isalnum())


def results_topic(query: str, lang: str, limit: int = ECHO_CHARS) -> str:
    """The topic a results header names (QA19 N6): the topic searched (`topic_shown`), which an
    English reader sees as /topics shows it when it has an English name — «Ghouta (الغوطة)»,
    «Iran (إيران)» for «Iran deal» — and a free query as typed (the English template closes its
    Arabic runs: bot.i18n.t). The note above the results still names the Arabic searched
    («from «Iran deal» I searched for «إيران»»): it says what the archive was asked."""
    return topic_label(echo(closed_quotes(topic_shown(query)), limit), lang, with_arabic=True)


def header_topic(searched: str, lang: str, note: str | None = None,
                 names: Sequence[str] = ()) -> str:
    """The header's topic for a search of `searched` (the text the archive read: a search's
    `read_as` or the query) whose fallback was `note` with `names` (a search's `dropped`): the
    names when a pasted text was searched by them, else `results_topic`."""
    if note == "pasted" and names:
        return list_sep(lang).join(echo(name) for name in names)
    if note == "dropped" and names and not topic_too_long(searched):
        # (a long text is quoted cut short, «…»: its header never reads as the whole)
        searched = without_words(searched, names) or searched
    return results_topic(searched, lang,
                         PASTED_HEADER_CHARS if topic_too_long(searched) else ECHO_CHARS)


def without_words(text: str, words: Sequence[str]) -> str:
    """`text` without `words` (as the reader wrote them: a search's `dropped`), each removed
    where it stands as a whole word, spaces closed up: «Real Madrid» without «Madrid» →
    «Real»."""
    for word in words:
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text)
    return " ".join(text.split())
