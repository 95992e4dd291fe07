"""X88 / QA60-5: `REDIRECT_ADOPT_POLLS=1` was accepted without a word (the code uses at least 3,
digests.settings.REDIRECT_ADOPT_MIN), although the key's table row says «at least 3» and «Configuration
mistakes are not silent». The start now warns «1 is below the minimum 3; 3 is used». A real
`run.py` process (its warning lines come before anything else happens)."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli_main import run_py


def test_a_value_below_the_minimum_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("REDIRECT_ADOPT_POLLS=1\n", encoding="utf-8")
    db = tmp_path / "x.db"
    proc = run_py(tmp_path, "--db", str(db), "sources", "list")
    warned = [line for line in proc.stderr.splitlines() if "REDIRECT_ADOPT_POLLS" in line]
    assert warned, proc.stderr[-2000:]
    assert "3" in warned[0] and "minimum" in warned[0] and "الأدنى" in warned[0], warned[0]


def test_the_minimum_itself_is_not_warned_about() -> None:
    from digests.config_warnings import config_warnings

    assert not [w for w in config_warnings({"REDIRECT_ADOPT_POLLS": "3"}, env_file=None)
                if "REDIRECT_ADOPT_POLLS" in w]


def test_the_warnings_minimum_is_the_codes() -> None:
    from digests import feed_moves, settings

    # one number since X89: feed_moves reads the settings' minimum
    assert feed_moves.REDIRECT_ADOPT_MIN is settings.REDIRECT_ADOPT_MIN
