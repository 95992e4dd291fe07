"""The search-quality topics and their truth, defined without the analyzer.

For each topic: the query a reader types, the surface forms that COUNT (clitics spelled out by the
two explicit tables below, plus any listed by hand) and look-alikes that must NOT count. The truth
set of a topic is the corpus articles whose normalized title or text contains a counting form as a
whole word (for a phrase topic: a counting form of each word, adjacent and in order). Only
`digests.arabic.normalize` (letter folding, no stemming) is shared with the system under test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Spelled-out proclitic stacks. Before the article: conjunction و/ف, then preposition ب/ك
# (ل + ال is written لل, listed separately). Before a bare word: the same plus ل.
BEFORE_ARTICLE = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك")
BEFORE_LAM_ARTICLE = ("", "و", "ف")          # + "لل"
BEFORE_BARE = ("", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل")


def definite(word: str) -> tuple[str, ...]:
    """Every clitic spelling of ال+word: الغوطة بالغوطة والغوطة للغوطة وللغوطة وبالغوطة …"""
    return (tuple(p + "ال" + word for p in BEFORE_ARTICLE)
            + tuple(p + "لل" + word for p in BEFORE_LAM_ARTICLE))


def bare(word: str) -> tuple[str, ...]:
    """Every clitic spelling of a word without the article: غوطة وغوطة بغوطة لغوطة …"""
    return tuple(p + word for p in BEFORE_BARE)


def both(word: str) -> tuple[str, ...]:
    return definite(word) + bare(word)


@dataclass(frozen=True)
class Topic:
    """A topic: `words` holds one tuple of counting forms per word of the query."""

    query: str
    kind: str
    words: tuple[tuple[str, ...], ...]
    must_not: tuple[str, ...] = field(default=())


def single(query: str, kind: str, forms: tuple[str, ...], must_not: str = "") -> Topic:
    return Topic(query, kind, (forms,), tuple(must_not.split()))


TOPICS: tuple[Topic, ...] = (
    # places
    single("الغوطة", "place", both("غوطة"), "الضغوط ضغوط الغوطتين"),
    single("لبنان", "place", bare("لبنان"), "لبن اللبن لبناني اللبناني اللبنانية"),
    single("إيران", "place", bare("إيران"), "الإيراني إيرانية الإيرانية إير"),
    single("طهران", "place", bare("طهران"), "طهر الطهر"),
    single("عفرين", "place", bare("عفرين"), "عفر"),
    single("دمشق", "place", bare("دمشق"), "الدمشقي"),
    single("روسيا", "place", bare("روسيا"), "الروسي روسي الروسية"),
    single("فرنسا", "place", bare("فرنسا"), "الفرنسي فرنسي الفرنسية"),
    single("بيروت", "place", bare("بيروت"), "بيرو"),
    single("اليمن", "place", both("يمن"), "اليمني يمني اليمين يمين"),
    # people
    single("ترامب", "person (English name)", bare("ترامب"), "ترام"),
    single("بوتين", "person", bare("بوتين"), "بوت"),
    single("روحاني", "person", bare("روحاني"), "روح الروح الروحاني الروحانية"),
    single("ماكرون", "person", bare("ماكرون"), "ماكر"),
    single("أردوغان", "person", bare("أردوغان"), ""),
    single("الأسد", "person", definite("أسد"), "أسد الأسود"),
    # «علي» normalizes like the stop-word «على»: the name must still be searched (a phrase)
    Topic("علي خامنئي", "person (علي + name)", (bare("علي"), ("خامنئي", "الخامنئي"))),
    Topic("علي شمخاني", "person (علي + name)", (bare("علي"), ("شمخاني",))),
    # organisations
    single("فيسبوك", "organisation (English name)", both("فيسبوك"), "فيس"),
    single("داعش", "organisation", bare("داعش"), ""),
    single("الناتو", "organisation", both("ناتو"), ""),
    Topic("حزب الله", "organisation (phrase)", (both("حزب"), ("الله",)), ("له", "لله")),
    Topic("الأمم المتحدة", "organisation (phrase)", (definite("أمم"), ("المتحدة",)),
          ("الأمم",)),
    # events and subjects
    Topic("الغوطة الشرقية", "place (two-word phrase)", (both("غوطة"), ("الشرقية", "الشرقيه")),
          ("الشرقي",)),
    Topic("غصن الزيتون", "event (phrase)", (both("غصن"), ("الزيتون",)), ("زيت", "الزيت")),
    Topic("كأس العالم", "event (phrase)", (both("كأس"), ("العالم",)), ("كاس",)),
    single("الانتخابات", "event", both("انتخابات"), "انتخاب الانتخاب"),
    single("الهدنة", "event", both("هدنة"), "هدنتين"),
    single("زلزال", "event", both("زلزال"), "زلازل الزلازل"),
)
