"""X119 (session 25): QA74-1 and QA74-2, two holes X110's look-alike rules left in search.

- «حمص» (Homs) missed «وحمص» («دمشق وحلب وحمص والرقة»): the index keeps «وحمص» whole (the
  reference table writes it more often than «حمص»), and X110 searched the bare city key only —
  3 of the 6 Homs articles of the corpus lost; «فلافل وحمص» (a dish) stays the food;
- «الرئيس الأميركي» (the spelling of Sky News Arabia and Al Arabiya) did not stand for «ترامب»:
  digests.title_holders matched the «الأمريكي» row's exact keys.
Invented articles over a real SQLite file; migration 057 keys stored articles again."""

from __future__ import annotations

from pathlib import Path

import pytest
from searchkit import archive, found, older_keys, stored

from digests.storage import Database
from digests.title_holders import HOLDERS, _keys, holder_phrase
from digests.topic_match import alert_matches
from digests.variants import alternatives

ARTICLES = {
    "homs": ("قصف على ريف حمص الشمالي", "قالت مصادر إن قصفا استهدف ريف حمص الشمالي."),
    "cities": ("سبع سنوات على الحرب", "يعيش ملايين في ضواحي دمشق وحلب وحمص والرقة."),
    "in_homs": ("اشتباكات قرب المدينة", "دارت اشتباكات بحمص القديمة ليلا."),
    "falafel": ("وجبات مجانية لكل هدف", "يقدم المطعم وجبة فلافل وحمص مجانية لكل هدف."),
    "trump": ("ترامب يفرض رسوما", "فرض ترامب رسوما جمركية جديدة."),
}


@pytest.mark.parametrize(("query", "wanted"), [
    ("حمص", {"homs", "cities", "in_homs"}),
    ("الحمص", {"falafel"}),
    ("الرئيس الأميركي", {"trump"}),
    ("الرئيس الأمريكي", {"trump"}),
    ("الرئيس الامريكي", {"trump"}),
])
def test_the_city_and_the_title_are_found_as_written(tmp_path: Path, query: str,
                                                     wanted: set[str]) -> None:
    with Database(tmp_path / "n.db") as db:
        names = archive(db, ARTICLES)
        assert found(db, names, query, widen=False) == wanted, query


def test_a_follower_of_homs_is_alerted_for_its_clitic_spelling(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        arts = stored(db, ARTICLES)
    assert alert_matches("حمص", arts["cities"]) and not alert_matches("حمص", arts["falafel"])
    assert alert_matches("الرئيس الأميركي", arts["trump"])


def test_every_spelling_of_a_title_stands_for_its_holder() -> None:
    for title, name in HOLDERS.items():
        for k in _keys(title):
            for other in alternatives(k):
                spelled = tuple(other if x == k else x for x in _keys(title))
                assert holder_phrase(spelled) == _keys(name), (title, other)


def test_the_migration_keys_the_dish_apart(tmp_path: Path) -> None:
    from digests.search_readings import m057_food_readings, needs_food_reindex

    with Database(tmp_path / "n.db") as db:
        names = archive(db, ARTICLES)
        older_keys(db, names, ARTICLES, "حمص", "حمص")  # «فلافل وحمص» keyed «وحمص» before
        assert "falafel" in found(db, names, "حمص", widen=False)
        with db.transaction() as tx:
            m057_food_readings(tx)
        assert found(db, names, "حمص", widen=False) == {"homs", "cities", "in_homs"}
        assert found(db, names, "الحمص", widen=False) == {"falafel"}
    assert needs_food_reindex("فلافل وحمص") and not needs_food_reindex("ريف حمص")
