"""Session 20 (brief KEY): the editor's three under ranking variants, on every development set.

digest_quality's «recall(key)» of the digest's three (≤ 3 quotes) is scored for the ranking as it
is (`base`) and for each variant below, with the pre-registered rule of /work/notes/s20_plan.md in
mind: a variant ships only if it gains ≥ +3 key quotes with precision and speakers not lower.
The finder runs once per article (its candidates, with their shown speakers, are kept); only the
ranking is swapped, so a variant costs about one pass of `rank_quotes` over the gold.

The variants (each patches digests.quote_rank for its run only, then restores it):

* **weights** — each hand weight ±0.4, W_REPEAT and W_COUNTER over a grid, PARAPHRASE and
  PARAPHRASE_LAST (the refit question: do the newer sets move the optimum?);
* **marked** — a reported clause mostly inside quote marks scored as direct speech (F35's lead,
  QA50 E4: the governed clause «الرئيس دعا "…"» lost the direct weight);
* **headline** — the headline match read otherwise: half of it the share of the headline's words
  covered, a bonus for the article's best match, the quote's own words against the headline's
  claim after «X:» or inside its marks, the headline's words without the speaker's;
* **repeats** — same speaker only by name inclusion (not ≥ 0.5 overlap: «السفير الفرنسي» and
  «الرئيس الفرنسي …» are two people), a third quote of one voice penalised more, a slot-dependent
  repeat penalty;
* **counter** — the counter-voice bonus in the second or the third slot (once);
* **K17** (session 22) — a quote whose bare cue resolves to a person named at an earlier quote
  credited as named (`pronoun_named`), a fragment that leads on a demonstrative −1.2
  (`demonstrative_lead`), both; the last only below a headline match (not pre-registered);
* **K26** (session 26) — «own voice»: a carried direct quote (no speaker written at it) that speaks
  in the first person credited as named (`own_voice`, pre-registered in
  /work/notes/s26/K26_prereg.md); exploratory: half the credit, a first-person term for every
  direct quote.
* **K27** (session 27) — «own voice» with a second-voice guard (`second_voice`: the third slot
  goes to another named voice within GUARD_MARGIN when the first two and the best third are one
  voice), the guard alone, «own voice» for the lead voice only with the guard
  (`lead_own_voice`); pre-registered in /work/notes/s27/K27_prereg.md.

Session 20's table (run on 4a340ab, before «long» became 0; `long+0.4` was the one variant to
clear the bar): /work/notes/s20/KEY.md and benchmarks/README.md «Session 20 (brief KEY)».

Usage: .venv/bin/python benchmarks/key_variants.py [--corpus PATH] [--only NAME,NAME] [--changed]
       .venv/bin/python benchmarks/key_variants.py --hand-cv NAME   (fit_quote_rank's hand CV)
       .venv/bin/python benchmarks/key_variants.py --only NAME,NAME --corpus-dump /tmp/dir
           (then benchmarks/speaker_scan.py --diff /tmp/dir/base.json /tmp/dir/NAME.json)
Only the development sets (digest_quality.DEVELOPMENT) are read; a blind set is never opened.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import digests.quote_rank as rank_module  # noqa: E402
from digest_quality import (  # noqa: E402
    CORPUS, DEVELOPMENT, GOLD, Score, gold_sets, read_corpus, to_article)
from digests.first_person import first_person  # noqa: E402
from digests.headline import clean_headline  # noqa: E402
from digests.quote_rank import WEIGHTS, Pool, _keys, _overlap, _persons  # noqa: E402
from digests.quotes import MAX_QUOTE_CHARS, Candidate, find_quotes  # noqa: E402
from digests.speaker_guard import shown_speaker  # noqa: E402


@dataclass(frozen=True)
class Item:
    """One development gold article as the ranking sees it."""

    set_name: str
    article: str
    headline: str
    found: tuple[Candidate, ...]
    gold: tuple[dict[str, Any], ...]


def items(corpus_path: Path, sets: Sequence[str] = ()) -> list[Item]:
    """The development articles with their candidates (as digests.quotes.key_quotes keeps them)."""
    wanted = set(sets) or set(DEVELOPMENT)
    corpus = {row["id"]: row for row in read_corpus(corpus_path)}
    out: list[Item] = []
    for n, (set_name, g) in enumerate(gold_sets(GOLD, 20)):
        if set_name not in DEVELOPMENT or set_name not in wanted or g["id"] not in corpus:
            continue
        article = to_article(n, corpus[g["id"]])
        found = tuple(replace(c, speaker=shown) for c in find_quotes(article.paragraphs)
                      if (shown := shown_speaker(c.speaker)))
        out.append(Item(set_name, str(g["id"]), clean_headline(article.title, article.text),
                        found, tuple(g.get("quotes", []))))
    return out


def score(data: Sequence[Item], **kwargs: Any) -> tuple[Score, dict[str, int]]:
    """digest_quality's score of the three `rank_quotes` keeps (kwargs go to it), and the key
    quotes matched per article."""
    total = Score()
    per: dict[str, int] = {}
    for it in data:
        top = [(c.to_quote(MAX_QUOTE_CHARS).text, c.speaker)
               for c in rank_module.rank_quotes(it.found, it.headline, **kwargs)]
        one = Score()
        one.add(top, it.gold)
        total.add(top, it.gold)
        per[it.article] = one.matched_key
    return total, per


@contextmanager
def patched(values: Mapping[str, Any]) -> Iterator[None]:
    """digests.quote_rank with some names replaced (restored on exit)."""
    old = {name: getattr(rank_module, name) for name in values}
    for name, value in values.items():
        setattr(rank_module, name, value)
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(rank_module, name, value)


FeatureEdit = Callable[[Sequence[Candidate], str, list[dict[str, float]]], None]


def features_with(edit: FeatureEdit) -> Callable[..., list[dict[str, float]]]:
    """rank_quotes' features, then `edit` (in place)."""
    features = rank_module.features

    def run(candidates: Sequence[Candidate], headline: str = "") -> list[dict[str, float]]:
        out = features(candidates, headline)
        edit(candidates, headline, out)
        return out
    return run


_MARKED_RE = re.compile(r'["«“]([^"«»“”]+)["»”]')


def marked_share(text: str) -> float:
    """Share of a text's words inside quote marks."""
    inside = sum(len(m.group(1).split()) for m in _MARKED_RE.finditer(text))
    return inside / max(1, len(text.split()))


def marked(threshold: float, value: float) -> FeatureEdit:
    def edit(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
        for c, f in zip(cands, out):
            if c.kind == "reported" and marked_share(c.text) >= threshold:
                f["direct"] = max(f["direct"], value)
    return edit


def coverage(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
    keys = _keys(head)
    for c, f in zip(cands, out):
        if keys:
            mine = _keys(c.context or c.text) | _keys(c.speaker)
            f["about"] = 0.5 * f["about"] + 0.5 * len(mine & keys) / len(keys)


def best_about(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
    best = max((f["about"] for f in out), default=0.0)
    for f in out:
        f["about"] += 0.3 if best > 0 and f["about"] == best else 0.0


def claim(mode: str, weight: float) -> FeatureEdit:
    """The quote's own words against the headline's claim: after «X:» (`colon`), inside its
    marks (`marks`), or the whole headline (`text`)."""
    def edit(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
        if mode == "colon":
            parts = re.split(r"[:：]", head, maxsplit=1)
            keys = _keys(parts[1]) if len(parts) == 2 and len(parts[0].split()) <= 5 else set()
        elif mode == "marks":
            keys = set().union(*(_keys(m) for m in _MARKED_RE.findall(head)))
        else:
            keys = _keys(head)
        for c, f in zip(cands, out):
            f["about"] += weight * _overlap(_keys(c.text), keys) if keys else 0.0
    return edit


def without_speaker(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
    keys = _keys(head)
    for c, f in zip(cands, out):
        if keys:
            f["about"] = min(f["about"], _overlap(_keys(c.context or c.text), keys))


def same_by_inclusion(candidates: Sequence[Candidate]) -> Pool:
    pool = ORIGINAL_POOL(candidates)
    person = _persons(candidates)
    who = [set(person[c.speaker]) for c in candidates]
    same = tuple(tuple(bool(a) and (a <= b or b <= a) for b in who) for a in who)
    return Pool(pool.candidates, same, pool.paraphrase, pool.same_words)


ORIGINAL_POOL = rank_module.pool_of
ORIGINAL_CHOOSE = rank_module.choose


def choose_with(penalty: Callable[[Pool, int, Sequence[int]], float], repeat: float | None = None,
                counter_any: bool = False) -> Callable[..., list[int]]:
    """`choose` with an extra penalty (and the repeat term replaced when `repeat` is given)."""
    def run(pool: Pool, scores: Sequence[float], **kw: Any) -> list[int]:
        if repeat is not None:
            kw["repeat"] = repeat
        if counter_any:  # the counter bonus once, in slot 2 or 3
            bonus = kw.pop("counter", rank_module.W_COUNTER)
            kw["counter"] = 0.0
            base = penalty

            def with_counter(i: int, chosen: Sequence[int]) -> float:
                c = pool.candidates
                own = bonus if c[i].counter and not any(c[j].counter for j in chosen) else 0.0
                return base(pool, i, chosen) - own
            return ORIGINAL_CHOOSE(pool, scores, penalty=with_counter, **kw)
        return ORIGINAL_CHOOSE(pool, scores, penalty=lambda i, ch: penalty(pool, i, ch), **kw)
    return run


def _repeats(pool: Pool, i: int, chosen: Sequence[int]) -> int:
    return sum(1 for j in chosen if pool.same[i][j])


def pronoun_named(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
    """K17 (a): a quote whose bare cue («وأضاف», «مضيفا») or carried voice resolves to a person
    named at an earlier quote is credited as named."""
    person = _persons(cands)
    seen: set[frozenset[str]] = set()
    for c, f in zip(cands, out):
        who = person[c.speaker]
        if c.named:
            seen.add(who)
        elif who and who in seen:
            f["named"] = 1.0


_DEMONSTRATIVES = frozenset("هذا هذه ذلك تلك هذان هاتان هؤلاء أولئك".split())
# «… أن ذلك "لكي …"»: the marks are the predicate of a demonstrative written before them.
_DEMO_BEFORE_RE = re.compile(
    r"(?:^|\s)[وف]?(?:إن|أن|بأن|لأن|ان|بان|لان)\s+(?:هذا|هذه|ذلك|تلك)[\s،,:]*[\"«“„]?\s*$")


def demonstrative_lead(c: Candidate) -> bool:
    """K17 (b): a fragment that leads on a demonstrative: its first word is «هذا/ذلك …» (at most
    15 words), or direct speech whose marks are the predicate of «أن ذلك» written before them; not
    a counter-voice's reply («هذا القرار ظالم …» answers the claim shown first)."""
    if c.counter:
        return False
    words = c.text.strip("\"“”«»„ ").split()
    first = words[0] if words else ""
    if first[:1] in "وف" and first[1:] in _DEMONSTRATIVES:
        first = first[1:]
    if first in _DEMONSTRATIVES and len(words) <= 15:
        return True
    if c.kind == "direct" and c.context:
        at = c.context.find(c.text)
        return at > 0 and bool(_DEMO_BEFORE_RE.search(c.context[:at]))
    return False


def demonstrative_weak(weight: float, below_about: float = 2.0) -> FeatureEdit:
    """A term of −`weight` for a demonstrative fragment whose headline match is under
    `below_about` (2.0: every one)."""
    def edit(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
        for c, f in zip(cands, out):
            if demonstrative_lead(c) and f["about"] < below_about:
                f["about"] -= weight / WEIGHTS["about"]
    return edit


def own_voice(credit: float = 1.0, carried_only: bool = True) -> FeatureEdit:
    """K26: a direct quote that speaks in the first person («نحن», «أعتقد», «…نا») is the voice's
    own words; when its speaker is not written at it (`carried_only`) it gets `named` = `credit`,
    else (every direct first-person quote) `named` += `credit`."""
    def edit(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
        for c, f in zip(cands, out):
            if c.kind != "direct" or not first_person(c.text):
                continue
            if carried_only:
                if not c.named:
                    f["named"] = max(f["named"], credit)
            else:
                f["named"] += credit
    return edit


def lead_voice(cands: Sequence[Candidate], out: Sequence[Mapping[str, float]]) -> frozenset[str]:
    """K27: the person (`_persons`) of the candidate with the highest hand score — the voice the
    digest leads with (empty when it has no speaker)."""
    if not cands:
        return frozenset()
    scores = [sum(WEIGHTS.get(k, 0.0) * v for k, v in f.items()) for f in out]
    return _persons(cands)[cands[max(range(len(cands)), key=scores.__getitem__)].speaker]


def _one_person(a: frozenset[str], b: frozenset[str]) -> bool:
    """`pool_of`'s «same speaker» test on two persons."""
    return bool(a) and (a == b or _overlap(set(a), set(b)) >= 0.5)


def lead_own_voice(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
    """K27 (C): «own voice» only for a carried quote whose person is the lead voice (carried
    marks are the finder's weakest speakers; the lead voice's are the likeliest right)."""
    lead = lead_voice(cands, out)
    person = _persons(cands)
    for c, f in zip(cands, out):
        if (c.kind == "direct" and not c.named and first_person(c.text)
                and _one_person(person[c.speaker], lead)):
            f["named"] = max(f["named"], 1.0)


def near_own_voice(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
    """K27 (exploratory, after the registered runs): «own voice» only for a carried quote whose
    person spoke, named, at an earlier quote at most two paragraphs before (a carried mark far
    from any named quote of its voice is where the finder's carried speakers go wrong)."""
    person = _persons(cands)
    for i, (c, f) in enumerate(zip(cands, out)):
        if c.kind != "direct" or c.named or not first_person(c.text):
            continue
        who = person[c.speaker]
        if any(d.named and c.paragraph - d.paragraph <= 2 and _one_person(person[d.speaker], who)
               for d in cands[:i]):
            f["named"] = max(f["named"], 1.0)


GUARD_MARGIN = 1.2  # K27: the named weight — exactly what «own voice» can add to a carried quote


def second_voice(margin: float = GUARD_MARGIN) -> Callable[..., list[int]]:
    """K27's second-voice guard: `choose`, except that when the first two picks are one voice and
    the best third is that voice again, the third slot goes to the best quote of another voice
    written at its quote (named), not a paraphrase of a pick, whose total is within `margin` of
    that third's (K26's «own voice» let one voice take all three and drop the other side)."""
    def run(pool: Pool, scores: Sequence[float], *, limit: int = rank_module.MAX_QUOTES,
            repeat: float | None = None, counter: float | None = None,
            penalty: Callable[[int, Sequence[int]], float] | None = None,
            paraphrase: float | None = None) -> list[int]:
        rep = rank_module.W_REPEAT if repeat is None else repeat
        cnt = rank_module.W_COUNTER if counter is None else counter
        skip = pool.same_words if paraphrase is not None and pool.same_words else pool.paraphrase
        cands = pool.candidates
        chosen: list[int] = []
        left = list(range(len(cands)))
        while left and len(chosen) < limit:
            def total(i: int) -> float:
                s = scores[i] - rep * sum(1 for j in chosen if pool.same[i][j])
                if len(chosen) == 1 and cands[i].counter:
                    s += cnt
                if chosen and penalty is not None:
                    s -= penalty(i, chosen)
                if paraphrase is not None and any(pool.paraphrase[i][j] for j in chosen):
                    s -= paraphrase
                return s

            best = max(left, key=total)
            left.remove(best)
            if any(skip[best][j] for j in chosen):
                continue
            if (len(chosen) == 2 and pool.same[chosen[0]][chosen[1]]
                    and pool.same[best][chosen[0]]):
                floor = total(best) - margin
                other = [i for i in left if cands[i].named and not pool.same[i][chosen[0]]
                         and not any(skip[i][j] for j in chosen) and total(i) >= floor]
                if other:
                    best = max(other, key=total)
            chosen.append(best)
        return chosen
    return run


def both(*edits: FeatureEdit) -> FeatureEdit:
    def edit(cands: Sequence[Candidate], head: str, out: list[dict[str, float]]) -> None:
        for one in edits:
            one(cands, head, out)
    return edit


def variants() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """name → (names patched in digests.quote_rank, rank_quotes keyword arguments)."""
    out: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {"base": ({}, {})}
    for r in (0.0, 0.25, 0.75, 1.0, 1.5):
        out[f"repeat={r}"] = ({}, {"repeat": r})
    for c in (0.0, 0.4, 1.2, 1.6):
        out[f"counter={c}"] = ({}, {"counter": c})
    for name in WEIGHTS:
        for delta in (-0.4, 0.4):
            out[f"{name}{delta:+.1f}"] = ({}, {"weights": {**WEIGHTS, name: WEIGHTS[name] + delta}})
    for p in (0.35, 0.55, 0.65):
        out[f"PARAPHRASE={p}"] = ({"PARAPHRASE": p}, {})
    for thr, val in ((0.5, 1.0), (0.5, 0.5), (0.3, 0.5)):
        out[f"marked {thr}→direct {val}"] = ({"features": features_with(marked(thr, val))}, {})
    out["headline coverage"] = ({"features": features_with(coverage)}, {})
    out["best headline match +0.3"] = ({"features": features_with(best_about)}, {})
    for mode in ("colon", "marks"):
        for w in (0.25, 0.5):
            out[f"claim {mode} ×{w}"] = ({"features": features_with(claim(mode, w))}, {})
    out["headline without speaker"] = ({"features": features_with(without_speaker)}, {})
    out["same speaker by inclusion"] = ({"pool_of": same_by_inclusion}, {})
    out["third of one voice −0.5 more"] = ({"choose": choose_with(
        lambda pool, i, ch: 0.5 * max(0, _repeats(pool, i, ch) - 1))}, {})
    for r2, r3 in ((0.3, 0.5), (0.7, 0.5), (0.5, 0.3), (0.5, 0.7)):
        out[f"repeat slot2 {r2} slot3 {r3}"] = ({"choose": choose_with(
            lambda pool, i, ch, r2=r2, r3=r3: (r2 if len(ch) == 1 else r3) * _repeats(pool, i, ch),
            repeat=0.0)}, {})
    out["counter in slot 2 or 3"] = ({"choose": choose_with(lambda pool, i, ch: 0.0,
                                                            counter_any=True)}, {})
    # Session 22 (K17): (a) named via the bare cue, (b) the demonstrative fragment −1.2, (a)+(b);
    # and, after the corpus reading (not pre-registered), (b) only below a headline match.
    out["K17a pronoun named"] = ({"features": features_with(pronoun_named)}, {})
    out["K17b demonstrative weak"] = ({"features": features_with(demonstrative_weak(1.2))}, {})
    out["K17c both"] = ({"features": features_with(both(pronoun_named, demonstrative_weak(1.2)))},
                        {})
    for below in (0.1, 0.3):
        out[f"K17b weak if about < {below}"] = (
            {"features": features_with(demonstrative_weak(1.2, below))}, {})
    # Session 26 (K26): the pre-registered «own voice», then two exploratory forms.
    out["K26 own voice"] = ({"features": features_with(own_voice())}, {})
    out["K26 own voice half"] = ({"features": features_with(own_voice(0.5))}, {})
    out["K26 first person +0.5 named"] = (
        {"features": features_with(own_voice(0.5, carried_only=False))}, {})
    # Session 27 (K27, pre-registered in /work/notes/s27/K27_prereg.md): «own voice» with a guard
    # that keeps a second voice, the guard alone, «own voice» for the lead voice only with the guard.
    out["K27 own voice + guard"] = ({"features": features_with(own_voice()),
                                     "choose": second_voice()}, {})
    out["K27 guard"] = ({"choose": second_voice()}, {})
    out["K27 lead own voice + guard"] = ({"features": features_with(lead_own_voice),
                                          "choose": second_voice()}, {})
    # Exploratory (not registered): the carried quote's voice named at most two paragraphs before.
    out["K27x near own voice + guard"] = ({"features": features_with(near_own_voice),
                                           "choose": second_voice()}, {})
    out["K27x near own voice"] = ({"features": features_with(near_own_voice)}, {})
    return out


def hand_cv(name: str) -> int:
    """fit_quote_rank.py's hand ranker, leave-one-set-out, with variant `name`'s features, pool
    and choice patched into it (its own candidate table: no shown speakers, no clause split)."""
    import fit_quote_rank
    patch, kwargs = variants()[name]
    if kwargs:
        raise SystemExit(f"{name}: a keyword variant; fit_quote_rank's own grid covers it")
    old = {k: getattr(fit_quote_rank, k) for k in patch}
    for k, v in patch.items():
        setattr(fit_quote_rank, k, v)
    try:
        return fit_quote_rank.main(["--rankers", "hand"])
    finally:
        for k, v in old.items():
            setattr(fit_quote_rank, k, v)


def corpus_dump(names: Sequence[str], out_dir: Path, corpus_path: Path | None = None,
                sample: int = 0, seed: int = 27) -> dict[str, Path]:
    """The corpus digests' quotes (speaker_scan.py --dump's format: article number → [kind,
    speaker, text]) under each variant of `names` (and base), one file each in `out_dir` (outside
    the repository), for `speaker_scan.py --diff`. The finder runs once per article. `sample`:
    only that many articles drawn at random (`seed`) — the corpus takes about a second an article
    per variant on a shared machine, and a random sample of the changed digests of random
    articles is a random sample of the changed digests."""
    import json

    import digests.quotes as quotes_module
    from benchmarks.corpus import CORPUS as SCAN_CORPUS
    from benchmarks.corpus import load_corpus
    from digests.digest import condense
    from speaker_scan import _article
    if ROOT in out_dir.resolve().parents or out_dir.resolve() == ROOT:
        raise SystemExit(f"{out_dir}: dumps hold corpus text and stay outside the repository")
    out_dir.mkdir(parents=True, exist_ok=True)
    table = variants()
    names = ["base"] + [n for n in names if n != "base"]
    for name in names:
        if table[name][1]:
            raise SystemExit(f"{name}: a keyword variant is not patched into condense")
    docs = load_corpus(corpus_path or SCAN_CORPUS)
    numbers = list(range(1, len(docs) + 1))
    if sample:
        numbers = sorted(random.Random(seed).sample(numbers, min(sample, len(numbers))))
    finder = quotes_module.find_quotes
    dumps: dict[str, dict[str, list[list[str]]]] = {name: {} for name in names}
    for n in numbers:
        article = _article(n, docs[n - 1])
        memo: dict[tuple[str, ...], list[Candidate]] = {}

        def once(paragraphs: Sequence[str]) -> list[Candidate]:
            key = tuple(paragraphs)
            if key not in memo:
                memo[key] = finder(paragraphs)
            return list(memo[key])
        quotes_module.find_quotes = once
        try:
            for name in names:
                with patched(table[name][0]):
                    dumps[name][str(n)] = [[q.kind, q.speaker, q.text]
                                           for q in condense(article).quotes]
        finally:
            quotes_module.find_quotes = finder
    paths = {}
    for name in names:
        paths[name] = out_dir / (re.sub(r"\W+", "_", name).strip("_") + ".json")
        paths[name].write_text(json.dumps(dumps[name], ensure_ascii=False), encoding="utf-8")
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--only", default="", help="comma-separated variant names (and base)")
    parser.add_argument("--sets", default="", help="development sets (default: all)")
    parser.add_argument("--changed", action="store_true",
                        help="list the articles whose key quotes change under each variant")
    parser.add_argument("--hand-cv", metavar="NAME",
                        help="fit_quote_rank's hand CV with variant NAME patched in (or base)")
    parser.add_argument("--corpus-dump", type=Path, metavar="DIR",
                        help="write every corpus digest's quotes under base and each --only "
                             "variant to DIR (outside the repository), for speaker_scan.py --diff")
    parser.add_argument("--sample", type=int, default=0,
                        help="with --corpus-dump: that many articles drawn at random (--seed)")
    parser.add_argument("--seed", type=int, default=27)
    args = parser.parse_args(argv)
    if args.hand_cv:
        return hand_cv(args.hand_cv)
    if args.corpus_dump:
        for name, path in corpus_dump([n for n in args.only.split(",") if n], args.corpus_dump,
                                      sample=args.sample, seed=args.seed).items():
            print(f"{name}: {path}")
        return 0
    sets = [s for s in args.sets.split(",") if s]
    changed = args.changed
    unknown = [s for s in sets if s not in DEVELOPMENT]
    if unknown:
        parser.error(f"not development sets (never read here): {', '.join(unknown)}")
    data = items(args.corpus, sets)
    table = variants()
    names = ["base"] + [n for n in args.only.split(",") if n and n != "base"] if args.only \
        else list(table)
    base, base_per = score(data)
    print("| variant | key-three | Δ | articles +/− | precision | speakers |")
    print("|---|---|---|---|---|---|")
    for name in names:
        patch, kwargs = table[name]
        with patched(patch):
            got, per = score(data, **kwargs)
        up = sum(1 for a in per if per[a] > base_per[a])
        down = sum(1 for a in per if per[a] < base_per[a])
        print(f"| {name} | {got.matched_key}/{got.gold_key} | {got.matched_key - base.matched_key:+d}"
              f" | +{up}/−{down} | {got.matched_pred}/{got.predicted}"
              f" | {got.speaker_right}/{got.speaker_pairs} |", flush=True)
        if changed:
            for a in sorted(per):
                if per[a] != base_per[a]:
                    print(f"  {name}: {a} {base_per[a]}→{per[a]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
