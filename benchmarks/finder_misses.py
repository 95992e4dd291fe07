"""Every development gold quote the finder misses (brief F34): set, id, paragraph, gold kind and
speaker, a cause and the first words — the finder's recall gaps, key or not.

    .venv/bin/python benchmarks/finder_misses.py --corpus /work/notes/s19/corpus_dev.jsonl.gz
        [--sets holdout20,holdout19] [--summary]

A gold quote is missed when no candidate of `find_quotes` matches it under the scorer's rule
(digest_quality: normalized word overlap ≥ 0.5 of the shorter, one-to-one, best overlap first).
Its cause is key_losses' finder sub-cause (a filter that, switched off alone, lets a candidate
match; a candidate covering part of it; marks not paired; a cue the finder knows in the
sentence but no candidate; else no cue, with the three words before the quote), plus the best
overlap any candidate reaches («ov»). Lines carry ids and short spans only (the first eight
words of the gold quote). `--summary` prints only the count per cause. Only development sets are
read (digest_quality.DEVELOPMENT); a blind test set is never opened.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from digest_quality import (  # noqa: E402
    CORPUS,
    DEVELOPMENT,
    GOLD,
    gold_sets,
    overlap,
    read_corpus,
    to_article,
    words,
)
from key_losses import MATCH, _finder_cause, match_pairs  # noqa: E402
from digests.quotes import Candidate, find_quotes  # noqa: E402


def _shared_cause(q: dict[str, Any], gold: Sequence[dict[str, Any]], taken: dict[int, int],
                  cands: Sequence[Candidate]) -> str:
    """Why a gold quote some candidate matches by half is still unmatched: the one-to-one rule
    gave that candidate to another gold quote — one span holding two gold quotes (the finder
    did not split them), or two gold quotes of the same words (the annotator's repeat)."""
    gw = words(str(q["text"]))
    best = max(range(len(cands)), key=lambda i: overlap(words(cands[i].text), gw))
    other = next((j for j, i in taken.items() if i == best), None)
    if other is None:
        return "one-to-one: matched nothing (order)"
    ow = words(str(gold[other]["text"]))
    if overlap(ow, gw) >= MATCH:
        return "one-to-one: a repeat of another gold quote"
    return "one-to-one: one span holds two gold quotes"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sets", default="", help="comma-separated development sets (default all)")
    parser.add_argument("--summary", action="store_true", help="only the count per cause")
    args = parser.parse_args(argv)
    only = [s for s in args.sets.split(",") if s] or sorted(DEVELOPMENT)
    if any(s not in DEVELOPMENT for s in only):
        parser.error("only development sets are read")
    corpus = {row["id"]: row for row in read_corpus(args.corpus)}
    causes: Counter[str] = Counter()
    total = missed = 0
    for n, (set_name, g) in enumerate(gold_sets(GOLD, 20)):
        if set_name not in only or g["id"] not in corpus:
            continue
        article = to_article(n, corpus[g["id"]])
        cands = find_quotes(article.paragraphs)
        gold = g.get("quotes", [])
        taken = match_pairs([c.text for c in cands], gold)
        total += len(gold)
        for j, q in enumerate(gold):
            if j in taken:
                continue
            missed += 1
            gw = words(str(q["text"]))
            ov = max((overlap(words(c.text), gw) for c in cands), default=0.0)
            cause = (_shared_cause(q, gold, taken, cands) if ov >= MATCH
                     else _finder_cause(article.paragraphs, q, cands))
            group = cause.split(":")[0] if cause.startswith("no cue") else cause
            causes[group] += 1
            if args.summary:
                continue
            head = " ".join(str(q["text"]).split()[:8])
            print(f"{set_name}\t{g['id']}\tp{q.get('paragraph')}\t{q.get('kind')}"
                  f"{'*' if q.get('key') else ''}\t«{q.get('speaker', '')}»\tov {ov:.2f}\t"
                  f"{cause}\t{head}")
    print(f"missed {missed} of {total} gold quotes ({1 - missed / max(total, 1):.3f} found)")
    for cause, count in causes.most_common():
        print(f"{count:5d}  {cause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
