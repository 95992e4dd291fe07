"""Tolls: the numbers of a text and the dead or hurt they count, read one way (pure; REV s25).

Two modules read tolls: digests.toll_revisions (a headline's toll revised down, QA48 R10) and
digests.story_figures (a lead's toll, a corrected count of people or a sum, QA71-2/-3). Each had
its own digit table, prefixes and words for the dead and the hurt, and they disagreed: the first
read «1,200» as 1 and «٣٬٠٠٠» as 3 and 0 (a toll rising past a thousand looked revised down),
the second «مقتل 52 وإصابة 80» as 52 hurt. This module is what they share:

- `counts`: every number of a text (Arabic-Indic or Western digits, a thousands separator «,»
  or «٬» before three digits, «٫» or another comma a decimal one; a thousand in words, «ألف»,
  «ألفي»), its value after a multiplier («3 آلاف» is 3000) and what «و» adds to it («3 آلاف
  و500» is 3500, «ألف و200» 1200: QA76-9), the word it counts (after the multiplier and «من»: «10 من الجنود») and
  the word before it. A word after punctuation counts nothing, nor one opening with «و»: «مقتل
  52 وإصابة 80» counts 52 by «مقتل», not by «وإصابة» (the next figure's noun).
- the words of the two tolls (DEAD, HURT): the nouns counted after their number (`COUNTED`:
  «52 قتيلا», «80 إصابة»), the verbal nouns before it (`BEFORE`: «مقتل 52», «إصابة 80»), and
  every word naming a toll (`named_kind`: those and the verbs «قتل», «تقتل» …);
- what a count of no one is: a time, an age, a duration, a distance, a weight (`MEASURES`), a
  sum (`MONEY`) or a year (`Count.year`: after a month name, «عام», «سنة» or «منذ»; X131; or
  four digits 1900–2100 ending a name, before punctuation or after an operation's word:
  «عملية سيناء 2018.. مقتل 30» is 30 dead, not 2018 too; X136).

What each caller makes of a number stays its own: toll_revisions reads any figure of a headline
that names a toll (its kind the counted noun after it, else the nearest toll word before it);
story_figures only a figure with its unit word, and people and money besides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digests.arabic import normalize

DEAD, HURT = "dead", "hurt"

# After digests.arabic.normalize (Arabic-Indic and Persian digits are 0-9 already): «٫» is a
# decimal point; a thousands separator (three digits after it, no fourth) goes
_DECIMAL = str.maketrans("٫", ".")
_THOUSANDS = re.compile(r"(?<=\d)[,٬](?=\d{3}(?!\d))")
# a number (a comma left is a decimal one: «2,5 مليون»), a word, or one mark of punctuation
_TOKENS = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d]+|[^\w\s]")
_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


def _forms(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


# the nouns that follow their number and count the dead or the hurt («52 قتيلا و80 جريحا»)
COUNTED = {DEAD: _forms("قتيلا قتيل قتلى ضحية ضحايا جثة جثث وفاة وفيات موتى"),
           HURT: _forms("جريحا جريح جرحى مصابا مصاب مصابين مصابون اصابة اصابات")}
# the verbal nouns that go before their number («مقتل 28», «وإصابة 150»)
BEFORE = {DEAD: _forms("مقتل مصرع وفاة"), HURT: _forms("اصابة اصابات جرح")}
# every word naming a toll's kind: those, and its verbs («تقتل 37», «قتل 3 جنود»)
_NAMED = {DEAD: COUNTED[DEAD] | BEFORE[DEAD] | _forms("تقتل يقتل قتل قتلت قتلوا"),
          HURT: COUNTED[HURT] | BEFORE[HURT]}
# what a figure of no one's toll counts: a time, an age («31 عاما»), a duration («منذ 3 عقود»),
# a distance («على بعد 10 كيلومترات», REV s26: read as 10 dead) or a weight («20 طنا»). Not
# the times of day («مساء», «ليلة»): «مقتل 5 مساء الأحد» is a toll of 5
MEASURES = _forms(
    "عام عاما اعوام سنة سنوات سنين شهر شهرا اشهر شهور اسبوع اسبوعا اسابيع يوم يوما ايام"
    " ساعة ساعات دقيقة دقائق ثانية ثوان ثواني عقد عقود قرن قرون"
    " كيلومتر كيلومترا كيلومترات كيلو كلم كم متر مترا امتار ميل ميلا اميال"
    " سنتيمتر سنتيمترا سنتيمترات سم ملم"
    " طن طنا اطنان كيلوغرام كيلوغراما كيلوغرامات كيلوجرام كيلوجراما كيلوجرامات كغ كلغ"
    " غرام غراما غرامات جرام جراما جرامات رطل رطلا ارطال")
# a sum: a count of these (after a multiplier or not)
MONEY = _forms("دولار دولارا دولارات يورو جنيه جنيها جنيهات ريال ريالا ريالات درهم درهما "
               "دراهم دينار دينارا دنانير ليرة ليرات روبل ين يوان فرنك استرليني")
# A year is a number after these (X131: «منذ سبتمبر 2014» was a toll of 2014): the months —
# Egyptian/Gulf, Levantine/Iraqi («أيلول», «كانون الثاني»: the number's word is «الثاني», read
# with «كانون/تشرين» before it), Maghrebi, Hijri — and «عام/سنة/منذ» (normalized, a prefix off
# by `bare`: «لعام», «العام», «ومنذ»); in YEARS only, so «منذ 3 أعوام» stays a duration
MONTHS = _forms(
    "يناير فبراير مارس ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر نوفمبر ديسمبر"
    " شباط اذار نيسان ايار حزيران تموز اب ايلول"
    " جانفي فيفري افريل ماي جوان جويلية جويليه اوت"
    " محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة")
_LEVANTINE, _ORDINALS = _forms("كانون تشرين"), _forms("الاول الثاني")
YEAR_WORDS = _forms("عام عامي اعوام سنة سنتي منذ")
YEARS = range(1000, 2200)
# after a number, with the accusative («45 ألفا», «11 مليونا» after 11-99: REV2 s26, «45 ألفا»
# was 45, so «44 ألف» → «45 ألفا» read as a toll revised down)
MULTIPLIERS = {**dict.fromkeys(_forms("الف الفا الاف آلاف"), 1_000),
               **dict.fromkeys(_forms("مليون مليونا ملايين"), 1_000_000),
               **dict.fromkeys(_forms("مليار مليارا مليارات بليون بليونا"), 1_000_000_000)}
# a number before these is a day of a month, no one's toll («هجوم 7 أكتوبر», «7 كانون
# الثاني»: REV2 s26, read as 7 dead); `toll_revisions` and `story_figures` skip it as a measure
DAYS_OF = MONTHS | _LEVANTINE
# the thousand written as a word, a multiplied number by itself (QA76-9: «ألفي قتيل» was no
# number, «ألف و200» 200). Not «آلاف» alone («thousands»), nor «ألفا»: 1000 («قتل ألفًا») or
# 2000 («ألفا جريح») unvowelled
WORD_NUMBERS = {**dict.fromkeys(_forms("الف"), 1_000),
                **dict.fromkeys(_forms("الفان الفي الفين"), 2_000)}


def plain(text: str) -> str:
    """`text` normalized (digests.arabic.normalize) with its numbers in one script: «٫» a point,
    thousands separators dropped («1,200», «٣٬٠٠٠» → 1200, 3000)."""
    return _THOUSANDS.sub("", normalize(text or "").translate(_DECIMAL))


def bare(word: str) -> set[str]:
    """`word` and its forms without a prefix («والقتلى» → «القتلى», «قتلى»), three letters
    left at least."""
    out = {word}
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            out.add(word[len(p):])
    return out


def _kind_in(word: str | None, words: dict[str, frozenset[str]]) -> str | None:
    """The kind (DEAD, HURT) of `words` that `word` or one of its `bare` forms is, else None."""
    if word is None:
        return None
    forms = bare(word)
    return next((kind for kind, names in words.items() if forms & names), None)


def named_kind(word: str) -> str | None:
    """DEAD or HURT for a (normalized) word naming the dead or the hurt, else None."""
    return _kind_in(word, _NAMED)


def counted_kind(word: str | None) -> str | None:
    """DEAD or HURT for the word a number counts («قتيلا», «إصابة»), else None."""
    return _kind_in(word, COUNTED)


def before_kind(word: str | None) -> str | None:
    """DEAD or HURT for a verbal noun before a number («مقتل 28», «وإصابة 150»), else None."""
    return _kind_in(word, BEFORE)


@dataclass(frozen=True)
class Count:
    """One number of a text: its value (a multiplier applied), where its digits are in the
    `plain` text, the word it counts and the word before it (normalized; None when none)."""

    value: float
    start: int
    end: int
    unit: str | None
    before: str | None
    multiplied: bool = False  # «3 آلاف», «100 مليار»
    percent: bool = False  # «49.6%», «٪»
    year: bool = False  # «سبتمبر 2014», «عام 2014», «عامي 2014 و2015» (`_year`)

    @property
    def whole(self) -> bool:
        """Whether the value is a whole number (a count of people is)."""
        return self.value == int(self.value)


def _unit(tokens: list[re.Match[str]], j: int) -> str | None:
    """The word at tokens[j], when it may be what a number counts: not a mark of punctuation
    and not a «و» conjunct opening the next figure («52 وإصابة 80», «3 والجرحى»; «52 وفاة» is
    a count)."""
    if j >= len(tokens):
        return None
    word = tokens[j].group()
    if not word[:1].isalpha():
        return None
    if word[:1] in "وف" and not any(word in names for names in COUNTED.values()) and (
            counted_kind(word[1:]) or before_kind(word[1:])):
        return None
    return word


def _year(tokens: list[re.Match[str]], i: int, value: float, years: set[int]) -> bool:
    """Whether the number at tokens[i] (`value`) is a year (a whole one in YEARS): after a
    month name or a year word (a bracket or «/» between: «أيلول/سبتمبر 2014», «سبتمبر (أيلول)
    2014»), or joined by «و» to a year just before («عامي 2014 و2015»; `years`: the token
    indexes of the years read so far)."""
    if value != int(value) or int(value) not in YEARS:
        return False
    j = i - 1
    while j >= 0 and tokens[j].group() in ("(", ")", "/"):
        j -= 1
    if j < 0:
        return False
    word = tokens[j].group()
    if word == "و" and j - 1 in years:
        return True
    forms = bare(word)
    if forms & (MONTHS | YEAR_WORDS):
        return True
    # «كانون الثاني 2015», «تشرين الأول 2014»
    return j > 0 and bool(forms & _ORDINALS) and tokens[j - 1].group() in _LEVANTINE


# X136: a year ending a name («عملية سيناء 2018.. مقتل 30», «"سيناء 2018".. الجيش يعلن مقتل
# 7», «كأس العالم 2018») was a toll of 2018 in a headline (toll_revisions reads any figure).
# Four digits 1900–2100 are a year when a mark of punctuation follows them (the name ends
# there; a corpus count of such figures is a year in every headline) or one of these words is
# within three words before them (the name goes on: «عملية سيناء 2018 تقتل 30»)
NAMED_YEARS = range(1900, 2101)
OPERATIONS = _forms("عملية العملية حملة معركة مناورات مناورة تمرين تدريبات خطة رؤية كأس مونديال"
                    " أولمبياد بطولة دورة انتخابات")
# …but not after a toll's word or a word a count follows: «مقتل 2000.», «ارتفاع الحصيلة إلى
# 2000.», «أحصت المعارضة نحو 2000،» stay counts
_COUNT_BEFORE = _forms("الى نحو حوالي قرابة زهاء من اكثر اقل بلغ بلغت يبلغ تبلغ وصل وصلت"
                       " عدد حصيلة حصيلتها تجاوز تجاوزت يتجاوز يقارب")


def _named_year(tokens: list[re.Match[str]], i: int) -> bool:
    """Whether the number at tokens[i] is a year ending a name (X136, NAMED_YEARS): four
    digits, no multiplier or counted word after them, and punctuation right after, or an operation's word (OPERATIONS) among the three words before with no mark
    or number between; never after a toll's word or a word a count follows (`_COUNT_BEFORE`)."""
    digits = tokens[i].group()
    if len(digits) != 4 or not digits.isdigit() or int(digits) not in NAMED_YEARS or i == 0:
        return False
    word = tokens[i - 1].group()
    if not word[:1].isalpha() or named_kind(word) or bare(word) & _COUNT_BEFORE:
        return False
    after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    if after in ("%", "٪"):
        return False
    if after and not after[:1].isalnum():
        return True
    for j in range(i - 1, max(i - 4, -1), -1):
        before = tokens[j].group()
        if not before[:1].isalpha():
            return False
        if bare(before) & OPERATIONS:
            return True
    return False


# the number words a written «ألف» may end («خمسين ألف», «مائة وسبعين ألف»: not 1000)
_NUMBER_WORDS = _forms(
    "واحد احد اثنان اثنين اثني ثلاث ثلاثة اربع اربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية"
    " تسع تسعة عشر عشرة عشرين عشرون ثلاثين ثلاثون اربعين اربعون خمسين خمسون ستين ستون"
    " سبعين سبعون ثمانين ثمانون تسعين تسعون مئة مائة مئتي مائتي مئتين مائتين مئات"
    " ثلاثمئة ثلاثمائة اربعمئة اربعمائة خمسمئة خمسمائة ستمئة ستمائة سبعمئة سبعمائة"
    " ثمانمئة ثمانمائة تسعمئة تسعمائة بضع بضعة")


def _word_number(tokens: list[re.Match[str]], i: int) -> float | None:
    """The value of a thousand written as a word at tokens[i] («ألف», «وألفين», «بألفي»:
    WORD_NUMBERS), else None: not after a number word («خمسين ألف», «الخمسين ألف»), nor with
    «ال» («عام الألفين»)."""
    word = tokens[i].group()
    forms = {word} | ({word[1:]} if word[:1] in "وبلف" else set())
    value = next((WORD_NUMBERS[f] for f in forms if f in WORD_NUMBERS), None)
    if value is None or i == 0:
        return value
    return None if bare(tokens[i - 1].group()) & _NUMBER_WORDS else value


def _remainder(tokens: list[re.Match[str]], j: int,
               scale: float) -> tuple[float, int, bool]:
    """What «و» and a smaller number at tokens[j] add to a number multiplied by `scale` («3
    آلاف و500» is 3500, «ألف و200» 1200, «2 مليون و500 ألف» 2,500,000: QA76-9, they were 500,
    200 and 500,000), the index after it, and whether that number was multiplied too (the sum
    a round figure still); (0, j, False) when none follows."""
    if scale <= 1 or j + 1 >= len(tokens) or tokens[j].group() != "و":
        return 0, j, False
    digits = tokens[j + 1].group()
    if not digits[:1].isdigit():
        return 0, j, False
    rest, k = float(digits.replace(",", ".")), j + 2
    multiplied = k < len(tokens) and MULTIPLIERS.get(tokens[k].group(), scale) < scale
    if multiplied:
        rest *= MULTIPLIERS[tokens[k].group()]
        k += 1
    return (rest, k, multiplied) if 0 < rest < scale else (0, j, False)


def _past_of(tokens: list[re.Match[str]], j: int) -> int:
    """`j`, or past a «من» there («10 من الجنود»: what is counted follows it)."""
    return j + 1 if j < len(tokens) and tokens[j].group() == "من" else j


def _two_tolls(before: str | None, unit: str | None) -> bool:
    """Whether a verbal noun before a number and the noun counted after what «و» adds to it
    name different tolls («مقتل 3 آلاف و500 جريح»: 3000 dead and 500 hurt, not 3500)."""
    kind, counted = before_kind(before), counted_kind(unit)
    return kind is not None and counted is not None and kind != counted


def counts(text: str) -> tuple[str, list[Count]]:
    """The `plain` text of `text` and its numbers, in order (module doc): a thousand written as
    a word is one («ألفي قتيل»), and «و» with a smaller number after a multiplied one goes on
    with it («3 آلاف و500 قتيل» is 3500, not multiplied: an exact count; «2 مليون و500 ألف» is
    multiplied still)."""
    read = plain(text)
    tokens = list(_TOKENS.finditer(read))
    out = []
    years: set[int] = set()
    used: set[int] = set()  # the tokens read as part of a number before them
    for i, tok in enumerate(tokens):
        digits = tok.group()
        if i in used:
            continue
        scale: float = 1
        if digits[:1].isdigit():
            value = float(digits.replace(",", "."))
        elif (worded := _word_number(tokens, i)) is not None:
            value, scale = worded, 1_000
        else:
            continue
        j = i + 1
        if scale == 1 and j < len(tokens) and tokens[j].group() in MULTIPLIERS:
            scale = MULTIPLIERS[tokens[j].group()]
            value *= scale
            j += 1
        multiplied = scale > 1
        year = not multiplied and (_year(tokens, i, value, years) or _named_year(tokens, i))
        before = tokens[i - 1].group() if i > 0 and tokens[i - 1].group()[:1].isalpha() else None
        rest, k, round_rest = _remainder(tokens, j, scale)
        # «مقتل 3 آلاف و500 جريح» is two tolls: the noun before and the one after disagree
        if rest and not _two_tolls(before, _unit(tokens, _past_of(tokens, k))):
            value, multiplied, j = value + rest, round_rest, k  # «3 آلاف و500»: exact
        used.update(range(i + 1, j))
        j = _past_of(tokens, j)
        after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if year:
            years.add(i)
        out.append(Count(value, tok.start(), tok.end(), _unit(tokens, j), before, multiplied,
                         after in ("%", "٪"), year))
    return read, out
