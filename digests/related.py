"""Related coverage: earlier archive articles about the same subject as an article.

Read from the search index (digests.search_index) at ingest, for the digest's related links:
candidates share salient title keys, and each must share the distinctive keys (its signature)
of the article — names, places, rare words — not merely a phrase of its headline or one common
word. Several reports of one story are one link: the reader wants the other slots for other
angles. See `related_articles`.

`live_related` is asked on the way to a reader: a "story" or "archive" link to a page the site
has removed (HTTP 404/410) is replaced by a live report of the same story, or dropped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache

import sqlite_utils

from digests.arabic import (
    STOP_WORDS,
    analyze,
    definite_share,
    key_frequency,
    normalize,
)
from digests.headline import clean_headline
from digests.models import Article, Digest, RelatedItem, RelatedKind, iso, parse_iso
from digests.query import quote_key
from digests.records import article_from_row
from digests.retries import GONE
from digests.search_index import FTS_TABLE, rows_by_id
from digests.urls import url_key

RELATED_CANDIDATES = 60   # newest articles sharing two salient title terms, scored in Python
SIGNATURE_KEYS = 20       # an article's signature: its most distinctive keys (tf × idf)
MIN_SHARED = 3            # signature keys a related article must share
FULL_BODY_KEYS = 30       # distinct content keys of a body that is a full report, not a brief
STRONG_SHARED = 4         # this many shared keys show one subject even when all are common words
VERY_RARE = 60            # a key seen at most this often in the reference corpus: a rare name
RARE_RECURS = 3           # times the two bodies hold a rare name for it to count twice
NAME_SHARE = 0.1          # a key written with «ال» at most this share of the time, or at least
DEFINITE_NAME = 0.9       # this share, is written like a name (ترامب, عفرين; العراق, الغوطة)
RARE_BOTH_WAYS = (0.3, 0.85)  # a very rare key written with «ال» this share of the time is a word
                            # written both ways («سيادي» 0.81), not a name
SAME_TITLE = 0.6          # weighted share of the longer headline near copies share
SAME_TITLE_NEAR = 0.52    # of the shorter one, for two reports within STORY_DAYS of each other
SAME_SIGNATURE = 8        # or this many signature keys, within STORY_DAYS
STORY_DAYS = 2.0
MAX_STORY_MATES = 20      # as many as the digest lists from (digests.digest.MAX_STORY_SIBLINGS)
# Written one way for grammar's sake, not because they are names: months, numbers and measures
# (two reports of deficits in January are not one subject) and heads of a construct («إعادة
# إعمار», «مقر السفارة»).
_MONTHS = frozenset(k for w in (
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
    "أكتوبر", "نوفمبر", "ديسمبر") for k in analyze(w))
_NOT_NAMES = _MONTHS | frozenset(k for w in (
    "مليون", "مليار", "ألف", "بالمئة", "بالمائة", "بنسبة", "حوالي", "نحو", "أكثر", "أقل",
    "إعادة", "دولارا", "مقر") for k in analyze(w))
# Endings of one word's forms (تحطم / تحطمت, كوري / كوريا, صين / صيني / صينية, سقوط / سقوطها):
# two keys that differ by one of them are one shared word, not two.
_ENDINGS = frozenset({"ه", "ت", "ا", "ي", "يه", "ات", "ها", "هم", "هما", "ون", "ين", "ان", "يا"})
_PRONOUNS = ("ها", "هم", "هما", "كم", "نا")  # a key with one is a word, never a name
MIN_STEM = 3
FORM_RATIO = 4  # a word's accusative or dual form is this many times rarer than the word


def _age_days(published: str | None, now: datetime) -> float:
    dt = parse_iso(published) if published else None
    if dt is None:
        return 365.0
    return max(0.0, (now - dt).total_seconds() / 86400.0)


# Per-key caches (unbounded lru_cache: its hits cost least), emptied when they outgrow this.
CACHED_KEYS = 200_000


@cache
def _idf(k: str) -> float:
    return math.log(1e6 / (1.0 + key_frequency(k)))


@cache
def _content(k: str) -> bool:
    return len(k) > 2 and k not in STOP_WORDS and not k.isdigit()


def _very_rare(k: str, held: bool) -> bool:
    """Whether a shared key is a very rare name: seen at most VERY_RARE times, held by a body
    (`held`: a word of both headlines only, «يقتل», is a headline's verb), written like a name
    (`_name_like`: «سيادي», rare but written both ways, is an adjective) and without a pronoun
    ending («سقوطها»)."""
    if key_frequency(k) > VERY_RARE or not held:
        return False
    if _pronoun_form(k):
        return False
    share = definite_share(k)
    # counted over so few uses, the share is loose: «حسني» is written with «ال» 0.13 of the time
    return share is None or not RARE_BOTH_WAYS[0] <= share <= RARE_BOTH_WAYS[1]


def _pronoun_form(k: str) -> bool:
    """Whether a key is a common word's form, never a name: with a pronoun ending («سقوطها»);
    or, itself rare, in the accusative («عجزا», «رسوما») or the dual («طائرتين»)."""
    if k.endswith(_PRONOUNS) and len(k) - 2 >= MIN_STEM and key_frequency(k[:-2]) > VERY_RARE:
        return True
    n = key_frequency(k)
    if n > VERY_RARE:
        return False
    # «كتالونيا» is no accusative of «كتالوني»: a name in «يا» beside its adjective
    bases = [k[:-1]] if k.endswith("ا") and not k.endswith("يا") else []
    if k.endswith(("تين", "تان")):
        bases.append(k[:-3] + "ه")
    # the plain word is far commoner than its form (عجز 183, عجزا 24)
    return any(len(b) >= MIN_STEM and key_frequency(b) >= FORM_RATIO * max(n, 1)
               and key_frequency(b) > VERY_RARE for b in bases)


def _name_like(share: float) -> bool:
    return share <= NAME_SHARE or share >= DEFINITE_NAME


def _specificity(k: str, held: bool = True) -> int:
    """How much one shared key shows a shared subject: 2 for a very rare name (`_very_rare`: one
    the news seldom writes, or never seen), 1 for a key written like a name, 0 for a common word
    («هجوم», «مساعدات», «صندوق»)."""
    if _very_rare(k, held):
        return 2
    if k in _NOT_NAMES or _pronoun_form(k):
        return 0
    share = definite_share(k)
    return 1 if share is not None and _name_like(share) else 0


def _families(keys: set[str]) -> list[list[str]]:
    """`keys` grouped by word: a key that is another's with an ending (`_ENDINGS`) joins it, so
    «تحطم» and «تحطمت», «كوري» and «كوريا» count as one shared word."""
    groups: dict[str, list[str]] = {}
    for k in sorted(keys, key=lambda k: (len(k), k)):  # shortest first: a word before its forms
        base = next((b for b in groups if len(b) >= MIN_STEM and k.startswith(b)
                     and k[len(b):] in _ENDINGS), k)
        groups.setdefault(base, []).append(k)
    return list(groups.values())


def _counts(keys: Sequence[str]) -> dict[str, int]:
    """The content keys of a text (its analyzed keys) and how often each occurs."""
    return {k: n for k, n in Counter(keys).items() if _content(k)}


def signature(title_keys: Sequence[str], body: dict[str, int],
              size: int = SIGNATURE_KEYS) -> dict[str, float]:
    """An article's most distinctive content keys and their weights: tf × idf over its title
    (counted three times) and body (`body`: its content keys' counts). A name or place the
    article is about recurs in it and is rare in the news at large."""
    tf = dict(body)
    for k in title_keys:
        if _content(k):
            tf[k] = tf.get(k, 0) + 3
    weighted = sorted([(math.log1p(n) * _idf(k), k) for k, n in tf.items()], reverse=True)
    return {k: w for w, k in weighted[:size]}


def _about_the_same(mine: dict[str, float], my_body: dict[str, int], theirs: dict[str, float],
                    their_body: dict[str, int]) -> set[str]:
    """The signature keys two articles share when that shows one subject, else an empty set.

    When both bodies are full reports, only keys both bodies hold count: a word of the two
    headlines alone («تحديد موعد القمة») is not a subject. They must share MIN_SHARED keys (half
    the shorter signature, at least 2, for a brief; a very rare name counts twice), and when
    both bodies are full one shared key must recur in both bodies: the subject of a report comes
    back in its text, a verb phrase of its headline («للضغط على … لوقف») does not. Between two
    signatures of SIGNATURE_KEYS / 2 keys or more, where a few common words meet by chance,
    fewer than STRONG_SHARED shared keys must hold more than one name or rare word
    (`_specificity`: a very rare name counts twice): «مقر», «سفير», «هجوم» between two embassy
    attacks in two countries are common words, not a subject. Months are never shared subjects
    (February's inflation in Morocco and in America); a very rare key is a name only when both
    bodies come back to it (`RARE_RECURS`), it is written like one and is no common word's form
    (not «يقتل» of two headlines, «تحتفي» once in each body, «سيادي», «سقوطها», «عجزا», nor
    «باكستاني» beside «باكستان»); one word's forms («تحطم», «تحطمت») are one name at most.
    """
    shared = mine.keys() & theirs.keys()
    full = len(my_body) >= FULL_BODY_KEYS and len(their_body) >= FULL_BODY_KEYS
    if full:
        shared = {k for k in shared if my_body.get(k, 0) and their_body.get(k, 0)}
    recurring = any(my_body.get(k, 0) >= 2 and their_body.get(k, 0) >= 2 for k in shared)
    shared -= _MONTHS  # February's inflation in Morocco and in America: two subjects

    def held(k: str) -> bool:
        return bool(my_body.get(k, 0) or their_body.get(k, 0))

    def recurs(k: str) -> bool:
        """Both reports come back to it: both bodies hold it, three times in all («تحتفي» of
        two celebrations, once in each, is a word; «الغفران» of two reports on the tribe is
        a subject). Without both bodies, a body holding it is enough."""
        mine_n, theirs_n = my_body.get(k, 0), their_body.get(k, 0)
        if not (my_body and their_body):
            return held(k)
        return mine_n >= 1 and theirs_n >= 1 and mine_n + theirs_n >= RARE_RECURS

    # a rare name both reports come back to counts twice, unless it is a form of a common word
    # shared too (باكستاني beside باكستان)
    rare = sum(1 for w in _families(shared)
               if all(_very_rare(k, held(k)) and recurs(k) for k in w) for k in w)
    if len(shared) + rare < min(MIN_SHARED, max(2, min(len(mine), len(theirs)) // 2)):
        return set()
    if full and not recurring:
        return set()
    # Three keys shared by chance are likely between two 20-key signatures, not two headlines.
    # One word's forms («تحطم», «تحطمت») are one name at most.
    chance = min(len(mine), len(theirs)) >= SIGNATURE_KEYS // 2
    if chance and len(shared) < STRONG_SHARED and sum(
            max(_specificity(k, held(k) and recurs(k)) for k in w)
            for w in _families(shared)) < 2:
        return set()
    return shared


@dataclass(frozen=True)
class Report:
    """What tells two reports of one story from two stories: the content keys of the headline,
    the publication time and the signature's keys (empty when not known)."""

    title_keys: frozenset[str]
    published: datetime | None
    signature: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Candidate:
    """A scored candidate link."""

    score: float
    article_id: int
    title: str                # normalized, for exact repeats
    story_id: int | None
    report: Report


def _title_weight(keys: frozenset[str]) -> float:
    return sum(_idf(k) for k in keys)


def _title_keys(keys: Sequence[str]) -> frozenset[str]:
    return frozenset(k for k in keys if len(k) > 1 and k not in STOP_WORDS and not k.isdigit())


def _shares(a: Report, b: Report) -> tuple[float, float]:
    """The weight (idf) two headlines share, as a share of the shorter and of the longer one."""
    shared = a.title_keys & b.title_keys
    if len(shared) < 2:
        return 0.0, 0.0
    w, wa, wb = _title_weight(shared), _title_weight(a.title_keys), _title_weight(b.title_keys)
    return w / max(1e-9, min(wa, wb)), w / max(1e-9, wa, wb)


def near_copy(a: Report, b: Report) -> bool:
    """Whether two headlines are near copies: they share SAME_TITLE of the longer one's weight.
    «محمد صلاح أفضل لاعب في الدوري الإنجليزي الممتاز لشهر فبراير» and «محمد صلاح لاعب الشهر في
    الدوري الإنجليزي» are; «محمد صلاح: أحلم بالفوز بالدوري الإنجليزي مع ليفربول» is not."""
    return _shares(a, b)[1] >= SAME_TITLE


def same_story(a: Report, b: Report) -> bool:
    """Whether two reports read as one story: near-copy headlines (`near_copy`), at any distance
    in time; or, published within STORY_DAYS of each other, headlines of which one holds
    SAME_TITLE_NEAR of the other's weight, or SAME_SIGNATURE shared signature keys."""
    shorter, longer = _shares(a, b)
    if longer >= SAME_TITLE:  # near copies
        return True
    if a.published is None or b.published is None:
        return False
    if abs((a.published - b.published).total_seconds()) > STORY_DAYS * 86400:
        return False
    return shorter >= SAME_TITLE_NEAR or len(a.signature & b.signature) >= SAME_SIGNATURE


def _story_mates(db: sqlite_utils.Database, article: Article) -> list[Report]:
    """The article's story-mates from other sources, by headline and date: the reports the
    digest lists as its "story" links (digests.digest: same `story_id`, another source)."""
    if article.story_id is None:
        return []
    rows = db.execute(
        "select title, published_at from articles where story_id = ? and id != ?"
        " and source_id != ? limit ?",
        [article.story_id, article.id, article.source_id, MAX_STORY_MATES]).fetchall()
    return [Report(_title_keys(analyze(title or "")), parse_iso(published) if published else None)
            for title, published in rows]


def _one_story(a_story: int | None, a: Report, b_story: int | None, b: Report) -> bool:
    """Whether two reports are of one story: by their story ids when both have one (the story
    step has read their texts and dates: two Austin parcel bombs a day apart under like
    headlines are two stories) unless their headlines are near copies (`near_copy`: a reader
    takes them for one story), else as they read (`same_story`)."""
    if a_story is not None and b_story is not None:
        return a_story == b_story or near_copy(a, b)
    return same_story(a, b)


def _one_per_story(article: Article, own: Report, ranked: Sequence[_Candidate], limit: int,
                   mates: Sequence[Report] = ()) -> list[int]:
    """The best-ranked candidate of each story, at most `limit` ids.

    A story is a `story_id`; reports without one are of a story as they read (`same_story`).
    The article's own story (`own`: the article as a report) is left out when the digest lists
    it already (`mates`, its "story" links from other sources): its story-mates and, without a
    story id, reports that read as it or a mate. Without mates, those reports are one link, as
    any other story. An exact repeat of its headline is always left out.
    """
    own_title = normalize(article.title).strip()
    kept: list[_Candidate] = []
    own_story_taken = bool(mates)
    for c in ranked:
        if c.title and c.title == own_title:
            continue
        if c.title and any(c.title == k.title for k in kept):
            continue
        if any(_one_story(c.story_id, c.report, k.story_id, k.report) for k in kept):
            continue
        if c.story_id is not None and c.story_id == article.story_id:
            continue  # a story-mate: a "story" link of the digest, or the same source's report
        if _one_story(c.story_id, c.report, article.story_id, own) or (
                c.story_id is None and any(same_story(c.report, r) for r in mates)):
            if own_story_taken:
                continue
            own_story_taken = True
        kept.append(c)
        if len(kept) >= limit:
            break
    return [c.article_id for c in kept]


def related_articles(db: sqlite_utils.Database, article: Article, *, limit: int = 5,
                     before: datetime | None = None) -> list[Article]:
    """Earlier archive coverage of the article's topic: articles about the same names, places
    and rare words, not merely sharing a phrase of its headline.

    Candidates: the title's content keys are weighted by rarity in the reference corpus (an idf
    from digests.arabic.key_frequency) and by how often the body repeats them; the four heaviest
    are its salient terms, and the newest
    articles holding two of them (the one, for a one-term title) and one in their title are
    candidates. Each candidate must then be about the same subject (`_about_the_same`: share
    MIN_SHARED keys of the two articles' signatures — the SIGNATURE_KEYS most distinctive keys
    of title and body — one of which recurs in both bodies): a shared «للضغط على … لوقف» is
    not enough, shared names are; fewer than STRONG_SHARED shared keys must hold two names or
    rare words. It is scored by the weight of the signature keys it shares times a gentle age
    factor. One link per story (`_one_per_story`): the best-ranked report of each story_id, or of
    headlines that read as one story; the article's own story-mates (its "story" links in the
    digest) and repeats of its headline are left out. "Earlier": stored before it (a smaller id;
    ids grow with ingest time) and published before `before` (default: the article's own date).
    No bm25 and no vocabulary scan: it runs at ingest and stays fast on a million articles.
    """
    for cached in (_idf, _content):
        if cached.cache_info().currsize > CACHED_KEYS:
            cached.cache_clear()
    title_keys = analyze(article.title)
    keys = [k for k in dict.fromkeys(title_keys) if k not in STOP_WORDS and len(k) > 1]
    my_body = _counts(analyze(article.text))
    # a title word the body comes back to is the subject; one said once is the headline's verb
    weight = {k: math.log1p(1 + my_body.get(k, 0)) * _idf(k) for k in keys}
    salient = sorted(keys, key=lambda k: (-weight[k], k))[:4]
    if not salient:
        return []
    if len(salient) == 1:
        expr = quote_key(salient[0])
    else:
        pairs = [(a, b) for i, a in enumerate(salient) for b in salient[i + 1:]]
        expr = " OR ".join(f"({quote_key(a)} AND {quote_key(b)})" for a, b in pairs)
    bound = article.id  # stored before it: ids grow with ingest time
    cutoff = before or article.published_at
    # The date filter sits inside the limit, so an old article (a backfill) still finds its own
    # earlier coverage beneath newer matches.
    dated = " and a.published_at < ?" if cutoff is not None else ""
    rows = db.execute(
        f"""select f.rowid, f.title_keys, f.body_keys, a.published_at, a.title, a.story_id
            from {FTS_TABLE} f join articles a on a.id = f.rowid
            where {FTS_TABLE} match ? and f.rowid != ? and f.rowid < ?{dated}
            order by f.rowid desc limit {RELATED_CANDIDATES}""",
        [expr, article.id, bound, *([iso(cutoff)] if cutoff is not None else [])]).fetchall()
    ref = cutoff or datetime.now(UTC)
    mine = signature(title_keys, my_body)
    ranked = []
    for article_id, c_title, c_body, published, title, story_id in rows:
        dt = parse_iso(published)
        if cutoff is not None and (dt is None or dt >= cutoff):
            continue
        c_title_keys = c_title.split()
        if not set(c_title_keys).intersection(salient):
            continue
        their_body = _counts(c_body.split())
        theirs = signature(c_title_keys, their_body)
        shared = _about_the_same(mine, my_body, theirs, their_body)
        if not shared:
            continue
        score = sum(min(mine[k], theirs[k]) for k in shared)
        score /= 1.0 + _age_days(published, ref) / 30.0
        ranked.append(_Candidate(score, article_id, normalize(title or "").strip(), story_id,
                                 Report(_title_keys(c_title_keys), dt, frozenset(theirs))))
    ranked.sort(key=lambda c: (-c.score, -c.article_id))
    own = Report(_title_keys(title_keys), article.published_at, frozenset(mine))
    mates = _story_mates(db, article) if ranked else []
    ids = _one_per_story(article, own, ranked, limit, mates)
    by_id = rows_by_id(db, ids)
    return [article_from_row(by_id[i]) for i in ids if i in by_id]


# ---------------------------------------------------------------------------------------------
# Links to pages gone for good

_CHUNK = 500  # url keys per query (SQLite's variable limit is 999 on older builds)


def _link_key(url: str) -> str | None:
    try:
        return url_key(url)
    except ValueError:
        return None


def _live_mate(db: sqlite_utils.Database, story_id: int, own: Digest, own_source: int | None,
               linked: set[str], kind: RelatedKind) -> RelatedItem | None:
    """The newest report of the story whose page is not gone and that is neither the article
    nor linked already; None when there is none. For a "story" link, from another source than
    the article's own; for an "archive" link, published before the article (earlier coverage)."""
    where = ""
    args: list[object] = []
    if kind == "story":
        where, args = " and source_id != ?", [-1 if own_source is None else own_source]
    elif own.published_at is not None:
        where, args = " and published_at < ?", [iso(own.published_at)]
    rows = db.execute(
        "select url, url_key, title, headline, published_at from articles"
        f" where story_id = ? and page_status != ? and id != ?{where}"
        " order by coalesce(published_at, fetched_at) desc, id desc limit ?",
        [story_id, GONE, -1 if own.article_id is None else own.article_id, *args,
         len(linked) + 1]).fetchall()
    for url, key, title, headline, published in rows:
        if key in linked:
            continue
        name = headline or clean_headline(title or "", "") or url
        return RelatedItem(title=name, url=url, published_at=parse_iso(published), kind=kind)
    return None


_OURS: frozenset[str] = frozenset({"story", "archive"})  # links to articles we store


def live_related(db: sqlite_utils.Database, digests: Sequence[Digest]) -> list[Digest]:
    """`digests` with their links to a page gone for good (HTTP 404/410, digests.retries.GONE)
    replaced, or dropped when nothing can stand in: a "story" link by the story's newest live
    report from another source than the digest's own; an "archive" link (earlier coverage) by
    the newest live report of that link's story published before the digest's article. Never
    the digest's own article nor a link it has already; a "page" link (the site's own block) is
    left as it is.

    Stored digests keep the links they were made with — a page may go after the digests that
    link to it were written — so every reader-facing path asks here before it shows links. A
    digest without a gone link is returned as it is (the same object). One query for all the
    digests' links, one more per gone link.
    """
    wanted = {key for d in digests for item in d.related if item.kind in _OURS
              for key in [_link_key(item.url)] if key is not None}
    if not wanted:
        return list(digests)
    keys = sorted(wanted)
    gone: dict[str, int | None] = {}  # url key of a gone page → its story id
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i:i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for key, story_id in db.execute(
                f"select url_key, story_id from articles where page_status = ?"
                f" and url_key in ({marks})", [GONE, *chunk]).fetchall():
            gone[key] = story_id
    if not gone:
        return list(digests)
    out: list[Digest] = []
    for digest in digests:
        if not any(item.kind in _OURS and _link_key(item.url) in gone
                   for item in digest.related):
            out.append(digest)
            continue
        own_source = None
        if digest.article_id is not None:
            row = db.execute("select source_id from articles where id = ?",
                             [digest.article_id]).fetchone()
            own_source = row[0] if row else None
        linked = {k for k in (_link_key(u) for u in (digest.url, *(r.url for r in
                                                                   digest.related)))
                  if k is not None}
        related: list[RelatedItem] = []
        for item in digest.related:
            key = _link_key(item.url)
            if item.kind not in _OURS or key not in gone:
                related.append(item)
                continue
            story_id = gone[key] if key is not None else None
            if story_id is None or story_id < 0:  # a negative story is the article alone
                continue
            if item.kind == "archive" and story_id == digest.story_id:
                continue  # its own story now (merged): its reports are "story" links
            mate = _live_mate(db, story_id, digest, own_source, linked, item.kind)
            if mate is not None:
                linked.add(_link_key(mate.url) or mate.url)
                related.append(mate)
        out.append(replace(digest, related=tuple(related)))
    return out
