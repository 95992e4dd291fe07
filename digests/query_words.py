"""The words of a reader's query that are no topic, and the name «علي» written like one (pure).

Readers ask questions: «ما آخر أخبار الغوطة؟», «شو صار في غزة». The words of asking
(`QUESTION_WORDS`: ما، آخر، أخبار، جديد، شو، صار …) are dropped at the ends of a query and left
out of the all-words fallback, as stop-words are, when other words remain (digests.query); a word
that only asks, alone («كم», «ليش»: `ASKING_ONLY`), is no topic. «الوضع في X» is X (`SITUATION`),
and «ايه» before a Latin letter spelled in Arabic is the letter A («ايه سي ميلان»,
`SPELLED_LETTERS`; QA24 R3, R6).

A single letter («و», «ب») or a bare article («ال», «لل») is no word of a topic: it is in nearly
every article (QA10 F4: «و» matched 105 of 1,000 corpus articles, as often as a common word;
`too_short`).

«علي» with ي (Ali) has the key of the preposition «على»; it is a name (`name_runs`), and so is
«على» typed last after a title, a kunya or a given name («الإمام على», «محمد على»: `_BEFORE_ALI`,
QA24 R4; `ala_readings` gives the search both readings of any other last «على», QA28 T1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests.arabic import STOP_WORDS, run_keys, word_runs_of, written_as_name
from digests.typed_forms import last_ala

# The article alone, or with a proclitic: keys of no topic (see the module docstring).
BARE_ARTICLES = frozenset({"ال", "لل", "وال", "بال", "ولل"})
# Words of asking for news, in Modern Standard Arabic and the dialects readers type, and English.
# Not stop-words of the index (an article's «آخر» or «جديد» stays searchable inside a phrase).
_QUESTION_SPELLINGS = (
    "ما ماذا وماذا شو ايش إيش وش شنو هل كيف متى لماذا أين وين ماهي ماهو صار يصير حصل يحصل"
    " حدث يحدث جرى يجري آخر اخر أحدث أخبار اخبار خبر جديد جديدة مستجدات تطورات عاجل"
    " عن حول في بخصوص بشأن على اليوم الآن"
    # session 12 (QA23 S1): the dialects' question and filler words — Egyptian, Levantine, Gulf
    " ايه إيه ليه فين امتى إمتى ازاي إزاي النهاردة النهارده دلوقتي عاوز عايز عايزة"
    " ليش هلق هلأ بدي بدنا شلون منو مين الحين هسه هسا ابغى أبغى ابغي"
    " كم اعرف أعرف نعرف ممكن قولي احكيلي خبرني أخبرني عرفني شي شيء صاير بصير"
    # session 13 (QA28 R3): Levantine «قديش», Maghrebi «واش» «علاش» «كيفاش» «شحال» «شكون» «فوقاش»
    " قديش علاش كيفاش شحال شكون فوقاش وقتاش منين"
    # session 14 (QA33 S1): the dialects' relative «اللي» (it lost its «ال» to become «لي», and
    # «ايه اللي حصل في مصر» searched «لي» AND «مصر»), the verbs of «who won?», and the days
    " اللي اللى إللي يللي يلي فاز ربح خسر"
    " what whats s about news latest on in the of is are"
    # session 18 (QA47 Z6): "what happened yesterday" searched the sentence
    " happened happen happens happening"
)
# Words of a day (QA33 S1): «مين فاز امبارح», «اخبار الامس», «شو صار اليوم» ask for that day's
# news, no topic; beside a topic («ترامب امبارح») they are dropped like words of asking.
# `DAYS_BACK`: how many days before today each names (0: today, now).
DAYS_BACK: dict[str, int] = {
    k: back for words, back in (("اليوم الآن هلق هلأ النهاردة النهارده الحين today now", 0),
                                ("امبارح إمبارح مبارح أمس امس الأمس الامس البارحة البارحه"
                                 " yesterday", 1))
    for w in words.split() for k in run_keys(w)}
# Verbs a reader asks about an event with, no topic alone («شو صار», «مين فاز»): with a day or
# a word of asking and nothing else, the text asks for the latest news (asked_topics).
EVENT_VERBS: frozenset[str] = frozenset(
    k for w in ("صار يصير صاير بصير حصل يحصل حدث يحدث جرى يجري فاز ربح خسر"
                " happened happen happens happening").split()
    for k in run_keys(w))
QUESTION_WORDS: frozenset[str] = frozenset(
    k for w in _QUESTION_SPELLINGS.split() for k in run_keys(w)) | frozenset(DAYS_BACK)
# Words of asking only right after another at the start («كيف الوضع في غزة», «كم عدد القتلى»):
# elsewhere they are words of a topic («الوضع الإنساني», «عدد السكان»).
AFTER_QUESTION: frozenset[str] = frozenset(
    k for w in "الوضع وضع عدد".split() for k in run_keys(w))
# «الوضع في غزة» (the situation in Gaza) asks for Gaza's news as «كيف الوضع في غزة» does (QA24 R3:
# followed before the word of asking was kept, it matched almost no article); «الوضع الإنساني في
# غزة» keeps its words.
SITUATION: frozenset[str] = frozenset(
    k for w in "الوضع وضع الأوضاع اوضاع".split() for k in run_keys(w))
IN_KEYS: frozenset[str] = frozenset(run_keys("في"))
# Latin letters spelled in Arabic: «ايه سي ميلان» (AC Milan), «ايه بي سي» (ABC). Before one of
# them «ايه» is the letter A, not the Egyptian «what» (QA24 R6: cut to «سي ميلان», and «بي سي»
# matched «بي بي سي»). Not «في» (V), «ان» (N), «ال» (L): words first.
SPELLED_LETTERS: frozenset[str] = frozenset(
    k for w in "بي سي دي اف إف جي اتش إتش تي كيو آر دبليو اكس إكس زد".split()
    for k in run_keys(w))
# The letter A as readers spell it: «ايه» (the news' spelling) and «اي» / «أي» (QA28 T8: «اي بي
# سي» found «بي بي سي»). Before a spelled letter, «اي» is searched as the news' «ايه».
LETTER_A = run_keys("ايه")[0]
SHORT_A: frozenset[str] = frozenset(k for w in "اي أي إي".split() for k in run_keys(w))
# A question that asks about an event rather than for a topic's news («ليش ضربوا دوما», «مين ربح
# الانتخابات في مصر؟», «كم عدد القتلى في الغوطة»): its rest is a clause, not a topic, and the
# names of the news in it are what it is about (`asked_topic`). «ما آخر أخبار قمة ترامب كيم»
# asks for a topic's news: its rest is the topic, as typed.
CLAUSE_QUESTIONS: frozenset[str] = frozenset(
    k for w in ("ليش ليه لماذا لما مين منو من كم كيف شلون ازاي إزاي هل متى امتى إمتى وين أين"
                " why who how when where did does").split() for k in run_keys(w))
# Words that only ask («كم», «ليش», «شو»): alone they are no topic (QA24 R3: «كم» followed
# alone matched every article with «كم»); nothing is searched or followed.
ASKING_ONLY: frozenset[str] = CLAUSE_QUESTIONS | frozenset(
    k for w in ("ما ماذا وماذا شو ايش إيش وش شنو ماهي ماهو ايه إيه what"
                " واش قديش علاش كيفاش شحال شكون فوقاش وقتاش منين").split()
    for k in run_keys(w))
# Asking for the news itself, with no topic («آخر الأخبار», «ما الجديد؟», "latest news").
NEWS_WORDS: frozenset[str] = frozenset(
    k for w in "آخر اخر أحدث أخبار اخبار خبر جديد جديدة مستجدات عاجل news latest".split()
    for k in run_keys(w))
# The first word of a kunya or a lineage («أبو ظبي», «ابن سلمان», «أم كلثوم»): in hundreds of
# names, it is never a topic alone — a search that drops the other word («ظبي», not in the
# archive) must not fall back to it (QA18 R13: «ابو ظبي» showed «علي أبو شادي»).
KUNYA: frozenset[str] = frozenset(
    k for w in "أبو ابو ابن أم ام بن بنت أبي".split() for k in run_keys(w))
# Words after which a last «على» is the name «علي» (Egypt writes a final ي as ى): a title taken
# before a name, a kunya or lineage word (`KUNYA`), and the given names written most often before
# «علي» in a compound or a father's name («محمد علي», «أحمد علي»). After any other word «على» is
# the preposition whose object the reader left out (QA28 T1: «الحرب على» 629 → 0, «التوقيع على»).
_BEFORE_ALI: frozenset[str] = frozenset(k for w in (
    "الإمام الامام إمام الشيخ السيد سيدنا الحاج الملك الأمير السلطان الخليفة الدكتور المهندس"
    " اللواء العميد العقيد الفريق المشير الأستاذ"
    " محمد أحمد احمد محمود مصطفى حسن حسين إبراهيم ابراهيم عمر خالد يوسف سعيد عبد").split()
    for k in run_keys(w))
# Tatweel and harakat (a header echoes the topic as the news writes it, QA23 S12: «الغـــوطة»)
MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")


def too_short(key: str) -> bool:
    """Whether a key is too short to search for: a single letter or a bare article (a single
    digit is a number, and stays searchable)."""
    return (len(key) == 1 and key.isalpha()) or key in BARE_ARTICLES


def ala_readings(query: str) -> tuple[str, str, bool] | None:
    """For a text whose last word «على» follows another word: (the text with it written as the
    name «علي», the text without it, whether `name_runs` reads it as the name); else None. The
    search weighs the two readings by the archive (digests.search: QA28 T1)."""
    split = last_ala(query)
    if split is None:
        return None
    runs = word_runs_of(query[:4000])
    return (*split, name_runs(runs)[-1] if runs else False)


def _day_of(runs: Sequence[str], i: int) -> bool:
    """Whether run `i` is «يوم» written without its article before a word of a topic: a day's
    name («يوم الأرض», «يوم المرأة»), kept as a name is (QA33 S4: «يوم الأرض» searched «الأرض»:
    satellites falling to Earth). «اليوم» is today, a word of asking."""
    return (MARKS.sub("", runs[i]) == "يوم" and i + 1 < len(runs)
            and any(k not in STOP_WORDS and k not in QUESTION_WORDS for k in run_keys(runs[i + 1])))


def name_runs(runs: Sequence[str]) -> list[bool]:
    """Per word run, whether it is a name spelled like a stop-word: «علي» with ي
    (digests.arabic.written_as_name), or «على» as the last word after a title, a kunya or a
    given name (`_BEFORE_ALI`: «الإمام على», «محمد على», QA24 R4)."""
    names = [written_as_name(run) or _day_of(runs, i) for i, run in enumerate(runs)]
    if len(runs) > 1 and not names[-1] and MARKS.sub("", runs[-1]) == "على":
        before = run_keys(runs[-2])
        names[-1] = len(before) == 1 and (before[0] in _BEFORE_ALI or before[0] in KUNYA)
    return names
