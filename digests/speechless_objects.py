"""Whom a speech verb that introduces no speech names: its subject, not its object (brief F50).

A speech verb with no speech after it («ولكن الجيش اعترف بوجوده», «لكن السلطات أعلنت
احتجازهن بصورة مؤقتة») makes no quote, but the finder remembers its speaker: the next bare «وقال»,
«وأضافت:» or «قائلا» goes on with it (digests.speaker_memory). Read in the common VSO order, the
words after such a verb were taken for its subject, so the memory kept the verb's object —
«بوجوده», «احتجازهن», «بقرارات الحكومة» — and every carried quote after it was credited to a
thing (development gold, session 27: 82 of the 307 wrong carried speakers were recorded from a
speechless verb).

`fronted_subject`: when the subject is written right before the verb (SVO: a definite noun with
no comma between, «الجيش اعترف»), the words after the verb are its object, and the subject is
the speaker the cue names. Time words before a verb are when, not who («الأحد أعلنت الشرطة …»).
Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

from digests.fronted_speakers import speaker_before
from digests.speaker_checks import plausible_speaker
from digests.speakers import Tok
from digests.speech import fold, strip_conj

# Words of a time or date written before a verb («الأسبوع الماضي أعلن», «الأحد أعلنت»): when,
# never who. Folded.
_TIME_WORDS = frozenset(
    "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم الان امس غدا الماضي الماضيه"
    " المقبل المقبله الفائت المنصرم الحالي الجاري الاسبوع الشهر العام السنه الليله الصباح"
    " المساء ظهر عصر فجر صباح مساء بالامس".split())


# Words after which a definite noun is no subject: a demonstrative («في هذا السياق») or a
# preposition («عن الزواج»). Folded, without «و/ف».
_NOT_A_SUBJECT_AFTER = frozenset(
    "هذا هذه ذلك تلك هذين هاتين هؤلاء في عن من الي علي مع حول خلال بعد قبل منذ عقب وسط ضمن"
    " بين لدي عند".split())
# Particles spelled with «ال»: never a definite noun. Folded.
_NOT_NOUNS = frozenset("الا الي التي الذي الذين اللذين اللتين اللواتي اللاتي الان".split())


def _definite(norm: str) -> bool:
    """A definite noun or adjective: «الجيش», «السلطات», «الإسرائيلي» (not «ألا», «الذي»)."""
    return norm.startswith("ال") and len(norm) >= 4 and norm not in _NOT_NOUNS


def fronted_subject(toks: list[Tok], k: int, first: int) -> str:
    """The subject written right before the speechless verb at `k` (SVO), or "".

    Only a verb with no conjunction of its own («اعترف», not «واعترف»: a new clause whose
    subject may follow), right after a definite word of the subject with no comma between.
    """
    if k <= first:
        return ""
    verb, before = toks[k], toks[k - 1]
    if (verb.norm[:1] in "وف" or before.raw[-1:] in "،,:;؛.\"”»" or not _definite(before.norm)):
        return ""
    subject = speaker_before(toks, k, first)
    words = subject.split()
    if not words or words[-1] != before.raw or not plausible_speaker(subject):
        return ""
    if not all(_definite(fold(w)) for w in words):
        return ""  # «وكادت المسرحية ألا ترى», «انقلب الأمر وصار البعض»: a clause, not a subject
    if any(fold(w) in _TIME_WORDS for w in words):
        return ""  # «الأسبوع الماضي أعلنت الوزارة …»: when, not who
    m = k - len(words)
    if m > first and strip_conj(toks[m - 1].norm) in _NOT_A_SUBJECT_AFTER:
        # «وعن هذا الزواج يقول فاين», «وفي هذا السياق دعا الأمين»: a topic or a place in the
        # text, not the subject; the speaker follows the verb.
        return ""
    return subject
