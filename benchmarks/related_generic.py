"""Archive links carried by generic words (QA80-16…-21): three candidate rules, off and on.

Not shipped; measured only (session 28, brief R29). Every article of an ingested archive (or
`--sample N`, seed `--seed`) gets its related links as the digest step makes them
(benchmarks/related_order.links: archive search, the story's other reports, merge_related)
with the rules named by `--rules` off and on, patched over digests.signatures:

- `name`: STRONG_SHARED shared keys no longer vouch for a subject alone: one of them must be
  written like a name (`_specificity` ≥ 1). «خارج نار اطلاق امريكيه حادث اقل» between two
  shootings (QA80-16) is no subject;
- `uncommon`: the same, except when a shared key both bodies hold is seen at most UNCOMMON
  times in the reference table («عجز», «موازنه», «ليره», «فائده»: a subject of common words;
  «اطلاق نار خارج حادث» are everyday words);
- `nisba`: a nisba adjective is no name: a key ending in «ي» whose noun is a commoner key
  («اسبانيا», «عالم», «سعوديه» for «اسباني», «عالمي», «سعودي») is written with «ال» because it
  follows a definite noun («الدوري الإسباني»), not because it is a name (QA80-18);
- `phrase`: «كأس» and the key after it in the candidate's headline («كأس العالم», «كأس الاتحاد»)
  are one name point, not two: fewer than STRONG_SHARED shared keys then need another name;
- `cup`: «كأس» is a construct's head like «مقر» (signatures._NOT_NAMES): always bare because a
  name follows, so «كأس العالم» is one name at most (QA80-21).

Printed: digests that change, links in and out, and `--read N` changed digests with the links
that went and came. Articles of benchmarks/gold/quotes*.jsonl are never drawn. Read-only.

    nice -n 10 .venv/bin/python benchmarks/related_generic.py --db PATH [--rules name nisba cup]
        [--sample 0] [--read 20] [--seed 80] [--ids 301 2653]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from digests import related, related_cache, signatures  # noqa: E402
from digests.arabic import analyze, key_frequency  # noqa: E402
from digests.records import ARTICLE_SELECT, article_from_row  # noqa: E402
from reading_sample import gold_ids  # noqa: E402
from related_order import links, print_change  # noqa: E402

RULES = ("name", "uncommon", "nisba", "cup", "phrase")
UNCOMMON = 300  # `uncommon`: a key seen at most this often is no everyday word («عجز», «ليره»)
NISBA_NOUN = 100  # the noun of a nisba adjective is a key seen this often at least
_ORIG_SPEC = signatures._specificity
_ORIG_NOT_NAMES = signatures._NOT_NAMES
_ORIG_SAME = signatures.about_the_same
_ORIG_CANDIDATE = related.candidate
_HEADS = frozenset(analyze("كأس"))
_seen_title: list[list[str]] = [[]]  # the headline keys of the candidate being judged


def _candidate(article_id: int, title_keys: str, body_keys: str) -> related_cache.Analysis:
    _seen_title[0] = title_keys.split()
    return _ORIG_CANDIDATE(article_id, title_keys, body_keys)


related.candidate = _candidate


def phrase_points(shared: set[str], my_body: Mapping[str, int],
                  their_body: Mapping[str, int]) -> int:
    """The name points of `shared` (as in about_the_same) with a construct head and the key
    after it in the candidate's headline counted once."""
    def pts(k: str) -> int:
        held = bool(my_body.get(k, 0) or their_body.get(k, 0))
        return signatures._specificity(k, held)
    total = sum(max(pts(k) for k in w) for w in signatures._families(shared))
    title = _seen_title[0]
    for i, k in enumerate(title[:-1]):
        nxt = title[i + 1]
        if k in _HEADS and k in shared and nxt in shared and pts(k) and pts(nxt):
            total -= 1
    return total


def nisba(k: str) -> bool:
    """«اسباني» of «اسبانيا», «عالمي» of «عالم», «سعودي» of «سعوديه» (the feminine, the country,
    commoner than the adjective; «حوثيه» is rarer than «حوثي»: a name stays one)."""
    if len(k) < 4 or not k.endswith("ي"):
        return False
    stem = k[:-1]
    if key_frequency(stem) >= NISBA_NOUN or key_frequency(stem + "يا") >= NISBA_NOUN:
        return True
    return key_frequency(k + "ه") >= max(NISBA_NOUN, key_frequency(k))


def set_rules(on: set[str]) -> None:
    """Switch the named rules on, the others off (the analysis cache is cleared: it holds no
    rule's answer, only signatures, but a clean start keeps the two runs alike)."""
    signatures._NOT_NAMES = (_ORIG_NOT_NAMES | frozenset(analyze("كأس"))) if "cup" in on \
        else _ORIG_NOT_NAMES

    def spec(k: str, held: bool = True) -> int:
        if "nisba" in on and nisba(k):
            return 0
        return _ORIG_SPEC(k, held)
    signatures._specificity = spec

    def same(mine: Mapping[str, float], my_body: Mapping[str, int],
             theirs: Mapping[str, float], their_body: Mapping[str, int]) -> set[str]:
        shared = _ORIG_SAME(mine, my_body, theirs, their_body)
        if "name" in on and len(shared) >= signatures.STRONG_SHARED \
                and min(len(mine), len(theirs)) >= signatures.SIGNATURE_KEYS // 2 \
                and not any(spec(k) for k in shared - signatures._MONTHS):
            return set()
        if "phrase" in on and shared and len(shared) < signatures.STRONG_SHARED \
                and min(len(mine), len(theirs)) >= signatures.SIGNATURE_KEYS // 2 \
                and phrase_points(shared, my_body, their_body) < 2:
            return set()
        if "uncommon" in on and len(shared) >= signatures.STRONG_SHARED \
                and min(len(mine), len(theirs)) >= signatures.SIGNATURE_KEYS // 2 \
                and not any(spec(k) for k in shared - signatures._MONTHS) \
                and not any(key_frequency(k) <= UNCOMMON and my_body.get(k, 0)
                            and their_body.get(k, 0) for k in shared):
            return set()
        return shared
    related.about_the_same = same
    related_cache.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rules", nargs="+", default=list(RULES), choices=RULES)
    parser.add_argument("--sample", type=int, default=0, help="articles drawn (0: all)")
    parser.add_argument("--ids", type=int, nargs="*", default=[], help="only these articles")
    parser.add_argument("--seed", type=int, default=80)
    parser.add_argument("--read", type=int, default=0)
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    db = sqlite_utils.Database(conn)
    blind = gold_ids()
    ids = [i for i, url in conn.execute("select id, url from articles order by id")
           if url.rsplit("/", 1)[-1].removesuffix(".html") not in blind]
    if args.ids:
        ids = [i for i in ids if i in set(args.ids)]
    elif args.sample:
        ids = sorted(random.Random(args.seed).sample(ids, min(args.sample, len(ids))))
    started = time.perf_counter()
    changed = []
    before_n = after_n = came = went = 0
    for article_id in ids:
        article = article_from_row(next(db.query(ARTICLE_SELECT + " where articles.id = ?",
                                                 [article_id])))
        set_rules(set())
        old = links(db, article)
        set_rules(set(args.rules))
        new = links(db, article)
        before_n += len(old)
        after_n += len(new)
        old_urls, new_urls = {r.url for r in old}, {r.url for r in new}
        if old_urls != new_urls:
            changed.append((article, old, new))
            came += len(new_urls - old_urls)
            went += len(old_urls - new_urls)
    emptied = sum(1 for _a, o, n in changed if o and not n)
    print(f"rules {' '.join(args.rules)}; articles {len(ids)}; links before {before_n}, after"
          f" {after_n}; digests changed {len(changed)} ({emptied} left with none);"
          f" links in {came}, out {went}; {time.perf_counter() - started:.0f} s")
    shown = changed if args.ids else random.Random(args.seed).sample(
        changed, min(args.read, len(changed)))
    for article, old, new in shown:
        print(f"\n=== [{article.id}] {article.published_at:%Y-%m-%d} st={article.story_id}"
              f"  {article.title}")
        print_change(conn, old, new)


if __name__ == "__main__":
    main()
