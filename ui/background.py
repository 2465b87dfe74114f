"""Work off the GUI thread, with no Qt in the other thread.

A Python thread that calls into Qt (emits a signal, lays out text) can hang ClientCare:
it holds Python's interpreter lock while Qt takes one of its shared locks, and the GUI
thread, holding that lock while it deletes an object, waits for the interpreter lock
(seen with the batch export in a worker thread). So the work done in another thread is
plain Python (a database query, a file copy), and the GUI thread looks for its result
with a timer and hands it on from there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for_futures
from typing import Any

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 25  # how often the GUI thread looks for a result: well under what a person notices

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_pending: set[Future[Any]] = set()


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="clientcare")
        return _pool


def wait_for_all(timeout: float | None = None) -> bool:
    """Wait for the work started so far (at quit, and in tests); False on a timeout."""
    with _lock:
        pending = set(_pending)
    _done, not_done = wait_for_futures(pending, timeout=timeout)
    return not not_done


class Background(QObject):
    """Runs ``work()`` on a pool thread; ``done(result)`` or ``failed(error)`` on this one.

    Lives on the GUI thread as a child of ``parent``: if the parent goes first, the result
    is dropped (the work itself still finishes).
    """

    def __init__(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
        *,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._done = done
        self._failed = failed
        self._future = _executor().submit(work)
        with _lock:
            _pending.add(self._future)
        self._future.add_done_callback(_forget)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def finished(self) -> bool:
        """True once the work is over (its result may not be handed on yet)."""
        return self._future.done()

    def _check(self) -> None:
        if not self._future.done():
            return
        self._timer.stop()
        error = self._future.exception()
        try:
            if error is None:
                self._done(self._future.result())
            elif self._failed is not None:
                self._failed(error)
            else:
                raise error
        finally:
            self.deleteLater()


def _forget(future: Future[Any]) -> None:
    with _lock:
        _pending.discard(future)
