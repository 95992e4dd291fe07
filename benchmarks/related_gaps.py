"""Where digests get no related link, and why (QA25 E11: «no related links where the archive is
rich»): every article of an ingested archive is asked for its archive links
(digests.related.related_articles) and its "story" links (another source's earlier report of its
story); the ones with none are counted by the step that left them out:

- no salient terms: the headline has no content word;
- no earlier candidate: no earlier article holds two of the headline's salient terms;
- candidates by body only: earlier articles hold them, none in its title;
- refused as another subject: candidates fail `about_the_same` (a shared country or common word);
- its own story or a repeat: every candidate of the same subject is a report of its own story
  that the digest lists already, or repeats its headline.

`--read N` prints N of the refused (seed `--seed`) with their best candidate's headline and the
keys the two share, to be read and judged; articles of every benchmarks/gold/quotes*.jsonl are
never drawn (the blind sets stay unread: benchmarks/reading_sample.gold_ids). Titles are printed,
never stored. The archive is opened read-only.

    .venv/bin/python benchmarks/related_gaps.py --db PATH [--read 12] [--seed 39]

PATH: a database the corpus was ingested into (e.g. served as five sites like benchmarks/ingest.py,
then `run.py ingest --once`), so story ids are set.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from digests.arabic import analyze
from digests.models import Article, iso
from digests.records import ARTICLE_SELECT, article_from_row
from digests.related import candidate_rows, related_articles, salient_terms
from digests.signatures import about_the_same, content_counts, signature
from digests.sqlite_uri import read_only_uri
from reading_sample import gold_ids  # noqa: E402 - benchmarks/ is not a package

STEPS = ("no salient terms", "no earlier candidate", "candidates by body only",
         "refused as another subject", "its own story or a repeat")


def has_story_link(db: sqlite_utils.Database, article: Article) -> bool:
    """Another source's report of the article's story published before it (a "story" link of
    the digest made at ingest)."""
    if article.story_id is None or article.published_at is None:
        return False
    return db.execute("select 1 from articles where story_id = ? and source_id != ? and id != ?"
                      " and published_at < ? limit 1",
                      [article.story_id, article.source_id, article.id,
                       iso(article.published_at)]).fetchone() is not None


def why_none(db: sqlite_utils.Database, article: Article) -> tuple[str, tuple[str, list[str]]]:
    """The step that left `article` without an archive link, and (for a refusal) the best
    candidate's headline with the signature keys the two share."""
    title_keys = analyze(article.title)
    my_body = content_counts(analyze(article.text))
    salient = salient_terms(title_keys, my_body)
    if not salient:
        return STEPS[0], ("", [])
    rows = candidate_rows(db, article, salient, article.published_at)
    if not rows:
        return STEPS[1], ("", [])
    in_title = [r for r in rows if set(r[1].split()) & set(salient)]
    if not in_title:
        return STEPS[2], ("", [])
    mine = signature(title_keys, my_body)
    best: tuple[str, list[str]] = ("", [])
    for _id, c_title, c_body, _published, title, _story in in_title:
        body = content_counts(c_body.split())
        theirs = signature(c_title.split(), body)
        if about_the_same(mine, my_body, theirs, body):
            return STEPS[4], ("", [])
        shared = sorted(set(mine) & set(theirs))
        if len(shared) > len(best[1]):
            best = (title, shared)
    return STEPS[3], best


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--read", type=int, default=0)
    parser.add_argument("--seed", type=int, default=39)
    args = parser.parse_args(list(argv) if argv is not None else None)
    db = sqlite_utils.Database(sqlite3.connect(read_only_uri(args.db), uri=True))
    articles = [article_from_row(r) for r in db.query(ARTICLE_SELECT + " order by articles.id")]
    skip = gold_ids()
    steps: Counter[str] = Counter()
    refused: list[tuple[Article, tuple[str, list[str]]]] = []
    linked = 0
    times: list[float] = []
    for article in articles:
        started = time.perf_counter()
        archive = related_articles(db, article, limit=5, before=article.published_at)
        times.append(time.perf_counter() - started)
        if archive or has_story_link(db, article):
            linked += 1
            continue
        step, best = why_none(db, article)
        steps[step] += 1
        if step == STEPS[3] and article.url.rsplit("/", 1)[-1].removesuffix(".html") not in skip:
            refused.append((article, best))
    times.sort()
    print(f"articles {len(articles)}: with a related link {linked}, none {len(articles) - linked}"
          f" (related_articles median {times[len(times) // 2] * 1000:.1f} ms)")
    for step in STEPS:
        print(f"  {steps[step]:5d}  {step}")
    for article, (title, shared) in random.Random(args.seed).sample(
            refused, min(args.read, len(refused))):
        print(f"{article.id}: {article.title}\n    best refused: {title} | shared: {' '.join(shared)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
