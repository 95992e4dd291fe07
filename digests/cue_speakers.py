"""Who speaks at a speech cue: the speaker written at it, or written elsewhere in its sentence.

digests.speech_cues finds a cue word; this reads its speaker as written: the subject after the
verb (VSO), the source after «نقلت الوكالة عن» or «نقلا عن», the subject before it (SVO, after a
pronoun, between «كان» and the verb), the noun a relative clause describes, the author of
«بيانا قال فيه». This module holds `written_speaker` (the speaker read at the cue) and
its readers inside reported speech; the subject that ran into the verb's object («رفضت إليسا
مصافحتها», «ولخص الفيديو الحرب») is digests.describer_subjects, a speaker written elsewhere
than after the verb (`unwritten_speaker`, «كان X قد», a document's publisher) is
digests.unwritten_speakers, the checks that reject a clause misread as a name
(`plausible_speaker`) and the trims after «اتهم», «دعا» … are digests.speaker_checks (all three
re-exported here); a participle's unwritten subject is digests.participle_subjects, a sentence's
opening subject digests.sentence_openers. Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

import re

from digests.speaker_checks import (  # re-exported: the checks and trims of a subject
    OBJECT_VERBS,
    SHARE_RE,
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
from digests.describer_subjects import (  # re-exported: the subject of «وصف», «رفض» …
    REFUSE,
    _DESCRIBE,
    _considered_object,
    _described_by,
    described,
    describer_only,
    refused_only,
    refused_subject,
    summed_subject,
)
from digests.fronted_speakers import speaker_before
from digests.speakers import RELAYING, Tok, subject, tokens
from digests.speech import (
    STOP,
    CLAUSE_CONJ,
    IN_WHICH,
    OBJECT_PRONOUNS,
    RELATIVES,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
)
from digests.unwritten_speakers import (  # re-exported: a speaker written elsewhere
    ABOVE,
    _KANA,
    _kana_subject,
    _opening_verb,
    _predicate_word,
    _publisher,
    _reported_publisher,
    unwritten_speaker,
)

# A pronoun written before the verb is its subject («لكنه قال», «وهو يؤكد»).
_PRONOUN_SUBJECTS = frozenset("لكنه ولكنه لكنها ولكنها وهو وهي فهو فهي".split())
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
# Verbs with an addressee after them like «أبلغ»: «إلا أن وكالة الصحة طمأنت المواطنين بأن …»
# (seed 23, 4390), «أن الوزير حث نظيره على …». Folded.
# («طالب» is also «a student»: «… أو طالب هي لغة …», corpus 1136; only its other forms.)
_ADDRESS = _INFORM | frozenset("طمان طمانت حث حثت يحث تحث حض حضت طالبت يطالب تطالب".split())
# «وحث هاموند على استغلال …» (seed 22, 1365): «حث/حض» takes whom it urged, so one noun phrase
# between the verb and «على» + a noun is that person; the subject is the pronoun. Folded, with
# «و/ف» too («وحث» keeps its «و» in `strip_conj`: a two-letter stem).
_URGE = frozenset("وحث وحثت وحض وحضت فحث فحثت".split())
# Whom a demand or a call is addressed to, never its speaker: «وطالب العالم أن يكون حازما»
# (seed 23, 6420). Folded.
_ADDRESSEES = frozenset(("العالم", "المجتمع الدولي", "الجميع", "المواطنين", "الناس"))



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


# «جميع الدول», «كل الأطراف»: one party urged. Folded.
_ALL = frozenset("جميع كل كافه".split())


def _one_party(read: str) -> bool:
    """The words read after «وحث» name one party — one word («المستثمرين», «الدوحة»), «جميع
    …», a noun and its relative adjective («الدول الأوروبية»), a title and its name («وزير
    الخزانة البريطاني فيليب هاموند») — so they are whom the writer's last voice urged, not a
    subject with its object («وحثت الصين الولايات المتحدة على», «اليابان والاتحاد الأوروبي
    واشنطن»: left as read)."""
    words = [fold(w) for w in read.split()]
    if not words or any(w.startswith("و") for w in words[1:]):
        return False
    return (len(words) == 1 or words[0] in _ALL or words[0].removeprefix("ال") in _TITLES
            or (len(words) == 2 and words[1].startswith("ال") and words[1].endswith(("يه", "ي"))))


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


_THAT = frozenset("ذلك هذا هذه تلك".split())


def _switched_subject(toks: list[Tok], k: int, last: int) -> bool:
    """«وتتهم موسكو المعارضة …، وتنفي المعارضة ذلك وتقول إن» (seed 24, 4732): a coordinated
    verb whose own definite subject is written before «ذلك/هذا» (what it answers, ending its
    clause) has a new speaker, not the one of the verb before."""
    if k + 2 >= last or not toks[k + 1].norm.startswith("ال") or toks[k + 2].norm not in _THAT:
        return False
    return (toks[k + 2].raw[-1] in "،,.؛" or k + 3 >= last
            or toks[k + 3].norm.startswith("و"))


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
                   and named_before and described(t.norm) is None
                   and not _switched_subject(toks, k, last))
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
        if refused_only(norm, speaker, toks[j].norm if j < last else ""):
            speaker = ""  # «ورفض تلميحات عن …» (seed 24, 3506): the object, no subject
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
        if (norm in _URGE and t.norm.startswith(("و", "ف")) and _one_party(speaker)
                and j + 1 < last and toks[j].norm == "علي"
                and toks[j + 1].norm not in ("ان", "انه", "انها")):
            # «وحث وزير الخزانة فيليب هاموند على استغلال …» (seed 22, 1365): the one urged.
            speaker, j = "", k + 1
        if strip_conj(norm) in _ADDRESS | {"طالب"} and fold(speaker) in _ADDRESSEES:
            speaker, j = "", k + 1  # «وطالب العالم أن يكون حازما …، لافتا» (seed 23, 6420)
        if strip_conj(norm) in _ADDRESS and speaker and not t.norm.startswith(("و", "ف")):
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
                                             for m in range(k + 1, min(last, k + 4))) and (
                _whole_before(toks, k, before)):
            speaker = _whole_before(toks, k, before)
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


def _cut_short(toks: list[Tok], k: int, before: str, max_words: int) -> bool:
    """The `max_words` words read before the verb at `k` are the tail of a longer noun phrase:
    the word before them is neither punctuated nor a stop word, a complementizer or a cue."""
    n = len(before.split())
    m = k - n - 1
    if n < max_words or m < 0:
        return False
    t = toks[m]
    return not (t.raw[-1] in "،,:;؛.\"”»" or t.norm in STOP or is_complementizer(t.norm)
                or t.norm.endswith(("ها", "هم", "هما"))  # «اتهامات أطلقها X يؤكد» (4402)
                or cue_of(t.raw)[1] is not None or strip_conj(t.norm) in ("ان", "لكن"))


def _whole_before(toks: list[Tok], k: int, before: str) -> str:
    """The subject read before a verb inside a reported clause, read on past four words when it
    was cut («… أن رئيس الوزراء الإسرائيلي بنيامين نتنياهو صرح بأنه»); "" when it is still the
    tail of a longer noun phrase («… وإن التزام الشركة نحو تقديم تجربة نقية وآمنة مدعومة
    بالأندرويد العصري يؤكد أن», seed 24, 1912: the commitment's words, not a speaker)."""
    if strip_conj(fold(before.split()[-1])) in RELATIVES | _PLURAL_RELATIVES:
        # «إن التلميذات … اللاتي ذكرت تقارير إن» (1361), «بأنه يريد تغيير إقراره السابق والذي
        # قال فيه إنه» (6737): the relative's own verb, no subject written before it
        return ""
    words = before.split()
    named = next((n for n in range(len(words) - 2, 0, -1) if fold(words[n]) in ("هو", "هي")), 0)
    if named:
        # «تصريحات لمتحدث باسم حملة بوتين هو أندريه كوندراشوف قال إن» (5091): the name «هو»
        # introduces is the one who speaks.
        return " ".join(words[named + 1:])
    if not _cut_short(toks, k, before, 4):
        return before
    longer = speaker_before(toks, k, max_words=6)
    extra = longer.split()[:len(longer.split()) - len(before.split())]
    if (extra and plausible_speaker(longer) and not _cut_short(toks, k, longer, 6)
            and not any(_PRESENT_PLURAL.match(fold(w)) for w in extra)):
        return longer
    return ""


# Feminine plural relatives digests.speech.RELATIVES lacks (so a subject read ran into them).
_PLURAL_RELATIVES = frozenset(("اللاتي", "اللائي"))
# «يحاربون», «تقولان»: a present verb of a plural or dual subject (the clause's predicate, so
# the words before the next verb are no subject: «إن المقاتلين يحاربون للتصدي … ووصف», 2296).
_PRESENT_PLURAL = re.compile(r"^[يت]\w{2,}(?:ون|ان)$")


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
