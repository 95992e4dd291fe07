"""The source whose words are relayed at a speech cue: «نقلت الوكالة عن X», «على لسان X».

digests.vso_speakers reads the subject after a speech verb; when that verb relays («ونقلت
الوكالة عن المتحدث X قوله»), «نقلا عن» follows its subject or the words are «على لسان» someone,
the one relayed speaks, not the medium (`relayed_speaker`). `after_lam` reads a speaker glued to
«ل» («وفقا لتورنبول», «بيانا لوزارة النقل»), for digests.cue_speakers and
digests.participle_subjects too. Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

from digests.speakers import RELAYING, Tok, subject, tokens
from digests.speech import OBJECT_PRONOUNS, STATEMENTS, is_complementizer

RELAY_VERBS = frozenset(("نقل", "نقلت", "ينقل", "تنقل", "ونقل", "ونقلت"))
RELAYED_PRONOUNS = {"عنه": "m", "عنها": "f"}  # «نقلت الوكالة عنه»: his words, not the agency's
# «مسؤول أميركي نقلت أقواله صحيفة X» (F13): the words relayed are the one's named before. Folded.
# «ونقل موقع "فردا نيوز" تأكيده أن …» (seed 29, 4078: «— موقع "فردا نيوز" تأكيده»): his
# saying or affirming, relayed; he was named before.
RELAYED_PRONOUNS.update({w: g for g, ws in (
    ("m", "اقواله تصريحاته كلامه قوله تاكيده تصريحه"),
    ("f", "اقوالها تصريحاتها كلامها قولها تاكيدها تصريحها")) for w in ws.split()})

# His or her saying, after «عن X»: «عن الوزير قوله إن …». Folded.
_SAYING_OF = frozenset("قوله قولها قولهم".split())
# A saying in construct with its owner after the relaying medium: «ونقل البيان قول السيسي …»
# (F45, QA70-9: «— البيان قول السيسي …»), «نقلت الصحيفة تصريحات الوزير». Folded.
_SAYING_NOUNS = frozenset("قول كلام تصريح تصريحات اقوال".split())
# «نقلت الصحيفة بيانا لوزارة النقل قالت فيه»: the document's author speaks. Folded.
DOCUMENTS = frozenset("بيانا تصريحا تصريحات رساله كلمه تغريده مقتطفات نص".split())
# The same documents in construct with their author: «بيان الخارجية», «تصريحات الوزير». Folded.
_HELD_DOCUMENTS = STATEMENTS | frozenset("رساله كلمه نص".split())


def after_lam(toks: list[Tok], m: int, last: int) -> tuple[str, int]:
    """The speaker written at token `m` behind a glued «ل»: «لوزارة النقل» → «وزارة النقل»,
    «للوزارة» → «الوزارة», «لـ"سانا"» → «"سانا"»; and the first token after it."""
    raw = toks[m].raw
    if toks[m].norm in OBJECT_PRONOUNS:
        return "", m + 1  # «وفقا له»: the one named before
    bare = raw[2:] if raw.startswith("لـ") else "ا" + raw[1:] if raw.startswith("لل") else raw[1:]
    if not bare:
        return "", m + 1
    head = tokens(bare)
    if len(head) != 1:
        return "", m + 1
    t = toks[m]
    lifted = Tok(t.start, t.end, bare, head[0].norm)
    return subject([*toks[:m], lifted, *toks[m + 1:]], m, last)


def relayed_speaker(toks: list[Tok], k: int, j: int, last: int, norm: str,
                    speaker: str) -> tuple[str, int]:
    """The speaker of the verb at `k` (its cue form `norm`) when the words are someone else's,
    and the first token after it; else `speaker` read after the verb, ending before `j`."""
    if norm in RELAY_VERBS:
        # «ونقلت الوكالة عن المتحدث X قوله …»: the speaker follows «عن».
        # (up to 8 words; or where the publisher read after the verb ends: «ونقل موقع "كوين
        # ديسك" المتخصص بأخبار العملات الرقمية عن سنودن قوله» — seed 21, 6135)
        reach = max(k + 8, subject(toks, k + 1, last, after_verb=True)[1] + 1)
        for m in range(k + 1, min(last, reach)):
            if m >= k + 8 and toks[m].norm != "عن":
                continue  # (past eight words only «عن» itself: «… يونكر عنه» stays as before)
            if toks[m].norm == "عن":
                speaker, j = subject(toks, m + 1, last)
                break
            if (k + 1 < m <= j and toks[m].norm in _SAYING_NOUNS and m + 1 < last
                    and toks[m - 1].raw[-1].isalpha() and toks[m].raw[-1].isalpha()
                    and toks[m + 1].raw[0].isalpha() and toks[m + 1].norm not in OBJECT_PRONOUNS):
                # «ونقل البيان قول السيسي لضباط …» (F45, QA70-9): the medium relays the saying
                # of the one in construct with it, who speaks (as «نقلت X عن Y قوله»)
                owner, end = subject(toks, m + 1, last)
                if owner:
                    speaker, j = owner, end
                    break
            if toks[m].norm in RELAYED_PRONOUNS:
                # «ونقلت الوكالة عنه قوله»: the one relayed was named before.
                speaker, j = "", m + 1
                break
            if toks[m].norm == "لسان" and toks[m - 1].norm == "علي":
                # «نقلت وسائل إعلام على لسان فريدمان»: the one whose words they are.
                speaker, j = subject(toks, m + 1, last)
                break
        else:
            if (j + 1 < last and toks[j].norm in DOCUMENTS
                    and toks[j + 1].raw.startswith("ل")):
                # «ونقلت صحيفة X بيانا لوزارة النقل قالت فيه»: the ministry speaks.
                speaker, j = after_lam(toks, j + 1, last)
            elif (j + 1 < last and toks[j].norm in _HELD_DOCUMENTS
                  and toks[j].raw[-1] not in "،,:" and toks[j + 1].norm.startswith("ال")):
                # «ونقلت وكالة سبوتنيك بيان الخارجية وجاء فيه: "…"» (F38, seed 36, 4105: shown
                # as Sputnik's words): the document's author, its genitive, speaks.
                came = next((m for m in range(j + 1, min(last, j + 9))
                             if toks[m].norm in ("جاء", "وجاء")), last)  # «وجاء فيه» ends it
                author, end = subject(toks, j + 1, came)
                if author:
                    speaker, j = author, end
    elif speaker and any(toks[m].norm == "لسان" and toks[m - 1].norm == "علي"
                         for m in range(j + 1, min(last, k + 10))):
        # «وأضافت الوزارة مقتطفا آخر للمقابلة على لسان الأمير قوله:» (QA13 4939): the words
        # are the one's on whose tongue they are, not the publisher's (with no publisher
        # written, «وقالت على لسان المتحدث باسمها» stays the group's, named before).
        m = next(m for m in range(j + 1, min(last, k + 10))
                 if toks[m].norm == "لسان" and toks[m - 1].norm == "علي")
        if not any(is_complementizer(toks[n].norm) for n in range(j, m)):
            speaker, j = subject(toks, m + 1, last)
    elif speaker and j + 1 < last and toks[j].norm == "عن" and toks[j - 1].raw[-1].isalpha():
        # «وتابع البيان عن وزير الدولة لشؤون التراث مايكل إيليس قوله إنه "…"» (F41, seed 37,
        # 3991: «— وكالة …»): a verb that does not relay by itself, «عن X» and X's «قوله»:
        # the one whose saying it is speaks, not the statement that quoted him
        relayed, end = subject(toks, j + 1, last)
        if relayed and end < last and toks[end].norm in _SAYING_OF:
            speaker, j = relayed, end + 1
    elif j + 1 < last and toks[j].norm in RELAYING and toks[j + 1].norm == "عن":
        # «قالت الوكالة نقلا عن مصدر حكومي إن …»: the source relayed is the speaker.
        speaker, j = subject(toks, j + 2, last)
    return speaker, j
