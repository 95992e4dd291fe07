"""The speaker's words once `digests.speakers.subject` has found where the subject ends.

A long title read to its end or cut back, a title's dangling last word dropped («… النائب | في
مجلس الأمة»), the name set after a title's comma or place added («وزير الداخلية الأسترالي، بيتر
دوتون،»), hashtags shown as words and a quoted or bracketed name kept whole. Split from
digests.speakers (brief SPLIT2, audit QA73-17): the finishing step of `subject`, moved whole; a pure
function of the tokens and the span the subject reader found.
"""

from __future__ import annotations

from digests.apposed_names import apposed_name, far_apposed_name, placed_name
from digests.name_ends import dangling_title, limit_end, without_own_title
from digests.placed_countries import country_placed_name
from digests.speaker_words import MAX_SPEAKER_WORDS, _TITLE_HEADS, Tok
from digests.speech import EDGE_PUNCT, STOP, cue_of, fold


_ALL_OF = frozenset("وكل وجميع وسائر وبعض".split())  # folded; their noun or «من» follows


def finished_subject(toks: list[Tok], i: int, j: int, limit: int, glued: str) -> tuple[str, int]:
    """The speaker written in tokens `i`…`j` (before `limit`) and where it ends, once `subject`
    stopped at token `j`; `glued`: the name's part of a last word a typo glued to «عقب», or "".
    """
    if (j - i == MAX_SPEAKER_WORDS and j < limit and toks[j - 1].norm.startswith("ل")
            and toks[j - 1].raw[-1] not in "،,:;؛." and toks[j].norm.startswith("ال")
            and not toks[j].norm.endswith(("ين", "ون"))
            and toks[j].norm not in STOP and not cue_of(toks[j].raw)[1]):
        j += 1  # «… للأمم المتحدة للشؤون السياسية», «… لكرة القدم»: the title's last word
    if j - i == MAX_SPEAKER_WORDS:
        j = limit_end(toks, i, j, limit)  # a long title's name read to its end, or cut back
    words = [toks[k].raw for k in range(i, j)]
    if glued:
        words[-1] = glued
    if len(words) >= 3 and fold(words[-1]) in _TITLE_HEADS and j < limit and (
            toks[j].norm in ("هذه", "هذا", "تلك", "ذلك")):
        # «كارلوس نييتو مدير هذه المنظمة»: the title's own words were cut at «هذه»; the name
        # before it is whole, the title alone is not.
        words = words[:-1]
    if len(words) >= 3 and dangling_title(toks, j, limit):
        words = words[:-1]  # «وليد الطبطبائي النائب | في مجلس الأمة» (F32's 5939)
    if len(words) >= 3 and fold(words[-1]) in ("الصادر", "الصادره") and j < limit and (
            toks[j].norm in ("عن", "من")):
        # «كشف تقرير السعادة العالمي الصادر عن شبكة …» (seed 25, 4457: «… الصادر»): the
        # participle whose issuer was cut off dangles; the report's name is whole without it.
        words = words[:-1]
    if len(words) >= 2 and fold(words[-1]) in _ALL_OF:
        # «أكدت له عائلته وأصدقاؤه وكل من يقابله أنه» (F16's seed 19, 2371): «and everyone
        # who …» was cut at its relative; the ones named before it speak.
        words = words[:-1]
    named = apposed_name(toks, i, j, limit) if words else 0
    far, far_end = far_apposed_name(toks, i, j, limit) if words and not named else (0, 0)
    if words and not named and not far_end:
        # «الخبير السعودي في التجارة الدولية الدكتور فواز العلمي أن» (F30): the name after
        # the title's place, the place dropped as a far title's rest is
        far, far_end = placed_name(toks, i, j, limit)
        if not far_end:
            # «الممثل المقيم … في سوريا علي الزعتري في بيان» (QA50 E9): a country, then the name
            far, far_end = country_placed_name(toks, i, j, limit)
    if far_end:
        # «وقال الأستاذ في مركز … في جامعة كلية لندن، غاريث بارنز، المشارك …:» (5721): the
        # name after the long title's comma
        words = [*words, *(toks[k].raw.rstrip("،,:") for k in range(far, far_end))]
        j = far_end
    if named:
        # «وقال وزير الداخلية الأسترالي، بيتر دوتون، إن» (seed 27, 4721: «بحسب وزير الداخلية
        # الأسترالي»): the name set after the title's comma is the speaker's too
        words = [w.rstrip("،,:") for w in [*words, *(toks[k].raw for k in range(j, named))]]
        j = named
    words = without_own_title(words, toks[i - 1].norm if i > 0 else "")  # F32's 4659
    # «#الشرطة_البريطانية»: a hashtag is shown as the words it joins (QA11).
    words = [w.replace("_", " ").replace("#", "") for w in words]
    words = [w + words[n + 1] if w == "لـ" and n + 1 < len(words) else w
             for n, w in enumerate(words) if n == 0 or words[n - 1] != "لـ"]  # «لـصندوق …»
    speaker = " ".join(w for w in words if w.strip()).strip(EDGE_PUNCT + " ")
    if speaker.count('"') % 2 == 1 and words[-1].rstrip("،,:;؛.").endswith('"'):
        speaker += '"'  # keep a quoted name whole: «جريدة "تايمز"»
    if speaker.count("(") > speaker.count(")") and words[-1].rstrip("،,:;؛.").endswith(")"):
        speaker += ")"  # and a name in brackets: «شبكة (سي.بي.اس)»
    return speaker, j
