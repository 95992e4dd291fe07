"""Who speaks the words in quote marks, and which marks hold no one's words.

Direct speech (text in quote marks) takes the speaker of a cue before it in the sentence, else
one just after it, else the last speaker when the marks carry on from the paragraph before; a
fronted topic («وحول X "…" قال Y») names what was spoken about, not what was said. Marks that
finish a «تساءل … إذا كان» are a question the line keeps with its verb; marks the writer left
open between two quotes are his own. Pure functions of tokens (digests.speakers); used by
digests.quotes.find_quotes.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.speakers import Speakers, Tok, subject
from digests.speech import RELATIVES, cue_of, fold, is_complementizer, strip_conj
from digests.speech_cues import Cue, describes_noun

def _open_ended(text: str) -> bool:
    """Marks whose words end on a speech cue and its «أن/إن» («يتحول بشكل مفاجئ إلى التشدّد،
    لافتاً إلى أنّه»): the writer left a mark unclosed and these are his words between two
    quotes, cut where the next one opens."""
    words = text.rstrip(" ،,.:").split()
    if len(words) < 2 or not is_complementizer(fold(words[-1])):
        return False
    return any(cue_of(w)[1] is not None for w in words[-4:-1])


# A work and its maker («مؤلف كتاب "…"», «مخرج فيلم "…"»): the marks after them hold a title,
# however long (seed 22, 3834: «وتساءل مؤلف كتاب "كيف ترفض مليار دولار.. قصة سناب شات" عما إذا
# …» showed the title as the author's words). Folded.
_WORKS = frozenset("كتاب روايه فيلم مسلسل اغنيه قصيده ديوان مسرحيه برنامج".split())
_MAKERS = frozenset("مؤلف مؤلفه كاتب كاتبه مخرج مخرجه صاحب صاحبه مقدم مقدمه مغني مغنيه"
                    " ناشر".split())


def _work_title(para: str, a: int) -> bool:
    """The quote marks opening at `a` follow «مؤلف كتاب», «مخرج فيلم» …: a title."""
    words = [fold(w) for w in para[:a].rstrip(" \"“«„").split()[-2:]]
    return (len(words) == 2 and strip_conj(words[1]) in _WORKS
            and strip_conj(words[0]).removeprefix("ل") in _MAKERS)


_ASKING = ("تساءل", "يتساءل", "تتساءل", "متسائل", "سال", "يسال", "تسال")  # folded stems


def _asked_whether(toks: list[Tok], cues: Sequence[Cue], a: int) -> int | None:
    """The offset of the cue verb when the marks at `a` finish a «(فيما/ما) إذا كان/كانت …»
    that follows that verb («تساءل X فيما إذا كانت هذه الضغوط "…"»); None otherwise."""
    at = next((k for k, t in enumerate(toks) if t.start <= a - 1 < t.end), None)
    if at is None:
        return None
    for c in cues:
        if (c.kind == "prep" or not c.tok < at or at - c.tok > 16
                or not strip_conj(toks[c.tok].norm).startswith(_ASKING)):
            continue  # only «تساءل/سأل/متسائلا»: after «قالت لدى سؤالها عما إذا …» she answers
        between = [toks[m].norm for m in range(c.tok + 1, at)]
        if any(between[n] == "اذا" and between[n + 1] in ("كان", "كانت", "كانوا")
               for n in range(len(between) - 1)) and not any(
                   any(q in toks[m].raw for q in "\"«»“”:") for m in range(c.tok, at)):
            verb = toks[c.tok]
            return verb.start + (1 if verb.raw[:1] in "وف" and cue_of(verb.raw[1:])[1] else 0)
    return None

# A topic fronted before the speech verb: «وحول/وبشأن/وعن الحادث … قال X إن …». Folded.
_TOPIC = frozenset("حول وحول بشان وبشان عن وعن".split())


def _in_topic(toks: list[Tok], a: int) -> bool:
    """The quote marks opening at `a` stand in the sentence's fronted topic («وحول X و"…"»):
    the writer names what the speaker then spoke about (QA13 3743), nobody's words."""
    q = next((i for i, t in enumerate(toks) if t.start <= a - 1 < t.end or t.start >= a - 1),
             None)
    if q is None:
        return False
    def ends(t: Tok) -> bool:
        return t.raw.rstrip("\"”»")[-1:] in (".", "!", "?", "؟")

    f = q
    while f > 0 and not ends(toks[f - 1]) and q - f < 25:
        f -= 1
    if toks[f].norm not in _TOPIC or (f > 0 and not ends(toks[f - 1])):
        return False
    return not any(cue_of(toks[i].raw)[1] is not None for i in range(f + 1, q))


def _far_verb(toks: list[Tok], before: Sequence[Cue], a: int) -> Cue | None:
    """«وقال الفتى الذهبي السابق … الذي عاد … بسبب دوره في فضيحة … إنه "يأمل …"، بحسب سكاي
    نيوز» (seed 29, 6826: «— سكاي نيوز»): the speech verb whose subject was read stands too far
    from the marks for its «إنه» to be found, and the attribution after them names where the
    writer read it, not who said it. The verb's speaker speaks when the marks open right after
    a complementizer and no other cue stands between them."""
    at = next((k for k, t in enumerate(toks) if t.end <= a and (
        k + 1 == len(toks) or toks[k + 1].end > a)), None)
    if at is None or not is_complementizer(toks[at].norm) or toks[at].raw[-1] in "،,:":
        return None
    verbs = [c for c in before if c.kind == "verb" and c.named and c.speaker
             and not c.attribution and c.content_start is None]
    if not verbs or any(c.tok > verbs[-1].tok for c in before):
        return None
    return verbs[-1]


def _seen_subject(toks: list[Tok], a: int, speakers: Speakers) -> str:
    """«وأتم مالك المطعم "هي وجبة مثالية …"، وفقا لوكالة "سبونتيك"» (F30, seed 30, 2137: «—
    وكالة "سبونتيك"»): no speech verb is read before the marks, but the sentence opens on «و» +
    a verb and a speaker the article named already; the attribution after the marks names where
    the writer read it. That speaker speaks; "" when the words before the marks are otherwise."""
    at = next((k for k, t in enumerate(toks) if t.end <= a and (
        k + 1 == len(toks) or toks[k + 1].end > a)), None)
    if at is None:
        return ""
    first = at
    while first > 0 and at - first < 6 and toks[first - 1].raw[-1].isalpha() and not any(
            q in toks[first - 1].raw for q in "\"“”«»"):
        first -= 1
    opening = toks[first]
    if not (opening.norm[:1] == "و" and 4 <= len(opening.norm) <= 6 and opening.raw.isalpha()
            and (first == 0 or toks[first - 1].raw[-1] in ".؛:")):
        return ""
    name = " ".join(t.raw for t in toks[first + 1:at + 1])
    return name if name and any(n == name or n.startswith(name + " ")
                                for n, _ in speakers.seen) else ""


def _time_clause(toks: list[Tok], k: int) -> bool:
    """«"…"، وذلك بعد أن أشارت تقارير إلى …» (F37, seed 35, 5033: «— تقارير»): a verb after
    «بعد/قبل أن» tells when the words were said, it does not attribute them."""
    return k >= 2 and toks[k - 1].norm in ("ان", "ما") and toks[k - 2].norm in (
        "بعد", "قبل", "وبعد", "وقبل")


def _statement_of(toks: list[Tok], m: int, s1: int) -> str:
    """«"…"، حسب ما أضاف بيان المكتب الإعلامي» (F37's left 5882, F38): after the marks, a
    statement in construct with its author («بيان X») speaks; «بيان» alone ends a subject, so
    the verb read no one and the words went to the last voice named. "" when none is written."""
    limit = sum(1 for t in toks if t.start < s1)
    if not (m + 1 < limit and toks[m].norm == "بيان" and toks[m].raw[-1] not in "،,:;؛."
            and toks[m + 1].norm.startswith("ال")):
        return ""
    author = subject(toks, m + 1, limit)[0]
    return f"{toks[m].raw} {author}" if author else ""


_ASIDE_HEADS = frozenset("هو وهو هي وهي".split())  # «وقال X، هو الذي …»
_MAX_ASIDE_WORDS = 30


def _aside_to_marks(toks: list[Tok], c: Cue, a: int) -> bool:
    """«وقال هوهوان، هو الذي أشرف على الدراسة من قسم … في طوكيو "كلما زاد …"» (F44, F41's
    left 4411): the named cue's subject is set off by «، هو/وهو الذي …», an aside that runs
    unbroken (no comma, stop or colon) to the marks at `a`, however long: the marks are his."""
    j = c.end_tok
    if not (c.named and c.speaker and c.kind == "verb" and j + 1 < len(toks)
            and toks[j].norm in _ASIDE_HEADS and toks[j + 1].norm in ("الذي", "التي")
            and toks[j - 1].raw.endswith(("،", ","))):
        return False
    inside = [t for t in toks[j:] if t.start < a]
    return len(inside) <= _MAX_ASIDE_WORDS and not any(
        t.raw[-1] in "،,.:؛\"”»" for t in inside)


def _direct_speaker(para: str, toks: list[Tok], cues: list[Cue], a: int, b: int, s1: int,
                    speakers: Speakers, *, continuation: bool) -> tuple[str, bool, bool]:
    """Speaker of the quote at para[a:b]: a cue before it in the sentence, else one after it."""
    before = [c for c in cues if toks[c.tok].start < a]
    if before:
        # The outermost cue whose speech the quote belongs to; a later «مضيفًا:» is the same voice.
        # A cue that introduces no speech (no إن/«:») must stand close to the quote marks.
        usable = [c for c in before if c.content_start is not None
                  or sum(1 for t in toks[c.end_tok:] if t.start < a) <= 15
                  or _aside_to_marks(toks, c, a)]
        if usable:
            c = usable[0]
            for c2 in usable[1:]:
                if c2.kind != "part" and c2.content_start is not None and c2.named:
                    c = c2
            lead = [c2 for c2 in usable if c2.content_start is not None
                    and not para[c2.content_start:a].strip(" :\"“«„")]
            if lead and lead[-1] is not c and (lead[-1].named or (
                    describes_noun(toks, c) and c.gender != lead[-1].gender) or (
                    c.content_start is None and any(
                        c3.named and c3.speaker == lead[-1].speaker and c.tok < c3.tok
                        and toks[c3.tok - 1].norm not in RELATIVES  # («السبب الذي يدعو X»)
                        for c3 in before))):
                # «وفقا لأصدقاء …، ليعلق بعدها الوزير قائلا: "…"», «قال عاصي "…"، لترفض أحلام
                # قائلة "…"» (QA19 N1): the cue whose speech opens at these marks speaks, not
                # an attribution before it that introduced none, nor a voice quoted before,
                # nor a relative clause's («الطائرة التي تقول إسرائيل إنها …، متسائلا:», F30).
                c = lead[-1]
            if c.tok > 0 and toks[c.tok - 1].norm in RELATIVES:
                # «وقال رعد في تغريدته التي تساءل البعض عن مدى جديتها …: "…"» (QA13 2934): a
                # verb in a relative clause describes the post; the verb before it, whose speech
                # had not started, speaks.
                c = next((d for d in before if d.tok < c.tok and d.kind == "verb"
                          and d.content_start is None and d.named and d.speaker), c)
            return c.speaker, c.named, c.counter
    after = [c for c in cues if b < toks[c.tok].start < s1 and toks[c.tok].start - b < 40
             and not _time_clause(toks, c.tok)]
    if after and _in_topic(toks, a):
        return "", False, False  # «وحول حادث … و"توجيه الإساءات …" قال X إن»: the topic's words
    said = _far_verb(toks, before, a) if after and after[0].attribution else None
    if said is not None:
        return said.speaker, said.named, said.counter
    seen = _seen_subject(toks, a, speakers) if after and after[0].attribution else ""
    if seen:
        return seen, True, False
    if after:
        c = after[0]
        if not c.speaker and len(after) > 1 and after[1].tok == c.tok + 1:
            # «"…"، حسبما قال المتحدث …» (F38): «حسبما» names no one; the verb right after it
            # and its subject do
            c = after[1]
        if not c.named:  # (no one written: the last voice named was put in)
            doc = _statement_of(toks, c.tok + 1, s1)
            if doc:
                return doc, True, c.counter
        return c.speaker, c.named, c.counter
    if continuation and speakers.seen:
        return speakers.last(), False, False
    return "", False, False
