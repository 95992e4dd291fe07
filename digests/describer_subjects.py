"""The subject of a verb whose object follows at once: «وصف», «لخص», «رفض», «اعتبر».

After «ووصف بولتون التدخل الروسي بأنه …», «ولخص الفيديو الحرب …», «رفضت إليسا مصافحتها» or
«واعتبرت الخطوة "انتهاكا …"» the subject read after the verb runs into what was described,
summed up, refused or considered; these functions cut it where the object starts (or find no
subject written), and tell a describing verb with its object pronoun («وصفته السفارة»). Used by
digests.vso_speakers, digests.reported_speakers and digests.speech_cues. Pure functions of tokens
(digests.speakers).
"""

from __future__ import annotations

import re

from digests.speaker_checks import _RELATION_OBJECTS, _adjective, plausible_speaker
from digests.speakers import Tok, subject
from digests.speech import OBJECT_NOUNS, STOP, cue_of, fold, strip_conj
from digests.title_heads import DELEGATE_HEADS, OFFICE_HEADS, PERSON_TITLES

_SUMMED = frozenset("لخص لخصت يلخص تلخص".split())
REFUSE = frozenset("رفض رفضت يرفض ترفض رافض رافضا رافضه".split())  # «رافضا اتهامات بأن …»
_DESCRIBE = frozenset("وصف وصفت يصف تصف ووصف ووصفت ويصف وتصف".split())
_DESCRIBED_RE = re.compile(r"^(?:وصف|وصفت|يصف|تصف)(?:ه|ها|هم|هما)$")


def described(norm: str) -> str | None:
    """«وصفته», «ووصفتها», «يصفه»: a describing verb with its object pronoun, whose subject is
    then written after it («وصفته السفارة بأنه …»); its gender, or None for another word."""
    for form in (norm, norm[1:] if norm[:1] in "وف" else ""):
        if form and _DESCRIBED_RE.match(form):
            return "f" if form.startswith(("وصفت", "تصف")) else "m"
    return None


def thing_described(toks: list[Tok], k: int) -> bool:
    """«أسلحة آلية وصفها البعض بأنها "أجهزة روبوت قاتلة"» (F48, QA74-5, corpus 382): a bare
    «وصفها/يصفها/تصفها» right after an indefinite feminine or plural word (no «ال», no comma
    between) is that thing's relative clause, written without «الذي»; «بحسب البعض، فإنها …»
    names neither the thing nor a statement. Not «ووصفها» (a new clause of its own)."""
    if k == 0 or not _DESCRIBED_RE.match(toks[k].norm) or not toks[k].norm.endswith("ها"):
        return False
    prev = toks[k - 1].raw
    f = fold(prev)
    # («آلية» folds to «الية»: the article is read on the written word)
    return (prev.isalpha() and len(f) >= 4 and not prev.startswith(("ال", "وال", "بال", "لل"))
            and f.endswith(("ه", "ات")) and f not in STOP and cue_of(prev)[1] is None)


def _before_relation(toks: list[Tok], i: int, j: int) -> tuple[str, int]:
    """The subject from token `i` up to the describing verb's object when that object is the
    subject's own counterpart or people («وصف الرئيس التركي X نظيره السوري …» → «الرئيس
    التركي X»), with the token after it; ("", `i`) otherwise (subject and object run together)."""
    cut = next((m for m in range(i + 1, j) if fold(toks[m].raw.rstrip("،,:")) in _RELATION_OBJECTS),
               None)
    if cut is None:
        return "", i
    name = " ".join(toks[m].raw for m in range(i, cut)).rstrip("،,:")
    return (name, cut) if plausible_speaker(name) else ("", i)


# Past verbs of «ما حصل/ما جرى …» («what happened»), the object of «وصف». Folded.
_HAPPENED = frozenset("حصل حدث جري وقع قام قامت حدثت جرت وقعت".split())


def _described_by(toks: list[Tok], k: int, read: str, j: int, last: int) -> tuple[str, int]:
    """The subject of «وصف» at token `k` read as `read` (up to `j`), when subject and object
    may run together: the one `_before_relation` finds, else `_describer_subject`'s, else ""
    (with the token to read on from)."""
    speaker, j_rel = _before_relation(toks, k + 1, j)
    if speaker:
        return speaker, j_rel
    if (read and j + 1 < last and toks[j].norm == "ما" and toks[j - 1].raw[-1].isalpha()
            and (toks[j + 1].norm[:1] in "يت" or toks[j + 1].norm in _HAPPENED)
            and plausible_speaker(read)):
        # «وصف رئيس الوزراء بنيامين نتانياهو ما حصل بأنه "خطير". وشدد …» (QA59-22): what he
        # described opens with «ما» and a verb, so the subject read before it is whole, and is
        # the one a bare «وشدد» next means (not the sources named paragraphs above).
        return read, j
    speaker = _describer_subject(read, toks, j, last)
    return (speaker, j) if speaker else ("", j_rel)


def describer_only(toks: list[Tok], k: int, last: int, speaker: str) -> bool:
    """The subject `speaker` of «وصف» at token `k` was trusted by `_describer_subject` alone:
    digests.speech_cues neither records it as the last speaker nor calls it named, so a later
    bare cue and the ranking read the article as before F18 (only the name shown is new)."""
    if not speaker or cue_of(toks[k].raw)[0] not in _DESCRIBE:
        return False
    read, end = subject(toks, k + 1, last, after_verb=True)
    if not read or toks[end - 1].raw[-1] in "،," or _before_relation(toks, k + 1, end)[0]:
        return False
    return _describer_subject(read, toks, end, last) == speaker


def _describer_subject(speaker: str, toks: list[Tok], j: int, last: int) -> str:
    """The subject of «وصف» when the reading stopped before the description (seed 21, 2833):
    «ووصف برلسكوني وجود المهاجرين … بأنهم» (stopped at the object noun «وجود»), «ووصف محلل
    في الشؤون السياسية … تصريحات نتنياهو بأنها» (one word, then a preposition), «ووصفت
    الحكومة السورية الهجوم التركي على عفرين بأنه» (a definite noun and its adjectives; the next
    definite noun is the object); "" when it ran into the description or is otherwise."""
    words = speaker.split()
    if not words or j >= last or toks[j].norm[:1] == "ب" or toks[j].raw[:1] in "\"«“":
        return ""  # «ووصف المدعون العامون بنل بأنه»: subject and object run into «بأنه»
    folded = [fold(w) for w in words]
    if folded[0].startswith("ال"):
        # the object is the first definite noun right after a definite word that is no
        # adjective of it («الحكومة السورية | الهجوم التركي»); a genitive after «ل» or an
        # indefinite word stays («المفوض الأعلى لحقوق الإنسان زيد رعد الحسين»).
        cut = next((n for n in range(1, len(words)) if folded[n].startswith("ال")
                    and folded[n - 1].startswith("ال") and not _adjective(folded[n])), len(words))
        if cut == 1 and len(words) == 1:
            return ""
        name = " ".join(words[:cut])
        return name if cut < len(words) or toks[j].norm in _OBJECT_STOPS else ""
    if len(words) == 1 and (toks[j].norm in _OBJECT_STOPS or toks[j].norm in STOP):
        return words[0]  # (a definite word alone is left to the rules before: «كما وصف
        #                   العلاقات مع إيران بأنها» is what he described)
    if (len(words) > 1 and folded[1].startswith("ال") and not _adjective(folded[1])
            and not words[0].endswith("ة") and not folded[0].endswith(("ات", "اء"))
            and not (folded[0][:1] == "م" and folded[0].endswith(("ون", "ين")))
            and folded[0] not in _HEADS and folded[0] not in _RELATION_OBJECTS):
        return words[0]  # «وصف بولتون التدخل الروسي في …»: a name, then what he described
    return ""


# Indefinite nouns that head a construct («عضو اللجنة», «رئيس الوزراء»), not names. Folded.
# (The offices of digests.title_heads whole since QA73-10, which added «متحدثة», «ناطقة»,
# «سفيرة», «مسؤولة», «باسم»: no corpus digest changed.)
_HEADS = OFFICE_HEADS | PERSON_TITLES | DELEGATE_HEADS | frozenset(
    "اعضاء مؤسس مصدر خبير محلل مراسل كاتب باحث استاذ طبيب محام عميد ولي وسائل مصادر منظمات"
    " جماعات جهات اوساط قوات فصائل عناصر سكان اهالي اهل بعض معظم اغلب كل جميع".split())
# Definite bodies that refuse («ورفضت الحكومة السورية الاتهامات»), without «ال». Folded.
_BODIES = frozenset(
    "حكومه وزاره رئاسه خارجيه داخليه حركه جماعه منظمه هيئه لجنه شركه سلطات سلطه محكمه مجلس"
    " جيش شرطه اداره بعثه سفاره كرملين متحدث متحدثه وزير وزيره رئيس".split())
# What the object of «وصف» opens with, after which the subject read before it is whole. Folded.
_OBJECT_STOPS = OBJECT_NOUNS | frozenset("هذه هذا هذان هاتان هؤلاء تلك ذلك ايضا".split())


def refuser(speaker: str) -> str:
    """The subject of «رفض» read with its object run on («منوتشين الانتقادات الموجهة»,
    QA59-42): a name then a definite noun is the name; a definite noun and its adjectives end
    at the next definite noun that is none («الحكومة السورية الاتهامات»); "" if unsure."""
    words = refused_subject("رفض", speaker).split()
    if not words:
        return ""
    folded = [fold(w) for w in words]
    if folded[0].startswith("ال"):
        cut = next((n for n in range(1, len(words)) if folded[n].startswith("ال")
                    and folded[n - 1].startswith("ال") and not _adjective(folded[n])), len(words))
        if not all(w.startswith("ال") for w in folded[:cut]) or (
                folded[0].removeprefix("ال") not in _HEADS | _BODIES):
            # «ورفض المقارنة بينه وبين جده …», «ورفض الاتهامات الموجهة»: the object, the
            # subject unwritten; only a title or a body opens a definite subject here
            return ""
        name = " ".join(words[:cut])
        return name if cut < len(words) else ""  # («ورفض الاتهامات الموجهة»: no subject)
    if len(words) == 1:
        return words[0]
    if (folded[1].startswith("ال") and not _adjective(folded[1]) and not words[0].endswith("ة")
            and not folded[0].endswith(("ات", "ه")) and folded[0] not in OBJECT_NOUNS
            and folded[0] not in _HEADS and folded[0] not in _RELATION_OBJECTS):
        return words[0]  # («ورفض اتهامات الحكومة …»: a plural verbal noun, the object)
    return ""


def summed_subject(norm: str, speaker: str) -> str:
    """After «لخص» the object follows a one-word subject at once: keep only the subject.

    «ولخّص الفيديو الحرب السورية …:», «ولخص أحدهم الموقف قائلا».
    """
    if strip_conj(norm) not in _SUMMED or len(speaker.split()) <= 1:
        return speaker
    one, two = speaker.split()[:2]
    if (fold(one).startswith("ال") or fold(one).endswith("هم")) and fold(two).startswith("ال"):
        return one
    return speaker


def refused_subject(norm: str, speaker: str) -> str:
    """After «رفض» the object follows the subject at once: cut it at a possessed noun.

    «رفضت إليسا مصافحتها قائلة "…"» names who speaks next, and «مصافحتها» is the object.
    """
    if strip_conj(norm) not in REFUSE:
        return speaker
    names = speaker.split()
    cut = next((n for n in range(1, len(names)) if len(fold(names[n])) >= 5
                and (fold(names[n]).endswith(("ها", "هم", "هما")) or _verbal_noun(names[n])
                     or (_indefinite_plural(names[n]) and fold(names[n - 1]).startswith("ال")))),
               len(names))
    return " ".join(names[:cut])


def refused_only(norm: str, speaker: str, after: str) -> bool:
    """«ورفض تلميحات عن عدم تخليه …، قائلا» (seed 24, 3506): the one word read after «رفض» is
    an indefinite plural and «عن/حول/بشأن» (folded `after`) follows it: what was refused, with
    no subject written (the last named speaker refused it)."""
    words = speaker.split()
    return (strip_conj(norm) in REFUSE and len(words) == 1 and _indefinite_plural(words[0])
            and after in _ABOUT)


# What an object of «رفض» is about: «ورفض تلميحات عن/حول/بشأن …». Folded.
_ABOUT = frozenset("عن حول بشان بخصوص".split())


def _indefinite_plural(word: str) -> bool:
    """«تلميحات», «شائعات», «تصريحات»: an indefinite feminine plural, what «رفض» refused (after
    a definite subject, or with none written); not «الاتهامات» nor a short name."""
    w = fold(word.rstrip("،,:"))
    return len(w) >= 6 and w.endswith("ات") and not w.startswith(("ال", "وال"))


def _verbal_noun(word: str) -> bool:
    """«التقليل», «التعليق», «التعامل»: the definite verbal noun of form II or VI (what «رفض»
    refused: «ورفض جونسون التقليل من …»); not «التركي», «التشيك» (an adjective, a name)."""
    w = fold(word)
    return len(w) == 7 and w.startswith("الت") and (w[5] == "ي" or w[4] == "ا")

_CONSIDER = frozenset("اعتبر اعتبرت يعتبر تعتبر".split())


def _considered_object(norm: str, speaker: str, toks: list[Tok], j: int, last: int) -> bool:
    """«اعتبرت الخطوة "انتهاكا …"»: one definite word after «اعتبر», then quote marks that open
    with an indefinite accusative: that word is the verb's first object, not its subject."""
    if strip_conj(norm) not in _CONSIDER or len(speaker.split()) != 1:
        return False
    if not fold(speaker).startswith("ال") or j >= last or toks[j].raw[:1] not in "\"“«„":
        return False
    first = toks[j].raw.lstrip("\"“«„").rstrip("\"”»،,.")
    bare = first.replace("\u064b", "")
    return bool(bare) and not bare.startswith("ال") and bare.endswith("ا") and len(bare) >= 4
