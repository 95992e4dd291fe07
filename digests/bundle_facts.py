"""What the sender asks about a chat's due rows before it bundles them.

How much each due story weighs (`story_weights`: the order /digest ranks stories in) and
whether the chat follows the general digest (`follows_general`: a digest crowded by a followed
topic keeps it room). Read-only SQL, no Telegram.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from digests.live_reports import GONE
from digests.story_sites import story_sites


def follows_general(sql: sqlite_utils.Database, chat_id: int) -> bool:
    """Whether the chat follows the general digest (topic '') — the sender keeps it room in a
    digest crowded by a followed topic (QA19 N7)."""
    return sql.execute("select 1 from subscriptions where chat_id = ? and topic = ''",
                       [chat_id]).fetchone() is not None


def story_weights(db: sqlite_utils.Database, rows: Iterable[tuple[int, int | None]]
                  ) -> dict[int, tuple[int, str]]:
    """(story, article) pairs of due rows → story: (sources reporting it, its newest report's
    time as ISO text), the order /digest ranks stories in (bot.stories.latest_digests: most
    sources, then newest). Reports whose page is gone do not count; a story without a row of
    its own (a negative id: an article with no story) is its article alone."""
    rows = list(rows)
    # every story's sites in one query (digests.story_sites), not one per story
    sites = story_sites(db, (s for s, a in rows if s >= 0 and a is not None))
    out: dict[int, tuple[int, str]] = {}
    for story, article in rows:
        if story < 0 or article is None:
            found = db.execute("select 1, coalesce(published_at, fetched_at, '') from articles"
                               " where id = ?", [article if article is not None else -story]
                               ).fetchone()
        else:
            # sources are sites, not feeds (QA34 R5, digests.story_sites)
            newest = db.execute(
                "select max(coalesce(published_at, fetched_at, '')) from articles"
                " where story_id = ? and page_status != ?", [story, GONE]).fetchone()
            found = (len(sites.get(story, [])), newest[0] if newest else "")
        out[story] = (int(found[0] or 0), str(found[1] or "")) if found else (0, "")
    return out
