"""How alike two news articles are: tf-idf vectors of analyzed keys and a time-scaled threshold.

Pure functions (no database, no clock). Each article becomes a unit tf-idf vector of its analyzed
keys (digests.arabic.analyze, stop-words dropped, title words counted twice, idf from the frozen
word-frequency table); two articles are one story when the cosine of their vectors reaches a
threshold that rises with the time between them: 0.30 for reports published together, 0.10 more
for every 12 hours between them (0.70 at 48 h), never beyond: reports of one event come out within
hours, while a reaction or the next development a day later reuses most of the same words; and
the leads (headline + first sentence) must agree unless the texts overlap far more. Rare
words (names, the places and numbers of the event) carry the weight, so reports that only share a
place name or a person stay apart. Word shingles were the first idea, but reports of one event by
different sources are rewritten, not copied: 3-word shingle overlap ≥ 0.5 found a quarter of the
hand-labelled same-story pairs (benchmarks/stories.py).
"""

from __future__ import annotations

import gzip
import math
import re
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from importlib import resources

from digests import arabic

WINDOW = timedelta(hours=48)
POSTING_TERMS = 16      # heaviest terms indexed per article (every labelled pair shares >= 1)
NEAR_THRESHOLD = 0.28   # cosine needed for reports published at the same time ...
FAR_THRESHOLD = 0.70    # ... rising linearly to this at the edge of the window
TITLE_WEIGHT = 2
LEAD_MIN = 0.25         # cosine of the leads (headline + first sentence) needed ...
STRONG_MARGIN = 0.20    # ... unless the whole texts pass the threshold by this much
REACTION_LEAD = 0.45    # lead cosine needed when only one lead is built on a reaction verb
RARE_COUNT = 1000       # a key rarer than this in the word table names the event (idf >= ~7.6)
AGREEMENT_MIN = 0.50    # headline agreement that marks a loosely worded rewrite ...
AGREEMENT_BONUS = 0.05  # ... which may pass a threshold lower by this much


@lru_cache(maxsize=1)
def _key_counts() -> tuple[dict[str, int], int]:
    """Analyzed key -> count, folded from the frozen word table, so idf uses the index's own keys."""
    counts: Counter[str] = Counter()
    try:
        raw = resources.files("digests").joinpath("data/word_freq.tsv.gz").read_bytes()
    except FileNotFoundError:  # no table: every key is equally rare, tf alone decides
        return {}, 1
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, _, count = line.partition("\t")
        if count:
            counts[arabic.index_key(word)] += int(count)
    return dict(counts), max(1, sum(counts.values()))


def idf(key: str) -> float:
    """Inverse frequency of an analyzed key; unseen keys (new names) weigh the most."""
    counts, total = _key_counts()
    return max(0.0, math.log(total / (counts.get(key, 0) + 20)))


@lru_cache(maxsize=1 << 18)
def _term(key: str) -> tuple[int, float]:
    """(term_hash, idf) of a key, cached: the same few thousand keys recur in every article."""
    return term_hash(key), idf(key)


def term_hash(key: str) -> int:
    """Stable 32-bit id of a key (Python's hash() changes between processes)."""
    return zlib.crc32(key.encode("utf-8"))


@dataclass(frozen=True)
class StoryVector:
    """A unit-length tf-idf vector: term hash -> weight."""

    weights: Mapping[int, float]

    def __len__(self) -> int:
        return len(self.weights)

    def heaviest(self, n: int = POSTING_TERMS) -> list[int]:
        """The `n` heaviest term hashes (ties by hash, so the choice is stable)."""
        ranked = sorted(self.weights.items(), key=lambda kv: (-kv[1], kv[0]))
        return [term for term, _ in ranked[:n]]

    def to_blob(self) -> bytes:
        """Compact storage: uint32 hashes then uint16 weights (little-endian), 6 bytes a term."""
        terms = array("I", self.weights.keys())
        quant = array("H", (max(1, round(w * 65535)) for w in self.weights.values()))
        if sys.byteorder == "big":
            terms.byteswap()
            quant.byteswap()
        return terms.tobytes() + quant.tobytes()

    @classmethod
    def from_blob(cls, blob: bytes) -> StoryVector:
        return cls({h: q / 65535 for h, q in _quantized(blob).items()})


def _quantized(blob: bytes) -> dict[int, int]:
    """term hash -> uint16 weight of a stored vector (decoded in C: no per-term Python code)."""
    n = len(blob) // 6
    terms, quant = array("I"), array("H")
    terms.frombytes(blob[: 4 * n])
    quant.frombytes(blob[4 * n: 6 * n])
    if sys.byteorder == "big":
        terms.byteswap()
        quant.byteswap()
    return dict(zip(terms, quant))


def similarity_to_blob(vector: StoryVector, blob: bytes) -> float:
    """similarity(vector, StoryVector.from_blob(blob)) without building the second vector."""
    other = _quantized(blob)
    weights = vector.weights
    dot = sum(weights[h] * other[h] for h in weights.keys() & other.keys()) / 65535
    return min(1.0, max(0.0, dot))


def _content_keys(text: str) -> list[str]:
    return [k for k in arabic.analyze(text) if len(k) > 1 and not arabic.is_stop(k)]


def story_vector(title: str, text: str) -> StoryVector:
    """The tf-idf vector of an article (sublinear tf; title keys count `TITLE_WEIGHT` times)."""
    tf: Counter[str] = Counter()
    for k in _content_keys(title):
        tf[k] += TITLE_WEIGHT
    tf.update(_content_keys(text))
    raw: dict[int, float] = {}
    for k, c in tf.items():
        h, weight = _term(k)
        w = (1.0 + math.log(c)) * weight
        if w > 0:
            raw[h] = raw.get(h, 0.0) + w
    norm = math.sqrt(sum(w * w for w in raw.values()))
    if not norm:
        return StoryVector({})
    return StoryVector({h: w / norm for h, w in raw.items()})


def similarity(a: StoryVector, b: StoryVector) -> float:
    """Cosine of two vectors, in [0, 1]; symmetric."""
    wa, wb = a.weights, b.weights
    dot = sum(wa[h] * wb[h] for h in wa.keys() & wb.keys())
    return min(1.0, max(0.0, dot))


def threshold(hours_apart: float) -> float:
    """Cosine two articles need to be one story, given the hours between them (inf beyond 48 h)."""
    window_hours = WINDOW.total_seconds() / 3600
    h = abs(hours_apart)
    if h > window_hours:
        return math.inf
    return NEAR_THRESHOLD + (FAR_THRESHOLD - NEAR_THRESHOLD) * h / window_hours


def _first_sentence(text: str) -> str:
    head = text[:600]  # the first sentence is near the top; never analyze a whole body for it
    return next(iter(arabic.sentences(head)), "")


def lead_vector(title: str, text: str) -> StoryVector:
    """The vector of the headline and the first sentence: who did what, as the report states it."""
    return story_vector(f"{title} {_first_sentence(text)}", "")


# Verbs and nouns of answering someone else's act (folded; a leading و/ف is dropped before lookup).
# A lead built on one of them reports a reaction; «ردا على» (an act done in return) is not one.
_REACTION_FORMS: dict[str, str] = {
    form: root
    for root, forms in {
        "ndd": "ندد نددت تندد يندد ينددون تنديد منددا منددة",
        "dan": "ادان ادانت تدين يدين يدينون ادانه ادانات",
        "rhb": "رحب رحبت ترحب يرحب يرحبون ترحيب مرحبا مرحبه",
        "rdd": "رد ردت يرد ترد يردون الرد ردود ردها رده",
        "nfy": "نفي نفت ينفي تنفي ينفون",
        "ntq": "انتقد انتقدت ينتقد تنتقد ينتقدون انتقاد انتقادات منتقدا منتقده",
        "nkr": "استنكر استنكرت يستنكر تستنكر استنكار",
        "hdr": "حذر حذرت يحذر تحذر يحذرون تحذير تحذيرات محذرا محذره",
        "rfd": "رفض رفضت يرفض ترفض يرفضون",
        "htj": "احتج احتجت يحتج تحتج",
        "aqb": "تعقيب يعقب",
    }.items()
    for form in forms.split()
}


_DATELINE = re.compile(r"^[^.\n]{0,80}?\((?:CNN|cnn)\)\s*[-–—]*\s*")
ACTOR_WORDS = 3         # content words next to a reaction verb taken as who reacts


def _reaction_root(word: str) -> str | None:
    root = _REACTION_FORMS.get(word)
    if root is None and len(word) > 3 and word[0] in "وف":
        root = _REACTION_FORMS.get(word[1:])
    return root


def _actor(words: list[str], at: int, before: bool) -> list[str]:
    """Up to ACTOR_WORDS content keys next to position `at` (before it, or after it)."""
    side = reversed(words[:at]) if before else iter(words[at + 1:])
    keys: list[str] = []
    for word in side:
        keys.extend(k for k in arabic.analyze(word) if len(k) > 1 and not arabic.is_stop(k))
        if len(keys) >= ACTOR_WORDS:
            break
    return keys[:ACTOR_WORDS]


def reactions(title: str, first_sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """(kinds of reaction, who reacts) of a lead built on a reaction verb, else two empty sets.

    A lead is built on a reaction when its headline holds a reaction verb («البحرين تدين …»,
    «تحذيرات فلسطينية من …») or its first sentence opens with one («ندد الرئيس …»). Who reacts:
    the words before the verb in a headline (subject first), after it in a sentence (verb first).
    """
    kinds: set[str] = set()
    actor: list[str] = []
    words = list(arabic.normalized_words(title))
    for i, word in enumerate(words):
        root = _reaction_root(word)
        if root is not None:
            kinds.add(root)
            actor += _actor(words, i, before=i > 0)
    words = list(arabic.normalized_words(_DATELINE.sub("", first_sentence)))
    for i, word in enumerate(words[:2]):
        root = _reaction_root(word)
        if root is not None:
            kinds.add(root)
            actor += _actor(words, i, before=False)
    return frozenset(kinds), frozenset(actor)


def _rare_keys(text: str) -> frozenset[str]:
    counts, _ = _key_counts()
    return frozenset(k for k in _content_keys(text) if counts.get(k, 0) < RARE_COUNT)


@dataclass(frozen=True)
class Lead:
    """What an article's top says: the vector of headline + first sentence, the rare words of the
    headline and of the whole lead (names, places, the event's own nouns), and its reaction cues."""

    vector: StoryVector
    headline: frozenset[str]
    words: frozenset[str]
    reactions: frozenset[str]
    actor: frozenset[str]
    keys: frozenset[str]


def lead_of(title: str, text: str) -> Lead:
    """The `Lead` of an article (analyzes only the headline and the first sentence)."""
    first = _first_sentence(text)
    top = f"{title} {first}"
    kinds, actor = reactions(title, first)
    return Lead(story_vector(top, ""), _rare_keys(title), _rare_keys(top), kinds, actor,
                frozenset(_content_keys(top)))


def headline_agreement(a: Lead, b: Lead) -> float:
    """Share of both headlines' rare words that the other report's lead also uses, in [0, 1].

    Two rewrites of one event name the same people, places and things in their headlines even
    when the rest is worded apart («أوبر ووايمو تتوصلان لتسوية» / «أوبر وايمو يسويان خلافهما»).
    """
    total = len(a.headline) + len(b.headline)
    if not total:
        return 0.0
    return (len(a.headline & b.words) + len(b.headline & a.words)) / total


@dataclass(frozen=True)
class LeadEvidence:
    """How two leads compare: their cosine, the headline agreement, whether one reacts alone."""

    similarity: float = 1.0
    agreement: float = 0.0
    reaction_gap: bool = False


def compare_leads(a: Lead, b: Lead) -> LeadEvidence:
    """The evidence `is_same_story` weighs besides the whole-text cosine."""
    return LeadEvidence(similarity(a.vector, b.vector), headline_agreement(a, b),
                        _reacts_alone(a, b) or _reacts_alone(b, a))


def _reacts_alone(a: Lead, b: Lead) -> bool:
    """`a` reacts (a kind `b` lacks) and who reacts in `a` is mostly absent from `b`'s lead."""
    if not a.reactions - b.reactions:
        return False
    named = {_skeleton(k) for k in b.keys}
    return 2 * sum(_skeleton(k) in named for k in a.actor) < len(a.actor)


def _skeleton(key: str) -> str:
    """A key without its inner long vowels: transliterated names are spelled several ways
    («نتنياهو» / «نتانياهو», «غوتيريش» / «غوتيريس» keep apart only in their vowels and last letter)."""
    if len(key) <= 3:
        return key
    return key[0] + key[1:-1].translate(_VOWELS) + key[-1]


_VOWELS = str.maketrans("", "", "اوي")


def is_same_story(sim: float, hours_apart: float, lead_sim: float = 1.0,
                  evidence: LeadEvidence | None = None) -> bool:
    """The clustering decision for one pair.

    Besides the time-scaled threshold on the whole text, the leads (headline and first sentence)
    must agree (cosine ≥ LEAD_MIN) unless the texts overlap far beyond the threshold: a reaction
    or the next statement of an affair repeats the story's words in its body, but its lead names
    another actor and act («أكدت مملكة البحرين دعمها …» answering «أدانت هيئة الطيران الإماراتية …»).
    With `evidence`: a lead built on a reaction verb the other lead lacks («تدين», «ترحب», «تنفي»,
    «ردت») is another story unless the leads agree closely (REACTION_LEAD), whatever the bodies
    share; headlines that agree on their rare words (AGREEMENT_MIN) mark a loosely worded rewrite,
    which passes a threshold lower by AGREEMENT_BONUS without the lead cosine.
    """
    if evidence is not None:
        lead_sim = evidence.similarity
    need = threshold(hours_apart)
    if evidence is not None and evidence.reaction_gap:
        return sim >= need and lead_sim >= REACTION_LEAD
    if evidence is not None and evidence.agreement >= AGREEMENT_MIN:
        return sim >= need - AGREEMENT_BONUS
    if sim < need:
        return False
    return lead_sim >= LEAD_MIN or sim >= need + STRONG_MARGIN
