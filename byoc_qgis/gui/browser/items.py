"""The items under the "Sentinel Hub BYOC" Browser root: saved connections → collections → their tiles layer, and
the connection's batch requests.

Population: the root lists the saved connections from the settings (``Fast``: on the main thread, no auth
database, no network). A connection and its "Batch requests" are populated by QGIS in a worker thread: the
client comes from the main thread (:class:`~.clients.ClientBroker`), then the service is asked. Whatever goes
wrong becomes an error item with the service's sentence (:func:`~byoc_qgis.gui.notify.error_summary`), never an
exception. A collection's children (its tiles layer) need nothing from the service (``Fast``).

Items created in a worker thread only get theme icon names (no pixmap outside the main thread).
"""

from __future__ import annotations

import itertools
from typing import List

from qgis.core import Qgis, QgsDataCollectionItem, QgsDataItem, QgsErrorItem
from qgis.PyQt.QtGui import QIcon

from ...core.batch import BatchClient
from ...core.models import Collection
from ...processing.provider import ICON_PATH
from ...translation import tr
from ..guard import ROUTINE, log_unexpected
from ..notify import error_details, error_summary, log
from . import menus
from .compat import CAP, ITEM_TYPE, POPULATED, set_capabilities
from .uri import collection_uri

__all__ = [
    "PROVIDER_KEY",
    "ROOT_PATH",
    "RootItem",
    "ConnectionItem",
    "CollectionItem",
    "TilesItem",
    "BatchRequestsItem",
    "BatchTaskItem",
]

PROVIDER_KEY = "byoc"
ROOT_PATH = "byoc:"
MAX_BATCH_ITEMS = 100  # the newest batch requests shown under a connection


def _error_items(parent: QgsDataItem, exc: BaseException) -> List[QgsDataItem]:
    """An error item with one sentence (the traceback of an unexpected error goes to the BYOC log tab)."""
    where = tr("Browser: {}").format(parent.name())
    if isinstance(exc, ROUTINE):
        log(f"{where}: {error_details(exc)}", Qgis.MessageLevel.Warning)
    else:
        log_unexpected(where, exc)
    return [QgsErrorItem(parent, error_summary(exc), parent.path() + "/error")]


class RootItem(QgsDataCollectionItem):
    """ "Sentinel Hub BYOC": one child per saved connection."""

    def __init__(self, session) -> None:
        super().__init__(None, tr("Sentinel Hub BYOC"), ROOT_PATH, PROVIDER_KEY)
        self.session = session
        set_capabilities(self, CAP.Fast, CAP.Fertile)
        self.setIcon(QIcon(ICON_PATH))
        self.setToolTip(tr("Sentinel Hub BYOC collections of the saved connections"))
        session.add_root(self)

    def createChildren(self):  # noqa: N802 - QGIS API name
        try:
            return [ConnectionItem(self, self.session, name) for name in self.session.store.names()]
        except Exception as exc:  # noqa: BLE001 - an error item, never an exception
            return _error_items(self, exc)

    def actions(self, parent):
        return menus.root_actions(self, parent)


class ConnectionItem(QgsDataCollectionItem):
    """A saved connection: its collections and its batch requests (listed in a worker thread)."""

    def __init__(self, parent: QgsDataItem, session, name: str) -> None:
        super().__init__(parent, name, f"{ROOT_PATH}/{QgsDataItem.pathComponent(name)}", PROVIDER_KEY)
        self.session = session
        self.connection = name
        set_capabilities(self, CAP.Fertile)
        self.setIconName("mIconConnect.svg")
        self.setToolTip(tr("Connection {}").format(name))

    def createChildren(self):  # noqa: N802 - QGIS API name (worker thread)
        try:
            client = self.session.broker.client(self.connection)
            collections = client.byoc.list_collections()
        except Exception as exc:  # noqa: BLE001 - an error item, never an exception
            return _error_items(self, exc)
        items: List[QgsDataItem] = [CollectionItem(self, self.session, self.connection, c) for c in collections]
        items.append(BatchRequestsItem(self, self.session, self.connection))
        return items

    def actions(self, parent):
        return menus.connection_actions(self, parent)


class _SameNameAndPath:
    """Items whose name can change for the same path (a renamed collection, a batch task's new status): a refresh
    replaces them (QGIS keeps an item whose class and path are unchanged)."""

    def equal(self, other) -> bool:
        return self.path() == other.path() and self.name() == other.name()


class _TilesSource:
    """What a collection and its tiles layer item share: double-click and drag add the collection's tiles layer."""

    def handleDoubleClick(self) -> bool:  # noqa: N802 - QGIS API name
        self.session.ops.add_tiles_layer(self.connection, self.collection.id, self.collection.name)
        return True

    def hasDragEnabled(self) -> bool:  # noqa: N802 - QGIS API name
        return True

    def mimeUris(self):  # noqa: N802 - QGIS API name
        return [collection_uri(self.connection, self.collection.id, self.collection.name)]

    def mimeUri(self):  # noqa: N802 - QGIS API name (before 3.18)
        return collection_uri(self.connection, self.collection.id, self.collection.name)


class CollectionItem(_SameNameAndPath, _TilesSource, QgsDataCollectionItem):
    """A collection; double-click or drag adds its tiles layer, its child is that layer."""

    def __init__(self, parent: QgsDataItem, session, connection: str, collection: Collection) -> None:
        super().__init__(parent, collection.name or collection.id, f"{parent.path()}/{collection.id}", PROVIDER_KEY)
        self.session = session
        self.connection = connection
        self.collection = collection
        set_capabilities(self, CAP.Fast, CAP.Fertile)
        self.setIconName("mIconRasterGroup.svg")
        bands = ", ".join(collection.bands) or tr("(set by the first tile)")
        self.setToolTip(
            tr("{}\nid {}\nbucket {}\nbands {}").format(collection.name, collection.id, collection.s3_bucket, bands)
        )

    def createChildren(self):  # noqa: N802 - QGIS API name
        return [TilesItem(self, self.session, self.connection, self.collection)]

    def actions(self, parent):
        return menus.collection_actions(self, parent)


class TilesItem(_TilesSource, QgsDataItem):
    """The collection's tiles layer (footprints and ingestion status of every tile)."""

    def __init__(self, parent: QgsDataItem, session, connection: str, collection: Collection) -> None:
        super().__init__(ITEM_TYPE.Custom, parent, tr("Tiles"), f"{parent.path()}/tiles", PROVIDER_KEY)
        self.session = session
        self.connection = connection
        self.collection = collection
        set_capabilities(self)
        self.setState(POPULATED)
        self.setIconName("mIconPolygonLayer.svg")
        self.setToolTip(tr("Tiles of {}: double-click or drag to the map").format(collection.name))

    def actions(self, parent):
        return menus.tiles_actions(self, parent)


class BatchRequestsItem(QgsDataCollectionItem):
    """ "Batch requests": the connection's newest batch tasks (listed in a worker thread when expanded)."""

    def __init__(self, parent: QgsDataItem, session, connection: str) -> None:
        super().__init__(parent, tr("Batch requests"), f"{parent.path()}/batch", PROVIDER_KEY)
        self.session = session
        self.connection = connection
        set_capabilities(self, CAP.Fertile)
        self.setIconName("mIconFolder.svg")
        self.setSortKey("\uffff")  # after the collections

    def createChildren(self):  # noqa: N802 - QGIS API name (worker thread)
        try:
            client = self.session.broker.client(self.connection)
            tasks = list(itertools.islice(BatchClient.of(client).iter_tasks(sort="created:desc"), MAX_BATCH_ITEMS))
        except Exception as exc:  # noqa: BLE001 - an error item, never an exception
            return _error_items(self, exc)
        return [BatchTaskItem(self, task) for task in tasks]

    def actions(self, parent):
        return menus.refresh_actions(self, parent)


class BatchTaskItem(_SameNameAndPath, QgsDataItem):
    """One batch task: its description (or id) and status."""

    def __init__(self, parent: QgsDataItem, task) -> None:
        label = task.description or task.id
        status = task.status_text or tr("unknown")
        super().__init__(ITEM_TYPE.Custom, parent, f"{label} — {status}", f"{parent.path()}/{task.id}", PROVIDER_KEY)
        self.task_id = task.id
        set_capabilities(self)
        self.setState(POPULATED)
        self.setIconName("mIconDataDefine.svg")
        created = task.created.strftime("%Y-%m-%d %H:%M") if task.created else ""
        self.setToolTip(tr("Batch task {}\nstatus {}\ncreated {}").format(task.id, status, created))
