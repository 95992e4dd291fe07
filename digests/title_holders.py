"""A title typed for the person who holds it: «الرئيس الروسي» is also «بوتين» (QA68-7).

The press names a man by his title in one report and by his name in the next: «رئيس الوزراء
الإسرائيلي» found 0 of 5 stories about Netanyahu (56 of his headlines name him, not the title),
«الرئيس الروسي» 2 of 5 about Putin — while «ولي العهد السعودي» worked because the press writes
that title itself. A title of `HOLDERS` is searched, followed and alerted as the title or its
holder's name (digests.variants.synonym_phrases asks here).

One way only: «بوتين» typed does not find «الرئيس الروسي» (an older holder's reports hold the
title too). The table names only offices held by the same person in the archive's years and
today (the 2018 corpus and the bot's live news, 2026): «الرئيس السوري» (Assad, then al-Sharaa
since December 2024), «رئيسة الوزراء البريطانية», «المستشارة الألمانية» and «الرئيس الإيراني»
changed hands and are left out. When an office listed here changes hands, its row goes (a new
holder written here would find the old holder's title mentions and the new name's alike).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from digests.arabic import run_keys

# title -> the holder's name as the news writes it (one row per way of writing the title the
# spelling rules do not join already: «الأمريكي/الأميركي» are one by digests.variants, whose
# spellings `_holders` lists for each title — QA74-2: «الرئيس الأميركي», the spelling of Sky
# News Arabia and Al Arabiya, found no «ترامب» while the row matched «الأمريكي» only)
HOLDERS: dict[str, str] = {
    "الرئيس الأمريكي": "ترامب",
    "الرئيس الروسي": "بوتين",
    "رئيس الوزراء الإسرائيلي": "نتنياهو",
    "الرئيس الفرنسي": "ماكرون",
    "الرئيس التركي": "أردوغان",
    "الرئيس المصري": "السيسي",
    "الرئيس الصيني": "شي جين بينغ",
    "الرئيس الفلسطيني": "محمود عباس",
    "الأمين العام للأمم المتحدة": "غوتيريش",
    "المرشد الإيراني": "خامنئي",
    "المرشد الأعلى الإيراني": "خامنئي",
    "العاهل الأردني": "عبدالله الثاني",
    "أمير قطر": "تميم",
}


def _keys(text: str) -> tuple[str, ...]:
    return tuple(k for word in text.split() for k in run_keys(word))


@lru_cache(maxsize=1)
def _holders() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Every spelling of every title's keys («رئيس امريكي», «رئيس اميركي») -> the holder's keys."""
    from digests.variants import alternatives  # digests.variants asks here: imported late

    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for title, name in HOLDERS.items():
        for spelled in product(*(alternatives(k) for k in _keys(title))):
            out.setdefault(tuple(spelled), _keys(name))
    return out


def holder_phrase(terms: tuple[str, ...]) -> tuple[str, ...] | None:
    """The keys of the holder's name when query keys `terms` are a title of HOLDERS, else
    None («الرئيس الروسي» → («بوتين»))."""
    return _holders().get(terms)
