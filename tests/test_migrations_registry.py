"""digests.migrations: the registry names every step of schema_migrations and data_migrations once,
in order, under the name its function carries (the names are recorded in `_migrations`)."""

from __future__ import annotations

import inspect
import re

from digests import data_migrations, schema_migrations
from digests.migrations import MIGRATIONS

_STEP = re.compile(r"m(\d{3})_(\w+)")


def test_names_are_unique_and_in_order() -> None:
    names = [name for name, _ in MIGRATIONS]
    numbers = [int(name[:3]) for name in names]
    assert all(re.fullmatch(r"\d{3}_\w+", name) for name in names), names
    assert numbers == sorted(set(numbers)), names  # strictly ascending: none twice, none moved


def test_every_step_of_the_two_modules_is_registered_under_its_own_name() -> None:
    registered = {fn: name for name, fn in MIGRATIONS}
    for module in (schema_migrations, data_migrations):
        steps = [fn for fn_name, fn in inspect.getmembers(module, inspect.isfunction)
                 if _STEP.fullmatch(fn_name) and fn.__module__ == module.__name__]
        assert steps, module.__name__
        for fn in steps:
            assert fn in registered, f"{module.__name__}.{fn.__name__} is not in MIGRATIONS"
            assert registered[fn] == fn.__name__[1:], (registered[fn], fn.__name__)
