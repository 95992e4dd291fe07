"""A reported clause that is a claim the speaker took a stance on, not the speaker's own (X113).

QA71-1: «انتقد وزير الخارجية الروسي سيرغي لافروف، الاثنين، تقارير عن أن قوات النظام السوري
مسؤولة عن هجوم بغاز الكلور» was shown «بحسب وزير الخارجية الروسي سيرغي لافروف، قوات النظام
السوري مسؤولة …»: Russia's denial read as Russia's accusation. The clause after «تقارير/مزاعم/
اتهامات … عن أن / بأن / تفيد بأن» is what the reports claim; the verb before them is only the
speaker's stance on that claim. So (digests.quotes):

* a verb of rejection («نفى», «رفض», «كذّب», «فنّد», «دحض») makes it a denial, shown «نفى X أن …»;
* a verb of criticism or doubt («انتقد», «استنكر», «ندد», «سخر من», «شكك في», «استبعد») gives no
  line: the claim is not the speaker's, and «بحسب X، …» would make it so;
* any other verb leaves the clause as it was read: confirmed («أكد», «أقر»), relayed («كشفت عن
  تلقيها تقارير تفيد بأن», «أشار إلى تقارير»: the gold credits the one who relays) or described
  («وصف التقارير بأنها شائعات»).

Not a claim object: the reports that speak («قالت تقارير إن», «ذكرت التقارير أن»: the subject
itself) and the speaker's own («قالت المنظمة في تقارير سابقة إن»: after «في»). Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from digests.speaker_words import Tok
from digests.speech import cue_of, is_complementizer, strip_conj

# Nouns of a claim made by others: reports, allegations, accusations, rumours. Folded.
# Not «الادعاء» (the prosecution), nor «الأنباء» after «وكالة» (a news agency: `_AGENCIES`).
_CLAIMS = frozenset(
    "تقارير مزاعم ادعاءات اتهامات انباء اشاعات شائعات اقاويل روايات زعم تكهنات".split())
_AGENCIES = frozenset("وكاله وكالات ووكاله ووكالات لوكاله".split())
# Verbs (folded, without «و/ف») of rejecting a claim: the clause is what they deny.
_REJECTING = frozenset(
    "نفي نفت ينفي تنفي نافيا نافيه انكر انكرت ينكر تنكر رفض رفضت يرفض ترفض رافضا رافضه"
    " كذب كذبت يكذب تكذب فند فندت يفند تفند دحض دحضت يدحض تدحض".split())
# Verbs of criticising, mocking or doubting a claim: the clause is not the speaker's, and it
# was not denied either. Any other verb («أكد», «أقر» confirm it; «كشف عن تلقيها تقارير تفيد
# بأن», «أشار إلى تقارير» relay it; «وصف التقارير بأنها شائعات» describes the reports) leaves
# the clause as it was read.
_CRITICISING = frozenset(
    "انتقد انتقدت ينتقد تنتقد منتقدا منتقده استنكر استنكرت يستنكر تستنكر مستنكرا مستنكره"
    " ندد نددت يندد تندد منددا شجب شجبت يشجب تشجب ادان ادانت يدين تدين سخر سخرت يسخر تسخر"
    " ساخرا ساخره شكك شككت يشكك تشكك مشككا مشككه هاجم هاجمت يهاجم تهاجم استهجن استهجنت"
    " استبعد استبعدت يستبعد تستبعد مستبعدا مستبعده".split())
# Words before a claim noun that make it no object of the verb: the speaker's own medium («قال
# في تقارير …»), reports relayed («نقلت عن تقارير أن»). Folded.
_NOT_OBJECT = frozenset(("في", "وفي", "عن", "وعن"))
# How many words a verb's subject may take before the claim noun it governs.
_MAX_SUBJECT = 10
# «بالقول», «قائلا»: the speaker's own saying after the claim. Folded.
_SAYING = frozenset("بالقول قائلا قائله قائلين قائلتا".split())
# How far a claim noun may stand before the clause's «أن» («تقارير إعلامية غربية تفيد بأن»).
_MAX_GAP = 6

Stance = Literal["own", "denial", "none"]


def _claim_noun(t: Tok) -> bool:
    """«تقارير», «التقارير», «بتقارير», «لمزاعم», «والاتهامات»: a noun of a claim."""
    norm = t.norm
    for cut in ("", "و", "ب", "ل", "وب", "ول"):
        if not norm.startswith(cut):
            continue
        rest = norm[len(cut):]
        if rest in _CLAIMS or (rest.startswith("ال") and rest[2:] in _CLAIMS):
            return True
    return False


def _verb_before(toks: list[Tok], noun: int, low: int) -> int | None:
    """The nearest speech verb before the claim noun at `noun` (down to `low`), or None."""
    return next((n for n in range(noun - 1, low - 1, -1) if cue_of(toks[n].raw)[1]), None)


def claim_stance(toks: list[Tok], cs: int, low: int = 0,
                 subject_ends: Mapping[int, int] | None = None) -> tuple[Stance, int | None]:
    """What the clause starting at offset `cs` is for the one who took a stance on it, and the
    token of the verb that took it (None when no claim governs the clause).

    The claim noun stands within a few words before the clause's «أن» and after a speech verb
    (not right after it: «قالت تقارير إن» is the reports speaking; not after «في» or «عن»:
    «قالت في تقارير سابقة إن», «نقلت عن تقارير أن» are the speaker's own or relayed). The
    verb may be a cue of its own after the noun («نفى X تقارير تفيد بأن»): the stance is the
    earlier verb's. "denial" for a verb of rejection, "none" for one of criticism or doubt,
    "own" for any other. `low` is the sentence's first token; `subject_ends` maps a cue verb's token
    to the first token after its written subject («تجدد وخرجت أقاويل تشير إلى أن»: the rumours
    were read as the subject of «تجدد», so they are no object of it)."""
    at_comp = next((n for n, t in enumerate(toks) if t.end == cs), None)
    if at_comp is None or not is_complementizer(toks[at_comp].norm):
        return "own", None
    noun = next((n for n in range(at_comp - 1, max(low, at_comp - _MAX_GAP) - 1, -1)
                 if _claim_noun(toks[n])), None)
    if noun is None or noun == low or toks[noun - 1].norm in _NOT_OBJECT | _AGENCIES:
        return "own", None
    if any(t.raw[-1] in "،,:؛" for t in toks[noun:at_comp]):
        return "own", None  # «على اطلاع بالتقارير بشأن القضية، أن»: the noun governs no clause
    if any((cue_of(t.raw)[1] and t.raw[:1] not in "تي") or t.norm in _SAYING
           for t in toks[noun + 1:at_comp]):
        # «رد على تلك الاتهامات بالقول إن», «ترفض X هذه الاتهامات وتقول إن»: a verb of saying
        # of the speaker's own opens the clause (only the claim's own present verb, «تقارير
        # تفيد بأن», leaves it the claim's)
        return "own", None
    verb = _verb_before(toks, noun, max(low, noun - _MAX_SUBJECT))
    if verb is None or verb == noun - 1 or any(
            is_complementizer(t.norm) for t in toks[verb + 1:noun]):
        # «وذكرت التقارير أن»: the reports are the subject; «قال إن هناك تقارير تفيد بأن»: they
        # are in the clause the verb said, not its object
        return "own", None
    if subject_ends is not None and noun < subject_ends.get(verb, 0):
        return "own", None
    norm = strip_conj(toks[verb].norm)
    if norm in _REJECTING:
        return "denial", verb
    if norm in _CRITICISING:
        return "none", verb
    return "own", None


def claimed_clause(toks: list[Tok], cs: int, start: int) -> int | None:
    """Where a denied claim's clause starts with its «أن» (without a glued «ب»/«و»): «نفى X
    التقارير التي تشير إلى أن اللاعب …» → «أن اللاعب …». The claim's own verb took the «إلى»,
    so it is no "until" as after «نفى» itself (reported_clauses._denied_clause)."""
    comp = next((t for t in toks if t.end == cs), None)
    if comp is None or not is_complementizer(comp.norm):
        return None
    at = comp.start + len(comp.raw) - len(comp.raw.lstrip("وب"))
    return at if at <= start else None
