"""digests.similarity: vectors, cosine and the time-scaled threshold (pure, no database)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from digests import story_model
from digests.similarity import (
    AGREEMENT_BONUS,
    AGREEMENT_MIN,
    DAY_GAP_HOURS,
    NEAR_THRESHOLD,
    POSTING_TERMS,
    REACTION_LEAD,
    SAME_DAY_HOURS,
    SAME_SPEAKER_HOURS,
    STRONG_AGREEMENT,
    STRONG_LEAD,
    LeadEvidence,
    StoryVector,
    is_same_story,
    pair_features,
    rule_decision,
    lowest_threshold,
    similarity,
    similarity_to_blob,
    story_vector,
    threshold,
)


def test_threshold_rises_with_time_and_closes_after_the_window() -> None:
    assert threshold(0) < threshold(24) < threshold(48)
    assert threshold(-6) == threshold(6)
    assert threshold(48.5) == float("inf")


ARABIC_WORDS = st.lists(
    st.sampled_from("غزة القدس زلزال كريت حكومة وزير قال الرئيس انفجار مدينة ملعب هدف اتفاق"
                    " الأمم المتحدة طائرة سقوط قصف مدنيين 2018 يورو".split()),
    max_size=40,
).map(" ".join)


@hsettings(max_examples=60, deadline=None)
@given(ARABIC_WORDS, ARABIC_WORDS, ARABIC_WORDS, ARABIC_WORDS)
def test_similarity_is_symmetric_and_bounded(t1: str, b1: str, t2: str, b2: str) -> None:
    v1, v2 = story_vector(t1, b1), story_vector(t2, b2)
    s = similarity(v1, v2)
    assert 0.0 <= s <= 1.0
    assert s == pytest.approx(similarity(v2, v1))


@hsettings(max_examples=60, deadline=None)
@given(ARABIC_WORDS, ARABIC_WORDS)
def test_vector_blob_round_trip_keeps_similarity(title: str, body: str) -> None:
    v = story_vector(title, body)
    back = StoryVector.from_blob(v.to_blob())
    assert set(back.weights) == set(v.weights)
    if len(v):
        assert similarity(back, v) == pytest.approx(1.0, abs=1e-3)


def test_one_shared_place_name_is_not_a_story() -> None:
    gaza_a = story_vector("غارات إسرائيلية على غزة", "قصفت طائرات إسرائيلية مواقع في قطاع غزة"
                          " فجر الاثنين وأصيب ثلاثة أشخاص في خان يونس.")
    gaza_b = story_vector("افتتاح معرض للكتاب في غزة", "افتتح في مدينة غزة معرض للكتاب بمشاركة"
                          " أربعين دار نشر عربية ويستمر أسبوعا.")
    assert not is_same_story(similarity(gaza_a, gaza_b), 0)


def test_blob_similarity_matches_the_vector_similarity() -> None:
    a = story_vector("زلزال يضرب كريت", "ضرب زلزال بقوة ست درجات جزيرة كريت وتضررت مبان قديمة")
    b = story_vector("هزة في كريت", "هزة أرضية قوية في جزيرة كريت وأضرار في مبان قديمة بهيراكليون")
    assert similarity_to_blob(a, b.to_blob()) == pytest.approx(similarity(a, b), abs=1e-3)
    assert len(a.heaviest()) <= POSTING_TERMS


def test_leads_must_agree_unless_the_texts_overlap_strongly() -> None:
    assert is_same_story(0.40, 0, lead_sim=0.30)
    assert not is_same_story(0.40, 0, lead_sim=0.10)  # a reaction: same words, another lead
    assert is_same_story(0.55, 0, lead_sim=0.10)      # far past the threshold: the lead can differ
    assert not is_same_story(threshold(0) - 0.01, 0, lead_sim=1.0)  # below the threshold


def test_a_lone_reaction_needs_close_leads_whatever_the_bodies_share() -> None:
    gap = LeadEvidence(similarity=0.30, reaction_gap=True)
    assert not rule_decision(0.90, 0, gap)  # no strong-margin escape for a reaction
    assert rule_decision(threshold(0), 0, LeadEvidence(REACTION_LEAD, reaction_gap=True))
    assert not rule_decision(threshold(0) - 0.01, 0, LeadEvidence(1.0, reaction_gap=True))


def test_agreeing_headlines_lower_the_threshold_and_waive_the_lead_cosine() -> None:
    agree = LeadEvidence(similarity=0.05, agreement=AGREEMENT_MIN)
    just_below = threshold(12) - AGREEMENT_BONUS / 2
    assert rule_decision(just_below, 12, agree)
    assert not rule_decision(just_below, 12, LeadEvidence(0.05, AGREEMENT_MIN - 0.01))
    assert not rule_decision(threshold(12) - AGREEMENT_BONUS - 0.01, 12, agree)


def test_one_announcement_rewritten_within_a_day_passes_the_near_threshold() -> None:
    strong = LeadEvidence(similarity=STRONG_LEAD, agreement=STRONG_AGREEMENT)
    low = NEAR_THRESHOLD - AGREEMENT_BONUS
    assert rule_decision(low, 14, strong)          # the threshold does not rise with time
    assert not rule_decision(low - 0.01, 14, strong)
    assert not rule_decision(low, SAME_DAY_HOURS, strong)   # a day later: it rises again
    assert not rule_decision(low, 14, LeadEvidence(STRONG_LEAD - 0.01, STRONG_AGREEMENT))
    assert not rule_decision(low, 14, LeadEvidence(STRONG_LEAD, STRONG_AGREEMENT - 0.01))
    # Gaps still decide first: another actor, another day.
    assert not rule_decision(low, 14, LeadEvidence(STRONG_LEAD, 1.0, day_gap=True))
    assert not rule_decision(low, 14, LeadEvidence(STRONG_LEAD, 1.0, speaker_gap=True))


def test_one_speakers_two_quote_headlines_agreeing_on_rare_words_pass_the_near_threshold() -> None:
    low = NEAR_THRESHOLD - AGREEMENT_BONUS
    same = LeadEvidence(similarity=0.1, agreement=AGREEMENT_MIN - 0.1, same_speaker=True)
    assert rule_decision(low, 5, same)
    assert not rule_decision(low, 5, LeadEvidence(0.1, AGREEMENT_MIN - 0.1))
    assert not rule_decision(low, 5, LeadEvidence(0.1, AGREEMENT_MIN - 0.11,
                                                           same_speaker=True))
    assert not rule_decision(low, SAME_SPEAKER_HOURS, same)  # two statements


@hsettings(max_examples=200, deadline=None)
@given(sim=st.floats(0, 1), hours=st.floats(0, 48), lead=st.floats(0, 1), agree=st.floats(0, 1),
       flags=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()))
def test_no_pair_passes_below_the_lowest_threshold(sim: float, hours: float, lead: float,
                                                   agree: float,
                                                   flags: tuple[bool, bool, bool, bool]) -> None:
    """find_match skips candidates below lowest_threshold before reading their leads."""
    evidence = LeadEvidence(lead, agree, *flags)
    if is_same_story(sim, hours, evidence=evidence):
        assert sim >= lowest_threshold(hours)


def test_another_speakers_quote_headline_needs_close_leads_like_a_reaction() -> None:
    gap = LeadEvidence(similarity=0.30, speaker_gap=True)
    assert gap.another_actor
    assert not rule_decision(0.90, 0, gap)
    assert rule_decision(threshold(0), 0, LeadEvidence(REACTION_LEAD, speaker_gap=True))


def test_different_event_days_are_different_stories_unless_published_close_together() -> None:
    gap = LeadEvidence(similarity=0.90, agreement=1.0, day_gap=True)
    assert not rule_decision(0.99, DAY_GAP_HOURS, gap)
    assert not rule_decision(0.99, 30, gap)
    # Within a few hours two day names are a night across midnight or time zones, not two days.
    assert rule_decision(0.99, DAY_GAP_HOURS - 1, gap)


# --- the learned decision (digests.story_model) ------------------------------------------------

def test_the_model_decides_pairs_with_leads_and_the_window_and_floor_bound_it() -> None:
    rewrite = LeadEvidence(0.60, 0.8, title_similarity=0.6, shared_words=4)
    assert is_same_story(0.45, 2, evidence=rewrite)
    assert not is_same_story(0.45, 49, evidence=rewrite)                 # outside the window
    assert not is_same_story(story_model.SIM_FLOOR - 0.01, 0, evidence=LeadEvidence(
        1.0, 1.0, title_similarity=1.0, shared_words=9))                  # identical leads, other texts
    assert lowest_threshold(30) == story_model.SIM_FLOOR
    assert lowest_threshold(49) == float("inf")
    # Leads that state other things: the same body words are not enough.
    assert not is_same_story(0.40, 2, evidence=LeadEvidence(0.05, 0.0))


@hsettings(max_examples=200, deadline=None)
@given(sim=st.floats(0.25, 1), hours=st.floats(0, 48), lead=st.floats(0, 1),
       title=st.floats(0, 1), words=st.integers(0, 12), gaps=st.tuples(st.booleans(), st.booleans(),
                                                                       st.booleans()))
def test_the_model_is_monotone_in_its_evidence(sim: float, hours: float, lead: float, title: float,
                                                words: int,
                                                gaps: tuple[bool, bool, bool]) -> None:
    """More shared words, closer leads and headlines, less time and no gap never lower the
    probability: the fitted weights keep the signs the evidence should have."""
    base = LeadEvidence(lead, 0.0, *gaps, title_similarity=title, shared_words=words)
    p = story_model.probability(pair_features(sim, hours, base))
    better = [
        pair_features(min(1.0, sim + 0.05), hours, base),
        pair_features(sim, max(0.0, hours - 3), base),
        pair_features(sim, hours, replace(base, similarity=min(1.0, lead + 0.1))),
        pair_features(sim, hours, replace(base, title_similarity=min(1.0, title + 0.1))),
        pair_features(sim, hours, replace(base, shared_words=words + 1)),
        pair_features(sim, hours, replace(base, reaction_gap=False, speaker_gap=False,
                                          day_gap=False)),
    ]
    assert all(story_model.probability(f) >= p - 1e-12 for f in better)
