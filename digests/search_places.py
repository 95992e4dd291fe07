"""Places the search keys would merge, read apart: Oujda and Jeddah, Amman and Oman (X91).

digests.arabic keys a word without its proclitics and harakat, so «وجدة» (Oujda) is «و» + «جدة»
(and Jeddah) and «عمّان» (Amman) is «عمان», Oman's spelling. Session 22 (X90) kept them apart in
what the bot says (digests.asked_topics: headers, follows) and in alerts of «عمّان»; the search
still listed Jeddah's stories for «وجدة» and Oman's for «عمّان». Here a word is read by what is
written around it, for the index (`place_analyze`, digests.search_index) and for a query
(`place_key`, digests.query) alike:

- «وجدة» with its «ة» is Oujda (key `OUJDA`) unless a Saudi place is written just before it
  («الرياض وجدة», «مكة وجدة»: and Jeddah) or the text names Saudi Arabia and not Morocco
  (corpus: 3 of its 4 «وجدة» are «… الرياض وجدة»); a clitic before it («بوجدة», «لوجدة») leaves
  no «and Jeddah» reading. «جدة» and «وجده» (ه: «وجده» he found it, and his grandfather) stay.
- «عمان» (with clitics) is Amman (`AMMAN`) when written «عمّان/عَمّان», after «الأردن/الأردنية»
  («العاصمة الأردنية عمان») or before «الأردن» («عمان، الأردن (CNN)»), or when the text names
  Jordan and not Oman; Oman (`OMAN`) when written «عُمان», after «سلطنة», or the text names
  Oman («سلطنة», «مسقط», «العماني», «قابوس») and not Jordan; else it stays «عمان», either.
  A query of unmarked «عمان» searches all three keys; «عمّان» Amman's and the unread ones;
  «عُمان» Oman's and the unread ones (`place_spellings`).

The keys are spelled so no word of the news is keyed alike: «ة» never survives
digests.arabic.normalize, and the two Amman/Oman keys are no written word.
"""

from __future__ import annotations

import re

from digests.arabic import normalize, run_keys, word_runs_of
from digests.search_definite import read_keys

OUJDA = "وجدة"
AMMAN = "عمانالاردن"
OMAN = "عمانسلطنه"
_JEDDAH = "جده"
_AMBIGUOUS = "عمان"
PLACE_KEYS = frozenset({OUJDA, AMMAN, OMAN})

_HARAKAT = re.compile("[\u064b-\u065f\u0640\u0670]")
# «وجدة» as written (ة), with the clitics before it that leave no «and Jeddah» reading.
_OUJDA_WORD = re.compile("^(?:[وف]?[بل]|و)?وجدة$")
_BARE_OUJDA = "وجدة"
# «عمان» with its harakat as written: shadda on م or fatha on ع is Amman, damma on ع Oman.
_AMMAN_MARKS = re.compile("ع\u064e|م\u0651")
_OMAN_MARKS = re.compile("ع\u064f")

# Saudi places written before «وجدة» in a list («الرياض وجدة»), as keys.
# Not «المدينة» (a city: «مدينة وجدة» is Oujda) nor «الخبر» (the news): «المنورة» is Medina's.
_SAUDI_BEFORE = frozenset(k for w in """الرياض مكة المكرمة الدمام المنورة الطائف ينبع جازان تبوك
    أبها القصيم بريدة الأحساء نجران الظهران""".split() for k in run_keys(w))
_MOROCCO_BEFORE = frozenset(k for w in """الرباط فاس مراكش طنجة تطوان أكادير مكناس الناظور ورزازات
    بركان""".split() for k in run_keys(w))
_JORDAN_NEAR = frozenset(k for w in "الأردن الأردنية الأردني".split() for k in run_keys(w))
_SULTANATE = frozenset(run_keys("سلطنة"))
# What the whole text names (normalized: ة is ه, hamza folded).
_SAUDI_TEXT = re.compile(r"السعودي|الرياض|الدمام|مكه المكرمه|ينبع|الطائف")
_MOROCCO_TEXT = re.compile(r"المغرب|الرباط|مراكش|طنجه|تطوان|مكناس|الناظور|ورزازات")
_JORDAN_TEXT = re.compile(r"الاردن|اردني")
_OMAN_TEXT = re.compile(r"سلطنه|مسقط|عماني|قابوس")


def _bare(run: str) -> str:
    return _HARAKAT.sub("", run)


def _maybe_place(text: str) -> bool:
    """A cheap test: can `text` hold a word read here at all."""
    return "وجد" in text or "ع" in text and "عم" in _bare(text)


def _sides(context: str) -> tuple[bool, bool, bool, bool]:
    """(Saudi, Morocco, Jordan, Oman): what `context` names."""
    n = normalize(context)
    return (bool(_SAUDI_TEXT.search(n)), bool(_MOROCCO_TEXT.search(n)),
            bool(_JORDAN_TEXT.search(n)), bool(_OMAN_TEXT.search(n)))


def _read(run: str, key: str, before: tuple[str, ...], after: tuple[str, ...],
          sides: tuple[bool, bool, bool, bool]) -> str:
    """The key of one word run `run` (keyed `key` by digests.arabic) by the words around it."""
    saudi, morocco, jordan, oman = sides
    if key != _AMBIGUOUS:
        bare = _bare(run)
        if bare != _BARE_OUJDA:
            return OUJDA  # «بوجدة», «لوجدة», «ووجدة»: no «and Jeddah» reading
        if before and before[-1] in _SAUDI_BEFORE:
            return key
        if before and before[-1] in _MOROCCO_BEFORE:
            return OUJDA
        return key if saudi and not morocco else OUJDA
    if _AMMAN_MARKS.search(run):
        return AMMAN
    if _OMAN_MARKS.search(run):
        return OMAN
    if before and before[-1] in _SULTANATE:
        return OMAN
    if (before and before[-1] in _JORDAN_NEAR) or (after and after[0] in _JORDAN_NEAR):
        return AMMAN
    if jordan != oman:
        return AMMAN if jordan else OMAN
    return key


def place_keys(runs: list[str], context: str) -> list[tuple[str, ...]]:
    """Per word run of `runs`, its index keys (digests.arabic.run_keys), Oujda, Amman and Oman
    read apart (module docstring); `context` is the whole text they belong to. The definite
    nouns are read apart first (digests.search_definite: «السيول» is not «سيول», Seoul)."""
    keyed = read_keys(runs, [run_keys(run) for run in runs])
    read = [len(keys) == 1 and (keys[0] == _AMBIGUOUS or bool(_OUJDA_WORD.match(_bare(run))))
            for run, keys in zip(runs, keyed)]
    if not any(read):
        return keyed
    sides = _sides(context)
    return [(_read(run, keys[0], keyed[i - 1] if i else (),
                   keyed[i + 1] if i + 1 < len(keyed) else (), sides),) if read[i] else keys
            for i, (run, keys) in enumerate(zip(runs, keyed))]


def place_analyze(text: str, context: str | None = None) -> list[str]:
    """digests.arabic.analyze with the places read apart; `context` (default `text`) is what
    the text is part of (an article's headline is read with its body)."""
    runs = word_runs_of(text)
    if not _maybe_place(text):
        return [k for keys in read_keys(runs, [run_keys(run) for run in runs]) for k in keys]
    return [k for keys in place_keys(runs, text if context is None else context) for k in keys]


def article_keys(title: str, text: str) -> tuple[list[str], list[str]]:
    """An article's headline and body keys for the index (its headline read with its body)."""
    whole = f"{title}\n{text}"
    return place_analyze(title, whole), place_analyze(text, whole)


def place_spellings(key: str) -> tuple[str, ...]:
    """The other keys a query's `key` also searches: unmarked «عمان» either city's, a city's its
    unread mentions."""
    if key == _AMBIGUOUS:
        return (AMMAN, OMAN)
    if key in (AMMAN, OMAN):
        return (_AMBIGUOUS,)
    return ()


def could_read(surface: str, key: str) -> bool:
    """Whether a word as written can be read as place key `key` (highlighting a found word)."""
    keys = run_keys(surface)
    if key == OUJDA:
        return bool(_OUJDA_WORD.match(_bare(surface)))
    return key in (AMMAN, OMAN) and keys == (_AMBIGUOUS,)


def surface_core(key: str) -> str | None:
    """A piece every written form of place key `key` holds (normalized), else None."""
    return {OUJDA: "وجد", AMMAN: _AMBIGUOUS, OMAN: _AMBIGUOUS}.get(key)
