"""Command 'digest': print the digest of one article, stored or fetched once.

`run.py digest URL [--json] [--db PATH]` looks the article up in the database by normalized URL
and prints its stored digest; an article not stored yet is fetched once (digests.fetcher), its page
extracted (digests.pages) and condensed on the spot, with archive links from the database when
there is one — unless its text is a stored article's (a second address of the same page: that
article's digest, digests.article_aliases). Nothing is written.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from bot.lines import clean
from bot.story_quotes import quote_line, shown_kind
from cli.dbpath import no_archive_note, path_origin
from digests.article_aliases import same_text_id
from digests.dates import publication_time, stored_time
from digests.digest import archive_for, condense, find_article, load_digest
from digests.related import live_related
from digests.story_sites import site_name, site_of
from digests.errors import FetchError, NashraError, ParseError
from digests.feeds import parse_feed
from digests.models import Article, Digest, Quote
from digests.settings import Settings
from digests.storage import Database
from digests.urls import content_hash, is_http_url

_KIND_LABELS = {"page": "من الصفحة / on the page", "archive": "من الأرشيف / archive",
                "story": "القصة نفسها من مصدر آخر / same story elsewhere"}


def _source_row(db: Database | None, url: str) -> dict[str, Any] | None:
    """The stored source of `url`'s site (its host and port, «www.» folded: several sites on one
    address, QA50 E12's five on 127.0.0.1, are several sites), active or removed (a paused
    source is still the site's), else of its host when there is exactly one. Several feeds of
    one site name the site when their names share it («فرانس 24 — دولي», «فرانس 24 — رياضة» →
    «فرانس 24»; digests.story_sites.site_name), and give their local offset when they agree;
    feeds of other names name none (the page may be any one's)."""
    host = (urlsplit(url).hostname or "").lower()
    if db is None or not host:
        return None
    rows = [dict(row) for row in db.db.query("select name, url, utc_offset_minutes from sources")]
    site = site_of(url)
    same = [r for r in rows if site_of(r["url"]) == site]
    if not same:
        same = [r for r in rows if (urlsplit(r["url"]).hostname or "").lower() == host]
        return same[0] if len(same) == 1 else None
    if len(same) == 1:
        return same[0]
    names = {site_name(r["name"], r["url"]) for r in same}
    offsets = {r["utc_offset_minutes"] for r in same}
    if len(names) != 1:
        return None
    return {"name": names.pop(), "url": same[0]["url"],
            "utc_offset_minutes": offsets.pop() if len(offsets) == 1 else None}


def _is_feed(body: bytes, headers: Mapping[str, str], url: str) -> bool:
    """Whether a fetched link is an RSS/Atom/JSON feed rather than a page (a feed parses to
    entries; a web page does not)."""
    head = body.lstrip()[:200].lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return False
    try:
        return bool(parse_feed(body, headers, url))
    except ParseError:
        return False


async def _fetch_article(url: str, settings: Settings, db: Database | None) -> Article:
    from digests.extractor import cap_page
    from digests.fetcher import Fetcher
    from digests.pages import extract_page

    # Fetched as ingest fetches a page (QA14 F5, F13): the page byte cap, no images or PDFs, and
    # the text cut where it is extracted, so one hostile link costs what it costs ingest.
    async with Fetcher(settings) as fetcher:
        fetcher.private.trust(url)  # the operator typed it: theirs, as a source is (QA38 A4)
        result = await fetcher.fetch(url, page=True)
    if _is_feed(result.body, result.headers, result.final_url):
        raise NashraError(
            f"هذا رابط خلاصة وليس مقالًا؛ أضفه مصدرًا: python run.py sources add {url}\n"
            f"this is a feed, not an article: add it as a source with "
            f"python run.py sources add {url}")
    try:
        page = cap_page(extract_page(result.text(), result.final_url))
    except ParseError as exc:
        raise ParseError(f"الصفحة ليست مقالًا يمكن قراءته / not a readable article page: "
                         f"{url} ({exc})") from exc
    if not page.paragraphs and not page.title:
        raise ParseError(f"لم أجد نص مقال في الصفحة / no article text found at {url}")
    source = _source_row(db, result.final_url)
    # The ingest rule for a page date written without an offset: the source's learned local
    # offset, else SOURCE_UTC_OFFSET_MINUTES (digests.dates.publication_time).
    # No date, or one in the future: the fetch time, as an ingested article (digests.dates).
    now = datetime.now(timezone.utc)
    published = stored_time(publication_time(
        None, None, page.published_at, page.published_offset,
        source_offset=source["utc_offset_minutes"] if source else None,
        default_offset=settings.source_utc_offset_minutes, now=now), now)
    name = str(source["name"]) if source else (urlsplit(result.final_url).hostname or "").lower()
    return Article(id=0, source_id=0, source_name=name,
                   url=result.final_url, title=page.title, published_at=published,
                   author=page.author, paragraphs=page.paragraphs, related=page.related)


def get_digest(url: str, settings: Settings) -> Digest:
    """The stored digest of `url`, or the digest of the page fetched once.

    Raises:
        NashraError: the URL is not http(s), the fetch failed, or the page holds no article.
    """
    if not is_http_url(url):
        raise NashraError(f"الرابط ليس عنوان http(s) صالحًا / not an http(s) URL: {url}")
    db = Database(settings.database_path) if settings.database_path.exists() else None
    try:
        if db is not None:
            stored = find_article(db.db, url)
            if stored is not None:
                digest = load_digest(db.db, stored.id)
                if digest is not None:  # a "story" link to a page since gone is replaced
                    return live_related(db.db, [digest])[0]
        try:
            article = asyncio.run(_fetch_article(url, settings, db))
        except FetchError as exc:
            raise NashraError(
                f"تعذر جلب الصفحة، تحقق من الرابط أو حاول لاحقًا / could not fetch the page: {exc}"
            ) from exc
        if db is not None:  # the page of a stored article at an address no poll recorded
            twin = _stored_twin(db, article)
            if twin is not None:
                return twin
        return replace(condense(article, archive=archive_for(db.db, article) if db else []),
                       article_id=None)
    finally:
        if db is not None:
            db.close()


def _stored_twin(db: Database, article: Article) -> Digest | None:
    """The stored digest of the article a fetched page repeats (QA25 E9: a site publishing
    one article under two section URLs; ingest kept the first), or None: the same story,
    related links and quotes as its first address gets, not a poorer digest made on the spot."""
    body = "\n".join(article.paragraphs)
    twin = same_text_id(db.db, content_hash(article.title, body), body)
    digest = load_digest(db.db, twin) if twin is not None else None
    return live_related(db.db, [digest])[0] if digest is not None else None


def quote_text(quote: Quote) -> str:
    """One key quote as plain text, worded as the bot words it (bot.story_quotes.quote_line,
    one rule for both): direct speech «…» — speaker; reported speech «بحسب X، …» (X in the
    genitive, or «… — X» when its case cannot be settled); a clause kept with its verb (a hedge
    or forecast «توقعت شركة BP أن …») as the article wrote it, its speaker not said twice
    (QA25 E3: the CLI printed «بحسب شركة BP، توقعت شركة BP …»); a paraphrase in the first
    person as direct speech; a denial «نفى X أن …»; "" for a paraphrase or denial without a
    speaker (the writer's own text). Bidi marks dropped (`clean`)."""
    line = quote_line(quote, "ar")
    return clean("".join(span.text for span in line)) if line else ""


def render_text(digest: Digest) -> str:
    """Human output, Arabic first; texts from feeds cleaned of bidi controls (QA14 F14)."""
    lines = [clean(digest.headline) or "(بلا عنوان / untitled)"]
    meta = [clean(digest.source)] if digest.source else []
    if digest.published_at is not None:
        meta.append(digest.published_at.strftime("%Y-%m-%d %H:%M UTC"))
    if meta:
        lines.append(" · ".join(meta))
    lines.append(digest.url)
    lines.append("")
    if digest.quotes:
        lines.append("اقتباسات رئيسية / key quotes:")
        for q in digest.quotes:
            line = clean(quote_text(q))
            if line:
                lines.append(f"  {line}")
    else:
        lines.append("لا اقتباسات / no quotes")
    if digest.related:
        lines.append("")
        lines.append("روابط ذات صلة / related:")
        for r in digest.related:
            date = f" ({r.published_at:%Y-%m-%d})" if r.published_at else ""
            lines.append(f"  • {clean(r.title)}{date} — {_KIND_LABELS.get(r.kind, r.kind)}")
            lines.append(f"    {r.url}")
    if digest.story_id is not None:
        lines.append("")
        lines.append(f"القصة / story: {digest.story_id}")
    return "\n".join(lines)


def digest_json(digest: Digest) -> dict[str, Any]:
    """The digest as `--json` prints it (`digest`, `search`): `Digest.to_json` with each
    quote's kind as the bot and the text output show it (bot.story_quotes.shown_kind, QA50 E8:
    a first-person paraphrase is shown in quote marks, so it is "direct")."""
    out = digest.to_json()
    out["quotes"] = [{**q.to_json(), "kind": shown_kind(q)} for q in digest.quotes]
    return out


def digest_command(args: argparse.Namespace, settings: Settings) -> int:
    """`run.py digest URL [--json]`."""
    if not settings.database_path.exists():
        print(no_archive_note(settings.database_path, path_origin(settings)), file=sys.stderr)
    digest = get_digest(args.url, settings)
    if args.json:
        print(json.dumps(digest_json(digest), ensure_ascii=False, indent=2))
    else:
        print(render_text(digest))
    return 0
