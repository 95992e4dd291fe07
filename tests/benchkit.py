"""Loading a benchmark script (benchmarks/*.py, not a package) in a test, as a module.

The module is registered in sys.modules under its name before it runs, because dataclasses and
pickling look their module up there.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load_file(path: Path, name: str) -> ModuleType:
    """The script at `path` run as the module `name`, registered in sys.modules first."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_benchmark(script: str, name: str) -> ModuleType:
    """benchmarks/<script>.py as the module `name` (loaded once; later calls reuse it)."""
    if name in sys.modules:
        return sys.modules[name]
    return load_file(BENCHMARKS / f"{script}.py", name)
