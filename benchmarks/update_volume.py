"""How many same-day «🔄 تحديث» a story-follower gets, headline rule vs headline + lead (X114,
QA71-2).

    .venv/bin/python benchmarks/update_volume.py [--db benchmarks/out/ranked.db] [--show 15]

digests.story_updates sends a same-story report sooner than UPDATE_AFTER (18 h) only when it
gives an outcome the chat's headlines did not (digests.story_outcomes.new_outcome). QA71-2: a
toll given only in the lead («… ارتفاع حصيلة القتلى إلى 28 مدنياً») under a headline in words
reached nobody. The lead rule (digests.story_figures.new_lead_figure: a toll higher than any the
chat's headlines and leads gave of its kind) must not turn every retelling into an update.

Replay on a stored story assignment (read only; `benchmarks/out/ranked.db`, written by
benchmarks/stories.py): a reader who follows every story is sent each story's first report,
then each later report in publication order is, as queue_updates decides at its publication
time: a next-day update (18 h after the report the chat last had), a same-day update (new
outcome), or nothing; at most one update per story per local day (UTC+3, the kind
'update:<date>'). Printed: the stories with two reports or more, the reports after a first,
the next-day and same-day updates under each rule, and the reports only the lead rule sends
(`--show` of them: id, headline, the lead's tolls) to read whether they are news. Deterministic.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests.story_fronts import new_places  # noqa: E402
from digests.story_figures import lead_sentence, tolls  # noqa: E402
from digests.story_sites import site_of  # noqa: E402
from digests.story_outcomes import may_give_outcome, new_outcome  # noqa: E402

RANKED = ROOT / "benchmarks" / "out" / "ranked.db"
UPDATE_AFTER = timedelta(hours=18)
LOCAL = timezone(timedelta(hours=3))


def replay(reports: list[tuple[str, str, datetime, str]], with_lead: bool,
           fronts: str | None = None) -> tuple[int, int, list[int]]:
    """(next-day updates, same-day updates, indexes of the same-day ones) of one story's
    reports (title, body, published, site), sorted by time, for a chat sent the first. With
    `fronts` ("one-site" or "any") a report naming a place the chat's headlines did not
    (digests.story_fronts, X126) is a same-day update too ("one-site": when every report of
    the story so far is one site's)."""
    sent_heads, sent_leads = [reports[0][0]], [lead_sentence(reports[0][1])]
    shown = reports[0][2]
    days: set[object] = set()  # the first came as 'instant': a same-day update may follow it
    next_day, same_day, which = 0, 0, []
    for i, (title, body, published, _site) in enumerate(reports[1:], 1):
        if published <= shown:
            continue
        day = published.astimezone(LOCAL).date()
        lead = lead_sentence(body) if with_lead else ""
        if published - shown >= UPDATE_AFTER:
            later = True
        elif may_give_outcome(title, lead) and new_outcome(
                sent_heads, title, lead=lead, sent_leads=sent_leads if with_lead else ()):
            later = False
        elif fronts and new_places(title, sent_heads) and (
                fronts == "any" or len({r[3] for r in reports[:i + 1]}) == 1):
            later = False
        else:
            continue
        if day in days:  # one update a day per story (its kind holds the date)
            continue
        days.add(day)
        sent_heads.append(title)
        sent_leads.append(lead_sentence(body))
        shown = published
        if later:
            next_day += 1
        else:
            same_day += 1
            which.append(i)
    return next_day, same_day, which


def main(argv: Sequence[str] | None = None) -> dict[str, int]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, default=RANKED)
    parser.add_argument("--show", type=int, default=15)
    args = parser.parse_args(argv)
    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = con.execute(
        "select story_id, id, coalesce(nullif(headline, ''), title), coalesce(nullif(body, ''),"
        " summary, ''), coalesce(published_at, fetched_at), url, source_id from articles"
        " where story_id is not null order by story_id, coalesce(published_at, fetched_at), id"
    ).fetchall()
    con.close()
    stories: dict[int, list[tuple[int, str, str, datetime, str]]] = {}
    for story, aid, title, body, when, url, source in rows:
        stories.setdefault(int(story), []).append(
            (int(aid), str(title or ""), str(body or ""),
             datetime.fromisoformat(str(when)).astimezone(timezone.utc),
             site_of(str(url or ""), source)))
    times = [r[3] for reports in stories.values() for r in reports]
    span = max(1.0, (max(times) - min(times)).total_seconds() / 86400) if times else 1.0
    out = {"stories": 0, "later_reports": 0, "next_day": 0, "same_day_before": 0,
           "same_day_after": 0, "lead_only": 0, "fronts_one_site": 0, "fronts_any": 0}
    shown: list[str] = []
    gained: dict[str, list[str]] = {"one-site": [], "any": []}
    for story_id, reports in stories.items():
        if len(reports) < 2:
            continue
        reports.sort(key=lambda r: (r[3], r[0]))
        plain = [(t, b, w, site) for _a, t, b, w, site in reports]
        out["stories"] += 1
        out["later_reports"] += len(reports) - 1
        day_b, same_b, which_b = replay(plain, with_lead=False)
        day_a, same_a, which_a = replay(plain, with_lead=True)
        out["next_day"] += day_b
        out["same_day_before"] += same_b
        out["same_day_after"] += same_a
        extra = [i for i in which_a if i not in which_b]
        out["lead_only"] += len(extra)
        for i in extra:
            aid, title, body, _w, _s = reports[i]
            shown.append(f"  {aid}: {title[:70]} | lead tolls {tolls(lead_sentence(body))}"
                         f" | first: {reports[0][1][:50]}")
        for rule, key in (("one-site", "fronts_one_site"), ("any", "fronts_any")):
            day_f, same_f, which_f = replay(plain, with_lead=True, fronts=rule)
            out[key] += day_f + same_f - day_a - same_a
            if (day_f, which_f) != (day_a, which_a):
                sent = [0, *which_f]
                gained[rule].append(f"  story {story_id} ({reports[0][4]}): " + " -> ".join(
                    f"{reports[i][0]} {reports[i][3]:%d %b %H:%M} {reports[i][1][:60]}"
                    for i in sent))
    print(f"stories with 2+ reports: {out['stories']}, later reports: {out['later_reports']}")
    print(f"next-day updates (headline rule): {out['next_day']}")
    print(f"same-day updates: headline rule {out['same_day_before']}, headline + lead"
          f" {out['same_day_after']} (sent only with the lead: {out['lead_only']})")
    for line in shown[:args.show]:
        print(line)
    for rule, key in (("one-site", "fronts_one_site"), ("any", "fronts_any")):
        print(f"another front ({rule} stories, digests.story_fronts): {out[key]:+d} updates over"
              f" {span:.1f} days ({out[key] / span:+.2f} a day for a follower of every story);"
              f" stories changed: {len(gained[rule])}")
        for line in gained[rule][:args.show]:
            print(line)
    return out


if __name__ == "__main__":
    main()
