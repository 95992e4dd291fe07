"""Where a reported clause starts and ends: the speech after a cue, cut and kept whole.

The finder (digests.quotes.find_quotes) takes what follows a speech cue to the sentence's end;
these functions decide its bounds: the attribution tail («، بحسب ما قال …») and the writer's turn
(«، إلا أن …») cut off, a subject pronoun («إنه فخور …»), a description's object, a denied clause
(«نفى X أن …») and a subjunctive («أن تكون …», judged, not said) kept with their lead. Pure
functions of text and tokens (digests.speakers). The finder calls them by its own module's names
(benchmarks/key_losses.py switches them off there).
"""

from __future__ import annotations

import re

from digests.speakers import Tok
from digests.speech import fold, is_complementizer, strip_conj
from digests.speech_cues import Cue

# «…، بحسب ما قال في خطاب»: the attribution after the statement is not part of it.
_ATTRIBUTION_TAIL_RE = re.compile(
    r"[،,]\s*(?:و?ب?حسب(?:ما)?|و?وفق(?:ا|اً|ًا)?|نقلا عن|نقلاً عن)\s.*$", re.DOTALL)
# Words left dangling when the next speech cue cuts a statement («… في حين قال …»).
_TRAILING_CONJ_RE = re.compile(
    r"(?:\s+(?:في حين|فيما|بينما|كما|مقابل|ممن|و|ثم|حيث|إذ|اذ|بعدما|عندما|لكن|لكنه|لكنها))+\s*$")
# «…، إلا أن المعارضة رفضت», «… بيد أن …», «…، وأصدر حسني بيانا نفى فيه …»: the writer turns
# from the reported clause to his own narration (QA9 6699, 6968; QA10 122).
_NARRATOR_TURN_RE = re.compile(
    r"(?:[،,]\s*(?:إلا|الا|غير) أن|\s(?:بيد|بيدَ) أن|[،,]\s*وأصدرت?"
    # seed 22: «…، فيما رد عليه صديقه مازحا», «…، بينما أعربت وزارة التجارة عن …»: another
    # voice's speech the writer sets beside the clause (6671, 2195); «…، ليخرج بعدها صلاح
    # ويقول»: what happened next, another voice speaking (6671; «…، لتقرر بعدها رفض …» without
    # one is the speaker's own story: 3237); «سيعاود الاتصال لكن لم يرد هو أو محاميه»: the
    # writer's note that no answer came (2848)
    r"|[،,]\s*(?:فيما|بينما|في حين)\s+(?:رد|ردت|[أا]عرب|[أا]عربت|قال|قالت|[أا]كد|[أا]كدت"
    r"|[أا]ضاف|[أا]ضافت|اعتبر|اعتبرت|[أا]علن|[أا]علنت|نفى|نفت|ر[أا]ى|ر[أا]ت|دعا|دعت|طالب"
    r"|طالبت|[أا]شار|[أا]شارت|علق|علقت)"
    r"|[،,]\s*ل[يت]\S+\s+بعد(?:ها|ه|هم|\s+ذلك)\s[^،,.\"]{0,40}?(?:و[يت]قول|قائل)"
    r"|\sلكن(?:ه|ها|هم)?\s+لم\s+(?:يرد|ترد|يردوا)"
    # seed 25 (6944): «…، وذلك بعد الضجة التي أثارتها تصريحاته»: the writer sets the
    # statement in time («and that came after …»), shown as the speaker's words otherwise
    r"|[،,]\s*وذلك\s+(?:بعد|بعدما|عقب|[إا]ثر|قبل)"
    # F43's corpus diff (2789, 2973, 5605): «…، وذلك بحسب الإحصائيات الأخيرة», «وذلك بحسب ما
    # أوردت "رويترز"»: «and that according to» — the writer's source, as «، بحسب …» is (a
    # wider «، وذلك ب…» cut the speaker's own means and reasons: «وذلك بسبب/بهدف/بتسمية …»)
    r"|[،,]\s*وذلك\s+(?:ب?حسب|وفق(?:ا|اً|ًا)?\s|نقلا عن)"
    # F44 (F43's left, 5982): «الذي قال إنه لا يعرف شيئا عن المغرب، وذلك بفوز الأخير على …»:
    # «the latter» names a party the writer just named; the speaker never calls himself so
    r"|[،,]\s*وذلك\s+\S+\s+(?:ال|لل)[أا]خير(?:ة|ين)?(?=[\s،,.]|$)"
    # seed 27 (4220): «إن بقائهم على قيد الحياة "معجزة."، حيث قتل 49 من …»: the speaker's
    # words end with the period inside the marks; the writer's «، حيث …» follows
    r"|(?<=\.[\"”»])\s*[،,]\s*حيث"
    # seed 31 (834): «…، لأسباب عديدة نذكر أبرزها:»: the writer's «we list» closing the
    # clause before a list
    r"|[،,][^،,.:]{0,40}?(?=\sن(?:ذكر|ستعرض|رصد|عرض|سرد|ورد)\S*(?:\s\S+)?\s*:?\s*$)"
    # F53 (QA80-3, 3908): «…، وردا على ذلك، طالب مستشار …»: «in reply to that» opens another
    # voice's answer; what follows is the writer's account of the reply, not the speaker's words
    r"|[،,.](?=\s*و(?:ردا|رداً|ردًا)\s+على\s+(?:ذلك|هذا|هذه|تلك|ه|ها|هم)[\s،,])"
    r")"
    r"\s.*$", re.DOTALL)
_CONCESSIVE_RE = re.compile(r"(?:^|\s)(?:ب|بال|على ال)?رغم\b")


def _narrator_cut(raw: str) -> str:
    """`raw` up to the writer's turn (`_NARRATOR_TURN_RE`), unless «إلا أن» answers a «رغم»
    the clause opened («رغم عدم توقيعه الاتفاق، إلا أن محاميه …» is one statement)."""
    m = _NARRATOR_TURN_RE.search(raw)
    if m is None or _CONCESSIVE_RE.search(raw[:m.start()]):
        return raw
    return raw[:m.start()]


def _unpunctuated(text: str) -> str:
    """`text` without commas, to compare a clause with a speaker read across an apposition
    («رئيس الاتحاد، اللواء X، أصدر» → «رئيس الاتحاد اللواء X»)."""
    return " ".join(re.sub("[،,]", " ", text).split())


# «وصف/وصفت/يصف/تصف» with its subject and object written after it (folded, without «و/ف»);
_DESCRIBING_VERBS = frozenset("وصف وصفت يصف تصف".split())
# «اتهم X Y بأنه …» names the accused the same way (seed 27, 3142; seed 28, 3088) when the
# accused is a phrase of two words or more («سياسيا روسيا رفيع المستوى»). One word («واتهم
# النائب الوزير بأنه أكثر …») keeps the clause from «أنه», as tests/test_quotes.py has it.
_ACCUSING_VERBS = frozenset("اتهم اتهمت يتهم تتهم".split())
# Plural describing verbs, after their subject: no subject between them and the object. Folded.
_PLURAL_DESCRIBING = frozenset("وصفوا يصفون".split())


def _described_object(toks: list[Tok], cue: Cue, cs: int) -> int | None:
    """Where «واصفا/واصفةً X بأنه …» starts (the participle's offset) when the describing
    participle has its object written before «بأنه»; None otherwise."""
    verb = toks[cue.tok]
    comp = next((m for m, t in enumerate(toks) if t.end == cs), None)
    if comp is None or comp <= cue.tok + 1 or toks[comp].norm not in ("بانه", "بانها", "بانهم"):
        return None
    if verb.norm in _PLURAL_DESCRIBING or verb.norm[1:] in _PLURAL_DESCRIBING:
        # «وكان أعضاء من المجلس … وصفوا قبل التصويت النزاع المستمر في اليمن بأنه "كارثة
        # إنسانية"» (F44's left, corpus 5429, F48): a plural verb follows its subject (SVO), so
        # every word before «بأنه» is what they described; the line keeps it with the verb
        # («بحسب أعضاء من المجلس، فإنه "كارثة إنسانية"» lost the conflict described).
        return verb.start + (0 if verb.norm in _PLURAL_DESCRIBING else 1)
    accusing = strip_conj(verb.norm) in _ACCUSING_VERBS
    # «وصفت» has its own «و»: «ووصفت» drops one, «وصفت» none (F30, seed 30, 4684: «وصفت
    # الحكومة …، ميليشيا الحوثي …، بأنها» was shown «بحسب الحكومة، فإنها "مجرد أداة"»)
    own = verb.norm in _DESCRIBING_VERBS
    if cue.kind == "verb" and (own or strip_conj(verb.norm) in _DESCRIBING_VERBS or accusing) and (
            cue.speaker):
        # «ووصف برلسكوني وجود المهاجرين غير الشرعيين بأنهم "قنبلة موقوتة"» (seed 23, 2833):
        # what he described is written between his name and «بأنهم»; the line keeps the verb
        # from its «وصف» (without «و»), as bot.attribution shows «واصفا …» as written. Only
        # when the name read is right after the verb and something stands between it and «بأن».
        said = " ".join(t.raw for t in toks[cue.tok + 1:comp]).replace("_", " ").replace("#", "")
        if not said.startswith(cue.speaker) or len(said.split()) <= len(cue.speaker.split()) + (
                1 if accusing else 0):
            return None
        return verb.start + (1 if not own and verb.norm != strip_conj(verb.norm) else 0)
    if cue.kind != "part" or not verb.norm.startswith("واصف"):
        return None
    # Only a thing named in quote marks («"دفع الرشى"»): a person described («واصفا الرئيس
    # السوري بأنه "…"») reads well enough as «بحسب X، فإنه "…"».
    return verb.start if toks[cue.tok + 1].raw[:1] in "\"«“" else None

_KANA_SUBJUNCTIVE = frozenset("تكون يكون تكونا يكونا يكونوا".split())
# Words from the cue verb to its «أن» (inclusive): bot.attribution shows as written only
# a clause whose «أن» follows its verb within this many words (its _HEDGED_RE).
_MAX_HEDGE_LEAD = 17
# Names and nouns in «ي» that a present verb could be taken for. Folded.
_NOT_PRESENT = frozenset(
    "يوسف يونس يحيي ياسر يعقوب يوم يوما يونيو يوليو يناير يورو يوفنتوس يونايتد يوليا يسرا"
    " ياسمين يمني يمنيه يهود يهودي يهوديه".split())


def _singular_present(first: str) -> bool:
    """«يعود», «يرتفع», «تتراجع», «تستمر»: a present verb after «أن» (subjunctive unvoweled);
    feminine ones only in forms V, VI and X («تقرير», «تركيا» open on «ت» too). Folded."""
    if first in _NOT_PRESENT or first.endswith(("ون", "ين")) or len(first) > 8:
        return False
    return ((first[:1] == "ي" and len(first) >= 4)
            or (len(first) >= 5 and first.startswith(("تت", "تست"))))


def _subjunctive_kana(toks: list[Tok], cs: int, text: str) -> bool:
    """The reported clause is «أن تكون/يكون …» (a subjunctive after «أن», QA13 743): what was
    judged likely, hoped or expected («ترجح السلطات أن تكون الطائرة تحطمت»), which «بحسب X،
    تكون الطائرة تحطمت» would state as fact."""
    comp = next((t for t in toks if t.end == cs), None)
    first = fold(text.split()[0]) if text.split() else ""
    return (comp is not None and comp.norm.lstrip("وب") == "ان" and comp.raw.lstrip("وب")[:1] != "إ"
            and (first in _KANA_SUBJUNCTIVE or _singular_present(first)
                 # «حثت السلطات مواطنيها على أن يظلوا متيقظين»: a plural present verb written
                 # with «ـوا» is subjunctive (the indicative is «يظلون»)
                 or (first[:1] in "يت" and first.endswith("وا") and len(first) >= 4)))


# «إنه»/«أنها» …: a complementizer that carries the clause's subject. Folded.
_PRONOUN_COMPLEMENTIZERS = frozenset("انه انها انهم انهما انهن".split())
# Predicates that open a nominal clause: «إنه فخور», «إنها على استعداد». Folded.
# «أنها أول شريك عالمي» (seed 29, 1912: «بحسب شركة HMD العالمية، أول شريك …») is nominal too.
_PREDICATES = frozenset(
    "فخور سعيد قادر واثق جاهز حريص راض اكثر اكبر افضل اقل ضد مع علي في غير بحاجه بصدد"
    " بخير اول الاول اخر الوحيد".split())


# Words that open another clause between «نفى X» and an «أن» (folded; with or without «و»):
# a speaking or describing participle or verb, a contrast, "especially", "after", "expected".
_OTHER_CLAUSE = ("قائل", "قال", "مضيف", "اضاف", "وصف", "لكن", "خاصه", "بعد", "المتوقع",
                 "متوقع", "مؤكد", "اكد")


def _denied_clause(toks: list[Tok], cue: Cue, cs: int, start: int) -> int | None:
    """Where a denied clause starts with its complementizer: «نفى X أن يكون …» → the offset of
    «أن» (without a glued «ب»/«و»), so it reads «أن يكون …»; None when the speech did not start
    at «أن/إن» (a colon, a comma) or at «إلى أن» ("until": «نفى X قتل … إلى أن ظهر فيديو», where
    the object was denied): no clause to show as denied."""
    at_comp = next((n for n, t in enumerate(toks) if t.end == cs), None)
    if at_comp is None or not is_complementizer(toks[at_comp].norm):
        return None
    if at_comp > cue.tok + 1 and toks[at_comp - 1].norm in ("الي", "حتي"):
        return None  # «نفى X قتل … إلى أن ظهر فيديو»: «إلى أن» is "until"
    if any(t.norm.startswith(_OTHER_CLAUSE) or strip_conj(t.norm).startswith(_OTHER_CLAUSE)
           for t in toks[cue.tok + 1:at_comp]):
        # Another verb or turn between the denial and «أن» owns the clause («نفى الجيش عزمه
        # امتلاك أسلحة وصفها البعض بأنها …», «وينفي السائحون هذه الاتهامات، قائلين إنهم لم
        # يكونوا …»): shown after «نفى» it would say the opposite (QA11).
        return None
    comp = toks[at_comp]
    lead = len(comp.raw) - len(comp.raw.lstrip("وب"))
    at = comp.start + lead
    return at if at <= start else None


def _pronoun_subject(toks: list[Tok], cs: int, text: str, *, described: bool = False,
                     gender: str = "") -> int | None:
    """Where a reported clause starts when its subject is the pronoun of «إنه/أنها»: «قال إنه
    فخور بمشاهد …» → «إنه فخور …» (the offset of «إنه», without «ب»/«و»); None when the
    clause opens with a verb, which carries its subject («قال إنه سيزور …» → «سيزور …»)."""
    comp = next((t for t in toks if t.end == cs), None)
    if comp is None:
        return None
    bare = comp.norm.lstrip("وب")
    if bare not in _PRONOUN_COMPLEMENTIZERS:
        return None
    first = text.split(maxsplit=1)[0].strip("\"«“”»(") if text.split() else ""
    norm = fold(first)
    # «مستعد», «ملتزم»: a participle; «مارست», «مارس» are verbs, which carry their subject.
    nominal = (norm in _PREDICATES or first.endswith("ة")
               or (norm.startswith("م") and len(norm) >= 4 and not norm.endswith("ت")
                   and not norm.startswith("مار")))
    if not nominal and not described and norm not in _FEELING_VERBS and not (
            _verb_start(norm) and _other_than_speaker(bare, gender)):
        return None
    return comp.end - len(comp.raw) + (len(comp.raw) - len(comp.raw.lstrip("وب")))


# Verbs of feeling and belief: «قالت المعارضة إنها تخشى …», «أبلغ زيدان … أنه يشعر بالتفاؤل»
# keep their «إنها/أنه» (QA18 R2, R8): «بحسب المعارضة، تخشى …» has lost who fears. Folded.
_FEELING_VERBS = frozenset("تخشي يخشي تخاف يخاف تامل يامل تتمني يتمني تشعر يشعر تعتقد يعتقد"
                           " تتوقع يتوقع تاسف ياسف".split())


def _verb_start(norm: str) -> bool:
    """A present or future verb («تهدد», «يعمل», «سيزور», «ستكون»)."""
    return len(norm) >= 3 and (norm[:1] in "يت" or norm[:2] in ("سي", "ست", "سن"))


def _other_than_speaker(pronoun: str, gender: str) -> bool:
    """«يقول خبراء الحروب إنها تهدد …» (seed 27, 935: «بحسب خبراء الحروب، تهدد …»): the
    pronoun of «إنه/إنها» is not the speaker's (`gender` of the speech verb: «قال» and «إنها»,
    «قالت» and «إنه» or «إنهم»), so it tells whose act the verb is and stays; after «بحسب X،»
    it reads «فإنها تهدد» (bot.attribution). «قال الوزير إنه سيزور …» starts at the verb as
    before: its subject is the speaker."""
    if pronoun == "انها":
        return gender == "m"
    if pronoun == "انه":
        return gender == "f"
    return gender == "f"  # «انهم/انهما/انهن» after a feminine singular verb


def own_pronoun(context: str, text: str) -> str:
    """The «إنه/إنها/أنهم …» written right before a reported clause that starts after it
    («قالت الهيئة إنها ألغت العقد» → «إنها»), for the line a reader sees; "" otherwise.

    F28 (F26's and F27's left: seed 28's 366 «بحسب البنك المركزي المصري، خفض …», 5359; seed
    29's 1141, 4370): the finder's clause starts at the verb, whose subject is the speaker
    (`_pronoun_subject`; tests/test_quotes, tests/test_f26_speakers keep that span), but shown
    «بحسب X، ألغت …» the line has lost whose act the verb is. The digest's line keeps the
    pronoun, so bot.attribution shows «بحسب الهيئة، فإنها ألغت …»."""
    at = context.find(text)
    if at <= 0:
        return ""
    before = context[:at].split()
    if not before:
        return ""
    word = before[-1]
    bare = word.lstrip("وبـ")  # «وبأنه», «بـأنها»: the «أنه» without what is glued to it
    first = fold(text.split()[0].strip("\"«“”»(")) if text.split() else ""
    if first in _IMPERSONAL:
        return ""  # «إنه ينبغي لإيران …»: no one's act; «بحسب X، ينبغي …» reads as said
    return bare if fold(bare) in _PRONOUN_COMPLEMENTIZERS else ""


# Verbs whose «إنه» before them is impersonal («إنه ينبغي», «إنه تم»): the clause names no act of
# the speaker's, so it reads whole after «بحسب X،» (seed 28, 5051 was right so). Folded.
_IMPERSONAL = frozenset("ينبغي يجب يمكن يتعين يتوجب يجدر تم يتم سيتم جري يجري هناك ثمه".split())
