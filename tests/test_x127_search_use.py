"""X127 (QA68-13): where the reports have stored USE vectors, a search page's event fold asks the
story step's own pair decision (USE inside the words' uncertain band, digests.stories._judge),
so two loosely worded reports of one event the words leave unsure are one entry — on an
invented archive (a real SQLite file, story vectors and USE vectors stored as the story step
stores them). The vectors are invented: the two reports of the fever share one (one meaning),
the ward's opening at the same hospital has another. Without a vector the words decide as
before (X124)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np
from test_search import NOW
from test_x124_search_events import HOSPITAL, WARD, _report

from digests import story_use
from digests.search import search
from digests.search_events import (
    FOLD_PROBABILITY,
    USE_FOLD_PROBABILITY,
    one_event,
    report_of,
    same_event,
    use_event,
)
from digests.storage import Database

# The same event in other words: the words are unsure (0.66: inside the band, under the fold).
FEVER = ("الحمى تنقل نتنياهو إلى هداسا",
         "قالت وسائل إعلام عبرية إن نتنياهو يخضع لفحوص في هداسا بعد أن أصيب بالحمى والسعال"
         " مساء الخميس.")


def _unit(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=story_use.DIMENSIONS).astype(np.float32)
    return v / np.linalg.norm(v)


EVENT, OTHER = _unit(1), _unit(2)  # the fever's meaning; the ward's


def _use(db: Database, article_id: int, vector: np.ndarray) -> None:
    with db.transaction() as tx:
        tx.execute(f"insert into {story_use.TABLE} (article_id, vector) values (?, ?)",
                   [article_id, story_use.to_blob(vector)])


def _archive(db: Database, vectors: dict[int, np.ndarray]) -> None:
    _report(db, 1, HOSPITAL, 5.0, 11, "BBC")
    _report(db, 2, FEVER, 4.0, 12, "CNN")
    _report(db, 3, WARD, 4.5, 13, "SKY")
    for article_id, vector in vectors.items():
        _use(db, article_id, vector)


def test_the_use_decision_folds_what_the_words_leave_unsure(database: Database) -> None:
    _archive(database, {1: EVENT, 2: EVENT, 3: OTHER})
    result = search(database.db, "نتنياهو", limit=10, now=NOW, fold_stories=True)
    entries = {h.digest.article_id: h.also for h in result.hits}
    assert set(entries) in ({1, 3}, {2, 3}), [h.digest.headline for h in result.hits]
    assert entries.get(1, entries.get(2)) in ((2,), (1,))
    assert entries[3] == () and result.stories == 2


def test_without_both_vectors_the_words_decide(database: Database) -> None:
    # an article no band pair asked about has no vector: nothing is embedded at search time
    _archive(database, {1: EVENT, 3: OTHER})
    hits = search(database.db, "نتنياهو", limit=10, now=NOW, fold_stories=True).hits
    assert sorted(h.digest.article_id or 0 for h in hits) == [1, 2, 3]
    assert all(not h.also for h in hits)


def test_the_pair_decisions() -> None:
    hospital = report_of(*HOSPITAL, NOW - timedelta(hours=5))
    fever = report_of(*FEVER, NOW - timedelta(hours=4))
    ward = report_of(*WARD, NOW - timedelta(hours=4.5))
    # the words: unsure of the fever (in the band), not sure enough of the ward either
    assert 0.25 <= same_event(hospital, fever) < FOLD_PROBABILITY
    assert use_event(hospital, fever) is None  # no vectors: the words' decision
    assert not one_event(hospital, fever)
    one, two = replace(hospital, use=EVENT), replace(fever, use=EVENT)
    assert (use_event(one, two) or 0.0) >= USE_FOLD_PROBABILITY and one_event(one, two)
    # another meaning at the same place stays apart, as does the same meaning 60 h on
    assert (use_event(one, replace(ward, use=OTHER)) or 1.0) < USE_FOLD_PROBABILITY
    later = replace(two, when=two.when + timedelta(hours=60))
    assert use_event(one, later) == 0.0 and not one_event(one, later)
