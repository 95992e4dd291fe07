"""QA64-8 and QA64-11 (X98): which earlier reports a digest links.

- QA64-8: a site's own earlier report of the article's story (the visit reported the evening
  before) was never linked: no "story" link gives it (those are other sources'), and the archive
  search left it out as a story-mate. It is now one archive link, chosen before background.
- QA64-9: the obvious earlier step (the first leg under the second) lost its place to fresher
  background sharing fewer of the headline's words; a candidate whose headline holds three of
  the article's salient terms, the heaviest among them, is chosen first.
- QA64-11: a story link repeating the article's headline word for word (a wire headline run by
  two sites) took a place another report of the story could have had; it now comes after the
  story's other reports, and stays when it is the only one.

Real SQLite through the ingest steps (index, digest) of tests/test_related for QA64-8; the pure
merge for QA64-11. Measured on the corpus: benchmarks/related_order.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from digests import related
from digests.digest import load_digest, merge_related
from digests.models import RelatedItem
from digests.related import related_articles
from digests.storage import Database
from test_related import BAN_LIFTED, BAN_TITLES, CELEBRATION, FRIENDLY, FRIENDLY_TITLE, add, \
    load, related_ids

OWN_EARLIER = "الاتحاد الدولي يسمح للعراق باستضافة المباريات الدولية"


def _story(database: Database, own_days_ago: float) -> None:
    add(database, 1, FRIENDLY_TITLE, FRIENDLY, days_ago=30)  # background
    add(database, 2, BAN_TITLES[0], BAN_LIFTED, days_ago=1.2, story_id=60, source=2)  # a mate
    add(database, 3, OWN_EARLIER, BAN_LIFTED, days_ago=own_days_ago, story_id=60, source=1)
    add(database, 9, "فيفا يرفع الحظر عن ملاعب العراق أخيرا", CELEBRATION, days_ago=1,
        story_id=60, source=1)


def test_the_sites_own_earlier_report_of_the_story_is_linked_first(database: Database) -> None:
    _story(database, own_days_ago=1.5)
    assert related_ids(database, 9) == [3, 1]  # was [1]: the site's own report left out
    digest = load_digest(database.db, 9)
    assert digest is not None
    kinds = {r.url.rsplit("/", 1)[1]: r.kind for r in digest.related}
    assert kinds == {"3": "archive", "1": "archive", "2": "story"}


def test_not_when_older_than_two_days(database: Database) -> None:
    _story(database, own_days_ago=1 + related.OWN_SITE_DAYS + 0.5)
    assert related_ids(database, 9) == [1]


def test_the_earlier_step_naming_the_subject_whole_is_chosen_first(database: Database) -> None:
    # three weeks before: Iraq asked FIFA to lift the ban on its stadiums (every salient word of
    # the headline); five days before, background naming Iraq alone
    add(database, 1, "العراق يطالب فيفا برفع الحظر عن الملاعب", FRIENDLY, days_ago=20)
    add(database, 2, OWN_EARLIER, BAN_LIFTED, days_ago=5, story_id=50)
    add(database, 9, "فيفا يرفع الحظر عن ملاعب العراق أخيرا", CELEBRATION, days_ago=1)
    assert related_ids(database, 9) == [1, 2]  # was [2, 1]
    assert [a.id for a in related_articles(database.db, load(database.db, 9), limit=1)] == [1]


NOW = datetime(2018, 3, 26, 3, 22, tzinfo=UTC)
TITLE = "بريطانيا تطالب إيران بالكف عن تسليح الحوثيين"


def _link(n: int, title: str, minutes: int, site: str = "s") -> RelatedItem:
    return RelatedItem(title, f"https://{site}{n}.example/{n}", NOW + timedelta(minutes=minutes),
                       "story")


def test_a_story_link_repeating_the_headline_comes_after_another_report() -> None:
    copy = _link(1, "بريطانيا تطالب إيران بالكف عن تسليح الحوثيين", -70)
    other = _link(2, "لندن تستدعي السفير الإيراني بسبب صواريخ الحوثيين", -300)
    page = [RelatedItem(f"خبر {i}", f"https://own.example/p{i}", None, "page") for i in range(4)]
    one_place = merge_related("https://own.example/a", page, [], [copy, other], at=NOW,
                              title=TITLE)
    assert [r.url for r in one_place if r.kind == "story"] == [other.url]  # was the copy
    # the only other report is kept, copy or not
    alone = merge_related("https://own.example/a", page, [], [copy], at=NOW, title=TITLE)
    assert [r.url for r in alone if r.kind == "story"] == [copy.url]
    # with room for both, both are shown, in time order
    both = merge_related("https://own.example/a", [], [], [copy, other], at=NOW, title=TITLE)
    assert [r.url for r in both] == [other.url, copy.url]
