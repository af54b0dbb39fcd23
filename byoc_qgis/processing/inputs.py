"""Helpers to turn raster parameters (layers, files, folders) into file paths GDAL can open."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List

from qgis.core import QgsProcessingException, QgsRasterLayer

from ..translation import tr

__all__ = ["raster_source_path", "rasters_in_folder", "RASTER_EXTENSIONS"]

RASTER_EXTENSIONS = (".tif", ".tiff", ".jp2", ".vrt", ".img", ".nc")


def raster_source_path(layer) -> str:
    """The file (or /vsi path) behind a GDAL raster layer; a clear error for other providers."""
    if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
        name = layer.name() if layer is not None else "?"
        raise QgsProcessingException(
            tr("Layer {!r} is not a GDAL raster (file); only file-based rasters can be used").format(name)
        )
    source = layer.source()
    # GDAL layer URIs may carry options after a '|' (e.g. '|option:...'): keep the path only
    return source.split("|")[0]


def rasters_in_folder(folder: str, recursive: bool = True) -> List[str]:
    """Raster files under ``folder`` (sorted), by extension."""
    root = Path(folder)
    if not root.is_dir():
        raise QgsProcessingException(tr("Folder {!r} does not exist").format(folder))
    found: List[str] = []
    walker = os.walk(root) if recursive else [(str(root), [], os.listdir(root))]
    for dirpath, _dirs, files in walker:
        for name in files:
            if name.lower().endswith(RASTER_EXTENSIONS) and not name.startswith("."):
                found.append(str(Path(dirpath) / name))
    return sorted(found)
