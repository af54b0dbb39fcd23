"""A stall watchdog: a main-thread QTimer heartbeat that records the longest gap between its ticks.

When the GUI thread is blocked (a long synchronous call, a big batch of work in one slot), the timer cannot fire;
the gap between two ticks minus the interval is how long QGIS was frozen. Used by the tests and by
``benchmarks/bench_gui.py`` to check that loading 20 000 tiles, adding tiles and Process requests never freeze QGIS.
A test and benchmark helper: it is not part of the plugin (nor of its zip).
"""

from __future__ import annotations

import time
from typing import Callable, List, Optional

from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QObject, QTimer

__all__ = ["StallWatchdog", "wait_until"]


class StallWatchdog(QObject):
    """Heartbeat on the main thread; ``longest_gap_ms`` is the longest time between two ticks beyond the interval.

    Use as a context manager around work that runs while the event loop spins::

        with StallWatchdog() as dog:
            start_loading(); wait_until(done)
        assert dog.longest_gap_ms <= 100
    """

    def __init__(self, interval_ms: int = 5, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.interval_ms = int(interval_ms)
        self._timer = QTimer(self)
        self._timer.setInterval(self.interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last: Optional[float] = None
        self.longest_gap_ms = 0.0
        self.ticks = 0
        self.gaps: List[float] = []

    def start(self) -> None:
        """Reset the statistics and start the heartbeat."""
        self.longest_gap_ms = 0.0
        self.ticks = 0
        self.gaps = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        """Stop the heartbeat (counting the gap up to now) and return the longest gap in ms."""
        if self._timer.isActive():
            self._tick()
            self._timer.stop()
        return self.longest_gap_ms

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            gap = max(0.0, (now - self._last) * 1000.0 - self.interval_ms)
            if gap > self.longest_gap_ms:
                self.longest_gap_ms = gap
            if gap > 20:
                self.gaps.append(gap)
        self._last = now
        self.ticks += 1

    def __enter__(self) -> StallWatchdog:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_until(condition: Callable[[], bool], timeout: float = 30.0, step_ms: int = 5) -> bool:
    """Spin the Qt event loop (as QGIS would) until ``condition()`` is true or ``timeout`` seconds pass.

    Returns whether the condition became true. Never blocks the event loop for more than ``step_ms``.
    """
    deadline = time.monotonic() + timeout
    app = QCoreApplication.instance()
    while True:
        if condition():
            return True
        if time.monotonic() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, step_ms)
        time.sleep(0.001)
