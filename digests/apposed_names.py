"""The name a title is given after a comma: «وقال وزير الداخلية الأسترالي، بيتر دوتون، إن».

`digests.speakers.subject` stops at punctuation, so a title set before its name in apposition
was shown alone: «بحسب وزير الداخلية الأسترالي، …» while the article names Peter Dutton (seed
27: 2313, 2479, 4721, 7139). `apposed_name` reads the name after the title's comma when it is
closed at once by the statement: «، دانا وايت: "…"», «، بيتر دوتون، إن», «، الطيب العروسي، مدير
كرسي المعهد: "…"» (a second title after the name, then the colon).

What stands between the commas must look like a name: one to four words, none a stop word, a
preposition, a time («، الخميس،»), an adverb («، بدوره،»), a relayed source («، نقلا عن …»),
a relative («، الذي …»), a speech verb or participle («، متحدثا …»), an accusative with
tanween, a digit, or a title of its own («، المتحدث باسم …»: that is a second title, whose
words add no name). Pure functions over the tokens of `digests.speaker_words`.
"""

from __future__ import annotations

from digests.speaker_words import (
    _THEN,
    _TITLE_HEADS,
    _WHEN,
    STAFF_NOUNS,
    Tok,
    _time_phrase,
    addressee,
    ali_before_name,
    anonymity,
    now,
)
from digests.speech import (
    MEDIA_NOUNS,
    PREPOSITIONS,
    RELATIVES,
    SPEAKING,
    STOP,
    TRADES,
    cue_of,
    fold,
    is_complementizer,
)

# Heads of a title that a name may follow in apposition. Folded, without «ال».
TITLES = _TITLE_HEADS | STAFF_NOUNS | TRADES | frozenset(
    "وزير وزيره متحدث متحدثه ناطق ناطقه مستشار مستشاره مبعوث مبعوثه محافظ محافظه امين امينه"
    " نائبه سفيره قائده زعيمه مؤسسه ممثله مندوبه عميد عميده اديب اديبه مفكر خبير خبيره"
    " باحث باحثه استاذ استاذه محلله مدعي قاضي قاضيه محامي محاميه لاعب لاعبه مهاجم حارس مدربه"
    " ملك امير مسؤول مسؤوله منسق منسقه مفوض مفوضه مشارك مشاركه عمده عاهل"
    " صانع مدافع هداف نجم نجمه".split())  # «صانع ألعاب فريق ليستر، رياض محرز، إن» (F32's 3225)
_MAX_NAME = 4  # words of the name between the commas
# A rank written before a royal's or a sheikh's name («العاهل السعودي، الملك سلمان بن عبدالعزيز،
# إن», «سفير …، الأمير خالد بن سلمان، إن»: seed 29, 6511 and 5214 showed the title alone). It is
# a title word, so it may only open the name, and it does not count against `_MAX_NAME`. Folded.
HONORIFICS = frozenset("الملك الملكه الامير الاميره الشيخ الشيخه السلطان".split())
_MAX_SECOND = 7  # words of a second title after the name («، مدير كرسي المعهد:»)
# Words that open a description, not a name («، رافضا الكشف عن اسمه،»). Folded.
_NOT_NAMES = frozenset(
    "نقلا ونقلا بدوره بدورها بدورهم ايضا كذلك مضيفا مضيفه مشيرا مشيره مؤكدا مؤكده معتبرا"
    " معتبره موضحا موضحه مشددا مشدده رافضا رافضه مشترطا مفضلا طالبا مستدركا متابعا"
    " والذي والتي وهو وهي وهم".split())


def title_word(tok: Tok) -> bool:
    """«وزير», «المتحدثة», «الأديب»: the head of a title (folded, with or without «ال»)."""
    word = tok.norm.removeprefix("ال")
    return word in TITLES or tok.norm in TITLES


def _name_word(toks: list[Tok], e: int, limit: int) -> bool:
    """Token `e` may be a word of a person's name (not a time, a preposition, a verb, whom it
    was said to, «طلب عدم نشر اسمه» …)."""
    tok = toks[e]
    raw = tok.raw.rstrip("،,:;؛.")
    if not raw or not raw[0].isalpha() or not tok.norm or tok.norm.isdigit():
        return False
    if raw.endswith(("اً", "ًا", "ً", "ٌ", "ٍ")):
        return False  # tanween: an accusative adverb or participle
    if (tok.norm in STOP or tok.norm in PREPOSITIONS or tok.norm in _WHEN or tok.norm in _THEN
            or tok.norm in RELATIVES or tok.norm in SPEAKING or tok.norm in _NOT_NAMES or now(tok)):
        return False
    if is_complementizer(tok.norm) or cue_of(tok.raw)[1] is not None:
        return False
    if addressee(tok) or (tok.norm[:1] == "ل" and tok.norm[1:] in MEDIA_NOUNS) or tok.norm in (
            "لبي", "لسي"):
        return False  # «، لرويترز،», «، لوكالة فرانس برس:»: whom it was said to
    if len(tok.norm) > 4 and tok.norm.endswith(("ها", "هم", "هما")):
        return False  # «، واسمها الحقيقي …»: a possessed noun, no name
    return not title_word(tok) and not anonymity(toks, e, limit)


def _statement_at(toks: list[Tok], m: int, limit: int) -> bool:
    """The statement opens at token `m`: «إن/أن/بأن …» or a quote mark."""
    return m < limit and (is_complementizer(toks[m].norm) or toks[m].raw[0] in "\"“«„")


def _statement_after_addressee(toks: list[Tok], m: int, limit: int) -> bool:
    """«، عبدالملك اليوسفي، لـ"سكاي نيوز عربية" أن …» (F38, seed 36, 3763: «بحسب الكاتب والباحث
    السياسي»): the medium told, glued to «لـ/لل», then «إن/أن» (a comma may close it)."""
    if m >= limit or not toks[m].raw.startswith(("لـ", "لل")):
        return False
    for e in range(m, min(limit, m + 5)):
        t = toks[e]
        if e > m and (is_complementizer(t.norm) or cue_of(t.raw)[1] is not None):
            return is_complementizer(t.norm)
        if t.raw[-1] in ".;؛:":
            return False
        if t.raw[-1] in "،,":
            return e + 1 < limit and is_complementizer(toks[e + 1].norm)
    return False


# What may stand between a name's closing comma and its statement: where or to whom it was said
# («، في بيان، إن», «، خلال جلسة للجنة … إن», «، أمام الصحفيين إن»). Folded.
_SETTINGS = frozenset("في خلال امام لدي عبر اثناء ضمن".split())
_MAX_SETTING = 9  # words of that phrase


def _statement_after_setting(toks: list[Tok], m: int, limit: int) -> bool:
    """«، محمد صالح النظيف، في البيان، إن "…"» (seed 28: 922, 2103, 2257): a phrase of where
    the statement was made, then «إن/أن» (or «:») with no other comma, cue or mark before it."""
    if m >= limit or toks[m].norm not in _SETTINGS:
        return False
    for e in range(m + 1, min(limit, m + _MAX_SETTING)):
        t = toks[e]
        if t.raw[0] in "\"“«„(" or cue_of(t.raw)[1] is not None or t.norm.isdigit():
            return False
        if is_complementizer(t.norm):
            return t.norm[:1] in "اإأ"
        if t.raw.endswith(":"):
            return e + 1 < limit and toks[e + 1].raw[0] in "\"“«„"
        if t.raw[-1] in "،,":
            return _statement_at(toks, e + 1, limit) and is_complementizer(toks[e + 1].norm)
        if t.raw[-1] in ".;؛":
            return False
    return False


# Days and «today/yesterday» set off by commas between a name and its statement. Folded.
_DAYS = frozenset("الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم امس".split())


def _statement_after_day(toks: list[Tok], m: int, limit: int) -> bool:
    """«، علي حسن خليل، الاثنين، إن» (F33, seed 33, 787): the day, then the statement."""
    return (m + 1 < limit and toks[m].norm.rstrip("،,") in _DAYS and toks[m].raw[-1] in "،,"
            and _statement_at(toks, m + 1, limit) and is_complementizer(toks[m + 1].norm))


def _apposed_ali(toks: list[Tok], e: int, limit: int) -> bool:
    """«، علي حسن خليل،» right after a title's comma (F33, seed 33, 787): «علي» spelled with ي
    before a name word is the name Ali (speaker_words.ali_before_name: «، علي هامش القمة،» is
    the preposition, F36); the paragraph need not write «على» elsewhere, as `_name_ali` asks of
    a subject."""
    return ali_before_name(toks, e, limit)


def _second_title_end(toks: list[Tok], m: int, limit: int) -> bool:
    """«، مدير كرسي المعهد: "…"»: a title after the name, closed by a colon, or by a comma
    before the statement."""
    if m >= limit or not title_word(toks[m]):
        return False
    for e in range(m, min(limit, m + _MAX_SECOND)):
        t = toks[e]
        if t.raw[0] in "\"“«„(" or is_complementizer(t.norm) or cue_of(t.raw)[1] is not None:
            return False
        if t.raw.endswith(":"):
            return True
        if t.raw[-1] in "،,":
            return _statement_at(toks, e + 1, limit)
    return False


def _marked_name(toks: list[Tok], i: int, j: int, limit: int) -> int:
    """«كما أعرب عمدة لندن "صديق خان" عن حزنه» (seed 28, 1681: «— عمدة لندن»): the title's name
    in quote marks right after it, two or three name words; the end of the marks, or 0."""
    if not (i < j < limit) or toks[j].raw[0] not in "\"“«„" or not title_word(toks[i]):
        return 0
    if toks[j - 1].raw[-1] in "،,:.;؛\"”»":
        return 0
    for e in range(j, min(limit, j + 3)):
        raw = toks[e].raw
        word = raw.strip("\"“”«»„،,:.;؛")
        norm = fold(word)
        if (not word or not word.isalpha() or norm in STOP or norm in PREPOSITIONS
                or is_complementizer(norm) or cue_of(word)[1] is not None
                or norm.removeprefix("ال") in TITLES or (e == j and norm.startswith("ال"))):
            return 0
        if raw[-1:] in "\"”»":
            # one word in marks is a nickname or a label; marks that end the sentence or a
            # clause («وقال الوزير "نحن جاهزون".») are a short quote
            return e + 1 if e > j and e + 1 < limit else 0
        if raw[-1] in "،,:.;؛":
            return 0
    return 0


def apposed_name(toks: list[Tok], i: int, j: int, limit: int) -> int:
    """The end of the name after the title `toks[i:j]` (whose last word ends in a comma), or 0.

    The name must be closed by the statement: a colon on its last word, a complementizer right
    after it, or a comma followed by the complementizer, a quote mark or a second title. A name
    in quote marks right after the title needs no comma (`_marked_name`).
    """
    marked = _marked_name(toks, i, j, limit)
    if marked:
        return marked
    if not (i < j < limit) or toks[j - 1].raw[-1] not in "،," or not title_word(toks[i]):
        return 0
    if _time_phrase(toks, j):
        return 0
    ranked = toks[j].norm in HONORIFICS and j + 1 < limit and toks[j].raw[-1] not in "،,:"
    for e in range(j, min(limit, j + _MAX_NAME + ranked)):
        t = toks[e]
        if (e > j and t.norm.startswith("لل") and t.raw[-1] in "،,"
                and _statement_after_day(toks, e + 1, limit)):
            return e  # «، شريف إسماعيل للصحفيين، الخميس، إن»: whom he told ends the name
        if not (_name_word(toks, e, limit) or (ranked and e == j)
                or (e == j and _apposed_ali(toks, e, limit))):
            return 0  # («، علي حسن خليل،»: the name «علي», F33's 787)
        if t.raw.endswith(":"):
            return e + 1  # «، دانا وايت: "…"», «، محمد المومني،: "…"»
        if t.raw[-1] in "،,":
            after = e + 1
            if (_statement_at(toks, after, limit) or _second_title_end(toks, after, limit)
                    or _statement_after_setting(toks, after, limit)
                    or _statement_after_addressee(toks, after, limit)
                    or _statement_after_day(toks, after, limit)):
                return after
            return 0
        if t.raw[-1] in ";؛.":
            return 0
        nxt = toks[e + 1] if e + 1 < limit else None
        if nxt is not None and e > j + ranked and nxt.raw[0] in "\"“«„" and fold(
                nxt.raw.lstrip("\"“«„"))[:1] and not nxt.raw.rstrip("،,:.;؛").endswith(
                    ("\"", "”", "»")):
            # «وأوضح مسؤول الشرطة في ولاية يوبي، عبد المالك سومونو "عادت …"» (seed 29, 1157):
            # the quote's opening mark closes a name of two words or more (one word before a
            # mark may be a title's object, a one-word mark a nickname).
            return e + 1
        if nxt is not None and nxt.raw[-1] not in "،,:" and is_complementizer(nxt.norm) and (
                nxt.raw == "إن" or not any(toks[m].norm.startswith("ال") for m in range(j, e + 1))):
            # «، بيتر دوتون إن …», «، يوفال شتاينيتص بأنها …» (not «إن،», the end of «مون جاي
            # إن،»; not a definite object before «بأن»: «ووصفت X، الانتخابات بأنها»)
            return e + 1
    return 0


def name_run(toks: list[Tok], j: int, limit: int) -> int:
    """The end of a name of one to four words from token `j` closed by a comma («، إبراهيم
    قالن،»), or 0 (for digests.fronted_titles: the name set after a title before its verb)."""
    for e in range(j, min(limit, j + _MAX_NAME)):
        if not _name_word(toks, e, limit):
            return 0
        if toks[e].raw[-1] in "،,":
            return e + 1
        if toks[e].raw[-1] in ":;؛.":
            return 0
    return 0


_MAX_REST = 8  # words of a title's rest before the comma and the name


def far_apposed_name(toks: list[Tok], i: int, j: int, limit: int) -> tuple[int, int]:
    """«وقال الأستاذ في مركز ويلكام تراست لأبحاث الأعصاب … في جامعة كلية لندن، غاريث بارنز،
    المشارك في قيادة فريق البحث: "…"» (F25's left, 5721): the subject `toks[i:j]` stopped
    inside a long title; the rest of it runs to a comma, then the name closed by the statement
    (`apposed_name`). Returns (where the name starts, where it ends), or (0, 0)."""
    if not (i < j < limit) or toks[j - 1].raw[-1] in "،,:.;؛" or not title_word(toks[i]):
        return 0, 0
    for m in range(j, min(limit, j + _MAX_REST)):
        t = toks[m]
        if (t.raw[0] in "\"“«„(" or is_complementizer(t.norm) or cue_of(t.raw)[1] is not None
                or t.norm.isdigit() or (t.norm in STOP and t.norm != "في")):
            return 0, 0
        if t.raw[-1] in ":.;؛":
            return 0, 0
        if t.raw[-1] in "،,":
            end = apposed_name(toks, i, m + 1, limit)
            if not end:
                return 0, 0
            # «رئيس مجلس الإدارة والرئيس التنفيذي لمجموعة موانئ دبي العالمية، سلطان بن سليم،
            # أن» (seed 28, 1701: the firm was dropped): a short genitive rest in «ل» is the
            # title's own and is kept; a long one with places («في جامعة …») is not.
            own = (m + 1 - j <= _MAX_OWN and toks[j].norm[:1] == "ل"
                   and toks[j].norm[1:].removeprefix("ل") not in MEDIA_NOUNS
                   and toks[j].norm[1:] not in MEDIA_NOUNS and toks[j].norm not in ("لبي", "لسي")
                   and not any(toks[x].norm in STOP for x in range(j, m + 1)))
            return (j if own else m + 1), end
    return 0, 0


_MAX_OWN = 5  # words of a title's genitive rest kept with the name


# Ranks and honorifics that open a name after a title's place («الخبير … في الاقتصاد الدولي
# الدكتور سالم العتيبي أن»). Folded.
_RANKS = HONORIFICS | frozenset(
    "الدكتور الدكتوره المهندس المهندسه العقيد اللواء العميد الرائد النقيب المقدم الملازم"
    " الفريق المستشار".split())
_MAX_PLACE = 4  # definite words of the place after «في»


def placed_name(toks: list[Tok], i: int, j: int, limit: int) -> tuple[int, int]:
    """«وأكد الخبير السعودي في التجارة الدولية الدكتور فواز العلمي أن» (F30, seed 30, 2802;
    F29's left: «بحسب الخبير السعودي»): the subject `toks[i:j]`, a title, stopped at «في»; a
    place of definite words (or a name in quote marks) follows, then the name, closed at once by
    the statement: a rank and one to four words, or two to four words whose first is not
    definite. Returns (where the name starts, where it ends), or (0, 0); a medium's name in
    quote marks stays with the title («المحررة في "واشنطن بوست" سارة جونز»), a place does not."""
    if (not (i < j < limit) or toks[j].norm != "في" or toks[j - 1].raw[-1] in "،,:.;؛"
            or not title_word(toks[i])):
        return 0, 0
    m, place = j + 1, 0
    while m < limit and place < _MAX_PLACE:
        t = toks[m]
        if t.raw[0] in "\"“«" and not place:
            close = next((x for x in range(m, min(limit, m + 4))
                          if toks[x].raw.rstrip("،,").endswith(("\"", "”", "»"))), None)
            if close is None or toks[close].raw[-1] in "،,":
                return 0, 0
            m, place = close + 1, -1  # «في "نيويورك تايمز"»: a medium, kept with the title
            break
        if (not t.norm.startswith("ال") or not t.raw[-1].isalpha() or t.norm in STOP
                or t.norm in _RANKS or title_word(t) or cue_of(t.raw)[1] is not None):
            break
        m, place = m + 1, place + 1
    if not place:
        return 0, 0
    ranked = m < limit and toks[m].norm in _RANKS
    first = m + ranked
    for e in range(first, min(limit, first + _MAX_NAME + 1)):
        if (toks[e].raw.startswith("لـ") and (ranked or e - first >= 2)
                and _statement_at(toks, e + 1, limit)):
            return (j if place < 0 else m), e  # «شادي مطور لـ"العربية.نت" إن»: whom he told
        if e == first + _MAX_NAME:
            return 0, 0
        if not _name_word(toks, e, limit) or (e == first and not ranked
                                              and toks[e].norm.startswith("ال")) or (
                toks[e].raw.startswith("لـ") or any(q in toks[e].raw for q in "\"“”«»")):
            return 0, 0
        if toks[e].raw[-1] in "،,.;؛":
            return 0, 0
        enough = ranked or e > first
        if toks[e].raw.endswith(":") or (
                _statement_at(toks, e + 1, limit) and toks[e + 1].raw[-1] not in "،,:"):
            return ((j if place < 0 else m), e + 1) if enough else (0, 0)
    return 0, 0


def named_li(toks: list[Tok], i: int, limit: int) -> bool:
    """Token `i` is «لي» that opens a name, not «to me» («وقالت لي آى-ران، التي فرت …» (F30,
    seed 30, 3344), «علقت لي شوتشيان النائبة» (F28's 2907), both shown without «لي»): the
    word after it is not definite and not a title, and it is hyphenated («آى-ران») or followed
    by a comma or a title («، النائبة»). «قال لي مسؤول», «قال لي صديق إن» stay «to me»."""
    if toks[i].norm != "لي" or toks[i].raw != "لي" or i + 1 >= limit:
        return False
    word = toks[i + 1]
    if word.norm.startswith("ال") or not _name_word(toks, i + 1, limit):
        return False
    if "-" in word.raw.strip("،,:") or word.raw[-1] in "،,":
        return True
    return i + 2 < limit and word.raw[-1].isalpha() and toks[i + 2].norm.startswith("ال") and (
        title_word(toks[i + 2]))
