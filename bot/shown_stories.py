"""Which of a chat's due stories a bundle shows, and in what order (pure).

bot.sender groups a chat's due outbox rows into one bundle and asks `choose_shown` for the rows
whose stories it shows (at most MAX_BUNDLE: an admin's pushes first, then the best — most
sources, then newest — with each followed topic's fair share, `topic_share`, before the general
digest's, which keeps GENERAL_ROOM places when the chat follows it too) and the rows it only
counts in its last line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.bundles import bundle_kind
from digests import outbox_states

# Stories shown in one bundle, daily or instant (QA16 F4). A chat with more due at once gets the
# best MAX_BUNDLE (most sources, then newest: how /digest ranks) and a last line «و٣٨ خبرًا
# آخر — في الزر أدناه» with a button that sends them; the rest are marked sent with that
# bundle, never sent as further headed bundles. Ten stories of a digest are 2–3 messages (about
# 1,300 UTF-16 units a story with its quotes and related links), a few minutes of reading;
# /digest shows 8 on demand.
MAX_BUNDLE = 10
# In a ranked bundle, each followed topic's best stories go before the general digest's: all of
# them for a chat with one topic, an even share (at least this many) when several share the room.
PER_TOPIC = 3
# When the chat follows the general digest too, it keeps this many places of a ranked bundle (at
# most half the room; fewer when it has fewer stories): QA19 N7, a busy Ghouta day filled a
# daily digest with 10 Ghouta stories and 1 of the general digest. The topics take the rest (6).
GENERAL_ROOM = 4


def choose_shown(rows: Sequence[outbox_states.DueRow], weights: dict[int, tuple[int, str]],
                 limit: int = MAX_BUNDLE, topics: Mapping[int, str] | None = None,
                 general: bool = False
                 ) -> tuple[list[outbox_states.DueRow], list[outbox_states.DueRow]]:
    """One chat's due rows → (the rows whose stories the bundle shows, the rows it only counts).

    An admin's push rows come first, as queued (the admin chose them). A daily digest shows
    the day's best stories, best first: most sources, then the newest report (`weights`,
    digests.bundle_facts.story_weights; the row queued last among equals), the order /digest ranks
    in — except that the stories of the chat's followed topics come before the general
    digest's (`topics`: article → the topic it answers, bot.origins.row_topics; QA18 R6: a
    Ghouta follower's digests showed 0 of 13 Ghouta stories, single-source, under the general
    digest's many-source ones). Several topics share the room: each gets its best
    `topic_share` stories first (a topic with fewer leaves its room to the others), grouped by
    topic, the topic of the best story first; the rest follow in rank order. A chat that
    follows the general digest too (`general`) keeps GENERAL_ROOM places for the general
    digest's best (QA19 N7): the topics take the others, their fair shares within them, and
    the general digest's stories go before the topics' leftovers. An instant
    bundle of at most `limit` stories puts its best-covered stories first (most sources) and
    keeps the order they came in among equals; a bigger one (a big poll) is ranked like a daily
    digest. At most `limit` are shown.
    """
    pushes = [r for r in rows if r.kind.startswith("push:")]
    others = [r for r in rows if not r.kind.startswith("push:")]
    daily = bundle_kind(r.kind for r in rows).startswith("daily:")
    if daily or len(rows) > limit:
        others.sort(key=lambda r: (weights.get(r.story_id, (0, ""))[0],
                                   weights.get(r.story_id, (0, ""))[1], r.queued),
                    reverse=True)
        if topics:
            others = _topics_first(others, topics, max(0, limit - len(pushes)), general)
    else:
        # an instant bundle: the best-covered story first (most sites: QA34 R3, a 5-site story
        # came 4th), the order they came in among equals (a stable sort)
        others.sort(key=lambda r: -weights.get(r.story_id, (0, ""))[0])
    ordered = pushes + others
    return ordered[:limit], ordered[limit:]


def topic_share(topics: int, room: int) -> int:
    """How many of a topic's stories go before the rest when `topics` topics share `room`
    places: all of them for one topic; else an even split, at least PER_TOPIC."""
    return room if topics <= 1 else max(PER_TOPIC, room // topics)


def _topics_first(ranked: list[outbox_states.DueRow], topics: Mapping[int, str], room: int,
                  general: bool = False) -> list[outbox_states.DueRow]:
    """`ranked` (best first) with each topic's best stories first (see `choose_shown`)."""
    groups: dict[str, list[outbox_states.DueRow]] = {}
    rest: list[outbox_states.DueRow] = []
    for r in ranked:
        topic = topics.get(r.article_id) if r.article_id is not None else None
        if topic is not None:
            groups.setdefault(topic, []).append(r)
        else:
            rest.append(r)
    if not groups:
        return ranked
    if general:  # the general digest's floor, taken from the topics' room
        room -= min(GENERAL_ROOM, room // 2, len(rest))
    share = topic_share(len(groups), room)
    picked: dict[str, list[outbox_states.DueRow]] = {t: [] for t in groups}
    taken = 0
    for depth in range(share):  # round by round: when room runs out, every topic had its turn
        for topic, members in groups.items():
            if taken < room and depth < len(members):
                picked[topic].append(members[depth])
                taken += 1
    first = [r for members in picked.values() for r in members]
    chosen = {r.key for r in first}
    if general:  # the general digest's best, then the topics' leftovers
        chosen |= {r.key for r in rest}
        return first + rest + [r for r in ranked if r.key not in chosen]
    return first + [r for r in ranked if r.key not in chosen]
