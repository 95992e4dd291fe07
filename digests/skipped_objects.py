"""What stands between a speech verb and its subject and is not the subject: whom it was said
to («لـ"سكاي نيوز عربية"», «لصحيفة X», «لبوتين», «عليه»), a time («صرح الأربعاء …») or a
manner adverb. `skip_object` returns where the subject may start (for digests.speakers'
`subject`); «لي» before a name («وقالت لي آى-ران») is the name's, not «to me»
(digests.apposed_names.named_li). Pure functions over the tokens of digests.speaker_words.
"""

from __future__ import annotations

import re

from digests.apposed_names import TITLES, named_li
from digests.speaker_words import (
    _MANNER_ADVERBS,
    _THEN,
    _WHEN,
    Tok,
    _time_phrase,
    addressed_after,
    addressee,
    now,
)
from digests.speech import ADDRESSEES, NAME_NOUNS, OBJECT_PRONOUNS, STOP, cue_of, is_complementizer


# Media addressed by a name spelled in letters («لبي بي سي», «لسي إن إن»): its tail is no subject.
_SPELLED_MEDIA = frozenset("لبي لسي".split())
_SPELLED_TAILS = frozenset("بي سي ان".split())
# A medium addressed by its kind («لوكالة», «لصحيفة»): its name follows. Folded.
_MEDIUM_ADDRESSEES = frozenset("لوكاله لصحيفه لقناه لموقع لشبكه لمجله لاذاعه لتلفزيون".split())


def _named_medium_end(toks: list[Tok], i: int) -> int:
    """After «لوكالة/لصحيفة …»: one past a definite name of one to three words that ends at
    «أن/إن/بأن» («الأنباء الفرنسية أنه»), else 0."""
    m = i
    while (m < len(toks) and m - i < 3 and toks[m].norm.startswith("ال")
           and toks[m].raw[-1].isalpha()):
        m += 1
    return m if m > i and m < len(toks) and is_complementizer(toks[m].norm) else 0


# Heads of an indefinite subject written after the medium told («مصدر أمني», «مسؤول كبير»).
_SUBJECT_HEADS = TITLES | frozenset("مصدر مصادر".split())


def _medium_then_subject(toks: list[Tok], i: int) -> int:
    """After «لوكالة …»: where an indefinite subject's head («مصدر», «مسؤول») starts right after
    the medium's definite name of one to three words, else 0. An indefinite name of one or two
    words goes on to an indefinite head too: «وأكد لوكالة فرانس برس مسؤول في الوزارة أن» (F43:
    «بحسب فرانس برس مسؤول في الوزارة»)."""
    m = i
    while (m < len(toks) and m - i < 3 and toks[m].norm.startswith("ال")
           and toks[m].raw[-1].isalpha()):
        if m > i and toks[m].norm.removeprefix("ال") in _SUBJECT_HEADS:
            return m  # «لوكالة الأنباء الفرنسية المتحدث باسم الجيش إن»
        m += 1
    if m == i:
        while (m < len(toks) and m - i < 2 and not toks[m].norm.startswith("ال")
               and toks[m].raw[-1].isalpha() and toks[m].norm not in STOP
               and toks[m].norm not in _SUBJECT_HEADS):
            m += 1
    return m if m > i and m < len(toks) and toks[m].norm in _SUBJECT_HEADS else 0


def _named_body_end(toks: list[Tok], i: int) -> int:
    """After «لشركة/لمنظمة …»: one past a definite name of one to three words that ends right
    before an opening quote mark, else 0."""
    m = i
    while (m < len(toks) and m - i < 3 and toks[m].norm.startswith("ال")
           and toks[m].raw[-1].isalpha()):
        m += 1
    return m if m > i and m < len(toks) and toks[m].raw[:1] in "\"“«" else 0


def skip_object(toks: list[Tok], i: int) -> int:
    """Skip «لـ"سكاي نيوز عربية"», «لصحيفة X», «لبوتين», «عليه» after a verb (addressee, not
    subject), and a time before the subject («صرح الأربعاء المتحدث باسم …»)."""
    addressed = False
    while i < len(toks) and not named_li(toks, i, len(toks)) and (
            toks[i].norm in OBJECT_PRONOUNS or toks[i].norm in ADDRESSEES
            or toks[i].norm in _WHEN or now(toks[i])
            or toks[i].norm in _MANNER_ADVERBS or _time_phrase(toks, i) or (
                toks[i].norm in _THEN and i + 1 < len(toks) and addressed_after(toks[i + 1]))):
        addressed = addressed or toks[i].norm in ADDRESSEES
        medium = toks[i].norm in _SPELLED_MEDIA
        named_medium = toks[i].norm in _MEDIUM_ADDRESSEES
        i += _time_phrase(toks, i) or 1
        if named_medium:
            # «وقال لوكالة فرانس برس: "…"» (K12): the medium's name up to the colon is the
            # addressee's, and no subject is written.
            colon = next((m for m in range(i, min(len(toks), i + 3))
                          if toks[m].raw.endswith(":")), None)
            if colon is not None and not any(cue_of(toks[m].raw)[1] is not None
                                             for m in range(i, colon + 1)):
                i = colon + 1
            elif _medium_then_subject(toks, i):
                # «وقال لوكالة الأنباء الفرنسية مصدر أمني إن» (F41's left, F42: «بحسب الأنباء
                # الفرنسية مصدر أمني»): the medium's definite name, then the subject's head
                i = _medium_then_subject(toks, i)
            elif _named_medium_end(toks, i):
                # «أكد لوكالة الأنباء الفرنسية أنه …» (F41, seed 37, 339: «بحسب الأنباء
                # الفرنسية»): the medium's definite name runs to the clause; the subject was
                # written before the verb
                i = _named_medium_end(toks, i)
            elif (i + 1 < len(toks) and not toks[i].norm.startswith("ال")
                  and toks[i].raw[:1].isalpha() and toks[i].norm not in STOP
                  and toks[i + 1].norm in STOP):
                # «وقال لتلفزيون فلسطين خلال مقابلة …، الخميس: "…"» (QA18 R11): the medium's
                # one-word name, then a time or place; no subject is written (Abbas speaks).
                i += 1
        while (medium and i < len(toks)
               and re.split(r"[:،,\"“«]", toks[i].norm)[0] in _SPELLED_TAILS):
            i += 1  # «وأضاف لبي بي سي:»: the rest of the addressee's spelled-out name
    if i < len(toks) and (toks[i].raw.startswith("لـ") or addressee(toks[i])
                          or addressed_after(toks[i])
                          or toks[i].norm[1:] in NAME_NOUNS and toks[i].norm.startswith("ل")):
        addressed = True
        body = toks[i].norm[1:] in NAME_NOUNS and toks[i].norm.startswith("ل")
        if body and toks[i].raw[-1].isalpha() and _named_body_end(toks, i + 1):
            # «كما قالت لشركة اليانصيب "أريد …"» (F42, seed 38, 6658: «— اليانصيب»): the
            # body's definite name runs up to the marks; the subject was written before.
            return _named_body_end(toks, i + 1)
        if addressed_after(toks[i]) and toks[i].raw[-1] not in "،,:":
            # «لوسائل الإعلام:», «لعدد من الصحافيين»: the addressee's own words
            while i + 1 < len(toks) and toks[i + 1].norm.startswith("ال"):
                i += 1
                if toks[i].raw[-1] in "،,:":
                    break
        if toks[i].raw.rstrip("،,") in ("لـ", "ل") and i + 1 < len(toks):
            i += 1  # «ذكرت لـ CNN بأن» (K12): «لـ» written apart; the name after it is addressed
        opened = sum(toks[i].raw.count(q) for q in "\"“”«»") % 2 == 1
        i += 1
        while opened and i < len(toks):
            if any(q in toks[i].raw for q in "\"“”«»"):
                opened = False
            i += 1
    if addressed:
        # «قال للتلفزيون الحكومي إن»: the addressee's adjective is not a subject either.
        while (i < len(toks) and toks[i].norm.startswith("ال")
               and toks[i].norm.endswith(("ي", "يه"))):
            i += 1
    return i
