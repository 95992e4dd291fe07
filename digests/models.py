"""Value types shared across Nashra: frozen dataclasses, no behaviour beyond (de)serialisation.

These are the contracts between the layers: the fetcher produces `FeedEntry` and `Page`, storage
keeps `Article`, the condenser produces `Digest`, search returns `SearchHit`, and the bot renders
`Digest`s. Times are timezone-aware UTC datetimes or None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Literal

from digests.errors import Reason

RelatedKind = Literal["page", "archive", "story"]
QuoteKind = Literal["direct", "reported", "denial"]


def iso(dt: datetime | None) -> str | None:
    """ISO 8601 in UTC with offset, or None."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


def parse_iso(text: str | None) -> datetime | None:
    """Inverse of `iso`; naive values are taken as UTC."""
    if not text:
        return None
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


@dataclass(frozen=True)
class Source:
    """A feed we poll, with its health."""

    id: int
    url: str
    name: str
    etag: str | None = None
    last_modified: str | None = None
    last_success_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    consecutive_failures: int = 0
    next_poll_at: datetime | None = None
    active: bool = True
    last_error_why: Reason | None = None  # the last error as the bot words it (digests.errors)
    # with ALLOW_PRIVATE_SOURCES, whether its host may be private (digests.private_hosts): None
    # for a row that does not say (judged by its host's form)
    private_host: bool | None = None


@dataclass(frozen=True)
class RelatedItem:
    """A related link: from the page's own block, the archive, or the same story elsewhere."""

    title: str
    url: str
    published_at: datetime | None = None
    kind: RelatedKind = "page"

    def to_json(self, *, with_kind: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "url": self.url,
                               "published_at": iso(self.published_at)}
        if with_kind:
            out["kind"] = self.kind
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RelatedItem:
        return cls(title=data.get("title", ""), url=data.get("url", ""),
                   published_at=parse_iso(data.get("published_at")),
                   kind=data.get("kind", "page"))


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, as the feed describes it (before the page is fetched)."""

    url: str
    title: str = ""
    guid: str | None = None
    summary: str = ""
    published_at: datetime | None = None
    author: str = ""
    # The UTC offset (minutes) the date was written with; None: written without one, so
    # published_at is its wall-clock time read as UTC (digests.dates.publication_time).
    published_offset: int | None = 0
    # When the feed says it last changed the entry (Atom <updated>, JSON Feed date_modified;
    # RSS has none): a later one than stored means the site corrected it (digests.entry_changes)
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Page:
    """What we extracted from an article's HTML page."""

    title: str = ""
    published_at: datetime | None = None
    author: str = ""
    paragraphs: tuple[str, ...] = ()
    related: tuple[RelatedItem, ...] = ()
    published_offset: int | None = 0  # as FeedEntry.published_offset


@dataclass(frozen=True)
class Article:
    """A stored article: the feed entry merged with its page."""

    id: int
    source_id: int
    source_name: str
    url: str
    title: str
    published_at: datetime | None = None
    author: str = ""
    paragraphs: tuple[str, ...] = ()
    summary: str = ""
    related: tuple[RelatedItem, ...] = ()
    guid: str | None = None
    page_ok: bool = True
    story_id: int | None = None

    @property
    def text(self) -> str:
        """Body paragraphs joined by newlines (the summary when the page was not fetched)."""
        return "\n".join(self.paragraphs) if self.paragraphs else self.summary


@dataclass(frozen=True)
class Quote:
    """A key quote: verbatim text of the article and its speaker as written there."""

    text: str
    speaker: str
    kind: QuoteKind = "direct"

    def to_json(self) -> dict[str, Any]:
        """`text`, `speaker` and `kind`: "direct" (the speaker's words), "reported" (a
        paraphrase, to be shown as «بحسب X، …», not in quote marks) or "denial" (the clause the
        speaker denied, from its «أن»: shown «نفى X أن …», never as the speaker's claim)."""
        return {"text": self.text, "speaker": self.speaker, "kind": self.kind}


@dataclass(frozen=True)
class Digest:
    """What a reader sees of one article: headline, key quotes, related links, story."""

    url: str
    source: str
    headline: str
    published_at: datetime | None = None
    quotes: tuple[Quote, ...] = ()
    related: tuple[RelatedItem, ...] = ()
    story_id: int | None = None
    article_id: int | None = None
    # `published_at` is the story's first report's, not this report's (digests.story_age): the
    # block says «أول خبر منذ …» beside this report's source (QA47 Z7)
    story_dated: bool = False
    # the chat was sent this very report before and gets it again corrected in place
    # (digests.correction_updates): its update says «🔄 تعديل», not «🔄 تحديث» (X84)
    revised: bool = False
    # of a revised report, the headline the chat read before the correction (digests.
    # earlier_headlines.read_before): the update says what changed (QA63-12); "" when unknown
    was: str = ""
    # a search page's other reports of this event, of stories the index kept apart (digests.
    # search_events, QA68-13): (site name, url) each, shown as links under the entry; their
    # stories' sites count as this one's (digests.story_sites.sited)
    same_event: tuple[tuple[str, str], ...] = ()
    also_stories: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The object `run.py digest --json` and `run.py search --json` print."""
        return {
            "url": self.url,
            "source": self.source,
            "headline": self.headline,
            "published_at": iso(self.published_at),
            "quotes": [q.to_json() for q in self.quotes],
            "related": [r.to_json() for r in self.related],
            "story_id": self.story_id,
        }


@dataclass(frozen=True)
class SearchHit:
    """One article that matched a query, best first in a result list."""

    digest: Digest
    score: float
    matched: tuple[str, ...] = field(default=())  # the matched words as written in the article
    # article ids of other stories' reports folded under this one as the same event
    # (digests.search_events: the story index kept them apart), in page order
    also: tuple[int, ...] = field(default=())
