"""X83 (QA55-13, S3): the bot's start does not say the sources file «lists no feed» when it
lists one that was refused.

`SOURCES_FILE` holding one line, a feed on 127.0.0.1 without ALLOW_PRIVATE_SOURCES: the start
logged «sources file line skipped … private or loopback address refused», then «لا مصادر أخبار
يجلبها البوت (ملف المصادر … لا يذكر خلاصة) / … lists no feed». Now the second line says the file
lists one feed that was not added, and to look at the line above. A real `run.py bot` process
against the emulator.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from bot.emulator import Emulator
from digests.start_warnings import no_sources
from tests.test_cli_main import ROOT, SUBPROCESS_WAIT

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


def test_a_refused_line_is_not_called_no_feed(tmp_path: Path) -> None:
    sources = tmp_path / "f.txt"
    sources.write_text("http://127.0.0.1:47555/afrin.xml عفرين\n", encoding="utf-8")
    with Emulator(token=TOKEN) as emu:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("TELEGRAM_", "ADMIN", "ALLOW_"))}
        env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=emu.base_url,
                   DATABASE_PATH=str(tmp_path / "bot.db"), SOURCES_FILE=str(sources),
                   LOG_LEVEL="INFO", ADMIN_IDS="42")
        proc = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "bot"], cwd=tmp_path,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        try:
            emu.wait_for(lambda: emu.counters.get("method:getUpdates", 0) > 0,
                         timeout=SUBPROCESS_WAIT)
        finally:
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=SUBPROCESS_WAIT)
    warnings = [line for line in err.splitlines() if " WARNING " in line]
    assert any("sources file line skipped" in w for w in warnings), err[-3000:]
    [none] = [w for w in warnings if "no news source to poll" in w]
    assert "lists no feed" not in none and "لا يذكر خلاصة" not in none, none
    assert "lists 1 feed, not added" in none and "خلاصة واحدة لم تُضف" in none, none


def test_the_counts_read_in_both_languages() -> None:
    path = Path("f.txt")
    assert "لا يذكر خلاصة" in no_sources(path) and "lists no feed" in no_sources(path)
    assert "يذكر خلاصتين لم تُضافا" in no_sources(path, 2) and "lists 2 feeds" in no_sources(
        path, 2)
    assert "يذكر 5 خلاصات" in no_sources(path, 5) and "يذكر 12 خلاصة" in no_sources(path, 12)
