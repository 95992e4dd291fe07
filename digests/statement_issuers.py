"""Who issued a statement: the issuer a bare «البيان» means (split from digests.bare_bodies).

«بيان لوزارة المالية» → «وزارة المالية», «بيان صادر عن البيت الأبيض» → «البيت الأبيض»
(`statement_issuer`); the issuer of the last statement written before a quote, right after it
(«البيان الصادر عن مكتب …», «بيان أصدره/نشره X» when X is no medium) or as the subject that
issued it («أصدر مجلس الأمن بيانا»: `written_issuer`); and the strict reading of a body's name
(`name_after`: a quoted name or a definite genitive, then its relative adjectives) that
digests.bare_bodies uses for every bare body. Moved verbatim (F25: bare_bodies.py was 511
lines); pure functions of words and paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.speech import fold
from digests.texts_before import texts_before

if TYPE_CHECKING:
    from digests.quotes import Candidate

# The statement words of «بيان لـX», «بيان صادر عن X», folded.
STATEMENT_WORDS = frozenset("بيان بيانا ببيان وبيان البيان".split())
# A statement its speaker issued («ببيان», «أصدر بيانا»; «في بيان» in `in_statement`).
_ISSUED = frozenset("ببيان وببيان بيانا بيانه بيانها".split())


# Definite adjectives of names that are no relative adjectives («الشرق الأوسط», «الأمم
# المتحدة», «الهلال الأحمر»). Folded.
_NAME_ADJECTIVES = frozenset("الاوسط الاعلي العام العامه المتحده الاحمر".split())


def nisba(word: str) -> bool:
    """A definite relative adjective («الروسية», «الأمريكي»), folded."""
    return (word.startswith("ال") and word.endswith(("يه", "ي")) and len(word) >= 5) or (
        word in _NAME_ADJECTIVES)


def name_after(words: list[str], m: int, *, joined: bool = False) -> str:
    """The name a body's head at `m` is given, strictly: a quoted name («صحيفة "الغارديان"»)
    or a definite genitive («وزارة الخارجية», «وكالة الأنباء»), then the relative adjectives
    that follow («البريطانية», «العربية السورية الرسمية»); "" otherwise. Any other word ends
    it: a verb or an object after a subject («صحيفة "سبورت" فأبرزت», «ماركا الإسبانية
    الضوء») never joins the name."""
    out = [words[m]]
    n = m + 1
    if n + 1 < len(words) and fold(words[n]) == "انباء" and words[n] == words[n].rstrip("،,.:"):
        out.append(words[n])  # «وكالة أنباء "الأناضول"», «وكالة أنباء الشرق الأوسط»
        n += 1
    if n < len(words) and words[n][:1] in "\"“«":
        close = next((x for x in range(n, min(len(words), n + 6))
                      if words[x].rstrip("،,.:").endswith(("\"", "”", "»"))
                      and (x > n or len(words[x].rstrip("،,.:")) > 1)), None)
        if close is None:
            return ""
        out += words[n:close + 1]
        n = close + 1
    elif n < len(words) and words[n][:1] == "#" and fold(words[n].rstrip("،,.:"))[:1].isalpha():
        # «أعلنت منصة #إنستغرام الأحد» (seed 29, 6189): a hashtag is the name, shown as the
        # words it joins
        out.append(words[n].lstrip("#").replace("_", " "))
        n += 1
    elif n < len(words) and fold(words[n]).startswith("ال"):
        out.append(words[n])
        n += 1
        while (joined and n < len(words) and not out[-1].endswith(("،", ",", ".", ":"))
               and fold(words[n]).startswith("وال") and len(fold(words[n])) > 5):
            # «وزير الطاقة والصناعة», «وزارة التجارة والاستثمار» (F23's left): a minister's
            # portfolio of two, joined by «و», is one title; cut at the first it named another
            out.append(words[n])
            n += 1
    elif (n + 1 < len(words) and words[n] == words[n].rstrip("،,.:") and len(fold(words[n])) > 1
          and fold(words[n])[:1] not in "#" and nisba(fold(words[n + 1].rstrip("،,.:")))):
        # an unquoted one-word name its relative adjective closes («صحيفة ماركا الإسبانية»)
        out.append(words[n])
        n += 1
    else:
        return ""
    while n < len(words) and not out[-1].endswith(("،", ",", ".", ":")) and nisba(
            fold(words[n].rstrip("،,.:"))):
        out.append(words[n])
        n += 1
    return " ".join(out).rstrip("،,.:")


def statement_issuer(speaker: str) -> str:
    """«بيان لوزارة المالية» → «وزارة المالية», «بيان صادر عن البيت الأبيض» → «البيت الأبيض»;
    the speaker as written otherwise."""
    words = speaker.split()
    if not words or fold(words[0]) not in STATEMENT_WORDS:
        return speaker
    if len(words) > 1 and words[1].startswith("لل"):
        return " ".join(["ال" + words[1][2:], *words[2:]])
    if len(words) > 1 and words[1].startswith("ل"):
        return " ".join([words[1][1:], *words[2:]])
    if len(words) > 3 and fold(words[1]) in ("صادر", "الصادر") and fold(words[2]) == "عن":
        return " ".join(words[3:])
    return ""


def in_statement(sentence: str) -> bool:
    """Whether the sentence says its speaker issued a statement: «… في بيان …», «ببيان»,
    «أصدر بيانا»; not «بحسب بيان نشرته …» or «نقلت الوكالة بيان الخارجية» (another's)."""
    words = [fold(w.strip("،,.:")) for w in sentence.split()]
    return any(w in _ISSUED or (w == "بيان" and n > 0 and words[n - 1] in ("في", "وفي"))
               for n, w in enumerate(words))


def vague(words: list[str]) -> bool:
    """A folded issuer that names no more than «البيان» does: one definite noun («الحزب»,
    «الهيئة», «الحكومة»), a media office («المكتب الإعلامي»; development gold holdout1 keeps
    «البيان» there)."""
    return (len(words) == 1 and words[0].startswith("ال")) or (
        len(words) == 2 and words[1] in ("الاعلامي", "الاعلاميه"))


# A statement written before the quote, indefinite («بيان لوزارة …», «وبحسب بيان صادر عن …»),
# or issued by the subject before it («أصدرت X بيانا», «وقالت X في بيانها»: `_issuer_before`).
_STATEMENT_MENTIONS = frozenset("بيان ببيان وبيان لبيان بيانا بيانها بيانه".split())
_ISSUED_BEFORE = frozenset("بيانا بيانها بيانه".split())
# Words between «بيان» and its issuer. Folded.
_ISSUED_BY = (("صادر", "عن"), ("الصادر", "عن"), ("صادر", "من"), ("من",), ("اصدره",),
              ("اصدرته",), ("نشره",), ("نشرته",))
# «بيان نشره/نشرته X»: X published it; the issuer only when X is no medium («بيان نشرته وكالة
# الأنباء …» is the agency's report of another's statement, F19's 2707). Folded.
_PUBLISHED = frozenset("نشره نشرته".split())
_MEDIA_HEADS = frozenset(
    "وكاله صحيفه جريده مجله قناه موقع شبكه تلفزيون اذاعه الوكاله الصحيفه الجريده المجله"
    " القناه الموقع الشبكه التلفزيون الاذاعه وسائل مواقع صحف قنوات وكالات".split())


# One-word issuers that are names, not a vague «الحكومة» («بيان الإليزيه»). Folded.
_PROPER_ISSUERS = frozenset("الاليزيه الكرملين البنتاغون البنتاجون".split())
# One definite word that names the body in an article's country, unlike «الحزب» or «الهيئة»
# («بيان للشرطة», «بيان الجيش رقم 15»: seed 4022, 3606). Folded.
_ONE_WORD_ISSUERS = frozenset("الشرطه الجيش الرئاسه".split())
# Bodies named by a genitive right after «بيان» («بيان هيئة الرياضة»). Folded.
_INSTITUTIONS = frozenset(
    "هيئه وزاره منظمه مجلس اتحاد رئاسه الرئاسه سفاره السفاره قياده القياده مكتب ديوان الديوان"
    " الاطباء حكومه الحكومه".split()) | _PROPER_ISSUERS | _ONE_WORD_ISSUERS
# «البيان الصادر عن X», «البيان الذي أصدرته/وقعته X» (not «نشرته»: a publisher). Folded.
_DEFINITE_ISSUED_BY = frozenset({("الصادر", "عن"), ("الصادر", "من"), ("الذي", "اصدرته"),
                                 ("الذي", "وقعته"), ("الذي", "اصدره"), ("الذي", "وقعه")})
_DAYS = frozenset("الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت اليوم امس".split())


def written_issuer(paragraphs: Sequence[str], c: Candidate) -> str:
    """The issuer of the last statement written before `c` that names one — right after it
    («بيان لوزارة الخارجية», «بيان صادر عن الديوان الملكي …», «بيان هيئة الرياضة», «البيان
    الصادر عن مكتب …», «البيان الذي وقعته فصائل …») or as the subject that issued it
    («أصدر مجلس الأمن بيانا»: `_issuer_before`) — read strictly (`name_after`); "" when none
    does. A bare «البيان» written before (the same statement) is passed over."""
    for _, text in texts_before(paragraphs, c.paragraph, c.start, backward=True):
        words = text.split()
        for m in range(len(words) - 1, -1, -1):
            found = _issuer_at(words, m)
            if found:
                return found
    return ""


def _issuer_at(words: list[str], m: int) -> str:
    """The issuer named at a statement word `m` (see `written_issuer`); "" when `m` is no
    statement or names none."""
    mention = fold(words[m].rstrip("،,.:"))
    folded = [fold(w.rstrip("،,.:")) for w in words[m + 1:m + 3]]
    if mention == "البيان":
        # only a relative clause that gives the issuer («البيان الصادر عن …»), not its publisher
        skip = 2 if tuple(folded) in _DEFINITE_ISSUED_BY else 0
        if not skip:
            return ""
    elif mention not in _STATEMENT_MENTIONS:
        return ""
    elif mention in _ISSUED_BEFORE:
        return _issuer_before(words, m)  # «أصدرت X بيانا», «قالت X في بيانها»
    else:
        skip = next((len(by) for by in _ISSUED_BY if tuple(folded[:len(by)]) == by), 0)
    n = m + 1 + skip
    if n >= len(words):
        return ""
    head = fold(words[n].rstrip("،,.:"))
    if skip and folded[skip - 1] in _PUBLISHED and (head in _MEDIA_HEADS or (
            head[:1] == "و" and head[1:] in _MEDIA_HEADS)):
        own = _own_medium(words, n)
        if own:
            # «وقال بيان نشره الموقع الرسمي لقوات الحشد الشعبي إن» (789): the body's own site
            # published its statement
            return own
        return ""  # «بيان نشرته وكالة …»: a medium's report, not its statement
    first = words[n]
    if first.startswith("#") and "_" in first:
        # a hashtag issuer («بيان #وزارة_العدل_الأميركية»): its words
        tag = first[1:].replace("_", " ").split()
        words = [*words[:n], *tag, *words[n + 1:]]
        first = words[n]
    if not skip and first.startswith("لل"):
        first = "ال" + first[2:]
    elif not skip and first.startswith("ل") and not fold(first).startswith("ال"):
        first = first[1:]
    elif not skip and fold(first) not in _INSTITUTIONS:
        # «بيان نشره …», «بيانا أن …»: no issuer written after it; maybe before
        return _issuer_before(words, m)
    if fold(first.rstrip("،,.:")) in _PROPER_ISSUERS:
        return first.rstrip("،,.:")
    written = [*words[:n], first, *words[n + 1:]]
    name = name_after(written, n)
    if not name and fold(first.rstrip("،,.:")) in _ONE_WORD_ISSUERS:
        return first.rstrip("،,.:")  # «بيان الجيش رقم 15»
    if skip and (not name or vague([fold(w) for w in name.split()])):
        # «البيان الصادر عن مكتب نتانياهو», «بيان أصدره المكتب الإعلامي للعبادي»: the
        # issuer is written out after its verb; read to the clause's end (F21: seed 2045, 4021)
        name = _issuer_phrase(written, n)
    folded = [fold(w) for w in name.split()]
    if len(folded) == 1 and folded[0] in _ONE_WORD_ISSUERS:
        return name
    return "" if vague(folded) or any(w in _DAYS for w in folded) else name


def _own_medium(words: list[str], n: int) -> str:
    """The body whose official medium is written at `n` («الموقع/الحساب الرسمي لقوات X»,
    «الصفحة الرسمية لوزارة …»), read strictly (`name_after`); "" otherwise."""
    if n + 2 >= len(words) or fold(words[n + 1]) not in ("الرسمي", "الرسميه"):
        return ""
    owner = words[n + 2]
    if not owner.startswith("ل") or fold(owner).startswith(("ال", "لل")) or len(owner) < 4:
        return ""
    return name_after([*words[:n + 2], owner[1:], *words[n + 3:]], n + 2)


# Words that end an issuer read to its clause's end: a complementizer, a preposition, a time
# word. Folded.
_PHRASE_ENDS = frozenset("ان انه انها بان وان اليوم امس في علي الي من عن مع حول قبل بعد خلال"
                         " وجاء جاء فيه فيها".split())


def _issuer_phrase(words: list[str], n: int) -> str:
    """The issuer written after «الصادر عن»/«أصدره» at `n`, to a comma or a word of
    `_PHRASE_ENDS`, at most six words («مكتب رئيس الوزراء الإسرائيلي بينيامين نتنياهو»);
    "" when it runs on, holds quote marks, or reaches no end."""
    out: list[str] = []
    for w in words[n:n + 7]:
        bare = w.rstrip("،,.:")
        norm = fold(bare)
        if norm in _PHRASE_ENDS or norm in _DAYS or norm in STATEMENT_WORDS or any(
                q in w for q in "\"“”«»"):
            break
        out.append(bare)
        if bare != w:
            break
    else:
        return ""
    if not out or len(out) > 6 or fold(out[0]) in _NOT_IN_NAME:
        return ""
    return " ".join(out)


# Verbs whose subject issued the statement after it («أصدرت X بيانا», «وأوردت X في بيان»).
# Folded, without a glued «و»/«ف».
_ISSUING_VERBS = frozenset(
    "قال قالت اعلن اعلنت اكد اكدت ذكر ذكرت اوضح اوضحت اورد اوردت عبر عبرت افاد افادت دعا دعت"
    " ادان ادانت رحب رحبت نفي نفت اشار اشارت كشف كشفت طالب طالبت حذر حذرت اصدر اصدرت نشر"
    " نشرت شدد شددت جدد جددت اتهم اتهمت".split())
# Words no issuer's name holds (particles, prepositions, pronouns). Folded.
_NOT_IN_NAME = frozenset(
    "ان انه انها الذي التي عن علي في من الي ما بعد قبل مع عبر خلال حول امام ضد هو هي".split())
_TIME_WORDS = _DAYS | frozenset("مساء صباح ظهر يوم ليل فجر".split())


def _issuer_before(words: list[str], m: int) -> str:
    """The subject of the verb right before the statement at `m` — «أصدر مجلس الأمن الدولي
    اليوم الخميس بيانا», «وأوردت وزارة الخارجية السويدية في بيان» — without its time words;
    "" unless every word between reads as a name (no particle, no clause break)."""
    end = m - 1 if m > 0 and fold(words[m - 1]) in ("في", "وفي") else m
    for v in range(end - 1, max(-1, end - 10), -1):
        verb = fold(words[v].rstrip("،,.:"))
        if verb.startswith(("و", "ف")) and verb[1:] in _ISSUING_VERBS:
            verb = verb[1:]
        if verb in _ISSUING_VERBS and not words[v].endswith(("،", ",", ".", ":")):
            break
        if words[v].endswith((".", ":")):
            return ""
    else:
        return ""
    subject = [w for w in words[v + 1:end] if fold(w.rstrip("،,")) not in _TIME_WORDS]
    folded = [fold(w.rstrip("،,")) for w in subject]
    if not subject or len(subject) > 7 or any(
            w in _NOT_IN_NAME or w in _ISSUING_VERBS or w.startswith("بال") for w in folded) or any(
            w.endswith(("،", ",", ".", ":", "\"", "”", "»")) for w in subject[:-1]):
        return ""
    if vague(folded) or folded[0] in STATEMENT_WORDS or folded[0].startswith("#"):
        return ""
    return " ".join(subject).rstrip("،,")
