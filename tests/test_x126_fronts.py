"""X126 (QA71-5): a one-site story's report of another front is not silenced.

One site's reports of one day's battles on different fronts share a story (the story model reads
the house style as one event). A follower was sent the first only: the others came under 18 h
with no figure, so none was an update. Now a later report whose headline names a place no
headline the chat was sent of the story named comes as the day's update, in a story all of
whose reports are one site's (digests.story_fronts). Invented archive; real SQLite
(digests.new_deliveries → story_updates)."""

from __future__ import annotations

from datetime import datetime

import pytest
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, later, rows

from digests import new_deliveries, story_fronts
from digests.models import Article, iso
from digests.storage import Database

BODY = ("قال الجيش الوطني في اليمن إن قواته خاضت معارك عنيفة مع ميليشيا الحوثي، وكبدتها خسائر"
        " في الأرواح والعتاد، فيما فر عدد من عناصرها من المواقع.")
JAWF = "معارك عنيفة بين الجيش اليمني والميليشيات بالجوف"
SIRWAH = "الجيش اليمني يكبد الحوثيين خسائر بشرية كبيرة في صرواح"
JAWF_AGAIN = "الجيش الوطني اليمني ينفذ عملية تطهير واسعة في الجوف"
STORY = 28


def _sent(db: Database, chat: int, article_id: int, minutes: int, kind: str = "instant") -> None:
    with db.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status,"
                   " sent_at) values (?, ?, ?, ?, ?, 'sent', ?)",
                   [chat, STORY, article_id, kind, iso(later(minutes)), iso(later(minutes))])


def _enqueue(db: Database, article: Article, now: datetime) -> None:
    with db.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx(now))


def _first_sent(db: Database) -> int:
    """Chat 1 follows «اليمن» (quiet hours off) and was sent site a's al-Jawf report at minute 1;
    returns site a's source id."""
    src = add_source(db, "a")
    add_chat(db, 1, topics=("اليمن",))
    jawf = add_article(db, src, JAWF, body=BODY, story_id=STORY, published=NOW)
    _sent(db, 1, jawf.id, 1)
    return src


def test_another_front_of_a_one_site_story_comes_as_an_update(database: Database) -> None:
    # failed before: no row (six hours later, no figure: no update)
    src = _first_sent(database)
    sirwah = add_article(database, src, SIRWAH, body=BODY, story_id=STORY, published=later(360))
    _enqueue(database, sirwah, later(361))
    [row] = rows(database, "article_id = ?", [sirwah.id])
    assert row["chat_id"] == 1 and row["status"] == "pending"
    assert row["kind"] == f"update:{later(361).date().isoformat()}"


def test_a_front_the_chat_was_sent_stays_silent(database: Database) -> None:
    # the three fronts: Sirwah came as the update; al-Jawf again (another front of al-Jawf,
    # its place already in the chat's headlines) is no news of another place
    src = _first_sent(database)
    sirwah = add_article(database, src, SIRWAH, body=BODY, story_id=STORY, published=later(360))
    _enqueue(database, sirwah, later(361))
    with database.transaction() as tx:
        tx.execute("update outbox set status = 'sent', sent_at = ? where article_id = ?",
                   [iso(later(362)), sirwah.id])
    again = add_article(database, src, JAWF_AGAIN, body=BODY, story_id=STORY,
                        published=later(540))
    _enqueue(database, again, later(541))
    assert rows(database, "article_id = ?", [again.id]) == []


def test_a_same_front_rolling_series_stays_silent(database: Database) -> None:
    src = _first_sent(database)
    for n, minutes in enumerate((120, 240, 360)):
        report = add_article(database, src, f"تجدد المعارك في الجوف لليوم الثاني ({n})",
                             body=BODY, story_id=STORY, published=later(minutes))
        _enqueue(database, report, later(minutes + 1))
        assert rows(database, "article_id = ?", [report.id]) == []


def test_a_story_of_two_sites_keeps_the_old_rule(database: Database) -> None:
    # across sites the same event is told under different places: no update for a place alone
    _first_sent(database)
    other = add_article(database, add_source(database, "b"), SIRWAH, body=BODY, story_id=STORY,
                        published=later(360))
    _enqueue(database, other, later(361))
    assert rows(database, "article_id = ?", [other.id]) == []


def test_any_site_when_one_site_is_off(database: Database,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(story_fronts, "ONE_SITE", False)
    _first_sent(database)
    other = add_article(database, add_source(database, "b"), SIRWAH, body=BODY, story_id=STORY,
                        published=later(360))
    _enqueue(database, other, later(361))
    assert len(rows(database, "article_id = ? and status = 'pending'", [other.id])) == 1


def test_places_are_read_with_their_clitics() -> None:
    assert story_fronts.places_of(JAWF) == story_fronts.places_of(JAWF_AGAIN) == {"جوف"}
    assert story_fronts.places_of(SIRWAH) == {"صرواح"}
    assert story_fronts.places_of("الجيش اليمني يتقدم") == frozenset()  # an adjective, no place
    assert story_fronts.new_places(SIRWAH, [JAWF]) == {"صرواح"}
    assert story_fronts.new_places(JAWF_AGAIN, [JAWF, SIRWAH]) == frozenset()
