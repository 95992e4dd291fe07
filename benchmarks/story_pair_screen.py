"""Held-out pairwise screens of two story rules (brief S30): short captions and a USE veto above the band.

Every labelled development pair within 48 h (fit_story_pairs.FILES; the untouched test sets are never
read) is decided as the shipped step decides a pair, no chaining (story_outband.shipped: the USE pair
model inside the words' band, the words elsewhere), with each blind fold's own held-out models: word
weights fitted without the fold, the USE pair model fitted without it at (l2, K) = story_counts.FIT
(S28's recency screen). Beside the shipped decision it records what a rule would need: both texts'
lengths and story-vector terms, the whole-text cosine, the word and USE probabilities (the USE one
for every pair, inside the band or not) and the USE cosine. `--held FILE` writes / reads those
numbers (ids and numbers only), so rules are screened without refitting.

Rules (each counts the same pairs it finds and the different pairs it joins against the shipped
decision, and the ones it loses / undoes):
- caption:N:D — a pair where one text is under N characters is decided by the USE pair model at D
  wherever the pair is past LOW_SIM_FLOOR (inside the band or not);
- captionfloor:N:D:F — the same, down to a whole-text cosine F;
- captionadd:N:D[:F] — a pair with a text under N characters that the shipped decision refuses
  joins when the USE pair model gives it D, past a whole-text cosine F (LOW_SIM_FLOOR): the
  caption rule that only adds (the words' yes above the band stands);
- veto:X — above the band (words > MEANING_BAND[1], past SIM_FLOOR) the pair is refused when the USE
  pair model gives it under X;
- angleadd:D[:F] — (brief S31) a pair the shipped decision refuses joins when either headline reads
  as an explainer, analysis, opinion or question piece (digests.angle_pieces.is_angle_piece, S29's
  face marker) and the USE pair model gives it D, past a whole-text cosine F (LOW_SIM_FLOOR): S28's
  class of explainers pegged on the event;
- numadd:D[:F] — (brief S33) a pair the shipped decision refuses joins when both tops (headline and
  the first 600 characters of the body, as the step's candidate queries read them) give one
  specific number (`specific_numbers`: not a year, not an integer under 10) and the USE pair model
  gives it D, past a whole-text cosine F (LOW_SIM_FLOOR): the plain misses whose two reports give
  the same toll, share, sum or minute.

    OMP_NUM_THREADS=1 nice .venv/bin/python benchmarks/story_pair_screen.py --held held.json \
        [--rules caption:300:0.65 veto:0.3 angleadd:0.45:0.15 numadd:0.40]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402
import story_counts as sc  # noqa: E402
import story_curve  # noqa: E402

from digests import story_model  # noqa: E402
from digests.angle_pieces import is_angle_piece  # noqa: E402
from digests.similarity import story_vector  # noqa: E402


@dataclass(frozen=True)
class Pair:
    """One labelled pair decided by its fold's held-out models."""

    fold: str
    a: str
    b: str
    same: bool
    sim: float
    hours: float
    words: float     # held-out word probability
    use: float       # held-out USE pair model probability (asked or not)
    cosine: float    # USE cosine of the two heads
    short: int       # the shorter text's length in characters
    terms: int       # the fewer story-vector terms of the two


def shipped(p: Pair, decision: float = 0.65) -> bool:
    """story_curve.use_judge's decision (words outside the band at D − 0.02, as the CV runs)."""
    if story_model.in_band(p.words, p.sim):
        return p.use >= decision and p.sim >= story_model.LOW_SIM_FLOOR
    return (p.words >= decision - story_curve.MEANING_OFFSET
            and p.sim >= story_model.SIM_FLOOR)


def held_pairs() -> list[Pair]:
    """Every development pair decided by its fold's held-out models (26 fits: minutes)."""
    docs = bench.load(bench.CORPUS)
    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    use = story_curve.use_vectors_all(docs, "/tmp/use")
    rows = sc.rows_with("", pairs, by_id)
    terms = {i: len(story_vector(by_id[i]["title"] or "", by_id[i]["text"]))
             for r in rows for i in (r["a"], r["b"])}
    out = []
    for fold in fsp.BLIND:
        train = [i for i, r in enumerate(rows) if r["fold"] != fold]
        weights = fsp.fit([rows[i] for i in train], 0.3)
        model = story_curve.fit_use(rows, use, train, sc.FIT)
        for r in rows:
            if r["fold"] != fold:
                continue
            a, b = use[r["a"]], use[r["b"]]
            out.append(Pair(fold, r["a"], r["b"], bool(r["same"]), r["x"]["sim"], r["x"]["hours"],
                            story_model.probability(r["x"], weights),
                            model.probability(r["x"], a, b), float(a @ b),
                            min(len(by_id[r["a"]]["text"]), len(by_id[r["b"]]["text"])),
                            min(terms[r["a"]], terms[r["b"]])))
        print(f"fitted {fold}", file=sys.stderr, flush=True)
    return out


def angle_ids(pairs: list[Pair], titles: dict[str, str]) -> frozenset[str]:
    """The pairs' articles whose headline reads as an angle piece (the angleadd rule's marker)."""
    return frozenset(i for p in pairs for i in (p.a, p.b) if is_angle_piece(titles.get(i, "")))


# A figure: digits (Western or Arabic-Indic) with an optional decimal part after «.», «,» or «٫».
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")


def specific_numbers(text: str) -> frozenset[str]:
    """The figures of a text that name one event's own number: a toll, share, sum or minute
    («39 عاملا», «5.3 في المئة»), decimals written with «.»; not a year (1900–2099: every
    report of an affair dates it) and not an integer under 10 (days, counts of anything)."""
    out = set()
    for m in _FIGURE.findall(text.translate(_DIGITS)):
        figure = m.replace(",", ".")
        if "." not in figure and (int(figure) < 10 or 1900 <= int(figure) <= 2099):
            continue
        out.add(figure)
    return frozenset(out)


def top_numbers(pairs: list[Pair], docs: dict[str, tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each pair article's specific numbers in its headline and first 600 body characters."""
    return {i: specific_numbers(f"{docs[i][0]} {docs[i][1][:600]}")
            for p in pairs for i in (p.a, p.b)}


def rule_of(text: str, angle: frozenset[str] = frozenset(),
            numbers: dict[str, frozenset[str]] | None = None) -> Callable[[Pair], bool]:
    """A rule's decision of a pair (see the module docstring); `angle`: the articles whose
    headline is an angle piece (angle_ids), read by angleadd only; `numbers`: each article's
    top_numbers, read by numadd only."""
    kind, *args = text.split(":")
    if kind in ("caption", "captionfloor"):
        n, d = int(args[0]), float(args[1])
        floor = float(args[2]) if kind == "captionfloor" else story_model.LOW_SIM_FLOOR

        def caption(p: Pair) -> bool:
            if p.short < n and p.sim >= floor:
                return p.use >= d
            return shipped(p)
        return caption
    if kind == "captionadd":
        n, d = int(args[0]), float(args[1])
        floor = float(args[2]) if len(args) > 2 else story_model.LOW_SIM_FLOOR

        def added(p: Pair) -> bool:
            return shipped(p) or (p.short < n and p.sim >= floor and p.use >= d)
        return added
    if kind == "veto":
        x = float(args[0])

        def veto(p: Pair) -> bool:
            above = p.sim >= story_model.SIM_FLOOR and p.words > story_model.MEANING_BAND[1]
            return shipped(p) and not (above and p.use < x)
        return veto
    if kind == "angleadd":
        d = float(args[0])
        floor = float(args[1]) if len(args) > 1 else story_model.LOW_SIM_FLOOR

        def angled(p: Pair) -> bool:
            marked = p.a in angle or p.b in angle
            return shipped(p) or (marked and p.sim >= floor and p.use >= d)
        return angled
    if kind == "numadd":
        d = float(args[0])
        floor = float(args[1]) if len(args) > 1 else story_model.LOW_SIM_FLOOR
        figures = numbers or {}

        def numbered(p: Pair) -> bool:
            shared = figures.get(p.a, frozenset()) & figures.get(p.b, frozenset())
            return shipped(p) or (bool(shared) and p.sim >= floor and p.use >= d)
        return numbered
    raise ValueError(f"unknown rule {text!r}")


def screen(pairs: list[Pair], rule: str, angle: frozenset[str] = frozenset(),
           numbers: dict[str, frozenset[str]] | None = None) -> str:
    """The rule against the shipped decision: pooled counts and what it flips."""
    decide = rule_of(rule, angle, numbers)
    c: Counter[str] = Counter()
    flips = []
    for p in pairs:
        base, new = shipped(p), decide(p)
        c["tp"] += new and p.same
        c["fp"] += new and not p.same
        c["fn"] += (not new) and p.same
        if base != new:
            kind = ("same found" if new else "same lost") if p.same else (
                "wrong joined" if new else "wrong undone")
            c[kind] += 1
            flips.append(f"  {kind}: {p.fold} {p.a} {p.b} sim={p.sim:.3f} words={p.words:.3f}"
                         f" use={p.use:.3f} cos={p.cosine:.3f} short={p.short} terms={p.terms}")
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    head = (f"{rule}: {tp}/{fp}/{fn} P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f};"
            f" same +{c['same found']} -{c['same lost']}, wrong +{c['wrong joined']}"
            f" -{c['wrong undone']}")
    return "\n".join([head, *flips])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", type=Path, required=True,
                        help="the held-out numbers: read when the file exists, else written")
    parser.add_argument("--rules", nargs="*", default=[])
    args = parser.parse_args()
    if args.held.exists():
        pairs = [Pair(**d) for d in json.loads(args.held.read_text())]
    else:
        pairs = held_pairs()
        args.held.write_text(json.dumps([asdict(p) for p in pairs]))
    c = Counter((shipped(p), p.same) for p in pairs)
    print(f"shipped, {len(pairs)} pairs in {len({p.fold for p in pairs})} folds:"
          f" {c[True, True]}/{c[True, False]}/{c[False, True]}")
    angle: frozenset[str] = frozenset()
    if any(rule.startswith("angle") for rule in args.rules):
        titles = {d["id"]: d["title"] or "" for d in bench.load(bench.CORPUS)}
        angle = angle_ids(pairs, titles)
    numbers: dict[str, frozenset[str]] = {}
    if any(rule.startswith("num") for rule in args.rules):
        docs = {d["id"]: (d["title"] or "", d["text"] or "") for d in bench.load(bench.CORPUS)}
        numbers = top_numbers(pairs, docs)
        shared = Counter((bool(numbers[p.a] & numbers[p.b]), shipped(p), p.same) for p in pairs)
        print("pairs whose tops share a specific number (shipped decision: same tp/fn, different"
              f" fp/tn): {shared[True, True, True]}/{shared[True, False, True]},"
              f" {shared[True, True, False]}/{shared[True, False, False]}")
    for rule in args.rules:
        print(screen(pairs, rule, angle, numbers))


if __name__ == "__main__":
    main()
