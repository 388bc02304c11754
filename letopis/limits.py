"""A time limit for one document, so a pathological page or a stage bug cannot stall a batch."""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import TimedOut

__all__ = ["deadline"]


@contextmanager
def deadline(seconds: float | None, where: str | None = None, what: str = "processing") -> Iterator[None]:
    """Raise TimedOut when the block runs longer than `seconds`.

    In the main thread a SIGALRM timer interrupts the block. Elsewhere (API worker threads, Dask
    workers, which run tasks in a thread) a watchdog timer raises in the block's own thread; that
    exception lands at the next Python bytecode, so a long call inside a C extension finishes first.
    Either way an inner deadline never cancels an outer one.
    """
    if not seconds:
        yield
        return
    message = f"{what} took longer than {seconds:g} s; skipped"
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds, message, where):
            yield
    else:
        with _watchdog(seconds, message, where):
            yield


@contextmanager
def _alarm(seconds: float, message: str, where: str | None) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimedOut(message, where)

    previous = signal.signal(signal.SIGALRM, expire)
    outer_left, _ = signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - float(seconds), 0.001))


class _Expired(BaseException):
    """Raised asynchronously in a thread whose deadline passed; BaseException so `except Exception` in a stage cannot swallow it."""


# How soon the watchdog raises again when the block is still running after it raised: Python swallows
# an exception that lands inside a weakref or __del__ callback (a garbage collection in the block's
# thread), so one raise is not enough for the limit to hold.
RETRY_SECONDS = 0.2


@contextmanager
def _watchdog(seconds: float, message: str, where: str | None) -> Iterator[None]:
    expired: type[_Expired] = type("Expired", (_Expired,), {})  # one class per block: nested deadlines catch only their own
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    running = True
    timer: threading.Timer | None = None

    def arm(after: float) -> None:
        nonlocal timer
        timer = threading.Timer(after, fire)
        timer.daemon = True
        timer.start()

    def fire() -> None:
        with lock:
            if running:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, ctypes.py_object(expired))
                arm(RETRY_SECONDS)  # until the block ends

    def close() -> None:
        nonlocal running
        with lock:
            running = False
            if timer is not None:
                timer.cancel()
            ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)  # drop one still pending

    arm(seconds)
    timed_out = False
    try:
        yield
    except expired:
        timed_out = True
    finally:
        while True:  # a raise may still land while the watchdog is being closed
            try:
                close()
                break
            except expired:
                timed_out = True
    if timed_out:
        raise TimedOut(message, where) from None
