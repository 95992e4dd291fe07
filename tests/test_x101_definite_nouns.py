"""X101 (session 24), QA68-1 (S1): a definite noun typed («العمرة», «السيول», «الأقصى», «الذهب»,
«الكرد») matched a different bare word once «ال» was stripped: «عمره» (his age), «سيول» (Seoul),
«أقصى» (farthest), «ذهب» (went), «كرد على» (as a reply to) — in search and in alerts.
digests.search_definite keeps the article of those nouns in their keys; migration 052 keys the
stored articles and followed topics again. Invented articles over a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from delivery_helpers import add_article, add_source
from searchkit import archive, found, older_keys

from digests.search import topic_key
from digests.search_index import matched_words
from digests.search_places import place_analyze
from digests.search_readings import m052_definite_readings, needs_definite_reindex
from digests.storage import Database
from digests.topic_match import alert_matches

ARTICLES = {
    "umrah": ("موسم العمرة يبدأ بعد رمضان", "أعلنت الوزارة بدء موسم العمرة وأداء عمرة رمضان."),
    "age": ("جسر عمره 5 أيام ينهار", "انهار جسر عمره خمسة أيام، وقال مهندس إن عمره قصير."),
    "floods": ("السيول تجتاح قرى الجنوب", "اجتاحت السيول قرى الجنوب وحذر الدفاع المدني من السيول."),
    "seoul": ("سيول تستقبل وفدا من بيونغ يانغ", "استقبلت سيول وفدا رفيع المستوى، وقالت سيول إن"
              " المحادثات إيجابية."),
    "aqsa": ("دعوات للصلاة بالأقصى", "دعت الأوقاف إلى الصلاة في المسجد الأقصى يوم الجمعة."),
    "far": ("البرلمان يلغي الحد الأقصى للولايات", "ألغى البرلمان الحد الأقصى للولايات في أقصى شرق"
            " البلاد."),
    "gold": ("أسعار الذهب ترتفع", "ارتفعت أسعار الذهب اليوم، وقال تاجر إن الذهب ملاذ آمن."),
    "went": ("أين ذهب لاعبو المنتخب؟", "ذهب اللاعبون إلى أنديتهم بعد المباراة."),
    "kurds": ("الكرد يتظاهرون في القامشلي", "تظاهر الكرد في القامشلي، وقال ممثل الكرد إن"
              " المطالب واضحة."),
    "akrad": ("الأكراد يطالبون بالحكم الذاتي", "طالب الأكراد بالحكم الذاتي."),
    "reply": ("لافروف ينتقد واشنطن", "قال لافروف ذلك كرد على العقوبات الأمريكية الجديدة."),
}




@pytest.mark.parametrize(("query", "wanted"), [
    ("العمرة", {"umrah"}),
    ("عمرة", {"umrah"}),
    ("السيول", {"floods"}),
    ("الأقصى", {"aqsa"}),
    ("المسجد الأقصى", {"aqsa"}),
    ("الذهب", {"gold"}),
    ("أسعار الذهب", {"gold"}),
    ("الكرد", {"kurds", "akrad"}),  # and its other number
    ("الأكراد", {"kurds", "akrad"}),
    # a bare word typed is either reading, as before
    ("سيول", {"floods", "seoul"}),
    ("ذهب", {"gold", "went"}),
    ("عمره", {"umrah", "age"}),
])
def test_a_definite_noun_does_not_find_the_bare_word(tmp_path: Path, query: str,
                                                     wanted: set[str]) -> None:
    with Database(tmp_path / "n.db") as db:
        names = archive(db, ARTICLES)
        assert found(db, names, query, widen=False) == wanted, query


def test_the_found_words_are_the_definite_ones(tmp_path: Path) -> None:
    title, body = ARTICLES["far"]
    assert "أقصى" not in matched_words(f"{title}\n{body}", topic_key("الأقصى").split())
    title, body = ARTICLES["aqsa"]
    assert matched_words(f"{title}\n{body}", topic_key("الأقصى").split()) == ["بالأقصى", "الأقصى"]


def test_a_follower_of_the_definite_noun_is_not_alerted_for_the_other_word(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        source = add_source(db, "news")
        arts = {name: add_article(db, source, title, body=body)
                for name, (title, body) in ARTICLES.items()}
    assert alert_matches("العمرة", arts["umrah"])
    assert not alert_matches("العمرة", arts["age"])
    assert alert_matches("السيول", arts["floods"])
    assert not alert_matches("السيول", arts["seoul"])
    assert not alert_matches("الذهب", arts["went"])
    assert not alert_matches("الكرد", arts["reply"])
    assert not alert_matches("الأقصى", arts["far"])


def test_the_migration_keys_the_archive_and_the_follows_again(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        names = archive(db, ARTICLES)
        older_keys(db, names, ARTICLES, "العمرة", "عمره")  # the keys and follow an older version wrote
        # the old keys hold no definite noun
        assert found(db, names, "العمرة", widen=False) == set()
        with db.transaction() as tx:
            m052_definite_readings(tx)
        assert found(db, names, "العمرة", widen=False) == {"umrah"}
        assert found(db, names, "سيول", widen=False) == {"floods", "seoul"}
        [row] = db.db.execute("select topic_key from subscriptions").fetchall()
        assert row[0] == topic_key("العمرة") != "عمره"


@pytest.mark.parametrize("text", ["أدى آلاف المعتمرين عُمرة رمضان", "موسم عمـرة رمضان",
                                  "عُمْرَةٌ في رمضان"])
def test_the_migration_finds_an_umrah_written_with_harakat_or_a_tatweel(text: str) -> None:
    """The index reads «عُمرة» and «عمـرة» as the Umrah (its harakat and tatweel dropped before the
    «ة» is looked at), so migration 052 must re-key an article holding only that spelling: it
    looked for «عمرة» in the raw text, and such an article kept its old key «عمره» (his age)."""
    assert "العمره" in place_analyze(text)
    assert needs_definite_reindex(text)
