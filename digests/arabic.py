"""Arabic (and English) text analysis: normalization, tokens, search keys, sentences.

Pure functions, identical for documents and queries, so whatever key a reader's word gets, the
same word inside an article gets it too:

- `normalize`: NFKC, drop harakat/tatweel/bidi and joiner marks, fold alef/ya/ta-marbuta and
  Persian/Kurdish letters (ی ک ڤ پ چ ژ گ ڨ), Arabic-Indic digits to 0-9, lowercase Latin.
- `tokens`: words with their surface form and offsets in the original text (for highlighting).
- `key`: strip proclitics and the article (و ف ب ك ل ال لل and their stacks). The article family is
  stripped when the bare word is at least as attested (a short rest must be attested with the
  article too); a bare و/ف/ب/ك/ل only when the rest is more than 4x as frequent as the whole word
  in a frozen frequency table (digests/data/word_freq.tsv.gz), so وزير, بيروت, فرنسا, لبنان stay;
  unknown words lose the article family only; a short audited list keeps words like فكرة whole;
  a preposition that is also a noun keeps the article in the noun («الإمام», `ARTICLE_NOUNS`).
- `stem`: light suffixes for recall (sound masculine plural ون/ين → base when both plural forms
  are attested; English plurals), never on protected names (لبنان, إيران, روحاني …). The feminine
  plural ات is left alone: its singular ـه would collide with the possessive (انتخابه "his election").
- `analyze`: the index keys of a text (stem of key of every word, stop-words included so phrase
  positions hold; filter with `STOP_WORDS` where they are noise).
- `sentences` / `sentence_spans`: split on . ؟ ? ! and line breaks, never on «،» or «:».
- `STOP_WORDS` (digests/data/stop_words.txt, plus their keys), `key_frequency` (a key's count in
  the reference corpus), `surface_pattern`/`run_at`/`run_keys` (finding matched words as written),
  `written_as_name` (a query word spelled as a name that shares a stop-word's key: «علي»).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# --- normalization ------------------------------------------------------------------------

_DROP = (
    [chr(c) for c in range(0x0610, 0x061B)]      # Quranic honorifics/marks
    + [chr(c) for c in range(0x064B, 0x0660)]    # harakat, shadda, sukun, hamza above/below
    + ["\u0670", "\u0640"]                       # dagger alef, tatweel
    + [chr(c) for c in range(0x06D6, 0x06EE)]    # Quranic annotation marks
    + [chr(c) for c in range(0x200B, 0x2010)]    # zero-width space/joiners, LRM/RLM
    + [chr(c) for c in range(0x202A, 0x202F)]    # bidi embeddings/overrides
    + [chr(c) for c in range(0x2060, 0x206A)]    # word joiner, bidi isolates
    + ["\u061C", "\uFEFF", "\u00AD"]             # Arabic letter mark, BOM, soft hyphen
)
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ۃ": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك",
    # Persian, Kurdish and Maghrebi letters for sounds Arabic lacks (QA24 R6: «ڤلاديمير»,
    # «ترمپ»), folded to the Arabic letter the news writes them with: «فلاديمير», «ترمب».
    # گ (g) → ك as kaf's own shape: Arabic renders Persian names so («كلبايكاني»).
    "ڤ": "ف", "ڥ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك", "ڨ": "ق",
    # Kurdish and Urdu letters (QA28): ە (Kurdish a/e, the final ه), ێ ۆ ۇ (long vowels on
    # ي/و), ڵ ڕ (heavy l/r), ٹ (Urdu t), ڭ (Maghrebi/Ottoman g, as گ).
    "ە": "ه", "ێ": "ي", "ۆ": "و", "ۇ": "و", "ڵ": "ل", "ڕ": "ر", "ٹ": "ت", "ڭ": "ك",
}
_TABLE: dict[int, str | None] = {ord(c): None for c in _DROP}
_TABLE.update({ord(k): v for k, v in _FOLD.items()})
_TABLE.update({0x0660 + i: str(i) for i in range(10)})  # Arabic-Indic digits
_TABLE.update({0x06F0 + i: str(i) for i in range(10)})  # Persian digits

_MARKS = "".join(re.escape(c) for c in _DROP)
_DROP_SET = frozenset(_DROP)
# A word run in the original text: letters/digits plus the marks normalize() removes, so a
# diacritic or tatweel never splits a word.
_RUN = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
_WORD = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    """Normalize text for matching (see the module docstring). Lengths may change."""
    return unicodedata.normalize("NFKC", text).translate(_TABLE).lower()


@dataclass(frozen=True, slots=True)
class Token:
    """A word: `text` as written (a slice of the input), `norm` normalized, offsets into the input."""

    text: str
    norm: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The words of `text`, in order, with their surface forms and offsets."""
    out: list[Token] = []
    for m in _RUN.finditer(text):
        surface = m.group()
        for word in _WORD.findall(normalize(surface)):
            out.append(Token(surface, word, m.start(), m.end()))
    return out


def normalized_words(text: str) -> Iterator[str]:
    """The normalized words of `text` (same segmentation as `tokens`, without offsets)."""
    for m in _RUN.finditer(text):
        yield from _WORD.findall(normalize(m.group()))


# --- the frozen frequency table -----------------------------------------------------------

@lru_cache(maxsize=1)
def _freq() -> dict[str, int]:
    """Word -> count in the reference corpus (built by scripts/build_word_freq.py)."""
    try:
        raw = resources.files("digests").joinpath("data/word_freq.tsv.gz").read_bytes()
    except FileNotFoundError:
        return {}
    table: dict[str, int] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, _, count = line.partition("\t")
        table[word] = int(count)
    return table


def _score(word: str) -> int:
    """How attested a bare word is: its own count plus its count with the article."""
    f = _freq()
    return f.get(word, 0) + f.get("ال" + word, 0)


# --- stop-words ---------------------------------------------------------------------------

def _load_stop_words() -> frozenset[str]:
    """digests/data/stop_words.txt: one normalized word a line, '#' comments."""
    text = resources.files("digests").joinpath("data/stop_words.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


_PLAIN_STOP = _load_stop_words()

# --- keys -----------------------------------------------------------------------------------

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ك", "ل")


def _is_arabic(word: str) -> bool:
    return "\u0621" <= word[0] <= "\u064a"


# Words whose first letter is not a clitic although the rest is a much more frequent word
# (found by auditing every bare-clitic strip of words seen 8+ times in the reference corpus):
# فكرة is not ف+كرة, فتحت not ف+تحت, كابل not ك+آبل, بانك not ب+أنك, فورد not ف+ورد.
_WHOLE = frozenset("""
فكره فكرته فكرتها فكرتي فكرتهم فتحت فتحته فتحتها كابل كابول بانك بيري باري فورد فردا كادت كلما
بلاي بعده بعدها بعدهم بعدهما فيرا كارل بول بيل ليلي ليلا
""".split())


def _candidates(word: str) -> list[tuple[str, bool]]:
    """(rest, via_article) for every clitic stack [و|ف][ب|ك|ل][ال] that `word` starts with.

    After the preposition ل the article's alef is dropped (ل+الغوطة → للغوطة), so there the
    article is a single ل.
    """
    out: list[tuple[str, bool]] = []
    for conj in _CONJ:
        if not word.startswith(conj):
            continue
        a = word[len(conj):]
        if conj and a in _WHOLE:
            out.append((a, False))
            continue
        for prep in _PREP:
            if not a.startswith(prep):
                continue
            b = a[len(prep):]
            if (conj or prep) and len(b) >= 3 and b not in _PLAIN_STOP:
                out.append((b, False))
            art = "ل" if prep == "ل" else "ال"
            if b.startswith(art) and len(b) - len(art) >= 2:
                out.append((b[len(art):], True))
    return out


# Prepositions whose spelling, once hamza is folded, is also a noun that takes the article:
# «أمام» (in front of) and «إمام» (an imam) are both امام, but a preposition never takes «ال»,
# so «الإمام», «للإمام», «والإمام» keep the article in their key (QA24 R4: «الإمام» matched 1,425
# articles of «أمام»). A bare «إمام» stays ambiguous: only the article tells them apart.
ARTICLE_NOUNS = frozenset({"امام"})

# The name of God keeps its article (حزب الله is not حزب + له); clitic forms fold onto it.
_ALLAH = frozenset("الله لله والله ولله بالله وبالله فالله فلله تالله".split())


# A bare clitic is stripped only when the rest is more than this many times as frequent as the
# whole word: فاسد (corrupt, 2) is not ف + أسد (8), but وترامب is و + ترامب.
BARE_RATIO = 4


@lru_cache(maxsize=1 << 18)
def _key_of(word: str) -> str:
    if len(word) < 3 or not _is_arabic(word):
        return word
    if word in _ALLAH:
        return "الله"
    if word in _WHOLE:
        return word
    cands = _candidates(word)
    if not cands:
        return word
    f = _freq()
    own = f.get(word, 0)
    best, best_rank, best_article = word, (own, 0, 0), False
    longest_article = ""
    for rest, via_article in cands:
        if via_article:
            # The article form: strip when the bare word (with or without article) is at least
            # as attested as the word itself; ties go to the article reading. A short rest must
            # be attested with the article itself (والدي is not و+ال+دي, فاليري not ف+ال+يري).
            if own and len(rest) <= 3 and not f.get("ال" + rest, 0):
                continue
            s = _score(rest)
            rank = (s, 1, len(word) - len(rest))
            if len(word) - len(rest) > len(word) - len(longest_article or word):
                longest_article = rest
        else:
            s = f.get(rest, 0)
            if s <= BARE_RATIO * max(own, 1):
                continue
            rank = (s, 0, len(word) - len(rest))
        if rank > best_rank:
            best, best_rank, best_article = rest, rank, via_article
    if best_rank[0] == 0 and longest_article:
        return longest_article  # an unknown word: the article family alone is stripped
    if best_article and best in ARTICLE_NOUNS:
        return "ال" + best  # «الإمام», «للإمام»: the imam, never the preposition «أمام»
    return best


def key(token: Token | str) -> str:
    """The search key of one word: normalized, proclitics and article stripped.

    Args:
        token: a `Token`, or a word (it is normalized first).
    """
    if isinstance(token, Token):
        return _key_of(token.norm)
    words = _WORD.findall(normalize(token))
    return _key_of(words[0]) if words else ""


# Names whose endings look like suffixes (and a few words whose stem would collide).
PROTECTED = frozenset(normalize(w) for w in """
لبنان إيران ايران طهران روحاني فرنسا فلسطين عفرين بوتين البحرين بحرين زيتون مليون تشرين عمان
سودان السودان اردوغان أردوغان عثمان سلمان رمضان يونان اليونان تلفزيون قانون ياسين حسين بنيامين
عشرين ثلاثين اربعين خمسين ستين سبعين ثمانين تسعين الاثنين اثنين
""".split()) | frozenset(_key_of(normalize(w)) for w in "البحرين السودان اليونان الزيتون".split())


@lru_cache(maxsize=1 << 18)
def stem(k: str) -> str:
    """Light suffix stripping of a key, for recall; protected names are returned unchanged.

    Arabic: sound masculine plural ون/ين → base when the base and the other plural form are both
    attested (المسلحين/المسلحون → مسلح; عفرين, تشرين stay). English: plural s/ies.
    """
    if len(k) < 4 or k in PROTECTED:
        return k
    if k.isascii():
        if k.isalpha():
            if k.endswith("ies") and len(k) > 4:
                return k[:-3] + "y"
            if k.endswith("s") and not k.endswith(("ss", "us", "is")):
                return k[:-1]
        return k
    if len(k) >= 5 and k.endswith(("ون", "ين")):
        base = k[:-2]
        other = base + ("ين" if k.endswith("ون") else "ون")
        if _score(base) > 0 and _score(other) > 0:
            return base
    return k


def index_key(word: str) -> str:
    """stem(key(word)) of one normalized word: what the search index stores."""
    return stem(_key_of(word))


_SPELLINGS: dict[str, set[str]] = {}
for _src, _dst in [*_FOLD.items(), *((chr(0x0660 + i), str(i)) for i in range(10)),
                   *((chr(0x06F0 + i), str(i)) for i in range(10))]:
    _SPELLINGS.setdefault(_dst, {_dst}).add(_src)


@lru_cache(maxsize=4096)
def surface_pattern(fragment: str) -> re.Pattern[str]:
    """A regex finding `fragment` (normalized text) as it may be written: any folded letter form,
    with harakat, tatweel or joiners between letters, any letter case. Presentation forms
    (rare in news) are not covered."""
    parts = []
    for ch in fragment:
        forms = _SPELLINGS.get(ch, {ch})
        parts.append("[" + "".join(re.escape(f) for f in sorted(forms)) + "]"
                     if len(forms) > 1 else re.escape(ch))
    return re.compile(f"(?:[{_MARKS}])*".join(parts), re.IGNORECASE)


def run_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the word run (as `tokens` cuts them) around text[start:end]."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _DROP_SET):
        start -= 1
    n = len(text)
    while end < n and (text[end].isalnum() or text[end] in _DROP_SET):
        end += 1
    return start, end


# «إمام» (an imam) and «أمام» (in front of; «إلى الأمام», «للأمام»: forward) differ only by their
# hamza, which normalize drops; the news writes it (corpus: «أمام» 2,300, «الأمام» 18, «للأمام»
# 10, «إمام» 28, «الإمام» 13, bare «امام» 23). Where it is written it decides (QA28 T2: 27 of
# «الإمام»'s 36 results were «الأمام/للأمام»); without it, the article does (`ARTICLE_NOUNS`).
_HAMZA_READINGS: dict[str, tuple[str, str]] = {"امام": ("إمام", "أمام")}


def _hamza_reading(run: str, k: str) -> str:
    """Key `k` of word run `run`, read by the hamza written on its alef: «أمام/الأمام/للأمام»
    is the preposition or adverb («امام»); «الإمام/للإمام» the imam («الامام», as the article
    alone reads it); «إمام» without the article keeps its hamza in its key («إمام»): an imam,
    and the surname of «عادل إمام», «حازم إمام», which «الإمام» must not find. Else `k`."""
    noun = k[2:] if k.startswith("ال") else k
    spellings = _HAMZA_READINGS.get(noun)
    if spellings is None:
        return k
    bare = "".join(c for c in unicodedata.normalize("NFKC", run) if c not in _DROP_SET)
    if spellings[0] in bare:
        return k if k != noun else spellings[0]
    if spellings[1] in bare:
        return noun
    return k


@lru_cache(maxsize=1 << 18)
def run_keys(run: str) -> tuple[str, ...]:
    """The index keys of one word run as written (cached: news repeats its words)."""
    keys = tuple(stem(_key_of(w)) for w in _WORD.findall(normalize(run)))
    if len(keys) == 1 and (keys[0] in _HAMZA_READINGS or keys[0][2:] in _HAMZA_READINGS):
        return (_hamza_reading(run, keys[0]),)
    return keys


def word_runs_of(text: str) -> list[str]:
    """The word runs of `text` as written (a run may hold several words after NFKC)."""
    return _RUN.findall(text)


def analyze(text: str) -> list[str]:
    """The index keys of every word of `text`, in order (stop-words included)."""
    out: list[str] = []
    for m in _RUN.finditer(text):
        out.extend(run_keys(m.group()))
    return out


@lru_cache(maxsize=1)
def _key_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for word, n in _freq().items():
        k = index_key(word)
        counts[k] = counts.get(k, 0) + n
    return counts


def key_frequency(k: str) -> int:
    """How often index key `k` occurs in the reference corpus (0: never seen, e.g. a new name)."""
    return _key_counts().get(k, 0)


# The article «ال» after a clitic or not, as a word is written in the frequency table.
_DEFINITE = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل")


@lru_cache(maxsize=1)
def _definite_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for word, n in _freq().items():
        k = index_key(word)
        # «الحوثي» → حوثي is written with the article; «ألف» → الف is not
        if word.startswith(_DEFINITE) and not k.startswith("ال"):
            counts[k] = counts.get(k, 0) + n
    return counts


def definite_share(k: str) -> float | None:
    """The share of index key `k`'s occurrences in the reference corpus written with the article
    «ال» (None: never seen). A common noun is written both ways (هجوم / الهجوم, سفير / السفير);
    a name one way only: never (ترامب, عفرين, مانشستر) or always (العراق, اليمن)."""
    total = key_frequency(k)
    return _definite_counts().get(k, 0) / total if total else None


STOP_WORDS: frozenset[str] = _PLAIN_STOP | frozenset(index_key(w) for w in _PLAIN_STOP)


def is_stop(k: str) -> bool:
    """True for a stop-word key (as produced by `analyze`)."""
    return k in STOP_WORDS


# Names written like a stop-word: after ى→ي folding the name «علي» (Ali) and the preposition
# «على» share the key علي, so the index cannot tell them apart; only the query's spelling can.
_NAME_SPELLINGS = frozenset({"علي"})  # with ي (U+064A): the name; «على» with ى is the preposition


def written_as_name(run: str) -> bool:
    """Whether a word run, as written, is a name whose key is a stop-word: «علي» / «عليّ» with a
    final ي is the name Ali; «على» with ى is the preposition. Harakat and tatweel are ignored."""
    bare = "".join(c for c in unicodedata.normalize("NFKC", run) if c not in _DROP_SET)
    return bare in _NAME_SPELLINGS


# --- sentences ----------------------------------------------------------------------------

# A terminator run (. ؟ ? ! … and repeats) plus closing quotes/brackets that belong to it.
_SENT_END = re.compile(r"[.؟?!…]+[\"'»”’)\]]*")


def _is_terminator(line: str, m: re.Match[str]) -> bool:
    """A run of dots ends a sentence only before a space or the line's end, and not after a
    one-character word (د. م. U.S. 1.) — decimals, domains and abbreviations stay whole."""
    run = m.group().rstrip("\"'»”’)]")
    if run.strip(".") != "":
        return True  # ؟ ? ! … always end a sentence
    end = m.end()
    if end < len(line) and not line[end].isspace():
        return False
    start = m.start()
    word_start = start
    while word_start > 0 and line[word_start - 1].isalnum():
        word_start -= 1
    return start - word_start != 1


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text`: text[start:end] is the stripped sentence."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        first = len(spans)
        start = 0
        cuts = [m.end() for m in _SENT_END.finditer(line) if _is_terminator(line, m)]
        for end in [*cuts, len(line)]:
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if body:
                a = offset + start + lead
                b = a + len(body)
                if any(ch.isalnum() for ch in body):
                    spans.append((a, b))
                elif len(spans) > first:  # stray punctuation closes the line's last sentence
                    spans[-1] = (spans[-1][0], b)
            start = end
        offset += len(line)
    return spans


def sentences(text: str) -> list[str]:
    """Split text into sentences on . ؟ ? ! and line breaks (not on «،» or «:»).

    Terminators and the closing quotes after them stay with their sentence; blanks are dropped;
    a dot inside a number (3.5), a domain (bbc.com) or after a one-letter abbreviation (د.) does
    not end a sentence. Every sentence is a slice of `text` (see `sentence_spans`).
    """
    return [text[a:b] for a, b in sentence_spans(text)]
