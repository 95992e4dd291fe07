"""The subject of a non-speech verb that opens a sentence, which a bare cue after it means.

«وتقدم كاراغر (40 عاما) باعتذار …، قائلا», «وتتعامل ميليسا برونتي، محاضرة …» then «وتقول:»:
the one named there speaks next, not the speaker named before (QA11 3815, 5105, 366). Moved
from digests.cue_speakers (F13, behaviour identical). Pure functions of tokens.
"""

from __future__ import annotations

from digests.unwritten_speakers import _KANA, _WAW_NOUNS
from digests.speaker_checks import plausible_speaker, tail_cut
from digests.speakers import Tok, subject
from digests.speech import STOP, cue_of, fold
from digests.title_heads import OFFICE_HEADS, PERSON_TITLES

_NEGATED = frozenset("لم ولم فلم لا ولا".split())
# Heads of a subject that is a person or a body by its title («متحدثة باسم فيسبوك», «الوزير»).
# Folded, without «ال».
# Not DELEGATE_HEADS' «أمين», «ممثل», «مندوب», «باسم» (QA73-10 measured the union: one corpus
# digest's speaker changed, «رئيس الفيدرالية أحمد الهاملي» -> «الأمين العام للفيدرالية»).
_HUMAN_HEADS = OFFICE_HEADS | PERSON_TITLES | frozenset(
    "نائبه مستشاره مسؤول مسؤوله مصدر محاميه عضو خبير باحث باحثه طبيب طبيبه"
    " وزاره حكومه شرطه جيش شركه منظمه هيئه سفاره".split())


def sentence_opener(toks: list[Tok], first: int, last: int) -> tuple[str, frozenset[str]] | None:
    """The subject of a verb outside the speech lists that opens the sentence, when it names a
    person or a body (a title, or a name set off by a comma or an age), with the genders the
    verb allows; None otherwise.

    «وتقدم كاراغر (40 عاما) باعتذار …، قائلا», «وتتعامل ميليسا برونتي، محاضرة …» and «ولم
    تناقش متحدثة باسم فيسبوك …، إلا أنها أكدت» name the one a bare «وأضاف», «وتقول» or
    «وقالت» after them means (QA11 3815, 5105, 366), not the speaker named before them.
    """
    quoted = _quoted_opener(toks, first, last)
    if quoted is not None:
        return quoted
    i = first + _aside(toks, first, last)
    negated = toks[i].norm in _NEGATED
    if negated:
        i += 1
    if i + 1 >= last:
        return None
    verb = toks[i]
    stem = verb.norm
    if i > first and not negated:
        # «من جهتها، نصحت السفارة الرعايا …. وقالت على موقعها "…"» (F36, seed 34, 1230):
        # after «from its side,» the verb opens the sentence with or without «و».
        stem = stem[1:] if stem[:1] in "وف" and len(stem) >= 5 else stem
    elif not negated:
        if stem[:1] not in "وف" or len(stem) < 4:
            return None
        stem = stem[1:]
    genders = verb_genders(verb, stem)
    if genders is None:
        return None
    # «ويتفق معها خبير التغذية … غونزاليز، …، قائلا:» (F36, seed 34, 5462): «with her» before
    # the subject
    at = i + 2 if toks[i + 1].norm in _WITH_PRONOUNS and i + 2 < last else i + 1
    name, j = subject(toks, at, last)
    name = tail_cut(verb.norm, name)  # «ودانت الوزارة الأحداث.» (QA18 R11): not the event
    words = name.split()
    if not words or not plausible_speaker(name):
        return None
    head = fold(words[0])
    if i > first and len(words) >= 2 and head.startswith("ال") and fold(words[1]).startswith(
            "ال") and not fold(words[1]).endswith(("ي", "يه")):
        words = words[:1]  # «نصحت السفارة الرعايا»: a definite noun after it is the object
        name = words[0]
    if head.removeprefix("ال") in _HUMAN_HEADS:
        if len(words) >= 3 and fold(words[1]) == "باسم":
            return " ".join(words[:3]), genders
        return (name, genders) if len(words) <= 4 else None
    set_off = toks[j - 1].raw.endswith(("،", ",")) or (j < last and toks[j].raw.startswith("("))
    if (head.startswith("ال") or not set_off or len(words) > 3
            or any(fold(w).startswith("ال") or fold(w).endswith("ات") for w in words)):
        return None
    return name, genders


# «من جهتها،», «من جانبه،», «بدورها،»: the subject's own side set off before its verb. Folded.
_SIDES = frozenset("جهته جهتها جانبه جانبها جهتهم جانبهم".split())
_TURNS = frozenset("بدوره بدورها وبدوره وبدورها".split())


_WITH_PRONOUNS = frozenset("معه معها معهم معهما".split())


def verb_genders(verb: Tok, stem: str) -> frozenset[str] | None:
    """The genders a past verb's subject may have, read off its `stem` (without «و/ف»); None when
    the token is no plain non-speech verb (a stop word, a noun «و» opens, a verb of saying, a
    word glued to punctuation). Shared by sentence_opener and digests.clause_openers (F52)."""
    if (not 3 <= len(stem) <= 6 or stem.startswith("ال") or stem in STOP or stem in _KANA
            or fold(verb.raw) in _WAW_NOUNS or stem in _WAW_NOUNS
            or cue_of(verb.raw)[1] is not None
            or any(c in verb.raw for c in "،,:\"«»()") or not verb.raw[-1].isalpha()):
        return None
    if stem.endswith("ت") and not stem.startswith("ت"):
        return frozenset("f")
    if stem.startswith("ت"):
        return frozenset("mf")  # «تقدّم» (he stepped up) or «تتعامل» (she deals)
    return frozenset("m")


def _aside(toks: list[Tok], first: int, last: int) -> int:
    """How many tokens of «من جهتها،» / «بدوره،» open the sentence before its verb (0 if none)."""
    if (first + 2 < last and toks[first].norm in ("من", "ومن") and toks[first + 1].norm in _SIDES
            and toks[first + 1].raw.endswith(("،", ","))):
        return 2
    if first + 1 < last and toks[first].norm in _TURNS and toks[first].raw.endswith(("،", ",")):
        return 1
    return 0


def _quoted_opener(toks: list[Tok], first: int, last: int) -> tuple[str, frozenset[str]] | None:
    """«"بوابة الأهرام" في تقرير مفصل لها حاولت استعراض …، فقالت إنها …» (QA13 1206): a name in
    quote marks opens the sentence and a feminine past verb that is no speech verb follows it
    within a few words: the name is the subject a bare «فقالت» then means."""
    if not toks[first].raw.startswith(("\"", "«", "“")):
        return None
    close = next((m for m in range(first, min(last, first + 4))
                  if toks[m].raw.rstrip("،,:").endswith(("\"", "»", "”"))
                  and (m > first or len(toks[m].raw.strip("\"«»“”،,:")) < len(toks[m].raw) - 1)),
                 None)
    if close is None:
        return None
    for m in range(close + 1, min(last, close + 7)):
        t = toks[m]
        if cue_of(t.raw)[1] is not None or any(c in t.raw for c in "\"«»“”:"):
            return None
        if (t.norm.endswith("ت") and 4 <= len(t.norm) <= 7 and not t.norm.startswith("ال")
                and t.norm not in STOP and not t.norm.startswith(("و", "ب", "ل"))):
            name = " ".join(toks[x].raw for x in range(first, close + 1)).rstrip("،,:")
            return name, frozenset("f")
    return None
