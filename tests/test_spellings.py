"""One topic, several common spellings (QA23 S4): search and alerts on a real SQLite archive.

«أمريكا/أميركا», «نصرالله/نصر الله», «عبدالفتاح/عبد الفتاح», «مسئول/مسؤول», «ابن/بن سلمان»
and «نتن ياهو» each find (and alert) the articles written the other way; look-alikes stay out.
"""

from __future__ import annotations

import pytest
from test_search import NOW, add, ids

from digests import subscriptions as subs
from digests.search import search
from digests.storage import Database
from digests.variants import alternatives, joined_form, split_form


@pytest.fixture
def db(database: Database) -> Database:
    add(database, 1, "روسيا وأميركا.. مخاوف من حرب كابلات", "قال مسؤول روسي إن واشنطن تخطط.")
    add(database, 2, "إقالة شرطي أمريكي", "أقالت الشرطة الأمريكية ضابطا.", source="CNN")
    add(database, 3, "خطاب حسن نصرالله", "قال الأمين العام لحزب الله حسن نصرالله إن الحزب.")
    add(database, 4, "نصر الله يهاجم", "قال حسن نصر الله في خطاب متلفز.", source="Sky")
    add(database, 5, "عبدالفتاح السيسي يفوز", "فاز عبدالفتاح السيسي بولاية ثانية.")
    add(database, 6, "السيسي رئيسا", "أعلنت اللجنة فوز عبد الفتاح السيسي.", source="Sky")
    add(database, 7, "مسئول مصري ينفي", "قال مسئول في وزارة الخارجية إن الخبر كاذب.")
    add(database, 8, "ولي العهد محمد بن سلمان في لندن", "وصل محمد بن سلمان إلى لندن.")
    add(database, 9, "ابن سلمان يلتقي ماي", "التقى ابن سلمان رئيسة الوزراء.", source="Sky")
    add(database, 10, "نتنياهو يرد", "قال رئيس الوزراء بنيامين نتنياهو إن.")
    add(database, 11, "نصر كبير للفريق", "حقق الفريق نصرا كبيرا والحمد لله.")  # not نصر الله
    add(database, 12, "عبد ربه منصور هادي", "قال الرئيس عبد ربه منصور هادي.")  # not عبدالفتاح
    return database


@pytest.mark.parametrize("spellings, expected", [
    (("أمريكا", "أميركا"), [1]),  # «الأمريكية» and «أمريكي» are other words
    (("الأمريكي", "الأميركي", "أمريكي"), [2]),
    (("نصرالله", "نصر الله"), [3, 4]),
    (("حسن نصرالله", "حسن نصر الله"), [3, 4]),
    (("عبدالفتاح السيسي", "عبد الفتاح السيسي"), [5, 6]),
    (("مسئول", "مسؤول"), [1, 7]),
    (("ابن سلمان", "بن سلمان"), [8, 9]),
    (("نتن ياهو", "نتنياهو"), [10]),
])
def test_every_spelling_finds_the_same_articles(db: Database, spellings: tuple[str, ...],
                                                expected: list[int]) -> None:
    for query in spellings:
        result = search(db.db, query, now=NOW, widen=False)  # the phrase hits alone
        assert sorted(ids(result)) == expected, query


def test_look_alikes_of_the_new_spellings_stay_out(db: Database) -> None:
    assert 11 not in ids(search(db.db, "نصر الله", now=NOW, widen=False))
    assert 12 not in ids(search(db.db, "عبد الفتاح", now=NOW, widen=False))
    assert ids(search(db.db, "عبد ربه", now=NOW)) == [12]


def test_the_rules_are_symmetric_and_leave_other_words_alone() -> None:
    assert set(alternatives("امريكا")) == {"امريكا", "اميركا"}
    assert set(alternatives("اميركيه")) == {"اميركيه", "امريكيه"}
    assert alternatives("شئون")[1:] == ("شؤون",) and "شئون" in alternatives("شؤون")
    assert alternatives("سوريا") == ("سوريا",) and alternatives("مسلم") == ("مسلم",)
    assert split_form("عبدالعزيز") == ("عبد", "عزيز") and joined_form("عبد", "عزيز") == "عبدالعزيز"
    assert split_form("نصرالله") == ("نصر", "الله") and joined_form("نصر", "الله") == "نصرالله"
    assert split_form("والله") is None and split_form("بالله") is None  # a particle + «الله»
    assert split_form("عبد") is None and joined_form("ب", "الله") is None


def test_a_follower_of_one_spelling_is_alerted_by_the_other(database: Database) -> None:
    """The follower of «أمريكا» gets «أميركا» news; «مسئول» follows «مسؤول»; following
    «عبد الفتاح السيسي» is following «عبدالفتاح السيسي» (one subscription)."""
    from delivery_helpers import add_article, add_source, ctx, rows

    from digests import new_deliveries

    subs.upsert_chat(database, 1, now=NOW)
    subs.subscribe(database, 1, "أمريكا", now=NOW)
    subs.upsert_chat(database, 2, now=NOW)
    subs.subscribe(database, 2, "نصر الله", now=NOW)
    sky = add_source(database, "sky")
    for story, title in ((7, "ألمانيا متفائلة بتسوية تجارية مع أميركا"),
                         (8, "نصرالله: لن نسمح بالعدوان"),
                         (9, "الغوطة: قافلة مساعدات")):
        article = add_article(database, sky, title, story_id=story)
        with database.transaction() as tx:
            new_deliveries.enqueue_article(tx, article, ctx())
    assert sorted((r["chat_id"], r["story_id"]) for r in rows(database)) == [(1, 7), (2, 8)]
    subs.upsert_chat(database, 3, now=NOW)
    first, created = subs.subscribe(database, 3, "عبد الفتاح السيسي", now=NOW)
    again, created_again = subs.subscribe(database, 3, "عبدالفتاح السيسي", now=NOW)
    assert created and not created_again and again.id == first.id
