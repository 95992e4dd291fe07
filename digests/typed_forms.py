"""Forms readers type that the keys alone do not carry (QA28), as pure functions over the text.

- A letter typed three times or more for emphasis («الغوووطة») is read once (`unstretched`).
- «گ» (and the Maghrebi «ڭ») is g. digests.arabic folds it to «ك», as Arabic renders Persian
  names, but the news writes a Western g «غ» («غوغل», 172 in the corpus) and Egypt «ج» («جوجل»,
  10): a word typed with it is searched in all three (`typed_spellings`; «گوگل» found nothing).
- «الوضع بغزة» is «الوضع في غزة» (`situation_in`; R3): «ب» for «في», only where the word reads
  the same without it («بغداد» keeps its «ب»).
- A last «على» after a word (`last_ala`): the preposition whose object the reader left out, or the
  name «علي» as Egypt writes it; digests.query and digests.search decide which (T1).
- «سورية»/«سوريه» without the article is the country «سوريا» (`country_key`; QA57-2/-5/-23).
- Colloquial football words are the news's own (`dialect_key`; QA68-2): «الماتش» is «مباراة»,
  «الكورة» is «كرة» — the archive's «ماتش» is the magazine «باريس ماتش», its «الكورة» an Iranian
  town and a TV show, so the colloquial word is searched as the standard one, not beside it.
- A word typed with the article that the news only writes bare is not that name (QA78-2):
  «الكهربا» is «الكهرباء», not the footballer «كهربا» (`typed_spellings`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from digests.arabic import normalize, run_keys, word_runs_of
from digests.variants import alternatives
from digests.word_forms import definite_hamza_forms

# The article «ال» after a clitic or not, as a word is typed («الكهربا», «بالكهربا», «للكهربا»).
_DEFINITE = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل")

# An Arabic letter typed three times or more in a row, for emphasis in chat («الغوووطة»,
# «سوريااا»; QA23 S9): no Arabic word repeats a letter three times, so it is read once.
_STRETCHED = re.compile(r"([\u0621-\u064a])\1{2,}")


def unstretched(text: str) -> str:
    """`text` with each Arabic letter typed three times or more in a row written once."""
    return _STRETCHED.sub(r"\1", text)


# «گ» (and the Maghrebi «ڭ») is g: folded to «ك» as Arabic renders Persian names, but the news
# writes a Western g «غ» («غوغل», 172 in the corpus) and Egypt «ج» («جوجل», 10): a word typed with
# it is searched in all three (QA28: «گوگل» found nothing).
_G_LETTERS = re.compile("[گڭ]")
_G_SPELLINGS = ("غ", "ج")


# Colloquial word (as typed, any clitics) → the word the news writes (QA68-2: «الماتش» listed 4
# stories of «باريس ماتش», «اخبار الكورة» 5 of the town «الكورة» and the show «برنامج كورة»).
DIALECT_WORDS: dict[str, str] = {
    "ماتش": "مباراة", "ماتشات": "مباريات", "كورة": "كرة", "كوره": "كرة", "كورا": "كرة",
}


def _dialect_keys() -> dict[str, str]:
    return {run_keys(typed)[0]: run_keys(news)[0] for typed, news in DIALECT_WORDS.items()}


_DIALECT_KEYS = _dialect_keys()


def dialect_key(key: str) -> str:
    """The key of the news's word for a colloquial word's `key` («ماتش» → «مباراه»), else `key`."""
    return _DIALECT_KEYS.get(key, key)


# A foreign name's g is «غ» in most of the news and «ج» in Egypt's (QA68-3: «الروهينجا» found 3
# of the 17 «الروهينغا» stories, «جوتيريس» none of «غوتيريش»'s 41): where an Arabic word seldom
# has it — «نغ/نج» between letters (the «ng» of «الروهينغا», «بنغلاديش», «الكونغو»; not a first
# «نج»: «نجم»/«نغم», nor a last: «تشنغ» Cheng, «تشنج» a spasm) and a first «غو/جو» of a word
# of five letters or more («غوتيريش») — a key typed one way is searched the other way too.
_NG = re.compile("(?<=[\u0621-\u064a])ن[غج](?=[\u0621-\u064a])")
_GU = re.compile("^[غج]و(?=[ء-ي]{3})")
_SWAP = str.maketrans("غج", "جغ")


def g_spellings(key: str) -> tuple[str, ...]:
    """The other spelling of a name's key with its g swapped (`_NG`, `_GU`), else ()."""
    if "غ" not in key and "ج" not in key:
        return ()
    swapped = _NG.sub(lambda m: m.group().translate(_SWAP), key)
    swapped = _GU.sub(lambda m: m.group().translate(_SWAP), swapped)
    return (swapped,) if swapped != key else ()


def _typed_definite(run: str) -> bool:
    """Whether a word run is written with the article «ال» (after a clitic or not)."""
    return normalize(run).startswith(_DEFINITE)


def typed_spellings(query: str) -> dict[str, tuple[str, ...]]:
    """Per key of a word typed with «گ», its other spellings (the key itself not included); per
    key of a name with its g written «غ» or «ج», the other (`g_spellings`); per key typed with
    the article that the news never writes with it, its hamza forms («الكهربا» is «الكهرباء»,
    not the footballer «كهربا»: digests.word_forms.definite_hamza_forms, QA78-2)."""
    out: dict[str, tuple[str, ...]] = {}
    for run in word_runs_of(query[:4000]):
        for k in run_keys(unstretched(run)):
            if g_spellings(k):
                out[k] = g_spellings(k)
        keys = run_keys(unstretched(run))
        if len(keys) == 1 and _typed_definite(run) and definite_hamza_forms(keys[0]):
            out[keys[0]] = (*out.get(keys[0], ()), *definite_hamza_forms(keys[0]))
    if not _G_LETTERS.search(query):
        return out
    for run in word_runs_of(query[:4000]):
        keys = run_keys(unstretched(run))
        if len(keys) == 1 and _G_LETTERS.search(run):
            out[keys[0]] = tuple(dict.fromkeys(
                a for g in _G_SPELLINGS for a in run_keys(_G_LETTERS.sub(g, run))
                if a != keys[0]))
    return out


def spellings(key: str, extra: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """`key`'s spellings: the table's (digests.variants), then those of a «گ» typed."""
    return tuple(dict.fromkeys((*alternatives(key), *(
        a for e in extra.get(key, ()) for a in alternatives(e)))))


# «الوضع بغزة»: the situation in Gaza, with «ب» for «في» (QA28 R3).
_SITUATION_AT = re.compile(r"((?:^|\s)(?:ال|)(?:وضع|أوضاع|اوضاع)\s+)ب(?=\w)")


def situation_in(query: str) -> str:
    """`query` with «الوضع ب…» written «الوضع في …» where the word after «ب» is read the same
    without it («بغزة» → «غزة»; not «بغداد»)."""
    def swap(m: re.Match[str]) -> str:
        word = word_runs_of(query[m.end() - 1:])[0]
        return m.group(1) + "في " if run_keys(word) == run_keys(word[1:]) else m.group(0)
    return _SITUATION_AT.sub(swap, query) if "وضع" in query else query


_LAST_ALA = re.compile(r"(?<=[^\W_])(\s+)على([\s؟?!.…]*)$")


def last_ala(query: str) -> tuple[str, str] | None:
    """For a text whose last word «على» follows another word: (the text with it written as the
    name «علي», the text without it); else None."""
    m = _LAST_ALA.search(query)
    if m is None:
        return None
    return query[:m.start()] + m.group(1) + "علي" + m.group(2), query[:m.start()]


# «سورية» is how Damascus (SANA, Syrian papers) writes the country; its key «سوريه» is also the
# key of the adjective «السورية» (Syrian, fem.: 1148 in the frequency table, «سوريه» 178), so a
# reader's «سورية» found every «الحكومة السورية» and missed «سوريا» (2219), and was a follow of
# its own (QA57-2/-5/-23). Typed without the article (a clitic و ف ب ل ك allowed: «بسورية»), it
# is the country, keyed as «سوريا»; with the article it stays the adjective. Other «-يا»
# countries are not listed: «ليبية», «تركية», «روسية» are only adjectives, never the country.
# As written; bot.i18n labels them with their country's English name.
COUNTRY_SPELLINGS = {"سورية": "سوريا"}
_COUNTRY_KEYS = {normalize(w): country for w, country in COUNTRY_SPELLINGS.items()}  # «سوريه»
_CLITICS = re.compile(r"^(?:[وف]?[بلك]?)")


def country_key(run: str, key: str) -> str:
    """The key of the country a word run names when written in a second spelling («سورية»,
    «بسورية» → «سوريا»), else `key` («السورية», the adjective, keeps «سوريه»)."""
    country = _COUNTRY_KEYS.get(key)
    if country is None:
        return key
    bare = _CLITICS.sub("", normalize(run), count=1)
    return country if bare == key else key
