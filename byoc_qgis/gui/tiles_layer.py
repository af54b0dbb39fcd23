"""A collection's tiles as one live memory layer: loaded in chunks, then kept up to date while tiles ingest.

Loading never freezes QGIS (:class:`~.tiles_loader.TilesLoad`). A tile whose geometry or CRS cannot be used is
reported and skipped; the others load. While any tile is not final (WAITING/QUEUED/INGESTING) the layer polls the
service with backoff and changes only the features whose tile changed; the watch itself — what to poll, when, and
riding out an outage — is the core's :class:`~byoc_qgis.core.ingestion.TileWatcher`. This controller runs its
polls as tasks, schedules them with a timer and applies their changes to the layer.

The live refresh survives an outage: a refresh that finds the service unreachable (or answering 5xx/429) puts the
layer in trouble (:attr:`TilesLayer.trouble`, an :class:`~byoc_qgis.core.ingestion.Outage`) and tries again by
itself with backoff (``retry_in()`` seconds, :meth:`TilesLayer.retry_now`); the first refresh that works clears
it. Errors that waiting cannot fix (refused credentials, a deleted authcfg) stop the polling until
:meth:`TilesLayer.retry_now`.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Dict, List, Optional, Set

from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProject, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.ingestion import Outage, Problem, Row, TileChanges, TileWatcher, WatchPoll, poll_changes
from ..core.progress import Cancelled
from ..processing.tiles_common import FIELD_INDEX, FeatureBuilder, tile_signature, wire
from ..translation import tr, tr_n
from .layer_tree import connection_group
from .notify import error_details, log
from .tasks import FunctionTask, TaskRunner
from .tiles_loader import TilesLoad
from .tiles_memory import LAYER_CRS, new_tiles_layer

__all__ = ["TilesLayer", "refresh_tiles"]

WARNING = Qgis.MessageLevel.Warning
# Qgis.FeatureRequestFlag from QGIS 3.36 (the only spelling in QGIS 4), QgsFeatureRequest.Flag before
_NO_GEOMETRY = (
    Qgis.FeatureRequestFlag.NoGeometry if hasattr(Qgis, "FeatureRequestFlag") else QgsFeatureRequest.Flag.NoGeometry
)
MAX_SKIPPED_LOGGED = 20


def _signature(tile) -> tuple:
    return tile_signature(wire(tile))


def refresh_tiles(
    client,
    collection_id: str,
    known: Dict[str, tuple],
    check: List[str],
    builder: FeatureBuilder,
    full: bool = False,
    cancel: Optional[Callable[[], bool]] = None,
) -> TileChanges:
    """What changed in the service since ``known`` (tile id → signature), as features of ``builder``; worker-thread
    safe (:func:`~byoc_qgis.core.ingestion.poll_changes`)."""
    return poll_changes(client, collection_id, known, check, _signature, builder.try_feature, full, cancel)


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
        self.layer = layer if layer is not None else new_tiles_layer(connection, collection_id, collection_name)
        self.watcher = TileWatcher(collection_id)
        self.fids: Dict[str, int] = {}
        self.count = 0
        self.refresh_task: Optional[QgsTask] = None
        self.load_seconds: Optional[float] = None
        self._load: Optional[TilesLoad] = None
        self._poll = QTimer(self)
        self._poll.setSingleShot(True)
        self._poll.timeout.connect(self._refresh_now)
        self._reported: Set[str] = set()  # tiles already reported as not shown
        self._alive = True
        self._repaint_at = 0.0
        self._gen = 0  # bumped by load()/stop(): results of older refreshes are ignored
        self.open_links = None  # the message slots of the running load (tiles_open.load_tiles)
        self.load_started = False  # a load was started once (a controller made on demand has not loaded yet)
        self.on_first_tiles: Optional[Callable[[TilesLayer], None]] = None  # once the layer has tiles (zoom)
        self._reselect: Set[str] = set()  # tiles selected before a reload: selected again once it ends
        self._failed: Optional[int] = None  # FAILED tiles in the layer (counted on demand, forgotten on changes)
        self.layer.willBeDeleted.connect(self._layer_gone)

    # -- what the watcher knows ------------------------------------------------------------------------------------
    @property
    def sigs(self) -> Dict[str, tuple]:
        """Shown tiles → their signature."""
        return self.watcher.sigs

    @property
    def pending(self) -> Set[str]:
        """Shown tiles that are not final yet."""
        return self.watcher.pending

    @property
    def unshown(self) -> Dict[str, tuple]:
        """Tiles that cannot be shown (unusable geometry or CRS) → their signature."""
        return self.watcher.unshown

    @property
    def trouble(self) -> Optional[Outage]:
        """Why the live refresh does not work, or None."""
        return self.watcher.outage

    @property
    def loading(self) -> bool:
        return self._load is not None and self._load.active

    @property
    def load_task(self) -> Optional[QgsTask]:
        return self._load.task if self._load is not None else None

    # -- layer -----------------------------------------------------------------------------------------------------
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

    def _trouble_set(self, changed: bool) -> None:
        if changed:
            self.trouble_changed.emit()

    # -- loading ---------------------------------------------------------------------------------------------------
    def load(self) -> Optional[QgsTask]:
        """Start loading every tile (replaces the layer's features). Returns the task, or None when the client
        could not be built (``load_failed`` was emitted: a deleted authcfg, a locked auth database...)."""
        self.stop()
        self.load_started = True
        try:
            client = self.client_factory()
            builder = self._builder()
        except Exception as exc:  # noqa: BLE001 - reported through load_failed, like a failed listing
            self.load_failed.emit(exc)
            return None
        self._trouble_set(self.watcher.reset())
        # the selection is of feature ids that the reload replaces: keep it by tile id and apply it when the load
        # ends, so the layer never counts selected features that are gone (dialogs would contradict each other)
        selected = set(self.layer.selectedFeatureIds())
        self._reselect = {tid for tid, fid in self.fids.items() if fid in selected}
        self.layer.removeSelection()
        self.layer.dataProvider().truncate()
        self._failed = None
        self.fids.clear()
        self._reported.clear()
        self.count = 0
        if self._load is not None:
            self._load.deleteLater()
        self._load = TilesLoad(
            self.runner,
            tr("Loading the tiles of {}").format(self.collection_name),
            client,
            self.collection_id,
            _signature,
            builder.try_feature,
            self._add_rows,
            self._fed,
            self._load_finished,
            self,
        )
        return self._load.start()

    def cancel_load(self) -> None:
        """Cancel a running load (it ends with ``load_failed(Cancelled)``)."""
        if self._load is not None:
            self._load.cancel()

    def _fed(self) -> None:
        self.progress.emit(self.count)
        now = time.perf_counter()
        if now - self._repaint_at > 0.5:
            self._repaint_at = now
            self.layer.updateExtents()
            self.layer.triggerRepaint()

    def _load_finished(self, error: Optional[BaseException]) -> None:
        load = self._load
        self.layer.updateExtents()
        self.layer.triggerRepaint()
        self._report_problems(load.problems if load is not None else [])
        reselect, self._reselect = self._reselect, set()
        if error is not None:
            self.load_failed.emit(error)
            return
        if reselect:
            self.layer.selectByIds([self.fids[t] for t in reselect if t in self.fids])
        self.load_seconds = time.perf_counter() - (load.started_at if load is not None else 0.0)
        log(
            tr_n("%n tile of {} loaded in {:.1f} s", "%n tiles of {} loaded in {:.1f} s", self.count).format(
                self.collection_name, self.load_seconds
            )
        )
        self.loaded.emit(self.count)
        self._first_tiles()
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
            text = tr_n("… and %n more tile of {} cannot be shown", "… and %n more tiles of {} cannot be shown", more)
            log(text.format(self.collection_name), WARNING)
        self._reported.update(p[0] for p in new)
        tid, path, why = new[0]
        self.skipped.emit(len(new), f"{path or tid}: {why}")

    def _add_rows(self, rows: List[Row]) -> None:
        fresh = []
        for row in rows:
            if row[2] is None:
                self.watcher.not_shown(row)  # remembered so refreshes do not report it again
            elif row[0] not in self.fids:
                fresh.append(row)
        if not fresh:
            return
        self._failed = None
        ok, features = self.layer.dataProvider().addFeatures([r[2] for r in fresh])
        if not ok:
            text = tr_n("Could not add %n tile to the layer {}", "Could not add %n tiles to the layer {}", len(fresh))
            text = text.format(self.layer.name())
            log(text, Qgis.MessageLevel.Warning)
            return
        for row, feat in zip(fresh, features):
            self.fids[row[0]] = feat.id()
            self.watcher.shown(row)
        self.count = len(self.fids)

    # -- live refresh ----------------------------------------------------------------------------------------------
    def poke(self, tile_ids: Optional[List[str]] = None, watch_seconds: float = 0.0, only: bool = False) -> None:
        """Look again soon: ``tile_ids`` were changed by an action; watch for new tiles for ``watch_seconds`` (with
        ``only``: for exactly that long from now, ending a longer watch asked for earlier)."""
        self.watcher.poke(tile_ids, watch_seconds, only)
        if not self.loading and self._alive:
            self._schedule(0.2)

    def _schedule(self, seconds: float) -> None:
        if self.refresh_task is not None:
            return  # rescheduled when the running refresh finishes
        self._poll.start(int(seconds * 1000))

    def _after_change(self, changed: bool) -> None:
        self.pending_changed.emit(len(self.pending))
        if not self._alive or self.loading:
            return
        delay = self.watcher.next_delay(changed)
        if delay is not None:
            self._schedule(delay)

    def refresh(self, full: bool = False) -> Optional[QgsTask]:
        """Start one refresh now (``full`` lists the whole collection)."""
        if self.loading or self.refresh_task is not None or not self._alive:
            return None
        self._poll.stop()
        try:
            client = self.client_factory()
            builder = self._builder()
        except Exception as exc:  # noqa: BLE001 - a deleted authcfg, a locked auth database: trouble, not a crash
            self._refresh_failed(exc)
            return None
        poll = self.watcher.begin(full)
        poller = poll.client(client)
        gen = self._gen

        def work(task: QgsTask) -> TileChanges:
            return poll.run(poller, _signature, builder.try_feature, cancel=task.isCanceled)

        def done(changes: TileChanges) -> None:
            if gen == self._gen:
                self._refresh_done(changes)

        def failed(exc: BaseException) -> None:
            if gen == self._gen:
                self.refresh_task = None
                self._refresh_failed(exc, poll)

        task = FunctionTask(
            tr("Refreshing the tiles of {}").format(self.collection_name), work, done, failed, silent=True
        )
        self.refresh_task = task
        self.runner.start(task)
        return task

    def _refresh_done(self, changes: TileChanges) -> None:
        self.refresh_task = None
        if self._alive:
            recovered = self.watcher.succeeded()
            self._trouble_set(recovered)
            self.apply(changes)
            self._after_change(changed=recovered or not changes.empty)

    def _refresh_failed(self, exc: BaseException, poll: Optional[WatchPoll] = None) -> None:
        """Enter (or stay in) trouble: transient errors retry by themselves with backoff, others wait."""
        if not self._alive or isinstance(exc, Cancelled):
            self.watcher.requeue(poll)
            return
        before = self.watcher.outage
        first = before is None or type(before.error) is not type(exc)
        level = WARNING if first else Qgis.MessageLevel.Info
        log(tr("Refreshing {} failed: {}").format(self.collection_name, error_details(exc)), level)
        delay = self.watcher.failed(exc, poll)
        if delay is not None:
            self._poll.start(int(delay * 1000))
        else:
            self._poll.stop()
        self.trouble_changed.emit()

    def retry_now(self) -> Optional[QgsTask]:
        """Try the live refresh again at once (the Retry button); also resumes after a non-transient error."""
        self.watcher.retry()
        if self.refresh_task is not None or not self._alive:
            return None
        return self.refresh()

    def _refresh_now(self) -> None:
        self.refresh()

    def apply(self, changes: TileChanges) -> None:
        """Main thread: change only the features whose tile changed; add new ones; drop deleted ones."""
        provider = self.layer.dataProvider()
        self._report_problems(changes.problems)
        if not changes.empty:
            self._failed = None
        attrs: Dict[int, Dict[int, Any]] = {}
        geoms = {}
        added: List[Row] = list(changes.added)
        dropped: List[str] = []  # shown tiles whose new geometry cannot be used: dropped (and reported), not stale
        for row in changes.changed:
            tid, feat = row[0], row[2]
            fid = self.fids.get(tid)
            if feat is None:
                self.watcher.not_shown(row)
                if fid is not None:
                    dropped.append(tid)
            elif fid is None:
                added.append(row)
            else:
                attrs[fid] = dict(enumerate(feat.attributes()))
                if feat.hasGeometry():
                    geoms[fid] = feat.geometry()
                self.watcher.shown(row)
        if changes.changed:
            provider.changeAttributeValues(attrs)
            if geoms:
                provider.changeGeometryValues(geoms)
        if added:
            self._add_rows(added)
        removed = list(changes.removed) + dropped
        if removed:
            for tid in changes.removed:
                self.watcher.gone(tid)
            fids = [self.fids.pop(t) for t in removed if t in self.fids]
            if fids:
                self.layer.deselect(fids)
                provider.deleteFeatures(fids)
            self.count = len(self.fids)
        if not changes.empty:
            self.layer.updateExtents()
            self.layer.triggerRepaint()
            self.layer.dataChanged.emit()
            self.updated.emit(len(changes.changed), len(added), len(removed))
            if added:
                self._first_tiles()

    def _first_tiles(self) -> None:
        """Call ``on_first_tiles`` (once) as soon as the layer has tiles with an outline."""
        if self.on_first_tiles is None or not self._alive or self.layer.extent().isEmpty():
            return
        then, self.on_first_tiles = self.on_first_tiles, None
        then(self)

    # -- queries ---------------------------------------------------------------------------------------------------
    def selected_tiles(self) -> List[Dict[str, Any]]:
        """``{tile_id, path, status, sensing_time, failed_cause}`` of the selected features."""
        names = ("tile_id", "path", "status", "sensing_time", "failed_cause")
        out = []
        for feat in self.layer.getSelectedFeatures():
            out.append({n: feat.attribute(FIELD_INDEX[n]) for n in names})
        return out

    def failed_count(self) -> int:
        """How many tiles of the layer have FAILED (with or without an outline on the map)."""
        if self._failed is None:
            self._failed = sum(1 for _f in self._failed_features(FIELD_INDEX["status"]))
        return self._failed

    def _failed_features(self, index: int):
        request = QgsFeatureRequest().setFilterExpression("\"status\" = 'FAILED'")
        request.setFlags(_NO_GEOMETRY)
        request.setSubsetOfAttributes([index])
        return self.layer.dataProvider().getFeatures(request)

    def select_failed(self) -> int:
        """Select every FAILED tile (also those without a cover, which have nothing to click on the map); returns
        how many."""
        fids = [f.id() for f in self._failed_features(FIELD_INDEX["status"])]
        self.layer.selectByIds(fids)
        return len(fids)

    def stop(self) -> None:
        """Stop feeding and polling; cancel running tasks."""
        self._gen += 1
        self._poll.stop()
        if self._load is not None:
            self._load.abandon()
        if self.refresh_task is not None:
            try:
                self.refresh_task.cancel()
            except RuntimeError:
                pass
        self.refresh_task = None

    def release(self) -> None:
        """Stop, and let go of the layer's signals (the layer may outlive this controller: plugin unload)."""
        self.stop()
        try:
            self.layer.willBeDeleted.disconnect(self._layer_gone)
        except (TypeError, RuntimeError):
            pass
