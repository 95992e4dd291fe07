"""The `.env` that will hold the token is made readable by its owner only, by the very command
every place that says how to make it gives (QA69-2: `cp .env.example .env` under umask 022 left
it 0644 — the README's Quick start, «Go live», the sandbox's last line and the demo's hint)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

from bot.i18n import bilingual
from cli.rehearsal import ENV_MARK, go_live_problem
from cli.sandbox import _GO_LIVE

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKE_ENV = "install -m 600 .env.example .env"


def quick_start_step(n: int) -> str:
    section = README.split("## Quick start for operators", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"^{n}\. (.+?)(?=^\d+\. |\Z)", section, re.MULTILINE | re.DOTALL)
    assert match, f"Quick start has no step {n}"
    return match.group(1)


def test_quick_start_step_3_makes_a_env_only_its_owner_reads(tmp_path: Path) -> None:
    command = re.search(r"`([^`]*\.env\.example[^`]*)`", quick_start_step(3))
    assert command, "step 3 names no command making .env"
    shutil.copyfile(ROOT / ".env.example", tmp_path / ".env.example")
    os.chmod(tmp_path / ".env.example", 0o644)
    subprocess.run(["bash", "-c", f"umask 022; {command.group(1)}"], cwd=tmp_path, check=True,
                   timeout=60)
    made = tmp_path / ".env"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600, oct(made.stat().st_mode)
    assert made.read_bytes() == (ROOT / ".env.example").read_bytes()


def test_every_place_that_says_how_to_make_env_says_the_same(tmp_path: Path) -> None:
    assert "cp .env.example" not in README
    assert README.count(MAKE_ENV) >= 3  # Quick start 3, the sandbox's «To go live», «Go live»
    sandbox_env = tmp_path / ".env"
    sandbox_env.write_text(ENV_MARK + "\n", encoding="utf-8")
    refusal = go_live_problem(sandbox_env, tmp_path / "nashra.db", "1:" + "A" * 35,
                              "https://api.telegram.org/bot")
    for said in (_GO_LIVE, bilingual("demo_go_live"), refusal):
        assert said is not None and MAKE_ENV in said and "cp .env.example" not in said, said
