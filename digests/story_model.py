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

Where both reports have a meaning vector (digests.semantic: multilingual-e5 over the headline and
lead), its cosine is one more feature and a second set of weights, fitted the same way with it,
decides (SEMANTIC_WEIGHTS, SEMANTIC_DECISION): the embedding sees that two loosely worded reports
state one event where the bags of words share little. Without it (no model on this machine, the
setting off, an article stored before vectors existed) the word-only weights decide as before.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["DECISION", "FEATURES", "MEANING", "SEMANTIC_DECISION", "SEMANTIC_WEIGHTS", "SIM_FLOOR",
           "WEIGHTS", "decision_for", "features", "meaning_feature", "probability", "same_story",
           "weights_for"]

FEATURES = ("sim", "hours", "margin", "lead", "agreement", "reaction_gap", "speaker_gap",
            "day_gap", "title", "shared_words")

# Fitted by benchmarks/fit_story_pairs.py (see benchmarks/README.md for the data and the CV).
WEIGHTS: Mapping[str, float] = MappingProxyType({
    "bias": -1.86, "sim": 1.79, "hours": -2.92, "margin": 3.01, "lead": 4.34, "agreement": -0.05,
    "reaction_gap": -1.74, "speaker_gap": -1.19, "day_gap": -1.13, "title": 2.70,
    "shared_words": 0.53,
})

DECISION = 0.55  # probability at which two reports are one story (chosen by cross-validation)

MEANING = "meaning"  # the feature name of the meaning cosine (present only when both vectors are)
# Fitted by benchmarks/fit_story_pairs.py --semantic head (same pairs, same CV; benchmarks/README.md
# "Session 5 (brief S6)"): with the meaning cosine the bag-of-words cosine and shared words weigh
# far less, the gaps and time as much as before.
SEMANTIC_WEIGHTS: Mapping[str, float] = MappingProxyType({
    "bias": -3.55, "sim": 0.28, "hours": -3.24, "margin": 1.64, "lead": 2.50, "agreement": -0.57,
    "reaction_gap": -1.84, "speaker_gap": -1.10, "day_gap": -1.21, "title": 1.98,
    "shared_words": 0.21, MEANING: 6.64,
})
SEMANTIC_DECISION = 0.50  # chosen by the same CV: 0.912 / 0.860 pooled over the blind folds
SIM_FLOOR = 0.25  # whole-text cosine below which no pair is one story, whatever its leads say:
                  # the labelled pairs hold no same-story pair below it, and identical headlines
                  # over unrelated bodies («شاهد..», «بالفيديو») must not merge
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
    # A reaction by another actor («الكاميرون تدين قرار ليبرفيل» after «الغابون تغلق حدودها») is
    # close in meaning to what it answers: who acts is what the words model weighs, so it decides
    # those pairs (on the labelled pairs this changes no blind-fold decision at SEMANTIC_DECISION).
    return MEANING in values and not values.get("reaction_gap")


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
    """The decision: texts sharing at least SIM_FLOOR and the model's probability ≥ `decision`.

    Without explicit `weights` and `decision`, those fitted for the features present decide.
    """
    decision = decision_for(values) if decision is None else decision
    return values["sim"] >= SIM_FLOOR and probability(values, weights) >= decision
