"""Which of a story's other reports become a digest's "story" links, and which archive links
are shown in what order (QA64-1, QA64-2, QA64-5).

A story may hold a dozen reports over two days: the previews of a match and its result, the
morning's convoy entering Douma and the evening's convoy leaving under fire. The two or three
"story" places go to the reports closest in time to the article read — the same event, not the
day before's step — and to other *sources*: the closest report of each site first, a second
report of a site only when every site has one (`story_priority`); a report repeating the
article's headline comes after the others (QA64-11: the reader has just read it). The kept
links are then shown in time order (a reader follows the event along). Archive links are chosen by relevance and
shown newest first (each carries its date: an unordered list of dates reads as disorder).

Pure: `RelatedItem`s in, `RelatedItem`s out; the site of a link is its host
(digests.story_sites.site_of).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from digests.arabic import analyze
from digests.models import RelatedItem
from digests.story_reports import Report, headline_keys, near_copy
from digests.story_sites import site_of

_FAR = float("inf")
# QA64-11: a story report repeating the article's headline word for word goes after the others
COPY_LAST = True


def _distance(item: RelatedItem, at: datetime | None) -> float:
    """Seconds between the link's report and the article; a report after it by the same span
    comes first (after a preview, the event), an undated one last."""
    if at is None or item.published_at is None:
        return _FAR
    try:
        gap = (item.published_at - at).total_seconds()
    except TypeError:  # a naive date beside an aware one: not comparable
        return _FAR
    return -gap if gap < 0 else gap - 1.0  # later wins a tie


def story_priority(items: Sequence[RelatedItem], at: datetime | None,
                   own_url: str = "", own_title: str = "") -> list[RelatedItem]:
    """`items` (one story's other reports) in the order their places are given: the report
    closest to `at` of each site, sites by that closeness, then every site's second, and so on;
    reports of the article's own site (`own_url`'s: another feed of it is no other source) last.
    Undated reports keep their given order behind the dated ones of their round. A report whose
    headline is a near copy of `own_title` (the article's: a wire headline run by two sites,
    QA64-11) comes after the other reports of its round and of its site: the reader has just
    read that headline, and the story's other sites are named above the links anyway."""
    own = site_of(own_url) if own_url else ""
    mine = _keys(own_title) if own_title and COPY_LAST else None
    copy = [mine is not None and near_copy(mine, _keys(item.title)) for item in items]
    ranked = sorted(enumerate(items), key=lambda p: (copy[p[0]], _distance(p[1], at), p[0]))
    seen: dict[str, int] = {}
    keyed = []
    for order, (index, item) in enumerate(ranked):
        site = site_of(item.url) or item.url
        turn = seen.get(site, 0)
        seen[site] = turn + 1
        keyed.append(((site == own and bool(own), turn, copy[index], order), item))
    return [item for _, item in sorted(keyed, key=lambda k: k[0])]


def _keys(title: str) -> Report:
    """A headline as a report, for `near_copy`."""
    return Report(headline_keys(analyze(title)), None)


def in_time_order(items: Sequence[RelatedItem], *, newest_first: bool = False
                  ) -> list[RelatedItem]:
    """`items` by date (undated last, in their given order)."""
    dated = [i for i in items if i.published_at is not None]
    undated = [i for i in items if i.published_at is None]
    dated.sort(key=lambda i: i.published_at or datetime.min, reverse=newest_first)
    return dated + undated
