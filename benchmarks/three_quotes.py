"""Which three quotes (brief K13): merged clauses split, a paraphrase that comes last, a voice plan.

    .venv/bin/python benchmarks/three_quotes.py [--sets holdout5,holdout11]   # ~30 s

Every row is the digest's choice over the development sets' found candidates (fit_quote_rank's
`examples`, untrimmed texts, the benchmark's matching rule), per set, against K12's ranking (the
hand weights, a paraphrase of a chosen quote skipped, spans as the finder made them):

* `split` — a reported span «قال إن X، وإن Y» ranked as its clauses (digests.clause_split); `whole`
  back when a clause is chosen without its sibling (as shipped) or `parts` shown alone;
* `last` — a paraphrase of a chosen quote fills only a slot nothing else fills (PARAPHRASE_LAST);
  `w=…` — it loses that weight instead (session 6's soft paraphrase), and `LOSO` — the weight set
  on the other sets, each set held out in turn (objective: key + ½ right − ½ wrong);
* `plan …` — a per-article voice plan: the headline's voice first (a speaker in the headline),
  then another person than the first (aliases: quote_rank's `same`), then the best left
  (`hard3`: a third person too).

The bar (K13): ≥ +15 key quotes pooled with each set held out, precision not lower, no set losing
more than 2. Only development sets are read (fit_quote_rank.KNOWN_SETS).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from digest_quality import Score  # noqa: E402
from fit_quote_rank import KNOWN_SETS, SET_ORDER, Example, examples  # noqa: E402
from digests.clause_split import split_clauses, whole_unless_all  # noqa: E402
from digests.quote_rank import (  # noqa: E402
    PARAPHRASE_LAST,
    WEIGHTS,
    W_COUNTER,
    W_REPEAT,
    Pool,
    choose,
    features,
    pool_of,
)
from digests.quotes import Candidate  # noqa: E402

Counts = tuple[int, int, int, int]  # key matched, key gold, shown right, shown
Chooser = Callable[[Pool, Sequence[float], Example], list[int]]
WEIGHT_GRID = (0.25, 0.5, 1.0, 1.5, 2.0, 3.0, PARAPHRASE_LAST)


def scores(feats: Sequence[Mapping[str, float]]) -> list[float]:
    return [sum(WEIGHTS.get(k, 0.0) * v for k, v in f.items()) for f in feats]


def greedy(paraphrase: float | None = None) -> Chooser:
    return lambda pool, s, _ex: choose(pool, s, repeat=W_REPEAT, counter=W_COUNTER,
                                       paraphrase=paraphrase)


def plan(pool: Pool, s: Sequence[float], headline_voice: Sequence[bool], *,
         hard2: bool = True, hard3: bool = False, head_first: bool = False) -> list[int]:
    """A voice plan: (a speaker in the headline first,) then another person than the first,
    (then a third,) each the best left; a paraphrase of a chosen quote skipped; the repeat and
    counter terms as in `choose`. Where no such candidate is left the best left is taken."""
    chosen: list[int] = []
    left = list(range(len(s)))
    while left and len(chosen) < 3:
        def total(i: int) -> float:
            v = s[i] - W_REPEAT * sum(1 for j in chosen if pool.same[i][j])
            return v + (W_COUNTER if len(chosen) == 1 and pool.candidates[i].counter else 0.0)

        pick = left
        if not chosen and head_first:
            pick = [i for i in left if headline_voice[i]] or left
        elif (len(chosen) == 1 and hard2) or (len(chosen) == 2 and hard3):
            pick = [i for i in left if not any(pool.same[i][j] for j in chosen)] or left
        best = max(pick, key=total)
        left.remove(best)
        if not any(pool.paraphrase[best][j] for j in chosen):
            chosen.append(best)
    return chosen


def shown(ex: Example, chooser: Chooser, split: str = "") -> list[Candidate]:
    """The quotes a digest shows for `ex`: `split` "" (spans as found), "whole" (as shipped: a
    lone clause shown as its span) or "parts" (a lone clause shown alone)."""
    cands: Sequence[Candidate] = ex.candidates
    origin: Sequence[int] = range(len(cands))
    if split:
        cands, origin = split_clauses(ex.candidates)
    feats = features(cands, ex.headline) if split else ex.feats
    pool = pool_of(cands) if split else ex.pool
    picked = chooser(pool, scores(feats), ex)
    if split == "whole":
        return whole_unless_all(picked, cands, origin, ex.candidates)
    return [cands[i] for i in picked]


def counts(data: Sequence[Example], chooser: Chooser, split: str = "") -> dict[str, Counts]:
    """Per set: key quotes matched, key quotes, shown quotes right, shown quotes."""
    out: dict[str, list[int]] = {}
    for ex in data:
        s = Score()
        s.add([(c.text, c.speaker) for c in shown(ex, chooser, split)], ex.gold)
        row = out.setdefault(ex.set_name, [0, 0, 0, 0])
        for n, v in enumerate((s.matched_key, s.gold_key, s.matched_pred, s.predicted)):
            row[n] += v
    return {k: (v[0], v[1], v[2], v[3]) for k, v in out.items()}


def objective(rows: Mapping[str, Counts], leave_out: str = "") -> float:
    """Key quotes first; precision breaks ties (fit_quote_rank.Tally.objective)."""
    key = sum(r[0] for s, r in rows.items() if s != leave_out)
    right = sum(r[2] for s, r in rows.items() if s != leave_out)
    shown_ = sum(r[3] for s, r in rows.items() if s != leave_out)
    return key + 0.5 * right - 0.5 * (shown_ - right)


def held_out(tables: Mapping[float, Mapping[str, Counts]]) -> tuple[dict[str, Counts],
                                                                    dict[str, float]]:
    """Each set scored with the grid value best on the other sets (ties: the larger value)."""
    sets = sorted({s for t in tables.values() for s in t})
    rows: dict[str, Counts] = {}
    chosen: dict[str, float] = {}
    for s in sets:
        w = max(tables, key=lambda v: (objective(tables[v], s), v))
        chosen[s], rows[s] = w, tables[w][s]
    return rows, chosen


def line(name: str, rows: Mapping[str, Counts], base: Mapping[str, Counts],
         sets: Sequence[str]) -> str:
    delta = [rows[s][0] - base[s][0] for s in sets]
    key = sum(rows[s][0] for s in sets)
    right, total = sum(rows[s][2] for s in sets), sum(rows[s][3] for s in sets)
    return (f"| {name} | " + " | ".join(f"{d:+d}" for d in delta)
            + f" | **{key}** ({sum(delta):+d}) | {min(delta):+d} | {right}/{total} "
            f"= {right / total:.4f} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", default=",".join(SET_ORDER))
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    if any(s not in KNOWN_SETS for s in sets):
        parser.error("development sets only")
    data = examples(sets)
    sets = [s for s in SET_ORDER if s in {ex.set_name for ex in data}]
    base = counts(data, greedy())
    head = {id(ex): [bool(f.get("speaker_in_headline")) for f in ex.feats] for ex in data}

    def planned(**kw: bool) -> Chooser:
        return lambda pool, s, ex: plan(pool, s, head[id(ex)], **kw)

    print("| ranking | " + " | ".join(sets) + " | pooled key (Δ) | worst set | precision |")
    print("|---|" + "---|" * (len(sets) + 3))
    print(line("K12's ranking (before)", base, base, sets))
    for split in ("whole", "parts"):
        print(line(f"split ({split})", counts(data, greedy(), split), base, sets))
    for split in ("", "whole", "parts"):
        tables = {w: counts(data, greedy(w), split) for w in WEIGHT_GRID}
        name = f"split ({split}) + " if split else ""
        for w in WEIGHT_GRID:
            label = "last" if w == PARAPHRASE_LAST else f"w={w}"
            print(line(f"{name}paraphrase {label}", tables[w], base, sets))
        rows, chosen = held_out(tables)
        print(line(f"{name}paraphrase LOSO (weights {sorted(set(chosen.values()))})", rows,
                   base, sets))
    for label, kw in (("plan: another person second", {}),
                      ("plan: another person second and third", {"hard3": True}),
                      ("plan: headline's voice first", {"hard2": False, "head_first": True}),
                      ("plan: headline's voice, then another person", {"head_first": True})):
        print(line(label, counts(data, planned(**kw)), base, sets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
