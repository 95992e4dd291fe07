"""The indefinite noun a bare verb of saying describes: «… خبيرا طبيا قال إن …» (F48, seed 42).

Arabic writes a relative clause after an indefinite noun without «الذي»: «وكانت المحكمة قد
كلفت، قبل إصدار قرارها، خبيرا طبيا قال إن الوضع الصحي لرمضان لا يتعارض مع احتجازه» is "a
medical expert who said"; the court only commissioned him. Read as «كان»'s subject, the line was
«بحسب محكمة الاستئناف، …» (corpus 1312); read as the sentence's verb and its object, «التقت
الصحيفة مسؤولا أمريكيا قال إن» gave «— التقت الصحيفة مسؤولا أمريكيا». The same accusative
run also stands after «إنّ/لكنّ» («لكن مسؤولا أمريكيا قال إن»): either way the run is the
verb's subject. Shown in the nominative a reader expects after «بحسب»: «خبير طبي».

Pure: tokens in, a speaker out ("" when the shape is not there).
"""

from __future__ import annotations

from digests.speaker_words import Tok
from digests.speech import STOP, cue_of, fold

# Adverbs of the accusative shape, never a noun that speaks («سابقا قال», «أخيرا»). Folded.
_ADVERBS = frozenset(
    "ايضا سابقا لاحقا مؤخرا حاليا رسميا علنا اخيرا مجددا دائما تماما اولا ثانيا ثالثا اخيرا"
    " مثلا غالبا احيانا كثيرا قليلا جدا فعلا حقا طبعا صراحه صراحة سريعا فورا مباشره مباشرة"
    " شخصيا يوميا اسبوعيا شهريا سنويا اليوم امس غدا مساء صباحا مساءا ليلا نهارا"
    " بدوره بدورها كذلك هكذا معا جميعا عموما خصوصا تحديدا اساسا تقريبا"
    # «ما» conjunctions: «عندما قال إن …» opens a time clause, no noun before the verb
    " عندما بينما حينما كلما ربما لطالما طالما انما مثلما كما فيما بعدما لما قلما ريثما حيثما"
    " اينما مهما".split())
# At most this many accusative words: a noun and its adjectives («مسؤولا أمريكيا رفيعا»).
_MAX_RUN = 3
# Verbs of saying this reading is made for (folded, past and present, masculine and feminine).
_SAYING = frozenset("قال قالت يقول تقول اكد اكدت يؤكد تؤكد يوكد توكد اوضح اوضحت صرح صرحت"
                    " ذكر ذكرت افاد افادت اعتبر اعتبرت".split())


def _accusative(word: str) -> bool:
    """«خبيرا», «طبيا», «أمريكيا»: an indefinite word in the accusative «ـًا» (no «ال», no
    pronoun «ها», no punctuation, not an adverb of that shape)."""
    if not word.isalpha() and not word.replace("\u064b", "").isalpha():
        return False
    f = fold(word)
    return (len(f) >= 4 and f.endswith("ا") and not f.startswith("ال")
            and not f.endswith(("ها", "هما", "نا", "وا")) and f not in _ADVERBS
            and f not in STOP and cue_of(word)[1] is None)


def nominative(word: str) -> str:
    """«خبيرا» -> «خبير», «طبيًا» -> «طبي»: the accusative ending dropped."""
    bare = word.replace("\u064b", "")
    return bare[:-1] if bare.endswith("ا") else bare


def indefinite_subject(toks: list[Tok], k: int, first: int) -> str:
    """The indefinite accusative run right before the bare verb of saying at `k`, in the
    nominative («خبير طبي»), or "" (the verb has «و/ف», or no such run stands right before it)."""
    verb = fold(toks[k].raw)
    if k - 1 < first or verb not in _SAYING:
        return ""  # «وقال» with its «و» goes on with another clause; only the bare verb
    if verb.endswith("ت") or verb.startswith("ت"):
        # the accusative «ـًا» is masculine (or a broken plural): «القبض على 116 عنصرا
        # إرهابيا قالت إنهم …» (corpus 2667) is the ministry's «قالت», not the men's
        return ""
    run: list[str] = []
    x = k - 1
    while x >= first and len(run) < _MAX_RUN and _accusative(toks[x].raw):
        run.insert(0, toks[x].raw)
        x -= 1
    if not run or (x >= first and _accusative(toks[x].raw)):
        return ""  # none, or a longer run than a noun and its adjectives
    if len(run) < 2 or not fold(run[-1]).endswith("يا") or fold(run[0]).endswith("يا"):
        # a noun and its relative adjective («خبيرا طبيا», «مسؤولا أمريكيا»); one word in «ا»
        # is as often a name or a country before its verb («تركيا قالت», «غوارديولا قال»),
        # and «ماريا زخاروفا» ends in no adjective
        return ""
    return " ".join(nominative(w) for w in run)
