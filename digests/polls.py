"""What a poll reports: one report per source, where the time went, and the summary.

Values only (frozen dataclasses), produced by digests.pipeline.poll_once and read by the command
line, the scheduler and the bot's /ingest; digests.pipeline re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

SourceStatus = Literal["new", "unchanged", "failed"]


@dataclass(frozen=True)
class SourceReport:
    """The outcome of polling one source."""

    source_id: int
    name: str
    url: str
    status: SourceStatus
    entries: int = 0          # entries the feed listed
    new: int = 0              # articles stored now
    known: int = 0            # entries already stored (or removed) before this poll
    duplicates: int = 0       # new entries found to duplicate another article by content
    pages_failed: int = 0     # stored from the feed only: the page could not be fetched/read
    dropped: int = 0          # new entries left for a later poll (MAX_ENTRIES_PER_FEED)
    updated: int = 0          # stored articles the site corrected in place, new text stored
    # of `new`, those stored as backfill: searchable, never alerted (digests.article_store: the
    # source's first poll, its backlog, a page gone, older than 48 h)
    backfill: int = 0
    error: str | None = None
    next_poll_at: datetime | None = None


@dataclass(frozen=True)
class Timings:
    """Where a poll's time went, in seconds.

    `fetch` sums request latencies (concurrent requests overlap, and waiting for a per-host
    slot counts), `extract` is the CPU time of feed parsing and page extraction, `store` the
    wall time of the store transactions with their processing steps (they run one at a time).
    """

    fetch: float = 0.0
    extract: float = 0.0
    store: float = 0.0


@dataclass(frozen=True)
class PollSummary:
    """A whole poll: one report per source polled."""

    started_at: datetime
    reports: tuple[SourceReport, ...] = ()
    timings: Timings = field(default_factory=Timings)
    pages_retried: int = 0     # feed-only articles whose page was fetched again
    pages_recovered: int = 0   # … and is now in (text, related block, digest updated)
    digests_refreshed: int = 0  # stored digests made again by newer headline/quote rules

    @property
    def new(self) -> int:
        return sum(r.new for r in self.reports)

    @property
    def backfill(self) -> int:
        """Articles stored as backfill (never alerted), over every source."""
        return sum(r.backfill for r in self.reports)

    @property
    def dropped(self) -> int:
        """New entries left for a later poll, over every source (MAX_ENTRIES_PER_FEED)."""
        return sum(r.dropped for r in self.reports)

    @property
    def unchanged(self) -> int:
        return sum(1 for r in self.reports if r.status == "unchanged")

    @property
    def failed(self) -> int:
        return sum(1 for r in self.reports if r.status == "failed")
