"""digests.vector_memo: the last texts' vectors, shared read-only, the oldest forgotten."""

from __future__ import annotations

import numpy as np
import pytest

from digests.vector_memo import Vectors, VectorMemo


def test_a_text_is_embedded_once_shared_read_only_and_the_oldest_forgotten() -> None:
    calls: list[str] = []

    def embed(text: str) -> Vectors:
        calls.append(text)
        return np.full(3, len(calls), dtype=np.float32)

    memo = VectorMemo(2)
    first = memo.get("a", embed)
    assert memo.get("a", embed) is first and calls == ["a"]
    with pytest.raises(ValueError):
        first[0] = 9.0  # every caller shares it
    memo.get("b", embed)
    memo.get("a", embed)  # «a» used last: «b» is the oldest now
    memo.get("c", embed)
    memo.get("a", embed)
    memo.get("b", embed)
    assert calls == ["a", "b", "c", "b"]
