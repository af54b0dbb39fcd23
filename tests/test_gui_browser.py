"""The "Sentinel Hub BYOC" Browser entry in pytest-qgis against localhub, seen through a QGIS Browser model as the
Browser panel has: saved connections → collections (listed in a worker thread, the client built on the main
thread) → tiles layer; batch requests; error items; double-click and drop add the tiles layer; the context menus
rename and delete; the plugin registers the provider and unload removes it.

QGIS 3.22's binding of ``QgsDataItem.children()`` deletes the items it returns when the list is collected, so the
tests walk the model (as the Browser panel does), never ``children()``."""

from __future__ import annotations

import uuid

import pytest

from .test_gui_support import bulk_tiles, ensure_provider, new_collection, release_provider, synthetic_rows
from .watchdog import wait_until

pytestmark = pytest.mark.usefixtures("gui_provider")

ROOT = "Sentinel Hub BYOC"


def _wait(cond, timeout=60.0):
    assert wait_until(cond, timeout=timeout), "timed out"


class ScriptedPrompts:
    """Answers the context menus' questions as a user would, and records what was asked."""

    def __init__(self, name=None, confirm=True) -> None:
        self.name, self.confirm, self.asked = name, confirm, []

    def new_name(self, title, current):
        self.asked.append(("name", current))
        return self.name

    def confirm_remove_connection(self, name):
        self.asked.append(("remove", name))
        return self.confirm

    def confirm_delete_collection(self, name, count):
        self.asked.append(("delete", name, count))
        return self.confirm


class Browser:
    """A QGIS Browser model (what the Browser panel shows), expanded item by item as a user would."""

    def __init__(self) -> None:
        from qgis.core import QgsBrowserModel

        self.model = QgsBrowserModel()
        self.model.initialize()

    def root_names(self):
        from qgis.PyQt.QtCore import QModelIndex

        return [self.model.data(self.model.index(r, 0, QModelIndex())) for r in range(self.model.rowCount())]

    def names(self, index):
        return [self.model.data(self.model.index(r, 0, index)) for r in range(self.model.rowCount(index))]

    def find(self, name, parent=None):
        from qgis.PyQt.QtCore import QModelIndex

        parent = parent if parent is not None else QModelIndex()
        names = self.names(parent)
        assert names.count(name) == 1, names
        return self.model.index(names.index(name), 0, parent)

    def item(self, index):
        return self.model.dataItem(index)

    def expand(self, index, timeout=60.0):
        """Expand ``index`` (QGIS populates it, in a worker thread unless it is Fast); its children's names."""
        from byoc_qgis.gui.browser.compat import POPULATED

        self.model.fetchMore(index)
        _wait(lambda: self.item(index).state() == POPULATED, timeout)
        return self.names(index)


@pytest.fixture
def browser(qgis_app, qgis_iface, qgis_new_project, conn):
    """The plugin's Browser panel part, registered as initGui does, and a Browser model showing it."""
    from byoc_qgis.gui.browser import BrowserPanel

    ensure_provider()  # the algorithms behind the context menus (a plugin test before may have removed it)
    panel = BrowserPanel(qgis_iface).start()
    b = Browser()
    b.panel, b.session = panel, panel.session
    yield b
    panel.stop()


def _actions(item):
    from qgis.PyQt.QtWidgets import QMenu

    menu = QMenu()
    _actions.menus.append(menu)
    return {a.objectName(): a for a in item.actions(menu)}


_actions.menus = []


def test_items_populate_off_the_main_thread_with_the_collections(browser, conn):
    from qgis.core import Qgis

    from byoc_qgis.gui.browser.compat import POPULATED

    session = browser.session
    client = session.store.client(session.store.load(conn.name))
    names = [f"browser-{uuid.uuid4().hex[:6]}-{i}" for i in range(2)]
    made = [new_collection(client, name=n) for n in names]
    session.store.close()  # the Browser builds its own client when the connection is expanded

    root = browser.find(ROOT)
    assert browser.item(root).capabilities2() & Qgis.BrowserItemCapability.Fast
    assert conn.name in browser.expand(root)
    assert session.store._clients == {}  # the root lists the settings only: no auth database, no network yet
    index = browser.find(conn.name, root)
    browser.model.fetchMore(index)
    assert browser.item(index).state() != POPULATED  # QGIS runs createChildren in a worker thread
    children = browser.expand(index)
    assert set(names) <= set(children) and "Batch requests" in children, children
    assert conn.name in session.store._clients  # built on the main thread for the worker
    for info, name in zip(made, names):
        col_index = browser.find(name, index)
        col = browser.item(col_index)
        assert type(col).__name__ == "CollectionItem"
        assert col.path() == f"byoc:/{conn.name}/{info['id']}" and col.collection.id == info["id"]
        assert browser.expand(col_index) == ["Tiles"]
        tiles = browser.item(browser.find("Tiles", col_index))
        assert tiles.path() == col.path() + "/tiles" and tiles.hasDragEnabled()
    batch = browser.find("Batch requests", index)
    browser.expand(batch)
    for r in range(browser.model.rowCount(batch)):
        assert browser.item(browser.model.index(r, 0, batch)).type() != Qgis.BrowserItemType.Error


def test_unreachable_service_and_unusable_credentials_give_error_items(browser, localhub, loopback_port):
    from qgis.core import Qgis

    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.core.deployments import custom_deployment

    down = f"browser-down-{uuid.uuid4().hex[:6]}"
    cfg = qa.store_client_credentials(f"{down} client", localhub.client_id, localhub.client_secret)
    base = f"http://127.0.0.1:{loopback_port}"
    qa.save_connection(qa.ConnectionSettings(down, custom_deployment(base, base + "/oauth/token"), cfg))
    broken = f"browser-noauth-{uuid.uuid4().hex[:6]}"
    qa.save_connection(qa.ConnectionSettings(broken, custom_deployment(base, base + "/oauth/token"), "nosuchcfg"))
    try:
        root = browser.find(ROOT)
        browser.expand(root)
        browser.session.refresh_roots()  # what the connection dialog does after saving
        _wait(lambda: {down, broken} <= set(browser.names(root)))
        texts = {}
        for name in (down, broken):
            index = browser.find(name, root)
            children = browser.expand(index, timeout=90)
            assert len(children) == 1, children
            assert browser.item(browser.model.index(0, 0, index)).type() == Qgis.BrowserItemType.Error
            texts[name] = children[0]
            assert children[0] and "Traceback" not in children[0] and localhub.client_secret not in children[0]
        assert "127.0.0.1" in texts[down] or "connect" in texts[down].lower(), texts[down]
        assert "nosuchcfg" in texts[broken] or "authentication" in texts[broken].lower(), texts[broken]

        # Remove Connection…: asked first, then gone from the settings and the Browser
        browser.session.prompts = ScriptedPrompts(confirm=True)
        _actions(browser.item(browser.find(down, root)))["byoc_browser_remove_connection"].trigger()
        assert browser.session.prompts.asked == [("remove", down)]
        assert down not in qa.list_connections()
        _wait(lambda: down not in browser.names(root) and broken in browser.names(root))
    finally:
        qa.remove_connection(down)
        qa.remove_connection(broken)


def test_double_click_and_drop_add_the_right_tiles_layer(browser, conn, localhub):
    from qgis.core import QgsProject

    from byoc_qgis.gui.browser.provider import CollectionDropHandler
    from byoc_qgis.gui.layer_tree import PROP_COLLECTION, PROP_CONNECTION

    session = browser.session
    client = session.store.client(session.store.load(conn.name))
    other = new_collection(client, name=f"browser-other-{uuid.uuid4().hex[:6]}")
    info = new_collection(client, name=f"browser-dbl-{uuid.uuid4().hex[:6]}")
    bulk_tiles(localhub, info["id"], synthetic_rows(7))
    bulk_tiles(localhub, other["id"], synthetic_rows(2))
    root = browser.find(ROOT)
    browser.expand(root)
    index = browser.find(conn.name, root)
    browser.expand(index)

    def layers():
        return [
            lyr
            for lyr in QgsProject.instance().mapLayers().values()
            if lyr.customProperty(PROP_CONNECTION) == conn.name
        ]

    col_index = browser.find(info["name"], index)
    assert browser.item(col_index).handleDoubleClick() is True
    _wait(lambda: len(layers()) == 1 and layers()[0].featureCount() == 7)
    layer = layers()[0]
    assert layer.customProperty(PROP_COLLECTION) == info["id"] and layer.name() == info["name"]

    uris = browser.item(browser.find(other["name"], index)).mimeUris()
    assert len(uris) == 1 and uris[0].layerType == "custom" and other["id"] in uris[0].uri
    assert localhub.client_secret not in uris[0].uri
    CollectionDropHandler(session).handleCustomUriDrop(uris[0])
    _wait(lambda: len(layers()) == 2 and all(lyr.featureCount() > 0 for lyr in layers()))
    dropped = [lyr for lyr in layers() if lyr.customProperty(PROP_COLLECTION) == other["id"]]
    assert len(dropped) == 1 and dropped[0].featureCount() == 2

    browser.expand(col_index)  # the collection's "Tiles" item adds the same layer: no second copy
    assert browser.item(browser.find("Tiles", col_index)).handleDoubleClick() is True
    wait_until(lambda: False, 1.0)  # let a second layer appear, if one would
    assert len(layers()) == 2 and layer.id() in QgsProject.instance().mapLayers()


def test_context_menus_rename_and_delete_collections(browser, conn, localhub):
    from byoc_qgis.core.errors import NotFoundError
    from byoc_qgis.gui.layer_tree import find_tiles_layer

    session = browser.session
    client = session.store.client(session.store.load(conn.name))
    info = new_collection(client, name=f"browser-ren-{uuid.uuid4().hex[:6]}")
    bulk_tiles(localhub, info["id"], synthetic_rows(3))
    root = browser.find(ROOT)
    browser.expand(root)
    assert set(_actions(browser.item(root))) == {"byoc_browser_new_connection", "byoc_browser_refresh"}
    index = browser.find(conn.name, root)
    assert set(_actions(browser.item(index))) == {
        "byoc_browser_new_collection",
        "byoc_browser_edit_connection",
        "byoc_browser_remove_connection",
        "byoc_browser_refresh",
    }
    browser.expand(index)
    col = browser.item(browser.find(info["name"], index))
    actions = _actions(col)
    assert set(actions) == {
        "byoc_browser_add_tiles_layer",
        "byoc_browser_process",
        "byoc_browser_add_tiles",
        "byoc_browser_rename_collection",
        "byoc_browser_delete_collection",
    }

    # renamed elsewhere (the dock, another QGIS): the connection's Refresh shows the new name
    elsewhere = client.byoc.get_collection(info["id"])
    elsewhere.name = info["name"] + "-elsewhere"
    client.byoc.update_collection(elsewhere)
    _actions(browser.item(index))["byoc_browser_refresh"].trigger()
    _wait(lambda: elsewhere.name in browser.names(index) and info["name"] not in browser.names(index))
    info["name"] = elsewhere.name
    col = browser.item(browser.find(info["name"], index))
    actions = _actions(col)

    actions["byoc_browser_add_tiles_layer"].trigger()
    _wait(lambda: find_tiles_layer(conn.name, info["id"]) is not None)
    layer = find_tiles_layer(conn.name, info["id"])
    _wait(lambda: layer.featureCount() == 3 and layer.name() == info["name"])

    new_name = info["name"] + "-renamed"
    session.prompts = ScriptedPrompts(name=new_name)
    actions["byoc_browser_rename_collection"].trigger()
    _wait(lambda: client.byoc.get_collection(info["id"]).name == new_name)
    _wait(lambda: new_name in browser.names(index) and info["name"] not in browser.names(index))
    assert session.prompts.asked == [("name", info["name"])]
    assert layer.name() == new_name  # its tiles layer follows
    col = browser.item(browser.find(new_name, index))

    session.prompts = ScriptedPrompts(confirm=False)  # Cancel: nothing is deleted
    _actions(col)["byoc_browser_delete_collection"].trigger()
    _wait(lambda: session.prompts.asked)
    assert session.prompts.asked == [("delete", new_name, 3)]
    assert session.ops.last_delete is None and client.byoc.get_collection(info["id"]).name == new_name

    session.prompts = ScriptedPrompts(confirm=True)
    _actions(col)["byoc_browser_delete_collection"].trigger()
    _wait(lambda: session.ops.last_delete is not None and session.ops.last_delete.ok is not None, 120)
    assert session.ops.last_delete.ok, session.ops.last_delete.error_text()
    with pytest.raises(NotFoundError):
        client.byoc.get_collection(info["id"])
    _wait(lambda: new_name not in browser.names(index))
    assert find_tiles_layer(conn.name, info["id"]) is None  # the deleted collection's layer left the project


def test_process_and_add_tiles_open_their_dialogs(browser, conn):
    from byoc_qgis.gui.add_tiles_dialog import AddTilesDialog
    from byoc_qgis.gui.process_dialog import ProcessDialog

    session = browser.session
    client = session.store.client(session.store.load(conn.name))
    info = new_collection(client, name=f"browser-dlg-{uuid.uuid4().hex[:6]}")
    root = browser.find(ROOT)
    browser.expand(root)
    index = browser.find(conn.name, root)
    browser.expand(index)
    actions = _actions(browser.item(browser.find(info["name"], index)))
    actions["byoc_browser_process"].trigger()
    actions["byoc_browser_add_tiles"].trigger()
    assert [type(d) for d in session.dialogs] == [ProcessDialog, AddTilesDialog]
    assert all(d.collection.id == info["id"] and d.isVisible() for d in session.dialogs)


def test_plugin_registers_the_browser_root_and_unload_removes_it(qgis_app, recording_iface, conn):
    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.gui.browser import provider_registered
    from byoc_qgis.plugin import ByocPlugin

    release_provider()
    browser = Browser()
    assert ROOT not in browser.root_names() and not provider_registered()
    name = f"browser-new-{uuid.uuid4().hex[:6]}"
    plugin = ByocPlugin(recording_iface)
    plugin.initGui()
    try:
        assert provider_registered()
        _wait(lambda: ROOT in browser.root_names(), 5)  # added to a Browser that was already open
        assert browser.item(browser.find(ROOT)).providerKey() in ("byoc", ROOT)
        # a connection saved from the Browser appears in the (hidden) dock's list
        qa.save_connection(qa.ConnectionSettings(name, conn.deployment, conn.settings.client_authcfg))
        combo = plugin.dock.connection_combo
        assert combo.findData(name) < 0
        plugin.browser.session.refresh_roots()
        assert combo.findData(name) >= 0
    finally:
        plugin.unload()
        qa.remove_connection(name)
    assert not provider_registered()
    _wait(lambda: ROOT not in browser.root_names(), 5)


def test_unload_while_a_connection_is_listed(qgis_app, recording_iface, conn, localhub, loopback_port):
    """Unloading the plugin while QGIS lists a connection in its worker thread: the worker ends (its client is
    closed, a wait for credentials released), the root leaves the Browser, nothing crashes."""
    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.gui.browser.compat import POPULATED
    from byoc_qgis.plugin import ByocPlugin

    release_provider()
    name = f"browser-slow-{uuid.uuid4().hex[:6]}"
    cfg = qa.store_client_credentials(f"{name} client", localhub.client_id, localhub.client_secret)
    base = f"http://127.0.0.1:{loopback_port}"  # nothing listens: the client retries with backoff
    qa.save_connection(qa.ConnectionSettings(name, custom_deployment(base, base + "/oauth/token"), cfg))
    browser = Browser()
    plugin = ByocPlugin(recording_iface)
    plugin.initGui()
    try:
        _wait(lambda: ROOT in browser.root_names(), 5)
        root = browser.find(ROOT)
        browser.expand(root)
        index = browser.find(name, root)
        item = browser.item(index)
        browser.model.fetchMore(index)
        assert item.state() != POPULATED
    finally:
        plugin.unload()
        qa.remove_connection(name)
    _wait(lambda: ROOT not in browser.root_names(), 5)
    wait_until(lambda: False, 8.0)  # the worker's retries end; its deferred items are deleted
    assert ROOT not in browser.root_names()


def test_new_collection_from_the_connection_appears_under_it(browser, conn, localhub):
    """New Collection… collects name and bucket in the collection dialog, then runs byoc:createcollection."""
    session = browser.session
    root = browser.find(ROOT)
    browser.expand(root)
    index = browser.find(conn.name, root)
    browser.expand(index)
    bucket = f"browser-new-{uuid.uuid4().hex[:8]}"
    localhub.s3.client().create_bucket(Bucket=bucket)
    name = f"browser-created-{uuid.uuid4().hex[:6]}"
    run = session.ops.create_collection(browser.item(index), name, bucket, ["B02", "B03"])
    _wait(lambda: run.ok is not None, 120)
    assert run.ok, run.error_text()
    _wait(lambda: name in browser.names(index))
    created = browser.item(browser.find(name, index)).collection
    assert created.s3_bucket == bucket and list(created.bands) == ["B02", "B03"]
