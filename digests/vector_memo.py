"""The last texts' vectors, remembered: both meaning models (digests.semantic's e5,
digests.story_use's USE) embed a report ahead of the store transaction and the story step asks
for the same text again inside it; a page retry that changed nothing asks a third time.

A small LRU by text behind its own lock (the models serialise their forward pass on theirs);
a vector handed out is read-only, since every caller that asks for the text shares it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class VectorMemo:
    """The vectors of the last `size` texts asked for."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._vectors: OrderedDict[str, Vectors] = OrderedDict()

    def get(self, text: str, embed: Callable[[str], Vectors]) -> Vectors:
        """`text`'s vector: remembered, or `embed(text)` (outside the lock) remembered now."""
        with self._lock:
            hit = self._vectors.get(text)
            if hit is not None:
                self._vectors.move_to_end(text)
                return hit
        vector = embed(text)
        vector.setflags(write=False)
        with self._lock:
            self._vectors[text] = vector
            if len(self._vectors) > self.size:
                self._vectors.popitem(last=False)
        return vector
