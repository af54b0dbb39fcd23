"""The GUI never shows a Python traceback for a routine failure (pytest-qgis against real localhub processes).

A locked auth database, a deleted authcfg, a refused connection and a 5xx in the dock's slots become message-bar
errors with Retry / Edit connection; long error texts never widen the dock; a tile with an unknown EPSG or a
broken geometry is reported and skipped; the live refresh rides out an outage of the service (stopped and
restarted on the same port and data directory) and resumes by itself; the ``gc.freeze`` bracket is balanced on
every path; sensing times keep their instant in a non-UTC time zone.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
import time
import uuid
from datetime import datetime, timezone

import pytest

from .services import free_port
from .test_gui_more import Answer
from .test_gui_support import bulk_tiles, new_collection, store_connection, synthetic_rows, upload_tiles
from .test_processing_support import set_master_password

pytestmark = pytest.mark.usefixtures("gui_provider")


def _wait(cond, timeout=60.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


@pytest.fixture
def tracebacks():
    """Exceptions that escaped a Qt slot or virtual (PyQt hands them to sys.excepthook): must stay empty."""
    seen: list = []
    old = sys.excepthook
    sys.excepthook = lambda *info: seen.append(info)
    yield seen
    sys.excepthook = old
    assert not seen, seen


@pytest.fixture
def bar(qgis_iface):
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    bar.clear_messages()
    yield bar
    bar.clearWidgets()


def _items(bar):
    """(title, text, [button texts]) of the items in the message bar."""
    from qgis.PyQt.QtWidgets import QPushButton

    return [(i.title(), i.text(), [b.text() for b in i.findChildren(QPushButton)]) for i in bar.items()]


def _button(bar, label: str):
    from qgis.PyQt.QtWidgets import QPushButton

    for item in bar.items():
        for button in item.findChildren(QPushButton):
            if button.text() == label:
                return button
    raise AssertionError(f"no {label!r} button in {_items(bar)}")


def _dock(qgis_iface, name: str):
    """A dock opened on connection ``name`` (the active one: a single listing starts at once)."""
    from byoc_qgis.gui.connections import ConnectionStore
    from byoc_qgis.gui.dock import ByocDock

    ConnectionStore().set_active(name)
    dock = ByocDock(qgis_iface)
    assert dock.connection().name == name
    return dock


def _close(dock) -> None:
    """Clean up a dock and forget its connection (QGIS settings outlive the test run)."""
    from byoc_qgis.gui.connections import ConnectionStore

    name = dock.connection().name if dock.connection() else None
    dock.cleanup()
    dock.deleteLater()
    if name:
        ConnectionStore().remove(name)


def _save_connection(name: str, base_url: str, localhub) -> None:
    """A dock connection with valid credentials to ``base_url`` (e.g. a port where nothing listens)."""
    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.gui.connections import Connection, ConnectionStore

    set_master_password()
    cfg = qa.store_client_credentials(f"{name} client", localhub.client_id, localhub.client_secret)
    ConnectionStore().save(Connection(qa.ConnectionSettings(name, custom_deployment(base_url), cfg)))


# ------------------------------------------------------------------------------------- client-building failures
def test_deleted_authcfg_is_an_error_with_edit_connection(qgis_iface, localhub, bar, tracebacks):
    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.core.models import Collection

    conn = store_connection(localhub, f"deleted-{uuid.uuid4().hex[:6]}", with_s3=False)
    assert qa.remove_authcfg(conn.settings.client_authcfg)
    dock = _dock(qgis_iface, conn.name)  # lists the collections at once: the first failure
    try:
        items = _items(bar)
        assert len(items) == 1, items
        title, text, buttons = items[0]
        assert title == f"Connection {conn.name}"
        assert f"authentication configuration '{conn.settings.client_authcfg}' does not exist" in text
        assert buttons == ["Retry", "Edit connection…"]
        assert dock.status.text() == "Collections could not be listed (see the message bar)."
        # every other slot that builds a client says the same instead of raising
        dock.collections = {"c1": Collection(name="c1", s3_bucket="b", id="c1")}
        dock.select_collection("c1")
        for act in (dock.act_conn_test, dock.act_refresh):
            assert act.isEnabled()
            act.trigger()  # a click: a slot called by Qt, where a traceback would surface
        assert dock.test_connection() is None and dock.show_tiles("c1") is None
        assert dock.count_tiles(dock.collections["c1"], lambda n: None) is None
        assert dock.update_collection(dock.collections["c1"]) is None
        assert len(bar.items()) == 7
        assert all("does not exist" in t for _h, t, _b in _items(bar))
        assert {i.toolTip() for i in bar.items()} == {"(details in the BYOC log tab)"}
        # Edit connection opens the connection dialog for this connection
        with Answer(lambda dialog: dialog.reject()) as answer:
            _button(bar, "Edit connection…").click()
        answer.check()
        assert answer.seen == ["ConnectionDialog"]
    finally:
        _close(dock)


def test_locked_auth_database_then_retry(qgis_iface, localhub, bar, tracebacks):
    from byoc_qgis.core.qgis_adapters import auth_database_path

    conn = store_connection(localhub, f"locked-{uuid.uuid4().hex[:6]}", with_s3=False)
    lock = sqlite3.connect(auth_database_path(), timeout=0.1)
    dock = None
    try:
        lock.execute("BEGIN EXCLUSIVE")  # another program holds the auth database
        dock = _dock(qgis_iface, conn.name)  # a fresh dock: no client cached yet
        (title, text, buttons), *_ = _items(bar)
        assert "authentication database is locked by another program" in text and "try again" in text
        assert buttons == ["Retry", "Edit connection…"]
        lock.rollback()  # the other program let go: Retry works
        _button(bar, "Retry").click()
        _wait(lambda: f" on {conn.name}" in dock.status.text() and " collection" in dock.status.text())
        assert all("locked" not in t for _h, t, _b in _items(bar))
    finally:
        lock.close()
        if dock is not None:
            _close(dock)


# ------------------------------------------------------------------------------------------ network and 5xx
def test_refused_connection_reads_as_a_sentence_and_never_widens_the_dock(qgis_iface, localhub, bar, tracebacks):
    port = free_port()  # nothing listens there
    name = f"dead-{uuid.uuid4().hex[:6]}"
    _save_connection(name, f"http://127.0.0.1:{port}", localhub)
    dock = _dock(qgis_iface, name)
    try:
        dock.resize(320, 600)
        width = dock.widget().minimumSizeHint().width()
        _wait(lambda: dock.list_task is not None and dock.list_task.done, 60)
        (title, text, buttons), *rest = _items(bar)
        assert not rest
        assert title == f"Collections of {name}"
        assert text == f"Cannot reach http://127.0.0.1:{port} (connection refused)"
        assert buttons == ["Retry", "Edit connection…"]
        assert "Max retries" not in text and "HTTPConnectionPool" not in text
        assert dock.status.text() == "Collections could not be listed (see the message bar)."
        # the status label (even with a long unbreakable text) never asks for more width
        dock.status.setText("x" * 400)
        dock.tiles_label.setText("HTTPConnectionPool(host='127.0.0.1', port=1)/" * 10)
        assert dock.widget().minimumSizeHint().width() == width
        # Retry runs the listing again (and fails the same way: one new item, the old one is gone)
        _button(bar, "Retry").click()
        _wait(lambda: dock.list_task.done, 60)
        assert [t for _h, t, _b in _items(bar)] == [text], (_items(bar), [i.isVisible() for i in bar.items()])
    finally:
        _close(dock)


def test_a_5xx_is_an_error_with_retry_that_then_works(qgis_iface, localhub_factory, bar, tracebacks):
    import requests

    hub = localhub_factory(fault_injection={"rules": []})
    conn = store_connection(hub, f"fivexx-{uuid.uuid4().hex[:6]}", with_s3=False)
    rules = [{"method": "GET", "path": "/api/v1/byoc/collections", "sequence": [{"status": 503}] * 5}]
    assert requests.put(f"{hub.base_url}/localhub/faults", json={"rules": rules}, timeout=5).status_code < 300
    dock = _dock(qgis_iface, conn.name)
    try:
        _wait(lambda: dock.list_task is not None and dock.list_task.done, 60)
        (title, text, buttons), *_ = _items(bar)
        assert text.startswith("The service failed (HTTP 503: ") and "try again later" in text
        assert buttons == ["Retry"]  # editing the connection would not help
        _button(bar, "Retry").click()
        _wait(lambda: " collection" in dock.status.text() and " on " in dock.status.text(), 60)
    finally:
        _close(dock)


# ----------------------------------------------------------------------------------------- bad tiles skipped
def _bad_rows():
    good = list(synthetic_rows(3))
    unknown = dict(good[0], path="bad/unknown-epsg/(BAND).tif")
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::99999"}}
    unknown["coverGeometry"] = dict(good[0]["coverGeometry"], crs=crs)
    unknown["tileGeometry"] = dict(good[0]["tileGeometry"], crs=crs)
    broken = dict(good[1], path="bad/broken/(BAND).tif")
    broken["coverGeometry"] = {
        "type": "Polygon",
        "crs": good[1]["coverGeometry"]["crs"],
        "coordinates": [[[1, 2], [3]]],
    }
    return good, [unknown, broken]


def test_unusable_tiles_are_reported_and_skipped(dock, qgis_iface, localhub, bar, tracebacks):
    from qgis.core import Qgis

    client = dock.client()
    col = new_collection(client)
    good, bad = _bad_rows()
    many = list(synthetic_rows(2000))
    bulk_tiles(localhub, col["id"], many[:1000] + bad + many[1000:])
    dock.refresh_collections(select=col["id"])
    _wait(lambda: col["id"] in dock.collections)
    ctl = dock.show_tiles(col["id"])
    loaded = []
    ctl.loaded.connect(loaded.append)
    _wait(lambda: not ctl.loading, 120)
    assert ctl.layer.featureCount() == 2000 and ctl.count == 2000
    assert set(ctl.unshown) == {t.id for t in client.byoc.iter_tiles(col["id"]) if t.path.startswith("bad/")}
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"Tiles of {col['name']}:2 tiles cannot be shown and were skipped (first: bad/")
    assert "EPSG:99999 is not a CRS QGIS knows" in warnings[0] or "broken geometry" in warnings[0]
    # a refresh neither re-adds nor re-reports them
    ctl.refresh(full=True)
    _wait(lambda: ctl.refresh_task is None, 60)
    assert ctl.layer.featureCount() == 2000 and len(ctl.unshown) == 2
    assert len(qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)) == 1


def test_collection_tiles_algorithm_skips_unusable_tiles(qgis_processing, localhub, conn):
    from qgis.core import QgsProcessingFeedback

    from .test_processing_support import run_alg

    client = conn.client()
    try:
        col = new_collection(client)
        good, bad = _bad_rows()
        bulk_tiles(localhub, col["id"], good + bad)

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings = []

            def reportError(self, error, fatalError=False):  # noqa: N802,N803 - QGIS API
                self.warnings.append(error)
                super().reportError(error, fatalError)

        feedback = Feedback()
        res, layer = run_alg(
            "byoc:collectiontiles",
            {"COLLECTION": col["id"], "OUTPUT": "memory:", **conn.algorithm_parameters()},
            feedback,
        )
        assert (res["COUNT"], res["SKIPPED"], layer.featureCount()) == (3, 2, 3)
        named = [w for w in feedback.warnings if w.startswith("Tile ")]
        assert len(named) == 2 and any("EPSG:99999 is not a CRS QGIS knows" in w for w in named)
        assert any("broken geometry" in w for w in named)
        assert "2 tiles had an unusable geometry or CRS and were skipped" in feedback.warnings
    finally:
        client.close()


# --------------------------------------------------------------------------------------------- gc.freeze bracket
def test_gc_freeze_bracket_is_balanced_on_every_path(qgis_app, qgis_new_project, conn, localhub):
    from byoc_qgis.gui import gcguard
    from byoc_qgis.gui.tasks import TaskRunner
    from byoc_qgis.gui.tiles_layer import TilesLayer

    def frozen() -> bool:
        return gcguard.bulk_active() or gc.get_freeze_count() > 0

    assert not frozen()
    client = conn.client()
    runner = TaskRunner()
    try:
        col = new_collection(client)
        bulk_tiles(localhub, col["id"], synthetic_rows(3000))

        # the client factory raises (a deleted authcfg): load_failed, nothing frozen
        def broken():
            raise ValueError("authentication configuration 'gone' does not exist")

        ctl = TilesLayer(runner, broken, conn.name, col["id"], col["name"])
        failures = []
        ctl.load_failed.connect(failures.append)
        assert ctl.load() is None
        assert [str(e) for e in failures] == ["authentication configuration 'gone' does not exist"]
        assert not frozen()

        # a normal load: frozen while it runs, thawed after
        ctl = TilesLayer(runner, lambda: client, conn.name, col["id"], col["name"])
        seen = []
        ctl.progress.connect(lambda _n: seen.append(frozen()))
        done = []
        ctl.loaded.connect(done.append)
        ctl.load()
        _wait(lambda: done, 60)
        assert done == [3000] and seen and all(seen) and not frozen()

        # cancelled, stopped by removing the layer, abandoned by a closed runner: thawed each time
        for end in ("cancel", "remove", "close"):
            local_runner = TaskRunner() if end == "close" else runner
            ctl = TilesLayer(local_runner, lambda: client, conn.name, col["id"], col["name"])
            ctl.add_to_project()
            ctl.load()
            assert frozen()
            if end == "cancel":
                ctl.cancel_load()
            elif end == "remove":
                from qgis.core import QgsProject

                QgsProject.instance().removeMapLayer(ctl.layer.id())
            else:
                local_runner.cancel_all()
            _wait(lambda c=ctl: not c.loading, 60)
            assert not frozen(), end
    finally:
        runner.cancel_all()
        client.close()


# ------------------------------------------------------------------------------------ live refresh and outages
def test_live_refresh_survives_an_outage_and_resumes_by_itself(qgis_iface, localhub_factory, bar, tmp_path, tracebacks):
    from qgis.core import Qgis

    from byoc_qgis.core.models import Tile

    port = free_port()
    hub = localhub_factory(port=port, state_delay=3.0)
    name = f"outage-{uuid.uuid4().hex[:6]}"
    conn = store_connection(hub, name)
    client = conn.client()
    col = new_collection(client, hub.s3)
    bucket = col["bucket"]
    names = [f"o/t{i}" for i in range(3)]
    upload_tiles(hub.s3, bucket, tmp_path / "tiles", names)
    for n in names:
        client.byoc.create_tile(col["id"], Tile(f"{n}/(BAND).tif", sensing_time="2023-05-01T09:00:00Z"))
    client.close()
    dock = _dock(qgis_iface, name)
    hubs = [hub]
    try:
        _wait(lambda: col["id"] in dock.collections)
        ctl = dock.show_tiles(col["id"])
        _wait(lambda: not ctl.loading and ctl.count == 3)
        assert ctl.pending, "the tiles should still be ingesting"
        hub.stop()  # the service goes away mid-refresh
        _wait(lambda: ctl.trouble is not None and ctl.trouble.attempts >= 2, 60)
        trouble = ctl.trouble
        assert trouble.transient and trouble.unreachable and 0 < trouble.retry_in() <= 30
        (title, text, buttons), *rest = _items(bar)
        assert not rest, rest  # one item per outage, updated in place, not one per failed attempt
        assert title == f"Tiles of {bucket}"
        assert text.startswith("Service unreachable — retrying in ") and text.endswith(" s")
        assert bar.items()[0].toolTip() == f"Cannot reach http://127.0.0.1:{port} (connection refused)"
        assert buttons == ["Retry", "Edit connection…"]
        assert "service unreachable — retrying in" in dock.tiles_label.text()
        assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical) == []
        # the service comes back on the same port and data directory: no click needed
        hubs.append(localhub_factory(port=port, data_dir=hub.data_dir, state_delay=3.0))
        _wait(lambda: ctl.trouble is None, 60)
        _wait(lambda: {f["status"] for f in ctl.layer.getFeatures()} == {"INGESTED"}, 90)
        assert not ctl.pending and ctl.trouble is None
        assert bar.items() == []  # the outage item is gone
        successes = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
        assert f"Tiles of {bucket}:Service reachable again: live refresh resumed" in successes
        assert "service unreachable" not in dock.tiles_label.text()
    finally:
        _close(dock)


def test_a_refused_credential_stops_the_refresh_until_retry(qgis_iface, qgis_new_project, conn, localhub, bar):
    from byoc_qgis.core.errors import CredentialsError
    from byoc_qgis.gui.tasks import TaskRunner
    from byoc_qgis.gui.tiles_layer import TilesLayer

    client = conn.client()
    runner = TaskRunner()
    state = {"broken": False}

    def factory():
        if state["broken"]:
            raise CredentialsError("authentication configuration 'x' does not exist")
        return client

    try:
        col = new_collection(client)
        bulk_tiles(localhub, col["id"], synthetic_rows(2, status="WAITING"))
        ctl = TilesLayer(runner, factory, conn.name, col["id"], col["name"])
        done = []
        ctl.loaded.connect(done.append)
        ctl.load()
        _wait(lambda: done)
        state["broken"] = True
        assert ctl.refresh() is None
        assert ctl.trouble is not None and not ctl.trouble.transient and ctl.trouble.retry_in() == 0
        assert not ctl._poll.isActive()  # no automatic retry: waiting cannot fix it
        state["broken"] = False
        assert ctl.retry_now() is not None
        _wait(lambda: ctl.refresh_task is None and ctl.trouble is None)
    finally:
        runner.cancel_all()
        client.close()


# ---------------------------------------------------------------------------------------- time zones
@pytest.fixture
def new_york():
    """Run with the local time zone set to America/New_York (UTC-5 in January), then restore it."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_sensing_times_keep_their_instant_outside_utc(new_york, qgis_processing, conn, localhub):
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsVectorLayer
    from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

    from byoc_qgis.core.models import Tile, parse_time
    from byoc_qgis.processing.algorithms.tiles import field_time_utc
    from byoc_qgis.processing.tiles_common import FIELD_INDEX, FeatureBuilder

    from .test_processing_support import run_alg

    assert time.localtime(0).tm_gmtoff == -5 * 3600  # the zone really is in effect
    # the service's UTC times shown in the layer are the same instants
    builder = FeatureBuilder(QgsCoordinateReferenceSystem("EPSG:4326"))
    row = dict(next(synthetic_rows(1)), id="t", sensingTime="2022-01-02T03:04:05Z", created="2022-01-02T03:04:05.500Z")
    attrs = builder.feature(Tile.from_dict(row)).attributes()
    assert attrs[FIELD_INDEX["sensing_time"]].toMSecsSinceEpoch() == 1641092645000
    assert attrs[FIELD_INDEX["created"]].toMSecsSinceEpoch() == 1641092645500
    # a field value in local time (attribute table, a GeoPackage without zone) keeps its instant
    local = QDateTime(QDate(2022, 1, 2), QTime(3, 4, 5), Qt.TimeSpec.LocalTime)
    assert field_time_utc(local) == datetime(2022, 1, 2, 8, 4, 5, tzinfo=timezone.utc)
    assert field_time_utc(QDateTime(QDate(2022, 1, 2), QTime(3, 4, 5), Qt.TimeSpec.UTC)) == datetime(
        2022, 1, 2, 3, 4, 5, tzinfo=timezone.utc
    )
    assert field_time_utc(QDate(2022, 1, 2)) == datetime(2022, 1, 2, tzinfo=timezone.utc)
    # through the algorithm, against the service
    client = conn.client()
    try:
        col = new_collection(client)
        tile = client.byoc.create_tile(col["id"], Tile("tz/(BAND).tif"))
        layer = QgsVectorLayer("None?field=tile_id:string&field=when:datetime", "times", "memory")
        feat = QgsFeature(layer.fields())
        feat.setAttributes([tile.id, local])
        assert layer.dataProvider().addFeatures([feat])[0]
        res, _out = run_alg(
            "byoc:updatetiles",
            {
                "COLLECTION": col["id"],
                "INPUT": layer,
                "SENSING_TIME_FIELD": "when",
                "OUTPUT": "memory:",
                **conn.algorithm_parameters(),
            },
        )
        assert res["UPDATED"] == 1
        sensed = client.byoc.get_tile(col["id"], tile.id).get("sensingTime")
        assert parse_time(sensed) == datetime(2022, 1, 2, 8, 4, 5, tzinfo=timezone.utc), sensed
    finally:
        client.close()
