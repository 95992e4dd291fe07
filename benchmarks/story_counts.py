"""Brief S27: does keying a count written in words as its figure (and a broken plural as its
singular) move same-story pairs the step refuses, held out and pairwise?

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_counts.py \
        --variants counts counts10 plurals counts,plurals --save /tmp/counts.jsonl

Every labelled development pair (fit_story_pairs.FILES, the 24 blind folds) is held out in turn,
as benchmarks/story_outband.py does it: each fold's word weights and USE pair model are fitted on
the other folds' pairs (the USE model's (l2, K) fixed, --fit, the choice of every run since
session 16, so the screen compares keys, not penalties), once with today's story-vector keys and
once per variant (digests.similarity.COUNT_KEYS / PLURAL_KEYS set for the whole pass: the
features and the fits read the variant's vectors). Each pair is then decided as the shipped step
decides it pairwise (story_outband.shipped: USE inside the words' band, words outside).

Printed per variant: how many same / different pairs share a figure key only under the variant
(whole texts; and in the leads), their word cosine, held-out word and USE probabilities before →
after, and how many of them move into the words' band or past the decision; then every pair whose
pairwise decision changes, and the pooled pairwise tp/fp/fn against today's keys. Pairwise only:
the stored stories need story_curve.py (`--settings 0.65+keyscounts`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402
import story_curve  # noqa: E402
import story_outband  # noqa: E402

from digests import similarity, story_model  # noqa: E402
from digests.leads import _first_sentence  # noqa: E402

FIT = (0.3, 32)  # the (l2, K) every fold's inner leave-one-fold-out chose since session 16


@dataclass(frozen=True)
class Screened:
    """One held-out pair under today's keys and under a variant's."""

    fold: str
    a: str
    b: str
    same: bool
    figures: int       # figure keys the two texts share only under the variant
    lead_figures: int  # the same, in headline + first sentence
    sim: tuple[float, float]     # word cosine: today, variant
    words: tuple[float, float]   # held-out word probability
    use: tuple[float, float]     # held-out USE pair probability
    decided: tuple[bool, bool]   # story_outband.shipped pairwise


def _figures(keys: Sequence[str]) -> set[str]:
    return {k for k in keys if k.isdigit()}


def held(rows: list[dict[str, Any]], use: dict[str, Any], folds: Sequence[str]
         ) -> dict[tuple[str, str], story_outband.Held]:
    """Every pair of `folds`, held out (story_outband.held_pairs with a fixed (l2, K))."""
    out = {}
    for fold in folds:
        train = [i for i, r in enumerate(rows) if r["fold"] != fold]
        weights = fsp.fit([rows[i] for i in train], 0.3)
        model = story_curve.fit_use(rows, use, train, FIT)
        for r in rows:
            if r["fold"] == fold:
                a, b = use[r["a"]], use[r["b"]]
                out[r["a"], r["b"]] = story_outband.Held(
                    fold, r["a"], r["b"], bool(r["same"]), r["x"]["sim"],
                    story_model.probability(r["x"], weights), model.probability(r["x"], a, b),
                    float(a @ b), fsp._named(r["x"]))
    return out


def rows_with(keys: str, pairs: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]
              ) -> list[dict[str, Any]]:
    """fit_story_pairs.pair_rows with the story vector's keys set to `keys` (story_curve)."""
    saved = similarity.COUNT_KEYS, similarity.PLURAL_KEYS
    similarity.COUNT_KEYS, similarity.PLURAL_KEYS = story_curve.story_keys(keys)
    try:
        return fsp.pair_rows(pairs, by_id)
    finally:
        similarity.COUNT_KEYS, similarity.PLURAL_KEYS = saved


def keys_of(keys: str, text: str) -> list[str]:
    saved = similarity.COUNT_KEYS, similarity.PLURAL_KEYS
    similarity.COUNT_KEYS, similarity.PLURAL_KEYS = story_curve.story_keys(keys)
    try:
        return similarity.story_keys(text)
    finally:
        similarity.COUNT_KEYS, similarity.PLURAL_KEYS = saved


def screen(keys: str, base: dict[tuple[str, str], story_outband.Held],
           other: dict[tuple[str, str], story_outband.Held], by_id: dict[str, dict[str, Any]]
           ) -> list[Screened]:
    out = []
    for k, h in base.items():
        v = other.get(k)
        if v is None:
            continue
        da, db = by_id[h.a], by_id[h.b]
        texts = {i: (f"{d['title'] or ''} {d['text']}",
                     f"{d['title'] or ''} {_first_sentence(d['text'])}")
                 for i, d in ((h.a, da), (h.b, db))}

        def shared(which: int, variant: str) -> set[str]:
            return (_figures(keys_of(variant, texts[h.a][which]))
                    & _figures(keys_of(variant, texts[h.b][which])))

        out.append(Screened(
            h.fold, h.a, h.b, h.same, len(shared(0, keys) - shared(0, "")),
            len(shared(1, keys) - shared(1, "")), (h.sim, v.sim), (h.words, v.words),
            (h.use, v.use), (story_outband.shipped(h), story_outband.shipped(v))))
    return out


def _median(values: Sequence[float]) -> str:
    return f"{statistics.median(values):.3f}" if values else "-"


def report(keys: str, screened: Sequence[Screened]) -> list[str]:
    lines = [f"== keys {keys}: {len(screened)} held-out pairs"
             f" ({sum(s.same for s in screened)} same)"]
    for name, group in (("same", [s for s in screened if s.same]),
                        ("different", [s for s in screened if not s.same])):
        marked = [s for s in group if s.figures]
        lead = [s for s in group if s.lead_figures]
        lines.append(
            f"  {name}: {len(marked)} share a figure only under the variant ({len(lead)} in the"
            f" leads); cosine {_median([s.sim[0] for s in marked])} -> "
            f"{_median([s.sim[1] for s in marked])}; words p {_median([s.words[0] for s in marked])}"
            f" -> {_median([s.words[1] for s in marked])}; USE p"
            f" {_median([s.use[0] for s in marked])} -> {_median([s.use[1] for s in marked])};"
            f" into the band {sum(not story_model.in_band(s.words[0], s.sim[0]) and story_model.in_band(s.words[1], s.sim[1]) for s in marked)}"
            f", refused -> joined {sum(s.decided[1] and not s.decided[0] for s in marked)}"
            f", joined -> refused {sum(s.decided[0] and not s.decided[1] for s in marked)}")
    for s in screened:
        if s.decided[0] != s.decided[1]:
            lines.append(
                f"  changed {s.fold} {s.a} {s.b} same={int(s.same)} figures={s.figures}/"
                f"{s.lead_figures} sim {s.sim[0]:.3f}->{s.sim[1]:.3f} words {s.words[0]:.3f}->"
                f"{s.words[1]:.3f} use {s.use[0]:.3f}->{s.use[1]:.3f}"
                f" {'joined' if s.decided[1] else 'refused'}")
    for i, label in ((0, "today"), (1, keys)):
        tp = sum(s.same and s.decided[i] for s in screened)
        fp = sum(not s.same and s.decided[i] for s in screened)
        fn = sum(s.same and not s.decided[i] for s in screened)
        lines.append(f"  pairwise {label}: {fsp.pr((tp, fp, fn))} ({tp}/{fp}/{fn})")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", nargs="*", default=["counts", "counts10", "plurals"])
    parser.add_argument("--folds", nargs="*", default=list(fsp.BLIND))
    parser.add_argument("--use-path", default="/tmp/use")
    parser.add_argument("--save", type=Path, metavar="JSONL",
                        help="every screened pair's numbers (ids and numbers only)")
    args = parser.parse_args(argv)
    docs = bench.load(bench.CORPUS)
    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    use = story_curve.use_vectors_all(docs, args.use_path)
    base = held(rows_with("", pairs, by_id), use, args.folds)
    saved: list[str] = []
    for keys in args.variants:
        screened = screen(keys, base, held(rows_with(keys, pairs, by_id), use, args.folds), by_id)
        print("\n".join(report(keys, screened)), flush=True)
        saved.extend(json.dumps({"keys": keys, **asdict(s)}) + "\n" for s in screened)
    if args.save is not None:
        args.save.write_text("".join(saved))


if __name__ == "__main__":
    main()
