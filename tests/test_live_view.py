"""Live views in QGIS against localhub: the pixels QGIS renders, requests (none for an unchanged view, outdated ones
dropped, 429 waited out), no secret in the layer or the project, save → reopen in a new session, the Temporal
Controller, and the plugin's registration of the path hooks."""

from __future__ import annotations

import re

import numpy as np
import pytest

from .live_view_scene import (
    BOTH,
    COUNT_RULE,
    DATE_A,
    DATE_B,
    aligned_extent,
    decode_like_qgis,
    process_png,
    process_requests_seen,
    qimage_array,
    render,
    set_faults,
)

# the service holds each request this long: longer than the test needs to move the view on (a few ms)
SLOW = {"method": "POST", "path": "/api/v1/process", "probability": 1.0, "fault": {"delay": 2.0}}


@pytest.fixture(scope="module")
def hub(s3_server, tmp_path_factory):
    from .fixtures_localhub import start_localhub

    root = tmp_path_factory.mktemp("live-qgis")
    hub = start_localhub(s3_server, root / "localhub.log", root / "data", fault_injection={"rules": [COUNT_RULE]})
    yield hub
    hub.stop()


@pytest.fixture(scope="module")
def scene(hub, tmp_path_factory):
    from .live_view_scene import build_scene

    scene = build_scene(hub, tmp_path_factory.mktemp("live-scene"))
    yield scene
    scene.client.close()


@pytest.fixture(scope="module")
def conn(qgis_app, hub):
    from .test_gui_support import release_provider, store_connection

    conn = store_connection(hub, "live-view", with_s3=False)
    yield conn
    release_provider()


@pytest.fixture
def live(qgis_app, qgis_iface, qgis_new_project, conn, hub):
    """The live view service of a fresh session (stopped after the test) and no fault but the request counter.

    pytest-qgis puts every layer added to the project on its canvas, which keeps the extent and CRS earlier tests
    left: its renders would ask for tiles too. It renders nothing here unless a test turns it on."""
    from qgis.core import QgsProject

    from byoc_qgis.live import service, stop_service

    from .watchdog import wait_until

    canvas = qgis_iface.mapCanvas()
    canvas.setRenderFlag(False)  # no refresh is scheduled from now on
    canvas.setLayers([])  # a refresh scheduled already (QgsMapCanvas::refreshMap ignores the flag) renders nothing
    wait_until(lambda: False, 0.05)  # its 1 ms timer fires
    assert wait_until(lambda: not canvas.isDrawing(), 30)
    set_faults(hub, [])
    svc = service()
    yield svc
    canvas.setLayers([])
    QgsProject.instance().removeAllMapLayers()
    stop_service()
    canvas.setRenderFlag(True)


def _add(scene, conn, time_range=BOTH, order="mostRecent", **kwargs):
    from byoc_qgis.live import add_live_view

    return add_live_view(conn.name, scene.collection_id, scene.evalscript, time_range, order, "live", **kwargs)


def _expected(scene, extent, width, height, time_range=BOTH, order="mostRecent"):
    return decode_like_qgis(process_png(scene, extent, width, height, time_range, order))


@pytest.mark.parametrize("zoom", [12, 13, 14])
def test_renders_the_same_pixels_as_one_process_request(live, scene, conn, hub, zoom):
    """At tile-aligned extents at a zoom level's resolution QGIS draws tiles 1:1 (no resampling): the map must
    equal one Process request of that extent and size pixel for pixel, transparent where there is no data."""
    layer = _add(scene, conn)
    extent = aligned_extent(zoom, scene.centre, 4, 3)
    image = qimage_array(render([layer], extent, 1024, 768))
    expected = _expected(scene, extent, 1024, 768)
    opaque = expected[..., 3] == 255
    assert opaque.mean() > {12: 0.15, 13: 0.5, 14: 0.9}[zoom]  # real data in view
    if zoom == 12:
        assert (~opaque).mean() > 0.2  # and a part outside the collection: skipped tiles are transparent
    assert set(np.unique(expected[..., 3])) <= {0, 255}
    diff = np.argwhere((image != expected).any(axis=2))
    assert diff.size == 0, (len(diff), diff[:10].tolist())
    stats = live.server().stats()
    # one request per tile with data (QGIS also asks for the tiles that only touch the extent), plus our reference
    assert stats["tiles"] >= 12 and stats["process_requests"] + stats["outside"] == stats["tiles"]
    assert process_requests_seen(hub) == stats["process_requests"] + 1


def test_unchanged_view_issues_no_request(live, scene, conn, hub):
    import requests as http

    layer = _add(scene, conn)
    extent = _inset(aligned_extent(14, scene.centre, 5, 3))  # 5 × 3 tiles (aligned, QGIS asks for a ring more)
    first = qimage_array(render([layer], extent, 1280, 768))
    seen = process_requests_seen(hub)
    assert seen == 15 and live.server().stats()["process_requests"] == 15
    again = qimage_array(render([layer], extent, 1280, 768))  # QGIS's own tile cache answers
    assert np.array_equal(first, again) and process_requests_seen(hub) == seen
    # a new QGIS session on the same view would ask our server again: answered from its cache
    template = re.search(r"url=([^&]+)", layer.source()).group(1).replace("%7B", "{").replace("%7D", "}")
    hits = live.server().stats()["cache_hits"]
    for x in range(3):
        tile = http.get(template.format(z=14, x=_tile_x(extent, 14) + x, y=_tile_y(extent, 14)), timeout=30)
        assert tile.status_code == 200
    assert live.server().stats()["cache_hits"] == hits + 3 and process_requests_seen(hub) == seen


def _inset(extent, metres=1.0):
    minx, miny, maxx, maxy = extent
    return minx + metres, miny + metres, maxx - metres, maxy - metres


def _tile_x(extent, z):
    from byoc_qgis.core.live_tiles import tiles_for_extent

    return tiles_for_extent(z, extent)[0][1]


def _tile_y(extent, z):
    from byoc_qgis.core.live_tiles import tiles_for_extent

    return tiles_for_extent(z, extent)[0][2]


def test_moving_the_view_drops_outdated_requests(live, scene, conn, hub, qgis_iface):
    """A slow service and a canvas that moves on while its first view's tiles are pending: of that view only the
    requests already at the service (4 workers) are made. QGIS 3.22 aborts the others (never sent); QGIS 3.40 lets
    them come (its tile download manager finishes what it started), the server answers them at once as outdated
    because the canvas shows another place now."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from byoc_qgis.core.live_tiles import tile_resolution, tiles_for_extent
    from byoc_qgis.live import service

    from .watchdog import wait_until

    svc = service(qgis_iface)  # the service follows the canvas
    server = svc.server()
    canvas = qgis_iface.mapCanvas()  # not rendering yet (fixture ``live``)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    layer = _add(scene, conn)
    canvas.setLayers([layer])
    window = canvas.window()
    window.show()  # a hidden canvas renders 98 × 28 px
    canvas.resize(800, 600)
    assert wait_until(lambda: canvas.mapSettings().outputSize().width() > 500, 10)
    size = canvas.mapSettings().outputSize()
    width, height = size.width(), size.height()

    def view(zoom, dx=0.0):
        res = tile_resolution(zoom)
        cx, cy = scene.centre[0] + dx + 7.3, scene.centre[1] - 5.1  # off the tile grid, as real views are
        return cx - width * res / 2, cy - height * res / 2, cx + width * res / 2, cy + height * res / 2

    first, second = view(14), view(15, dx=1500.0)  # zoomed in elsewhere: no tile in common
    wanted_first, wanted_second = len(tiles_for_extent(14, first)), len(tiles_for_extent(15, second))
    refreshed = []
    canvas.mapCanvasRefreshed.connect(lambda: refreshed.append(1))
    set_faults(hub, [SLOW])
    canvas.setExtent(QgsRectangle(*first))
    assert server.stats()["tiles"] == 0
    canvas.setRenderFlag(True)  # the canvas renders the first view
    # the four workers' requests are at the service for SLOW's delay; the canvas moves on before any is answered
    assert wait_until(lambda: server.stats()["process_requests"] >= 4 and process_requests_seen(hub) >= 4, 30)
    canvas.setExtent(QgsRectangle(*second))
    at_service = server.stats()["process_requests"]
    canvas.refresh()
    set_faults(hub, [])
    finished = wait_until(lambda: refreshed and not canvas.isDrawing() and server.stats()["inflight"] == 0, 90)
    stats = server.stats()
    window.hide()
    canvas.setLayers([])
    assert finished, (refreshed, canvas.isDrawing(), stats)
    assert at_service == 4 and 4 < wanted_first, (at_service, wanted_first)
    assert stats["process_requests"] == 4 + wanted_second, stats  # of the first view only the four at the service
    assert process_requests_seen(hub) == wanted_second  # after the move: the second view's tiles only
    assert stats["cache_tiles"] == 4 + wanted_second  # the four the service rendered anyway are kept
    image = qimage_array(render([layer], second, width, height))  # QGIS's tile cache: nothing asked again
    assert (image[..., 3] == 255).mean() > 0.99 and server.stats()["process_requests"] == stats["process_requests"]


def test_rate_limits_are_waited_out(live, scene, conn, hub):
    layer = _add(scene, conn, DATE_B, "leastRecent")
    burst = [{"status": 429, "retryAfterMs": 300}] * 5
    set_faults(hub, [{"method": "POST", "path": "/api/v1/process", "sequence": burst}])
    extent = aligned_extent(14, scene.centre, 4, 3)
    image = qimage_array(render([layer], extent, 1024, 768))
    expected = _expected(scene, extent, 1024, 768, DATE_B, "leastRecent")
    assert np.array_equal(image, expected)
    tiles = live.server().stats()["process_requests"]
    assert tiles >= 12 and process_requests_seen(hub) == tiles + 5 + 1  # every tile, five 429s again, our reference


def test_no_secret_in_layer_or_project_and_it_renders_after_reopen(live, scene, conn, hub, tmp_path):
    import zipfile

    from qgis.core import QgsProject

    from byoc_qgis.live import live_view_spec, service, stop_service

    layer = _add(scene, conn)
    extent = aligned_extent(13, scene.centre, 4, 3)
    before = qimage_array(render([layer], extent, 1024, 768))
    token = live.ensure_client(conn.name).http.tokens.token()
    server = live.server()
    first_session = server.stats()["process_requests"]
    secrets = [hub.client_secret, token, "Bearer", server.key, f":{server.port}/"]
    for text in (layer.source(), layer.publicSource()):
        assert not [s for s in secrets[:3] if s in text]
    qgs, qgz = tmp_path / "live.qgs", tmp_path / "live.qgz"
    assert QgsProject.instance().write(str(qgs)) and QgsProject.instance().write(str(qgz))
    with zipfile.ZipFile(qgz) as archive:
        inside = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".qgs"))
    for saved in (qgs.read_text(), inside):
        assert saved.count("http://127.0.0.1:0/byoc-live/saved/v1/") == 2  # the layer and its layer tree entry
        assert not [s for s in secrets if s in saved]
    spec = live_view_spec(layer)
    QgsProject.instance().removeAllMapLayers()
    stop_service()  # a new QGIS session: another port, another key
    new_server = service().server()
    assert new_server.key != server.key
    here = f"http://127.0.0.1:{new_server.port}/byoc-live/{new_server.key}/v1/"
    assert QgsProject.instance().read(str(qgz))  # the desktop's project
    (reopened,) = QgsProject.instance().mapLayers().values()
    assert here in reopened.source() and live_view_spec(reopened) == spec
    assert np.array_equal(before, qimage_array(render([reopened], extent, 1024, 768)))
    fetched = new_server.stats()["process_requests"]
    assert fetched == first_session >= 12  # the same tiles as in the first session
    project = QgsProject()  # another project object (a script's): attached, it reads the same
    service().attach_project(project)
    assert project.read(str(qgs))
    (other,) = project.mapLayers().values()
    assert here in other.source()
    assert np.array_equal(before, qimage_array(render([other], extent, 1024, 768)))
    assert new_server.stats()["process_requests"] == fetched  # the tiles this session fetched already
    project.clear()
    QgsProject.instance().clear()


def test_follows_the_temporal_controller(live, scene, conn, hub, qgis_iface):
    from qgis.core import QgsDateTimeRange
    from qgis.PyQt.QtCore import QDateTime, Qt

    from byoc_qgis.live import live_view_spec, service, set_follow_temporal

    from .watchdog import wait_until

    svc = service(qgis_iface)
    canvas = qgis_iface.mapCanvas()
    layer = _add(scene, conn)
    extent = aligned_extent(14, scene.centre, 4, 3)
    both = qimage_array(render([layer], extent, 1024, 768))
    assert svc.follower is not None

    def to_range(pair):
        start, end = (QDateTime.fromString(v, Qt.DateFormat.ISODate) for v in pair)
        return QgsDateTimeRange(start, end)

    canvas.setTemporalRange(to_range(DATE_A))
    wait_until(lambda: False, 0.3)
    assert live_view_spec(layer).time_from == BOTH[0]  # not following yet
    set_follow_temporal(layer, True)
    assert (live_view_spec(layer).time_from, live_view_spec(layer).time_to) == DATE_A
    image_a = qimage_array(render([layer], extent, 1024, 768))
    canvas.setTemporalRange(to_range(DATE_B))
    assert wait_until(lambda: live_view_spec(layer).time_from == DATE_B[0], 5)
    image_b = qimage_array(render([layer], extent, 1024, 768))
    assert np.array_equal(image_a, _expected(scene, extent, 1024, 768, DATE_A))
    assert np.array_equal(image_b, _expected(scene, extent, 1024, 768, DATE_B))
    assert (image_a != image_b).any(axis=2).mean() > 0.5  # other dates, other pixels
    assert not np.array_equal(both, image_a)
    canvas.setTemporalRange(QgsDateTimeRange(QDateTime(), QDateTime()))  # navigation off: the range stays
    wait_until(lambda: False, 0.3)
    assert live_view_spec(layer).time_from == DATE_B[0]


def test_bad_input_is_refused_before_anything_is_added(live, scene, conn):
    from qgis.core import QgsProject

    from byoc_qgis.live import add_live_view

    float_script = scene.evalscript.replace('"sampleType": "AUTO"', '"sampleType": "FLOAT32"')
    assert float_script != scene.evalscript
    with pytest.raises(ValueError, match="FLOAT32"):
        add_live_view(conn.name, scene.collection_id, float_script)
    with pytest.raises(ValueError, match="no saved connection"):
        add_live_view("no such connection", scene.collection_id, scene.evalscript)
    with pytest.raises(ValueError, match="after it ends"):
        add_live_view(conn.name, scene.collection_id, scene.evalscript, (DATE_B[0], DATE_A[0]))
    assert QgsProject.instance().mapLayers() == {}


def test_plugin_registers_and_removes_the_path_hooks(qgis_app, recording_iface):
    from qgis.core import QgsPathResolver

    import byoc_qgis
    from byoc_qgis.core.live_tiles import LiveSpec, tile_url_template
    from byoc_qgis.live import running_service

    from .test_gui_support import ensure_provider, release_provider

    source = "type=xyz&url=" + tile_url_template(1234, "k", LiveSpec("c", "id", "//VERSION=3"))
    release_provider()  # the plugin registers its own "byoc" provider
    plugin = byoc_qgis.classFactory(recording_iface)
    plugin.initGui()
    try:
        svc = running_service()
        assert svc is not None and svc.follower is not None
        assert "127.0.0.1:0/byoc-live/saved/" in QgsPathResolver("/tmp/p.qgs").writePath(source)
        read = QgsPathResolver("/tmp/p.qgs").readPath(QgsPathResolver("/tmp/p.qgs").writePath(source))
        assert f"127.0.0.1:{svc.server().port}/byoc-live/{svc.server().key}/" in read
    finally:
        plugin.unload()
        ensure_provider()
    assert running_service() is None
    assert QgsPathResolver("/tmp/p.qgs").writePath(source) == source


def _process_dialog(scene, conn, qgis_iface):
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    from byoc_qgis.gui.notify import Notifier
    from byoc_qgis.gui.process_dialog import ProcessDialog
    from byoc_qgis.gui.tasks import TaskRunner

    canvas = qgis_iface.mapCanvas()  # not rendering (fixture ``live``): the dialog's extent is the scene's
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.setExtent(QgsRectangle(*aligned_extent(13, scene.centre, 4, 3)))
    runner = TaskRunner()
    dialog = ProcessDialog(conn, scene.collection, runner, Notifier(qgis_iface), qgis_iface.mapCanvas())
    dialog.runner_ref = runner  # kept alive with the dialog
    return dialog


def _set_time(dialog, time_range):
    from qgis.PyQt.QtCore import QDateTime, Qt

    dialog.use_time.setChecked(True)
    for edit, value in zip((dialog.time_from, dialog.time_to), time_range):
        edit.setDateTime(QDateTime.fromString(value, Qt.DateFormat.ISODate).toUTC())


def test_process_dialog_adds_a_live_view_without_a_request(live, scene, conn, hub, qgis_iface, screenshots_dir):
    """ "Add as live view" in the Process dialog: the dialog's collection, unedited template (made again 8-bit for
    the live view although the dialog is set to GeoTIFF), time range and mosaicking order; nothing is requested until
    the layer is drawn, which then equals a Process request of the same view with the same choices."""
    import dataclasses

    from qgis.core import QgsProject

    from byoc_qgis.core.live_tiles import live_evalscript
    from byoc_qgis.live import live_view_spec

    from .live_view_scene import BANDS

    dialog = _process_dialog(scene, conn, qgis_iface)
    dialog.template.setCurrentIndex(dialog.template.findData("ndi"))
    for box, band in zip(dialog.band_boxes, BANDS[:2]):
        box.setCurrentText(band)
    dialog.insert_template()
    _set_time(dialog, DATE_B)
    dialog.mosaicking.setCurrentIndex(dialog.mosaicking.findData("leastRecent"))
    assert dialog.output_format() == "tif" and "FLOAT32" in dialog.editor.text()  # what Run would request
    dialog.show()
    dialog.live_button.click()
    (layer,) = QgsProject.instance().mapLayers().values()
    spec = live_view_spec(layer)
    assert (spec.connection, spec.collection_id, spec.mosaicking_order) == (
        conn.name,
        scene.collection_id,
        "leastRecent",
    )
    assert (spec.time_from, spec.time_to) == DATE_B
    assert spec.evalscript == live_evalscript(scene.collection, "ndi", BANDS[:2])  # 8-bit, the same bands
    assert layer.name().endswith("(live view)") and dialog.error.text() == ""
    assert process_requests_seen(hub) == 0 and dialog.run is None  # nothing run
    dialog.grab().save(str(screenshots_dir / "byoc-process-dialog-live-view.png"))
    extent = aligned_extent(14, scene.centre, 4, 3)
    image = qimage_array(render([layer], extent, 1024, 768))
    ndi = dataclasses.replace(scene, evalscript=spec.evalscript)
    expected = _expected(ndi, extent, 1024, 768, DATE_B, "leastRecent")
    assert (expected[..., 3] == 255).mean() > 0.5 and np.array_equal(image, expected)
    dialog.close()


def test_process_dialog_refuses_what_a_live_view_cannot_show(live, scene, conn, qgis_iface):
    """A user's FLOAT32 script and the all-bands template are refused with the reason in the dialog; nothing added.
    A user's 8-bit script is used as written."""
    from qgis.core import QgsProject

    from byoc_qgis.live import live_view_spec

    dialog = _process_dialog(scene, conn, qgis_iface)
    dialog.editor.setText(scene.evalscript.replace('"sampleType": "AUTO"', '"sampleType": "FLOAT32"'))
    assert dialog.add_live_view() is None and "FLOAT32" in dialog.error.text()
    dialog.template.setCurrentIndex(dialog.template.findData("all"))
    dialog.insert_template()
    assert dialog.add_live_view() is None and "1 or 3 bands" in dialog.error.text()
    assert QgsProject.instance().mapLayers() == {}
    dialog.use_time.setChecked(False)
    written = scene.evalscript.replace("//VERSION=3", "//VERSION=3\n// my script")
    dialog.editor.setText(written)
    layer = dialog.add_live_view()
    assert dialog.error.text() == "" and QgsProject.instance().mapLayers() == {layer.id(): layer}
    spec = live_view_spec(layer)
    assert spec.evalscript == written and (spec.time_from, spec.time_to) == (None, None)
    dialog.close()
