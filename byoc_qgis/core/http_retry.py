"""Waiting between attempts: the retry policy and its backoff, Sentinel Hub's ``Retry-After``, the rate-limit gate
shared by the threads of a connection, and cancellable sleeps (:data:`CancelFn`)."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from typing import Callable, Optional

from .errors import CancelledError

CancelFn = Optional[Callable[[], bool]]
"""A callable returning True when the caller wants the work to stop (e.g. ``QgsTask.isCanceled``)."""


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. Times in seconds."""

    max_attempts: int = 8  # 0.2⁸: a run of thousands of requests survives ~20 % of them failing
    backoff_base: float = 0.5
    backoff_cap: float = 8.0  # a persisting outage is reported after ~30 s
    jitter: float = 0.5
    max_rate_limit_wait: float = 300.0
    default_retry_after: float = 5.0

    def delay(self, attempt: int, rng: Optional[random.Random] = None) -> float:
        """Backoff before retry number ``attempt`` (1-based) after a 5xx or connection error."""
        return backoff_delay(attempt, self.backoff_base, self.backoff_cap, self.jitter, rng)


def backoff_delay(
    attempt: int, base: float, cap: float, jitter: float = 0.5, rng: Optional[random.Random] = None
) -> float:
    """Capped exponential backoff: ``min(cap, base·2^(attempt-1))``, of which a ``jitter`` fraction is random."""
    full = min(cap, base * (2 ** max(0, attempt - 1)))
    rnd = (rng or random).random()
    return full * (1.0 - jitter) + full * jitter * rnd


def parse_retry_after(value: Optional[str], default: float) -> float:
    """Seconds to wait from a Sentinel Hub ``Retry-After`` header (milliseconds); ``default`` if absent/odd."""
    if value is None:
        return default
    try:
        ms = float(value.strip())
    except (ValueError, AttributeError):
        return default
    if ms != ms or ms < 0:  # NaN or negative
        return default
    return ms / 1000.0


def check_cancel(cancel: CancelFn) -> None:
    """Raise :class:`CancelledError` if ``cancel()`` says so."""
    if cancel is not None and cancel():
        raise CancelledError("cancelled")


def sleep_cancellable(seconds: float, cancel: CancelFn, step: float = 0.05) -> None:
    """Sleep ``seconds``, waking every ``step`` to check ``cancel``."""
    deadline = time.monotonic() + max(0.0, seconds)
    while True:
        check_cancel(cancel)
        left = deadline - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(step, left))


class RateGate:
    """A shared "not before" time: after a 429 every thread of the connection waits until it has passed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._not_before = 0.0

    def defer(self, seconds: float) -> None:
        """Hold all requests for ``seconds`` from now (never shortens an existing hold)."""
        with self._lock:
            self._not_before = max(self._not_before, time.monotonic() + seconds)

    def remaining(self) -> float:
        """Seconds until requests may go again."""
        with self._lock:
            return max(0.0, self._not_before - time.monotonic())

    def wait(self, cancel: CancelFn) -> float:
        """Wait until the gate is open; return how long that took."""
        waited = 0.0
        while True:
            left = self.remaining()
            if left <= 0:
                return waited
            sleep_cancellable(left, cancel)
            waited += left
