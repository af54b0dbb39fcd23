"""The dock's tile actions on the selected tiles of a tiles layer: sensing time, cover from another layer, re-trace
the cover, reingest, delete, copy to another collection, explain failures, save as GeoPackage.

A mixin of :class:`~.dock.ByocDock`: ``on_…`` slots collect their input in a dialog (:mod:`.dock_dialogs`) and call
the method of the same action, which takes its inputs as arguments (for tests and scripts) and hands the work to
:class:`~.tile_actions.TileActions` (``actions_impl``). It uses the dock's ``current_tiles()``, ``collections``,
``store``, ``notifier`` and ``dialogs``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, List, Optional

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtWidgets import QFileDialog

from ..core.models import Collection
from ..translation import tr, tr_n
from . import dock_dialogs
from .connections import Connection
from .guard import guarded
from .tiles_layer import TilesLayer
from .tiles_memory import save_as_geopackage

__all__ = ["TileActionsMixin", "utc"]


def utc(qdt) -> Optional[datetime]:
    """A ``QDateTime`` as an aware UTC ``datetime`` (None for an invalid or missing one)."""
    if qdt is None or not hasattr(qdt, "toMSecsSinceEpoch") or not qdt.isValid():
        return None
    return datetime.fromtimestamp(qdt.toMSecsSinceEpoch() / 1000.0, timezone.utc)


class TileActionsMixin:
    """The tile actions of the dock (see the module docstring)."""

    def _collection_of(self, ctl: TilesLayer) -> Optional[Collection]:
        return self.collections.get(ctl.collection_id)

    def _conn_of(self, ctl: TilesLayer) -> Connection:
        return self.store.load(ctl.connection)

    @guarded(lambda self: tr("Update sensing time"), retry=False)
    def on_sensing_time(self) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            return
        times = [t["sensing_time"] for t in ctl.selected_tiles() if t["sensing_time"]]
        chosen = dock_dialogs.ask_sensing_time(self, ctl.layer.selectedFeatureCount(), times[0] if times else None)
        if chosen is not None:
            self.actions_impl.update_sensing_time(ctl, self._conn_of(ctl), utc(chosen))

    @guarded(lambda self: tr("Update sensing time"))
    def update_sensing_time(self, when: datetime, ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        return self.actions_impl.update_sensing_time(ctl, self._conn_of(ctl), when) if ctl else None

    @guarded(lambda self: tr("Set cover from a layer"), retry=False)
    def on_cover_from_layer(self) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            return
        source = dock_dialogs.ask_cover_layer(self, ctl.layer)
        if source is not None:
            self.actions_impl.set_cover_from(ctl, self._conn_of(ctl), source)

    @guarded(lambda self: tr("Set cover from a layer"))
    def set_cover_from(self, source: QgsVectorLayer, feature=None, ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        return self.actions_impl.set_cover_from(ctl, self._conn_of(ctl), source, feature) if ctl else None

    @guarded(lambda self: tr("Re-trace cover"), retry=False)
    def on_retrace(self) -> None:
        self.retrace_cover()

    @guarded(lambda self: tr("Re-trace cover"))
    def retrace_cover(self, ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        if ctl is None:
            return None
        col = self._collection_of(ctl)
        conn = self._conn_of(ctl)
        if col is None:
            self.notifier.warning(tr("Re-trace cover"), tr("Refresh the collection list first"))
            return None
        try:
            conn.s3_config(col.s3_bucket)  # unusable S3 settings are said here, before a task starts
        except (ValueError, RuntimeError) as exc:
            self.notifier.error(tr("Re-trace cover"), exc)
            return None
        return self.actions_impl.retrace_cover(ctl, conn)

    @guarded(lambda self: tr("Reingest tiles"), retry=False)
    def on_reingest(self) -> None:
        self.reingest(confirm=lambda count: dock_dialogs.confirm_reingest(self, count))

    @guarded(lambda self: tr("Reingest tiles"))
    def reingest(self, ctl: Optional[TilesLayer] = None, confirm: Optional[Callable[[int], bool]] = None):
        """Reingest the selected tiles; with several, ``confirm(count)`` is asked once first (one tile: no
        question)."""
        ctl = ctl or self.current_tiles()
        return self.actions_impl.reingest(ctl, self._conn_of(ctl), confirm) if ctl else None

    @guarded(lambda self: tr("Delete tiles"), retry=False)
    def on_delete_tiles(self) -> None:
        self.delete_tiles(confirm=lambda count: dock_dialogs.confirm_delete_tiles(self, count))

    @guarded(lambda self: tr("Delete tiles"), retry=False)
    def delete_tiles(self, confirm: Callable[[int], bool], ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        return self.actions_impl.delete(ctl, self._conn_of(ctl), confirm) if ctl else None

    @guarded(lambda self: tr("Copy tiles"), retry=False)
    def on_copy_tiles(self) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            return
        others = [c for c in self.collections.values() if c.id != ctl.collection_id]
        if not others:
            self.notifier.info(tr("Copy tiles"), tr("There is no other collection to copy to"))
            return
        target = dock_dialogs.ask_copy_target(self, others)
        if target is not None:
            self.copy_tiles(target, ctl)

    @guarded(lambda self: tr("Copy tiles"))
    def copy_tiles(self, target_id: str, ctl: Optional[TilesLayer] = None):
        ctl = ctl or self.current_tiles()
        if ctl is None:
            return None
        target = self.collections.get(target_id)
        name = target.name if target else target_id
        return self.actions_impl.copy_to(ctl, self._conn_of(ctl), target_id, name)

    @guarded(lambda self: tr("Explain failure"), retry=False)
    def on_explain(self) -> None:
        self.explain()

    @guarded(lambda self: tr("Explain failure"))
    def explain(self, ctl: Optional[TilesLayer] = None, show: Optional[Callable] = None):
        ctl = ctl or self.current_tiles()
        if ctl is None:
            return None
        return self.actions_impl.explain(ctl, self._conn_of(ctl), show or self._show_explanations)

    def _show_explanations(self, items: List[tuple]) -> None:
        self.dialogs.append(dock_dialogs.explanations_dialog(self, items))

    @guarded(lambda self: tr("Save as GeoPackage"), retry=False)
    def on_save_gpkg(self) -> None:
        ctl = self.current_tiles()
        if ctl is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, tr("Save tiles as GeoPackage"), f"{ctl.layer.name()}.gpkg", tr("GeoPackage (*.gpkg)")
        )
        if path:
            self.save_geopackage(path, ctl)

    @guarded(lambda self: tr("Save as GeoPackage"), retry=False)
    def save_geopackage(self, path: str, ctl: Optional[TilesLayer] = None) -> Optional[str]:
        """Write the tiles layer to ``path``; returns the error or None."""
        ctl = ctl or self.current_tiles()
        if ctl is None:
            return tr("No tiles layer")
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        error = save_as_geopackage(ctl.layer, path)
        title = tr("Save as GeoPackage")
        if error:
            self.notifier.error(title, error)
        else:
            count = ctl.layer.featureCount()
            self.notifier.success(title, tr_n("%n tile saved to {}", "%n tiles saved to {}", count).format(path))
        return error
