"""Smoke test of benchmarks/locked_sender.py on three chats (figures are not asserted as times,
only what must hold whatever the machine: nothing sent under the lock, nothing twice)."""

from __future__ import annotations

from benchkit import load_benchmark


def test_locked_sender_benchmark_runs_on_three_chats() -> None:
    module = load_benchmark("locked_sender", "bench_locked_sender")
    figures = module.main(["--chats", "3", "--hold", "4"])
    assert figures["sent_during_lock"] == 0
    assert figures["chats_twice"] == 0
    assert figures["answers"] >= 1
