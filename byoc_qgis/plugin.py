"""The QGIS plugin object: toolbar button, Web menu entry, dock widget and Processing provider."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .processing.provider import ICON_PATH, ByocProvider
from .translation import install_translator, tr


class ByocPlugin:
    """Registers the provider (also headless) and, with a QGIS interface, the dock and its toggles."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: Optional[ByocProvider] = None
        self.action: Optional[QAction] = None
        self.dock = None
        self.browser = None
        self.translator = install_translator()

    @property
    def menu_name(self) -> str:
        return tr("Sentinel Hub BYOC")

    def initProcessing(self) -> None:  # noqa: N802 - QGIS API name
        """Register the ``byoc`` provider; called by QGIS and by ``qgis_process`` (no iface there)."""
        if self.provider is None:
            self.provider = ByocProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS API name
        """Create the dock and its toolbar/menu toggle."""
        self.initProcessing()
        if self.iface is None:
            return
        from .gui.dock import ByocDock
        from .live import start_service

        start_service(self.iface)  # live views: project path hooks before any project is read

        self.dock = ByocDock(self.iface, self.iface.mainWindow(), wait_until_shown=True)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        from .gui.tiles_restore import start_restore

        start_restore(self.iface)  # tiles layers of a project read from now on (and of the one open) are loaded

        from .gui.browser import BrowserPanel

        self.browser = BrowserPanel(self.iface).start()  # the Browser panel's "Sentinel Hub BYOC" root
        self.browser.follow_dock(self.dock)  # the dock's lists follow what the Browser changes

        self.action = QAction(QIcon(ICON_PATH), tr("Sentinel Hub BYOC"), self.iface.mainWindow())
        self.action.setObjectName("byoc_qgis_toggle_dock")
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Show or hide the Sentinel Hub BYOC panel"))
        self.action.toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(self.action.setChecked)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToWebMenu(self.menu_name, self.action)

    def unload(self) -> None:
        """Remove every action, the dock and the provider (load → unload → load leaves no duplicates)."""
        if self.iface is not None and self.action is not None:
            self.iface.removePluginWebMenu(self.menu_name, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
        self.action = None
        if self.browser is not None:
            self.browser.stop()
        self.browser = None
        from .gui.tiles_open import close_session_registry
        from .gui.tiles_restore import stop_restore

        stop_restore()
        close_session_registry()  # tiles controllers made without the dock (the Browser panel)
        if self.dock is not None:
            self.dock.cleanup()
            if self.iface is not None:
                self.iface.removeDockWidget(self.dock)
            self.dock.close()
            self.dock.deleteLater()
        self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
        self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        from .core.qgis_adapters import remove_ca_bundles
        from .core.s3_layers import release_all
        from .live import stop_service

        stop_service()  # live views: path hooks, tile server, clients

        remove_ca_bundles()  # the private CA bundle files of this session
        release_all()  # per-bucket GDAL options held for batch mosaic layers
        from .processing.algorithms.batch_layers import unwatch_all

        unwatch_all()  # the projects' layersRemoved slots of batch mosaic layers
