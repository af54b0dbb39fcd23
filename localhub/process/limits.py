"""Limits of one Process request's rendering, shared by the service side and the render workers (no V8 import)."""

from __future__ import annotations

import os
from typing import Any

DEFAULT_TIME_LIMIT_S = 30.0  # JS time one request may use (setup, hooks and the pixel loop together)
DEFAULT_HEAP_LIMIT = 1 << 30  # V8 heap of one evalscript, bytes
TIME_LIMIT_ENV = "LOCALHUB_PROCESS_TIME_LIMIT"


def time_limit(settings: Any = None) -> float:
    """JS seconds one Process request or batch cell may use: ``settings.process_time_limit`` (``--process-time-limit``),
    else ``$LOCALHUB_PROCESS_TIME_LIMIT``, else :data:`DEFAULT_TIME_LIMIT_S` (also for a value that is not a number)."""
    value = getattr(settings, "process_time_limit", None)
    if value is None:
        value = os.environ.get(TIME_LIMIT_ENV)
    try:
        return float(value) if value is not None else DEFAULT_TIME_LIMIT_S
    except ValueError:
        return DEFAULT_TIME_LIMIT_S
