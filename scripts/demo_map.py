"""Render the demo's PNG map: the false-colour GeoTIFF with the BYOC tile outlines, labelled by tile path.

Usage (QGIS's Python): python3 scripts/demo_map.py RESULT.tif TILES.gpkg OUT.png [WIDTH]
"""

from __future__ import annotations

import sys

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsPalLayerSettings,
    QgsProject,
    QgsRasterLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QFont


def render(result: str, tiles: str, out: str, width: int = 1400) -> None:
    """Write ``out`` (PNG): the result raster under the tile outlines, extent = result + 25 % margin."""
    raster = QgsRasterLayer(result, "false colour", "gdal")
    if not raster.isValid():
        raise SystemExit(f"demo_map: cannot open {result}")
    vector = QgsVectorLayer(tiles, "tiles", "ogr")
    if not vector.isValid():
        raise SystemExit(f"demo_map: cannot open {tiles}")
    vector.setRenderer(vector.renderer().clone())
    symbol = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "255,221,0,255", "outline_width": "0.6", "outline_style": "solid"}
    )
    vector.renderer().setSymbol(symbol)
    label = QgsPalLayerSettings()
    label.fieldName = (
        "regexp_substr(\"path\", '([^/]+)/\\\\(BAND\\\\)') || '\\n' || format_date(\"sensing_time\", 'yyyy-MM-dd')"
    )
    label.isExpression = True
    label.placement = QgsPalLayerSettings.Placement.Horizontal if hasattr(QgsPalLayerSettings, "Placement") else 0
    fmt = QgsTextFormat()
    fmt.setFont(QFont("Sans", 9))
    fmt.setColor(QColor(255, 221, 0))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setColor(QColor(0, 0, 0))
    buffer.setSize(0.8)
    fmt.setBuffer(buffer)
    label.setFormat(fmt)
    vector.setLabeling(QgsVectorLayerSimpleLabeling(label))
    vector.setLabelsEnabled(True)

    project = QgsProject.instance()
    project.addMapLayers([raster, vector])
    settings = QgsMapSettings()
    settings.setLayers([vector, raster])
    settings.setDestinationCrs(raster.crs())
    settings.setTransformContext(project.transformContext())
    extent = raster.extent()
    tiles_extent = QgsCoordinateTransform(vector.crs(), raster.crs(), project).transformBoundingBox(vector.extent())
    extent.scale(1.5)
    extent = extent.intersect(tiles_extent.buffered(extent.width() * 0.05)) if not tiles_extent.isEmpty() else extent
    extent.combineExtentWith(raster.extent())
    height = int(width * extent.height() / extent.width())
    settings.setOutputSize(QSize(width, height))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor(32, 32, 40))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    if not job.renderedImage().save(out, "PNG"):
        raise SystemExit(f"demo_map: cannot write {out}")
    project.removeAllMapLayers()


def main(argv) -> int:
    if len(argv) < 4:
        print(__doc__)
        return 2
    app = QgsApplication([], False)
    app.initQgis()
    try:
        render(argv[1], argv[2], argv[3], int(argv[4]) if len(argv) > 4 else 1400)
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
