"""X124 (QA68-13): one event the story index kept in two stories is one entry of a search page,
its other report linked under it — on an invented archive (a real SQLite file, stored story
vectors as the story step writes them), the real search and the real bot. A different event
that shares the name and the place (the pair the story decision itself would join at 0.65, the
fold's threshold refuses) and the same words three days on (beyond the story window) stay
entries of their own."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from botkit import READER, running_bot
from test_search import NOW, add

from digests.models import iso
from digests.search import search
from digests.search_events import Report, fold_events, report_of, same_event
from digests.similarity import story_vector
from digests.storage import Database

HOSPITAL = ("نقل نتنياهو إلى المستشفى لإجراء فحوص طبية",
            "نقل رئيس الوزراء الإسرائيلي بنيامين نتنياهو مساء الخميس إلى مستشفى هداسا في القدس"
            " بعد إصابته بارتفاع في درجة الحرارة وسعال، وقال مكتبه إن الأطباء أجروا له فحوصا"
            " طبية.")
TWEET = ("بعد نقله للمستشفى نتنياهو يغرد: الأمور على ما يرام",
         "غرد رئيس الوزراء الإسرائيلي بنيامين نتنياهو بعد نقله مساء الخميس إلى مستشفى هداسا في"
         " القدس إثر ارتفاع في درجة الحرارة وسعال، وقال إن الأمور على ما يرام وإن الأطباء"
         " أجروا له فحوصا طبية.")
PARIS = ("نتنياهو يلتقي ماكرون في باريس لبحث الملف الإيراني",
         "التقى رئيس الوزراء الإسرائيلي بنيامين نتنياهو الرئيس الفرنسي إيمانويل ماكرون في قصر"
         " الإليزيه في باريس، وبحث الجانبان الاتفاق النووي مع إيران.")
WARD = ("نتنياهو يفتتح جناحا لعلاج السرطان في مستشفى هداسا بالقدس",
        "افتتح رئيس الوزراء الإسرائيلي بنيامين نتنياهو صباح الاثنين جناحا جديدا لعلاج السرطان"
        " في مستشفى هداسا بالقدس، بتمويل من متبرعين أميركيين، بحضور وزير الصحة.")


def _report(db: Database, article_id: int, text: tuple[str, str], hours_ago: float,
            story_id: int, source: str) -> None:
    """A stored, indexed report in its own story, with the story vector the story step keeps."""
    add(db, article_id, *text, days_ago=hours_ago / 24, story_id=story_id, source=source)
    with db.transaction() as tx:
        tx.execute("insert or ignore into stories (id, created_at) values (?, ?)",
                   [story_id, iso(NOW)])
        tx.execute("insert into story_vectors (article_id, published_at, vector) values (?,?,?)",
                   [article_id, iso(NOW - timedelta(hours=hours_ago)),
                    story_vector(*text).to_blob()])


def _archive(db: Database, tweet_hours: float = 3.0) -> None:
    _report(db, 1, HOSPITAL, 5.0, 11, "BBC")
    _report(db, 2, TWEET, tweet_hours, 12, "CNN")
    _report(db, 3, PARIS, 4.0, 13, "RT")
    _report(db, 4, WARD, 4.5, 14, "SKY")


def test_one_event_of_two_stories_is_one_entry(database: Database) -> None:
    _archive(database)
    result = search(database.db, "نتنياهو", limit=10, now=NOW, fold_stories=True)
    entries = [h.digest.article_id for h in result.hits]
    assert sorted(entries) in ([1, 3, 4], [2, 3, 4]), [h.digest.headline for h in result.hits]
    [event] = [h for h in result.hits if h.digest.article_id in (1, 2)]
    assert event.also == (3 - (event.digest.article_id or 0),)
    assert result.stories == 3
    # unfolded (run.py search's list), every report stays
    assert len(search(database.db, "نتنياهو", limit=10, now=NOW).hits) == 4


def test_another_event_at_the_same_place_is_not_folded(database: Database) -> None:
    # the ward's opening at the same hospital the same day: the story decision (0.65) would
    # join it, the fold's threshold does not
    _archive(database)
    hospital = report_of(*HOSPITAL, NOW - timedelta(hours=5))
    ward = report_of(*WARD, NOW - timedelta(hours=4.5))
    assert 0.65 <= same_event(hospital, ward) < 0.9
    hits = search(database.db, "نتنياهو", limit=10, now=NOW, fold_stories=True).hits
    assert 4 in [h.digest.article_id for h in hits]
    assert all(4 not in h.also for h in hits)


def test_the_same_words_beyond_the_story_window_stay_apart(database: Database) -> None:
    _archive(database, tweet_hours=5.0 + 60)
    hits = search(database.db, "نتنياهو", limit=10, now=NOW, fold_stories=True).hits
    assert sorted(h.digest.article_id or 0 for h in hits) == [1, 2, 3, 4]
    assert all(not h.also for h in hits)


def test_a_page_is_judged_only_up_to_the_entries_asked() -> None:
    # «المزيد» pages on from the same list: a page's folds never depend on later entries
    when = NOW - timedelta(hours=1)
    same = report_of(*HOSPITAL, when)
    reports = {1: same, 2: same, 3: report_of(*PARIS, when), 4: same, 5: same}
    asked: list[list[int]] = []

    def read(ids: list[int]) -> dict[int, Report]:
        asked.append(ids)
        return {i: reports[i] for i in ids if i in reports}

    cands = [(i, 1.0, 10 + i) for i in range(1, 7)]  # 6 has no stored vector: never folded
    kept, under = fold_events(cands, 2, read)
    assert [c[0] for c in kept] == [1, 3, 4, 5, 6] and under == {1: (2,)}
    kept, under = fold_events(cands, 10, read)
    assert [c[0] for c in kept] == [1, 3, 6] and under == {1: (2, 4, 5)}


def test_an_entry_folds_under_a_story_through_another_of_its_reports() -> None:
    # QA68-13's «انتخابات»: the early indicators (#2) read like Sky's report of them in the
    # results' story (#1's story, another of its reports), not like the results themselves
    when = NOW - timedelta(hours=1)
    results, indicators = report_of(*PARIS, when), report_of(*HOSPITAL, when)
    reports = {1: results, 2: indicators, 3: indicators}  # 2: #1's story's other report

    def read(ids: list[int]) -> dict[int, Report]:
        return {i: reports[i] for i in ids if i in reports}

    cands = [(1, 1.0, 11), (3, 1.0, 12)]
    assert fold_events(cands, 10, read)[1] == {}
    kept, under = fold_events(cands, 10, read, members={1: [1, 2], 3: [3]})
    assert [c[0] for c in kept] == [1] and under == {1: (3,)}
    # never across more than the story window: the results 60 h after the indicators
    reports[1] = report_of(*PARIS, when + timedelta(hours=60))
    reports[2] = report_of(*HOSPITAL, when + timedelta(hours=30))
    assert fold_events(cands, 10, read, members={1: [1, 2], 3: [3]})[1] == {}


async def test_the_bot_shows_the_event_once_with_its_other_report(database: Database) -> None:
    _archive(database)
    path = Path(database.db.execute("pragma database_list").fetchone()[2])
    async with running_bot(path) as h:
        [answer] = await h.say(READER, "نتنياهو")
        text = answer.plain_text
        assert (HOSPITAL[0] in text) != (TWEET[0] in text), text  # one of the two, not both
        assert "وتقرير آخر عن الحدث نفسه:" in text, text
        other = "CNN" if HOSPITAL[0] in text else "BBC"
        line = next(x for x in text.splitlines() if "عن الحدث نفسه" in x)
        assert other in line
        # the other report's address is the link on its site's name
        url = f"https://{other.lower()}.example/a/{2 if other == 'CNN' else 1}"
        assert f'href="{url}"' in answer.text
        assert PARIS[0] in text and WARD[0] in text
