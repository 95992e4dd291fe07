"""QA73-14: a cached, shared related-article analysis cannot be written into: its body counts
and signature are read-only views (a write raised nothing before and changed what every later
article's search read)."""

from __future__ import annotations

import pytest

from digests import related_cache


def test_a_cached_analysis_is_read_only() -> None:
    related_cache.clear()
    first = related_cache.candidate(7, "غارة غزة مستشفى", "غارة غارة مستشفى غزة غزة")
    assert related_cache.candidate(7, "غارة غزة مستشفى", "غارة غارة مستشفى غزة غزة") is first
    assert first.body and first.signature
    with pytest.raises(TypeError):
        first.body["غارة"] = 99  # type: ignore[index]
    with pytest.raises(TypeError):
        first.signature["غزة"] = 0.0  # type: ignore[index]
    assert dict(first.body) == dict(related_cache.analyze_candidate(
        "غارة غزة مستشفى", "غارة غارة مستشفى غزة غزة").body)
    related_cache.clear()
