"""The systemd unit shipped for operators (deploy/nashra.service) and README's «Running as a
service» agree with how the bot runs (QA69-13: the README relied on `systemctl stop` and «your
service manager's journal», and no unit or word said how to keep the bot running)."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "deploy" / "nashra.service"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys keep case
    parser.read(UNIT, encoding="utf-8")
    return parser


def test_the_unit_runs_the_venv_bot_as_a_user_and_restarts_it_on_failure() -> None:
    service = unit()["Service"]
    folder = service["WorkingDirectory"]
    assert service["ExecStart"] == f"{folder}/.venv/bin/python run.py bot"
    assert service["Restart"] == "on-failure"
    assert service["RestartPreventExitStatus"] == "2"  # cli.main's configuration errors
    assert service["User"] not in ("", "root") and service.get("Group") != "root"
    # run.py reads the .env beside it by its own rules; systemd's parser differs
    assert "EnvironmentFile" not in service
    assert unit()["Install"]["WantedBy"] == "multi-user.target"


def test_systemd_accepts_the_unit() -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None or not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("no systemd-analyze, or no .venv to point the unit at")
    folder = unit()["Service"]["WorkingDirectory"]
    text = UNIT.read_text(encoding="utf-8").replace(folder, str(ROOT))
    with_checkout = ROOT / ".pytest_cache" / "x103" / "nashra.service"
    with_checkout.parent.mkdir(parents=True, exist_ok=True)
    with_checkout.write_text(text, encoding="utf-8")
    proc = subprocess.run([analyze, "verify", str(with_checkout)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr


def test_the_readme_says_how_to_run_it_as_a_service() -> None:
    running = README.split("## Running the bot (operators)", 1)[1].split("\n## ", 1)[0]
    section = running.split("### Running as a service", 1)[1].split("\n### ", 1)[0]
    assert "(deploy/nashra.service)" in section
    service = unit()["Service"]
    assert service["ExecStart"].split()[0] in section and service["WorkingDirectory"] in section
    for command in ("systemctl enable --now nashra", "journalctl -u nashra",
                    "systemctl stop nashra", "make install", "install -m 600 .env.example .env"):
        assert command in section, command
    # where the README tells an operator to stop the bot or read its log, it points here
    upgrading = README.split("### Upgrading", 1)[1]
    quick = README.split("## Quick start for operators", 1)[1].split("\n## ", 1)[0]
    for text in (quick, upgrading):
        assert "(#running-as-a-service)" in text
    cron = next(line for line in README.splitlines() if "-delete" in line and "cd /" in line)
    assert re.search(rf"cd {re.escape(service['WorkingDirectory'])} ", cron), cron
