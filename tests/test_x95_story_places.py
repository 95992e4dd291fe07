"""QA64-1, QA64-2, QA64-5 (X95): which of a story's reports get the "story" places, and the
archive links' order. Real SQLite through the ingest steps (index, digest) of tests/test_digest.

- QA64-1: the places went to the story's earliest reports (a match's previews, the day
  before's step) and left out the reports of the event itself; they go to the closest in time.
- QA64-2: one site took every place while another site of the story was left out; one link a
  site first.
- QA64-5: archive links came in relevance order, dates jumbled; they are shown newest first.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from digests.digest import load_digest, merge_related
from digests.models import RelatedItem
from digests.storage import Database
from test_digest import _source, _store, db, other, seed_article  # noqa: F401  (db: fixture)

UTC = timezone.utc


def _at(day: int, hour: int) -> datetime:
    return datetime(2018, 2, day, hour, 0, tzinfo=UTC)


def test_story_places_go_to_the_event_not_its_previews(db: Database) -> None:
    _source(db, 4)
    # previews two days and one day before, from the sites whose match reports come later
    _store(db, replace(other(30, "مباراة مهمة تنتظر ميسي أمام تشيلسي", source_id=2),
                       published_at=_at(19, 10)), story_id=5)
    _store(db, replace(other(31, "هل يكسر ميسي العقدة أمام تشيلسي؟", source_id=3),
                       published_at=_at(20, 10)), story_id=5)
    _store(db, replace(other(32, "ميسي يكسر العقدة ويقود برشلونة لتعادل ثمين", source_id=3),
                       published_at=_at(21, 21)), story_id=5)
    _store(db, replace(other(33, "تعادل ثمين لبرشلونة أمام تشيلسي", source_id=2),
                       published_at=_at(21, 22)), story_id=5)
    seed = _store(db, replace(seed_article(id=40, source_id=1),
                              published_at=_at(21, 23)), story_id=5)
    digest = load_digest(db.db, seed.id)
    assert digest is not None
    story = [r.url.rsplit("/", 1)[1] for r in digest.related if r.kind == "story"]
    assert story == ["32", "33"]  # was ["30", "31"]: the two previews


def test_one_place_a_site_before_a_second_from_any(db: Database) -> None:
    _source(db, 4)
    for n, hour in ((50, 14), (51, 15), (52, 16)):  # three reports of site 2, the story's first
        _store(db, replace(other(n, f"صلاح يسجل سوبر هاتريك {n}", source_id=2),
                           published_at=_at(17, hour)), story_id=6)
    _store(db, replace(other(53, "صلاح يسجل رباعية تاريخية", source_id=3),
                       published_at=_at(17, 20)), story_id=6)
    seed = _store(db, replace(seed_article(id=60, source_id=1),
                              published_at=_at(17, 23)), story_id=6)
    digest = load_digest(db.db, seed.id)
    assert digest is not None
    story = [r.url.rsplit("/", 1)[1] for r in digest.related if r.kind == "story"]
    assert story == ["52", "53"]  # was ["50", "51"]: site 2 twice, site 3 left out


def test_later_reports_relink_the_closest_to_each_earlier_one(db: Database) -> None:
    """The cheap re-merge of an earlier report's links (a later report arrives) picks the same
    way: its places go to the reports closest to it, not the story's first."""
    _source(db, 4)
    early = _store(db, replace(seed_article(id=70, source_id=1),
                               published_at=_at(21, 22)), story_id=8)
    _store(db, replace(other(71, "معاينة قبل المباراة", source_id=2), published_at=_at(19, 9)),
           story_id=8)
    _store(db, replace(other(72, "معاينة ثانية", source_id=3), published_at=_at(20, 9)),
           story_id=8)
    _store(db, replace(other(73, "تقرير المباراة", source_id=2), published_at=_at(21, 21)),
           story_id=8)
    _store(db, replace(other(74, "تقرير آخر عن المباراة", source_id=3),
                       published_at=_at(21, 23)), story_id=8)
    digest = load_digest(db.db, early.id)
    assert digest is not None
    story = [r.url.rsplit("/", 1)[1] for r in digest.related if r.kind == "story"]
    assert story == ["73", "74"]  # was ["71", "72"]


def test_archive_links_are_shown_newest_first() -> None:
    def arch(n: int, day: int) -> RelatedItem:
        return RelatedItem(f"أ{n}", f"https://b.example/{n}", _at(day, 9), "archive")

    # best first as the archive search ranks them: 24, 28, 27 Feb (QA64-5: shown as ranked)
    got = merge_related("https://a.example/self", [], [arch(1, 24), arch(2, 28), arch(3, 27)],
                        [], at=_at(28, 12))
    assert [r.title for r in got] == ["أ2", "أ3", "أ1"]
