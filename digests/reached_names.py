"""A bare title shows the name written after its complement: «— المكلفة» no more (F48, QA74-6).

The subject reading ends a title at its complement («ب» + a definite noun, «في» + a body), so
«وقالت المكلفة بالإعلام في البيت الأبيضن سارة ساندرز، إن …» (corpus 4774, the source's own
typo «الأبيضن») was shown «— المكلفة» (the one charged), «ويقول الإداري في حزب اليسار الكردي في
سوريا محمد جلال قاسم: "…"» (seed 42, 4107) «— الإداري», and «ذكر مدير الابتكار بالشركة أرثر
أوردونا لـ CNN إن» (1528) «— مدير الابتكار»: nobody a reader can name, while the sentence writes
the name a few words on. A speaker of definite words only (no name among them) reaches, where the
paragraph writes it right after a cue, the name run (two or three name words, after a definite
word or a country, closed by a comma, a colon, «إن/أن», a preposition or the next clause) within
ten words past its complement: one word (a participle or an adjective) is shown by the name
alone («سارة ساندرز»), a title with its name («مدير الابتكار أرثر أوردونا»).

Pure: the speaker and its paragraph in, the speaker to show out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests.display_names import _COUNTRIES, _TITLE_WORDS, _bare_title, _clean, _name_word
from digests.name_tails import tail_at, written_tails
from digests.speech import cue_of, fold

# How far past the title the name may stand (its complement and the name).
_REACH = 10
# Words glued to a definite noun's preposition or conjunction: a complement, never a name.
_GLUED_DEFINITE = ("بال", "لل", "وال", "فال", "كال")
# What may close a name run besides its own comma or colon. Folded.
_CLOSERS = frozenset("ان انه انها بان بانه بانها قائلا قائله".split())
_PUNCT_END = ("،", ",", ":", "؛")
# Bodies, media and places, never a person's bare title («المركز المصري», «الاتحاد الأوروبي»).
# Folded.
_PLACES = frozenset("مركز مكتب معهد مرصد مستشفي مصرف مجمع مجموعه مؤسسه مدرسه مدينه منطقه"
                    " ملعب متحف مطار مصنع منتخب وكاله صحيفه قناه موقع شبكه مجله اذاعه تلفزيون"
                    " حركه حزب جماعه منظمه شركه وزاره مجلس لجنه هيئه محكمه جيش اتحاد نادي"
                    " حكومه شرطه داخليه خارجيه".split())
# A member's head («عضو مجلس الشيوخ»): a person of the body named after it. Folded.
_MEMBERS = frozenset("عضو عضوه النائب نائب".split())
# A seat's kind before its own one-word name («عن مدينة سالزبيري،», «عن ولاية فلوريدا،»). Folded.
_SEATS = frozenset("مدينه ولايه دائره منطقه محافظه مقاطعه اقليم".split())
# What opens a title's field or place besides «ب…» («في حزب …», «لدى الأمم المتحدة», «عن
# الدراسة»). Folded.
_FIELD_OPENERS = frozenset("في فى لدي عن".split())


def _name(word: str) -> bool:
    bare = word.lstrip("#").rstrip("،,:؛")
    return (_name_word(bare) and not fold(bare).startswith(_GLUED_DEFINITE)
            and "\u0640" not in bare and not bare.endswith("ه"))
    # («لـCNN» a glued preposition; «قراره», «دعمه» a pronoun's noun, no name)


def _all_definite(speaker: str) -> bool:
    """A person's bare title: a title head and definite words («مدير الابتكار», «المسؤولة»,
    «السفيرة الأمريكي»), or one participle or relative adjective («المكلفة», «الإداري»,
    «الفائزة»); not a body («الاتحاد الأوروبي», «الشرطة»)."""
    words = speaker.split()
    if not 1 <= len(words) <= 3:
        return False
    head = fold(words[0]).removeprefix("ال")
    if head in _TITLE_WORDS or head.removesuffix("ه") in _TITLE_WORDS:
        return _bare_title(speaker) or all(fold(w).startswith("ال") for w in words)
    if fold(words[0]) in _MEMBERS and len(words) > 1 and all(
            fold(w).startswith("ال") or fold(w) in _PLACES for w in words[1:]):
        # «عضو مجلس الشيوخ», «عضو البرلمان البريطاني» (F53, QA80-9): a member of a body
        return True
    if not all(fold(w).startswith("ال") for w in words) or head in _PLACES:
        return False
    if len(words) > 1:
        # «المسؤول الرئيسي», «المندوبة الأميركية»: a participle and its adjectives
        return head.startswith("م")
    # «المكلفة», «المسؤولة» (a participle in «م»), «الإداري» (in «ي»), «الفائزة» (فاعل)
    return head.startswith("م") or head.endswith(("ي", "يه")) or head[1:2] == "ا"


def _closed_by(word: str) -> bool:
    """A word that may follow a name run: «إن», «لـ CNN», «للصحفيين», a quote mark, a cue."""
    f = fold(word)
    return (f in _CLOSERS or word.startswith("ل") or word[:1] in "\"«“"
            or cue_of(word)[1] is not None)


def _run_after(words: list[str]) -> tuple[str, ...]:
    """The name run closed within the words after the title, or ()."""
    run: list[str] = []
    before = ""
    named_place = False
    for n, word in enumerate(words[:_REACH]):
        if not run and (word[:1] in "\"«“(" or cue_of(word)[1] is not None
                        or fold(word) in _CLOSERS):
            return ()  # marks, «إن/أن» or another verb before any name: the speech begins
        if _name(word):
            if not run:
                before = words[n - 1] if n else ""
            run.append(word.lstrip("#").rstrip("،,:؛"))
            if word.endswith(_PUNCT_END):
                if not named_place and word.endswith(("،", ",")) and (
                        (len(run) == 1 and fold(before) in _SEATS)
                        or (len(run) == 2 and fold(run[0]) in _SEATS)):
                    # «عن مدينة سالزبيري، جون غلين،» (F53, QA80-9): the seat's own name closes
                    # the complement; the person's name follows its comma
                    named_place, run = True, []
                    continue
                return _checked(run, before, seated=named_place)
            continue
        if run:
            return _checked(run, before, seated=named_place) if _closed_by(word) else ()
        if word.endswith(_PUNCT_END):
            return ()  # the complement closed with no name: «المكلفة بالإعلام، …»
    return ()


def _checked(run: list[str], before: str, *, seated: bool = False) -> tuple[str, ...]:
    """`run` without a country opening it («في سوريا محمد جلال قاسم»), when it is a name of
    two or three words after a definite word or a country (or, `seated`, after the seat's
    name and its comma: «عن ولاية فلوريدا، ماركو رابيو»)."""
    while run and fold(run[0]) in _COUNTRIES:
        before, run = run[0], run[1:]
    b = fold(before.rstrip("،,"))
    if b.startswith("لل"):
        return ()  # «في تصريح للزميلة باربرا ستار»: whom he told, not who he is
    if not (2 <= len(run) <= 3 and _clean(run)):
        return ()
    if not (seated or b.startswith(("ال", *_GLUED_DEFINITE)) or b in _COUNTRIES):
        return ()
    return tuple(run)


def reached_name(speaker: str, paragraph: str) -> str:
    """The speaker with the name its paragraph writes past its complement, or unchanged."""
    if not _all_definite(speaker):
        return speaker
    for m in re.finditer(r"(?:^|\s)(\S+)\s+" + re.escape(speaker) + r"(?=\s)", paragraph):
        if cue_of(m.group(1))[1] is None:
            continue  # only the subject right after a verb of saying («وقالت المكلفة …»)
        words = paragraph[m.end():].split()
        if not words or not (fold(words[0]) in _FIELD_OPENERS or (
                fold(words[0]).startswith("ب") and fold(words[0]) not in _CLOSERS)):
            # only a complement of field or place («بالإعلام», «في حزب …»): after «لـ» the name
            # is whom he told («المسؤول الأمريكي لمراسلة CNN باربرا ستار»), and a name right
            # after the title is the subject reading's own
            continue
        run = _run_after(words)
        if run:
            name = " ".join(run)
            return name if len(speaker.split()) == 1 else f"{speaker} {name}"
    return speaker


# How many words may stand between a title's head and its nationality («وزير الخارجية الفرنسي»).
_MAX_FIELD_WORDS = 2


# Relative adjectives of a field or a rank, not a nationality («الرئيس التنفيذي», «المدير
# الفني», «الرئيس السيسي» — a name in «ال»). Folded, without «ال» and the adjective's ending.
_NOT_NATIONS = frozenset(
    "تنفيذ فن اقليم رياض دول جمهور ديمقراط رئيس اعلام عسكر سياس اقتصاد مال قانون طب علم تقن"
    " ادار تجار شرع حال محل اجنب اسلام شيع سن سيس تاريخ اساس ثان اول نهائ عالم قوم وطن"
    " شعب رسم فعل حقيق ذات شخص جماع دستور برلمان حكوم اتحاد مركز اكاديم جامع بلد".split())
# Capitals a verb addresses after its subject's name («خاطب … لافروف لندن»). Folded.
_CAPITALS = frozenset("لندن موسكو واشنطن باريس طهران انقره بكين دمشق القاهره برلين روما بغداد"
                      " الرياض الدوحه بيروت عمان".split())
# Words that leave a name unfinished («محمد بن», «خالد عبد»). Folded.
_NAME_LINKS = frozenset("بن ابن عبد ابو ابي ال".split())


def _nisba(word: str) -> bool:
    """«الفرنسي», «الفنزويلية»: a definite relative adjective of a nation (not a field)."""
    f = fold(word)
    if not (f.startswith("ال") and f.endswith(("ي", "يه")) and len(f) >= 5):
        return False
    return f[2:].removesuffix("ه").removesuffix("ي") not in _NOT_NATIONS


def _strict_name(word: str, n: int) -> bool:
    """A name word of an apposed run: no glued body («لنادي», «لشركة»), after the first word no
    feminine or plural noun («غزة», «كنيسة», «لإصلاحات»), after the second no accusative
    («محمد صلاح حوارا»)."""
    f = fold(word.rstrip("؛.،,:"))
    if not _name(word.rstrip("؛.")) or (f[:1] == "ل" and f[1:] in _PLACES):
        return False
    if not n and f.startswith(("يت", "يست", "تت", "لم", "لب", "لن", "لت")):
        return False  # a present verb («يتوعد حماس») or «ل» + a noun («لمانشستر سيتي»)
    if n and (f in _COUNTRIES or f in _CAPITALS or (f.startswith("لت") and len(f) >= 5)):
        return False  # the verb's object after the name («سيرغي لافروف لندن», «لتطبيق»)
    return n == 0 or not (f.endswith(("ه", "ات")) or (n >= 2 and f.endswith("ا")))


def named_elsewhere(speaker: str, texts: Sequence[str]) -> str:
    """A bare title of a head and its nationality («الوزير الفرنسي») with the one name the article
    writes after a title of the same head and nationality («وزير الخارجية الفرنسي جان إيف
    لودريان»: QA74-8, «بحسب الوزير الفرنسي، …» where the text named him), or unchanged (no name,
    or two: «الرئيس الأمريكي» beside two presidents' names)."""
    words = speaker.split()
    head = fold(words[0]).removeprefix("ال")
    if not (2 <= len(words) <= 3 and _bare_title(speaker) and _nisba(words[-1])
            and (head in _TITLE_WORDS or head.removesuffix("ه") in _TITLE_WORDS)):
        return speaker  # a person's title only: «الجيش الألماني» is a body
    last = fold(words[-1])
    tails = written_tails(texts)
    names: set[str] = set()
    counts: dict[str, int] = {}
    for text in texts:
        for tok in text.split():
            f = fold(tok.strip("،,.:؛\"«»()"))
            counts[f] = counts.get(f, 0) + 1
    for text in texts:
        toks = text.split()
        for n, tok in enumerate(toks):
            f = fold(tok)
            if (f[1:] if f.startswith("وال") else f).removeprefix("ال") != head:
                continue
            for k in range(n + 1, min(n + 2 + _MAX_FIELD_WORDS, len(toks))):
                if fold(toks[k]) == last:
                    if toks[k].endswith(_PUNCT_END):
                        break  # «وزير حقوق الإنسان اليمني، بضرورة …»: the title ends there
                    run = _apposed_run(toks[k + 1:])
                    if len(run) == 2 and " ".join(map(fold, run)) in tails and tail_at(
                            toks, k + 3):
                        # «مون جاي إن، …» (F49): its last word spelled «إن»; the family name
                        # written first may be the one written again («وأضاف مون»)
                        run = (*run, toks[k + 3].rstrip("،,:؛"))
                        if counts.get(fold(run[0]), 0) >= 2:
                            names.add(" ".join(run))
                        break
                    if len(run) == 3 and counts.get(fold(run[-1]), 0) < 2:
                        run = run[:2]  # «محمود عباس لتطبيق»: a third word written once
                    if run and counts.get(fold(run[-1]), 0) >= 2:
                        # the surname is written again («… ماكرون»): a name, not the noun
                        # after it («الوزير الأردني إغلاق كنيسة», «قبول دعوة»)
                        names.add(" ".join(run))
                    break
                if toks[k].endswith(_PUNCT_END):
                    break
    if len(names) > 1:
        # «كريستيانو رونالدو» and «كريستيانو رونالدو حصون» (a noun after one of them): the
        # shortest when it opens every other
        shortest = min(names, key=len)
        names = {shortest} if all(n.startswith(shortest + " ") or n == shortest
                                  for n in names) else names
    if len(names) != 1:
        return speaker
    return f"{speaker} {names.pop()}"


def _apposed_run(words: Sequence[str]) -> tuple[str, ...]:
    """Two or three name words right at the start of `words`, closed by punctuation, a
    non-name word or the end («جان إيف لودريان؛ غدا»)."""
    run: list[str] = []
    closed = False
    for n, word in enumerate(words[:4]):
        if not _strict_name(word, n):
            closed = True
            break
        run.append(word.lstrip("#").rstrip("،,:؛."))
        if word.endswith((*_PUNCT_END, ".")):
            closed = True
            break
    closed = closed or len(words) == len(run)
    if run and fold(run[-1]) in _NAME_LINKS:
        return ()  # «وزير المالية السعودي محمد بن عبدالله الجدعان»: cut inside the name
    return tuple(run) if closed and 2 <= len(run) <= 3 and _clean(run) else ()


def named_before(speaker: str, texts: Sequence[str]) -> str:
    """A bare title of a head and a body named another way («رئيس النادي العاصمي», the capital's
    club) with the one name the article sets before a comma and that title in its construct
    form («أحمد العقيل، رئيس نادي الشباب،»: F48's left, corpus 3193) when the surname is
    written again («وزاد العقيل»), or unchanged (no name, two names, a name already)."""
    words = speaker.split()
    if len(words) != 3 or not _bare_title(speaker):
        return speaker
    head = fold(words[0])
    body = fold(words[1])
    if head not in _TITLE_WORDS or not body.startswith("ال") or body[2:] not in _PLACES:
        return speaker
    counts: dict[str, int] = {}
    for text in texts:
        for tok in text.split():
            f = fold(tok.strip("،,.:؛\"«»()"))
            counts[f] = counts.get(f, 0) + 1
    names: set[str] = set()
    for text in texts:
        toks = text.split()
        for n in range(2, len(toks) - 1):
            if not (fold(toks[n]).removeprefix("و") == head and fold(toks[n + 1]) == body[2:]
                    and toks[n - 1].endswith(("،", ","))):
                continue
            # two words, a third only after a comma or colon (not the verb opening the
            # sentence before the name: «قدم أحمد العقيل، رئيس …»)
            run = [toks[n - 2], toks[n - 1].rstrip("،,")]
            if n >= 4 and _name(toks[n - 3]) and toks[n - 4].endswith(_PUNCT_END):
                run.insert(0, toks[n - 3])
            last = run[-1]
            family = fold(last).startswith("ال") and last.isalpha() and len(fold(last)) >= 5
            # («أحمد العقيل»: a family name in «ال» is the surname, after a first name)
            if 2 <= len(run) <= 3 and _clean(run) and all(_name(w) for w in run[:-1]) and (
                    _name(last) or family):
                names.add(" ".join(run))
    if len(names) != 1:
        return speaker  # none, or two holders of such titles («رئيس نادي الهلال» beside it)
    name = names.pop()
    last = fold(name.split()[-1])
    if counts.get(last, 0) + counts.get("و" + last, 0) < 2:
        return speaker  # the surname written again («وزاد العقيل»): the one who speaks on
    return f"{speaker} {name}"
