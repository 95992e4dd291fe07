"""A kept sandbox folder keeps the lines the operator added to its `.env` (QA69-14: every run
rewrote it, so DEFAULT_LANGUAGE, POLL_INTERVAL_MINUTES … could not be rehearsed there); the
sandbox's own keys are still written afresh at every run. Real `run.py` processes."""

from __future__ import annotations

from pathlib import Path

from cli.sandbox import OWN_KEYS, operator_lines, sandbox_env
from tests.test_x53_sandbox import _sandbox


def test_the_operators_lines_are_kept_and_the_sandboxs_keys_rewritten() -> None:
    first = sandbox_env("http://127.0.0.1:1/bot", None)
    assert operator_lines(first) == []  # nothing of the sandbox's own is "the operator's"
    edited = (first + "DEFAULT_LANGUAGE=en  # rehearse English\nADMIN_IDS=42\n"
              "export LOG_LEVEL=DEBUG\n")
    second = sandbox_env("http://127.0.0.1:2/bot", None, edited)
    assert "TELEGRAM_API_BASE_URL=http://127.0.0.1:2/bot" in second and ":1/bot" not in second
    assert second.count("ADMIN_IDS=") == 1 and "ADMIN_IDS=42" not in second
    assert "DEFAULT_LANGUAGE=en  # rehearse English" in second
    assert "export LOG_LEVEL=DEBUG" in second
    assert sandbox_env("http://127.0.0.1:3/bot", None, second).split("\n", 3)[3] == \
        second.split("\n", 3)[3]  # run after run: the same lines, the header not repeated
    assert set(OWN_KEYS) <= {line.split("=")[0] for line in first.splitlines() if "=" in line}


def test_a_setting_added_to_a_kept_folder_is_rehearsed(tmp_path: Path) -> None:
    folder = tmp_path / "sb"
    assert _sandbox(tmp_path, "--dir", str(folder)).returncode == 0
    with open(folder / ".env", "a", encoding="utf-8") as env:
        env.write("DEFAULT_LANGUAGE=en\n")
    proc = _sandbox(tmp_path, "--dir", str(folder), stdin="#-100777 /help\n/quit\n")
    assert proc.returncode == 0, (proc.stdout[-1500:], proc.stderr[-1500:])
    assert "DEFAULT_LANGUAGE=en" in (folder / ".env").read_text(encoding="utf-8")
    assert "Nashra commands:" in proc.stdout, proc.stdout[-1500:]  # the group is in English
