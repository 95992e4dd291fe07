"""Brief S16: does an event frame (digests.event_frame) tell one occasion from its next step?

    .venv/bin/python benchmarks/event_frames.py --misses          # step 1: S14's misses, read
    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/event_frames.py --cv  # step 2: held out as S14

Step 1 reads the same pairs every S14 model missed at its precision-0.90 point (the stack and
words + e5 of benchmarks/out/s14_linear.npz, the boosted USE model of s14_boostuse.npz; 15 folds,
thresholds read off as S14 printed them) and the different pairs the stack joined (its hard
negatives), and counts for how many the frame agrees (same predicate family, a shared agent,
place, count or score, and no clash) and for how many it disagrees (a family, place, count, score
or day clash). Twenty misses are drawn with a fixed seed and printed with their frames.

Step 2 is benchmarks/pair_stack.py's held-out scheme (one logistic model per blind fold, its
penalty chosen by an inner leave-one-fold-out, an in-fold threshold per fold) over 16 blind folds,
with the frame's FRAME_FEATURES appended to the ten word features: words vs words + frame, and
the S14 stack vs the stack + frame. Printed: recall at precision ≥ 0.90 read off and in-fold, and
the in-fold tp/fp/fn per fold against the model without the frame.

Session 13's reading (benchmarks/README.md): the frame disagrees with 16 of the 41 misses and 8 of
the stack's 33 wrong joins that share a place; stack 0.864 → stack + frame 0.868 in-fold (16 blind
folds), holdout18 two wrong joins more: the gate (> 0.874) is not passed.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import fit_story_pairs as fsp  # noqa: E402
import pair_stack as ps  # noqa: E402
import stories as bench  # noqa: E402

from digests import event_frame, story_model  # noqa: E402
from digests.models import parse_iso  # noqa: E402

Matrix = npt.NDArray[np.float64]
SEED = 20261130
S14_POINTS = (("s14_linear", "stack", 0.48), ("s14_linear", "meaning", 0.48),
              ("s14_boostuse", "boostuse", 0.53))  # S14's read-off thresholds at precision 0.90
AGREE = ("same_family", "shared_agent", "same_place", "same_count", "score_same")
CLASH = ("family_clash", "agent_clash", "place_clash", "count_clash", "score_clash", "day_clash")
# A name ending in «frame» has the frame's columns after the ten word features. The block «low»
# adds nothing (pair_stack.Prep ignores it) but makes the combiner no words-only one, so it
# decides down to LOW_SIM_FLOOR: can the frame vouch for reports whose words share too little?
COMBINERS = {c.name: c for c in (
    ps.Combiner("words", ("w",), "logistic", fixed_l2=0.3),
    ps.Combiner("wordsframe", ("w",), "logistic"),
    ps.Combiner("wordslow", ("w", "low"), "logistic", fixed_l2=0.3),
    ps.Combiner("wordslowframe", ("w", "low"), "logistic"),
    ps.Combiner("meaning", ("w", "e5"), "logistic"),
    ps.Combiner("meaningframe", ("w", "e5"), "logistic"),
    ps.Combiner("stack", ("w", "e5", "use", "uv"), "logistic"),
    ps.Combiner("stackframe", ("w", "e5", "use", "uv"), "logistic"),
)}
REFERENCE = {c: c.removesuffix("frame") for c in COMBINERS if c.endswith("frame")}


def frames_of(ids: Sequence[str], by_id: dict[str, dict[str, Any]]
              ) -> dict[str, event_frame.Frame]:
    out = {}
    for i in ids:
        when = parse_iso(by_id[i]["published"])
        assert when is not None, i  # every corpus article carries its publication time
        out[i] = event_frame.frame_of(by_id[i]["title"] or "", by_id[i]["text"], when)
    return out


def frame_matrix(rows: list[dict[str, Any]], frames: dict[str, event_frame.Frame]) -> Matrix:
    """One row of FRAME_FEATURES per pair."""
    return np.array([[event_frame.agreement(frames[r["a"]], frames[r["b"]])[k]
                      for k in event_frame.FRAME_FEATURES] for r in rows])


def verdict(agree: dict[str, float]) -> str:
    """«agrees» (an agreeing slot, no clash), «disagrees» (a clash), else «silent»."""
    if any(agree[k] for k in CLASH):
        return "disagrees"
    return "agrees" if any(agree[k] for k in AGREE) else "silent"


def tally(rows: list[dict[str, Any]], frames: dict[str, event_frame.Frame]) -> dict[str, int]:
    out = {"agrees": 0, "disagrees": 0, "silent": 0}
    for r in rows:
        out[verdict(event_frame.agreement(frames[r["a"]], frames[r["b"]]))] += 1
    return out


def _show(f: event_frame.Frame) -> str:
    return (f"{f.main}/{'+'.join(sorted(f.predicates))} agents={'،'.join(sorted(f.agents))}"
            f" places={'،'.join(sorted(f.places))} counts={sorted(f.counts)}"
            f" scores={sorted(f.scores)} day={f.day}")


def misses(rows: list[dict[str, Any]], by_id: dict[str, dict[str, Any]], n: int) -> None:
    key = {(r["a"], r["b"]): r for r in rows}
    joined: dict[tuple[str, str], list[bool]] = {}
    for name, model, t in S14_POINTS:
        with np.load(fsp.OUT / f"{name}.npz") as z:
            for a, b, p in zip(z["a"].tolist(), z["b"].tolist(), z[model].tolist()):
                r = key.get((a, b))
                if r is not None and not np.isnan(p):
                    joined.setdefault((a, b), []).append(
                        p >= t and r["x"]["sim"] >= story_model.LOW_SIM_FLOOR)
    scored = [key[k] for k, v in joined.items() if len(v) == len(S14_POINTS)]
    missed = [r for r in scored if r["same"] and not any(joined[(r["a"], r["b"])])]
    found = [r for r in scored if r["same"] and all(joined[(r["a"], r["b"])])]
    wrong = [r for r in scored if not r["same"] and joined[(r["a"], r["b"])][0]]
    refused = [r for r in scored if not r["same"] and not any(joined[(r["a"], r["b"])])]
    frames = frames_of(sorted({i for r in scored for i in (r["a"], r["b"])}), by_id)
    print(f"{len(scored)} pairs scored by all three S14 models")
    def placed(part: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [r for r in part if frames[r["a"]].places & frames[r["b"]].places]

    for label, part in (("same, missed by all three", missed), ("same, joined by all three", found),
                        ("different, joined by the stack", wrong),
                        ("  of which one place (hard negatives)", placed(wrong)),
                        ("different, refused by all three", refused),
                        ("  of which one place", placed(refused))):
        print(f"  {label:<38} {len(part):>4}: {tally(part, frames)}")
    for label, part in (("missed same", missed), ("stack's wrong joins", wrong)):
        print(f"  per slot, {label}: " + ", ".join(
            f"{k} {sum(event_frame.agreement(frames[r['a']], frames[r['b']])[k] for r in part):.0f}"
            for k in event_frame.FRAME_FEATURES))
    random.seed(SEED)
    for i, r in enumerate(random.sample(missed, min(n, len(missed))), 1):
        fa, fb = frames[r["a"]], frames[r["b"]]
        agree = event_frame.agreement(fa, fb)
        on = [k for k, v in agree.items() if v]
        print(f"\n#{i} {r['fold']} {r['a']} / {r['b']}  sim {r['x']['sim']:.2f}: {verdict(agree)}"
              f" {on}\n   note: {r['note'][:160]}\n   A {(by_id[r['a']]['title'] or '')[:90]}\n"
              f"     {_show(fa)}\n   B {(by_id[r['b']]['title'] or '')[:90]}\n     {_show(fb)}")


def with_frame(base: ps.Blocks, frame: Matrix) -> ps.Blocks:
    """The blocks with the frame's columns after the word features (raw, as the words are)."""
    return ps.Blocks(np.hstack([base.words, frame]), base.cos, base.vec, base.sim)


def in_fold(c: ps.Combiner, data: ps.Blocks, y: Matrix, folds: npt.NDArray[np.str_],
            names: Sequence[str]) -> tuple[Matrix, npt.NDArray[np.bool_], list[Any]]:
    """S14's held-out scheme for one combiner: per fold in `names`, a model fitted on every
    other fold (penalty by inner leave-one-fold-out), its probabilities of the fold's pairs, and
    its decision at the fold's in-fold threshold (the lowest reaching precision 0.90 on the
    training folds' inner held-out probabilities). Rows of other folds stay nan / False."""
    p_all = np.full(len(y), np.nan)
    picked = np.zeros(len(y), dtype=bool)
    chosen = []
    for fold in names:
        train, test = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        p, inner, setting = ps.held_out(c, data, y, folds, train, test, 0)
        p_all[test] = p
        chosen.append(setting)
        t = ps.best_recall(y[train], lambda t: ps.decide(inner, data.sim[train], t,
                                                         c.words_only), ps.sweep(inner))[1]
        picked[test] = ps.decide(p, data.sim[test], t, c.words_only)
    return p_all, picked, chosen


def cv(rows: list[dict[str, Any]], by_id: dict[str, dict[str, Any]], names: Sequence[str],
       folds_arg: Sequence[str]) -> dict[str, Matrix]:
    ids = sorted({i for r in rows for i in (r["a"], r["b"])})
    e5 = fsp.embeddings("head", ids, by_id)
    with np.load(fsp.OUT / "use_all.npz") as z:
        use = dict(zip(z["ids"].tolist(), z["vectors"]))
    base = ps.blocks_of(rows, e5, use)
    framed = with_frame(base, frame_matrix(rows, frames_of(ids, by_id)))
    y = np.array([float(r["same"]) for r in rows])
    folds = np.array([r["fold"] for r in rows])
    blind = np.flatnonzero(np.isin(folds, folds_arg))
    print(f"{len(rows)} labelled pairs; {len(blind)} in {len(folds_arg)} blind folds,"
          f" {int(y[blind].sum())} same", flush=True)
    probs: dict[str, Matrix] = {}
    picks: dict[str, npt.NDArray[np.bool_]] = {}
    for name in names:
        c = COMBINERS[name]
        data = framed if name.endswith("frame") else base
        p_all, picked, chosen = in_fold(c, data, y, folds, folds_arg)
        probs[name], picks[name] = p_all, picked
        pb, sb, yb = p_all[blind], data.sim[blind], y[blind]
        r, t, cc = ps.best_recall(yb, lambda t: ps.decide(pb, sb, t, c.words_only), ps.sweep(pb))
        hc = ps.counts(yb, picked[blind])
        print(f"\n== {name}: settings {chosen}\n  read off: {r:.3f} at t={t:.3f} {ps.cell(cc)}\n"
              f"  in-fold:  {ps.cell(hc)} recall {hc[0] / (hc[0] + hc[2]):.3f}", flush=True)
        ref = REFERENCE.get(name)
        per_fold = []
        for fold in folds_arg:
            idx = np.flatnonzero(folds == fold)
            now = ps.counts(y[idx], picked[idx])
            cell = f"{fold} {'/'.join(map(str, now))}"
            if ref in picks:
                was = ps.counts(y[idx], picks[ref][idx])
                cell += f" (fp {now[1] - was[1]:+d}, tp {now[0] - was[0]:+d})"
            per_fold.append(cell)
        print("  in-fold per fold tp/fp/fn: " + ", ".join(per_fold), flush=True)
    return probs


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="step 1: S14's misses, read")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--cv", action="store_true", help="step 2: held out as S14")
    parser.add_argument("--combiners", nargs="*", default=list(COMBINERS))
    parser.add_argument("--folds", nargs="*", default=list(fsp.BLIND))
    parser.add_argument("--out", type=Path, default=fsp.OUT / "event_frames_probs.npz")
    args = parser.parse_args(argv)
    docs = bench.load(bench.CORPUS)
    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    rows = fsp.pair_rows(pairs, by_id)
    if args.misses:
        misses(rows, by_id, args.sample)
    if args.cv:
        probs = cv(rows, by_id, args.combiners, args.folds)
        out = args.out
        arrays: dict[str, Any] = {"a": np.array([r["a"] for r in rows]),
                                  "b": np.array([r["b"] for r in rows]), **probs}
        np.savez(out, **arrays)
        print(f"\nheld-out probabilities saved to {out}")


if __name__ == "__main__":
    main()
