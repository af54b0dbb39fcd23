"""The Process dialog's "Add as live view": the dialog's collection, evalscript, time range and mosaicking order as a
live view layer, without running a Process request.

The evalscript: a band template the user did not edit is made again for the live view (8-bit, 1 or 3 bands:
:func:`~byoc_qgis.core.live_tiles.live_evalscript`), whatever output format the dialog is set to; a script the user
wrote is used as written, and refused with the reason when a live view cannot show it (e.g. FLOAT32 output).
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from qgis.core import QgsRasterLayer
from qgis.PyQt.QtCore import Qt

from ..core.live_tiles import LIVE_TEMPLATES, live_evalscript
from ..translation import tr
from .layer import add_live_view

__all__ = ["live_view_arguments", "add_live_view_from"]


def _script(dialog: Any) -> str:
    script = dialog.editor.text()
    generated = getattr(dialog, "_generated", "")
    if generated and script == generated:  # an unedited template: its live view form
        key, bands = dialog._generated_from
        if key not in LIVE_TEMPLATES:
            raise ValueError(
                tr(
                    "A live view shows 1 or 3 bands: choose another template than “{}”, or write the evalscript."
                ).format(dialog.template.currentText())
            )
        return live_evalscript(dialog.collection, key, bands)
    if not script.strip():
        raise ValueError(tr("The evalscript is empty"))
    return script


def _time_range(dialog: Any) -> Optional[Tuple[str, str]]:
    if not dialog.use_time.isChecked():
        return None
    iso = Qt.DateFormat.ISODate
    return (
        dialog.time_from.dateTime().toUTC().toString(iso),
        dialog.time_to.dateTime().toUTC().toString(iso),
    )


def live_view_arguments(dialog: Any) -> Dict[str, Any]:
    """The :func:`~byoc_qgis.live.add_live_view` arguments for a Process dialog's form (raises ValueError)."""
    return {
        "connection_name": dialog.connection.name,
        "collection_id": dialog.collection.id,
        "evalscript": _script(dialog),
        "time_range": _time_range(dialog),
        "mosaicking_order": dialog.mosaicking.currentData(),
        "name": tr("{} (live view)").format(dialog.layer_name()),
    }


def add_live_view_from(dialog: Any) -> QgsRasterLayer:
    """Add the live view layer of a Process dialog's form to the current project and return it (main thread)."""
    return add_live_view(**live_view_arguments(dialog))
