"""A digest's related links with and without session 24's choice rules (QA64-8, -9, -11; X98).

Every article of an ingested archive (or `--sample N`, seed `--seed`) gets its related links
as the digest step makes them (digests.digest: the archive search, the story's other reports,
merge_related) twice: with the rules named by `--rules` off and on —

- `own`: the site's own earlier report of the article's story (within OWN_SITE_DAYS) is one
  archive link, chosen first (digests.related.OWN_SITE_FIRST, QA64-8);
- `tier`: archive candidates whose headline holds TITLE_TIER of the article's salient terms
  are chosen before the rest (digests.related.TITLE_TIER, QA64-9);
- `copy`: a story report repeating the article's headline goes after the story's other
  reports (digests.story_picks.COPY_LAST, QA64-11).

Printed: digests whose links change, links in and out, and `--read N` changed digests (seed
`--seed`) with the links that went and came (source, date, story) to be read and judged
right or wrong. Articles of every benchmarks/gold/quotes*.jsonl are never drawn
(benchmarks/reading_sample.gold_ids: their ids only, nothing printed). The database is opened
read-only.

    nice .venv/bin/python benchmarks/related_order.py --db PATH [--rules own tier copy]
        [--sample 0] [--read 20] [--seed 98]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from digests import related, story_picks  # noqa: E402
from digests.digest import _item, _story_siblings, archive_for, merge_related  # noqa: E402
from digests.models import Article, RelatedItem  # noqa: E402
from digests.records import ARTICLE_SELECT, article_from_row  # noqa: E402
from reading_sample import gold_ids  # noqa: E402

RULES = ("own", "tier", "copy")


def set_rules(on: set[str], tier: int) -> None:
    """Switch the named rules on, the others off."""
    related.OWN_SITE_FIRST = "own" in on
    related.TITLE_TIER = tier if "tier" in on else 0
    story_picks.COPY_LAST = "copy" in on


def links(db: sqlite_utils.Database, article: Article) -> tuple[RelatedItem, ...]:
    """The article's related links as the digest step makes them (page block, archive, story)."""
    page = (RelatedItem(r.title, r.url, r.published_at, "page") for r in article.related)
    archive = [a for a in archive_for(db, article) if a.id != article.id]
    story = [_item(a, "story") for a in _story_siblings(db, article)]
    return merge_related(article.url, page, (_item(a, "archive") for a in archive), story,
                         at=article.published_at, title=article.title)


def describe(conn: sqlite3.Connection, item: RelatedItem) -> str:
    """A link as read: kind, date, source, story, headline."""
    row = conn.execute("select s.name, a.story_id from articles a join sources s on"
                       " s.id = a.source_id where a.url = ?", [item.url]).fetchone()
    src, story = (row[0], row[1]) if row else ("?", "?")
    when = item.published_at.isoformat()[:16] if item.published_at else "-"
    return f"{item.kind:7} {when} {src:12} st={story}  {item.title}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rules", nargs="+", default=list(RULES), choices=RULES)
    parser.add_argument("--tier", type=int, default=3, help="TITLE_TIER when `tier` is on")
    parser.add_argument("--sample", type=int, default=0, help="articles drawn (0: all)")
    parser.add_argument("--seed", type=int, default=98)
    parser.add_argument("--read", type=int, default=0)
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    db = sqlite_utils.Database(conn)
    blind = gold_ids()
    ids = [i for i, url in conn.execute("select id, url from articles order by id")
           if url.rsplit("/", 1)[-1].removesuffix(".html") not in blind]
    if args.sample:
        ids = sorted(random.Random(args.seed).sample(ids, min(args.sample, len(ids))))
    started = time.perf_counter()
    changed: list[tuple[Article, tuple[RelatedItem, ...], tuple[RelatedItem, ...]]] = []
    before_n = after_n = came = went = 0
    for article_id in ids:
        article = article_from_row(next(db.query(ARTICLE_SELECT + " where articles.id = ?",
                                                 [article_id])))
        set_rules(set(), args.tier)
        old = links(db, article)
        set_rules(set(args.rules), args.tier)
        new = links(db, article)
        before_n += len(old)
        after_n += len(new)
        old_urls, new_urls = {r.url for r in old}, {r.url for r in new}
        if old_urls != new_urls or [r.url for r in old] != [r.url for r in new]:
            changed.append((article, old, new))
            came += len(new_urls - old_urls)
            went += len(old_urls - new_urls)
    reordered = sum(1 for _a, o, n in changed if {r.url for r in o} == {r.url for r in n})
    print(f"rules {' '.join(args.rules)} (tier {args.tier}); articles {len(ids)};"
          f" links before {before_n}, after {after_n}; digests changed {len(changed)}"
          f" ({reordered} only reordered); links in {came}, out {went};"
          f" {time.perf_counter() - started:.0f} s")
    picked = [c for c in changed if {r.url for r in c[1]} != {r.url for r in c[2]}]
    for article, old, new in random.Random(args.seed).sample(picked, min(args.read, len(picked))):
        row = conn.execute("select s.name from sources s where s.id = ?",
                           [article.source_id]).fetchone()
        print(f"\n=== [{article.id}] {row[0] if row else '?'} {article.published_at:%Y-%m-%d %H:%M}"
              f" st={article.story_id}  {article.title}")
        print_change(conn, old, new)


def print_change(conn: sqlite3.Connection, old: Sequence[RelatedItem],
                 new: Sequence[RelatedItem]) -> None:
    """One digest's related links before and after: those gone, those come, those kept."""
    new_urls, old_urls = {r.url for r in new}, {r.url for r in old}
    for item in old:
        if item.url not in new_urls:
            print("   - out", describe(conn, item))
    for item in new:
        if item.url not in old_urls:
            print("   + in ", describe(conn, item))
    for item in new:
        if item.url in old_urls:
            print("     kept", describe(conn, item))


if __name__ == "__main__":
    main()
