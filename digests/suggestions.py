"""Spelling suggestions: nearby keys the index holds, for a topic that found nothing or little.

For each query key the index does not hold, the keys one edit away that it does hold are
proposed, most widely used first, each shown as the articles write it (digests.search_index).
A misspelling can also occur in an article or two («ارودغان» once, for «أردوغان» in 155):
`better_spellings` proposes a key one edit away that is far more widely used (RARE_RATIO times,
in at least RARE_MIN articles) than a rare query key (in at most RARE_MAX articles).

Session 12 (QA23 S5): a typo the archive itself holds a few times («الغوظة» once, «نتياهو» and
«تيليرسون» three times, «ميركيل» once) got a confident tiny answer and no «هل تقصد». Other single
edits of a rare word are mostly other real words (measured over the rare keys of QA23's archive:
look-alike letters alone — ط/ظ, ح/خ/ج … — gave a real word for about 15 of 50 sampled, a letter
added or dropped for most), so any single edit is proposed only towards a name of the news
(`_news_name_keys`: digests.topic_names.NEWS_NAMES and the spellings of digests.variants), where
a reader who typed one letter off surely meant the name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import sqlite_utils

from digests.arabic import STOP_WORDS, key_frequency, normalize, run_at, run_keys
from digests.query import plan_query, quote_key
from digests.search_index import FTS_TABLE, doc_counts, matched_words
from digests.variants import alternatives

_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤ"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
RARE_MAX = 3      # a query key in at most this many articles may be a misspelling …
RARE_RATIO = 30   # … when a key one edit away is in this many times as many articles …
RARE_MIN = 30     # … and in at least this many,
RARE_LETTERS = 5  # for a key of at least this many letters
MAX_WORDS = 3     # a longer text is a question or a paste, not a mistyped name
GQK = "غقكج"      # the letters a «g» is written with (digests.variants)
FIX_TRIES = 8     # a missing word beside others: this many nearby spellings are tried …
FIX_COUNT_CAP = 1000  # … each counted as a phrase with the others up to this many articles;
FIX_RATIO = 10    # … those held a tenth as often as the best or more are proposed
# A key the reference corpus holds this often is a word the news writes, not a slip: when the
# archive lacks it, a key one edit away is another word (QA57-1/-12: «الأسد» (Assad, 363) was
# offered «هل تقصد: أحد» ("one", 3164), one letter off once «ال» goes). 4,990 corpus keys reach
# it; no typo of a test or a tester's report does («غوطا», «اردغان», «ماجرون», «دمشك»: 0).
KNOWN_WORD = 50
COVERED = 2  # a topic in fewer articles is a sentence someone wrote (digests.named_questions)


def _edits1(term: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from `term`."""
    letters = _LATIN_LETTERS if term.isascii() else _ARABIC_LETTERS
    splits = [(term[:i], term[i:]) for i in range(len(term) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    out.discard(term)
    return out


def _gqk_spellings(term: str) -> set[str]:
    """`term` with one of غ ق ك ج written as another, as a «g» is transliterated
    (digests.variants): a reader's slip in a common name, or a correct word of the query read
    as another, rare one («الغوطة» → «كوطة»)."""
    return {term[:i] + c + term[i + 1:] for i, letter in enumerate(term) if letter in GQK
            for c in GQK if c != letter}


def suggest(db: sqlite_utils.Database, query: str, limit: int = 5) -> list[str]:
    """Nearby spellings from the index vocabulary, most common first, as written in articles.

    For each query key the index does not hold, the keys one edit away (a letter dropped, added,
    swapped or replaced) that it does hold are proposed, most widely used first; not a rare one
    (in at most RARE_MAX articles) beside one RARE_RATIO times as common (the corpus's own typo),
    nor a second spelling of a name already proposed (digests.variants), nor a rare one (in at
    most RARE_MAX articles) that differs by a g/q/k letter (`_gqk_spellings`). A key the archive
    holds in any of its spellings gets none, nor a word the news writes often (KNOWN_WORD).
    """
    terms = [t for t in plan_query(query).terms if t not in STOP_WORDS and 3 <= len(t) <= 20]
    known = doc_counts(db, [a for t in terms for a in alternatives(t)])
    scored: list[tuple[int, str, bool]] = []
    for term in terms:
        if any(known.get(a) for a in alternatives(term)):
            continue  # the archive knows this spelling (or another of the same name)
        if key_frequency(term) >= KNOWN_WORD:
            continue  # «الأسد»: a name the news writes, not yet in this archive; not «أحد»
        counts = doc_counts(db, sorted(t for t in _edits1(term) if t not in STOP_WORDS))
        gqk = _gqk_spellings(term)
        # a name's g/q/k slip is corrected to the name the news is about («أردوقان» → أردوغان),
        # not to a rare other word («الغوطة» → «كوطة», in one article: QA16 N9)
        scored.extend((doc, cand, _slip_of(term, cand)) for cand, doc in counts.items()
                      if cand not in gqk or doc > RARE_MAX)
    most = max((doc for doc, _cand, _slip in scored), default=0)
    # a reader's slip first (a hamza, a letter's dots, a long vowel: «سيناا» → «سيناء» before
    # «السينما», QA78-14), then the most held
    scored.sort(key=lambda dc: (not dc[2], -dc[0], dc[1]))
    out: list[str] = []
    taken: list[str] = []
    for doc, cand, _slip in scored:
        if doc <= RARE_MAX and most >= RARE_RATIO * doc:
            continue  # «أرودغان» (1 article) beside «أردوغان» (155): a typo, no suggestion
        if any(cand in alternatives(k) for k in taken):
            continue  # «بوتن» beside «بوتين»: one name, found in both spellings
        shown = _surface_of(db, cand)
        if shown not in out:
            out.append(shown)
            taken.append(cand)
        if len(out) >= limit:
            break
    return out


def _slips(term: str) -> set[str]:
    """Typing slips inside a word: two letters swapped («ارودغان» → «اردوغان») or a letter
    typed twice («نتنياهوو»). Other single edits of a real word are mostly other real words
    (measured: a letter added, dropped or replaced inside a rare corpus word gave a wrong
    «هل تقصد» for 10 in 300 — «امينيه» → «أمنية», «شهيرين» → «شهرين»)."""
    swaps = {term[:i] + term[i + 1] + term[i] + term[i + 2:] for i in range(1, len(term) - 2)}
    # «تتكشف», «تتجمد»: a verb's prefix before a verb that starts with the same letter.
    doubled = {term[:i] + term[i + 1:] for i in range(1, len(term))
               if term[i] == term[i - 1] and not (i == 1 and term[0] in "تين")}
    return (swaps | doubled) - {term}


NAME_LETTERS = 4  # a name of the news is proposed for a rare key of at least this many letters,
NAME_RATIO = 10   # when the name is in this many times as many articles …
NAME_MIN = 20     # … and in at least this many


@lru_cache(maxsize=1)
def _news_names() -> dict[str, str]:
    """Key → the name as the news writes it, for the names of the news written as one word
    (digests.topic_names.NEWS_NAMES) and every spelling in digests.variants.GROUPS."""
    from digests.topic_names import NEWS_NAMES
    from digests.variants import GROUPS

    names: dict[str, str] = {}
    for name in (*NEWS_NAMES, *(w for group in GROUPS for w in group)):
        found = run_keys(name) if " " not in name else ()
        if len(found) == 1 and len(found[0]) >= NAME_LETTERS and found[0] not in STOP_WORDS:
            names.setdefault(found[0], name)
    return names


def _news_name_keys() -> frozenset[str]:
    return frozenset(_news_names())


LOOK_ALIKE = ("طظ", "صض", "دذ", "رز", "سش", "عغ", "حخج", "تث")  # letters told apart by dots
LONG_VOWELS = "اوي"
LONG_NAME = 7  # a name this long is proposed for any single edit of it («نتياهو» → نتنياهو)


def _typo_of(typed: str, name: str) -> bool:
    """Whether `typed` is `name` with one slip a reader makes in a name: a letter its dots tell
    apart («الغوظة»), a long vowel added, dropped or changed («ميركيل», «هالي»); any single
    edit of a long name. Other edits of a short name are mostly other names or words
    («بوتو», «حماد», «ايلان» are not «بوتن», «حماس», «ايران»)."""
    if len(name) >= LONG_NAME:
        return True
    if len(typed) == len(name):
        diff = [(a, b) for a, b in zip(typed, name) if a != b]
        return len(diff) == 1 and any(
            diff[0][0] in group and diff[0][1] in group
            for group in (*LOOK_ALIKE, LONG_VOWELS))
    longer, shorter = (typed, name) if len(typed) > len(name) else (name, typed)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer))
               if longer[i] in LONG_VOWELS)


HAMZA_SEATS = "اءؤئوي"  # a hamza, its seats, and the letters readers type for it


def _slip_of(typed: str, key: str) -> bool:
    """Whether `key` is `typed` with one of the slips a reader makes (`_typo_of`: a letter's
    dots, a long vowel), or a hamza typed as another seat or left out («سيناا», «صنعا» →
    «سيناء», «صنعاء»)."""
    if len(typed) == len(key):
        diff = [(a, b) for a, b in zip(typed, key) if a != b]
        if (len(diff) == 1 and set(diff[0]) <= set(HAMZA_SEATS)
                and set(diff[0]) & set("ءؤئ")):
            return True
    elif abs(len(typed) - len(key)) == 1:
        longer, shorter = (typed, key) if len(typed) > len(key) else (key, typed)
        if any(longer[i] in "ءؤئ" and longer[:i] + longer[i + 1:] == shorter
               for i in range(len(longer))):
            return True
    return _typo_of(typed, key)


def better_spellings(db: sqlite_utils.Database, query: str, limit: int = 3) -> list[str]:
    """Far more common spellings of the query's rare words, most common first, as written.

    For a query of 1 to MAX_WORDS content words: each key of RARE_LETTERS letters or more in 1
    to RARE_MAX articles, whose other spellings (digests.variants) are as rare, gets the keys
    one typing slip away (`_slips`: two inner letters swapped, a letter doubled) held by at
    least RARE_RATIO times as many articles and RARE_MIN; and (NAME_LETTERS letters or more)
    the names of the news one edit away held, in all their spellings, by NAME_RATIO times as
    many and NAME_MIN («الغوظة» → «الغوطة», «نتياهو» → «نتنياهو»); the best of them is
    proposed («ارودغان» → «أردوغان»). Nothing for common or short words, numbers or Latin-only
    words.
    """
    plan = plan_query(query)
    terms = [t for t in plan.content if 3 <= len(t) <= 20 and not t.isascii()]
    if not terms or len(plan.content) > MAX_WORDS:
        return []
    known = doc_counts(db, [a for t in terms for a in alternatives(t)])
    scored: list[tuple[int, str]] = []
    for term in terms:
        own = sum(known.get(a, 0) for a in alternatives(term))
        if not 0 < own <= RARE_MAX or len(term) < NAME_LETTERS:
            continue
        names = {n for n in _news_name_keys() & _edits1(term)  # «الغوظة» → «الغوطة»
                 if _typo_of(term, n)}
        slips = _slips(term) if len(term) >= RARE_LETTERS else set()
        counts = doc_counts(db, sorted(t for t in names | slips if t not in STOP_WORDS))
        # a name counts the articles of all its spellings («هيلي» and «هايلي»)
        spelled = doc_counts(db, sorted({a for n in names for a in alternatives(n)}))
        best = max([(doc, cand) for cand, doc in counts.items()
                    if cand in slips and doc >= max(RARE_MIN, RARE_RATIO * own)
                    and cand not in alternatives(term)]
                   + [(doc, cand) for cand in names
                      if (doc := sum(spelled.get(a, 0) for a in alternatives(cand)))
                      >= max(NAME_MIN, NAME_RATIO * own) and cand not in alternatives(term)],
                   default=None)
        if best is not None:
            scored.append(best)
    out: list[str] = []
    for _doc, cand in sorted(scored, key=lambda dc: (-dc[0], dc[1])):
        shown = _news_names().get(cand) or _surface_of(db, cand)  # «طهران», not «بطهران»
        if shown not in out:
            out.append(shown)
    return out[:limit]


SURFACE_ARTICLES = 12  # the newest articles holding a key whose spellings of it are read


def _surface_of(db: sqlite_utils.Database, k: str) -> str:
    """How an index key is written in the news: among its SURFACE_ARTICLES newest articles'
    spellings of it, one without a proclitic first («السعودية», not «والسعودية»; «الجيران», not
    «للجيران»: QA78-14, a «هل تقصد» label is a topic to tap), then the most used, then the
    shortest; when every one has a proclitic, the first without it («وكيم» → «كيم»)."""
    rows = db.execute(
        f"select a.title, a.body from {FTS_TABLE} f join articles a on a.id = f.rowid"
        f" where {FTS_TABLE} match ? order by f.rowid desc limit ?",
        [quote_key(k), SURFACE_ARTICLES]).fetchall()
    used: dict[str, int] = {}
    for title, body in rows:
        for w in matched_words(f"{title}\n{body}", [k]):
            used[w] = used.get(w, 0) + 1
    if not used:
        return k
    shown = min(used, key=lambda w: (_clitic(w, k), -used[w], len(normalize(w)), w))
    while _clitic(shown, k) and len(shown) > 1:  # only «وكيم» written: «كيم»
        shown = shown[1:]
    return shown


def _clitic(written: str, k: str) -> bool:
    """Whether `written` (a spelling of key `k`) carries a proclitic: it starts neither with
    the article nor with the key's own first letters («والسعودية», «للجيران», «بالغوطة»)."""
    plain = normalize(written)
    return not (plain.startswith(k[:2]) or (plain.startswith("ال") and not k.startswith("ال")))


def with_word(query: str, word: str, near: str) -> str:
    """`query` with its word run `word` (as the search cut it) written `near`, at the run's own
    place: not the first substring that matches (RB: the missing «صلا» after «مصلاة» fixed the
    wrong word). `query` unchanged when no whole run is `word`."""
    at = query.find(word)
    while at >= 0:
        if run_at(query, at, at + len(word)) == (at, at + len(word)):
            return query[:at] + near + query[at + len(word):]
        at = query.find(word, at + 1)
    return query


def phrase_fixes(db: sqlite_utils.Database, query: str, word: str, limit: int = 3) -> list[str]:
    """`query` with `word`, a word of it the archive does not hold, written as a nearby spelling
    (`suggest`) with which the whole is a phrase the archive holds, the most held first (QA33
    S5: «محمد صلا» searched «محمد» alone and proposed nothing; «محمد صلاح» is a phrase in
    hundreds of articles, «محمد صلة» in none)."""
    from digests.search_candidates import match_count  # late: the search imports this module

    held: list[tuple[int, str]] = []
    typed = set(plan_query(query).terms)
    for near in suggest(db, word, limit=FIX_TRIES):
        if typed.issuperset(run_keys(near)):
            # «سلمان سلما» → «سلمان سلمان» is the word typed beside it again, which the search
            # reads once: no phrase, only «سلمان» found again
            continue
        fixed = with_word(query, word, near)
        phrase = plan_query(fixed).phrase
        count = match_count(db, phrase, FIX_COUNT_CAP) if fixed != query else 0
        if count:
            held.append((count, fixed))
    held.sort(key=lambda cf: -cf[0])
    # «ريال مدريد» in hundreds, «ريال المدرب» once: only the spellings near the best
    return [fixed for count, fixed in held[:limit] if count * FIX_RATIO >= held[0][0]]


TYPO_TRIES = 60  # a held word's spellings one edit away tried as the topic's (each counted)


def typo_fixes(db: sqlite_utils.Database, query: str, limit: int = 3) -> list[str]:
    """`query` (2 to MAX_WORDS words) with one of its words — one the archive holds too —
    written one edit away so that the archive holds the whole as a topic (its words near one
    another or in a headline: digests.query.QueryPlan.near_words, in COVERED or more
    articles), the most held first and a reader's slip (`_slip_of`) first on a tie; of each
    word, its TYPO_TRIES most held spellings one edit away that are words of a topic (not a
    stop-word nor a word of asking). QA78-11: «قمة ترامب كين» found nothing and offered
    nothing, since «كين» (Kane) is a word of the archive; «قمة ترامب كيم» is in 11 articles
    so. A word the archive lacks is `phrase_fixes`'."""
    from digests.query import written_words
    from digests.query_words import QUESTION_WORDS, too_short
    from digests.search_candidates import match_count  # late: the search imports this module

    plan = plan_query(query)
    if not 2 <= len(plan.content) <= MAX_WORDS:
        return []
    terms = plan.terms
    held: list[tuple[int, bool, str, str]] = []
    for at, term in enumerate(terms):
        if term not in plan.content or not 3 <= len(term) <= 20 or term.isascii():
            continue
        near = doc_counts(db, sorted(t for t in _edits1(term) if t not in STOP_WORDS
                                     and t not in QUESTION_WORDS and not too_short(t)))
        tries = sorted((kc for kc in near.items() if kc[0] not in alternatives(term)),
                       key=lambda kc: -kc[1])[:TYPO_TRIES]
        for cand, _doc in tries:
            fixed = plan_query(" ".join((*terms[:at], cand, *terms[at + 1:])))
            count = match_count(db, fixed.near_words, FIX_COUNT_CAP)
            if count >= COVERED:
                held.append((count, _slip_of(term, cand), term, cand))
    held.sort(key=lambda h: (-h[0], not h[1], h[3]))
    out: list[str] = []
    for count, _slip, term, cand in held[:limit]:
        if count * FIX_RATIO < held[0][0]:
            break
        words = written_words(query, [term])
        fixed_text = with_word(query, words[0], _surface_of(db, cand)) if words else query
        if fixed_text != query and fixed_text not in out:
            out.append(fixed_text)
    return out


def follow_spellings(db: sqlite_utils.Database, spellings: Sequence[str]) -> list[str]:
    """Of the spellings proposed for a topic (most held first), those to offer for following:
    each held, as a phrase, at least a FIX_RATIO-th as often as the first. QA78-16: after
    «ترانب» was followed, «🔔 ترامب  🔔 تراقب  🔔 تراب» were offered — a verb and «dust» beside
    the name, one letter off each, but no topic a reader meant; the search's «هل تقصد» still
    lists them all."""
    from digests.search_candidates import match_count  # late: the search imports this module

    counts = [match_count(db, plan_query(s).phrase, FIX_COUNT_CAP) for s in spellings]
    best = max(counts, default=0)
    return [s for s, n in zip(spellings, counts) if n and n * FIX_RATIO >= best]
