"""The digest of an article: headline, key quotes, related links — made and stored at ingest.

`condense` is pure: an `Article` (plus the archive articles and story siblings the caller found)
in, a `Digest` out. `store_digest` is the processing step (digests/processing.py, third, after
search indexing and story assignment) that finds those neighbours in the database, condenses and
writes the digest columns of `articles` in the caller's transaction. `load_digest` reads one back.

Related links, at most `MAX_RELATED`, no self-links, no duplicates by normalized URL:
1. the page's own related block (kind "page"), in page order;
2. earlier archive coverage of the same topic ("archive");
3. the same story from other sources ("story").
When the page block and the archive would fill every slot, up to `STORY_SLOTS` places are kept for
the story's other reports: "who else reports this" is worth more to a reader than one more old
archive link. Order stays page → archive → story.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import sqlite_utils

from digests.article_aliases import alias_urls, article_row_at
from digests.article_aliases import link_key as _key  # the store benchmarks swap _key
from digests.headline import clean_headline
from digests.models import Article, Digest, Quote, RelatedItem, RelatedKind, iso
from digests.processing import StoreContext
from digests.quote_marks import (  # re-exported: the finder's input bounds
    QUOTE_PARAGRAPH_CHARS,
    QUOTE_PARAGRAPH_MARKS,
    QUOTE_TEXT_CHARS,
    quotable,
)
from digests.quotes import key_quotes
from digests.records import (
    ARTICLE_SELECT,
    article_from_row,
    digest_from_row,
    quotes_to_json,
    related_from_json,
    related_to_json,
)
from digests.story_picks import in_time_order, story_priority

log = logging.getLogger(__name__)

MAX_RELATED = 5
STORY_SLOTS = 2
ARCHIVE_CANDIDATES = 8  # asked of the search index; some fall out as duplicates or self-links
MAX_STORY_SIBLINGS = 20
# The version of the headline and quote rules. Bump it when they change: stored digests of an older
# version get their headline and quotes made again, a batch per poll (`refresh_digests`).
CONDENSER_VERSION = 93  # 5: speakers and quote starts (F6); 6: no denied clauses; 7: «تابع،»; 8: F7; 9: F9; 10: F11; 11: F12; 12: K12; 13: F16; 14: F18; 15: F21; 16: F22; 17: F23; 18: F24; 19: X39 (own story link); 20: K15; 21: F25; 22: F25 (verb number); 23: F25 (bare trades); 24: F26 (a title's apposed name); 25: F26 (a verb clause keeps another's «إنها»); 26: F26 (a body named definite); 27: F26 (a title's field); 28: F26 («بال…» surnames, «، حيث»); 29: F26 (a posted statement); 30: F26 (a long title's name); 31: F27 (cue words); 32: F27 (a title's name after a setting, in marks; its firm); 33: F27 (bare «الرئيس», «المحكمة», definite plurals); 34: F27 (a work's author, «الرجل», a subject run into its object); 35: F27 («اتهم X Y بأنه», a stray closing mark); 36: F27 («أضاف X (34 عاماً)» speaks); 37: F28 (seed 29: a title's name after a rank or before marks, bare titles/embassies/platforms named before, «مصادر قريبة من …», an attribution after the marks, «نقل X تأكيده»); 38: F28 («النادي الإسباني» and kin named before, «— آخر» borrows the head before, «على كون», «أنها أول …»); 39: F28 (a verb clause shown with its «إنه/إنها», hashtag bodies); 40: F29 (a surname alone shows the fuller name written after a title, whom «أبلغ» told, a share's noun, the object with the subject's pronoun, «… بي بي سي وغيرها»); 41: F29 (a bare title shows the name set after it between commas); 42: F30 (seed 30: «أخرى» after a noun, «تُحدث أثرا», «أم أنّ», a time clause's «أن», a relative clause's voice of another gender); 43: F30 (a title's place then its name, «لي» opening a name); 44: F30 («لا يزال X يرى», the act a stance verb takes, an attribution after the marks of a named subject); 45: F30 (a name in marks after the verb, «وفقا لتصريحات X» after a document's clause); 46: F30 (people of a field: «مسؤولون في مجال …»); 47: F30 (a bare «وصفت» keeps what it described); 48: F30 (whom a name spoke to: «زيدان لبيل»); 49: F31 (seed 31: «الحقيقة أنّ» after a clause, «بيان رسمي», «تهدف لـ», bare «مطالب», «التابعة», the accused of «اتهام»); 50: F31 (F30's left: «الصحيفة البريطانية» is the one paper named, «المجموعة … تدعى "…"», «بالنسبة إلى "X"، … الشركة»); 51: F31 (narrator fragments: the grounds of a charge, marks after «على خلفية», marks left open after a verbal noun); 52: F31 (QA39 #4 the warned inside a statement, #28 «محتوى الرسالة», the writer's «نذكر أبرزها:»); 53: F31 («المجلس الأعلى لتنظيم الإعلام», a second title cut after «و»); 54: F32 (QA46 G2, seed 32: no speaker that is no one, «كان X قد … قائلا», «إن X سأل … قائلا», a quoted subject before a weekday, «بالنسبة لـX», no man for a woman’s bare cue); 55: F32 (a fronted phrase then a feminine verb: its subject goes on at «وقالت»); 56: F32 («باتخاذ» ends a subject); 57: F34 (a two-word clause after a verb of saying’s «إن/أن»); 58: F33 (seed 33: «يعتبر X …» read «is considered», «، كما أنّ», «كتبت أسماء …», an answer's «نعم»; a name ends before a describing participle, «ضيف/صاحب», a plural participle of speech; «بالوتيلي»; a title's name after its comma and a day, «علي» in it; «عناصر في …»; a rank's name past the word limit; a dangling title before «في»); 59: F33 (a question's «هل» after the speaker, «، علي …،» after a title's comma, a name alone when its title is cut mid-name); 60: F34 («وأوردت/ويورد X أن» a cue); 61: F33 («رئيسه/أمينها العام X» after a verb of saying or «عن» shows X); 62: F35 (QA50 E1: the accused/urged body or a criticised verbal noun after a named subject, a message and its sending verb are no speaker); 63: F35 («أعضاء من المجلس» named by their body after «من»); 64: F35 (QA50 E9: an elative describer keeps «في العالم»); 65: F35 (a title «في COUNTRY» then its name); 66: KEY (no weight against a quote of more than sixty words); 67: F36 (seed 34: «، خصوصاً أنّ» the writer's, «كان X، … فلسفة تقول», «الأمر» an object, a plural verb never goes on with a bare name, «المصدر» after an official, «من جهتها،» openers, a bare answer; «علي هامش» one «علي» test, «من كتب قديمة»); 68: review RG («سلطات/هيئة الأمر …» keep «الأمر», a movement's «وأضافوا»); 69: F37 (seed 35: «ب» + a verbal noun ends a name, «رحب X بتأكيدات Y أن» is Y's, an act opened by a verbal noun is no speaker, «بعد أن» after the marks attributes nothing, «حسبما توضح X» names the next bare speaker); 70: F38 (seed 36: «قال فيهما», a dual document, «ينبغي أن» + a verb of saying, «اتهم X بأنه» the accused, «نقلت X بيان Y», the object of «عن استهداف …» in marks, a subjunctive in marks keeps its clause; «كان X، الذي …، قد قال», «حسبما قال X» and «حسب ما أضاف بيان X» after the marks, a name before «لـ"…" أن», «في وقت سابق» and «وهي خطوة» no subject, «رجحت تقارير أن»); 71: X87 (QA58-7: a leading «عاجل» with no separator, left by a feed's tags); 72: F39 (QA59's wrong speakers: «وصف X ما حصل», «سوف تذكر X بأن», «وكان X قد … محذراً», «ورفض X …» goes on, «وقالت "فتح" في بيان», «استنكر محاولة … بأن», nobody at «فتأكد أنك»/«وُصف بأنه»/«يرى فيه»/«أفاد به», «الجميع»/«كل منهما»/«خطوة», an official's body, «دون الخوض», «الماضي» a surname, a glued comma, a court told, «لمن سمتهم», «فترة»); 73: Q40 (QA59: a name in marks nested in a quote, the unit a title heads, a link after a colon; headlines without direction controls, «شاهد» before a definite noun kept); 74: F40 (the accused body after a definite title, an event befalling someone no voice, an opening present verb before a name, a long unit name in marks then a rank and name, «مصدر في» + a body or a command's construct, a Chinese family name's fuller name, «المتوفى» ends a name); 75: K17 («كلمة/خطاب/تغريدة/بيان لـX …، قال فيها» credits X, not the one named last); 76: F41 (seed 37: kin told after a name, an indefinite «حكومة X» urged, a «مفاعلة» object, «عن X قوله», a medium's name told before «أن», «هو الذي» no statement, a glued «،إن», «أضاف X شيئا إلى», a genitive no nested subject, «محاميها» as written; QA59-20 «أعلم … أن» far, QA59-39 «وصول "…"» no statement); 77: X95 (QA64: story places to the closest reports, one per site first; archive links newest first); 78: F42 (seed 38: a titled subject of the opening verb goes on past its object, «فإن X أبلغ Y أنه», «X، الذي قال» after a comma, a body told before the marks, a subject after the medium told, a bare masculine singular never a broken plural («الأطباء», «التقارير») nor its participle, «يدعى "…"» no cue, «لم يؤكد X … لكنه أعلن» X's); 79: F43 (seed 39: an indefinite adjective alone no speaker, «تلقي» an object, a glued «عقب» ends a name, «يدعى X،» no claim, a medium's indefinite name then the subject, «"على X" أن» no quote, «الشركة» urged after a definite word, «سوف» and «الانتصار» end a name, one definite word told «للموقع», «، وذلك بحسب …» the writer's source); 80: X98 (QA64-8/-9/-11: the site's own earlier report of the story and the headline-whole earlier step chosen first among archive links; a story link repeating the headline after the others); 81: F44 (seed 40: a relative clause's verb without speech names no later speaker, what a clause's subject indicates stays the voice, «كان X، …، قال», a bare «تعتبر "…"» nobody's, a country then the object it considers, «رسالة/بيان X» after the verb, «الإنسان» and «ملموس» no voice; F43's left: «عندما اعتبر» after «قد» + verb + subject, «، وذلك بـX الأخير» the writer's, «وكالة أنباء "X"» whole, «المعنية» dangling, marks after «وقال X، هو الذي …», «بتصريح» no name, «مقابلة لـX مع Y حيث قال» X's); 82: M24 (finder_misses' largest classes: a verb of saying's «، إنّ» past a long aside, «شارحا/ذاكرا/مبرزا/مدعيا أن», «وبين X أن» read «بيّن», «عشية» ends a subject); 83: F45 (QA70-3/-9: an indefinite «تفعيل» verbal noun after a definite word («أعلنت الحكومة X تعطيل …») opens the object, «نقل X قول/كلام/تصريح(ات)/أقوال Y» names Y, «لضباط/لجنود» addressed); 84: REV2 («تسنيم», «تكريت» names, not the «تفعيل» act shape); 85: F46 (seed 41: «كشف حساب» a noun, «فالرئيس» the subject, the man killed no voice, a closer lost before the writer's «وأضاف بيان "X"»; «عمرة أديب» as the article spells it, «أخبر X أن», «اكتفى/توجه X بالقول», a careful or hidden reading no voice, «X، الذي قال في تغريدة …، قال فيها» X's); 86: X113 (QA71: a claim criticised is no line and a claim rejected a denial, «فتح تحقيق» ends a subject, «أشخاصا» gets «إنّ», a surname takes the name written after a title, «قناتي "X" و"Y"»); 87: F47 (T1's four: «لتتدخل X بعدها قائلة», «وحث الرئيس المستثمرين» the president, «… والسكان يقولون» the residents, «وهاجم المحتجون X، الذي قال» X); 88: F48 (seed 42: «… خبيرا طبيا قال إن» the expert, «الأرقام السابقة» no voice, a bare title reaches the name past its complement («المكلفة … سارة ساندرز») or the one name the body gives its title and nationality; QA74: «وصفها البعض بأنها» after a thing no line, «نفى X عزمه …» a denial, «وصفوا X بأنه» keeps X); 89: F49 (a name's last word spelled «إن/آن» («مون جاي إن»), a plural verb's subject before it («زعماء دينيين … وصفوا»), a title of a body named otherwise takes the name set before its construct form («رئيس النادي العاصمي أحمد العقيل»), lawyers' and judges' fuller names); 90: F50 (carried speakers: the subject written before a verb that opens no speech, not its object («ولكن الجيش اعترف بوجوده»), is the one a later bare cue means; a describer («ووصف X Y بأنه …») goes on speaking); 91: F51 (QA79: «ب» + the speech's form ends a speaker («أردوغان بخطاب له»), a compound surname («عبد الله», «أبو X») and «مواطنة تدعى X» shown fuller); 92: F52 (carried speakers: a bare cue goes on with its own sentence's subject — a voice named before written bare («وتطرق ماتيس … مؤكدا»), a titled subject after a fronted time («وفي وقت لاحق، تراجعت شركة …»), a name set off by a comma — not the voice named last); 93: F53 (QA80: «، وردا على ذلك،» ends a reported clause, «لمعرفة رأي X» no cue, «طلب X التي ترى» X, «، وكتبت السفارة …» its own subject, «عضو … عن مدينة X، NAME» reaches NAME)
REFRESH_BATCH = 200  # per poll: ~2 ms to condense + ~3 ms for the archive links each: ~1 s


def _item(article: Article, kind: RelatedKind) -> RelatedItem:
    title = clean_headline(article.title, article.text) or article.url
    return RelatedItem(title=title, url=article.url, published_at=article.published_at, kind=kind)


def merge_related(own_url: str, page: Iterable[RelatedItem], archive: Iterable[RelatedItem],
                  story: Iterable[RelatedItem], *, limit: int = MAX_RELATED,
                  story_slots: int = STORY_SLOTS,
                  aliases: Iterable[str] = (),
                  at: datetime | None = None, title: str = "") -> tuple[RelatedItem, ...]:
    """Related links in order page → archive → story, without self-links or duplicate URLs. A
    link to one of the article's `aliases` (its other addresses, QA50 E2) is a self-link.

    `at` is the article's date (digests.story_picks, QA64): the story places go to the reports
    closest to it, one per site first, shown in time order; archive links (given best first)
    are shown newest first. The page block stays as published, first (issue 4's acceptance:
    the seed's own block holds items dated years after it). `title`, the article's headline:
    a story report repeating it comes after the story's other reports (QA64-11)."""
    seen = {_key(own_url), *(_key(a) for a in aliases)}

    def fresh(items: Iterable[RelatedItem]) -> list[RelatedItem]:
        out = []
        for item in items:
            if not item.url.strip():
                continue
            k = _key(item.url)
            if k in seen:
                continue
            seen.add(k)
            out.append(item)
        return out

    pages = fresh(page)[:limit]
    story = list(story)
    # A report of the same story is a "story" link even when the archive search finds it too.
    story_keys = {_key(item.url) for item in story}
    archives = fresh(a for a in archive if _key(a.url) not in story_keys)
    stories = story_priority(fresh(story), at, own_url, title)
    room = limit - len(pages)
    keep_story = min(len(stories), story_slots, room)
    archives = in_time_order(archives[: max(0, room - keep_story)], newest_first=True)
    stories = in_time_order(stories[: room - len(archives)])
    return tuple(pages + archives + stories)


def condense(article: Article, *, archive: Sequence[Article] = (),
             story: Sequence[Article] = (), aliases: Sequence[str] = ()) -> Digest:
    """The digest of `article`.

    Args:
        article: the stored (or freshly extracted) article.
        archive: earlier articles on the same topic, best first (only those published before the
            article are used, when both dates are known).
        story: the same story's reports from other sources.
        aliases: the article's other addresses (digests.article_aliases): self-links too.

    Returns:
        Headline, at most three key quotes (verbatim, with speakers), at most five related links.
    """
    headline = clean_headline(article.title, article.text)
    paragraphs = article.paragraphs or ((article.summary,) if article.summary.strip() else ())
    quotes = key_quotes(paragraphs, headline)
    earlier = [a for a in archive
               if a.id != article.id and (article.published_at is None or a.published_at is None
                                          or a.published_at <= article.published_at)]
    siblings = [a for a in story if a.id != article.id]
    related = merge_related(
        article.url,
        (RelatedItem(r.title, r.url, r.published_at, "page") for r in article.related),
        (_item(a, "archive") for a in earlier),
        (_item(a, "story") for a in siblings),
        aliases=aliases, at=article.published_at, title=article.title,
    )
    return Digest(url=article.url, source=article.source_name, headline=headline,
                  published_at=article.published_at, quotes=quotes, related=related,
                  story_id=article.story_id, article_id=article.id)


# ---------------------------------------------------------------------------------------------
# Storage edge


def _story_siblings(db: sqlite_utils.Database, article: Article) -> list[Article]:
    if article.story_id is None:
        return []
    # The MAX_STORY_SIBLINGS closest in time to the article (QA64-1: the earliest were the
    # previews and the day before's step), in date order.
    at = iso(article.published_at) if article.published_at is not None else None
    rows = db.query(
        ARTICLE_SELECT + " where articles.story_id = ? and articles.id != ?"
        " and articles.source_id != ? order by abs(julianday(articles.published_at)"
        " - julianday(coalesce(?, articles.published_at))), articles.published_at limit ?",
        [article.story_id, article.id, article.source_id, at, MAX_STORY_SIBLINGS])
    return sorted((article_from_row(r) for r in rows),
                  key=lambda a: (a.published_at is None, iso(a.published_at) or ""))


def archive_for(db: sqlite_utils.Database, article: Article) -> list[Article]:
    """Earlier archive articles on the article's topic (digests.related), best first."""
    try:
        from digests.related import related_articles
    except ImportError:  # the search capability is not installed: no archive links
        return []
    return list(related_articles(db, article, limit=ARCHIVE_CANDIDATES,
                                 before=article.published_at))


def _current_story_id(db: sqlite_utils.Database, article: Article) -> int | None:
    """The story id as stored now (the story step runs before us and may have just set it)."""
    rows = list(db.query("select story_id from articles where id = ?", [article.id]))
    return rows[0]["story_id"] if rows else article.story_id


def _write(db: sqlite_utils.Database, digest: Digest, article_id: int, now: datetime) -> None:
    sql = ("update articles set headline = ?, quotes_json = ?, digest_related_json = ?,"
           " digested_at = ?{version} where id = ?")
    values = [digest.headline, quotes_to_json(digest.quotes), related_to_json(digest.related),
              iso(now)]
    try:
        db.execute(sql.format(version=", digest_version = ?"),
                   values + [CONDENSER_VERSION, article_id])
    except sqlite3.OperationalError as exc:
        # Only migration 004 (digesting old rows) runs before 010 adds the column; 010 then marks
        # those digests version 0 and they are refreshed like any other old digest.
        if "digest_version" not in str(exc):
            raise
        db.execute(sql.format(version=""), values + [article_id])


def _refresh_sibling(db: sqlite_utils.Database, sibling: Article) -> None:
    """Re-merge a sibling's stored related links with its story's current reports.

    Cheap: no search and no re-condensing, only its stored page/archive links plus one query for
    the story's reports from other sources, so an earlier report links to the later ones too.
    """
    rows = list(db.query("select digest_related_json, digested_at from articles where id = ?",
                         [sibling.id]))
    if not rows or rows[0]["digested_at"] is None:
        return  # never digested: the backfill or its own store will do it whole
    stored = related_from_json(rows[0]["digest_related_json"])
    related = merge_related(
        sibling.url,
        [r for r in stored if r.kind == "page"],
        [r for r in stored if r.kind == "archive"],
        [_item(a, "story") for a in _story_siblings(db, sibling)],
        at=sibling.published_at, title=sibling.title,
    )
    if related != stored:
        db.execute("update articles set digest_related_json = ? where id = ?",
                   [related_to_json(related), sibling.id])


def _refresh_siblings(db: sqlite_utils.Database, siblings: Sequence[Article]) -> None:
    """`_refresh_sibling` for every one of a story's `siblings`, reading the story once.

    One query for the story's reports in date order and one for the rows the links are made
    of, instead of a query of up to MAX_STORY_SIBLINGS whole rows for each sibling (a story of
    20 reports read 400 rows, bodies included, at each new report). Each sibling's links are
    its story-mates from other sources, first MAX_STORY_SIBLINGS by date, as `_story_siblings`
    finds them: the same ordered query, filtered here.
    """
    if not siblings or siblings[0].story_id is None:
        return
    members = db.execute(
        "select articles.id, articles.source_id, articles.digest_related_json,"
        " articles.digested_at, julianday(articles.published_at)"
        " from articles join sources on sources.id = articles.source_id"
        " where articles.story_id = ? order by articles.published_at",
        [siblings[0].story_id]).fetchall()
    stored = {m[0]: m for m in members}
    mates_of: dict[int, list[int]] = {}
    for sibling in siblings:
        row = stored.get(sibling.id)
        if row is None or row[3] is None:
            continue  # never digested: the backfill or its own store will do it whole
        mine = row[4]
        mates = [m for m in members if m[0] != sibling.id and m[1] != sibling.source_id]
        if mine is not None:  # the closest in time, as `_story_siblings` (QA64-1)
            mates = sorted(mates, key=lambda m: abs(m[4] - mine) if m[4] is not None else 1e9)
        keep = {m[0] for m in mates[:MAX_STORY_SIBLINGS]}
        mates_of[sibling.id] = [m[0] for m in members if m[0] in keep]
    wanted = sorted({i for ids in mates_of.values() for i in ids})
    items: dict[int, RelatedItem] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows = db.query(ARTICLE_SELECT + f" where articles.id in ({','.join('?' * len(chunk))})",
                        chunk)
        items.update((r["id"], _item(article_from_row(r), "story")) for r in rows)
    for sibling in siblings:
        if sibling.id not in mates_of:
            continue
        links = related_from_json(stored[sibling.id][2])
        related = merge_related(
            sibling.url,
            [r for r in links if r.kind == "page"],
            [r for r in links if r.kind == "archive"],
            [items[i] for i in mates_of[sibling.id] if i in items],
            at=sibling.published_at, title=sibling.title,
        )
        if related != links:
            db.execute("update articles set digest_related_json = ? where id = ?",
                       [related_to_json(related), sibling.id])


def store_digest(db: sqlite_utils.Database, article: Article, ctx: StoreContext, *,
                 found: tuple[str, tuple[Quote, ...]] | None = None) -> None:
    """Processing step: condense `article` and write its digest columns (caller's transaction).

    Reads archive candidates through digests.related.related_articles and the story's reports from
    other sources (same `articles.story_id`), then refreshes those reports' related links so each
    earlier report links to this one as a "story" link. `found`: the article's headline and key
    quotes, found before the transaction (digests.prepared) — only the related links are
    condensed here, without the text (the quotes are its only use of it).
    """
    story_id = _current_story_id(db, article)
    if story_id != article.story_id:
        article = replace(article, story_id=story_id)
    siblings = _story_siblings(db, article)
    archive = archive_for(db, article)
    aliases = alias_urls(db, article.id)
    if found is None:
        digest = condense(article, archive=archive, story=siblings, aliases=aliases)
    else:
        bare = replace(article, paragraphs=(), summary="")
        digest = replace(condense(bare, archive=archive, story=siblings, aliases=aliases),
                         headline=found[0], quotes=found[1])
    _write(db, digest, article.id, ctx.now)
    _refresh_siblings(db, siblings)
    log.debug("digest stored article_id=%s quotes=%d related=%d story_id=%s", article.id,
              len(digest.quotes), len(digest.related), story_id)


def load_digest(db: sqlite_utils.Database, article_id: int) -> Digest | None:
    """The stored digest of one article (the title stands in before it is digested), or None."""
    rows = list(db.query(ARTICLE_SELECT + " where articles.id = ?", [article_id]))
    return digest_from_row(rows[0]) if rows else None


def find_article(db: sqlite_utils.Database, url: str) -> Article | None:
    """The stored article at `url` (compared by normalized URL), or None. A second address of
    a stored page (digests.article_aliases) is that article."""
    row = article_row_at(db, url)
    return article_from_row(row) if row else None


def refresh_story_links(db: sqlite_utils.Database) -> int:
    """Re-merge the "story" links of every digested article that belongs to a story.

    For stories assigned after the digests were made (a story backfill). Returns how many
    articles were looked at.
    """
    rows = list(db.query(
        ARTICLE_SELECT + " where articles.story_id is not null and articles.digested_at is not null"
        " and articles.story_id in (select story_id from articles where story_id is not null"
        " group by story_id having count(distinct source_id) > 1) order by articles.id"))
    for row in rows:
        _refresh_sibling(db, article_from_row(row))
    return len(rows)


def backfill_digests(db: sqlite_utils.Database, ctx: StoreContext, *, batch: int = 500,
                     after_batch: Callable[[int], None] | None = None) -> int:
    """Digest every stored article whose `digested_at` is null (oldest first). Returns how many.

    `after_batch(n)` runs after each batch of `n` (migration 004 commits and logs progress there,
    so a killed start keeps what it made)."""
    done = 0
    last_id = 0
    while True:
        rows = list(db.query(
            ARTICLE_SELECT + " where articles.digested_at is null and articles.id > ?"
            " order by articles.id limit ?", [last_id, batch]))
        if not rows:
            return done
        for row in rows:
            store_digest(db, article_from_row(row), ctx)
            last_id = row["id"]
            done += 1
        if after_batch is not None:
            after_batch(len(rows))


@dataclass(frozen=True)
class Remade:
    """A digest made again (`remake_digests`) and the article row it was made from, as read:
    `write_remade` stores it only if the row is still that."""

    article_id: int
    row: tuple[tuple[str, Any], ...]
    digest: Digest


# The oldest digests' ids, newest article first among equals, from the index on
# (digest_version, id) alone: asked with the whole rows (ARTICLE_SELECT), SQLite read every
# old row, bodies included, to sort them — 1.1 s a slice at 100k articles (X121, QA72-5)
_OLDEST = ("select id from articles where digest_version < ?"
           " order by digest_version, id desc limit ?")


def _rows_of(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The ARTICLE_SELECT rows of `ids`, by id (those still stored)."""
    if not ids:
        return {}
    return {r["id"]: r for r in db.query(
        ARTICLE_SELECT + f" where articles.id in ({','.join('?' * len(ids))})", list(ids))}


def remake_digests(db: sqlite_utils.Database, *, limit: int = REFRESH_BATCH,
                   stop: Callable[[], bool] | None = None) -> list[Remade]:
    """Make up to `limit` digests of an older CONDENSER_VERSION again — headline, quotes and
    related links (the page's own block, earlier archive coverage, the story's other reports),
    so links chosen by older rules do not stay forever — without writing: reads only, no write
    lock needed (`write_remade` stores them). Newest first (what readers ask for). `stop`,
    asked between articles, ends early (the bot stops: QA64-13)."""
    ids = [int(r[0]) for r in db.execute(_OLDEST, [CONDENSER_VERSION, limit]).fetchall()]
    rows = _rows_of(db, ids)
    out: list[Remade] = []
    for article_id in ids:
        if out and stop is not None and stop():
            break  # the digest in hand was finished; the others wait for the next poll
        row = rows.get(article_id)
        if row is None:
            continue
        article = article_from_row(row)
        digest = condense(article, archive=archive_for(db, article),
                          story=_story_siblings(db, article), aliases=alias_urls(db, article.id))
        out.append(Remade(article_id, tuple(row.items()), digest))
    return out


def write_remade(db: sqlite_utils.Database, remade: Sequence[Remade]) -> int:
    """Store the `remade` digests, in the caller's transaction, each only if its article's row
    is as it was read: a correction, a story merge or a new report's story links written
    between the reading and now leave it for the next slice (made again from the new row).
    `digested_at` and the outbox are left as they are, so nothing is sent again. Returns how
    many were stored."""
    now = _rows_of(db, [r.article_id for r in remade])
    made = 0
    for r in remade:
        row = now.get(r.article_id)
        if row is None or tuple(row.items()) != r.row:
            continue
        digest = r.digest
        db.execute("update articles set headline = ?, quotes_json = ?, digest_related_json = ?,"
                   " digest_version = ? where id = ?",
                   [digest.headline, quotes_to_json(digest.quotes), related_to_json(digest.related),
                    CONDENSER_VERSION, r.article_id])
        made += 1
    if made:
        # one slice of a poll's batch; the poll logs the batch once with what is left (QA22 U5)
        log.debug("digests refreshed count=%d version=%d", made, CONDENSER_VERSION)
    return made


def refresh_digests(db: sqlite_utils.Database, *, limit: int = REFRESH_BATCH,
                    stop: Callable[[], bool] | None = None) -> int:
    """`remake_digests` and `write_remade` in the caller's transaction (module doc): up to
    `limit` digests of an older CONDENSER_VERSION made again, newest first. Returns how many
    were (0 once every digest is current). The poll's refresh makes them outside its write
    transaction instead (digests.pipeline, QA72-5)."""
    return write_remade(db, remake_digests(db, limit=limit, stop=stop))


def digests_left(db: sqlite_utils.Database) -> int:
    """How many stored digests an older CONDENSER_VERSION made (what `refresh_digests` still owes)."""
    row = db.execute("select count(*) from articles where digest_version < ?",
                     [CONDENSER_VERSION]).fetchone()
    return int(row[0]) if row else 0
