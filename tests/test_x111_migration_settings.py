"""QA73-8: the migrations that run the store steps (004's digests, 053's re-run of a repaired
article) take the run's Settings, given by the command line (`set_upgrade_settings`), not a
fresh Settings() of defaults; with none given (a test, a script) the defaults, as before."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from digests import data_migrations, mojibake_repair
from digests.settings import Settings
from digests.storage import Database

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def operators(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    monkeypatch.setattr(data_migrations, "UPGRADE_SETTINGS", [])
    monkeypatch.setattr(data_migrations, "UPGRADE_LANGUAGE", [])
    return Settings(database_path=tmp_path / "nashra.db", default_language="en",
                    poll_interval_minutes=7)


def test_migration_004_digests_with_the_runs_settings(
        operators: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[Settings] = []

    def backfill(db: object, ctx: Any, **kwargs: object) -> None:
        seen.append(ctx.settings)

    monkeypatch.setattr("digests.digest.backfill_digests", backfill)
    with Database(tmp_path / "a.db") as db:
        seen.clear()  # the migrations the open ran
        data_migrations.m004_backfill_digests(db.db)
        assert seen == [Settings()]  # nothing given: the defaults
        data_migrations.set_upgrade_settings(operators)
        data_migrations.m004_backfill_digests(db.db)
    assert seen[-1] is operators
    assert data_migrations.UPGRADE_LANGUAGE == ["en"]  # 030's language comes with them


def test_migration_053_reruns_an_article_with_the_runs_settings(
        operators: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Settings] = []
    monkeypatch.setattr("digests.archive.get_article",
                        lambda sql, article_id: SimpleNamespace(id=article_id, story_id=None))
    monkeypatch.setattr("digests.processing.run_steps",
                        lambda sql, article, ctx, steps: seen.append(ctx.settings))
    data_migrations.set_upgrade_settings(operators)
    mojibake_repair._rerun(object(), 5, NOW)  # type: ignore[arg-type]
    assert seen == [operators]
