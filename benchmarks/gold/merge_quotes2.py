"""Build quotes2.jsonl from the three annotators' files and measure how far they agree.

Usage: `python benchmarks/gold/merge_quotes2.py [--check]`

The second quote set (74 articles, `pick_articles.py --per-source 14 --none 4 --seed 20261129
--exclude benchmarks/gold/quotes.jsonl`) was split at random (seed 20261129) among three
annotators A, B, C who worked independently of each other and of the condenser: 8 common articles
annotated by all three, then 22 each. `dev2` = the 8 common ones + the first 9/9/8 of A/B/C's own
(34 articles); `holdout2` = the other 40, scored once, after the ranking was frozen.

quotes2.jsonl takes each article from its annotator (the common ones from A) and adds `set`.
Agreement on the common articles is scored with the same matching rule as the benchmark
(benchmarks/digest_quality.py): one annotator's first three quotes as the "prediction" against
another's annotation. It is the ceiling a system can expect on "key" recall.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path
from collections.abc import Callable
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from pick_articles import CORPUS, load, pick  # noqa: E402

SEED = 20261129
ANNOTATORS = ("A", "B", "C")


def plan(ids: list[str]) -> tuple[list[str], dict[str, list[str]], set[str]]:
    """(common, own articles per annotator, dev2 ids) — the split the annotators were given."""
    order = ids[:]
    random.Random(SEED).shuffle(order)
    common, rest = order[:8], order[8:]
    own = {"A": rest[0::3], "B": rest[1::3], "C": rest[2::3]}
    dev = set(common + own["A"][:9] + own["B"][:9] + own["C"][:8])
    return common, own, dev


def read(path: Path) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in rows}


def check(row: dict[str, Any], text: str) -> list[str]:
    """Problems with one annotated article: spans not verbatim, keys not first, more than three."""
    paras = text.split("\n")
    problems = []
    keys = [bool(q.get("key")) for q in row["quotes"]]
    if sum(keys) > 3 or keys != sorted(keys, reverse=True):
        problems.append("key flags are not the first (at most three) quotes")
    for q in row["quotes"]:
        p = q.get("paragraph")
        if not isinstance(p, int) or not 0 <= p < len(paras) or q["text"] not in paras[p]:
            problems.append(f"not verbatim in paragraph {p}: {q['text'][:40]}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the annotators' files")
    args = parser.parse_args()
    rows = load(CORPUS)
    texts = {r["id"]: r["text"] for r in rows}
    ids = pick(rows, 14, 4, SEED, frozenset(read(HERE / "quotes.jsonl")))
    common, own, dev = plan(ids)
    files = {x: read(HERE / "quotes2" / f"{x}.jsonl") for x in ANNOTATORS}
    bad = check_files(files, texts)
    if args.check:
        return 1 if bad else 0
    owner = {i: "A" for i in common} | {i: x for x in ANNOTATORS for i in own[x]}
    if not write_set(HERE / "quotes2.jsonl", ids, owner, files,
                     lambda i: "dev2" if i in dev else "holdout2"):
        return 1
    agreement(files, common)
    return 1 if bad else 0


def check_files(files: dict[str, dict[str, dict[str, Any]]], texts: dict[str, str],
                own: dict[str, list[str]] | None = None, label: str = "") -> int:
    """Print every problem of the annotators' files (`check`, and with `own` an article given to
    someone else); returns how many there are. `label` prefixes each line (a set's name)."""
    bad = 0
    for x, annotated in files.items():
        for article_id, row in annotated.items():
            if own is not None and article_id not in own[x]:
                bad += 1
                print(f"{label}{x} {article_id}: not one of {x}'s articles")
                continue
            for problem in check(row, texts[article_id]):
                bad += 1
                print(f"{label}{x} {article_id}: {problem}")
    return bad


def write_set(out: Path, ids: list[str], owner: dict[str, str],
              files: dict[str, dict[str, dict[str, Any]]], set_of: Callable[[str], str]) -> bool:
    """Write `out`: each article from its owner's file, in `ids` order, with its `set`.

    Returns False (and writes nothing) while some article is not annotated yet.
    """
    missing = [i for i in ids if i not in files.get(owner[i], {})]
    if missing:
        print(f"not annotated yet: {len(missing)} ({', '.join(missing[:5])} …)")
        return False
    sets: dict[str, int] = {}
    with out.open("w", encoding="utf-8") as fh:
        for i in ids:
            row = dict(files[owner[i]][i])
            row["set"] = set_of(i)
            sets[row["set"]] = sets.get(row["set"], 0) + 1
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = ", ".join(f"{n} {name}" for name, n in sets.items())
    print(f"wrote {out.name}: {len(ids)} articles ({counts})")
    return True


def agreement(files: dict[str, dict[str, dict[str, Any]]], common: list[str]) -> None:
    """Each annotator's first three against each other's annotation, on the common articles."""
    from digest_quality import Score  # the benchmark's matching rule

    print(f"agreement on the {len(common)} common articles (row: gold, column: prediction = "
          "the other's first three; all = the other's every quote):")
    for gx in ANNOTATORS:
        for px in ANNOTATORS:
            if gx == px:
                continue
            top, every = Score(), Score()
            for i in common:
                gold = files[gx][i]["quotes"]
                pred = [(q["text"], q["speaker"]) for q in files[px][i]["quotes"]]
                top.add(pred[:3], gold)
                every.add(pred, gold)
            print(top.line(f"  gold {gx}, {px}'s first three"))
            print(every.line(f"  gold {gx}, {px}'s every quote"))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.exit(main())
