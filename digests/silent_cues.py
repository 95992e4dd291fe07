"""Speech verbs that introduce no one's speech where they stand, for digests.speech_cues.

A word that reads as a cue may name a thing («مرض يدعى "…"»), remind someone («سوف تذكر X بأن
…»), speak to the reader («فتأكد أنك …»), describe the noun before it («بعرض وُصف بأنه …»), or
report what was refused, denounced or contained («رفض … بأنه», «استنكر … بأن», «تضمنت التهم …»)
rather than a statement. Split from digests.speech_cues (brief SPLIT2, audit QA73-17) so that the
cue reader keeps one job; these are pure predicates over one window's tokens.
"""

from __future__ import annotations

from digests.cue_window import Window
from digests.describer_subjects import REFUSE
from digests.speech import cue_of, is_complementizer, strip_conj


_CONTAIN = frozenset("تضمن تضمنت يتضمن تتضمن".split())


_BY_THAT = frozenset("بان بانه بانها بانهم".split())  # «بأن» and its forms (folded)


# Verbs of denouncing (folded): the «بأن» after their object is the object's claim.
_DENOUNCE = frozenset("استنكر استنكرت يستنكر تستنكر ندد نددت شجب شجبت ادان ادانت".split())


_ACCUSED_THAT = frozenset("بانه بانها بانهم بانهما بانهن".split())  # folded


# «ذكر» in the future (folded), and the «بأن» forms: «سوف تذكر X بأن …» is «تُذكّر» (reminds).
_MENTION_FORMS = frozenset("تذكر يذكر ستذكر سيذكر".split())


_FUTURE = frozenset("سوف لن".split())


# «يُدعى/تُدعى» (is called), written as «يدّعي» (claims) is without its marks. Folded.
_CALLED = frozenset("يدعي تدعي".split())


def _is_called(w: Window, k: int) -> bool:
    """«أصيب بمرض عصبي يدعى "التصلب الجانبي"» (F42, seed 38, 4212: «أصيب بمرض عصبي» was then
    the speaker a later bare «قال» fell back on): a present «يدعى» right before quote marks
    names a thing; a claim («يدعي أن …») takes its clause. Written with «ى» before a word that
    opens no clause, it names a man: «رجل يدعى #أشعب_بن_جبير، تذهب بعض الروايات إلى أنه …»
    (F43, seed 39, 3654: «بحسب أشعب بن جبير، فإنه ولد سنة 9 هجرية» — the accounts' words about
    him, read as his own claim)."""
    toks = w.toks
    if not (strip_conj(toks[k].norm) in _CALLED and k + 1 < w.last):
        return False
    if toks[k + 1].raw[:1] in "\"“«":
        return True
    if not toks[k].raw.endswith("ى") or toks[k].raw.startswith("و") or any(
            cue_of(toks[m].raw)[1] is not None for m in range(w.first, k)):
        # («أحد الناجين، ويدعى X، أخبر الحاضرين أن …»: «ويدعى» set off names the subject,
        # whose verb follows; read as before)
        # («وقال المسلح، ويدعى X (26 عاما)، إنه …»: after a verb of saying the name set off
        # is its speaker's, and the old reading stays)
        return False
    # the name closed by its comma before any clause («يدعى X، تذهب …»); «التي تدعى فلورار لو
    # إن …» (F14) keeps the name's «إن»
    for m in range(k + 1, min(w.last, k + 6)):
        if is_complementizer(toks[m].norm) or cue_of(toks[m].raw)[1] is not None:
            return False
        if toks[m].raw.endswith(("،", ",")):
            return True
    return False


def _reminds(w: Window, k: int) -> bool:
    """«لكن الولايات المتحدة سوف تذكر الزعيم الكوري الشمالي، كيم جونغ أون، بأن خياراتها
    العسكرية لم تبرح الطاولة» (QA59-50: shown «بحسب … كيم جونغ أون، خياراتها العسكرية …»):
    «ذكر» in the future with a noun, then «بأن», reminds the noun of the clause — the noun
    is whom the subject told, and no one's statement is read here. («بينما تذكر الدعوى بأن
    …», mentions, is not in the future.)"""
    toks = w.toks
    norm = toks[k].norm
    if norm not in _MENTION_FORMS or not (norm.startswith("س") or (
            k > w.first and toks[k - 1].norm in _FUTURE)):
        return False
    return k + 1 < w.last and not is_complementizer(toks[k + 1].norm) and any(
        toks[m].norm in _BY_THAT for m in range(k + 2, min(w.last, k + 10)))


# «فتأكد أنك …» (folded): the imperative «make sure», the writer telling the reader.
_MAKE_SURE = frozenset("تاكد فتاكد وتاكد تاكدي فتاكدي تاكدوا فتاكدوا".split())


_YOU_THAT = frozenset("انك انكم انكي بانك بانكم".split())


# «يرى فيه المتسبب الأول» (folded): what one sees in it, no subject after «فيه».
_SEE = frozenset("يري تري رأي راي رات رات يرون".split())


# «خبراً أفاد به بوصول …»: «به» takes the verb back to the news item (folded).
_OF_IT = frozenset("به بها".split())


def _no_one_speaks(w: Window, k: int) -> bool:
    """Verbs read as cues where nobody's speech is written (QA59):

    * «فتأكد أنك غير مصاب …» (-7): the writer's «make sure you …» to the reader;
    * «وتقدم بعرض وُصف بأنه "خرافي"» (-8): the passive «وُصف» describing the noun before it
      (no «و», no comma, the clause at once);
    * «الاتحاد الأوروبي الذي يرى فيه المتسبب الأول …» (-30): what he sees in it is the
      object, not a subject a later «وعد» could mean;
    * «خبراً عاجلاً أفاد به بوصول …» (-39): «أفاد به» describes the news item; «بوصول» is
      what it told, not its speaker.
    """
    toks = w.toks
    norm = toks[k].norm
    nxt = toks[k + 1].norm if k + 1 < w.last else ""
    if norm in _MAKE_SURE and nxt in _YOU_THAT:
        return True
    if strip_conj(norm) in ("اعلم", "اعلمت"):
        # «أعلم» informs only with its object and «أن» after it («الحمد الله أعلم خلال لقاء
        # … عددا من رجال الأعمال … أن "…"», F41): «الله أعلم», «لا أعلم», «أعلم أن» (I know)
        # and «أعلم» without a clause are no speech
        prev = toks[k - 1].norm if k > w.first else ""
        if prev == "الله" and k - 2 >= w.first and toks[k - 2].norm in _ALLAH_NAMES:
            prev = ""  # «الحمد الله», «عبد الله», «نصر الله»: a name, its bearer informs
        that = next((m for m in range(k + 2, min(w.last, k + 25))
                     if toks[m].norm in ("ان", "بان")), None)
        return (prev in _NOT_INFORMING or is_complementizer(nxt) or that is None
                or toks[k + 1].raw.rstrip("،,").endswith(("اً", "ًا"))  # «أعلم جيداً أن» (I know)
                or nxt in ("جيدا", "تماما", "يقينا")
                or any(toks[m].raw[-1] in ".:؛" or cue_of(toks[m].raw)[1] is not None
                       for m in range(k + 1, that)))
    if (norm in ("وصف", "وصفت") and k > w.first
            and toks[k - 1].raw[-1] not in "،,.:؛\"”»" and nxt in _ACCUSED_THAT
            and toks[k - 1].norm not in ("الذي", "التي", "ما", "قد", "ان")):
        return True
    if strip_conj(norm) in _SEE and nxt in ("فيه", "فيها", "فيهم") and not any(
            is_complementizer(toks[m].norm) for m in range(k + 2, min(w.last, k + 9))):
        return True  # («في وقت ترى فيه المعارضة أن …»: «فيه» is when; the subject speaks)
    if (strip_conj(norm) == "يعتبر" and k + 1 < w.last
            and (toks[k + 1].raw.endswith("اً") or (nxt.endswith("يا") and len(nxt) >= 5))):
        return True  # «يعتبر طبيعيا ومبررا له، فتأكد أنك …» (-7): «is considered natural»
    return nxt in _OF_IT and k > w.first and toks[k - 1].raw[-1] not in "،,.:؛" \
        and k + 2 < w.last and toks[k + 2].norm[:1] == "ب" \
        and not is_complementizer(toks[k + 2].norm)


# Words before «أعلم» that make it «(God) knows best» or «I (do not) know». Folded.
_NOT_INFORMING = frozenset("الله والله لا ولا ما انا وانا لست لسنا".split())


_ALLAH_NAMES = frozenset("الحمد عبد نصر فضل جار حزب خير عطا".split())  # folded


def _reports_no_statement(w: Window, k: int, norm: str, content_start: int | None) -> bool:
    """True for «رفض» with a clause (what was refused) and «تضمن» whose clause is not speech."""
    if strip_conj(norm) in REFUSE:
        # «رفض الكرملين إشارات بأنه …» reports what was refused, not a statement.
        return content_start is not None
    if strip_conj(norm) in _DENOUNCE and content_start is not None:
        # «واستنكر محاولة وسائل إعلامية التسويق بأن هذه المنظمة ماليزية …» (QA59-14): after
        # the thing denounced, «بأن» opens what that thing claims — the claim he rejects,
        # never his statement.
        at = next((m for m in range(k + 2, min(w.last, k + 14))
                   if w.toks[m].end == content_start), None)
        if at is not None and w.toks[at].norm in _BY_THAT and not any(
                w.toks[m].raw[-1] in "،," or cue_of(w.toks[m].raw)[1] is not None
                for m in range(k + 1, at)):
            # (not «وندد عريقات، …، بتصريحات نتنياهو، ووصفها بأنها "…"»: the «بأن» of
            # another verb, his description)
            return True
    if strip_conj(norm) not in _CONTAIN:
        return False
    # «وتضمن بيان للمتحدث … الأحد أن …» is speech; «تضمنت التهم تلقي "…"» and «تضمن للأندية
    # حقها، أي أن» are not: the complementizer must close the verb's clause.
    toks = w.toks
    return content_start is None or not any(
        toks[m].end == content_start and is_complementizer(toks[m].norm)
        and not any(toks[x].raw[-1] in "،,\"“”«»" for x in range(k, m))
        for m in range(k + 1, min(w.last, k + 10)))
