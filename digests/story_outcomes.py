"""Whether a new report of a story carries a new outcome for a chat that was sent the story
(pure; QA34 R1).

A match preview, its live page and its result form one story, so followers got the morning
preview and never the score: a same-story report within UPDATE_AFTER (18 h) was never sent.
`new_outcome` tells such a report apart from another source's copy: its headline gives a result
the headlines the chat was sent did not — a result verb («يتأهل», «يفوز», «ينهي حلم», «يتعادل»)
none of them had, or a score («٣-١», «2-1») or a number none of them had (a toll that changed: «37
قتيلا» → «53 قتيلا»). digests.story_updates then queues it as the day's «🔄 تحديث».
A result word behind a purpose «ل» («يسعى للفوز»), in a quoted promise («زيدان: سنلعب للفوز»)
or in a question is none (QA41 T3), nor one a hedge goes before («تقارير: ترامب قد يطيح
بتيلرسون», «هل يطيح…» with no «؟»): such a rumour gives no mark either, so the real «ترامب يطيح
بتيلرسون» after it is the update (QA44 T7). A scorer's feat is a result («صلاح يسجل "سوبر
هاتريك"», «يسجل رباعية», «يسجل 4 أهداف»): the in-match report before it gave none (QA42 B1).
So is a player or coach leading a team through to a round («ميسي يقود برشلونة إلى ربع نهائي
دوري الأبطال», «يقود الريال لربع النهائي»: the tie was won; X69), unless hedged («هل يقود…»,
«قد يقود…») or promised («سيقود»).
Full control of a place is an outcome too (QA79-4: «… تتوغل في مدينة عفرين» queued, then «…
تسيطر بالكامل على مدينة عفرين»; X141): a control word («تسيطر», «السيطرة», «تستعيد», «تحرر»)
followed within FULL_REACH words by «بالكامل», «الكاملة», «كامل», «التامة» — not behind a hedge, a
purpose «ل» («للسيطرة الكاملة») or in a question — when no sent headline told full control or
a fall («سقوط عفرين»). Control alone («تسيطر على مركز المدينة» after «تدخل») stays no outcome
(X63: a third source's retelling is no update).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests import story_figures, tolls
from digests.arabic import normalize

# Result words, normalized (digests.arabic.normalize folds alef/ya/ta marbuta), matched as whole
# words after an optional و/ف/ب/ل prefix: what a report after the event says and a preview
# («عازم على تخطي», «في مهمة صعبة») does not.
RESULT_WORDS = frozenset(normalize(w) for w in (
    "فوز", "فوزه", "فوزها", "يفوز", "تفوز", "فاز", "فازت", "يتاهل", "تتاهل", "تاهل", "تاهلت",
    "يهزم", "تهزم", "هزم", "هزمت", "هزيمة", "يقصي", "تقصي", "اقصت", "يتعادل", "تتعادل",
    "تعادل", "تعادلت", "يخسر", "تخسر", "خسر", "خسرت", "خسارة", "يتوج", "تتوج", "توج", "توجت",
    "ينهي", "تنهي", "انهى", "انهت", "يسحق", "تسحق", "سحق", "يكتسح", "اكتسح", "يودع", "تودع",
    "ودع", "ودعت", "يحسم", "تحسم", "حسم", "حسمت",
    # QA41 T3: results the list missed («الريال يطيح بباريس», «يتغلب على», «يعبر», «خروج
    # باريس من دوري الأبطال»); the bare «عبر» (also «via») stays a mark only
    "يطيح", "تطيح", "اطاح", "اطاحت", "يتغلب", "تتغلب", "تغلب", "تغلبت", "يعبر", "تعبر",
    # QA48 R2: a firing, a resignation, a verdict or an acquittal told by its verb («ترامب
    # يقيل…», «تيلرسون يستقيل», «المحكمة تبرئ مبارك», «الحكم بسجن…»); the nouns («إقالة»,
    # «مطالبات بإقالة») stay marks: a demand or a rumour is no outcome
    "يقيل", "تقيل", "اقال", "اقالت", "يعزل", "يستقيل", "تستقيل", "استقال",
    "استقالت", "يبرئ", "تبرئ", "برات", "بسجن",
))
# Words that mark a headline as giving a result already (blocking a later «result», not making
# one): «يتفوق», «تحبط», «يصعق بهدف», «ثلاثية» — the same score told again is no update.
RESULT_MARKS = RESULT_WORDS | frozenset(normalize(w) for w in (
    "يتفوق", "تتفوق", "تفوق", "يتغلب", "تتغلب", "تغلب", "يصعق", "تصعق", "صعق", "يحبط", "تحبط",
    "احبط", "ثنائية", "ثلاثية", "رباعية", "خماسية", "سداسية", "يقلب", "تقلب", "يكرر", "يمنح",
    "تمنح", "منح", "بهدف", "بهدفين", "وفاة", "مقتل", "يطيح", "اطاح", "يعبر", "عبر", "يصمد",
    "يحقق", "حقق", "انجازا", "نتائج", "هاتريك", "يمزق", "يمزقان", "تمزق", "مزق", "مزقت",
    # «أقصى» (the most) normalizes as «اقصى» (knocked out): a mark, never a result
    "اقصى", "خروج", "اكتساح", "يحصد",
    # a resignation or a dismissal told: «تطيح به» after it is the same outcome
    "استقالة", "استقال", "يستقيل", "تستقيل", "اقالة", "يقيل", "اقال", "اقالته", "تحصد", "حصد", "حصدت", "الفائزين", "فائز", "النصر", "انتصار"))
TOLL_WORDS = frozenset(normalize(w) for w in (
    "قتيلا", "قتلى", "قتيل", "مصرع", "مقتل", "ضحايا", "ضحية", "جرحى", "جريحا", "مصابا", "اصابة",
    "وفاة", "وفيات", "حصيلة",
    # a toll told by its verb (QA42 B6: «غارات الغوطة تقتل عشرات» corrected to «… تقتل 37 مدنيا»)
    "تقتل", "يقتل", "قتل", "قتلت", "مدنيا", "مدنيين"))
_SCORE = re.compile(r"(\d+)\s*[-–:]\s*(\d+)")
_NUMBER = re.compile(r"\d+")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_PREFIXES = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "ال", "وال", "بال", "فال", "لل")
# «ل» before a result word is a purpose, not a result: «يسعى للفوز», «سنلعب للفوز» (QA41 T3)
_PURPOSE = ("ل", "ول", "لل")
# … unless a «يقود» goes before it: «صلاح يقود ليفربول لفوز صعب» is the result
_LEADS = frozenset(normalize(w) for w in ("يقود", "تقود", "قاد", "قادت"))
# «يعبر عن» is «expresses» («الكويت تدين…: تعبر عن تعنت»), not «gets past»
_EXPRESSES = re.compile(normalize(r"(?<!\w)[يت]عبر\s+عن(?!\w)"))
# «خروج» is a result only from a competition («خروج باريس من دوري الأبطال»), not «الخروج
# الآمن» of fighters (a mark elsewhere: a result told already)
_EXIT = re.compile(normalize(r"(?<!\w)(?:ال)?خروج(?:\s+\w+){0,3}\s+من\s+(?:ال)?(?:دوري|كأس|بطولة"
                             r"|مونديال|تصفيات|سباق)"))
# A quote («زيدان: سنلعب للفوز») whose verb is a future or a first person is a promise, not a
# result: «سـ» before a present verb (سنلعب، سيفوز، ستتأهل، سأفوز), «سوف», «لن» (QA41 T3)
_FUTURE = re.compile(r"(?<!\w)(?:سوف|لن|س[نيتا]\w{3,})(?!\w)")
# Words that begin like such a verb and are none («سنوات», «سياسة»): not a promise
_NOT_FUTURE = frozenset(normalize(w) for w in (
    "سنوات", "سنويا", "سنوية", "سيارة", "سيارات", "سياسة", "سياسي", "سياسية", "سياسيين",
    "سيطرة", "سيطرته", "سيدة", "سيدات", "سيناء", "ستين", "سنغافورة", "سيول", "سيادة",
    "ستاد", "سيناريو", "سانت", "ساعات", "ساعة", "سابق", "سابقة", "سابقا", "ساحة", "سامح",
    "ساري",
    # control told in a quote («قائد: سيطرنا على عفرين», «المرصد: القوات سيطرت …»): past, not
    # a promise (X141)
    "سيطرت", "سيطرنا", "سيطروا", "سيطرتها", "سيطرتهم", "سيطرتنا"))


# A hedge up to 3 words before a result word makes it a rumour or a question (QA44 T7): «قد»
# only before a present verb («قد يطيح»; «وقد فاز» is told), «هل» also without its «؟»
_HEDGES = frozenset(normalize(w) for w in (
    "ربما", "هل", "يتوقع", "توقع", "توقعات", "متوقع", "يرجح", "مرجح", "يحتمل", "محتمل",
    "احتمال", "احتمالات", "تقارير", "انباء",
    # «من المتوقع أن …», «من المرجح», «لعل …», «عسى …» (QA52 R3)
    "المتوقع", "المرجح", "المحتمل", "ويتوقع", "لعل", "ولعل", "لعله", "لعلها", "عسى"))
_MAY = normalize("قد")
# A scorer's feat (QA42 B1): a scoring verb, then within 3 words a count of goals («هاتريك»,
# «رباعية») or a number and «أهداف»: «صلاح يسجل "سوبر هاتريك"», «يحرز ثلاثية»
_SCORES = frozenset(normalize(w) for w in (
    "يسجل", "تسجل", "سجل", "سجلت", "يحرز", "تحرز", "احرز", "احرزت"))
_FEATS = frozenset(normalize(w) for w in (
    "هاتريك", "هاتريكا", "ثنائية", "ثلاثية", "رباعية", "خماسية", "سداسية", "هدفين"))
_GOALS = re.compile(r"^(?:\d+|اربع\w*|ثلاث\w*|خمس\w*|ست\w*|سبع\w*)$")
_GOAL_NOUNS = frozenset(normalize(w) for w in ("أهداف", "هدفا"))


def _hedged(words: Sequence[str], i: int) -> bool:
    """Whether a hedge goes up to 3 words before words[i] («قد» only right before a present
    verb: «قد يطيح» may, «قد أطاح» did), or words[i] is in a hedged clause (`_clauses`)."""
    before = words[max(0, i - 3):i]
    return bool(_HEDGES & set(before)) or (
        i > 0 and words[i - 1] == _MAY and words[i][:1] in "يتن") or (
        isinstance(words, _Hedged) and i < len(words.flags) and words.flags[i])


# A clause a hedge, a wish or a promise opens tells no result anywhere in it (QA48 R1): the
# count noun and the round of «قد يسجل صلاح هاتريك», «رونالدو سيقود الريال لربع النهائي»,
# «يتوقع أن يسجل صلاح ثنائية», «ليفربول يبحث عن الفوز» are the preview's, not marks a result
# repeats. A clause ends at «:»، «،», «؛», a dash or a full stop.
_WISHES = frozenset(normalize(w) for w in (
    "يبحث", "تبحث", "يسعى", "تسعى", "يطمح", "تطمح", "يامل", "تامل", "يحلم", "تحلم",
    "يريد", "تريد", "يامل", "يرغب", "ترغب",
    # a demand is no outcome either: «مطالبات بسجن…», «تطالب بإقالة…» (QA48 R2)
    "يطالب", "تطالب", "طالب", "طالبت", "مطالب", "مطالبات", "مطالبة", "يدعو", "تدعو", "دعوات"))
_CLAUSE_END = re.compile(r"\w+|[:،,؛;.\-–—|]")
# a promise: «سوف», «لن», or «سـ» before a verb of result, lead or score («سيقود», «ستفوز»;
# not «سيميوني», «ستوكهولم»: names and places begin so too)
_WILL = frozenset(normalize(w) for w in ("سوف", "لن"))


def _promised(word: str) -> bool:
    """Whether normalized `word` is a promise: «سوف», «لن», «سيقود», «ستفوز», «سيسجل»."""
    bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    return bare in _WILL or (bare[:1] == "س" and bare[1:2] in "يتن" and (
        bare[1:] in RESULT_WORDS or bare[1:] in _LEADS or bare[1:] in _SCORES))


class _Hedged(list[str]):
    """A headline's words with, for each, whether a hedged clause holds it (`flags`)."""

    flags: list[bool]


def _clauses(text: str) -> _Hedged:
    """The words of normalized `text` (as `_result_words` splits them), each flagged when
    a hedge («هل», «ربما», «يتوقع» …; «قد» before a present verb), a wish («يبحث عن», «يسعى») or a
    promise («سيقود», «سوف», «لن») goes before it, or is it, in its clause."""
    out, flags, on = _Hedged(), [], False
    tokens = _CLAUSE_END.findall(text)
    for n, tok in enumerate(tokens):
        if not re.fullmatch(r"\w+", tok):
            on = False
            continue
        nxt = tokens[n + 1] if n + 1 < len(tokens) else ""
        if tok in _HEDGES or tok in _WISHES or (tok == _MAY and nxt[:1] in "يتن") or _promised(tok):
            on = True
        out.append(tok)
        flags.append(on)
    out.flags = flags
    return out


def _bare(word: str) -> str:
    """`word` without a «و/ف/ب» prefix («ويسجل», «برباعية»)."""
    return word[1:] if word[:1] in "وفب" and len(word) > 4 else word


def _feat(words: Sequence[str]) -> bool:
    """Whether the headline's words tell a scorer's feat: a scoring verb followed within 3
    words by a count noun, or by a number and a noun of goals (not behind a hedge)."""
    for i, w in enumerate(words):
        if _bare(w) not in _SCORES or _hedged(words, i):
            continue
        after = [_bare(a) for a in words[i + 1:i + 4]]
        if _FEATS & set(after) or any(
                _GOALS.match(a.translate(_ARABIC_DIGITS)) and b in _GOAL_NOUNS
                for a, b in zip(after, after[1:])):
            return True
    return False


# A «يقود X لـ<round>» sentence (X69): a leading verb, then within 4 words «إلى/لـ» a round of
# the cup («ربع/نصف/ثمن النهائي», «النهائي»): the tie that round follows was won. The verb
# behind a hedge is none; a promise («سيقود») or a question is none already (`_result_words`).
_LEAD_VERBS = r"[وف]?(?:يقود|تقود|قاد|قادت)"
_LED_THROUGH = re.compile(normalize(
    rf"(?<!\w)({_LEAD_VERBS})(?:\s+\w+){{1,4}}?\s+(?:إلى\s+|لل|ل)(?:(?:ربع|نصف|ثمن)\s+)?"
    r"(?:ال)?نهائي(?!\w)"))


def _led_through(text: str, words: Sequence[str]) -> bool:
    """Whether normalized `text` (its `words`) leads a team through to a round, not behind a
    hedge."""
    for match in _LED_THROUGH.finditer(text):
        i = len(re.findall(r"\w+", text[:match.start(1)]))  # the verb's index in `words`
        if i < len(words) and not _hedged(words, i):
            return True
    return False


# «… إلى ربع النهائي» (who went through) gives a result already: a mark, not a result («الطريق
# إلى النهائي» is a preview's too)
_REACHED = re.compile(normalize(r"(?<!\w)(?:إلى|ل)\s*(?:ربع|نصف)?\s*(?:ال)?نهائي"))


def _words(title: str) -> set[str]:
    out: set[str] = set()
    for word in re.findall(r"\w+", normalize(title or "")):
        out.add(word)
        for p in _PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 3:
                out.add(word[len(p):])
    return out


def _promise(title: str) -> bool:
    """Whether `title` quotes someone (a «name: words» headline, or «…» marks) whose words
    are a future or a promise: «زيدان: سنلعب للفوز في باريس»."""
    text = normalize(title or "")
    quoted = [text.partition(":")[2], *(a or b for a, b in
                                        re.findall(r"«([^»]*)»|\"([^\"]*)\"", text))]
    return any(m.group(0) not in _NOT_FUTURE for q in quoted for m in _FUTURE.finditer(q))


def _result_words(title: str, vocabulary: frozenset[str]) -> set[str]:
    """The words of `vocabulary` that `title` says as a result: not behind a purpose «ل», and
    none in a headline that quotes a promise or asks («هل يطيح الريال بباريس؟», «ما الأسباب
    التي أطاحت بتيلرسون؟»: a preview, an analysis after the news)."""
    if _promise(title) or "؟" in title or "?" in title:
        return set()
    text = _EXPRESSES.sub(" ", normalize(title or ""))
    words = _clauses(text)
    kept = " ".join(w for i, w in enumerate(words) if not _hedged(words, i) and (
        _LEADS & set(words[max(0, i - 3):i])
        or not any(w.startswith(p) and w[len(p):] in vocabulary for p in _PURPOSE)))
    found = _words(kept) & vocabulary
    if _feat(words):
        found.add("feat")
    if _led_through(text, words):
        found.add("through")
    return found | {"خروج"} if _EXIT.search(text) else found


def _asserted(title: str) -> str:
    """What normalized `title` asserts: nothing for a question or a quoted promise, else its
    words outside hedged clauses («قد يقود رونالدو الريال لربع النهائي» reached nothing)."""
    if _promise(title) or "؟" in title or "?" in title:
        return ""
    words = _clauses(normalize(title or ""))
    return " ".join(w for i, w in enumerate(words) if not _hedged(words, i))


def _numbers(title: str) -> set[str]:
    text = (title or "").translate(_ARABIC_DIGITS)
    return set(_NUMBER.findall(text)) | {f"{a}-{b}" for a, b in _SCORE.findall(text)}


# Full control (X141, QA79-4): a control word, then within FULL_REACH words a word of «full»
_CONTROL = frozenset(normalize(w) for w in (
    "يسيطر", "تسيطر", "سيطر", "سيطرت", "يسيطرون", "سيطروا", "سيطرنا", "سيطرة", "سيطرته",
    "سيطرتها", "سيطرتهم", "سيطرتنا", "يستعيد", "تستعيد", "استعاد", "استعادت", "استعادة", "يحرر",
    "تحرر", "حرر", "حررت", "تحرير", "احكم", "احكمت"))  # not «تحكم» (a court's «rules»)
_FULL = frozenset(normalize(w) for w in (
    "كامل", "كاملة", "كاملا", "بكامل", "تام", "تامة", "تاما", "التامة"))
# a fall told («سقوط عفرين», «عفرين تسقط»): the full outcome told already
_FELL = frozenset(normalize(w) for w in ("سقوط", "تسقط", "يسقط", "سقطت", "سقط"))
FULL_REACH = 4


def _stems(word: str) -> set[str]:
    """`word` and the word after each of `_PREFIXES` («بالكامل» → «كامل», «والسيطرة» → «سيطره»)."""
    return {word} | {word[len(p):] for p in _PREFIXES
                     if word.startswith(p) and len(word) - len(p) >= 3}


def full_control(title: str) -> bool:
    """Whether `title` tells full control of a place (see the module docstring): «القوات
    تسيطر بالكامل على المدينة», «أردوغان يعلن "السيطرة الكاملة" على مركز عفرين»; not in a
    question, a quoted promise, a hedged clause or behind a purpose «ل» («تسعى للسيطرة
    الكاملة»)."""
    if _promise(title) or "؟" in title or "?" in title:
        return False
    words = _clauses(normalize(title or ""))
    for i, word in enumerate(words):
        if not _stems(word) & _CONTROL or _hedged(words, i) or any(
                word.startswith(p) and word[len(p):] in _CONTROL for p in _PURPOSE):
            continue
        if any(_stems(after) & _FULL for after in words[i + 1:i + 1 + FULL_REACH]):
            return True
    return False


def _fell(title: str) -> bool:
    """Whether `title` asserts a fall («سقوط عفرين»): full control told another way."""
    return bool(_words(_asserted(title)) & _FELL)


def may_give_outcome(headline: str, lead: str = "") -> bool:
    """Whether `headline` (its report's first sentence `lead`) could be a `new_outcome` after
    any sent headlines: it has a result word or a figure, or its lead a toll (a report with
    none is no update, whatever the chat was sent)."""
    return bool(_result_words(headline, RESULT_WORDS)) or bool(_numbers(headline)) or bool(
        lead and story_figures.tolls(lead)) or full_control(headline)


_MEASURE = re.compile(r"(\d+)\s*(?:عام|عاما|سنة|سنوات|مليار|مليون|الف|ألف|دولار|دقيقة|ساعة"
                      r"|يوما|ايام|أيام)\b")


def _measures(title: str) -> set[str]:
    """Figures that are an age, a sum, a time or a year («31 عاما», «100 مليار», «منذ سبتمبر
    2014»: digests.tolls' `Count.year`, X131), not a toll."""
    years = {str(int(c.value)) for c in tolls.counts(title or "")[1] if c.year}
    return set(_MEASURE.findall((title or "").translate(_ARABIC_DIGITS))) | years


def new_outcome(sent: Sequence[str], headline: str, *, lead: str = "",
                sent_leads: Sequence[str] = (), corrected: bool = False) -> bool:
    """Whether `headline` gives a result or a figure none of the `sent` headlines gave: a
    result word (RESULT_WORDS) absent from all of them, a score absent from all, or — when they
    gave a figure — another figure. Also (digests.story_figures) when its report's `lead`
    gives a toll higher than the sent headlines and their `sent_leads` did (QA71-2: «… يحصد
    المزيد من الأرواح» led with 28 dead after «عشرات القتلى»), and, for a headline
    `corrected` in place, when it changes a count of people or a sum («3000 شخص» → «5000
    شخص», QA71-3); and when it tells full control (`full_control`) none of them told, nor a
    fall (QA79-4: «تتوغل في مدينة عفرين» → «تسيطر بالكامل على مدينة عفرين»)."""
    if not sent:
        return False
    if lead and story_figures.new_lead_figure([*sent, *sent_leads], lead):
        return True
    if corrected and story_figures.changed_figure(sent, headline):
        return True
    had_marks = set().union(*(_result_words(s, RESULT_MARKS) for s in sent))
    if any(_REACHED.search(_asserted(s)) for s in sent):  # «روما إلى ربع النهائي»: a result
        had_marks.add("reached")
    had_numbers = set().union(*(_numbers(s) for s in sent))
    words = _words(headline)
    # a result after headlines that gave none (a preview, a live page, a promise: «سنلعب
    # للفوز» gave no «فوز»); not the same result in other words («يقصي» then «يتأهل»)
    results = set() if had_marks else _result_words(headline, RESULT_WORDS)
    new_numbers = _numbers(headline) - had_numbers - _measures(headline)
    # a toll that changed (a number beside a toll word, where the sent headlines had a number
    # or none: «قتلى» → «20 قتيلا»), or a new score; not any figure a second source gives
    # («240 مليار» beside «64 مليار», «7 صواريخ» beside «صاروخا»)
    numbers = {n for n in new_numbers if "-" in n} | (new_numbers if words & TOLL_WORDS
                                                      else set())
    # full control after headlines that told none (an advance, an entry, a partial control:
    # «تتوغل» → «تسيطر بالكامل», QA79-4) nor a fall
    full = full_control(headline) and not any(full_control(s) or _fell(s) for s in sent)
    return bool(results) or bool(numbers) or full
