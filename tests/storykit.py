"""The story step's tests' shared stand-ins: a judge holding each pair's probability fixed, the
words path, and a report moved into a story by hand (the layouts the S19–S35 tests build).

The pair probabilities are held fixed by a stand-in judge (`stories._judge`, as the benchmarks
swap it), so each test builds the exact story layout it names; the candidates, the vote, the
choice and the merge stay the step's own code. Import `probs` into a test module to use it as a
fixture there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import pytest

from digests import stories, story_model
from digests.models import Article
from digests.processing import StoreContext, run_steps
from digests.settings import Settings
from digests.storage import Database
from story_helpers import add_source, insert_article
from test_stories import _story_of


@pytest.fixture
def probs(monkeypatch: pytest.MonkeyPatch) -> dict[int, float]:
    """The arriving report's pair probability with each stored report (by id; absent: 0.0)."""
    table: dict[int, float] = {}

    def judge(sim: float, hours: float, evidence: Any, meaning: Any, other_id: int,
              blob: bytes | None) -> tuple[float, bool]:
        p = table.get(other_id, 0.0)
        return p, p >= 0.65

    monkeypatch.setattr(stories, "_judge", judge)
    return table


def word_model(settings: Settings) -> Settings:
    """`settings` on the words path (story_model "words"), whatever the test's default."""
    return dataclasses.replace(settings, story_model="words")


def move_to_story(db: Database, article_id: int, story_id: int) -> None:
    """Put a stored report in `story_id` by hand (a layout the step would not make on its own),
    both stories' rows refreshed."""
    with db.transaction() as tx:
        old = _story_of(db, article_id)
        tx.execute("update articles set story_id = ? where id = ?", [story_id, article_id])
        stories.refresh_story(tx, old or 0)
        stories.refresh_story(tx, story_id)


class FixedUse:
    """The USE pair model (story_use.pair_model) with its probability held at `p`, its decision
    0.65: only the rule under test decides (the S30 caption and S36 floor tests)."""

    def __init__(self, p: float) -> None:
        self.p, self.decision = p, 0.65

    def probability(self, values: Mapping[str, float], a: Any, b: Any) -> float:
        return self.p

    def same(self, values: Mapping[str, float], p: float) -> bool:
        return p >= story_model.needed({**values, story_model.MEANING: 0.0}, self.decision)


def store_report(db: Database, settings: Settings, name: str, doc: tuple[str, str],
                 t0: datetime, hours: float) -> Article:
    """A new source `name` and its report `doc` (title, text) published `hours` after `t0`, given
    its story by the real step then."""
    source = add_source(db, name, t0)
    with db.transaction() as tx:
        article = insert_article(tx, source, doc[0], doc[1], t0 + timedelta(hours=hours), t0)
    with db.transaction() as tx:
        run_steps(tx, article, StoreContext(now=t0 + timedelta(hours=hours), settings=settings),
                  steps=[stories.assign_story])
    return article


def story_id(db: Database, article: Article) -> int:
    """The story `article` is stored in."""
    return int(db.db.execute("select story_id from articles where id = ?",
                             [article.id]).fetchone()[0])
