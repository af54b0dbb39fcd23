"""The plugin reads nothing at QGIS start: after initGui (master password set, a saved active connection) neither the
auth database nor the network is touched until the dock is first shown. Not a ``gui_provider`` module: the plugin
registers its own provider, as in test_plugin.py."""

from __future__ import annotations

import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .test_processing_support import set_master_password


class _Counter(BaseHTTPRequestHandler):
    hits = 0

    def _any(self) -> None:
        type(self).hits += 1
        self.send_response(503)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = _any

    def log_message(self, *_args) -> None:
        pass


def test_nothing_is_read_until_the_dock_is_first_shown(qgis_app, recording_iface, monkeypatch, localhub):
    """After initGui (master password set, a saved connection) neither the auth database nor the network is touched;
    showing the dock reads both."""
    from qgis.core import QgsProject

    import byoc_qgis
    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.core.deployments import custom_deployment
    from byoc_qgis.gui.connections import Connection, ConnectionStore
    from byoc_qgis.gui.layer_tree import tiles_layers

    from .watchdog import wait_until

    # QGIS starting: no tiles layer of an earlier test in the project (those are restored at initGui, rightly)
    QgsProject.instance().removeMapLayers([layer.id() for layer in tiles_layers()])
    set_master_password()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    store = ConnectionStore()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    authcfg = qa.store_client_credentials("lazy", localhub.client_id, localhub.client_secret)
    name = f"lazy-{uuid.uuid4().hex[:6]}"
    store.save(Connection(qa.ConnectionSettings(name, custom_deployment(base, None), authcfg)))
    store.set_active(name)
    reads = []
    real_manager = qa._manager
    monkeypatch.setattr(qa, "_manager", lambda: reads.append(1) or real_manager())
    plugin = byoc_qgis.classFactory(recording_iface)
    try:
        plugin.initGui()
        wait_until(lambda: False, 1.0)  # queued slots and timers run
        assert reads == [] and _Counter.hits == 0
        recording_iface.mainWindow().show()
        plugin.action.trigger()
        assert plugin.dock.isVisible()
        assert wait_until(lambda: _Counter.hits > 0, 30), "the shown dock did not list the collections"
        assert reads, "the shown dock did not read its credentials"
    finally:
        runner = plugin.dock.runner if plugin.dock is not None else None
        plugin.unload()
        if runner is not None:  # the cancelled listing ends here, not inside a later test
            wait_until(lambda: not runner.active(), 30)
        recording_iface.mainWindow().hide()
        store.remove(name)
        server.shutdown()
        server.server_close()
