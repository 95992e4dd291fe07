"""A last-resort guard: a speaker that is no one is never shown (QA46 G2, F32).

The finder reads a subject from the words around a cue; when a rule misreads a clause, the line
would read «بحسب وبخصوص الكلفة الإجمالية، …», «بحسب وانضمت إليها الأرجنتين، …», «— مدحه
لصلاح» or «بحسب نفسه، …». A wrong name misinforms and a phrase as a source is nonsense: such a
candidate is dropped before ranking, so another quote of the article is shown in its place (or
none). Shapes only (pure; no article context): a fronted preposition («وبخصوص», «بشأن»), a verb
with its pronoun object («وانضمت إليها»), a reflexive or a preposition with its pronoun alone
(«نفسه», «معه»), a possessed noun of speech or stance with its object («مدحه لصلاح», «رفضها
المشاركة»), «و» + a demonstrative or «لـ» + a plural verb after the first word («بديلا سجل
وهذا», «حسبان منخرطي الرجاء ليصادقوا»), and the epithet «المثير للجدل».
"""

from __future__ import annotations

from digests.speaker_words import POSSESSED_OBJECTS
from digests.speech import fold

# Prepositions and prepositional nouns that open a fronted phrase («وبخصوص …، كشف»). Folded.
_FRONTED = frozenset(
    "بخصوص بشان حول ازاء تجاه بالنسبه فيما خلال عقب اثر بعد قبل منذ ضمن عبر لدي عند نحو".split())

# A preposition with its pronoun: alone it is no one. Folded.
_PREP_PRONOUNS = frozenset(
    "اليه اليها اليهم اليهما عليه عليها عليهم معه معها معهم له لها لهم لهما منه منها منهم"
    " عنه عنها عنهم فيه فيها فيهم بها به بهم".split())
# After a first word that is no participle or noun of «ال/م», these make it a verb with its
# object («وانضمت إليها الأرجنتين», «قام به مكتب», «أحضر معه»); «العديد منهم», «عضو فيها»,
# «المشاركون فيه» are people, so «من/في/عن» are not among them. Folded.
_VERB_OBJECTS = frozenset("اليه اليها اليهم اليهما عليه عليها عليهم معه معها معهم بها به بهم".split())
# «له/لها» after a verb only with its «و/ف» («وأنشأ له ملفا»): «صديق له», «مستشار لها» speak.
_TO_HIM = frozenset("له لها لهم لهما".split())
# Quantifiers and kin before such a pronoun are people («كثيرون منهم», «قريب له»). Folded.
_SOME = frozenset("كثيرون كثير بعض عدد احد احدي قليل قله جزء غالبيه معظم اغلب واحد".split())

# Reflexives: «يرى نفسه أنه …» — the object of a verb of thinking, never a speaker. Folded.
_REFLEXIVES = frozenset("نفسه نفسها انفسهم انفسهن نفسي نفسك".split())

# Possessed verbal nouns of praise, refusal, criticism (with POSSESSED_OBJECTS): «تابع مدحه لـ»,
# «واصلت رفضها المشاركة». Folded, without their pronoun.
_STANCE_NOUNS = frozenset("مدح رفض انتقاد هجوم دعم تاييد ترحيب اشاده رسالت حديث".split())
_PRONOUNS = ("هما", "هم", "ها", "ه")

# Epithets set off by commas after a name («وكان بالوتيلي، المثير للجدل، يتحدث»). Folded.
_EPITHETS = frozenset(("المثير للجدل", "المثيره للجدل"))

# «و» + a demonstrative after the first word: the next clause of the writer. Folded.
_NEW_CLAUSE = frozenset("وهذا وهذه وذلك وتلك وهؤلاء".split())


def _possessed_stance(word: str) -> bool:
    """«مدحه», «رفضها», «رسالتها»: a noun of speech or stance with a pronoun of its owner."""
    norm = fold(word.rstrip("،,:;؛."))
    if norm in POSSESSED_OBJECTS:
        return True
    for pronoun in _PRONOUNS:
        if norm.endswith(pronoun) and norm[:-len(pronoun)] in _STANCE_NOUNS:
            return True
    return False


def nonsense_speaker(name: str) -> bool:
    """True for a speaker read from a clause or phrase: the line would name no one."""
    words = name.split()
    if not words:
        return False
    first = fold(words[0].strip("،,:;؛.\"«»“”"))
    bare = first[1:] if first[:1] in "وف" and len(first) > 3 else first
    if bare in _FRONTED or first in _FRONTED:
        return True  # «وبخصوص الكلفة الإجمالية»: what it was about, not who said it
    if len(words) == 1 and (first in _REFLEXIVES or first in _PREP_PRONOUNS):
        return True  # «نفسه», «معه»
    if len(words) >= 2 and _verb_and_object(first, fold(words[1].strip("،,:;؛."))):
        return True  # «وانضمت إليها الأرجنتين»: a verb and its object
    if len(words) >= 2 and _possessed_stance(words[0]):
        return True  # «مدحه لصلاح», «رفضها المشاركة»: the verb's object, its owner unnamed
    if any(fold(w.strip("،,:;؛.")) in _NEW_CLAUSE for w in words[1:]):
        return True  # «بديلا سجل وهذا»: «و» + a demonstrative opens the writer's next clause
    if any(_purpose_verb(w) for w in words[1:]):
        return True  # «حسبان منخرطي الرجاء ليصادقوا»: «لـ» + a verb, a clause of purpose
    return fold(" ".join(words[:2])) in _EPITHETS


# Heads of a body that can follow a verb and its pronoun object as its subject. Folded.
_BODY_HEADS = frozenset(
    "لجنه مكتب هيئه مجلس فريق وزاره منظمه شركه مركز جامعه معهد دراسه وكاله صحيفه موقع".split())


def shown_speaker(name: str) -> str:
    """The speaker to show: `name`; the subject written after a verb and its pronoun
    («توصلت إليها لجنة معنية …» → «لجنة معنية …», «وانضمت إليها الأرجنتين» → «الأرجنتين»);
    or "" when the speaker is no one (`nonsense_speaker`)."""
    if not nonsense_speaker(name):
        return name
    words = name.split()
    if len(words) >= 3 and _verb_and_object(fold(words[0]), fold(words[1].strip("،,:;؛."))):
        rest = words[2:]
        head = fold(rest[0])
        if (head.startswith("ال") or head in _BODY_HEADS) and not nonsense_speaker(" ".join(rest)):
            return " ".join(rest)
    return ""


def _verb_and_object(first: str, second: str) -> bool:
    """«وانضمت» + «إليها», «قام» + «به», «وأنشأ» + «له»: the first word is a verb."""
    if first.startswith(("ال", "م")) or first in _SOME or first[:1] in "وف" and first[1:] in _SOME:
        return False
    if second in _TO_HIM:
        return first[:1] in "وف" and len(first) >= 4 and not first.startswith(("وال", "وزير"))
    return second in _VERB_OBJECTS


def _purpose_verb(word: str) -> bool:
    """«ليصادقوا», «لتعلنوا»: «لـ» + a plural imperfect verb (never part of a name)."""
    norm = fold(word.strip("،,:;؛."))
    return len(norm) >= 6 and norm[:2] in ("لي", "لت") and norm.endswith("وا")
