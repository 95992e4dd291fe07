"""S29 (QA59-46): two friendlies of one night, each report retelling the other match, were one
story; stories.SCORE_VETO (off by default, measured on the stored-story CV) refuses a pair whose
leads each give a match score and share none, and such a story member votes 0.0.

Real parts: real SQLite and the real story step (words path).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from digests import stories
from digests.models import Article
from digests.processing import StoreContext, run_steps
from digests.settings import Settings
from digests.storage import Database
from digests.story_evidence import scores
from story_helpers import add_source, insert_article

T0 = datetime(2026, 3, 24, 20, 0, tzinfo=timezone.utc)
TAIL = (" ضمن استعدادات المنتخبين لنهائيات كأس العالم في روسيا الصيف المقبل، في ليلة حافلة"
        " بالمباريات الودية الدولية.\nوفي مباراة أخرى من المباريات الودية الدولية الثلاثاء،"
        " فازت فرنسا على روسيا 3-1 في سان بطرسبرغ وفازت بلجيكا على السعودية 4-0 في بروكسل،"
        " بينما تعادلت مصر مع اليونان وخسر المغرب أمام صربيا.")
FRANCE = ("فرنسا تهزم روسيا 3-1 وديا في سان بطرسبرغ",
          "فازت فرنسا على مضيفتها روسيا 3-1 في مباراة ودية دولية أقيمت في سان بطرسبرغ" + TAIL)
BELGIUM = ("بلجيكا تهزم السعودية 4-0 وديا في بروكسل",
           "فازت بلجيكا على ضيفتها السعودية 4-0 في مباراة ودية دولية أقيمت في بروكسل" + TAIL)
FRANCE_TOO = ("مبابي يقود فرنسا للفوز على روسيا 3-1",
              "قاد كيليان مبابي منتخب فرنسا للفوز على روسيا 3-1 في مباراة ودية دولية أقيمت في سان"
              " بطرسبرغ" + TAIL)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.replace(story_model="words")


def _store(db: Database, settings: Settings, name: str, doc: tuple[str, str],
           published: datetime) -> Article:
    source = add_source(db, name, T0)
    with db.transaction() as tx:
        article = insert_article(tx, source, doc[0], doc[1], published, T0)
    with db.transaction() as tx:
        run_steps(tx, article, StoreContext(now=published, settings=settings),
                  steps=[stories.assign_story])
    return article


def _story(db: Database, article: Article) -> int:
    return int(db.db.execute("select story_id from articles where id = ?",
                             [article.id]).fetchone()[0])


def test_the_leads_give_their_scores() -> None:
    assert stories.lead_scores(*FRANCE) == {"1-3"}
    assert stories.lead_scores(*BELGIUM) == {"0-4"}
    assert scores("تعادل الفريقان بهدف لمثله") == {"1-1"}


def test_off_the_two_matches_are_one_story(database: Database, settings: Settings,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "SCORE_VETO", False)
    a = _store(database, settings, "الأولى", FRANCE, T0)
    b = _store(database, settings, "الثانية", BELGIUM, T0 + timedelta(hours=1))
    assert _story(database, a) == _story(database, b)  # the shipped step merges them (QA59-46)


def test_the_veto_keeps_two_matches_apart_and_one_match_together(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "SCORE_VETO", True)
    a = _store(database, settings, "الأولى", FRANCE, T0)
    b = _store(database, settings, "الثانية", BELGIUM, T0 + timedelta(hours=1))
    c = _store(database, settings, "الثالثة", FRANCE_TOO, T0 + timedelta(hours=2))
    assert _story(database, a) != _story(database, b)
    assert _story(database, c) == _story(database, a)
