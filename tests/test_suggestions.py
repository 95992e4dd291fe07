"""digests.suggestions against a real SQLite file: g/q/k slips (QA16 N9), known spellings."""

from __future__ import annotations

from test_search import NOW, add

from digests.search import search
from digests.storage import Database
from digests.suggestions import RARE_MAX, suggest


def test_a_rare_word_one_g_q_k_letter_away_is_not_suggested(database: Database) -> None:
    """QA16 N9: an archive without Ghouta news but with «كوطة» (a quota) once: «الغوطة» found
    nothing and «كوطة» was offered. A g/q/k letter swapped into a rare word is another word."""
    add(database, 1, "حصة الصيد", "حددت الوزارة كوطة الصيد لهذا العام.")
    add(database, 2, "سوريا", "قصف على ريف دمشق.")
    assert suggest(database.db, "الغوطة") == []
    result = search(database.db, "الغوطة", now=NOW)
    assert result.total == 0 and result.suggestions == ()
    assert "كوطة" not in (result.message or "")
    # a slip of another kind still finds the rare word
    assert suggest(database.db, "كوتة") == ["كوطة"]


def test_a_g_q_k_slip_of_a_common_name_is_still_corrected(database: Database) -> None:
    """«أردوقان», «ماجرون», «دمشك»: a reader's g/q/k slip in a name the news is about."""
    for i in range(RARE_MAX + 1):
        add(database, 10 + i, f"قمة {i}", "التقى ماكرون أردوغان في دمشق.",
            days_ago=1 + i / 10)
    assert suggest(database.db, "أردوقان") == ["أردوغان"]
    assert suggest(database.db, "ماجرون") == ["ماكرون"]
    assert suggest(database.db, "دمشك") == ["دمشق"]


def test_a_query_known_in_another_spelling_gets_no_suggestion(database: Database) -> None:
    """«ماكرن» is a listed spelling of «ماكرون» (digests.variants): the archive knows it."""
    add(database, 1, "ماكرون في بيروت", "زار ماكرون بيروت.")
    assert suggest(database.db, "ماكرن") == []
    assert search(database.db, "ماكرن", now=NOW).total == 1


def test_a_typo_the_archive_holds_offers_the_name_of_the_news(database: Database) -> None:
    """QA23 S5: «الغوظة» (ظ for ط) is in one article and «الغوطة» in many: the one hit came with
    no «هل تقصد». A name of the news one reader's slip away is offered (a letter its dots tell
    apart, a long vowel added, any edit of a long name); another short name is not («حماد» is
    not «حماس»)."""
    from digests.suggestions import NAME_MIN

    for i in range(NAME_MIN):
        add(database, 100 + i, f"قصف على الغوطة {i}", "قال سكان الغوطة وحماس وميركل ونتنياهو.",
            days_ago=2 + i / 10)
    add(database, 1, "تقرير", "قصف على الغوظة وقالت ميركيل وقال نتياهو.")
    add(database, 2, "تقرير آخر", "قال حماد إن الوضع صعب.")
    for typed, name in (("الغوظة", "الغوطة"), ("ميركيل", "ميركل"), ("نتياهو", "نتنياهو")):
        result = search(database.db, typed, now=NOW)
        assert [h.digest.article_id for h in result.hits] == [1], typed
        assert result.suggestions == (name,), typed
        assert result.message and f"هل تقصد: {name}" in result.message
    assert search(database.db, "حماد", now=NOW).suggestions == ()
    assert search(database.db, "الغوطة", now=NOW).suggestions == ()
