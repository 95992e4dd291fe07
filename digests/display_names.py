"""A speaker shown by a surname alone gets the fuller name the article wrote (QA39 D6, F29).

«— شي» reads as the word "thing", «بحسب برومل، …» names nobody a reader knows: the article
wrote «الرئيس الصيني، شي جين بينغ،» and «وقال كينيث برومل، القائم على …» before. A shown
speaker of one bare word (no «ال», no title) takes the longest form of that name the article
gives: the name run of another candidate's speaker («الممثل التجاري الأميركي روبرت
لايتهايزر» -> «روبرت لايتهايزر») or a name set between commas after a definite title
(«الرئيس الصيني، شي جين بينغ،»). The short word must open or close that run (Chinese and
Korean names put the family name first). Two different fuller forms («كيم يونغ أون», «كيم إيل
سونغ») leave the word as it is. Pure functions of the candidates and the paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from digests.country_adjectives import COUNTRIES
from digests.speech import STOP, cue_of, fold
from digests.title_heads import (
    DELEGATE_HEADS,
    OFFICE_HEADS,
    PERSON_TITLES,
    WOMAN_OFFICES,
)

# Nouns that head a title, a body or a medium: a run holding one is no personal name
# («وكالة شينخوا», «رئيس وزراء بريطانيا تيريزا ماي»). Folded.
_HEADS = OFFICE_HEADS | DELEGATE_HEADS | frozenset(
    "وكاله صحيفه قناه موقع شبكه مجله اذاعه تلفزيون حركه حزب جماعه"
    " منظمه شركه وزاره مجلس لجنه هيئه محكمه جيش اتحاد نادي منتخب"
    " مراسل مصدر مصادر بيان تقرير ملك امير الامير الملك الشيخ الرئيس وزراء"
    # someone else's: «أحد مساعدي نتانياهو», «محامي ستورمي», «سلفه فرانسوا هولاند»
    " احد مساعد مساعدي مساعده محامي محاميه محاميه سلف سلفه خلف خلفه مدرب لاعب نجم حارس"
    " مالك صاحب زوج زوجه زوجته ابن ابنه ابنته شقيق شقيقه شقيقته والد والده نفسه نفسها ذاته"
    " ذاتها".split())
# Family names written first are short («شي جين بينغ», «كيم يونغ أون», «بيل غيتس»); a longer
# first word is a given name or a place («إسرائيل كاتس» is not «إسرائيل»).
_MAX_FIRST_LETTERS = 3
# Titles a name may follow between commas («المدرب، …،»). Folded, without «ال».
# (Masculine forms: «المتحدثة» is matched by its «ه» taken off, `_a_title`; the feminine
# offices are listed too.) PERSON_TITLES with «محامي», «قاضي» and OFFICE_HEADS' feminine forms
# (F49, QA73-10's measured union: two corpus digests show a fuller name, «أفيناتي» -> «مايكل
# أفيناتي», «دانيلز» -> «جورج دانيلز»).
_TITLE_WORDS = PERSON_TITLES | WOMAN_OFFICES | frozenset(
    "امين سيناتور ممثل مغني مغنيه كاتب روائي خبير باحث بروفيسور دكتور".split())
# Words of a clause between commas after a title, never of a name («السفير الأميركي، دعم
# بلاده للحكومة، …»). Folded.
_NOT_NAMES = frozenset("بلاده بلادها بلادهم دعم".split())
_TITLE_HEADS = _HEADS | _TITLE_WORDS  # what a bare title opens on
# Pronoun endings of a relation («والدها», «مديرته», «شقيقته»). Folded.
_OWN = ("ها", "هم", "ته", "تها")
# Countries, which a name run may end in as the verb's object. Folded.
_COUNTRIES = frozenset(fold(c) for c in COUNTRIES.values())
# A run read from the text holds one name («رجب طيب أردوغان»); four words are two names
# («عين الرئيس الأمريكي دونالد ترامب جينا هاسبل»: the object after the subject).
_MAX_TITLED_WORDS = 3
# How many words before a name run a title may stand («المتحدثة باسم الأمم المتحدة ليندا توم»).
_TITLE_REACH = 5
# Relative pronouns: a clause's verb and its subject follow, not a name («اللاتي اتهمن ترمب»).
_RELATIVES = frozenset("الذي التي الذين اللاتي اللواتي اللذين اللتين".split())
# Runs longer than this are a title and a name together, not a name.
_MAX_NAME_WORDS = 4
# «الرئيس الصيني، شي جين بينغ،»: a name between commas right after a definite word.
# (The name is read ahead, so a comma closing one apposition can open the next.)
_APPOSED_RE = re.compile(r"(?:^|\s)ال\S+[،,]\s*(?=([^،,.:\"«»()]+?)\s*[،,])")


def _name_word(word: str) -> bool:
    """A word that can belong to a personal name: no «ال», no punctuation or digit, no
    function word, no title head, no conjunction glued on a short word."""
    if not word or any(ch.isdigit() for ch in word) or not word.isalpha():
        return False
    f = fold(word)
    return not (f.startswith("ال") or f in STOP or f in _HEADS or len(f) < 2)


# A compound name's first word («عبد الله», «أبو مازن»): it and the next word are one unit
# («المتحدثة باسم الوحدات نسرين عبد الله» then «وفق عبد الله»: QA79-8). Folded.
_COMPOUND_FIRSTS = frozenset("عبد ابو".split())


def _units(words: Sequence[str]) -> list[str]:
    """`words` with a compound name («عبد الله», «أبو مازن») joined into one unit."""
    out: list[str] = []
    for w in words:
        if out and fold(out[-1]) in _COMPOUND_FIRSTS and w.isalpha():
            out[-1] = out[-1] + " " + w
        else:
            out.append(w)
    return out


def _unit_name(unit: str) -> bool:
    """A name word, or a compound unit whose first word is one («عبد الله»)."""
    parts = unit.split()
    return _name_word(parts[0]) and (len(parts) == 1 or fold(parts[0]) in _COMPOUND_FIRSTS)


def _name_run(words: Sequence[str]) -> tuple[str, ...]:
    """The trailing run of name words of a speaker after a definite word, a title's adjective
    («… الأميركي روبرت لايتهايزر»). After an indefinite word the run may hold a place («رئيس
    وزراء كندا جاستن ترودو»), and a speaker that is all run may be a verb and its subject
    («قال هاراديناي», «محامي برايس»): none then."""
    run: list[str] = []
    words = _units(words)
    for w in reversed(words):
        if not _unit_name(w):
            break
        run.insert(0, w)
    if len(run) == len(words) or not fold(words[-len(run) - 1]).startswith("ال"):
        return ()  # a speaker that is all run is too often a verb or a noun and a name
    return tuple(run) if _clean(run) else ()


def _clean(run: Sequence[str]) -> bool:
    """No word of `run` opens on «و», ends in a relation's pronoun («والدها ديريك كامبل»,
    «مديرته كريستين لاغارد») or is a speech verb («قال مايكل ستيرن»)."""
    return not any((fold(w).startswith("و") and not _chinese_family(w)) or fold(w).endswith(_OWN)
                   or cue_of(w)[1] is not None for w in run) and not (run and _verbal_noun(run[0]))


def _verbal_noun(word: str) -> bool:
    """«تصرف», «تدخل», «تحرك» (a «تفعّل» noun, no long vowel): the object a verb ran into
    («انتقد … الإسباني تصرف بيكيه»), not a first name («تامر», «توني»)."""
    f = fold(word)
    return len(f) == 4 and f.startswith("ت") and not any(ch in "اوي" for ch in f)


def _apposed(paragraph: str) -> Iterator[tuple[str, ...]]:
    """Names set between commas after a title («الرئيس الصيني، شي جين بينغ،»): the word before
    the first comma is a title or a relative adjective in «ي»; any other definite word ends a
    clause («وفي السياق، قال مايكل ستيرن،», «حسب التقديرات الأولية، فاز فلاديمير بوتين،»)."""
    for m in _APPOSED_RE.finditer(paragraph):
        before = fold(m.group(0).split()[0].rstrip("،,"))
        run = tuple(m.group(1).split())
        if ((before.endswith("ي") or before.removeprefix("ال") in _TITLE_WORDS)
                and all(_name_word(w) for w in run) and _clean(run)):
            yield run


def _titled(paragraph: str, short: str, *, loose: bool = False) -> Iterator[tuple[str, ...]]:
    """Name runs that end in `short` right after a title's definite word, wherever the
    paragraph writes them: «حسبما قالت المتحدثة باسم الأمم المتحدة ليندا توم، الاثنين» (X113,
    QA71-8: a cue that made no quote, so no candidate carried «ليندا توم», and «وأضافت توم» was
    shown «— توم», which reads as the English "Tom"). `loose`: every run after any definite
    word or comma too («…البيت الأبيض، بوب بورتر»), the other forms a titled one must hold."""
    words = paragraph.split()
    for k, word in enumerate(words):
        if word.rstrip("،,.:؛") != short or k < 2:
            continue
        run = _name_run([*words[max(0, k - _MAX_NAME_WORDS):k], short])
        before = k - len(run)
        if not run or before < 0 or any(w.startswith(("بت", "بإ", "بأ")) and w.endswith("ة")
                                        for w in run):
            continue  # «بتهنئة فيدرر», «بإقامة علاقة»: «ب» and a verbal noun, an object
        prev = words[before]
        if loose:
            yield run
            continue
        if (prev[-1:] in "،,.:؛)\"»”" or fold(prev) in STOP or fold(prev) in _RELATIVES
                or not fold(prev).startswith("ال") or len(fold(prev)) < 4):
            # «…الأخيرة، طلب كونتي من», «اللاتي اتهمن ترمب», «إلى كون حورية»: no title's
            # name, a clause or a preposition before it
            continue
        if any(_a_title(w) for w in words[max(0, before - _TITLE_REACH):before + 1]):
            yield run  # «المتحدثة باسم الأمم المتحدة ليندا توم», «الرئيس الأمريكي دونالد ترامب»


def _a_title(word: str) -> bool:
    """«المتحدثة», «الرئيس», «وزير»: a title head («حكومة», «الطائرة» are none)."""
    f = fold(word.strip("،,.:؛\"«»”“()"))
    f = f.removeprefix("و").removeprefix("ال") if f.startswith(("وال", "ال")) else f
    return f in _TITLE_WORDS or (f.endswith("ه") and f[:-1] in _TITLE_WORDS)


def _forms(short: str, names: Iterable[tuple[str, ...]]) -> set[str]:
    """The fuller names that open or close with `short`."""
    f = fold(short)
    return {" ".join(run) for run in names
            if 1 < len(run) <= _MAX_NAME_WORDS
            and not fold(run[0]).startswith("لل")
            and not (len(run) > 2 and fold(run[0])[:1] in "لب")  # «لنيويورك إريك …»
            and (f == fold(run[-1]) or (f == fold(run[0]) and (
                len(f) <= _MAX_FIRST_LETTERS or _chinese_family(short))))}


def _chinese_family(word: str) -> bool:
    """«وانغ», «تشانغ», «يانغ»: a Chinese family name, written first, ending in «نغ» (no Arabic
    word does); its «و» is no conjunction («المسؤول … وانغ هيجون» then «بحسب وانغ»: QA59-10)."""
    f = fold(word)
    return f.endswith("نغ") and 4 <= len(f) <= 6


def is_surname_alone(speaker: str) -> bool:
    """One bare word that may be a person's surname («شي», «برومل», «لايتهايزر»)."""
    words = _units(speaker.split())
    return len(words) == 1 and _unit_name(words[0])


def fuller_name(speaker: str, speakers: Iterable[str], paragraphs: Sequence[str]) -> str:
    """The longest form of a one-word speaker the article wrote, or the speaker unchanged:
    first from the other candidates' speakers, then from names set between commas after a
    definite title, then from a name run after a title anywhere in the text (`_titled`).
    Ambiguous (two forms) -> unchanged."""
    if not is_surname_alone(speaker):
        return speaker
    forms = _forms(speaker, (_name_run(s.split()) for s in speakers))
    if not forms:
        forms = _forms(speaker, (run for p in paragraphs for run in _apposed(p)))
    if not forms and fold(speaker) not in _COUNTRIES:
        # («قالت روسيا …» and «اتهمت نائبة السفير … كيلي كيري روسيا بـ…»: the country is the
        # object after a name, no surname of it)
        forms = _forms(speaker, (run for p in paragraphs for run in _titled(p, speaker)
                                 if len(run) <= _MAX_TITLED_WORDS))
        firsts = {f.split()[-2] for f in forms}
        if forms and any(f.split()[-2] not in firsts for f in _forms(
                speaker, (run for p in paragraphs for run in _titled(p, speaker, loose=True)))):
            # «نائب الرئيس الأمريكي دان بورتر» (a verb, «condemned», read as a first name) is
            # no form when «… البيت الأبيض، بوب بورتر» writes another first name: unchanged
            return speaker
    # One form, or one form that holds every other (a middle name once left out).
    longest = max(forms, key=len, default="")
    if longest and all(f in longest for f in forms):
        return longest
    return speaker


def _bare_title(speaker: str) -> bool:
    """«وزير التعليم», «وزيرة الاقتصاد الألمانية»: a title head and definite words, no name."""
    words = speaker.split()
    return (len(words) >= 2 and fold(words[0]).removeprefix("ال") in _TITLE_HEADS
            and all(fold(w).startswith("ال") for w in words[1:]))


def named_title(speaker: str, paragraph: str) -> str:
    """A bare title with the name the same sentence sets after it between commas: «قالت وزيرة
    الاقتصاد الألمانية، بريجيته تسيبريس، اليوم …» -> «وزيرة الاقتصاد الألمانية بريجيته
    تسيبريس» (QA39 D2). The name is two or three name words closed by a comma or a definite
    word («نافتالي بنيت المنتمي …»); a first word in «ا» is a participle or an adverb
    («طالبا عدم الكشف …»), not a name."""
    if not _bare_title(speaker):
        return speaker
    at = paragraph.find(speaker + "،")
    if at < 0:
        return speaker
    rest = paragraph[at + len(speaker) + 1:].split()
    run: list[str] = []
    for w in rest[:4]:
        bare = w.rstrip("،,")
        if not _name_word(bare) or fold(bare).startswith("لل"):
            break  # «… شريف إسماعيل للصحفيين»: a preposition closes the name
        if fold(bare) in _NOT_NAMES:
            return speaker
        run.append(bare)
        if bare != w:
            break  # the closing comma
    else:
        return speaker
    closed = len(run) < len(rest) and (rest[len(run) - 1].endswith(("،", ","))
                                       or fold(rest[len(run)]).startswith(("ال", "لل")))
    if not (2 <= len(run) <= 3 and closed and not fold(run[0]).endswith("ا") and not any(
            fold(w).startswith("و") or cue_of(w)[1] is not None for w in run)):
        return speaker
    return speaker + " " + " ".join(run)


# A whole word in running text: what may stand before and after it.
_BEFORE_WORD = r"(?:^|(?<=[\s،,:«\"(]))"
_AFTER_WORD = r"(?![^\s،,.:؛»\")])"


def spelled_name(speaker: str, texts: Sequence[str]) -> str:
    """The spelling of a speaker's first name the article writes more often: «وقال عمرة أديب»
    after the headline's and the lead's «عمرو أديب» (QA70-4: «— عمرة أديب», a typo that reads as
    the word «umrah») -> «… عمرو أديب». Only a first name of three letters or more before the
    speaker's last word, which differs in one letter, not its first (a prefix: «لأذون/وأذون»),
    from the other spelling (the same surname
    after it), and only when exactly one other spelling is written, more often than this one;
    unchanged otherwise."""
    words = speaker.split()
    if len(words) < 2 or not (_name_word(words[-2]) and _name_word(words[-1])):
        return speaker
    first, last = words[-2], words[-1]
    f = fold(first)
    if len(f) < 3:
        return speaker
    counts: dict[str, int] = {}
    written = 0
    for text in texts:
        for m in re.finditer(_BEFORE_WORD + r"(\S+) " + re.escape(last) + _AFTER_WORD, text):
            other = m.group(1)
            g = fold(other)
            if g == f:
                written += 1
            elif (len(g) == len(f) and _name_word(other) and f[0] == g[0]
                  and sum(a != b for a, b in zip(f, g)) == 1):
                counts[other] = counts.get(other, 0) + 1
    if len(counts) != 1:
        return speaker
    (other, n), = counts.items()
    if n <= written:
        return speaker
    return " ".join(words[:-2] + [other, last])



# «مواطنة تدعى رانية», «شاب يدعى أحمد»: a word that gives a person's name. Folded.
_CALLED = frozenset("تدعي يدعي تسمي يسمي اسمها اسمه".split())


def called_person(speaker: str, paragraph: str) -> str:
    """A bare indefinite noun with the name its sentence gives it: «وقالت مواطنة تدعى رانية
    السبت لبي بي سي إن …» -> «مواطنة تدعى رانية» (QA79-8: «بحسب مواطنة، …» named no one the
    article named). One or two name words right after the naming word, closed by a definite
    word, a comma or the sentence; anything else leaves the speaker as it is."""
    if len(speaker.split()) != 1 or fold(speaker).startswith("ال"):
        return speaker
    words = paragraph.split()
    for k, w in enumerate(words[:-2]):
        if w != speaker or fold(words[k + 1]) not in _CALLED:
            continue
        run: list[str] = []
        closed = False
        for nxt in words[k + 2:k + 4]:
            bare = nxt.rstrip("،,.:؛")
            if not _name_word(bare) or fold(bare) in _CALLED:
                break
            run.append(bare)
            if bare != nxt:
                closed = True  # «يدعى أحمد علي،»: a comma or a stop closes the name
                break
        rest = words[k + 2 + len(run):]
        if run and (closed or not rest or fold(rest[0]).startswith("ال")
                    or (fold(rest[0]) in STOP and fold(rest[0]) != "علي")
                    or cue_of(rest[0])[1] is not None):
            # (not «يدعى أحمد علي،»: «علي» may be «على» or the name's next word: unchanged)
            return f"{speaker} {words[k + 1]} {' '.join(run)}"
    return speaker
