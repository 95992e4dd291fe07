"""Who speaks at a speech cue: the speaker written at it, or written elsewhere in its sentence.

digests.speech_cues finds a cue word; `written_speaker` reads its speaker as written. It settles
here the sentence shapes that decide before any subject is read — a coordinated «وقال» after a
named speaker, the subject between «كان» and «قد», «اتهم فيه» (the object follows), «لافتات كتب
عليها» (those who raised them), «بيانا يؤكد» (the statement's issuer) — and an attribution's
source («بحسب X», «وفقا لـX»); the subject after a sentence's verb is digests.vso_speakers (with
the source relayed, digests.relayed_speakers), a verb inside reported speech
digests.reported_speakers. The subject that ran into the verb's object («رفضت إليسا مصافحتها»)
is digests.describer_subjects, a speaker written elsewhere than after the verb
(`unwritten_speaker`, «كان X قد», a document's publisher) digests.unwritten_speakers, the checks
that reject a clause misread as a name (`plausible_speaker`) and the trims after «اتهم», «دعا» …
digests.speaker_checks; a participle's unwritten subject is digests.participle_subjects, a
sentence's opening subject digests.sentence_openers. Pure functions of tokens (digests.speakers).
"""

from __future__ import annotations

from digests.describer_subjects import described
from digests.relayed_speakers import DOCUMENTS, RELAY_VERBS, after_lam
from digests.reported_speakers import speaker_in_speech
from digests.speaker_checks import OBJECT_VERBS, plausible_speaker
from digests.speakers import Tok, subject
from digests.speech import IN_WHICH, cue_of, fold, strip_conj
from digests.unwritten_speakers import (
    _kana_subject,
    _opening_verb,
    _publisher,
    nearest_kana,
)
from digests.vso_speakers import speaker_after_verb, titled

# «وفقا لتورنبول»: the «ل» of these prepositions is glued to the speaker.
_BY_LAM = frozenset("وفقا ووفقا وفق ووفق طبقا وطبقا".split())
# «بيانا يوم الثلاثاء يؤكد»: when the statement was issued, between it and its verb. Folded.
_WHEN_ISSUED = frozenset("يوم اليوم امس الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت".split())
# What a slogan is written on («لافتات كتب عليها "…"»). Folded.
_BANNERS = frozenset("لافتات لافته لافته يافطات يافطه شعارات لوحات لوحه".split())


_THAT = frozenset("ذلك هذا هذه تلك".split())
# Bodies and spokesmen that speak (folded): after «، و+verb» one names the verb's own subject.
_BODIES = frozenset("السفاره الوزاره الخارجيه الحكومه الرئاسه الشرطه الجيش المتحدث الناطق"
                    " الوكاله البعثه القنصليه الديوان القياده الهيئه اللجنه المنظمه المحكمه"
                    " البيت الكرملين النيابه المفوضيه".split())


def _switched_subject(toks: list[Tok], k: int, last: int) -> bool:
    """«وتتهم موسكو المعارضة …، وتنفي المعارضة ذلك وتقول إن» (seed 24, 4732): a coordinated
    verb whose own definite subject is written before «ذلك/هذا» (what it answers, ending its
    clause) has a new speaker, not the one of the verb before."""
    if (k > 0 and k + 1 < last and toks[k - 1].raw[-1] in "،," and toks[k + 1].norm in _BODIES):
        # «ونفت موسكو هذه المعلومات، وكتبت السفارة الروسية في لندن: "…"» (F53, QA80-5, 6016):
        # after a comma, a body written right after the verb is its subject, never its object
        return True
    if k + 2 >= last or not toks[k + 1].norm.startswith("ال") or toks[k + 2].norm not in _THAT:
        return False
    return (toks[k + 2].raw[-1] in "،,.؛" or k + 3 >= last
            or toks[k + 3].norm.startswith("و"))


def written_speaker(toks: list[Tok], k: int, first: int, last: int, kind: str, prev: str,
                     content_open: bool, named_before: bool) -> tuple[str, int] | None:
    """The speaker written at the cue (or "") and the first token after it; None: no cue here.

    `named_before`: an earlier cue of the sentence names its speaker (a «وقال» after it is
    coordinated: same speaker, nothing to read after the verb).
    """
    t = toks[k]
    norm = cue_of(t.raw)[0]
    speaker = ""
    j = k + 1
    coordinated = (kind == "verb" and t.norm.startswith("و") and k > first
                   and not (k + 1 < last and titled(toks[k + 1]))
                   and named_before and described(t.norm) is None
                   and not _switched_subject(toks, k, last))
    if (kind == "verb" and not content_open and not coordinated and prev == "قد"
            and norm not in RELAY_VERBS
            and (kana_at := nearest_kana(toks, k, first)) is not None):
        kana = _kana_subject(toks, k, first, kana_at)
        if kana:
            # «وكانت السلطات قد هددت النساء المحتجات بأنهن …»: the subject is written between
            # «كان» and «قد»; the words after the verb are its object.
            return kana, k + 1
    if (kind == "verb" and not content_open and strip_conj(norm) in OBJECT_VERBS
            and k + 1 < last and toks[k + 1].norm in IN_WHICH):
        # «فيديو اتهم فيه السلطات بمنعه»: «فيه» refers back; the words after it are the object.
        return "", k + 2
    if (kind == "verb" and not content_open and strip_conj(norm) in ("كتب", "كتبت")
            and k > first and k + 1 < last and toks[k + 1].norm in ("عليها", "عليه")
            and toks[k - 1].norm in _BANNERS):
        # «ورفع المتظاهرون لافتات كتب عليها "…"» (QA18 R11): those who raised the banners
        # speak, not «ورفع المتظاهرون لافتات» read backwards from the verb.
        raised = subject(toks, first + 1, k - 1)[0] if _opening_verb(toks[first]) else ""
        return (raised if plausible_speaker(raised) else ""), k + 2
    issued = next((m for m in range(k - 1, max(first, k - 4) - 1, -1)
                   if toks[m].norm in DOCUMENTS), None) if k > first else None
    if (kind == "verb" and not content_open and not coordinated and issued is not None
            and t.norm[:1] in "يت" and all(toks[m].norm in _WHEN_ISSUED
                                          for m in range(issued + 1, k))):
        # «وأصدر ريال مدريد بيانا يؤكد إصابة اللاعب …» (QA18 R8): the statement's issuer
        # speaks; the words after the verb are what it confirms.
        publisher = _publisher(toks, k, first)
        if publisher is not None:
            words = publisher.split()
            while words and fold(words[-1]) in DOCUMENTS:
                words.pop()
            return " ".join(words), k + 1
    if kind == "verb" and not content_open and not coordinated and not t.raw.endswith(":"):
        speaker, j = speaker_after_verb(toks, k, first, last, norm, prev)
    elif kind == "verb" and content_open:
        return speaker_in_speech(toks, k, first, last, norm, prev)
    elif kind == "prep":
        # «بحسب ما قاله X», «وفقا لما نقلته X»: the verb after «ما» is the cue.
        if k + 1 < last and toks[k + 1].norm in {"ما", "لما"}:
            return None
        if norm in _BY_LAM and k + 1 < last and toks[k + 1].raw.startswith("ل"):
            speaker, j = after_lam(toks, k + 1, last)  # «ووفقا لتورنبول فإن …»
        else:
            speaker, j = subject(toks, k + 1, last)
    return speaker, j
