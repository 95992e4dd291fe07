"""X88 / QA60-4: any ADMIN_IDS that was not a list of numbers was refused with «… not
@usernames …», said to someone who wrote none («12,abc», «12 13»). The refusal now names the
piece that is wrong and why: a @username, a space where a comma goes, or not a number. Real
`run.py` processes (exit 2, one line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli_main import run_py

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


@pytest.mark.parametrize(("value", "said", "not_said"), [
    ("12,abc", "'abc' is not a number", "@usernames"),
    ("12 13", "commas, not spaces", "@usernames"),
    ("@nashra", "not @usernames", "not a number"),
])
def test_the_refusal_names_what_is_wrong(tmp_path: Path, value: str, said: str,
                                         not_said: str) -> None:
    proc = run_py(tmp_path, "bot", ADMIN_IDS=value, TELEGRAM_BOT_TOKEN=TOKEN)
    assert proc.returncode == 2, proc.stderr[-2000:]
    line = proc.stderr.strip().splitlines()[-1]
    assert "ADMIN_IDS" in line and said in line and not_said not in line, line
    assert "/stats" in line  # how to learn one's id, still
