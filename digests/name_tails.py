"""A name's last word spelled like a complementizer: «مون جاي إن» shown whole (F49).

South Korea's president is written «مون جاي إن» (Moon Jae-in), «مون جاي آن» or «مون جاي-إن»:
a last name word spelled as «إنّ/أنّ», the word that opens a reported clause. The subject
reading ended the name there and the speech began at it, so «أعلن مكتب مون جاي آن، الأحد، أن
رئيس كوريا الجنوبية سيرسل …» (corpus 2751) was shown «— مكتب مون جاي» with the speech «الأحد،
أن رئيس …», and a bare title took «مون جاي» (F48's left). A reader is shown a name cut short.

The word is the name's when it follows two name words and the sentence cannot read it as the
complementizer: spelled «آن» (never the complementizer), followed by another «إن/أن» («مون جاي
إن إن الحوار …»), or set off by a comma («زيارة مون جاي إن، رئيس كوريا …») where no verb of
saying stands right before the name or a complementizer follows later in the sentence («وقال
مون جاي إن، في مؤتمر صحفي، إن …»). A name the article writes so is shown whole wherever a
speaker ends in its first two words.

Pure: words or texts in, a decision or the speaker to show out.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.display_names import _clean, _name_word
from digests.speech import cue_of, fold, is_complementizer

# The complementizer's spellings a name's last word takes (raw, without punctuation).
_TAILS = frozenset({"إن", "أن", "آن"})
_PUNCT = "،,:؛"
# How far on in the sentence a complementizer may stand after a comma-set name.
_REACH = 20


def _complementizer(word: str) -> bool:
    return is_complementizer(fold(word.strip(_PUNCT + "\"«“")))


def tail_at(words: Sequence[str], n: int) -> bool:
    """`words[n]` («إن/أن/آن») is the last word of the name `words[n-2:n]`, not the
    complementizer (whitespace-split raw words of one paragraph)."""
    if n < 2 or n >= len(words):
        return False
    raw = words[n]
    bare = raw.rstrip(_PUNCT)
    if bare not in _TAILS:
        return False
    pair = words[n - 2:n]
    if not all(_name_word(w) for w in pair) or not _clean(pair):
        return False  # («وقال الوزير إن», «قال دونالد، إن»: punctuation breaks the run)
    if bare == "آن":
        return True
    rest: list[str] = []
    for word in words[n + 1:n + 1 + _REACH]:
        rest.append(word)
        if word.endswith((".", "!", "؟", "?")):
            break  # the sentence ends
    if raw != bare:
        if not raw.endswith(("،", ",")):
            return False
        before = words[n - 3] if n >= 3 else ""
        # «زيارة مون جاي إن، رئيس …»: no verb of saying before the name, so no clause opens;
        # after one («وقال مون جاي إن، في …، إن …») only a complementizer later says so
        return (bool(before) and cue_of(before)[1] is None) or any(
            _complementizer(w) for w in rest)
    return bool(rest) and _complementizer(rest[0])  # «مون جاي إن إن الحوار …»


def written_tails(texts: Sequence[str]) -> dict[str, str]:
    """The two-word names (folded, space-joined) the texts write with such a last word, and
    that word as written («مون جاي» -> «إن»)."""
    tails: dict[str, str] = {}
    for text in texts:
        if not any(t in text for t in _TAILS):
            continue
        words = text.split()
        for n in range(2, len(words)):
            if tail_at(words, n):
                pair = " ".join(fold(w) for w in words[n - 2:n])
                tails.setdefault(pair, words[n].rstrip(_PUNCT))
    return tails


def whole_name(speaker: str, texts: Sequence[str]) -> str:
    """The speaker with its name's last word when it ends in the first two words of a name
    the texts write whole («مكتب مون جاي» -> «مكتب مون جاي آن»), or unchanged."""
    words = speaker.split()
    if len(words) < 2:
        return speaker
    tail = written_tails(texts).get(" ".join(fold(w) for w in words[-2:]))
    return f"{speaker} {tail}" if tail else speaker
