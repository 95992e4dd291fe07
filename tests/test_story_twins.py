"""Brief S35: a site's twin copies (one article in two sections) are one report to the story step.

The pure twin test (digests.story_twins), and on real SQLite with the real step (stories.TWIN_RULE):
the second copy takes its twin's story, and a story's vote weighs a twin once. Pair probabilities
are held fixed by a stand-in judge (`stories._judge`, as the benchmarks swap it), as in
tests/test_s23_story_rules.py; the texts are tests/test_stories.py's invented reports.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from digests import stories
from digests.settings import Settings
from digests.storage import Database
from digests.story_twins import Copy, is_twin, repeated, twin_of
# the stand-in judge by stored report (`probs`, a fixture), the words path, a report moved
from storykit import move_to_story, probs, word_model  # noqa: F401
from test_stories import FESTIVAL, QUAKE_A, QUAKE_B, T0, _source, _store, _story_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

NOON = datetime(2026, 3, 3, 12, 0, tzinfo=timezone.utc)


def _copy(article_id: int, site: str = "france24.com", title: str = "«عفرين» تحت السيطرة",
          minutes: float = 0.0) -> Copy:
    return Copy(article_id, site, title, NOON + timedelta(minutes=minutes))


def test_twins_are_one_site_one_title_within_minutes() -> None:
    a = _copy(1)
    assert is_twin(a, _copy(2, title="«عفرين»  تحت   السيطرة"))  # the normalized title
    assert is_twin(a, _copy(2, minutes=30))
    assert not is_twin(a, _copy(2, minutes=31))
    assert not is_twin(a, _copy(2, site="bbc.co.uk"))
    assert not is_twin(a, _copy(2, title="عفرين: نزوح الآلاف"))
    assert not is_twin(a, _copy(1))  # itself
    assert not is_twin(_copy(1, title=""), _copy(2, title=""))  # no title: nothing to match
    assert not is_twin(_copy(1, site=""), _copy(2, site=""))


def test_the_later_copy_is_left_out_and_the_earliest_twin_found() -> None:
    first, second, other = _copy(7), _copy(3, minutes=1), _copy(5, site="bbc.co.uk")
    assert repeated([second, other, first]) == {3}
    assert repeated([_copy(9), _copy(4)]) == {9}  # the same minute: the lower id stays
    assert repeated([first, other]) == frozenset()
    assert twin_of(_copy(11, minutes=2), [other, second, first]) == first
    assert twin_of(_copy(11), [other]) is None


@pytest.mark.parametrize("rule", [False, True])
def test_a_story_weighs_a_twin_once(database: Database, settings: Settings,
                                    probs: dict[int, float], monkeypatch: pytest.MonkeyPatch,
                                    rule: bool) -> None:
    """A story of a wire report and a site's two section copies of another angle: a report that
    pairs with the wire's (0.95) and not the angle (0.10) was refused when the angle voted twice
    (mean 0.383, one of three close); counted once it joins (0.525, one of two)."""
    monkeypatch.setattr(stories, "TWIN_RULE", rule)
    words = word_model(settings)
    probs.clear()  # everything refused: each report opens its own story
    site = _source(database, "france24")
    wire = _store(database, words, _source(database, "wire"), QUAKE_A, T0)
    first = _store(database, words, site, FESTIVAL, T0 + timedelta(hours=1))
    second = _store(database, words, site, FESTIVAL, T0 + timedelta(hours=1))
    story = _story_of(database, wire.id)
    assert story is not None
    for copy in (first, second):
        move_to_story(database, copy.id, story)
    probs.update({wire.id: 0.95, first.id: 0.10, second.id: 0.10})
    n = _store(database, words, _source(database, "radio"), QUAKE_B, T0 + timedelta(hours=3))
    assert (_story_of(database, n.id) == story) == rule


@pytest.mark.parametrize("rule", [False, True])
def test_the_second_copy_takes_its_twins_story(database: Database, settings: Settings,
                                               probs: dict[int, float],
                                               monkeypatch: pytest.MonkeyPatch,
                                               rule: bool) -> None:
    """The first copy sits in a story of two other reports it was let into; its twin fits it at
    0.99 and the two others at 0.10 (mean 0.397): the vote split the copies; under the rule the
    second copy is no report of its own and follows the first."""
    monkeypatch.setattr(stories, "TWIN_RULE", rule)
    words = word_model(settings)
    probs.clear()
    site = _source(database, "france24")
    a = _store(database, words, _source(database, "wire"), QUAKE_A, T0)
    b = _store(database, words, _source(database, "channel"), FESTIVAL, T0 + timedelta(hours=1))
    first = _store(database, words, site, QUAKE_B, T0 + timedelta(hours=2))
    story = _story_of(database, a.id)
    assert story is not None
    for report in (b, first):
        move_to_story(database, report.id, story)
    probs.update({a.id: 0.10, b.id: 0.10, first.id: 0.99})
    second = _store(database, words, site, QUAKE_B, T0 + timedelta(hours=2, minutes=1))
    assert (_story_of(database, second.id) == story) == rule


def test_story_curve_names_the_twin_rule() -> None:
    import story_curve

    setting = story_curve.parse_setting("0.65+twin")
    assert setting.twin and setting.name == "0.65/0.40/0.50+twin"
    assert story_curve.parse_setting(setting.name) == setting
    assert not story_curve.parse_setting("0.65").twin
