"""Signatures: an article's most distinctive keys, and whether two articles share a subject.

An article's signature (`signature`) is its SIGNATURE_KEYS heaviest content keys by tf × idf over
its title and body: the names, places and rare words it is about. Two articles are about the
same subject (`about_the_same`) when their signatures share enough keys that show one — names and
rare words their bodies come back to, not one common word or a phrase of both headlines. The
frequencies and «ال» shares of keys are the reference word table's (digests.arabic). Pure
functions; per-key answers are cached (`trim_caches` bounds the caches). digests.related reads
archive candidates with these.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache

from digests.arabic import STOP_WORDS, analyze, definite_share, key_frequency

SIGNATURE_KEYS = 20       # an article's signature: its most distinctive keys (tf × idf)
MIN_SHARED = 3            # signature keys a related article must share
FULL_BODY_KEYS = 30       # distinct content keys of a body that is a full report, not a brief
STRONG_SHARED = 4         # this many shared keys show one subject even when all are common words
VERY_RARE = 60            # a key seen at most this often in the reference corpus: a rare name
RARE_RECURS = 3           # times the two bodies hold a rare name for it to count twice
NAME_SHARE = 0.1          # a key written with «ال» at most this share of the time, or at least
DEFINITE_NAME = 0.9       # this share, is written like a name (ترامب, عفرين; العراق, الغوطة)
RARE_BOTH_WAYS = (0.3, 0.85)  # a very rare key written with «ال» this share of the time is a word
                            # written both ways («سيادي» 0.81), not a name
# Written one way for grammar's sake, not because they are names: months, numbers and measures
# (two reports of deficits in January are not one subject) and heads of a construct («إعادة
# إعمار», «مقر السفارة»).
_MONTHS = frozenset(k for w in (
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
    "أكتوبر", "نوفمبر", "ديسمبر") for k in analyze(w))
_NOT_NAMES = _MONTHS | frozenset(k for w in (
    "مليون", "مليار", "ألف", "بالمئة", "بالمائة", "بنسبة", "حوالي", "نحو", "أكثر", "أقل",
    "إعادة", "دولارا", "مقر") for k in analyze(w))
# Endings of one word's forms (تحطم / تحطمت, كوري / كوريا, صين / صيني / صينية, سقوط / سقوطها):
# two keys that differ by one of them are one shared word, not two.
_ENDINGS = frozenset({"ه", "ت", "ا", "ي", "يه", "ات", "ها", "هم", "هما", "ون", "ين", "ان", "يا"})
_PRONOUNS = ("ها", "هم", "هما", "كم", "نا")  # a key with one is a word, never a name
MIN_STEM = 3
FORM_RATIO = 4  # a word's accusative or dual form is this many times rarer than the word

# Per-key caches (unbounded lru_cache: its hits cost least), emptied when they outgrow this.
CACHED_KEYS = 200_000


def trim_caches() -> None:
    """Empty the per-key caches that have outgrown CACHED_KEYS (asked before each article)."""
    for cached in (idf, _content):
        if cached.cache_info().currsize > CACHED_KEYS:
            cached.cache_clear()


@cache
def idf(k: str) -> float:
    """How rare a key is in the news at large: log(1e6 / (1 + its reference frequency))."""
    return math.log(1e6 / (1.0 + key_frequency(k)))


@cache
def _content(k: str) -> bool:
    return len(k) > 2 and k not in STOP_WORDS and not k.isdigit()


def _very_rare(k: str, held: bool) -> bool:
    """Whether a shared key is a very rare name: seen at most VERY_RARE times, held by a body
    (`held`: a word of both headlines only, «يقتل», is a headline's verb), written like a name
    (`_name_like`: «سيادي», rare but written both ways, is an adjective) and without a pronoun
    ending («سقوطها»)."""
    if key_frequency(k) > VERY_RARE or not held:
        return False
    if _pronoun_form(k):
        return False
    share = definite_share(k)
    # counted over so few uses, the share is loose: «حسني» is written with «ال» 0.13 of the time
    return share is None or not RARE_BOTH_WAYS[0] <= share <= RARE_BOTH_WAYS[1]


def _pronoun_form(k: str) -> bool:
    """Whether a key is a common word's form, never a name: with a pronoun ending («سقوطها»);
    or, itself rare, in the accusative («عجزا», «رسوما») or the dual («طائرتين»)."""
    if k.endswith(_PRONOUNS) and len(k) - 2 >= MIN_STEM and key_frequency(k[:-2]) > VERY_RARE:
        return True
    n = key_frequency(k)
    if n > VERY_RARE:
        return False
    # «كتالونيا» is no accusative of «كتالوني»: a name in «يا» beside its adjective
    bases = [k[:-1]] if k.endswith("ا") and not k.endswith("يا") else []
    if k.endswith(("تين", "تان")):
        bases.append(k[:-3] + "ه")
    # the plain word is far commoner than its form (عجز 183, عجزا 24)
    return any(len(b) >= MIN_STEM and key_frequency(b) >= FORM_RATIO * max(n, 1)
               and key_frequency(b) > VERY_RARE for b in bases)


def _name_like(share: float) -> bool:
    return share <= NAME_SHARE or share >= DEFINITE_NAME


def _specificity(k: str, held: bool = True) -> int:
    """How much one shared key shows a shared subject: 2 for a very rare name (`_very_rare`: one
    the news seldom writes, or never seen), 1 for a key written like a name, 0 for a common word
    («هجوم», «مساعدات», «صندوق»)."""
    if _very_rare(k, held):
        return 2
    if k in _NOT_NAMES or _pronoun_form(k):
        return 0
    share = definite_share(k)
    return 1 if share is not None and _name_like(share) else 0


def _families(keys: set[str]) -> list[list[str]]:
    """`keys` grouped by word: a key that is another's with an ending (`_ENDINGS`) joins it, so
    «تحطم» and «تحطمت», «كوري» and «كوريا» count as one shared word."""
    groups: dict[str, list[str]] = {}
    for k in sorted(keys, key=lambda k: (len(k), k)):  # shortest first: a word before its forms
        base = next((b for b in groups if len(b) >= MIN_STEM and k.startswith(b)
                     and k[len(b):] in _ENDINGS), k)
        groups.setdefault(base, []).append(k)
    return list(groups.values())


def content_counts(keys: Sequence[str]) -> dict[str, int]:
    """The content keys of a text (its analyzed keys) and how often each occurs."""
    return {k: n for k, n in Counter(keys).items() if _content(k)}


def signature(title_keys: Sequence[str], body: Mapping[str, int],
              size: int = SIGNATURE_KEYS) -> dict[str, float]:
    """An article's most distinctive content keys and their weights: tf × idf over its title
    (counted three times) and body (`body`: its content keys' counts). A name or place the
    article is about recurs in it and is rare in the news at large."""
    tf = dict(body)
    for k in title_keys:
        if _content(k):
            tf[k] = tf.get(k, 0) + 3
    weighted = sorted([(math.log1p(n) * idf(k), k) for k, n in tf.items()], reverse=True)
    return {k: w for w, k in weighted[:size]}


def about_the_same(mine: Mapping[str, float], my_body: Mapping[str, int],
                   theirs: Mapping[str, float], their_body: Mapping[str, int]) -> set[str]:
    """The signature keys two articles share when that shows one subject, else an empty set.

    When both bodies are full reports, only keys both bodies hold count: a word of the two
    headlines alone («تحديد موعد القمة») is not a subject. They must share MIN_SHARED keys (half
    the shorter signature, at least 2, for a brief; a very rare name counts twice), and when
    both bodies are full one shared key must recur in both bodies: the subject of a report comes
    back in its text, a verb phrase of its headline («للضغط على … لوقف») does not. Between two
    signatures of SIGNATURE_KEYS / 2 keys or more, where a few common words meet by chance,
    fewer than STRONG_SHARED shared keys must hold more than one name or rare word
    (`_specificity`: a very rare name counts twice): «مقر», «سفير», «هجوم» between two embassy
    attacks in two countries are common words, not a subject. Months are never shared subjects
    (February's inflation in Morocco and in America); a very rare key is a name only when both
    bodies come back to it (`RARE_RECURS`), it is written like one and is no common word's form
    (not «يقتل» of two headlines, «تحتفي» once in each body, «سيادي», «سقوطها», «عجزا», nor
    «باكستاني» beside «باكستان»); one word's forms («تحطم», «تحطمت») are one name at most.
    """
    shared = mine.keys() & theirs.keys()
    full = len(my_body) >= FULL_BODY_KEYS and len(their_body) >= FULL_BODY_KEYS
    if full:
        shared = {k for k in shared if my_body.get(k, 0) and their_body.get(k, 0)}
    recurring = any(my_body.get(k, 0) >= 2 and their_body.get(k, 0) >= 2 for k in shared)
    shared -= _MONTHS  # February's inflation in Morocco and in America: two subjects

    def held(k: str) -> bool:
        return bool(my_body.get(k, 0) or their_body.get(k, 0))

    def recurs(k: str) -> bool:
        """Both reports come back to it: both bodies hold it, three times in all («تحتفي» of
        two celebrations, once in each, is a word; «الغفران» of two reports on the tribe is
        a subject). Without both bodies, a body holding it is enough."""
        mine_n, theirs_n = my_body.get(k, 0), their_body.get(k, 0)
        if not (my_body and their_body):
            return held(k)
        return mine_n >= 1 and theirs_n >= 1 and mine_n + theirs_n >= RARE_RECURS

    # a rare name both reports come back to counts twice, unless it is a form of a common word
    # shared too (باكستاني beside باكستان)
    rare = sum(1 for w in _families(shared)
               if all(_very_rare(k, held(k)) and recurs(k) for k in w) for k in w)
    if len(shared) + rare < min(MIN_SHARED, max(2, min(len(mine), len(theirs)) // 2)):
        return set()
    if full and not recurring:
        return set()
    # Three keys shared by chance are likely between two 20-key signatures, not two headlines.
    # One word's forms («تحطم», «تحطمت») are one name at most.
    chance = min(len(mine), len(theirs)) >= SIGNATURE_KEYS // 2
    if chance and len(shared) < STRONG_SHARED and sum(
            max(_specificity(k, held(k) and recurs(k)) for k in w)
            for w in _families(shared)) < 2:
        return set()
    return shared
