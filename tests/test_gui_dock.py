"""The dock in pytest-qgis against localhub: connections (auth manager), collections, tiles layers with live
updates, tile actions from a selection, Add tiles, Process, and no secret anywhere."""

from __future__ import annotations

import uuid

import pytest

from .fixtures_rasters import make_small_tiles, make_tile
from .test_gui_support import ensure_provider, new_collection, upload_tiles
from .test_processing_support import set_master_password

pytestmark = pytest.mark.usefixtures("gui_provider")


def _wait(cond, timeout=60.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


def _wait_run(run, timeout=120.0):
    _wait(lambda: run.ok is not None, timeout)
    return run


def _wait_task(task, timeout=60.0):
    _wait(lambda: task.done, timeout)
    return task


class Log:
    """Every message QGIS logs while the test runs."""

    def __init__(self) -> None:
        from qgis.core import QgsApplication

        self.messages = []
        self._log = QgsApplication.messageLog()
        self._log.messageReceived.connect(self._got)

    def _got(self, message, tag, _level) -> None:
        self.messages.append((tag, message))

    def text(self) -> str:
        return "\n".join(f"{t}: {m}" for t, m in self.messages)

    def close(self) -> None:
        self._log.messageReceived.disconnect(self._got)


def _messages(iface, level_name: str):
    from qgis.core import Qgis

    return iface.messageBar().get_messages(getattr(Qgis.MessageLevel, level_name))


def _select_paths(layer, paths):
    ids = [f.id() for f in layer.getFeatures() if f["path"] in paths]
    layer.selectByIds(ids)
    return ids


def _statuses(layer):
    return {f["path"]: f["status"] for f in layer.getFeatures()}


def test_connection_dialog_puts_secrets_in_the_auth_manager_only(qgis_app, qgis_iface, localhub):
    from qgis.core import QgsSettings

    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.gui.connection_dialog import ConnectionDialog
    from byoc_qgis.gui.dock import ByocDock

    set_master_password()
    ensure_provider()
    dock = ByocDock(qgis_iface)
    try:
        dlg = ConnectionDialog(dock.store, dock.runner)
        name = f"dialog-made-{uuid.uuid4().hex[:6]}"
        dlg.name.setText(name)
        dlg.deployment.setCurrentIndex(dlg.deployment.findData("custom"))
        dlg.base_url.setText(localhub.base_url)
        dlg.token_url.setText(localhub.token_url)
        dlg.client_id.setText(localhub.client_id)
        dlg.client_secret.setText("not-the-right-secret")
        _wait_task(dlg.test_connection())
        assert dlg.test_ok is False
        assert "not-the-right-secret" not in dlg.test_result.text()
        assert "401" in dlg.test_result.text() or "invalid" in dlg.test_result.text().lower()
        dlg.client_secret.setText(localhub.client_secret)
        _wait_task(dlg.test_connection())
        assert dlg.test_ok is True, dlg.test_result.text()
        dlg.accept()
        assert dlg.result() == dlg.DialogCode.Accepted and dlg.saved is not None, dlg.error.text()
        saved = dock.store.load(name)
        assert qa.read_client_credentials(saved.settings.client_authcfg).secret() == localhub.client_secret
        assert saved.deployment.base_url == localhub.base_url
        settings = QgsSettings()
        values = " ".join(str(settings.value(k)) for k in settings.allKeys())
        assert localhub.client_secret not in values and saved.settings.client_authcfg in values
        dock.reload_connections(name)
        assert dock.connection().name == name
        _wait(lambda: dock.tree.topLevelItemCount() > 0 or "collection" in dock.status.text())
    finally:
        dock.cleanup()


def test_collections_tiles_live_updates_actions_and_no_secrets(dock, qgis_iface, conn, localhub, tmp_path):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsProject, QgsSettings, QgsVectorLayer

    from byoc_qgis.core.models import Tile
    from byoc_qgis.processing.tiles_common import FIELD_NAMES

    log = Log()
    try:
        client = dock.client()
        bucket = f"dock-{uuid.uuid4().hex[:8]}"
        localhub.s3.client().create_bucket(Bucket=bucket)
        # create a collection through the dock (byoc:createcollection as a task)
        run = _wait_run(dock.create_collection(f"dock {bucket}", bucket, ["B02", "B03"]))
        assert run.ok, run.error_text()
        cid = run.results["COLLECTION_ID"]
        _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == cid)
        # server-side search finds it, and only matching collections
        dock.search.setText(bucket)
        _wait(lambda: dock.tree.topLevelItemCount() == 1 and dock.selected_collection() is not None)
        item = dock.tree.topLevelItem(0)
        assert [item.text(i) for i in range(3)] == [f"dock {bucket}", bucket, "B02, B03"]

        # three tiles: two good, one with 128-px internal tiles (fails ingestion), registered while WAITING
        upload_tiles(localhub.s3, bucket, tmp_path, ["good/t1", "good/t2"])
        bad = tmp_path / "bad"
        bad.mkdir()
        for stem in ("B02", "B03"):
            make_small_tiles(bad / f"{stem}.tif", size=(600, 500))
            localhub.s3.client().upload_file(str(bad / f"{stem}.tif"), bucket, f"bad/t3/{stem}.tif")
        for i, name in enumerate(["good/t1", "good/t2", "bad/t3"]):
            client.byoc.create_tile(cid, Tile(f"{name}/(BAND).tif", sensing_time=f"2023-06-1{i}T10:00:00Z"))

        ctl = dock.show_tiles(cid)
        _wait(lambda: not ctl.loading)
        layer = ctl.layer
        assert layer.featureCount() == 3
        assert [f.name() for f in layer.fields()] == FIELD_NAMES
        assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
        assert layer.renderer().classAttribute() == "status"
        values = {c.value() for c in layer.renderer().categories()}
        assert {"INGESTED", "FAILED", "WAITING", "QUEUED", "INGESTING"} <= values
        group = QgsProject.instance().layerTreeRoot().findLayer(layer.id()).parent()
        assert group.name() == f"BYOC: {conn.name}"
        fids_before = {f["path"]: f.id() for f in layer.getFeatures()}

        # live update: nobody calls refresh; the layer polls until every tile is final
        _wait(lambda: set(_statuses(layer).values()) <= {"INGESTED", "FAILED"}, timeout=60)
        statuses = _statuses(layer)
        assert statuses["good/t1/(BAND).tif"] == "INGESTED" and statuses["bad/t3/(BAND).tif"] == "FAILED"
        assert {f["path"]: f.id() for f in layer.getFeatures()} == fids_before  # features changed in place
        assert ctl.pending == set()
        failed = next(f for f in layer.getFeatures() if f["status"] == "FAILED")
        assert "Ensure tiles of image at index" in failed["failed_cause"]
        assert layer.extent().xMinimum() > 10  # reprojected cover, degrees

        # explain the failure: the pre-flight rule (checked on the tile's files in S3) and its fix
        _select_paths(layer, ["bad/t3/(BAND).tif"])
        dock._update_tile_buttons()
        assert dock.act_explain.isEnabled()
        shown = []
        task = dock.explain(show=shown.append)
        _wait(lambda: shown)
        (path, expl), *_ = shown[0]
        assert path == "bad/t3/(BAND).tif" and expl.rule == "block-size" and expl.checked_files
        assert "BLOCKSIZE" in expl.fix
        del task

        # reingest from the selection: the service is asked again, the layer follows it to a final status
        run = _wait_run(dock.reingest())
        assert run.ok and run.results["COUNT"] == 1, run.error_text()
        _wait(lambda: _statuses(layer)["bad/t3/(BAND).tif"] == "FAILED" and not ctl.pending, timeout=60)

        # delete from the selection: confirmation names the count; the feature disappears
        _select_paths(layer, ["good/t2/(BAND).tif"])
        asked = []
        run = _wait_run(dock.delete_tiles(confirm=lambda n: asked.append(n) or True))
        assert asked == [1] and run.ok and run.results["COUNT"] == 1
        _wait(lambda: layer.featureCount() == 2, timeout=30)
        assert {t.path for t in client.byoc.iter_tiles(cid)} == {"good/t1/(BAND).tif", "bad/t3/(BAND).tif"}
        # refusing the confirmation deletes nothing
        _select_paths(layer, ["good/t1/(BAND).tif"])
        assert dock.delete_tiles(confirm=lambda n: False) is None

        # update sensing time of the selection (byoc:updatetiles); only that feature changes
        from datetime import datetime, timezone

        run = _wait_run(dock.update_sensing_time(datetime(2022, 1, 2, 3, 4, 5, tzinfo=timezone.utc)))
        assert run.ok, run.error_text()
        _wait(
            lambda: (
                next(f for f in layer.getFeatures() if f["path"] == "good/t1/(BAND).tif")["sensing_time"].toString(
                    "yyyy-MM-dd"
                )
                == "2022-01-02"
            )
        )

        # save as GeoPackage
        gpkg = str(tmp_path / "tiles.gpkg")
        assert dock.save_geopackage(gpkg) is None
        saved = QgsVectorLayer(gpkg, "saved", "ogr")
        assert saved.isValid() and saved.featureCount() == 2

        # no secret in settings, the project file, layer sources, the message bar or the log
        project_file = tmp_path / "project.qgs"
        assert QgsProject.instance().write(str(project_file))
        settings = QgsSettings()
        settings_text = " ".join(f"{k}={settings.value(k)}" for k in settings.allKeys())
        sources = " ".join(lyr.source() + lyr.name() for lyr in QgsProject.instance().mapLayers().values())
        bar = " ".join(
            str(m) for level in ("Info", "Warning", "Critical", "Success") for m in _messages(qgis_iface, level)
        )
        for secret in (localhub.client_secret, localhub.s3.secret_key):
            for where, text in (
                ("settings", settings_text),
                ("project", project_file.read_text()),
                ("layer sources", sources),
                ("message bar", bar),
                ("log", log.text()),
            ):
                assert secret not in text, where
        assert "BYOC" in {tag for tag, _m in log.messages}
    finally:
        log.close()


def test_add_a_local_cog_through_the_dialog(dock, qgis_iface, localhub, tmp_path):
    from .watchdog import StallWatchdog

    col = new_collection(dock.client(), localhub.s3)
    dock.refresh_collections(select=col["id"])
    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == col["id"])
    ctl = dock.show_tiles(col["id"])
    _wait(lambda: not ctl.loading)
    assert ctl.layer.featureCount() == 0

    folder = tmp_path / "scene"
    make_tile(folder / "2023-07-01" / "s1", stems=("B02",))
    dlg = dock.open_add_tiles()
    dlg.set_source("folder")
    dlg.folder.setFilePath(str(folder))
    assert not dlg.add_button.isEnabled()  # nothing is uploaded before a check
    dlg.path_template.setText("{name}/(BAND).tif")
    run = _wait_run(dlg.check())
    assert run.ok, run.error_text()
    _wait(lambda: not dlg.checking)  # the tiles are planned after the check
    assert dlg.add_button.isEnabled(), dlg.summary.text()
    assert dlg.summary.text() == "1 file checked: 1 tile will be created."
    assert dlg.planned.rows() == [
        ["2023-07-01/s1", "2023-07-01/s1/(BAND).tif", "2023-07-01 00:00:00", "Will be created"]
    ]
    with StallWatchdog() as dog:
        run = _wait_run(dlg.add())
        assert run.ok, run.error_text()
        # the new tile appears in the shown layer while it is registered and ingested
        _wait(lambda: ctl.layer.featureCount() == 1, timeout=30)
        _wait(lambda: _statuses(ctl.layer) == {"2023-07-01/s1/(BAND).tif": "INGESTED"}, timeout=60)
    assert run.results["REGISTERED"] == 1
    assert dog.longest_gap_ms < 1000, dog.gaps
    keys = {o["Key"] for o in localhub.s3.client().list_objects_v2(Bucket=col["bucket"]).get("Contents", [])}
    assert keys == {"2023-07-01/s1/B02.tif"}
    feat = next(ctl.layer.getFeatures())
    assert feat["sensing_time"].toString("yyyy-MM-dd") == "2023-07-01"


@pytest.fixture(scope="module")
def ingested(conn, localhub, tmp_path_factory):
    """A collection with two ingested tiles (B02, B03) over the test rasters' area."""
    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Tile

    client = conn.client()
    col = new_collection(client, localhub.s3)
    upload_tiles(localhub.s3, col["bucket"], tmp_path_factory.mktemp("proc"), ["a", "b"])
    tiles = [
        client.byoc.create_tile(col["id"], Tile(f"{n}/(BAND).tif", sensing_time=f"2023-05-0{i + 1}T09:00:00Z"))
        for i, n in enumerate("ab")
    ]
    result = wait_for_tiles(client.byoc, col["id"], tiles, timeout=60, initial_delay=0.1)
    assert result.ok
    return col


def test_process_the_canvas_extent_into_a_raster_layer(dock, qgis_iface, ingested):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer

    from .watchdog import StallWatchdog

    dock.refresh_collections(select=ingested["id"])
    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == ingested["id"])
    ctl = dock.show_tiles(ingested["id"])
    _wait(lambda: not ctl.loading)
    ctl.layer.selectAll()  # the time range defaults to the selected tiles' sensing times
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(ctl.layer.extent())
    dlg = dock.open_process()
    assert dlg.use_time.isChecked()
    assert dlg.time_from.dateTime().toUTC().toString("yyyy-MM-dd") == "2023-05-01"
    assert "B02" in dlg.editor.text()  # a template generated from the collection's bands
    dlg.res_mode.setCurrentIndex(dlg.res_mode.findData("pixels"))
    dlg.width_px.setValue(300)
    dlg.height_px.setValue(200)
    with StallWatchdog() as dog:
        run = _wait_run(dlg.start())
    assert run.ok, run.error_text()
    layer = dlg.result_layer
    assert isinstance(layer, QgsRasterLayer) and layer.isValid()
    assert (layer.width(), layer.height()) == (300, 200)
    assert layer.crs().authid() == "EPSG:4326"
    assert QgsProject.instance().mapLayer(layer.id()) is layer
    assert layer.name().startswith(dlg.script_title() + " — 2023-05-01")  # the script sent and the time range
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    assert node.parent().name() == f"{ingested['name']} — results"  # grouped under the collection
    assert dog.longest_gap_ms < 1000, dog.gaps

    # metres on a geographic canvas: requested in the UTM zone, size from the resolution
    dlg.res_mode.setCurrentIndex(dlg.res_mode.findData("metres"))
    dlg.metres.setValue(20.0)
    plan = dlg.plan()
    assert plan["crs"].authid() == "EPSG:32633"
    run = _wait_run(dlg.start())
    assert run.ok, run.error_text()
    assert (dlg.result_layer.width(), dlg.result_layer.height()) == (plan["width"], plan["height"])
    assert dlg.result_layer.crs().authid() == "EPSG:32633"

    # a broken evalscript: the service's error stays visible in the dialog, nothing is added
    dlg.editor.setText("//VERSION=3\nfunction setup() { return {input: ['NOPE'], output: {bands: 1}}; }\n")
    before = len(QgsProject.instance().mapLayers())
    run = _wait_run(dlg.start())
    assert not run.ok
    assert dlg.error.text()
    assert len(QgsProject.instance().mapLayers()) == before


def test_cover_from_layer_retrace_copy_and_rename(dock, localhub, ingested):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from byoc_qgis.gui.collection_dialog import edited_collection

    dock.refresh_collections(select=ingested["id"])
    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == ingested["id"])
    ctl = dock.show_tiles(ingested["id"])
    _wait(lambda: not ctl.loading)
    layer = ctl.layer
    traced = {f["path"]: f.geometry().asWkt(5) for f in layer.getFeatures()}
    _select_paths(layer, ["a/(BAND).tif"])

    # set cover from another layer's (only) feature, through byoc:updatetiles
    other = QgsVectorLayer("Polygon?crs=EPSG:4326", "aoi", "memory")
    feat = QgsFeature()
    feat.setGeometry(QgsGeometry.fromWkt("POLYGON((14.0 45.0, 14.05 45.0, 14.05 45.04, 14.0 45.04, 14.0 45.0))"))
    other.dataProvider().addFeatures([feat])
    run = _wait_run(dock.set_cover_from(other))
    assert run.ok, run.error_text()
    _wait(
        lambda: (
            next(f for f in layer.getFeatures() if f["path"] == "a/(BAND).tif").geometry().boundingBox().xMaximum()
            < 14.0501
        )
    )

    # re-trace it from the tile's COGs in S3: back to the traced outline
    task = _wait_task(dock.retrace_cover())
    assert task.error is None, task.error
    before = QgsGeometry.fromWkt(traced["a/(BAND).tif"]).boundingBox()

    def cover_box():
        return next(f for f in layer.getFeatures() if f["path"] == "a/(BAND).tif").geometry().boundingBox()

    _wait(lambda: abs(cover_box().xMaximum() - before.xMaximum()) < 0.002)
    assert abs(cover_box().yMinimum() - before.yMinimum()) < 0.002

    # copy the selected tile to another collection on the same bucket
    client = dock.client()
    from byoc_qgis.core.models import Collection

    target = client.byoc.create_collection(
        Collection(name=f"copy-{uuid.uuid4().hex[:6]}", s3_bucket=ingested["bucket"])
    )
    dock.refresh_collections(select=ingested["id"])
    _wait(lambda: target.id in dock.collections)
    task = _wait_task(dock.copy_tiles(target.id, ctl))
    assert task.error is None and task.result == {"copied": 1, "exists": 0, "missing": 0}
    assert [t.path for t in client.byoc.iter_tiles(target.id)] == ["a/(BAND).tif"]

    # rename the target and its bands (what the service still allows once tiles exist)
    col = client.byoc.get_collection(target.id)
    renamed = edited_collection(col, col.name + "-renamed", col.s3_bucket, list(col.bands), None, True)
    with pytest.raises(ValueError, match="bucket"):
        edited_collection(col, col.name, "another-bucket", list(col.bands), None, True)
    run = _wait_run(dock.update_collection(renamed))
    assert run.ok, run.error_text()
    assert client.byoc.get_collection(target.id).name == col.name + "-renamed"
