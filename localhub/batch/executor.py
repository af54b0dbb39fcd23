"""Runs batch tasks: analysis (cells, feature manifest) and processing (cells on the evalscript workers, delivery,
execution database, progress, cost, optional BYOC collection).

One driver thread per active task; it never runs JavaScript itself (cells go to the runner's worker processes,
see :mod:`localhub.batch.runner`). At most one cell per worker is in flight, so a stop takes effect between
cells: nothing new is dispatched, the cells in flight finish (and are charged), the task becomes STOPPED.
State lives in :class:`~localhub.batch.store.BatchStore`: after a restart, ANALYSING tasks are analysed again and
PROCESSING tasks continue with their PENDING cells (a cell that was in flight is rendered again and may replace
the files it had already written).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
import traceback
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any, Deque, Dict, Iterable, List, Optional

from byoc_qgis.core.batch_grids import TooManyCells, grid_cells
from byoc_qgis.core.batch_paths import (
    delivery_template,
    execution_db_url,
    expand_template,
    manifest_url,
    request_json_url,
)

from ..process.errors import ProcessError
from ..store import DuplicatePath
from . import cells as cells_mod
from .delivery import (
    Delivery,
    DeliveryError,
    cell_key_prefix,
    output_urls,
    write_execution_db,
    write_manifest,
)
from .store import BatchStore, Cell, Task, mask_request
from .validate import collection_id_of, response_formats

log = logging.getLogger("localhub.batch")

MAX_CELLS = 200_000
BATCH_PU_FACTOR = 1.0 / 3.0  # batch costs a third of the Process API for the same pixels [D DOC-V1; v2 assumed]
EXEC_DB_INTERVAL = 1.0  # seconds between uploads of the execution database while processing
NO_DATA = "No data"
_SAMPLE_TYPES = {
    "AUTO": (8, "UINT"),
    "UINT8": (8, "UINT"),
    "INT8": (8, "INT"),
    "UINT16": (16, "UINT"),
    "INT16": (16, "INT"),
    "FLOAT32": (32, "FLOAT"),
}
TIME_LIMIT_ENV = "LOCALHUB_PROCESS_TIME_LIMIT"


def _time_limit() -> float:
    try:
        return float(os.environ.get(TIME_LIMIT_ENV) or 30.0)
    except ValueError:
        return 30.0


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
                _time_limit(),
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
        request = task.request
        process = request["processRequest"]
        output = request["output"]
        formats = response_formats(process)
        url = output["delivery"]["s3"]["url"]
        template = delivery_template(url)
        collection = self.hub.get_collection(task.account_id, collection_id_of(process))
        if collection is None:
            self._fail(task.id, ("PROCESSING",), "The collection to process was deleted.")
            return True
        try:
            delivery = self._delivery(task)
            to_run = self._existing_outputs(task, delivery, template, formats)
        except DeliveryError as exc:
            self._fail(task.id, ("PROCESSING",), str(exc))
            return True
        if to_run is None:
            return True  # failed: outputs exist
        target = self._target_collection(task, collection)
        tiles = TileIndex(self.hub.iter_tiles(collection["id"], status="INGESTED"))
        req = cells_mod.parse_request(process)
        queue: Deque[Cell] = deque(to_run)
        in_flight: Dict[Future, Cell] = {}
        last_upload = 0.0
        self._upload_execution_db(task, delivery, url)
        workers = self.workers
        threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"localhub-batch-cell-{task.id[:8]}")
        try:
            while queue or in_flight:
                if self._stopping.is_set():
                    return False  # cells in flight stay PENDING (started): the next start renders them again
                current = self.store.get_task(task.id)
                stop = current is None or current.user_action == "STOP" or current.status != "PROCESSING"
                while queue and not stop and len(in_flight) < workers:
                    cell = queue.popleft()
                    selected = self._cell_tiles(cell, tiles, req)
                    if not selected:
                        self.store.finish_cell(task.id, cell.id, "DONE", NO_DATA, False, 0.0)
                        continue
                    self.store.mark_started(task.id, cell.id)
                    job = (task, cell, req, collection, selected, delivery, template, formats, target)
                    in_flight[threads.submit(self._run_cell, *job)] = cell
                if not in_flight:
                    break
                done, _ = wait(list(in_flight), timeout=0.5, return_when=FIRST_COMPLETED)
                for future in done:
                    cell = in_flight.pop(future)
                    error = future.exception()
                    if error is not None:  # a bug in delivery: the cell fails, the task goes on
                        log.error("localhub batch: cell %s of %s: %r", cell.name, task.id, error)
                        self.store.finish_cell(
                            task.id, cell.id, "FATAL", "Unexpected error; see the localhub log.", False, 0.0
                        )
                self._progress(task.id)
                if time.monotonic() - last_upload >= EXEC_DB_INTERVAL:
                    self._upload_execution_db(task, delivery, url)
                    last_upload = time.monotonic()
        finally:
            threads.shutdown(wait=not self._stopping.is_set(), cancel_futures=True)
        finished, total, _ = self.store.counts(task.id)
        current = self.store.get_task(task.id)
        if current is None or current.status != "PROCESSING":
            return True
        if finished < total:  # stopped by the user between cells
            self._progress(task.id)
            self._upload_execution_db(task, delivery, url)
            self.store.transition(
                task.id, ("PROCESSING",), "STOPPED", stopped_reason="USER_ACTION", stopped_at=time.time()
            )
            return True
        self._progress(task.id)  # 100 % while still PROCESSING: clients wait for that before DONE
        self._upload_execution_db(task, delivery, url)
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
        return True

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

    def _run_cell(
        self, task, cell: Cell, req, collection, tiles, delivery: Delivery, template, formats, target
    ) -> None:
        """Render, deliver and record one cell (a cell thread; the rendering itself happens in the pool)."""
        output = task.request["output"]
        folder = str(self.work_root / task.id / str(cell.id))
        try:
            try:
                files, pu = cells_mod.render_cell(
                    self.pool,
                    req,
                    collection,
                    tiles,
                    cell,
                    folder,
                    bool(output.get("cogOutput")),
                    output.get("cogParameters") or {},
                    _time_limit(),
                )
            except ProcessError as exc:
                self.store.finish_cell(task.id, cell.id, "FATAL", exc.message.strip()[:2000], False, 0.0)
                return
            urls = output_urls(template, task.id, cell, formats)
            try:
                for oid, path in files.items():
                    ctype = "application/json" if formats.get(oid) == "application/json" else "image/tiff"
                    delivery.put_file(delivery.key(urls[oid]), path, ctype)
            except DeliveryError as exc:
                self.store.finish_cell(task.id, cell.id, "FATAL", str(exc), False, 0.0)
                return
            self.store.finish_cell(task.id, cell.id, "DONE", None, True, pu * BATCH_PU_FACTOR)
            if target is not None:
                self._register_tile(task, cell, template, delivery, target)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

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

    # -- createCollection ----------------------------------------------------------------------------------------
    def _target_collection(self, task: Task, source: Dict[str, Any]) -> Optional[str]:
        """The BYOC collection the outputs go into (created on first use for ``createCollection``), or None."""
        output = task.request["output"]
        if output.get("collectionId"):
            return str(output["collectionId"])
        if not output.get("createCollection"):
            return None
        bands = self._collection_bands(task)
        bucket = task.request["output"]["delivery"]["s3"]["url"][5:].split("/", 1)[0]
        name = str(task.request.get("description") or f"Batch {task.id}")[:200]
        created = self.hub.create_collection(task.account_id, name, bucket, bands, None, None)

        def remember(current: Task) -> Dict[str, Any]:
            request = dict(current.request)
            request["output"] = dict(request["output"], collectionId=created["id"])
            return {"request": request}

        self.store.update(task.id, remember)
        task.request["output"]["collectionId"] = created["id"]
        return str(created["id"])

    def _collection_bands(self, task: Task) -> Dict[str, Dict[str, Any]]:
        """Bands of the new collection: output ``x`` with n bands gives ``x``, ``x2``, … ``xn`` (batch-api.md §2)."""
        outputs = task.internal.get("outputs") or {}
        bands: Dict[str, Dict[str, Any]] = {}
        for oid, mime in response_formats(task.request["processRequest"]).items():
            if mime != "image/tiff":
                continue
            spec = outputs.get(oid) or {"bands": 1, "sampleType": "AUTO"}
            bits, fmt = _SAMPLE_TYPES.get(str(spec.get("sampleType") or "AUTO"), (8, "UINT"))
            for index in range(1, int(spec.get("bands") or 1) + 1):
                name = oid if index == 1 else f"{oid}{index}"
                bands[name] = {"source": oid, "bandIndex": index, "bitDepth": bits, "sampleFormat": fmt}
        return bands

    def _register_tile(self, task: Task, cell: Cell, template: str, delivery: Delivery, collection_id: str) -> None:
        path = delivery.key(expand_template(template, task.id, cell.name, "(BAND)", "tif", tile_id=cell.id))
        try:
            tile = self.hub.create_tile(collection_id, path, None, None)
            self.engine.submit(tile["id"], 0)
        except DuplicatePath:  # a resumed or repeated cell: ingest the new bytes again
            found, _ = self.hub.list_tiles(collection_id, 0, 1, path=path)
            if found and self.hub.reingest_tile(collection_id, found[0]["id"]):
                self.engine.submit(found[0]["id"], self._generation(found[0]["id"]))
        self.store.mark_registered(task.id, cell.id)

    def _generation(self, tile_id: str) -> int:
        row = self.hub.tile_internal(tile_id) or {}
        return int(row.get("gen") or 0)


class TileIndex:
    """The collection's tiles with their lon/lat bounding boxes, to find the few near a cell quickly (the exact
    test, in the cell's CRS, is ``select_tiles``'s)."""

    def __init__(self, tiles: Iterable[Dict[str, Any]]) -> None:
        from localhub.process.crs import geojson_epsg, ogr_geometry, transformer

        self.items: List[tuple] = []
        for tile in tiles:
            geojson = tile.get("coverGeometry") or tile.get("tileGeometry")
            box = None
            if geojson:
                try:
                    geom = ogr_geometry(geojson)
                    epsg = geojson_epsg(geojson)
                    if epsg != 4326:
                        geom.Segmentize(max(geom.GetEnvelope()[1] - geom.GetEnvelope()[0], 1.0) / 16.0)
                        geom.Transform(transformer(epsg, 4326))
                    minx, maxx, miny, maxy = geom.GetEnvelope()
                    box = (minx, miny, maxx, maxy)
                except (ValueError, RuntimeError):
                    box = None
            self.items.append((box, tile))  # no usable geometry: always a candidate

    def __len__(self) -> int:
        return len(self.items)

    def near(self, cell: Cell, margin: float = 0.01) -> List[Dict[str, Any]]:
        """Tiles whose lon/lat box overlaps the cell's (with a margin of ``margin`` degrees)."""
        from localhub.process.crs import transformer

        steps = [i / 4.0 for i in range(5)]  # the cell's outline, 4 segments per edge (edges curve in lon/lat)
        ring = [(cell.minx + f * (cell.maxx - cell.minx), y) for f in steps for y in (cell.miny, cell.maxy)]
        ring += [(x, cell.miny + f * (cell.maxy - cell.miny)) for f in steps for x in (cell.minx, cell.maxx)]
        if cell.epsg != 4326:
            tr = transformer(cell.epsg, 4326)
            ring = [tr.TransformPoint(x, y)[:2] for x, y in ring]
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        x0, y0, x1, y1 = min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin
        return [
            t
            for box, t in self.items
            if box is None or (box[0] <= x1 and box[2] >= x0 and box[1] <= y1 and box[3] >= y0)
        ]
