"""A lookup stuck in a hanging resolver does not hold the process at its exit (REV s25 #5).

digests.addresses runs the fetcher's lookups on their own pool (94b3747). A ThreadPoolExecutor's
workers are joined when the interpreter exits (concurrent.futures registers that join), so a
process whose lookup never came back never ended: systemd's stop timeout had to kill it. The
lookup threads are daemon threads now, and nothing joins them. A real child interpreter whose
socket.getaddrinfo never returns: it gives up on the lookup, ends its event loop and exits.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from digests import addresses

ROOT = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent("""
    import asyncio, socket, threading

    from digests import addresses

    def hang(*args, **kwargs):
        threading.Event().wait()  # a resolver that never answers

    socket.getaddrinfo = hang

    async def main():
        try:
            async with asyncio.timeout(0.2):
                await addresses.resolve_addresses("news.hang.test", 443)
        except TimeoutError:
            print("gave up", flush=True)

    asyncio.run(main())
    print("leaving", flush=True)
""")

# Generous: the child's own work takes well under a second; before the fix it never ended.
HANG_GUARD_SECONDS = 60


def test_a_hanging_lookup_does_not_hold_the_exit() -> None:
    try:
        done = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True,
                              text=True, timeout=HANG_GUARD_SECONDS)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"the process did not exit: a lookup thread held it (stdout={exc.stdout!r})")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["gave", "up", "leaving"]


def test_lookups_still_answer_and_run_on_named_daemon_threads() -> None:
    """The pool still resolves (an IP literal needs no thread; localhost does), bounded and
    named as the REV s25 pool's threads."""
    import asyncio

    seen: list[threading.Thread] = []

    def who() -> str:
        seen.append(threading.current_thread())
        return "ok"

    async def main() -> tuple[list[str], str]:
        found = await addresses.resolve_addresses("localhost", 80)
        ran = await asyncio.get_running_loop().run_in_executor(addresses._LOOKUPS, who)
        return found, ran

    found, ran = asyncio.run(main())
    assert ran == "ok" and found
    assert all(t.daemon and t.name.startswith("dns-lookup") for t in seen)


def test_a_failing_lookup_raises_its_error() -> None:
    import asyncio

    def fail() -> None:
        raise OSError("no such host")

    async def main() -> None:
        await asyncio.get_running_loop().run_in_executor(addresses._LOOKUPS, fail)

    with pytest.raises(OSError, match="no such host"):
        asyncio.run(main())


def test_the_pool_reuses_idle_threads_and_keeps_its_cap() -> None:
    """digests.daemon_pool: calls one after another use one thread; calls that block at once
    start at most `workers`, the rest queue and run when one is free."""
    from digests.daemon_pool import DaemonPool

    pool = DaemonPool(2, "test-pool")
    for i in range(5):
        assert pool.submit(lambda n: n * 2, i).result(10) == i * 2
    assert pool.threads == 1
    release = threading.Event()
    blocked = [pool.submit(release.wait, 10) for _ in range(4)]
    assert pool.threads == 2
    assert not any(f.done() for f in blocked[2:])
    release.set()
    assert [f.result(10) for f in blocked] == [True] * 4
    assert pool.threads == 2
    pool.shutdown(wait=True)  # returns: nothing is joined


def test_a_queued_call_cancelled_is_skipped() -> None:
    from digests.daemon_pool import DaemonPool

    pool = DaemonPool(1, "test-pool")
    release = threading.Event()
    ran: list[int] = []
    first = pool.submit(release.wait, 10)
    queued = pool.submit(ran.append, 1)
    assert queued.cancel()
    release.set()
    assert first.result(10) is True
    assert pool.submit(lambda: "after").result(10) == "after"
    assert ran == [] and queued.cancelled()
