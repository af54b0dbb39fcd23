"""Per-account request limits like the service's: a token bucket of N requests per window, 429 + Retry-After (ms)."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from typing import Optional, Tuple

from .errors import ApiError

MAX_KEYS = 10_000


class RateLimiter:
    """``capacity`` requests per ``window`` seconds per key, refilled continuously (token bucket).

    Memory stays bounded: a key idle for a whole window has a full bucket again, the same as a key never seen, so it
    is forgotten; beyond ``max_keys`` busy keys the least recently used is forgotten too (it starts again with a full
    bucket: more lenient, never stricter). Keys include client ids sent to the token endpoint, which anyone can
    invent.
    """

    def __init__(self, capacity: int, window: float, max_keys: int = MAX_KEYS) -> None:
        self.capacity = capacity
        self.window = window
        self.max_keys = max_keys
        self._rate = capacity / window
        self._buckets: OrderedDict[str, Tuple[float, float]] = OrderedDict()  # least recently used first
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._buckets)

    def acquire(self, key: str) -> Optional[int]:
        """Take one request for ``key``: None when allowed, else milliseconds until the next one is."""
        now = time.monotonic()
        with self._lock:
            self._forget_idle(now)
            tokens, stamp = self._buckets.pop(key, (float(self.capacity), now))
            tokens = min(float(self.capacity), tokens + (now - stamp) * self._rate)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
            if allowed:
                return None
            return max(1, math.ceil((1.0 - tokens) / self._rate * 1000.0))

    def _forget_idle(self, now: float) -> None:
        """Drop keys unused for a whole window (their buckets are full again), oldest first."""
        while self._buckets:
            key, (_tokens, stamp) = next(iter(self._buckets.items()))
            if now - stamp < self.window:
                return
            del self._buckets[key]

    def check(self, key: str) -> None:
        """Raise the service's 429 when ``key`` is over its limit."""
        wait_ms = self.acquire(key)
        if wait_ms is not None:
            raise rate_limit_error(wait_ms)


def rate_limit_error(retry_after_ms: int) -> ApiError:
    """429 ``RATE_LIMIT_EXCEEDED`` with ``Retry-After`` in milliseconds, as the service sends it."""
    return ApiError(
        429,
        "RATE_LIMIT_EXCEEDED",
        "You have exceeded your rate limit",
        headers={"Retry-After": str(int(retry_after_ms))},
    )
