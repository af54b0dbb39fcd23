"""Per-account request limits like the service's: a token bucket of N requests per window, 429 + Retry-After (ms)."""

from __future__ import annotations

import math
import threading
import time
from typing import Dict, Optional, Tuple

from .errors import ApiError


class RateLimiter:
    """``capacity`` requests per ``window`` seconds per key, refilled continuously (token bucket)."""

    def __init__(self, capacity: int, window: float) -> None:
        self.capacity = capacity
        self.window = window
        self._rate = capacity / window
        self._buckets: Dict[str, Tuple[float, float]] = {}
        self._lock = threading.Lock()

    def acquire(self, key: str) -> Optional[int]:
        """Take one request for ``key``: None when allowed, else milliseconds until the next one is."""
        now = time.monotonic()
        with self._lock:
            tokens, stamp = self._buckets.get(key, (float(self.capacity), now))
            tokens = min(float(self.capacity), tokens + (now - stamp) * self._rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return None
            self._buckets[key] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / self._rate * 1000.0))

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
