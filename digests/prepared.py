"""The pure part of an article's processing, done before its store transaction.

A poll stores each article in one transaction with its steps (digests.processing): search index,
story, digest, deliveries. SQLite has one writer, so a bot handler's write (a chat recorded, a
button stored) waits for that transaction, at most HANDLER_BUSY_SECONDS (bot.app), and is
answered «busy» after it. The digest step's quote finding (`digests.quotes.key_quotes`, inside
`digests.digest.condense`) is most of a long page's transaction: ~0.25 s median, up to ~0.9 s
for the longest pages the caps allow, more on a loaded machine. It is a pure function of the
article's title and text, so the poll's writer finds it first (`prepare`), outside the
transaction, and the transaction only writes (`steps`):

- `prepare(title, paragraphs, summary)` condenses the article as it will be stored (headline and
  quotes; the related links need the archive and the story, which the transaction decides) and
  warms the word-key caches the search index, the story and the archive links read
  (`digests.arabic.analyze`).
- `steps(prepared)` is `digests.processing.default_steps()` with the digest step replaced by one
  that is `digests.digest.store_digest` given the prepared headline and quotes (`found=`): it
  finds only the related links in the transaction, not the quotes again. When the stored article is not the one prepared (its title, paragraphs or
  summary differ), the step is `store_digest` itself: what is stored never depends on the
  preparation (tests/test_prepared.py compares whole rows with and without it).

`AHEAD = False` stores as sessions 1–9 did (the benchmark's baseline, tests).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from digests.arabic import analyze
from digests.models import Article, Quote
from digests import processing
from digests.processing import Step, StoreContext

log = logging.getLogger(__name__)

AHEAD = True  # benchmarks/responsiveness.py and the tests compare with False


@dataclass(frozen=True)
class Prepared:
    """What an article's digest step needs that does not depend on the database."""

    title: str
    paragraphs: tuple[str, ...]
    summary: str
    headline: str
    quotes: tuple[Quote, ...]

    def fits(self, article: Article) -> bool:
        """Whether `article` (as stored) is the article this was prepared from."""
        return (article.title, article.paragraphs, article.summary) == (
            self.title, self.paragraphs, self.summary)


def prepare(title: str, paragraphs: Sequence[str], summary: str) -> Prepared | None:
    """Condense the article about to be stored: its headline and key quotes (pure).

    Args:
        title: the title it will be stored with.
        paragraphs: its page's body paragraphs (empty for a feed-only article).
        summary: the feed's summary.

    Returns:
        The prepared parts, or None when `AHEAD` is off or condensing failed (the digest step
        then does all of it in the transaction, as before; its own failure is reported there).
    """
    if not AHEAD:
        return None
    from digests.digest import condense

    paragraphs = tuple(paragraphs)
    try:
        bare = Article(id=0, source_id=0, source_name="", url="", title=title,
                       paragraphs=paragraphs, summary=summary)
        digest = condense(bare)
        # the index, story and archive-link steps analyze the same words in the transaction:
        # their per-word keys are cached from here on (digests.arabic.run_keys)
        analyze(title)
        analyze(bare.text)
    except Exception:  # the step condenses in place, and reports its own failure
        log.exception("article not condensed ahead; the digest step condenses it in place")
        return None
    return Prepared(title, paragraphs, summary, digest.headline, digest.quotes)


def steps(prepared: Prepared | None) -> list[Step]:
    """The processing steps for an article prepared (or not: the default steps)."""
    from digests.digest import store_digest

    found = processing.default_steps()  # looked up at call time: tests replace it
    if prepared is None:
        return found
    return [_digest_step(prepared) if step is store_digest else step for step in found]


def _digest_step(prepared: Prepared) -> Step:
    """`digests.digest.store_digest` with the headline and quotes found before the transaction."""
    from digests import digest

    def store_prepared(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
        if not prepared.fits(article):
            log.debug("prepared digest does not fit the stored article id=%s", article.id)
            digest.store_digest(db, article, ctx)
            return
        digest.store_digest(db, article, ctx, found=(prepared.headline, prepared.quotes))

    return store_prepared
