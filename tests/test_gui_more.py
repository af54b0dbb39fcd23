"""More dock paths in pytest-qgis against localhub: Add tiles from an S3 prefix (date templates, traced covers),
Process to PNG/JPEG and an automatically split GeoTIFF, and the dock's modal dialogs (connections, collections,
tile actions) answered from a timer so no test blocks."""

from __future__ import annotations

import time
import uuid
from typing import List

import pytest

from .test_gui_support import new_collection, store_connection, upload_tiles

pytestmark = [pytest.mark.timeout(300), pytest.mark.usefixtures("gui_provider")]


def _wait(cond, timeout=60.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


def _wait_run(run, timeout=120.0):
    assert run is not None
    _wait(lambda: run.ok is not None, timeout)
    return run


def _wait_task(task, timeout=60.0):
    assert task is not None
    _wait(lambda: task.done, timeout)
    return task


class Answer:
    """Answers the next modal dialog (``exec()``, ``QMessageBox``, ``QFileDialog``) from a timer.

    ``handler(widget)`` runs once a modal widget is active; a widget it leaves open is rejected, so nothing
    blocks. Exceptions in the handler are kept in ``errors`` (an exception escaping a Qt slot would abort).
    """

    def __init__(self, handler, timeout: float = 30.0) -> None:
        from qgis.PyQt.QtCore import QTimer

        self.handler = handler
        self.seen: list = []
        self.errors: list = []
        self.left_open = False
        self._deadline = time.monotonic() + timeout
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._tick)

    def __enter__(self) -> Answer:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        from qgis.PyQt.QtWidgets import QApplication

        widget = QApplication.activeModalWidget()
        if widget is None:
            if time.monotonic() > self._deadline:
                self._timer.stop()
            return
        self._timer.stop()
        self.seen.append(type(widget).__name__)
        try:
            self.handler(widget)
        except BaseException as exc:  # noqa: BLE001 - reported by check()
            self.errors.append(exc)
        finally:
            if widget.isVisible():
                self.left_open = True
                widget.close()  # a public slot, also on dialogs not created from Python

    def check(self, expect_open: bool = False) -> None:
        """The handler ran without error (and closed the dialog unless ``expect_open``)."""
        assert self.seen, "no modal dialog appeared"
        if self.errors:
            raise self.errors[0]
        assert self.left_open == expect_open


def click(button):
    """A handler that clicks a ``QMessageBox`` standard button."""

    def handler(box) -> None:
        box.button(button).click()

    return handler


def _select(dock, collection_id: str) -> None:
    dock.refresh_collections(select=collection_id)
    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == collection_id)


def _features(layer) -> dict:
    return {f["path"]: f for f in layer.getFeatures()}


# ------------------------------------------------------------------------------------------------ Add tiles: S3
@pytest.mark.parametrize(
    "template, keys, cover",
    [
        (
            "{year}-{month}-{day}",
            {"scenes/2023-07-01/t1": "2023-07-01", "scenes/2023-07-09/t2": "2023-07-09"},
            "contain",
        ),
        ("%Y%m%d", {"raw/T33_20230812": "2023-08-12", "raw/T33_20230820": "2023-08-20"}, "none"),
    ],
    ids=["placeholders-traced", "strftime-bbox"],
)
def test_add_tiles_from_an_s3_prefix(dock, localhub, tmp_path, template, keys, cover):
    from qgis.core import QgsWkbTypes

    col = new_collection(dock.client(), localhub.s3)
    prefix = next(iter(keys)).split("/")[0]
    upload_tiles(localhub.s3, col["bucket"], tmp_path, list(keys))
    upload_tiles(localhub.s3, col["bucket"], tmp_path / "other", ["elsewhere/2023-01-01"])  # outside the prefix
    _select(dock, col["id"])
    ctl = dock.show_tiles(col["id"])
    _wait(lambda: not ctl.loading)
    assert ctl.layer.featureCount() == 0

    dlg = dock.open_add_tiles()
    dlg.set_source("s3")
    dlg.prefix.setText(prefix + "/")
    dlg.time_mode.setCurrentIndex(dlg.time_mode.findData("template"))
    dlg.time_template.setText(template)
    dlg.cover.setCurrentIndex(dlg.cover.findData(cover))
    assert dlg.add() is None and "Check" in dlg.summary.text()  # nothing registered before a check
    params = dlg.parameters()
    assert params["PREFIX"] == prefix and params["SENSING_TIME_TEMPLATE"] == template
    assert "PATH_TEMPLATE" not in params and "COGIFY" not in params  # local-only options stay out

    task = _wait_task(dlg.check())
    assert task.error is None, task.error
    assert dlg.add_button.isEnabled(), dlg.summary.text()
    assert dlg.summary.text() == "4 files checked: 2 tiles will be created."
    assert [r[:3] for r in dlg.planned.rows()] == [[k, f"{k}/(BAND).tif", f"{day} 00:00:00"] for k, day in keys.items()]

    run = _wait_run(dlg.add())
    assert run.ok, run.error_text()
    assert (run.results["REGISTERED"], run.results["SKIPPED"], run.results["FAILED"]) == (2, 0, 0)
    assert "2 tiles registered, 0 already registered, 0 failed." in dlg.summary.text()
    paths = {f"{k}/(BAND).tif": day for k, day in keys.items()}
    _wait(lambda: {p: f["status"] for p, f in _features(ctl.layer).items()} == dict.fromkeys(paths, "INGESTED"))
    for path, feat in _features(ctl.layer).items():
        assert feat["sensing_time"].toUTC().toString("yyyy-MM-dd") == paths[path]
        ring = feat.geometry()
        assert QgsWkbTypes.geometryType(ring.wkbType()) == QgsWkbTypes.PolygonGeometry
        vertices = sum(1 for _v in ring.vertices())
        if cover == "none":
            assert vertices == 5, ring.asWkt()  # the service's bbox
        else:
            assert vertices > 8, ring.asWkt()  # traced around the wavy no-data collar
    assert {t.path for t in dock.client().byoc.iter_tiles(col["id"])} == set(paths)

    # again: every tile is already registered, nothing changes
    task = _wait_task(dlg.check())
    run = _wait_run(dlg.add())
    assert run.ok and (run.results["REGISTERED"], run.results["SKIPPED"]) == (0, 2), run.error_text()
    assert ctl.layer.featureCount() == 2


def test_add_tiles_from_s3_bad_date_template_registers_nothing(dock, localhub, tmp_path):
    col = new_collection(dock.client(), localhub.s3)
    upload_tiles(localhub.s3, col["bucket"], tmp_path, ["scenes/2023-07-01/t1", "scenes/no-date/t2"], ("B02",))
    _select(dock, col["id"])
    dlg = dock.open_add_tiles()
    dlg.set_source("s3")

    # an empty prefix match: the check says so, Add stays disabled
    dlg.prefix.setText("nothing-here")
    _wait_task(dlg.check())
    assert dlg.summary.text() == "No raster found in the chosen input."
    assert not dlg.add_button.isEnabled()

    dlg.prefix.setText("scenes")
    dlg.time_template.setText("{year}-{month}-{day}")
    _wait_task(dlg.check())
    # one tile without a date stops the whole upload (createtilesfroms3 plans every tile first): said before
    # anything is sent, in the dialog's words, and Upload stays disabled
    assert not dlg.add_button.isEnabled(), dlg.summary.text()
    assert dlg.summary.text().startswith("2 files checked: nothing can be uploaded while one tile cannot be made.")
    assert "No date matching {year}-{month}-{day} in 'scenes/no-date/t2/(BAND).tif'" in dlg.summary.text()
    assert "SENSING_TIME_TEMPLATE" not in dlg.summary.text() + dlg.add_button.toolTip()
    rows = dlg.planned.rows()
    assert [r[:3] for r in rows] == [
        ["scenes/2023-07-01/t1", "scenes/2023-07-01/t1/(BAND).tif", "2023-07-01 00:00:00"],
        ["scenes/no-date/t2", "scenes/no-date/t2/(BAND).tif", ""],
    ]
    assert rows[0][3].startswith("Not created: the upload stops before any tile while tile scenes/no-date/t2")
    assert rows[1][3].startswith("Will fail: No date matching")
    assert dlg.add() is None
    assert list(dock.client().byoc.iter_tiles(col["id"])) == []  # nothing half-done
    assert dlg.check_button.isEnabled()


# ------------------------------------------------------------------------------------------- Process: PNG / JPEG
@pytest.fixture(scope="module")
def ingested(conn, localhub, tmp_path_factory):
    """A collection with two ingested tiles (B02, B03)."""
    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Tile

    client = conn.client()
    col = new_collection(client, localhub.s3)
    upload_tiles(localhub.s3, col["bucket"], tmp_path_factory.mktemp("more-proc"), ["a", "b"])
    tiles = [
        client.byoc.create_tile(col["id"], Tile(f"{n}/(BAND).tif", sensing_time=f"2023-05-0{i + 1}T09:00:00Z"))
        for i, n in enumerate("ab")
    ]
    assert wait_for_tiles(client.byoc, col["id"], tiles, timeout=60, initial_delay=0.1).ok
    client.close()
    return col


def _process_dialog(dock, qgis_iface, ingested):
    from qgis.core import QgsCoordinateReferenceSystem

    _select(dock, ingested["id"])
    ctl = dock.show_tiles(ingested["id"])
    _wait(lambda: not ctl.loading)
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(ctl.layer.extent())
    dlg = dock.open_process()
    dlg.res_mode.setCurrentIndex(dlg.res_mode.findData("pixels"))
    return dlg


def _gdal_info(path: str):
    from osgeo import gdal

    ds = gdal.Open(path)
    try:
        return ds.GetDriver().ShortName, ds.RasterCount, ds.RasterXSize, ds.RasterYSize, ds.GetGeoTransform()
    finally:
        ds = None


def test_process_to_png_and_jpeg(dock, qgis_iface, ingested, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer

    dlg = _process_dialog(dock, qgis_iface, ingested)
    dlg.width_px.setValue(240)
    dlg.height_px.setValue(160)

    # PNG, the default template of a two-band collection: one 16-bit band
    assert dlg.template.currentData() == "single"
    dlg.format.setCurrentIndex(dlg.format.findData("png"))
    dlg.output.setFilePath(str(tmp_path / "single"))  # the extension is added
    run = _wait_run(dlg.start())
    assert run.ok, run.error_text()
    layer = dlg.result_layer
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()
    assert layer.source() == str(tmp_path / "single.png")
    assert (layer.width(), layer.height(), layer.bandCount()) == (240, 160, 1)
    assert layer.crs().authid() == "EPSG:4326"
    driver, bands, w, h, gt = _gdal_info(layer.source())
    assert (driver, bands, w, h) == ("PNG", 1, 240, 160)
    extent = dlg.extent.outputExtent()
    assert gt[0] == pytest.approx(extent.xMinimum()) and gt[3] == pytest.approx(extent.yMaximum())
    assert QgsProject.instance().mapLayer(layer.id()) is layer

    # JPEG true colour (8-bit, three bands)
    dlg.template.setCurrentIndex(dlg.template.findData("true"))
    dlg.insert_template()
    assert '"sampleType": "AUTO"' in dlg.editor.text() and '"bands": 3' in dlg.editor.text()
    dlg.format.setCurrentIndex(dlg.format.findData("jpg"))
    dlg.output.setFilePath("")  # a temporary file
    run = _wait_run(dlg.start())
    assert run.ok, run.error_text()
    layer = dlg.result_layer
    assert layer.source().endswith(".jpg") and layer.isValid()
    assert (layer.width(), layer.height(), layer.bandCount()) == (240, 160, 3)
    assert _gdal_info(layer.source())[:4] == ("JPEG", 3, 240, 160)
    assert layer.name() == "True colour (B02, B03, B02)"  # the template that was sent, with its bands

    # a 16-bit band for JPEG: the generated template is 8-bit (scaled by the bit depth) and gives a 1-band JPEG
    dlg.template.setCurrentIndex(dlg.template.findData("single"))
    dlg.insert_template()
    assert '"sampleType": "AUTO"' in dlg.editor.text() and dlg.format_hint.isHidden()
    run = _wait_run(dlg.start())
    assert run.ok, run.error_text()
    assert _gdal_info(dlg.result_layer.source())[:4] == ("JPEG", 1, 240, 160)
    assert dlg.result_layer.dataProvider().bandStatistics(1).maximumValue > 0

    # switching the format regenerates an unedited template: GeoTIFF gets the band's own UINT16 back, JPEG 8-bit
    dlg.format.setCurrentIndex(dlg.format.findData("tif"))
    assert '"sampleType": "UINT16"' in dlg.editor.text()
    dlg.format.setCurrentIndex(dlg.format.findData("jpg"))
    assert '"sampleType": "AUTO"' in dlg.editor.text() and dlg.format_hint.isHidden()

    # an edited script stays as written: an inline hint says JPEG cannot hold UINT16 before running; the run
    # still shows the service's message and adds nothing
    dlg.format.setCurrentIndex(dlg.format.findData("tif"))
    dlg.editor.setText(dlg.editor.text().replace("return [s.", "return [1 * s."))
    dlg.format.setCurrentIndex(dlg.format.findData("jpg"))
    assert '"sampleType": "UINT16"' in dlg.editor.text()
    assert not dlg.format_hint.isHidden() and "UINT16" in dlg.format_hint.text()
    assert "JPEG" in dlg.format_hint.text() and "AUTO" in dlg.format_hint.text()
    before = set(QgsProject.instance().mapLayers())
    run = _wait_run(dlg.start())
    assert not run.ok
    assert "JPEG" in dlg.error.text()
    assert set(QgsProject.instance().mapLayers()) == before

    # PNG over 2500 px cannot be split: the info says so before running, the run fails with the reason
    dlg.format.setCurrentIndex(dlg.format.findData("png"))
    dlg.width_px.setValue(2600)
    assert "too large for PNG/JPEG" in dlg.info.text()
    run = _wait_run(dlg.start())
    assert not run.ok and "2500" in dlg.error.text()
    assert set(QgsProject.instance().mapLayers()) == before


def test_process_splits_a_large_geotiff_automatically(dock, qgis_iface, ingested):
    dlg = _process_dialog(dock, qgis_iface, ingested)
    dlg.format.setCurrentIndex(dlg.format.findData("tif"))
    dlg.width_px.setValue(2700)
    dlg.height_px.setValue(90)
    assert "split automatically into 2 requests" in dlg.info.text()
    run = _wait_run(dlg.start(), timeout=180)
    assert run.ok, run.error_text()
    layer = dlg.result_layer
    assert layer.isValid() and (layer.width(), layer.height()) == (2700, 90)
    assert (run.results["WIDTH_PX"], run.results["HEIGHT_PX"]) == (2700, 90)
    stats = layer.dataProvider().bandStatistics(1)
    assert stats.maximumValue > 0  # data in both halves' mosaic, not an empty frame
    block = layer.dataProvider().block(1, layer.extent(), 2700, 90)
    left = [block.value(45, x) for x in range(0, 1350, 50)]
    right = [block.value(45, x) for x in range(1350, 2700, 50)]
    assert any(v > 0 for v in left) and any(v > 0 for v in right)


# ------------------------------------------------------------------------------------ connections (exec dialogs)
def test_new_edit_and_remove_connection_through_modal_dialogs(dock, localhub, conn):
    from qgis.PyQt.QtWidgets import QMessageBox

    from byoc_qgis.core import qgis_adapters as qa

    name = f"modal-{uuid.uuid4().hex[:6]}"

    # new: Cancel adds nothing
    before = dock.store.names()
    with Answer(lambda d: d.reject()) as a:
        dock.on_new_connection()
    a.check()
    assert dock.store.names() == before

    # new: filled in and saved, then selected in the dock
    def fill(d) -> None:
        d.name.setText(name)
        d.deployment.setCurrentIndex(d.deployment.findData("custom"))
        d.base_url.setText(localhub.base_url)
        d.client_id.setText(localhub.client_id)
        d.client_secret.setText(localhub.client_secret)
        d.buttons.button(d.buttons.StandardButton.Save).click()

    with Answer(fill) as a:
        dock.on_new_connection()
    a.check()
    assert name in dock.store.names() and dock.connection().name == name
    authcfg = dock.store.load(name).settings.client_authcfg
    assert qa.read_client_credentials(authcfg).secret() == localhub.client_secret

    # edit: renaming onto another connection's name is refused inside the dialog, which stays open
    refused = []

    def clash(d) -> None:
        assert d.name.text() == name and d.base_url.text() == localhub.base_url
        d.name.setText(conn.name)
        d.accept()
        refused.append((d.isVisible(), d.error.text()))
        d.reject()

    with Answer(clash) as a:
        dock.on_edit_connection()
    a.check()
    assert refused and refused[0][0] is True and conn.name in refused[0][1]
    assert name in dock.store.names()

    # edit: rename and change the region; credentials stay, the old name is gone, the dock follows
    renamed = name + "-renamed"

    def rename(d) -> None:
        d.name.setText(renamed)
        d.s3_region.setText("eu-west-1")
        d.accept()

    with Answer(rename) as a:
        dock.on_edit_connection()
    a.check()
    assert renamed in dock.store.names() and name not in dock.store.names()
    edited = dock.store.load(renamed)
    assert edited.settings.client_authcfg == authcfg and edited.settings.s3_region == "eu-west-1"
    assert dock.connection().name == renamed and dock.store.active() == renamed
    _wait(lambda: f" on {renamed}" in dock.status.text())  # the renamed connection still works

    # remove: No keeps it
    with Answer(click(QMessageBox.StandardButton.No)) as a:
        dock.on_remove_connection()
    a.check()
    assert renamed in dock.store.names()

    # remove: Yes forgets it (the auth configuration stays); the dock falls back to another connection
    with Answer(click(QMessageBox.StandardButton.Yes)) as a:
        dock.on_remove_connection()
    a.check()
    assert renamed not in dock.store.names()
    assert dock.connection() is not None and dock.connection().name != renamed
    assert qa.read_client_credentials(authcfg).secret() == localhub.client_secret


def test_connection_dialog_validation_without_exec(dock, localhub):
    from byoc_qgis.gui.connection_dialog import ConnectionDialog

    dlg = ConnectionDialog(dock.store, dock.runner)
    assert dlg.test_ok is None  # before any test
    dlg.accept()
    assert dlg.result() == 0 and dlg.saved is None and "name" in dlg.error.text()
    dlg.name.setText("no-creds")
    dlg.deployment.setCurrentIndex(dlg.deployment.findData("custom"))
    dlg.accept()
    assert "base URL" in dlg.error.text()
    dlg.base_url.setText(localhub.base_url)
    dlg.client_id.setText("only-an-id")
    dlg.accept()
    assert "client secret" in dlg.error.text()
    assert dlg.test_connection() is None and dlg.test_ok is False
    dlg.client_id.clear()
    dlg.s3_access.setText("AKIA-only")
    dlg.auth.setConfigId(dock.connection().settings.client_authcfg)
    dlg.accept()
    assert "secret access key" in dlg.error.text()
    assert "no-creds" not in dock.store.names()
    dlg.reject()
    assert dlg.result() == 0


# ------------------------------------------------------------------------------------ collections (exec dialogs)
def test_new_edit_and_delete_collection_through_modal_dialogs(dock, localhub):
    from qgis.PyQt.QtWidgets import QMessageBox

    bucket = f"modal-{uuid.uuid4().hex[:8]}"
    localhub.s3.client().create_bucket(Bucket=bucket)
    client = dock.client()

    def ids():
        return {c.id for c in client.byoc.iter_collections(search=bucket)}

    # new: Cancel creates nothing; a dialog with errors stays open; OK creates it through the algorithm
    with Answer(lambda d: d.reject()) as a:
        dock.on_new_collection()
    a.check()

    errors = []

    def fill(d) -> None:
        d.name.setText(f"modal {bucket}")
        d.accept()
        errors.append(d.error.text())  # no bucket yet
        d.bucket.setText(bucket)
        d.bands.setText("B02, B03")
        d.nodata.setText("zero")
        d.accept()
        errors.append(d.error.text())
        d.nodata.setText("0")
        d.accept()  # checks the bucket in a task first, then closes
        _wait(lambda: not d.isVisible())
        assert d.check_result is not None and d.check_result.ok

    with Answer(fill) as a:
        dock.on_new_collection()
    a.check()
    assert "name and a bucket" in errors[0] and "'zero' is not a number" in errors[1]
    _wait(lambda: len(ids()) == 1)
    (cid,) = ids()
    col = client.byoc.get_collection(cid)
    assert list(col.bands) == ["B02", "B03"] and col.no_data == 0
    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == cid)

    # edit (after counting the tiles in a task): rename the collection and its bands
    def edit(d) -> None:
        assert d.tile_count == 0 and not d.bucket.isReadOnly()
        d.name.setText(f"modal {bucket} renamed")
        d.bands.setText("blue, green")
        d.accept()

    with Answer(edit) as a:
        dock.on_edit_collection()
        _wait(lambda: a.seen)
    a.check()
    _wait(lambda: client.byoc.get_collection(cid).name == f"modal {bucket} renamed")
    assert list(client.byoc.get_collection(cid).bands) == ["blue", "green"]

    # delete: the confirmation names the collection and its tile count and says the S3 files stay
    texts = []

    def cancel(box) -> None:
        texts.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().name.endswith("renamed"))
    assert dock.selected_collection().id == cid and dock.tree.selectedItems()[0].text(2) == "blue, green"
    with Answer(cancel) as a:
        dock.on_delete_collection()
        _wait(lambda: a.seen)
    a.check()
    assert f"modal {bucket} renamed" in texts[0] and " 0 tiles" in texts[0] and "S3" in texts[0]
    assert ids() == {cid}

    with Answer(click(QMessageBox.StandardButton.Yes)) as a:
        dock.on_delete_collection()
        _wait(lambda: a.seen)
    a.check()
    _wait(lambda: ids() == set())
    _wait(lambda: cid not in dock.collections)


# ------------------------------------------------------------------------------------- tile actions (exec dialogs)
def test_tile_actions_through_modal_dialogs(dock, qgis_iface, localhub, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
    from qgis.gui import QgsDateTimeEdit, QgsMapLayerComboBox
    from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime
    from qgis.PyQt.QtWidgets import QComboBox, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox

    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Tile

    client = dock.client()
    col = new_collection(client, localhub.s3)
    target = new_collection(client, None, name=f"target-{uuid.uuid4().hex[:6]}")
    upload_tiles(localhub.s3, col["bucket"], tmp_path, ["x/t1", "x/t2"], ("B02",))
    tiles = [
        client.byoc.create_tile(col["id"], Tile(f"x/{n}/(BAND).tif", sensing_time="2023-03-03T10:00:00Z"))
        for n in ("t1", "t2")
    ]
    assert wait_for_tiles(client.byoc, col["id"], tiles, timeout=60, initial_delay=0.1).ok
    _select(dock, col["id"])
    _wait(lambda: target["id"] in dock.collections)
    ctl = dock.show_tiles(col["id"])
    _wait(lambda: not ctl.loading and ctl.layer.featureCount() == 2)
    layer = ctl.layer

    def select(path: str) -> None:
        layer.selectByIds([f.id() for f in layer.getFeatures() if f["path"] == path])

    # sensing time: Cancel changes nothing; OK updates the selected tile only
    select("x/t1/(BAND).tif")
    with Answer(lambda d: d.reject()) as a:
        dock.on_sensing_time()
    a.check()

    def set_time(d) -> None:
        edit = d.findChild(QgsDateTimeEdit)
        edit.setDateTime(QDateTime(QDate(2021, 2, 3), QTime(4, 5, 6), Qt.TimeSpec.UTC))
        d.accept()

    with Answer(set_time) as a:
        dock.on_sensing_time()
    a.check()

    def day(path: str) -> str:
        return _features(layer)[path]["sensing_time"].toUTC().toString("yyyy-MM-dd")

    _wait(lambda: day("x/t1/(BAND).tif") == "2021-02-03")
    assert day("x/t2/(BAND).tif") == "2023-03-03"

    # cover from another layer's feature, chosen in the dialog's layer list
    aoi = QgsVectorLayer("Polygon?crs=EPSG:4326", "modal aoi", "memory")
    feat = QgsFeature()
    feat.setGeometry(QgsGeometry.fromWkt("POLYGON((14.0 45.0, 14.03 45.0, 14.03 45.02, 14.0 45.02, 14.0 45.0))"))
    aoi.dataProvider().addFeatures([feat])
    QgsProject.instance().addMapLayer(aoi)

    def choose_aoi(d) -> None:
        combo = d.findChild(QgsMapLayerComboBox)
        combo.setLayer(aoi)
        assert combo.currentLayer() is aoi
        d.accept()

    with Answer(choose_aoi) as a:
        dock.on_cover_from_layer()
    a.check()
    _wait(lambda: _features(layer)["x/t1/(BAND).tif"].geometry().boundingBox().xMaximum() < 14.0301)

    # copy to another collection picked in the dialog
    def choose_target(d) -> None:
        combo = d.findChild(QComboBox)
        combo.setCurrentIndex(combo.findData(target["id"]))
        d.accept()

    with Answer(choose_target) as a:
        dock.on_copy_tiles()
    a.check()
    _wait(lambda: [t.path for t in client.byoc.iter_tiles(target["id"])] == ["x/t1/(BAND).tif"])

    # save as GeoPackage through the file dialog
    gpkg = tmp_path / "modal-tiles.gpkg"

    def save(d) -> None:
        assert isinstance(d, QFileDialog)
        name = d.findChild(QLineEdit, "fileNameEdit")
        assert name.text() == f"{layer.name()}.gpkg"  # the proposed name
        name.setText(str(gpkg)[: -len(".gpkg")])  # the extension is added
        d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    with Answer(save) as a:
        dock.on_save_gpkg()
    a.check()
    saved = QgsVectorLayer(str(gpkg), "saved", "ogr")
    assert saved.isValid() and saved.featureCount() == 2

    # delete: Cancel keeps the tile, Yes deletes it
    select("x/t2/(BAND).tif")
    with Answer(click(QMessageBox.StandardButton.Cancel)) as a:
        dock.on_delete_tiles()
    a.check()
    assert len(list(client.byoc.iter_tiles(col["id"]))) == 2
    with Answer(click(QMessageBox.StandardButton.Yes)) as a:
        dock.on_delete_tiles()
    a.check()
    _wait(lambda: layer.featureCount() == 1)
    assert [t.path for t in client.byoc.iter_tiles(col["id"])] == ["x/t1/(BAND).tif"]


# ------------------------------------------------------------------------------------------------------ tr() audit
_TEXT_CALLS = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setWindowTitle",
    "setTitle",
    "setSuffix",
    "setPrefix",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "addAction",
    "addMenu",
    "addRow",
    "addTab",
    "pushMessage",
    "busy",
    "bind",
    "finish",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QAction",
    "QGroupBox",
    "QgsCollapsibleGroupBox",
    "QMenu",
    "information",
    "question",
    "warning",
    "critical",
    "success",
    "info",
    "error",
}
_FIRST_ARG_ONLY = {"addItem"}  # the second argument is item data, not text
_NOT_WORDS = {"http://127.0.0.1:8000", "eu-central-1"}  # examples of values, the same in every language


def _untranslated(node) -> List[str]:
    """String literals with words in ``node`` that are not wrapped in tr()."""
    import ast
    import re

    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr":
        return []
    if isinstance(node, (ast.List, ast.Tuple)):
        return [s for elt in node.elts for s in _untranslated(elt)]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return []
    if text in _NOT_WORDS or not re.search(r"[A-Za-z]{2,}", text) or text.startswith("/"):  # "/x.svg": icons
        return []
    return [text]


def test_every_user_visible_string_in_gui_goes_through_tr():
    import ast
    from pathlib import Path

    found = []
    for path in sorted((Path(__file__).resolve().parent.parent / "byoc_qgis" / "gui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in _FIRST_ARG_ONLY:
                args = node.args[:1]
            elif name in _TEXT_CALLS:
                args = list(node.args) + [k.value for k in node.keywords]
            else:
                continue
            for arg in args:
                found += [f"{path.name}:{node.lineno}: {name}({text!r})" for text in _untranslated(arg)]
    assert not found, "\n".join(found)


def test_tiles_layers_follow_a_renamed_connection_and_drop_a_removed_one(dock, qgis_iface, localhub, tmp_path):
    from qgis.core import QgsProject
    from qgis.PyQt.QtWidgets import QMessageBox

    from byoc_qgis.gui.layer_tree import PROP_CONNECTION

    from .test_gui_support import bulk_tiles, synthetic_rows

    name = f"follow-{uuid.uuid4().hex[:6]}"
    store_connection(localhub, name, with_s3=False)
    dock.reload_connections(name)
    col = new_collection(dock.client(), None)
    bulk_tiles(localhub, col["id"], synthetic_rows(3))
    _select(dock, col["id"])
    ctl = dock.show_tiles(col["id"])
    _wait(lambda: not ctl.loading and ctl.layer.featureCount() == 3)
    ctl.layer.selectByIds([next(ctl.layer.getFeatures()).id()])
    qgis_iface.setActiveLayer(ctl.layer)
    assert dock.current_tiles() is ctl

    renamed = name + "-new"

    def rename(d) -> None:
        d.name.setText(renamed)
        d.accept()

    with Answer(rename) as a:
        dock.on_edit_connection()
    a.check()
    group = QgsProject.instance().layerTreeRoot().findLayer(ctl.layer.id()).parent()
    assert group.name() == f"BYOC: {renamed}" and group.customProperty(PROP_CONNECTION) == renamed
    assert ctl.layer.customProperty(PROP_CONNECTION) == renamed
    # a tile action on the shown layer still works under the new name
    run = _wait_run(dock.reingest())
    assert run.ok and run.results["COUNT"] == 1, run.error_text()

    # removed: the layer stays in the project, but no tile action is offered on it any more
    with Answer(click(QMessageBox.StandardButton.Yes)) as a:
        dock.on_remove_connection()
    a.check()
    qgis_iface.setActiveLayer(ctl.layer)
    assert dock.current_tiles() is None
    dock._update_tile_buttons()
    assert not dock.act_reingest.isEnabled()
    assert dock.reingest() is None
