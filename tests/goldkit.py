"""Shared helpers for the tests of the hand-labelled gold sets in benchmarks/gold/.

The pick_pairs*.py scripts are not a package: they are loaded from their files. The gold files are
read as they are committed; the corpus check skips when ../shared/corpus is absent.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "gold"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
KINDS = {"reaction", "development", "other"}


def load_script(name: str) -> ModuleType:
    """benchmarks/gold/<name>.py as a module (registered, so scripts importing it find it)."""
    spec = importlib.util.spec_from_file_location(name, GOLD / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def row(id_: str, source: str, published: str, title: str, abstract: str) -> dict[str, Any]:
    """One corpus row with the fields the pair pickers read."""
    return {"id": id_, "source": source, "published": published, "title": title, "abstract": abstract}


def gold_rows(name: str) -> list[dict[str, Any]]:
    """The rows of a committed gold .jsonl file."""
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def pair_keys(rows: Iterable[dict[str, Any]]) -> list[frozenset[str]]:
    """Each row's unordered pair of article ids."""
    return [frozenset((r["a"], r["b"])) for r in rows]


def check_pair_row(r: dict[str, Any], set_name: str) -> None:
    """The shape every labelled story pair shares."""
    assert r["set"] == set_name
    assert r["a"].split("-")[0] != r["b"].split("-")[0]  # id prefix names the source
    assert isinstance(r["same"], bool) and r["stratum"] and "shared" in r
    assert ("kind" in r) == (not r["same"])
    assert r.get("kind", "other") in KINDS


def check_ids_in_corpus(name: str) -> None:
    """Every article id of a pairs file exists in the corpus (skipped without the corpus)."""
    if not CORPUS.exists():
        pytest.skip("corpus not beside the repository")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        ids = {json.loads(line)["id"] for line in fh}
    missing = {x for r in gold_rows(name) for x in (r["a"], r["b"])} - ids
    assert not missing
