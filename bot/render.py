"""Digest layout: what a reader sees of a story, as Telegram HTML messages (pure; `now` passed in).

A story is its headline bold and linked, the source and a relative time («منذ ٣ ساعات»), key
quotes (direct speech as «…» — speaker; reported speech as «بحسب ترامب، …», without quote
marks, in grammatical Arabic: bot.story_quotes.quote_line and bot.attribution), and related
links (bot.story_quotes, which also picks the one quote a compact block shows; a channel's
button alert is bot.story_alerts). `digest_lines` lays a digest out as `bot.lines.Line`s; the
`render_*` functions lay out the shapes readers get (one digest, a bundle of stories, a page
of topic answers, a story's related links) and hand the lines to `bot.packer`, which fits them
into messages within Telegram's limits. Escaping and right-to-left handling live in bot.lines:
every line of a story starts right-to-left; in the English interface, labels that are a line of
their own («Related links:», the results header) keep their natural direction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from bot.i18n import amount, bundle_stop, format_date, num, relative_time, t, topic_list
from bot.lines import (RLM, Line, Span, byline, clean, english_run, isolate_ltr, safe_url,
                       wrap_ltr, wrap_rtl)
from bot.packer import pack, truncate
from bot.story_sites import others_line, same_event_line, site_count, sites_label
# The alert and the quote lines live in their own modules (Y7); their names stay importable here.
from bot.story_alerts import (  # noqa: F401
    ALERT_CHARS,
    ALERT_HEADLINE_UNITS,
    ALERT_MIN_QUOTE,
    story_alert,
)
from bot.story_quotes import (  # noqa: F401
    KEY_QUOTE_UNITS,
    MAX_RELATED,
    key_line,
    key_quote,
    label,
    ltr,
    names_topic,
    quote_line,
    quote_lines,
    related_lines,
    related_picks,
)
from digests.earlier_headlines import change
from digests.models import Digest
from digests.urls import url_key


_SECTION = re.compile(r"\s+[—–]\s+")  # «المصدر — القسم»: a feed's section after its name
_AR_FIGURE = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
_LATIN_DIGIT = re.compile("[0-9]")


def digest_lines(digest: Digest, lang: str, now: datetime, *, with_related: bool = True,
                 index: int | None = None, update: bool = False,
                 compact: bool = False, topics: Sequence[str] = (),
                 shown: frozenset[str] = frozenset(), marked: bool = True) -> list[Line]:
    """The lines of one story: headline, source and time, quotes, related links; `update` puts
    «🔄 تحديث» / "🔄 Update" first (a new report of a story the chat was sent before), «🔄 تعديل»
    for a report the chat was sent, corrected in place (`digest.revised`), with what changed
    from the headline it read (`digest.was`, QA63-12): the figures in the mark when only they
    changed («🔄 تعديل (١٠ ← ١٧) · …»), else a line «كان: …» under the headline.
    `compact` (a delivered bundle's block, QA18 R16): the headline with its source and time
    after it on one line, and at most ONE key quote line (`key_quote`: the best that names one
    of `topics`, the topics the bundle was sent for, else the first that shows), within
    KEY_QUOTE_UNITS (cut at a word with «…») — and no related links: the rest is a tap away
    (`has_details`, bot.courier's story buttons). `shown`: the links (url_key) of the stories
    of the same message, left out of its related links (`related_lines`). `marked` False: the
    message's header says «🔄 تعديل» already, so a corrected report's line keeps only what
    changed («(١٠ ← ١٧) · …»), not the mark a second time (QA70-7)."""
    headline = clean(digest.headline) or clean(digest.url) or "—"
    head: list[Span] = []
    # what a correction changed, from what the chat read before (QA63-12)
    fixed = change(digest.was, digest.headline) if update and digest.revised else None
    word = ""  # the mark before the headline, if any
    if update:  # a report corrected in place is no new news («مقتل 9» after «مقتل 12»: X84)
        if marked or not digest.revised:
            word = t("story_revised" if digest.revised else "story_update", lang)
        if fixed is not None and fixed.figures:  # «🔄 تعديل (10 ← 17) · …», «(10 ← 17) · …»
            word = f"{word} ({figures_text(fixed.figures, lang, digest.headline)})".lstrip()
    if word and lang == "en":
        # the mark and the story's number one left-to-right run of the story's right-to-left
        # line, the headline after an RLM: "10 → 17" alone was laid out "17 → 10", and a
        # headline's first figure or Latin word joined the mark's run («Update · 2. 3 قتلى»
        # drawn «… قتلى Update · 2. 3», «BBC: مقتل» with «BBC» before «🔄 Revised»: QA67-2)
        mark = f"{word} · {num(index, lang)}." if index is not None else f"{word} ·"
        head.append(Span(f"{wrap_ltr(mark)} {RLM}", bold=True))
        index = None
    elif word:
        head.append(Span(ltr(f"{word} · "), bold=True))
    if index is not None:
        head.append(Span(f"{num(index, lang)}. ", bold=True))
    head.append(Span(ltr(headline), bold=True, href=safe_url(digest.url)))
    when = relative_time(digest.published_at, now, lang)
    if when and digest.story_dated:  # the story's first report, not this source's (QA47 Z7)
        when = t("first_report_time", lang, when=when)
    sites = sites_label(site_count(digest), lang)  # «٣ مصادر» (QA34 R3)
    meta = " · ".join(p for p in (ltr(clean(digest.source)), when, sites) if p)
    if compact and meta:
        # the source and time on the headline's line: a story is two lines, not three (R16);
        # in English "3 hours ago" is one left-to-right run of this right-to-left line (its
        # digit alone would be laid out after "hours ago"). A feed named «نشرة الشرق — الأخبار
        # الرئيسية» is named without its section: a second « — » hid where the headline ends
        # (QA26 N14)
        source = _SECTION.split(clean(digest.source), maxsplit=1)[0].strip()
        meta = " · ".join(p for p in (ltr(source), english_run(when, lang), sites) if p)
        head.append(Span(" — " + meta, italic=True))
    lines: list[Line] = [tuple(head)]
    if fixed is not None and fixed.before:  # «كان: مقتل 10 أشخاص …», the headline it had
        lines.append(was_line(fixed.before, lang))
    if meta and not compact:
        lines.append(byline(meta, lang))
        others = others_line(digest, lang)  # every other site, not only the story links' two
        if others:
            lines.append((Span(others, italic=True, ltr=True),) if lang == "en"
                         else (Span(ltr(others), italic=True),))
        folded = same_event_line(digest, lang)  # one event of two stories, once (QA68-13)
        if folded:
            lines.append(folded)
    if compact:
        lines.extend(key_line(digest, lang, topics)[0])
        return lines
    lines.extend(quote_lines(digest, lang))
    if with_related:
        lines.extend(related_lines(digest, lang, now, shown=shown))
    return lines


def figures_text(figures: Sequence[tuple[str, str]], lang: str, headline: str = "") -> str:
    """Changed figures as the reader writes them: «١٠ ← ١٧، ٢ ← ٣» / "10 → 17, 2 → 3" (the
    arrow points the way the line reads). In Arabic, in the digits of the `headline` they sit
    beside: «(3 ← 5) · BBC: مقتل 5», not «٥» beside «5» (QA67-11); Arabic-Indic digits when the
    headline writes none of 0–9."""
    if lang == "ar" and _LATIN_DIGIT.search(headline):
        return "، ".join(f"{a} ← {b}" for a, b in figures)
    if lang == "ar":
        return "، ".join(f"{_ar_figure(a)} ← {_ar_figure(b)}" for a, b in figures)
    return ", ".join(f"{a} → {b}" for a, b in figures)


def _ar_figure(figure: str) -> str:
    """«14.4» → «١٤٫٤»: Arabic-Indic digits and decimal point, «1,200» → «١٬٢٠٠»."""
    return figure.translate(_AR_FIGURE)


def was_line(before: str, lang: str) -> Line:
    """«كان: …» / "Was: …": the headline a corrected report had when the chat read it, a
    feed's text (escaped with the line). In English the Arabic headline is one right-to-left
    island of the left-to-right line."""
    if lang == "en":
        return (Span(t("story_was", lang, headline=wrap_rtl(ltr(clean(before)))), italic=True,
                     ltr=True),)
    return (Span(ltr(t("story_was", lang, headline=clean(before))), italic=True),)


def _rest_quotes(digest: Digest, lang: str, topics: Sequence[str]) -> list[Line]:
    """The quote lines a story's compact block leaves out: the shown one whole when it was
    cut, every other quote."""
    _shown, at, cut, lines = key_line(digest, lang, topics)
    return [line for i, line in enumerate(lines) if i != at or cut]


def _rest(digest: Digest, lang: str, topics: Sequence[str] = ()) -> list[Line]:
    """What a story's compact block leaves out: the key quote whole when it was cut, the other
    quotes, the related links."""
    return _rest_quotes(digest, lang, topics) + related_lines(digest, lang)


def has_details(digest: Digest, lang: str, now: datetime, topics: Sequence[str] = ()) -> bool:
    """Whether the compact block of `digest`, its quote chosen for `topics` (`key_quote`),
    leaves anything out (another quote, the key quote's end, a related link): only such a story
    gets a button to its full digest. A single quote naming none of the named topics is not
    shown (QA46 G9), so it is left out. (`now` keeps the shape of the other layout functions;
    nothing here depends on it.)"""
    return bool(_rest(digest, lang, topics))


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
                  first: int = 1, quotes_for: Sequence[str] | None = None,
                  title: str | None = None) -> list[str]:
    """Several stories as few messages as fit (a subscriber is not flooded).

    `header` adds «📰 نشرة الأخبار» on top (`title` instead when given: «📰 أخبار أمس — ٢٧ مارس
    ٢٠٢٦», QA47 Z5); by default only when there are several stories.
    `topics` makes it a delivered digest that says why it came (bot.origins): the header names
    the followed topics («📰 جديد «الغوطة»»; [""] is «📰 النشرة العامة»; [] keeps «📰 نشرة
    الأخبار»), always shown, and the last line says how to stop, worded for `chat_type`
    (bot.i18n.bundle_stop: «لإيقاف المتابعة: /unsubscribe» in a private chat or when unknown,
    «للمشرفين: /unsubscribe» in a group, no line in a channel, whose readers cannot send a
    command — QA18 R18). `kind` is the outbox kind the bundle was queued under (bot.courier.
    bundle_kind): a scheduled daily digest, 'daily:<the chat's local date>', is headed «📰
    نشرتك اليومية — ٣٠ نوفمبر ٢٠٢٦» (with the topics it answers), not as an instant alert.
    `more` counts the stories the delivered digest stands for but does not show (bot.sender
    shows the best ten): a line after them says how many and where to see them («وهناك ٣٨
    خبرًا آخر في الزر أدناه.»: bot.texts_more); `button` False says the courier could not
    attach that button (the database refused its id), and the line then promises none (`more_line`). Split across
    messages only where Telegram's limits force it; only the first message carries the header.
    Several stories: a related link is listed once, under the first story that has it (nor
    is a story of the message listed as related): the stories after it list their next links
    (QA67-8, QA79-11; bot.story_quotes.related_picks).
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
    # several stories are numbered in every layout (X55: /digest's were one block to a screen
    # reader); a page of the «more» stories goes on from the page before even when alone
    numbered = len(items) > 1 or (compact and first > 1)
    chosen = topics if quotes_for is None else quotes_for
    # a related link to a story this message numbers too is left out (QA67-8)
    shown = frozenset(url_key(d.url) for d in items) if numbered else frozenset()
    # only corrections of reports the chat was sent: the header says «🔄 تعديل», not «جديد»
    # (QA63-12), and the lines do not say it again (QA70-7)
    revised = (topics is not None and bool(items)
               and all(d.revised and d.article_id in updates for d in items))
    stories: list[list[Line]] = []
    for i, d in enumerate(items):
        stories.append(digest_lines(d, lang, now, update=d.article_id in updates,
                                    compact=compact, topics=chosen or (),
                                    index=first + i if numbered else None,
                                    shown=shown, marked=not revised))
        if numbered and not compact:
            # a link once a message, under the first story that lists it; the stories after
            # it list their next links (QA79-11: one link under three stories of /digest)
            shown |= {url_key(r.url) for r in related_picks(d, shown)}
    if topics is not None:
        stories.insert(0, [(label(origin_header(topics, lang, kind, revised=revised), lang),)])
        if more > 0:
            stories.append([(Span(_rtl_text(more_line(more, topics, lang, button), lang),
                                  ltr=lang == "en"),)])
        stop = bundle_stop(lang, chat_type)
        if stop is not None:
            stories.append([(Span(_rtl_text(stop, lang), ltr=lang == "en"),)])
    elif header or (header is None and len(items) > 1):
        stories.insert(0, [(label(title or t("bundle_header", lang), lang),)])
    return pack(stories)


def origin_header(topics: Sequence[str], lang: str, kind: str | None = None, *,
                  revised: bool = False) -> str:
    """«📰 جديد «الغوطة»» / «📰 النشرة العامة» / «📰 نشرة الأخبار» for a delivered digest; «📰
    نشرتك اليومية — <date>[: «الغوطة»]» for a daily one (`kind` 'daily:YYYY-MM-DD', the date
    in the chat's zone as the outbox wrote it); «📰 النشرة اليومية …» in a group or channel
    (kind 'daily:YYYY-MM-DD:group'). `revised`: every story shown is a report the chat was
    sent, corrected since (digests.correction_updates): «🔄 تعديل «الغوطة»» / «🔄 تعديل», as
    a correction is no new news (QA63-12); a daily digest keeps its day's header."""
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
    if revised:
        return (t("bundle_revised_topic", lang, topics=listed) if named
                else t("bundle_revised", lang))
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
    count = more_count(n, lang)
    # whole sentences (X55; bot.texts_more)
    if not button:
        if one:
            return t("more_line_hint_topic", lang, count=count, topic=named[0])
        return t("more_line_hint", lang, count=count)
    if one:
        return t("more_line_button_topic", lang, count=count, topic=named[0])
    return t("more_line_button", lang, count=count)


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
    if total_exact and offset == 0 and total == len(digests):  # one page holds them all
        header = t("results_header_all", lang, query=q, count=_stories_count(total, lang))
    else:
        header = t("results_header" if total_exact else "results_header_at_least", lang,
                   query=q, first=num(offset + 1, lang), last=num(offset + len(digests), lang),
                   total=num(total, lang))
    stories: list[list[Line]] = [[(label(header, lang),)]]
    stories += [digest_lines(d, lang, now, with_related=False, index=offset + i + 1)
                for i, d in enumerate(digests)]
    return pack(stories)


def _stories_count(n: int, lang: str) -> str:
    """«خبر واحد», «خبران», «٣ أخبار», «١١ خبرًا» / "1 story", "3 stories" (QA68-18)."""
    if n in (1, 2):
        return t("results_one" if n == 1 else "results_two", lang)
    return amount(n, lang, "article") if lang == "ar" else f"{n} stories"


def render_related(digest: Digest, lang: str, now: datetime) -> str:
    """The headline of a story and its related links (the answer to «روابط ذات صلة»)."""
    lines = (digest_lines(digest, lang, now, with_related=False)[:1]
             + related_lines(digest, lang, now))
    return pack([truncate(lines)])[0]
