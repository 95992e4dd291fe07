"""A speaker run into the verb's object with its pronoun: «منال أغنيتها بأنشودة» (F28's left,
QA39 D10).

«واختتمت منال أغنيتها بأنشودة …», «وجدد لوغريت تأكيده أن …», «وأعلن شفيق تراجعه»: after the
subject comes the object, a verbal or plain noun carrying the subject's own pronoun
(«تأكيده», «أغنيتها», «نصيحته», «مسؤوليته»). A speaker never holds such a word after its name
unless a title heads it («مدير مكتبه», «رئيس الشركة ومؤسسها»): the speaker is cut before it.
«انتقد الوزير سامح شكري بي بي سي وغيرها من وسائل الإعلام لما وصفه …» (QA39 #58): a speaker
ending in «وغيرها» ran into the object and «the others»; the object here is a medium spelled in
letters, cut with it. Pure function of the speaker's words.
"""

from __future__ import annotations

import re

from digests.arabic import _freq
from digests.speech import EDGE_PUNCT, STOP, fold
from digests.title_heads import DELEGATE_HEADS, KIN_HEADS, OFFICE_HEADS

# A noun with the subject's pronoun: «تأكيده», «تراجعه» (a «تفعيل/تفعّل» verbal noun), or any
# noun in «ة» with it («أغنيتها», «نصيحته», «مسؤوليته», «صفقاته»). Read on the written word:
# folding makes «تركية», «تجارة» end in «ه» too.
_OWN_OBJECT_RE = re.compile(r"^(?:ت\w{3,}(?:ه|ها|هم)|\w{2,}(?:ته|تها|تهم|اته|اتها))$")
# Reports described by a relative verb with its pronoun («بيان نشرته وكالة …», «استطلاع أجرته
# شركة …», «تقرير جديد أصدرته منظمة …»): «نشرته» is a verb there, the rest the publisher. Folded.
_REPORTS = frozenset("بيان بيانا تقرير تقريرا استطلاع استطلاعا احصاء احصاءات احصائيه دراسه"
                     " مرسوم رساله وثيقه مسح صور صوره مقطع فيديو تسجيل مقابله".split())
# Heads of a construct whose next noun may carry a pronoun («مدير مكتبه», «نائب رئيسه»). Folded,
# without «ال».
_HEADS = OFFICE_HEADS | DELEGATE_HEADS | KIN_HEADS


# «وغيرها»: "and the others" closes an object, never a speaker. Folded.
_OTHERS = frozenset("وغيرها وغيره وغيرهم وغيرهما".split())
# Letters of a medium spelled out («بي بي سي», «سي إن إن»). Folded.
_SPELLED = frozenset("بي سي ان تي ام ايه اف".split())


def others_cut(speaker: str) -> str:
    """`speaker` without a trailing «… بي بي سي وغيرها» (the object and «the others»); unchanged
    unless the object is a spelled medium, the one case whose start is certain."""
    words = speaker.split()
    if len(words) < 3 or fold(words[-1]) not in _OTHERS:
        return speaker
    n = len(words) - 1
    while n > 0 and fold(words[n - 1]) in _SPELLED:
        n -= 1
    return " ".join(words[:n]) if 0 < n < len(words) - 2 else speaker


def own_object_cut(speaker: str) -> str:
    """`speaker` cut before a noun carrying its pronoun (the verb's object), or unchanged."""
    speaker = others_cut(speaker)
    words = speaker.split()
    for n in range(1, len(words)):
        w = words[n].strip(EDGE_PUNCT)
        if fold(w).startswith(("و", "ال")) or not _OWN_OBJECT_RE.match(w):
            continue
        if any(fold(x) in _REPORTS for x in words[:n]):
            return speaker
        if fold(words[n - 1]).removeprefix("ال") in _HEADS:
            return speaker
        if n == 1 and (fold(words[0]) in STOP or len(fold(words[0])) <= 3):
            return speaker  # «لمن سمتهم مراقبين»: what is left would say less
        return " ".join(words[:n])
    return speaker


# Bodies and people that a verb of accusing, urging or criticising takes as its object right
# after its subject (QA50 E1): «اتهم الرئيس الأمريكي دونالد ترامب الحرس الثوري الإيراني بأنه»,
# «حثت السلطات الأسترالية الناس على أن». None is a surname or an adjective. Folded.
_BODY_OBJECTS = frozenset(
    "الحرس الجيش الجيوش القوات النظام المعارضه الاداره الناس السكان الشرطه الحكومه الجمهور"
    " الصحفيين الشعب المجتمع السلطات المواطنين المسؤولين الجماهير المشجعين".split()) | frozenset(
    # «وطالب رئيس حكومة الإقليم الشركة بأن …» (F41's left: «— رئيس حكومة X الشركة»): a firm
    # urged or accused after a definite word, as a body is
    "الشركه الشركات".split())
# Names of the shape of a verbal noun «تفعيل» (Tawfiq, Tahsin, Taghrid): never cut. Folded.
_TAFIL_NAMES = frozenset("توفيق تحسين تغريد".split())
_TAFIL_RE = re.compile(r"^ت\w\wي\w$")
_MUFAALA_RE = re.compile(r"^م\wا\w\wه$")  # «مشاركة», «محاولة», «مقاطعة»: folded


def _personal_name(word: str, heads: frozenset[str]) -> bool:
    """A folded word that is a person's name, not a common noun: no «ال», no stop word or head,
    and never written with «ال» in the reference table («ترامب», «نتنياهو»; «أركان» is
    «الأركان» there, a noun in construct)."""
    table = _freq()
    if word[:1] in "لبك" and table.get("ال" + word[1:]):
        return False  # «لتنظيم»: a preposition and a noun («رئيس المجلس الأعلى لتنظيم الإعلام»)
    return (len(word) >= 3 and word.isalpha() and not word.startswith("ال") and word not in STOP
            and word not in heads and not table.get("ال" + word))


def named_object_start(words: list[str], heads: frozenset[str]) -> int:
    """Where the object of «اتهم/حث/انتقد …» starts in a subject read on past it, or 0.

    After a person's name or a relative adjective, a body or people named definite («…
    دونالد ترامب الحرس الثوري الإيراني», «السلطات الأسترالية الناس»); after a name, a
    verbal noun «تفعيل» in construct («… بنيامين نتنياهو تعليق عباس»: what he criticised).
    `heads` are the nouns whose genitive follows them («قائد الحرس», «رئيس أركان الجيش»).
    """
    for n in range(1, len(words)):
        word, prev = fold(words[n].strip(EDGE_PUNCT)), fold(words[n - 1].strip(EDGE_PUNCT))
        if words[n - 1].endswith(("،", ",")):
            continue  # «…، السلطات»: an apposition or a list, not the object
        named = _personal_name(prev, heads)
        if word in _BODY_OBJECTS and (named or (prev.startswith("ال") and len(prev) >= 6
                                                and prev.endswith(("ي", "يه")))):
            return n
        if (word in _BODY_OBJECTS and prev.startswith("ال") and len(prev) >= 5
                and prev not in _BODY_OBJECTS and prev not in ("الذين", "اللذين")):
            # «واتهم الوزير المعارضة بأنها …», «رئيس الوزراء الشرطة» (F38's left: «الوزير
            # المعارضة»): a definite word takes no definite body after it as its adjective or
            # genitive; the body is the one accused or urged
            return n
        if (named and n + 1 < len(words) and _TAFIL_RE.match(word) and word not in _TAFIL_NAMES
                and _freq_noun(word)):
            return n
        if (named and n + 1 < len(words) and _MUFAALA_RE.match(word) and _freq_noun(word)
                and words[n].endswith("ة")):  # («مدافعه»: his defender, not a verbal noun)
            # «كما انتقد رجب مشاركة البحرين في حرب اليمن …، قال فيها» (F41, seed 37, 1102:
            # «— رجب مشاركة البحرين»): a verbal noun «مفاعلة» in construct after a name is
            # what he criticised or urged, as «تفعيل» is
            return n
    return 0


def _freq_noun(word: str) -> bool:
    """The folded word is a common noun: written with «ال» in the reference table."""
    return bool(_freq().get("ال" + word))


# Verbs that send a message, with the message's pronoun: «رسالة تهنئة وجهها بمناسبة …»,
# «كلمة ألقاها خلال …», «برقية بعثها إلى …». Folded (ة → ه), without the pronoun.
_SENDING = frozenset("وجه ارسل بعث القا نشر كتب اصدر بث وجهت ارسلت بعثت القت نشرت كتبت اصدرت".split())


def sent_message(words: list[str]) -> bool:
    """The words are a message and the verb that sent it, not who speaks: «تهنئة وجهها بمناسبة
    عيد النوروز» (QA50 E1, from «الرئيس ترامب، وفي رسالة تهنئة وجهها بمناسبة …، لفت إلى أن»).
    True when a sending verb with the message's pronoun follows the first word and no sender
    is named after it (only an occasion, a time or nothing)."""
    if not words or fold(words[0]) in _REPORTS:
        return False  # «تقرير نشره "مركز …"»: a report, its publisher read by the rules above
    for n in range(1, min(len(words), 3)):
        w = fold(words[n].strip(EDGE_PUNCT))
        stem = w[:-2] if w.endswith("ها") else w[:-1] if w.endswith("ه") else ""
        if stem not in _SENDING:
            continue
        rest = fold(words[n + 1].strip(EDGE_PUNCT)) if n + 1 < len(words) else ""
        return not rest or rest[:1] == "ب" or rest in STOP or rest in ("خلال", "عبر", "امس")
    return False
