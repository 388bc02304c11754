"""A time limit for one document, so a pathological page or a stage bug cannot stall a batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import TimedOut

__all__ = ["deadline"]


@contextmanager
def deadline(seconds: float | None, where: str | None = None, what: str = "processing") -> Iterator[None]:
    """Raise TimedOut when the block runs longer than `seconds`.

    SIGALRM works only in the main thread; elsewhere (API worker threads, Dask threads) the block
    runs without a limit. The timer is restored on exit, so an inner deadline never cancels an outer one
    for longer than it lasts.
    """
    usable = seconds and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimedOut(f"{what} took longer than {seconds:g} s; skipped", where)

    previous = signal.signal(signal.SIGALRM, expire)
    outer_left, _ = signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - float(seconds or 0), 0.001))
