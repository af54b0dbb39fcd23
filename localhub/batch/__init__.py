"""localhub's Batch Processing API v2: tasks over tiling grids, rendered by the Process engine on evalscript worker
processes and delivered to S3 (see :mod:`localhub.batch.api`, :mod:`localhub.batch.executor`).

``install(app)`` adds the routes and runs the executor inside the app's lifespan (started after, stopped before
everything the app itself starts and stops).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator

from .executor import BatchExecutor
from .store import BatchStore


@dataclass
class BatchService:
    """What the routes need: the task store and the executor."""

    store: BatchStore
    executor: BatchExecutor


def install(app: Any) -> BatchService:
    """Add the Batch API to a localhub app built by ``create_app`` (uses its settings, store and engine)."""
    from .api import router
    from .runner import make_runner

    state = app.state
    settings = state.settings
    store = BatchStore(Path(settings.data_dir))
    executor = BatchExecutor(store, state.store, state.engine, settings, lambda: make_runner(settings, state))
    service = BatchService(store, executor)
    state.batch = service
    app.include_router(router)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: Any) -> AsyncIterator[Any]:
        async with inner(a) as value:
            resumed = executor.start()
            if resumed:
                print(f"localhub: resuming {resumed} batch task(s)", flush=True)
            try:
                yield value
            finally:
                executor.stop()
                store.close()

    app.router.lifespan_context = lifespan
    return service
