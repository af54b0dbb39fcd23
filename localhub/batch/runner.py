"""Where batch cells render: localhub's evalscript render pool (:mod:`localhub.process.pool`), never a localhub
thread (V8 must start on a process's main thread; it segfaults on CPUs with memory protection keys otherwise).

:func:`make_runner` is the one switch. Batch shares the app's pool with the Process API (one worker per core); the
executor keeps at most one cell per worker in flight, so interactive Process requests wait for at most one cell.
"""

from __future__ import annotations

from typing import Any, Tuple


def make_runner(settings: Any, app_state: Any = None) -> Tuple[Any, bool]:
    """(render pool, whether batch owns it and must close it)."""
    pool = getattr(app_state, "render_pool", None) if app_state is not None else None
    if pool is not None:
        return pool, False
    from localhub.process.pool import RenderPool

    return RenderPool.for_settings(settings), True
