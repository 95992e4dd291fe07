"""What happens to an article when it is stored: the ordered steps run inside the store transaction.

The ingest pipeline stores an article and then runs every step, in this order, in the same
transaction, so an article, its search index entry, its story, its digest and the deliveries it
causes commit together or not at all (nothing lost, nothing half-done):

1. search index   (digests.search_index.index_article)
2. story          (digests.stories.assign_story)
3. digest         (digests.digest.store_digest)
4. deliveries     (digests.new_deliveries.enqueue_article)

A step is `step(db, article, ctx) -> None`; it must not do network I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import sqlite_utils

from digests.models import Article
from digests.settings import Settings


@dataclass(frozen=True)
class StoreContext:
    """What a step may know besides the article.

    `backfill` is true when the article is not news to subscribers (a source's first poll, an
    entry older than the push window, a migration re-processing old rows): index, cluster and
    digest it, but enqueue no deliveries.
    """

    now: datetime
    settings: Settings
    backfill: bool = False
    # What to log once the store transaction commits (`said_after_commit`): a step's «deliveries
    # queued» inside a transaction a full disk rolls back, retried, told the operator 12 times
    # of alerts never stored (QA22 U9)
    after_commit: list[Callable[[], None]] = field(default_factory=list, compare=False)


Step = Callable[[sqlite_utils.Database, Article, StoreContext], None]


def default_steps() -> list[Step]:
    """The steps in order. Imported here, late, so each module stays independent of the others."""
    from digests.digest import store_digest
    from digests.new_deliveries import enqueue_article
    from digests.search_index import index_article
    from digests.stories import assign_story

    # The outbox is LAST: deliveries see the stored story and digest. The story step writes
    # articles.story_id after the Article value was built, so later steps read it from the row.
    return [index_article, assign_story, store_digest, enqueue_article]


def text_steps() -> list[Step]:
    """The steps to run again when a stored article's text changes (a page fetched late, see
    digests.retries): search index, story (the full text may match another story better; the
    step keeps the current one otherwise), then digest (its story links read the new story).
    Never the outbox: the article was already queued for readers, who must not get it twice."""
    from digests.digest import store_digest
    from digests.search_index import index_article
    from digests.stories import assign_story

    return [index_article, assign_story, store_digest]


def said_after_commit(ctx: StoreContext) -> None:
    """Log what the steps left for after the commit (the caller calls this once committed)."""
    for say in ctx.after_commit:
        say()
    ctx.after_commit.clear()


def run_steps(db: sqlite_utils.Database, article: Article, ctx: StoreContext,
              steps: list[Step] | None = None) -> None:
    """Run the steps for one stored article (the caller holds the transaction)."""
    for step in default_steps() if steps is None else steps:
        step(db, article, ctx)
