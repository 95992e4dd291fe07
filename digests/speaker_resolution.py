"""The speaker a speech cue resolves to, from what it writes or from the speakers named before.

A written speaker is recorded in the article's `Speakers` when a later bare «وأضاف» could mean
it; a bare verb takes the last named speaker of its gender and number, a participle its clause's
verb's subject; «آخر» alone borrows the head named last («مسؤول آخر»), and a short name its
fuller form named before. Split from digests.speech_cues (brief SPLIT2, audit QA73-17): the memory
side of reading cues, kept apart from where a cue is and where its speech starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from digests.cue_heads import Head
from digests.speaker_spans import plural_verb, singular_verb
from digests.speakers import Speakers
from digests.speech import AMBIGUOUS, fold

if TYPE_CHECKING:  # the cue type is speech_cues', which imports this module
    from digests.speech_cues import Cue


def _another(speaker: str, speakers: Speakers) -> str:
    """«وصرح مسؤول أميركي أن …، في حين قال آخر إنه …»: «آخر» alone is «another» of the head
    named last («مسؤول آخر»), which «بحسب آخر» does not say (QA13 5422); else `speaker`."""
    if fold(speaker) != "اخر" or not speakers.seen:
        return speaker
    head = speakers.seen[-1][0].split()[0]
    if fold(head) not in _ONE_OF_MANY:
        return speaker  # «أحد المستخدمين», «وسائل إعلام»: no head «آخر» can borrow
    return f"{head} {speaker}"


# Indefinite heads of one person among many («مسؤول أميركي», «مصدر أمني»), which «آخر» alone
# refers back to. Folded.
_ONE_OF_MANY = frozenset(
    "مسؤول مصدر مستخدم مغرد متحدث دبلوماسي ضابط شاهد مواطن ناشط خبير محلل قيادي لاعب مشجع"
    " معلق نائب مسعف طبيب صحفي صحافي موظف جندي عضو باحث محام محامي".split())


def _fuller(name: str, speakers: Speakers) -> str:
    """The fuller form of `name` named before («المدرب» → «المدرب سامي نور», «كاراغر» →
    «جيمي كاراغر»), else `name`."""
    return next((n for n, _ in reversed(speakers.seen)
                 if n.startswith(name + " ") or n.endswith(" " + name)), name)


# Verbs of a person's own speech (folded): after «حسبما» they name who spoke («حسبما توضح X»),
# unlike a relaying verb («حسبما نقلت وكالة …», «حسبما ذكرت الصحيفة»).
_SAID = frozenset(
    "قال قالت يقول تقول اوضح اوضحت يوضح توضح اكد اكدت يؤكد تؤكد صرح صرحت يري تري".split())


# Unnamed sources a lead sentence cites («حسبما قالت مصادر مطلعة لـ"رويترز"»): a relay, not
# the one a later bare verb means (dev holdout7, SK-internationalNews-473). Folded.
_UNNAMED = frozenset(fold(w) for w in "مصادر مصدر مسؤولون مسؤولين مسؤول تقارير وسائل".split())


def _resolved_speaker(speaker: str, head: Head, content_start: int | None,
                      cues: Sequence[Cue], speakers: Speakers, *,
                      relative: bool = False) -> tuple[str, bool]:
    """The cue's speaker and whether it is written here; records a named speaker in `speakers`.

    A cue without a written speaker takes its clause's (a participle) or the last named one.
    `relative`: the verb opens a relative clause («الذي/التي أعلن X»).
    """
    if speaker:
        # An attribution («بحسب X») or an ambiguous verb without speech names no speaker
        # that a later «وأضاف» could mean; nor does a relative clause's verb that opens no
        # speech («قال مايك بومبيو، وزير الخارجية الذي أعلن الرئيس الأمريكي، دونالد ترامب، عن
        # تعيينه …، إن …» then «حيث قال:», F44, seed 40, 4178: the president only describes
        # the minister, who goes on speaking).
        if head.kind != "prep" and (content_start is not None or (
                head.norm not in AMBIGUOUS and not relative)):
            speakers.add(speaker, head.gender)
        elif head.kind == "prep" and head.norm in _SAID and head.prev in (
                "حسبما", "وحسبما", "بحسبما") and fold(speaker.split()[0]) not in _UNNAMED:
            # «…، حسبما توضح إيرين غيبس من مؤسسة …» then «وقالت "…"» (F37, dev holdout3,
            # BB-economy-13): a verb of speech after «حسبما» names who spoke, the one a
            # later bare «وقالت» means (a bare «بحسب X» still names no one)
            speakers.add(speaker, head.gender)
        return speaker, True
    # A participle's subject is its clause's: «رد مكابي على طرده مشيرا إلى أن …» is
    # McCabe speaking even when someone else spoke last.
    # A verb's subject before an attribution's source: in «وأوضح الوزير … وفقا للجهاز الحكومي،
    # لافتا إلى أن» the minister goes on; in «بحسب وكالة دوغان موضحة أن» the agency does.
    named = [c for c in cues if c.named and c.speaker]
    earlier = next((c.speaker for c in reversed(named) if not c.attribution),
                   named[-1].speaker if named else "")
    if head.kind == "part" and not earlier and any(
            c.kind == "verb" and not c.speaker and c.gender == head.gender for c in cues):
        # «قال إن …، منوها إلى أن …» (F42, seed 38, 4212): the participle goes on with the
        # sentence's bare verb, which meant nobody named («الأطباء» were only named before)
        return "", False
    speaker = earlier if head.kind == "part" and earlier else speakers.last(
        head.gender, singular=head.kind == "verb" and singular_verb(head.norm),
        plural=head.kind == "verb" and plural_verb(head.norm))
    if head.kind == "part" and earlier and content_start is not None and (
            not speakers.seen or speakers.seen[-1][0] != earlier):
        # «هاجم X … قائلا إن …»: the stance verb named X; what X said makes X the one a
        # later «وتابع» or «حيث قال:» means.
        speakers.add(earlier, head.gender)
    return speaker, False
