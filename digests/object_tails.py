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
