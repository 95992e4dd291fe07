"""How much of the digest's key-three gap is the choice, and how much the finding (brief K14).

    .venv/bin/python benchmarks/quote_ceiling.py [--sets holdout5,holdout11]    # ~1 min

For every development article: the annotator's key quotes, how many the shipped three match
(digests.quote_rank.rank_quotes over the found candidates, the benchmark's matching rule), and
how many the best possible three of OUR found candidates would match (the oracle choice: any ≤ 3
of the finder's candidates and of their split clauses, the one-to-one rule). The gap between the
shipped three and the annotator's key quotes splits into the choice (oracle − shipped) and the
finding (key − oracle: never found, or found only inside a span that holds two).

On the 32 articles three readers annotated (quotes5 + agreement/M, N: 24; quotes2 A, B, C: 8):
the same against the consensus (a key quote two of three readers made key), against each
reader alone, and the readers among themselves (one reader's first three against another's
annotation, as benchmarks/quote_agreement.py does on the 24), also with that reader's three
replaced by the found quotes that match them (a second reader choosing among OUR candidates: the
level a chooser could reach with the finder as it is).

Only development sets are read (fit_quote_rank.KNOWN_SETS).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from digest_quality import Score, overlap, words  # noqa: E402
from fit_quote_rank import KNOWN_SETS, SET_ORDER, Example, consensus_gold, examples  # noqa: E402
from digests.clause_split import split_clauses  # noqa: E402
from digests.quote_rank import rank_quotes  # noqa: E402
from digests.quotes import Candidate  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold"
Gold = Sequence[Mapping[str, object]]


def matched(quotes: Sequence[Candidate], gold: Gold) -> tuple[int, int]:
    """(key quotes matched, key quotes) of `quotes` shown against `gold`."""
    s = Score()
    s.add([(c.text, c.speaker) for c in quotes], gold)  # type: ignore[arg-type]
    return s.matched_key, s.gold_key


def oracle(candidates: Sequence[Candidate], gold: Gold, limit: int = 3) -> int:
    """Most key quotes any ≤ `limit` of `candidates` and their split clauses can match.

    Only the items that match some key quote alone can add one, so the search runs over those.
    """
    parts, _ = split_clauses(candidates)
    pool: list[Candidate] = []
    for c in [*candidates, *parts]:
        if c not in pool and matched([c], gold)[0]:
            pool.append(c)
    best = 0
    for k in range(1, min(limit, len(pool)) + 1):
        for combo in itertools.combinations(pool, k):
            best = max(best, matched(combo, gold)[0])
    return best


def readers() -> dict[str, dict[str, Gold]]:
    """Article id → reader → that reader's quotes, for the articles three readers annotated."""
    def read(path: Path) -> dict[str, Any]:
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        return {str(r["id"]): r["quotes"] for r in rows}

    groups = [{"K/L": read(GOLD / "quotes5.jsonl"), "M": read(GOLD / "agreement" / "M.jsonl"),
               "N": read(GOLD / "agreement" / "N.jsonl")},
              {x: read(GOLD / "quotes2" / f"{x}.jsonl") for x in "ABC"}]
    out: dict[str, dict[str, Gold]] = {}
    for group in groups:
        common = set.intersection(*(set(v) for v in group.values()))
        for article in common:
            out[article] = {name: quotes[article] for name, quotes in group.items()}
    return out


def as_found(quotes: Sequence[Candidate], candidates: Sequence[Candidate]) -> list[Candidate]:
    """Each of `quotes` (a reader's three) replaced by the found candidate or split clause that
    overlaps it most (≥ ½, the matching rule), or dropped: a reader choosing among OUR quotes."""
    parts, _ = split_clauses(candidates)
    pool = [c for n, c in enumerate([*candidates, *parts]) if c not in [*candidates, *parts][:n]]
    out: list[Candidate] = []
    for q in quotes:
        scored = [(overlap(words(q.text), words(c.text)), n) for n, c in enumerate(pool)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= 0.5 and pool[best[1]] not in out:
            out.append(pool[best[1]])
    return out


def _first_three(quotes: Gold) -> list[Candidate]:
    return [Candidate(str(q["text"]), str(q["speaker"]), "direct", 0, 0, True)
            for q in quotes][:3]


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "—"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", default=",".join(SET_ORDER))
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    if any(s not in KNOWN_SETS for s in sets):
        parser.error("development sets only")
    data: list[Example] = examples(sets)
    shipped = {ex.article_id: rank_quotes(ex.candidates, ex.headline) for ex in data}

    print("| set | key quotes | shipped three | oracle three of the found | choice gap | "
          "finding gap |")
    print("|---|---|---|---|---|---|")
    totals = [0, 0, 0]
    full = [0, 0, 0]  # articles with key quotes; of them, all matched by the shipped / oracle three
    for ex in data:
        key = min(matched([], ex.gold)[1], 3)
        if key:
            full[0] += 1
            full[1] += matched(shipped[ex.article_id], ex.gold)[0] >= key
            full[2] += oracle(ex.candidates, ex.gold) >= key
    for name in [*(s for s in SET_ORDER if s in sets), "all"]:
        rows = [ex for ex in data if name in ("all", ex.set_name)]
        key = sum(matched([], ex.gold)[1] for ex in rows)
        got = sum(matched(shipped[ex.article_id], ex.gold)[0] for ex in rows)
        best = sum(oracle(ex.candidates, ex.gold) for ex in rows)
        if name == "all":
            totals = [key, got, best]
        print(f"| {name} | {key} | {ratio(got, key)} | {ratio(best, key)} | {best - got} | "
              f"{key - best} |")
    key, got, best = totals
    if key > got:
        print(f"of the {key - got} key quotes the shipped three miss: choice {best - got} "
              f"({(best - got) / (key - got):.0%}), finding {key - best} "
              f"({(key - best) / (key - got):.0%})")
    print(f"articles whose key quotes (up to three) all show: shipped {ratio(full[1], full[0])}, "
          f"oracle {ratio(full[2], full[0])}")

    by_id = {ex.article_id: ex for ex in data}
    three = {a: r for a, r in readers().items() if a in by_id}
    consensus = consensus_gold()
    if not three:
        return 0
    print(f"\n{len(three)} articles three readers annotated:")
    print("| gold | key quotes | shipped three | oracle three of the found | "
          "another reader's first three | … chosen among the found |")
    print("|---|---|---|---|---|---|")
    rows_: list[tuple[str, dict[str, Gold]]] = [("consensus (2 of 3)", {
        a: consensus[a] for a in three})]
    names = sorted({n for r in three.values() for n in r})
    rows_ += [(f"reader {n}", {a: r[n] for a, r in three.items() if n in r}) for n in names]
    pooled = [0, 0, 0, 0, 0, 0]
    for label, gold in rows_:
        key = sum(matched([], g)[1] for g in gold.values())
        got = sum(matched(shipped[a], g)[0] for a, g in gold.items())
        best = sum(oracle(by_id[a].candidates, g) for a, g in gold.items())
        other = other_key = found = 0
        if label.startswith("reader "):
            for a, g in gold.items():
                for name, quotes in three[a].items():
                    if f"reader {name}" != label:
                        m, k = matched(_first_three(quotes), g)
                        other, other_key = other + m, other_key + k
                        found += matched(as_found(_first_three(quotes), by_id[a].candidates),
                                         g)[0]
            for n, v in enumerate((key, got, best, other, other_key, found)):
                pooled[n] += v
        print(f"| {label} | {key} | {ratio(got, key)} | {ratio(best, key)} | "
              f"{ratio(other, other_key)} | {ratio(found, other_key)} |")
    key, got, best, other, other_key, found = pooled
    print(f"| each reader, pooled | {key} | {ratio(got, key)} | {ratio(best, key)} | "
          f"{ratio(other, other_key)} | {ratio(found, other_key)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
