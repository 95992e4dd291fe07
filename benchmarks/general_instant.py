"""What a reader of the instant general digest gets a day: messages and stories a message, the
stories sent as they come (before) against the general hold (QA79-16, digests.general_hold).

    .venv/bin/python benchmarks/general_instant.py [--db /tmp/ranked.db] [--hold 120]
        [--urgent 3] [--batch 5]

A replay on the corpus's story assignment (`--db`: a database the story step filled, e.g. a
copy of benchmarks/out/ranked.db; built here into that path by benchmarks/stories.py's
`assign_corpus` when missing, ~12 min on one core). The reader follows only the general
digest, instant, without quiet hours. Each article arrives at its publication time; a story is
queued to the reader when its second site reports it (digests.new_deliveries.
GENERAL_MIN_SOURCES), and a held story is due again when its third does (general_hold.wake).
The sender is the planner's rules as events: at most one message per INSTANT_GAP (5 min; what
comes within it waits and goes together), and, after, `general_hold.release` over what waits
(the shipped rule, its settings from the flags): what goes, goes with everything waiting.

Printed for both: messages, messages a day (mean, median, the busiest day; days in Riyadh's
time), stories a message (mean, and the share of messages of one story), how long a story
waited from queued to sent (median, p90, max) and stories queued = stories sent (nothing is
dropped). Deterministic.
"""

from __future__ import annotations

import argparse
import heapq
import sqlite3
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bot.delivery_plan import INSTANT_GAP  # noqa: E402
from digests import general_hold  # noqa: E402
from digests.new_deliveries import GENERAL_MIN_SOURCES  # noqa: E402

RIYADH = timezone(timedelta(hours=3))


@dataclass(frozen=True)
class Sent:
    """One message: when, and the (story, queued at) it carried."""

    at: datetime
    stories: tuple[tuple[int, datetime], ...]


def reports(path: Path) -> list[tuple[datetime, int, str]]:
    """(published, story, site) of every article with a story, in publication order."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = con.execute("select a.published_at, a.story_id, s.name from articles a join sources s"
                       " on s.id = a.source_id where a.story_id is not null").fetchall()
    con.close()
    return sorted((datetime.fromisoformat(p), int(st), str(n)) for p, st, n in rows)


def replay(events: Sequence[tuple[datetime, int, str]], *, hold: timedelta, urgent: int,
           batch: int, gap: timedelta = INSTANT_GAP) -> tuple[list[Sent], int]:
    """The messages one general-only instant reader is sent (hold 0: before), and how many
    stories were queued."""
    sites: dict[int, set[str]] = {}
    pending: dict[int, general_hold.Waiting] = {}  # story → its row
    checks: list[datetime] = []
    sent: list[Sent] = []
    last: datetime | None = None
    queued = 0
    i = 0
    while i < len(events) or checks:
        t = events[i][0] if i < len(events) else None
        if checks and (t is None or checks[0] <= t):
            t = heapq.heappop(checks)
        else:
            assert t is not None
            _t, story, site = events[i]
            i += 1
            had = len(sites.setdefault(story, set()))
            sites[story].add(site)
            n = len(sites[story])
            if n == GENERAL_MIN_SOURCES and had < n:  # queued once: sites only grow
                pending[story] = general_hold.Waiting(story, story, "instant", t, None)
                queued += 1
            elif n >= urgent and story in pending:  # general_hold.wake
                w = pending[story]
                pending[story] = general_hold.Waiting(w.id, w.story_id, w.kind, w.created, None)
        due = [w for w in pending.values() if w.not_before is None or w.not_before <= t]
        if not due:
            continue
        if last is not None and t - last < gap:
            when = last + gap
            _postpone(pending, due, when)
            heapq.heappush(checks, when)
            continue
        if hold > timedelta(0):
            counts = {s: len(v) for s, v in sites.items() if s in pending}
            when = general_hold.release(list(pending.values()), counts, t, hold=hold,
                                        urgent=urgent, batch=batch)
            if when > t:
                _postpone(pending, list(pending.values()), when)
                heapq.heappush(checks, when)
                continue
        sent.append(Sent(t, tuple((w.story_id, w.created) for w in pending.values())))
        pending.clear()
        last = t
    return sent, queued


def _postpone(pending: dict[int, general_hold.Waiting], rows: Sequence[general_hold.Waiting],
              when: datetime) -> None:
    for w in rows:
        pending[w.story_id] = general_hold.Waiting(w.id, w.story_id, w.kind, w.created, when)


def describe(name: str, sent: list[Sent], queued: int,
             events: Sequence[tuple[datetime, int, str]]) -> None:
    days = Counter(m.at.astimezone(RIYADH).date() for m in sent)
    first, end = (events[0][0].astimezone(RIYADH).date(), events[-1][0].astimezone(RIYADH).date())
    span = (end - first).days + 1  # the corpus's days, a day without a message counted
    per_day = [days.get(first + timedelta(days=d), 0) for d in range(span)]
    sizes = [len(m.stories) for m in sent]
    waits = sorted((m.at - q).total_seconds() / 60 for m in sent for _s, q in m.stories)
    delivered = sum(sizes)
    print(f"{name}: {len(sent)} messages over {span} days — {len(sent) / span:.1f} a day "
          f"(median {statistics.median(per_day):.0f}, busiest {max(per_day)}); "
          f"{statistics.mean(sizes):.2f} stories a message, "
          f"{sum(s == 1 for s in sizes) / len(sizes):.0%} of one story; wait min median "
          f"{statistics.median(waits):.0f}, p90 {waits[int(0.9 * (len(waits) - 1))]:.0f}, "
          f"max {waits[-1]:.0f}; stories queued {queued}, sent {delivered}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks" / "out" / "ranked.db")
    parser.add_argument("--hold", type=int, default=int(general_hold.GENERAL_HOLD.total_seconds()
                                                         // 60), help="minutes")
    parser.add_argument("--urgent", type=int, default=general_hold.URGENT_SITES)
    parser.add_argument("--batch", type=int, default=general_hold.GENERAL_BATCH)
    args = parser.parse_args(argv)
    if not args.db.exists():
        import stories  # the corpus through the real story step (benchmarks/stories.py)

        args.db.parent.mkdir(parents=True, exist_ok=True)
        stories.assign_corpus(stories.load(stories.CORPUS), args.db, stories.SETTINGS)
    events = reports(args.db)
    sent, queued = replay(events, hold=timedelta(0), urgent=args.urgent, batch=args.batch)
    describe("before (as they come, 5-min gap)", sent, queued, events)
    sent, queued = replay(events, hold=timedelta(minutes=args.hold), urgent=args.urgent,
                          batch=args.batch)
    describe(f"after (hold {args.hold} min, {args.urgent}+ sites at once, batch {args.batch})",
             sent, queued, events)
    sites: dict[int, set[str]] = {}
    for _t, story, site in events:
        sites.setdefault(story, set()).add(site)
    stories_sites = Counter(len(v) for v in sites.values())
    print("stories by sites:", dict(sorted(stories_sites.items())))


if __name__ == "__main__":
    main()
