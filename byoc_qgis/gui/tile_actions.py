"""Actions on the selected features of a tiles layer, each a Processing algorithm run as a task.

Update sensing time / cover: ``byoc:updatetiles``; ``byoc:reingesttiles``; ``byoc:deletetiles``; re-trace covers from
the tiles' COGs: ``byoc:retracecover``; copy to another collection: ``byoc:copytiles``; explain failures:
``byoc:explainfailure``. After each action the tiles layer is poked so the changed features refresh.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Dict, List, Optional

from qgis.core import (
    QgsFeature,
    QgsProcessingFeatureSourceDefinition,
    QgsVectorLayer,
)

from ..core.explain import Explanation
from ..core.models import TileStatus, format_time
from ..translation import tr, tr_n
from .notify import Notifier
from .tasks import AlgorithmRun, TaskRunner
from .tiles_layer import TilesLayer

__all__ = ["TileActions", "ActionRun", "explanation_text"]


class TileActions:
    """The dock's tile actions; each takes the tiles layer and its connection (for the algorithms' parameters)."""

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

    @staticmethod
    def _params(ctl: TilesLayer, connection, with_s3: bool = False, **values: Any) -> Dict[str, Any]:
        """The algorithm's parameters: the layer's collection, ``values``, a memory OUTPUT and the connection's."""
        return {
            "COLLECTION": ctl.collection_id,
            **values,
            "OUTPUT": "memory:",
            **connection.algorithm_parameters(with_s3=with_s3),
        }

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
        then: Optional[Callable[[AlgorithmRun], None]] = None,
    ) -> AlgorithmRun:
        def done(run: AlgorithmRun) -> None:
            run.keep = None
            if then is not None:
                then(run)
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
        params = self._params(ctl, connection, INPUT=self._selection(ctl), SENSING_TIME=format_time(when))
        return self._algorithm(
            title,
            "byoc:updatetiles",
            params,
            ctl,
            ids,
            lambda r: tr_n("%n tile updated", "%n tiles updated", _count(r, "UPDATED")),
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
        params = self._params(ctl, connection, INPUT=temp, UPDATE_COVER=True)
        return self._algorithm(
            title,
            "byoc:updatetiles",
            params,
            ctl,
            ids,
            lambda r: tr_n("Cover set on %n tile", "Cover set on %n tiles", _count(r, "UPDATED")),
            keep=temp,
        )

    def reingest(
        self, ctl: TilesLayer, connection, confirm: Optional[Callable[[int], bool]] = None
    ) -> Optional[AlgorithmRun]:
        """Ask the service to ingest the selected tiles again (``byoc:reingesttiles``); with more than one tile,
        ``confirm(count)`` is asked once first (one tile: no question)."""
        title = tr("Reingest tiles")
        ids = self._need_selection(ctl, title)
        if not ids or (len(ids) > 1 and confirm is not None and not confirm(len(ids))):
            return None
        params = self._params(ctl, connection, TILES=self._selection(ctl))
        return self._algorithm(
            title,
            "byoc:reingesttiles",
            params,
            ctl,
            ids,
            lambda r: tr_n(
                "Reingestion requested for %n tile", "Reingestion requested for %n tiles", _count(r, "COUNT")
            ),
        )

    def delete(self, ctl: TilesLayer, connection, confirm: Callable[[int], bool]) -> Optional[AlgorithmRun]:
        """Delete the selected tiles after ``confirm(count)`` (``byoc:deletetiles``; S3 files stay)."""
        title = tr("Delete tiles")
        ids = self._need_selection(ctl, title)
        if not ids or not confirm(len(ids)):
            return None
        params = self._params(ctl, connection, TILES=self._selection(ctl), CONFIRM=True)
        return self._algorithm(
            title,
            "byoc:deletetiles",
            params,
            ctl,
            ids,
            lambda r: tr_n(
                "%n tile deleted; its S3 files stay", "%n tiles deleted; their S3 files stay", _count(r, "COUNT")
            ),
        )

    def retrace_cover(self, ctl: TilesLayer, connection, max_points: int = 95) -> Optional[ActionRun]:
        """Trace the cover of each selected tile again from its COGs in S3 and update the tiles
        (``byoc:retracecover``); ``result``: the number of tiles with a new cover."""
        title = tr("Re-trace cover")
        ids = self._need_selection(ctl, title)
        if not ids:
            return None
        params = self._params(ctl, connection, with_s3=True, TILES=self._selection(ctl), MAX_POINTS=max_points)
        action = ActionRun(lambda r: int(r.results.get("RETRACED") or 0))
        action.run = self._algorithm(
            title,
            "byoc:retracecover",
            params,
            ctl,
            ids,
            lambda r: tr_n(
                "Cover traced again for {} of %n tile", "Cover traced again for {} of %n tiles", len(ids)
            ).format(_count(r, "RETRACED")),
            then=action.finished,
        )
        return action

    def copy_to(self, ctl: TilesLayer, connection, target_id: str, target_name: str) -> Optional[ActionRun]:
        """Register the selected tiles (path, sensing time, cover) in another collection (``byoc:copytiles``);
        paths the target has already are kept. ``result``: ``{"copied", "exists", "missing"}``."""
        title = tr("Copy tiles to {}").format(target_name)
        ids = self._need_selection(ctl, title)
        if not ids:
            return None
        params = self._params(ctl, connection, TARGET_COLLECTION=target_id, TILES=self._selection(ctl))
        counts = {"copied": "COPIED", "exists": "EXISTS", "missing": "MISSING"}
        action = ActionRun(lambda r: {k: int(r.results.get(v) or 0) for k, v in counts.items()})
        action.run = self._algorithm(
            title,
            "byoc:copytiles",
            params,
            ctl,
            ids,
            lambda r: ", ".join(
                (
                    tr_n("%n tile registered", "%n tiles registered", _count(r, "COPIED")),
                    tr_n("%n was there already", "%n were there already", _count(r, "EXISTS")),
                    tr_n("%n no longer exists", "%n no longer exist", _count(r, "MISSING")),
                )
            ),
            then=action.finished,
        )
        return action

    def explain(self, ctl: TilesLayer, connection, show: Callable[[List[tuple]], None]) -> Optional[AlgorithmRun]:
        """Explain the failure of each selected FAILED tile (``byoc:explainfailure``, checking the tiles' files when
        the connection has S3 settings); ``show([(path, Explanation)])`` on the main thread."""
        title = tr("Explain failure")
        if ctl is None:
            self._need_selection(ctl, title)
            return None
        failed = [t for t in ctl.selected_tiles() if t["status"] == TileStatus.FAILED.value and t["tile_id"]]
        if not failed:
            self.notifier.info(title, tr("Select one or more FAILED tiles to explain."))
            return None
        settings = connection.settings
        params = self._params(
            ctl,
            connection,
            with_s3=True,
            TILE_IDS=",".join(t["tile_id"] for t in failed),
            CHECK_FILES=bool(settings.s3_authcfg or settings.s3_endpoint),
        )

        def done(run: AlgorithmRun) -> None:
            if not run.ok:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))
                return
            show(_explanations(run.layer("OUTPUT")))

        return self.runner.run_algorithm("byoc:explainfailure", params, done, title)


def _count(run: AlgorithmRun, output: str) -> int:
    """A count output of a finished algorithm run (0 when missing)."""
    try:
        return int(run.results.get(output) or 0)
    except (TypeError, ValueError):
        return 0


class ActionRun:
    """A dock action's algorithm run as its callers see it: ``done`` once it ended, ``error`` (None when it
    succeeded), ``result`` (the action's reading of the algorithm's outputs) and the ``run`` itself."""

    def __init__(self, read: Callable[[AlgorithmRun], Any]) -> None:
        self._read = read
        self.run: Optional[AlgorithmRun] = None
        self.done = False
        self.error: Optional[BaseException] = None
        self.result: Any = None

    def finished(self, run: AlgorithmRun) -> None:
        if run.ok:
            self.result = self._read(run)
        else:
            self.error = RuntimeError(run.error_text() or tr("see the BYOC log"))
        self.done = True


def _explanations(layer) -> List[tuple]:
    """``[(path, Explanation)]`` from byoc:explainfailure's table (the EXPLAINED rows)."""
    out = []
    for feat in layer.getFeatures() if layer is not None else []:
        if feat["status"] != "EXPLAINED":
            continue
        fix = feat["fix"] or ""
        if feat["note"]:
            fix += f" ({feat['note']})"
        out.append(
            (feat["path"], Explanation(feat["cause"] or "", feat["rule"] or None, fix, bool(feat["checked_files"])))
        )
    return out


def explanation_text(items: List[tuple]) -> str:
    """All explanations as one text: per tile its path, the service's cause, the pre-flight rule and the fix."""
    blocks = []
    for path, expl in items:
        if isinstance(expl, Explanation):
            head = expl.cause or tr("The service gave no cause.")
            rule = tr("Pre-flight rule: {}").format(expl.rule) if expl.rule else tr("No pre-flight rule matches.")
            source = tr("(found by checking the tile's files)") if expl.checked_files else ""
            text = f"{head}\n\n{rule} {source}\n{tr('Fix:')} {expl.fix}".strip()
        else:
            text = str(expl)
        blocks.append(f"{path}\n{text}")
    return "\n\n".join(blocks)
