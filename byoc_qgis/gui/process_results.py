"""Where the Process dialog's rasters go, what they remember, and "Process again…".

A processed raster must outlive the session like the project that shows it, so it is never written only to the
system temp folder: it goes to the folder the user chose (the ``byoc_qgis/gui/process_results_folder`` setting),
else to ``byoc_results`` next to the saved project, else to ``Sentinel Hub BYOC`` in the user's documents folder.

The raster layer records what made it: a :class:`~qgis.core.QgsLayerMetadata` (collection, time range,
evalscript, CRS and resolution, the Process API request body; saved in the project and in a ``.qmd`` beside the
file) and the dialog's state as a custom property (connection name, collection, extent, resolution, time,
mosaicking, evalscript, format), from which "Process again…" in the layer's context menu fills a new Process
dialog (:mod:`.process_again`). Neither holds a secret: the connection is named, its credentials stay in the
auth manager.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsBox3d,
    QgsCoordinateReferenceSystem,
    QgsDateTimeRange,
    QgsLayerMetadata,
    QgsMapLayer,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSettings,
)
from qgis.PyQt.QtCore import QDateTime, QStandardPaths, Qt

from ..processing.result_style import mask_no_data
from ..translation import tr

__all__ = [
    "SETTINGS_FOLDER",
    "PROP_PROCESS",
    "results_folder",
    "set_results_folder",
    "new_result_path",
    "dialog_state",
    "describe_result",
    "process_state",
    "fill_dialog",
    "mask_no_data",
]

SETTINGS_FOLDER = "byoc_qgis/gui/process_results_folder"
PROP_PROCESS = "byoc_qgis/process"
PROJECT_SUBFOLDER = "byoc_results"
STATE_VERSION = 1


# -- where -------------------------------------------------------------------------------------------------------
def results_folder() -> str:
    """The folder for new processed rasters: the chosen one, else next to the saved project, else documents."""
    chosen = (QgsSettings().value(SETTINGS_FOLDER, "") or "").strip()
    if chosen:
        return chosen
    project_dir = QgsProject.instance().absolutePath()
    if project_dir:
        return os.path.join(project_dir, PROJECT_SUBFOLDER)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return os.path.join(documents or os.path.expanduser("~"), "Sentinel Hub BYOC")


def set_results_folder(path: Optional[str]) -> None:
    """Choose the folder for processed rasters (None or "": back to the default)."""
    QgsSettings().setValue(SETTINGS_FOLDER, path or "")


def new_result_path(ext: str, name: str = "") -> str:
    """A new file in :func:`results_folder` (created when missing), named after ``name`` and the time."""
    folder = results_folder()
    os.makedirs(folder, exist_ok=True)
    stem = re.sub(r"[^0-9A-Za-z._-]+", "_", name).strip("_.")[:60] or "byoc"
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    return os.path.join(folder, f"{stem}_{stamp}_{uuid.uuid4().hex[:6]}.{ext}")


# -- how it is drawn -----------------------------------------------------------------------------------------------
# -- what the dialog asked -----------------------------------------------------------------------------------------
def _iso(value: QDateTime) -> str:
    return value.toUTC().toString(Qt.DateFormat.ISODate)


def dialog_state(dialog) -> Dict[str, Any]:
    """The Process dialog's inputs (no secret: the connection by name)."""
    extent, crs = dialog.extent.outputExtent(), dialog.extent.outputCrs()
    return {
        "version": STATE_VERSION,
        "connection": dialog.connection.name,
        "collection_id": dialog.collection.id,
        "collection_name": dialog.collection.name,
        "extent": [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()],
        "extent_crs": crs.authid() or crs.toWkt(),
        "resolution_mode": dialog.res_mode.currentData(),
        "metres": dialog.metres.value(),
        "width": dialog.width_px.value(),
        "height": dialog.height_px.value(),
        "use_time": dialog.use_time.isChecked(),
        "time_from": _iso(dialog.time_from.dateTime()),
        "time_to": _iso(dialog.time_to.dateTime()),
        "mosaicking": dialog.mosaicking.currentData(),
        "template": dialog.template.currentData(),
        "evalscript": dialog.editor.text(),
        "format": dialog.format.currentData(),
    }


def _crs(text: str) -> QgsCoordinateReferenceSystem:
    crs = QgsCoordinateReferenceSystem(text)
    if not crs.isValid():
        crs = QgsCoordinateReferenceSystem.fromWkt(text)
    return crs


def _utc(text: str) -> QDateTime:
    value = QDateTime.fromString(text, Qt.DateFormat.ISODate)
    return value.toUTC()


def describe_result(layer: QgsRasterLayer, state: Dict[str, Any], request: Optional[str] = None) -> None:
    """Record on ``layer`` what made it: metadata (also written as a ``.qmd`` beside the file) and the state."""
    layer.setCustomProperty(PROP_PROCESS, json.dumps(state, sort_keys=True))
    layer.setMetadata(_metadata(layer, state, request))
    try:
        layer.saveDefaultMetadata()
    except (AttributeError, RuntimeError):  # a source that cannot hold a sidecar: the project still has it
        pass


def _metadata(layer: QgsRasterLayer, state: Dict[str, Any], request: Optional[str]) -> QgsLayerMetadata:
    md = QgsLayerMetadata(layer.metadata())
    md.setIdentifier(f"byoc:{state['collection_id']}:{os.path.basename(layer.source())}")
    md.setParentIdentifier(f"byoc:{state['collection_id']}")
    md.setTitle(layer.name())
    md.setType("dataset")
    md.setLanguage("")
    crs = layer.crs()
    md.setCrs(crs)
    px_x = layer.rasterUnitsPerPixelX() if layer.width() else 0.0
    px_y = layer.rasterUnitsPerPixelY() if layer.height() else 0.0
    time_text = (
        tr("{} to {}").format(state["time_from"], state["time_to"]) if state.get("use_time") else tr("all times")
    )
    lines = [
        tr("Sentinel Hub BYOC collection {} ({}), connection {}.").format(
            state["collection_name"], state["collection_id"], state["connection"]
        ),
        tr("Time range: {}; mosaicking: {}.").format(time_text, state.get("mosaicking")),
        tr("{} × {} px in {}, {:g} × {:g} {} per pixel.").format(
            layer.width(), layer.height(), crs.authid(), px_x, px_y, _units(crs)
        ),
        tr("Evalscript:"),
        state.get("evalscript", ""),
    ]
    md.setAbstract("\n".join(lines))
    md.setKeywords({"byoc": ["Sentinel Hub", "BYOC", state["collection_id"]]})
    extent = QgsLayerMetadata.Extent()
    spatial = QgsLayerMetadata.SpatialExtent()
    spatial.extentCrs = crs
    r = layer.extent()
    spatial.bounds = QgsBox3d(r.xMinimum(), r.yMinimum(), 0.0, r.xMaximum(), r.yMaximum(), 0.0)
    extent.setSpatialExtents([spatial])
    if state.get("use_time"):
        extent.setTemporalExtents([QgsDateTimeRange(_utc(state["time_from"]), _utc(state["time_to"]))])
    md.setExtent(extent)
    history: List[str] = [tr("Processed with the Sentinel Hub BYOC plugin on {}").format(_now())]
    if request:
        history.append(tr("Process API request: {}").format(request))
    md.setHistory(history)
    return md


def _units(crs: QgsCoordinateReferenceSystem) -> str:
    return tr("degrees") if crs.isGeographic() else tr("metres")


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def process_state(layer: Optional[QgsMapLayer]) -> Optional[Dict[str, Any]]:
    """The Process dialog's state recorded on ``layer``, or None (not a processed raster)."""
    if not isinstance(layer, QgsRasterLayer):
        return None
    text = layer.customProperty(PROP_PROCESS, "")
    if not text:
        return None
    try:
        state = json.loads(text)
    except (TypeError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("collection_id") else None


def fill_dialog(dialog, state: Dict[str, Any]) -> None:
    """Put a recorded state into a Process dialog (of the same collection)."""
    crs = _crs(state.get("extent_crs", ""))
    xmin, ymin, xmax, ymax = state["extent"]
    dialog.extent.setOutputCrs(crs)
    dialog.extent.setOutputExtentFromUser(QgsRectangle(xmin, ymin, xmax, ymax), crs)
    _select(dialog.res_mode, state.get("resolution_mode"))
    dialog.metres.setValue(float(state.get("metres", dialog.metres.value())))
    dialog.width_px.setValue(int(state.get("width", dialog.width_px.value())))
    dialog.height_px.setValue(int(state.get("height", dialog.height_px.value())))
    dialog.use_time.setChecked(bool(state.get("use_time")))
    for widget, key in ((dialog.time_from, "time_from"), (dialog.time_to, "time_to")):
        if state.get(key):
            widget.setDateTime(_utc(state[key]))
    _select(dialog.mosaicking, state.get("mosaicking"))
    _select(dialog.format, state.get("format"))
    _select(dialog.template, state.get("template"))
    dialog.editor.setText(state.get("evalscript", ""))
    dialog.update_format_hint()
    dialog.update_info()


def _select(combo, data) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
