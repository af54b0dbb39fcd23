"""Tiles layers at home in a QGIS project, against localhub: opened without the dock, restored from a saved project
(no secret in it), processed rasters kept with their metadata, and the Temporal Controller's range."""

from __future__ import annotations

import pytest

from .test_gui_support import bulk_tiles, new_collection, synthetic_rows

pytestmark = pytest.mark.usefixtures("gui_provider")


def _wait(cond, timeout=60.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


@pytest.fixture(scope="module")
def client(conn):
    c = conn.client()
    yield c
    c.close()


@pytest.fixture
def session_tiles(qgis_app, qgis_new_project):
    """The session's tiles registry made by tiles_open (no dock), closed after the test."""
    from byoc_qgis.gui import tiles_open

    yield tiles_open
    tiles_open.close_session_registry()


def _collection(client, localhub, n: int, name: str = "") -> dict:
    col = new_collection(client, name=name)
    assert bulk_tiles(localhub, col["id"], synthetic_rows(n)) == n
    return col


def test_open_tiles_layer_without_the_dock(session_tiles, qgis_iface, conn, client, localhub):
    from qgis.core import Qgis, QgsCategorizedSymbolRenderer, QgsProject

    from byoc_qgis.gui.layer_tree import PROP_COLLECTION, PROP_COLLECTION_NAME, PROP_CONNECTION

    col = _collection(client, localhub, 7, name="opened without dock")
    qgis_iface.messageBar().clear_messages()
    ctl = session_tiles.open_tiles_layer(conn.name, col["id"], qgis_iface)
    layer = ctl.layer
    assert layer.name() == col["id"]  # named by the id until the service says the collection's name
    _wait(lambda: not ctl.loading and layer.name() == "opened without dock")
    assert layer.featureCount() == 7
    assert layer.customProperty(PROP_CONNECTION) == conn.name and layer.customProperty(PROP_COLLECTION) == col["id"]
    assert layer.customProperty(PROP_COLLECTION_NAME) == "opened without dock"
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    group = QgsProject.instance().layerTreeRoot().findLayer(layer.id()).parent()
    assert group.name() == f"BYOC: {conn.name}"
    assert qgis_iface.activeLayer() is layer
    texts = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert any("7 tiles loaded" in str(t) for t in texts), texts
    # opening again reuses the layer and its controller
    again = session_tiles.open_tiles_layer(conn.name, col["id"], qgis_iface, "opened without dock")
    assert again is ctl
    _wait(lambda: not ctl.loading)
    assert len([lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == layer.name()]) == 1
    assert layer.featureCount() == 7
    with pytest.raises(ValueError):
        session_tiles.open_tiles_layer("no such connection", col["id"], qgis_iface)


def _style_xml(layer) -> str:
    from qgis.core import QgsMapLayerStyle

    style = QgsMapLayerStyle()
    style.readFromLayer(layer)
    return style.xmlData()


def _reopen(path: str):
    """Clear the project (as File ▸ New does) and read ``path``."""
    from qgis.core import QgsProject

    project = QgsProject.instance()
    project.clear()
    assert project.mapLayers() == {}
    assert project.read(path), project.error()


def _layer_named(name: str):
    from qgis.core import QgsProject

    found = QgsProject.instance().mapLayersByName(name)
    assert len(found) == 1, (name, [lyr.name() for lyr in QgsProject.instance().mapLayers().values()])
    return found[0]


@pytest.fixture
def restore(session_tiles, qgis_iface):
    from byoc_qgis.gui.tiles_restore import start_restore, stop_restore

    qgis_iface.messageBar().clear_messages()
    yield start_restore(qgis_iface)
    stop_restore()


def test_saved_project_reopens_with_its_tiles_layers(
    restore, session_tiles, qgis_iface, conn, client, localhub, tmp_path
):
    from qgis.core import Qgis, QgsProject

    from localhub.store import Store

    from .reliability_secrets import jwt_pieces, plugin_tokens

    first = _collection(client, localhub, 5, name="restored one")
    second = new_collection(client, name="restored two")
    rows = list(synthetic_rows(3))
    rows[2]["status"] = "QUEUED"  # not final: live refresh must resume after the project is read
    assert bulk_tiles(localhub, second["id"], rows) == 3
    a = session_tiles.open_tiles_layer(conn.name, first["id"], qgis_iface, first["name"])
    b = session_tiles.open_tiles_layer(conn.name, second["id"], qgis_iface, second["name"])
    _wait(lambda: not a.loading and not b.loading)
    assert (a.layer.featureCount(), b.layer.featureCount()) == (5, 3)
    a.layer.setOpacity(0.6)  # a user's change to the style is kept
    styles = {a.layer.name(): _style_xml(a.layer), b.layer.name(): _style_xml(b.layer)}
    assert styles["restored one"] != styles["restored two"]
    path = str(tmp_path / "tiles.qgs")
    assert QgsProject.instance().write(path)
    text = open(path, encoding="utf-8").read()
    layer_id = a.layer.id()

    _reopen(path)
    one, two = _layer_named("restored one"), _layer_named("restored two")
    assert one.id() == layer_id
    _wait(lambda: one.featureCount() == 5 and two.featureCount() == 3)
    assert {_style_xml(one), _style_xml(two)} == set(styles.values())
    assert _style_xml(one) == styles["restored one"] and one.opacity() == pytest.approx(0.6)
    root = QgsProject.instance().layerTreeRoot()
    for layer in (one, two):
        assert root.findLayer(layer.id()).parent().name() == f"BYOC: {conn.name}"
    assert one.temporalProperties().isActive()
    # live refresh resumed: the QUEUED tile turns INGESTED in the layer without anyone asking
    ctl = session_tiles.session_registry().for_layer(two)
    assert len(ctl.pending) == 1
    queued = next(f for f in two.getFeatures() if f["status"] == "QUEUED")
    store = Store(localhub.data_dir)
    try:
        assert store.transition(queued["tile_id"], 0, "QUEUED", "INGESTED")
    finally:
        store.close()
    _wait(lambda: {f["status"] for f in two.getFeatures()} == {"INGESTED"}, timeout=60)
    assert ctl.pending == set()

    # the project holds the connection's name and the collection ids, no secret, no token
    assert conn.name in text and first["id"] in text and second["id"] in text
    needles = [localhub.client_secret, localhub.s3.secret_key, localhub.s3.access_key, *plugin_tokens()]
    assert plugin_tokens(), "the plugin got a token during the test"
    for needle in needles:
        assert needle not in text
    assert jwt_pieces(text.encode()) == 0
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical) == []


def test_missing_connection_keeps_the_layer_untouched(
    restore, session_tiles, qgis_iface, conn, client, localhub, tmp_path
):
    from qgis.core import Qgis, QgsProject

    from byoc_qgis.gui.layer_tree import PROP_CONNECTION

    col = _collection(client, localhub, 4, name="needs a lost connection")
    ctl = session_tiles.open_tiles_layer(conn.name, col["id"], qgis_iface, col["name"])
    _wait(lambda: not ctl.loading)
    ctl.layer.setCustomProperty(PROP_CONNECTION, "connection from another computer")
    path, again = str(tmp_path / "lost.qgs"), str(tmp_path / "lost-again.qgs")
    assert QgsProject.instance().write(path)
    style, fields = _style_xml(ctl.layer), ctl.layer.fields().names()
    qgis_iface.messageBar().clear_messages()

    _reopen(path)
    layer = _layer_named("needs a lost connection")
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("connection from another computer" in str(w) for w in warnings), warnings
    assert layer.featureCount() == 0 and _style_xml(layer) == style
    assert not session_tiles.session_registry().has_controller(layer)
    # saved again: the layer is there as it was read
    assert QgsProject.instance().write(again)
    _reopen(again)
    layer = _layer_named("needs a lost connection")
    assert layer.customProperty(PROP_CONNECTION) == "connection from another computer"
    assert _style_xml(layer) == style and layer.fields().names() == fields


def _utc(text: str):
    from qgis.PyQt.QtCore import QDateTime, Qt

    value = QDateTime.fromString(text, Qt.DateFormat.ISODate)
    value.setTimeSpec(Qt.TimeSpec.UTC)
    return value


def _rendered_pixels(layer, temporal_range) -> int:
    """Pixels the layer draws over its extent, with the map's temporal range set (None: not temporal)."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent().buffered(0.01))
    settings.setOutputSize(QSize(200, 200))
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    if temporal_range is not None:
        settings.setIsTemporal(True)
        settings.setTemporalRange(temporal_range)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    return sum(1 for y in range(0, 200, 2) for x in range(0, 200, 2) if image.pixelColor(x, y).alpha() > 0)


def test_temporal_controller_range_filters_tiles(session_tiles, qgis_iface, conn, client, localhub):
    from qgis.core import (
        Qgis,
        QgsDateTimeRange,
        QgsExpression,
        QgsFeatureRequest,
        QgsVectorLayerTemporalContext,
    )

    col = _collection(client, localhub, 6, name="sensed over months")  # sensed 2021-01-01 … 2021-06-06
    ctl = session_tiles.open_tiles_layer(conn.name, col["id"], qgis_iface, col["name"])
    _wait(lambda: not ctl.loading)
    layer = ctl.layer
    props = layer.temporalProperties()
    assert props.isActive() and props.mode() == Qgis.VectorTemporalMode.FeatureDateTimeInstantFromField
    assert props.startField() == "sensing_time"

    def shown(start: str, end: str):
        window = QgsDateTimeRange(_utc(start), _utc(end), True, False)
        text = props.createFilterString(QgsVectorLayerTemporalContext(), window)
        request = QgsFeatureRequest(QgsExpression(text))
        return sorted(f["sensing_time"].toString("yyyy-MM-dd") for f in layer.getFeatures(request)), window

    months, feb_mar = shown("2021-02-01T00:00:00Z", "2021-04-01T00:00:00Z")
    assert months == ["2021-02-02", "2021-03-03"]
    assert shown("2021-06-06T10:05:00Z", "2021-06-07T00:00:00Z")[0] == ["2021-06-06"]
    nothing, none_window = shown("2022-01-01T00:00:00Z", "2022-02-01T00:00:00Z")
    assert nothing == []
    # the map renders only the tiles in the Temporal Controller's range
    everything = _rendered_pixels(layer, None)
    assert everything > 0
    assert _rendered_pixels(layer, none_window) == 0
    assert 0 < _rendered_pixels(layer, feb_mar) < everything


def test_default_style_outlines_by_status_light_fills(qgis_app):
    from byoc_qgis.gui.tiles_memory import new_tiles_layer

    layer = new_tiles_layer("a connection", "a-collection", "styled")
    kept = layer.renderer().categories()  # the symbols belong to these copies: keep them alive
    categories = {c.value(): c.symbol() for c in kept}
    assert set(categories) == {"INGESTED", "FAILED", "INGESTING", "QUEUED", "WAITING", None}
    outlines = set()
    for value, symbol in categories.items():
        fill = symbol.symbolLayer(0)
        assert fill.color().alpha() <= 45, value  # layers beneath stay visible
        assert fill.strokeColor().alpha() == 255 and fill.strokeWidth() >= 0.6, value
        outlines.add(fill.strokeColor().name())
    assert len(outlines) == 6  # each status has its own outline colour
    assert layer.customProperty("skipMemoryLayersCheck") == 1


@pytest.fixture(scope="module")
def ingested(conn, localhub, tmp_path_factory):
    """A collection with two ingested tiles (B02, B03) sensed on 2023-05-01 and 2023-05-02."""
    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Tile

    from .test_gui_support import upload_tiles

    client = conn.client()
    col = new_collection(client, localhub.s3, name="processed and kept")
    upload_tiles(localhub.s3, col["bucket"], tmp_path_factory.mktemp("project-proc"), ["a", "b"])
    tiles = [
        client.byoc.create_tile(col["id"], Tile(f"{n}/(BAND).tif", sensing_time=f"2023-05-0{i + 1}T09:00:00Z"))
        for i, n in enumerate("ab")
    ]
    assert wait_for_tiles(client.byoc, col["id"], tiles, timeout=60, initial_delay=0.1).ok
    client.close()
    return col


def test_results_folder_setting_project_or_documents(qgis_app, qgis_new_project, tmp_path):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QStandardPaths

    from byoc_qgis.gui import process_results as pr

    pr.set_results_folder(None)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert pr.results_folder() == f"{documents}/Sentinel Hub BYOC"
    (tmp_path / "p").mkdir()
    assert QgsProject.instance().write(str(tmp_path / "p" / "a.qgs"))
    assert pr.results_folder() == str(tmp_path / "p" / "byoc_results")
    pr.set_results_folder(str(tmp_path / "chosen"))
    try:
        path = pr.new_result_path("tif", "Sentinel-2 L2A: true/colour")
        assert path.startswith(str(tmp_path / "chosen" / "Sentinel-2_L2A_true_colour_")) and path.endswith(".tif")
        assert (tmp_path / "chosen").is_dir()
    finally:
        pr.set_results_folder(None)


def test_project_with_tiles_layers_and_a_processed_raster(dock, qgis_iface, conn, client, localhub, ingested, tmp_path):
    """Save a project with two tiles layers and a processed raster, reopen it: same feature counts, styles and
    group, the raster (kept next to the project) with its metadata, Process again…, and no secret in the .qgs."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from byoc_qgis.gui.process_results import dialog_state, process_state
    from byoc_qgis.gui.tiles_restore import start_restore, stop_restore

    from .reliability_secrets import jwt_pieces, plugin_tokens

    project_path = tmp_path / "with raster.qgs"
    assert QgsProject.instance().write(str(project_path))  # saved once: results go next to it
    other = _collection(client, localhub, 4, name="second tiles layer")
    dock.refresh_collections(select=ingested["id"])
    _wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == ingested["id"])
    first = dock.show_tiles(ingested["id"])
    second = session_tiles_open(conn, other, qgis_iface)
    _wait(lambda: not first.loading and not second.loading)
    counts = {first.layer.name(): first.layer.featureCount(), second.layer.name(): second.layer.featureCount()}
    assert counts == {"processed and kept": 2, "second tiles layer": 4}
    styles = {first.layer.name(): _style_xml(first.layer), second.layer.name(): _style_xml(second.layer)}

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(first.layer.extent())
    dlg = dock.open_process()
    dlg.res_mode.setCurrentIndex(dlg.res_mode.findData("pixels"))
    dlg.width_px.setValue(64)
    dlg.height_px.setValue(48)
    dlg.use_time.setChecked(True)
    assert "byoc_results" in dlg.output.lineEdit().placeholderText()
    run = dlg.start()
    _wait(lambda: run.ok is not None, 120)
    assert run.ok, run.error_text()
    raster = dlg.result_layer
    assert raster.source().startswith(str(tmp_path / "byoc_results") + "/")
    state = process_state(raster)
    assert state["collection_id"] == ingested["id"] and state["connection"] == conn.name
    assert (state["width"], state["height"], state["format"]) == (64, 48, "tif")
    md = raster.metadata()
    assert md.parentIdentifier() == f"byoc:{ingested['id']}"
    assert ingested["id"] in md.abstract() and "EPSG:4326" in md.abstract() and "64 × 48 px" in md.abstract()
    assert dlg.editor.text() in md.abstract()
    temporal = md.extent().temporalExtents()
    assert len(temporal) == 1 and temporal[0].begin().toString("yyyy-MM-dd") == "2023-05-01"
    request = next(h for h in md.history() if h.startswith("Process API request: "))
    body = __import__("json").loads(request.split(": ", 1)[1])
    assert body["input"]["data"][0]["type"] == f"byoc-{ingested['id']}"
    assert body["output"]["width"] == 64 and body["evalscript"] == dlg.editor.text()
    assert body["input"]["data"][0]["dataFilter"]["timeRange"]["from"].startswith("2023-05-01")
    assert (tmp_path / "byoc_results" / (raster.source().rsplit("/", 1)[1].rsplit(".", 1)[0] + ".qmd")).is_file()
    raster_name, raster_source = raster.name(), raster.source()
    assert QgsProject.instance().write(str(project_path))
    text = project_path.read_text(encoding="utf-8")
    dlg.close()

    start_restore(qgis_iface)
    try:
        _reopen(str(project_path))
        for name, count in counts.items():
            layer = _layer_named(name)
            _wait(lambda lyr=layer, n=count: lyr.featureCount() == n)
            assert _style_xml(layer) == styles[name]
            root = QgsProject.instance().layerTreeRoot()
            assert root.findLayer(layer.id()).parent().name() == f"BYOC: {conn.name}"
        raster = _layer_named(raster_name)
        assert raster.isValid() and raster.source() == raster_source
        assert raster.metadata().parentIdentifier() == f"byoc:{ingested['id']}"
        assert process_state(raster) == state
        # Process again… fills a new dialog from the reopened raster
        task = dock.process_again.open_for(raster)
        _wait(lambda: task.done and dock.process_again.last_dialog is not None)
        again = dock.process_again.last_dialog
        assert dialog_state(again) == state
        again.close()
    finally:
        stop_restore()

    needles = [localhub.client_secret, localhub.s3.secret_key, localhub.s3.access_key, *plugin_tokens()]
    assert plugin_tokens()
    for needle in needles:
        assert needle not in text
    assert jwt_pieces(text.encode()) == 0
    assert "./byoc_results/" + raster_source.rsplit("/", 1)[1] in text and conn.name in text  # relative: movable


def session_tiles_open(conn, col, iface):
    from byoc_qgis.gui.tiles_open import open_tiles_layer

    return open_tiles_layer(conn.name, col["id"], iface, col["name"])


def test_unreachable_service_keeps_the_layer_and_says_so(restore, session_tiles, qgis_iface, localhub, tmp_path):
    import socket
    from types import SimpleNamespace

    from qgis.core import QgsApplication, QgsProject

    from byoc_qgis.gui.layer_tree import connection_group
    from byoc_qgis.gui.tiles_memory import new_tiles_layer

    from .test_gui_support import store_connection

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dead = SimpleNamespace(**{k: getattr(localhub, k) for k in ("client_id", "client_secret", "s3")})
    dead.base_url, dead.token_url = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/oauth/token"
    conn = store_connection(dead, "unreachable-gui", with_s3=False)
    layer = new_tiles_layer(conn.name, "a-collection-id", "tiles of an unreachable service")
    QgsProject.instance().addMapLayer(layer, False)
    connection_group(conn.name).addLayer(layer)
    path = str(tmp_path / "unreachable.qgs")
    assert QgsProject.instance().write(path)
    style = _style_xml(layer)
    logged = []

    def got(message, tag, _level) -> None:
        logged.append((tag, message))

    QgsApplication.messageLog().messageReceived.connect(got)
    qgis_iface.messageBar().clear_messages()
    qgis_iface.messageBar().clearWidgets()

    _reopen(path)
    layer = _layer_named("tiles of an unreachable service")
    ctl = session_tiles.session_registry().for_layer(layer)
    _wait(lambda: ctl.load_started and not ctl.loading, 60)
    from qgis.PyQt.QtWidgets import QPushButton

    bar = qgis_iface.messageBar()
    items = [(i.title(), [b.text() for b in i.findChildren(QPushButton)]) for i in bar.items()]
    assert ("Restoring the tiles layer tiles of an unreachable service", ["Retry"]) in items, items
    QgsApplication.messageLog().messageReceived.disconnect(got)
    assert any("stays in the project as it was" in m for tag, m in logged if tag == "BYOC"), logged
    assert QgsProject.instance().mapLayer(layer.id()) is layer and layer.featureCount() == 0
    assert _style_xml(layer) == style
    assert QgsProject.instance().layerTreeRoot().findLayer(layer.id()).parent().name() == f"BYOC: {conn.name}"


def test_options_page_chooses_the_results_folder(qgis_app, qgis_new_project, tmp_path):
    from byoc_qgis.gui import process_results as pr
    from byoc_qgis.gui.options_page import ByocOptionsFactory

    pr.set_results_folder(None)
    factory = ByocOptionsFactory()
    page = factory.createWidget()
    try:
        assert page.folder.filePath() == ""
        page.folder.setFilePath(str(tmp_path / "my rasters"))
        page.apply()
        assert pr.results_folder() == str(tmp_path / "my rasters")
        assert factory.createWidget().folder.filePath() == str(tmp_path / "my rasters")
        page.folder.setFilePath("")
        page.apply()
        assert pr.results_folder() != str(tmp_path / "my rasters")
    finally:
        pr.set_results_folder(None)
