"""The subject written after a sentence's speech verb (VSO, the common order), corrected.

digests.cue_speakers reads the speaker at a cue; for a verb outside reported speech that has no
colon and no earlier speaker of the same sentence it asks `speaker_after_verb`: the subject after
the verb (digests.speakers.subject), then the readings that correct it — «بعض» with its noun,
«المصدر نفسه» (the one named before), a share of those polled, an indefinite plural before
«اعتبروا», unnamed reports, the source relayed (digests.relayed_speakers), the describer's
subject (digests.describer_subjects), whom «أبلغ/حث/طالب» addressed (never the speaker), the
subject of «أن X أبلغ» written before the verb, and the pronoun subject of «ولكنه ينفي». Pure
functions of tokens (digests.speakers).
"""

from __future__ import annotations

import re

from digests.arabic import _freq
from digests.describer_subjects import _DESCRIBE, _considered_object, _described_by, refused_only
from digests.fronted_speakers import speaker_before
from digests.relayed_speakers import relayed_speaker
from digests.speaker_checks import SHARE_RE, plausible_speaker, plural_verb
from digests.speakers import Tok, person_of_other_gender, subject
from digests.speech import RELATIVES, STOP, cue_of, fold, is_complementizer, strip_conj
from digests.title_heads import OFFICE_HEADS
from digests.unwritten_speakers import _KANA, _kana_subject, _predicate_word

# A pronoun written before the verb is its subject («لكنه قال», «وهو يؤكد»).
_PRONOUN_SUBJECTS = frozenset("لكنه ولكنه لكنها ولكنها وهو وهي فهو فهي".split())
# «وحسب رويترز، أبلغ X …»: an attribution opening the sentence is not the telling verb's subject.
_BY_PREPS = frozenset("حسب بحسب وفق وفقا طبقا".split())
# «المصدر نفسه», «المسؤول ذاته»: the one named before. Folded.
_ANAPHORS = frozenset("نفسه نفسها ذاته ذاتها".split())


# «أبلغ/يبلغ»: told someone — the person told follows the verb at once. Folded.
_INFORM = frozenset("ابلغ ابلغت يبلغ تبلغ اخبر اخبرت يخبر تخبر".split())  # «أخبر» (F46)
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
_MEDIA = frozenset("قناه صحيفه وكاله اذاعه تلفزيون مجله موقع شبكه محطه".split())
# Bodies that open whom «أبلغ» told («وأبلغ لايتهايزر لجنة في مجلس الشيوخ "…"», QA39 #42),
# cut only after a word that heads no construct («رئيس لجنة …» is the subject). Folded.
_TOLD_BODIES = frozenset("لجنه لجان اعضاء نواب مجلس برلمان البرلمان الكونغرس مشرعين".split()) | (
    # people told after a name: «وأخبر نتنياهو قادة العالم …», «أخبر داني المقربين منه» (F46)
    frozenset("قاده المقربين الحاضرين المشاركين الجمهور الحضور مستشاريه مساعديه زملاءه زملائه"
              " لاعبيه انصاره مؤيديه".split()))
# Heads of a construct: the body after them is part of the subject. Folded, without «ال».
_CONSTRUCT_HEADS = frozenset("عضو اعضاء امين ممثل مندوب رئيس رئيسه نائب مدير"
                             " مديره متحدث متحدثه ناطق ناطقه باسم وفد".split())
# Titles that open a subject of their own: «…، وقال وزير الخارجية X "…"» is the minister
# speaking, not the one a cue before named. Folded, without «ال».
_TITLES = OFFICE_HEADS
# A body after one of these is part of the subject, not whom «أبلغ» told.
_SUBJECT_HEADS = _CONSTRUCT_HEADS | _TITLES


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


def _urged_at(read: str) -> int:
    """How many words of the subject read after an addressing verb come before whom it
    addressed: «وحث الرئيس المستثمرين على …» → 1 — a definite sound plural right after a
    definite singular word agrees with nothing before it, so it is the verb's object, not the
    subject's adjective or name («الدول الأوروبية», «خادم الحرمين الشريفين»: kept); 0 when no
    object is read."""
    words = [fold(w) for w in read.split()]
    for n in range(1, len(words)):
        w, prev = words[n], words[n - 1]
        # «ين» only: the subject's own adjective is nominative («القادة المضربون»); «يين» is a
        # relative adjective («القادة الأوروبيين»).
        if (w.startswith("ال") and len(w) >= 7 and w.endswith("ين") and not w.endswith("يين")
                and prev.startswith("ال") and not prev.endswith(("ين", "ون", "ان"))):
            return n
    return 0


def titled(t: Tok) -> bool:
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
    if head is not None and head > first and toks[head].norm.endswith(("يين", "يون")):
        # «زعماء دينيين مسلمين ويهودا وصفوا …» (F49, 797): a relative adjective in «ـيين»
        # describes the broken plural before it («زعماء», «قادة»), the subject's head
        noun = toks[head - 1]
        if (noun.raw[-1].isalpha() and len(noun.norm) >= 4 and noun.norm not in STOP
                and not noun.norm.startswith(("ال", "وال", "بال", "لل", "و"))
                and cue_of(noun.raw)[1] is None and noun.norm not in RELATIVES
                and not is_complementizer(noun.norm)):
            head -= 1
    return " ".join(toks[x].raw for x in range(head, k)) if head is not None else ""


def _unglued(run: str) -> str:
    """«لمسؤولين عراقيين» -> «مسؤولين عراقيين»: «بكلمات لمسؤولين عراقيين شددوا خلالها» (F49,
    dev holdout26): the officials the «ل» joins to the speeches are the plural verb's subject."""
    first = run.split(" ", 1)[0]
    if first.startswith("ل") and not first.startswith("لل") and len(fold(first)) >= 7 and fold(
            first).endswith(("ين", "ون")):
        return run[1:]
    return run


_REPORTING = frozenset("تفيد يفيد افادت افاد تشير اشارت ذكرت تذكر قالت تقول".split())
# «وفي وقت سابق، رجحت تقارير صحفية إسبانية أن» (F38: the fronted time was read as the subject,
# «— سابق»): only when the reports' clause follows. («كشفت/زعمت تقارير … أن» too gave reports
# lines that pushed named voices out of the three: dev holdout1 lost a key quote, corpus 1099
# Netanyahu's denial; not taken.) Folded.
_REPORTING_THAT = frozenset("رجحت ترجح".split())
# «تقارير إعلامية/بريطانية/صحفية»: a relative adjective in «ـية» after «تقارير».
_REPORT_ADJ = re.compile(r"^[\u0621-\u064a]{2,}ية[،,]?$")


def _reports_subject(toks: list[Tok], k: int, last: int, norm: str) -> bool:
    """Token `k` is a verb of reporting and «تقارير» (reports) right after it is its subject."""
    if not (k + 1 < last and toks[k + 1].norm in ("تقارير", "التقارير")):
        return False
    if strip_conj(norm) in _REPORTING_THAT:
        return any(is_complementizer(toks[m].norm) for m in range(k + 2, min(last, k + 5)))
    return strip_conj(norm) in _REPORTING


def speaker_after_verb(toks: list[Tok], k: int, first: int, last: int, norm: str,
                       prev: str) -> tuple[str, int]:
    """The speaker written after the verb at `k` (cue form `norm`, the word before it `prev`)
    or "", and the first token after it."""
    t = toks[k]
    speaker, j = subject(toks, k + 1, last, after_verb=True)
    if (fold(speaker) == "بعض" and j < last and toks[j].norm.startswith("ال")
            and cue_of(toks[j].raw)[1] is None and not is_complementizer(toks[j].norm)):
        # «وقال بعض التقارير إن …» (QA18 R2): «بعض» names nobody without its noun.
        speaker, j = speaker + " " + toks[j].raw.rstrip("،,:"), j + 1
    if not speaker and (owned := _document_of(toks, k, last)) is not None:
        speaker, j = owned  # «وتضيف رسالة محمد عبده:», «وقال بيان الجيش إن»
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
        elif of is None and j + 1 < last and toks[j].norm == "من":
            # «قال 64 بالمئة من الأميركيين الذين تبلغ أعمارهم 18 أو أكثر أنهم» (QA39 #44):
            # «أن» too far; «بحسب 64 بالمئة، …» names no one: the share keeps its noun.
            j += 2
        speaker = " ".join(toks[m].raw for m in range(k + 1, j)).rstrip("،,:")
    if not speaker and strip_conj(norm) in _SAID_PLURAL:
        speaker = _plural_before(toks, k, first)  # «انتقاد مسؤولين كبار اعتبروا أن»
    elif (speaker and plural_verb(norm) and k + 1 < last
          and toks[k + 1].raw.startswith(speaker.split()[0])
          and (fronted := _unglued(_plural_before(toks, k, first)))
          and plausible_speaker(fronted)):
        # «زعماء دينيين مسلمين ويهودا وصفوا مشروع القانون بأنه …» (F49, 797): a plural verb
        # follows its subject (SVO); the words after it are its object
        speaker = fronted
    if not speaker and _reports_subject(toks, k, last, norm):
        # «وتفيد تقارير بأن …»: unnamed reports are the subject («بحسب تقارير، …»), not
        # the object noun «تقارير» that ends a subject elsewhere; else the last named
        # speaker was given their words.
        j = k + 2 + (k + 2 < last and _REPORT_ADJ.match(toks[k + 2].raw) is not None)
        speaker = " ".join(toks[m].raw for m in range(k + 1, j)).rstrip("،,:")
    speaker, j = relayed_speaker(toks, k, j, last, norm, speaker)
    if norm in _DESCRIBE and not (speaker and toks[j - 1].raw[-1] in "،,"):
        # «ووصف بولتون التدخل الروسي بأنه …»: subject and object run together after «وصف»;
        # only a subject set off by a comma («ووصف الرئيس، …، الهجوم») is trusted, or one
        # that his own «نظيره/مساعديه …» ends («وصف الرئيس X نظيره السوري بـ"…"، قائلا»),
        # or one the reading ended before the description (`_describer_subject`).
        speaker, j = _described_by(toks, k, speaker, j, last)
    urged = _urged_at(speaker) if strip_conj(norm) in _ADDRESS | {"طالب"} | _URGE else 0
    if urged and speaker.split() == [toks[m].raw for m in range(k + 1, min(j, last))]:
        # «وحث الرئيس المستثمرين على العودة»: the subject, then whom he urged — read together
        # they looked like a title and its name (`_one_party`), so the president was cleared.
        speaker = " ".join(speaker.split()[:urged])
        j = k + 1 + urged
    elif (norm in _URGE and t.norm.startswith(("و", "ف")) and _one_party(speaker)
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
        if before and k - n - 1 >= first and toks[k - n - 1].norm in ("ان", "بان", "وان", "فان"):
            speaker = before
        elif (before and k - n == first and plausible_speaker(before)
              and not any(toks[m].raw.endswith(("،", ",")) for m in range(first, k))
              and strip_conj(toks[first].norm) not in _BY_PREPS):
            # «عباس أبلغ الرئيس الروسي بأن …» (QA18 R1): the sentence opens with the
            # subject; the one named after the verb is whom he told.
            speaker = before
        elif (before and strip_conj(norm) in _INFORM and toks[k - 1].raw.endswith(("،", ","))
              and plausible_speaker(before) and toks[first].norm[:1] not in "وف"
              and toks[first].norm not in STOP and toks[first].norm not in _BY_PREPS):
            # «أحد الناجين، ويدعى سامي فريد، أخبر الحاضرين … أن» (F46: «أخبر» a cue now): the
            # sentence opens on the subject and an aside; the one after the verb was told.
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
    if strip_conj(norm) in _INFORM and speaker and (
            person_of_other_gender(speaker, "f" if _feminine_verb(norm) else "m")
            or (fold(speaker) in _TOLD and k > first and not t.norm.startswith(("و", "ف")))):
        # «فأخبرت مدير أعمالها أنه …» (F46, dev AL-culture-150: her manager, then «لتخبر مدير
        # أعمالها قائلة» fell back on him), «طالب لجوء … كان قد أخبر الشرطة أنه …» (dev
        # SK-internationalNews-542): a man after a feminine verb, or the police alone inside a
        # sentence, is whom the pronoun told, never the subject.
        speaker, j = "", k + 1
    if strip_conj(norm) in _INFORM and len(speaker.split()) > 1:
        # «وأبلغ الوزير قناة فوكس نيوز التلفزيونية قائلا "…"» (F14's left): a medium named
        # after the subject is whom he told, with all its name.
        words = speaker.split()
        cut = next((n for n in range(1, len(words)) if fold(words[n]) in _MEDIA or (
            fold(words[n]) in _TOLD_BODIES
            and fold(words[n - 1]).removeprefix("ال") not in _SUBJECT_HEADS)), 0)
        if cut:
            speaker = " ".join(words[:cut])
    if strip_conj(norm) in _ADDED and j < last and toks[j].norm in ("الي", "علي"):
        # «أضافت النيابة العامة تهمة جديدة إلى لائحة اتهام رجب، وهي "…"» (F41, seed 37,
        # 1102: «— النيابة العامة تهمة جديدة»): «added X to», not «added that»; the
        # indefinite noun after the definite subject is the thing added
        speaker = _added_cut(speaker)
    if _considered_object(norm, speaker, toks, j, last):
        # «واعتبرت الخطوة "انتهاكا صارخا"»: «اعتبر X Y» — the definite noun right after the
        # verb is what was considered, its accusative predicate in the marks; the subject
        # is the pronoun (F8's leftover).
        speaker, j = "", k + 1
    if prev in _PRONOUN_SUBJECTS:
        # «ولكنه ينفي ممارسته …»: the subject is the pronoun; what follows the verb is its
        # object, never a speaker.
        speaker, j = "", k + 1
    if strip_conj(norm) in _STANCE and speaker and _act_noun(speaker.split()[0]):
        # «وانتقد تعليق تنفيذ الفترة الأطول، قائلا إنها …» (F30, seed 30, 3252): what a
        # stance verb takes is an act («تعليق», «تنفيذ»); its subject is the pronoun (the one
        # speaking before), not the act.
        speaker, j = "", k + 1
    return speaker, j


def _feminine_verb(norm: str) -> bool:
    """«أبلغت», «وأخبرت», «تبلغ»: a feminine past or present informing verb (folded)."""
    verb = strip_conj(norm)
    return verb.endswith("ت") or verb.startswith("ت")


_ADDED = frozenset("اضاف اضافت يضيف تضيف".split())  # folded, «و/ف» stripped


def _added_cut(speaker: str) -> str:
    """`speaker` cut before the first indefinite common noun after a definite word («النيابة
    العامة تهمة جديدة» → «النيابة العامة»), or unchanged."""
    words = speaker.split()
    for n in range(1, len(words)):
        prev, word = fold(words[n - 1]), fold(words[n])
        if (prev.startswith("ال") and not word.startswith("ال") and word not in STOP
                and _freq().get("ال" + word)):
            return " ".join(words[:n])
    return speaker


# Stance verbs whose object is often an act named by a verbal noun. Folded, «و/ف» stripped.
_STANCE = frozenset(
    "انتقد انتقدت ينتقد تنتقد ادان ادانت يدين تدين رفض رفضت يرفض ترفض استنكر استنكرت ندد"
    " نددت هاجم هاجمت رحب رحبت".split())
# Verbal nouns of the pattern «تفعيل» that are bodies or documents, and speak. Folded.
_SPEAKING_ACTS = frozenset("تقرير تحقيق تحليل تلفزيون تحالف تجمع تنظيم تصريح تسجيل".split())


def _act_noun(word: str) -> bool:
    """«تعليق», «تنفيذ», «تأجيل»: a verbal noun «تفعيل» (an act), not a speaker."""
    norm = fold(word)
    return (len(norm) == 5 and norm[0] == "ت" and norm[3] == "ي" and norm not in _SPEAKING_ACTS)


# A document in construct right after the verb, its owner after it («وتضيف رسالة X:»). Folded.
_DOCUMENT_HEADS = frozenset("رساله بيان تغريده".split())


def _document_of(toks: list[Tok], k: int, last: int) -> tuple[str, int] | None:
    """«وتضيف رسالة محمد عبده: "…"» (F44, seed 40, 978), «وقال بيان الجيش إن»: a document in
    construct after the verb («بيان/رسالة/تغريدة», no article, no preposition before its owner)
    is the subject with its owner: a definite genitive, or a name of two or three words with no
    article closed by a colon (not an adjective: «بيان مشترك», «رسالة مكتوبة»); None otherwise."""
    if k + 2 >= last or toks[k + 1].norm not in _DOCUMENT_HEADS or not toks[k + 1].raw[-1].isalpha():
        return None
    first = toks[k + 2].norm
    if first in STOP or first.startswith(("لل", "ب")) or cue_of(toks[k + 2].raw)[1] is not None:
        return None
    owner, end = subject(toks, k + 2, last)
    words = owner.split()
    if len(words) > 1 and fold(words[-1]) == "رقم":
        # «وأكد بيان الجيش رقم 15 لعمليات "سيناء 2018" أن» (3606): the statement's number
        words.pop()
        owner = " ".join(words)
    if not words or not plausible_speaker(owner):
        return None
    if not first.startswith("ال") and not (
            2 <= len(words) <= 3 and toks[end - 1].raw.endswith(":")
            and not any(fold(w).startswith("ال") or fold(w.rstrip(":")).endswith(("ي", "يه"))
                        for w in words)):
        return None
    return f"{toks[k + 1].raw} {owner}", end

