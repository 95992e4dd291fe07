"""Where a speaker's name ends before a description or a participle of speech (F33).

`digests.speakers.subject` reads a speaker word by word up to a stop word. These shapes ran on
past the name in the corpus (F32's left, QA46 G2):

* a description by a definite participle after a name: «وقال كوماتشو المشارك في مونديال 1998»,
  «عن زاباليتا المنضم للفريق الصيف الماضي قوله», or joined by «و»: «المدرب … والحائز على»;
  «وقال مبولحي ضيف "في المرمى":» (the guest of a programme). The name is the speaker; the
  description is cut (a title before the name, «الحارس الدولي», stays);
* a plural participle of speech, which the lexicon knows only in the singular: «رد مغردون
  إسبان قائلين بأن» (not a speaker «مغردون إسبان قائلين»);
* an answer's «نعم» (yes) after the speaker: «قال المذيع نعم كلها حلوة، وآخرها …» (the
  speaker «المذيع نعم كلها حلوة» of seed 33's 996);
* a title after a name cut from its place: «وليد الطبطبائي النائب | في مجلس الأمة»;
* a name cut at the subject's word limit after a rank: «… النقيب عبدالخالق علي القحطاني»;
* a surname that opens with «بال» («ماريو بالوتيلي»), read as «ب» + «ال» and cut there.

Pure functions of folded words; the word table is digests.arabic's frozen frequency table.
"""

from __future__ import annotations

import re

from digests.apposed_names import title_word
from digests.arabic import _freq
from digests.speaker_words import Tok, ali_before_name
from digests.speech import STOP, cue_of, fold, is_complementizer

# Ranks before a name («النقيب عبدالخالق …», «الدكتور …»). Folded.
RANKS = frozenset(
    "الدكتور الدكتوره المهندس المهندسه العقيد اللواء العميد الرائد النقيب المقدم الملازم"
    " الشيخ الشيخه الامير الاميره".split())

# Definite participles that describe a person by what he joined, won, took part in, is called
# or comes from (folded: ة → ه). Masculine and feminine.
_DESCRIBING = frozenset(
    w + end
    for w in ("المنضم المنتقل المشارك الحائز الفائز المتوج المعار المرشح المقيم المولود"
              " المنحدر الملقب المعروف الحاصل المتواجد المنتمي العائد القادم الموقوف"
              " المطرود المستبعد الغائب المصاب"
              # «يقول ابن دريد المتوفى سنة 321هـ، إن» (QA59-20): when he died
              " المتوفي").split()
    for end in ("", "ه"))
# «مبولحي ضيف "في المرمى"», «هاينكس مدرب بايرن صاحب الفضل في …»: a guest, the one behind.
_GUEST = frozenset(("ضيف", "ضيفه", "صاحب", "صاحبه"))
# «قال المذيع نعم كلها حلوة، …» (seed 33, 996): an answer's «yes/no» or a question's «هل»
# («قال لى زميل هل علمت بأن …») opens what was said.
ANSWERS = frozenset(("نعم", "كلا", "هل"))
_RESPONDENTS = frozenset(("مجيبين", "مجيبات", "المجيبين"))


def describes_name(word: str, before: str, heads: frozenset[str]) -> bool:
    """The folded `word` opens a description of the name `before` (folded) it: the speaker
    ends before `word`.

    «كوماتشو المشارك», «زاباليتا المنضم», «مبولحي ضيف», «… والحائز». Without «و» the word
    before must be a name, not a title or an «ال» noun («الرئيس المنتهية ولايته» and
    «رئيس المجلس» stay whole).
    """
    if word[:1] == "و" and word[1:] in _DESCRIBING:
        return True  # «المدرب الإسباني والحائز على اللقب»: a second description, not a name
    if word not in _DESCRIBING and word not in _GUEST:
        return False
    # («وأعلنت رفضها المشاركة»: a possessed noun, no name; the phrase is no speaker at all)
    return (bool(before) and not before.startswith(("ال", "وال")) and before not in heads
            and not before.endswith(("ها", "هم", "هما")) and before not in STOP)


def plural_speech_participle(word: str) -> bool:
    """«قائلين», «مؤكدين», «مضيفات»: a plural participle of speech (the lexicon's singular
    «قائلا», «مؤكدا» is a cue; its plural is not, and ran into the subject)."""
    if word in _RESPONDENTS:
        return False  # «أربعة من كل عشرة مجيبين»: the respondents of a survey, a noun
    for end in ("ين", "ات"):
        if word.endswith(end) and len(word) > len(end) + 3:
            hit = cue_of(word[: -len(end)] + "ا")[1]
            if hit is not None and hit[0] == "part":
                return True
    return False


def bi_al_name(word: str) -> bool:
    """A folded word in «بال»/«كال» that is a name, not «ب/ك» + «ال» + noun: «بالوتيلي».

    The word is attested in the reference corpus (three times or more) while neither its noun
    with «ال» nor the bare noun is («الوتيلي», «وتيلي»): no preposition stands before a noun
    that does not exist. «بالتزامن» («تزامن»), «بالاتفاق» («الاتفاق») are split as before.
    """
    if not word.startswith(("بال", "كال")) or len(word) < 6:
        return False
    table = _freq()
    rest = word[3:]
    return table.get(word, 0) >= 3 and not table.get("ال" + rest) and not table.get(rest)


def ranked_name_goes_on(toks: list[Tok], j: int, limit: int) -> bool:
    """A long title's subject was cut at its word limit right after a rank and the name's first
    word («… بمنطقة نجران النقيب عبدالخالق | علي القحطاني، أن», seed 33, 5053): token `j` goes
    on with the name (a name word, «علي» written as a name, not a stop word or «أن»)."""
    if not any(toks[x].norm in RANKS for x in (j - 1, j - 2) if x >= 0):
        return False
    t = toks[j]
    if not t.raw[0].isalpha() or is_complementizer(t.norm) or cue_of(t.raw)[1] is not None:
        return False
    if t.norm not in STOP:
        return True
    # «علي القحطاني،»: «علي» spelled with ي before a name word (speaker_words.ali_before_name),
    # then the surname closed by a comma or «أن»
    return ali_before_name(toks, j, limit, surname=True) and (
        toks[j + 1].raw[-1] in "،," or (j + 2 < limit and is_complementizer(toks[j + 2].norm)))


def dangling_title(toks: list[Tok], j: int, limit: int) -> bool:
    """The subject read up to token `j` ends in a definite title after a name, cut from its
    place at «في»: «وليد الطبطبائي النائب | في مجلس الأمة الكويتي» (F32's 5939). The title
    dangles; the name before it is whole (a title after a title, «… الوزير», stays)."""
    return (2 <= j < limit and toks[j].norm == "في" and toks[j - 1].norm.startswith("ال")
            and title_word(toks[j - 1]) and not title_word(toks[j - 2]))


# Heads of a title in construct after a name («وكيل أعمال المدرب …», «مدرب اتحاد جدة»). Folded.
_AFTER_NAME_HEADS = frozenset("وكيل مدرب رئيس مدير مستشار محامي لاعب نجم قائد".split())


def name_before_cut_title(toks: list[Tok], i: int, j: int, limit: int) -> int:
    """The subject `toks[i:j]` stopped at its word limit inside a title after the name, with
    a name word still to come («الكويتي عبدالله جاسم وكيل أعمال المدرب التشيلي خوسيه لويس |
    سييرا مدرب اتحاد جدة أن», F32's 363): where the name ends, before that title; 0 when the
    shape is not this one (the subject is left as read)."""
    if j >= limit or toks[j].norm in STOP or is_complementizer(toks[j].norm):
        return 0
    if (not toks[j].raw[0].isalpha() or toks[j].norm.startswith(("ال", "ل"))
            or toks[j - 1].raw[-1] in "،,:;؛."):
        return 0  # the next word does not go on with a name («… الآسيوي | لكرة القدم»: a title)
    for m in range(i + 2, j - 1):
        if toks[m].norm in _AFTER_NAME_HEADS and not toks[m - 1].norm.startswith("ال") and (
                toks[m - 1].norm not in STOP and toks[m - 1].raw[-1].isalpha()):
            return m
    return 0


def limit_end(toks: list[Tok], i: int, j: int, limit: int) -> int:
    """Where a subject that stopped at its word limit (`toks[i:j]`) really ends.

    «وكيل محافظ الهيئة … المستثمرين إبراهيم بن صالح السويل، أن» (seed 24, 1889) and «…
    بمنطقة نجران النقيب عبدالخالق علي القحطاني، أن» (F33's 5053): a long title's name is read
    to its end; «الكويتي عبدالله جاسم وكيل أعمال المدرب التشيلي خوسيه لويس | سييرا» (F32's
    363): a title after the name, cut mid-name, is dropped and the name stands alone.
    """
    goes_on = j < limit and (toks[j].norm in ("بن", "بنت") or ranked_name_goes_on(toks, j, limit))
    if not goes_on:
        return name_before_cut_title(toks, i, j, limit) or j
    if j + 1 >= limit or toks[j - 1].raw[-1] in "،,:;؛.":
        return j
    end = next((m + 1 for m in range(j + 1, min(limit, j + 4))
                if toks[m].raw[-1] in "،,:;؛." or m + 1 == limit
                or is_complementizer(toks[m + 1].norm)), None)
    return end if end is not None else j


# Titles with a possessive pronoun («رئيسه», «مدربه», «أمينها العام»): whose they are is written
# before them, not in the speaker. Matched on the written word: folding makes «رئيسة» (a woman
# president) «رئيسه» (its president).
_OWN_TITLE_RE = re.compile(
    r"(?:رئيس|رئيست|مدير|مديرت|وزير|وزيرت|نائب|سفير|مستشار|قائد|مدرب|زعيم|[أا]مين|مؤسس)"
    r"(?:ه|ها|هم)")
_HONORED = frozenset("الشيخ الشيخه الامير الاميره الملك الملكه الدكتور الدكتوره".split())


# Words before such a title that make it the subject: a verb of saying, or «عن» of a relay
# («نقل بيان … عن رئيسه …»). Not «وحذر مدربه فالفيردي …» (whom Messi warned). Folded.
_SAID_BY = frozenset(
    "قال قالت صرح صرحت اكد اكدت اوضح اوضحت اضاف اضافت اعلن اعلنت ذكر ذكرت يقول تقول عن".split())


def without_own_title(words: list[str], before: str = "") -> list[str]:
    """«رئيسه الشيخ سلمان بن ابراهيم آل خليفة» → «الشيخ سلمان بن ابراهيم آل خليفة» (F32's
    4659), «أمينها العام يوسف بن أحمد العثيمين» → «يوسف بن أحمد العثيمين»: a title with a
    possessive pronoun before a name of two words or more reads «its president» with no «its»
    shown; the name alone is the speaker, when the folded word `before` it makes it a subject.
    A bare «مدربه» stays (no name follows)."""
    if (not words or not _OWN_TITLE_RE.fullmatch(words[0].strip("،,:"))
            or before.removeprefix("و").removeprefix("ف") not in _SAID_BY):
        return words
    rest = words[1:]
    if rest and fold(rest[0]) in ("العام", "العامه"):
        rest = rest[1:]
    if len(rest) < 2 or (fold(rest[0]).startswith("ال") and fold(rest[0]) not in _HONORED):
        return words
    return rest
