"""A thread pool whose threads never hold the process at its exit: for calls that cannot be
stopped and may never return (a lookup in a hanging resolver, digests.addresses).

concurrent.futures.ThreadPoolExecutor joins its workers when the interpreter exits (it
registers that join itself), so one call stuck in C code kept a stopping bot alive until
systemd's stop timeout killed it (REV s25 #5). Here the workers are daemon threads and nothing
joins them: at exit a stuck call is simply abandoned, as its caller's deadline abandoned it
already. Work that must finish (a write, a file) does not belong on this pool.

Like ThreadPoolExecutor: at most `workers` threads, started as work comes and no idle one is
free; calls past them queue. A queued call whose future was cancelled is skipped.
"""

from __future__ import annotations

import functools
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

T = TypeVar("T")


class DaemonPool(Executor):
    """At most `workers` daemon threads named `<name>_<n>`, never joined (module docstring)."""

    def __init__(self, workers: int, name: str) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self._workers = workers
        self._name = name
        self._work: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]]] = \
            queue.SimpleQueue()
        self._idle = threading.Semaphore(0)  # one release per worker waiting for work
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Queue `fn(*args, **kwargs)`; a new thread only when none is idle and the cap allows."""
        future: Future[T] = Future()
        self._work.put((future, functools.partial(fn, *args, **kwargs)))
        with self._lock:
            if not self._idle.acquire(blocking=False) and len(self._threads) < self._workers:
                thread = threading.Thread(target=self._serve, daemon=True,
                                          name=f"{self._name}_{len(self._threads)}")
                self._threads.append(thread)
                thread.start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Nothing to stop: the threads are daemons and are never joined (a stuck one cannot
        be); `cancel_futures` cancels the calls still queued."""
        if cancel_futures:
            while True:
                try:
                    future, _ = self._work.get_nowait()
                except queue.Empty:
                    return
                future.cancel()

    @property
    def threads(self) -> int:
        """Threads started so far (never more than `workers`)."""
        return len(self._threads)

    def _serve(self) -> None:
        while True:
            future, call = self._work.get()
            if future.set_running_or_notify_cancel():
                self._run(future, call)
            else:
                self._idle.release()
            del future, call  # hold nothing while waiting for the next call

    def _run(self, future: Future[Any], call: Callable[[], Any]) -> None:
        """`call`'s result or error into `future`; the thread counts as idle before the caller
        hears, so the caller's next call reuses it rather than starting another."""
        try:
            result = call()
        except BaseException as exc:  # the caller's to handle, through its future
            self._idle.release()
            future.set_exception(exc)
        else:
            self._idle.release()
            future.set_result(result)
