"""An article's event frame from its headline and lead: what happened, who did it, where, how many.

Pure functions, no I/O. Two reports of one occasion often share few words (a text and a video
piece, a statement relayed a day later, a result told through its hero), while two reports of the
same affair's next step share most of them. What should tell them apart is the event's identity:
the act (its predicate class: an attack, a meeting, a vote, a match result …), the actor in the
agent slot, the place, the counts («25 قتيلا») and a match score. `frame_of` reads these off the
headline and the first sentence with the project's Arabic analysis (digests.arabic); `agreement`
compares two frames as plain numbers a pair model can weigh (FRAME_FEATURES).

The predicate lexicon lists surface forms (normalized, as digests.leads does for reactions):
verbs in their common persons and verbal nouns, with the proclitics و/ف/ب/ل and the article
stripped before lookup. Classes fall in families (violence, diplomacy, …) because one event is
told with several predicates (an attack that kills), and a clash only counts across families.

Not used by the story step: benchmarks/event_frames.py (brief S16) found the frame agrees with the
affair's next step as often as with one occasion told twice, and lifts the pairwise stack by two
pairs (benchmarks/README.md, «an event frame for the hard core»).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from digests import arabic, event_time
from digests.leads import _DATELINE, _first_sentence
from digests.similarity import content_keys

__all__ = ["FRAME_FEATURES", "Frame", "agreement", "frame_of", "predicate_class"]

# class -> (family, surface forms). Forms are normalized at import (أ → ا, ة → ه, ى → ي).
_LEXICON: dict[str, tuple[str, str]] = {
    "kill": ("violence", "قتل يقتل تقتل قتلت قتلوا مقتل قتلي قتيل قتيلا قتيلان قتيلين مصرع اغتيال"
                         " اغتال يغتال اغتالت ضحايا ضحيه حصيله"),
    "attack": ("violence", "هجوم هجمات هجوما هاجم يهاجم تهاجم هاجمت قصف يقصف تقصف قصفت غاره غارات"
                           " استهدف يستهدف تستهدف استهدفت استهداف تفجير تفجيرات انفجار انتحاري"
                           " اشتباكات اشتباك معارك قذائف طعن دهس"),
    "die": ("death", "توفي وفاه رحيل رحل يرحل نعي ينعي تنعي"),
    "meet": ("diplomacy", "التقي يلتقي تلتقي التقت لقاء اجتماع اجتمع يجتمع تجتمع اجتمعت استقبل"
                          " يستقبل تستقبل استقبلت قمه مباحثات محادثات مشاورات يبحث تبحث يبحثان"),
    "visit": ("diplomacy", "زياره زار يزور تزور زارت وصل يصل تصل وصلت وصول جوله"),
    "call": ("diplomacy", "اتصال اتصالا هاتفي هاتفيا هاتف يهاتف"),
    "vote": ("politics", "انتخابات انتخاب انتخب ينتخب تنتخب صوت يصوت تصوت تصويت اقتراع استفتاء"),
    "appoint": ("politics", "اقال يقيل اقاله اقالت عزل يعزل استقال يستقيل استقاله عين يعين تعيين"
                            " تعيينه ترشيح رشح يرشح خلفا"),
    "decide": ("politics", "قرار قرر يقرر تقرر قررت اقر يقر وافق يوافق توافق موافقه رفض يرفض ترفض"
                           " رفضت"),
    "sign": ("agreement", "وقع يوقع توقع توقيع اتفاق اتفاقيه اتفاقا اتفق يتفق معاهده صفقه هدنه"
                          " تسويه"),
    "arrest": ("justice", "اعتقال اعتقل يعتقل تعتقل اعتقلت القبض توقيف اوقف احتجاز احتجز سجن"
                          " حكما قضت تقضي محاكمه تحقيق"),
    "match": ("sport", "فاز يفوز تفوز فوز فوزه تغلب يتغلب تتغلب خسر يخسر تخسر خساره هزيمه هزم يهزم"
                       " تعادل يتعادل تعادلا تاهل يتاهل تاهله مباراه اقصي يقصي ودعت ودع بطوله"),
    "sanction": ("pressure", "عقوبات فرض يفرض تفرض رسوم تعريفات جمركيه طرد يطرد تطرد طردت"),
    "react": ("reaction", "ادان يدين تدين ادانت ندد يندد تندد استنكر يستنكر رحب يرحب ترحب رحبت"
                          " ترحيب"),
    "warn": ("reaction", "حذر يحذر تحذر حذرت تحذير هدد يهدد تهدد هددت تهديد تهديدات اتهام اتهم"
                         " يتهم تتهم اتهمت"),
    "exodus": ("humanitarian", "خروج اجلاء اخلاء يخرج تخرج يخرجون خرج نزوح نزح تهجير يغادرون"
                               " يفرون فرار مساعدات قافله"),
}
_FORMS: dict[str, str] = {
    arabic.normalize(form): name
    for name, (_, forms) in _LEXICON.items() for form in forms.split()
}
# Places the corpus's news happens in (countries, capitals, the war's towns), as analyzed keys;
# a capital stands for itself, not its state: «موسكو» and «روسيا» are two places here.
PLACES = frozenset(k for name in """
سوريا دمشق حلب ادلب حمص حماه درعا الرقه دير_الزور الغوطه دوما حرستا عربين كفربطنا حموريه
جسرين عفرين منبج القامشلي العراق بغداد الموصل البصره كركوك اربيل الانبار اليمن صنعاء عدن
الحديده تعز مارب صعده السعوديه الرياض جده مكه الكويت قطر الدوحه البحرين المنامه الامارات
ابوظبي دبي عمان مسقط الاردن عمان لبنان بيروت فلسطين غزه القدس الضفه اسرائيل تل_ابيب
مصر القاهره سيناء العريش الاسكندريه ليبيا طرابلس بنغازي سرت اوباري تونس الجزائر المغرب الرباط
موريتانيا السودان الخرطوم الصومال مقديشو اثيوبيا ايران طهران تركيا انقره اسطنبول روسيا موسكو
امريكا اميركا واشنطن نيويورك بريطانيا لندن سالزبري فرنسا باريس المانيا برلين
اسبانيا مدريد برشلونه ايطاليا روما الصين بكين كوريا بيونغيانغ سيول اليابان طوكيو الهند
باكستان افغانستان كابل بنغلاديش ميانمار الروهينغا ماليزيا اندونيسيا استراليا كندا البرازيل
الارجنتين المكسيك فنزويلا النمسا سويسرا جنيف بلجيكا بروكسل هولندا السويد اوكرانيا بولندا
اليونان قبرص
""".split() for k in arabic.analyze(name.replace("_", " "))[-1:])
FAMILY = {name: family for name, (family, _) in _LEXICON.items()}
_PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
_ARTICLE = ("ال", "لل")
ACTOR_WORDS = 3   # content keys next to the main predicate taken as its agent
NAME_SHARE = 0.03  # a key written with the article this rarely (or this often) is a name
LEAD_WORDS = 25   # how far into the first sentence predicates and counts are read
# Multipliers of a count («12 الف» = 12,000) and counted nouns that are no event count.
_SCALE = {arabic.normalize(w): n for w, n in (("ألف", 1000), ("آلاف", 1000), ("الف", 1000),
                                              ("مليون", 10**6), ("ملايين", 10**6),
                                              ("مليار", 10**9))}
_NOT_COUNTED = frozenset(arabic.normalize(w) for w in (
    "عام عاما سنه سنوات اعوام يوم يوما ايام ساعه ساعات دقيقه دقائق شهر اشهر اسبوع اسابيع"
    " مارس فبراير ابريل يناير اذار شباط نيسان في من الي عن و").split())
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_SCORE = re.compile(r"(?<![\d.,])(\d{1,2})\s*[-–:/]\s*(\d{1,2})(?![\d.,])")
# «فاز بثلاثية» / «بهدفين مقابل هدف»: the goals a result names in words.
_GOALS = {arabic.normalize(w): n for w, n in (
    ("هدف", 1), ("هدفين", 2), ("هدفان", 2), ("ثنائيه", 2), ("ثلاثيه", 3), ("رباعيه", 4),
    ("خماسيه", 5), ("سداسيه", 6), ("سباعيه", 7), ("نظيف", 0), ("نظيفه", 0))}


@dataclass(frozen=True)
class Frame:
    """Who did what, where, how many, and when, as the headline and lead tell it."""

    predicates: frozenset[str]       # predicate classes (FAMILY's keys) of headline and lead
    main: str | None                 # the headline's first predicate class (else the lead's)
    agents: frozenset[str]           # content keys in the main predicate's agent slot
    names: frozenset[str]            # rarer content keys of the headline (who and where)
    places: frozenset[str]           # place keys (a country, a city) of headline and lead
    counts: frozenset[tuple[str, int]]   # (counted noun, number)
    scores: frozenset[tuple[int, int]]   # match results, the larger side first
    day: date | None                 # the event's day when the text names one, else None

    @property
    def families(self) -> frozenset[str]:
        return frozenset(FAMILY[p] for p in self.predicates)


def _bare(word: str, known: Mapping[str, object]) -> str:
    """`word` without proclitics and the article, as far as the rest is in `known`."""
    if word in known:
        return word
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            rest = word[len(clitic):]
            if rest in known:
                return rest
            for article in _ARTICLE:
                if rest.startswith(article) and rest[len(article):] in known:
                    return rest[len(article):]
    for article in _ARTICLE:
        if word.startswith(article) and word[len(article):] in known:
            return word[len(article):]
    return word


def predicate_class(word: str) -> str | None:
    """The predicate class of one normalized word («يقصف» → attack, «والتقى» → meet), or None."""
    return _FORMS.get(_bare(word, _FORMS))


def _noun(word: str) -> str:
    """A counted noun's key, its case ending folded («قتيلا» and «قتيلاً» → «قتيل»)."""
    k = arabic.key(word)
    if len(k) > 3 and k.endswith("ا"):
        k = k[:-1]
    return k


def _counts(words: list[str]) -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for i, word in enumerate(words):
        if not _NUMBER.match(word) or (len(word) == 4 and word.startswith(("19", "20"))):
            continue  # a year is no count
        value = float(word.replace(",", "."))
        j = i + 1
        if j < len(words) and words[j] in _SCALE:
            value *= _SCALE[words[j]]
            j += 1
        if (value >= 1 and j < len(words) and words[j] not in _NOT_COUNTED
                and len(words[j]) > 2 and not _NUMBER.match(words[j])):
            out.add((_noun(words[j]), int(value)))
    return out


def _scores(text: str, words: list[str]) -> set[tuple[int, int]]:
    found = {(max(int(a), int(b)), min(int(a), int(b))) for a, b in _SCORE.findall(text)}
    goals = [_GOALS[_bare(w, _GOALS)] for w in words if _bare(w, _GOALS) in _GOALS
             ] if any(w.endswith("مقابل") for w in words) else []
    if len(goals) >= 2:
        found.add((max(goals[:2]), min(goals[:2])))
    return {s for s in found if s[0] <= 12}


def _name_like(k: str) -> bool:
    """Whether key `k` reads as a name: never seen, or written one way only in the word table
    (ترامب, روسيا never with the article; اليمن, السيسي always), as digests.arabic notes; a
    common noun or adjective is written both ways (رئيس, قوات, جوية)."""
    if _NUMBER.match(k) or len(k) < 3:
        return False
    share = arabic.definite_share(k)
    return share is None or share <= NAME_SHARE or share >= 1 - NAME_SHARE


def _actor(words: list[str], at: int, before: bool) -> list[str]:
    side = reversed(words[:at]) if before else iter(words[at + 1:])
    keys: list[str] = []
    for word in side:
        if predicate_class(word):
            break
        keys.extend(k for k in content_keys(word) if _name_like(k))
        if len(keys) >= ACTOR_WORDS:
            break
    return keys[:ACTOR_WORDS]


def frame_of(title: str, text: str, published: datetime,
             places: frozenset[str] = PLACES) -> Frame:
    """The frame of one article: headline `title`, body `text` (its first sentence is the lead),
    publication time, and the place keys to look for (analyzed keys, PLACES by default)."""
    lead = _DATELINE.sub("", _first_sentence(text))  # «دبي، الإمارات (CNN)--» is no place
    head = list(arabic.normalized_words(title))
    lead_words = list(arabic.normalized_words(lead))[:LEAD_WORDS]
    main, agents = None, frozenset[str]()
    predicates: set[str] = set()
    for words, verb_first in ((head, False), (lead_words, True)):
        for i, word in enumerate(words):
            cls = predicate_class(word)
            if cls is None:
                continue
            predicates.add(cls)
            if main is None:
                # Headlines put the subject first («ترامب يقيل تيلرسون»), a lead's opening verb
                # comes before its subject («أقال الرئيس ترامب …»).
                main = cls
                before = i > 0 and not (verb_first and i < 2)
                agents = frozenset(_actor(words, i, before) or _actor(words, i, not before))
    keys_top = [k for w in head + lead_words for k in content_keys(w)]
    when = event_time.event_time(title, lead, published)
    named = [r.first for r in when.references if r.first == r.last]
    return Frame(
        predicates=frozenset(predicates), main=main, agents=agents,
        names=frozenset(k for w in head for k in content_keys(w)
                        if not predicate_class(w) and _name_like(k)),
        places=frozenset(k for k in keys_top if k in places),
        counts=frozenset(_counts(head) | _counts(lead_words)),
        scores=frozenset(_scores(f"{title} {lead}", head + lead_words)),
        day=named[0] if named else None)


FRAME_FEATURES = ("same_main", "same_family", "family_clash", "shared_agent", "agent_clash",
                  "same_act", "same_place", "place_clash", "same_count", "count_clash",
                  "score_same", "score_clash", "day_clash")
_CLASHES = ("family_clash", "agent_clash", "place_clash", "count_clash", "score_clash",
            "day_clash")


def agreement(a: Frame, b: Frame) -> dict[str, float]:
    """How two frames agree, one number per FRAME_FEATURES name (1.0 yes, 0.0 no)."""
    same_noun = {n for n, _ in a.counts} & {n for n, _ in b.counts}
    shared = a.counts & b.counts
    clash = any(n in same_noun and (n, v) not in b.counts and not any(m == n for m, _ in shared)
                for n, v in a.counts)
    fa, fb = a.families, b.families
    agents_a, agents_b = a.agents | a.names, b.agents | b.names
    out = {
        "same_main": float(a.main is not None and a.main == b.main),
        "same_family": float(bool(fa & fb)),
        "family_clash": float(bool(fa) and bool(fb) and not fa & fb),
        "shared_agent": float(bool(a.agents & agents_b) or bool(b.agents & agents_a)),
        # another actor in the agent slot, named nowhere in the other headline: «دمشق تدين» vs
        # «مصر تدين» (two governments answering one event are two stories)
        "agent_clash": float(bool(a.agents) and bool(b.agents) and not a.agents & agents_b
                             and not b.agents & agents_a),
        "same_place": float(bool(a.places & b.places)),
        "place_clash": float(bool(a.places) and bool(b.places) and not a.places & b.places),
        "same_count": float(bool({v for _, v in shared if v > 1})),
        "count_clash": float(clash),
        "score_same": float(bool(a.scores & b.scores)),
        "score_clash": float(bool(a.scores) and bool(b.scores) and not a.scores & b.scores),
        "day_clash": float(a.day is not None and b.day is not None and a.day != b.day),
    }
    # one act by one actor and nothing against it: the pair model is linear, so the conjunction
    # is a feature of its own
    out["same_act"] = float(bool(out["same_main"]) and bool(out["shared_agent"])
                            and not any(out[k] for k in _CLASHES))
    return {k: out[k] for k in FRAME_FEATURES}
