"""Suspicious speakers over the whole corpus, counted by class (no corpus text is printed).

Condenses every corpus article (`digests.digest.condense`, the quotes a reader sees) and runs
the finder (`digests.quotes.find_quotes`, every candidate), then counts the speakers that look
wrong by the shape of their words:

* ``prep_tail``: ends in a word glued to «ب»/«ل» («المرداسي بشرح», «ماتيس لعدد»): the verb's
  object or addressee ran into the subject;
* ``cut_word``: ends in a one- or two-letter word («المجلة إ»): cut mid-word;
* ``time_adverb``: holds «وقتها», «حينها», «آنذاك» … («وقتها لوسائل الإعلام»);
* ``object_np``: a country or «المجتمع الدولي» after a name or an adjective («اناستاسيادس
  تركيا», «وزارة النقل الروسية بريطانيا»): the object after the subject;
* ``first_person``: a reported quote that speaks in the first person («كنت متوقع …») but would
  still be shown «بحسب X، …»;
* ``denial``: quotes shown as denials (kind "denial", «نفى X أن …»);
* ``accusative``: a speaker that starts with an indefinite accusative («استطلاعا للرأي», from
  «لكن استطلاعا كشف أن») or a reported clause that does («جهودا جارية», «هناك تحقيقا») and
  would still be shown without its «إنّ» («بحسب X، جهودا جارية …»);
* ``narrator_turn``: a reported clause that runs on into the writer's «، إلا أن», «بيد أن»,
  «، غير أن» or «، وأصدر» (the narrator's next sentence);
* ``name_cut``: a speaker that ends in an organisation noun whose quoted name was cut off
  («ومتحدث باسم حركة» from «حركة "الشباب"»);
* ``non_name`` (session 7): a speaker that is a manner adverb («بجلاء»), a year («عام»,
  «العام»), a bare number cut from its noun («تسعة» of «تسعة بالمئة ممن …») or the object of
  «لفت النظر»;
* ``hashtag``: a speaker written with a hashtag's «#» or «_» («الشرطة_البريطانية»);
* ``first_person_suffix``: a reported quote that the renderer's first-person test misses but
  that holds a first-person word of this script's own list («علاقتي», «مني», «جئت»,
  «استقبلني»): it would read «بحسب X، علاقتي …»;
* ``fragment``: a marked quote of fewer than six words set in the writer's own sentence (no
  speech verb among the three words before it, not after a complementizer or a colon): «تم
  نقلهم إلى "أحد مراكز الإقامة …"»;
* ``fem_object``: the speaker is the definite object of a feminine «اعتبرت» followed by the
  quote marks («واعتبرت الخطوة "…"»);
* ``describer``: a quote after «وصفته X بأنه» given to someone other than X;
* ``denial_gender``: a denial whose shown verb («نفى/نفت») disagrees with the verb written;
* ``verb_tail`` (session 11): a speaker ending in a finite verb («مجلس الأمن الدولي تبنى»);
* ``bare_body`` (session 11): a bare «الصحيفة», «البيان», «النص», «الخارجية», «المصدر»,
  «الوزارة», «الوكالة» (the body is usually named earlier in the article).

Usage:
    .venv/bin/python benchmarks/speaker_scan.py [--limit N] [--dump /tmp/scan.json]
    .venv/bin/python benchmarks/speaker_scan.py --diff /tmp/a.json /tmp/b.json [--sample 30]

`--dump` writes every digest's quotes (kind, speaker, text) to a file outside the repository, to
compare two versions of the code; `--diff` prints how many articles changed and a random sample
of their ids (article ids are corpus order by publication time, as benchmarks/corpus.py loads
them: the ids QA's reading used). Neither writes corpus text under git.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import CORPUS, load_corpus  # noqa: E402
from bot.attribution import after_bihasab, denial_verb, first_person  # noqa: E402
from digests.digest import condense  # noqa: E402
from digests.models import Article, parse_iso  # noqa: E402
from digests.quotes import find_quotes  # noqa: E402
from digests.quote_marks import TRIM_MARK  # noqa: E402
from digests.speech import cue_of, fold, is_complementizer  # noqa: E402

CLASSES = ("prep_tail", "cut_word", "time_adverb", "object_np", "first_person", "denial",
           "accusative", "narrator_turn", "name_cut", "non_name", "hashtag",
           "first_person_suffix", "fragment", "fem_object", "describer", "denial_gender",
           "verb_tail", "bare_body")

# Names that start with «ب»/«ل» and a consonant (not a preposition glued to a word). Folded.
_B_L_NAMES = frozenset(
    "بشار بن بنت بريطانيا برلين بكين بغداد بلجيكا بلغاريا بولندا بنما بنغلاديش بيروت بلدية"
    " بلديه برشلونه بطرس بسام بسمه بشير بشري بلال برهم بنيامين بلير بومبيو بنك البنك لبنان لندن"
    " لجنه لحود لقجع لطفي لخضر لبنانيه لبناني لمي بكر بري برهوم بنس بخاري برناس بركات بدوي"
    " بهزاد بلور بنا برايس بترا بريطاني بريطانيه بريطانيون بريطانيين لبيض لعبيدي".split())
# QA21 R5 (session 11, F19): a speaker that ends in a finite verb («مجلس الأمن الدولي تبنى»),
# and a bare body the article may have named («الصحيفة», «البيان»). Folded.
_VERB_TAILS = frozenset(
    "تبني تبنت ترغب يرغب شمل شملت يشمل تشمل تبلغ يبلغ يعمل تعمل نشر نشرت نشرته نشرها تطلق"
    " يطلق يشتبه يحمل تحمل ويحمل قد".split())
_BARE_BODIES = frozenset("الصحيفه البيان النص الخارجيه المصدر الوزاره الوكاله".split())
_TIME_ADVERBS = frozenset("وقتها حينها انذاك يومها حينئذ ساعتها وقتئذ حاليا".split())
# Objects that follow a VSO subject: countries and capitals, «المجتمع الدولي». Folded.
_OBJECTS = frozenset(
    "تركيا بريطانيا روسيا ايران اسرائيل واشنطن موسكو طهران انقره لندن باريس فرنسا المانيا"
    " امريكا اميركا سوريا مصر قطر اليونان قبرص المجتمع".split())
# Words after which a country is a genitive («سفير روسيا», «حكومة تركيا»), not an object.
_HEADS = frozenset(
    "رئيس رئيسه وزير وزيره سفير سفيره حكومه خارجيه ملك امير ولي مندوب مندوبه وزاره جيش"
    " برلمان سلطات شرطه بنك مصرف سفاره قنصل قنصليه ممثل ممثله مبعوث نائب رئاسه مجلس قاده"
    " منتخب مدرب مهاجم لاعب راديو اذاعه وكاله انباء مفتي عمده حاكم وزراء قوات مكتب وفد"
    " انصار تدخل تقديرات حزب شركه نادي صحيفه موقع عاصمه".split())
# Short words that end a name («بي بي سي», «فرحان حق», «دي ميستورا»): not a word cut short.
_SHORT_NAMES = frozenset("بي سي دي لي لو سو بو حق اس صن كي هي ان اي تي في اف".split())
# Unvoweled first-person forms the renderer cannot tell from other persons («كنت»: I/you/she).
_FIRST_PERSON = frozenset("كنت لست قمت اكون ساكون سنكون نكون انني اننا نحن انا اعتقد".split())
_ARABIC_RE = re.compile(r"^[\u0621-\u064a]+$")
# Indefinite nouns in the accusative seen opening a subject cut from «إنّ/لكنّ». Folded.
_ACCUSATIVES = frozenset(
    "استطلاعا تحقيقا جهودا عددا تقريرا مسحا فريقا مصدرا مسؤولا".split())
_THERE = frozenset("هناك هنالك ثمه".split())
_TURN_RE = re.compile(r"[،,]\s*(?:إلا|الا|غير) أن\s|\sبيد أن\s|[،,]\s*وأصدرت?\s")
# Organisation nouns a quoted name follows («حركة "الشباب"»). Folded.
_ORGANISATIONS = frozenset("حركه حزب تنظيم جماعه ائتلاف تحالف جبهه منظمه جمعيه".split())


# Speakers that name nobody: adverbs of manner, years, bare numbers, an idiom's object. Folded.
_NON_NAMES = frozenset(
    "بجلاء بوضوح بصراحه بشده بحزم عام العام سنه النظر الانتباه اثنان ثلاثه اربعه خمسه سته سبعه"
    " ثمانيه تسعه عشره".split())
# First-person words the renderer's closed list lacked in session 6 (QA11 6586). Unvoweled.
_FIRST_PERSON_MORE = frozenset(
    "مني عني علاقتي منزلي حياتي مسيرتي عائلتي زوجتي رأيي زملائي أولادي ابني ابنتي أمي جئت أتيت"
    " استقبلني يسعدني يشرفني جعلني منحني أعطاني دفعني يهمني يحفزني تحبني بنفسي وجودي".split())
_WORD_RE = re.compile(r"[\u0621-\u064a]+")
_INNER_RE = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
# «وصفته السفارة بأنه»: the verb with its object pronoun, then a written subject (not «بأنه»,
# «بـ», «قائلا»: the pronoun subject's own words).
_DESCRIBER_RE = re.compile(r"(?:^|\s)و?وصف(?:ته|تها|تهم|ه|ها|هم) (?![بل]|قائل|في\s)(\S+)")


def _fragment(text: str, context: str) -> bool:
    """A marked quote under six words set in the writer's sentence, not after a speech verb,
    a complementizer or a colon."""
    at = context.find(text)
    if at <= 0 or len(text.split()) >= 6:
        return False
    before = context[:at].rstrip(" \"“”«„")
    if not before or before.endswith((":", "،", ",")):
        return False
    near = before.split()[-3:]  # «وقال الوزير "…"»: a verb and its subject before the marks
    return not (any(cue_of(w)[1] is not None for w in near) or is_complementizer(fold(near[-1])))


def _context_classes(kind: str, speaker: str, text: str, context: str) -> list[str]:
    """The classes read from the sentence a quote stands in."""
    out: list[str] = []
    if not context:
        return out
    if kind == "direct" and _fragment(text, context):
        out.append("fragment")
    if len(speaker.split()) == 1 and re.search(
            r"(?:^|\s)و?(?:اعتبرت|تعتبر) " + re.escape(speaker) + r"\s*[\"«“]", context):
        out.append("fem_object")
    at = context.find(text[:40])
    for m in _DESCRIBER_RE.finditer(context):
        if 0 <= m.end() <= at and fold(m.group(1)) not in {fold(w) for w in speaker.split()}:
            out.append("describer")
            break
    if kind == "denial" and speaker:
        said = re.search(r"(?:^|\s)و?(نفت|تنفي|نفى|ينفي) " + re.escape(speaker.split()[0]),
                         context)
        if said is not None and (said.group(1) in ("نفت", "تنفي")) != (
                denial_verb(speaker, text) == "نفت"):
            out.append("denial_gender")
    return out


def _object_after(prev: str, i: int) -> bool:
    """A country after `prev` is the verb's object, not a genitive of the speaker: after a
    definite word, a plural, another country, or a one-word name that heads no construct."""
    if prev in _HEADS or prev.startswith(("ل", "ب")) or prev.endswith("ات"):
        return False
    return (prev.startswith(("ال", "وال")) or prev in _OBJECTS or prev.endswith(("ون", "ين"))
            or i == 1)


def classes(kind: str, speaker: str, text: str, context: str = "") -> list[str]:
    """The suspicious classes one quote falls in (a speaker may be in several); `context`, the
    sentence it stands in, adds the classes read from it."""
    out: list[str] = []
    if kind == "denial":
        out.append("denial")
    words = [w.strip("\"'«»“”()،,.:؛") for w in speaker.split()]
    words = [w for w in words if w]
    folded = [fold(w) for w in words]
    if len(words) >= 2:
        last = folded[-1]
        if (last[:1] in ("ب", "ل") and len(last) >= 3 and last[1:2] not in ("ا", "و", "ي", "ل")
                and last not in _B_L_NAMES and not words[-1].startswith(("لـ", "بـ"))):
            out.append("prep_tail")
        if (_ARABIC_RE.match(words[-1]) and len(words[-1]) <= 2
                and folded[-1] not in _SHORT_NAMES):
            out.append("cut_word")
        if any(f in _OBJECTS and _object_after(folded[i - 1], i)
               for i, f in enumerate(folded) if i >= 1):
            out.append("object_np")
    if any(f in _TIME_ADVERBS for f in folded) or any(w in ("الآن", "الان") for w in words):
        out.append("time_adverb")
    if folded and (folded[0] in _ACCUSATIVES or words[0].endswith(("اً", "ًا"))):
        out.append("accusative")
    elif kind == "reported" and after_bihasab(text) == text:
        lead = [fold(w.strip("\"«»“”(")) for w in text.split()[:2]]
        if lead and (lead[0] in _ACCUSATIVES or (
                len(lead) > 1 and lead[0] in _THERE and lead[1] in _ACCUSATIVES)):
            out.append("accusative")
    turn = _TURN_RE.search(text) if kind == "reported" else None
    if turn is not None and "رغم" not in text[:turn.start()]:
        out.append("narrator_turn")  # («رغم …، إلا أن …» is one concessive statement)
    if len(folded) >= 2 and folded[-1] in _ORGANISATIONS:
        out.append("name_cut")
    if len(folded) >= 2 and folded[-1] in _VERB_TAILS:
        out.append("verb_tail")
    if len(folded) == 1 and folded[0] in _BARE_BODIES:
        out.append("bare_body")
    if kind == "reported" and not first_person(text):
        first = fold(text.split()[0]) if text.split() else ""
        if first in _FIRST_PERSON:
            out.append("first_person")
        if any(w in _FIRST_PERSON_MORE for w in _WORD_RE.findall(_INNER_RE.sub(" ", text))):
            out.append("first_person_suffix")
    if folded and (folded[0] in _NON_NAMES and len(folded) == 1
                   or folded[0] in _NON_NAMES and folded[0].startswith(("ب", "ال"))
                   and folded[0] != "العام"):
        out.append("non_name")
    if "_" in speaker or "#" in speaker:
        out.append("hashtag")
    return out + _context_classes(kind, speaker, text, context)


def _article(n: int, row: dict[str, str]) -> Article:
    published = None
    try:
        published = parse_iso(row.get("published"))
    except ValueError:
        pass
    return Article(id=n, source_id=1, source_name=row.get("source", ""), url=row.get("url", ""),
                   title=row.get("title", ""), published_at=published,
                   paragraphs=tuple(p for p in row.get("text", "").split("\n") if p.strip()))


def scan(docs: Sequence[dict[str, str]]) -> tuple[Counter[str], Counter[str],
                                                  dict[str, list[list[str]]]]:
    """(digest counts, candidate counts, every digest's quotes by article id)."""
    digest_counts: Counter[str] = Counter()
    cand_counts: Counter[str] = Counter()
    dump: dict[str, list[list[str]]] = {}
    for n, row in enumerate(docs, 1):
        article = _article(n, row)
        quotes = condense(article).quotes
        cands = find_quotes(article.paragraphs)
        dump[str(n)] = [[q.kind, q.speaker, q.text] for q in quotes]
        for q in quotes:
            digest_counts["quotes"] += 1
            context = next((c.context for c in cands if c.speaker == q.speaker
                            and c.text.startswith(q.text.removesuffix(TRIM_MARK))), "")
            digest_counts.update(classes(q.kind, q.speaker, q.text, context))
        for c in cands:
            cand_counts["quotes"] += 1
            cand_counts.update(classes(c.kind, c.speaker, c.text, c.context))
    return digest_counts, cand_counts, dump


def changed(before: dict[str, list[list[str]]], after: dict[str, list[list[str]]]) -> list[str]:
    """Article ids whose digest quotes (kind, speaker or text) differ."""
    return sorted((k for k in before.keys() | after.keys() if before.get(k) != after.get(k)),
                  key=int)


def _print_counts(label: str, counts: Counter[str]) -> None:
    print(f"{label}: {counts['quotes']} quotes; "
          + ", ".join(f"{c} {counts[c]}" for c in CLASSES))


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--dump", type=Path, help="write digest quotes here (outside the repo)")
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=6)
    args = ap.parse_args(list(argv) if argv is not None else None)
    for path in [args.dump, *(args.diff or [])]:
        if path is not None and ROOT in path.resolve().parents:
            ap.error(f"{path}: dumps hold corpus text and stay outside the repository")
    if args.diff:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.diff)
        ids = changed(before, after)
        print(f"articles changed: {len(ids)} of {len(after)}")
        rng = random.Random(args.seed)
        print("sample:", " ".join(sorted(rng.sample(ids, min(args.sample, len(ids))), key=int)))
        return 0
    docs = load_corpus(args.corpus)
    if args.limit:
        docs = docs[:args.limit]
    digest_counts, cand_counts, dump = scan(docs)
    print(f"articles: {len(docs)}")
    _print_counts("digest quotes", digest_counts)
    _print_counts("all candidates", cand_counts)
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
