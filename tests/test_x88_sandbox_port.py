"""X88 / QA60-20: in a sandbox folder kept with --dir, the articles stored by an earlier run
kept that run's port: the second run's /push delivered links to the first run's sample site,
dead by then (a tester clicking one got a refused connection). A kept folder's run now serves
the sample news on the port the folder's feeds.txt names when it is free, so every stored link
stays live; only a busy port falls back to a new one (and the feeds move, as before). Real
`run.py sandbox` processes, a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.test_x53_sandbox import _sandbox


def _port(url: str) -> str:
    return url.split("/")[2].rsplit(":", 1)[1]


def test_a_kept_folders_links_stay_on_a_live_port(tmp_path: Path) -> None:
    folder = tmp_path / "sb"
    ports = []
    for _ in range(2):
        proc = _sandbox(tmp_path, "--dir", str(folder))
        assert proc.returncode == 0, (proc.stdout[-1500:], proc.stderr[-1500:])
        ports.append(_port((folder / "feeds.txt").read_text(encoding="utf-8").split()[0]))
    assert ports[0] == ports[1]
    with sqlite3.connect(folder / "nashra.db") as conn:
        urls = [r[0] for r in conn.execute("select url from articles")]
    assert urls and {_port(u) for u in urls} == {ports[1]}


def test_a_busy_earlier_port_falls_back_to_a_new_one(tmp_path: Path) -> None:
    import socket

    folder = tmp_path / "sb"
    proc = _sandbox(tmp_path, "--dir", str(folder))
    assert proc.returncode == 0, (proc.stdout[-1500:], proc.stderr[-1500:])
    first = _port((folder / "feeds.txt").read_text(encoding="utf-8").split()[0])
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", int(first)))
        taken.listen()
        proc = _sandbox(tmp_path, "--dir", str(folder))
    assert proc.returncode == 0, (proc.stdout[-1500:], proc.stderr[-1500:])
    second = _port((folder / "feeds.txt").read_text(encoding="utf-8").split()[0])
    assert second != first
    with sqlite3.connect(folder / "nashra.db") as conn:
        sources = [r[0] for r in conn.execute("select url from sources")]
    assert len(sources) == 3 and {_port(u) for u in sources} == {second}
