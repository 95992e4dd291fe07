"""Who speaks at a speech cue: the speaker written at it, or written elsewhere in its sentence.

digests.speech_cues finds a cue word; this reads its speaker as written: the subject after the
verb (VSO), the source after «نقلت الوكالة عن» or «نقلا عن», the subject before it (SVO, after a
pronoun, between «كان» and the verb), the noun a relative clause describes, the author of
«بيانا قال فيه». It also trims a subject that ran into the verb's object («رفضت إليسا
مصافحتها», «ولخص الفيديو الحرب»); the checks that reject a clause misread as a name
(`plausible_speaker`) and the trims after «اتهم», «دعا» … are digests.speaker_checks (re-exported
here); a participle's unwritten subject is digests.participle_subjects, a sentence's opening
subject digests.sentence_openers. Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

import re

from digests.speaker_checks import (  # re-exported: the checks and trims of a subject
    OBJECT_VERBS,
    SHARE_RE,
    _RELATION_OBJECTS,
    _adjective,
    bare_medium,
    colon_cut,
    conjunction_cut,
    describing_verb_cut,
    no_voice,
    nominative,
    object_cut,
    plausible_speaker,
    tail_cut,
)
from digests.fronted_speakers import amma_subject, antecedent, speaker_before
from digests.speakers import RELAYING, Tok, subject, tokens
from digests.speech import (
    STOP,
    CLAUSE_CONJ,
    OBJECT_NOUNS,
    IN_WHICH,
    OBJECT_PRONOUNS,
    PUBLISHING,
    RELATIVES,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
)

_KANA = frozenset(("كان", "كانت", "كانوا"))
# «ومضت تقول "…"», «وراح يقول»: a verb of going on before a present speech verb is no subject;
# the voice is the one speaking before (folded, «و»/«ف» stripped).
_WENT_ON_SAYING = frozenset("مضي مضت راح راحت ظل ظلت".split())
# A pronoun written before the verb is its subject («لكنه قال», «وهو يؤكد»).
_PRONOUN_SUBJECTS = frozenset("لكنه ولكنه لكنها ولكنها وهو وهي فهو فهي".split())
ABOVE = frozenset("فوقها فوقه تحتها".split())  # «نشر X صورة … وكتب فوقها "…"»: X's caption
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
RELAY_VERBS = frozenset(("نقل", "نقلت", "ينقل", "تنقل", "ونقل", "ونقلت"))
RELAYED_PRONOUNS = {"عنه": "m", "عنها": "f"}  # «نقلت الوكالة عنه»: his words, not the agency's
# «مسؤول أميركي نقلت أقواله صحيفة X» (F13): the words relayed are the one's named before. Folded.
RELAYED_PRONOUNS.update({w: g for g, ws in (("m", "اقواله تصريحاته كلامه"),
                                            ("f", "اقوالها تصريحاتها كلامها"))
                         for w in ws.split()})


# «وفقا لتورنبول»: the «ل» of these prepositions is glued to the speaker.
_BY_LAM = frozenset("وفقا ووفقا وفق ووفق طبقا وطبقا".split())
# «نقلت الصحيفة بيانا لوزارة النقل قالت فيه»: the document's author speaks. Folded.
_DOCUMENTS = frozenset("بيانا تصريحا تصريحات رساله كلمه تغريده مقتطفات نص".split())


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


# «بيانا يوم الثلاثاء يؤكد»: when the statement was issued, between it and its verb. Folded.
_WHEN_ISSUED = frozenset("يوم اليوم امس الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت".split())
# «وحسب رويترز، أبلغ X …»: an attribution opening the sentence is not the telling verb's subject.
_BY_PREPS = frozenset("حسب بحسب وفق وفقا طبقا".split())
# «المصدر نفسه», «المسؤول ذاته»: the one named before. Folded.
_ANAPHORS = frozenset("نفسه نفسها ذاته ذاتها".split())
# What a slogan is written on («لافتات كتب عليها "…"»). Folded.
_BANNERS = frozenset("لافتات لافته لافته يافطات يافطه شعارات لوحات لوحه".split())


# «أبلغ/يبلغ»: told someone — the person told follows the verb at once. Folded.
_INFORM = frozenset("ابلغ ابلغت يبلغ تبلغ".split())


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


def _described_by(toks: list[Tok], k: int, read: str, j: int, last: int) -> tuple[str, int]:
    """The subject of «وصف» at token `k` read as `read` (up to `j`), when subject and object
    may run together: the one `_before_relation` finds, else `_describer_subject`'s, else ""
    (with the token to read on from)."""
    speaker, j_rel = _before_relation(toks, k + 1, j)
    if speaker:
        return speaker, j_rel
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
_HEADS = frozenset(
    "عضو اعضاء رئيس رئيسه مدير مديره وزير وزيره نائب امين سفير قائد زعيم مؤسس ممثل مندوب"
    " متحدث ناطق مسؤول مصدر خبير محلل مستشار مراسل كاتب باحث استاذ طبيب محامي محام قاضي لاعب"
    " مدرب نجم حارس مهاجم عميد شيخ امير ملك ولي وسائل مصادر منظمات جماعات جهات اوساط قوات"
    " فصائل عناصر سكان اهالي اهل بعض معظم اغلب كل جميع".split())
# What the object of «وصف» opens with, after which the subject read before it is whole. Folded.
_OBJECT_STOPS = OBJECT_NOUNS | frozenset("هذه هذا هذان هاتان هؤلاء تلك ذلك ايضا".split())


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
                and (fold(names[n]).endswith(("ها", "هم", "هما")) or _verbal_noun(names[n]))),
               len(names))
    return " ".join(names[:cut])


def _verbal_noun(word: str) -> bool:
    """«التقليل», «التعليق», «التعامل»: the definite verbal noun of form II or VI (what «رفض»
    refused: «ورفض جونسون التقليل من …»); not «التركي», «التشيك» (an adjective, a name)."""
    w = fold(word)
    return len(w) == 7 and w.startswith("الت") and (w[5] == "ي" or w[4] == "ا")


# Plural speech verbs whose subject may be the indefinite plural just before them. Folded.
_SAID_PLURAL = frozenset("قالوا اعتبروا اكدوا صرحوا اوضحوا اشاروا ذكروا افادوا اعلنوا راوا"
                         " اضافوا حذروا شددوا لفتوا".split())


# Whom «أبلغ» told when it stands last in the subject read after it. Folded.
_TOLD = frozenset("الشرطه السلطات الصحفيين الصحافيين المحققين المحكمه النيابه المراسلين".split())
# Media nouns that open whom «أبلغ» told: «قناة فوكس نيوز», «صحيفة …». Folded.
_MEDIA = frozenset("قناه صحيفه وكاله اذاعه تلفزيون مجله موقع شبكه".split())
# Titles that open a subject of their own: «…، وقال وزير الخارجية X "…"» is the minister
# speaking, not the one a cue before named. Folded, without «ال».
_TITLES = frozenset("وزير وزيره رئيس رئيسه متحدث متحدثه ناطق ناطقه سفير سفيره مدير مديره"
                    " قائد زعيم نائب مستشار".split())


def _titled(t: Tok) -> bool:
    """«وزير», «المتحدث»: a title that opens the subject of a verb before it."""
    return t.norm.removeprefix("ال") in _TITLES


def _plural_before(toks: list[Tok], k: int, first: int) -> str:
    """«ما أثار انتقاد مسؤولين كبار في الكونغرس اعتبروا أن …» (QA13 3416): a plural verb right
    after an indefinite plural noun phrase describes it, and that noun is its subject (not the
    last speaker named)."""
    head = None
    for m in range(k - 1, max(first - 1, k - 6), -1):
        t = toks[m]
        if (t.raw[-1] in "،,:.\"”»" or cue_of(t.raw)[1] is not None or t.norm in RELATIVES
                or (t.norm in STOP and t.norm != "في")):
            break
        if (len(t.norm) >= 6 and t.norm.endswith(("ين", "ون"))
                and not t.norm.startswith(("ال", "وال", "بال", "لل"))):
            head = m  # the first of «مسؤولون عراقيون»: the noun, not its adjective
    return " ".join(toks[x].raw for x in range(head, k)) if head is not None else ""


def written_speaker(toks: list[Tok], k: int, first: int, last: int, kind: str, prev: str,
                     content_open: bool, named_before: bool) -> tuple[str, int] | None:
    """The speaker written at the cue (or "") and the first token after it; None: no cue here.

    `named_before`: an earlier cue of the sentence names its speaker (a «وقال» after it is
    coordinated: same speaker, nothing to read after the verb).
    """
    t = toks[k]
    norm = cue_of(t.raw)[0]
    speaker = ""
    j = k + 1
    coordinated = (kind == "verb" and t.norm.startswith("و") and k > first
                   and not (k + 1 < last and _titled(toks[k + 1]))
                   and named_before and described(t.norm) is None)
    if (kind == "verb" and not content_open and not coordinated and prev == "قد"
            and norm not in RELAY_VERBS
            and any(strip_conj(toks[m].norm) in _KANA for m in range(max(first, k - 12), k))):
        kana = _kana_subject(toks, k, first)
        if kana:
            # «وكانت السلطات قد هددت النساء المحتجات بأنهن …»: the subject is written between
            # «كان» and «قد»; the words after the verb are its object.
            return kana, k + 1
    if (kind == "verb" and not content_open and strip_conj(norm) in OBJECT_VERBS
            and k + 1 < last and toks[k + 1].norm in IN_WHICH):
        # «فيديو اتهم فيه السلطات بمنعه»: «فيه» refers back; the words after it are the object.
        return "", k + 2
    if (kind == "verb" and not content_open and strip_conj(norm) in ("كتب", "كتبت")
            and k > first and k + 1 < last and toks[k + 1].norm in ("عليها", "عليه")
            and toks[k - 1].norm in _BANNERS):
        # «ورفع المتظاهرون لافتات كتب عليها "…"» (QA18 R11): those who raised the banners
        # speak, not «ورفع المتظاهرون لافتات» read backwards from the verb.
        raised = subject(toks, first + 1, k - 1)[0] if _opening_verb(toks[first]) else ""
        return (raised if plausible_speaker(raised) else ""), k + 2
    issued = next((m for m in range(k - 1, max(first, k - 4) - 1, -1)
                   if toks[m].norm in _DOCUMENTS), None) if k > first else None
    if (kind == "verb" and not content_open and not coordinated and issued is not None
            and t.norm[:1] in "يت" and all(toks[m].norm in _WHEN_ISSUED
                                          for m in range(issued + 1, k))):
        # «وأصدر ريال مدريد بيانا يؤكد إصابة اللاعب …» (QA18 R8): the statement's issuer
        # speaks; the words after the verb are what it confirms.
        publisher = _publisher(toks, k, first)
        if publisher is not None:
            words = publisher.split()
            while words and fold(words[-1]) in _DOCUMENTS:
                words.pop()
            return " ".join(words), k + 1
    if kind == "verb" and not content_open and not coordinated and not t.raw.endswith(":"):
        speaker, j = subject(toks, k + 1, last, after_verb=True)
        if (fold(speaker) == "بعض" and j < last and toks[j].norm.startswith("ال")
                and cue_of(toks[j].raw)[1] is None and not is_complementizer(toks[j].norm)):
            # «وقال بعض التقارير إن …» (QA18 R2): «بعض» names nobody without its noun.
            speaker, j = speaker + " " + toks[j].raw.rstrip("،,:"), j + 1
        words = speaker.split()
        if len(words) == 2 and fold(words[1]) in _ANAPHORS:
            # «وأضاف المصدر نفسه أنه …» (QA18 R2): «the same source» is the one named before
            # (as «وأضاف» alone is); shown out of its article it names nobody.
            speaker = ""
        share = SHARE_RE.match(" ".join(toks[m].raw for m in range(k + 1, min(last, k + 6))))
        if not speaker and share and "%" not in share.group(0) and "٪" not in share.group(0):
            # «قال 48 بالمئة من العينة إن …» (QA13 5582): the share of those polled speaks, with
            # «من …» up to its «إن» (the last named speaker was put in its place).
            j = k + 1 + len(share.group(0).split())
            of = next((m for m in range(j, min(last, j + 6)) if is_complementizer(toks[m].norm)),
                      None)
            if of is not None and (toks[j].norm in ("من", "ممن") or (
                    toks[j].norm == "فقط" and toks[j + 1].norm in ("من", "ممن"))):
                j = of  # «44 في المئة ممن شملهم الاستطلاع», «9 في المئة فقط من المشاركات»
            speaker = " ".join(toks[m].raw for m in range(k + 1, j)).rstrip("،,:")
        if not speaker and strip_conj(norm) in _SAID_PLURAL:
            speaker = _plural_before(toks, k, first)  # «انتقاد مسؤولين كبار اعتبروا أن»
        if not speaker and _reports_subject(toks, k, last, norm):
            # «وتفيد تقارير بأن …»: unnamed reports are the subject («بحسب تقارير، …»), not
            # the object noun «تقارير» that ends a subject elsewhere; else the last named
            # speaker was given their words.
            j = k + 2 + (k + 2 < last and _REPORT_ADJ.match(toks[k + 2].raw) is not None)
            speaker = " ".join(toks[m].raw for m in range(k + 1, j)).rstrip("،,:")
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
                if toks[m].norm in RELAYED_PRONOUNS:
                    # «ونقلت الوكالة عنه قوله»: the one relayed was named before.
                    speaker, j = "", m + 1
                    break
                if toks[m].norm == "لسان" and toks[m - 1].norm == "علي":
                    # «نقلت وسائل إعلام على لسان فريدمان»: the one whose words they are.
                    speaker, j = subject(toks, m + 1, last)
                    break
            else:
                if (j + 1 < last and toks[j].norm in _DOCUMENTS
                        and toks[j + 1].raw.startswith("ل")):
                    # «ونقلت صحيفة X بيانا لوزارة النقل قالت فيه»: the ministry speaks.
                    speaker, j = after_lam(toks, j + 1, last)
        elif speaker and any(toks[m].norm == "لسان" and toks[m - 1].norm == "علي"
                             for m in range(j + 1, min(last, k + 10))):
            # «وأضافت الوزارة مقتطفا آخر للمقابلة على لسان الأمير قوله:» (QA13 4939): the words
            # are the one's on whose tongue they are, not the publisher's (with no publisher
            # written, «وقالت على لسان المتحدث باسمها» stays the group's, named before).
            m = next(m for m in range(j + 1, min(last, k + 10))
                     if toks[m].norm == "لسان" and toks[m - 1].norm == "علي")
            if not any(is_complementizer(toks[n].norm) for n in range(j, m)):
                speaker, j = subject(toks, m + 1, last)
        elif j + 1 < last and toks[j].norm in RELAYING and toks[j + 1].norm == "عن":
            # «قالت الوكالة نقلا عن مصدر حكومي إن …»: the source relayed is the speaker.
            speaker, j = subject(toks, j + 2, last)
        if norm in _DESCRIBE and not (speaker and toks[j - 1].raw[-1] in "،,"):
            # «ووصف بولتون التدخل الروسي بأنه …»: subject and object run together after «وصف»;
            # only a subject set off by a comma («ووصف الرئيس، …، الهجوم») is trusted, or one
            # that his own «نظيره/مساعديه …» ends («وصف الرئيس X نظيره السوري بـ"…"، قائلا»),
            # or one the reading ended before the description (`_describer_subject`).
            speaker, j = _described_by(toks, k, speaker, j, last)
        if strip_conj(norm) in _INFORM and speaker and not t.norm.startswith(("و", "ف")):
            # «أن الرئيس الفرنسي أبلغ أردوغان …، بأنه "…"»: after «أن» the subject is written
            # before «أبلغ»; the name after it is whom he told (QA13 1831).
            before = speaker_before(toks, k, first, max_words=5)
            n = len(before.split())
            if before and k - n - 1 >= first and toks[k - n - 1].norm in ("ان", "بان", "وان"):
                speaker = before
            elif (before and k - n == first and plausible_speaker(before)
                  and not any(toks[m].raw.endswith(("،", ",")) for m in range(first, k))
                  and strip_conj(toks[first].norm) not in _BY_PREPS):
                # «عباس أبلغ الرئيس الروسي بأن …» (QA18 R1): the sentence opens with the
                # subject; the one named after the verb is whom he told.
                speaker = before
            elif any(strip_conj(toks[m].norm) in _KANA for m in range(max(first, k - 12), k)):
                kana = _kana_subject(toks, k, first)
                if kana and plausible_speaker(kana) and not any(
                        _predicate_word(w) for w in kana.split()):
                    speaker = kana  # «وكان عباس أبلغ الرئيس الروسي، …، بأن …» (QA18 R1)
        if strip_conj(norm) in _INFORM and len(speaker.split()) > 1 and fold(
                speaker.split()[-1]) in _TOLD:
            # «وأبلغت أسرة كيارا الشرطة أنها …» (QA13 5468): the police are whom she told.
            speaker = speaker.rsplit(" ", 1)[0]
        if strip_conj(norm) in _INFORM and len(speaker.split()) > 1:
            # «وأبلغ الوزير قناة فوكس نيوز التلفزيونية قائلا "…"» (F14's left): a medium named
            # after the subject is whom he told, with all its name.
            words = speaker.split()
            cut = next((n for n in range(1, len(words)) if fold(words[n]) in _MEDIA), 0)
            if cut:
                speaker = " ".join(words[:cut])
        if _considered_object(norm, speaker, toks, j, last):
            # «واعتبرت الخطوة "انتهاكا صارخا"»: «اعتبر X Y» — the definite noun right after the
            # verb is what was considered, its accusative predicate in the marks; the subject
            # is the pronoun (F8's leftover).
            speaker, j = "", k + 1
        if prev in _PRONOUN_SUBJECTS:
            # «ولكنه ينفي ممارسته …»: the subject is the pronoun; what follows the verb is its
            # object, never a speaker.
            speaker, j = "", k + 1
    elif kind == "verb" and content_open and (
            prev in CLAUSE_CONJ or (k > first and toks[k - 1].raw.endswith(("،", ",")))):
        # a new main clause, its own speaker; «…"، وأضاف: مر وقت طويل …» (K12): after the
        # colon on the verb come the words said, never a subject
        if k + 1 < last and toks[k + 1].norm in IN_WHICH and not t.norm.startswith(("و", "ف")):
            # «… أن أجهزة الاستخبارات اعترضت محادثات بين X، الذي تسميه وسائل الإعلام "شيف"
            # الرئيس الروسي، فلاديمير بوتين، قال فيها …» (QA19 N1): «فيها» refers back to a
            # noun the reported clause described, so the name before the comma is no subject;
            # only a document's publisher speaks («…، أصدر بيانا، قال فيه»); else nobody
            # written here (digests.speech_cues ends the reported clause at the verb).
            publisher = _publisher(toks, k, first)
            return (publisher if publisher and plausible_speaker(publisher) else ""), k + 2
        speaker, j = ("", k + 1) if t.raw.endswith(":") else subject(toks, k + 1, last)
        if norm in _DESCRIBE and speaker and toks[j - 1].raw[-1] not in "،,":
            # «…، كما وصف العلاقات مع إيران بأنها "…"»: as after a sentence's «وصف» (below)
            speaker, j = _described_by(toks, k, speaker, j, last)
        if not speaker and prev not in CLAUSE_CONJ and not t.norm.startswith(("و", "ف")):
            # «أن X، نائب الوزير، أوضح أن …»: the subject is written before the verb; «إن X،
            # الذي …، أقر بأنه …» (seed 21, 5336): X, not the relative clause's last words.
            speaker = (_relative_head(toks, k, first, last)
                       or speaker_before(toks, k, first))
    elif kind == "verb" and content_open:
        # A verb inside reported speech: an SVO clause «X قال إن» re-attributes it, and
        # «…، وتابع أن …» starts the same speaker's next statement; other verbs are speech.
        follows = k + 1 < last and is_complementizer(toks[k + 1].norm)
        before = speaker_before(toks, k)
        after, after_end = subject(toks, k + 1, last)
        if before and not plausible_speaker(before) and after and after_end < last and (
                is_complementizer(toks[after_end].norm)):
            # «وبينما زعمت X أن الحريق كان لأسباب عرضية أكدت مصادر محلية أن …»: the words
            # before the verb end the first clause; its subject is written after it.
            before = after
        if t.norm.startswith("و") and follows:
            speaker = ""
        elif before and k + 3 < last and any(is_complementizer(toks[m].norm)
                                             for m in range(k + 1, min(last, k + 4))):
            speaker = before
        elif _reported_subject(toks, k, last):
            # «ونقلت الوكالة أن النائب العام طارق وليام صعب قال على حسابه تويتر إنه "…"»: the
            # subject between «أن» and the verb speaks, whatever words come before his «إنه»
            # (QA13 6620: the quote went to the agency that relayed it).
            speaker = _reported_subject(toks, k, last)
        elif _reported_publisher(toks, k, first, last):
            speaker = _reported_publisher(toks, k, first, last)
        elif before and _rebuttal(toks, k, before, last):
            # «وكان X قد أعلن أن …، لكن مكتب الرئيسة قال في بيان: "…"»: the contrasted clause
            # is a new voice answering X, not X's words (QA13 4165).
            speaker = before
        else:
            return None
    elif kind == "prep":
        # «بحسب ما قاله X», «وفقا لما نقلته X»: the verb after «ما» is the cue.
        if k + 1 < last and toks[k + 1].norm in {"ما", "لما"}:
            return None
        if norm in _BY_LAM and k + 1 < last and toks[k + 1].raw.startswith("ل"):
            speaker, j = after_lam(toks, k + 1, last)  # «ووفقا لتورنبول فإن …»
        else:
            speaker, j = subject(toks, k + 1, last)
    return speaker, j


def _relative_head(toks: list[Tok], k: int, first: int, last: int) -> str:
    """Inside a reported clause, «… إن رجل الأعمال X، الذي لعب دور الوسيط …، أقر بأنه …»: the
    words from the clause's «إن/أن» up to «، الذي/التي» are the subject of the verb at `k`
    (after a comma), when its own «أن/إن» follows within six words; "" otherwise."""
    if not toks[k - 1].raw.endswith(("،", ",")) or not any(
            is_complementizer(toks[m].norm) for m in range(k + 1, min(last, k + 7))):
        return ""
    comp = next((m for m in range(k - 1, first - 1, -1) if is_complementizer(toks[m].norm)), None)
    if comp is None:
        return ""
    rel = next((m for m in range(comp + 2, k) if toks[m].norm in RELATIVES
                and toks[m - 1].raw.endswith(("،", ","))), None)
    if rel is None or any(cue_of(toks[m].raw)[1] is not None for m in range(comp + 1, rel)):
        return ""
    words = [toks[m].raw for m in range(comp + 1, rel)]
    name = " ".join(words).strip("،, ")
    if not 1 <= len(words) <= 9 or any(q in name for q in "\"«»“”:") or not plausible_speaker(name):
        return ""
    return name


def _reported_subject(toks: list[Tok], k: int, last: int) -> str:
    """The SVO subject of the verb at `k` when «أن» opens it («… أن X قال …»), up to six words,
    and the verb's own «إن/أن» or colon follows within seven words without a comma; else ""."""
    name = speaker_before(toks, k, max_words=6)
    n = len(name.split())
    if not name or k - n - 1 < 0 or toks[k - n - 1].norm not in ("ان", "بان", "وان"):
        return ""
    if k + 1 >= last or not (toks[k + 1].norm in _WHERE_SAID or toks[k + 1].norm[:1] == "ل"):
        return ""  # «أن X أبلغ السفير ضرورة أن …»: an object, then another clause's «أن»
    for m in range(k + 1, min(last, k + 8)):
        if is_complementizer(toks[m].norm) or toks[m].raw.endswith(":"):
            return name if plausible_speaker(name) else ""
        if toks[m].raw[-1] in "،,\"«»“”" or cue_of(toks[m].raw)[1] is not None:
            return ""
    return ""


_REPORTING = frozenset("تفيد يفيد افادت افاد تشير اشارت ذكرت تذكر قالت تقول".split())
# «تقارير إعلامية/بريطانية/صحفية»: a relative adjective in «ـية» after «تقارير».
_REPORT_ADJ = re.compile(r"^[\u0621-\u064a]{2,}ية[،,]?$")


def _reports_subject(toks: list[Tok], k: int, last: int, norm: str) -> bool:
    """Token `k` is a verb of reporting and «تقارير» (reports) right after it is its subject."""
    return (strip_conj(norm) in _REPORTING and k + 1 < last
            and toks[k + 1].norm in ("تقارير", "التقارير"))


_WHERE_SAID = frozenset("في علي عبر خلال امام".split())  # «قال على حسابه …», «في تغريدة»
_BUT = frozenset("لكن ولكن".split())


def _rebuttal(toks: list[Tok], k: int, before: str, last: int) -> bool:
    """The verb at `k` inside reported speech is «، لكن X قال …:»: «لكن» after a comma, then
    the subject `before`, then a colon within six words (the new voice's own words follow)."""
    n = len(before.split())
    at = k - n - 1
    if at < 1 or toks[at].norm not in _BUT or not toks[at - 1].raw.endswith(("،", ",")):
        return False
    return plausible_speaker(before) and any(
        toks[m].raw.endswith(":") for m in range(k, min(last, k + 7)))


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


# «نشر X سلسلة تغريدات قال في إحداها "…"»: one of the posts the publisher put out.
_ONE_OF = frozenset("احداها احدها اخرها اولها احداهما".split())
_SERIES = frozenset("سلسله مجموعه عدد".split())


def _publisher(toks: list[Tok], k: int, first: int) -> str | None:
    """Who published the document of «… بيانا قال/جاء فيه» at token `k`: the subject of the
    publishing verb between `first` and `k` («نشر نيمار تغريدة», «الوزارة أصدرت بيانا»); ""
    when none is written, None when no publishing verb is there."""
    pub = next((m for m in range(k - 1, first - 1, -1)
                if strip_conj(toks[m].norm) in PUBLISHING), None)
    if pub is None:
        return None
    after = subject(toks, pub + 1, k)[0]
    while after.split() and fold(after.split()[-1]) in _SERIES:
        after = after.rsplit(" ", 1)[0] if " " in after else ""  # «X سلسلة تغريدات»
    if after:
        return after
    # «لكن رئاسة الأركان كانت أصدرت بيانا أشارت فيه …»: the publisher is written before.
    verb = pub - 1 if pub > first and strip_conj(toks[pub - 1].norm) in _KANA else pub
    return speaker_before(toks, verb, first)


def _reported_publisher(toks: list[Tok], k: int, first: int, last: int) -> str:
    """Inside reported speech, «… أن X أصدر بيانا جاء فيه "…"» (QA13 3823): the body that
    issued the document speaks, not the agency that reported it; "" when the verb at `k` is not
    «قال/جاء فيه» after a publishing verb whose subject is written inside the clause."""
    if not (k + 1 < last and toks[k + 1].norm in IN_WHICH):
        return ""
    comp = next((m for m in range(k - 1, first - 1, -1) if is_complementizer(toks[m].norm)),
                None)
    if comp is None:
        return ""
    publisher = _publisher(toks, k, comp + 1)
    return publisher if publisher and plausible_speaker(publisher) else ""


def unwritten_speaker(toks: list[Tok], k: int, first: int, last: int, prev: str,
                       content_start: int | None, content_open: bool) -> str | None:
    """A verb's speaker written elsewhere than after it ("" when none); None: not a cue at all."""
    t = toks[k]
    in_one = (k + 2 < last and toks[k + 1].norm == "في" and toks[k + 2].norm in _ONE_OF)
    if k + 1 < last and (toks[k + 1].norm in IN_WHICH or in_one
                         or (strip_conj(t.norm) in ("كتب", "كتبت") and toks[k + 1].norm in ABOVE)):
        # «نشر نيمار تغريدة قال فيها: …», «أصدرت الشركة بيانا تقول فيه إنها …», also after an
        # opening phrase («وبعد الإعلان عن طرده، نشر ترامب تغريدة قال فيها»).
        publisher = _publisher(toks, k, first)
        if publisher is not None:
            return publisher
    if prev in RELATIVES:
        if content_start is None:
            # «الوزراء الذين اتهموا بالفساد»: a relative clause without speech is no cue (and
            # names nobody a later «قائلا:» could mean).
            return None
        hit = cue_of(toks[k].raw)[1]
        if hit is not None and hit[0] == "verb" and toks[k - 1].norm in ("التي", "الذي") and (
                hit[1] == "f") != (toks[k - 1].norm == "التي"):
            # «الرياض التي قال إنه يرغب بأن تقوم …» (F13): the verb does not agree with the
            # noun, so its subject is someone else (the one speaking), not the noun described.
            return ""
        # «الشهود الذين قالوا إنهم …»: the speaker is the noun the relative clause describes.
        return antecedent(toks, k - 1, first)
    if (not content_open
            and any(strip_conj(toks[m].norm) in _KANA for m in range(max(first, k - 12), k))
            and _kana_subject(toks, k, first)):
        # «وكان مسؤول كبير في وزارة الخارجية بريان هوك قد أعلن أن …», «وكان السفير قال إن …»:
        # the subject sits between «كان» and the verb (or «قد»).
        return _kana_subject(toks, k, first)
    if not content_open and t.norm.startswith(("و", "ف")):
        # «وقدّر المعهد الوطني شدة الهزة …، وقال إن …»: the subject of the verb that opens the
        # sentence goes on speaking, not the speaker named in an earlier sentence; «أما
        # شيروان بري، …، فقال "…"»: the one «أما» names (K12).
        return clause_subject(toks, k, first) or (
            amma_subject(toks, k, first) if t.norm.startswith("ف") else "") or (
            _kana_opener(toks, k, first))
    if (k > first and strip_conj(toks[k - 1].norm) in _WENT_ON_SAYING
            and t.norm[:1] in "يت"):
        return ""  # «ومضت تقول "…"» (K12): the last named speaker goes on
    if (not content_open and not t.norm.startswith(("و", "ف"))
            and not (k + 1 < last and toks[k + 1].norm in IN_WHICH)):
        # An SVO main clause (never before «وقال»: a conjunction opens a new clause): «ويذكر أن
        # شركة X أعلنت أن …», «وكانت الوزارة قد أعلنت أن …». («كان له تصريح آخر، قال فيه:»
        # names the statement's author, not the word before.)
        before = speaker_before(toks, k, first, max_words=6)
        head, _, rest = before.partition(" ")
        if rest and strip_conj(fold(head)) in _WENT_ON_SAYING:
            return rest  # «وظل الوزير يقول إن …»: the minister, not «وظل الوزير»
        return before
    return ""


# Words in و- that are nouns or names, not «و» + a verb («وزير الخارجية …»). Folded.
_WAW_NOUNS = frozenset(
    "وزير وزراء وكيل والد والده وفد وفق وفقا ولي وسط وقت وسائل واشنطن وليد وائل وجدي وديع وحيد"
    " وهبي ولد وجه وحده وكاله ولايه وزاره وثيقه ورقه وضع وصول وقوع وجود".split())


# Bare cues that go on from the clause before: «وقال», «وأضافت» (past tense, said of its subject).
_GOING_ON = frozenset(
    "قال قالت اضاف اضافت اكد اكدت اوضح اوضحت تابع تابعت اشار اشارت لفت لفتت شدد شددت"
    " قالوا اضافوا اكدوا اوضحوا".split())


def _opening_verb(t: Tok) -> bool:
    """«وقدّر», «وطلبت», «فشدد»: a word that reads as «و/ف» + a past verb opening a sentence."""
    norm = t.norm
    return (norm[:1] in "وف" and 4 <= len(norm) <= 6 and not norm[1:].startswith("ال")
            and norm[1:2] != "ي" and norm not in STOP and norm[1:] not in STOP
            and not t.raw.rstrip("،,:;؛.").endswith("ة") and norm not in _WAW_NOUNS
            and norm[1:] not in _WAW_NOUNS and strip_conj(norm) not in _KANA
            and cue_of(t.raw)[1] is None and not any(c in t.raw for c in "،,:\"«»"))


def clause_subject(toks: list[Tok], k: int, first: int) -> str:
    """The definite subject of the verb that opens the sentence («وقدّر المعهد الوطني …»), when
    the bare cue at token `k` («وقال إن») goes on from it in the same gender; else ""."""
    if (k - first < 3 or not _opening_verb(toks[first])
            or strip_conj(toks[k].norm) not in _GOING_ON):
        return ""
    if any(cue_of(toks[m].raw)[1] is not None for m in range(first + 1, k)):
        return ""
    if not toks[first + 1].norm.startswith("ال"):
        return ""
    verb_f = toks[first].norm.endswith("ت")
    cue_f = cue_of(toks[k].raw)[1] == ("verb", "f")
    if verb_f != cue_f:
        return ""  # «وشهدت المدينة احتجاجات، وقال …»: another subject
    name = subject(toks, first + 1, k)[0].split()
    # Only the definite words: «وردد المحتجون شعارات ضد …» — the object follows the subject.
    cut = next((n for n, w in enumerate(name) if not fold(w).startswith(("ال", "لل"))), len(name))
    # «ودانت وزارة الخارجية الأميركية الأحداث. وقالت إن» (QA18 R11): what it condemned is out.
    speaker = tail_cut(toks[first].norm, " ".join(name[:cut]))
    return speaker if speaker and plausible_speaker(speaker) else ""


_DECLARED = frozenset("صرح صرحت اعلن اعلنت كشف كشفت ذكر ذكرت".split())  # folded, with _GOING_ON


def _kana_opener(toks: list[Tok], k: int, first: int) -> str:
    """«وكان بوفون، حارس مرمى يوفنتوس، قد أبدى في مقابلات …، بعض القابلية …، وصرح مؤخرا أنه
    …» (seed 21, 1905): the sentence opens on «وكان X قد» + a verb; a bare «وصرح» of its gender,
    after a comma and farther than `_kana_subject` looks, goes on with X; "" otherwise."""
    if strip_conj(toks[first].norm) not in ("كان", "كانت") or not toks[k - 1].raw.endswith(
            ("،", ",")) or strip_conj(toks[k].norm) not in _GOING_ON | _DECLARED:
        return ""
    qad = next((m for m in range(first + 2, min(k, first + 10)) if toks[m].norm == "قد"), None)
    if qad is None or (strip_conj(toks[first].norm) == "كانت") != (
            cue_of(toks[k].raw)[1] == ("verb", "f")):
        return ""
    if any(cue_of(toks[m].raw)[1] is not None for m in range(first + 1, k)):
        return ""  # another cue between: its speaker goes on
    name = subject(toks, first + 1, qad)[0]
    return name if name and plausible_speaker(name) else ""


def _kana_subject(toks: list[Tok], k: int, first: int) -> str:
    """The subject written between the nearest «كان» before token `k` and the verb."""
    m = max(m for m in range(max(first, k - 12), k) if strip_conj(toks[m].norm) in _KANA)
    if any(cue_of(toks[x].raw)[1] is not None for x in range(m + 1, k)):
        return ""  # another verb between them: «كان» belongs to another clause
    if m + 1 < k and toks[m + 1].norm.startswith("ل"):
        return ""  # «كان لأردوغان تصريح»: «كان لـ» means «had», not a subject
    if toks[k - 1].norm == "قد":
        return subject(toks, m + 1, k - 1)[0]
    hit = cue_of(toks[k].raw)[1]
    if toks[k].norm.startswith("و") and toks[k - 1].raw.endswith(("،", ",")) and (
            (strip_conj(toks[m].norm) == "كانت") != (hit is not None and hit[1] == "f")
            or any(toks[x].norm in ("هي", "هو", "هم") for x in range(m + 1, k))):
        # «وكانت الأمتار الأخيرة هي الأشد إرهاقا، ويوضح:»: «كان» closed its own clause (its
        # predicate a pronoun's, its gender not the verb's); «وكانت النيابة أحالت …، وقالت»
        # goes on with the same subject.
        return ""
    if (m > first and toks[m - 1].norm in RELATIVES) or any(
            toks[x].norm in CLAUSE_CONJ for x in range(m + 1, k)):
        return ""  # «الذي كان يدير …», «كان … عندما صرح»: «كان» is another clause's
    name = subject(toks, m + 1, k)[0]
    words = name.split()
    if strip_conj(toks[m].norm) == "كانت" and len(words) > 1 and fold(words[0]).startswith("ال"):
        # «وكانت النيابة أحالت المتهمين …، وقالت إن» (F14's left, corpus 1249): «كانت»'s
        # subject ends at its own past verb, a feminine «…ت» after the definite noun.
        cut = next((n for n in range(1, len(words)) if _past_feminine(words[n])), 0)
        if cut:
            name = " ".join(words[:cut])
    return name


def _predicate_word(word: str) -> bool:
    """«محتجزا», «خلالهما»: an accusative predicate of «كان» or a preposition with its pronoun —
    «كان محتجزا خلالهما لدى الشرطة أبلغ المحققون ساركوزي» names no subject between them."""
    norm = fold(word.rstrip("،,"))
    return (len(norm) >= 4 and not norm.startswith("ال") and norm.endswith("ا")
            and not norm.endswith(("ها", "هما"))) or norm.endswith(("هما", "هم", "ها"))


def _past_feminine(word: str) -> bool:
    """«أحالت», «اعتقلت»: an indefinite word ending in «ت» (not «ـات», a plural noun)."""
    norm = fold(word)
    return (len(norm) >= 4 and norm.endswith("ت") and not norm.endswith("ات")
            and not norm.startswith("ال"))
