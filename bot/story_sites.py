"""How many sites report a story, and which, as a reader sees it (pure; QA34 R3).

A compact block says «٣ مصادر» / "3 sources" after its source when two sites or more report the
story (digests.story_sites counts sites, not feeds); the full story view («📖») names every other
site on one line («ينقله أيضًا: بي بي سي، سكاي نيوز عربية، CNN»), not only the STORY_SLOTS of them
its "story" links show. A plain digest (no `SitedDigest`: a test, a path that did not ask
digests.live_links.live_related) shows neither.
"""

from __future__ import annotations

from bot.i18n import num, t
from digests.models import Digest

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
    return t("story_sites_others", lang, names=("، " if lang != "en" else ", ").join(shown))
