"""Subjects that are not speakers because the unvocalized verb reads as a passive (F33).

Arabic news prints no vowels, so «كُتبت أسماء …» (names were written) and «كتبت أسماء …» (names
wrote) look alike, as do «يُعتبر المطار …» (the airport is considered) and «يعتبر المطار …».
Seed 33's reading found both read as speakers: «وكتبت أسماء بعض هؤلاء على قطع من القماش» (107)
gave a bare «وصرح» that followed to «أسماء بعض هؤلاء», and «يعتبر مطار مدريد … أكثر المطارات
ازدحاما، كما أنه يعد …» (3335) made the airport a voice for three lines.

Pure functions of folded words.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.country_adjectives import COUNTRIES
from digests.speaker_words import Tok
from digests.speech import STOP, fold, strip_conj

# What is written, never who writes: the subject of «كتب/كتبت» is passive when it opens with one.
_WRITTEN = frozenset(
    "اسم اسماء عباره عبارات كلمه كلمات جمله جمل شعار شعارات لافته لافتات حروف ارقام".split())
_WRITE = frozenset("كتب كتبت يكتب تكتب".split())
# «يعتبر/تعتبر X Y» with no clause: «X is considered Y».
_CONSIDERED = frozenset("يعتبر تعتبر".split())
_DEMONSTRATIVES = frozenset("هذه هذا هؤلاء ذلك تلك".split())


def written_thing(verb: str, speaker: str) -> bool:
    """«وكتبت أسماء بعض هؤلاء على …», «كتبت عبارة "…" على الجدار»: the folded verb of writing
    has a written thing for its subject, so nobody speaks."""
    if strip_conj(verb) not in _WRITE or not speaker:
        return False
    words = [fold(w) for w in speaker.split()]
    if words[0] == "اسماء" and (len(words) == 1 or words[1].startswith("ال")):
        return False  # «وكتبت أسماء الأسد على حسابها»: Asma, a woman's name
    return words[0] in _WRITTEN


def considered(verb: str, speaker: str, toks: Sequence[Tok], j: int, last: int) -> bool:
    """The folded verb is the present of «اعتبر» with no clause, read «is considered», and the
    subject read after it swallowed its predicate («يعتبر مطار مدريد باراخاس الدولي أكثر
    المطارات ازدحاما في …», three words or more) or is followed by no «من» («وهو إجراء يعتبر
    استثنائيا.»). A short name before «من» stays remembered: «ويعتبر بومبيو من صقور …» makes
    him the one a later bare «وقال:» means (the paragraph is about him). Not when an object
    follows the subject (token `j`): «وتعتبر أنقرة هذه القوات إرهابية، وتقول إنها …» is
    Ankara's view."""
    if strip_conj(verb) not in _CONSIDERED:
        return False
    nxt = toks[j].norm if j < last else ""
    if len(speaker.split()) < 3 and nxt == "من":
        return False
    return not (nxt in _DEMONSTRATIVES or (nxt.startswith("ال") and nxt not in STOP))


def considered_marks(verb: str, speaker: str, toks: Sequence[Tok], k: int, first: int) -> bool:
    """«… عقوبات جديدة على كوريا الشمالية، تعتبر "الأقسى التي تفرض على بلد"» (F44, seed 40,
    2068): a bare present «يعتبر/تعتبر» (no «و», no subject written) inside a sentence, right
    before the marks, describes the noun before it («which are considered "…"»): nobody's
    words, not the last voice's."""
    return (verb in _CONSIDERED and not speaker and first < k < len(toks) - 1
            and toks[k + 1].raw[:1] in "\"“«„")


# «اعتبر X Y Z»: who considers, the object, its predicate. Folded.
_CONSIDERING = frozenset("اعتبر اعتبرت يعتبر تعتبر".split())
_COUNTRY_NAMES = frozenset(fold(c) for c in COUNTRIES.values())


def considering_subject(verb: str, speaker: str, toks: Sequence[Tok], j: int) -> str:
    """«تعتبر تركيا حزب الاتحاد الديمقراطي حزباً إرهابياً وأن …» (F44, seed 40, 1881): after a
    verb of considering, a country's name then more words then an indefinite accusative (token
    `j`, «…اً») is the country, the object it considers and the object's predicate: the speaker
    is the country alone."""
    words = speaker.split()
    if strip_conj(verb) not in _CONSIDERING or len(words) < 2 or fold(words[0]) not in (
            _COUNTRY_NAMES) or j >= len(toks):
        return speaker
    return words[0] if toks[j].raw.rstrip("،,").endswith(("اً", "ًا")) else speaker
