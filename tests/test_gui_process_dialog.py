"""The Process dialog in pytest-qgis against localhub (issue 13 §5): choosing a template while the script is unedited
inserts it, an edited script stays; the result is named after the script that was sent and unique across runs;
results of one collection share one layer-tree group; pixels without data (dataMask 0) render transparent (checked
on rendered pixels). Screenshot: byoc-process-dialog-template."""

from __future__ import annotations

import pytest

from .test_gui_support import new_collection, upload_tiles

pytestmark = [pytest.mark.timeout(300), pytest.mark.usefixtures("gui_provider")]

ALPHA_SCRIPT = """//VERSION=3
function setup() {
  return {input: [{bands: ["B02", "dataMask"]}], output: {bands: 2, sampleType: "AUTO"}};
}
function evaluatePixel(s) {
  return [s.B02 / 3000, s.dataMask];
}
"""


def _wait(cond, timeout=90.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


@pytest.fixture(scope="module")
def ingested(conn, localhub, tmp_path_factory):
    """A collection with one ingested tile (B02, B03), and the tile's extent in its UTM CRS."""
    from osgeo import gdal

    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Tile

    client = conn.client()
    col = new_collection(client, localhub.s3)
    files = upload_tiles(localhub.s3, col["bucket"], tmp_path_factory.mktemp("process-dialog"), ["a"])
    tile = client.byoc.create_tile(col["id"], Tile("a/(BAND).tif", sensing_time="2023-05-01T09:00:00Z"))
    assert wait_for_tiles(client.byoc, col["id"], [tile], timeout=60, initial_delay=0.1).ok
    collection = client.byoc.get_collection(col["id"])
    client.close()
    ds = gdal.Open(files["a"]["B02"])
    x0, px, _, y0, _, py = ds.GetGeoTransform()
    bounds = (x0, y0 + py * ds.RasterYSize, x0 + px * ds.RasterXSize, y0)
    ds = None
    return collection, bounds


def _dialog(conn, qgis_iface, collection, bounds):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from byoc_qgis.gui.layer_tree import insert_below_connection
    from byoc_qgis.gui.notify import Notifier
    from byoc_qgis.gui.process_dialog import ProcessDialog
    from byoc_qgis.gui.tasks import TaskRunner

    runner = TaskRunner()
    dlg = ProcessDialog(
        conn,
        collection,
        runner,
        Notifier(qgis_iface),
        None,
        [],
        lambda layer: insert_below_connection(layer, conn.name),
    )
    dlg._test_runner = runner
    xmin, ymin, xmax, ymax = bounds
    margin = (xmax - xmin) * 0.25  # beyond the tile: no data there
    crs = QgsCoordinateReferenceSystem("EPSG:32633")
    dlg.extent.setOutputCrs(crs)
    dlg.extent.setOutputExtentFromUser(QgsRectangle(xmin - margin, ymin - margin, xmax + margin, ymax + margin), crs)
    dlg.res_mode.setCurrentIndex(dlg.res_mode.findData("pixels"))
    dlg.width_px.setValue(150)
    dlg.height_px.setValue(125)
    dlg.show()
    return dlg


def _run(dlg):
    run = dlg.start()
    assert run is not None, dlg.error.text()
    _wait(lambda: run.ok is not None, 120)
    assert run.ok, run.error_text()
    return dlg.result_layer


def _rendered_alpha(layer, data_pixel, empty_pixel):
    """Render ``layer`` alone over its extent; the alpha of the rendered map where two raster pixels are."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsPointXY
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(300, 300))
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    extent, out = layer.extent(), []
    for x, y in (data_pixel, empty_pixel):
        centre = QgsPointXY(
            extent.xMinimum() + (x + 0.5) * layer.rasterUnitsPerPixelX(),
            extent.yMaximum() - (y + 0.5) * layer.rasterUnitsPerPixelY(),
        )
        at = settings.mapToPixel().transform(centre)
        out.append(QColor.fromRgba(image.pixel(int(at.x()), int(at.y()))).alpha())
    return out


def _pixels(layer):
    """A pixel with data in every band and one that is 0 in every band (outside the tile), as (x, y)."""
    provider = layer.dataProvider()
    blocks = [provider.block(b, layer.extent(), layer.width(), layer.height()) for b in range(1, layer.bandCount() + 1)]
    data = empty = None
    for y in range(layer.height()):
        for x in range(layer.width()):
            values = [b.value(y, x) for b in blocks]
            if data is None and all(v > 0 for v in values):
                data = (x, y)
            if empty is None and all(v == 0 for v in values):
                empty = (x, y)
    assert data is not None and empty is not None
    return data, empty


def test_templates_names_groups_and_transparent_no_data(conn, qgis_iface, qgis_new_project, ingested, screenshots_dir):
    from qgis.core import QgsProject
    from qgis.PyQt.QtWidgets import QApplication

    from byoc_qgis.core.evalscripts import template_script
    from byoc_qgis.gui.result_group import results_group

    collection, bounds = ingested
    dlg = _dialog(conn, qgis_iface, collection, bounds)
    assert dlg.editor.text() == template_script(collection, "single", ["B02"], "tif")  # two bands: single band

    # choosing a template while the script is unedited inserts it at once (with its default bands)
    dlg.template.setCurrentIndex(dlg.template.findData("ndi"))
    assert dlg.editor.text() == template_script(collection, "ndi", ["B02", "B03"], "tif")
    dlg.template.setCurrentIndex(dlg.template.findData("true"))
    assert dlg.editor.text() == template_script(collection, "true", ["B02", "B03", "B02"], "tif")
    dlg.band_boxes[2].setCurrentText("B03")  # a band chosen for an unedited template: inserted too
    assert dlg.editor.text() == template_script(collection, "true", ["B02", "B03", "B03"], "tif")
    assert dlg.script_title() == "True colour (B02, B03, B03)"
    QApplication.processEvents()
    assert dlg.grab().save(str(screenshots_dir / "byoc-process-dialog-template.png"))

    # true colour: named after the template, in the collection's group, no-data transparent on the rendered map
    layer = _run(dlg)
    assert layer.name() == "True colour (B02, B03, B03)"
    group = results_group(conn.name, collection.id)
    assert group is not None and group.name() == f"{collection.name} — results"
    assert [n.layerId() for n in group.findLayers()] == [layer.id()]
    data, empty = _pixels(layer)
    assert _rendered_alpha(layer, data, empty) == [255, 0]

    # the same again: a unique name, the same group, newest on top
    again = _run(dlg)
    assert again.name() == "True colour (B02, B03, B03) (2)"
    assert [n.layerId() for n in group.findLayers()] == [again.id(), layer.id()]

    # an edited script stays when another template is chosen; its first comment names the result
    edited = dlg.editor.text().replace("//VERSION=3\n", "//VERSION=3\n// Blue-green brightness\n")
    dlg.editor.setText(edited)
    dlg.template.setCurrentIndex(dlg.template.findData("single"))
    assert dlg.editor.text() == edited
    assert _run(dlg).name() == "Blue-green brightness"

    # a script of one's own without a title, whose dataMask is an alpha band: "Custom evalscript", transparent
    dlg.editor.setText(ALPHA_SCRIPT)
    custom = _run(dlg)
    assert custom.name() == "Custom evalscript"
    assert custom.renderer().alphaBand() == 2
    data, empty = _pixels(custom)
    assert _rendered_alpha(custom, data, empty)[1] == 0
    assert len(group.findLayers()) == 4
    assert all(QgsProject.instance().mapLayer(n.layerId()) is not None for n in group.findLayers())
    dlg.close()
