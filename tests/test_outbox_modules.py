"""The outbox's SQL lives in modules with one job each (digests.outbox_states lists them): no
module names them together any more, and nothing imports the old digests.outbox shim (Y5)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTBOX_MODULES = ("new_deliveries", "story_updates", "push_queue", "delivery_times",
                  "outbox_upkeep", "bundle_facts", "outbox_states")


def _shim_imports(source: str) -> list[int]:
    """Lines that import digests.outbox (`from digests import outbox`, `import digests.outbox`,
    `from digests.outbox import …`), at module level or inside a function."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "digests.outbox":
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "digests" \
                and any(alias.name == "outbox" for alias in node.names):
            lines.append(node.lineno)
        elif isinstance(node, ast.Import) \
                and any(alias.name == "digests.outbox" for alias in node.names):
            lines.append(node.lineno)
    return sorted(lines)


def test_no_module_imports_the_outbox_shim() -> None:
    assert not (ROOT / "digests" / "outbox.py").exists()
    found = {}
    for folder in ("bot", "digests", "cli", "benchmarks", "tests", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if lines := _shim_imports(path.read_text(encoding="utf-8")):
                found[str(path.relative_to(ROOT))] = lines
    assert found == {}
    # the check sees each way of importing it
    assert _shim_imports("from digests import outbox, subscriptions\n"
                         "def f():\n    from digests.outbox import claim\n"
                         "import digests.outbox\nfrom digests import outbox_states\n") == [1, 3, 4]


def test_the_overview_names_every_outbox_module() -> None:
    """digests.outbox_states' docstring is the map of the outbox now the shim is gone: it names
    each module that holds outbox SQL, and each of those exists."""
    import digests.outbox_states

    overview = digests.outbox_states.__doc__ or ""
    for name in OUTBOX_MODULES:
        assert (ROOT / "digests" / f"{name}.py").exists(), name
        assert f"- digests.{name} " in overview, name
    # and the other modules that change a row for a job of their own are named as such
    for path in sorted((ROOT / "digests").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        if any(f"{verb} outbox" in source for verb in ("into", "update", "delete from")) \
                and path.stem not in OUTBOX_MODULES:
            assert f"digests.{path.stem}" in overview, path.name
