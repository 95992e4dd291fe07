"""The same-story decision for one pair of reports: a small logistic model over what they share.

Pure functions, no I/O. The hand-written rules of digests.similarity (a time-scaled cosine, leads
that must agree, reaction, speaker and weekday gaps, headline agreement) each decided alone, in a
fixed order, and on fresh hand-labelled pairs they found about three quarters of the same-story
pairs at a precision near 0.97. Here the same evidence is weighed together: the cosine of the whole
texts and its margin over the time-scaled threshold, the hours between the reports, the cosine of
the leads and of the headlines alone, the rare words both leads use, headline agreement, and the
three gaps. The weights are fitted by `benchmarks/fit_story_pairs.py` (logistic regression on every
labelled development pair of benchmarks/gold/, cross-validated by leaving one labelled set out) and
pasted here, so the decision is a dot product: no model file, no new dependency.

Features are plain numbers so the fitting script and the clustering step compute them the same way
(`features`).

Where the meaning cosine of the two reports is known (digests.semantic: multilingual-e5 over the
headline and lead), it is one more feature and a second set of weights, fitted the same way with
it, decides (SEMANTIC_WEIGHTS, SEMANTIC_DECISION, down to the lower floor LOW_SIM_FLOOR): the
embedding sees that two loosely worded reports state one event where the bags of words share
little. The story step asks for it only where the words are unsure (`in_band`). Without it (no
model on this machine, the setting off) the word-only weights decide.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["DECISION", "FEATURES", "LOW_SIM_FLOOR", "MEANING", "MEANING_BAND", "SEMANTIC_DECISION",
           "SEMANTIC_WEIGHTS", "SIM_FLOOR", "WEIGHTS", "decision_for", "features", "in_band",
           "meaning_feature", "needed", "probability", "same_story", "weights_for"]

FEATURES = ("sim", "hours", "margin", "lead", "agreement", "reaction_gap", "speaker_gap",
            "day_gap", "title", "shared_words")

# Fitted by benchmarks/fit_story_pairs.py (see benchmarks/README.md for the data and the CV).
WEIGHTS: Mapping[str, float] = MappingProxyType({
    "bias": -1.96, "sim": 1.83, "hours": -2.96, "margin": 3.07, "lead": 4.08, "agreement": 0.12,
    "reaction_gap": -1.87, "speaker_gap": -1.23, "day_gap": -1.12, "title": 2.45,
    "shared_words": 0.64,
})

# The probability at which two reports are one story. 0.55 (sessions 3–10, chosen by pairwise CV);
# 0.65 since session 11: on the stored stories of 14 blind folds it keeps recall (0.774) with 7
# fewer wrong joins (precision 0.925 → 0.943, benchmarks/story_curve.py), and on session 11's
# fresh pairs, checked as planned before scoring, 0.909 / 0.625 against 0.900 / 0.562. With the
# meaning path on, pairs between 0.25 and 0.80 are decided by SEMANTIC_DECISION instead, so it
# is unchanged by this.
DECISION = 0.65

MEANING = "meaning"  # the feature name of the meaning cosine (present only when both vectors are)
# Fitted by benchmarks/fit_story_pairs.py --semantic head (same pairs, same CV; benchmarks/README.md
# "Session 5 (brief S6)", refitted on nine blind folds in "Session 6 (brief S7)"): with the meaning
# cosine the bag-of-words cosine and shared words weigh far less, the gaps and time as before.
SEMANTIC_WEIGHTS: Mapping[str, float] = MappingProxyType({
    "bias": -3.70, "sim": 0.25, "hours": -3.28, "margin": 1.63, "lead": 2.22, "agreement": -0.37,
    "reaction_gap": -1.94, "speaker_gap": -1.12, "day_gap": -1.18, "title": 1.80,
    "shared_words": 0.29, MEANING: 6.81,
})
SEMANTIC_DECISION = 0.57  # chosen by the same CV (benchmarks/README.md, "Session 6 (brief S7)")
# The word probabilities between which the meaning cosine is worth computing: outside them the
# meaning weights decided no labelled pair otherwise than the words (checked by the fitting script).
MEANING_BAND = (0.25, 0.80)
SIM_FLOOR = 0.25  # whole-text cosine below which the words never make one story, whatever the
                  # leads say: identical headlines over unrelated bodies («شاهد..», «بالفيديو»)
                  # and an earthquake and a festival in one town (0.225) must not merge
LOW_SIM_FLOOR = 0.20  # the floor of the meaning weights: they see that Hawking's profile and his
                      # death (0.24) are one story, the quake and the festival two
WINDOW_HOURS = 48.0  # the story window (digests.similarity.WINDOW is built from it)


def meaning_feature(cosine: float) -> float:
    """A meaning cosine spread over about [0, 1]: e5 cosines of news texts lie in 0.75–1."""
    return (cosine - 0.8) / 0.2


def features(sim: float, hours_apart: float, margin: float, lead: float, agreement: float,
             reaction_gap: bool, speaker_gap: bool, day_gap: bool, title: float,
             shared_words: int, meaning: float | None = None) -> dict[str, float]:
    """The model's inputs for one pair, by name (see FEATURES; MEANING too when given).

    Args:
        sim: cosine of the whole-text vectors.
        hours_apart: hours between the two reports.
        margin: `sim` minus the time-scaled threshold (digests.similarity.threshold).
        lead: cosine of the leads (headline + first sentence).
        agreement: digests.leads.headline_agreement.
        reaction_gap, speaker_gap, day_gap: the gaps of digests.similarity.LeadEvidence.
        title: cosine of the headlines alone.
        shared_words: rare keys both leads use.
        meaning: cosine of the two reports' meaning vectors (digests.semantic), when both exist.
    """
    values = {
        "sim": sim,
        "hours": min(abs(hours_apart), WINDOW_HOURS) / WINDOW_HOURS,
        "margin": margin,
        "lead": lead,
        "agreement": agreement,
        "reaction_gap": float(reaction_gap),
        "speaker_gap": float(speaker_gap),
        "day_gap": float(day_gap),
        "title": title,
        "shared_words": math.log1p(shared_words),
    }
    if meaning is not None:
        values[MEANING] = meaning_feature(meaning)
    return values


def _semantic(values: Mapping[str, float]) -> bool:
    return MEANING in values


def needed(values: Mapping[str, float], decision: float | None = None) -> float:
    """The probability a pair with these features needs to be one story: `decision` (by default
    the one fitted for the features present, `decision_for`), or inf below the floor (SIM_FLOOR
    for words alone, LOW_SIM_FLOOR with the meaning cosine).
    """
    floor = LOW_SIM_FLOOR if MEANING in values else SIM_FLOOR
    if values["sim"] < floor:
        return math.inf
    return decision_for(values) if decision is None else decision


def in_band(words_probability: float, sim: float = 1.0) -> bool:
    """Whether a pair is worth a meaning cosine, given its word probability and whole-text cosine.

    Where the words are sure (outside MEANING_BAND) the meaning weights decided no labelled pair
    otherwise (fit_story_pairs.py prints the check), so the story step embeds only inside it.
    Between the two floors the words always say no: any probability from the band's low end up
    may turn to yes with the meaning.
    """
    if sim < LOW_SIM_FLOOR:
        return False
    if sim < SIM_FLOOR:
        return words_probability >= MEANING_BAND[0]
    return MEANING_BAND[0] <= words_probability <= MEANING_BAND[1]


def weights_for(values: Mapping[str, float]) -> Mapping[str, float]:
    """The weights fitted for these features: with the meaning cosine or without it."""
    return SEMANTIC_WEIGHTS if _semantic(values) else WEIGHTS


def decision_for(values: Mapping[str, float]) -> float:
    """The probability at which a pair with these features is one story."""
    return SEMANTIC_DECISION if _semantic(values) else DECISION


def probability(values: Mapping[str, float], weights: Mapping[str, float] | None = None) -> float:
    """The model's probability that the pair is one story, in (0, 1).

    `weights` default to those fitted for the features present (`weights_for`).
    """
    weights = weights_for(values) if weights is None else weights
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in values.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def same_story(values: Mapping[str, float], weights: Mapping[str, float] | None = None,
               decision: float | None = None) -> bool:
    """The decision: the model's probability reaches what the pair needs (`needed`: `decision`,
    never below the floor).

    Without explicit `weights` and `decision`, those fitted for the features present decide.
    """
    return probability(values, weights) >= needed(values, decision)
