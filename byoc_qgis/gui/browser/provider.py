"""The plugin's place in the Browser panel: a data item provider for the "Sentinel Hub BYOC" root, and the drop
handler that adds a collection's tiles layer when one is dragged onto the map or the layer tree."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsApplication, QgsDataItemProvider
from qgis.gui import QgsCustomDropHandler

from .compat import provider_capabilities
from .items import PROVIDER_KEY, RootItem
from .session import BrowserSession
from .uri import DROP_KEY, parse_collection_uri

__all__ = ["ByocItemProvider", "CollectionDropHandler", "BrowserPanel", "PROVIDER_NAME"]

PROVIDER_NAME = "Sentinel Hub BYOC"


class ByocItemProvider(QgsDataItemProvider):
    """Creates the root item (one per Browser model); nothing else is asked of it."""

    def __init__(self, session: BrowserSession) -> None:
        super().__init__()
        self.session = session

    def name(self) -> str:
        return PROVIDER_NAME

    def dataProviderKey(self) -> str:  # noqa: N802 - QGIS API name
        return PROVIDER_KEY

    def capabilities(self):
        return provider_capabilities()

    def createDataItem(self, path: str, parentItem):  # noqa: N802, N803 - QGIS API names
        if path or parentItem is not None:
            return None  # only the root: the rest comes from the items themselves
        return RootItem(self.session)


class CollectionDropHandler(QgsCustomDropHandler):
    """A collection dropped from the Browser adds its tiles layer (the URI holds no secret)."""

    def __init__(self, session: BrowserSession) -> None:
        super().__init__()
        self.session = session

    def customUriProviderKey(self) -> str:  # noqa: N802 - QGIS API name
        return DROP_KEY

    def handleCustomUriDrop(self, uri) -> None:  # noqa: N802 - QGIS API name
        parsed = parse_collection_uri(uri)
        if parsed is not None:
            connection, collection_id, name = parsed
            self.session.ops.add_tiles_layer(connection, collection_id, name)


class BrowserPanel:
    """Registers the provider and the drop handler (plugin initGui) and removes them again (unload)."""

    def __init__(self, iface=None) -> None:
        self.iface = iface
        self.session: Optional[BrowserSession] = None
        self.provider: Optional[ByocItemProvider] = None
        self.drop_handler: Optional[CollectionDropHandler] = None

    def start(self) -> BrowserPanel:
        """Add the "Sentinel Hub BYOC" root to every Browser (nothing is read until it is expanded)."""
        if self.provider is not None:
            return self
        self.session = BrowserSession(self.iface)
        self.provider = ByocItemProvider(self.session)
        QgsApplication.dataItemProviderRegistry().addProvider(self.provider)
        if self.iface is not None:
            handler = CollectionDropHandler(self.session)
            try:
                self.iface.registerCustomDropHandler(handler)
                self.drop_handler = handler
            except (AttributeError, NotImplementedError, TypeError):  # a test or headless interface
                pass
        return self

    def follow_dock(self, dock) -> None:
        """Keep the dock in step with what the Browser changes: its connection list after a connection was added,
        edited or removed, and its collection list after a collection of its connection was created, renamed or
        deleted (a hidden dock only refills its connection list; it lists collections when shown)."""
        session = self.session

        def connections_changed() -> None:
            if dock.isVisible():
                dock.reload_connections()
            else:
                dock._fill_connections()  # noqa: SLF001 - the list only, no listing while hidden

        def collections_changed(name: str) -> None:
            conn = dock.connection()
            if dock.isVisible() and conn is not None and conn.name == name:
                dock.refresh_collections()

        session.connections_changed.connect(connections_changed)
        session.collections_changed.connect(collections_changed)

    def stop(self) -> None:
        """Remove the root from the Browsers, the drop handler, and stop what the items started."""
        if self.drop_handler is not None and self.iface is not None:
            try:
                self.iface.unregisterCustomDropHandler(self.drop_handler)
            except (AttributeError, NotImplementedError, RuntimeError, TypeError):
                pass
        self.drop_handler = None
        if self.session is not None:
            self.session.close()  # first: workers waiting for a client are released
        if self.provider is not None:
            QgsApplication.dataItemProviderRegistry().removeProvider(self.provider)  # deletes it
        self.provider = None
        if self.session is not None:
            self.session.deleteLater()
        self.session = None


def provider_registered() -> bool:
    """True while a "Sentinel Hub BYOC" item provider is in QGIS's registry."""
    return any(p.name() == PROVIDER_NAME for p in QgsApplication.dataItemProviderRegistry().providers())
