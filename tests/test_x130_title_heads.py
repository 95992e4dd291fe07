"""Title head words are kept once, in digests.title_heads (X130, audit QA73-10).

The speaker modules build their lists from its groups; the lists whose union with a group was
measured to change a corpus digest keep their own members (pinned here, so a word added to the
shared groups is a decision, not an accident). Two lists took the whole groups: a refusing
ambassador («ورفضت السفيرة …») and a masculine head the denial verb agrees with.
"""

from __future__ import annotations

from bot.attribution import denial_verb
from digests import (
    describer_subjects,
    display_names,
    sentence_openers,
    speaker_memory,
    speaker_spans,
    speaker_words,
)
from digests.describer_subjects import refuser
from digests.speech import fold
from digests.title_heads import (
    DELEGATE_HEADS,
    MAN_HEADS,
    OFFICE_HEADS,
    PERSON_TITLES,
    WOMAN_HEADS,
    WOMAN_OFFICES,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def test_the_groups_are_folded_and_a_man_is_no_woman() -> None:
    from digests import title_heads

    groups = [v for v in vars(title_heads).values() if isinstance(v, frozenset)]
    assert all(fold(w) == w and not w.startswith("ال") for g in groups for w in g)
    assert not MAN_HEADS & WOMAN_HEADS
    assert "نائب" in OFFICE_HEADS and "نائب" not in MAN_HEADS  # «النائبة» or «النائب» for her


def test_the_shared_lists_hold_the_groups() -> None:
    assert OFFICE_HEADS | PERSON_TITLES | DELEGATE_HEADS <= describer_subjects._HEADS
    assert OFFICE_HEADS | PERSON_TITLES <= sentence_openers._HUMAN_HEADS
    assert speaker_memory._MAN_HEADS is MAN_HEADS and speaker_memory._WOMAN_HEADS is WOMAN_HEADS
    assert OFFICE_HEADS | DELEGATE_HEADS <= display_names._HEADS


def test_the_lists_kept_apart_keep_their_members() -> None:
    # a union with the shared groups changed corpus digests (the modules' comments say which)
    assert speaker_words._TITLE_HEADS == _words(
        "رئيس رئيسه مدير مديره مدرب قائد زعيم مؤسس باسم عضو ممثل امين نائب سفير")
    # F49 took the union with «محامي», «قاضي» and the feminine offices (two fuller names)
    assert display_names._TITLE_WORDS == PERSON_TITLES | WOMAN_OFFICES | _words(
        "امين سيناتور ممثل مغني مغنيه كاتب روائي خبير باحث بروفيسور دكتور")
    assert {"محامي", "قاضي", "متحدثه", "سفيره"} <= display_names._TITLE_WORDS
    assert not _words("امين ممثل مندوب باسم") & sentence_openers._HUMAN_HEADS
    assert speaker_spans._FIRM_TITLES == _words(
        "مدير مديره رئيس رئيسه مؤسس مؤسسه شريك محلل محلله مسؤول مسؤوله خبير خبيره باحث باحثه"
        " مستشار مستشاره")


def test_a_refusing_ambassador_is_the_subject() -> None:
    """«ورفضت السفيرة الأميركية الاتهامات»: «سفيرة» heads a title as «سفير» does (failed
    before: the describer's copy of the offices lacked the feminine forms)."""
    assert refuser("السفيرة الأميركية الاتهامات") == "السفيرة الأميركية"
    assert refuser("السفير الأميركي الاتهامات") == "السفير الأميركي"


def test_a_man_s_head_denies_in_the_masculine_whatever_the_clause() -> None:
    """«نفى خبير الأمم المتحدة أنها …»: «أنها» is someone else; the expert is a man (failed
    before: the denial's copy held the offices, not the trades of digests.title_heads, and
    «امين» written without its hamza)."""
    assert denial_verb("خبير الأمم المتحدة", "أنها لم تكن هناك") == "نفى"
    assert denial_verb("ممثل المنظمة", "أنها لم تتلق") == "نفى"
    assert denial_verb("امين عام الحزب", "أنها") == "نفى"
    assert denial_verb("أمين عام الحزب", "أنها") == "نفى"
    assert denial_verb("وزير الخارجية", "أنها") == "نفى"
    # a bare name still takes the clause's gender, a feminine head its own
    assert denial_verb("ساركوزي", "أنها") == "نفت"
    assert denial_verb("مسؤولة أمريكية", "أنه") == "نفت"
