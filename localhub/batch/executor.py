"""Runs batch tasks: analysis (cells, feature manifest) and processing (cells on the evalscript workers, delivery,
execution database, progress, cost, optional BYOC collection).

One driver thread per active task; it never runs JavaScript itself (cells go to the runner's worker processes,
see :mod:`localhub.batch.runner`). Cells are dispatched one by one, or, when the result is the same pixel for pixel,
as units of adjacent cells rendered in one request (:func:`localhub.batch.cells.plan_units`; a unit that fails is
rendered again cell by cell, so every cell gets its own outcome). At most one unit per worker is being rendered; a
unit whose rendering is done is delivered by its thread while the workers render the next ones (a worker never
waits for a delivery). A stop takes effect between units: nothing new is dispatched, the cells in flight finish
(and are charged), the task becomes STOPPED.
State lives in :class:`~localhub.batch.store.BatchStore`: after a restart, ANALYSING tasks are analysed again and
PROCESSING tasks continue with their PENDING cells (a cell that was in flight is rendered again and may replace
the files it had already written).
"""

from __future__ import annotations

import functools
import json
import logging
import shutil
import threading
import time
import traceback
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Deque, Dict, List, Optional, Set

from byoc_qgis.core.batch_grids import TooManyCells, grid_cells
from byoc_qgis.core.batch_paths import delivery_template, execution_db_url, manifest_url, request_json_url

from ..process.errors import ProcessError
from ..process.limits import time_limit
from . import cells as cells_mod
from .byoc_output import register_tile, target_collection
from .delivery import (
    Delivery,
    DeliveryError,
    cell_key_prefix,
    output_urls,
    write_execution_db,
    write_manifest,
)
from .store import BatchStore, Cell, Task, mask_request
from .tile_index import TileIndex
from .validate import collection_id_of, response_formats

log = logging.getLogger("localhub.batch")

MAX_CELLS = 200_000
BATCH_PU_FACTOR = 1.0 / 3.0  # batch costs a third of the Process API for the same pixels [D DOC-V1; v2 assumed]
EXEC_DB_INTERVAL = 1.0  # seconds between uploads of the execution database while processing
NO_DATA = "No data"


@dataclass
class _Run:
    """What processing one task needs, prepared once (:meth:`BatchExecutor._prepare`)."""

    task: Task
    req: Any  # the parsed Process request of every cell
    collection: Dict[str, Any]  # the collection read
    tiles: TileIndex  # its INGESTED tiles
    delivery: Delivery
    url: str  # output.delivery.s3.url
    template: str
    formats: Dict[str, str]  # output id -> MIME type
    target: Optional[str]  # the BYOC collection the COGs go into
    to_run: List[Cell]
    groupable: bool  # adjacent cells may be rendered as one request (cells_mod.groupable)


class BatchExecutor:
    """Analyses and processes batch tasks in background threads."""

    def __init__(self, store: BatchStore, hub_store: Any, engine: Any, settings: Any, runner_factory: Any) -> None:
        self.store = store
        self.hub = hub_store
        self.engine = engine
        self.settings = settings
        self.work_root = Path(settings.data_dir) / "batch"
        self._runner_factory = runner_factory
        self._runner: Any = None
        self._owns_runner = False
        self._runner_lock = threading.Lock()
        self._threads: Dict[str, threading.Thread] = {}
        self._again: Dict[str, bool] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    # -- lifecycle -----------------------------------------------------------------------------------------------
    @property
    def pool(self) -> Any:
        """The render pool (localhub's, shared with the Process API; see :mod:`localhub.batch.runner`)."""
        with self._runner_lock:
            if self._runner is None:
                self._runner, self._owns_runner = self._runner_factory()
            return self._runner

    @property
    def workers(self) -> int:
        return max(1, int(getattr(self.pool, "size", 1) or 1))

    def start(self) -> int:
        """Resume tasks that were analysing or processing when localhub stopped; return how many."""
        resumed = self.store.tasks_in(("ANALYSING", "PROCESSING"))
        resumed += [t for t in self.store.tasks_in(("ANALYSIS_DONE",)) if t.user_action == "START"]
        for task in resumed:
            self.wake(task.id)
        return len(resumed)

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the drivers between cells (tasks keep their state and resume on the next start), then the workers."""
        self._stopping.set()
        deadline = time.monotonic() + timeout
        with self._lock:
            threads = list(self._threads.values())
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self._runner_lock:
            runner, self._runner = self._runner, None
        if runner is not None and self._owns_runner:
            runner.close()

    def wake(self, task_id: str) -> None:
        """Make sure a driver looks at the task (after an action changed its state)."""
        if self._stopping.is_set():
            return
        with self._lock:
            if task_id in self._threads:
                self._again[task_id] = True
                return
            thread = threading.Thread(
                target=self._drive, args=(task_id,), name=f"localhub-batch-{task_id[:8]}", daemon=True
            )
            self._threads[task_id] = thread
        thread.start()

    # -- the driver ----------------------------------------------------------------------------------------------
    def _drive(self, task_id: str) -> None:
        while True:
            try:
                self._step_until_idle(task_id)
            except Exception:  # noqa: BLE001 - a bug fails the task, never the service
                log.error("localhub batch: task %s crashed:\n%s", task_id, traceback.format_exc())
                self._fail(
                    task_id, ("ANALYSING", "PROCESSING", "ANALYSIS_DONE"), "Unexpected error; see the localhub log."
                )
            with self._lock:
                if self._again.pop(task_id, False) and not self._stopping.is_set():
                    continue
                self._threads.pop(task_id, None)
                return

    def _step_until_idle(self, task_id: str) -> None:
        while not self._stopping.is_set():
            task = self.store.get_task(task_id)
            if task is None:
                return
            if task.status == "ANALYSING":
                self._analyse(task)
            elif task.status == "ANALYSIS_DONE" and task.user_action == "START":
                self.store.transition(task_id, ("ANALYSIS_DONE",), "PROCESSING")
            elif task.status == "PROCESSING":
                if not self._process(task):
                    return
            else:
                return

    def _fail(self, task_id: str, allowed, error: str) -> None:
        self.store.transition(task_id, allowed, "FAILED", error=error)

    def _delivery(self, task: Task) -> Delivery:
        s = self.settings
        return Delivery(
            task.request["output"]["delivery"]["s3"],
            s.s3_endpoint,
            s.s3_https,
            s.s3_region,
            (s.s3_access_key, s.s3_secret_key),
        )

    def _work_dir(self, task_id: str) -> Path:
        path = self.work_root / task_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    # -- analysis ------------------------------------------------------------------------------------------------
    def _analyse(self, task: Task) -> None:
        error, internal = self._analysis(task)

        def finish(current: Task) -> Optional[Dict[str, Any]]:
            if current.status != "ANALYSING":
                return None
            if error:
                return {"status": "FAILED", "error": error}
            changes: Dict[str, Any] = {"internal": internal, "error": None}
            if current.user_action == "STOP":
                changes.update(status="STOPPED", stopped_reason="USER_ACTION", stopped_at=time.time())
            elif current.user_action == "START":
                changes["status"] = "PROCESSING"
            else:
                changes["status"] = "ANALYSIS_DONE"
            return changes

        self.store.update(task.id, finish)

    def _analysis(self, task: Task):
        """(error or None, internal facts) of analysing ``task``: collection, evalscript, cells, manifest."""
        request = task.request
        process = request["processRequest"]
        collection_id = collection_id_of(process)
        collection = self.hub.get_collection(task.account_id, collection_id)
        if collection is None:
            return (
                f"Collection byoc-{collection_id} not found: check the collection id and that it belongs to your "
                "account.",
                None,
            )
        target = request["output"].get("collectionId")
        if target and self.hub.get_collection(task.account_id, target) is None:
            return f"Collection {target} (output.collectionId) not found in your account.", None
        formats = response_formats(process)
        grid_input = request["input"]
        bounds = process["input"]["bounds"]
        try:
            from byoc_qgis.core.models import parse_crs

            epsg = parse_crs((bounds.get("properties") or {}).get("crs"))
            cells = grid_cells(
                grid_input["id"],
                grid_input["resolution"],
                geometry=bounds.get("geometry"),
                bbox=bounds.get("bbox"),
                epsg=epsg,
                buffer_x=int(grid_input.get("bufferX") or 0),
                buffer_y=int(grid_input.get("bufferY") or 0),
                max_cells=MAX_CELLS,
            )
        except TooManyCells:
            return f"The area of interest touches more than {MAX_CELLS} cells of tiling grid {grid_input['id']}.", None
        except ValueError as exc:
            return f"Area of interest: {exc}", None
        if not cells:
            return f"The area of interest touches no cell of tiling grid {grid_input['id']}.", None
        rows = [Cell(task.id, c.id, c.name, c.epsg, *c.bounds, c.width, c.height) for c in cells]
        try:  # the service validates the evalscript at analysis, on a part of the area [D]
            outputs = cells_mod.validate(
                self.pool,
                cells_mod.parse_request(process),
                collection,
                rows[0],
                str(self.work_root / task.id / "validate"),
                time_limit(self.settings),
            )
        except ProcessError as exc:
            return f"Evalscript: {exc.message.strip()}", None
        self.store.replace_cells(task.id, rows)
        url = request["output"]["delivery"]["s3"]["url"]
        work = self._work_dir(task.id)
        try:
            delivery = self._delivery(task)
            manifest = str(work / f"featureManifest-{task.id}.gpkg")
            write_manifest(manifest, rows, url, task.id, formats)
            delivery.put_file(delivery.key(manifest_url(url, task.id)), manifest, "application/geopackage+sqlite3")
            delivery.put_bytes(
                delivery.key(request_json_url(url, task.id)),
                json.dumps(mask_request(request), indent=2).encode(),
                "application/json",
            )
        except DeliveryError as exc:
            return str(exc), None
        return None, {"outputs": outputs, "collection": collection_id, "cells": len(rows)}

    # -- processing ----------------------------------------------------------------------------------------------
    def _process(self, task: Task) -> bool:
        """Process the task's PENDING cells; False when the driver should leave it (localhub stopping)."""
        run = self._prepare(task)
        if run is None:
            return True  # failed
        if not self._render_cells(run):
            return False
        self._finish(run)
        return True

    def _prepare(self, task: Task) -> Optional[_Run]:
        """Collection, delivery, cells to render (after looking at existing outputs), target collection, tiles;
        None when the task failed (collection deleted, delivery refused, outputs exist)."""
        process = task.request["processRequest"]
        formats = response_formats(process)
        url = task.request["output"]["delivery"]["s3"]["url"]
        template = delivery_template(url)
        collection = self.hub.get_collection(task.account_id, collection_id_of(process))
        if collection is None:
            self._fail(task.id, ("PROCESSING",), "The collection to process was deleted.")
            return None
        try:
            delivery = self._delivery(task)
            to_run = self._existing_outputs(task, delivery, template, formats)
        except DeliveryError as exc:
            self._fail(task.id, ("PROCESSING",), str(exc))
            return None
        if to_run is None:
            return None  # failed: outputs exist
        target = target_collection(self.store, self.hub, task)
        tiles = TileIndex(self.hub.iter_tiles(collection["id"], status="INGESTED"))
        req = cells_mod.parse_request(process)
        groupable = cells_mod.groupable(req, task.request["input"])
        return _Run(task, req, collection, tiles, delivery, url, template, formats, target, to_run, groupable)

    def _render_cells(self, run: _Run) -> bool:
        """Dispatch the cells (or units of adjacent cells), at most one per render worker being rendered (a rendered
        unit's delivery goes on in its thread), until all are finished or the user stops the task (between units);
        False when localhub is stopping."""
        task = run.task
        workers = self.workers
        plan = cells_mod.plan_units(run.to_run, workers) if run.groupable else [[c] for c in run.to_run]
        log.info("localhub batch: task %s: %d cells planned as %d requests", task.id, len(run.to_run), len(plan))
        queue: Deque[List[Cell]] = deque(plan)
        in_flight: Dict[Future, List[Cell]] = {}
        rendering: Set[int] = set()  # first cell ids of the units the render workers have not finished
        lock = threading.Lock()
        changed = threading.Event()  # a unit was rendered or finished: look again

        def rendered(key: int) -> None:
            with lock:
                rendering.discard(key)
            changed.set()

        last_upload = 0.0
        self._upload_execution_db(task, run.delivery, run.url)
        threads = ThreadPoolExecutor(
            max_workers=2 * workers, thread_name_prefix=f"localhub-batch-cell-{task.id[:8]}"
        )  # one rendering and one delivering per worker
        try:
            while queue or in_flight:
                if self._stopping.is_set():
                    return False  # cells in flight stay PENDING (started): the next start renders them again
                current = self.store.get_task(task.id)
                stop = current is None or current.user_action == "STOP" or current.status != "PROCESSING"
                while queue and not stop and len(rendering) < workers and len(in_flight) < 2 * workers:
                    unit = queue.popleft()
                    selected = [self._cell_tiles(cell, run.tiles, run.req) for cell in unit]
                    if len(unit) > 1 and not all(
                        tiles and cells_mod.tiles_in_crs(tiles, cell.epsg) for cell, tiles in zip(unit, selected)
                    ):
                        queue.extendleft([cell] for cell in reversed(unit))  # cell by cell
                        continue
                    if not selected[0]:
                        self.store.finish_cell(task.id, unit[0].id, "DONE", NO_DATA, False, 0.0)
                        continue
                    for cell in unit:
                        self.store.mark_started(task.id, cell.id)
                    key = unit[0].id
                    with lock:
                        rendering.add(key)
                    future = threads.submit(self._run_unit, run, unit, selected, functools.partial(rendered, key))
                    future.add_done_callback(lambda _f, k=key: rendered(k))
                    in_flight[future] = unit
                if not in_flight:
                    break
                changed.wait(0.5)
                changed.clear()
                for future in [f for f in in_flight if f.done()]:
                    unit = in_flight.pop(future)
                    error = future.exception()
                    if error is not None:  # a bug in delivery: the cells fail, the task goes on
                        log.error("localhub batch: cells %s of %s: %r", [c.name for c in unit], task.id, error)
                        for cell in unit:
                            self.store.finish_cell(
                                task.id, cell.id, "FATAL", "Unexpected error; see the localhub log.", False, 0.0
                            )
                self._progress(task.id)
                if time.monotonic() - last_upload >= EXEC_DB_INTERVAL:
                    self._upload_execution_db(task, run.delivery, run.url)
                    last_upload = time.monotonic()
        finally:
            threads.shutdown(wait=not self._stopping.is_set(), cancel_futures=True)
        return True

    def _finish(self, run: _Run) -> None:
        """After the last cell: STOPPED (the user stopped it between cells), FAILED (every cell failed) or DONE."""
        task = run.task
        finished, total, _ = self.store.counts(task.id)
        current = self.store.get_task(task.id)
        if current is None or current.status != "PROCESSING":
            return
        if finished < total:  # stopped by the user between cells
            self._progress(task.id)
            self._upload_execution_db(task, run.delivery, run.url)
            self.store.transition(
                task.id, ("PROCESSING",), "STOPPED", stopped_reason="USER_ACTION", stopped_at=time.time()
            )
            return
        self._progress(task.id)  # 100 % while still PROCESSING: clients wait for that before DONE
        self._upload_execution_db(task, run.delivery, run.url)
        cells = self.store.cells(task.id)
        fatal = [c for c in cells if c.status == "FATAL"]
        if cells and len(fatal) == len(cells):
            # v2 has no PARTIAL: a task whose every cell failed is FAILED, otherwise DONE with the failures in
            # the execution database [I]
            self._fail(
                task.id, ("PROCESSING",), f"All {len(cells)} features failed, e.g. {fatal[0].name}: {fatal[0].error}"
            )
        else:
            self.store.transition(task.id, ("PROCESSING",), "DONE", error=None)
        shutil.rmtree(self.work_root / task.id, ignore_errors=True)

    def _existing_outputs(self, task: Task, delivery: Delivery, template: str, formats: Dict[str, str]):
        """The PENDING cells to render after looking at what already exists; None when the task failed."""
        output = task.request["output"]
        overwrite = bool(output.get("overwrite"))
        skip = bool(output.get("skipExisting"))
        pending = self.store.cells(task.id, "PENDING")
        prefix = cell_key_prefix(template, task.id) or ""
        existing = delivery.existing_keys(prefix)
        to_run: List[Cell] = []
        conflicts: List[str] = []
        for cell in pending:
            keys = [delivery.key(u) for u in output_urls(template, task.id, cell, formats).values()]
            present = [k for k in keys if k in existing]
            if not present or cell.started:
                to_run.append(cell)  # a cell this task started may replace its own files
            elif skip and len(present) == len(keys):
                self.store.finish_cell(task.id, cell.id, "DONE", None, True, 0.0)
            elif overwrite:
                to_run.append(cell)
            else:
                conflicts.append(f"s3://{delivery.bucket}/{present[0]}")
        if conflicts:
            self._fail(
                task.id,
                ("PROCESSING",),
                f"{len(conflicts)} feature(s) have output files that already exist, e.g. {conflicts[0]}. Set "
                "output.overwrite (replace them) or output.skipExisting (keep complete ones), or deliver to "
                "another path.",
            )
            return None
        return to_run

    @staticmethod
    def _cell_tiles(cell: Cell, tiles: TileIndex, req: Any) -> list:
        """Wire dicts of the collection's tiles that touch the cell in the request's time range."""
        from localhub.process.mosaic import select_tiles
        from localhub.process.request import Grid

        grid = Grid(cell.epsg, cell.minx, cell.miny, cell.maxx, cell.maxy, cell.width, cell.height)
        return [t.wire for t in select_tiles(tiles.near(cell), req.data, grid)]

    def _run_unit(self, run: _Run, unit: List[Cell], tiles: List[list], rendered: Callable[[], None]) -> None:
        """Render, deliver and record a unit of cells (a cell thread; the rendering happens in the pool, then
        ``rendered()`` frees the unit's worker slot). A unit that fails is rendered again cell by cell."""
        if len(unit) == 1:
            self._run_cell(run, unit[0], tiles[0], rendered)
            return
        output = run.task.request["output"]
        folders = [str(self.work_root / run.task.id / str(cell.id)) for cell in unit]
        try:
            try:
                results = cells_mod.render_unit(
                    self.pool,
                    run.req,
                    run.collection,
                    run.tiles.in_collection_order(tile for cell_tiles in tiles for tile in cell_tiles),
                    unit,
                    folders,
                    bool(output.get("cogOutput")),
                    output.get("cogParameters") or {},
                    time_limit(self.settings),
                    rendered,
                )
            except ProcessError as exc:  # e.g. a time limit: each cell gets its own outcome
                log.info("localhub batch: cells %s rendered one by one (%s)", [c.name for c in unit], exc.message)
                for cell, cell_tiles in zip(unit, tiles):
                    self._run_cell(run, cell, cell_tiles, None)
                return
            for cell, (files, pu) in zip(unit, results):
                self._deliver(run, cell, files, pu)
        finally:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)

    def _run_cell(self, run: _Run, cell: Cell, tiles: list, rendered: Optional[Callable[[], None]]) -> None:
        """Render, deliver and record one cell (a cell thread; the rendering itself happens in the pool, then
        ``rendered()`` frees the cell's worker slot)."""
        task = run.task
        output = task.request["output"]
        folder = str(self.work_root / task.id / str(cell.id))
        try:
            try:
                files, pu = cells_mod.render_cell(
                    self.pool,
                    run.req,
                    run.collection,
                    tiles,
                    cell,
                    folder,
                    bool(output.get("cogOutput")),
                    output.get("cogParameters") or {},
                    time_limit(self.settings),
                    rendered,
                )
            except ProcessError as exc:
                self.store.finish_cell(task.id, cell.id, "FATAL", exc.message.strip()[:2000], False, 0.0)
                return
            self._deliver(run, cell, files, pu)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _deliver(self, run: _Run, cell: Cell, files: Dict[str, str], pu: float) -> None:
        """Upload a rendered cell's files, record it DONE (or FATAL with the delivery problem), register its COG."""
        task = run.task
        urls = output_urls(run.template, task.id, cell, run.formats)
        try:
            for oid, path in files.items():
                ctype = "application/json" if run.formats.get(oid) == "application/json" else "image/tiff"
                run.delivery.put_file(run.delivery.key(urls[oid]), path, ctype)
        except DeliveryError as exc:
            self.store.finish_cell(task.id, cell.id, "FATAL", str(exc), False, 0.0)
            return
        self.store.finish_cell(task.id, cell.id, "DONE", None, True, pu * BATCH_PU_FACTOR)
        if run.target is not None:
            register_tile(self.store, self.hub, self.engine, task, cell, run.template, run.delivery, run.target)

    def _progress(self, task_id: str) -> None:
        finished, total, cost = self.store.counts(task_id)
        self.store.set_progress(task_id, 100.0 * finished / total if total else 100.0, cost)

    def _upload_execution_db(self, task: Task, delivery: Delivery, url: str) -> None:
        path = str(self._work_dir(task.id) / f"execution-{task.id}.sqlite")
        write_execution_db(path, self.store.cells(task.id))
        try:
            delivery.put_file(delivery.key(execution_db_url(url, task.id)), path, "application/vnd.sqlite3")
        except DeliveryError as exc:  # the next upload may work; the cells keep their state meanwhile
            log.warning("localhub batch: %s", exc)
