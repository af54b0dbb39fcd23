"""The live view's QGIS side: one loopback tile server per QGIS session, the project path hooks, clients and messages.

Why a loopback XYZ server and not a Python raster data provider (measured on QGIS 3.22.16, the oldest QGIS we run):

* QGIS's own XYZ client (``wms`` provider, ``type=xyz``) already does what a live view needs, in C++ on its render
  threads, the same from 3.22 to 4.x: it asks only for the tiles of the visible extent at the zoom level nearest
  to the screen resolution, six at a time, shows them as they arrive, previews from tiles of other zoom levels,
  keeps them in its in-memory tile cache (an unchanged view asks nothing), reprojects them into any map CRS, and
  aborts the tile requests of a render that is cancelled because the view moved on.
* A Python ``QgsRasterDataProvider`` is called back from those render threads: its ``block()`` runs under the GIL
  (all Python of QGIS, the main thread's included, waits while a block is decoded), the whole view is one request
  (no reuse when panning, nothing shown before the last byte), and ``clone()`` must hand Python objects to C++:
  without extra ownership handling, 3.22 aborts with "pure virtual method called" on the first render.
* The price of the server is a port that changes per session: a saved project holds port 0 and no session key,
  and a project read is pointed at this session's server (:mod:`.project`: path writer/preprocessor on 3.22, the
  project's writeProject/layersAdded signals on 3.40, where the path hooks are not called for ``wms`` sources).
  From 3.24 on QGIS no longer aborts outdated tile requests; the server is told what the canvases show
  (:mod:`.interest`) and answers outdated tiles at once instead of asking the service.

Credentials: the server's threads ask for a client by connection name; the client is built on the main thread
(auth manager) when a live layer is added or a project brings one, else on demand through a queued signal.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Dict, Optional, Tuple

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.errors import CredentialsError
from ..core.http import CancelFn, check_cancel
from ..core.live_server import LIVE_POLICY, LiveTileServer
from ..core.live_tiles import spec_from_url
from ..translation import tr
from .interest import InterestTracker
from .project import ProjectHooks

__all__ = ["LiveViewService", "service", "start_service", "stop_service", "running_service"]

CLIENT_WAIT_S = 30.0
ERROR_RETRY_S = 10.0


class LiveViewService(QObject):
    """The session's live view server and what it needs from QGIS (see the module docstring)."""

    _client_needed = pyqtSignal(str)
    _server_event = pyqtSignal(str, str, str)

    def __init__(self, iface=None, workers: int = 4) -> None:
        super().__init__()
        self.iface = iface
        self.workers = workers
        self._lock = threading.Lock()
        self._server: Optional[LiveTileServer] = None
        self._clients: Dict[str, Any] = {}
        self._client_errors: Dict[str, Tuple[float, str]] = {}
        self._pending: Dict[str, threading.Event] = {}
        self._notified: Dict[Tuple[str, str], float] = {}
        self._started = False
        self._interest = None
        self.hooks = ProjectHooks(self._address, self._layers_added)
        self.tracker: Optional[InterestTracker] = None
        self.follower = None
        self._client_needed.connect(self._provide_client)
        self._server_event.connect(self._show_event)

    # -- life cycle ----------------------------------------------------------------------------------------------
    def start(self) -> LiveViewService:
        """Register the project hooks and, with a QGIS interface, follow its canvases (the server itself starts with
        the first live layer)."""
        if not self._started:
            self._started = True
            self.hooks.start()
            self.hooks.attach(QgsProject.instance())
            QgsProject.instance().layersRemoved.connect(self.update_interest)
        if self.iface is not None and self.follower is None:
            from .temporal import TemporalFollower

            self.follower = TemporalFollower(self.iface.mapCanvas(), QgsProject.instance())
            self.tracker = InterestTracker(self.iface, self._publish_interest)
            self.tracker.update()
        return self

    def stop(self) -> None:
        """Remove the hooks, stop the server, close the clients."""
        self.hooks.stop()
        if self._started:
            try:
                QgsProject.instance().layersRemoved.disconnect(self.update_interest)
            except (TypeError, RuntimeError):
                pass
        self._started = False
        if self.follower is not None:
            self.follower.stop()
            self.follower = None
        if self.tracker is not None:
            self.tracker.stop()
            self.tracker = None
        with self._lock:
            server, self._server = self._server, None
            clients = list(self._clients.values())
            self._clients.clear()
            pending = list(self._pending.values())
        for event in pending:
            event.set()
        if server is not None:
            server.stop()
        for client in clients:
            client.close()

    def attach_project(self, project: QgsProject) -> None:
        """Save/read the live layers of another project the same way (QgsProject.instance() is attached already)."""
        self.hooks.attach(project)

    def update_interest(self, *_args) -> None:
        """Tell the server again what the canvases show (after a live layer was added, removed or changed)."""
        if self.tracker is not None:
            self.tracker.update()

    def _publish_interest(self, interest) -> None:
        with self._lock:
            self._interest = interest
            server = self._server
        if server is not None:
            server.interest = interest

    def _address(self) -> Tuple[int, str]:
        server = self.server()
        return server.port, server.key

    def server(self) -> LiveTileServer:
        """The session's tile server (started on first use)."""
        with self._lock:
            if self._server is None:
                self._server = LiveTileServer(
                    self._client_for, workers=self.workers, on_event=self._server_event.emit
                ).start()
                self._server.interest = self._interest
            return self._server

    # -- clients -------------------------------------------------------------------------------------------------
    def ensure_client(self, connection: str) -> Any:
        """The client of a saved connection, built now if needed (main thread: reads the auth manager).

        Raises ``ValueError`` (no such connection) or ``CredentialsError`` (unreadable credentials).
        """
        with self._lock:
            client = self._clients.get(connection)
        if client is not None:
            return client
        from ..core import qgis_adapters as qa
        from ..core.client import SentinelHubClient

        settings = qa.load_connection(connection)
        credentials = qa.read_client_credentials(settings.client_authcfg)
        _register_secret(credentials.secret())
        client = SentinelHubClient(
            settings.deployment, credentials, transport=qa.transport_from_qgis(), policy=LIVE_POLICY
        )
        with self._lock:
            old = self._clients.get(connection)
            if old is None:
                self._clients[connection] = client
                self._client_errors.pop(connection, None)
        if old is not None:
            client.close()
            return old
        return client

    def forget_client(self, connection: str) -> None:
        """Drop the cached client of ``connection`` (after its settings or credentials changed)."""
        with self._lock:
            client = self._clients.pop(connection, None)
            self._client_errors.pop(connection, None)
        if client is not None:
            client.close()

    def _client_for(self, connection: str, cancel: CancelFn) -> Any:
        """Server thread: the client of ``connection``, asking the main thread to build it when needed."""
        deadline = time.monotonic() + CLIENT_WAIT_S
        while True:
            with self._lock:
                client = self._clients.get(connection)
                if client is not None:
                    return client
                failed = self._client_errors.get(connection)
                if failed is not None and time.monotonic() - failed[0] < ERROR_RETRY_S:
                    raise CredentialsError(failed[1])
                event = self._pending.get(connection)
                first = event is None
                if first:
                    event = self._pending[connection] = threading.Event()
            if first:
                self._client_needed.emit(connection)
            while not event.wait(0.05):
                check_cancel(cancel)
                if time.monotonic() > deadline:
                    raise CredentialsError(
                        f"the credentials of connection {connection!r} could not be read in time (is QGIS waiting "
                        "for its master password?)"
                    )
            if self._server is None:
                raise CredentialsError("the live view server stopped")

    def _provide_client(self, connection: str) -> None:
        """Main thread (queued from the server): build the client, or remember why it cannot be built."""
        try:
            self.ensure_client(connection)
        except Exception as exc:  # noqa: BLE001 - told to every tile of the connection, then retried later
            with self._lock:
                self._client_errors[connection] = (time.monotonic(), _connection_problem(connection, exc))
        finally:
            with self._lock:
                event = self._pending.pop(connection, None)
            if event is not None:
                event.set()

    def _layers_added(self, layers) -> None:
        """Live layers a project brought (already pointed at this server): build their clients now (main thread) so
        their tiles need not wait for it, follow the Temporal Controller if asked, tell the server."""
        for layer in layers:
            try:
                self.ensure_client(spec_from_url(layer.source()).connection)
            except Exception as exc:  # noqa: BLE001 - the layer stays, empty; the user is told why
                self._notify(layer.id(), "connection", _connection_problem(_safe_connection(layer), exc), True)
            if self.follower is not None:
                self.follower.apply_to(layer)
        self.update_interest()

    # -- messages ------------------------------------------------------------------------------------------------
    def _show_event(self, kind: str, token: str, detail: str) -> None:
        """Main thread: a server event as a message about the layers that show the view."""
        project = QgsProject.instance()
        for layer in project.mapLayers().values():
            if token not in layer.source():
                continue
            if kind == "too_coarse":
                text = tr("Zoom in to see this collection: the service renders it at {} m per pixel at most.").format(
                    detail
                )
                self._notify(layer.id(), kind, text, False)
            else:
                self._notify(layer.id(), kind, detail, True)

    def _notify(self, layer_id: str, kind: str, text: str, warning: bool) -> None:
        """Message bar + log, once per layer and kind every minute."""
        now = time.monotonic()
        last = self._notified.get((layer_id, kind))
        if last is not None and now - last < 60.0:
            return
        self._notified[(layer_id, kind)] = now
        layer = QgsProject.instance().mapLayer(layer_id)
        title = tr("Live view “{}”").format(layer.name() if layer is not None else layer_id)
        from ..gui.notify import Notifier

        notifier = Notifier(self.iface)
        if warning:
            notifier.warning(title, text)
        else:
            notifier.info(title, text)


def _register_secret(secret: str) -> None:
    try:
        from ..gui.notify import register_secret
    except ImportError:  # pragma: no cover - gui is part of the plugin
        return
    register_secret(secret)


def _safe_connection(layer) -> str:
    try:
        return spec_from_url(layer.source()).connection
    except ValueError:
        return "?"


def _connection_problem(connection: str, exc: BaseException) -> str:
    from ..gui.notify import scrub

    if isinstance(exc, ValueError) and "no saved connection" in str(exc):
        return tr(
            "The connection “{}” does not exist on this computer. Create it (same name) in the BYOC panel, then "
            "refresh the map."
        ).format(connection)
    return scrub(tr("The credentials of connection “{}” cannot be read: {}").format(connection, exc))


_service: Optional[LiveViewService] = None
_service_lock = threading.Lock()


def service(iface=None) -> LiveViewService:
    """The session's live view service, started (path hooks registered) on first use."""
    global _service
    with _service_lock:
        if _service is None:
            _service = LiveViewService(iface)
        elif iface is not None and _service.iface is None:
            _service.iface = iface
        return _service.start()


def running_service() -> Optional[LiveViewService]:
    """The service if it was started (None otherwise)."""
    return _service


def start_service(iface=None) -> LiveViewService:
    """Plugin ``initGui``: register the path hooks before any project is read."""
    return service(iface)


def stop_service() -> None:
    """Plugin ``unload``: remove the hooks, stop the server."""
    global _service
    with _service_lock:
        svc, _service = _service, None
    if svc is not None:
        svc.stop()
        svc.deleteLater()
