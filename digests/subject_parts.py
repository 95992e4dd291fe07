"""Tests `digests.speakers.subject` makes on the words at one token while it reads a speaker.

Whether quote marks or a medium's dual hold the subject's name rather than speech («وقالت "موزيلا"
إن», «قناتي "العربية" و"الحدث"»), where a command's name in construct ends («قيادة شرطة ريف
دمشق»), whether a word opens a body's name, a typo that glued «عقب» to a name, a medium a title
governs («المدير العام للقناة»). Split from digests.speakers (brief SPLIT2, audit QA73-17) so that
the subject reader stays one loop of readings; these are pure predicates over tokens with no
state of their own.
"""

from __future__ import annotations

from digests.name_ends import RANKS
from digests.speaker_words import _TITLE_HEADS, Tok
from digests.speech import (
    MEDIA_NOUNS,
    STATEMENT_NOUNS,
    STOP,
    cue_of,
    is_complementizer,
    strip_prefix,
)


def _closing(toks: list[Tok], j: int, limit: int) -> int | None:
    """The token that closes the quote mark opening token `j` (within five words), or None."""
    for k in range(j, min(limit, j + 5)):
        raw = toks[k].raw.rstrip("،,:.;؛")
        if (k > j or len(raw) > 1) and raw.endswith(("\"", "”", "»")):
            return k
    return None


# «وأشار "يونايتد بيد" الخميس إلى أن» (F32): a weekday between a quoted subject and its clause.
_WEEKDAYS = frozenset("الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت امس".split())


def _media_dual(norm: str) -> bool:
    """«قناتي», «صحيفتي», «وكالتي» (folded): two media in construct, whose names follow."""
    return norm.endswith("تي") and len(norm) >= 5 and norm[:-2] + "ه" in MEDIA_NOUNS


def _opens_clause(toks: list[Tok], j: int, limit: int) -> bool:
    """Token `j` (after a weekday) opens the said clause: «إن/أن», or «إلى أن»."""
    if j < limit and toks[j].norm in _WEEKDAYS:
        j += 1
    return j < limit and (is_complementizer(toks[j].norm) or (
        toks[j].norm == "الي" and j + 1 < limit and is_complementizer(toks[j + 1].norm)))


def _medium_adjective(toks: list[Tok], i: int, j: int) -> bool:
    """Token `j - 1` is a definite relative adjective («اليابانية») and a medium's noun
    («شبكة», «صحيفة») stands among the two words before it, from token `i` on."""
    adj = toks[j - 1].norm
    return (adj.startswith("ال") and adj.endswith(("يه", "ي")) and len(adj) >= 6
            and any({toks[m].norm, strip_prefix(toks[m].norm)} & MEDIA_NOUNS
                    for m in range(max(i, j - 3), j - 1)))


# What a body says in («وقالت "فتح" في بيان …»): after a quoted word or two right after the
# verb, these show the marks hold the subject's name, not speech. Folded.
_STATEMENT_PLACES = STATEMENT_NOUNS | frozenset("بيانها بيانه".split())


def _in_a_statement(toks: list[Tok], j: int, limit: int) -> bool:
    """Tokens `j`… read «في بيان/تصريح/مؤتمر …»: where a subject said it, so the one or two
    quoted words before them, right after the verb, are its name (QA59-41: «وقالت "فتح" في
    بيان صحفي …، إن …» was given to the presidency named before). Not one definite word: «وقال
    "السلطان" في مؤتمر صحفي» is a nickname of the one named before, who goes on."""
    return (j + 1 < limit and toks[j].norm == "في"
            and toks[j + 1].norm.rstrip("،,:") in _STATEMENT_PLACES)


# Media a speaker spoke to behind «لل» («للأسوشيتد برس», «للشبكة», «للصحيفة»); after a title they
# are its genitive («المدير العام للقناة»). Folded, without «لل».
_TOLD_MEDIA = frozenset("اسوشيتد شبكه صحيفه قناه وكاله اذاعه تلفزيون مجله موقع".split())


# The first words of a body's name (`_a_body`); quote_marks' titles before one are others. Folded.
_BODY_FIRST_WORDS = frozenset(
    "وزاره هيئه منظمه حركه حزب مكتب جماعه مجلس اداره شركه جهاز قوات لجنه سفاره الدفاع"
    " الحكومه الوزاره الجيش الشرطه الامم الاتحاد البيت الخارجيه الداخليه الرئاسه الحرس"
    " الهلال الصليب المعارضه التحالف".split())


def _glued_after(t: Tok) -> bool:
    """«باخشوينعقب»: a name of three letters or more with «عقب» (after) glued to it by a typo —
    not a word of the root «عقب» («المعقب», «المتعقب», «يتعقب»: «عقب» after «م», «ت» or «ي»)."""
    norm = t.norm
    return (norm.endswith("عقب") and len(norm) >= 7
            and norm[:-3][-1:] not in ("ت", "م", "ي") and t.raw[-1].isalpha())


def _rank_and_name(toks: list[Tok], j: int, limit: int) -> bool:
    """A rank and a name follow at token `j` («العميد حسين …»): after «قائد "…"» the marks held
    the unit's name («أعلن قائد "اللواء السادس حرس حدود" العميد حسين حسان الغمري أن»: Q40's
    3060, «— قائد»), however long, since the man it heads is named after it."""
    return (j + 1 < limit and toks[j - 1].raw[-1] not in "،,:;؛." and toks[j].norm in RANKS
            and toks[j].raw[-1] not in "،,:;؛." and not toks[j + 1].norm.startswith("ال")
            and toks[j + 1].norm not in STOP and not cue_of(toks[j + 1].raw)[1])


# Commands and directorates named by the indefinite nouns in construct after them («قيادة
# شرطة ريف دمشق», «مديرية صحة حلب»). Folded.
_COMMANDS = frozenset("قياده مديريه".split())


def _command_end(toks: list[Tok], k: int, limit: int) -> int:
    """Where «قيادة/مديرية» at token `k` and its indefinite nouns in construct end, when the
    clause («أن/إن», marks) follows them at once or a comma or colon closes them (at most four
    words: «قيادة الجيش السوري», «قيادة شرطة ريف دمشق»); else 0."""
    if k >= limit or toks[k].norm not in _COMMANDS or toks[k].raw[-1] in "،,:;؛.":
        return 0
    m = k + 1
    definite = False  # the construct ends on a definite noun, then its adjectives
    while m < limit and m - k <= 4:
        t = toks[m]
        if (not t.raw.rstrip("،,:").isalpha() or t.norm in STOP or cue_of(t.raw)[1]
                or is_complementizer(t.norm) or (definite and not t.norm.startswith("ال"))):
            break
        definite = definite or t.norm.startswith("ال")
        m += 1
        if t.raw[-1] in "،,:":
            break
    if m == k + 1 or m >= limit:
        return 0
    after = toks[m]
    return m if (toks[m - 1].raw[-1] in "،,:" or is_complementizer(after.norm)
                 or after.raw[0] in "\"“«„") else 0


def _a_body(t: Tok) -> bool:
    """`t` opens the name of a body («وزارة …», «الدفاع المدني», «الأمم المتحدة»)."""
    return t.norm in _BODY_FIRST_WORDS


def _titled_medium(toks: list[Tok], i: int, j: int) -> bool:
    """Token `j` is «لـ/لل» + a medium that a title before it governs: the title's head alone
    («مدير للشبكة») or a definite head and its adjective («الرئيس التنفيذي لشبكة التواصل
    الاجتماعي», «المدير العام للقناة»: F18's left, corpus 37). «قال لشبكة CNN» and «رئيس
    الوزراء للصحيفة» (a whole title) name whom he told."""
    t = toks[j]
    if t.norm[:1] != "ل" or t.raw[-1] in "،,:" or not (
            t.norm[1:] in _TOLD_MEDIA or (t.norm[:2] == "لل" and t.norm[2:] in _TOLD_MEDIA)):
        return False
    if j - 1 == i:
        return toks[i].norm.removeprefix("ال") in _TITLE_HEADS
    head, adjective = toks[j - 2], toks[j - 1].norm
    return (j - 2 >= i and head.norm.startswith("ال") and head.norm[2:] in _TITLE_HEADS
            and (adjective in ("العام", "العامه")
                 or (adjective.startswith("ال") and adjective.endswith("ي"))))
