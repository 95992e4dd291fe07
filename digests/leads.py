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
  not who acts in the other lead is another story (`compare_leads(...).reaction_gap`); a capital
  stands for its country («موسكو ترد» is روسيا acting);
- who speaks in a quote headline «X: …» (`speaker`), confirmed by the first sentence's speech
  verb: another speaker's statement is another story too (`speaker_gap`), and two quote headlines
  of one speaker, one confirmed, are one speaker (`same_speaker`);
- the weekday its event happened (`event_day`): the next day's development names another day
  (`day_gap`).

Cost: only the headline and the first sentence are analyzed (the first 600 characters of a body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from digests import arabic
from digests.similarity import (
    LeadEvidence,
    StoryVector,
    content_keys,
    key_count,
    similarity,
    story_vector,
)
from digests.speech import cue_of

__all__ = ["Lead", "compare_leads", "event_day", "headline_agreement", "lead_of",
           "reactions", "speaker"]

RARE_COUNT = 1000       # a key rarer than this in the word table names the event (idf >= ~7.6)
ACTOR_WORDS = 3         # content words next to a reaction verb taken as who reacts
SPEAKER_WORDS = 2       # content words of «X» taken as who speaks («سفارة موسكو», «غرينبلات»)
_VERB_REACH = 4         # the first sentence's speech verb must come within its first words ...
_NAME_REACH = 8         # ... and name the speaker within this many words after it
_DATELINE = re.compile(r"^[^.\n]{0,80}?\((?:CNN|cnn)\)\s*[-–—]*\s*")  # «دبي، … (CNN)--»


def _first_sentence(text: str) -> str:
    head = text[:600]  # the first sentence is near the top; never analyze a whole body for it
    return next(iter(arabic.sentences(head)), "")


# Verbs and nouns of answering someone else's act (folded; a leading و/ف is dropped before lookup).
# A lead built on one of them reports a reaction; «ردا على» (an act done in return) is not one.
_REACTION_FORMS: dict[str, str] = {
    form: root
    for root, forms in {
        "ndd": "ندد نددت تندد يندد ينددون تنديد تنديدات منددا منددة",
        "gdb": "غاضب غاضبة غاضبون غضبها غضبه",  # not the bare noun «غضب»: an angry event
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
    speaker: frozenset[str] = frozenset()
    day: int | None = None
    doer: frozenset[str] = frozenset()
    label: frozenset[str] = frozenset()  # «X» of a headline «X: …», confirmed as speaker or not
    title: StoryVector = StoryVector({})  # the headline alone: rewrites agree on top


def lead_of(title: str, text: str, published: datetime | None = None) -> Lead:
    """The `Lead` of an article (analyzes only the headline and the first sentence).

    `published` resolves «اليوم»/«أمس» to a weekday (`event_day`); weekday names need no date.
    """
    first = _first_sentence(text)
    top = f"{title} {first}"
    kinds, actor = reactions(title, first)
    return Lead(story_vector(top, ""), _rare_keys(title), _rare_keys(top), kinds, actor,
                _subject(title, first), speaker(title, first), event_day(top, published),
                _doer(first), _label(title), story_vector(title, ""))


def _label(title: str) -> frozenset[str]:
    found = _LABEL.match(title)
    return frozenset(content_keys(found.group(1))[:SPEAKER_WORDS]) if found else frozenset()


def _subject(title: str, first: str) -> frozenset[str]:
    """Where a lead names who acts: a headline's first words, a sentence's words after its verb."""
    words = list(arabic.normalized_words(_DATELINE.sub("", first)))
    after_verb = [k for w in words[1:5] for k in content_keys(w)]
    return frozenset(content_keys(title)[:2] + after_verb[:ACTOR_WORDS])


def _doer(first: str) -> frozenset[str]:
    """The first sentence's subject in full: up to _NAME_REACH words after its opening verb
    («قال وزير الخارجية الروسي، سيرغي لافروف، …»: the name comes after the title)."""
    words = list(arabic.normalized_words(_DATELINE.sub("", first)))
    return frozenset(k for w in words[1:1 + _NAME_REACH] for k in content_keys(w))


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
                        _reacts_alone(a, b) or _reacts_alone(b, a),
                        speaker_gap=_speaks_alone(a, b) or _speaks_alone(b, a),
                        day_gap=a.day is not None and b.day is not None and a.day != b.day,
                        same_speaker=_same_speaker(a, b),
                        title_similarity=similarity(a.title, b.title),
                        shared_words=len(a.words & b.words))


def _same_speaker(a: Lead, b: Lead) -> bool:
    """Both headlines quote one speaker «X: …», confirmed as a speaker by at least one first
    sentence (the other may open on a paraphrase: «اتهمت روسيا …» under «لافروف: …»)."""
    if not (a.speaker or b.speaker) or not (a.label and b.label):
        return False
    return _names(a.label, b.label) and _names(a.speaker | b.speaker, a.label | b.label)


def _reacts_alone(a: Lead, b: Lead) -> bool:
    """`a` reacts (a kind `b` lacks) and who reacts in `a` is mostly absent from `b`'s lead."""
    if not a.reactions - b.reactions:
        return False
    named = {_actor_key(k) for k in b.subject}
    return 2 * sum(_actor_key(k) in named for k in a.actor) < len(a.actor)


def _actor_key(key: str) -> str:
    """A reacting or acting key, a capital read as its country («موسكو ترد» acts as «روسيا»)."""
    return _skeleton(_CAPITALS.get(key, key))


# Capitals that stand for their states in headlines (analyzed keys: capital -> country).
_CAPITALS = dict(zip(
    content_keys("موسكو واشنطن لندن باريس طهران انقرة دمشق بكين الرياض القاهرة برلين"
                 " الدوحة بيونغيانغ"),
    content_keys("روسيا امريكا بريطانيا فرنسا ايران تركيا سوريا الصين السعودية مصر المانيا"
                 " قطر كوريا")))


def _skeleton(key: str) -> str:
    """A key without its inner long vowels: transliterated names are spelled several ways that
    differ only there («نتنياهو» / «نتانياهو», «بوتين» / «بوتن»)."""
    if len(key) <= 3:
        return key
    return key[0] + key[1:-1].translate(_VOWELS) + key[-1]


_VOWELS = str.maketrans("", "", "اوي")


# --- quote headlines: «X: …» names who speaks ------------------------------------------------

_LABEL = re.compile(r"^\s*([^:\n]{2,60}?)\s*:\s*\S")


def speaker(title: str, first_sentence: str) -> frozenset[str]:
    """Who speaks in a quote headline «X: …», else an empty set.

    A label before a colon is often a place or a tag («سوريا: …», «عاجل: …»), so X counts as a
    speaker only when the first sentence confirms it: a speech verb near its start (digests.speech:
    «قال», «أعلنت», «أفاد» …) whose subject, within a few words, names X («قال جيسون غرينبلات …»
    under «غرينبلات: …»; «قال نائب رئيس الوزراء التركي» under «تركيا: …»; an unnamed «مصدر: …»
    needs only the verb) and is not a relaying source («أفادت وسائل إعلام سورية» under «سوريا: …» is a place label). The speaker is X's
    first SPEAKER_WORDS content words.
    """
    label = _LABEL.match(title)
    if label is None:
        return frozenset()
    named = content_keys(label.group(1))[:SPEAKER_WORDS]
    if not named:
        return frozenset()
    words = _DATELINE.sub("", first_sentence).split()
    for i, word in enumerate(words[:_VERB_REACH]):
        if cue_of(word)[1] is None:
            continue
        after = [k for w in words[i + 1:i + 1 + _NAME_REACH] for k in content_keys(w)]
        if after and after[0] in _RELAYS and after[0] not in named:
            return frozenset()
        if named[0] in _ANONYMOUS or any(_same_name(x, k) for x in named for k in after):
            return frozenset(named)
        break
    return frozenset()


# Who relays news rather than speaks (analyzed keys): «أفادت وسائل إعلام …», «ذكرت مصادر …».
_RELAYS = frozenset(content_keys("وسائل مصادر تقارير وكالة أنباء مراسل مراسلة صحيفة"))


# «مصدر: …», «مسؤول أميركي: …» over a speech verb: an unnamed official speaks, not a place.
_ANONYMOUS = frozenset(content_keys("مصدر مسؤول مصادر متحدث ناطق"))


def _same_name(a: str, b: str) -> bool:
    """One name in two spellings or forms: same skeleton, or a country and its adjective
    («تركيا» / «تركي» of «التركي»)."""
    if _skeleton(a) == _skeleton(b):
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and len(long_) == len(short) + 1 and long_.startswith(short)


def _who(lead: Lead) -> frozenset[str]:
    """Where a lead names who acts or speaks."""
    return lead.speaker | lead.subject | lead.doer


def _speaks_alone(a: Lead, b: Lead) -> bool:
    """`a` is a quote headline whose speaker neither speaks in `b` nor is who acts there.

    One speaker under two names («محمد بن سلمان: …» / «ولي العهد السعودي: …») is caught both ways:
    each lead's first sentence names its speaker in full («قال ولي العهد السعودي الأمير محمد …»).
    """
    if not a.speaker:
        return False
    return not (_names(a.speaker, _who(b)) or _names(b.speaker, _who(a)))


def _names(speaker: frozenset[str], who: frozenset[str]) -> bool:
    return any(_same_name(x, k) for x in speaker for k in who)


# --- the event's day -----------------------------------------------------------------------

_WEEKDAYS = {arabic.normalize(w): n for n, w in enumerate(
    "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split())}  # datetime.weekday() order
# A weekday after these is a span, a night across midnight or a past reference, not the event's day.
_SINCE = frozenset(("منذ", "حتي", "قبل", "بعد", "ليل", "ليله", "فجر"))
_DAYTIME = frozenset(("يوم", "مساء", "صباح", "ظهر", "عصر", "منتصف"))


def event_day(lead_text: str, published: datetime | None = None) -> int | None:
    """The weekday (0 = Monday) a lead dates its event to, or None.

    The first weekday name («الثلاثاء», «يوم الأحد», «مساء الجمعة»), not one after «منذ»/«حتى»/
    «قبل»/«بعد»/«ليل»/«فجر» (a span or a night across midnight, not one day); else «أمس»/«اليوم» resolved against the publication date.
    Two reports of one event that name its day name the same day; the next step of an affair
    (the second day in custody, the title won the day after) names another.
    """
    words = [w[1:] if w[:1] in "وب" and w[1:] in _WEEKDAYS else w
             for w in arabic.normalized_words(lead_text)]
    relative: int | None = None
    for i, word in enumerate(words):
        day = _WEEKDAYS.get(word)
        if day is not None:
            j = i - 1
            while j >= 0 and words[j] in _DAYTIME:  # «منذ مساء الأربعاء»
                j -= 1
            if j >= 0 and words[j] in _SINCE:
                continue
            return day
        if published is not None and relative is None and word in ("امس", "اليوم"):
            shift = timedelta(days=1 if word == "امس" else 0)
            relative = (published - shift).weekday()
    return relative
