"""Limits of one Process request's rendering, shared by the service side and the render workers (no V8 import)."""

from __future__ import annotations

DEFAULT_TIME_LIMIT_S = 30.0  # JS time one request may use (setup, hooks and the pixel loop together)
DEFAULT_HEAP_LIMIT = 1 << 30  # V8 heap of one evalscript, bytes
