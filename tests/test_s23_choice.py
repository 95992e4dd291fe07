"""Brief S23: the story-choice rule (digests.story_choice), pure."""

from __future__ import annotations

import pytest

from digests.story_choice import Option, choose

# A report may join two stories of one affair: the preview's story (older, three angles: its mean
# fit is dragged down, but it holds the report's closest match) and a newer one-report story.
PREVIEW_STORY = Option(story_id=3, fit=0.48, lead=0.30, link=0.97)
NEWER_STORY = Option(story_id=9, fit=0.86, lead=0.40, link=0.86)


def test_fit_rule_takes_the_best_mean_with_its_lead() -> None:
    assert choose([PREVIEW_STORY, NEWER_STORY], "fit", 0.5) == NEWER_STORY


def test_link_rule_takes_the_story_of_the_strongest_link() -> None:
    assert choose([NEWER_STORY, PREVIEW_STORY], "link", 0.5) == PREVIEW_STORY


def test_link_rule_ties_go_to_the_fit_then_the_older_story() -> None:
    a = Option(4, 0.70, 0.2, 0.9)
    b = Option(7, 0.80, 0.2, 0.9)
    assert choose([a, b], "link") == b
    c = Option(8, 0.70, 0.2, 0.9)
    assert choose([c, a], "link") == a  # same link and score: the older story keeps it


def test_nothing_to_choose() -> None:
    assert choose([], "fit") is None
    assert choose([Option(2, 0.0, 0.0, 0.7)], "fit") is None  # a zero score never wins (shipped)


def test_unknown_rule() -> None:
    with pytest.raises(ValueError, match="story-choice rule"):
        choose([PREVIEW_STORY], "mean")


# Brief S34: a site's copy of its own report (0.99) against the other sites' story of the event.
OWN_COPY = Option(story_id=5, fit=0.99, lead=1.0, link=0.99, other_fit=None, other_lead=0.0)
EVENT = Option(story_id=4, fit=0.47, lead=0.41, link=0.84, other_fit=0.47, other_lead=0.41)


def test_site_rule_ranks_a_story_of_the_reports_own_site_last() -> None:
    assert choose([EVENT, OWN_COPY], "fit") == OWN_COPY
    assert choose([EVENT, OWN_COPY], "site") == EVENT
    assert choose([OWN_COPY], "site") == OWN_COPY  # alone, it is still joined


def test_site_rule_scores_mixed_stories_over_the_other_sites() -> None:
    # story 6 holds the site's own copy (its mean 0.72 leans on it); story 4 is the event's
    mixed = Option(6, 0.72, 0.9, 0.99, other_fit=0.30, other_lead=0.2)
    assert choose([EVENT, mixed], "fit") == mixed
    assert choose([EVENT, mixed], "site") == EVENT
