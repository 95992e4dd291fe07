"""A bare definite body («المجموعة», «الشركة») credited with a quote, named by the sentence
that called it so: the name the article gave it in words, not with its head.

Two ways an article names a body without «head + name» (F30's left, seed 30):

* it says what the body is called: «والمجموعة التي نشرت الفيديو تدعى "تو ذا ستارز أكاديمي"»
  then «وقالت المجموعة إن …» (4155): `called_before` gives «مجموعة "تو ذا ستارز أكاديمي"»;
* the sentence opens on the body as its topic: «بالنسبة إلى "إل جي"، مثلا، أعلنت الشركة عن …»
  (1272): `topic_of` gives «شركة "إل جي"».

The guard is the same for both: exactly one body named so (two different names, or none, leave
the word as written). Pure functions of the paragraphs (digests.texts_before).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digests.speech import fold
from digests.texts_before import texts_before

# Verbs and nouns that give a body its name («تدعى», «تسمى», «واسمها»). Folded.
_CALLED = frozenset("تدعي يدعي تسمي يسمي اسمها اسمه واسمها واسمه".split())
# How far the naming verb may stand from the body's word («المجموعة التي نشرت الفيديو تدعى»).
_CALLED_WITHIN = 7
# A name in quote marks of one to five words, right after the naming word.
_MARKED_RE = re.compile(r'^\s*["“«]([^"”»]{2,60})["”»]')
# «بالنسبة إلى "X"،», «وبالنسبة لـ"X"،» opening the sentence of the cue.
_TOPIC_RE = re.compile(r'(?:^|[.!؟?]\s+)و?بالنسبة\s+(?:إلى|الى|لـ|ل)\s*["“«]([^"”»]{2,40})["”»]\s*،'
                       r'([^.!؟?]*)$')
_GLUED = ("", "و", "ف", "ل", "ب")


def _forms(speaker: str) -> frozenset[str]:
    """The folded body word as written alone or with a glued particle («والمجموعة»)."""
    body = fold(speaker)
    return frozenset(g + body for g in _GLUED)


def is_bare_definite(speaker: str) -> bool:
    """One definite word of at least three letters after «ال» («المجموعة», «الشركة»)."""
    words = speaker.split()
    return len(words) == 1 and fold(words[0]).startswith("ال") and len(fold(words[0])) >= 5


def called_before(paragraphs: Sequence[str], paragraph: int, start: int, speaker: str) -> str:
    """«مجموعة "X"» when the text before offset `start` of `paragraph` wrote «المجموعة … تدعى
    "X"» once (one name); "" otherwise."""
    forms = _forms(speaker)
    names: list[str] = []
    for _, text in texts_before(paragraphs, paragraph, start):
        words = text.split()
        for m, w in enumerate(words):
            if fold(w) not in forms:
                continue
            for n in range(m + 1, min(len(words), m + 1 + _CALLED_WITHIN)):
                if words[n - 1][-1:] in ".!؟?":
                    break  # the sentence ended: the naming is another's
                if fold(words[n]) in _CALLED:
                    marked = _MARKED_RE.match(" ".join(words[n + 1:n + 7]))
                    if marked and 1 <= len(marked.group(1).split()) <= 5:
                        names.append(marked.group(1).strip())
                    break
    if len({fold(n) for n in names}) != 1:
        return ""
    return f'{speaker[2:]} "{names[-1]}"'


def topic_of(paragraphs: Sequence[str], paragraph: int, start: int, speaker: str) -> str:
    """«شركة "X"» when the sentence of the quote at offset `start` of `paragraph` opens on
    «بالنسبة إلى "X"،» and the bare body follows it there; "" otherwise."""
    before = paragraphs[paragraph][:start]
    topic = _TOPIC_RE.search(before)
    if topic is None:
        return ""
    # the body is named between the topic and the quote, or opens a verb clause shown whole
    # («أعلنت الشركة عن …»)
    after = topic.group(2).split() + paragraphs[paragraph][start:].split()[:3]
    forms = _forms(speaker)
    if not any(fold(w.strip("،,.:")) in forms for w in after):
        return ""
    return f'{speaker[2:]} "{topic.group(1).strip()}"'
