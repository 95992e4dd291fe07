"""digests.signatures: which shared keys show two articles are about one subject.

Signatures and bodies are built by hand: FILLER keys fill each signature to SIGNATURE_KEYS with
keys the other side lacks, so only the listed keys are shared; a body of FULL_BODY_KEYS or
more is a full report, a shorter one a brief. The keys' frequencies and «ال» shares are the
reference word table's (digests/data/word_freq.tsv.gz), as in production (session 9, brief R4).
"""

from __future__ import annotations

from digests.signatures import (
    FULL_BODY_KEYS,
    SIGNATURE_KEYS,
    _families,
    _specificity,
    about_the_same,
)


def _pair(shared: dict[str, tuple[int, int]], *, full: bool = True
          ) -> tuple[dict[str, float], dict[str, int], dict[str, float], dict[str, int]]:
    """Two articles' signatures and bodies sharing exactly the keys of `shared`, each held
    (mine, theirs) times by the two bodies."""
    size = FULL_BODY_KEYS if full else FULL_BODY_KEYS // 2
    sides = []
    for side in (0, 1):
        filler = [f"فاصل{side}x{n}" for n in range(SIGNATURE_KEYS - len(shared))]
        sig = {k: 1.0 for k in [*shared, *filler]}
        body = {k: counts[side] for k, counts in shared.items() if counts[side]}
        body.update({f"متن{side}x{n}": 1 for n in range(size - len(body))})
        sides.append((sig, body))
    (mine, my_body), (theirs, their_body) = sides
    return mine, my_body, theirs, their_body


def links(shared: dict[str, tuple[int, int]], *, full: bool = True) -> bool:
    return bool(about_the_same(*_pair(shared, full=full)))


def test_a_rare_headline_verb_no_body_holds_is_no_name() -> None:
    # two briefs «انفجار … يقتل 6 في التشيك» / «انفجار في كابول يقتل 26»: «يقتل» is rare in the
    # word table but a verb of both headlines only; «انفجار» is common
    assert not links({"انفجار": (2, 1), "يقتل": (0, 0)}, full=False)
    # a rare name the briefs' texts come back to is a shared subject (one event's two briefs)
    assert links({"انفجار": (2, 1), "اسمان": (2, 1)}, full=False)


def test_a_rare_name_counts_twice_only_when_both_reports_come_back_to_it() -> None:
    # «دار الأوبرا … تحتفي» and «أهرامات الجيزة تحتفي … أوبرا عايدة»: a rare verb once in each
    # body and a common word are two celebrations, not one subject
    assert not links({"اوبرا": (2, 27), "تحتفي": (1, 1)})
    # a rare name the two bodies hold three times is a subject
    assert links({"اوبرا": (2, 27), "كابور": (1, 2)})
    # an article with no text to read: the other report's body holding the name is enough
    mine, _, theirs, their_body = _pair({"اوبرا": (0, 27), "كابور": (0, 2)})
    assert about_the_same(mine, {}, theirs, their_body) == {"اوبرا", "كابور"}


def test_a_rare_word_written_both_ways_is_no_name() -> None:
    # «الصندوق السيادي» of Qatar, Norway and Egypt: «سيادي» is rare but an adjective (written
    # with «ال» 0.81 of the time), «صندوق» a common noun
    assert _specificity("سيادي") == 0
    assert not links({"صندوق": (6, 9), "سيادي": (4, 1)})
    # a rare name written one way counts twice: the same two keys with it make a link
    assert _specificity("ليفانتي") == 2
    assert links({"صندوق": (6, 9), "ليفانتي": (4, 1)})


def test_a_word_with_a_pronoun_ending_is_no_name() -> None:
    # «سقوطها من باب الطوارئ» and a plane crash: «سقوطها» is «سقوط» with «ها», not a rare name
    assert _specificity("سقوطها") == 0
    assert not links({"سقوطها": (1, 2), "طائره": (5, 5), "طوارئ": (2, 4)})
    assert links({"سكريبال": (1, 2), "طائره": (5, 5), "طوارئ": (2, 4)})


def test_a_rare_form_of_a_common_word_is_no_name() -> None:
    # «عجزا» (accusative, 24 uses) of «عجز» (183): two deficits in two countries
    assert _specificity("عجزا") == 0 and _specificity("طائرتين") == 0  # dual of «طائرة»
    assert not links({"سنه": (3, 4), "عجزا": (1, 2), "ماليه": (4, 5)})
    # a name in «يا» beside its adjective is still a name (كتالونيا, كتالوني)
    assert _specificity("كتالونيا") == 2
    # «باكستان» with «باكستاني»: one word, however rare one of its forms
    assert not links({"باكستان": (2, 1), "باكستاني": (2, 2)})
    assert links({"باكستان": (2, 1), "كتالونيا": (2, 2)})


def test_one_words_forms_are_one_name() -> None:
    assert sorted(map(sorted, _families({"تحطم", "تحطمت", "طائره", "كوريا", "كوري"}))) == [
        ["تحطم", "تحطمت"], ["طائره"], ["كوري", "كوريا"]]
    assert sorted(_families({"مصر", "مصرف"})) == [["مصر"], ["مصرف"]]  # «ف» is no ending
    # two crashes of two planes in two countries: «تحطم» and «تحطمت» are one word
    assert not links({"تحطم": (1, 1), "تحطمت": (3, 5), "طائره": (9, 11)})
    # two names and a common word are a subject
    assert links({"تحطم": (1, 1), "ترامب": (3, 5), "طائره": (9, 11)})


def test_months_are_no_shared_subject() -> None:
    # February's inflation in Morocco and in America: prices, inflation and two months
    assert not links({"اسعار": (3, 5), "تضخم": (3, 1), "فبراير": (3, 3), "يناير": (2, 3)})
    # four shared keys that are not months still show one subject, as before
    assert links({"اسعار": (3, 5), "تضخم": (3, 1), "مقارنه": (2, 3), "نفط": (2, 3)})


def test_a_name_mostly_written_with_the_article_is_a_name() -> None:
    # «البنتاغون» (0.945 with «ال») and «ترامب» between two reports of Trump's parade
    assert _specificity("بنتاغون") == 1
    assert links({"بنتاغون": (3, 4), "ترامب": (2, 2), "عرض": (4, 3)})
    assert not links({"عرض": (4, 3), "طائره": (2, 2), "صندوق": (3, 3)})
