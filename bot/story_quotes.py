"""A story's quote lines, the one quote a compact block shows, and its related links (pure).

`quote_line` words one key quote as a reader sees it (direct speech «…» — speaker; reported
speech «بحسب X، …», bot.attribution); `key_quote` picks the one a delivered bundle's compact
block shows (for a followed topic: the key quote of news of it, else the first naming it);
`related_lines` lists a story's related links, grouped and marked by kind (`related_picks`,
`kind_mark`). bot.render lays these out into messages; bot.story_alerts cuts what a compact
block leaves out into a button's alert. `ltr` and `label` (bidi) serve bot.render too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlsplit

from bot.attribution import (
    after_bihasab,
    denial_parts,
    denied_alone,
    denied_by,
    first_person,
    genitive,
    hedged,
    hedged_parts,
    standalone,
)
from bot.i18n import t
from bot.lines import (LRM, Line, Span, clean, english_run, isolate_ltr, isolate_rtl, safe_url,
                       wrap_rtl)
from bot.packer import shorten
from bot.story_sites import link_note
from digests.arabic import analyze, normalize
from digests.models import Article, Digest, Quote, QuoteKind, RelatedItem
from digests.story_reports import headline_keys
from digests.topic_match import article_matches
from digests.story_picks import in_time_order
from digests.urls import url_key
from digests.quotes import quote_marks_balanced

MAX_RELATED = 5
# A compact block's key quote line at most this long (UTF-16 units, its speaker included): two
# or three lines on a phone; the rest of it is behind the story's button (QA18 R16).
KEY_QUOTE_UNITS = 200

_QUOTE_MARKS = "\"'“”«»„‟‹›`"
_PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›", '"': '"', "'": "'"}


def _strip_quotes(text: str) -> str:
    """Drop the quote marks around a quote (we draw our own «…»), keeping inner ones.

    'ما يحصل في اليمن "جرائم حرب"' keeps its closing mark: it belongs to the inner pair.
    """
    t = text.strip()
    while len(t) >= 2 and _PAIRS.get(t[0]) == t[-1] and quote_marks_balanced(t[1:-1]):
        t = t[1:-1].strip()
    # A lone mark left at either end (a quote cut from a longer one) has no partner: drop it.
    if t[:1] and t[0] in _QUOTE_MARKS and not quote_marks_balanced(t):
        t = t[1:].strip()
    if t[-1:] and t[-1] in _QUOTE_MARKS and not quote_marks_balanced(t):
        t = t[:-1].strip()
    return t


def _nest(text: str) -> str:
    """Inside our «…», the quote's own «…» become “…” (a quote within the quote)."""
    return text.replace("«", "“").replace("»", "”")


def quote_line(quote: Quote, lang: str) -> Line | None:
    """One key quote as a reader sees it; None when there is nothing to show.

    Direct speech is the speaker's own words: «…» — <i>speaker</i>. Reported speech is the
    writer's paraphrase, where «قواته» and «بلاده» are the speaker's forces and country seen from
    outside, so it is not put in quote marks: <i>بحسب ترامب</i>، قواته ستغادر… — with the speaker
    in the genitive («بحسب مسؤولين أميركيين») and «فإنه» for a clause that starts «إنه»; when the
    speaker's case cannot be settled, the paraphrase then — <i>speaker</i>, which takes no case
    (bot.attribution). A "paraphrase" in the first person («نحن لسنا…») is the speaker's own
    words: shown as direct speech. In English: ‎<i>According to ترامب</i>: … (left-to-right,
    the speaker as written, the clause isolated right-to-left). A paraphrase without a speaker is the writer's own text, not a quote.
    A denial is what the speaker denied: <i>نفى X</i> أن …, in English ‎<i>X denied</i>: ….
    A clause kept with its verb (a hedge «ترجح السلطات أن تكون …», a description «واصفةً "…"
    بأنه …») is shown as the article wrote it, its speaker after it unless the line names it.
    """
    text = _strip_quotes(clean(quote.text))
    if not text:
        return None
    speaker = clean(quote.speaker)
    if quote.kind == "denial":
        # What the speaker denied, never their claim: «نفى X أن …» (bot.attribution).
        if not speaker:
            return None
        if lang == "en":
            # QA68-14: "X denied: أن …" was neither language; the clause stands alone after
            # the English frame («أن» dropped, «أنه» read «إنه»), the speaker isolated (QA66-12)
            return (Span(LRM + denied_by(isolate_rtl(speaker)) + LRM, italic=True, ltr=True),
                    Span(": "), Span(wrap_rtl(ltr(denied_alone(text)))))
        who, clause = denial_parts(text, speaker)
        return (Span(ltr(who), italic=True), Span(" "), Span(ltr(clause)))
    if quote.kind == "reported" and speaker and hedged(text):
        # «ترجح السلطات أن تكون الطائرة تحطمت»: what was judged likely, as the article wrote it.
        line, after = hedged_parts(text, speaker)
        if not after:
            return (Span(ltr(line)),)
        return (Span(ltr(line)), Span(" — "), Span(ltr(after), italic=True))
    if quote.kind == "reported" and not first_person(text):
        if not speaker:
            return None
        if lang == "en":
            # A left-to-right line; the LRM after the Arabic speaker keeps the colon with it
            # and the paraphrase a run of its own.
            # The clause stands alone after the colon: one cut from «أنّ» gets «إن» back
            # («قصفا مكثفا» → «إن قصفا مكثفا»), as the Arabic lines do.
            # The clause is isolated right-to-left (bot.lines.wrap_rtl): a closing quote mark,
            # a leading «25%» and a Latin word inside stayed out of place (QA36 E1).
            # QA66-12: the Arabic speaker is an island of its own (RLI…PDI) in the English
            # frame, «According to ⁧الوزير الفرنسي⁩», so that a name holding a figure or a
            # Latin word is laid out as the article writes it and the frame reads around it.
            return (Span(LRM + t("reported_by", lang, speaker=isolate_rtl(speaker)) + LRM,
                         italic=True, ltr=True), Span(": "),
                    Span(wrap_rtl(ltr(standalone(text)))))
        by = genitive(speaker)
        if by is None:
            return (Span(ltr(standalone(text))), Span(" — "), Span(ltr(speaker), italic=True))
        return (Span(t("reported_by", lang, speaker=ltr(by)), italic=True),
                Span("، "), Span(ltr(after_bihasab(text))))
    if quote.kind == "reported" and not speaker:
        return None
    spans = [Span(f"«{ltr(_nest(text))}»")]
    if speaker:
        spans += [Span(" — "), Span(ltr(speaker), italic=True)]
    return tuple(spans)


def shown_kind(quote: Quote) -> QuoteKind:
    """The kind `quote_line` shows (QA50 E8: `digest --json` said "reported" for «أنا لا زلت
    أعتقد …» — رونالدو, which the bot and the text output put in quote marks): a paraphrase in
    the first person with its speaker, not a clause kept with its verb, is the speaker's own
    words — "direct"; every other quote keeps its kind. For the JSON (cli.digest.digest_json),
    so that a consumer following the kinds of docs/digests.md shows what the bot shows."""
    if quote.kind != "reported":
        return quote.kind
    text = _strip_quotes(clean(quote.text))
    speaker = clean(quote.speaker)
    if text and speaker and not hedged(text) and first_person(text):
        return "direct"
    return "reported"


def ltr(text: str) -> str:
    """Story text in a right-to-left line: Latin runs, URLs and @names kept in their order
    («@UN_News» does not show as «UN_News@»; bot.lines.isolate_ltr)."""
    return isolate_ltr(text, always=True)


def label(text: str, lang: str) -> Span:
    """A bold interface label. In English it keeps its natural left-to-right direction (with
    an RLM, «Related links:» would show as «:Related links»); story lines stay right-to-left."""
    return Span(text, bold=True, ltr=lang == "en")


def _quoted(digest: Digest, lang: str) -> list[tuple[Quote, Line]]:
    """The digest's quotes that show, each with its line, in the digest's (ranked) order."""
    pairs = ((q, quote_line(q, lang)) for q in digest.quotes)
    return [(q, line) for q, line in pairs if line]


def quote_lines(digest: Digest, lang: str) -> list[Line]:
    """The lines of the digest's quotes that show, in its (ranked) order."""
    return [line for _q, line in _quoted(digest, lang)]


def names_topic(topic: str, text: str) -> bool:
    """Whether `text` names `topic` as a subscription matches an article
    (digests.topic_match.article_matches on a text alone: «غوطة» in «بالغوطة», a phrase's words
    together)."""
    if not clean(topic) or not clean(text):
        return False
    return article_matches(topic, Article(id=0, source_id=0, source_name="", url="", title="",
                                          paragraphs=(text,)))


def key_quote(digest: Digest, lang: str, topics: Sequence[str] = ()) -> int | None:
    """The place (in `quote_lines`) of the one quote a compact block shows, for `topics` (the
    topics the bundle was sent for; "" the general digest, which takes the first quote):

    - a story whose headline names one of the named topics is news of that topic: its key
      quote, the first in the digest's ranked order that is of the story — naming a topic or
      sharing a content word with the headline (QA79-5: a «عفرين» follower's alert of the
      looting in Afrin quoted Kurdish leaders' side pledge that named the town, not the key
      quote the digest leads with);
    - a story that came for a mention in its body shows the first quote whose words or speaker
      name a topic (QA21 R1: a press review sent for «الغوطة» shows its Ghouta quote, not its
      first quote about Afrin);
    - no such quote: none (QA46 G9: an «النفط» alert's only line was the crown prince on a
      nuclear bomb, off the oil story; the quotes stay behind its «📖» button).

    None when no quote shows. Pure: the same (digest, topics) give the same place."""
    return _key_place(_quoted(digest, lang), topics, digest.headline)


def _key_place(quoted: Sequence[tuple[Quote, Line]], topics: Sequence[str],
               headline: str = "") -> int | None:
    """`key_quote` on the digest's quotes and lines as `_quoted` gives them, and its
    `headline`."""
    if not quoted:
        return None
    named = [topic for topic in topics if clean(topic)]
    if not named or not all(clean(topic) for topic in topics):
        return 0  # no topic, or also sent as the general digest: the key quote

    def naming(q: Quote) -> bool:
        return any(names_topic(topic, q.text) or names_topic(topic, q.speaker)
                   for topic in named)
    if any(names_topic(topic, headline) for topic in named):
        # news of the topic: its key quote, unless off the story (a side remark the article
        # ends with may name the topic, the key quote need not: the headline did)
        keys = _content_keys(headline)
        for i, (q, _line) in enumerate(quoted):
            if naming(q) or _content_keys(f"{q.text} {q.speaker}") & keys:
                return i
        return None
    return next((i for i, (q, _line) in enumerate(quoted) if naming(q)), None)


def _content_keys(text: str) -> frozenset[str]:
    """The content words of `text` as a story's headlines are compared (stems, no stop words:
    digests.story_reports.headline_keys)."""
    return headline_keys(analyze(clean(text)))


def key_line(digest: Digest, lang: str, topics: Sequence[str]
             ) -> tuple[list[Line], int, bool, list[Line]]:
    """A compact block's one quote line (`key_quote`) within KEY_QUOTE_UNITS: ([line] or [],
    its place, whether it was cut, every quote line of the digest) — the quotes are laid out
    once for all three callers (bot.render's compact block and what it leaves out,
    bot.story_alerts)."""
    quoted = _quoted(digest, lang)
    lines = [line for _q, line in quoted]
    at = _key_place(quoted, topics, digest.headline)
    if at is None:
        return [], -1, False, lines
    line, cut = shorten(lines[at], KEY_QUOTE_UNITS)
    return [line], at, cut, lines


def _same_words(a: str, b: str) -> bool:
    """Whether two titles read alike: the same words, marks aside, or one the other cut short
    («…»: a title as a feed cut it), three words at least."""
    wa, wb = (re.findall(r"\w+", normalize(x)) for x in (a, b))
    n = min(len(wa), len(wb))
    return n >= 3 and wa[:n] == wb[:n]


# Related links shown in this order of kinds, and within a kind: the page's own block as the
# site published it, archive pieces newest first, the story's other reports in the order they
# came out (digests.digest.merge_related, X95/X98). Laid out again here because a link to a gone
# page is replaced in its place as it is shown (digests.live_links), and a reader told «أرشيف»
# must find the dates of the archive in order (QA79-12).
KIND_ORDER = ("page", "archive", "story")


def in_kind_order(items: Sequence[RelatedItem]) -> list[RelatedItem]:
    """`items` grouped by kind (KIND_ORDER; an unknown kind last, as given), the archive
    newest first and the story's reports oldest first (undated ones last, as given), the
    page's block as given."""
    def group(kind: str) -> list[RelatedItem]:
        return [i for i in items if i.kind == kind]

    rest = [i for i in items if i.kind not in KIND_ORDER]
    return (group("page") + in_time_order(group("archive"), newest_first=True)
            + in_time_order(group("story")) + rest)


def related_picks(digest: Digest, shown: frozenset[str] = frozenset()) -> list[RelatedItem]:
    """The related items `related_lines` lists (at most MAX_RELATED, in `in_kind_order`): each
    with a link worth showing, not the story itself, not twice, and none whose url_key is in
    `shown` (the message's stories and the links shown under its stories before this one)."""
    picks: list[RelatedItem] = []
    seen = {clean(digest.url)}
    for item in in_kind_order(digest.related):
        url = safe_url(item.url)
        if url is None or url in seen:  # a related item is only worth its link
            continue
        if shown and url_key(item.url) in shown:  # a story or a link of this very message
            continue
        seen.add(url)
        picks.append(item)
        if len(picks) == MAX_RELATED:
            break
    return picks


def kind_mark(kind: str, lang: str) -> Span | None:
    """The italic mark before a related link that says what it is (QA79-12): «من صفحة
    الخبر:» (the page's own related block), «من الأرشيف:» (an earlier piece), «مصدر آخر:»
    (the same story from another site); in English one left-to-right run («From the archive:»,
    its colon kept after its words in the right-to-left line). None for an unknown kind."""
    if kind not in KIND_ORDER:
        return None
    return Span(english_run(t(f"related_{kind}", lang), lang), italic=True)


def related_lines(digest: Digest, lang: str, now: datetime | None = None, *,
                  shown: frozenset[str] = frozenset()) -> list[Line]:
    """«روابط ذات صلة:» and one bulleted link per related item (`related_picks`: at most
    MAX_RELATED, grouped by kind in `in_kind_order`). Given `now` (in the reader's zone:
    bot.reader_clock), each link is marked by its kind (`kind_mark`) and says its date, and a
    "story" link its site too (QA34 R9: a 15 Mar threat read like the 17 Mar expulsion):
    «• من الأرشيف: عنوان — bbc.com · ١٥ مارس» (bot.story_sites.link_note). `shown`: the links
    (url_key) of the stories the same message numbers, and those listed under its stories
    before this one — not listed again (QA67-8: 7 of /digest's 9 related links were stories of
    the same message; QA79-11: one link under three stories)."""
    items: list[Line] = []
    for item in related_picks(digest, shown):
        url = safe_url(item.url) or ""
        title = clean(item.title) or url
        line: tuple[Span, ...] = (Span("• "),)
        mark = kind_mark(item.kind, lang) if now is not None else None
        line += (mark, Span(" ")) if mark is not None else ()
        line += (Span(ltr(title), href=url),)
        if now is not None:
            note = link_note(item, now, lang, digest)
            line += (Span(" — " + note, italic=True),) if note else ()
        elif _same_words(title, digest.headline):  # another site's copy of this very story:
            # named by its site, or it reads as a link to itself (QA26 N17)
            host = urlsplit(url).hostname or ""
            line += (Span(" — " + ltr(host.removeprefix("www.")), italic=True),) if host else ()
        items.append(line)
    if not items:
        return []
    return [(label(t("related", lang), lang),), *items]
