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
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["DECISION", "FEATURES", "SIM_FLOOR", "WEIGHTS", "features", "probability", "same_story"]

FEATURES = ("sim", "hours", "margin", "lead", "agreement", "reaction_gap", "speaker_gap",
            "day_gap", "title", "shared_words")

# Fitted by benchmarks/fit_story_pairs.py (see benchmarks/README.md for the data and the CV).
WEIGHTS: Mapping[str, float] = MappingProxyType({
    "bias": -1.86, "sim": 1.79, "hours": -2.92, "margin": 3.01, "lead": 4.34, "agreement": -0.05,
    "reaction_gap": -1.74, "speaker_gap": -1.19, "day_gap": -1.13, "title": 2.70,
    "shared_words": 0.53,
})

DECISION = 0.55  # probability at which two reports are one story (chosen by cross-validation)
SIM_FLOOR = 0.25  # whole-text cosine below which no pair is one story, whatever its leads say:
                  # the labelled pairs hold no same-story pair below it, and identical headlines
                  # over unrelated bodies («شاهد..», «بالفيديو») must not merge
WINDOW_HOURS = 48.0  # the story window (digests.similarity.WINDOW is built from it)


def features(sim: float, hours_apart: float, margin: float, lead: float, agreement: float,
             reaction_gap: bool, speaker_gap: bool, day_gap: bool, title: float,
             shared_words: int) -> dict[str, float]:
    """The model's inputs for one pair, by name (see FEATURES).

    Args:
        sim: cosine of the whole-text vectors.
        hours_apart: hours between the two reports.
        margin: `sim` minus the time-scaled threshold (digests.similarity.threshold).
        lead: cosine of the leads (headline + first sentence).
        agreement: digests.leads.headline_agreement.
        reaction_gap, speaker_gap, day_gap: the gaps of digests.similarity.LeadEvidence.
        title: cosine of the headlines alone.
        shared_words: rare keys both leads use.
    """
    return {
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


def probability(values: Mapping[str, float], weights: Mapping[str, float] = WEIGHTS) -> float:
    """The model's probability that the pair is one story, in (0, 1)."""
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in values.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def same_story(values: Mapping[str, float], weights: Mapping[str, float] = WEIGHTS,
               decision: float = DECISION) -> bool:
    """The decision: texts sharing at least SIM_FLOOR and the model's probability ≥ `decision`."""
    return values["sim"] >= SIM_FLOOR and probability(values, weights) >= decision
