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
