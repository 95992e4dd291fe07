"""Where a written speaker really ends or starts (QA25 E1, E2, E4): small span rules.

`digests.speakers.subject` reads a speaker up to a stop word; these rules correct four shapes
an editor found wrong in the digests:

* a title placed «في» its firm before the name («الباحث في مجال الأمن الإلكتروني تروي هانت»,
  «المحلل في شركة IDC أحمد سالم»): the subject stopped at «في» and showed «الباحث» alone
  (`placed_title_end` reads through to the name);
* two or more speakers who asked not to be named («مسؤولان أمريكيان طلبا عدم الكشف عن
  هويتيهما»): the dual verb ran into the speaker (`asked_unnamed`);
* the writer's own «قلت»/«أضفت» between another subject's speech verb and its «إن»
  («تحدث قادة المجتمع المدني …، إذ قلت لأحدهم إن …»): the clause is the writer's, whom the
  subject of «تحدث» did not say (`writer_said`);
* «ودعا البيان منسق الشؤون الإنسانية …»: a definite document takes no indefinite noun after
  it; that noun is whom the statement called on (`document_object_cut`).

Pure functions over the tokens of `digests.speaker_words`.
"""

from __future__ import annotations

from digests.speaker_words import Tok
from digests.speech import (
    DUALS,
    OFFICIALS,
    STATEMENT_NOUNS,
    STATEMENT_TALKS,
    STATEMENTS,
    STOP,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
)
from digests.title_heads import EXPERT_HEADS

# Titles that are told apart by where the person works («الباحث في …», «المحلل في …»), the
# name coming after the place. Folded, without «ال». Not «الرئيس», «الوزير»: «قال الرئيس في
# خطاب متلفز إن» is where he spoke.
_PLACED_TITLES = EXPERT_HEADS | frozenset(
    "مسؤول مسؤوله محرر محرره مراسل مراسله استاذ استاذه موظف موظفه اخصائي اخصائيه ناشط ناشطه"
    " مهندس مهندسه اقتصادي اقتصاديه".split())
# Nouns of an occasion, not a firm: «المحلل في حديث لـ…», «الخبير في مقابلة …».
_OCCASIONS = frozenset(
    "خطاب خطابه حوار حواره برنامج مقال مقاله مقالته رساله رسالته منشور تعليق تعليقه كتاب كتابه"
    " دراسه دراسته بحث بحثه ورقه ندوه محاضره جلسه اجتماع تقرير تقريره".split()) | (
    # («مسؤول في تصريح صحفي إن …»: where he spoke, once «مسؤول» takes a place, QA59-10)
    STATEMENTS | STATEMENT_TALKS | frozenset("تصريحه لقاء اتصال".split()))
# Nouns in construct within a title before «في» («محرر شؤون الشرق الأوسط»). Folded.
_CONSTRUCT = frozenset("شؤون شئون قسم مجال".split())
# Letters of a spelled medium («مراسل بي بي سي في …»). Folded.
_SPELLED = frozenset("بي سي ان تي ام ايه اف".split())
_MAX_PLACE = 9  # words from «في» to the name's end


def _title_word(norm: str) -> bool:
    return norm.removeprefix("ال") in _PLACED_TITLES


def placed_title_end(toks: list[Tok], i: int, j: int, limit: int) -> int:
    """The end of «TITLE في PLACE NAME» when token `j` is that «في», else 0.

    The subject so far (`i`..`j`) opens with a title («الباحث», «محرر شؤون الشرق الأوسط»); the words after
    «في» must end in a name right before the clause («إن»), an addressee in «لـ» («لبي بي
    سي») or the comma before them, and the last word must not be definite (a name, not «في
    الوزارة»).
    """
    if toks[j].norm != "في":
        return 0
    latin = _latin_firm_end(toks, i, j, limit)
    if latin:
        return latin
    if not (1 <= j - i <= 4) or not _title_word(toks[i].norm):
        return 0
    if not all(toks[m].norm.startswith("ال") or toks[m].norm in _CONSTRUCT
               or toks[m].norm.rstrip("،,") in _SPELLED for m in range(i + 1, j)):
        return 0  # «المحلل فيودور لوكيانوف في صحيفة …»: the name came first; «في» is where he wrote
    end = 0
    for m in range(j + 1, min(limit, j + 1 + _MAX_PLACE)):
        t = toks[m]
        if is_complementizer(t.norm) or (t.norm[:1] == "ل" and t.norm[:2] != "لل"
                                         and len(t.norm) > 2 and m > j + 2
                                         and t.raw[-1] not in "،," and toks[m - 1].raw[-1] not in "،,"):
            # («…، لورا كوينزبيرغ، إن»: after the comma «ل» opens the name, no addressee)
            end = m
            break
        if (t.norm == "في" and m > j + 2 and m + 1 < limit and toks[m - 1].raw[-1] not in "،,"
                and toks[m + 1].norm in STATEMENT_NOUNS):
            # «وقال المسؤول في وزارة التجارة الصينية وانغ هيجون في بيان إن» (QA59-10: «—
            # المسؤول»): the name ends where the statement it was said in is named
            end = m
            break
        if (t.norm in STOP or t.norm in _OCCASIONS or cue_of(t.raw)[1]
                or t.raw[0] in "\"“”«»(" or t.norm.isdigit()):
            return 0
    if end == 0 or end - j < 3:
        return 0
    if toks[i].norm.removeprefix("ال") in OFFICIALS and any(
            toks[m].raw.endswith(("،", ",")) for m in range(j + 1, end - 1)):
        return 0  # «المسؤول في شرطة كوبنهاغن، بيتر داهل»: the apposed name is read as before
    last = toks[end - 1]
    if fold(last.raw.rstrip("،,")).startswith("ال") or last.norm.endswith(("ه", "ها", "هم")):
        return 0
    return end


_MAX_LATIN = 5  # words of a firm written in Latin letters
# Titles held in a firm («المدير العام … في Royal Caribbean»; not «الوزير في London»). Folded,
# without «ال».
_FIRM_TITLES = EXPERT_HEADS | frozenset(
    "مسؤول مسؤوله مدير مديره رئيس رئيسه مستشار مستشاره مؤسس مؤسسه شريك".split())


def _latin_firm_end(toks: list[Tok], i: int, j: int, limit: int) -> int:
    """«قال محمد سعيد المدير العام لمنطقة الشرق الأوسط في Royal Caribbean Cruise، إن» (seed
    28, 2915: the firm was cut): a title in the subject, then «في» and a firm in Latin letters
    closed by a comma or the clause's «إن/أن»; the end of the firm, else 0."""
    if not any(toks[m].norm.removeprefix("ال") in _FIRM_TITLES for m in range(i, j)):
        return 0
    for m in range(j + 1, min(limit, j + 1 + _MAX_LATIN)):
        word = toks[m].raw.rstrip("،,")
        if not word or not word.isascii() or not word[0].isalpha():
            return 0
        if toks[m].raw[-1] in "،," or (m + 1 < limit and is_complementizer(toks[m + 1].norm)):
            return m + 1
    return 0


# «طلبا», «طلبوا» … the dual or plural of asking, with «هويتيهما/هويتهم» after it.
_ASKED_MANY = frozenset("طلبا طلبتا طلبوا رفضا رفضتا رفضوا فضلا فضلوا".split())
_THEIR_IDENTITY = frozenset(
    "هويتيهما هويتهما هويتهم هوياتهم اسميهما اسمهما اسماءهم اسمائهم اسماؤهم".split())


def asked_unnamed(toks: list[Tok], m: int, limit: int) -> bool:
    """Token `m` opens «طلبا عدم الكشف عن هويتيهما» (two or more asking not to be named)."""
    if strip_conj(toks[m].norm) not in _ASKED_MANY:
        return False
    return any(toks[e].norm in _THEIR_IDENTITY for e in range(m + 1, min(limit, m + 6)))


# The writer speaking in the first person: «قلتُ», «أضفتُ», «قلنا» (unambiguous forms only:
# «أكدتُ» is also «she confirmed»). Folded, without «و/ف».
_WRITER_SAYS = frozenset("قلت اضفت قلنا اضفنا سالتهم سالته سالتها".split())


def writer_said(toks: list[Tok], k: int, content_start: int | None) -> bool:
    """A first-person verb of saying stands between the cue at `k` and its speech."""
    if content_start is None:
        return False
    return any(strip_conj(toks[m].norm) in _WRITER_SAYS
               for m in range(k + 1, len(toks)) if toks[m].end <= content_start)


# Documents: definite, they take their adjective («البيان الختامي») or a construct word, never
# an indefinite noun. Folded.
_DOCUMENTS = frozenset("البيان التقرير الرساله القرار المرسوم البلاغ الوثيقه الاعلان".split())


def document_object_cut(speaker: str) -> str:
    """«البيان منسق الشؤون الإنسانية …» (after «دعا/طالب …») → «البيان»."""
    words = speaker.split()
    if len(words) > 1 and fold(words[0]) in _DOCUMENTS:
        nxt = fold(words[1])
        if not nxt.startswith("ال") and not nxt.startswith("لل") and not nxt.isdigit():
            return words[0]
    return speaker


# Definite words in «ون» that are singular (also for digests.speaker_checks.object_cut). Folded.
SINGULAR_UN = frozenset("القانون التلفزيون الكون اللون الصالون الزيتون الليمون المضمون".split())


def plural_noun(name: str) -> bool:
    """«المنتقدون», «الأطباء النفسيون»: a definite masculine plural in «ون» among the first two
    words (a name such as «ماكرون», «أليسون» has no «ال»; «البنتاغون» is no plural)."""
    # The article as written, «ال» with a bare alef: «أليسون» (Alison) is a name. A sound
    # plural is a participle's («المحتجون») or a relative adjective's («النفسيون»), not
    # «البنتاغون».
    return any(w.startswith("ال") and len(w) >= 6 and fold(w) not in SINGULAR_UN
               and (fold(w).startswith("الم") and fold(w).endswith("ون") or fold(w).endswith("يون"))
               for w in name.split()[:2])


def singular_verb(norm: str) -> bool:
    """A verb of one speaker: not «قالوا», «يقولون», nor a dual «قالا/قالتا» (folded)."""
    verb = strip_conj(norm)
    return not verb.endswith(("وا", "ون", "تا")) and verb not in DUALS


def plural_verb(norm: str) -> bool:
    """A verb of many speakers, not two: «قالوا», «وأضافوا», «يقولون» (folded)."""
    verb = strip_conj(norm)
    return len(verb) >= 5 and verb.endswith(("وا", "ون"))


def bare_person(name: str) -> bool:
    """«فارادكار», «ليو فارادكار»: a person's bare name (no «ال» word, no title, no «و» of a
    second name, no plural ending), which a plural verb («وأضافوا») never goes on with. Titled
    speakers stay («متحدث باسم وزارة الصحة … وأضافوا», a translation's plural of the ministry),
    and so do groups («أولياء أمور», «ناشطون محليون», «مراسلو "فرانس برس"»)."""
    words = [fold(w.strip("\"“”«»")) for w in name.split()]
    if not 1 <= len(words) <= 3 or plural_noun(name):
        return False
    head, tail = words[0], words[-1]
    return not (any(w.startswith("ال") for w in words) or head in _NOT_BARE
                or any(w.startswith("و") for w in words[1:])
                or (len(head) >= 5 and head.endswith(("ون", "ات")))
                or (len(head) >= 6 and head.endswith("ين"))
                or (len(words) > 1 and len(head) >= 5 and head.endswith("و"))
                or (len(tail) >= 6 and tail.endswith(("ون", "ين", "ات"))))


# Heads of a titled or plural speaker written without «ال» («مسؤول كبير», «مصادر مطلعة»,
# «أولياء أمور»), and of a movement or armed group named after them («حركة طالبان», «جماعة
# بوكو حرام», «قوات سوريا», review RG): never a bare name. Folded.
_NOT_BARE = frozenset(
    "مسؤول مسئول مصدر مصادر متحدث متحدثه ناطق وزير رئيس مدير سفير خبير خبراء محلل محللون"
    " اولياء ابناء ابناؤه ابناءه اهالي سكان شهود نشطاء ناشطون قاده زعماء علماء باحثون عائله"
    " اسره حركه جماعه حزب جبهه تنظيم قوات فصائل كتائب ميليشيات مليشيات".split())


# Participles that take their field through a preposition: «القائمون على الدراسة», «المشارك في
# إعداد التقرير», «المسؤول عن الملف», «المشرف على المشروع». Folded.
_FIELD_PARTICIPLES = frozenset(
    "القائم القائمون القائمين القائمه المشارك المشاركه المشاركون المشاركين المشرف المشرفه"
    " المشرفون المشرفين المسؤول المسؤوله المسئول المختص المختصه".split())
_FIELD_PREPS = frozenset("علي في عن".split())
# Elatives of a superlative title («أصغر ملياردير في العالم»). Folded.
_ELATIVES = frozenset("اصغر اكبر اغني اقوي اشهر اقدم اطول اكثر افضل".split())
_WHERE_BEST = frozenset("العالم التاريخ البلاد".split())
_MAX_FIELD = 4  # words of the field after the preposition
# «في مجال/قطاع/صناعة X» after people of a trade (folded, without «ال»).
_FIELD_NOUNS = frozenset("مجال قطاع صناعه ميدان".split())
_FIELD_PEOPLE = frozenset(
    "مسؤول مسؤولون مسؤولين مسؤولو خبير خبراء باحث باحثون محلل محللون عاملون العاملون ناشط"
    " ناشطون مصادر مصدر متخصصون مختصون شركات".split())


def field_end(toks: list[Tok], i: int, j: int, limit: int) -> int:
    """The end of «… PARTICIPLE على/في/عن FIELD» when token `j` is that preposition after a
    field participle (seed 27: 1808 «القائمين», 5760 «رافاييل ألسكوج المشارك»), or of «ELATIVE
    NOUN في العالم» (3198 «أصغر ملياردير»); 0 otherwise. The field ends at the clause («إن»),
    at punctuation or at a colon, within four words, and holds no stop word or cue."""
    if toks[j].norm not in _FIELD_PREPS or j + 1 >= limit or toks[j].raw == "علي":
        return 0  # («علي» with «ي» is the name Ali: «وزير المالية علي حسن خليل»)
    if toks[j + 1].norm in ("هامش", "راس", "صعيد", "حد"):
        return 0  # «المسؤول على هامش المؤتمر»: where, not his field
    prev = toks[j - 1]
    if prev.raw[-1] in "،,:.;؛":
        return 0
    if toks[j].norm == "في" and toks[j + 1].norm in _WHERE_BEST and any(
            toks[k].norm in _ELATIVES and all(
                not toks[x].norm.startswith("ال") and toks[x].norm not in STOP
                and toks[x].raw[-1].isalpha() for x in range(k + 1, j))
            for k in range(max(i, j - 4), j - 1)):
        # «أصغر ملياردير في العالم»; «رئيس ثاني أكبر اقتصاد في العالم», «أفضل لاعب كرة قدم
        # في العالم» (QA50 E9: cut to «رئيس ثاني أكبر اقتصاد»): the elative's noun, then where
        return j + 2
    fielded = (toks[j].norm == "في" and j + 2 < limit and toks[j + 1].norm in _FIELD_NOUNS
               and j - i <= 2 and fold(toks[i].norm).removeprefix("ال") in _FIELD_PEOPLE)
    if prev.norm not in _FIELD_PARTICIPLES and not fielded:
        # «مسؤولون في مجال التكنولوجيا والسيارات أن» (F30, seed 30, 5389: «بحسب مسؤولين»):
        # the people of a field are named with it
        return 0
    for m in range(j + 1, min(limit, j + 1 + _MAX_FIELD + fielded)):
        t = toks[m]
        if (t.norm in STOP or cue_of(t.raw)[1] is not None or is_complementizer(t.norm)
                or t.raw[0] in "\"“”«»(" or t.norm.isdigit()):
            return m if m > j + 1 and is_complementizer(t.norm) else 0
        if t.raw[-1] in "،,:":
            return m + 1
    return 0
