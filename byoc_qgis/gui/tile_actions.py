"""Actions on the selected features of a tiles layer.

Where a Processing algorithm exists it runs as a task (update sensing time / cover: ``byoc:updatetiles``,
``byoc:reingesttiles``, ``byoc:deletetiles``); re-tracing covers from the tile's COGs, copying tiles to another
collection and explaining failures use the core client in a ``QgsTask``. After each action the tiles layer is
poked so the changed features refresh.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Dict, List, Optional

from qgis.core import (
    QgsFeature,
    QgsProcessingFeatureSourceDefinition,
    QgsVectorLayer,
)

from ..core.cover import trace_cover
from ..core.errors import ConflictError, NotFoundError
from ..core.models import Tile, TileStatus, format_time
from ..core.s3 import S3Config, bucket_options, vsis3_path
from ..translation import tr
from .explain import Explanation, explain_cause, explain_with_files, tile_file_keys
from .notify import Notifier
from .tasks import AlgorithmRun, FunctionTask, TaskRunner
from .tiles_layer import TilesLayer

__all__ = ["TileActions", "explanation_text"]


class TileActions:
    """The dock's tile actions for one connection (``client_factory`` and ``s3_factory`` run on the main thread)."""

    def __init__(self, runner: TaskRunner, notifier: Notifier) -> None:
        self.runner = runner
        self.notifier = notifier

    # -- helpers -----------------------------------------------------------------------------------------------------
    @staticmethod
    def _selection(ctl: TilesLayer) -> QgsProcessingFeatureSourceDefinition:
        return QgsProcessingFeatureSourceDefinition(ctl.layer.id(), True)

    @staticmethod
    def _ids(ctl: TilesLayer) -> List[str]:
        return [t["tile_id"] for t in ctl.selected_tiles() if t["tile_id"]]

    def _need_selection(self, ctl: Optional[TilesLayer], title: str) -> List[str]:
        if ctl is None:
            self.notifier.warning(title, tr("Show the tiles of a collection first, then select some tiles."))
            return []
        ids = self._ids(ctl)
        if not ids:
            self.notifier.warning(title, tr("Select one or more tiles in the layer {}.").format(ctl.layer.name()))
        return ids

    def _algorithm(
        self,
        title: str,
        alg: str,
        params: Dict[str, Any],
        ctl: TilesLayer,
        ids: List[str],
        summary: Callable[[AlgorithmRun], str],
        keep: Any = None,
    ) -> AlgorithmRun:
        def done(run: AlgorithmRun) -> None:
            run.keep = None
            if run.ok:
                self.notifier.success(title, summary(run))
            else:
                again = lambda: self._algorithm(title, alg, params, ctl, ids, summary, keep)  # noqa: E731
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"), retry=again)
            ctl.poke(ids)

        run = self.runner.run_algorithm(alg, params, done, title)
        run.keep = keep  # objects the algorithm reads (temporary layers) stay alive until it ends
        return run

    # -- actions -----------------------------------------------------------------------------------------------------
    def update_sensing_time(self, ctl: TilesLayer, connection, when: datetime) -> Optional[AlgorithmRun]:
        """Set one sensing time on every selected tile (``byoc:updatetiles``)."""
        title = tr("Update sensing time")
        ids = self._need_selection(ctl, title)
        if not ids:
            return None
        params = {
            "COLLECTION": ctl.collection_id,
            "INPUT": self._selection(ctl),
            "SENSING_TIME": format_time(when),
            "OUTPUT": "memory:",
            **connection.algorithm_parameters(),
        }
        return self._algorithm(
            title,
            "byoc:updatetiles",
            params,
            ctl,
            ids,
            lambda r: tr("{} tiles updated").format(r.results.get("UPDATED")),
        )

    def set_cover_from(
        self, ctl: TilesLayer, connection, source: QgsVectorLayer, feature: Optional[QgsFeature] = None
    ) -> Optional[AlgorithmRun]:
        """Give the selected tiles the geometry of a feature of another layer (its selected or only feature)."""
        title = tr("Set cover from a layer")
        ids = self._need_selection(ctl, title)
        if not ids:
            return None
        if feature is None:
            chosen = list(source.getSelectedFeatures()) or (
                list(source.getFeatures()) if source.featureCount() == 1 else []
            )
            if len(chosen) != 1:
                self.notifier.warning(
                    title, tr("Select exactly one feature in {} to use as the cover").format(source.name())
                )
                return None
            feature = chosen[0]
        geom = feature.geometry()
        if geom is None or geom.isEmpty():
            self.notifier.warning(title, tr("The chosen feature has no geometry"))
            return None
        temp = QgsVectorLayer(f"MultiPolygon?crs={source.crs().authid()}&field=tile_id:string", "covers", "memory")
        features = []
        for tid in ids:
            f = QgsFeature(temp.fields())
            f.setAttributes([tid])
            f.setGeometry(geom)
            features.append(f)
        temp.dataProvider().addFeatures(features)
        params = {
            "COLLECTION": ctl.collection_id,
            "INPUT": temp,
            "UPDATE_COVER": True,
            "OUTPUT": "memory:",
            **connection.algorithm_parameters(),
        }
        return self._algorithm(
            title,
            "byoc:updatetiles",
            params,
            ctl,
            ids,
            lambda r: tr("Cover set on {} tiles").format(r.results.get("UPDATED")),
            keep=temp,
        )

    def reingest(self, ctl: TilesLayer, connection) -> Optional[AlgorithmRun]:
        """Ask the service to ingest the selected tiles again (``byoc:reingesttiles``)."""
        title = tr("Reingest tiles")
        ids = self._need_selection(ctl, title)
        if not ids:
            return None
        params = {
            "COLLECTION": ctl.collection_id,
            "TILES": self._selection(ctl),
            "OUTPUT": "memory:",
            **connection.algorithm_parameters(),
        }
        return self._algorithm(
            title,
            "byoc:reingesttiles",
            params,
            ctl,
            ids,
            lambda r: tr("Reingestion requested for {} tiles").format(r.results.get("COUNT")),
        )

    def delete(self, ctl: TilesLayer, connection, confirm: Callable[[int], bool]) -> Optional[AlgorithmRun]:
        """Delete the selected tiles after ``confirm(count)`` (``byoc:deletetiles``; S3 files stay)."""
        title = tr("Delete tiles")
        ids = self._need_selection(ctl, title)
        if not ids or not confirm(len(ids)):
            return None
        params = {
            "COLLECTION": ctl.collection_id,
            "TILES": self._selection(ctl),
            "CONFIRM": True,
            "OUTPUT": "memory:",
            **connection.algorithm_parameters(),
        }
        return self._algorithm(
            title,
            "byoc:deletetiles",
            params,
            ctl,
            ids,
            lambda r: tr("{} tiles deleted; their S3 files stay").format(r.results.get("COUNT")),
        )

    def retrace_cover(
        self, ctl: TilesLayer, client, s3: S3Config, bands: Dict[str, dict], max_points: int = 95
    ) -> Optional[FunctionTask]:
        """Trace the cover of each selected tile again from its COGs in S3 and update the tiles."""
        title = tr("Re-trace cover")
        tiles = [t for t in ctl.selected_tiles() if t["tile_id"]] if ctl else []
        if not tiles:
            self._need_selection(ctl, title)
            return None
        cid = ctl.collection_id

        def work(task) -> int:
            done = 0
            with bucket_options(s3):
                for i, t in enumerate(tiles):
                    keys = tile_file_keys(t["path"], bands)
                    files = [vsis3_path(s3, k) for k in keys.values()]
                    result = trace_cover(files, max_points=max_points, cancel=task.isCanceled)
                    if result.geojson is None:
                        continue
                    tile = client.byoc.get_tile(cid, t["tile_id"], cancel=task.isCanceled)
                    tile.cover_geometry = result.geojson
                    client.byoc.update_tile(cid, tile, cancel=task.isCanceled)
                    done += 1
                    task.setProgress(100.0 * (i + 1) / len(tiles))
            return done

        def finished(done: int) -> None:
            self.notifier.success(title, tr("Cover traced again for {} of {} tiles").format(done, len(tiles)))
            ctl.poke([t["tile_id"] for t in tiles])

        def failed(exc: BaseException) -> None:
            self.notifier.error(title, exc, retry=lambda: self.retrace_cover(ctl, client, s3, bands, max_points))
            ctl.poke([t["tile_id"] for t in tiles])

        return self.runner.run_function(title, work, finished, failed)

    def copy_to(self, ctl: TilesLayer, client, target_id: str, target_name: str) -> Optional[FunctionTask]:
        """Register the selected tiles (path, sensing time, cover) in another collection; existing paths are kept."""
        title = tr("Copy tiles to {}").format(target_name)
        ids = self._need_selection(ctl, title)
        if not ids:
            return None
        cid = ctl.collection_id

        def work(task) -> Dict[str, int]:
            counts = {"copied": 0, "exists": 0, "missing": 0}
            for i, tid in enumerate(ids):
                try:
                    src = client.byoc.get_tile(cid, tid, cancel=task.isCanceled)
                except NotFoundError:
                    counts["missing"] += 1
                    continue
                copy = Tile(src.path, sensing_time=src.get("sensingTime"), cover_geometry=src.get("coverGeometry"))
                try:
                    client.byoc.create_tile(target_id, copy, cancel=task.isCanceled)
                    counts["copied"] += 1
                except ConflictError:
                    counts["exists"] += 1
                task.setProgress(100.0 * (i + 1) / len(ids))
            return counts

        def finished(counts: Dict[str, int]) -> None:
            self.notifier.success(
                title,
                tr("{} tiles registered, {} were there already, {} no longer exist").format(
                    counts["copied"], counts["exists"], counts["missing"]
                ),
            )

        def failed(exc: BaseException) -> None:
            self.notifier.error(title, exc, retry=lambda: self.copy_to(ctl, client, target_id, target_name))

        return self.runner.run_function(title, work, finished, failed)

    def explain(
        self,
        ctl: TilesLayer,
        s3: Optional[S3Config],
        bands: Dict[str, dict],
        show: Callable[[List[tuple]], None],
    ) -> Optional[Any]:
        """Explain the failure of each selected FAILED tile; ``show([(path, Explanation)])`` on the main thread."""
        title = tr("Explain failure")
        if ctl is None:
            self._need_selection(ctl, title)
            return None
        failed = [t for t in ctl.selected_tiles() if t["status"] == TileStatus.FAILED.value]
        if not failed:
            self.notifier.info(title, tr("Select one or more FAILED tiles to explain."))
            return None
        if s3 is None:
            show([(t["path"], explain_cause(t["failed_cause"])) for t in failed])
            return None

        def work(task) -> List[tuple]:
            out = []
            for t in failed:
                try:
                    out.append((t["path"], explain_with_files(t["failed_cause"], t["path"], bands, s3)))
                except Exception as exc:  # noqa: BLE001 - fall back to the wording of the cause
                    guess = explain_cause(t["failed_cause"])
                    guess.fix += " " + tr("(the files could not be checked: {})").format(s3.scrub(str(exc)))
                    out.append((t["path"], guess))
                if task.isCanceled():
                    break
            return out

        return self.runner.run_function(title, work, show, lambda exc: self.notifier.error(title, exc))


def explanation_text(items: List[tuple]) -> str:
    """All explanations as one text."""
    blocks = []
    for path, expl in items:
        text = expl.text() if isinstance(expl, Explanation) else str(expl)
        blocks.append(f"{path}\n{text}")
    return "\n\n".join(blocks)
