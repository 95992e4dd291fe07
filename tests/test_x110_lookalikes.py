"""X110 (session 25): look-alike words in search, QA68-6/-7/-8/-15 and QA70-4's search side.

- «حمص» (Homs) listed «فلافل الحمص» (chickpeas) first; «حماة» (Hama) the anthem «حماة الديار»
  (the homeland's protectors) — a city written bare, another noun with the article or in a
  construct (digests.search_definite);
- «العمرة» led with «عمرة أديب», a source's typo of «عمرو أديب» named right in the same article,
  and «صيانة وعمرة قطع الغيار» (an overhaul);
- «عمان», «عون», «البشير» … alone: both meanings mixed with no word of the other (a «هل تقصد»
  offer of the readings, digests.search_senses);
- «رئيس الوزراء الإسرائيلي», «الرئيس الروسي»: 0/5 and 2/5 about the man (digests.title_holders);
- «بريكست» and «Brexit» found 17 and 9, two worlds.
Invented articles over a real SQLite file; migration 055 keys stored articles again."""

from __future__ import annotations

from pathlib import Path

import pytest
from searchkit import archive, found, older_keys, stored

from digests.search import search
from digests.storage import Database
from digests.topic_match import alert_matches

ARTICLES = {
    "homs": ("قصف على ريف حمص الشمالي", "قالت مصادر إن قصفا استهدف ريف حمص الشمالي."),
    "chickpeas": ("وجبات فلافل مجانية لكل هدف", "يقدم المطعم فلافل الحمص مجانا لكل هدف."),
    "hama": ("معارك في ريف حماة", "دارت معارك عنيفة في ريف حماة الشمالي وفي مدينة حماه."),
    "anthem": ("أناشيد وطنية عربية", "من أشهرها نشيد حماة الديار الذي كتبه خليل مردم بك."),
    "umrah": ("موسم العمرة يبدأ", "أعلنت الوزارة بدء موسم العمرة وأداء عمرة رمضان."),
    "typo": ("مذيع يسخر من مراسل", "سخر الإعلامي المصري، عمرو أديب، من مراسل، وقال عمرة أديب"
             " إن التغطية ضعيفة."),
    "overhaul": ("وفورات في الصناعات العسكرية", "تشمل الخطة صيانة وعمرة قطع غيار محركات"
                 " الطائرات."),
    "netanyahu": ("نتنياهو يغادر المستشفى", "غادر نتنياهو المستشفى بعد فحوص طبية."),
    "putin": ("بوتين يفوز بولاية جديدة", "فاز بوتين بولاية رابعة."),
    "brexit_ar": ("مفاوضات بريكست تتعثر", "تعثرت مفاوضات بريكست بين لندن وبروكسل."),
    "brexit_en": ("اتفاق حول Brexit", "توصلت لندن وبروكسل إلى اتفاق حول Brexit."),
}


@pytest.mark.parametrize(("query", "wanted"), [
    ("حمص", {"homs"}),
    ("الحمص", {"chickpeas"}),
    ("حماة", {"hama"}),
    ("حماه", {"hama"}),
    ("حماة الديار", {"anthem"}),
    ("العمرة", {"umrah"}),
    ("عمرو أديب", {"typo"}),
    ("رئيس الوزراء الإسرائيلي", {"netanyahu"}),
    ("الرئيس الروسي", {"putin"}),
    ("بوتين", {"putin"}),  # a name does not find its title's other holders (one way)
    ("بريكست", {"brexit_ar", "brexit_en"}),
    ("Brexit", {"brexit_ar", "brexit_en"}),
])
def test_a_look_alike_is_not_the_word_typed(tmp_path: Path, query: str, wanted: set[str]) -> None:
    with Database(tmp_path / "n.db") as db:
        names = archive(db, ARTICLES)
        assert found(db, names, query, widen=False) == wanted, query


def test_a_follower_of_the_city_is_not_alerted_for_the_other_word(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        arts = stored(db, ARTICLES)
    assert alert_matches("حمص", arts["homs"]) and not alert_matches("حمص", arts["chickpeas"])
    assert alert_matches("حماة", arts["hama"]) and not alert_matches("حماة", arts["anthem"])
    assert not alert_matches("العمرة", arts["typo"])
    assert alert_matches("رئيس الوزراء الإسرائيلي", arts["netanyahu"])


@pytest.mark.parametrize(("query", "offered"), [
    ("عمان", ("عُمان", "عمّان")),
    ("عون", ("ميشال عون",)),
    ("البشير", ("عمر البشير",)),
])
def test_an_ambiguous_word_offers_its_readings(tmp_path: Path, query: str,
                                               offered: tuple[str, ...]) -> None:
    with Database(tmp_path / "n.db") as db:
        archive(db, {"x": (f"خبر عن {query}", f"نص فيه {query} مرة."),
                     **{f"r{i}": (f"خبر عن {r}", f"نص فيه {r}.") for i, r in enumerate(offered)}})
        result = search(db.db, query, limit=5)
        assert result.hits and set(offered) <= set(result.suggestions), result.suggestions
        # a longer topic, or the reading itself, is not asked again
        assert not set(offered) & set(search(db.db, offered[0], limit=5).suggestions)


def test_a_reading_the_archive_does_not_hold_is_not_offered(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:  # «طارق رمضان» is in no article here
        archive(db, {"month": ("شهر رمضان يبدأ", "يبدأ شهر رمضان غدا."),
                     "tv": ("مسلسلات رمضان", "تعرض القنوات مسلسلات رمضان.")})
        assert search(db.db, "رمضان", limit=5).suggestions == ("شهر رمضان",)


def test_the_migration_keys_the_archive_again(tmp_path: Path) -> None:
    from digests.search_readings import m055_lookalike_readings, needs_lookalike_reindex

    with Database(tmp_path / "n.db") as db:
        names = archive(db, ARTICLES)
        older_keys(db, names, ARTICLES, "حمص", "حمص")  # the keys an older version wrote
        assert found(db, names, "حمص", widen=False) == {"homs", "chickpeas"}
        with db.transaction() as tx:
            m055_lookalike_readings(tx)
        assert found(db, names, "حمص", widen=False) == {"homs"}
        assert found(db, names, "حماة", widen=False) == {"hama"}
        assert found(db, names, "العمرة", widen=False) == {"umrah"}
    assert needs_lookalike_reindex("فلافل بالحمص") and needs_lookalike_reindex("حماة الديار")
    assert needs_lookalike_reindex("قال عمرة أديب") and not needs_lookalike_reindex("ريف حمص")
