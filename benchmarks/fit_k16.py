"""Can the choice of the digest's three be learned now (brief K16)? Leave-one-set-out over the dev sets.

    .venv/bin/python benchmarks/fit_quote_rank.py --k16 [--k16-rankers hand,logistic,ascent]
    PYTHONPATH=/tmp/k16lib .venv/bin/python benchmarks/fit_quote_rank.py --k16   # + lightgbm

The candidate table is built once: every development article's found quotes as `rank_quotes`
ranks them (the writer's next clause cut, reported spans split into clauses), each with the hand
features (digests.quote_rank.features) and the discourse-role features
(digests.quote_rank_roles), labelled key / not key by the benchmark's matching rule. Every ranker
is scored by the choice as `rank_quotes` makes it (greedy with repeat and counter terms,
PARAPHRASE_LAST, a clause shown whole unless all its siblings are chosen), untrimmed texts, per set
held out and pooled; hyper-parameters are chosen on inner folds of the training sets only.

* `hand` — the shipped weights (the reference; reproduces rank_quotes, tests/test_k16_rank.py);
* `logistic` — a pairwise logistic ranker within articles over every feature (numpy), L2 chosen
  on inner folds, the scores rescaled to the hand scores' spread, repeat/counter set on training;
* `logistic_roles` — the same over the hand features plus the role features only;
* `lgbm` — a LightGBM lambdarank ranker (if importable: it is not a project dependency; install
  it outside the venv, e.g. `pip install --target /tmp/k16lib lightgbm narwhals scipy`),
  leaves and trees chosen on inner folds;
* `hand+roles` — the hand score (its weight learned, unpenalized) plus a pairwise-logistic term
  over the role features only, L2 chosen on inner folds (a strong L2 is the hand ranking);
* `ascent` — the hand weights re-tuned on all features by coordinate ascent, from the hand weights.

The KEY rule (/work/notes/s16_plan.md, brief K16): a ranker ships only if its pooled held-out
key-three rises ≥ 0.01 over hand, digest precision does not fall and the digest stays ≤ 10 ms.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from digest_quality import CORPUS, Score, gold_sets, read_corpus, to_article
from fit_quote_rank import GOLD_FILES, KNOWN_SETS, SET_ORDER, Tally, consensus_gold
from digests.clause_split import run_on_cut, split_clauses, whole_unless_all
from digests.headline import clean_headline
from digests.quote_rank import (
    PARAPHRASE_LAST,
    W_COUNTER,
    W_REPEAT,
    WEIGHTS,
    Pool,
    choose,
    features,
    pool_of,
)
from digests.quote_rank_roles import ROLE_NAMES, role_features
from digests.quotes import Candidate, find_quotes

HAND = tuple(WEIGHTS)
NAMES = (*HAND, *ROLE_NAMES)
ASCENT_GRID = (-1.2, -0.8, -0.4, -0.2, 0.0, 0.2, 0.4, 0.8, 1.2, 2.0)
CHOICE_GRID = tuple(itertools.product((0.0, 0.25, 0.5, 0.8), (0.0, 0.4, 0.8, 1.2)))


@dataclass(frozen=True)
class Row:
    """One development article as `rank_quotes` sees it, with labels."""

    set_name: str
    article_id: str
    headline: str
    candidates: tuple[Candidate, ...]  # after run_on_cut
    parts: tuple[Candidate, ...]  # after split_clauses
    origin: tuple[int, ...]
    x: Any  # parts × NAMES feature matrix (numpy)
    pool: Pool
    key: tuple[bool, ...]  # each part matches a key gold quote
    gold: tuple[dict[str, object], ...]
    memo: dict[tuple[int, ...], tuple[int, int, int, int]] = field(default_factory=dict,
                                                                   compare=False)


def _is_key(c: Candidate, gold: Sequence[dict[str, object]]) -> bool:
    s = Score()
    s.add([(c.text, c.speaker)], gold)
    return s.matched_key > 0


def table(sets: Sequence[str]) -> list[Row]:
    """The candidate table of the development `sets` (never a blind set: KNOWN_SETS only)."""
    corpus = {row["id"]: row for row in read_corpus(CORPUS)}
    out: list[Row] = []
    for n, (name, g) in enumerate(gold_sets(GOLD_FILES, 20)):
        if name not in sets or name not in KNOWN_SETS or g["id"] not in corpus:
            continue
        article = to_article(n, corpus[g["id"]])
        headline = clean_headline(article.title, article.text)
        paragraphs = tuple(p for p in article.paragraphs if p.strip())
        cands = tuple(run_on_cut(c) for c in find_quotes(paragraphs))
        parts, origin = split_clauses(cands)
        gold = tuple(g.get("quotes", []))
        x = matrix(parts, headline)
        out.append(Row(name, str(g["id"]), headline, cands, tuple(parts), tuple(origin), x,
                       pool_of(parts), tuple(_is_key(p, gold) for p in parts), gold))
    return out


def matrix(parts: Sequence[Candidate], headline: str) -> Any:
    """parts × NAMES: the hand features then the role features."""
    rows = [{**a, **b} for a, b in zip(features(parts, headline), role_features(parts, headline))]
    return np.array([[f[k] for k in NAMES] for f in rows], dtype=float).reshape(len(rows),
                                                                               len(NAMES))


def shown(row: Row, scores: Sequence[float], repeat: float = W_REPEAT,
          counter: float = W_COUNTER) -> list[Candidate]:
    """What the digest shows for `row` under `scores` (the choice as rank_quotes makes it)."""
    picked = choose(row.pool, scores, repeat=repeat, counter=counter, paraphrase=PARAPHRASE_LAST)
    return whole_unless_all(picked, row.parts, row.origin, row.candidates)


def counts(row: Row, scores: Sequence[float], repeat: float = W_REPEAT,
           counter: float = W_COUNTER, gold: Sequence[dict[str, object]] | None = None) -> Tally:
    picked = tuple(choose(row.pool, scores, repeat=repeat, counter=counter,
                          paraphrase=PARAPHRASE_LAST))
    memo = row.memo if gold is None else {}
    if picked not in memo:
        s = Score()
        items = whole_unless_all(picked, row.parts, row.origin, row.candidates)
        s.add([(c.text, c.speaker) for c in items], row.gold if gold is None else gold)
        memo[picked] = (s.matched_key, s.gold_key, s.matched_pred, s.predicted)
    return Tally(*memo[picked])


@dataclass(frozen=True)
class Model:
    """A fitted ranker: a score function over the feature matrix, and the choice's terms."""

    name: str
    score: Callable[[Any], Any]
    repeat: float = W_REPEAT
    counter: float = W_COUNTER
    info: str = ""


def all_scores(score: Callable[[Any], Any], rows: Sequence[Row]) -> list[list[float]]:
    """Each row's part scores, from one call over the stacked matrices (a tree model's predict
    call costs more than its rows)."""
    with_parts = [r.x for r in rows if len(r.parts)]
    flat = [float(v) for v in score(np.vstack(with_parts))] if with_parts else []
    out: list[list[float]] = []
    at = 0
    for r in rows:
        out.append(flat[at:at + len(r.parts)])
        at += len(r.parts)
    return out


def evaluate(model: Model, rows: Sequence[Row],
             gold: Mapping[str, tuple[dict[str, object], ...]] | None = None,
             scores: Sequence[Sequence[float]] | None = None) -> Tally:
    out = Tally()
    for row, s in zip(rows, scores if scores is not None else all_scores(model.score, rows)):
        out.add(counts(row, s, model.repeat, model.counter,
                       None if gold is None else gold[row.article_id]))
    return out


def linear(w: Any) -> Callable[[Any], Any]:
    return lambda x: x @ w


def hand_vector() -> Any:
    return np.array([WEIGHTS.get(k, 0.0) for k in NAMES])


def hand_scores(x: Any) -> Any:
    """The hand score of each row of `x` summed term by term in WEIGHTS' order, as rank_quotes
    sums it (a numpy dot rounds otherwise, and an exact tie of two quotes then falls the other
    way: 6 of 1,039 dev articles)."""
    w = list(WEIGHTS.values())
    return np.array([sum(a * b for a, b in zip(w, row[:len(w)])) for row in x.tolist()])


def hand(_train: Sequence[Row]) -> Model:
    return Model("hand", hand_scores)


def _spread(train: Sequence[Row], score: Callable[[Any], Any]) -> float:
    """Mean within-article standard deviation of the scores (articles with > 3 parts)."""
    sds = [float(np.std(s)) for s in all_scores(score, [r for r in train if len(r.parts) > 3])]
    return float(np.mean(sds)) if sds else 1.0


def with_choice(name: str, score: Callable[[Any], Any], train: Sequence[Row],
                info: str = "") -> Model:
    """The scores rescaled to the hand scores' spread, then repeat/counter set on `train`."""
    hand_sd = _spread(train, linear(hand_vector()))
    sd = _spread(train, score) or 1.0
    scaled = (lambda x: score(x) * (hand_sd / sd))
    trials = [Model(name, scaled, r, c, info) for r, c in CHOICE_GRID]
    fixed = all_scores(scaled, train)
    return max(trials, key=lambda m: evaluate(m, train, scores=fixed).objective())


def _pairs(train: Sequence[Row], cols: Sequence[int]) -> tuple[Any, Any]:
    diffs, weights = [], []
    for r in train:
        if len(r.parts) <= 3:
            continue
        pos = [i for i, k in enumerate(r.key) if k]
        neg = [i for i, k in enumerate(r.key) if not k]
        for p in pos:
            for q in neg:
                diffs.append(r.x[p, cols] - r.x[q, cols])
                weights.append(1.0 / (len(pos) * len(neg)))
    return np.array(diffs).reshape(len(diffs), len(cols)), np.array(weights)


def fit_pairwise(train: Sequence[Row], cols: Sequence[int], l2: float, steps: int = 300,
                 offset: Any = None) -> Any:
    """Pairwise logistic weights (full vector over NAMES; 0 outside `cols`), Adam on the mean
    article-weighted log-loss plus L2. With `offset` (a weight vector: the hand weights) its
    score is one more column with an unpenalized weight: the ranker learns what to add to the
    hand score, and a strong L2 keeps it at the hand score."""
    if offset is not None:
        d0, wt = _pairs(train, list(range(len(NAMES))))
        d = np.hstack([d0 @ offset[:, None], d0[:, list(cols)]])
        penal = np.array([0.0] + [1.0] * len(cols))
    else:
        d, wt = _pairs(train, cols)
        penal = np.ones(len(cols))
    wt = wt / (wt.sum() or 1.0)
    w = np.zeros(d.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        margin = np.clip(d @ w, -50, 50)
        grad = -(d * (wt / (1.0 + np.exp(margin)))[:, None]).sum(axis=0) + l2 * penal * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    full = np.zeros(len(NAMES))
    if offset is not None:
        full[list(cols)] = w[1:]
        return full + w[0] * offset
    full[list(cols)] = w
    return full


def inner_folds(train: Sequence[Row], k: int = 4) -> list[tuple[list[Row], list[Row]]]:
    """k inner folds by whole sets (the sets in SET_ORDER dealt round-robin)."""
    sets = [s for s in SET_ORDER if any(r.set_name == s for r in train)]
    groups = [set(sets[i::k]) for i in range(k)]
    return [([r for r in train if r.set_name not in g], [r for r in train if r.set_name in g])
            for g in groups if g]


def choose_hyper(train: Sequence[Row], grid: Sequence[Any],
                 fit: Callable[[Sequence[Row], Any], Model]) -> Any:
    """The grid value whose inner-fold held-out objective is best (ties: the first)."""
    folds = inner_folds(train)
    best, best_val = None, -math.inf
    for h in grid:
        got = Tally()
        for tr, te in folds:
            got.add(evaluate(fit(tr, h), te))
        if got.objective() > best_val + 1e-9:
            best, best_val = h, got.objective()
    return best


L2_GRID = (0.001, 0.01, 0.1)


def logistic_ranker(cols: Sequence[int], name: str) -> Callable[[Sequence[Row]], Model]:
    def fit(train: Sequence[Row], l2: float) -> Model:
        return with_choice(name, linear(fit_pairwise(train, cols, l2)), train, f"l2={l2}")

    return lambda train: fit(train, choose_hyper(train, L2_GRID, fit))


OFFSET_L2_GRID = (0.001, 0.01, 0.1, 1.0)


def offset_ranker(cols: Sequence[int], name: str) -> Callable[[Sequence[Row]], Model]:
    """The hand score plus a learned pairwise-logistic term over `cols` (the role features)."""
    def fit(train: Sequence[Row], l2: float) -> Model:
        w = fit_pairwise(train, cols, l2, offset=hand_vector())
        return with_choice(name, linear(w), train, f"l2={l2}")

    return lambda train: fit(train, choose_hyper(train, OFFSET_L2_GRID, fit))


def ascent(train: Sequence[Row], passes: int = 2) -> Model:
    """Coordinate ascent of every weight (hand and role) and of repeat/counter over GRID."""
    w = hand_vector()
    rc = [W_REPEAT, W_COUNTER]

    def obj(vec: Any, r: float, c: float) -> float:
        return evaluate(Model("ascent", linear(vec), r, c), train).objective()

    best = obj(w, *rc)
    for _ in range(passes):
        improved = False
        for k in range(len(NAMES) + 2):
            grid = (0.0, 0.25, 0.5, 0.8, 1.2) if k >= len(NAMES) else ASCENT_GRID
            for value in grid:
                if k < len(NAMES):
                    if value == w[k]:
                        continue
                    trial = w.copy()
                    trial[k] = value
                    got = obj(trial, *rc)
                else:
                    trc = list(rc)
                    trc[k - len(NAMES)] = value
                    got = obj(w, *trc)
                if got > best + 1e-9:
                    best, improved = got, True
                    if k < len(NAMES):
                        w = trial
                    else:
                        rc = trc
        if not improved:
            break
    changed = ", ".join(f"{n}={v:g}" for n, v, h in zip(NAMES, w, hand_vector()) if v != h)
    return Model("ascent", linear(w), rc[0], rc[1], changed)


LGBM_GRID = ((4, 50), (4, 150), (8, 100))


def lgbm_ranker(objective: str = "lambdarank", fixed: tuple[int, int] | None = None
                ) -> Callable[[Sequence[Row]], Model]:
    import lightgbm  # not a project dependency (see the module docstring)

    def fit(train: Sequence[Row], hyper: tuple[int, int]) -> Model:
        rows = [r for r in train if len(r.parts) > 1]
        x = np.vstack([r.x for r in rows])
        y = np.concatenate([np.array(r.key, dtype=int) for r in rows])
        params = {"objective": objective, "num_leaves": hyper[0], "learning_rate": 0.05,
                  "min_data_in_leaf": 20, "verbose": -1, "num_threads": 1, "seed": 16}
        data = lightgbm.Dataset(x, y, group=[len(r.parts) for r in rows]
                                if objective == "lambdarank" else None)
        booster = lightgbm.train(params, data, num_boost_round=hyper[1])
        score = lambda a: booster.predict(a)  # noqa: E731
        return with_choice(f"lgbm_{objective}", score, train, f"leaves,trees={hyper}")

    if fixed is not None:
        return lambda train: fit(train, fixed)
    return lambda train: fit(train, choose_hyper(train, LGBM_GRID, fit))


def rankers(names: Sequence[str]) -> dict[str, Callable[[Sequence[Row]], Model]]:
    hand_cols = list(range(len(HAND)))
    all_cols = list(range(len(NAMES)))
    role_cols = list(range(len(HAND), len(NAMES)))
    table_: dict[str, Callable[[], Callable[[Sequence[Row]], Model]]] = {
        "hand": lambda: hand,
        "logistic": lambda: logistic_ranker(all_cols, "logistic"),
        "logistic_hand": lambda: logistic_ranker(hand_cols, "logistic_hand"),
        "hand+roles": lambda: offset_ranker(role_cols, "hand+roles"),
        "ascent": lambda: ascent,
        "lgbm": lambda: lgbm_ranker("lambdarank"),
        "lgbm_binary": lambda: lgbm_ranker("binary"),
    }
    return {n: table_[n]() for n in names}


RANKER_NAMES = ("hand", "logistic", "logistic_hand", "hand+roles", "ascent", "lgbm",
                "lgbm_binary")


def loso(rows: Sequence[Row], sets: Sequence[str],
         fits: Mapping[str, Callable[[Sequence[Row]], Model]], consensus: bool = True,
         log: Callable[[str], None] = print) -> dict[str, dict[str, Tally]]:
    """ranker → held-out set (and "pooled", "consensus") → tally."""
    agreed = consensus_gold() if consensus else {}
    out: dict[str, dict[str, Tally]] = {n: {"pooled": Tally(), "consensus": Tally()}
                                        for n in fits}
    for held in sets:
        train = [r for r in rows if r.set_name != held]
        test = [r for r in rows if r.set_name == held]
        both = [r for r in test if r.article_id in agreed]
        for name, fit in fits.items():
            t0 = time.monotonic()
            model = fit(train)
            got = evaluate(model, test)
            out[name][held] = got
            out[name]["pooled"].add(got)
            if both:
                out[name]["consensus"].add(evaluate(model, both, agreed))
            log(f"fold {held} {name}: {got.cell()} repeat={model.repeat} "
                f"counter={model.counter} {model.info} ({time.monotonic() - t0:.0f} s)")
    return out


def report(cv: Mapping[str, Mapping[str, Tally]], sets: Sequence[str]) -> str:
    names = list(cv)
    lines = ["| set held out | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for s in [*sets, "pooled"]:
        lines.append(f"| {s} | " + " | ".join(
            f"{cv[n][s].key}/{cv[n][s].gold_key}" if s != "pooled" else
            f"**{cv[n][s].recall():.4f} ({cv[n][s].key}/{cv[n][s].gold_key})**"
            for n in names) + " |")
    base = cv[names[0]]["pooled"]
    lines.append("| Δ key vs " + names[0] + " | " + " | ".join(
        f"{cv[n]['pooled'].key - base.key:+d} ({cv[n]['pooled'].recall() - base.recall():+.4f})"
        for n in names) + " |")
    lines.append("| precision (pooled) | " + " | ".join(
        f"{cv[n]['pooled'].precision():.4f} ({cv[n]['pooled'].right}/{cv[n]['pooled'].shown})"
        for n in names) + " |")
    lines.append("| consensus (2 of 3), held out | " + " | ".join(
        cv[n]["consensus"].cell() for n in names) + " |")
    return "\n".join(lines)


def cached_table(sets: Sequence[str]) -> list[Row]:
    """`table(sets)`, kept in the pickle file named by $K16_TABLE when set (built once)."""
    import os
    import pickle

    path = os.environ.get("K16_TABLE", "")
    if path and os.path.exists(path):
        with open(path, "rb") as fh:
            rows: list[Row] = pickle.load(fh)
        if {r.set_name for r in rows} == set(sets) or not sets:
            return rows
    rows = table(sets)
    if path:
        with open(path, "wb") as fh:
            pickle.dump(rows, fh)
    return rows


CURVE_SIZES = (6, 12, 18)


def learning_curve(rows: Sequence[Row], sets: Sequence[str], seed: int = 16,
                   log: Callable[[str], None] = print) -> dict[tuple[str, int], Tally]:
    """Does more data help? Each set held out in turn; the rankers trained on `n` of the other
    sets (a fixed random draw per fold) for n in CURVE_SIZES, hyper-parameters fixed at values
    the inner folds chose often in the full run (logistic and hand+roles l2 0.01: 9 and 4 of 19
    folds; lgbm 4 leaves with 150 trees: 7 folds, or 50 trees: 10 folds) — chosen after seeing
    that run, so a diagnostic of the trend, not a held-out claim for shipping."""
    import random

    fits: dict[str, Callable[[Sequence[Row]], Model]] = {
        "logistic": lambda tr: with_choice("logistic", linear(
            fit_pairwise(tr, list(range(len(NAMES))), 0.01)), tr),
        "hand+roles": lambda tr: with_choice("hand+roles", linear(fit_pairwise(
            tr, list(range(len(HAND), len(NAMES))), 0.01, offset=hand_vector())), tr),
    }
    try:
        import lightgbm  # noqa: F401
        fits["lgbm(4,150)"] = lambda tr: lgbm_ranker("lambdarank", fixed=(4, 150))(tr)
        fits["lgbm(4,50)"] = lambda tr: lgbm_ranker("lambdarank", fixed=(4, 50))(tr)
    except ImportError:
        pass
    out: dict[tuple[str, int], Tally] = {}
    rng = random.Random(seed)
    for held in sets:
        others = [s for s in sets if s != held]
        order = rng.sample(others, len(others))
        test = [r for r in rows if r.set_name == held]
        for n in CURVE_SIZES:
            train = [r for r in rows if r.set_name in set(order[:n])]
            for name, fit in fits.items():
                got = evaluate(fit(train), test)
                out.setdefault((name, n), Tally()).add(got)
        log(f"curve fold {held} done")
    return out


def run(sets: Sequence[str], names: Sequence[str], insample: bool = False,
        curve: bool = False) -> int:
    t0 = time.monotonic()
    rows = cached_table(sets)
    print(f"{len(rows)} articles, {sum(len(r.parts) for r in rows)} ranked parts, "
          f"{sum(sum(r.key) for r in rows)} key parts, {len(NAMES)} features "
          f"({time.monotonic() - t0:.0f} s)", flush=True)
    if curve:
        points = learning_curve(rows, [s for s in SET_ORDER if s in sets or not sets])
        for (name, n), t in sorted(points.items()):
            print(f"curve {name} trained on {n} sets: {t.cell()} precision {t.right}/{t.shown}")
        return 0
    if insample:  # how much the rankers can fit at all: fitted and scored on every set
        for name, fit in rankers(names).items():
            model = fit(rows)
            got = evaluate(model, rows)
            print(f"in-sample {name}: {got.cell()} precision {got.right}/{got.shown} "
                  f"repeat={model.repeat} counter={model.counter} {model.info}", flush=True)
        return 0
    sets = [s for s in SET_ORDER if any(r.set_name == s for r in rows)]
    cv = loso(rows, sets, rankers(names), log=lambda m: print(m, flush=True))
    print(report(cv, sets))
    return 0
