"""Evidence two reports share beyond their bags of words: the same quoted speech, the same
speakers, the same names.

Pure functions, no I/O. Two reports of one statement usually carry the same words inside quote
marks even when their own prose differs, and they name the same speaker; two reports of different
events in one place share the place, not the speech. `speech_of` reads what an article quotes
(the quoted spans of its paragraphs, by the quote-mark scanner of digests.quote_marks, as index
keys: digests.arabic.analyze normalises spelling and clitics), who it quotes (the speakers of
digests.quotes.find_quotes, their rare words) and the rare name-like words of its whole text; the
`shared_*` functions compare two of them. benchmarks/fit_story_pairs.py --extra measures each as a
feature of the pair model (benchmarks/README.md "Session 8 (brief S10)").

Measured, not adopted: no feature here moved the pair model's cross-validated frontier by more
than two pairs, because the same-story pairs the words miss share quotes, speakers and names no
more often than the different pairs the words come close on. The story step does not call this
module; it stays as the measured evidence's one definition for a later attempt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from digests import arabic
from digests.quote_marks import MIN_QUOTE_WORDS, is_name_or_slogan, quote_spans, word_count
from digests.similarity import content_keys, key_count

__all__ = ["NAME_COUNT", "Speech", "longest_run", "paragraphs", "quote_in_text", "quoted_keys",
           "quoted_share", "shared_names", "shared_people", "shared_quote_run", "shared_speakers",
           "shared_statement_run", "shared_digest_run", "shared_digest_speakers",
           "speaker_in_text", "speech_of"]

NAME_COUNT = 1000   # a key rarer than this in the word table may be a name (digests.leads.RARE_COUNT)
NAME_DEFINITE = 0.05  # ... and written with «ال» at most this often: a name, not a rare noun


@dataclass(frozen=True)
class Speech:
    """What one article quotes and names, as index keys."""

    quotes: tuple[tuple[str, ...], ...] = ()  # each quoted span (quote marks, >= 4 words)
    text: tuple[str, ...] = ()                # the whole text (headline and body), in order
    speakers: frozenset[str] = frozenset()    # rare keys of the speakers' names
    names: frozenset[str] = frozenset()       # rare, never-definite keys of the whole text
    statements: tuple[tuple[str, ...], ...] = ()  # each quote of the finder (direct or reported)
    digest: tuple[tuple[str, ...], ...] = ()  # the digest's quotes (the ranked top three)
    digest_speakers: frozenset[str] = frozenset()  # rare keys of the digest quotes' speakers


def paragraphs(text: str) -> list[str]:
    """The article body's paragraphs (one a line), blank lines dropped."""
    return [p for p in (line.strip() for line in text.split("\n")) if p]


def quoted_keys(text: str) -> tuple[tuple[str, ...], ...]:
    """The index keys of every span of `text` in quote marks that holds speech: at least
    MIN_QUOTE_WORDS words, not a name or slogan (digests.quote_marks: «صحيفة "…"», «بعنوان …»)."""
    out: list[tuple[str, ...]] = []
    carried = False
    for para in paragraphs(text):
        continued = carried  # a quote run on from the paragraph before has no words before it
        spans, carried = quote_spans(para, carried)
        for start, end in spans:
            inner = para[start:end]
            if word_count(inner) < MIN_QUOTE_WORDS:
                continue
            if not (continued and start == 0) and is_name_or_slogan(para, start, end):
                continue
            keys = tuple(arabic.analyze(inner))
            if keys:
                out.append(keys)
    return tuple(out)


def _is_name(key: str) -> bool:
    if len(key) < 3 or arabic.is_stop(key) or key.isdigit() or key_count(key) >= NAME_COUNT:
        return False
    share = arabic.definite_share(key)
    return share is None or share <= NAME_DEFINITE


def _rare_speaker_keys(speaker: str) -> set[str]:
    return {k for k in content_keys(speaker) if key_count(k) < NAME_COUNT}


def speech_of(title: str, text: str, *, speakers: bool = True) -> Speech:
    """The quotes, speakers and names of one article. `speakers=False` skips the quote finder
    (the costly part: ~4 ms an article): no speakers, statements or digest quotes."""
    whole = tuple(arabic.analyze(f"{title}\n{text}"))
    names = frozenset(k for k in whole if _is_name(k))
    if not speakers:
        return Speech(quoted_keys(text), whole, names=names)
    from digests.quote_rank import rank_quotes  # late: the finder is the costly part
    from digests.quotes import find_quotes

    found = find_quotes(paragraphs(text))
    top = rank_quotes(found, title)  # the digest's quotes (its headline is the cleaned title)
    return Speech(
        quoted_keys(text), whole,
        frozenset(k for q in found for k in _rare_speaker_keys(q.speaker)), names,
        tuple(keys for q in found if (keys := tuple(arabic.analyze(q.text)))),
        tuple(keys for q in top if (keys := tuple(arabic.analyze(q.text)))),
        frozenset(k for q in top for k in _rare_speaker_keys(q.speaker)))


def longest_run(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest run of keys `a` and `b` both hold in a row (common substring)."""
    if not a or not b:
        return 0
    where: dict[str, list[int]] = {}
    for j, key in enumerate(b):
        where.setdefault(key, []).append(j)
    best = 0
    for i, key in enumerate(a):
        if len(a) - i <= best:
            break
        for j in where.get(key, ()):
            if i and j and a[i - 1] == b[j - 1]:
                continue  # inside a run already counted from its start
            n = 1
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            best = max(best, n)
    return best


def shared_quote_run(a: Speech, b: Speech) -> int:
    """The longest run of words any quote of `a` shares with any quote of `b`."""
    return max((longest_run(qa, qb) for qa in a.quotes for qb in b.quotes), default=0)


def quote_in_text(a: Speech, b: Speech) -> int:
    """The longest run of words a quote of either report shares with the other's whole text
    (the other may carry the statement as reported speech, without quote marks)."""
    one = max((longest_run(q, b.text) for q in a.quotes), default=0)
    two = max((longest_run(q, a.text) for q in b.quotes), default=0)
    return max(one, two)


def shared_statement_run(a: Speech, b: Speech) -> int:
    """The longest run of words a statement the quote finder found in either report (direct or
    reported speech) shares with the other's whole text."""
    one = max((longest_run(q, b.text) for q in a.statements), default=0)
    two = max((longest_run(q, a.text) for q in b.statements), default=0)
    return max(one, two)


def shared_digest_run(a: Speech, b: Speech) -> int:
    """The longest run of words any digest quote of `a` shares with any digest quote of `b`."""
    return max((longest_run(qa, qb) for qa in a.digest for qb in b.digest), default=0)


def shared_digest_speakers(a: Speech, b: Speech) -> int:
    """Rare words of the speakers both digests quote."""
    return len(a.digest_speakers & b.digest_speakers)


def quoted_share(a: Speech, b: Speech, min_words: int = 8) -> float:
    """The larger, over both directions, of the share of one report's quoted content words that
    the other's text uses (0 for a report quoting fewer than `min_words` content words)."""
    best = 0.0
    for one, other in ((a, b), (b, a)):
        words = {k for q in one.quotes for k in q if len(k) > 1 and not arabic.is_stop(k)}
        if len(words) >= min_words:
            best = max(best, len(words & set(other.text)) / len(words))
    return best


def shared_speakers(a: Speech, b: Speech) -> int:
    """Rare words of the speakers' names both reports quote («ماكرون», «لافروف»)."""
    return len(a.speakers & b.speakers)


def speaker_in_text(a: Speech, b: Speech) -> int:
    """Rare words of either report's speakers that the other report's text names."""
    return len(a.speakers & set(b.text)) + len(b.speakers & set(a.text))


def shared_people(a: Speech, b: Speech) -> int:
    """Rare words of either report's speakers («ماكرون», «غرينبلات») that both texts use: people
    and bodies who speak, not the places both reports are set in."""
    return len((a.speakers | b.speakers) & set(a.text) & set(b.text))


def shared_names(a: Speech, b: Speech) -> int:
    """Rare name-like words (NAME_COUNT, never written with «ال») both texts use."""
    return len(a.names & b.names)
