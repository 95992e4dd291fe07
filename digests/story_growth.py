"""Stories that grew after they were sent: more sources report them now than when they went out
(QA40 N9).

A story reaches a chat once; a later report of it is an update («🔄 تحديث», digests.story_updates)
only when it gives a result or a figure the chat's headlines did not, or UPDATE_AFTER (18 h)
after the delivery — the documented design that spares 5,000 readers a ping per source. So a
breaking story sent with two sources whose third report (the fullest) came minutes later is
not sent again, and until now nothing told the newsroom. `grown` lists the stories sent in a
recent window whose live reports now come from more sources than had been stored when the story
was first sent, with how many chats were then sent an update of it; /stats says so
(bot.stats_lines). Reads only, one query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from digests.live_reports import GONE
from digests.models import iso, parse_iso

WINDOW = timedelta(hours=24)  # stories first sent this far back are looked at


@dataclass(frozen=True)
class Grown:
    """A story sent with `sources_then` sources that `sources_now` report now."""

    story_id: int
    headline: str
    first_sent: datetime
    sources_then: int
    sources_now: int
    chats: int     # chats sent the story
    updated: int   # of them, chats sent an update of it since («🔄»)


def grown(db: sqlite_utils.Database, now: datetime, window: timedelta = WINDOW) -> list[Grown]:
    """The stories sent within `window` before `now` that more sources report now than when
    they were first sent in it, most grown first."""
    found = []
    for row in db.execute(
            """with sent as (
                   select story_id, min(sent_at) as first_sent, count(distinct chat_id) as chats,
                          count(distinct case when kind like 'update:%' then chat_id end)
                              as updated
                   from outbox_stories where status = 'sent' and story_id >= 0 and sent_at >= ?
                   group by story_id)
               select sent.story_id, coalesce(st.headline, ''), sent.first_sent, sent.chats,
                      sent.updated,
                      (select count(distinct a.source_id) from articles a
                        where a.story_id = sent.story_id and a.page_status != ?
                          and a.fetched_at <= sent.first_sent),
                      (select count(distinct a.source_id) from articles a
                        where a.story_id = sent.story_id and a.page_status != ?)
               from sent left join stories st on st.id = sent.story_id""",
            [iso(now - window), GONE, GONE]).fetchall():
        story, headline, first, chats, updated, then, current = row
        when = parse_iso(first)
        if when is None or not then or current <= then:
            continue
        found.append(Grown(int(story), str(headline), when, int(then), int(current), int(chats),
                           int(updated)))
    return sorted(found, key=lambda g: (g.sources_then - g.sources_now, -g.first_sent.timestamp()))
