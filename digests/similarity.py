"""How alike two news articles are: tf-idf vectors of analyzed keys, a time-scaled threshold, and
the pair decision.

Pure functions (no database, no clock). Each article becomes a unit tf-idf vector of its analyzed
keys (digests.arabic.analyze, stop-words dropped, title words counted twice, idf from the frozen
word-frequency table). The cosine of two vectors is compared with a threshold that rises with the
time between them: 0.28 for reports published together, rising linearly to 0.70 at 48 h, never
beyond: reports of one event come out within hours, while a reaction or the next development a
day later reuses most of the same words. `is_same_story` hands the cosine, its margin over that
threshold and the leads' evidence (digests.leads: lead and headline cosines, shared rare words,
reaction/speaker/day gaps) to the learned model of digests.story_model. The hand rules that decided
before the model (leads must agree unless the texts overlap far more, a lone reaction or another
speaker's quote headline is another story, agreeing headlines lower the threshold …) stay as
`rule_decision`, the baseline the model is measured against. Rare words (names, the places and
numbers of the event) carry the weight, so reports that only share a place name or a person stay
apart. Word shingles were the first idea, but reports of one event by different sources are
rewritten, not copied: 3-word shingle overlap ≥ 0.5 found a quarter of the hand-labelled same-story
pairs (benchmarks/stories.py).
"""

from __future__ import annotations

import gzip
import math
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from importlib import resources

from digests import arabic, number_words, plurals, story_model

WINDOW = timedelta(hours=story_model.WINDOW_HOURS)  # one story spans at most this
POSTING_TERMS = 16      # heaviest terms indexed per article (every labelled pair shares >= 1)
NEAR_THRESHOLD = 0.28   # cosine needed for reports published at the same time ...
FAR_THRESHOLD = 0.70    # ... rising linearly to this at the edge of the window
TITLE_WEIGHT = 2
LEAD_MIN = 0.25         # cosine of the leads (headline + first sentence) needed ...
STRONG_MARGIN = 0.20    # ... unless the whole texts pass the threshold by this much
REACTION_LEAD = 0.45    # lead cosine needed when only one lead is built on a reaction verb
AGREEMENT_MIN = 0.50    # headline agreement that marks a loosely worded rewrite ...
AGREEMENT_BONUS = 0.05  # ... which may pass a threshold lower by this much
DAY_GAP_HOURS = 6.0     # leads dating their events to different weekdays are two stories when
                        # published this far apart (closer: a night across midnight, time zones)
STRONG_AGREEMENT = 0.55  # headline agreement that, with leads agreeing (STRONG_LEAD) and within
STRONG_LEAD = 0.40       # SAME_DAY_HOURS, marks one announcement rewritten: the threshold stops
SAME_DAY_HOURS = 24.0    # rising with time (a rewrite the next morning is not a development)
SAME_SPEAKER_HOURS = 12.0  # one speaker's two quote headlines further apart: two statements
# Story-vector keys (brief S27, benchmarks/story_counts.py): "counts" keys a count written in
# words as its figure and keeps one-digit figures («ثلاثين يوما» ≡ «30 يوما», «أربعة أهداف» ≡
# «4 أهداف»); "counts10" only counts of 10 or more; "" today's keys. Measured, not adopted: on
# the 24-fold stored CV "counts" read 0.923 / 0.790 against today's 0.921 / 0.793, with plurals
# 0.919 / 0.792 (one shared key moves a report's cosine by ~0.01; one-digit figures also draw a
# match report towards other matches). Off: the harness of story_curve's "+keysK" setting.
COUNT_KEYS = ""
PLURAL_KEYS = False  # a broken plural of digests.plurals keyed as its singular («قتلى» → «قتيل»)


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


def key_count(key: str) -> int:
    """How often an analyzed key occurs in the frozen word table (0 for a new name)."""
    return _key_counts()[0].get(key, 0)


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


def content_keys(text: str) -> list[str]:
    return [k for k in arabic.analyze(text) if len(k) > 1 and not arabic.is_stop(k)]


@lru_cache(maxsize=1)
def _singulars() -> dict[str, str]:
    """Broken plural key → its singular's key (digests.plurals.PLURALS)."""
    out: dict[str, str] = {}
    for singular, plural in plurals.PLURALS:
        [one], [many] = arabic.run_keys(singular), arabic.run_keys(plural)
        out[many] = one
    return out


def story_keys(text: str) -> list[str]:
    """The keys of a story vector: content_keys, unless COUNT_KEYS / PLURAL_KEYS (brief S27)."""
    if not COUNT_KEYS and not PLURAL_KEYS:
        return content_keys(text)
    small = COUNT_KEYS == "counts"
    keys = number_words.count_keys(text, small) if COUNT_KEYS else arabic.analyze(text)
    if PLURAL_KEYS:
        singulars = _singulars()
        keys = [singulars.get(k, k) for k in keys]
    return [k for k in keys if (len(k) > 1 or (small and k.isdigit())) and not arabic.is_stop(k)]


def story_vector(title: str, text: str) -> StoryVector:
    """The tf-idf vector of an article (sublinear tf; title keys count `TITLE_WEIGHT` times)."""
    tf: Counter[str] = Counter()
    for k in story_keys(title):
        tf[k] += TITLE_WEIGHT
    tf.update(story_keys(text))
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


def lowest_threshold(hours_apart: float, meaning: bool = False) -> float:
    """The least cosine any pair this far apart can pass with (inf beyond the window): the
    clustering step skips candidates below it before it pays for their leads. With `meaning`
    (the meaning model on) the lower floor of the meaning weights."""
    if abs(hours_apart) > WINDOW.total_seconds() / 3600:
        return math.inf
    return story_model.LOW_SIM_FLOOR if meaning else story_model.SIM_FLOOR


def _one_announcement(hours_apart: float, lead_sim: float, evidence: LeadEvidence) -> bool:
    """Leads that state one announcement within a day: headlines agreeing strongly on their rare
    words with agreeing leads («مصر تطالب بريطانيا بكافة المعلومات بشأن مقتل مريم» / «السلطات
    المصرية تطالب الحكومة البريطانية بتفاصيل مقتل الطالبة مريم», 14 h apart), or two quote
    headlines of the same speaker agreeing on their rare words («لافروف: …ابتزاز…» twice) within
    SAME_SPEAKER_HOURS (a day later the same speaker makes another statement: «تيلرسون: …» in
    Amman, then in Beirut)."""
    if abs(hours_apart) >= SAME_DAY_HOURS:
        return False
    if evidence.agreement >= STRONG_AGREEMENT and lead_sim >= STRONG_LEAD:
        return True
    return (evidence.same_speaker and evidence.agreement >= AGREEMENT_MIN - 0.1
            and abs(hours_apart) < SAME_SPEAKER_HOURS)


@dataclass(frozen=True)
class LeadEvidence:
    """How two leads compare: their cosine, the headline agreement, whether one reacts alone."""

    similarity: float = 1.0
    agreement: float = 0.0
    reaction_gap: bool = False
    speaker_gap: bool = False
    day_gap: bool = False
    same_speaker: bool = False
    title_similarity: float = 0.0
    shared_words: int = 0   # rare keys both leads use (names, places, the event's nouns)

    @property
    def another_actor(self) -> bool:
        """One lead reacts, or quotes a speaker, absent from where the other names who acts."""
        return self.reaction_gap or self.speaker_gap


def is_same_story(sim: float, hours_apart: float, lead_sim: float = 1.0,
                  evidence: LeadEvidence | None = None, meaning: float | None = None) -> bool:
    """The clustering decision for one pair.

    With the leads' `evidence`, the learned model decides (digests.story_model: cosine and its
    margin over the time-scaled threshold, hours, lead and headline cosines, headline agreement,
    rare words both leads use, reaction/speaker/weekday gaps), for reports within the window whose
    texts share at least story_model.SIM_FLOOR. Without it (a caller that has no leads), the
    time-scaled threshold and `lead_sim` decide: the leads must agree (cosine ≥ LEAD_MIN) unless
    the texts overlap far beyond the threshold. `meaning` (the cosine of the two reports' meaning
    vectors, digests.semantic) selects the model fitted with it.
    """
    if abs(hours_apart) > WINDOW.total_seconds() / 3600:
        return False
    if evidence is None:
        need = threshold(hours_apart)
        return sim >= need and (lead_sim >= LEAD_MIN or sim >= need + STRONG_MARGIN)
    return story_model.same_story(pair_features(sim, hours_apart, evidence, meaning))


def pair_features(sim: float, hours_apart: float, evidence: LeadEvidence,
                  meaning: float | None = None) -> dict[str, float]:
    """The model's inputs for one pair (digests.story_model.features); `meaning` when known."""
    return story_model.features(
        sim, hours_apart, sim - threshold(hours_apart), evidence.similarity, evidence.agreement,
        evidence.reaction_gap, evidence.speaker_gap, evidence.day_gap,
        evidence.title_similarity, evidence.shared_words, meaning)


def rule_decision(sim: float, hours_apart: float, evidence: LeadEvidence) -> bool:
    """The hand rules that decided before the model (rounds 1–4), kept as its measured baseline.

    Besides the time-scaled threshold on the whole text, the leads (headline and first sentence)
    must agree (cosine ≥ LEAD_MIN) unless the texts overlap far beyond the threshold: a reaction
    or the next statement of an affair repeats the story's words in its body, but its lead names
    another actor and act («أكدت مملكة البحرين دعمها …» answering «أدانت هيئة الطيران
    الإماراتية …»). A lead built on a reaction verb the other lead lacks («تدين», «ترحب», «تنفي»,
    «ردت») is another story unless the leads agree closely (REACTION_LEAD), whatever the bodies
    share, and so is a quote headline «X: …» whose speaker the other lead does not name
    (`speaker_gap`); leads dating their events to different weekdays (`day_gap`) are two stories
    when published DAY_GAP_HOURS or more apart; headlines that agree on their rare words
    (AGREEMENT_MIN) mark a loosely worded rewrite, which passes a threshold lower by
    AGREEMENT_BONUS without the lead cosine.
    """
    lead_sim = evidence.similarity
    need = threshold(hours_apart)
    if evidence.day_gap and abs(hours_apart) >= DAY_GAP_HOURS:
        return False
    if evidence.another_actor:
        return sim >= need and lead_sim >= REACTION_LEAD
    if _one_announcement(hours_apart, lead_sim, evidence):
        return sim >= NEAR_THRESHOLD - AGREEMENT_BONUS
    if evidence.agreement >= AGREEMENT_MIN:
        return sim >= need - AGREEMENT_BONUS
    if sim < need:
        return False
    return lead_sim >= LEAD_MIN or sim >= need + STRONG_MARGIN
