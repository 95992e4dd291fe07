"""Search quality on the shared corpus: recall and precision per topic, beside two baselines.

Systems, all over the same 7,213 articles (title + text), all answering the topic as typed:
- nashra: digests.search.search (analyzed keys; phrase for multi-word topics);
- fts5-raw: a plain FTS5 `unicode61` table over the raw text, the topic quoted as a phrase;
- snowball: FTS5 over Snowball Arabic (PyStemmer) stems of the raw words, same phrase query.
Truth per topic comes from benchmarks/topics.py (explicit counting forms, no analyzer).

    .venv/bin/python benchmarks/search_quality.py [--forms] [--misses TOPIC] [--same-person]
                                                  [--no-rank] [--folds [P]] [--alerts [N]]

`--same-person`: the truth of a name also counts the other spellings of that name in
digests/variants.py (a Trump story written «ترمب» is a Trump story) and, from `SPLIT_SPELLINGS`
here, the name written as two words («فيس بوك»); without it the truth counts only the spelling
typed, as the hand-listed forms of benchmarks/topics.py say.

Ranking (after the table; `--no-rank` skips it, ≈45 s of story assignment): the same database
with stories assigned (digests.stories, as ingest would), each topic's first page of 5 as the bot
shows it (`fold_stories`, the clock at the corpus's end), in three orders in the same process:
the baseline (bm25 over age), re-ranked by score (session 8: digests/search_rank.py's factors)
and latest first (session 10: the relevant matches newest day first, digests.search_order.ranked).
Per topic: the share of the 5 whose headline holds the topic (a counting form, the truth's own
test) — a proxy for "about the topic" —, the share published within `FRESH_HOURS` of the topic's
newest match, and, for the three topics of QA12 section 2 (`RANKED`, expected stories picked by reading
the articles), whether each expected story is on the first page and each misplaced article off it.
Articles are named by their corpus ids (stable), not database ids.

`--alerts [N]` (alone, ≈30 s): where the articles an alert of each topic would carry name it —
the headline, the lead (the first 400 characters of the first paragraph), two or more body
mentions, one body mention only — over the 29 topics, QA18's four (`ALERT_TOPICS`) and five of
several common words (`PHRASE_TOPICS`, brief X25), and how many alert_matches sends; then N random
single body mentions (default 40, seed 19) with the sentence around them, to be read (QA18 R3;
digests.topic_match.alert_matches drops the last kind), and N random headlines of a topic of several
words named exactly twice in the body only (seed 25; alert_matches drops them since X25); then
(brief X27) the alerts that only a mention inside a longer name of another entity carried (column
«longer», digests.longer_names: «مجلس الأمن القومي» for «مجلس الأمن») and N random ones (seed 27)
with the words around those mentions, to be read. Since brief X30 the topics also include the
one-word topics of digests.one_word_names (its names: «مونديال روسيا», «حصة الأسد») and of
digests.topic_names (NEWS_NAMES: «سوريا», «الإمارات» …), and «longer»
counts the alerts only a CNN dateline carried («دبي، الإمارات العربية المتحدة (CNN)»).

`--folds [P]` (with the ranking): could a results page fold two reports of one event that the
story step left in two stories (QA15 N7)? For each topic (the 29, the three of `RANKED` and QA12's
25 of `QA12_TOPICS`), every pair among its first `FOLD_ENTRIES` folded entries from two sources
within the story window whose pair probability (digests.story_model over digests.similarity's
cosine and digests.leads' evidence, as the story step computes it) is at least P (default 0.25),
with both headlines, to be read; then how many of the labelled story pairs of benchmarks/gold/
(benchmarks/fit_story_pairs.py's sets) reach each probability and how many of those are labelled
two stories — what a fold at that probability would hide.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import build_db, load_corpus
from topics import TOPICS, Topic, bare, both, definite, single

from digests.arabic import normalize, written_as_name
from digests.search import search
from digests.storage import Database

OUT = Path(__file__).resolve().parent / "out"
_RAW_WORD = re.compile(r"[^\W_]+")


# «أمام» (in front of; «الأمام/للأمام»: forward) is no «إمام»: normalize drops the hamza that
# tells them apart, so the truth keeps it as «ءمام» (QA28 T2: the truth of «الإمام» counted them).
# A bare «امام» with no hamza and no article is the preposition too (every one of 12 sampled in
# the corpus: «امام المدخل», «امام الكونغرس»).
_FRONT = re.compile("أ(?=مام)")
_BARE_FRONT = re.compile(r"(?<![^\W_])([وفبل]?)ا(?=مام(?![^\W_]))")


def truth_words(text: str) -> list[str]:
    """Words of the normalized raw text (split on anything not a letter or digit)."""
    return _RAW_WORD.findall(normalize(_BARE_FRONT.sub(r"\1ء", _FRONT.sub("ء", text))))


def in_truth(topic: Topic, words: list[str], distinct: frozenset[str]) -> bool:
    sets = [frozenset(normalize(f) for f in forms) for forms in topic.words]
    if sets[0].isdisjoint(distinct):
        return False
    n = len(sets)
    if n == 1:
        return True
    return any(words[i] in sets[0] and all(words[i + j] in sets[j] for j in range(1, n))
               for i in range(len(words) - n + 1))


def has_lookalike(topic: Topic, words: list[str]) -> bool:
    bad = frozenset(normalize(f) for f in topic.must_not)
    return any(w in bad for w in words)


def baseline_db(docs: list[dict[str, Any]], id_of: list[int],
                keys: Callable[[str], str]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table f using fts5(title, body)")
    conn.executemany("insert into f (rowid, title, body) values (?, ?, ?)",
                     [(i, keys(d.get("title") or ""), keys(d.get("text") or ""))
                      for i, d in zip(id_of, docs)])
    return conn


def fts_phrase(conn: sqlite3.Connection, words: Iterable[str]) -> set[int]:
    phrase = '"' + " ".join(words).replace('"', '""') + '"'
    return {r[0] for r in conn.execute("select rowid from f where f match ?", [phrase])}


def use_frequencies_of(docs: list[dict[str, Any]]) -> None:
    """Swap the analyzer's frozen frequency table for one counted over `docs` (held-out runs)."""
    from collections import Counter

    from digests import arabic

    counts: Counter[str] = Counter()
    for d in docs:
        for field in ("title", "abstract", "text"):
            counts.update(arabic.normalized_words(d.get(field) or ""))
    table = {w: c for w, c in counts.items() if c >= 2}
    arabic._freq = lambda: table  # type: ignore[assignment]
    for cached in (arabic._key_of, arabic.stem, arabic.run_keys):
        cached.cache_clear()


def with_variants(topic: Topic) -> Topic:
    """The topic whose single word's truth also counts the other spellings of its name."""
    from dataclasses import replace

    from digests.variants import GROUPS

    if len(topic.words) != 1:
        return topic
    group = next((g for g in GROUPS if normalize(topic.query) in {normalize(w) for w in g}), ())
    extra = tuple(form for w in group if normalize(w) != normalize(topic.query)
                  for form in bare(w))
    return replace(topic, words=(topic.words[0] + extra,)) if extra else topic


# A name also written as two words, for the `--same-person` truth (defined here, not taken from
# the system under test): «فيس بوك» articles are about Facebook.
SPLIT_SPELLINGS = {"فيسبوك": ("فيس", "بوك")}


# One topic in two common spellings (brief X31, QA23 S4), not in the means: each spelling is
# searched and scored against the truth of both, defined here by counting forms as benchmarks/
# topics.py does (no analyzer). A joined name's truth is its one word or its two in a row.
SPELLING_TOPICS: tuple[tuple[tuple[str, ...], tuple[Topic, ...]], ...] = (
    (("أمريكا", "أميركا"),
     (Topic("أمريكا", "place (spellings)", (bare("أمريكا") + bare("أميركا"),)),)),
    (("نصرالله", "نصر الله"),
     (Topic("نصرالله", "person (joined)", (bare("نصرالله"),)),
      Topic("نصر الله", "person (split)", (bare("نصر"), ("الله",))))),
    (("عبدالفتاح السيسي", "عبد الفتاح السيسي"),
     (Topic("عبدالفتاح السيسي", "person (joined)", (bare("عبدالفتاح"), ("السيسي",))),
      Topic("عبد الفتاح السيسي", "person (split)",
            (bare("عبد"), ("الفتاح",), ("السيسي",))))),
    (("مسئول", "مسؤول"),
     # its masculine plurals too: the analyzer reads «مسؤولين» as «مسؤول» (both plurals attested)
     (Topic("مسؤول", "word (hamza)", (tuple(
         f for w in ("مسؤول", "مسئول") for end in ("", "ين", "ون") for f in both(w + end)),)),)),
    (("ابن سلمان", "بن سلمان"),
     (Topic("بن سلمان", "person (lineage)", (bare("بن") + bare("ابن"), ("سلمان",))),)),
)


# One group or man under two names (QA23 S14, digests.variants.SYNONYMS), each name scored
# against the truth of every name, counted by forms (the definite «الدولة الإسلامية» only: an
# indefinite «دولة إسلامية», an Islamic state to found, is not the group).
_HOUTHI = tuple(f for w in ("حوثي", "حوثيين", "حوثيون") for f in both(w))
SYNONYM_TOPICS: tuple[tuple[tuple[str, ...], tuple[Topic, ...]], ...] = (
    (("داعش", "تنظيم الدولة", "الدولة الإسلامية"),
     (Topic("داعش", "group (synonyms)", (bare("داعش"),)),
      Topic("تنظيم الدولة", "group (synonyms)", (bare("تنظيم"), definite("دولة"))),
      Topic("الدولة الإسلامية", "group (synonyms)",
            (definite("دولة"), definite("إسلامية") + definite("اسلامية"))))),
    (("الحوثي", "الحوثيين", "أنصار الله"),
     (Topic("الحوثي", "group (synonyms)", (_HOUTHI,)),
      Topic("أنصار الله", "group (synonyms)", (bare("أنصار") + bare("انصار"), ("الله",))))),
    (("محمد صلاح", "مو صلاح"),
     (Topic("محمد صلاح", "person (nickname)", (bare("محمد"), ("صلاح",))),
      Topic("مو صلاح", "person (nickname)", (bare("مو"), ("صلاح",))))),
)


# Text as readers type it (brief X37: QA24 R3, R4, R6), not in the means: each text is answered
# as the bot answers it (digests.named_questions.named_topic, then the search) and scored against
# the truth of the topic meant, counted by forms. A Latin word outside digests.topic_names' table
# has no truth in this Arabic archive: anything it finds is a false hit (precision 0.000).
_IMAM = definite("إمام") + definite("امام")
_AYE = bare("إيه") + bare("ايه") + bare("آيه")
READER_TOPICS: tuple[tuple[tuple[str, ...], Topic], ...] = (
    (("الإمام",), Topic("الإمام", "person (not «أمام»)", (_IMAM,))),
    (("الإمام على", "الإمام علي"), Topic("الإمام علي", "person (على for علي)", (_IMAM, ("علي",)))),
    (("ڤلاديمير بوتين", "فلاديمير بوتين"),
     Topic("فلاديمير بوتين", "person (Persian ڤ)",
           (bare("فلاديمير"), bare("بوتين") + bare("بوتن")))),
    (("ترمپ", "ترمب"), Topic("ترمب", "person (Persian پ)", (bare("ترمب") + bare("ترامب"),))),
    (("الوضع في غزة", "غزة"), Topic("غزة", "place (an old topic)", (bare("غزة"),))),
    (("#سوريا_تحترق", "سوريا"), Topic("سوريا", "place (hashtag)", (bare("سوريا"),))),
    (("ايه سي ميلان",), Topic("ايه سي ميلان", "club (spelled A)", (_AYE, ("سي",), bare("ميلان")))),
    (("ايه بي سي",), Topic("ايه بي سي", "network (spelled A)", (_AYE, ("بي",), ("سي",)))),
    (("May", "us sanctions", "Kim"), Topic("", "Latin (no truth)", ((),))),
    # X41 (QA28 T1, T2, T6, T8, T9, R3): the rows of the re-test's findings
    (("الحرب على",), Topic("الحرب على", "phrase (على last)", (definite("حرب"), ("على",)))),
    (("العدوان على",), Topic("العدوان على", "phrase (على last)",
                             (definite("عدوان"), ("على",)))),
    (("التوقيع على",), Topic("التوقيع على", "phrase (على last)",
                              (definite("توقيع"), ("على",)))),
    (("إمام",), Topic("إمام", "person (not «أمام»)", (bare("إمام"),))),
    (("اي بي سي", "أي بي سي"), Topic("ايه بي سي", "network (spelled A)",
                                    (_AYE, ("بي",), ("سي",)))),
    (("#حلب_تحترق",), Topic("حلب", "place (hashtag)", (bare("حلب"),))),
    (("Theresa May",), Topic("تيريزا ماي", "person (Latin name)", (("تيريزا",), ("ماي",)))),
    (("الوضع بغزة",), Topic("غزة", "place (an old topic, ب)", (bare("غزة"),))),
    (("گوگل",), Topic("غوغل", "company (Persian گ)", (bare("غوغل") + bare("جوجل"),))),
)


def reader_rows(database: Database, words_of: dict[int, list[str]],
                distinct_of: dict[int, frozenset[str]], limit: int) -> list[str]:
    """Per text of READER_TOPICS: what the bot searches for it, and recall/precision against the
    truth of the topic meant."""
    from digests.named_questions import reader_topic

    out = []
    for texts, topic in READER_TOPICS:
        truth = {i for i, w in words_of.items() if in_truth(topic, w, distinct_of[i])}
        for text in texts:
            res = search(database.db, reader_topic(database.db, text), limit=limit, widen=False)
            found = {h.digest.article_id for h in res.hits if h.digest.article_id is not None}
            r, p = pr(found, truth)
            out.append(f"{text:<20} {topic.kind:<26} truth {len(truth):>4} found"
                       f" {len(found):>4} | nashra {r:.3f} {p:.3f}")
    return out


def spelling_rows(database: Database, words_of: dict[int, list[str]],
                  distinct_of: dict[int, frozenset[str]], limit: int) -> list[str]:
    """Per spelling of SPELLING_TOPICS (and name of SYNONYM_TOPICS): recall/precision against
    the truth of every spelling."""
    out = []
    for queries, truths in SPELLING_TOPICS + SYNONYM_TOPICS:
        truth = {i for i, w in words_of.items()
                 if any(in_truth(tp, w, distinct_of[i]) for tp in truths)}
        for query in queries:
            res = search(database.db, query, limit=limit, widen=False)
            found = {h.digest.article_id for h in res.hits if h.digest.article_id is not None}
            r, p = pr(found, truth)
            out.append(f"{query:<20} truth {len(truth):>4} | nashra {r:.3f} {p:.3f}")
    return out


def split_topics(topic: Topic) -> list[Topic]:
    """The topic's name written as two words, as a phrase topic of its own (or none)."""
    two = SPLIT_SPELLINGS.get(topic.query)
    if two is None or len(topic.words) != 1:
        return []
    return [Topic(" ".join(two), topic.kind, (both(two[0]), (two[1],)))]  # «الفيس بوك» too


@dataclass(frozen=True)
class Ranked:
    """A topic whose first page was judged by reading (QA12 section 2): each group of `first`
    (the reports of one story, corpus ids) must be on the first page; no id of `not_first`."""

    topic: Topic
    first: tuple[tuple[str, ...], ...]
    not_first: tuple[str, ...]


RANKED: tuple[Ranked, ...] = (
    # The 90th Academy Awards: the winners, three sources (BBC, Al Arabiya, France 24 twice);
    # the Academy's president accused. Not first: gold leaf eaten at the after-party.
    Ranked(single("الأوسكار", "event (ranking)", both("أوسكار")),
           (("BB-culture-61-20180305", "AL-culture-130-20180305",
             "FR-internationalNews-258-20180305", "FR-culture-22-20180305"),
            ("BB-culture-78-20180317", "BB-internationalNews-173-20180317")),
           ("AL-culture-129-20180305",)),
    # North Korea to take part in Tokyo 2020 / Beijing 2022; the Special Olympics in Abu Dhabi
    # close. Not first: a Saudi referee's World Cup appointment (a body's one mention of Rio), a
    # column that names the Special Olympics in passing.
    Ranked(single("الأولمبياد", "event (ranking)", both("أولمبياد"), "الأولمبية الأولمبي"),
           (("AL-internationalNews-708-20180331", "SK-sport-506-20180331"),
            ("SK-sport-393-20180322",)),
           ("AL-sport-952-20180329", "AL-sport-886-20180326")),
    # Saad Hariri (prime minister): Gulf travel bans, the elections. Not first: Nasr al-Hariri
    # (Syrian opposition), the Saudi ambassador's piece that names Rafik Hariri once.
    Ranked(single("الحريري", "person (ranking)", definite("حريري"), "الحرير حرير"),
           (("CN-middleEast-437-20180331",), ("CN-middleEast-353-20180324",)),
           ("CN-middleEast-287-20180317", "CN-middleEast-395-20180327")),
)
CORPUS_END = "2018-04-01T00:00:00+00:00"  # the clock of the ranking runs (QA12 ran with it)
FRESH_HOURS = 48  # «fresh»: published within this many hours of the topic's newest match

# QA12's 25 topics as a reader typed them (qa12.md section 2): the fold listing reads their pages.
QA12_TOPICS = ("الغوطة", "غوطه", "عفرين", "ترمب", "محمد صلاح", "سكريبال", "بوتين", "محمد بن سلمان",
               "السيسى", "كوريا الشمالية", "اردوغان", "القُدس", "الحوثيون", "الأولمبياد",
               "الأوسكار", "ستيفن هوكينغ", "فيسبوك", "غزة", "الحريري", "الانتخابات المصرية",
               "Afrin", "تيلرسون", "الامم المتحده", "دوما", "نتنياهو")
FOLD_ENTRIES = 10  # folded entries per topic whose pairs the fold listing weighs (two pages)
FOLD_LEAD_CHARS = 600  # of the body, as the story step reads a candidate's lead


def pair_probability(db: sqlite3.Connection | Any, a: int, b: int) -> float | None:
    """The story model's probability that articles `a` and `b` are one story, computed as the
    story step does (their stored story vectors, leads of the headline and the body's start);
    None when no pair decision applies (one source, further apart than the window, a cosine
    below the floor)."""
    from digests import story_model
    from digests.leads import compare_leads, lead_of
    from digests.models import parse_iso
    from digests.similarity import WINDOW, StoryVector, pair_features, similarity

    got = {}
    for aid, source, published, title, body, blob in db.execute(
            "select a.id, a.source_id, a.published_at, a.title,"
            " substr(coalesce(nullif(a.body, ''), a.summary, ''), 1, ?), v.vector"
            " from articles a join story_vectors v on v.article_id = a.id where a.id in (?, ?)",
            [FOLD_LEAD_CHARS, a, b]).fetchall():
        when = parse_iso(published)
        got[aid] = (source, when, StoryVector.from_blob(blob), lead_of(title or "", body, when))
    if len(got) < 2 or got[a][0] == got[b][0]:
        return None
    (_, when_a, vector_a, lead_a), (_, when_b, vector_b, lead_b) = got[a], got[b]
    if when_a is None or when_b is None:
        return None
    hours = abs((when_a - when_b).total_seconds()) / 3600
    if hours > WINDOW.total_seconds() / 3600:
        return None
    values = pair_features(similarity(vector_a, vector_b), hours,
                           compare_leads(lead_a, lead_b))
    if story_model.needed(values) == float("inf"):
        return None
    return story_model.probability(values)


def fold_listing(database: Database, now: Any, corpus_id: dict[int, str],
                 queries: list[str], low: float) -> None:
    """The `--folds` listing (see the module docstring)."""
    print(f"\nfolds: pairs among the first {FOLD_ENTRIES} folded entries with story probability"
          f" >= {low} (two sources, within 48 h), clock at the corpus's end")
    seen: set[tuple[int, int]] = set()
    for query in queries:
        res = search(database.db, query, limit=FOLD_ENTRIES, now=now, fold_stories=True)
        ids = [h.digest.article_id for h in res.hits if h.digest.article_id is not None]
        for x, a in enumerate(ids):
            for y in range(x + 1, len(ids)):
                b = ids[y]
                p = pair_probability(database.db, a, b)
                if p is None or p < low:
                    continue
                again = " (listed above)" if (min(a, b), max(a, b)) in seen else ""
                seen.add((min(a, b), max(a, b)))
                print(f"{query} | entries {x + 1} and {y + 1} | p={p:.3f}{again}")
                for aid in (a, b):
                    title, published = database.db.execute(
                        "select title, published_at from articles where id = ?", [aid]).fetchone()
                    print(f"    {aid} {corpus_id[aid]} {published[:16]} {title}")
    try:
        import fit_story_pairs as gold
        from digests import story_model

        docs = {d["id"]: d for d in load_corpus()}
        rows = gold.pair_rows(gold.load_pairs([gold.GOLD / n for n in gold.FILES]), docs)
    except Exception as exc:  # the listing above stands without the labelled pairs
        print(f"labelled pairs not read: {type(exc).__name__}: {exc}")
        return
    scored = [(story_model.probability(r["x"]), bool(r["same"])) for r in rows
              if story_model.needed(r["x"]) != float("inf")]
    print(f"labelled story pairs within 48 h (benchmarks/gold/): {len(rows)}")
    for cut in (low, 0.5, story_model.DECISION, 0.7, 0.8, 0.9, 0.95):
        chosen = [same for p, same in scored if p >= cut]
        wrong = chosen.count(False)
        print(f"  p >= {cut:.2f}: {len(chosen)} pairs, {wrong} labelled two stories"
              f" (precision {1 - wrong / max(1, len(chosen)):.3f})")


def ranking(db_path: Path, out_dir: Path, docs: list[dict[str, Any]],
            topics: list[Topic], folds: float | None = None) -> None:
    """The first page of each topic with and without digests.search_rank (see the docstring)."""
    import shutil

    import digests.search as search_module
    import digests.search_order as order_module
    from digests.models import parse_iso
    from digests.search_rank import weigh
    from digests.stories import backfill_stories

    ranked_path = out_dir / "ranked.db"
    shutil.copyfile(db_path, ranked_path)
    now = parse_iso(CORPUS_END)
    assert now is not None
    t = time.perf_counter()
    with Database(ranked_path) as database:
        with database.transaction() as tx:
            backfill_stories(tx, now=now)
        print(f"\nranking: stories assigned in {time.perf_counter() - t:.0f}s; first page of 5,"
              " folded by story, clock at the corpus's end")
        corpus_id = {i: d["id"] for i, d in enumerate(docs, 1)}
        heads = {i: truth_words(d.get("title") or "") for i, d in enumerate(docs, 1)}
        real = search_module.judged, order_module._ages
        published = {r[0]: parse_iso(r[1]) for r in database.db.execute(
            "select id, coalesce(published_at, fetched_at) from articles")}

        def page(query: str, order: str, limit: int = 5) -> list[int]:
            """`order`: "baseline" (bm25 / age), "re-ranked" (session 8: × search_rank's
            factors), "latest" (session 10: the articles about the topic newest day first)."""
            if order != "latest":  # the score alone orders (as before session 10)
                search_module.judged = lambda db, cands, plan, judge, every: (
                    weigh(db, cands, plan.phrases)[0] if judge and every and order == "re-ranked"
                    else cands, {})
                order_module._ages = lambda db, ids, now: {}  # every article one day old
            try:
                res = search(database.db, query, limit=limit, now=now, fold_stories=True)
            finally:
                search_module.judged, order_module._ages = real
            return [h.digest.article_id for h in res.hits if h.digest.article_id is not None]

        def fresh(query: str, ids: list[int]) -> float:
            """Share of `ids` published within FRESH_HOURS of the topic's newest match."""
            every = [w for i in page(query, "latest", limit=400)
                     if (w := published.get(i)) is not None]
            if not ids or not every:
                return 1.0
            newest = max(every)
            return sum(1 for i in ids if (w := published.get(i)) is not None
                       and (newest - w).total_seconds() <= FRESH_HOURS * 3600) / len(ids)

        orders = ("baseline", "re-ranked", "latest")
        print(f"{'topic':<16} first 5: headline share / share within {FRESH_HOURS} h of the"
              f" newest match — {' → '.join(orders)}")
        sums = [[0.0, 0.0] for _ in orders]
        for topic in topics + [r.topic for r in RANKED]:
            cells = []
            for n_order, order in enumerate(orders):
                ids = page(topic.query, order)
                named = sum(in_truth(topic, heads[i], frozenset(heads[i])) for i in ids)
                share, recent = named / len(ids) if ids else 1.0, fresh(topic.query, ids)
                sums[n_order][0] += share
                sums[n_order][1] += recent
                cells.append((share, recent))
            mark = "" if cells[2][0] >= cells[1][0] else "  LOSS"
            print(f"{topic.query:<16} " + " → ".join(f"{a:.1f}/{b:.1f}" for a, b in cells)
                  + mark)
        n = len(topics) + len(RANKED)
        print("mean headline share / fresh share: " + " → ".join(
            f"{order} {a / n:.3f}/{b / n:.3f}" for order, (a, b) in zip(orders, sums)))
        for r in RANKED:
            for order in orders:
                shown = [corpus_id[i] for i in page(r.topic.query, order)]
                hit = sum(any(c in shown for c in group) for group in r.first)
                wrong = [c for c in r.not_first if c in shown]
                print(f"{r.topic.query:<16} {order:<9}"
                      f" expected stories on page 1: {hit}/{len(r.first)}, misplaced:"
                      f" {len(wrong)}/{len(r.not_first)}  {' '.join(shown)}")
        if folds is not None:
            queries = list(dict.fromkeys([t.query for t in topics]
                                         + [r.topic.query for r in RANKED] + list(QA12_TOPICS)))
            fold_listing(database, now, corpus_id, queries, folds)


# QA18's instant reader's four topics (qa18.md R3), beside the 29; then (brief X25, QA19) topics
# of several common words, which a body names in passing (an institution, a sector, a region).
ALERT_TOPICS = ("الغوطة", "ترامب", "الدوري الإسباني", "النفط")
PHRASE_TOPICS = ("النفط والغاز", "مجلس الأمن", "حقوق الإنسان", "الاتحاد الأوروبي", "الشرق الأوسط")


def mention_place(topic: str, title: str, paragraphs: tuple[str, ...]) -> tuple[str, int]:
    """Where an article that matches `topic` (digests.topic_match.article_matches) names it: "title"
    (the phrase, or every word of a multi-word topic, in the headline), "lead" (the phrase in
    the first paragraph), else "body"; and how many times the body names the phrase."""
    from digests.arabic import analyze
    from digests.query import plan_query

    phrases = plan_query(topic).phrases
    words = [frozenset(p) for p in phrases]

    def count(keys: list[str]) -> int:
        return sum(1 for i in range(len(keys)) for p in phrases
                   if tuple(keys[i:i + len(p)]) == p)

    head = analyze(title)
    body = analyze("\n".join(paragraphs))
    if count(head) or (len(phrases[0]) > 1 and any(w <= set(head) for w in words)):
        return "title", count(body)
    lead = analyze(paragraphs[0][:LEAD_CHARS]) if paragraphs else []
    return ("lead" if count(lead) else "body"), count(body)


LEAD_CHARS = 400  # of the first paragraph: digests.topic_match.ALERT_LEAD_CHARS


def alert_listing(docs: list[dict[str, Any]], topics: list[str], sample: int) -> None:
    """`--alerts N`: per topic, the corpus articles an alert of it carries (article_matches), by
    where they name it; then N random ones naming it once, in the body only, to be read."""
    import random

    from digests.models import Article
    from digests.topic_match import alert_matches, article_matches

    places: dict[str, dict[str, int]] = {t: {} for t in topics}
    once: list[tuple[str, int]] = []
    twice: list[tuple[str, int]] = []  # a topic of several words named twice, in the body only
    longer: list[tuple[str, int]] = []  # alerts only a mention inside a longer name carried
    for n, d in enumerate(docs):
        paragraphs = tuple(x for x in (d.get("text") or "").split("\n") if x.strip())
        article = Article(id=n + 1, source_id=0, source_name=d.get("source") or "", url="",
                          title=d.get("title") or "", paragraphs=paragraphs)
        for topic in topics:
            if not article_matches(topic, article):
                continue
            where, body = mention_place(topic, article.title, paragraphs)
            key = where if where != "body" else ("body once" if body <= 1 else "body 2+")
            places[topic][key] = places[topic].get(key, 0) + 1
            if key == "body once":
                once.append((topic, n))
            if where == "body" and body == 2 and len(topic.split()) > 1:
                twice.append((topic, n))
            if alert_matches(topic, article):
                places[topic]["alert"] = places[topic].get("alert", 0) + 1
            elif alert_matches(topic, article, whole_names=False):
                places[topic]["longer"] = places[topic].get("longer", 0) + 1
                longer.append((topic, n))
    kinds = ("title", "lead", "body 2+", "body once", "alert", "longer")
    print(f"\nalerts: corpus articles an alert carries, by where they name the topic (lead: the"
          f" first {LEAD_CHARS} characters of the first paragraph); alert: what"
          f" digests.topic_match.alert_matches sends")
    print(f"{'topic':<16} " + " ".join(f"{k:>9}" for k in kinds))
    sums = dict.fromkeys(kinds, 0)
    for topic in topics:
        print(f"{topic:<16} " + " ".join(f"{places[topic].get(k, 0):>9}" for k in kinds))
        for k in kinds:
            sums[k] += places[topic].get(k, 0)
    print("longer: alerts no more sent, their mentions being inside a longer name of another"
          " entity (digests.longer_names, brief X27); alert + longer = the alerts before")
    total = sum(sums[k] for k in kinds[:4])
    print(f"{'all':<16} " + " ".join(f"{sums[k]:>9}" for k in kinds) + f"  (of {total};"
          f" body once {sums['body once'] / max(1, total):.3f})")
    print(f"topics of several words named exactly twice, in the body only: {len(twice)}")
    for topic, n in random.Random(25).sample(twice, min(sample, len(twice))):
        print(f"=== {topic} | {docs[n]['id']} | {docs[n].get('title')}")
    print(f"alerts dropped as mentions inside a longer name: {len(longer)}")
    for topic, n in random.Random(27).sample(longer, min(sample, len(longer))):
        print(f"+++ {topic} | {docs[n]['id']} | {docs[n].get('title')}")
        for span in longer_spans(topic, docs[n].get("title") or "", docs[n].get("text") or ""):
            print(f"    …{span}…")
    for topic, n in random.Random(19).sample(once, min(sample, len(once))):
        d = docs[n]
        text = d.get("text") or ""
        at = next((m for m in (text.find(w) for w in (topic, topic.removeprefix("ال")))
                   if m >= 0), -1)
        span = text[max(0, at - 120):at + 120].replace("\n", " ⏎ ") if at >= 0 else text[:200]
        print(f"--- {topic} | {d['id']} | {d.get('title')}\n    …{span}…")


def longer_spans(topic: str, title: str, text: str) -> list[str]:
    """The words around each mention of `topic` inside a longer name (digests.longer_names)."""
    from digests.arabic import run_keys, word_runs_of
    from digests.longer_names import context, in_longer_name
    from digests.query import plan_query

    from digests.one_word_names import dateline_end

    plan = plan_query(topic)
    ctx = context(plan.terms)
    text_runs = [(k, r) for r in word_runs_of(text) for k in run_keys(r)]
    every = frozenset(k for r in word_runs_of(title + " " + text) for k in run_keys(r))
    dateline = dateline_end([k for k, _ in text_runs], every)
    out = [" ".join(r for _, r in text_runs[:dateline]) + " [dateline]"] if dateline else []
    if ctx is None:
        return out
    runs = [(k, r) for r in word_runs_of(title + " | " + text) for k in run_keys(r)]
    keys = [k for k, _ in runs]
    for i in range(len(keys)):
        p = next((p for p in plan.phrases if tuple(keys[i:i + len(p)]) == tuple(p)), None)
        if p is not None and in_longer_name(keys, i, len(p), ctx):
            out.append(" ".join(r for _, r in runs[max(0, i - 3):i + len(p) + 3]))
    return out


def pr(found: set[int], truth: set[int]) -> tuple[float, float]:
    tp = len(found & truth)
    recall = tp / len(truth) if truth else 1.0
    precision = tp / len(found) if found else (1.0 if not truth else 0.0)
    return recall, precision


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--forms", action="store_true", help="print each topic's forms")
    parser.add_argument("--misses", help="list misses and false hits of this topic")
    parser.add_argument("--limit-docs", type=int, default=0, help="smoke runs: first N docs")
    parser.add_argument("--out", type=Path, default=OUT, help="where databases and reports go")
    parser.add_argument("--same-person", action="store_true",
                        help="a name's truth counts its other spellings (digests/variants.py)")
    parser.add_argument("--holdout", action="store_true",
                        help="frequency table from the even-numbered half, measured on the odd")
    parser.add_argument("--no-rank", action="store_true",
                        help="skip the ranking of first pages (story assignment, ≈45 s)")
    parser.add_argument("--folds", type=float, nargs="?", const=0.25, default=None,
                        metavar="P", help="with the ranking: list pairs of reports on first pages"
                        " the story model gives at least P (default 0.25), and the labelled"
                        " pairs' precision at each P")
    parser.add_argument("--alerts", type=int, nargs="?", const=40, default=None, metavar="N",
                        help="only: where alerts of the 29 topics and QA18's four name the"
                        " topic, and N random single body mentions to read (default 40)")
    args = parser.parse_args()
    out_dir: Path = args.out
    if args.alerts is not None:
        docs = load_corpus()[:args.limit_docs or None]
        from digests.one_word_names import ONE_WORD_NAMES
        from digests.topic_names import NEWS_NAMES
        alert_listing(docs, list(dict.fromkeys(
            [t.query for t in TOPICS] + list(ALERT_TOPICS) + list(PHRASE_TOPICS)
            + list(ONE_WORD_NAMES) + [n for n in NEWS_NAMES if len(n.split()) == 1])),
            args.alerts)
        return

    docs = load_corpus()
    if args.limit_docs:
        docs = docs[:args.limit_docs]
    if args.holdout:
        use_frequencies_of(docs[0::2])
        docs = docs[1::2]
        print("held out: frequency table from the other half of the corpus")
    ids = list(range(1, len(docs) + 1))
    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = out_dir / "quality.db"
    t = time.perf_counter()
    build_db(db_path, docs)
    build_s = time.perf_counter() - t
    words_of = {i: truth_words((d.get("title") or "") + "\n" + (d.get("text") or ""))
                for i, d in zip(ids, docs)}

    distinct_of = {i: frozenset(w) for i, w in words_of.items()}
    raw = baseline_db(docs, ids, lambda s: s)
    import Stemmer  # PyStemmer, the baseline only

    stemmer = Stemmer.Stemmer("arabic")

    def snow(text: str) -> str:
        return " ".join(stemmer.stemWords(_RAW_WORD.findall(text)))

    snowball = baseline_db(docs, ids, snow)

    print(f"docs={len(docs)} nashra index build {build_s:.1f}s")
    header = (f"{'topic':<16} {'kind':<28} {'truth':>5} | {'nashra R':>8} {'P':>5} {'lookFP':>6}"
              f" | {'fts5 R':>6} {'P':>5} | {'snow R':>6} {'P':>5}")
    print(header)
    print("-" * len(header))
    worst = [1.0, 1.0]
    sums = {"nashra": [0.0, 0.0], "raw": [0.0, 0.0], "snow": [0.0, 0.0]}
    base = [0.0, 0.0, 0]  # nashra over the topics without a name spelled like a stop-word
    before_name: list[str] = []
    topics = [with_variants(tp) for tp in TOPICS] if args.same_person else list(TOPICS)
    with Database(db_path) as database:
        for topic in topics:
            if args.forms:
                print(topic.query, [sorted({normalize(f) for f in fs}) for fs in topic.words])
            spellings = [topic, *(split_topics(topic) if args.same_person else [])]
            truth = {i for i, w in words_of.items()
                     if any(in_truth(tp, w, distinct_of[i]) for tp in spellings)}
            lookalike = {i for i, w in words_of.items()
                         if i not in truth and has_lookalike(topic, w)}
            res = search(database.db, topic.query, limit=len(docs) + 1)
            found = {h.digest.article_id for h in res.hits if h.digest.article_id is not None}
            r, p = pr(found, truth)
            query_words = topic.query.split()
            rr, rp = pr(fts_phrase(raw, query_words), truth)
            sr, sp = pr(fts_phrase(snowball, stemmer.stemWords(query_words)), truth)
            for name, (a, b) in (("nashra", (r, p)), ("raw", (rr, rp)), ("snow", (sr, sp))):
                sums[name][0] += a
                sums[name][1] += b
            worst = [min(worst[0], r), min(worst[1], p)]
            rest = [w for w in query_words if not written_as_name(w)]
            if len(rest) < len(query_words):  # «علي خامنئي»: as searched before, without «علي»
                old = search(database.db, " ".join(rest), limit=len(docs) + 1)
                br, bp = pr({h.digest.article_id for h in old.hits
                             if h.digest.article_id is not None}, truth)
                before_name.append(f"{topic.query}: nashra {r:.3f}/{p:.3f}, searched without"
                                   f" «علي» (before) {br:.3f}/{bp:.3f} ({len(old.hits)} found)")
            else:
                base = [base[0] + r, base[1] + p, base[2] + 1]
            print(f"{topic.query:<16} {topic.kind:<28} {len(truth):>5} | {r:>8.3f} {p:>5.3f}"
                  f" {len(found & lookalike):>3}/{len(lookalike):<3}"
                  f"| {rr:>6.3f} {rp:>5.3f} | {sr:>6.3f} {sp:>5.3f}")
            if args.misses == topic.query:
                for i in sorted(truth - found)[:20]:
                    print("  MISS", i, [w for w in words_of[i] if any(
                        w in {normalize(f) for f in fs} for fs in topic.words)][:6])
                for i in sorted(found - truth)[:20]:
                    hit = next(h for h in res.hits if h.digest.article_id == i)
                    print("  FALSE", i, hit.matched)
    n = len(TOPICS)
    print("-" * len(header))
    print(f"mean recall/precision: nashra {sums['nashra'][0] / n:.3f}/{sums['nashra'][1] / n:.3f}"
          f"  fts5-raw {sums['raw'][0] / n:.3f}/{sums['raw'][1] / n:.3f}"
          f"  snowball {sums['snow'][0] / n:.3f}/{sums['snow'][1] / n:.3f}")
    print(f"nashra worst topic: recall {worst[0]:.3f} precision {worst[1]:.3f}"
          " (target >= 0.97 / >= 0.97)")
    if base[2]:
        print(f"nashra mean recall/precision over the {base[2]} topics without «علي»:"
              f" {base[0] / base[2]:.3f}/{base[1] / base[2]:.3f}")
    for line in before_name:
        print(line)
    print("one topic, two spellings or names (SPELLING_TOPICS, SYNONYM_TOPICS, not in the means;"
          " the phrase hits):")
    with Database(db_path) as database:
        for line in spelling_rows(database, words_of, distinct_of, len(docs) + 1):
            print(line)
    print("as readers type it (READER_TOPICS, not in the means; as the bot answers, the phrase"
          " hits):")
    with Database(db_path) as database:
        for line in reader_rows(database, words_of, distinct_of, len(docs) + 1):
            print(line)
    with Database(db_path) as database:  # the three topics judged by reading (not in the means)
        for judged in RANKED:
            truth = {i for i, w in words_of.items()
                     if in_truth(judged.topic, w, distinct_of[i])}
            res = search(database.db, judged.topic.query, limit=len(docs) + 1)
            rr, rp = pr({h.digest.article_id for h in res.hits
                         if h.digest.article_id is not None}, truth)
            print(f"{judged.topic.query:<16} {judged.topic.kind:<28} {len(truth):>5} |"
                  f" {rr:>8.3f} {rp:>5.3f}")
    if not args.no_rank:
        ranking(db_path, out_dir, docs, topics, args.folds)


if __name__ == "__main__":
    main()
