"""Smoke run of benchmarks/delivery.py on tiny input: the script works and loses nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_delivery_benchmark_smoke() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "delivery.py"), "--smoke",
         "--parts", "broadcast,crash", "--subscribers", "25", "--kills", "2"],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines()
                 if line.startswith(("broadcast ", "crash ")))
    broadcast = json.loads(lines["broadcast"])
    assert broadcast["lost"] == [0] and broadcast["duplicates"] == [0]
    crash = json.loads(lines["crash"])
    assert crash["lost"] == 0 and crash["rows_not_sent"] == 0
    # at least once: a kill may duplicate what was on the wire, never more than in flight
    assert crash["duplicates"] <= sum(crash["in_flight_at_kill"]) <= 2 * 8
