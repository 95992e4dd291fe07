"""The bot's read queries over the archive: a page of topic answers, the latest top stories,
one article's digest. Thin wrappers over digests.search and the `articles`/`stories` tables, so
handlers stay about Telegram. A report whose page is gone for good (HTTP 404/410,
digests.retries.GONE) is found by search and by its link, but never offered as a top story.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo

from digests.errors import QueryError
from digests.live_reports import GONE, live_report
from digests.models import Digest, iso
from digests.records import ARTICLE_SELECT, digest_from_row
from digests.storage import Database
from digests.story_face import faces

TOP_WINDOW = timedelta(hours=48)


@dataclass(frozen=True)
class Page:
    """One page of answers to a topic question (stories folded: one report per story).

    `has_more` is true only when the next page really holds a story (so «المزيد» never leads
    to "no more results"); `total` is what the page header shows: the number of matching stories
    — exact unless `total_exact` is False, when it is a lower bound (a very common topic is not
    counted whole; the header says «على الأقل» / "at least"). `note` says how the search fell
    back (digests.search.SearchResult.note: "trimmed", "all", "more" or "dropped", with the
    `dropped` words as written), so the reader is told the answer is not an exact one.
    `suggestions`: other spellings to offer — when nothing was found, or (first page only) beside
    a few hits when a far more common spelling exists (digests.suggestions.better_spellings).
    `read_as`: the text searched when the archive read a last «على» otherwise than typed
    (digests.search.SearchResult.read_as: «كاظم على» → «كاظم علي»), for the header.
    `muted_hidden`: on an empty first page, how many matches the chat's muted sources hold.
    `searched`: the words an all-words answer holds when the text had more (a sentence's:
    digests.search.SearchResult.searched), said in the note.
    """

    digests: tuple[Digest, ...]
    total: int
    suggestions: tuple[str, ...] = ()
    has_more: bool = False
    total_exact: bool = True
    note: str | None = None
    dropped: tuple[str, ...] = ()
    read_as: str | None = None
    muted_hidden: int = 0
    searched: tuple[str, ...] = ()


def search_page(db: Database, query: str, *, offset: int, limit: int, now: datetime,
                muted: frozenset[int] = frozenset(),
                within: tuple[datetime, datetime] | None = None,
                zone: tzinfo | None = None) -> Page:
    """Best matching stories for `query`, newest first among equals; suggestions when none.
    `muted`: the sources the asking chat muted (bot.reader_sources), left out by the search
    itself, so the page is full and its total counts only what the chat reads (X61).
    `within`: a day's (UTC) start and end, its reports alone (bot.day_search, QA76-19).
    `zone`: the reader's time zone, whose calendar days order the stories (QA78-15; None: the
    search's default, UTC+3).

    Raises:
        QueryError: nothing searchable in the query (only stop-words or punctuation).
    """
    # late: the search index is built elsewhere
    from digests.search import search
    from digests.suggestions import suggest

    # One folded hit more than shown: only a hit beyond this page proves that a next page
    # exists (a lower-bound story count cannot).
    result = search(db.db, query, limit=limit + 1, offset=offset, now=now, fold_stories=True,
                    muted=muted, within=within, zone=zone)
    if not result.hits and not result.terms:
        raise QueryError(result.message or f"nothing searchable in {query!r}")
    digests = tuple(with_folded(db, hit.digest, hit.also) for hit in result.hits[:limit])
    has_more = len(result.hits) > limit
    exact = True
    if has_more:
        total = max(int(result.stories), offset + limit + 1)
        exact = bool(result.stories_exact)
    else:  # the last page: its count is exact
        total = offset + len(digests)
    suggestions: tuple[str, ...] = ()
    # a topic the archive has in muted sources only: no other spelling to offer
    if not digests and offset == 0 and not result.muted_hidden and _may_suggest(result.terms):
        found = list(getattr(result, "suggestions", ()) or ()) or suggest(db.db, query, limit=5)
        suggestions = tuple(s for s in found if s and s != query)[:5]
    elif digests and offset == 0:
        suggestions = tuple(s for s in result.suggestions if s and s != query)[:3]
    return Page(digests=digests, total=total, suggestions=suggestions, has_more=has_more,
                total_exact=exact, note=result.note if digests else None,
                dropped=result.dropped if digests else (),
                read_as=result.read_as if digests else None,
                muted_hidden=result.muted_hidden if not digests and offset == 0 else 0,
                searched=result.searched if digests else ())


def with_folded(db: Database, digest: Digest, also: tuple[int, ...]) -> Digest:
    """`digest` with the reports a search page folded under it as the same event (digests.
    search_events, QA68-13): linked under it by their sites' names («وتقرير آخر عن الحدث
    نفسه: سكاي نيوز عربية»), their stories' sites counted as its story's («٣ مصادر»)."""
    from digests.story_sites import site_name  # late: a reader-side module

    folded = [d for d in (digest_by_article(db, a) for a in also) if d is not None]
    if not folded:
        return digest
    return replace(digest, same_event=tuple((site_name(d.source, d.url), d.url) for d in folded),
                   also_stories=tuple(dict.fromkeys(d.story_id for d in folded
                                                    if d.story_id is not None)))


SUGGEST_MAX_WORDS = 3  # a long question or a pasted paragraph gets no «هل تقصد»


def _may_suggest(terms: tuple[str, ...]) -> bool:
    """Nearby spellings help a mistyped name, not a number, a link or a paragraph."""
    words = [k for k in terms if not k.isdigit()]
    return 0 < len(words) <= SUGGEST_MAX_WORDS and len(words) == len(terms)


def latest_digests(db: Database, *, now: datetime, limit: int,
                   window: timedelta = TOP_WINDOW,
                   muted: frozenset[int] = frozenset(),
                   fall_back: bool = True) -> list[Digest]:
    """Top stories: those reported by the most articles in `window` before `now`, newest first
    among equals (by their newest report); one digest per story, shown under its face
    (digests.story_face: the report whose headline the story's other reports share most, the
    rule bundles and the daily digest use — X55: /digest showed the newest report, often a
    reaction or a side angle). An archive with nothing that recent (the demo's sample news, a
    quiet night) falls back to the newest stories stored, unless `fall_back` is False (a day's
    news: none that day is said, not filled with older stories — QA54-1). Reports whose page is gone (404/410)
    neither count nor are shown, nor published after `now`; nor those of `muted` sources (the
    asking chat's, bot.reader_sources: X61) — a story they alone told is left out, another is
    shown by a report the chat reads."""
    marks = ",".join("?" * len(muted))
    skip = f" and a.source_id not in ({marks})" if muted else ""
    newest = "coalesce(articles.published_at, articles.fetched_at) desc"
    biggest = ("(select count(*) from articles b where b.story_id = articles.story_id"
               f" and b.page_status != '{GONE}') desc, " + newest)
    passes = ((iso(now - window), biggest), (None, newest))
    for lower, order in passes if fall_back else passes[:1]:
        rows = list(db.db.query(
            f"""{ARTICLE_SELECT}
                where articles.id in (
                  select max(a.id) from articles a
                  where (? is null or coalesce(a.published_at, a.fetched_at) >= ?)
                    and coalesce(a.published_at, a.fetched_at) <= ?
                    and a.page_status != ?{skip}
                  group by coalesce(a.story_id, -a.id))
                order by {order}
                limit ?""",
            [lower, lower, iso(now), GONE, *sorted(muted), limit]))
        if rows:
            return _shown_by_face(db, [digest_from_row(r) for r in rows], now, muted)
    return []


def _shown_by_face(db: Database, digests: list[Digest], now: datetime,
                   muted: frozenset[int] = frozenset()) -> list[Digest]:
    """Each story of `digests` shown by its face among its reports published by `now` whose
    source is not `muted` (none such: the report given is kept); a story-less report stays
    itself."""
    stories = [d.story_id for d in digests if d.story_id is not None]
    # the face among the reports the chat reads (digests.story_face's `muted`, RA's review)
    chosen = faces(db.db, stories, before=iso(now), muted=muted) if stories else {}
    out: list[Digest] = []
    for digest in digests:
        face = chosen.get(digest.story_id) if digest.story_id is not None else None
        found = (digest_by_article(db, face)
                 if face is not None and face != digest.article_id else None)
        out.append(found or digest)
    return out


def live_digests(db: Database, digests: list[Digest] | tuple[Digest, ...]) -> list[Digest]:
    """`digests` to offer as news (/digest): each whose page is gone (404/410) replaced by the
    newest live report of its story, or left out when the story has none; no story twice."""
    out: list[Digest] = []
    seen: set[int] = set()
    for digest in digests:
        if digest.article_id is None:
            out.append(digest)
            continue
        live = live_report(db.db, digest.article_id, digest.story_id)
        if live is None or live in seen:
            continue
        seen.add(live)
        found = digest if live == digest.article_id else digest_by_article(db, live)
        if found is not None:
            out.append(found)
    return out


def digest_by_url(db: Database, url: str) -> Digest | None:
    """The stored digest of the article at `url` (matched by digests.urls.url_key: tracking
    parameters, fragment and host case ignored), or None. Never fetches the link."""
    from digests.article_aliases import article_row_at

    # a second address of a stored page is that article (QA25 E9)
    row = article_row_at(db.db, url)
    return digest_from_row(row) if row else None


def story_digest(db: Database, story_id: int) -> Digest | None:
    """The digest to show for a story id a button or an outbox row carried: the newest live
    report of the story it stands for now (an id merged into another resolves through
    digests.story_merges.resolve_story), or None when the story has no live report."""
    from digests.story_merges import resolve_story  # late: the story index is another module's job

    story = resolve_story(db.db, story_id)
    row = db.db.execute("select max(id) from articles where story_id = ? and page_status != ?",
                        [story, GONE]).fetchone()
    return digest_by_article(db, int(row[0])) if row and row[0] is not None else None


def digest_by_article(db: Database, article_id: int) -> Digest | None:
    """The stored digest of one article, or None."""
    row = next(iter(db.db.query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id])), None)
    return digest_from_row(row) if row else None

