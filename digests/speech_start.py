"""Where the speech a cue introduces starts: after إن/أن, «:», quote marks, or a comma.

digests.speech_cues finds a cue and its written subject; this reads the words after them for
the mark that opens what was said. Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.describer_subjects import described
from digests.name_tails import tail_at
from digests.speakers import Tok, anonymity, opens_statement
from digests.speech import (
    CLAUSE_CONJ,
    HEDGES,
    NEGATIONS,
    RELATIVES,
    cue_of,
    fold,
    is_complementizer,
    strip_conj,
)

# «بما أن» (since), «بعد أن» (after): the complementizer opens an adverbial clause.
_ADVERBIAL_HEADS = frozenset(
    "علما وعلما بما وبما طالما حيث وحيث رغم برغم بعد وبعد قبل وقبل منذ دون بدون لمجرد".split())
_WAS = frozenset("كان كانت كانوا كنت".split())
# «، خصوصاً بعد أن»: the adverbs that may stand between the comma and a time clause. Folded.
_ESPECIALLY = frozenset("خصوصا خاصه وخصوصا وخاصه لا سيما ولاسيما لاسيما تحديدا".split())
_OCCASION = frozenset("في خلال امام عبر".split())
# «التفاصيل:», «للمزيد:», «اقرأ أيضا:»: a colon that leads to a related link's title. Folded.
_TEASERS = frozenset("التفاصيل تفاصيل للتفاصيل المزيد للمزيد اقرا ايضا".split())
# «للجهات المشاركة وهي: …», «ومنها:»: a pronoun before the colon introduces a list. Folded.
_LISTING = frozenset("هي وهي هو وهو هم وهم هما وهما منها ومنها".split())
_IF_PAST = frozenset("تم كان كانت حصل جري وقع استمر استمرت ثبت".split())  # folded
_MODALS = frozenset("يمكن يجب ينبغي بد يتعين يجدر يمكنه يمكنها يمكنهم".split())
# «…، الحقيقة أنه …», «…، والأكيد أن …»: the writer's own verdict set off by a comma, a
# nominal clause of its own (F31, seed 31, 824). Folded, without «و».
_VERDICTS = frozenset(
    "الحقيقه الواقع المؤكد الاكيد اللافت المهم الاهم المفارقه الغريب الطريف المثير".split())


def lists_after(toks: Sequence[Tok], k: int, end: int) -> bool:
    """A colon after a pronoun («وهي:», «ومنها:») follows token `k` before offset `end`: what
    comes after it is a list (QA13 6535), not speech."""
    return any(t.raw.endswith(":") and t.norm.rstrip(":") in _LISTING
               for t in toks[k + 1:] if t.start < end)


def host_noun(raw: str, hit: tuple[str, str] | None) -> bool:
    """«مضيفه» (his host) folds like «مضيفة» (adding): a feminine participle is written with ة."""
    return (hit is not None and hit[0] == "part" and hit[1] == "f"
            and raw.rstrip(":،,.")[-1:] == "ه")


# «في بيان نقلت مقتطفات منه وكالة …»: a relay verb that describes the document before it.
_DOCUMENT_NOUNS = frozenset("بيان تصريح تصريحات مقابله حديث رساله كلمه تغريده مقال".split())
_RELAY = frozenset("نقل نقلت نقلته نقلتها ينقل تنقل".split())


def describes_document(toks: list[Tok], m: int) -> bool:
    """The verb at token `m` tells how the document named before it came out («في بيان نقلت
    مقتطفات منه الوكالة»): a relative clause on that noun, not a new statement."""
    return (m > 0 and strip_conj(toks[m].norm) in _RELAY
            and toks[m - 1].norm in _DOCUMENT_NOUNS)


def _cnn(toks: list[Tok], m: int) -> bool:
    """«إن» at token `m` is a letter of «سي إن إن» (CNN), «سي إن بي سي» or «إن تي في» (NTV),
    not a complementizer."""
    nxt = toks[m + 1].norm if m + 1 < len(toks) else ""
    after = toks[m + 2].norm if m + 2 < len(toks) else ""
    return ((toks[m - 1].norm == "سي" and nxt in ("ان", "بي"))
            or (m >= 2 and toks[m - 1].norm == "ان" and toks[m - 2].norm == "سي")
            or (nxt == "تي" and after == "في"))


# «كشف حساب/حسابات» (a statement of account). Folded; not «الحساب» («كشف الحساب الرسمي
# للوزارة أن …» is an account that revealed).
_ACCOUNT = frozenset("حساب حسابات".split())


def statement_of_account(norm: str, nxt: str) -> bool:
    """«… لتقديم كشف حساب للشعب المصري عن فترته الرئاسية: "…"» (F46, seed 41, 5493: «— حساب
    للشعب المصري»): «كشف» before «حساب» is the noun (a statement of account), never «revealed»;
    `norm` and `nxt` are the folded word and the one after it."""
    return strip_conj(norm) == "كشف" and nxt.rstrip("،,") in _ACCOUNT


def _is_cue(raw: str, nxt: str = "") -> bool:
    """A speech cue, and not a noun that folds like one: another cue ends this one's reach
    («وصفته X بأنه»: the «أن» is the describer's, not an earlier verb's; in «انتقدت الخطوة
    ووصفتها بأنها» no subject follows «ووصفتها» and the speech goes on)."""
    norm, hit = cue_of(raw)
    if statement_of_account(norm, nxt):
        return False  # «… في مؤتمر … لتقديم كشف حساب للشعب …:» (F46): the speech goes on
    return ((hit is not None and not host_noun(raw, hit))
            or (described(norm) is not None and bool(nxt) and nxt[:1] not in "بل"))


# Verbs of speech that take «إلى أن» («أشار إلى أن», «لافتا إلى أن»): stems, folded.
_TO_STEMS = ("شار", "شير", "لفت", "لافت", "نوه", "منوه", "دعا", "دعو", "داعي", "دعت", "لمح",
             "ذهب", "خلص", "تطرق")


def _to_verb(norm: str) -> bool:
    """The cue is a verb of speech that takes «إلى» («وأشار», «لافتا», «ودعت»)."""
    return any(stem in norm for stem in _TO_STEMS)


def _describes_noun(toks: list[Tok], m: int, last: int) -> bool:
    """The present verb at token `m` describes the indefinite noun before it and takes an
    object, not a clause («محققون يجمعون أدلة تدين مرتكبي الجرائم، … إنهم»): no new speech."""
    prev = toks[m - 1]
    return (toks[m].norm[:1] in "يت" and not prev.norm.startswith("ال")
            and prev.raw[-1] not in "،,:\"”»" and len(prev.norm) >= 3
            and cue_of(prev.raw)[1] is None
            and not any(is_complementizer(toks[x].norm) or toks[x].raw.endswith(":")
                        for x in range(m + 1, min(last, m + 4))))


# Verbs of informing whose object and occasion may stand between them and «أن». Folded.
_INFORMING = frozenset("ابلغ ابلغت اعلم اعلمت اخبر اخبرت".split())


_NEED_NOUNS = frozenset("ضروره بضروره وجوب بوجوب اهميه باهميه".split())  # folded


def informed_far(toks: list[Tok], k: int, last: int) -> bool:
    """«… إن الحمد الله أعلم خلال لقاء في مكتبه … عددا من رجال الأعمال … أن "…"» (F41, QA59-20:
    «— البيان»): a verb of informing inside a reported clause whose «أن» comes after its
    occasion and object (up to 24 words, no punctuation or other cue between) opens a clause of
    its subject's."""
    if strip_conj(toks[k].norm) not in _INFORMING:
        return False
    for m in range(k + 1, min(last, k + 25)):
        if toks[m].norm in ("ان", "بان"):
            # (not «أبلغ السفير ضرورة أن تقدم …»: a need's subjunctive, nobody's statement)
            return m >= k + 6 and toks[m - 1].norm not in _NEED_NOUNS
        if toks[m].raw[-1] in "،,.:؛\"”»" or cue_of(toks[m].raw)[1] is not None:
            return False
    return False


def marked_start(toks: list[Tok], k: int, j: int, last: int, prev: str,
                 speech: Sequence[tuple[int, int]]) -> int | None:
    """Where the speech of the cue at token `k` starts, when a word or sign marks it.

    The marks: a complementizer (إن/أن/بأن/إلى أن), a colon, or quote marks that open direct
    speech. Adverbial, modal and hedged أن, and «إلا أن», mark none.

    Args:
        toks: the paragraph's tokens.
        k: the cue's token.
        j: the first token after the cue and its written subject.
        last: one past the sentence's last token.
        prev: the folded word before the cue.
        speech: the spans that hold direct speech.

    Returns:
        The character offset where the speech starts, or None.
    """
    t = toks[k]
    if t.raw.endswith(":"):
        return t.end
    for m in range(k + 1, min(last, j + 1)):
        # «واختتم باخشوين تصريحاته:نحن نسير …» (QA25 E5): a colon the site glued to both words
        # opens the speech as «: » does (the subject reader reads on through it).
        glued = _glued_colon(toks[m].raw)
        if glued and not toks[m].raw.startswith(("\"", "«", "“")) and fold(
                toks[m].raw[:glued - 1]) not in _TEASERS | _LISTING:
            return toks[m].start + glued
    set_off = False  # a «، بعد أن …» clause set off by a comma: its verb takes the next «أن»
    informed = informed_far(toks, k, last)  # «أعلم خلال لقاء … عددا من … أن»: its «أن» is far
    for m in range(j - 1 if j > k + 1 else k + 1, min(last, j + 20)):
        tm = toks[m]
        if m == j and tm.norm in ("هل", "وهل") and tm.raw[0] not in "\"“«„":
            # «قال لى زميل هل علمت بأن …» (F33, seed 33, 996): a question was asked; its «أن»
            # is the asked verb's, nobody's statement.
            return None
        if set_off and tm.raw[-1] in "،,":
            set_off = False  # («، بعد أن التقى نظيره، إن …»: the clause closed; speech follows)
        if m >= j + (24 if informed else 14) and not tm.raw.endswith(":"):
            # Far from the verb only «قال X في …:» still introduces speech.
            if _is_cue(tm.raw, toks[m + 1].norm if m + 1 < last else ""):
                return None
            if far_said(toks, k, j, m, last, speech):
                return tm.end  # «وقال X، الأكاديمي … الذي …، إن …» (M24)
            continue
        if m > k and tm.raw[0] in "\"“”«„" and any(a == tm.start + 1 for a, _ in speech):
            return tm.start  # direct speech follows: «قال X "…"»
        if m > k and is_complementizer(tm.norm):
            if _cnn(toks, m) or tm.raw[0] in "\"“«„" or tail_at([t.raw for t in toks], m):
                # «محطة سي إن إن الأميركية إن …», «محطة "إن تي في"»: a channel's name;
                # «مون جاي آن، الأحد، أن …» (F49, 2751): a person's (digests.name_tails)
                continue
            if toks[m - 1].norm in {"الا", "والا"}:
                return None  # «إلا أن» (however) is the writer's, not the speech
            if toks[m - 1].norm in _ADVERBIAL_HEADS:
                # «بما أن», «بعد أن»: a clause of reason or time, not speech
                set_off = set_off or (m - 2 > k and toks[m - 2].raw[-1] in "،,") or (
                    m - 3 > k and toks[m - 3].raw[-1] in "،," and toks[m - 2].norm in _ESPECIALLY)
                continue
            if set_off:
                # «ولا يوجد مدرب يستبعد أهم لاعبين، خصوصاً بعد أن أثبت عموري ومبخوت أنهما …»
                # (F30, seed 30, 5383): after a time clause set off by a comma, the «أن»
                # is its own verb's («أثبت … أنهما»), not the cue's speech.
                return None
            if (m - 2 >= j and toks[m - 2].raw[-1] in "،,"
                    and strip_conj(toks[m - 1].norm) in _VERDICTS
                    and any(toks[x].norm in CLAUSE_CONJ for x in range(k + 1, m - 1))):
                # «لا تصدق أي رياضي قال لك اعتزلت عندما شعرت …، الحقيقة أنه اعتزل مجبراً»
                # (F31, seed 31, 824): after a clause of time or reason closed by a comma,
                # «الحقيقة أنّ» is the writer's verdict, not the speech of the verb before it
                # («وأكد المدرب عقب المباراة، الحقيقة أن …» stays the coach's).
                return None
            if toks[m - 1].norm in ("كما", "وكما"):
                # «يعتبر مطار مدريد أكثر المطارات ازدحاما، كما أنه يعد …» (F33, seed 33,
                # 3335): «كما أنّ» (moreover) is the writer's next statement, never the
                # clause of the verb before it.
                return None
            if m - 2 > k and _especially_since(toks, m):
                # «ولهذا يعتبر خطأ إملائياً، في أصله، خصوصاً أن اللغويين …» (F36, seed 34,
                # 3181: «بحسب خطأ، …»): «، خصوصاً/لا سيما أنّ» (especially since) gives the
                # writer's reason, never the clause of the verb before it.
                return None
            if toks[m - 1].norm in ("ام", "او"):
                # «وهل هو قرار فني كما صرّح به مسؤولو الاتحاد، أم أنه تأديبي» (F30, 5383):
                # «أم/أو أنّ» is the writer's other alternative, what nobody stated.
                return None
            if (toks[m - 1].norm in ("لو", "ولو") and tm.raw.startswith("أ")) or (
                    tm.norm == "وان" and m + 1 < last and toks[m + 1].norm in _WAS):
                # «ولو أنهم وضعوها …» (if), «وإن كان يبدو فوق الـ70» (even if): the writer's
                # condition or concession, not speech (QA13 2745, 1857).
                continue
            if (m > j and tm.raw.startswith("إن") and tm.norm == "ان" and m + 1 < last
                    and toks[m + 1].norm.rstrip("،,") in _IF_PAST):
                # «معتبراً أي تدخل مرفوضاً إن تمّ دون موافقة دمشق» (F16's skipped list): «إنّ»
                # takes a noun, so «إن» before a past verb is «if», the speaker's condition
                # (right after the cue, «وأجاب بهدوء إن كانت …», it may open his answer).
                continue
            if m - 1 > k and strip_conj(toks[m - 1].norm) in _MODALS:
                continue  # «الذي يمكن أن يضمن»: a modal's clause, not speech
            if m - 1 > k and strip_conj(toks[m - 1].norm) in HEDGES:
                return None  # «دعا … في انتخابات يبدو أنها محسومة»: the writer's hedge
            if prev in RELATIVES and any(toks[x].raw[-1] in "،," for x in range(k, m)):
                # «الحركة التي تدعو للمساواة، أن تشق …»: the relative clause ended at the
                # comma; the أن belongs to the main clause.
                return None
            return tm.end
        if m > k and tm.norm == "الي" and m + 1 < last and is_complementizer(toks[m + 1].norm):
            if toks[m - 1].raw.endswith(("،", ",")) and not _to_verb(t.norm):
                # «أعلن X إغلاق الكنيسة حتى إشعار آخر، إلى أن تتراجع إسرائيل»: "until", the
                # writer's clause; only «أشار/لفت/نوه/دعا … إلى أن» report speech there.
                return None
            return toks[m + 1].end  # «مشيرًا إلى أن»
        if tm.raw.endswith(":") and m >= k:
            if m > k and tm.norm.rstrip(":") in _TEASERS:
                return None  # «…، التفاصيل: بريطانيا: خبراء …» (QA13 5357): a link's teaser
            if m > k and tm.norm.rstrip(":") in _LISTING:
                return None  # «للجهات المشاركة وهي: وزارة الصحة، …» (QA13 6535): a list
            if m > k and prev in RELATIVES and cue_of(tm.raw)[1] is not None:
                return None  # «الوزراء الذين اتهموا بالفساد قائلا:»: the colon is قائلا's
            return tm.end
        if (m > k and _is_cue(tm.raw) and toks[m - 1].norm in NEGATIONS
                and m + 1 < last and is_complementizer(toks[m + 1].norm)):
            return None  # «ولكنها لم تعلن أنها ستتدخل»: the «أن» is the negated verb's
        if (m > k and _is_cue(tm.raw, toks[m + 1].norm if m + 1 < last else "")
                and toks[m - 1].norm not in NEGATIONS and not _describes_noun(toks, m, last)
                and not anonymity(toks, m, last) and not describes_document(toks, m)):
            # another speech verb («لم تذكر اسمه», «رفض كشف هويته» say nothing: it goes on)
            return None
    return None


# «، خصوصاً أن» (especially since): the adverbs right before a complementizer of reason. Folded.
_SINCE_ESPECIALLY = frozenset("خصوصا وخصوصا خاصه وخاصه بخاصه وبخاصه سيما لاسيما ولاسيما".split())


def _especially_since(toks: Sequence[Tok], m: int) -> bool:
    """The complementizer at `m` follows «، خصوصاً» / «، خاصةً» / «، لا سيما» (the comma before
    the adverb or before «لا»)."""
    if toks[m - 1].norm not in _SINCE_ESPECIALLY:
        return False
    before = m - 2
    if toks[m - 1].norm == "سيما" and toks[before].norm in ("لا", "ولا"):
        before -= 1
    return before >= 0 and toks[before].raw[-1] in "،,"


def _glued_colon(raw: str) -> int:
    """The offset after a colon written between two letters («تصريحاته:نحن»), else 0 (a time,
    «10:40», is no colon of speech)."""
    at = raw.find(":")
    if 0 < at < len(raw) - 1 and raw[at - 1].isalpha() and raw[at + 1].isalpha():
        return at + 1
    return 0


# Verbs of saying whose «، إنّ» may stand far after a long aside (folded, without «و/ف»).
_FAR_SAY = frozenset(
    "قال قالت يقول تقول اضاف اضافت يضيف تضيف اكد اكدت يؤكد تؤكد اوضح اوضحت يوضح توضح اعلن"
    " اعلنت كشف كشفت صرح صرحت".split())
_FAR_LIMIT = 40  # tokens after the subject: a longer aside is another sentence's business
_BARE_THAT = frozenset("ان انه انها انهم انهما اننا".split())  # folded, no «و/ب»


def far_said(toks: Sequence[Tok], k: int, j: int, m: int, last: int,
             speech: Sequence[tuple[int, int]] = ()) -> bool:
    """The complementizer at `m`, beyond the usual reach of the verb of saying at `k`, is its
    speech (M24, finder_misses «no cue … a clause after إن/أن»): «وقال كوغان، الأكاديمي بجامعة
    كمبردج الذي أنشأ التطبيق الذي جمع البيانات من 50 مليون مستخدم …، إن …», «وقال مون في خطاب
    ألقاه في …، وهو أول خطاب له …، إن …». Only a bare «إن/أن» right after a comma, within
    _FAR_LIMIT tokens, with no other complementizer, colon or direct speech between (names in
    marks may stand in the aside) — the aside closes at the comma and the verb's clause opens;
    not «إن» + a past verb («if»)."""
    if not (m < j + _FAR_LIMIT and strip_conj(toks[k].norm) in _FAR_SAY
            and toks[m].norm in _BARE_THAT and toks[m].raw[0] not in "\"“«„"
            and toks[m - 1].raw.endswith(("،", ","))):
        return False
    if toks[m].raw.startswith("إن") and m + 1 < last and toks[m + 1].norm.rstrip("،,") in _IF_PAST:
        return False
    if any(toks[k].end < a < toks[m].start for a, _ in speech):
        return False
    return not any(is_complementizer(toks[x].norm) or toks[x].raw.endswith(":")
                   for x in range(k + 1, m))


def comma_start(toks: list[Tok], j: int, last: int, verb: int = 0) -> int | None:
    """Where speech starts after a comma that closes a speech verb's subject, as «:» would.

    Args:
        toks: the paragraph's tokens.
        j: the first token after the verb and its subject.
        last: one past the sentence's last token.
        verb: the verb's token (a verb after «أن», «قبل أن» opens no statement).

    Returns:
        The offset after the comma when a statement follows it, or after the second comma of an
        occasion set off between two; else None.
    """
    if not (j < last and toks[j - 1].raw.endswith("،")):
        return None
    if verb > 0 and (is_complementizer(toks[verb - 1].norm)
                     or toks[verb - 1].norm in _ADVERBIAL_HEADS):
        return None  # «قبل أن يضيف إيسكو الهدف السادس، …»: a verb in a subordinate clause
    if opens_statement(toks, j, last):
        return toks[j - 1].end  # «وقال الوزير، الوضع صعب»
    if toks[j].norm in _OCCASION:
        # «وقال قائد الشرطة، في مؤتمر صحفي الجمعة، تم طرد …»: the occasion between commas.
        m = next((m for m in range(j, min(last - 1, j + 6)) if toks[m].raw.endswith("،")), None)
        if m is not None and opens_statement(toks, m + 1, last):
            return toks[m].end
    return None
