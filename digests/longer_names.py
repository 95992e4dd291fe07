"""Topics named inside a longer name of another entity, which an alert must not count.

A topic of several words is often part of a longer name that means something else: «مجلس الأمن
القومي» is the US National Security Council, not the UN's «مجلس الأمن»; «كأس العالم للأندية» is
the Club World Cup; «الاتحاد الأوروبي لكرة القدم» is UEFA and «كأس الاتحاد الأوروبي» its cup;
«صحيفة الشرق الأوسط» and «وكالة أنباء الشرق الأوسط» are a newspaper and a news agency quoted as
sources. Such a mention is no reason to alert a follower of the topic (brief X27, after X25's
reading of the alerts of several-word topics). Search still finds these articles: only
`digests.topic_match.alert_matches` asks this module.

`LONGER_NAMES` lists, per topic (as written; matched by its keys, so «مجلس الامن» is the same
topic), the words that make another entity when they come right AFTER the topic (the topic is
the head of the longer name) or right BEFORE it (the topic is its tail). Each entry may be
several words («لكرة اليد»: the Handball World Cup, while «كأس العالم لكرة القدم» is the World
Cup). The lists were read from the corpus (benchmarks/search_quality.py's topics: the most
frequent words next to each several-word topic, every one read in context, brief X27), and keep
only words that name ANOTHER entity: «مجلس الأمن الدولي» and «مجلس الأمن التابع للأمم المتحدة»
are the topic itself, as are «الأمم المتحدة للطفولة» (a UN agency is the UN), «حزب الله
اللبناني» or «مجلس حقوق الإنسان». A few words the corpus does not hold but that are the same
kind as one it does («للسيدات» beside «للشباب», «لكرة السلة» beside «لكرة اليد») are listed too.
A topic not in the table is matched as before. One-word topics have their own table
(digests.one_word_names, brief X30), read the same way; both are asked through `context`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from digests.arabic import analyze
from digests.one_word_names import Name, names_by_keys

# topic → (words after it that make another entity, words before it that do), as written
LONGER_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # the US National Security Council (19 in the corpus), the UK's (8), Russia's (1)
    "مجلس الأمن": (("القومي", "الوطني", "الروسي"), ()),
    # the Club World Cup (18), youth cups (3), other sports' world cups
    "كأس العالم": (("للأندية", "للشباب", "للناشئين", "للسيدات", "لكرة اليد", "لكرة السلة",
                    "لكرة الطائرة", "للرجبي"), ()),
    "الدوري الإسباني": (("لكرة السلة", "لكرة اليد"), ()),
    # UEFA (23 «لكرة القدم», «للعبة»), the European golf tour (6); the UEFA Cup (5)
    "الاتحاد الأوروبي": (("لكرة", "للعبة", "لمحترفي", "للغولف", "لألعاب"), ("كأس",)),
    # Asharq Al-Awsat (13), MENA the Egyptian agency (14), the Washington Institute (2); not
    # «مركز» (a Hariri Center once, but «دبي مركز الشرق الأوسط» is the region)
    "الشرق الأوسط": ((), ("صحيفة", "جريدة", "أنباء", "لسياسة")),
    # «أطباء من أجل حقوق الإنسان» (Physicians for Human Rights), an NGO quoted for figures;
    # «المرصد السوري لحقوق الإنسان» is no mention at all («لحقوق» is another key)
    "حقوق الإنسان": ((), ("أجل",)),
}


@dataclass(frozen=True)
class Context:
    """The longer names (digests.one_word_names.Name: words right before and/or right after)
    that make a mention of a topic another entity's name."""

    names: tuple[Name, ...]


def _name(words: str, *, after: bool) -> Name:
    keys = tuple(frozenset({k}) for k in analyze(words))
    return Name(after=keys) if after else Name(before=keys)


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, ...], Context]:
    table = {tuple(analyze(topic)): Context(
        tuple(_name(w, after=True) for w in after) + tuple(_name(w, after=False) for w in before))
        for topic, (after, before) in LONGER_NAMES.items()}
    table.update({keys: Context(names) for keys, names in names_by_keys().items()})
    return table


def in_article(ctx: Context | None, every: frozenset[str]) -> Context | None:
    """`ctx` without the names that do not hold in an article of keys `every` (Name.unless)."""
    if ctx is None or not any(n.unless & every for n in ctx.names):
        return ctx
    return Context(tuple(n for n in ctx.names if not n.unless & every))


def context(terms: Sequence[str]) -> Context | None:
    """The longer-name context of a topic given by its keys (`QueryPlan.terms`), or None."""
    return _table().get(tuple(terms))


def in_longer_name(keys: Sequence[str], start: int, length: int, ctx: Context) -> bool:
    """Whether the mention `keys[start:start + length]` is part of another entity's name."""
    return any(n.around(keys, start, start + length) for n in ctx.names)


def masked(keys: Sequence[str], phrases: Sequence[Sequence[str]],
           ctx: Context | None) -> tuple[str, ...]:
    """`keys` with every mention of `phrases` that is part of another entity's name blanked
    (its keys replaced by ""), so that neither the phrase nor its words count there."""
    out = tuple(keys)
    if ctx is None:
        return out
    blank: list[int] = []
    for i in range(len(out)):
        for p in phrases:
            n = len(p)
            if out[i] == p[0] and tuple(out[i:i + n]) == tuple(p) \
                    and in_longer_name(out, i, n, ctx):
                blank.extend(range(i, i + n))
                break
    if not blank:
        return out
    hidden = set(blank)
    return tuple("" if i in hidden else k for i, k in enumerate(out))
