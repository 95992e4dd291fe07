"""Digest layout: what a reader sees of a story, as Telegram HTML messages (pure; `now` passed in).

A story is its headline bold and linked, the source and a relative time («منذ ٣ ساعات»), key
quotes (direct speech as «…» — speaker; reported speech as «بحسب ترامب، …», without quote
marks, in grammatical Arabic: see `quote_line` and bot.attribution), and related links. `digest_lines` lays a digest out as `bot.lines.Line`s;
the `render_*` functions lay out the shapes readers get (one digest, a bundle of stories, a page
of topic answers, a story's related links) and hand the lines to `bot.packer`, which fits them
into messages within Telegram's limits. Escaping and right-to-left handling live in bot.lines:
every line of a story starts right-to-left; in the English interface, labels that are a line of
their own («Related links:», the results header) keep their natural direction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from bot.attribution import (
    after_bihasab,
    denial_parts,
    denied_by,
    first_person,
    genitive,
    hedged,
    hedged_parts,
    standalone,
)
from bot.i18n import bundle_stop, format_date, num, relative_time, t, topic_list
from bot.lines import (LRM, Line, Span, byline, clean, isolate_ltr, line_len, line_text,
                       safe_url, utf16_len)
from bot.packer import pack, shorten, truncate
from digests.models import Article, Digest, Quote
from digests.topic_match import article_matches
from digests.quotes import quote_marks_balanced

MAX_RELATED = 5
# A compact block's key quote line at most this long (UTF-16 units, its speaker included): two
# or three lines on a phone; the rest of it is behind the story's button (QA18 R16).
KEY_QUOTE_UNITS = 200
ALERT_CHARS = 200  # Telegram's limit for a callback answer's text
# A quote that does not fit an alert whole is shortened (its speaker kept) only when at least
# this much room is left; else it is left out: a few words and «…» say nothing (QA21 R3).
ALERT_MIN_QUOTE = 80

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
    the speaker as written). A paraphrase without a speaker is the writer's own text, not a quote.
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
            return (Span(LRM + denied_by(speaker) + LRM, italic=True, ltr=True), Span(": "),
                    Span(_ltr(text)))
        who, clause = denial_parts(text, speaker)
        return (Span(_ltr(who), italic=True), Span(" "), Span(_ltr(clause)))
    if quote.kind == "reported" and speaker and hedged(text):
        # «ترجح السلطات أن تكون الطائرة تحطمت»: what was judged likely, as the article wrote it.
        line, after = hedged_parts(text, speaker)
        if not after:
            return (Span(_ltr(line)),)
        return (Span(_ltr(line)), Span(" — "), Span(_ltr(after), italic=True))
    if quote.kind == "reported" and not first_person(text):
        if not speaker:
            return None
        if lang == "en":
            # A left-to-right line; the LRM after the Arabic speaker keeps the colon with it
            # and the paraphrase a run of its own.
            # The clause stands alone after the colon: one cut from «أنّ» gets «إن» back
            # («قصفا مكثفا» → «إن قصفا مكثفا»), as the Arabic lines do.
            return (Span(LRM + t("reported_by", lang, speaker=speaker) + LRM, italic=True,
                         ltr=True), Span(": "), Span(_ltr(standalone(text))))
        by = genitive(speaker)
        if by is None:
            return (Span(_ltr(standalone(text))), Span(" — "), Span(_ltr(speaker), italic=True))
        return (Span(t("reported_by", lang, speaker=_ltr(by)), italic=True),
                Span("، "), Span(_ltr(after_bihasab(text))))
    if quote.kind == "reported" and not speaker:
        return None
    spans = [Span(f"«{_ltr(_nest(text))}»")]
    if speaker:
        spans += [Span(" — "), Span(_ltr(speaker), italic=True)]
    return tuple(spans)


def _ltr(text: str) -> str:
    """Story text in a right-to-left line: Latin runs, URLs and @names kept in their order
    («@UN_News» does not show as «UN_News@»; bot.lines.isolate_ltr)."""
    return isolate_ltr(text, always=True)


def _label(text: str, lang: str) -> Span:
    """A bold interface label. In English it keeps its natural left-to-right direction (with
    an RLM, «Related links:» would show as «:Related links»); story lines stay right-to-left."""
    return Span(text, bold=True, ltr=lang == "en")


def digest_lines(digest: Digest, lang: str, now: datetime, *, with_related: bool = True,
                 index: int | None = None, update: bool = False,
                 compact: bool = False, topics: Sequence[str] = ()) -> list[Line]:
    """The lines of one story: headline, source and time, quotes, related links; `update` puts
    «🔄 تحديث» / "🔄 Update" first (a new report of a story the chat was sent before).
    `compact` (a delivered bundle's block, QA18 R16): the headline with its source and time
    after it on one line, and at most ONE key quote line (`key_quote`: the best that names one
    of `topics`, the topics the bundle was sent for, else the first that shows), within
    KEY_QUOTE_UNITS (cut at a word with «…») — and no related links: the rest is a tap away
    (`has_details`, bot.courier's story buttons)."""
    headline = clean(digest.headline) or clean(digest.url) or "—"
    head: list[Span] = []
    if update:
        head.append(Span(_ltr(f"{t('story_update', lang)} · "), bold=True))
    if index is not None:
        head.append(Span(f"{num(index, lang)}. ", bold=True))
    head.append(Span(_ltr(headline), bold=True, href=safe_url(digest.url)))
    when = relative_time(digest.published_at, now, lang)
    meta = " · ".join(p for p in (_ltr(clean(digest.source)), when) if p)
    if compact and meta:
        # the source and time on the headline's line: a story is two lines, not three (R16);
        # in English "3 hours ago" is one left-to-right run of this right-to-left line (its
        # digit alone would be laid out after "hours ago")
        if lang == "en" and when:
            meta = " · ".join(p for p in (_ltr(clean(digest.source)), LRM + when + LRM) if p)
        head.append(Span(" — " + meta, italic=True))
    lines: list[Line] = [tuple(head)]
    if meta and not compact:
        lines.append(byline(meta, lang))
    if compact:
        lines.extend(_key_line(digest, lang, topics)[0])
        return lines
    lines.extend(_quote_lines(digest, lang))
    if with_related:
        lines.extend(related_lines(digest, lang))
    return lines


def _quoted(digest: Digest, lang: str) -> list[tuple[Quote, Line]]:
    """The digest's quotes that show, each with its line, in the digest's (ranked) order."""
    pairs = ((q, quote_line(q, lang)) for q in digest.quotes)
    return [(q, line) for q, line in pairs if line]


def _quote_lines(digest: Digest, lang: str) -> list[Line]:
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
    """The place (in `_quote_lines`) of the one quote a compact block shows: the best — the
    first in the digest's ranked order — whose words or speaker name one of `topics` (the
    topics the bundle was sent for; "" the general digest names none), else the first. A story
    sent for «الغوطة» shows a quote about Ghouta, not the article's first quote about Afrin
    (QA21 R1). None when no quote shows. Pure: the same (digest, topics) give the same place."""
    return _key_place(_quoted(digest, lang), topics)


def _key_place(quoted: Sequence[tuple[Quote, Line]], topics: Sequence[str]) -> int | None:
    """`key_quote` on the digest's quotes and lines as `_quoted` gives them."""
    if not quoted:
        return None
    named = [topic for topic in topics if clean(topic)]
    for i, (q, _line) in enumerate(quoted):
        if any(names_topic(topic, q.text) or names_topic(topic, q.speaker) for topic in named):
            return i
    return 0


def _key_line(digest: Digest, lang: str, topics: Sequence[str]
              ) -> tuple[list[Line], int, bool, list[Line]]:
    """A compact block's one quote line (`key_quote`) within KEY_QUOTE_UNITS: ([line] or [],
    its place, whether it was cut, every quote line of the digest) — the quotes are laid out
    once for all three callers."""
    quoted = _quoted(digest, lang)
    lines = [line for _q, line in quoted]
    at = _key_place(quoted, topics)
    if at is None:
        return [], -1, False, lines
    line, cut = shorten(lines[at], KEY_QUOTE_UNITS)
    return [line], at, cut, lines


def _rest_quotes(digest: Digest, lang: str, topics: Sequence[str]) -> list[Line]:
    """The quote lines a story's compact block leaves out: the shown one whole when it was
    cut, every other quote."""
    _shown, at, cut, lines = _key_line(digest, lang, topics)
    return [line for i, line in enumerate(lines) if i != at or cut]


def _rest(digest: Digest, lang: str, topics: Sequence[str] = ()) -> list[Line]:
    """What a story's compact block leaves out: the key quote whole when it was cut, the other
    quotes, the related links."""
    return _rest_quotes(digest, lang, topics) + related_lines(digest, lang)


def has_details(digest: Digest, lang: str, now: datetime) -> bool:
    """Whether the compact block of `digest` leaves anything out (another quote, the key
    quote's end, a related link): only such a story gets a button to its full digest.
    It does not depend on the topics the block's quote was chosen for (`key_quote`): with two
    quotes or more one is always left out, and a single quote is the one shown either way.
    (`now` keeps the shape of the other layout functions; nothing here depends on it.)"""
    return bool(_rest(digest, lang))


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
    line, _cut = shorten((Span(_ltr(headline)),), ALERT_HEADLINE_UNITS)
    return line


def _alert_rest(digest: Digest, lang: str, topics: Sequence[str], room: int) -> str:
    """What the compact block leaves out, within `room` UTF-16 units ("" when nothing)."""
    _shown, at, cut, lines = _key_line(digest, lang, topics)
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


def related_lines(digest: Digest, lang: str) -> list[Line]:
    """«روابط ذات صلة:» and one bulleted link per related item (at most MAX_RELATED)."""
    items: list[Line] = []
    seen = {clean(digest.url)}
    for item in digest.related:
        url = safe_url(item.url)
        if url is None or url in seen:  # a related item is only worth its link
            continue
        title = clean(item.title) or url
        seen.add(url)
        items.append((Span("• "), Span(_ltr(title), href=url)))
        if len(items) == MAX_RELATED:
            break
    if not items:
        return []
    return [(_label(t("related", lang), lang),), *items]


def render_digest(digest: Digest, lang: str, now: datetime) -> str:
    """One digest as one Telegram HTML message (cut short with «…» if it cannot fit)."""
    return pack([truncate(digest_lines(digest, lang, now))])[0]


def render_digest_messages(digest: Digest, lang: str, now: datetime) -> list[str]:
    """One digest as one or more messages, nothing dropped (split at line/sentence boundaries)."""
    return pack([digest_lines(digest, lang, now)])


def render_bundle(digests: Iterable[Digest], lang: str, now: datetime, *,
                  header: bool | None = None, topics: Sequence[str] | None = None,
                  kind: str | None = None, more: int = 0, button: bool = True,
                  updates: frozenset[int] = frozenset(),
                  chat_type: str | None = None, compact: bool | None = None,
                  first: int = 1, quotes_for: Sequence[str] | None = None) -> list[str]:
    """Several stories as few messages as fit (a subscriber is not flooded).

    `header` adds «📰 نشرة الأخبار» on top; by default only when there are several stories.
    `topics` makes it a delivered digest that says why it came (bot.origins): the header names
    the followed topics («📰 جديد «الغوطة»»; [""] is «📰 النشرة العامة»; [] keeps «📰 نشرة
    الأخبار»), always shown, and the last line says how to stop, worded for `chat_type`
    (bot.i18n.bundle_stop: «لإيقاف المتابعة: /unsubscribe» in a private chat or when unknown,
    «للمشرفين: /unsubscribe» in a group, no line in a channel, whose readers cannot send a
    command — QA18 R18). `kind` is the outbox kind the bundle was queued under (bot.courier.
    bundle_kind): a scheduled daily digest, 'daily:<the chat's local date>', is headed «📰
    نشرتك اليومية — ٣٠ نوفمبر ٢٠٢٦» (with the topics it answers), not as an instant alert.
    `more` counts the stories the delivered digest stands for but does not show (bot.sender
    shows the best ten): a line after them says how many and where to see them («و٣٨ خبرًا آخر
    — في الزر أدناه»); `button` False says the courier could not attach that button (the
    database refused its id), and the line then promises none (`more_line`). Split across
    messages only where Telegram's limits force it; only the first message carries the header.
    `updates`: the article ids shown as a story's update («🔄 تحديث · » before the headline:
    digests.story_updates.update_articles).
    `compact` (by default: a delivered digest, `topics` given) lays each story out as a short
    block (`digest_lines(compact=True)`), numbered «١.» when there are several: the courier's
    story buttons under the message carry those numbers (bot.bundle_buttons; QA18 R16).
    `first`: the number of the first story (a page of the «more» stories goes on from the
    page before: «١١.»; numbered even alone). `quotes_for`: the topics a compact block's
    quote is chosen for (`key_quote`) when no `topics` header is wanted (the «more» stories of
    a digest sent for a topic); by default `topics`.
    """
    items = list(digests)
    compact = topics is not None if compact is None else compact
    numbered = compact and (len(items) > 1 or first > 1)
    chosen = topics if quotes_for is None else quotes_for
    stories: list[list[Line]] = [digest_lines(d, lang, now, update=d.article_id in updates,
                                              compact=compact, topics=chosen or (),
                                              index=first + i if numbered else None)
                                 for i, d in enumerate(items)]
    if topics is not None:
        stories.insert(0, [(_label(origin_header(topics, lang, kind), lang),)])
        if more > 0:
            stories.append([(Span(_rtl_text(more_line(more, topics, lang, button), lang),
                                  ltr=lang == "en"),)])
        stop = bundle_stop(lang, chat_type)
        if stop is not None:
            stories.append([(Span(_rtl_text(stop, lang), ltr=lang == "en"),)])
    elif header or (header is None and len(items) > 1):
        stories.insert(0, [(_label(t("bundle_header", lang), lang),)])
    return pack(stories)


def origin_header(topics: Sequence[str], lang: str, kind: str | None = None) -> str:
    """«📰 جديد «الغوطة»» / «📰 النشرة العامة» / «📰 نشرة الأخبار» for a delivered digest; «📰
    نشرتك اليومية — <date>[: «الغوطة»]» for a daily one (`kind` 'daily:YYYY-MM-DD', the date
    in the chat's zone as the outbox wrote it); «📰 النشرة اليومية …» in a group or channel
    (kind 'daily:YYYY-MM-DD:group')."""
    named = [clean(topic) for topic in topics if clean(topic)]
    listed = topic_list(named, lang)
    if named and "" in topics:
        # Some stories came for a topic, others for the general digest (QA16 F5): the header
        # names both, so it is true of every story under it.
        listed = t("bundle_and_general", lang, topics=listed)
    day = daily_date(kind)
    if day is not None:
        when = format_date(datetime(day.year, day.month, day.day), lang)
        group = "_group" if (kind or "").endswith(":group") else ""  # «النشرة اليومية»
        if named:
            return t(f"bundle_daily_topics{group}", lang, date=when, topics=listed)
        return t(f"bundle_daily{group}", lang, date=when)
    if named:
        return t("bundle_topic", lang, topics=listed)
    if list(topics) == [""]:
        return t("bundle_general", lang)
    return t("bundle_header", lang)


def more_count(n: int, lang: str) -> str:
    """«خبر آخر» / «خبران آخران» / «٣ أخبار أخرى» / «٣٨ خبرًا آخر» / «١٠٠ خبر آخر» (the
    numeral's noun by the grammar of Arabic numerals; the string puts «و» before it); "1 more
    story" / "38 more stories"."""
    key = ("more_stories_one" if n == 1 else "more_stories_two" if n == 2
           else "more_stories_few" if 3 <= n % 100 <= 10
           else "more_stories_many" if 11 <= n % 100 <= 99
           else "more_stories_hundred")  # 100, 101, 102, 200 …: the noun in the singular
    return t(key, lang, n=num(n, lang))


def more_line(n: int, topics: Sequence[str], lang: str, button: bool = True) -> str:
    """The line after a delivered digest's stories that counts those it does not show and says
    where to see them: the button under the last message (bot.courier adds it; pressed, it
    sends exactly those stories — QA17 R2: /digest showed others), and /search with the topic
    when the digest came for one topic (its every story, page by page). Without the button
    (`button` False: its id could not be stored) the line promises none: /search with the topic,
    else /digest, said honestly to hold the top stories now, not necessarily these."""
    named = [clean(topic) for topic in topics if clean(topic)]
    one = len(named) == 1 and "" not in topics
    if not button:
        if one:
            return t("bundle_more_hint_topic", lang, count=more_count(n, lang), topic=named[0])
        return t("bundle_more_hint", lang, count=more_count(n, lang))
    if one:
        return t("bundle_more_button_topic", lang, count=more_count(n, lang), topic=named[0])
    return t("bundle_more_button", lang, count=more_count(n, lang))


def daily_date(kind: str | None) -> date | None:
    """The local date of a 'daily:YYYY-MM-DD[:group]' bundle kind; None for any other kind."""
    if not kind or not kind.startswith("daily:"):
        return None
    try:
        return date.fromisoformat(kind.split(":")[1])
    except ValueError:
        return None


def _rtl_text(text: str, lang: str) -> str:
    """Arabic text with its /commands kept in order (bot.lines.isolate_ltr)."""
    return isolate_ltr(text) if lang == "ar" else text


def render_results(digests: Sequence[Digest], lang: str, now: datetime, *, query: str,
                   offset: int = 0, total: int | None = None,
                   total_exact: bool = True) -> list[str]:
    """One page of topic answers: a header, then numbered stories without their related links
    (the «روابط ذات صلة» button per story shows them). `total` counts stories; when it is only
    a lower bound (`total_exact` False) the header says «على الأقل» / "at least"."""
    total = len(digests) + offset if total is None else total
    q = clean(query)[:100]
    header = t("results_header" if total_exact else "results_header_at_least", lang, query=q,
               first=num(offset + 1, lang), last=num(offset + len(digests), lang),
               total=num(total, lang))
    stories: list[list[Line]] = [[(_label(header, lang),)]]
    stories += [digest_lines(d, lang, now, with_related=False, index=offset + i + 1)
                for i, d in enumerate(digests)]
    return pack(stories)


def render_related(digest: Digest, lang: str, now: datetime) -> str:
    """The headline of a story and its related links (the answer to «روابط ذات صلة»)."""
    lines = digest_lines(digest, lang, now, with_related=False)[:1] + related_lines(digest, lang)
    return pack([truncate(lines)])[0]
