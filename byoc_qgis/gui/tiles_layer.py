"""A collection's tiles as one live memory layer: chunked loading, status styles, refresh with backoff, GeoPackage.

Loading never freezes QGIS: a ``QgsTask`` lists the tiles page by page and builds the features (geometry
reprojection included) in its worker thread; the main thread only adds ready features to the layer in small
batches from a timer, with a time budget per tick. A tile whose geometry or CRS cannot be used is reported and
skipped; the others load. While any tile is not final (WAITING/QUEUED/INGESTING) the layer polls the service with
backoff and changes only the features whose tile changed.

The live refresh survives an outage: a refresh that finds the service unreachable (or answering 5xx/429) puts
the layer in :class:`Trouble` and tries again by itself with backoff (``retry_in()`` seconds, :meth:`retry_now`);
the first refresh that works clears it. Errors that waiting cannot fix (refused credentials, a deleted authcfg)
stop the polling until :meth:`retry_now`.
"""

from __future__ import annotations

import collections
import math
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Deque, Dict, List, Optional, Set, Tuple

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayerTreeGroup,
    QgsProject,
    QgsRendererCategory,
    QgsTask,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.byoc import ByocClient
from ..core.errors import NetworkError, NotFoundError, is_transient
from ..core.http import RetryPolicy
from ..core.progress import Cancelled
from ..processing.tiles_common import FIELD_INDEX, FINAL_STATUSES, FeatureBuilder, tile_signature, wire
from ..translation import tr
from . import gcguard
from .notify import error_details, log
from .tasks import FunctionTask, TaskRunner

__all__ = [
    "TilesLayer",
    "RefreshResult",
    "Trouble",
    "PROP_CONNECTION",
    "PROP_COLLECTION",
    "PROP_COLLECTION_NAME",
    "is_tiles_layer",
    "find_tiles_layer",
    "connection_group",
    "apply_status_style",
    "save_as_geopackage",
    "refresh_tiles",
]

PROP_CONNECTION = "byoc_qgis/connection"
PROP_COLLECTION = "byoc_qgis/collection_id"
PROP_COLLECTION_NAME = "byoc_qgis/collection_name"
LAYER_CRS = "EPSG:4326"
WARNING = Qgis.MessageLevel.Warning
BATCH = 250  # features per hand-over batch from the worker
TICK_BUDGET_S = 0.010  # main-thread time per feeder tick
FEED_INTERVAL_MS = 10
POLL_INITIAL_S = 1.0
POLL_FACTOR = 1.5
POLL_MAX_S = 30.0
FEW_PENDING = 30  # poll pending tiles one by one up to this many, else list the collection
OUTAGE_INITIAL_S = 2.0  # first retry after the service stopped answering; doubles up to OUTAGE_MAX_S
OUTAGE_MAX_S = 30.0
# A live refresh has its own retry loop (the outage backoff): each poll tries little and briefly, so a poll
# during an outage ends in about a second (QGIS announces tasks that fail after 5 s as "Task failed").
REFRESH_POLICY = RetryPolicy(max_attempts=2, backoff_base=0.25, backoff_cap=1.0)
OUTAGE_POLICY = RetryPolicy(max_attempts=1)
REFRESH_TIMEOUT = (3.0, 60.0)
MAX_SKIPPED_LOGGED = 20

Row = Tuple[str, tuple, Any]  # (tile id, signature, QgsFeature or None when the tile cannot be shown)
Problem = Tuple[str, str, str]  # (tile id, path, why it cannot be shown)

_STATUS_STYLES = (
    ("INGESTED", "51,160,44,70", "27,110,20,255", "solid"),
    ("FAILED", "227,26,28,110", "170,10,10,255", "solid"),
    ("INGESTING", "255,170,0,90", "200,120,0,255", "dash"),
    ("QUEUED", "255,210,60,80", "200,150,0,255", "dash"),
    ("WAITING", "200,200,200,80", "120,120,120,255", "dash"),
)


def _status_label(status: str) -> str:
    labels = {
        "INGESTED": tr("Ingested"),
        "FAILED": tr("Failed"),
        "INGESTING": tr("In progress: ingesting"),
        "QUEUED": tr("In progress: queued"),
        "WAITING": tr("In progress: waiting"),
    }
    return labels.get(status, status)


def apply_status_style(layer: QgsVectorLayer) -> None:
    """Categorized fills by ``status``: green INGESTED, red FAILED, dashed orange/yellow/grey in progress."""
    categories = []
    for status, fill, outline, line_style in _STATUS_STYLES:
        symbol = QgsFillSymbol.createSimple(
            {"color": fill, "outline_color": outline, "outline_width": "0.4", "outline_style": line_style}
        )
        categories.append(QgsRendererCategory(status, symbol, _status_label(status)))
    other = QgsFillSymbol.createSimple({"color": "150,150,150,60", "outline_color": "90,90,90,255"})
    categories.append(QgsRendererCategory(None, other, tr("Other")))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))


def is_tiles_layer(layer) -> bool:
    """True for a BYOC tiles layer made by the dock."""
    return isinstance(layer, QgsVectorLayer) and bool(layer.customProperty(PROP_COLLECTION, ""))


def find_tiles_layer(connection: str, collection_id: str) -> Optional[QgsVectorLayer]:
    """The project's tiles layer of this connection and collection, if any."""
    for layer in QgsProject.instance().mapLayers().values():
        if (
            is_tiles_layer(layer)
            and layer.customProperty(PROP_COLLECTION) == collection_id
            and layer.customProperty(PROP_CONNECTION) == connection
        ):
            return layer
    return None


def connection_group(connection: str) -> QgsLayerTreeGroup:
    """The layer-tree group of a connection (created at the top when missing)."""
    root = QgsProject.instance().layerTreeRoot()
    for group in root.findGroups():
        if group.customProperty(PROP_CONNECTION) == connection:
            return group
    group = root.insertGroup(0, tr("BYOC: {}").format(connection))
    group.setCustomProperty(PROP_CONNECTION, connection)
    return group


def save_as_geopackage(layer: QgsVectorLayer, path: str) -> Optional[str]:
    """Write the layer to a GeoPackage; returns None on success, else the error message."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer.name()
    options.fileEncoding = "UTF-8"
    result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsProject.instance().transformContext(), options)
    code, message = result[0], result[1]
    return None if code == QgsVectorFileWriter.WriterError.NoError else (message or str(code))


@dataclass
class Trouble:
    """Why the live refresh does not work. ``transient`` ones (no connection, 5xx, 429) are retried by themselves
    at ``retry_at`` (``time.monotonic()``); the others wait for :meth:`TilesLayer.retry_now`."""

    error: BaseException
    transient: bool
    attempts: int = 1
    retry_at: float = 0.0

    @property
    def unreachable(self) -> bool:
        """No connection at all (rather than a failing or rate-limiting service)."""
        return isinstance(self.error, NetworkError)

    def retry_in(self) -> int:
        """Whole seconds until the next automatic attempt (0 when none is planned)."""
        return max(0, int(math.ceil(self.retry_at - time.monotonic()))) if self.transient else 0


@dataclass
class RefreshResult:
    """What changed since the last known state (rows whose feature is None are tiles that cannot be shown)."""

    changed: List[Row] = field(default_factory=list)
    added: List[Row] = field(default_factory=list)
    removed: List[str] = field(default_factory=list)
    problems: List[Problem] = field(default_factory=list)
    full: bool = False

    @property
    def empty(self) -> bool:
        return not (self.changed or self.added or self.removed)


def refresh_tiles(
    client,
    collection_id: str,
    known: Dict[str, tuple],
    check: List[str],
    builder: FeatureBuilder,
    full: bool = False,
    cancel: Optional[Callable[[], bool]] = None,
) -> RefreshResult:
    """Compare the service with ``known`` (tile id → signature); worker-thread safe.

    With few ids to ``check`` they are fetched one by one and the newest tiles are scanned for new ones;
    otherwise (or with ``full``) the whole collection is listed, which also finds deletions. ``client`` is a
    ``SentinelHubClient`` or a ``ByocClient``.
    """
    out = RefreshResult(full=full or len(check) > FEW_PENDING)
    byoc = getattr(client, "byoc", client)

    def row(d: Dict[str, Any], sig: tuple) -> Row:
        feature, problem = builder.try_feature(d)
        if feature is None:
            out.problems.append((d.get("id"), d.get("path") or "", problem))
        return (d.get("id"), sig, feature)

    if out.full:
        seen: Set[str] = set()
        for tile in byoc.iter_all_tiles(collection_id, cancel=cancel):
            d = wire(tile)
            tid = d.get("id")
            seen.add(tid)
            sig = tile_signature(d)
            old = known.get(tid)
            if old is None:
                out.added.append(row(d, sig))
            elif old != sig:
                out.changed.append(row(d, sig))
        out.removed = [tid for tid in known if tid not in seen]
        return out
    for tid in check:
        try:
            tile = byoc.get_tile(collection_id, tid, cancel=cancel)
        except NotFoundError:
            out.removed.append(tid)
            continue
        d = wire(tile)
        sig = tile_signature(d)
        if known.get(tid) != sig:
            out.changed.append(row(d, sig))
    # new tiles: newest first, until a page's worth of known tiles in a row
    in_a_row = 0
    for tile in byoc.iter_tiles(collection_id, sort="created:desc", cancel=cancel):
        d = wire(tile)
        tid = d.get("id")
        if tid in known:
            in_a_row += 1
            if in_a_row >= 100:
                break
            continue
        in_a_row = 0
        out.added.append(row(d, tile_signature(d)))
    return out


class TilesLayer(QObject):
    """Controller of one tiles layer: load, live refresh, changes applied to the memory provider.

    ``client_factory()`` returns the connection's (thread-safe) client; it is called on the main thread.
    """

    progress = pyqtSignal(int)  # tiles loaded so far
    loaded = pyqtSignal(int)  # load finished: number of tiles
    load_failed = pyqtSignal(object)  # exception (Cancelled when cancelled)
    updated = pyqtSignal(int, int, int)  # changed, added, removed by a refresh
    pending_changed = pyqtSignal(int)  # tiles not final
    trouble_changed = pyqtSignal()  # the live refresh ran into trouble, or out of it (see ``trouble``)
    skipped = pyqtSignal(int, str)  # tiles that cannot be shown (unusable geometry/CRS): how many new, the first

    def __init__(
        self,
        runner: TaskRunner,
        client_factory: Callable[[], Any],
        connection: str,
        collection_id: str,
        collection_name: str,
        layer: Optional[QgsVectorLayer] = None,
        parent: Optional[QObject] = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.client_factory = client_factory
        self.connection = connection
        self.collection_id = collection_id
        self.collection_name = collection_name
        self.layer = layer if layer is not None else self._new_layer()
        self.fids: Dict[str, int] = {}
        self.sigs: Dict[str, tuple] = {}
        self.pending: Set[str] = set()
        self.dirty: Set[str] = set()
        self.unshown: Dict[str, tuple] = {}  # tiles that cannot be shown → their signature (not polled again)
        self.trouble: Optional[Trouble] = None
        self.count = 0
        self.loading = False
        self.load_task: Optional[QgsTask] = None
        self.refresh_task: Optional[QgsTask] = None
        self.load_seconds: Optional[float] = None
        self._queue: Deque[List[Row]] = collections.deque()
        self._lock = threading.Lock()
        self._worker_done = False
        self._worker_error: Optional[BaseException] = None
        self._t0 = 0.0
        self._feeder = QTimer(self)
        self._feeder.setInterval(FEED_INTERVAL_MS)
        self._feeder.timeout.connect(self._feed)
        self._poll = QTimer(self)
        self._poll.setSingleShot(True)
        self._poll.timeout.connect(self._refresh_now)
        self._delay = POLL_INITIAL_S
        self._watch_until = 0.0
        self._problems: List[Problem] = []
        self._reported: Set[str] = set()  # tiles already reported as not shown
        self._alive = True
        self._repaint_at = 0.0
        self._bulk = False
        self._gen = 0  # bumped by load()/stop(): results of older tasks are ignored
        self.layer.willBeDeleted.connect(self._layer_gone)

    # -- layer -----------------------------------------------------------------------------------------------------
    def _new_layer(self) -> QgsVectorLayer:
        from ..processing.tiles_common import tile_fields

        layer = QgsVectorLayer(f"MultiPolygon?crs={LAYER_CRS}", self.collection_name, "memory")
        layer.dataProvider().addAttributes(tile_fields().toList())
        layer.updateFields()
        layer.setCustomProperty(PROP_CONNECTION, self.connection)
        layer.setCustomProperty(PROP_COLLECTION, self.collection_id)
        layer.setCustomProperty(PROP_COLLECTION_NAME, self.collection_name)
        layer.setReadOnly(True)
        apply_status_style(layer)
        return layer

    def add_to_project(self) -> None:
        """Put the layer into the connection's group (once)."""
        project = QgsProject.instance()
        if project.mapLayer(self.layer.id()) is None:
            project.addMapLayer(self.layer, False)
            connection_group(self.connection).insertLayer(0, self.layer)

    def _layer_gone(self) -> None:
        self._alive = False
        self.stop()

    @property
    def alive(self) -> bool:
        return self._alive

    def _builder(self) -> FeatureBuilder:
        return FeatureBuilder(QgsCoordinateReferenceSystem(LAYER_CRS), QgsProject.instance().transformContext())

    # -- loading ---------------------------------------------------------------------------------------------------
    def load(self) -> Optional[QgsTask]:
        """Start loading every tile (replaces the layer's features). Returns the task, or None when the client
        could not be built (``load_failed`` was emitted: a deleted authcfg, a locked auth database...)."""
        self.stop()
        gen = self._gen
        try:
            client = self.client_factory()
            builder = self._builder()
        except Exception as exc:  # noqa: BLE001 - reported through load_failed, like a failed listing
            self.load_failed.emit(exc)
            return None
        self._set_trouble(None)
        provider = self.layer.dataProvider()
        provider.truncate()
        self.fids.clear()
        self.sigs.clear()
        self.pending.clear()
        self.dirty.clear()
        self.unshown.clear()
        self._reported.clear()
        self.count = 0
        queue = self._queue = collections.deque()
        problems: List[Problem] = []
        self._problems = problems
        self._worker_done = False
        self._worker_error = None
        self.loading = True
        self._t0 = time.perf_counter()
        cid = self.collection_id

        def work(task: QgsTask) -> int:
            batch: List[Row] = []
            n = 0
            for tile in client.byoc.iter_all_tiles(cid, cancel=task.isCanceled):
                d = wire(tile)
                feature, problem = builder.try_feature(d)
                if feature is None:  # reported and skipped; the other tiles load
                    problems.append((d.get("id"), d.get("path") or "", problem))
                batch.append((d.get("id"), tile_signature(d), feature))
                n += 1
                if len(batch) >= BATCH:
                    queue.append(batch)
                    batch = []
                    task.setProgress(100.0 * n / (n + 4000.0))
                    time.sleep(0)  # let the main thread take the GIL between batches
            if batch:
                queue.append(batch)
            return n

        def done(_n: int) -> None:
            if gen != self._gen:
                return
            self._worker_done = True
            self._feed()

        def failed(exc: BaseException) -> None:
            if gen != self._gen:
                return
            self._worker_error = exc
            self._worker_done = True
            self._feed()

        task = FunctionTask(tr("Loading the tiles of {}").format(self.collection_name), work, done, failed, silent=True)
        gcguard.bulk_begin()  # balanced by _end_bulk() in _finish_load() and stop()
        self._bulk = True
        try:
            self.load_task = task
            self.runner.start(task)
            self._feeder.start()
        except BaseException:
            self.loading = False
            self.load_task = None
            self._end_bulk()
            raise
        return task

    def cancel_load(self) -> None:
        if self.load_task is not None and self.loading:
            self.load_task.cancel()

    def _feed(self) -> None:
        """Main thread: add ready batches within the tick's time budget."""
        if not self._alive:
            self._feeder.stop()
            return
        task = self.load_task
        if self.loading and not self._worker_done and isinstance(task, FunctionTask) and task.done:
            # the task ended without handing over (its runner was closed): end the load as cancelled
            self._worker_error = Cancelled()
            self._worker_done = True
        start = time.perf_counter()
        added = False
        while self._queue and time.perf_counter() - start < TICK_BUDGET_S:
            self._add_rows(self._queue.popleft())
            added = True
        if added:
            self.progress.emit(self.count)
            now = time.perf_counter()
            if now - self._repaint_at > 0.5:
                self._repaint_at = now
                self.layer.updateExtents()
                self.layer.triggerRepaint()
        if self._worker_done and not self._queue and self.loading:
            self._finish_load()

    def _end_bulk(self) -> None:
        if self._bulk:
            self._bulk = False
            gcguard.bulk_end()

    def _finish_load(self) -> None:
        self._feeder.stop()
        self._end_bulk()
        self.loading = False
        self.load_task = None
        self.layer.updateExtents()
        self.layer.triggerRepaint()
        error = self._worker_error
        self._report_problems(self._problems)
        if error is not None:
            self.load_failed.emit(error)
            return
        self.load_seconds = time.perf_counter() - self._t0
        log(tr("{} tiles of {} loaded in {:.1f} s").format(self.count, self.collection_name, self.load_seconds))
        self.loaded.emit(self.count)
        self._after_change(changed=True)

    def _report_problems(self, problems: List[Problem]) -> None:
        """Log tiles that cannot be shown (the first few by name) and tell the dock once per batch."""
        new = [p for p in problems if p[0] not in self._reported]
        if not new:
            return
        for tid, path, why in new[:MAX_SKIPPED_LOGGED]:
            log(tr("Tile {} ({}) of {} cannot be shown: {}").format(tid, path, self.collection_name, why), WARNING)
        if len(new) > MAX_SKIPPED_LOGGED:
            more = len(new) - MAX_SKIPPED_LOGGED
            log(tr("… and {} more tiles of {} cannot be shown").format(more, self.collection_name), WARNING)
        self._reported.update(p[0] for p in new)
        tid, path, why = new[0]
        self.skipped.emit(len(new), f"{path or tid}: {why}")

    def _add_rows(self, rows: List[Row]) -> None:
        fresh = []
        for row in rows:
            if row[2] is None:
                self.unshown[row[0]] = row[1]  # cannot be shown: remembered so refreshes do not report it again
            elif row[0] not in self.fids:
                fresh.append(row)
        if not fresh:
            return
        ok, features = self.layer.dataProvider().addFeatures([r[2] for r in fresh])
        if not ok:
            text = tr("Could not add {} tiles to the layer {}").format(len(fresh), self.layer.name())
            log(text, Qgis.MessageLevel.Warning)
            return
        for (tid, sig, _f), feat in zip(fresh, features):
            self.fids[tid] = feat.id()
            self.sigs[tid] = sig
            self.unshown.pop(tid, None)
            if sig[0] not in FINAL_STATUSES:
                self.pending.add(tid)
        self.count = len(self.fids)

    # -- live refresh ----------------------------------------------------------------------------------------------
    def poke(self, tile_ids: Optional[List[str]] = None, watch_seconds: float = 0.0) -> None:
        """Look again soon: ``tile_ids`` were changed by an action; watch for new tiles for ``watch_seconds``."""
        if tile_ids:
            self.dirty.update(t for t in tile_ids if t)
        if watch_seconds:
            self._watch_until = max(self._watch_until, time.monotonic() + watch_seconds)
        self._delay = POLL_INITIAL_S
        if not self.loading and self._alive:
            self._schedule(0.2)

    def _watching(self) -> bool:
        return bool(self.pending or self.dirty or time.monotonic() < self._watch_until)

    def _schedule(self, seconds: float) -> None:
        if self.refresh_task is not None:
            return  # rescheduled when the running refresh finishes
        self._poll.start(int(seconds * 1000))

    def _after_change(self, changed: bool) -> None:
        self.pending_changed.emit(len(self.pending))
        if not self._alive or self.loading:
            return
        if changed:
            self._delay = POLL_INITIAL_S
        else:
            self._delay = min(POLL_MAX_S, self._delay * POLL_FACTOR)
        if self._watching():
            self._schedule(self._delay if not changed else POLL_INITIAL_S)

    def _poller(self, client) -> Any:
        """The BYOC client a refresh polls with: few, short attempts (the outage backoff is the retry loop)."""
        http = getattr(client, "http", None)
        if http is None or not hasattr(http, "with_policy"):
            return client
        policy = OUTAGE_POLICY if self.trouble is not None else REFRESH_POLICY
        return ByocClient(http.with_policy(policy, REFRESH_TIMEOUT))

    def refresh(self, full: bool = False) -> Optional[QgsTask]:
        """Start one refresh now (``full`` lists the whole collection)."""
        if self.loading or self.refresh_task is not None or not self._alive:
            return None
        self._poll.stop()
        try:
            client = self._poller(self.client_factory())
            builder = self._builder()
        except Exception as exc:  # noqa: BLE001 - a deleted authcfg, a locked auth database: trouble, not a crash
            self._refresh_failed(exc)
            return None
        known = {**self.unshown, **self.sigs}
        check = list(self.pending | self.dirty)
        self.dirty.clear()
        cid = self.collection_id
        gen = self._gen

        def work(task: QgsTask) -> RefreshResult:
            return refresh_tiles(client, cid, known, check, builder, full=full, cancel=task.isCanceled)

        def done(result: RefreshResult) -> None:
            if gen != self._gen:
                return
            self.refresh_task = None
            if self._alive:
                recovered = self.trouble is not None
                self._set_trouble(None)
                self.apply(result)
                self._after_change(changed=recovered or not result.empty)

        def failed(exc: BaseException) -> None:
            if gen != self._gen:
                return
            self.refresh_task = None
            self.dirty.update(check)
            if self._alive and not isinstance(exc, Cancelled):
                self._refresh_failed(exc)

        task = FunctionTask(
            tr("Refreshing the tiles of {}").format(self.collection_name), work, done, failed, silent=True
        )
        self.refresh_task = task
        self.runner.start(task)
        return task

    def _refresh_failed(self, exc: BaseException) -> None:
        """Enter (or stay in) trouble: transient errors retry by themselves with backoff, others wait."""
        attempts = self.trouble.attempts + 1 if self.trouble is not None else 1
        first = self.trouble is None or type(self.trouble.error) is not type(exc)
        level = WARNING if first else Qgis.MessageLevel.Info
        log(tr("Refreshing {} failed: {}").format(self.collection_name, error_details(exc)), level)
        if is_transient(exc):
            delay = min(OUTAGE_MAX_S, OUTAGE_INITIAL_S * 2 ** (attempts - 1))
            self._set_trouble(Trouble(exc, True, attempts, time.monotonic() + delay))
            self._poll.start(int(delay * 1000))
        else:
            self._poll.stop()
            self._set_trouble(Trouble(exc, False, attempts))

    def _set_trouble(self, trouble: Optional[Trouble]) -> None:
        if trouble is None and self.trouble is None:
            return
        self.trouble = trouble
        self.trouble_changed.emit()

    def retry_now(self) -> Optional[QgsTask]:
        """Try the live refresh again at once (the Retry button); also resumes after a non-transient error."""
        self._delay = POLL_INITIAL_S
        if self.refresh_task is not None or not self._alive:
            return None
        return self.refresh()

    def _refresh_now(self) -> None:
        self.refresh()

    def apply(self, result: RefreshResult) -> None:
        """Main thread: change only the features whose tile changed; add new ones; drop deleted ones."""
        provider = self.layer.dataProvider()
        self._report_problems(result.problems)
        unusable = [tid for tid, _sig, feat in result.changed if feat is None and tid in self.fids]
        if unusable:  # a shown tile whose new geometry cannot be used: dropped (and reported), not kept stale
            result.removed.extend(unusable)
        if result.changed:
            attrs: Dict[int, Dict[int, Any]] = {}
            geoms = {}
            for tid, sig, feat in result.changed:
                fid = self.fids.get(tid)
                if feat is None:
                    self.unshown[tid] = sig
                    continue
                if fid is None:
                    result.added.append((tid, sig, feat))
                    continue
                attrs[fid] = dict(enumerate(feat.attributes()))
                if feat.hasGeometry():
                    geoms[fid] = feat.geometry()
                self.sigs[tid] = sig
                if sig[0] in FINAL_STATUSES:
                    self.pending.discard(tid)
                else:
                    self.pending.add(tid)
            provider.changeAttributeValues(attrs)
            if geoms:
                provider.changeGeometryValues(geoms)
        if result.added:
            self._add_rows(result.added)
        if result.removed:
            fids = [self.fids.pop(t) for t in result.removed if t in self.fids]
            for tid in result.removed:
                self.sigs.pop(tid, None)
                self.pending.discard(tid)
                if tid not in unusable:
                    self.unshown.pop(tid, None)
            if fids:
                self.layer.deselect(fids)
                provider.deleteFeatures(fids)
            self.count = len(self.fids)
        if not result.empty:
            self.layer.updateExtents()
            self.layer.triggerRepaint()
            self.layer.dataChanged.emit()
            self.updated.emit(len(result.changed), len(result.added), len(result.removed))

    # -- queries ---------------------------------------------------------------------------------------------------
    def selected_tiles(self) -> List[Dict[str, Any]]:
        """``{tile_id, path, status, sensing_time, failed_cause}`` of the selected features."""
        names = ("tile_id", "path", "status", "sensing_time", "failed_cause")
        out = []
        for feat in self.layer.getSelectedFeatures():
            out.append({n: feat.attribute(FIELD_INDEX[n]) for n in names})
        return out

    def stop(self) -> None:
        """Stop feeding and polling; cancel running tasks."""
        self._gen += 1
        self._feeder.stop()
        self._poll.stop()
        for task in (self.load_task, self.refresh_task):
            if task is not None:
                try:
                    task.cancel()
                except RuntimeError:
                    pass
        self.refresh_task = None
        if self.loading:
            self.loading = False
            self.load_task = None
        self._end_bulk()
