"""What a report's lead says: who does what, in its headline and first sentence.

Pure functions. The whole-text cosine (digests.similarity) cannot tell «X did Y» from «Z answers X
about Y» or from a loosely worded rewrite of «X did Y»; the lead can, roughly:

- its vector (headline + first sentence), compared by cosine;
- the rare words of its headline (names, places, the event's own nouns: keys rarer than
  RARE_COUNT in the frozen word table) and whether the other report's lead uses them too
  (`headline_agreement`): two rewrites of one event name the same things on top;
- whether it is built on a reaction verb («تدين», «ترحب», «تنفي», «ردت», «ترفض», «يحذر» …) and who
  reacts (`reactions`): the words before the verb in a headline («تركيا ترفض …»), after it in a
  sentence that opens with it («ندد الرئيس …»); and where it names who acts (`Lead.subject`: the
  headline's first words, the first sentence's words after its verb). A reaction whose actor is
  not who acts in the other lead is another story (`compare_leads(...).reaction_gap`).

Cost: only the headline and the first sentence are analyzed (the first 600 characters of a body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digests import arabic
from digests.similarity import (
    LeadEvidence,
    StoryVector,
    content_keys,
    key_count,
    similarity,
    story_vector,
)

__all__ = ["Lead", "compare_leads", "headline_agreement", "lead_of", "lead_vector", "reactions"]

RARE_COUNT = 1000       # a key rarer than this in the word table names the event (idf >= ~7.6)
ACTOR_WORDS = 3         # content words next to a reaction verb taken as who reacts
_DATELINE = re.compile(r"^[^.\n]{0,80}?\((?:CNN|cnn)\)\s*[-–—]*\s*")  # «دبي، … (CNN)--»


def _first_sentence(text: str) -> str:
    head = text[:600]  # the first sentence is near the top; never analyze a whole body for it
    return next(iter(arabic.sentences(head)), "")


def lead_vector(title: str, text: str) -> StoryVector:
    """The vector of the headline and the first sentence: who did what, as the report states it."""
    return story_vector(f"{title} {_first_sentence(text)}", "")


# Verbs and nouns of answering someone else's act (folded; a leading و/ف is dropped before lookup).
# A lead built on one of them reports a reaction; «ردا على» (an act done in return) is not one.
_REACTION_FORMS: dict[str, str] = {
    form: root
    for root, forms in {
        "ndd": "ندد نددت تندد يندد ينددون تنديد منددا منددة",
        "dan": "ادان ادانت تدين يدين يدينون ادانه ادانات",
        "rhb": "رحب رحبت ترحب يرحب يرحبون ترحيب مرحبا مرحبه",
        "rdd": "رد ردت يرد ترد يردون الرد ردود ردها رده",
        "nfy": "نفي نفت ينفي تنفي ينفون",
        "ntq": "انتقد انتقدت ينتقد تنتقد ينتقدون انتقاد انتقادات منتقدا منتقده",
        "nkr": "استنكر استنكرت يستنكر تستنكر استنكار",
        "hdr": "حذر حذرت يحذر تحذر يحذرون تحذير تحذيرات محذرا محذره",
        "rfd": "رفض رفضت يرفض ترفض يرفضون",
        "htj": "احتج احتجت يحتج تحتج",
        "aqb": "تعقيب يعقب",
        "shd": "اشاد اشادت يشيد تشيد يشيدون اشاده مشيدا مشيده",
    }.items()
    for form in arabic.normalize(forms).split()
}


def _reaction_root(word: str) -> str | None:
    root = _REACTION_FORMS.get(word)
    if root is None and len(word) > 3 and word[0] in "وف":
        root = _REACTION_FORMS.get(word[1:])
    return root


def _actor(words: list[str], at: int, before: bool) -> list[str]:
    """Up to ACTOR_WORDS content keys next to position `at` (before it, or after it)."""
    side = reversed(words[:at]) if before else iter(words[at + 1:])
    keys: list[str] = []
    for word in side:
        keys.extend(k for k in arabic.analyze(word) if len(k) > 1 and not arabic.is_stop(k))
        if len(keys) >= ACTOR_WORDS:
            break
    return keys[:ACTOR_WORDS]


def reactions(title: str, first_sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """(kinds of reaction, who reacts) of a lead built on a reaction verb, else two empty sets.

    A lead is built on a reaction when its headline holds a reaction verb («البحرين تدين …»,
    «تحذيرات فلسطينية من …») or its first sentence opens with one («ندد الرئيس …»). Who reacts:
    the words before the verb in a headline (subject first), after it in a sentence (verb first).
    """
    kinds: set[str] = set()
    actor: list[str] = []
    words = list(arabic.normalized_words(title))
    for i, word in enumerate(words):
        root = _reaction_root(word)
        if root is not None:
            kinds.add(root)
            actor += _actor(words, i, before=i > 0)
    words = list(arabic.normalized_words(_DATELINE.sub("", first_sentence)))
    for i, word in enumerate(words[:2]):
        root = _reaction_root(word)
        if root is not None:
            kinds.add(root)
            actor += _actor(words, i, before=False)
    return frozenset(kinds), frozenset(actor)


def _rare_keys(text: str) -> frozenset[str]:
    return frozenset(k for k in content_keys(text) if key_count(k) < RARE_COUNT)


@dataclass(frozen=True)
class Lead:
    """What an article's top says: the vector of headline + first sentence, the rare words of the
    headline and of the whole lead (names, places, the event's own nouns), and its reaction cues."""

    vector: StoryVector
    headline: frozenset[str]
    words: frozenset[str]
    reactions: frozenset[str]
    actor: frozenset[str]
    subject: frozenset[str]


def lead_of(title: str, text: str) -> Lead:
    """The `Lead` of an article (analyzes only the headline and the first sentence)."""
    first = _first_sentence(text)
    top = f"{title} {first}"
    kinds, actor = reactions(title, first)
    return Lead(story_vector(top, ""), _rare_keys(title), _rare_keys(top), kinds, actor,
                _subject(title, first))


def _subject(title: str, first: str) -> frozenset[str]:
    """Where a lead names who acts: a headline's first words, a sentence's words after its verb."""
    words = list(arabic.normalized_words(_DATELINE.sub("", first)))
    after_verb = [k for w in words[1:5] for k in content_keys(w)]
    return frozenset(content_keys(title)[:2] + after_verb[:ACTOR_WORDS])


def headline_agreement(a: Lead, b: Lead) -> float:
    """Share of both headlines' rare words that the other report's lead also uses, in [0, 1].

    Two rewrites of one event name the same people, places and things in their headlines even
    when the rest is worded apart («أوبر ووايمو تتوصلان لتسوية» / «أوبر وايمو يسويان خلافهما»).
    """
    total = len(a.headline) + len(b.headline)
    if not total:
        return 0.0
    return (len(a.headline & b.words) + len(b.headline & a.words)) / total


def compare_leads(a: Lead, b: Lead) -> LeadEvidence:
    """The evidence `is_same_story` weighs besides the whole-text cosine."""
    return LeadEvidence(similarity(a.vector, b.vector), headline_agreement(a, b),
                        _reacts_alone(a, b) or _reacts_alone(b, a))


def _reacts_alone(a: Lead, b: Lead) -> bool:
    """`a` reacts (a kind `b` lacks) and who reacts in `a` is mostly absent from `b`'s lead."""
    if not a.reactions - b.reactions:
        return False
    named = {_skeleton(k) for k in b.subject}
    return 2 * sum(_skeleton(k) in named for k in a.actor) < len(a.actor)


def _skeleton(key: str) -> str:
    """A key without its inner long vowels: transliterated names are spelled several ways that
    differ only there («نتنياهو» / «نتانياهو», «بوتين» / «بوتن»)."""
    if len(key) <= 3:
        return key
    return key[0] + key[1:-1].translate(_VOWELS) + key[-1]


_VOWELS = str.maketrans("", "", "اوي")
