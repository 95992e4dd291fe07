"""How many sites report a story, and which, as a reader sees it (pure; QA34 R3).

A compact block says «٣ مصادر» / "3 sources" after its source when two sites or more report the
story (digests.story_sites counts sites, not feeds); the full story view («📖») names every other
site on one line («ينقله أيضًا: بي بي سي، سكاي نيوز عربية، CNN»), not only the STORY_SLOTS of them
its "story" links show. A plain digest (no `SitedDigest`: a test, a path that did not ask
digests.live_links.live_related) shows neither.
"""

from __future__ import annotations

from datetime import datetime

from bot.i18n import format_date, num, t
from bot.lines import LRM, Line, Span, clean, english_run, isolate_ltr, isolate_rtl, safe_url
from digests.models import Digest, RelatedItem
from digests.story_sites import site_of
from digests.urls import url_key

MAX_NAMED = 12  # sites named on the «ينقله أيضًا» line: beyond that «…» (a line, not a list)


def site_count(digest: Digest) -> int:
    """The sites that report the digest's story (1 when not known)."""
    return int(getattr(digest, "site_count", 1) or 1)


def sites_label(n: int, lang: str) -> str:
    """«مصدران», «٣ مصادر», «١١ مصدرًا», «١٠٠ مصدر» / "3 sources"; '' below two."""
    if n < 2:
        return ""
    if n == 2:
        return t("story_sites_2", lang)
    rest = n % 100
    key = ("story_sites_few" if 3 <= rest <= 10 else "story_sites_acc" if 11 <= rest <= 99
           else "story_sites_gen")
    return t(key, lang, n=num(n, lang))


def others_line(digest: Digest, lang: str) -> str:
    """«ينقله أيضًا: …» naming the story's other sites ('' when none is known)."""
    names = [n for n in getattr(digest, "other_sites", ()) if n]
    if not names:
        return ""
    shown = names[:MAX_NAMED] + (["…"] if len(names) > MAX_NAMED else [])
    shown = [clean(n) for n in shown]  # the line is isolated whole (bot.render)
    if lang == "en":  # each Arabic name its own island: «فرانس 24» not «24 فرانس» (QA41 T5)
        shown = [isolate_rtl(n) for n in shown]
    return t("story_sites_others", lang, names=("، " if lang != "en" else ", ").join(shown))


def same_event_line(digest: Digest, lang: str) -> Line | None:
    """«وتقريران آخران عن الحدث نفسه: سكاي نيوز عربية، بي بي سي», each site's name a link to
    its report: the other reports of the event a search page folded under this entry
    (digests.search_events, QA68-13); None when none was."""
    reports = [(clean(name) or url, safe) for name, url in digest.same_event
               if (safe := safe_url(url)) is not None]
    if not reports:
        return None
    n = len(reports)
    key = ("same_event_1" if n == 1 else "same_event_2" if n == 2
           else "same_event_few" if n <= 10 else "same_event_acc")
    before, _, after = t(key, lang, n=num(n, lang), links="\x00").partition("\x00")
    english = lang == "en"

    def piece(text: str, href: str | None = None) -> Span:
        if english:  # each Arabic name its own island, as the «Also reported by» line
            return Span(isolate_rtl(text) if href else text, italic=True, href=href, ltr=True)
        return Span(isolate_ltr(text, always=True), italic=True, href=href)

    spans = [piece(before)]
    for i, (name, url) in enumerate(reports):
        if i:
            spans.append(piece(", " if english else "، "))
        spans.append(piece(name, url))
    if after:
        spans.append(piece(after))
    return tuple(spans)


def link_date(when: datetime | None, now: datetime, lang: str) -> str:
    """A related link's date in `now`'s zone (the reader's): «١٥ مارس» this year, else with its
    year («١٥ مارس ٢٠١٧»); '' when unknown. In English one left-to-right run of the story's
    right-to-left line («5 March 2018», not «March 2018 5»: bot.lines.english_run, QA67-1)."""
    if when is None:
        return ""
    local = when.astimezone(now.tzinfo) if when.tzinfo is not None else when
    text = format_date(local, lang)
    if local.year == now.year:  # the year only when it is not this one
        text = text.rsplit(" ", 1)[0]
    return english_run(text, lang)


def link_note(item: RelatedItem, now: datetime, lang: str, digest: Digest | None = None
              ) -> str:
    """What follows a related link (QA34 R9): its source for a "story" or "archive" link to a
    stored article — its own source's name (`digest`'s link_sources, QA64-7/-10), else for a
    "story" link as its story names it (site_names), else its host — and its date:
    «بي بي سي · ١٥ مارس»; '' when neither is known."""
    if item.kind in ("story", "archive"):
        own = dict(getattr(digest, "link_sources", ()) or ()).get(url_key(item.url))
        if own:
            name = isolate_ltr(clean(own), always=True)  # «CNN 4» keeps its order
            return " · ".join(p for p in (name, link_date(item.published_at, now, lang)) if p)
    site = site_of(item.url) if item.kind == "story" else ""
    names = dict(getattr(digest, "site_names", ()) or ())
    if site and site not in names:
        # a local server's sites are keyed by feed («127.0.0.1:46741#3»): the link, which names
        # no feed, is named when one name goes with its host and port (QA42 B11)
        local = {n for key, n in names.items() if key.startswith(site + "#")}
        if len(local) == 1:
            names[site] = local.pop()
    if site in names:
        name = isolate_ltr(clean(names[site]), always=True)  # «CNN 4» keeps its order
        return " · ".join(p for p in (name, link_date(item.published_at, now, lang)) if p)
    when = link_date(item.published_at, now, lang)
    if site and lang == "ar":
        site = LRM + site + LRM  # a Latin host inside a right-to-left line keeps its place
    return " · ".join(p for p in (site, when) if p)
