"""Whom a cue's words point back to when the article wrote no speaker at the cue (F27).

Three shapes the seed-28 reading and F25/F26's left list found credited to the wrong voice:

* the author of a work, «أما كتاب "…" الذي أعده البروفيسور X، …»: a later bare «ويقول إنه …»
  means him, not the speaker before (`made_by` records him; F25's left, 1123);
* «الرجل/المرأة» after an unnamed «أحد …» or «رجل …» who was the last to speak: that one
  («وأشار أحد المديرين السابقين … كيف …» then «وأضاف الرجل أن …»; `the_one`);
* a sentence's subject read to its comma that ran into the verb's object («ويشجع بولت مانشستر
  يونايتد، وقال …»): the name seen speaking before that it starts with (`seen_head`).

Pure functions of tokens (digests.speakers) and the article's `Speakers`; used by
digests.speech_cues.
"""

from __future__ import annotations

from digests.cue_window import Window
from digests.speaker_checks import plausible_speaker
from digests.speakers import Speakers, subject
from digests.speech import fold

# «كتاب "…" الذي أعده البروفيسور X»: the work's author, whom a later bare «ويقول» means. Folded.
# (The pronoun is the work's; the author's gender is read from the title.)
_MADE = frozenset("اعده الفه اعدته الفته".split())
_MAKER_HEADS = frozenset("البروفيسور الدكتور الدكتوره الباحث الباحثه الكاتب الكاتبه الاستاذ"
                         " الاستاذه البروفسور".split())


def made_by(w: Window, k: int, speakers: Speakers) -> None:
    """Record X of «الذي أعده/ألفه X» as the last speaker when X is titled a scholar or writer
    (F25's left, 1123: «أما كتاب "لماذا ننام" الذي أعده البروفيسور ماثيو ووكر، … ويقول إنه …»
    gave Walker's words to the author of the book before)."""
    if w.toks[k].norm not in _MADE or k == w.first or w.toks[k - 1].norm not in ("الذي", "التي"):
        return
    name, _ = subject(w.toks, k + 1, w.last)
    words = name.split()
    if len(words) >= 2 and fold(words[0]) in _MAKER_HEADS and plausible_speaker(name):
        speakers.add(name, "f" if fold(words[0]).endswith("ه") else "m")


# «الرجل/المرأة» alone → the head of the one person the article last named unnamed. Folded.
_THE_ONE = {"الرجل": ("احد", "رجل"), "المراه": ("احدي", "امراه", "سيده")}


def the_one(speaker: str, speakers: Speakers) -> str:
    """«وأشار أحد المديرين السابقين في شركة اتصالات كيف …» then «وأضاف الرجل أن …» (F25's
    left, BB-economy-68: «— الرجل»): «the man» is the one just described, «أحد …» or «رجل …»,
    when he is the last speaker named; else `speaker`."""
    heads = _THE_ONE.get(fold(speaker))
    if heads is None or not speakers.seen:
        return speaker
    last = speakers.seen[-1][0]
    return last if fold(last.split()[0]) in heads and len(last.split()) >= 2 else speaker


def seen_head(name: str, speakers: Speakers) -> str:
    """«وقال بولت إنه …. ويشجع بولت مانشستر يونايتد، وقال من قبل إن …» (seed 28, 5891's
    article): the sentence's subject read to the comma ran into the verb's object; a name seen
    speaking before that it starts with is the subject («بولت»), else `name`. Only an
    indefinite name («بولت», not «الرئيس») followed by indefinite words."""
    for seen, _ in reversed(speakers.seen):
        rest = name[len(seen):].split() if name.startswith(seen + " ") else []
        if rest and not fold(seen).startswith("ال") and not any(
                fold(w).startswith("ال") for w in rest):
            return seen
    return name
