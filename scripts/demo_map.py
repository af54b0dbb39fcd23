"""Render the demo's PNG map: the false-colour GeoTIFF with the BYOC tile outlines, labelled by tile path, and the
batch step's result on top: its VRT mosaics (read from the delivery bucket through /vsis3/) inside the grid cells'
outlines, labelled by cell name.

Usage (QGIS's Python): python3 scripts/demo_map.py RESULT.tif TILES.gpkg OUT.png [WIDTH]
    [--mosaic VRT ...] [--cells CELLS.gpkg] [--s3-authcfg ID --s3-endpoint HOST:PORT --s3-bucket BUCKET]
The delivery bucket's keys are read from the QGIS auth manager (authcfg id) and held as GDAL per-bucket options by
the plugin's core (never in a layer source); the auth database is unlocked with $QGIS_AUTH_PASSWORD_FILE.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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

REPO = Path(__file__).resolve().parent.parent


def hold_delivery_bucket(authcfg: str, endpoint: str, bucket: str, mosaics) -> None:
    """Keep the delivery bucket's options set while the mosaics render (keys from the QGIS auth manager)."""
    sys.path.insert(0, str(REPO))
    from byoc_qgis.core.qgis_adapters import read_s3_keys
    from byoc_qgis.core.s3 import S3Config
    from byoc_qgis.core.s3_layers import hold_bucket

    manager = QgsApplication.authManager()
    password_file = os.environ.get("QGIS_AUTH_PASSWORD_FILE")
    if not manager.masterPasswordIsSet() and password_file:
        manager.setMasterPassword(Path(password_file).read_text().strip(), True)
    keys = read_s3_keys(authcfg)
    config = S3Config(bucket, keys.access_key, keys.secret_key, endpoint=endpoint, https=False, virtual_hosting=False)
    for path in mosaics:
        if not hold_bucket(config, path):
            raise SystemExit("demo_map: this GDAL cannot keep S3 settings for map layers (needs GDAL 3.6)")


def _cells_layer(cells: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(cells, "batch cells", "ogr")
    if not layer.isValid():
        raise SystemExit(f"demo_map: cannot open {cells}")
    symbol = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "0,229,255,255", "outline_width": "0.5", "outline_style": "dash"}
    )
    layer.renderer().setSymbol(symbol)
    label = QgsPalLayerSettings()
    label.fieldName = '"name" || if("delivered", \'\', \'\\n\' || "error")'  # "No data" under empty cells
    label.isExpression = True
    fmt = QgsTextFormat()
    fmt.setFont(QFont("Sans", 8))
    fmt.setColor(QColor(0, 229, 255))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setColor(QColor(0, 0, 0))
    buffer.setSize(0.8)
    fmt.setBuffer(buffer)
    label.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(label))
    layer.setLabelsEnabled(True)
    return layer


def render(result: str, tiles: str, out: str, width: int = 1400, mosaics=(), cells: str = "") -> None:
    """Write ``out`` (PNG): the result raster under the tile outlines, extent = result + 25 % margin; the batch
    mosaics and cell outlines on top."""
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

    batch_layers = []
    for path in mosaics:
        layer = QgsRasterLayer(path, Path(path).stem, "gdal")
        if not layer.isValid():
            raise SystemExit(f"demo_map: cannot open the batch mosaic {path}")
        batch_layers.append(layer)
    if cells:
        batch_layers.insert(0, _cells_layer(cells))
    project = QgsProject.instance()
    project.addMapLayers([raster, vector, *batch_layers])
    settings = QgsMapSettings()
    settings.setLayers([*batch_layers[:1], vector, *batch_layers[1:], raster])
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
    parser = argparse.ArgumentParser(description="Render the demo map.")
    parser.add_argument("result")
    parser.add_argument("tiles")
    parser.add_argument("out")
    parser.add_argument("width", nargs="?", type=int, default=1400)
    parser.add_argument("--mosaic", action="append", default=[], help="a batch VRT mosaic (repeatable)")
    parser.add_argument("--cells", default="", help="the batch grid cells layer")
    parser.add_argument("--s3-authcfg", default="")
    parser.add_argument("--s3-endpoint", default="")
    parser.add_argument("--s3-bucket", default="")
    args = parser.parse_args(argv[1:])
    app = QgsApplication([], False)
    app.initQgis()
    try:
        if args.mosaic:
            hold_delivery_bucket(args.s3_authcfg, args.s3_endpoint, args.s3_bucket, args.mosaic)
        render(args.result, args.tiles, args.out, args.width, args.mosaic, args.cells)
    finally:
        sys.path.insert(0, str(REPO))
        from byoc_qgis.core.s3_layers import release_all

        release_all()
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
