"""Phrases a subject reads on through: a document with its issuer, an anonymous source with its
place (for digests.speakers.subject).

«وأفاد بيان مقتضب صدر عن مكتب رئيس المجلس»: a statement or report («بيان», «تقرير»,
«دراسة»), an indefinite adjective maybe, then «صادر/صدر عن» or «أصدره/نشره» — its issuer's name
follows and belongs to the subject (`issued_by`). «قال مصدر بالأمم المتحدة», «أفاد مصدر مقرب من
التحقيق»: where an anonymous voice stands is its only name (`placed_in`). Pure functions of
tokens (digests.speaker_words), split from digests.speakers (brief F24) to keep it under 500
lines.
"""

from __future__ import annotations

from digests.speaker_words import _DOCUMENTS, Tok
from digests.speech import STOP, cue_of, is_complementizer

# Anonymous voices named by where they stand («مصدر بالأمم المتحدة», «مسؤول بالوزارة»). Folded.
_PLACED = frozenset("مصدر مصادر مسؤول مسؤولون مسؤولين دبلوماسي دبلوماسيون ضابط".split())
# «مقرب من …», «قريبة من …» (seed 29, 5485: «مصادر قريبة من ملف الرئيس الفرنسي …»), folded
_CLOSE_TO = frozenset("مقرب مقربه مقربون مقربين قريب قريبه قريبون قريبين".split())


def placed_in(toks: list[Tok], i: int, j: int, limit: int) -> int:
    """At `j`, after an anonymous head at `i` («مصدر», «مسؤول») or its «مقرب», where it stands —
    «بالأمم المتحدة», «من التحقيق» — read to its definite words' end; the token after it, or 0."""
    t = toks[j]
    if j == i + 1 and toks[i].norm in _PLACED and t.norm.startswith("بال") and len(t.norm) > 5:
        m = j
    elif (j == i + 2 and toks[i].norm in _PLACED and toks[j - 1].norm in _CLOSE_TO
          and t.norm == "من" and j + 1 < limit and toks[j + 1].norm.startswith("ال")
          and toks[j - 1].raw[-1] not in "،,"):
        m = j + 1
    elif (j == i + 2 and toks[i].norm in _PLACED and toks[j - 1].norm in _CLOSE_TO
          and t.norm == "من" and j + 2 < limit and toks[j - 1].raw[-1] not in "،,"
          and toks[j + 1].norm.isalpha() and toks[j + 1].norm not in STOP
          and not toks[j + 1].norm.startswith("ال") and toks[j + 1].raw[-1] not in "،,:;؛."
          and cue_of(toks[j + 1].raw)[1] is None and toks[j + 2].norm.startswith("ال")
          and not is_complementizer(toks[j + 2].norm)):
        # «مصادر قريبة من ملف الرئيس الفرنسي الأسبق» (seed 29, 5485: «مصادر قريبة»): a
        # construct, an indefinite noun and its definite genitive
        m = j + 2
    else:
        return 0
    if (toks[m - 1].raw[-1] in "،,:;؛." and m > j) or any(q in toks[m].raw for q in "\"“”«»„"):
        return 0
    end = m + 1
    while (end < limit and end - m < 3 and toks[end - 1].raw[-1] not in "،,:;؛."
           and toks[end].norm.startswith("ال") and not is_complementizer(toks[end].norm)
           and not any(q in toks[end].raw for q in "\"“”«»„")
           and toks[end].norm not in STOP and not cue_of(toks[end].raw)[1]):
        end += 1
    return end


# Documents and reports that a subject names with their issuer. Folded.
ISSUABLE = _DOCUMENTS | {"تقرير", "دراسه"}  # «تقرير صادر عن اليونيسف» (5271)
_ISSUED = frozenset("صادر صادره صدر صدرت".split())  # folded
_ISSUED_IT = frozenset("اصدره اصدرته نشره نشرته".split())  # folded: «issued/published it»


def issued_by(toks: list[Tok], j: int, limit: int) -> int:
    """After the document at `j`, the token past «صادر/صدر عن» or «أصدره/نشره» («بيان صادر عن»,
    «بيان مقتضب صدر عن», «بيان أصدره»: one indefinite adjective may come between), where its
    author's name starts; 0: none."""
    m = j + 1
    if (m < limit and not toks[m].norm.startswith("ال")
            and toks[m].norm not in _ISSUED | _ISSUED_IT
            and toks[m].raw[-1] not in "،,:;؛." and toks[m].norm.isalpha()
            and cue_of(toks[m].raw)[1] is None and toks[m].norm not in STOP):
        m += 1  # «مقتضب», «مشترك»: the statement's adjective
    if toks[j].raw[-1] in "،,:;؛." or m + 1 >= limit or toks[m].raw[-1] in "،,:;؛.":
        return 0
    if toks[m].norm in _ISSUED and toks[m + 1].norm == "عن":
        # («تقرير صادر عن "مؤسسة …"»: a quoted issuer is not read here, 4169)
        return m + 2 if m + 2 < limit and toks[m + 2].raw[:1] not in "\"“”«»„" else 0
    if toks[m].norm in _ISSUED_IT and toks[m + 1].norm not in STOP:
        return m + 1  # «وقال بيان أصدره الجيش إن», «بيان نشره الموقع الرسمي لـX»
    return 0
