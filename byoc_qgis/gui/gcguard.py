"""Keep Python's cyclic garbage collector from freezing QGIS during bulk work in a worker thread.

Loading 20 000 tiles creates and drops millions of short-lived objects; CPython then runs full (oldest
generation) collections, which walk every object of the interpreter — QGIS's whole Python world — while holding
the GIL, so the main thread cannot run any Python for hundreds of milliseconds. While a bulk load runs, the objects
that existed before it are moved to the permanent generation (``gc.freeze``): full collections then only walk what
the load itself allocated. When the last bulk load ends they are handed back (``gc.unfreeze``); nothing is
collected or leaked by doing so.
"""

from __future__ import annotations

import gc
import threading

__all__ = ["bulk_begin", "bulk_end", "bulk_active", "ENABLED"]

ENABLED = True  # benchmarks/bench_gui.py measures the load with and without the freeze
_lock = threading.Lock()
_depth = 0
_frozen = False  # whether this module froze (so it only unfreezes what it froze)


def bulk_begin() -> None:
    """Enter a bulk phase (reference counted; main thread). Every call must be paired with :func:`bulk_end`."""
    global _depth, _frozen
    with _lock:
        if _depth == 0 and ENABLED and hasattr(gc, "freeze"):
            gc.freeze()
            _frozen = True
        _depth += 1


def bulk_end() -> None:
    """Leave a bulk phase; the last one hands the frozen objects back to the collector."""
    global _depth, _frozen
    with _lock:
        if _depth == 0:
            return
        _depth -= 1
        if _depth == 0 and _frozen:
            gc.unfreeze()
            _frozen = False


def bulk_active() -> bool:
    """True while at least one bulk phase runs."""
    return _depth > 0
