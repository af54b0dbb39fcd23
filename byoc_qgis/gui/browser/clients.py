"""Clients for the Browser's background population, built on the main thread.

QGIS populates a Browser item that is not ``Fast`` in a worker thread (``QgsDataItem::createChildren``). A client
reads its credentials from the QGIS auth manager, which belongs to the main thread (and may ask for the master
password there), so a worker asks the main thread for it through a queued signal and waits, as the live view's
server does (:mod:`byoc_qgis.live.service`). On the main thread the client is built directly. Clients are cached
by the :class:`~byoc_qgis.gui.connections.ConnectionStore` (one per connection, rebuilt when its settings change).
"""

from __future__ import annotations

import threading
import time
from typing import Any, Optional

from qgis.PyQt.QtCore import QObject, QThread, pyqtSignal

from ...core.progress import Cancelled
from ...translation import tr
from ..connections import ConnectionStore

__all__ = ["ClientBroker", "CLIENT_WAIT_S"]

CLIENT_WAIT_S = 60.0  # a master password dialog may be open on the main thread meanwhile


class _Request:
    """One worker's wish for the client of a connection, answered on the main thread."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.done = threading.Event()
        self.client: Any = None
        self.error: Optional[BaseException] = None


class ClientBroker(QObject):
    """Hands out connection clients to any thread; the auth manager is only read on the main thread."""

    _wanted = pyqtSignal(object)

    def __init__(self, store: ConnectionStore, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.store = store
        self._lock = threading.Lock()
        self._pending: set = set()
        self._closed = False
        self._wanted.connect(self._build)  # queued when emitted from a worker thread

    def client(self, name: str, timeout: float = CLIENT_WAIT_S) -> Any:
        """The client of the saved connection ``name`` (ValueError: no such connection; CredentialsError)."""
        if QThread.currentThread() == self.thread():
            return self.store.client(self.store.load(name))
        request = _Request(name)
        with self._lock:
            if self._closed:
                raise Cancelled(tr("The plugin was unloaded"))
            self._pending.add(request)
        self._wanted.emit(request)
        deadline = time.monotonic() + timeout
        while not request.done.wait(0.1):
            if time.monotonic() > deadline:
                with self._lock:
                    self._pending.discard(request)
                raise TimeoutError(tr("The credentials of {} were not read in time").format(name))
        if request.error is not None:
            raise request.error
        return request.client

    def _build(self, request: _Request) -> None:  # main thread
        with self._lock:
            if request not in self._pending:
                return  # given up (time out) or unloaded
            self._pending.discard(request)
        try:
            request.client = self.store.client(self.store.load(request.name))
        except Exception as exc:  # noqa: BLE001 - handed to the waiting worker
            request.error = exc
        finally:
            request.done.set()

    def close(self) -> None:
        """Release every waiting worker (plugin unload) and close the cached clients."""
        with self._lock:
            self._closed = True
            pending, self._pending = list(self._pending), set()
        for request in pending:
            request.error = Cancelled(tr("The plugin was unloaded"))
            request.done.set()
        self.store.close()
